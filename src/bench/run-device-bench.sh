#!/usr/bin/env bash
# sipdesk device bench (issue 4): round trip of a click through the phone's own sound card lines
# (SoundCards, 2-frame buffers each way) and a clocked virtual device, with no sound card and no
# kernel module: a private PulseAudio (user space, foreground, on a unix socket in a temporary
# directory, no D-Bus, no autospawn) with a null sink (clocked by the system's monotonic clock) at
# 16 kHz mono, reached by javax.sound as ALSA's `default` through ALSA's pulse plugin (an .asoundrc
# in a temporary HOME); the microphone records the null sink's monitor. Prints figures; not a test.
# See src/bench/README.md ("Device bench") for what the figure does and does not stand for.
#
#   src/bench/run-device-bench.sh [clicks, default 100]
#   src/bench/run-device-bench.sh CLICKS CARD    # a real card instead (part of its name, e.g. USB):
#                                                # no PulseAudio, the card looped back by cable
#
# Needs pulseaudio, pulseaudio-utils (pactl) and libasound2-plugins (installed with apt-get when run
# as root and missing) and a JDK 21+. About 25 s for 100 clicks. Stops what it started by PID and
# removes its temporary directory on exit. Knobs (environment): DEVICE_BENCH_EACH=1 prints every
# click, DEVICE_BENCH_THRESHOLD=4000 is what counts as the click coming back,
# BENCH_KEEP=1 keeps the directory (PulseAudio's and Java's logs).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$root"

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

if [ -n "${2:-}" ]; then
    . src/bench/bench-classes.sh
    exec "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" sipdesk.media.bench.DeviceBench "$1" "$2"
fi

# ---- tools -------------------------------------------------------------------------------------
missing=()
for p in pulseaudio pulseaudio-utils libasound2-plugins; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "needs ${missing[*]}: sudo apt-get install --no-install-recommends ${missing[*]}"
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

. src/bench/bench-classes.sh

# ---- clean-up: the PulseAudio this script started, by PID ----------------------------------------
work=$(mktemp -d /tmp/sipdesk-device-bench.XXXXXX)
pulse_pid=
cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    if [ -n "$pulse_pid" ]; then
        kill -TERM "$pulse_pid" 2>/dev/null || true
        for i in $(seq 50); do kill -0 "$pulse_pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pulse_pid" 2>/dev/null && kill -KILL "$pulse_pid" 2>/dev/null || true
        wait "$pulse_pid" 2>/dev/null || true
    fi
    if [ "${BENCH_KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then say "logs kept in $work"; else rm -rf "$work"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- a private PulseAudio with a clocked null sink ------------------------------------------------
socket=$work/pulse.sock
mkdir -m 700 "$work/run" "$work/state"
mkdir -p "$work/.config/pulse"
echo "autospawn = no" > "$work/.config/pulse/client.conf"
cat > "$work/bench.pa" <<EOF
load-module module-native-protocol-unix socket=$socket auth-anonymous=1
load-module module-null-sink sink_name=bench rate=16000 channels=1 format=s16le
set-default-sink bench
set-default-source bench.monitor
EOF
# ALSA's default PCM (what javax.sound calls "default") is the pulse plugin on that socket.
cat > "$work/.asoundrc" <<EOF
pcm.!default { type pulse; server "unix:$socket" }
ctl.!default { type pulse; server "unix:$socket" }
EOF
export HOME=$work XDG_RUNTIME_DIR=$work/run PULSE_RUNTIME_PATH=$work/run PULSE_STATE_PATH=$work/state
export PULSE_SERVER=unix:$socket PULSE_CLIENTCONFIG=$work/.config/pulse/client.conf
# -n: no default.pa, only bench.pa; -v: the log says what buffer each stream was granted.
pulseaudio -n -F "$work/bench.pa" --daemonize=no --use-pid-file=no --system=no --exit-idle-time=-1 \
    --disallow-exit=yes -v >"$work/pulse.log" 2>&1 &
pulse_pid=$!
for i in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl info >/dev/null 2>&1 || { cat "$work/pulse.log" >&2; die "PulseAudio did not start"; }
say "PulseAudio $(pulseaudio --version | awk '{print $2}') (PID $pulse_pid) on $socket: null sink at $(pactl list short sinks | awk '{print $4, $5, $6}')"

# ---- the bench ------------------------------------------------------------------------------------
status=0
"$JAVA" --enable-native-access=ALL-UNNAMED -cp "$CP" sipdesk.media.bench.DeviceBench "${1:-100}" default \
    2>"$work/java.log" || status=$?
if [ $status -ne 0 ]; then cat "$work/java.log" >&2; die "DeviceBench exited with $status"; fi
echo "PulseAudio's log of the streams (tlength = the playback line's buffer, minreq = its ALSA period; the sink latency it sets):"
grep -E "Requested tlength|Final latency|fragsize" "$work/pulse.log" | sed 's/^.*protocol-native.c: /  /' | sort | uniq -c

#!/bin/bash
# Issue 4's CPU figure as the issue states it: process CPU seconds per minute of a G.711 call and a
# G.722 call, of the whole phone as it runs on a Pi (the launcher src/main/sh/sipdesk and its JVM
# flags, the daemon, SIP stack and media), file devices for microphone and earpiece. Not part of
# `mvn test`. For each codec: the phone starts (IP direct, no account) on 127.0.0.1, rests IDLE
# seconds (measured), dials a baresip that answers by itself: the first call is measured for
# CALL_CPU_FIRST seconds (default 30; it also pays for the JIT), then a second call for CALL seconds;
# baresip's own CPU over that minute is printed for scale. CALL_CPU_CODECS picks the codecs. Every process started here
# is stopped by PID on exit.
# The C call floor (src/bench/c/call_floor.c) runs beside each measured call, for scale.
# CALL_CPU_FLOOR picks the floors beside the call: c (the default), java, both or none. The Java floor
# (src/bench/java/sipdesk/media/rtp/JavaCallFloor.java) is the C floor's loop on the phone's own I/O
# classes, in a JVM with the launcher's flags: what a call costs a JVM before any of the phone's audio
# work, so phone/Java floor is the most a leaner frame path could gain.
# CALL_CPU_BUSY_CPUS=1 keeps every CPU busy during the measured call with a SCHED_IDLE spin loop (it
# yields to anything else at once, and its CPU is not the phone's): on a VM, a vCPU that halts between
# frames loses its caches and TLB to the host's other guests, and the phone then pays for warming them
# again each frame. Comparing the two runs shows how much of a figure is that penalty (session 6: about
# 40 %, for baresip as for the phone).
# Needs baresip (apt-get install baresip-core), sox, a C compiler and a JDK 21+.
# Usage: src/bench/run-call-cpu-bench.sh [CALL seconds, default 60] [IDLE seconds, default 30]
set -eu
cd "$(dirname "$0")/../.."
CALL=${1:-60}
IDLE=${2:-30}
FIRST=${CALL_CPU_FIRST:-30}
FLOORS=${CALL_CPU_FLOOR:-c}
case $FLOORS in c|java|both|none) ;; *) echo "$0: CALL_CPU_FLOOR is c, java, both or none, not '$FLOORS'" >&2; exit 2 ;; esac
for t in baresip sox python3 ${CALL_CPU_BUSY_CPUS:+chrt timeout}; do command -v $t >/dev/null || { echo "$0: needs $t" >&2; exit 1; }; done
[ -f target/sipdesk.jar ] || mvn -q -B package -DskipTests
. src/bench/baresip-peer.sh

DIR=$(mktemp -d /tmp/call-cpu-bench.XXXXXX)
PIDS=""
cleanup() {
    for p in $PIDS; do kill "$p" 2>/dev/null || true; done
    [ -n "${BENCH_KEEP:-}" ] || rm -rf "$DIR"
}
trap cleanup EXIT
# A port free for both UDP and TCP (the phone and baresip listen on both).
free_port() {
    python3 - <<'PY'
import socket
while True:
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0)); p = u.getsockname()[1]
    t = socket.socket()
    try:
        t.bind(("127.0.0.1", p)); print(p); break
    except OSError:
        pass
    finally:
        t.close(); u.close()
PY
}
ticks=$(getconf CLK_TCK)
cpu_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
per_minute() { awk -v a="$1" -v b="$2" -v t="$ticks" -v s="$3" 'BEGIN { printf "%.2f", (b - a) / t * 60 / s }'; }
threads() { # tid, name, ticks: one line per thread of PID $1
    for t in /proc/"$1"/task/*; do
        printf '%s\t%s\t%s\n' "${t##*/}" "$(cat "$t/comm" 2>/dev/null)" "$(awk '{ sub(/.*\) /, ""); print $12 + $13 }' "$t/stat" 2>/dev/null)"
    done
}
wait_for() { # seconds, then a command that succeeds when the wait is over
    local limit=$1; shift
    for _ in $(seq $((limit * 5))); do "$@" && return 0; sleep 0.2; done
    return 1
}
sox -n -r 16000 -b 16 -c 1 "$DIR/mic.wav" synth 2 sine 1000 vol 0.3
# The machine's floor for a call, in the same minute as each measured call: a C loop that makes only
# the system calls a call needs (src/bench/c/call_floor.c), to a C peer on 127.0.0.1, run beside the
# call. The host's speed varies by 2-3x within an hour here; the phone against the floor does not.
floor_bin=""
if [ "$FLOORS" = none ]; then
    :
elif ! command -v cc >/dev/null; then
    echo "(no C compiler: the C call floor is not measured)"
elif cc -O2 -pthread -o "$DIR/call_floor" src/bench/c/call_floor.c 2>"$DIR/cc.log"; then
    floor_bin="$DIR/call_floor"
else
    echo "(the C call floor did not compile:)"; cat "$DIR/cc.log"
fi
java_floor=()
if [ "$FLOORS" = java ] || [ "$FLOORS" = both ]; then
    [ -n "$floor_bin" ] || { echo "$0: the Java floor's peer is the C floor's (call_floor peer): needs a C compiler" >&2; exit 1; }
    . src/bench/bench-classes.sh
    # The JVM flags the launcher gives the phone (a stand-in java prints them), without its CDS archive.
    # The stand-in must run: otherwise the launcher would go on to a real java and start a real phone.
    mkdir -p "$DIR/flags/bin"
    printf '%s\n' '#!/bin/sh' \
        'case "$*" in *-XshowSettings:properties*) echo "    java.specification.version = 21" >&2; exit 0 ;; esac' \
        'echo stand-in; for a; do [ "$a" = -jar ] && break; echo "$a"; done' > "$DIR/flags/bin/java"
    chmod +x "$DIR/flags/bin/java"
    "$DIR/flags/bin/java" -XshowSettings:properties -version 2>&1 | grep -q 'specification.version = 21' \
        || { echo "$0: cannot run a stand-in java in $DIR (noexec?): the Java floor needs the launcher's flags" >&2; exit 1; }
    flags=$(JAVA_HOME="$DIR/flags" timeout 30 src/main/sh/sipdesk run) || true
    case $flags in
        stand-in*-XX:*) ;;
        *) echo "$0: the launcher gave no JVM flags for the Java floor: $flags" >&2; exit 1 ;;
    esac
    mapfile -t launcher_flags < <(echo "$flags" | tail -n +2 | grep -v -e AutoCreateSharedArchive -e SharedArchiveFile)
    # The phone gets the last two from its jar's manifest.
    java_floor=("$JAVA" "${launcher_flags[@]}" "-XX:CompileCommand=CompileThresholdScaling,sipdesk.media.rtp.JavaCallFloor::main,0.01" \
        --add-exports java.base/sun.nio.ch=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -cp "$CP" sipdesk.media.rtp.JavaCallFloor)
fi

echo "== call CPU bench: the whole phone (launcher flags), ${IDLE} s idle then a ${CALL} s call, per codec =="
for codec in ${CALL_CPU_CODECS:-PCMU G722}; do
    d="$DIR/$codec"
    mkdir -p "$d"
    phone_port=$(free_port)
    peer_port=$(free_port)
    cat > "$d/sipdesk.cfg" <<CFG
account.1.enable = 0
sipdesk.sip.local_address = 127.0.0.1
sipdesk.sip.local_port = $phone_port
sipdesk.audio.capture = file:$DIR/mic.wav
sipdesk.audio.playback = file:$d/earpiece.wav
account.1.codec.pcmu.enable = $([ $codec = PCMU ] && echo 1 || echo 0)
account.1.codec.pcma.enable = 0
account.1.codec.g722.enable = $([ $codec = G722 ] && echo 1 || echo 0)
CFG
    baresip_conf "$d" baresip "$peer_port" "<sip:b@127.0.0.1:$peer_port>;regint=0;answermode=auto"
    baresip -4 -f "$d/baresip" </dev/null >"$d/baresip.log" 2>&1 &
    peer=$!
    PIDS="$PIDS $peer"
    SIPDESK_CDS_DIR=$d src/main/sh/sipdesk run --config "$d/sipdesk.cfg" --hardware sim --network sip \
        --state-dir "$d" --socket "$d/control.sock" </dev/null >"$d/phone.log" 2>&1 &
    phone=$! # the launcher execs the JVM: this is the JVM's PID
    PIDS="$PIDS $phone"
    cli() { src/main/sh/sipdesk --socket "$d/control.sock" "$@"; }
    wait_for 60 test -S "$d/control.sock" || { echo "$codec: the phone did not start (log: $d/phone.log)"; BENCH_KEEP=1; exit 1; }
    wait_for 30 grep -q "baresip is ready" "$d/baresip.log" || { echo "$codec: baresip did not start"; BENCH_KEEP=1; exit 1; }
    sleep 5 # start-up's class loading and compiling are over before the idle minute is measured
    c0=$(cpu_ticks $phone); sleep "$IDLE"; c1=$(cpu_ticks $phone)
    idle=$(per_minute "$c0" "$c1" "$IDLE")
    connected() { src/main/sh/sipdesk --socket "$d/control.sock" status | grep -q 'state: Connected'; }
    idle_again() { src/main/sh/sipdesk --socket "$d/control.sock" status | grep -q 'state: Idle'; }
    # The first call after start-up also pays for compiling the call's code (C1, the launcher's JIT):
    # measured on its own, then a second call, as on a phone that has made calls before.
    cli dial "b@127.0.0.1:$peer_port" >/dev/null
    wait_for 30 connected || { echo "$codec: the call did not connect (logs in $d)"; BENCH_KEEP=1; exit 1; }
    c0=$(cpu_ticks $phone); sleep "$FIRST"; c1=$(cpu_ticks $phone)
    first=$(per_minute "$c0" "$c1" "$FIRST")
    cli hangup >/dev/null
    wait_for 30 idle_again || { echo "$codec: the first call did not end (logs in $d)"; BENCH_KEEP=1; exit 1; }
    jfloor=""
    if [ ${#java_floor[@]} -gt 0 ]; then
        # Started 8 s before the dial, for its JIT's warm-up; it measures between the "start" and "stop"
        # written to it when the phone's CPU is read, so its window is the call's.
        jport=$(free_port); jpeer_port=$(free_port)
        "$floor_bin" peer $((CALL + 120)) "$jpeer_port" "$jport" > /dev/null 2>&1 &
        jpeer=$!
        PIDS="$PIDS $jpeer"
        mkfifo "$d/floor-signals"
        "${java_floor[@]}" "$jport" "$jpeer_port" "$d/java-floor.wav" < "$d/floor-signals" > "$d/java-floor.txt" 2>&1 &
        jfloor=$!
        PIDS="$PIDS $jfloor"
        exec 7> "$d/floor-signals"
        sleep 8
    fi
    cli dial "b@127.0.0.1:$peer_port" >/dev/null
    wait_for 30 connected || { echo "$codec: the second call did not connect (logs in $d)"; BENCH_KEEP=1; exit 1; }
    threads $phone > "$d/threads-before.txt"
    floor=""
    if [ -n "$floor_bin" ] && [ "$FLOORS" != java ]; then
        "$floor_bin" "$CALL" "$(free_port)" "$(free_port)" "$d/floor.raw" fifo > "$d/floor.txt" 2>&1 &
        floor=$!
        PIDS="$PIDS $floor" # its peer ends with it (PR_SET_PDEATHSIG)
    fi
    spinners=""
    if [ -n "${CALL_CPU_BUSY_CPUS:-}" ]; then
        for _ in $(seq "$(nproc)"); do
            # bounded: they end by themselves even if this script is killed
            timeout $((CALL + 10)) chrt --idle 0 sh -c 'while :; do :; done' &
            spinners="$spinners $!"
        done
        PIDS="$PIDS $spinners"
    fi
    # (in a subshell that ignores SIGPIPE: a floor that died must not take the bench with it)
    [ -z "$jfloor" ] || (trap '' PIPE; echo start >&7) 2>/dev/null || true
    c0=$(cpu_ticks $phone); b0=$(cpu_ticks $peer); sleep "$CALL"; c1=$(cpu_ticks $phone); b1=$(cpu_ticks $peer)
    [ -z "$jfloor" ] || { (trap '' PIPE; echo stop >&7) 2>/dev/null || true; exec 7>&-; }
    if [ -n "$spinners" ]; then
        kill $spinners 2>/dev/null || true
        wait $spinners 2>/dev/null || true
        for s in $spinners; do PIDS=${PIDS/ $s/}; done
    fi
    threads $phone > "$d/threads-after.txt"
    floor_line="no C floor"
    if [ -n "$floor" ]; then
        if wait $floor; then
            floor_line=$(grep -o 'C call floor.*' "$d/floor.txt")
        else
            floor_line="C call floor failed: $(tail -1 "$d/floor.txt")"
        fi
        PIDS=${PIDS/ $floor/}
    fi
    jfloor_line=""
    if [ -n "$jfloor" ]; then
        if wait $jfloor; then
            jfloor_line=$(grep -o 'Java call floor, .*' "$d/java-floor.txt")
        else
            jfloor_line="Java call floor failed: $(grep -m1 -E 'JavaCallFloor:|Exception|Error' "$d/java-floor.txt")"
        fi
        kill $jpeer 2>/dev/null || true
        wait $jpeer 2>/dev/null || true
        PIDS=${PIDS/ $jfloor/}; PIDS=${PIDS/ $jpeer/}
    fi
    rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$phone/status")
    status=$(cli status)
    cli hangup >/dev/null || true
    echo "$codec: phone idle $idle s/min; first call after start $first s/min; a later call $(per_minute "$c0" "$c1" "$CALL") s/min" \
        "($(awk -v a="$c0" -v b="$c1" -v t="$ticks" -v s="$CALL" 'BEGIN { printf "%.2f", (b - a) / t / s * 100 }') % of a core);" \
        "baresip (the other end) $(per_minute "$b0" "$b1" "$CALL") s/min; phone RSS ${rss} kB"
    echo "  busiest threads in the call, s/min: $(join -t "$(printf '\t')" <(sort "$d/threads-before.txt") <(sort "$d/threads-after.txt") \
        | awk -F'\t' -v t="$ticks" -v s="$CALL" '{ d = $5 - $3; if (d > 0) printf "%.3f\t%s\n", d / t * 60 / s, $2 }' | sort -rn | head -4 | awk -F'\t' '{ printf "%s %s; ", $2, $1 }')"
    echo "  $(echo "$status" | grep -E '^call:' | head -1)"
    floor_cpu=$(echo "$floor_line" | sed -n 's/^C call floor, [0-9]* s: \([0-9.]*\) s\/min.*/\1/p')
    [ "$FLOORS" = java ] || [ "$FLOORS" = none ] || echo "  same minute: $floor_line$( [ -n "$floor_cpu" ] && awk -v p="$(per_minute "$c0" "$c1" "$CALL")" -v f="$floor_cpu" 'BEGIN { if (f > 0) printf "; phone/floor %.1f", p / f }')"
    jfloor_cpu=$(echo "$jfloor_line" | sed -n 's/^Java call floor, [0-9]* s: \([0-9.]*\) s\/min.*/\1/p')
    [ -z "$jfloor_line" ] || echo "  same minute: $jfloor_line$( [ -n "$jfloor_cpu" ] && awk -v p="$(per_minute "$c0" "$c1" "$CALL")" -v f="$jfloor_cpu" 'BEGIN { if (f > 0) printf "; phone/Java floor %.2f", p / f }')"
    [ -z "$spinners" ] || echo "  every CPU was kept busy by a SCHED_IDLE spin loop during this call (CALL_CPU_BUSY_CPUS)"
    grep -hE "real-time scheduling|RTP arrival times|RTP read one datagram" "$d/phone.log" | sed 's/^/  phone: /' | head -2
    kill $phone $peer 2>/dev/null || true
    wait $phone $peer 2>/dev/null || true
done

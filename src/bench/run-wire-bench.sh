#!/bin/bash
# Issue 4 figures measured on the wire (not part of `mvn test`), about 80 s in all:
#  (a) RTP send pacing of our phone and of baresip in the same run, by the same method: one tcpdump
#      on lo (--immediate-mode, kernel timestamps) over a 60 s call each; median/p99/max |interval - 20 ms|.
#  (b) network-in to network-out latency of the phone in echo mode (20 ms jitter buffer): WireBench
#      sends RTP with clicks and timestamps their echo.
# Needs root (tcpdump) and baresip (apt-get install baresip-core). Usage: src/bench/run-wire-bench.sh [seconds, default 60]
set -eu
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-60}

. src/bench/bench-classes.sh

DIR=$(mktemp -d /tmp/wire-bench.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PA=$(free_port); PB=$(free_port)
. src/bench/baresip-peer.sh
baresip_conf "$DIR" b "$PB" "<sip:b@127.0.0.1:$PB>;regint=0;answermode=auto"
baresip_conf "$DIR" a "$PA" "<sip:a@127.0.0.1:$PA>;regint=0"

PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
tcpdump -i lo --immediate-mode -n -s 64 -w "$DIR/rtp.pcap" udp 2>"$DIR/tcpdump.log" &
PIDS="$PIDS $!"
sleep 1
baresip -4 -f "$DIR/b" </dev/null >"$DIR/b.log" 2>&1 &
BARESIP_B=$!
PIDS="$PIDS $!"
sleep 1
baresip -4 -f "$DIR/a" -e "/dial sip:b@127.0.0.1:$PB" </dev/null >"$DIR/a.log" 2>&1 &
BARESIP_A=$!
PIDS="$PIDS $!"

# The machine's floor in the same minute: a do-nothing C loop at SCHED_FIFO 10 (src/bench/c).
FLOOR=""
if command -v cc >/dev/null && cc -O2 -o "$DIR/pacing_reference" src/bench/c/pacing_reference.c 2>"$DIR/cc.log"; then
    "$DIR/pacing_reference" "$SECONDS_RUN" fifo 1000 >"$DIR/floor.txt" 2>&1 &
    FLOOR=$!
fi
echo "== wire bench: ${SECONDS_RUN} s; baresip 1.0 pair (PCMU) and sipdesk in echo mode (PCMU) at the same time =="
"$JAVA" --enable-native-access=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED -cp "$CP" sipdesk.media.bench.WireBench echo "$SECONDS_RUN" "$DIR/phone-port"
# baresip's CPU for the same minute, per call end, by the same measure as the media bench's (process
# CPU seconds; a baresip process is one call end with its own audio devices, here ausine/aubridge).
ticks=$(getconf CLK_TCK)
for who in A B; do
    pid=$([ "$who" = A ] && echo "$BARESIP_A" || echo "$BARESIP_B")
    [ -r "/proc/$pid/stat" ] || continue
    awk -v t="$ticks" -v s="$SECONDS_RUN" -v w="$who" '{ sub(/.*\) /, ""); cpu = ($12 + $13) / t;
        printf "baresip %s CPU: %.2f s in about %d s of call (%.2f s per minute)\n", w, cpu, s, cpu * 60 / s }' "/proc/$pid/stat"
done
sleep 1
cleanup
PIDS=""
sleep 1
read PHONE_PORT PEER_PORT < "$DIR/phone-port"
tcpdump -tt -n -r "$DIR/rtp.pcap" > "$DIR/rtp.txt" 2>/dev/null
"$JAVA" -cp "$CP" sipdesk.media.bench.WireBench pacing "$DIR/rtp.txt" "$PHONE_PORT=sipdesk,$PEER_PORT=bench-sender"
if [ -n "$FLOOR" ]; then
    wait "$FLOOR" || true
    echo "machine floor, same minute: $(grep 'C reference loop' "$DIR/floor.txt" || echo 'no figure (see floor.txt)')"
else
    echo "machine floor: no C compiler, not measured"
fi
grep -h "Call established\|audio encoder" "$DIR/a.log" "$DIR/b.log" | sed 's/^/  baresip: /' | head -4
echo "(capture and logs in $DIR)"

#!/usr/bin/env bash
# sipdesk SIP benchmarks (issue 3): start-up time, callee processing time, load. Prints figures;
# not a test (mvn test never runs it). From the repository root:
#
#   src/bench/run-sip-bench.sh
#
# Needs kamailio, sipp (sip-tester) and tcpdump (installed with apt-get when run as root and missing),
# a JDK 21+ (javac, jcmd) and maven. Starts its own kamailio on free 127.0.0.1 ports, runs the phone
# with the launcher (src/main/sh/sipdesk, its JVM flags), drives it with sipp, captures the phone's
# port on lo with tcpdump, and stops everything it started by PID on exit. About 5 minutes (on 2 cores).
#
# Knobs (environment): BENCH_RUNS=5 start-ups per variant, BENCH_CALLS=200 measured calls at
# BENCH_RATE=10 calls/s after BENCH_WARMUP=50, BENCH_LOAD_RATE=20 calls/s for BENCH_LOAD_S=60 s with
# BENCH_HOLD_MS=20 ms between ACK and BYE after BENCH_LOAD_WARMUP_S=60 s at that rate,
# BENCH_SETTLE_S=35 before each RSS reading,
# BENCH_SKIP_BUILD=1 to use target/ as it is, BENCH_KEEP=1 to keep the work directory.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$root"

runs=${BENCH_RUNS:-5}
calls=${BENCH_CALLS:-200}
rate=${BENCH_RATE:-10}
warmup=${BENCH_WARMUP:-50}
load_rate=${BENCH_LOAD_RATE:-20}
load_s=${BENCH_LOAD_S:-60}
hold_ms=${BENCH_HOLD_MS:-20}
settle_s=${BENCH_SETTLE_S:-35}
load_warmup_s=${BENCH_LOAD_WARMUP_S:-60}

say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }

# ---- tools -------------------------------------------------------------------------------------
missing=()
command -v kamailio >/dev/null 2>&1 || missing+=(kamailio)
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v tcpdump >/dev/null 2>&1 || missing+=(tcpdump)
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] || die "needs ${missing[*]}: sudo apt-get install ${missing[*]}"
    say "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# tcpdump on lo needs CAP_NET_RAW: root, or setcap cap_net_raw,cap_net_admin=eip $(command -v tcpdump)
. src/main/sh/find-java.sh
find_java || exit 1
jdk_bin=$(dirname "$(readlink -f "$JAVA")")
[ -x "$jdk_bin/javac" ] || die "$JAVA is not a JDK (no javac beside it): set JAVA_HOME to a JDK 21+"

# ---- clean-up: every process this script started, by PID -----------------------------------------
work=$(mktemp -d /tmp/sipdesk-bench.XXXXXX)
started=()   # PIDs in start order; stopped in reverse
kam_children=()
stop_pid() {  # SIGTERM, then SIGKILL after 5 s
    local pid=$1 i
    # only a child of this script: a finished one's PID may have been reused since
    [ "$(awk '{ print $4 }' "/proc/$pid/stat" 2>/dev/null)" = "$$" ] || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local rc=$? i
    trap - EXIT INT TERM
    for ((i = ${#started[@]} - 1; i >= 0; i--)); do stop_pid "${started[i]}"; done
    # kamailio's workers outlive a killed main process: stop those we saw, by PID.
    for i in "${kam_children[@]}"; do
        [ "$(cat "/proc/$i/comm" 2>/dev/null)" = kamailio ] && kill -KILL "$i" 2>/dev/null || true
    done
    if [ "${BENCH_KEEP:-0}" = 1 ] || [ $rc -ne 0 ]; then say "logs kept in $work"; else rm -rf "$work"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND...: polls every 0.1 s, bounded
    local limit=$1 what=$2 i
    shift 2
    for ((i = 0; i < limit * 10; i++)); do "$@" && return 0; sleep 0.1; done
    die "$what not within ${limit} s"
}

# ---- build --------------------------------------------------------------------------------------
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    say "building target/sipdesk.jar"
    mvn -q -B -o package -DskipTests >"$work/build.log" 2>&1 || mvn -q -B package -DskipTests >"$work/build.log" 2>&1 \
        || { cat "$work/build.log" >&2; die "maven build"; }
fi
[ -f target/sipdesk.jar ] || die "no target/sipdesk.jar"
"$jdk_bin/javac" -d "$work/classes" src/bench/java/sipdesk/bench/*.java || die "compiling src/bench/java"
bench() { "$JAVA" -cp "$work/classes" "sipdesk.bench.$@"; }

mapfile -t ports < <(bench FreePorts 4)
kam_port=${ports[0]} phone_port=${ports[1]} sipp_port=${ports[2]} media_port=${ports[3]}
say "ports: kamailio $kam_port, phone $phone_port, sipp $sipp_port (media $media_port); work dir $work"

# ---- kamailio: the test registrar/proxy, one user --------------------------------------------------
sed -e "s/@@PORT@@/$kam_port/g" -e "s/@@DOMAIN@@/sipdesk.test/g" \
    -e "s#@@MPATH@@#/usr/lib/x86_64-linux-gnu/kamailio/modules/#" -e "s/@@MAX_EXPIRES@@/3600/" \
    -e "s/@@AUTH_ALGORITHM@@//" -e 's/@@HTABLE_INIT@@/    $sht(users=>1001) = "bench1001";/' \
    -e 's/^children=.*/children=1/' src/test/resources/kamailio/kamailio.cfg >"$work/kamailio.cfg"
# One UDP worker: with two, the phone's 180 and 200 (sent 0.5 ms apart) are sometimes relayed in the
# wrong order, and sipp aborts a call whose 180 comes after its 200.
kamailio -f "$work/kamailio.cfg" -DD -E -P "$work/kamailio.pid" -Y "$work" -m 64 -M 8 -w "$work" \
    </dev/null >"$work/kamailio.log" 2>&1 &
kam_pid=$!
started+=("$kam_pid")
udp_bound() { ss -Hlun "sport = :$1" | grep -q .; }
wait_for 20 "kamailio listening on $kam_port" udp_bound "$kam_port"
sleep 0.3
mapfile -t kam_children < <(pgrep -P "$kam_pid" || true)

cat >"$work/phone.cfg" <<EOF
account.1.enable = 1
account.1.user_name = 1001
account.1.password = bench1001
account.1.sip_server.1.address = 127.0.0.1
account.1.sip_server.1.port = $kam_port
account.1.sip_server.1.expires = 3600
account.1.auto_answer = 1
features.auto_answer_delay = 0
sipdesk.sip.local_address = 127.0.0.1
sipdesk.sip.local_port = $phone_port
EOF
mkdir -p "$work/state"
phone_cmd=(src/main/sh/sipdesk run --config "$work/phone.cfg" --hardware sim --network sip
           --state-dir "$work/state" --socket "$work/control.sock")
results="$work/results.txt"
: >"$results"

# ---- 1. start-up ---------------------------------------------------------------------------------
say "1. start-up: $runs runs with the launcher's flags"
bench StartupTimer "$runs" "$work/startup" plain -- "${phone_cmd[@]}" | tee -a "$results" >&2
jsa="$work/sipdesk.jsa"
say "1b. start-up with an AppCDS archive (one training run writes $jsa at exit, then $runs runs)"
SIPDESK_JAVA_OPTS="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$jsa" \
    bench StartupTimer 1 "$work/startup" cds-training -- "${phone_cmd[@]}" >/dev/null
[ -f "$jsa" ] || say "no archive written: the AppCDS runs below use the JDK's default archive only"
SIPDESK_JAVA_OPTS="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$jsa" \
    bench StartupTimer "$runs" "$work/startup" appcds -- "${phone_cmd[@]}" | tee -a "$results" >&2
say "1c. class loading of one start-up (-Xlog:class+load)"
SIPDESK_JAVA_OPTS="-Xlog:class+load=info:file=$work/classload.txt" \
    bench StartupTimer 1 "$work/startup" classlog -- "${phone_cmd[@]}" >/dev/null
classes_by_source() {  # how many classes each source gave until registration (whole run, roughly)
    awk '/source:/ { s = $NF
            if ($0 ~ /shared objects file/) s = "CDS archive (JDK default or AppCDS)"
            else if (s ~ /^jrt:/) s = "JDK modules (jrt:/, not in the archive)"
            else if (s !~ /\.jar$/ || $0 ~ /Lambda/) s = "generated (lambdas, proxies, reflection)"
            else { sub(/.*\//, "", s) }
            n[s]++ }
         END { for (k in n) printf "%6d  %s\n", n[k], k }' "$1" | sort -rn | head -12
}

# ---- the phone for phases 2 and 3 ----------------------------------------------------------------
"${phone_cmd[@]}" </dev/null >"$work/phone.out" 2>"$work/phone.log" &
phone_pid=$!   # the launcher execs the JVM: this is the JVM's PID
started+=("$phone_pid")
registered() { grep -q 'state=Registered\[' "$work/phone.log"; }
wait_for 30 "phone registered (see $work/phone.log)" registered

tcpdump_pid=""
# --immediate-mode: without it libpcap hands packets over in blocks, and the block still open when
# tcpdump is stopped is lost (the last calls of a run went missing).
capture_start() {  # capture_start FILE: the phone's SIP port on lo, nanosecond timestamps
    tcpdump -i lo -n -U --immediate-mode --time-stamp-precision=nano -w "$1" "udp port $phone_port" \
        </dev/null >/dev/null 2>"$1.log" &
    tcpdump_pid=$!
    started+=("$tcpdump_pid")
    listening() { grep -q 'listening on' "$1.log"; }
    wait_for 10 "tcpdump listening" listening "$1"
}
capture_stop() {
    sleep 0.5   # the last 200 to BYE
    kill -INT "$tcpdump_pid" 2>/dev/null || true
    wait "$tcpdump_pid" 2>/dev/null || true
}
# -l 1: one call at a time, as a single-line phone takes them. sipp's rate is not evenly spaced
# (it catches up in bursts), and a call that arrives while the previous one is still up is a
# waiting call, which auto-answer does not pick up (NetworkRules.remoteHangup): it would ring until
# sipp gives up and every call meanwhile would get 486.
sipp_calls() {  # sipp_calls NAME CALLS RATE: calls through kamailio; answered, hold, BYE
    local name=$1 n=$2 r=$3 limit=$(($2 / $3 + 60))
    sipp -sf src/bench/sipp/uac_call_hold_bye.xml -i 127.0.0.1 -p "$sipp_port" -mp "$media_port" \
        -s 1001 -m "$n" -r "$r" -l 1 -d "$hold_ms" -timeout "${limit}s" -nostdin \
        -trace_err -error_file "$work/$name-errors.log" "127.0.0.1:$kam_port" \
        </dev/null >"$work/$name.out" 2>&1 &
    local pid=$!
    started+=("$pid")
    local rc=0
    wait "$pid" || rc=$?
    local ok failed cps
    ok=$(awk -F'|' '/Successful call/ { gsub(/ /, "", $3); v = $3 } END { print v + 0 }' "$work/$name.out")
    failed=$(awk -F'|' '/Failed call/ { gsub(/ /, "", $3); v = $3 } END { print v + 0 }' "$work/$name.out")
    cps=$(awk -F'|' '/Call Rate/ { gsub(/ |cps/, "", $3); v = $3 } END { print v }' "$work/$name.out")
    echo "SIPP $name $n $ok $failed $rc $cps" | tee -a "$results" >&2
}

# ---- 2. callee processing time -------------------------------------------------------------------
say "2. callee processing time: $warmup warm-up calls, then $calls calls at $rate calls/s"
capture_start "$work/warmup.pcap"
sipp_calls warmup "$warmup" "$rate"
capture_stop
bench SipCapture "$work/warmup.pcap" "$phone_port" warmup | grep FIRST | tee -a "$results" >&2
capture_start "$work/latency.pcap"
sipp_calls latency "$calls" "$rate"
capture_stop
bench SipCapture "$work/latency.pcap" "$phone_port" latency | grep -v FIRST | tee -a "$results" >&2

# ---- 3. load -------------------------------------------------------------------------------------
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$phone_pid/status"; }
settle() {  # JAIN-SIP keeps finished UDP transactions for Timer J (64*T1 = 32 s); then a full GC.
    sleep "$settle_s"
    if [ -x "$jdk_bin/jcmd" ]; then "$jdk_bin/jcmd" "$phone_pid" GC.run >/dev/null 2>&1 || say "jcmd GC.run failed"; fi
    sleep 2
}
heap_kb() {  # live heap after the last full GC: DefNew + Tenured "used", from jcmd GC.heap_info
    [ -x "$jdk_bin/jcmd" ] || { echo "?"; return; }
    "$jdk_bin/jcmd" "$phone_pid" GC.heap_info 2>/dev/null \
        | awk '/(DefNew|Tenured) +total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); t += v } }
               END { print t + 0 }'
}
# The same rate as the load first: the heap grows to what 20 calls/s keeps in flight (transactions
# live 32 s) and the JIT compiles the load's paths; "before" is read after that, so before/after
# compares steady states and a difference means memory kept per call.
say "3. load: warm-up at $load_rate calls/s for $load_warmup_s s, then settling ${settle_s} s before reading RSS"
sipp_calls loadwarmup $((load_rate * load_warmup_s)) "$load_rate"
settle
rss_before=$(rss_kb)
heap_before=$(heap_kb)
log_lines_before=$(wc -l <"$work/phone.log")
say "3. load: $load_rate calls/s for $load_s s, hold $hold_ms ms (RSS before: $rss_before kB)"
capture_start "$work/load.pcap"
sipp_calls load $((load_rate * load_s)) "$load_rate"
capture_stop
kill -0 "$phone_pid" 2>/dev/null || die "the phone died under load (see $work/phone.log)"
bench SipCapture "$work/load.pcap" "$phone_port" load | grep -v FIRST | tee -a "$results" >&2
say "3. load: settling ${settle_s} s"
settle
rss_after=$(rss_kb)
heap_after=$(heap_kb)
tail -n +"$((log_lines_before + 1))" "$work/phone.log" >"$work/phone-load.log"
exceptions=$(grep -ciE 'exception|SEVERE' "$work/phone-load.log" || true)
warnings=$(grep -c ' WARNING ' "$work/phone-load.log" || true)
echo "RSS $rss_before $rss_after $heap_before $heap_after" >>"$results"
echo "LOG $exceptions $warnings" >>"$results"
status=$(src/main/sh/sipdesk --socket "$work/control.sock" status 2>&1 | head -3 | tr '\n' ' ' || true)

# ---- report --------------------------------------------------------------------------------------
field() { awk -v k="$1" -v l="$2" -v w="${3:-}" '$1 == k && $2 == l && (w == "" || $3 == w)' "$results"; }
lat_row() {  # lat_row LABEL WHAT TEXT
    local line
    line=$(field LATENCY "$1" "$2")
    [ -n "$line" ] || { echo "| $3 | (none) | | |"; return; }
    set -- $line "$3"
    local verdict=""
    [ "$2" = latency ] && [ "$3" != "INVITE->100" ] && verdict=$(awk -v m="$5" 'BEGIN { print (m <= 5 ? "met (≤ 5 ms median)" : "missed (> 5 ms median)") }')
    printf '| %s | %s ms | %s ms (max %s) | n=%s %s |\n' "$8" "$5" "$6" "$7" "$4" "$verdict"
}
milestones() {
    awk '$1 == "MILESTONE" { name = substr($0, index($0, $4)) }
         $1 == "MILESTONE" && $2 == "plain" { p[name] = $3; order[++n] = name }
         $1 == "MILESTONE" && $2 == "appcds" { c[name] = $3 }
         END { for (i = 1; i <= n; i++) printf "  %8s  %8s  %s\n", p[order[i]], c[order[i]], order[i] }' "$results"
}
read -r _ _ plain_med plain_min plain_max <<<"$(field RESULT plain)"
read -r _ _ cds_med cds_min cds_max <<<"$(field RESULT appcds)"
read -r _ _ _ load_ok load_failed load_rc load_cps <<<"$(field SIPP load)"
read -r _ _ lat_n lat_ok lat_failed _ <<<"$(field SIPP latency)"
first200=$(field FIRST warmup INVITE-\>200 | awk '{ print $4 }')
rss_delta=$(awk -v a="$rss_before" -v b="$rss_after" 'BEGIN { printf "%+.1f", (b - a) * 100 / a }')
rss_ok=$(awk -v d="$rss_delta" 'BEGIN { print (d <= 10 && d >= -10 ? "within 10 %" : "outside 10 %") }')
startup_ok=$(awk -v m="$plain_med" 'BEGIN { print (m <= 1500 ? "met (≤ 1.5 s)" : "missed (> 1.5 s)") }')

cat <<EOF

## sipdesk SIP benchmarks ($(date -u +%Y-%m-%dT%H:%MZ))
Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)
Java: $("$JAVA" -version 2>&1 | head -1); launcher flags: $(sed -n '/^exec "\$JAVA"/,/-jar/p' src/main/sh/sipdesk | grep -o -- ' -[-X][^ ]*' | grep -v -- '-jar' | tr -d '\n')
Command: src/bench/run-sip-bench.sh   (BENCH_RUNS=$runs BENCH_CALLS=$calls BENCH_RATE=$rate BENCH_LOAD_RATE=$load_rate BENCH_LOAD_S=$load_s BENCH_HOLD_MS=$hold_ms)

| What | Median | p99 / range | Notes |
|---|---|---|---|
| Start-up: launcher exec → REGISTER 200 handled | $plain_med ms | $plain_min–$plain_max ms | $runs runs, $startup_ok |
| Start-up with AppCDS (-XX:+AutoCreateSharedArchive) | $cds_med ms | $cds_min–$cds_max ms | $runs runs after one training run |
$(lat_row latency INVITE-\>100 "Callee: INVITE in → 100 Trying out (before the core)")
$(lat_row latency INVITE-\>180 "Callee: INVITE in → 180 out")
$(lat_row latency INVITE-\>200 "Callee: INVITE in → 200 out (auto-answer)")
| Callee: first call after start-up, INVITE → 200 | $first200 ms | | cold JIT |
| Load: $load_rate calls/s × $load_s s, hold $hold_ms ms, BYE | $load_ok of $((load_rate * load_s)) completed | $load_failed failed | sipp exit $load_rc, achieved $load_cps calls/s, one call at a time |
$(lat_row load INVITE-\>200 "Load: INVITE in → 200 out")
| Load: exceptions / SEVERE lines in the phone's log | $exceptions | | $warnings WARNING lines |
| Load: phone RSS before → after | $rss_before → $rss_after kB | $rss_delta % | $rss_ok (each after ${settle_s} s + full GC) |
| Load: live heap after full GC, before → after | $heap_before → $heap_after kB | | jcmd GC.heap_info, used |

Start-up milestones (median ms from exec): plain / AppCDS
$(milestones)

Classes loaded in one start-up, by source:
$(classes_by_source "$work/classload.txt")

Latency calls: $lat_ok of $lat_n completed ($lat_failed failed). Phone status after the load: $status
EOF

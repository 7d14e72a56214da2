#!/usr/bin/env bash
# JMH over the steady-state audio path (codecs, jitter buffer, mixer) with the GC profiler: prints
# time and bytes allocated per 20 ms frame (gc.alloc.rate.norm; the target is about 0 B/op).
# Not a test: run it by hand. Usage: src/bench/run-jmh.sh [extra JMH options]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../.." && pwd)
cd "$root"
. src/main/sh/find-java.sh
find_java || exit 1
javac="$(dirname "$JAVA")/javac"
[ -x "$javac" ] || { echo "run-jmh: needs a JDK (javac next to $JAVA)" >&2; exit 1; }

mvn -q -B package -DskipTests
out=target/jmh
rm -rf "$out" && mkdir -p "$out/classes" "$out/lib"
for a in org.openjdk.jmh:jmh-core:1.37 org.openjdk.jmh:jmh-generator-annprocess:1.37 \
         net.sf.jopt-simple:jopt-simple:5.0.4 org.apache.commons:commons-math3:3.6.1; do
    mvn -q -B dependency:copy -Dartifact="$a" -DoutputDirectory="$out/lib" >/dev/null
done
cp="target/classes:$(ls "$out"/lib/*.jar | tr '\n' ':')"
"$javac" -d "$out/classes" -cp "$cp" -processorpath "$cp" $(find src/bench/jmh -name '*.java')
# Our defaults for forks, warm-up and measurement, each only where the caller gave none of its own
# (JMH refuses an option given twice).
defaults=()
for pair in "-f 1" "-wi 3" "-w 2s" "-i 5" "-r 2s"; do
    flag=${pair%% *}
    given=no
    for a in "$@"; do [ "$a" = "$flag" ] && given=yes; done
    [ $given = yes ] || defaults+=($pair)
done
"$JAVA" -cp "$out/classes:$cp" org.openjdk.jmh.Main AudioPathBenchmark \
    "${defaults[@]}" -prof gc "$@" > "$out/jmh.log" 2>&1 || { tail -20 "$out/jmh.log"; exit 1; }
# The summary table only: time per frame and gc.alloc.rate.norm (bytes allocated per frame).
sed -n '/^Benchmark /,$p' "$out/jmh.log" | grep -E "^Benchmark|us/op|alloc.rate.norm"

#!/bin/sh
# Media figures (pacing, CPU per minute of a G.711 and a G.722 call, allocation per frame).
# Not part of `mvn test`. Usage: src/bench/run-media-bench.sh [seconds per codec, default 60]
# MEDIA_BENCH_JAVA_OPTS adds JVM options, e.g. the launcher's (src/main/sh/sipdesk):
#   MEDIA_BENCH_JAVA_OPTS="-XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -Xlog:gc,safepoint:file=/tmp/gc.log:uptimenanos"
set -eu
cd "$(dirname "$0")/../.."

java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p'; }
JAVA=""
for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then JAVA=$candidate; break; fi
done
[ -n "$JAVA" ] || { echo "run-media-bench: no Java 21+ found (set JAVA_HOME)" >&2; exit 1; }
JAVAC=$(dirname "$JAVA")/javac

[ -d target/classes/sipdesk/media ] || mvn -q -B -o compile
# JNA: the media threads ask for real-time scheduling through it, as in the phone.
[ -s target/bench-classpath.txt ] || mvn -q -B -o dependency:build-classpath -DincludeArtifactIds=jna \
    -Dmdep.outputFile=target/bench-classpath.txt
rm -rf target/bench-classes
"$JAVAC" -d target/bench-classes -cp target/classes $(find src/bench/java -name '*.java')
# shellcheck disable=SC2086
exec "$JAVA" --enable-native-access=ALL-UNNAMED ${MEDIA_BENCH_JAVA_OPTS:-} \
    -cp "target/classes:target/bench-classes:$(cat target/bench-classpath.txt)" sipdesk.media.bench.MediaBench "$@"

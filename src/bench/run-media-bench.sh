#!/bin/bash
# Media figures (pacing, CPU per minute of a G.711 and a G.722 call, allocation per frame).
# Not part of `mvn test`. Usage: src/bench/run-media-bench.sh [seconds per codec, default 60]
# MEDIA_BENCH_JAVA_OPTS adds JVM options, e.g. the launcher's (src/main/sh/sipdesk):
#   MEDIA_BENCH_JAVA_OPTS="-XX:+UseSerialGC -Xmx64m -XX:TieredStopAtLevel=1 -Xlog:gc,safepoint:file=/tmp/gc.log:uptimenanos"
set -eu
cd "$(dirname "$0")/../.."

. src/bench/bench-classes.sh
# shellcheck disable=SC2086
exec "$JAVA" --enable-native-access=ALL-UNNAMED --add-exports java.base/sun.nio.ch=ALL-UNNAMED ${MEDIA_BENCH_JAVA_OPTS:-} \
    -cp "$CP" sipdesk.media.bench.MediaBench "$@"

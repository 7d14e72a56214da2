# Sourced by the media and wire benchmarks from the repository's top: sets JAVA (21+, via
# src/main/sh/find-java.sh), compiles src/bench/java against the phone's classes, and sets CP to
# those classes plus JNA (the media threads ask for real-time scheduling through it, as in the phone).
. src/main/sh/find-java.sh
find_java || exit 1
JAVAC=$(dirname "$JAVA")/javac
[ -x "$JAVAC" ] || { echo "$0: needs a JDK (javac next to $JAVA)" >&2; exit 1; }
[ -d target/classes/sipdesk/media ] || mvn -q -B -o compile
[ -s target/bench-classpath.txt ] || mvn -q -B -o dependency:build-classpath -DincludeArtifactIds=jna \
    -Dmdep.outputFile=target/bench-classpath.txt
rm -rf target/bench-classes
"$JAVAC" -d target/bench-classes -cp target/classes $(find src/bench/java -name '*.java')
CP="target/classes:target/bench-classes:$(cat target/bench-classpath.txt)"

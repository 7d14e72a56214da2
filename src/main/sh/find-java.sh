# Sourced by sipdesk's scripts: sets JAVA to a java of version 21 or later, or explains what is missing.
# Looks at $JAVA_HOME, then `java` on PATH, then every JDK/JRE under /usr/lib/jvm (newest first).
java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_java() {
    local candidates=() c v
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    for c in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do candidates+=("$c"); done
    for c in "${candidates[@]}"; do
        [ -x "$c" ] || continue
        v=$(java_major "$c")
        if [ -n "$v" ] && [ "$v" -ge 21 ]; then
            JAVA="$c"
            return 0
        fi
    done
    echo "sipdesk: needs Java 21 or later, found none (looked at \$JAVA_HOME, PATH and /usr/lib/jvm)." >&2
    echo "  Debian 13 / Raspberry Pi OS: sudo apt-get install openjdk-21-jre-headless" >&2
    echo "  Debian 12: install a JDK 21+ (e.g. Temurin) under /usr/lib/jvm or set JAVA_HOME" >&2
    return 1
}

#!/usr/bin/env bash
# Installs the built package on this machine, checks what it put where, runs the installed phone's
# commands, then removes and purges it and checks that nothing is left. Builds nothing: it takes
# the newest target/sipdesk_*_all.deb (mvn -q -B package -DskipTests makes one).
#
# Run as root: CI does (.ci/run). Safe to run again: a package left over by a killed run is purged
# first on CI; elsewhere an installed sipdesk (a real phone's) is never touched unless
# SIPDESK_DEB_TEST_PURGE=1 says so.
#
# The Java dependency: on Debian 13 a JRE 21+ from apt satisfies it. Debian 12 has no package that
# provides java21-runtime-headless (our machines carry a JDK 25 under /usr/lib/jvm outside dpkg),
# so there the test declares that JDK to dpkg with a stand-in package, as the README tells Bookworm
# users to, and purges the stand-in again at the end. No --force-depends: dpkg must find the
# dependency satisfied.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/../../.." && pwd)
cd "$root"

passed=0
failed=0
fail() { echo "deb-test: FAIL: $*" >&2; echo "deb-test: $passed passed, $((failed + 1)) failed"; exit 1; }
ok() { passed=$((passed + 1)); echo "   ok  $*"; }
step() { echo "== deb-test: $*"; }
# Installed in any state dpkg keeps (unpacked, half-configured, config-files...): purge-worthy.
installed() {
    local status
    status=$(dpkg-query -W -f='${db:Status-Status}' sipdesk 2>/dev/null || true)
    [ -n "$status" ] && [ "$status" != not-installed ]
}

# check_mode PATH MODE OWNER:GROUP
check_mode() {
    [ -e "$1" ] || fail "$1 is missing"
    local got
    got=$(stat -c '%a %U:%G' "$1")
    [ "$got" = "$2 $3" ] || fail "$1: expected mode $2 owner $3, got $got"
    ok "$1 $2 $3"
}

[ "$(id -u)" -eq 0 ] || fail "must run as root: it installs and purges the package"
for t in dpkg dpkg-deb dpkg-query systemd-analyze setpriv unzip; do
    command -v "$t" >/dev/null || fail "$t is missing"
done
deb=$(ls -t target/sipdesk_*_all.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || fail "no target/sipdesk_*_all.deb: build it first (mvn -q -B package -DskipTests)"
step "package $deb"

if installed; then
    if [ "${CI:-}" = true ] || [ "${SIPDESK_DEB_TEST_PURGE:-}" = 1 ]; then
        echo "deb-test: sipdesk is installed (a run before this one stopped half-way): purging it"
        dpkg --purge sipdesk >/dev/null
    else
        fail "sipdesk is installed on this machine; this test would purge it and its state." \
             "Set SIPDESK_DEB_TEST_PURGE=1 to let it."
    fi
fi
# From here on, whatever happens, the machine is left without the package.
ctrl=$(mktemp -d)
stand_in_installed() {
    [ "$(dpkg-query -W -f='${db:Status-Status}' sipdesk-deb-test-java21 2>/dev/null || true)" = installed ]
}
cleanup() {
    if installed; then echo "deb-test: purging sipdesk"; dpkg --purge sipdesk >/dev/null 2>&1 || true; fi
    if stand_in_installed; then dpkg --purge sipdesk-deb-test-java21 >/dev/null 2>&1 || true; fi
    rm -rf "$ctrl"
}
trap cleanup EXIT

step "the package's metadata and contents"
info=$(dpkg-deb -f "$deb" Package Architecture Depends)
grep -q '^Package: sipdesk$' <<<"$info" || fail "Package field: $info"
grep -q '^Architecture: all$' <<<"$info" || fail "Architecture field: $info"
grep -q '^Depends: .*java21-runtime-headless' <<<"$info" || fail "Depends does not name java21-runtime-headless: $info"
ok "control: $(grep '^Depends' <<<"$info")"
# Whole files and variables, no `| grep -q`: with pipefail, grep quitting early fails the pipe.
dpkg-deb -e "$deb" "$ctrl" || fail "dpkg-deb -e $deb"
[ -f "$ctrl/conffiles" ] || fail "no conffiles in the control archive"
[ "$(cat "$ctrl/conffiles")" = /etc/sipdesk/sipdesk.cfg ] ||
    fail "conffiles should list exactly /etc/sipdesk/sipdesk.cfg, not: $(cat "$ctrl/conffiles")"
ok "conffiles: /etc/sipdesk/sipdesk.cfg"
for s in postinst prerm postrm; do
    [ -x "$ctrl/$s" ] || fail "$s missing or not executable"
    sh -n "$ctrl/$s" || fail "$s: shell syntax error"
    grep -q '^set -e$' "$ctrl/$s" || fail "$s: no 'set -e'"
done
ok "maintainer scripts: postinst prerm postrm parse, set -e"

step "systemd-analyze security (offline, the unit as in the source tree)"
security=$(systemd-analyze security --offline=yes systemd/sipdesk.service 2>&1) ||
    fail "systemd-analyze security failed: $security"
exposure=$(grep 'Overall exposure level' <<<"$security" || true)
echo "   $exposure"
[ -n "$exposure" ] || fail "no exposure figure in: $security"
# 2.5 on systemd's 0-10 scale (the flag takes tenths): hardening must not quietly regress.
systemd-analyze security --offline=yes --threshold=25 systemd/sipdesk.service >/dev/null 2>&1 ||
    fail "exposure above 2.5: $exposure"
ok "exposure at most 2.5"

step "install"
java_provider=$(dpkg-query -W -f='${db:Status-Status} ${Package} ${Provides}\n' 2>/dev/null |
    grep -E '^installed .*(java21-runtime-headless|java25-runtime-headless)' | head -n 1 || true)
stand_in=sipdesk-deb-test-java21
if [ -n "$java_provider" ]; then
    echo "   Java from dpkg: $(cut -d' ' -f2 <<<"$java_provider")"
else
    echo "   no installed package provides java21-runtime-headless (Debian 12): a stand-in does"
    mkdir -p "$ctrl/$stand_in/DEBIAN"
    cat >"$ctrl/$stand_in/DEBIAN/control" <<EOF
Package: $stand_in
Version: 1
Architecture: all
Maintainer: sipdesk deb-test <root@localhost>
Provides: java21-runtime-headless
Description: stand-in for a JDK 21+ that is not a Debian package (deb-test.sh)
EOF
    dpkg-deb -b "$ctrl/$stand_in" "$ctrl/$stand_in.deb" >/dev/null || fail "building the Java stand-in"
    dpkg -i "$ctrl/$stand_in.deb" >/dev/null || fail "installing the Java stand-in"
fi
dpkg -i "$deb" || fail "dpkg -i $deb"
installed || fail "dpkg reports sipdesk not installed"
[ "$(dpkg-query -W -f='${db:Status-Abbrev}' sipdesk)" = "ii " ] ||
    fail "sipdesk not fully configured: $(dpkg-query -W -f='${db:Status-Abbrev}' sipdesk)"
ok "installed, configured"

check_installed() {
    getent passwd sipdesk >/dev/null || fail "no user sipdesk"
    local home shell
    home=$(getent passwd sipdesk | cut -d: -f6)
    shell=$(getent passwd sipdesk | cut -d: -f7)
    [ "$home" = /var/lib/sipdesk ] || fail "sipdesk's home is $home, expected /var/lib/sipdesk"
    [ "$(id -u sipdesk)" -lt 1000 ] || fail "sipdesk is not a system user (uid $(id -u sipdesk))"
    case "$shell" in */nologin|/bin/false) ;; *) fail "sipdesk has a login shell: $shell" ;; esac
    ok "system user sipdesk, home /var/lib/sipdesk, shell $shell"
    local g groups
    groups=" $(id -nG sipdesk) "
    for g in gpio i2c audio dialout; do
        getent group "$g" >/dev/null || fail "group $g missing: the unit's SupplementaryGroups= would fail"
        [[ "$groups" == *" $g "* ]] || fail "sipdesk is not in group $g (groups:$groups)"
    done
    ok "groups gpio i2c audio dialout exist, sipdesk is in them"

    check_mode /etc/sipdesk 750 root:sipdesk
    check_mode /etc/sipdesk/sipdesk.cfg 640 root:sipdesk
    check_mode /var/lib/sipdesk 700 sipdesk:sipdesk
    check_mode /usr/bin/sipdesk 755 root:root
    check_mode /usr/share/sipdesk/find-java.sh 644 root:root
    check_mode /usr/share/sipdesk/sipdesk.jar 644 root:root
    check_mode /lib/systemd/system/sipdesk.service 644 root:root
    check_mode /usr/lib/sysusers.d/sipdesk.conf 644 root:root
    check_mode /usr/lib/tmpfiles.d/sipdesk.conf 644 root:root
    check_mode /usr/share/doc/sipdesk/README.md 644 root:root
    cmp -s systemd/sipdesk.service /lib/systemd/system/sipdesk.service || fail "installed unit differs from systemd/sipdesk.service (a stale .deb? mvn package rebuilds it)"
    cmp -s src/main/sh/sipdesk /usr/bin/sipdesk || fail "installed launcher differs from src/main/sh/sipdesk (a stale .deb? mvn package rebuilds it)"

    # Every jar the manifest's Class-Path names is installed next to sipdesk.jar.
    local cp j n=0
    # Manifest lines wrap at 72 bytes, even inside a name; a continuation starts with a space.
    cp=$(unzip -p /usr/share/sipdesk/sipdesk.jar META-INF/MANIFEST.MF | tr -d '\r' |
        awk '/^ /{line = line substr($0, 2); next} {if (line != "") print line; line = $0}
             END {print line}' | sed -n 's/^Class-Path: //p')
    [ -n "$cp" ] || fail "sipdesk.jar's manifest has no Class-Path"
    for j in $cp; do
        [ -f "/usr/share/sipdesk/$j" ] || fail "the manifest's $j is not installed in /usr/share/sipdesk"
        n=$((n + 1))
    done
    ok "all $n jars of the manifest's Class-Path are in /usr/share/sipdesk/lib"

    local conffiles
    conffiles=$(dpkg-query -W -f='${Conffiles}\n' sipdesk)
    grep -q '^ /etc/sipdesk/sipdesk.cfg ' <<<"$conffiles" ||
        fail "dpkg does not know /etc/sipdesk/sipdesk.cfg as a conffile"
    ok "dpkg: /etc/sipdesk/sipdesk.cfg is a conffile"
    if command -v deb-systemd-helper >/dev/null; then
        [ -L /etc/systemd/system/multi-user.target.wants/sipdesk.service ] || fail "the unit was not enabled"
        ok "unit enabled (multi-user.target.wants)"
    fi
}

step "installed files, user, modes"
check_installed

step "systemd-analyze verify (the installed unit, /usr/bin/sipdesk present)"
verify=$(systemd-analyze verify /lib/systemd/system/sipdesk.service 2>&1) && vrc=0 || vrc=$?
echo "${verify:-   (no complaints)}" | sed 's/^/   /'
[ "$vrc" -eq 0 ] || fail "systemd-analyze verify exited $vrc"
! grep -q 'sipdesk' <<<"$verify" || fail "systemd-analyze verify complains about the unit"
ok "systemd-analyze verify"

step "the installed phone's commands (from /, so no checkout is near)"
version=$(cd / && /usr/bin/sipdesk --version 2>&1) || fail "/usr/bin/sipdesk --version: $version"
[[ "$version" == sipdesk\ * ]] || fail "/usr/bin/sipdesk --version printed: $version"
ok "/usr/bin/sipdesk --version: $version"
check=$(cd / && /usr/bin/sipdesk config check /etc/sipdesk/sipdesk.cfg 2>&1) ||
    fail "sipdesk config check /etc/sipdesk/sipdesk.cfg: $check"
ok "sipdesk config check /etc/sipdesk/sipdesk.cfg (root): $(tail -n 1 <<<"$check")"
# As the service runs it: the sipdesk user, with its groups, reads the 0640 root:sipdesk config.
check=$(cd / && HOME=/var/lib/sipdesk setpriv --reuid=sipdesk --regid=sipdesk --init-groups \
    /usr/bin/sipdesk config check /etc/sipdesk/sipdesk.cfg 2>&1) ||
    fail "sipdesk config check as the user sipdesk: $check"
ok "sipdesk config check as the user sipdesk"
if setpriv --reuid=nobody --regid=nogroup --clear-groups cat /etc/sipdesk/sipdesk.cfg >/dev/null 2>&1; then
    fail "another user can read /etc/sipdesk/sipdesk.cfg (it holds the SIP password)"
fi
ok "other users cannot read the config"

step "reinstall over itself: the administrator's config edit survives, modes stay"
echo "## deb-test: local edit" >>/etc/sipdesk/sipdesk.cfg
dpkg -i --force-confold "$deb" >/dev/null || fail "reinstall"
grep -q '^## deb-test: local edit$' /etc/sipdesk/sipdesk.cfg || fail "the config edit was lost on reinstall"
ok "config edit kept"
check_installed

step "remove (config and state stay), then purge (everything goes)"
dpkg -r sipdesk >/dev/null || fail "dpkg -r sipdesk"
[ -f /etc/sipdesk/sipdesk.cfg ] || fail "remove deleted the conffile"
[ -d /var/lib/sipdesk ] || fail "remove deleted the state directory"
[ ! -e /usr/bin/sipdesk ] || fail "remove left /usr/bin/sipdesk"
ok "removed: config and state kept"
dpkg --purge sipdesk >/dev/null || fail "dpkg --purge sipdesk"
! installed || fail "dpkg still lists sipdesk after purge"
for p in /usr/bin/sipdesk /usr/share/sipdesk /usr/share/doc/sipdesk /etc/sipdesk /var/lib/sipdesk \
         /lib/systemd/system/sipdesk.service /usr/lib/sysusers.d/sipdesk.conf \
         /usr/lib/tmpfiles.d/sipdesk.conf /etc/systemd/system/multi-user.target.wants/sipdesk.service; do
    [ ! -e "$p" ] && [ ! -L "$p" ] || fail "purge left $p"
done
ok "purged: no files left"
# The user stays, as Debian leaves system users (files elsewhere may carry its uid).
getent passwd sipdesk >/dev/null && echo "   (the system user sipdesk stays, by design)"

echo "deb-test: $passed passed, $failed failed"

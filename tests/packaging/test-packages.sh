#!/usr/bin/env bash
# test-packages.sh BUILD_DIR SOURCE_DIR MAKECERTIFICATE [FARM]
# Builds the two DEBs with cpack, installs them with dpkg -i, starts the INSTALLED server as its
# unit xueshi-server@.service runs it (under systemd when systemd is PID 1, else by hand: as its
# User=, with its Environment=, UMask=, LimitNOFILE=, MemoryDenyWriteExecute= and a credentials
# directory filled as LoadCredential= does), checks /api/v1/health over HTTPS, runs an admin
# command through xueshi-server-admin, stops the server with SIGTERM, and runs the installed
# client's --version and --verify offscreen; then starts the unit under the real systemd (PID 1
# of namespaces of its own where it is not the machine's: systemd-namespace.sh), checks the
# sandbox the server runs in and has the installed client log in and sync through it, on SQLite
# and on PostgreSQL; with FARM (tst_farm), two installed servers on
# PostgreSQL behind nginx serve a syncing client, the installed `xueshi --sync` logs in and syncs
# through nginx, a recovery code arrives by e-mail at a loopback SMTP server, and a backup made
# and restored with xueshi-server-admin brings every client back consistent. The packages are
# purged at the end, whatever happens. Needs root (dpkg -i): exits 77 (skipped) otherwise.
set -euo pipefail

build=$(realpath "$1")
source=$(realpath "$2")
makecertificate=$3
farm=${4:-}

if [ "$(id -u)" != 0 ]; then
    echo "SKIPPED: test-packages.sh installs packages with dpkg -i and needs root (CI runs it as root)"
    exit 77
fi
for p in xueshi xueshi-server; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "installed"; then
        echo "SKIPPED: package $p is already installed on this machine; this test would purge it." \
            "Remove it first: dpkg --purge xueshi xueshi-server"
        exit 77
    fi
done

work=$(mktemp -d /tmp/xueshi-packaging.XXXXXX)
chmod 0755 "$work"
server_pid=
systemd_pid=
had_user=no
getent passwd xueshi >/dev/null && had_user=yes
had_data=no
[ -e /var/lib/xueshi ] && had_data=yes

cleanup() {
    local status=$?
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
    fi
    if [ -n "$systemd_pid" ]; then
        kill -KILL "$systemd_pid" 2>/dev/null || true # the namespace and all in it
    fi
    dpkg --purge xueshi xueshi-server >"$work/purge.log" 2>&1 || {
        echo "dpkg --purge failed:" >&2
        cat "$work/purge.log" >&2
        status=1
    }
    if [ "$had_data" = no ]; then rm -rf /var/lib/xueshi; fi
    if [ "$had_user" = no ] && getent passwd xueshi >/dev/null; then
        userdel xueshi 2>/dev/null || true
        groupdel xueshi 2>/dev/null || true
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "== $*"; }

# --- the packages ------------------------------------------------------------------------------
step "cpack"
cmake --build "$build" --target xueshi xueshi-server xueshi_icons man_xueshi man_xueshi-server \
    >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "building what the packages hold"; }
(cd "$build" && cpack -G DEB -B "$work/cpack") >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log"; fail "cpack"; }
client_deb=$(ls "$work"/cpack/xueshi_*.deb)
server_deb=$(ls "$work"/cpack/xueshi-server_*.deb)

step "dependencies"
server_depends=$(dpkg-deb -f "$server_deb" Depends)
client_depends=$(dpkg-deb -f "$client_deb" Depends)
echo "xueshi-server Depends: $server_depends"
echo "xueshi Depends: $client_depends"
echo "xueshi Recommends: $(dpkg-deb -f "$client_deb" Recommends)"
for bad in libqt6widgets6 libqt6gui6 libqt6pdf6 libqt6pdfwidgets6 libqt6printsupport6 \
    libqt6charts6 libqt6keychain1 fonts-noto-cjk qt6-translations-l10n libzbar0 libqrencode4; do
    [[ ",$server_depends," != *"$bad"* ]] || fail "xueshi-server depends on $bad"
done
for need in libqt6sql6-sqlite libqt6sql6-psql libqt6core6 libqt6network6 libsodium23; do
    [[ "$server_depends" == *"$need"* ]] || fail "xueshi-server does not depend on $need"
done
for need in libqt6sql6-sqlite qt6-translations-l10n fonts-noto-cjk libqt6widgets6 libqt6pdf6 \
    libzbar0; do
    [[ "$client_depends" == *"$need"* ]] || fail "xueshi does not depend on $need"
done
[[ "$(dpkg-deb -f "$client_deb" Recommends)" == *libsecret-1-0* ]] \
    || fail "xueshi does not recommend libsecret-1-0"

step "dpkg -i"
dpkg -i "$server_deb" "$client_deb" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log"; fail "dpkg -i"; }

step "files, user and permissions"
entry=$(getent passwd xueshi) || fail "no xueshi user"
uid=$(echo "$entry" | cut -d: -f3)
[ "$uid" -lt 1000 ] || fail "xueshi is not a system user (uid $uid)"
[ "$(stat -c '%U:%G %a' /var/lib/xueshi)" = "xueshi:xueshi 700" ] \
    || fail "/var/lib/xueshi is $(stat -c '%U:%G %a' /var/lib/xueshi)"
[ "$(stat -c '%U:%G %a' /etc/xueshi/server.conf)" = "root:xueshi 640" ] \
    || fail "/etc/xueshi/server.conf is $(stat -c '%U:%G %a' /etc/xueshi/server.conf)"
[ "$(stat -c '%U:%G %a' /etc/xueshi/db-password)" = "root:root 600" ] \
    || fail "/etc/xueshi/db-password is $(stat -c '%U:%G %a' /etc/xueshi/db-password)"
app_id=cn.example.xueshi
appstreamcli validate --no-net "/usr/share/metainfo/$app_id.metainfo.xml" \
    || fail "appstreamcli validate"
desktop-file-validate "/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
for size in 16 22 24 32 48 64 128 256; do
    icon=/usr/share/icons/hicolor/${size}x$size/apps/$app_id.png
    file "$icon" | grep -q "PNG image data, $size x $size" || fail "icon $icon"
done
[ -f "/usr/share/icons/hicolor/scalable/apps/$app_id.svg" ] || fail "no scalable icon"
for page in man1/xueshi.1.gz man8/xueshi-server.8.gz; do
    gzip -t "/usr/share/man/$page" 2>/dev/null || fail "no man page $page"
done
ls /usr/share/doc/xueshi-server/examples/nginx/*.conf >/dev/null || fail "no nginx example"

step "dpkg -i again (an upgrade keeps the administrator's configuration and permissions)"
echo "; edited by the administrator" >>/etc/xueshi/server.conf
echo "not-a-real-password" >/etc/xueshi/db-password
dpkg -i "$server_deb" >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; fail "dpkg -i again"; }
grep -q "^; edited by the administrator" /etc/xueshi/server.conf || fail "the upgrade lost server.conf"
[ "$(cat /etc/xueshi/db-password)" = not-a-real-password ] || fail "the upgrade lost db-password"
[ "$(stat -c '%U:%G %a' /etc/xueshi/server.conf)" = "root:xueshi 640" ] \
    || fail "after the upgrade /etc/xueshi/server.conf is $(stat -c '%U:%G %a' /etc/xueshi/server.conf)"

# --- the installed server, as its unit runs it -------------------------------------------------
unit=$(dpkg -L xueshi-server | grep '/xueshi-server@\.service$')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
instance=$port
# A setting of the unit's [Service] (the last one wins), %i expanded.
setting() { sed -n "s/^$1=//p" "$unit" | tail -n 1 | sed "s/%i/$instance/g"; }
user=$(setting User)
[ "$user" = xueshi ] || fail "the unit runs as '$user'"
health() { curl -sk --max-time 2 "https://127.0.0.1:$port/api/v1/health"; }

if [ "$(ps -p 1 -o comm=)" = systemd ]; then
    step "systemctl start xueshi-server@$instance"
    systemctl daemon-reload
    systemctl start "xueshi-server@$instance"
    server_pid=$(systemctl show -p MainPID --value "xueshi-server@$instance")
else
    step "no systemd (PID 1 is $(ps -p 1 -o comm=)): running ExecStart by hand"
    echo "   $(setting ExecStart)"
    "$source/tests/packaging/run-as-unit.sh" "$unit" "$instance" "$work/credentials" \
        >"$work/server.log" 2>&1 &
    server_pid=$!
fi

step "GET https://127.0.0.1:$port/api/v1/health"
answer=
for _ in $(seq 1 60); do
    answer=$(health) && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; fail "the server exited"; }
    sleep 0.5
done
echo "   $answer"
[[ "$answer" == *'"status":"ok"'* ]] || { cat "$work/server.log" >&2; fail "health: $answer"; }
[ "$(ps -o user= -p "$server_pid")" = xueshi ] || fail "the server runs as $(ps -o user= -p "$server_pid")"
limit=$(sed -n 's/^Max open files *\([0-9]*\).*/\1/p' "/proc/$server_pid/limits")
nofile=$(setting LimitNOFILE)
hard=$(ulimit -Hn)
if [ "$(ps -p 1 -o comm=)" != systemd ] && [ "$hard" != unlimited ] && [ "$hard" -lt "$nofile" ]; then
    nofile=$hard # run-as-unit.sh could not go above it
fi
[ "$limit" = "$nofile" ] || fail "LimitNOFILE=$nofile: the server has $limit"
[ -r "/proc/$server_pid/environ" ] && tr '\0' '\n' <"/proc/$server_pid/environ" \
    | grep -q '^CREDENTIALS_DIRECTORY=' || fail "the server has no CREDENTIALS_DIRECTORY"
if [ "$(ps -p 1 -o comm=)" != systemd ]; then
    [ "$(stat -c '%U %a' "$work/credentials/db-password")" = "xueshi 400" ] \
        && [ "$(cat "$work/credentials/db-password")" = not-a-real-password ] \
        || fail "LoadCredential=db-password did not reach the server's credentials directory"
fi

step "xueshi-server-admin (as xueshi, beside the running server)"
install -d -m 0755 "$work/course"
cp -r "$source/resources/courses/professional-ethics/." "$work/course/"
chmod -R a+rX "$work/course"
xueshi-server-admin import-course "$work/course" || fail "admin import-course"
xueshi-server-admin signing-key | grep -q current || fail "admin signing-key"
# Everything the service's (UMask=0077), but the public TLS certificate.
not_theirs=$(find /var/lib/xueshi ! -user xueshi -o \( -perm /077 ! -type l ! -name '*.crt' \))
[ -z "$not_theirs" ] || fail "files in /var/lib/xueshi not the service's own: $not_theirs"
answer=$(health) || fail "health after the admin commands"

step "SIGTERM"
kill -TERM "$server_pid"
status=0
for _ in $(seq 1 60); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
done
kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop within 30 s of SIGTERM"
if [ "$(ps -p 1 -o comm=)" != systemd ]; then
    wait "$server_pid" || status=$?
    [ "$status" = 0 ] || { cat "$work/server.log" >&2; fail "the server exited with $status on SIGTERM"; }
fi
server_pid=

# --- the installed client, offscreen -----------------------------------------------------------
step "xueshi --version / --verify (offscreen)"
home="$work/home"
install -d -m 0700 "$home" "$home/runtime"
client() {
    env -i PATH=/usr/bin:/bin HOME="$home" XDG_RUNTIME_DIR="$home/runtime" LANG=C.UTF-8 \
        QT_QPA_PLATFORM=offscreen /usr/bin/xueshi "$@"
}
version=$(client --version 2>/dev/null) || fail "xueshi --version"
echo "   $version"
[[ "$version" == "xueshi $(dpkg-query -W -f='${Version}' xueshi)" ]] || fail "version: $version"
key=$(QT_QPA_PLATFORM=offscreen "$makecertificate" "$work") || fail "makecertificate"
out=$(client --verify "$work/valid.pdf" --key "$key" 2>/dev/null) \
    || { echo "$out"; fail "--verify of a valid certificate"; }
echo "$out" | sed 's/^/   /'
[[ "$out" == *XS2026K7M3Q9X2PA* ]] || fail "--verify does not show the serial"
status=0
client --verify "$work/tampered.pdf" --key "$key" >/dev/null 2>&1 || status=$?
[ "$status" = 1 ] || fail "--verify of a tampered certificate exited $status, not 1"
status=0
client --verify "$work/valid.pdf" >/dev/null 2>&1 || status=$?
[ "$status" = 1 ] || fail "--verify with an unknown key exited $status, not 1"

# --- the installed server under systemd ----------------------------------------------------------
# The unit as systemd runs it, its sandboxing enforced: with systemd PID 1 of namespaces of its
# own (systemd-namespace.sh) where it is not this machine's. The service manager sets up the
# user, the seccomp filter, the file-system namespaces and the credentials; the server then
# serves a real client's login and sync under them, is restarted after a crash and stops
# cleanly.
sd() { if [ -n "$systemd_pid" ]; then nsenter -t "$systemd_pid" -m -p -- "$@"; else "$@"; fi; }
systemd_ready=yes
if [ "$(ps -p 1 -o comm=)" != systemd ]; then
    if unshare --pid --fork --mount --uts --ipc true 2>/dev/null; then
        step "systemd as PID 1 of its own namespaces (systemd-namespace.sh)"
        unit_name=$(basename "$unit")
        unshare --pid --fork --mount --uts --ipc \
            "$source/tests/packaging/systemd-namespace.sh" "$unit_name" \
            >"$work/systemd.log" 2>&1 &
        # Up when it says running, or degraded (a unit of its own failed: listed, not ours).
        state=
        for _ in $(seq 1 300); do
            systemd_pid=$(pgrep -f -n 'systemd --unit=xueshi-check.target' || true)
            if [ -n "$systemd_pid" ]; then
                state=$(sd systemctl is-system-running 2>/dev/null || true)
                [ "$state" = running ] || [ "$state" = degraded ] && break
            fi
            sleep 0.1
        done
        [ "$state" = running ] || [ "$state" = degraded ] \
            || { cat "$work/systemd.log" >&2; fail "systemd did not come up in its namespaces ($state)"; }
        [ "$state" = running ] || sd systemctl --failed --no-pager | sed 's/^/   /'
    else
        systemd_ready=no
        echo "NOTE: this machine can make no PID namespace (unshare refused): the unit was" \
            "only run as run-as-unit.sh plays it"
    fi
fi
# One instance of the unit under systemd, on /etc/xueshi/server.conf as it is, its data in
# DATA_DIR: started, its sandbox checked, a learner registered and the installed client's login
# and sync served through it, restarted after kill -9, stopped cleanly.
serve_under_systemd() {
    local label=$1 data=$2
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    local service="xueshi-server@$port.service"
    step "systemctl start $service ($label)"
    sd systemctl daemon-reload
    sd systemctl start "$service" || { sd systemctl status "$service" --no-pager >&2 || true; fail "systemctl start"; }
    answer=
    for _ in $(seq 1 60); do
        answer=$(health) && break
        sleep 0.5
    done
    [[ "$answer" == *'"status":"ok"'* ]] \
        || { sd systemctl status "$service" --no-pager >&2 || true; fail "health under systemd: $answer"; }
    local main
    main=$(pgrep -f -n "xueshi-server --config /etc/xueshi/server.conf --port $port") \
        || fail "no server process"
    echo "   $(grep -E '^(Uid|CapEff|NoNewPrivs|Seccomp):' "/proc/$main/status" | tr -s '\t\n' '  ')"
    [ "$(awk '/^Uid:/ {print $2}' "/proc/$main/status")" = "$uid" ] || fail "not run as xueshi"
    grep -q '^CapEff:[[:space:]]*0000000000000000$' "/proc/$main/status" || fail "capabilities left"
    grep -q '^NoNewPrivs:[[:space:]]*1$' "/proc/$main/status" || fail "NoNewPrivileges not set"
    grep -q '^Seccomp:[[:space:]]*2$' "/proc/$main/status" || fail "no system-call filter"
    # The file system as the service sees it: / read-only, /home empty, /var/lib/xueshi writable.
    awk '$5 == "/" {print $6}' "/proc/$main/mountinfo" | grep -q '^ro' || fail "/ is writable"
    [ -z "$(ls -A "/proc/$main/root/home" 2>/dev/null)" ] || fail "/home is visible"
    awk '$5 == "/var/lib/xueshi" {print $6}' "/proc/$main/mountinfo" | grep -q '^rw' \
        || fail "/var/lib/xueshi is not writable"
    tr '\0' '\n' <"/proc/$main/environ" | grep -q "^CREDENTIALS_DIRECTORY=/run/credentials/$service$" \
        || fail "no credentials directory"
    local exposure
    exposure=$(sd systemd-analyze security "$service" --no-pager 2>/dev/null \
        | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
    echo "   systemd-analyze security (the running unit): $exposure"
    awk -v e="$exposure" 'BEGIN { exit !(e != "" && e < 4.0) }' || fail "exposure $exposure"

    step "a learner registers, the installed client logs in and syncs (under the sandbox, $label)"
    local resident status fingerprint out
    resident=$(python3 -c '
s = "44010619900101123"; w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
print(s + "10X98765432"[sum(int(a) * b for a, b in zip(s, w)) % 11])')
    status=$(curl -sk -o "$work/registered.json" -w '%{http_code}' -X POST \
        -H 'Content-Type: application/json' "https://127.0.0.1:$port/api/v1/accounts/learners" \
        --data "{\"username\":\"unitlearner\",\"password\":\"Secret123\",\"realName\":\"张三\",\"residentId\":\"$resident\",\"mobile\":\"13800138000\"}")
    [ "$status" = 201 ] || { cat "$work/registered.json" >&2; fail "registration: $status"; }
    fingerprint=$(openssl x509 -in "$data/tls/server.crt" -noout -fingerprint -sha256 | cut -d= -f2)
    out=$(echo Secret123 | client --sync --server "https://127.0.0.1:$port" --user unitlearner \
        --trust-certificate "$fingerprint" 2>&1) || { echo "$out" >&2; fail "xueshi --sync under systemd"; }
    echo "$out" | grep -v keychain | sed 's/^/   /'

    step "the server killed: systemd restarts it (Restart=on-failure)"
    kill -KILL "$main"
    for _ in $(seq 1 60); do
        [ "$(sd systemctl show -p NRestarts --value "$service")" = 1 ] && answer=$(health) && break
        sleep 0.5
    done
    [ "$(sd systemctl show -p NRestarts --value "$service")" = 1 ] || fail "not restarted"
    [[ "$answer" == *'"status":"ok"'* ]] || fail "health after the restart: $answer"

    step "systemctl stop (SIGTERM, drained): a clean stop"
    sd systemctl stop "$service"
    local result
    result=$(sd systemctl show -p Result --value "$service")
    [ "$result" = success ] || fail "the stop ended with Result=$result"
}

if [ "$systemd_ready" = yes ]; then
    serve_under_systemd SQLite /var/lib/xueshi
    # The same on PostgreSQL (the test cluster: over TCP from inside the sandbox), a database
    # and a data directory of its own.
    if [ -n "${XUESHI_TEST_POSTGRES_URL:-}" ]; then
        database="xueshi_unit_$$"
        psql -q "$XUESHI_TEST_POSTGRES_URL" -c "CREATE DATABASE $database" \
            || fail "CREATE DATABASE $database"
        cp /etc/xueshi/server.conf "$work/server.conf.sqlite"
        cat >/etc/xueshi/server.conf <<CONF
[server]
data-dir=/var/lib/xueshi/on-postgres
listen=127.0.0.1
database=${XUESHI_TEST_POSTGRES_URL%/*}/$database
CONF
        serve_under_systemd PostgreSQL /var/lib/xueshi/on-postgres
        cp "$work/server.conf.sqlite" /etc/xueshi/server.conf
        psql -q "$XUESHI_TEST_POSTGRES_URL" -c "DROP DATABASE $database WITH (FORCE)" || true
    fi
    if [ -n "$systemd_pid" ]; then
        kill -KILL "$systemd_pid"
        systemd_pid=
    fi
fi

# --- two installed servers on PostgreSQL behind nginx ------------------------------------------
# tst_farm with its servers started by farm-instance.sh as xueshi-server@PORT runs them (the
# installed binary, as the unit's user, on /etc/xueshi/server.conf and /var/lib/xueshi, its SMTP
# password through LoadCredential=), nginx on the installed example configuration, the installed
# client (/usr/bin/xueshi --sync) and the installed xueshi-server-admin (farm-admin.sh):
# - a client syncs through nginx while one process is stopped and the other killed, nothing
#   lost, nothing doubled;
# - the installed desktop program logs in through nginx and syncs from both processes;
# - a recovery code arrives by e-mail at the loopback SMTP server and resets the password;
# - a backup restored (both processes stopped, then started) brings every client back
#   consistent: a computer that synced before rebuilds to what a new one downloads.
if [ -n "$farm" ]; then
    [ -n "${XUESHI_TEST_POSTGRES_URL:-}" ] || fail "the farm step needs the PostgreSQL fixture"
    step "two installed servers on PostgreSQL behind nginx ($(basename "$farm"))"
    example=$(dpkg -L xueshi-server | grep '/examples/nginx/xueshi\.conf$') \
        || fail "the package has no nginx example"
    XUESHI_FARM_SERVER_WRAPPER="$source/tests/packaging/farm-instance.sh" \
        XUESHI_FARM_ADMIN_WRAPPER="$source/tests/packaging/farm-admin.sh" \
        XUESHI_FARM_CLIENT=/usr/bin/xueshi \
        XUESHI_FARM_DATA_ROOT=/var/lib/xueshi/farm XUESHI_FARM_NGINX_CONF="$example" \
        QT_QPA_PLATFORM=offscreen "$farm" >"$work/farm.log" 2>&1 \
        || { tail -n 60 "$work/farm.log" >&2; fail "the farm on the installed servers"; }
    grep -E '^(PASS|Totals)' "$work/farm.log" | sed 's/^/   /'
fi

echo "PASS: both packages built, installed, started and purged"

#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server suites: `start STATE PORT` creates and starts one
# listening on 127.0.0.1:PORT (trust authentication, fsync off), `stop STATE` stops it and removes
# it. STATE is a file in the build tree that remembers where the cluster lives.
#
# The cluster itself lives in a directory of its own under /tmp, owned by the user that runs the
# server: run as root, PostgreSQL must run as `postgres`, which cannot enter a checkout inside a
# private directory (a clone under `mktemp -d` or /root, both mode 0700).
set -euo pipefail
action=${1:?start|stop}
state=${2:?state file}
port=${3:-55432}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ]; then
    echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
# Stops and removes the cluster STATE names, if any (a run that was interrupted leaves one).
remove_cluster() {
    [ -f "$state" ] || return 0
    local dir
    dir=$(cat "$state")
    case "$dir" in
    /tmp/xueshi-test-pg.*) ;;
    *)
        echo "refusing to remove $dir: not a test cluster directory" >&2
        rm -f "$state"
        return 0
        ;;
    esac
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    rm -f "$state"
}
case "$action" in
start)
    remove_cluster
    mkdir -p "$(dirname "$state")"
    dir=$(mktemp -d /tmp/xueshi-test-pg.XXXXXX)
    echo "$dir" >"$state"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if ! as_owner "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2
        exit 1
    fi
    if ! as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
        start >/dev/null; then
        cat "$dir/server.log" >&2
        exit 1
    fi
    echo "PostgreSQL started on 127.0.0.1:$port ($dir)"
    ;;
stop)
    remove_cluster
    ;;
*)
    echo "usage: $0 start|stop STATE [PORT]" >&2
    exit 2
    ;;
esac

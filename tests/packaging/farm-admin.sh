#!/usr/bin/env bash
# farm-admin.sh COMMAND [ARGS...]
# For tst_farm run against the installed xueshi-server package (test-packages.sh): runs the
# installed `xueshi-server-admin COMMAND ARGS...` (as the service's user, on
# /etc/xueshi/server.conf as farm-instance.sh last wrote it). For backup and restore the
# directory's parent is made the service user's first, as an administrator would.
set -euo pipefail
case "${1:-}" in
backup | restore)
    install -d -m 0700 -o xueshi -g xueshi "$(dirname "$2")"
    ;;
esac
exec xueshi-server-admin "$@"

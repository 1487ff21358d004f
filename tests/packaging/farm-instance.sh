#!/usr/bin/env bash
# farm-instance.sh PORT DATABASE_URL DATA_DIR [NOTIFIER_GROUP SMTP_PASSWORD_FILE]
# For tst_farm run against the installed xueshi-server package (test-packages.sh): starts the
# instance xueshi-server@PORT as its unit runs it (run-as-unit.sh), after writing
# /etc/xueshi/server.conf as an administrator would for several processes behind nginx: upstream
# mode on loopback, the PostgreSQL URL without a password, the shared data directory and, when
# given, the [notifier] group in NOTIFIER_GROUP (a file) with the SMTP password put in
# /etc/xueshi/smtp-password, where the unit's LoadCredential= takes it from. The server replaces
# this script (exec): its pid is this script's.
set -euo pipefail
port=$1
url=$2
data=$3
notifier=${4:-}
smtp_password=${5:-}
here=$(dirname "$(realpath "$0")")
install -d -m 0700 -o xueshi -g xueshi "$data"
{
    cat <<CONF
; written by tests/packaging/farm-instance.sh
[server]
upstream=true
listen=127.0.0.1
database=$url
data-dir=$data
workers=2
CONF
    if [ -n "$notifier" ]; then cat "$notifier"; fi
} >/etc/xueshi/server.conf
chown root:xueshi /etc/xueshi/server.conf
chmod 0640 /etc/xueshi/server.conf
if [ -n "$smtp_password" ]; then
    install -m 0600 -o root -g root "$smtp_password" /etc/xueshi/smtp-password
fi
unit=$(dpkg -L xueshi-server | grep '/xueshi-server@\.service$')
credentials=$(mktemp -u "${TMPDIR:-/tmp}/xueshi-farm-credentials.XXXXXX")
exec "$here/run-as-unit.sh" "$unit" "$port" "$credentials"

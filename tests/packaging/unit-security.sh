#!/usr/bin/env bash
# unit-security.sh MAX UNIT...: `systemd-analyze security --offline=yes` of each unit file must
# give an overall exposure below MAX (a template is checked as an instance of it).
set -euo pipefail
max=$1
shift
command -v systemd-analyze >/dev/null || { echo "SKIPPED: no systemd-analyze"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for unit in "$@"; do
    name=$(basename "$unit")
    # systemd-analyze wants an instance name for a template.
    name=${name/@.service/@8081.service}
    cp "$unit" "$work/$name"
    report=$(cd "$work" && systemd-analyze security --offline=yes --no-pager "$name" 2>&1) || true
    score=$(echo "$report" | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
    if [ -z "$score" ]; then
        echo "$report"
        echo "FAIL: no exposure level for $name"
        status=1
    elif awk -v s="$score" -v m="$max" 'BEGIN { exit !(s < m) }'; then
        echo "$name: exposure $score (below $max)"
    else
        echo "$report" | grep -v '^✓'
        echo "FAIL: $name: exposure $score, not below $max"
        status=1
    fi
done
exit "$status"

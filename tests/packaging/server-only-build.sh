#!/usr/bin/env bash
# server-only-build.sh SOURCE_DIR: configures a -DXUESHI_BUILD_CLIENT=OFF build in a scratch
# directory and checks that it looked for none of the client's Qt modules or libraries.
set -euo pipefail
source=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake -S "$source" -B "$work" -G Ninja -DXUESHI_BUILD_CLIENT=OFF -DCMAKE_BUILD_TYPE=Debug \
    >"$work.log" 2>&1 || { cat "$work.log"; rm -f "$work.log"; echo "FAIL: configure"; exit 1; }
rm -f "$work.log"
status=0
for module in Gui Widgets PrintSupport Pdf PdfWidgets Charts Test Keychain HttpServer WebSockets; do
    if grep -q "^Qt6${module}_DIR:PATH=/" "$work/CMakeCache.txt"; then
        echo "FAIL: the server-only build found Qt6$module"
        status=1
    fi
done
for library in QRENCODE ZBAR; do
    if grep -q "^${library}_FOUND" "$work/CMakeCache.txt" \
        || grep -q "^__pkg_config_checked_${library}:INTERNAL=1" "$work/CMakeCache.txt"; then
        echo "FAIL: the server-only build looked for $library"
        status=1
    fi
done
ninja -C "$work" -t query xueshi-server >/dev/null 2>&1 || { echo "FAIL: no xueshi-server target"; status=1; }
if ninja -C "$work" -t query xueshi >/dev/null 2>&1; then
    echo "FAIL: the server-only build has the client's target"
    status=1
fi
[ "$status" = 0 ] && echo "server-only build: no client module looked for"
exit "$status"

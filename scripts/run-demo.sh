#!/usr/bin/env bash
# Builds Xueshi, starts the central server on the embedded default (SQLite, self-signed
# certificate, demo data) and opens the desktop client on it. Ctrl+C (or closing the client)
# stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release

data_dir=${XUESHI_DEMO_DATA_DIR:-$HOME/.local/share/Xueshi/demo-server}
port=${XUESHI_DEMO_PORT:-8443}
log=$(mktemp -t xueshi-server.XXXXXX.log)
./build/release/server/xueshi-server --data-dir "$data_dir" --port "$port" --demo >"$log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; wait $server_pid 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 100); do
    if grep -q "fingerprint" "$log"; then break; fi
    if ! kill -0 $server_pid 2>/dev/null; then cat "$log"; exit 1; fi
    sleep 0.1
done
grep -v "xueshi.server.requests" "$log" || true
echo "Server log: $log"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display: the server keeps running at https://localhost:$port (Ctrl+C stops it)."
    echo "Open the client elsewhere with: ./build/release/xueshi --server https://localhost:$port"
    wait $server_pid
else
    ./build/release/xueshi --server "https://localhost:$port"
fi

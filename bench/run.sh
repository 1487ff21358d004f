#!/usr/bin/env bash
# Runs the benchmarks against a freshly started xueshi-server (release build) and prints their
# JSON results. Usage: bench/run.sh [login-burst|batch-confirm|csv-preview|review|certificate-pdf|compliance-report|server-throughput|fuzz [SECONDS] [TARGET...]]
# `fuzz` builds the libFuzzer targets with clang (build/fuzz) and runs each for SECONDS (default
# 60, or $XUESHI_FUZZ_SECONDS); see docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = fuzz ]; then
    shift
    exec bash fuzz/run-libfuzzer.sh "$@"
fi
build=${XUESHI_BENCH_BUILD:-build/release}
if [ ! -x "$build/server/xueshi-server" ] || [ ! -x "$build/bench/xueshi-bench-loginburst" ]; then
    cmake --preset release -DXUESHI_BUILD_BENCH=ON >/dev/null
    cmake --build --preset release --target xueshi-server xueshi-bench-loginburst
fi
which=${1:-login-burst}
data=$(mktemp -d)
port=${XUESHI_BENCH_PORT:-18443}
trap 'kill $server 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$data"' EXIT

case "$which" in
login-burst)
    "$build/server/xueshi-server" --data-dir "$data" admin load-demo >/dev/null
    QT_LOGGING_RULES="xueshi.server.requests=false" "$build/server/xueshi-server" --data-dir "$data" --port "$port" >"$data/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do grep -q fingerprint "$data/server.log" 2>/dev/null && break; sleep 0.1; done
    "$build/bench/xueshi-bench-loginburst" --url "https://127.0.0.1:$port" --cert "$data/tls/server.crt" --logins 20
    ;;
batch-confirm)
    # In-process (no HTTP): one class.confirmHours of 5,000 entries through SyncService, on
    # SQLite and on a throwaway PostgreSQL cluster started here like the tests' fixture.
    cmake --build "$build" --target xueshi-bench-batchconfirm >/dev/null
    pgport=${XUESHI_BENCH_PG_PORT:-55499}
    # Outside $data: the cluster runs as the postgres user, which cannot enter mktemp's 0700 dir.
    pgdir="${TMPDIR:-/tmp}/xueshi-bench-pg.$$"
    trap 'bash tests/support/postgres-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
    if bash tests/support/postgres-cluster.sh start "$pgdir" "$pgport" >"$data/pg.log" 2>&1; then
        "$build/bench/xueshi-bench-batchconfirm" --postgres "postgres://postgres@127.0.0.1:$pgport/postgres"
    else
        "$build/bench/xueshi-bench-batchconfirm" \
            --postgres-unavailable "the PostgreSQL cluster did not start: $(tail -n 1 "$data/pg.log")"
    fi
    ;;
csv-preview)
    trap 'rm -rf "$data"' EXIT
    cmake --build "$build" --target xueshi-bench-csvpreview >/dev/null
    "$build/bench/xueshi-bench-csvpreview" --rows 5000
    ;;
review)
    # The employer's 学时审核 page (real widgets, offscreen) on a LocalStore of 10,000 staff and
    # 5,000 pending declarations: open_ms, filter_ms_p95, confirm500_ms.
    trap 'rm -rf "$data"' EXIT
    cmake --build "$build" --target xueshi-bench-review >/dev/null
    QT_QPA_PLATFORM=offscreen "$build/bench/xueshi-bench-review" --staff 10000 --pending 5000 --confirm 500
    ;;
certificate-pdf)
    # One certificate PDF (A4 landscape, Chinese, QR code) written 30 times after a first one:
    # ms_median, goal at most 50.
    trap 'rm -rf "$data"' EXIT
    cmake --build "$build" --target xueshi-bench-certificatepdf >/dev/null
    QT_QPA_PLATFORM=offscreen "$build/bench/xueshi-bench-certificatepdf" --runs 30
    ;;
compliance-report)
    # The employer's 统计报表 (real widgets, offscreen) on a LocalStore of 10,000 staff and
    # 100,000 hour records: build_ms (the model alone), open_ms (page shown, report read on the
    # worker thread, rows painted; goal <= 1000) and ui_blocked_ms_max.
    trap 'rm -rf "$data"' EXIT
    cmake --build "$build" --target xueshi-bench-compliancereport >/dev/null
    QT_QPA_PLATFORM=offscreen "$build/bench/xueshi-bench-compliancereport" --staff 10000 --records 100000
    ;;
server-throughput)
    # GET /me and a pull with nothing new over HTTPS, 64 keep-alive connections (wrk, 10 s each),
    # next to nginx (one worker, same certificate) serving a file the size of /me's answer:
    # me_rps, pull_rps, nginx_rps, me_ratio, pull_ratio (goal >= 0.5) and p99_ms (goal < 50).
    # Needs wrk and nginx (scripts/install-deps.sh).
    for tool in wrk nginx; do
        command -v "$tool" >/dev/null || { echo "server-throughput needs $tool (scripts/install-deps.sh)" >&2; exit 2; }
    done
    # XUESHI_BENCH_SERVER runs another xueshi-server binary (an earlier build, to compare). The
    # 64 connections come from one address, like an office behind one NAT: the default limit of
    # 32 per address would refuse half of them.
    cmake --build "$build" --target xueshi-bench-serverthroughput >/dev/null
    server_bin=${XUESHI_BENCH_SERVER:-$build/server/xueshi-server}
    "$server_bin" --data-dir "$data" admin load-demo >/dev/null
    QT_LOGGING_RULES="xueshi.server.requests=false" "$server_bin" --data-dir "$data" --port "$port" \
        --max-connections-per-address 256 >"$data/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do grep -q fingerprint "$data/server.log" 2>/dev/null && break; sleep 0.1; done
    "$build/bench/xueshi-bench-serverthroughput" --url "https://127.0.0.1:$port" \
        --cert "$data/tls/server.crt" --key "$data/tls/server.key" --connections 64 \
        --seconds "${XUESHI_BENCH_SECONDS:-10}" --nginx-port "${XUESHI_BENCH_NGINX_PORT:-18444}"
    ;;
*)
    echo "unknown benchmark: $which" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Runs the benchmarks against a freshly started xueshi-server (release build) and prints their
# JSON results. Usage: bench/run.sh [login-burst|batch-confirm|csv-preview|review|certificate-pdf|compliance-report|sync-initial|sync-incremental|server-throughput|fuzz [SECONDS] [TARGET...]]
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
sync-initial | sync-incremental)
    # The real client against real server processes over HTTPS on loopback (bench/sync.cpp):
    # demo_employer's HR office of 10,000 staff and 100,000 hour records (and a tenth of it for
    # size_ratio), on SQLite and on PostgreSQL; sync-incremental adds the learner beside a million
    # changes of others. XUESHI_BENCH_ENGINES="sqlite postgres" chooses the engines.
    cmake --build "$build" --target xueshi-bench-sync xueshi-server >/dev/null
    pgport=${XUESHI_BENCH_PG_PORT:-55498}
    pgstate="${TMPDIR:-/tmp}/xueshi-bench-sync-pg.$$"
    servers=()
    trap 'for s in "${servers[@]}"; do kill "$s" 2>/dev/null || true; done; wait 2>/dev/null || true
          bash tests/support/postgres-cluster.sh stop "$pgstate" >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
    engines=${XUESHI_BENCH_ENGINES:-sqlite postgres}
    if [[ $engines == *postgres* ]]; then
        if ! bash tests/support/postgres-cluster.sh start "$pgstate" "$pgport" >"$data/pg.log" 2>&1; then
            echo "{\"bench\":\"$which\",\"postgres_reason\":\"the PostgreSQL cluster did not start\"}"
            engines=sqlite
        fi
    fi
    results="$data/results.jsonl"
    : >"$results"
    n=0
    # start_server NAME ENGINE STAFF RECORDS OTHERS: a seeded server; sets $url, $dir, $db.
    start_server() {
        local name=$1 engine=$2 staff=$3 records=$4 others=$5
        n=$((n + 1))
        dir="$data/$name"
        mkdir -p -m 700 "$dir"
        db=()
        if [ "$engine" = postgres ]; then
            runuser -u postgres -- psql -q -h 127.0.0.1 -p "$pgport" -U postgres \
                -c "CREATE DATABASE bench_$name" 2>/dev/null \
                || psql -q -h 127.0.0.1 -p "$pgport" -U postgres -c "CREATE DATABASE bench_$name"
            db=(--postgres "postgres://postgres@127.0.0.1:$pgport/bench_$name")
        fi
        local serverdb=()
        [ ${#db[@]} -gt 0 ] && serverdb=(--database "${db[1]}")
        "$build/server/xueshi-server" --data-dir "$dir" "${serverdb[@]}" admin load-demo >/dev/null
        local noise=()
        [ "$others" -gt 0 ] && noise=(--no-noise)
        "$build/bench/xueshi-bench-sync" seed --data-dir "$dir" "${db[@]}" --label "$name" \
            --staff "$staff" --records "$records" --others "$others" "${noise[@]}" >&2
        local port=$((${XUESHI_BENCH_PORT:-18443} + n))
        QT_LOGGING_RULES="xueshi.server.requests=false" "$build/server/xueshi-server" \
            --data-dir "$dir" "${serverdb[@]}" --port "$port" >"$dir/server.log" 2>&1 &
        servers+=($!)
        for _ in $(seq 1 300); do grep -q fingerprint "$dir/server.log" 2>/dev/null && break; sleep 0.1; done
        url="https://127.0.0.1:$port"
    }
    for engine in $engines; do
        for size in tenth full; do
            staff=${XUESHI_BENCH_STAFF:-10000} records=${XUESHI_BENCH_RECORDS:-100000}
            [ $size = tenth ] && staff=$((staff / 10)) records=$((records / 10))
            start_server "${engine}_$size" "$engine" $staff $records 0
            "$build/bench/xueshi-bench-sync" employer --url "$url" --cert "$dir/tls/server.crt" \
                --data-dir "$dir" "${db[@]}" --label "${engine}_$size" --staff $staff \
                --records $records | tee -a "$results"
        done
        if [ "$which" = sync-incremental ]; then
            start_server "${engine}_learner" "$engine" 0 0 1000000
            "$build/bench/xueshi-bench-sync" learner --url "$url" --cert "$dir/tls/server.crt" \
                --data-dir "$dir" "${db[@]}" --label "${engine}_learner" | tee -a "$results"
        fi
    done
    python3 - "$results" "$which" <<'PY'
import json, sys
runs = {}
for line in open(sys.argv[1]):
    r = json.loads(line)
    runs[r["label"]] = r
which = sys.argv[2]
for engine in ("sqlite", "postgres"):
    full, tenth = runs.get(engine + "_full"), runs.get(engine + "_tenth")
    if not full or not tenth:
        continue
    per = lambda r: r["seconds"] / (r["staff"] * 2 + r["records"])
    if which == "sync-initial":
        out = {k: full[k] for k in ("seconds", "baseline_seconds", "ratio_to_baseline",
                                     "client_peak_rss_mb", "bytes_on_wire", "pages", "max_ui_stall_ms")}
        out["size_ratio"] = per(full) / per(tenth)
        out["goals"] = {"seconds": 2.5, "ratio_to_baseline": 2.0, "client_peak_rss_mb": 200,
                        "max_ui_stall_ms": 50, "size_ratio": 1.3}
    else:
        out = {"ms_0_new_10k": tenth["ms_0_new"], "ms_100_new_10k": tenth["ms_100_new"],
               "ms_0_new_100k": full["ms_0_new"], "ms_100_new_100k": full["ms_100_new"]}
        learner = runs.get(engine + "_learner")
        if learner:
            out["ms_learner_10_new_of_1m"] = learner["ms_learner_10_new"]
        out["max_ms"] = max(v for v in out.values())
        out["size_ratio"] = max(full["ms_0_new"] / tenth["ms_0_new"],
                                full["ms_100_new"] / tenth["ms_100_new"])
        out["goals"] = {"max_ms": 50, "size_ratio": 1.5}
    out = {"bench": which, "engine": engine, **out}
    print(json.dumps(out))
PY
    ;;
server-throughput)
    # GET /me and a pull with nothing new over HTTPS, 64 keep-alive connections (wrk, 10 s each),
    # next to nginx (one worker, same certificate) serving a file the size of /me's answer:
    # me_rps, pull_rps, nginx_rps, me_ratio, pull_ratio (goal >= 0.5) and p99_ms (goal < 50).
    # Needs wrk and nginx (scripts/install-deps.sh).
    for tool in wrk nginx; do
        command -v "$tool" >/dev/null || { echo "server-throughput needs $tool (scripts/install-deps.sh)" >&2; exit 2; }
    done
    cmake --build "$build" --target xueshi-bench-serverthroughput >/dev/null
    "$build/server/xueshi-server" --data-dir "$data" admin load-demo >/dev/null
    QT_LOGGING_RULES="xueshi.server.requests=false" "$build/server/xueshi-server" --data-dir "$data" --port "$port" >"$data/server.log" 2>&1 &
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

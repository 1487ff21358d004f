#!/usr/bin/env bash
# Builds the fuzz targets with clang and libFuzzer (AddressSanitizer, UndefinedBehaviorSanitizer)
# in build/fuzz, then runs each for a set time on a copy of its seed corpus (docs/fuzzing.md).
# Usage: fuzz/run-libfuzzer.sh [--build-only] [SECONDS] [TARGET...]
#   SECONDS  per target (default: $XUESHI_FUZZ_SECONDS or 60)
#   TARGET   http_head json_bodies attendance_csv course_manifest course_zip sync_page (default all)
# New inputs that reach new code go to build/fuzz/corpus/<target>/ (kept between runs, never into
# the committed seeds); a crash leaves its input in build/fuzz/artifacts/<target>/ and makes this
# script fail. Replay one with build/fuzz/fuzz/fuzz_<target> <file>.
set -euo pipefail
cd "$(dirname "$0")/.."
build_only=0
if [ "${1:-}" = "--build-only" ]; then
    build_only=1
    shift
fi
seconds=${1:-${XUESHI_FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(http_head json_bodies attendance_csv course_manifest course_zip sync_page)
fi
build=${XUESHI_FUZZ_BUILD:-build/fuzz}

if ! command -v clang++ >/dev/null; then
    echo "clang++ is not installed (scripts/install-deps.sh installs clang and libFuzzer)" >&2
    exit 2
fi
launcher=()
if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "$build/build.ninja" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DXUESHI_BUILD_FUZZERS=ON -DXUESHI_BUILD_TESTS=OFF -DXUESHI_BUILD_BENCH=OFF \
        "${launcher[@]}" >"$build.configure.log" 2>&1 \
        || { cat "$build.configure.log" >&2; exit 1; }
fi
cmake --build "$build" -j 2 --target "${targets[@]/#/fuzz_}"
[ "$build_only" = 1 ] && exit 0

# Qt keeps a few allocations until exit; they are not leaks of the code under test.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
failed=()
for t in "${targets[@]}"; do
    corpus="$build/corpus/$t"
    artifacts="$build/artifacts/$t"
    mkdir -p "$corpus" "$artifacts"
    cp -n fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null || true
    echo "== $t: $seconds s"
    if ! "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" "$corpus" \
        >"$build/$t.log" 2>&1; then
        failed+=("$t")
        tail -n 60 "$build/$t.log" >&2
    fi
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)' "$build/$t.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzzing found a problem in: ${failed[*]} (inputs in $build/artifacts/)" >&2
    exit 1
fi
echo "fuzzing: no problem found in ${targets[*]} ($seconds s each)"

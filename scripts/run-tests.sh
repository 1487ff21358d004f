#!/usr/bin/env bash
# Builds everything with warnings as errors and runs every test suite (CTest, offscreen), the
# server suites on SQLite and on a throwaway PostgreSQL cluster. As root (CI) this includes the
# packages: built with cpack, installed with dpkg -i, started, purged (ctest -L packaging).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset ci
cmake --build --preset ci
ctest --preset ci --parallel 2 "$@"

#!/usr/bin/env bash
# The performance harness: builds in Release, starts a throwaway PostgreSQL, runs the real host
# as its own process and a bare baseline in the same run, and prints one table of figures with
# their ratios. Arguments go to the harness (e.g. ./bench.sh --requests 4000 --concurrency 64).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
ensure_postgres_installed

PG_PORT="${LN_BENCH_PG_PORT:-55434}"
PG_DIR="$(mktemp -d /tmp/learningnetwork-bench-pg.XXXXXX)"
chmod 755 "$PG_DIR"
trap 'pg_cluster_stop "$PG_DIR/data"; rm -rf "$PG_DIR"' EXIT INT TERM

echo "==> Building (Release)"
dotnet build src/Host/LearningNetwork.Host -c Release -nologo -v q -clp:ErrorsOnly
dotnet build tests/LearningNetwork.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
echo "==> PostgreSQL on 127.0.0.1:$PG_PORT"
pg_cluster_start "$PG_DIR/data" "$PG_PORT" "-c shared_buffers=256MB"
export LN_BENCH_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
export LN_BENCH_HOST_DLL="$(pwd)/src/Host/LearningNetwork.Host/bin/Release/net10.0/LearningNetwork.Host.dll"
echo "==> Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
dotnet tests/LearningNetwork.Benchmarks/bin/Release/net10.0/LearningNetwork.Benchmarks.dll "$@"

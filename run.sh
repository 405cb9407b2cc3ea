#!/usr/bin/env bash
# Starts the whole system for a newcomer: PostgreSQL (under .data/postgres), smtp4dev (a local
# SMTP server with a web inbox), migrations, the host and demo data. Ctrl-C stops all of it;
# the data stays for the next run.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$(pwd)"
source scripts/postgres.sh

PG_PORT="${LN_PG_PORT:-5433}"
HTTP_PORT="${LN_HTTP_PORT:-5080}"
SMTP_PORT="${LN_SMTP_PORT:-2525}"
INBOX_PORT="${LN_INBOX_PORT:-5081}"
STAFF_EMAIL="${Bootstrap__StaffEmail:-staff@learningnetwork.local}"
STAFF_PASSWORD="${Bootstrap__StaffPassword:-ChangeMe-Staff-2026}"
DATA="$ROOT/.data"
mkdir -p "$DATA"

command -v dotnet >/dev/null || { echo "The .NET SDK (10) is needed: https://dot.net" >&2; exit 1; }
ensure_postgres_installed
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }
echo "==> Restoring dotnet tools (dotnet-ef, smtp4dev)"
dotnet tool restore >/dev/null

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "==> Stopping"
  # The dotnet launchers start child processes: stop those too.
  for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg_cluster_stop "$DATA/postgres"
}
trap cleanup INT TERM EXIT

echo "==> PostgreSQL on 127.0.0.1:$PG_PORT (data in .data/postgres)"
pg_cluster_start "$DATA/postgres" "$PG_PORT"
pg_create_db "$PG_PORT" learningnetwork

echo "==> smtp4dev: SMTP on 127.0.0.1:$SMTP_PORT, inbox on http://localhost:$INBOX_PORT"
dotnet tool run smtp4dev -- --urls="http://localhost:$INBOX_PORT" --smtpport="$SMTP_PORT" --imapport=0 --pop3port=0 \
  --db="$DATA/smtp4dev.db" --bindaddress=127.0.0.1 >"$DATA/smtp4dev.log" 2>&1 &
pids+=($!)

echo "==> Building and starting the host on http://localhost:$HTTP_PORT"
dotnet build src/Host/LearningNetwork.Host -v q -nologo >/dev/null
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="http://localhost:$HTTP_PORT"
export ConnectionStrings__LearningNetwork="${ConnectionStrings__LearningNetwork:-Host=127.0.0.1;Port=$PG_PORT;Database=learningnetwork;Username=postgres}"
export Smtp__Host="${Smtp__Host:-127.0.0.1}" Smtp__Port="${Smtp__Port:-$SMTP_PORT}" Smtp__Security="${Smtp__Security:-None}"
export App__PublicBaseUrl="${App__PublicBaseUrl:-http://localhost:$HTTP_PORT}"
export Bootstrap__StaffEmail="$STAFF_EMAIL" Bootstrap__StaffPassword="$STAFF_PASSWORD"
export Database__MigrateOnStartup="${Database__MigrateOnStartup:-true}"
export Seed__DemoData="${Seed__DemoData:-true}"
(cd src/Host/LearningNetwork.Host && exec dotnet bin/Debug/net10.0/LearningNetwork.Host.dll) &
pids+=($!)

for _ in $(seq 1 120); do
  if curl -fsS "http://localhost:$HTTP_PORT/health/ready" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://localhost:$HTTP_PORT/health/ready" >/dev/null 2>&1 || { echo "The host did not become ready; see the log above." >&2; exit 1; }

cat <<INFO

  LearningNetwork is running.
    Site and API   http://localhost:$HTTP_PORT
    API reference  http://localhost:$HTTP_PORT/scalar   (OpenAPI: /openapi/v1.json)
    Email inbox    http://localhost:$INBOX_PORT
    Health         http://localhost:$HTTP_PORT/health/ready
    Staff login    $STAFF_EMAIL / $STAFF_PASSWORD

  Press Ctrl-C to stop everything (data stays in .data/).
INFO
wait "${pids[@]}"

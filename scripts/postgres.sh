#!/usr/bin/env bash
# Shared by run.sh, test.sh and bench.sh: find or install PostgreSQL (and, for the browser tests,
# Chromium and axe-core), and run a private PostgreSQL cluster in a folder.
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.

pg_bindir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v initdb)")"; return 0; }
  return 1
}

ensure_postgres_installed() {
  if pg_bindir >/dev/null; then return 0; fi
  echo "==> PostgreSQL server not found: installing it with apt-get"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  # Debian starts a system cluster on 5432; we run our own and leave that one alone.
  pg_bindir >/dev/null || { echo "PostgreSQL could not be installed" >&2; return 1; }
}

as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# pg_cluster_start DATADIR PORT: creates the cluster on first use, then starts it on 127.0.0.1:PORT.
pg_cluster_start() {
  local datadir="$1" port="$2" bindir extra="${3:-}"
  bindir="$(pg_bindir)"
  mkdir -p "$datadir"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    chown postgres "$datadir"
    chmod 700 "$datadir"
    if ! runuser -u postgres -- test -w "$datadir"; then
      echo "The postgres user cannot reach $datadir (a parent folder is closed); use a path it can reach." >&2
      return 1
    fi
  fi
  if [ ! -f "$datadir/PG_VERSION" ]; then
    as_pg_owner "$bindir/initdb" -D "$datadir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_pg_owner "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
    return 0
  fi
  as_pg_owner "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$datadir -c max_connections=400 $extra" start >/dev/null
}

pg_cluster_stop() {
  local datadir="$1" bindir
  bindir="$(pg_bindir)" || return 0
  [ -f "$datadir/PG_VERSION" ] || return 0
  as_pg_owner "$bindir/pg_ctl" -D "$datadir" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_create_db PORT NAME: creates the database unless it exists.
pg_create_db() {
  local port="$1" name="$2" bindir
  bindir="$(pg_bindir)"
  if ! "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$name'" postgres | grep -q 1; then
    "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
  fi
}

# The browser tests need Debian's Chromium (Playwright's own browser download does not work
# here) and axe-core from npm, pinned by the test project's package-lock.json.
ensure_browser_test_tools() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "==> Chromium not found: installing it with apt-get"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  fi
  command -v npm >/dev/null || { echo "npm (Node.js) is needed for axe-core" >&2; exit 1; }
  if [ ! -f tests/LearningNetwork.WebUi.Tests/node_modules/axe-core/axe.min.js ]; then
    echo "==> Installing axe-core (npm ci)"
    (cd tests/LearningNetwork.WebUi.Tests && npm ci --no-audit --no-fund --silent)
  fi
}

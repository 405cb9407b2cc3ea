#!/usr/bin/env bash
# Runs every test: builds, starts a throwaway PostgreSQL cluster, runs all test projects against
# it, stops it again. Exits non-zero on any failure. Extra arguments go to `dotnet test`
# (e.g. ./test.sh --filter "FullyQualifiedName~Sessions").
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh

command -v dotnet >/dev/null || { echo "The .NET SDK (10) is needed" >&2; exit 1; }
ensure_postgres_installed
ensure_browser_test_tools

PG_PORT="${LN_TEST_PG_PORT:-55433}"
PG_DIR="$(mktemp -d /tmp/learningnetwork-test-pg.XXXXXX)"
chmod 755 "$PG_DIR"
RESULTS="$(mktemp -d /tmp/learningnetwork-test-results.XXXXXX)"
# Screenshots of the browser tests: kept after the run, like CI artifacts.
export LN_TEST_ARTIFACTS="${LN_TEST_ARTIFACTS:-$(pwd)/artifacts/screenshots}"
# The test lanes started below (process ids that lead their own process groups). They stay
# listed after they end: at exit, whatever a lane killed by hand left running is stopped too.
LANES=()
cleanup() {
  stop_lanes
  pg_cluster_stop "$PG_DIR/data"
  rm -rf "$PG_DIR" "$RESULTS"
}
# Stops each lane with everything it started (test hosts, browsers): a lane is a process group.
stop_lanes() {
  local lane
  for lane in "${LANES[@]}"; do kill -TERM -- "-$lane" 2>/dev/null || true; done
}
# Stopped by hand (Ctrl-C, kill): stop the lanes and end here, failed; never carry on to a
# summary of a partial run.
stopped() {
  echo "test.sh: stopped by SIG$1 before the tests ended" >&2
  exit "$2"
}
trap cleanup EXIT
trap 'stopped INT 130' INT
trap 'stopped TERM 143' TERM
trap 'stopped HUP 129' HUP

echo "==> Building"
dotnet build LearningNetwork.sln -nologo -v q -clp:ErrorsOnly

echo "==> Throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
# Durability is not what these tests are about: skip fsync to keep the suite fast.
pg_cluster_start "$PG_DIR/data" "$PG_PORT" "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
export LN_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Include Error Detail=true"

echo "==> Testing"
# Two lanes, one per core: the browser tests (the longest project by far) start at once in one,
# every other project runs one after another in the other. Left to `dotnet test` on the solution,
# the browser tests start late and the run ends long after the other lane is idle.
BROWSER_TESTS=tests/LearningNetwork.WebUi.Tests/LearningNetwork.WebUi.Tests.csproj
OTHER_TESTS="$PG_DIR/other-tests.slnf"
{
  printf '{"solution":{"path":"%s","projects":[' "$(pwd)/LearningNetwork.sln"
  find tests -name '*Tests.csproj' ! -path "$BROWSER_TESTS" | sort | sed 's/.*/"&"/' | paste -sd, | tr -d '\n'
  printf ']}}\n'
} >"$OTHER_TESTS"
# Both lanes run in the background, each in a process group of its own (setsid), and the script
# waits for them: a signal to the script is handled at once, and stops each lane whole.
setsid dotnet test "$BROWSER_TESTS" --no-build -nologo --logger "trx" --results-directory "$RESULTS" "$@" &
browser_lane=$!
LANES+=("$browser_lane")
setsid dotnet test "$OTHER_TESTS" --no-build -nologo -m:1 --logger "trx" --results-directory "$RESULTS" "$@" &
other_lane=$!
LANES+=("$other_lane")
# A lane that fails, crashes or is killed ends with a non-zero status, and so does the run.
status=0
lane_status=0
wait "$other_lane" || lane_status=$?
if [ "$lane_status" -ne 0 ]; then echo "The lane of the other tests ended with exit $lane_status" >&2; status=$lane_status; fi
lane_status=0
wait "$browser_lane" || lane_status=$?
if [ "$lane_status" -ne 0 ]; then echo "The lane of the browser tests ended with exit $lane_status" >&2; status=$lane_status; fi

# One closing line that any reader understands, summed over the test projects' result files.
passed=0; failed=0; skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
  # A test run that did not finish (its test host crashed, it was cancelled) fails the run too.
  outcome=$(grep -o '<ResultSummary outcome="[^"]*"' "$trx" | head -n1 | sed 's/.*outcome="\([^"]*\)"/\1/')
  case "$outcome" in
    Completed | Failed) ;;
    *) echo "A test run ended as ${outcome:-unknown}: $(basename "$trx")" >&2; [ "$status" -ne 0 ] || status=1 ;;
  esac
done
# The slowest tests, so that a run creeping towards its time budget shows where the time goes.
echo "Slowest tests:"
grep -ho '<UnitTestResult [^>]*>' "$RESULTS"/*.trx 2>/dev/null \
  | sed -n 's/.*testName="\([^"]*\)".*duration="\([0-9:.]*\)".*/\2 \1/p' | sort -r | head -n 8 | sed 's/^/  /' || true
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
echo "Screenshots of the web UI: $LN_TEST_ARTIFACTS"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then echo "dotnet test failed (exit $status) outside of a test" >&2; fi
exit "$status"

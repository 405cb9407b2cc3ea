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
# Three lanes, each a `dotnet test` of its own, started at once: the browser tests (their
# journeys run side by side inside it, in the collections of BrowserCollections.cs), and the
# other projects in two lanes that take about as long, one project after another in each. Most of
# these tests wait (on PostgreSQL, SMTP, background work, a browser) rather than compute, so three
# lanes keep two cores busy where two left them half idle. The projects listed here make the
# first of those lanes; every other test project (a new one too) is in the second, so each
# project runs in exactly one lane.
BROWSER_TESTS=tests/LearningNetwork.WebUi.Tests/LearningNetwork.WebUi.Tests.csproj
FIRST_LANE_PROJECTS=(Notifications Sessions Enrollments ArchitectureTests)
first_lane=()
second_lane=()
for project in $(find tests -name '*Tests.csproj' ! -path "$BROWSER_TESTS" | sort); do
  name=$(basename "$project" .csproj); name=${name#LearningNetwork.}; name=${name%.Tests}
  if [[ " ${FIRST_LANE_PROJECTS[*]} " == *" $name "* ]]; then first_lane+=("$project"); else second_lane+=("$project"); fi
done
if [ "${#first_lane[@]}" -ne "${#FIRST_LANE_PROJECTS[@]}" ]; then
  echo "test.sh names a test project for the first lane that does not exist: ${FIRST_LANE_PROJECTS[*]}" >&2
  exit 1
fi
# A solution filter of the given projects, for one lane's `dotnet test`.
solution_filter() {
  printf '{"solution":{"path":"%s","projects":[' "$(pwd)/LearningNetwork.sln"
  printf '"%s"\n' "$@" | paste -sd, | tr -d '\n'
  printf ']}}\n'
}
solution_filter "${first_lane[@]}" >"$PG_DIR/first-lane.slnf"
solution_filter "${second_lane[@]}" >"$PG_DIR/second-lane.slnf"
# Each lane runs in the background, in a process group of its own (setsid), and the script waits
# for them: a signal to the script is handled at once, and stops each lane whole. A lane's tests
# cannot meet another lane's: every test class makes its own database (a new name each time) and
# takes its ports (host, SMTP, identity provider, private PostgreSQL) from the system's free ones.
declare -A LANE_NAMES
start_lane() {
  local name=$1
  shift
  setsid dotnet test "$@" --no-build -nologo --logger "trx" --results-directory "$RESULTS" "${TEST_ARGS[@]}" &
  LANES+=("$!")
  LANE_NAMES[$!]=$name
}
TEST_ARGS=("$@")
start_lane "browser tests" "$BROWSER_TESTS"
start_lane "first lane (${FIRST_LANE_PROJECTS[*]})" "$PG_DIR/first-lane.slnf" -m:1
start_lane "second lane (the other projects)" "$PG_DIR/second-lane.slnf" -m:1
# A lane that fails, crashes or is killed ends with a non-zero status, and so does the run.
status=0
for lane in "${LANES[@]}"; do
  lane_status=0
  wait "$lane" || lane_status=$?
  if [ "$lane_status" -ne 0 ]; then echo "The ${LANE_NAMES[$lane]} ended with exit $lane_status" >&2; status=$lane_status; fi
done

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
    # vstest's trx logger says Warning for a run whose tests all ended but that reported warnings
    # at run level (a skipped test, a test host's output on stderr): not a failure, as long as the
    # counters count no failed, erroneous, timed-out or aborted test.
    Warning)
      bad=0
      for counter in failed error timeout aborted; do
        count=$(sed -n "s/.* $counter=\"\([0-9]*\)\".*/\1/p" <<<"$counters"); bad=$((bad + ${count:-1}))
      done
      if [ "$bad" -ne 0 ]; then echo "A test run ended as Warning with $bad tests not passed: $(basename "$trx")" >&2; [ "$status" -ne 0 ] || status=1; fi ;;
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

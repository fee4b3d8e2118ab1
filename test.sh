#!/usr/bin/env bash
# Runs the tests of Dossier and ends with one line: "N passed, N failed" (", N skipped" if any).
#
#   ./test.sh          every test, both tiers (CI runs this)
#   ./test.sh --fast   the fast tier only: unit tests, the CLI and web API in-process, golden files
#                      and property tests; leaves out the integration tier, the classes marked
#                      [Trait("Tier", "Integration")] (tests/Shared/TestTier.cs): processes killed
#                      and restarted, browser (Chromium), PostgreSQL server and ../shared/data
#                      accuracy suites. Meant to take under 3 minutes on a 2-core machine.
#   ./test.sh --help   this text
# Any other arguments go to `dotnet test` as they are (after --fast, too).
# Needs the .NET 10 SDK; what else a test needs (Debian's Chromium for the browser tests, Debian's
# PostgreSQL server binaries for the storage tests, which start their own server, Node.js and npm
# for the web UI's libraries), this script installs when it runs as root on Debian.
set -uo pipefail
cd "$(dirname "$0")"

filter=()
case "${1:-}" in
  -h|--help)
    sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//;p}' "$0"
    exit 0
    ;;
  --fast)
    shift
    # The tier's name and value are written once, in tests/Shared/TestTier.cs; this is their one copy.
    filter=(--filter "Tier!=Integration")
    ;;
esac

missing=()
# The fast tier needs neither Chromium nor PostgreSQL; Node.js and npm both tiers need, to build the web UI.
if [ ${#filter[@]} -eq 0 ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
fi
command -v npm >/dev/null && command -v node >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${missing[*]} from Debian's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: the tests need ${missing[*]} (Debian: apt-get install -y ${missing[*]}); the browser and PostgreSQL tests will fail without them" >&2
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet test Dossier.slnx --nologo "${filter[@]}" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-assembly lines: "Passed!  - Failed:     0, Passed:    21, Skipped:     0, Total: ..."
read -r passed failed skipped < <(grep -E '^\s*(Passed|Failed)!\s+-\s+Failed:' "$log" | awk -F'[:,]' '
  { f += $2; p += $4; s += $6 } END { printf "%d %d %d\n", p, f, s }')

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the runner failed before any test could: count that as a failure, not a pass.
  failed=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]

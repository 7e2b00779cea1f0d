#!/usr/bin/env bash
# The README's test command. On a fresh machine with only the .NET SDK it installs what the
# tests need, builds the solution, runs every test project, and ends with the line
# "N passed, N failed" taken from the test runner's own results (TRX files).
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive for real (tmux for the TUI tests, sshd for the SSH tests, the
# login shells a node may have: ksh, csh, tcsh), installed only when missing.
DEBIAN_PACKAGES=(tmux openssh-server ksh csh tcsh strace) # strace: what the native program reads at start
missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results=TestResults
rm -rf "$results"

if ! dotnet build ClAdmin.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# The end-to-end tests (cladmin as a process, in tmux, over ssh) run the program as it ships.
if ! scripts/publish.sh artifacts/cladmin; then
  echo "native publish failed"
  echo "0 passed, 1 failed"
  exit 1
fi
export CLADMIN_TEST_BINARY="$PWD/artifacts/cladmin/cladmin"

dotnet test ClAdmin.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
test_rc=$?

passed=0; failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ ${#trx_files[@]} -eq 0 ] || { [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # The runner failed without reporting a failed test (crash, abort): count it as a failure.
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

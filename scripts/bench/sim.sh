#!/usr/bin/env bash
# Simulator benchmark (issue 5): peak memory of `cladmin cmd -n node[1-32] -- lsvg` on a 32-node
# world with 64 shared disks (from /usr/bin/time -v; target under 150 MB), and its time as a
# ratio to `cladmin --version` (target within 3x). Medians over ROUNDS runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-9}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
. scripts/bench/common.sh
command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
publish_native "$work/cladmin"
cladmin() { "$work/cladmin/cladmin" --db "$work/cladmin.db" "$@"; }
cladmin sim init --nodes 32 --disks 64 --seed 1 >/dev/null


peak_kb=$(/usr/bin/time -v "$work/cladmin/cladmin" --db "$work/cladmin.db" cmd -n 'node[1-32]' -- lsvg 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')
v=$(median_ms cladmin --version)
l=$(median_ms cladmin cmd -n 'node[1-32]' -- lsvg)
printf 'peak RSS of cmd -n node[1-32] -- lsvg (32 nodes, 64 disks): %d MB (target < 150 MB)\n' $(( peak_kb / 1024 ))
printf '%-44s %8s ms\n' "cladmin --version" "$v"
printf '%-44s %8s ms  ratio %s (target <= 3)\n' "cladmin cmd -n node[1-32] -- lsvg" "$l" "$(ratio "$l" "$v")"

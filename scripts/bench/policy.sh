#!/usr/bin/env bash
# Crash node1 until the cluster is stable again, N nodes x M resource groups (each with a home node and two fallover
# nodes, all online at home), timed side by side with Pacemaker's `crm_simulate -x CIB -R` on the
# same cluster as /work/shared/tools/cibgen.py generates it (same nodes, resources running on their
# home nodes, the same three location preferences, node1 down).
# Usage: scripts/bench/policy.sh [SIZES]   SIZES like "8x16 8x64" (default: the full table,
# 8/16/32/64 nodes x 16/64/256 groups). ROUNDS (default 3) runs per size; the median is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ROUNDS=${ROUNDS:-3}
SIZES=${1:-"8x16 8x64 8x256 16x16 16x64 16x256 32x16 32x64 32x256 64x16 64x64 64x256"}
CIBGEN=${CIBGEN:-/work/shared/tools/cibgen.py}
if ! command -v crm_simulate >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y pacemaker-cli-utils >/dev/null; else sudo apt-get install -y pacemaker-cli-utils >/dev/null; fi
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build src/ClAdmin -c Release -nologo -clp:ErrorsOnly >/dev/null
scripts/publish.sh >/dev/null   # cladmin as it ships: the native program (artifacts/cladmin, rebuilt only when its inputs changed)
CLADMIN=(artifacts/cladmin/cladmin)

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 )); }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%5s %6s %12s %12s %14s %8s %s\n' nodes groups "setup(ms)" "crash(ms)" "crm_sim(ms)" ratio "node_down run"
for size in $SIZES; do
  n=${size%x*}; m=${size#*x}
  base="$work/base-$n-$m.db"
  "${CLADMIN[@]}" --db "$base" sim init --nodes "$n" --force >/dev/null
  setup=$(dotnet run scripts/bench/PolicyCluster.cs -- "$base" "$n" "$m")
  python3 "$CIBGEN" "$n" "$m" --running --node1-down > "$work/cib.xml"
  crash=() crm=() ran=""
  for _ in $(seq "$ROUNDS"); do
    cp "$base" "$work/run.db"
    t0=$(date +%s%N)
    # In auto mode (the default) sim fail returns once the cluster is stable again: failure
    # detection, node_down and the takeovers have run (a later `sim settle` finds nothing to do).
    "${CLADMIN[@]}" --db "$work/run.db" sim fail node node1 >/dev/null
    t1=$(date +%s%N)
    crash+=($(( (t1 - t0) / 1000000 )))
    # Did the crash run node_down on the survivors (failure detection)?
    ran=$("${CLADMIN[@]}" --db "$work/run.db" --node node2 cmd -- grep -c "EVENT START: node_down node1" /tmp/hacmp.out 2>/dev/null | tail -1 || true)
    crm+=($(ms crm_simulate -x "$work/cib.xml" -R))
  done
  c=$(printf '%s\n' "${crash[@]}" | median); p=$(printf '%s\n' "${crm[@]}" | median)
  printf '%5s %6s %12s %12s %14s %8s %s\n' "$n" "$m" "$(sed 's/.*start_ms=//' <<<"$setup")" "$c" "$p" "$(awk -v a="$c" -v b="$p" 'BEGIN{printf "%.2f", a/b}')" "$([ "${ran:-0}" -gt 0 ] 2>/dev/null && echo yes || echo no)"
  echo "      $setup"
done

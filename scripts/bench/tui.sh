#!/usr/bin/env bash
# TUI benchmark (issue 6): median key-to-frame time for a 64-item menu and for paging a
# 100,000-line COMMAND STATUS (targets: under 5 ms each), and the time to the first frame of
# `cladmin -x` in a real terminal (tmux) against `cladmin --version` (target: under 3x).
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# cladmin as scripts/run.sh builds it: the native program (scripts/publish.sh).
pub=$(mktemp -d)
scripts/publish.sh "$pub"
dotnet build scripts/bench/TuiBench -c Release -nologo -clp:ErrorsOnly -o scripts/bench/TuiBench/out >/dev/null
dotnet scripts/bench/TuiBench/out/TuiBench.dll

cladmin="$pub/cladmin"
runs=${RUNS:-7}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

version=$(for _ in $(seq "$runs"); do s=$(date +%s%N); "$cladmin" --version >/dev/null; ms "$s"; done | median)

# The first frame needs a terminal: run in a private tmux server; cladmin exits right after
# drawing its first frame when CLADMIN_EXIT_AFTER_FIRST_FRAME=1.
sock="cladmin-bench-$$"; out=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$out" "$pub"' EXIT
for i in $(seq "$runs"); do
  tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
    "sh -c 's=\$(date +%s%N); CLADMIN_EXIT_AFTER_FIRST_FRAME=1 XDG_STATE_HOME=$out '$cladmin' -x; echo \$(( (\$(date +%s%N) - s) / 1000000 )) > $out/$i'"
  for _ in $(seq 200); do [ -s "$out/$i" ] && break; sleep 0.05; done
done
first=$(cat "$out"/[0-9]* | median)
echo "version_ms $version"
echo "first_frame_ms $first"
awk -v f="$first" -v v="$version" 'BEGIN { printf "first_frame_over_version %.2f (target < 3)\n", f / v }'

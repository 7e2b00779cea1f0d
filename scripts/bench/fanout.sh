#!/usr/bin/env bash
# Fan-out benchmark (issue 4 §5): cladmin against pdsh -R ssh -f 32 and clush -f 32 on the same
# 32 loopback sshd nodes, commands `true` and `hostname`, several rounds, medians.
#   cold: a new process and new connections per run (the three tools in a rotating order)
#   warm: one cladmin process running the command 21 times over persistent sessions
#         (--repeat 21 --timing); its per-command time is the median of rounds 2..21, as
#         measured by cladmin around each fan-out (round 1 pays the handshakes)
# Prints the medians and the ratios cladmin/faster peer. Usage: scripts/bench/fanout.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
N=32

need=()
command -v pdsh >/dev/null || need+=(pdsh)
command -v clush >/dev/null || need+=(clustershell)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dir=$(mktemp -d /tmp/cladmin-bench.XXXXXX)
scripts/publish.sh "$dir/cladmin"   # cladmin as it ships: the native program
CLADMIN=("$dir/cladmin/cladmin")
trap 'scripts/sshd-nodes.sh stop "$dir"; rm -rf "$dir"' EXIT
scripts/sshd-nodes.sh start "$N" "$dir" >/dev/null
cfg="$dir/ssh_config"
nodes="node[01-$N]"
export CLADMIN_CSPOC_LOG="$dir/cspoc.log"
export PDSH_SSH_ARGS="-F $cfg -x -oBatchMode=yes %h"

seconds() { # run a command, print its wall time in seconds; fail loudly if it fails
  local start end
  start=$(date +%s.%N)
  "$@" </dev/null >/dev/null 2>"$dir/err" || { echo "failed: $*" >&2; cat "$dir/err" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.6f\n", m}'; }

printf '%-9s %-6s %10s %10s %10s %14s %14s\n' command mode pdsh clush cladmin "ratio/faster" "faster peer"
for cmd in true hostname; do
  pd=(); cl=(); ca=(); w21=()
  for round in $(seq 1 "$ROUNDS"); do
    # The three cold runs in a rotating order, so no tool always follows the same one.
    for k in 0 1 2; do
      case $(( (round + k) % 3 )) in
        0) pd+=("$(seconds pdsh -R ssh -f 32 -w "$nodes" "$cmd")") ;;
        1) cl+=("$(seconds clush -f 32 -o "-F $cfg" -w "$nodes" "$cmd")") ;;
        2) ca+=("$(seconds "${CLADMIN[@]}" --transport ssh --ssh-config "$cfg" cmd -f 32 -n "$nodes" -- "$cmd")") ;;
      esac
    done
    "${CLADMIN[@]}" --transport ssh --ssh-config "$cfg" cmd -f 32 -n "$nodes" --repeat 21 --timing -- "$cmd" </dev/null >/dev/null 2>"$dir/timing"
    w21+=("$(sed -n 's/^cladmin: round \([0-9]*\): \([0-9.]*\) s$/\1 \2/p' "$dir/timing" | awk '$1 > 1 {print $2}' | median)")
  done
  mp=$(printf '%s\n' "${pd[@]}" | median); mc=$(printf '%s\n' "${cl[@]}" | median); ma=$(printf '%s\n' "${ca[@]}" | median)
  warm=$(printf '%s\n' "${w21[@]}" | median)
  if (( $(echo "$mp < $mc" | bc -l) )); then fast=$mp; name=pdsh; else fast=$mc; name=clush; fi
  printf '%-9s %-6s %10.4f %10.4f %10.4f %14.3f %14s\n' "$cmd" cold "$mp" "$mc" "$ma" "$(echo "$ma / $fast" | bc -l)" "$name"
  printf '%-9s %-6s %10.4f %10.4f %10.4f %14.4f %14s   (peer/cladmin = %.1fx)\n' "$cmd" warm "$mp" "$mc" "$warm" "$(echo "$warm / $fast" | bc -l)" "$name" "$(echo "$fast / $warm" | bc -l)"
done
echo "cold target: ratio <= 1; warm target: peer/cladmin >= 20 (times in seconds, medians of $ROUNDS rounds, $N nodes)"

#!/usr/bin/env bash
# Fan-out benchmark (issue 4 §5): cladmin against pdsh -R ssh -f 32 and clush -f 32 on the same
# 32 loopback sshd nodes, commands `true` and `hostname`, several rounds, medians.
#   cold: a new process and new connections per run (the three tools in a rotating order)
#   warm: one cladmin process running the command 21 times over persistent sessions
#         (--repeat 21 --timing); its per-command time is the median of rounds 2..21, as
#         measured by cladmin around each fan-out (round 1 pays the handshakes). The peers warm:
#         pdsh and clush with OpenSSH connection sharing (ControlMaster=auto, ControlPersist=60,
#         ControlPath in the bench directory), the 32 masters opened before any timing, so each
#         of their runs pays a new ssh client per node over an open connection, no handshake.
# Prints the medians, the ratios cladmin/faster peer and the load averages (the machine may be
# shared: compare ratios of one run). Usage: scripts/bench/fanout.sh [ROUNDS] (or ROUNDS=n);
# CLADMIN_BENCH_BINARY=PATH times that native cladmin instead of publishing one.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-${ROUNDS:-5}}
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
if [ -n "${CLADMIN_BENCH_BINARY:-}" ]; then # a native cladmin already built (to compare two builds)
  CLADMIN=("$CLADMIN_BENCH_BINARY")
else
  scripts/publish.sh "$dir/cladmin"   # cladmin as it ships: the native program
  CLADMIN=("$dir/cladmin/cladmin")
fi
cfg="$dir/ssh_config"
cm="$dir/ssh_config_cm" # the same nodes with connection sharing, for the warm peers
nodes="node[01-$N]"
close_masters() { [ -f "$dir/nodes" ] && while read -r n; do ssh -F "$cm" -O exit "$n" 2>/dev/null || true; done <"$dir/nodes"; }
trap 'close_masters; scripts/sshd-nodes.sh stop "$dir"; rm -rf "$dir"' EXIT
scripts/sshd-nodes.sh start "$N" "$dir" >/dev/null
{ cat "$cfg"; printf '  ControlMaster auto\n  ControlPath %s/cm-%%C\n  ControlPersist 60\n' "$dir"; } >"$cm" # ends in Host *
open_masters() { # one master per node, opened (or found open) before a warm peer is timed
  while read -r n; do ssh -F "$cm" -x -oBatchMode=yes "$n" true </dev/null & done <"$dir/nodes"
  wait
}
export CLADMIN_CSPOC_LOG="$dir/cspoc.log" CLADMIN_DB="$dir/cladmin.db" # the user's own left alone
cold_pdsh="-F $cfg -x -oBatchMode=yes %h"
warm_pdsh="-F $cm -x -oBatchMode=yes %h"

seconds() { # run a command, print its wall time in seconds; fail loudly if it fails. With cold=1,
  # in $(...): the CPU time (user + system) of the command and all its children, ssh included (the
  # subshell's reaped children, from /proc), is added to $dir/cpu.PROGRAM.
  local start end
  start=$(date +%s.%N)
  "$@" </dev/null >/dev/null 2>"$dir/err" || { echo "failed: $*" >&2; cat "$dir/err" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
  [ -z "${cold:-}" ] || awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f\n", ($16 + $17) / hz }' "/proc/$BASHPID/stat" >>"$dir/cpu.${1##*/}"
}
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.6f\n", m}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %-6s %10s %10s %10s %14s %14s\n' command mode pdsh clush cladmin "ratio/faster" "faster peer"
for cmd in true hostname; do
  pd=(); cl=(); ca=(); w21=(); wpd=(); wcl=()
  for round in $(seq 1 "$ROUNDS"); do
    # The three cold runs in a rotating order, so no tool always follows the same one.
    for k in 0 1 2; do
      case $(( (round + k) % 3 )) in
        0) pd+=("$(PDSH_SSH_ARGS=$cold_pdsh cold=1 seconds pdsh -R ssh -f 32 -w "$nodes" "$cmd")") ;;
        1) cl+=("$(cold=1 seconds clush -f 32 -o "-F $cfg" -w "$nodes" "$cmd")") ;;
        2) ca+=("$(cold=1 seconds "${CLADMIN[@]}" --transport ssh --ssh-config "$cfg" cmd -f 32 -n "$nodes" -- "$cmd")") ;;
      esac
    done
    open_masters
    if (( round % 2 )); then
      wpd+=("$(PDSH_SSH_ARGS=$warm_pdsh seconds pdsh -R ssh -f 32 -w "$nodes" "$cmd")")
      wcl+=("$(seconds clush -f 32 -o "-F $cm" -w "$nodes" "$cmd")")
    else
      wcl+=("$(seconds clush -f 32 -o "-F $cm" -w "$nodes" "$cmd")")
      wpd+=("$(PDSH_SSH_ARGS=$warm_pdsh seconds pdsh -R ssh -f 32 -w "$nodes" "$cmd")")
    fi
    "${CLADMIN[@]}" --transport ssh --ssh-config "$cfg" cmd -f 32 -n "$nodes" --repeat 21 --timing -- "$cmd" </dev/null >/dev/null 2>"$dir/timing"
    w21+=("$(sed -n 's/^cladmin: round \([0-9]*\): \([0-9.]*\) s$/\1 \2/p' "$dir/timing" | awk '$1 > 1 {print $2}' | median)")
  done
  mp=$(printf '%s\n' "${pd[@]}" | median); mc=$(printf '%s\n' "${cl[@]}" | median); ma=$(printf '%s\n' "${ca[@]}" | median)
  cp=$(median <"$dir/cpu.pdsh"); cc=$(median <"$dir/cpu.clush"); caa=$(median <"$dir/cpu.${CLADMIN[0]##*/}")
  rm -f "$dir"/cpu.*
  warm=$(printf '%s\n' "${w21[@]}" | median)
  wp=$(printf '%s\n' "${wpd[@]}" | median); wc=$(printf '%s\n' "${wcl[@]}" | median)
  if (( $(echo "$mp < $mc" | bc -l) )); then fast=$mp; name=pdsh; else fast=$mc; name=clush; fi
  printf '%-9s %-6s %10.4f %10.4f %10.4f %14.3f %14s\n' "$cmd" cold "$mp" "$mc" "$ma" "$(echo "$ma / $fast" | bc -l)" "$name"
  printf '%-9s %-6s %10.4f %10.4f %10.4f %14.3f %14s\n' "$cmd" "cpu" "$cp" "$cc" "$caa" "$(echo "$caa / $cp" | bc -l)" "(of pdsh)"
  if (( $(echo "$wp < $wc" | bc -l) )); then fast=$wp; name=pdsh; else fast=$wc; name=clush; fi
  printf '%-9s %-6s %10.4f %10.4f %10.4f %14.4f %14s   (peer/cladmin = %.1fx)\n' "$cmd" warm "$wp" "$wc" "$warm" "$(echo "$warm / $fast" | bc -l)" "$name" "$(echo "$fast / $warm" | bc -l)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu: the cold runs' CPU time (user + system, children included). pdsh starts each ssh in a session of its"
echo "own (setsid), so with the scheduler's autogroups each gets a share of a loaded machine; cladmin's share one:"
echo "on a busy machine compare the cpu row, on an idle one the cold row."
echo "cold target: ratio <= 1; warm target: peer/cladmin >= 40 (times in seconds, medians of $ROUNDS rounds, $N nodes;"
echo "warm peers: pdsh and clush over ControlMaster connections; warm cladmin: one command over its persistent sessions)"
# The floor under any warm fan-out over OpenSSH on this machine: one line to every node's warm
# session and one line back, answered by the shell alone, then with the process a command needs.
echo "floor (ms a round over $N warm ssh sessions, median of 301; no tool starting a process per node and command goes under the last two):"
floor() { python3 scripts/bench/fanout_floor.py "$cfg" "$1" "exec sh -c '$2'" | awk '{ t = $NF; $NF = ""; printf "  %-58s %8.2f\n", $0, t }'; }
floor "ssh round trip, answered by the remote shell" 'while read l; do echo $l; done'
floor "+ a forked subshell per command (a builtin such as true)" 'while read l; do { echo $l; } </dev/null & wait $!; done'
floor "+ fork and exec of hostname per command" 'while read l; do hostname >/dev/null; echo $l; done'

#!/usr/bin/env bash
# Startup benchmark (issue 7): cladmin --version and cladmin run FASTPATH --show, side by side
# with a hello-world .NET console app built the same way (Release, ReadyToRun, framework-
# dependent, run as `dotnet X.dll`, as scripts/run.sh builds cladmin). Reports medians over
# ROUNDS runs and the ratios cladmin/hello.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-15}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
publish() { dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$2" -nologo -clp:ErrorsOnly >/dev/null; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
publish src/ClAdmin "$work/cladmin"
dotnet new console -o "$work/hello-src" -n hello --force >/dev/null
publish "$work/hello-src" "$work/hello"

# median_ms CMD...: runs the command ROUNDS times (after one warm-up) and prints the median in ms.
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in $(seq "$ROUNDS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f\n", m / 1000}'
}

h=$(median_ms dotnet "$work/hello/hello.dll")
v=$(median_ms dotnet "$work/cladmin/cladmin.dll" --version)
s=$(median_ms dotnet "$work/cladmin/cladmin.dll" run clstop nodes=node1 --show)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
printf '%-44s %8s ms\n' "hello world (dotnet hello.dll)" "$h"
printf '%-44s %8s ms  ratio %s (target <= 1.5)\n' "cladmin --version" "$v" "$(ratio "$v" "$h")"
printf '%-44s %8s ms  ratio %s (target <= 3)\n' "cladmin run clstop nodes=node1 --show" "$s" "$(ratio "$s" "$h")"

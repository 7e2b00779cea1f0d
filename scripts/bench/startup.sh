#!/usr/bin/env bash
# Startup benchmark (issue 7): cladmin --version and cladmin run FASTPATH --show, side by side
# with a hello-world .NET console app built the same way, in both forms cladmin comes in:
#   native (Native AOT, as scripts/run.sh ships it)
#   ReadyToRun, framework-dependent, run as `dotnet X.dll` (the dotnet tool package's form)
# Reports medians over ROUNDS runs, the ratios cladmin/hello (targets: --version <= 2, run --show
# <= 3) and the size of each program. R2R=0 measures the native form only (half the build time).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-15}
R2R=${R2R:-1}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
. scripts/bench/common.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet new console -o "$work/hello-src" -n hello --force >/dev/null
publish_native "$work/native"
publish_aot "$work/hello-src" "$work/hello-native"
if [ "$R2R" = 1 ]; then
  publish_r2r src/ClAdmin "$work/r2r"
  publish_r2r "$work/hello-src" "$work/hello-r2r"
fi

report() { # FORM HELLO-COMMAND CLADMIN-COMMAND...
  local form=$1 hello=$2; shift 2
  local h v s
  h=$(median_ms $hello)
  v=$(median_ms "$@" --version)
  s=$(median_ms "$@" run clstop nodes=node1 --show)
  printf '%s\n' "$form"
  printf '  %-42s %8s ms\n' "hello world" "$h"
  printf '  %-42s %8s ms  ratio %s (target <= 2)\n' "cladmin --version" "$v" "$(ratio "$v" "$h")"
  printf '  %-42s %8s ms  ratio %s (target <= 3)\n' "cladmin run clstop nodes=node1 --show" "$s" "$(ratio "$s" "$h")"
}
export XDG_STATE_HOME="$work/state"
report "native (scripts/run.sh)" "$work/hello-native/hello" "$work/native/cladmin"
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
printf '  %-42s %8s MiB\n' "hello world binary" "$(mib "$work/hello-native/hello")"
printf '  %-42s %8s MiB  ratio %s\n' "cladmin binary" "$(mib "$work/native/cladmin")" \
  "$(ratio "$(stat -c %s "$work/native/cladmin")" "$(stat -c %s "$work/hello-native/hello")")"
if [ "$R2R" = 1 ]; then
  report "ReadyToRun (dotnet cladmin.dll)" "dotnet $work/hello-r2r/hello.dll" dotnet "$work/r2r/cladmin.dll"
fi

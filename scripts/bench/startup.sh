#!/usr/bin/env bash
# Startup benchmark (issue 7): cladmin --version and cladmin run FASTPATH --show, side by side
# with a hello-world .NET console app built the same way, in both forms cladmin comes in:
#   native (Native AOT, as scripts/run.sh ships it)
#   ReadyToRun, framework-dependent, run as `dotnet X.dll` (the dotnet tool package's form)
# Reports medians over ROUNDS runs, the ratios cladmin/hello (targets: --version <= 2, run --show
# <= 3) and the size of each program. R2R=0 measures the native form only (half the build time).
# Two hello worlds: the console template as `dotnet new console` makes it (the issue's baseline;
# it loads ICU for globalization, about half of its start), and the same program with cladmin's own
# build settings (invariant globalization, and for the native form src/ClAdmin/NativeStartup.props),
# the stricter comparison. Ratios are given against both.
# Beside the wall time, the CPU time (user + system) of each run, which other load on the machine
# does not inflate.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-15}
R2R=${R2R:-1}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
. scripts/bench/common.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet new console -o "$work/hello-src" -n hello --force >/dev/null
# The same program with cladmin's settings: invariant globalization, linked as cladmin is.
cp -r "$work/hello-src" "$work/same-src"
sed -i "s#</Project>#  <PropertyGroup><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>\n  <Import Project=\"$PWD/src/ClAdmin/NativeStartup.props\" />\n</Project>#" "$work/same-src/hello.csproj"
publish_native "$work/native"
publish_aot "$work/hello-src" "$work/hello-native"
publish_aot "$work/same-src" "$work/same-native"
if [ "$R2R" = 1 ]; then
  publish_r2r src/ClAdmin "$work/r2r"
  publish_r2r "$work/hello-src" "$work/hello-r2r"
  publish_r2r "$work/same-src" "$work/same-r2r"
fi

# cpu_ms CMD...: the CPU time (user + system, ms) of CMD: with perf, the mean task-clock of ROUNDS
# runs (precise); without it, the median of ROUNDS runs as the shell's `time` reports them, which
# the kernel may round to its scheduler tick (a few ms: too coarse for the ratios of programs this
# short).
if command -v perf >/dev/null && perf stat -e task-clock true >/dev/null 2>&1; then
  cpu_ms() { perf stat -x, -r "$ROUNDS" -e task-clock "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ { printf "%.1f\n", $1 }'; }
else
  cpu_ms() {
    local TIMEFORMAT='%3U %3S' times=()
    for _ in $(seq "$ROUNDS"); do
      times+=("$( { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ printf "%.1f", ($1 + $2) * 1000 }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END { printf "%.1f\n", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2 }'
  }
fi

report() { # FORM HELLO-COMMAND SAME-SETTINGS-HELLO-COMMAND CLADMIN-COMMAND...
  local form=$1 hello=$2 same=$3; shift 3
  local h v s m hc vc sc mc
  h=$(median_ms $hello); hc=$(cpu_ms $hello)
  m=$(median_ms $same); mc=$(cpu_ms $same)
  v=$(median_ms "$@" --version); vc=$(cpu_ms "$@" --version)
  s=$(median_ms "$@" run clstop nodes=node1 --show); sc=$(cpu_ms "$@" run clstop nodes=node1 --show)
  printf '%s\n' "$form"
  printf '  %-42s %8s ms  cpu %6s ms\n' "hello world (template)" "$h" "$hc"
  printf '  %-42s %8s ms  cpu %6s ms\n' "hello world (cladmin's settings)" "$m" "$mc"
  printf '  %-42s %8s ms  cpu %6s ms  ratio %s, cpu %s (target <= 2); to the second hello %s, cpu %s\n' "cladmin --version" "$v" "$vc" \
    "$(ratio "$v" "$h")" "$(ratio "$vc" "$hc")" "$(ratio "$v" "$m")" "$(ratio "$vc" "$mc")"
  printf '  %-42s %8s ms  cpu %6s ms  ratio %s, cpu %s (target <= 3); to the second hello %s, cpu %s\n' "cladmin run clstop nodes=node1 --show" "$s" "$sc" \
    "$(ratio "$s" "$h")" "$(ratio "$sc" "$hc")" "$(ratio "$s" "$m")" "$(ratio "$sc" "$mc")"
}
export XDG_STATE_HOME="$work/state"
report "native (scripts/run.sh)" "$work/hello-native/hello" "$work/same-native/hello" "$work/native/cladmin"
mib() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
printf '  %-42s %8s MiB\n' "hello world binary (template)" "$(mib "$work/hello-native/hello")"
printf '  %-42s %8s MiB\n' "hello world binary (cladmin's settings)" "$(mib "$work/same-native/hello")"
printf '  %-42s %8s MiB  ratio %s\n' "cladmin binary" "$(mib "$work/native/cladmin")" \
  "$(ratio "$(stat -c %s "$work/native/cladmin")" "$(stat -c %s "$work/hello-native/hello")")"
if [ "$R2R" = 1 ]; then
  report "ReadyToRun (dotnet cladmin.dll)" "dotnet $work/hello-r2r/hello.dll" "dotnet $work/same-r2r/hello.dll" dotnet "$work/r2r/cladmin.dll"
fi

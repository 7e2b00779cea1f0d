#!/usr/bin/env bash
# Startup benchmark (issue 7): cladmin --version and cladmin run FASTPATH --show, side by side
# with a hello-world .NET console app built the same way (Release, ReadyToRun, framework-
# dependent, run as `dotnet X.dll`, as scripts/run.sh builds cladmin). Reports medians over
# ROUNDS runs and the ratios cladmin/hello.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-15}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
. scripts/bench/common.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
publish_r2r src/ClAdmin "$work/cladmin"
dotnet new console -o "$work/hello-src" -n hello --force >/dev/null
publish_r2r "$work/hello-src" "$work/hello"


h=$(median_ms dotnet "$work/hello/hello.dll")
v=$(median_ms dotnet "$work/cladmin/cladmin.dll" --version)
s=$(median_ms dotnet "$work/cladmin/cladmin.dll" run clstop nodes=node1 --show)
printf '%-44s %8s ms\n' "hello world (dotnet hello.dll)" "$h"
printf '%-44s %8s ms  ratio %s (target <= 1.5)\n' "cladmin --version" "$v" "$(ratio "$v" "$h")"
printf '%-44s %8s ms  ratio %s (target <= 3)\n' "cladmin run clstop nodes=node1 --show" "$s" "$(ratio "$s" "$h")"

#!/usr/bin/env bash
# The README's run command: builds cladmin (Release, ReadyToRun, into artifacts/cladmin) and runs
# its main job on the embedded default. Today the main job is the shipped screen tree
# (`cladmin menus tree hacmp`); the smitty screens on a simulated demo cluster take its place when
# the TUI and simulator land. Extra arguments go to cladmin.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/ClAdmin -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o artifacts/cladmin -nologo -clp:ErrorsOnly >/dev/null
[ $# -eq 0 ] && set -- menus tree hacmp
exec dotnet artifacts/cladmin/cladmin.dll "$@"

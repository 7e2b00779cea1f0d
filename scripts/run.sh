#!/usr/bin/env bash
# The README's run command: builds cladmin and runs its main job on the embedded default.
# Today the main job is the shipped screen tree (`cladmin menus tree hacmp`); the smitty
# screens on a simulated demo cluster take its place when the TUI and simulator land.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/ClAdmin -c Release -nologo -clp:ErrorsOnly >/dev/null
[ $# -eq 0 ] && set -- menus tree hacmp
exec dotnet src/ClAdmin/bin/Release/net10.0/cladmin.dll "$@"

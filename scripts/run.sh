#!/usr/bin/env bash
# The README's run command: builds cladmin (Release, ReadyToRun, into artifacts/cladmin) and runs
# its main job on the embedded default: the smitty screens (`smitty hacmp`) on the simulated
# two-node demo cluster, created in the local database on first start. Arguments go to cladmin
# (a fast path such as cl_admin, or a verb such as `menus tree`).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish src/ClAdmin -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o artifacts/cladmin -nologo -clp:ErrorsOnly >/dev/null
exec dotnet artifacts/cladmin/cladmin.dll "$@"

#!/usr/bin/env bash
# Time of one resource-group placement (node1 crashes) for 8/16/32/64 nodes x 16/64/256 groups,
# in microseconds: the policy part of the cluster manager, without the event engine.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release PlacementBench.cs

#!/usr/bin/env bash
# Time to load and to save a maximum-size configuration (32 nodes, 48 networks, 64 resource
# groups, 128 resources) as a ratio to opening an empty database; prints the ratios.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release StoreBench.cs

#!/usr/bin/env bash
# Publishes cladmin as it ships: a native (ahead-of-time compiled) linux-x64 program, DIR/cladmin
# (default artifacts/cladmin), with the shipped menus beside it. Used by scripts/run.sh, by
# scripts/test.sh (the end-to-end tests run this program) and by the benchmarks.
# Native AOT links with the C toolchain: clang, or gcc where clang is missing (installed when
# neither is there).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/cladmin}
if ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc zlib1g-dev >/dev/null
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! dotnet publish src/ClAdmin -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -clp:ErrorsOnly >"$log" 2>&1; then
  cat "$log" >&2
  echo "publish.sh: the native build of cladmin failed (above)" >&2
  exit 1
fi

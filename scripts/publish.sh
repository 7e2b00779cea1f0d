#!/usr/bin/env bash
# Publishes cladmin as it ships: a native (ahead-of-time compiled) linux-x64 program, DIR/cladmin
# (default artifacts/cladmin), with the shipped menus beside it. Used by scripts/run.sh, by
# scripts/test.sh (the end-to-end tests run this program) and by the benchmarks.
# Native AOT links with the C toolchain: clang, or gcc where clang is missing (installed when
# neither is there).
# The build takes minutes, so it says so and shows the publish's progress on stderr; it is skipped
# (silently, in well under a second) when DIR/cladmin was built from the same inputs: the hash of
# src/** (without bin/ and obj/), menus/**, the top-level *.props, *.targets, global.json and this
# script, kept in DIR/.inputs.sha256. CLADMIN_PUBLISH_COMMAND, for tests, replaces the publish
# (run by sh with DIR as $1).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-artifacts/cladmin}
stamp="$out/.inputs.sha256"

inputs_hash() {
  {
    find src menus -type f ! -path '*/bin/*' ! -path '*/obj/*' -print0 2>/dev/null
    find . -maxdepth 1 -type f \( -name '*.props' -o -name '*.targets' -o -name 'global.json' -o -name 'menus.schema.json' \) -print0
    printf '%s\0' scripts/publish.sh
  } | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

hash=$(inputs_hash)
if [ -x "$out/cladmin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  exit 0
fi
rm -f "$stamp"

if [ -z "${CLADMIN_PUBLISH_COMMAND:-}" ] && ! command -v clang >/dev/null && ! command -v gcc >/dev/null; then
  echo "installing a C compiler (gcc) for the native build" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gcc zlib1g-dev >/dev/null
fi
echo "building cladmin (native) — the first build takes a few minutes" >&2
started=$SECONDS
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -n "${CLADMIN_PUBLISH_COMMAND:-}" ]; then
  sh -c "$CLADMIN_PUBLISH_COMMAND" sh "$out" >&2
# Minimal verbosity: a line per stage (restore, each project built, the native link) on stderr.
elif ! dotnet publish src/ClAdmin -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo -v:minimal >&2; then
  echo "publish.sh: the native build of cladmin failed (above)" >&2
  exit 1
fi
echo "$hash" >"$stamp"
echo "built $out/cladmin in $((SECONDS - started)) s" >&2

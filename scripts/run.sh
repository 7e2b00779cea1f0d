#!/usr/bin/env bash
# The README's run command: builds cladmin (a native program, see scripts/publish.sh, into
# artifacts/cladmin) and runs its main job on the embedded default: the smitty screens
# (`smitty hacmp`) on the simulated two-node demo cluster, created in the local database on first
# start. Arguments go to cladmin (a fast path such as cl_admin, or a verb such as `menus tree`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/publish.sh artifacts/cladmin
exec artifacts/cladmin/cladmin "$@"

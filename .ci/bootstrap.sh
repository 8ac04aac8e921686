#!/usr/bin/env bash
# For developers who want the pinned Node and pnpm on PATH in their own shell: `source .ci/bootstrap.sh`.
# (./switchboard does this by itself.)
SWITCHBOARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
source "$SWITCHBOARD_ROOT/scripts/setup/toolchain.sh"
ensure_toolchain

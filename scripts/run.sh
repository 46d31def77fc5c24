#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's run command: installs what is missing (Debian 12, as root),
# builds Trove and opens its window. Extra arguments go to trove, e.g.
#   bash scripts/run.sh --library ~/Pictures/trove
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j"$(nproc)"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "run: no display found; starting Trove on a virtual X server (xvfb-run)." >&2
  exec xvfb-run -a -s "-screen 0 1400x900x24" ./build/release/bin/trove "$@"
fi
exec ./build/release/bin/trove "$@"

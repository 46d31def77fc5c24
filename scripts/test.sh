#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's test command: installs what is missing (Debian 12, as root),
# builds Trove and runs the whole test suite. Idempotent. .ci/run calls this
# and nothing else, so a green CI means a newcomer's test command passes.
#
# Stages: release build + every suite; the packages (build, install into a
# scratch root, validate, lintian); the same suites again under
# AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
bash scripts/check-format.sh

jobs=$(nproc)
cmake --preset release
cmake --build --preset release -j"$jobs"
ctest --preset release -j"$jobs"

bash packaging/test-package.sh build/release

cmake --preset asan
cmake --build --preset asan -j"$jobs"
ctest --preset asan -j"$jobs"

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

# Each stage's wall time is printed at the end (and on failure), so that
# a slow CI run says which stage grew.
timings=()
stage() {
    local name=$1 start=$SECONDS
    shift
    "$@"
    timings+=("$(printf '%5d s  %s' $((SECONDS - start)) "$name")")
}
report() {
    local status=$?
    printf 'test.sh stage times:\n'
    if ((${#timings[@]})); then printf '  %s\n' "${timings[@]}"; fi
    printf '  %5d s  total (exit %d)\n' "$SECONDS" "$status"
}
trap report EXIT

stage "dependencies" bash scripts/install-deps.sh
stage "format check" bash scripts/check-format.sh

jobs=$(nproc)
# The release suites spend much of their time waiting: on child processes,
# on timeouts they provoke, on sockets. At -j2 on 2 cores they used 254
# CPU-s in 276 s, 46 % of the machine, so they run two per core. Under
# ASan the same suites are CPU-bound (tst_crash's kill loop alone went
# past Qt Test's 300 s at -j4 on a loaded machine): one per core.
# Liveness bounds are set for a loaded machine (tests/support/timebounds.h);
# the one suite that measures GUI-thread gaps runs alone (RUN_SERIAL).
release_test_jobs=$((jobs * 2))
stage "release configure" cmake --preset release
stage "release build" cmake --build --preset release -j"$jobs"
stage "release tests" ctest --preset release -j"$release_test_jobs"

stage "packages" bash packaging/test-package.sh build/release

stage "asan configure" cmake --preset asan
stage "asan build" cmake --build --preset asan -j"$jobs"
stage "asan tests" ctest --preset asan -j"$jobs"

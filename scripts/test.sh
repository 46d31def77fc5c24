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
    local status=${1:-$?}
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
stage "translations current" bash scripts/check-translations.sh

# The release suites and the package checks leave about half of the CPU
# idle (they wait on child processes, sockets and timeouts), so the ASan
# build runs meanwhile at the lowest priority: it takes only what they
# leave, and what it had not finished is built after them.
stage "asan configure" cmake --preset asan
asan_log=build/asan-build.log
# its own process group (setsid), so that a failure stops the compilers too
setsid nice -n 19 cmake --build --preset asan -j"$jobs" >"$asan_log" 2>&1 &
asan_build=$!
stop_asan_build() {
    if kill -0 "$asan_build" 2>/dev/null; then
        kill -- -"$asan_build" 2>/dev/null || true
        wait "$asan_build" 2>/dev/null || true
    fi
}
trap 'exit_status=$?; stop_asan_build; report "$exit_status"' EXIT
finish_asan_build() {
    local status=0
    wait "$asan_build" || status=$?
    tail -n 5 "$asan_log"
    if ((status != 0)); then
        grep -E -A12 "FAILED|error:" "$asan_log" | head -n 80 || true
        return "$status"
    fi
}

stage "release tests" ctest --preset release -j"$release_test_jobs"
stage "packages" bash packaging/test-package.sh build/release

stage "asan build (what was left)" finish_asan_build
stage "asan tests" ctest --preset asan -j"$jobs"

// SPDX-License-Identifier: MIT
#pragma once

// How long a test waits for something that must happen before it calls it
// hung. These are liveness bounds, not measurements: the suites run under
// `ctest -j2` on a loaded 2-core machine, where a refusal that takes 0.3 s
// idle has taken over 10 s (the gzip bomb of tst_hostile, 10,042 ms against
// a 10,000 ms bound). How fast things are is measured in bench/ and
// recorded in docs/performance.md; a test only checks that they end.
// Lower bounds (a refusal may not come before a timeout fires) are facts,
// not liveness, and stay as they are. Qt only, no Trove code.

namespace trove::test {

/// Any wait for an event that must come: QTRY_*_WITH_TIMEOUT, QSignalSpy::wait,
/// an elapsed-time bound on a child process.
inline constexpr int kLivenessMs = 60'000;
/// When a child process is killed as hung: past kLivenessMs, so that a slow
/// run fails on its bound (and says how long it took) rather than as killed.
inline constexpr int kKillMs = kLivenessMs + 15'000;

} // namespace trove::test

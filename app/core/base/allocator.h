// SPDX-License-Identifier: MIT
#pragma once

#ifdef TROVE_MIMALLOC
#include <cstdlib>
#include <mimalloc.h>
#endif

namespace trove {

/// Settles the allocator's policy; first thing in main() of an executable
/// that links trove_allocator (CMakeLists.txt), a no-op elsewhere.
///
/// mimalloc gives memory a page freed back to the system 25 ms after its
/// last use. An ingest frees and takes again a decoded picture's 8-50 MB
/// every few milliseconds per thread, so it paid those pages' faults over
/// and over: `trove add` of the camera mix took 4.28-4.42 s against
/// 3.88-3.92 s with glibc's malloc, and 3.93-4.15 s with 500 ms.
/// MIMALLOC_DECOMMIT_DELAY still overrides it.
inline void tuneAllocator()
{
#ifdef TROVE_MIMALLOC
    // mimalloc reads its options when the process starts, before main():
    // a default set now would be ignored.
    if (!std::getenv("MIMALLOC_DECOMMIT_DELAY"))
        mi_option_set(mi_option_decommit_delay, 500);
#endif
}

} // namespace trove

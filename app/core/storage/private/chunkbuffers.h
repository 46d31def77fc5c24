// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <memory>

namespace trove {

/// How much of a file compressFile() and inflateFile() handle at a time.
constexpr qint64 kCodecChunk = 256 * 1024;

// The read and write buffers of one compression or decompression. Kept by
// their thread from file to file, uninitialised: allocated and freed per
// file (512 KB, and zlib's ~400 KB deflate stream with them), glibc gave
// them back to the system each time (a thread's heap is trimmed once its
// free top passes 2x the last large block) and took fresh zeroed pages for
// the next file. `trove add` of 10,000 tiny images spent over half of its
// 38 CPU seconds in those page faults and in zeroing the buffers, and
// `trove verify` of them took 5.1-5.6 s (0.45 s with the buffers kept).
struct ChunkBuffers {
    static constexpr qint64 kOutput = kCodecChunk + 1024;
    std::unique_ptr<char[]> input { new char[kCodecChunk] };
    std::unique_ptr<char[]> output { new char[kOutput] };
};

} // namespace trove

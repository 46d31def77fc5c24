// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace trove::decodehelper {

/// What one decode may use. The parent's wall-clock timeout comes on top.
struct SandboxLimits {
    std::uint64_t addressSpaceBytes = 0; ///< RLIMIT_AS; 0: none (sanitizer builds)
    unsigned cpuSeconds = 20; ///< RLIMIT_CPU: SIGXCPU, then SIGKILL a second later
    unsigned openFiles = 32; ///< RLIMIT_NOFILE
};

/// Resource limits (no file may grow: RLIMIT_FSIZE 0, no core dumps) and
/// a seccomp filter: no sockets, no exec, no fork, no file opened for
/// writing, created, renamed, linked or removed. The process keeps reading
/// files (ImageMagick loads its coder modules lazily) and writing to the
/// pipes it was given. Applies to the calling process for good; returns an
/// error text when something could not be set up.
std::string enterSandbox(const SandboxLimits &limits);

} // namespace trove::decodehelper

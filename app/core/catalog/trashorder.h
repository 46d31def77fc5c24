// SPDX-License-Identifier: MIT
#pragma once

namespace trove {

/// How the trash is listed (the Trash window's sort). Every order ends on
/// the image's key, so that a page and the key ranges of a selection read
/// the same rows in the same places.
enum class TrashOrder {
    NewestFirst, ///< most recently removed first (the trash's own index)
    OldestFirst,
    NameAscending, ///< by name, any case of ASCII letters alike
    NameDescending,
    LargestFirst, ///< by the original's bytes
    SmallestFirst,
    FormatAscending, ///< by format, then by name
    FormatDescending,
};

} // namespace trove

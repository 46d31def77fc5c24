// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace trove {

/// A file name made from an image's name for an export (the CLI's
/// `export -o FOLDER`, "Save As" and drags out of the gallery), safe on any
/// file system: path separators, characters Windows refuses and control
/// characters become "_" (a run of them one "_"); no leading dots (hidden
/// files, "..") nor trailing dots or spaces (Windows drops them); a
/// reserved DOS device name (CON, NUL, COM1, ...) gets a leading "_"; at
/// most kMaxBaseChars characters and kMaxBaseBytes UTF-8 bytes, cut between
/// code points. An empty result becomes @p fallback (callers pass the
/// image's short id, so the file can still be found again with `trove show`).
/// The extension of @p format is added unless the name already ends with it
/// ("jpeg" gives ".jpg"). A pure function; any thread.
QString safeFileName(const QString &name, const QString &format, const QString &fallback);

/// @p fileName in @p folder, or the first of "NAME (2).EXT", "NAME (3).EXT",
/// ... that is not there yet (a dangling symlink counts as there): an export
/// into a folder that already holds a file of that name, someone's other
/// picture most likely, must not replace it. Looks at the disk; not for the
/// GUI thread.
QString unusedFilePath(const QString &folder, const QString &fileName);

/// @p path with every symbolic link of its existing part resolved: the
/// canonical path of its deepest folder that exists, followed by the rest
/// as written (cleaned). Where a library, a backup or a move target lies is
/// compared this way: a destination reached through a link to the library
/// (`link/inner`, not there yet) is inside it. Looks at the disk.
QString resolvedPath(const QString &path);

/// Whether @p inner is @p outer or lies inside it, both resolvedPath().
bool isSameOrInside(const QString &inner, const QString &outer);

/// Characters of the name kept at most. 120, not 200: the file goes into a
/// folder (a drag's temp folder plus a 16-character subfolder), and Windows
/// paths stop at 260 characters.
inline constexpr int kMaxBaseChars = 120;
/// UTF-8 bytes of the name kept at most: most file systems allow 255 bytes
/// a name, and 120 characters of CJK text would be 360.
inline constexpr int kMaxBaseBytes = 200;

} // namespace trove

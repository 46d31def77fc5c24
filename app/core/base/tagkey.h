// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace trove {

/// What makes two tags the same tag: "Über", "über" and "ÜBER" (and "über"
/// typed on a Mac, decomposed: "u" + U+0308) are one tag, "Maße" and
/// "Masse" two. The catalog stores it beside each tag (tags.tag_key) and
/// compares tags by it alone: per image only one spelling of a key, every
/// search, count, removal and rename by the key. The UI's and the
/// completer's comparisons use it too, so that "same tag" is one notion.
///
/// The key is the tag decomposed (NFD), case-folded with Unicode's simple
/// folding (QString::toCaseFolded(): "ẞ" is "ß", "Σ" and final "ς" are "σ",
/// but "ß" stays "ß", not "ss", which would make "Maße" and "Masse" one
/// tag), then composed (NFC). Only canonical equivalence is folded, not
/// compatibility: "ﬁ" and "fi" stay two tags. A pure function; any thread.
QString tagKey(const QString &tag);

/// Whether @p a and @p b are the same tag (tagKey() equal).
bool sameTag(const QString &a, const QString &b);

/// A tag as it is kept: composed (NFC), so that a tag typed on a Mac and
/// the same tag typed elsewhere are spelled alike, in the search text as
/// on screen. The key folds both anyway.
QString composedTag(const QString &tag);

} // namespace trove

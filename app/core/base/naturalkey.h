// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace trove {

/// The key an image's name sorts by in the natural name orders: two keys
/// compared code point by code point (SQLite's BINARY collation on their
/// UTF-8, or QString's operator<) order the names as a person reads them:
/// "slow_9" before "slow_10", "Cat" beside "cat", "Émile" beside "emile".
///
/// The name is decomposed (NFKD: "ﬁ" is "fi", a full-width "１" is "1"),
/// accents and other combining marks are dropped, and case is folded. Each
/// run of decimal digits (of any script) becomes its value with leading
/// zeros dropped, written after its length ('0' + length for up to eight
/// digits; '9' and the length itself, written the same way, beyond), so
/// that a longer number sorts after a shorter one and numbers of equal
/// length compare digit by digit, however many digits they have. Names
/// that differ only in case, accents or leading zeros get equal keys; the
/// image key breaks the tie. A pure function; any thread.
QString naturalSortKey(const QString &name);

} // namespace trove

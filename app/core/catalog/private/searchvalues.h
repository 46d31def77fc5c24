// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/searchlanguage.h"

#include <QPair>

/// The values of the search language's predicates, read from their text:
/// numbers with units, dates, hosts, formats, and the messages that explain
/// a value that could not be read. Pure; used by SearchLanguage only.
namespace trove::search::values {

struct Compared {
    Field field = Field::Width;
    Comparison comparison = Comparison::Equal;
    qint64 number = 0;
};

/// `>1000`, `<=2M`, `1.5MB` for @p key (width, height, pixels, size, rating).
Result<Compared> comparison(const QString &key, const QString &value);
/// [from, to) in ms since the epoch for `2026`, `2026-11`, `2026-11-20`,
/// with a leading comparison (`>2026-11-20`) or as a range (`a..b`). Dates
/// are local: what the person sees in the window.
Result<QPair<qint64, qint64>> addedRange(const QString &value);
/// The host of `example.com`, `www.Example.com.` or a pasted URL, lower case.
QString hostOf(const QString &value);
/// The format as the catalog stores it: lower case, jpg → jpeg, tif → tiff,
/// heif → heic, jpx → jp2, ...
QString formatOf(const QString &value);
/// Every format the catalog can store, by the name it stores, sorted.
const QStringList &knownFormats();
/// Why @p format (from formatOf()) cannot be in the catalog, naming the
/// nearest known one or all of them; empty when it is known.
QString unknownFormat(const QString &format);
/// The formats the catalog stores for @p format (from formatOf()): svg is
/// svg and svgz, jp2 is jp2 and j2k, any other only itself.
QStringList storedFormats(const QString &format);

QString unknownPredicate(const QString &key);
QString needsValue(const QString &key);

} // namespace trove::search::values

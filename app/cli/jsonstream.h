// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringView>

namespace trove::cli::json {

/// Compact JSON written piece by piece into UTF-8 bytes, for output too
/// large to build as one QJsonDocument first (`duplicates --json` prints
/// ~200,000 images at a million: a document of them took seconds and a
/// gigabyte). The caller writes the bytes out when it likes. Any thread.

/// @p text as a JSON string: quoted, `"` and `\` escaped, control
/// characters as \n, \t, ... or \u00XX, everything else as UTF-8.
void appendString(QByteArray &out, QStringView text);
/// `"key":`, for keys that need no escaping (the program's own).
void appendKey(QByteArray &out, const char *key);
/// `"key":` and the number.
void appendNumber(QByteArray &out, const char *key, qint64 value);
/// @p object as QJsonDocument::toJson(Indented) writes it as an element of
/// an array @p depth levels deep (1: the array is the document), without
/// the comma or the newline after it: how `--json` output keeps its shape
/// while it streams.
void appendIndented(QByteArray &out, const QJsonObject &object, int depth);

} // namespace trove::cli::json

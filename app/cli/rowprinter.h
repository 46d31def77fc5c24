// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

namespace trove {
class ImageRow;
}

namespace trove::cli {

/// How `trove list` prints a row, straight from the catalog's UTF-8 into
/// the output's bytes: no QString, QVariant or QJsonDocument per row. The
/// text is byte for byte what the record-based printers give (a table line;
/// QJsonDocument's indented object), which tst_cli checks on awkward names.
namespace rowprinter {

/// One table line: id, format, dimensions, size, added, name, [tags].
void appendLine(QByteArray &out, const ImageRow &row);
/// The row as ImageRecord::toJson() would be written by QJsonDocument
/// (Indented), every line indented four more spaces, as an element of the
/// array `list --json` prints. No newline after the closing brace.
void appendJsonElement(QByteArray &out, const ImageRow &row);
/// @p ms since the epoch as Qt::ISODate writes it in UTC, seconds only:
/// 2026-11-30T08:15:00Z.
void appendIsoUtc(QByteArray &out, qint64 ms);
/// humanBytes() of output.h, into bytes: "160.3 KiB".
void appendHumanBytes(QByteArray &out, qint64 bytes);
/// @p text as a JSON string, quotes included, escaped as QJsonDocument does.
void appendJsonString(QByteArray &out, QByteArrayView text);

} // namespace rowprinter

} // namespace trove::cli

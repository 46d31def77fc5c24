// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QStringView>
#include <functional>

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
/// An array of objects in `--json` output, written as it is walked, in the
/// shape QJsonDocument::toJson(Indented) gives the whole document, flushed
/// in blocks: a million elements never sit in memory as one document.
class IndentedArray final {
public:
    /// @p head: everything before the array's elements, its `[` included;
    /// @p depth: how deep the array is (1: it is the document).
    IndentedArray(std::function<void(const QByteArray &)> write, QByteArray head, int depth);
    void append(const QJsonObject &object);
    /// Closes the array and writes what is left, then @p after (the rest
    /// of the document).
    void finish(const QByteArray &after = "\n");
    qint64 count() const { return m_count; }

private:
    std::function<void(const QByteArray &)> m_write;
    QByteArray m_buffer;
    int m_depth;
    qint64 m_count = 0;
};

} // namespace trove::cli::json

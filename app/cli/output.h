// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"

#include <QJsonDocument>
#include <QTextStream>

namespace trove::cli {

/// Where a command's words go: results to stdout, one line per failed item
/// to stderr. Owned by the command being run; main thread only.
class Output final {
    Q_DISABLE_COPY_MOVE(Output)

public:
    Output();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    void json(const QJsonDocument &doc);
    /// Bytes as they are (UTF-8 made elsewhere, e.g. streamed JSON), after
    /// whatever out() holds.
    void write(const QByteArray &utf8);
    /// "trove: <message>" on stderr: errors that are not one item's
    /// "failed  ITEM: why" line (bad usage, an unopenable library, an
    /// ID|NAME that names no image).
    void error(const QString &message);

private:
    QTextStream m_out;
    QTextStream m_err;
};

/// @p text made safe to print for a person: control characters (a newline,
/// ESC, a tab in a file name) become \n, \x1b, \t, and Unicode's line
/// separators and bidirectional overrides \u2028, \u202e, so that a hostile
/// file name can forge neither output lines nor terminal escapes nor
/// reorder what follows it. Backslashes stay as they are. JSON output
/// escapes on its own and takes the text unchanged.
QString printable(const QString &text);
/// "1.5 MiB"
QString humanBytes(qint64 bytes);
/// The first 8 characters of an id, as the list shows it.
QString shortId(const QString &id);

} // namespace trove::cli

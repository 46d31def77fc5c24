// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace trove::test {

/// One request as TestServer received it, kept so tests can check what the
/// client sent (Accept-Encoding, User-Agent, method, body). A plain value.
struct RecordedRequest {
    QByteArray method; ///< "GET", "HEAD", "POST", ...
    QByteArray target; ///< the request target exactly as sent ("/a/b?x=1")
    QString path; ///< target without query or fragment, still percent-encoded
    QByteArray query; ///< after '?', without it; empty if none
    QList<QPair<QByteArray, QByteArray>> headers; ///< in order, names as sent
    QByteArray body; ///< the first MiB of a Content-Length delimited body
    /// When the whole request had arrived: steady-clock milliseconds
    /// (std::chrono::steady_clock), comparable between requests.
    qint64 receivedMs = 0;

    /// Value of the first header named @p name (any case); null if absent.
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace trove::test

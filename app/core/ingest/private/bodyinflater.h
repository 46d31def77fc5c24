// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <functional>
#include <memory>

struct z_stream_s; // zlib.h

namespace trove {

/// Decodes a download's `Content-Encoding: gzip` (or `deflate`) body as it
/// streams in, handing each decoded piece to a sink that may stop it.
/// FetchWorker asks for `identity` and decodes what a server compresses
/// anyway with this: Qt's own decoding inflated a whole bomb (1 GiB from
/// 1 MiB, 2.6 s of the fetcher thread that every download shares) before
/// Trove's size limit saw the first bytes of it. Fetcher thread.
class BodyInflater final {
    Q_DECLARE_TR_FUNCTIONS(BodyInflater)

public:
    /// A decoder for @p contentEncoding (gzip, x-gzip, deflate), or
    /// nullptr with @p unsupported set when it names another coding.
    static std::unique_ptr<BodyInflater> forEncoding(
        const QByteArray &contentEncoding, QString *unsupported);
    ~BodyInflater();
    Q_DISABLE_COPY_MOVE(BodyInflater)

    /// Receives decoded bytes; false stops decoding (a limit, a failed
    /// write), and feed() then fails with an empty reason.
    using Sink = std::function<bool(const char *data, qint64 size)>;
    /// Decodes @p size bytes of the body. Concatenated gzip members are
    /// read as one body; bytes after the last are ignored.
    Result<void> feed(const char *data, qint64 size, const Sink &sink);
    /// Whether the body's last member ended (a cut-off body has not).
    bool finished() const { return m_ended; }

private:
    BodyInflater(int windowBits, bool deflate);
    bool restart(int windowBits);

    std::unique_ptr<::z_stream_s> m_zs;
    bool m_deflate; ///< `deflate`, not yet known as zlib data or raw
    QByteArray m_prefix; ///< `deflate`'s first bytes, until they tell which
    bool m_ended = false;
    bool m_trailing = false; ///< past the last member: the rest is ignored
};

} // namespace trove

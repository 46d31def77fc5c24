// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace trove::test {

/// What TestServer answers on one route, including deliberately broken
/// behaviours (stalls, lying Content-Length, endless bodies). A plain value;
/// build it on any thread.
///
/// Wire layout of an answer: status line, the automatic headers
/// (`Content-Length` or `Transfer-Encoding: chunked`, `Content-Encoding: gzip`
/// when gzipBody, `Location` when redirectTo, `Connection: close`), then
/// `headers` verbatim. An automatic header is left out when `headers`
/// already has one of the same name, so a test can send odd values itself.
/// The server always closes the connection after an answer.
struct Response {
    int statusCode = 200;
    /// Reason phrase; empty means the standard one for `statusCode`.
    QByteArray reason;
    QList<QPair<QByteArray, QByteArray>> headers;
    /// The entity. With infiniteBody it is sent first, then endless filler.
    QByteArray body;

    /// >= 0: advertise this Content-Length instead of the real one; the body
    /// is still sent exactly as it is, then the connection closes. Larger
    /// than the body gives the client a "closed before the end" error.
    qint64 contentLength = -1;
    /// Send the (possibly gzipped) body with `Transfer-Encoding: chunked`.
    bool chunked = false;
    /// Payload bytes per chunk when chunked (the last may be shorter).
    int chunkSize = 4096;
    /// Gzip the body (a real RFC 1952 member) and say `Content-Encoding: gzip`.
    /// Ignored with infiniteBody.
    bool gzipBody = false;
    /// Send the headers, then nothing more; the socket stays open until the
    /// client gives up or the server stops.
    bool stallAfterHeaders = false;
    /// >= 0: send the headers and this many bytes of the body as it goes on
    /// the wire (chunk framing included), then stall like stallAfterHeaders.
    qint64 stallAfterBytes = -1;
    /// Stream `body` then filler forever: 64 KiB writes whenever less than
    /// 1 MiB is waiting in the socket, so it is fast yet follows the client's
    /// reading pace. Framing: chunked if `chunked`, else a Content-Length
    /// header only if `contentLength` >= 0, else none (body ends at close).
    bool infiniteBody = false;
    /// Non-empty: a redirect. Sent verbatim as `Location` (relative,
    /// absolute, or any scheme such as `ftp://x/y` or `file:///etc/passwd`).
    /// A non-3xx `statusCode` becomes 302.
    QString redirectTo;
    /// Wait this long after the request before answering anything.
    int delayMs = 0;

    /// 200 with @p body and `Content-Type: contentType`.
    static Response ok(const QByteArray &body,
        const QByteArray &contentType = QByteArrayLiteral("application/octet-stream"));
    /// @p code (301, 302, 303, 307, 308, ...) with `Location: location`.
    static Response redirect(int code, const QString &location);
    /// @p code with @p body, or a one-line text/plain body naming the status.
    static Response status(int code, const QByteArray &body = {});

    /// Appends a header; returns *this for chaining.
    Response &withHeader(const QByteArray &name, const QByteArray &value);

    /// The standard reason phrase for @p code ("Not Found"), or "Unknown".
    static QByteArray reasonPhrase(int code);
    /// @p data as one gzip member (RFC 1952), for tests that prepare their
    /// own encoded bodies (e.g. a small body that inflates to gigabytes).
    static QByteArray gzip(const QByteArray &data);
    /// A gzip member that inflates to @p inflatedSize zero bytes, made in a
    /// streaming way (1 GiB of zeros: about 1 MiB, made in about 3 s): the body of
    /// a decompression-bomb test, sent with `Content-Encoding: gzip` in
    /// `headers` and gzipBody off.
    static QByteArray gzipOfZeros(qint64 inflatedSize);
};

} // namespace trove::test

// SPDX-License-Identifier: MIT
#include "response.h"

#include <algorithm>
#include <utility>
#include <zlib.h>

namespace trove::test {

namespace {

// Feeds one input span to a gzip deflater, appending everything it produces.
void deflateInto(z_stream &stream, const char *data, qsizetype size, int flush, QByteArray &out)
{
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    stream.avail_in = uInt(size);
    char buffer[64 * 1024];
    do {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        deflate(&stream, flush);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    } while (stream.avail_out == 0);
}

bool startGzip(z_stream &stream)
{
    stream = z_stream {};
    // windowBits 15 + 16 asks zlib for a gzip header and trailer.
    return deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)
        == Z_OK;
}

} // namespace

Response Response::ok(const QByteArray &body, const QByteArray &contentType)
{
    Response r;
    r.body = body;
    if (!contentType.isEmpty())
        r.headers.append({ QByteArrayLiteral("Content-Type"), contentType });
    return r;
}

Response Response::redirect(int code, const QString &location)
{
    Response r;
    r.statusCode = code;
    r.redirectTo = location;
    return r;
}

Response Response::status(int code, const QByteArray &body)
{
    Response r;
    r.statusCode = code;
    r.body = body.isNull() ? QByteArray::number(code) + ' ' + reasonPhrase(code) + '\n' : body;
    r.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain") });
    return r;
}

Response &Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({ name, value });
    return *this;
}

QByteArray Response::reasonPhrase(int code)
{
    static constexpr std::pair<int, const char *> kPhrases[] = {
        { 200, "OK" },
        { 201, "Created" },
        { 202, "Accepted" },
        { 204, "No Content" },
        { 206, "Partial Content" },
        { 301, "Moved Permanently" },
        { 302, "Found" },
        { 303, "See Other" },
        { 304, "Not Modified" },
        { 307, "Temporary Redirect" },
        { 308, "Permanent Redirect" },
        { 400, "Bad Request" },
        { 401, "Unauthorized" },
        { 403, "Forbidden" },
        { 404, "Not Found" },
        { 405, "Method Not Allowed" },
        { 408, "Request Timeout" },
        { 410, "Gone" },
        { 413, "Content Too Large" },
        { 415, "Unsupported Media Type" },
        { 429, "Too Many Requests" },
        { 431, "Request Header Fields Too Large" },
        { 500, "Internal Server Error" },
        { 501, "Not Implemented" },
        { 502, "Bad Gateway" },
        { 503, "Service Unavailable" },
        { 504, "Gateway Timeout" },
    };
    for (const auto &[known, phrase] : kPhrases) {
        if (known == code)
            return phrase;
    }
    return "Unknown";
}

QByteArray Response::gzip(const QByteArray &data)
{
    z_stream stream;
    if (!startGzip(stream))
        return {};
    QByteArray out;
    deflateInto(stream, data.constData(), data.size(), Z_FINISH, out);
    deflateEnd(&stream);
    return out;
}

QByteArray Response::gzipOfZeros(qint64 inflatedSize)
{
    z_stream stream;
    if (!startGzip(stream))
        return {};
    const QByteArray zeros(1024 * 1024, '\0');
    QByteArray out;
    qint64 left = std::max<qint64>(0, inflatedSize);
    do {
        const qsizetype n = qsizetype(std::min<qint64>(left, zeros.size()));
        left -= n;
        deflateInto(stream, zeros.constData(), n, left == 0 ? Z_FINISH : Z_NO_FLUSH, out);
    } while (left > 0);
    deflateEnd(&stream);
    return out;
}

} // namespace trove::test

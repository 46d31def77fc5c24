// SPDX-License-Identifier: MIT
#include "ingest/private/bodyinflater.h"

#include <array>
#include <utility>
#include <zlib.h>

namespace trove {

namespace {
constexpr int kGzipOrZlib = 15 + 32; // zlib's automatic header detection
constexpr int kRaw = -15;
} // namespace

std::unique_ptr<BodyInflater> BodyInflater::forEncoding(
    const QByteArray &contentEncoding, QString *unsupported)
{
    const QByteArray coding = contentEncoding.trimmed().toLower();
    if (coding == "gzip" || coding == "x-gzip")
        return std::unique_ptr<BodyInflater>(new BodyInflater(kGzipOrZlib, false));
    if (coding == "deflate")
        return std::unique_ptr<BodyInflater>(new BodyInflater(kRaw, true));
    if (unsupported)
        *unsupported = tr("the server sent the image encoded as \"%1\", which Trove does not "
                          "decode (it asks for none)")
                           .arg(QString::fromLatin1(contentEncoding.trimmed().left(40)));
    return nullptr;
}

BodyInflater::BodyInflater(int windowBits, bool deflate)
    : m_zs(std::make_unique<z_stream_s>())
    , m_deflate(deflate)
{
    *m_zs = {};
    // Allocation failure leaves the stream unusable; feed() reports it.
    if (inflateInit2(m_zs.get(), windowBits) != Z_OK)
        m_zs.reset();
}

BodyInflater::~BodyInflater()
{
    if (m_zs)
        inflateEnd(m_zs.get());
}

bool BodyInflater::restart(int windowBits)
{
    inflateEnd(m_zs.get());
    *m_zs = {};
    if (inflateInit2(m_zs.get(), windowBits) == Z_OK)
        return true;
    m_zs.reset();
    return false;
}

Result<void> BodyInflater::feed(const char *data, qint64 size, const Sink &sink)
{
    if (!m_zs)
        return fail(tr("zlib could not start decoding the body"));
    if (m_deflate) {
        // `deflate` is zlib data by the standard, raw deflate from some
        // servers: the first two bytes tell (RFC 1950's header check).
        m_prefix.append(data, size);
        if (m_prefix.size() < 2)
            return {};
        const auto b0 = quint8(m_prefix.at(0));
        const auto b1 = quint8(m_prefix.at(1));
        const bool zlibHeader
            = (b0 & 0x0f) == Z_DEFLATED && (b0 >> 4) <= 7 && (b0 * 256 + b1) % 31 == 0;
        m_deflate = false;
        if (zlibHeader && !restart(MAX_WBITS))
            return fail(tr("zlib could not start decoding the body"));
        const QByteArray body = std::exchange(m_prefix, {});
        return feed(body.constData(), body.size(), sink);
    }
    std::array<Bytef, 64 * 1024> out;
    auto *in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
    qint64 left = size;
    while (left > 0 && !m_trailing) {
        const uInt chunk = uInt(std::min<qint64>(left, 1 << 30));
        m_zs->next_in = in;
        m_zs->avail_in = chunk;
        int rc = Z_OK;
        for (;;) {
            m_zs->next_out = out.data();
            m_zs->avail_out = uInt(out.size());
            rc = inflate(m_zs.get(), Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
                return fail(tr("the server's compressed body is corrupt: %1")
                                .arg(QString::fromLatin1(m_zs->msg ? m_zs->msg : "zlib error")));
            const qint64 produced = qint64(out.size() - m_zs->avail_out);
            if (produced > 0 && !sink(reinterpret_cast<const char *>(out.data()), produced))
                return Error { QString() };
            // The member ended, or this piece is used up (a full output
            // buffer may hold back more: inflate again).
            if (rc != Z_OK || m_zs->avail_out != 0)
                break;
        }
        const qint64 used = qint64(chunk - m_zs->avail_in);
        in += used;
        left -= used;
        if (rc == Z_STREAM_END) {
            m_ended = true;
            // Another gzip member may follow (`cat a.gz b.gz`); anything
            // else after the end is ignored, as browsers do.
            if (left >= 2 && in[0] == 0x1f && in[1] == 0x8b) {
                if (inflateReset(m_zs.get()) != Z_OK)
                    return fail(tr("zlib could not start decoding the body"));
                m_ended = false;
            } else if (left > 0) {
                m_trailing = true;
            }
        } else if (used == 0) {
            break; // nothing more to take from this piece
        }
    }
    return {};
}

} // namespace trove

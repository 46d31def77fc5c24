// SPDX-License-Identifier: MIT
// GzipCodec's reading side: a blob back to its original bytes, checked.
#include "base/sha256.h"
#include "storage/gzipcodec.h"
#include "storage/private/chunkbuffers.h"

#include <QFile>
#include <QScopedValueRollback>
#include <memory>
#include <vector>
#include <zlib.h>

namespace trove {

Result<BlobCheck> GzipCodec::inflateFile(
    const QString &blobPath, const std::function<bool(const char *, qint64)> &sink)
{
    QFile in(blobPath);
    if (!in.open(QIODevice::ReadOnly))
        return fail(tr("cannot read %1: %2").arg(blobPath, in.errorString()));

    z_stream zs {};
    if (inflateInit2(&zs, 15 + 16) != Z_OK)
        return fail(tr("zlib could not start decompressing"));
    auto endInflate = qScopeGuard([&zs] { inflateEnd(&zs); });

    std::vector<Bytef> nameBuf(1024, 0);
    gz_header header {};
    header.name = nameBuf.data();
    header.name_max = uInt(nameBuf.size() - 1);
    inflateGetHeader(&zs, &header);

    // The thread's buffers, unless a sink reads a blob itself meanwhile.
    thread_local ChunkBuffers kept;
    thread_local bool keptInUse = false;
    std::unique_ptr<ChunkBuffers> own;
    if (keptInUse)
        own = std::make_unique<ChunkBuffers>();
    ChunkBuffers &buffers = own ? *own : kept;
    const QScopedValueRollback inUse(keptInUse, true);
    char *const inBuf = buffers.input.get();
    char *const outBuf = buffers.output.get();
    constexpr qint64 outSize = kCodecChunk;

    Sha256 sha;
    qint64 total = 0;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        const qint64 n = in.read(inBuf, kCodecChunk);
        if (n < 0)
            return fail(tr("cannot read %1: %2").arg(blobPath, in.errorString()));
        if (n == 0)
            return fail(tr("truncated gzip data"));
        zs.next_in = reinterpret_cast<Bytef *>(inBuf);
        zs.avail_in = uInt(n);
        do {
            zs.next_out = reinterpret_cast<Bytef *>(outBuf);
            zs.avail_out = uInt(outSize);
            rc = inflate(&zs, Z_NO_FLUSH);
            if (rc == Z_DATA_ERROR)
                return fail(zs.msg && QByteArrayView(zs.msg) == "incorrect data check"
                        ? tr("CRC mismatch")
                        : tr("corrupt gzip data (%1)")
                              .arg(QString::fromLatin1(zs.msg ? zs.msg : "?")));
            if (rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR || rc == Z_NEED_DICT)
                return fail(tr("corrupt gzip data"));
            const qint64 produced = outSize - zs.avail_out;
            total += produced;
            sha.addData(outBuf, produced);
            if (sink && produced > 0 && !sink(outBuf, produced))
                return fail(tr("cancelled"));
        } while (zs.avail_out == 0 && rc != Z_STREAM_END);
    }
    // One member per blob: anything after it is damage, not data.
    if (zs.avail_in > 0 || !in.atEnd())
        return fail(tr("unexpected data after the gzip member"));

    BlobCheck check;
    check.sha256 = sha.hexResult();
    check.originalBytes = total;
    check.storedName = QString::fromUtf8(reinterpret_cast<const char *>(nameBuf.data()));
    return check;
}

Result<QByteArray> GzipCodec::readAll(const QString &blobPath, qint64 maxBytes)
{
    QByteArray bytes;
    bool tooLarge = false;
    auto r = inflateFile(blobPath, [&](const char *data, qint64 n) {
        if (bytes.size() + n > maxBytes) {
            tooLarge = true;
            return false;
        }
        bytes.append(data, n);
        return true;
    });
    if (tooLarge)
        return fail(tr("image too large to load (%1 bytes)").arg(maxBytes));
    if (!r)
        return r.failure();
    return bytes;
}

} // namespace trove

// SPDX-License-Identifier: MIT
#include "storage/gzipcodec.h"

#include "base/platform.h"
#include "base/sha256.h"
#include "storage/diskspace.h"
#include "storage/private/chunkbuffers.h"

#include <QFile>
#include <QFileInfo>
#include <QtEndian>
#include <cerrno>
#include <limits>
#include <memory>
#include <zlib.h>

namespace trove {

namespace {

// Bytes each probe sample takes, and how many samples over the file.
constexpr qint64 kProbeSample = 32 * 1024;
constexpr int kProbeSamples = 3;
// The same for a JPEG's entropy-coded data: more, smaller samples, so that
// flat areas anywhere in the picture (a sky at the top) show.
constexpr qint64 kJpegProbeSample = 8 * 1024;
constexpr int kJpegProbeSamples = 4;

// memLevel 9 (zlib's default is 8): a larger hash table and a larger literal
// buffer per block. On photo JPEGs, where deflate's time goes on literals,
// level 1 runs ~10 % faster and compresses slightly better; the format is
// unchanged.
constexpr int kMemLevel = 9;

// What a processing thread compresses with: its buffers and its deflate
// streams. The streams are raw deflate: compressFile() writes the gzip
// header and trailer itself, so that a plan's segments can each start from
// a reset stream (see there).
class DeflateKit {
public:
    Q_DISABLE_COPY_MOVE(DeflateKit)
    DeflateKit() = default;
    ~DeflateKit()
    {
        for (Stream &s : m_streams) {
            if (s.ready)
                deflateEnd(&s.zs);
        }
    }

    /// A raw deflate stream with a @p windowBits window at @p level, as
    /// deflateInit2() would give it; nullptr if zlib refuses. One per window
    /// size (a JPEG's segments use 32 KiB and 16 KiB, and files alternate).
    z_stream *begin(int windowBits, int level, int strategy)
    {
        Stream &s = m_streams[windowBits == 15 ? 0 : 1];
        if (s.ready && s.windowBits != windowBits) {
            deflateEnd(&s.zs);
            s.ready = false;
        }
        if (!s.ready) {
            s.zs = {};
            if (deflateInit2(&s.zs, level, Z_DEFLATED, -windowBits, kMemLevel, strategy) != Z_OK)
                return nullptr;
            s.ready = true;
            s.windowBits = windowBits;
            return &s.zs;
        }
        // After a reset deflateParams() only sets the level (nothing to
        // flush).
        if (deflateReset(&s.zs) != Z_OK || deflateParams(&s.zs, level, strategy) != Z_OK) {
            deflateEnd(&s.zs);
            s.ready = false;
            return nullptr;
        }
        return &s.zs;
    }

    char *input() { return m_buffers.input.get(); }
    /// Room for ChunkBuffers::kOutput bytes.
    char *output() { return m_buffers.output.get(); }

private:
    struct Stream {
        z_stream zs {};
        bool ready = false;
        int windowBits = 0;
    };
    Stream m_streams[2];
    ChunkBuffers m_buffers;
};

DeflateKit &deflateKit()
{
    thread_local DeflateKit kit;
    return kit;
}

// The raw deflate size of @p data at @p level in a @p windowBits window.
qint64 deflatedSize(const QByteArray &data, int level, int windowBits = 15)
{
    DeflateKit &kit = deflateKit();
    z_stream *zs = kit.begin(windowBits, level, Z_DEFAULT_STRATEGY);
    if (!zs)
        return std::numeric_limits<qint64>::max();
    zs->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs->avail_in = uInt(data.size());
    // Only the size counts: the output goes round the buffer.
    int rc = Z_OK;
    do {
        zs->next_out = reinterpret_cast<Bytef *>(kit.output());
        zs->avail_out = uInt(ChunkBuffers::kOutput);
        rc = deflate(zs, Z_FINISH);
    } while (rc == Z_OK);
    return rc == Z_STREAM_END ? qint64(zs->total_out) : std::numeric_limits<qint64>::max();
}

// @p count samples of @p size bytes from @p source's bytes [from, from +
// length), evenly spread, the first at the start and the last at the end;
// all of them when they are no more than the samples would be (overlapping
// samples repeat bytes, which deflate finds as matches). @p source is left
// where it was.
QByteArray samplesOf(QIODevice &source, qint64 from, qint64 length, int count, qint64 size)
{
    const qint64 start = source.pos();
    QByteArray sample;
    if (length <= count * size) {
        source.seek(from);
        sample = source.read(length);
    } else {
        for (int i = 0; i < count; ++i) {
            source.seek(from + (length - size) * i / (count - 1));
            sample += source.read(size);
        }
    }
    source.seek(start);
    return sample;
}

// The gzip member header zlib writes for deflateSetHeader() with a name,
// no time and OS 3 (Unix), so that a blob is byte for byte what zlib's
// gzip mode made of it before the segments came: XFL says "fastest" below
// level 2 and for Huffman-only and RLE, "best" at 9.
QByteArray gzipHeader(const QByteArray &name, int level, int strategy)
{
    QByteArray header = QByteArray::fromHex("1f8b0808000000000000");
    header[8] = char(level == 9 ? 2 : (strategy >= Z_HUFFMAN_ONLY || level < 2 ? 4 : 0));
    header[9] = char(3);
    header += name;
    header += '\0';
    return header;
}

} // namespace

DeflatePlan GzipCodec::choosePlan(QIODevice &source)
{
    // The whole file when it is small: overlapping samples of a smaller one
    // repeat its bytes, which level 6 finds as matches; a 43 KB WebP then
    // looked compressible, got level 1, and was stored in 32 KiB blocks
    // 0.1 % over its own size.
    const QByteArray sample = samplesOf(source, 0, source.size(), kProbeSamples, kProbeSample);
    const DeflatePlan best { 6, Z_DEFAULT_STRATEGY };
    if (sample.isEmpty())
        return best;
    const double target = double(deflatedSize(sample, best.level)) * 1.0005;
    // Cheapest first. Huffman-only is not tried: measured against GNU
    // gzip -6 (the bound's reference), it was over by 0.2-0.5 % on every
    // JPEG of four corpora, and nothing else chose it.
    for (const int level : { 0, 2 }) {
        if (double(deflatedSize(sample, level)) <= target)
            return DeflatePlan { level, Z_DEFAULT_STRATEGY };
    }
    return best;
}

DeflatePlan GzipCodec::jpegPlan(QIODevice &source, qint64 entropyBegin, qint64 entropyEnd)
{
    const DeflatePlan fast = jpegFastPlan(entropyBegin, entropyEnd);
    const QByteArray sample = samplesOf(
        source, entropyBegin, entropyEnd - entropyBegin, kJpegProbeSamples, kJpegProbeSample);
    if (sample.isEmpty())
        return fast;
    // Tighter than choosePlan()'s 0.05 %: the samples are a smaller part of
    // the file, and at 0.05 % one wallpaper's plan came out 0.01 % over
    // the bound.
    const qint64 atSix = deflatedSize(sample, 6, fast.windowBits);
    if (double(deflatedSize(sample, fast.fastLevel, fast.fastWindowBits)) <= double(atSix) * 1.0002)
        return fast;
    return DeflatePlan { 6, Z_DEFAULT_STRATEGY };
}

DeflatePlan GzipCodec::jpegFastPlan(qint64 entropyBegin, qint64 entropyEnd)
{
    DeflatePlan plan;
    plan.level = 6;
    plan.windowBits = 15;
    plan.fastBegin = entropyBegin;
    plan.fastEnd = entropyEnd;
    plan.fastLevel = 2;
    plan.fastWindowBits = 14;
    return plan;
}

Result<CompressedBlob> GzipCodec::compressFile(const QString &sourcePath, const QString &targetPath,
    const QString &originalName, std::optional<DeflatePlan> plan, const std::atomic_bool *cancelled,
    Sync sync)
{
    QFile in(sourcePath);
    if (!in.open(QIODevice::ReadOnly))
        return fail(tr("cannot read %1: %2").arg(sourcePath, in.errorString()));
    QFile out(targetPath);
    // A full disk shows as a write that fails, often with no better word
    // than "Unknown error": the reason then names the volume and the numbers.
    const QString targetDir = QFileInfo(targetPath).absolutePath();
    auto writeFailed = [&] {
        const int savedErrno = errno;
        return DiskSpace::writeFailure(targetDir, in.size(), savedErrno,
            tr("cannot write %1: %2").arg(targetPath, out.errorString()));
    };
    errno = 0;
    // Private whatever the umask: blobs are someone's pictures.
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return writeFailed();

    if (!plan)
        plan = choosePlan(in);

    // The level and window for the bytes from @p at on, and where they
    // change next.
    const auto inFastSpan = [&plan](qint64 at) {
        return plan->hasFastSpan() && at >= plan->fastBegin && at < plan->fastEnd;
    };
    const auto levelAt = [&](qint64 at) { return inFastSpan(at) ? plan->fastLevel : plan->level; };
    const auto windowAt
        = [&](qint64 at) { return inFastSpan(at) ? plan->fastWindowBits : plan->windowBits; };
    const auto nextSwitch = [&plan](qint64 at) -> qint64 {
        if (!plan->hasFastSpan() || at >= plan->fastEnd)
            return std::numeric_limits<qint64>::max();
        return at < plan->fastBegin ? plan->fastBegin : plan->fastEnd;
    };

    DeflateKit &kit = deflateKit();
    z_stream *zs = kit.begin(windowAt(0), levelAt(0), plan->strategy);
    if (!zs)
        return fail(tr("zlib could not start compressing"));

    // FNAME is a NUL-terminated string; a name with NULs is cut at the first.
    QByteArray fname = originalName.toUtf8();
    if (const qsizetype nul = fname.indexOf('\0'); nul >= 0)
        fname.truncate(nul);
    // Reproducible blobs: same bytes, same file (no time in the header).
    const QByteArray header = gzipHeader(fname, levelAt(0), plan->strategy);
    if (out.write(header) != header.size())
        return writeFailed();

    Sha256 sha;
    uLong crc = crc32(0L, Z_NULL, 0);
    char *const inBuf = kit.input();
    char *const outBuf = kit.output();
    constexpr qint64 outSize = ChunkBuffers::kOutput;
    qint64 total = 0;

    int flush = Z_NO_FLUSH;
    do {
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            return fail(tr("cancelled"));
        // A chunk ends where the level changes, so that the switch comes
        // after exactly the bytes before it.
        const qint64 upTo = nextSwitch(total);
        const qint64 want = std::min<qint64>(kCodecChunk, upTo - total);
        const qint64 n = in.read(inBuf, want);
        if (n < 0)
            return fail(tr("cannot read %1: %2").arg(sourcePath, in.errorString()));
        total += n;
        sha.addData(inBuf, n);
        crc = crc32_z(crc, reinterpret_cast<const Bytef *>(inBuf), size_t(n));
        const bool last = n < want && in.atEnd();
        const bool switching = !last && total == upTo;
        // A segment ends on a byte boundary (an empty stored block, 5
        // bytes) and not as the last block: the next one goes on the same
        // deflate stream.
        flush = last ? Z_FINISH : switching ? Z_SYNC_FLUSH : Z_NO_FLUSH;
        zs->next_in = reinterpret_cast<Bytef *>(inBuf);
        zs->avail_in = uInt(n);
        do {
            zs->next_out = reinterpret_cast<Bytef *>(outBuf);
            zs->avail_out = uInt(outSize);
            const int rc = deflate(zs, flush);
            if (rc == Z_STREAM_ERROR)
                return fail(tr("zlib failed while compressing"));
            const qint64 produced = outSize - zs->avail_out;
            if (out.write(outBuf, produced) != produced)
                return writeFailed();
        } while (zs->avail_out == 0);
        if (switching) {
            // The next segment starts from a reset stream, as pigz starts
            // each of its blocks, with the last window of input as its
            // dictionary. zlib's deflateParams() from level 6 to level 2 in
            // the middle of a stream keeps the lazy matcher's last match
            // length, and the fast matcher then takes no match shorter than
            // it for the rest of the file: one wallpaper came out 3.3 %
            // larger than at level 2 from its start.
            Bytef window[32768];
            uInt windowBytes = 0;
            if (deflateGetDictionary(zs, window, &windowBytes) != Z_OK)
                return fail(tr("zlib failed while compressing"));
            zs = kit.begin(windowAt(total), levelAt(total), plan->strategy);
            if (!zs || deflateSetDictionary(zs, window, windowBytes) != Z_OK)
                return fail(tr("zlib failed while compressing"));
        }
    } while (flush != Z_FINISH);

    char trailer[8];
    qToLittleEndian<quint32>(quint32(crc), trailer);
    qToLittleEndian<quint32>(quint32(total), trailer + 4); // ISIZE: the length mod 2^32
    if (out.write(trailer, sizeof trailer) != qint64(sizeof trailer))
        return writeFailed();

    if (!out.flush())
        return writeFailed();
    if (sync == Sync::ByInstaller)
        startWriteback(out.handle());
    out.close();
    if (sync == Sync::Now && !syncFile(targetPath)) {
        const int savedErrno = errno;
        return DiskSpace::writeFailure(
            targetDir, in.size(), savedErrno, tr("cannot sync %1 to disk").arg(targetPath));
    }

    CompressedBlob blob;
    blob.sha256 = sha.hexResult();
    blob.originalBytes = total;
    blob.storedBytes = QFileInfo(targetPath).size();
    blob.crc32 = quint32(crc);
    blob.plan = *plan;
    return blob;
}

} // namespace trove

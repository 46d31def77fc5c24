// SPDX-License-Identifier: MIT
#include "similar/backfill.h"

#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "ingest/imageprocessor.h"
#include "storage/gzipcodec.h"

#include <QtConcurrent/QtConcurrentMap>

namespace trove {

namespace {

// The processor's own bound on what it decodes (ImageLimits): a blob's
// original bytes beyond this are no picture Trove took in.
constexpr qint64 kMaxOriginalBytes = qint64(512) * 1024 * 1024;

ImageHash hashBlob(const QString &blobPath)
{
    auto bytes = GzipCodec::readAll(blobPath, kMaxOriginalBytes);
    if (!bytes)
        return {}; // missing or damaged blob: verify's business, not ours
    auto hash = ImageProcessor::hashFromBytes(*bytes);
    return hash ? *hash : ImageHash {};
}

} // namespace

Result<HashProgress> HashBackfill::run(
    const LibraryPaths &paths, CatalogWriter &writer, const Options &options)
{
    CatalogReader reader;
    if (auto r = reader.open(paths); !r)
        return r.failure();
    SimilarityReader similar(reader.catalog());
    auto progress = similar.progress();
    if (!progress)
        return progress.failure();
    qint64 after = 0;
    while (!(options.cancelled && options.cancelled->load())) {
        auto batch = similar.unhashed(after, std::max(1, options.batch));
        if (!batch)
            return batch.failure();
        if (batch->isEmpty())
            break;
        after = batch->last().first;
        const auto hashOne = [paths](const QPair<qint64, QString> &item) {
            return qMakePair(item.first, hashBlob(paths.blobFile(item.second)));
        };
        QList<QPair<qint64, ImageHash>> hashes;
        if (options.pool) {
            hashes = QtConcurrent::blockingMapped<QList<QPair<qint64, ImageHash>>>(
                options.pool, *batch, hashOne);
        } else {
            // One at a time, stopping between images: a window closing
            // waits for one decode at most, not a batch of them.
            for (const auto &item : std::as_const(*batch)) {
                if (options.cancelled && options.cancelled->load())
                    break;
                hashes.append(hashOne(item));
            }
            if (hashes.isEmpty())
                break;
        }
        auto stored = writer.putHashes(hashes).result();
        if (!stored)
            return stored.failure();
        progress->hashed += *stored;
        for (const auto &[key, hash] : std::as_const(hashes))
            progress->unhashable += hash.valid ? 0 : 1;
        if (options.progress)
            options.progress(*progress);
    }
    // Images added or removed meanwhile: the catalog's count is the truth.
    return similar.progress();
}

} // namespace trove

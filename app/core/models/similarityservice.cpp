// SPDX-License-Identifier: MIT
#include "models/similarityservice.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "ingest/imageprocessor.h"
#include "similar/backfill.h"
#include "similar/keepbest.h"
#include "storage/gzipcodec.h"
#include "storage/thumbnailcodec.h"

#include <QHash>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace trove {

namespace {

// Records and decoded thumbnails of @p keys, by key.
Result<QHash<qint64, SimilarItem>> itemsOf(CatalogReader &reader, const QList<qint64> &keys)
{
    QHash<qint64, SimilarItem> out;
    constexpr qsizetype kChunk = 500;
    for (qsizetype at = 0; at < keys.size(); at += kChunk) {
        auto part = reader.byKeys(keys.mid(at, kChunk));
        if (!part)
            return part.failure();
        for (const ImageRecord &r : std::as_const(*part)) {
            SimilarItem item;
            item.record = r;
            if (auto bytes = reader.thumbnail(r.key); bytes && !bytes->isEmpty())
                item.thumbnail = ThumbnailCodec::decode(*bytes);
            out.insert(r.key, item);
        }
    }
    return out;
}

} // namespace

SimilarityService::SimilarityService(
    const LibraryPaths &paths, CatalogWriter *writer, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_writer(writer)
{
    qRegisterMetaType<trove::HashProgress>();
    m_backfillPool.setMaxThreadCount(1);
    m_backfillPool.setObjectName(QStringLiteral("trove-hash-backfill"));
    m_searchPool.setMaxThreadCount(1);
    m_searchPool.setObjectName(QStringLiteral("trove-similar"));
}

SimilarityService::~SimilarityService()
{
    m_stop->store(true);
    // The backfill waits on the writer, which outlives this object (the
    // session's member order); its current batch is small.
    m_backfillPool.waitForDone();
    m_searchPool.waitForDone();
}

void SimilarityService::startBackfill()
{
    if (m_backfillRunning)
        return;
    m_backfillRunning = true;
    m_stop->store(false);
    QPointer<SimilarityService> self(this);
    const LibraryPaths paths = m_paths;
    CatalogWriter *writer = m_writer;
    auto stop = m_stop;
    auto done = QtConcurrent::run(&m_backfillPool, [self, paths, writer, stop] {
        // Below the GUI and ingest: hashing old images is never urgent.
        lowerCurrentThreadPriority(ThreadWork::Heavy);
        HashBackfill::Options options;
        options.batch = 16;
        options.cancelled = stop.get();
        options.progress = [self](const HashProgress &p) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, p] {
                    if (self)
                        Q_EMIT self->backfillProgress(p);
                },
                Qt::QueuedConnection);
        };
        return HashBackfill::run(paths, *writer, options);
    });
    whenFinished(done, this, [this](const Result<HashProgress> &r) {
        m_backfillRunning = false;
        Q_EMIT backfillFinished(r ? *r : HashProgress {}, r ? QString() : r.error());
    });
}

QFuture<Result<QList<SimilarItem>>> SimilarityService::findSimilar(
    qint64 key, const SimilarityRule &rule, int limit)
{
    const LibraryPaths paths = m_paths;
    return QtConcurrent::run(
        &m_searchPool, [paths, key, rule, limit]() -> Result<QList<SimilarItem>> {
            CatalogReader reader;
            if (auto r = reader.open(paths); !r)
                return r.failure();
            SimilarityReader similar(reader.catalog());
            auto stored = similar.hashOf(key);
            if (!stored)
                return stored.failure();
            ImageHash hash = stored->value_or(ImageHash {});
            if (!stored->has_value()) {
                // Not hashed yet: hash it now, from its original.
                auto record = reader.byKey(key);
                if (!record)
                    return record.failure();
                auto bytes = GzipCodec::readAll(paths.blobFile(record->sha256));
                if (!bytes)
                    return bytes.failure();
                auto fresh = ImageProcessor::hashFromBytes(*bytes);
                if (!fresh)
                    return fresh.failure();
                hash = *fresh;
            }
            if (!hash.valid)
                return fail(SimilarityService::tr(
                    "This image could not be decoded, so it cannot be compared."));
            auto matches = similar.similar(hash, rule, key);
            if (!matches)
                return matches.failure();
            if (matches->size() > limit)
                matches->resize(limit);
            QList<qint64> keys;
            for (const SimilarMatch &m : std::as_const(*matches))
                keys.append(m.key);
            auto items = itemsOf(reader, keys);
            if (!items)
                return items.failure();
            QList<SimilarItem> out;
            for (const SimilarMatch &m : std::as_const(*matches)) {
                if (auto it = items->find(m.key); it != items->end()) {
                    it->distance = m.distance;
                    out.append(*it);
                }
            }
            return out;
        });
}

QFuture<Result<DuplicateSearch>> SimilarityService::findDuplicates(const SimilarityRule &rule)
{
    const LibraryPaths paths = m_paths;
    return QtConcurrent::run(&m_searchPool, [paths, rule]() -> Result<DuplicateSearch> {
        CatalogReader reader;
        if (auto r = reader.open(paths); !r)
            return r.failure();
        SimilarityReader similar(reader.catalog());
        DuplicateSearch out;
        auto progress = similar.progress();
        if (!progress)
            return progress.failure();
        out.progress = *progress;
        auto groups = similar.duplicates(rule);
        if (!groups)
            return groups.failure();
        out.groups = std::move(*groups);
        // Here, not on the GUI thread: 200,000 keys at a million.
        for (int g = 0; g < int(out.groups.size()); ++g)
            for (const HashEntry &e : std::as_const(out.groups[g]))
                out.groupOfKey.insert(e.key, g);
        return out;
    });
}

QFuture<Result<QList<DuplicateGroupDetails>>> SimilarityService::groupDetails(
    const QList<QList<HashEntry>> &groups, int shown, int thumbnailSide)
{
    const LibraryPaths paths = m_paths;
    return QtConcurrent::run(&m_searchPool,
        [paths, groups, shown, thumbnailSide]() -> Result<QList<DuplicateGroupDetails>> {
            CatalogReader reader;
            if (auto r = reader.open(paths); !r)
                return r.failure();
            SimilarityReader similar(reader.catalog());
            QList<qint64> keys;
            for (const auto &group : groups)
                for (const HashEntry &e : group)
                    keys.append(e.key);
            // Every member's brief record (the order needs them all, even
            // in a group of thousands), full records for the few shown.
            auto briefs = similar.briefs(keys);
            if (!briefs)
                return briefs.failure();
            QHash<qint64, ImageRecord> byKey;
            for (const ImageRecord &r : std::as_const(*briefs))
                byKey.insert(r.key, r);
            QList<DuplicateGroupDetails> out;
            for (const auto &group : groups) {
                QList<ImageRecord> members;
                QHash<qint64, quint64> phash;
                DuplicateGroupDetails details;
                for (const HashEntry &e : group) {
                    if (const auto it = byKey.constFind(e.key); it != byKey.cend()) {
                        members.append(*it);
                        phash.insert(e.key, e.phash);
                    } else {
                        details.missing.append(e.key);
                    }
                }
                members = KeepBest::ordered(members);
                for (const ImageRecord &r : std::as_const(members))
                    details.keys.append(r.key);
                auto items = itemsOf(reader, details.keys.mid(0, shown));
                if (!items)
                    return items.failure();
                const quint64 kept = members.isEmpty() ? 0 : phash.value(members.first().key);
                for (qint64 key : details.keys.mid(0, shown)) {
                    auto it = items->find(key);
                    if (it == items->end())
                        continue; // removed since its brief was read
                    it->distance = hammingDistance(kept, phash.value(key));
                    if (!it->thumbnail.isNull()
                        && std::max(it->thumbnail.width(), it->thumbnail.height()) > thumbnailSide)
                        it->thumbnail = it->thumbnail.scaled(thumbnailSide, thumbnailSide,
                            Qt::KeepAspectRatio, Qt::SmoothTransformation);
                    details.shown.append(*it);
                }
                out.append(details);
            }
            return out;
        });
}

} // namespace trove

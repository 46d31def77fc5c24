// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/imagerecord.h"
#include "similar/hashindex.h"
#include "similar/similarityreader.h"
#include "storage/librarypaths.h"

#include <QFuture>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace trove {

class CatalogWriter;

/// An image as the similar and duplicates views show it.
struct SimilarItem {
    ImageRecord record;
    int distance = 0; ///< bits from the query (or from the group's kept image)
    QImage thumbnail;
};

/// The groups of near-duplicates of a whole library as found: each
/// group's images (key and DCT hash, in key order), largest group first.
/// Records are read a few groups at a time, when shown (groupDetails()).
struct DuplicateSearch {
    QList<QList<HashEntry>> groups;
    QHash<qint64, int> groupOfKey; ///< each grouped image's index in groups
    HashProgress progress; ///< images not hashed yet are not in any group
};

/// One group as the duplicates view shows it.
struct DuplicateGroupDetails {
    /// The group's images still in the library, best first (KeepBest).
    QList<qint64> keys;
    /// The first of them with sources and a thumbnail; distance: bits from
    /// keys.first().
    QList<SimilarItem> shown;
    /// The group's images the read did not find: no longer in the library.
    QList<qint64> missing;
};

/// "Similar images" for the window: the hash backfill of a library opened
/// in it (one low-priority thread, progress as signals) and the searches
/// (Find Similar, Duplicates), each on a pool thread with a reader of its
/// own, answered with futures. Lives on the GUI thread, owned by the
/// LibrarySession; its work never touches the GUI thread.
class SimilarityService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimilarityService)

public:
    SimilarityService(const LibraryPaths &paths, CatalogWriter *writer, QObject *parent = nullptr);
    /// Stops the backfill after the image it is decoding (waits for that
    /// decode: its answer goes to the writer, which outlives this).
    ~SimilarityService() override;

    /// Hashes what has no hash yet, unless already running.
    void startBackfill();
    bool backfillRunning() const { return m_backfillRunning; }
    /// Asks the backfill to stop after its current batch.
    void stopBackfill() { m_stop->store(true); }

    /// Images similar to @p key, nearest first (at most @p limit).
    QFuture<Result<QList<SimilarItem>>> findSimilar(
        qint64 key, const SimilarityRule &rule = {}, int limit = 500);
    /// Groups of the whole library, largest first (see DuplicateSearch).
    QFuture<Result<DuplicateSearch>> findDuplicates(const SimilarityRule &rule = {});
    /// For each of @p groups: its images best first and the first
    /// @p shown of them with their records and thumbnails (at most
    /// @p thumbnailSide pixels a side). Images no longer in the library are
    /// left out, so a group may come back with fewer than two.
    QFuture<Result<QList<DuplicateGroupDetails>>> groupDetails(
        const QList<QList<HashEntry>> &groups, int shown, int thumbnailSide);

Q_SIGNALS:
    /// @p progress after each stored batch of the backfill.
    void backfillProgress(const trove::HashProgress &progress);
    /// The backfill ended: done, stopped or failed (@p error not empty).
    void backfillFinished(const trove::HashProgress &progress, const QString &error);

private:
    LibraryPaths m_paths;
    CatalogWriter *m_writer;
    QThreadPool m_backfillPool;
    QThreadPool m_searchPool;
    std::shared_ptr<std::atomic_bool> m_stop = std::make_shared<std::atomic_bool>(false);
    bool m_backfillRunning = false;
};

} // namespace trove

Q_DECLARE_METATYPE(trove::HashProgress)
Q_DECLARE_METATYPE(trove::SimilarItem)

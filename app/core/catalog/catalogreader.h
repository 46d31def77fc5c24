// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogquery.h"
#include "catalog/imagerecord.h"
#include "catalog/searchsql.h"
#include "catalog/tagvocabulary.h"
#include "catalog/trashorder.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <functional>

namespace trove {

class ImageRow;
class LibraryPaths;

/// Read-only queries on a library. Holds its own connections, which belong
/// to the thread that called open(): make one reader per thread.
class CatalogReader final {
    Q_DECLARE_TR_FUNCTIONS(CatalogReader)
    Q_DISABLE_COPY_MOVE(CatalogReader)

public:
    CatalogReader() = default;

    Result<void> open(const LibraryPaths &paths);

    Result<LibraryStats> stats();
    Result<qint64> count(const ImageQuery &query);

    /// One step of counting: matches with a key above @p afterKey, at most
    /// @p step of them. A text search alone is counted in steps so that a
    /// word found in every image of a million answers with its first
    /// screens in milliseconds (the trigram index hands matches out in key
    /// order, and counting all of them costs ~0.4 s); any other query is
    /// counted whole in one step.
    struct CountStep {
        qint64 count = 0; ///< matches in this step
        qint64 lastKey = 0; ///< the last key counted, where the next step starts
        bool complete = true; ///< no matches beyond this step
    };
    Result<CountStep> countStep(const ImageQuery &query, qint64 afterKey, qint64 step);
    /// Rows [offset, offset + limit) in the query's order; limit < 0: all.
    Result<QList<ImageRecord>> list(const ImageQuery &query, qint64 offset = 0, qint64 limit = -1);
    /// Like list(), but reads from whichever end of the order is nearer, so
    /// the last page of a million rows costs what the first one does.
    /// @p total is the query's count, or -1 while it is still being counted
    /// (the page is then read from the front).
    Result<QList<ImageRecord>> page(
        const ImageQuery &query, qint64 offset, qint64 limit, qint64 total);
    /// Where @p key stands in the query's order, or -1 if it does not match.
    /// Over the whole library it counts the shorter side: the rows before
    /// it, or the whole count less the rows after it, each side in turn up
    /// to a cap that grows (the newest image in oldest-first order is the
    /// last row, and counting a million rows before it took ~150 ms that
    /// the first screen of the new order waited behind).
    Result<qint64> rowOf(const ImageQuery &query, qint64 key);
    /// Tests set it low to take the path past the cap on a small library.
    void setRowOfSideCap(qint64 cap) { m_rowOfSideCap = cap; }
    /// The keys of rows [offset, offset + limit) in the query's order: what
    /// a selection of rows stands for, without reading the records.
    Result<QList<qint64>> keys(const ImageQuery &query, qint64 offset, qint64 limit);
    Result<ImageRecord> byKey(qint64 key);
    Result<QList<ImageRecord>> byKeys(const QList<qint64> &keys);
    /// Images an argument names: the full id, a unique id prefix (4+
    /// characters) or an exact name. May be several (same name).
    Result<QList<ImageRecord>> resolve(const QString &idOrName);
    /// Calls @p visit for every image, oldest first, without holding them all.
    Result<void> forEach(const std::function<bool(const ImageRecord &)> &visit);
    /// What a walk reads of each image.
    enum class Detail {
        Full,
        /// Everything but the sources, a third of the reading at a million
        /// images (`trove list` prints none).
        WithoutSources,
    };
    /// The same for the images of @p query, in its order (what list(query)
    /// answers, one record at a time).
    Result<void> forEach(const ImageQuery &query,
        const std::function<bool(const ImageRecord &)> &visit, Detail detail = Detail::Full);
    /// The same walk as rows read in place (catalog/imagerow.h): what a
    /// printer of a million rows needs, at a tenth of the cost of records.
    Result<void> forEachRow(const ImageQuery &query,
        const std::function<bool(const ImageRow &)> &visit, Detail detail = Detail::Full);

    /// The trash, most recently removed first: rows [offset, offset + limit);
    /// limit < 0: all. A @p filter keeps the rows whose name or tags hold
    /// each of its words (any case of ASCII letters; `%` and `_` are plain
    /// characters); it reads every trash row, which the trash's few uses
    /// (the Trash window's filter) can afford.
    Result<QList<TrashRecord>> trash(
        qint64 limit = -1, qint64 offset = 0, const QString &filter = {});
    Result<qint64> trashCount(const QString &filter = {});
    /// The latest time anything was moved into the trash (ms since the
    /// epoch; 0 for an empty trash); O(log n) on trash_by_trashed.
    Result<qint64> trashNewest();
    /// PRAGMA data_version: another number once another connection (any
    /// process) has committed; O(1).
    Result<qint64> dataVersion();
    /// The keys of trash rows [offset, offset + limit), in trash() order.
    Result<QList<qint64>> trashKeys(qint64 offset, qint64 limit, const QString &filter = {});
    /// Every key of the trash rows @p filter keeps, in @p order (another
    /// than trash()'s, which has an index of its own): one sort
    /// of keys (8 bytes a row), where a page at a deep OFFSET in an order
    /// without an index would sort whole rows, all of them up to the page
    /// (20 s at half a million, measured).
    Result<QList<qint64>> trashKeysInOrder(const QString &filter, TrashOrder order);
    /// The trash rows of @p keys, in that order; keys no longer in the
    /// trash are left out.
    Result<QList<TrashRecord>> trashRecords(const QList<qint64> &keys);
    /// Trashed images an argument names, as resolve() does for the library.
    Result<QList<TrashRecord>> resolveTrash(const QString &idOrName);
    /// Calls @p visit for every trash row @p filter keeps, in trash()
    /// order, without holding them all.
    Result<void> forEachTrashed(
        const std::function<bool(const TrashRecord &)> &visit, const QString &filter = {});

    /// The stored thumbnail, empty if none.
    Result<QByteArray> thumbnail(qint64 key);

    /// The tags of the images @p query matches, with counts, most first;
    /// at most @p limit of them (-1: all). Unfiltered, every tag of the
    /// library (one pass over the tag index: ~0.5 s for 2,000,000 tag rows).
    /// Filtered, only the first @p scanLimit matches are looked at
    /// (-1: all), and the report says when there were more.
    Result<TagCountsReport> tagCounts(
        const ImageQuery &query, int limit = -1, qint64 scanLimit = -1);

    /// (format, count) and (host, count), most first.
    Result<QList<QPair<QString, qint64>>> formatCounts();
    Result<QList<QPair<QString, qint64>>> hostCounts(int limit = 20);

    Connection &catalog() { return m_catalog; }
    Connection &thumbs() { return m_thumbs; }

private:
    /// The search's error as a failure, if it cannot be read.
    static Result<void> checkSearch(const ImageQuery &query);
    /// The statement of a walk of @p query (forEach, forEachRow).
    Result<QString> walkSql(const ImageQuery &query, Detail detail, QVariantList &binds);
    /// @p query as the SQL needs it: readable, every in: naming a
    /// collection, a smart collection's in: replaced by its saved search.
    Result<ImageQuery> prepare(const ImageQuery &query);
    /// A collection order's collection found (collectionId set, a search
    /// that only named it dropped), or the default order when the query
    /// walks no one hand-made collection.
    Result<ImageQuery> prepareCollectionOrder(const ImageQuery &query);
    /// Which term collects a filtered query's matches: the rarest tag.
    querysql::Driver driverFor(const ImageQuery &query);
    /// @p fewMatches: collect the matches and sort them, rather than walk
    /// the order (see Drive in the .cpp).
    Result<QList<ImageRecord>> list(
        const ImageQuery &query, qint64 offset, qint64 limit, bool fewMatches);
    Result<QList<ImageRecord>> select(
        const QString &where, const QVariantList &binds, const QString &tail = {});
    Result<void> selectTrash(const QString &tail, const QVariantList &binds,
        const std::function<bool(const TrashRecord &)> &visit);
    Result<QList<TrashRecord>> trashWhere(const QString &tail, const QVariantList &binds);

    Connection m_catalog;
    Connection m_thumbs;
    qint64 m_rowOfSideCap = 50000;
};

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogreader.h"
#include "catalog/changefeed.h"
#include "catalog/imagerecord.h"
#include "catalog/keyedthumbnail.h"
#include "catalog/trashorder.h"
#include "ingest/picturedecoder.h"
#include "storage/librarypaths.h"

#include <QFuture>
#include <QImage>
#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace trove {

class CatalogWriter;
class LibraryReaderWorker;

/// Totals plus the breakdowns the statistics view shows.
struct StatsReport {
    LibraryStats totals;
    QList<QPair<QString, qint64>> formats;
    QList<QPair<QString, qint64>> hosts;
    bool hasBreakdown = false; ///< formats and hosts were read (they scan the catalog)
};

/// Asynchronous reads of one library for the window: gallery pages, row
/// positions, thumbnails and statistics. A worker with its own connections
/// runs on its own thread; each request is queued to it and answered by a
/// signal in the owner's thread, so the owner never waits on the disk.
/// Requests carry a generation chosen by the caller, which drops answers to
/// a query the person has already left.
class LibraryReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryReader)

public:
    /// @p writer (optional) receives thumbnails rebuilt from blobs.
    LibraryReader(
        const LibraryPaths &paths, CatalogWriter *writer = nullptr, QObject *parent = nullptr);
    ~LibraryReader() override;

    /// Matches a text search yields in steps of this many (see
    /// CatalogReader::countStep()); a multiple of the gallery's page size.
    static constexpr qint64 kCountStep = 25000;
    /// How long thumbnails are collected before a batch is handed on.
    static constexpr int kThumbnailBatchMs = 16;

    /// Answers countReady, or for a text search with more than kCountStep
    /// matches countProgress, which the caller continues with
    /// continueCount() while it still wants the query: requests queued in
    /// between (the first pages) are answered first.
    void requestCount(quint64 generation, const ImageQuery &query);
    void continueCount(
        quint64 generation, const ImageQuery &query, qint64 afterKey, qint64 countedSoFar);
    /// Matches per counting step (kCountStep unless a test wants small steps).
    void setCountStep(qint64 step) { m_countStep = step; }
    void requestPage(
        quint64 generation, const ImageQuery &query, qint64 offset, qint64 limit, qint64 total);
    void requestRows(quint64 generation, const ImageQuery &query, const QList<qint64> &keys);
    void requestRecords(const QList<qint64> &keys);
    /// The keys of the rows in @p ranges (first, last; inclusive) of
    /// @p query, in that order: answers keysReady(ticket, keys).
    void requestKeys(
        quint64 ticket, const ImageQuery &query, const QList<QPair<qint64, qint64>> &ranges);
    /// Thumbnails for these keys, most wanted first, scaled (on the
    /// reader's thread, not the caller's) to the size they are shown at in
    /// a cell of @p side x @p side device pixels on a screen of @p scale
    /// device pixels per pixel (ThumbnailCodec::shownSize(); 0: as
    /// stored). A newer call replaces what an older one still had pending:
    /// only what is on screen now matters.
    void requestThumbnails(const QList<qint64> &keys, int side = 0, qreal scale = 1.0);
    /// Totals cost the same at any size (one row kept by triggers); the
    /// per-format and per-host breakdown scans the catalog (~0.5 s at a
    /// million images), so only the statistics view asks for it.
    void requestStats(bool withBreakdown = false);

    /// Trash rows [offset, offset + limit) in @p order, of those @p filter
    /// keeps (CatalogReader::trash()), with how many it keeps and the
    /// trash's size now: answers trashPageReady.
    void requestTrashPage(quint64 generation, qint64 offset, qint64 limit,
        const QString &filter = {}, TrashOrder order = TrashOrder::NewestFirst);
    /// The keys of the trash rows in @p ranges (first, last; inclusive) of
    /// those @p filter keeps, in @p order: answers trashKeysReady, with how
    /// many it kept when they were read.
    void requestTrashKeys(quint64 ticket, const QList<QPair<qint64, qint64>> &ranges,
        const QString &filter = {}, TrashOrder order = TrashOrder::NewestFirst);
    /// Stored thumbnails of trashed images, scaled as requestThumbnails()
    /// does (answered by thumbnailsReady). Unlike requestThumbnails() it
    /// neither supersedes the gallery's requests nor is superseded: a few
    /// rows of a list at a time.
    void requestTrashThumbnails(const QList<qint64> &keys, int side = 0, qreal scale = 1.0);

    /// Watches the library's change feed every @p intervalMs (and at once
    /// after each commit of the writer given to the constructor): whatever
    /// any process commits to the library is answered as changesReady.
    void watchChanges(int intervalMs = 200);
    /// Looks at the feed now.
    void pollChanges();
    /// This process's writer committed: looks at the feed now, or within
    /// 200 ms when it handed on changes less than that ago.
    void pollOwnCommit();

    /// The full image of a blob, decoded on a pool thread (the clipboard).
    static QFuture<Result<QImage>> loadImage(const LibraryPaths &paths, const QString &sha256);
    /// Every frame of a blob with their delays, and its EXIF summary,
    /// decoded on a pool thread (the viewer).
    static QFuture<Result<Picture>> loadPicture(const LibraryPaths &paths, const QString &sha256);

Q_SIGNALS:
    void failed(const QString &error);
    /// A read found the catalog damaged (besides failed()): the window
    /// offers to repair it.
    void damaged(const QString &error);
    /// What was committed to the library since the last batch, by any
    /// process; in commit order, one batch at a time.
    void changesReady(const trove::ChangeBatch &batch);
    void countReady(quint64 generation, qint64 count);
    /// The count's search reads but cannot run (in: a collection that does
    /// not exist): said just before countReady(generation, 0), instead of
    /// failed(), so the window shows it at the search box.
    void searchFailed(quint64 generation, const QString &error);
    /// At least @p countedSoFar matches; counting goes on after @p afterKey.
    void countProgress(quint64 generation, qint64 countedSoFar, qint64 afterKey);
    void pageReady(quint64 generation, qint64 offset, const QList<trove::ImageRecord> &records);
    /// (key, row) for each requested key; row -1: not in the query.
    void rowsReady(quint64 generation, const QList<QPair<qint64, qint64>> &rows);
    void recordsReady(const QList<trove::ImageRecord> &records);
    void keysReady(quint64 ticket, const QList<qint64> &keys, const QString &error);
    /// Thumbnails of one request, in the order asked, in batches of what
    /// took about kThumbnailBatchMs to read (the rest of a request goes
    /// when it ends): a screenful is one event and one repaint for the
    /// owner, not one per image (~400 a second while a paste streams in).
    /// @p side: what the request asked them to fit (0: as stored).
    void thumbnailsReady(const QList<trove::KeyedThumbnail> &thumbnails, int side);
    void statsReady(const trove::StatsReport &report);
    /// @p total rows the page's filter keeps, of @p all in the trash.
    void trashPageReady(quint64 generation, qint64 offset, qint64 total, qint64 all,
        const QList<trove::TrashRecord> &records);
    void trashKeysReady(
        quint64 ticket, qint64 total, const QList<qint64> &keys, const QString &error);

private:
    QThread m_thread;
    LibraryReaderWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_thumbnailGeneration;
    qint64 m_countStep = kCountStep;
};

} // namespace trove

Q_DECLARE_METATYPE(trove::StatsReport)

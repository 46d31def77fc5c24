// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/changefeed.h"
#include "catalog/libraryreader.h"

#include <QElapsedTimer>
#include <QTimer>
#include <functional>
#include <memory>
#include <optional>

namespace trove {

/// The thread-side half of LibraryReader: owns its CatalogReader.
class LibraryReaderWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryReaderWorker)

public:
    LibraryReaderWorker(const LibraryPaths &paths, CatalogWriter *writer,
        std::shared_ptr<std::atomic<quint64>> thumbnailGeneration);

    void count(quint64 generation, const ImageQuery &query, qint64 afterKey, qint64 countedSoFar,
        qint64 step);
    void page(
        quint64 generation, const ImageQuery &query, qint64 offset, qint64 limit, qint64 total);
    void rows(quint64 generation, const ImageQuery &query, const QList<qint64> &keys);
    void records(const QList<qint64> &keys);
    void keys(quint64 ticket, const ImageQuery &query, const QList<QPair<qint64, qint64>> &ranges);
    void thumbnails(quint64 generation, const QList<qint64> &keys, int side, qreal scale);
    void stats(bool withBreakdown);
    void trashPage(
        quint64 generation, qint64 offset, qint64 limit, const QString &filter, TrashOrder order);
    void trashKeys(quint64 ticket, const QList<QPair<qint64, qint64>> &ranges,
        const QString &filter, TrashOrder order);
    void trashThumbnails(const QList<qint64> &keys, int side, qreal scale);
    /// Starts watching the change feed (on the worker's thread).
    void watch(int intervalMs);
    /// Reads the feed now if the catalog moved; answers changesReady.
    void poll();
    /// This process's writer committed: poll() now, or, when changes were
    /// handed on less than kOwnCommitSpacingMs ago, once that much has
    /// passed.
    void pollSoon();

    /// A window's own ingest commits every 25 ms; each batch handed on
    /// costs the gallery a row lookup, a page and a repaint whatever its
    /// size. Spaced like the timer's polls of other processes' changes.
    static constexpr int kOwnCommitSpacingMs = 200;

Q_SIGNALS:
    void failed(const QString &error);
    /// The catalog is damaged (a read met SQLITE_CORRUPT): besides failed().
    void damaged(const QString &error);
    void changesReady(const trove::ChangeBatch &batch);
    void countReady(quint64 generation, qint64 count);
    void searchFailed(quint64 generation, const QString &error);
    void countProgress(quint64 generation, qint64 countedSoFar, qint64 afterKey);
    void pageReady(quint64 generation, qint64 offset, const QList<trove::ImageRecord> &records);
    void rowsReady(quint64 generation, const QList<QPair<qint64, qint64>> &rows);
    void recordsReady(const QList<trove::ImageRecord> &records);
    void keysReady(quint64 ticket, const QList<qint64> &keys, const QString &error);
    void thumbnailsReady(const QList<trove::KeyedThumbnail> &thumbnails, int side);
    void statsReady(const trove::StatsReport &report);
    void trashPageReady(quint64 generation, qint64 offset, qint64 total, qint64 all,
        const QList<trove::TrashRecord> &records);
    void trashKeysReady(
        quint64 ticket, qint64 total, const QList<qint64> &keys, const QString &error);

private:
    /// The trash's rows under @p filter and in all, kept from the last
    /// count while nothing is committed (CatalogReader::dataVersion()).
    struct TrashCounts {
        qint64 version = -1;
        QString filter;
        qint64 total = 0;
        qint64 all = 0;
    };
    Result<TrashCounts> trashCounts(const QString &filter);
    /// The trash's keys in an order without an index of its own, sorted
    /// once while the trash holds the same images, not once per page.
    struct SortedTrash {
        qint64 all = -1; ///< images in the trash when sorted
        qint64 newest = 0; ///< the latest time of removal then
        QString filter;
        TrashOrder order = TrashOrder::NewestFirst;
        QList<qint64> keys;
    };
    /// @p all: the images in the trash now (trashCounts()).
    Result<const SortedTrash *> sortedTrash(const QString &filter, TrashOrder order, qint64 all);
    bool ensureOpen();
    void pollAgain();
    /// Emits changesReady for a batch with anything in it.
    void handOn(const ChangeBatch &batch);
    QImage rebuildThumbnail(qint64 key);
    /// The stored thumbnail of @p key, decoded; null when there is none.
    QImage storedThumbnail(qint64 key);
    /// @p image at ThumbnailCodec::shownSize() in a cell of @p side device
    /// pixels at @p scale (0: as it is).
    static QImage fitted(QImage image, int side, qreal scale);
    /// Reads each of @p keys with @p read (a null image: none), fitted to
    /// @p side at @p scale, and hands them on in batches of
    /// kThumbnailBatchMs while @p wanted() holds.
    void sendThumbnails(const QList<qint64> &keys, int side, qreal scale,
        const std::function<QImage(qint64)> &read, const std::function<bool()> &wanted);

    LibraryPaths m_paths;
    CatalogWriter *m_writer;
    std::shared_ptr<std::atomic<quint64>> m_thumbnailGeneration;
    CatalogReader m_reader;
    bool m_open = false;
    std::unique_ptr<ChangeFeed> m_feed;
    qint64 m_seq = 0; ///< the last change handed on
    /// Set when m_seq was put back to where the writer opened: read at the
    /// next poll even if no other connection committed since.
    bool m_behind = false;
    QTimer *m_pollTimer = nullptr;
    QElapsedTimer m_sinceHandedOn; ///< since changesReady was last emitted
    bool m_pollSoonPending = false;
    TrashCounts m_trashCounts;
    std::optional<SortedTrash> m_sortedTrash;
};

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogreader.h"
#include "catalog/changefeed.h"
#include "catalog/imagerecord.h"
#include "models/loadedrows.h"

#include <QAbstractListModel>
#include <QHash>
#include <QImage>
#include <QSet>
#include <optional>

namespace trove {

class GalleryThumbnails;
class LibraryReader;

/// The gallery's rows: every image matching a query, in its order, for a
/// library of any size. It never loads all rows: the count comes first, then
/// pages of records as views ask for them, then thumbnails only for the
/// rows on screen plus a margin, all through LibraryReader's thread. Rows
/// not loaded yet answer LoadedRole false and a placeholder. Images
/// committed, changed or removed by the writer are inserted, updated or
/// removed in place (a renamed image in a name order, a re-rated one in a
/// rating order, moves to its new row):
/// a model reset happens only when the query changes.
/// Changes come from the library's change feed (LibraryReader::changesReady),
/// so what another window, the command line or the local API commits shows
/// here as well.
/// Lives on the GUI thread.
class GalleryModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryModel)

public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        IdRole,
        RecordRole, ///< QVariant<ImageRecord>
        ThumbnailRole, ///< QImage, null until it arrives
        LoadedRole, ///< whether the record is here yet
        FormatRole,
        WidthRole,
        HeightRole,
        OriginalBytesRole,
        StoredBytesRole,
        AddedAtRole,
        TagsRole,
        SourcesRole,
        Sha256Role,
        DamagedRole, ///< bool: verify found the blob damaged
        AnimatedRole, ///< bool: more than one frame
        RatingRole, ///< int: 0 (not rated) to 5 stars
        FavouriteRole, ///< bool
    };

    static constexpr int kPageSize = 200;

    GalleryModel(LibraryReader *reader, QObject *parent = nullptr);
    ~GalleryModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// A new filter or order: the one place the model resets.
    void setQuery(const ImageQuery &query);
    const ImageQuery &query() const { return m_query; }

    /// The rows a view shows now. Pages and thumbnails load for this range
    /// plus a screenful either side; older thumbnail requests are dropped.
    void setVisibleRange(int first, int last);
    /// A view's thumbnail cell in device pixels, on a screen of @p scale
    /// device pixels per pixel: ThumbnailRole images come scaled to the
    /// size they are shown at (ThumbnailCodec::shownSize()), by the
    /// reader's thread.
    void setThumbnailSide(int side, qreal scale = 1.0);

    /// Whether the first count for the current query has arrived.
    bool isReady() const { return m_ready; }
    std::optional<ImageRecord> recordAt(int row) const;
    /// The loaded records in @p ranges (sorted, disjoint [first, last] row
    /// pairs), in row order, at most @p limit: costs the smaller of the
    /// ranges' size and the loaded rows, never a million for Select All.
    QList<ImageRecord> loadedRecordsIn(const QList<QPair<qint64, qint64>> &ranges, int limit) const;
    /// The row of a loaded image, or -1.
    int rowOfKey(qint64 key) const;

Q_SIGNALS:
    /// The number of rows for the current query is known or changed.
    void countChanged(qint64 count);
    /// The query's search cannot run (in: a collection that does not
    /// exist); the rows are none.
    void searchFailed(const QString &error);
    /// The library lost these images (this window, another process, the
    /// API), whether or not rows here held them: said before the rows go.
    void imagesRemoved(const QList<qint64> &keys);

private:
    void onCount(quint64 ticket, qint64 count);
    void onCountProgress(quint64 ticket, qint64 countedSoFar, qint64 afterKey);
    /// Asks for the count again; only the answer to the latest ask counts.
    void recount();
    void onPage(quint64 generation, qint64 offset, const QList<ImageRecord> &records);
    void onRows(quint64 generation, const QList<QPair<qint64, qint64>> &rows);
    void onRecords(const QList<ImageRecord> &records);
    void onThumbnails(const QList<qint64> &keys);
    void applyChanges(const ChangeBatch &batch);
    /// Recounts and reloads the visible pages: rows end up where the
    /// catalog has them, by inserts and removals, never a reset.
    void heal();
    void onImagesAdded(const QList<qint64> &keys);
    void onImagesRemoved(const QList<qint64> &keys);

    void requestPage(int page) const;
    void reloadVisible();
    /// @p count new rows at @p row, one beginInsertRows for the run.
    void insertRows(int row, int count);
    void removeRowAt(int row);
    /// Moves a loaded row (beginMoveRows): persistent indexes, the
    /// selection and the current row go with it.
    void moveRow(int from, int to);
    void store(int row, const ImageRecord &record);
    void evictFarPages();

    LibraryReader *m_reader;
    ImageQuery m_query;
    quint64 m_generation = 1;
    qint64 m_count = 0;
    bool m_ready = false;
    quint64 m_countTicket = 0;
    /// m_count is the whole count, not the part counted so far.
    bool m_countFinal = false;

    LoadedRows m_loaded;
    /// Renamed images in a name order whose new row was asked for.
    QSet<qint64> m_renamed;
    mutable QSet<int> m_requestedPages;
    GalleryThumbnails *m_thumbnails;
    int m_visibleFirst = -1;
    int m_visibleLast = -1;
};

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/changefeed.h"
#include "catalog/imagerecord.h"
#include "catalog/keyedthumbnail.h"
#include "catalog/trashorder.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QImage>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace trove {

class LibraryReader;

/// The library's trash as a table, most recently removed first: name,
/// when it was removed, format and size, with its thumbnail. As many rows
/// as the trash holds (a million after Select All and Delete), read in
/// pages from the reader thread as the view asks for them; a row not read
/// yet shows a placeholder. Whatever any process moves into, out of or
/// empties from the trash arrives through the change feed, and the table
/// is read again (a reset: the rows of a selection would otherwise name
/// other images). GUI thread.
class TrashModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrashModel)

public:
    enum Column { NameColumn, RemovedColumn, FormatColumn, SizeColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< qint64; 0 for a row not read yet
        LoadedRole, ///< bool
    };
    /// Rows per read.
    static constexpr int kPageSize = 100;
    /// Rows the view is told of per turn of the event loop. A table view
    /// keeps an entry per row in its (hidden) vertical header: told of a
    /// million rows at once, the GUI thread spent 27-40 ms laying them out
    /// (docs/performance.md); told of them a tenth at a time, at most 12 ms
    /// per turn.
    static constexpr int kRowsPerTurn = 100'000;

    explicit TrashModel(QObject *parent = nullptr);
    ~TrashModel() override;

    /// Reads @p reader's trash (nullptr: empty). The reader must outlive
    /// the model or be unset first.
    void setReader(LibraryReader *reader);
    /// Reads the whole table again.
    void refresh();
    /// Device pixels per pixel of the screen the list is on: icons are
    /// read at that many times their size, so that a 2x screen shows them
    /// sharp.
    void setIconScale(qreal scale);

    /// Shows only the rows whose name or tags hold every word of
    /// @p filter (CatalogReader::trash()); empty: all of them.
    void setFilter(const QString &filter);
    QString filter() const { return m_filter; }
    /// Lists the rows in @p order (most recently removed first at the
    /// start); like another filter, the rows are read again and the
    /// selection of the view goes.
    void setOrder(TrashOrder order);
    TrashOrder order() const { return m_order; }
    /// A click on a column's header: the rows sorted by that column.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// The column and direction that show @p order (the header's indicator).
    static QPair<int, Qt::SortOrder> sortIndicator(TrashOrder order);

    /// Whether the trash has been counted since the last setReader().
    bool isCounted() const { return m_counted; }
    /// Rows shown: those the filter keeps. rowCount() reaches it within a
    /// few turns of the event loop (kRowsPerTurn).
    qint64 total() const { return m_total; }
    /// Rows per turn for a test; kRowsPerTurn otherwise.
    void setRowsPerTurn(int rows) { m_rowsPerTurn = std::max(1, rows); }
    /// Images in the trash, whatever the filter.
    qint64 all() const { return m_all; }
    /// The record of @p row, or nullptr while it is not read.
    const TrashRecord *recordAt(int row) const;
    /// Which rows resolveKeys() counts in.
    enum class Scope {
        Shown, ///< the rows the filter keeps, as shown
        Whole, ///< the whole trash, whatever the filter (Empty Trash)
    };
    /// Resolves rows (first, last; inclusive) to keys on the reader
    /// thread: keysResolved(ticket, keys, error). The error says so when
    /// the trash changed since the rows were shown.
    quint64 resolveKeys(const QList<QPair<qint64, qint64>> &ranges, Scope scope = Scope::Shown);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The trash was counted (again): @p total rows.
    void counted(qint64 total);
    void keysResolved(quint64 ticket, const QList<qint64> &keys, const QString &error);

private:
    void request(qint64 page) const;
    void onPage(quint64 generation, qint64 offset, qint64 total, qint64 all,
        const QList<TrashRecord> &rows);
    void onKeys(quint64 ticket, qint64 total, const QList<qint64> &keys, const QString &error);
    void onChanges(const ChangeBatch &batch);
    void onThumbnails(const QList<KeyedThumbnail> &thumbnails, int side);
    void storePage(qint64 page, const QList<TrashRecord> &rows);
    void dropFarPages(qint64 near);
    /// Tells the view of up to m_rowsPerTurn more rows, and asks for the
    /// next turn until rowCount() is m_total.
    void growRows();

    QPointer<LibraryReader> m_reader;
    quint64 m_generation = 0;
    quint64 m_shownGeneration = 0; ///< the generation whose count the rows are
    quint64 m_nextTicket = 0;
    QHash<quint64, qint64> m_tickets; ///< the row count each resolve was asked at
    QString m_filter;
    TrashOrder m_order = TrashOrder::NewestFirst;
    bool m_viewChanged = false; ///< filter or order: the next first page resets the rows
    qint64 m_total = 0;
    int m_rows = 0; ///< rows the view knows of: m_total, reached in turns
    int m_rowsPerTurn = kRowsPerTurn;
    QTimer m_grow; ///< the next growRows(), at the next turn
    qint64 m_all = 0;
    bool m_counted = false;
    QHash<qint64, QList<TrashRecord>> m_pages;
    mutable QSet<qint64> m_requested;
    QHash<qint64, int> m_rowOfKey; ///< rows read, for thumbnails as they come
    mutable QSet<qint64> m_thumbnailAsked;
    mutable QList<qint64> m_thumbnailWanted; ///< asked for at the next turn
    QCache<qint64, QImage> m_thumbnails;
    qreal m_iconScale = 1.0;
};

} // namespace trove

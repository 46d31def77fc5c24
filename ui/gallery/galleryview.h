// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"

#include <QAbstractItemView>
#include <QPixmap>
#include <QTimer>

namespace trove {
class GalleryModel;
}

namespace trove::ui {

class DragExporter;
class GalleryDelegate;

/// The thumbnail grid over GalleryModel. Every cell has the same size, so
/// where a row sits is arithmetic (row / columns, row % columns): nothing is
/// laid out per item, and a million rows cost what ten do (QListView walks
/// every row on each layout: ~0.5 s at a million, after every insert). It
/// tells the model which rows are on screen (only those load thumbnails),
/// paints a how-to-start message when the library is empty, selects with
/// click, Shift/Ctrl and a rubber band, and drags selected images out as
/// files. GUI thread.
class GalleryView final : public QAbstractItemView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryView)

public:
    explicit GalleryView(QWidget *parent = nullptr);
    ~GalleryView() override;

    void setGalleryModel(GalleryModel *model);
    GalleryModel *galleryModel() const { return m_model; }
    void setDragExporter(DragExporter *exporter) { m_exporter = exporter; }

    void setThumbnailSize(int size);
    int thumbnailSize() const;
    /// The thumbnail cell in device pixels: what the model has thumbnails
    /// scaled to fit, off the GUI thread.
    int thumbnailSide() const;

    /// Loaded records of the selected rows, in row order.
    /// The loaded records among the selected rows, in row order, at most
    /// @p limit of them: walks the selection's ranges, never every row.
    QList<ImageRecord> selectedRecords(int limit = 1000) const;
    /// How many rows are selected: a sum over ranges, cheap at a million.
    qint64 selectedCount() const;
    /// The selected rows as (first, last) ranges, in row order.
    QList<QPair<qint64, qint64>> selectedRanges() const;
    /// The first and last rows on screen, or -1, -1.
    QPair<int, int> visibleRows() const;

    /// Shown when the model is empty; @p filtered: a search is active.
    void setFiltered(bool filtered);

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    /// Cells per line, at the current width and thumbnail size.
    int columns() const { return m_columns; }

Q_SIGNALS:
    /// Dragging out could not include everything (still preparing).
    void message(const QString &text, int timeoutMs);
    void selectedRecordsChanged();
    /// A frame of the grid (or of its empty state) was painted.
    void framePainted();

protected:
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void selectionChanged(
        const QItemSelection &selected, const QItemSelection &deselected) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;

private:
    /// Tells the model the cell in device pixels and the screen's scale,
    /// what its thumbnails come scaled for (a no-op when unchanged).
    void sendThumbnailSide();
    void updateGrid();
    void scheduleVisibleRange();
    void publishVisibleRange();
    void paintEmptyState(QPainter &painter);
    int rowCount() const;
    /// A row's cell in content coordinates (scrolling not applied).
    QRect cellRect(int row) const;
    int linesOnPage() const;

    QSize m_cell { 1, 1 }; ///< one cell, spacing included
    int m_columns = 1;
    int m_hoverRow = -1;
    QPoint m_pressContent; ///< where a rubber band started, in content coordinates
    QRect m_rubberBand; ///< in viewport coordinates, empty when none

    GalleryModel *m_model = nullptr;
    GalleryDelegate *m_delegate;
    DragExporter *m_exporter = nullptr;
    QTimer m_rangeTimer;
    QTimer m_prepareTimer;
    bool m_filtered = false;
    /// The empty library's icon and words, drawn once per look on a worker
    /// (emptystate.h): laying out the wrapped hint and drawing the icon took
    /// 4-9 ms of a paint, and a paste repaints the empty gallery as the
    /// queue opens.
    QPixmap m_emptyState;
    QString m_emptyStateKey; ///< the look m_emptyState shows
    QString m_emptyStatePending; ///< the look being drawn, if any
};

} // namespace trove::ui

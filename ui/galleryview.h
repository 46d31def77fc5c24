#pragma once

#include "imagerecord.h"

#include <QListView>
#include <QTimer>

namespace trove {
class GalleryModel;
}

namespace trove::ui {

class DragExporter;
class GalleryDelegate;

/// The thumbnail grid over GalleryModel: a QListView laid out as an icon
/// grid (left-to-right, wrapping, uniform cells, batched layout). It tells the model which rows are
/// on screen (so only those load thumbnails), paints a how-to-start message when the library is
/// empty, and drags selected images out as files. GUI thread.
class GalleryView final : public QListView {
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

    /// Loaded records of the selected rows, in row order.
    QList<ImageRecord> selectedRecords() const;
    /// The first and last rows on screen, or -1, -1.
    QPair<int, int> visibleRows() const;

    /// Shown when the model is empty; @p filtered: a search is active.
    void setFiltered(bool filtered);

Q_SIGNALS:
    /// Dragging out could not include everything (still preparing).
    void message(const QString &text, int timeoutMs);
    void selectedRecordsChanged();
    /// A frame of the grid (or of its empty state) was painted.
    void framePainted();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void startDrag(Qt::DropActions supportedActions) override;
    void selectionChanged(
        const QItemSelection &selected, const QItemSelection &deselected) override;
    void rowsInserted(const QModelIndex &parent, int start, int end) override;

private:
    void updateGrid();
    void scheduleVisibleRange();
    void publishVisibleRange();
    void paintEmptyState(QPainter &painter);

    GalleryModel *m_model = nullptr;
    GalleryDelegate *m_delegate;
    DragExporter *m_exporter = nullptr;
    QTimer m_rangeTimer;
    QTimer m_prepareTimer;
    bool m_filtered = false;
};

} // namespace trove::ui

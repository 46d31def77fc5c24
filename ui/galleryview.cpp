#include "galleryview.h"

#include "dragexporter.h"
#include "gallerydelegate.h"
#include "gallerymodel.h"
#include "icons.h"

#include <QDrag>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>

namespace trove::ui {

namespace {

constexpr int kSpacing = 4;
constexpr int kPrepareDelayMs = 250;

} // namespace

GalleryView::GalleryView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new GalleryDelegate(this))
{
    // An icon grid built on ListMode: IconMode keeps a positioned item per
    // row and rebuilds all of them at once when a row is inserted (78 ms
    // for a million rows on the reference machine, on every commit), while
    // ListMode with a left-to-right, wrapping flow lays uniform cells out
    // from their sizes alone (7 ms). They look the same.
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setLayoutMode(QListView::Batched);
    setBatchSize(500);
    setUniformItemSizes(true);
    setWrapping(true);
    setSpacing(kSpacing);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Static movement switches dragging off; dragging out is wanted.
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Gallery"));
    verticalScrollBar()->setSingleStep(24);

    m_rangeTimer.setSingleShot(true);
    m_rangeTimer.setInterval(0);
    connect(&m_rangeTimer, &QTimer::timeout, this, &GalleryView::publishVisibleRange);
    m_prepareTimer.setSingleShot(true);
    m_prepareTimer.setInterval(kPrepareDelayMs);
    connect(&m_prepareTimer, &QTimer::timeout, this, [this] {
        if (m_exporter)
            m_exporter->prepare(selectedRecords());
    });
}

GalleryView::~GalleryView() = default;

void GalleryView::setGalleryModel(GalleryModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, this, &GalleryView::scheduleVisibleRange);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &GalleryView::scheduleVisibleRange);
    connect(model, &GalleryModel::countChanged, this, [this] { viewport()->update(); });
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this] { Q_EMIT selectedRecordsChanged(); });
    scheduleVisibleRange();
}

void GalleryView::updateGrid()
{
    // Cells share out the width, so the grid has no ragged gap on the right.
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QSize cell = m_delegate->sizeHint(option, {}) + QSize(kSpacing, kSpacing);
    const int width = viewport()->width() - 1;
    const int columns = std::max(1, width / cell.width());
    const QSize grid(std::max(cell.width(), width / columns), cell.height());
    if (grid != gridSize())
        setGridSize(grid);
}

void GalleryView::setThumbnailSize(int size)
{
    m_delegate->setThumbnailSize(size);
    updateGrid();
    // Uniform sizes are cached by the view: lay out again with the new one.
    scheduleDelayedItemsLayout();
    scheduleVisibleRange();
    if (currentIndex().isValid())
        QTimer::singleShot(0, this, [this] { scrollTo(currentIndex()); });
}

int GalleryView::thumbnailSize() const
{
    return m_delegate->thumbnailSize();
}

void GalleryView::setFiltered(bool filtered)
{
    m_filtered = filtered;
    viewport()->update();
}

QList<ImageRecord> GalleryView::selectedRecords() const
{
    QList<ImageRecord> records;
    if (!m_model || !selectionModel())
        return records;
    QModelIndexList rows = selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    records.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows)) {
        if (auto record = m_model->recordAt(index.row()))
            records.append(*record);
    }
    return records;
}

QPair<int, int> GalleryView::visibleRows() const
{
    if (!model() || model()->rowCount() == 0)
        return { -1, -1 };
    const QRect area = viewport()->rect();
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    const QSize cell = m_delegate->sizeHint(option, {}) + QSize(kSpacing, kSpacing);
    const int stepX = std::max(8, cell.width() / 2);
    const int stepY = std::max(8, cell.height() / 2);
    int first = -1;
    for (int y = area.top() + 1; y <= area.bottom() && first < 0; y += stepY) {
        for (int x = area.left() + 1; x <= area.right(); x += stepX) {
            const QModelIndex index = indexAt(QPoint(x, y));
            if (index.isValid() && (first < 0 || index.row() < first))
                first = index.row();
        }
    }
    if (first < 0)
        return { -1, -1 };
    int last = -1;
    const QScrollBar *bar = verticalScrollBar();
    if (bar->value() >= bar->maximum()) {
        // The end of the content is on screen: the last row is too.
        last = model()->rowCount() - 1;
    } else {
        for (int y = area.bottom() - 1; y >= area.top() && last < 0; y -= stepY) {
            for (int x = area.right() - 1; x >= area.left(); x -= stepX) {
                const QModelIndex index = indexAt(QPoint(x, y));
                if (index.isValid() && index.row() > last)
                    last = index.row();
            }
        }
    }
    return { first, std::max(first, last) };
}

void GalleryView::scheduleVisibleRange()
{
    if (!m_rangeTimer.isActive())
        m_rangeTimer.start();
}

void GalleryView::publishVisibleRange()
{
    if (!m_model)
        return;
    // Batched layout may still be running: ask again once it has placed
    // the rows on screen.
    const auto [first, last] = visibleRows();
    if (first >= 0)
        m_model->setVisibleRange(first, last);
    else if (m_model->rowCount() > 0)
        QTimer::singleShot(50, this, &GalleryView::scheduleVisibleRange);
}

void GalleryView::resizeEvent(QResizeEvent *event)
{
    updateGrid();
    QListView::resizeEvent(event);
    scheduleVisibleRange();
}

void GalleryView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    scheduleVisibleRange();
}

void GalleryView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QListView::rowsInserted(parent, start, end);
    viewport()->update();
    scheduleVisibleRange();
}

void GalleryView::selectionChanged(const QItemSelection &selected, const QItemSelection &deselected)
{
    QListView::selectionChanged(selected, deselected);
    m_prepareTimer.start();
    Q_EMIT selectedRecordsChanged();
}

void GalleryView::startDrag(Qt::DropActions supportedActions)
{
    Q_UNUSED(supportedActions)
    if (!m_exporter)
        return;
    const QList<ImageRecord> records = selectedRecords();
    if (records.isEmpty())
        return;
    int missing = 0;
    QMimeData *mime = m_exporter->mimeData(records, &missing);
    if (missing > 0) {
        Q_EMIT message(missing == 1
                ? tr("1 large image is still being prepared for dragging; try again in a moment.")
                : tr(
                    "%1 large images are still being prepared for dragging; try again in a moment.")
                      .arg(missing),
            5000);
    }
    if (!mime)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    const QModelIndex current = currentIndex();
    const QImage thumb
        = current.isValid() ? current.data(GalleryModel::ThumbnailRole).value<QImage>() : QImage();
    if (!thumb.isNull()) {
        const QPixmap pixmap = QPixmap::fromImage(
            thumb.scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        drag->setPixmap(pixmap);
        drag->setHotSpot(QPoint(pixmap.width() / 2, pixmap.height() / 2));
    }
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

void GalleryView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (!m_model || !m_model->isReady())
        return; // the library is still opening: nothing real on screen yet
    if (m_model->rowCount() == 0) {
        QPainter painter(viewport());
        paintEmptyState(painter);
    }
    Q_EMIT framePainted();
}

void GalleryView::paintEmptyState(QPainter &painter)
{
    const QRect area = viewport()->rect();
    const int iconSize = std::min(128, area.height() / 4);
    const bool ownIcon = !m_filtered && hasAppIcon();
    const QString title = m_filtered ? tr("No images match") : tr("Your library is empty");
    const QString hint = m_filtered
        ? tr("Try another search, or clear the search field.")
        : tr("Paste image links with Ctrl+V or drop images here.\n"
             "You can also type a link in the bar above, or drag pictures out of a web browser.");

    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    const QRect hintBox
        = fontMetrics().boundingRect(QRect(0, 0, std::min(560, area.width() - 40), 1000),
            Qt::AlignHCenter | Qt::TextWordWrap, hint);
    const int total = iconSize + 16 + titleMetrics.height() + 8 + hintBox.height();
    int y = area.center().y() - total / 2;

    const QRect iconRect(area.center().x() - iconSize / 2, y, iconSize, iconSize);
    QColor ink = palette().color(QPalette::WindowText);
    ink.setAlphaF(0.35f);
    if (ownIcon)
        appIcon().paint(&painter, iconRect);
    else
        paintPictureGlyph(&painter, iconRect, ink);
    y += iconSize + 16;
    QColor text = palette().color(QPalette::WindowText);
    painter.setPen(text);
    painter.setFont(titleFont);
    painter.drawText(
        QRect(area.left(), y, area.width(), titleMetrics.height()), Qt::AlignHCenter, title);
    y += titleMetrics.height() + 8;
    text.setAlphaF(0.7f);
    painter.setPen(text);
    painter.setFont(font());
    painter.drawText(
        QRect(area.center().x() - hintBox.width() / 2, y, hintBox.width(), hintBox.height()),
        Qt::AlignHCenter | Qt::TextWordWrap, hint);
}

} // namespace trove::ui

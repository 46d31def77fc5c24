// SPDX-License-Identifier: MIT
#include "gallery/galleryview.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "gallery/dragexporter.h"
#include "gallery/emptystate.h"
#include "gallery/gallerydelegate.h"
#include "icons.h"
#include "models/gallerymodel.h"
#include "models/rowranges.h"

#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionRubberBand>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace trove::ui {

namespace {

constexpr int kSpacing = 4;
constexpr int kPrepareDelayMs = 250;

} // namespace

GalleryView::GalleryView(QWidget *parent)
    : QAbstractItemView(parent)
    , m_delegate(new GalleryDelegate(this))
{
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_Hover);
    setItemDelegate(m_delegate);
    setAccessibleName(tr("Gallery"));
    verticalScrollBar()->setSingleStep(24);

    m_rangeTimer.setObjectName(QStringLiteral("galleryRange"));
    m_rangeTimer.setSingleShot(true);
    m_rangeTimer.setInterval(0);
    connect(&m_rangeTimer, &QTimer::timeout, this, &GalleryView::publishVisibleRange);
    m_prepareTimer.setObjectName(QStringLiteral("galleryPrepare"));
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
    sendThumbnailSide();
    connect(model, &QAbstractItemModel::modelReset, this, &GalleryView::updateGeometries);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &GalleryView::updateGeometries);
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
    m_columns = std::max(1, width / cell.width());
    m_cell = QSize(std::max(cell.width(), width / m_columns), cell.height());
    updateGeometries();
    viewport()->update();
}

int GalleryView::rowCount() const
{
    return model() ? model()->rowCount(rootIndex()) : 0;
}

QRect GalleryView::cellRect(int row) const
{
    return QRect((row % m_columns) * m_cell.width(), (row / m_columns) * m_cell.height(),
        m_cell.width(), m_cell.height());
}

int GalleryView::linesOnPage() const
{
    return std::max(1, viewport()->height() / m_cell.height());
}

QRect GalleryView::visualRect(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int half = kSpacing / 2;
    return cellRect(index.row())
        .adjusted(half, half, half - kSpacing, half - kSpacing)
        .translated(0, -verticalOffset());
}

QModelIndex GalleryView::indexAt(const QPoint &point) const
{
    if (!model() || point.x() < 0 || point.x() >= m_columns * m_cell.width())
        return {};
    const int y = point.y() + verticalOffset();
    if (y < 0)
        return {};
    const qint64 row = qint64(y / m_cell.height()) * m_columns + point.x() / m_cell.width();
    if (row >= rowCount())
        return {};
    const QModelIndex index = model()->index(int(row), 0, rootIndex());
    return visualRect(index).contains(point) ? index : QModelIndex();
}

void GalleryView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    if (!index.isValid())
        return;
    executeDelayedItemsLayout(); // the scroll range must know the current row count
    const QRect cell = cellRect(index.row());
    const int height = viewport()->height();
    const int top = verticalOffset();
    QScrollBar *bar = verticalScrollBar();
    switch (hint) {
    case PositionAtTop:
        bar->setValue(cell.top());
        break;
    case PositionAtBottom:
        bar->setValue(cell.bottom() + 1 - height);
        break;
    case PositionAtCenter:
        bar->setValue(cell.center().y() - height / 2);
        break;
    case EnsureVisible:
        if (cell.top() < top)
            bar->setValue(cell.top());
        else if (cell.bottom() + 1 > top + height)
            bar->setValue(cell.bottom() + 1 - height);
        break;
    }
}

int GalleryView::horizontalOffset() const
{
    return 0;
}

int GalleryView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool GalleryView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void GalleryView::updateGeometries()
{
    const qint64 lines = (qint64(rowCount()) + m_columns - 1) / m_columns;
    const qint64 content = lines * m_cell.height();
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, int(std::clamp<qint64>(content - viewport()->height(), 0, INT_MAX)));
    bar->setPageStep(viewport()->height());
    bar->setSingleStep(std::max(24, m_cell.height() / 4));
    QAbstractItemView::updateGeometries();
    scheduleVisibleRange();
}

void GalleryView::setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command)
{
    if (!model() || !selectionModel())
        return;
    QItemSelection selection;
    const QRect area = rect.normalized();
    const int rows = rowCount();
    auto add = [&](qint64 from, qint64 to) {
        to = std::min<qint64>(to, rows - 1);
        if (from <= to)
            selection.select(
                model()->index(int(from), 0, rootIndex()), model()->index(int(to), 0, rootIndex()));
    };
    // The cell a point falls in, clamped to the grid, in reading order.
    auto rowAt = [&](const QPoint &point) -> qint64 {
        const qint64 line = std::max(0, point.y() + verticalOffset()) / m_cell.height();
        const qint64 column = std::clamp(point.x() / m_cell.width(), 0, m_columns - 1);
        return std::min<qint64>(line * m_columns + column, rows - 1);
    };
    if (area.width() <= 1 && area.height() <= 1) {
        // A click: the cell under it, not the gap beside it.
        const QModelIndex index = indexAt(area.topLeft());
        if (index.isValid())
            selection.select(index, index);
    } else if (state() != DragSelectingState) {
        // Shift+click and Shift+arrow keys: QAbstractItemView passes the
        // rectangle from the anchor's centre (top left, as given) to the new
        // point (bottom right). A range in reading order between them, as in
        // a file manager; only a rubber band selects a block of columns.
        const qint64 anchor = rowAt(rect.topLeft());
        const qint64 current = rowAt(rect.bottomRight());
        add(std::min(anchor, current), std::max(anchor, current));
    } else {
        const QRect content = area.translated(0, verticalOffset());
        const int firstLine = std::max(0, content.top() / m_cell.height());
        const int lastLine = std::max(0, content.bottom() / m_cell.height());
        const int firstColumn = std::clamp(content.left() / m_cell.width(), 0, m_columns - 1);
        const int lastColumn = std::clamp(content.right() / m_cell.width(), 0, m_columns - 1);
        if (firstColumn == 0 && lastColumn == m_columns - 1) {
            add(qint64(firstLine) * m_columns, qint64(lastLine) * m_columns + m_columns - 1);
        } else {
            for (int line = firstLine; line <= lastLine && qint64(line) * m_columns < rows; ++line)
                add(qint64(line) * m_columns + firstColumn, qint64(line) * m_columns + lastColumn);
        }
    }
    selectionModel()->select(selection, command);
}

QRegion GalleryView::visualRegionForSelection(const QItemSelection &selection) const
{
    const auto [first, last] = visibleRows();
    QRegion region;
    if (first < 0)
        return region;
    for (const QItemSelectionRange &range : selection) {
        const int from = std::max(range.top(), first);
        const int to = std::min(range.bottom(), last);
        for (int row = from; row <= to; ++row)
            region += visualRect(model()->index(row, 0, rootIndex()));
    }
    return region;
}

void GalleryView::setThumbnailSize(int size)
{
    m_delegate->setThumbnailSize(size);
    sendThumbnailSide();
    updateGrid();
    if (currentIndex().isValid())
        QTimer::singleShot(0, this, [this] { scrollTo(currentIndex()); });
}

int GalleryView::thumbnailSize() const
{
    return m_delegate->thumbnailSize();
}

void GalleryView::sendThumbnailSide()
{
    if (m_model)
        m_model->setThumbnailSide(thumbnailSide(), devicePixelRatioF());
}

int GalleryView::thumbnailSide() const
{
    // What the delegate fits a thumbnail into, in device pixels.
    return qRound(m_delegate->thumbnailSize() * devicePixelRatioF());
}

void GalleryView::setFiltered(bool filtered)
{
    m_filtered = filtered;
    viewport()->update();
}

QList<QPair<qint64, qint64>> GalleryView::selectedRanges() const
{
    if (!m_model || !selectionModel())
        return {};
    return rowRanges(selectionModel()->selection());
}

qint64 GalleryView::selectedCount() const
{
    return rowsIn(selectedRanges());
}

QList<ImageRecord> GalleryView::selectedRecords(int limit) const
{
    return m_model ? m_model->loadedRecordsIn(selectedRanges(), limit) : QList<ImageRecord>();
}

QPair<int, int> GalleryView::visibleRows() const
{
    const int rows = rowCount();
    if (rows == 0)
        return { -1, -1 };
    const int top = verticalOffset();
    const qint64 first = qint64(top / m_cell.height()) * m_columns;
    const qint64 last
        = qint64((top + viewport()->height() - 1) / m_cell.height()) * m_columns + m_columns - 1;
    if (first >= rows)
        return { -1, -1 };
    return { int(first), int(std::min<qint64>(last, rows - 1)) };
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
    const auto [first, last] = visibleRows();
    if (first >= 0)
        m_model->setVisibleRange(first, last);
}

void GalleryView::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event);
    updateGrid();
}

void GalleryView::scrollContentsBy(int dx, int dy)
{
    m_hoverRow = -1;
    QAbstractItemView::scrollContentsBy(dx, dy);
    scheduleVisibleRange();
}

void GalleryView::rowsInserted(const QModelIndex &parent, int start, int end)
{
    QAbstractItemView::rowsInserted(parent, start, end);
    updateGeometries(); // O(1): the scroll range follows the row count at once
    viewport()->update();
}

void GalleryView::selectionChanged(const QItemSelection &selected, const QItemSelection &deselected)
{
    QAbstractItemView::selectionChanged(selected, deselected);
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
    int pending = 0;
    QMimeData *mime = m_exporter->mimeData(records, &pending);
    if (pending > 0) {
        Q_EMIT message(tr("%Ln image(s) still being written for the drop; if the target "
                          "misses them, drag again.",
                           nullptr, pending),
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
        // 96 pixels on the screen, in its own pixels.
        const qreal dpr = devicePixelRatioF();
        const int side = qRound(96 * dpr);
        QPixmap pixmap = QPixmap::fromImage(
            thumb.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(dpr);
        drag->setPixmap(pixmap);
        const QSizeF shown = pixmap.deviceIndependentSize();
        drag->setHotSpot(QPoint(qRound(shown.width() / 2), qRound(shown.height() / 2)));
    }
    drag->exec(Qt::CopyAction, Qt::CopyAction);
}

QModelIndex GalleryView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    Q_UNUSED(modifiers)
    const int rows = rowCount();
    if (rows == 0)
        return {};
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? current.row() : -1;
    const int page = linesOnPage() * m_columns;
    switch (action) {
    case MoveHome:
        row = 0;
        break;
    case MoveEnd:
        row = rows - 1;
        break;
    case MoveLeft:
    case MovePrevious:
        row = std::max(0, row - 1);
        break;
    case MoveRight:
    case MoveNext:
        row = std::min(rows - 1, row + 1);
        break;
    case MoveUp:
        row = row < 0 ? 0 : (row >= m_columns ? row - m_columns : row);
        break;
    case MoveDown:
        // Down from the line above a short last line lands on its last cell.
        if (row < 0)
            row = 0;
        else if ((row / m_columns + 1) * qint64(m_columns) < rows)
            row = std::min(rows - 1, row + m_columns);
        break;
    case MovePageUp:
        row = row < 0 ? 0 : std::max(row % m_columns, row - page);
        break;
    case MovePageDown:
        row = row < 0 ? 0 : int(std::min<qint64>(qint64(row) + page, rows - 1));
        break;
    }
    return model()->index(std::max(row, 0), 0, rootIndex());
}

void GalleryView::paintEvent(QPaintEvent *event)
{
    executeDelayedItemsLayout();
    // The window may have moved to a screen of another scale.
    sendThumbnailSide();
    QPainter painter(viewport());
    const auto [first, last] = visibleRows();
    if (first >= 0) {
        QStyleOptionViewItem base;
        initViewItemOption(&base);
        const QModelIndex current = currentIndex();
        const bool focused = hasFocus();
        const bool active = isActiveWindow();
        m_delegate->beginFrame();
        for (int row = first; row <= last; ++row) {
            const QModelIndex index = model()->index(row, 0, rootIndex());
            QStyleOptionViewItem option = base;
            option.rect = visualRect(index);
            if (!event->rect().intersects(option.rect))
                continue;
            option.state |= QStyle::State_Enabled;
            if (active)
                option.state |= QStyle::State_Active;
            if (selectionModel() && selectionModel()->isSelected(index))
                option.state |= QStyle::State_Selected;
            if (focused && index == current)
                option.state |= QStyle::State_HasFocus;
            if (row == m_hoverRow)
                option.state |= QStyle::State_MouseOver;
            m_delegate->paint(&painter, option, index);
        }
        // What did not fit in this frame comes in the next ones.
        if (m_delegate->endFrame())
            QTimer::singleShot(0, viewport(), qOverload<>(&QWidget::update));
    }
    if (!m_rubberBand.isEmpty()) {
        QStyleOptionRubberBand band;
        band.initFrom(viewport());
        band.shape = QRubberBand::Rectangle;
        band.opaque = false;
        band.rect = m_rubberBand;
        style()->drawControl(QStyle::CE_RubberBand, &band, &painter, viewport());
    }
    if (!m_model || !m_model->isReady())
        return; // the library is still opening: nothing real on screen yet
    if (m_model->rowCount() == 0)
        paintEmptyState(painter);
    else if (!m_emptyState.isNull()) {
        m_emptyState = {}; // a megabyte or two, for when the library is empty again
        m_emptyStateKey.clear();
    }
    Q_EMIT framePainted();
}

void GalleryView::mousePressEvent(QMouseEvent *event)
{
    m_pressContent = event->position().toPoint() + QPoint(0, verticalOffset());
    m_rubberBand = {};
    QAbstractItemView::mousePressEvent(event);
}

void GalleryView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const QModelIndex hover = indexAt(pos);
    const int hoverRow = hover.isValid() ? hover.row() : -1;
    if (hoverRow != m_hoverRow) {
        const int old = m_hoverRow;
        m_hoverRow = hoverRow;
        if (old >= 0)
            viewport()->update(visualRect(model()->index(old, 0, rootIndex())));
        if (hoverRow >= 0)
            viewport()->update(visualRect(hover));
    }
    QAbstractItemView::mouseMoveEvent(event);
    if (state() == DragSelectingState && (event->buttons() & Qt::LeftButton)) {
        const QRect old = m_rubberBand;
        m_rubberBand = QRect(m_pressContent - QPoint(0, verticalOffset()), pos).normalized();
        viewport()->update((old | m_rubberBand).adjusted(-2, -2, 2, 2));
    }
}

void GalleryView::mouseReleaseEvent(QMouseEvent *event)
{
    QAbstractItemView::mouseReleaseEvent(event);
    if (!m_rubberBand.isEmpty()) {
        viewport()->update(m_rubberBand.adjusted(-2, -2, 2, 2));
        m_rubberBand = {};
    }
}

void GalleryView::leaveEvent(QEvent *event)
{
    if (m_hoverRow >= 0 && model())
        viewport()->update(visualRect(model()->index(m_hoverRow, 0, rootIndex())));
    m_hoverRow = -1;
    QAbstractItemView::leaveEvent(event);
}

void GalleryView::paintEmptyState(QPainter &painter)
{
    const QRect area = viewport()->rect();
    EmptyStateLook look;
    look.width = area.width();
    // In steps, so that the queue opening below does not draw it anew.
    look.iconSize = area.height() >= 512 ? 128 : area.height() >= 256 ? 64 : 32;
    look.appIcon = !m_filtered;
    look.ink = palette().color(QPalette::WindowText);
    look.font = font();
    look.dpr = viewport()->devicePixelRatioF();
    look.rightToLeft = isRightToLeft();
    look.title = m_filtered ? tr("No images match") : tr("Your library is empty");
    look.hint = m_filtered ? tr("Try another search, or clear the search field.")
                           : tr("Paste image links with Ctrl+V or drop images here.\n"
                                "You can also type a link in the bar above, or drag pictures "
                                "out of a web browser.");
    const QString key = look.key();
    if (key != m_emptyStateKey) {
        // Drawn on a worker; this frame shows the bare grid, the next the
        // words (one frame later than a draw here, and no 9 ms in this one).
        if (key != m_emptyStatePending) {
            m_emptyStatePending = key;
            whenFinished(QtConcurrent::run(backgroundPool(), renderEmptyState, look), this,
                [this, key](const QImage &image) {
                    if (key != m_emptyStatePending)
                        return; // another look is on its way
                    m_emptyState = QPixmap::fromImage(image);
                    m_emptyStateKey = key;
                    m_emptyStatePending.clear();
                    viewport()->update();
                });
        }
        return;
    }
    const int height = int(m_emptyState.height() / look.dpr);
    painter.drawPixmap(area.left(), area.center().y() - height / 2, m_emptyState);
}

} // namespace trove::ui

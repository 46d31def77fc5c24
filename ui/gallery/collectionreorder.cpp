// SPDX-License-Identifier: MIT
#include "gallery/collectionreorder.h"

#include "gallery/galleryview.h"
#include "models/gallerymodel.h"

#include <QDragMoveEvent>
#include <QDropEvent>
#include <QItemSelectionModel>
#include <QWidget>

namespace trove::ui {

namespace {

constexpr int kReorderMessageMs = 5000;
constexpr int kDropBarWidth = 3;

} // namespace

CollectionReorder::CollectionReorder(GalleryView *view, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_indicator(new QWidget(view->viewport()))
{
    m_indicator->setObjectName(QStringLiteral("collectionDropIndicator"));
    m_indicator->setAutoFillBackground(true);
    m_indicator->setBackgroundRole(QPalette::Highlight);
    m_indicator->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_indicator->hide();
    // Before the window's drop target (installed earlier), which lets the
    // gallery's own drags through anyway.
    view->viewport()->installEventFilter(this);
}

CollectionReorder::~CollectionReorder() = default;

void CollectionReorder::setCollection(const QString &name)
{
    m_collection = name;
    if (name.isEmpty())
        m_indicator->hide();
}

int CollectionReorder::dropRow(const QPoint &pos) const
{
    const int rows = m_view->model() ? m_view->model()->rowCount() : 0;
    const QModelIndex at = m_view->indexAt(pos);
    if (!at.isValid())
        return rows;
    const QRect cell = m_view->visualRect(at);
    return pos.x() > cell.center().x() ? at.row() + 1 : at.row();
}

bool CollectionReorder::dropAt(int row)
{
    auto *model = qobject_cast<GalleryModel *>(m_view->model());
    if (m_collection.isEmpty() || !model)
        return false;
    QList<qint64> keys;
    for (const ImageRecord &r : m_view->selectedRecords(kMaxMoved))
        keys << r.key;
    if (keys.isEmpty())
        return false;
    // Dropped on the selection itself: the first row after it that is not
    // part of it (a walk over selected rows only).
    const QItemSelectionModel *selection = m_view->selectionModel();
    const int rows = model->rowCount();
    while (row < rows && selection->isRowSelected(row, {}))
        ++row;
    qint64 beforeKey = 0;
    if (row < rows) {
        const auto record = model->recordAt(row);
        if (!record) {
            Q_EMIT message(
                tr("Still reading that part of the collection; drop again"), kReorderMessageMs);
            return false;
        }
        beforeKey = record->key;
    }
    Q_EMIT moveRequested(m_collection, keys, beforeKey);
    // The moved images stay selected where they land: the rows before the
    // drop less the selected ones among them (a sum over ranges).
    qint64 before = 0;
    for (const auto &[first, last] : m_view->selectedRanges())
        before += std::max<qint64>(0, std::min<qint64>(last + 1, row) - first);
    const int start = int(row - before);
    const int end = std::min(start + int(keys.size()), rows) - 1;
    QItemSelectionModel *select = m_view->selectionModel();
    select->select(QItemSelection(model->index(start), model->index(end)),
        QItemSelectionModel::ClearAndSelect);
    select->setCurrentIndex(model->index(start), QItemSelectionModel::NoUpdate);
    return true;
}

void CollectionReorder::showDropAt(const QPoint &pos)
{
    showIndicator(dropRow(pos));
}

void CollectionReorder::showIndicator(int row)
{
    const int rows = m_view->model() ? m_view->model()->rowCount() : 0;
    if (rows == 0) {
        m_indicator->hide();
        return;
    }
    // At the left edge of the cell it goes before, or past the last one.
    const bool end = row >= rows;
    const QRect cell = m_view->visualRect(m_view->model()->index(end ? rows - 1 : row, 0));
    const int x = end ? cell.right() + 1 : cell.left();
    m_indicator->setGeometry(x - kDropBarWidth / 2 - 1, cell.top(), kDropBarWidth, cell.height());
    m_indicator->show();
    m_indicator->raise();
}

bool CollectionReorder::eventFilter(QObject *watched, QEvent *event)
{
    Q_UNUSED(watched)
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (m_collection.isEmpty() || drag->source() != m_view)
            return false;
        drag->setDropAction(drag->proposedAction());
        drag->accept();
        showDropAt(drag->position().toPoint());
        return true;
    }
    case QEvent::DragLeave:
        m_indicator->hide();
        return false;
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        m_indicator->hide();
        if (m_collection.isEmpty() || drop->source() != m_view)
            return false;
        dropAt(dropRow(drop->position().toPoint()));
        drop->acceptProposedAction();
        return true;
    }
    default:
        break;
    }
    return false;
}

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "ingest/droptarget.h"

#include <QAbstractScrollArea>
#include <QDropEvent>
#include <QLocale>
#include <QMimeData>
#include <QWidget>

namespace trove::ui {

DropTarget::DropTarget(QObject *parent)
    : QObject(parent)
{
}

DropTarget::~DropTarget() = default;

void DropTarget::watch(QWidget *widget)
{
    widget->setAcceptDrops(true);
    widget->installEventFilter(this);
    if (auto *area = qobject_cast<QAbstractScrollArea *>(widget)) {
        area->viewport()->setAcceptDrops(true);
        area->viewport()->installEventFilter(this);
    }
}

QString DropTarget::describe(const DropContent &content)
{
    if (!content.sources.isEmpty())
        return tr("Drop to add %Ln item(s)", nullptr, int(content.sources.size()));
    if (content.hasImageData())
        return tr("Drop to add this image");
    return tr("This cannot be added: it holds no image links, files or images");
}

bool DropTarget::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (m_ignoreSource && drag->source() == m_ignoreSource)
            return false;
        if (!m_refusal.isEmpty()) {
            drag->ignore();
            if (event->type() == QEvent::DragEnter)
                Q_EMIT hovering(m_refusal);
            return true;
        }
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        if (event->type() == QEvent::DragEnter) {
            // A link dump is counted once dropped, off the GUI thread.
            const DropContent::Snapshot snapshot = DropContent::capture(drag->mimeData());
            Q_EMIT hovering(snapshot.size() > 64 * 1024
                    ? tr("Drop to add these links")
                    : describe(DropContent::fromSnapshot(snapshot)));
        }
        return true;
    }
    case QEvent::DragLeave:
        Q_EMIT left();
        return true;
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (m_ignoreSource && drop->source() == m_ignoreSource)
            return false;
        if (!m_refusal.isEmpty()) {
            drop->ignore();
            Q_EMIT left();
            return true;
        }
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        Q_EMIT left();
        Q_EMIT dropped(DropContent::capture(drop->mimeData()));
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace trove::ui

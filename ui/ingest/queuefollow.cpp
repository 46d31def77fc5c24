// SPDX-License-Identifier: MIT
#include "ingest/queuefollow.h"

#include "models/ingestqueuemodel.h"

#include <QAbstractItemView>
#include <QScrollBar>

namespace trove::ui {

QueueFollow::QueueFollow(
    QAbstractItemView *view, std::function<QModelIndex(int)> toView, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_toView(std::move(toView))
{
    m_timer.setObjectName(QStringLiteral("queueFollow"));
    m_timer.setSingleShot(true);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &QueueFollow::apply);
    // Only what the person does moves the scroll bar by an action (wheel,
    // arrows, drag); scrollTo() does not.
    QScrollBar *bar = view->verticalScrollBar();
    connect(bar, &QAbstractSlider::actionTriggered, this,
        [this, bar] { m_following = bar->sliderPosition() >= bar->maximum(); });
    connect(view, &QAbstractItemView::pressed, this, [this] { m_following = false; });
}

void QueueFollow::setModel(IngestQueueModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_pendingId = 0;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int, int last) { schedule(last, false); });
    connect(model, &IngestQueueModel::rowFailed, this, [this](int row) { schedule(row, true); });
    // An emptied queue has nothing the person was looking at.
    const auto restart = [this] {
        if (m_model && m_model->rowCount() == 0)
            m_following = true;
    };
    connect(model, &QAbstractItemModel::rowsRemoved, this, restart);
    connect(model, &QAbstractItemModel::modelReset, this, restart);
}

void QueueFollow::setFollowing(bool following)
{
    m_following = following;
}

void QueueFollow::schedule(int row, bool failed)
{
    if (!m_following || (m_pendingFailed && !failed && m_timer.isActive()))
        return;
    m_pendingId = m_model->itemId(row);
    m_pendingFailed = failed;
    if (!m_timer.isActive())
        m_timer.start();
}

void QueueFollow::apply()
{
    const quint64 id = m_pendingId;
    m_pendingId = 0;
    m_pendingFailed = false;
    if (!m_following || !m_model || id == 0 || !m_view->isVisible())
        return;
    const int row = m_model->rowOf(id);
    const QModelIndex target = row >= 0 ? m_toView(row) : QModelIndex();
    if (target.isValid())
        m_view->scrollTo(target, QAbstractItemView::EnsureVisible);
}

} // namespace trove::ui

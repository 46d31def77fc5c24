// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>

class QAbstractItemView;
class QModelIndex;

namespace trove {
class IngestQueueModel;
}

namespace trove::ui {

/// Keeps the newest rows of the queue, and rows that have just failed, in
/// view, until the person scrolls away or presses a row; scrolling back
/// to the bottom, or an emptied queue, follows again. A failure wins over a new row. At most one
/// scroll per 100 ms, each O(log n) (an id looked up, a uniform-row view):
/// the queue may hold 100,000 rows that finish one by one. GUI thread.
class QueueFollow final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueFollow)

public:
    /// @p toView maps a row of the queue model to the view's model (a
    /// filter may hide it: an invalid index).
    QueueFollow(
        QAbstractItemView *view, std::function<QModelIndex(int)> toView, QObject *parent = nullptr);

    void setModel(IngestQueueModel *model);
    bool isFollowing() const { return m_following; }
    void setFollowing(bool following);

private:
    void schedule(int row, bool failed);
    void apply();

    QAbstractItemView *m_view;
    std::function<QModelIndex(int)> m_toView;
    QPointer<IngestQueueModel> m_model;
    QTimer m_timer;
    bool m_following = true;
    quint64 m_pendingId = 0;
    bool m_pendingFailed = false;
};

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "base/futurewatch.h"

#include <QTimer>

namespace trove {

AnswerQueue::AnswerQueue(QObject *parent, int sliceMs)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>())
    , m_sliceMs(sliceMs)
{
    m_shared->owner = this;
}

AnswerQueue::~AnswerQueue()
{
    // A future finishing on another thread now posts to nothing; one that
    // is posting finishes first (the posted event goes with this object).
    {
        QMutexLocker owner(&m_shared->ownerMutex);
        m_shared->owner = nullptr;
    }
    QMutexLocker lock(&m_shared->mutex);
    m_shared->ready.clear();
}

void AnswerQueue::queue(const std::shared_ptr<Shared> &shared, std::function<void()> answer)
{
    {
        QMutexLocker lock(&shared->mutex);
        shared->ready.push_back(std::move(answer));
        if (std::exchange(shared->posted, true))
            return;
    }
    // Posted outside the queue's lock: the post wakes the owner's thread,
    // and a poster at a lower priority preempted while it held the lock
    // left the drain retrying turn after turn (22 drain events per image
    // in a 10,000-link paste).
    QMutexLocker owner(&shared->ownerMutex);
    if (shared->owner)
        QMetaObject::invokeMethod(shared->owner, &AnswerQueue::drain, Qt::QueuedConnection);
}

qsizetype AnswerQueue::waiting() const
{
    QMutexLocker lock(&m_shared->mutex);
    return qsizetype(m_shared->ready.size() + m_taken.size());
}

void AnswerQueue::drain()
{
    if (m_draining)
        return; // a handler spun an event loop: the outer drain goes on
    // Never wait here for a poster: queue() holds the lock only for a
    // push_back, but a poster at a lower priority (a writer at nice +10)
    // can be preempted inside it. The answers already taken run now; the
    // rest are picked up next turn.
    if (m_shared->mutex.tryLock()) {
        m_shared->posted = false;
        for (auto &answer : m_shared->ready)
            m_taken.push_back(std::move(answer));
        m_shared->ready.clear();
        m_shared->mutex.unlock();
    } else {
        QTimer::singleShot(0, this, &AnswerQueue::drain);
    }
    m_draining = true;
    QElapsedTimer slice;
    slice.start();
    while (!m_taken.empty()) {
        std::function<void()> answer = std::move(m_taken.front());
        m_taken.pop_front();
        answer();
        if (!m_taken.empty() && slice.elapsed() >= m_sliceMs) {
            // The rest in a later turn: whatever else waits goes first.
            m_draining = false;
            QTimer::singleShot(0, this, &AnswerQueue::drain);
            return;
        }
    }
    m_draining = false;
}

} // namespace trove

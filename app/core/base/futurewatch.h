// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QMutex>
#include <QObject>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <source_location>
#include <type_traits>
#include <utility>

namespace trove {

/// Set while a StallMonitor traces stalls (TROVE_STALL_TRACE): each
/// watcher is named after the whenFinished() call that made it, so that a
/// slow continuation in a stall's trace says where it came from.
inline std::atomic_bool g_nameFutureWatchers = false;

/// Calls @p handler with the result of @p future on @p context's thread,
/// unless @p context is destroyed first. In Qt 6.4, QFuture::then(context,
/// ...) asserts (debug builds) or silently drops the call when its context is
/// gone; a QFutureWatcher owned by the context simply goes with it.
template<typename T, typename Handler>
void whenFinished(const QFuture<T> &future, QObject *context, Handler &&handler,
    std::source_location where = std::source_location::current())
{
    auto *watcher = new QFutureWatcher<T>(context);
    if (g_nameFutureWatchers.load(std::memory_order_relaxed)) {
        const QString file = QString::fromUtf8(where.file_name());
        watcher->setObjectName(QStringLiteral("%1:%2").arg(
            file.mid(file.lastIndexOf(QLatin1Char('/')) + 1), QString::number(where.line())));
    }
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
        [watcher, handler = std::forward<Handler>(handler)]() mutable {
            watcher->deleteLater();
            const QFuture<T> f = watcher->future();
            if constexpr (std::is_void_v<T>) {
                if (!f.isCanceled()) // cancelled when the promise was dropped
                    handler();
            } else if (f.resultCount() > 0) { // none when the promise was dropped
                handler(f.result());
            }
        });
    watcher->setFuture(future);
}

/// The answers of many futures, handed to one thread in batches: whatever
/// finished meanwhile arrives as one posted event, and runs there in slices
/// of at most a few milliseconds per event-loop turn. For streams of
/// thousands of futures (an ingest's commits): with a QFutureWatcher each,
/// a QObject and four events per answer, the writer's answers to one long
/// commit batch (1,000-3,000 of them) held the GUI thread 15-35 ms in one
/// turn. Handlers run on this object's thread, in the order their futures
/// finished, and never after it is destroyed; a future that ends without a
/// result (its promise dropped) calls nothing, as with whenFinished().
class AnswerQueue final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnswerQueue)

public:
    explicit AnswerQueue(QObject *parent = nullptr, int sliceMs = 3);
    ~AnswerQueue() override;

    template<typename T, typename Handler> void whenFinished(QFuture<T> future, Handler &&handler)
    {
        // On the thread that finishes the future (QtFuture::Launch::Sync):
        // it only queues the answer.
        auto call = std::make_shared<std::decay_t<Handler>>(std::forward<Handler>(handler));
        future.then(QtFuture::Launch::Sync, [shared = m_shared, call](QFuture<T> done) {
            if constexpr (std::is_void_v<T>) {
                if (!done.isCanceled())
                    queue(shared, [call] { (*call)(); });
            } else if (done.resultCount() > 0) {
                queue(shared, [call, value = done.result()] { (*call)(value); });
            }
        });
    }

    /// Answers queued or waiting for a later slice.
    qsizetype waiting() const;

private:
    struct Shared {
        /// Guards ready and posted only: held for a push or a swap, never
        /// across a system call, so that the drain's tryLock() finds it free.
        QMutex mutex;
        std::vector<std::function<void()>> ready;
        bool posted = false;
        /// Guards owner: held while posting to it, and by the destructor.
        QMutex ownerMutex;
        AnswerQueue *owner = nullptr; ///< null once it is gone
    };
    static void queue(const std::shared_ptr<Shared> &shared, std::function<void()> answer);
    void drain();

    std::shared_ptr<Shared> m_shared;
    std::deque<std::function<void()>> m_taken; ///< taken from ready, not run yet
    int m_sliceMs;
    bool m_draining = false;
};

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <atomic>
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

} // namespace trove

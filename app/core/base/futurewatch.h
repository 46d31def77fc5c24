// SPDX-License-Identifier: MIT
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <type_traits>
#include <utility>

namespace trove {

/// Calls @p handler with the result of @p future on @p context's thread,
/// unless @p context is destroyed first. In Qt 6.4, QFuture::then(context,
/// ...) asserts (debug builds) or silently drops the call when its context is
/// gone; a QFutureWatcher owned by the context simply goes with it.
template<typename T, typename Handler>
void whenFinished(const QFuture<T> &future, QObject *context, Handler &&handler)
{
    auto *watcher = new QFutureWatcher<T>(context);
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

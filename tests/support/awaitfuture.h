// SPDX-License-Identifier: MIT
#pragma once

#include "timebounds.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QTest>

namespace trove::test {

/// The result of @p future, waited for on this thread without an event
/// loop: for futures whose work runs elsewhere (the writer's thread, a
/// pool) and whose continuations do not need this thread.
template<typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

/// The same with this thread's event loop running, as the window waits (a
/// blocked GUI thread is a state the product never has); bounded, so that a
/// stuck write fails the test here rather than hanging it.
template<typename T> T awaitLive(QFuture<T> future)
{
    QElapsedTimer waited;
    waited.start();
    while (!future.isFinished() && waited.elapsed() < kLivenessMs)
        QTest::qWait(5);
    if (!future.isFinished())
        qFatal("a future did not finish within %d ms", kLivenessMs);
    return future.result();
}

} // namespace trove::test

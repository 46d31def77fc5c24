// SPDX-License-Identifier: MIT
#include "ingest/processingpool.h"

#include "base/futurewatch.h"
#include "base/platform.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace trove {

ProcessingPool::ProcessingPool(int threads)
    : m_relay(new QObject)
{
    m_pool.setObjectName(QStringLiteral("trove-processing"));
    m_pool.setMaxThreadCount(threads > 0 ? threads : QThread::idealThreadCount());
    m_relayThread.setObjectName(QStringLiteral("trove-processing-relay"));
    m_relay->moveToThread(&m_relayThread);
    m_relayThread.start();
}

ProcessingPool::~ProcessingPool()
{
    // Jobs not started yet are dropped: their futures end without a result.
    m_relayThread.quit();
    m_relayThread.wait();
    m_pool.clear();
    m_pool.waitForDone();
    delete m_relay; // its thread has ended, and with it every watcher's use
}

QFuture<Result<ProcessedImage>> ProcessingPool::process(
    const ProcessRequest &request, std::shared_ptr<const std::atomic_bool> cancelled)
{
    auto answer = std::make_shared<QPromise<Result<ProcessedImage>>>();
    answer->start();
    QFuture<Result<ProcessedImage>> future = answer->future();
    QMetaObject::invokeMethod(
        m_relay,
        [this, request, cancelled, answer] {
            auto job = QtConcurrent::run(&m_pool, [request, cancelled] {
                lowerCurrentThreadPriority(ThreadWork::Heavy);
                return ImageProcessor::process(request, cancelled.get());
            });
            // Dropped (cleared) jobs have no result: the answer then ends
            // without one too, when the last copy of it goes.
            whenFinished(job, m_relay, [answer](const Result<ProcessedImage> &result) {
                answer->addResult(result);
                answer->finish();
            });
        },
        Qt::QueuedConnection);
    return future;
}

int ProcessingPool::maxInFlight() const
{
    return m_pool.maxThreadCount() + 1;
}

} // namespace trove

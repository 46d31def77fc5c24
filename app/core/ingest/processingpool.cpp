// SPDX-License-Identifier: MIT
#include "ingest/processingpool.h"

#include "base/platform.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace trove {

ProcessingPool::ProcessingPool(int threads)
{
    m_pool.setObjectName(QStringLiteral("trove-processing"));
    m_pool.setMaxThreadCount(threads > 0 ? threads : QThread::idealThreadCount());
}

ProcessingPool::~ProcessingPool()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QFuture<Result<ProcessedImage>> ProcessingPool::process(
    const ProcessRequest &request, std::shared_ptr<const std::atomic_bool> cancelled)
{
    return QtConcurrent::run(&m_pool, [request, cancelled] {
        lowerCurrentThreadPriority(ThreadWork::Heavy);
        return ImageProcessor::process(request, cancelled.get());
    });
}

int ProcessingPool::maxInFlight() const
{
    return m_pool.maxThreadCount() + 1;
}

} // namespace trove

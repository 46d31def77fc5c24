// SPDX-License-Identifier: MIT
#include "ingest/fetcher.h"

#include "base/platform.h"
#include "ingest/private/fetchworker.h"

namespace trove {

Fetcher::Fetcher(const LibraryPaths &paths, const FetchLimits &limits, QObject *parent)
    : FetchStage(parent)
{
    qRegisterMetaType<trove::FetchResult>();
    m_thread.setObjectName(QStringLiteral("trove-fetcher"));
    m_worker = new FetchWorker(paths, limits);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &FetchWorker::progress, this, &Fetcher::progress);
    connect(m_worker, &FetchWorker::finished, this, &Fetcher::finished);
    // Downloads are background work: the GUI thread goes first.
    connect(&m_thread, &QThread::started, [] { lowerCurrentThreadPriority(); });
    m_thread.start();
}

Fetcher::~Fetcher()
{
    // Replies are aborted on their own thread before it stops; the worker is
    // deleted there too (deleteLater on finished).
    QMetaObject::invokeMethod(m_worker, &FetchWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void Fetcher::fetch(quint64 job, const QUrl &url)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, job, url] { w->start(job, url); });
}

void Fetcher::cancel(quint64 job)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, job] { w->cancel(job); });
}

bool Fetcher::isFetchableScheme(const QString &scheme)
{
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("data");
}

} // namespace trove

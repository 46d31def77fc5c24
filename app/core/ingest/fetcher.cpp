// SPDX-License-Identifier: MIT
#include "ingest/fetcher.h"

#include "base/platform.h"
#include "ingest/private/fetchworker.h"

#include <QLocale>

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

void Fetcher::fetch(quint64 job, const QUrl &url, const FetchHeaders &headers)
{
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, job, url, headers] { w->start(job, url, headers); });
}

void Fetcher::cancel(quint64 job)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, job] { w->cancel(job); });
}

void Fetcher::setLimits(const FetchLimits &limits)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, limits] { w->setLimits(limits); });
}

void Fetcher::closeConnections()
{
    QMetaObject::invokeMethod(
        m_worker, &FetchWorker::closeConnections, Qt::BlockingQueuedConnection);
}

void Fetcher::recycle(const QString &path)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path] { w->recycle(path); });
}

bool Fetcher::isFetchableScheme(const QString &scheme)
{
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("data");
}

qint64 Fetcher::retryAfterMs(const QByteArray &value, const QDateTime &now)
{
    const QString text = QString::fromLatin1(value.trimmed());
    if (text.isEmpty())
        return -1;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : std::min<qint64>(seconds, 100'000'000) * 1000;
    // RFC 9110 5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms.
    static const char *const formats[] = { "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy" };
    const QLocale c = QLocale::c();
    for (const char *format : formats) {
        QDateTime when = c.toDateTime(text.simplified(), QString::fromLatin1(format));
        if (!when.isValid())
            continue;
        if (when.date().year() < 1970) // two-digit years of RFC 850
            when = when.addYears(100);
        when.setTimeSpec(Qt::UTC);
        return std::max<qint64>(0, now.msecsTo(when));
    }
    return -1;
}

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingeststages.h"
#include "storage/librarypaths.h"

#include <QDateTime>
#include <QThread>

namespace trove {

class FetchWorker;

/// Downloads http, https and data URLs to temp files, off the calling
/// thread: a QNetworkAccessManager lives on the fetcher's own thread and every
/// call here is a queued request to it. Results come back as signals in the
/// thread that owns the Fetcher. The real FetchStage of IngestPipeline.
class Fetcher final : public FetchStage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Fetcher)

public:
    Fetcher(const LibraryPaths &paths, const FetchLimits &limits, QObject *parent = nullptr);
    ~Fetcher() override;

    void fetch(quint64 job, const QUrl &url, const FetchHeaders &headers = {}) override;
    void cancel(quint64 job) override;
    void setLimits(const FetchLimits &limits) override;
    void recycle(const QString &path) override;
    /// Waits for the network thread (up to its own 5 s bound).
    void closeConnections() override;

    /// Schemes that may be fetched, and that redirects may lead to.
    static bool isFetchableScheme(const QString &scheme);
    /// A Retry-After value (delta-seconds or an HTTP-date: IMF-fixdate,
    /// RFC 850 or asctime) as ms from @p now; a date in the past is 0. -1 if
    /// it is neither.
    static qint64 retryAfterMs(const QByteArray &value, const QDateTime &now);

private:
    QThread m_thread;
    FetchWorker *m_worker = nullptr;
};

} // namespace trove

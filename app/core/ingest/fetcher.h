// SPDX-License-Identifier: MIT
#pragma once

#include "storage/librarypaths.h"

#include <QObject>
#include <QThread>
#include <QUrl>

namespace trove {

class FetchWorker;

/// Bounds on one download.
struct FetchLimits {
    qint64 maxBytes = qint64(256) * 1024 * 1024;
    int maxRedirects = 10;
    int stallTimeoutMs = 30'000; ///< no bytes for this long (including connecting)
    int totalTimeoutMs = 10 * 60'000;
};

/// The outcome of one download: a temp file in the library's tmp/, or why not.
struct FetchResult {
    QString error; ///< empty on success
    QString path; ///< the body, in tmp/
    QString fileName; ///< last path segment of the final URL
    QString contentType;
    QUrl finalUrl;
    qint64 bytes = 0;

    bool ok() const { return error.isEmpty(); }
};

/// Downloads http, https and data URLs to temp files, off the calling
/// thread: a QNetworkAccessManager lives on the fetcher's own thread and every
/// call here is a queued request to it. Results come back as signals in the
/// thread that owns the Fetcher.
class Fetcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Fetcher)

public:
    Fetcher(const LibraryPaths &paths, const FetchLimits &limits, QObject *parent = nullptr);
    ~Fetcher() override;

    void fetch(quint64 job, const QUrl &url);
    void cancel(quint64 job);

    /// Schemes that may be fetched, and that redirects may lead to.
    static bool isFetchableScheme(const QString &scheme);

Q_SIGNALS:
    /// Bytes so far; @p total is -1 while unknown. Rate-limited.
    void progress(quint64 job, qint64 received, qint64 total);
    void finished(quint64 job, const trove::FetchResult &result);

private:
    QThread m_thread;
    FetchWorker *m_worker = nullptr;
};

} // namespace trove

Q_DECLARE_METATYPE(trove::FetchResult)

// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/fetcher.h"
#include "ingest/private/bodyinflater.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace trove {

/// The half of Fetcher that lives on the network thread. Owns the
/// QNetworkAccessManager and every reply; nothing here is touched from
/// another thread.
class FetchWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FetchWorker)

public:
    FetchWorker(const LibraryPaths &paths, const FetchLimits &limits);
    ~FetchWorker() override;

public Q_SLOTS:
    void start(quint64 job, const QUrl &url, const trove::FetchHeaders &headers);
    void cancel(quint64 job);
    /// For downloads started from now on.
    void setLimits(const trove::FetchLimits &limits);
    /// Keeps a read download's file for a later download (see
    /// FetchStage::recycle()), or removes it when enough are kept or it is
    /// large.
    void recycle(const QString &path);
    /// Aborts what still runs and deletes the QNetworkAccessManager, whose
    /// destructor ends its network thread and with it every connection
    /// (an aborted reply's socket is closed by that thread later, not by
    /// abort()). The next download makes a new one.
    void closeConnections();
    void shutdown();

Q_SIGNALS:
    void progress(quint64 job, qint64 received, qint64 total);
    void finished(quint64 job, const trove::FetchResult &result);

private:
    struct Transfer {
        QNetworkReply *reply = nullptr;
        QFile file;
        QTimer stallTimer;
        QElapsedTimer sinceStart;
        QElapsedTimer sinceProgress;
        /// Progress signals: ten a second at most, none in the first 100 ms.
        QElapsedTimer sinceReport;
        FetchLimits limits; ///< the worker's when this download started
        QSet<QUrl> visited;
        QUrl referer;
        QByteArray userAgent;
        QByteArray cookie; ///< cleared for good once a hop may not have it
        QUrl cookieHome; ///< the URL asked for: the cookie's host and port
        QString abortReason;
        bool abortTransient = false; ///< a stall: worth another attempt
        bool abortDiskFull = false; ///< no room for it: the queue pauses
        qint64 declaredLength = -1;
        qint64 written = 0; ///< decoded bytes in the file
        int redirects = 0;
        /// Decodes a body the server compressed though asked not to.
        std::unique_ptr<BodyInflater> inflater;
    };

    void onMetaData(quint64 job);
    void onReadyRead(quint64 job);
    void issue(quint64 job, Transfer &t, const QUrl &url);
    QString refuseRedirect(const Transfer &t, const QUrl &target) const;
    void onFinished(quint64 job);
    void abortWith(quint64 job, const QString &reason, bool transient = false);
    /// Decodes (if the body is compressed) and writes @p size bytes of the
    /// body to the download's file, within its size limit. Empty, or why
    /// not, with @p diskFull set for a full disk.
    QString appendBody(Transfer &t, const char *data, qint64 size, bool *diskFull);
    void complete(quint64 job, FetchResult result);

    LibraryPaths m_paths;
    FetchLimits m_limits;
    QNetworkAccessManager *m_nam = nullptr;
    QHash<quint64, std::shared_ptr<Transfer>> m_transfers;
    /// Files of read downloads, truncated and written again by the next
    /// ones. A new file per download costs an inode, and removing it later
    /// leaves a recently freed one; on ext4 without a journal (common on
    /// VMs) every new inode then skips over those freed in the last five
    /// minutes, one by one: a 10,000-link paste spent 70 % of the fetcher
    /// thread's time in open().
    QStringList m_spare;
    static constexpr int kMaxSpare = 16;
    static constexpr qint64 kMaxSpareBytes = 4 * 1024 * 1024;
};

} // namespace trove

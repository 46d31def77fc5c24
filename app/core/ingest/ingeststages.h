// SPDX-License-Identifier: MIT
#pragma once

#include "base/platform.h"
#include "base/result.h"
#include "ingest/imageprocessor.h"
#include "ingest/ingesttypes.h"

#include <QFuture>
#include <QObject>
#include <QUrl>
#include <atomic>
#include <memory>

namespace trove {

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
    /// The last response's status; 0 when none came (connection errors).
    int httpStatus = 0;
    /// Worth another attempt later: a connection refused, reset or timed
    /// out, or HTTP 429 or 503. Every other error is final.
    bool transient = false;
    /// How long a 429 or 503 asked to wait (Retry-After), in ms; -1 if it
    /// did not say.
    qint64 retryAfterMs = -1;
    /// No room for it in the library (error says where and how much): the
    /// pipeline pauses and keeps the item queued rather than failing it.
    bool diskFull = false;

    bool ok() const { return error.isEmpty(); }
};

/// The download stage as IngestPipeline sees it: the seam that lets a test
/// drive the pipeline with a fake that finishes when it is told to. Fetcher
/// is the real one. Called on, and signals received in, the pipeline's
/// thread.
///
/// The contract the pipeline's bookkeeping rests on: every fetch() is
/// answered by exactly one finished() for its job, later (never from inside
/// fetch() or cancel()), also after cancel(): then with the error
/// "cancelled", or with the result if it was already on its way.
class FetchStage : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FetchStage)

public:
    using QObject::QObject;

    /// Starts downloading @p url for @p job, an id the caller never reuses,
    /// with @p headers (see FetchHeaders for where each may go).
    virtual void fetch(quint64 job, const QUrl &url, const FetchHeaders &headers) = 0;
    /// Asks @p job to stop; its finished() still follows.
    virtual void cancel(quint64 job) = 0;
    /// New limits (the window's settings changed) for downloads started
    /// from now on; those running keep theirs. Fakes may ignore them.
    virtual void setLimits(const FetchLimits &limits) { Q_UNUSED(limits) }
    /// Takes back a finished download's file once nothing reads it any
    /// more. The real fetcher writes a later download into it rather than
    /// into a new file; here it is removed.
    virtual void recycle(const QString &path) { removeFileLater(path); }
    /// Closes every connection to a server, idle ones too, and returns once
    /// they are closed; for a process about to stop (Ctrl+Z), after its
    /// downloads were cancelled. Fakes have none.
    virtual void closeConnections() { }

Q_SIGNALS:
    /// Bytes so far; @p total is -1 while unknown. Rate-limited.
    void progress(quint64 job, qint64 received, qint64 total);
    void finished(quint64 job, const trove::FetchResult &result);
};

/// The processing stage as IngestPipeline sees it: ImageProcessor::process
/// run off the calling thread. ProcessingPool is the real one (a dedicated
/// QThreadPool). Called on the pipeline's thread.
class ProcessStage {
    Q_DISABLE_COPY_MOVE(ProcessStage)

public:
    ProcessStage() = default;
    /// Drops jobs not started and waits for the running ones, which see
    /// their cancelled flag (set by the pipeline before) and stop early.
    virtual ~ProcessStage() = default;

    /// Processes @p request; the future always gets one result (an error
    /// "cancelled" once @p cancelled is set and the job notices).
    virtual QFuture<Result<ProcessedImage>> process(
        const ProcessRequest &request, std::shared_ptr<const std::atomic_bool> cancelled)
        = 0;
    /// Jobs the pipeline may have in flight at once: decoded pixels (the
    /// big memory) are bounded by what the stage can work on now.
    virtual int maxInFlight() const = 0;
};

} // namespace trove

Q_DECLARE_METATYPE(trove::FetchResult)

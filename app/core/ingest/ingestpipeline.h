// SPDX-License-Identifier: MIT
#pragma once

#include "base/idtable.h"
#include "ingest/ingestsource.h"
#include "ingest/ingeststages.h"
#include "ingest/ingesttypes.h"
#include "storage/librarypaths.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <atomic>
#include <deque>
#include <memory>
#include <vector>

namespace trove {

class AnswerQueue;
class CatalogWriter;
class HostLines;
struct CommitOutcome;

/// How much of the machine ingest may use.
struct PipelineOptions {
    FetchLimits fetch;
    ImageLimits image;
    int maxDownloads = 8; ///< transfers in flight
    /// Transfers in flight to one host (name, any port); the rest of that
    /// host's items wait in order while other hosts go on.
    int perHost = 4;
    /// Tries of one download before it fails, when the failure is transient
    /// (FetchResult::transient: connection errors, stalls, HTTP 429 or 503).
    int fetchAttempts = 3;
    /// Backoff before the second try; doubled for each further one, with
    /// +-50 % jitter. Used when a 429 or 503 has no Retry-After too.
    int retryBaseMs = 1000;
    /// The longest wait Trove honours: a Retry-After beyond it fails the item.
    int maxRetryWaitMs = 5 * 60'000;
    int processingThreads = 0; ///< 0: one per core

    /// Defaults, adjusted by TROVE_MAX_DOWNLOAD_BYTES, TROVE_STALL_TIMEOUT_MS,
    /// TROVE_TOTAL_TIMEOUT_MS, TROVE_MAX_PIXELS, TROVE_MAX_DOWNLOADS,
    /// TROVE_PER_HOST, TROVE_FETCH_ATTEMPTS and TROVE_RETRY_BASE_MS where
    /// set (tests and unusual machines; people rarely need them).
    static PipelineOptions fromEnvironment();
};

/// The stages IngestPipeline drives, handed to it to own. Tests pass fakes.
struct IngestStages {
    std::unique_ptr<FetchStage> fetch;
    std::unique_ptr<ProcessStage> process;

    /// The real ones: a Fetcher and a ProcessingPool, bounded by @p options.
    static IngestStages real(const LibraryPaths &paths, const PipelineOptions &options);
};

/// A request whose source was already checked (IngestSource::parse), off
/// the pipeline's thread: a folder walk or a dropped file. A failed check
/// becomes a failed item with its reason.
struct CheckedRequest {
    IngestRequest request;
    Result<IngestSource> source;
};

/// One item of the ingest queue as the pipeline sees it. A value.
struct IngestItem {
    quint64 id = 0; ///< stable for this process
    qint64 queueId = 0; ///< the persisted queue row, once written
    IngestRequest request;
    IngestState state = IngestState::Queued;
    qint64 received = 0;
    qint64 total = -1;
    QString error;
    /// Why an unfinished item waits, e.g. "retrying in 12 s (HTTP 429)".
    QString note;
    int attempts = 0; ///< downloads started for this item
    QString imageId;
    QString imageName;
    qint64 imageKey = 0;
    /// Failed because these bytes were removed from the library before;
    /// addAnyway() adds them all the same.
    bool removedBefore = false;
};

/// The ingest queue and its stages: URL or file -> FetchStage (Fetcher:
/// network thread) -> ProcessStage (ProcessingPool: a dedicated
/// QThreadPool) -> CatalogWriter (writer thread). Owns every item's state;
/// lives on, and only touches state from, the thread that created it, which
/// never waits: each stage answers with a signal or a future continuation.
class IngestPipeline final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestPipeline)

public:
    /// With the real stages (IngestStages::real).
    IngestPipeline(const LibraryPaths &paths, CatalogWriter *writer,
        const PipelineOptions &options = {}, QObject *parent = nullptr);
    /// With the given stages; @p options still bound downloads in flight,
    /// local files and images.
    IngestPipeline(const LibraryPaths &paths, CatalogWriter *writer, IngestStages stages,
        const PipelineOptions &options = {}, QObject *parent = nullptr);
    ~IngestPipeline() override;

    /// Adds items and answers their ids at once; sources that cannot be
    /// fetched (bad scheme, missing file) fail right away with the reason.
    QList<quint64> enqueue(const QList<IngestRequest> &requests);
    /// The same for sources already checked: touches no disk here. The
    /// folder walks @p walksEnded (FolderImport), whose last files these
    /// are, are forgotten in the transaction that queues them.
    QList<quint64> enqueueChecked(
        const std::vector<CheckedRequest> &requests, const QList<qint64> &walksEnded = {});
    /// Forgets folder walks whose files are all queued: after the queue rows
    /// asked for before, and not before those a full disk held back.
    void endWalks(const QList<qint64> &walkIds);
    CatalogWriter *writer() const { return m_writer; }
    /// Picks up unfinished items of processes that died (crash, kill).
    void resumeOrphans();
    /// Shows again, as finished items, the failed and cancelled rows of
    /// earlier runs (their reason kept), to be retried or cleared. The
    /// window does this; the command line does not.
    void restoreHistory();

    void cancel(quint64 id);
    /// Cancels every unfinished item at once (itemsChanged(), then
    /// itemFinished() for each).
    void cancelAll();
    void retry(quint64 id);
    /// Retries an item refused because its bytes were removed before, with
    /// force: the removal is forgotten and the image added.
    void addAnyway(quint64 id);
    /// Drops finished items from the queue (and their persisted rows).
    void clearFinished();
    /// The same for those of @p ids that are finished: one pass over the
    /// queue, however many.
    void clearFinished(const QSet<quint64> &ids);
    /// Lets go of finished items in memory only: their rows stay, the
    /// history a long-running server answers /status from (each item held
    /// its request and result for the life of the process).
    void forgetFinished();

    /// While paused no download (or local file) starts; running ones finish
    /// and are processed. Not persisted: a new pipeline starts unpaused.
    /// Unpausing after a full disk tries again: the items it held go first.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// Why the pipeline paused itself (a full disk: "no space left on ..."),
    /// empty when it runs or a person paused it.
    QString pauseReason() const { return m_pauseReason; }
    /// Paused for a full disk and nothing in flight any more: nothing
    /// happens until setPaused(false).
    bool isHalted() const { return !m_pauseReason.isEmpty() && inFlight() == 0; }
    /// Sends every running download back to the front of its host's line,
    /// queued, with no attempt spent: a paused queue then holds no
    /// connection open (Ctrl+Z on the command line). Returns how many. Their
    /// connections close once the fetcher has aborted them
    /// (downloadsRunning() falls to 0).
    int putBackDownloads();
    /// Downloads started and not yet answered (aborted ones until the
    /// fetcher says they ended).
    int downloadsRunning() const { return int(m_fetchJobs.size()); }
    /// Closes the fetcher's connections, idle ones too, and returns once
    /// they are closed (see FetchStage::closeConnections()); blocks.
    void closeConnections() { m_fetch->closeConnections(); }

    /// New limits (the window's settings changed): per-host and total
    /// downloads at once, download and image limits, retries. They apply to
    /// downloads and images started from now on; the processing pool keeps
    /// its threads.
    void setOptions(const PipelineOptions &options);
    const PipelineOptions &options() const { return m_options; }

    const IngestItem *item(quint64 id) const;
    QList<quint64> itemIds() const { return { m_order.cbegin(), m_order.cend() }; }
    /// Items not yet done, failed or cancelled. Constant time.
    int pendingCount() const { return m_pending; }
    /// Items in the queue, finished ones included.
    qsizetype itemCount() const { return qsizetype(m_order.size()); }
    /// Items whose queue row the writer has not written yet. A feed of many
    /// (a big paste) waits while these are many (queueWritten()): the writer
    /// answers every request that piled up during one of its commits at
    /// once, and 700 such answers took the GUI thread 85 ms in one turn.
    int unwrittenCount() const { return int(m_persisting.size()); }
    /// Whether item @p id's queue row is on its way to the catalog
    /// (itemsPersisted() follows).
    bool isPersisting(quint64 id) const { return m_persisting.contains(id); }

    /// Stops for good, without waiting: no download or processing starts
    /// any more and running jobs are told to stop. Unfinished items stay in
    /// the catalog's queue, as after a crash, for the next process that
    /// opens the library; an image already processed is still committed.
    /// quiet() follows once no processing job runs.
    void stop();
    bool isQuiet() const { return m_processing == 0; }
    /// Catalog queue rows of the items not finished yet.
    QList<qint64> unfinishedQueueIds() const;
    /// How many images may be downloading, or downloaded (or local) and
    /// waiting for a processing slot, before no further download starts:
    /// never fewer than the downloads allowed at once.
    int downloadedAhead() const;

Q_SIGNALS:
    /// Items @p first to @p last (consecutive ids, in queue order) were
    /// added, once per batch; those refused at once are already failed.
    void itemsAdded(quint64 first, quint64 last);
    /// State or progress changed. Progress is rate-limited by the fetcher.
    void itemChanged(quint64 id);
    void itemFinished(quint64 id);
    /// Many items changed at once (cancelAll): listeners look again.
    void itemsChanged();
    void itemsRemoved(const QList<quint64> &ids);
    /// The writer answered for these items' queue rows: each now has its
    /// queueId, or failed with the reason the catalog gave.
    void itemsPersisted(const QList<quint64> &ids);
    /// The writer wrote a batch of queue rows (see unwrittenCount()).
    void queueWritten();
    /// resumeOrphans() took over this many items (0 when there were none).
    void resumed(int count);
    /// Nothing left in flight.
    void idle();
    /// After stop(): no processing job runs any more.
    void quiet();
    void pausedChanged(bool paused);
    /// The disk (or the catalog) ran out of space: the pipeline paused
    /// itself, and the item that hit it waits in the queue (state Queued,
    /// a note) instead of failing, as do the others in flight that hit it.
    /// Once per pause; @p reason names the volume and the numbers.
    void diskFull(const QString &reason);
    /// After diskFull(): everything in flight has settled (again, after
    /// items added meanwhile were queued); the command line stops here,
    /// leaving the rest queued for `trove resume`.
    void halted();

private:
    void dropFinished(bool deleteRows, const QSet<quint64> *only = nullptr);
    struct Work {
        IngestSource source;
        QString downloadPath; ///< temp file of a finished download
        QString fileName;
        std::shared_ptr<std::atomic_bool> cancelled = std::make_shared<std::atomic_bool>(false);
        QString host; ///< scheduling key: lower-case host name; "" for files and data:
        quint64 fetchJob = 0; ///< this attempt's download, while it runs
        quint64 backoff = 0; ///< while waiting out a backoff: its ticket
        int attempts = 0;
        bool processing = false;
    };
    struct FetchJob {
        quint64 item = 0;
        QString host;
    };

    /// The item or work of @p id, or nullptr once it is gone.
    IngestItem *findItem(quint64 id) { return m_items.find(id); }
    const IngestItem *findItem(quint64 id) const { return m_items.find(id); }
    Work *findWork(quint64 id) { return m_work.find(id); }
    const Work *findWork(quint64 id) const { return m_work.find(id); }

    quint64 addItem(const IngestRequest &request, qint64 queueId);
    void refuse(quint64 id, const QString &error);
    /// itemsAdded() for the items added since @p first, then itemFinished()
    /// for those of them that were refused.
    void announce(quint64 first, const QList<quint64> &refused);
    void persist(const QList<quint64> &ids, const QList<qint64> &walksEnded = {});
    void queueFetch(quint64 id, bool first = false);
    bool waitsForFetch(quint64 id) const;
    void startFetch(quint64 id);
    bool retryLater(quint64 id, const QString &host, const FetchResult &result);
    int backoffMs(int attempt) const;
    void pump();
    void startWaitingProcessing();
    void startProcessing(quint64 id);
    void onFetchProgress(quint64 job, qint64 received, qint64 total);
    void onFetched(quint64 job, const FetchResult &result);
    void onProcessed(quint64 id, const Result<ProcessedImage> &result);
    void onCommitted(quint64 id, const Result<CommitOutcome> &result);
    /// Puts an item that ran out of space back at the front of its line
    /// and pauses: it is tried again, from the download, on resuming.
    void holdForSpace(quint64 id, const QString &reason);
    void pauseForSpace(const QString &reason);
    /// Downloads, processing jobs, commits and queue writes not answered yet.
    int inFlight() const;
    void finish(quint64 id, IngestState state, const QString &error = {});
    void setState(quint64 id, IngestState state);
    /// Every change of an item's state goes through here (keeps m_pending).
    void changeState(IngestItem &item, IngestState state);
    void cleanup(quint64 id);
    /// Gives back the memory of hashes a big batch left mostly empty, soon.
    void scheduleCompaction();

    LibraryPaths m_paths;
    CatalogWriter *m_writer;
    PipelineOptions m_options;
    std::unique_ptr<FetchStage> m_fetch;
    std::unique_ptr<ProcessStage> m_process;
    /// The stages' and the writer's answers (queue rows, processed images,
    /// commits), run in slices: one big commit batch answers thousands.
    AnswerQueue *m_answers;

    quint64 m_nextId = 1;
    quint64 m_nextFetchJob = 1;
    IdTable<IngestItem> m_items;
    IdTable<Work> m_work;
    /// Item ids in the order added: a deque, which grows by blocks (a list
    /// doubling at 100,000 items copied them all within one batch's turn).
    std::deque<quint64> m_order;
    QSet<quint64> m_persisting; ///< items whose queue row is being written
    HostLines *m_lines; ///< downloads waiting for their host
    quint64 m_nextBackoff = 1;
    std::deque<quint64> m_waitingProcess;
    /// Download job -> item and host, from fetch() until the stage's
    /// finished(): a job is never reused, so the late answer to a cancelled
    /// download is never taken for a retry's.
    QHash<quint64, FetchJob> m_fetchJobs;
    int m_processing = 0;
    int m_pending = 0; ///< items not finished
    bool m_stopped = false;
    bool m_paused = false;
    QString m_pauseReason; ///< set while paused for a full disk
    bool m_haltAnnounced = false; ///< halted() was emitted for this pause
    int m_committing = 0; ///< commits asked of the writer, not answered yet
    /// Items whose queue row could not be written (the catalog was full):
    /// written again on resuming.
    QList<quint64> m_unpersisted;
    /// Folder walks that end with those items: forgotten with them.
    QList<qint64> m_unpersistedWalks;
    bool m_compactionScheduled = false;
};

} // namespace trove

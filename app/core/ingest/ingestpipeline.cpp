// SPDX-License-Identifier: MIT
#include "ingest/ingestpipeline.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "catalog/catalogwriter.h"
#include "ingest/fetcher.h"
#include "ingest/private/hostlines.h"
#include "ingest/processingpool.h"
#include "ingest/rawimageingest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTimer>
#include <algorithm>
#include <climits>
#include <limits>

namespace trove {

namespace {

// A QSet keeps its spans after remove(), and m_persisting holds every item
// whose queue row is being written: all of a big `trove add` at once.
// Squeezed when at most an eighth is used, which costs O(size) once per
// halving: amortised O(1) per remove. (Items and their work are in
// IdTables, which give memory back as they go.)
bool isSparse(const QSet<quint64> &set)
{
    return set.capacity() > 1024 && set.size() < set.capacity() / 8;
}

/// Whether @p source is a temp file RawImageIngest wrote into this
/// library's tmp/ for bytes that came as bytes.
bool isOwnTempFile(const IngestSource &source, const LibraryPaths &paths)
{
    return source.isLocal()
        && QDir::cleanPath(QFileInfo(source.localPath).absolutePath())
        == QDir::cleanPath(QFileInfo(paths.tmpDir()).absoluteFilePath())
        && RawImageIngest::isRawImageSource(source.localPath);
}

} // namespace

PipelineOptions PipelineOptions::fromEnvironment()
{
    PipelineOptions o;
    auto read = [](const char *name, auto &target) {
        bool ok = false;
        const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
        if (ok && value > 0)
            target = static_cast<std::remove_reference_t<decltype(target)>>(value);
    };
    read("TROVE_MAX_DOWNLOAD_BYTES", o.fetch.maxBytes);
    read("TROVE_STALL_TIMEOUT_MS", o.fetch.stallTimeoutMs);
    read("TROVE_TOTAL_TIMEOUT_MS", o.fetch.totalTimeoutMs);
    read("TROVE_MAX_PIXELS", o.image.maxPixels);
    read("TROVE_MAX_DOWNLOADS", o.maxDownloads);
    read("TROVE_PER_HOST", o.perHost);
    read("TROVE_FETCH_ATTEMPTS", o.fetchAttempts);
    read("TROVE_RETRY_BASE_MS", o.retryBaseMs);
    return o;
}

IngestStages IngestStages::real(const LibraryPaths &paths, const PipelineOptions &options)
{
    return { std::make_unique<Fetcher>(paths, options.fetch),
        std::make_unique<ProcessingPool>(options.processingThreads) };
}

IngestPipeline::IngestPipeline(const LibraryPaths &paths, CatalogWriter *writer,
    const PipelineOptions &options, QObject *parent)
    : IngestPipeline(paths, writer, IngestStages::real(paths, options), options, parent)
{
}

IngestPipeline::IngestPipeline(const LibraryPaths &paths, CatalogWriter *writer,
    IngestStages stages, const PipelineOptions &options, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_writer(writer)
    , m_options(options)
    , m_fetch(std::move(stages.fetch))
    , m_process(std::move(stages.process))
    , m_answers(new AnswerQueue(this))
    , m_lines(new HostLines([this](quint64 id) { return waitsForFetch(id); }, this))
{
    Q_ASSERT(m_fetch && m_process);
    m_options.perHost = std::max(1, m_options.perHost);
    m_options.fetchAttempts = std::max(1, m_options.fetchAttempts);
    m_lines->setPerHost(m_options.perHost);
    connect(m_lines, &HostLines::released, this, &IngestPipeline::pump);
    connect(m_fetch.get(), &FetchStage::progress, this, &IngestPipeline::onFetchProgress);
    connect(m_fetch.get(), &FetchStage::finished, this, &IngestPipeline::onFetched);
}

IngestPipeline::~IngestPipeline()
{
    m_work.forEach([](quint64, Work &w) { w.cancelled->store(true); });
    m_process.reset(); // waits for running jobs: they may read the downloads
    m_work.forEach([](quint64, const Work &w) {
        if (!w.downloadPath.isEmpty())
            QFile::remove(w.downloadPath);
    });
}

quint64 IngestPipeline::addItem(const IngestRequest &request, qint64 queueId)
{
    const quint64 id = m_nextId++;
    IngestItem item;
    item.id = id;
    item.queueId = queueId;
    item.request = request;
    item.request.tags = normalizeTags(request.tags);
    item.request.name = normalizeName(request.name);
    m_items.insert(id, std::move(item));
    m_order.push_back(id);
    ++m_pending; // Queued
    return id; // itemsAdded() follows, once for the batch
}

// A source refused before the item ever started: failed as it is added,
// so that a paste of 10,000 refused links costs one itemsAdded() and no
// dataChanged() per row.
void IngestPipeline::refuse(quint64 id, const QString &error)
{
    IngestItem &item = m_items[id];
    changeState(item, IngestState::Failed);
    item.error = error;
}

void IngestPipeline::announce(quint64 first, const QList<quint64> &refused)
{
    if (first < m_nextId)
        Q_EMIT itemsAdded(first, m_nextId - 1);
    for (quint64 id : refused)
        Q_EMIT itemFinished(id);
}

QList<quint64> IngestPipeline::enqueue(const QList<IngestRequest> &requests)
{
    std::vector<CheckedRequest> checked;
    checked.reserve(requests.size());
    for (const IngestRequest &request : requests)
        checked.push_back({ request, IngestSource::parse(request.source) });
    return enqueueChecked(checked);
}

QList<quint64> IngestPipeline::enqueueChecked(
    const std::vector<CheckedRequest> &requests, const QList<qint64> &walksEnded)
{
    QList<quint64> ids;
    ids.reserve(qsizetype(requests.size()));
    QList<quint64> accepted;
    QList<quint64> refused;
    const quint64 first = m_nextId;
    for (const CheckedRequest &checked : requests) {
        const quint64 id = addItem(checked.request, 0);
        ids.append(id);
        if (!checked.source) {
            refuse(id, checked.source.error());
            refused.append(id);
            continue;
        }
        m_work.insert(id, Work { *checked.source });
        accepted.append(id);
    }
    announce(first, refused);
    if (accepted.isEmpty())
        endWalks(walksEnded);
    else
        persist(accepted, walksEnded);
    return ids;
}

void IngestPipeline::endWalks(const QList<qint64> &walkIds)
{
    if (walkIds.isEmpty())
        return;
    // Items a full disk kept out of the queue are still the walk's: it ends
    // when they are written (setPaused(false)), or a resume walks it again.
    if (!m_unpersisted.isEmpty()) {
        m_unpersistedWalks += walkIds;
        return;
    }
    (void)m_writer->endFolderWalks(walkIds);
}

// Work starts once the items are in the catalog's queue, so that a crash
// after this point finds them there. What happened to an item while its row
// was being written reaches the row too: else the next process to open the
// library would resume an item cancelled here.
void IngestPipeline::persist(const QList<quint64> &ids, const QList<qint64> &walksEnded)
{
    if (ids.isEmpty()) {
        endWalks(walksEnded);
        return;
    }
    // In flight again: once these rows are written, a paused pipeline says
    // halted() again (pump() would see it only if it ran meanwhile, and a
    // folder add on a full disk waited for ever with its walk held back).
    m_haltAnnounced = false;
    QList<IngestRequest> requests;
    for (quint64 id : ids) {
        IngestRequest request = m_items[id].request;
        // The row names a file by its whole path: "photos/a.jpg" as typed
        // means another file, or none, to a `trove resume` run elsewhere.
        if (const Work *work = findWork(id); work && !work->source.localPath.isEmpty())
            request.source = work->source.localPath;
        requests.append(std::move(request));
        m_persisting.insert(id);
    }
    m_answers->whenFinished(m_writer->enqueue(requests, walksEnded),
        [this, ids, walksEnded](const Result<QList<qint64>> &rows) {
            QList<qint64> cleared;
            for (int i = 0; i < ids.size(); ++i) {
                const quint64 id = ids[i];
                m_persisting.remove(id);
                IngestItem *item = findItem(id);
                if (!rows) {
                    if (!item || isFinished(item->state))
                        continue;
                    if (rows.errorKind() == Error::Kind::DiskFull)
                        m_unpersisted.append(id); // written again on resuming
                    else
                        finish(id, IngestState::Failed, rows.error());
                    continue;
                }
                const qint64 row = rows->value(i);
                if (!item) { // cancelled and cleared meanwhile
                    cleared.append(row);
                    continue;
                }
                item->queueId = row;
                if (isFinished(item->state)) // cancelled meanwhile
                    (void)m_writer->setQueueState(row, item->state, item->error);
                else
                    queueFetch(id);
            }
            if (!rows && rows.errorKind() == Error::Kind::DiskFull)
                m_unpersistedWalks += walksEnded; // ended with their items
            if (!cleared.isEmpty())
                (void)m_writer->deleteQueueItems(cleared);
            scheduleCompaction();
            if (!rows && rows.errorKind() == Error::Kind::DiskFull)
                pauseForSpace(rows.error());
            pump();
            Q_EMIT itemsPersisted(ids);
            Q_EMIT queueWritten();
        });
}

void IngestPipeline::restoreHistory()
{
    // The queue is history too: what failed or was cancelled in an earlier
    // run shows again, with its reason, to be retried or cleared.
    whenFinished(m_writer->claimQueueHistory(), this, [this](const Result<QList<QueueRow>> &rows) {
        if (!rows)
            return;
        const quint64 first = m_nextId;
        QList<quint64> finished;
        finished.reserve(rows->size());
        for (const QueueRow &row : *rows) {
            const quint64 id = addItem(row.request, row.id);
            IngestItem &item = m_items[id];
            changeState(item, row.state);
            item.error = row.error;
            finished.append(id);
        }
        announce(first, finished);
    });
}

void IngestPipeline::resumeOrphans()
{
    whenFinished(
        m_writer->claimOrphanedQueueItems(), this, [this](const Result<QList<QueueRow>> &rows) {
            if (!rows) {
                Q_EMIT resumed(0);
                return;
            }
            const quint64 first = m_nextId;
            QList<quint64> refused;
            for (const QueueRow &row : *rows) {
                const quint64 id = addItem(row.request, row.id);
                auto source = IngestSource::parse(row.request.source);
                if (!source) {
                    refuse(id, source.error());
                    (void)m_writer->setQueueState(row.id, IngestState::Failed, source.error());
                    refused.append(id);
                    continue;
                }
                m_work.insert(id, Work { *source });
                queueFetch(id);
            }
            announce(first, refused);
            Q_EMIT resumed(int(rows->size()));
            pump();
        });
}

QList<qint64> IngestPipeline::unfinishedQueueIds() const
{
    QList<qint64> ids;
    m_items.forEach([&ids](quint64, const IngestItem &item) {
        if (item.queueId > 0 && !isFinished(item.state))
            ids.append(item.queueId);
    });
    return ids;
}

void IngestPipeline::stop()
{
    m_stopped = true;
    m_work.forEach([](quint64, Work &w) { w.cancelled->store(true); });
    m_lines->clear();
    m_waitingProcess.clear();
    if (m_processing == 0)
        Q_EMIT quiet();
}

void IngestPipeline::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused) {
        m_pauseReason.clear();
        m_haltAnnounced = false;
    }
    Q_EMIT pausedChanged(paused);
    if (!paused && (!m_unpersisted.isEmpty() || !m_unpersistedWalks.isEmpty()))
        persist(std::exchange(m_unpersisted, {}), std::exchange(m_unpersistedWalks, {}));
    pump();
}

void IngestPipeline::setOptions(const PipelineOptions &options)
{
    // Threads of the processing pool are fixed for its life; the rest
    // applies to items that start from now on.
    const int threads = m_options.processingThreads;
    m_options = options;
    m_options.processingThreads = threads;
    m_options.perHost = std::max(1, m_options.perHost);
    m_options.fetchAttempts = std::max(1, m_options.fetchAttempts);
    m_options.maxDownloads = std::max(1, m_options.maxDownloads);
    m_fetch->setLimits(m_options.fetch);
    m_lines->setPerHost(m_options.perHost);
    pump();
}

void IngestPipeline::pauseForSpace(const QString &reason)
{
    const bool first = m_pauseReason.isEmpty();
    m_pauseReason = reason;
    if (!m_paused) {
        m_paused = true;
        Q_EMIT pausedChanged(true);
    }
    if (first)
        Q_EMIT diskFull(reason);
}

void IngestPipeline::holdForSpace(quint64 id, const QString &reason)
{
    IngestItem &item = m_items[id];
    item.note = tr("waiting for disk space");
    item.received = 0;
    item.total = -1;
    if (Work *work = findWork(id)) {
        work->fetchJob = 0;
        // Running out of room is not the source's fault: no attempt spent.
        work->attempts = std::max(0, work->attempts - 1);
        item.attempts = work->attempts;
        if (!work->downloadPath.isEmpty())
            removeFileLater(std::exchange(work->downloadPath, {}));
    }
    setState(id, IngestState::Queued);
    queueFetch(id, true);
    pauseForSpace(reason);
}

int IngestPipeline::putBackDownloads()
{
    QList<quint64> running;
    for (auto it = m_fetchJobs.cbegin(); it != m_fetchJobs.cend(); ++it) {
        const Work *work = findWork(it->item);
        const IngestItem *item = findItem(it->item);
        if (work && work->fetchJob == it.key() && item && item->state == IngestState::Downloading)
            running.append(it->item);
    }
    for (const quint64 id : std::as_const(running)) {
        Work &work = m_work[id];
        // Its answer, when the fetcher has aborted it, is then no longer
        // this item's (onFetched() drops it).
        m_fetch->cancel(std::exchange(work.fetchJob, 0));
        work.attempts = std::max(0, work.attempts - 1);
        IngestItem &item = m_items[id];
        item.attempts = work.attempts;
        item.received = 0;
        item.total = -1;
        item.note = tr("paused");
        setState(id, IngestState::Queued);
        queueFetch(id, true);
    }
    return int(running.size());
}

int IngestPipeline::inFlight() const
{
    return int(m_fetchJobs.size()) + m_processing + int(m_waitingProcess.size()) + m_committing
        + int(m_persisting.size());
}

// Puts @p id in its host's line: at the back, or at the front for an item
// that already had its turn and waits to try again.
void IngestPipeline::queueFetch(quint64 id, bool first)
{
    Work *work = findWork(id);
    if (!work)
        return;
    work->host = HostLines::keyFor(work->source);
    m_lines->add(work->host, id, first);
}

bool IngestPipeline::waitsForFetch(quint64 id) const
{
    const Work *work = findWork(id);
    if (!work || work->fetchJob != 0 || work->backoff != 0 || work->processing)
        return false;
    const IngestItem *item = findItem(id);
    return item && item->state == IngestState::Queued;
}

void IngestPipeline::startFetch(quint64 id)
{
    Work *work = findWork(id);
    if (work->source.isLocal()) {
        const QFileInfo info(work->source.localPath);
        // Known when the source was checked off this thread; else stat.
        const qint64 size = work->source.localSize >= 0 ? work->source.localSize : info.size();
        if (size > m_options.fetch.maxBytes) {
            finish(id, IngestState::Failed,
                tr("too large: %1 bytes, the limit is %2").arg(size).arg(m_options.fetch.maxBytes));
            return;
        }
        work->fileName = info.fileName();
        m_waitingProcess.push_back(id);
        setState(id, IngestState::Processing);
        return;
    }
    const quint64 job = m_nextFetchJob++;
    work->fetchJob = job;
    ++work->attempts;
    IngestItem &item = m_items[id];
    item.attempts = work->attempts;
    item.note.clear();
    m_fetchJobs.insert(job, FetchJob { id, work->host });
    m_lines->started(work->host);
    setState(id, IngestState::Downloading);
    m_fetch->fetch(job, work->source.url, item.request.headers);
}

// A bound on jobs in flight keeps decoded pixels (the big memory) to what
// the pool can work on now.
void IngestPipeline::startWaitingProcessing()
{
    const int maxProcessing = m_process->maxInFlight();
    while (m_processing < maxProcessing && !m_waitingProcess.empty()) {
        const quint64 id = m_waitingProcess.front();
        m_waitingProcess.pop_front();
        if (m_work.contains(id) && m_items[id].state == IngestState::Processing)
            startProcessing(id);
    }
}

// Downloads finish faster than images are processed when the links are
// many and the images small or the processing threads yield (SCHED_IDLE in
// the window): a 100,000-link paste downloaded far ahead, its temp files
// piling up, while the downloads' own CPU kept the processing threads
// waiting, and the window catalogued a fifth of the links at half the
// command line's rate. A few images ready per processing slot keep the
// pool busy all the same.
int IngestPipeline::downloadedAhead() const
{
    return std::max({ 8, 4 * m_process->maxInFlight(), m_options.maxDownloads });
}

void IngestPipeline::pump()
{
    if (m_stopped)
        return;
    startWaitingProcessing();
    // The oldest waiting item of any host that may start now: a host at
    // its limit or told to wait holds back only its own items. Nothing
    // starts while downloadedAhead() images wait for a processing slot or
    // are on their way.
    const int ahead = downloadedAhead();
    while (!m_paused && m_fetchJobs.size() < m_options.maxDownloads && m_lines->hasReady()
        && int(m_waitingProcess.size() + m_fetchJobs.size()) < ahead) {
        const quint64 id = m_lines->takeNext(nullptr);
        if (id == 0)
            break; // only items cancelled meanwhile were left
        startFetch(id);
    }
    startWaitingProcessing(); // local files just queued
    if (pendingCount() == 0)
        Q_EMIT idle();
    else if (!isHalted())
        m_haltAnnounced = false; // in flight again (items added while paused)
    else if (!m_haltAnnounced) {
        m_haltAnnounced = true;
        Q_EMIT halted();
    }
}

void IngestPipeline::onFetchProgress(quint64 job, qint64 received, qint64 total)
{
    const quint64 id = m_fetchJobs.value(job).item;
    Work *work = findWork(id);
    if (!work || work->fetchJob != job)
        return;
    IngestItem *it = findItem(id);
    if (!it || it->state != IngestState::Downloading)
        return;
    it->received = received;
    it->total = total;
    Q_EMIT itemChanged(id);
}

void IngestPipeline::onFetched(quint64 job, const FetchResult &result)
{
    const FetchJob fetchJob = m_fetchJobs.take(job);
    const quint64 id = fetchJob.item;
    m_lines->finished(fetchJob.host);
    if (m_stopped) {
        // Interrupted, not failed: the item stays unfinished in the queue.
        if (result.ok())
            removeFileLater(result.path);
        return;
    }
    Work *work = findWork(id);
    // Not this attempt's download (cancelled, perhaps retried since) or an
    // item no longer downloading.
    if (!work || work->fetchJob != job || m_items[id].state != IngestState::Downloading) {
        if (result.ok())
            removeFileLater(result.path);
        pump();
        return;
    }
    if (!result.ok() && result.diskFull) {
        holdForSpace(id, result.error);
    } else if (!result.ok()) {
        if (!retryLater(id, fetchJob.host, result)) {
            const bool busy = result.httpStatus == 429 || result.httpStatus == 503;
            QString reason = result.error;
            if (busy && result.retryAfterMs > m_options.maxRetryWaitMs)
                reason = tr("%1 (the server asks to wait %2 s, more than %3 s)")
                             .arg(reason)
                             .arg(result.retryAfterMs / 1000)
                             .arg(m_options.maxRetryWaitMs / 1000);
            else if (work->attempts > 1)
                reason = tr("%1 (after %2 attempts)").arg(reason).arg(work->attempts);
            finish(id, IngestState::Failed, reason);
        }
    } else {
        work->fetchJob = 0;
        work->downloadPath = result.path;
        work->fileName = work->source.fileName();
        if (work->fileName.isEmpty())
            work->fileName = result.fileName;
        m_items[id].received = result.bytes;
        m_items[id].total = result.bytes;
        m_waitingProcess.push_back(id);
        setState(id, IngestState::Processing);
    }
    pump();
}

int IngestPipeline::backoffMs(int attempt) const
{
    const qint64 base = qint64(m_options.retryBaseMs) << std::clamp(attempt - 1, 0, 16);
    const qint64 wait = std::min<qint64>(base, m_options.maxRetryWaitMs);
    // Full range +-50 %: many items that failed together do not come back
    // together.
    return int(wait / 2 + qint64(QRandomGenerator::global()->bounded(quint32(wait) + 1)));
}

// Sends a download that failed for now back to wait, if another attempt is
// left: a 429 or 503 holds its whole host for Retry-After (or a backoff),
// a connection error only this item, for an exponential backoff.
bool IngestPipeline::retryLater(quint64 id, const QString &key, const FetchResult &result)
{
    Work &work = m_work[id];
    if (!result.transient || work.attempts >= m_options.fetchAttempts)
        return false;
    const bool busy = result.httpStatus == 429 || result.httpStatus == 503;
    if (busy && result.retryAfterMs > m_options.maxRetryWaitMs)
        return false;
    const qint64 wait
        = busy && result.retryAfterMs >= 0 ? result.retryAfterMs : qint64(backoffMs(work.attempts));
    IngestItem &item = m_items[id];
    item.note = tr("retrying in %1 s (%2)")
                    .arg(std::max<qint64>(1, (wait + 999) / 1000))
                    .arg(busy ? tr("HTTP %1").arg(result.httpStatus) : result.error);
    item.received = 0;
    item.total = -1;
    work.fetchJob = 0;
    setState(id, IngestState::Queued);
    if (busy) {
        m_lines->holdFor(key, wait);
        queueFetch(id, true);
        return true;
    }
    const quint64 ticket = m_nextBackoff++;
    work.backoff = ticket;
    QTimer::singleShot(int(wait), Qt::PreciseTimer, this, [this, id, ticket] {
        Work *w = findWork(id);
        if (m_stopped || !w || w->backoff != ticket)
            return; // cancelled, or stopped, meanwhile
        w->backoff = 0;
        queueFetch(id, true);
        pump();
    });
    return true;
}

void IngestPipeline::startProcessing(quint64 id)
{
    Work &work = m_work[id];
    work.processing = true;
    ++m_processing;
    ProcessRequest request;
    request.dataPath = work.source.isLocal() ? work.source.localPath : work.downloadPath;
    request.originalName = work.fileName;
    request.tempBlobPath = m_paths.newTempFile(QStringLiteral(".gz"));
    request.limits = m_options.image;
    request.libraryRoot = m_paths.root();
    m_answers->whenFinished(m_process->process(request, work.cancelled),
        [this, id](const Result<ProcessedImage> &r) { onProcessed(id, r); });
}

void IngestPipeline::onProcessed(quint64 id, const Result<ProcessedImage> &result)
{
    --m_processing;
    const auto quietAfterStop = qScopeGuard([this] {
        if (m_stopped && m_processing == 0)
            Q_EMIT quiet();
    });
    Work *work = findWork(id);
    if (!work) {
        if (result)
            removeFileLater(result->tempBlobPath);
        pump();
        return;
    }
    work->processing = false;
    if (!work->downloadPath.isEmpty()) {
        m_fetch->recycle(work->downloadPath); // read: a later download may reuse it
        work->downloadPath.clear();
    }
    if (m_items[id].state != IngestState::Processing) {
        if (result)
            removeFileLater(result->tempBlobPath);
        cleanup(id);
    } else if (!result && m_stopped) {
        cleanup(id); // interrupted, not failed: stays unfinished in the queue
    } else if (!result && result.errorKind() == Error::Kind::DiskFull) {
        holdForSpace(id, result.error());
    } else if (!result) {
        finish(id, IngestState::Failed, result.error());
    } else {
        const IngestItem &item = m_items[id];
        NewImage image;
        image.name = item.request.name.isEmpty() ? normalizeName(work->source.defaultName())
                                                 : item.request.name;
        image.tags = item.request.tags;
        // Bytes that came as bytes (a paste, an API upload) have no source:
        // their temp file is gone once they are stored, and each upload of
        // the same bytes added another such dead file:// source.
        image.sourceUrl
            = isOwnTempFile(work->source, m_paths) ? QString() : work->source.sourceString();
        image.processed = *result;
        image.queueId = item.queueId;
        image.force = item.request.force;
        image.annotation = item.request.annotation;
        image.foundOn = item.request.headers.page();
        ++m_committing;
        m_answers->whenFinished(m_writer->commitImage(image),
            [this, id, tempBlob = result->tempBlobPath](const Result<CommitOutcome> &r) {
                --m_committing;
                // A blob never moved into place (no room for its folder).
                if (!r && r.errorKind() == Error::Kind::DiskFull)
                    removeFileLater(tempBlob);
                onCommitted(id, r);
            });
    }
    pump();
}

void IngestPipeline::onCommitted(quint64 id, const Result<CommitOutcome> &result)
{
    IngestItem *it = findItem(id);
    if (!it) {
        pump();
        return;
    }
    if (!result && result.errorKind() == Error::Kind::DiskFull && !isFinished(it->state)) {
        holdForSpace(id, result.error());
        pump();
        return;
    }
    if (!result) {
        it->removedBefore = result.errorKind() == Error::Kind::RemovedBefore;
        finish(id, IngestState::Failed, result.error());
        pump();
        return;
    }
    it->imageId = result->id;
    it->imageName = result->name;
    it->imageKey = result->key;
    // No download follows: the cookie and the rest leave memory now.
    it->request.headers = {};
    // The writer already recorded this final state with the image.
    changeState(*it, result->duplicate ? IngestState::Duplicate : IngestState::Done);
    cleanup(id);
    Q_EMIT itemChanged(id);
    Q_EMIT itemFinished(id);
    pump();
}

void IngestPipeline::setState(quint64 id, IngestState state)
{
    changeState(m_items[id], state);
    Q_EMIT itemChanged(id);
}

void IngestPipeline::finish(quint64 id, IngestState state, const QString &error)
{
    IngestItem &item = m_items[id];
    changeState(item, state);
    item.error = error;
    item.note.clear();
    if (item.queueId > 0)
        (void)m_writer->setQueueState(item.queueId, state, error);
    cleanup(id);
    Q_EMIT itemChanged(id);
    Q_EMIT itemFinished(id);
}

void IngestPipeline::cleanup(quint64 id)
{
    Work *work = findWork(id);
    if (!work)
        return;
    work->cancelled->store(true);
    // A job still on the pool cleans up after itself in onProcessed.
    if (work->processing)
        return;
    if (!work->downloadPath.isEmpty())
        removeFileLater(work->downloadPath);
    m_work.erase(id);
    scheduleCompaction();
}

void IngestPipeline::scheduleCompaction()
{
    if (m_compactionScheduled || !isSparse(m_persisting))
        return;
    m_compactionScheduled = true;
    // From the event loop, never under a caller holding an iterator.
    QTimer::singleShot(0, this, [this] {
        m_compactionScheduled = false;
        if (isSparse(m_persisting))
            m_persisting.squeeze();
    });
}

void IngestPipeline::cancel(quint64 id)
{
    IngestItem *it = findItem(id);
    if (!it || isFinished(it->state))
        return;
    const Work *work = findWork(id);
    if (it->state == IngestState::Downloading && work)
        m_fetch->cancel(work->fetchJob);
    finish(id, IngestState::Cancelled, tr("cancelled"));
    pump();
}

void IngestPipeline::cancelAll()
{
    // One pass and one writer request, not cancel() per item: Cancel All
    // on 100,000 queued links must not be 100,000 events.
    const QString reason = tr("cancelled");
    QList<quint64> ids;
    QList<qint64> rows;
    for (quint64 id : std::as_const(m_order)) {
        IngestItem &item = m_items[id];
        if (isFinished(item.state))
            continue;
        const Work *work = findWork(id);
        if (item.state == IngestState::Downloading && work)
            m_fetch->cancel(work->fetchJob);
        changeState(item, IngestState::Cancelled);
        item.error = reason;
        item.note.clear();
        if (item.queueId > 0)
            rows.append(item.queueId);
        cleanup(id);
        ids.append(id);
    }
    if (ids.isEmpty())
        return;
    if (!rows.isEmpty())
        (void)m_writer->setQueueStates(rows, IngestState::Cancelled, reason);
    Q_EMIT itemsChanged();
    for (quint64 id : std::as_const(ids))
        Q_EMIT itemFinished(id);
    pump();
}

void IngestPipeline::retry(quint64 id)
{
    IngestItem *it = findItem(id);
    if (!it || (it->state != IngestState::Failed && it->state != IngestState::Cancelled)
        || m_work.contains(id))
        return;
    auto source = IngestSource::parse(it->request.source);
    if (!source)
        return;
    it->error.clear();
    it->removedBefore = false;
    it->attempts = 0;
    it->received = 0;
    it->total = -1;
    m_work.insert(id, Work { *source });
    setState(id, IngestState::Queued);
    if (it->queueId > 0) {
        (void)m_writer->setQueueState(it->queueId, IngestState::Queued);
        queueFetch(id);
        pump();
    } else if (!m_persisting.contains(id)) {
        persist({ id });
    } // else the row on its way takes the item on, as if never cancelled
}

void IngestPipeline::addAnyway(quint64 id)
{
    IngestItem *it = findItem(id);
    if (!it || !it->removedBefore || it->state != IngestState::Failed)
        return;
    // Held in memory only: were this process to die before the commit, the
    // resumed row would be refused again and offer the button again.
    it->request.force = true;
    retry(id);
}

void IngestPipeline::clearFinished()
{
    dropFinished(true);
}

void IngestPipeline::clearFinished(const QSet<quint64> &ids)
{
    if (!ids.isEmpty())
        dropFinished(true, &ids);
}

void IngestPipeline::forgetFinished()
{
    dropFinished(false);
}

void IngestPipeline::dropFinished(bool deleteRows, const QSet<quint64> *only)
{
    QList<quint64> gone;
    QList<qint64> rows;
    for (quint64 id : std::as_const(m_order)) {
        if (only && !only->contains(id))
            continue;
        const IngestItem &item = m_items[id];
        if (!isFinished(item.state) || m_work.contains(id))
            continue;
        gone.append(id);
        if (item.queueId > 0)
            rows.append(item.queueId);
    }
    if (gone.isEmpty())
        return;
    // One pass, not removeOne() per item: clearing 100,000 rows stays linear.
    const QSet<quint64> goneSet(gone.cbegin(), gone.cend());
    for (quint64 id : gone)
        m_items.erase(id);
    std::erase_if(m_order, [&](quint64 id) { return goneSet.contains(id); });
    if (deleteRows && !rows.isEmpty())
        (void)m_writer->deleteQueueItems(rows);
    scheduleCompaction();
    Q_EMIT itemsRemoved(gone);
}

const IngestItem *IngestPipeline::item(quint64 id) const
{
    return findItem(id);
}

// Kept as items change state: pump() asks after every event, and a queue
// may hold 100,000 items.
void IngestPipeline::changeState(IngestItem &item, IngestState state)
{
    m_pending += int(!isFinished(state)) - int(!isFinished(item.state));
    item.state = state;
}

} // namespace trove

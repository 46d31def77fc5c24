// SPDX-License-Identifier: MIT
#include "ingest/folderimport.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "catalog/catalogwriter.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QThread>
#include <QtConcurrent>
#include <algorithm>

namespace trove {

namespace {

// How many batches a walk may have on their way to the pipeline.
constexpr int kCredits = 2;
// A walk through many files that are not images still says how far it got.
constexpr qint64 kProgressEveryMs = 200;

} // namespace

/// One start(): its cancel flag and its credits. Shared by the walking
/// thread and the owner.
struct FolderImport::Run {
    std::atomic_bool cancelled { false };
    QSemaphore credits { kCredits };
    bool resumed = false; ///< carries on walks of an earlier process
    QList<qint64> walks; ///< the owner's: remembered, not ended
};

FolderImport::FolderImport(IngestPipeline *pipeline, QObject *parent)
    : QObject(parent)
    , m_pipeline(pipeline)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("trove-folder-walk"));
    // Finished items free room: the waiting walk may go on.
    connect(m_pipeline, &IngestPipeline::itemFinished, this, [this] {
        if (!m_owed.empty())
            settle();
    });
    // The queue rows of dead processes are taken over first: a folder
    // walked again then leaves their files out.
    connect(m_pipeline, &IngestPipeline::resumed, this, &FolderImport::resumeWalks);
}

FolderImport::~FolderImport()
{
    // The walks are left for the next process: this one is closing.
    interrupt();
    m_pool.waitForDone();
}

void FolderImport::start(const QStringList &sources, const IngestRequest &options)
{
    std::vector<Source> list;
    list.reserve(size_t(sources.size()));
    for (const QString &source : sources)
        list.push_back({ source, options, 0, {} });
    startRun(std::move(list), false);
}

void FolderImport::startRun(std::vector<Source> sources, bool resumed)
{
    if (m_running == 0)
        m_totals = {};
    auto run = std::make_shared<Run>();
    run->resumed = resumed;
    for (const Source &source : sources) {
        if (source.walkId != 0) {
            run->walks.append(source.walkId);
            m_walks.insert(source.walkId, source.path);
        }
    }
    m_runs.push_back(run);
    ++m_running;
    // Waited for by the destructor (m_pool), not through the future.
    (void)QtConcurrent::run(
        &m_pool, [run, owner = this, sources = std::move(sources)] { walk(run, owner, sources); });
}

void FolderImport::resumeWalks()
{
    // Running while the catalog is asked (isRunning()): the command line
    // ends when nothing runs and nothing is pending.
    m_claiming = true;
    whenFinished(m_pipeline->writer()->claimOrphanedFolderWalks(), this,
        [this](const Result<QList<FolderWalkRow>> &walks) {
            m_claiming = false;
            QStringList folders;
            if (walks) {
                for (const FolderWalkRow &walk : *walks) {
                    folders.append(walk.request.source);
                    startRun({ { walk.request.source, walk.request, walk.id, walk.queued } }, true);
                }
            }
            Q_EMIT walksResumed(folders);
        });
}

void FolderImport::cancel()
{
    stopRuns(true);
}

void FolderImport::interrupt()
{
    stopRuns(false);
}

void FolderImport::stopRuns(bool forget)
{
    QList<qint64> forgotten;
    for (const auto &run : m_runs) {
        run->cancelled.store(true);
        run->credits.release(kCredits); // a walk waiting for room wakes up
        if (forget) {
            forgotten += run->walks;
            for (qint64 id : std::as_const(run->walks))
                m_walks.remove(id);
            run->walks.clear();
        }
    }
    // Batches not taken yet are dropped (take()), and their walks were
    // never remembered.
    if (!forgotten.isEmpty())
        (void)m_pipeline->writer()->endFolderWalks(forgotten);
    if (!m_runs.empty())
        m_totals.cancelled = true;
}

// On the walking thread. The owner outlives it: its destructor waits.
void FolderImport::walk(
    const std::shared_ptr<Run> &run, QObject *owner, std::vector<Source> sources)
{
    // Stats and sniffs files as fast as the disk cache answers: on a
    // normal priority it took a core from the GUI thread as the queue
    // opened at a 100,000-file paste (12 of a 17 ms gap spent waiting;
    // again 8.7-12.7 ms of three 16-24 ms gaps on 2026-12-05). Heavy work,
    // then: SCHED_IDLE in the window. It shares no lock with the GUI thread
    // that it could be preempted in: its credits are a QSemaphore (a futex,
    // no mutex, on Linux), its batches are posted, and the allocator is
    // mimalloc (base/platform.h).
    lowerCurrentThreadPriority(ThreadWork::Heavy);
    auto *self = static_cast<FolderImport *>(owner);
    Batch batch;
    QElapsedTimer sinceSent;
    sinceSent.start();

    auto post = [&](bool last) {
        Batch out = std::move(batch);
        batch = {};
        out.last = last;
        // The last batch always goes: it ends the run on the owner's side.
        if (!last) {
            run->credits.acquire();
            if (run->cancelled.load())
                return;
        }
        QMetaObject::invokeMethod(
            self, [self, run, out = std::move(out)]() mutable { self->take(run, std::move(out)); },
            Qt::QueuedConnection);
        sinceSent.restart();
    };
    auto postIfDue = [&] {
        const qsizetype size = qsizetype(batch.requests.size()) + batch.problems.size();
        if (size >= kBatchSize
            || ((size > 0 || batch.skipped > 0) && sinceSent.elapsed() >= kProgressEveryMs))
            post(false);
    };
    const Source *current = nullptr;
    auto request = [&](const QString &source) {
        IngestRequest r = current->options;
        r.source = source;
        return r;
    };
    // Tests only: a walk slow enough to be killed in its middle.
    static const int delayMs = qEnvironmentVariableIntValue("TROVE_WALK_DELAY_MS");

    FolderWalker::Visitor visitor;
    visitor.image = [&](const QString &path, qint64 size) {
        if (delayMs > 0)
            QThread::msleep(ulong(delayMs));
        // Queued by the process whose walk this carries on.
        if (current->queued.contains(path))
            return;
        batch.requests.push_back({ request(path), IngestSource::localFile(path, size) });
        ++batch.found;
    };
    visitor.skipped = [&](const QString &) { ++batch.skipped; };
    visitor.problem = [&](const WalkProblem &problem) { batch.problems.append(problem); };
    visitor.proceed = [&] {
        postIfDue();
        return !run->cancelled.load();
    };

    // Every folder is remembered before any file is queued, the folders
    // after the first too: a kill during the first leaves them all to walk.
    std::vector<Result<IngestSource>> checkedSources;
    checkedSources.reserve(sources.size());
    for (Source &source : sources) {
        auto checked = IngestSource::parse(source.path, IngestSource::Accept::FilesAndFolders);
        if (checked && checked->isFolder() && source.walkId == 0) {
            // Named here, before the writer answers: 63 random bits.
            source.walkId = qint64(QRandomGenerator::global()->generate64() >> 1) | 1;
            IngestRequest folder = source.options;
            folder.source = checked->localPath;
            batch.walksBegun.append({ source.walkId, folder });
        }
        checkedSources.push_back(std::move(checked));
    }
    if (!batch.walksBegun.isEmpty())
        post(false);

    for (size_t i = 0; i < sources.size(); ++i) {
        if (run->cancelled.load())
            break;
        current = &sources[i];
        const QString &source = current->path;
        auto &checked = checkedSources[i];
        if (checked && checked->isFolder()) {
            const FolderWalker::Counts counts = FolderWalker::walk(checked->localPath, visitor);
            // Silence would look like success. A folder that would not open
            // was reported already.
            if (counts.images == 0 && counts.folders > 0 && !counts.stopped)
                batch.problems.append({ source, tr("no images found in %1").arg(source),
                    WalkProblem::Kind::NoImages });
            // Its last files go with this batch, and the walk ends with them.
            if (!counts.stopped)
                batch.walksEnded.append(current->walkId);
        } else {
            // A file or a link, or why it is neither: the pipeline's item
            // shows it like any other.
            batch.requests.push_back({ request(source), std::move(checked) });
            ++batch.found;
        }
        postIfDue();
    }
    post(true);
}

void FolderImport::take(const std::shared_ptr<Run> &run, Batch batch)
{
    if (!run->cancelled.load()) {
        CatalogWriter *writer = m_pipeline->writer();
        for (const auto &[walkId, folder] : std::as_const(batch.walksBegun)) {
            (void)writer->beginFolderWalk(walkId, folder);
            run->walks.append(walkId);
            m_walks.insert(walkId, folder.source);
        }
        for (qint64 walkId : std::as_const(batch.walksEnded)) {
            run->walks.removeOne(walkId);
            m_walks.remove(walkId);
        }
        m_totals.found += batch.found;
        m_totals.skipped += batch.skipped;
        for (const WalkProblem &p : std::as_const(batch.problems)) {
            // An empty folder is no entry that could not be looked at.
            if (p.kind != WalkProblem::Kind::NoImages)
                ++m_totals.problems;
            Q_EMIT problem(p);
        }
        if (!batch.requests.empty()) {
            const QList<quint64> ids = m_pipeline->enqueueChecked(batch.requests, batch.walksEnded);
            m_totals.queued += ids.size();
            Q_EMIT queued(ids);
            if (run->resumed)
                Q_EMIT requeued(ids);
        } else {
            m_pipeline->endWalks(batch.walksEnded);
        }
        Q_EMIT progress(m_totals);
    }
    if (!batch.last) {
        m_owed.push_back(run);
        settle();
        return;
    }
    m_runs.erase(std::remove(m_runs.begin(), m_runs.end(), run), m_runs.end());
    if (--m_running == 0)
        Q_EMIT finished(m_totals);
}

void FolderImport::settle()
{
    while (!m_owed.empty() && m_pipeline->pendingCount() < kHighWater) {
        m_owed.front()->credits.release();
        m_owed.erase(m_owed.begin());
    }
}

} // namespace trove

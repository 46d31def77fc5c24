// SPDX-License-Identifier: MIT
#include "ingest/folderimport.h"

#include "base/platform.h"

#include <QElapsedTimer>
#include <QSemaphore>
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
}

FolderImport::~FolderImport()
{
    cancel();
    m_pool.waitForDone();
}

void FolderImport::start(const QStringList &sources, const IngestRequest &options)
{
    if (m_running == 0)
        m_totals = {};
    auto run = std::make_shared<Run>();
    m_runs.push_back(run);
    ++m_running;
    // Waited for by the destructor (m_pool), not through the future.
    (void)QtConcurrent::run(
        &m_pool, [run, owner = this, sources, options] { walk(run, owner, sources, options); });
}

void FolderImport::cancel()
{
    for (const auto &run : m_runs) {
        run->cancelled.store(true);
        run->credits.release(kCredits); // a walk waiting for room wakes up
    }
    if (!m_runs.empty())
        m_totals.cancelled = true;
}

// On the walking thread. The owner outlives it: its destructor waits.
void FolderImport::walk(const std::shared_ptr<Run> &run, QObject *owner, const QStringList &sources,
    const IngestRequest &options)
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
    auto request = [&](const QString &source) {
        IngestRequest r = options;
        r.source = source;
        return r;
    };

    FolderWalker::Visitor visitor;
    visitor.image = [&](const QString &path, qint64 size) {
        batch.requests.push_back({ request(path), IngestSource::localFile(path, size) });
        ++batch.found;
    };
    visitor.skipped = [&](const QString &) { ++batch.skipped; };
    visitor.problem = [&](const WalkProblem &problem) { batch.problems.append(problem); };
    visitor.proceed = [&] {
        postIfDue();
        return !run->cancelled.load();
    };

    for (const QString &source : sources) {
        if (run->cancelled.load())
            break;
        auto checked = IngestSource::parse(source, IngestSource::Accept::FilesAndFolders);
        if (checked && checked->isFolder()) {
            const FolderWalker::Counts counts = FolderWalker::walk(checked->localPath, visitor);
            // Silence would look like success. A folder that would not open
            // was reported already.
            if (counts.images == 0 && counts.folders > 0 && !counts.stopped)
                batch.problems.append({ source, tr("no images found in %1").arg(source),
                    WalkProblem::Kind::NoImages });
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
        m_totals.found += batch.found;
        m_totals.skipped += batch.skipped;
        for (const WalkProblem &p : std::as_const(batch.problems)) {
            // An empty folder is no entry that could not be looked at.
            if (p.kind != WalkProblem::Kind::NoImages)
                ++m_totals.problems;
            Q_EMIT problem(p);
        }
        if (!batch.requests.empty()) {
            const QList<quint64> ids = m_pipeline->enqueueChecked(batch.requests);
            m_totals.queued += ids.size();
            Q_EMIT queued(ids);
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

// SPDX-License-Identifier: MIT
// IngestPipeline alone, driven deterministically: fake fetch and process
// stages that finish only when a test tells them to (no network, no
// sleeps), a real CatalogWriter on a library in a temp folder. Covers the
// life of an item, cancel and retry at every stage, stop(), resuming a dead
// process's queue and clearing finished items.

#include "awaitfuture.h"
#include "catalog/catalogwriter.h"
#include "imagefactory.h"
#include "ingest/fetcher.h"
#include "ingest/folderimport.h"
#include "ingest/ingestpipeline.h"
#include "ingest/ingeststages.h"
#include "ingest/private/hostlines.h"
#include "models/ingestqueuemodel.h"
#include "resultcheck.h"
#include "storage/librarypaths.h"
#include "testfiles.h"
#include "testserver.h"
#include "timebounds.h"

#include <QDir>
#include <QElapsedTimer>
#include <QPromise>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <deque>
#include <memory>
#include <optional>

namespace trove {

/// Names in failure messages (QTest finds it by argument-dependent lookup).
char *toString(IngestState s)
{
    static const char *const names[]
        = { "Queued", "Downloading", "Processing", "Done", "Duplicate", "Failed", "Cancelled" };
    const int i = int(s);
    return qstrdup(i >= 0 && i < int(std::size(names)) ? names[i] : "?");
}

} // namespace trove

using namespace trove;
using trove::test::await;
using namespace trove::test;

namespace {

/// A process id that no process has (above any pid_max).
constexpr qint64 deadPid = 0x7FFFFFF0;

/// A FetchStage that downloads nothing: every job waits until the test
/// finishes it, as the real Fetcher's would, from a later event-loop turn.
class FakeFetch final : public FetchStage {
public:
    struct Job {
        quint64 job = 0;
        QUrl url;
        FetchHeaders headers;
        bool cancelRequested = false;
        bool done = false;
    };

    explicit FakeFetch(const LibraryPaths &paths)
        : m_paths(paths)
    {
    }

    void fetch(quint64 job, const QUrl &url, const FetchHeaders &headers) override
    {
        m_jobs.push_back({ job, url, headers });
    }
    void cancel(quint64 job) override
    {
        for (Job &j : m_jobs) {
            if (j.job == job && !j.done)
                j.cancelRequested = true;
        }
    }

    /// Jobs started and not finished yet, oldest first.
    QList<Job> running() const
    {
        QList<Job> out;
        for (const Job &j : m_jobs) {
            if (!j.done)
                out.append(j);
        }
        return out;
    }
    int startedFor(const QString &url) const
    {
        return int(std::count_if(
            m_jobs.cbegin(), m_jobs.cend(), [&](const Job &j) { return j.url == QUrl(url); }));
    }
    /// The oldest unfinished job for @p url.
    std::optional<Job> runningFor(const QString &url) const
    {
        for (const Job &j : m_jobs) {
            if (!j.done && j.url == QUrl(url))
                return j;
        }
        return std::nullopt;
    }

    void report(const QString &url, qint64 received, qint64 total)
    {
        const auto j = runningFor(url);
        QVERIFY2(j, qPrintable(url));
        Q_EMIT progress(j->job, received, total);
    }
    /// Finishes the oldest job for @p url with @p body in a temp file.
    void succeed(const QString &url, const QByteArray &body)
    {
        FetchResult r;
        r.path = m_paths.newTempFile(QStringLiteral(".part"));
        QVERIFY(writeFile(r.path, body));
        r.fileName = QUrl(url).fileName();
        r.finalUrl = QUrl(url);
        r.bytes = body.size();
        complete(url, r);
    }
    void fail(const QString &url, const QString &error) { complete(url, FetchResult { error }); }
    /// What the real Fetcher answers when the disk is full (a write failed,
    /// or the announced size cannot fit).
    void failDiskFull(const QString &url, const QString &reason)
    {
        FetchResult r { reason };
        r.diskFull = true;
        complete(url, r);
    }
    /// Finishes the oldest job for @p url with a transient failure: an HTTP
    /// @p status (429, 503) with @p retryAfterMs, or a connection error.
    void failTransiently(const QString &url, int status, qint64 retryAfterMs = -1)
    {
        FetchResult r;
        r.error
            = status ? QStringLiteral("HTTP %1").arg(status) : QStringLiteral("Connection refused");
        r.httpStatus = status;
        r.transient = true;
        r.retryAfterMs = retryAfterMs;
        complete(url, r);
    }
    /// What the real Fetcher answers a cancelled job with.
    void answerCancelled(const QString &url)
    {
        const auto j = runningFor(url);
        QVERIFY2(j && j->cancelRequested, qPrintable(url));
        complete(url, FetchResult { QStringLiteral("cancelled") });
    }

private:
    void complete(const QString &url, const FetchResult &result)
    {
        for (Job &j : m_jobs) {
            if (!j.done && j.url == QUrl(url)) {
                j.done = true;
                Q_EMIT finished(j.job, result);
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no download running for %1").arg(url)));
    }

    LibraryPaths m_paths;
    std::deque<Job> m_jobs;
};

/// A ProcessStage whose jobs wait until the test runs them; running one is
/// the real ImageProcessor::process, on the test's thread, so what reaches
/// the writer is a real blob.
class FakeProcess final : public ProcessStage {
public:
    struct Job {
        ProcessRequest request;
        std::shared_ptr<const std::atomic_bool> cancelled;
        QPromise<Result<ProcessedImage>> promise;
    };

    QFuture<Result<ProcessedImage>> process(
        const ProcessRequest &request, std::shared_ptr<const std::atomic_bool> cancelled) override
    {
        auto job = std::make_unique<Job>();
        job->request = request;
        job->cancelled = std::move(cancelled);
        job->promise.start();
        QFuture<Result<ProcessedImage>> future = job->promise.future();
        m_jobs.push_back(std::move(job));
        return future;
    }
    int maxInFlight() const override { return 2; }

    int pending() const { return int(m_jobs.size()); }
    /// The job processing @p name (the original file name), if any.
    Job *find(const QString &name) const
    {
        for (const auto &j : m_jobs) {
            if (j->request.originalName == name)
                return j.get();
        }
        return nullptr;
    }
    bool isCancelled(const QString &name) const
    {
        const Job *j = find(name);
        return j && j->cancelled->load();
    }
    /// Runs the job for @p name through the real processor and answers it.
    void run(const QString &name)
    {
        Job *j = find(name);
        QVERIFY2(j, qPrintable(name));
        answer(j, ImageProcessor::process(j->request, j->cancelled.get()));
    }
    void fail(const QString &name, const QString &error)
    {
        Job *j = find(name);
        QVERIFY2(j, qPrintable(name));
        answer(j, Error { error });
    }
    void failWith(const QString &name, const Error &error)
    {
        Job *j = find(name);
        QVERIFY2(j, qPrintable(name));
        answer(j, error);
    }

private:
    void answer(Job *j, const Result<ProcessedImage> &result)
    {
        j->promise.addResult(result);
        j->promise.finish();
        std::erase_if(m_jobs, [j](const auto &p) { return p.get() == j; });
    }

    std::deque<std::unique_ptr<Job>> m_jobs;
};

/// A raw connection to the catalog for what the pipeline's API does not
/// show: the persisted queue rows.
class QueueProbe {
public:
    explicit QueueProbe(const QString &file)
        : m_name(QStringLiteral("queue-probe-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        db.open();
    }
    ~QueueProbe() { QSqlDatabase::removeDatabase(m_name); }
    Q_DISABLE_COPY_MOVE(QueueProbe)

    struct Row {
        qint64 id = 0;
        int state = -1;
        qint64 ownerPid = 0;
    };
    QList<Row> rows()
    {
        QList<Row> out;
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(QStringLiteral("SELECT id, state, owner_pid FROM queue ORDER BY id")))
            return out;
        while (q.next())
            out.append({ q.value(QStringLiteral("id")).toLongLong(),
                q.value(QStringLiteral("state")).toInt(),
                q.value(QStringLiteral("owner_pid")).toLongLong() });
        return out;
    }
    /// The state of row @p id, -1 when there is none.
    int state(qint64 id)
    {
        for (const Row &r : rows()) {
            if (r.id == id)
                return r.state;
        }
        return -1;
    }
    int images()
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(QStringLiteral("SELECT COUNT(*) AS n FROM images")) && q.next()
            ? q.value(QStringLiteral("n")).toInt()
            : -1;
    }
    /// The first column of what @p sql selects.
    QStringList column(const QString &sql)
    {
        QStringList out;
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (q.exec(sql))
            while (q.next())
                out << q.value(0).toString();
        return out;
    }
    /// As if the process that owns every queue row had died.
    bool orphanAll()
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(QStringLiteral("UPDATE queue SET owner_pid = %1").arg(deadPid));
    }

private:
    inline static int s_counter = 0;
    QString m_name;
};

QString url(const QString &file)
{
    return QStringLiteral("http://images.test/") + file;
}

QByteArray png(quint32 seed)
{
    return ImageFactory::encode(ImageFactory::pattern(40, 30, seed), "png");
}

QList<int> ints(std::initializer_list<IngestState> states)
{
    QList<int> out;
    for (IngestState s : states)
        out.append(int(s));
    return out;
}

class TestIngestPipeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void ingestsToCommit_data();
    void ingestsToCommit();
    void reportsDownloadProgress();
    void saysWhenQueueRowsAreWritten();
    void cancel_data();
    void cancel();
    void retryAfterFailure_data();
    void retryAfterFailure();
    void cancelThenRetryInOneTurn();
    void cancelBeforeQueueRowSaved_data();
    void cancelBeforeQueueRowSaved();
    void cancelAndRetryBeforeQueueRowSaved();
    void stopWhileBusy();
    void resumesOrphans();
    void historySurvivesRestart();
    void clearFinished();
    void forgetFinishedKeepsTheRows();
    void folderWalkIsRememberedUntilItsLastBatch();
    void interruptedFolderWalkIsCarriedOn();
    void cancelledFolderWalkIsForgotten();

    // politeness: per-host limits, Retry-After, backoff, pause, headers
    void perHostLimitKeepsOtherHostsGoing();
    void busyHostWaitsOutRetryAfter();
    void retryAfterBeyondTheCapFails();
    void pauseHoldsNewDownloads();
    void pausedDownloadsGoBackToTheQueue();
    void downloadsWaitForProcessing();
    void diskFullPausesAndResumes_data();
    void diskFullPausesAndResumes();
    void passesTheFetchHeaders();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
    void honoursRetryAfterOverHttp_data();
    void honoursRetryAfterOverHttp();
    void perHostLimitOverHttp();
    void connectionRefusedIsRetriedThenFails();

    // HostLines alone: the per-host lines behind the politeness above
    void hostKeys_data();
    void hostKeys();
    void linesGoOldestFirstAcrossHosts();
    void hostAtItsLimitHoldsOnlyItsOwnItems();
    void localItemsHaveNoLimit();
    void raisingTheLimitLetsWaitingItemsGo();
    void itemsGoneMeanwhileAreSkipped();
    void heldHostIsReleasedAfterItsDelay();
    void retryGoesToTheFrontOfItsLine();
    void idleHostsAreForgotten();

private:
    /// A pipeline with the real Fetcher and ProcessingPool on the fixture's
    /// writer; its notes ("retrying in ...") are collected per item.
    std::unique_ptr<IngestPipeline> realPipeline(const PipelineOptions &options);
    QHash<quint64, QStringList> m_notes;
    void makePipeline(const PipelineOptions &options = {});
    IngestState stateOf(quint64 id) const { return m_pipeline->item(id)->state; }
    QList<int> statesSeen(quint64 id) const { return m_seen.value(id); }
    int finishedCount(quint64 id) const { return int(m_finished.count(id)); }
    /// Waits for the writer to answer everything asked so far, then for the
    /// answers to reach the pipeline.
    void settle();
    void doneFailedAndBusy(QList<quint64> &ids);
    void finishBusy(const QList<quint64> &ids);
    QStringList tmpFiles() const
    {
        return QDir(m_paths.tmpDir()).entryList(QDir::Files | QDir::NoDotAndDotDot);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    LibraryPaths m_paths;
    std::unique_ptr<CatalogWriter> m_writer;
    std::unique_ptr<IngestPipeline> m_pipeline;
    FakeFetch *m_fetch = nullptr;
    FakeProcess *m_process = nullptr;
    std::unique_ptr<QueueProbe> m_probe;
    QHash<quint64, QList<int>> m_seen; ///< states each item went through
    QList<quint64> m_finished; ///< itemFinished, in order
};

} // namespace

void TestIngestPipeline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestIngestPipeline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths = LibraryPaths(m_dir->path());
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    QVERIFY_OK(await(m_writer->open()));
    m_probe = std::make_unique<QueueProbe>(m_paths.catalogFile());
    m_seen.clear();
    m_finished.clear();
    m_notes.clear();
    makePipeline();
}

void TestIngestPipeline::makePipeline(const PipelineOptions &options)
{
    if (m_pipeline) {
        m_writer->flush();
        m_pipeline.reset();
    }
    auto fetch = std::make_unique<FakeFetch>(m_paths);
    auto process = std::make_unique<FakeProcess>();
    m_fetch = fetch.get();
    m_process = process.get();
    m_pipeline = std::make_unique<IngestPipeline>(
        m_paths, m_writer.get(), IngestStages { std::move(fetch), std::move(process) }, options);
    connect(m_pipeline.get(), &IngestPipeline::itemChanged, this, [this](quint64 id) {
        QList<int> &seen = m_seen[id];
        const int state = int(m_pipeline->item(id)->state);
        if (seen.isEmpty() || seen.constLast() != state)
            seen.append(state);
    });
    connect(
        m_pipeline.get(), &IngestPipeline::itemsAdded, this, [this](quint64 first, quint64 last) {
            for (quint64 id = first; id <= last; ++id)
                m_seen[id] = { int(m_pipeline->item(id)->state) };
        });
    connect(m_pipeline.get(), &IngestPipeline::itemFinished, this,
        [this](quint64 id) { m_finished.append(id); });
}

void TestIngestPipeline::cleanup()
{
    if (m_writer)
        m_writer->flush();
    m_pipeline.reset();
    m_fetch = nullptr;
    m_process = nullptr;
    m_probe.reset();
    m_writer.reset();
    m_dir.reset();
}

void TestIngestPipeline::settle()
{
    // A marker request queued behind everything else: once its answer is
    // back on this thread, so are the answers before it. Twice, for the
    // requests the pipeline makes while it handles those answers.
    for (int round = 0; round < 2; ++round) {
        bool answered = false;
        QObject context;
        m_writer->whenWritten().then(&context, [&answered] { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, test::kLivenessMs);
    }
}

// --- the life of an item ---------------------------------------------------

void TestIngestPipeline::ingestsToCommit_data()
{
    QTest::addColumn<bool>("local");
    QTest::addColumn<QList<int>>("states");
    QTest::newRow("url") << false
                         << ints({ IngestState::Queued, IngestState::Downloading,
                                IngestState::Processing, IngestState::Done });
    QTest::newRow("local file") << true
                                << ints({ IngestState::Queued, IngestState::Processing,
                                       IngestState::Done });
}

void TestIngestPipeline::ingestsToCommit()
{
    QFETCH(bool, local);
    QFETCH(QList<int>, states);

    const QString localFile = m_dir->filePath(QStringLiteral("cat.png"));
    QVERIFY(writeFile(localFile, png(1)));
    const QString source = local ? localFile : url(QStringLiteral("cat.png"));
    QSignalSpy idle(m_pipeline.get(), &IngestPipeline::idle);

    const QList<quint64> ids = m_pipeline->enqueue({ { source, QStringLiteral("Cat"),
        { QStringLiteral("pets"), QStringLiteral(" pets "), QStringLiteral("b") } } });
    QCOMPARE(ids.size(), 1);
    const quint64 id = ids.first();
    QCOMPARE(stateOf(id), IngestState::Queued);
    QCOMPARE(m_pipeline->pendingCount(), 1);
    QCOMPARE(m_pipeline->item(id)->request.tags,
        QStringList({ QStringLiteral("pets"), QStringLiteral("b") }));

    if (!local) {
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Downloading, test::kLivenessMs);
        QVERIFY(m_pipeline->item(id)->queueId > 0); // persisted before the work
        m_fetch->succeed(source, png(1));
    }
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Processing, test::kLivenessMs);
    QVERIFY(m_pipeline->item(id)->queueId > 0);
    QVERIFY(m_process->find(QStringLiteral("cat.png")));
    m_process->run(QStringLiteral("cat.png"));

    QTRY_COMPARE_WITH_TIMEOUT(m_finished, QList<quint64>({ id }), test::kLivenessMs);
    QCOMPARE(statesSeen(id), states);
    const IngestItem *item = m_pipeline->item(id);
    QCOMPARE(item->state, IngestState::Done);
    QVERIFY(item->error.isEmpty());
    QCOMPARE(item->imageName, QStringLiteral("Cat"));
    QVERIFY(!item->imageId.isEmpty());
    QVERIFY(item->imageKey > 0);
    QCOMPARE(m_pipeline->pendingCount(), 0);
    QVERIFY(idle.count() > 0);

    settle();
    QCOMPARE(m_probe->state(item->queueId), int(IngestState::Done));
    QCOMPARE(m_probe->images(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(
        tmpFiles(), QStringList(), test::kLivenessMs); // the download and the temp blob are gone
    QVERIFY(QFile::exists(localFile)); // a local source is never touched
    QCOMPARE(m_finished.size(), 1);
}

void TestIngestPipeline::reportsDownloadProgress()
{
    const QString source = url(QStringLiteral("big.png"));
    const quint64 id = m_pipeline->enqueue({ { source } }).first();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Downloading, test::kLivenessMs);
    QSignalSpy changed(m_pipeline.get(), &IngestPipeline::itemChanged);
    m_fetch->report(source, 10, 100);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_pipeline->item(id)->received, qint64(10));
    QCOMPARE(m_pipeline->item(id)->total, qint64(100));
    m_fetch->succeed(source, png(2));
    QCOMPARE(m_pipeline->item(id)->received, qint64(png(2).size()));
    QCOMPARE(m_pipeline->item(id)->total, qint64(png(2).size()));
    // Progress that is late (the download is over) changes nothing.
    Q_EMIT m_fetch->progress(0, 1, 1);
    m_process->run(QStringLiteral("big.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Done, test::kLivenessMs);
}

// The API answers an add with the queue row's id, as soon as that row is
// written: itemsPersisted() names the items once each has its row (or the
// reason it has none), a refused source never waits for it.
void TestIngestPipeline::saysWhenQueueRowsAreWritten()
{
    QSignalSpy persisted(m_pipeline.get(), &IngestPipeline::itemsPersisted);
    QList<qint64> rowsWhenSaid;
    connect(m_pipeline.get(), &IngestPipeline::itemsPersisted, this,
        [this, &rowsWhenSaid](const QList<quint64> &ids) {
            for (quint64 id : ids)
                rowsWhenSaid.append(m_pipeline->item(id)->queueId);
        });
    const QList<quint64> ids = m_pipeline->enqueue({ { url(QStringLiteral("a.png")) },
        { QStringLiteral("ftp://example.invalid/b.png") }, { url(QStringLiteral("c.png")) } });
    QCOMPARE(ids.size(), 3);
    QVERIFY(m_pipeline->isPersisting(ids[0]));
    QVERIFY(!m_pipeline->isPersisting(ids[1])); // refused at once
    QCOMPARE(stateOf(ids[1]), IngestState::Failed);
    QVERIFY(m_pipeline->isPersisting(ids[2]));
    QTRY_COMPARE_WITH_TIMEOUT(persisted.count(), 1, test::kLivenessMs);
    QCOMPARE(persisted.at(0).at(0).value<QList<quint64>>(), QList<quint64>({ ids[0], ids[2] }));
    QCOMPARE(rowsWhenSaid.size(), 2);
    QVERIFY(rowsWhenSaid[0] > 0);
    QVERIFY(rowsWhenSaid[1] > rowsWhenSaid[0]);
    QVERIFY(!m_pipeline->isPersisting(ids[0]));
    QVERIFY(!m_pipeline->isPersisting(ids[2]));
    QCOMPARE(m_pipeline->item(ids[1])->queueId, qint64(0));
}

// --- cancel and retry ------------------------------------------------------

void TestIngestPipeline::cancel_data()
{
    QTest::addColumn<int>("at");
    QTest::newRow("queued, row saved") << int(IngestState::Queued);
    QTest::newRow("downloading") << int(IngestState::Downloading);
    QTest::newRow("processing") << int(IngestState::Processing);
}

void TestIngestPipeline::cancel()
{
    QFETCH(int, at);
    // One download at a time: the second item waits in the queue.
    PipelineOptions options;
    options.maxDownloads = 1;
    makePipeline(options);

    const QString blocker = url(QStringLiteral("first.png"));
    const QString source = url(QStringLiteral("cat.png"));
    const QList<quint64> ids = m_pipeline->enqueue({ { blocker }, { source } });
    const quint64 id = ids.at(1);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(0)), IngestState::Downloading, test::kLivenessMs);
    if (at != int(IngestState::Queued)) {
        m_fetch->fail(blocker, QStringLiteral("HTTP 404"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Downloading, test::kLivenessMs);
    }
    if (at == int(IngestState::Processing)) {
        m_fetch->succeed(source, png(1));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Processing, test::kLivenessMs);
    }
    QVERIFY(m_pipeline->item(id)->queueId > 0);
    QCOMPARE(int(stateOf(id)), at);
    const int finishedBefore = m_finished.size();

    m_pipeline->cancel(id);
    QCOMPARE(stateOf(id), IngestState::Cancelled);
    QCOMPARE(m_pipeline->item(id)->error, QStringLiteral("cancelled"));
    QCOMPARE(m_finished.size(), finishedBefore + 1);
    QCOMPARE(m_finished.constLast(), id);

    // The stage hears of it, and its late answer changes nothing.
    if (at == int(IngestState::Downloading)) {
        QVERIFY(m_fetch->runningFor(source)->cancelRequested);
        m_fetch->answerCancelled(source);
    } else if (at == int(IngestState::Processing)) {
        QVERIFY(m_process->isCancelled(QStringLiteral("cat.png")));
        m_process->run(QStringLiteral("cat.png"));
    } else {
        m_fetch->fail(blocker, QStringLiteral("HTTP 404")); // frees the slot
    }
    settle();
    QCOMPARE(stateOf(id), IngestState::Cancelled);
    QCOMPARE(finishedCount(id), 1);
    QCOMPARE(m_fetch->startedFor(source), at == int(IngestState::Queued) ? 0 : 1);
    QCOMPARE(m_fetch->running().size(), 0);
    QCOMPARE(m_process->pending(), 0);
    QCOMPARE(m_pipeline->pendingCount(), 0);
    QCOMPARE(m_probe->state(m_pipeline->item(id)->queueId), int(IngestState::Cancelled));
    QCOMPARE(m_probe->images(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(tmpFiles(), QStringList(), test::kLivenessMs);
}

void TestIngestPipeline::retryAfterFailure_data()
{
    QTest::addColumn<QString>("failAt");
    QTest::addColumn<QString>("error");
    QTest::newRow("download") << "download"
                              << "HTTP 404";
    QTest::newRow("processing") << "processing"
                                << "not an image (text/html)";
    QTest::newRow("cancelled") << "cancel"
                               << "cancelled";
}

void TestIngestPipeline::retryAfterFailure()
{
    QFETCH(QString, failAt);
    QFETCH(QString, error);
    const QString source = url(QStringLiteral("cat.png"));
    const quint64 id = m_pipeline->enqueue({ { source } }).first();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Downloading, test::kLivenessMs);
    if (failAt == QLatin1String("download")) {
        m_fetch->fail(source, error);
    } else if (failAt == QLatin1String("processing")) {
        m_fetch->succeed(source, ImageFactory::html());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Processing, test::kLivenessMs);
        m_process->run(QStringLiteral("cat.png"));
    } else {
        m_pipeline->cancel(id);
        m_fetch->answerCancelled(source);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 1, test::kLivenessMs);
    QCOMPARE(stateOf(id),
        failAt == QLatin1String("cancel") ? IngestState::Cancelled : IngestState::Failed);
    QCOMPARE(m_pipeline->item(id)->error, error);
    const qint64 row = m_pipeline->item(id)->queueId;
    settle();
    QCOMPARE(m_probe->state(row), int(stateOf(id)));

    m_seen[id].clear();
    m_pipeline->retry(id);
    QCOMPARE(stateOf(id), IngestState::Downloading); // the row exists: straight on
    QVERIFY(m_pipeline->item(id)->error.isEmpty());
    QCOMPARE(m_pipeline->item(id)->queueId, row);
    QCOMPARE(m_fetch->startedFor(source), 2);
    m_fetch->succeed(source, png(1));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Processing, test::kLivenessMs);
    m_process->run(QStringLiteral("cat.png"));
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 2, test::kLivenessMs);
    QCOMPARE(stateOf(id), IngestState::Done);
    QCOMPARE(statesSeen(id),
        ints({ IngestState::Queued, IngestState::Downloading, IngestState::Processing,
            IngestState::Done }));
    settle();
    QCOMPARE(m_probe->rows().size(), 1);
    QCOMPARE(m_probe->state(row), int(IngestState::Done));
    QCOMPARE(m_probe->images(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(tmpFiles(), QStringList(), test::kLivenessMs);
}

// The fetcher answers a cancel later, like anything else: a retry made
// before that answer must not take it for its own download's.
void TestIngestPipeline::cancelThenRetryInOneTurn()
{
    const QString source = url(QStringLiteral("cat.png"));
    const quint64 id = m_pipeline->enqueue({ { source } }).first();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Downloading, test::kLivenessMs);

    m_pipeline->cancel(id);
    m_pipeline->retry(id);
    QCOMPARE(stateOf(id), IngestState::Downloading);
    QCOMPARE(m_fetch->startedFor(source), 2);

    m_fetch->answerCancelled(source); // the first download's late answer
    QCOMPARE(stateOf(id), IngestState::Downloading);
    QVERIFY(m_pipeline->item(id)->error.isEmpty());
    QCOMPARE(m_fetch->running().size(), 1);
    QVERIFY(!m_fetch->running().constFirst().cancelRequested);

    m_fetch->succeed(source, png(1)); // the second one's
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Processing, test::kLivenessMs);
    m_process->run(QStringLiteral("cat.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Done, test::kLivenessMs);
    QCOMPARE(m_finished, QList<quint64>({ id, id })); // cancelled, then done
    QCOMPARE(m_fetch->running().size(), 0);
    settle();
    QCOMPARE(m_probe->state(m_pipeline->item(id)->queueId), int(IngestState::Done));
    QCOMPARE(m_probe->images(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(tmpFiles(), QStringList(), test::kLivenessMs);
}

// --- stop, resume, clear ---------------------------------------------------

// enqueue() answers at once; the queue row is written by the writer
// thread later. What happens to the item in between must reach the row, or
// the next `trove resume` (the next process to open the library) brings a
// cancelled item back.
void TestIngestPipeline::cancelBeforeQueueRowSaved_data()
{
    QTest::addColumn<bool>("clear");
    QTest::newRow("cancel") << false;
    QTest::newRow("cancel, clear finished") << true;
}

void TestIngestPipeline::cancelBeforeQueueRowSaved()
{
    QFETCH(bool, clear);
    const QString source = url(QStringLiteral("cat.png"));
    QSignalSpy persisted(m_pipeline.get(), &IngestPipeline::itemsPersisted);
    const quint64 id = m_pipeline->enqueue({ { source } }).first();
    m_pipeline->cancel(id);
    QCOMPARE(stateOf(id), IngestState::Cancelled);
    QCOMPARE(m_pipeline->item(id)->queueId, qint64(0)); // not saved yet
    if (clear) {
        m_pipeline->clearFinished();
        QVERIFY(!m_pipeline->item(id));
    }
    // The row's answer comes through the pipeline's answer queue, which
    // may hand it on a turn after settle()'s markers (it did under ASan):
    // wait for it, then for the cancel it writes.
    QTRY_COMPARE_WITH_TIMEOUT(persisted.count(), 1, test::kLivenessMs);
    settle();
    QCOMPARE(m_fetch->startedFor(source), 0);

    // This process is gone; the next one resumes what it left.
    QVERIFY(m_probe->orphanAll());
    makePipeline();
    QSignalSpy resumed(m_pipeline.get(), &IngestPipeline::resumed);
    m_pipeline->resumeOrphans();
    QTRY_COMPARE_WITH_TIMEOUT(resumed.count(), 1, test::kLivenessMs);
    QCOMPARE(resumed.at(0).at(0).toInt(), 0);
    QCOMPARE(m_pipeline->itemIds().size(), 0);
    const auto rows = m_probe->rows();
    if (clear) {
        QCOMPARE(rows.size(), 0);
    } else {
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).state, int(IngestState::Cancelled));
    }
}

void TestIngestPipeline::cancelAndRetryBeforeQueueRowSaved()
{
    const QString source = url(QStringLiteral("cat.png"));
    const quint64 id = m_pipeline->enqueue({ { source } }).first();
    m_pipeline->cancel(id);
    m_pipeline->retry(id);
    QCOMPARE(stateOf(id), IngestState::Queued);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Downloading, test::kLivenessMs);
    m_fetch->succeed(source, png(1));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Processing, test::kLivenessMs);
    m_process->run(QStringLiteral("cat.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Done, test::kLivenessMs);
    settle();
    QCOMPARE(m_fetch->startedFor(source), 1);
    QCOMPARE(m_finished, QList<quint64>({ id, id })); // cancelled, then done
    const auto rows = m_probe->rows(); // one item, one row
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).id, m_pipeline->item(id)->queueId);
    QCOMPARE(rows.at(0).state, int(IngestState::Done));
}

void TestIngestPipeline::stopWhileBusy()
{
    // One download at a time: b is processed while a downloads and c waits.
    PipelineOptions options;
    options.maxDownloads = 1;
    makePipeline(options);
    const QString processing = url(QStringLiteral("b.png"));
    const QString downloading = url(QStringLiteral("a.png"));
    const QString waiting = url(QStringLiteral("c.png"));
    const QList<quint64> ids
        = m_pipeline->enqueue({ { processing }, { downloading }, { waiting } });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(0)), IngestState::Downloading, test::kLivenessMs);
    m_fetch->succeed(processing, png(2));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(0)), IngestState::Processing, test::kLivenessMs);
    QCOMPARE(stateOf(ids.at(1)), IngestState::Downloading);
    QCOMPARE(stateOf(ids.at(2)), IngestState::Queued);

    QSignalSpy quiet(m_pipeline.get(), &IngestPipeline::quiet);
    const int finishedBefore = m_finished.size();
    m_pipeline->stop();
    QCOMPARE(quiet.count(), 0); // a processing job still runs
    QVERIFY(!m_pipeline->isQuiet());
    QVERIFY(m_process->isCancelled(QStringLiteral("b.png")));

    m_process->run(QStringLiteral("b.png"));
    QTRY_COMPARE_WITH_TIMEOUT(quiet.count(), 1, test::kLivenessMs);
    QVERIFY(m_pipeline->isQuiet());
    m_fetch->succeed(downloading, png(1)); // too late: dropped
    settle();

    QCOMPARE(m_finished.size(), finishedBefore); // interrupted is not finished
    QCOMPARE(m_pipeline->pendingCount(), 3);
    QCOMPARE(m_fetch->startedFor(waiting), 0); // never started
    QCOMPARE(m_process->pending(), 0);
    QList<qint64> rows;
    for (quint64 id : ids)
        rows.append(m_pipeline->item(id)->queueId);
    QList<qint64> unfinished = m_pipeline->unfinishedQueueIds();
    std::sort(unfinished.begin(), unfinished.end());
    QCOMPARE(unfinished, rows);
    const auto persisted = m_probe->rows();
    QCOMPARE(persisted.size(), 3);
    for (const auto &row : persisted) {
        QVERIFY(row.state < int(IngestState::Done));
        QCOMPARE(row.ownerPid, QCoreApplication::applicationPid());
    }
    QCOMPARE(m_probe->images(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(tmpFiles(), QStringList(), test::kLivenessMs);
    QCOMPARE(quiet.count(), 1);
}

void TestIngestPipeline::historySurvivesRestart()
{
    // An earlier run left one row failed, one cancelled, one done, one
    // unfinished; then it was gone.
    auto ids = await(m_writer->enqueue(
        { { url(QStringLiteral("failed.png")) }, { url(QStringLiteral("cancelled.png")) },
            { url(QStringLiteral("done.png")) }, { url(QStringLiteral("unfinished.png")) } }));
    QVERIFY_OK(ids);
    QVERIFY_OK(await(
        m_writer->setQueueState(ids->at(0), IngestState::Failed, QStringLiteral("HTTP 404"))));
    QVERIFY_OK(await(m_writer->setQueueState(ids->at(1), IngestState::Cancelled)));
    QVERIFY_OK(await(m_writer->setQueueState(ids->at(2), IngestState::Done)));
    QVERIFY(m_probe->orphanAll());

    QSignalSpy finished(m_pipeline.get(), &IngestPipeline::itemFinished);
    m_pipeline->restoreHistory();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, test::kLivenessMs);
    const QList<quint64> items = m_pipeline->itemIds();
    QCOMPARE(items.size(), 2); // done rows are not history to act on; unfinished ones resume
    QCOMPARE(m_pipeline->item(items.at(0))->request.source, url(QStringLiteral("failed.png")));
    QCOMPARE(stateOf(items.at(0)), IngestState::Failed);
    QCOMPARE(m_pipeline->item(items.at(0))->error, QStringLiteral("HTTP 404"));
    QCOMPARE(stateOf(items.at(1)), IngestState::Cancelled);
    QCOMPARE(m_pipeline->pendingCount(), 0);

    // Taken over once; retry works as for an item of this run.
    m_pipeline->restoreHistory();
    settle();
    QCOMPARE(m_pipeline->itemIds().size(), 2);
    m_pipeline->retry(items.at(0));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_fetch->runningFor(url(QStringLiteral("failed.png"))), test::kLivenessMs);
    m_fetch->succeed(url(QStringLiteral("failed.png")), png(7));
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("failed.png")), test::kLivenessMs);
    m_process->run(QStringLiteral("failed.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(items.at(0)), IngestState::Done, test::kLivenessMs);
    settle();
    QCOMPARE(m_probe->state(ids->at(0)), int(IngestState::Done));
    // clearFinished forgets the history rows for good.
    m_pipeline->clearFinished();
    settle();
    QCOMPARE(m_probe->state(ids->at(0)), -1);
    QCOMPARE(m_probe->state(ids->at(1)), -1);
}

void TestIngestPipeline::resumesOrphans()
{
    // What a killed `trove add` leaves: queue rows of a process now dead.
    // The annotation and the Referer (the page it was found on, as it is
    // sent: no password, no fragment) are kept with the row; the other
    // headers (a cookie above all) never are.
    QVERIFY_OK(
        await(m_writer->enqueue({ { url(QStringLiteral("a.png")), QStringLiteral("A"), {}, false,
                                      { QStringLiteral("https://me:secret@pages.test/album#top"),
                                          "Browser/1.0", "session=abc" },
                                      QStringLiteral("a note") },
            { url(QStringLiteral("b.png")), {}, { QStringLiteral("t") } },
            { QStringLiteral("ftp://images.test/c.png") } })));
    QVERIFY(m_probe->orphanAll());

    QSignalSpy resumed(m_pipeline.get(), &IngestPipeline::resumed);
    m_pipeline->resumeOrphans();
    QTRY_COMPARE_WITH_TIMEOUT(resumed.count(), 1, test::kLivenessMs);
    QCOMPARE(resumed.at(0).at(0).toInt(), 3);
    const QList<quint64> ids = m_pipeline->itemIds();
    QCOMPARE(ids.size(), 3);
    QCOMPARE(m_pipeline->item(ids.at(0))->request.name, QStringLiteral("A"));
    QCOMPARE(m_pipeline->item(ids.at(0))->request.annotation, QStringLiteral("a note"));
    QVERIFY(m_pipeline->item(ids.at(0))->request.headers.cookie.isEmpty());
    QVERIFY(m_pipeline->item(ids.at(0))->request.headers.userAgent.isEmpty());
    QCOMPARE(m_pipeline->item(ids.at(0))->request.headers.referer,
        QStringLiteral("https://pages.test/album"));
    QVERIFY(m_pipeline->item(ids.at(1))->request.headers.referer.isEmpty());
    QCOMPARE(m_pipeline->item(ids.at(1))->request.tags, QStringList({ QStringLiteral("t") }));
    QCOMPARE(stateOf(ids.at(2)), IngestState::Failed); // refused at once, as when added
    for (const auto &row : m_probe->rows())
        QCOMPARE(row.ownerPid, QCoreApplication::applicationPid());

    // Claimed once: asking again (this or another pipeline) finds nothing.
    m_pipeline->resumeOrphans();
    QTRY_COMPARE_WITH_TIMEOUT(resumed.count(), 2, test::kLivenessMs);
    QCOMPARE(resumed.at(1).at(0).toInt(), 0);

    for (const QString &name : { QStringLiteral("a.png"), QStringLiteral("b.png") }) {
        QTRY_VERIFY_WITH_TIMEOUT(m_fetch->runningFor(url(name)), test::kLivenessMs);
        QVERIFY(m_fetch->runningFor(url(name))->headers.cookie.isEmpty());
        QVERIFY(m_fetch->runningFor(url(name))->headers.userAgent.isEmpty());
        m_fetch->succeed(url(name), png(name == QLatin1String("a.png") ? 1 : 2));
        QTRY_VERIFY_WITH_TIMEOUT(m_process->find(name), test::kLivenessMs);
        m_process->run(name);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_pipeline->pendingCount(), 0, test::kLivenessMs);
    settle();
    QList<quint64> finished = m_finished;
    std::sort(finished.begin(), finished.end());
    QCOMPARE(finished, ids); // each exactly once
    QCOMPARE(stateOf(ids.at(0)), IngestState::Done);
    QCOMPARE(stateOf(ids.at(1)), IngestState::Done);
    QCOMPARE(m_pipeline->item(ids.at(0))->imageName, QStringLiteral("A"));
    QCOMPARE(m_probe->images(), 2);
    const auto rows = m_probe->rows();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).state, int(IngestState::Done));
    QCOMPARE(rows.at(1).state, int(IngestState::Done));
    QCOMPARE(rows.at(2).state, int(IngestState::Failed));
    QCOMPARE(m_fetch->startedFor(url(QStringLiteral("a.png"))), 1);
    QCOMPARE(m_fetch->startedFor(url(QStringLiteral("b.png"))), 1);
}

// Three items: one done, one failed, one still downloading (busy.png).
void TestIngestPipeline::doneFailedAndBusy(QList<quint64> &ids)
{
    const QString done = url(QStringLiteral("done.png"));
    const QString failed = url(QStringLiteral("failed.png"));
    ids = m_pipeline->enqueue({ { done }, { failed }, { url(QStringLiteral("busy.png")) } });
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->running().size(), 3, test::kLivenessMs);
    m_fetch->succeed(done, png(1));
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("done.png")), test::kLivenessMs);
    m_process->run(QStringLiteral("done.png"));
    m_fetch->fail(failed, QStringLiteral("HTTP 404"));
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 2, test::kLivenessMs);
    settle();
}

// The third of doneFailedAndBusy() finishes, and is Done.
void TestIngestPipeline::finishBusy(const QList<quint64> &ids)
{
    m_fetch->succeed(url(QStringLiteral("busy.png")), png(3));
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("busy.png")), test::kLivenessMs);
    m_process->run(QStringLiteral("busy.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(2)), IngestState::Done, test::kLivenessMs);
}

void TestIngestPipeline::clearFinished()
{
    QList<quint64> ids;
    doneFailedAndBusy(ids);
    if (QTest::currentTestFailed())
        return;
    const qint64 busyRow = m_pipeline->item(ids.at(2))->queueId;

    QSignalSpy removed(m_pipeline.get(), &IngestPipeline::itemsRemoved);
    m_pipeline->clearFinished();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).value<QList<quint64>>(), ids.mid(0, 2));
    QCOMPARE(m_pipeline->itemIds(), ids.mid(2));
    QVERIFY(!m_pipeline->item(ids.at(0)));
    QVERIFY(m_pipeline->item(ids.at(2)));
    settle();
    const auto rows = m_probe->rows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).id, busyRow);
    QCOMPARE(m_probe->images(), 1); // the image stays, only the queue row goes

    m_pipeline->clearFinished(); // nothing more to clear
    QCOMPARE(removed.count(), 1);
    finishBusy(ids);
}

// A server lets go of finished items now and then; their rows stay, and
// /status reads them from the catalog.
void TestIngestPipeline::forgetFinishedKeepsTheRows()
{
    QList<quint64> ids;
    doneFailedAndBusy(ids);
    if (QTest::currentTestFailed())
        return;

    QSignalSpy removed(m_pipeline.get(), &IngestPipeline::itemsRemoved);
    m_pipeline->forgetFinished();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(m_pipeline->itemIds(), ids.mid(2));
    QVERIFY(!m_pipeline->item(ids.at(0)));
    QVERIFY(!m_pipeline->item(ids.at(1)));
    settle();
    const auto rows = m_probe->rows();
    QCOMPARE(rows.size(), 3);
    QCOMPARE(m_probe->images(), 1);
    finishBusy(ids);
}

// --- politeness ------------------------------------------------------------

namespace {

int runningOn(const FakeFetch &fetch, const QString &host)
{
    int n = 0;
    for (const FakeFetch::Job &j : fetch.running())
        n += j.url.host() == host;
    return n;
}

} // namespace

std::unique_ptr<IngestPipeline> TestIngestPipeline::realPipeline(const PipelineOptions &options)
{
    auto pipeline = std::make_unique<IngestPipeline>(m_paths, m_writer.get(), options);
    IngestPipeline *p = pipeline.get();
    // Each wait once: a note is new when the item had none just before.
    auto last = std::make_shared<QHash<quint64, QString>>();
    connect(p, &IngestPipeline::itemChanged, this, [this, p, last](quint64 id) {
        const QString note = p->item(id)->note;
        if (!note.isEmpty() && last->value(id).isEmpty())
            m_notes[id].append(note);
        last->insert(id, note);
    });
    return pipeline;
}

// Two per host: the third link of a waits for a slot of its own host while
// b's links go ahead (no head-of-line blocking across hosts), in order.
// A folder is remembered before the first batch of its files is queued and
// forgotten in the transaction that queues its last, so that a process
// killed in between leaves it for `trove resume` (tests/crash kills one).
void TestIngestPipeline::folderWalkIsRememberedUntilItsLastBatch()
{
    // The walk is held where it waits for the pipeline (the fake processing
    // finishes nothing), then let go.
    const int files = FolderImport::kHighWater + 3 * FolderImport::kBatchSize;
    const QString folder = m_dir->filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(folder));
    const QByteArray bytes = png(1);
    for (int i = 0; i < files; ++i)
        QVERIFY(writeFile(QStringLiteral("%1/p%2.png").arg(folder).arg(i), bytes));

    FolderImport import(m_pipeline.get());
    // Each time queue rows are committed: walks remembered, rows written.
    QList<QPair<int, int>> seen;
    connect(m_pipeline.get(), &IngestPipeline::itemsPersisted, &import, [&] {
        seen.append({ int(m_probe->column(QStringLiteral("SELECT id FROM folder_walks")).size()),
            int(m_probe->column(QStringLiteral("SELECT id FROM queue")).size()) });
    });
    QSignalSpy finished(&import, &FolderImport::finished);
    import.start({ folder }, { {}, QStringLiteral("holiday"), { QStringLiteral("beach") } });
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pipeline->pendingCount() >= FolderImport::kHighWater, test::kLivenessMs);
    settle();
    // Mid-walk: remembered, with the add's options.
    const int queued = int(m_probe->column(QStringLiteral("SELECT id FROM queue")).size());
    QVERIFY2(
        queued >= FolderImport::kHighWater && queued < files, qPrintable(QString::number(queued)));
    QCOMPARE(m_probe->column(QStringLiteral("SELECT root || '|' || name || '|' || tags FROM "
                                            "folder_walks")),
        QStringList { folder + QStringLiteral("|holiday|beach") });

    m_pipeline->cancelAll(); // room: the walk goes on to its end
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, test::kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_pipeline->unwrittenCount(), 0, test::kLivenessMs);
    settle();
    // Remembered whenever a file was not queued yet (the writer may have
    // committed later batches by the time an earlier one is answered)...
    QVERIFY(!seen.isEmpty());
    for (const auto &[walks, rows] : std::as_const(seen))
        QVERIFY2(
            walks == 1 || rows == files, qPrintable(QStringLiteral("%1 %2").arg(walks).arg(rows)));
    // ...and gone with the last (with its rows, or after them when the
    // walk ended on a batch's boundary: here, 1,600 files).
    QCOMPARE(seen.last().second, files);
    QVERIFY(m_probe->column(QStringLiteral("SELECT id FROM folder_walks")).isEmpty());
    QVERIFY(import.unfinishedWalks().isEmpty());
    QCOMPARE(m_probe->column(QStringLiteral("SELECT source FROM queue")).size(), files);
}

// A walk left by a dead process is walked again with its add's options;
// files its queue rows hold are not queued twice.
void TestIngestPipeline::interruptedFolderWalkIsCarriedOn()
{
    const QString folder = m_dir->filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(folder));
    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        paths << QStringLiteral("%1/p%2.png").arg(folder).arg(i);
        QVERIFY(writeFile(paths.last(), png(quint32(i + 1))));
    }
    // What a killed add left: its walk, and three of its files queued.
    IngestRequest walk { folder, QStringLiteral("holiday"), { QStringLiteral("beach") } };
    QVERIFY_OK(await(m_writer->beginFolderWalk(42, walk)));
    QList<IngestRequest> queued;
    for (int i = 0; i < 3; ++i)
        queued.append({ paths.at(i), walk.name, walk.tags });
    QVERIFY_OK(await(m_writer->enqueue(queued)));
    QVERIFY(m_probe->orphanAll());
    QVERIFY(m_probe->column(
                QStringLiteral("UPDATE folder_walks SET owner_pid = %1 RETURNING id").arg(deadPid))
        == QStringList { QStringLiteral("42") });

    FolderImport import(m_pipeline.get());
    QSignalSpy resumedWalks(&import, &FolderImport::walksResumed);
    QSignalSpy requeued(&import, &FolderImport::requeued);
    QSignalSpy finished(&import, &FolderImport::finished);
    m_pipeline->resumeOrphans();
    QTRY_COMPARE_WITH_TIMEOUT(resumedWalks.count(), 1, test::kLivenessMs);
    QCOMPARE(resumedWalks.first().first().toStringList(), QStringList { folder });
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, test::kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_pipeline->unwrittenCount(), 0, test::kLivenessMs);
    settle();

    QList<quint64> again;
    for (const QList<QVariant> &args : std::as_const(requeued))
        again += args.first().value<QList<quint64>>();
    QCOMPARE(again.size(), 7);
    for (quint64 id : std::as_const(again)) {
        QCOMPARE(m_pipeline->item(id)->request.name, QStringLiteral("holiday"));
        QCOMPARE(m_pipeline->item(id)->request.tags, QStringList { QStringLiteral("beach") });
    }
    QStringList sources = m_probe->column(QStringLiteral("SELECT source FROM queue"));
    sources.sort();
    QCOMPARE(sources, paths); // each once
    QVERIFY(m_probe->column(QStringLiteral("SELECT id FROM folder_walks")).isEmpty());

    // Nothing is left to carry on.
    FolderImport next(m_pipeline.get());
    QSignalSpy none(&next, &FolderImport::walksResumed);
    m_pipeline->resumeOrphans();
    QTRY_COMPARE_WITH_TIMEOUT(none.count(), 1, test::kLivenessMs);
    QVERIFY(none.first().first().toStringList().isEmpty());
}

// Cancelled by a person: not walked again. Interrupted (a full disk, the
// window closing): kept for the next process. The walk is held where it
// waits for the pipeline (FolderImport::kHighWater items unfinished: the
// fake processing finishes none).
void TestIngestPipeline::cancelledFolderWalkIsForgotten()
{
    const QString folder = m_dir->filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(folder));
    const QByteArray bytes = png(1);
    for (int i = 0; i < FolderImport::kHighWater + 3 * FolderImport::kBatchSize; ++i)
        QVERIFY(writeFile(QStringLiteral("%1/p%2.png").arg(folder).arg(i), bytes));
    for (const bool cancel : { false, true }) {
        makePipeline();
        FolderImport import(m_pipeline.get());
        QSignalSpy finished(&import, &FolderImport::finished);
        import.start({ folder }, {});
        QTRY_VERIFY_WITH_TIMEOUT(
            m_pipeline->pendingCount() >= FolderImport::kHighWater, test::kLivenessMs);
        settle();
        QCOMPARE(import.unfinishedWalks().values(), QStringList { folder });
        QCOMPARE(m_probe->column(QStringLiteral("SELECT root FROM folder_walks")),
            QStringList { folder });
        if (cancel)
            import.cancel();
        else
            import.interrupt();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, test::kLivenessMs);
        settle();
        QCOMPARE(m_probe->column(QStringLiteral("SELECT root FROM folder_walks")),
            cancel ? QStringList() : QStringList { folder });
        QCOMPARE(import.unfinishedWalks().isEmpty(), cancel);
        QVERIFY_OK(await(m_writer->endFolderWalks(import.unfinishedWalks().keys())));
    }
}

void TestIngestPipeline::perHostLimitKeepsOtherHostsGoing()
{
    PipelineOptions options;
    options.perHost = 2;
    makePipeline(options);
    QList<IngestRequest> requests;
    for (int i = 1; i <= 5; ++i)
        requests.append({ QStringLiteral("http://a.test/%1.png").arg(i) });
    requests.append({ QStringLiteral("http://b.test/1.png") });
    requests.append({ QStringLiteral("http://B.test/2.png") }); // the same host
    const QList<quint64> ids = m_pipeline->enqueue(requests);
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->running().size(), 4, test::kLivenessMs);
    settle();
    QCOMPARE(m_fetch->running().size(), 4);
    QCOMPARE(runningOn(*m_fetch, QStringLiteral("a.test")), 2);
    QCOMPARE(runningOn(*m_fetch, QStringLiteral("b.test")), 2);
    QCOMPARE(stateOf(ids.at(0)), IngestState::Downloading);
    QCOMPARE(stateOf(ids.at(1)), IngestState::Downloading);
    QCOMPARE(stateOf(ids.at(2)), IngestState::Queued);

    // A finished download frees its host's slot for that host's next link.
    m_fetch->succeed(QStringLiteral("http://a.test/1.png"), png(1));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(2)), IngestState::Downloading, test::kLivenessMs);
    QCOMPARE(runningOn(*m_fetch, QStringLiteral("a.test")), 2);
    QCOMPARE(stateOf(ids.at(3)), IngestState::Queued);
    m_pipeline->cancel(ids.at(3)); // a cancelled waiting link is skipped
    m_fetch->fail(QStringLiteral("http://a.test/2.png"), QStringLiteral("HTTP 404"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(4)), IngestState::Downloading, test::kLivenessMs);
    QCOMPARE(m_fetch->startedFor(QStringLiteral("http://a.test/4.png")), 0);
    QCOMPARE(runningOn(*m_fetch, QStringLiteral("a.test")), 2);
}

// A 429 holds its whole host for Retry-After: the row says so, nothing more
// goes to that host meanwhile, other hosts go on, then the item goes first.
void TestIngestPipeline::busyHostWaitsOutRetryAfter()
{
    const QString busy = QStringLiteral("http://a.test/busy.png");
    const QString next = QStringLiteral("http://a.test/next.png");
    const QString other = QStringLiteral("http://b.test/other.png");
    const quint64 id = m_pipeline->enqueue({ { busy } }).first();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Downloading, test::kLivenessMs);
    QElapsedTimer sinceAnswer;
    sinceAnswer.start();
    m_fetch->failTransiently(busy, 429, 1500);
    QCOMPARE(stateOf(id), IngestState::Queued);
    QCOMPARE(m_pipeline->item(id)->note, QStringLiteral("retrying in 2 s (HTTP 429)"));
    QVERIFY(m_pipeline->item(id)->error.isEmpty());
    const IngestQueueModel model(m_pipeline.get());
    QCOMPARE(model.index(0).data(IngestQueueModel::StateTextRole).toString(),
        QStringLiteral("retrying in 2 s (HTTP 429)"));
    QCOMPARE(model.index(0).data(IngestQueueModel::NoteRole).toString(),
        QStringLiteral("retrying in 2 s (HTTP 429)"));
    QCOMPARE(m_pipeline->pendingCount(), 1);

    const QList<quint64> later = m_pipeline->enqueue({ { next }, { other } });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(later.at(1)), IngestState::Downloading, test::kLivenessMs);
    settle();
    if (sinceAnswer.elapsed() < 1500) { // else too slow a machine to tell
        QCOMPARE(m_fetch->startedFor(busy), 1);
        QCOMPARE(m_fetch->startedFor(next), 0);
    }

    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->startedFor(busy), 2, test::kLivenessMs);
    QVERIFY2(sinceAnswer.elapsed() >= 1500, qPrintable(QString::number(sinceAnswer.elapsed())));
    QCOMPARE(m_pipeline->item(id)->attempts, 2);
    QVERIFY(m_pipeline->item(id)->note.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->startedFor(next), 1, test::kLivenessMs);
    // The row the item waited in led the host's line.
    QVERIFY(m_fetch->runningFor(busy)->job < m_fetch->runningFor(next)->job);

    // Out of attempts (3): the last reason stays on the failed row.
    m_fetch->failTransiently(busy, 503, 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->startedFor(busy), 3, test::kLivenessMs);
    m_fetch->failTransiently(busy, 503, 0);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Failed, test::kLivenessMs);
    QCOMPARE(m_pipeline->item(id)->error, QStringLiteral("HTTP 503 (after 3 attempts)"));
    QVERIFY(m_pipeline->item(id)->note.isEmpty());
    const qint64 row = m_pipeline->item(id)->queueId;
    settle();
    QCOMPARE(m_probe->state(row), int(IngestState::Failed));
}

void TestIngestPipeline::retryAfterBeyondTheCapFails()
{
    const QString busy = QStringLiteral("http://a.test/busy.png");
    const quint64 id = m_pipeline->enqueue({ { busy } }).first();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Downloading, test::kLivenessMs);
    m_fetch->failTransiently(busy, 429, 3600'000);
    QCOMPARE(stateOf(id), IngestState::Failed);
    QCOMPARE(m_pipeline->item(id)->error,
        QStringLiteral("HTTP 429 (the server asks to wait 3600 s, more than 300 s)"));
    QCOMPARE(m_fetch->startedFor(busy), 1);
}

// A full disk, met by a download, by compressing (the stage says so, or
// the real processor's check of free space under the test hook
// TROVE_TEST_LIBRARY_QUOTA), pauses the queue: the item that met it waits
// queued, not failed, as does any other in flight that meets it; what
// runs settles; resuming adds every item exactly once.
void TestIngestPipeline::diskFullPausesAndResumes_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("download") << QStringLiteral("download");
    QTest::newRow("processing") << QStringLiteral("processing");
    QTest::newRow("free-space check (quota hook)") << QStringLiteral("quota");
}

void TestIngestPipeline::diskFullPausesAndResumes()
{
    QFETCH(QString, where);
    const QString reason = QStringLiteral("no space left on /test: 0.1 MB free, this image needs "
                                          "1.1 MB");
    QSignalSpy full(m_pipeline.get(), &IngestPipeline::diskFull);
    QSignalSpy halted(m_pipeline.get(), &IngestPipeline::halted);
    const QString a = url(QStringLiteral("a.png"));
    const QString b = url(QStringLiteral("b.png"));
    const QString c = url(QStringLiteral("c.png"));
    const QList<quint64> ids = m_pipeline->enqueue({ { a }, { b }, { c } });
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->running().size(), 3, test::kLivenessMs);

    // a meets the full disk.
    auto hitFull = [&](const QString &u, const QString &name, quint32 seed) {
        if (where == QLatin1String("download")) {
            m_fetch->failDiskFull(u, reason);
            return;
        }
        m_fetch->succeed(u, png(seed));
        QTRY_VERIFY_WITH_TIMEOUT(m_process->find(name), test::kLivenessMs);
        if (where == QLatin1String("processing")) {
            m_process->failWith(name, Error { reason, Error::Kind::DiskFull });
        } else {
            qputenv("TROVE_TEST_LIBRARY_QUOTA", "1000");
            m_process->run(name);
            qunsetenv("TROVE_TEST_LIBRARY_QUOTA");
        }
    };
    hitFull(a, QStringLiteral("a.png"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(full.count(), 1, test::kLivenessMs);
    const QString said = full.at(0).at(0).toString();
    QVERIFY2(said.startsWith(QLatin1String("no space left on ")), qPrintable(said));
    if (where == QLatin1String("quota"))
        QVERIFY2(said.contains(QLatin1String("this image needs")), qPrintable(said));
    QVERIFY(m_pipeline->isPaused());
    QCOMPARE(m_pipeline->pauseReason(), said);
    QCOMPARE(stateOf(ids[0]), IngestState::Queued);
    QVERIFY(!m_pipeline->item(ids[0])->note.isEmpty());
    QCOMPARE(finishedCount(ids[0]), 0);

    // What runs finishes: b is added, c meets the full disk too and waits.
    m_fetch->succeed(b, png(2));
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("b.png")), test::kLivenessMs);
    m_process->run(QStringLiteral("b.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids[1]), IngestState::Done, test::kLivenessMs);
    hitFull(c, QStringLiteral("c.png"), 3);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids[2]), IngestState::Queued, test::kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(halted.count(), 1, test::kLivenessMs);
    QVERIFY(m_pipeline->isHalted());
    QCOMPARE(full.count(), 1); // once per pause
    settle();
    QCOMPARE(m_fetch->running().size(), 0);
    QCOMPARE(m_pipeline->pendingCount(), 2);
    QCOMPARE(m_probe->images(), 1);
    // Still queued in the catalog, for `trove resume` or the next start.
    QCOMPARE(m_probe->state(m_pipeline->item(ids[0])->queueId), int(IngestState::Queued));
    QCOMPARE(m_probe->state(m_pipeline->item(ids[2])->queueId), int(IngestState::Queued));
    // Downloads are unlinked on a background thread (removeFileLater()).
    QTRY_COMPARE_WITH_TIMEOUT(tmpFiles(), QStringList(), test::kLivenessMs);

    // Space was freed: resuming starts them again and adds each once.
    m_pipeline->setPaused(false);
    QVERIFY(m_pipeline->pauseReason().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->running().size(), 2, test::kLivenessMs);
    m_fetch->succeed(a, png(1));
    m_fetch->succeed(c, png(3));
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("a.png")), test::kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("c.png")), test::kLivenessMs);
    m_process->run(QStringLiteral("a.png"));
    m_process->run(QStringLiteral("c.png"));
    QTRY_COMPARE_WITH_TIMEOUT(m_pipeline->pendingCount(), 0, test::kLivenessMs);
    for (quint64 id : ids) {
        QCOMPARE(stateOf(id), IngestState::Done);
        QCOMPARE(finishedCount(id), 1);
    }
    settle();
    QCOMPARE(m_probe->images(), 3);
    QCOMPARE(full.count(), 1);
}

void TestIngestPipeline::pauseHoldsNewDownloads()
{
    QSignalSpy paused(m_pipeline.get(), &IngestPipeline::pausedChanged);
    const QString a = url(QStringLiteral("a.png"));
    const QString b = url(QStringLiteral("b.png"));
    const QString c = url(QStringLiteral("c.png"));
    const QString file = m_dir->filePath(QStringLiteral("d.png"));
    QVERIFY(writeFile(file, png(4)));
    const quint64 first = m_pipeline->enqueue({ { a } }).first();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(first), IngestState::Downloading, test::kLivenessMs);

    m_pipeline->setPaused(true);
    QVERIFY(m_pipeline->isPaused());
    QCOMPARE(paused.count(), 1);
    QCOMPARE(paused.at(0).at(0).toBool(), true);
    const QList<quint64> held = m_pipeline->enqueue({ { b }, { c }, { file } });
    settle();
    for (quint64 id : held)
        QCOMPARE(stateOf(id), IngestState::Queued);
    QCOMPARE(m_fetch->startedFor(b), 0);

    // What runs finishes, and is processed.
    m_fetch->succeed(a, png(1));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(first), IngestState::Processing, test::kLivenessMs);
    m_process->run(QStringLiteral("a.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(first), IngestState::Done, test::kLivenessMs);
    settle();
    QCOMPARE(m_fetch->startedFor(b), 0);
    QCOMPARE(m_fetch->startedFor(c), 0);
    QCOMPARE(stateOf(held.at(2)), IngestState::Queued);
    QCOMPARE(m_pipeline->pendingCount(), 3);

    m_pipeline->setPaused(false);
    QCOMPARE(paused.count(), 2);
    QCOMPARE(stateOf(held.at(0)), IngestState::Downloading);
    QCOMPARE(stateOf(held.at(1)), IngestState::Downloading);
    QCOMPARE(stateOf(held.at(2)), IngestState::Processing);
    m_pipeline->setPaused(false); // no change, no signal
    QCOMPARE(paused.count(), 2);
}

// Ctrl+Z on the command line: running downloads are aborted and wait at the
// front of their line, with no attempt spent; what the fetcher answers for
// the aborted jobs afterwards changes nothing; unpaused, they start again
// and finish.
void TestIngestPipeline::pausedDownloadsGoBackToTheQueue()
{
    const QString a = url(QStringLiteral("a.png"));
    const QString b = url(QStringLiteral("b.png"));
    const QList<quint64> ids = m_pipeline->enqueue({ { a }, { b } });
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(1)), IngestState::Downloading, test::kLivenessMs);
    QCOMPARE(m_pipeline->downloadsRunning(), 2);

    m_pipeline->setPaused(true);
    QCOMPARE(m_pipeline->putBackDownloads(), 2);
    for (const quint64 id : ids) {
        QCOMPARE(stateOf(id), IngestState::Queued);
        QCOMPARE(m_pipeline->item(id)->attempts, 0);
        QCOMPARE(m_pipeline->item(id)->note, QStringLiteral("paused"));
    }
    QCOMPARE(m_pipeline->putBackDownloads(), 0); // nothing runs any more
    // Until the fetcher has answered for them, they still count as running.
    QCOMPARE(m_pipeline->downloadsRunning(), 2);
    m_fetch->answerCancelled(a);
    m_fetch->answerCancelled(b);
    settle();
    QCOMPARE(m_pipeline->downloadsRunning(), 0);
    for (const quint64 id : ids)
        QCOMPARE(stateOf(id), IngestState::Queued);
    QCOMPARE(m_fetch->startedFor(a), 1);

    m_pipeline->setPaused(false);
    QCOMPARE(stateOf(ids.at(0)), IngestState::Downloading);
    QCOMPARE(stateOf(ids.at(1)), IngestState::Downloading);
    QCOMPARE(m_fetch->startedFor(a), 2);
    QVERIFY(m_pipeline->item(ids.at(0))->note.isEmpty());
    m_fetch->succeed(a, png(1));
    m_fetch->succeed(b, png(2));
    QTRY_COMPARE_WITH_TIMEOUT(m_process->pending(), 2, test::kLivenessMs);
    m_process->run(QStringLiteral("a.png"));
    m_process->run(QStringLiteral("b.png"));
    for (const quint64 id : ids) {
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Done, test::kLivenessMs);
        QCOMPARE(m_pipeline->item(id)->attempts, 1);
    }
}

// Processing slower than downloading (a big paste of small images, the
// processing threads yielding to everything else): downloads stop starting
// while downloadedAhead() images wait for a processing slot, and each
// image that goes on to processing lets one more start. Before, every
// link was downloaded first, each into a temp file.
void TestIngestPipeline::downloadsWaitForProcessing()
{
    PipelineOptions options;
    options.maxDownloads = 8;
    options.perHost = 8;
    makePipeline(options);
    QList<IngestRequest> requests;
    for (int i = 0; i < 40; ++i)
        requests.append({ url(QStringLiteral("p%1.png").arg(i)) });
    const QList<quint64> ids = m_pipeline->enqueue(requests);
    const int slots = m_process->maxInFlight();
    const int ahead = m_pipeline->downloadedAhead();
    QVERIFY(ahead >= slots);
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->running().size(), 8, test::kLivenessMs);

    // Every download that starts succeeds at once, until none starts.
    int downloaded = 0;
    for (QList<FakeFetch::Job> running = m_fetch->running(); !running.isEmpty();
         running = m_fetch->running()) {
        for (const FakeFetch::Job &job : running)
            m_fetch->succeed(job.url.toString(), png(quint32(1000 + downloaded++)));
        settle();
    }
    QCOMPARE(downloaded, slots + ahead);
    QCOMPARE(m_process->pending(), slots);
    int processing = 0;
    int queued = 0;
    for (quint64 id : ids) {
        processing += stateOf(id) == IngestState::Processing;
        queued += stateOf(id) == IngestState::Queued;
    }
    QCOMPARE(processing, slots + ahead);
    QCOMPARE(queued, 40 - downloaded);

    // One image processed: the next waiting one takes its slot, and one
    // more download starts.
    m_process->run(QStringLiteral("p0.png"));
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->running().size(), 1, test::kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(0)), IngestState::Done, test::kLivenessMs);
    QCOMPARE(m_process->pending(), slots);
    settle();
    QCOMPARE(m_fetch->running().size(), 1);
}

void TestIngestPipeline::passesTheFetchHeaders()
{
    const QString source = url(QStringLiteral("cat.png"));
    const QString page = QStringLiteral("https://pages.test/gallery?id=7");
    IngestRequest request { source };
    request.headers = { page, "Browser/1.0", "session=abc" };
    m_pipeline->enqueue({ request, { url(QStringLiteral("dog.png")) } });
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->running().size(), 2, test::kLivenessMs);
    const FetchHeaders sent = m_fetch->runningFor(source)->headers;
    QCOMPARE(sent.referer, page);
    QCOMPARE(sent.userAgent, QByteArray("Browser/1.0"));
    QCOMPARE(sent.cookie, QByteArray("session=abc"));
    const FetchHeaders none = m_fetch->runningFor(url(QStringLiteral("dog.png")))->headers;
    QVERIFY(none.referer.isEmpty() && none.userAgent.isEmpty() && none.cookie.isEmpty());

    // Once the image is in, nothing more is fetched: the cookie leaves memory.
    const quint64 id = m_pipeline->itemIds().value(0);
    m_fetch->succeed(source, png(1));
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("cat.png")), test::kLivenessMs);
    m_process->run(QStringLiteral("cat.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), IngestState::Done, test::kLivenessMs);
    QVERIFY(m_pipeline->item(id)->request.headers.cookie.isEmpty());
}

void TestIngestPipeline::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("seconds") << QByteArray("120") << qint64(120'000);
    QTest::newRow("zero") << QByteArray(" 0 ") << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("words") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("IMF-fixdate") << QByteArray("Sun, 06 Nov 1994 08:50:07 GMT") << qint64(30'000);
    QTest::newRow("RFC 850") << QByteArray("Sunday, 06-Nov-94 08:50:07 GMT") << qint64(30'000);
    QTest::newRow("asctime") << QByteArray("Sun Nov  6 08:50:07 1994") << qint64(30'000);
    QTest::newRow("past date") << QByteArray("Sun, 06 Nov 1994 08:00:00 GMT") << qint64(0);
}

void TestIngestPipeline::parsesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, ms);
    const QDateTime now(QDate(1994, 11, 6), QTime(8, 49, 37), Qt::UTC);
    QCOMPARE(Fetcher::retryAfterMs(value, now), ms);
}

// The real Fetcher against the loopback server: a 429 with Retry-After (in
// seconds, or as an HTTP-date) is tried again no sooner than asked, and
// then succeeds. The times are the server's own records of each request.
void TestIngestPipeline::honoursRetryAfterOverHttp_data()
{
    QTest::addColumn<bool>("date");
    QTest::newRow("delta-seconds") << false;
    QTest::newRow("HTTP-date") << true;
}

void TestIngestPipeline::honoursRetryAfterOverHttp()
{
    QFETCH(bool, date);
    TestServer server;
    QVERIFY(server.start());
    const QByteArray body = png(7);
    auto served = std::make_shared<std::atomic_int>(0);
    server.addHandler(QStringLiteral("/busy.png"), [served, date, body](const RecordedRequest &) {
        if (served->fetch_add(1) > 0)
            return Response::ok(body, "image/png");
        // Two seconds on from now, in whole seconds: at least one second.
        const QByteArray when = date ? QLocale::c()
                                           .toString(QDateTime::currentDateTimeUtc().addSecs(2),
                                               QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                           .toLatin1()
                                     : QByteArray("1");
        return Response::status(429).withHeader("Retry-After", when);
    });
    auto pipeline = realPipeline(PipelineOptions {});
    const quint64 id
        = pipeline->enqueue({ { server.url(QStringLiteral("/busy.png")).toString() } }).first();
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(pipeline->item(id)->state), test::kLivenessMs);
    QCOMPARE(pipeline->item(id)->state, IngestState::Done);
    QCOMPARE(pipeline->item(id)->attempts, 2);
    const QStringList notes = m_notes.value(id);
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().startsWith(QStringLiteral("retrying in "))
            && notes.first().endsWith(QStringLiteral(" s (HTTP 429)")),
        qPrintable(notes.first()));
    const QList<RecordedRequest> log = server.requests(QStringLiteral("/busy.png"));
    QCOMPARE(log.size(), 2);
    const qint64 gap = log.at(1).receivedMs - log.at(0).receivedMs;
    QVERIFY2(gap >= 990, qPrintable(QStringLiteral("retried after %1 ms").arg(gap)));
    m_writer->flush();
}

// Twelve slow links to one host with a limit of four: never more than four
// at once at the server, and more than one (they do run in parallel).
void TestIngestPipeline::perHostLimitOverHttp()
{
    TestServer server;
    QVERIFY(server.start());
    QList<IngestRequest> requests;
    for (int i = 0; i < 12; ++i) {
        Response slow = Response::ok(png(quint32(100 + i)), "image/png");
        slow.delayMs = 300;
        const QString path = QStringLiteral("/slow/%1.png").arg(i);
        server.addRoute(path, slow);
        requests.append({ server.url(path).toString() });
    }
    PipelineOptions options;
    options.perHost = 4;
    options.maxDownloads = 8;
    auto pipeline = realPipeline(options);
    QSignalSpy finished(pipeline.get(), &IngestPipeline::itemFinished);
    const QList<quint64> ids = pipeline->enqueue(requests);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 12, test::kLivenessMs);
    for (quint64 id : ids)
        QCOMPARE(pipeline->item(id)->state, IngestState::Done);
    QCOMPARE(server.totalHits(), 12);
    qInfo("at most %d requests at once", server.maxConcurrentRequests());
    QVERIFY2(server.maxConcurrentRequests() <= 4,
        qPrintable(QString::number(server.maxConcurrentRequests())));
    QVERIFY2(server.maxConcurrentRequests() > 1,
        qPrintable(QString::number(server.maxConcurrentRequests())));
    m_writer->flush();
}

// Nobody listens: each attempt is refused, the item waits an exponential
// backoff between attempts (the row says why), then fails with the reason.
void TestIngestPipeline::connectionRefusedIsRetriedThenFails()
{
    TestServer server;
    QVERIFY(server.start());
    const QString source = server.url(QStringLiteral("/gone.png")).toString();
    server.stop(); // the port is closed now

    PipelineOptions options;
    options.retryBaseMs = 200;
    options.fetchAttempts = 3;
    auto pipeline = realPipeline(options);
    QElapsedTimer clock;
    clock.start();
    const quint64 id = pipeline->enqueue({ { source } }).first();
    QTRY_VERIFY_WITH_TIMEOUT(isFinished(pipeline->item(id)->state), test::kLivenessMs);
    const IngestItem *item = pipeline->item(id);
    QCOMPARE(item->state, IngestState::Failed);
    QCOMPARE(item->attempts, 3);
    QVERIFY2(item->error.contains(QStringLiteral("refused"), Qt::CaseInsensitive)
            && item->error.endsWith(QStringLiteral("(after 3 attempts)")),
        qPrintable(item->error));
    const QStringList notes = m_notes.value(id);
    QCOMPARE(notes.size(), 2);
    for (const QString &note : notes)
        QVERIFY2(note.startsWith(QStringLiteral("retrying in ")), qPrintable(note));
    // Backoffs of 200 and 400 ms, each at least half that with jitter.
    QVERIFY2(clock.elapsed() >= 300, qPrintable(QString::number(clock.elapsed())));
    m_writer->flush();
}

// ---- HostLines --------------------------------------------------------

namespace {

/// Lines over a set of ids that still wait; a test takes ids out of it to
/// stand for items cancelled (or started) elsewhere.
struct Lines {
    QSet<quint64> waiting;
    HostLines lines { [this](quint64 id) { return waiting.contains(id); } };
    void add(const QString &key, quint64 id, bool front = false)
    {
        waiting.insert(id);
        lines.add(key, id, front);
    }
    /// The next id and its host as "id@host" ("0@" when none), marked as
    /// started as the pipeline does for a download.
    QString next()
    {
        QString key;
        const quint64 id = lines.takeNext(&key);
        if (id != 0) {
            waiting.remove(id);
            lines.started(key);
        }
        return QStringLiteral("%1@%2").arg(id).arg(key);
    }
};

} // namespace

void TestIngestPipeline::hostKeys_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::newRow("http, case folded") << "http://Example.COM/a.png"
                                       << "example.com";
    QTest::newRow("https with port") << "https://img.example.org:8443/a.png"
                                     << "img.example.org";
    QTest::newRow("ip") << "http://127.0.0.1:8080/x"
                        << "127.0.0.1";
    QTest::newRow("data: uses no connection") << "data:image/png;base64,iVBORw0KGgo="
                                              << "";
}

void TestIngestPipeline::hostKeys()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    const auto source = IngestSource::parse(input);
    QVERIFY_OK(source);
    QCOMPARE(HostLines::keyFor(*source), key);
    QCOMPARE(
        HostLines::keyFor(IngestSource::localFile(QStringLiteral("/tmp/a.png"), 1)), QString());
}

void TestIngestPipeline::linesGoOldestFirstAcrossHosts()
{
    Lines l;
    l.lines.setPerHost(8);
    l.add(QStringLiteral("a"), 1);
    l.add(QStringLiteral("b"), 2);
    l.add(QStringLiteral("a"), 3);
    l.add(QStringLiteral("c"), 4);
    QCOMPARE(l.next(), QStringLiteral("1@a"));
    QCOMPARE(l.next(), QStringLiteral("2@b"));
    QCOMPARE(l.next(), QStringLiteral("3@a"));
    QCOMPARE(l.next(), QStringLiteral("4@c"));
    QVERIFY(!l.lines.hasReady());
    QCOMPARE(l.next(), QStringLiteral("0@"));
}

void TestIngestPipeline::hostAtItsLimitHoldsOnlyItsOwnItems()
{
    Lines l;
    l.lines.setPerHost(2);
    for (quint64 id = 1; id <= 4; ++id)
        l.add(QStringLiteral("busy"), id);
    l.add(QStringLiteral("other"), 5);
    QCOMPARE(l.next(), QStringLiteral("1@busy"));
    QCOMPARE(l.next(), QStringLiteral("2@busy"));
    // busy has its two connections: the younger item of another host goes.
    QCOMPARE(l.next(), QStringLiteral("5@other"));
    QCOMPARE(l.next(), QStringLiteral("0@"));
    QCOMPARE(l.lines.running(QStringLiteral("busy")), 2);
    l.lines.finished(QStringLiteral("busy"));
    QCOMPARE(l.next(), QStringLiteral("3@busy"));
    QCOMPARE(l.next(), QStringLiteral("0@"));
}

void TestIngestPipeline::localItemsHaveNoLimit()
{
    Lines l;
    l.lines.setPerHost(1);
    for (quint64 id = 1; id <= 20; ++id)
        l.add(QString(), id);
    for (quint64 id = 1; id <= 20; ++id)
        QCOMPARE(l.next(), QStringLiteral("%1@").arg(id));
    QCOMPARE(l.lines.running(QString()), 20);
}

void TestIngestPipeline::raisingTheLimitLetsWaitingItemsGo()
{
    Lines l;
    l.lines.setPerHost(1);
    l.add(QStringLiteral("a"), 1);
    l.add(QStringLiteral("a"), 2);
    l.add(QStringLiteral("a"), 3);
    QCOMPARE(l.next(), QStringLiteral("1@a"));
    QVERIFY(!l.lines.hasReady());
    l.lines.setPerHost(3);
    QCOMPARE(l.next(), QStringLiteral("2@a"));
    QCOMPARE(l.next(), QStringLiteral("3@a"));
    // Lowered under what runs: nothing new starts until enough finished.
    l.add(QStringLiteral("a"), 4);
    l.lines.setPerHost(1);
    l.lines.finished(QStringLiteral("a"));
    l.lines.finished(QStringLiteral("a"));
    QVERIFY(!l.lines.hasReady());
    l.lines.finished(QStringLiteral("a"));
    QCOMPARE(l.next(), QStringLiteral("4@a"));
}

void TestIngestPipeline::itemsGoneMeanwhileAreSkipped()
{
    Lines l;
    l.lines.setPerHost(4);
    l.add(QStringLiteral("a"), 1);
    l.add(QStringLiteral("a"), 2);
    l.add(QStringLiteral("b"), 3);
    l.waiting.remove(1); // cancelled after it was put in line
    l.waiting.remove(3);
    QCOMPARE(l.next(), QStringLiteral("2@a"));
    QCOMPARE(l.next(), QStringLiteral("0@"));
}

void TestIngestPipeline::heldHostIsReleasedAfterItsDelay()
{
    Lines l;
    l.lines.setPerHost(4);
    QSignalSpy released(&l.lines, &HostLines::released);
    l.add(QStringLiteral("slow"), 1);
    l.add(QStringLiteral("fast"), 2);
    l.lines.holdFor(QStringLiteral("slow"), 150);
    QVERIFY(l.lines.isHeld(QStringLiteral("slow")));
    // The hold keeps only its host waiting.
    QCOMPARE(l.next(), QStringLiteral("2@fast"));
    QCOMPARE(l.next(), QStringLiteral("0@"));
    // A later, longer answer extends the hold; one release, at its end.
    QElapsedTimer clock;
    clock.start();
    l.lines.holdFor(QStringLiteral("slow"), 300);
    QTRY_COMPARE_WITH_TIMEOUT(released.count(), 1, 10'000);
    QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!l.lines.isHeld(QStringLiteral("slow")));
    QCOMPARE(l.next(), QStringLiteral("1@slow"));
    QTest::qWait(50);
    QCOMPARE(released.count(), 1);
}

void TestIngestPipeline::retryGoesToTheFrontOfItsLine()
{
    Lines l;
    l.lines.setPerHost(1);
    l.add(QStringLiteral("a"), 1);
    l.add(QStringLiteral("a"), 2);
    QCOMPARE(l.next(), QStringLiteral("1@a"));
    // 1 failed for now and comes back before 2, which never had its turn.
    l.lines.finished(QStringLiteral("a"));
    l.add(QStringLiteral("a"), 1, true);
    QCOMPARE(l.next(), QStringLiteral("1@a"));
}

void TestIngestPipeline::idleHostsAreForgotten()
{
    Lines l;
    l.lines.setPerHost(2);
    for (quint64 id = 1; id <= 1000; ++id)
        l.add(QStringLiteral("host%1.example").arg(id), id);
    QCOMPARE(l.lines.hostCount(), 1000);
    QStringList keys;
    for (int i = 0; i < 1000; ++i)
        keys.append(l.next().section(QLatin1Char('@'), 1));
    QCOMPARE(l.lines.hostCount(), 1000); // each has a download running
    for (const QString &key : std::as_const(keys))
        l.lines.finished(key);
    QCOMPARE(l.lines.hostCount(), 0);
    QVERIFY(!l.lines.hasReady());
}

QTEST_GUILESS_MAIN(TestIngestPipeline)
#include "tst_ingestpipeline.moc"

// SPDX-License-Identifier: MIT
// IngestPipeline alone, driven deterministically: fake fetch and process
// stages that finish only when a test tells them to (no network, no
// sleeps), a real CatalogWriter on a library in a temp folder. Covers the
// life of an item, cancel and retry at every stage, stop(), resuming a dead
// process's queue and clearing finished items.

#include "catalog/catalogwriter.h"
#include "imagefactory.h"
#include "ingest/ingestpipeline.h"
#include "ingest/ingeststages.h"
#include "resultcheck.h"
#include "storage/librarypaths.h"
#include "testfiles.h"
#include "timebounds.h"

#include <QDir>
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
using namespace trove::test;

namespace {

/// A process id that no process has (above any pid_max).
constexpr qint64 deadPid = 0x7FFFFFF0;

template<typename T> T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

/// A FetchStage that downloads nothing: every job waits until the test
/// finishes it, as the real Fetcher's would, from a later event-loop turn.
class FakeFetch final : public FetchStage {
public:
    struct Job {
        quint64 job = 0;
        QUrl url;
        bool cancelRequested = false;
        bool done = false;
    };

    explicit FakeFetch(const LibraryPaths &paths)
        : m_paths(paths)
    {
    }

    void fetch(quint64 job, const QUrl &url) override { m_jobs.push_back({ job, url }); }
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

} // namespace

class TestIngestPipeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void ingestsToCommit_data();
    void ingestsToCommit();
    void reportsDownloadProgress();
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

private:
    void makePipeline(const PipelineOptions &options = {});
    IngestState stateOf(quint64 id) const { return m_pipeline->item(id)->state; }
    QList<int> statesSeen(quint64 id) const { return m_seen.value(id); }
    int finishedCount(quint64 id) const { return int(m_finished.count(id)); }
    /// Waits for the writer to answer everything asked so far, then for the
    /// answers to reach the pipeline.
    void settle();
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
    connect(m_pipeline.get(), &IngestPipeline::itemAdded, this,
        [this](quint64 id) { m_seen[id] = { int(m_pipeline->item(id)->state) }; });
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
    QCOMPARE(tmpFiles(), QStringList()); // the download and the temp blob are gone
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
    QCOMPARE(tmpFiles(), QStringList());
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
    QCOMPARE(tmpFiles(), QStringList());
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
    QCOMPARE(tmpFiles(), QStringList());
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
    const quint64 id = m_pipeline->enqueue({ { source } }).first();
    m_pipeline->cancel(id);
    QCOMPARE(stateOf(id), IngestState::Cancelled);
    QCOMPARE(m_pipeline->item(id)->queueId, qint64(0)); // not saved yet
    if (clear) {
        m_pipeline->clearFinished();
        QVERIFY(!m_pipeline->item(id));
    }
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
    QCOMPARE(tmpFiles(), QStringList());
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
    QVERIFY_OK(await(m_writer->enqueue({ { url(QStringLiteral("a.png")), QStringLiteral("A") },
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

void TestIngestPipeline::clearFinished()
{
    const QString done = url(QStringLiteral("done.png"));
    const QString failed = url(QStringLiteral("failed.png"));
    const QString busy = url(QStringLiteral("busy.png"));
    const QList<quint64> ids = m_pipeline->enqueue({ { done }, { failed }, { busy } });
    QTRY_COMPARE_WITH_TIMEOUT(m_fetch->running().size(), 3, test::kLivenessMs);
    m_fetch->succeed(done, png(1));
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("done.png")), test::kLivenessMs);
    m_process->run(QStringLiteral("done.png"));
    m_fetch->fail(failed, QStringLiteral("HTTP 404"));
    QTRY_COMPARE_WITH_TIMEOUT(m_finished.size(), 2, test::kLivenessMs);
    settle();
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
    m_fetch->succeed(busy, png(3));
    QTRY_VERIFY_WITH_TIMEOUT(m_process->find(QStringLiteral("busy.png")), test::kLivenessMs);
    m_process->run(QStringLiteral("busy.png"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(ids.at(2)), IngestState::Done, test::kLivenessMs);
}

QTEST_GUILESS_MAIN(TestIngestPipeline)
#include "tst_ingestpipeline.moc"

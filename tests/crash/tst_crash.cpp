// SPDX-License-Identifier: MIT
// Crash safety: SIGKILL the real `trove` at many random instants during
// ingest, tagging, removal and emptying the trash; restart it; the library must open, pass
// verify, hold no blob without a row and no row without a blob, keep no
// partial file outside tmp/, and have finished every queued item exactly
// once.
#include "imagefactory.h"
#include "testserver.h"
#include "timebounds.h"
#include "troveprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace trove::test;

namespace {

constexpr int kImages = 10;

// Each child gets a clean environment (no proxies, no tuning knobs) with
// HOME under the system temp folder.
TroveRun runTrove(const QStringList &args, int timeoutMs = kKillMs)
{
    static const QProcessEnvironment env = cleanTroveEnvironment(QDir::tempPath());
    return trove::test::runTrove(args, env, timeoutMs);
}

QJsonArray listing(const QString &library)
{
    const TroveRun r = runTrove(
        { QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--library"), library });
    return QJsonDocument::fromJson(r.out).array();
}

/// A copy of @p from at @p to, files and folders.
bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(
        from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    if (!QDir().mkpath(to))
        return false;
    while (it.hasNext()) {
        const QFileInfo fi(it.next());
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(fi.filePath());
        if (fi.isDir() ? !QDir().mkpath(target) : !QFile::copy(fi.filePath(), target))
            return false;
    }
    return true;
}

QStringList filesUnder(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    return out;
}

/// Runs @p sql on the catalog with SQLite directly; the first column of each row.
QStringList column(const QString &library, const QString &sql)
{
    QStringList out;
    if (!QFile::exists(library + QStringLiteral("/catalog.sqlite")))
        return out;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("crashcheck"));
        db.setDatabaseName(library + QStringLiteral("/catalog.sqlite"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql))
                while (q.next())
                    out << q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("crashcheck"));
    return out;
}

/// Every source the library had accepted: queued items and stored images.
QSet<QString> acceptedSources(const QString &library)
{
    const QStringList queued = column(library, QStringLiteral("SELECT source FROM queue"));
    const QStringList stored = column(library, QStringLiteral("SELECT url FROM sources"));
    return QSet<QString>(queued.begin(), queued.end())
        | QSet<QString>(stored.begin(), stored.end());
}

} // namespace

class TestCrash final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killDuringAdd();
    void killDuringTagAndRemove();
    void killDuringTrashEmpty();
    void killDuringFolderWalk_data();
    void killDuringFolderWalk();

private:
    QStringList urls() const;
    /// Starts trove with @p args and SIGKILLs it after @p afterMs.
    void killAfter(const QStringList &args, int afterMs);
    /// What every restart must find: exactly @p expected sources, each
    /// stored once, and a sound library.
    void checkInvariants(const QString &library, const QSet<QString> &expected);
    qint64 timeFullRun(const QStringList &args);

    TestServer m_server;
    QRandomGenerator m_random { 20261123 };
};

void TestCrash::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.start());
    for (int i = 0; i < kImages; ++i) {
        Response r = Response::ok(ImageFactory::png(640, 480, uint(i + 1)), "image/png");
        r.delayMs = 5 * (i % 4); // spread the transfers so kills land in every stage
        m_server.addRoute(QStringLiteral("/img%1.png").arg(i), r);
    }
}

QStringList TestCrash::urls() const
{
    QStringList out;
    for (int i = 0; i < kImages; ++i)
        out << m_server.url(QStringLiteral("/img%1.png").arg(i)).toString();
    return out;
}

void TestCrash::killAfter(const QStringList &args, int afterMs)
{
    QProcess p;
    p.setProcessEnvironment(cleanTroveEnvironment(QDir::tempPath()));
    p.start(QStringLiteral(TROVE_BINARY), args);
    QVERIFY(p.waitForStarted());
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < afterMs && p.state() == QProcess::Running)
        p.waitForFinished(1);
    p.kill(); // SIGKILL
    p.waitForFinished(kLivenessMs);
}

qint64 TestCrash::timeFullRun(const QStringList &args)
{
    QElapsedTimer t;
    t.start();
    const TroveRun r = runTrove(args);
    if (r.exitCode != 0)
        qWarning() << r.err;
    return std::max<qint64>(t.elapsed(), 50);
}

void TestCrash::checkInvariants(const QString &library, const QSet<QString> &expected)
{
    const int expectedImages = int(expected.size());
    // Restart: resume opens the writer (which recovers the journal and
    // sweeps tmp/) and finishes what was queued.
    const TroveRun resume
        = runTrove({ QStringLiteral("resume"), QStringLiteral("--library"), library });
    QVERIFY2(resume.exitCode == 0, resume.err.constData());
    if (!QFileInfo::exists(library + QStringLiteral("/catalog.sqlite"))
        && !QFileInfo::exists(library + QStringLiteral("/blobs"))) {
        // Killed before it made the library: nothing was taken on, and no
        // command but add makes one.
        QVERIFY(expected.isEmpty());
        return;
    }

    const TroveRun verify
        = runTrove({ QStringLiteral("verify"), QStringLiteral("--library"), library });
    QVERIFY2(verify.exitCode == 0, verify.err.constData());

    const QJsonArray images = listing(library);
    QCOMPARE(images.size(), expectedImages);
    QSet<QString> shas;
    QSet<QString> sources;
    for (const QJsonValue &v : images) {
        const QJsonObject o = v.toObject();
        shas.insert(o.value(QStringLiteral("sha256")).toString());
        // Exactly once: one source each, never the same URL recorded twice.
        const QJsonArray urls = o.value(QStringLiteral("sources")).toArray();
        QCOMPARE(urls.size(), 1);
        sources.insert(urls.first().toString());
    }
    QCOMPARE(shas.size(), expectedImages);
    QCOMPARE(sources, expected);

    // One blob per row, nothing else in blobs/, nothing left in tmp/.
    const QStringList blobs = filesUnder(library + QStringLiteral("/blobs"));
    QCOMPARE(blobs.size(), expectedImages);
    for (const QString &blob : blobs)
        QVERIFY2(shas.contains(QFileInfo(blob).completeBaseName()), qPrintable(blob));
    QVERIFY2(filesUnder(library + QStringLiteral("/tmp")).isEmpty(),
        qPrintable(filesUnder(library + QStringLiteral("/tmp")).join(u' ')));

    // Nothing outside the layout (the API's key is written by `trove serve`).
    const QStringList allowed { QStringLiteral("catalog.sqlite"),
        QStringLiteral("catalog.sqlite-wal"), QStringLiteral("catalog.sqlite-shm"),
        QStringLiteral("thumbs.sqlite"), QStringLiteral("thumbs.sqlite-wal"),
        QStringLiteral("thumbs.sqlite-shm"), QStringLiteral("blobs"), QStringLiteral("tmp"),
        QStringLiteral("api-key") };
    for (const QString &entry :
        QDir(library).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        QVERIFY2(allowed.contains(entry), qPrintable(entry));

    QCOMPARE(column(library, QStringLiteral("SELECT id FROM queue WHERE state < 3")).size(), 0);
    QCOMPARE(column(library, QStringLiteral("SELECT sha256 FROM blob_journal")).size(), 0);
}

void TestCrash::killDuringAdd()
{
    QTemporaryDir dir;
    const QString probe = dir.filePath(QStringLiteral("probe"));
    const qint64 full = timeFullRun(
        QStringList { QStringLiteral("add"), QStringLiteral("--library"), probe } + urls());
    qInfo("a full add of %d images takes %lld ms", kImages, full);

    const int kills = 24;
    const QStringList everyUrl = urls();
    const QSet<QString> all(everyUrl.begin(), everyUrl.end());
    QList<int> imagesAtKill;
    int acceptedBeforeKill = 0;
    for (int i = 0; i < kills; ++i) {
        const QString library = dir.filePath(QStringLiteral("lib%1").arg(i));
        // Uniform over the whole run, with a margin past its end; the first
        // four in its first tenth, so that some kills land before any
        // commit however the timed run compared (24 uniform kills missed
        // the start when the timed run was slower than the rest).
        const qint64 span = i < 4 ? full / 10 : full * 12 / 10;
        const int at = int(m_random.bounded(span + 1));
        killAfter(
            QStringList { QStringLiteral("add"), QStringLiteral("--library"), library } + urls(),
            at);
        imagesAtKill << int(listing(library).size());
        // Items the killed run had accepted come back exactly once...
        const QSet<QString> accepted = acceptedSources(library);
        acceptedBeforeKill += accepted.size() == kImages;
        checkInvariants(library, accepted);
        // ...and running the same command again completes the rest.
        QCOMPARE(
            runTrove(QStringList { QStringLiteral("add"), QStringLiteral("--library"), library }
                + urls())
                .exitCode,
            0);
        checkInvariants(library, all);
        if (QTest::currentTestFailed()) {
            qWarning("failed after a kill at %d ms", at);
            return;
        }
    }
    QString seen;
    for (int n : imagesAtKill)
        seen += QString::number(n) + u' ';
    qInfo("%d kills; images committed at each kill: %s; all %d accepted before the kill in %d runs",
        kills, qPrintable(seen), kImages, acceptedBeforeKill);
    // The kills must have landed before, during and after the commits, or
    // the test proved less than it claims.
    QVERIFY(imagesAtKill.contains(0) || imagesAtKill.contains(1));
    QVERIFY(std::any_of(
        imagesAtKill.begin(), imagesAtKill.end(), [](int n) { return n > 0 && n < kImages; }));
}

void TestCrash::killDuringTagAndRemove()
{
    QTemporaryDir dir;
    const int kills = 12;
    for (int i = 0; i < kills; ++i) {
        const QString library = dir.filePath(QStringLiteral("lib%1").arg(i));
        QCOMPARE(
            runTrove(QStringList { QStringLiteral("add"), QStringLiteral("--library"), library }
                + urls())
                .exitCode,
            0);
        QStringList ids;
        for (const QJsonValue &v : listing(library))
            ids << v.toObject().value(QStringLiteral("id")).toString();

        const bool removing = i % 2 == 1;
        const QStringList args = removing
            ? QStringList { QStringLiteral("remove"), QStringLiteral("--library"), library }
                + ids.mid(0, 5)
            : QStringList { QStringLiteral("tag"), QStringLiteral("--library"), library,
                  QStringLiteral("--add"), QStringLiteral("kept") }
                + ids;
        const qint64 full = timeFullRun(
            QStringList { QStringLiteral("stats"), QStringLiteral("--library"), library });
        killAfter(args, int(m_random.bounded(qint64(full * 3) + 1)));

        const QJsonArray after = listing(library);
        if (removing) {
            // One transaction: all five gone or none.
            QVERIFY2(after.size() == kImages || after.size() == kImages - 5,
                qPrintable(QString::number(after.size())));
            QSet<QString> left;
            for (const QJsonValue &v : after)
                left.insert(v.toObject().value(QStringLiteral("source_url")).toString());
            // Removed images wait in the trash with their blobs: empty it
            // so that the library holds one blob per listed image.
            const TroveRun empty = runTrove({ QStringLiteral("trash"), QStringLiteral("empty"),
                QStringLiteral("--library"), library });
            QVERIFY2(empty.exitCode == 0, empty.err.constData());
            checkInvariants(library, left);
        } else {
            int tagged = 0;
            for (const QJsonValue &v : after)
                tagged += v.toObject()
                              .value(QStringLiteral("tags"))
                              .toArray()
                              .contains(QStringLiteral("kept"));
            QVERIFY2(tagged == 0 || tagged == kImages, qPrintable(QString::number(tagged)));
            const QStringList everyUrl = urls();
            checkInvariants(library, QSet<QString>(everyUrl.begin(), everyUrl.end()));
        }
        if (QTest::currentTestFailed())
            return;
    }
}

// `trove trash empty` killed at random moments on a library of a few dozen
// images, most of them in the trash. Whatever the moment: verify passes at
// once, the trash was emptied all or not at all, every blob left belongs to
// an image or a trash row and every such row has its blob; emptying again
// finishes the job.
void TestCrash::killDuringTrashEmpty()
{
    constexpr int kMany = 36;
    constexpr int kTrashed = 30;
    QTemporaryDir dir;
    const QString model = dir.filePath(QStringLiteral("model"));
    QStringList sources;
    for (int i = 0; i < kMany; ++i) {
        const QString path = QStringLiteral("/many%1.png").arg(i);
        m_server.addRoute(
            path, Response::ok(ImageFactory::png(96, 64, uint(100 + i)), "image/png"));
        sources << m_server.url(path).toString();
    }
    const TroveRun add = runTrove(
        QStringList { QStringLiteral("add"), QStringLiteral("--library"), model } + sources);
    QVERIFY2(add.exitCode == 0, add.err.constData());
    QStringList ids;
    for (const QJsonValue &v : listing(model))
        ids << v.toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(ids.size(), kMany);
    const TroveRun remove
        = runTrove(QStringList { QStringLiteral("remove"), QStringLiteral("--library"), model }
            + ids.mid(0, kTrashed));
    QVERIFY2(remove.exitCode == 0, remove.err.constData());
    QCOMPARE(column(model, QStringLiteral("SELECT id FROM trash")).size(), kTrashed);

    const QString probe = dir.filePath(QStringLiteral("probe"));
    QVERIFY(copyTree(model, probe));
    const QStringList emptyArgs { QStringLiteral("trash"), QStringLiteral("empty"),
        QStringLiteral("--library") };
    const qint64 full = timeFullRun(emptyArgs + QStringList { probe });
    qInfo("emptying a trash of %d images takes %lld ms", kTrashed, full);

    const int kills = 16;
    // A run of its own can take longer than the probe did when the machine
    // is busier (under ctest -j, all 16 kills once landed before the
    // commit): kills past the planned ones, later or earlier, until both
    // sides of the commit have been hit.
    const int kMaxExtra = 16;
    int extra = 0;
    QList<int> trashAtKill;
    int unsettledAtKill = 0;
    for (int i = 0; i < kills + extra; ++i) {
        const QString library = dir.filePath(QStringLiteral("lib%1").arg(i));
        QVERIFY(copyTree(model, library));
        int at = int(m_random.bounded(qint64(full * 12 / 10) + 1));
        if (i >= kills)
            at = trashAtKill.contains(0) ? int(m_random.bounded(qint64(full / 4) + 1))
                                         : int(full * (2 + i - kills));
        killAfter(emptyArgs + QStringList { library }, at);
        // Blobs the killed run had yet to unlink (committed, not settled).
        const int blobsAtKill = int(filesUnder(library + QStringLiteral("/blobs")).size());

        const TroveRun verify
            = runTrove({ QStringLiteral("verify"), QStringLiteral("--library"), library });
        QVERIFY2(verify.exitCode == 0, verify.err.constData());
        const QStringList trashed = column(library, QStringLiteral("SELECT sha256 FROM trash"));
        trashAtKill << int(trashed.size());
        // One transaction: all of the trash went, or none of it.
        QVERIFY2(trashed.size() == 0 || trashed.size() == kTrashed,
            qPrintable(QString::number(trashed.size())));
        QCOMPARE(listing(library).size(), kMany - kTrashed);
        const QStringList kept = column(library, QStringLiteral("SELECT sha256 FROM images"));
        const QSet<QString> named = QSet<QString>(kept.begin(), kept.end())
            | QSet<QString>(trashed.begin(), trashed.end());
        QSet<QString> onDisk;
        for (const QString &blob : filesUnder(library + QStringLiteral("/blobs")))
            onDisk.insert(QFileInfo(blob).completeBaseName());
        QCOMPARE(onDisk, named);
        unsettledAtKill += blobsAtKill > int(onDisk.size());
        QCOMPARE(column(library, QStringLiteral("SELECT sha256 FROM blob_journal")).size(), 0);
        // Removed bytes are remembered exactly when their trash rows went.
        QCOMPARE(column(library, QStringLiteral("SELECT sha256 FROM removed_hashes")).size(),
            kTrashed - int(trashed.size()));

        // Emptying again finishes what the killed run did not.
        const TroveRun again = runTrove(emptyArgs + QStringList { library });
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(filesUnder(library + QStringLiteral("/blobs")).size(), kMany - kTrashed);
        const TroveRun verifyAgain
            = runTrove({ QStringLiteral("verify"), QStringLiteral("--library"), library });
        QVERIFY2(verifyAgain.exitCode == 0, verifyAgain.err.constData());
        if (QTest::currentTestFailed()) {
            qWarning("failed after a kill at %d ms", at);
            return;
        }
        const bool bothSides = trashAtKill.contains(0) && trashAtKill.contains(kTrashed);
        if (i == kills + extra - 1 && !bothSides && extra < kMaxExtra)
            ++extra;
    }
    QString seen;
    for (int n : trashAtKill)
        seen += QString::number(n) + u' ';
    qInfo("%d kills (%d past the planned %d); trash rows left at each kill: %s; %d left blobs for "
          "verify to settle",
        kills + extra, extra, kills, qPrintable(seen), unsettledAtKill);
    // The kills must have landed before and after the commit.
    QVERIFY(trashAtKill.contains(0) && trashAtKill.contains(kTrashed));
}

QTEST_GUILESS_MAIN(TestCrash)
// An add of a folder queues its files a batch at a time as the walk finds
// them. Killed mid-walk, `trove resume` must walk the rest of the folder
// too (it once finished only the files already queued, and said nothing of
// the rest), with the add's tags, each file once. So must `trove serve`,
// the other process that runs the queue without a window (it once resumed
// the queued files and forgot the walk).
void TestCrash::killDuringFolderWalk_data()
{
    QTest::addColumn<int>("queuedAtKill"); // queue rows the killed run had written
    QTest::addColumn<bool>("byServe"); // carried on by `trove serve`, else `trove resume`
    QTest::newRow("walk remembered, nothing queued") << 0 << false;
    QTest::newRow("first batch queued") << 1 << false;
    QTest::newRow("middle of the walk") << 120 << false;
    QTest::newRow("serve: walk remembered, nothing queued") << 0 << true;
    QTest::newRow("serve: middle of the walk") << 120 << true;
}

void TestCrash::killDuringFolderWalk()
{
    QFETCH(int, queuedAtKill);
    QFETCH(bool, byServe);
    constexpr int kFiles = 300;
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/sub")));
    QSet<QString> expected;
    QSet<QByteArray> distinct;
    for (int i = 0; i < kFiles; ++i) {
        const QString path = QStringLiteral("%1/%2img%3.png")
                                 .arg(folder, i % 3 == 0 ? QStringLiteral("sub/") : QString())
                                 .arg(i);
        const QByteArray bytes = ImageFactory::png(12, 9, quint32(i + 1));
        distinct.insert(bytes);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        expected.insert(QUrl::fromLocalFile(path).toString());
    }
    QCOMPARE(distinct.size(), kFiles);
    const QString library = dir.filePath(QStringLiteral("lib"));

    // 10 ms a file: a walk of 3 s, its batches written every 200 ms.
    QProcess p;
    p.setProcessEnvironment(
        cleanTroveEnvironment(QDir::tempPath(), { QStringLiteral("TROVE_WALK_DELAY_MS=10") }));
    p.start(QStringLiteral(TROVE_BINARY),
        { QStringLiteral("add"), QStringLiteral("--library"), library, QStringLiteral("--tag"),
            QStringLiteral("walked"), folder });
    QVERIFY(p.waitForStarted());
    QElapsedTimer t;
    t.start();
    auto reached = [&] {
        return column(library, QStringLiteral("SELECT id FROM folder_walks")).size() == 1
            && column(library, QStringLiteral("SELECT id FROM queue")).size() >= queuedAtKill;
    };
    while (!reached() && p.state() == QProcess::Running && t.elapsed() < kLivenessMs)
        p.waitForFinished(5);
    p.kill(); // SIGKILL
    p.waitForFinished(kLivenessMs);
    const int queued = int(column(library, QStringLiteral("SELECT id FROM queue")).size());
    qInfo("killed after %lld ms with %d of %d files queued", qint64(t.elapsed()), queued, kFiles);
    // Killed in the middle of the walk, or the test proves nothing.
    QCOMPARE(column(library, QStringLiteral("SELECT root FROM folder_walks")),
        QStringList { QDir(folder).absolutePath() });
    QVERIFY(queued >= queuedAtKill);
    QVERIFY2(queued < kFiles, qPrintable(QString::number(queued)));

    if (byServe) {
        QProcess serve;
        serve.setProcessEnvironment(cleanTroveEnvironment(QDir::tempPath()));
        serve.start(QStringLiteral(TROVE_BINARY),
            { QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--library"), library });
        QVERIFY(serve.waitForStarted());
        // Nobody asks it anything: it walks on and adds by itself.
        auto settled = [&] {
            return column(library, QStringLiteral("SELECT id FROM folder_walks")).isEmpty()
                && column(library, QStringLiteral("SELECT id FROM images")).size() == kFiles;
        };
        t.restart();
        while (!settled() && serve.state() == QProcess::Running && t.elapsed() < kLivenessMs)
            serve.waitForFinished(50);
        QByteArray out = serve.readAllStandardOutput();
        serve.terminate();
        QVERIFY(serve.waitForFinished(kLivenessMs));
        out += serve.readAllStandardOutput();
        QVERIFY2(serve.exitCode() == 0, serve.readAllStandardError().constData());
        QVERIFY2(out.contains(("carrying on the import of " + folder).toUtf8()), out.constData());
    } else {
        const TroveRun resume
            = runTrove({ QStringLiteral("resume"), QStringLiteral("--library"), library });
        QVERIFY2(resume.exitCode == 0, resume.err.constData());
        const QString out = QString::fromUtf8(resume.out);
        QVERIFY2(
            out.contains(QStringLiteral("carrying on the import of ") + folder), qPrintable(out));
        // What the killed run added is counted, not listed once each.
        QVERIFY2(!out.contains(QStringLiteral("present ")), qPrintable(out));
    }
    QCOMPARE(column(library, QStringLiteral("SELECT id FROM folder_walks")).size(), 0);

    // Every file once, verify clean; a second resume finds nothing to do.
    checkInvariants(library, expected);
    const QJsonArray images = listing(library);
    QCOMPARE(images.size(), kFiles);
    for (const QJsonValue &v : images)
        QCOMPARE(v.toObject().value(QStringLiteral("tags")).toArray(),
            QJsonArray { QStringLiteral("walked") });
}

#include "tst_crash.moc"

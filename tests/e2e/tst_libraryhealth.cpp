// SPDX-License-Identifier: MIT
// A library on a bad day, through the real `trove`: a catalog damaged in
// several ways (garbage over the header, over a table's page, a truncated
// file, a lost -wal beside a stale -shm) is named by `verify` and rebuilt
// by `verify --repair` from what SQLite still reads and from the blobs,
// keeping the damaged file; a read-only library (a read-only bind mount,
// as media would be, or chmod for a user) lists, searches, shows, exports,
// verifies and is backed up, and refuses writes with the reason (and a
// backup, when its catalog would need upgrading first); a library on a
// network drive warns once and keeps no WAL.
#include "imagefactory.h"
#include "readonlymount.h"
#include "testfiles.h"
#include "timebounds.h"
#include "troveprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace trove::test;

namespace {

QAtomicInt s_connections;

// A plain connection of the suite's own to a library's catalog.
class TestDb {
public:
    explicit TestDb(const QString &file)
        : m_name(QStringLiteral("test-%1").arg(s_connections.fetchAndAddRelaxed(1)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(file);
        m_db.open();
    }
    ~TestDb()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QVariant one(const QString &sql)
    {
        QSqlQuery q(m_db);
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

// Overwrites @p length bytes of @p path at @p offset with random ones.
bool scribble(const QString &path, qint64 offset, qint64 length)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    QByteArray junk(length, Qt::Uninitialized);
    QRandomGenerator rng(4242);
    for (char &c : junk)
        c = char(rng.bounded(256));
    return f.write(junk) == length;
}

void makeWritable(const QString &dir)
{
    QFile::setPermissions(dir, QFile::permissions(dir) | QFile::WriteOwner | QFile::ExeOwner);
    QDirIterator it(
        dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile::setPermissions(path, QFile::permissions(path) | QFile::WriteOwner);
    }
}

void makeReadOnly(const QString &dir)
{
    QDirIterator it(
        dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    QStringList all;
    while (it.hasNext())
        all.append(it.next());
    all.append(dir);
    for (const QString &path : std::as_const(all))
        QFile::setPermissions(path,
            QFile::permissions(path)
                & ~(QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther | QFile::WriteUser));
}

} // namespace

class TestLibraryHealth final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void damagedCatalog_data();
    void damagedCatalog();
    void damagedCatalogStopsOtherCommandsWithTheWayOut();
    void damagedThumbsAreMadeAnew();
    void fileWhereAFolderShouldBe_data();
    void fileWhereAFolderShouldBe();
    void readOnlyLibrary_data();
    void readOnlyLibrary();
    void readOnlyOldLibraryIsNotBackedUp();
    void networkDriveWarnsOnceAndKeepsNoWal();

private:
    TroveRun trove(const QStringList &args, const QStringList &env = {});
    QJsonArray list();
    QJsonObject byName(const QString &name);
    QString addImage(const QString &name, const QByteArray &bytes, const QString &tag = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_library;
    QString m_mounted;
    QHash<QString, QByteArray> m_originals;
};

void TestLibraryHealth::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestLibraryHealth::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_library = m_dir->filePath(QStringLiteral("library"));
    m_originals.clear();
    QVERIFY(
        !addImage(QStringLiteral("alpha"), ImageFactory::png(120, 90, 1), QStringLiteral("cats"))
             .isEmpty());
    QVERIFY(!addImage(
        QStringLiteral("beta"), ImageFactory::jpeg(160, 120, 85, 2), QStringLiteral("dogs"))
                 .isEmpty());
    QVERIFY(!addImage(QStringLiteral("gamma"), ImageFactory::png(64, 48, 3)).isEmpty());
}

void TestLibraryHealth::cleanup()
{
    if (!m_mounted.isEmpty())
        unmount(std::exchange(m_mounted, QString()));
    if (m_dir)
        makeWritable(m_dir->path());
}

TroveRun TestLibraryHealth::trove(const QStringList &args, const QStringList &env)
{
    return runTrove(QStringList { QStringLiteral("--library"), m_library } + args,
        cleanTroveEnvironment(QDir::tempPath(), env), kKillMs);
}

QString TestLibraryHealth::addImage(
    const QString &name, const QByteArray &bytes, const QString &tag)
{
    const QString suffix
        = bytes.startsWith("\x89PNG") ? QStringLiteral(".png") : QStringLiteral(".jpg");
    const QString file = m_dir->filePath(name + suffix);
    if (!writeFile(file, bytes))
        return {};
    QStringList args { QStringLiteral("add"), file };
    if (!tag.isEmpty())
        args << QStringLiteral("--tag") << tag;
    const TroveRun run = trove(args);
    if (run.exitCode != 0) {
        qWarning("%s", run.describe().constData());
        return {};
    }
    m_originals.insert(name, bytes);
    return file;
}

QJsonArray TestLibraryHealth::list()
{
    return trove({ QStringLiteral("list"), QStringLiteral("--json") }).json().array();
}

QJsonObject TestLibraryHealth::byName(const QString &name)
{
    for (const QJsonValue &v : list()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

void TestLibraryHealth::damagedCatalog_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("named"); ///< what verify's line says, besides the file
    QTest::addColumn<int>("tagsKept"); ///< SQLite could still read the tags: 1, 0, -1 either
    QTest::addColumn<bool>("keptAside"); ///< the catalog was moved aside
    QTest::addColumn<int>("collectionsKept"); ///< 1 SQLite could read them, 0 not, -1 either

    QTest::newRow("garbage over the header")
        << "header"
        << "is damaged: file is not a database" << 0 << true << 0;
    QTest::newRow("garbage over a table's page") << "page"
                                                 << "is damaged:" << 1 << true << 1;
    QTest::newRow("truncated") << "truncated"
                               << "is damaged:" << -1 << true << -1;
    QTest::newRow("lost -wal, stale -shm") << "wal"
                                           << "orphan blob" << 1 << false << 1;
}

void TestLibraryHealth::damagedCatalog()
{
    QFETCH(QString, damage);
    QFETCH(QString, named);
    QFETCH(int, tagsKept);
    QFETCH(bool, keptAside);
    QFETCH(int, collectionsKept);
    const QString catalog = m_library + QStringLiteral("/catalog.sqlite");
    // A hand-made collection in an order of its own, and a smart one.
    for (const QStringList &args :
        { QStringList { QStringLiteral("create"), QStringLiteral("Été") },
            QStringList { QStringLiteral("add"), QStringLiteral("Été"), QStringLiteral("gamma"),
                QStringLiteral("alpha") },
            QStringList { QStringLiteral("create"), QStringLiteral("Pets"),
                QStringLiteral("--query"), QStringLiteral("tag:cats OR tag:dogs") } }) {
        const TroveRun made = trove(QStringList { QStringLiteral("collection") } + args);
        QVERIFY2(made.exitCode == 0, made.describe().constData());
    }

    if (damage == QLatin1String("header")) {
        QVERIFY(scribble(catalog, 0, 4096));
    } else if (damage == QLatin1String("page")) {
        // The page of the sources table: images and tags still read.
        qint64 page = 0;
        qint64 pageSize = 0;
        {
            TestDb db(catalog);
            page = db.one(QStringLiteral(
                              "SELECT rootpage FROM sqlite_schema WHERE name = 'sources'"))
                       .toLongLong();
            pageSize = db.one(QStringLiteral("PRAGMA page_size")).toLongLong();
        }
        QVERIFY(page > 1 && pageSize > 0);
        QVERIFY(scribble(catalog, (page - 1) * pageSize, pageSize));
    } else if (damage == QLatin1String("truncated")) {
        QFile f(catalog);
        QVERIFY(f.resize(f.size() / 3));
    } else {
        // An image committed to the WAL only, then the WAL lost while its
        // -shm stayed: the catalog forgets the image, its blob remains.
        const QString saved = m_dir->filePath(QStringLiteral("saved"));
        QVERIFY(QDir().mkpath(saved));
        {
            TestDb holder(catalog); // keeps the WAL from being checkpointed
            QCOMPARE(holder.one(QStringLiteral("SELECT count(*) FROM images")).toInt(), 3);
            QVERIFY(!addImage(
                QStringLiteral("delta"), ImageFactory::png(50, 40, 4), QStringLiteral("birds"))
                         .isEmpty());
            QVERIFY(QFileInfo(catalog + QStringLiteral("-wal")).size() > 0);
            QVERIFY(QFile::copy(catalog, saved + QStringLiteral("/catalog.sqlite")));
            QVERIFY(QFile::copy(catalog + QStringLiteral("-shm"), saved + QStringLiteral("/shm")));
        }
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(catalog + suffix);
        QVERIFY(QFile::copy(saved + QStringLiteral("/catalog.sqlite"), catalog));
        QVERIFY(QFile::copy(saved + QStringLiteral("/shm"), catalog + QStringLiteral("-shm")));
    }
    const QByteArray damagedBytes = readFile(catalog);
    const int images = int(m_originals.size());

    const TroveRun verify = trove({ QStringLiteral("verify") });
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(QString::fromUtf8(verify.err).contains(named), verify.describe().constData());
    if (keptAside) {
        QVERIFY2(QString::fromUtf8(verify.err).contains(QLatin1String("catalog.sqlite is damaged")),
            verify.describe().constData());
        QVERIFY2(QString::fromUtf8(verify.err).contains(QLatin1String("trove verify --repair")),
            verify.describe().constData());
        // Looking changes nothing.
        QCOMPARE(readFile(catalog), damagedBytes);
    }

    const TroveRun repair = trove({ QStringLiteral("verify"), QStringLiteral("--repair") });
    QVERIFY2(repair.exitCode == 0, repair.describe().constData());

    // Every image whose blob is intact is back, with its bytes.
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), images);
    for (auto it = m_originals.cbegin(); it != m_originals.cend(); ++it) {
        const QJsonObject row = byName(it.key());
        QVERIFY2(!row.isEmpty(), qPrintable(it.key()));
        QCOMPARE(row.value(QStringLiteral("sha256")).toString(), sha256Hex(it.value()));
        const QString out = m_dir->filePath(it.key() + QStringLiteral(".out"));
        QCOMPARE(trove({ QStringLiteral("export"), row.value(QStringLiteral("id")).toString(),
                           QStringLiteral("-o"), out })
                     .exitCode,
            0);
        QCOMPARE(readFile(out), it.value());
    }
    const QJsonArray cats = trove({ QStringLiteral("list"), QStringLiteral("--json"),
                                      QStringLiteral("--tag"), QStringLiteral("cats") })
                                .json()
                                .array();
    if (tagsKept >= 0)
        QCOMPARE(cats.size(), tagsKept);
    // What SQLite could read of the collections is back: names, order,
    // saved searches.
    const QJsonArray collections
        = trove({ QStringLiteral("collection"), QStringLiteral("list"), QStringLiteral("--json") })
              .json()
              .array();
    if (collectionsKept == 1) {
        QCOMPARE(collections.size(), 2);
        const TroveRun show = trove(
            { QStringLiteral("collection"), QStringLiteral("show"), QStringLiteral("été") });
        QVERIFY2(show.exitCode == 0, show.describe().constData());
        const QString shown = QString::fromUtf8(show.out);
        QVERIFY2(shown.indexOf(QLatin1String("gamma")) >= 0
                && shown.indexOf(QLatin1String("gamma")) < shown.indexOf(QLatin1String("alpha")),
            show.describe().constData());
        QStringList smart;
        for (const QJsonValue &v : collections) {
            if (v.toObject().value(QStringLiteral("smart")).toBool())
                smart << v.toObject().value(QStringLiteral("name")).toString() + QLatin1Char('=')
                        + v.toObject().value(QStringLiteral("query")).toString();
        }
        QCOMPARE(smart, QStringList { QStringLiteral("Pets=tag:cats OR tag:dogs") });
        if (keptAside)
            QVERIFY2(QString::fromUtf8(repair.out).contains(QLatin1String(", 2 collection(s),")),
                repair.describe().constData());
    } else if (collectionsKept == 0) {
        QCOMPARE(collections.size(), 0);
    }

    // The damaged file stays beside the library, whole.
    const QStringList aside
        = QDir(m_library).entryList({ QStringLiteral("catalog.sqlite.damaged-*") }, QDir::Files);
    if (keptAside) {
        QVERIFY2(!aside.isEmpty(), qPrintable(aside.join(QLatin1Char(' '))));
        const QString kept = m_library + QLatin1Char('/')
            + *std::min_element(aside.cbegin(), aside.cend(),
                [](const QString &a, const QString &b) { return a.size() < b.size(); });
        QCOMPARE(readFile(kept), damagedBytes);
        QVERIFY2(QString::fromUtf8(repair.out).contains(QLatin1String("kept as")),
            repair.describe().constData());
    }

    // And the repaired library is sound.
    const TroveRun again = trove({ QStringLiteral("verify") });
    QVERIFY2(again.exitCode == 0, again.describe().constData());
}

void TestLibraryHealth::damagedCatalogStopsOtherCommandsWithTheWayOut()
{
    QVERIFY(scribble(m_library + QStringLiteral("/catalog.sqlite"), 0, 4096));
    const TroveRun run = trove({ QStringLiteral("list") });
    QCOMPARE(run.exitCode, 1);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(QLatin1String("trove verify --repair")), run.describe().constData());
    QVERIFY2(!err.contains(QLatin1String("Unable to execute")), run.describe().constData());

    // With --json, stdout is the document alone, before and after repair.
    const TroveRun looked = trove({ QStringLiteral("verify"), QStringLiteral("--json") });
    QCOMPARE(looked.exitCode, 1);
    const QJsonObject before = looked.json().object();
    QCOMPARE(before.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(before.value(QStringLiteral("problems"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("item"))
                 .toString(),
        QStringLiteral("catalog"));
    const TroveRun repaired
        = trove({ QStringLiteral("verify"), QStringLiteral("--repair"), QStringLiteral("--json") });
    QVERIFY2(repaired.exitCode == 0, repaired.describe().constData());
    QVERIFY2(repaired.json().object().value(QStringLiteral("ok")).toBool(),
        repaired.describe().constData());
    QCOMPARE(list().size(), 3);
}

void TestLibraryHealth::damagedThumbsAreMadeAnew()
{
    const QString thumbs = m_library + QStringLiteral("/thumbs.sqlite");
    QVERIFY(scribble(thumbs, 0, 4096));
    const TroveRun run = trove({ QStringLiteral("list") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QCOMPARE(run.err, QByteArray());
    QVERIFY(!QDir(m_library)
                 .entryList({ QStringLiteral("thumbs.sqlite.damaged-*") }, QDir::Files)
                 .isEmpty());
    const TroveRun verify = trove({ QStringLiteral("verify") });
    QVERIFY2(verify.exitCode == 0, verify.describe().constData());
}

void TestLibraryHealth::fileWhereAFolderShouldBe_data()
{
    QTest::addColumn<QString>("folder");
    QTest::newRow("tmp") << "tmp";
    QTest::newRow("blobs") << "blobs";
}

// A file where tmp/ or blobs/ should be: readers read on, writers say what
// is in the way, verify names it and --repair keeps it in damaged/.
void TestLibraryHealth::fileWhereAFolderShouldBe()
{
    QFETCH(QString, folder);
    const QString dir = m_library + QLatin1Char('/') + folder;
    QVERIFY(QDir(dir).removeRecursively());
    QVERIFY(writeFile(dir, "x\n"));
    const QString why
        = QStringLiteral("%1 is a file, where the library's folder should be: move it away or run "
                         "`trove verify --repair`")
              .arg(QDir::toNativeSeparators(dir));

    const TroveRun listed = trove({ QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(listed.exitCode == 0, listed.describe().constData());
    QCOMPARE(listed.json().array().size(), 3);
    const TroveRun stats = trove({ QStringLiteral("stats") });
    QVERIFY2(stats.exitCode == 0, stats.describe().constData());
    const TroveRun tag = trove({ QStringLiteral("tag"), QStringLiteral("alpha"),
        QStringLiteral("--add"), QStringLiteral("birds") });
    QCOMPARE(tag.exitCode, 1);
    QVERIFY2(QString::fromUtf8(tag.err).contains(why), tag.describe().constData());

    const TroveRun verify = trove({ QStringLiteral("verify") });
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(QString::fromUtf8(verify.err).contains(why), verify.describe().constData());
    QCOMPARE(readFile(dir), QByteArray("x\n"));

    const TroveRun repair = trove({ QStringLiteral("verify"), QStringLiteral("--repair") });
    QVERIFY2(repair.exitCode == 0, repair.describe().constData());
    QVERIFY(QFileInfo(dir).isDir());
    QCOMPARE(QFileInfo(dir).permissions()
            & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser),
        QFileDevice::Permissions());
    const QStringList aside = QDir(m_library + QStringLiteral("/damaged"))
                                  .entryList({ folder + QStringLiteral("-*") }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(readFile(m_library + QStringLiteral("/damaged/") + aside.first()), QByteArray("x\n"));

    const TroveRun again = trove({ QStringLiteral("verify") });
    QVERIFY2(again.exitCode == 0, again.describe().constData());
    QCOMPARE(trove({ QStringLiteral("tag"), QStringLiteral("alpha"), QStringLiteral("--add"),
                       QStringLiteral("birds") })
                 .exitCode,
        0);
}

void TestLibraryHealth::readOnlyLibrary_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("read-only mount") << "mount";
    QTest::newRow("chmod -R a-w") << "chmod";
}

void TestLibraryHealth::readOnlyLibrary()
{
    QFETCH(QString, how);
    if (how == QLatin1String("mount")) {
        if (const QString why = mountReadOnly(m_library); !why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("cannot mount read-only here: ") + why));
        m_mounted = m_library;
    } else {
        makeReadOnly(m_library);
        QFile probe(m_library + QStringLiteral("/probe"));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            QSKIP("this user (root) writes whatever the permission bits say; the read-only mount "
                  "row covers it");
        }
    }
    const QByteArray before = readFile(m_library + QStringLiteral("/catalog.sqlite"));

    QCOMPARE(list().size(), 3);
    auto matches = [this](const QString &option, const QString &value) {
        return trove({ QStringLiteral("list"), QStringLiteral("--json"), option, value })
            .json()
            .array()
            .size();
    };
    QCOMPARE(matches(QStringLiteral("--search"), QStringLiteral("alph")), 1);
    QCOMPARE(matches(QStringLiteral("--tag"), QStringLiteral("cats")), 1);
    QCOMPARE(trove({ QStringLiteral("show"), QStringLiteral("alpha") }).exitCode, 0);
    const QString out = m_dir->filePath(QStringLiteral("alpha.out"));
    const TroveRun exported
        = trove({ QStringLiteral("export"), QStringLiteral("alpha"), QStringLiteral("-o"), out });
    QVERIFY2(exported.exitCode == 0, exported.describe().constData());
    QCOMPARE(readFile(out), m_originals.value(QStringLiteral("alpha")));
    const TroveRun verify = trove({ QStringLiteral("verify") });
    QVERIFY2(verify.exitCode == 0, verify.describe().constData());
    QCOMPARE(trove({ QStringLiteral("stats") }).exitCode, 0);

    // A backup writes only to its destination: a library on a DVD or a
    // volume mounted read-only is copied off it, and again later.
    const QString backup = m_dir->filePath(QStringLiteral("backup"));
    for (int run = 0; run < 2; ++run) {
        const TroveRun backedUp
            = trove({ QStringLiteral("backup"), QStringLiteral("--json"), backup });
        QVERIFY2(backedUp.exitCode == 0, backedUp.describe().constData());
        const QJsonObject report = backedUp.json().object();
        QCOMPARE(report.value(QStringLiteral("images")).toInt(), 3);
        QCOMPARE(report.value(QStringLiteral("blobs_copied")).toInt(), run == 0 ? 3 : 0);
    }
    const TroveRun checked
        = trove({ QStringLiteral("backup"), QStringLiteral("--verify"), backup });
    QVERIFY2(checked.exitCode == 0, checked.describe().constData());
    const TroveRun copied = runTrove(
        { QStringLiteral("--library"), backup, QStringLiteral("list"), QStringLiteral("--json") },
        cleanTroveEnvironment(QDir::tempPath()), kKillMs);
    QCOMPARE(copied.json().array().size(), 3);

    const QString more = m_dir->filePath(QStringLiteral("more.png"));
    QVERIFY(writeFile(more, ImageFactory::png(30, 30, 9)));
    const QList<QStringList> writes {
        { QStringLiteral("add"), more },
        { QStringLiteral("tag"), QStringLiteral("alpha"), QStringLiteral("--add"),
            QStringLiteral("x") },
        { QStringLiteral("remove"), QStringLiteral("alpha") },
        { QStringLiteral("verify"), QStringLiteral("--repair") },
    };
    for (const QStringList &write : writes) {
        const TroveRun refused = trove(write);
        QVERIFY2(refused.exitCode == 1, refused.describe().constData());
        QVERIFY2(QString::fromUtf8(refused.err).contains(QLatin1String("is read-only: ")),
            refused.describe().constData());
    }
    QCOMPARE(readFile(m_library + QStringLiteral("/catalog.sqlite")), before);
    QVERIFY(!QFileInfo::exists(m_library + QStringLiteral("/catalog.sqlite-wal")));
}

// A read-only library written by an older Trove cannot be brought up to
// date, and a backup of it would be a library this Trove cannot open
// either: refused with the reason, before anything is written.
void TestLibraryHealth::readOnlyOldLibraryIsNotBackedUp()
{
    const QString catalog = m_library + QStringLiteral("/catalog.sqlite");
    {
        TestDb db(catalog);
        const int version = db.one(QStringLiteral("PRAGMA user_version")).toInt();
        QVERIFY(version > 1);
        db.one(QStringLiteral("PRAGMA user_version = %1").arg(version - 1));
        QCOMPARE(db.one(QStringLiteral("PRAGMA user_version")).toInt(), version - 1);
        db.one(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    if (const QString why = mountReadOnly(m_library); !why.isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot mount read-only here: ") + why));
    m_mounted = m_library;
    const QString backup = m_dir->filePath(QStringLiteral("backup"));
    const TroveRun refused = trove({ QStringLiteral("backup"), backup });
    QVERIFY2(refused.exitCode == 1, refused.describe().constData());
    QVERIFY2(refused.errLines().size() == 1
            && refused.errLines().first().contains(QLatin1String("cannot back up"))
            && refused.errLines().first().contains(QLatin1String("written by an older Trove"))
            // The file, not the URI it was opened by.
            && refused.errLines().first().contains(catalog + QLatin1String(" is read-only")),
        refused.describe().constData());
    QVERIFY(!QFileInfo::exists(backup));
}

void TestLibraryHealth::networkDriveWarnsOnceAndKeepsNoWal()
{
    const QStringList nfs { QStringLiteral("TROVE_TEST_FSTYPE=nfs4") };
    const TroveRun listed = trove({ QStringLiteral("list") }, nfs);
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.errLines().size(), 1);
    QVERIFY2(listed.errLines().first().contains(QLatin1String("network drive (nfs4)")),
        listed.describe().constData());

    const QString more = m_dir->filePath(QStringLiteral("more.png"));
    QVERIFY(writeFile(more, ImageFactory::png(30, 30, 9)));
    const TroveRun added = trove({ QStringLiteral("add"), more }, nfs);
    QVERIFY2(added.exitCode == 0, added.describe().constData());
    {
        TestDb db(m_library + QStringLiteral("/catalog.sqlite"));
        QCOMPARE(db.one(QStringLiteral("PRAGMA journal_mode")).toString().toLower(),
            QStringLiteral("delete"));
    }
    QCOMPARE(list().size(), 4);
}

TROVE_TEST_MAIN_WITH_MOUNTS(TestLibraryHealth, QCoreApplication)

#include "tst_libraryhealth.moc"

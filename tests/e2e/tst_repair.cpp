// SPDX-License-Identifier: MIT
// trove verify and verify --repair on a library damaged by hand: a flipped
// byte, a deleted blob, an orphan; sources that still serve the same bytes
// repair it, a source that changed does not, and nothing is ever deleted
// (not even a file where a folder of blobs should be).
#include "imagefactory.h"
#include "testserver.h"
#include "timebounds.h"
#include "troveprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace trove::test;

namespace {

// Each child gets a clean environment (no proxies, no tuning knobs) with
// HOME under the system temp folder.
TroveRun runTrove(const QStringList &args, int timeoutMs = kKillMs)
{
    static const QProcessEnvironment env = cleanTroveEnvironment(QDir::tempPath());
    return trove::test::runTrove(args, env, timeoutMs);
}

QString blobOf(const QString &library, const QString &sha)
{
    return QStringLiteral("%1/blobs/%2/%3.gz").arg(library, sha.left(2), sha);
}

void flipByte(const QString &path)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
    f.seek(0);
    f.write(bytes);
}

} // namespace

class TestRepair final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void verifyNamesEachProblem();
    void repairRestoresFromSources();
    void repairRefusesChangedBytes();
    void fileInTheWayOfBlobFolder_data();
    void fileInTheWayOfBlobFolder();

private:
    QJsonArray list();
    QJsonObject byName(const QString &name);

    TestServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_library;
    QString m_localFile;
};

void TestRepair::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.start());
}

void TestRepair::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_library = m_dir->filePath(QStringLiteral("library"));
    m_server.addRoute(
        QStringLiteral("/web.png"), Response::ok(ImageFactory::png(200, 150, 7), "image/png"));
    m_localFile = m_dir->filePath(QStringLiteral("local.jpg"));
    QFile local(m_localFile);
    QVERIFY(local.open(QIODevice::WriteOnly));
    local.write(ImageFactory::jpeg(320, 240, 85, 9));
    local.close();
    const TroveRun add = runTrove({ QStringLiteral("add"), QStringLiteral("--library"), m_library,
        m_server.url(QStringLiteral("/web.png")).toString(), m_localFile });
    QVERIFY2(add.exitCode == 0, qPrintable(QString::fromUtf8(add.err)));
}

QJsonArray TestRepair::list()
{
    return QJsonDocument::fromJson(runTrove({ QStringLiteral("list"), QStringLiteral("--json"),
                                                QStringLiteral("--library"), m_library })
                                       .out)
        .array();
}

QJsonObject TestRepair::byName(const QString &name)
{
    for (const QJsonValue &v : list()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

void TestRepair::verifyNamesEachProblem()
{
    const TroveRun clean
        = runTrove({ QStringLiteral("verify"), QStringLiteral("--library"), m_library });
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(
        QString::fromUtf8(clean.out).contains(QLatin1String("verified 2 image(s): all intact")));

    const QJsonObject web = byName(QStringLiteral("web"));
    const QJsonObject local = byName(QStringLiteral("local"));
    flipByte(blobOf(m_library, web.value(QStringLiteral("sha256")).toString()));
    QVERIFY(QFile::remove(blobOf(m_library, local.value(QStringLiteral("sha256")).toString())));
    QDir().mkpath(m_library + QStringLiteral("/blobs/ff"));
    QFile orphan(m_library + QStringLiteral("/blobs/ff/ff00.gz"));
    QVERIFY(orphan.open(QIODevice::WriteOnly));
    orphan.write("not a blob");
    orphan.close();

    const TroveRun bad
        = runTrove({ QStringLiteral("verify"), QStringLiteral("--library"), m_library });
    QCOMPARE(bad.exitCode, 1);
    const QStringList lines
        = QString::fromUtf8(bad.err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(QString::fromUtf8(bad.err).contains(
                 web.value(QStringLiteral("id")).toString() + QStringLiteral(" web: CRC mismatch"))
            || QString::fromUtf8(bad.err).contains(
                web.value(QStringLiteral("id")).toString() + QStringLiteral(" web: corrupt")),
        qPrintable(QString::fromUtf8(bad.err)));
    QVERIFY2(QString::fromUtf8(bad.err).contains(local.value(QStringLiteral("id")).toString()
                 + QStringLiteral(" local: blob missing")),
        qPrintable(QString::fromUtf8(bad.err)));
    QVERIFY2(QString::fromUtf8(bad.err).contains(QStringLiteral("ff00.gz: orphan blob")),
        qPrintable(QString::fromUtf8(bad.err)));
}

void TestRepair::repairRestoresFromSources()
{
    const QJsonObject web = byName(QStringLiteral("web"));
    const QJsonObject local = byName(QStringLiteral("local"));
    const QString webBlob = blobOf(m_library, web.value(QStringLiteral("sha256")).toString());
    flipByte(webBlob);
    QVERIFY(QFile::remove(blobOf(m_library, local.value(QStringLiteral("sha256")).toString())));
    QDir().mkpath(m_library + QStringLiteral("/blobs/ff"));
    QFile orphan(m_library + QStringLiteral("/blobs/ff/ff00.gz"));
    QVERIFY(orphan.open(QIODevice::WriteOnly));
    orphan.write("someone's bytes");
    orphan.close();
    const int hitsBefore = m_server.hits(QStringLiteral("/web.png"));

    const TroveRun repair = runTrove({ QStringLiteral("verify"), QStringLiteral("--repair"),
        QStringLiteral("--library"), m_library });
    QVERIFY2(repair.exitCode == 0,
        qPrintable(QString::fromUtf8(repair.err) + QString::fromUtf8(repair.out)));
    QVERIFY(QString::fromUtf8(repair.out)
                .contains(QStringLiteral("repaired %1 web from")
                              .arg(web.value(QStringLiteral("id")).toString())));
    QVERIFY(QString::fromUtf8(repair.out)
                .contains(QStringLiteral("repaired %1 local from file://")
                              .arg(local.value(QStringLiteral("id")).toString())));
    QCOMPARE(m_server.hits(QStringLiteral("/web.png")), hitsBefore + 1);

    QCOMPARE(
        runTrove({ QStringLiteral("verify"), QStringLiteral("--library"), m_library }).exitCode, 0);
    for (const QJsonValue &v : list())
        QCOMPARE(v.toObject().value(QStringLiteral("damaged")).toBool(), false);

    // Nothing was deleted: the damaged blob and the orphan were moved aside.
    QStringList aside;
    QDirIterator it(m_library + QStringLiteral("/damaged"), QDir::Files);
    while (it.hasNext())
        aside << QFileInfo(it.next()).fileName();
    QCOMPARE(aside.size(), 2);
    QVERIFY(aside.contains(QStringLiteral("ff00.gz")));
    QFile moved(m_library + QStringLiteral("/damaged/ff00.gz"));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), QByteArray("someone's bytes"));

    // And the restored blob is the original again, byte for byte.
    const QString out = m_dir->filePath(QStringLiteral("exported.png"));
    QCOMPARE(runTrove({ QStringLiteral("export"), QStringLiteral("--library"), m_library,
                          web.value(QStringLiteral("id")).toString(), QStringLiteral("-o"), out })
                 .exitCode,
        0);
    QFile exported(out);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(exported.readAll(), ImageFactory::png(200, 150, 7));
}

void TestRepair::repairRefusesChangedBytes()
{
    const QJsonObject web = byName(QStringLiteral("web"));
    flipByte(blobOf(m_library, web.value(QStringLiteral("sha256")).toString()));
    // The server now serves another picture at the same URL.
    m_server.addRoute(
        QStringLiteral("/web.png"), Response::ok(ImageFactory::png(200, 150, 8), "image/png"));

    const TroveRun repair = runTrove({ QStringLiteral("verify"), QStringLiteral("--repair"),
        QStringLiteral("--library"), m_library });
    QCOMPARE(repair.exitCode, 1);
    QVERIFY2(QString::fromUtf8(repair.err).contains(QLatin1String("now serves different bytes")),
        qPrintable(QString::fromUtf8(repair.err)));
    QCOMPARE(byName(QStringLiteral("web")).value(QStringLiteral("damaged")).toBool(), true);
    QCOMPARE(byName(QStringLiteral("local")).value(QStringLiteral("damaged")).toBool(), false);
    // The wrong bytes were not stored anywhere.
    QCOMPARE(QDir(m_library + QStringLiteral("/tmp")).entryList(QDir::Files).size(), 0);
    QVERIFY(!QFile::exists(blobOf(m_library, web.value(QStringLiteral("sha256")).toString())));
}

void TestRepair::fileInTheWayOfBlobFolder_data()
{
    QTest::addColumn<bool>("sourceThere");
    QTest::newRow("source still there") << true;
    QTest::newRow("source gone") << false;
}

void TestRepair::fileInTheWayOfBlobFolder()
{
    QFETCH(bool, sourceThere);
    const QJsonObject local = byName(QStringLiteral("local"));
    const QString sha = local.value(QStringLiteral("sha256")).toString();
    const QString folder = QFileInfo(blobOf(m_library, sha)).absolutePath();
    if (QFileInfo(blobOf(m_library,
                      byName(QStringLiteral("web")).value(QStringLiteral("sha256")).toString()))
            .absolutePath()
        == folder)
        QSKIP("both images' blobs share a folder");
    QVERIFY(QDir(folder).removeRecursively());
    QFile stray(folder);
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.write("x\n");
    stray.close();
    if (!sourceThere)
        QVERIFY(QFile::remove(m_localFile));

    const TroveRun verify
        = runTrove({ QStringLiteral("verify"), QStringLiteral("--library"), m_library });
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(QString::fromUtf8(verify.err)
                 .contains(QStringLiteral("%1 is a file, where the folder of its blob should be")
                               .arg(QDir::toNativeSeparators(folder))),
        qPrintable(QString::fromUtf8(verify.err)));

    const TroveRun repair = runTrove({ QStringLiteral("verify"), QStringLiteral("--repair"),
        QStringLiteral("--library"), m_library });
    const QString said = QString::fromUtf8(repair.out) + QString::fromUtf8(repair.err);
    QCOMPARE(repair.exitCode, sourceThere ? 0 : 1);
    QVERIFY2(!said.contains(QLatin1String("Not a directory")), qPrintable(said));
    // No old blob was there to move aside: none is claimed.
    QVERIFY2(!said.contains(QLatin1String("its old blob")), qPrintable(said));
    QVERIFY2(said.contains(QLatin1String("moved aside a file")), qPrintable(said));

    // The stray file is kept in damaged/, which is private like the rest.
    const QDir damaged(m_library + QStringLiteral("/damaged"));
    const QStringList aside
        = damaged.entryList({ QFileInfo(folder).fileName() + QStringLiteral("-*") }, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QFile kept(damaged.filePath(aside.first()));
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("x\n"));
    QCOMPARE(QFileInfo(damaged.path()).permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                | QFileDevice::ExeOther),
        QFileDevice::Permissions());

    QVERIFY(QFileInfo(folder).isDir() == sourceThere);
    const TroveRun again
        = runTrove({ QStringLiteral("verify"), QStringLiteral("--library"), m_library });
    QCOMPARE(again.exitCode, sourceThere ? 0 : 1);
    QCOMPARE(
        byName(QStringLiteral("local")).value(QStringLiteral("damaged")).toBool(), !sourceThere);
}

QTEST_GUILESS_MAIN(TestRepair)
#include "tst_repair.moc"

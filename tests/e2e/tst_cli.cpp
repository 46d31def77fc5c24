// SPDX-License-Identifier: MIT
// The real `trove` executable, run as a child process against a loopback
// HTTP server: what it stores, what it prints, its exit status, and that a
// failure leaves the library exactly as it was.

#include "catalog/catalogreader.h"
#include "cli.h"
#include "imagefactory.h"
#include "obeypermissions.h"
#include "output.h"
#include "rowprinter.h"
#include "similar/keepbest.h"
#include "similar/similarityreader.h"
#include "spellings.h"
#include "storage/librarypaths.h"
#include "testfiles.h"
#include "testserver.h"
#include "timebounds.h"
#include "troveprocess.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <array>
#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using trove::test::ImageFactory;
using trove::test::kKillMs;
using trove::test::kLivenessMs;
using trove::test::processState;
using trove::test::readFile;
using trove::test::RecordedRequest;
using trove::test::Response;
using trove::test::sha256Hex;
using trove::test::TestServer;
using trove::test::writeFile;

namespace {

using Run = trove::test::TroveRun;

QString extensionOf(const QByteArray &format)
{
    return format == "jpeg" ? QStringLiteral("jpg") : QString::fromLatin1(format);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addEachFormat_data();
    void addEachFormat();
    void addWithNameAndTags();
    void listSearchLanguage();
    void listSorts();
    void listPrintsWhatShowSays();
    void rowPrinterWritesAsQtDoes_data();
    void rowPrinterWritesAsQtDoes();
    void tagsListAndRename();
    void tagsInAnyCase_data();
    void tagsInAnyCase();
    void addQuietAndProgress();
    void addLocalFile();
    void addFolder();
    void addFolderTellsWhatItCouldNotRead();
    void addFolderWithoutImages_data();
    void addFolderWithoutImages();
    void commandsRefuseAFolderWithoutALibrary_data();
    void commandsRefuseAFolderWithoutALibrary();
    void failuresLeaveLibraryUntouched_data();
    void failuresLeaveLibraryUntouched();
    void failureJsonNamesReason();
    void gzipEncodedTransfer_data();
    void gzipEncodedTransfer();
    void endlessBodyAtDefaultLimit();
    void sameBytesFromTwoUrls();
    void manyUrlsInOneAdd();
    void svgWithTextIsAdded();
    void politeDownloads();
    void addStopsOnCtrlZ();
    void twoProcessesAddAtOnce();
    void badSchemeNeedsNoNetwork();
    void badUsage_data();
    void badUsage();
    void unknownCommandIsUsageError();
    void windowOrCommand_data();
    void windowOrCommand();
    void helpAndVersion();
    void helpCommand_data();
    void helpCommand();
    void printableEscapesControls_data();
    void printableEscapesControls();
    void allocatorTakesNoLockOfAnotherThread();
    void showTagRemoveByNameAndPrefix();
    void verifyFindsMissingAndOrphanBlobs();
    void trashRoundTrip();
    void trashRestoreMergesIntoTheSameImageAddedAgain();
    void rateAndFavourite();
    void editsOfATrashedImageSayWhy_data();
    void editsOfATrashedImageSayWhy();
    void trashBadUsage_data();
    void trashBadUsage();
    void collectionRoundTrip();
    void notDuplicatesNeedsTwoImages();
    void collectionBadUsage_data();
    void collectionBadUsage();
    void collectionRename_data();
    void collectionRename();
    void collectionNameInAnyCase_data();
    void collectionNameInAnyCase();
    void similarDuplicatesAndMerge();
    void duplicatesJsonStreamsTheSameDocument();

private:
    /// Runs trove to the end (or kills it after @p timeoutMs).
    Run trove(const QStringList &args, const QStringList &env = {}, int timeoutMs = kKillMs);
    std::unique_ptr<QProcess> startTrove(const QStringList &args, const QStringList &env = {});
    static Run finish(QProcess &process, int timeoutMs = kKillMs);
    QString library() const { return m_dir->filePath(QStringLiteral("library")); }
    QString blobPath(const QString &sha) const
    {
        return library() + QStringLiteral("/blobs/") + sha.left(2) + QLatin1Char('/') + sha
            + QStringLiteral(".gz");
    }
    QJsonArray list(const QStringList &extra = {});
    /// Every file under blobs/ with its size and SHA-256: any change shows.
    QStringList blobListing() const;
    QStringList tmpListing() const;
    /// Adds one image from the server and returns its id.
    QString addGood(const QString &path, quint32 seed);

    TestServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_gzip;
};

void TestCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(QStringLiteral(TROVE_BINARY)).isExecutable(), TROVE_BINARY);
    QVERIFY(m_server.start());
    m_gzip = QStandardPaths::findExecutable(QStringLiteral("gzip"));
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server.clearRoutes();
    m_server.resetCounters();
}

void TestCli::cleanup()
{
    m_dir.reset();
}

std::unique_ptr<QProcess> TestCli::startTrove(const QStringList &args, const QStringList &env)
{
    auto p = std::make_unique<QProcess>();
    p->setProcessEnvironment(trove::test::cleanTroveEnvironment(m_dir->path(), env));
    p->setWorkingDirectory(m_dir->path());
    p->start(QStringLiteral(TROVE_BINARY), args);
    return p;
}

Run TestCli::finish(QProcess &p, int timeoutMs)
{
    return trove::test::finishTrove(p, timeoutMs);
}

Run TestCli::trove(const QStringList &args, const QStringList &env, int timeoutMs)
{
    auto p = startTrove(args, env);
    return finish(*p, timeoutMs);
}

QJsonArray TestCli::list(const QStringList &extra)
{
    const Run r = trove(QStringList { QStringLiteral("list"), QStringLiteral("--json"),
                            QStringLiteral("--library"), library() }
        + extra);
    if (r.exitCode != 0 || !r.json().isArray()) {
        qWarning() << "list failed:" << r.describe();
        return {};
    }
    return r.json().array();
}

QStringList TestCli::blobListing() const
{
    QStringList out;
    const QDir root(library() + QStringLiteral("/blobs"));
    QDirIterator it(root.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo fi(it.next());
        out << QStringLiteral("%1 %2 %3")
                   .arg(root.relativeFilePath(fi.filePath()))
                   .arg(fi.isDir() ? -1 : fi.size())
                   .arg(fi.isDir() ? QString() : sha256Hex(readFile(fi.filePath())));
    }
    out.sort();
    return out;
}

QStringList TestCli::tmpListing() const
{
    return QDir(library() + QStringLiteral("/tmp"))
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

QString TestCli::addGood(const QString &path, quint32 seed)
{
    m_server.addRoute(path, Response::ok(ImageFactory::png(64, 48, seed), "image/png"));
    const Run r = trove({ QStringLiteral("add"), m_server.url(path).toString(),
        QStringLiteral("--json"), QStringLiteral("--library"), library() });
    if (r.exitCode != 0) {
        qWarning() << "add failed:" << r.describe();
        return {};
    }
    return r.json().array().at(0).toObject().value(QLatin1String("id")).toString();
}

// --- storing each format -------------------------------------------------

void TestCli::addEachFormat_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QSize>("size");
    // svgz: compressed SVG (Inkscape), kept and exported as the svgz it is.
    for (const char *format : { "png", "jpeg", "gif", "webp", "bmp", "svg", "svgz" })
        QTest::newRow(format) << QByteArray(format) << QSize(320, 240);
}

void TestCli::addEachFormat()
{
    QFETCH(QByteArray, format);
    QFETCH(QSize, size);
    const QByteArray bytes = ImageFactory::image(format, size.width(), size.height(), 7);
    QVERIFY(!bytes.isEmpty());
    const QString path = QStringLiteral("/img/%1/picture.%2")
                             .arg(QString::fromLatin1(format), extensionOf(format));
    m_server.addRoute(path, Response::ok(bytes, ImageFactory::mimeType(format)));
    const QString url = m_server.url(path).toString();

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    Run add = trove({ QStringLiteral("add"), url, QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
    QVERIFY2(add.exitCode == 0, add.describe());
    QVERIFY2(add.err.isEmpty(), add.describe());
    QCOMPARE(m_server.hits(path), 1);
    const QJsonArray added = add.json().array();
    QCOMPARE(added.size(), 1);
    const QJsonObject result = added.at(0).toObject();
    QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("added"));
    QCOMPARE(result.value(QLatin1String("source")).toString(), url);
    QCOMPARE(result.value(QLatin1String("name")).toString(), QStringLiteral("picture"));
    const QString id = result.value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());

    // list --json: every field, right.
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    for (const char *key : { "id", "name", "tags", "source_url", "sha256", "format", "width",
             "height", "original_bytes", "stored_bytes", "added_at" })
        QVERIFY2(row.contains(QLatin1String(key)), key);
    const QString sha = sha256Hex(bytes);
    QCOMPARE(row.value(QLatin1String("id")).toString(), id);
    QCOMPARE(row.value(QLatin1String("name")).toString(), QStringLiteral("picture"));
    QCOMPARE(row.value(QLatin1String("tags")).toArray(), QJsonArray {});
    QCOMPARE(row.value(QLatin1String("source_url")).toString(), url);
    QCOMPARE(row.value(QLatin1String("sha256")).toString(), sha);
    QCOMPARE(row.value(QLatin1String("format")).toString(), QString::fromLatin1(format));
    QCOMPARE(row.value(QLatin1String("width")).toInt(), size.width());
    QCOMPARE(row.value(QLatin1String("height")).toInt(), size.height());
    QCOMPARE(row.value(QLatin1String("original_bytes")).toInteger(), bytes.size());
    const QString blob = blobPath(sha);
    QVERIFY(QFileInfo::exists(blob));
    QCOMPARE(row.value(QLatin1String("stored_bytes")).toInteger(), QFileInfo(blob).size());
    const QString addedAtText = row.value(QLatin1String("added_at")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"))
                 .match(addedAtText)
                 .hasMatch(),
        qPrintable(addedAtText));
    const QDateTime addedAt = QDateTime::fromString(addedAtText, Qt::ISODate);
    QVERIFY2(addedAt >= before && addedAt <= after, qPrintable(addedAtText));

    // The blob is plain gzip holding the original.
    if (!m_gzip.isEmpty()) {
        QProcess test;
        test.start(m_gzip, { QStringLiteral("-t"), blob });
        QVERIFY(test.waitForFinished(kLivenessMs));
        QCOMPARE(test.exitCode(), 0);
        QProcess zcat;
        zcat.start(m_gzip, { QStringLiteral("-dc"), blob });
        QVERIFY(zcat.waitForFinished(kLivenessMs));
        QCOMPARE(zcat.exitCode(), 0);
        QVERIFY(zcat.readAllStandardOutput() == bytes);
    }

    // export: byte-identical, by id to a file and by name into a folder.
    const QString out = m_dir->filePath(QStringLiteral("exported.bin"));
    Run exp = trove({ QStringLiteral("export"), id, QStringLiteral("-o"), out,
        QStringLiteral("--library"), library() });
    QVERIFY2(exp.exitCode == 0, exp.describe());
    QVERIFY(readFile(out) == bytes);
    const QString folder = m_dir->filePath(QStringLiteral("exports"));
    QVERIFY(QDir().mkpath(folder));
    exp = trove({ QStringLiteral("export"), QStringLiteral("picture"), QStringLiteral("-o"), folder,
        QStringLiteral("--library"), library() });
    QVERIFY2(exp.exitCode == 0, exp.describe());
    QVERIFY(readFile(folder + QStringLiteral("/picture.") + extensionOf(format)) == bytes);
    // Again into the same folder: someone's file of that name stays, the
    // export goes beside it and says where.
    const QString firstCopy = folder + QStringLiteral("/picture.") + extensionOf(format);
    QVERIFY(writeFile(firstCopy, "not ours"));
    exp = trove({ QStringLiteral("export"), QStringLiteral("picture"), QStringLiteral("-o"), folder,
        QStringLiteral("--library"), library() });
    QVERIFY2(exp.exitCode == 0, exp.describe());
    QCOMPARE(readFile(firstCopy), QByteArray("not ours"));
    const QString secondCopy = folder + QStringLiteral("/picture (2).") + extensionOf(format);
    QVERIFY(readFile(secondCopy) == bytes);
    QCOMPARE(QString::fromUtf8(exp.out).trimmed(), secondCopy);
    // To standard output, and into a pipe: written into, never replaced by
    // a file (as root, -o /dev/null replaced /dev/null for everyone).
    exp = trove({ QStringLiteral("export"), id, QStringLiteral("-o"), QStringLiteral("-"),
        QStringLiteral("--library"), library() });
    QVERIFY2(exp.exitCode == 0, exp.describe());
    QVERIFY(exp.out == bytes);
    const QString fifo = m_dir->filePath(QStringLiteral("fifo"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    // The writer first: opening a FIFO waits for the other end, and
    // QProcess opens the reader's input before it forks.
    auto writer = startTrove({ QStringLiteral("export"), id, QStringLiteral("-o"), fifo,
        QStringLiteral("--library"), library() });
    QProcess reader;
    reader.setStandardInputFile(fifo);
    const QString piped = m_dir->filePath(QStringLiteral("piped.bin"));
    reader.setStandardOutputFile(piped); // a pipe back to here would fill and stall
    reader.start(QStringLiteral("cat"), QStringList {});
    exp = finish(*writer);
    QVERIFY2(exp.exitCode == 0, exp.describe());
    QVERIFY(reader.waitForFinished(kLivenessMs));
    QVERIFY(readFile(piped) == bytes);
    QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile());

    // stats
    Run stats = trove({ QStringLiteral("stats"), QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QVERIFY2(stats.exitCode == 0, stats.describe());
    const QJsonObject s = stats.json().object();
    QCOMPARE(s.value(QLatin1String("images")).toInteger(), 1);
    QCOMPARE(s.value(QLatin1String("last_added")).toString(), addedAtText);
    QCOMPARE(s.value(QLatin1String("original_bytes")).toInteger(), bytes.size());
    QCOMPARE(s.value(QLatin1String("stored_bytes")).toInteger(), QFileInfo(blob).size());

    // verify: intact, then one flipped byte in the blob is found and named.
    Run verify = trove({ QStringLiteral("verify"), QStringLiteral("--library"), library() });
    QVERIFY2(verify.exitCode == 0, verify.describe());
    QVERIFY2(verify.err.isEmpty(), verify.describe());
    QFile f(blob);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 at = f.size() / 2;
    QVERIFY(f.seek(at));
    char c = 0;
    QVERIFY(f.getChar(&c));
    QVERIFY(f.seek(at));
    QVERIFY(f.putChar(char(c ^ 0x5A)));
    f.close();
    verify = trove({ QStringLiteral("verify"), QStringLiteral("--library"), library() });
    QVERIFY2(verify.exitCode == 1, verify.describe());
    const QStringList bad = verify.errLines().filter(QRegularExpression(QStringLiteral("^bad  ")));
    QCOMPARE(bad.size(), 1);
    QVERIFY2(bad.first().startsWith(QStringLiteral("bad  %1 picture: ").arg(id)),
        qPrintable(bad.first()));

    QVERIFY(tmpListing().isEmpty());
}

void TestCli::addWithNameAndTags()
{
    const QByteArray bytes = ImageFactory::jpeg(200, 100, 85, 3);
    m_server.addRoute(QStringLiteral("/x.jpg"), Response::ok(bytes, "image/jpeg"));
    Run add = trove({ QStringLiteral("add"), m_server.url(QStringLiteral("/x.jpg")).toString(),
        QStringLiteral("--name"), QStringLiteral("Sunset, 'quoted' & 100%"),
        QStringLiteral("--tag"), QStringLiteral("holiday"), QStringLiteral("--tag"),
        QStringLiteral("Beach"), QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    // Without --json: one "added" line naming the short id, the name and the source.
    const QStringList lines
        = QString::fromUtf8(add.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(QLatin1String("added   ")), qPrintable(lines.first()));
    QVERIFY(lines.first().contains(QLatin1String("Sunset, 'quoted' & 100%")));
    QVERIFY(lines.first().endsWith(m_server.url(QStringLiteral("/x.jpg")).toString()));
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), 1);
    const QJsonObject row = rows.at(0).toObject();
    QCOMPARE(
        row.value(QLatin1String("name")).toString(), QStringLiteral("Sunset, 'quoted' & 100%"));
    QCOMPARE(row.value(QLatin1String("tags")).toArray(),
        (QJsonArray { QStringLiteral("Beach"), QStringLiteral("holiday") }));
    QCOMPARE(list({ QStringLiteral("--tag"), QStringLiteral("HOLIDAY") }).size(), 1);
    QCOMPARE(list({ QStringLiteral("--search"), QStringLiteral("100%") }).size(), 1);
    QCOMPARE(list({ QStringLiteral("--search"), QStringLiteral("127.0.0.1") }).size(), 1);
    QCOMPARE(list({ QStringLiteral("--tag"), QStringLiteral("other") }).size(), 0);
}

// `trove list` prints straight from the catalog's bytes (rowprinter.h):
// each element of `list --json` is, byte for byte, what `show --json` (a
// QJsonDocument of the record) says of that image, and each table line
// what the record gives, for names and tags that need escaping.
void TestCli::listPrintsWhatShowSays()
{
    const QStringList names { QStringLiteral("say \"hi\" \\ back\\"), QStringLiteral("tab\there"),
        QStringLiteral("Zürich — 東京 🐈"), QStringLiteral("ctrl\x01\x1f end"),
        QStringLiteral("plain") };
    const QList<QStringList> tags { { QStringLiteral("a \"quoted\" tag"),
                                        QStringLiteral("back\\slash") },
        { QStringLiteral("é") }, {},
        { QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z") }, {} };
    for (int i = 0; i < names.size(); ++i) {
        const QString path = QStringLiteral("/img%1.png").arg(i);
        // Sizes from a few hundred bytes to over a MiB: every unit's rounding.
        m_server.addRoute(path,
            Response::ok(
                i == 4 ? ImageFactory::png(700, 600, 99) : ImageFactory::png(20 + i, 10, i),
                "image/png"));
        QStringList args { QStringLiteral("add"), m_server.url(path).toString(),
            QStringLiteral("--name"), names[i], QStringLiteral("--library"), library() };
        for (const QString &tag : tags[i])
            args << QStringLiteral("--tag") << tag;
        const Run added = trove(args);
        QVERIFY2(added.exitCode == 0, added.describe());
    }
    const Run json = trove({ QStringLiteral("list"), QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QVERIFY2(json.exitCode == 0, json.describe());
    const QJsonArray rows = json.json().array();
    QCOMPARE(rows.size(), names.size());
    // The whole document as QJsonDocument writes the array of show's objects.
    QJsonArray shown;
    QStringList expectedLines;
    for (const QJsonValue &row : rows) {
        const Run show = trove({ QStringLiteral("show"), QStringLiteral("--json"),
            row.toObject().value(QLatin1String("id")).toString(), QStringLiteral("--library"),
            library() });
        QVERIFY2(show.exitCode == 0, show.describe());
        const QJsonObject o = show.json().object();
        shown.append(o);
        QString line = trove::cli::shortId(o.value(QLatin1String("id")).toString())
            + QLatin1String("  ") + o.value(QLatin1String("format")).toString().leftJustified(5)
            + QLatin1Char(' ')
            + (QString::number(o.value(QLatin1String("width")).toInt()) + QLatin1Char('x')
                + QString::number(o.value(QLatin1String("height")).toInt()))
                  .leftJustified(11)
            + QLatin1Char(' ')
            + trove::cli::humanBytes(o.value(QLatin1String("original_bytes")).toInteger())
                  .rightJustified(10)
            + QLatin1String("  ") + o.value(QLatin1String("added_at")).toString()
            + QLatin1String("  ") + o.value(QLatin1String("name")).toString();
        QStringList rowTags;
        for (const QJsonValue &tag : o.value(QLatin1String("tags")).toArray())
            rowTags << tag.toString();
        if (!rowTags.isEmpty())
            line += QLatin1String("  [") + rowTags.join(QLatin1String(", ")) + QLatin1Char(']');
        expectedLines << line;
    }
    QCOMPARE(json.out, QJsonDocument(shown).toJson(QJsonDocument::Indented));
    const Run text = trove({ QStringLiteral("list"), QStringLiteral("--library"), library() });
    QVERIFY2(text.exitCode == 0, text.describe());
    QCOMPARE(
        QString::fromUtf8(text.out), expectedLines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
    // An empty result is still an array.
    const Run none
        = trove({ QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--tag"),
            QStringLiteral("nothing"), QStringLiteral("--library"), library() });
    QCOMPARE(none.out, QJsonDocument(QJsonArray()).toJson(QJsonDocument::Indented));
}

// The pieces of a printed row against the Qt calls they stand in for.
void TestCli::rowPrinterWritesAsQtDoes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("number");
    QTest::newRow("plain") << QStringLiteral("sunset.jpg") << qint64(0);
    QTest::newRow("quotes and backslashes") << QStringLiteral("\"\\\"\\") << qint64(1023);
    QTest::newRow("controls") << QStringLiteral("\b\f\n\r\t\x01\x1f\x7f") << qint64(1024);
    QTest::newRow("unicode") << QStringLiteral("Zürich — 東京 🐈 \u2028") << qint64(1536);
    QTest::newRow("KiB tie") << QString() << qint64(164096); // 160.25 KiB
    QTest::newRow("MiB tie") << QString() << qint64(1024 * 1024 * 5 / 4); // 1.25 MiB
    QTest::newRow("0.05 below a tie") << QString() << qint64(1024 * 15 / 100 * 1024);
    QTest::newRow("GiB") << QString() << qint64(3) * 1024 * 1024 * 1024 + 512 * 1024 * 1024;
    QTest::newRow("TiB and beyond") << QString() << qint64(5000) * 1024 * 1024 * 1024 * 1024;
    // Times: the epoch, a leap day, before 1970, the last second of 9999.
    QTest::newRow("epoch") << QString() << qint64(0);
    QTest::newRow("leap day")
        << QString()
        << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch();
    QTest::newRow("before 1970") << QString() << qint64(-1500);
    QTest::newRow("year 9999")
        << QString()
        << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59), Qt::UTC).toMSecsSinceEpoch();
}

void TestCli::rowPrinterWritesAsQtDoes()
{
    QFETCH(QString, text);
    QFETCH(qint64, number);
    namespace printer = trove::cli::rowprinter;
    QByteArray json;
    printer::appendJsonString(json, text.toUtf8());
    QByteArray qt = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    QCOMPARE(json, qt.mid(1, qt.size() - 2));
    QByteArray bytes;
    printer::appendHumanBytes(bytes, number);
    QCOMPARE(QString::fromUtf8(bytes), trove::cli::humanBytes(number));
    QByteArray when;
    printer::appendIsoUtc(when, number);
    QCOMPARE(
        QString::fromUtf8(when), trove::isoUtc(QDateTime::fromMSecsSinceEpoch(number, Qt::UTC)));
    // Many sizes and times around those: no single value is luck.
    for (qint64 step = 1; step < 1000; step += 7) {
        const qint64 size = number + step * 977;
        bytes.clear();
        printer::appendHumanBytes(bytes, size);
        QCOMPARE(QString::fromUtf8(bytes), trove::cli::humanBytes(size));
        const qint64 ms = number + step * 86'399'937;
        when.clear();
        printer::appendIsoUtc(when, ms);
        QCOMPARE(
            QString::fromUtf8(when), trove::isoUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)));
    }
}

// `trove list --search` takes the window's search language: tags ANDed,
// excluded, ORed, with formats and sizes; a search it cannot read is bad
// usage, explained, never an empty list.
void TestCli::listSearchLanguage()
{
    const struct {
        const char *path;
        QByteArray bytes;
        const char *type;
        QStringList tags;
    } images[] = {
        { "/both.png", ImageFactory::png(300, 200, 1), "image/png", { "nature", "Red" } },
        { "/nature.jpg", ImageFactory::jpeg(1200, 900, 85, 2), "image/jpeg", { "nature" } },
        { "/red.png", ImageFactory::png(40, 30, 3), "image/png", { "red", "two words" } },
    };
    for (const auto &image : images) {
        m_server.addRoute(QLatin1String(image.path), Response::ok(image.bytes, image.type));
        QStringList args { QStringLiteral("add"),
            m_server.url(QLatin1String(image.path)).toString(), QStringLiteral("--library"),
            library() };
        for (const QString &tag : image.tags)
            args << QStringLiteral("--tag") << tag;
        const Run add = trove(args);
        QVERIFY2(add.exitCode == 0, add.describe());
    }
    const auto names = [this](const QString &search) {
        QStringList out;
        for (const QJsonValue &v : list({ QStringLiteral("--search"), search }))
            out << v.toObject().value(QLatin1String("name")).toString();
        out.sort();
        return out;
    };
    QCOMPARE(names(QStringLiteral("tag:nature tag:red")), QStringList { "both" });
    QCOMPARE(names(QStringLiteral("red tag:nature")), QStringList { "both" });
    QCOMPARE(names(QStringLiteral("tag:nature -tag:red")), QStringList { "nature" });
    QCOMPARE(names(QStringLiteral("tag:\"two words\" OR tag:nature")),
        (QStringList { "both", "nature", "red" }));
    QCOMPARE(names(QStringLiteral("format:png width:>100")), QStringList { "both" });
    QCOMPARE(names(QStringLiteral("format:jpg pixels:>1M")), QStringList { "nature" });
    QCOMPARE(names(QStringLiteral("-(tag:nature)")), QStringList { "red" });
    QCOMPARE(names(QStringLiteral("site:127.0.0.1 added:>2000-01-01")),
        (QStringList { "both", "nature", "red" }));

    const Run bad = trove({ QStringLiteral("list"), QStringLiteral("--search"),
        QStringLiteral("tag:nature colour:red"), QStringLiteral("--library"), library() });
    QVERIFY2(bad.exitCode == 2, bad.describe());
    QVERIFY2(bad.out.isEmpty(), bad.describe());
    QVERIFY2(bad.err.startsWith("trove: search: unknown predicate colour:"), bad.describe());
    QVERIFY2(bad.err.contains("(at character 12)"), bad.describe());
    // A collection nobody made is named in the error, never an empty list.
    const Run unknown = trove({ QStringLiteral("list"), QStringLiteral("--search"),
        QStringLiteral("in:holiday"), QStringLiteral("--library"), library() });
    // The searcher's to fix, like any search error: exit 2, "search:".
    QVERIFY2(unknown.exitCode == 2, unknown.describe());
    QVERIFY2(unknown.out.isEmpty(), unknown.describe());
    QVERIFY2(
        unknown.err.startsWith("trove: search: no collection named “holiday”"), unknown.describe());
    // Nor an empty JSON array before the error, which a script reads as
    // "nothing found"; a real empty result is still [].
    const Run unknownJson
        = trove({ QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("in:holiday"),
            QStringLiteral("--json"), QStringLiteral("--library"), library() });
    QVERIFY2(unknownJson.exitCode == 2, unknownJson.describe());
    QVERIFY2(unknownJson.out.isEmpty(), unknownJson.describe());
    const Run noneJson = trove(
        { QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("width:>100000"),
            QStringLiteral("--json"), QStringLiteral("--library"), library() });
    QVERIFY2(noneJson.exitCode == 0, noneJson.describe());
    QVERIFY2(QJsonDocument::fromJson(noneJson.out).isArray(), noneJson.describe());
    QCOMPARE(QJsonDocument::fromJson(noneJson.out).array().size(), 0);

    // Bounds past int64 are clamped, never wrapped round to the opposite.
    QCOMPARE(names(QStringLiteral("width:>9223372036854775807")), QStringList {});
    QCOMPARE(names(QStringLiteral("size:>17179869184GB")), QStringList {});
    QCOMPARE(names(QStringLiteral("width:<18446744073709551617")),
        (QStringList { "both", "nature", "red" }));
}

// Every --sort: names in natural order ("img 9" before "img 10", case
// ignored), file size and pixels either way, and a random order that is the
// same on every run.
void TestCli::listSorts()
{
    const struct {
        const char *path;
        const char *name;
        QByteArray bytes;
        const char *type;
    } images[] = {
        { "/a.png", "img 10", ImageFactory::png(300, 200, 11), "image/png" },
        { "/b.jpg", "img 9", ImageFactory::jpeg(1200, 900, 85, 12), "image/jpeg" },
        { "/c.png", "Img 1", ImageFactory::png(40, 30, 13), "image/png" },
        { "/d.png", "img 100", ImageFactory::png(90, 700, 14), "image/png" },
    };
    for (const auto &image : images) {
        m_server.addRoute(QLatin1String(image.path), Response::ok(image.bytes, image.type));
        const Run add = trove({ QStringLiteral("add"),
            m_server.url(QLatin1String(image.path)).toString(), QStringLiteral("--name"),
            QLatin1String(image.name), QStringLiteral("--library"), library() });
        QVERIFY2(add.exitCode == 0, add.describe());
    }
    auto field = [this](const QString &sort, const char *name) {
        QVariantList out;
        for (const QJsonValue &v : list({ QStringLiteral("--sort"), sort }))
            out << v.toObject().value(QLatin1String(name)).toVariant();
        return out;
    };
    auto pixels = [this](const QString &sort) {
        QList<qint64> out;
        for (const QJsonValue &v : list({ QStringLiteral("--sort"), sort }))
            out << v.toObject().value(QLatin1String("width")).toInteger()
                    * v.toObject().value(QLatin1String("height")).toInteger();
        return out;
    };
    QCOMPARE(field(QStringLiteral("name"), "name"),
        (QVariantList { "Img 1", "img 9", "img 10", "img 100" }));
    QCOMPARE(field(QStringLiteral("name-desc"), "name"),
        (QVariantList { "img 100", "img 10", "img 9", "Img 1" }));
    const QVariantList newest = field(QStringLiteral("newest"), "name");
    QCOMPARE(newest, (QVariantList { "img 100", "Img 1", "img 9", "img 10" }));
    QCOMPARE(field(QStringLiteral("oldest"), "name"),
        (QVariantList { "img 10", "img 9", "Img 1", "img 100" }));
    QList<qint64> bytes;
    for (const QVariant &v : field(QStringLiteral("size"), "original_bytes"))
        bytes << v.toLongLong();
    QCOMPARE(bytes.size(), 4);
    QVERIFY(std::is_sorted(bytes.crbegin(), bytes.crend()));
    QList<qint64> smallest;
    for (const QVariant &v : field(QStringLiteral("size-asc"), "original_bytes"))
        smallest << v.toLongLong();
    QList<qint64> sortedBytes = bytes;
    std::sort(sortedBytes.begin(), sortedBytes.end());
    QCOMPARE(smallest, sortedBytes);
    QCOMPARE(pixels(QStringLiteral("pixels")),
        (QList<qint64> { 1200 * 900, 90 * 700, 300 * 200, 40 * 30 }));
    QCOMPARE(pixels(QStringLiteral("pixels-asc")),
        (QList<qint64> { 40 * 30, 300 * 200, 90 * 700, 1200 * 900 }));
    const QVariantList random = field(QStringLiteral("random"), "name");
    QCOMPARE(random.size(), 4);
    QCOMPARE(field(QStringLiteral("random"), "name"), random);
    QVariantList sortedRandom = random;
    std::sort(sortedRandom.begin(), sortedRandom.end(),
        [](const QVariant &a, const QVariant &b) { return a.toString() < b.toString(); });
    QCOMPARE(sortedRandom, (QVariantList { "Img 1", "img 10", "img 100", "img 9" }));
    // With a search too (a phrase: the word 1 is in every source's host).
    const Run searched = trove({ QStringLiteral("list"), QStringLiteral("--sort"),
        QStringLiteral("name"), QStringLiteral("--search"), QStringLiteral("\"img 1\""),
        QStringLiteral("--json"), QStringLiteral("--library"), library() });
    QVERIFY2(searched.exitCode == 0, searched.describe());
    QStringList searchedNames;
    for (const QJsonValue &v : searched.json().array())
        searchedNames << v.toObject().value(QLatin1String("name")).toString();
    QCOMPARE(searchedNames, (QStringList { "Img 1", "img 10", "img 100" }));
}

// `trove tags` lists the tags with counts (all, or of a search's images);
// `trove tag-rename` renames one on every image, or merges it into a tag
// that exists; a tag nobody has is a failure that says so.
void TestCli::tagsListAndRename()
{
    const struct {
        const char *path;
        QByteArray bytes;
        QStringList tags;
    } images[] = {
        { "/a.png", ImageFactory::png(30, 20, 1), { "kitty", "Red" } },
        { "/b.png", ImageFactory::png(31, 20, 2), { "kitty", "cat" } },
        { "/c.png", ImageFactory::png(32, 20, 3), { "cat", "two words" } },
    };
    for (const auto &image : images) {
        m_server.addRoute(QLatin1String(image.path), Response::ok(image.bytes, "image/png"));
        QStringList args { QStringLiteral("add"),
            m_server.url(QLatin1String(image.path)).toString(), QStringLiteral("--library"),
            library() };
        for (const QString &tag : image.tags)
            args << QStringLiteral("--tag") << tag;
        const Run add = trove(args);
        QVERIFY2(add.exitCode == 0, add.describe());
    }
    const auto tags = [this](const QStringList &extra) {
        const Run r = trove(QStringList { QStringLiteral("tags"), QStringLiteral("--json"),
                                QStringLiteral("--library"), library() }
            + extra);
        QStringList out;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            out << QStringLiteral("%1=%2")
                       .arg(v.toObject().value(QLatin1String("tag")).toString())
                       .arg(v.toObject().value(QLatin1String("count")).toInteger());
        return out;
    };
    QCOMPARE(tags({}), (QStringList { "cat=2", "kitty=2", "Red=1", "two words=1" }));
    QCOMPARE(tags({ QStringLiteral("--limit"), QStringLiteral("1") }), QStringList { "cat=2" });
    QCOMPARE(tags({ QStringLiteral("--search"), QStringLiteral("tag:red") }),
        (QStringList { "kitty=1", "Red=1" }));
    const Run plain = trove({ QStringLiteral("tags"), QStringLiteral("--library"), library() });
    QVERIFY2(plain.exitCode == 0, plain.describe());
    QVERIFY2(plain.out.contains("       2  cat\n"), plain.describe());
    QVERIFY2(plain.out.contains("       1  two words\n"), plain.describe());

    const Run merge = trove({ QStringLiteral("tag-rename"), QStringLiteral("KITTY"),
        QStringLiteral("cat"), QStringLiteral("--json"), QStringLiteral("--library"), library() });
    QVERIFY2(merge.exitCode == 0, merge.describe());
    const QJsonObject merged = QJsonDocument::fromJson(merge.out).object();
    QCOMPARE(merged.value(QLatin1String("images")).toInteger(), 2);
    QCOMPARE(merged.value(QLatin1String("gained")).toInteger(), 1);
    QCOMPARE(tags({}), (QStringList { "cat=3", "Red=1", "two words=1" }));
    QCOMPARE(list({ QStringLiteral("--search"), QStringLiteral("tag:cat") }).size(), 3);

    const Run rename = trove({ QStringLiteral("tag-rename"), QStringLiteral("two words"),
        QStringLiteral("pair"), QStringLiteral("--library"), library() });
    QVERIFY2(rename.exitCode == 0, rename.describe());
    QCOMPARE(tags({}), (QStringList { "cat=3", "pair=1", "Red=1" }));

    // A trashed image's tags are renamed and merged too: restored, it
    // does not bring the old tag back.
    const QStringList lib { QStringLiteral("--library"), library() };
    const Run remove = trove(QStringList { QStringLiteral("remove"), QStringLiteral("c") } + lib);
    QVERIFY2(remove.exitCode == 0, remove.describe());
    const Run trashed = trove(QStringList { QStringLiteral("tag-rename"), QStringLiteral("PAIR"),
                                  QStringLiteral("duo"), QStringLiteral("--json") }
        + lib);
    QVERIFY2(trashed.exitCode == 0, trashed.describe());
    const QJsonObject inTrash = QJsonDocument::fromJson(trashed.out).object();
    QCOMPARE(inTrash.value(QLatin1String("images")).toInteger(), 0);
    QCOMPARE(inTrash.value(QLatin1String("trashed")).toInteger(), 1);
    const Run restore = trove(
        QStringList { QStringLiteral("trash"), QStringLiteral("restore"), QStringLiteral("c") }
        + lib);
    QVERIFY2(restore.exitCode == 0, restore.describe());
    QCOMPARE(tags({}), (QStringList { "cat=3", "duo=1", "Red=1" }));

    const Run none = trove({ QStringLiteral("tag-rename"), QStringLiteral("nobody"),
        QStringLiteral("x"), QStringLiteral("--library"), library() });
    QVERIFY2(none.exitCode == 1, none.describe());
    QVERIFY2(none.err.contains("nobody: no image has this tag"), none.describe());
}

void TestCli::tagsInAnyCase_data()
{
    trove::test::spellingRows(trove::test::Spellings::Same);
}

// A tag is the same tag in any case of any script, for every command that
// names one (testerB-report.md item 1).
void TestCli::tagsInAnyCase()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    const QStringList lib { QStringLiteral("--library"), library() };
    m_server.addRoute(
        QStringLiteral("/u.png"), Response::ok(ImageFactory::png(33, 20, 4), "image/png"));
    m_server.addRoute(
        QStringLiteral("/v.png"), Response::ok(ImageFactory::png(34, 20, 5), "image/png"));
    const Run add = trove(
        QStringList { QStringLiteral("add"), m_server.url(QStringLiteral("/u.png")).toString(),
            QStringLiteral("--name"), QStringLiteral("u"), QStringLiteral("--tag"), stored,
            QStringLiteral("--tag"), QStringLiteral("red") }
        + lib);
    QVERIFY2(add.exitCode == 0, add.describe());
    const Run other
        = trove(QStringList { QStringLiteral("add"),
                    m_server.url(QStringLiteral("/v.png")).toString(), QStringLiteral("--name"),
                    QStringLiteral("v"), QStringLiteral("--tag"), QStringLiteral("red") }
            + lib);
    QVERIFY2(other.exitCode == 0, other.describe());
    const auto names = [this](const QStringList &extra) {
        QStringList out;
        for (const QJsonValue &v : list(extra))
            out << v.toObject().value(QLatin1String("name")).toString();
        out.sort();
        return out;
    };
    const QString term = QStringLiteral("tag:\"%1\"").arg(typed);
    QCOMPARE(names({ QStringLiteral("--search"), term }), QStringList { "u" });
    QCOMPARE(names({ QStringLiteral("--search"), term.toUpper() }), QStringList { "u" });
    QCOMPARE(names({ QStringLiteral("--tag"), typed }), QStringList { "u" });
    QCOMPARE(names({ QStringLiteral("--search"), QLatin1Char('-') + term }), QStringList { "v" });

    // Added again in another case: the image keeps its one spelling.
    const Run again = trove(QStringList { QStringLiteral("tag"), QStringLiteral("u"),
                                QStringLiteral("--add"), typed, QStringLiteral("--json") }
        + lib);
    QVERIFY2(again.exitCode == 0, again.describe());
    const QJsonArray tagged = again.json().array();
    QCOMPARE(tagged.size(), 1);
    QCOMPARE(tagged.first().toObject().value(QLatin1String("tags")).toArray().size(), 2);

    // Given to another image in the other case, it is counted as one tag.
    const Run second = trove(
        QStringList { QStringLiteral("tag"), QStringLiteral("v"), QStringLiteral("--add"), typed }
        + lib);
    QVERIFY2(second.exitCode == 0, second.describe());
    const Run tags = trove(QStringList { QStringLiteral("tags"), QStringLiteral("--json") } + lib);
    QVERIFY2(tags.exitCode == 0, tags.describe());
    const QJsonArray counted = tags.json().array();
    QCOMPARE(counted.size(), 2);
    for (const QJsonValue &v : counted)
        QCOMPARE(v.toObject().value(QLatin1String("count")).toInteger(), 2);

    // Removed in the other case, and renamed by it.
    const Run remove = trove(QStringList { QStringLiteral("tag"), QStringLiteral("v"),
                                 QStringLiteral("--remove"), stored.toLower() }
        + lib);
    QVERIFY2(remove.exitCode == 0, remove.describe());
    QCOMPARE(names({ QStringLiteral("--search"), term }), QStringList { "u" });
    const Run rename = trove(QStringList { QStringLiteral("tag-rename"), typed,
                                 QStringLiteral("renamed"), QStringLiteral("--json") }
        + lib);
    QVERIFY2(rename.exitCode == 0, rename.describe());
    QCOMPARE(rename.json().object().value(QLatin1String("images")).toInteger(), 1);
    QCOMPARE(
        names({ QStringLiteral("--search"), QStringLiteral("tag:RENAMED") }), QStringList { "u" });
    QCOMPARE(names({ QStringLiteral("--search"), term }), QStringList {});
}

// In a pipe (as here) `add` prints results and failures, never a progress
// line; --quiet leaves only the failures. On a terminal (a pty made by
// script(1)) the progress line is drawn, and wiped, on stderr.
void TestCli::addQuietAndProgress()
{
    for (int i = 0; i < 2; ++i)
        m_server.addRoute(QStringLiteral("/p%1.png").arg(i),
            Response::ok(ImageFactory::png(40 + i, 30, quint32(70 + i)), "image/png"));
    const QStringList links { m_server.url(QStringLiteral("/p0.png")).toString(),
        m_server.url(QStringLiteral("/p1.png")).toString(),
        m_server.url(QStringLiteral("/missing.png")).toString() };
    const QStringList lib { QStringLiteral("--library"), library() };

    Run plain = trove(QStringList { QStringLiteral("add") } + links + lib);
    QCOMPARE(plain.exitCode, 1);
    QCOMPARE(QString::fromUtf8(plain.out).count(QLatin1String("added   ")), 2);
    QVERIFY2(plain.err.contains("failed  ") && plain.err.contains("missing.png"), plain.describe());
    QVERIFY2(!plain.err.contains("adding:") && !plain.err.contains('\r'), plain.describe());

    QDir(library()).removeRecursively();
    Run quiet
        = trove(QStringList { QStringLiteral("add"), QStringLiteral("--quiet") } + links + lib);
    QCOMPARE(quiet.exitCode, 1);
    QVERIFY2(quiet.out.isEmpty(), quiet.describe());
    QVERIFY2(quiet.err.contains("failed  ") && quiet.err.contains("missing.png"), quiet.describe());
    QVERIFY2(!quiet.err.contains("adding:"), quiet.describe());
    QCOMPARE(list().size(), 2);

    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (script.isEmpty())
        QSKIP("script(1) (util-linux) is not installed: no pty test");
    auto onTerminal = [&](const QStringList &extra) {
        QStringList command { QStringLiteral(TROVE_BINARY), QStringLiteral("add") };
        command << extra << links.first() << lib;
        for (QString &word : command)
            word = QLatin1Char('\'') + word + QLatin1Char('\'');
        QProcess p;
        p.setProcessEnvironment(trove::test::cleanTroveEnvironment(m_dir->path()));
        p.start(script,
            { QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
                command.join(QLatin1Char(' ')), QStringLiteral("/dev/null") });
        return finish(p);
    };
    QDir(library()).removeRecursively();
    Run tty = onTerminal({});
    QVERIFY2(tty.exitCode == 0, tty.describe());
    QVERIFY2(tty.out.contains("adding: 0 of 1 done"), tty.describe());
    QVERIFY2(tty.out.contains("\r\x1b[K"), tty.describe()); // wiped before the result line
    QVERIFY2(tty.out.contains("present ") || tty.out.contains("added   "), tty.describe());
    Run ttyQuiet = onTerminal({ QStringLiteral("--quiet") });
    QVERIFY2(ttyQuiet.exitCode == 0, ttyQuiet.describe());
    QVERIFY2(!ttyQuiet.out.contains("adding:"), ttyQuiet.describe());
    QVERIFY2(!ttyQuiet.out.contains("present "), ttyQuiet.describe());
}

void TestCli::addLocalFile()
{
    const QByteArray bytes = ImageFactory::png(90, 60, 4);
    const QString file = m_dir->filePath(QStringLiteral("local photo.png"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();
    // Relative to the working directory, as a person types it.
    Run add = trove({ QStringLiteral("add"), QStringLiteral("local photo.png"),
        QStringLiteral("--json"), QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("local photo"));
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("source_url")).toString(),
        QUrl::fromLocalFile(file).toString());
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("sha256")).toString(), sha256Hex(bytes));
    QVERIFY(QFileInfo::exists(file)); // the original stays where it was
}

// A folder, a link and a loose file in one add: the folder is walked for
// images by content (nested, wrong or no extensions), what is no image is
// counted, and a symbolic link loop and a dangling link are reported
// without stopping the rest.
void TestCli::addFolder()
{
    const QString photos = m_dir->filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(photos + QStringLiteral("/sub/deeper")));
    QVERIFY(
        trove::test::writeFile(photos + QStringLiteral("/a.png"), ImageFactory::png(30, 20, 1)));
    QVERIFY(trove::test::writeFile(
        photos + QStringLiteral("/sub/deeper/b"), ImageFactory::jpeg(31, 20, 85, 2)));
    QVERIFY(trove::test::writeFile(
        photos + QStringLiteral("/sub/c.txt"), ImageFactory::gif(32, 20, 3)));
    QVERIFY(trove::test::writeFile(photos + QStringLiteral("/notes.png"), "shopping list\n"));
    QVERIFY(trove::test::writeFile(photos + QStringLiteral("/sub/readme.md"), "# hello\n"));
    QVERIFY(QFile::link(photos, photos + QStringLiteral("/sub/deeper/loop")));
    QVERIFY(QFile::link(QStringLiteral("missing.png"), photos + QStringLiteral("/dangling.png")));
    QVERIFY(trove::test::writeFile(
        m_dir->filePath(QStringLiteral("loose.png")), ImageFactory::png(33, 20, 4)));
    m_server.addRoute(
        QStringLiteral("/web.png"), Response::ok(ImageFactory::png(34, 20, 5), "image/png"));
    const QString link = m_server.url(QStringLiteral("/web.png")).toString();

    Run add = trove(
        { QStringLiteral("add"), QStringLiteral("photos"), link, QStringLiteral("loose.png"),
            QStringLiteral("--json"), QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    QStringList added;
    QStringList skipped;
    for (const QJsonValue &v : add.json().array()) {
        const QJsonObject o = v.toObject();
        const QString status = o.value(QLatin1String("status")).toString();
        if (status == QLatin1String("added"))
            added << o.value(QLatin1String("name")).toString();
        else if (status == QLatin1String("skipped"))
            skipped << QDir(photos).relativeFilePath(o.value(QLatin1String("source")).toString())
                    + QLatin1Char(' ') + o.value(QLatin1String("error")).toString();
        else
            QFAIL(qPrintable(QStringLiteral("unexpected item: ")
                + QString::fromUtf8(QJsonDocument(o).toJson())));
    }
    added.sort();
    QCOMPARE(added,
        QStringList({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
            QStringLiteral("loose"), QStringLiteral("web") }));
    skipped.sort();
    QCOMPARE(skipped.size(), 2);
    QVERIFY2(skipped.at(0).startsWith(QStringLiteral("dangling.png cannot follow symbolic link")),
        qPrintable(skipped.join(QLatin1Char('\n'))));
    QVERIFY2(skipped.at(1).startsWith(QStringLiteral("sub/deeper/loop symbolic link loop back to")),
        qPrintable(skipped.join(QLatin1Char('\n'))));
    const QStringList errLines = add.errLines();
    QVERIFY2(
        errLines.contains(QStringLiteral("skipped 2 files that are not images")), add.describe());
    QVERIFY2(
        errLines.filter(QStringLiteral("skipped ") + photos + QStringLiteral("/dangling.png: "))
                .size()
            == 1,
        add.describe());
    QCOMPARE(list().size(), 5);

    // Again, as text: the same images are present, the rest reported alike.
    Run again = trove({ QStringLiteral("add"), photos, QStringLiteral("--library"), library() });
    QVERIFY2(again.exitCode == 0, again.describe());
    const QStringList out
        = QString::fromUtf8(again.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(out.size(), 3);
    for (const QString &line : out)
        QVERIFY2(line.startsWith(QStringLiteral("present")), qPrintable(line));
    QVERIFY2(again.errLines().contains(QStringLiteral("skipped 2 files that are not images")),
        again.describe());
    QCOMPARE(list().size(), 5);
}

// What a person brings: a name that is not UTF-8, a file and a folder
// that may not be read, names with a newline and a terminal escape. The
// rest is added; each of the first three is named on stderr with why, the
// exit status is 1; the hostile names come out escaped, on one line each.
void TestCli::addFolderTellsWhatItCouldNotRead()
{
    const QString tree = m_dir->filePath(QStringLiteral("odd"));
    QVERIFY(QDir().mkpath(tree + QStringLiteral("/shut")));
    QVERIFY(writeFile(tree + QStringLiteral("/good.png"), ImageFactory::png(30, 20, 1)));
    QVERIFY(writeFile(tree + QStringLiteral("/shut/in.png"), ImageFactory::png(31, 20, 2)));
    QVERIFY(writeFile(tree + QStringLiteral("/locked.png"), ImageFactory::png(32, 20, 3)));
    const QString evil = QStringLiteral("evil\n\x1b[31mred\tname.png");
    QVERIFY(writeFile(tree + QLatin1Char('/') + evil, ImageFactory::png(33, 20, 4)));
    const QByteArray bad = QFile::encodeName(tree) + "/caf\xe9.png";
    const QByteArray badBytes = ImageFactory::png(34, 20, 5);
    const int fd = ::open(bad.constData(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    QVERIFY(fd >= 0);
    QVERIFY(::write(fd, badBytes.constData(), size_t(badBytes.size())) == badBytes.size());
    ::close(fd);
    QVERIFY(QFile::setPermissions(tree + QStringLiteral("/locked.png"), {}));
    QVERIFY(QFile::setPermissions(tree + QStringLiteral("/shut"), {}));

    QProcess p;
    p.setProcessEnvironment(trove::test::cleanTroveEnvironment(m_dir->path()));
    p.setWorkingDirectory(m_dir->path());
    const bool obeyed = trove::test::obeyPermissionsInChild(p);
    p.start(QStringLiteral(TROVE_BINARY),
        { QStringLiteral("add"), tree, QStringLiteral("--library"), library() });
    const Run add = finish(p);
    QFile::setPermissions(
        tree + QStringLiteral("/shut"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::setPermissions(
        tree + QStringLiteral("/locked.png"), QFile::ReadOwner | QFile::WriteOwner);
    ::unlink(bad.constData()); // QTemporaryDir could not: it lists with QDirIterator

    QVERIFY2(add.exitCode == 1, add.describe());
    const QStringList err = add.errLines();
    QVERIFY2(err.contains(QStringLiteral("skipped %1/caf\\xe9.png: the name is not valid UTF-8: "
                                         "rename it to add it")
                              .arg(tree)),
        add.describe());
    if (obeyed) {
        QVERIFY2(
            err.contains(
                QStringLiteral("skipped %1/locked.png: cannot read: permission denied").arg(tree)),
            add.describe());
        QVERIFY2(
            err.contains(
                QStringLiteral("skipped %1/shut: cannot open folder: permission denied").arg(tree)),
            add.describe());
    }
    // Two images, two lines: the newline in a name forges none.
    const QStringList out = QString::fromUtf8(add.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(out.size(), 2);
    QVERIFY(!add.out.contains('\x1b') && !add.out.contains('\t'));
    QVERIFY2(out.filter(tree + QStringLiteral("/evil\\n\\x1b[31mred\\tname.png")).size() == 1,
        add.describe());
    QCOMPARE(list().size(), 2);

    // With everything readable, the same folder is fine: exit 0.
    QVERIFY(QFile::remove(tree + QStringLiteral("/locked.png")));
    QVERIFY(QDir(tree + QStringLiteral("/shut")).removeRecursively());
    const Run again
        = trove({ QStringLiteral("add"), tree, QStringLiteral("--library"), library() });
    QVERIFY2(again.exitCode == 0, again.describe());
    QVERIFY2(again.err.isEmpty(), again.describe());
}

void TestCli::addFolderWithoutImages_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::newRow("empty") << QStringList {};
    QTest::newRow("no images") << QStringList { QStringLiteral("notes.txt"),
        QStringLiteral("sub/page.png"), QStringLiteral(".hidden.png") };
}

// Silence would look like success: a folder with nothing to add says so.
void TestCli::addFolderWithoutImages()
{
    QFETCH(QStringList, files);
    const QString folder = m_dir->filePath(QStringLiteral("nothing"));
    QVERIFY(QDir().mkpath(folder));
    for (const QString &f : files) {
        QVERIFY(QDir().mkpath(QFileInfo(folder + QLatin1Char('/') + f).path()));
        const QByteArray bytes
            = f.startsWith(QLatin1Char('.')) ? ImageFactory::png(8, 8) : QByteArray("text\n");
        QVERIFY(writeFile(folder + QLatin1Char('/') + f, bytes));
    }
    Run add = trove({ QStringLiteral("add"), QStringLiteral("nothing"), QStringLiteral("--library"),
        library() });
    QVERIFY2(add.exitCode == 1, add.describe());
    QVERIFY2(add.errLines().contains(QStringLiteral("no images found in nothing")), add.describe());
    QVERIFY2(add.out.isEmpty(), add.describe());

    add = trove({ QStringLiteral("add"), folder, QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 1, add.describe());
    const QJsonArray rows = add.json().array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("source")).toString(), folder);
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("error")).toString(),
        QStringLiteral("no images found in ") + folder);
    QCOMPARE(list().size(), 0);
}

// --- failures ------------------------------------------------------------

void TestCli::commandsRefuseAFolderWithoutALibrary_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("list") << QStringList { QStringLiteral("list") };
    QTest::newRow("show") << QStringList { QStringLiteral("show"), QStringLiteral("x") };
    QTest::newRow("verify") << QStringList { QStringLiteral("verify") };
    QTest::newRow("stats") << QStringList { QStringLiteral("stats") };
    QTest::newRow("tag") << QStringList { QStringLiteral("tag"), QStringLiteral("x"),
        QStringLiteral("--add"), QStringLiteral("t") };
    QTest::newRow("trash list") << QStringList { QStringLiteral("trash"), QStringLiteral("list") };
}

// A mistyped --library, or a photo folder given by mistake, is said to hold
// no library; it does not become one.
void TestCli::commandsRefuseAFolderWithoutALibrary()
{
    QFETCH(QStringList, args);
    const QString photos = m_dir->filePath(QStringLiteral("photos"));
    QVERIFY(QDir().mkpath(photos));
    QVERIFY(writeFile(photos + QStringLiteral("/a.png"), ImageFactory::png(8, 8, 1)));
    for (const QString &folder : { photos, m_dir->filePath(QStringLiteral("typo")) }) {
        const Run run = trove(args + QStringList { QStringLiteral("--library"), folder });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("no Trove library in"), run.describe());
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/catalog.sqlite")));
    }
    QCOMPARE(QDir(photos).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("a.png") });
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("typo"))));
    // Nothing to resume where there is no library, and none is made.
    const Run resume = trove({ QStringLiteral("resume"), QStringLiteral("--library"),
        m_dir->filePath(QStringLiteral("typo")) });
    QVERIFY2(resume.exitCode == 0 && resume.out.contains("nothing to resume"), resume.describe());
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("typo"))));
}

void TestCli::failuresLeaveLibraryUntouched_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("reason"); // must appear in the stderr line

    const QStringList none;
    const QStringList limit { QStringLiteral("TROVE_MAX_DOWNLOAD_BYTES=100000") };
    QTest::newRow("404") << QStringLiteral("/fail/missing.png") << none
                         << QStringLiteral("HTTP 404");
    QTest::newRow("500") << QStringLiteral("/fail/error.png") << none << QStringLiteral("HTTP 500");
    QTest::newRow("html served as image/jpeg")
        << QStringLiteral("/fail/page.jpg") << none << QStringLiteral("not an image (text/html)");
    QTest::newRow("truncated png")
        << QStringLiteral("/fail/cut.png") << none << QStringLiteral("truncated image (png)");
    QTest::newRow("truncated jpeg")
        << QStringLiteral("/fail/cut.jpg") << none << QStringLiteral("truncated image (jpeg)");
    QTest::newRow("redirect loop")
        << QStringLiteral("/fail/loop-a.png") << none << QStringLiteral("redirect loop");
    QTest::newRow("redirect to itself")
        << QStringLiteral("/fail/self.png") << none << QStringLiteral("redirect loop");
    QTest::newRow("redirect to file:") << QStringLiteral("/fail/to-file.png") << none
                                       << QStringLiteral("redirect to a refused scheme: file");
    QTest::newRow("too large, announced")
        << QStringLiteral("/fail/big.png") << limit << QStringLiteral("too large");
    QTest::newRow("too large, chunked")
        << QStringLiteral("/fail/big-chunked.png") << limit << QStringLiteral("too large");
    QTest::newRow("too large, endless")
        << QStringLiteral("/fail/endless.png") << limit << QStringLiteral("too large");
    QTest::newRow("too large, gzip bomb")
        << QStringLiteral("/fail/bomb.png") << limit << QStringLiteral("too large");
    QTest::newRow("an encoding nobody asked for")
        << QStringLiteral("/fail/brotli.png") << none
        << QStringLiteral("the server sent the image encoded as \"br\"");
    QTest::newRow("gzip body cut off") << QStringLiteral("/fail/cut.gz.png") << none
                                       << QStringLiteral("the server's compressed body ends early");
    QTest::newRow("decompression bomb image") << QStringLiteral("/fail/huge.png") << none
                                              << QStringLiteral("image too large: 60000x60000");
    QTest::newRow("empty body") << QStringLiteral("/fail/empty.png") << none
                                << QStringLiteral("empty response: no image data");
    QTest::newRow("connection closed early")
        << QStringLiteral("/fail/short.png") << none << QStringLiteral("connection closed after");
    QTest::newRow("stalled") << QStringLiteral("/fail/stall.png")
                             << QStringList { QStringLiteral("TROVE_STALL_TIMEOUT_MS=400") }
                             << QStringLiteral("timed out after 0.4 s without data");
}

void TestCli::failuresLeaveLibraryUntouched()
{
    QFETCH(QString, path);
    QFETCH(QStringList, env);
    QFETCH(QString, reason);

    const QByteArray png = ImageFactory::png(300, 200, 11);
    const QByteArray jpeg = ImageFactory::jpeg(300, 200, 85, 12);
    m_server.addRoute(QStringLiteral("/fail/error.png"), Response::status(500));
    m_server.addRoute(
        QStringLiteral("/fail/page.jpg"), Response::ok(ImageFactory::html(), "image/jpeg"));
    m_server.addRoute(QStringLiteral("/fail/cut.png"),
        Response::ok(ImageFactory::truncated(png, 0.6), "image/png"));
    m_server.addRoute(QStringLiteral("/fail/cut.jpg"),
        Response::ok(ImageFactory::truncated(jpeg, 0.6), "image/jpeg"));
    m_server.addRoute(QStringLiteral("/fail/loop-a.png"),
        Response::redirect(302, QStringLiteral("/fail/loop-b.png")));
    m_server.addRoute(QStringLiteral("/fail/loop-b.png"),
        Response::redirect(301, QStringLiteral("/fail/loop-a.png")));
    m_server.addRoute(QStringLiteral("/fail/self.png"),
        Response::redirect(307, QStringLiteral("/fail/self.png")));
    m_server.addRoute(QStringLiteral("/fail/to-file.png"),
        Response::redirect(302, QStringLiteral("file:///etc/passwd")));
    // 300,000 bytes that start like a PNG, over the 100,000 limit.
    const QByteArray big = png + QByteArray(300000 - png.size(), '\0');
    m_server.addRoute(QStringLiteral("/fail/big.png"), Response::ok(big, "image/png"));
    Response chunked = Response::ok(big, "image/png");
    chunked.chunked = true;
    m_server.addRoute(QStringLiteral("/fail/big-chunked.png"), chunked);
    Response endless = Response::ok(png, "image/png");
    endless.infiniteBody = true;
    m_server.addRoute(QStringLiteral("/fail/endless.png"), endless);
    Response bomb = Response::ok(Response::gzipOfZeros(qint64(64) * 1024 * 1024), "image/png");
    bomb.withHeader("Content-Encoding", "gzip");
    m_server.addRoute(QStringLiteral("/fail/bomb.png"), bomb);
    Response brotli = Response::ok(png, "image/png");
    brotli.withHeader("Content-Encoding", "br");
    m_server.addRoute(QStringLiteral("/fail/brotli.png"), brotli);
    const QByteArray gz = Response::gzip(png);
    Response cutGzip = Response::ok(gz.left(gz.size() - 100), "image/png");
    cutGzip.withHeader("Content-Encoding", "gzip");
    m_server.addRoute(QStringLiteral("/fail/cut.gz.png"), cutGzip);
    m_server.addRoute(QStringLiteral("/fail/huge.png"),
        Response::ok(ImageFactory::pngDeclaring(60000, 60000), "image/png"));
    m_server.addRoute(QStringLiteral("/fail/empty.png"), Response::ok(QByteArray(), "image/png"));
    Response shortBody = Response::ok(png.left(1000), "image/png");
    shortBody.contentLength = png.size();
    m_server.addRoute(QStringLiteral("/fail/short.png"), shortBody);
    Response stall = Response::ok(png, "image/png");
    stall.stallAfterHeaders = true;
    m_server.addRoute(QStringLiteral("/fail/stall.png"), stall);

    // A library with one image in it, and what it looks like.
    QVERIFY(!addGood(QStringLiteral("/good/keep.png"), 1).isEmpty());
    const QJsonArray rowsBefore = list();
    QCOMPARE(rowsBefore.size(), 1);
    const QStringList blobsBefore = blobListing();
    QVERIFY(!blobsBefore.isEmpty());

    const QString url = m_server.url(path).toString();
    QElapsedTimer timer;
    timer.start();
    const Run add
        = trove({ QStringLiteral("add"), url, QStringLiteral("--library"), library() }, env);
    QVERIFY2(add.exitCode == 1, add.describe());
    // A liveness bound (timebounds.h): how long giving up takes is bench/'s.
    QVERIFY2(timer.elapsed() < kLivenessMs, "took too long to give up");
    const QStringList lines = add.errLines();
    QVERIFY2(lines.size() == 1, add.describe());
    const QString expectedStart = QStringLiteral("failed  %1: ").arg(url);
    QVERIFY2(lines.first().startsWith(expectedStart), qPrintable(lines.first()));
    QVERIFY2(lines.first().mid(expectedStart.size()).contains(reason),
        qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(reason, lines.first())));
    QVERIFY2(add.out.trimmed().isEmpty(), add.describe());

    QCOMPARE(list(), rowsBefore);
    QCOMPARE(blobListing(), blobsBefore);
    QCOMPARE(tmpListing(), QStringList {});
    Run stats = trove({ QStringLiteral("stats"), QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QCOMPARE(stats.json().object().value(QLatin1String("images")).toInteger(), 1);
}

void TestCli::failureJsonNamesReason()
{
    const QString url = m_server.url(QStringLiteral("/nothing-here.png")).toString();
    const Run add = trove({ QStringLiteral("add"), url, QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 1, add.describe());
    const QJsonArray results = add.json().array();
    QCOMPARE(results.size(), 1);
    const QJsonObject o = results.at(0).toObject();
    QCOMPARE(o.value(QLatin1String("source")).toString(), url);
    QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
    QVERIFY2(o.value(QLatin1String("error")).toString().startsWith(QLatin1String("HTTP 404")),
        add.describe());
    QVERIFY(!o.contains(QLatin1String("id")));
    QCOMPARE(add.errLines().size(), 1);
}

void TestCli::gzipEncodedTransfer_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("chunked");
    QTest::newRow("png") << ImageFactory::png(200, 150, 8) << false;
    QTest::newRow("bmp, chunked") << ImageFactory::bmp(200, 150, 9) << true;
    // A real picture that happens to compress very well: 12 MB of BMP
    // pixels, mostly one colour. Content-Encoding is transport, not the
    // image; the size limit (256 MiB) is far away.
    QImage flat = ImageFactory::solid(2000, 1500, QColor(30, 120, 200));
    for (int y = 0; y < 1500; y += 100)
        for (int x = 0; x < 2000; ++x)
            flat.setPixel(x, y, qRgb(255, 255, 255));
    QTest::newRow("large flat bmp") << ImageFactory::encode(flat, "bmp") << false;
}

void TestCli::gzipEncodedTransfer()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, chunked);
    QVERIFY(!bytes.isEmpty());
    Response r = Response::ok(bytes, "image/x-something");
    r.gzipBody = true;
    r.chunked = chunked;
    m_server.addRoute(QStringLiteral("/enc/picture"), r);
    const Run add
        = trove({ QStringLiteral("add"), m_server.url(QStringLiteral("/enc/picture")).toString(),
            QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), 1);
    // The original bytes, not the transfer encoding.
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("sha256")).toString(), sha256Hex(bytes));
    QCOMPARE(
        rows.at(0).toObject().value(QLatin1String("original_bytes")).toInteger(), bytes.size());
    // Trove asked for none: this server compressed anyway, and Trove
    // decoded it itself (BodyInflater), within its size limit.
    QCOMPARE(m_server.lastRequestHeader(QStringLiteral("/enc/picture"), "Accept-Encoding"),
        QByteArray("identity"));
}

void TestCli::endlessBodyAtDefaultLimit()
{
    // The real 256 MiB limit, against a body that never ends. Loopback
    // carries that in a few seconds idle; under load it may take longer,
    // and only a run past the liveness bound (timebounds.h) is a failure.
    // bench/ measures how long it takes.
    Response endless = Response::ok(ImageFactory::png(64, 64, 2), "image/png");
    endless.infiniteBody = true;
    m_server.addRoute(QStringLiteral("/endless.png"), endless);
    const QString url = m_server.url(QStringLiteral("/endless.png")).toString();
    QElapsedTimer timer;
    timer.start();
    const Run add = trove({ QStringLiteral("add"), url, QStringLiteral("--library"), library() });
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(add.finished && elapsed < kLivenessMs,
        qPrintable(QStringLiteral("256 MiB over loopback took %1 ms here").arg(elapsed)));
    QVERIFY2(add.exitCode == 1, add.describe());
    const QStringList lines = add.errLines();
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(QStringLiteral("failed  %1: too large").arg(url)),
        qPrintable(lines.first()));
    QVERIFY2(lines.first().contains(QLatin1String("256 MiB")), qPrintable(lines.first()));
    QCOMPARE(tmpListing(), QStringList {});
    qInfo("256 MiB refused in %lld ms", elapsed);
}

// --- many and duplicate sources --------------------------------------------

void TestCli::sameBytesFromTwoUrls()
{
    const QByteArray bytes = ImageFactory::webp(128, 96, 5);
    m_server.addRoute(QStringLiteral("/a/one.webp"), Response::ok(bytes, "image/webp"));
    m_server.addRoute(
        QStringLiteral("/b/two.webp"), Response::ok(bytes, "application/octet-stream"));
    m_server.addRoute(QStringLiteral("/c/three"), Response::ok(bytes, "image/webp"));
    const QString one = m_server.url(QStringLiteral("/a/one.webp")).toString();
    const QString two = m_server.url(QStringLiteral("/b/two.webp")).toString();
    const QString three = m_server.url(QStringLiteral("/c/three")).toString();

    Run add = trove({ QStringLiteral("add"), one, two, QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    QStringList statuses;
    QSet<QString> ids;
    for (const QJsonValue &v : add.json().array()) {
        statuses << v.toObject().value(QLatin1String("status")).toString();
        ids.insert(v.toObject().value(QLatin1String("id")).toString());
    }
    statuses.sort();
    QCOMPARE(statuses, (QStringList { QStringLiteral("added"), QStringLiteral("present") }));
    QCOMPARE(ids.size(), 1);

    QJsonArray rows = list();
    QCOMPARE(rows.size(), 1);
    QJsonArray sources = rows.at(0).toObject().value(QLatin1String("sources")).toArray();
    QCOMPARE(sources.size(), 2);
    QVERIFY(sources.contains(one) && sources.contains(two));
    QCOMPARE(blobListing().filter(QStringLiteral(".gz ")).size(), 1);

    // Later, from a third link: still one image, now three sources.
    add = trove({ QStringLiteral("add"), three, QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    QVERIFY2(add.out.startsWith("present "), add.describe());
    rows = list();
    QCOMPARE(rows.size(), 1);
    sources = rows.at(0).toObject().value(QLatin1String("sources")).toArray();
    QCOMPARE(sources.size(), 3);
    QVERIFY(sources.contains(three));
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("source_url")).toString().isEmpty(), false);
    QVERIFY(tmpListing().isEmpty());
}

void TestCli::manyUrlsInOneAdd()
{
    const QList<QByteArray> formats { "png", "jpeg", "gif", "webp", "bmp", "svg" };
    QStringList urls;
    QHash<QString, QString> shaByUrl;
    for (int i = 0; i < 24; ++i) {
        const QByteArray format = formats[i % formats.size()];
        const QByteArray bytes = ImageFactory::image(format, 40 + i, 30 + i, quint32(100 + i));
        const QString path = QStringLiteral("/many/%1.%2").arg(i).arg(extensionOf(format));
        m_server.addRoute(path, Response::ok(bytes, ImageFactory::mimeType(format)));
        const QString url = m_server.url(path).toString();
        urls << url;
        shaByUrl.insert(url, sha256Hex(bytes));
    }
    Run add = trove(QStringList { QStringLiteral("add") } + urls
        + QStringList { QStringLiteral("--json"), QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    QCOMPARE(add.json().array().size(), 24);
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), 24);
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        const QString url = o.value(QLatin1String("source_url")).toString();
        QVERIFY2(shaByUrl.contains(url), qPrintable(url));
        QCOMPARE(o.value(QLatin1String("sha256")).toString(), shaByUrl.take(url));
    }
    QVERIFY(shaByUrl.isEmpty());
    for (int i = 0; i < 24; ++i)
        QCOMPARE(m_server.hits(QUrl(urls[i]).path()), 1);
    Run stats = trove({ QStringLiteral("stats"), QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QCOMPARE(stats.json().object().value(QLatin1String("images")).toInteger(), 24);
    QCOMPARE(blobListing().filter(QStringLiteral(".gz ")).size(), 24);
    QVERIFY(tmpListing().isEmpty());
}

// An SVG with <text> (logos, charts, Inkscape drawings) needs the font
// database to be drawn; without a QGuiApplication QtSvg aborted the whole
// process, and the item left in the queue aborted every later run. Added,
// thumbnailed and hashed again like any other, with nothing on stderr.
void TestCli::svgWithTextIsAdded()
{
    const QString path = m_dir->filePath(QStringLiteral("logo.svg"));
    QVERIFY(writeFile(path,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"50\">"
        "<rect width=\"200\" height=\"50\" fill=\"#fd0\"/>"
        "<text x=\"10\" y=\"30\" font-size=\"20\">Hello</text></svg>\n"));
    const QStringList lib { QStringLiteral("--library"), library() };
    const Run add = trove(QStringList { QStringLiteral("add"), path } + lib);
    QVERIFY2(add.exitCode == 0, add.describe());
    QVERIFY2(add.out.startsWith("added "), add.describe());
    QVERIFY2(add.err.isEmpty(), add.describe());
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(
        rows.at(0).toObject().value(QLatin1String("format")).toString(), QStringLiteral("svg"));
    QCOMPARE(rows.at(0).toObject().value(QLatin1String("width")).toInt(), 200);
    // The queue is empty: a later run has nothing to resume.
    const Run resume = trove(QStringList { QStringLiteral("resume") } + lib);
    QVERIFY2(resume.exitCode == 0 && resume.err.isEmpty(), resume.describe());
    const Run rehash
        = trove(QStringList { QStringLiteral("rehash"), QStringLiteral("--json") } + lib);
    QVERIFY2(rehash.exitCode == 0 && rehash.err.isEmpty(), rehash.describe());
    QCOMPARE(rehash.json().object().value(QLatin1String("hashed")).toInt(), 1);
}

// --per-host bounds what one host sees at once (the server counts), every
// download carries --referer, and a 429 with Retry-After: 1 is tried again
// no sooner than a second later (the server's own times) and then added.
void TestCli::politeDownloads()
{
    QStringList urls;
    for (int i = 0; i < 8; ++i) {
        Response slow = Response::ok(ImageFactory::png(50 + i, 40, quint32(300 + i)), "image/png");
        slow.delayMs = 200;
        const QString path = QStringLiteral("/polite/%1.png").arg(i);
        m_server.addRoute(path, slow);
        urls << m_server.url(path).toString();
    }
    m_server.addSequence(QStringLiteral("/polite/busy.png"),
        { Response::status(429).withHeader("Retry-After", "1") },
        Response::ok(ImageFactory::png(70, 40, 399), "image/png"));
    urls << m_server.url(QStringLiteral("/polite/busy.png")).toString();
    const QString page = QStringLiteral("http://pages.test/album?id=3");

    const Run add = trove(QStringList { QStringLiteral("add") } + urls
        + QStringList { QStringLiteral("--per-host"), QStringLiteral("2"),
            QStringLiteral("--referer"), page, QStringLiteral("--json"),
            QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    QCOMPARE(add.json().array().size(), 9);
    QCOMPARE(list().size(), 9);
    QVERIFY2(m_server.maxConcurrentRequests() == 2,
        qPrintable(QString::number(m_server.maxConcurrentRequests())));
    for (const QString &url : std::as_const(urls))
        QCOMPARE(m_server.lastRequestHeader(QUrl(url).path(), "Referer"), page.toUtf8());
    // ... and kept as the page each image was found on.
    for (const QJsonValue &v : list())
        QCOMPARE(v.toObject().value(QLatin1String("found_on")).toString(), page);
    const QString someId = list().first().toObject().value(QLatin1String("id")).toString();
    const Run show
        = trove({ QStringLiteral("show"), someId, QStringLiteral("--library"), library() });
    QVERIFY2(show.out.contains("found on:       " + page.toUtf8() + "\n"), show.describe());
    const auto busy = m_server.requests(QStringLiteral("/polite/busy.png"));
    QCOMPARE(busy.size(), 2);
    const qint64 gap = busy.at(1).receivedMs - busy.at(0).receivedMs;
    QVERIFY2(gap >= 990, qPrintable(QStringLiteral("retried after %1 ms").arg(gap)));
}

void TestCli::addStopsOnCtrlZ()
{
    // Ctrl+Z in the terminal: the running downloads go back to the queue
    // (their connections close), the process stops holding no write lock,
    // and once continued every image is added, once.
    // Until the stop, every answer stalls after its headers: a download
    // left running would hold its connection open for as long as the
    // process is stopped.
    auto stalling = std::make_shared<std::atomic_bool>(true);
    QStringList urls;
    for (int i = 0; i < 10; ++i) {
        const Response image
            = Response::ok(ImageFactory::png(40 + i, 30, quint32(700 + i)), "image/png");
        const QString path = QStringLiteral("/ctrlz/%1.png").arg(i);
        m_server.addHandler(path, [stalling, image](const RecordedRequest &) {
            Response r = image;
            r.stallAfterHeaders = stalling->load();
            return r;
        });
        urls << m_server.url(path).toString();
    }
    {
        trove::CatalogReader
            made; // an empty library (a command other than add refuses to make one)
        QVERIFY(made.open(trove::LibraryPaths(library())));
    }

    QProcess add;
    add.setProcessEnvironment(trove::test::cleanTroveEnvironment(m_dir->path()));
    // A process group of its own with its parent (this test) outside it, as
    // a shell's job is: the system stops a job only when someone can
    // continue it.
    add.setChildProcessModifier([] { ::setpgid(0, 0); });
    add.start(QStringLiteral(TROVE_BINARY),
        QStringList { QStringLiteral("add") } + urls
            + QStringList { QStringLiteral("--library"), library() });
    QVERIFY(add.waitForStarted(kLivenessMs));
    const qint64 pid = add.processId();
    QTRY_VERIFY_WITH_TIMEOUT(m_server.activeConnections() >= 4, kLivenessMs);

    ::kill(pid_t(pid), SIGTSTP);
    QTRY_COMPARE_WITH_TIMEOUT(processState(pid), 'T', kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activeConnections(), 0, kLivenessMs);
    // Another process writes to the library meanwhile, without waiting.
    const Run other = trove({ QStringLiteral("collection"), QStringLiteral("create"),
        QStringLiteral("while-stopped"), QStringLiteral("--library"), library() });
    QVERIFY2(other.exitCode == 0, other.describe());
    const int hitsWhileStopped = m_server.totalHits();

    stalling->store(false);
    ::kill(pid_t(pid), SIGCONT);
    const Run run = finish(add);
    QVERIFY2(run.exitCode == 0, run.describe());
    QVERIFY2(run.err.contains("item(s) to go; `fg` continues"), run.describe());
    QVERIFY2(run.err.contains("trove: continuing"), run.describe());
    QCOMPARE(run.out.count("added  "), 10);
    QCOMPARE(list().size(), 10);
    // What was put back was asked for again after the stop, once.
    QVERIFY(m_server.totalHits() > hitsWhileStopped);
    int askedTwice = 0;
    for (const QString &url : std::as_const(urls)) {
        const int hits = m_server.hits(QUrl(url).path());
        QVERIFY2(hits == 1 || hits == 2, qPrintable(url));
        askedTwice += hits == 2 ? 1 : 0;
    }
    QVERIFY(askedTwice >= 4);
    QVERIFY(tmpListing().isEmpty());
    QCOMPARE(
        trove({ QStringLiteral("verify"), QStringLiteral("--library"), library() }).exitCode, 0);
}

void TestCli::twoProcessesAddAtOnce()
{
    // A window and a CLI (or two CLIs) on one library: both write, neither
    // loses anything, and a bytes-equal image from both is stored once.
    QStringList first;
    QStringList second;
    for (int i = 0; i < 8; ++i) {
        const QString path = QStringLiteral("/both/%1.png").arg(i);
        m_server.addRoute(
            path, Response::ok(ImageFactory::png(50, 40, quint32(200 + i)), "image/png"));
        (i < 4 ? first : second) << m_server.url(path).toString();
    }
    const QByteArray shared = ImageFactory::jpeg(60, 60, 85, 300);
    m_server.addRoute(QStringLiteral("/both/shared-1.jpg"), Response::ok(shared, "image/jpeg"));
    m_server.addRoute(QStringLiteral("/both/shared-2.jpg"), Response::ok(shared, "image/jpeg"));
    first << m_server.url(QStringLiteral("/both/shared-1.jpg")).toString();
    second << m_server.url(QStringLiteral("/both/shared-2.jpg")).toString();

    const QStringList tail { QStringLiteral("--json"), QStringLiteral("--library"), library() };
    // The library exists before they race (creating it is another story).
    {
        trove::CatalogReader
            made; // an empty library (a command other than add refuses to make one)
        QVERIFY(made.open(trove::LibraryPaths(library())));
    }
    auto a = startTrove(QStringList { QStringLiteral("add") } + first + tail);
    auto b = startTrove(QStringList { QStringLiteral("add") } + second + tail);
    const Run ra = finish(*a);
    const Run rb = finish(*b);
    QVERIFY2(ra.exitCode == 0, ra.describe());
    QVERIFY2(rb.exitCode == 0, rb.describe());
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), 9);
    for (const QJsonValue &v : rows) {
        if (v.toObject().value(QLatin1String("sha256")).toString() == sha256Hex(shared))
            QCOMPARE(v.toObject().value(QLatin1String("sources")).toArray().size(), 2);
    }
    QCOMPARE(blobListing().filter(QStringLiteral(".gz ")).size(), 9);
    QVERIFY(tmpListing().isEmpty());
    QCOMPARE(
        trove({ QStringLiteral("verify"), QStringLiteral("--library"), library() }).exitCode, 0);
}

void TestCli::badSchemeNeedsNoNetwork()
{
    const QString ftp = QStringLiteral("ftp://127.0.0.1:%1/x.png").arg(m_server.port());
    const QString js = QStringLiteral("javascript:alert(1)");
    const QString good = m_server.url(QStringLiteral("/ok.gif")).toString();
    m_server.addRoute(
        QStringLiteral("/ok.gif"), Response::ok(ImageFactory::gif(20, 20, 1), "image/gif"));

    Run add = trove({ QStringLiteral("add"), ftp, js, QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 1, add.describe());
    QCOMPARE(m_server.totalHits(), 0);
    QStringList lines = add.errLines();
    lines.sort();
    QCOMPARE(lines,
        (QStringList { QStringLiteral("failed  %1: unsupported URL scheme: ftp").arg(ftp),
            QStringLiteral("failed  %1: unsupported URL scheme: javascript").arg(js) }));

    // A bad one among good ones: the good one is stored, the status says 1.
    add = trove({ QStringLiteral("add"), js, good, QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 1, add.describe());
    QCOMPARE(add.errLines().size(), 1);
    QCOMPARE(m_server.totalHits(), 1);
    QCOMPARE(list().size(), 1);
}

// --- usage and the other commands ----------------------------------------------

void TestCli::badUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("show without argument") << QStringList { QStringLiteral("show") };
    QTest::newRow("show with two")
        << QStringList { QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b") };
    QTest::newRow("add without source") << QStringList { QStringLiteral("add") };
    QTest::newRow("export without -o")
        << QStringList { QStringLiteral("export"), QStringLiteral("x") };
    QTest::newRow("tag without --add/--remove")
        << QStringList { QStringLiteral("tag"), QStringLiteral("x") };
    // The local API's bounds on tags hold on the command line too.
    QTest::newRow("tag --add of 501 characters") << QStringList { QStringLiteral("tag"),
        QStringLiteral("x"), QStringLiteral("--add"), QString(501, QLatin1Char('a')) };
    QTest::newRow("add --tag of 501 characters") << QStringList { QStringLiteral("add"),
        QStringLiteral("x.png"), QStringLiteral("--tag"), QString(501, QLatin1Char('b')) };
    QTest::newRow("remove without argument") << QStringList { QStringLiteral("remove") };
    QTest::newRow("rename without a new name")
        << QStringList { QStringLiteral("rename"), QStringLiteral("x") };
    QTest::newRow("rename to blanks")
        << QStringList { QStringLiteral("rename"), QStringLiteral("x"), QStringLiteral("  ") };
    QTest::newRow("tags with an argument")
        << QStringList { QStringLiteral("tags"), QStringLiteral("x") };
    QTest::newRow("tags with a bad limit") << QStringList { QStringLiteral("tags"),
        QStringLiteral("--limit"), QStringLiteral("some") };
    QTest::newRow("tag-rename with one tag")
        << QStringList { QStringLiteral("tag-rename"), QStringLiteral("x") };
    QTest::newRow("tag-rename to blanks")
        << QStringList { QStringLiteral("tag-rename"), QStringLiteral("x"), QStringLiteral(" ") };
    QTest::newRow("stats with an argument")
        << QStringList { QStringLiteral("stats"), QStringLiteral("extra") };
    QTest::newRow("list with an argument")
        << QStringList { QStringLiteral("list"), QStringLiteral("x") };
    QTest::newRow("list with an unknown option")
        << QStringList { QStringLiteral("list"), QStringLiteral("--bogus") };
    QTest::newRow("list with a bad sort") << QStringList { QStringLiteral("list"),
        QStringLiteral("--sort"), QStringLiteral("sideways") };
    QTest::newRow("rate without a rating")
        << QStringList { QStringLiteral("rate"), QStringLiteral("x") };
    QTest::newRow("rate above five")
        << QStringList { QStringLiteral("rate"), QStringLiteral("x"), QStringLiteral("6") };
    QTest::newRow("rate with words")
        << QStringList { QStringLiteral("rate"), QStringLiteral("x"), QStringLiteral("good") };
    QTest::newRow("fav without argument") << QStringList { QStringLiteral("fav") };
    QTest::newRow("list with a bad rating search") << QStringList { QStringLiteral("list"),
        QStringLiteral("--search"), QStringLiteral("rating:>=7") };
    QTest::newRow("verify with an argument")
        << QStringList { QStringLiteral("verify"), QStringLiteral("x") };
    QTest::newRow("add --per-host 0") << QStringList { QStringLiteral("add"),
        QStringLiteral("x.png"), QStringLiteral("--per-host"), QStringLiteral("0") };
    QTest::newRow("add --per-host many") << QStringList { QStringLiteral("add"),
        QStringLiteral("x.png"), QStringLiteral("--per-host"), QStringLiteral("many") };
    QTest::newRow("add --referer ftp") << QStringList { QStringLiteral("add"),
        QStringLiteral("x.png"), QStringLiteral("--referer"), QStringLiteral("ftp://x/y") };
}

void TestCli::badUsage()
{
    QFETCH(QStringList, args);
    const Run r = trove(args + QStringList { QStringLiteral("--library"), library() });
    QVERIFY2(r.exitCode == 2, r.describe());
    QVERIFY2(!r.err.isEmpty(), r.describe());
    QVERIFY2(r.out.isEmpty(), r.describe());
}

void TestCli::unknownCommandIsUsageError()
{
    // A mistyped command must not open the window (and wait for a person):
    // it is bad usage. A CLI answers in well under a second.
    const Run r = trove(
        { QStringLiteral("frobnicate"), QStringLiteral("--library"), library() }, {}, kLivenessMs);
    QVERIFY2(r.finished, "`trove frobnicate` did not exit (it opened the window?)");
    QVERIFY2(r.exitCode == 2, r.describe());
    QVERIFY2(r.err.contains("unknown command: frobnicate"), r.describe());
}

void TestCli::windowOrCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("command");
    QTest::newRow("nothing: the window") << QStringList {} << false;
    QTest::newRow("library only") << QStringList { "--library", "/tmp/lib" } << false;
    QTest::newRow("a file to import") << QStringList { "/tmp/a.png" } << false;
    QTest::newRow("a URL to import") << QStringList { "https://example.org/a.png" } << false;
    QTest::newRow("Qt's -platform value") << QStringList { "-platform", "offscreen" } << false;
    QTest::newRow("Qt's -geometry value")
        << QStringList { "-geometry", "1400x900", "--library", "x" } << false;
    QTest::newRow("Qt's --style value") << QStringList { "--style", "fusion" } << false;
    QTest::newRow("Qt's -style=value") << QStringList { "-style=fusion" } << false;
    QTest::newRow("list") << QStringList { "list" } << true;
    QTest::newRow("list after Qt's option")
        << QStringList { "-platform", "offscreen", "list" } << true;
    QTest::newRow("list after --library") << QStringList { "--library", "list", "list" } << true;
    QTest::newRow("mistyped command") << QStringList { "lsit" } << true;
    QTest::newRow("--version") << QStringList { "--version" } << true;
}

void TestCli::windowOrCommand()
{
    QFETCH(QStringList, args);
    QFETCH(bool, command);
    QCOMPARE(trove::cli::isCliInvocation(args), command);
}

void TestCli::helpCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("same");
    QTest::newRow("help add") << QStringList { QStringLiteral("help"), QStringLiteral("add") }
                              << QStringList { QStringLiteral("add"), QStringLiteral("--help") };
    QTest::newRow("help trash") << QStringList { QStringLiteral("help"), QStringLiteral("trash") }
                                << QStringList { QStringLiteral("trash"), QStringLiteral("-h") };
    QTest::newRow("help") << QStringList { QStringLiteral("help") }
                          << QStringList { QStringLiteral("--help") };
    QTest::newRow("library first")
        << QStringList { QStringLiteral("--library"), QStringLiteral("x"), QStringLiteral("help"),
               QStringLiteral("resume") }
        << QStringList { QStringLiteral("resume"), QStringLiteral("--help") };
}

// `trove help CMD` prints what `trove CMD --help` prints.
void TestCli::helpCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, same);
    const Run help = trove(args);
    const Run expected = trove(same);
    QVERIFY2(help.exitCode == 0, help.describe());
    QVERIFY2(expected.exitCode == 0, expected.describe());
    QVERIFY(!help.out.isEmpty());
    QCOMPARE(help.out, expected.out);
    QVERIFY2(help.err.isEmpty(), help.describe());

    // An unknown command is a usage error naming it.
    const Run unknown = trove({ QStringLiteral("help"), QStringLiteral("nope") });
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.errLines().value(0) == QStringLiteral("trove: help: unknown command: nope"),
        unknown.describe());
    QVERIFY(unknown.out.isEmpty());
}

void TestCli::printableEscapesControls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("printed");
    QTest::newRow("plain") << QStringLiteral("/photos/café 📷.png")
                           << QStringLiteral("/photos/café 📷.png");
    QTest::newRow("backslash kept") << QStringLiteral("a\\xff") << QStringLiteral("a\\xff");
    QTest::newRow("newline, tab, cr")
        << QStringLiteral("a\nb\tc\rd") << QStringLiteral("a\\nb\\tc\\rd");
    QTest::newRow("escape sequence")
        << QStringLiteral("x\x1b]0;owned\x07") << QStringLiteral("x\\x1b]0;owned\\x07");
    QTest::newRow("del and c1") << QStringLiteral("a\x7f\u009b2J")
                                << QStringLiteral("a\\x7f\\x9b2J");
    QTest::newRow("bidi override")
        << QStringLiteral("gnp.\u202eevil") << QStringLiteral("gnp.\\u202eevil");
    QTest::newRow("line separator") << QStringLiteral("a\u2028b") << QStringLiteral("a\\u2028b");
}

// What the CLI prints for a person cannot be steered by a file name.
void TestCli::printableEscapesControls()
{
    QFETCH(QString, text);
    QFETCH(QString, printed);
    QCOMPARE(trove::cli::printable(text), printed);
}

void TestCli::helpAndVersion()
{
    Run r = trove({ QStringLiteral("--version") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(QRegularExpression(QStringLiteral("^trove \\d+\\.\\d+\\.\\d+\\n$"))
                 .match(QString::fromUtf8(r.out))
                 .hasMatch(),
        r.describe());
    r = trove({ QStringLiteral("--help") });
    QVERIFY2(r.exitCode == 0, r.describe());
    for (const char *command :
        { "add", "list", "show", "export", "tag", "remove", "stats", "verify" })
        QVERIFY2(r.out.contains(QByteArray("  ") + command + ' '), command);
    QVERIFY2(r.out.contains("  help [COMMAND]"), r.describe());
    r = trove({ QStringLiteral("add"), QStringLiteral("--help") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY(r.out.contains("--tag"));
    QVERIFY2(r.out.contains("Exit status: 0 when"), r.describe());
    QVERIFY2(r.out.startsWith("Usage: trove add URL|FILE... "), r.describe());
    r = trove({ QStringLiteral("resume"), QStringLiteral("--help") });
    QVERIFY2(r.out.startsWith("Usage: trove resume\n"), r.describe());
}

void TestCli::allocatorTakesNoLockOfAnotherThread()
{
    // The binary people run allocates with mimalloc, not glibc's malloc,
    // whose free() takes the lock of the arena the memory came from: the
    // window's GUI thread then waited for SCHED_IDLE threads preempted
    // inside malloc (docs/architecture.md). mimalloc announces itself when
    // asked to; glibc ignores the variable.
#ifdef TROVE_SANITIZED_BUILD
    QSKIP("AddressSanitizer brings its own allocator, and the build keeps it");
#endif
    const Run r = trove({ QStringLiteral("--version") }, { QStringLiteral("MIMALLOC_VERBOSE=1") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.err.contains("mimalloc: process init"), r.describe());
}

void TestCli::showTagRemoveByNameAndPrefix()
{
    m_server.addRoute(
        QStringLiteral("/s/alpha.png"), Response::ok(ImageFactory::png(30, 20, 31), "image/png"));
    m_server.addRoute(
        QStringLiteral("/s/beta.png"), Response::ok(ImageFactory::png(30, 20, 32), "image/png"));
    m_server.addRoute(
        QStringLiteral("/t1/twin.png"), Response::ok(ImageFactory::png(30, 20, 33), "image/png"));
    m_server.addRoute(
        QStringLiteral("/t2/twin.png"), Response::ok(ImageFactory::png(30, 20, 34), "image/png"));
    const QStringList lib { QStringLiteral("--library"), library() };
    Run add = trove(
        QStringList { QStringLiteral("add"),
            m_server.url(QStringLiteral("/s/alpha.png")).toString(),
            m_server.url(QStringLiteral("/s/beta.png")).toString(),
            m_server.url(QStringLiteral("/t1/twin.png")).toString(),
            m_server.url(QStringLiteral("/t2/twin.png")).toString(), QStringLiteral("--json") }
        + lib);
    QVERIFY2(add.exitCode == 0, add.describe());
    QHash<QString, QString> idOf;
    for (const QJsonValue &v : add.json().array())
        idOf.insert(QUrl(v.toObject().value(QLatin1String("source")).toString()).path(),
            v.toObject().value(QLatin1String("id")).toString());
    const QString alpha = idOf.value(QStringLiteral("/s/alpha.png"));
    const QString beta = idOf.value(QStringLiteral("/s/beta.png"));
    QVERIFY(!alpha.isEmpty() && !beta.isEmpty());

    // show, by name and by id prefix
    Run show = trove(QStringList { QStringLiteral("show"), QStringLiteral("alpha") } + lib);
    QVERIFY2(show.exitCode == 0, show.describe());
    QVERIFY2(show.out.contains(QStringLiteral("id:             %1\n").arg(alpha).toUtf8()),
        show.describe());
    QVERIFY(show.out.contains("name:           alpha\n"));
    QVERIFY(show.out.contains("dimensions:     30x20\n"));
    show = trove(
        QStringList { QStringLiteral("show"), alpha.left(8), QStringLiteral("--json") } + lib);
    QVERIFY2(show.exitCode == 0, show.describe());
    QCOMPARE(show.json().object().value(QLatin1String("id")).toString(), alpha);
    QCOMPARE(show.json().object().value(QLatin1String("name")).toString(), QStringLiteral("alpha"));

    // Two images named alike: the name is ambiguous, the ids are not.
    show = trove(QStringList { QStringLiteral("show"), QStringLiteral("twin") } + lib);
    QVERIFY2(show.exitCode == 1, show.describe());
    QVERIFY2(show.err.contains("twin: 2 images match; use an id"), show.describe());
    // Each candidate by its full id, so the person can pick one.
    for (const char *twin : { "/t1/twin.png", "/t2/twin.png" }) {
        const QString line = QStringLiteral("\n  %1  twin").arg(idOf.value(QLatin1String(twin)));
        QVERIFY2(show.err.contains(line.toUtf8()), show.describe());
    }
    show = trove(QStringList { QStringLiteral("show"), QStringLiteral("nobody") } + lib);
    QVERIFY2(show.exitCode == 1, show.describe());
    QVERIFY2(show.err.contains("nobody: no image with this id or name"), show.describe());

    // tag: by name, then by prefix
    Run tag = trove(
        QStringList { QStringLiteral("tag"), QStringLiteral("alpha"), QStringLiteral("--add"),
            QStringLiteral("red"), QStringLiteral("--add"), QStringLiteral("round") }
        + lib);
    QVERIFY2(tag.exitCode == 0, tag.describe());
    QVERIFY2(tag.out.contains("[red, round]"), tag.describe());
    tag = trove(QStringList { QStringLiteral("tag"), alpha.left(6), beta, QStringLiteral("--add"),
                    QStringLiteral("shared"), QStringLiteral("--remove"), QStringLiteral("RED"),
                    QStringLiteral("--json") }
        + lib);
    QVERIFY2(tag.exitCode == 0, tag.describe());
    QCOMPARE(tag.json().array().size(), 2);
    QCOMPARE(list({ QStringLiteral("--tag"), QStringLiteral("shared") }).size(), 2);
    QCOMPARE(list({ QStringLiteral("--tag"), QStringLiteral("red") }).size(), 0);
    const QJsonArray alphaRows = list({ QStringLiteral("--tag"), QStringLiteral("round") });
    QCOMPARE(alphaRows.size(), 1);
    QCOMPARE(alphaRows.at(0).toObject().value(QLatin1String("tags")).toArray(),
        (QJsonArray { QStringLiteral("round"), QStringLiteral("shared") }));
    // An unknown target fails that item; the known one is still tagged.
    tag = trove(QStringList { QStringLiteral("tag"), QStringLiteral("nobody"),
                    QStringLiteral("beta"), QStringLiteral("--add"), QStringLiteral("late") }
        + lib);
    QVERIFY2(tag.exitCode == 1, tag.describe());
    QCOMPARE(list({ QStringLiteral("--tag"), QStringLiteral("late") }).size(), 1);

    // rename: by name; an ambiguous target renames nothing.
    Run rename = trove(QStringList { QStringLiteral("rename"), QStringLiteral("beta"),
                           QStringLiteral("  gamma "), QStringLiteral("--json") }
        + lib);
    QVERIFY2(rename.exitCode == 0, rename.describe());
    QCOMPARE(
        rename.json().object().value(QLatin1String("old_name")).toString(), QStringLiteral("beta"));
    QCOMPARE(
        rename.json().object().value(QLatin1String("name")).toString(), QStringLiteral("gamma"));
    rename = trove(
        QStringList { QStringLiteral("rename"), QStringLiteral("twin"), QStringLiteral("one") }
        + lib);
    QVERIFY2(rename.exitCode == 1, rename.describe());
    QVERIFY2(rename.err.contains("twin: 2 images match; use an id"), rename.describe());
    rename = trove(
        QStringList { QStringLiteral("rename"), QStringLiteral("gamma"), QStringLiteral("beta") }
        + lib);
    QVERIFY2(rename.exitCode == 0, rename.describe());
    QVERIFY2(rename.out.contains("gamma -> beta"), rename.describe());
    // What is printed is what is stored: an escape sequence in the new
    // name (one sets the terminal's title) never reaches the terminal.
    rename = trove(QStringList { QStringLiteral("rename"), QStringLiteral("beta"),
                       QStringLiteral("x\x1b]0;pwn\x07y\nz") }
        + lib);
    QVERIFY2(rename.exitCode == 0, rename.describe());
    QVERIFY2(!rename.out.contains('\x1b') && rename.out.count('\n') == 1, rename.describe());
    QVERIFY2(rename.out.contains("beta -> x ]0;pwn y z\n"), rename.describe());
    rename = trove(QStringList { QStringLiteral("rename"), QStringLiteral("x ]0;pwn y z"),
                       QStringLiteral("beta") }
        + lib);
    QVERIFY2(rename.exitCode == 0, rename.describe());
    // The same image named twice is one target, printed once.
    tag = trove(QStringList { QStringLiteral("tag"), beta, beta.left(8), QStringLiteral("beta"),
                    QStringLiteral("--add"), QStringLiteral("once"), QStringLiteral("--json") }
        + lib);
    QVERIFY2(tag.exitCode == 0, tag.describe());
    QCOMPARE(tag.json().array().size(), 1);

    // A name that is also the start of another image's id (a picture
    // named "2024" or "cafe") names both: nothing is renamed or removed
    // by guessing, and the full id still picks one.
    const QString prefix = alpha.left(6);
    rename = trove(QStringList { QStringLiteral("rename"), QStringLiteral("beta"), prefix } + lib);
    QVERIFY2(rename.exitCode == 0, rename.describe());
    for (const char *command : { "remove", "show" }) {
        Run both = trove(QStringList { QString::fromLatin1(command), prefix } + lib);
        QVERIFY2(both.exitCode == 1, both.describe());
        QVERIFY2(
            both.err.contains(prefix.toUtf8() + ": 2 images match; use an id"), both.describe());
    }
    rename = trove(QStringList { QStringLiteral("rename"), beta, QStringLiteral("beta") } + lib);
    QVERIFY2(rename.exitCode == 0, rename.describe());

    // remove: by prefix, then by name; blobs go with the rows.
    const QString alphaSha = alphaRows.at(0).toObject().value(QLatin1String("sha256")).toString();
    QVERIFY(QFileInfo::exists(blobPath(alphaSha)));
    Run remove = trove(QStringList { QStringLiteral("remove"), alpha.left(8) } + lib);
    QVERIFY2(remove.exitCode == 0, remove.describe());
    QVERIFY2(remove.out.startsWith(QStringLiteral("removed %1  alpha").arg(alpha.left(8)).toUtf8()),
        remove.describe());
    // Removed means moved to the trash: the blob goes when it is emptied.
    QVERIFY(QFileInfo::exists(blobPath(alphaSha)));
    const Run empty = trove(QStringList { QStringLiteral("trash"), QStringLiteral("empty") } + lib);
    QVERIFY2(empty.exitCode == 0, empty.describe());
    QVERIFY(!QFileInfo::exists(blobPath(alphaSha)));
    remove = trove(
        QStringList { QStringLiteral("remove"), QStringLiteral("beta"), QStringLiteral("--json") }
        + lib);
    QVERIFY2(remove.exitCode == 0, remove.describe());
    QCOMPARE(remove.json().object().value(QLatin1String("removed")).toArray(), QJsonArray { beta });
    QCOMPARE(list().size(), 2);
    show = trove(QStringList { QStringLiteral("show"), QStringLiteral("alpha") } + lib);
    QCOMPARE(show.exitCode, 1);
    Run stats = trove(QStringList { QStringLiteral("stats"), QStringLiteral("--json") } + lib);
    QCOMPARE(stats.json().object().value(QLatin1String("images")).toInteger(), 2);
    Run verify = trove(QStringList { QStringLiteral("verify") } + lib);
    QVERIFY2(verify.exitCode == 0, verify.describe());
}

void TestCli::verifyFindsMissingAndOrphanBlobs()
{
    const QString id = addGood(QStringLiteral("/v/keep.png"), 41);
    QVERIFY(!id.isEmpty());
    const QString goneId = addGood(QStringLiteral("/v/gone.png"), 42);
    QVERIFY(!goneId.isEmpty());
    const QJsonArray rows = list();
    QHash<QString, QString> shaOf;
    for (const QJsonValue &v : rows)
        shaOf.insert(v.toObject().value(QLatin1String("id")).toString(),
            v.toObject().value(QLatin1String("sha256")).toString());
    QVERIFY(QFile::remove(blobPath(shaOf.value(goneId))));
    // A blob no row names (a copy of a good one under another name).
    const QString orphan = library() + QStringLiteral("/blobs/00/") + QString(64, QLatin1Char('0'))
        + QStringLiteral(".gz");
    QVERIFY(QDir().mkpath(QFileInfo(orphan).path()));
    QVERIFY(QFile::copy(blobPath(shaOf.value(id)), orphan));

    const Run verify = trove({ QStringLiteral("verify"), QStringLiteral("--library"), library() });
    QVERIFY2(verify.exitCode == 1, verify.describe());
    const QStringList bad = verify.errLines().filter(QRegularExpression(QStringLiteral("^bad  ")));
    QCOMPARE(bad.size(), 2);
    QVERIFY2(!bad.filter(QStringLiteral("bad  %1 gone: blob missing").arg(goneId)).isEmpty(),
        verify.describe());
    QVERIFY2(!bad.filter(QStringLiteral("orphan blob")).isEmpty(), verify.describe());
    QVERIFY2(!bad.filter(QString(64, QLatin1Char('0'))).isEmpty(), verify.describe());
    QVERIFY(!verify.err.contains(id.toUtf8()));
}

// remove -> trash list -> restore -> remove -> empty -> add refused -> add --force.
void TestCli::rateAndFavourite()
{
    const QStringList lib { QStringLiteral("--library"), library() };
    const QString a = addGood(QStringLiteral("/r/a.png"), 81);
    const QString b = addGood(QStringLiteral("/r/b.png"), 82);
    const QString c = addGood(QStringLiteral("/r/c.png"), 83);
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    const auto field = [this](const QString &id, const char *name, const QStringList &extra = {}) {
        for (const QJsonValue &v : list(extra)) {
            if (v.toObject().value(QLatin1String("id")).toString() == id)
                return v.toObject().value(QLatin1String(name));
        }
        return QJsonValue(QJsonValue::Undefined);
    };
    QCOMPARE(field(a, "rating"), QJsonValue(0));
    QCOMPARE(field(a, "favourite"), QJsonValue(false));

    // Several images by id prefix, the rating last.
    Run rate
        = trove(QStringList { QStringLiteral("rate"), a.left(8), b, QStringLiteral("4") } + lib);
    QVERIFY2(rate.exitCode == 0, rate.describe());
    QVERIFY2(rate.out.contains("changed 2 image(s)"), rate.describe());
    QCOMPARE(field(a, "rating"), QJsonValue(4));
    QCOMPARE(field(b, "rating"), QJsonValue(4));
    QCOMPARE(field(c, "rating"), QJsonValue(0));
    rate = trove(
        QStringList { QStringLiteral("rate"), c, QStringLiteral("5"), QStringLiteral("--json") }
        + lib);
    QVERIFY2(rate.exitCode == 0, rate.describe());
    QCOMPARE(rate.json().array().at(0).toObject().value(QLatin1String("rating")).toInt(), 5);
    // An argument that names nothing fails alone.
    rate = trove(QStringList { QStringLiteral("rate"), b, QStringLiteral("no-such-image"),
                     QStringLiteral("1") }
        + lib);
    QCOMPARE(rate.exitCode, 1);
    QVERIFY2(rate.err.contains("no-such-image"), rate.describe());
    QCOMPARE(field(b, "rating"), QJsonValue(1));

    Run fav = trove(QStringList { QStringLiteral("fav"), a, c } + lib);
    QVERIFY2(fav.exitCode == 0, fav.describe());
    QCOMPARE(field(a, "favourite"), QJsonValue(true));
    QCOMPARE(field(b, "favourite"), QJsonValue(false));
    fav = trove(QStringList { QStringLiteral("fav"), c, QStringLiteral("--off") } + lib);
    QVERIFY2(fav.exitCode == 0, fav.describe());
    QCOMPARE(field(c, "favourite"), QJsonValue(false));

    // The search language and the rating sort (highest first, ties newest).
    const auto ids = [this](const QStringList &extra) {
        QStringList out;
        for (const QJsonValue &v : list(extra))
            out << v.toObject().value(QLatin1String("id")).toString();
        return out;
    };
    QCOMPARE(ids({ QStringLiteral("--search"), QStringLiteral("fav") }), QStringList { a });
    QCOMPARE(
        ids({ QStringLiteral("--search"), QStringLiteral("rating:>=4") }), (QStringList { c, a }));
    QCOMPARE(
        ids({ QStringLiteral("--search"), QStringLiteral("-fav rating:<2") }), QStringList { b });
    QCOMPARE(
        ids({ QStringLiteral("--sort"), QStringLiteral("rating") }), (QStringList { c, a, b }));

    Run show = trove(QStringList { QStringLiteral("show"), a } + lib);
    QVERIFY2(show.exitCode == 0, show.describe());
    QVERIFY2(show.out.contains("rating:         4 stars"), show.describe());
    QVERIFY2(show.out.contains("favourite:      yes"), show.describe());

    // The trash keeps both.
    QCOMPARE(trove(QStringList { QStringLiteral("remove"), a } + lib).exitCode, 0);
    QCOMPARE(
        trove(QStringList { QStringLiteral("trash"), QStringLiteral("restore"), a } + lib).exitCode,
        0);
    QCOMPARE(field(a, "rating"), QJsonValue(4));
    QCOMPARE(field(a, "favourite"), QJsonValue(true));
}

// `tag`, `rate`, `fav` and `rename` of an image in the trash: a line on
// stderr per image naming it (id and name) and saying it is in the trash,
// exit 1, and the trashed image exactly as it was; the other images named
// get the edit.
void TestCli::editsOfATrashedImageSayWhy_data()
{
    QTest::addColumn<QStringList>("before"); ///< arguments before the images
    QTest::addColumn<QStringList>("after"); ///< arguments after them
    QTest::addColumn<bool>("many"); ///< takes several images
    QTest::newRow("tag") << QStringList { QStringLiteral("tag") }
                         << QStringList { QStringLiteral("--add"), QStringLiteral("new"),
                                QStringLiteral("--remove"), QStringLiteral("old") }
                         << true;
    QTest::newRow("rate") << QStringList { QStringLiteral("rate") }
                          << QStringList { QStringLiteral("3") } << true;
    QTest::newRow("fav") << QStringList { QStringLiteral("fav") } << QStringList {} << true;
    QTest::newRow("rename") << QStringList { QStringLiteral("rename") }
                            << QStringList { QStringLiteral("renamed") } << false;
}

void TestCli::editsOfATrashedImageSayWhy()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(bool, many);
    const QStringList lib { QStringLiteral("--library"), library() };
    const QString trashed = addGood(QStringLiteral("/te/trashed.png"), 91);
    const QString kept = addGood(QStringLiteral("/te/kept.png"), 92);
    QVERIFY(!trashed.isEmpty() && !kept.isEmpty());
    for (const QString &id : { trashed, kept })
        QCOMPARE(trove(QStringList { QStringLiteral("tag"), id, QStringLiteral("--add"),
                           QStringLiteral("old") }
                     + lib)
                     .exitCode,
            0);
    QCOMPARE(
        trove(QStringList { QStringLiteral("rename"), trashed, QStringLiteral("binned") } + lib)
            .exitCode,
        0);
    QCOMPARE(trove(QStringList { QStringLiteral("remove"), trashed } + lib).exitCode, 0);
    const auto trashList = [&] {
        return trove(QStringList {
                         QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") }
            + lib)
            .out;
    };
    const QByteArray trashBefore = trashList();
    QVERIFY(trashBefore.contains(trashed.toUtf8()));
    const QByteArray listBefore = QJsonDocument(list()).toJson();

    // By id and by name: each says which image, and where it is.
    for (const QString &arg : { trashed, QStringLiteral("binned") }) {
        const Run r = trove(before + QStringList { arg } + after + lib);
        QCOMPARE(r.exitCode, 1);
        const QByteArray line
            = QStringLiteral("trove: %1: in the trash: %2  binned").arg(arg, trashed).toUtf8();
        QVERIFY2(r.err.contains(line), r.describe());
        QCOMPARE(r.err.count('\n'), 1);
        QCOMPARE(trashList(), trashBefore);
        QCOMPARE(QJsonDocument(list()).toJson(), listBefore);
    }
    if (!many)
        return;

    // Beside an image in the library: that one changes, the trashed one is
    // said and left alone, and the exit status says not all went.
    const Run r = trove(before + QStringList { trashed, kept } + after + lib);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(trashed.toUtf8()), r.describe());
    QVERIFY2(r.err.contains("in the trash"), r.describe());
    QVERIFY2(!r.err.contains(kept.toUtf8()), r.describe());
    QCOMPARE(trashList(), trashBefore);
    QVERIFY(QJsonDocument(list()).toJson() != listBefore);
}

void TestCli::trashRoundTrip()
{
    const QStringList lib { QStringLiteral("--library"), library() };
    const QString path = QStringLiteral("/t/keep.png");
    m_server.addRoute(path, Response::ok(ImageFactory::png(64, 48, 71), "image/png"));
    const QString url = m_server.url(path).toString();
    Run add = trove(
        QStringList { QStringLiteral("add"), url, QStringLiteral("--name"), QStringLiteral("kept"),
            QStringLiteral("--tag"), QStringLiteral("red"), QStringLiteral("--json") }
        + lib);
    QVERIFY2(add.exitCode == 0, add.describe());
    const QString id = add.json().array().at(0).toObject().value(QLatin1String("id")).toString();
    QVERIFY(!id.isEmpty());
    const QString other = addGood(QStringLiteral("/t/other.png"), 72);
    QVERIFY(!other.isEmpty());
    QString sha;
    for (const QJsonValue &v : list()) {
        if (v.toObject().value(QLatin1String("id")).toString() == id)
            sha = v.toObject().value(QLatin1String("sha256")).toString();
    }
    QVERIFY(!sha.isEmpty());

    Run remove = trove(QStringList { QStringLiteral("remove"), QStringLiteral("kept") } + lib);
    QVERIFY2(remove.exitCode == 0, remove.describe());
    QVERIFY2(remove.out.contains("to the trash"), remove.describe());
    QCOMPARE(list().size(), 1);

    Run trash = trove(QStringList { QStringLiteral("trash"), QStringLiteral("list") } + lib);
    QVERIFY2(trash.exitCode == 0, trash.describe());
    QVERIFY2(trash.out.startsWith(QStringLiteral("%1  kept  trashed ").arg(id.left(8)).toUtf8()),
        trash.describe());
    trash = trove(
        QStringList { QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") }
        + lib);
    QVERIFY2(trash.exitCode == 0, trash.describe());
    QCOMPARE(trash.json().array().size(), 1);
    const QJsonObject trashed = trash.json().array().at(0).toObject();
    QCOMPARE(trashed.value(QLatin1String("id")).toString(), id);
    QCOMPARE(trashed.value(QLatin1String("tags")).toArray(), QJsonArray { QStringLiteral("red") });
    QCOMPARE(trashed.value(QLatin1String("source_url")).toString(), url);
    QVERIFY(!trashed.value(QLatin1String("trashed_at")).toString().isEmpty());
    Run verify = trove(QStringList { QStringLiteral("verify") } + lib);
    QVERIFY2(verify.exitCode == 0, verify.describe()); // the trash's blob is no orphan

    // --search keeps what has every word in its name or tags, any case.
    trash = trove(QStringList { QStringLiteral("trash"), QStringLiteral("list"),
                      QStringLiteral("--search"), QStringLiteral("RED kep") }
        + lib);
    QVERIFY2(trash.exitCode == 0, trash.describe());
    QVERIFY2(trash.out.startsWith(QStringLiteral("%1  kept  trashed ").arg(id.left(8)).toUtf8()),
        trash.describe());
    trash = trove(QStringList { QStringLiteral("trash"), QStringLiteral("list"),
                      QStringLiteral("--search"), QStringLiteral("red blue") }
        + lib);
    QVERIFY2(trash.exitCode == 0, trash.describe());
    QCOMPARE(trash.out, QByteArray("no image in the trash has \"red blue\" in its name or tags\n"));

    // Restore by a prefix; an argument naming nothing in the trash fails alone.
    Run restore = trove(QStringList { QStringLiteral("trash"), QStringLiteral("restore"),
                            id.left(6), QStringLiteral("nothing-here") }
        + lib);
    QVERIFY2(restore.exitCode == 1, restore.describe());
    QVERIFY2(restore.out.startsWith(QStringLiteral("restored %1  kept").arg(id.left(8)).toUtf8()),
        restore.describe());
    QVERIFY2(restore.err.contains("nothing-here"), restore.describe());
    const QJsonArray back = list({ QStringLiteral("--tag"), QStringLiteral("red") });
    QCOMPARE(back.size(), 1);
    QCOMPARE(back.at(0).toObject().value(QLatin1String("id")).toString(), id);
    QCOMPARE(back.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("kept"));

    // Remove again and empty: the blob goes, the bytes are remembered.
    QCOMPARE(trove(QStringList { QStringLiteral("remove"), id } + lib).exitCode, 0);
    Run empty
        = trove(QStringList { QStringLiteral("trash"), QStringLiteral("empty"),
                    QStringLiteral("--older-than"), QStringLiteral("1"), QStringLiteral("--json") }
            + lib);
    QVERIFY2(empty.exitCode == 0, empty.describe());
    QCOMPARE(empty.json().object().value(QLatin1String("emptied")).toInt(), 0);
    QVERIFY(QFileInfo::exists(blobPath(sha)));
    empty = trove(QStringList { QStringLiteral("trash"), QStringLiteral("empty") } + lib);
    QVERIFY2(empty.exitCode == 0, empty.describe());
    QVERIFY2(empty.out.startsWith("emptied 1 image(s)"), empty.describe());
    QVERIFY(!QFileInfo::exists(blobPath(sha)));
    trash = trove(QStringList { QStringLiteral("trash"), QStringLiteral("list") } + lib);
    QCOMPARE(trash.out, QByteArray("the trash is empty\n"));
    trash = trove(
        QStringList { QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") }
        + lib);
    QCOMPARE(trash.out, QByteArray("[\n]\n"));

    add = trove(QStringList { QStringLiteral("add"), url } + lib);
    QVERIFY2(add.exitCode == 1, add.describe());
    QCOMPARE(add.errLines(),
        QStringList { QStringLiteral("failed  %1: removed on %2; add again with --force")
                          .arg(url, QDate::currentDate().toString(Qt::ISODate)) });
    QCOMPARE(list().size(), 1);
    QVERIFY(!QFileInfo::exists(blobPath(sha)));
    QVERIFY2(tmpListing().isEmpty(), qPrintable(tmpListing().join(u' ')));

    add = trove(QStringList { QStringLiteral("add"), url, QStringLiteral("--force") } + lib);
    QVERIFY2(add.exitCode == 0, add.describe());
    QCOMPARE(list().size(), 2);
    QVERIFY(QFileInfo::exists(blobPath(sha)));
    verify = trove(QStringList { QStringLiteral("verify") } + lib);
    QVERIFY2(verify.exitCode == 0, verify.describe());

    // The trash lists the most recently removed first, whatever the order
    // the images came in.
    QString last;
    for (const QJsonValue &v : list()) {
        if (v.toObject().value(QLatin1String("id")).toString() != other)
            last = v.toObject().value(QLatin1String("id")).toString();
    }
    QVERIFY(!last.isEmpty());
    // Both go to the trash under one name.
    QCOMPARE(trove(QStringList { QStringLiteral("rename"), other, QStringLiteral("keep") } + lib)
                 .exitCode,
        0);
    QCOMPARE(trove(QStringList { QStringLiteral("remove"), other } + lib).exitCode, 0);
    QCOMPARE(trove(QStringList { QStringLiteral("remove"), last } + lib).exitCode, 0);
    trash = trove(
        QStringList { QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") }
        + lib);
    QCOMPARE(trash.json().array().size(), 2);
    // Streamed element by element, in QJsonDocument's own layout.
    QCOMPARE(trash.out, trash.json().toJson(QJsonDocument::Indented));
    QCOMPARE(trash.json().array().at(0).toObject().value(QLatin1String("id")).toString(), last);
    QCOMPARE(trash.json().array().at(1).toObject().value(QLatin1String("id")).toString(), other);

    // A name two of them share restores neither, and lists both by id.
    restore = trove(
        QStringList { QStringLiteral("trash"), QStringLiteral("restore"), QStringLiteral("keep") }
        + lib);
    QVERIFY2(restore.exitCode == 1, restore.describe());
    QVERIFY2(
        restore.err.contains("keep: 2 images in the trash match; use an id"), restore.describe());
    for (const QString &candidate : { last, other }) {
        QVERIFY2(restore.err.contains(QStringLiteral("\n  %1  keep").arg(candidate).toUtf8()),
            restore.describe());
    }
    QCOMPARE(list().size(), 0);
}

// The same bytes added again while their image was in the trash (a folder
// imported again): the restore merges the trashed image into the one there,
// keeps everything the person gave it (name, collections in their place,
// tags, rating) and says so, with the id that remains.
void TestCli::trashRestoreMergesIntoTheSameImageAddedAgain()
{
    const QStringList lib { QStringLiteral("--library"), library() };
    const auto run = [&](const QStringList &args) { return trove(args + lib); };
    const QString file = m_dir->filePath(QStringLiteral("scan.png"));
    QVERIFY(writeFile(file, ImageFactory::png(80, 60, 61)));
    const QString before = addGood(QStringLiteral("/m/before.png"), 62);
    Run r = run(
        { QStringLiteral("add"), file, QStringLiteral("--name"), QStringLiteral("Grandma portrait"),
            QStringLiteral("--tag"), QStringLiteral("family"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString grandma = r.json().array().at(0).toObject().value(QLatin1String("id")).toString();
    const QString after = addGood(QStringLiteral("/m/after.png"), 63);
    QVERIFY(!before.isEmpty() && !grandma.isEmpty() && !after.isEmpty());
    for (const QStringList &args : QList<QStringList> {
             { QStringLiteral("collection"), QStringLiteral("create"), QStringLiteral("favs") },
             { QStringLiteral("collection"), QStringLiteral("add"), QStringLiteral("favs"), before,
                 QStringLiteral("Grandma portrait"), after },
             { QStringLiteral("rate"), QStringLiteral("Grandma portrait"), QStringLiteral("5") },
             { QStringLiteral("remove"), QStringLiteral("Grandma portrait") } }) {
        r = run(args);
        QVERIFY2(r.exitCode == 0, r.describe());
    }
    // Imported again: named after its file.
    r = run({ QStringLiteral("add"), file, QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString again = r.json().array().at(0).toObject().value(QLatin1String("id")).toString();
    QVERIFY(!again.isEmpty() && again != grandma);

    r = run(
        { QStringLiteral("trash"), QStringLiteral("restore"), QStringLiteral("Grandma portrait") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out,
        QStringLiteral("merged %1  Grandma portrait into %2 (the same image was added again)\n")
            .arg(grandma.left(8), again.left(8))
            .toUtf8());
    const QJsonArray rows = list();
    QCOMPARE(rows.size(), 3);
    QJsonObject merged;
    for (const QJsonValue &v : rows) {
        if (v.toObject().value(QLatin1String("id")).toString() == again)
            merged = v.toObject();
    }
    QCOMPARE(merged.value(QLatin1String("name")).toString(), QStringLiteral("Grandma portrait"));
    QCOMPARE(
        merged.value(QLatin1String("tags")).toArray(), QJsonArray { QStringLiteral("family") });
    QCOMPARE(merged.value(QLatin1String("rating")).toInt(), 5);
    r = run({ QStringLiteral("collection"), QStringLiteral("show"), QStringLiteral("favs"),
        QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QStringList members;
    for (const QJsonValue &v : r.json().object().value(QLatin1String("images")).toArray())
        members << v.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(members, (QStringList { before, again, after }));
    r = run({ QStringLiteral("show"), grandma });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(run({ QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") })
                 .json()
                 .array()
                 .size(),
        0);

    // With --json, a merge is told apart from a restore; a name the person
    // gave the image there stays.
    QCOMPARE(run({ QStringLiteral("remove"), before }).exitCode, 0);
    QCOMPARE(run({ QStringLiteral("remove"), again }).exitCode, 0);
    r = run({ QStringLiteral("add"), file, QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString third = r.json().array().at(0).toObject().value(QLatin1String("id")).toString();
    QCOMPARE(run({ QStringLiteral("rename"), third, QStringLiteral("Nana") }).exitCode, 0);
    r = run({ QStringLiteral("trash"), QStringLiteral("restore"), before, again,
        QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonObject answer = r.json().object();
    QCOMPARE(answer.value(QLatin1String("restored")).toArray(), QJsonArray { before });
    const QJsonArray merges = answer.value(QLatin1String("merged")).toArray();
    QCOMPARE(merges.size(), 1);
    const QJsonObject m = merges.at(0).toObject();
    QCOMPARE(m.value(QLatin1String("id")).toString(), again);
    QCOMPARE(m.value(QLatin1String("name")).toString(), QStringLiteral("Grandma portrait"));
    QCOMPARE(m.value(QLatin1String("into")).toString(), third);
    QCOMPARE(m.value(QLatin1String("into_name")).toString(), QStringLiteral("Nana"));
    QCOMPARE(list().size(), 3);
}

void TestCli::trashBadUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no action") << QStringList { QStringLiteral("trash") };
    QTest::newRow("unknown action")
        << QStringList { QStringLiteral("trash"), QStringLiteral("burn") };
    QTest::newRow("restore without argument")
        << QStringList { QStringLiteral("trash"), QStringLiteral("restore") };
    QTest::newRow("list with an argument")
        << QStringList { QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("x") };
    QTest::newRow("empty with bad days") << QStringList { QStringLiteral("trash"),
        QStringLiteral("empty"), QStringLiteral("--older-than"), QStringLiteral("soon") };
    QTest::newRow("empty with negative days") << QStringList { QStringLiteral("trash"),
        QStringLiteral("empty"), QStringLiteral("--older-than"), QStringLiteral("-3") };
    QTest::newRow("older-than on list") << QStringList { QStringLiteral("trash"),
        QStringLiteral("list"), QStringLiteral("--older-than"), QStringLiteral("3") };
    QTest::newRow("search on empty") << QStringList { QStringLiteral("trash"),
        QStringLiteral("empty"), QStringLiteral("--search"), QStringLiteral("red") };
}

void TestCli::trashBadUsage()
{
    QFETCH(QStringList, args);
    const Run r = trove(args + QStringList { QStringLiteral("--library"), library() });
    QVERIFY2(r.exitCode == 2, r.describe());
}

// A collection made, filled in order, shown, searched with in:, emptied
// and deleted; a smart collection is its search.
void TestCli::collectionRoundTrip()
{
    const QStringList lib { QStringLiteral("--library"), library() };
    const QString a = addGood(QStringLiteral("/c/a.png"), 91);
    const QString b = addGood(QStringLiteral("/c/b.png"), 92);
    const QString c = addGood(QStringLiteral("/c/c.png"), 93);
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
    const auto run = [&](const QStringList &args) { return trove(args + lib); };

    Run r = run(
        { QStringLiteral("collection"), QStringLiteral("create"), QStringLiteral("Holiday 2026") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains("created collection Holiday 2026"), r.describe());
    r = run(
        { QStringLiteral("collection"), QStringLiteral("create"), QStringLiteral("holiday 2026") });
    QVERIFY2(r.exitCode == 1, r.describe());
    QVERIFY2(r.err.contains("exists already"), r.describe());
    r = run({ QStringLiteral("collection"), QStringLiteral("add"), QStringLiteral("holiday 2026"),
        c.left(8), a });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains("added 2 image(s)"), r.describe());
    r = run({ QStringLiteral("collection"), QStringLiteral("create"), QStringLiteral("Recent"),
        QStringLiteral("--query"), QStringLiteral("format:png") });
    QVERIFY2(r.exitCode == 0, r.describe());

    r = run({ QStringLiteral("collection"), QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonArray all = r.json().array();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("Holiday 2026"));
    QCOMPARE(all.at(0).toObject().value(QLatin1String("count")).toInt(), 2);
    QCOMPARE(all.at(1).toObject().value(QLatin1String("smart")).toBool(), true);
    QCOMPARE(all.at(1).toObject().value(QLatin1String("query")).toString(),
        QStringLiteral("format:png"));

    // In the order they were added.
    r = run({ QStringLiteral("collection"), QStringLiteral("show"), QStringLiteral("HOLIDAY 2026"),
        QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QJsonArray shown = r.json().object().value(QLatin1String("images")).toArray();
    QCOMPARE(shown.size(), 2);
    QCOMPARE(shown.at(0).toObject().value(QLatin1String("id")).toString(), c);
    QCOMPARE(shown.at(1).toObject().value(QLatin1String("id")).toString(), a);
    QCOMPARE(r.json().object().value(QLatin1String("count")).toInt(), 2);
    // Written as it is read, yet byte for byte the document QJsonDocument
    // itself writes.
    QCOMPARE(r.out, QJsonDocument(r.json().object()).toJson(QJsonDocument::Indented));
    r = run({ QStringLiteral("collection"), QStringLiteral("show"), QStringLiteral("recent") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains("3 image(s)"), r.describe());

    // A member in the trash is neither counted nor shown, in a hand-made
    // collection or a smart one; restored, it is back in its place.
    r = run({ QStringLiteral("remove"), c });
    QVERIFY2(r.exitCode == 0, r.describe());
    for (const QString &name : { QStringLiteral("holiday 2026"), QStringLiteral("recent") }) {
        r = run({ QStringLiteral("collection"), QStringLiteral("show"), name,
            QStringLiteral("--json") });
        QVERIFY2(r.exitCode == 0, r.describe());
        const QJsonObject o = r.json().object();
        const QJsonArray images = o.value(QLatin1String("images")).toArray();
        QCOMPARE(o.value(QLatin1String("count")).toInt(), images.size());
        QCOMPARE(images.size(), name == QLatin1String("recent") ? 2 : 1);
        for (const QJsonValue &image : images)
            QVERIFY(image.toObject().value(QLatin1String("id")).toString() != c);
        QCOMPARE(r.out, QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    r = run(
        { QStringLiteral("collection"), QStringLiteral("show"), QStringLiteral("holiday 2026") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains("1 image(s)") && !r.out.contains(c.left(8).toUtf8()), r.describe());
    r = run({ QStringLiteral("trash"), QStringLiteral("restore"), c });
    QVERIFY2(r.exitCode == 0, r.describe());
    r = run({ QStringLiteral("collection"), QStringLiteral("show"), QStringLiteral("holiday 2026"),
        QStringLiteral("--json") });
    QCOMPARE(r.json()
                 .object()
                 .value(QLatin1String("images"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
        c);

    // The same set through the search language.
    QCOMPARE(list({ QStringLiteral("--search"), QStringLiteral("in:\"holiday 2026\"") }).size(), 2);
    QCOMPARE(
        list({ QStringLiteral("--search"), QStringLiteral("-in:\"holiday 2026\"") }).size(), 1);
    QCOMPARE(list({ QStringLiteral("--search"), QStringLiteral("in:recent") }).size(), 3);
    r = run({ QStringLiteral("list"), QStringLiteral("--search"), QStringLiteral("in:nowhere") });
    QVERIFY2(r.exitCode == 2, r.describe());
    QVERIFY2(r.err.contains("search: no collection named “nowhere”"), r.describe());

    r = run({ QStringLiteral("collection"), QStringLiteral("remove"),
        QStringLiteral("Holiday 2026"), a });
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains("removed 1 image(s)"), r.describe());
    QCOMPARE(list({ QStringLiteral("--search"), QStringLiteral("in:\"holiday 2026\"") }).size(), 1);
    r = run({ QStringLiteral("collection"), QStringLiteral("add"), QStringLiteral("recent"), b });
    QVERIFY2(r.exitCode == 1, r.describe());
    QVERIFY2(r.err.contains("smart collection"), r.describe());
    r = run(
        { QStringLiteral("collection"), QStringLiteral("delete"), QStringLiteral("Holiday 2026") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(list().size(), 3);
    r = run(
        { QStringLiteral("collection"), QStringLiteral("show"), QStringLiteral("Holiday 2026") });
    QVERIFY2(r.exitCode == 1, r.describe());
    QVERIFY2(r.err.contains("no collection named"), r.describe());
}

void TestCli::notDuplicatesNeedsTwoImages()
{
    const QString a = addGood(QStringLiteral("/nd/a.png"), 901);
    const QString b = addGood(QStringLiteral("/nd/b.png"), 902);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    // One image by id and by its name is still one image.
    const Run same = trove({ QStringLiteral("not-duplicates"), a, QStringLiteral("a"),
        QStringLiteral("--library"), library() });
    QCOMPARE(same.exitCode, 2);
    QVERIFY2(same.err.contains("two or more different images"), same.describe());
    const Run pair
        = trove({ QStringLiteral("not-duplicates"), a, b, QStringLiteral("--library"), library() });
    QVERIFY2(pair.exitCode == 0 && pair.out.contains("remembered 1 pair(s)"), pair.describe());
}

void TestCli::collectionBadUsage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("no action") << QStringList { QStringLiteral("collection") };
    QTest::newRow("unknown action")
        << QStringList { QStringLiteral("collection"), QStringLiteral("burn") };
    QTest::newRow("create without a name")
        << QStringList { QStringLiteral("collection"), QStringLiteral("create") };
    QTest::newRow("create with a blank name") << QStringList { QStringLiteral("collection"),
        QStringLiteral("create"), QStringLiteral("  ") };
    QTest::newRow("add without images")
        << QStringList { QStringLiteral("collection"), QStringLiteral("add"), QStringLiteral("x") };
    QTest::newRow("bad smart search")
        << QStringList { QStringLiteral("collection"), QStringLiteral("create"),
               QStringLiteral("x"), QStringLiteral("--query"), QStringLiteral("(") };
    QTest::newRow("query on list") << QStringList { QStringLiteral("collection"),
        QStringLiteral("list"), QStringLiteral("--query"), QStringLiteral("red") };
    QTest::newRow("rename with one name") << QStringList { QStringLiteral("collection"),
        QStringLiteral("rename"), QStringLiteral("x") };
    QTest::newRow("rename with three names") << QStringList { QStringLiteral("collection"),
        QStringLiteral("rename"), QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z") };
}

void TestCli::collectionRename_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("said"); // on stdout (0) or stderr
    QTest::newRow("renamed") << "trip"
                             << "Summer  2026" << 0 << "renamed collection trip to Summer 2026";
    QTest::newRow("other capitals") << "trip"
                                    << "TRIP" << 0 << "renamed collection trip to TRIP";
    QTest::newRow("taken") << "trip"
                           << "best" << 1 << "a collection named “Best” exists already";
    QTest::newRow("empty") << "trip"
                           << " " << 1 << "a collection needs a name";
    QTest::newRow("unknown") << "nowhere"
                             << "x" << 1 << "no collection named “nowhere”";
}

// trove collection rename OLD NEW: the images and their order stay; an
// error names the reason, exits 1 and changes nothing.
void TestCli::collectionRename()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, exitCode);
    QFETCH(QString, said);
    const QStringList lib { QStringLiteral("--library"), library() };
    const QString a = m_dir->filePath(QStringLiteral("a.png"));
    const QString b = m_dir->filePath(QStringLiteral("b.png"));
    QVERIFY(writeFile(a, ImageFactory::solidPng(Qt::red)));
    QVERIFY(writeFile(b, ImageFactory::solidPng(Qt::blue)));
    Run r = trove(QStringList { QStringLiteral("add"), a, b } + lib);
    QVERIFY2(r.exitCode == 0, r.describe());
    for (const QString &name : { QStringLiteral("Trip"), QStringLiteral("Best") }) {
        r = trove(
            QStringList { QStringLiteral("collection"), QStringLiteral("create"), name } + lib);
        QVERIFY2(r.exitCode == 0, r.describe());
    }
    // The hand order is the reverse of the order added (the two may commit
    // either way round), so that no other order gives it.
    r = trove(QStringList { QStringLiteral("list"), QStringLiteral("--sort"),
                  QStringLiteral("oldest"), QStringLiteral("--json") }
        + lib);
    QVERIFY2(r.exitCode == 0, r.describe());
    const bool aFirst = r.out.indexOf("\"a\"") < r.out.indexOf("\"b\"");
    const QByteArray first = aFirst ? "b" : "a";
    const QByteArray second = aFirst ? "a" : "b";
    r = trove(QStringList { QStringLiteral("collection"), QStringLiteral("add"),
                  QStringLiteral("trip"), QString::fromLatin1(first), QString::fromLatin1(second) }
        + lib);
    QVERIFY2(r.exitCode == 0, r.describe());

    r = trove(
        QStringList { QStringLiteral("collection"), QStringLiteral("rename"), from, to } + lib);
    QVERIFY2(r.exitCode == exitCode, r.describe());
    QVERIFY2((exitCode == 0 ? r.out : r.err).contains(said.toUtf8()), r.describe());
    const QString now = exitCode == 0 ? to.simplified() : QStringLiteral("Trip");
    r = trove(QStringList { QStringLiteral("collection"), QStringLiteral("show"), now,
                  QStringLiteral("--json") }
        + lib);
    QVERIFY2(r.exitCode == 0, r.describe());
    QVERIFY2(r.out.contains('"' + first + '"')
            && r.out.indexOf('"' + first + '"') < r.out.indexOf('"' + second + '"'),
        r.describe());
    // trove list in the collection's own order, under its name now.
    r = trove(QStringList { QStringLiteral("list"), QStringLiteral("--search"),
                  QStringLiteral("in:\"%1\"").arg(now), QStringLiteral("--sort"),
                  QStringLiteral("collection") }
        + lib);
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.out.count('\n'), 2);
    QVERIFY2(r.out.indexOf("  " + first + '\n') >= 0
            && r.out.indexOf("  " + first + '\n') < r.out.indexOf("  " + second + '\n'),
        r.describe());
    r = trove(QStringList { QStringLiteral("collection"), QStringLiteral("list") } + lib);
    QVERIFY2(r.out.contains(now.toUtf8()), r.describe());
    if (exitCode == 0 && now.compare(QLatin1String("trip"), Qt::CaseInsensitive) != 0)
        QVERIFY2(!r.out.contains("Trip"), r.describe());
}

void TestCli::collectionNameInAnyCase_data()
{
    QTest::addColumn<QString>("created");
    QTest::addColumn<QString>("typed");
    QTest::newRow("German") << QStringLiteral("Ärger") << QStringLiteral("ÄRGER");
    QTest::newRow("French") << QStringLiteral("Été à Nîmes") << QStringLiteral("ÉTÉ À NÎMES");
    // Typed on a Mac: "E" and a combining acute accent.
    QTest::newRow("French, decomposed")
        << QStringLiteral("été") << QStringLiteral("E\u0301TE\u0301");
    QTest::newRow("Turkish, dotted capital")
        << QStringLiteral("İstanbul") << QStringLiteral("İSTANBUL");
    QTest::newRow("Greek, final sigma") << QStringLiteral("ΚΌΣΜΟΣ") << QStringLiteral("κόσμος");
}

// Every `trove collection` command finds a non-ASCII name in another case:
// one collection, not two.
void TestCli::collectionNameInAnyCase()
{
    QFETCH(QString, created);
    QFETCH(QString, typed);
    const QStringList lib { QStringLiteral("--library"), library() };
    const QString a = addGood(QStringLiteral("/u/a.png"), 94);
    QVERIFY(!a.isEmpty());
    const auto run = [&](const QStringList &args) {
        return trove(QStringList { QStringLiteral("collection") } + args + lib);
    };
    Run r = run({ QStringLiteral("create"), created });
    QVERIFY2(r.exitCode == 0, r.describe());
    r = run({ QStringLiteral("create"), typed });
    QVERIFY2(r.exitCode == 1 && r.err.contains("exists already"), r.describe());
    r = run({ QStringLiteral("add"), typed, a });
    QVERIFY2(r.exitCode == 0 && r.out.contains("added 1 image(s)"), r.describe());
    r = run({ QStringLiteral("show"), typed, QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().object().value(QLatin1String("name")).toString(), created);
    QCOMPARE(r.json().object().value(QLatin1String("count")).toInt(), 1);
    r = trove(QStringList { QStringLiteral("list"), QStringLiteral("--search"),
                  QStringLiteral("in:\"%1\"").arg(typed), QStringLiteral("--json") }
        + lib);
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().array().size(), 1);
    r = run({ QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    QCOMPARE(r.json().array().size(), 1);

    // Renamed to its own name in other capitals, then taken out and
    // deleted by the first spelling.
    r = run({ QStringLiteral("rename"), created, typed, QStringLiteral("--json") });
    QVERIFY2(r.exitCode == 0, r.describe());
    const QString now = r.json().object().value(QLatin1String("name")).toString();
    QCOMPARE(now, typed.normalized(QString::NormalizationForm_C));
    r = run({ QStringLiteral("remove"), created, a });
    QVERIFY2(r.exitCode == 0 && r.out.contains("removed 1 image(s)"), r.describe());
    r = run({ QStringLiteral("delete"), created });
    QVERIFY2(r.exitCode == 0, r.describe());
    r = run({ QStringLiteral("show"), typed });
    QVERIFY2(r.exitCode == 1 && r.err.contains("no collection named"), r.describe());
}

void TestCli::collectionBadUsage()
{
    QFETCH(QStringList, args);
    const Run r = trove(args + QStringList { QStringLiteral("--library"), library() });
    QVERIFY2(r.exitCode == 2, r.describe());
}

// --- similar images --------------------------------------------------------

void TestCli::similarDuplicatesAndMerge()
{
    const QStringList lib { QStringLiteral("--library"), library() };
    const QImage picture = ImageFactory::scene(640, 480, 15);
    const QString png = m_dir->filePath(QStringLiteral("original.png"));
    const QString jpeg = m_dir->filePath(QStringLiteral("copy.jpg"));
    const QString half = m_dir->filePath(QStringLiteral("half.jpg"));
    const QString other = m_dir->filePath(QStringLiteral("other.png"));
    QVERIFY(writeFile(png, ImageFactory::encode(picture, "png")));
    QVERIFY(writeFile(jpeg, ImageFactory::encode(picture, "jpeg", 40)));
    QVERIFY(writeFile(half,
        ImageFactory::encode(
            picture.scaled(320, 240, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), "jpeg",
            90)));
    QVERIFY(writeFile(other, ImageFactory::encode(ImageFactory::scene(640, 480, 16), "png")));
    QStringList ids;
    for (const auto &[file, tag] : { std::pair { png, "big" }, std::pair { jpeg, "lossy" },
             std::pair { half, "small" }, std::pair { other, "unrelated" } }) {
        const Run add = trove(QStringList { QStringLiteral("add"), file, QStringLiteral("--tag"),
                                  QString::fromLatin1(tag), QStringLiteral("--json") }
            + lib);
        QVERIFY2(add.exitCode == 0, add.describe());
        ids.append(add.json().array().at(0).toObject().value(QLatin1String("id")).toString());
    }

    Run similar
        = trove(QStringList { QStringLiteral("similar"), ids[1], QStringLiteral("--json") } + lib);
    QVERIFY2(similar.exitCode == 0, similar.describe());
    const QJsonArray near = similar.json().object().value(QLatin1String("similar")).toArray();
    QCOMPARE(near.size(), 2);
    QStringList nearIds;
    for (const QJsonValue &v : near) {
        nearIds.append(v.toObject().value(QLatin1String("id")).toString());
        QVERIFY(v.toObject().value(QLatin1String("distance")).toInt() <= 8);
    }
    nearIds.sort();
    QStringList expected { ids[0], ids[2] };
    expected.sort();
    QCOMPARE(nearIds, expected);
    similar = trove(QStringList { QStringLiteral("similar"), ids[1], QStringLiteral("--distance"),
                        QStringLiteral("99") }
        + lib);
    QCOMPARE(similar.exitCode, 2);

    Run dups = trove(QStringList { QStringLiteral("duplicates"), QStringLiteral("--json") } + lib);
    QVERIFY2(dups.exitCode == 0, dups.describe());
    const QJsonArray groups = dups.json().object().value(QLatin1String("groups")).toArray();
    QCOMPARE(groups.size(), 1);
    const QJsonArray members = groups.at(0).toObject().value(QLatin1String("images")).toArray();
    QCOMPARE(members.size(), 3);
    // Keep best: the most pixels, then PNG before JPEG.
    QCOMPARE(members.at(0).toObject().value(QLatin1String("id")).toString(), ids[0]);
    QCOMPARE(members.at(0).toObject().value(QLatin1String("distance")).toInt(), 0);
    QCOMPARE(groups.at(0).toObject().value(QLatin1String("keep")).toString(), ids[0]);

    const Run merge = trove(QStringList { QStringLiteral("merge"), ids[0], ids[1], ids[2] } + lib);
    QVERIFY2(merge.exitCode == 0, merge.describe());
    const QJsonArray left = list();
    QCOMPARE(left.size(), 2);
    for (const QJsonValue &v : left) {
        if (v.toObject().value(QLatin1String("id")).toString() != ids[0])
            continue;
        QStringList tags;
        for (const QJsonValue &t : v.toObject().value(QLatin1String("tags")).toArray())
            tags.append(t.toString());
        tags.sort();
        QCOMPARE(tags,
            (QStringList {
                QStringLiteral("big"), QStringLiteral("lossy"), QStringLiteral("small") }));
    }
    dups = trove(QStringList { QStringLiteral("duplicates"), QStringLiteral("--json") } + lib);
    QVERIFY2(dups.exitCode == 0, dups.describe());
    QVERIFY(dups.json().object().value(QLatin1String("groups")).toArray().isEmpty());
    // A bad merge changes nothing.
    const Run bad
        = trove(QStringList { QStringLiteral("merge"), ids[0], QStringLiteral("nosuch") } + lib);
    QCOMPARE(bad.exitCode, 1);
    QCOMPARE(list().size(), 2);
    // Nor does one that names the kept image again, by id or prefix.
    const Run itself = trove(QStringList { QStringLiteral("merge"), ids[0], ids[0].left(8) } + lib);
    QCOMPARE(itself.exitCode, 2);
    QVERIFY2(itself.err.contains("cannot be merged into itself"), itself.describe());
    QCOMPARE(list().size(), 2);
    const Run rehash
        = trove(QStringList { QStringLiteral("rehash"), QStringLiteral("--json") } + lib);
    QVERIFY2(rehash.exitCode == 0, rehash.describe());
    QCOMPARE(rehash.json().object().value(QLatin1String("hashed")).toInt(), 2);
}

void TestCli::duplicatesJsonStreamsTheSameDocument()
{
    // `duplicates --json` prints group by group; what it prints must parse
    // to exactly the document the command built whole before (rebuilt here
    // from the catalog the way it did), names that need escaping included.
    const QStringList lib { QStringLiteral("--library"), library() };
    // (Names lose control characters on the way in: normalizeName.)
    const QStringList names { QStringLiteral("say \"cheese\""), QStringLiteral("back\\slash"),
        QStringLiteral("ünïcødé 画像 ✓"), QStringLiteral("</b> & {\"json\": [1]}"),
        QStringLiteral("plain"), QStringLiteral("ends with \\") };
    int made = 0;
    for (int base = 0; base < 3; ++base) {
        const QImage picture = ImageFactory::scene(480, 360, quint32(300 + base));
        const QList<QByteArray> copies { ImageFactory::encode(picture, "png"),
            ImageFactory::encode(picture, "jpeg", 50),
            ImageFactory::encode(
                picture.scaled(240, 180, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), "jpeg",
                85) };
        for (qsizetype c = 0; c < copies.size() - (base == 2 ? 1 : 0); ++c) {
            const QString file = m_dir->filePath(QStringLiteral("copy-%1.img").arg(made));
            QVERIFY(writeFile(file, copies[c]));
            const Run add = trove(QStringList { QStringLiteral("add"), file,
                                      QStringLiteral("--name"), names[made % names.size()] }
                + lib);
            QVERIFY2(add.exitCode == 0, add.describe());
            ++made;
        }
    }
    const Run dups
        = trove(QStringList { QStringLiteral("duplicates"), QStringLiteral("--json") } + lib);
    QVERIFY2(dups.exitCode == 0, dups.describe());
    QJsonParseError error;
    const QJsonDocument printed = QJsonDocument::fromJson(dups.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));

    trove::CatalogReader reader;
    QVERIFY(reader.open(trove::LibraryPaths(library())));
    trove::SimilarityReader similar(reader.catalog());
    const trove::SimilarityRule rule;
    auto groups = similar.duplicates(rule);
    QVERIFY(groups);
    QCOMPARE(groups->size(), 3);
    QJsonArray expectedGroups;
    for (const auto &group : std::as_const(*groups)) {
        QList<trove::ImageRecord> members;
        QHash<qint64, quint64> phash;
        for (const trove::HashEntry &e : group) {
            auto r = reader.byKey(e.key);
            QVERIFY(r);
            members.append(*r);
            phash.insert(e.key, e.phash);
        }
        members = trove::KeepBest::ordered(members);
        QJsonArray images;
        for (const trove::ImageRecord &r : std::as_const(members))
            images.append(QJsonObject { { QStringLiteral("id"), r.id },
                { QStringLiteral("name"), r.name },
                { QStringLiteral("distance"),
                    trove::hammingDistance(phash.value(members.first().key), phash.value(r.key)) },
                { QStringLiteral("format"), r.format }, { QStringLiteral("width"), r.width },
                { QStringLiteral("height"), r.height },
                { QStringLiteral("original_bytes"), r.originalBytes },
                { QStringLiteral("added_at"), trove::isoUtc(r.addedAt) } });
        expectedGroups.append(QJsonObject {
            { QStringLiteral("keep"), members.first().id }, { QStringLiteral("images"), images } });
    }
    const QJsonObject expected { { QStringLiteral("distance"), rule.distance },
        { QStringLiteral("groups"), expectedGroups } };
    QCOMPARE(printed.object(), expected);
    // Every name came through, escapes and all.
    QStringList seen;
    for (const QJsonValue &g : expectedGroups)
        for (const QJsonValue &i : g.toObject().value(QLatin1String("images")).toArray())
            seen.append(i.toObject().value(QLatin1String("name")).toString());
    for (const QString &name : names)
        QVERIFY2(seen.contains(name), qPrintable(name));
    // Streamed: a line per group between the first and the last.
    QCOMPARE(dups.out.count('\n'), qsizetype(groups->size() + 2));

    // No groups is a document too.
    const QString lonely = m_dir->filePath(QStringLiteral("lonely-library"));
    const Run one = trove({ QStringLiteral("add"), m_dir->filePath(QStringLiteral("copy-0.img")),
        QStringLiteral("--library"), lonely });
    QVERIFY2(one.exitCode == 0, one.describe());
    const Run none = trove({ QStringLiteral("duplicates"), QStringLiteral("--json"),
        QStringLiteral("--library"), lonely });
    QVERIFY2(none.exitCode == 0, none.describe());
    QCOMPARE(none.json().object(),
        (QJsonObject { { QStringLiteral("distance"), rule.distance },
            { QStringLiteral("groups"), QJsonArray() } }));
}

QTEST_MAIN(TestCli)
#include "tst_cli.moc"

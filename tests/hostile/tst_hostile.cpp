// SPDX-License-Identifier: MIT
// "Never lose, never hang": every way a server can lie, through the real
// `trove add` as a child process. Each refusal must come in bounded time
// and memory, as exactly one `failed  <url>: <reason>` line naming the
// specific reason, with exit status 1, and leave the library exactly as it
// was (listing, blobs, empty tmp/). Odd answers that are still images
// (gzip transfer encoding, missing or wrong Content-Type, redirect chains
// up to the limit) must be kept. Hostile SVGs (entity expansion, external
// references to the network, to local files and to devices) must neither
// hang nor fetch nor pull local content into the library.
//
// The child runs with TROVE_STALL_TIMEOUT_MS=1500 and
// TROVE_MAX_DOWNLOAD_BYTES=8000000 so that the limits are reached quickly,
// and under `/usr/bin/time -f %M` so that its peak RSS can be bounded. The
// measured time to refusal and peak RSS of every case are printed as a
// table at the end. The time bounds are liveness bounds (timebounds.h): a
// refusal must come, not come fast; how fast is measured in bench/.

#include "encodedfiles.h"
#include "imagefactory.h"
#include "testfiles.h"
#include "testserver.h"
#include "timebounds.h"
#include "troveprocess.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <array>
#include <memory>
#include <signal.h>

using trove::test::ImageFactory;
using trove::test::kKillMs;
using trove::test::kLivenessMs;
using trove::test::readFile;
using trove::test::Response;
using trove::test::TestServer;

/// One row of the table printed at the end. Outside the anonymous
/// namespace: TestHostile, which keeps a list of them, is not in it.
struct Measurement {
    QString name;
    qint64 elapsedMs;
    qint64 boundMs;
    qint64 peakRssKiB;
    QString reason;
};

namespace {

constexpr qint64 kMaxDownloadBytes = 8'000'000;
constexpr int kStallMs = 1500;
constexpr qint64 kMaxRssKiB = 250 * 1024;
/// What a refused endless or bomb input may add to the peak RSS of adding
/// a small honest file of the same format: the decoders' own libraries
/// (libheif with its codecs, libjxl, ...) and a sanitizer's shadow memory
/// make that baseline differ between builds, the margin does not.
constexpr qint64 kRssMarginKiB = 64 * 1024;
const QString kTimeBinary = QStringLiteral("/usr/bin/time");

/// The routes one case installs on the server.
struct Routes {
    QList<QPair<QString, Response>> list;
};

using Run = trove::test::TroveRun;

QByteArray plainText()
{
    QByteArray out;
    for (int i = 0; i < 40; ++i)
        out += "This is a plain text file, line " + QByteArray::number(i)
            + ", and not a picture at all.\n";
    return out;
}

/// 1 GiB of zeros as a gzip member of about 1 MiB: made once, it takes a
/// few seconds.
const QByteArray &gzipBomb()
{
    static const QByteArray bomb = Response::gzipOfZeros(qint64(1) << 30);
    return bomb;
}

} // namespace

Q_DECLARE_METATYPE(Routes)
Q_DECLARE_METATYPE(trove::test::Response)

class TestHostile final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void refused_data();
    void refused();
    void accepted_data();
    void accepted();
    void downloadFilesAreReused();
    void hostileSvg_data();
    void hostileSvg();

private:
    /// Runs `trove` (under /usr/bin/time when @p measure) to its end, or
    /// kills it after @p timeoutMs.
    Run trove(const QStringList &args, bool measure = false, int timeoutMs = kKillMs,
        const QStringList &env = {});
    QString library() const { return m_dir->filePath(QStringLiteral("library")); }
    /// What "the library is unchanged" compares: the JSON listing plus every
    /// file under blobs/ with its size and SHA-256.
    QByteArray snapshot();
    QStringList tmpListing() const;
    /// The thumbnail stored for the image with this uuid; empty if none.
    QByteArray thumbnail(const QString &uuid) const;
    void install(const Routes &routes);
    /// Peak RSS of `trove add` storing a small honest file with this suffix
    /// into a scratch library; measured once per suffix.
    qint64 baselineRssKiB(const QString &suffix);

    TestServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    QByteArray m_seed; ///< the image every library holds before a case
    QList<Measurement> m_table;
    QHash<QString, qint64> m_baselineRssKiB;
};

void TestHostile::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(QStringLiteral(TROVE_BINARY)).isExecutable(), TROVE_BINARY);
    QVERIFY2(QFileInfo(kTimeBinary).isExecutable(),
        "GNU time (package `time`) is needed to measure peak RSS");
    QVERIFY(m_server.start());
    m_seed = ImageFactory::png(48, 32, 99);
}

void TestHostile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server.clearRoutes();
    m_server.resetCounters();

    // A library that already holds one image, so "unchanged" means something.
    m_server.addRoute(QStringLiteral("/seed/seed.png"), Response::ok(m_seed, "image/png"));
    const Run seed
        = trove({ QStringLiteral("add"), m_server.url(QStringLiteral("/seed/seed.png")).toString(),
            QStringLiteral("--library"), library() });
    QVERIFY2(seed.exitCode == 0, seed.describe());
    m_server.resetCounters();
}

void TestHostile::cleanup()
{
    m_dir.reset();
}

void TestHostile::cleanupTestCase()
{
    qInfo("%-28s | %8s | %8s | %9s | %s", "case", "ms", "bound", "peak RSS", "reason");
    for (const Measurement &m : std::as_const(m_table))
        qInfo("%-28s | %8lld | %8lld | %6lld MB | %s", qPrintable(m.name), m.elapsedMs, m.boundMs,
            m.peakRssKiB / 1024, qPrintable(m.reason));
    m_server.stop();
}

Run TestHostile::trove(const QStringList &args, bool measure, int timeoutMs, const QStringList &env)
{
    QProcess p;
    p.setProcessEnvironment(trove::test::cleanTroveEnvironment(m_dir->path(),
        QStringList { QStringLiteral("TROVE_STALL_TIMEOUT_MS=%1").arg(kStallMs),
            QStringLiteral("TROVE_MAX_DOWNLOAD_BYTES=%1").arg(kMaxDownloadBytes) }
            + env));
    p.setWorkingDirectory(m_dir->path());

    const QString rssFile = m_dir->filePath(QStringLiteral("peak-rss.txt"));
    QFile::remove(rssFile);
    Run run;
    QElapsedTimer timer;
    timer.start();
    if (measure) {
        // -o keeps time's own output out of the child's stderr; -q drops
        // its "exited with non-zero status" note.
        p.start(kTimeBinary,
            QStringList { QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("%M"),
                QStringLiteral("-o"), rssFile, QStringLiteral(TROVE_BINARY) }
                + args);
    } else {
        p.start(QStringLiteral(TROVE_BINARY), args);
    }
    if (!p.waitForStarted(kLivenessMs))
        return run;
    run.finished = p.waitForFinished(timeoutMs);
    run.elapsedMs = timer.elapsed();
    if (!run.finished) {
        // Under /usr/bin/time the hung process is its child: end that one
        // first, by its id, so that nothing outlives the test.
        if (measure) {
            const QString children = QStringLiteral("/proc/%1/task/%1/children").arg(p.processId());
            for (const QByteArray &pid : readFile(children).split(' ')) {
                if (pid.trimmed().toInt() > 0)
                    ::kill(pid.trimmed().toInt(), SIGKILL);
            }
        }
        p.kill();
        p.waitForFinished(kLivenessMs);
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit && run.finished ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    if (measure) {
        const QList<QByteArray> lines = readFile(rssFile).trimmed().split('\n');
        bool ok = false;
        const qint64 kib = lines.last().trimmed().toLongLong(&ok);
        run.peakRssKiB = ok ? kib : -1;
    }
    return run;
}

qint64 TestHostile::baselineRssKiB(const QString &suffix)
{
    if (const auto it = m_baselineRssKiB.constFind(suffix); it != m_baselineRssKiB.cend())
        return *it;
    QString why;
    const QByteArray honest = suffix == QLatin1String("png")
        ? ImageFactory::png(64, 48, 5)
        : trove::test::EncodedFiles::flat(suffix.toLatin1(), 64, 48, &why);
    if (honest.isEmpty()) {
        qWarning("no honest %s file for the RSS baseline: %s", qPrintable(suffix), qPrintable(why));
        return -1;
    }
    const QString file = m_dir->filePath(QStringLiteral("baseline.") + suffix);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(honest) != honest.size())
        return -1;
    out.close();
    const Run add = trove({ QStringLiteral("add"), file, QStringLiteral("--library"),
                              m_dir->filePath(QStringLiteral("baseline-library")) },
        true);
    if (add.exitCode != 0 || add.peakRssKiB <= 0) {
        qWarning("the RSS baseline for %s did not store: %s", qPrintable(suffix),
            qPrintable(add.describe()));
        return -1;
    }
    qInfo("RSS baseline for an honest %s: %lld MB", qPrintable(suffix), add.peakRssKiB / 1024);
    m_baselineRssKiB.insert(suffix, add.peakRssKiB);
    return add.peakRssKiB;
}

QByteArray TestHostile::snapshot()
{
    const Run list = trove({ QStringLiteral("list"), QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QByteArray out
        = "exit " + QByteArray::number(list.exitCode) + "\n" + list.out + "\n--- blobs\n";
    const QDir root(library() + QStringLiteral("/blobs"));
    QStringList files;
    QDirIterator it(root.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo fi(it.next());
        files << QStringLiteral("%1 %2 %3")
                     .arg(root.relativeFilePath(fi.filePath()))
                     .arg(fi.isDir() ? -1 : fi.size())
                     .arg(fi.isDir() ? QString() : trove::test::sha256Hex(readFile(fi.filePath())));
    }
    files.sort();
    return out + files.join(QLatin1Char('\n')).toUtf8();
}

QStringList TestHostile::tmpListing() const
{
    return QDir(library() + QStringLiteral("/tmp"))
        .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

QByteArray TestHostile::thumbnail(const QString &uuid) const
{
    QByteArray data;
    const QString name = QStringLiteral("hostile-thumbs");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(library() + QStringLiteral("/catalog.sqlite"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("ATTACH DATABASE ? AS t"));
            q.addBindValue(library() + QStringLiteral("/thumbs.sqlite"));
            if (q.exec()) {
                q.prepare(QStringLiteral("SELECT t.thumbs.data FROM t.thumbs JOIN images ON "
                                         "images.id = t.thumbs.image_id "
                                         "WHERE images.uuid = ?"));
                q.addBindValue(uuid);
                if (q.exec() && q.next())
                    data = q.value(0).toByteArray();
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return data;
}

void TestHostile::install(const Routes &routes)
{
    for (const auto &[path, response] : routes.list)
        m_server.addRoute(path, response);
}

// --- refusals --------------------------------------------------------------

void TestHostile::refused_data()
{
    QTest::addColumn<Routes>("routes");
    QTest::addColumn<QString>(
        "source"); ///< a path on the server, or a literal source when not starting with '/'
    QTest::addColumn<QString>("reason"); ///< what the reason must contain
    QTest::addColumn<int>("minMs"); ///< the refusal may not come sooner (waiting for a timeout)
    QTest::addColumn<int>("boundMs"); ///< it must come sooner than this
    QTest::addColumn<bool>("endless"); ///< a body that never ends: peak RSS is bounded
    QTest::addColumn<bool>("offline"); ///< refused before any network use
    QTest::addColumn<QStringList>("env"); ///< overrides for the child

    const QByteArray png = ImageFactory::png(256, 256, 3);
    const QByteArray jpeg = ImageFactory::jpeg(256, 256, 85, 3);
    auto url
        = [this](const char *path) { return m_server.url(QString::fromLatin1(path)).toString(); };
    auto row = [](const char *name, Routes routes, const QString &source, const QString &reason,
                   int minMs, int boundMs, bool endless = false, bool offline = false,
                   const QStringList &env = {}) {
        QTest::newRow(name) << routes << source << reason << minMs << boundMs << endless << offline
                            << env;
    };
    using R = Routes;

    // A process start, a library open and one loopback request: well under
    // a second on an idle machine, but a liveness bound, not a measurement:
    // under `ctest -j2` on a loaded 2-core machine the 10 s bound of the
    // gzip bomb was missed at 10,042 ms.
    constexpr int live = kLivenessMs;
    row("404", R { { { QStringLiteral("/x/404.png"), Response::status(404) } } },
        QStringLiteral("/x/404.png"), QStringLiteral("HTTP 404"), 0, live);
    row("500", R { { { QStringLiteral("/x/500.png"), Response::status(500) } } },
        QStringLiteral("/x/500.png"), QStringLiteral("HTTP 500"), 0, live);
    row("403", R { { { QStringLiteral("/x/403.png"), Response::status(403) } } },
        QStringLiteral("/x/403.png"), QStringLiteral("HTTP 403"), 0, live);

    row("redirect loop A-B-A",
        R { { { QStringLiteral("/loop/a"), Response::redirect(302, url("/loop/b")) },
            { QStringLiteral("/loop/b"), Response::redirect(302, url("/loop/a")) } } },
        QStringLiteral("/loop/a"), QStringLiteral("redirect loop"), 0, live);
    {
        Routes chain;
        for (int i = 0; i < 12; ++i)
            chain.list.append({ QStringLiteral("/chain/%1").arg(i),
                Response::redirect(
                    302, m_server.url(QStringLiteral("/chain/%1").arg(i + 1)).toString()) });
        chain.list.append({ QStringLiteral("/chain/12"), Response::ok(png, "image/png") });
        row("redirect chain of 12", chain, QStringLiteral("/chain/0"),
            QStringLiteral("too many redirects"), 0, live);
    }
    row("redirect to ftp",
        R { { { QStringLiteral("/to-ftp.png"),
            Response::redirect(
                302, url("/x.png").replace(QLatin1String("http:"), QLatin1String("ftp:"))) } } },
        QStringLiteral("/to-ftp.png"), QStringLiteral("redirect to a refused scheme: ftp"), 0,
        live);
    row("redirect to file",
        R { { { QStringLiteral("/to-file.png"),
            Response::redirect(302, QStringLiteral("file:///etc/passwd")) } } },
        QStringLiteral("/to-file.png"), QStringLiteral("redirect to a refused scheme: file"), 0,
        live);

    row("html as image/jpeg",
        R { { { QStringLiteral("/page.jpg"), Response::ok(ImageFactory::html(), "image/jpeg") } } },
        QStringLiteral("/page.jpg"), QStringLiteral("not an image (text/html)"), 0, live);
    row("text as image/png",
        R { { { QStringLiteral("/text.png"), Response::ok(plainText(), "image/png") } } },
        QStringLiteral("/text.png"), QStringLiteral("not an image (text/plain)"), 0, live);
    row("empty body", R { { { QStringLiteral("/empty.png"), Response::ok({}, "image/png") } } },
        QStringLiteral("/empty.png"), QStringLiteral("empty"), 0, live);
    row("truncated png",
        R { { { QStringLiteral("/half.png"),
            Response::ok(ImageFactory::truncated(png, 0.5), "image/png") } } },
        QStringLiteral("/half.png"), QStringLiteral("truncated image (png)"), 0, live);
    row("truncated jpeg",
        R { { { QStringLiteral("/half.jpg"),
            Response::ok(ImageFactory::truncated(jpeg, 0.5), "image/jpeg") } } },
        QStringLiteral("/half.jpg"), QStringLiteral("truncated image (jpeg)"), 0, live);
    {
        Response shortBody = Response::ok(png, "image/png");
        shortBody.contentLength = png.size() * 2;
        row("body shorter than length", R { { { QStringLiteral("/short.png"), shortBody } } },
            QStringLiteral("/short.png"),
            QStringLiteral("connection closed after %1 of %2 bytes")
                .arg(png.size())
                .arg(png.size() * 2),
            0, live);
    }

    // 8 MB over loopback is a fraction of a second; the bound is liveness.
    {
        Response endless = Response::ok(png, "image/png");
        endless.infiniteBody = true;
        row("endless, no length", R { { { QStringLiteral("/endless.png"), endless } } },
            QStringLiteral("/endless.png"), QStringLiteral("too large: more than 7.6 MiB"), 0,
            kLivenessMs, true);
        Response announced = endless;
        announced.contentLength = qint64(10) * 1024 * 1024 * 1024;
        // Refused on the headers, before any of the body is read.
        row("endless, 10 GiB announced", R { { { QStringLiteral("/announced.png"), announced } } },
            QStringLiteral("/announced.png"),
            QStringLiteral("too large: the server announces 10240 MiB"), 0, live, true);
        Response chunked = endless;
        chunked.chunked = true;
        row("endless, chunked", R { { { QStringLiteral("/chunked.png"), chunked } } },
            QStringLiteral("/chunked.png"), QStringLiteral("too large: more than 7.6 MiB"), 0,
            kLivenessMs, true);
    }

    // The stall timer is 1.5 s: the refusal cannot come sooner (a fact, so
    // a lower bound), and must come (liveness, so a generous upper one).
    {
        Response stall = Response::ok(png, "image/png");
        stall.stallAfterHeaders = true;
        row("stall after headers", R { { { QStringLiteral("/stall.png"), stall } } },
            QStringLiteral("/stall.png"), QStringLiteral("timed out after 1.5 s without data"),
            kStallMs, kLivenessMs);
        Response stallLater = Response::ok(png, "image/png");
        stallLater.stallAfterBytes = png.size() / 3;
        row("stall after some bytes", R { { { QStringLiteral("/stall-later.png"), stallLater } } },
            QStringLiteral("/stall-later.png"),
            QStringLiteral("timed out after 1.5 s without data"), kStallMs, kLivenessMs);
    }

    row("png declaring 60000x60000",
        R { { { QStringLiteral("/bomb.png"),
            Response::ok(ImageFactory::pngDeclaring(60000, 60000), "image/png") } } },
        QStringLiteral("/bomb.png"), QStringLiteral("image too large: 60000x60000"), 0, live);

    {
        // 1 GiB of zeros, about 1 MiB on the wire, inflated by Qt while it
        // streams: the 8 MB limit (or Qt's own decompression safety check)
        // must stop it long before memory or disk suffer.
        Response bomb = Response::ok(gzipBomb(), "image/png");
        bomb.withHeader("Content-Encoding", "gzip");
        // Trove asks for no encoding and decodes what comes gzipped anyway
        // itself, stopping at the limit: about 0.1 s, where Qt's decoding
        // inflated the whole gigabyte first (2.6 s of the fetcher thread)
        // and under the suite's 1.5 s stall timeout, on a loaded machine,
        // failed as "timed out without data".
        row("gzip bomb 1 GiB", R { { { QStringLiteral("/gzip-bomb.png"), bomb } } },
            QStringLiteral("/gzip-bomb.png"), QStringLiteral("too large: more than 7.6 MiB"), 0,
            kLivenessMs, true);
        // At the default 256 MiB limit it writes 256 MiB before it stops:
        // the size limit is what the row tests, not the stall timeout.
        const QString patient = QStringLiteral("TROVE_STALL_TIMEOUT_MS=20000");
        row("gzip bomb, default limit", R { { { QStringLiteral("/gzip-bomb.png"), bomb } } },
            QStringLiteral("/gzip-bomb.png"), QStringLiteral("too large: more than 256 MiB"), 0,
            kLivenessMs, true, false,
            { patient, QStringLiteral("TROVE_MAX_DOWNLOAD_BYTES=268435456") });
    }

    // The modern decoders (app/imageformats) against bombs and endless
    // input. By header: a real file whose size fields (ispe, SIZ and ihdr,
    // the JPEG XL size header) claim 60000x60000, refused from the header
    // before anything is decoded. By content: an honest flat picture of
    // 640x640 in a few hundred bytes against a pixel limit scaled down to
    // 400,000 (as the download limit is here), since making one over the
    // default 100 Mpx takes the encoders minutes. Endless: a real file
    // followed by filler for ever, and an AVIF sequence claiming a billion
    // frames.
    for (const QByteArray format : { "avif", "heic", "jxl", "jp2", "j2k" }) {
        using trove::test::EncodedFiles;
        const QString fmt = QString::fromLatin1(format);
        const QByteArray mime = "image/" + format;
        QString why;
        const QByteArray small = EncodedFiles::flat(format, 64, 48, &why);
        QVERIFY2(!small.isEmpty(), qPrintable(why));
        const QByteArray headerBomb = format == "jxl" ? EncodedFiles::jxlDeclaring(60000, 60000)
            : format == "avif" || format == "heic"
            ? EncodedFiles::isobmffDeclaring(small, 60000, 60000)
            : EncodedFiles::jpeg2000Declaring(small, 60000, 60000);
        QVERIFY(!headerBomb.isEmpty());
        const QString bombPath = QStringLiteral("/modern/bomb.") + fmt;
        QTest::addRow("%s declaring 60000x60000", format.constData())
            << R { { { bombPath, Response::ok(headerBomb, mime) } } } << bombPath
            << QStringLiteral("image too large: 60000x60000") << 0 << live << false << false
            << QStringList {};
        // The bare codestream goes to the same OpenJPEG decoder as JP2:
        // its own header is the case worth a row.
        if (format == "j2k")
            continue;

        const QByteArray contentBomb = EncodedFiles::flat(format, 640, 640, &why);
        QVERIFY2(!contentBomb.isEmpty(), qPrintable(why));
        QVERIFY2(contentBomb.size() < 4096, "the content bomb is not small");
        const QString flatPath = QStringLiteral("/modern/flat.") + fmt;
        QTest::addRow("%s flat 640x640 in %lld bytes, limit 400000 px", format.constData(),
            qlonglong(contentBomb.size()))
            << R { { { flatPath, Response::ok(contentBomb, mime) } } } << flatPath
            << QStringLiteral("image too large: 640x640") << 0 << live << true << false
            << QStringList { QStringLiteral("TROVE_MAX_PIXELS=400000") };

        Response endless = Response::ok(small, mime);
        endless.infiniteBody = true;
        const QString endlessPath = QStringLiteral("/modern/endless.") + fmt;
        QTest::addRow("%s, then endless filler", format.constData())
            << R { { { endlessPath, endless } } } << endlessPath
            << QStringLiteral("too large: more than 7.6 MiB") << 0 << live << true << false
            << QStringList {};
    }
    {
        QString why;
        const QByteArray png40 = ImageFactory::png(40, 30, 1);
        const QByteArray sequence = trove::test::EncodedFiles::encode(QStringLiteral("avifenc"),
            { QStringLiteral("-l"), QStringLiteral("-s"), QStringLiteral("10"),
                QStringLiteral("%in0"), QStringLiteral("%in1"), QStringLiteral("%out") },
            { { QStringLiteral("a.png"), png40 },
                { QStringLiteral("b.png"), ImageFactory::png(40, 30, 2) } },
            QStringLiteral("seq.avif"), &why);
        QVERIFY2(!sequence.isEmpty(), qPrintable(why));
        const QByteArray claiming
            = trove::test::EncodedFiles::avifSequenceClaiming(sequence, 1'000'000'000);
        QVERIFY(!claiming.isEmpty());
        row("avif sequence claiming 1e9 frames",
            R { { { QStringLiteral("/modern/frames.avif"),
                Response::ok(claiming, "image/avif") } } },
            QStringLiteral("/modern/frames.avif"),
            QStringLiteral("unsupported or corrupt image (avif)"), 0, live, true);
    }

    // Refused while parsing the argument: nothing is sent anywhere.
    row("javascript: URL", {}, QStringLiteral("javascript:alert(document.cookie)"),
        QStringLiteral("unsupported URL scheme: javascript"), 0, live, false, true);
    row("ftp: URL", {}, url("/x.png").replace(QLatin1String("http:"), QLatin1String("ftp:")),
        QStringLiteral("unsupported URL scheme: ftp"), 0, live, false, true);
    row("mailto: URL", {}, QStringLiteral("mailto:someone@example.com"),
        QStringLiteral("unsupported URL scheme: mailto"), 0, live, false, true);
    row("garbage words", {}, QStringLiteral("some garbage words"),
        QStringLiteral("not a URL or an existing file: some garbage words"), 0, live, false, true);
}

void TestHostile::refused()
{
    QFETCH(Routes, routes);
    QFETCH(QString, source);
    QFETCH(QString, reason);
    QFETCH(int, minMs);
    QFETCH(int, boundMs);
    QFETCH(bool, endless);
    QFETCH(bool, offline);
    QFETCH(QStringList, env);

    install(routes);
    const QString arg
        = source.startsWith(QLatin1Char('/')) ? m_server.url(source).toString() : source;
    const QByteArray before = snapshot();
    const int hitsBefore = m_server.totalHits();

    const Run add = trove(
        { QStringLiteral("add"), arg, QStringLiteral("--library"), library() }, true, kKillMs, env);
    QVERIFY2(add.finished, add.describe());

    const QStringList lines = add.errLines();
    const QString line = lines.value(0);
    m_table.append({ QString::fromLatin1(QTest::currentDataTag()), add.elapsedMs, boundMs,
        add.peakRssKiB, line.section(QStringLiteral(": "), 1) });
    qInfo("| %s | %lld ms (bound %d ms) | peak RSS %lld MB | %s", QTest::currentDataTag(),
        add.elapsedMs, boundMs, add.peakRssKiB / 1024, qPrintable(line));

    QVERIFY2(add.exitCode == 1, add.describe());
    QVERIFY2(lines.size() == 1, add.describe());
    const QString prefix = QStringLiteral("failed  %1: ").arg(arg);
    QVERIFY2(line.startsWith(prefix), qPrintable(line));
    QVERIFY2(line.mid(prefix.size()).contains(reason),
        qPrintable(QStringLiteral("expected \"%1\" in: %2").arg(reason, line)));

    QVERIFY2(add.elapsedMs >= minMs,
        qPrintable(QStringLiteral("refused after %1 ms, before the %2 ms wait")
                       .arg(add.elapsedMs)
                       .arg(minMs)));
    QVERIFY2(add.elapsedMs < boundMs,
        qPrintable(
            QStringLiteral("refused after %1 ms, bound %2 ms").arg(add.elapsedMs).arg(boundMs)));
    if (endless) {
        QVERIFY2(add.peakRssKiB > 0, "no peak RSS from /usr/bin/time");
        QString suffix = QFileInfo(QUrl(arg).path()).suffix();
        if (suffix.isEmpty())
            suffix = QStringLiteral("png");
        const qint64 baseline = baselineRssKiB(suffix);
        QVERIFY2(baseline > 0, "no RSS baseline");
        QVERIFY2(add.peakRssKiB < baseline + kRssMarginKiB,
            qPrintable(QStringLiteral("peak RSS %1 MB, an honest %2 file takes %3 MB")
                           .arg(add.peakRssKiB / 1024)
                           .arg(suffix)
                           .arg(baseline / 1024)));
    }
    if (offline)
        QCOMPARE(m_server.totalHits(), hitsBefore);

    QCOMPARE(tmpListing(), QStringList {});
    const QByteArray after = snapshot();
    QCOMPARE(after, before);
}

// --- odd answers that are still images ----------------------------------------

void TestHostile::accepted_data()
{
    QTest::addColumn<Routes>("routes");
    QTest::addColumn<QString>("entry"); ///< the path given to trove add
    QTest::addColumn<QByteArray>("image"); ///< the bytes that must be stored
    QTest::addColumn<QString>("format");

    const QByteArray png = ImageFactory::png(200, 150, 11);
    const QString at = QStringLiteral("/odd/picture");

    Response gzipped = Response::ok(png, "image/png");
    gzipped.gzipBody = true;
    QTest::newRow("gzip-encoded png")
        << Routes { { { at, gzipped } } } << at << png << QStringLiteral("png");

    Response noType;
    noType.body = png;
    QTest::newRow("no content type")
        << Routes { { { at, noType } } } << at << png << QStringLiteral("png");

    QTest::newRow("png served as image/gif")
        << Routes { { { at, Response::ok(png, "image/gif") } } } << at << png
        << QStringLiteral("png");

    const QByteArray jpeg = ImageFactory::jpeg(200, 150, 85, 11);
    QTest::newRow("jpeg served as text/html")
        << Routes { { { at, Response::ok(jpeg, "text/html") } } } << at << jpeg
        << QStringLiteral("jpeg");

    // Redirect chains up to the limit of 10 are followed.
    for (int hops : { 1, 2, 3, 10 }) {
        Routes chain;
        for (int i = 0; i < hops; ++i)
            chain.list.append({ QStringLiteral("/hop%1/%2").arg(hops).arg(i),
                Response::redirect(302,
                    m_server.url(QStringLiteral("/hop%1/%2").arg(hops).arg(i + 1)).toString()) });
        chain.list.append(
            { QStringLiteral("/hop%1/%2").arg(hops).arg(hops), Response::ok(png, "image/png") });
        QTest::addRow("%d redirect(s) to a png", hops)
            << chain << QStringLiteral("/hop%1/0").arg(hops) << png << QStringLiteral("png");
    }
}

void TestHostile::accepted()
{
    QFETCH(Routes, routes);
    QFETCH(QString, entry);
    QFETCH(QByteArray, image);
    QFETCH(QString, format);

    install(routes);
    const QString url = m_server.url(entry).toString();
    const Run add = trove({ QStringLiteral("add"), url, QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QVERIFY2(add.exitCode == 0, add.describe());
    QVERIFY2(add.err.isEmpty(), add.describe());
    const QJsonObject result = QJsonDocument::fromJson(add.out).array().at(0).toObject();
    QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("added"));
    const QString id = result.value(QLatin1String("id")).toString();

    const Run show = trove({ QStringLiteral("show"), id, QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QVERIFY2(show.exitCode == 0, show.describe());
    const QJsonObject row = QJsonDocument::fromJson(show.out).object();
    QCOMPARE(row.value(QLatin1String("format")).toString(), format);
    QCOMPARE(row.value(QLatin1String("sha256")).toString(), trove::test::sha256Hex(image));

    const QString out = m_dir->filePath(QStringLiteral("exported"));
    const Run exp = trove({ QStringLiteral("export"), id, QStringLiteral("-o"), out,
        QStringLiteral("--library"), library() });
    QVERIFY2(exp.exitCode == 0, exp.describe());
    QVERIFY2(readFile(out) == image, "export is not byte-identical to the decoded image");
    QCOMPARE(tmpListing(), QStringList {});
}

// A download is written into the file of one read before (on ext4 without
// a journal a new file per download is slow). A small image written where a
// large one was must not keep the large one's tail, and the kept files go
// when trove exits.
void TestHostile::downloadFilesAreReused()
{
    QList<QByteArray> images { ImageFactory::bmp(600, 400, 1) };
    for (quint32 seed = 2; seed < 8; ++seed)
        images.append(
            seed % 2 ? ImageFactory::png(24, 16, seed) : ImageFactory::jpeg(24, 16, 85, seed));
    images.append(ImageFactory::bmp(300, 200, 8)); // larger again
    images.append(ImageFactory::png(8, 8, 9));
    QStringList args { QStringLiteral("add") };
    QSet<QString> expected;
    for (int i = 0; i < images.size(); ++i) {
        const QString path = QStringLiteral("/reuse/%1").arg(i);
        m_server.addRoute(path, Response::ok(images[i], "application/octet-stream"));
        args << m_server.url(path).toString();
        expected.insert(trove::test::sha256Hex(images[i]));
    }
    // One at a time: each download after the first finds a file to reuse.
    args << QStringLiteral("--per-host") << QStringLiteral("1") << QStringLiteral("--library")
         << library();
    const Run add = trove(args);
    QVERIFY2(add.exitCode == 0, add.describe());

    const Run list = trove({ QStringLiteral("list"), QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QVERIFY2(list.exitCode == 0, list.describe());
    QSet<QString> stored;
    for (const QJsonValue &row : QJsonDocument::fromJson(list.out).array())
        stored.insert(row.toObject().value(QLatin1String("sha256")).toString());
    for (const QString &sha : std::as_const(expected))
        QVERIFY2(
            stored.contains(sha), qPrintable(QStringLiteral("%1 not stored as sent").arg(sha)));
    QCOMPARE(tmpListing(), QStringList {});
}

// --- hostile SVG ---------------------------------------------------------------

void TestHostile::hostileSvg_data()
{
    QTest::addColumn<QByteArray>("svg");
    /// When stored: a point of the thumbnail that must show the SVG's own
    /// background, not whatever an external reference would have drawn.
    QTest::addColumn<QPoint>("probe");

    QByteArray laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n  <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        QByteArray refs;
        for (int j = 0; j < 10; ++j)
            refs += "&lol" + (i > 1 ? QByteArray::number(i - 1) : QByteArray()) + ";";
        laughs += "  <!ENTITY lol" + QByteArray::number(i) + " \"" + refs + "\">\n";
    }
    laughs += "]>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">\n"
              "  <rect width=\"64\" height=\"64\" fill=\"#336699\"/>\n"
              "  <text x=\"0\" y=\"20\">&lol9;</text>\n</svg>\n";
    QTest::newRow("billion laughs") << laughs << QPoint(40, 40);

    const QByteArray external
        = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
          "width=\"64\" height=\"64\">\n"
          "  <rect width=\"64\" height=\"64\" fill=\"#336699\"/>\n"
          "  <image x=\"0\" y=\"0\" width=\"32\" height=\"32\" xlink:href=\"%1\"/>\n</svg>\n";
    QTest::newRow("external http image") << QByteArray(external).replace(
        "%1", m_server.url(QStringLiteral("/x.png")).toString().toUtf8())
                                         << QPoint(10, 10);
    QTest::newRow("external file image")
        << QByteArray(external).replace("%1", "file:///etc/passwd") << QPoint(10, 10);
    QTest::newRow("external file image, plain href")
        << QByteArray(external).replace("xlink:href=\"%1\"", "href=\"file:///etc/passwd\"")
        << QPoint(10, 10);
    // A picture on the user's disk: a web page's SVG must not pull it into
    // the library (LOCAL is replaced by a red PNG in the test's folder).
    QTest::newRow("external local png, file URL")
        << QByteArray(external).replace("%1", "file://LOCAL") << QPoint(10, 10);
    QTest::newRow("external local png, plain path")
        << QByteArray(external).replace("%1", "LOCAL") << QPoint(10, 10);
    // Devices that never end or never answer: reading one must not hang.
    QTest::newRow("external /dev/zero")
        << QByteArray(external).replace("%1", "/dev/zero") << QPoint(10, 10);
    QTest::newRow("external /dev/stdin")
        << QByteArray(external).replace("%1", "/dev/stdin") << QPoint(10, 10);
}

void TestHostile::hostileSvg()
{
    QFETCH(QByteArray, svg);
    QFETCH(QPoint, probe);

    const QString local = m_dir->filePath(QStringLiteral("local-red.png"));
    QVERIFY(ImageFactory::solid(64, 64, Qt::red).save(local, "PNG"));
    svg.replace("LOCAL", local.toUtf8());

    m_server.addRoute(
        QStringLiteral("/x.png"), Response::ok(ImageFactory::png(32, 32, 5), "image/png"));
    m_server.addRoute(QStringLiteral("/hostile.svg"), Response::ok(svg, "image/svg+xml"));
    const QString url = m_server.url(QStringLiteral("/hostile.svg")).toString();
    const QByteArray before = snapshot();

    const Run add = trove({ QStringLiteral("add"), url, QStringLiteral("--json"),
                              QStringLiteral("--library"), library() },
        true, kKillMs);
    const QJsonObject outcome = QJsonDocument::fromJson(add.out).array().at(0).toObject();
    const QString summary = !add.finished ? QStringLiteral("did not finish (killed)")
        : add.exitCode == 0               ? QStringLiteral("stored")
                                          : outcome.value(QLatin1String("error")).toString();
    qInfo("| svg %s | %lld ms | peak RSS %lld MB | exit %d | %s", QTest::currentDataTag(),
        add.elapsedMs, add.peakRssKiB / 1024, add.exitCode, qPrintable(summary));
    m_table.append({ QStringLiteral("svg ") + QString::fromLatin1(QTest::currentDataTag()),
        add.elapsedMs, kLivenessMs, add.peakRssKiB, summary });

    // Never hang, never fetch.
    QVERIFY2(add.finished, add.describe());
    QVERIFY2(add.elapsedMs < kLivenessMs, add.describe());
    QCOMPARE(m_server.hits(QStringLiteral("/x.png")), 0);
    QCOMPARE(m_server.hits(QStringLiteral("/hostile.svg")), 1);
    QVERIFY2(add.peakRssKiB > 0 && add.peakRssKiB < kMaxRssKiB,
        qPrintable(QString::number(add.peakRssKiB)));
    QCOMPARE(tmpListing(), QStringList {});

    // Either refused with a clear reason, the library untouched...
    if (add.exitCode == 1) {
        const QStringList lines = add.errLines();
        QVERIFY2(lines.size() == 1, add.describe());
        QVERIFY2(lines.first().startsWith(QStringLiteral("failed  %1: ").arg(url)), add.describe());
        QVERIFY2(lines.first().contains(QLatin1String("svg")), add.describe());
        QCOMPARE(snapshot(), before);
        return;
    }
    // ...or stored, with a thumbnail.
    QVERIFY2(add.exitCode == 0, add.describe());
    QCOMPARE(outcome.value(QLatin1String("status")).toString(), QStringLiteral("added"));
    const QByteArray data = thumbnail(outcome.value(QLatin1String("id")).toString());
    const QImage thumb = QImage::fromData(data);
    QVERIFY2(!thumb.isNull(), "no decodable thumbnail");
    QCOMPARE(thumb.size(), QSize(64, 64));
    const QColor seen = thumb.pixelColor(probe);
    qInfo("thumbnail at (%d,%d): %s", probe.x(), probe.y(), qPrintable(seen.name()));
    const QColor background(0x33, 0x66, 0x99);
    QVERIFY2(std::abs(seen.red() - background.red()) < 24
            && std::abs(seen.green() - background.green()) < 24
            && std::abs(seen.blue() - background.blue()) < 24,
        qPrintable(QStringLiteral(
            "the thumbnail shows %1 where the SVG's own background (#336699) belongs: "
            "an external reference was drawn")
                       .arg(seen.name())));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"

// SPDX-License-Identifier: MIT
// GzipCodec: blobs are real gzip members that the system's gzip reads, they
// round-trip byte for byte, and every kind of damage is reported.

#include "imagefactory.h"
#include "ingest/completeness.h"
#include "ingest/private/bodyinflater.h"
#include "response.h"
#include "resultcheck.h"
#include "storage/gzipcodec.h"
#include "testfiles.h"
#include "timebounds.h"

#include <QBuffer>
#include <QFileInfo>
#include <QLinearGradient>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <array>
#include <memory>
#include <thread>
#include <zlib.h>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;
using trove::test::readFile;
using trove::test::sha256Hex;
using trove::test::writeFile;

namespace {

/// The fields of a gzip member header (RFC 1952), parsed independently of
/// zlib.
struct GzipHeader {
    bool valid = false;
    quint8 method = 0;
    quint8 flags = 0;
    quint32 mtime = 0;
    quint8 os = 0;
    QByteArray fname;
    bool hasFname = false;
};

GzipHeader parseHeader(const QByteArray &blob)
{
    GzipHeader h;
    if (blob.size() < 18 || quint8(blob[0]) != 0x1F || quint8(blob[1]) != 0x8B)
        return h;
    h.method = quint8(blob[2]);
    h.flags = quint8(blob[3]);
    h.mtime = qFromLittleEndian<quint32>(blob.constData() + 4);
    h.os = quint8(blob[9]);
    qsizetype pos = 10;
    if (h.flags & 0x04) // FEXTRA
        pos += 2 + qFromLittleEndian<quint16>(blob.constData() + pos);
    if (h.flags & 0x08) { // FNAME
        const qsizetype end = blob.indexOf('\0', pos);
        if (end < 0)
            return h;
        h.fname = blob.mid(pos, end - pos);
        h.hasFname = true;
    }
    h.valid = true;
    return h;
}

QString gzipTool()
{
    return QStandardPaths::findExecutable(QStringLiteral("gzip"));
}

/// `gzip -t` (the system's @p gzip) finds @p blob a whole, valid member.
void expectGzipAccepts(const QString &gzip, const QString &blob)
{
    QProcess test;
    test.start(gzip, { QStringLiteral("-t"), blob });
    QVERIFY(test.waitForFinished(kLivenessMs));
    QCOMPARE(test.exitStatus(), QProcess::NormalExit);
    QVERIFY2(test.exitCode() == 0, test.readAllStandardError().constData());
}

} // namespace

class TestGzipCodec : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void roundTrip_data();
    void roundTrip();
    void systemGzipAccepts_data();
    void systemGzipAccepts();
    void headerCarriesName_data();
    void headerCarriesName();
    void choosePlan_data();
    void choosePlan();
    void choosePlanKeepsPosition();
    void explicitPlanIsUsed_data();
    void explicitPlanIsUsed();
    void fastSpanRoundTrips_data();
    void fastSpanRoundTrips();
    void jpegPlanStaysWithinGzip6();
    void jpegPlanFollowsTheData_data();
    void jpegPlanFollowsTheData();
    void segmentsCompressAsFreshStreams();
    void blobsDoNotDependOnWhatCameBefore();
    void damageIsReported_data();
    void damageIsReported();
    void trailingGarbageIsReported();
    void truncatedBlobIsReported();
    void notGzipIsReported();
    void missingFilesAreReported();
    void cancelledCompressionFails();
    void readAllHonoursLimit();
    void sinkCanStop();
    void sinkCanReadAnotherBlob();

    // BodyInflater: a download's Content-Encoding, decoded as it streams.
    void bodyInflaterDecodes_data();
    void bodyInflaterDecodes();
    void bodyInflaterRefuses_data();
    void bodyInflaterRefuses();
    void bodyInflaterStopsABombAtTheLimit();

private:
    QString writeSource(
        const QByteArray &bytes, const QString &name = QStringLiteral("original.bin"));
    QString compress(const QByteArray &bytes, const QString &name = QStringLiteral("original.bin"),
        std::optional<DeflatePlan> plan = std::nullopt);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestGzipCodec::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestGzipCodec::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestGzipCodec::writeSource(const QByteArray &bytes, const QString &name)
{
    const QString path = m_dir->filePath(name);
    if (!writeFile(path, bytes))
        return {};
    return path;
}

QString TestGzipCodec::compress(
    const QByteArray &bytes, const QString &name, std::optional<DeflatePlan> plan)
{
    const QString source
        = writeSource(bytes, QStringLiteral("source-") + QString::number(qHash(name)));
    const QString target = m_dir->filePath(QStringLiteral("blob-%1.gz").arg(qHash(name)));
    auto r = GzipCodec::compressFile(source, target, name, plan);
    if (!r) {
        qWarning() << "compressFile failed:" << r.error();
        return {};
    }
    return target;
}

// Sizes around the codec's 256 KiB chunk are where streaming loops break.
static void addPayloads()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("one byte") << QByteArray("x");
    QTest::newRow("text")
        << QByteArray("the quick brown fox jumps over the lazy dog\n").repeated(500);
    QTest::newRow("random 100 KiB") << ImageFactory::randomBytes(100 * 1024);
    QTest::newRow("exactly one chunk") << ImageFactory::randomBytes(256 * 1024, 11);
    QTest::newRow("exactly two chunks") << QByteArray(512 * 1024, 'a');
    QTest::newRow("chunk plus one") << ImageFactory::randomBytes(256 * 1024 + 1, 12);
    QTest::newRow("1.5 MiB mixed")
        << (ImageFactory::randomBytes(512 * 1024, 13) + QByteArray(1024 * 1024, 'z'));
    QTest::newRow("png") << ImageFactory::encode(ImageFactory::pattern(300, 200), "png");
    QTest::newRow("bmp") << ImageFactory::encode(ImageFactory::pattern(300, 200), "bmp");
}

void TestGzipCodec::roundTrip_data()
{
    addPayloads();
}

void TestGzipCodec::roundTrip()
{
    QFETCH(QByteArray, bytes);
    const QString source = writeSource(bytes);
    const QString target = m_dir->filePath(QStringLiteral("out.gz"));
    auto compressed = GzipCodec::compressFile(source, target, QStringLiteral("original.bin"));
    QVERIFY_OK(compressed);
    QCOMPARE(compressed->sha256, sha256Hex(bytes));
    QCOMPARE(compressed->originalBytes, bytes.size());
    QCOMPARE(compressed->storedBytes, QFileInfo(target).size());
    QVERIFY(compressed->plan.level >= 0 && compressed->plan.level <= 9);

    QByteArray inflated;
    auto check = GzipCodec::inflateFile(target, [&inflated](const char *data, qint64 n) {
        inflated.append(data, n);
        return true;
    });
    QVERIFY_OK(check);
    QCOMPARE(inflated.size(), bytes.size());
    QVERIFY(inflated == bytes);
    QCOMPARE(check->sha256, compressed->sha256);
    QCOMPARE(check->originalBytes, bytes.size());
    QCOMPARE(check->storedName, QStringLiteral("original.bin"));

    auto all = GzipCodec::readAll(target);
    QVERIFY_OK(all);
    QVERIFY(*all == bytes);

    // Without a sink the check still hashes everything.
    auto quiet = GzipCodec::inflateFile(target);
    QVERIFY_OK(quiet);
    QCOMPARE(quiet->sha256, sha256Hex(bytes));
}

void TestGzipCodec::systemGzipAccepts_data()
{
    addPayloads();
}

void TestGzipCodec::systemGzipAccepts()
{
    const QString gzip = gzipTool();
    if (gzip.isEmpty())
        QSKIP("gzip is not installed");
    QFETCH(QByteArray, bytes);
    const QString blob = compress(bytes);
    QVERIFY(!blob.isEmpty());

    expectGzipAccepts(gzip, blob);
    if (QTest::currentTestFailed())
        return;

    QProcess cat;
    cat.start(gzip, { QStringLiteral("-dc"), blob });
    QVERIFY(cat.waitForFinished(kLivenessMs));
    QCOMPARE(cat.exitCode(), 0);
    QVERIFY(cat.readAllStandardOutput() == bytes);
}

void TestGzipCodec::headerCarriesName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("cat.jpg") << QByteArray("cat.jpg");
    QTest::newRow("spaces") << QStringLiteral("my holiday photo.png")
                            << QByteArray("my holiday photo.png");
    QTest::newRow("utf-8") << QStringLiteral("café ☕.webp")
                           << QStringLiteral("café ☕.webp").toUtf8();
    QTest::newRow("NUL cuts") << (QStringLiteral("evil") + QChar(0) + QStringLiteral("tail.png"))
                              << QByteArray("evil");
}

void TestGzipCodec::headerCarriesName()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, expected);
    const QByteArray bytes = ImageFactory::encode(ImageFactory::pattern(40, 30), "png");
    const QString blob = compress(bytes, name);
    QVERIFY(!blob.isEmpty());
    const GzipHeader h = parseHeader(readFile(blob));
    QVERIFY(h.valid);
    QCOMPARE(h.method, quint8(8));
    QVERIFY(h.hasFname);
    QCOMPARE(h.fname, expected);
    QCOMPARE(h.mtime, quint32(0)); // same bytes, same blob

    auto check = GzipCodec::inflateFile(blob);
    QVERIFY_OK(check);
    QCOMPARE(check->storedName, QString::fromUtf8(expected));

    const QString gzip = gzipTool();
    if (gzip.isEmpty() || expected.contains('\xE2'))
        return; // gzip -l prints non-ASCII names mangled
    QProcess list;
    list.start(gzip, { QStringLiteral("-lN"), blob });
    QVERIFY(list.waitForFinished(kLivenessMs));
    QCOMPARE(list.exitCode(), 0);
    QVERIFY2(
        list.readAllStandardOutput().contains(expected), "gzip -lN does not show the stored name");
}

// zlib's strategies, spelled out so the suite needs no zlib.h.
constexpr int kDefaultStrategy = 0; // Z_DEFAULT_STRATEGY
constexpr int kFiltered = 1; // Z_FILTERED
constexpr int kHuffmanOnly = 2; // Z_HUFFMAN_ONLY
constexpr int kRle = 3; // Z_RLE

void TestGzipCodec::choosePlan_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("maxLevel"); // the plan's level is at most this
    QTest::addColumn<int>("minLevel"); // and at least this
    QTest::addColumn<bool>("lz77"); // needs real LZ77 (default strategy, level >= 1)
    // Incompressible: the cheapest plan (store or a fast level), never 6.
    QTest::newRow("random 10 KiB") << ImageFactory::randomBytes(10 * 1024) << 1 << 0 << false;
    QTest::newRow("random 2 MiB") << ImageFactory::randomBytes(2 * 1024 * 1024) << 1 << 0 << false;
    // Between one and three samples long: read whole, not as overlapping
    // samples whose repeats look like matches. Stored.
    QTest::newRow("random 43 KB") << ImageFactory::randomBytes(43394, 5) << 0 << 0 << false;
    QTest::newRow("random 90 KiB") << ImageFactory::randomBytes(90 * 1024, 6) << 0 << 0 << false;
    QTest::newRow("png") << ImageFactory::encode(ImageFactory::pattern(400, 300), "png") << 1 << 0
                         << false;
    // Redundant: real compression at the default level.
    QTest::newRow("text")
        << QByteArray("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n").repeated(2000)
        << 6 << 6 << true;
    QTest::newRow("text with noise")
        << (QByteArray("The quick brown fox. ").repeated(3000) + ImageFactory::randomBytes(2000))
        << 6 << 6 << true;
    QTest::newRow("bmp") << ImageFactory::encode(ImageFactory::pattern(400, 300), "bmp") << 6 << 1
                         << true;
    QTest::newRow("empty") << QByteArray() << 6 << 6 << true;
}

void TestGzipCodec::choosePlan()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, maxLevel);
    QFETCH(int, minLevel);
    QFETCH(bool, lz77);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const DeflatePlan plan = GzipCodec::choosePlan(buffer);
    QVERIFY2(plan.level >= minLevel && plan.level <= maxLevel,
        qPrintable(QStringLiteral("level %1, strategy %2").arg(plan.level).arg(plan.strategy)));
    if (lz77)
        QCOMPARE(plan.strategy, kDefaultStrategy);

    // compressFile without a plan picks the same, and the result is whole.
    const QString source = writeSource(bytes);
    const QString target = m_dir->filePath(QStringLiteral("x.gz"));
    auto r = GzipCodec::compressFile(source, target, QStringLiteral("x"));
    QVERIFY_OK(r);
    QCOMPARE(r->plan, plan);
    auto all = GzipCodec::readAll(target);
    QVERIFY_OK(all);
    QVERIFY(*all == bytes);
    // Whatever the plan, the blob is never much larger than the original.
    QVERIFY(r->storedBytes <= bytes.size() + bytes.size() / 100 + 64);
    // Stored: the gzip member's 18 bytes, the name, 5 per 64 KiB block.
    if (plan.level == 0)
        QCOMPARE(r->storedBytes, bytes.size() + 18 + 2 + 5 * (bytes.size() / 65535 + 1));
}

void TestGzipCodec::choosePlanKeepsPosition()
{
    QByteArray bytes = ImageFactory::randomBytes(200 * 1024);
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QVERIFY(buffer.seek(1234));
    (void)GzipCodec::choosePlan(buffer);
    QCOMPARE(buffer.pos(), qint64(1234));
}

void TestGzipCodec::explicitPlanIsUsed_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("strategy");
    QTest::newRow("store") << 0 << kDefaultStrategy;
    QTest::newRow("huffman only") << 1 << kHuffmanOnly;
    QTest::newRow("rle") << 6 << kRle;
    QTest::newRow("filtered") << 6 << kFiltered;
    QTest::newRow("fast") << 1 << kDefaultStrategy;
    QTest::newRow("default") << 6 << kDefaultStrategy;
    QTest::newRow("best") << 9 << kDefaultStrategy;
}

void TestGzipCodec::explicitPlanIsUsed()
{
    QFETCH(int, level);
    QFETCH(int, strategy);
    const QByteArray bytes
        = QByteArray("abcabcabd").repeated(40000) + ImageFactory::randomBytes(300 * 1024, 21);
    const QString source = writeSource(bytes);
    const QString target = m_dir->filePath(QStringLiteral("plan.gz"));
    const DeflatePlan plan { level, strategy };
    auto r = GzipCodec::compressFile(source, target, QStringLiteral("plan.bin"), plan);
    QVERIFY_OK(r);
    QCOMPARE(r->plan, plan);
    auto all = GzipCodec::readAll(target);
    QVERIFY_OK(all);
    QVERIFY(*all == bytes);
    if (level == 0)
        QVERIFY(r->storedBytes > bytes.size()); // stored blocks add framing
    else
        QVERIFY(r->storedBytes < bytes.size());
    const QString gzip = gzipTool();
    if (gzip.isEmpty())
        return;
    expectGzipAccepts(gzip, target);
}

// A plan with a span at another level: one gzip member whatever the span
// (at the start, inside, to the end, past the end, empty), byte for byte.
void TestGzipCodec::fastSpanRoundTrips_data()
{
    QTest::addColumn<qint64>("begin");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<int>("size");
    QTest::newRow("inside") << qint64(100'000) << qint64(700'000) << 900'000;
    QTest::newRow("from the start") << qint64(0) << qint64(300'000) << 900'000;
    QTest::newRow("to the end") << qint64(250'000) << qint64(900'000) << 900'000;
    QTest::newRow("past the end") << qint64(250'000) << qint64(5'000'000) << 900'000;
    QTest::newRow("on chunk edges") << qint64(256 * 1024) << qint64(512 * 1024) << 900'000;
    QTest::newRow("one byte") << qint64(4242) << qint64(4243) << 10'000;
    QTest::newRow("empty file") << qint64(0) << qint64(10) << 0;
}

void TestGzipCodec::fastSpanRoundTrips()
{
    QFETCH(qint64, begin);
    QFETCH(qint64, end);
    QFETCH(int, size);
    // Text and noise: deflate at either level has real work on both.
    QByteArray bytes;
    for (int i = 0; bytes.size() < size; ++i) {
        bytes += QByteArray("<rdf:li>keyword ") + QByteArray::number(i % 977) + "</rdf:li>\n";
        if (i % 50 == 0)
            bytes += ImageFactory::randomBytes(700, quint32(i));
    }
    bytes.truncate(size);
    const QString source = writeSource(bytes);
    const QString target = m_dir->filePath(QStringLiteral("span.gz"));
    DeflatePlan plan = GzipCodec::jpegFastPlan(begin, end);
    auto r = GzipCodec::compressFile(source, target, QStringLiteral("span.bin"), plan);
    QVERIFY_OK(r);
    QCOMPARE(r->plan, plan);
    QCOMPARE(r->originalBytes, qint64(size));
    QCOMPARE(r->sha256, sha256Hex(bytes));
    auto all = GzipCodec::readAll(target);
    QVERIFY_OK(all);
    QVERIFY(*all == bytes);
    // The trailer's CRC-32 (zlib's, from the stream) is the one reported.
    const QByteArray blob = readFile(target);
    QCOMPARE(r->crc32, qFromLittleEndian<quint32>(blob.constData() + blob.size() - 8));
    const QString gzip = gzipTool();
    if (gzip.isEmpty())
        return;
    expectGzipAccepts(gzip, target);
}

// Each thread keeps its deflate streams and buffers from file to file
// (the reason is in gzipcodec.cpp). Nothing of one file may reach the
// next: the same file gives the same blob whatever was compressed before
// it on the thread (plans of both window sizes, a level switch, a file
// cancelled after its stream was set up), and on a fresh thread.
void TestGzipCodec::blobsDoNotDependOnWhatCameBefore()
{
    QByteArray text;
    for (int i = 0; text.size() < 600'000; ++i)
        text += QByteArray("<rdf:li>tag ") + QByteArray::number(i % 313) + "</rdf:li>\n";
    const QString a = writeSource(text, QStringLiteral("a.txt"));
    const QString b = writeSource(ImageFactory::randomBytes(400'000, 7), QStringLiteral("b.bin"));
    const auto blobOf
        = [this](const QString &source, const QString &name, std::optional<DeflatePlan> plan) {
              const QString target = m_dir->filePath(name);
              const auto r = GzipCodec::compressFile(source, target, QStringLiteral("a.txt"), plan);
              return r ? readFile(target) : QByteArray();
          };
    const QByteArray first = blobOf(a, QStringLiteral("first.gz"), std::nullopt);
    QVERIFY(!first.isEmpty());
    // Other files, other plans, other window sizes; one cancelled.
    QVERIFY(!blobOf(b, QStringLiteral("b.gz"), GzipCodec::jpegFastPlan(1000, 300'000)).isEmpty());
    QVERIFY(!blobOf(a, QStringLiteral("a2.gz"), DeflatePlan { 0, kDefaultStrategy }).isEmpty());
    std::atomic_bool cancelled = true;
    QVERIFY(!GzipCodec::compressFile(a, m_dir->filePath(QStringLiteral("c.gz")),
        QStringLiteral("c"), GzipCodec::jpegFastPlan(10, 500'000), &cancelled));
    QCOMPARE(blobOf(a, QStringLiteral("again.gz"), std::nullopt), first);

    QByteArray elsewhere;
    std::thread([&] { elsewhere = blobOf(a, QStringLiteral("thread.gz"), std::nullopt); }).join();
    QCOMPARE(elsewhere, first);
    auto all = GzipCodec::readAll(m_dir->filePath(QStringLiteral("again.gz")));
    QVERIFY_OK(all);
    QVERIFY(*all == text);
}

// A JPEG with a large XMP packet (as editors write): its plan keeps the blob
// within gzip -6 + 0.1 %, which deflating all of it at the fast level would
// not (the packet is text, where level 2 falls well behind level 6).
void TestGzipCodec::jpegPlanStaysWithinGzip6()
{
    const QString gzip = gzipTool();
    if (gzip.isEmpty())
        QSKIP("no gzip to measure the bound with");
    const QByteArray body
        = ImageFactory::encode(ImageFactory::pattern(1200, 900, 11), "jpeg", 90).mid(2);
    QByteArray xmp;
    for (int i = 0; xmp.size() < 180'000; ++i) {
        xmp += "<rdf:li stEvt:action=\"saved\" stEvt:instanceID=\"xmp.iid:";
        xmp += QByteArray::number(quint64(i) * 2654435761U % 1000003, 16);
        xmp += "\" stEvt:when=\"2026-11-" + QByteArray::number(10 + i % 20)
            + "\" stEvt:softwareAgent=\"Editor\"/>\n";
    }
    QByteArray jpeg = QByteArray::fromHex("ffd8");
    for (qsizetype at = 0; at < xmp.size(); at += 60'000) {
        const QByteArray part = xmp.mid(at, 60'000);
        QByteArray length(2, '\0');
        qToBigEndian<quint16>(quint16(part.size() + 2), length.data());
        jpeg += QByteArray::fromHex("ffe1") + length + part;
    }
    jpeg += body;

    QBuffer buffer(&jpeg);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    EntropySpan span;
    QVERIFY(isCompleteImage(buffer, "jpeg", &span));
    QVERIFY(span.begin > xmp.size());
    QCOMPARE(span.end, jpeg.size());

    const QString source = writeSource(jpeg, QStringLiteral("edited.jpg"));
    QProcess reference;
    reference.start(gzip, { QStringLiteral("-6"), QStringLiteral("-c"), source });
    QVERIFY(reference.waitForFinished(kLivenessMs));
    const qint64 bound = qint64(
        double(std::min<qint64>(reference.readAllStandardOutput().size(), jpeg.size())) * 1.001);

    const QString target = m_dir->filePath(QStringLiteral("edited.gz"));
    auto r = GzipCodec::compressFile(source, target, QStringLiteral("edited.jpg"),
        GzipCodec::jpegFastPlan(span.begin, span.end));
    QVERIFY_OK(r);
    QVERIFY2(r->storedBytes <= bound,
        qPrintable(QStringLiteral("%1 > %2").arg(r->storedBytes).arg(bound)));
    auto all = GzipCodec::readAll(target);
    QVERIFY_OK(all);
    QVERIFY(*all == jpeg);

    auto fastOnly = GzipCodec::compressFile(
        source, target, QStringLiteral("edited.jpg"), DeflatePlan { 2, kDefaultStrategy });
    QVERIFY_OK(fastOnly);
    QVERIFY2(fastOnly->storedBytes > bound,
        qPrintable(
            QStringLiteral("level 2 throughout: %1 <= %2").arg(fastOnly->storedBytes).arg(bound)));
}

void TestGzipCodec::jpegPlanFollowsTheData_data()
{
    QTest::addColumn<QByteArray>("jpeg");
    QTest::addColumn<bool>("fast");

    // A photo: noise in every pixel, so the entropy-coded data is noise too.
    QTest::newRow("photo") << ImageFactory::encode(ImageFactory::pattern(1600, 1000, 12), "jpeg",
        90) << true;
    // A wallpaper: smooth gradients and flat areas, which JPEG codes as
    // runs of the same few codes; deflate finds them as long matches, and
    // level 2 finds fewer of them than gzip -6.
    QImage wallpaper(1600, 1000, QImage::Format_RGB32);
    QPainter painter(&wallpaper);
    QLinearGradient sky(0, 0, 0, 1000);
    sky.setColorAt(0, QColor(0x10, 0x30, 0x70));
    sky.setColorAt(1, QColor(0xf0, 0xc0, 0x80));
    painter.fillRect(wallpaper.rect(), sky);
    painter.setBrush(QColor(0x20, 0x40, 0x30));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QPoint(800, 1300), 1100, 600);
    painter.end();
    QTest::newRow("wallpaper") << ImageFactory::encode(wallpaper, "jpeg", 90) << false;
}

// The plan of a JPEG comes from its entropy-coded data: level 2 where it is
// noise (a photo), level 6 where it repeats (a wallpaper); the blob stays
// within gzip -6 + 0.1 % either way.
void TestGzipCodec::jpegPlanFollowsTheData()
{
    QFETCH(QByteArray, jpeg);
    QFETCH(bool, fast);

    QBuffer buffer(&jpeg);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    EntropySpan span;
    QVERIFY(isCompleteImage(buffer, "jpeg", &span));
    buffer.seek(7);
    const DeflatePlan plan = GzipCodec::jpegPlan(buffer, span.begin, span.end);
    QCOMPARE(buffer.pos(), 7);
    QCOMPARE(plan.hasFastSpan(), fast);
    if (fast)
        QCOMPARE(plan, GzipCodec::jpegFastPlan(span.begin, span.end));
    else
        QCOMPARE(plan, (DeflatePlan { 6, kDefaultStrategy }));

    const QString source = writeSource(jpeg, QStringLiteral("picture.jpg"));
    const QString target = m_dir->filePath(QStringLiteral("picture.gz"));
    auto r = GzipCodec::compressFile(source, target, QStringLiteral("picture.jpg"), plan);
    QVERIFY_OK(r);
    auto all = GzipCodec::readAll(target);
    QVERIFY_OK(all);
    QVERIFY(*all == jpeg);
    const QString gzip = gzipTool();
    if (gzip.isEmpty())
        return;
    QProcess reference;
    reference.start(gzip, { QStringLiteral("-6"), QStringLiteral("-c"), source });
    QVERIFY(reference.waitForFinished(kLivenessMs));
    const qint64 bound = qint64(
        double(std::min<qint64>(reference.readAllStandardOutput().size(), jpeg.size())) * 1.001);
    QVERIFY2(r->storedBytes <= bound,
        qPrintable(QStringLiteral("%1 > %2").arg(r->storedBytes).arg(bound)));
}

// A plan's segments are deflated as if each began its own stream (with the
// bytes before it as a dictionary). With zlib's deflateParams() switching
// level 6 to level 2 mid-stream, the rest of the file lost its short
// matches: here the fast span came out several per cent larger than level 2
// gives it from a fresh start.
void TestGzipCodec::segmentsCompressAsFreshStreams()
{
    // Text first (level 6 leaves a long match pending at the switch), then
    // data where deflate's gain is short matches.
    QByteArray head;
    for (int i = 0; head.size() < 60'000; ++i)
        head += "<rdf:li>keyword " + QByteArray::number(i % 97) + "</rdf:li>\n";
    QByteArray body;
    quint32 state = 1;
    while (body.size() < 2'000'000) {
        state = state * 1664525U + 1013904223U;
        // Bytes from a small alphabet: 3- to 6-byte repeats are everywhere.
        body += char('a' + (state >> 24) % 12);
    }
    const QByteArray bytes = head + body;
    const qint64 rawFast = [&] {
        z_stream zs {};
        deflateInit2(&zs, 2, Z_DEFLATED, -14, 9, Z_DEFAULT_STRATEGY);
        QByteArray out(int(compressBound(uLong(body.size()))), '\0');
        zs.next_in = reinterpret_cast<Bytef *>(body.data());
        zs.avail_in = uInt(body.size());
        zs.next_out = reinterpret_cast<Bytef *>(out.data());
        zs.avail_out = uInt(out.size());
        deflate(&zs, Z_FINISH);
        const qint64 n = qint64(zs.total_out);
        deflateEnd(&zs);
        return n;
    }();
    const QString whole
        = compress(bytes, QStringLiteral("whole"), DeflatePlan { 6, kDefaultStrategy });
    const QString split = compress(
        bytes, QStringLiteral("split"), GzipCodec::jpegFastPlan(head.size(), bytes.size()));
    QVERIFY(!whole.isEmpty() && !split.isEmpty());
    const QString headOnly
        = compress(head, QStringLiteral("head"), DeflatePlan { 6, kDefaultStrategy });
    // The split blob: the head's deflate data, the fast span's, a few bytes of
    // seams, no more.
    const qint64 headBytes = QFileInfo(headOnly).size();
    const qint64 splitBytes = QFileInfo(split).size();
    QVERIFY2(splitBytes <= headBytes + rawFast + 64,
        qPrintable(
            QStringLiteral("%1 > %2 + %3 + 64").arg(splitBytes).arg(headBytes).arg(rawFast)));
    auto all = GzipCodec::readAll(split);
    QVERIFY_OK(all);
    QVERIFY(*all == bytes);
}

void TestGzipCodec::damageIsReported_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QStringList>("accepted"); // error prefixes that may name this damage
    const QStringList anyCorruption { QStringLiteral("CRC mismatch"),
        QStringLiteral("corrupt gzip data"), QStringLiteral("truncated gzip data"),
        QStringLiteral("unexpected data after the gzip member") };
    QTest::newRow("deflate data, early") << QStringLiteral("early") << anyCorruption;
    QTest::newRow("deflate data, middle") << QStringLiteral("middle") << anyCorruption;
    QTest::newRow("deflate data, late") << QStringLiteral("late") << anyCorruption;
    QTest::newRow("CRC-32 trailer")
        << QStringLiteral("crc") << QStringList { QStringLiteral("CRC mismatch") };
    QTest::newRow("ISIZE trailer") << QStringLiteral(
        "isize") << QStringList { QStringLiteral("corrupt gzip data (incorrect length check)") };
}

void TestGzipCodec::damageIsReported()
{
    QFETCH(QString, where);
    QFETCH(QStringList, accepted);
    // Text compresses to real Huffman-coded blocks, where a flipped bit is
    // detected (stored blocks of random data would only fail the CRC).
    const QByteArray original = QByteArray("Trove keeps originals byte for byte. ").repeated(4000)
        + ImageFactory::randomBytes(4096);
    const QString blob
        = compress(original, QStringLiteral("damaged.txt"), DeflatePlan { 6, kDefaultStrategy });
    QVERIFY(!blob.isEmpty());
    QByteArray bytes = readFile(blob);
    const qsizetype headerEnd = 10 + qsizetype(strlen("damaged.txt")) + 1;
    const qsizetype dataEnd = bytes.size() - 8;
    qsizetype offset = 0;
    if (where == QLatin1String("early"))
        offset = headerEnd + 2;
    else if (where == QLatin1String("middle"))
        offset = (headerEnd + dataEnd) / 2;
    else if (where == QLatin1String("late"))
        offset = dataEnd - 3;
    else if (where == QLatin1String("crc"))
        offset = dataEnd + 1;
    else
        offset = dataEnd + 5;
    bytes[offset] = char(bytes[offset] ^ 0x10);
    QVERIFY(writeFile(blob, bytes));

    auto check = GzipCodec::inflateFile(blob);
    QVERIFY2(!check.ok(), "damage went unnoticed");
    bool named = false;
    for (const QString &prefix : accepted)
        named = named || check.error().startsWith(prefix);
    QVERIFY2(named, qPrintable(QStringLiteral("unexpected error: ") + check.error()));

    auto all = GzipCodec::readAll(blob);
    QVERIFY(!all.ok());
    QCOMPARE(all.error(), check.error());
}

void TestGzipCodec::trailingGarbageIsReported()
{
    const QByteArray original = ImageFactory::encode(ImageFactory::pattern(64, 64), "png");
    const QString blob = compress(original);
    QVERIFY(!blob.isEmpty());
    QFile f(blob);
    QVERIFY(f.open(QIODevice::Append));
    f.write("garbage after the member");
    f.close();
    auto check = GzipCodec::inflateFile(blob);
    QVERIFY(!check.ok());
    QCOMPARE(check.error(), QStringLiteral("unexpected data after the gzip member"));

    // A second whole member is damage too: one member per blob.
    const QByteArray member = readFile(compress(original, QStringLiteral("again")));
    QVERIFY(writeFile(blob, member + member));
    check = GzipCodec::inflateFile(blob);
    QVERIFY(!check.ok());
    QCOMPARE(check.error(), QStringLiteral("unexpected data after the gzip member"));
}

void TestGzipCodec::truncatedBlobIsReported()
{
    const QString blob = compress(ImageFactory::randomBytes(300 * 1024));
    QVERIFY(!blob.isEmpty());
    const QByteArray bytes = readFile(blob);
    for (const qsizetype keep :
        { qsizetype(20), bytes.size() / 2, bytes.size() - 4, bytes.size() - 1 }) {
        QVERIFY(writeFile(blob, bytes.left(keep)));
        auto check = GzipCodec::inflateFile(blob);
        QVERIFY2(!check.ok(), qPrintable(QStringLiteral("kept %1 bytes").arg(keep)));
        QCOMPARE(check.error(), QStringLiteral("truncated gzip data"));
    }
    QVERIFY(writeFile(blob, {}));
    auto empty = GzipCodec::inflateFile(blob);
    QVERIFY(!empty.ok());
}

void TestGzipCodec::notGzipIsReported()
{
    const QString path = writeSource(
        ImageFactory::encode(ImageFactory::pattern(32, 32), "png"), QStringLiteral("plain.png"));
    auto check = GzipCodec::inflateFile(path);
    QVERIFY(!check.ok());
    QVERIFY2(
        check.error().startsWith(QLatin1String("corrupt gzip data")), qPrintable(check.error()));
}

void TestGzipCodec::missingFilesAreReported()
{
    const QString missing = m_dir->filePath(QStringLiteral("nope"));
    auto c = GzipCodec::compressFile(
        missing, m_dir->filePath(QStringLiteral("x.gz")), QStringLiteral("x"));
    QVERIFY(!c.ok());
    QVERIFY2(c.error().startsWith(QLatin1String("cannot read ")), qPrintable(c.error()));
    QVERIFY(c.error().contains(missing));

    const QString source = writeSource("data");
    c = GzipCodec::compressFile(
        source, m_dir->filePath(QStringLiteral("no/such/dir/x.gz")), QStringLiteral("x"));
    QVERIFY(!c.ok());
    QVERIFY2(c.error().startsWith(QLatin1String("cannot write ")), qPrintable(c.error()));

    auto i = GzipCodec::inflateFile(missing);
    QVERIFY(!i.ok());
    QVERIFY2(i.error().startsWith(QLatin1String("cannot read ")), qPrintable(i.error()));
}

void TestGzipCodec::cancelledCompressionFails()
{
    const QString source = writeSource(ImageFactory::randomBytes(600 * 1024));
    std::atomic_bool cancelled { true };
    auto r = GzipCodec::compressFile(source, m_dir->filePath(QStringLiteral("c.gz")),
        QStringLiteral("c"), std::nullopt, &cancelled);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), QStringLiteral("cancelled"));
}

void TestGzipCodec::readAllHonoursLimit()
{
    const QByteArray original(100 * 1024, 'q');
    const QString blob = compress(original);
    QVERIFY(!blob.isEmpty());
    auto small = GzipCodec::readAll(blob, 1000);
    QVERIFY(!small.ok());
    QVERIFY2(small.error().startsWith(QLatin1String("image too large to load")),
        qPrintable(small.error()));
    auto exact = GzipCodec::readAll(blob, original.size());
    QVERIFY_OK(exact);
    QCOMPARE(exact->size(), original.size());
}

void TestGzipCodec::sinkCanStop()
{
    const QString blob = compress(ImageFactory::randomBytes(700 * 1024));
    QVERIFY(!blob.isEmpty());
    int calls = 0;
    auto r = GzipCodec::inflateFile(blob, [&calls](const char *, qint64) {
        ++calls;
        return false;
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), QStringLiteral("cancelled"));
    QCOMPARE(calls, 1);
}

// A thread reuses its read and write buffers from blob to blob; a sink
// that reads another blob meanwhile must not have them pulled from under
// the first.
void TestGzipCodec::sinkCanReadAnotherBlob()
{
    const QByteArray outer = ImageFactory::randomBytes(700 * 1024, 1);
    const QByteArray inner = ImageFactory::randomBytes(300 * 1024, 2);
    const QString outerBlob = compress(outer, QStringLiteral("outer.bin"));
    const QString innerBlob = compress(inner, QStringLiteral("inner.bin"));
    QVERIFY(!outerBlob.isEmpty() && !innerBlob.isEmpty());
    QByteArray seen;
    int innerReads = 0;
    auto r = GzipCodec::inflateFile(outerBlob, [&](const char *data, qint64 n) {
        const QByteArray chunk(data, n); // before the inner read, as a sink would use it
        auto nested = GzipCodec::readAll(innerBlob);
        if (!nested || *nested != inner)
            return false;
        ++innerReads;
        seen += chunk;
        seen += QByteArray(data, n) == chunk ? QByteArray() : QByteArray("clobbered");
        return true;
    });
    QVERIFY_OK(r);
    QVERIFY(innerReads > 1);
    QCOMPARE(r->sha256, sha256Hex(outer));
    QVERIFY(seen == outer);
}

// @p data deflated by zlib: with zlib's header (@p windowBits 15) or raw (-15).
static QByteArray deflated(const QByteArray &data, int windowBits)
{
    z_stream zs {};
    if (deflateInit2(&zs, 6, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(int(deflateBound(&zs, uLong(data.size()))), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    zs.avail_in = uInt(data.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    const int rc = deflate(&zs, Z_FINISH);
    out.truncate(int(zs.total_out));
    deflateEnd(&zs);
    return rc == Z_STREAM_END ? out : QByteArray();
}

// Feeds @p body to @p inflater in pieces of @p piece bytes; the decoded
// bytes, or the first failure's reason.
static Result<QByteArray> decodeInPieces(BodyInflater &inflater, const QByteArray &body, int piece)
{
    QByteArray out;
    for (qsizetype at = 0; at < body.size(); at += piece) {
        const qsizetype n = std::min<qsizetype>(piece, body.size() - at);
        auto fed = inflater.feed(body.constData() + at, n, [&out](const char *d, qint64 size) {
            out.append(d, size);
            return true;
        });
        if (!fed)
            return fed.failure();
    }
    return out;
}

void TestGzipCodec::bodyInflaterDecodes_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<int>("piece");
    const QByteArray png = ImageFactory::png(300, 200, 5);
    const QByteArray text = QByteArray("<svg xmlns='http://www.w3.org/2000/svg'/>").repeated(500);
    QTest::newRow("gzip, whole") << QByteArray("gzip") << test::Response::gzip(png) << png
                                 << int(1 << 20);
    QTest::newRow("gzip, a byte at a time")
        << QByteArray("gzip") << test::Response::gzip(text) << text << 1;
    QTest::newRow("x-gzip, any case, spaces")
        << QByteArray(" X-Gzip ") << test::Response::gzip(png) << png << 4096;
    QTest::newRow("two gzip members, as `cat a.gz b.gz`")
        << QByteArray("gzip") << test::Response::gzip(png) + test::Response::gzip(text)
        << png + text << 1000;
    QTest::newRow("gzip, bytes after the end ignored")
        << QByteArray("gzip") << test::Response::gzip(text) + QByteArray("\r\n\r\n") << text << 333;
    QTest::newRow("deflate with zlib's header")
        << QByteArray("deflate") << deflated(text, 15) << text << 100;
    QTest::newRow("deflate, raw (as some servers send it)")
        << QByteArray("deflate") << deflated(png, -15) << png << 7;
    QTest::newRow("deflate, raw, whole")
        << QByteArray("deflate") << deflated(text, -15) << text << int(1 << 20);
    QTest::newRow("deflate with zlib's header, a byte at a time")
        << QByteArray("deflate") << deflated(png, 15) << png << 1;
    QTest::newRow("deflate, raw, a byte at a time")
        << QByteArray("deflate") << deflated(text, -15) << text << 1;
}

// What a server compresses though Trove asked for `identity` comes out
// byte for byte, in any pieces the network hands it over in.
void TestGzipCodec::bodyInflaterDecodes()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, decoded);
    QFETCH(int, piece);
    QVERIFY(!body.isEmpty());
    QString unsupported;
    auto inflater = BodyInflater::forEncoding(encoding, &unsupported);
    QVERIFY2(inflater, qPrintable(unsupported));
    auto out = decodeInPieces(*inflater, body, piece);
    QVERIFY2(out, qPrintable(out ? QString() : out.error()));
    QCOMPARE(out->size(), decoded.size());
    QVERIFY(*out == decoded);
    QVERIFY(inflater->finished());
}

void TestGzipCodec::bodyInflaterRefuses_data()
{
    QTest::addColumn<QByteArray>("encoding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason"); // empty: fed, but not finished
    const QByteArray png = ImageFactory::png(120, 90, 6);
    const QByteArray gz = test::Response::gzip(png);
    QByteArray flipped = gz;
    flipped[gz.size() - 6] = char(flipped.at(gz.size() - 6) ^ 0x55); // the CRC-32
    QTest::newRow("brotli") << QByteArray("br") << QByteArray("x")
                            << QStringLiteral("encoded as \"br\"");
    QTest::newRow("two codings") << QByteArray("gzip, gzip") << gz
                                 << QStringLiteral("encoded as \"gzip, gzip\"");
    QTest::newRow("gzip header, then nonsense")
        << QByteArray("gzip") << gz.left(10) + QByteArray(200, '\xff')
        << QStringLiteral("compressed body is corrupt");
    QTest::newRow("gzip with a wrong CRC")
        << QByteArray("gzip") << flipped << QStringLiteral("compressed body is corrupt");
    QTest::newRow("gzip cut off") << QByteArray("gzip") << gz.left(gz.size() / 2) << QString();
    QTest::newRow("not compressed at all, said to be gzip")
        << QByteArray("gzip") << png << QStringLiteral("compressed body is corrupt");
}

// Anything else than a whole gzip or deflate body is a clear failure: an
// unknown coding before a byte is read, damage when it is met, a cut-off
// body at its end (finished() stays false).
void TestGzipCodec::bodyInflaterRefuses()
{
    QFETCH(QByteArray, encoding);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    QString unsupported;
    auto inflater = BodyInflater::forEncoding(encoding, &unsupported);
    if (!inflater) {
        QVERIFY2(!reason.isEmpty() && unsupported.contains(reason), qPrintable(unsupported));
        return;
    }
    auto out = decodeInPieces(*inflater, body, 512);
    if (reason.isEmpty()) {
        QVERIFY(out.ok());
        QVERIFY(!inflater->finished());
        return;
    }
    QVERIFY(!out);
    QVERIFY2(out.error().contains(reason), qPrintable(out.error()));
}

// A 1 MiB body that inflates to 1 GiB: decoding stops where the sink says,
// one output buffer past the limit at most, not after the whole gigabyte.
void TestGzipCodec::bodyInflaterStopsABombAtTheLimit()
{
    const QByteArray bomb = test::Response::gzipOfZeros(qint64(1) << 30);
    QVERIFY(bomb.size() < 2 * 1024 * 1024);
    auto inflater = BodyInflater::forEncoding("gzip", nullptr);
    QVERIFY(inflater);
    constexpr qint64 kLimit = 8 * 1024 * 1024;
    qint64 decoded = 0;
    auto fed = inflater->feed(bomb.constData(), bomb.size(), [&](const char *, qint64 n) {
        decoded += n;
        return decoded <= kLimit;
    });
    QVERIFY(!fed);
    QVERIFY2(fed.error().isEmpty(), qPrintable(fed.error())); // the sink's stop
    QVERIFY2(decoded <= kLimit + 64 * 1024, qPrintable(QString::number(decoded)));
    QVERIFY(decoded > kLimit);
    QVERIFY(!inflater->finished());
}

QTEST_GUILESS_MAIN(TestGzipCodec)
#include "tst_gzipcodec.moc"

// SPDX-License-Identifier: MIT
// isCompleteImage: whole files pass, files cut anywhere fail, and the
// device is left where it was.

#include "imagefactory.h"
#include "ingest/completeness.h"

#include <QBuffer>
#include <QStandardPaths>
#include <QTest>

using namespace trove;
using trove::test::ImageFactory;

namespace {

bool complete(QByteArray bytes, const QByteArray &format)
{
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return isCompleteImage(buffer, format);
}

// One of each format, made the way a browser would receive it.
QByteArray sample(const QString &kind)
{
    const QImage image = ImageFactory::pattern(160, 120, 5);
    if (kind == QLatin1String("png"))
        return ImageFactory::encode(image, "png");
    if (kind == QLatin1String("png with alpha"))
        return ImageFactory::encode(ImageFactory::pattern(160, 120, 6, true), "png");
    if (kind == QLatin1String("jpeg baseline"))
        return ImageFactory::encode(image, "jpeg", 85, false);
    if (kind == QLatin1String("jpeg progressive"))
        return ImageFactory::encode(image, "jpeg", 85, true);
    if (kind == QLatin1String("gif"))
        return ImageFactory::gif(160, 120, 5);
    if (kind == QLatin1String("webp"))
        return ImageFactory::encode(image, "webp");
    if (kind == QLatin1String("bmp"))
        return ImageFactory::encode(image, "bmp");
    return {};
}

QByteArray formatOf(const QString &kind)
{
    return kind.section(QLatin1Char(' '), 0, 0).toLatin1();
}

const QStringList kKinds { QStringLiteral("png"), QStringLiteral("png with alpha"),
    QStringLiteral("jpeg baseline"), QStringLiteral("jpeg progressive"), QStringLiteral("gif"),
    QStringLiteral("webp"), QStringLiteral("bmp") };

} // namespace

class TestCompleteness : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void wholeImagesAreComplete_data();
    void wholeImagesAreComplete();
    void truncatedImagesAreNot_data();
    void truncatedImagesAreNot();
    void jpegWithTrailingBytesIsComplete();
    void jpegWithRestartMarkersAndFill();
    void jpegEntropySpan_data();
    void jpegEntropySpan();
    void otherFormatsPass_data();
    void otherFormatsPass();
    void icoImagesInsideTheFile();
    void wrongMagicIsIncomplete_data();
    void wrongMagicIsIncomplete();
    void devicePositionIsRestored();
};

void TestCompleteness::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    for (const QString &kind : kKinds)
        QVERIFY2(!sample(kind).isEmpty(), qPrintable(kind + QStringLiteral(": no writer")));
}

void TestCompleteness::wholeImagesAreComplete_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString &kind : kKinds)
        QTest::newRow(qPrintable(kind)) << kind;
}

void TestCompleteness::wholeImagesAreComplete()
{
    QFETCH(QString, kind);
    const QByteArray bytes = sample(kind);
    // The sample really is what it claims, and Qt decodes it.
    QVERIFY(!QImage::fromData(bytes).isNull());
    QVERIFY(complete(bytes, formatOf(kind)));
    if (formatOf(kind) == "jpeg")
        QVERIFY(complete(bytes, "jpg"));
}

void TestCompleteness::truncatedImagesAreNot_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qsizetype>("keep");
    for (const QString &kind : kKinds) {
        const qsizetype size = sample(kind).size();
        for (const double fraction : { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
            QTest::addRow("%s, %g %%", qPrintable(kind), fraction * 100)
                << kind << qsizetype(double(size) * fraction);
        // The very end is where container walks go wrong.
        for (const qsizetype short_ : { 1, 2, 3, 4, 8, 12 })
            QTest::addRow("%s, all but %lld", qPrintable(kind), qlonglong(short_))
                << kind << size - short_;
        QTest::addRow("%s, only the signature", qPrintable(kind))
            << kind << qsizetype(formatOf(kind) == "jpeg" ? 2 : 6);
        QTest::addRow("%s, nothing", qPrintable(kind)) << kind << qsizetype(0);
    }
}

void TestCompleteness::truncatedImagesAreNot()
{
    QFETCH(QString, kind);
    QFETCH(qsizetype, keep);
    const QByteArray bytes = sample(kind);
    QVERIFY(keep < bytes.size());
    QVERIFY2(!complete(bytes.left(keep), formatOf(kind)),
        qPrintable(
            QStringLiteral("%1 of %2 bytes passed as complete").arg(keep).arg(bytes.size())));
}

void TestCompleteness::jpegWithTrailingBytesIsComplete()
{
    for (const QString &kind :
        { QStringLiteral("jpeg baseline"), QStringLiteral("jpeg progressive") }) {
        const QByteArray bytes = sample(kind);
        // Cameras and editors append thumbnails, padding or whole trailers.
        QVERIFY(complete(bytes + QByteArray(100, '\0'), "jpeg"));
        QVERIFY(complete(bytes + QByteArray("\xFF\xFF\xFF garbage"), "jpeg"));
        QVERIFY(complete(bytes + ImageFactory::randomBytes(5000), "jpeg"));
    }
    // PNG and GIF likewise stop at their end marker.
    QVERIFY(complete(sample(QStringLiteral("png")) + "trailing", "png"));
    QVERIFY(complete(sample(QStringLiteral("gif")) + "trailing", "gif"));
}

void TestCompleteness::jpegWithRestartMarkersAndFill()
{
    // SOI, an APP0 segment, fill bytes before a marker, a scan whose data
    // holds stuffed 0xFF00 and restart markers, then EOI.
    QByteArray jpeg = QByteArray::fromHex("ffd8"
                                          "ffe000104a46494600010100000100010000");
    jpeg += QByteArray::fromHex("ffffffdb0004"
                                "0000"); // fill bytes, then a short DQT-like segment
    jpeg += QByteArray::fromHex("ffda0008010100003f00"); // SOS
    jpeg += QByteArray::fromHex("1234ff0056ffd07890ffd1abcdff00ef");
    QVERIFY(!complete(jpeg, "jpeg"));
    QVERIFY(complete(jpeg + QByteArray::fromHex("ffd9"), "jpeg"));
    QVERIFY(complete(jpeg + QByteArray::fromHex("ffffd9"), "jpeg"));

    // The entropy span: from after the SOS header to after the EOI.
    QByteArray whole = jpeg + QByteArray::fromHex("ffd9") + "trailer";
    QBuffer buffer(&whole);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    EntropySpan span;
    QVERIFY(isCompleteImage(buffer, "jpeg", &span));
    const qint64 scanData = whole.indexOf(QByteArray::fromHex("1234ff00"));
    QCOMPARE(span, (EntropySpan { scanData, jpeg.size() + 2 }));
}

// The span the deflate plan of a JPEG is cut by (GzipCodec::jpegPlan): it
// starts after the first scan's header (headers, EXIF and XMP before it),
// covers every scan of a progressive file and ends after the EOI, before
// whatever follows it.
void TestCompleteness::jpegEntropySpan_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QByteArray>("trailer");
    for (const QString &kind :
        { QStringLiteral("jpeg baseline"), QStringLiteral("jpeg progressive") }) {
        QTest::addRow("%s", qPrintable(kind)) << kind << QByteArray();
        QTest::addRow("%s, trailing data", qPrintable(kind))
            << kind << ImageFactory::randomBytes(5000, 3);
    }
}

void TestCompleteness::jpegEntropySpan()
{
    QFETCH(QString, kind);
    QFETCH(QByteArray, trailer);
    const QByteArray image = sample(kind);
    QByteArray bytes = image + trailer;
    const qint64 sos = bytes.indexOf(QByteArray::fromHex("ffda"));
    QVERIFY(sos > 0);
    const qint64 sosLength = (quint8(bytes[sos + 2]) << 8) | quint8(bytes[sos + 3]);
    if (kind.contains(QLatin1String("progressive")))
        QVERIFY(bytes.indexOf(QByteArray::fromHex("ffda"), sos + 2) > sos); // several scans
    QBuffer buffer(&bytes);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    EntropySpan span;
    QVERIFY(isCompleteImage(buffer, "jpeg", &span));
    QCOMPARE(span.begin, sos + 2 + sosLength);
    QCOMPARE(span.end, qint64(image.size()));

    // Cut off: no span.
    QByteArray cut = image.left(image.size() - 10);
    QBuffer cutBuffer(&cut);
    QVERIFY(cutBuffer.open(QIODevice::ReadOnly));
    QVERIFY(!isCompleteImage(cutBuffer, "jpeg", &span));
    QVERIFY(span.isEmpty());
}

void TestCompleteness::otherFormatsPass_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("svg") << QByteArray("svg") << ImageFactory::svg(10, 10).left(20);
    QTest::newRow("ppm") << QByteArray("ppm") << QByteArray("P6\n");
    QTest::newRow("wbmp") << QByteArray("wbmp") << QByteArray();
}

void TestCompleteness::otherFormatsPass()
{
    // Formats without a check are not second-guessed; the decoder decides.
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, bytes);
    QVERIFY(complete(bytes, format));
}

void TestCompleteness::icoImagesInsideTheFile()
{
    // An ICO has no end marker: each image its directory lists must lie
    // inside the file.
    const QByteArray ico = ImageFactory::ico(32, 32, 3);
    QVERIFY(complete(ico, "ico"));
    QVERIFY(!complete(ico.left(ico.size() - 1), "ico"));
    QVERIFY(!complete(ico.left(10), "ico"));
    QVERIFY(!complete(QByteArray(), "ico"));
}

void TestCompleteness::wrongMagicIsIncomplete_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("jpeg claimed, png given") << QByteArray("jpeg") << sample(QStringLiteral("png"));
    QTest::newRow("png claimed, text given")
        << QByteArray("png") << QByteArray("hello, this is not a png at all");
    QTest::newRow("gif claimed, html given") << QByteArray("gif") << ImageFactory::html();
}

void TestCompleteness::wrongMagicIsIncomplete()
{
    QFETCH(QByteArray, format);
    QFETCH(QByteArray, bytes);
    QVERIFY(!complete(bytes, format));
}

void TestCompleteness::devicePositionIsRestored()
{
    for (const QString &kind : kKinds) {
        QByteArray bytes = sample(kind);
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(buffer.seek(17));
        QVERIFY(isCompleteImage(buffer, formatOf(kind)));
        QCOMPARE(buffer.pos(), qint64(17));
        QVERIFY(buffer.seek(5));
        QByteArray cut = bytes.left(bytes.size() / 2);
        QBuffer half(&cut);
        QVERIFY(half.open(QIODevice::ReadOnly));
        QVERIFY(half.seek(3));
        QVERIFY(!isCompleteImage(half, formatOf(kind)));
        QCOMPARE(half.pos(), qint64(3));
    }
}

QTEST_GUILESS_MAIN(TestCompleteness)
#include "tst_completeness.moc"

// SPDX-License-Identifier: MIT
// ImageProcessor::process: every supported format comes out with the right
// metadata, a small decodable thumbnail and a blob holding the exact input;
// everything else is refused with a reason a person can read, leaving no
// temp blob behind.

#include "imagefactory.h"
#include "ingest/bmpthumbnailer.h"
#include "ingest/imageprocessor.h"
#include "ingest/picturedecoder.h"
#include "ingest/svgdocument.h"
#include "response.h"
#include "resultcheck.h"
#include "storage/gzipcodec.h"
#include "storage/thumbnailcodec.h"
#include "testfiles.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <array>
#include <memory>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::Response;
using trove::test::sha256Hex;
using trove::test::writeFile;

class TestImageProcessor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void processesEachFormat_data();
    void processesEachFormat();
    void thumbnailLongestSide_data();
    void thumbnailLongestSide();
    void thumbnailShownSize_data();
    void thumbnailShownSize();
    void exifOrientationGivesShownSize_data();
    void exifOrientationGivesShownSize();
    void thumbnailKeepsAlpha();
    void paletteThumbnails_data();
    void paletteThumbnails();
    void thumbnailSizeIsConfigurable();
    void refusals_data();
    void refusals();
    void limitsAreConfigurable_data();
    void limitsAreConfigurable();
    void cancelledLeavesNothing();
    void unwritableBlobPathFails();
    void missingInputFails();
    void sniffMimeType_data();
    void sniffMimeType();
    void thumbnailFromBytes();
    void svgExternalReferencesAreNotRead_data();
    void svgExternalReferencesAreNotRead();
    void bmpRowsAsQtReadsThem_data();
    void bmpRowsAsQtReadsThem();
    void bmpOthersGoToQt_data();
    void bmpOthersGoToQt();

private:
    Result<ProcessedImage> run(const QByteArray &bytes, const ImageLimits &limits = {},
        const std::atomic_bool *cancelled = nullptr);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_blobPath;
};

void TestImageProcessor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestImageProcessor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_blobPath = m_dir->filePath(QStringLiteral("tmp-blob.gz"));
}

Result<ProcessedImage> TestImageProcessor::run(
    const QByteArray &bytes, const ImageLimits &limits, const std::atomic_bool *cancelled)
{
    const QString input = m_dir->filePath(QStringLiteral("input.bin"));
    if (!writeFile(input, bytes))
        return fail(QStringLiteral("test could not write its input"));
    ProcessRequest request;
    request.dataPath = input;
    request.originalName = QStringLiteral("picture.orig");
    request.tempBlobPath = m_blobPath;
    request.limits = limits;
    return ImageProcessor::process(request, cancelled);
}

void TestImageProcessor::processesEachFormat_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QSize>("size");

    const QImage big = ImageFactory::pattern(600, 400, 21);
    const QImage small = ImageFactory::pattern(120, 90, 22);
    QTest::newRow("png") << ImageFactory::encode(big, "png") << QStringLiteral("png")
                         << QSize(600, 400);
    QTest::newRow("png small") << ImageFactory::encode(small, "png") << QStringLiteral("png")
                               << QSize(120, 90);
    QTest::newRow("png tall") << ImageFactory::encode(ImageFactory::pattern(50, 900, 23), "png")
                              << QStringLiteral("png") << QSize(50, 900);
    QTest::newRow("jpeg") << ImageFactory::encode(big, "jpeg", 85, false) << QStringLiteral("jpeg")
                          << QSize(600, 400);
    QTest::newRow("jpeg progressive")
        << ImageFactory::encode(big, "jpeg", 85, true) << QStringLiteral("jpeg") << QSize(600, 400);
    QTest::newRow("gif") << ImageFactory::gif(300, 200, 24) << QStringLiteral("gif")
                         << QSize(300, 200);
    QTest::newRow("bmp") << ImageFactory::encode(big, "bmp") << QStringLiteral("bmp")
                         << QSize(600, 400);
    QTest::newRow("svg") << ImageFactory::svg(640, 480) << QStringLiteral("svg") << QSize(640, 480);
    // Compressed SVG keeps its name: it is served and exported as svgz.
    QTest::newRow("svgz") << ImageFactory::svgz(640, 480) << QStringLiteral("svgz")
                          << QSize(640, 480);
    QTest::newRow("svgz small") << ImageFactory::svgz(120, 90, 3) << QStringLiteral("svgz")
                                << QSize(120, 90);
    // gzip(1) reads members one after another; so does Trove.
    const QByteArray split = ImageFactory::svg(300, 200, 4);
    const QByteArray twoMembers = Response::gzip(split.left(100)) + Response::gzip(split.mid(100));
    QTest::newRow("svgz of two members") << twoMembers << QStringLiteral("svgz") << QSize(300, 200);
    const QList<QByteArray> writers = QImageWriter::supportedImageFormats();
    if (writers.contains("webp"))
        QTest::newRow("webp") << ImageFactory::encode(big, "webp") << QStringLiteral("webp")
                              << QSize(600, 400);
    if (writers.contains("tiff"))
        QTest::newRow("tiff") << ImageFactory::encode(big, "tiff") << QStringLiteral("tiff")
                              << QSize(600, 400);
    if (writers.contains("ico"))
        QTest::newRow("ico") << ImageFactory::encode(ImageFactory::pattern(64, 64, 25), "ico")
                             << QStringLiteral("ico") << QSize(64, 64);
}

void TestImageProcessor::processesEachFormat()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, format);
    QFETCH(QSize, size);
    QVERIFY(!bytes.isEmpty());

    auto r = run(bytes);
    QVERIFY_OK(r);
    QCOMPARE(r->format, format);
    QCOMPARE(r->width, size.width());
    QCOMPARE(r->height, size.height());

    // Thumbnail: encoded, decodable, within 256 px, the image's proportions.
    QVERIFY(!r->thumbnail.isEmpty());
    const QImage thumb = QImage::fromData(r->thumbnail);
    QVERIFY(!thumb.isNull());
    QCOMPARE(thumb.size(), r->thumbnailSize);
    QVERIFY(thumb.width() <= 256 && thumb.height() <= 256);
    if (size.width() <= 256 && size.height() <= 256) {
        QCOMPARE(thumb.size(), size);
    } else {
        // Exactly 256 is thumbnailLongestSide()'s business; here within a pixel.
        QVERIFY(std::max(thumb.width(), thumb.height()) >= 255);
        const double aspect = double(size.width()) / size.height();
        QVERIFY(qAbs(double(thumb.width()) / thumb.height() - aspect) < 0.05 * aspect);
    }

    // Blob: at the requested path, the exact bytes, hashed right.
    QCOMPARE(r->tempBlobPath, m_blobPath);
    QVERIFY(QFileInfo::exists(m_blobPath));
    QCOMPARE(r->blob.sha256, sha256Hex(bytes));
    QCOMPARE(r->blob.originalBytes, bytes.size());
    QCOMPARE(r->blob.storedBytes, QFileInfo(m_blobPath).size());
    auto inflated = GzipCodec::readAll(m_blobPath);
    QVERIFY_OK(inflated);
    QVERIFY(*inflated == bytes);
    auto check = GzipCodec::inflateFile(m_blobPath);
    QVERIFY_OK(check);
    QCOMPARE(check->storedName, QStringLiteral("picture.orig"));
}

void TestImageProcessor::thumbnailLongestSide_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QSize>("expected");
    // ImageLimits::thumbnailSize is "the longest side of the stored
    // thumbnail": 600x400 becomes QSize::scaled()'s 256x170, not 255x170.
    QTest::newRow("png 600x400") << ImageFactory::encode(ImageFactory::pattern(600, 400, 26), "png")
                                 << QSize(256, 170);
    QTest::newRow("bmp 600x400") << ImageFactory::encode(ImageFactory::pattern(600, 400, 26), "bmp")
                                 << QSize(256, 170);
    QTest::newRow("gif 300x200") << ImageFactory::gif(300, 200, 26) << QSize(256, 170);
    QTest::newRow("png 400x600") << ImageFactory::encode(ImageFactory::pattern(400, 600, 27), "png")
                                 << QSize(170, 256);
    QTest::newRow("png 1000x250") << ImageFactory::encode(ImageFactory::pattern(1000, 250, 28),
        "png") << QSize(256, 64);
    QTest::newRow("jpeg 600x400") << ImageFactory::encode(ImageFactory::pattern(600, 400, 29),
        "jpeg") << QSize(256, 170);
}

void TestImageProcessor::thumbnailLongestSide()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QSize, expected);
    auto r = run(bytes);
    QVERIFY_OK(r);
    QCOMPARE(r->thumbnailSize, expected);
    QCOMPARE(QImage::fromData(r->thumbnail).size(), expected);
}

namespace {

/// @p jpeg with an EXIF APP1 segment saying @p orientation (1-8), as a
/// phone writes a portrait photo: pixels stored landscape, shown turned.
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    // Big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT.
    QByteArray tiff = QByteArray::fromHex("4d4d002a00000008"
                                          "0001"
                                          "01120003"
                                          "00000001");
    tiff.append(char(orientation >> 8)).append(char(orientation & 0xff)).append(2, '\0');
    tiff.append(4, '\0'); // no next IFD
    const QByteArray payload = QByteArray("Exif", 4) + QByteArray(2, '\0') + tiff;
    QByteArray app1 = QByteArray::fromHex("ffe1");
    const int length = int(payload.size()) + 2;
    app1.append(char(length >> 8)).append(char(length & 0xff)).append(payload);
    return jpeg.left(2) + app1 + jpeg.mid(2);
}

} // namespace

// A portrait photo from a phone is stored 640x480 with orientation 6 and
// shown 480x640: the catalog keeps the size it is shown at (what width:,
// height: and the info panel speak of), and the thumbnail is upright.
void TestImageProcessor::exifOrientationGivesShownSize_data()
{
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QSize>("shown");
    QTest::newRow("1: as stored") << 1 << QSize(640, 480);
    QTest::newRow("3: upside down") << 3 << QSize(640, 480);
    QTest::newRow("6: turned right") << 6 << QSize(480, 640);
    QTest::newRow("8: turned left") << 8 << QSize(480, 640);
    QTest::newRow("5: transposed") << 5 << QSize(480, 640);
}

void TestImageProcessor::exifOrientationGivesShownSize()
{
    QFETCH(int, orientation);
    QFETCH(QSize, shown);
    const QByteArray jpeg
        = withExifOrientation(ImageFactory::image("jpeg", 640, 480, 11), quint16(orientation));
    QBuffer check;
    check.setData(jpeg);
    QCOMPARE(QImageReader(&check).transformation() != QImageIOHandler::TransformationNone,
        orientation != 1);
    auto result = run(jpeg);
    QVERIFY_OK(result);
    QCOMPARE(QSize(result->width, result->height), shown);
    QCOMPARE(result->thumbnailSize.width() > result->thumbnailSize.height(),
        shown.width() > shown.height());
}

void TestImageProcessor::thumbnailShownSize_data()
{
    QTest::addColumn<QSize>("stored");
    QTest::addColumn<int>("side");
    QTest::addColumn<qreal>("scale");
    QTest::addColumn<QSize>("shown");
    // A photo's thumbnail (256 on its long side: the original is larger)
    // fills the cell, down or up.
    QTest::newRow("photo, cell 160 at 1x") << QSize(256, 171) << 160 << 1.0 << QSize(160, 106);
    QTest::newRow("photo, cell 256 at 1x") << QSize(256, 171) << 256 << 1.0 << QSize(256, 171);
    QTest::newRow("photo, cell 160 at 2x") << QSize(256, 171) << 320 << 2.0 << QSize(320, 213);
    QTest::newRow("portrait, cell 256 at 2x") << QSize(171, 256) << 512 << 2.0 << QSize(342, 512);
    QTest::newRow("photo, cell 100 at 1.5x") << QSize(256, 192) << 150 << 1.5 << QSize(150, 112);
    // A thumbnail that is the whole original shows the original's own size
    // on the screen, as at 1x, at most the cell.
    QTest::newRow("icon at 1x") << QSize(48, 48) << 160 << 1.0 << QSize(48, 48);
    QTest::newRow("icon at 2x") << QSize(48, 48) << 320 << 2.0 << QSize(96, 96);
    QTest::newRow("small photo at 2x, the cell first")
        << QSize(200, 150) << 320 << 2.0 << QSize(320, 240);
    QTest::newRow("small photo at 1x, the cell first")
        << QSize(200, 150) << 160 << 1.0 << QSize(160, 120);
    QTest::newRow("small at 1.25x") << QSize(100, 60) << 200 << 1.25 << QSize(125, 75);
    QTest::newRow("a line keeps a pixel") << QSize(256, 1) << 64 << 1.0 << QSize(64, 1);
    QTest::newRow("no side: as stored") << QSize(256, 171) << 0 << 2.0 << QSize(256, 171);
}

void TestImageProcessor::thumbnailShownSize()
{
    QFETCH(QSize, stored);
    QFETCH(int, side);
    QFETCH(qreal, scale);
    QFETCH(QSize, shown);
    QCOMPARE(ThumbnailCodec::shownSize(stored, side, scale), shown);
}

void TestImageProcessor::thumbnailKeepsAlpha()
{
    auto alpha = run(ImageFactory::encode(ImageFactory::pattern(300, 300, 30, true), "png"));
    QVERIFY_OK(alpha);
    QVERIFY(alpha->thumbnail.startsWith("\x89PNG"));
    QVERIFY(QImage::fromData(alpha->thumbnail).hasAlphaChannel());

    auto opaque = run(ImageFactory::encode(ImageFactory::pattern(300, 300, 31), "png"));
    QVERIFY_OK(opaque);
    QVERIFY(opaque->thumbnail.startsWith("\xFF\xD8"));
}

void TestImageProcessor::paletteThumbnails_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("alpha");

    const QImage indexed
        = ImageFactory::pattern(300, 200, 33).convertToFormat(QImage::Format_Indexed8);
    QTest::newRow("8-bit BMP") << ImageFactory::encode(indexed, "bmp") << false;
    QTest::newRow("PNG-8") << ImageFactory::encode(indexed, "png") << false;
    QTest::newRow("GIF") << ImageFactory::gif(300, 200, 34) << false;
    QImage holed = indexed;
    QList<QRgb> colours = holed.colorTable();
    colours[holed.pixelIndex(0, 0)] = qRgba(0, 0, 0, 0);
    holed.setColorTable(colours);
    QTest::newRow("PNG-8 with a transparent colour") << ImageFactory::encode(holed, "png") << true;
}

// A palette image's thumbnail has an alpha channel only if its palette does:
// an opaque one is stored as JPEG like any opaque picture.
void TestImageProcessor::paletteThumbnails()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, alpha);
    auto r = run(bytes);
    QVERIFY_OK(r);
    QCOMPARE(r->thumbnailSize, QSize(256, 170));
    const QImage thumbnail = QImage::fromData(r->thumbnail);
    QCOMPARE(thumbnail.hasAlphaChannel(), alpha);
    QCOMPARE(r->thumbnail.startsWith("\x89PNG"), alpha);
}

void TestImageProcessor::thumbnailSizeIsConfigurable()
{
    ImageLimits limits;
    limits.thumbnailSize = 64;
    auto r = run(ImageFactory::encode(ImageFactory::pattern(400, 100, 32), "jpeg"), limits);
    QVERIFY_OK(r);
    QCOMPARE(r->thumbnailSize, QSize(64, 16));
    QCOMPARE(QImage::fromData(r->thumbnail).size(), QSize(64, 16));
}

void TestImageProcessor::refusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason"); // the exact start of the error

    const QByteArray png = ImageFactory::encode(ImageFactory::pattern(200, 150, 40), "png");
    const QByteArray jpeg
        = ImageFactory::encode(ImageFactory::pattern(200, 150, 41), "jpeg", 85, false);
    const QByteArray progressive
        = ImageFactory::encode(ImageFactory::pattern(200, 150, 42), "jpeg", 85, true);

    QTest::newRow("html") << ImageFactory::html() << QStringLiteral("not an image (text/html)");
    QTest::newRow("html, upper case doctype, leading blank line")
        << QByteArray("\n<!DOCTYPE HTML>\n<HTML><BODY>404</BODY></HTML>\n")
        << QStringLiteral("not an image (text/html)");
    QTest::newRow("html starting with a comment")
        << QByteArray("<!-- generated by nginx -->\n<html><head><title>404 Not Found</title></head>"
                      "<body><center><h1>404 Not Found</h1></center></body></html>\n")
        << QStringLiteral("not an image (text/html)");
    QTest::newRow("xhtml") << QByteArray(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
        "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Error</title></head>"
        "<body><p>Forbidden</p></body></html>\n")
                           << QStringLiteral("not an image (application/xhtml+xml)");
    QTest::newRow("empty file") << QByteArray() << QStringLiteral("empty file");
    QTest::newRow("garbage") << ImageFactory::garbage(4096)
                             << QStringLiteral("not an image (application/octet-stream)");
    QTest::newRow("plain text") << QByteArray("just some words, no picture here\n").repeated(10)
                                << QStringLiteral("not an image (text/plain)");
    QTest::newRow("60000x60000 png") << ImageFactory::pngDeclaring(60000, 60000)
                                     << QStringLiteral("image too large: 60000x60000");
    QTest::newRow("40000x10 png") << ImageFactory::pngDeclaring(40000, 10)
                                  << QStringLiteral("image too large: 40000x10");
    QTest::newRow("20000x20000 png") << ImageFactory::pngDeclaring(20000, 20000)
                                     << QStringLiteral("image too large: 20000x20000");
    for (const double fraction : { 0.3, 0.6, 0.95 }) {
        QTest::addRow("png cut at %g", fraction)
            << ImageFactory::truncated(png, fraction) << QStringLiteral("truncated image (png)");
        QTest::addRow("jpeg cut at %g", fraction)
            << ImageFactory::truncated(jpeg, fraction) << QStringLiteral("truncated image (jpeg)");
        QTest::addRow("progressive jpeg cut at %g", fraction) << ImageFactory::truncated(
            progressive, fraction) << QStringLiteral("truncated image (jpeg)");
    }
    QTest::newRow("png without its last byte")
        << png.chopped(1) << QStringLiteral("truncated image (png)");
    QTest::newRow("jpeg without EOI")
        << jpeg.chopped(2) << QStringLiteral("truncated image (jpeg)");
    QTest::newRow("gif cut") << ImageFactory::truncated(ImageFactory::gif(200, 150, 43), 0.5)
                             << QStringLiteral("truncated image (gif)");
    QTest::newRow("bmp cut") << ImageFactory::truncated(
        ImageFactory::encode(ImageFactory::pattern(200, 150, 44), "bmp"), 0.5)
                             << QStringLiteral("truncated image (bmp)");

    // Compressed SVG: inflated within the bound SVG text has, then judged as
    // SVG; any other gzip file (an archive, a compressed page) is none.
    const QByteArray svgz = ImageFactory::svgz(200, 150, 46);
    QByteArray bombText = ImageFactory::svg(64, 64, 47);
    bombText.insert(bombText.indexOf("</svg>"),
        "<desc>" + QByteArray(SvgDocument::kMaxBytes, ' ') + "</desc>\n");
    QTest::newRow("svgz bomb") << Response::gzip(bombText) << QStringLiteral("SVG too large");
    QTest::newRow("gzip of zeros") << Response::gzipOfZeros(SvgDocument::kMaxBytes * 2)
                                   << QStringLiteral("not an image (application/gzip)");
    QTest::newRow("gzip of text") << Response::gzip(
        QByteArray("just some words, no picture here\n").repeated(200))
                                  << QStringLiteral("not an image (application/gzip)");
    QTest::newRow("gzip of an xhtml page")
        << Response::gzip("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                          "<body><p>Forbidden</p></body></html>\n")
        << QStringLiteral("not an image (application/gzip)");
    QTest::newRow("gzip of noise (a .tar.gz)") << Response::gzip(ImageFactory::garbage(8192))
                                               << QStringLiteral("not an image (application/gzip)");
    QTest::newRow("gzip magic, then garbage") << ImageFactory::garbage(64).prepend("\x1f\x8b")
                                              << QStringLiteral("not an image (application/gzip)");
    for (const double fraction : { 0.6, 0.9 })
        QTest::addRow("svgz cut at %g", fraction)
            << ImageFactory::truncated(svgz, fraction) << QStringLiteral("truncated image (svgz)");
    QTest::newRow("svgz without its last byte")
        << svgz.chopped(1) << QStringLiteral("truncated image (svgz)");
    QByteArray badCrc = svgz;
    badCrc[badCrc.size() - 8] = char(badCrc.at(badCrc.size() - 8) ^ 0x55);
    QTest::newRow("svgz with a wrong CRC")
        << badCrc << QStringLiteral("unsupported or corrupt image (svgz): incorrect data check");
    if (QImageWriter::supportedImageFormats().contains("webp"))
        QTest::newRow("webp cut") << ImageFactory::truncated(
            ImageFactory::encode(ImageFactory::pattern(200, 150, 45), "webp"), 0.5)
                                  << QStringLiteral("truncated image (webp)");
}

void TestImageProcessor::refusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    auto r = run(bytes);
    QVERIFY2(!r.ok(), "accepted");
    QVERIFY2(r.error().startsWith(reason), qPrintable(QStringLiteral("got: ") + r.error()));
    QVERIFY2(!QFileInfo::exists(m_blobPath), "a temp blob was left behind");
}

void TestImageProcessor::limitsAreConfigurable_data()
{
    QTest::addColumn<qint64>("maxPixels");
    QTest::addColumn<int>("maxSide");
    QTest::addColumn<bool>("accepted");
    // The image is 300x200 = 60,000 pixels.
    QTest::newRow("defaults") << qint64(100'000'000) << 30'000 << true;
    QTest::newRow("pixels exactly at the limit") << qint64(60'000) << 30'000 << true;
    QTest::newRow("one pixel over") << qint64(59'999) << 30'000 << false;
    QTest::newRow("side exactly at the limit") << qint64(100'000'000) << 300 << true;
    QTest::newRow("side one over") << qint64(100'000'000) << 299 << false;
}

void TestImageProcessor::limitsAreConfigurable()
{
    QFETCH(qint64, maxPixels);
    QFETCH(int, maxSide);
    QFETCH(bool, accepted);
    ImageLimits limits;
    limits.maxPixels = maxPixels;
    limits.maxSide = maxSide;
    auto r = run(ImageFactory::encode(ImageFactory::pattern(300, 200, 50), "png"), limits);
    QCOMPARE(r.ok(), accepted);
    if (!accepted) {
        QCOMPARE(r.error(), QStringLiteral("image too large: 300x200"));
        QVERIFY(!QFileInfo::exists(m_blobPath));
    }
}

void TestImageProcessor::cancelledLeavesNothing()
{
    std::atomic_bool cancelled { true };
    auto r = run(ImageFactory::encode(ImageFactory::pattern(300, 200, 51), "png"), {}, &cancelled);
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), QStringLiteral("cancelled"));
    QVERIFY(!QFileInfo::exists(m_blobPath));
}

void TestImageProcessor::unwritableBlobPathFails()
{
    m_blobPath = m_dir->filePath(QStringLiteral("missing-dir/blob.gz"));
    auto r = run(ImageFactory::encode(ImageFactory::pattern(100, 100, 52), "png"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().startsWith(QLatin1String("cannot write ")), qPrintable(r.error()));
    QVERIFY(!QFileInfo::exists(m_blobPath));
}

void TestImageProcessor::missingInputFails()
{
    ProcessRequest request;
    request.dataPath = m_dir->filePath(QStringLiteral("does-not-exist.png"));
    request.tempBlobPath = m_blobPath;
    auto r = ImageProcessor::process(request);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().startsWith(QLatin1String("cannot read ")), qPrintable(r.error()));
    QVERIFY(!QFileInfo::exists(m_blobPath));
}

void TestImageProcessor::sniffMimeType_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("mime");
    QTest::newRow("html") << ImageFactory::html() << QStringLiteral("text/html");
    QTest::newRow("png") << ImageFactory::encode(ImageFactory::pattern(8, 8), "png").left(64)
                         << QStringLiteral("image/png");
    QTest::newRow("jpeg") << ImageFactory::encode(ImageFactory::pattern(8, 8), "jpeg").left(64)
                          << QStringLiteral("image/jpeg");
    QTest::newRow("gif") << ImageFactory::gif(8, 8).left(64) << QStringLiteral("image/gif");
    QTest::newRow("garbage") << ImageFactory::garbage(256)
                             << QStringLiteral("application/octet-stream");
}

void TestImageProcessor::sniffMimeType()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, mime);
    QCOMPARE(ImageProcessor::sniffMimeType(head), mime);
}

void TestImageProcessor::thumbnailFromBytes()
{
    auto image = ImageProcessor::thumbnailFromBytes(
        ImageFactory::encode(ImageFactory::pattern(512, 256, 60), "jpeg"), 128);
    QVERIFY_OK(image);
    QCOMPARE(image->size(), QSize(128, 64));

    auto bad = ImageProcessor::thumbnailFromBytes(ImageFactory::html(), 128);
    QVERIFY(!bad.ok());

    // A missing thumbnail of a compressed SVG is drawn again from its blob.
    auto svgz = ImageProcessor::thumbnailFromBytes(ImageFactory::svgz(512, 256, 61), 128);
    QVERIFY_OK(svgz);
    QCOMPARE(svgz->size(), QSize(128, 64));
    auto archive = ImageProcessor::thumbnailFromBytes(Response::gzip(ImageFactory::html()), 128);
    QVERIFY(!archive.ok());
    QVERIFY2(archive.error().startsWith(QLatin1String("not an image (application/gzip)")),
        qPrintable(archive.error()));
}

void TestImageProcessor::svgExternalReferencesAreNotRead_data()
{
    QTest::addColumn<bool>("compressed");
    QTest::addColumn<QString>("path"); // which reader of originals draws it
    for (const bool compressed : { false, true }) {
        for (const char *path : { "process", "thumbnailFromBytes", "picture" })
            QTest::addRow("%s %s", compressed ? "svgz" : "svg", path)
                << compressed << QString::fromLatin1(path);
    }
}

// QtSvg draws the files an SVG names (a web page's SVG could put a picture
// from the user's disk into its thumbnail, or a FIFO block the decoder):
// ingest, rebuilt thumbnails and the viewer draw SVG and svgz without them.
void TestImageProcessor::svgExternalReferencesAreNotRead()
{
    QFETCH(bool, compressed);
    QFETCH(QString, path);
    const QString red = m_dir->filePath(QStringLiteral("private.png"));
    QVERIFY(writeFile(red, ImageFactory::solidPng(Qt::red, 64, 64)));
    const QByteArray svg = QStringLiteral(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "width=\"64\" height=\"64\">\n<rect width=\"64\" height=\"64\" fill=\"#336699\"/>\n"
        "<image x=\"0\" y=\"0\" width=\"64\" height=\"64\" xlink:href=\"%1\"/>\n</svg>\n")
                               .arg(red)
                               .toUtf8();
    // The check can fail: QtSvg, handed the text as it is, draws the file.
    const QImage unguarded = QImage::fromData(svg, "svg");
    QVERIFY(!unguarded.isNull());
    QCOMPARE(QColor(unguarded.pixel(32, 32)), QColor(Qt::red));

    const QByteArray bytes = compressed ? Response::gzip(svg) : svg;
    QImage drawn;
    if (path == QLatin1String("process")) {
        auto r = run(bytes);
        QVERIFY_OK(r);
        QCOMPARE(r->format, compressed ? QStringLiteral("svgz") : QStringLiteral("svg"));
        QCOMPARE(QSize(r->width, r->height), QSize(64, 64));
        drawn = QImage::fromData(r->thumbnail);
    } else if (path == QLatin1String("thumbnailFromBytes")) {
        auto thumb = ImageProcessor::thumbnailFromBytes(bytes, 64);
        QVERIFY_OK(thumb);
        drawn = *thumb;
    } else {
        auto picture = PictureDecoder::decode(bytes);
        QVERIFY_OK(picture);
        QCOMPARE(picture->frames.size(), 1);
        drawn = picture->frames.first();
    }
    QVERIFY(!drawn.isNull());
    const QColor centre(drawn.pixel(drawn.width() / 2, drawn.height() / 2));
    QVERIFY2(qAbs(centre.red() - 0x33) < 8 && qAbs(centre.green() - 0x66) < 8
            && qAbs(centre.blue() - 0x99) < 8,
        qPrintable(QStringLiteral("the SVG's own #336699 is %1: the file it names was drawn")
                       .arg(centre.name())));
}

namespace {

// A BMP written by hand: @p bits 24 or 32 (BI_RGB), or 16 and 32 with bit
// fields (BI_BITFIELDS, 32 with an alpha mask); @p infoSize 40, 108 or 124;
// rows bottom-up unless @p topDown. Qt's writer only writes 24-bit
// bottom-up files with a 40-byte header.
QByteArray handBmp(const QImage &picture, int bits, bool topDown, quint32 infoSize = 40,
    bool bitFields = false, qint64 pixelsAt = -1)
{
    const QImage argb = picture.convertToFormat(QImage::Format_ARGB32);
    const qint64 w = argb.width();
    const qint64 h = argb.height();
    const qint64 stride = (w * bits + 31) / 32 * 4;
    const quint32 masks = bitFields && infoSize == 40 ? 12 : 0;
    const qint64 at = pixelsAt >= 0 ? pixelsAt : 14 + infoSize + masks;
    QByteArray out(at + stride * h, '\0');
    char *d = out.data();
    d[0] = 'B';
    d[1] = 'M';
    qToLittleEndian<quint32>(quint32(out.size()), d + 2);
    qToLittleEndian<quint32>(quint32(at), d + 10);
    qToLittleEndian<quint32>(infoSize, d + 14);
    qToLittleEndian<qint32>(qint32(w), d + 18);
    qToLittleEndian<qint32>(qint32(topDown ? -h : h), d + 22);
    qToLittleEndian<quint16>(1, d + 26);
    qToLittleEndian<quint16>(quint16(bits), d + 28);
    qToLittleEndian<quint32>(bitFields ? 3 : 0, d + 30);
    if (bitFields || infoSize >= 108) {
        const bool five = bits == 16;
        qToLittleEndian<quint32>(five ? 0x7C00 : 0x00FF0000, d + 54);
        qToLittleEndian<quint32>(five ? 0x03E0 : 0x0000FF00, d + 58);
        qToLittleEndian<quint32>(five ? 0x001F : 0x000000FF, d + 62);
        if (infoSize >= 108) {
            qToLittleEndian<quint32>(bits == 32 && bitFields ? 0xFF000000 : 0, d + 66);
            qToLittleEndian<quint32>(0x73524742, d + 70); // 'sRGB'
        }
    }
    for (qint64 y = 0; y < h; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(int(y)));
        uchar *row = reinterpret_cast<uchar *>(d + at + (topDown ? y : h - 1 - y) * stride);
        for (qint64 x = 0; x < w; ++x) {
            const QRgb c = line[x];
            if (bits == 16) {
                qToLittleEndian<quint16>(
                    quint16((qRed(c) >> 3) << 10 | (qGreen(c) >> 3) << 5 | qBlue(c) >> 3),
                    row + x * 2);
                continue;
            }
            uchar *p = row + x * (bits / 8);
            p[0] = uchar(qBlue(c));
            p[1] = uchar(qGreen(c));
            p[2] = uchar(qRed(c));
            if (bits == 32)
                p[3] = uchar(qAlpha(c));
        }
    }
    return out;
}

// Red grows to the right, green downwards: a picture read upside down or
// mirrored is far from the original everywhere.
QImage gradients(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y,
                qRgb(255 * x / std::max(1, width - 1), 255 * y / std::max(1, height - 1),
                    255 * (x + y) / std::max(1, width + height - 2)));
    }
    return image;
}

// The largest difference of one channel between two same-sized images, and
// the mean over all channels.
std::pair<int, double> difference(const QImage &a, const QImage &b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    int most = 0;
    double total = 0;
    for (int row = 0; row < x.height(); ++row) {
        for (int col = 0; col < x.width(); ++col) {
            const QRgb p = x.pixel(col, row);
            const QRgb q = y.pixel(col, row);
            for (const int d : { std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)),
                     std::abs(qBlue(p) - qBlue(q)) }) {
                most = std::max(most, d);
                total += d;
            }
        }
    }
    return { most, total / (3.0 * x.width() * x.height()) };
}

} // namespace

void TestImageProcessor::bmpRowsAsQtReadsThem_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QSize>("thumbnail");

    const QImage wide = gradients(600, 400);
    QTest::newRow("Qt's own writer, 24-bit")
        << ImageFactory::encode(wide, "bmp") << QSize(600, 400) << QSize(256, 170);
    QTest::newRow("24-bit bottom-up")
        << handBmp(wide, 24, false) << QSize(600, 400) << QSize(256, 170);
    QTest::newRow("24-bit top-down")
        << handBmp(wide, 24, true) << QSize(600, 400) << QSize(256, 170);
    QTest::newRow("32-bit, odd sizes")
        << handBmp(gradients(333, 701), 32, false) << QSize(333, 701) << QSize(121, 256);
    QTest::newRow("32-bit top-down, V5 header")
        << handBmp(gradients(517, 259), 32, true, 124) << QSize(517, 259) << QSize(256, 128);
    QTest::newRow("24-bit, V4 header, row padding")
        << handBmp(gradients(257, 100), 24, false, 108) << QSize(257, 100) << QSize(256, 99);
    QTest::newRow("a gap before the pixels")
        << handBmp(wide, 24, false, 40, false, 200) << QSize(600, 400) << QSize(256, 170);
    QTest::newRow("smaller than a thumbnail: every pixel")
        << handBmp(gradients(101, 37), 24, true) << QSize(101, 37) << QSize(101, 37);
    QTest::newRow("one pixel") << handBmp(gradients(1, 1), 32, false) << QSize(1, 1) << QSize(1, 1);
}

// Plain 24- and 32-bit BMPs are averaged down as their rows are read
// (BmpThumbnailer), not decoded whole by Qt: the picture must be the one Qt
// reads, the right way up, with the real size, also for a top-down file
// (Qt's size() calls its height negative).
void TestImageProcessor::bmpRowsAsQtReadsThem()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QSize, size);
    QFETCH(QSize, thumbnail);

    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    BmpThumbnailer bmp;
    QVERIFY(bmp.open(&buffer));
    QCOMPARE(buffer.pos(), 0);
    QCOMPARE(bmp.size(), size);
    const QImage small = bmp.thumbnail(thumbnail);
    QCOMPARE(small.size(), thumbnail);
    QCOMPARE(buffer.pos(), 0);
    QVERIFY(bmp.thumbnail(size + QSize(1, 0)).isNull());

    QImage byQt = QImage::fromData(bytes, "bmp");
    QCOMPARE(byQt.size(), size);
    if (thumbnail != size)
        byQt = byQt.scaled(thumbnail, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const auto [most, mean] = difference(small, byQt);
    if (thumbnail == size) {
        QCOMPARE(most, 0);
    } else {
        // Area averaging against Qt's smooth scaling: a level or two apart,
        // where a flipped or shifted picture is tens of levels off.
        QVERIFY2(mean < 2.0, qPrintable(QString::number(mean)));
        QVERIFY2(most <= 16, qPrintable(QString::number(most)));
    }

    auto r = run(bytes);
    QVERIFY_OK(r);
    QCOMPARE(r->format, QStringLiteral("bmp"));
    QCOMPARE(QSize(r->width, r->height), size);
    QCOMPARE(r->thumbnailSize, thumbnail);
    QCOMPARE(r->blob.sha256, sha256Hex(bytes));
    auto fromBytes = ImageProcessor::thumbnailFromBytes(bytes, 256);
    QVERIFY_OK(fromBytes);
    QCOMPARE(*fromBytes, small);
}

void TestImageProcessor::bmpOthersGoToQt_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("alpha");

    const QImage picture = gradients(300, 200);
    QImage indexed = picture.convertToFormat(QImage::Format_Indexed8);
    QTest::newRow("8-bit palette") << ImageFactory::encode(indexed, "bmp") << false;
    QTest::newRow("16-bit bit fields") << handBmp(picture, 16, false, 40, true) << false;
    QTest::newRow("32-bit with an alpha mask")
        << handBmp(ImageFactory::pattern(300, 200, 61, true), 32, false, 124, true) << true;
}

// What the thumbnailer does not read, Qt's reader still does: palettes, bit
// fields and alpha masks.
void TestImageProcessor::bmpOthersGoToQt()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, alpha);

    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QVERIFY(!BmpThumbnailer().open(&buffer));
    QCOMPARE(buffer.pos(), 0);

    auto r = run(bytes);
    QVERIFY_OK(r);
    QCOMPARE(r->format, QStringLiteral("bmp"));
    QCOMPARE(QSize(r->width, r->height), QSize(300, 200));
    QCOMPARE(r->thumbnailSize, QSize(256, 170));
    if (alpha)
        QVERIFY(QImage::fromData(r->thumbnail).hasAlphaChannel());
}

QTEST_GUILESS_MAIN(TestImageProcessor)
#include "tst_imageprocessor.moc"

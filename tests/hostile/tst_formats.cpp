// SPDX-License-Identifier: MIT
// Odd but valid images are kept: 16-bit, interlaced, palette and animated
// PNG, progressive and CMYK JPEG, static and animated GIF, lossy, lossless
// and animated WebP, BMP at 8, 24 and 32 bits, TIFF, ICO, SVG and svgz, PBM/PGM/PPM
// and TGA; AVIF (stills, alpha, sequences), HEIC, JPEG XL (codestream,
// container, animation) and JPEG 2000 (JP2, J2K, grey) made by Debian's
// own encoders (avifenc, heif-enc, cjxl, opj_compress). Each goes through ImageProcessor::process
// (and a few through the real `trove add`): right format name and size, a decodable thumbnail (the
// first frame for animations), and a blob that inflates to exactly the input bytes. Variants Qt
// cannot write are crafted here by hand, and each file is checked to really be the variant it
// claims to be. Files nobody can decode are refused with a named reason.

#include "catalog/searchlanguage.h"
#include "encodedfiles.h"
#include "imagefactory.h"
#include "ingest/imageprocessor.h"
#include "ingest/picturedecoder.h"
#include "longtailfiles.h"
#include "resultcheck.h"
#include "storage/gzipcodec.h"
#include "testfiles.h"
#include "timebounds.h"
#include "troveprocess.h"

#include <QBuffer>
#include <QColor>
#include <QColorSpace>
#include <QColorTransform>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <array>
#include <functional>
#include <memory>

#ifndef TROVE_BINARY
#error "TROVE_BINARY must name the built trove executable"
#endif
#ifndef TROVE_DECODE_BINARY
#error "TROVE_DECODE_BINARY must name the built trove-decode helper"
#endif

using namespace trove;
using trove::test::ImageFactory;
using trove::test::readFile;
using trove::test::sha256Hex;
using trove::test::writeFile;

namespace {

// --- little writers: tests/support/longtailfiles.h --------------------------------

using namespace trove::test::bytes;
using trove::test::LongTailFiles;

// --- PNG by hand ---------------------------------------------------------------

const QByteArray kPngSignature = QByteArray::fromHex("89504e470d0a1a0a");

/// The zlib stream of @p raw (qCompress prefixes a 4-byte length).
QByteArray zlibStream(const QByteArray &raw)
{
    return qCompress(raw, 9).mid(4);
}

QByteArray ihdr(int w, int h, int depth, int colourType, int interlace)
{
    QByteArray data;
    be32(data, quint32(w));
    be32(data, quint32(h));
    data.append(char(depth));
    data.append(char(colourType));
    data.append('\0'); // deflate
    data.append('\0'); // adaptive filtering
    data.append(char(interlace));
    return data;
}

void appendRgb(QByteArray &out, QRgb p)
{
    out.append(char(qRed(p)));
    out.append(char(qGreen(p)));
    out.append(char(qBlue(p)));
}

/// 8-bit RGB scanlines (RGBA, straight alpha, @p withAlpha), filter type
/// 0 on each.
QByteArray rgbScanlines(const QImage &image, bool withAlpha = false)
{
    QByteArray raw;
    for (int y = 0; y < image.height(); ++y) {
        raw.append('\0');
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            appendRgb(raw, p);
            if (withAlpha)
                raw.append(char(qAlpha(p)));
        }
    }
    return raw;
}

/// 8-bit RGB, Adam7-interlaced: QImageWriter has no interlace option.
QByteArray interlacedPng(const QImage &image)
{
    static constexpr int passes[7][4] = { { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 },
        { 2, 0, 4, 4 }, { 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 } };
    const int w = image.width();
    const int h = image.height();
    QByteArray raw;
    for (const auto &pass : passes) {
        const int x0 = pass[0], y0 = pass[1], dx = pass[2], dy = pass[3];
        if (x0 >= w || y0 >= h)
            continue; // an empty pass has no scanlines at all
        for (int y = y0; y < h; y += dy) {
            raw.append('\0');
            for (int x = x0; x < w; x += dx)
                appendRgb(raw, image.pixel(x, y));
        }
    }
    return kPngSignature + ImageFactory::pngChunk("IHDR", ihdr(w, h, 8, 2, 1))
        + ImageFactory::pngChunk("IDAT", zlibStream(raw)) + ImageFactory::pngChunk("IEND", {});
}

/// A frame of @p w x @p h at @p at, shown 1/10 s; dispose 0 none, 1
/// background, 2 previous; blend 0 source, 1 over.
QByteArray fcTL(
    quint32 sequence, int w, int h, QPoint at = {}, quint8 dispose = 0, quint8 blend = 0)
{
    QByteArray data;
    be32(data, sequence);
    be32(data, quint32(w));
    be32(data, quint32(h));
    be32(data, quint32(at.x()));
    be32(data, quint32(at.y()));
    be16(data, 1); // delay 1/10 s
    be16(data, 10);
    data.append(char(dispose));
    data.append(char(blend));
    return ImageFactory::pngChunk("fcTL", data);
}

/// A two-frame APNG (acTL, fcTL, IDAT, fcTL, fdAT). A reader without APNG
/// support shows the IDAT: the first frame.
QByteArray apng(const QImage &first, const QImage &second)
{
    const int w = first.width();
    const int h = first.height();
    QByteArray actl;
    be32(actl, 2); // frames
    be32(actl, 0); // loop forever
    QByteArray fdat;
    be32(fdat, 2);
    fdat += zlibStream(rgbScanlines(second));
    return kPngSignature + ImageFactory::pngChunk("IHDR", ihdr(w, h, 8, 2, 0))
        + ImageFactory::pngChunk("acTL", actl) + fcTL(0, w, h)
        + ImageFactory::pngChunk("IDAT", zlibStream(rgbScanlines(first))) + fcTL(1, w, h)
        + ImageFactory::pngChunk("fdAT", fdat) + ImageFactory::pngChunk("IEND", {});
}

/// One frame of apngOf(): its picture, where it goes, and what happens
/// to it and under it.
struct ApngFrame {
    QImage image;
    QPoint at;
    quint8 dispose = 0; ///< 0 none, 1 background, 2 previous
    quint8 blend = 0; ///< 0 source, 1 over
};

/// An RGBA APNG on a @p canvas, each frame 1/10 s, played @p plays times
/// (0: for ever). With @p still, the IDAT is a picture of its own that is
/// not part of the animation; otherwise it is the first frame.
QByteArray apngOf(
    QSize canvas, const QList<ApngFrame> &frames, const QImage &still = {}, quint32 plays = 0)
{
    QByteArray actl;
    be32(actl, quint32(frames.size()));
    be32(actl, plays);
    QByteArray out = kPngSignature
        + ImageFactory::pngChunk("IHDR", ihdr(canvas.width(), canvas.height(), 8, 6, 0))
        + ImageFactory::pngChunk("acTL", actl);
    if (!still.isNull())
        out += ImageFactory::pngChunk("IDAT", zlibStream(rgbScanlines(still, true)));
    quint32 sequence = 0;
    for (int i = 0; i < frames.size(); ++i) {
        const ApngFrame &f = frames[i];
        out += fcTL(sequence++, f.image.width(), f.image.height(), f.at, f.dispose, f.blend);
        const QByteArray z = zlibStream(rgbScanlines(f.image, true));
        if (i == 0 && still.isNull()) {
            out += ImageFactory::pngChunk("IDAT", z);
        } else {
            QByteArray fdat;
            be32(fdat, sequence++);
            out += ImageFactory::pngChunk("fdAT", fdat + z);
        }
    }
    return out + ImageFactory::pngChunk("IEND", {});
}

/// The offset of the first @p type chunk's data in @p png.
qsizetype chunkData(const QByteArray &png, const char *type)
{
    const qsizetype at = png.indexOf(type);
    return at < 0 ? -1 : at + 4;
}

// --- GIF by hand ---------------------------------------------------------------

/// GIF89a, looping, one solid frame per colour.
QByteArray animatedGif(int w, int h, const QList<QColor> &frames)
{
    QByteArray out("GIF89a");
    le16(out, quint32(w));
    le16(out, quint32(h));
    out.append(char(0xF7)); // global table of 256 entries
    out.append('\0');
    out.append('\0');
    for (int i = 0; i < 256; ++i) {
        const QColor c = i < frames.size() ? frames[i] : QColor(Qt::black);
        out.append(char(c.red()));
        out.append(char(c.green()));
        out.append(char(c.blue()));
    }
    out.append(
        QByteArray::fromHex("21ff0b") + "NETSCAPE2.0" + QByteArray::fromHex("03010000") + '\0');
    for (int f = 0; f < frames.size(); ++f) {
        out.append(QByteArray::fromHex("21f904040a000000")); // GCE: keep, 0.1 s
        out.append(',');
        le16(out, 0);
        le16(out, 0);
        le16(out, quint32(w));
        le16(out, quint32(h));
        out.append('\0');
        out.append(ImageFactory::gifImageData(QByteArray(qsizetype(w) * h, char(f))));
    }
    out.append(';');
    return out;
}

// --- WebP by hand --------------------------------------------------------------

/// The one chunk (header, payload, padding) of a simple-format WebP.
QByteArray webpBitstreamChunk(const QByteArray &simpleWebp)
{
    if (simpleWebp.size() < 20 || !simpleWebp.startsWith("RIFF") || simpleWebp.mid(8, 4) != "WEBP")
        return {};
    const QByteArray tag = simpleWebp.mid(12, 4);
    if (tag != "VP8L" && tag != "VP8 ")
        return {};
    return simpleWebp.mid(12);
}

/// An animated WebP (VP8X, ANIM, one ANMF per frame) around frames Qt
/// encodes losslessly: Qt has no animated WebP writer.
QByteArray animatedWebp(const QList<QImage> &frames)
{
    const int w = frames.first().width();
    const int h = frames.first().height();
    QByteArray body("WEBP");
    body += "VP8X";
    le32(body, 10);
    body.append(char(0x02)); // animation
    body.append(3, '\0');
    le24(body, quint32(w - 1));
    le24(body, quint32(h - 1));
    body += "ANIM";
    le32(body, 6);
    le32(body, 0xFFFFFFFF); // background
    le16(body, 0); // loop forever
    for (const QImage &frame : frames) {
        const QByteArray chunk = webpBitstreamChunk(ImageFactory::encode(frame, "webp", 100));
        if (chunk.isEmpty())
            return {};
        body += "ANMF";
        le32(body, quint32(16 + chunk.size()));
        le24(body, 0); // x / 2
        le24(body, 0); // y / 2
        le24(body, quint32(w - 1));
        le24(body, quint32(h - 1));
        le24(body, 100); // ms
        body.append(char(0x02)); // do not blend, do not dispose
        body += chunk;
    }
    QByteArray out("RIFF");
    le32(out, quint32(body.size()));
    return out + body;
}

// --- BMP and TGA by hand ---------------------------------------------------------

/// BITMAPINFOHEADER, BI_RGB, 32 bits per pixel, bottom-up: Qt writes 24.
QByteArray bmp32(const QImage &image)
{
    const int w = image.width();
    const int h = image.height();
    QByteArray out("BM");
    le32(out, quint32(54 + w * h * 4));
    le32(out, 0);
    le32(out, 54);
    le32(out, 40);
    le32(out, quint32(w));
    le32(out, quint32(h));
    le16(out, 1);
    le16(out, 32);
    le32(out, 0);
    le32(out, quint32(w * h * 4));
    le32(out, 2835);
    le32(out, 2835);
    le32(out, 0);
    le32(out, 0);
    for (int y = h - 1; y >= 0; --y) {
        for (int x = 0; x < w; ++x) {
            const QRgb p = image.pixel(x, y);
            out.append(char(qBlue(p)));
            out.append(char(qGreen(p)));
            out.append(char(qRed(p)));
            out.append(char(0xFF));
        }
    }
    return out;
}

/// Uncompressed 24-bit TGA as most tools write it: origin (0, 0), rows
/// from the top; with or without the TGA 2.0 footer.
QByteArray tgaAsToolsWriteIt(const QImage &image, bool footer)
{
    QByteArray out;
    out.append('\0');
    out.append('\0');
    out.append(char(2));
    out.append(5, '\0');
    le16(out, 0); // x origin
    le16(out, 0); // y origin
    le16(out, quint32(image.width()));
    le16(out, quint32(image.height()));
    out.append(char(24));
    out.append(char(0x20)); // top-left origin
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            out.append(char(qBlue(p)));
            out.append(char(qGreen(p)));
            out.append(char(qRed(p)));
        }
    }
    if (footer) {
        out.append(8, '\0');
        out.append("TRUEVISION-XFILE.");
        out.append('\0');
    }
    return out;
}

// --- the long tail by hand: PSD, DDS, SGI, TGA RLE ------------------------------------

/// Left half red, right half blue: colours any decoder must keep apart.
QImage twoTone(int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(QColor(30, 40, 210));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w / 2; ++x)
            image.setPixel(x, y, qRgb(220, 30, 30));
    return image;
}

// --- CMYK JPEG by hand -------------------------------------------------------------

/// Writes entropy-coded bits most significant first, with 0xFF stuffing.
class JpegBitWriter final {
public:
    void put(quint32 code, int length)
    {
        for (int i = length - 1; i >= 0; --i) {
            m_byte = quint8((m_byte << 1) | ((code >> i) & 1));
            if (++m_count == 8)
                flushByte();
        }
    }
    QByteArray finish()
    {
        while (m_count != 0)
            put(1, 1); // pad with ones
        return m_out;
    }

private:
    void flushByte()
    {
        m_out.append(char(m_byte));
        if (m_byte == 0xFF)
            m_out.append('\0');
        m_byte = 0;
        m_count = 0;
    }

    QByteArray m_out;
    quint8 m_byte = 0;
    int m_count = 0;
};

/// A baseline JPEG with four components (Adobe APP14, transform 0: CMYK
/// as Photoshop writes it, inverted) in which every 8x8 block is one flat
/// colour: only DC coefficients, so a few lines encode it exactly. Qt 6.4
/// has no CMYK QImage format and no CMYK writer. @p cmykOf gives the four
/// stored samples of the block at (bx, by).
QByteArray cmykJpeg(
    int w, int h, const std::function<std::array<quint8, 4>(int bx, int by)> &cmykOf)
{
    // The standard luminance DC table (ITU T.81 K.3); an AC table that
    // holds only end-of-block.
    static const quint8 dcBits[16] = { 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 };
    static const quint8 acBits[16] = { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
    quint32 dcCode[12];
    int dcLength[12];
    {
        quint32 code = 0;
        int symbol = 0;
        for (int length = 1; length <= 16; ++length) {
            for (int i = 0; i < dcBits[length - 1]; ++i) {
                dcCode[symbol] = code++;
                dcLength[symbol++] = length;
            }
            code <<= 1;
        }
    }

    QByteArray out = QByteArray::fromHex("ffd8");
    out += QByteArray::fromHex("ffee000e") + "Adobe" + QByteArray::fromHex("006400000000") + '\0';
    out += QByteArray::fromHex("ffdb004300") + QByteArray(64, char(1)); // all quantisers 1
    out += QByteArray::fromHex("ffc00014") + char(8);
    be16(out, quint32(h));
    be16(out, quint32(w));
    out += char(4);
    for (int c = 1; c <= 4; ++c)
        out += QByteArray(1, char(c)) + char(0x11) + char(0);
    out += QByteArray::fromHex("ffc40031") + char(0x00)
        + QByteArray(reinterpret_cast<const char *>(dcBits), 16);
    for (int s = 0; s < 12; ++s)
        out += char(s);
    out += char(0x10) + QByteArray(reinterpret_cast<const char *>(acBits), 16) + char(0x00);
    out += QByteArray::fromHex("ffda000e04");
    for (int c = 1; c <= 4; ++c)
        out += QByteArray(1, char(c)) + char(0x00);
    out += QByteArray::fromHex("003f00");

    JpegBitWriter bits;
    int predictor[4] = { 0, 0, 0, 0 };
    for (int by = 0; by < (h + 7) / 8; ++by) {
        for (int bx = 0; bx < (w + 7) / 8; ++bx) {
            const auto samples = cmykOf(bx, by);
            for (int c = 0; c < 4; ++c) {
                // A flat block of value v has DC = 8 * (v - 128).
                const int dc = 8 * (int(samples[c]) - 128);
                const int diff = dc - predictor[c];
                predictor[c] = dc;
                int category = 0;
                for (int a = std::abs(diff); a; a >>= 1)
                    ++category;
                bits.put(dcCode[category], dcLength[category]);
                if (category > 0)
                    bits.put(quint32(diff > 0 ? diff : diff + (1 << category) - 1), category);
                bits.put(0, 1); // end of block
            }
        }
    }
    out += bits.finish();
    out += QByteArray::fromHex("ffd9");
    return out;
}

/// What Qt 6.4's JPEG reader makes of inverted (Adobe) CMYK samples.
QColor qtCmykToRgb(const std::array<quint8, 4> &s)
{
    return QColor(s[3] * s[0] / 255, s[3] * s[1] / 255, s[3] * s[2] / 255);
}

// --- what browsers show: quirks ------------------------------------------------------

/// A JPEG with an APP14 segment right after SOI: too short to hold
/// Adobe's fields (@p shortSegment), or Adobe's with an unknown colour
/// transform (7).
QByteArray jpegWithBrokenApp14(bool shortSegment)
{
    const QByteArray jpeg = ImageFactory::encode(ImageFactory::picture(120, 90, 23), "jpeg", 90);
    const QByteArray app14 = shortSegment
        ? QByteArray::fromHex("ffee0007") + "Adobe"
        : QByteArray::fromHex("ffee000e") + "Adobe" + QByteArray::fromHex("006400000000") + '\x07';
    return jpeg.left(2) + app14 + jpeg.mid(2);
}

/// One red 40x30 frame on a logical screen of 20x15: the frame reaches
/// past the screen. Browsers grow the screen to show all of it.
QByteArray gifFramesPastScreen()
{
    QByteArray gif = animatedGif(40, 30, { QColor(220, 30, 30) });
    le16Replace(gif, 6, 20);
    le16Replace(gif, 8, 15);
    return gif;
}

// --- the table ---------------------------------------------------------------

struct FormatCase {
    const char *tag;
    QByteArray bytes; ///< empty: the variant could not be made here
    QString format; ///< QImageReader's name
    QSize size;
    /// Proof the file is the variant it claims to be: these bytes at
    /// @ref at, or anywhere when at < 0.
    QByteArray marker;
    int at = -1;
    int frames = 1; ///< QImageReader::imageCount(); 0: do not check
    /// Colours that must show at these thumbnail points (first frame).
    QList<QPair<QPoint, QColor>> pixels;
    QString skip; ///< why the variant is missing, when bytes is empty
    bool viaCli = false; ///< also through `trove add` of a local file
};

// The encoders the modern formats are made with; scripts/install-deps.sh
// installs them (libavif-bin, libheif-examples, libjxl-tools,
// libopenjp2-tools).
const QStringList kEncoders { QStringLiteral("avifenc"), QStringLiteral("heif-enc"),
    QStringLiteral("cjxl"), QStringLiteral("opj_compress") };

using Inputs = trove::test::EncodedFiles::Inputs;

/// A case made by an encoder; the file's own name is kept out of the tag.
FormatCase encoderCase(const char *tag, const QString &tool, const QStringList &args,
    const Inputs &inputs, const QString &outName, FormatCase c)
{
    c.tag = tag;
    c.bytes = trove::test::EncodedFiles::encode(tool, args, inputs, outName, &c.skip);
    return c;
}

QByteArray pngIhdrTail(int depth, int colourType, int interlace)
{
    QByteArray out;
    out.append(char(depth));
    out.append(char(colourType));
    out.append('\0');
    out.append('\0');
    out.append(char(interlace));
    return out;
}

QList<FormatCase> formatCases()
{
    QList<FormatCase> out;
    const QImage picture = ImageFactory::picture(120, 90, 17);
    const QImage alphaPicture = ImageFactory::picture(120, 90, 18, true);
    const QColor red(220, 30, 30);
    const QColor blue(30, 40, 210);
    const QPoint centre(20, 15);

    out.append({ "png 16-bit",
        ImageFactory::encode(alphaPicture.convertToFormat(QImage::Format_RGBA64), "png"),
        QStringLiteral("png"), QSize(120, 90), pngIhdrTail(16, 6, 0), 24, 1, {}, {}, true });
    out.append({ "png interlaced", interlacedPng(picture), QStringLiteral("png"), QSize(120, 90),
        pngIhdrTail(8, 2, 1), 24, 1, {}, {}, true });
    out.append({ "png palette",
        ImageFactory::encode(picture.convertToFormat(QImage::Format_Indexed8), "png"),
        QStringLiteral("png"), QSize(120, 90), QByteArray(1, char(3)), 25 });
    out.append({ "apng 2 frames",
        apng(ImageFactory::solid(40, 30, red), ImageFactory::solid(40, 30, blue)),
        QStringLiteral("png"), QSize(40, 30), "acTL", 37, 2, { { centre, red } }, {}, true });

    out.append({ "jpeg baseline", ImageFactory::encode(picture, "jpeg", 90), QStringLiteral("jpeg"),
        QSize(120, 90), QByteArray::fromHex("ffc0"), -1 });
    {
        // A line an old tool wrote before the header: browsers show it.
        const QByteArray junk("\xef\xbb\xbf"
                              "Content-Type: image/jpeg\r\n\r\n");
        out.append({ "jpeg with junk before its header",
            junk + ImageFactory::encode(picture, "jpeg", 90), QStringLiteral("jpeg"),
            QSize(120, 90), QByteArray::fromHex("ffd8ff"), int(junk.size()), 0, {}, {}, true });
    }
    out.append({ "jpeg progressive", ImageFactory::encode(picture, "jpeg", 90, true),
        QStringLiteral("jpeg"), QSize(120, 90), QByteArray::fromHex("ffc2"), -1, 1, {}, {}, true });
    {
        const std::array<quint8, 4> left { 255, 40, 40, 230 };
        const std::array<quint8, 4> right { 30, 60, 250, 240 };
        auto blocks = [=](int bx, int) { return bx < 2 ? left : right; };
        out.append({ "jpeg cmyk", cmykJpeg(32, 16, blocks), QStringLiteral("jpeg"), QSize(32, 16),
            QByteArray::fromHex("ffc000140800100020"
                                "04"),
            -1, 1, { { QPoint(4, 8), qtCmykToRgb(left) }, { QPoint(27, 8), qtCmykToRgb(right) } },
            {}, true });
    }

    out.append({ "gif static", ImageFactory::gif(120, 90, 17), QStringLiteral("gif"),
        QSize(120, 90), "GIF89a", 0 });
    out.append({ "gif animated", animatedGif(40, 30, { red, blue }), QStringLiteral("gif"),
        QSize(40, 30), "NETSCAPE2.0", -1, 2, { { centre, red } }, {}, true });

    out.append({ "webp lossy", ImageFactory::webp(120, 90, 17), QStringLiteral("webp"),
        QSize(120, 90), "VP8 ", 12 });
    out.append({ "webp lossless", ImageFactory::encode(picture, "webp", 100),
        QStringLiteral("webp"), QSize(120, 90), "VP8L", 12 });
    out.append({ "webp lossy alpha", ImageFactory::encode(alphaPicture, "webp", 80),
        QStringLiteral("webp"), QSize(120, 90), "VP8X", 12 });
    {
        FormatCase c { "webp animated",
            animatedWebp({ ImageFactory::solid(40, 30, red), ImageFactory::solid(40, 30, blue) }),
            QStringLiteral("webp"), QSize(40, 30), "ANMF", -1, 2, { { centre, red } }, {}, true };
        if (c.bytes.isEmpty())
            c.skip = QStringLiteral(
                "Qt's WebP writer did not give a simple VP8L file to wrap in ANMF frames");
        out.append(c);
    }

    out.append({ "bmp 24-bit", ImageFactory::encode(picture, "bmp"), QStringLiteral("bmp"),
        QSize(120, 90), QByteArray(1, char(24)), 28 });
    out.append({ "bmp 32-bit", bmp32(picture), QStringLiteral("bmp"), QSize(120, 90),
        QByteArray(1, char(32)), 28 });
    {
        // Old tools write the file header's size field wrong; browsers
        // ignore it, and so does Trove: the rows are all there.
        QByteArray bmp = ImageFactory::encode(picture, "bmp");
        qToLittleEndian<quint32>(quint32(bmp.size() + 4096), bmp.data() + 2);
        out.append({ "bmp, wrong file size field", bmp, QStringLiteral("bmp"), QSize(120, 90),
            QByteArray(1, char(24)), 28 });
    }
    // Broken APP14: libjpeg ignores what it cannot use, and so do
    // browsers; Trove keeps such files.
    out.append({ "jpeg, APP14 too short", jpegWithBrokenApp14(true), QStringLiteral("jpeg"),
        QSize(120, 90), QByteArray::fromHex("ffd8ffee0007"), 0, 1, {} });
    out.append({ "jpeg, Adobe APP14 with an unknown transform", jpegWithBrokenApp14(false),
        QStringLiteral("jpeg"), QSize(120, 90), QByteArray::fromHex("ffd8ffee000e"), 0 });
    // A frame past the logical screen is shown whole, at the frame's size.
    out.append({ "gif, frame past the logical screen", gifFramesPastScreen(), QStringLiteral("gif"),
        QSize(40, 30), QByteArray::fromHex("14000f00"), 6, 1,
        { { QPoint(35, 25), QColor(220, 30, 30) } } });
    out.append({ "bmp 8-bit indexed",
        ImageFactory::encode(picture.convertToFormat(QImage::Format_Indexed8), "bmp"),
        QStringLiteral("bmp"), QSize(120, 90), QByteArray(1, char(8)), 28 });
    out.append(
        { "bmp 1-bit", ImageFactory::encode(picture.convertToFormat(QImage::Format_Mono), "bmp"),
            QStringLiteral("bmp"), QSize(120, 90), QByteArray(1, char(1)), 28 });

    out.append({ "tiff", ImageFactory::tiff(120, 90, 17), QStringLiteral("tiff"), QSize(120, 90),
        QByteArray("II*\0", 4), 0 });
    out.append({ "ico", ImageFactory::ico(64, 48, 17), QStringLiteral("ico"), QSize(64, 48),
        QByteArray("\0\0\1\0", 4), 0 });
    out.append({ "svg", ImageFactory::svg(120, 90, 17), QStringLiteral("svg"), QSize(120, 90),
        "<svg", -1, 0 });
    // Compressed SVG (Inkscape's .svgz): one gzip member around the text.
    out.append({ "svgz", ImageFactory::svgz(120, 90, 17), QStringLiteral("svgz"), QSize(120, 90),
        QByteArray("\x1f\x8b\x08", 3), 0, 0, {}, {}, true });
    out.append({ "pbm", ImageFactory::encode(picture.convertToFormat(QImage::Format_Mono), "pbm"),
        QStringLiteral("pbm"), QSize(120, 90), "P4", 0 });
    out.append(
        { "pgm", ImageFactory::encode(picture.convertToFormat(QImage::Format_Grayscale8), "pgm"),
            QStringLiteral("pgm"), QSize(120, 90), "P5", 0 });
    out.append({ "ppm", ImageFactory::encode(picture, "ppm"), QStringLiteral("ppm"), QSize(120, 90),
        "P6", 0 });
    out.append({ "tga 2.0, x origin 256", ImageFactory::tga(120, 90, 17), QStringLiteral("tga"),
        QSize(120, 90), "TRUEVISION-XFILE", -1 });

    // Modern formats, made by Debian's own encoders from PNG input. The
    // lossless ones must show the source's exact colours.
    const QByteArray png = ImageFactory::encode(picture, "png");
    const QByteArray alphaPng = ImageFactory::encode(alphaPicture, "png");
    const QByteArray redPng = ImageFactory::encode(ImageFactory::solid(40, 30, red), "png");
    const QByteArray bluePng = ImageFactory::encode(ImageFactory::solid(40, 30, blue), "png");
    const QByteArray greyPgm
        = ImageFactory::encode(picture.convertToFormat(QImage::Format_Grayscale8), "pgm");
    // Inside the ellipse, clear of the specks and of edges the JPEG
    // thumbnail blurs.
    const QPoint spot(39, 36);
    const QColor at = picture.pixelColor(spot);
    const QStringList avifLossless { QStringLiteral("-l"), QStringLiteral("-s"),
        QStringLiteral("8"), QStringLiteral("%in0"), QStringLiteral("%out") };
    out.append(encoderCase("avif lossless", QStringLiteral("avifenc"), avifLossless,
        { { QStringLiteral("p.png"), png } }, QStringLiteral("a.avif"),
        { nullptr, {}, QStringLiteral("avif"), QSize(120, 90), "ftypavif", 4, 1, { { spot, at } },
            {}, true }));
    out.append(encoderCase("avif lossy 4:2:0", QStringLiteral("avifenc"),
        { QStringLiteral("-y"), QStringLiteral("420"), QStringLiteral("--min"),
            QStringLiteral("20"), QStringLiteral("--max"), QStringLiteral("30"),
            QStringLiteral("-s"), QStringLiteral("8"), QStringLiteral("%in0"),
            QStringLiteral("%out") },
        { { QStringLiteral("p.png"), png } }, QStringLiteral("b.avif"),
        { nullptr, {}, QStringLiteral("avif"), QSize(120, 90), "ftypavif", 4 }));
    out.append(encoderCase("avif alpha", QStringLiteral("avifenc"), avifLossless,
        { { QStringLiteral("p.png"), alphaPng } }, QStringLiteral("c.avif"),
        { nullptr, {}, QStringLiteral("avif"), QSize(120, 90), "auxC", -1 }));
    out.append(encoderCase("avif sequence 2 frames", QStringLiteral("avifenc"),
        { QStringLiteral("-l"), QStringLiteral("-s"), QStringLiteral("8"), QStringLiteral("%in0"),
            QStringLiteral("%in1"), QStringLiteral("%out") },
        { { QStringLiteral("r.png"), redPng }, { QStringLiteral("b.png"), bluePng } },
        QStringLiteral("d.avif"),
        { nullptr, {}, QStringLiteral("avif"), QSize(40, 30), "ftypavis", 4, 2, { { centre, red } },
            {}, true }));
    out.append(encoderCase("heic", QStringLiteral("heif-enc"),
        { QStringLiteral("-q"), QStringLiteral("90"), QStringLiteral("%in0"), QStringLiteral("-o"),
            QStringLiteral("%out") },
        { { QStringLiteral("p.png"), png } }, QStringLiteral("a.heic"),
        { nullptr, {}, QStringLiteral("heic"), QSize(120, 90), "ftypheic", 4, 1, {}, {}, true }));
    out.append(encoderCase("heic with alpha", QStringLiteral("heif-enc"),
        { QStringLiteral("-q"), QStringLiteral("90"), QStringLiteral("%in0"), QStringLiteral("-o"),
            QStringLiteral("%out") },
        { { QStringLiteral("p.png"), alphaPng } }, QStringLiteral("b.heic"),
        { nullptr, {}, QStringLiteral("heic"), QSize(120, 90), "auxC", -1 }));
    out.append(encoderCase("jxl codestream lossless", QStringLiteral("cjxl"),
        { QStringLiteral("%in0"), QStringLiteral("%out"), QStringLiteral("-d"),
            QStringLiteral("0") },
        { { QStringLiteral("p.png"), png } }, QStringLiteral("a.jxl"),
        { nullptr, {}, QStringLiteral("jxl"), QSize(120, 90), QByteArray::fromHex("ff0a"), 0, 1,
            { { spot, at } }, {}, true }));
    out.append(encoderCase("jxl container lossy alpha", QStringLiteral("cjxl"),
        { QStringLiteral("%in0"), QStringLiteral("%out"), QStringLiteral("-d"), QStringLiteral("1"),
            QStringLiteral("--container=1") },
        { { QStringLiteral("p.png"), alphaPng } }, QStringLiteral("b.jxl"),
        { nullptr, {}, QStringLiteral("jxl"), QSize(120, 90), "JXL ", 4 }));
    out.append(encoderCase("jxl animated", QStringLiteral("cjxl"),
        { QStringLiteral("%in0"), QStringLiteral("%out"), QStringLiteral("-d"),
            QStringLiteral("0") },
        { { QStringLiteral("anim.png"),
            apng(ImageFactory::solid(40, 30, red), ImageFactory::solid(40, 30, blue)) } },
        QStringLiteral("c.jxl"),
        { nullptr, {}, QStringLiteral("jxl"), QSize(40, 30), QByteArray::fromHex("ff0a"), 0, 0,
            { { centre, red } }, {}, true }));
    out.append(encoderCase("jp2 lossless", QStringLiteral("opj_compress"),
        { QStringLiteral("-i"), QStringLiteral("%in0"), QStringLiteral("-o"),
            QStringLiteral("%out") },
        { { QStringLiteral("p.png"), png } }, QStringLiteral("a.jp2"),
        { nullptr, {}, QStringLiteral("jp2"), QSize(120, 90), "ftypjp2 ", 16, 1, { { spot, at } },
            {}, true }));
    out.append(encoderCase("j2k codestream, 5 resolutions", QStringLiteral("opj_compress"),
        { QStringLiteral("-i"), QStringLiteral("%in0"), QStringLiteral("-o"),
            QStringLiteral("%out"), QStringLiteral("-n"), QStringLiteral("5") },
        { { QStringLiteral("p.png"), png } }, QStringLiteral("b.j2k"),
        { nullptr, {}, QStringLiteral("j2k"), QSize(120, 90), QByteArray::fromHex("ff4fff51"), 0, 1,
            { { spot, at } } }));
    out.append(encoderCase("jp2 grey", QStringLiteral("opj_compress"),
        { QStringLiteral("-i"), QStringLiteral("%in0"), QStringLiteral("-o"),
            QStringLiteral("%out") },
        { { QStringLiteral("g.pgm"), greyPgm } }, QStringLiteral("c.jp2"),
        { nullptr, {}, QStringLiteral("jp2"), QSize(120, 90), "ftypjp2 ", 16 }));

    // The long tail, decoded by ImageMagick in the trove-decode helper
    // process: written here by hand, or by GraphicsMagick's `gm convert`
    // for the variants too long to write (scripts/install-deps.sh).
    const QImage tones = twoTone(120, 90);
    const QList<QPair<QPoint, QColor>> sides { { QPoint(20, 45), QColor(220, 30, 30) },
        { QPoint(100, 45), QColor(30, 40, 210) } };
    out.append({ "psd raw", LongTailFiles::psd(tones, false), QStringLiteral("psd"), QSize(120, 90),
        QByteArray("8BPS\0\1", 6), 0, 1, sides, {}, true });
    out.append({ "psd packbits", LongTailFiles::psd(tones, true), QStringLiteral("psd"),
        QSize(120, 90), QByteArray("\0\1", 2), 38, 1, sides });
    out.append({ "dds bgra", LongTailFiles::dds(tones, false), QStringLiteral("dds"),
        QSize(120, 90), "DDS ", 0, 1, sides });
    out.append({ "dds dxt1", LongTailFiles::dds(tones, true), QStringLiteral("dds"), QSize(120, 90),
        "DXT1", 84, 1, sides });
    out.append({ "sgi verbatim", LongTailFiles::sgi(tones), QStringLiteral("sgi"), QSize(120, 90),
        QByteArray::fromHex("01da0001"), 0, 1, sides });
    out.append({ "tga 1.0, no footer", tgaAsToolsWriteIt(tones, false), QStringLiteral("tga"),
        QSize(120, 90), QByteArray::fromHex("000002"), 0, 0, sides });
    out.append({ "tga 1.0 rle", LongTailFiles::tgaRle(tones), QStringLiteral("tga"), QSize(120, 90),
        QByteArray::fromHex("00000a"), 0, 0, sides });
    const QByteArray tonesPng = ImageFactory::encode(tones, "png");
    const Inputs gmIn { { QStringLiteral("t.png"), tonesPng } };
    auto gm
        = [&](const char *tag, const QStringList &options, const QString &outName, FormatCase c) {
              QStringList args { QStringLiteral("convert"), QStringLiteral("%in0") };
              args << options << QStringLiteral("%out");
              return encoderCase(tag, QStringLiteral("gm"), args, gmIn, outName, std::move(c));
          };
    out.append(gm("sgi rle", {}, QStringLiteral("t.sgi"),
        { nullptr, {}, QStringLiteral("sgi"), QSize(120, 90), QByteArray::fromHex("01da01"), 0, 1,
            sides }));
    out.append(gm("pcx", {}, QStringLiteral("t.pcx"),
        { nullptr, {}, QStringLiteral("pcx"), QSize(120, 90), QByteArray::fromHex("0a05"), 0, 1,
            sides }));
    out.append(gm("tiff 16-bit", { QStringLiteral("-depth"), QStringLiteral("16") },
        QStringLiteral("t.tif"),
        { nullptr, {}, QStringLiteral("tiff"), QSize(120, 90), QByteArray("II*\0", 4), 0, 0,
            sides }));
    out.append(gm("tiff planar", { QStringLiteral("-interlace"), QStringLiteral("plane") },
        QStringLiteral("t.tif"),
        { nullptr, {}, QStringLiteral("tiff"), QSize(120, 90), QByteArray("II*\0", 4), 0, 0,
            sides }));
    // gm's CMYK keeps C, M and Y as 1 - R, G, B and adds K = min(C, M, Y)
    // on top, so the standard decode, R = (1 - C)(1 - K), darkens: red
    // (220, 30, 30) comes back as (190, 26, 26). Qt 6.4 reads 8-bit CMYK
    // (libtiff's RGBA interface) but refuses 16-bit CMYK: that one reaches
    // the helper process.
    const QList<QPair<QPoint, QColor>> cmykSides { { QPoint(20, 45), QColor(190, 26, 26) },
        { QPoint(100, 45), QColor(25, 33, 173) } };
    out.append(gm("tiff cmyk", { QStringLiteral("-colorspace"), QStringLiteral("CMYK") },
        QStringLiteral("t.tif"),
        { nullptr, {}, QStringLiteral("tiff"), QSize(120, 90), QByteArray("II*\0", 4), 0, 0,
            cmykSides }));
    out.append(gm("tiff cmyk 16-bit",
        { QStringLiteral("-colorspace"), QStringLiteral("CMYK"), QStringLiteral("-depth"),
            QStringLiteral("16") },
        QStringLiteral("t.tif"),
        { nullptr, {}, QStringLiteral("tiff"), QSize(120, 90), QByteArray("II*\0", 4), 0, 0,
            cmykSides, {}, true }));
    return out;
}

QSize fitted(QSize size, int box)
{
    if (size.width() <= box && size.height() <= box)
        return size;
    return size.scaled(box, box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

bool near(QColor a, QColor b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestFormats final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keptByProcessor_data();
    void keptByProcessor();
    void keptByTroveAdd_data();
    void keptByTroveAdd();
    void standardTga_data();
    void standardTga();
    void undecodable_data();
    void undecodable();
    void twoPageTiffWholeIsKept();
    void truncatedModern_data();
    void truncatedModern();
    void helperMisbehaves_data();
    void helperMisbehaves();
    void viewerAndRebuildRead_data();
    void viewerAndRebuildRead();
    void framesInOrder_data();
    void framesInOrder();
    void apngPlaysAsBrowsersDo_data();
    void apngPlaysAsBrowsersDo();
    void brokenApngIsItsStill_data();
    void brokenApngIsItsStill();
    void colourProfileConverted();
    void troveAddOneLinePerItem();

private:
    Result<ProcessedImage> process(const QByteArray &bytes);
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestFormats::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The processor runs in this process, not next to trove-decode.
    qputenv("TROVE_DECODE_HELPER", TROVE_DECODE_BINARY);
    QVERIFY2(QFileInfo::exists(QStringLiteral(TROVE_DECODE_BINARY)), TROVE_DECODE_BINARY);
    const QList<QByteArray> readable = QImageReader::supportedImageFormats();
    for (const char *format : { "png", "jpeg", "gif", "webp", "bmp", "tiff", "ico", "svg", "pbm",
             "pgm", "ppm", "tga", "avif", "heic", "jxl", "jp2", "j2k" })
        QVERIFY2(readable.contains(format), format);
    // The search language knows every format a reader here could keep.
    for (const QByteArray &format : readable) {
        const search::Parsed parsed = search::SearchLanguage::parse(
            QStringLiteral("format:") + QString::fromLatin1(format));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error->message));
    }
    // Without them the modern formats' rows would be skipped, not tested.
    for (const QString &tool : kEncoders + QStringList { QStringLiteral("gm") })
        QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
            qPrintable(tool + QStringLiteral(" is missing: run scripts/install-deps.sh")));
}

void TestFormats::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestFormats::cleanup()
{
    m_dir.reset();
}

Result<ProcessedImage> TestFormats::process(const QByteArray &bytes)
{
    const QString input = path(QStringLiteral("input"));
    if (!writeFile(input, bytes))
        return fail(QStringLiteral("cannot write the input"));
    ProcessRequest request;
    request.dataPath = input;
    request.originalName = QStringLiteral("input");
    request.tempBlobPath = path(QStringLiteral("blob.gz"));
    return ImageProcessor::process(request);
}

// --- through the processor ---------------------------------------------------------

void TestFormats::keptByProcessor_data()
{
    QTest::addColumn<int>("index");
    const QList<FormatCase> cases = formatCases();
    for (int i = 0; i < cases.size(); ++i)
        QTest::newRow(cases[i].tag) << i;
}

void TestFormats::keptByProcessor()
{
    QFETCH(int, index);
    const FormatCase c = formatCases().at(index);
    if (c.bytes.isEmpty())
        QSKIP(qPrintable(c.skip));

    // The file is the variant it claims to be.
    if (c.at >= 0)
        QCOMPARE(c.bytes.mid(c.at, c.marker.size()).toHex(), c.marker.toHex());
    else
        QVERIFY2(c.bytes.contains(c.marker), c.marker.constData());
    if (c.frames > 0) {
        QBuffer buffer;
        buffer.setData(c.bytes);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        QCOMPARE(reader.imageCount(), c.frames);
    }

    const auto result = process(c.bytes);
    QVERIFY_OK(result);
    const ProcessedImage &out = *result;
    QCOMPARE(out.format, c.format);
    QCOMPARE(QSize(out.width, out.height), c.size);
    // The gallery badges animations (an APNG's through ApngHandler).
    QCOMPARE(out.animated, c.frames >= 2 || QByteArray(c.tag) == "jxl animated");

    const QImage thumb = QImage::fromData(out.thumbnail);
    QVERIFY(!out.thumbnail.isEmpty());
    QVERIFY(!thumb.isNull());
    QCOMPARE(thumb.size(), out.thumbnailSize);
    QCOMPARE(out.thumbnailSize, fitted(c.size, 256));
    for (const auto &[point, colour] : c.pixels) {
        const QColor seen = thumb.pixelColor(point);
        QVERIFY2(near(seen, colour, 24),
            qPrintable(QStringLiteral("thumbnail at (%1,%2) is %3, expected %4 (the first frame)")
                           .arg(point.x())
                           .arg(point.y())
                           .arg(seen.name(), colour.name())));
    }

    const auto inflated = GzipCodec::readAll(out.tempBlobPath);
    QVERIFY_OK(inflated);
    QVERIFY2(*inflated == c.bytes, "the blob does not inflate to the input bytes");
    QCOMPARE(out.blob.sha256, sha256Hex(c.bytes));
    QCOMPARE(out.blob.originalBytes, c.bytes.size());
}

// --- through `trove add` of a local file --------------------------------------------

void TestFormats::keptByTroveAdd_data()
{
    QTest::addColumn<int>("index");
    const QList<FormatCase> cases = formatCases();
    for (int i = 0; i < cases.size(); ++i) {
        if (cases[i].viaCli)
            QTest::newRow(cases[i].tag) << i;
    }
}

void TestFormats::keptByTroveAdd()
{
    QFETCH(int, index);
    const FormatCase c = formatCases().at(index);
    if (c.bytes.isEmpty())
        QSKIP(qPrintable(c.skip));

    const QString file = path(QStringLiteral("picture.bin"));
    QVERIFY(writeFile(file, c.bytes));
    const QString library = path(QStringLiteral("library"));
    auto run = [&](const QStringList &args) {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("TROVE_LIBRARY"));
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        e.insert(QStringLiteral("HOME"), m_dir->path());
        e.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("xdg-data")));
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(TROVE_BINARY),
            args + QStringList { QStringLiteral("--library"), library });
        const bool finished = p.waitForFinished(trove::test::kKillMs);
        if (!finished)
            p.kill();
        p.waitForFinished(5000);
        const QByteArray err = p.readAllStandardError();
        return std::make_tuple(
            finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            p.readAllStandardOutput(), err);
    };

    auto [addExit, addOut, addErr] = run({ QStringLiteral("add"), file, QStringLiteral("--json") });
    QVERIFY2(addExit == 0, addErr.constData());
    const QJsonObject added = QJsonDocument::fromJson(addOut).array().at(0).toObject();
    QCOMPARE(added.value(QLatin1String("status")).toString(), QStringLiteral("added"));
    const QString id = added.value(QLatin1String("id")).toString();

    auto [showExit, showOut, showErr]
        = run({ QStringLiteral("show"), id, QStringLiteral("--json") });
    QVERIFY2(showExit == 0, showErr.constData());
    const QJsonObject row = QJsonDocument::fromJson(showOut).object();
    QCOMPARE(row.value(QLatin1String("format")).toString(), c.format);
    QCOMPARE(row.value(QLatin1String("width")).toInt(), c.size.width());
    // The search finds it by the format it was kept as: the search
    // language's list of formats is not missing it.
    auto [listExit, listOut, listErr] = run({ QStringLiteral("list"), QStringLiteral("--search"),
        QStringLiteral("format:") + c.format, QStringLiteral("--json") });
    QVERIFY2(listExit == 0, listErr.constData());
    const QJsonArray listed = QJsonDocument::fromJson(listOut).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(QLatin1String("id")).toString(), id);
    QCOMPARE(row.value(QLatin1String("height")).toInt(), c.size.height());

    const QString exported = path(QStringLiteral("exported.bin"));
    auto [exportExit, exportOut, exportErr]
        = run({ QStringLiteral("export"), id, QStringLiteral("-o"), exported });
    Q_UNUSED(exportOut);
    QVERIFY2(exportExit == 0, exportErr.constData());
    QVERIFY2(readFile(exported) == c.bytes, "export is not byte-identical");
}

// --- TGA as most tools write it -----------------------------------------------------

void TestFormats::standardTga_data()
{
    QTest::addColumn<bool>("footer");
    // ICO has no magic number, and Qt 6.4's ICO handler (tried before the
    // TGA one) claims a file when bytes 0-1 are 0, bytes 2-3 are 1 or 2,
    // byte 9 is 0 and bytes 14-17 read >= 40. An uncompressed true-colour
    // TGA (image type 2) with x origin < 256 matches all of that: it is
    // taken for a cursor, and decoding it as one fails. Trove then retries
    // the bytes as TGA, which Qt reads for a TGA 2.0 file (with its footer).
    QTest::newRow("origin 0, TGA 2.0 footer") << true;
    // Without the footer Qt's TGA handler refuses the file too ("non-
    // TrueVision 2.0"): the trove-decode helper reads it.
    QTest::newRow("origin 0, no footer (TGA 1.0)") << false;
}

void TestFormats::standardTga()
{
    QFETCH(bool, footer);
    const QImage picture = ImageFactory::picture(120, 90, 21);
    const QByteArray bytes = tgaAsToolsWriteIt(picture, footer);

    const auto result = process(bytes);
    QVERIFY_OK(result);
    QCOMPARE(result->format, QStringLiteral("tga"));
    QCOMPARE(QSize(result->width, result->height), picture.size());
}

// --- what nobody can decode ----------------------------------------------------------

namespace {

/// A two-page 8x8 grey TIFF, written by hand (Qt writes one page):
/// header, then each page's directory and its one strip; with
/// @p resolution, each page ends with an XResolution stored apart.
QByteArray twoPageTiff(bool resolution = false)
{
    QByteArray out("II*\0", 4);
    out.append(4, '\0'); // the first directory's offset, below
    const auto u16
        = [](QByteArray &b, quint16 v) { b.append(char(v & 0xff)).append(char(v >> 8)); };
    const auto u32 = [&u16](QByteArray &b, quint32 v) {
        u16(b, quint16(v & 0xffff));
        u16(b, quint16(v >> 16));
    };
    const int entries = resolution ? 10 : 9;
    const int directory = 2 + entries * 12 + 4;
    qToLittleEndian<quint32>(8, out.data() + 4);
    for (int page = 0; page < 2; ++page) {
        const quint32 at = quint32(out.size());
        const quint32 strip = at + quint32(directory);
        const quint32 rational = strip + 64;
        const quint32 next = page == 0 ? rational + (resolution ? 8 : 0) : 0;
        u16(out, quint16(entries));
        const auto entry = [&](quint16 tag, quint16 type, quint32 value) {
            u16(out, tag);
            u16(out, type);
            u32(out, 1);
            u32(out, value);
        };
        entry(256, 4, 8); // ImageWidth
        entry(257, 4, 8); // ImageLength
        entry(258, 3, 8); // BitsPerSample
        entry(259, 3, 1); // no compression
        entry(262, 3, 1); // BlackIsZero
        entry(273, 4, strip); // StripOffsets
        entry(277, 3, 1); // SamplesPerPixel
        entry(278, 4, 8); // RowsPerStrip
        entry(279, 4, 64); // StripByteCounts
        if (resolution)
            entry(282, 5, rational); // XResolution, a RATIONAL stored apart
        u32(out, next);
        out.append(QByteArray(64, char(page == 0 ? 40 : 200)));
        if (resolution) {
            u32(out, 72);
            u32(out, 1);
        }
    }
    return out;
}

} // namespace

void TestFormats::undecodable_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason"); ///< the exact start of the refusal

    // The PNG handler claims the signature; the first "chunk" length is
    // random and points far past the end: the container check refuses it.
    QTest::newRow("png signature + random bytes") << kPngSignature
            + ImageFactory::randomBytes(4000, 11) << QStringLiteral("truncated image (png)");
    // Whole chunks, valid CRCs, but the IDAT is noise: decoding fails.
    {
        QByteArray noise = ImageFactory::randomBytes(3000, 12);
        const QByteArray png = kPngSignature + ImageFactory::pngChunk("IHDR", ihdr(64, 64, 8, 2, 0))
            + ImageFactory::pngChunk("IDAT", noise) + ImageFactory::pngChunk("IEND", {});
        QTest::newRow("png chunks + noise IDAT")
            << png << QStringLiteral("unsupported or corrupt image (png)");
    }
    // SOI and a JFIF APP0, then noise: no marker where one must be.
    QTest::newRow("jpeg header + garbage")
        << QByteArray::fromHex("ffd8ffe000104a46494600010100000100010000")
            + ImageFactory::randomBytes(4000, 13)
        << QStringLiteral("truncated image (jpeg)");

    // Downloads cut short in the modern formats: the container's boxes (or
    // J2K's end marker) say so before any decoder is asked.
    for (const FormatCase &c : formatCases()) {
        const QByteArray tag(c.tag);
        if (!(tag == "avif lossless" || tag == "heic" || tag == "jxl container lossy alpha"
                || tag == "jp2 lossless" || tag == "j2k codestream, 5 resolutions"))
            continue;
        QTest::addRow("%s cut in half", c.tag) << c.bytes.left(
            c.bytes.size() / 2) << QStringLiteral("truncated image (%1)").arg(c.format);
    }
    // A compressed SVG cut short: its gzip member has not ended.
    QTest::newRow("svgz cut in half") << ImageFactory::truncated(ImageFactory::svgz(120, 90, 17),
        0.5) << QStringLiteral("truncated image (svgz)");
    // Past the junk a browser skips, a JPEG is no longer the file's header.
    QTest::newRow("jpeg after 2 KiB of text") << QByteArray(2048, 'a')
            + ImageFactory::encode(ImageFactory::picture(40, 30, 2), "jpeg", 90)
                                              << QStringLiteral("not an image");
    // A BMP without its last rows, whatever its size field says.
    {
        QByteArray bmp = ImageFactory::encode(ImageFactory::picture(120, 90, 17), "bmp");
        bmp.chop(120 * 3 * 10);
        qToLittleEndian<quint32>(quint32(bmp.size()), bmp.data() + 2);
        QTest::newRow("bmp without its last rows, size field matching")
            << bmp << QStringLiteral("truncated image (bmp)");
    }
    // The quirky files kept above, cut short: refused all the same.
    QTest::newRow("jpeg with a broken APP14, cut in half") << jpegWithBrokenApp14(false).left(
        jpegWithBrokenApp14(false).size() / 2) << QStringLiteral("truncated image (jpeg)");
    QTest::newRow("gif with a frame past its screen, cut") << gifFramesPastScreen().left(
        gifFramesPastScreen().size() - 20) << QStringLiteral("truncated image (gif)");
    {
        const QByteArray ico = ImageFactory::ico(64, 48, 17);
        QTest::newRow("ico without its last rows")
            << ico.left(ico.size() - 600) << QStringLiteral("truncated image (ico)");
    }
    // The long tail, cut: ImageMagick runs out of data in the helper.
    QTest::newRow("psd cut in half")
        << LongTailFiles::psd(twoTone(120, 90), false)
               .left(LongTailFiles::psd(twoTone(120, 90), false).size() / 2)
        << QStringLiteral("truncated image (psd)");
    // An uncompressed TGA cut short, without the footer Qt's reader needs:
    // Qt's ICO handler claims it, and it was reported as a corrupt "(ico)".
    QTest::newRow("tga cut in half")
        << ImageFactory::tga(64, 48, 5).left(ImageFactory::tga(64, 48, 5).size() / 2)
        << QStringLiteral("truncated image (tga)");
    // Out of run-length data, ImageMagick's TGA reader says "unable to read
    // image data", not "end of file".
    QTest::newRow("tga 1.0 rle cut in half")
        << LongTailFiles::tgaRle(twoTone(120, 90))
               .left(LongTailFiles::tgaRle(twoTone(120, 90)).size() / 2)
        << QStringLiteral("unsupported or corrupt image (tga): unable to read image data");
    // A PSD whose header claims 29000x29000 holds the rows of 120x90: the
    // flattened image it declares is not in the file, which says so before
    // the helper runs.
    {
        QByteArray bomb = LongTailFiles::psd(twoTone(120, 90), false);
        qToBigEndian<quint32>(29000, bomb.data() + 14);
        qToBigEndian<quint32>(29000, bomb.data() + 18);
        QTest::newRow("psd declaring 29000x29000")
            << bomb << QStringLiteral("truncated image (psd)");
    }
    // The last bytes of a PSD are its flattened image's last rows, the one
    // shown: ImageMagick made do without them.
    for (const bool rle : { false, true }) {
        const QByteArray psd = LongTailFiles::psd(twoTone(120, 90), rle);
        QTest::addRow("psd %s without its last 20 bytes", rle ? "rle" : "raw")
            << psd.left(psd.size() - 20) << QStringLiteral("truncated image (psd)");
    }
    // A scan of two pages cut in the second: Qt reads the first page only.
    QTest::newRow("two-page tiff without the second page's last rows") << twoPageTiff().left(
        twoPageTiff().size() - 10) << QStringLiteral("truncated image (tiff)");
    // Values stored apart from their directory (here the second page's
    // resolution) are part of the file too.
    QTest::newRow("two-page tiff without its last resolution value") << twoPageTiff(true).left(
        twoPageTiff(true).size() - 4) << QStringLiteral("truncated image (tiff)");
    // A bare JPEG XL codestream has no length: libjxl runs out of input.
    for (const FormatCase &c : formatCases()) {
        if (QByteArray(c.tag) == "jxl codestream lossless")
            QTest::addRow("%s cut in half", c.tag) << c.bytes.left(
                c.bytes.size() / 2) << QStringLiteral("unsupported or corrupt image (jxl)");
    }
}

void TestFormats::undecodable()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const auto result = process(bytes);
    QVERIFY(!result.ok());
    qInfo("%s: %s", QTest::currentDataTag(), qPrintable(result.error()));
    QVERIFY2(result.error().startsWith(reason), qPrintable(result.error()));
    QVERIFY(!QFile::exists(path(QStringLiteral("blob.gz"))));
}

// The whole two-page TIFF (and with its resolutions) is no cut file.
void TestFormats::twoPageTiffWholeIsKept()
{
    for (const bool resolution : { false, true }) {
        const auto result = process(twoPageTiff(resolution));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error()));
        QCOMPARE(result->format, QStringLiteral("tiff"));
        QCOMPARE(QSize(result->width, result->height), QSize(8, 8));
    }
}

// --- the modern decoders against files cut anywhere ------------------------------------

void TestFormats::truncatedModern_data()
{
    QTest::addColumn<QByteArray>("bytes");
    // A download can stop at any byte: inside the signature, inside the
    // header boxes, inside the coded data, one byte before the end. Each
    // cut of each container and codestream is refused with one line.
    const QList<QByteArray> tags { "avif lossless", "avif sequence 2 frames", "heic",
        "jxl codestream lossless", "jxl container lossy alpha", "jxl animated", "jp2 lossless",
        "j2k codestream, 5 resolutions" };
    for (const FormatCase &c : formatCases()) {
        if (!tags.contains(QByteArray(c.tag)))
            continue;
        QVERIFY2(!c.bytes.isEmpty(), qPrintable(c.skip));
        const qsizetype n = c.bytes.size();
        for (const qsizetype keep :
            { qsizetype(1), qsizetype(12), qsizetype(40), n / 4, n / 2, 3 * n / 4, n - 8, n - 1 })
            QTest::addRow("%s, %lld of %lld bytes", c.tag, qlonglong(keep), qlonglong(n))
                << c.bytes.left(keep);
    }
}

void TestFormats::truncatedModern()
{
    QFETCH(QByteArray, bytes);
    QElapsedTimer timer;
    timer.start();
    const auto result = process(bytes);
    QVERIFY2(!result.ok(), "a cut-off file was kept");
    const QString reason = result.error();
    QVERIFY2(!reason.contains(QLatin1Char('\n')), qPrintable(reason));
    QVERIFY2(reason.startsWith(QLatin1String("truncated image ("))
            || reason.startsWith(QLatin1String("unsupported or corrupt image ("))
            || reason.startsWith(QLatin1String("not an image (")),
        qPrintable(reason));
    QVERIFY2(timer.elapsed() < trove::test::kLivenessMs, qPrintable(reason));
    QVERIFY(!QFile::exists(path(QStringLiteral("blob.gz"))));
}

// --- the helper process crashes, hangs or babbles --------------------------------------

void TestFormats::helperMisbehaves_data()
{
    QTest::addColumn<QByteArray>("mode"); ///< TROVE_FAKE_DECODE
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("minMs");
    QTest::newRow("crash") << QByteArray("crash")
                           << QStringLiteral("the PSD decoder crashed (signal 6)") << 0;
    QTest::newRow("hang") << QByteArray("hang")
                          << QStringLiteral("the PSD decoder took longer than 1.5 s") << 1500;
    QTest::newRow("garbage") << QByteArray("garbage")
                             << QStringLiteral("the PSD decoder gave a malformed image") << 0;
}

void TestFormats::helperMisbehaves()
{
    QFETCH(QByteArray, mode);
    QFETCH(QString, reason);
    QFETCH(int, minMs);
    const QByteArray bad = LongTailFiles::psd(twoTone(120, 90), false);
    const QByteArray good = ImageFactory::encode(ImageFactory::picture(64, 48, 5), "png");

    // In this process: the processor's thread gets a reason, the process
    // lives on.
    qputenv("TROVE_DECODE_HELPER", TROVE_FAKE_DECODE_BINARY);
    qputenv("TROVE_FAKE_DECODE", mode);
    qputenv("TROVE_DECODE_TIMEOUT_MS", "1500");
    const auto restore = qScopeGuard([] {
        qputenv("TROVE_DECODE_HELPER", TROVE_DECODE_BINARY);
        qunsetenv("TROVE_FAKE_DECODE");
        qunsetenv("TROVE_DECODE_TIMEOUT_MS");
    });
    QElapsedTimer timer;
    timer.start();
    const auto result = process(bad);
    const qint64 ms = timer.elapsed();
    QVERIFY(!result.ok());
    QCOMPARE(result.error(), reason);
    QVERIFY2(ms >= minMs && ms < trove::test::kLivenessMs, qPrintable(QString::number(ms)));
    QVERIFY(!QFile::exists(path(QStringLiteral("blob.gz"))));

    // Through `trove add` (the environment reaches the CLI's helper): one
    // line for the refused file, the next file still added.
    QVERIFY(writeFile(path(QStringLiteral("bad.psd")), bad));
    QVERIFY(writeFile(path(QStringLiteral("good.png")), good));
    QProcess p;
    QProcessEnvironment e = trove::test::cleanTroveEnvironment(m_dir->path());
    e.insert(QStringLiteral("TROVE_DECODE_HELPER"), QStringLiteral(TROVE_FAKE_DECODE_BINARY));
    e.insert(QStringLiteral("TROVE_FAKE_DECODE"), QString::fromLatin1(mode));
    e.insert(QStringLiteral("TROVE_DECODE_TIMEOUT_MS"), QStringLiteral("1500"));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(TROVE_BINARY),
        { QStringLiteral("add"), path(QStringLiteral("bad.psd")), path(QStringLiteral("good.png")),
            QStringLiteral("--library"), path(QStringLiteral("library")) });
    QVERIFY(p.waitForFinished(trove::test::kKillMs));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    const QStringList out
        = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList err
        = QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(err.size(), 1);
    QVERIFY2(
        err[0].contains(QLatin1String("bad.psd")) && err[0].endsWith(reason), qPrintable(err[0]));
    QCOMPARE(out.size(), 1);
    QVERIFY2(out[0].startsWith(QLatin1String("added")), qPrintable(out[0]));
}

// --- the viewer and a thumbnail rebuild read what ingest kept -------------------------

void TestFormats::viewerAndRebuildRead_data()
{
    QTest::addColumn<int>("index");
    const QList<FormatCase> cases = formatCases();
    for (int i = 0; i < cases.size(); ++i) {
        const QByteArray tag(cases[i].tag);
        if (tag == "psd packbits" || tag == "dds dxt1" || tag == "tga 1.0, no footer"
            || tag == "tga 1.0 rle" || tag == "tiff cmyk 16-bit" || tag == "sgi rle"
            || tag == "gif, frame past the logical screen" || tag == "svgz")
            QTest::newRow(tag.constData()) << i;
    }
}

void TestFormats::viewerAndRebuildRead()
{
    // PictureDecoder (the viewer) and thumbnailFromBytes (a lost thumbnail
    // rebuilt from the blob) take the same paths as ingest: the helper for
    // the long tail, the grown screen for the GIF, SvgDocument for svgz.
    QFETCH(int, index);
    const FormatCase c = formatCases().at(index);
    QVERIFY2(!c.bytes.isEmpty(), qPrintable(c.skip));
    const auto picture = PictureDecoder::decode(c.bytes);
    QVERIFY_OK(picture);
    QCOMPARE(picture->frames.size(), 1);
    QCOMPARE(picture->frames.first().size(), c.size);
    const auto thumb = ImageProcessor::thumbnailFromBytes(c.bytes, 256);
    QVERIFY_OK(thumb);
    QCOMPARE(thumb->size(), c.size);
    for (const auto &[point, colour] : c.pixels) {
        QVERIFY2(near(picture->frames.first().pixelColor(point), colour, 24),
            qPrintable(picture->frames.first().pixelColor(point).name()));
        QVERIFY2(near(thumb->pixelColor(point), colour, 24),
            qPrintable(thumb->pixelColor(point).name()));
    }
}

// --- animation: frames in order, as QMovie reads them ---------------------------------

void TestFormats::framesInOrder_data()
{
    QTest::addColumn<int>("index");
    for (const char *tag : { "gif animated", "webp animated", "apng 2 frames",
             "avif sequence 2 frames", "jxl animated" }) {
        const QList<FormatCase> cases = formatCases();
        for (int i = 0; i < cases.size(); ++i)
            if (QByteArray(cases[i].tag) == tag)
                QTest::newRow(tag) << i;
    }
}

void TestFormats::framesInOrder()
{
    QFETCH(int, index);
    const FormatCase c = formatCases().at(index);
    if (c.bytes.isEmpty())
        QSKIP(qPrintable(c.skip));
    QBuffer buffer;
    buffer.setData(c.bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QVERIFY(reader.supportsAnimation());
    QList<QColor> colours;
    QList<int> delays;
    for (QImage frame = reader.read(); !frame.isNull() && colours.size() < 10;
         frame = reader.read()) {
        colours << frame.pixelColor(20, 15);
        delays << reader.nextImageDelay();
    }
    QCOMPARE(colours.size(), 2);
    QVERIFY2(near(colours[0], QColor(220, 30, 30), 24), qPrintable(colours[0].name()));
    QVERIFY2(near(colours[1], QColor(30, 40, 210), 24), qPrintable(colours[1].name()));
    for (int delay : delays)
        QVERIFY2(delay > 0, "a frame without a delay would play at full speed");
}

// --- APNG: composed as browsers play it, or its still when broken -------------------

using PixelChecks = QList<QPair<QPoint, QColor>>;

void TestFormats::apngPlaysAsBrowsersDo_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QList<PixelChecks>>("frames"); ///< per frame, pixels to check
    QTest::addColumn<int>("loops");

    const QColor red(220, 30, 30), blue(30, 40, 210), green(20, 180, 60);
    const QColor clear(0, 0, 0, 0);
    const QSize canvas(20, 20);
    const auto solid = [](int w, int h, const QColor &c) { return ImageFactory::solid(w, h, c); };
    // Left half transparent, right half blue.
    QImage halfBlue(20, 20, QImage::Format_ARGB32);
    halfBlue.fill(Qt::transparent);
    for (int y = 0; y < 20; ++y)
        for (int x = 10; x < 20; ++x)
            halfBlue.setPixelColor(x, y, blue);

    QTest::newRow("a smaller frame at an offset, over the last")
        << apngOf(canvas, { { solid(20, 20, red), {} }, { solid(10, 10, blue), { 10, 10 } } })
        << QList<PixelChecks> { { { { 5, 5 }, red }, { { 15, 15 }, red } },
               { { { 5, 5 }, red }, { { 15, 15 }, blue } } }
        << -1;
    QTest::newRow("dispose background clears the frame's area")
        << apngOf(canvas, { { solid(20, 20, red), {}, 1 }, { solid(10, 10, blue), {} } }, {}, 1)
        << QList<PixelChecks> { { { { 15, 15 }, red } },
               { { { 5, 5 }, blue }, { { 15, 15 }, clear } } }
        << 0;
    QTest::newRow("dispose previous brings back what was under it")
        << apngOf(canvas,
               { { solid(20, 20, red), {} }, { solid(10, 10, blue), { 10, 10 }, 2 },
                   { solid(5, 5, green), {} } },
               {}, 3)
        << QList<PixelChecks> { { { { 15, 15 }, red } }, { { { 15, 15 }, blue } },
               { { { 15, 15 }, red }, { { 2, 2 }, green }, { { 8, 8 }, red } } }
        << 2;
    QTest::newRow("the first frame's previous is the empty canvas")
        << apngOf(canvas, { { solid(20, 20, red), {}, 2 }, { solid(10, 10, blue), {} } })
        << QList<PixelChecks> { { { { 15, 15 }, red } },
               { { { 5, 5 }, blue }, { { 15, 15 }, clear } } }
        << -1;
    QTest::newRow("blend over shows the last frame through")
        << apngOf(canvas, { { solid(20, 20, red), {} }, { halfBlue, {}, 0, 1 } })
        << QList<PixelChecks> { { { { 5, 10 }, red } },
               { { { 5, 10 }, red }, { { 15, 10 }, blue } } }
        << -1;
    QTest::newRow("blend source replaces, transparent included")
        << apngOf(canvas, { { solid(20, 20, red), {} }, { halfBlue, {}, 0, 0 } })
        << QList<PixelChecks> { { { { 5, 10 }, red } },
               { { { 5, 10 }, clear }, { { 15, 10 }, blue } } }
        << -1;
    QTest::newRow("a still that is not part of the animation")
        << apngOf(canvas, { { solid(20, 20, red), {} }, { solid(20, 20, blue), {} } },
               solid(20, 20, green))
        << QList<PixelChecks> { { { { 5, 5 }, red } }, { { { 5, 5 }, blue } } } << -1;
}

void TestFormats::apngPlaysAsBrowsersDo()
{
    QFETCH(QByteArray, file);
    QFETCH(QList<PixelChecks>, frames);
    QFETCH(int, loops);
    QBuffer buffer(&file);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QCOMPARE(reader.format(), QByteArray("png"));
    QVERIFY(reader.supportsAnimation());
    QCOMPARE(reader.imageCount(), frames.size());
    QCOMPARE(reader.size(), QSize(20, 20));
    int index = 0;
    for (QImage frame = reader.read(); !frame.isNull(); frame = reader.read(), ++index) {
        QVERIFY2(index < frames.size(), "more frames than the file has");
        QCOMPARE(frame.size(), QSize(20, 20));
        QCOMPARE(reader.nextImageDelay(), 100);
        for (const auto &[point, colour] : frames[index]) {
            const QColor seen = frame.pixelColor(point);
            QVERIFY2(colour.alpha() == 0 ? seen.alpha() == 0 : near(seen, colour, 4),
                qPrintable(QStringLiteral("frame %1 at (%2,%3) is %4, expected %5")
                               .arg(index)
                               .arg(point.x())
                               .arg(point.y())
                               .arg(seen.name(QColor::HexArgb), colour.name(QColor::HexArgb))));
        }
    }
    QCOMPARE(index, frames.size());
    QCOMPARE(reader.loopCount(), loops);

    // What the viewer plays and ingest badges.
    const auto picture = PictureDecoder::decode(file);
    QVERIFY_OK(picture);
    QCOMPARE(picture->frames.size(), frames.size());
    QCOMPARE(picture->delaysMs, QList<int>(frames.size(), 100));
    const auto processed = process(file);
    QVERIFY_OK(processed);
    QVERIFY(processed->animated);
    QCOMPARE(processed->format, QStringLiteral("png"));
}

void TestFormats::brokenApngIsItsStill_data()
{
    QTest::addColumn<QByteArray>("file");
    const QColor red(220, 30, 30), blue(30, 40, 210);
    const QList<ApngFrame> two { { ImageFactory::solid(20, 20, red), {} },
        { ImageFactory::solid(10, 10, blue), { 10, 10 } } };
    const QByteArray good = apngOf(QSize(20, 20), two);

    QByteArray badCrc = good;
    badCrc[chunkData(badCrc, "fdAT") + 6] = char(badCrc[chunkData(badCrc, "fdAT") + 6] ^ 0x55);
    QTest::newRow("an fdAT whose CRC is wrong") << badCrc;

    QByteArray outOfSequence = apngOf(QSize(20, 20), two);
    // The fdAT's sequence number (2) said to be 7, its CRC made right.
    const qsizetype fdat = chunkData(outOfSequence, "fdAT");
    const quint32 length = qFromBigEndian<quint32>(outOfSequence.constData() + fdat - 8);
    QByteArray body = outOfSequence.mid(fdat, length);
    body[3] = 7;
    outOfSequence.replace(fdat - 8, length + 12, ImageFactory::pngChunk("fdAT", body));
    QTest::newRow("an fdAT out of sequence") << outOfSequence;

    QTest::newRow("a frame past the canvas") << apngOf(QSize(20, 20),
        { { ImageFactory::solid(20, 20, red), {} },
            { ImageFactory::solid(10, 10, blue), { 15, 15 } } });

    QByteArray noData = good;
    const qsizetype fdatChunk = chunkData(noData, "fdAT") - 8;
    noData.remove(fdatChunk, qFromBigEndian<quint32>(noData.constData() + fdatChunk) + 12);
    QTest::newRow("a frame with no data") << noData;
}

void TestFormats::brokenApngIsItsStill()
{
    // As browsers show it: the PNG's own image, still, and no error.
    QFETCH(QByteArray, file);
    QBuffer buffer(&file);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    QCOMPARE(reader.imageCount(), 1);
    QVERIFY(!reader.supportsAnimation());
    const QImage still = reader.read();
    QVERIFY2(!still.isNull(), qPrintable(reader.errorString()));
    QCOMPARE(still.size(), QSize(20, 20));
    QVERIFY(near(still.pixelColor(15, 15), QColor(220, 30, 30), 4));
    QVERIFY(reader.read().isNull());

    const auto processed = process(file);
    QVERIFY_OK(processed);
    QVERIFY(!processed->animated);
    QCOMPARE(QSize(processed->width, processed->height), QSize(20, 20));
}

// --- colour: a phone's Display P3 picture is shown in sRGB ---------------------------

void TestFormats::colourProfileConverted()
{
    // Inside both gamuts, but with numbers that differ between them.
    const QColor p3(200, 110, 60);
    QImage picture = ImageFactory::solid(40, 30, p3);
    picture.setColorSpace(QColorSpace(QColorSpace::DisplayP3));
    const QByteArray png = ImageFactory::encode(picture, "png");
    QVERIFY2(png.contains("iCCP"), "Qt did not embed the profile");

    const QColor expected
        = QColorSpace(QColorSpace::DisplayP3).transformationToColorSpace(QColorSpace::SRgb).map(p3);
    QVERIFY2(!near(expected, p3, 12), "the test colour must change between the gamuts");

    const auto result = process(png);
    QVERIFY_OK(result);
    const QImage thumb = QImage::fromData(result->thumbnail);
    const QColor seen = thumb.pixelColor(20, 15);
    QVERIFY2(near(seen, expected, 6),
        qPrintable(QStringLiteral("thumbnail shows %1, sRGB of the P3 colour is %2, raw %3")
                       .arg(seen.name(), expected.name(), p3.name())));
    // The original bytes are untouched.
    QCOMPARE(*GzipCodec::readAll(result->tempBlobPath), png);
}

// --- the CLI's contract: one line per item, codec chatter elsewhere ----------------

void TestFormats::troveAddOneLinePerItem()
{
    const QString folder = path(QStringLiteral("mixed"));
    QVERIFY(QDir().mkpath(folder));
    // name -> (bytes, refused?)
    QMap<QString, QPair<QByteArray, bool>> files;
    // libjpeg warns "extraneous bytes before marker" and still decodes.
    QByteArray junkyJpeg = ImageFactory::encode(ImageFactory::picture(64, 48, 3), "jpeg", 90);
    junkyJpeg.insert(junkyJpeg.size() - 2, QByteArray(16, '\x55'));
    files[QStringLiteral("junky.jpg")] = { junkyJpeg, false };
    // libpng warns about an ancillary chunk with a wrong CRC and goes on.
    QByteArray badCrcPng = ImageFactory::encode(ImageFactory::picture(64, 48, 4), "png");
    QByteArray text = ImageFactory::pngChunk("tEXt", QByteArray("Comment\0hello", 13));
    text[text.size() - 1] = char(text[text.size() - 1] ^ 0x5a);
    badCrcPng.insert(33, text); // after the IHDR
    files[QStringLiteral("badcrc.png")] = { badCrcPng, false };
    // libpng's errors (a critical chunk's CRC, too little image data) it
    // prints itself, by default to stderr.
    {
        QByteArray png = ImageFactory::encode(ImageFactory::picture(64, 48, 6), "png");
        const qsizetype idat = png.indexOf("IDAT");
        const quint32 length = qFromBigEndian<quint32>(png.constData() + idat - 4);
        png[idat + 4 + length] = char(png[idat + 4 + length] ^ 0xFF);
        files[QStringLiteral("idat-crc.png")] = { png, true };
        const QImage picture = ImageFactory::picture(64, 48, 7);
        const QByteArray rows = rgbScanlines(picture);
        files[QStringLiteral("short-data.png")]
            = { kPngSignature + ImageFactory::pngChunk("IHDR", ihdr(64, 48, 8, 2, 0))
                      + ImageFactory::pngChunk("IDAT", zlibStream(rows.left(rows.size() / 2)))
                      + ImageFactory::pngChunk("IEND", {}),
                  true };
    }
    files[QStringLiteral("plain.png")]
        = { ImageFactory::encode(ImageFactory::picture(64, 48, 5), "png"), false };
    files[QStringLiteral("notes.txt")] = { "not a picture\n", true };
    files[QStringLiteral("app14.jpg")] = { jpegWithBrokenApp14(false), false };
    files[QStringLiteral("wide.gif")] = { gifFramesPastScreen(), false };
    files[QStringLiteral("icon.ico")] = { ImageFactory::ico(64, 48, 17), false };
    files[QStringLiteral("icon-cut.ico")] = { ImageFactory::ico(64, 48, 17).left(2000), true };
    files[QStringLiteral("layers.psd")] = { LongTailFiles::psd(twoTone(60, 40), true), false };
    files[QStringLiteral("layers-cut.psd")]
        = { LongTailFiles::psd(twoTone(60, 40), true).left(300), true };
    files[QStringLiteral("old.tga")] = { LongTailFiles::tgaRle(twoTone(60, 40)), false };
    for (const FormatCase &c : formatCases()) {
        const QByteArray tag(c.tag);
        // A bare JPEG XL codestream, cut, gets as far as libjxl, which
        // prints its own complaint.
        if (tag == "heic" || tag == "avif lossless" || tag == "jxl container lossy alpha"
            || tag == "jxl codestream lossless" || tag == "jp2 lossless"
            || tag == "tiff cmyk 16-bit") {
            QVERIFY2(!c.bytes.isEmpty(), qPrintable(c.skip));
            const QString base
                = QString::fromLatin1(tag).replace(QLatin1Char(' '), QLatin1Char('-'));
            files[base + QLatin1Char('.') + c.format] = { c.bytes, false };
            files[base + QStringLiteral("-cut.") + c.format]
                = { c.bytes.left(c.bytes.size() / 2), true };
        }
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        QVERIFY(writeFile(folder + QLatin1Char('/') + it.key(), it.value().first));

    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.remove(QStringLiteral("TROVE_LIBRARY"));
    e.remove(QStringLiteral("QT_LOGGING_RULES"));
    e.remove(QStringLiteral("TROVE_DECODE_HELPER"));
    e.insert(QStringLiteral("HOME"), m_dir->path());
    e.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("xdg-data")));
    p.setProcessEnvironment(e);
    QStringList args { QStringLiteral("add"), QStringLiteral("--library"),
        path(QStringLiteral("library")) };
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        args << folder + QLatin1Char('/') + it.key();
    p.start(QStringLiteral(TROVE_BINARY), args);
    QVERIFY(p.waitForFinished(trove::test::kKillMs));
    const QStringList out
        = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList err
        = QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : err)
        qInfo("%s", qPrintable(line));
    QCOMPARE(out.size() + err.size(), files.size());
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QString tail = QLatin1Char('/') + it.key() + QLatin1Char(':');
        const QStringList &lines = it.value().second ? err : out;
        const QString prefix
            = it.value().second ? QStringLiteral("failed  ") : QStringLiteral("added");
        const auto mine = std::count_if(lines.cbegin(), lines.cend(), [&](const QString &line) {
            return line.startsWith(prefix)
                && (line.contains(tail) || line.endsWith(QLatin1Char('/') + it.key()));
        });
        QVERIFY2(mine == 1,
            qPrintable(it.key() + QStringLiteral(": ") + (err + out).join(QLatin1Char('\n'))));
    }
}

QTEST_MAIN(TestFormats)
#include "tst_formats.moc"

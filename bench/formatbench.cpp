// SPDX-License-Identifier: MIT
// bench/formats: decode and thumbnail time per format for one photo-like
// 12-megapixel picture (4000x3000), encoded by Debian's own encoders:
// JPEG (Qt, q90, the reference), AVIF (avifenc), HEIC (heif-enc), JPEG XL
// (cjxl) and JPEG 2000 (opj_compress); and the long tail that the
// trove-decode helper process reads (ImageMagick, sandboxed): PSD and DDS
// written here, TGA (uncompressed), SGI (RLE), PCX and 16-bit and CMYK TIFF by
// GraphicsMagick's gm. Plus the helper's fixed cost: a 1x1 TGA through
// it. For each: file size, the median of
// five full decodes through QImageReader (what the viewer does) and of five
// thumbnails through ImageProcessor::thumbnailFromBytes (what ingest does,
// with scaled decoding where the codec offers it). One JSON line.
//   trove-format-bench --work DIR [--runs N]
#include "benchsupport.h"
#include "ingest/imageprocessor.h"
#include "longtailfiles.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>

using trove::bench::median;

namespace {

// Smooth gradients, shapes and fine noise: a photo's statistics, roughly,
// so no encoder gets a flat image for free.
QImage photoLike(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient sky(0, 0, 0, height);
    sky.setColorAt(0, QColor(70, 120, 200));
    sky.setColorAt(0.6, QColor(200, 210, 230));
    sky.setColorAt(1, QColor(60, 90, 40));
    p.fillRect(image.rect(), sky);
    QRandomGenerator rng(12);
    p.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 400; ++i) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor::fromHsv(
            rng.bounded(360), 80 + rng.bounded(150), 60 + rng.bounded(190), 90 + rng.bounded(160)));
        const int r = 10 + rng.bounded(width / 10);
        p.drawEllipse(QPoint(rng.bounded(width), rng.bounded(height)), r, r * 2 / 3);
    }
    p.end();
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int n = int(rng.bounded(17)) - 8;
            const QRgb c = line[x];
            line[x] = qRgb(std::clamp(qRed(c) + n, 0, 255), std::clamp(qGreen(c) + n, 0, 255),
                std::clamp(qBlue(c) + n, 0, 255));
        }
    }
    return image;
}

bool run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(600'000) && p.exitStatus() == QProcess::NormalExit
        && p.exitCode() == 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("work"), QStringLiteral("Scratch folder."),
        QStringLiteral("dir"), QDir::tempPath() + QStringLiteral("/trove-format-bench") });
    parser.addOption(
        { QStringLiteral("runs"), QStringLiteral("Runs per figure."), QStringLiteral("n"), "5" });
    parser.process(app);
    const QDir work(parser.value(QStringLiteral("work")));
    QDir().mkpath(work.path());
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    const QString png = work.filePath(QStringLiteral("photo.png"));
    const QImage photo = photoLike(4000, 3000);
    photo.save(png);
    photo.save(work.filePath(QStringLiteral("photo.jpg")), "jpeg", 90);
    auto save = [&](const QString &name, const QByteArray &bytes) {
        QFile f(work.filePath(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    };
    save(QStringLiteral("photo.psd"), trove::test::LongTailFiles::psd(photo, false));
    save(QStringLiteral("photo.dds"), trove::test::LongTailFiles::dds(photo, false));
    // 1x1 uncompressed TGA 1.0: what the helper process costs by itself.
    save(QStringLiteral("pixel.tga"),
        QByteArray::fromHex("000002000000000000000000010001001800000000ff"));
    const QString gm = QStringLiteral("gm");
    auto gmArgs = [&](const QStringList &options, const QString &out) {
        return QStringList { QStringLiteral("convert"), png } + options
            + QStringList { work.filePath(out) };
    };

    struct Encoded {
        const char *format;
        QString file;
        QString program;
        QStringList args;
    };
    const QList<Encoded> encoded {
        { "jpeg", work.filePath(QStringLiteral("photo.jpg")), {}, {} },
        { "avif", work.filePath(QStringLiteral("photo.avif")), QStringLiteral("avifenc"),
            { QStringLiteral("-s"), QStringLiteral("8"), QStringLiteral("-j"), QStringLiteral("2"),
                png, work.filePath(QStringLiteral("photo.avif")) } },
        { "heic", work.filePath(QStringLiteral("photo.heic")), QStringLiteral("heif-enc"),
            { QStringLiteral("-q"), QStringLiteral("80"), png, QStringLiteral("-o"),
                work.filePath(QStringLiteral("photo.heic")) } },
        { "jxl", work.filePath(QStringLiteral("photo.jxl")), QStringLiteral("cjxl"),
            { png, work.filePath(QStringLiteral("photo.jxl")), QStringLiteral("-d"),
                QStringLiteral("1"), QStringLiteral("-e"), QStringLiteral("3") } },
        { "jp2", work.filePath(QStringLiteral("photo.jp2")), QStringLiteral("opj_compress"),
            { QStringLiteral("-i"), png, QStringLiteral("-o"),
                work.filePath(QStringLiteral("photo.jp2")), QStringLiteral("-r"),
                QStringLiteral("20") } },
        { "psd", work.filePath(QStringLiteral("photo.psd")), {}, {} },
        { "dds", work.filePath(QStringLiteral("photo.dds")), {}, {} },
        { "tga", work.filePath(QStringLiteral("photo.tga")), gm,
            gmArgs({ QStringLiteral("-compress"), QStringLiteral("RLE") },
                QStringLiteral("photo.tga")) },
        { "sgi", work.filePath(QStringLiteral("photo.sgi")), gm,
            gmArgs({}, QStringLiteral("photo.sgi")) },
        { "pcx", work.filePath(QStringLiteral("photo.pcx")), gm,
            gmArgs({}, QStringLiteral("photo.pcx")) },
        { "tiff-16", work.filePath(QStringLiteral("photo16.tif")), gm,
            gmArgs({ QStringLiteral("-depth"), QStringLiteral("16") },
                QStringLiteral("photo16.tif")) },
        { "tiff-cmyk", work.filePath(QStringLiteral("photocmyk.tif")), gm,
            gmArgs({ QStringLiteral("-colorspace"), QStringLiteral("CMYK") },
                QStringLiteral("photocmyk.tif")) },
        { "helper-1x1-tga", work.filePath(QStringLiteral("pixel.tga")), {}, {} },
    };

    QJsonArray rows;
    for (const Encoded &e : encoded) {
        QJsonObject row { { QStringLiteral("format"), QLatin1String(e.format) } };
        if (!e.program.isEmpty() && !run(e.program, e.args)) {
            row.insert(QStringLiteral("error"), QStringLiteral("%1 failed").arg(e.program));
            rows.append(row);
            continue;
        }
        QFile f(e.file);
        if (!f.open(QIODevice::ReadOnly)) {
            row.insert(QStringLiteral("error"), f.errorString());
            rows.append(row);
            continue;
        }
        const QByteArray bytes = f.readAll();
        QList<double> decode, thumb;
        QSize size;
        for (int i = 0; i < runs; ++i) {
            QBuffer buffer;
            buffer.setData(bytes);
            buffer.open(QIODevice::ReadOnly);
            QImageReader reader(&buffer);
            reader.setAllocationLimit(1024);
            QElapsedTimer t;
            t.start();
            QImage image = reader.read();
            if (image.isNull()) {
                // The long tail Qt refuses goes to the helper, as in the viewer.
                buffer.seek(0);
                QSize full;
                if (auto viaHelper = trove::ImageProcessor::decodeInHelper(&buffer,
                        trove::ImageProcessor::longTailFormat(&buffer), 0, trove::ImageLimits(),
                        &full))
                    image = *viaHelper;
            }
            decode << t.nsecsElapsed() / 1e6;
            size = image.size();
            t.restart();
            const auto small = trove::ImageProcessor::thumbnailFromBytes(bytes, 256);
            thumb << t.nsecsElapsed() / 1e6;
            if (!small)
                row.insert(QStringLiteral("error"), small.error());
        }
        row.insert(QStringLiteral("bytes"), bytes.size());
        row.insert(QStringLiteral("width"), size.width());
        row.insert(QStringLiteral("height"), size.height());
        row.insert(QStringLiteral("decode_ms"), qRound(median(decode, 0) * 10) / 10.0);
        row.insert(QStringLiteral("thumbnail_ms"), qRound(median(thumb, 0) * 10) / 10.0);
        rows.append(row);
    }
    const QJsonObject out { { QStringLiteral("bench"), QStringLiteral("formats") },
        { QStringLiteral("megapixels"), 12 }, { QStringLiteral("runs"), runs },
        { QStringLiteral("formats"), rows } };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    return 0;
}

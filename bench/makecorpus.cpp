// SPDX-License-Identifier: MIT
// Writes a deterministic benchmark corpus: photo-like JPEGs (1920x1080 and
// 4000x3000), large PNGs, WebPs and uncompressed BMPs. The same seed gives
// the same bytes on every machine with the same Qt, so runs compare.
#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentMap>
#include <cstdio>

namespace {

struct Spec {
    QString file;
    QByteArray format;
    QSize size;
    int quality;
    quint32 seed;
};

// Gradients, translucent shapes and sensor-like noise: compresses like a
// photograph, unlike flat synthetic fills that every codec crushes.
QImage photo(QSize size, quint32 seed)
{
    QImage image(size, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        QLinearGradient g(0, 0, size.width(), size.height());
        g.setColorAt(0, QColor::fromHsv(int(seed * 37 % 360), 120, 210));
        g.setColorAt(1, QColor::fromHsv(int(seed * 91 % 360), 200, 70));
        p.fillRect(image.rect(), g);
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 250; ++i) {
            p.setBrush(QColor::fromHsv(
                random.bounded(360), random.bounded(256), random.bounded(256), 110));
            p.drawEllipse(QPointF(random.bounded(size.width()), random.bounded(size.height())),
                random.bounded(size.width() / 5) + 4, random.bounded(size.height() / 5) + 4);
        }
    }
    for (int y = 0; y < size.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < size.width(); ++x) {
            const int n = int(random.bounded(13)) - 6;
            const QRgb c = line[x];
            line[x] = qRgb(qBound(0, qRed(c) + n, 255), qBound(0, qGreen(c) + n, 255),
                qBound(0, qBlue(c) + n, 255));
        }
    }
    return image;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Writes Trove's benchmark corpus."));
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("out"), QStringLiteral("Output folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("scale"), QStringLiteral("Multiply every count (default 1)."),
        QStringLiteral("N"), QStringLiteral("1") });
    parser.process(app);
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty() || !QDir().mkpath(out)) {
        std::fprintf(stderr, "make-corpus: --out DIR is required\n");
        return 2;
    }
    const int scale = std::max(1, parser.value(QStringLiteral("scale")).toInt());

    // (format, size, quality, count): ~200 images, ~350 MB at scale 1.
    const struct {
        const char *format;
        const char *ext;
        QSize size;
        int quality;
        int count;
    } mix[] = {
        { "jpeg", "jpg", { 1920, 1080 }, 90, 90 },
        { "jpeg", "jpg", { 4000, 3000 }, 88, 30 },
        { "png", "png", { 1920, 1080 }, -1, 30 },
        { "webp", "webp", { 1920, 1080 }, 85, 35 },
        { "bmp", "bmp", { 1920, 1080 }, -1, 15 },
    };
    QList<Spec> specs;
    quint32 seed = 1;
    for (const auto &m : mix) {
        for (int i = 0; i < m.count * scale; ++i, ++seed)
            specs.append({ QStringLiteral("%1/img%2.%3")
                               .arg(out)
                               .arg(seed, 4, 10, QLatin1Char('0'))
                               .arg(QLatin1String(m.ext)),
                m.format, m.size, m.quality, seed });
    }
    QtConcurrent::blockingMap(specs, [](const Spec &s) {
        if (QFile::exists(s.file))
            return;
        QImageWriter writer(s.file + QStringLiteral(".part"), s.format);
        if (s.quality >= 0)
            writer.setQuality(s.quality);
        if (!writer.write(photo(s.size, s.seed)))
            std::fprintf(stderr, "make-corpus: %s: %s\n", qPrintable(s.file),
                qPrintable(writer.errorString()));
        else
            QFile::rename(s.file + QStringLiteral(".part"), s.file);
    });

    QJsonArray files;
    qint64 total = 0;
    for (const Spec &s : specs) {
        const qint64 size = QFileInfo(s.file).size();
        total += size;
        files.append(QJsonObject { { QStringLiteral("file"), QFileInfo(s.file).fileName() },
            { QStringLiteral("format"), QString::fromLatin1(s.format) },
            { QStringLiteral("bytes"), size } });
    }
    const QJsonObject summary { { QStringLiteral("images"), qint64(specs.size()) },
        { QStringLiteral("bytes"), total }, { QStringLiteral("files"), files } };
    QFile manifest(out + QStringLiteral("/corpus.json"));
    manifest.open(QIODevice::WriteOnly);
    manifest.write(QJsonDocument(summary).toJson());
    std::printf("%s\n",
        QJsonDocument(QJsonObject { { QStringLiteral("images"), qint64(specs.size()) },
                          { QStringLiteral("bytes"), total }, { QStringLiteral("dir"), out } })
            .toJson(QJsonDocument::Compact)
            .constData());
    return 0;
}

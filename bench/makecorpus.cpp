// SPDX-License-Identifier: MIT
// Writes a deterministic benchmark corpus: photo-like JPEGs (1920x1080 and
// 4000x3000), large PNGs, WebPs and uncompressed BMPs. The same seed gives
// the same bytes on every machine with the same Qt, so runs compare.
// With --tiny N it writes N tiny distinct images instead (bench/bulk: the
// queue and the catalog under many items, not the codecs).
#include <QBuffer>
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
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <atomic>
#include <cstdio>
#include <numeric>

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

// A 24x24 gradient with noise, both drawn from (seed, index): no two files
// share their pixels, and the index is also written as a text chunk
// (PNG tEXt, JPEG comment) so that no two share their bytes either.
QImage tinyImage(quint32 seed, int index)
{
    QRandomGenerator random((seed * 2654435761u) ^ (quint32(index) * 40503u + quint32(index)));
    QImage image(24, 24, QImage::Format_RGB32);
    const QColor a = QColor::fromHsv(random.bounded(360), 150, 220);
    const QColor b = QColor::fromHsv(random.bounded(360), 200, 60);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int t = (x + y) * 255 / 46;
            const int n = int(random.bounded(17)) - 8;
            auto mix
                = [&](int u, int v) { return qBound(0, (u * (255 - t) + v * t) / 255 + n, 255); };
            line[x]
                = qRgb(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
        }
    }
    image.setText(
        QStringLiteral("Comment"), QStringLiteral("trove bulk %1/%2").arg(seed).arg(index));
    return image;
}

// --tiny N: N files in OUT/images (b0000001.png, one in five .jpg), then
// OUT/corpus.json last, so that a folder with the manifest is complete.
int writeTiny(const QString &out, int count, quint32 seed)
{
    const QString dir = out + QStringLiteral("/images");
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "make-corpus: cannot create %s\n", qPrintable(dir));
        return 1;
    }
    QList<int> indexes(count);
    std::iota(indexes.begin(), indexes.end(), 1);
    const auto fileOf = [&](int i) {
        return QStringLiteral("%1/b%2.%3")
            .arg(dir)
            .arg(i, 7, 10, QLatin1Char('0'))
            .arg(i % 5 == 0 ? QLatin1String("jpg") : QLatin1String("png"));
    };
    // Encoding is quick; creating 100,000 files waits on the file system
    // more than on the CPU, so more threads than cores.
    QThreadPool::globalInstance()->setMaxThreadCount(4 * QThread::idealThreadCount());
    std::atomic<int> failed { 0 };
    std::atomic<qint64> total { 0 };
    QtConcurrent::blockingMap(indexes, [&](int i) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, i % 5 == 0 ? "jpeg" : "png");
        if (i % 5 == 0)
            writer.setQuality(85);
        QFile file(fileOf(i));
        if (!writer.write(tinyImage(seed, i)) || !file.open(QIODevice::WriteOnly)
            || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "make-corpus: %s: %s %s\n", qPrintable(fileOf(i)),
                qPrintable(writer.errorString()), qPrintable(file.errorString()));
            ++failed;
        }
        total += bytes.size();
    });
    if (failed > 0)
        return 1;
    const QJsonObject summary { { QStringLiteral("images"), qint64(count) },
        { QStringLiteral("bytes"), total.load() }, { QStringLiteral("seed"), qint64(seed) },
        { QStringLiteral("dir"), dir } };
    QFile manifest(out + QStringLiteral("/corpus.json"));
    if (!manifest.open(QIODevice::WriteOnly))
        return 1;
    manifest.write(QJsonDocument(summary).toJson());
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    return 0;
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
    parser.addOption({ QStringLiteral("tiny"),
        QStringLiteral("Write N tiny distinct images (24x24 PNG, one in five JPEG) instead."),
        QStringLiteral("N") });
    parser.addOption({ QStringLiteral("seed"), QStringLiteral("Seed of the images (default 1)."),
        QStringLiteral("S"), QStringLiteral("1") });
    parser.addOption({ QStringLiteral("mix"),
        QStringLiteral("camera (default: 1080p and 12 MP JPEGs, large PNG, WebP, BMP) or phone "
                       "(portrait 12 MP JPEGs, tall PNG screenshots, small JPEGs, WebP, BMP)."),
        QStringLiteral("NAME"), QStringLiteral("camera") });
    parser.process(app);
    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty() || !QDir().mkpath(out)) {
        std::fprintf(stderr, "make-corpus: --out DIR is required\n");
        return 2;
    }
    if (parser.isSet(QStringLiteral("tiny"))) {
        bool ok = false;
        const int count = parser.value(QStringLiteral("tiny")).toInt(&ok);
        if (!ok || count < 1) {
            std::fprintf(stderr, "make-corpus: --tiny takes a positive count\n");
            return 2;
        }
        return writeTiny(out, count, parser.value(QStringLiteral("seed")).toUInt());
    }
    const int scale = std::max(1, parser.value(QStringLiteral("scale")).toInt());

    struct Part {
        const char *format;
        const char *ext;
        QSize size;
        int quality;
        int count;
    };
    // (format, size, quality, count): ~200 images, ~350 MB at scale 1.
    static const Part camera[] = {
        { "jpeg", "jpg", { 1920, 1080 }, 90, 90 },
        { "jpeg", "jpg", { 4000, 3000 }, 88, 30 },
        { "png", "png", { 1920, 1080 }, -1, 30 },
        { "webp", "webp", { 1920, 1080 }, 85, 35 },
        { "bmp", "bmp", { 1920, 1080 }, -1, 15 },
    };
    // What a phone's camera roll and chat downloads look like: portrait
    // photos, tall screenshots, many small recompressed JPEGs. ~250 images.
    static const Part phone[] = {
        { "jpeg", "jpg", { 3024, 4032 }, 92, 35 },
        { "jpeg", "jpg", { 4032, 3024 }, 80, 15 },
        { "png", "png", { 1170, 2532 }, -1, 40 },
        { "jpeg", "jpg", { 640, 480 }, 70, 110 },
        { "webp", "webp", { 1024, 768 }, 75, 40 },
        { "bmp", "bmp", { 800, 600 }, -1, 10 },
    };
    const QString mixName = parser.value(QStringLiteral("mix"));
    if (mixName != QLatin1String("camera") && mixName != QLatin1String("phone")) {
        std::fprintf(stderr, "make-corpus: --mix is camera or phone\n");
        return 2;
    }
    const bool phoneMix = mixName == QLatin1String("phone");
    const auto mix = phoneMix ? QList<Part>(std::begin(phone), std::end(phone))
                              : QList<Part>(std::begin(camera), std::end(camera));
    QList<Spec> specs;
    // Seed 1 gives the files of earlier runs; another seed other pixels.
    const quint32 seedBase = parser.value(QStringLiteral("seed")).toUInt();
    quint32 seed = 1 + (seedBase > 1 ? (seedBase - 1) * 100000 : 0);
    for (const auto &m : mix) {
        for (int i = 0; i < m.count * scale; ++i, ++seed)
            specs.append({ QStringLiteral("%1/img%2.%3")
                               .arg(out)
                               .arg(seed, phoneMix || seedBase > 1 ? 7 : 4, 10, QLatin1Char('0'))
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

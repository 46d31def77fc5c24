// SPDX-License-Identifier: MIT
// Writes a valid Trove library of N images fast, for the scale benchmark.
//
// Every image is real and distinct: a 64x48 PPM picture (one of 256 hued
// gradients, plus a row of pixels that encodes its index, so no two share a
// SHA-256), stored as a gzip member under blobs/, with a row in the catalog
// (name, 1-3 tags, a source URL, dimensions, sizes, hash, time) and a JPEG
// thumbnail. Thumbnails are shared per gradient (their bytes repeat; the code
// row is too small to show), which keeps thumbs.sqlite small. The schema is
// made by trove_core's own migrations, so `trove verify` passes.
//
// With --catalog-only it writes the catalog alone (no blob files, no
// thumbnails: minutes less at a million), for benchmarks of the SQL such
// as bench/search; such a library does not pass `trove verify`.
//
//   trove-make-library --images N --library DIR [--catalog-only]
#include "base/naturalkey.h"
#include "base/sha256.h"
#include "base/tagkey.h"
#include "storage/database.h"
#include "storage/librarypaths.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLinearGradient>
#include <QPainter>
#include <QSqlQuery>
#include <QUuid>
#include <QtConcurrent/QtConcurrentMap>
#include <cstdio>
#include <zlib.h>

using namespace trove;

namespace {

constexpr int kWidth = 64;
constexpr int kHeight = 48;
constexpr int kVariants = 256;

const char *const kAdjectives[] = { "amber", "azure", "brisk", "calm", "dusky", "eager", "faint",
    "gentle", "hazy", "icy", "jolly", "keen", "lively", "misty", "noble", "olive", "proud", "quiet",
    "rosy", "silent", "tawny", "umber", "vivid", "warm", "young", "zesty" };
const char *const kNouns[] = { "harbor", "meadow", "canyon", "river", "forest", "summit", "valley",
    "glacier", "desert", "island", "lagoon", "prairie", "ridge", "delta", "fjord", "tundra",
    "marsh", "grove", "cliff", "dune" };

struct Blob {
    QString sha;
    qint64 stored = 0;
};

QImage variantPicture(int v)
{
    QImage image(kWidth, kHeight, QImage::Format_RGB888);
    QPainter p(&image);
    QLinearGradient g(0, 0, kWidth, kHeight);
    g.setColorAt(0, QColor::fromHsv(v * 360 / kVariants, 140, 230));
    g.setColorAt(1, QColor::fromHsv((v * 360 / kVariants + 120) % 360, 220, 90));
    p.fillRect(image.rect(), g);
    p.setBrush(QColor::fromHsv((v * 7) % 360, 90, 250, 160));
    p.setPen(Qt::NoPen);
    p.drawEllipse(QPoint(16 + v % 32, 24), 12, 12);
    return image;
}

QByteArray ppm(const QImage &picture, quint32 index)
{
    QByteArray out = QByteArrayLiteral("P6\n64 48\n255\n");
    const qsizetype header = out.size();
    out.resize(header + kWidth * kHeight * 3);
    for (int y = 0; y < kHeight; ++y)
        memcpy(out.data() + header + y * kWidth * 3, picture.constScanLine(y), kWidth * 3);
    // The index, one bit per pixel of the last row: every image is distinct.
    uchar *last = reinterpret_cast<uchar *>(out.data()) + header + (kHeight - 1) * kWidth * 3;
    for (int bit = 0; bit < 32; ++bit)
        last[bit * 3] = (index >> bit) & 1 ? 255 : 0;
    return out;
}

QByteArray gzipMember(const QByteArray &data, const QByteArray &name)
{
    z_stream z {};
    deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    gz_header header {};
    QByteArray fname = name;
    header.name = reinterpret_cast<Bytef *>(fname.data());
    header.os = 3;
    deflateSetHeader(&z, &header);
    QByteArray out(
        int(deflateBound(&z, uLong(data.size()))) + 64 + int(name.size()), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    deflate(&z, Z_FINISH);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

QString nameOf(quint32 i)
{
    return QStringLiteral("%1-%2-%3")
        .arg(QLatin1String(kAdjectives[(i * 7919u) % std::size(kAdjectives)]),
            QLatin1String(kNouns[(i * 104729u / 3) % std::size(kNouns)]))
        .arg(i, 7, 10, QLatin1Char('0'));
}

// 300 tags with a skewed spread: tag-000 is on ~1/3 of the images, the tail
// on a few hundredths of a percent.
QStringList tagsOf(quint32 i)
{
    QStringList tags;
    const quint32 h = i * 2654435761u;
    const int count = 1 + int(h % 3);
    for (int k = 0; k < count; ++k) {
        const quint32 r = (h >> (8 * k)) ^ (i * (k + 1) * 40503u);
        const double u = double(r % 100000) / 100000.0;
        const int tag = int(300 * u * u * u);
        const QString t = QStringLiteral("tag-%1").arg(tag, 3, 10, QLatin1Char('0'));
        if (!tags.contains(t))
            tags.append(t);
    }
    return tags;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // QPainter on QImage and the JPEG writer
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("images"), QStringLiteral("How many images."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("library"),
        QStringLiteral("The library folder (new or empty)."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("catalog-only"),
        QStringLiteral("Write the catalog only: no blobs, no thumbnails.") });
    parser.process(app);
    const bool catalogOnly = parser.isSet(QStringLiteral("catalog-only"));
    const qint64 count = parser.value(QStringLiteral("images")).toLongLong();
    const QString root = parser.value(QStringLiteral("library"));
    if (count <= 0 || count > 50'000'000 || root.isEmpty()) {
        fprintf(stderr, "usage: trove-make-library --images N --library DIR\n");
        return 2;
    }
    if (QDir(root).exists() && !QDir(root).isEmpty()) {
        fprintf(stderr, "%s is not empty\n", qPrintable(root));
        return 2;
    }

    QElapsedTimer clock;
    clock.start();
    const LibraryPaths paths(root);
    Connection catalog;
    Connection thumbs;
    if (auto r = catalog.open(paths, Connection::Kind::Catalog); !r) {
        fprintf(stderr, "%s\n", qPrintable(r.error()));
        return 1;
    }
    if (auto r = thumbs.open(paths, Connection::Kind::Thumbs); !r) {
        fprintf(stderr, "%s\n", qPrintable(r.error()));
        return 1;
    }
    // A generator: if it dies, the folder is thrown away.
    (void)catalog.exec(QStringLiteral("PRAGMA synchronous=OFF"));
    (void)thumbs.exec(QStringLiteral("PRAGMA synchronous=OFF"));
    (void)catalog.exec(QStringLiteral("PRAGMA cache_size=-200000"));
    // The search index and the change feed are kept by triggers that cost
    // more than the rows themselves (the index's row of an image is
    // rewritten for each tag and source): set them aside, and build the
    // index in one pass at the end, as the migration that added it does.
    QStringList triggers;
    {
        QSqlQuery q = catalog.query(QStringLiteral(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
            "(name LIKE 'image\\_text\\_%' ESCAPE '\\' OR name LIKE 'changes\\_%' ESCAPE '\\')"));
        (void)q.exec();
        QStringList names;
        while (q.next()) {
            names << q.value(0).toString();
            triggers << q.value(1).toString();
        }
        q.finish();
        for (const QString &name : std::as_const(names))
            (void)catalog.exec(QStringLiteral("DROP TRIGGER %1").arg(name));
    }
    for (int i = 0; i < 256; ++i)
        QDir().mkpath(
            QStringLiteral("%1/%2").arg(paths.blobsDir()).arg(i, 2, 16, QLatin1Char('0')));

    std::vector<QImage> pictures;
    std::vector<QByteArray> thumbnails;
    for (int v = 0; v < kVariants; ++v) {
        pictures.push_back(variantPicture(v));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        pictures.back().save(&buffer, "JPEG", 80);
        thumbnails.push_back(jpeg);
    }

    QSqlQuery image = catalog.query(QStringLiteral(
        "INSERT INTO images(id, uuid, name, sha256, format, width, height, original_bytes, "
        "stored_bytes, added_at, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery tag = catalog.query(
        QStringLiteral("INSERT INTO tags(image_id, tag, tag_key) VALUES (?, ?, ?)"));
    QSqlQuery source = catalog.query(
        QStringLiteral("INSERT INTO sources(image_id, url, host, added_at) VALUES (?, ?, ?, ?)"));
    QSqlQuery thumb = thumbs.query(
        QStringLiteral("INSERT INTO thumbs(image_id, width, height, data) VALUES (?, ?, ?, ?)"));
    const QUuid ns = QUuid::fromString(QStringLiteral("{6d1c3f0e-5a57-4c2e-9d57-3c0b8f8f2a10}"));
    const qint64 start = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 originalBytes = 13 + kWidth * kHeight * 3;

    constexpr qint64 kChunk = 20'000;
    qint64 stored = 0;
    for (qint64 first = 0; first < count; first += kChunk) {
        const qint64 n = std::min(kChunk, count - first);
        std::vector<quint32> indexes(static_cast<size_t>(n));
        for (qint64 k = 0; k < n; ++k)
            indexes[size_t(k)] = quint32(first + k);
        // Pictures, hashes and blob files on every core.
        const std::vector<Blob> blobs
            = QtConcurrent::blockingMapped<std::vector<Blob>>(indexes, [&](quint32 i) {
                  const QByteArray original = ppm(pictures[i % kVariants], i);
                  Sha256 hash;
                  hash.addData(original.constData(), original.size());
                  Blob b { hash.hexResult(), 0 };
                  if (catalogOnly) {
                      b.stored = 4000 + i % 1000; // about what gzip makes of it
                      return b;
                  }
                  const QByteArray gz = gzipMember(original, nameOf(i).toUtf8() + ".ppm");
                  QFile f(paths.blobFile(b.sha));
                  if (f.open(QIODevice::WriteOnly))
                      f.write(gz);
                  b.stored = gz.size();
                  return b;
              });
        (void)catalog.exec(QStringLiteral("BEGIN"));
        (void)thumbs.exec(QStringLiteral("BEGIN"));
        for (qint64 k = 0; k < n; ++k) {
            const quint32 i = indexes[size_t(k)];
            const qint64 key = qint64(i) + 1;
            const qint64 added = start + qint64(i) * 1000;
            const QString name = nameOf(i);
            image.bindValue(0, key);
            image.bindValue(
                1, QUuid::createUuidV5(ns, QString::number(i)).toString(QUuid::WithoutBraces));
            image.bindValue(2, name);
            image.bindValue(3, blobs[size_t(k)].sha);
            if (catalogOnly) {
                // No bytes to contradict them: formats and sizes as a
                // collection has them (half JPEG, a third PNG, the rest GIF
                // and WebP; 200 to 4,000 pixels wide), so that searches by
                // format and size find some rows, not all or none.
                const quint32 h = i * 2246822519u;
                const char *const formats[] = { "jpeg", "jpeg", "jpeg", "jpeg", "jpeg", "png",
                    "png", "png", "gif", "webp" };
                const int width = 200 + int((h >> 8) % 3801);
                image.bindValue(4, QLatin1String(formats[h % 10]));
                image.bindValue(5, width);
                image.bindValue(6, width * 3 / 4);
                image.bindValue(7, qint64(width) * width * 3 / 4 * 3 / 10);
            } else {
                image.bindValue(4, QStringLiteral("ppm"));
                image.bindValue(5, kWidth);
                image.bindValue(6, kHeight);
                image.bindValue(7, originalBytes);
            }
            image.bindValue(8, blobs[size_t(k)].stored);
            image.bindValue(9, added);
            image.bindValue(10, naturalSortKey(name));
            if (!image.exec()) {
                fprintf(stderr, "insert failed: %s\n", qPrintable(sqlError(image).message));
                return 1;
            }
            for (const QString &t : tagsOf(i)) {
                tag.bindValue(0, key);
                tag.bindValue(1, t);
                tag.bindValue(2, tagKey(t));
                (void)tag.exec();
            }
            const QString host
                = QStringLiteral("img%1.example.org").arg(i % 50, 2, 10, QLatin1Char('0'));
            source.bindValue(0, key);
            source.bindValue(
                1, QStringLiteral("https://%1/%2/%3.ppm").arg(host).arg(i / 1000).arg(name));
            source.bindValue(2, host);
            source.bindValue(3, added);
            (void)source.exec();
            if (!catalogOnly) {
                thumb.bindValue(0, key);
                thumb.bindValue(1, kWidth);
                thumb.bindValue(2, kHeight);
                thumb.bindValue(3, thumbnails[i % kVariants]);
                (void)thumb.exec();
            }
            stored += blobs[size_t(k)].stored;
        }
        (void)catalog.exec(QStringLiteral("COMMIT"));
        (void)thumbs.exec(QStringLiteral("COMMIT"));
        fprintf(stderr, "\r%lld / %lld", static_cast<long long>(first + n),
            static_cast<long long>(count));
    }
    fprintf(stderr, "\n");
    (void)catalog.exec(QStringLiteral("BEGIN"));
    (void)catalog.exec(QStringLiteral(R"(INSERT INTO image_text(rowid, name, tags, hosts)
        SELECT i.id, i.name,
            coalesce((SELECT group_concat(tag, char(10)) FROM tags WHERE image_id = i.id), ''),
            coalesce((SELECT group_concat(host, char(10)) FROM sources WHERE image_id = i.id), '')
        FROM images i)"));
    for (const QString &trigger : std::as_const(triggers))
        (void)catalog.exec(trigger);
    (void)catalog.exec(QStringLiteral("COMMIT"));
    (void)catalog.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    (void)thumbs.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    (void)catalog.exec(QStringLiteral("ANALYZE"));

    QJsonObject result {
        { QStringLiteral("library"), root },
        { QStringLiteral("images"), count },
        { QStringLiteral("stored_bytes"), stored },
        { QStringLiteral("catalog_bytes"), QFileInfo(paths.catalogFile()).size() },
        { QStringLiteral("thumbs_bytes"), QFileInfo(paths.thumbsFile()).size() },
        { QStringLiteral("seconds"), double(clock.elapsed()) / 1000.0 },
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}

// SPDX-License-Identifier: MIT
// bench/similar: quality and speed of "similar images" (app/core/similar).
//
// quality: BASES photo-like pictures (ImageFactory::scene, 1024x768, each
// with its own layout), and for each the variants a library really collects:
// JPEG q90 and q35, a PNG re-encode, a 50 % resize, a 4 % centre crop,
// brightness +8 % and a small opaque rectangle (a watermark); plus
// DISTRACTORS unrelated pictures and a mirrored copy of every base (not a
// duplicate). Every file goes through the real ingest (ImageProcessor::
// process, CatalogWriter::commitImage) into a library, then duplicates are
// grouped as `trove duplicates` groups them (SimilarityReader::duplicates).
// Reports pairwise precision and recall for distance 0..16 (DCT hash alone
// and with the difference hash as a second opinion), the hash's cost per
// image and its share of ingest, and the backfill rate (every hash dropped,
// HashBackfill run again with the CLI's pool).
//
// speed: libraries of N hashed images (catalog rows made by the real schema)
// with a hash distribution modelled on real pictures (see syntheticHashes),
// then "similar" (SQL multi-index search, as `trove similar` runs it) over
// 200 queries, "duplicates" whole (read every hash, build the index, group),
// and the in-memory index alone against a brute-force scan.
//
//   trove-similar-bench --work DIR quality [--bases N] [--distractors N]
//   trove-similar-bench --work DIR speed N...
// One JSON object per line on stdout.
#include "benchsupport.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "imagefactory.h"
#include "ingest/imageprocessor.h"
#include "similar/backfill.h"
#include "similar/hashindex.h"
#include "similar/perceptualhash.h"
#include "similar/similarityreader.h"
#include "storage/database.h"
#include "storage/librarypaths.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QThreadPool>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

using namespace trove;
using trove::test::ImageFactory;

using trove::bench::loadAverage;
using trove::bench::round1;
using trove::bench::statusMb;

namespace {

void print(const QJsonObject &o)
{
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[qsizetype(std::min<double>(double(v.size() - 1), std::floor(p * double(v.size()))))];
}

template<typename T> T await(QFuture<T> f)
{
    f.waitForFinished();
    return f.result();
}

// --- quality -----------------------------------------------------------------

QImage brighter(const QImage &image, double factor)
{
    QImage out = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < out.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x)
            line[x] = qRgb(std::min(255, int(std::lround(qRed(line[x]) * factor))),
                std::min(255, int(std::lround(qGreen(line[x]) * factor))),
                std::min(255, int(std::lround(qBlue(line[x]) * factor))));
    }
    return out;
}

struct Variant {
    const char *name;
    QByteArray bytes;
};

QList<Variant> variantsOf(const QImage &base, quint32 seed)
{
    const int w = base.width();
    const int h = base.height();
    QImage mark = base.copy();
    {
        // A small opaque label along the bottom, as a site stamps its name:
        // 12 % x 6 % of the picture (0.7 % of its area), white or black.
        QPainter p(&mark);
        QRandomGenerator rng(seed);
        const QRectF box(w * (0.03 + rng.bounded(0.8)), h * 0.9, w * 0.12, h * 0.06);
        p.fillRect(box, rng.bounded(2) ? Qt::white : Qt::black);
    }
    const int cropX = int(std::lround(w * 0.02));
    const int cropY = int(std::lround(h * 0.02));
    return {
        { "jpeg90", ImageFactory::encode(base, "jpeg", 90) },
        { "jpeg35", ImageFactory::encode(base, "jpeg", 35) },
        { "png", ImageFactory::encode(base, "png") },
        { "half",
            ImageFactory::encode(
                base.scaled(w / 2, h / 2, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), "jpeg",
                90) },
        { "crop4",
            ImageFactory::encode(
                base.copy(cropX, cropY, w - 2 * cropX, h - 2 * cropY), "jpeg", 90) },
        { "bright8", ImageFactory::encode(brighter(base, 1.08), "jpeg", 90) },
        { "watermark", ImageFactory::encode(mark, "jpeg", 90) },
    };
}

struct Item {
    QString file;
    int group = -1; ///< base index; -1: a distractor or a mirror (no group)
    QString kind;
    qint64 key = 0;
    ImageHash hash;
};

int runQuality(const QString &work, int bases, int distractors)
{
    QDir(work).removeRecursively();
    QDir().mkpath(work + QStringLiteral("/files"));
    QList<Item> items;
    const auto write = [&](const QByteArray &bytes, int group, const QString &kind) {
        const QString file = QStringLiteral("%1/files/%2.img").arg(work).arg(items.size());
        QFile f(file);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        items.append({ file, group, kind });
    };
    for (int b = 0; b < bases; ++b) {
        const QImage base = ImageFactory::scene(1024, 768, quint32(1000 + b));
        write(ImageFactory::encode(base, "jpeg", 95), b, QStringLiteral("original"));
        for (const Variant &v : variantsOf(base, quint32(b)))
            write(v.bytes, b, QString::fromLatin1(v.name));
        write(ImageFactory::encode(base.mirrored(true, false), "jpeg", 90), -1,
            QStringLiteral("mirror"));
    }
    for (int d = 0; d < distractors; ++d)
        write(ImageFactory::encode(ImageFactory::scene(1024, 768, quint32(50000 + d)), "jpeg", 90),
            -1, QStringLiteral("distractor"));

    // Ingest: the processor (decode, thumbnail, hash, SHA-256, gzip), then
    // the writer. The hash alone is timed again on the same decoded image.
    const LibraryPaths paths(work + QStringLiteral("/library"));
    CatalogWriter writer(paths);
    if (auto r = await(writer.open()); !r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error()));
        return 1;
    }
    QList<double> processMs;
    QList<double> hashMs;
    QElapsedTimer ingestClock;
    ingestClock.start();
    for (Item &item : items) {
        ProcessRequest request;
        request.dataPath = item.file;
        request.originalName = QFileInfo(item.file).fileName();
        request.tempBlobPath = paths.newTempFile(QStringLiteral(".gz"));
        QElapsedTimer t;
        t.start();
        auto processed = ImageProcessor::process(request);
        processMs.append(double(t.nsecsElapsed()) / 1e6);
        if (!processed) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(item.file), qPrintable(processed.error()));
            return 1;
        }
        item.hash = processed->hash;
        QFile f(item.file);
        f.open(QIODevice::ReadOnly);
        const QImage decoded = *ImageProcessor::thumbnailFromBytes(f.readAll(), 256);
        t.restart();
        const ImageHash again = PerceptualHash::compute(decoded);
        hashMs.append(double(t.nsecsElapsed()) / 1e6);
        if (again != item.hash)
            std::fprintf(stderr, "warning: %s hashes differently on a second decode\n",
                qPrintable(item.file));
        NewImage image;
        image.name = item.kind;
        image.processed = *processed;
        auto committed = await(writer.commitImage(image));
        if (!committed) {
            std::fprintf(stderr, "%s\n", qPrintable(committed.error()));
            return 1;
        }
        item.key = committed->key;
    }
    const double ingestSeconds = double(ingestClock.elapsed()) / 1000.0;

    // Pairs: truth is "same base"; a prediction is "same group".
    QHash<qint64, int> groupOf;
    qint64 truePairs = 0;
    QHash<int, int> sizes;
    for (const Item &item : std::as_const(items)) {
        groupOf.insert(item.key, item.group);
        if (item.group >= 0)
            ++sizes[item.group];
    }
    for (int n : std::as_const(sizes))
        truePairs += qint64(n) * (n - 1) / 2;

    CatalogReader reader;
    (void)reader.open(paths);
    SimilarityReader similar(reader.catalog());
    const auto curve = [&](int dhashDistance) {
        QJsonArray out;
        for (int d = 0; d <= 16; ++d) {
            auto groups = similar.duplicates(SimilarityRule { d, dhashDistance });
            qint64 predicted = 0;
            qint64 right = 0;
            for (const auto &group : std::as_const(*groups)) {
                for (qsizetype i = 0; i < group.size(); ++i)
                    for (qsizetype j = i + 1; j < group.size(); ++j) {
                        ++predicted;
                        const int a = groupOf.value(group[i].key, -1);
                        right += a >= 0 && a == groupOf.value(group[j].key, -2) ? 1 : 0;
                    }
            }
            out.append(QJsonObject { { QStringLiteral("distance"), d },
                { QStringLiteral("precision"),
                    predicted ? double(right) / double(predicted) : 1.0 },
                { QStringLiteral("recall"), double(right) / double(truePairs) },
                { QStringLiteral("groups"), groups->size() },
                { QStringLiteral("predicted_pairs"), predicted } });
        }
        return out;
    };

    // Per variant: how far it lands from its original.
    QHash<QString, QList<double>> byKind;
    QHash<int, quint64> originalHash;
    for (const Item &item : std::as_const(items))
        if (item.kind == QLatin1String("original"))
            originalHash.insert(item.group, item.hash.phash);
    for (const Item &item : std::as_const(items))
        if (item.group >= 0 && item.kind != QLatin1String("original"))
            byKind[item.kind].append(
                hammingDistance(item.hash.phash, originalHash.value(item.group)));
    // Nearest unrelated picture, for each original (distractors, other
    // bases, mirrors).
    QList<double> nearestOther;
    for (const Item &a : std::as_const(items)) {
        if (a.kind != QLatin1String("original"))
            continue;
        int best = 64;
        for (const Item &b : std::as_const(items))
            if (b.group != a.group)
                best = std::min(best, hammingDistance(a.hash.phash, b.hash.phash));
        nearestOther.append(best);
    }
    QJsonObject variants;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        variants.insert(it.key(),
            QJsonObject { { QStringLiteral("median"), percentile(it.value(), 0.5) },
                { QStringLiteral("p90"), percentile(it.value(), 0.9) },
                { QStringLiteral("max"), percentile(it.value(), 1.0) } });

    // Backfill: forget every hash, hash again from the blobs.
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    (void)reader.catalog().exec(QStringLiteral("DELETE FROM image_hashes"));
    QElapsedTimer backfillClock;
    backfillClock.start();
    HashBackfill::Options options;
    options.pool = &pool;
    auto backfilled = HashBackfill::run(paths, writer, options);
    const double backfillSeconds = double(backfillClock.elapsed()) / 1000.0;
    bool same = backfilled.ok();
    for (const Item &item : std::as_const(items)) {
        auto h = similar.hashOf(item.key);
        same = same && h && h->has_value() && **h == item.hash;
    }

    const double meanProcess
        = std::accumulate(processMs.cbegin(), processMs.cend(), 0.0) / double(processMs.size());
    const double meanHash
        = std::accumulate(hashMs.cbegin(), hashMs.cend(), 0.0) / double(hashMs.size());
    print(QJsonObject {
        { QStringLiteral("bench"), QStringLiteral("similar-quality") },
        { QStringLiteral("images"), items.size() },
        { QStringLiteral("bases"), bases },
        { QStringLiteral("variants_per_base"), 7 },
        { QStringLiteral("distractors"), distractors },
        { QStringLiteral("mirrors"), bases },
        { QStringLiteral("true_pairs"), truePairs },
        { QStringLiteral("curve_phash"), curve(-1) },
        { QStringLiteral("curve_phash_and_dhash16"), curve(16) },
        { QStringLiteral("curve_phash_and_dhash20"), curve(20) },
        { QStringLiteral("variant_distance"), variants },
        { QStringLiteral("nearest_unrelated_p10"), percentile(nearestOther, 0.1) },
        { QStringLiteral("nearest_unrelated_min"), percentile(nearestOther, 0.0) },
        { QStringLiteral("hash_ms_mean"), meanHash },
        { QStringLiteral("process_ms_mean"), meanProcess },
        { QStringLiteral("hash_share_of_process"), meanHash / meanProcess },
        { QStringLiteral("ingest_ms_per_image"), ingestSeconds * 1000.0 / double(items.size()) },
        { QStringLiteral("hash_share_of_ingest"),
            meanHash / (ingestSeconds * 1000.0 / double(items.size())) },
        { QStringLiteral("backfill_images_per_s"), double(items.size()) / backfillSeconds },
        { QStringLiteral("backfill_threads"), pool.maxThreadCount() },
        { QStringLiteral("backfill_same_hashes"), same },
        { QStringLiteral("load_average"), loadAverage() },
    });
    return 0;
}

// --- speed -------------------------------------------------------------------

// Hashes shaped like a real library's, not uniform noise:
//  - 4,000 prototypes are the hashes of real generated pictures (scene(),
//    128x96), so bits carry the correlations of real DCT hashes (32 ones,
//    low frequencies that go together);
//  - each image belongs to a prototype's family with Zipf popularity
//    (s = 1: the largest family holds ~11 % of the library, as a library
//    full of one site's screenshots or one photographer's shoots does) and
//    differs from it in 12..28 bits (another picture of the same kind:
//    two of them end up ~16-30 bits apart, as distinct pictures of the
//    quality set are, never nearer than 16 there);
//  - 1 % are exact copies of an earlier image's hash (a re-encode), 4 %
//    near copies with 1..6 bits flipped (resizes, crops, edits);
//  - 0.5 % share one of eight degenerate hashes (flat or nearly blank
//    pictures hash alike).
QList<HashEntry> syntheticHashes(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<quint64> prototypes;
    for (quint32 p = 0; p < 4000; ++p)
        prototypes.append(PerceptualHash::compute(ImageFactory::scene(128, 96, 900000 + p)).phash);
    QList<quint64> flats;
    for (int f = 0; f < 8; ++f)
        flats.append(
            PerceptualHash::compute(ImageFactory::solid(64, 64, QColor::fromHsv(f * 45, 200, 200)))
                .phash
            ^ quint64(f));
    // Zipf sampling by inverse cumulative weights.
    std::vector<double> cumulative(size_t(prototypes.size()));
    double sum = 0;
    for (size_t i = 0; i < cumulative.size(); ++i)
        cumulative[i] = (sum += 1.0 / double(i + 1));
    QList<HashEntry> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        HashEntry e;
        e.key = i + 1;
        const double r = rng.generateDouble();
        if (i > 0 && r < 0.01) {
            e.phash = out[int(rng.bounded(i))].phash;
        } else if (i > 0 && r < 0.05) {
            e.phash = out[int(rng.bounded(i))].phash;
            const int flips = 1 + int(rng.bounded(6));
            for (int f = 0; f < flips; ++f)
                e.phash ^= quint64(1) << rng.bounded(64);
        } else if (r < 0.055) {
            e.phash = flats[int(rng.bounded(flats.size()))];
        } else {
            const double pick = rng.generateDouble() * sum;
            const auto at = std::lower_bound(cumulative.begin(), cumulative.end(), pick);
            e.phash = prototypes[qsizetype(at - cumulative.begin())];
            const int flips = 12 + int(rng.bounded(17));
            for (int f = 0; f < flips; ++f)
                e.phash ^= quint64(1) << rng.bounded(64);
        }
        e.dhash = rng.generate64();
        out.append(e);
    }
    return out;
}

bool makeLibrary(const LibraryPaths &paths, const QList<HashEntry> &hashes)
{
    QDir(paths.root()).removeRecursively();
    Connection c;
    if (auto r = c.open(paths, Connection::Kind::Catalog); !r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error()));
        return false;
    }
    (void)c.exec(QStringLiteral("BEGIN"));
    QSqlQuery image = c.query(QStringLiteral(
        "INSERT INTO images(id, uuid, name, sha256, format, width, height, original_bytes, "
        "stored_bytes, added_at) VALUES (?, ?, ?, ?, 'jpeg', 1024, 768, 100000, 90000, ?)"));
    QSqlQuery hash = c.query(QStringLiteral(
        "INSERT INTO image_hashes(image_id, phash, dhash, b0, b1, b2) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const HashEntry &e : hashes) {
        image.bindValue(0, e.key);
        image.bindValue(
            1, QStringLiteral("00000000-0000-0000-0000-%1").arg(e.key, 12, 10, QLatin1Char('0')));
        image.bindValue(2, QStringLiteral("image %1").arg(e.key));
        image.bindValue(3, QStringLiteral("%1").arg(e.key, 64, 16, QLatin1Char('0')));
        image.bindValue(4, e.key * 1000);
        if (!image.exec())
            return false;
        hash.bindValue(0, e.key);
        hash.bindValue(1, hashToSql(e.phash));
        hash.bindValue(2, hashToSql(e.dhash));
        for (int b = 0; b < HashBlocks::kCount; ++b)
            hash.bindValue(3 + b, qint64(HashBlocks::value(e.phash, b)));
        if (!hash.exec())
            return false;
    }
    (void)c.exec(QStringLiteral("COMMIT"));
    (void)c.exec(QStringLiteral("ANALYZE"));
    return true;
}

// The rows each block's SELECT of the search reads for @p hash (what
// costs, besides the matches), and the plan SQLite gives the statement.
QJsonObject candidatesOf(Connection &c, const HashEntry &e, const SimilarityRule &rule)
{
    QJsonArray perBlock;
    const QStringList parts = SimilarityReader::searchSql({ e.phash, e.dhash, true }, rule)
                                  .split(QStringLiteral(" UNION ALL "));
    for (const QString &part : parts) {
        QSqlQuery q = c.query(QStringLiteral("SELECT count(*) FROM (%1)").arg(part));
        perBlock.append(q.exec() && q.next() ? q.value(0).toLongLong() : -1);
    }
    QSqlQuery plan = c.query(QStringLiteral("EXPLAIN QUERY PLAN ")
        + SimilarityReader::searchSql({ e.phash, e.dhash, true }, rule));
    QJsonArray steps;
    if (plan.exec())
        while (plan.next())
            steps.append(plan.value(QStringLiteral("detail")).toString());
    return { { QStringLiteral("rows_per_block"), perBlock }, { QStringLiteral("plan"), steps } };
}

// Bytes on disk of the hash table and each of its indexes (SQLite's dbstat).
QJsonObject hashStorage(Connection &c)
{
    QJsonObject out;
    QSqlQuery q = c.query(QStringLiteral("SELECT name, sum(pgsize) AS bytes FROM dbstat "
                                         "WHERE name LIKE 'image_hashes%' GROUP BY name"));
    if (q.exec())
        while (q.next())
            out.insert(q.value(QStringLiteral("name")).toString(),
                q.value(QStringLiteral("bytes")).toLongLong());
    return out;
}

struct Timed {
    double seconds = -1;
    double peakRssMb = -1;
    int exitCode = -1;
};

// Runs the real CLI under /usr/bin/time: wall time and peak RSS of the
// whole process (start, catalog, search, records, printing), stdout to
// @p stdoutFile (the null device when empty).
Timed timeCli(const QString &trove, const QStringList &args, const QString &stdoutFile = {})
{
    QProcess p;
    p.setStandardOutputFile(stdoutFile.isEmpty() ? QProcess::nullDevice() : stdoutFile);
    p.start(QStringLiteral("/usr/bin/time"),
        QStringList { QStringLiteral("-f"), QStringLiteral("trove-time %e %M"), trove } + args);
    Timed out;
    if (!p.waitForFinished(-1))
        return out;
    out.exitCode = p.exitCode();
    for (const QByteArray &line : p.readAllStandardError().split('\n')) {
        if (!line.startsWith("trove-time "))
            continue;
        const QList<QByteArray> f = line.split(' ');
        out.seconds = f.value(1).toDouble();
        out.peakRssMb = f.value(2).toDouble() / 1024.0;
    }
    return out;
}

int runSpeed(const QString &work, int n, const QString &trove)
{
    QElapsedTimer clock;
    clock.start();
    const QList<HashEntry> hashes = syntheticHashes(n, 1);
    const LibraryPaths paths(QStringLiteral("%1/speed-%2").arg(work).arg(n));
    if (!QFile::exists(paths.catalogFile() + QStringLiteral(".done"))) {
        if (!makeLibrary(paths, hashes))
            return 1;
        QFile(paths.catalogFile() + QStringLiteral(".done")).open(QIODevice::WriteOnly);
    }
    const double makeSeconds = double(clock.elapsed()) / 1000.0;

    CatalogReader reader;
    if (auto r = reader.open(paths); !r)
        return 1;
    SimilarityReader similar(reader.catalog());
    const SimilarityRule rule;
    QRandomGenerator rng(5);
    QList<double> sqlMs;
    qint64 found = 0;
    const auto timeQuery = [&](const HashEntry &e, qsizetype *matches = nullptr) {
        QElapsedTimer t;
        t.start();
        auto near = similar.similar({ e.phash, e.dhash, true }, rule, e.key);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (matches)
            *matches = near ? near->size() : -1;
        return ms;
    };
    qsizetype slowest = 0;
    qsizetype slowestMatches = 0;
    for (int q = 0; q < 200; ++q) {
        const qsizetype at = qsizetype(rng.bounded(hashes.size()));
        qsizetype matches = 0;
        sqlMs.append(timeQuery(hashes[at], &matches));
        found += matches;
        if (sqlMs.last() >= *std::max_element(sqlMs.cbegin(), sqlMs.cend())) {
            slowest = at;
            slowestMatches = matches;
        }
    }
    // The hardest queries the library holds, beside the random ones: the
    // 50 hashes whose block values the most images share (inside the
    // largest family and the blank pictures), where a search reads the
    // longest runs of its indexes.
    QList<QHash<quint32, int>> popularity(HashBlocks::kCount);
    for (const HashEntry &e : hashes)
        for (int b = 0; b < HashBlocks::kCount; ++b)
            ++popularity[b][HashBlocks::value(e.phash, b)];
    QList<QPair<qint64, qsizetype>> crowded;
    for (qsizetype i = 0; i < hashes.size(); ++i) {
        qint64 rows = 0;
        for (int b = 0; b < HashBlocks::kCount; ++b)
            rows += popularity[b].value(HashBlocks::value(hashes[i].phash, b));
        crowded.append({ rows, i });
    }
    std::sort(crowded.begin(), crowded.end(), std::greater<>());
    QList<double> crowdedMs;
    qsizetype crowdedMatchesMax = 0;
    QSet<quint64> seenHashes;
    for (const auto &[rows, at] : std::as_const(crowded)) {
        if (crowdedMs.size() == 50)
            break;
        if (seenHashes.contains(hashes[at].phash))
            continue; // the same hash answers the same
        seenHashes.insert(hashes[at].phash);
        qsizetype matches = 0;
        crowdedMs.append(timeQuery(hashes[at], &matches));
        crowdedMatchesMax = std::max(crowdedMatchesMax, matches);
    }
    const QJsonObject slowestCandidates = candidatesOf(reader.catalog(), hashes[slowest], rule);
    const QJsonObject crowdedCandidates
        = candidatesOf(reader.catalog(), hashes[crowded.first().second], rule);

    // duplicates as the CLI runs it: read, build, group.
    clock.restart();
    auto all = similar.allHashes();
    const double readMs = double(clock.nsecsElapsed()) / 1e6;
    clock.restart();
    const HashIndex index(*all);
    const double buildMs = double(clock.nsecsElapsed()) / 1e6;
    clock.restart();
    const auto groups = index.groups(rule);
    const double groupMs = double(clock.nsecsElapsed()) / 1e6;
    qint64 grouped = 0;
    for (const auto &g : groups)
        grouped += g.size();

    // In memory: the index against a plain scan, and the scan extrapolated
    // to all pairs (what grouping by brute force would cost).
    QList<double> memMs;
    QList<double> scanMs;
    for (int q = 0; q < 200; ++q) {
        const HashEntry &e = hashes[int(rng.bounded(hashes.size()))];
        QElapsedTimer t;
        t.start();
        const auto viaIndex = index.similar(e.phash, e.dhash, rule, e.key);
        memMs.append(double(t.nsecsElapsed()) / 1e6);
        t.restart();
        qsizetype hits = 0;
        for (const HashEntry &other : hashes)
            hits += hammingDistance(other.phash, e.phash) <= rule.distance ? 1 : 0;
        scanMs.append(double(t.nsecsElapsed()) / 1e6);
        if (hits - 1 != viaIndex.size() && hits != viaIndex.size())
            std::fprintf(stderr, "index and scan disagree\n");
    }
    // The real commands, end to end, as a person runs them.
    QJsonObject cli;
    if (!trove.isEmpty()) {
        const QStringList lib { QStringLiteral("--library"), paths.root() };
        const Timed dups = timeCli(
            trove, QStringList { QStringLiteral("duplicates"), QStringLiteral("--json") } + lib);
        // Once more into a file, to check what it printed.
        const QString printed = QStringLiteral("%1/duplicates-%2.json").arg(work).arg(n);
        (void)timeCli(trove,
            QStringList { QStringLiteral("duplicates"), QStringLiteral("--json") } + lib, printed);
        QFile file(printed);
        qsizetype printedGroups = -1;
        qsizetype printedImages = 0;
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonArray all = QJsonDocument::fromJson(file.readAll())
                                       .object()
                                       .value(QStringLiteral("groups"))
                                       .toArray();
            printedGroups = all.size();
            for (const QJsonValue &g : all)
                printedImages += g.toObject().value(QStringLiteral("images")).toArray().size();
        }
        file.remove();
        QList<double> similarS;
        QRandomGenerator pick(9);
        for (int q = 0; q < 10; ++q) {
            const qint64 key = hashes[int(pick.bounded(hashes.size()))].key;
            const QString id
                = QStringLiteral("00000000-0000-0000-0000-%1").arg(key, 12, 10, QLatin1Char('0'));
            similarS.append(timeCli(trove,
                QStringList { QStringLiteral("similar"), id, QStringLiteral("--json") } + lib)
                                .seconds);
        }
        cli = QJsonObject {
            { QStringLiteral("duplicates_json_s"), dups.seconds },
            { QStringLiteral("duplicates_json_peak_rss_mb"), dups.peakRssMb },
            { QStringLiteral("duplicates_json_exit"), dups.exitCode },
            { QStringLiteral("duplicates_json_groups"), printedGroups },
            { QStringLiteral("duplicates_json_images"), printedImages },
            { QStringLiteral("similar_json_s_p50"), percentile(similarS, 0.5) },
            { QStringLiteral("similar_json_s_max"), percentile(similarS, 1.0) },
        };
    }
    print(QJsonObject {
        { QStringLiteral("bench"), QStringLiteral("similar-speed") },
        { QStringLiteral("images"), n },
        { QStringLiteral("distance"), rule.distance },
        { QStringLiteral("similar_sql_ms_p50"), percentile(sqlMs, 0.5) },
        { QStringLiteral("similar_sql_ms_p95"), percentile(sqlMs, 0.95) },
        { QStringLiteral("similar_sql_ms_max"), percentile(sqlMs, 1.0) },
        { QStringLiteral("similar_mean_matches"), double(found) / 200.0 },
        { QStringLiteral("similar_slowest"),
            QJsonObject { { QStringLiteral("ms"), percentile(sqlMs, 1.0) },
                { QStringLiteral("matches"), slowestMatches },
                { QStringLiteral("candidates"), slowestCandidates } } },
        { QStringLiteral("similar_crowded_ms_p50"), percentile(crowdedMs, 0.5) },
        { QStringLiteral("similar_crowded_ms_max"), percentile(crowdedMs, 1.0) },
        { QStringLiteral("similar_crowded_matches_max"), crowdedMatchesMax },
        { QStringLiteral("similar_crowded_candidates"), crowdedCandidates },
        { QStringLiteral("hash_storage_bytes"), hashStorage(reader.catalog()) },
        { QStringLiteral("cli"), cli },
        { QStringLiteral("duplicates_total_ms"), readMs + buildMs + groupMs },
        { QStringLiteral("duplicates_read_ms"), readMs },
        { QStringLiteral("duplicates_build_ms"), buildMs },
        { QStringLiteral("duplicates_group_ms"), groupMs },
        { QStringLiteral("groups"), groups.size() },
        { QStringLiteral("images_in_groups"), grouped },
        { QStringLiteral("largest_group"), groups.isEmpty() ? 0 : groups.first().size() },
        { QStringLiteral("index_query_ms_p50"), percentile(memMs, 0.5) },
        { QStringLiteral("index_query_ms_p95"), percentile(memMs, 0.95) },
        { QStringLiteral("scan_query_ms_p50"), percentile(scanMs, 0.5) },
        { QStringLiteral("all_pairs_by_scan_s_estimate"),
            percentile(scanMs, 0.5) * double(n) / 2.0 / 1000.0 },
        { QStringLiteral("library_made_s"), makeSeconds },
        { QStringLiteral("load_average"), loadAverage() },
    });
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("work"), QStringLiteral("Working folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("bases"), QStringLiteral("Base pictures."),
        QStringLiteral("N"), QStringLiteral("60") });
    parser.addOption({ QStringLiteral("distractors"), QStringLiteral("Unrelated pictures."),
        QStringLiteral("N"), QStringLiteral("200") });
    parser.addOption({ QStringLiteral("trove"),
        QStringLiteral("The trove executable, to time the real commands (speed)."),
        QStringLiteral("PATH") });
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("quality | speed N..."));
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    const QString work = parser.value(QStringLiteral("work"));
    if (args.isEmpty() || work.isEmpty())
        parser.showHelp(2);
    QDir().mkpath(work);
    if (args.first() == QLatin1String("quality"))
        return runQuality(work + QStringLiteral("/quality"),
            parser.value(QStringLiteral("bases")).toInt(),
            parser.value(QStringLiteral("distractors")).toInt());
    if (args.first() == QLatin1String("speed")) {
        for (const QString &n : args.mid(1))
            if (int status = runSpeed(work, n.toInt(), parser.value(QStringLiteral("trove")));
                status != 0)
                return status;
        return 0;
    }
    parser.showHelp(2);
}

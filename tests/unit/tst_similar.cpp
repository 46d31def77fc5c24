// SPDX-License-Identifier: MIT
// Similar images: the perceptual hash (stable across re-encodes, resizes
// and small edits; 0 for identical pixels), the multi-index hash index
// against brute force, its SQL twin in the catalog, the backfill, merging
// duplicates (every tag and source kept, undoable), "not duplicates" and
// the keep-best rule.

#include "awaitfuture.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/libraryreader.h"
#include "imagefactory.h"
#include "ingest/imageprocessor.h"
#include "models/duplicatesmodel.h"
#include "models/similarityservice.h"
#include "resultcheck.h"
#include "similar/backfill.h"
#include "similar/hashindex.h"
#include "similar/keepbest.h"
#include "similar/perceptualhash.h"
#include "similar/similarityreader.h"
#include "storage/librarypaths.h"
#include "testfiles.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPainter>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <numeric>

Q_DECLARE_METATYPE(trove::HashIndex::PairSearch)

using namespace trove;
using trove::test::await;
using trove::test::ImageFactory;
using trove::test::writeFile;

namespace {

QImage scaledBy(const QImage &image, double factor)
{
    return image.scaled(int(image.width() * factor), int(image.height() * factor),
        Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

QImage brighter(const QImage &image, double factor)
{
    QImage out = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < out.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < out.width(); ++x)
            line[x] = qRgb(std::min(255, int(qRed(line[x]) * factor)),
                std::min(255, int(qGreen(line[x]) * factor)),
                std::min(255, int(qBlue(line[x]) * factor)));
    }
    return out;
}

QImage watermarked(const QImage &image)
{
    QImage out = image.copy();
    QPainter p(&out);
    // A small opaque label (12 % x 6 %: under 1 % of the picture).
    p.fillRect(
        QRectF(out.width() * 0.84, out.height() * 0.9, out.width() * 0.12, out.height() * 0.06),
        Qt::white);
    return out;
}

ImageHash hashOfBytes(const QByteArray &bytes)
{
    auto h = ImageProcessor::hashFromBytes(bytes);
    return h ? *h : ImageHash {};
}

ImageHash hashOfImage(const QImage &image, const QByteArray &format, int quality = -1)
{
    return hashOfBytes(ImageFactory::encode(image, format, quality));
}

// Random hashes with clusters: ~1/4 of them are near copies (0-6 bits
// flipped) of an earlier one, so that groups and matches exist at every
// distance.
QList<HashEntry> randomHashes(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<HashEntry> out;
    for (int i = 0; i < n; ++i) {
        HashEntry e;
        e.key = i + 1;
        if (i > 0 && rng.bounded(4) == 0) {
            e.phash = out[int(rng.bounded(i))].phash;
            const int flips = int(rng.bounded(7));
            for (int f = 0; f < flips; ++f)
                e.phash ^= quint64(1) << rng.bounded(64);
        } else {
            e.phash = rng.generate64();
        }
        e.dhash = rng.generate64();
        out.append(e);
    }
    return out;
}

// The hard case of bench/similar at a million, small: one family whose
// members share block values by the thousand (bits flipped in one block
// only, so the other two blocks hold the prototype's values; exact copies,
// as blank pictures hash alike), near copies with bits anywhere, and
// unrelated hashes around them.
QList<HashEntry> giantFamily(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    const quint64 prototype = rng.generate64();
    QList<HashEntry> out;
    for (int i = 0; i < n; ++i) {
        HashEntry e { i + 1, prototype, rng.generate64() };
        const int kind = int(rng.bounded(10));
        if (kind < 6) {
            const int block = int(rng.bounded(HashBlocks::kCount));
            const int flips = int(rng.bounded(12));
            for (int f = 0; f < flips; ++f)
                e.phash ^= quint64(1)
                    << (HashBlocks::shift(block) + int(rng.bounded(HashBlocks::bits(block))));
        } else if (kind < 9 && kind >= 7) {
            const int flips = int(rng.bounded(11));
            for (int f = 0; f < flips; ++f)
                e.phash ^= quint64(1) << rng.bounded(64);
        } else if (kind == 9) {
            e.phash = rng.generate64();
        }
        out.append(e);
    }
    return out;
}

// Queries around @p around where pigeonhole is tight: @p distance bits
// spread over the three blocks as evenly as they go (8 = 3 + 3 + 2), so
// only one block is within d/3 of the query's.
quint64 spreadFlips(quint64 around, int distance, QRandomGenerator &rng)
{
    quint64 out = around;
    for (int i = 0; i < distance; ++i) {
        const int block = i % HashBlocks::kCount;
        quint64 bit;
        do
            bit = quint64(1) << (HashBlocks::shift(block)
                      + int(rng.bounded(HashBlocks::bits(block))));
        while ((out ^ around) & bit);
        out ^= bit;
    }
    return out;
}

QList<SimilarMatch> bruteForce(
    const QList<HashEntry> &hashes, const HashEntry &query, const SimilarityRule &rule)
{
    QList<SimilarMatch> out;
    for (const HashEntry &e : hashes)
        if (e.key != query.key && rule.matches(e, query.phash, query.dhash))
            out.append({ e.key, hammingDistance(e.phash, query.phash) });
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return std::tie(a.distance, a.key) < std::tie(b.distance, b.key);
    });
    return out;
}

} // namespace

class TestSimilar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void hashSurvivesReencodesAndEdits_data();
    void hashSurvivesReencodesAndEdits();
    void otherPicturesAndMirrorsAreFar();
    void identicalPixelsAreDistanceZero();
    void processorStoresTheHash();
    void transparentCountsAsWhite();
    void indexMatchesBruteForce_data();
    void indexMatchesBruteForce();
    void groupsMatchBruteForce_data();
    void groupsMatchBruteForce();
    void sameHashFamilyIsOneNode();
    void catalogSearchMatchesIndex();
    void searchMatchesBruteForceInAGiantFamily_data();
    void searchMatchesBruteForceInAGiantFamily();
    void searchReadsOnlyCoveringIndexes();
    void duplicatesModelFollowsTheLibrary();
    void hashesSurviveTheTrash();
    void backfillHashesOldImages();
    void mergeKeepsEverythingAndIsUndoable();
    void mergeFailsWhole();
    void notDuplicatesSplitAGroup();
    void keepBestRule();

private:
    Result<CommitOutcome> commit(const QByteArray &bytes, const QString &name,
        const QStringList &tags = {}, const QString &url = {});
    void openWriter();
    /// Inserts bare image rows 1..n with @p hashes (for the SQL search).
    void insertRows(const QList<HashEntry> &hashes);

    std::unique_ptr<QTemporaryDir> m_dir;
    LibraryPaths m_paths;
    std::unique_ptr<CatalogWriter> m_writer;
    std::unique_ptr<CatalogReader> m_reader;
    int m_made = 0;
};

void TestSimilar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSimilar::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths = LibraryPaths(m_dir->filePath(QStringLiteral("library")));
}

void TestSimilar::cleanup()
{
    m_reader.reset();
    m_writer.reset();
    m_dir.reset();
}

void TestSimilar::openWriter()
{
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    QVERIFY_OK(await(m_writer->open()));
    m_reader = std::make_unique<CatalogReader>();
    QVERIFY_OK(m_reader->open(m_paths));
}

Result<CommitOutcome> TestSimilar::commit(
    const QByteArray &bytes, const QString &name, const QStringList &tags, const QString &url)
{
    const QString input = m_dir->filePath(QStringLiteral("input-%1").arg(++m_made));
    writeFile(input, bytes);
    ProcessRequest request;
    request.dataPath = input;
    request.originalName = name;
    request.tempBlobPath = m_paths.newTempFile(QStringLiteral(".gz"));
    auto processed = ImageProcessor::process(request);
    if (!processed)
        return processed.failure();
    NewImage image;
    image.name = name;
    image.tags = tags;
    image.sourceUrl = url;
    image.processed = *processed;
    return await(m_writer->commitImage(image));
}

void TestSimilar::hashSurvivesReencodesAndEdits_data()
{
    QTest::addColumn<QString>("variant");
    for (const char *v :
        { "jpeg90", "jpeg35", "png", "webp", "half", "crop4", "bright8", "watermark" })
        QTest::newRow(v) << QString::fromLatin1(v);
}

void TestSimilar::hashSurvivesReencodesAndEdits()
{
    QFETCH(QString, variant);
    // Re-encodes, resizes and brightness move a handful of the 64 bits at
    // most; a crop or a label moves more (bench/similar: median 6, up to
    // 10-16), still well short of another picture (16 and more, mostly 20+).
    const bool edit = variant == QLatin1String("crop4") || variant == QLatin1String("watermark");
    QList<int> distances;
    for (quint32 seed = 1; seed <= 4; ++seed) {
        const QImage original = ImageFactory::scene(480, 360, seed);
        const ImageHash base = hashOfImage(original, "png");
        QVERIFY(base.valid);
        ImageHash copy;
        if (variant == QLatin1String("jpeg90"))
            copy = hashOfImage(original, "jpeg", 90);
        else if (variant == QLatin1String("jpeg35"))
            copy = hashOfImage(original, "jpeg", 35);
        else if (variant == QLatin1String("png"))
            copy = hashOfImage(original, "png");
        else if (variant == QLatin1String("webp"))
            copy = hashOfImage(original, "webp");
        else if (variant == QLatin1String("half"))
            copy = hashOfImage(scaledBy(original, 0.5), "jpeg", 90);
        else if (variant == QLatin1String("crop4"))
            copy = hashOfImage(original.copy(QRect(QPoint(10, 7), QSize(460, 346))), "png");
        else if (variant == QLatin1String("bright8"))
            copy = hashOfImage(brighter(original, 1.08), "png");
        else
            copy = hashOfImage(watermarked(original), "png");
        QVERIFY(copy.valid);
        const int d = hammingDistance(base.phash, copy.phash);
        QVERIFY2(d <= (edit ? 14 : 4),
            qPrintable(QStringLiteral("seed %1: distance %2").arg(seed).arg(d)));
        distances.append(d);
    }
    std::sort(distances.begin(), distances.end());
    QVERIFY2(distances[distances.size() / 2] <= SimilarityRule::kDefaultDistance,
        qPrintable(QStringLiteral("median %1").arg(distances[distances.size() / 2])));
}

void TestSimilar::otherPicturesAndMirrorsAreFar()
{
    QList<ImageHash> hashes;
    for (quint32 seed = 1; seed <= 12; ++seed)
        hashes.append(hashOfImage(ImageFactory::scene(320, 240, seed), "png"));
    for (int i = 0; i < hashes.size(); ++i)
        for (int j = i + 1; j < hashes.size(); ++j)
            QVERIFY2(hammingDistance(hashes[i].phash, hashes[j].phash)
                    > SimilarityRule::kDefaultDistance,
                qPrintable(QStringLiteral("%1 and %2").arg(i).arg(j)));
    for (quint32 seed = 1; seed <= 6; ++seed) {
        const QImage original = ImageFactory::scene(320, 240, seed);
        const ImageHash a = hashOfImage(original, "png");
        const ImageHash mirror = hashOfImage(original.mirrored(true, false), "png");
        QVERIFY(hammingDistance(a.phash, mirror.phash) > SimilarityRule::kDefaultDistance);
    }
}

void TestSimilar::identicalPixelsAreDistanceZero()
{
    const QImage original = ImageFactory::scene(500, 375, 42);
    const QByteArray png = ImageFactory::encode(original, "png");
    const QByteArray png9 = ImageFactory::encode(original, "png", 0); // other bytes
    const QByteArray bmp = ImageFactory::encode(original, "bmp");
    const QByteArray tiff = ImageFactory::encode(original, "tiff");
    QVERIFY(png != png9);
    const ImageHash reference = hashOfBytes(png);
    QVERIFY(reference.valid);
    for (const QByteArray &bytes : { png9, bmp, tiff }) {
        const ImageHash h = hashOfBytes(bytes);
        QCOMPARE(hammingDistance(h.phash, reference.phash), 0);
        // The difference hash compares neighbours that may be equal: Qt
        // scales a decoder's RGB32 and ARGB32 with their own rounding, and
        // a tie may tip. It is a second opinion, never the distance.
        QVERIFY2(hammingDistance(h.dhash, reference.dhash) <= 4,
            qPrintable(QString::number(hammingDistance(h.dhash, reference.dhash))));
    }
    // The index reports them at distance 0.
    HashIndex index({ { 1, reference.phash, reference.dhash },
        { 2, hashOfBytes(bmp).phash, hashOfBytes(bmp).dhash } });
    const auto found = index.similar(reference.phash, reference.dhash, SimilarityRule {}, 1);
    QCOMPARE(found, (QList<SimilarMatch> { { 2, 0 } }));
}

void TestSimilar::processorStoresTheHash()
{
    openWriter();
    const QByteArray jpeg = ImageFactory::encode(ImageFactory::scene(800, 600, 5), "jpeg", 85);
    auto done = commit(jpeg, QStringLiteral("a"));
    QVERIFY_OK(done);
    SimilarityReader similar(m_reader->catalog());
    auto stored = similar.hashOf(done->key);
    QVERIFY_OK(stored);
    QVERIFY(stored->has_value());
    // The backfill's decode is ingest's: the same hash, bit for bit.
    QCOMPARE(**stored, hashOfBytes(jpeg));
}

void TestSimilar::transparentCountsAsWhite()
{
    QImage clear(64, 64, QImage::Format_ARGB32);
    clear.fill(Qt::transparent);
    QPainter(&clear).fillRect(QRect(8, 8, 30, 20), Qt::darkBlue);
    QImage white(64, 64, QImage::Format_RGB32);
    white.fill(Qt::white);
    QPainter(&white).fillRect(QRect(8, 8, 30, 20), Qt::darkBlue);
    QCOMPARE(PerceptualHash::compute(clear).phash, PerceptualHash::compute(white).phash);
    QVERIFY(!PerceptualHash::compute(QImage()).valid);
}

void TestSimilar::indexMatchesBruteForce_data()
{
    QTest::addColumn<int>("distance");
    QTest::addColumn<int>("dhashDistance");
    for (int d : { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 16 })
        QTest::addRow("d%d", d) << d << -1;
    QTest::newRow("d8 with dhash") << 8 << 30;
}

void TestSimilar::indexMatchesBruteForce()
{
    QFETCH(int, distance);
    QFETCH(int, dhashDistance);
    const QList<HashEntry> hashes = randomHashes(20000, 7);
    const HashIndex index(hashes);
    QCOMPARE(index.size(), hashes.size());
    const SimilarityRule rule { distance, dhashDistance };
    QRandomGenerator rng(99);
    int found = 0;
    for (int q = 0; q < 300; ++q) {
        // Half the queries are library hashes, half arbitrary ones.
        const HashEntry query = q % 2 ? hashes[int(rng.bounded(hashes.size()))]
                                      : HashEntry { 0, rng.generate64(), rng.generate64() };
        QList<SimilarMatch> expected;
        for (const HashEntry &e : hashes)
            if (e.key != query.key && rule.matches(e, query.phash, query.dhash))
                expected.append({ e.key, hammingDistance(e.phash, query.phash) });
        std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) {
            return std::tie(a.distance, a.key) < std::tie(b.distance, b.key);
        });
        QCOMPARE(index.similar(query.phash, query.dhash, rule, query.key), expected);
        found += int(expected.size());
    }
    if (distance >= 4)
        QVERIFY(found > 0); // the clusters make the comparison meaningful
}

void TestSimilar::groupsMatchBruteForce_data()
{
    QTest::addColumn<int>("distance");
    QTest::addColumn<HashIndex::PairSearch>("how");
    QTest::addColumn<bool>("apart");
    for (int d : { 0, 2, 4, 8, 12 }) {
        QTest::addRow("d%d by node", d) << d << HashIndex::PairSearch::ByNode << false;
        QTest::addRow("d%d by block walk", d) << d << HashIndex::PairSearch::ByBlockWalk << false;
        // Pairs a person kept apart: inside a node of 300 copies of one
        // hash, between it and its near copies, and anywhere.
        QTest::addRow("d%d by node, pairs kept apart", d)
            << d << HashIndex::PairSearch::ByNode << true;
        QTest::addRow("d%d by block walk, pairs kept apart", d)
            << d << HashIndex::PairSearch::ByBlockWalk << true;
    }
}

void TestSimilar::groupsMatchBruteForce()
{
    QFETCH(int, distance);
    QFETCH(HashIndex::PairSearch, how);
    QFETCH(bool, apart);
    QList<HashEntry> hashes = randomHashes(2500, 11);
    KeyPairs keptApart;
    if (apart) {
        QRandomGenerator rng(23);
        const quint64 common = hashes[4].phash;
        for (int i = 0; i < 300; ++i)
            hashes.append({ qint64(hashes.size() + 1), common, rng.generate64() });
        const auto keepApart = [&keptApart](qint64 a, qint64 b) {
            if (a != b)
                keptApart.insert({ std::min(a, b), std::max(a, b) });
        };
        const qint64 n = hashes.size();
        for (int i = 0; i < 40; ++i) {
            keepApart(2501 + qint64(rng.bounded(300)), 2501 + qint64(rng.bounded(300)));
            keepApart(5, 2501 + qint64(rng.bounded(300)));
            keepApart(1 + qint64(rng.bounded(int(n))), 1 + qint64(rng.bounded(int(n))));
        }
        // Every copy but one kept apart from the first: the node's one
        // free member holds them together.
        for (qint64 k = 2502; k <= 2800; ++k)
            keepApart(2501, k);
        // Small nodes of their own hash: two copies kept apart (two
        // images, no group); three, each pair apart (none); three, one
        // pair apart (one group of three, through the third).
        for (const int node : { 0, 1, 2 }) {
            const quint64 own = rng.generate64();
            const qint64 first = hashes.size() + 1;
            for (int c = 0; c < (node == 0 ? 2 : 3); ++c)
                hashes.append({ qint64(hashes.size() + 1), own, rng.generate64() });
            keepApart(first, first + 1);
            if (node == 1) {
                keepApart(first, first + 2);
                keepApart(first + 1, first + 2);
            }
        }
    }
    const SimilarityRule rule { distance, -1 };
    // Brute force: every pair, union-find on indexes.
    std::vector<int> parent(size_t(hashes.size()));
    std::iota(parent.begin(), parent.end(), 0);
    const std::function<int(int)> find = [&](int x) {
        return parent[size_t(x)] == x ? x : parent[size_t(x)] = find(parent[size_t(x)]);
    };
    for (int i = 0; i < hashes.size(); ++i)
        for (int j = i + 1; j < hashes.size(); ++j)
            if (rule.matches(hashes[i], hashes[j].phash, hashes[j].dhash)
                && !keptApart.contains({ hashes[i].key, hashes[j].key }))
                parent[size_t(find(i))] = find(j);
    QMap<int, QList<qint64>> byRoot;
    for (int i = 0; i < hashes.size(); ++i)
        byRoot[find(i)].append(hashes[i].key);
    QSet<QList<qint64>> expected;
    for (auto keys : std::as_const(byRoot))
        if (keys.size() > 1) {
            std::sort(keys.begin(), keys.end());
            expected.insert(keys);
        }
    QSet<QList<qint64>> actual;
    for (const auto &group : HashIndex(hashes).groups(rule, keptApart, how)) {
        QList<qint64> keys;
        for (const HashEntry &e : group)
            keys.append(e.key);
        actual.insert(keys);
    }
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(actual, expected);
    if (distance >= 4)
        QVERIFY(!expected.isEmpty());
}

void TestSimilar::sameHashFamilyIsOneNode()
{
    // 50,000 images of one hash (flat pictures all hash alike) plus noise:
    // one group, found without comparing every pair.
    QList<HashEntry> hashes;
    for (int i = 1; i <= 50000; ++i)
        hashes.append({ i, 0x00ff00ff00ff00ffull, 0 });
    QRandomGenerator rng(3);
    for (int i = 50001; i <= 60000; ++i)
        hashes.append({ i, rng.generate64(), 0 });
    const auto groups = HashIndex(hashes).groups(SimilarityRule {});
    QVERIFY(!groups.isEmpty());
    QCOMPARE(groups.first().size(), 50000);
}

void TestSimilar::insertRows(const QList<HashEntry> &hashes)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows"));
    db.setDatabaseName(m_paths.catalogFile());
    QVERIFY(db.open());
    QVERIFY(db.transaction());
    QSqlQuery image(db);
    QVERIFY(image.prepare(QStringLiteral(
        "INSERT INTO images(id, uuid, name, sha256, format, width, height, original_bytes, "
        "stored_bytes, added_at) VALUES (?, ?, ?, ?, 'png', 1, 1, 1, 1, 0)")));
    QSqlQuery hash(db);
    QVERIFY(hash.prepare(QStringLiteral(
        "INSERT INTO image_hashes(image_id, phash, dhash, b0, b1, b2) VALUES (?, ?, ?, ?, ?, ?)")));
    for (const HashEntry &e : hashes) {
        image.bindValue(0, e.key);
        image.bindValue(1, QStringLiteral("u%1").arg(e.key));
        image.bindValue(2, QStringLiteral("n%1").arg(e.key));
        image.bindValue(3, QStringLiteral("s%1").arg(e.key));
        QVERIFY(image.exec());
        hash.bindValue(0, e.key);
        hash.bindValue(1, hashToSql(e.phash));
        hash.bindValue(2, hashToSql(e.dhash));
        for (int b = 0; b < HashBlocks::kCount; ++b)
            hash.bindValue(3 + b, qint64(HashBlocks::value(e.phash, b)));
        QVERIFY(hash.exec());
    }
    QVERIFY(db.commit());
    db.close();
    db = {};
    QSqlDatabase::removeDatabase(QStringLiteral("rows"));
}

void TestSimilar::catalogSearchMatchesIndex()
{
    openWriter();
    const QList<HashEntry> hashes = randomHashes(3000, 5);
    insertRows(hashes);
    const HashIndex index(hashes);
    SimilarityReader similar(m_reader->catalog());
    auto all = similar.allHashes();
    QVERIFY_OK(all);
    QCOMPARE(all->size(), hashes.size());
    for (int d : { 0, 3, 8, 12 }) {
        const SimilarityRule rule { d, -1 };
        for (int q = 0; q < 40; ++q) {
            const HashEntry &e = hashes[q * 71];
            auto fromSql = similar.similar({ e.phash, e.dhash, true }, rule, e.key);
            QVERIFY_OK(fromSql);
            QCOMPARE(*fromSql, index.similar(e.phash, e.dhash, rule, e.key));
        }
    }
    // The top bit survives the signed column.
    QVERIFY(std::any_of(
        hashes.cbegin(), hashes.cend(), [](const HashEntry &e) { return (e.phash >> 63) != 0; }));
    auto groups = similar.duplicates(SimilarityRule {});
    QVERIFY_OK(groups);
    QCOMPARE(groups->size(), index.groups(SimilarityRule {}).size());
}

void TestSimilar::searchMatchesBruteForceInAGiantFamily_data()
{
    QTest::addColumn<int>("distance");
    QTest::addColumn<int>("dhashDistance");
    for (int d : { 0, 2, 3, 5, 6, 8, 9, 11, 12 })
        QTest::addRow("d%d", d) << d << -1;
    QTest::newRow("d8 with dhash") << 8 << 30;
}

void TestSimilar::searchMatchesBruteForceInAGiantFamily()
{
    // The SQL search (similar()) and the in-memory index, each against
    // brute force, where block values are shared by thousands of images
    // and queries sit where only one block is near enough (pigeonhole with
    // nothing to spare).
    QFETCH(int, distance);
    QFETCH(int, dhashDistance);
    openWriter();
    const QList<HashEntry> hashes = giantFamily(6000, 17);
    insertRows(hashes);
    const HashIndex index(hashes);
    SimilarityReader similar(m_reader->catalog());
    const SimilarityRule rule { distance, dhashDistance };
    QRandomGenerator rng(23);
    qsizetype found = 0;
    qsizetype largest = 0;
    for (int q = 0; q < 60; ++q) {
        HashEntry query;
        switch (q % 3) {
        case 0:
            query = hashes[int(rng.bounded(hashes.size()))];
            break;
        case 1:
            query = { 0,
                spreadFlips(hashes[int(rng.bounded(hashes.size()))].phash,
                    int(rng.bounded(distance + 2)), rng),
                rng.generate64() };
            break;
        default:
            query = { 0, rng.generate64(), rng.generate64() };
        }
        const QList<SimilarMatch> expected = bruteForce(hashes, query, rule);
        auto fromSql = similar.similar({ query.phash, query.dhash, true }, rule, query.key);
        QVERIFY_OK(fromSql);
        QCOMPARE(*fromSql, expected);
        QCOMPARE(index.similar(query.phash, query.dhash, rule, query.key), expected);
        found += expected.size();
        largest = std::max(largest, expected.size());
    }
    if (distance >= 2)
        QVERIFY(largest > 500); // the family is really giant at these distances
    QVERIFY(found > 0);
}

void TestSimilar::searchReadsOnlyCoveringIndexes()
{
    // Each block's SELECT is answered from its index (block, phash, and
    // the image id every index holds): no candidate costs a table row.
    openWriter();
    insertRows(giantFamily(2000, 3));
    for (int d : { 0, 5, 8, 11 }) {
        QSqlQuery plan = m_reader->catalog().query(QStringLiteral("EXPLAIN QUERY PLAN ")
            + SimilarityReader::searchSql(
                { 0x0123456789abcdefull, 0, true }, SimilarityRule { d }));
        QVERIFY(plan.exec());
        QStringList steps;
        while (plan.next())
            steps.append(plan.value(QStringLiteral("detail")).toString());
        for (int b = 0; b < HashBlocks::kCount; ++b)
            QVERIFY2(
                steps.filter(QStringLiteral("USING COVERING INDEX image_hashes_b%1 ").arg(b)).size()
                    == 1,
                qPrintable(steps.join(QLatin1Char('\n'))));
        QVERIFY2(steps.filter(QStringLiteral("SCAN")).isEmpty(),
            qPrintable(steps.join(QLatin1Char('\n'))));
    }
}

void TestSimilar::duplicatesModelFollowsTheLibrary()
{
    // The duplicates view's model on a real library: groups found off this
    // thread, details loaded on demand, images removed elsewhere leave
    // their group (and a group of one leaves the list), restored ones come
    // back; checked throughout by QAbstractItemModelTester.
    openWriter();
    const QImage a = ImageFactory::scene(400, 300, 41);
    const QImage b = ImageFactory::scene(400, 300, 42);
    auto aPng = commit(ImageFactory::encode(a, "png"), QStringLiteral("a-png"), {},
        QStringLiteral("https://a.example/a.png"));
    auto aJpeg = commit(ImageFactory::encode(a, "jpeg", 60), QStringLiteral("a-jpeg"));
    auto aHalf = commit(ImageFactory::encode(scaledBy(a, 0.5), "png"), QStringLiteral("a-half"));
    auto bPng = commit(ImageFactory::encode(b, "png"), QStringLiteral("b-png"));
    auto bJpeg = commit(ImageFactory::encode(b, "jpeg", 60), QStringLiteral("b-jpeg"));
    auto other = commit(
        ImageFactory::encode(ImageFactory::scene(400, 300, 43), "png"), QStringLiteral("other"));
    for (const auto *c : { &aPng, &aJpeg, &aHalf, &bPng, &bJpeg, &other })
        QVERIFY_OK(*c);

    SimilarityService service(m_paths, m_writer.get());
    LibraryReader changes(m_paths, m_writer.get());
    changes.watchChanges(50);
    DuplicatesModel model(&service, &changes);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy searched(&model, &DuplicatesModel::searched);
    model.search();
    QVERIFY(searched.wait(20000));
    QCOMPARE(searched.first().first().toString(), QString());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(DuplicatesModel::CountRole).toInt(), 3);
    QCOMPARE(model.index(1).data(DuplicatesModel::CountRole).toInt(), 2);
    // Details come when asked for, best first (the most pixels, then PNG).
    QTRY_VERIFY(model.index(0).data(DuplicatesModel::LoadedRole).toBool());
    QTRY_VERIFY(model.index(1).data(DuplicatesModel::LoadedRole).toBool());
    QCOMPARE(model.index(0).data(DuplicatesModel::KeysRole).value<QList<qint64>>(),
        (QList<qint64> { aPng->key, aJpeg->key, aHalf->key }));
    const auto items = model.index(0).data(DuplicatesModel::ItemsRole).value<QList<SimilarItem>>();
    QCOMPARE(items.size(), 3);
    QCOMPARE(items.first().record.name, QStringLiteral("a-png"));
    QCOMPARE(
        items.first().record.sources, QStringList { QStringLiteral("https://a.example/a.png") });
    QCOMPARE(items.first().distance, 0);
    for (const SimilarItem &item : items) {
        QVERIFY(!item.thumbnail.isNull());
        QVERIFY(std::max(item.thumbnail.width(), item.thumbnail.height())
            <= DuplicatesModel::kThumbnailSide);
    }

    // Removed elsewhere: b's group falls to one image and leaves the list;
    // a's loses a member and stays.
    QVERIFY_OK(await(m_writer->remove({ bJpeg->key, aHalf->key })));
    QTRY_COMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(DuplicatesModel::CountRole).toInt(), 2);
    QCOMPARE(model.index(0).data(DuplicatesModel::KeysRole).value<QList<qint64>>(),
        (QList<qint64> { aPng->key, aJpeg->key }));
    // Restored: both groups as they were, in the search's order.
    QVERIFY_OK(await(m_writer->restoreFromTrash({ bJpeg->key, aHalf->key })));
    QTRY_COMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(DuplicatesModel::CountRole).toInt(), 3);
    QTRY_VERIFY(model.index(1).data(DuplicatesModel::LoadedRole).toBool());
    QCOMPARE(model.index(1).data(DuplicatesModel::KeysRole).value<QList<qint64>>(),
        (QList<qint64> { bPng->key, bJpeg->key }));

    // Keep Best as the dialog does it: the group goes at once, Undo
    // (unmerge) brings it back through the change feed.
    QTRY_VERIFY(model.index(0).data(DuplicatesModel::LoadedRole).toBool());
    const auto keys = model.index(0).data(DuplicatesModel::KeysRole).value<QList<qint64>>();
    auto merged = await(m_writer->merge(keys.first(), keys.mid(1)));
    QVERIFY_OK(merged);
    model.removeImages(merged->trashed);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY_OK(await(m_writer->unmerge(*merged)));
    QTRY_COMPARE(model.rowCount(), 2);
    QTRY_VERIFY(model.index(0).data(DuplicatesModel::LoadedRole).toBool());
    QCOMPARE(model.index(0).data(DuplicatesModel::KeysRole).value<QList<qint64>>(), keys);

    // Not duplicates: the group goes for good, even if its images come and go.
    model.dismissGroup(1);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY_OK(await(m_writer->remove({ bJpeg->key })));
    QVERIFY_OK(await(m_writer->restoreFromTrash({ bJpeg->key })));
    QTest::qWait(300);
    QCOMPARE(model.rowCount(), 1);
}

void TestSimilar::hashesSurviveTheTrash()
{
    openWriter();
    auto done = commit(
        ImageFactory::encode(ImageFactory::scene(300, 200, 8), "png"), QStringLiteral("t"));
    QVERIFY_OK(done);
    SimilarityReader similar(m_reader->catalog());
    const auto before = similar.hashOf(done->key);
    QVERIFY_OK(before);
    QVERIFY(before->has_value());
    QVERIFY_OK(await(m_writer->moveToTrash({ done->key })));
    auto gone = similar.hashOf(done->key);
    QVERIFY_OK(gone);
    QVERIFY(!gone->has_value());
    QVERIFY_OK(await(m_writer->restoreFromTrash({ done->key })));
    const auto after = similar.hashOf(done->key);
    QVERIFY_OK(after);
    QCOMPARE(*after, *before);
}

void TestSimilar::backfillHashesOldImages()
{
    openWriter();
    QList<qint64> keys;
    QList<ImageHash> expected;
    for (quint32 seed = 1; seed <= 5; ++seed) {
        const QByteArray bytes = ImageFactory::encode(
            ImageFactory::scene(400, 300, seed), seed % 2 ? "jpeg" : "png", 80);
        auto done = commit(bytes, QStringLiteral("b%1").arg(seed));
        QVERIFY_OK(done);
        keys.append(done->key);
        expected.append(hashOfBytes(bytes));
    }
    // As a library from before hashing: no hashes; one blob is gone.
    QVERIFY_OK(m_reader->catalog().exec(QStringLiteral("DELETE FROM image_hashes")));
    auto gone = m_reader->byKey(keys.last());
    QVERIFY_OK(gone);
    QVERIFY(QFile::remove(m_paths.blobFile(gone->sha256)));
    SimilarityReader similar(m_reader->catalog());
    auto progress = similar.progress();
    QVERIFY_OK(progress);
    QCOMPARE(progress->remaining(), 5);

    QList<qint64> seen;
    HashBackfill::Options options;
    options.batch = 2;
    options.progress = [&](const HashProgress &p) { seen.append(p.hashed); };
    auto done = HashBackfill::run(m_paths, *m_writer, options);
    QVERIFY_OK(done);
    QCOMPARE(done->remaining(), 0);
    QCOMPARE(done->unhashable, 1);
    QCOMPARE(seen, (QList<qint64> { 2, 4, 5 }));
    for (int i = 0; i < 4; ++i) {
        auto h = similar.hashOf(keys[i]);
        QVERIFY_OK(h);
        QVERIFY(h->has_value());
        QCOMPARE(**h, expected[i]);
    }
    // Nothing left: a second run stores nothing.
    seen.clear();
    QVERIFY_OK(HashBackfill::run(m_paths, *m_writer, options));
    QVERIFY(seen.isEmpty());
}

void TestSimilar::mergeKeepsEverythingAndIsUndoable()
{
    openWriter();
    const QImage picture = ImageFactory::scene(400, 300, 21);
    auto keep = commit(ImageFactory::encode(picture, "png"), QStringLiteral("keep"),
        { QStringLiteral("cat"), QStringLiteral("shared") }, QStringLiteral("https://a.example/1"));
    auto other = commit(ImageFactory::encode(picture, "jpeg", 80), QStringLiteral("other"),
        { QStringLiteral("Shared"), QStringLiteral("sofa") },
        QStringLiteral("https://b.example/2"));
    auto third
        = commit(ImageFactory::encode(scaledBy(picture, 0.5), "png"), QStringLiteral("third"),
            { QStringLiteral("small") }, QStringLiteral("https://c.example/3"));
    QVERIFY_OK(keep);
    QVERIFY_OK(other);
    QVERIFY_OK(third);
    auto recordsBefore = m_reader->byKeys({ keep->key, other->key, third->key });
    QVERIFY_OK(recordsBefore);

    // Albums: the kept copy is in "Cats"; the others in "Holiday" (other,
    // third) and "Cats" (other). A smart collection has no members.
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Cats"))));
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Holiday"))));
    QVERIFY_OK(await(m_writer->addToCollection(QStringLiteral("Cats"), { keep->key, other->key })));
    QVERIFY_OK(
        await(m_writer->addToCollection(QStringLiteral("Holiday"), { third->key, other->key })));
    const auto membership = [this](qint64 key) {
        QSqlQuery q = m_reader->catalog().query(
            QStringLiteral("SELECT c.name FROM collection_items i JOIN collections c ON "
                           "c.id = i.collection_id WHERE i.image_id = ? ORDER BY c.name"));
        q.bindValue(0, key);
        QStringList names;
        if (q.exec())
            while (q.next())
                names.append(q.value(0).toString());
        return names;
    };
    const QStringList keepIn = membership(keep->key), otherIn = membership(other->key),
                      thirdIn = membership(third->key);
    QCOMPARE(keepIn, QStringList { QStringLiteral("Cats") });

    QSignalSpy changed(m_writer.get(), &CatalogWriter::imagesChanged);
    QSignalSpy removed(m_writer.get(), &CatalogWriter::imagesRemoved);
    auto merged = await(m_writer->merge(keep->key, { other->key, third->key }));
    QVERIFY_OK(merged);
    QCOMPARE(merged->trashed, (QList<qint64> { other->key, third->key }));
    auto kept = m_reader->byKey(keep->key);
    QVERIFY_OK(kept);
    QStringList tags = kept->tags;
    tags.sort(Qt::CaseInsensitive);
    QCOMPARE(tags,
        (QStringList { QStringLiteral("cat"), QStringLiteral("shared"), QStringLiteral("small"),
            QStringLiteral("sofa") }));
    QStringList sources = kept->sources;
    sources.sort();
    QCOMPARE(sources,
        (QStringList { QStringLiteral("https://a.example/1"), QStringLiteral("https://b.example/2"),
            QStringLiteral("https://c.example/3") }));
    QCOMPARE(
        membership(keep->key), (QStringList { QStringLiteral("Cats"), QStringLiteral("Holiday") }));
    QCOMPARE(merged->collectionsJoined.size(), 1);
    auto trashed = m_reader->trashCount();
    QVERIFY_OK(trashed);
    QCOMPARE(*trashed, 2);
    QTRY_COMPARE(removed.size(), 1);
    QVERIFY(changed.size() >= 1);

    // Undo: the library as it was, hashes included.
    auto back = await(m_writer->unmerge(*merged));
    QVERIFY_OK(back);
    QCOMPARE(*back, 2);
    auto recordsAfter = m_reader->byKeys({ keep->key, other->key, third->key });
    QVERIFY_OK(recordsAfter);
    QCOMPARE(recordsAfter->size(), recordsBefore->size());
    for (int i = 0; i < recordsBefore->size(); ++i) {
        QStringList a = (*recordsBefore)[i].tags, b = (*recordsAfter)[i].tags;
        a.sort();
        b.sort();
        QCOMPARE(b, a);
        QCOMPARE((*recordsAfter)[i].sources, (*recordsBefore)[i].sources);
        QCOMPARE((*recordsAfter)[i].id, (*recordsBefore)[i].id);
    }
    // Each image in exactly the collections it was in before.
    QCOMPARE(membership(keep->key), keepIn);
    QCOMPARE(membership(other->key), otherIn);
    QCOMPARE(membership(third->key), thirdIn);
    SimilarityReader similar(m_reader->catalog());
    auto h = similar.hashOf(other->key);
    QVERIFY_OK(h);
    QVERIFY(h->has_value() && (*h)->valid);
    QCOMPARE(*m_reader->trashCount(), 0);
}

void TestSimilar::mergeFailsWhole()
{
    openWriter();
    auto a = commit(ImageFactory::encode(ImageFactory::scene(100, 80, 1), "png"),
        QStringLiteral("a"), { QStringLiteral("x") });
    auto b = commit(ImageFactory::encode(ImageFactory::scene(100, 80, 2), "png"),
        QStringLiteral("b"), { QStringLiteral("y") });
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    auto bad = await(m_writer->merge(a->key, { b->key, 9999 }));
    QVERIFY(!bad);
    QVERIFY(bad.error().contains(QLatin1String("9999")));
    QVERIFY(!await(m_writer->merge(a->key, { a->key })));
    QVERIFY(!await(m_writer->merge(a->key, {})));
    auto stillA = m_reader->byKey(a->key);
    QVERIFY_OK(stillA);
    QCOMPARE(stillA->tags, QStringList { QStringLiteral("x") });
    QVERIFY_OK(m_reader->byKey(b->key));
    QCOMPARE(*m_reader->trashCount(), 0);
}

void TestSimilar::notDuplicatesSplitAGroup()
{
    openWriter();
    const QImage picture = ImageFactory::scene(320, 240, 77);
    auto a = commit(ImageFactory::encode(picture, "png"), QStringLiteral("a"));
    auto b = commit(ImageFactory::encode(picture, "jpeg", 70), QStringLiteral("b"));
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    SimilarityReader similar(m_reader->catalog());
    auto groups = similar.duplicates(SimilarityRule {});
    QVERIFY_OK(groups);
    QCOMPARE(groups->size(), 1);
    auto marked = await(m_writer->markNotDuplicates({ { b->key, a->key } }));
    QVERIFY_OK(marked);
    QCOMPARE(*marked, 1);
    groups = similar.duplicates(SimilarityRule {});
    QVERIFY_OK(groups);
    QVERIFY(groups->isEmpty());
    // "Similar to" still shows the pair: the mark is about duplicates.
    auto hash = similar.hashOf(a->key);
    QVERIFY_OK(hash);
    auto near = similar.similar(**hash, SimilarityRule {}, a->key);
    QVERIFY_OK(near);
    QCOMPARE(near->size(), 1);

    // A third copy is a duplicate of both: the mark keeps a and b from
    // being linked to each other, not either of them out of its group
    // with c (b vanished from Find Duplicates with its real twin).
    auto c = commit(ImageFactory::encode(picture, "bmp"), QStringLiteral("c"));
    QVERIFY_OK(c);
    for (const auto how : { HashIndex::PairSearch::ByNode, HashIndex::PairSearch::ByBlockWalk }) {
        auto entries = similar.allHashes();
        QVERIFY_OK(entries);
        auto apart = similar.notDuplicates();
        QVERIFY_OK(apart);
        const auto withC = HashIndex(*entries).groups(SimilarityRule {}, *apart, how);
        QCOMPARE(withC.size(), 1);
        QList<qint64> keys;
        for (const HashEntry &e : withC.first())
            keys.append(e.key);
        QCOMPARE(keys, (QList<qint64> { a->key, b->key, c->key }));
    }
}

void TestSimilar::keepBestRule()
{
    const auto record = [](qint64 key, int w, int h, const char *format, qint64 addedMs) {
        ImageRecord r;
        r.key = key;
        r.width = w;
        r.height = h;
        r.format = QString::fromLatin1(format);
        r.addedAt = QDateTime::fromMSecsSinceEpoch(addedMs, Qt::UTC);
        return r;
    };
    const QList<ImageRecord> group { record(1, 400, 300, "jpeg", 10),
        record(2, 800, 600, "jpeg", 30), record(3, 800, 600, "png", 40),
        record(4, 800, 600, "png", 20), record(5, 200, 150, "png", 1) };
    QList<qint64> order;
    for (const ImageRecord &r : KeepBest::ordered(group))
        order.append(r.key);
    QCOMPARE(order, (QList<qint64> { 4, 3, 2, 1, 5 }));
    // ordered() ranks each record once; it must sort as better() compares.
    QRandomGenerator rng(8);
    const char *formats[] = { "png", "jpeg", "webp", "gif", "xyz" };
    QList<ImageRecord> many;
    for (int i = 1; i <= 500; ++i)
        many.append(record(i, 100 * int(rng.bounded(3)), 100 * int(rng.bounded(3)),
            formats[rng.bounded(5)], qint64(rng.bounded(4))));
    QList<ImageRecord> byBetter = many;
    std::sort(byBetter.begin(), byBetter.end(), &KeepBest::better);
    const QList<ImageRecord> byOrdered = KeepBest::ordered(many);
    for (int i = 0; i < many.size(); ++i)
        QCOMPARE(byOrdered[i].key, byBetter[i].key);
    QVERIFY(
        KeepBest::formatRank(QStringLiteral("png")) < KeepBest::formatRank(QStringLiteral("jpeg")));
    QVERIFY(!KeepBest::ruleText().isEmpty());
}

QTEST_GUILESS_MAIN(TestSimilar)
#include "tst_similar.moc"

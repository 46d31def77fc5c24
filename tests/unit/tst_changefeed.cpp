// SPDX-License-Identifier: MIT
// The catalog's change feed: what a commit by any connection (another
// process, here a second writer on the same library) writes to it, how a
// reader folds it, and GalleryModel applying it as inserts, removals and
// dataChanged, never a reset, checked by QAbstractItemModelTester.
#include "awaitfuture.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/changefeed.h"
#include "catalog/libraryreader.h"
#include "catalog/private/libraryreaderworker.h"
#include "imagefactory.h"
#include "ingest/imageprocessor.h"
#include "models/bulkaction.h"
#include "models/gallerymodel.h"
#include "models/gallerythumbnails.h"
#include "models/loadedrows.h"
#include "resultcheck.h"
#include "storage/librarypaths.h"
#include "testfiles.h"
#include "timebounds.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <map>
#include <memory>

using namespace trove;
using trove::test::await;
using namespace trove::test;

namespace {

// Liveness bound (tests/support/timebounds.h), not a measurement:
// bench/live-update measures how fast a change arrives.
constexpr int kArrives = test::kLivenessMs;

} // namespace

class TestChangeFeed : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void commitsWriteFeedRows_data();
    void commitsWriteFeedRows();
    void foldsPerImage();
    void galleryRereadsARowReadBetweenAddAndChange();
    void movedOnlyAfterAnotherConnectionCommits();
    void bulkWhenMoreThanABatch();
    void bulkWhenBehindRetention();
    void thumbnailsAreAnnounced();
    void thumbnailCacheIsBounded_data();
    void thumbnailCacheIsBounded();
    void thumbnailsComeScaledToTheSide();
    void thumbnailsComeInBatches();
    void readerHearsAnotherWriter();
    void readerOpenedLateHearsWhatCameAfterTheWriterOpened();
    void ownCommitsAreSpacedUnderAStream();
    void galleryFollowsAnotherWriter();
    void galleryHealsAfterBulkChange();
    void bulkActionStopsBetweenBatches();
    void bulkBatchesFollowTheirTime_data();
    void bulkBatchesFollowTheirTime();
    void galleryMovesRenamedImage();
    void loadedRowsShiftAsTheRowsDo_data();
    void loadedRowsShiftAsTheRowsDo();
    void galleryPlacesChangesInEveryOrder_data();
    void galleryPlacesChangesInEveryOrder();
    void galleryFollowsShuffleAgain();
    void shuffleIsNoCollectionChange();
    void emptyingTheTrashIsInTheFeed();
    void galleryFollowsCollectionOrder();

private:
    /// The keys the model holds, row by row (0 for a row not loaded).
    static QList<qint64> modelKeys(const GalleryModel &model);
    NewImage made(quint32 seed, const QString &name, const QStringList &tags = {});
    qint64 commit(
        CatalogWriter &writer, quint32 seed, const QString &name, const QStringList &tags = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    LibraryPaths m_paths;
    std::unique_ptr<CatalogWriter> m_writer;
    std::unique_ptr<CatalogReader> m_reader;
    int m_inputs = 0;
};

void TestChangeFeed::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestChangeFeed::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths = LibraryPaths(m_dir->filePath(QStringLiteral("library")));
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    auto opened = await(m_writer->open());
    QVERIFY_OK(opened);
    m_reader = std::make_unique<CatalogReader>();
    QVERIFY_OK(m_reader->open(m_paths));
}

void TestChangeFeed::cleanup()
{
    m_reader.reset();
    m_writer.reset();
    m_dir.reset();
}

NewImage TestChangeFeed::made(quint32 seed, const QString &name, const QStringList &tags)
{
    const QString input = m_dir->filePath(QStringLiteral("input-%1.png").arg(++m_inputs));
    writeFile(
        input, ImageFactory::encode(ImageFactory::pattern(40 + int(seed % 9), 30, seed), "png"));
    ProcessRequest request;
    request.dataPath = input;
    request.originalName = name + QStringLiteral(".png");
    request.tempBlobPath = m_paths.newTempFile(QStringLiteral(".gz"));
    auto processed = ImageProcessor::process(request);
    NewImage image;
    image.name = name;
    image.tags = tags;
    if (processed)
        image.processed = *processed;
    return image;
}

qint64 TestChangeFeed::commit(
    CatalogWriter &writer, quint32 seed, const QString &name, const QStringList &tags)
{
    auto out = await(writer.commitImage(made(seed, name, tags)));
    return out ? out->key : -1;
}

void TestChangeFeed::commitsWriteFeedRows_data()
{
    QTest::addColumn<QString>("edit");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("changed");
    QTest::addColumn<int>("removed");
    // The tag written with the add goes in just before the image (its
    // search text is then written once): folded into the add, the add
    // alone is heard.
    QTest::newRow("nothing") << QString() << 1 << 0 << 0;
    QTest::newRow("retag") << QStringLiteral("tag") << 0 << 1 << 0;
    QTest::newRow("rename") << QStringLiteral("rename") << 0 << 1 << 0;
    QTest::newRow("remove") << QStringLiteral("remove") << 0 << 0 << 1;
}

void TestChangeFeed::commitsWriteFeedRows()
{
    QFETCH(QString, edit);
    QFETCH(int, added);
    QFETCH(int, changed);
    QFETCH(int, removed);
    ChangeFeed feed(m_reader->catalog());
    auto start = feed.head();
    QVERIFY_OK(start);
    const qint64 key = commit(*m_writer, 1, QStringLiteral("first"), { QStringLiteral("a") });
    QVERIFY(key > 0);
    qint64 after = *start;
    if (!edit.isEmpty()) {
        // Read past the add, so the batch shows the edit alone.
        auto seen = feed.readAfter(after);
        QVERIFY_OK(seen);
        QCOMPARE(seen->added, QList<qint64> { key });
        after = seen->toSeq;
    }
    if (edit == QLatin1String("tag"))
        QVERIFY_OK(
            await(m_writer->editTags({ key }, { QStringLiteral("b") }, { QStringLiteral("a") })));
    else if (edit == QLatin1String("rename"))
        QVERIFY_OK(await(m_writer->rename({ key }, QStringLiteral("second"))));
    else if (edit == QLatin1String("remove"))
        QVERIFY_OK(await(m_writer->remove({ key })));
    auto batch = feed.readAfter(after);
    QVERIFY_OK(batch);
    QCOMPARE(int(batch->added.size()), added);
    QCOMPARE(int(batch->changed.size()), changed);
    QCOMPARE(int(batch->removed.size()), removed);
    QVERIFY(!batch->bulk);
    QVERIFY(batch->toSeq > after);
    // Read to the end: nothing more.
    auto again = feed.readAfter(batch->toSeq);
    QVERIFY_OK(again);
    QVERIFY(!again->touchesImages());
    QCOMPARE(again->toSeq, batch->toSeq);
}

void TestChangeFeed::foldsPerImage()
{
    ChangeFeed feed(m_reader->catalog());
    const qint64 start = *feed.head();
    const qint64 kept = commit(*m_writer, 1, QStringLiteral("kept"));
    const qint64 gone = commit(*m_writer, 2, QStringLiteral("gone"));
    QVERIFY_OK(await(m_writer->editTags({ kept, gone }, { QStringLiteral("x") }, {})));
    QVERIFY_OK(await(m_writer->remove({ gone })));
    auto batch = feed.readAfter(start);
    QVERIFY_OK(batch);
    // Added then tagged: an add, and a change for a reader that read the
    // row in between. Added then removed: a removal (a reader may have
    // applied the add on an earlier poll).
    QCOMPARE(batch->added, QList<qint64> { kept });
    QCOMPARE(batch->changed, QList<qint64> { kept });
    QCOMPARE(batch->removed, QList<qint64> { gone });
}

// The gallery can read a new image's row (a page read for the count) before
// the feed tells it of the add. When the add and a retag reach it in one
// batch, the row it holds is the one from before the retag: it must be read
// again, not kept because the key is already there.
void TestChangeFeed::galleryRereadsARowReadBetweenAddAndChange()
{
    LibraryReader reader(m_paths);
    QSignalSpy counted(&reader, &LibraryReader::countReady);
    GalleryModel empty(&reader);
    QTRY_VERIFY_WITH_TIMEOUT(!counted.isEmpty(), kArrives); // the feed is read from here on
    const qint64 key = commit(*m_writer, 3, QStringLiteral("early"), { QStringLiteral("old") });
    GalleryModel model(&reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setVisibleRange(0, 10);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(GalleryModel::TagsRole).toStringList(),
        QStringList { QStringLiteral("old") }, kArrives);
    QVERIFY_OK(
        await(m_writer->editTags({ key }, { QStringLiteral("new") }, { QStringLiteral("old") })));
    reader.watchChanges(50);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0).data(GalleryModel::TagsRole).toStringList(),
        QStringList { QStringLiteral("new") }, kArrives);
    QCOMPARE(model.rowCount(), 1);
}

void TestChangeFeed::movedOnlyAfterAnotherConnectionCommits()
{
    ChangeFeed feed(m_reader->catalog());
    QVERIFY(*feed.moved()); // the first call
    QVERIFY(!*feed.moved());
    QVERIFY(!*feed.moved());
    commit(*m_writer, 3, QStringLiteral("x"));
    QVERIFY(*feed.moved());
    QVERIFY(!*feed.moved());
}

void TestChangeFeed::bulkWhenMoreThanABatch()
{
    ChangeFeed feed(m_reader->catalog());
    const qint64 key = commit(*m_writer, 4, QStringLiteral("x"));
    const qint64 start = *feed.head();
    // One more change than a batch applies one by one, as a bulk retag by
    // another process would write them.
    Connection other;
    QVERIFY_OK(other.open(m_paths, Connection::Kind::Catalog));
    QVERIFY_OK(
        other.exec(QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                  "FROM n WHERE i <= %1) INSERT INTO changes(kind, image_id) "
                                  "SELECT %2, %3 FROM n")
                       .arg(ChangeFeed::kMaxBatch)
                       .arg(int(ChangeKind::ImageChanged))
                       .arg(key)));
    auto batch = feed.readAfter(start);
    QVERIFY_OK(batch);
    QVERIFY(batch->bulk);
    QCOMPARE(batch->toSeq, *feed.head());
    QCOMPARE(batch->toSeq, start + ChangeFeed::kMaxBatch + 1);
    // A batch just under the limit is applied key by key.
    auto small = feed.readAfter(batch->toSeq - ChangeFeed::kMaxBatch);
    QVERIFY_OK(small);
    QVERIFY(!small->bulk);
    QCOMPARE(small->changed, QList<qint64> { key });
}

void TestChangeFeed::bulkWhenBehindRetention()
{
    ChangeFeed feed(m_reader->catalog());
    const qint64 start = *feed.head();
    for (quint32 i = 0; i < 4; ++i)
        commit(*m_writer, 10 + i, QStringLiteral("n%1").arg(i));
    // What the writer does every few hundred batches, keeping one row.
    Connection extra;
    QVERIFY_OK(extra.open(m_paths, Connection::Kind::Catalog));
    QVERIFY_OK(pruneChangeFeed(extra, 1));
    auto behind = feed.readAfter(start + 1);
    QVERIFY_OK(behind);
    QVERIFY(behind->bulk);
    QCOMPARE(behind->toSeq, *feed.head());
}

void TestChangeFeed::thumbnailsAreAnnounced()
{
    ChangeFeed feed(m_reader->catalog());
    const qint64 start = *feed.head();
    const qint64 key = commit(*m_writer, 5, QStringLiteral("t"));
    m_writer->flush();
    auto first = feed.readAfter(start);
    QVERIFY_OK(first);
    QCOMPARE(first->added, QList<qint64> { key });
    QCOMPARE(first->thumbnails, QList<qint64> { key });
    QVERIFY_OK(await(m_writer->putThumbnail(key, QByteArray("not really a jpeg"), QSize(4, 4))));
    auto second = feed.readAfter(first->toSeq);
    QVERIFY_OK(second);
    QCOMPARE(second->thumbnails, QList<qint64> { key });
    QVERIFY(second->added.isEmpty());
}

void TestChangeFeed::thumbnailCacheIsBounded_data()
{
    QTest::addColumn<int>("side");
    QTest::addColumn<int>("kept");
    // 100,000 tiny images streaming past the top of a gallery each get a
    // thumbnail: kept by count, not only by pixels.
    QTest::newRow("24 px, tiny") << 24 << GalleryThumbnails::maxCount();
    QTest::newRow("64 px, still under the floor") << 64 << GalleryThumbnails::maxCount();
    // 256 KiB of pixels each: the 64 MiB bound holds 256.
    QTest::newRow("256 px, full size") << 256 << 256;
}

void TestChangeFeed::thumbnailCacheIsBounded()
{
    QFETCH(int, side);
    QFETCH(int, kept);
    LibraryReader reader(m_paths);
    GalleryThumbnails thumbnails(&reader, [](int) { return qint64(0); });
    QImage image(side, side, QImage::Format_ARGB32);
    image.fill(Qt::darkCyan);
    const int arrived = GalleryThumbnails::maxCount() + 3000;
    // In batches, as the reader hands them on.
    QList<KeyedThumbnail> batch;
    for (qint64 key = 1; key <= arrived; ++key) {
        batch.append({ key, image });
        if (batch.size() == 64 || key == arrived)
            Q_EMIT reader.thumbnailsReady(std::exchange(batch, {}), 0);
    }
    QCOMPARE(thumbnails.cachedCount(), kept);
    // The latest stay, the oldest went.
    QVERIFY(thumbnails.find(arrived));
    QVERIFY(thumbnails.find(arrived - kept + 1));
    QVERIFY(!thumbnails.find(1));
}

// The gallery's thumbnails arrive scaled to its cell by the reader's
// thread (the GUI thread spent ~0.1 ms per cell on it); after a zoom the
// old one is still given (nothing blinks) until the new one comes.
void TestChangeFeed::thumbnailsComeScaledToTheSide()
{
    const QString input = m_dir->filePath(QStringLiteral("wide.png"));
    writeFile(input, ImageFactory::encode(ImageFactory::pattern(600, 400, 9), "png"));
    ProcessRequest request;
    request.dataPath = input;
    request.originalName = QStringLiteral("wide.png");
    request.tempBlobPath = m_paths.newTempFile(QStringLiteral(".gz"));
    auto processed = ImageProcessor::process(request);
    QVERIFY_OK(processed);
    NewImage image;
    image.name = QStringLiteral("wide");
    image.processed = *processed;
    auto committed = await(m_writer->commitImage(image));
    QVERIFY_OK(committed);
    const qint64 key = committed->key;
    m_writer->flush();

    LibraryReader reader(m_paths);
    GalleryThumbnails thumbnails(&reader, [key](int row) { return row == 0 ? key : 0; });
    QSignalSpy arrived(&thumbnails, &GalleryThumbnails::arrived);
    const auto longest = [&] {
        const QSize size = thumbnails.find(key)->size();
        return std::max(size.width(), size.height());
    };
    thumbnails.setSide(120);
    thumbnails.setVisibleRange(0, 0);
    QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), kArrives);
    QCOMPARE(longest(), 120);

    arrived.clear();
    thumbnails.setSide(200);
    QCOMPARE(longest(), 120); // until the new one
    QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), kArrives);
    QCOMPARE(longest(), 200);

    // As stored (256 px a side at most) when no side is asked for.
    arrived.clear();
    thumbnails.setSide(0);
    QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), kArrives);
    QCOMPARE(longest(), 256);

    // On a 2x screen a cell of 160 is 320 device pixels: the photo fills
    // it, scaled up from the 256 stored, instead of sitting at 128 in it.
    arrived.clear();
    thumbnails.setSide(320, 2.0);
    QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), kArrives);
    QCOMPARE(longest(), 320);
}

// A screenful of thumbnails reaches the GUI thread as a few batches in the
// order asked, not one queued signal each (a paste streaming in asked for
// ~400 a second, each its own event and repaint).
void TestChangeFeed::thumbnailsComeInBatches()
{
    QList<qint64> keys;
    for (quint32 seed = 1; seed <= 40; ++seed) {
        const qint64 key = commit(*m_writer, 100 + seed, QStringLiteral("cell %1").arg(seed));
        QVERIFY(key > 0);
        keys.prepend(key); // newest first, as the gallery asks
    }
    m_writer->flush();

    LibraryReader reader(m_paths);
    QSignalSpy batches(&reader, &LibraryReader::thumbnailsReady);
    reader.requestThumbnails(keys, 96);
    QList<qint64> arrived;
    int handedOn = 0;
    int largestSide = 0;
    const auto take = [&] {
        for (; !batches.isEmpty(); batches.removeFirst()) {
            ++handedOn;
            const auto batch = batches.first().at(0).value<QList<KeyedThumbnail>>();
            for (const auto &[key, image] : batch) {
                arrived.append(key);
                largestSide = std::max({ largestSide, image.width(), image.height() });
            }
        }
        return arrived.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(take(), keys.size(), kArrives);
    QCOMPARE(arrived, keys);
    QVERIFY(largestSide > 0 && largestSide <= 96);
    // Each batch holds what took 16 ms to read: 40 thumbnails come in
    // fewer signals unless every one took that long alone.
    QVERIFY2(handedOn < keys.size(), qPrintable(QStringLiteral("%1 signals").arg(handedOn)));
}

void TestChangeFeed::readerHearsAnotherWriter()
{
    LibraryReader reader(m_paths);
    reader.watchChanges(50);
    QSignalSpy changes(&reader, &LibraryReader::changesReady);
    // Let the reader open and take the head before anything happens.
    reader.requestStats();
    QSignalSpy stats(&reader, &LibraryReader::statsReady);
    QVERIFY(stats.wait(kArrives));

    // A second writer on the same library stands for another process: the
    // reader knows nothing of it but the feed.
    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    const qint64 key = commit(other, 6, QStringLiteral("from elsewhere"));
    QVERIFY(key > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), kArrives);
    QList<qint64> added;
    for (const auto &args : changes)
        added += args.at(0).value<ChangeBatch>().added;
    QCOMPARE(added, QList<qint64> { key });
}

// A window's reader opens on its own thread, some time after its writer
// opened the library. Whatever is written in between (a collection made
// by a test, a script or the API as soon as the library is open) comes
// later than what the window read at the start, so the feed must hand it
// on: starting from the head as the reader opened lost it, and the
// Collections dock never showed the new collection.
void TestChangeFeed::readerOpenedLateHearsWhatCameAfterTheWriterOpened()
{
    QVERIFY(m_writer->feedHeadAtOpen() >= 0);
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Early"))));
    const qint64 key = commit(*m_writer, 3, QStringLiteral("early bird"));
    QVERIFY(key > 0);

    LibraryReader reader(m_paths, m_writer.get());
    QSignalSpy changes(&reader, &LibraryReader::changesReady);
    reader.watchChanges(50);
    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(changes.cbegin(), changes.cend(),
                                 [](const QList<QVariant> &args) {
                                     return args.at(0).value<ChangeBatch>().collectionsChanged;
                                 }),
        kArrives);
    QList<qint64> added;
    for (const auto &args : std::as_const(changes))
        added += args.at(0).value<ChangeBatch>().added;
    QCOMPARE(added, QList<qint64> { key });
}

void TestChangeFeed::ownCommitsAreSpacedUnderAStream()
{
    // The reader of a window hears its own writer's commits without the
    // timer (no watchChanges() here). An ingest commits every 25 ms: handed
    // on one by one, each would cost the gallery a lookup, a page and a
    // repaint.
    LibraryReader reader(m_paths, m_writer.get());
    QSignalSpy changes(&reader, &LibraryReader::changesReady);
    reader.requestStats();
    QSignalSpy stats(&reader, &LibraryReader::statsReady);
    QVERIFY(stats.wait(kArrives));

    // A lone commit is handed on at once, not at a poll.
    const qint64 first = commit(*m_writer, 1, QStringLiteral("lone"));
    QTRY_COMPARE_WITH_TIMEOUT(changes.size(), 1, kArrives);
    QCOMPARE(changes.at(0).at(0).value<ChangeBatch>().added, QList<qint64> { first });
    changes.clear();

    QElapsedTimer clock;
    clock.start();
    QList<qint64> committed;
    constexpr int kCommits = 40;
    for (int i = 0; i < kCommits; ++i) {
        committed.append(commit(*m_writer, quint32(100 + i), QStringLiteral("stream %1").arg(i)));
        QTest::qWait(10);
    }
    QList<qint64> added;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            added.clear();
            for (const auto &args : std::as_const(changes))
                added += args.at(0).value<ChangeBatch>().added;
            return added.size() == kCommits;
        }(),
        kArrives);
    const qint64 elapsedMs = clock.elapsed();
    QCOMPARE(added, committed);
    // At most one batch per 200 ms, and one more at the end; one per
    // commit (40) before the spacing.
    const qint64 allowed = elapsedMs / LibraryReaderWorker::kOwnCommitSpacingMs + 2;
    QVERIFY2(changes.size() <= allowed,
        qPrintable(QStringLiteral("%1 batches in %2 ms").arg(changes.size()).arg(elapsedMs)));
}

void TestChangeFeed::galleryFollowsAnotherWriter()
{
    const qint64 first = commit(*m_writer, 7, QStringLiteral("first"));
    LibraryReader reader(m_paths);
    GalleryModel model(&reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    reader.watchChanges(50);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kArrives);
    model.setVisibleRange(0, 10);
    QTRY_VERIFY_WITH_TIMEOUT(model.index(0).data(GalleryModel::LoadedRole).toBool(), kArrives);

    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const qint64 second = commit(other, 8, QStringLiteral("second"));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, kArrives);
    QVERIFY(!inserted.isEmpty());
    // Newest first: the new image is row 0 once loaded.
    QTRY_COMPARE_WITH_TIMEOUT(
        model.index(0).data(GalleryModel::KeyRole).toLongLong(), second, kArrives);

    QVERIFY_OK(await(other.editTags({ first }, { QStringLiteral("elsewhere") }, {})));
    QTRY_VERIFY_WITH_TIMEOUT(model.index(1)
                                 .data(GalleryModel::TagsRole)
                                 .toStringList()
                                 .contains(QStringLiteral("elsewhere")),
        kArrives);

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY_OK(await(other.remove({ second })));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kArrives);
    QVERIFY(!removed.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        model.index(0).data(GalleryModel::KeyRole).toLongLong(), first, kArrives);
    QCOMPARE(resets.count(), 0);
}

// In a name order a rename moves the row (rowsMoved, no reset), so that
// persistent indexes (the selection, the current row) go with it.
void TestChangeFeed::galleryMovesRenamedImage()
{
    const qint64 a = commit(*m_writer, 11, QStringLiteral("a"));
    commit(*m_writer, 12, QStringLiteral("b"));
    commit(*m_writer, 13, QStringLiteral("c"));
    LibraryReader reader(m_paths);
    GalleryModel model(&reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(ImageQuery { {}, {}, ImageQuery::Order::NameAscending });
    reader.watchChanges(50);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, kArrives);
    model.setVisibleRange(0, 10);
    QTRY_VERIFY_WITH_TIMEOUT(model.index(2).data(GalleryModel::LoadedRole).toBool(), kArrives);
    QCOMPARE(model.index(0).data(GalleryModel::KeyRole).toLongLong(), a);
    const QPersistentModelIndex held(model.index(0));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);

    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    QVERIFY_OK(await(other.rename({ a }, QStringLiteral("d"))));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(2).data(GalleryModel::KeyRole).toLongLong(), a, kArrives);
    QCOMPARE(model.index(2).data(Qt::DisplayRole).toString(), QStringLiteral("d"));
    QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("b"));
    QCOMPARE(held.row(), 2);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(resets.count(), 0);

    // Renamed to where it already stands: no move.
    QVERIFY_OK(await(other.rename({ a }, QStringLiteral("e"))));
    QTRY_COMPARE_WITH_TIMEOUT(
        model.index(2).data(Qt::DisplayRole).toString(), QStringLiteral("e"), kArrives);
    QCOMPARE(moved.count(), 1);
}

void TestChangeFeed::galleryHealsAfterBulkChange()
{
    LibraryReader reader(m_paths);
    GalleryModel model(&reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    reader.watchChanges(50);
    model.setVisibleRange(0, 100);
    QTRY_VERIFY_WITH_TIMEOUT(model.isReady(), kArrives);

    // More adds than the model places one by one: it recounts and reloads.
    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    QList<QFuture<Result<CommitOutcome>>> pending;
    for (quint32 i = 0; i < 80; ++i)
        pending << other.commitImage(made(100 + i, QStringLiteral("bulk-%1").arg(i)));
    for (auto &f : pending)
        QVERIFY_OK(await(f));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 80, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(model.index(79).data(GalleryModel::LoadedRole).toBool(), kArrives);
    QCOMPARE(resets.count(), 0);
}

QList<qint64> TestChangeFeed::modelKeys(const GalleryModel &model)
{
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row).data(GalleryModel::KeyRole).toLongLong();
    return out;
}

// The gallery's loaded records under a stream of inserts, removals, moves,
// page stores and evictions: each step checked against a plain map of row
// to key that shifts the way the rows of a list do.
void TestChangeFeed::loadedRowsShiftAsTheRowsDo_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : { 1u, 7u, 42u, 2026u, 99991u })
        QTest::addRow("seed %u", seed) << seed;
}

void TestChangeFeed::loadedRowsShiftAsTheRowsDo()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    LoadedRows loaded;
    std::map<int, qint64> expected; // row -> key
    int count = 0; // rows in the list, loaded or not
    qint64 nextKey = 1;
    const auto storeExpected = [&](int row, qint64 key) {
        for (auto it = expected.begin(); it != expected.end();) {
            it = it->second == key && it->first != row ? expected.erase(it) : std::next(it);
        }
        expected[row] = key;
    };
    for (int step = 0; step < 3000; ++step) {
        const int op = int(random.bounded(7));
        if (op == 0 || count == 0) { // a page read: a run of records, some already held
            const int first = count == 0 ? 0 : int(random.bounded(count));
            const int n = 1 + int(random.bounded(12));
            count = std::max(count, first + n);
            QList<ImageRecord> records;
            for (int i = 0; i < n; ++i) {
                ImageRecord record;
                const bool again = !expected.empty() && random.bounded(4) == 0;
                record.key = again
                    ? std::next(expected.begin(), random.bounded(int(expected.size())))->second
                    : nextKey++;
                bool dup = false;
                for (const ImageRecord &r : std::as_const(records))
                    dup = dup || r.key == record.key;
                if (dup)
                    record.key = nextKey++;
                records << record;
            }
            loaded.storeRun(first, records);
            for (int i = 0; i < n; ++i) {
                for (auto it = expected.begin(); it != expected.end();)
                    it = it->first == first + i ? expected.erase(it) : std::next(it);
            }
            for (int i = 0; i < n; ++i)
                storeExpected(first + i, records[i].key);
        } else if (op == 1) { // one record changed or read
            ImageRecord record;
            record.key = random.bounded(3) == 0 ? nextKey++ : qint64(1 + random.bounded(nextKey));
            const int row = int(random.bounded(count));
            loaded.store(row, record);
            storeExpected(row, record.key);
        } else if (op == 2) { // new images placed
            const int row = int(random.bounded(count + 1));
            const int n = 1 + int(random.bounded(5));
            loaded.insertRows(row, n);
            std::map<int, qint64> shifted;
            for (const auto &[r, k] : expected)
                shifted[r >= row ? r + n : r] = k;
            expected.swap(shifted);
            count += n;
        } else if (op == 3) { // an image removed
            const int row = int(random.bounded(count));
            loaded.removeRow(row);
            std::map<int, qint64> shifted;
            for (const auto &[r, k] : expected) {
                if (r != row)
                    shifted[r > row ? r - 1 : r] = k;
            }
            expected.swap(shifted);
            --count;
        } else if (op == 4) { // an image renamed into another place
            const int from = int(random.bounded(count));
            const int to = int(random.bounded(count));
            loaded.moveRow(from, to);
            std::map<int, qint64> shifted;
            for (const auto &[r, k] : expected) {
                int moved = r;
                if (r == from)
                    moved = to;
                else if (from < to && r > from && r <= to)
                    moved = r - 1;
                else if (to < from && r >= to && r < from)
                    moved = r + 1;
                shifted[moved] = k;
            }
            expected.swap(shifted);
        } else if (op == 5 && random.bounded(10) == 0) { // the count shrank
            count = int(random.bounded(count + 1));
            loaded.truncate(count);
            expected.erase(expected.lower_bound(count), expected.end());
        } else if (op == 6 && random.bounded(5) == 0) { // far pages dropped
            const int centre = int(random.bounded(count));
            QList<int> dropped;
            loaded.dropIf([centre](int row) { return std::abs(row - centre) > 20; },
                [&dropped](int row) { dropped << row; });
            QList<int> expectedDropped;
            for (auto it = expected.begin(); it != expected.end();) {
                if (std::abs(it->first - centre) > 20) {
                    expectedDropped << it->first;
                    it = expected.erase(it);
                } else {
                    ++it;
                }
            }
            QCOMPARE(dropped, expectedDropped);
        }
        QCOMPARE(loaded.size(), int(expected.size()));
        for (const auto &[row, key] : expected) {
            const ImageRecord *record = loaded.at(row);
            QVERIFY2(record, qPrintable(QStringLiteral("step %1: row %2 lost").arg(step).arg(row)));
            QCOMPARE(record->key, key);
            QCOMPARE(loaded.rowOf(key), row);
        }
        QVERIFY(!loaded.at(count));
        QCOMPARE(loaded.rowOf(nextKey), -1);
    }
}

void TestChangeFeed::galleryPlacesChangesInEveryOrder_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("search");
    const QList<QPair<const char *, ImageQuery::Order>> orders {
        { "newest", ImageQuery::Order::NewestFirst },
        { "oldest", ImageQuery::Order::OldestFirst },
        { "name", ImageQuery::Order::NameAscending },
        { "name-desc", ImageQuery::Order::NameDescending },
        { "size", ImageQuery::Order::LargestFirst },
        { "size-asc", ImageQuery::Order::SmallestFirst },
        { "pixels", ImageQuery::Order::MostPixelsFirst },
        { "pixels-asc", ImageQuery::Order::FewestPixelsFirst },
        { "random", ImageQuery::Order::Shuffled },
        { "rating", ImageQuery::Order::RatingDescending },
        { "rating-asc", ImageQuery::Order::RatingAscending },
    };
    for (const auto &[name, order] : orders) {
        QTest::addRow("%s", name) << int(order) << QString();
        QTest::addRow("%s, searched", name) << int(order) << QStringLiteral("pic");
    }
}

// Whatever the order, with or without a search: the model shows the
// catalog's order, and images another process adds or removes land in
// their place (inserted and removed rows, never a reset).
void TestChangeFeed::galleryPlacesChangesInEveryOrder()
{
    QFETCH(int, order);
    QFETCH(QString, search);
    for (quint32 i = 0; i < 8; ++i)
        commit(*m_writer, 20 + i, QStringLiteral("pic %1").arg(i * 7 % 12));
    commit(*m_writer, 30, QStringLiteral("other"));
    ImageQuery query;
    query.order = ImageQuery::Order(order);
    query.search = search;
    auto catalogKeys = [&] { return *m_reader->keys(query, 0, 1000); };

    LibraryReader reader(m_paths);
    GalleryModel model(&reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(query);
    reader.watchChanges(50);
    model.setVisibleRange(0, 50);
    QTRY_COMPARE_WITH_TIMEOUT(modelKeys(model), catalogKeys(), kArrives);
    QCOMPARE(model.rowCount(), search.isEmpty() ? 9 : 8);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    const qint64 big = commit(other, 40, QStringLiteral("pic 10b"));
    const qint64 small = commit(other, 41, QStringLiteral("pic 1a"));
    QVERIFY(big > 0 && small > 0);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), search.isEmpty() ? 11 : 10, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(modelKeys(model), catalogKeys(), kArrives);
    QVERIFY(!inserted.isEmpty());

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    const QList<qint64> before = catalogKeys();
    QVERIFY_OK(await(other.remove({ before.at(before.size() / 2) })));
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), before.size() - 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(modelKeys(model), catalogKeys(), kArrives);
    QVERIFY(!removed.isEmpty());
    QCOMPARE(resets.count(), 0);
}

// Shuffle Again in another process: the model shows the new order.
void TestChangeFeed::galleryFollowsShuffleAgain()
{
    for (quint32 i = 0; i < 12; ++i)
        commit(*m_writer, 50 + i, QStringLiteral("pic %1").arg(i));
    ImageQuery query;
    query.order = ImageQuery::Order::Shuffled;
    auto catalogKeys = [&] { return *m_reader->keys(query, 0, 1000); };
    LibraryReader reader(m_paths);
    GalleryModel model(&reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(query);
    reader.watchChanges(50);
    model.setVisibleRange(0, 50);
    QTRY_COMPARE_WITH_TIMEOUT(modelKeys(model), catalogKeys(), kArrives);
    const QList<qint64> first = modelKeys(model);

    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    QVERIFY_OK(await(other.shuffle()));
    QVERIFY(catalogKeys() != first);
    QTRY_COMPARE_WITH_TIMEOUT(modelKeys(model), catalogKeys(), kArrives);
}

// Shuffle Again is a bulk change of every view, and no change of any
// collection: the Collections dock does not read its list again for it.
void TestChangeFeed::shuffleIsNoCollectionChange()
{
    commit(*m_writer, 60, QStringLiteral("pic"));
    ChangeFeed feed(m_reader->catalog());
    const qint64 head = *feed.head();
    QVERIFY_OK(await(m_writer->shuffle()));
    auto batch = feed.readAfter(head);
    QVERIFY_OK(batch);
    QVERIFY(batch->bulk);
    QVERIFY(!batch->collectionsChanged);

    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Kept"))));
    batch = feed.readAfter(batch->toSeq);
    QVERIFY_OK(batch);
    QVERIFY(batch->collectionsChanged);
    QVERIFY(!batch->bulk);
}

// Moves into and out of the trash are image removals and adds; deleting
// trash rows for good changes no image, and is announced on its own, once
// per empty, so that a window showing the trash reads it again.
void TestChangeFeed::emptyingTheTrashIsInTheFeed()
{
    const qint64 kept = commit(*m_writer, 61, QStringLiteral("kept"));
    const qint64 gone = commit(*m_writer, 62, QStringLiteral("gone"));
    QVERIFY_OK(await(m_writer->remove({ kept, gone })));
    ChangeFeed feed(m_reader->catalog());
    const qint64 head = *feed.head();
    // Nothing in the trash to empty: nothing announced.
    QVERIFY_OK(await(m_writer->emptyTrash(TrashFilter::ofKeys({ 999999 }))));
    auto batch = feed.readAfter(head);
    QVERIFY_OK(batch);
    QVERIFY(batch->isEmpty());

    QCOMPARE(*await(m_writer->emptyTrash(TrashFilter::ofKeys({ gone }))), 1);
    batch = feed.readAfter(head);
    QVERIFY_OK(batch);
    QVERIFY(batch->trashEmptied);
    QVERIFY(!batch->touchesImages());
    QCOMPARE(batch->toSeq, *feed.head());

    QVERIFY_OK(await(m_writer->restoreFromTrash({ kept })));
    batch = feed.readAfter(batch->toSeq);
    QVERIFY_OK(batch);
    QVERIFY(!batch->trashEmptied);
    QCOMPARE(batch->added, QList<qint64> { kept });
}

// A gallery showing a collection in its hand order: a move by another
// process (which changes no image, only the order) shows as the new order;
// members added and taken out come and go as rows; never a reset.
void TestChangeFeed::galleryFollowsCollectionOrder()
{
    QList<qint64> keys;
    for (quint32 i = 0; i < 6; ++i)
        keys << commit(*m_writer, 70 + i, QStringLiteral("pic %1").arg(i));
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Trip"))));
    const QList<qint64> hand { keys[3], keys[0], keys[5], keys[1] };
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("Trip"), hand)), 4);
    ImageQuery query;
    query.search = QStringLiteral("in:trip");
    query.order = ImageQuery::Order::CollectionOrder;
    auto catalogKeys = [&] { return *m_reader->keys(query, 0, 1000); };
    QCOMPARE(catalogKeys(), hand);

    LibraryReader reader(m_paths);
    GalleryModel model(&reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(query);
    reader.watchChanges(50);
    model.setVisibleRange(0, 50);
    QTRY_COMPARE_WITH_TIMEOUT(modelKeys(model), hand, kArrives);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    QCOMPARE(
        *await(other.moveInCollection(QStringLiteral("trip"), { keys[1], keys[5] }, keys[3])), 2);
    const QList<qint64> moved { keys[1], keys[5], keys[3], keys[0] };
    QCOMPARE(catalogKeys(), moved);
    QTRY_COMPARE_WITH_TIMEOUT(modelKeys(model), moved, kArrives);

    QCOMPARE(*await(other.addToCollection(QStringLiteral("trip"), { keys[2] })), 1);
    QTRY_COMPARE_WITH_TIMEOUT(modelKeys(model), moved + QList<qint64> { keys[2] }, kArrives);
    QCOMPARE(*await(other.removeFromCollection(QStringLiteral("trip"), { keys[5] })), 1);
    QTRY_COMPARE_WITH_TIMEOUT(
        modelKeys(model), (QList<qint64> { keys[1], keys[3], keys[0], keys[2] }), kArrives);
    QCOMPARE(resets.count(), 0);
}

// How big the next batch of a bulk action is, after one of `size` keys took
// `ms`: fast batches grow (at most twice as big), slow ones shrink, within
// the bounds, so a million-image remove writes big batches where they are
// cheap per key and a slow disk still answers Stop within seconds.
void TestChangeFeed::bulkBatchesFollowTheirTime_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<int>("next");
    const qint64 target = BulkAction::kBatchTargetMs;
    QTest::newRow("on target stays") << 20000 << target << 20000;
    QTest::newRow("fast doubles, no more") << 5000 << qint64(10) << 10000;
    QTest::newRow("a third of the target doubles") << 5000 << target / 3 << 10000;
    QTest::newRow("two thirds of the target grows by half") << 6000 << target * 2 / 3 << 9000;
    QTest::newRow("twice the target halves") << 20000 << 2 * target << 10000;
    QTest::newRow("zero time doubles") << 5000 << qint64(0) << 10000;
    QTest::newRow("never past the largest") << 40000 << qint64(100) << BulkAction::kMaxBatch;
    QTest::newRow("never under the smallest") << 2000 << 60 * target << BulkAction::kMinBatch;
}

void TestChangeFeed::bulkBatchesFollowTheirTime()
{
    QFETCH(int, size);
    QFETCH(qint64, ms);
    QFETCH(int, next);
    QCOMPARE(BulkAction::nextBatchSize(size, ms), next);
}

QTEST_MAIN(TestChangeFeed)
#include "tst_changefeed.moc"

// A bulk action writes its keys in batches, in order; a Stop lands between
// two of them. What it reports as done is exactly the keys written (the
// front of the list), which is what the window's undo puts back.
void TestChangeFeed::bulkActionStopsBetweenBatches()
{
    const qint64 first = commit(*m_writer, 1, QStringLiteral("first"));
    const qint64 last = commit(*m_writer, 2, QStringLiteral("last"));
    QVERIFY(first > 0 && last > 0);
    // Keys of no image are passed over by the writer, as keys removed
    // elsewhere meanwhile are; they make the list longer than two batches.
    QList<qint64> keys { first };
    for (qint64 k = 0; keys.size() < 2 * BulkAction::kBatch + 7; ++k)
        keys.append(1'000'000 + k);
    keys.append(last);

    auto *stopped = new BulkAction(m_writer.get(), BulkAction::Kind::Remove, keys);
    QSignalSpy progress(stopped, &BulkAction::progress);
    QSignalSpy finished(stopped, &BulkAction::finished);
    connect(stopped, &BulkAction::progress, stopped, [stopped](qint64 done, qint64) {
        if (done > 0)
            stopped->cancel(); // after the first batch
    });
    QList<qint64> done;
    connect(stopped, &BulkAction::finished, this, [&done, stopped] { done = stopped->doneKeys(); });
    stopped->start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, test::kLivenessMs);
    QCOMPARE(finished.first().at(0).toLongLong(), qint64(BulkAction::kBatch));
    QVERIFY(finished.first().at(1).toString().isEmpty());
    QCOMPARE(done, keys.first(BulkAction::kBatch));
    QCOMPARE(progress.last().at(0).toLongLong(), qint64(BulkAction::kBatch));
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(keys.size()));
    QVERIFY(!m_reader->byKey(first).ok()); // in the trash
    QVERIFY(m_reader->byKey(last).ok()); // its batch never went

    auto *all = new BulkAction(m_writer.get(), BulkAction::Kind::Remove, keys);
    QSignalSpy allFinished(all, &BulkAction::finished);
    connect(all, &BulkAction::finished, this, [&done, all] { done = all->doneKeys(); });
    all->start();
    QTRY_COMPARE_WITH_TIMEOUT(allFinished.size(), 1, test::kLivenessMs);
    QCOMPARE(allFinished.first().at(0).toLongLong(), qint64(keys.size()));
    QCOMPARE(done, keys);
    QVERIFY(!m_reader->byKey(last).ok());
}

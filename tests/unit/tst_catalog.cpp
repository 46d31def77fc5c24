// SPDX-License-Identifier: MIT
// CatalogWriter + CatalogReader on a real library in a temp folder: the
// schema, commits and their files, duplicates, tags, renames, removal,
// lookups, filters, hostile text, and readers seeing what the writer did.

#include "awaitfuture.h"
#include "base/naturalkey.h"
#include "catalog/catalogmaintenance.h"
#include "catalog/catalogquery.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/changefeed.h"
#include "catalog/collections.h"
#include "catalog/librarybackup.h"
#include "imagefactory.h"
#include "ingest/imageprocessor.h"
#include "resultcheck.h"
#include "storage/database.h"
#include "storage/librarypaths.h"
#include "testfiles.h"
#include "timebounds.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>
#include <array>
#include <latch>
#include <memory>
#include <thread>
#include <vector>

using namespace trove;
using trove::test::await;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;
using trove::test::sha256Hex;
using trove::test::writeFile;

namespace {

/// Every file under blobs/, relative to it.
QStringList blobFiles(const LibraryPaths &paths)
{
    QStringList out;
    QDirIterator it(paths.blobsDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(paths.blobsDir()).relativeFilePath(it.next());
    out.sort();
    return out;
}

QStringList tmpFiles(const LibraryPaths &paths)
{
    return QDir(paths.tmpDir()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

/// A raw connection for the checks the reader API does not expose.
class Probe {
public:
    explicit Probe(const QString &file)
        : m_name(QStringLiteral("probe-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        db.open();
    }
    ~Probe() { QSqlDatabase::removeDatabase(m_name); }

    QVariant scalar(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(sql) || !q.next())
            return {};
        return q.value(0);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        return q.exec(sql);
    }
    /// EXPLAIN QUERY PLAN's steps, joined.
    QString plan(const QString &sql)
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        if (!q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
            return q.lastError().text();
        QStringList steps;
        while (q.next())
            steps << q.value(QStringLiteral("detail")).toString();
        return steps.join(QLatin1String("; "));
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

const QRegularExpression kUuid(
    QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));

} // namespace

class TestCatalog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void openCreatesLibrary();
    void openIsRepeatable();
    void openRefusesNewerSchema();
    void openRefusesFileAsLibrary();
    void requestsBeforeOpenFail();
    void commitStoresEverything();
    void imagesAddedComesAfterCommit();
    void duplicateAddsSource();
    void annotationSurvivesDuplicatesAndTrash();
    void foundOnSurvivesDuplicatesTrashAndMerge();
    void duplicatesInOneBatch();
    void batchOfCommits();
    void failingJobDoesNotSpoilItsBatch();
    void editTags();
    void tagsAreCaseInsensitiveAcrossEdits_data();
    void tagsAreCaseInsensitiveAcrossEdits();
    void ratingsAndFavouritesUndoExactly();
    void editsLeaveTrashedImagesAlone_data();
    void editsLeaveTrashedImagesAlone();
    void undoAndRedoAreCompareAndSet_data();
    void undoAndRedoAreCompareAndSet();
    void rename();
    void remove();
    void trashKeepsImageWhole();
    void restoreMergesIntoBytesAddedAgain();
    void restoreMergeKeepsWhatThePersonGave();
    void restoreMergeIsTakenBack();
    void bytesAddedAgainDescribeTheBlobInPlace();
    void restoreTwinsInOneBatch();
    void searchTextSurvivesTheTrash();
    void manyTagsAtOnceKeepTheSearchText();
    void emptyTrashDeletesOnlyUnreferencedBlobs();
    void removedBytesNeedForce();
    void moveToTrashTenThousand();
    void forceSurvivesInTheQueue();
    void resolve();
    void listFiltersAndOrders_data();
    void listFiltersAndOrders();
    void pagingAndRows();
    void everyOrderPages_data();
    void everyOrderPages();
    void everyOrderWalksAnIndex_data();
    void everyOrderWalksAnIndex();
    void idLookupsUseAnIndex();
    void collectionOrderPages_data();
    void collectionOrderPages();
    void collectionOrderNeedsOneHandMadeCollection();
    void collectionMoveTakesBack_data();
    void collectionMoveTakesBack();
    void renameCollection_data();
    void renameCollection();
    void collectionNamesInAnyCase_data();
    void collectionNamesInAnyCase();
    void collectionKeysBuiltForOlderLibrary();
    void trashFilterInAnyCase_data();
    void trashFilterInAnyCase();
    void naturalNamesFollowRenameAndRestore();
    void shuffleAgainIsANewStableOrder();
    void newOrdersBuiltForOlderLibrary();
    void searchFollowsEdits();
    void searchIndexBuiltForOlderLibrary();
    void tagKeysBuiltForOlderLibrary();
    void hostileText_data();
    void hostileText();
    void otherReadersSeeCommits();
    void concurrentFirstOpen();
    void destroyingWriterFlushes();
    void integrityAndCounts();
    void sqliteFullIsDiskFull();
    void fullDiskCommitIsDiskFull();
    void backupCancelledIsNotComplete();
    void collectionsHoldImagesInOrder();
    void collectionsFollowTheTrash();

private:
    struct Made {
        QByteArray bytes;
        ProcessedImage processed;
    };
    Made make(quint32 seed, const QByteArray &format = "png");
    Made makeFrom(const QByteArray &bytes, const QString &originalName);
    NewImage newImage(const QString &name, const Made &made, const QStringList &tags = {},
        const QString &url = {});
    Result<CommitOutcome> commit(
        const QString &name, quint32 seed, const QStringList &tags = {}, const QString &url = {});
    void openWriter();
    /// @p count images written straight into the catalog, with names,
    /// sizes and dimensions that tie and that sort differently as text and
    /// naturally; answers their keys.
    QList<qint64> fillForOrders(int count);

    std::unique_ptr<QTemporaryDir> m_dir;
    LibraryPaths m_paths;
    std::unique_ptr<CatalogWriter> m_writer;
    std::unique_ptr<CatalogReader> m_reader;
    int m_made = 0;
};

// A hand-made collection: created once (names unique whatever their case),
// images appended in order, moved, taken out; a smart one refuses items;
// deleting a collection leaves its images. Every window hears of it.
void TestCatalog::collectionsHoldImagesInOrder()
{
    openWriter();
    QList<qint64> keys;
    for (quint32 seed : { 71u, 72u, 73u, 74u }) {
        auto made = commit(QStringLiteral("image %1").arg(seed), seed);
        QVERIFY_OK(made);
        keys << made->key;
    }
    ChangeFeed feed(m_reader->catalog());
    const qint64 head = *feed.head();
    QSignalSpy changed(m_writer.get(), &CatalogWriter::imagesChanged);

    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("  Holiday   2026 "))));
    auto twice = await(m_writer->createCollection(QStringLiteral("holiday 2026")));
    QVERIFY(!twice);
    QVERIFY2(twice.error().contains(QStringLiteral("exists already")), qPrintable(twice.error()));
    QVERIFY(!await(m_writer->createCollection(QStringLiteral("   "))));
    QVERIFY(!await(m_writer->createCollection(QStringLiteral("Empty"), QStringLiteral(" "))));
    QVERIFY_OK(
        await(m_writer->createCollection(QStringLiteral("Large"), QStringLiteral("width:>10"))));
    // A smart collection naming itself, or one that names it back, is
    // refused when made (every use of it failed before).
    auto self = await(
        m_writer->createCollection(QStringLiteral("Self"), QStringLiteral("tag:x OR in:SELF")));
    QVERIFY(!self);
    QVERIFY2(self.error().contains(QStringLiteral("cannot name itself")), qPrintable(self.error()));
    QVERIFY_OK(await(m_writer->createCollection(
        QStringLiteral("Wide"), QStringLiteral("in:large -in:\"Tall ones\""))));
    auto loop
        = await(m_writer->createCollection(QStringLiteral("Tall ones"), QStringLiteral("in:wide")));
    QVERIFY(!loop);
    QCOMPARE(loop.error(), QStringLiteral("“Tall ones” names “Wide”, which names it back"));
    QVERIFY(!*Collections::find(m_reader->catalog(), QStringLiteral("Tall ones")));
    QVERIFY_OK(await(m_writer->deleteCollection(QStringLiteral("Wide"))));

    QCOMPARE(*await(m_writer->addToCollection(
                 QStringLiteral("HOLIDAY 2026"), { keys[2], keys[0], 999999, keys[2] })),
        2);
    QCOMPARE(
        *await(m_writer->addToCollection(QStringLiteral("holiday 2026"), { keys[0], keys[3] })), 1);
    const auto found = *Collections::find(m_reader->catalog(), QStringLiteral("holiday 2026"));
    QVERIFY(found);
    QCOMPARE(found->name, QStringLiteral("Holiday 2026"));
    QCOMPARE(found->count, 3);
    QVERIFY(!found->isSmart());
    QCOMPARE(*Collections::members(m_reader->catalog(), found->id),
        (QList<qint64> { keys[2], keys[0], keys[3] }));
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 2, kLivenessMs);
    auto batch = feed.readAfter(head);
    QVERIFY_OK(batch);
    QVERIFY(batch->collectionsChanged);
    QVERIFY(batch->changed.contains(keys[2]));

    // Moved before another, or to the end, keeping their own order.
    QCOMPARE(
        *await(m_writer->moveInCollection(QStringLiteral("holiday 2026"), { keys[3] }, keys[2])),
        1);
    QCOMPARE(*Collections::members(m_reader->catalog(), found->id),
        (QList<qint64> { keys[3], keys[2], keys[0] }));
    QCOMPARE(
        *await(m_writer->moveInCollection(QStringLiteral("holiday 2026"), { keys[3], keys[2] }, 0)),
        2);
    QCOMPARE(*Collections::members(m_reader->catalog(), found->id),
        (QList<qint64> { keys[0], keys[3], keys[2] }));

    // A smart collection is its search.
    auto smart = await(m_writer->addToCollection(QStringLiteral("large"), { keys[1] }));
    QVERIFY(!smart);
    QVERIFY2(smart.error().contains(QStringLiteral("smart collection")), qPrintable(smart.error()));
    auto unknown = await(m_writer->addToCollection(QStringLiteral("nowhere"), { keys[1] }));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error(), QStringLiteral("no collection named “nowhere”"));
    auto all = Collections::list(m_reader->catalog());
    QVERIFY_OK(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->at(1).name, QStringLiteral("Large"));
    QCOMPARE(all->at(1).query, QStringLiteral("width:>10"));
    QCOMPARE(all->at(1).count, -1);

    ImageQuery inIt;
    inIt.search = QStringLiteral("in:\"holiday 2026\"");
    QCOMPARE(*m_reader->count(inIt), 3);
    QCOMPARE(*await(m_writer->removeFromCollection(
                 QStringLiteral("holiday 2026"), { keys[0], keys[1] })),
        1);
    QCOMPARE(*m_reader->count(inIt), 2);
    QVERIFY_OK(await(m_writer->deleteCollection(QStringLiteral("Holiday 2026"))));
    QVERIFY(!*Collections::find(m_reader->catalog(), QStringLiteral("holiday 2026")));
    QCOMPARE(m_reader->stats()->images, 4);
    QSqlQuery left
        = m_reader->catalog().query(QStringLiteral("SELECT count(*) FROM collection_items"));
    QVERIFY(left.exec() && left.next());
    QCOMPARE(left.value(0).toInt(), 0);
    QVERIFY(!m_reader->count(inIt));
}

// A trashed image leaves its collections' lists and comes back into them
// when restored; emptied from the trash, it leaves them for good.
void TestCatalog::collectionsFollowTheTrash()
{
    openWriter();
    auto a = commit(QStringLiteral("kept"), 81);
    auto b = commit(QStringLiteral("gone"), 82);
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Both"))));
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("both"), { b->key, a->key })), 2);
    const qint64 id = (*Collections::find(m_reader->catalog(), QStringLiteral("both")))->id;

    QCOMPARE(*await(m_writer->moveToTrash({ b->key })), 1);
    QCOMPARE(*Collections::members(m_reader->catalog(), id), QList<qint64> { a->key });
    QCOMPARE((*Collections::find(m_reader->catalog(), QStringLiteral("both")))->count, 1);
    ImageQuery inBoth;
    inBoth.search = QStringLiteral("in:both");
    QCOMPARE(*m_reader->count(inBoth), 1);
    inBoth.order = ImageQuery::Order::CollectionOrder;
    QCOMPARE(*m_reader->count(inBoth), 1);
    QCOMPARE(*await(m_writer->restoreFromTrash({ b->key })), 1);
    QCOMPARE(*Collections::members(m_reader->catalog(), id), (QList<qint64> { b->key, a->key }));

    QCOMPARE(*await(m_writer->moveToTrash({ b->key })), 1);
    QCOMPARE(*await(m_writer->emptyTrash(TrashFilter::all())), 1);
    QSqlQuery left = m_reader->catalog().query(
        QStringLiteral("SELECT count(*) FROM collection_items WHERE image_id = ?"));
    left.bindValue(0, b->key);
    QVERIFY(left.exec() && left.next());
    QCOMPARE(left.value(0).toInt(), 0);
    QCOMPARE(*Collections::members(m_reader->catalog(), id), QList<qint64> { a->key });
}

void TestCatalog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<QList<qint64>>();
}

void TestCatalog::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths = LibraryPaths(m_dir->filePath(QStringLiteral("library")));
    m_writer = std::make_unique<CatalogWriter>(m_paths);
}

void TestCatalog::cleanup()
{
    m_reader.reset();
    m_writer.reset();
    m_dir.reset();
}

void TestCatalog::openWriter()
{
    auto opened = await(m_writer->open());
    QVERIFY_OK(opened);
    QVERIFY(*opened);
    m_reader = std::make_unique<CatalogReader>();
    auto r = m_reader->open(m_paths);
    QVERIFY_OK(r);
}

TestCatalog::Made TestCatalog::makeFrom(const QByteArray &bytes, const QString &originalName)
{
    const QString input = m_dir->filePath(QStringLiteral("input-%1").arg(++m_made));
    writeFile(input, bytes);
    ProcessRequest request;
    request.dataPath = input;
    request.originalName = originalName;
    request.tempBlobPath = m_paths.newTempFile(QStringLiteral(".gz"));
    auto processed = ImageProcessor::process(request);
    if (!processed) {
        qWarning() << "process failed:" << processed.error();
        return {};
    }
    return { bytes, *processed };
}

TestCatalog::Made TestCatalog::make(quint32 seed, const QByteArray &format)
{
    const QByteArray bytes = format == "gif"
        ? ImageFactory::gif(40, 30, seed)
        : ImageFactory::encode(ImageFactory::pattern(48 + int(seed % 7), 32, seed), format);
    return makeFrom(
        bytes, QStringLiteral("image-%1.%2").arg(seed).arg(QString::fromLatin1(format)));
}

NewImage TestCatalog::newImage(
    const QString &name, const Made &made, const QStringList &tags, const QString &url)
{
    NewImage image;
    image.name = name;
    image.tags = tags;
    image.sourceUrl = url;
    image.processed = made.processed;
    return image;
}

Result<CommitOutcome> TestCatalog::commit(
    const QString &name, quint32 seed, const QStringList &tags, const QString &url)
{
    const Made made = make(seed);
    if (made.bytes.isEmpty())
        return fail(QStringLiteral("could not make an image"));
    return await(m_writer->commitImage(newImage(name, made, tags, url)));
}

void TestCatalog::openCreatesLibrary()
{
    openWriter();
    QVERIFY(QFileInfo(m_paths.catalogFile()).isFile());
    QVERIFY(QFileInfo(m_paths.thumbsFile()).isFile());
    QVERIFY(QFileInfo(m_paths.blobsDir()).isDir());
    QVERIFY(QFileInfo(m_paths.tmpDir()).isDir());
    QCOMPARE(m_paths.catalogFile(), m_dir->filePath(QStringLiteral("library/catalog.sqlite")));
    QCOMPARE(m_paths.thumbsFile(), m_dir->filePath(QStringLiteral("library/thumbs.sqlite")));

    Probe catalog(m_paths.catalogFile());
    QCOMPARE(catalog.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
        Connection::schemaVersion(Connection::Kind::Catalog));
    QVERIFY(Connection::schemaVersion(Connection::Kind::Catalog) >= 1);
    QCOMPARE(
        catalog.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    for (const char *table : { "images", "sources", "tags", "stats", "queue", "blob_journal" })
        QVERIFY2(catalog
                     .scalar(QStringLiteral(
                         "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                                 .arg(QLatin1String(table)))
                     .toInt()
                == 1,
            table);

    Probe thumbs(m_paths.thumbsFile());
    QCOMPARE(thumbs.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
        Connection::schemaVersion(Connection::Kind::Thumbs));
    QCOMPARE(
        thumbs.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));

    auto stats = m_reader->stats();
    QVERIFY_OK(stats);
    QCOMPARE(stats->images, 0);
    QCOMPARE(stats->originalBytes, 0);
    QCOMPARE(stats->storedBytes, 0);
    QVERIFY(!stats->lastAdded.isValid());
}

void TestCatalog::openIsRepeatable()
{
    openWriter();
    QVERIFY_OK(commit(QStringLiteral("kept"), 1));
    auto again = await(m_writer->open());
    QVERIFY_OK(again);
    // A second writer (another process on the same library) opens too and
    // migrates nothing.
    m_writer.reset();
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    QVERIFY_OK(await(m_writer->open()));
    QCOMPARE(*m_reader->count({}), 1);
}

void TestCatalog::openRefusesNewerSchema()
{
    openWriter();
    m_reader.reset();
    m_writer.reset();
    {
        Probe catalog(m_paths.catalogFile());
        QVERIFY(catalog.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    auto opened = await(m_writer->open());
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().contains(QLatin1String("newer Trove")), qPrintable(opened.error()));
    CatalogReader reader;
    auto r = reader.open(m_paths);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().contains(QLatin1String("newer Trove")), qPrintable(r.error()));
}

void TestCatalog::openRefusesFileAsLibrary()
{
    const QString file = m_dir->filePath(QStringLiteral("not-a-folder"));
    QVERIFY(writeFile(file, "x"));
    m_writer = std::make_unique<CatalogWriter>(LibraryPaths(file));
    auto opened = await(m_writer->open());
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().contains(QLatin1String("is not a folder")), qPrintable(opened.error()));
}

void TestCatalog::requestsBeforeOpenFail()
{
    QVERIFY_OK(m_paths.ensureLayout());
    const Made made = make(2);
    QVERIFY(!made.bytes.isEmpty());
    auto r = await(m_writer->commitImage(newImage(QStringLiteral("early"), made)));
    QVERIFY(!r.ok());
    QCOMPARE(r.error(), QStringLiteral("the library is not open"));
    auto tags = await(m_writer->editTags({ 1 }, { QStringLiteral("x") }, {}));
    QVERIFY(!tags.ok());
}

void TestCatalog::commitStoresEverything()
{
    openWriter();
    const Made made = make(3);
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    auto outcome = await(m_writer->commitImage(
        newImage(QStringLiteral("A cat"), made, { QStringLiteral("pets"), QStringLiteral("Cute") },
            QStringLiteral("https://cats.example/a/cat.png"))));
    const QDateTime after = QDateTime::currentDateTimeUtc().addMSecs(1);
    QVERIFY_OK(outcome);
    QVERIFY(outcome->key > 0);
    QVERIFY2(kUuid.match(outcome->id).hasMatch(), qPrintable(outcome->id));
    QCOMPARE(outcome->name, QStringLiteral("A cat"));
    QVERIFY(!outcome->duplicate);

    auto record = m_reader->byKey(outcome->key);
    QVERIFY_OK(record);
    QCOMPARE(record->key, outcome->key);
    QCOMPARE(record->id, outcome->id);
    QCOMPARE(record->name, QStringLiteral("A cat"));
    QCOMPARE(record->tags, (QStringList { QStringLiteral("Cute"), QStringLiteral("pets") }));
    QCOMPARE(record->sources, QStringList { QStringLiteral("https://cats.example/a/cat.png") });
    QCOMPARE(record->sha256, sha256Hex(made.bytes));
    QCOMPARE(record->format, QStringLiteral("png"));
    QCOMPARE(record->width, made.processed.width);
    QCOMPARE(record->height, 32);
    QCOMPARE(record->originalBytes, made.bytes.size());
    QCOMPARE(record->storedBytes, made.processed.blob.storedBytes);
    QVERIFY(record->addedAt >= before && record->addedAt <= after);
    QCOMPARE(record->addedAt.timeSpec(), Qt::UTC);
    QVERIFY(!record->damaged);

    // The blob: content addressed, in place, the temp file gone.
    const QString blob = m_paths.blobFile(record->sha256);
    QCOMPARE(blob,
        m_paths.blobsDir() + QLatin1Char('/') + record->sha256.left(2) + QLatin1Char('/')
            + record->sha256 + QStringLiteral(".gz"));
    QVERIFY(QFileInfo::exists(blob));
    QCOMPARE(QFileInfo(blob).size(), record->storedBytes);
    QVERIFY(!QFileInfo::exists(made.processed.tempBlobPath));
    QVERIFY(tmpFiles(m_paths).isEmpty());
    QCOMPARE(blobFiles(m_paths),
        QStringList {
            record->sha256.left(2) + QLatin1Char('/') + record->sha256 + QStringLiteral(".gz") });
    auto original = GzipCodec::readAll(blob);
    QVERIFY_OK(original);
    QVERIFY(*original == made.bytes);

    auto thumb = m_reader->thumbnail(outcome->key);
    QVERIFY_OK(thumb);
    QCOMPARE(*thumb, made.processed.thumbnail);

    auto stats = m_reader->stats();
    QVERIFY_OK(stats);
    QCOMPARE(stats->images, 1);
    QCOMPARE(stats->originalBytes, record->originalBytes);
    QCOMPARE(stats->storedBytes, record->storedBytes);
    QCOMPARE(stats->lastAdded, record->addedAt);

    const QJsonObject json = record->toJson();
    for (const char *key : { "id", "name", "tags", "source_url", "sha256", "format", "width",
             "height", "original_bytes", "stored_bytes", "added_at" })
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QCOMPARE(json.value(QLatin1String("source_url")).toString(),
        QStringLiteral("https://cats.example/a/cat.png"));
    QCOMPARE(json.value(QLatin1String("added_at")).toString(), isoUtc(record->addedAt));
    QVERIFY(json.value(QLatin1String("added_at")).toString().endsWith(QLatin1Char('Z')));
}

void TestCatalog::imagesAddedComesAfterCommit()
{
    openWriter();
    QSignalSpy added(m_writer.get(), &CatalogWriter::imagesAdded);
    QSignalSpy changed(m_writer.get(), &CatalogWriter::imagesChanged);
    // Whoever hears the signal can already read the row.
    QList<qint64> seen;
    connect(m_writer.get(), &CatalogWriter::imagesAdded, this,
        [this, &seen](const QList<qint64> &keys) {
            for (qint64 key : keys) {
                if (m_reader->byKey(key).ok())
                    seen.append(key);
            }
        });
    auto outcome = commit(QStringLiteral("signalled"), 4);
    QVERIFY_OK(outcome);
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, kLivenessMs);
    QCOMPARE(added.at(0).at(0).value<QList<qint64>>(), QList<qint64> { outcome->key });
    QCOMPARE(seen, QList<qint64> { outcome->key });
    QCOMPARE(changed.count(), 0);
}

void TestCatalog::duplicateAddsSource()
{
    openWriter();
    QSignalSpy added(m_writer.get(), &CatalogWriter::imagesAdded);
    QSignalSpy changed(m_writer.get(), &CatalogWriter::imagesChanged);
    const Made first = make(5);
    auto one = await(m_writer->commitImage(newImage(QStringLiteral("first"), first,
        { QStringLiteral("a") }, QStringLiteral("http://one.example/x.png"))));
    QVERIFY_OK(one);
    // The same bytes again, processed anew, from another link.
    const Made second = makeFrom(first.bytes, QStringLiteral("other-name.png"));
    QVERIFY(QFileInfo::exists(second.processed.tempBlobPath));
    auto two = await(m_writer->commitImage(newImage(QStringLiteral("second"), second,
        { QStringLiteral("b") }, QStringLiteral("http://two.example/y.png"))));
    QVERIFY_OK(two);
    QVERIFY(two->duplicate);
    QCOMPARE(two->key, one->key);
    QCOMPARE(two->id, one->id);
    QCOMPARE(two->name, QStringLiteral("first"));

    QCOMPARE(*m_reader->count({}), 1);
    auto record = m_reader->byKey(one->key);
    QVERIFY_OK(record);
    QCOMPARE(record->name, QStringLiteral("first"));
    QCOMPARE(record->sources,
        (QStringList { QStringLiteral("http://one.example/x.png"),
            QStringLiteral("http://two.example/y.png") }));
    QCOMPARE(record->tags, (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
    QCOMPARE(blobFiles(m_paths).size(), 1);
    QVERIFY(!QFileInfo::exists(second.processed.tempBlobPath));
    QVERIFY(tmpFiles(m_paths).isEmpty());
    auto stats = m_reader->stats();
    QCOMPARE(stats->images, 1);
    QCOMPARE(stats->originalBytes, first.bytes.size());

    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kLivenessMs);
    QCOMPARE(added.count(), 1);

    // The same link a third time changes nothing.
    const Made third = makeFrom(first.bytes, QStringLiteral("x.png"));
    auto three = await(m_writer->commitImage(
        newImage(QStringLiteral("third"), third, {}, QStringLiteral("http://one.example/x.png"))));
    QVERIFY_OK(three);
    QVERIFY(three->duplicate);
    QCOMPARE(m_reader->byKey(one->key)->sources.size(), 2);
}

void TestCatalog::duplicatesInOneBatch()
{
    openWriter();
    const Made a = make(6);
    const Made b = makeFrom(a.bytes, QStringLiteral("b.png"));
    // Posted back to back, so they share one transaction.
    auto fa = m_writer->commitImage(
        newImage(QStringLiteral("a"), a, {}, QStringLiteral("http://a.example/1.png")));
    auto fb = m_writer->commitImage(
        newImage(QStringLiteral("b"), b, {}, QStringLiteral("http://b.example/1.png")));
    auto ra = await(fa);
    auto rb = await(fb);
    QVERIFY_OK(ra);
    QVERIFY_OK(rb);
    QVERIFY(ra->duplicate != rb->duplicate);
    QCOMPARE(ra->key, rb->key);
    QCOMPARE(*m_reader->count({}), 1);
    QCOMPARE(m_reader->byKey(ra->key)->sources.size(), 2);
    QCOMPARE(blobFiles(m_paths).size(), 1);
    QVERIFY(tmpFiles(m_paths).isEmpty());
}

void TestCatalog::batchOfCommits()
{
    openWriter();
    QSignalSpy added(m_writer.get(), &CatalogWriter::imagesAdded);
    QList<QFuture<Result<CommitOutcome>>> futures;
    for (quint32 seed = 100; seed < 120; ++seed)
        futures.append(
            m_writer->commitImage(newImage(QStringLiteral("batch %1").arg(seed), make(seed))));
    QSet<qint64> keys;
    for (auto &f : futures) {
        auto r = await(f);
        QVERIFY_OK(r);
        QVERIFY(!r->duplicate);
        keys.insert(r->key);
    }
    QCOMPARE(keys.size(), 20);
    QCOMPARE(*m_reader->count({}), 20);
    QCOMPARE(m_reader->stats()->images, 20);
    QCOMPARE(blobFiles(m_paths).size(), 20);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            int n = 0;
            for (const auto &call : added)
                n += int(call.at(0).value<QList<qint64>>().size());
            return n == 20;
        }(),
        kLivenessMs);
}

void TestCatalog::failingJobDoesNotSpoilItsBatch()
{
    openWriter();
    auto seeded = commit(QStringLiteral("existing"), 7);
    QVERIFY_OK(seeded);
    auto f1 = m_writer->commitImage(newImage(QStringLiteral("one"), make(8)));
    auto bad = m_writer->rename({ seeded->key }, QStringLiteral("   "));
    auto f2 = m_writer->commitImage(newImage(QStringLiteral("two"), make(9)));
    QVERIFY_OK(await(f1));
    auto badResult = await(bad);
    QVERIFY(!badResult.ok());
    QCOMPARE(badResult.error(), QStringLiteral("a name cannot be empty"));
    QVERIFY_OK(await(f2));
    QCOMPARE(*m_reader->count({}), 3);
    QCOMPARE(m_reader->byKey(seeded->key)->name, QStringLiteral("existing"));
}

void TestCatalog::editTags()
{
    openWriter();
    auto a = commit(QStringLiteral("a"), 10);
    auto b = commit(QStringLiteral("b"), 11);
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    QSignalSpy changed(m_writer.get(), &CatalogWriter::imagesChanged);

    auto n = await(m_writer->editTags({ a->key, b->key },
        { QStringLiteral("Cat"), QStringLiteral("cat"), QStringLiteral("  Fluffy  "),
            QStringLiteral(""), QStringLiteral("two\nlines") },
        {}));
    QVERIFY_OK(n);
    QCOMPARE(*n, 2);
    QCOMPARE(m_reader->byKey(a->key)->tags,
        (QStringList {
            QStringLiteral("Cat"), QStringLiteral("Fluffy"), QStringLiteral("two lines") }));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kLivenessMs);
    QCOMPARE(changed.at(0).at(0).value<QList<qint64>>(), (QList<qint64> { a->key, b->key }));

    // Removal ignores case.
    QVERIFY_OK(await(
        m_writer->editTags({ a->key }, {}, { QStringLiteral("CAT"), QStringLiteral("fluffy") })));
    QCOMPARE(m_reader->byKey(a->key)->tags, QStringList { QStringLiteral("two lines") });
    QCOMPARE(m_reader->byKey(b->key)->tags.size(), 3);

    // Add and remove in one edit; removing what is not there is fine.
    QVERIFY_OK(await(m_writer->editTags({ b->key }, { QStringLiteral("new") },
        { QStringLiteral("Cat"), QStringLiteral("absent") })));
    QCOMPARE(m_reader->byKey(b->key)->tags,
        (QStringList {
            QStringLiteral("Fluffy"), QStringLiteral("new"), QStringLiteral("two lines") }));

    ImageQuery query;
    query.tag = QStringLiteral("FLUFFY");
    QCOMPARE(*m_reader->count(query), 1);
}

void TestCatalog::ratingsAndFavouritesUndoExactly()
{
    openWriter();
    auto a = commit(QStringLiteral("a"), 40);
    auto b = commit(QStringLiteral("b"), 41);
    auto c = commit(QStringLiteral("c"), 42);
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    QVERIFY_OK(c);
    QCOMPARE(m_reader->byKey(a->key)->rating, 0);
    QVERIFY(!m_reader->byKey(a->key)->favourite);
    QVERIFY_OK(await(m_writer->setRating({ b->key }, 2)));
    QSignalSpy changed(m_writer.get(), &CatalogWriter::imagesChanged);

    // Only what really changes is answered (c has 5 already), with the
    // value it had; a key not in the library is skipped.
    QVERIFY_OK(await(m_writer->setRating({ c->key }, 5)));
    auto delta = await(m_writer->setRating({ a->key, b->key, c->key, 999999 }, 5));
    QVERIFY_OK(delta);
    QCOMPARE(delta->mark, MarkDelta::Mark::Rating);
    auto before = delta->before;
    std::sort(before.begin(), before.end());
    QCOMPARE(before, (QList<QPair<qint64, int>> { { a->key, 0 }, { b->key, 2 } }));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kLivenessMs);
    for (const auto &r : { a, b, c })
        QCOMPARE(m_reader->byKey(r->key)->rating, 5);

    // Undo: each its own value back; redo: the same images again.
    QCOMPARE(delta->absent.gone, QList<qint64> { 999999 });
    auto reverted = await(m_writer->revertMarks(*delta));
    QVERIFY_OK(reverted);
    QCOMPARE(reverted->changed, 2);
    QVERIFY(reverted->conflicts.isEmpty());
    QCOMPARE(m_reader->byKey(a->key)->rating, 0);
    QCOMPARE(m_reader->byKey(b->key)->rating, 2);
    QCOMPARE(m_reader->byKey(c->key)->rating, 5);
    QVERIFY_OK(await(m_writer->reapplyMarks(*delta, 5)));
    QCOMPARE(m_reader->byKey(a->key)->rating, 5);
    QCOMPARE(m_reader->byKey(b->key)->rating, 5);
    // Out of range is clamped, never stored.
    QVERIFY_OK(await(m_writer->setRating({ a->key }, 9)));
    QCOMPARE(m_reader->byKey(a->key)->rating, 5);
    QVERIFY_OK(await(m_writer->setRating({ a->key }, -3)));
    QCOMPARE(m_reader->byKey(a->key)->rating, 0);

    auto fav = await(m_writer->setFavourite({ a->key, c->key }, true));
    QVERIFY_OK(fav);
    QCOMPARE(fav->mark, MarkDelta::Mark::Favourite);
    QCOMPARE(fav->before.size(), 2);
    QVERIFY(m_reader->byKey(c->key)->favourite);
    QVERIFY(!m_reader->byKey(b->key)->favourite);
    ImageQuery favourites;
    favourites.search = QStringLiteral("fav");
    QCOMPARE(*m_reader->count(favourites), 2);
    QVERIFY_OK(await(m_writer->revertMarks(*fav)));
    QCOMPARE(*m_reader->count(favourites), 0);
    QVERIFY_OK(await(m_writer->setFavourite({ c->key }, true)));

    // The trash keeps both, and a restore gives them back.
    QVERIFY_OK(await(m_writer->moveToTrash({ c->key })));
    auto trashed = m_reader->trash();
    QVERIFY_OK(trashed);
    QCOMPARE(trashed->size(), 1);
    QCOMPARE(trashed->first().image.rating, 5);
    QVERIFY(trashed->first().image.favourite);
    QVERIFY_OK(await(m_writer->restoreFromTrash({ c->key })));
    QCOMPARE(m_reader->byKey(c->key)->rating, 5);
    QVERIFY(m_reader->byKey(c->key)->favourite);
}

void TestCatalog::tagsAreCaseInsensitiveAcrossEdits_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("edited");
    QTest::addColumn<QString>("again");
    QTest::newRow("ASCII") << QStringLiteral("Cat") << QStringLiteral("cat")
                           << QStringLiteral("CAT");
    QTest::newRow("umlaut") << QStringLiteral("Über") << QStringLiteral("über")
                            << QStringLiteral("ÜBER");
    QTest::newRow("capitals") << QStringLiteral("ÄRGER") << QStringLiteral("ärger")
                              << QStringLiteral("Ärger");
    QTest::newRow("Greek") << QStringLiteral("ΣΟΦΊΑ") << QStringLiteral("σοφία")
                           << QStringLiteral("Σοφία");
    QTest::newRow("capital sharp s")
        << QStringLiteral("Straße") << QStringLiteral("STRAẞE") << QStringLiteral("straße");
    QTest::newRow("decomposed") << QStringLiteral("Über") << QStringLiteral("u\u0308ber")
                                << QStringLiteral("U\u0308BER");
}

void TestCatalog::tagsAreCaseInsensitiveAcrossEdits()
{
    // Tags are one tag in any case of any script everywhere (filter,
    // removal, the normalisation of one edit), so adding "über" to an
    // image tagged "Über" must not give it both.
    QFETCH(QString, first);
    QFETCH(QString, edited);
    QFETCH(QString, again);
    openWriter();
    auto a = commit(QStringLiteral("a"), 12, { first });
    QVERIFY_OK(a);
    QVERIFY_OK(await(m_writer->editTags({ a->key }, { edited }, {})));
    QCOMPARE(m_reader->byKey(a->key)->tags, QStringList { first });
    // The same through a duplicate commit carrying the tag in another case.
    const Made twin = makeFrom(make(12).bytes, QStringLiteral("again.png"));
    QVERIFY_OK(await(m_writer->commitImage(newImage(QStringLiteral("again"), twin, { again }))));
    QCOMPARE(m_reader->byKey(a->key)->tags, QStringList { first });
    // Removed in another case, it is gone.
    QVERIFY_OK(await(m_writer->editTags({ a->key }, {}, { again })));
    QCOMPARE(m_reader->byKey(a->key)->tags, QStringList {});
}

// Another process moved an image to the trash (or deleted it for good)
// before the asker's view caught up: an edit of it changes nothing — no
// raw "FOREIGN KEY constraint failed", no delta for an undo — and says
// which it left alone; the images still in the library get the edit.
void TestCatalog::editsLeaveTrashedImagesAlone_data()
{
    QTest::addColumn<QString>("edit");
    QTest::newRow("add tag") << QStringLiteral("add tag");
    QTest::newRow("remove tag") << QStringLiteral("remove tag");
    QTest::newRow("rename") << QStringLiteral("rename");
    QTest::newRow("rating") << QStringLiteral("rating");
    QTest::newRow("favourite") << QStringLiteral("favourite");
}

void TestCatalog::editsLeaveTrashedImagesAlone()
{
    QFETCH(QString, edit);
    openWriter();
    auto trashed = commit(QStringLiteral("trashed"), 71, { QStringLiteral("kept") });
    auto stays = commit(QStringLiteral("stays"), 72);
    auto deleted = commit(QStringLiteral("deleted"), 73);
    QVERIFY_OK(trashed);
    QVERIFY_OK(stays);
    QVERIFY_OK(deleted);
    // Elsewhere: another writer, as the CLI would.
    {
        CatalogWriter other(m_paths);
        QVERIFY_OK(await(other.open()));
        QVERIFY_OK(await(other.moveToTrash({ trashed->key, deleted->key })));
        QVERIFY_OK(await(other.emptyTrash(TrashFilter::ofKeys({ deleted->key }))));
    }
    Probe probe(m_paths.catalogFile());
    const QString trashRow = QStringLiteral(
        "SELECT name || '|' || tags || '|' || rating || '|' || favourite FROM trash");
    const QVariant before = probe.scalar(trashRow);
    QVERIFY(before.isValid());

    // (absent, whether the edit recorded anything for an undo)
    auto run = [this, &edit](const QList<qint64> &keys) -> Result<QPair<Absent, bool>> {
        if (edit == QLatin1String("add tag") || edit == QLatin1String("remove tag")) {
            const QStringList tag { QStringLiteral("kept") };
            auto r = await(edit == QLatin1String("add tag")
                    ? m_writer->editTagsRecorded(keys, tag, {})
                    : m_writer->editTagsRecorded(keys, {}, tag));
            if (!r)
                return r.failure();
            return qMakePair(r->absent, !r->isEmpty());
        }
        if (edit == QLatin1String("rename")) {
            auto r = await(m_writer->rename(keys, QStringLiteral("new name")));
            if (!r)
                return r.failure();
            return qMakePair(r->absent, !r->isEmpty());
        }
        auto r = await(edit == QLatin1String("rating") ? m_writer->setRating(keys, 4)
                                                       : m_writer->setFavourite(keys, true));
        if (!r)
            return r.failure();
        return qMakePair(r->absent, !r->isEmpty());
    };

    // The trashed image alone: nothing changes, nothing to undo.
    auto alone = run({ trashed->key });
    QVERIFY_OK(alone);
    QCOMPARE(alone->first.trashed, QList<qint64> { trashed->key });
    QVERIFY(alone->first.gone.isEmpty());
    QVERIFY(!alone->second);
    QCOMPARE(probe.scalar(trashRow), before);
    QVERIFY(
        probe
            .scalar(
                QStringLiteral("SELECT count(*) FROM tags WHERE image_id = %1").arg(trashed->key))
            .toInt()
        == 0);

    // Beside images still there, and one deleted for good: they get the
    // edit; the others are answered apart.
    auto mixed = run({ trashed->key, stays->key, deleted->key });
    QVERIFY_OK(mixed);
    QCOMPARE(mixed->first.trashed, QList<qint64> { trashed->key });
    QCOMPARE(mixed->first.gone, QList<qint64> { deleted->key });
    QCOMPARE(probe.scalar(trashRow), before);
    const ImageRecord kept = *m_reader->byKey(stays->key);
    if (edit == QLatin1String("add tag"))
        QCOMPARE(kept.tags, QStringList { QStringLiteral("kept") });
    else if (edit == QLatin1String("rename"))
        QCOMPARE(kept.name, QStringLiteral("new name"));
    else if (edit == QLatin1String("rating"))
        QCOMPARE(kept.rating, 4);
    else if (edit == QLatin1String("favourite"))
        QVERIFY(kept.favourite);
    QCOMPARE(mixed->second, edit != QLatin1String("remove tag"));
    QCOMPARE(*m_reader->trashCount(), qint64(1));

    // A tag edit's undo after its image went to the trash: left alone and
    // answered, not "FOREIGN KEY constraint failed".
    if (edit == QLatin1String("remove tag")) {
        TagDelta taken;
        taken.removed = { { stays->key, QStringLiteral("gone with it") } };
        CatalogWriter other(m_paths);
        QVERIFY_OK(await(other.open()));
        QVERIFY_OK(await(other.moveToTrash({ stays->key })));
        auto undone = await(m_writer->revertTags(taken));
        QVERIFY_OK(undone);
        QCOMPARE(undone->changed, 0);
        QCOMPARE(undone->absent.trashed, QList<qint64> { stays->key });
        QCOMPARE(*m_reader->trashCount(), qint64(2));
    }
}

// Undo gives back the value before only where the image still has the
// one the edit set, and redo sets it again only where the image still
// has the value before: what another process (the CLI, another window)
// set in between stands, and the answer names those images.
void TestCatalog::undoAndRedoAreCompareAndSet_data()
{
    QTest::addColumn<QString>("mark");
    QTest::newRow("rename") << QStringLiteral("rename");
    QTest::newRow("rating") << QStringLiteral("rating");
    QTest::newRow("favourite") << QStringLiteral("favourite");
}

void TestCatalog::undoAndRedoAreCompareAndSet()
{
    QFETCH(QString, mark);
    openWriter();
    auto mine = commit(QStringLiteral("mine"), 81);
    auto theirs = commit(QStringLiteral("theirs"), 82);
    auto gone = commit(QStringLiteral("gone"), 83);
    QVERIFY_OK(mine);
    QVERIFY_OK(theirs);
    QVERIFY_OK(gone);
    const QList<qint64> keys { mine->key, theirs->key, gone->key };
    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    const bool rename = mark == QLatin1String("rename");
    const bool rating = mark == QLatin1String("rating");
    // What each image shows, whichever mark the row is about.
    auto valueOf = [&](qint64 key) -> QVariant {
        const auto r = m_reader->byKey(key);
        if (!r)
            return QStringLiteral("not in the library");
        return rename ? QVariant(r->name) : rating ? QVariant(r->rating) : QVariant(r->favourite);
    };
    // The edit, and the change elsewhere to `theirs` after it.
    Renamed renamed;
    MarkDelta delta;
    QVariant set;
    QVariant elsewhere;
    if (rename) {
        auto r = await(m_writer->rename(keys, QStringLiteral("edited")));
        QVERIFY_OK(r);
        renamed = *r;
        QCOMPARE(renamed.before.size(), 3);
        QVERIFY_OK(await(other.rename({ theirs->key }, QStringLiteral("their name"))));
        set = QStringLiteral("edited");
        elsewhere = QStringLiteral("their name");
    } else {
        auto r = await(rating ? m_writer->setRating(keys, 4) : m_writer->setFavourite(keys, true));
        QVERIFY_OK(r);
        delta = *r;
        QCOMPARE(delta.before.size(), 3);
        QVERIFY_OK(await(rating ? other.setRating({ theirs->key }, 1)
                                : other.setFavourite({ theirs->key }, false)));
        set = rating ? QVariant(4) : QVariant(true);
        elsewhere = rating ? QVariant(1) : QVariant(false);
    }
    QVERIFY_OK(await(other.moveToTrash({ gone->key })));
    const QVariant original = valueOf(mine->key);
    QCOMPARE(original, set);

    auto undo = await(rename ? m_writer->revertRename(renamed) : m_writer->revertMarks(delta));
    QVERIFY_OK(undo);
    QCOMPARE(undo->changed, 1);
    QCOMPARE(undo->conflicts, QList<qint64> { theirs->key });
    QCOMPARE(undo->absent.trashed, QList<qint64> { gone->key });
    QCOMPARE(valueOf(theirs->key), elsewhere);
    const QVariant beforeEdit = rename ? QVariant(QStringLiteral("mine"))
        : rating                       ? QVariant(0)
                                       : QVariant(false);
    QCOMPARE(valueOf(mine->key), beforeEdit);

    // Changed elsewhere again, to what it was before the edit: a redo
    // would find it as the edit did, and does set it.
    if (rename)
        QVERIFY_OK(await(other.rename({ theirs->key }, QStringLiteral("theirs"))));
    else
        QVERIFY_OK(await(rating ? other.setRating({ theirs->key }, 0)
                                : other.setFavourite({ theirs->key }, false)));
    // `mine` changed elsewhere after the undo: the redo leaves it.
    if (rename)
        QVERIFY_OK(await(other.rename({ mine->key }, QStringLiteral("theirs now"))));
    else
        QVERIFY_OK(await(
            rating ? other.setRating({ mine->key }, 2) : other.setFavourite({ mine->key }, true)));
    const QVariant mineElsewhere = valueOf(mine->key);
    auto redo = await(rename ? m_writer->reapplyRename(renamed) : m_writer->reapplyMarks(delta, 4));
    QVERIFY_OK(redo);
    QCOMPARE(redo->absent.trashed, QList<qint64> { gone->key });
    QCOMPARE(valueOf(theirs->key), set);
    QCOMPARE(valueOf(mine->key), mineElsewhere);
    // (A favourite marked elsewhere is what the redo sets, but not by this
    // edit: the compare fails all the same.)
    QCOMPARE(redo->changed, 1);
    QCOMPARE(redo->conflicts, QList<qint64> { mine->key });
    // The trashed image kept what it had when it went.
    auto trash = m_reader->trash();
    QVERIFY_OK(trash);
    QCOMPARE(trash->size(), 1);
    if (rename)
        QCOMPARE(trash->first().image.name, QStringLiteral("edited"));
    else if (rating)
        QCOMPARE(trash->first().image.rating, 4);
    else
        QVERIFY(trash->first().image.favourite);
}

void TestCatalog::rename()
{
    openWriter();
    auto a = commit(QStringLiteral("old name"), 13);
    QVERIFY_OK(a);
    QSignalSpy changed(m_writer.get(), &CatalogWriter::imagesChanged);
    QVERIFY_OK(await(m_writer->rename({ a->key }, QStringLiteral("new name"))));
    QCOMPARE(m_reader->byKey(a->key)->name, QStringLiteral("new name"));
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kLivenessMs);

    QVERIFY_OK(await(m_writer->rename({ a->key }, QStringLiteral("  line\none\ttab  "))));
    QCOMPARE(m_reader->byKey(a->key)->name, QStringLiteral("line one tab"));

    auto empty = await(m_writer->rename({ a->key }, QStringLiteral(" \n ")));
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error(), QStringLiteral("a name cannot be empty"));
    QCOMPARE(m_reader->byKey(a->key)->name, QStringLiteral("line one tab"));
}

void TestCatalog::remove()
{
    openWriter();
    auto a = commit(QStringLiteral("a"), 14);
    auto b = commit(QStringLiteral("b"), 15);
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    const ImageRecord ra = *m_reader->byKey(a->key);
    const ImageRecord rb = *m_reader->byKey(b->key);
    QVERIFY(!m_reader->thumbnail(a->key)->isEmpty());
    QSignalSpy removed(m_writer.get(), &CatalogWriter::imagesRemoved);

    auto n = await(m_writer->remove({ a->key }));
    QVERIFY_OK(n);
    QCOMPARE(*n, 1);
    QVERIFY(!m_reader->byKey(a->key).ok());
    // Removing moves to the trash; the blob and thumbnail go when it is
    // emptied.
    QVERIFY(QFileInfo::exists(m_paths.blobFile(ra.sha256)));
    QCOMPARE(*await(m_writer->emptyTrash(TrashFilter::all())), 1);
    QVERIFY(!QFileInfo::exists(m_paths.blobFile(ra.sha256)));
    QVERIFY(QFileInfo::exists(m_paths.blobFile(rb.sha256)));
    QVERIFY(m_reader->thumbnail(a->key)->isEmpty());
    QVERIFY(!m_reader->thumbnail(b->key)->isEmpty());
    auto stats = m_reader->stats();
    QCOMPARE(stats->images, 1);
    QCOMPARE(stats->originalBytes, rb.originalBytes);
    QCOMPARE(stats->storedBytes, rb.storedBytes);
    QCOMPARE(stats->lastAdded, rb.addedAt);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, kLivenessMs);
    QCOMPARE(removed.at(0).at(0).value<QList<qint64>>(), QList<qint64> { a->key });
    Probe catalog(m_paths.catalogFile());
    QCOMPARE(
        catalog
            .scalar(QStringLiteral("SELECT count(*) FROM sources WHERE image_id = %1").arg(a->key))
            .toInt(),
        0);
    QCOMPARE(
        catalog.scalar(QStringLiteral("SELECT count(*) FROM tags WHERE image_id = %1").arg(a->key))
            .toInt(),
        0);
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM blob_journal")).toInt(), 0);

    // Removing what is gone is not an error and changes nothing.
    QCOMPARE(*await(m_writer->remove({ a->key, 999999 })), 0);

    QCOMPARE(*await(m_writer->remove({ b->key })), 1);
    stats = m_reader->stats();
    QCOMPARE(stats->images, 0);
    QCOMPARE(stats->originalBytes, 0);
    QCOMPARE(stats->storedBytes, 0);
    QVERIFY(!stats->lastAdded.isValid());
    QCOMPARE(*await(m_writer->emptyTrash(TrashFilter::all())), 1);
    QVERIFY(blobFiles(m_paths).filter(QStringLiteral(".gz")).isEmpty());

    // The same bytes can come back after removal (emptied from the trash:
    // only when asked to, see removedBytesNeedForce()).
    NewImage forced = newImage(QStringLiteral("a again"), make(14));
    forced.force = true;
    auto again = await(m_writer->commitImage(forced));
    QVERIFY_OK(again);
    QVERIFY(!again->duplicate);
    QVERIFY(QFileInfo::exists(m_paths.blobFile(ra.sha256)));
}

// Moving to the trash keeps everything a restore needs: key, id, name, tags,
// every source, added_at; stats and search follow both ways.
void TestCatalog::annotationSurvivesDuplicatesAndTrash()
{
    openWriter();
    auto plain = commit(QStringLiteral("plain"), 91);
    QVERIFY_OK(plain);
    QVERIFY(m_reader->byKey(plain->key)->annotation.isEmpty());
    QVERIFY(m_reader->byKey(plain->key)->toJson().value(QStringLiteral("annotation")).isNull());
    // The same bytes with a note give it one; a later note does not replace it.
    for (const QString &note : { QStringLiteral("first note"), QStringLiteral("second note") }) {
        NewImage again = newImage(QStringLiteral("again"), make(91));
        again.annotation = note;
        auto dup = await(m_writer->commitImage(again));
        QVERIFY_OK(dup);
        QVERIFY(dup->duplicate);
    }
    QCOMPARE(m_reader->byKey(plain->key)->annotation, QStringLiteral("first note"));

    NewImage noted = newImage(QStringLiteral("noted"), make(92));
    noted.annotation = QStringLiteral("line one\nline two");
    auto n = await(m_writer->commitImage(noted));
    QVERIFY_OK(n);
    QCOMPARE(m_reader->byKey(n->key)->toJson().value(QStringLiteral("annotation")).toString(),
        noted.annotation);
    QCOMPARE(*await(m_writer->moveToTrash({ n->key })), 1);
    QCOMPARE(m_reader->trash(10, 0)->first().image.annotation, noted.annotation);
    QCOMPARE(*await(m_writer->restoreFromTrash({ n->key })), 1);
    QCOMPARE(m_reader->byKey(n->key)->annotation, noted.annotation);
}

// The page an image was found on: kept from its first commit that had one,
// through the trash (also back onto bytes added again meanwhile) and a
// merge, which takes another's when the kept image has none and gives it
// back on undo.
void TestCatalog::foundOnSurvivesDuplicatesTrashAndMerge()
{
    openWriter();
    auto plain = commit(QStringLiteral("plain"), 93);
    QVERIFY_OK(plain);
    QVERIFY(m_reader->byKey(plain->key)->foundOn.isEmpty());
    QVERIFY(m_reader->byKey(plain->key)->toJson().value(QStringLiteral("found_on")).isNull());
    for (const QString &page : { QStringLiteral("https://first.example/album"),
             QStringLiteral("https://later.example/") }) {
        NewImage again = newImage(QStringLiteral("again"), make(93));
        again.foundOn = page;
        auto dup = await(m_writer->commitImage(again));
        QVERIFY_OK(dup);
        QVERIFY(dup->duplicate);
    }
    QCOMPARE(m_reader->byKey(plain->key)->foundOn, QStringLiteral("https://first.example/album"));

    NewImage found = newImage(QStringLiteral("found"), make(94));
    found.foundOn = QStringLiteral("https://pages.example/thread?id=7");
    auto f = await(m_writer->commitImage(found));
    QVERIFY_OK(f);
    QCOMPARE(m_reader->byKey(f->key)->toJson().value(QStringLiteral("found_on")).toString(),
        found.foundOn);
    QCOMPARE(*await(m_writer->moveToTrash({ f->key })), 1);
    QCOMPARE(m_reader->trash(10, 0)->first().image.foundOn, found.foundOn);
    QCOMPARE(*await(m_writer->restoreFromTrash({ f->key })), 1);
    QCOMPARE(m_reader->byKey(f->key)->foundOn, found.foundOn);
    // Trashed, then the same bytes added again without a page: the restore
    // merges into the new image, which takes the page.
    QCOMPARE(*await(m_writer->moveToTrash({ f->key })), 1);
    auto back = await(m_writer->commitImage(newImage(QStringLiteral("back"), make(94))));
    QVERIFY_OK(back);
    QVERIFY(m_reader->byKey(back->key)->foundOn.isEmpty());
    QCOMPARE(*await(m_writer->restoreFromTrash({ f->key })), 1);
    QCOMPARE(m_reader->byKey(back->key)->foundOn, found.foundOn);

    auto bare = commit(QStringLiteral("bare"), 95);
    QVERIFY_OK(bare);
    auto merged = await(m_writer->merge(bare->key, { back->key }));
    QVERIFY_OK(merged);
    QCOMPARE(m_reader->byKey(bare->key)->foundOn, found.foundOn);
    QVERIFY_OK(await(m_writer->unmerge(*merged)));
    QVERIFY(m_reader->byKey(bare->key)->foundOn.isEmpty());
    QCOMPARE(m_reader->byKey(back->key)->foundOn, found.foundOn);
}

void TestCatalog::trashKeepsImageWhole()
{
    openWriter();
    auto a
        = commit(QStringLiteral("harbour"), 61, { QStringLiteral("sea"), QStringLiteral("boat") },
            QStringLiteral("http://first.example/a.png"));
    QVERIFY_OK(a);
    auto b = commit(QStringLiteral("meadow"), 62);
    QVERIFY_OK(b);
    // A second source for the same bytes.
    QVERIFY_OK(await(m_writer->commitImage(newImage(QStringLiteral("ignored"), make(61),
        { QStringLiteral("dock") }, QStringLiteral("http://second.example/a.png")))));
    const ImageRecord before = *m_reader->byKey(a->key);
    QCOMPARE(before.sources.size(), 2);
    auto search = [this](const QString &text) {
        ImageQuery q;
        q.search = text;
        return *m_reader->count(q);
    };
    QCOMPARE(search(QStringLiteral("harbour")), 1);
    QSignalSpy removed(m_writer.get(), &CatalogWriter::imagesRemoved);
    QSignalSpy added(m_writer.get(), &CatalogWriter::imagesAdded);

    QCOMPARE(*await(m_writer->moveToTrash({ a->key, 999999 })), 1);
    QVERIFY(!m_reader->byKey(a->key).ok());
    QCOMPARE(m_reader->stats()->images, 1);
    QCOMPARE(search(QStringLiteral("harbour")), 0);
    QCOMPARE(search(QStringLiteral("second.example")), 0);
    QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, kLivenessMs);
    QVERIFY(QFileInfo::exists(m_paths.blobFile(before.sha256)));
    QVERIFY(!m_reader->thumbnail(a->key)->isEmpty());
    QCOMPARE(*m_reader->trashCount(), 1);
    auto trash = m_reader->trash(10, 0);
    QVERIFY_OK(trash);
    QCOMPARE(trash->size(), 1);
    const TrashRecord &t = trash->first();
    QCOMPARE(t.image.key, before.key);
    QCOMPARE(t.image.id, before.id);
    QCOMPARE(t.image.name, before.name);
    QCOMPARE(t.image.tags, before.tags);
    QCOMPARE(t.image.sources, before.sources);
    QCOMPARE(t.image.addedAt, before.addedAt);
    QCOMPARE(t.image.sha256, before.sha256);
    QCOMPARE(t.image.storedBytes, before.storedBytes);
    QVERIFY(t.trashedAt.isValid());
    QCOMPARE(m_reader->resolveTrash(before.id.left(6))->size(), 1);
    QCOMPARE(m_reader->resolveTrash(QStringLiteral("harbour"))->size(), 1);
    // Trashing again, or what is not in the library, moves nothing.
    QCOMPARE(*await(m_writer->remove({ a->key })), 0);

    // A new image never takes a trashed key.
    auto c = commit(QStringLiteral("later"), 63);
    QVERIFY_OK(c);
    QVERIFY(c->key != a->key);

    QCOMPARE(*await(m_writer->restoreFromTrash({ a->key, 999999 })), 1);
    const ImageRecord after = *m_reader->byKey(a->key);
    QCOMPARE(after.id, before.id);
    QCOMPARE(after.name, before.name);
    QCOMPARE(after.tags, before.tags);
    QCOMPARE(after.sources, before.sources);
    QCOMPARE(after.addedAt, before.addedAt);
    QCOMPARE(*m_reader->trashCount(), 0);
    QCOMPARE(m_reader->stats()->images, 3);
    QCOMPARE(search(QStringLiteral("harbour")), 1);
    QCOMPARE(search(QStringLiteral("second.example")), 1);
    QCOMPARE(search(QStringLiteral("dock")), 1);
    QVERIFY(!m_reader->thumbnail(a->key)->isEmpty());
    // Earlier commits may still be announcing theirs: the restore comes last.
    QTRY_COMPARE_WITH_TIMEOUT(
        added.isEmpty() ? QList<qint64> {} : added.last().at(0).value<QList<qint64>>(),
        QList<qint64> { a->key }, kLivenessMs);
}

// The same bytes added again while their image was in the trash: restoring
// merges tags and sources into that image and drops the trash row.
void TestCatalog::restoreMergesIntoBytesAddedAgain()
{
    openWriter();
    auto a = commit(QStringLiteral("first"), 71, { QStringLiteral("old") },
        QStringLiteral("http://one.example/a.png"));
    QVERIFY_OK(a);
    QCOMPARE(*await(m_writer->moveToTrash({ a->key })), 1);
    auto again = commit(QStringLiteral("second"), 71, { QStringLiteral("new") },
        QStringLiteral("http://two.example/a.png"));
    QVERIFY_OK(again);
    QVERIFY(!again->duplicate);
    QVERIFY(again->key != a->key);

    QCOMPARE(*await(m_writer->restoreFromTrash({ a->key })), 1);
    QCOMPARE(*m_reader->trashCount(), 0);
    QVERIFY(!m_reader->byKey(a->key).ok());
    const ImageRecord merged = *m_reader->byKey(again->key);
    QCOMPARE(merged.name, QStringLiteral("second"));
    QCOMPARE(merged.tags, (QStringList { QStringLiteral("new"), QStringLiteral("old") }));
    QCOMPARE(merged.sources.size(), 2);
    QVERIFY(merged.sources.contains(QStringLiteral("http://one.example/a.png")));
    QCOMPARE(m_reader->stats()->images, 1);
    QVERIFY(QFileInfo::exists(m_paths.blobFile(merged.sha256)));
}

// The merge keeps what the person gave the trashed image: its name, when
// the image the bytes came back as has only the default one from its file
// or link; its collections, in its place and never twice; its tags,
// sources, the better rating and the favourite flag. A name the person gave
// the image there stays.
void TestCatalog::restoreMergeKeepsWhatThePersonGave()
{
    openWriter();
    auto first = commit(QStringLiteral("first"), 74);
    auto grandma = commit(QStringLiteral("Grandma portrait"), 75, { QStringLiteral("family") },
        QStringLiteral("file:///photos/scan.png"));
    auto last = commit(QStringLiteral("last"), 76);
    QVERIFY_OK(first);
    QVERIFY_OK(grandma);
    QVERIFY_OK(last);
    for (const QString &name : { QStringLiteral("Favs"), QStringLiteral("Walls") })
        QVERIFY_OK(await(m_writer->createCollection(name)));
    QCOMPARE(*await(m_writer->addToCollection(
                 QStringLiteral("favs"), { first->key, grandma->key, last->key })),
        3);
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("walls"), { grandma->key })), 1);
    QVERIFY_OK(await(m_writer->setRating({ grandma->key }, 5)));
    QVERIFY_OK(await(m_writer->setFavourite({ grandma->key }, true)));
    QCOMPARE(*await(m_writer->moveToTrash({ grandma->key })), 1);

    // Scanned again: named after its file, and put on the wall already.
    auto again = commit(QStringLiteral("scan"), 75, { QStringLiteral("inbox") },
        QStringLiteral("file:///photos/scan.png"));
    QVERIFY_OK(again);
    QVERIFY(again->key != grandma->key);
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("walls"), { again->key })), 1);

    QCOMPARE(*await(m_writer->restoreFromTrash({ grandma->key })), 1);
    QCOMPARE(*m_reader->trashCount(), 0);
    QVERIFY(!m_reader->byKey(grandma->key).ok());
    QCOMPARE(m_reader->stats()->images, 3);
    const ImageRecord merged = *m_reader->byKey(again->key);
    QCOMPARE(merged.name, QStringLiteral("Grandma portrait"));
    QCOMPARE(merged.tags, (QStringList { QStringLiteral("family"), QStringLiteral("inbox") }));
    QCOMPARE(merged.rating, 5);
    QVERIFY(merged.favourite);
    const qint64 favs = (*Collections::find(m_reader->catalog(), QStringLiteral("favs")))->id;
    const qint64 walls = (*Collections::find(m_reader->catalog(), QStringLiteral("walls")))->id;
    QCOMPARE(*Collections::members(m_reader->catalog(), favs),
        (QList<qint64> { first->key, again->key, last->key }));
    QCOMPARE(*Collections::members(m_reader->catalog(), walls), QList<qint64> { again->key });
    ImageQuery named;
    named.search = QStringLiteral("grandma");
    QCOMPARE(*m_reader->count(named), 1);
    Probe catalog(m_paths.catalogFile());
    QCOMPARE(catalog
                 .scalar(QStringLiteral("SELECT count(*) FROM collection_items WHERE image_id = %1")
                             .arg(grandma->key))
                 .toInt(),
        0);

    // Renamed by the person after it came back: that name stays.
    auto lake
        = commit(QStringLiteral("Lake"), 77, {}, QStringLiteral("http://one.example/lake.jpg"));
    QVERIFY_OK(lake);
    QCOMPARE(*await(m_writer->moveToTrash({ lake->key })), 1);
    auto lakeAgain
        = commit(QStringLiteral("lake"), 77, {}, QStringLiteral("http://two.example/lake.jpg"));
    QVERIFY_OK(lakeAgain);
    QVERIFY_OK(await(m_writer->rename({ lakeAgain->key }, QStringLiteral("Summer lake"))));
    QCOMPARE(*await(m_writer->restoreFromTrash({ lake->key })), 1);
    const ImageRecord kept = *m_reader->byKey(lakeAgain->key);
    QCOMPARE(kept.name, QStringLiteral("Summer lake"));
    QCOMPARE(kept.sources.size(), 2);
}

// A restore that merged says so (restoreFromTrashRecorded), and is taken
// back whole (unmergeRestored, the window's undo): the trash row as it
// was, with its collections and a thumbnail; the image there without what
// it gained, what it had before kept. Restored again, it merges again.
void TestCatalog::restoreMergeIsTakenBack()
{
    openWriter();
    auto grandma = commit(QStringLiteral("Grandma"), 79, { QStringLiteral("family") },
        QStringLiteral("file:///photos/grandma.png"));
    QVERIFY_OK(grandma);
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Favs"))));
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Walls"))));
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("favs"), { grandma->key })), 1);
    QVERIFY_OK(await(m_writer->setRating({ grandma->key }, 4)));
    const TrashRecord before = [&] {
        (void)await(m_writer->moveToTrash({ grandma->key }));
        return m_reader->trash()->first();
    }();
    auto again = commit(QStringLiteral("scan"), 79, { QStringLiteral("inbox") },
        QStringLiteral("file:///photos/scan.png"));
    QVERIFY_OK(again);
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("walls"), { again->key })), 1);
    const qint64 favs = (*Collections::find(m_reader->catalog(), QStringLiteral("favs")))->id;
    const qint64 walls = (*Collections::find(m_reader->catalog(), QStringLiteral("walls")))->id;

    auto restored = await(m_writer->restoreFromTrashRecorded({ grandma->key }));
    QVERIFY_OK(restored);
    QVERIFY(restored->restored.isEmpty());
    QCOMPARE(restored->merged.size(), 1);
    const RestoreMerge m = restored->merged.first();
    QCOMPARE(m.key, grandma->key);
    QCOMPARE(m.id, grandma->id);
    QCOMPARE(m.name, QStringLiteral("Grandma"));
    QCOMPARE(m.into, again->key);
    QCOMPARE(m.intoId, again->id);
    QCOMPARE(m.intoName, QStringLiteral("Grandma"));
    QVERIFY(m.nameTaken);
    QCOMPARE(m.nameBefore, QStringLiteral("scan"));
    QCOMPARE(m.tagsAdded, QStringList { QStringLiteral("family") });
    QCOMPARE(m.sourcesAdded, QStringList { QStringLiteral("file:///photos/grandma.png") });
    QCOMPARE(m.collectionsJoined, QList<qint64> { favs });
    QCOMPARE(m.rating, 4);
    QCOMPARE(*Collections::members(m_reader->catalog(), favs), QList<qint64> { again->key });

    QCOMPARE(*await(m_writer->unmergeRestored({ m })), 1);
    QCOMPARE(*m_reader->trashCount(), 1);
    const TrashRecord back = m_reader->trash()->first();
    QCOMPARE(back.image.key, before.image.key);
    QCOMPARE(back.image.id, before.image.id);
    QCOMPARE(back.image.name, before.image.name);
    QCOMPARE(back.image.tags, before.image.tags);
    QCOMPARE(back.image.sources, before.image.sources);
    QCOMPARE(back.image.rating, 4);
    QCOMPARE(back.trashedAt, before.trashedAt);
    QVERIFY(!m_reader->thumbnail(grandma->key)->isEmpty());
    const ImageRecord there = *m_reader->byKey(again->key);
    QCOMPARE(there.name, QStringLiteral("scan"));
    QCOMPARE(there.tags, QStringList { QStringLiteral("inbox") });
    QCOMPARE(there.sources, QStringList { QStringLiteral("file:///photos/scan.png") });
    QCOMPARE(there.rating, 0);
    QCOMPARE(*Collections::members(m_reader->catalog(), favs), QList<qint64> {});
    QCOMPARE(*Collections::members(m_reader->catalog(), walls), QList<qint64> { again->key });
    ImageQuery named;
    named.search = QStringLiteral("grandma");
    QCOMPARE(*m_reader->count(named), 0);
    // Taken back once only.
    QCOMPARE(*await(m_writer->unmergeRestored({ m })), 0);

    // Restored again: the same merge, its collections waiting for it.
    restored = await(m_writer->restoreFromTrashRecorded({ grandma->key }));
    QVERIFY_OK(restored);
    QCOMPARE(restored->merged.size(), 1);
    QCOMPARE(*Collections::members(m_reader->catalog(), favs), QList<qint64> { again->key });
    QCOMPARE(m_reader->byKey(again->key)->name, QStringLiteral("Grandma"));
    // Gone meanwhile, the image it went into: nothing to take back.
    QCOMPARE(*await(m_writer->moveToTrash({ again->key })), 1);
    QCOMPARE(*await(m_writer->unmergeRestored(restored->merged)), 0);
    Probe catalog(m_paths.catalogFile());
    QCOMPARE(catalog.scalar(QStringLiteral("PRAGMA foreign_key_check")), QVariant());
}

// Bytes added again while their image is in the trash keep the blob in
// place (the trash row names it), whatever size this run's compression
// gave them: the new row says the size of that blob, so verify finds it
// sound, and a restore that merges keeps the truth.
void TestCatalog::bytesAddedAgainDescribeTheBlobInPlace()
{
    openWriter();
    auto first = commit(QStringLiteral("first"), 78);
    QVERIFY_OK(first);
    QCOMPARE(*await(m_writer->moveToTrash({ first->key })), 1);
    const Made made = make(78);
    const QString blob = m_paths.blobFile(made.processed.blob.sha256);
    const qint64 inPlace = QFileInfo(blob).size();
    QVERIFY(inPlace > 0);
    NewImage again = newImage(QStringLiteral("again"), made);
    again.processed.blob.storedBytes = inPlace + 3; // another compression level
    auto added = await(m_writer->commitImage(again));
    QVERIFY_OK(added);
    QVERIFY(!added->duplicate);
    QCOMPARE(QFileInfo(blob).size(), inPlace);
    QCOMPARE(m_reader->byKey(added->key)->storedBytes, inPlace);
    QCOMPARE(*await(m_writer->restoreFromTrash({ first->key })), 1);
    QCOMPARE(m_reader->byKey(added->key)->storedBytes, inPlace);
}

// The search text of each image (name, tags, hosts) is written by triggers
// that skip work a removal or restore would throw away; whatever they skip,
// the text must end as a rebuild from the tables would make it, and a tag
// Thousands of tags given to one image at once (held, its text written
// once) leave the same text as one at a time, through add, edit and undo.
void TestCatalog::manyTagsAtOnceKeepTheSearchText()
{
    openWriter();
    QStringList many;
    for (int i = 0; i < 2000; ++i)
        many << QStringLiteral("word%1").arg(i);
    auto first = commit(QStringLiteral("dune"), 120, many.mid(0, 1000));
    QVERIFY_OK(first);
    auto second = commit(QStringLiteral("reef"), 121, { QStringLiteral("coral") });
    QVERIFY_OK(second);
    // The same bytes again: more tags for the image already there.
    QVERIFY_OK(await(m_writer->commitImage(
        newImage(QStringLiteral("dune"), make(120), many.mid(1000, 500), QString()))));
    auto delta = await(m_writer->editTagsRecorded({ first->key, second->key }, many.mid(1500),
        { QStringLiteral("word3"), QStringLiteral("coral") }));
    QVERIFY_OK(delta);
    auto search = [this](const QString &text) {
        ImageQuery q;
        q.search = text;
        return *m_reader->count(q);
    };
    Probe catalog(m_paths.catalogFile());
    auto textMatchesTags = [&catalog] {
        return catalog
            .scalar(QStringLiteral(
                "SELECT count(*) FROM images i JOIN image_text t ON t.rowid = i.id "
                "WHERE t.tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags "
                "WHERE image_id = i.id), '')"))
            .toInt();
    };
    QCOMPARE(textMatchesTags(), 2);
    QCOMPARE(search(QStringLiteral("word1999")), 2);
    QCOMPARE(search(QStringLiteral("word1200")), 1);
    QCOMPARE(search(QStringLiteral("tag:word3")), 0);
    QCOMPARE(search(QStringLiteral("coral")), 0);
    QCOMPARE(await(m_writer->revertTags(*delta))->changed, 1002);
    QCOMPARE(textMatchesTags(), 2);
    QCOMPARE(search(QStringLiteral("word1999")), 0);
    QCOMPARE(search(QStringLiteral("tag:word3")), 1);
    QCOMPARE(search(QStringLiteral("coral")), 1);
    // Held only inside the writer's transactions.
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM text_hold")).toInt(), 0);
}

// taken off an image still there must still leave its text.
void TestCatalog::searchTextSurvivesTheTrash()
{
    openWriter();
    QList<qint64> keys;
    for (int i = 0; i < 6; ++i) {
        auto r = commit(QStringLiteral("pier %1").arg(i), 80 + i,
            { QStringLiteral("gull%1").arg(i), QStringLiteral("tide") },
            QStringLiteral("http://host%1.example/p.png").arg(i));
        QVERIFY_OK(r);
        keys << r->key;
    }
    auto search = [this](const QString &text) {
        ImageQuery q;
        q.search = text;
        return *m_reader->count(q);
    };
    QVERIFY_OK(await(m_writer->editTags({ keys[0] }, {}, { QStringLiteral("gull0") })));
    QCOMPARE(search(QStringLiteral("gull0")), 0);
    QCOMPARE(search(QStringLiteral("tide")), 6);

    QCOMPARE(*await(m_writer->moveToTrash(keys.mid(0, 4))), 4);
    QCOMPARE(search(QStringLiteral("tide")), 2);
    QCOMPARE(search(QStringLiteral("host1.example")), 0);
    QCOMPARE(*await(m_writer->restoreFromTrash(keys.mid(0, 4))), 4);
    QCOMPARE(search(QStringLiteral("tide")), 6);
    QCOMPARE(search(QStringLiteral("gull1")), 1);
    QCOMPARE(search(QStringLiteral("gull0")), 0);
    QCOMPARE(search(QStringLiteral("host3.example")), 1);
    QCOMPARE(search(QStringLiteral("pier 2")), 1);

    Probe catalog(m_paths.catalogFile());
    QVERIFY(catalog.exec(
        QStringLiteral("INSERT INTO image_text(image_text) VALUES('integrity-check')")));
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM image_text")).toInt(), 6);
    QCOMPARE(catalog
                 .scalar(QStringLiteral(
                     "SELECT count(*) FROM images i JOIN image_text t ON t.rowid = i.id "
                     "WHERE t.name = i.name AND t.tags = coalesce((SELECT group_concat(tag, "
                     "char(10)) FROM tags WHERE image_id = i.id), '') AND t.hosts = "
                     "coalesce((SELECT group_concat(host, char(10)) FROM sources "
                     "WHERE image_id = i.id), '')"))
                 .toInt(),
        6);
    QCOMPARE(catalog.scalar(QStringLiteral("PRAGMA foreign_key_check")), QVariant());
}

// One batch holding the same bytes twice (trashed, added again, trashed
// again) and a plain row: the twins come back as one image with both
// histories, the plain row as it was.
void TestCatalog::restoreTwinsInOneBatch()
{
    openWriter();
    auto a = commit(QStringLiteral("first"), 72, { QStringLiteral("one") },
        QStringLiteral("http://one.example/t.png"));
    QVERIFY_OK(a);
    QCOMPARE(*await(m_writer->moveToTrash({ a->key })), 1);
    auto b = commit(QStringLiteral("second"), 72, { QStringLiteral("two") },
        QStringLiteral("http://two.example/t.png"));
    QVERIFY_OK(b);
    auto plain = commit(QStringLiteral("plain"), 73, { QStringLiteral("kept") });
    QVERIFY_OK(plain);
    QCOMPARE(*await(m_writer->moveToTrash({ b->key, plain->key })), 2);
    QCOMPARE(*m_reader->trashCount(), 3);

    QCOMPARE(*await(m_writer->restoreFromTrash({ b->key, plain->key, a->key })), 3);
    QCOMPARE(*m_reader->trashCount(), 0);
    QCOMPARE(m_reader->stats()->images, 2);
    const ImageRecord back = *m_reader->byKey(plain->key);
    QCOMPARE(back.name, QStringLiteral("plain"));
    QCOMPARE(back.tags, QStringList { QStringLiteral("kept") });
    // The twin with the lowest key keeps its key and name; both histories.
    const ImageRecord twin = *m_reader->byKey(a->key);
    QCOMPARE(twin.name, QStringLiteral("first"));
    QCOMPARE(twin.tags, (QStringList { QStringLiteral("one"), QStringLiteral("two") }));
    QCOMPARE(twin.sources.size(), 2);
    QVERIFY(!m_reader->byKey(b->key).ok());
}

// Emptying deletes a blob only when no image (or other trash row) uses it,
// remembers only bytes that left the library, and honours its filter.
void TestCatalog::emptyTrashDeletesOnlyUnreferencedBlobs()
{
    openWriter();
    auto a = commit(QStringLiteral("kept bytes"), 81);
    auto b = commit(QStringLiteral("gone bytes"), 82);
    auto d = commit(QStringLiteral("stays in trash"), 83);
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    QVERIFY_OK(d);
    const QString shaA = m_reader->byKey(a->key)->sha256;
    const QString shaB = m_reader->byKey(b->key)->sha256;
    const QString shaD = m_reader->byKey(d->key)->sha256;
    QCOMPARE(*await(m_writer->moveToTrash({ a->key, b->key, d->key })), 3);
    auto c = commit(QStringLiteral("back again"), 81); // a's bytes, a new image
    QVERIFY_OK(c);

    // Nothing trashed a day ago: nothing goes.
    QCOMPARE(*await(m_writer->emptyTrash(
                 TrashFilter::trashedBefore(QDateTime::currentDateTimeUtc().addDays(-1)))),
        0);
    QCOMPARE(*m_reader->trashCount(), 3);

    QCOMPARE(*await(m_writer->emptyTrash(TrashFilter::ofKeys({ a->key, b->key }))), 2);
    QCOMPARE(*m_reader->trashCount(), 1);
    QVERIFY(QFileInfo::exists(m_paths.blobFile(shaA))); // image c uses it
    QVERIFY(!QFileInfo::exists(m_paths.blobFile(shaB)));
    QVERIFY(QFileInfo::exists(m_paths.blobFile(shaD))); // still in the trash
    QVERIFY(m_reader->thumbnail(b->key)->isEmpty());
    QVERIFY(!m_reader->thumbnail(c->key)->isEmpty());
    QVERIFY(!m_reader->thumbnail(d->key)->isEmpty());
    Probe catalog(m_paths.catalogFile());
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM blob_journal")).toInt(), 0);
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT group_concat(sha256) FROM removed_hashes"))
                 .toString(),
        shaB);
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT name FROM removed_hashes")).toString(),
        QStringLiteral("gone bytes"));

    QCOMPARE(*await(m_writer->emptyTrash(TrashFilter::all())), 1);
    QVERIFY(!QFileInfo::exists(m_paths.blobFile(shaD)));
    QCOMPARE(*m_reader->trashCount(), 0);
    QCOMPARE(blobFiles(m_paths).size(), 1);
    QCOMPARE(m_reader->stats()->images, 1);
}

// Bytes whose trash was emptied are refused, with the date, unless forced;
// forcing forgets the removal.
void TestCatalog::removedBytesNeedForce()
{
    openWriter();
    auto a = commit(QStringLiteral("once"), 91);
    QVERIFY_OK(a);
    QCOMPARE(*await(m_writer->remove({ a->key })), 1);
    QCOMPARE(*await(m_writer->emptyTrash(TrashFilter::all())), 1);

    auto refused = commit(QStringLiteral("twice"), 91);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error(),
        QStringLiteral("removed on %1").arg(QDate::currentDate().toString(Qt::ISODate)));
    QCOMPARE(refused.errorKind(), Error::Kind::RemovedBefore);
    QCOMPARE(m_reader->stats()->images, 0);
    QVERIFY(blobFiles(m_paths).isEmpty());
    QVERIFY(tmpFiles(m_paths).isEmpty());

    NewImage forced = newImage(QStringLiteral("twice"), make(91));
    forced.force = true;
    auto taken = await(m_writer->commitImage(forced));
    QVERIFY_OK(taken);
    QCOMPARE(m_reader->stats()->images, 1);
    Probe catalog(m_paths.catalogFile());
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM removed_hashes")).toInt(), 0);
    // Forgotten: the next plain add of those bytes is a duplicate, not refused.
    QVERIFY_OK(commit(QStringLiteral("thrice"), 91));
}

// The window sends a million keys in batches of ~10,000: one batch must be
// quick. Rows are written straight into the catalog (processing 10,000
// images would take minutes); the triggers run as for any image.
void TestCatalog::moveToTrashTenThousand()
{
    openWriter();
    constexpr int kCount = 10'000;
    {
        Probe catalog(m_paths.catalogFile());
        QVERIFY(catalog.exec(QStringLiteral("BEGIN")));
        QVERIFY(catalog.exec(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
            "INSERT INTO images(id, uuid, name, sha256, format, width, height, original_bytes, "
            "stored_bytes, added_at) SELECT i, printf('00000000-0000-4000-8000-%012d', i), "
            "'bulk ' || i, printf('%064d', i), 'png', 10, 10, 100, 90, 1700000000000 + i FROM n")));
        QVERIFY(catalog.exec(QStringLiteral(
            "INSERT INTO tags(image_id, tag, tag_key) SELECT id, 'tag' || (id % 50), "
            "'tag' || (id % 50) FROM images UNION ALL SELECT id, 'all', 'all' FROM "
            "images")));
        QVERIFY(catalog.exec(QStringLiteral(
            "INSERT INTO sources(image_id, url, host, added_at) SELECT id, "
            "'http://bulk.example/' || id || '.png', 'bulk.example', added_at FROM images")));
        QVERIFY(catalog.exec(QStringLiteral("COMMIT")));
    }
    QCOMPARE(m_reader->stats()->images, kCount);
    QList<qint64> keys;
    for (int i = 1; i <= kCount; ++i)
        keys.append(i);

    QElapsedTimer timer;
    timer.start();
    auto moved = await(m_writer->moveToTrash(keys));
    const qint64 moveMs = timer.elapsed();
    QVERIFY_OK(moved);
    QCOMPARE(*moved, kCount);
    QCOMPARE(m_reader->stats()->images, 0);
    QCOMPARE(*m_reader->trashCount(), kCount);

    timer.restart();
    auto restored = await(m_writer->restoreFromTrash(keys));
    const qint64 restoreMs = timer.elapsed();
    QVERIFY_OK(restored);
    QCOMPARE(*restored, kCount);
    QCOMPARE(m_reader->stats()->images, kCount);
    ImageQuery all;
    all.tag = QStringLiteral("all");
    QCOMPARE(*m_reader->count(all), kCount);
    QCOMPARE(m_reader->byKey(kCount)->sources,
        QStringList { QStringLiteral("http://bulk.example/%1.png").arg(kCount) });
    qInfo("moveToTrash of %d keys: %lld ms; restoreFromTrash: %lld ms", kCount, moveMs, restoreMs);
    // Generous for a shared machine; a re-prepare per row costs several times this.
    QVERIFY2(moveMs < 10'000, qPrintable(QString::number(moveMs)));
}

// An item queued with force and resumed after a restart is still forced.
void TestCatalog::forceSurvivesInTheQueue()
{
    openWriter();
    IngestRequest plain { QStringLiteral("http://example.org/a.png"), {}, {} };
    IngestRequest forced { QStringLiteral("http://example.org/b.png"), {}, {}, true };
    auto ids = await(m_writer->enqueue({ plain, forced }));
    QVERIFY_OK(ids);
    // Given up by this process (owner 0): the next claim takes them over.
    QCOMPARE(*await(m_writer->releaseQueueItems(*ids)), 2);
    auto rows = await(m_writer->claimOrphanedQueueItems());
    QVERIFY_OK(rows);
    QCOMPARE(rows->size(), 2);
    QCOMPARE(rows->at(0).request.source, plain.source);
    QVERIFY(!rows->at(0).request.force);
    QCOMPARE(rows->at(1).request.source, forced.source);
    QVERIFY(rows->at(1).request.force);
}

void TestCatalog::resolve()
{
    openWriter();
    auto a = commit(QStringLiteral("unique"), 16);
    auto t1 = commit(QStringLiteral("twin"), 17);
    auto t2 = commit(QStringLiteral("twin"), 18);
    QVERIFY_OK(a);
    QVERIFY_OK(t1);
    QVERIFY_OK(t2);

    auto keysOf = [this](const QString &arg) {
        QList<qint64> keys;
        auto r = m_reader->resolve(arg);
        if (r) {
            for (const ImageRecord &rec : *r)
                keys << rec.key;
        }
        return keys;
    };
    QCOMPARE(keysOf(a->id), QList<qint64> { a->key });
    QCOMPARE(keysOf(a->id.toUpper()), QList<qint64> { a->key });
    QCOMPARE(keysOf(QStringLiteral("  ") + a->id + QStringLiteral(" ")), QList<qint64> { a->key });
    QCOMPARE(keysOf(a->id.left(8)), QList<qint64> { a->key });
    QCOMPARE(keysOf(a->id.left(13)), QList<qint64> { a->key }); // with the dash
    QCOMPARE(keysOf(QStringLiteral("unique")), QList<qint64> { a->key });
    QCOMPARE(keysOf(QStringLiteral("twin")), (QList<qint64> { t1->key, t2->key }));
    QCOMPARE(keysOf(QStringLiteral("Unique")), QList<qint64> {}); // names are exact
    QCOMPARE(keysOf(QStringLiteral("uniq")), QList<qint64> {});
    QCOMPARE(keysOf(QStringLiteral("nothing")), QList<qint64> {});
    QCOMPARE(keysOf(QString()), QList<qint64> {});
    QCOMPARE(keysOf(QStringLiteral("%")), QList<qint64> {});
    QCOMPARE(keysOf(QStringLiteral("_")), QList<qint64> {});
    // A prefix shorter than four characters is only a name.
    QCOMPARE(keysOf(a->id.left(3)), QList<qint64> {});
}

void TestCatalog::listFiltersAndOrders_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("names");

    const int newest = int(ImageQuery::Order::NewestFirst);
    QTest::newRow("all, newest first")
        << QString() << QString() << newest
        << QStringList { "plain", "under_score", "100 cat", "100% cat" };
    QTest::newRow("all, oldest first")
        << QString() << QString() << int(ImageQuery::Order::OldestFirst)
        << QStringList { "100% cat", "100 cat", "under_score", "plain" };
    QTest::newRow("all, by name") << QString() << QString() << int(ImageQuery::Order::NameAscending)
                                  << QStringList { "100 cat", "100% cat", "plain", "under_score" };
    QTest::newRow("all, by name descending")
        << QString() << QString() << int(ImageQuery::Order::NameDescending)
        << QStringList { "under_score", "plain", "100% cat", "100 cat" };
    QTest::newRow("tag, other case")
        << QStringLiteral("PETS") << QString() << newest << QStringList { "100 cat", "100% cat" };
    QTest::newRow("tag is exact, not a prefix")
        << QStringLiteral("pet") << QString() << newest << QStringList {};
    QTest::newRow("tag with percent")
        << QStringLiteral("50%") << QString() << newest << QStringList { "plain" };
    QTest::newRow("search name, any case")
        << QString() << QStringLiteral("CAT") << newest << QStringList { "100 cat", "100% cat" };
    QTest::newRow("search % is literal")
        << QString() << QStringLiteral("%") << newest << QStringList { "plain", "100% cat" };
    QTest::newRow("search _ is literal")
        << QString() << QStringLiteral("_") << newest << QStringList { "under_score", "100 cat" };
    QTest::newRow("search backslash is literal")
        << QString() << QStringLiteral("\\") << newest << QStringList {};
    QTest::newRow("search host") << QString() << QStringLiteral("cats.example") << newest
                                 << QStringList { "100% cat" };
    QTest::newRow("search host part")
        << QString() << QStringLiteral("dogs") << newest << QStringList { "100 cat" };
    QTest::newRow("search tag") << QString() << QStringLiteral("snake") << newest
                                << QStringList { "100 cat" };
    QTest::newRow("search trimmed")
        << QString() << QStringLiteral("  plain ") << newest << QStringList { "plain" };
    QTest::newRow("tag and search")
        << QStringLiteral("pets") << QStringLiteral("%") << newest << QStringList { "100% cat" };
    QTest::newRow("search matches nothing")
        << QString() << QStringLiteral("zebra") << newest << QStringList {};
    // Three characters or more go through the trigram index.
    QTest::newRow("indexed: % is literal")
        << QString() << QStringLiteral("0% c") << newest << QStringList { "100% cat" };
    QTest::newRow("indexed: _ is literal")
        << QString() << QStringLiteral("r_s") << newest << QStringList { "under_score" };
    QTest::newRow("indexed: quote in a word is literal")
        << QString() << QStringLiteral("ca\"t") << newest << QStringList {};
    QTest::newRow("indexed: tag, any case")
        << QString() << QStringLiteral("SNAKE_c") << newest << QStringList { "100 cat" };
    QTest::newRow("indexed: host")
        << QString() << QStringLiteral("birds.ex") << newest << QStringList { "under_score" };
    QTest::newRow("indexed: no match across two tags")
        << QString() << QStringLiteral("\"ts snake\"") << newest << QStringList {};
    QTest::newRow("indexed: FTS syntax is text")
        << QString() << QStringLiteral("\"cat OR plain\"") << newest << QStringList {};
}

void TestCatalog::listFiltersAndOrders()
{
    QFETCH(QString, tag);
    QFETCH(QString, search);
    QFETCH(int, order);
    QFETCH(QStringList, names);
    openWriter();
    QVERIFY_OK(commit(QStringLiteral("100% cat"), 20, { QStringLiteral("pets") },
        QStringLiteral("http://cats.example/a.png")));
    QVERIFY_OK(commit(QStringLiteral("100 cat"), 21,
        { QStringLiteral("Pets"), QStringLiteral("snake_case") },
        QStringLiteral("http://dogs.example/b.png")));
    QVERIFY_OK(commit(
        QStringLiteral("under_score"), 22, {}, QStringLiteral("http://birds.example/c.png")));
    QVERIFY_OK(commit(QStringLiteral("plain"), 23, { QStringLiteral("50%") }));

    ImageQuery query;
    query.tag = tag;
    query.search = search;
    query.order = ImageQuery::Order(order);
    auto rows = m_reader->list(query);
    QVERIFY_OK(rows);
    QStringList got;
    for (const ImageRecord &r : *rows)
        got << r.name;
    QCOMPARE(got, names);
    QCOMPARE(*m_reader->count(query), qint64(names.size()));

    // The window's pages find rows another way (walking the order and
    // testing each row) and, while a text search is still being counted,
    // without a total: every way gives the same rows.
    const auto namesOf = [](const QList<ImageRecord> &records) {
        QStringList out;
        for (const ImageRecord &r : records)
            out << r.name;
        return out;
    };
    auto counted = m_reader->page(query, 0, 100, qint64(names.size()));
    QVERIFY_OK(counted);
    QCOMPARE(namesOf(*counted), names);
    auto uncounted = m_reader->page(query, 0, 100, -1);
    QVERIFY_OK(uncounted);
    QCOMPARE(namesOf(*uncounted), names);
    // `trove list` walks the same rows one at a time.
    QList<ImageRecord> walked;
    QVERIFY_OK(m_reader->forEach(query, [&walked](const ImageRecord &r) {
        walked.append(r);
        return true;
    }));
    QCOMPARE(namesOf(walked), names);

    // Counted one match per step, the steps add up to the count.
    qint64 afterKey = 0;
    qint64 stepped = 0;
    for (int steps = 0;; ++steps) {
        QVERIFY(steps <= names.size());
        auto step = m_reader->countStep(query, afterKey, 1);
        QVERIFY_OK(step);
        stepped += step->count;
        if (step->complete)
            break;
        QVERIFY(step->lastKey > afterKey);
        afterKey = step->lastKey;
    }
    QCOMPARE(stepped, qint64(names.size()));
}

void TestCatalog::pagingAndRows()
{
    openWriter();
    QList<qint64> keys;
    for (quint32 seed = 30; seed < 37; ++seed) {
        auto r = commit(QStringLiteral("img %1").arg(seed), seed);
        QVERIFY_OK(r);
        keys.prepend(r->key); // newest first
    }
    const ImageQuery query;
    const qint64 total = *m_reader->count(query);
    QCOMPARE(total, 7);
    for (qint64 offset = 0; offset < total; offset += 3) {
        auto fromList = m_reader->list(query, offset, 3);
        auto fromPage = m_reader->page(query, offset, 3, total);
        QVERIFY_OK(fromList);
        QVERIFY_OK(fromPage);
        QCOMPARE(fromPage->size(), fromList->size());
        for (int i = 0; i < fromList->size(); ++i) {
            QCOMPARE(fromList->at(i).key, keys.at(int(offset) + i));
            QCOMPARE(fromPage->at(i).key, keys.at(int(offset) + i));
        }
    }
    for (int i = 0; i < keys.size(); ++i)
        QCOMPARE(*m_reader->rowOf(query, keys[i]), qint64(i));
    QCOMPARE(*m_reader->rowOf(query, 999999), qint64(-1));
}

QList<qint64> TestCatalog::fillForOrders(int count)
{
    Probe catalog(m_paths.catalogFile());
    QStringList rows;
    QList<qint64> keys;
    for (int i = 1; i <= count; ++i) {
        // Keys not in name order; "Shot 007" ties "shot 7" naturally.
        const qint64 key = (i * 37) % 1009 + 1;
        const QString name = i % 10 == 7 ? QStringLiteral("Shot %1").arg(i, 3, 10, QLatin1Char('0'))
                                         : QStringLiteral("shot %1").arg(i);
        const int width = 10 + (i * 13) % 40;
        const int height = 10 + (i * 7) % 30;
        const qint64 bytes = 1000 + (i * 31) % 97; // many ties
        rows << QStringLiteral("(%1, '00000000-0000-4000-8000-%2', '%3', '%4', 'png', %5, %6, %7, "
                               "%7, %8, '%9')")
                    .arg(key)
                    .arg(key, 12, 10, QLatin1Char('0'))
                    .arg(name)
                    .arg(key, 64, 10, QLatin1Char('0'))
                    .arg(width)
                    .arg(height)
                    .arg(bytes)
                    .arg(1700000000000 + (i * 17) % 50) // ties too
                    .arg(naturalSortKey(name));
        keys << key;
    }
    if (!catalog.exec(QStringLiteral("INSERT INTO images(id, uuid, name, sha256, format, width, "
                                     "height, original_bytes, stored_bytes, added_at, name_key) "
                                     "VALUES ")
            + rows.join(QLatin1Char(','))))
        return {};
    return keys;
}

void TestCatalog::everyOrderPages_data()
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
        QTest::addRow("%s, searched", name) << int(order) << QStringLiteral("shot 1");
    }
}

// Pages of any order, read from the front and (past the middle) from the
// back, put together give the whole list in that order: the order's value,
// then the key; every row's place is what rowOf() says.
void TestCatalog::everyOrderPages()
{
    QFETCH(int, order);
    QFETCH(QString, search);
    openWriter();
    const QList<qint64> keys = fillForOrders(230);
    QCOMPARE(keys.size(), 230);
    // Ratings for some, many ties among the rest (no rating).
    for (int stars = 1; stars <= 5; ++stars) {
        QList<qint64> some;
        for (qsizetype i = stars; i < keys.size(); i += 7)
            some << keys[i];
        QVERIFY_OK(await(m_writer->setRating(some, stars)));
    }
    ImageQuery query;
    query.order = ImageQuery::Order(order);
    query.search = search;

    // What the order means, computed here from the rows.
    struct Row {
        qint64 key;
        QVariant value;
    };
    QList<Row> expected;
    const auto all = m_reader->list(ImageQuery {});
    QVERIFY_OK(all);
    QHash<qint64, qint64> shuffleKey;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("keys"));
        db.setDatabaseName(m_paths.catalogFile());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT image_id, key FROM image_shuffle")));
        while (q.next())
            shuffleKey.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("keys"));
    QCOMPARE(shuffleKey.size(), keys.size());
    for (const ImageRecord &r : *all) {
        // The search is two words, both in the name.
        if (!search.isEmpty() && !r.name.contains(QLatin1String("1")))
            continue;
        QVariant value;
        switch (query.order) {
        case ImageQuery::Order::NameAscending:
        case ImageQuery::Order::NameDescending:
            value = naturalSortKey(r.name).toUtf8();
            break;
        case ImageQuery::Order::LargestFirst:
        case ImageQuery::Order::SmallestFirst:
            value = r.originalBytes;
            break;
        case ImageQuery::Order::MostPixelsFirst:
        case ImageQuery::Order::FewestPixelsFirst:
            value = qint64(r.width) * r.height;
            break;
        case ImageQuery::Order::Shuffled:
        case ImageQuery::Order::ShuffledBackwards:
            value = shuffleKey.value(r.key);
            break;
        case ImageQuery::Order::RatingDescending:
        case ImageQuery::Order::RatingAscending:
            // Rating first, then the time added.
            value = QVariant::fromValue(
                qint64(r.rating) * (qint64(1) << 42) + r.addedAt.toMSecsSinceEpoch());
            break;
        default:
            value = r.addedAt.toMSecsSinceEpoch();
            break;
        }
        expected.append({ r.key, value });
    }
    const bool ascending = query.order == ImageQuery::Order::OldestFirst
        || query.order == ImageQuery::Order::NameAscending
        || query.order == ImageQuery::Order::SmallestFirst
        || query.order == ImageQuery::Order::FewestPixelsFirst
        || query.order == ImageQuery::Order::Shuffled
        || query.order == ImageQuery::Order::RatingAscending;
    std::sort(expected.begin(), expected.end(), [ascending](const Row &a, const Row &b) {
        const auto c = QVariant::compare(a.value, b.value);
        if (c != QPartialOrdering::Equivalent)
            return ascending ? c == QPartialOrdering::Less : c == QPartialOrdering::Greater;
        return ascending ? a.key < b.key : a.key > b.key;
    });
    QList<qint64> want;
    for (const Row &r : std::as_const(expected))
        want << r.key;
    QVERIFY(want.size() > 10);

    const qint64 total = *m_reader->count(query);
    QCOMPARE(total, qint64(want.size()));
    QList<qint64> paged;
    for (qint64 offset = 0; offset < total; offset += 40) {
        auto page = m_reader->page(query, offset, 40, total);
        QVERIFY_OK(page);
        for (const ImageRecord &r : *page)
            paged << r.key;
    }
    QCOMPARE(paged, want);
    // At or past the end a page is empty: read from the back, it once asked
    // SQLite for a negative count of rows, which is all of them.
    for (const qint64 offset : { total, total + 1, total + 40, total * 1000 }) {
        auto past = m_reader->page(query, offset, 40, total);
        QVERIFY_OK(past);
        QVERIFY2(past->isEmpty(), qPrintable(QString::number(past->size())));
    }
    QList<qint64> listed;
    const auto whole = m_reader->list(query);
    QVERIFY_OK(whole);
    for (const ImageRecord &r : *whole)
        listed << r.key;
    QCOMPARE(listed, want);
    for (int i = 0; i < want.size(); i += 7)
        QCOMPARE(*m_reader->rowOf(query, want[i]), qint64(i));
    // Past the cap on the rows before it, a row's place over the whole
    // library is the count less the rows after it: the same answer.
    m_reader->setRowOfSideCap(3);
    const auto restoreCap = qScopeGuard([this] { m_reader->setRowOfSideCap(50000); });
    for (int i = 0; i < want.size(); ++i)
        QCOMPARE(*m_reader->rowOf(query, want[i]), qint64(i));
    QCOMPARE(*m_reader->rowOf(query, 999999), qint64(-1));
}

void TestCatalog::everyOrderWalksAnIndex_data()
{
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("index");
    QTest::newRow("newest") << int(ImageQuery::Order::NewestFirst) << "images_by_added";
    QTest::newRow("oldest") << int(ImageQuery::Order::OldestFirst) << "images_by_added";
    QTest::newRow("name") << int(ImageQuery::Order::NameAscending) << "images_by_name_key";
    QTest::newRow("name-desc") << int(ImageQuery::Order::NameDescending) << "images_by_name_key";
    QTest::newRow("size") << int(ImageQuery::Order::LargestFirst) << "images_by_bytes";
    QTest::newRow("size-asc") << int(ImageQuery::Order::SmallestFirst) << "images_by_bytes";
    QTest::newRow("pixels") << int(ImageQuery::Order::MostPixelsFirst) << "images_by_pixels";
    QTest::newRow("pixels-asc") << int(ImageQuery::Order::FewestPixelsFirst) << "images_by_pixels";
    QTest::newRow("random") << int(ImageQuery::Order::Shuffled) << "image_shuffle_by_key";
    QTest::newRow("random, backwards")
        << int(ImageQuery::Order::ShuffledBackwards) << "image_shuffle_by_key";
    QTest::newRow("rating") << int(ImageQuery::Order::RatingDescending) << "images_by_rating_order";
    QTest::newRow("rating-asc") << int(ImageQuery::Order::RatingAscending)
                                << "images_by_rating_order";
    QTest::newRow("collection") << int(ImageQuery::Order::CollectionOrder)
                                << "collection_items_by_position";
    QTest::newRow("collection, backwards")
        << int(ImageQuery::Order::CollectionOrderBackwards) << "collection_items_by_position";
}

// At a million images a page must be a walk of the order's index, never a
// sort of every row: the plans of the page the gallery reads (at an
// offset, as a deep page is) and of the rows before a row (rowOf()).
void TestCatalog::everyOrderWalksAnIndex()
{
    QFETCH(int, order);
    QFETCH(QString, index);
    openWriter();
    QVERIFY(!fillForOrders(50).isEmpty());
    const auto o = ImageQuery::Order(order);
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plan"));
        db.setDatabaseName(m_paths.catalogFile());
        QVERIFY(db.open());
        auto planOf = [&db](const QString &sql) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
                return q.lastError().text();
            QStringList steps;
            while (q.next())
                steps << q.value(QStringLiteral("detail")).toString();
            return steps.join(QLatin1String("; "));
        };
        // Every image (as the gallery reads it), and rows walked through
        // the images table as under a search.
        for (const bool filtered : { false, true }) {
            const QString page
                = planOf(QStringLiteral("SELECT %1 %2%3 LIMIT 200 OFFSET 20000")
                             .arg(querysql::walkKey(o, filtered), querysql::walkFrom(o, filtered),
                                 querysql::orderBy(o)));
            QVERIFY2(page.contains(index), qPrintable(page));
            QVERIFY2(!page.contains(QLatin1String("TEMP B-TREE")), qPrintable(page));
        }
        QString before = querysql::beforeClause(o);
        before.replace(QLatin1Char('?'), QLatin1String("1"));
        const QString count = planOf(
            QStringLiteral("SELECT count(*) %1WHERE %2").arg(querysql::walkFrom(o, false), before));
        QVERIFY2(count.contains(index), qPrintable(count));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plan"));
}

// `trove show ID`, `trove trash restore ID…`: each argument is one lookup
// by id or id prefix, in the images and in the trash, then by name. A scan
// there cost the whole table per argument (5,000 ids from a trash of
// 450,000: nine minutes; a name at a million images: 60 ms to 2 s).
void TestCatalog::idLookupsUseAnIndex()
{
    openWriter();
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plan"));
        db.setDatabaseName(m_paths.catalogFile());
        QVERIFY(db.open());
        for (const char *sql : { "SELECT id FROM images WHERE uuid = 'ab'",
                 "SELECT id FROM images WHERE uuid >= 'abcd' AND uuid < 'abcd\x7f'",
                 "SELECT id FROM trash WHERE uuid = 'ab'",
                 "SELECT id FROM trash WHERE uuid >= 'abcd' AND uuid < 'abcd\x7f'",
                 // by name, as CatalogReader::resolve() and resolveTrash() ask
                 "SELECT id FROM images i WHERE i.name = 'a' COLLATE NOCASE AND i.name = 'a'",
                 "SELECT id FROM trash WHERE name = 'a' ORDER BY id" }) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + QLatin1String(sql)),
                qPrintable(q.lastError().text()));
            QStringList steps;
            while (q.next())
                steps << q.value(QStringLiteral("detail")).toString();
            const QString plan = steps.join(QLatin1String("; "));
            QVERIFY2(plan.contains(QLatin1String("USING"))
                    && (plan.contains(QLatin1String("uuid"))
                        || plan.contains(QLatin1String("name"))),
                qPrintable(QLatin1String(sql) + QLatin1String(": ") + plan));
            QVERIFY2(!plan.contains(QLatin1String("SCAN")), qPrintable(plan));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("plan"));
}

void TestCatalog::collectionOrderPages_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<bool>("byId");
    for (const char *change :
        { "as added", "ties", "after a move", "after a renumber", "a member trashed" }) {
        QTest::addRow("%s", change) << QString::fromLatin1(change) << false;
        QTest::addRow("%s, by id", change) << QString::fromLatin1(change) << true;
    }
}

// A hand-made collection in its own order: pages read from the front and
// (past the middle) from the back give the hand order, ties by image key;
// count and rowOf() agree, as added, after moves (and the renumbering a
// crowded gap needs) and with a member in the trash. By search
// (`in:"name"`) or by the collection's id.
void TestCatalog::collectionOrderPages()
{
    QFETCH(QString, change);
    QFETCH(bool, byId);
    openWriter();
    const QList<qint64> all = fillForOrders(230);
    QCOMPARE(all.size(), 230);
    // 150 of them, in an order neither by key nor by anything else.
    QList<qint64> want;
    for (int i = 0; i < 150; ++i)
        want << all[(i * 97) % 230];
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("By Hand"))));
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("by hand"), want)), 150);
    const qint64 id = (*Collections::find(m_reader->catalog(), QStringLiteral("by hand")))->id;
    const auto moveBefore = [&want](const QList<qint64> &keys, qint64 before) {
        for (qint64 key : keys)
            want.removeOne(key);
        const qsizetype at = before == 0 ? want.size() : want.indexOf(before);
        for (qsizetype i = 0; i < keys.size(); ++i)
            want.insert(at + i, keys[i]);
    };
    if (change == QLatin1String("ties")) {
        // Positions the writer never makes, but a merge or an old library
        // might: equal positions go by image key.
        Probe catalog(m_paths.catalogFile());
        QVERIFY(catalog.exec(QStringLiteral(
            "UPDATE collection_items SET position = 5 WHERE position BETWEEN 5 AND 40")));
        QList<qint64> tied = want.mid(4, 36);
        std::sort(tied.begin(), tied.end());
        want = want.mid(0, 4) + tied + want.mid(40);
    } else if (change == QLatin1String("after a move")) {
        const QList<qint64> picked { want[120], want[3], want[77] };
        QCOMPARE(
            *await(m_writer->moveInCollection(QStringLiteral("By Hand"), picked, want[10])), 3);
        moveBefore(picked, want[10]);
        QCOMPARE(*await(m_writer->moveInCollection(QStringLiteral("By Hand"), { want[0] }, 0)), 1);
        moveBefore({ want[0] }, 0);
    } else if (change == QLatin1String("after a renumber")) {
        // Each drop halves the gap before want[50]: the 30th leaves less
        // than 1e-9, and the positions are numbered 1, 2, 3… again.
        const qint64 target = want[50];
        for (int i = 0; i < 30; ++i) {
            const qint64 key = want[i % 2 == 0 ? 100 : 101];
            QCOMPARE(
                *await(m_writer->moveInCollection(QStringLiteral("By Hand"), { key }, target)), 1);
            moveBefore({ key }, target);
        }
        Probe catalog(m_paths.catalogFile());
        QCOMPARE(catalog
                     .scalar(QStringLiteral("SELECT count(*) FROM collection_items WHERE "
                                            "position != CAST(position AS INTEGER)"))
                     .toInt(),
            0);
    } else if (change == QLatin1String("a member trashed")) {
        QCOMPARE(*await(m_writer->moveToTrash({ want[33] })), 1);
        want.removeAt(33);
    }

    ImageQuery query;
    query.order = ImageQuery::Order::CollectionOrder;
    if (byId)
        query.collectionId = id;
    else
        query.search = QStringLiteral("in:\"BY HAND\"");
    const qint64 total = *m_reader->count(query);
    QCOMPARE(total, qint64(want.size()));
    QList<qint64> paged;
    for (qint64 offset = 0; offset < total; offset += 40) {
        auto page = m_reader->page(query, offset, 40, total);
        QVERIFY_OK(page);
        for (const ImageRecord &r : *page)
            paged << r.key;
    }
    QCOMPARE(paged, want);
    // Still counting: the first page is read from the front.
    auto first = m_reader->page(query, 0, 40, -1);
    QVERIFY_OK(first);
    QCOMPARE(first->size(), 40);
    QCOMPARE(first->front().key, want.front());
    QList<qint64> listed;
    const auto whole = m_reader->list(query);
    QVERIFY_OK(whole);
    for (const ImageRecord &r : *whole)
        listed << r.key;
    QCOMPARE(listed, want);
    QCOMPARE(*m_reader->keys(query, 10, 20), want.mid(10, 20));
    for (int i = 0; i < want.size(); i += 7)
        QCOMPARE(*m_reader->rowOf(query, want[i]), qint64(i));
    const qint64 outside = *std::find_if(
        all.cbegin(), all.cend(), [&want](qint64 key) { return !want.contains(key); });
    QCOMPARE(*m_reader->rowOf(query, outside), qint64(-1));
    auto steps = m_reader->countStep(query, 0, 1000);
    QVERIFY_OK(steps);
    QCOMPARE(steps->count, total);
    QVERIFY(steps->complete);
}

// Only a hand-made collection has a hand order: with a search that is not
// exactly one (none, a tag, a smart collection), a collection order reads
// as newest first (backwards: oldest first), never fails or empties.
void TestCatalog::collectionOrderNeedsOneHandMadeCollection()
{
    openWriter();
    QList<qint64> keys;
    for (quint32 seed : { 91u, 92u, 93u }) {
        auto made = commit(QStringLiteral("img %1").arg(seed), seed, { QStringLiteral("t") });
        QVERIFY_OK(made);
        keys << made->key;
    }
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Smart"), QStringLiteral("tag:t"))));
    for (const QString &search : { QString(), QStringLiteral("tag:t"), QStringLiteral("in:smart"),
             QStringLiteral("in:smart tag:t") }) {
        ImageQuery newest;
        newest.search = search;
        ImageQuery walked = newest;
        walked.order = ImageQuery::Order::CollectionOrder;
        const auto keysOf = [](const Result<QList<ImageRecord>> &rows) {
            QList<qint64> out;
            if (rows) {
                for (const ImageRecord &r : *rows)
                    out << r.key;
            }
            return out;
        };
        QList<qint64> want = keysOf(m_reader->list(newest));
        QCOMPARE(want.size(), 3);
        QCOMPARE(keysOf(m_reader->page(walked, 0, 10, 3)), want);
        QCOMPARE(*m_reader->count(walked), 3);
        walked.order = ImageQuery::Order::CollectionOrderBackwards;
        const QList<qint64> got = keysOf(m_reader->list(walked));
        std::reverse(want.begin(), want.end());
        QCOMPARE(got, want);
    }
}

void TestCatalog::collectionMoveTakesBack_data()
{
    QTest::addColumn<QList<int>>("moved"); // indexes into the hand order
    QTest::addColumn<int>("before"); // index, or -1 for the end
    QTest::newRow("one forward") << QList<int> { 1 } << 6;
    QTest::newRow("one back") << QList<int> { 6 } << 0;
    QTest::newRow("a block") << QList<int> { 2, 3, 4 } << 8;
    QTest::newRow("scattered, backwards picked") << QList<int> { 7, 1, 5 } << 3;
    QTest::newRow("to the end") << QList<int> { 0, 9 } << -1;
    QTest::newRow("the last to the front") << QList<int> { 9 } << 0;
}

// A drag in a collection moves the images before the drop target in the
// order picked, and the answer takes it back exactly (Ctrl+Z); redo moves
// them again.
void TestCatalog::collectionMoveTakesBack()
{
    QFETCH(QList<int>, moved);
    QFETCH(int, before);
    openWriter();
    const QList<qint64> keys = fillForOrders(10);
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Row"))));
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("Row"), keys)), 10);
    const qint64 id = (*Collections::find(m_reader->catalog(), QStringLiteral("row")))->id;
    QList<qint64> picked;
    for (int i : moved)
        picked << keys[i];
    const qint64 beforeKey = before < 0 ? 0 : keys[before];
    QList<qint64> want = keys;
    for (qint64 key : picked)
        want.removeOne(key);
    const qsizetype at = beforeKey == 0 ? want.size() : want.indexOf(beforeKey);
    for (qsizetype i = 0; i < picked.size(); ++i)
        want.insert(at + i, picked[i]);

    const auto move
        = await(m_writer->reorderInCollection(QStringLiteral("row"), picked, beforeKey));
    QVERIFY_OK(move);
    QCOMPARE(move->moved, picked.size());
    QCOMPARE(*Collections::members(m_reader->catalog(), id), want);
    QCOMPARE(*await(m_writer->restoreCollectionOrder(QStringLiteral("row"), move->undo)),
        int(picked.size()));
    QCOMPARE(*Collections::members(m_reader->catalog(), id), keys);
    const auto again
        = await(m_writer->reorderInCollection(QStringLiteral("row"), picked, beforeKey));
    QVERIFY_OK(again);
    QCOMPARE(*Collections::members(m_reader->catalog(), id), want);
}

void TestCatalog::renameCollection_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("error"); // empty: renamed
    QTest::newRow("renamed") << "trip"
                             << "  Summer   2026 " << QString();
    QTest::newRow("its own name in capitals") << "Trip"
                                              << "TRIP" << QString();
    QTest::newRow("empty") << "trip"
                           << "   "
                           << "a collection needs a name";
    QTest::newRow("a quote") << "trip"
                             << "a \"b\""
                             << "a collection name cannot contain \"";
    QTest::newRow("taken, other case") << "trip"
                                       << "best of"
                                       << "a collection named “Best Of” exists already";
    QTest::newRow("no such collection") << "nowhere"
                                        << "Else"
                                        << "no collection named “nowhere”";
}

// Renaming keeps the images and their order; an error says why and
// changes nothing.
void TestCatalog::renameCollection()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, error);
    openWriter();
    const QList<qint64> keys = fillForOrders(3);
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Trip"))));
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Best Of"), QStringLiteral("x"))));
    // A saved search built on it, naming it twice, in two spellings.
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Built On"),
        QStringLiteral("(in:TRIP OR in:\"best of\") -in:\" trip \" shot"))));
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("Trip"), { keys[2], keys[0] })), 2);
    const auto before = *Collections::list(m_reader->catalog());

    const auto renamed = await(m_writer->renameCollection(from, to));
    if (!error.isEmpty()) {
        QVERIFY(!renamed);
        QCOMPARE(renamed.error(), error);
        QCOMPARE(*Collections::list(m_reader->catalog()), before);
        return;
    }
    QVERIFY_OK(renamed);
    QCOMPARE(*renamed, to.simplified());
    const auto found = *Collections::find(m_reader->catalog(), to);
    QVERIFY(found);
    QCOMPARE(found->name, to.simplified());
    QCOMPARE(*Collections::members(m_reader->catalog(), found->id),
        (QList<qint64> { keys[2], keys[0] }));
    if (to.simplified().compare(QLatin1String("trip"), Qt::CaseInsensitive) != 0)
        QVERIFY(!*Collections::find(m_reader->catalog(), QStringLiteral("trip")));
    // The saved search follows the new name.
    const auto built = *Collections::find(m_reader->catalog(), QStringLiteral("built on"));
    QCOMPARE(built->query,
        QStringLiteral("(in:\"%1\" OR in:\"best of\") -in:\"%1\" shot").arg(to.simplified()));
    ImageQuery viaSaved;
    viaSaved.search = QStringLiteral("in:\"built on\"");
    QVERIFY_OK(m_reader->count(viaSaved));
    ImageQuery shown;
    shown.search = QStringLiteral("in:\"%1\"").arg(to.simplified());
    shown.order = ImageQuery::Order::CollectionOrder;
    QCOMPARE(*m_reader->keys(shown, 0, 10), (QList<qint64> { keys[2], keys[0] }));
}

void TestCatalog::collectionNamesInAnyCase_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("same");
    QTest::newRow("ASCII") << QStringLiteral("Holiday") << QStringLiteral("HOLIDAY") << true;
    QTest::newRow("German") << QStringLiteral("Ärger") << QStringLiteral("ÄRGER") << true;
    QTest::newRow("German, capital sharp s")
        << QStringLiteral("Straße") << QStringLiteral("STRAẞE") << true;
    QTest::newRow("German, sharp s is not ss")
        << QStringLiteral("Straße") << QStringLiteral("STRASSE") << false;
    QTest::newRow("French") << QStringLiteral("Été à Nîmes") << QStringLiteral("ÉTÉ À NÎMES")
                            << true;
    // Typed on a Mac: "e" and a combining acute accent.
    QTest::newRow("French, decomposed")
        << QStringLiteral("été") << QStringLiteral("E\u0301te\u0301") << true;
    QTest::newRow("French, accents count")
        << QStringLiteral("Été") << QStringLiteral("ete") << false;
    // Unicode's default folding, not Turkish: İ is I with a dot above in
    // every case, I is i, and dotless ı only itself. A Turkish "İstanbul"
    // and "istanbul" are two names; the same letters in capitals are one.
    QTest::newRow("Turkish, dotted capital")
        << QStringLiteral("İstanbul") << QStringLiteral("İSTANBUL") << true;
    QTest::newRow("Turkish, dotted capital is not i")
        << QStringLiteral("İstanbul") << QStringLiteral("istanbul") << false;
    QTest::newRow("Turkish, dotless i is not I")
        << QStringLiteral("ırmak") << QStringLiteral("IRMAK") << false;
    QTest::newRow("Turkish, I is i") << QStringLiteral("Irmak") << QStringLiteral("irmak") << true;
    QTest::newRow("Greek, final sigma")
        << QStringLiteral("ΚΌΣΜΟΣ") << QStringLiteral("κόσμος") << true;
    QTest::newRow("Greek, sigma in the middle")
        << QStringLiteral("Σοφία") << QStringLiteral("σοφία") << true;
}

// A collection's name is one name in any case of any script, as a tag's
// is (base/tagkey.h): found, refused as a second collection, searched
// for, and renamed by any spelling of it; another name is another
// collection.
void TestCatalog::collectionNamesInAnyCase()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    QFETCH(bool, same);
    openWriter();
    const QList<qint64> keys = fillForOrders(2);
    QVERIFY_OK(await(m_writer->createCollection(stored)));
    QCOMPARE(*await(m_writer->addToCollection(stored, { keys[1], keys[0] })), 2);

    QCOMPARE(Collections::sameName(stored, typed), same);
    const auto found = Collections::find(m_reader->catalog(), typed);
    QVERIFY_OK(found);
    QCOMPARE(bool(*found), same);
    ImageQuery inIt;
    inIt.search = QStringLiteral("in:\"%1\"").arg(typed);
    const auto counted = m_reader->count(inIt);
    QCOMPARE(bool(counted), same);
    inIt.order = ImageQuery::Order::CollectionOrder;
    if (same) {
        QCOMPARE((*found)->name, stored);
        QCOMPARE(*counted, 2);
        QCOMPARE(*m_reader->keys(inIt, 0, 10), (QList<qint64> { keys[1], keys[0] }));
        QCOMPARE(*await(m_writer->removeFromCollection(typed, { keys[0] })), 1);
    } else {
        QCOMPARE(counted.error(), Collections::unknown(typed));
    }

    // A second collection of that name, in another spelling, only if it
    // is another name.
    const auto second = await(m_writer->createCollection(typed));
    QCOMPARE(bool(second), !same);
    if (same)
        QCOMPARE(second.error(),
            QStringLiteral("a collection named “%1” exists already")
                .arg(Collections::cleanName(typed).value()));
    auto all = Collections::list(m_reader->catalog());
    QVERIFY_OK(all);
    QCOMPARE(all->size(), same ? 1 : 2);

    // Renamed by any spelling; its own name in another case is a rename.
    const auto renamed = await(m_writer->renameCollection(typed, QStringLiteral("X ") + typed));
    QVERIFY_OK(renamed);
    const auto after = *Collections::find(m_reader->catalog(), QStringLiteral("x ") + stored);
    QCOMPARE(bool(after), same);
    if (same) {
        QCOMPARE(*Collections::members(m_reader->catalog(), after->id), QList<qint64> { keys[1] });
        QVERIFY_OK(await(m_writer->renameCollection(QStringLiteral("X ") + stored, typed)));
        QCOMPARE((*Collections::find(m_reader->catalog(), stored))->name,
            Collections::cleanName(typed).value());
    }
}

// A library from before collection name keys: each collection is keyed
// on open; of names that now fold together the oldest keeps its name and
// the later ones get the first free " (n)", with their images and order.
void TestCatalog::collectionKeysBuiltForOlderLibrary()
{
    openWriter();
    const QList<qint64> keys = fillForOrders(3);
    QVERIFY_OK(await(m_writer->createCollection(QStringLiteral("Été"))));
    QCOMPARE(*await(m_writer->addToCollection(QStringLiteral("Été"), { keys[0] })), 1);
    m_reader.reset();
    m_writer.reset();
    {
        Probe catalog(m_paths.catalogFile());
        QVERIFY(catalog.exec(QStringLiteral("DROP INDEX collections_by_key")));
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE collections DROP COLUMN name_key")));
        // What NOCASE let in: "Été", "été" and "ÉTÉ" were three; "été (2)"
        // a name of its own.
        QVERIFY(catalog.exec(QStringLiteral(
            "INSERT INTO collections(id, name, query, created_at) VALUES (2, 'été', NULL, 1), "
            "(3, 'ÉTÉ', NULL, 2), (4, 'été (2)', NULL, 3), (5, 'Hiver', 'in:été', 4)")));
        QVERIFY(catalog.exec(
            QStringLiteral("INSERT INTO collection_items VALUES (2, %1, 1), (2, %2, 2)")
                .arg(keys[2])
                .arg(keys[1])));
        // (and the folder walks after the keys)
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE folder_walks")));
        QVERIFY(catalog.exec(QStringLiteral("PRAGMA user_version = %1")
                                 .arg(Connection::schemaVersion(Connection::Kind::Catalog) - 2)));
    }
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    openWriter();
    auto all = Collections::list(m_reader->catalog());
    QVERIFY_OK(all);
    QMap<qint64, QString> names;
    for (const CollectionInfo &c : std::as_const(*all))
        names.insert(c.id, c.name);
    QCOMPARE(names,
        (QMap<qint64, QString> { { 1, QStringLiteral("Été") }, { 2, QStringLiteral("été (3)") },
            { 3, QStringLiteral("ÉTÉ (4)") }, { 4, QStringLiteral("été (2)") },
            { 5, QStringLiteral("Hiver") } }));
    QCOMPARE(*Collections::members(m_reader->catalog(), 2), (QList<qint64> { keys[2], keys[1] }));
    QCOMPARE((*Collections::find(m_reader->catalog(), QStringLiteral("ÉTÉ")))->id, 1);
    QCOMPARE((*Collections::find(m_reader->catalog(), QStringLiteral("ÉTÉ (3)")))->id, 2);
    // Keys are unique from now on, and a plain sqlite3 reads them.
    QVERIFY(!await(m_writer->createCollection(QStringLiteral("ÉTÉ (2)"))));
    Probe plain(m_paths.catalogFile());
    QCOMPARE(plain.scalar(QStringLiteral("SELECT id FROM collections WHERE name_key = 'été (3)'"))
                 .toInt(),
        2);
    QVERIFY(plain.plan(QStringLiteral("SELECT id FROM collections WHERE name_key = 'x'"))
                .contains(QLatin1String("collections_by_key")));
    QCOMPARE(plain.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
        Connection::schemaVersion(Connection::Kind::Catalog));
}

void TestCatalog::trashFilterInAnyCase_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("names"); // of the trashed images it shows
    QTest::newRow("ASCII, tag") << "NATURE" << QStringList { "plain" };
    QTest::newRow("French, name") << "été" << QStringList { "Été à Nîmes" };
    QTest::newRow("French, capitals, two words") << "ÉTÉ nÎmes" << QStringList { "Été à Nîmes" };
    QTest::newRow("French, decomposed") << "E\u0301TE\u0301" << QStringList { "Été à Nîmes" };
    QTest::newRow("accents count") << "ete" << QStringList {};
    QTest::newRow("German, tag") << "ärger" << QStringList { "summer" };
    QTest::newRow("German, capital sharp s") << "STRAẞE" << QStringList { "Straße 9" };
    QTest::newRow("Greek, final sigma") << "κόσμος" << QStringList { "ΚΌΣΜΟΣ" };
    QTest::newRow("Turkish, dotless i is not I") << "ırmak" << QStringList {};
    QTest::newRow("every word") << "summer ärger" << QStringList { "summer" };
    QTest::newRow("every word, one missing") << "summer été" << QStringList {};
    QTest::newRow("LIKE's characters are text") << "0%_" << QStringList { "100%_done" };
}

// The trash's filter (the Trash window, `trove trash list`'s reader)
// finds a word in names and tags in any case of any script, as tags and
// searches do; pages and counts agree.
void TestCatalog::trashFilterInAnyCase()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, names);
    openWriter();
    QList<qint64> keys;
    quint32 seed = 130;
    for (const auto &[name, tag] : std::initializer_list<std::pair<QString, QString>> {
             { QStringLiteral("Été à Nîmes"), QString() },
             { QStringLiteral("summer"), QStringLiteral("ÄRGER") },
             { QStringLiteral("Straße 9"), QString() }, { QStringLiteral("ΚΌΣΜΟΣ"), QString() },
             { QStringLiteral("plain"), QStringLiteral("Nature") },
             { QStringLiteral("IRMAK"), QString() }, { QStringLiteral("100%_done"), QString() },
             { QStringLiteral("kept"), QStringLiteral("nature") } }) {
        auto made = commit(name, seed++, tag.isEmpty() ? QStringList {} : QStringList { tag });
        QVERIFY_OK(made);
        keys << made->key;
    }
    QCOMPARE(*await(m_writer->moveToTrash(keys.mid(0, keys.size() - 1))), keys.size() - 1);

    const auto shown = m_reader->trash(-1, 0, filter);
    QVERIFY_OK(shown);
    QStringList found;
    for (const TrashRecord &t : *shown)
        found << t.image.name;
    found.sort();
    names.sort();
    QCOMPARE(found, names);
    QCOMPARE(*m_reader->trashCount(filter), names.size());
    QCOMPARE(m_reader->trashKeys(0, 100, filter)->size(), names.size());
}

// Names in natural order, whatever wrote them: a commit, a rename, a
// restore from the trash.
void TestCatalog::naturalNamesFollowRenameAndRestore()
{
    openWriter();
    auto ten = commit(QStringLiteral("slow_10"), 40);
    auto nine = commit(QStringLiteral("slow_9"), 41);
    auto one = commit(QStringLiteral("Slow_1"), 42);
    QVERIFY_OK(ten);
    QVERIFY_OK(nine);
    QVERIFY_OK(one);
    auto names = [this](ImageQuery::Order order) {
        ImageQuery q;
        q.order = order;
        QStringList out;
        const auto rows = m_reader->list(q);
        for (const ImageRecord &r : *rows)
            out << r.name;
        return out;
    };
    QCOMPARE(
        names(ImageQuery::Order::NameAscending), (QStringList { "Slow_1", "slow_9", "slow_10" }));
    QCOMPARE(
        names(ImageQuery::Order::NameDescending), (QStringList { "slow_10", "slow_9", "Slow_1" }));

    QVERIFY_OK(await(m_writer->rename({ ten->key }, QStringLiteral("slow_2"))));
    QCOMPARE(
        names(ImageQuery::Order::NameAscending), (QStringList { "Slow_1", "slow_2", "slow_9" }));

    // Both ways back from the trash: as it was, and by a new insert.
    QCOMPARE(*await(m_writer->remove({ nine->key, one->key })), 2);
    QCOMPARE(*await(m_writer->restoreFromTrash({ nine->key, one->key })), 2);
    QCOMPARE(
        names(ImageQuery::Order::NameAscending), (QStringList { "Slow_1", "slow_2", "slow_9" }));
    Probe catalog(m_paths.catalogFile());
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM images WHERE name_key IS NULL"))
                 .toInt(),
        0);
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM image_shuffle")).toInt(), 3);
}

// Shuffle Again: a new random order, the same on every read until the next
// shuffle; new images get a place in it, removed ones leave it.
void TestCatalog::shuffleAgainIsANewStableOrder()
{
    openWriter();
    QCOMPARE(fillForOrders(120).size(), 120);
    ImageQuery query;
    query.order = ImageQuery::Order::Shuffled;
    auto keys = [&] { return *m_reader->keys(query, 0, 1000); };
    const QList<qint64> first = keys();
    QCOMPARE(first.size(), 120);
    QCOMPARE(keys(), first);
    QList<qint64> sorted = first;
    std::sort(sorted.begin(), sorted.end());
    QVERIFY(first != sorted);

    Probe catalog(m_paths.catalogFile());
    const qint64 seq = catalog.scalar(QStringLiteral("SELECT max(seq) FROM changes")).toLongLong();
    QVERIFY_OK(await(m_writer->shuffle()));
    const QList<qint64> second = keys();
    QCOMPARE(second.size(), 120);
    QVERIFY(second != first);
    QCOMPARE(keys(), second);
    // One row in the feed says so, however many images moved.
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM changes WHERE seq > %1").arg(seq))
                 .toInt(),
        1);

    auto added = commit(QStringLiteral("new one"), 43);
    QVERIFY_OK(added);
    QVERIFY(keys().contains(added->key));
    QCOMPARE(*await(m_writer->remove({ added->key })), 1);
    QCOMPARE(keys(), second);
}

// A library from before the new orders gets their keys and indexes on
// open: the natural name key is written for every image already there.
void TestCatalog::newOrdersBuiltForOlderLibrary()
{
    openWriter();
    QVERIFY_OK(commit(QStringLiteral("pic 10"), 44));
    QVERIFY_OK(commit(QStringLiteral("pic 9"), 45));
    m_reader.reset();
    m_writer.reset();
    {
        Probe catalog(m_paths.catalogFile());
        for (const char *sql : { "DROP TRIGGER image_shuffle_insert",
                 "DROP TRIGGER image_shuffle_delete", "DROP TABLE image_shuffle",
                 "DROP INDEX images_by_name_key", "DROP INDEX images_by_bytes",
                 "DROP INDEX images_by_pixels", "ALTER TABLE images DROP COLUMN name_key",
                 // and the collections step after it (its other triggers go
                 // with the tables)
                 "DROP TRIGGER collection_items_image_gone",
                 "DROP TRIGGER collection_items_trash_gone", "DROP TABLE collection_items",
                 "DROP TABLE collections",
                 // and the trash's id index after that (the search-text
                 // step after it only replaces triggers, and runs again)
                 "DROP INDEX trash_by_uuid",
                 // and the "found on" page after that
                 "ALTER TABLE images DROP COLUMN found_on",
                 "ALTER TABLE trash DROP COLUMN found_on", "ALTER TABLE queue DROP COLUMN referer",
                 // and the library's identity after that
                 "DROP TABLE library",
                 // and the held search texts after that (its triggers run again)
                 "DROP TABLE text_hold",
                 // and the folder walks after the tag keys
                 "DROP TABLE folder_walks" })
            QVERIFY2(catalog.exec(QLatin1String(sql)), sql);
        // (The tag keys after that run again as they are: the step reads
        // only a tag's image and spelling; the collection name keys after
        // them go with the collections above.)
        QVERIFY(catalog.exec(QStringLiteral("PRAGMA user_version = %1")
                                 .arg(Connection::schemaVersion(Connection::Kind::Catalog) - 10)));
    }
    Probe before(m_paths.catalogFile());
    const qint64 seq = before.scalar(QStringLiteral("SELECT max(seq) FROM changes")).toLongLong();
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    openWriter();
    ImageQuery query;
    query.order = ImageQuery::Order::NameAscending;
    QStringList names;
    const auto rows = m_reader->list(query);
    QVERIFY_OK(rows);
    for (const ImageRecord &r : *rows)
        names << r.name;
    QCOMPARE(names, (QStringList { "pic 9", "pic 10" }));
    query.order = ImageQuery::Order::Shuffled;
    QCOMPARE(m_reader->list(query)->size(), 2);
    // Writing the keys is no change a window must apply.
    QCOMPARE(before.scalar(QStringLiteral("SELECT count(*) FROM changes WHERE seq > %1").arg(seq))
                 .toInt(),
        0);
    QVERIFY(before
                .scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                       "AND name = 'changes_image_update'"))
                .toInt()
        == 1);
}

// The search index follows every change: rename, tags, a second source,
// removal.
void TestCatalog::searchFollowsEdits()
{
    openWriter();
    auto a = commit(QStringLiteral("harbour view"), 30, { QStringLiteral("seaside") },
        QStringLiteral("http://first.example/a.png"));
    QVERIFY_OK(a);
    auto found = [this](const QString &text) {
        ImageQuery q;
        q.search = text;
        auto n = m_reader->count(q);
        return n ? *n : -1;
    };
    QCOMPARE(found(QStringLiteral("harbour")), 1);
    QCOMPARE(found(QStringLiteral("seaside")), 1);
    QCOMPARE(found(QStringLiteral("first.example")), 1);

    QVERIFY_OK(await(m_writer->rename({ a->key }, QStringLiteral("mountain pass"))));
    QCOMPARE(found(QStringLiteral("harbour")), 0);
    QCOMPARE(found(QStringLiteral("mountain")), 1);

    QVERIFY_OK(await(m_writer->editTags(
        { a->key }, { QStringLiteral("alpine") }, { QStringLiteral("seaside") })));
    QCOMPARE(found(QStringLiteral("seaside")), 0);
    QCOMPARE(found(QStringLiteral("alpine")), 1);

    const Made again = makeFrom(make(30).bytes, QStringLiteral("b.png"));
    QVERIFY_OK(await(m_writer->commitImage(newImage(
        QStringLiteral("ignored"), again, {}, QStringLiteral("http://second.example/b.png")))));
    QCOMPARE(found(QStringLiteral("second.example")), 1);
    QCOMPARE(found(QStringLiteral("first.example")), 1);

    QVERIFY_OK(await(m_writer->remove({ a->key })));
    QCOMPARE(found(QStringLiteral("mountain")), 0);
    QCOMPARE(found(QStringLiteral("alpine")), 0);
    Probe catalog(m_paths.catalogFile());
    QCOMPARE(catalog.scalar(QStringLiteral("SELECT count(*) FROM image_text")).toInt(), 0);
}

// A library made before the index existed (schema 3) gets it on open, filled
// from what is already there.
void TestCatalog::searchIndexBuiltForOlderLibrary()
{
    openWriter();
    QVERIFY_OK(commit(QStringLiteral("old river"), 31, { QStringLiteral("delta") },
        QStringLiteral("http://older.example/r.png")));
    m_reader.reset();
    m_writer.reset();
    {
        Probe catalog(m_paths.catalogFile());
        // What the collections step added (its other triggers go with
        // its tables).
        QVERIFY(catalog.exec(QStringLiteral("DROP TRIGGER collection_items_image_gone")));
        QVERIFY(catalog.exec(QStringLiteral("DROP TRIGGER collection_items_trash_gone")));
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE collection_items")));
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE collections")));
        for (const char *trigger : { "image_text_insert", "image_text_rename", "image_text_delete",
                 "image_text_tag_insert", "image_text_tag_delete", "image_text_source_insert",
                 "image_text_source_delete" })
            QVERIFY(catalog.exec(QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger))));
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE image_text")));
        // What schema 5 (the change feed) added goes too: a schema 3 library.
        for (const char *trigger : { "changes_image_insert", "changes_image_delete",
                 "changes_image_update", "changes_tag_insert", "changes_tag_delete",
                 "changes_source_insert", "changes_source_delete", "changes_queue_insert",
                 "changes_queue_state", "changes_queue_delete" })
            QVERIFY(catalog.exec(QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger))));
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE changes")));
        // And what schema 6 (the trash) added.
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE trash")));
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE removed_hashes")));
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE queue DROP COLUMN force_add")));
        // And what schema 7 (annotations) added.
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE images DROP COLUMN annotation")));
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE queue DROP COLUMN annotation")));
        // And what schema 18 (the page an image was found on) added.
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE images DROP COLUMN found_on")));
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE queue DROP COLUMN referer")));
        // And what schema 8 (the animation flag) added.
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE images DROP COLUMN animated")));
        // And what schema 9 (perceptual hashes) added.
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE image_hashes")));
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE not_duplicates")));
        // And what schema 11 (the search language's format index) added.
        QVERIFY(catalog.exec(QStringLiteral("DROP INDEX images_by_format")));
        // And what schema 12 (images per format) added.
        for (const char *trigger :
            { "format_count_insert", "format_count_delete", "format_count_update" })
            QVERIFY(catalog.exec(QStringLiteral("DROP TRIGGER %1").arg(QLatin1String(trigger))));
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE format_counts")));
        // And what schema 13 (ratings) added (indexes before their columns).
        QVERIFY(catalog.exec(QStringLiteral("DROP INDEX images_by_rating")));
        QVERIFY(catalog.exec(QStringLiteral("DROP INDEX images_favourites")));
        QVERIFY(catalog.exec(QStringLiteral("DROP INDEX images_by_rating_order")));
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE images DROP COLUMN rating")));
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE images DROP COLUMN favourite")));
        // And what schema 14 (the new orders) added.
        for (const char *sql : { "DROP TRIGGER image_shuffle_insert",
                 "DROP TRIGGER image_shuffle_delete", "DROP TABLE image_shuffle",
                 "DROP INDEX images_by_name_key", "DROP INDEX images_by_bytes",
                 "DROP INDEX images_by_pixels", "ALTER TABLE images DROP COLUMN name_key" })
            QVERIFY2(catalog.exec(QLatin1String(sql)), sql);
        // And what schema 19 (the library's identity) and 20 (held search
        // texts) added.
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE library")));
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE text_hold")));
        // And what schema 23 (folder walks) added.
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE folder_walks")));
        QVERIFY(catalog.exec(QStringLiteral("PRAGMA user_version = 3")));
    }
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    openWriter();
    for (const char *text : { "river", "delta", "older.ex" }) {
        ImageQuery q;
        q.search = QString::fromLatin1(text);
        QCOMPARE(*m_reader->count(q), 1);
    }
    // The per-format counts are filled from the images already there.
    auto formats = m_reader->formatCounts();
    QVERIFY_OK(formats);
    QCOMPARE(formats->size(), 1);
    QCOMPARE(formats->first().second, 1);
    Probe catalog(m_paths.catalogFile());
    QCOMPARE(catalog.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
        Connection::schemaVersion(Connection::Kind::Catalog));
}

// A library from before tag keys: tags compared with NOCASE, which folds
// ASCII only, so one image could carry both "Über" and "über". Opened, it
// keeps one of them (the first in the image's order), every tag gets its
// key, and searches, counts and edits go by it; a plain sqlite3 still
// reads the catalog.
void TestCatalog::tagKeysBuiltForOlderLibrary()
{
    openWriter();
    auto a = commit(QStringLiteral("a"), 71, { QStringLiteral("Nature") });
    auto b = commit(QStringLiteral("b"), 72);
    QVERIFY_OK(a);
    QVERIFY_OK(b);
    m_reader.reset();
    m_writer.reset();
    qint64 seq = 0;
    {
        Probe catalog(m_paths.catalogFile());
        // The tags table as the step before left it, with its triggers
        // (those on the table go with it; image_text_insert names it).
        QStringList triggers;
        const QString names = QStringLiteral(
            "('image_text_insert', 'image_text_tag_insert', 'image_text_tag_delete', "
            "'changes_tag_insert', 'changes_tag_delete')");
        const int triggerCount
            = catalog
                  .scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = "
                                         "'trigger' AND name IN %1")
                              .arg(names))
                  .toInt();
        QCOMPARE(triggerCount, 5);
        for (int i = 0; i < triggerCount; ++i)
            triggers << catalog
                            .scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = "
                                                   "'trigger' AND name IN %1 ORDER BY name "
                                                   "LIMIT 1 OFFSET %2")
                                        .arg(names)
                                        .arg(i))
                            .toString();
        for (const char *sql : { "DROP TRIGGER image_text_insert",
                 "CREATE TABLE tags_nocase (image_id INTEGER NOT NULL REFERENCES images(id) ON "
                 "DELETE CASCADE, tag TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY (image_id, tag)) "
                 "WITHOUT ROWID",
                 "INSERT INTO tags_nocase SELECT image_id, tag FROM tags", "DROP TABLE tags",
                 "ALTER TABLE tags_nocase RENAME TO tags",
                 "CREATE INDEX tags_by_tag ON tags(tag, image_id)" })
            QVERIFY2(catalog.exec(QString::fromUtf8(sql)), sql);
        for (const QString &sql : std::as_const(triggers))
            QVERIFY2(catalog.exec(sql), qPrintable(sql));
        // What NOCASE let in: two spellings on one image, each also on
        // the other image in another spelling.
        QVERIFY(catalog.exec(QStringLiteral(
            "INSERT INTO tags(image_id, tag) VALUES (%1, 'über'), (%1, 'Über'), (%1, 'ärger'), "
            "(%2, 'ÄRGER'), (%2, 'über')")
                                 .arg(a->key)
                                 .arg(b->key)));
        QCOMPARE(
            catalog
                .scalar(QStringLiteral("SELECT count(*) FROM tags WHERE image_id = %1").arg(a->key))
                .toInt(),
            4);
        // (and the collection name keys after them)
        QVERIFY(catalog.exec(QStringLiteral("DROP INDEX collections_by_key")));
        QVERIFY(catalog.exec(QStringLiteral("ALTER TABLE collections DROP COLUMN name_key")));
        // (and the folder walks after it)
        QVERIFY(catalog.exec(QStringLiteral("DROP TABLE folder_walks")));
        QVERIFY(catalog.exec(QStringLiteral("PRAGMA user_version = %1")
                                 .arg(Connection::schemaVersion(Connection::Kind::Catalog) - 3)));
        seq = catalog.scalar(QStringLiteral("SELECT max(seq) FROM changes")).toLongLong();
    }
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    openWriter();
    // "Über" sorts before "über" (NOCASE compares them as bytes): it stays.
    QStringList tagsOfA = m_reader->byKey(a->key)->tags;
    tagsOfA.sort();
    QCOMPARE(tagsOfA,
        (QStringList {
            QStringLiteral("Nature"), QStringLiteral("Über"), QStringLiteral("ärger") }));
    QStringList tagsOfB = m_reader->byKey(b->key)->tags;
    tagsOfB.sort();
    QCOMPARE(tagsOfB, (QStringList { QStringLiteral("ÄRGER"), QStringLiteral("über") }));
    const auto count = [this](const QString &search) {
        ImageQuery q;
        q.search = search;
        auto n = m_reader->count(q);
        return n ? *n : -1;
    };
    QCOMPARE(count(QStringLiteral("tag:über")), 2);
    QCOMPARE(count(QStringLiteral("tag:ÜBER")), 2);
    QCOMPARE(count(QStringLiteral("tag:Ärger")), 2);
    QCOMPARE(count(QStringLiteral("-tag:über")), 0);
    QCOMPARE(count(QStringLiteral("tag:nature -tag:ärger")), 0);
    auto counts = m_reader->tagCounts(ImageQuery {});
    QVERIFY_OK(counts);
    QCOMPARE(counts->tags.size(), 3);
    QCOMPARE(counts->tags.at(0).count, 2);
    QCOMPARE(counts->tags.at(1).count, 2);
    // Added again in a third spelling: still one.
    QVERIFY_OK(await(m_writer->editTags({ b->key }, { QStringLiteral("ÜBER") }, {})));
    QCOMPARE(m_reader->byKey(b->key)->tags.size(), 2);

    Probe plain(m_paths.catalogFile());
    // The search text of the image that lost a spelling was written anew
    // (in whatever order its tags were then).
    const auto searchText = [&plain](qint64 key) {
        QStringList tags
            = plain.scalar(QStringLiteral("SELECT tags FROM image_text WHERE rowid = %1").arg(key))
                  .toString()
                  .split(QLatin1Char('\n'));
        tags.sort();
        return tags;
    };
    QCOMPARE(searchText(a->key), tagsOfA);
    QCOMPARE(searchText(b->key), tagsOfB);
    // The image that lost a spelling changed (the feed says so); the other
    // did not.
    const auto changesOf = [&plain, seq](qint64 key) {
        return plain
            .scalar(QStringLiteral("SELECT count(*) FROM changes WHERE seq > %1 AND image_id = %2")
                        .arg(seq)
                        .arg(key))
            .toInt();
    };
    QCOMPARE(changesOf(a->key), 1);
    QCOMPARE(changesOf(b->key), 0);
    // A plain sqlite3 (no trove_tag_key()) reads it, on the key's index.
    QCOMPARE(
        plain.scalar(QStringLiteral("SELECT count(*) FROM tags WHERE tag_key = 'über'")).toInt(),
        2);
    QCOMPARE(plain
                 .scalar(QStringLiteral(
                     "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%trove_tag_key%'"))
                 .toInt(),
        0);
    // Matches and counts go along the key's index, never a scan of the
    // table; counting every tag reads the index alone.
    for (const char *sql : { "SELECT image_id FROM tags WHERE tag_key = 'über'",
             "SELECT min(tag), count(*) FROM tags GROUP BY tag_key",
             "SELECT 1 FROM images i WHERE EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id "
             "AND t.tag_key = 'über')" }) {
        const QString plan = plain.plan(QString::fromUtf8(sql));
        QVERIFY2(plan.contains(QLatin1String("tags_by_key"))
                || plan.contains(QLatin1String("PRIMARY KEY")),
            qPrintable(QString::fromUtf8(sql) + QLatin1String(": ") + plan));
        QVERIFY2(!plan.contains(QLatin1String("SCAN t ")) && !plan.contains(QLatin1String("TEMP")),
            qPrintable(plan));
    }
    QVERIFY(plain.plan(QStringLiteral("SELECT min(tag), count(*) FROM tags GROUP BY tag_key"))
                .contains(QLatin1String("COVERING INDEX tags_by_key")));
    QCOMPARE(plain.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
        Connection::schemaVersion(Connection::Kind::Catalog));
}

void TestCatalog::hostileText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("sql injection") << QStringLiteral("'; DROP TABLE images; --");
    QTest::newRow("sql injection 2") << QStringLiteral("Robert'); DELETE FROM tags WHERE ('1'='1");
    QTest::newRow("double quotes") << QStringLiteral("\"quoted\" name");
    QTest::newRow("percent") << QStringLiteral("100%");
    QTest::newRow("underscore") << QStringLiteral("_");
    QTest::newRow("backslash") << QStringLiteral("C:\\pictures\\x");
    QTest::newRow("rtl") << QStringLiteral("שלום עולם \u202Egnp.exe");
    QTest::newRow("path traversal") << QStringLiteral("../x");
    QTest::newRow("deep traversal") << QStringLiteral("../../../../etc/passwd");
    QTest::newRow("emoji and CJK") << QStringLiteral("🐱 猫");
    QTest::newRow("html") << QStringLiteral("<script>alert(1)</script>");
}

void TestCatalog::hostileText()
{
    QFETCH(QString, text);
    openWriter();
    auto other = commit(QStringLiteral("bystander"), 40, { QStringLiteral("safe") });
    QVERIFY_OK(other);
    auto r = commit(text, 41, { text },
        QStringLiteral("http://h.example/") + QString::fromLatin1(QUrl::toPercentEncoding(text)));
    QVERIFY_OK(r);
    QCOMPARE(r->name, text);

    auto record = m_reader->byKey(r->key);
    QVERIFY_OK(record);
    QCOMPARE(record->name, text);
    QCOMPARE(record->tags, QStringList { text });
    auto found = m_reader->resolve(text);
    QVERIFY_OK(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->first().key, r->key);
    ImageQuery byTag;
    byTag.tag = text;
    QCOMPARE(*m_reader->count(byTag), 1);
    ImageQuery bySearch;
    // Searched as a phrase: unquoted, "--", ")" and "C:" are the search
    // language's (an error a person reads, not SQL's).
    bySearch.search
        = text.contains(QLatin1Char('"')) ? text : QLatin1Char('"') + text + QLatin1Char('"');
    auto searched = m_reader->list(bySearch);
    QVERIFY_OK(searched);
    QCOMPARE(searched->size(), 1);
    QCOMPARE(searched->first().key, r->key);

    // Nothing was executed, nothing was written outside the library.
    QCOMPARE(*m_reader->count({}), 2);
    QCOMPARE(m_reader->byKey(other->key)->tags, QStringList { QStringLiteral("safe") });
    for (const QString &file : blobFiles(m_paths))
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{2}/[0-9a-f]{64}\\.gz$"))
                     .match(file)
                     .hasMatch(),
            qPrintable(file));
    QCOMPARE(QDir(m_dir->path())
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                 .filter(QRegularExpression(QStringLiteral("^(?!input-|library$)"))),
        QStringList {});

    QVERIFY_OK(await(m_writer->rename({ r->key }, text + text)));
    QCOMPARE(m_reader->byKey(r->key)->name, text + text);
    QVERIFY_OK(await(m_writer->editTags({ r->key }, {}, { text })));
    QVERIFY(m_reader->byKey(r->key)->tags.isEmpty());
}

void TestCatalog::otherReadersSeeCommits()
{
    openWriter();
    // Opened before anything is written, as a window's reader would be.
    CatalogReader second;
    QVERIFY_OK(second.open(m_paths));
    QCOMPARE(*second.count({}), 0);

    auto a = commit(QStringLiteral("seen"), 50);
    QVERIFY_OK(a);
    QCOMPARE(*second.count({}), 1);
    QCOMPARE(second.byKey(a->key)->name, QStringLiteral("seen"));
    QCOMPARE(second.stats()->images, 1);

    // A reader on another thread, with its own connections.
    const LibraryPaths paths = m_paths;
    auto remote = QtConcurrent::run([paths]() -> qint64 {
        CatalogReader reader;
        if (!reader.open(paths))
            return -1;
        auto n = reader.count({});
        return n ? *n : -1;
    });
    QCOMPARE(await(remote), 1);

    QVERIFY_OK(await(m_writer->rename({ a->key }, QStringLiteral("renamed"))));
    QCOMPARE(second.byKey(a->key)->name, QStringLiteral("renamed"));
    QCOMPARE(*await(m_writer->remove({ a->key })), 1);
    QCOMPARE(*second.count({}), 0);
}

void TestCatalog::concurrentFirstOpen()
{
    // A window and a CLI started together on a library that does not exist
    // yet: every connection must open it (waiting for the other if need be),
    // none may fail with "database is locked". Racing threads stand in for
    // the processes; each round is a fresh library.
    constexpr int kRounds = 100;
    constexpr int kOpeners = 3;
    QStringList failures;
    for (int round = 0; round < kRounds; ++round) {
        const LibraryPaths paths(m_dir->filePath(QStringLiteral("race-%1").arg(round)));
        std::latch start(kOpeners);
        std::array<QString, kOpeners> errors;
        std::vector<std::thread> openers;
        for (int i = 0; i < kOpeners; ++i) {
            openers.emplace_back([paths, &start, &error = errors[size_t(i)]] {
                start.arrive_and_wait();
                CatalogReader reader;
                auto r = reader.open(paths);
                if (!r)
                    error = r.error();
            });
        }
        for (std::thread &t : openers)
            t.join();
        for (const QString &error : errors) {
            if (!error.isEmpty())
                failures << QStringLiteral("round %1: %2").arg(round).arg(error);
        }
    }
    QVERIFY2(failures.isEmpty(),
        qPrintable(QStringLiteral("%1 of %2 opens failed, e.g. %3")
                       .arg(failures.size())
                       .arg(kRounds * kOpeners)
                       .arg(failures.value(0))));
}

void TestCatalog::destroyingWriterFlushes()
{
    openWriter();
    const Made made = make(60);
    // Posted and never waited for: the destructor must still write it.
    (void)m_writer->commitImage(newImage(QStringLiteral("last words"), made));
    m_writer.reset();
    auto rows = m_reader->list({});
    QVERIFY_OK(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().name, QStringLiteral("last words"));
    QVERIFY(QFileInfo::exists(m_paths.blobFile(rows->first().sha256)));
}

void TestCatalog::integrityAndCounts()
{
    openWriter();
    QVERIFY_OK(commit(QStringLiteral("png"), 70));
    const Made g = make(71, "gif");
    QVERIFY_OK(await(m_writer->commitImage(
        newImage(QStringLiteral("gif"), g, {}, QStringLiteral("http://GIFS.example/x.gif")))));
    auto problems = integrityProblems(*m_reader);
    QVERIFY_OK(problems);
    QVERIFY(problems->isEmpty());
    using Counts = QList<QPair<QString, qint64>>;
    auto formats = m_reader->formatCounts();
    QVERIFY_OK(formats);
    QCOMPARE(*formats, (Counts { { QStringLiteral("gif"), 1 }, { QStringLiteral("png"), 1 } }));
    auto hosts = m_reader->hostCounts();
    QVERIFY_OK(hosts);
    QCOMPARE(hosts->size(), 1);
    QCOMPARE(hosts->first().first, QStringLiteral("gifs.example"));
    int visited = 0;
    QVERIFY_OK(m_reader->forEach([&visited](const ImageRecord &) {
        ++visited;
        return true;
    }));
    QCOMPARE(visited, 2);
    // A walk without sources reads everything else the same.
    QList<ImageRecord> full, lean;
    QVERIFY_OK(m_reader->forEach(ImageQuery {}, [&full](const ImageRecord &r) {
        full << r;
        return true;
    }));
    QVERIFY_OK(m_reader->forEach(
        ImageQuery {},
        [&lean](const ImageRecord &r) {
            lean << r;
            return true;
        },
        CatalogReader::Detail::WithoutSources));
    QCOMPARE(lean.size(), full.size());
    QCOMPARE(full.first().sources, QStringList { QStringLiteral("http://GIFS.example/x.gif") });
    for (qsizetype i = 0; i < full.size(); ++i) {
        QVERIFY(lean[i].sources.isEmpty());
        QCOMPARE(lean[i].id, full[i].id);
        QCOMPARE(lean[i].name, full[i].name);
        QCOMPARE(lean[i].tags, full[i].tags);
        QCOMPARE(lean[i].sha256, full[i].sha256);
        QCOMPARE(lean[i].addedAt, full[i].addedAt);
    }
    // The counts are kept as images come and go (the trash included).
    QVERIFY_OK(commit(QStringLiteral("png 2"), 72));
    QCOMPARE(*m_reader->formatCounts(),
        (Counts { { QStringLiteral("png"), 2 }, { QStringLiteral("gif"), 1 } }));
    auto gifKey = m_reader->resolve(QStringLiteral("gif"));
    QVERIFY_OK(gifKey);
    QCOMPARE(gifKey->size(), 1);
    QVERIFY_OK(await(m_writer->remove({ gifKey->first().key })));
    QCOMPARE(*m_reader->formatCounts(), (Counts { { QStringLiteral("png"), 2 } }));
}

// SQLite's SQLITE_FULL (here: a page limit) is an error of kind DiskFull,
// never the raw driver text.
void TestCatalog::sqliteFullIsDiskFull()
{
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("full"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("full.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(x)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count=3")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO t VALUES (randomblob(100000))")));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("13"));
        const Error e = sqlError(q);
        QCOMPARE(e.kind, Error::Kind::DiskFull);
        QVERIFY2(e.message.startsWith(QLatin1String("the disk is full")), qPrintable(e.message));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("full"));
}

// A commit on a really full file system (a small tmpfs, where the suite
// may mount one) answers DiskFull with the volume and its free space,
// leaves no blob behind, and works again once there is room.
void TestCatalog::fullDiskCommitIsDiskFull()
{
    const QString volume = m_dir->filePath(QStringLiteral("small"));
    QDir().mkpath(volume);
    if (QProcess::execute(QStringLiteral("mount"),
            { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                QStringLiteral("size=3m"), QStringLiteral("tmpfs"), volume })
        != 0)
        QSKIP("cannot mount a small tmpfs here (not permitted)");
    auto unmount = qScopeGuard([&] {
        QProcess::execute(QStringLiteral("umount"), { QStringLiteral("-l"), volume });
    });
    m_writer.reset();
    m_paths = LibraryPaths(volume + QStringLiteral("/library"));
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    openWriter();
    QVERIFY_OK(commit(QStringLiteral("first"), 1));
    const Made made = make(2);
    QVERIFY(!made.bytes.isEmpty());

    // Fill what is left.
    const QString filler = volume + QStringLiteral("/filler");
    {
        QFile f(filler);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray chunk(64 * 1024, 'x');
        while (f.write(chunk) == chunk.size() && f.flush()) { }
    }
    auto full = await(m_writer->commitImage(newImage(QStringLiteral("second"), made)));
    QVERIFY(!full.ok());
    QCOMPARE(full.errorKind(), Error::Kind::DiskFull);
    QVERIFY2(full.error().startsWith(QStringLiteral("no space left on %1: ").arg(volume)),
        qPrintable(full.error()));
    QVERIFY(!QFile::exists(m_paths.blobFile(made.processed.blob.sha256)));

    QVERIFY(QFile::remove(filler));
    QVERIFY_OK(commit(QStringLiteral("second"), 2));
    QCOMPARE(m_reader->stats()->images, 2);
    m_reader.reset();
    m_writer.reset(); // before the volume goes
}

// A backup cancelled half-way is never taken for a complete one; run
// again, it completes, and keeps what the first had copied.
void TestCatalog::backupCancelledIsNotComplete()
{
    openWriter();
    for (quint32 seed = 1; seed <= 3; ++seed)
        QVERIFY_OK(commit(QStringLiteral("img%1").arg(seed), seed));
    m_writer->flush();
    const QString dest = m_dir->filePath(QStringLiteral("backup"));
    std::atomic_bool cancelled = false;
    int seen = 0;
    auto stopped = LibraryBackup::run(
        m_paths, dest,
        [&](qint64, qint64) {
            if (++seen == 1)
                cancelled = true; // after the first blob
        },
        &cancelled);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error(), QStringLiteral("cancelled"));
    QVERIFY(!LibraryBackup::checkComplete(dest).ok());
    QVERIFY(!QFileInfo::exists(dest + QStringLiteral("/catalog.sqlite")));

    auto done = LibraryBackup::run(m_paths, dest);
    QVERIFY_OK(done);
    QCOMPARE(done->images, 3);
    QCOMPARE(done->blobsSkipped, 1);
    QCOMPARE(done->blobsCopied, 2);
    QVERIFY_OK(LibraryBackup::checkComplete(dest));
    CatalogReader copy;
    QVERIFY_OK(copy.open(LibraryPaths(dest)));
    QCOMPARE(copy.stats()->images, 3);
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"

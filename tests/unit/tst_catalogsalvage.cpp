// SPDX-License-Identifier: MIT
// CatalogSalvage on a catalog damaged in the middle of its images table:
// the rows before and after the damaged page are read back with their
// tags, the damaged stretch is stepped over (and named), the blobs no row
// names become images again from their bytes, and the damaged file is kept
// whole; collections come back with the items of the images that did.
// Also the summary verify prints of SQLite's integrity lines.
#include "catalog/catalogsalvage.h"
#include "imagefactory.h"
#include "response.h"
#include "resultcheck.h"
#include "storage/database.h"
#include "storage/gzipcodec.h"
#include "storage/librarypaths.h"
#include "testfiles.h"

#include <QDir>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace trove;
using namespace trove::test;

class TestCatalogSalvage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void summarizes_data();
    void summarizes();
    void stepsOverADamagedPage();
    void noCatalogAtAllIsRebuiltFromBlobs();
    void keepsCollections_data();
    void keepsCollections();

private:
    /// Stores @p bytes as a blob named @p fileName; answers its sha256.
    QString addBlob(const QString &fileName, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    LibraryPaths m_paths;
};

void TestCatalogSalvage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCatalogSalvage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_paths = LibraryPaths(m_dir->filePath(QStringLiteral("library")));
    QVERIFY_OK(m_paths.ensureLayout());
}

QString TestCatalogSalvage::addBlob(const QString &fileName, const QByteArray &bytes)
{
    const QString source = m_dir->filePath(fileName);
    if (!writeFile(source, bytes))
        return {};
    const QString sha = sha256Hex(bytes);
    QDir().mkpath(QFileInfo(m_paths.blobFile(sha)).absolutePath());
    auto blob = GzipCodec::compressFile(source, m_paths.blobFile(sha), fileName);
    return blob ? blob->sha256 : QString();
}

void TestCatalogSalvage::summarizes_data()
{
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<QString>("summary");
    QTest::newRow("one") << QStringList { QStringLiteral("a") } << "a";
    QTest::newRow("three") << QStringList { QStringLiteral("a"), QStringLiteral("b"),
        QStringLiteral("c") }
                           << "a; b; c";
    QTest::newRow("five") << QStringList { QStringLiteral("a"), QStringLiteral("b"),
        QStringLiteral("c"), QStringLiteral("d"), QStringLiteral("e") }
                          << "a; b; c; and 2 more";
}

void TestCatalogSalvage::summarizes()
{
    QFETCH(QStringList, problems);
    QFETCH(QString, summary);
    QCOMPARE(CatalogSalvage::summarize(problems), summary);
}

void TestCatalogSalvage::stepsOverADamagedPage()
{
    constexpr int kRows = 600;
    const QString orphan = addBlob(QStringLiteral("orphan.png"), ImageFactory::png(40, 30, 11));
    QVERIFY(!orphan.isEmpty());
    qint64 page = 0;
    qint64 pageSize = 0;
    QString identity;
    {
        Connection c;
        QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
        QVERIFY_OK(c.exec(QStringLiteral("BEGIN")));
        QSqlQuery image = c.query(QStringLiteral(
            "INSERT INTO images(id, uuid, name, sha256, format, width, height, original_bytes, "
            "stored_bytes, added_at) VALUES (?, ?, ?, ?, 'png', 10, 10, 100, 90, ?)"));
        QSqlQuery tag = c.query(QStringLiteral(
            "INSERT INTO tags(image_id, tag, tag_key) SELECT ?, t, trove_tag_key(t) FROM (SELECT ? "
            "AS t)"));
        for (int i = 1; i <= kRows; ++i) {
            image.bindValue(0, i);
            image.bindValue(1, QStringLiteral("uuid-%1").arg(i));
            image.bindValue(2, QStringLiteral("image %1 with a longish name").arg(i));
            image.bindValue(3, sha256Hex(QByteArray::number(i)));
            image.bindValue(4, qint64(1'700'000'000'000) + i);
            QVERIFY_OK(execQuery(image));
            tag.bindValue(0, i);
            tag.bindValue(1, QStringLiteral("tag%1").arg(i));
            QVERIFY_OK(execQuery(tag));
        }
        QVERIFY_OK(c.exec(QStringLiteral("COMMIT")));
        QSqlQuery leaves = c.query(QStringLiteral(
            "SELECT pageno FROM dbstat WHERE name = 'images' AND pagetype = 'leaf' ORDER BY path"));
        if (!leaves.exec())
            QSKIP("this SQLite has no dbstat table to find a page with");
        QList<qint64> pages;
        while (leaves.next())
            pages.append(leaves.value(0).toLongLong());
        QVERIFY2(pages.size() >= 5, qPrintable(QString::number(pages.size())));
        page = pages[pages.size() / 2];
        QSqlQuery id = c.query(QStringLiteral("SELECT uuid FROM library"));
        QVERIFY_OK(execQuery(id));
        QVERIFY(id.next());
        identity = id.value(0).toString();
        QSqlQuery size = c.query(QStringLiteral("PRAGMA page_size"));
        QVERIFY_OK(execQuery(size));
        QVERIFY(size.next());
        pageSize = size.value(0).toLongLong();
    }
    {
        QFile f(m_paths.catalogFile());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek((page - 1) * pageSize));
        QByteArray junk(pageSize, Qt::Uninitialized);
        QRandomGenerator rng(99);
        for (char &ch : junk)
            ch = char(rng.bounded(256));
        QCOMPARE(f.write(junk), pageSize);
    }
    const QByteArray damaged = readFile(m_paths.catalogFile());
    QVERIFY(!CatalogSalvage::diagnose(m_paths.catalogFile()).isEmpty());

    auto report = CatalogSalvage::run(m_paths);
    QVERIFY_OK(report);
    // One leaf's rows are lost, no more than a page holds; those after it
    // are read.
    QVERIFY2(report->imagesRead < kRows && report->imagesRead > kRows - 60,
        qPrintable(QString::number(report->imagesRead)));
    QCOMPARE(report->tagsRead, report->imagesRead);
    QCOMPARE(report->rebuiltFromBlobs, 1);
    QVERIFY2(report->notes.join(QLatin1Char('\n')).contains(QLatin1String("images: stepped over")),
        qPrintable(report->notes.join(QLatin1Char('\n'))));
    QCOMPARE(readFile(report->damagedFile), damaged);

    Connection c;
    QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
    QSqlQuery last = c.query(QStringLiteral("SELECT max(id) FROM images WHERE sha256 != ?"));
    last.bindValue(0, orphan);
    QVERIFY_OK(execQuery(last));
    QVERIFY(last.next());
    QCOMPARE(last.value(0).toInt(), kRows);
    QSqlQuery rebuilt = c.query(
        QStringLiteral("SELECT name, format, width, height, id FROM images WHERE sha256 = ?"));
    rebuilt.bindValue(0, orphan);
    QVERIFY_OK(execQuery(rebuilt));
    QVERIFY(rebuilt.next());
    QCOMPARE(rebuilt.value(0).toString(), QStringLiteral("orphan"));
    QCOMPARE(rebuilt.value(1).toString(), QStringLiteral("png"));
    QCOMPARE(rebuilt.value(2).toInt(), 40);
    QCOMPARE(rebuilt.value(3).toInt(), 30);
    QVERIFY(rebuilt.value(4).toInt() > kRows);
    // Its tag came back with it; a lost row's did not.
    QSqlQuery tags = c.query(QStringLiteral("SELECT count(*) FROM tags t JOIN images i ON i.id = "
                                            "t.image_id AND t.tag = 'tag' || i.id"));
    QVERIFY_OK(execQuery(tags));
    QVERIFY(tags.next());
    QCOMPARE(tags.value(0).toLongLong(), report->tagsRead);
    // Still the same library: its backups are its own.
    QSqlQuery same = c.query(QStringLiteral("SELECT uuid FROM library"));
    QVERIFY_OK(execQuery(same));
    QVERIFY(same.next());
    QCOMPARE(same.value(0).toString(), identity);
    QCOMPARE(identity.size(), 32);
}

void TestCatalogSalvage::noCatalogAtAllIsRebuiltFromBlobs()
{
    const QString a = addBlob(QStringLiteral("first.png"), ImageFactory::png(20, 10, 1));
    const QString b = addBlob(QStringLiteral("second.jpg"), ImageFactory::jpeg(30, 20, 80, 2));
    // Compressed SVG comes back as the svgz it was, sized from its text.
    const QString drawing = addBlob(QStringLiteral("drawing.svgz"), ImageFactory::svgz(60, 40, 3));
    QVERIFY(!a.isEmpty() && !b.isEmpty() && !drawing.isEmpty());
    // Not an image: left for verify, which moves it aside; a gzip archive
    // is none either.
    QVERIFY(!addBlob(QStringLiteral("notes.txt"), "just text").isEmpty());
    QVERIFY(!addBlob(QStringLiteral("notes.txt.gz"), Response::gzip("just text")).isEmpty());

    auto report = CatalogSalvage::run(m_paths);
    QVERIFY_OK(report);
    QVERIFY(report->damagedFile.isEmpty());
    QCOMPARE(report->rebuiltFromBlobs, 3);
    QCOMPARE(report->unreadableBlobs, 2);

    Connection c;
    QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
    QSqlQuery q = c.query(QStringLiteral("SELECT images FROM stats"));
    QVERIFY_OK(execQuery(q));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 3);
    QSqlQuery svgz
        = c.query(QStringLiteral("SELECT format, width, height FROM images WHERE sha256 = ?"));
    svgz.bindValue(0, drawing);
    QVERIFY_OK(execQuery(svgz));
    QVERIFY(svgz.next());
    QCOMPARE(svgz.value(QStringLiteral("format")).toString(), QStringLiteral("svgz"));
    QCOMPARE(svgz.value(QStringLiteral("width")).toInt(), 60);
    QCOMPARE(svgz.value(QStringLiteral("height")).toInt(), 40);
    Connection thumbs;
    QVERIFY_OK(thumbs.open(m_paths, Connection::Kind::Thumbs));
    QSqlQuery t = thumbs.query(QStringLiteral("SELECT count(*) FROM thumbs"));
    QVERIFY_OK(execQuery(t));
    QVERIFY(t.next());
    QCOMPARE(t.value(0).toInt(), 3);
}

void TestCatalogSalvage::keepsCollections_data()
{
    QTest::addColumn<QString>("table");
    QTest::newRow("images damaged") << QStringLiteral("images");
    QTest::newRow("items damaged") << QStringLiteral("collection_items");
}

// Three hand-made collections of every image (the first in reverse order,
// with an image in the trash and one no row names), a smart one, two tags
// an image; then a leaf of @c table in the middle is damaged.
void TestCatalogSalvage::keepsCollections()
{
    QFETCH(QString, table);
    constexpr int kRows = 600;
    constexpr int kTrashed = 700;
    qint64 page = 0;
    qint64 pageSize = 0;
    {
        Connection c;
        QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
        QVERIFY_OK(c.exec(QStringLiteral("BEGIN")));
        QSqlQuery image = c.query(QStringLiteral(
            "INSERT INTO images(id, uuid, name, sha256, format, width, height, original_bytes, "
            "stored_bytes, added_at) VALUES (?, ?, ?, ?, 'png', 10, 10, 100, 90, ?)"));
        QSqlQuery tag = c.query(QStringLiteral(
            "INSERT INTO tags(image_id, tag, tag_key) SELECT ?, t, trove_tag_key(t) FROM (SELECT ? "
            "AS t)"));
        for (int i = 1; i <= kRows; ++i) {
            image.bindValue(0, i);
            image.bindValue(1, QStringLiteral("uuid-%1").arg(i));
            image.bindValue(2, QStringLiteral("image %1 with a longish name").arg(i));
            image.bindValue(3, sha256Hex(QByteArray::number(i)));
            image.bindValue(4, qint64(1'700'000'000'000) + i);
            QVERIFY_OK(execQuery(image));
            for (const QString &t : { QStringLiteral("a%1"), QStringLiteral("b%1") }) {
                tag.bindValue(0, i);
                tag.bindValue(1, t.arg(i));
                QVERIFY_OK(execQuery(tag));
            }
        }
        QSqlQuery trash = c.query(QStringLiteral(
            "INSERT INTO trash(id, uuid, name, sha256, format, width, height, original_bytes, "
            "stored_bytes, added_at, trashed_at) VALUES (?, 'uuid-t', 'trashed', ?, 'png', 10, "
            "10, 100, 90, 1, 2)"));
        trash.bindValue(0, kTrashed);
        trash.bindValue(1, sha256Hex("trashed"));
        QVERIFY_OK(execQuery(trash));
        QVERIFY_OK(c.exec(QStringLiteral(
            "INSERT INTO collections(id, name, name_key, query, created_at) VALUES "
            "(1, 'Été', 'été', NULL, 11), (2, 'second', 'second', NULL, 12), "
            "(3, 'third', 'third', NULL, 13), (4, 'Smart', 'smart', 'tag:a1 OR tag:b2', 14)")));
        QSqlQuery item = c.query(QStringLiteral(
            "INSERT INTO collection_items(collection_id, image_id, position) VALUES (?, ?, ?)"));
        for (int collection = 1; collection <= 3; ++collection) {
            for (int i = 1; i <= kRows; ++i) {
                item.bindValue(0, collection);
                item.bindValue(1, i);
                item.bindValue(2, collection == 1 ? 1000.5 - i : double(i));
                QVERIFY_OK(execQuery(item));
            }
        }
        for (int image : { kTrashed, 999 }) {
            item.bindValue(0, 1);
            item.bindValue(1, image);
            item.bindValue(2, 0.25);
            QVERIFY_OK(execQuery(item));
        }
        QVERIFY_OK(c.exec(QStringLiteral("COMMIT")));
        QSqlQuery leaves = c.query(QStringLiteral("SELECT pageno FROM dbstat WHERE name = ? AND "
                                                  "pagetype = 'leaf' ORDER BY path"));
        leaves.bindValue(0, table);
        if (!leaves.exec())
            QSKIP("this SQLite has no dbstat table to find a page with");
        QList<qint64> pages;
        while (leaves.next())
            pages.append(leaves.value(0).toLongLong());
        QVERIFY2(pages.size() >= 5, qPrintable(QString::number(pages.size())));
        page = pages[pages.size() / 2];
        QSqlQuery size = c.query(QStringLiteral("PRAGMA page_size"));
        QVERIFY_OK(execQuery(size));
        QVERIFY(size.next());
        pageSize = size.value(0).toLongLong();
    }
    {
        QFile f(m_paths.catalogFile());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek((page - 1) * pageSize));
        QCOMPARE(f.write(QByteArray(pageSize, '\xff')), pageSize);
    }

    auto report = CatalogSalvage::run(m_paths);
    QVERIFY_OK(report);
    const QString notes = report->notes.join(QLatin1Char('\n'));
    QVERIFY2(notes.contains(table + QLatin1String(": stepped over")), qPrintable(notes));
    QCOMPARE(report->collectionsRead, 4);
    // Every tag of every image read back, not only an image's first.
    QCOMPARE(report->tagsRead, 2 * report->imagesRead);
    QCOMPARE(report->trashRead, 1);

    Connection c;
    QVERIFY_OK(c.open(m_paths, Connection::Kind::Catalog));
    QSqlQuery collections = c.query(QStringLiteral(
        "SELECT id, name, name_key, query, created_at FROM collections ORDER BY id"));
    QVERIFY_OK(execQuery(collections));
    const QStringList expected { QStringLiteral("1|Été|été||11"),
        QStringLiteral("2|second|second||12"), QStringLiteral("3|third|third||13"),
        QStringLiteral("4|Smart|smart|tag:a1 OR tag:b2|14") };
    QStringList got;
    while (collections.next()) {
        QStringList fields;
        for (int i = 0; i < 5; ++i)
            fields.append(collections.value(i).toString());
        got.append(fields.join(QLatin1Char('|')));
    }
    QCOMPARE(got, expected);

    // Items only of images that are there (in the catalog or its trash),
    // each at its own position.
    QSqlQuery stray = c.query(QStringLiteral(
        "SELECT count(*) FROM collection_items WHERE image_id NOT IN (SELECT id FROM images) "
        "AND image_id != ?"));
    stray.bindValue(0, kTrashed);
    QVERIFY_OK(execQuery(stray));
    QVERIFY(stray.next());
    QCOMPARE(stray.value(0).toInt(), 0);
    QSqlQuery trashed = c.query(QStringLiteral(
        "SELECT position FROM collection_items WHERE collection_id = 1 AND image_id = ?"));
    trashed.bindValue(0, kTrashed);
    QVERIFY_OK(execQuery(trashed));
    QVERIFY(trashed.next());
    QCOMPARE(trashed.value(0).toDouble(), 0.25);
    QSqlQuery order = c.query(QStringLiteral(
        "SELECT count(*) FROM collection_items WHERE collection_id = 1 AND image_id != ? "
        "AND position != 1000.5 - image_id"));
    order.bindValue(0, kTrashed);
    QVERIFY_OK(execQuery(order));
    QVERIFY(order.next());
    QCOMPARE(order.value(0).toInt(), 0);

    QSqlQuery counts = c.query(QStringLiteral(
        "SELECT collection_id, count(*) FROM collection_items GROUP BY collection_id"));
    QVERIFY_OK(execQuery(counts));
    QHash<int, int> items;
    while (counts.next())
        items.insert(counts.value(0).toInt(), counts.value(1).toInt());
    QCOMPARE(items.value(4), 0);
    if (table == QLatin1String("images")) {
        // The lost images' items went with them; the others' all came back.
        for (int collection = 1; collection <= 3; ++collection)
            QCOMPARE(items.value(collection), report->imagesRead + (collection == 1 ? 1 : 0));
    } else {
        // Every image came back; items were lost only around the damage.
        QCOMPARE(report->imagesRead, kRows);
        const int total = items.value(1) + items.value(2) + items.value(3);
        QVERIFY2(total < 3 * kRows + 1 && total > kRows, qPrintable(QString::number(total)));
        QCOMPARE(items.value(3), kRows);
    }
}

QTEST_GUILESS_MAIN(TestCatalogSalvage)

#include "tst_catalogsalvage.moc"

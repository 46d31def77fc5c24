// SPDX-License-Identifier: MIT
// Tags that scale: the in-memory vocabulary completion runs on (prefix
// before infix, by count, case-insensitive, any text a tag may hold), the
// counts a query's tags have (bounded on a large match), renaming and
// merging a tag over the whole library and taking it back, and TagService
// following what another writer commits, with TagCountsModel checked by
// QAbstractItemModelTester.
#include "awaitfuture.h"
#include "base/tagkey.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/libraryreader.h"
#include "catalog/private/tagstatements.h"
#include "catalog/tagvocabulary.h"
#include "imagefactory.h"
#include "ingest/imageprocessor.h"
#include "ingest/ingesttypes.h"
#include "models/tagcountsmodel.h"
#include "models/tagservice.h"
#include "resultcheck.h"
#include "spellings.h"
#include "storage/librarypaths.h"
#include "testfiles.h"
#include "timebounds.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace trove;
using trove::test::await;
using namespace trove::test;

namespace {

QStringList tagsOf(const TagCounts &counts)
{
    QStringList out;
    for (const TagCount &c : counts)
        out.append(c.tag);
    return out;
}

TagVocabulary sample()
{
    return TagVocabulary({
        { QStringLiteral("cat"), 40 },
        { QStringLiteral("Catalog"), 5 },
        { QStringLiteral("cats"), 90 },
        { QStringLiteral("wildcat"), 70 },
        { QStringLiteral("bobcat"), 3 },
        { QStringLiteral("dog"), 100 },
        { QStringLiteral("Straße"), 8 },
        { QStringLiteral("Äpfel"), 6 },
        { QStringLiteral("new york"), 12 },
        { QStringLiteral("say \"cheese\""), 2 },
        { QStringLiteral("猫"), 9 },
        { QStringLiteral("黒猫"), 4 },
    });
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestTags : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void completes_data();
    void completes();
    void countsAddUpAndTopRanks();
    void limitsBoundARequest_data();
    void limitsBoundARequest();
    void namesAreOneLineAndBounded_data();
    void namesAreOneLineAndBounded();
    void completesFastAtAHundredThousandTags();
    void countsTagsOfAQuery();
    void boundsCountsOfALargeMatch();
    void countsOfMatchesDriveFromTheMatches();
    void renamesAndTakesItBack_data();
    void renamesAndTakesItBack();
    void renamesTrashedImagesToo_data();
    void renamesTrashedImagesToo();
    void serviceFollowsAnotherWriter();
    void modelKeepsRowsOfTheSameTags();
    void oneTagInAnyCase_data();
    void oneTagInAnyCase();
    void addingKeepsTheFirstSpelling_data();
    void addingKeepsTheFirstSpelling();
    void removingTakesAnySpelling_data();
    void removingTakesAnySpelling();
    void countsSpellingsAsOneTag_data();
    void countsSpellingsAsOneTag();
    void renamesEverySpelling_data();
    void renamesEverySpelling();

private:
    qint64 commit(CatalogWriter &writer, const QString &name, const QStringList &tags);
    QStringList tagsOfImage(qint64 key);
    QStringList tagsInTrash(qint64 key);

    std::unique_ptr<QTemporaryDir> m_dir;
    LibraryPaths m_paths;
    std::unique_ptr<CatalogWriter> m_writer;
    std::unique_ptr<CatalogReader> m_reader;
    int m_inputs = 0;
};

void TestTags::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTags::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_paths = LibraryPaths(m_dir->filePath(QStringLiteral("library")));
    m_writer = std::make_unique<CatalogWriter>(m_paths);
    QVERIFY_OK(await(m_writer->open()));
    m_reader = std::make_unique<CatalogReader>();
    QVERIFY_OK(m_reader->open(m_paths));
}

void TestTags::cleanup()
{
    m_reader.reset();
    m_writer.reset();
    m_dir.reset();
}

qint64 TestTags::commit(CatalogWriter &writer, const QString &name, const QStringList &tags)
{
    const QString input = m_dir->filePath(QStringLiteral("input-%1.png").arg(++m_inputs));
    const auto seed = quint32(m_inputs);
    writeFile(
        input, ImageFactory::encode(ImageFactory::pattern(40 + int(seed % 9), 30, seed), "png"));
    ProcessRequest request;
    request.dataPath = input;
    request.originalName = name + QStringLiteral(".png");
    request.tempBlobPath = m_paths.newTempFile(QStringLiteral(".gz"));
    auto processed = ImageProcessor::process(request);
    if (!processed)
        return -1;
    NewImage image;
    image.name = name;
    image.tags = tags;
    image.processed = *processed;
    auto out = await(writer.commitImage(image));
    return out ? out->key : -1;
}

QStringList TestTags::tagsOfImage(qint64 key)
{
    auto record = m_reader->byKey(key);
    if (!record)
        return { QStringLiteral("<not in the library>") };
    QStringList tags = record->tags;
    tags.sort();
    return tags;
}

QStringList TestTags::tagsInTrash(qint64 key)
{
    auto rows = m_reader->trash();
    for (const TrashRecord &row : rows ? *rows : QList<TrashRecord> {})
        if (row.image.key == key) {
            QStringList tags = row.image.tags;
            tags.sort();
            return tags;
        }
    return { QStringLiteral("<not in the trash>") };
}

void TestTags::completes_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    // An exact match, then the others that begin with it by count, then
    // those that hold it elsewhere by count.
    QTest::newRow("prefix then infix")
        << QStringLiteral("cat") << 10
        << QStringList { QStringLiteral("cat"), QStringLiteral("cats"), QStringLiteral("Catalog"),
               QStringLiteral("wildcat"), QStringLiteral("bobcat") };
    QTest::newRow("limit keeps the best")
        << QStringLiteral("cat") << 3
        << QStringList { QStringLiteral("cat"), QStringLiteral("cats"), QStringLiteral("Catalog") };
    QTest::newRow("case-insensitive")
        << QStringLiteral("CATA") << 10 << QStringList { QStringLiteral("Catalog") };
    QTest::newRow("infix only") << QStringLiteral("ldc") << 10
                                << QStringList { QStringLiteral("wildcat") };
    QTest::newRow("unicode case") << QStringLiteral("äp") << 10
                                  << QStringList { QStringLiteral("Äpfel") };
    QTest::newRow("case folding") << QStringLiteral("STRAẞE") << 10
                                  << QStringList { QStringLiteral("Straße") };
    QTest::newRow("cjk infix") << QStringLiteral("猫") << 10
                               << QStringList { QStringLiteral("猫"), QStringLiteral("黒猫") };
    QTest::newRow("space") << QStringLiteral("w y") << 10
                           << QStringList { QStringLiteral("new york") };
    QTest::newRow("quotes") << QStringLiteral("\"ch") << 10
                            << QStringList { QStringLiteral("say \"cheese\"") };
    QTest::newRow("nothing") << QStringLiteral("zebra") << 10 << QStringList {};
    QTest::newRow("empty: most carried")
        << QString() << 3
        << QStringList { QStringLiteral("dog"), QStringLiteral("cats"), QStringLiteral("wildcat") };
    QTest::newRow("limit zero") << QStringLiteral("c") << 0 << QStringList {};
}

void TestTags::completes()
{
    QFETCH(QString, typed);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QCOMPARE(tagsOf(sample().complete(typed, limit)), expected);
}

void TestTags::countsAddUpAndTopRanks()
{
    const TagVocabulary v({ { QStringLiteral("a"), 2 }, { QStringLiteral("b"), 5 },
        { QStringLiteral("a"), 3 }, { QString(), 9 } });
    QCOMPARE(v.size(), 2);
    QCOMPARE(v.countOf(QStringLiteral("A")), 5);
    QCOMPARE(v.countOf(QStringLiteral("c")), 0);
    // Ties go by name, so the order is stable between reads.
    QCOMPARE(v.top(5), (TagCounts { { QStringLiteral("a"), 5 }, { QStringLiteral("b"), 5 } }));
    QCOMPARE(v.complete(QStringLiteral("b"), 5).value(0).count, 5);
}

void TestTags::completesFastAtAHundredThousandTags()
{
    // Not a measurement (bench/search has the figures): a per-keystroke
    // bound generous enough for a loaded machine, to catch an accidental
    // quadratic or a query per keystroke.
    TagCounts counts;
    counts.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        counts.append({ QStringLiteral("tag-%1-%2").arg(i % 977).arg(i), qint64(i % 501) });
    const TagVocabulary v(counts);
    QCOMPARE(v.size(), 100000);
    QElapsedTimer clock;
    clock.start();
    int typed = 0;
    for (const QString &word : { QStringLiteral("tag-12-"), QStringLiteral("-99"),
             QStringLiteral("7"), QStringLiteral("zzz") }) {
        for (qsizetype n = 1; n <= word.size(); ++n, ++typed)
            (void)v.complete(word.left(n), 12);
    }
    QVERIFY2(clock.elapsed() < typed * 100,
        qPrintable(QStringLiteral("%1 ms for %2 keystrokes").arg(clock.elapsed()).arg(typed)));
    QCOMPARE(
        v.complete(QStringLiteral("tag-12-"), 1).value(0).tag.left(7), QStringLiteral("tag-12-"));
}

void TestTags::countsTagsOfAQuery()
{
    QVERIFY(commit(*m_writer, QStringLiteral("a"), { QStringLiteral("cat"), QStringLiteral("red") })
        > 0);
    QVERIFY(commit(*m_writer, QStringLiteral("b"), { QStringLiteral("Cat") }) > 0);
    QVERIFY(commit(*m_writer, QStringLiteral("c"), { QStringLiteral("dog") }) > 0);

    auto all = m_reader->tagCounts(ImageQuery {});
    QVERIFY_OK(all);
    QCOMPARE(all->tags.size(), 3);
    QCOMPARE(all->tags.first().count, 2); // "cat" and "Cat" are one tag
    QCOMPARE(all->tags.first().tag.toLower(), QStringLiteral("cat"));
    QCOMPARE(all->scanned, -1);

    ImageQuery cats;
    cats.search = QStringLiteral("tag:cat");
    auto some = m_reader->tagCounts(cats);
    QVERIFY_OK(some);
    QCOMPARE(some->tags.size(), 2);
    QCOMPARE(some->tags.at(1), (TagCount { QStringLiteral("red"), 1 }));
    QVERIFY(!some->partial);
    QCOMPARE(some->scanned, 2);

    ImageQuery bad;
    bad.search = QStringLiteral("width:>");
    QVERIFY(!m_reader->tagCounts(bad));
}

void TestTags::boundsCountsOfALargeMatch()
{
    for (int i = 0; i < 5; ++i)
        QVERIFY(commit(*m_writer, QStringLiteral("n%1").arg(i), { QStringLiteral("x") }) > 0);
    ImageQuery named;
    named.search = QStringLiteral("-tag:none");
    auto bounded = m_reader->tagCounts(named, 10, 3);
    QVERIFY_OK(bounded);
    QVERIFY(bounded->partial);
    QCOMPARE(bounded->scanned, 3);
    QCOMPARE(bounded->tags, (TagCounts { { QStringLiteral("x"), 3 } }));
    auto whole = m_reader->tagCounts(named, 10, 5);
    QVERIFY_OK(whole);
    QVERIFY(!whole->partial);
    QCOMPARE(whole->tags.value(0).count, 5);
}

// The tag counts of a search go from its matches to their tags (by the
// primary key), whatever SQLite's statistics say: told that the tags are
// few beside a million images, its planner chose to read every tag and
// look each up among the matches instead.
void TestTags::countsOfMatchesDriveFromTheMatches()
{
    QVERIFY(commit(*m_writer, QStringLiteral("a"), { QStringLiteral("cat"), QStringLiteral("red") })
        > 0);
    QVERIFY(commit(*m_writer, QStringLiteral("b"), { QStringLiteral("Cat") }) > 0);
    QVERIFY(commit(*m_writer, QStringLiteral("c"), { QStringLiteral("dog") }) > 0);
    m_reader.reset();
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("stats"));
        db.setDatabaseName(m_paths.catalogFile());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("ANALYZE")));
        QVERIFY(q.exec(QStringLiteral("UPDATE sqlite_stat1 SET stat = CASE tbl WHEN 'images' THEN "
                                      "'1000000' ELSE '10' END || substr(stat, instr(stat, ' ')) "
                                      "WHERE tbl IN ('images', 'tags') AND instr(stat, ' ') > 0")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("stats"));
    m_reader = std::make_unique<CatalogReader>();
    QVERIFY_OK(m_reader->open(m_paths));

    QSqlQuery plan = m_reader->catalog().query(QStringLiteral("EXPLAIN QUERY PLAN ")
        + tagstatements::countsOfMatchesSql(QStringLiteral("WHERE +i.format = 'png'")));
    plan.bindValue(0, 20000);
    plan.bindValue(1, 500);
    QVERIFY(plan.exec());
    QStringList steps;
    while (plan.next())
        steps << plan.value(QStringLiteral("detail")).toString();
    const QString joined = steps.join(QLatin1String("; "));
    const qsizetype matches = steps.indexOf(QStringLiteral("SCAN m"));
    QVERIFY2(matches >= 0 && matches + 1 < steps.size()
            && steps.at(matches + 1).startsWith(QLatin1String("SEARCH t USING PRIMARY KEY")),
        qPrintable(joined));
    QVERIFY2(!joined.contains(QLatin1String("AUTOMATIC")), qPrintable(joined));

    ImageQuery pngs;
    pngs.search = QStringLiteral("format:png");
    auto counts = m_reader->tagCounts(pngs);
    QVERIFY_OK(counts);
    QCOMPARE(counts->tags.size(), 3);
    QCOMPARE(counts->tags.first().count, 2);
    QCOMPARE(counts->scanned, 3);
}

void TestTags::renamesAndTakesItBack_data()
{
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("countAfter");
    // Two images tagged "kitty", one of them "cat" already.
    QTest::newRow("rename") << QStringLiteral("feline") << qint64(2);
    QTest::newRow("merge") << QStringLiteral("cat") << qint64(3);
    QTest::newRow("respell") << QStringLiteral("Kitty") << qint64(2);
}

void TestTags::renamesAndTakesItBack()
{
    QFETCH(QString, to);
    QFETCH(qint64, countAfter);
    const qint64 a = commit(*m_writer, QStringLiteral("a"), { QStringLiteral("kitty") });
    const qint64 b = commit(
        *m_writer, QStringLiteral("b"), { QStringLiteral("kitty"), QStringLiteral("cat") });
    const qint64 c = commit(*m_writer, QStringLiteral("c"), { QStringLiteral("cat") });
    QVERIFY(a > 0 && b > 0 && c > 0);
    const auto before = m_reader->tagCounts(ImageQuery {});
    QVERIFY_OK(before);

    auto renamed = await(m_writer->renameTag(QStringLiteral("kitty"), to));
    QVERIFY_OK(renamed);
    QCOMPARE(renamed->keys.size(), 2);
    const TagVocabulary after(m_reader->tagCounts(ImageQuery {})->tags);
    QCOMPARE(after.countOf(to), countAfter);
    if (to.toLower() != QStringLiteral("kitty"))
        QCOMPARE(after.countOf(QStringLiteral("kitty")), 0);
    else
        QVERIFY(tagsOf(after.top(5)).contains(to)); // the new spelling
    // Searching finds the images under the new name.
    ImageQuery q;
    q.search = QStringLiteral("tag:\"%1\"").arg(to);
    QCOMPARE(*m_reader->count(q), countAfter);

    QCOMPARE(*await(m_writer->revertTagRename(*renamed)), 2);
    const auto back = m_reader->tagCounts(ImageQuery {});
    QVERIFY_OK(back);
    QCOMPARE(back->tags, before->tags);
}

void TestTags::renamesTrashedImagesToo_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("rename") << QStringLiteral("kitty")
                            << QStringList { QStringLiteral("kitty"), QStringLiteral("red") }
                            << QStringLiteral("feline")
                            << QStringList { QStringLiteral("feline"), QStringLiteral("red") };
    QTest::newRow("merge, no duplicate")
        << QStringLiteral("kitty") << QStringList { QStringLiteral("cat"), QStringLiteral("kitty") }
        << QStringLiteral("cat") << QStringList { QStringLiteral("cat") };
    // Tags compare without case: the spelling the image had stays.
    QTest::newRow("merge into another spelling")
        << QStringLiteral("KITTY") << QStringList { QStringLiteral("Cat"), QStringLiteral("kitty") }
        << QStringLiteral("cat") << QStringList { QStringLiteral("Cat") };
    QTest::newRow("rename another spelling")
        << QStringLiteral("KITTY") << QStringList { QStringLiteral("kitty") }
        << QStringLiteral("feline") << QStringList { QStringLiteral("feline") };
    QTest::newRow("respell") << QStringLiteral("kitty") << QStringList { QStringLiteral("kitty") }
                             << QStringLiteral("Kitty") << QStringList { QStringLiteral("Kitty") };
}

// A trashed image keeps its tags in its trash row; a rename that left them
// alone would bring the old tag back with a restore. Undo takes the rename
// back wherever each image is by then.
void TestTags::renamesTrashedImagesToo()
{
    QFETCH(QString, from);
    QFETCH(QStringList, tags);
    QFETCH(QString, to);
    QFETCH(QStringList, expected);
    const qint64 trashed = commit(*m_writer, QStringLiteral("trashed"), tags);
    const qint64 live = commit(*m_writer, QStringLiteral("live"), { QStringLiteral("kitty") });
    QVERIFY(trashed > 0 && live > 0);
    QCOMPARE(*await(m_writer->moveToTrash({ trashed })), 1);

    auto renamed = await(m_writer->renameTag(from, to));
    QVERIFY_OK(renamed);
    QCOMPARE(renamed->keys, QList<qint64> { live });
    QCOMPARE(renamed->trashed, QList<qint64> { trashed });
    QCOMPARE(tagsInTrash(trashed), expected);
    QCOMPARE(tagsOfImage(live), QStringList { to });

    // Restored, it has the new tag and never the old one.
    QCOMPARE(*await(m_writer->restoreFromTrash({ trashed })), 1);
    QCOMPARE(tagsOfImage(trashed), expected);
    ImageQuery old;
    old.search = QStringLiteral("tag:\"%1\"").arg(from);
    if (from.compare(to, Qt::CaseInsensitive) != 0)
        QCOMPARE(*m_reader->count(old), 0);

    // Undo, after the trashed one came back and the live one went.
    QCOMPARE(*await(m_writer->moveToTrash({ live })), 1);
    QCOMPARE(*await(m_writer->revertTagRename(*renamed)), 2);
    // (The tag comes back as `from` was typed.)
    const auto folded = [](QStringList list) {
        for (QString &tag : list)
            tag = tag.toLower();
        list.sort();
        return list;
    };
    QCOMPARE(folded(tagsOfImage(trashed)), folded(tags));
    QCOMPARE(folded(tagsInTrash(live)), QStringList { QStringLiteral("kitty") });
}

void TestTags::serviceFollowsAnotherWriter()
{
    QVERIFY(commit(*m_writer, QStringLiteral("a"), { QStringLiteral("alpha") }) > 0);
    LibraryReader feed(m_paths);
    TagService service(m_paths, &feed);
    QSignalSpy vocabulary(&service, &TagService::vocabularyChanged);
    ImageQuery query;
    query.search = QStringLiteral("tag:alpha");
    service.setQuery(query);
    feed.watchChanges(50);
    service.start();
    QTRY_COMPARE_WITH_TIMEOUT(
        service.vocabulary()->countOf(QStringLiteral("alpha")), 1, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(service.counts().tags.size(), 1, kLivenessMs);

    // Another process (a second writer on the library) tags more images.
    CatalogWriter other(m_paths);
    QVERIFY_OK(await(other.open()));
    QVERIFY(commit(other, QStringLiteral("b"), { QStringLiteral("alpha"), QStringLiteral("beta") })
        > 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        service.vocabulary()->countOf(QStringLiteral("alpha")), 2, kLivenessMs);
    QCOMPARE(
        service.complete(QStringLiteral("BE")).value(0), (TagCount { QStringLiteral("beta"), 1 }));
    QTRY_COMPARE_WITH_TIMEOUT(service.counts().tags.size(), 2, kLivenessMs);

    // Renamed there: the vocabulary follows.
    QVERIFY_OK(await(other.renameTag(QStringLiteral("beta"), QStringLiteral("gamma"))));
    QTRY_COMPARE_WITH_TIMEOUT(
        service.vocabulary()->countOf(QStringLiteral("gamma")), 1, kLivenessMs);
    QCOMPARE(service.vocabulary()->countOf(QStringLiteral("beta")), 0);

    // Every image: the counts are the vocabulary's.
    service.setQuery(ImageQuery {});
    QCOMPARE(service.counts().tags.size(), 2);
    QCOMPARE(service.counts().scanned, -1);
}

void TestTags::modelKeepsRowsOfTheSameTags()
{
    TagCountsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setTags({ { QStringLiteral("a"), 3 }, { QStringLiteral("b"), 1 } });
    QCOMPARE(model.rowCount(), 2);
    model.setTags({ { QStringLiteral("a"), 4 }, { QStringLiteral("b"), 1 } });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0).data(TagCountsModel::CountRole).toLongLong(), 4);
    QCOMPARE(model.index(0).data(TagCountsModel::TagRole).toString(), QStringLiteral("a"));
    model.setTags({ { QStringLiteral("c"), 9 } });
    QCOMPARE(model.rowCount(), 1);
    model.setTags({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.size(), 0);
}

// TagLimits: what the API and the CLI take from one request. The bounds
// themselves pass; one tag more, or one character more, does not.
void TestTags::limitsBoundARequest_data()
{
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QString>("reason");
    QStringList many;
    for (int i = 0; i < TagLimits::kMaxTags; ++i)
        many << QStringLiteral("t%1").arg(i);
    QTest::newRow("none") << QStringList() << QString();
    QTest::newRow("1000 tags") << many << QString();
    QTest::newRow("1001 tags") << (many + QStringList { QStringLiteral("one more") })
                               << QStringLiteral("at most 1000 tags at a time; 1001 given");
    // Duplicates count: the request carries them all.
    QTest::newRow("1001 of one tag")
        << QStringList(1001, QStringLiteral("a")) << QStringLiteral("at most 1000 tags");
    QTest::newRow("500 characters") << QStringList { QString(500, QChar(0x732B)) } << QString();
    QTest::newRow("500 and spaces") << QStringList {
        QStringLiteral("  ") + QString(500, QLatin1Char('x')) + QStringLiteral(" ")
    } << QString();
    QTest::newRow("501 characters")
        << QStringList { QStringLiteral("ok"), QString(501, QLatin1Char('x')) }
        << QStringLiteral("a tag is longer than 500 characters: xxx");
    // Characters as people count them: an emoji (two UTF-16 units) or an
    // "é" typed as e + combining accent is one.
    QString emoji;
    for (int i = 0; i < 500; ++i)
        emoji += QStringLiteral("\U0001F600");
    QTest::newRow("500 emoji") << QStringList { emoji } << QString();
    QTest::newRow("501 emoji") << QStringList { emoji + QStringLiteral("\U0001F600") }
                               << QStringLiteral("a tag is longer than 500 characters: \U0001F600");
    QString decomposed;
    for (int i = 0; i < 300; ++i)
        decomposed += QStringLiteral("e\u0301");
    QTest::newRow("300 decomposed accents") << QStringList { decomposed } << QString();
}

void TestTags::limitsBoundARequest()
{
    QFETCH(QStringList, tags);
    QFETCH(QString, reason);
    const QString error = TagLimits::check(tags);
    if (reason.isEmpty())
        QVERIFY2(error.isEmpty(), qPrintable(error));
    else
        QVERIFY2(error.startsWith(reason), qPrintable(error));
}

void TestTags::namesAreOneLineAndBounded_data()
{
    QTest::addColumn<QString>("given");
    QTest::addColumn<QString>("kept");
    QTest::newRow("plain") << QStringLiteral("Harbour at dusk")
                           << QStringLiteral("Harbour at dusk");
    QTest::newRow("newline from a file name")
        << QStringLiteral("new\nline") << QStringLiteral("new line");
    QTest::newRow("tabs and NUL") << QStringLiteral("a\t\tb") + QChar(0) + QStringLiteral("c")
                                  << QStringLiteral("a b c");
    QTest::newRow("literal text kept")
        << QStringLiteral("../%s \"x\"") << QStringLiteral("../%s \"x\"");
    QTest::newRow("decomposed, from a Mac's file name")
        << QStringLiteral("cafe\u0301") << QStringLiteral("caf\u00e9");
    QTest::newRow("100,000 characters")
        << QString(100'000, QLatin1Char('n')) << QString(kMaxImageNameLength, QLatin1Char('n'));
    // An emoji across the cut goes whole, not half a surrogate pair.
    QTest::newRow("cut before a pair") << QString(kMaxImageNameLength - 1, QLatin1Char('e'))
            + QString::fromUtf8("\xF0\x9F\x8C\x8A")
                                       << QString(kMaxImageNameLength - 1, QLatin1Char('e'));
}

void TestTags::namesAreOneLineAndBounded()
{
    QFETCH(QString, given);
    QFETCH(QString, kept);
    QCOMPARE(normalizeName(given), kept);
}

void TestTags::oneTagInAnyCase_data()
{
    spellingRows(Spellings::All);
}

void TestTags::oneTagInAnyCase()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    QFETCH(bool, same);
    QCOMPARE(sameTag(stored, typed), same);
    QCOMPARE(tagKey(stored) == tagKey(typed), same);
    QCOMPARE(tagKey(tagKey(typed)), tagKey(typed));
    // As people type them: one of the two, the first.
    const QStringList kept = normalizeTags({ stored, typed });
    QCOMPARE(kept, same ? QStringList { stored } : (QStringList { stored, composedTag(typed) }));
    // Kept composed, so "über" from a Mac is spelled as anywhere else.
    QCOMPARE(
        normalizeTags({ typed }), QStringList { typed.normalized(QString::NormalizationForm_C) });
    // The completer's vocabulary agrees.
    const TagVocabulary vocabulary({ { stored, 3 } });
    QCOMPARE(vocabulary.countOf(typed), same ? 3 : 0);
    QCOMPARE(tagsOf(vocabulary.complete(typed, 5)), same ? QStringList { stored } : QStringList {});
}

void TestTags::addingKeepsTheFirstSpelling_data()
{
    spellingRows(Spellings::All);
}

// An image has one spelling of a tag: the first it was given.
void TestTags::addingKeepsTheFirstSpelling()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    QFETCH(bool, same);
    const QStringList both = sorted({ stored, composedTag(typed) });
    const qint64 a = commit(*m_writer, QStringLiteral("a"), { stored });
    QVERIFY(a > 0);
    QCOMPARE(*await(m_writer->editTags({ a }, { typed }, {})), 1);
    QCOMPARE(tagsOfImage(a), same ? QStringList { stored } : both);
    // Given both at once, not through normalizeTags(): the catalog keeps
    // one all the same.
    const qint64 b = commit(*m_writer, QStringLiteral("b"), { stored, typed });
    QVERIFY(b > 0);
    QCOMPARE(tagsOfImage(b), same ? QStringList { stored } : sorted({ stored, typed }));
    // Added again to bytes already there (a duplicate add): no second one.
    auto recorded = await(m_writer->editTagsRecorded({ a }, { typed.toUpper() }, {}));
    QVERIFY_OK(recorded);
    QCOMPARE(tagsOfImage(a), same ? QStringList { stored } : both);
}

void TestTags::removingTakesAnySpelling_data()
{
    spellingRows(Spellings::All);
}

// Removing a tag removes the spelling the image has; undo puts that one
// back.
void TestTags::removingTakesAnySpelling()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    QFETCH(bool, same);
    const qint64 a = commit(*m_writer, QStringLiteral("a"), { stored, QStringLiteral("kept") });
    QVERIFY(a > 0);
    auto delta = await(m_writer->editTagsRecorded({ a }, {}, { typed }));
    QVERIFY_OK(delta);
    QCOMPARE(tagsOfImage(a),
        same ? QStringList { QStringLiteral("kept") } : sorted({ stored, QStringLiteral("kept") }));
    using Pairs = QList<QPair<qint64, QString>>;
    QCOMPARE(delta->removed, same ? (Pairs { { a, stored } }) : Pairs {});
    QVERIFY_OK(await(m_writer->revertTags(*delta)));
    QCOMPARE(tagsOfImage(a), sorted({ stored, QStringLiteral("kept") }));
    // -tag: excludes it whatever its spelling.
    ImageQuery without;
    without.search = QStringLiteral("-tag:\"%1\"").arg(typed);
    QCOMPARE(*m_reader->count(without), same ? 0 : 1);
}

void TestTags::countsSpellingsAsOneTag_data()
{
    spellingRows(Spellings::All);
}

// `trove tags` and the Tags sidebar: one row for every spelling of a tag.
void TestTags::countsSpellingsAsOneTag()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    QFETCH(bool, same);
    QVERIFY(commit(*m_writer, QStringLiteral("a"), { stored, QStringLiteral("red") }) > 0);
    QVERIFY(commit(*m_writer, QStringLiteral("b"), { typed }) > 0);
    QVERIFY(commit(*m_writer, QStringLiteral("c"), { typed }) > 0);
    const auto keyOf = [](const TagCounts &counts) {
        QHash<QString, qint64> out;
        for (const TagCount &c : counts)
            out[tagKey(c.tag)] += c.count;
        return out;
    };
    auto all = m_reader->tagCounts(ImageQuery {});
    QVERIFY_OK(all);
    QCOMPARE(all->tags.size(), same ? 2 : 3);
    QCOMPARE(all->tags.first().count, same ? 3 : 2);
    QCOMPARE(keyOf(all->tags).value(tagKey(stored)), same ? 3 : 1);
    // The spelling shown is one the images have.
    QVERIFY(all->tags.first().tag == stored || all->tags.first().tag == typed);
    const TagVocabulary vocabulary(all->tags);
    QCOMPARE(vocabulary.countOf(typed), same ? 3 : 2);
    QCOMPARE(vocabulary.countOf(stored), same ? 3 : 1);

    // The tags of a query's images, the same way.
    ImageQuery red;
    red.search = QStringLiteral("tag:red OR tag:\"%1\"").arg(typed);
    auto some = m_reader->tagCounts(red);
    QVERIFY_OK(some);
    QCOMPARE(some->tags.size(), same ? 2 : 3);
    QCOMPARE(keyOf(some->tags).value(tagKey(typed)), 2 + (same ? 1 : 0));
}

void TestTags::renamesEverySpelling_data()
{
    spellingRows(Spellings::All);
}

// A rename (or merge) names its tag in any spelling, in the library and in
// the trash; undo takes it back.
void TestTags::renamesEverySpelling()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    QFETCH(bool, same);
    const qint64 a = commit(*m_writer, QStringLiteral("a"), { stored });
    const qint64 b = commit(*m_writer, QStringLiteral("b"), { QStringLiteral("feline") });
    const qint64 t = commit(*m_writer, QStringLiteral("t"), { stored });
    QVERIFY(a > 0 && b > 0 && t > 0);
    QCOMPARE(*await(m_writer->moveToTrash({ t })), 1);

    auto renamed = await(m_writer->renameTag(typed, QStringLiteral("feline")));
    QVERIFY_OK(renamed);
    if (!same) {
        QVERIFY(renamed->isEmpty());
        QCOMPARE(tagsOfImage(a), QStringList { stored });
        return;
    }
    QCOMPARE(renamed->keys, QList<qint64> { a });
    QCOMPARE(renamed->trashed, QList<qint64> { t });
    QCOMPARE(tagsOfImage(a), QStringList { QStringLiteral("feline") });
    QCOMPARE(tagsInTrash(t), QStringList { QStringLiteral("feline") });
    ImageQuery feline;
    feline.search = QStringLiteral("tag:FELINE");
    QCOMPARE(*m_reader->count(feline), 2);
    QCOMPARE(*await(m_writer->revertTagRename(*renamed)), 2);
    QCOMPARE(tagKey(tagsOfImage(a).value(0)), tagKey(stored));
    QCOMPARE(tagKey(tagsInTrash(t).value(0)), tagKey(stored));

    // Merged into it, by another spelling: one tag on both images.
    auto merged = await(m_writer->renameTag(QStringLiteral("feline"), typed));
    QVERIFY_OK(merged);
    QCOMPARE(merged->gained, QList<qint64> { b });
    ImageQuery q;
    q.search = QStringLiteral("tag:\"%1\"").arg(stored);
    QCOMPARE(*m_reader->count(q), 2);
    auto counts = m_reader->tagCounts(ImageQuery {});
    QVERIFY_OK(counts);
    QCOMPARE(counts->tags.size(), 1);
    QCOMPARE(counts->tags.first().count, 2);

    // Respelt: every image's spelling is the new one, and back.
    QCOMPARE(tagsOfImage(a), QStringList { composedTag(typed) });
    auto respelt = await(m_writer->renameTag(typed, stored));
    QVERIFY_OK(respelt);
    QCOMPARE(respelt->keys.size(), 2);
    QCOMPARE(respelt->trashed, QList<qint64> { t });
    QCOMPARE(tagsOfImage(a), QStringList { stored });
    QCOMPARE(tagsOfImage(b), QStringList { stored });
    QCOMPARE(tagsInTrash(t), QStringList { stored });
    QCOMPARE(*await(m_writer->revertTagRename(*respelt)), 3);
    QCOMPARE(tagsOfImage(a), QStringList { composedTag(typed) });
    QCOMPARE(tagsOfImage(b), QStringList { composedTag(typed) });
}

QTEST_GUILESS_MAIN(TestTags)
#include "tst_tags.moc"

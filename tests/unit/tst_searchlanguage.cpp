// SPDX-License-Identifier: MIT
// The search language: what the parser reads (every predicate, negation,
// OR, parentheses, quotes) and how it explains what it cannot read; then
// what each search finds in a generated library, checked against a plain
// C++ filter over the same records, through every way the reader finds
// rows (list, count, pages walked or collected, rowOf).
#include "base/naturalkey.h"
#include "base/tagkey.h"
#include "catalog/catalogreader.h"
#include "catalog/searchlanguage.h"
#include "catalog/searchsql.h"
#include "resultcheck.h"
#include "spellings.h"
#include "storage/database.h"
#include "storage/librarypaths.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <functional>

using namespace trove;
using search::Comparison;
using search::Field;
using search::Node;
using search::SearchLanguage;

namespace {

QString describe(const Node &n)
{
    const auto list = [](const Node &node, const char *name) {
        QStringList parts { QLatin1String(name) };
        for (const Node &c : node.children)
            parts << describe(c);
        return QLatin1Char('(') + parts.join(QLatin1Char(' ')) + QLatin1Char(')');
    };
    static const char *const ops[] = { "<", "<=", "=", ">=", ">" };
    static const char *const fields[] = { "width", "height", "pixels", "size", "rating" };
    switch (n.kind) {
    case Node::Kind::All:
        return QStringLiteral("all");
    case Node::Kind::And:
        return list(n, "and");
    case Node::Kind::Or:
        return list(n, "or");
    case Node::Kind::Not:
        return list(n, "not");
    case Node::Kind::Text:
        return QStringLiteral("text[%1]").arg(n.text);
    case Node::Kind::Tag:
        return QStringLiteral("tag[%1]").arg(n.text);
    case Node::Kind::Site:
        return QStringLiteral("site[%1]").arg(n.text);
    case Node::Kind::Format:
        return QStringLiteral("format[%1]").arg(n.text);
    case Node::Kind::Number:
        return QStringLiteral("%1%2%3")
            .arg(QLatin1String(fields[int(n.field)]), QLatin1String(ops[int(n.comparison)]))
            .arg(n.number);
    case Node::Kind::Added:
        return QStringLiteral("added[%1,%2)")
            .arg(n.from == std::numeric_limits<qint64>::min() ? QStringLiteral("-")
                                                              : QString::number(n.from),
                n.to == std::numeric_limits<qint64>::max() ? QStringLiteral("-")
                                                           : QString::number(n.to));
    case Node::Kind::Untagged:
        return QStringLiteral("untagged");
    case Node::Kind::Favourite:
        return QStringLiteral("fav");
    case Node::Kind::Collection:
        return QStringLiteral("in[%1]").arg(n.text);
    }
    return {};
}

qint64 localMs(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch();
}

/// The hand-made collections of the generated library (lower-case name:
/// keys) and its smart ones (lower-case name: saved search).
QHash<QString, QSet<qint64>> s_members;
QHash<QString, QString> s_smart;

/// The plain filter the SQL must agree with.
bool holds(const Node &n, const ImageRecord &r)
{
    const auto hosts = [&r] {
        QStringList out;
        for (const QString &url : r.sources)
            out << QUrl(url).host().toLower();
        return out;
    };
    const auto compare = [](qint64 v, Comparison c, qint64 x) {
        switch (c) {
        case Comparison::Less:
            return v < x;
        case Comparison::LessOrEqual:
            return v <= x;
        case Comparison::Equal:
            return v == x;
        case Comparison::GreaterOrEqual:
            return v >= x;
        case Comparison::Greater:
            break;
        }
        return v > x;
    };
    switch (n.kind) {
    case Node::Kind::All:
        return true;
    case Node::Kind::And:
        return std::all_of(
            n.children.cbegin(), n.children.cend(), [&r](const Node &c) { return holds(c, r); });
    case Node::Kind::Or:
        return std::any_of(
            n.children.cbegin(), n.children.cend(), [&r](const Node &c) { return holds(c, r); });
    case Node::Kind::Not:
        return !holds(n.children.front(), r);
    case Node::Kind::Text: {
        QStringList fields = r.tags;
        fields << r.name << hosts();
        return std::any_of(fields.cbegin(), fields.cend(),
            [&n](const QString &f) { return f.contains(n.text, Qt::CaseInsensitive); });
    }
    case Node::Kind::Tag:
        return std::any_of(
            r.tags.cbegin(), r.tags.cend(), [&n](const QString &t) { return sameTag(t, n.text); });
    case Node::Kind::Site: {
        const QStringList all = hosts();
        return std::any_of(all.cbegin(), all.cend(), [&n](const QString &h) {
            return h == n.text || h.endsWith(QLatin1Char('.') + n.text);
        });
    }
    case Node::Kind::Format:
        return r.format == n.text;
    case Node::Kind::Number: {
        const qint64 v = n.field == Field::Width ? r.width
            : n.field == Field::Height           ? r.height
            : n.field == Field::Pixels           ? qint64(r.width) * r.height
            : n.field == Field::Rating           ? r.rating
                                                 : r.originalBytes;
        return compare(v, n.comparison, n.number);
    }
    case Node::Kind::Added: {
        const qint64 t = r.addedAt.toMSecsSinceEpoch();
        return t >= n.from && t < n.to;
    }
    case Node::Kind::Untagged:
        return r.tags.isEmpty();
    case Node::Kind::Favourite:
        return r.favourite;
    case Node::Kind::Collection: {
        const QString name = n.text.toLower();
        if (s_smart.contains(name))
            return holds(SearchLanguage::parse(s_smart.value(name)).root, r);
        return s_members.value(name).contains(r.key);
    }
    }
    return false;
}

/// Adds image @p id, 10x10, named @p name in @p format and added @p id ms
/// after a fixed instant, in @p catalog's open transaction.
Result<void> addImage(Connection &catalog, int id, const QString &name, const QString &format)
{
    QSqlQuery image = catalog.query(QStringLiteral(
        "INSERT INTO images(id, uuid, name, sha256, format, width, height, original_bytes, "
        "stored_bytes, added_at, name_key) VALUES (?, ?, ?, ?, ?, 10, 10, 100, 90, ?, ?)"));
    image.bindValue(0, id);
    image.bindValue(1, QStringLiteral("uuid-%1").arg(id));
    image.bindValue(2, name);
    image.bindValue(3, QStringLiteral("sha-%1").arg(id));
    image.bindValue(4, format);
    image.bindValue(5, qint64(1'700'000'000'000) + id);
    image.bindValue(6, naturalSortKey(name));
    return execQuery(image);
}

/// The keys @p search (and @p tag) finds, oldest first; the same number
/// counted whole and in steps of one, or { -1 } / { -2 } when not.
QList<qint64> foundKeys(CatalogReader &reader, const QString &search, const QString &tag = {})
{
    ImageQuery query;
    query.search = search;
    query.tag = tag;
    query.order = ImageQuery::Order::OldestFirst;
    QList<qint64> keys;
    auto listed = reader.list(query);
    for (const ImageRecord &r : listed ? *listed : QList<ImageRecord> {})
        keys << r.key;
    auto counted = reader.count(query);
    qint64 stepped = 0;
    qint64 after = 0;
    for (int guard = 0; guard < 100; ++guard) {
        auto step = reader.countStep(query, after, 1);
        if (!step)
            return { -1 };
        stepped += step->count;
        after = step->lastKey;
        if (step->complete)
            break;
    }
    if (!counted || *counted != keys.size() || stepped != keys.size())
        return { -2 };
    return keys;
}

} // namespace

class TestSearchLanguage final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parses_data();
    void parses();
    void explainsErrors_data();
    void explainsErrors();
    void unknownPredicateListsEveryTerm();
    void findsWhatTheFilterFinds_data();
    void findsWhatTheFilterFinds();
    void unreadableSearchFailsInTheReader();
    void hugeBoundsFindNoneOrAll_data();
    void hugeBoundsFindNoneOrAll();
    void unknownCollectionFailsInTheReader_data();
    void unknownCollectionFailsInTheReader();
    void tagTermsMatchInAnyCase_data();
    void tagTermsMatchInAnyCase();
    void formatTermsFindTheirFamily_data();
    void formatTermsFindTheirFamily();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<CatalogReader> m_reader;
    QList<ImageRecord> m_all; ///< oldest first
};

void TestSearchLanguage::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tree");

    const auto day = [](int y, int m, int d) { return QString::number(localMs(y, m, d)); };
    QTest::newRow("empty") << QString() << "all";
    QTest::newRow("blank") << QStringLiteral("   ") << "all";
    QTest::newRow("word") << QStringLiteral("red") << "text[red]";
    QTest::newRow("words are ANDed")
        << QStringLiteral("red  forest") << "(and text[red] text[forest])";
    QTest::newRow("two tags") << QStringLiteral("tag:nature tag:red")
                              << "(and tag[nature] tag[red])";
    QTest::newRow("word and tag") << QStringLiteral("red tag:nature")
                                  << "(and text[red] tag[nature])";
    QTest::newRow("quoted phrase") << QStringLiteral("\"red forest\"") << "text[red forest]";
    QTest::newRow("quoted tag") << QStringLiteral("tag:\"two words\"") << "tag[two words]";
    QTest::newRow("predicate any case") << QStringLiteral("TAG:Cats") << "tag[Cats]";
    QTest::newRow("negated tag") << QStringLiteral("tag:a -tag:b") << "(and tag[a] (not tag[b]))";
    QTest::newRow("NOT") << QStringLiteral("NOT red") << "(not text[red])";
    QTest::newRow("double negation") << QStringLiteral("--red") << "text[red]";
    QTest::newRow("OR") << QStringLiteral("cat OR dog") << "(or text[cat] text[dog])";
    QTest::newRow("or in lower case is a word")
        << QStringLiteral("cat or dog") << "(and text[cat] text[or] text[dog])";
    QTest::newRow("AND binds tighter than OR")
        << QStringLiteral("a b OR c") << "(or (and text[a] text[b]) text[c])";
    QTest::newRow("explicit AND") << QStringLiteral("a AND b") << "(and text[a] text[b])";
    QTest::newRow("parentheses") << QStringLiteral("(cat OR dog) -tag:sketch")
                                 << "(and (or text[cat] text[dog]) (not tag[sketch]))";
    QTest::newRow("negated group") << QStringLiteral("-(a OR b)") << "(not (or text[a] text[b]))";
    QTest::newRow("nested groups flatten")
        << QStringLiteral("((a b) c)") << "(and text[a] text[b] text[c])";
    QTest::newRow("untagged") << QStringLiteral("untagged") << "untagged";
    QTest::newRow("quoted untagged is text") << QStringLiteral("\"untagged\"") << "text[untagged]";
    QTest::newRow("site") << QStringLiteral("site:Example.COM") << "site[example.com]";
    QTest::newRow("in a collection")
        << QStringLiteral("in:\"Holiday  2026\"") << "in[Holiday 2026]";
    QTest::newRow("not in a collection")
        << QStringLiteral("tag:a -in:birds") << "(and tag[a] (not in[birds]))";
    QTest::newRow("site from a URL")
        << QStringLiteral("site:https://www.example.com/a/b.png") << "site[example.com]";
    // The catalog keeps a source's host without its port or path.
    QTest::newRow("site with a port") << QStringLiteral("site:127.0.0.1:8080") << "site[127.0.0.1]";
    QTest::newRow("site with a port and a path")
        << QStringLiteral("site:Example.com:8443/gallery/") << "site[example.com]";
    QTest::newRow("site on IPv6") << QStringLiteral("site:[::1]:8080") << "site[::1]";
    QTest::newRow("format") << QStringLiteral("format:PNG") << "format[png]";
    QTest::newRow("format jpg is jpeg") << QStringLiteral("format:jpg") << "format[jpeg]";
    QTest::newRow("format by MIME type") << QStringLiteral("format:image/png") << "format[png]";
    QTest::newRow("format svg+xml") << QStringLiteral("format:image/svg+xml") << "format[svg]";
    QTest::newRow("format jpx is jp2") << QStringLiteral("format:JPX") << "format[jp2]";
    QTest::newRow("width >") << QStringLiteral("width:>1000") << "width>1000";
    QTest::newRow("width =") << QStringLiteral("width:640") << "width=640";
    QTest::newRow("height <=") << QStringLiteral("height:<=200") << "height<=200";
    QTest::newRow("pixels M") << QStringLiteral("pixels:>2M") << "pixels>2000000";
    QTest::newRow("pixels decimal") << QStringLiteral("pixels:>=1.5m") << "pixels>=1500000";
    QTest::newRow("size MB") << QStringLiteral("size:>1MB") << "size>1048576";
    QTest::newRow("size KiB") << QStringLiteral("size:<500KiB") << "size<512000";
    QTest::newRow("size bytes") << QStringLiteral("size:=123") << "size=123";
    // Out of the int64 range: clamped, never wrapped to INT64_MIN (which
    // made > huge match all and < huge match none).
    QTest::newRow("width at int64 max")
        << QStringLiteral("width:>9223372036854775807") << "width>9223372036854775807";
    QTest::newRow("width past uint64")
        << QStringLiteral("width:>18446744073709551616") << "width>9223372036854775807";
    QTest::newRow("width below huge")
        << QStringLiteral("width:<18446744073709551617") << "width<9223372036854775807";
    QTest::newRow("size huge GB") << QStringLiteral("size:>17179869184GB")
                                  << "size>9223372036854775807";
    QTest::newRow("pixels huge M")
        << QStringLiteral("pixels:>99999999999999999M") << "pixels>9223372036854775807";
    QTest::newRow("width just inside") << QStringLiteral("width:>4294967296") << "width>4294967296";
    QTest::newRow("added month") << QStringLiteral(
        "added:2026-11") << QStringLiteral("added[%1,%2)").arg(day(2026, 11, 1), day(2026, 12, 1));
    QTest::newRow("added year") << QStringLiteral(
        "added:2025") << QStringLiteral("added[%1,%2)").arg(day(2025, 1, 1), day(2026, 1, 1));
    QTest::newRow("added after a day") << QStringLiteral("added:>2026-11-20")
                                       << QStringLiteral("added[%1,-)").arg(day(2026, 11, 21));
    QTest::newRow("added on or after") << QStringLiteral("added:>=2026-11-20")
                                       << QStringLiteral("added[%1,-)").arg(day(2026, 11, 20));
    QTest::newRow("added before") << QStringLiteral("added:<2026-11")
                                  << QStringLiteral("added[-,%1)").arg(day(2026, 11, 1));
    QTest::newRow("added up to") << QStringLiteral("added:<=2026-11")
                                 << QStringLiteral("added[-,%1)").arg(day(2026, 12, 1));
    QTest::newRow("added range")
        << QStringLiteral("added:2026-11-01..2026-11-15")
        << QStringLiteral("added[%1,%2)").arg(day(2026, 11, 1), day(2026, 11, 16));
    QTest::newRow("rating at least") << QStringLiteral("rating:>=4") << "rating>=4";
    QTest::newRow("rating exactly") << QStringLiteral("rating:3") << "rating=3";
    QTest::newRow("rating below") << QStringLiteral("rating:<2") << "rating<2";
    QTest::newRow("not rated") << QStringLiteral("rating:0") << "rating=0";
    QTest::newRow("fav") << QStringLiteral("fav") << "fav";
    QTest::newRow("favourite spelled out is text")
        << QStringLiteral("favourite") << "text[favourite]";
    QTest::newRow("not fav") << QStringLiteral("-fav tag:a") << "(and (not fav) tag[a])";
    QTest::newRow("quoted fav is text") << QStringLiteral("\"fav\"") << "text[fav]";
    QTest::newRow("a URL is text")
        << QStringLiteral("https://example.com/x") << "text[https://example.com/x]";
    QTest::newRow("a time is text") << QStringLiteral("12:30") << "text[12:30]";
    QTest::newRow("a quote in a word is text") << QStringLiteral("ca\"t") << "text[ca\"t]";
    // Inside quotes \" is a quote and \\ a backslash; nothing else changes.
    QTest::newRow("escaped quotes in a phrase")
        << QStringLiteral(R"("say \"hi\"")") << R"(text[say "hi"])";
    QTest::newRow("escaped quotes in a tag")
        << QStringLiteral(R"(tag:"a \"b\"")") << R"(tag[a "b"])";
    QTest::newRow("escaped quote, then more terms")
        << QStringLiteral(R"(tag:"5\" disk" -red)") << R"((and tag[5" disk] (not text[red])))";
    QTest::newRow("escaped backslash")
        << QStringLiteral(R"("back\\slash")") << R"(text[back\slash])";
    QTest::newRow("escaped backslash before the closing quote")
        << QStringLiteral(R"(tag:"dir\\" x)") << R"((and tag[dir\] text[x]))";
    QTest::newRow("other backslashes are text")
        << QStringLiteral(R"("C:\photos\new")") << R"(text[C:\photos\new])";
    QTest::newRow("a backslash outside quotes is text")
        << QStringLiteral(R"(a\"b)") << R"(text[a\"b])";
    QTest::newRow("escaped quote in a collection name")
        << QStringLiteral(R"(in:"the \"best\"")") << R"(in[the "best"])";
    QTest::newRow("everything")
        << QStringLiteral("tag:a -site:x.org (format:png OR format:gif) width:>10 untagged")
        << "(and tag[a] (not site[x.org]) (or format[png] format[gif]) width>10 untagged)";
}

void TestSearchLanguage::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, tree);
    const search::Parsed parsed = SearchLanguage::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error ? parsed.error->message : QString()));
    QCOMPARE(describe(parsed.root), tree);
}

void TestSearchLanguage::explainsErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("position");
    QTest::addColumn<QString>("message");

    QTest::newRow("unknown predicate, no near name") << QStringLiteral(
        "red colour:blue") << 4 << "unknown predicate colour:; known are tag:, site:";
    QTest::newRow("unknown predicate lists the newer ones too")
        << QStringLiteral("colour:red") << 0 << "rating:, in:, untagged and fav";
    QTest::newRow("typo") << QStringLiteral("tga:cats") << 0
                          << "unknown predicate tga:; did you mean tag:?";
    QTest::newRow("synonym") << QStringLiteral("host:example.com") << 0
                             << "unknown predicate host:; did you mean site:?";
    QTest::newRow("empty value") << QStringLiteral("a tag:") << 2 << "tag: needs a value";
    QTest::newRow("empty quoted value") << QStringLiteral("tag:\"\"") << 0 << "tag: needs a value";
    QTest::newRow("unclosed quote") << QStringLiteral("a \"red") << 2 << "never closed";
    QTest::newRow("an escaped quote does not close")
        << QStringLiteral(R"(a "C:\photos\")") << 2
        << R"(never closed (inside quotes \" is a quote in the text; write \\ for a backslash))";
    QTest::newRow("unclosed after an escaped backslash")
        << QStringLiteral(R"(tag:"dir\\)") << 4 << "never closed";
    QTest::newRow("unclosed parenthesis")
        << QStringLiteral("x (a OR b") << 2 << "opening parenthesis is never closed";
    QTest::newRow("stray closing parenthesis")
        << QStringLiteral("a) b") << 1 << "closing parenthesis has no opening";
    QTest::newRow("empty parentheses") << QStringLiteral("a ()") << 2 << "empty parentheses";
    QTest::newRow("OR at the end") << QStringLiteral("a OR") << 2 << "OR needs a term";
    QTest::newRow("OR at the start") << QStringLiteral("OR a") << 0 << "OR needs a term";
    QTest::newRow("OR OR") << QStringLiteral("a OR OR b") << 2 << "OR needs a term";
    QTest::newRow("lone minus") << QStringLiteral("a - b") << 2 << "nothing to exclude";
    QTest::newRow("NOT at the end") << QStringLiteral("a NOT") << 2 << "nothing to exclude";
    QTest::newRow("empty quotes") << QStringLiteral("\"\"") << 0 << "empty quotes";
    QTest::newRow("width not a number")
        << QStringLiteral("width:>big") << 0 << "width: expects a number";
    QTest::newRow("width with a unit")
        << QStringLiteral("width:2MB") << 0 << "width: expects a number";
    QTest::newRow("size bad unit")
        << QStringLiteral("size:>3parsecs") << 0 << "size: expects a number of bytes";
    QTest::newRow("pixels bad") << QStringLiteral("pixels:lots") << 0 << "pixels: expects";
    QTest::newRow("added bad") << QStringLiteral("added:yesterday") << 0 << "added: expects a date";
    QTest::newRow("added bad month")
        << QStringLiteral("added:2026-13") << 0 << "added: expects a date";
    QTest::newRow("added backwards range")
        << QStringLiteral("added:2026-12..2026-11") << 0 << "ends before it starts";
    QTest::newRow("rating out of range")
        << QStringLiteral("tag:a rating:>=9") << 6 << "rating: expects a whole number from 0 to 5";
    QTest::newRow("rating not whole")
        << QStringLiteral("rating:2.5") << 0 << "rating: expects a whole number from 0 to 5";
    QTest::newRow("stars: suggests rating:")
        << QStringLiteral("stars:5") << 0 << "did you mean rating:?";
    QTest::newRow("rating with a unit")
        << QStringLiteral("rating:4MB") << 0 << "rating: expects a whole number from 0 to 5";
    QTest::newRow("in without a name") << QStringLiteral("in:") << 0 << "in:";
    QTest::newRow("format nobody makes")
        << QStringLiteral("format:xyz") << 0
        << "format: xyz is not an image format Trove reads (it reads avif, bmp, cur, dds, gif, ";
    QTest::newRow("format list ends") << QStringLiteral("format:xyz") << 0 << "webp, xbm and xpm)";
    QTest::newRow("format typo") << QStringLiteral("tag:a format:webb") << 6
                                 << "did you mean format:webp?";
    QTest::newRow("format typo in a longer name")
        << QStringLiteral("format:jpegg") << 0 << "did you mean format:jpeg?";
}

void TestSearchLanguage::explainsErrors()
{
    QFETCH(QString, text);
    QFETCH(int, position);
    QFETCH(QString, message);
    const search::Parsed parsed = SearchLanguage::parse(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error->message.contains(message), qPrintable(parsed.error->message));
    QCOMPARE(parsed.error->position, position);
    QVERIFY(parsed.error->length >= 1);
    QCOMPARE(parsed.root.kind, Node::Kind::All);
}

// The list in the error comes from the parser's own tables; each name in
// them is one the parser really reads, so neither can drift from the other.
void TestSearchLanguage::unknownPredicateListsEveryTerm()
{
    const search::Parsed parsed = SearchLanguage::parse(QStringLiteral("colour:red"));
    QVERIFY(!parsed.ok());
    const QString message = parsed.error->message;
    for (const QString &name : SearchLanguage::predicateNames()) {
        QVERIFY2(message.contains(name + QLatin1Char(':')), qPrintable(message));
        const search::Parsed known = SearchLanguage::parse(name + QStringLiteral(":1"));
        QVERIFY2(known.ok() || !known.error->message.startsWith(QLatin1String("unknown")),
            qPrintable(name));
    }
    for (const QString &word : SearchLanguage::bareWords()) {
        QVERIFY2(message.contains(word), qPrintable(message));
        const search::Parsed bare = SearchLanguage::parse(word);
        QVERIFY(bare.ok());
        QVERIFY2(bare.root.kind != Node::Kind::Text, qPrintable(word));
    }
}

// 120 images whose names, tags, hosts, formats, sizes and dates vary with
// their number, written straight into the catalog as trove-make-library
// does (the triggers keep the search index).
void TestSearchLanguage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const LibraryPaths paths(m_dir.path());
    {
        Connection catalog;
        QVERIFY_OK(catalog.open(paths, Connection::Kind::Catalog));
        QVERIFY_OK(catalog.exec(QStringLiteral("BEGIN")));
        QSqlQuery image = catalog.query(QStringLiteral(
            "INSERT INTO images(id, uuid, name, sha256, format, width, height, original_bytes, "
            "stored_bytes, added_at, rating, favourite, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?)"));
        QSqlQuery tag = catalog.query(
            QStringLiteral("INSERT INTO tags(image_id, tag, tag_key) SELECT ?, t, trove_tag_key(t) "
                           "FROM (SELECT ? AS t)"));
        QSqlQuery source = catalog.query(QStringLiteral(
            "INSERT INTO sources(image_id, url, host, added_at) VALUES (?, ?, ?, ?)"));
        const char *const words[] = { "red", "green", "blue", "Red forest", "night_sky", "100%" };
        const char *const formats[] = { "png", "jpeg", "gif", "webp" };
        const char *const hosts[]
            = { "example.com", "img.example.com", "notexample.com", "cdn.photos.org", "" };
        const char *const tagSet[] = { "nature", "Red", "two words", "sky", "50%", R"(say "hi")" };
        for (int i = 1; i <= 120; ++i) {
            // Late October to early December 2026, some on the same instant.
            const qint64 added = localMs(2026, 10, 25) + qint64(i / 2) * 13 * 3600 * 1000;
            image.bindValue(0, i);
            image.bindValue(1, QStringLiteral("uuid-%1").arg(i));
            image.bindValue(2,
                QStringLiteral("%1 %2")
                    .arg(QLatin1String(words[i % 6]))
                    .arg(i, 3, 10, QLatin1Char('0')));
            image.bindValue(3, QStringLiteral("sha-%1").arg(i));
            image.bindValue(4, QLatin1String(formats[i % 4]));
            image.bindValue(5, 100 + (i * 37) % 1900);
            image.bindValue(6, 50 + (i * 53) % 1500);
            image.bindValue(7, qint64(i) * 37 * 1024);
            image.bindValue(8, qint64(i) * 30 * 1024);
            image.bindValue(9, added);
            // Every rating, unevenly; one image in five a favourite.
            image.bindValue(10, (i * 7) % 11 % 6);
            image.bindValue(11, i % 5 == 0 ? 1 : 0);
            image.bindValue(12, naturalSortKey(image.boundValue(2).toString()));
            QVERIFY(image.exec());
            for (int t = 0; t < 6; ++t) {
                if ((i >> t) % 3 == 1 || (t == 1 && i % 7 == 0)) {
                    tag.bindValue(0, i);
                    tag.bindValue(1, QLatin1String(tagSet[t]));
                    QVERIFY(tag.exec());
                }
            }
            for (int s = 0; s < 2; ++s) {
                const QString host = QLatin1String(hosts[(i + s * 3) % 5]);
                if (host.isEmpty() || (s == 1 && i % 2))
                    continue;
                source.bindValue(0, i);
                source.bindValue(1, QStringLiteral("https://%1/%2-%3.png").arg(host).arg(i).arg(s));
                source.bindValue(2, host);
                source.bindValue(3, added);
                QVERIFY(source.exec());
            }
        }
        // Two hand-made collections, a smart one, and a smart one that
        // names another collection.
        s_members.insert(QStringLiteral("holiday 2026"), {});
        s_members.insert(QStringLiteral("birds"), {});
        s_smart.insert(QStringLiteral("night"), QStringLiteral("night_sky OR tag:sky"));
        s_smart.insert(QStringLiteral("big ones"), QStringLiteral("in:birds OR width:>1500"));
        // Each with its key, as the writer keeps it (Collections::nameKey()).
        QVERIFY_OK(catalog.exec(QStringLiteral(
            "INSERT INTO collections(id, name, name_key, query, created_at) VALUES (1, "
            "'Holiday 2026', 'holiday 2026', NULL, 0), (2, 'Birds', 'birds', NULL, 0), (3, "
            "'Night', 'night', 'night_sky OR tag:sky', 0), (4, 'Big ones', 'big ones', 'in:birds "
            "OR width:>1500', 0), (5, 'Loop', 'loop', 'tag:sky OR in:loop', 0)")));
        QSqlQuery member = catalog.query(QStringLiteral(
            "INSERT INTO collection_items(collection_id, image_id, position) VALUES (?, ?, ?)"));
        for (int i = 1; i <= 120; ++i) {
            for (const auto &[id, name, every] :
                { std::tuple { 1, "holiday 2026", 5 }, std::tuple { 2, "birds", 11 } }) {
                if (i % every != 0)
                    continue;
                member.bindValue(0, id);
                member.bindValue(1, i);
                member.bindValue(2, 120 - i);
                QVERIFY(member.exec());
                s_members[QLatin1String(name)].insert(i);
            }
        }
        QVERIFY_OK(catalog.exec(QStringLiteral("COMMIT")));
    }
    m_reader = std::make_unique<CatalogReader>();
    QVERIFY_OK(m_reader->open(paths));
    ImageQuery oldest;
    oldest.order = ImageQuery::Order::OldestFirst;
    auto all = m_reader->list(oldest);
    QVERIFY_OK(all);
    m_all = *all;
    QCOMPARE(m_all.size(), 120);
}

void TestSearchLanguage::findsWhatTheFilterFinds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("order");
    const int newest = int(ImageQuery::Order::NewestFirst);
    const QStringList searches {
        QStringLiteral("red"),
        QStringLiteral("RED"),
        QStringLiteral("re"),
        QStringLiteral("\"red forest\""),
        QStringLiteral("red forest"),
        QStringLiteral("100%"),
        QStringLiteral("t_s"),
        QStringLiteral("photos"),
        QStringLiteral("tag:nature"),
        QStringLiteral("tag:NATURE tag:red"),
        QStringLiteral("tag:nature tag:\"two words\" -tag:red"),
        QStringLiteral("red tag:nature"),
        QStringLiteral("tag:\"two words\""),
        QStringLiteral("tag:50%"),
        QStringLiteral("tag:nature -tag:red"),
        QStringLiteral(R"(tag:"say \"hi\"")"),
        QStringLiteral(R"(tag:"SAY \"HI\"" -tag:red)"),
        QStringLiteral(R"("\"hi\"")"),
        // Tag terms answered on the tags indexes alone, beside other terms.
        QStringLiteral("-tag:red tag:sky tag:NATURE"),
        QStringLiteral("tag:nature -tag:\"two words\" format:gif"),
        QStringLiteral("-tag:sky width:>500 tag:red -tag:nature"),
        QStringLiteral("-tag:nature"),
        QStringLiteral("-red"),
        QStringLiteral("tag:sky OR tag:red"),
        QStringLiteral("(tag:sky OR green) -format:gif"),
        QStringLiteral("-(tag:sky OR tag:nature)"),
        QStringLiteral("untagged"),
        QStringLiteral("-untagged tag:sky"),
        QStringLiteral("site:example.com"),
        QStringLiteral("site:img.example.com"),
        QStringLiteral("site:photos.org"),
        QStringLiteral("site:img.example.com:8080/x"),
        QStringLiteral("-site:example.com"),
        QStringLiteral("format:png"),
        QStringLiteral("format:jpg width:>1000"),
        QStringLiteral("width:<=500 height:>=800"),
        QStringLiteral("width:1136"),
        QStringLiteral("pixels:>1M"),
        QStringLiteral("size:>2MB"),
        QStringLiteral("size:<=370KB"),
        QStringLiteral("added:2026-11"),
        QStringLiteral("added:>2026-11-20"),
        QStringLiteral("added:<=2026-10"),
        QStringLiteral("added:2026-11-03..2026-11-09 tag:nature"),
        QStringLiteral("added:2026-11 format:png -tag:red"),
        QStringLiteral("blue OR tag:sky width:>500"),
        QStringLiteral("rating:>=4"),
        QStringLiteral("rating:3"),
        QStringLiteral("rating:<2"),
        QStringLiteral("rating:0 tag:nature"),
        QStringLiteral("fav"),
        QStringLiteral("-fav"),
        QStringLiteral("fav rating:>=3"),
        QStringLiteral("fav OR rating:5"),
        QStringLiteral("fav tag:sky -format:gif"),
        QStringLiteral("in:\"holiday 2026\""),
        QStringLiteral("IN:\"Holiday 2026\" tag:nature"),
        QStringLiteral("-in:birds"),
        QStringLiteral("in:birds OR in:\"holiday 2026\""),
        QStringLiteral("in:night"),
        QStringLiteral("in:night -in:birds"),
        QStringLiteral("in:\"big ones\" format:png"),
        QStringLiteral("zebra"),
    };
    for (const QString &s : searches) {
        QTest::newRow(qPrintable(s + QStringLiteral(", newest"))) << s << newest;
        QTest::newRow(qPrintable(s + QStringLiteral(", by name")))
            << s << int(ImageQuery::Order::NameAscending);
        QTest::newRow(qPrintable(s + QStringLiteral(", highest rated")))
            << s << int(ImageQuery::Order::RatingDescending);
        QTest::newRow(qPrintable(s + QStringLiteral(", lowest rated")))
            << s << int(ImageQuery::Order::RatingAscending);
    }
}

void TestSearchLanguage::findsWhatTheFilterFinds()
{
    QFETCH(QString, text);
    QFETCH(int, order);
    const search::Parsed parsed = SearchLanguage::parse(text);
    QVERIFY(parsed.ok());
    ImageQuery query;
    query.search = text;
    query.order = ImageQuery::Order(order);

    QList<ImageRecord> expected;
    for (const ImageRecord &r : std::as_const(m_all)) {
        if (holds(parsed.root, r))
            expected << r;
    }
    std::stable_sort(
        expected.begin(), expected.end(), [&](const ImageRecord &a, const ImageRecord &b) {
            if (query.order == ImageQuery::Order::NameAscending) {
                // Natural order (base/naturalkey.h), as stored.
                const QByteArray ka = naturalSortKey(a.name).toUtf8();
                const QByteArray kb = naturalSortKey(b.name).toUtf8();
                return ka != kb ? ka < kb : a.key < b.key;
            }
            // Highest first, ties newest first; lowest first is its reverse.
            if (query.order == ImageQuery::Order::RatingDescending && a.rating != b.rating)
                return a.rating > b.rating;
            if (query.order == ImageQuery::Order::RatingAscending) {
                if (a.rating != b.rating)
                    return a.rating < b.rating;
                return a.addedAt != b.addedAt ? a.addedAt < b.addedAt : a.key < b.key;
            }
            return a.addedAt != b.addedAt ? a.addedAt > b.addedAt : a.key > b.key;
        });
    QList<qint64> want;
    for (const ImageRecord &r : std::as_const(expected))
        want << r.key;
    // Every search of the table but one tells images apart.
    if (text != QLatin1String("zebra"))
        QVERIFY2(!want.isEmpty() && want.size() < m_all.size(),
            qPrintable(QString::number(want.size())));
    const auto keysOf = [](const QList<ImageRecord> &records) {
        QList<qint64> out;
        for (const ImageRecord &r : records)
            out << r.key;
        return out;
    };

    auto listed = m_reader->list(query);
    QVERIFY_OK(listed);
    QCOMPARE(keysOf(*listed), want);
    auto counted = m_reader->count(query);
    QVERIFY_OK(counted);
    QCOMPARE(*counted, qint64(want.size()));
    // The window counts in steps (windows of keys, tag unions, text
    // steps): their sum says the same.
    qint64 stepped = 0;
    qint64 after = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        auto step = m_reader->countStep(query, after, 5);
        QVERIFY_OK(step);
        stepped += step->count;
        after = step->lastKey;
        if (step->complete)
            break;
    }
    QCOMPARE(stepped, qint64(want.size()));
    // Pages of 7, walked (no total yet) and collected (total known), from
    // either end; and the keys a selection stands for.
    for (qint64 total : { qint64(-1), qint64(want.size()) }) {
        QList<qint64> paged;
        for (qint64 offset = 0; offset < want.size(); offset += 7) {
            auto page = m_reader->page(query, offset, 7, total);
            QVERIFY_OK(page);
            paged << keysOf(*page);
        }
        QCOMPARE(paged, want);
    }
    auto keys = m_reader->keys(query, 0, 1000);
    QVERIFY_OK(keys);
    QCOMPARE(*keys, want);
    if (!want.isEmpty()) {
        auto row = m_reader->rowOf(query, want.last());
        QVERIFY_OK(row);
        QCOMPARE(*row, qint64(want.size() - 1));
    }
    // The --tag of the command line is one more term.
    ImageQuery withTag = query;
    withTag.tag = QStringLiteral("sky");
    auto both = m_reader->count(withTag);
    QVERIFY_OK(both);
    QCOMPARE(*both,
        qint64(std::count_if(expected.cbegin(), expected.cend(),
            [](const ImageRecord &r) { return r.tags.contains(QStringLiteral("sky")); })));
}

void TestSearchLanguage::unreadableSearchFailsInTheReader()
{
    ImageQuery query;
    query.search = QStringLiteral("colour:red");
    auto count = m_reader->count(query);
    QVERIFY(!count);
    QVERIFY2(count.error().contains(QStringLiteral("unknown predicate colour:")),
        qPrintable(count.error()));
    QVERIFY(!m_reader->list(query));
    QVERIFY(!m_reader->page(query, 0, 10, -1));
    QVERIFY(!m_reader->keys(query, 0, 10));
    QVERIFY(!m_reader->forEach(query, [](const ImageRecord &) { return true; }));
}

void TestSearchLanguage::unknownCollectionFailsInTheReader_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown") << QStringLiteral("red in:nowhere")
                             << QStringLiteral("no collection named “nowhere”");
    QTest::newRow("unknown, negated") << QStringLiteral("-in:\"Nowhere Else\"")
                                      << QStringLiteral("no collection named “Nowhere Else”");
    QTest::newRow("a smart collection that names itself") << QStringLiteral(
        "in:LOOP") << QStringLiteral("the smart collection “Loop” refers to itself");
}

// in: with a name no collection has is an error, never an empty gallery.
void TestSearchLanguage::unknownCollectionFailsInTheReader()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    ImageQuery query;
    query.search = text;
    QVERIFY(SearchLanguage::parse(text).ok());
    auto count = m_reader->count(query);
    QVERIFY(!count);
    QCOMPARE(count.error(), message);
    QVERIFY(!m_reader->list(query));
    QVERIFY(!m_reader->page(query, 0, 10, -1));
    QVERIFY(!m_reader->keys(query, 0, 10));
    QVERIFY(!m_reader->rowOf(query, 5));
    QVERIFY(!m_reader->forEach(query, [](const ImageRecord &) { return true; }));
}

void TestSearchLanguage::hugeBoundsFindNoneOrAll_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("all");
    QTest::newRow("width > int64 max") << QStringLiteral("width:>9223372036854775807") << false;
    QTest::newRow("width > 2^64") << QStringLiteral("width:>18446744073709551616") << false;
    QTest::newRow("size > 16 EiB") << QStringLiteral("size:>17179869184GB") << false;
    QTest::newRow("pixels > huge M") << QStringLiteral("pixels:>99999999999999999M") << false;
    QTest::newRow("width > 2^32") << QStringLiteral("width:>4294967296") << false;
    QTest::newRow("width < 2^64 + 1") << QStringLiteral("width:<18446744073709551617") << true;
    QTest::newRow("size <= 16 EiB") << QStringLiteral("size:<=17179869184GB") << true;
}

// A bound no image can reach compares as read: > it finds none, < it all
// (out of the int64 range it once wrapped round to the opposite).
void TestSearchLanguage::hugeBoundsFindNoneOrAll()
{
    QFETCH(QString, text);
    QFETCH(bool, all);
    ImageQuery query;
    query.search = text;
    auto count = m_reader->count(query);
    QVERIFY(count);
    QCOMPARE(*count, all ? qint64(m_all.size()) : qint64(0));
}

void TestSearchLanguage::tagTermsMatchInAnyCase_data()
{
    trove::test::spellingRows(trove::test::Spellings::All);
}

// tag:, -tag: and --tag find a tag in any case of any script, through each
// way the reader compiles them (collected by the tag, tested per row, on
// the tags index beside other tags, a union of tags, counted in steps).
void TestSearchLanguage::tagTermsMatchInAnyCase()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    QFETCH(bool, same);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LibraryPaths paths(dir.path());
    {
        Connection catalog;
        QVERIFY_OK(catalog.open(paths, Connection::Kind::Catalog));
        QVERIFY_OK(catalog.exec(QStringLiteral("BEGIN")));
        QSqlQuery tag = catalog.query(
            QStringLiteral("INSERT INTO tags(image_id, tag, tag_key) VALUES (?, ?, ?)"));
        // 1: the tag and "plain"; 2: "plain"; 3: "other".
        const QList<QStringList> tags { { stored, QStringLiteral("plain") },
            { QStringLiteral("plain") }, { QStringLiteral("other") } };
        for (int i = 1; i <= 3; ++i) {
            QVERIFY_OK(
                addImage(catalog, i, QStringLiteral("image %1").arg(i), QStringLiteral("png")));
            for (const QString &t : tags[i - 1]) {
                tag.bindValue(0, i);
                tag.bindValue(1, t);
                tag.bindValue(2, tagKey(t));
                QVERIFY_OK(execQuery(tag));
            }
        }
        QVERIFY_OK(catalog.exec(QStringLiteral("COMMIT")));
    }
    CatalogReader reader;
    QVERIFY_OK(reader.open(paths));
    const auto found = [&reader](const QString &search, const QString &tag = {}) {
        return foundKeys(reader, search, tag);
    };
    const QString term = QStringLiteral("tag:\"%1\"").arg(typed);
    const QList<qint64> none;
    QCOMPARE(found(term), same ? QList<qint64> { 1 } : none);
    QCOMPARE(found(QString(), typed), same ? QList<qint64> { 1 } : none);
    QCOMPARE(found(QLatin1Char('-') + term),
        same ? (QList<qint64> { 2, 3 }) : (QList<qint64> { 1, 2, 3 }));
    QCOMPARE(found(QStringLiteral("NOT ") + term),
        same ? (QList<qint64> { 2, 3 }) : (QList<qint64> { 1, 2, 3 }));
    QCOMPARE(found(QStringLiteral("tag:plain -") + term),
        same ? QList<qint64> { 2 } : (QList<qint64> { 1, 2 }));
    QCOMPARE(found(term + QStringLiteral(" tag:PLAIN")), same ? QList<qint64> { 1 } : none);
    QCOMPARE(found(term + QStringLiteral(" OR tag:other")),
        same ? (QList<qint64> { 1, 3 }) : QList<qint64> { 3 });
    QCOMPARE(found(term + QStringLiteral(" format:png")), same ? QList<qint64> { 1 } : none);
    QCOMPARE(found(QStringLiteral("(") + term + QStringLiteral(" OR format:gif) image")),
        same ? QList<qint64> { 1 } : none);
}

void TestSearchLanguage::formatTermsFindTheirFamily_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QList<qint64>>("keys");
    // 1 svg, 2 svgz, 3 jp2, 4 j2k, 5 heic, 6 jpeg, 7 png, 8 tiff
    QTest::newRow("svg finds compressed svg too") << "format:svg" << QList<qint64> { 1, 2 };
    QTest::newRow("svgz alone") << "format:svgz" << QList<qint64> { 2 };
    QTest::newRow(".SVG") << "format:.SVG" << QList<qint64> { 1, 2 };
    QTest::newRow("not svg") << "-format:svg" << QList<qint64> { 3, 4, 5, 6, 7, 8 };
    QTest::newRow("jp2 finds a bare codestream") << "format:jp2" << QList<qint64> { 3, 4 };
    QTest::newRow("j2k alone") << "format:j2k" << QList<qint64> { 4 };
    QTest::newRow("heif is heic") << "format:heif" << QList<qint64> { 5 };
    QTest::newRow("HEIC") << "format:HEIC" << QList<qint64> { 5 };
    QTest::newRow("jpg") << "format:jpg" << QList<qint64> { 6 };
    QTest::newRow("jpe") << "format:jpe" << QList<qint64> { 6 };
    QTest::newRow("jfif") << "format:jfif" << QList<qint64> { 6 };
    QTest::newRow("tif") << "format:tif" << QList<qint64> { 8 };
    QTest::newRow("svg or png") << "format:svg OR format:png" << QList<qint64> { 1, 2, 7 };
    QTest::newRow("svg and a name") << "format:svg drawing" << QList<qint64> { 2 };
    QTest::newRow("a format nothing here has") << "format:webp" << QList<qint64> {};
}

// format: takes the names people use (jpg, tif, heif) and finds a family
// by its plain name: format:svg is every SVG, compressed or not.
void TestSearchLanguage::formatTermsFindTheirFamily()
{
    QFETCH(QString, search);
    QFETCH(QList<qint64>, keys);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LibraryPaths paths(dir.path());
    {
        Connection catalog;
        QVERIFY_OK(catalog.open(paths, Connection::Kind::Catalog));
        QVERIFY_OK(catalog.exec(QStringLiteral("BEGIN")));
        const QStringList formats { QStringLiteral("svg"), QStringLiteral("svgz"),
            QStringLiteral("jp2"), QStringLiteral("j2k"), QStringLiteral("heic"),
            QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("tiff") };
        for (int i = 1; i <= formats.size(); ++i) {
            const QString name
                = i == 2 ? QStringLiteral("drawing") : QStringLiteral("image %1").arg(i);
            QVERIFY_OK(addImage(catalog, i, name, formats[i - 1]));
        }
        QVERIFY_OK(catalog.exec(QStringLiteral("COMMIT")));
    }
    CatalogReader reader;
    QVERIFY_OK(reader.open(paths));
    QCOMPARE(foundKeys(reader, search), keys);
}

QTEST_GUILESS_MAIN(TestSearchLanguage)
#include "tst_searchlanguage.moc"

// SPDX-License-Identifier: MIT
#include "catalog/catalogreader.h"

#include "base/tagkey.h"
#include "catalog/collections.h"
#include "catalog/imagerow.h"
#include "catalog/private/searchplan.h"
#include "catalog/private/tagstatements.h"
#include "catalog/searchsql.h"
#include "storage/librarypaths.h"

using namespace trove::querysql;
using namespace trove::searchplan;

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlRecord>
#include <algorithm>
#include <limits>

namespace trove {

namespace {

Result<QList<QPair<QString, qint64>>> pairs(Connection &c, const QString &sql)
{
    QSqlQuery q = c.query(sql);
    if (auto r = execQuery(q); !r)
        return r.failure();
    QList<QPair<QString, qint64>> out;
    while (q.next())
        out.append({ q.value(0).toString(), q.value(1).toLongLong() });
    return out;
}

// The first column of every row of @p sql with @p binds: keys. @p expected:
// room made for that many at once (a page's limit).
Result<QList<qint64>> keysOf(
    Connection &c, const QString &sql, const QVariantList &binds, qint64 expected = 0)
{
    QSqlQuery q = c.query(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    q.setForwardOnly(true);
    if (auto r = execQuery(q); !r)
        return r.failure();
    QList<qint64> out;
    out.reserve(int(std::min<qint64>(expected, 1 << 20)));
    while (q.next())
        out.append(q.value(0).toLongLong());
    return out;
}

// A trash row as a record; its tags and sources are JSON (schema step 6).
TrashRecord trashRecordFrom(const QSqlQuery &q)
{
    TrashRecord t;
    ImageRecord &r = t.image;
    r.key = q.value(QStringLiteral("id")).toLongLong();
    r.id = q.value(QStringLiteral("uuid")).toString();
    r.name = q.value(QStringLiteral("name")).toString();
    r.sha256 = q.value(QStringLiteral("sha256")).toString();
    r.format = q.value(QStringLiteral("format")).toString();
    r.width = q.value(QStringLiteral("width")).toInt();
    r.height = q.value(QStringLiteral("height")).toInt();
    r.originalBytes = q.value(QStringLiteral("original_bytes")).toLongLong();
    r.storedBytes = q.value(QStringLiteral("stored_bytes")).toLongLong();
    r.addedAt
        = QDateTime::fromMSecsSinceEpoch(q.value(QStringLiteral("added_at")).toLongLong(), Qt::UTC);
    r.damaged = q.value(QStringLiteral("damaged")).toInt() != 0;
    r.annotation = q.value(QStringLiteral("annotation")).toString();
    r.foundOn = q.value(QStringLiteral("found_on")).toString();
    r.rating = q.value(QStringLiteral("rating")).toInt();
    r.favourite = q.value(QStringLiteral("favourite")).toInt() != 0;
    const QJsonArray tags
        = QJsonDocument::fromJson(q.value(QStringLiteral("tags")).toByteArray()).array();
    for (const QJsonValue &tag : tags)
        r.tags.append(tag.toString());
    std::sort(r.tags.begin(), r.tags.end());
    // In the order the library lists them: oldest first, then by URL.
    QList<QPair<qint64, QString>> sources;
    const QJsonArray rows
        = QJsonDocument::fromJson(q.value(QStringLiteral("sources")).toByteArray()).array();
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        sources.append({ o.value(QStringLiteral("added_at")).toInteger(),
            o.value(QStringLiteral("url")).toString() });
    }
    std::sort(sources.begin(), sources.end());
    for (const auto &[when, url] : sources)
        r.sources.append(url);
    t.trashedAt = QDateTime::fromMSecsSinceEpoch(
        q.value(QStringLiteral("trashed_at")).toLongLong(), Qt::UTC);
    return t;
}

// "ORDER BY …" of @p order; the key last, so that every order is total.
QString trashOrderBy(TrashOrder order)
{
    switch (order) {
    case TrashOrder::NewestFirst:
        break;
    case TrashOrder::OldestFirst:
        return QStringLiteral("ORDER BY trashed_at, id");
    case TrashOrder::NameAscending:
        return QStringLiteral("ORDER BY name COLLATE NOCASE, id");
    case TrashOrder::NameDescending:
        return QStringLiteral("ORDER BY name COLLATE NOCASE DESC, id DESC");
    case TrashOrder::LargestFirst:
        return QStringLiteral("ORDER BY original_bytes DESC, id DESC");
    case TrashOrder::SmallestFirst:
        return QStringLiteral("ORDER BY original_bytes, id");
    case TrashOrder::FormatAscending:
        return QStringLiteral("ORDER BY format, name COLLATE NOCASE, id");
    case TrashOrder::FormatDescending:
        return QStringLiteral("ORDER BY format DESC, name COLLATE NOCASE DESC, id DESC");
    }
    return QStringLiteral("ORDER BY trashed_at DESC, id DESC");
}

// "WHERE …" for the trash rows whose name or tags (JSON text) hold every
// word of @p filter in any case of any script, or nothing without one:
// the word's tag key (base/tagkey.h) within the key of the row's text, as
// tags match ("été" finds "ÉTÉ"; LIKE folds ASCII only). Most rows are
// ASCII, whose key is their text in lower case: LIKE with the word's key
// answers the same for them without keying the row (a trash of 450,000
// is scanned for a count). A word cannot hold a line feed, so none
// matches across the name and the tags.
QString trashFilterWhere(const QString &filter, QVariantList *binds)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList terms;
    for (const QString &word : filter.split(space, Qt::SkipEmptyParts)) {
        const QString key = tagKey(word);
        const QString pattern = querysql::likeContains(key);
        terms << QStringLiteral(
            "(CASE WHEN length(name) = length(CAST(name AS BLOB)) AND length(tags) = "
            "length(CAST(tags AS BLOB)) THEN (name LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\') "
            "ELSE instr(trove_tag_key(name || char(10) || tags), ?) > 0 END)");
        *binds << pattern << pattern << key;
    }
    return terms.isEmpty()
        ? QString()
        : QStringLiteral("WHERE ") + terms.join(QLatin1String(" AND ")) + QLatin1Char(' ');
}

} // namespace

Result<void> CatalogReader::open(const LibraryPaths &paths)
{
    if (auto r = m_catalog.open(paths, Connection::Kind::Catalog, Connection::Role::Reader); !r)
        return r;
    return m_thumbs.open(paths, Connection::Kind::Thumbs, Connection::Role::Reader);
}

Result<LibraryStats> CatalogReader::stats()
{
    QSqlQuery q = m_catalog.query(QStringLiteral(
        "SELECT images, original_bytes, stored_bytes, last_added FROM stats WHERE id = 1"));
    if (auto r = execQuery(q); !r)
        return r.failure();
    LibraryStats s;
    if (q.next()) {
        s.images = q.value(QStringLiteral("images")).toLongLong();
        s.originalBytes = q.value(QStringLiteral("original_bytes")).toLongLong();
        s.storedBytes = q.value(QStringLiteral("stored_bytes")).toLongLong();
        const QVariant last = q.value(QStringLiteral("last_added"));
        if (!last.isNull())
            s.lastAdded = QDateTime::fromMSecsSinceEpoch(last.toLongLong(), Qt::UTC);
    }
    return s;
}

Result<void> CatalogReader::checkSearch(const ImageQuery &query)
{
    if (const auto error = searchError(query))
        return fail(error->message, Error::Kind::Search);
    return {};
}

namespace {

} // namespace

Result<ImageQuery> CatalogReader::prepareCollectionOrder(const ImageQuery &query)
{
    ImageQuery out = query;
    const search::Parsed parsed = search::SearchLanguage::parse(query.search);
    if (parsed.ok() && query.tag.trimmed().isEmpty()
        && parsed.root.kind == search::Node::Kind::Collection) {
        auto found = Collections::find(m_catalog, parsed.root.text, Collections::Counted::No);
        if (!found)
            return found.failure();
        if (*found && !(*found)->isSmart()
            && (out.collectionId == 0 || out.collectionId == (*found)->id)) {
            // The join holds exactly the members: the search would only
            // test each of them again.
            out.collectionId = (*found)->id;
            out.search.clear();
            return out;
        }
    }
    if (out.collectionId != 0)
        return out;
    // No one hand-made collection to walk: the default order.
    out.order = out.order == ImageQuery::Order::CollectionOrder ? ImageQuery::Order::NewestFirst
                                                                : ImageQuery::Order::OldestFirst;
    return out;
}

Result<ImageQuery> CatalogReader::prepare(const ImageQuery &query)
{
    if (auto r = checkSearch(query); !r)
        return r.failure();
    // A smart collection may name others: a few levels, then it is a loop.
    constexpr int kMaxDepth = 8;
    ImageQuery out = query;
    if (ImageQuery::isCollectionOrder(out.order)) {
        auto walked = prepareCollectionOrder(out);
        if (!walked)
            return walked.failure();
        out = *walked;
    }
    for (int depth = 0;; ++depth) {
        if (!out.search.contains(QLatin1String("in:"), Qt::CaseInsensitive))
            return out;
        const search::Parsed parsed = search::SearchLanguage::parse(out.search);
        if (!parsed.ok())
            return fail(parsed.error->message, Error::Kind::Search);
        bool expanded = false;
        // From the end of the text, so that earlier positions stay right.
        for (const search::Node *term : search::SearchLanguage::collectionTerms(parsed.root)) {
            auto found = Collections::find(m_catalog, term->text, Collections::Counted::No);
            if (!found)
                return found.failure();
            if (!*found)
                return fail(Collections::unknown(term->text), Error::Kind::Search);
            if (!(*found)->isSmart())
                continue;
            if (depth == kMaxDepth)
                return fail(tr("the smart collection “%1” refers to itself").arg((*found)->name),
                    Error::Kind::Search);
            out.search.replace(term->position, term->length,
                QLatin1Char('(') + (*found)->query + QLatin1Char(')'));
            expanded = true;
        }
        if (!expanded)
            return out;
    }
}

Driver CatalogReader::driverFor(const ImageQuery &query)
{
    return planFor(m_catalog, query).driver;
}

Result<qint64> CatalogReader::count(const ImageQuery &asked)
{
    auto prepared = prepare(asked);
    if (!prepared)
        return prepared.failure();
    const ImageQuery &query = *prepared;
    QVariantList binds;
    if (ImageQuery::isCollectionOrder(query.order) && !query.isFiltered())
        return Collections::count(m_catalog, query.collectionId);
    if (ImageQuery::isCollectionOrder(query.order)) {
        // The members on collection_items_by_position, each looked up in
        // `images` and tested on the search (trashed members are not
        // counted).
        QSqlQuery q = m_catalog.query(QStringLiteral("SELECT count(*) FROM images i ")
            + joinFor(query.order, query.collectionId) + whereFor(query, binds));
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds[i]);
        if (auto r = execQuery(q); !r)
            return r.failure();
        return q.next() ? q.value(0).toLongLong() : 0;
    }
    // One hand-made collection alone, in any order: its members on the
    // index (1.7 s testing every image at a million, 11 ms this way).
    if (const search::Node root = searchRoot(query);
        query.tag.trimmed().isEmpty() && root.kind == search::Node::Kind::Collection) {
        auto found = Collections::find(m_catalog, root.text, Collections::Counted::No);
        if (!found)
            return found.failure();
        if (*found && !(*found)->isSmart())
            return Collections::count(m_catalog, (*found)->id);
    }
    const Driver driver = driverFor(query);
    // The column terms count best along their own index (images_by_format,
    // images_by_added), which SQLite picks given the plain condition.
    const QString where = whereFor(
        query, binds, driver.kind == Driver::Kind::Columns ? Drive::Order : Drive::Matches, driver);
    if (where.isEmpty()) {
        auto s = stats();
        if (!s)
            return s.failure();
        return s->images;
    }
    // Tags alone: their index ranges hold exactly one entry per image, and
    // no image row needs reading. A text alone: the index holds one row per
    // image, keyed by its key.
    // `tag:a OR tag:b`: the union of their index ranges (3.8 s at a
    // million images tested row by row, a few ms this way).
    const search::Node root = searchRoot(query);
    const auto conjuncts = conjunctsOf(root);
    const bool alternatives = tagAlternatives(root);
    const bool tagsOnly = alternatives || tagsAlone(conjuncts, driver);
    const QString text = steppedText(query);
    QVariantList tagBinds;
    QSqlQuery q = m_catalog.query(tagsOnly
            ? QStringLiteral("SELECT count(*) FROM (%1)")
                  .arg(alternatives
                          ? tagUnion(root, 0, std::numeric_limits<qint64>::max(), tagBinds)
                          : tagMatches(conjuncts, driver.index, tagBinds))
            : !text.isEmpty()
            ? QStringLiteral("SELECT count(*) FROM image_text WHERE image_text MATCH ?")
            : QStringLiteral("SELECT count(*) FROM images i ") + where);
    if (tagsOnly)
        binds = tagBinds;
    else if (!text.isEmpty())
        binds = { phraseFor(text) };
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto r = execQuery(q); !r)
        return r.failure();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<TagCountsReport> CatalogReader::tagCounts(
    const ImageQuery &query, int limit, qint64 scanLimit)
{
    return tagstatements::tagCounts(m_catalog, query, limit, scanLimit);
}

Result<CatalogReader::CountStep> CatalogReader::countStep(
    const ImageQuery &asked, qint64 afterKey, qint64 step)
{
    auto prepared = prepare(asked);
    if (!prepared)
        return prepared.failure();
    const ImageQuery &query = *prepared;
    if (!countsInSteps(query) || ImageQuery::isCollectionOrder(query.order)) {
        if (const Plan plan = planFor(m_catalog, query);
            !ImageQuery::isCollectionOrder(query.order) && countsInWindows(plan, query))
            return countWindow(m_catalog, plan, query, afterKey, step);
        auto n = count(query);
        if (!n)
            return n.failure();
        return CountStep { *n, 0, true };
    }
    // The index row of an image has its key as rowid, and the index holds
    // one row per image (triggers keep it so): no join with images needed.
    QSqlQuery q = m_catalog.query(
        QStringLiteral("SELECT count(*), max(k) FROM (SELECT rowid AS k FROM image_text "
                       "WHERE image_text MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?)"));
    q.bindValue(0, phraseFor(steppedText(query)));
    q.bindValue(1, afterKey);
    q.bindValue(2, step);
    if (auto r = execQuery(q); !r)
        return r.failure();
    CountStep out;
    if (q.next()) {
        out.count = q.value(0).toLongLong();
        out.lastKey = q.value(1).isNull() ? afterKey : q.value(1).toLongLong();
    }
    out.complete = out.count < step;
    return out;
}

Result<QList<ImageRecord>> CatalogReader::select(
    const QString &where, const QVariantList &binds, const QString &tail)
{
    QSqlQuery q = m_catalog.query(QLatin1String(kSelectImages) + where + tail);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto r = execQuery(q); !r)
        return r.failure();
    QList<ImageRecord> out;
    const ImageColumns columns(q.record());
    while (q.next())
        out.append(recordFrom(q, columns));
    return out;
}

Result<QList<ImageRecord>> CatalogReader::list(const ImageQuery &query, qint64 offset, qint64 limit)
{
    return list(query, offset, limit, true);
}

Result<QList<ImageRecord>> CatalogReader::list(
    const ImageQuery &asked, qint64 offset, qint64 limit, bool fewMatches)
{
    auto prepared = prepare(asked);
    if (!prepared)
        return prepared.failure();
    const ImageQuery &query = *prepared;
    QVariantList binds;
    // Walking the order, every term tests each row (no driver).
    const QString where = whereFor(query, binds, fewMatches ? Drive::Matches : Drive::Order,
        fewMatches ? driverFor(query) : Driver {});
    const QString order = orderBy(query.order);
    const QString join = joinFor(query.order, query.collectionId);
    if (limit < 0 && offset == 0)
        return select(join + where, binds, order);
    // Pick the page's ids first, then read tags and sources for those rows
    // only: sorting 3,000 matches with their tags and sources attached costs
    // four times as much (26 ms against 6 at a million images).
    const QString ids
        = QStringLiteral("WHERE i.id IN (SELECT %1 %2%3%4 LIMIT %5 OFFSET %6)")
              .arg(walkKey(query.order, !where.isEmpty()),
                  walkFrom(query.order, !where.isEmpty(), query.collectionId), where, order)
              .arg(limit)
              .arg(offset);
    // The page's rows looked up by key, their members' rows by primary key:
    // left to itself SQLite walked the whole collection's position index
    // testing each key against the page (48 ms for 333,333 members).
    if (ImageQuery::isCollectionOrder(query.order))
        return select(QStringLiteral("CROSS ") + join + ids, binds, order);
    return select(join + ids, binds, order);
}

Result<QList<ImageRecord>> CatalogReader::page(
    const ImageQuery &asked, qint64 offset, qint64 limit, qint64 total)
{
    auto prepared = prepare(asked);
    if (!prepared)
        return prepared.failure();
    const ImageQuery &query = *prepared;
    // Still being counted: there are at least as many matches as counted
    // so far, and they are many (see countStep()). Read from the front.
    if (total < 0)
        return list(query, offset, limit, false);
    // Nothing at or past the end. Read from the back below, such a page
    // would ask for a negative count of rows, which SQLite takes as all of
    // them: the whole library as one page.
    if (offset >= total)
        return QList<ImageRecord>();
    const qint64 end = std::min(offset + limit, total);
    bool fewMatches = true;
    const Plan plan = planFor(m_catalog, query);
    const auto conjuncts = conjunctsOf(searchRoot(query));
    if (plan.driver.kind == Driver::Kind::None) {
        // Nothing an index collects (every image, an OR, only exclusions):
        // walk the order.
        fewMatches = false;
    } else if (auto all = stats()) {
        const search::Node *term = plan.driver.kind == Driver::Kind::Term
            ? &conjuncts[size_t(plan.driver.index)]
            : nullptr;
        if (plan.terms == 1 && term && term->kind == search::Node::Kind::Text
            && isAscii(term->text)) {
            // Walking the order tests ~200 / density rows per page, sorting
            // the matches costs in proportion to their number: the two meet
            // near 0.5 % at a million images (5,000 matches: 15 ms either
            // way; a word in every image: 2 ms walking, 0.35 s sorting).
            fewMatches = total * 200 < all->images;
        } else if (plan.terms == 1 && term) {
            // One tag: matches denser than one in eight are found sooner by
            // walking the order than by sorting them all.
            fewMatches = total * 8 < all->images;
        } else {
            // Several terms: collecting costs the driving term's matches
            // (each tested on the other terms), walking costs the rows
            // before the page at this density, each tested on every term.
            const double density = double(std::max<qint64>(total, 1)) / double(all->images);
            const double walk
                = double(std::min(offset, total - end) + limit) / density * double(plan.terms);
            const double collect = plan.driver.kind == Driver::Kind::Columns ? double(total)
                : plan.many                                                  ? double(all->images)
                            : double(std::max(plan.estimate, total));
            fewMatches = collect < walk;
        }
    }
    if (offset <= total - end)
        return list(query, offset, limit, fewMatches);
    ImageQuery back = query;
    back.order = reversed(query.order);
    auto rows = list(back, total - end, end - offset, fewMatches);
    if (rows)
        std::reverse(rows->begin(), rows->end());
    return rows;
}

Result<qint64> CatalogReader::rowOf(const ImageQuery &asked, qint64 key)
{
    auto prepared = prepare(asked);
    if (!prepared)
        return prepared.failure();
    const ImageQuery &query = *prepared;
    QVariantList binds;
    QString where = whereFor(query, binds);
    const QString join = joinFor(query.order, query.collectionId);
    QSqlQuery match = m_catalog.query(
        QStringLiteral("SELECT %1 AS sort_value FROM images i %2").arg(sortValue(query.order), join)
        + (where.isEmpty() ? QStringLiteral("WHERE ") : where + QStringLiteral(" AND "))
        + QStringLiteral("i.id = ?"));
    int i = 0;
    for (; i < binds.size(); ++i)
        match.bindValue(i, binds[i]);
    match.bindValue(i, key);
    if (auto r = execQuery(match); !r)
        return r.failure();
    if (!match.next())
        return qint64(-1);
    const QVariant value = match.value(QStringLiteral("sort_value"));
    match.finish();

    // The rows on one side of it, at most @p cap (0: all).
    const auto countSide = [&](ImageQuery::Order order, qint64 cap) -> Result<qint64> {
        QSqlQuery side = m_catalog.query(QStringLiteral("SELECT count(*) FROM (SELECT 1 ")
            + walkFrom(order, !where.isEmpty(), query.collectionId)
            + (where.isEmpty() ? QStringLiteral("WHERE ") : where + QStringLiteral(" AND "))
            + beforeClause(order)
            + (cap > 0 ? QStringLiteral(" LIMIT %1)").arg(cap) : QStringLiteral(")")));
        int at = 0;
        for (; at < binds.size(); ++at)
            side.bindValue(at, binds[at]);
        side.bindValue(at, value);
        side.bindValue(at + 1, value);
        side.bindValue(at + 2, key);
        if (auto r = execQuery(side); !r)
            return r.failure();
        return side.next() ? side.value(0).toLongLong() : qint64(-1);
    };
    // Only over the whole library is the count at hand (stats), and only
    // an order whose reverse walks the same value is its exact complement.
    const ImageQuery::Order back = reversed(query.order);
    const bool twoSided = where.isEmpty() && !ImageQuery::isCollectionOrder(query.order)
        && back != query.order && sortValue(back) == sortValue(query.order);
    if (!twoSided)
        return countSide(query.order, 0);
    // Both sides in turn, each up to a cap that grows fourfold: about
    // three times the shorter side at worst, where counting the rows
    // before a row near the end cost the whole library.
    for (qint64 cap = std::max<qint64>(1, m_rowOfSideCap);; cap *= 4) {
        auto before = countSide(query.order, cap);
        if (!before || *before < cap)
            return before;
        auto after = countSide(back, cap);
        if (!after)
            return after;
        if (*after < cap) {
            auto all = stats();
            if (!all)
                return all.failure();
            return std::max<qint64>(0, all->images - 1 - *after);
        }
    }
}

Result<QList<qint64>> CatalogReader::keys(const ImageQuery &asked, qint64 offset, qint64 limit)
{
    auto prepared = prepare(asked);
    if (!prepared)
        return prepared.failure();
    const ImageQuery &query = *prepared;
    QVariantList binds;
    const QString where = whereFor(query, binds, Drive::Order, Driver {});
    return keysOf(m_catalog,
        QStringLiteral("SELECT %1 AS id %2%3%4 LIMIT %5 OFFSET %6")
            .arg(walkKey(query.order, !where.isEmpty()),
                walkFrom(query.order, !where.isEmpty(), query.collectionId), where,
                orderBy(query.order))
            .arg(limit)
            .arg(offset),
        binds, limit);
}

Result<ImageRecord> CatalogReader::byKey(qint64 key)
{
    auto rows = select(QStringLiteral("WHERE i.id = ?"), { key });
    if (!rows)
        return rows.failure();
    if (rows->isEmpty())
        return fail(tr("no image with key %1").arg(key));
    return rows->first();
}

Result<QList<ImageRecord>> CatalogReader::byKeys(const QList<qint64> &keys)
{
    QList<ImageRecord> out;
    for (qint64 key : keys) {
        auto r = select(QStringLiteral("WHERE i.id = ?"), { key });
        if (!r)
            return r.failure();
        out += *r;
    }
    return out;
}

namespace {

// The bounds of the ids that start with @p arg, when it can be the start of
// one (four or more hex digits and dashes), else nothing. A range, not LIKE
// (case-insensitive, so never on the index): ids are lower-case hex and
// dashes, all below U+007F.
QVariantList idPrefixRange(const QString &arg)
{
    static const QRegularExpression hexPrefix(QStringLiteral("^[0-9a-fA-F-]{4,36}$"));
    if (!hexPrefix.match(arg).hasMatch())
        return {};
    const QString prefix = arg.toLower();
    return { prefix, prefix + QChar(0x7f) };
}

} // namespace

Result<QList<ImageRecord>> CatalogReader::resolve(const QString &idOrName)
{
    // Names are kept composed (normalizeName): so is what is asked for.
    const QString arg = idOrName.trimmed().normalized(QString::NormalizationForm_C);
    if (arg.isEmpty())
        return QList<ImageRecord> {};
    auto exact = select(QStringLiteral("WHERE i.uuid = ?"), { arg.toLower() });
    if (!exact || !exact->isEmpty())
        return exact;
    // The name index is case-blind (images_by_name, NOCASE): a plain
    // `name = ?` cannot search it and read every row of the catalog, over
    // a second per name at a million images. Its case-blind match narrows
    // to the index entries, the exact one picks from them.
    auto named = select(QStringLiteral("WHERE i.name = ? COLLATE NOCASE AND i.name = ?"),
        { arg, arg }, QStringLiteral(" ORDER BY i.id"));
    if (!named)
        return named;
    // A short id and a name can be the same text (a picture named "2024"
    // or "cafe"): then it names both, and the caller says it names several,
    // rather than acting on the one the id happens to start with.
    if (const QVariantList range = idPrefixRange(arg); !range.isEmpty()) {
        auto prefixed = select(QStringLiteral("WHERE i.uuid >= ? AND i.uuid < ?"), range);
        if (!prefixed)
            return prefixed;
        for (const ImageRecord &image : std::as_const(*named)) {
            if (!std::any_of(prefixed->cbegin(), prefixed->cend(),
                    [&image](const ImageRecord &r) { return r.key == image.key; }))
                prefixed->append(image);
        }
        return prefixed;
    }
    return named;
}

Result<void> CatalogReader::forEach(const std::function<bool(const ImageRecord &)> &visit)
{
    QSqlQuery q = m_catalog.query(QLatin1String(kSelectImages) + QStringLiteral(" ORDER BY i.id"));
    if (auto r = execQuery(q); !r)
        return r;
    const ImageColumns columns(q.record());
    while (q.next()) {
        if (!visit(recordFrom(q, columns)))
            break;
    }
    return {};
}

Result<QString> CatalogReader::walkSql(const ImageQuery &asked, Detail detail, QVariantList &binds)
{
    auto prepared = prepare(asked);
    if (!prepared)
        return prepared.failure();
    const ImageQuery &query = *prepared;
    const QString where = whereFor(query, binds, Drive::Matches, driverFor(query));
    QString select = QLatin1String(kSelectImages);
    if (detail == Detail::WithoutSources)
        select.replace(QLatin1String(kSourceListColumn), QLatin1String("NULL AS source_list"));
    return select + joinFor(query.order, query.collectionId) + where + orderBy(query.order);
}

Result<void> CatalogReader::forEachRow(
    const ImageQuery &query, const std::function<bool(const ImageRow &)> &visit, Detail detail)
{
    QVariantList binds;
    const auto sql = walkSql(query, detail, binds);
    if (!sql)
        return sql.failure();
    return ImageRow::walk(m_catalog.db(), *sql, binds, visit);
}

Result<void> CatalogReader::forEach(
    const ImageQuery &query, const std::function<bool(const ImageRecord &)> &visit, Detail detail)
{
    QVariantList binds;
    const auto sql = walkSql(query, detail, binds);
    if (!sql)
        return sql.failure();
    QSqlQuery q = m_catalog.query(*sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto r = execQuery(q); !r)
        return r;
    const ImageColumns columns(q.record());
    while (q.next()) {
        if (!visit(recordFrom(q, columns)))
            break;
    }
    return {};
}

Result<void> CatalogReader::selectTrash(const QString &tail, const QVariantList &binds,
    const std::function<bool(const TrashRecord &)> &visit)
{
    QSqlQuery q = m_catalog.query(
        QStringLiteral(
            "SELECT id, uuid, name, sha256, format, width, height, original_bytes, "
            "stored_bytes, added_at, damaged, annotation, found_on, rating, favourite, tags, "
            "sources, trashed_at "
            "FROM trash ")
        + tail);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto r = execQuery(q); !r)
        return r;
    while (q.next()) {
        if (!visit(trashRecordFrom(q)))
            break;
    }
    return {};
}

Result<QList<TrashRecord>> CatalogReader::trashWhere(const QString &tail, const QVariantList &binds)
{
    QList<TrashRecord> out;
    auto r = selectTrash(tail, binds, [&out](const TrashRecord &t) {
        out.append(t);
        return true;
    });
    if (!r)
        return r.failure();
    return out;
}

Result<QList<TrashRecord>> CatalogReader::trash(qint64 limit, qint64 offset, const QString &filter)
{
    QVariantList binds;
    const QString where = trashFilterWhere(filter, &binds);
    return trashWhere(where + trashOrderBy(TrashOrder::NewestFirst)
            + QStringLiteral(" LIMIT %1 OFFSET %2")
                  .arg(limit < 0 ? -1 : limit)
                  .arg(std::max<qint64>(offset, 0)),
        binds);
}

Result<qint64> CatalogReader::trashCount(const QString &filter)
{
    QVariantList binds;
    QSqlQuery q = m_catalog.query(
        QStringLiteral("SELECT count(*) FROM trash ") + trashFilterWhere(filter, &binds));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto r = execQuery(q); !r)
        return r.failure();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<qint64> CatalogReader::trashNewest()
{
    QSqlQuery q = m_catalog.query(QStringLiteral("SELECT max(trashed_at) FROM trash"));
    if (auto r = execQuery(q); !r)
        return r.failure();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<qint64> CatalogReader::dataVersion()
{
    QSqlQuery q = m_catalog.query(QStringLiteral("PRAGMA data_version"));
    if (auto r = execQuery(q); !r)
        return r.failure();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<QList<qint64>> CatalogReader::trashKeys(qint64 offset, qint64 limit, const QString &filter)
{
    // trash_by_trashed(trashed_at, id) holds the order and the key: without
    // a filter the rows themselves are not read.
    QVariantList binds;
    const QString where = trashFilterWhere(filter, &binds);
    binds << std::max<qint64>(limit, 0) << std::max<qint64>(offset, 0);
    return keysOf(m_catalog,
        QStringLiteral("SELECT id FROM trash ") + where + trashOrderBy(TrashOrder::NewestFirst)
            + QStringLiteral(" LIMIT ? OFFSET ?"),
        binds);
}

Result<QList<qint64>> CatalogReader::trashKeysInOrder(const QString &filter, TrashOrder order)
{
    QVariantList binds;
    const QString where = trashFilterWhere(filter, &binds);
    return keysOf(
        m_catalog, QStringLiteral("SELECT id FROM trash ") + where + trashOrderBy(order), binds);
}

Result<QList<TrashRecord>> CatalogReader::trashRecords(const QList<qint64> &keys)
{
    if (keys.isEmpty())
        return QList<TrashRecord> {};
    QStringList ids;
    ids.reserve(keys.size());
    for (const qint64 key : keys)
        ids.append(QString::number(key));
    auto found = trashWhere(QStringLiteral("WHERE id IN (%1)").arg(ids.join(QLatin1Char(','))), {});
    if (!found)
        return found;
    QHash<qint64, qsizetype> at;
    for (qsizetype i = 0; i < found->size(); ++i)
        at.insert(found->at(i).image.key, i);
    QList<TrashRecord> out;
    out.reserve(found->size());
    for (const qint64 key : keys) {
        if (const auto it = at.constFind(key); it != at.cend())
            out.append(found->at(*it));
    }
    return out;
}

Result<QList<TrashRecord>> CatalogReader::resolveTrash(const QString &idOrName)
{
    const QString arg = idOrName.trimmed();
    if (arg.isEmpty())
        return QList<TrashRecord> {};
    auto exact = trashWhere(QStringLiteral("WHERE uuid = ?"), { arg.toLower() });
    if (!exact || !exact->isEmpty())
        return exact;
    auto named = trashWhere(QStringLiteral("WHERE name = ? ORDER BY id"), { arg });
    if (!named)
        return named;
    // A short id that is also a name names both (see resolve()).
    if (const QVariantList range = idPrefixRange(arg); !range.isEmpty()) {
        auto prefixed = trashWhere(QStringLiteral("WHERE uuid >= ? AND uuid < ?"), range);
        if (!prefixed)
            return prefixed;
        for (const TrashRecord &entry : std::as_const(*named)) {
            if (!std::any_of(prefixed->cbegin(), prefixed->cend(),
                    [&entry](const TrashRecord &r) { return r.image.id == entry.image.id; }))
                prefixed->append(entry);
        }
        return prefixed;
    }
    return named;
}

Result<void> CatalogReader::forEachTrashed(
    const std::function<bool(const TrashRecord &)> &visit, const QString &filter)
{
    QVariantList binds;
    const QString where = trashFilterWhere(filter, &binds);
    return selectTrash(where + trashOrderBy(TrashOrder::NewestFirst), binds, visit);
}

Result<QByteArray> CatalogReader::thumbnail(qint64 key)
{
    QSqlQuery q = m_thumbs.query(QStringLiteral("SELECT data FROM thumbs WHERE image_id = ?"));
    q.bindValue(0, key);
    if (auto r = execQuery(q); !r)
        return r.failure();
    return q.next() ? q.value(0).toByteArray() : QByteArray();
}

Result<QList<QPair<QString, qint64>>> CatalogReader::formatCounts()
{
    return pairs(m_catalog,
        QStringLiteral("SELECT format, images AS n FROM format_counts ORDER BY n DESC, format"));
}

Result<QList<QPair<QString, qint64>>> CatalogReader::hostCounts(int limit)
{
    return pairs(m_catalog,
        QStringLiteral("SELECT host, count(DISTINCT image_id) AS n FROM sources WHERE host != '' "
                       "GROUP BY host ORDER BY n DESC, host LIMIT %1")
            .arg(limit));
}

} // namespace trove

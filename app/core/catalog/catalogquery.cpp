// SPDX-License-Identifier: MIT
#include "catalog/catalogquery.h"

#include "catalog/searchsql.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>

namespace trove {

bool ImageQuery::isFiltered() const
{
    return !tag.trimmed().isEmpty() || !search.trimmed().isEmpty();
}

bool ImageQuery::isCollectionOrder(Order order)
{
    return order == Order::CollectionOrder || order == Order::CollectionOrderBackwards;
}

} // namespace trove

namespace trove::querysql {

const char *const kSourceListColumn
    = "(SELECT group_concat(url, char(10)) FROM (SELECT url FROM sources WHERE image_id = i.id "
      "ORDER BY added_at, url)) AS source_list";

const char *const kSelectImages
    = "SELECT i.id, i.uuid, i.name, i.sha256, i.format, i.width, i.height, i.original_bytes, "
      "i.stored_bytes, i.added_at, "
      "(SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM tags WHERE image_id = i.id ORDER "
      "BY tag_key)) AS tag_list, "
      "(SELECT group_concat(url, char(10)) FROM (SELECT url FROM sources WHERE image_id = i.id "
      "ORDER BY added_at, url)) AS source_list, i.damaged, i.annotation, i.found_on, i.animated, "
      "i.rating, i.favourite "
      "FROM images i ";

ImageColumns::ImageColumns(const QSqlRecord &row)
    : key(row.indexOf(QStringLiteral("id")))
    , uuid(row.indexOf(QStringLiteral("uuid")))
    , name(row.indexOf(QStringLiteral("name")))
    , sha256(row.indexOf(QStringLiteral("sha256")))
    , format(row.indexOf(QStringLiteral("format")))
    , width(row.indexOf(QStringLiteral("width")))
    , height(row.indexOf(QStringLiteral("height")))
    , originalBytes(row.indexOf(QStringLiteral("original_bytes")))
    , storedBytes(row.indexOf(QStringLiteral("stored_bytes")))
    , addedAt(row.indexOf(QStringLiteral("added_at")))
    , tags(row.indexOf(QStringLiteral("tag_list")))
    , sources(row.indexOf(QStringLiteral("source_list")))
    , damaged(row.indexOf(QStringLiteral("damaged")))
    , annotation(row.indexOf(QStringLiteral("annotation")))
    , foundOn(row.indexOf(QStringLiteral("found_on")))
    , animated(row.indexOf(QStringLiteral("animated")))
    , rating(row.indexOf(QStringLiteral("rating")))
    , favourite(row.indexOf(QStringLiteral("favourite")))
{
}

ImageRecord recordFrom(const QSqlQuery &q, const ImageColumns &c)
{
    ImageRecord r;
    r.key = q.value(c.key).toLongLong();
    r.id = q.value(c.uuid).toString();
    r.name = q.value(c.name).toString();
    r.sha256 = q.value(c.sha256).toString();
    r.format = q.value(c.format).toString();
    r.width = q.value(c.width).toInt();
    r.height = q.value(c.height).toInt();
    r.originalBytes = q.value(c.originalBytes).toLongLong();
    r.storedBytes = q.value(c.storedBytes).toLongLong();
    r.addedAt = QDateTime::fromMSecsSinceEpoch(q.value(c.addedAt).toLongLong(), Qt::UTC);
    r.tags = q.value(c.tags).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.sources = q.value(c.sources).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.damaged = q.value(c.damaged).toBool();
    r.annotation = q.value(c.annotation).toString();
    r.foundOn = q.value(c.foundOn).toString();
    r.animated = q.value(c.animated).toBool();
    r.rating = q.value(c.rating).toInt();
    r.favourite = q.value(c.favourite).toBool();
    return r;
}

namespace {

bool ascending(ImageQuery::Order order)
{
    switch (order) {
    case ImageQuery::Order::OldestFirst:
    case ImageQuery::Order::NameAscending:
    case ImageQuery::Order::SmallestFirst:
    case ImageQuery::Order::FewestPixelsFirst:
    case ImageQuery::Order::Shuffled:
    case ImageQuery::Order::RatingAscending:
    case ImageQuery::Order::CollectionOrder:
        return true;
    case ImageQuery::Order::NewestFirst:
    case ImageQuery::Order::NameDescending:
    case ImageQuery::Order::LargestFirst:
    case ImageQuery::Order::MostPixelsFirst:
    case ImageQuery::Order::ShuffledBackwards:
    case ImageQuery::Order::RatingDescending:
    case ImageQuery::Order::CollectionOrderBackwards:
        break;
    }
    return false;
}

bool shuffled(ImageQuery::Order order)
{
    return order == ImageQuery::Order::Shuffled || order == ImageQuery::Order::ShuffledBackwards;
}

// The tie-breaker: the image key, as the order's index holds it.
QString tieValue(ImageQuery::Order order)
{
    if (ImageQuery::isCollectionOrder(order))
        return QStringLiteral("c.image_id");
    return shuffled(order) ? QStringLiteral("s.image_id") : QStringLiteral("i.id");
}

} // namespace

QString sortValue(ImageQuery::Order order)
{
    switch (order) {
    case ImageQuery::Order::NameAscending:
    case ImageQuery::Order::NameDescending:
        return QStringLiteral("i.name_key");
    case ImageQuery::Order::LargestFirst:
    case ImageQuery::Order::SmallestFirst:
        return QStringLiteral("i.original_bytes");
    case ImageQuery::Order::MostPixelsFirst:
    case ImageQuery::Order::FewestPixelsFirst:
        return QStringLiteral("i.width * i.height");
    case ImageQuery::Order::Shuffled:
    case ImageQuery::Order::ShuffledBackwards:
        return QStringLiteral("s.key");
    case ImageQuery::Order::RatingDescending:
    case ImageQuery::Order::RatingAscending:
        // Rating, then the time added, as one number (added_at stays below
        // 2^42 ms, until 2109), spelt as images_by_rating_order is.
        return QStringLiteral("(i.rating * 4398046511104 + i.added_at)");
    case ImageQuery::Order::CollectionOrder:
    case ImageQuery::Order::CollectionOrderBackwards:
        // collection_items_by_position is (collection_id, position) on a
        // WITHOUT ROWID table: its entries end in the primary key's
        // image_id, so (position, image_id) is the index's own order.
        return QStringLiteral("c.position");
    case ImageQuery::Order::NewestFirst:
    case ImageQuery::Order::OldestFirst:
        break;
    }
    return QStringLiteral("i.added_at");
}

QString joinFor(ImageQuery::Order order, qint64 collectionId)
{
    // The collection's key is a number the reader looked up, written into
    // the text so that every statement keeps its binds as they were.
    if (ImageQuery::isCollectionOrder(order))
        return QStringLiteral(
            "JOIN collection_items c ON c.image_id = i.id AND c.collection_id = %1 ")
            .arg(collectionId);
    return shuffled(order) ? QStringLiteral("JOIN image_shuffle s ON s.image_id = i.id ")
                           : QString();
}

QString walkFrom(ImageQuery::Order order, bool filtered, qint64 collectionId)
{
    if (shuffled(order) && !filtered)
        return QStringLiteral("FROM image_shuffle s ");
    // The whole collection: its position index alone, less the members in
    // the trash (they wait there for their restore and are not shown; every
    // other member is in `images`). Looking each member up in `images`
    // instead cost 110 ms at page 100 of 333,333 members, this 10.
    if (ImageQuery::isCollectionOrder(order) && !filtered)
        return QStringLiteral("FROM (SELECT image_id, position FROM collection_items WHERE "
                              "collection_id = %1 AND image_id NOT IN (SELECT id FROM trash)) c ")
            .arg(collectionId);
    return QStringLiteral("FROM images i ") + joinFor(order, collectionId);
}

QString walkKey(ImageQuery::Order order, bool filtered)
{
    if (ImageQuery::isCollectionOrder(order) && !filtered)
        return QStringLiteral("c.image_id");
    return shuffled(order) && !filtered ? QStringLiteral("s.image_id") : QStringLiteral("i.id");
}

QString orderBy(ImageQuery::Order order)
{
    const QLatin1String direction = ascending(order) ? QLatin1String("ASC") : QLatin1String("DESC");
    return QStringLiteral(" ORDER BY %1 %3, %2 %3")
        .arg(sortValue(order), tieValue(order), direction);
}

ImageQuery::Order reversed(ImageQuery::Order order)
{
    switch (order) {
    case ImageQuery::Order::NewestFirst:
        return ImageQuery::Order::OldestFirst;
    case ImageQuery::Order::OldestFirst:
        return ImageQuery::Order::NewestFirst;
    case ImageQuery::Order::NameAscending:
        return ImageQuery::Order::NameDescending;
    case ImageQuery::Order::RatingDescending:
        return ImageQuery::Order::RatingAscending;
    case ImageQuery::Order::RatingAscending:
        return ImageQuery::Order::RatingDescending;
    case ImageQuery::Order::NameDescending:
        return ImageQuery::Order::NameAscending;
    case ImageQuery::Order::LargestFirst:
        return ImageQuery::Order::SmallestFirst;
    case ImageQuery::Order::SmallestFirst:
        return ImageQuery::Order::LargestFirst;
    case ImageQuery::Order::MostPixelsFirst:
        return ImageQuery::Order::FewestPixelsFirst;
    case ImageQuery::Order::FewestPixelsFirst:
        return ImageQuery::Order::MostPixelsFirst;
    case ImageQuery::Order::Shuffled:
        return ImageQuery::Order::ShuffledBackwards;
    case ImageQuery::Order::CollectionOrder:
        return ImageQuery::Order::CollectionOrderBackwards;
    case ImageQuery::Order::CollectionOrderBackwards:
        return ImageQuery::Order::CollectionOrder;
    case ImageQuery::Order::ShuffledBackwards:
        break;
    }
    return ImageQuery::Order::Shuffled;
}

QString beforeClause(ImageQuery::Order order)
{
    const QLatin1String before = ascending(order) ? QLatin1String("<") : QLatin1String(">");
    return QStringLiteral("(%1 %3 ? OR (%1 = ? AND %2 %3 ?))")
        .arg(sortValue(order), tieValue(order), before);
}

bool sortsElsewhere(ImageQuery::Order order, const ImageRecord &before, const ImageRecord &after)
{
    switch (order) {
    case ImageQuery::Order::NameAscending:
    case ImageQuery::Order::NameDescending:
        return before.name != after.name;
    case ImageQuery::Order::RatingDescending:
    case ImageQuery::Order::RatingAscending:
        return before.rating != after.rating;
    case ImageQuery::Order::LargestFirst:
    case ImageQuery::Order::SmallestFirst:
        return before.originalBytes != after.originalBytes;
    case ImageQuery::Order::MostPixelsFirst:
    case ImageQuery::Order::FewestPixelsFirst:
        return qint64(before.width) * before.height != qint64(after.width) * after.height;
    case ImageQuery::Order::NewestFirst:
    case ImageQuery::Order::OldestFirst:
    case ImageQuery::Order::Shuffled:
    case ImageQuery::Order::ShuffledBackwards:
    case ImageQuery::Order::CollectionOrder:
    case ImageQuery::Order::CollectionOrderBackwards:
        // A move in a collection is no change of the image: the change
        // feed tells of it as CollectionsChanged, and the model re-reads.
        break;
    }
    return false;
}

bool isAscii(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
}

QString phraseFor(const QString &search)
{
    QString phrase = search;
    phrase.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + phrase + QLatin1Char('"');
}

bool countsInSteps(const ImageQuery &query)
{
    return !steppedText(query).isEmpty();
}

QString steppedText(const ImageQuery &query)
{
    if (!query.tag.trimmed().isEmpty())
        return {};
    const search::Parsed parsed = search::SearchLanguage::parse(query.search);
    const search::Node &root = parsed.root;
    return root.kind == search::Node::Kind::Text && root.text.size() >= 3 ? root.text : QString();
}

QString whereFor(const ImageQuery &query, QVariantList &binds, Drive drive)
{
    const auto conjuncts = conjunctsOf(searchRoot(query));
    return whereFor(query, binds, drive, defaultDriver(conjuncts));
}

QString whereFor(const ImageQuery &query, QVariantList &binds, Drive drive, const Driver &driver)
{
    if (searchError(query))
        return QStringLiteral("WHERE 0");
    const QString condition = conditionFor(conjunctsOf(searchRoot(query)), drive, driver, binds);
    return condition.isEmpty() ? QString() : QStringLiteral("WHERE ") + condition;
}

QString likeContains(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

} // namespace trove::querysql

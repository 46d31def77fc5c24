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

} // namespace trove

namespace trove::querysql {

const char *const kSourceListColumn
    = "(SELECT group_concat(url, char(10)) FROM (SELECT url FROM sources WHERE image_id = i.id "
      "ORDER BY added_at, url)) AS source_list";

const char *const kSelectImages
    = "SELECT i.id, i.uuid, i.name, i.sha256, i.format, i.width, i.height, i.original_bytes, "
      "i.stored_bytes, i.added_at, "
      "(SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM tags WHERE image_id = i.id ORDER "
      "BY tag)) AS tag_list, "
      "(SELECT group_concat(url, char(10)) FROM (SELECT url FROM sources WHERE image_id = i.id "
      "ORDER BY added_at, url)) AS source_list, i.damaged, i.annotation, i.animated, i.rating, "
      "i.favourite "
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
    r.animated = q.value(c.animated).toBool();
    r.rating = q.value(c.rating).toInt();
    r.favourite = q.value(c.favourite).toBool();
    return r;
}

QString orderBy(ImageQuery::Order order)
{
    switch (order) {
    case ImageQuery::Order::OldestFirst:
        return QStringLiteral(" ORDER BY i.added_at ASC, i.id ASC");
    case ImageQuery::Order::NameAscending:
        return QStringLiteral(" ORDER BY i.name COLLATE NOCASE ASC, i.id ASC");
    case ImageQuery::Order::NameDescending:
        return QStringLiteral(" ORDER BY i.name COLLATE NOCASE DESC, i.id DESC");
    // Both walk images_by_rating (rating, added_at, id), one each way.
    case ImageQuery::Order::RatingDescending:
        return QStringLiteral(" ORDER BY i.rating DESC, i.added_at DESC, i.id DESC");
    case ImageQuery::Order::RatingAscending:
        return QStringLiteral(" ORDER BY i.rating ASC, i.added_at ASC, i.id ASC");
    case ImageQuery::Order::NewestFirst:
        break;
    }
    return QStringLiteral(" ORDER BY i.added_at DESC, i.id DESC");
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
        break;
    }
    return ImageQuery::Order::NameAscending;
}

QString beforeClause(ImageQuery::Order order)
{
    switch (order) {
    case ImageQuery::Order::NewestFirst:
        return QStringLiteral("(i.added_at > ? OR (i.added_at = ? AND i.id > ?))");
    case ImageQuery::Order::OldestFirst:
        return QStringLiteral("(i.added_at < ? OR (i.added_at = ? AND i.id < ?))");
    case ImageQuery::Order::NameAscending:
        return QStringLiteral(
            "(i.name < ? COLLATE NOCASE OR (i.name = ? COLLATE NOCASE AND i.id < ?))");
    case ImageQuery::Order::RatingDescending:
        return QStringLiteral("(i.rating > ? OR (i.rating = ? AND (i.added_at > ? OR (i.added_at "
                              "= ? AND i.id > ?))))");
    case ImageQuery::Order::RatingAscending:
        return QStringLiteral("(i.rating < ? OR (i.rating = ? AND (i.added_at < ? OR (i.added_at "
                              "= ? AND i.id < ?))))");
    case ImageQuery::Order::NameDescending:
        break;
    }
    return QStringLiteral(
        "(i.name > ? COLLATE NOCASE OR (i.name = ? COLLATE NOCASE AND i.id > ?))");
}

QVariantList beforeValues(ImageQuery::Order order, qint64 key, const QVariant &added,
    const QVariant &name, const QVariant &rating)
{
    switch (order) {
    case ImageQuery::Order::NameAscending:
    case ImageQuery::Order::NameDescending:
        return { name, name, key };
    case ImageQuery::Order::RatingDescending:
    case ImageQuery::Order::RatingAscending:
        return { rating, rating, added, added, key };
    case ImageQuery::Order::NewestFirst:
    case ImageQuery::Order::OldestFirst:
        break;
    }
    return { added, added, key };
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
    case ImageQuery::Order::NewestFirst:
    case ImageQuery::Order::OldestFirst:
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

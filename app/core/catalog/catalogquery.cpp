// SPDX-License-Identifier: MIT
#include "catalog/catalogquery.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>

namespace trove {

void ImageQuery::parseSearch(const QString &text, QString *tag, QString *search)
{
    static const QRegularExpression tagRe(QStringLiteral("(?:^|\\s)tag:(?:\"([^\"]*)\"|(\\S+))"),
        QRegularExpression::CaseInsensitiveOption);
    QString rest = text;
    QString found;
    auto match = tagRe.match(rest);
    if (match.hasMatch()) {
        found = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
        rest.remove(match.capturedStart(0), match.capturedLength(0));
    }
    *tag = found.trimmed();
    *search = rest.simplified();
}

} // namespace trove

namespace trove::querysql {

const char *const kSelectImages
    = "SELECT i.id, i.uuid, i.name, i.sha256, i.format, i.width, i.height, i.original_bytes, "
      "i.stored_bytes, i.added_at, "
      "(SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM tags WHERE image_id = i.id ORDER "
      "BY tag)) AS tag_list, "
      "(SELECT group_concat(url, char(10)) FROM (SELECT url FROM sources WHERE image_id = i.id "
      "ORDER BY added_at, url)) AS source_list, i.damaged, i.annotation, i.animated FROM images i ";

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
    case ImageQuery::Order::NameDescending:
        break;
    }
    return QStringLiteral(
        "(i.name > ? COLLATE NOCASE OR (i.name = ? COLLATE NOCASE AND i.id > ?))");
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
    return query.tag.isEmpty() && query.search.trimmed().size() >= 3;
}

QString whereFor(const ImageQuery &query, QVariantList &binds, Drive drive)
{
    QStringList clauses;
    if (!query.tag.isEmpty()) {
        // tags.tag is COLLATE NOCASE: the comparison ignores case and uses
        // the tags_by_tag index.
        clauses << (drive == Drive::Matches
                ? QStringLiteral("i.id IN (SELECT image_id FROM tags WHERE tag = ?)")
                : QStringLiteral(
                    "EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id AND t.tag = ?)"));
        binds << query.tag;
    }
    const QString search = query.search.trimmed();
    if (search.size() >= 3) {
        // The trigram index answers substrings of three characters or more;
        // a quoted phrase takes the text literally (quotes doubled). The unary
        // + keeps SQLite from driving the query from the match list.
        if (drive == Drive::Order && isAscii(search)) {
            // Walking the order, each row is tested on its own text: the
            // index's stored columns, read by key. For ASCII text LIKE and
            // the trigram index agree (both fold ASCII case only, and the
            // columns are the ones the index matches), and the test costs
            // ~0.4 µs, where `IN (MATCH)` would first collect every match
            // (0.35 s for a word in all of a million images).
            const QString like = likeContains(search);
            clauses << QStringLiteral(
                "EXISTS (SELECT 1 FROM image_text_content c WHERE c.id = i.id AND "
                "(c.c0 LIKE ? ESCAPE '\\' OR c.c1 LIKE ? ESCAPE '\\' OR c.c2 LIKE ? ESCAPE '\\'))");
            binds << like << like << like;
        } else {
            clauses << (drive == Drive::Matches
                    ? QStringLiteral(
                        "i.id IN (SELECT rowid FROM image_text WHERE image_text MATCH ?)")
                    : QStringLiteral(
                        "+i.id IN (SELECT rowid FROM image_text WHERE image_text MATCH ?)"));
            binds << phraseFor(search);
        }
    } else if (!search.isEmpty()) {
        // One or two characters: no trigram to look up, scan.
        const QString like = likeContains(search);
        clauses << QStringLiteral(
            "(i.name LIKE ? ESCAPE '\\' "
            "OR EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id AND t.tag LIKE ? ESCAPE '\\') "
            "OR EXISTS (SELECT 1 FROM sources s WHERE s.image_id = i.id AND s.host LIKE ? ESCAPE "
            "'\\'))");
        binds << like << like << like;
    }
    return clauses.isEmpty() ? QString()
                             : QStringLiteral("WHERE ") + clauses.join(QStringLiteral(" AND "));
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

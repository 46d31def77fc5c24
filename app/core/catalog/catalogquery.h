// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"

#include <QString>
#include <QVariantList>

class QSqlQuery;
class QSqlRecord;

namespace trove {

/// A filter and order over the catalog.
struct ImageQuery {
    enum class Order { NewestFirst, OldestFirst, NameAscending, NameDescending };

    QString tag; ///< only images with this tag (case-insensitive)
    QString search; ///< substring of the name, a tag or a source host
    Order order = Order::NewestFirst;

    bool operator==(const ImageQuery &) const = default;

    /// The search language of the window's search field, shared with the
    /// local API's `search=`: `tag:cats` (or `tag:"big cats"`) filters by
    /// one tag; the rest, white space simplified, is the substring search.
    static void parseSearch(const QString &text, QString *tag, QString *search);
};

/// How a query over the catalog becomes SQL: pure functions of values, no
/// connection, no state, any thread. CatalogReader runs what they build; the
/// search language and the local API's keyset pages will build on them.
namespace querysql {

/// The columns every image read selects (aliased: read them by name).
extern const char *const kSelectImages;
/// Where each column of kSelectImages is, found by name once per query.
struct ImageColumns {
    explicit ImageColumns(const QSqlRecord &row);
    int key, uuid, name, sha256, format, width, height, originalBytes, storedBytes, addedAt, tags,
        sources, damaged, annotation, animated;
};
/// A record from a row of kSelectImages.
ImageRecord recordFrom(const QSqlQuery &q, const ImageColumns &columns);

QString orderBy(ImageQuery::Order order);
ImageQuery::Order reversed(ImageQuery::Order order);
/// Rows that come before row (key, added, name) in @p order; binds
/// the sort value twice, then the key.
QString beforeClause(ImageQuery::Order order);

/// How a filtered page is found. Few matches: collect them from the tag or
/// search index and sort those (Matches). Many: walk the order's index and
/// test each row, stopping once the page is full (Order). Either is fast
/// where the other is slow; at a million images a rare tag costs 200 ms one
/// way and 1 ms the other, a tag on a third of the images the reverse.
enum class Drive { Matches, Order };

bool isAscii(const QString &text);
/// A quoted FTS5 phrase: the text literally, quotes doubled.
QString phraseFor(const QString &search);
/// Only a text search of three characters or more, with no tag.
bool countsInSteps(const ImageQuery &query);
/// "WHERE …" for @p query (empty when it matches everything); appends the
/// values to bind, in order, to @p binds.
QString whereFor(const ImageQuery &query, QVariantList &binds, Drive drive = Drive::Matches);
/// `LIKE` pattern matching @p text anywhere, with %, _ and \ escaped.
QString likeContains(const QString &text);

} // namespace querysql

} // namespace trove

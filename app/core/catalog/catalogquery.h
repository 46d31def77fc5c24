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
    /// Each order walks an index (schema: images_by_added, _by_name_key,
    /// _by_bytes, _by_pixels, image_shuffle_by_key), so that a first screen
    /// and every later page cost the same at a million images. Names sort
    /// naturally (base/naturalkey.h); ties go by image key. Stored as these
    /// numbers in settings: append, never renumber.
    enum class Order {
        NewestFirst,
        OldestFirst,
        NameAscending,
        NameDescending,
        LargestFirst, ///< original bytes
        SmallestFirst,
        MostPixelsFirst, ///< width × height
        FewestPixelsFirst,
        /// A random order kept until Shuffle Again (CatalogWriter::shuffle()).
        Shuffled,
        /// Shuffled read from its end: how a reader reaches the last pages
        /// quickly (reversed()); no person picks it.
        ShuffledBackwards,
        /// Highest rated first, ties newest first; its reverse.
        RatingDescending,
        RatingAscending,
        /// A hand-made collection's own order (drag to reorder), walked on
        /// collection_items_by_position, ties by image key. Needs
        /// collectionId, or a search that is exactly one hand-made
        /// `in:"name"`; without either it reads as NewestFirst.
        CollectionOrder,
        /// CollectionOrder read from its end (reversed()); no person picks it.
        CollectionOrderBackwards,
    };

    QString tag; ///< only images with this tag (case-insensitive), ANDed with search
    /// A search in the search language (catalog/searchlanguage.h), as the
    /// window's search box, `trove list --search` and the API's `search=`
    /// take it: `tag:cats -tag:dogs format:png width:>1000 "big cat"`.
    QString search;
    Order order = Order::NewestFirst;
    /// The hand-made collection a collection order walks (collections.id);
    /// 0: the one the search names (CatalogReader::prepare() finds it).
    qint64 collectionId = 0;

    bool operator==(const ImageQuery &) const = default;

    /// Whether it filters at all (an empty or blank search does not).
    bool isFiltered() const;
    /// Whether @p order is a collection's hand order (either way).
    static bool isCollectionOrder(Order order);
};

/// How a query over the catalog becomes SQL: pure functions of values, no
/// connection, no state, any thread. CatalogReader runs what they build; the
/// search language and the local API's keyset pages will build on them.
namespace querysql {

/// The columns every image read selects (aliased: read them by name).
extern const char *const kSelectImages;
/// The column of kSelectImages that reads the sources, as it is written there.
extern const char *const kSourceListColumn;
/// Where each column of kSelectImages is, found by name once per query.
struct ImageColumns {
    explicit ImageColumns(const QSqlRecord &row);
    int key, uuid, name, sha256, format, width, height, originalBytes, storedBytes, addedAt, tags,
        sources, damaged, annotation, foundOn, animated, rating, favourite;
};
/// A record from a row of kSelectImages.
ImageRecord recordFrom(const QSqlQuery &q, const ImageColumns &columns);

/// " ORDER BY …" for @p order, after "FROM images i " + joinFor() + a WHERE.
QString orderBy(ImageQuery::Order order);
ImageQuery::Order reversed(ImageQuery::Order order);
/// What must follow "FROM images i " for @p order to be sorted by (the
/// shuffle keys' table for the random order, the members of collection
/// @p collectionId for its hand order, else nothing).
QString joinFor(ImageQuery::Order order, qint64 collectionId = 0);
/// "FROM …" for a walk of @p order that reads only image keys: for every
/// image (@p filtered false) in the random order, the shuffle keys' table
/// alone (a row of `images` read for each row an OFFSET skips cost 0.4 s
/// at page 100 of a million); else "images i " + joinFor(). The key is
/// read as walkKey().
QString walkFrom(ImageQuery::Order order, bool filtered, qint64 collectionId = 0);
QString walkKey(ImageQuery::Order order, bool filtered);
/// The value @p order sorts by, as an SQL expression over `i` (and the
/// join): spelt as its index is, so that SQLite walks that index.
QString sortValue(ImageQuery::Order order);
/// Rows that come before a row in @p order; binds the row's sortValue()
/// twice, then its key.
QString beforeClause(ImageQuery::Order order);
/// Whether a row moves in @p order when @p before becomes @p after.
bool sortsElsewhere(ImageQuery::Order order, const ImageRecord &before, const ImageRecord &after);

/// How a filtered page is found. Few matches: collect them from the tag or
/// search index and sort those (Matches). Many: walk the order's index and
/// test each row, stopping once the page is full (Order). Either is fast
/// where the other is slow; at a million images a rare tag costs 200 ms one
/// way and 1 ms the other, a tag on a third of the images the reverse.
enum class Drive { Matches, Order };

bool isAscii(const QString &text);
/// A quoted FTS5 phrase: the text literally, quotes doubled.
QString phraseFor(const QString &search);
/// Only one text of three characters or more, nothing else.
bool countsInSteps(const ImageQuery &query);
/// That text, when countsInSteps().
QString steppedText(const ImageQuery &query);
/// "WHERE …" for @p query (empty when it matches everything); appends the
/// values to bind, in order, to @p binds. Under Drive::Matches the first
/// tag (else text, else the column terms) collects the matches; the
/// overload taking a Driver lets a reader pick a rarer one. A search that
/// cannot be read matches nothing: check searchError() first.
QString whereFor(const ImageQuery &query, QVariantList &binds, Drive drive = Drive::Matches);
struct Driver;
QString whereFor(const ImageQuery &query, QVariantList &binds, Drive drive, const Driver &driver);
/// `LIKE` pattern matching @p text anywhere, with %, _ and \ escaped.
QString likeContains(const QString &text);

} // namespace querysql

} // namespace trove

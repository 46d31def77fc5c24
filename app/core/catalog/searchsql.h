// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogquery.h"
#include "catalog/searchlanguage.h"

#include <QVariantList>

/// A parsed search as SQL over `images i`: pure functions of values, no
/// connection, any thread. Every value a person typed is bound, never
/// spliced into the text.
namespace trove::querysql {

/// The search of @p query, with its `tag` (the CLI's --tag, the API's
/// tag=) as one more term. An unreadable search answers All; check
/// searchError() first.
search::Node searchRoot(const ImageQuery &query);
/// Why @p query's search cannot be read, if it cannot.
std::optional<search::ParseError> searchError(const ImageQuery &query);

/// The terms that must all hold: the children of a top-level AND, the
/// root alone, or none for All.
std::vector<search::Node> conjunctsOf(const search::Node &root);

/// Which term collects the matches when the Matches drive is used.
struct Driver {
    enum class Kind {
        None, ///< no index finds the matches: walk the order
        Term, ///< conjunct @p index, a tag or a text of three characters or more
        Columns, ///< the format, size, dimension and date terms together
    };
    Kind kind = Kind::None;
    int index = -1;
};
/// The first tag, else the first text, else the column terms. A reader
/// that can estimate counts picks the rarest tag instead.
Driver defaultDriver(const std::vector<search::Node> &conjuncts);
/// Whether @p node can collect its matches from an index (tag, long text).
bool canDrive(const search::Node &node);
/// Whether @p node is `tag:x` or `-tag:x`.
bool isTagTerm(const search::Node &node);
/// "SELECT a.image_id FROM tags a WHERE …": the images with the driving
/// tag (conjunct @p driving) that pass every other tag term of
/// @p conjuncts, found on the tags indexes alone, without reading an image
/// row. The values to bind are appended to @p binds.
QString tagMatches(const std::vector<search::Node> &conjuncts, int driving, QVariantList &binds);
/// Whether @p driver is a tag and every conjunct a tag term: tagMatches()
/// then answers the whole search, and counting needs no image row.
bool tagsAlone(const std::vector<search::Node> &conjuncts, const Driver &driver);
/// Whether @p root is `tag:a OR tag:b …` and nothing else.
bool tagAlternatives(const search::Node &root);
/// "SELECT image_id FROM tags WHERE tag_key = ? AND image_id > ? AND
/// image_id <= ? UNION …" for each tag of tagAlternatives() @p root: its
/// matches among the keys in (@p after, @p upTo], on the tags index alone.
QString tagUnion(const search::Node &root, qint64 after, qint64 upTo, QVariantList &binds);
/// Whether @p node tests only columns of the image row.
bool isColumnTerm(const search::Node &node);

/// A condition on row `i` (no WHERE); the values to bind, in order, are
/// appended to @p binds.
QString rowTest(const search::Node &node, QVariantList &binds);
/// The whole condition for @p conjuncts under @p drive (empty: every
/// image). Matches: the driver collects, the rest test each match. Order:
/// every term tests each row as the order's index is walked.
QString conditionFor(const std::vector<search::Node> &conjuncts, Drive drive, const Driver &driver,
    QVariantList &binds);

} // namespace trove::querysql

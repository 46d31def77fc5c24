// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>
#include <vector>

namespace trove::search {

/// A column compared with a number: `width:>1000`, `size:<=2MB`.
enum class Field { Width, Height, Pixels, Size, Rating };
enum class Comparison { Less, LessOrEqual, Equal, GreaterOrEqual, Greater };

/// One node of a parsed search. A value: copy it, compare it, pass it
/// between threads.
struct Node {
    enum class Kind {
        All, ///< the empty search: every image
        And, ///< every child
        Or, ///< any child
        Not, ///< not its one child
        Text, ///< text: a substring of the name, a tag or a source host
        Tag, ///< text: one tag, exactly (case-insensitive)
        Site, ///< text: a source host or any of its subdomains (lower case)
        Format, ///< text: the format as the catalog stores it (lower case)
        Number, ///< field compared with number
        Added, ///< added_at in [from, to) (ms since the epoch, UTC)
        Untagged, ///< no tag at all
        Favourite, ///< marked as a favourite (`fav`)
        Collection, ///< text: in the collection of this name (case-insensitive)
    };
    Kind kind = Kind::All;
    std::vector<Node> children;
    QString text;
    Field field = Field::Width;
    Comparison comparison = Comparison::Equal;
    qint64 number = 0;
    qint64 from = 0;
    qint64 to = 0;
    /// Collection: where its term stands in the text, in characters, so
    /// that a smart collection's saved search can take its place.
    int position = 0;
    int length = 0;

    bool operator==(const Node &) const = default;
};

/// Why a search could not be read, and where: @p position and @p length
/// are in characters of the text as typed, for the window to underline.
struct ParseError {
    int position = 0;
    int length = 0;
    QString message;

    bool operator==(const ParseError &) const = default;
};

/// The text of a search, read.
struct Parsed {
    Node root;
    std::optional<ParseError> error; ///< set: root is All and means nothing

    bool ok() const { return !error.has_value(); }
};

/// Trove's one search language (README.md, "Searching"), parsed once here
/// for the window's search box, `trove list --search` and the local API.
/// Terms separated by spaces are ANDed; `-term` (or `NOT term`) negates;
/// `a OR b` for alternatives; parentheses group; "quoted text" is one term
/// (inside quotes `\"` is a quote and `\\` a backslash).
/// Predicates: tag:, site:, format:, width:, height:, pixels:, size:,
/// added:, rating:, untagged, fav, in: (a collection; CatalogReader checks
/// the name and puts a smart collection's search in its place). Pure; any
/// thread.
class SearchLanguage final {
    Q_DECLARE_TR_FUNCTIONS(SearchLanguage)

public:
    static Parsed parse(const QString &text);
    /// The predicate names, as typed before the colon.
    static QStringList predicateNames();
    /// The words that are terms of their own when not quoted (untagged,
    /// fav): with predicateNames(), everything the language knows.
    static QStringList bareWords();
    /// Every `in:` term under @p root, the last in the text first: a
    /// caller that replaces each by its position (a rename, a smart
    /// collection's search put in its place) keeps the earlier ones right.
    static std::vector<const Node *> collectionTerms(const Node &root);
};

} // namespace trove::search

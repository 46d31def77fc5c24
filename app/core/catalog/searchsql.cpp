// SPDX-License-Identifier: MIT
#include "catalog/searchsql.h"

#include "base/tagkey.h"
#include "catalog/collections.h"
#include "catalog/private/searchvalues.h"

#include <QStringList>
#include <algorithm>
#include <limits>

namespace trove::querysql {

using search::Comparison;
using search::Field;
using search::Node;

namespace {

// Whether an image has a tag, looked up in the tag's range of tags_by_key
// rather than by the table's primary key, which SQLite picks otherwise:
// the probes of one search stay in one range of the index instead of
// going all over a table a third larger (the key and the spelling), and
// counting `tag:tag-000 tag:tag-001` at a million images took 0.19 s by
// the primary key, 0.14 s by the index (0.15 s before tags had keys).
const QLatin1String kTagProbe("SELECT 1 FROM tags t INDEXED BY tags_by_key WHERE t.image_id =");

QString operatorOf(Comparison c)
{
    switch (c) {
    case Comparison::Less:
        return QStringLiteral("<");
    case Comparison::LessOrEqual:
        return QStringLiteral("<=");
    case Comparison::GreaterOrEqual:
        return QStringLiteral(">=");
    case Comparison::Greater:
        return QStringLiteral(">");
    case Comparison::Equal:
        break;
    }
    return QStringLiteral("=");
}

QString columnOf(Field f)
{
    switch (f) {
    case Field::Width:
        return QStringLiteral("i.width");
    case Field::Height:
        return QStringLiteral("i.height");
    case Field::Pixels:
        return QStringLiteral("(i.width * i.height)");
    case Field::Rating:
        return QStringLiteral("i.rating");
    case Field::Size:
        break;
    }
    return QStringLiteral("i.original_bytes");
}

QString textTest(const QString &text, QVariantList &binds)
{
    if (text.size() >= 3) {
        if (isAscii(text)) {
            // Each row is tested on its own text: the index's stored
            // columns, read by key. For ASCII text LIKE and the trigram
            // index agree (both fold ASCII case only, and the columns are
            // the ones the index matches), and the test costs ~0.4 µs,
            // where `IN (MATCH)` would first collect every match (0.35 s
            // for a word in all of a million images).
            const QString like = likeContains(text);
            binds << like << like << like;
            return QStringLiteral(
                "EXISTS (SELECT 1 FROM image_text_content c WHERE c.id = i.id AND "
                "(c.c0 LIKE ? ESCAPE '\\' OR c.c1 LIKE ? ESCAPE '\\' OR c.c2 LIKE ? ESCAPE '\\'))");
        }
        // The unary + keeps SQLite from driving the query from the match list.
        binds << phraseFor(text);
        return QStringLiteral("+i.id IN (SELECT rowid FROM image_text WHERE image_text MATCH ?)");
    }
    // One or two characters: no trigram to look up, scan. A tag's key is
    // folded in every script already; LIKE folds ASCII only.
    const QString like = likeContains(text);
    binds << like << likeContains(tagKey(text)) << like;
    return QStringLiteral(
        "(i.name LIKE ? ESCAPE '\\' "
        "OR EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id AND t.tag_key LIKE ? ESCAPE "
        "'\\') "
        "OR EXISTS (SELECT 1 FROM sources s WHERE s.image_id = i.id AND s.host LIKE ? ESCAPE "
        "'\\'))");
}

QString joined(const std::vector<Node> &children, const QString &op, QVariantList &binds)
{
    QStringList parts;
    for (const Node &child : children)
        parts << rowTest(child, binds);
    return QLatin1Char('(') + parts.join(op) + QLatin1Char(')');
}

/// Collects the matches of a driving term from its index.
QString collect(const Node &node, QVariantList &binds)
{
    if (node.kind == Node::Kind::Tag) {
        // By key (base/tagkey.h): any case, any script, on tags_by_key.
        binds << tagKey(node.text);
        return QStringLiteral("i.id IN (SELECT image_id FROM tags WHERE tag_key = ?)");
    }
    // The trigram index answers substrings of three characters or more; a
    // phrase takes the text literally (quotes doubled).
    binds << phraseFor(node.text);
    return QStringLiteral("i.id IN (SELECT rowid FROM image_text WHERE image_text MATCH ?)");
}

/// A format or number term as a condition an index can answer.
QString columnTest(const Node &node, QVariantList &binds)
{
    if (node.kind == Node::Kind::Format) {
        const QStringList formats = search::values::storedFormats(node.text);
        for (const QString &format : formats)
            binds << format;
        if (formats.size() == 1)
            return QStringLiteral("i.format = ?");
        return QStringLiteral("i.format IN (%1)")
            .arg(QStringList(formats.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    }
    if (node.kind == Node::Kind::Favourite) {
        // Word for word the partial index's condition (images_favourites),
        // so SQLite may read the favourites alone.
        return QStringLiteral("i.favourite != 0");
    }
    binds << node.number;
    return columnOf(node.field) + QLatin1Char(' ') + operatorOf(node.comparison)
        + QStringLiteral(" ?");
}

/// A column term for the columns' own index (images_by_format,
/// images_by_added): as plain a condition as can be.
QString indexedTest(const Node &node, QVariantList &binds)
{
    return node.kind == Node::Kind::Format || node.kind == Node::Kind::Number
            || node.kind == Node::Kind::Favourite
        ? columnTest(node, binds)
        : rowTest(node, binds);
}

} // namespace

Node searchRoot(const ImageQuery &query)
{
    Node root = search::SearchLanguage::parse(query.search).root;
    const QString tag = query.tag.trimmed();
    if (tag.isEmpty())
        return root;
    Node byTag;
    byTag.kind = Node::Kind::Tag;
    byTag.text = tag;
    if (root.kind == Node::Kind::All)
        return byTag;
    if (root.kind != Node::Kind::And) {
        Node both;
        both.kind = Node::Kind::And;
        both.children.push_back(std::move(root));
        root = std::move(both);
    }
    root.children.insert(root.children.begin(), std::move(byTag));
    return root;
}

std::optional<search::ParseError> searchError(const ImageQuery &query)
{
    return search::SearchLanguage::parse(query.search).error;
}

std::vector<Node> conjunctsOf(const Node &root)
{
    if (root.kind == Node::Kind::All)
        return {};
    if (root.kind == Node::Kind::And)
        return root.children;
    return { root };
}

bool isTagTerm(const Node &node)
{
    return node.kind == Node::Kind::Tag
        || (node.kind == Node::Kind::Not && node.children.front().kind == Node::Kind::Tag);
}

QString tagMatches(const std::vector<Node> &conjuncts, int driving, QVariantList &binds)
{
    QStringList tests { QStringLiteral("a.tag_key = ?") };
    binds << tagKey(conjuncts[size_t(driving)].text);
    for (size_t k = 0; k < conjuncts.size(); ++k) {
        const Node &node = conjuncts[k];
        if (int(k) == driving || !isTagTerm(node))
            continue;
        const bool negated = node.kind == Node::Kind::Not;
        binds << tagKey(negated ? node.children.front().text : node.text);
        tests << (negated ? QStringLiteral("NOT ") : QString())
                + QStringLiteral("EXISTS (%1 a.image_id AND t.tag_key = ?)").arg(kTagProbe);
    }
    return QStringLiteral("SELECT a.image_id FROM tags a WHERE ")
        + tests.join(QStringLiteral(" AND "));
}

bool tagsAlone(const std::vector<Node> &conjuncts, const Driver &driver)
{
    return driver.kind == Driver::Kind::Term
        && conjuncts[size_t(driver.index)].kind == Node::Kind::Tag
        && std::all_of(conjuncts.begin(), conjuncts.end(), isTagTerm);
}

bool tagAlternatives(const Node &root)
{
    return root.kind == Node::Kind::Or && !root.children.empty()
        && std::all_of(root.children.cbegin(), root.children.cend(),
            [](const Node &child) { return child.kind == Node::Kind::Tag; });
}

QString tagUnion(const Node &root, qint64 after, qint64 upTo, QVariantList &binds)
{
    QStringList branches;
    for (const Node &tag : root.children) {
        binds << tagKey(tag.text) << after << upTo;
        branches << QStringLiteral(
            "SELECT image_id FROM tags WHERE tag_key = ? AND image_id > ? AND image_id <= ?");
    }
    return branches.join(QStringLiteral(" UNION "));
}

bool canDrive(const Node &node)
{
    return node.kind == Node::Kind::Tag || (node.kind == Node::Kind::Text && node.text.size() >= 3);
}

bool isColumnTerm(const Node &node)
{
    return node.kind == Node::Kind::Format || node.kind == Node::Kind::Number
        || node.kind == Node::Kind::Added || node.kind == Node::Kind::Favourite;
}

Driver defaultDriver(const std::vector<Node> &conjuncts)
{
    for (Node::Kind kind : { Node::Kind::Tag, Node::Kind::Text }) {
        for (size_t k = 0; k < conjuncts.size(); ++k) {
            if (conjuncts[k].kind == kind && canDrive(conjuncts[k]))
                return { Driver::Kind::Term, int(k) };
        }
    }
    if (std::any_of(conjuncts.cbegin(), conjuncts.cend(), isColumnTerm))
        return { Driver::Kind::Columns, -1 };
    return {};
}

QString rowTest(const Node &node, QVariantList &binds)
{
    switch (node.kind) {
    case Node::Kind::All:
        return QStringLiteral("1");
    case Node::Kind::And:
        return joined(node.children, QStringLiteral(" AND "), binds);
    case Node::Kind::Or:
        return joined(node.children, QStringLiteral(" OR "), binds);
    case Node::Kind::Not:
        return QStringLiteral("NOT ") + rowTest(node.children.front(), binds);
    case Node::Kind::Text:
        return textTest(node.text, binds);
    case Node::Kind::Tag:
        binds << tagKey(node.text);
        return QStringLiteral("EXISTS (%1 i.id AND t.tag_key = ?)").arg(kTagProbe);
    case Node::Kind::Collection:
        // By key (Collections::nameKey(): any case of any script); a smart
        // collection's name was replaced by its search before
        // (CatalogReader), so this is a hand-made one's membership.
        binds << Collections::nameKey(node.text);
        return QStringLiteral(
            "EXISTS (SELECT 1 FROM collection_items ci JOIN collections k ON k.id = "
            "ci.collection_id WHERE ci.image_id = i.id AND k.name_key = ?)");
    case Node::Kind::Untagged:
        return QStringLiteral("NOT EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id)");
    case Node::Kind::Site:
        // The host itself or any host that ends in "." and it.
        binds << node.text << QStringLiteral("%.") + likeContains(node.text).mid(1).chopped(1);
        return QStringLiteral("EXISTS (SELECT 1 FROM sources s WHERE s.image_id = i.id AND "
                              "(s.host = ? OR s.host LIKE ? ESCAPE '\\'))");
    case Node::Kind::Format:
    case Node::Kind::Number:
    case Node::Kind::Favourite:
        // Walking the order, a test of each row: the unary + keeps SQLite
        // from reading images_by_format and sorting all it finds there
        // (0.8 s for `format:png width:>3000` at a million images).
        return QLatin1Char('+') + columnTest(node, binds);
    case Node::Kind::Added: {
        QStringList bounds;
        if (node.from != std::numeric_limits<qint64>::min()) {
            bounds << QStringLiteral("i.added_at >= ?");
            binds << node.from;
        }
        if (node.to != std::numeric_limits<qint64>::max()) {
            bounds << QStringLiteral("i.added_at < ?");
            binds << node.to;
        }
        return bounds.isEmpty()
            ? QStringLiteral("1")
            : QLatin1Char('(') + bounds.join(QStringLiteral(" AND ")) + QLatin1Char(')');
    }
    }
    return QStringLiteral("0");
}

QString conditionFor(
    const std::vector<Node> &conjuncts, Drive drive, const Driver &driver, QVariantList &binds)
{
    QStringList parts;
    if (drive == Drive::Matches && driver.kind == Driver::Kind::Term
        && conjuncts[size_t(driver.index)].kind == Node::Kind::Tag) {
        // The other tag terms are tested on the tags index alone, so only
        // the images that hold them all are read: of tag-050's 7,144
        // matches at a million images, 61 also have tag-020.
        parts << QStringLiteral("i.id IN (%1)").arg(tagMatches(conjuncts, driver.index, binds));
        for (size_t k = 0; k < conjuncts.size(); ++k) {
            if (int(k) != driver.index && !isTagTerm(conjuncts[k]))
                parts << rowTest(conjuncts[k], binds);
        }
    } else if (drive == Drive::Matches && driver.kind == Driver::Kind::Term) {
        parts << collect(conjuncts[size_t(driver.index)], binds);
        for (size_t k = 0; k < conjuncts.size(); ++k) {
            if (int(k) != driver.index)
                parts << rowTest(conjuncts[k], binds);
        }
    } else if (drive == Drive::Matches && driver.kind == Driver::Kind::Columns) {
        // The column terms find their rows through images_by_format (or
        // images_by_added) rather than along the order's index.
        QStringList columns;
        for (const Node &node : conjuncts) {
            if (isColumnTerm(node))
                columns << indexedTest(node, binds);
        }
        parts << QStringLiteral("i.id IN (SELECT i.id FROM images i WHERE %1)")
                     .arg(columns.join(QStringLiteral(" AND ")));
        for (const Node &node : conjuncts) {
            if (!isColumnTerm(node))
                parts << rowTest(node, binds);
        }
    } else if (driver.kind == Driver::Kind::Columns) {
        // Counting: the columns' index answers, SQLite picks it.
        for (const Node &node : conjuncts)
            parts << (isColumnTerm(node) ? indexedTest(node, binds) : rowTest(node, binds));
    } else {
        for (const Node &node : conjuncts)
            parts << rowTest(node, binds);
    }
    return parts.join(QStringLiteral(" AND "));
}

} // namespace trove::querysql

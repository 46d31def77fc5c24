// SPDX-License-Identifier: MIT
#include "catalog/private/searchplan.h"

#include "base/tagkey.h"

#include <QSqlQuery>

namespace trove::searchplan {

using namespace trove::querysql;

namespace {

/// Matches counted to estimate a term's cost; at the cap a term is "many".
constexpr qint64 kEstimateCap = 100000;
constexpr qint64 kTextEstimateCap = 20000;
/// A search of several terms whose driving term has more matches than this
/// is counted in windows of keys (see countStep()).
constexpr qint64 kWindowedAbove = 20000;
/// Keys in a library below which no count is worth windows.
constexpr qint64 kWindowsAbove = 200000;

} // namespace

Plan planFor(Connection &catalog, const ImageQuery &query)
{
    const auto conjuncts = conjunctsOf(searchRoot(query));
    Plan plan;
    plan.terms = conjuncts.size();
    plan.driver = defaultDriver(conjuncts);
    // Of several terms an index can collect, the rarest does; the others
    // are tested on each of its matches. Counting a term stops at its cap:
    // beyond it, any rarer term wins. Tags are looked at first (a capped
    // count of a tag is an index range; of a text, a trigram match).
    for (search::Node::Kind kind : { search::Node::Kind::Tag, search::Node::Kind::Text }) {
        for (size_t k = 0; k < conjuncts.size(); ++k) {
            const search::Node &term = conjuncts[k];
            if (term.kind != kind || !canDrive(term))
                continue;
            const bool tag = kind == search::Node::Kind::Tag;
            const qint64 cap = tag ? kEstimateCap : kTextEstimateCap;
            QSqlQuery q = catalog.query(tag
                    ? QStringLiteral(
                        "SELECT count(*) FROM (SELECT 1 FROM tags WHERE tag_key = ? LIMIT ?)")
                    : QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM image_text WHERE "
                                     "image_text MATCH ? LIMIT ?)"));
            q.bindValue(0, tag ? tagKey(term.text) : phraseFor(term.text));
            q.bindValue(1, cap);
            if (!execQuery(q) || !q.next())
                return plan;
            const qint64 n = q.value(0).toLongLong();
            if (plan.estimate < 0 || (n < plan.estimate && !(n >= cap))) {
                plan.estimate = n;
                plan.many = n >= cap;
                plan.driver = { Driver::Kind::Term, int(k) };
            }
        }
    }
    return plan;
}

bool countsInWindows(const Plan &plan, const ImageQuery &query)
{
    if (!query.isFiltered() || countsInSteps(query))
        return false;
    if (plan.driver.kind == Driver::Kind::None)
        return true;
    return plan.driver.kind == Driver::Kind::Term && plan.terms > 1
        && plan.estimate >= kWindowedAbove;
}

Result<CatalogReader::CountStep> countWindow(
    Connection &catalog, const Plan &plan, const ImageQuery &query, qint64 afterKey, qint64 step)
{
    // Matches among the keys after afterKey, in a window that doubles each
    // step: the first answers in about the time of a page, and a million
    // keys take some seven steps. Every term is tested on each row (no
    // match list is collected), as the pages are read while counting.
    QSqlQuery last = catalog.query(QStringLiteral("SELECT coalesce(max(id), 0) FROM images"));
    if (auto r = execQuery(last); !r)
        return r.failure();
    const qint64 maxKey = last.next() ? last.value(0).toLongLong() : 0;
    last.finish();
    // A library this small counts whole at once (a few ms).
    const bool whole = afterKey == 0 && maxKey <= kWindowsAbove;
    const qint64 end = whole ? maxKey : afterKey + std::max(step, afterKey);
    QVariantList binds;
    QSqlQuery q;
    if (const auto conjuncts = conjunctsOf(searchRoot(query)); tagsAlone(conjuncts, plan.driver)) {
        // Tag terms alone: the window of the driving tag's index range,
        // each match tested on the tags index; no image row is read (a
        // tenth of the time for two common tags at a million images).
        const QString matches = tagMatches(conjuncts, plan.driver.index, binds);
        binds << afterKey << end;
        q = catalog.query(QStringLiteral("SELECT count(*) FROM (%1 AND a.image_id > ? AND "
                                         "a.image_id <= ?)")
                              .arg(matches));
    } else if (const search::Node root = searchRoot(query); tagAlternatives(root)) {
        // `tag:a OR tag:b`: the union of their index ranges in the window.
        // Tested on each image row, a million of them took 3.8 s to count.
        q = catalog.query(
            QStringLiteral("SELECT count(*) FROM (%1)").arg(tagUnion(root, afterKey, end, binds)));
    } else {
        binds = { afterKey, end };
        const QString where = whereFor(query, binds, Drive::Order, Driver {});
        q = catalog.query(
            QStringLiteral("SELECT count(*) FROM images i WHERE i.id > ? AND i.id <= ? AND ")
            + where.mid(int(qstrlen("WHERE "))));
    }
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto r = execQuery(q); !r)
        return r.failure();
    CatalogReader::CountStep out;
    out.count = q.next() ? q.value(0).toLongLong() : 0;
    out.lastKey = end;
    out.complete = end >= maxKey;
    return out;
}

} // namespace trove::searchplan

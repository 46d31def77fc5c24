// SPDX-License-Identifier: MIT
#include "catalog/private/markstatements.h"

#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/imagestatements.h"
#include "catalog/private/statementhelpers.h"

#include <QMap>
#include <QSet>
#include <functional>

namespace trove::statements {

namespace {

// Column names come from this enum, never from input.
QString columnOf(MarkDelta::Mark mark)
{
    return mark == MarkDelta::Mark::Rating ? QStringLiteral("rating") : QStringLiteral("favourite");
}

} // namespace

Result<MarkDelta> setMark(
    WriterContext &c, MarkDelta::Mark mark, const QList<qint64> &keys, int value)
{
    MarkDelta delta;
    delta.mark = mark;
    delta.value = value;
    if (keys.isEmpty())
        return delta;
    // Keys moved to the trash elsewhere are said, and left alone.
    auto absent = findAbsent(c, keys);
    if (!absent)
        return absent.failure();
    delta.absent = *absent;
    // The keys travel as one JSON array (see jsonKeys()): one statement for
    // the batch, whatever its size.
    const QString column = columnOf(mark);
    const QString batch = jsonKeys(keys);
    QSqlQuery before = c.catalog.query(
        QStringLiteral("SELECT id, %1 AS value FROM images WHERE id IN (SELECT value FROM "
                       "json_each(?)) AND %1 != ?")
            .arg(column));
    before.bindValue(0, batch);
    before.bindValue(1, value);
    if (auto r = execQuery(before); !r)
        return r.failure();
    QList<qint64> changed;
    while (before.next()) {
        const qint64 key = before.value(QStringLiteral("id")).toLongLong();
        delta.before.append({ key, before.value(QStringLiteral("value")).toInt() });
        changed.append(key);
    }
    before.finish();
    if (changed.isEmpty())
        return delta;
    QSqlQuery update = c.catalog.query(
        QStringLiteral("UPDATE images SET %1 = ? WHERE id IN (SELECT value FROM json_each(?))")
            .arg(column));
    update.bindValue(0, value);
    update.bindValue(1, jsonKeys(changed));
    if (auto r = execQuery(update); !r)
        return r.failure();
    c.changed += changed;
    return delta;
}

namespace {

// Compare-and-set, one statement per value asked for (six at most): each
// image of @p delta goes from the value `from` gives it to the value `to`
// gives it, only if it has that value now.
Result<Reverted> swapMarks(WriterContext &c, const MarkDelta &delta,
    const std::function<int(int before)> &from, const std::function<int(int before)> &to)
{
    Reverted out;
    QList<qint64> keys;
    QMap<QPair<int, int>, QList<qint64>> byValues;
    for (const auto &[key, before] : delta.before) {
        keys.append(key);
        byValues[{ from(before), to(before) }].append(key);
    }
    QList<qint64> present;
    auto absent = findAbsent(c, keys, &present);
    if (!absent)
        return absent.failure();
    out.absent = *absent;
    QSet<qint64> waiting(present.cbegin(), present.cend());
    for (auto it = byValues.cbegin(); it != byValues.cend(); ++it) {
        QSqlQuery update = c.catalog.query(
            QStringLiteral("UPDATE images SET %1 = ? WHERE id IN (SELECT value FROM json_each(?)) "
                           "AND %1 = ? RETURNING id")
                .arg(columnOf(delta.mark)));
        update.bindValue(0, it.key().second);
        update.bindValue(1, jsonKeys(it.value()));
        update.bindValue(2, it.key().first);
        if (auto r = execQuery(update); !r)
            return r.failure();
        while (update.next()) {
            const qint64 key = update.value(QStringLiteral("id")).toLongLong();
            waiting.remove(key);
            c.changed.append(key);
            ++out.changed;
        }
        update.finish();
    }
    // What is left is in the library with a value someone else gave it.
    for (qint64 key : std::as_const(present))
        if (waiting.contains(key))
            out.conflicts.append(key);
    return out;
}

} // namespace

Result<Reverted> revertMarks(WriterContext &c, const MarkDelta &delta)
{
    const int set = delta.value;
    return swapMarks(
        c, delta, [set](int) { return set; }, [](int before) { return before; });
}

Result<Reverted> reapplyMarks(WriterContext &c, const MarkDelta &delta, int value)
{
    return swapMarks(
        c, delta, [](int before) { return before; }, [value](int) { return value; });
}

} // namespace trove::statements

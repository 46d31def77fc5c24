// SPDX-License-Identifier: MIT
#include "catalog/private/markstatements.h"

#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/statementhelpers.h"

#include <QMap>

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
    if (keys.isEmpty())
        return delta;
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

Result<int> revertMarks(WriterContext &c, const MarkDelta &delta)
{
    // One statement per value there was (six at most).
    QMap<int, QList<qint64>> byValue;
    for (const auto &[key, value] : delta.before)
        byValue[value].append(key);
    int reverted = 0;
    for (auto it = byValue.cbegin(); it != byValue.cend(); ++it) {
        QSqlQuery update = c.catalog.query(
            QStringLiteral("UPDATE images SET %1 = ? WHERE id IN (SELECT value FROM json_each(?))")
                .arg(columnOf(delta.mark)));
        update.bindValue(0, it.key());
        update.bindValue(1, jsonKeys(it.value()));
        if (auto r = execQuery(update); !r)
            return r.failure();
        reverted += update.numRowsAffected();
        c.changed += it.value();
    }
    return reverted;
}

} // namespace trove::statements

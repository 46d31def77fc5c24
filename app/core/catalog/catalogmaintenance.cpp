// SPDX-License-Identifier: MIT
#include "catalog/catalogmaintenance.h"

#include "catalog/catalogreader.h"

#include <QSqlError>

namespace trove {

Result<QStringList> integrityProblems(CatalogReader &reader)
{
    QStringList problems;
    for (Connection *c : { &reader.catalog(), &reader.thumbs() }) {
        QSqlQuery q = c->query(QStringLiteral("PRAGMA integrity_check"));
        if (auto r = execQuery(q); !r)
            return Error { r.error() };
        while (q.next()) {
            const QString line = q.value(0).toString();
            if (line != QLatin1String("ok"))
                problems.append(c->db().databaseName() + QStringLiteral(": ") + line);
        }
    }
    return problems;
}

Result<QStringList> integrityProblems(Connection &db)
{
    QStringList problems;
    QSqlQuery q = db.query(QStringLiteral("PRAGMA integrity_check(100)"));
    if (auto r = execQuery(q); !r)
        return r.failure();
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems.append(line);
    }
    if (q.lastError().isValid())
        problems.append(q.lastError().databaseText());
    return problems;
}

} // namespace trove

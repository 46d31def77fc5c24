// SPDX-License-Identifier: MIT
#include "catalog/catalogmaintenance.h"

#include "catalog/catalogreader.h"

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

} // namespace trove

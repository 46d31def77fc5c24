// SPDX-License-Identifier: MIT
#include "storage/database.h"

#include "storage/librarypaths.h"
#include "storage/schema.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QSqlError>
#include <QThread>
#include <vector>

namespace trove {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

} // namespace

Error sqlError(const QSqlQuery &q)
{
    // SQLITE_FULL (13): the catalog could not grow. Whoever knows the
    // library (the writer) words it with the volume and its free space.
    if (q.lastError().nativeErrorCode() == QLatin1String("13"))
        return Error { QCoreApplication::translate("Connection", "the disk is full (%1)")
                           .arg(q.lastError().databaseText()),
            Error::Kind::DiskFull };
    return fail(
        QCoreApplication::translate("Connection", "database error: %1").arg(q.lastError().text()));
}

Result<void> execQuery(QSqlQuery &q)
{
    if (!q.exec())
        return sqlError(q);
    return {};
}

Connection::~Connection()
{
    close();
}

int Connection::schemaVersion(Kind kind)
{
    return int(schema::migrations(kind).size());
}

Result<void> Connection::open(const LibraryPaths &paths, Kind kind)
{
    close();
    if (auto layout = paths.ensureLayout(); !layout)
        return layout;
    m_name = QStringLiteral("trove-%1-%2")
                 .arg(kind == Kind::Catalog ? QStringLiteral("catalog") : QStringLiteral("thumbs"))
                 .arg(s_connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!m_db.isValid())
        return fail(tr("the Qt SQLite driver (QSQLITE) is not installed"));
    m_db.setDatabaseName(kind == Kind::Catalog ? paths.catalogFile() : paths.thumbsFile());
    // Another process (a window and a CLI on one library) may hold the write
    // lock for a moment; wait for it rather than fail.
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open())
        return fail(tr("cannot open %1: %2").arg(m_db.databaseName(), m_db.lastError().text()));

    if (auto r = enableWal(); !r)
        return r;
    const QStringList pragmas {
        QStringLiteral("PRAGMA foreign_keys=ON"),
        kind == Kind::Catalog ? QStringLiteral("PRAGMA synchronous=FULL")
                              : QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
    for (const QString &pragma : pragmas) {
        if (auto r = exec(pragma); !r)
            return r;
    }
    return migrate(kind);
}

// Switching a new database to WAL needs an exclusive lock, and SQLite
// answers SQLITE_BUSY at once instead of waiting (two processes opening a
// new library together). Retry for as long as the busy timeout would wait.
Result<void> Connection::enableWal()
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && q.next()
            && q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0)
            return {};
        if (waited.elapsed() > 10'000)
            return fail(
                tr("cannot switch %1 to WAL: %2").arg(m_db.databaseName(), q.lastError().text()));
        QThread::msleep(10);
    }
}

void Connection::close()
{
    if (m_name.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

QSqlQuery Connection::query(const QString &sql)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    return q;
}

Result<void> Connection::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return sqlError(q);
    return {};
}

Result<void> Connection::migrate(Kind kind)
{
    const auto &steps = schema::migrations(kind);
    auto readVersion = [this]() -> int {
        QSqlQuery q(m_db);
        return q.exec(QStringLiteral("PRAGMA user_version")) && q.next() ? q.value(0).toInt() : -1;
    };
    if (readVersion() == int(steps.size()))
        return {};
    // BEGIN IMMEDIATE takes the write lock first, so two processes opening a
    // new library at once migrate it once.
    if (auto r = exec(QStringLiteral("BEGIN IMMEDIATE")); !r)
        return r;
    const int version = readVersion();
    if (version > int(steps.size())) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return fail(tr("%1 was written by a newer Trove (schema %2; this build knows %3)")
                        .arg(m_db.databaseName())
                        .arg(version)
                        .arg(steps.size()));
    }
    for (int v = std::max(version, 0); v < int(steps.size()); ++v) {
        for (const QString &sql : steps[size_t(v)]) {
            if (auto r = exec(sql); !r) {
                (void)exec(QStringLiteral("ROLLBACK"));
                return fail(tr("cannot upgrade %1 to schema %2: %3")
                                .arg(m_db.databaseName())
                                .arg(v + 1)
                                .arg(r.error()));
            }
        }
    }
    if (auto r = exec(QStringLiteral("PRAGMA user_version=%1").arg(steps.size())); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return r;
    }
    return exec(QStringLiteral("COMMIT"));
}

} // namespace trove

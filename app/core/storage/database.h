// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace trove {

class LibraryPaths;

/// One SQLite connection, owned by the thread that opened it (Qt SQL
/// connections may not cross threads). Opening creates the file if needed and
/// brings its schema up to date with forward migrations, recorded in
/// PRAGMA user_version. Closing removes the connection from Qt's registry.
class Connection final {
    Q_DECLARE_TR_FUNCTIONS(Connection)
    Q_DISABLE_COPY_MOVE(Connection)

public:
    enum class Kind { Catalog, Thumbs };

    Connection() = default;
    ~Connection();

    /// Opens the catalog or thumbnail database of @p paths for this thread.
    Result<void> open(const LibraryPaths &paths, Kind kind);
    void close();

    bool isOpen() const { return m_db.isOpen(); }
    QSqlDatabase &db() { return m_db; }

    /// A prepared query on this connection.
    QSqlQuery query(const QString &sql);

    /// Runs one statement; the error names the statement's purpose.
    Result<void> exec(const QString &sql);

    /// The schema version this build writes.
    static int schemaVersion(Kind kind);

private:
    Result<void> migrate(Kind kind);
    Result<void> enableWal();

    QString m_name;
    QSqlDatabase m_db;
};

/// Runs @p q and turns a failure into a readable Error.
Result<void> execQuery(QSqlQuery &q);

/// "database error: <driver text>"
Error sqlError(const QSqlQuery &q);

} // namespace trove

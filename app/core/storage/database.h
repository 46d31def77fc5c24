// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <functional>

namespace trove {

class LibraryPaths;

/// One SQLite connection, owned by the thread that opened it (Qt SQL
/// connections may not cross threads). Opening creates the file if needed and
/// brings its schema up to date with forward migrations, recorded in
/// PRAGMA user_version. Closing removes the connection from Qt's registry.
///
/// A library that cannot be written (read-only media, no permission) opens
/// for readers only, without WAL, journal or migration (see LibraryAccess);
/// one on a network file system keeps a rollback journal instead of WAL. A
/// damaged database fails with Error::Kind::Damaged; a damaged thumbs.sqlite
/// (a cache) is moved aside and made anew instead.
///
/// Every connection knows the SQL function trove_tag_key(text), tagKey()
/// (base/tagkey.h), for statements that key tags SQLite reads. The schema
/// never names it, so the plain sqlite3 shell can read any catalog.
class Connection final {
    Q_DECLARE_TR_FUNCTIONS(Connection)
    Q_DISABLE_COPY_MOVE(Connection)

public:
    enum class Kind { Catalog, Thumbs };
    /// A writer needs a writable library; a reader makes do with a
    /// read-only one.
    enum class Role { Writer, Reader };

    Connection() = default;
    ~Connection();

    /// Opens the catalog or thumbnail database of @p paths for this thread.
    Result<void> open(const LibraryPaths &paths, Kind kind, Role role = Role::Writer);
    void close();

    bool isOpen() const { return m_db.isOpen(); }
    /// Opened read-only: the library cannot be written.
    bool isReadOnly() const { return m_readOnly; }
    QSqlDatabase &db() { return m_db; }

    /// A prepared query on this connection.
    QSqlQuery query(const QString &sql);

    /// Runs one statement; the error names the statement's purpose.
    Result<void> exec(const QString &sql);

    /// The schema version this build writes.
    static int schemaVersion(Kind kind);

    /// Whether SQLite's answer means a damaged file (SQLITE_CORRUPT,
    /// SQLITE_NOTADB), judged by its code and, failing one, its words.
    static bool isDamage(const QSqlError &error);
    static bool isDamageMessage(const QString &message);

    /// Moves @p file and its -wal and -shm aside as
    /// <file>.damaged-<UTC time>[-wal|-shm]; answers the new name of @p file.
    /// Nothing is deleted.
    static Result<QString> moveAside(const QString &file);

private:
    Result<void> openFile(const QString &file, const QString &options);
    Result<void> openWritable(const LibraryPaths &paths, Kind kind, Role role, bool network);
    Result<void> openReadOnly(const LibraryPaths &paths, Kind kind);
    Result<void> migrate(Kind kind);
    /// The steps of migrate(), in one transaction, foreign keys aside.
    Result<void> migrateSteps(Kind kind, const std::function<int()> &readVersion);
    Result<void> setJournalMode(const QString &mode);
    Result<void> checkVersion(Kind kind);
    /// The error for a failed step: Damaged when SQLite says so.
    Error failure(const QString &message, const QSqlError &error) const;

    QString m_name;
    QSqlDatabase m_db;
    bool m_readOnly = false;
};

/// Runs @p q and turns a failure into a readable Error.
Result<void> execQuery(QSqlQuery &q);

/// "database error: <driver text>"
Error sqlError(const QSqlQuery &q);

} // namespace trove

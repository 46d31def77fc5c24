// SPDX-License-Identifier: MIT
#include "storage/database.h"

#include "base/tagkey.h"
#include "storage/libraryaccess.h"
#include "storage/librarypaths.h"
#include "storage/schema.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QUrl>
#include <functional>
#include <mutex>
#include <sqlite3.h>
#include <vector>

namespace trove {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

/// The database's file, for messages: a read-only library is opened by URI
/// (mode=ro, immutable=1), and its messages name the file, not the URI.
QString fileOf(const QSqlDatabase &db)
{
    const QString name = db.databaseName();
    return name.startsWith(QLatin1String("file:")) ? QUrl(name).toLocalFile() : name;
}

// trove_tag_key(text): base/tagkey.h's tagKey() for SQL; NULL stays NULL.
void sqlTagKey(sqlite3_context *context, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const QByteArray key = tagKey(QString::fromUtf8(text, sqlite3_value_bytes(argv[0]))).toUtf8();
    sqlite3_result_text(context, key.constData(), int(key.size()), SQLITE_TRANSIENT);
}

} // namespace

Error sqlError(const QSqlQuery &q)
{
    const QSqlError error = q.lastError();
    // SQLITE_FULL (13): the catalog could not grow. Whoever knows the
    // library (the writer) words it with the volume and its free space.
    if (error.nativeErrorCode() == QLatin1String("13"))
        return Error { QCoreApplication::translate("Connection", "the disk is full (%1)")
                           .arg(error.databaseText()),
            Error::Kind::DiskFull };
    // SQLite's own words say what is damaged; Qt's "Unable to fetch row"
    // after them says nothing more.
    if (Connection::isDamage(error))
        return fail(QCoreApplication::translate("Connection", "database error: %1")
                        .arg(error.databaseText()),
            Error::Kind::Damaged);
    return fail(QCoreApplication::translate("Connection", "database error: %1").arg(error.text()));
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

bool Connection::isDamage(const QSqlError &error)
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), with their extended codes.
    if (numeric && ((code & 0xff) == 11 || (code & 0xff) == 26))
        return true;
    return isDamageMessage(error.text());
}

bool Connection::isDamageMessage(const QString &message)
{
    // SQLite's words for SQLITE_CORRUPT and SQLITE_NOTADB.
    return message.contains(QLatin1String("disk image is malformed"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("file is not a database"), Qt::CaseInsensitive);
}

Result<QString> Connection::moveAside(const QString &file)
{
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString target = file + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFileInfo::exists(target) || QFileInfo::exists(target + QStringLiteral("-wal"));
         ++n)
        target = file + QStringLiteral(".damaged-%1-%2").arg(stamp).arg(n);
    // The -wal and -shm keep SQLite's naming, so the damaged file opens
    // whole with its journal for whoever wants to look at it later.
    for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
        if (!QFileInfo::exists(file + suffix))
            continue;
        if (!QFile::rename(file + suffix, target + suffix))
            return fail(tr("cannot move %1 aside to %2")
                            .arg(QDir::toNativeSeparators(file + suffix),
                                QDir::toNativeSeparators(target + suffix)));
    }
    return target;
}

Error Connection::failure(const QString &message, const QSqlError &error) const
{
    if (isDamage(error))
        return fail(tr("%1 is damaged (%2)")
                        .arg(QDir::toNativeSeparators(fileOf(m_db)), error.databaseText()),
            Error::Kind::Damaged);
    return fail(message);
}

Result<void> Connection::open(const LibraryPaths &paths, Kind kind, Role role)
{
    close();
    const LibraryAccess access = LibraryAccess::probe(paths.root());
    Result<void> r;
    if (!access.writable) {
        if (role == Role::Writer)
            r = fail(tr("library %1 is read-only: %2")
                         .arg(QDir::toNativeSeparators(paths.root()), access.readOnlyReason),
                Error::Kind::ReadOnly);
        else
            r = openReadOnly(paths, kind);
    } else {
        r = openWritable(paths, kind, role, access.fileSystem.network);
        if (!r && kind == Kind::Thumbs && r.errorKind() == Error::Kind::Damaged) {
            // Thumbnails are a cache of the blobs: a damaged one is moved
            // aside and made anew, and thumbnails come back as they are
            // shown. One connection at a time does it, and only if the file
            // is still the damaged one when its turn comes.
            close();
            QLockFile lock(paths.thumbsFile() + QStringLiteral(".rebuild.lock"));
            lock.tryLock(10'000);
            r = openWritable(paths, kind, role, access.fileSystem.network);
            if (!r && r.errorKind() == Error::Kind::Damaged) {
                close();
                auto aside = moveAside(paths.thumbsFile());
                r = aside ? openWritable(paths, kind, role, access.fileSystem.network)
                          : Result<void>(aside.failure());
            }
        }
    }
    if (!r)
        close();
    return r;
}

Result<void> Connection::openFile(const QString &file, const QString &options)
{
    // SQLite counts every allocation under one process-wide mutex unless
    // told not to; with the reader, the tag reader and the writer each on
    // a connection of their own, the threads queued on that lock (a
    // profile of the window at a million images). Only possible before
    // SQLite's first use, which is this (Qt's driver uses the same
    // library); later calls are refused harmlessly.
    static std::once_flag once;
    std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    m_name = QStringLiteral("trove-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!m_db.isValid())
        return fail(tr("the Qt SQLite driver (QSQLITE) is not installed"));
    m_db.setDatabaseName(file);
    m_db.setConnectOptions(options);
    if (!m_db.open())
        return failure(
            tr("cannot open %1: %2").arg(fileOf(m_db), m_db.lastError().text()), m_db.lastError());
    // Tags are keyed in C++ (base/tagkey.h); statements that key tags
    // SQLite reads (a trash row's JSON, a migration) call this. Never named
    // by the schema (a trigger, an index, a view), so the plain sqlite3
    // shell reads and writes a catalog without it.
    const QVariant driverHandle = m_db.driver()->handle();
    sqlite3 *handle = driverHandle.isValid() && qstrcmp(driverHandle.typeName(), "sqlite3*") == 0
        ? *static_cast<sqlite3 *const *>(driverHandle.constData())
        : nullptr;
    if (!handle
        || sqlite3_create_function_v2(handle, "trove_tag_key", 1,
               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr, sqlTagKey, nullptr,
               nullptr, nullptr)
            != SQLITE_OK)
        return fail(
            tr("cannot open %1: %2")
                .arg(fileOf(m_db), QStringLiteral("cannot define the SQL function trove_tag_key")));
    return {};
}

Result<void> Connection::openWritable(const LibraryPaths &paths, Kind kind, Role role, bool network)
{
    // A reader of a library that is there needs none of its folders (list,
    // show, stats, export): a file where tmp/ should be stops only writers.
    if (role == Role::Writer || !QFileInfo::exists(paths.catalogFile())) {
        if (auto layout = paths.ensureLayout(); !layout)
            return layout;
    }
    // Another process (a window and a CLI on one library) may hold the write
    // lock for a moment; wait for it rather than fail.
    if (auto r = openFile(kind == Kind::Catalog ? paths.catalogFile() : paths.thumbsFile(),
            QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        !r)
        return r;
    // WAL's shared memory is not shared between machines: on a network
    // drive a rollback journal is what SQLite can keep safe (see
    // docs/architecture.md, "Where a library may live").
    if (auto r = setJournalMode(network ? QStringLiteral("delete") : QStringLiteral("wal")); !r)
        return r;
    QStringList pragmas {
        QStringLiteral("PRAGMA foreign_keys=ON"),
        kind == Kind::Catalog || network ? QStringLiteral("PRAGMA synchronous=FULL")
                                         : QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("PRAGMA temp_store=MEMORY"),
    };
    // The catalog writer's page cache: 32 MiB at most, filled only as pages
    // are read (SQLite's default is 2 MB). Moving 100,000 images to the
    // trash re-read the same index pages from the OS batch after batch:
    // 32.0 s with the default, 22.2 s with this (and 23.0 s with 64 MiB,
    // which cost the window 78 MB more at the end of a 100,000-file import).
    if (kind == Kind::Catalog)
        pragmas.append(QStringLiteral("PRAGMA cache_size=-32768"));
    for (const QString &pragma : pragmas) {
        if (auto r = exec(pragma); !r)
            return r;
    }
    return migrate(kind);
}

// A library that cannot be written: no WAL switch (WAL needs its -shm
// written), no journal, no migration. A catalog some process left with a
// WAL is read through it (mode=ro); one closed cleanly is immutable, which
// needs no lock file at all, so read-only media work.
Result<void> Connection::openReadOnly(const LibraryPaths &paths, Kind kind)
{
    m_readOnly = true;
    const QString file = kind == Kind::Catalog ? paths.catalogFile() : paths.thumbsFile();
    // A new library's files are made empty (and private) before SQLite
    // first opens them; an empty file holds no database yet.
    const bool empty
        = QFileInfo(file).size() == 0 && QFileInfo(file + QStringLiteral("-wal")).size() == 0;
    if (!QFileInfo::exists(file) || empty) {
        if (kind == Kind::Catalog)
            return fail(
                tr("library %1 is read-only and has no catalog (%2)")
                    .arg(QDir::toNativeSeparators(paths.root()), QDir::toNativeSeparators(file)),
                Error::Kind::ReadOnly);
        // Thumbnails made from blobs then live in memory, for this run.
        if (auto r = openFile(QStringLiteral(":memory:"), {}); !r)
            return r;
        return migrate(kind);
    }
    const bool hasWal = QFileInfo(file + QStringLiteral("-wal")).size() > 0;
    auto openAs = [&](const QString &mode) -> Result<void> {
        close();
        m_readOnly = true;
        QUrl uri = QUrl::fromLocalFile(file);
        uri.setQuery(mode);
        if (auto r = openFile(uri.toString(QUrl::FullyEncoded),
                QStringLiteral(
                    "QSQLITE_OPEN_URI;QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
            !r)
            return r;
        if (auto r = exec(QStringLiteral("PRAGMA temp_store=MEMORY")); !r)
            return r;
        return checkVersion(kind);
    };
    if (hasWal) {
        // Reading through a WAL needs its -shm; without one that can be
        // read, what the WAL holds is out of reach: read the file as it is.
        if (auto r = openAs(QStringLiteral("mode=ro")); r || r.errorKind() == Error::Kind::Damaged)
            return r;
    }
    return openAs(QStringLiteral("immutable=1"));
}

Result<void> Connection::checkVersion(Kind kind)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return failure(
            tr("cannot read %1: %2").arg(fileOf(m_db), q.lastError().text()), q.lastError());
    const int version = q.value(0).toInt();
    const int wanted = schemaVersion(kind);
    if (version > wanted)
        return fail(tr("%1 was written by a newer Trove (schema %2; this build knows %3)")
                        .arg(fileOf(m_db))
                        .arg(version)
                        .arg(wanted));
    if (version < wanted)
        return fail(tr("%1 is read-only and was written by an older Trove (schema %2); open it "
                       "once where it can be written to upgrade it")
                        .arg(fileOf(m_db))
                        .arg(version),
            Error::Kind::ReadOnly);
    // A header that parses says little: make SQLite read the schema.
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next())
        return failure(
            tr("cannot read %1: %2").arg(fileOf(m_db), q.lastError().text()), q.lastError());
    return {};
}

// Switching a new database to WAL needs an exclusive lock, and SQLite
// answers SQLITE_BUSY at once instead of waiting (two processes opening a
// new library together). Retry for as long as the busy timeout would wait.
Result<void> Connection::setJournalMode(const QString &mode)
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA journal_mode=%1").arg(mode)) && q.next()
            && q.value(0).toString().compare(mode, Qt::CaseInsensitive) == 0)
            return {};
        if (isDamage(q.lastError()) || waited.elapsed() > 10'000)
            return failure(tr("cannot switch %1 to %2: %3")
                               .arg(fileOf(m_db), mode.toUpper(), q.lastError().text()),
                q.lastError());
        QThread::msleep(10);
    }
}

void Connection::close()
{
    m_readOnly = false;
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
    QSqlError readError;
    auto readVersion = [this, &readError]() -> int {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
            return q.value(0).toInt();
        readError = q.lastError();
        return -1;
    };
    const int seen = readVersion();
    if (seen == int(steps.size()))
        return {};
    if (seen < 0)
        return failure(tr("cannot read %1: %2").arg(fileOf(m_db), readError.text()), readError);
    // Foreign keys go unchecked while the schema changes, as SQLite's own
    // procedure for changing a table has it: a step that copies a table
    // into a new one (the only way to change its primary key) looked up
    // the parent of every row copied, and copying the tags of a million
    // images read the whole images table, two thirds of the step's time.
    // The rows come from a table that had the same constraint. The pragma
    // does nothing inside a transaction: off before, back on after.
    QSqlQuery keys(m_db);
    const bool foreignKeys
        = keys.exec(QStringLiteral("PRAGMA foreign_keys")) && keys.next() && keys.value(0).toBool();
    keys.finish();
    if (foreignKeys) {
        if (auto r = exec(QStringLiteral("PRAGMA foreign_keys=OFF")); !r)
            return r;
    }
    Result<void> migrated = migrateSteps(kind, readVersion);
    if (foreignKeys) {
        if (auto r = exec(QStringLiteral("PRAGMA foreign_keys=ON")); !r && migrated)
            return r;
    }
    return migrated;
}

Result<void> Connection::migrateSteps(Kind kind, const std::function<int()> &readVersion)
{
    const auto &steps = schema::migrations(kind);
    // BEGIN IMMEDIATE takes the write lock first, so two processes opening a
    // new library at once migrate it once.
    if (auto r = exec(QStringLiteral("BEGIN IMMEDIATE")); !r)
        return r;
    const int version = readVersion();
    if (version > int(steps.size())) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return fail(tr("%1 was written by a newer Trove (schema %2; this build knows %3)")
                        .arg(fileOf(m_db))
                        .arg(version)
                        .arg(steps.size()));
    }
    for (int v = std::max(version, 0); v < int(steps.size()); ++v) {
        for (const QString &sql : steps[size_t(v)]) {
            if (auto r = exec(sql); !r) {
                (void)exec(QStringLiteral("ROLLBACK"));
                return fail(tr("cannot upgrade %1 to schema %2: %3")
                                .arg(fileOf(m_db))
                                .arg(v + 1)
                                .arg(r.error()),
                    r.errorKind());
            }
        }
    }
    if (kind == Kind::Catalog) {
        if (auto r = schema::fillComputedColumns(*this); !r) {
            (void)exec(QStringLiteral("ROLLBACK"));
            return fail(tr("cannot upgrade %1 to schema %2: %3")
                            .arg(fileOf(m_db))
                            .arg(steps.size())
                            .arg(r.error()),
                r.errorKind());
        }
    }
    if (auto r = exec(QStringLiteral("PRAGMA user_version=%1").arg(steps.size())); !r) {
        (void)exec(QStringLiteral("ROLLBACK"));
        return r;
    }
    return exec(QStringLiteral("COMMIT"));
}

} // namespace trove

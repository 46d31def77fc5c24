// SPDX-License-Identifier: MIT
#include "storage/database.h"

#include "storage/librarypaths.h"

#include <QAtomicInteger>
#include <QElapsedTimer>
#include <QSqlError>
#include <QThread>
#include <vector>

namespace trove {

namespace {

QAtomicInteger<quint64> s_connectionCounter;

// Each entry takes the schema from version i to i+1. Never edit a released
// entry: add a new one.
const std::vector<QStringList> &catalogMigrations()
{
    static const std::vector<QStringList> migrations {
        {
            QStringLiteral(R"(CREATE TABLE images (
                id INTEGER PRIMARY KEY,
                uuid TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL UNIQUE,
                format TEXT NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                original_bytes INTEGER NOT NULL,
                stored_bytes INTEGER NOT NULL,
                added_at INTEGER NOT NULL,
                damaged INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX images_by_added ON images(added_at, id)"),
            QStringLiteral("CREATE INDEX images_by_name ON images(name COLLATE NOCASE, id)"),
            QStringLiteral(R"(CREATE TABLE sources (
                image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                url TEXT NOT NULL,
                host TEXT NOT NULL,
                added_at INTEGER NOT NULL,
                PRIMARY KEY (image_id, url)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX sources_by_host ON sources(host, image_id)"),
            QStringLiteral(R"(CREATE TABLE tags (
                image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                tag TEXT NOT NULL,
                PRIMARY KEY (image_id, tag)) WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX tags_by_tag ON tags(tag COLLATE NOCASE, image_id)"),
            // Totals kept by triggers so that stats cost the same at 100 or
            // 1,000,000 images.
            QStringLiteral(R"(CREATE TABLE stats (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                images INTEGER NOT NULL,
                original_bytes INTEGER NOT NULL,
                stored_bytes INTEGER NOT NULL,
                last_added INTEGER))"),
            QStringLiteral("INSERT INTO stats VALUES (1, 0, 0, 0, NULL)"),
            QStringLiteral(R"(CREATE TRIGGER images_count_insert AFTER INSERT ON images BEGIN
                UPDATE stats SET images = images + 1,
                    original_bytes = original_bytes + NEW.original_bytes,
                    stored_bytes = stored_bytes + NEW.stored_bytes,
                    last_added = (SELECT max(added_at) FROM images) WHERE id = 1;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER images_count_delete AFTER DELETE ON images BEGIN
                UPDATE stats SET images = images - 1,
                    original_bytes = original_bytes - OLD.original_bytes,
                    stored_bytes = stored_bytes - OLD.stored_bytes,
                    last_added = (SELECT max(added_at) FROM images) WHERE id = 1;
                END)"),
            // The ingest queue survives restarts. owner_pid tells whose item
            // is in flight, so a second process never steals it.
            QStringLiteral(R"(CREATE TABLE queue (
                id INTEGER PRIMARY KEY,
                source TEXT NOT NULL,
                name TEXT NOT NULL DEFAULT '',
                tags TEXT NOT NULL DEFAULT '',
                state INTEGER NOT NULL,
                error TEXT NOT NULL DEFAULT '',
                image_uuid TEXT NOT NULL DEFAULT '',
                owner_pid INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX queue_by_state ON queue(state)"),
            // Blob renames and unlinks happen outside SQLite's transactions;
            // this journal lets a restart finish or undo them (see
            // CatalogWriter::recover()).
            QStringLiteral(R"(CREATE TABLE blob_journal (
                sha256 TEXT NOT NULL,
                op INTEGER NOT NULL,
                owner_pid INTEGER NOT NULL,
                PRIMARY KEY (sha256, op)) WITHOUT ROWID)"),
        },
        {
            // verify --repair may store a blob again; keep the totals right.
            QStringLiteral(
                R"(CREATE TRIGGER images_bytes_update AFTER UPDATE OF original_bytes, stored_bytes ON images
                BEGIN
                UPDATE stats SET original_bytes = original_bytes - OLD.original_bytes + NEW.original_bytes,
                    stored_bytes = stored_bytes - OLD.stored_bytes + NEW.stored_bytes WHERE id = 1;
                END)"),
            QStringLiteral("CREATE INDEX images_damaged ON images(damaged) WHERE damaged != 0"),
        },
        {
            // Tags compare without case everywhere (filter, remove); make
            // storage agree, so "Cat" and "cat" are one tag.
            QStringLiteral(R"(CREATE TABLE tags_nocase (
                image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
                tag TEXT NOT NULL COLLATE NOCASE,
                PRIMARY KEY (image_id, tag)) WITHOUT ROWID)"),
            QStringLiteral(
                "INSERT OR IGNORE INTO tags_nocase(image_id, tag) SELECT image_id, tag FROM tags"),
            QStringLiteral("DROP TABLE tags"),
            QStringLiteral("ALTER TABLE tags_nocase RENAME TO tags"),
            QStringLiteral("CREATE INDEX tags_by_tag ON tags(tag, image_id)"),
        },
        {
            // Substring search over names, tags and source hosts through a
            // trigram index: a full scan with LIKE takes ~0.5 s at a million
            // images, a trigram match a few ms. Triggers keep it in step;
            // tags and hosts are kept one per line so no match spans two.
            QStringLiteral("CREATE VIRTUAL TABLE image_text USING fts5(name, tags, hosts, tokenize "
                           "= 'trigram')"),
            QStringLiteral(R"(INSERT INTO image_text(rowid, name, tags, hosts)
                SELECT i.id, i.name,
                    coalesce((SELECT group_concat(tag, char(10)) FROM tags WHERE image_id = i.id), ''),
                    coalesce((SELECT group_concat(host, char(10)) FROM sources WHERE image_id = i.id), '')
                FROM images i)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_insert AFTER INSERT ON images BEGIN
                INSERT INTO image_text(rowid, name, tags, hosts) VALUES (NEW.id, NEW.name, '', '');
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_rename AFTER UPDATE OF name ON images BEGIN
                UPDATE image_text SET name = NEW.name WHERE rowid = NEW.id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_delete AFTER DELETE ON images BEGIN
                DELETE FROM image_text WHERE rowid = OLD.id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_insert AFTER INSERT ON tags BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = NEW.image_id), '') WHERE rowid = NEW.image_id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_tag_delete AFTER DELETE ON tags BEGIN
                UPDATE image_text SET tags = coalesce((SELECT group_concat(tag, char(10)) FROM tags
                    WHERE image_id = OLD.image_id), '') WHERE rowid = OLD.image_id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_source_insert AFTER INSERT ON sources BEGIN
                UPDATE image_text SET hosts = coalesce((SELECT group_concat(host, char(10)) FROM sources
                    WHERE image_id = NEW.image_id), '') WHERE rowid = NEW.image_id;
                END)"),
            QStringLiteral(R"(CREATE TRIGGER image_text_source_delete AFTER DELETE ON sources BEGIN
                UPDATE image_text SET hosts = coalesce((SELECT group_concat(host, char(10)) FROM sources
                    WHERE image_id = OLD.image_id), '') WHERE rowid = OLD.image_id;
                END)"),
        },
    };
    return migrations;
}

const std::vector<QStringList> &thumbsMigrations()
{
    static const std::vector<QStringList> migrations {
        {
            QStringLiteral(R"(CREATE TABLE thumbs (
                image_id INTEGER PRIMARY KEY,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                data BLOB NOT NULL))"),
        },
    };
    return migrations;
}

const std::vector<QStringList> &migrationsFor(Connection::Kind kind)
{
    return kind == Connection::Kind::Catalog ? catalogMigrations() : thumbsMigrations();
}

} // namespace

Error sqlError(const QSqlQuery &q)
{
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
    return int(migrationsFor(kind).size());
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
    const auto &steps = migrationsFor(kind);
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

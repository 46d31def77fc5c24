// SPDX-License-Identifier: MIT
#include "catalog/librarybackup.h"

#include "base/filenames.h"
#include "base/platform.h"
#include "ingest/ingesttypes.h"
#include "storage/database.h"
#include "storage/diskspace.h"

#include <QAtomicInteger>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <sys/stat.h>

namespace trove {

namespace {

QAtomicInteger<quint64> s_snapshotCounter;

constexpr int kAttempts = 3;

/// The library's identity in the `library` table (schema.cpp) of @p db,
/// named @p catalogFile in errors; empty for a catalog from before
/// identities.
Result<QString> identityIn(QSqlDatabase &db, const QString &catalogFile)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                               "AND name = 'library'"))
        || !q.next())
        return fail(LibraryBackup::tr("cannot read %1: %2").arg(catalogFile, q.lastError().text()));
    if (q.value(0).toInt() == 0)
        return QString();
    if (q.exec(QStringLiteral("SELECT uuid FROM library WHERE id = 1")) && q.next())
        return q.value(0).toString();
    if (q.lastError().isValid())
        return fail(LibraryBackup::tr("cannot read %1: %2").arg(catalogFile, q.lastError().text()));
    return QString();
}

/// The identity of the catalog in @p catalogFile, opened read-only so that
/// nothing in it changes (no migration, no WAL).
Result<QString> identityOfFile(const QString &catalogFile)
{
    const QString name
        = QStringLiteral("trove-backup-id-%1").arg(s_snapshotCounter.fetchAndAddRelaxed(1));
    Result<QString> out = QString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(catalogFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        out = db.open()
            ? identityIn(db, catalogFile)
            : fail(LibraryBackup::tr("cannot read %1: %2").arg(catalogFile, db.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

/// The identity of the library in @p source, read through a reading
/// connection: a writable library's schema is brought up to date by opening
/// it (as by any command, and with it the identity of a library from before
/// identities); a read-only one (a DVD, a volume mounted read-only) is only
/// read, and one written by an older Trove, which cannot be brought up to
/// date there, is refused with the reason.
Result<QString> sourceIdentity(const LibraryPaths &source)
{
    Connection db;
    if (auto r = db.open(source, Connection::Kind::Catalog, Connection::Role::Reader); !r)
        return r.failure();
    return identityIn(db.db(), source.catalogFile());
}

/// A destination that holds a catalog is written over only when it is an
/// earlier backup of the same library (@p ours, the source's identity): any
/// other library, or a backup of one, would lose its images to the
/// incremental copy's clean-up.
Result<void> checkSameLibrary(const QString &ours, const LibraryPaths &target)
{
    if (!QFileInfo::exists(target.catalogFile()))
        return {};
    auto theirs = identityOfFile(target.catalogFile());
    if (!theirs)
        return fail(LibraryBackup::tr("%1 holds a catalog that cannot be read, so it is not "
                                      "written over: %2")
                        .arg(target.root(), theirs.error()));
    if (theirs->isEmpty() || *theirs != ours)
        return fail(LibraryBackup::tr("%1 holds another library or a backup of another library: "
                                      "back up into an empty folder or into an earlier backup "
                                      "of this library")
                        .arg(target.root()));
    return {};
}

Result<void> makePrivateDir(const QString &dir)
{
    const bool existed = QFileInfo::exists(dir);
    if (!QDir().mkpath(dir))
        return fail(LibraryBackup::tr("cannot create folder %1").arg(dir));
    if (!existed)
        ::chmod(QFile::encodeName(dir).constData(), S_IRWXU);
    return {};
}

Result<void> renameOver(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return fail(LibraryBackup::tr("cannot move %1 into place: %2")
                        .arg(to, QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

/// The catalog of @p source as of now, written to @p target by SQLite.
Result<void> snapshot(const LibraryPaths &source, Connection::Kind kind, const QString &target)
{
    QFile::remove(target); // VACUUM INTO refuses a file that has content
    // A reader: the backup writes only to the destination, so a read-only
    // library is copied as it is (VACUUM INTO writes the copy through a
    // read-only connection too).
    Connection db;
    if (auto r = db.open(source, kind, Connection::Role::Reader); !r)
        return r;
    QSqlQuery q = db.query(QStringLiteral("VACUUM INTO ?"));
    q.bindValue(0, target);
    if (!q.exec()) {
        if (q.lastError().nativeErrorCode() == QLatin1String("13"))
            return Error { DiskSpace::reason(QFileInfo(target).absolutePath(), -1),
                Error::Kind::DiskFull };
        return fail(
            LibraryBackup::tr("cannot copy %1: %2")
                .arg(kind == Connection::Kind::Catalog ? source.catalogFile() : source.thumbsFile(),
                    q.lastError().text()));
    }
    ::chmod(QFile::encodeName(target).constData(), S_IRUSR | S_IWUSR);
    return {};
}

struct Snapshot {
    QHash<QString, bool> blobs; ///< sha256 -> only damaged images name it
    qint64 images = 0;
    qint64 trashed = 0;
};

/// Reads which blobs the snapshot @p file names, and makes it a library of
/// its own: blob intents of the live writers and queue owners are theirs,
/// not the copy's (unfinished queue items resume when the copy is opened).
Result<Snapshot> prepareSnapshot(const QString &file)
{
    const QString name
        = QStringLiteral("trove-backup-%1").arg(s_snapshotCounter.fetchAndAddRelaxed(1));
    Snapshot out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (!db.open())
            return fail(
                LibraryBackup::tr("cannot open the copy %1: %2").arg(file, db.lastError().text()));
        QSqlQuery q(db);
        const QStringList fixes {
            QStringLiteral("DELETE FROM blob_journal"),
            QStringLiteral("UPDATE queue SET owner_pid = 0 WHERE state < %1")
                .arg(int(IngestState::Done)),
        };
        for (const QString &sql : fixes) {
            if (!q.exec(sql))
                return fail(
                    LibraryBackup::tr("cannot prepare the copy: %1").arg(q.lastError().text()));
        }
        if (!q.exec(QStringLiteral("SELECT sha256, damaged, 0 AS trashed FROM images UNION ALL "
                                   "SELECT sha256, damaged, 1 AS trashed FROM trash")))
            return fail(LibraryBackup::tr("cannot read the copy: %1").arg(q.lastError().text()));
        while (q.next()) {
            ++(q.value(QStringLiteral("trashed")).toInt() != 0 ? out.trashed : out.images);
            const QString sha = q.value(QStringLiteral("sha256")).toString();
            const bool damaged = q.value(QStringLiteral("damaged")).toInt() != 0;
            auto it = out.blobs.find(sha);
            if (it == out.blobs.end())
                out.blobs.insert(sha, damaged);
            else
                *it = *it && damaged;
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

/// Copies one blob through a temp file in the destination's tmp/. Answers
/// -1 when the blob vanished from the library before it was copied (its
/// trash emptied meanwhile): then another snapshot is taken.
Result<qint64> copyBlob(const QString &from, const QString &to, const QString &tmpDir)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly)) {
        if (!QFileInfo::exists(from))
            return qint64(-1);
        return fail(LibraryBackup::tr("cannot read %1: %2").arg(from, in.errorString()));
    }
    const QString temp = tmpDir
        + QStringLiteral("/%1-%2.gz")
              .arg(currentPid())
              .arg(s_snapshotCounter.fetchAndAddRelaxed(1));
    QFile out(temp);
    errno = 0;
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const int savedErrno = errno;
        return DiskSpace::writeFailure(tmpDir, in.size(), savedErrno,
            LibraryBackup::tr("cannot write %1: %2").arg(temp, out.errorString()));
    }
    char buffer[256 * 1024];
    qint64 total = 0;
    for (;;) {
        const qint64 n = in.read(buffer, sizeof buffer);
        if (n < 0)
            return fail(LibraryBackup::tr("cannot read %1: %2").arg(from, in.errorString()));
        if (n == 0)
            break;
        errno = 0;
        if (out.write(buffer, n) != n) {
            const int savedErrno = errno;
            out.close();
            QFile::remove(temp);
            return DiskSpace::writeFailure(tmpDir, in.size() - total, savedErrno,
                LibraryBackup::tr("cannot write %1: %2").arg(temp, out.errorString()));
        }
        total += n;
    }
    if (!out.flush()) {
        const int savedErrno = errno;
        out.close();
        QFile::remove(temp);
        return DiskSpace::writeFailure(tmpDir, 0, savedErrno,
            LibraryBackup::tr("cannot write %1: %2").arg(temp, out.errorString()));
    }
    out.close();
    if (!syncFile(temp)) {
        QFile::remove(temp);
        return fail(LibraryBackup::tr("cannot sync %1 to disk").arg(temp));
    }
    const QString dir = QFileInfo(to).absolutePath();
    if (auto r = makePrivateDir(dir); !r)
        return r.failure();
    if (auto r = renameOver(temp, to); !r) {
        QFile::remove(temp);
        return r.failure();
    }
    return total;
}

Result<BackupReport> attempt(const LibraryPaths &source, const LibraryPaths &target,
    const LibraryBackup::Progress &progress, const std::atomic_bool *cancelled, bool &vanished)
{
    const QString tag
        = QStringLiteral("%1-%2").arg(currentPid()).arg(s_snapshotCounter.fetchAndAddRelaxed(1));
    const QString catalogPart = target.tmpDir() + QStringLiteral("/catalog-%1.sqlite").arg(tag);
    const QString thumbsPart = target.tmpDir() + QStringLiteral("/thumbs-%1.sqlite").arg(tag);
    auto dropParts = qScopeGuard([&] {
        for (const QString &part : { catalogPart, thumbsPart })
            for (const QString &suffix : { QString(), QStringLiteral("-wal"),
                     QStringLiteral("-shm"), QStringLiteral("-journal") })
                QFile::remove(part + suffix);
    });

    // The catalog first: every image in it has its thumbnail in a thumbs
    // snapshot taken after it (a later image's thumbnail is harmless, and
    // a missing one is rebuilt when shown).
    if (auto r = snapshot(source, Connection::Kind::Catalog, catalogPart); !r)
        return r.failure();
    if (auto r = snapshot(source, Connection::Kind::Thumbs, thumbsPart); !r)
        return r.failure();
    auto snap = prepareSnapshot(catalogPart);
    if (!snap)
        return snap.failure();

    BackupReport report;
    report.images = snap->images;
    report.trashed = snap->trashed;
    const qint64 total = snap->blobs.size();
    qint64 done = 0;
    for (auto it = snap->blobs.cbegin(); it != snap->blobs.cend(); ++it) {
        if (cancelled && cancelled->load())
            return fail(LibraryBackup::tr("cancelled"));
        const QString from = source.blobFile(it.key());
        const QString to = target.blobFile(it.key());
        const QFileInfo have(to);
        if (have.exists() && have.size() == QFileInfo(from).size()) {
            ++report.blobsSkipped;
        } else if (it.value() && !QFileInfo::exists(from)) {
            // Only damaged images name it, and verify --repair moved it
            // aside: the copy is as damaged as the library, no more.
        } else {
            auto copied = copyBlob(from, to, target.tmpDir());
            if (!copied)
                return copied.failure();
            if (*copied < 0) {
                vanished = true;
                return fail(LibraryBackup::tr("a blob vanished while it was copied"));
            }
            ++report.blobsCopied;
            report.bytesCopied += *copied;
        }
        if (progress)
            progress(++done, total);
    }
    if (!syncDirectory(target.blobsDir()))
        return fail(LibraryBackup::tr("cannot sync %1 to disk").arg(target.blobsDir()));

    // A catalog of an earlier backup may have been opened: its -wal and
    // -shm belong to it, never to the new file.
    for (const QString &db : { target.thumbsFile(), target.catalogFile() }) {
        for (const QString &suffix : { QStringLiteral("-wal"), QStringLiteral("-shm") })
            QFile::remove(db + suffix);
    }
    if (auto r = renameOver(thumbsPart, target.thumbsFile()); !r)
        return r.failure();
    // The commit point: from here the destination names the new snapshot.
    if (auto r = renameOver(catalogPart, target.catalogFile()); !r)
        return r.failure();
    syncDirectory(target.root());

    // Blobs of an earlier backup that no row names any more.
    QDirIterator blobs(
        target.blobsDir(), { QStringLiteral("*.gz") }, QDir::Files, QDirIterator::Subdirectories);
    while (blobs.hasNext()) {
        const QFileInfo fi(blobs.next());
        if (!snap->blobs.contains(fi.completeBaseName()) && QFile::remove(fi.absoluteFilePath()))
            ++report.blobsRemoved;
    }
    return report;
}

} // namespace

QFuture<Result<BackupReport>> LibraryBackup::start(const LibraryPaths &source, const QString &dest)
{
    return QtConcurrent::run(
        backgroundPool(), [source, dest](QPromise<Result<BackupReport>> &promise) {
            std::atomic_bool cancelled = false;
            auto report = run(
                source, dest,
                [&promise, &cancelled](qint64 done, qint64 total) {
                    promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
                    promise.setProgressValue(int(std::min<qint64>(done, INT_MAX)));
                    if (promise.isCanceled())
                        cancelled = true;
                },
                &cancelled);
            promise.addResult(std::move(report));
        });
}

QString LibraryBackup::markerFile(const QString &dest)
{
    return QDir(dest).filePath(QStringLiteral("BACKUP-IN-PROGRESS"));
}

Result<void> LibraryBackup::checkComplete(const QString &dest)
{
    const LibraryPaths target(dest);
    if (!QFileInfo(target.root()).isDir())
        return fail(tr("%1 is not a folder").arg(dest));
    if (QFileInfo::exists(markerFile(dest)))
        return fail(
            tr("the backup in %1 is unfinished (it was interrupted): run it again").arg(dest));
    if (!QFileInfo::exists(target.catalogFile()) || QFileInfo(target.catalogFile()).size() == 0)
        return fail(tr("%1 holds no backup (no catalog.sqlite)").arg(dest));
    return {};
}

Result<BackupReport> LibraryBackup::run(const LibraryPaths &source, const QString &dest,
    const Progress &progress, const std::atomic_bool *cancelled)
{
    if (!QFileInfo::exists(source.catalogFile()))
        return fail(tr("no library in %1").arg(source.root()));
    const LibraryPaths target(dest);
    // Compared through symbolic links: "link-to-library/inner" is inside.
    if (isSameOrInside(target.root(), source.root())
        || isSameOrInside(source.root(), target.root()))
        return fail(tr("a backup goes outside the library, not into it"));
    const QFileInfo destInfo(target.root());
    if (destInfo.exists() && !destInfo.isDir())
        return fail(tr("%1 is not a folder").arg(dest));
    // Before anything is written: the source must be readable as this
    // Trove's library.
    const auto ours = sourceIdentity(source);
    if (!ours)
        return fail(tr("cannot back up %1: %2").arg(source.root(), ours.error()), ours.errorKind());
    // Never write over something that is not ours.
    if (destInfo.exists() && !QFileInfo::exists(target.catalogFile())
        && !QFileInfo::exists(markerFile(target.root()))
        && !QDir(target.root())
                .isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot))
        return fail(tr("%1 is neither empty nor a Trove backup").arg(dest));
    if (auto r = checkSameLibrary(*ours, target); !r)
        return r.failure();

    for (const QString &dir : { target.root(), target.blobsDir(), target.tmpDir() }) {
        if (auto r = makePrivateDir(dir); !r)
            return r.failure();
    }
    {
        QFile marker(markerFile(target.root()));
        if (!marker.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return fail(tr("cannot write %1: %2").arg(marker.fileName(), marker.errorString()));
        marker.write("A Trove backup is being written here; until this file is gone it is "
                     "unfinished.\n");
    }
    target.sweepTmp();

    for (int i = 1;; ++i) {
        bool vanished = false;
        auto report = attempt(source, target, progress, cancelled, vanished);
        if (report) {
            QFile::remove(markerFile(target.root()));
            syncDirectory(target.root());
        }
        if (!vanished)
            return report;
        if (i == kAttempts)
            return fail(tr("the library kept changing under the backup (blobs removed while it "
                           "copied): run it again"));
    }
}

} // namespace trove

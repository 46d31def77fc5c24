// SPDX-License-Identifier: MIT
#include "catalog/librarymove.h"

#include "base/filenames.h"
#include "base/platform.h"
#include "catalog/librarybackup.h"
#include "storage/diskspace.h"

#include <QAtomicInteger>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <climits>

namespace trove {

// Named: in a unity build the backup's helpers share this file's scope.
namespace move_detail {

QAtomicInteger<quint64> s_moveCounter;

/// The local API's key file (ApiKey::filePath, a layer above the core).
QString apiKeyFile(const LibraryPaths &paths)
{
    return QDir(paths.root()).filePath(QStringLiteral("api-key"));
}

constexpr QDir::Filters kEverything
    = QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;

/// What a library (its catalog, or a copy of it) holds, read by column name.
struct Counts {
    qint64 images = 0; ///< images and trashed images
    qint64 changeSeq = 0; ///< the change feed's last sequence number
    QStringList blobs; ///< sha256 of every blob an undamaged row names
};

Result<Counts> countsOf(const QString &catalogFile)
{
    const QString name = QStringLiteral("trove-move-%1").arg(s_moveCounter.fetchAndAddRelaxed(1));
    Counts out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(catalogFile);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open())
            return fail(LibraryMove::tr("cannot open %1: %2")
                            .arg(QDir::toNativeSeparators(catalogFile), db.lastError().text()));
        QSqlQuery q(db);
        const auto read = [&](const QString &sql) {
            if (!q.exec(sql))
                return false;
            return true;
        };
        if (!read(QStringLiteral("SELECT (SELECT COUNT(*) FROM images) + (SELECT COUNT(*) FROM "
                                 "trash) AS n, (SELECT COALESCE(MAX(seq), 0) FROM "
                                 "sqlite_sequence WHERE name = 'changes') AS seq"))
            || !q.next())
            return fail(LibraryMove::tr("cannot read %1: %2")
                            .arg(QDir::toNativeSeparators(catalogFile), q.lastError().text()));
        out.images = q.value(QStringLiteral("n")).toLongLong();
        out.changeSeq = q.value(QStringLiteral("seq")).toLongLong();
        if (!read(QStringLiteral("SELECT sha256 FROM images WHERE damaged = 0 UNION "
                                 "SELECT sha256 FROM trash WHERE damaged = 0")))
            return fail(LibraryMove::tr("cannot read %1: %2")
                            .arg(QDir::toNativeSeparators(catalogFile), q.lastError().text()));
        while (q.next())
            out.blobs << q.value(QStringLiteral("sha256")).toString();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

/// The copy holds what the source holds now: every image, every blob at
/// its size, and nothing was committed to the source after the snapshot.
Result<MoveReport> verify(const LibraryPaths &source, const LibraryPaths &target)
{
    if (auto r = LibraryBackup::checkComplete(target.root()); !r)
        return r.failure();
    auto before = countsOf(source.catalogFile());
    if (!before)
        return before.failure();
    auto after = countsOf(target.catalogFile());
    if (!after)
        return after.failure();
    if (before->changeSeq != after->changeSeq)
        return fail(LibraryMove::tr("the library changed while it was copied (images were added "
                                    "or edited meanwhile): try again once nothing writes to it"));
    if (before->images != after->images)
        return fail(LibraryMove::tr("the copy holds %1 images, the library %2")
                        .arg(after->images)
                        .arg(before->images));
    MoveReport report;
    report.images = after->images;
    for (const QString &sha : std::as_const(after->blobs)) {
        const QFileInfo copied(target.blobFile(sha));
        if (!copied.exists() || copied.size() != QFileInfo(source.blobFile(sha)).size())
            return fail(LibraryMove::tr("the copy of %1 is missing or incomplete")
                            .arg(QDir::toNativeSeparators(copied.filePath())));
        ++report.blobs;
        report.bytes += copied.size();
    }
    return report;
}

/// The API key, damaged blobs set aside and damaged catalogs moved aside
/// are the library's too; the backup leaves them out.
Result<void> copyExtras(const LibraryPaths &source, const LibraryPaths &target)
{
    QStringList files { apiKeyFile(source), apiKeyFile(source) + QStringLiteral(".made") };
    const QDir root(source.root());
    for (const QString &name : root.entryList({ QStringLiteral("catalog.sqlite.damaged-*"),
                                                  QStringLiteral("thumbs.sqlite.damaged-*") },
             QDir::Files | QDir::Hidden))
        files << root.filePath(name);
    const QString damaged = root.filePath(QStringLiteral("damaged"));
    QDirIterator it(damaged, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    for (const QString &from : std::as_const(files)) {
        if (!QFileInfo::exists(from))
            continue;
        const QString to = target.root() + from.mid(source.root().size());
        QDir().mkpath(QFileInfo(to).absolutePath());
        if (!QFile::copy(from, to))
            return fail(LibraryMove::tr("cannot copy %1 to %2")
                            .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to)));
    }
    return {};
}

/// Removes what a failed copy wrote: the folder was empty or missing.
void dropCopy(const QString &dest, bool made)
{
    QDir dir(dest);
    if (made) {
        dir.removeRecursively();
        return;
    }
    for (const QFileInfo &entry : dir.entryInfoList(kEverything)) {
        if (entry.isDir() && !entry.isSymLink())
            QDir(entry.absoluteFilePath()).removeRecursively();
        else
            QFile::remove(entry.absoluteFilePath());
    }
}

void removeAll(const QStringList &files)
{
    for (const QString &f : files)
        QFile::remove(f);
}

} // namespace move_detail

using namespace move_detail;

qint64 LibraryMove::librarySize(const LibraryPaths &source)
{
    qint64 total = 0;
    for (const QString &db : { source.catalogFile(), source.thumbsFile() })
        for (const QString &suffix : { QString(), QStringLiteral("-wal") })
            total += QFileInfo(db + suffix).size();
    QDirIterator it(source.blobsDir(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

Result<void> LibraryMove::checkDestination(
    const LibraryPaths &source, const QString &dest, qint64 bytesNeeded)
{
    const LibraryPaths target(dest);
    const QString where = QDir::toNativeSeparators(target.root());
    // Through any symbolic link: "link-to-library/inner" is inside it.
    const QString from = resolvedPath(source.root());
    const QString to = resolvedPath(target.root());
    if (from == to)
        return fail(tr("the library is already in %1").arg(where));
    if (isSameOrInside(to, from))
        return fail(tr("%1 is inside the library: choose a folder outside it").arg(where));
    const QFileInfo info(target.root());
    if (info.exists() && !info.isDir())
        return fail(tr("%1 is not a folder").arg(where));
    if (info.exists() && !QDir(target.root()).isEmpty(kEverything))
        return fail(tr("%1 is not empty: choose an empty folder or a new one").arg(where));
    if (bytesNeeded >= 0) {
        const qint64 free = DiskSpace::available(target.root());
        if (free >= 0 && free < bytesNeeded + DiskSpace::kSpareBytes) {
            return Error { tr("not enough free space in %1: the library needs %2, %3 free")
                               .arg(where, DiskSpace::megabytes(bytesNeeded),
                                   DiskSpace::megabytes(free)),
                Error::Kind::DiskFull };
        }
    }
    return {};
}

Result<MoveReport> LibraryMove::copy(const LibraryPaths &source, const QString &dest,
    const Progress &progress, const Cancelled &cancelled)
{
    if (!QFileInfo::exists(source.catalogFile()))
        return fail(tr("no library in %1").arg(QDir::toNativeSeparators(source.root())));
    if (auto r = checkDestination(source, dest); !r)
        return r.failure();
    if (auto r = checkDestination(source, dest, librarySize(source)); !r)
        return r.failure();
    const LibraryPaths target(dest);
    const bool made = !QFileInfo::exists(target.root());
    std::atomic_bool stop = false;
    const auto poll = [&] {
        if (cancelled && cancelled())
            stop = true;
        return stop.load();
    };
    auto copied = LibraryBackup::run(
        source, target.root(),
        [&](qint64 done, qint64 total) {
            if (progress)
                progress(done, total);
            poll();
        },
        &stop);
    Result<MoveReport> outcome
        = copied ? verify(source, target) : Result<MoveReport>(copied.failure());
    if (outcome && poll())
        outcome = fail(tr("cancelled"));
    if (outcome) {
        if (auto r = copyExtras(source, target); !r)
            outcome = r.failure();
    }
    if (!outcome)
        dropCopy(target.root(), made);
    return outcome;
}

QFuture<Result<MoveReport>> LibraryMove::start(const LibraryPaths &source, const QString &dest)
{
    return QtConcurrent::run(
        backgroundPool(), [source, dest](QPromise<Result<MoveReport>> &promise) {
            auto report = copy(
                source, dest,
                [&promise](qint64 done, qint64 total) {
                    promise.setProgressRange(0, int(std::min<qint64>(total, INT_MAX)));
                    promise.setProgressValue(int(std::min<qint64>(done, INT_MAX)));
                },
                [&promise] { return promise.isCanceled(); });
            promise.addResult(std::move(report));
        });
}

Result<QStringList> LibraryMove::removeOld(const LibraryPaths &old)
{
    QDir root(old.root());
    if (!root.exists())
        return QStringList();
    // The catalogs with SQLite's journals, and files Trove keeps beside them.
    QStringList files;
    for (const QString &db : { old.catalogFile(), old.thumbsFile() })
        for (const QString &suffix : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                 QStringLiteral("-journal") })
            files << db + suffix;
    files << old.thumbsFile() + QStringLiteral(".rebuild.lock") << apiKeyFile(old)
          << apiKeyFile(old) + QStringLiteral(".made");
    for (const QString &name : root.entryList({ QStringLiteral("catalog.sqlite.damaged-*"),
                                                  QStringLiteral("thumbs.sqlite.damaged-*") },
             QDir::Files | QDir::Hidden))
        files << root.filePath(name);
    // Catalogs last: until they go the folder is still a library.
    std::reverse(files.begin(), files.end());

    // Blobs by their names only: blobs/ab/<sha256>.gz.
    static const QRegularExpression blobName(QStringLiteral("^[0-9a-f]{64}\\.gz$"));
    static const QRegularExpression fanOut(QStringLiteral("^[0-9a-f]{2}$"));
    QDir blobs(old.blobsDir());
    for (const QString &sub : blobs.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!fanOut.match(sub).hasMatch())
            continue;
        QDir fan(blobs.filePath(sub));
        QStringList gone;
        for (const QString &name : fan.entryList(QDir::Files | QDir::Hidden))
            if (blobName.match(name).hasMatch())
                gone << fan.filePath(name);
        removeAll(gone);
        blobs.rmdir(sub); // only when empty
    }
    root.rmdir(QStringLiteral("blobs"));
    // tmp/ and damaged/ hold only what Trove wrote there.
    QDir(old.tmpDir()).removeRecursively();
    QDir(root.filePath(QStringLiteral("damaged"))).removeRecursively();
    removeAll(files);

    QStringList left;
    for (const QFileInfo &entry : root.entryInfoList(kEverything))
        left << entry.absoluteFilePath();
    if (left.isEmpty() && !QDir().rmdir(root.absolutePath()))
        left << root.absolutePath();
    return left;
}

} // namespace trove

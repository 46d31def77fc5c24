// SPDX-License-Identifier: MIT
#include "base/platform.h"
#include "blobrepairer.h"
#include "catalog/catalogmaintenance.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogsalvage.h"
#include "catalog/catalogwriter.h"
#include "commandhelpers.h"
#include "storage/gzipcodec.h"
#include "storage/libraryaccess.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace trove::cli {

void verifyOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("repair"),
        QStringLiteral("Salvage a damaged catalog into a fresh one (keeping the damaged file), "
                       "rebuild damaged thumbnails, move damaged blobs aside, mark their images, "
                       "and fetch their sources again where they still serve the same bytes.") });
}

namespace {

// Why a blob does not hold what its row says, or an empty string.
QString checkBlob(const LibraryPaths &paths, const ImageRecord &r)
{
    const QString path = paths.blobFile(r.sha256);
    const QFileInfo info(path);
    if (!info.exists()) {
        const QFileInfo folder(info.absolutePath());
        if (folder.exists() && !folder.isDir())
            return QStringLiteral("blob missing: %1 is a file, where the folder of its blob "
                                  "should be; `trove verify --repair` moves it aside")
                .arg(QDir::toNativeSeparators(folder.absoluteFilePath()));
        return QStringLiteral("blob missing (%1)").arg(path);
    }
    if (info.size() != r.storedBytes)
        return QStringLiteral("blob is %1 bytes, the catalog says %2")
            .arg(info.size())
            .arg(r.storedBytes);
    auto check = GzipCodec::inflateFile(path);
    if (!check)
        return check.error();
    if (check->sha256 != r.sha256)
        return QStringLiteral("SHA-256 mismatch: content hashes to %1").arg(check->sha256);
    if (check->originalBytes != r.originalBytes)
        return QStringLiteral("size mismatch: %1 bytes, the catalog says %2")
            .arg(check->originalBytes)
            .arg(r.originalBytes);
    return {};
}

// What SQLite says of the library's two databases.
struct DatabaseHealth {
    QStringList catalog; ///< damage of catalog.sqlite; empty when sound
    QStringList thumbs; ///< damage of thumbs.sqlite
    QString failure; ///< the library could not be looked at for another reason
};

DatabaseHealth checkDatabases(const LibraryPaths &paths)
{
    DatabaseHealth health;
    CatalogReader reader;
    if (auto opened = reader.open(paths); !opened) {
        if (opened.errorKind() != Error::Kind::Damaged) {
            health.failure = opened.error();
        } else if (!reader.catalog().isOpen()) {
            health.catalog = CatalogSalvage::diagnose(paths.catalogFile());
            if (health.catalog.isEmpty())
                health.catalog = QStringList { opened.error() };
        } else {
            health.thumbs = CatalogSalvage::diagnose(paths.thumbsFile());
            if (health.thumbs.isEmpty())
                health.thumbs = QStringList { opened.error() };
        }
        return health;
    }
    auto catalog = integrityProblems(reader.catalog());
    health.catalog = catalog ? *catalog : QStringList { catalog.error() };
    auto thumbs = integrityProblems(reader.thumbs());
    health.thumbs = thumbs ? *thumbs : QStringList { thumbs.error() };
    return health;
}

} // namespace

// Checks every blob against its row (present, size, gzip CRC, SHA-256),
// every blob file against the catalog (orphans), and SQLite's own integrity.
int runVerify(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("verify takes no arguments"));
    if (!libraryThere(ctx, LostCatalog::Rebuild))
        return 1;
    const bool repair = ctx.parser.isSet(QStringLiteral("repair"));
    QJsonArray problems;
    QList<ImageRecord> damaged;
    QStringList orphans;
    int unrepairable = 0;
    int repaired = 0;
    auto report = [&](const QString &what, const QString &why) {
        ctx.output.err() << "bad  " << what << ": " << why << Qt::endl;
        problems.append(
            QJsonObject { { QStringLiteral("item"), what }, { QStringLiteral("problem"), why } });
    };
    auto finish = [&](qint64 checked) {
        const bool ok = problems.isEmpty() || (repair && unrepairable == 0);
        if (ctx.json) {
            ctx.output.json(QJsonDocument(QJsonObject { { QStringLiteral("images"), checked },
                { QStringLiteral("problems"), problems }, { QStringLiteral("repaired"), repaired },
                { QStringLiteral("ok"), ok } }));
        } else {
            ctx.output.out() << "verified " << checked << " image(s): "
                             << (problems.isEmpty()
                                        ? QStringLiteral("all intact")
                                        : QStringLiteral("%1 problem(s)").arg(problems.size()));
            if (repair && !problems.isEmpty())
                ctx.output.out() << ", " << repaired << " repaired, " << unrepairable << " not";
            ctx.output.out() << Qt::endl;
        }
        return ok ? 0 : 1;
    };

    const LibraryAccess access = LibraryAccess::probe(ctx.paths.root());
    if (repair && !access.writable)
        return failWith(ctx,
            QStringLiteral("library %1 is read-only: %2; verify without --repair only looks")
                .arg(QDir::toNativeSeparators(ctx.paths.root()), access.readOnlyReason));

    // A file where blobs/ or tmp/ should be stops every writer: moved
    // aside (someone's, perhaps: never deleted) and the folder made again.
    for (const QString &dir : { ctx.paths.blobsDir(), ctx.paths.tmpDir() }) {
        const QFileInfo there(dir);
        if (!there.exists() || there.isDir())
            continue;
        report(QDir::toNativeSeparators(dir), LibraryPaths::fileInTheWay(dir));
        if (!repair)
            continue;
        auto moved = ctx.paths.moveToDamaged(dir);
        if (!moved)
            return failWith(ctx, moved.error());
        if (auto made = ctx.paths.ensureLayout(); !made)
            return failWith(ctx, made.error());
        ++repaired;
        (ctx.json ? ctx.output.err() : ctx.output.out())
            << "moved aside a file that was where the library's folder should be: "
            << QDir::toNativeSeparators(dir) << " is now " << QDir::toNativeSeparators(*moved)
            << Qt::endl;
    }

    // The databases first: blobs are checked against a catalog that reads.
    const DatabaseHealth health = checkDatabases(ctx.paths);
    if (!health.failure.isEmpty())
        return failWith(ctx, health.failure);
    if (!health.catalog.isEmpty()) {
        report(QStringLiteral("catalog"),
            QStringLiteral("%1 is damaged: %2 (%3 problem(s) found by SQLite)%4")
                .arg(QDir::toNativeSeparators(ctx.paths.catalogFile()),
                    CatalogSalvage::summarize(health.catalog))
                .arg(health.catalog.size())
                .arg(repair ? QString()
                            : QStringLiteral("; `trove verify --repair` salvages what can be read "
                                             "into a fresh catalog, rebuilds the rest from the "
                                             "stored blobs and keeps the damaged file")));
        if (!repair)
            return finish(0);
        auto salvage = CatalogSalvage::run(ctx.paths);
        if (!salvage)
            return failWith(ctx, salvage.error());
        ++repaired;
        for (const QString &note : std::as_const(salvage->notes))
            ctx.output.err() << "note " << note << Qt::endl;
        // With --json, stdout holds the JSON document alone.
        QTextStream &said = ctx.json ? ctx.output.err() : ctx.output.out();
        said << "salvaged the catalog: " << salvage->imagesRead << " image(s) read back ("
             << salvage->tagsRead << " tag(s), " << salvage->sourcesRead << " source(s), "
             << salvage->trashRead << " in the trash), " << salvage->collectionsRead
             << " collection(s), " << salvage->rebuiltFromBlobs << " rebuilt from their blobs";
        if (!salvage->damagedFile.isEmpty())
            said << "; the damaged catalog is kept as "
                 << QDir::toNativeSeparators(salvage->damagedFile);
        said << Qt::endl;
    }
    if (!health.thumbs.isEmpty()) {
        report(QStringLiteral("thumbnails"),
            QStringLiteral("%1 is damaged: %2 (%3 problem(s)); thumbnails are made anew from the "
                           "blobs%4")
                .arg(QDir::toNativeSeparators(ctx.paths.thumbsFile()),
                    CatalogSalvage::summarize(health.thumbs))
                .arg(health.thumbs.size())
                .arg(repair ? QString() : QStringLiteral(" by `trove verify --repair`")));
        if (repair) {
            auto aside = Connection::moveAside(ctx.paths.thumbsFile());
            if (!aside)
                return failWith(ctx, aside.error());
            ++repaired;
            (ctx.json ? ctx.output.err() : ctx.output.out())
                << "thumbnails start afresh; the damaged file is kept as "
                << QDir::toNativeSeparators(*aside) << Qt::endl;
        }
    }
    unrepairable = int(problems.size()) - repaired;

    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;

    // Blobs whose fate was in flight when a process died (a crash while
    // adding, removing or emptying the trash) are settled by the next writer
    // to open the library: be that writer, so what is checked is what any
    // restart finds. Those of live processes are in flight, not orphans.
    QSet<QString> known;
    {
        QSqlQuery journal
            = reader.catalog().query(QStringLiteral("SELECT sha256, owner_pid FROM blob_journal"));
        bool orphanedEntries = false;
        if (journal.exec()) {
            while (journal.next()) {
                if (isProcessAlive(journal.value(QStringLiteral("owner_pid")).toLongLong()))
                    known.insert(journal.value(QStringLiteral("sha256")).toString());
                else
                    orphanedEntries = true;
            }
        }
        if (orphanedEntries && !reader.catalog().isReadOnly()) {
            CatalogWriter recovery(ctx.paths);
            if (!openWriter(ctx, recovery))
                return 1;
        }
    }

    qint64 checked = 0;
    auto walk = reader.forEach([&](const ImageRecord &r) {
        ++checked;
        known.insert(r.sha256);
        if (const QString why = checkBlob(ctx.paths, r); !why.isEmpty()) {
            report(QStringLiteral("%1 %2").arg(r.id, r.name), why);
            damaged.append(r);
        }
        return true;
    });
    if (!walk)
        report(QStringLiteral("catalog"), walk.error());
    // Images in the trash keep their blobs until it is emptied: referenced,
    // and checked like the rest (a restore must find them whole).
    auto trashWalk = reader.forEachTrashed([&](const TrashRecord &t) {
        ++checked;
        known.insert(t.image.sha256);
        if (const QString why = checkBlob(ctx.paths, t.image); !why.isEmpty()) {
            report(QStringLiteral("trash %1 %2").arg(t.image.id, t.image.name), why);
            ++unrepairable;
        }
        return true;
    });
    if (!trashWalk)
        report(QStringLiteral("catalog"), trashWalk.error());

    QDirIterator blobs(ctx.paths.blobsDir(), { QStringLiteral("*.gz") }, QDir::Files,
        QDirIterator::Subdirectories);
    while (blobs.hasNext()) {
        const QFileInfo fi(blobs.next());
        if (!known.contains(fi.completeBaseName())) {
            report(fi.absoluteFilePath(), QStringLiteral("orphan blob: no catalog row names it"));
            orphans.append(fi.absoluteFilePath());
        }
    }

    if (repair && (!damaged.isEmpty() || !orphans.isEmpty())) {
        CatalogWriter writer(ctx.paths);
        if (!openWriter(ctx, writer))
            return 1;
        QList<QPair<qint64, QString>> marks;
        for (const ImageRecord &r : std::as_const(damaged))
            marks.append({ r.key, r.sha256 });
        // What quarantine moves aside: the blobs that are there at all.
        QSet<QString> blobsThere;
        QSet<QString> inTheWay; // files where a blobs/ab folder should be
        for (const ImageRecord &r : std::as_const(damaged)) {
            const QFileInfo blob(ctx.paths.blobFile(r.sha256));
            const QFileInfo folder(blob.absolutePath());
            if (blob.isFile())
                blobsThere.insert(r.sha256);
            else if (folder.exists() && !folder.isDir())
                inTheWay.insert(folder.absoluteFilePath());
        }
        if (auto q = waitFor(writer.quarantine(marks)); !q)
            return failWith(ctx, q.error());
        // Someone's file, perhaps: moved aside, not deleted, so that the
        // fetched blobs have their folder again.
        for (const QString &file : std::as_const(inTheWay)) {
            auto moved = ctx.paths.moveToDamaged(file);
            if (!moved)
                return failWith(ctx, moved.error());
            ctx.output.out() << "moved aside a file that was where a folder of blobs should be: "
                             << QDir::toNativeSeparators(file) << " is now "
                             << QDir::toNativeSeparators(*moved) << Qt::endl;
        }
        BlobRepairer repairer(ctx.paths, writer);
        for (const ImageRecord &r : std::as_const(damaged)) {
            auto outcome = repairer.repair(r);
            if (outcome) {
                ++repaired;
                ctx.output.out() << "repaired " << r.id << ' ' << r.name << " from " << *outcome
                                 << Qt::endl;
            } else {
                ++unrepairable;
                ctx.output.err() << "unrepaired " << r.id << ' ' << r.name << ": "
                                 << outcome.error() << " (marked damaged";
                if (blobsThere.contains(r.sha256))
                    ctx.output.err() << "; its old blob is in "
                                     << QDir::toNativeSeparators(ctx.paths.damagedDir());
                ctx.output.err() << ')' << Qt::endl;
            }
        }
        // An orphan that is an intact image is one the catalog lost (with a
        // -wal, say): it becomes an image again. Any other orphan's bytes may
        // be someone's only copy: moved aside, not deleted.
        auto adopted = CatalogSalvage::adoptBlobs(orphans, ctx.paths);
        if (adopted) {
            for (const QString &blob : std::as_const(*adopted)) {
                ++repaired;
                orphans.removeOne(blob);
                (ctx.json ? ctx.output.err() : ctx.output.out())
                    << "added orphan blob back as an image: " << QFileInfo(blob).fileName()
                    << Qt::endl;
            }
        }
        const auto aside = ctx.paths.ensureDamagedDir();
        for (const QString &orphan : std::as_const(orphans)) {
            if (aside
                && QFile::rename(
                    orphan, *aside + QLatin1Char('/') + QFileInfo(orphan).fileName())) {
                ++repaired;
                ctx.output.out() << "moved orphan blob aside: " << QFileInfo(orphan).fileName()
                                 << Qt::endl;
            } else {
                ++unrepairable;
            }
        }
    }

    // Not damage, advice: a library others may read (made before Trove
    // made new ones private, or opened up by hand). The status stays.
    if (const QStringList exposed = ctx.paths.readableByOthers(); !exposed.isEmpty())
        ctx.output.err() << "note: other users of this computer can read this library: "
                         << exposed.join(QStringLiteral(", "))
                         << "; to make it private: chmod -R go-rwx " << ctx.paths.root()
                         << Qt::endl;
    return finish(checked);
}

} // namespace trove::cli

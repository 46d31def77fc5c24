// SPDX-License-Identifier: MIT
#include "base/platform.h"
#include "blobrepairer.h"
#include "catalog/catalogmaintenance.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "commandhelpers.h"
#include "storage/gzipcodec.h"

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
        QStringLiteral("Move damaged blobs aside, mark their images, and fetch their sources again "
                       "where they still serve the same bytes.") });
}

namespace {

// Why a blob does not hold what its row says, or an empty string.
QString checkBlob(const LibraryPaths &paths, const ImageRecord &r)
{
    const QString path = paths.blobFile(r.sha256);
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("blob missing (%1)").arg(path);
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

} // namespace

// Checks every blob against its row (present, size, gzip CRC, SHA-256),
// every blob file against the catalog (orphans), and SQLite's own integrity.
int runVerify(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("verify takes no arguments"));
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;

    const bool repair = ctx.parser.isSet(QStringLiteral("repair"));
    QJsonArray problems;
    QList<ImageRecord> damaged;
    QStringList orphans;
    int unrepairable = 0;
    auto report = [&](const QString &what, const QString &why) {
        ctx.output.err() << "bad  " << what << ": " << why << Qt::endl;
        problems.append(
            QJsonObject { { QStringLiteral("item"), what }, { QStringLiteral("problem"), why } });
    };

    auto integrity = integrityProblems(reader);
    if (!integrity)
        report(QStringLiteral("catalog"), integrity.error());
    else
        for (const QString &line : *integrity)
            report(QStringLiteral("catalog"), line);
    unrepairable = int(problems.size());

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
        if (orphanedEntries) {
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

    int repaired = 0;
    if (repair && (!damaged.isEmpty() || !orphans.isEmpty())) {
        CatalogWriter writer(ctx.paths);
        if (!openWriter(ctx, writer))
            return 1;
        QList<QPair<qint64, QString>> marks;
        for (const ImageRecord &r : std::as_const(damaged))
            marks.append({ r.key, r.sha256 });
        if (auto q = waitFor(writer.quarantine(marks)); !q)
            return failWith(ctx, q.error());
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
                                 << outcome.error() << " (marked damaged; its old blob is in "
                                 << ctx.paths.root() << "/damaged)" << Qt::endl;
            }
        }
        // An orphan's bytes may be someone's only copy: moved aside, not deleted.
        const QString aside = ctx.paths.root() + QStringLiteral("/damaged");
        QDir().mkpath(aside);
        for (const QString &orphan : std::as_const(orphans)) {
            if (QFile::rename(orphan, aside + QLatin1Char('/') + QFileInfo(orphan).fileName())) {
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
}

} // namespace trove::cli

// SPDX-License-Identifier: MIT
#include "commandhelpers.h"

#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/librarybackup.h"
#include "ingest/folderwalker.h"
#include "output.h"
#include "storage/database.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace trove::cli {

QString walkProblemText(const WalkProblem &problem)
{
    if (problem.kind == WalkProblem::Kind::NoImages)
        return printable(problem.reason);
    return QStringLiteral("skipped %1: %2").arg(printable(problem.path), printable(problem.reason));
}

QString withHint(const QString &message)
{
    if (Connection::isDamageMessage(message))
        return message
            + QStringLiteral("; `trove verify` names the damage and `trove verify --repair` "
                             "salvages what can be read");
    return message;
}

int usageError(CommandContext &ctx, const QString &message)
{
    ctx.output.error(message);
    return 2;
}

int failWith(CommandContext &ctx, const QString &message)
{
    ctx.output.error(withHint(message));
    return 1;
}

int failRead(CommandContext &ctx, const Error &error)
{
    if (error.kind == Error::Kind::Search)
        return usageError(ctx, QStringLiteral("search: %1").arg(error.message));
    return failWith(ctx, error.message);
}

bool libraryThere(CommandContext &ctx, LostCatalog lost)
{
    const QString root = QDir::toNativeSeparators(ctx.paths.root());
    if (QFileInfo::exists(ctx.paths.catalogFile()))
        return true;
    // A backup that was interrupted before its catalog was copied: opened
    // as a library, a read made it an empty one, which the backup then
    // refused to write over as another library's.
    if (QFileInfo::exists(LibraryBackup::markerFile(ctx.paths.root()))) {
        ctx.output.error(QStringLiteral("%1 is an unfinished backup (it was interrupted): run "
                                        "`trove backup` into it again")
                             .arg(root));
        return false;
    }
    if (ctx.mayCreateLibrary)
        return true;
    // Blobs without a catalog are a library that lost it: verify --repair
    // rebuilds it from them; nothing else makes an empty catalog beside them.
    if (QFileInfo(ctx.paths.blobsDir()).isDir()) {
        if (lost == LostCatalog::Rebuild)
            return true;
        ctx.output.error(QStringLiteral("%1 has images but no catalog: `trove verify --repair` "
                                        "rebuilds it from them")
                             .arg(root));
        return false;
    }
    ctx.output.error(
        QStringLiteral("no Trove library in %1 (trove add or the window makes one)").arg(root));
    return false;
}

bool openReader(CommandContext &ctx, CatalogReader &reader)
{
    if (!libraryThere(ctx))
        return false;
    if (auto r = reader.open(ctx.paths); !r) {
        ctx.output.error(withHint(r.error()));
        return false;
    }
    return true;
}

bool openWriter(CommandContext &ctx, CatalogWriter &writer)
{
    if (!libraryThere(ctx))
        return false;
    auto r = waitFor(writer.open());
    if (!r) {
        ctx.output.error(withHint(r.error()));
        return false;
    }
    return true;
}

QString ambiguous(const QString &arg, const QStringList &candidates, const QString &what)
{
    QString text
        = QStringLiteral("%1: %2 %3 match; use an id").arg(arg).arg(candidates.size()).arg(what);
    for (qsizetype i = 0; i < std::min<qsizetype>(candidates.size(), kAmbiguousShown); ++i)
        text += QStringLiteral("\n  ") + candidates.at(i);
    if (candidates.size() > kAmbiguousShown)
        text += QStringLiteral("\n  and %1 more").arg(candidates.size() - kAmbiguousShown);
    return text;
}

namespace {

// Why @p arg names no image, a line each: it is in the trash (each trashed
// image it names, by id and name), or nothing has that id or name at all.
QStringList notInLibrary(CatalogReader &reader, const QString &arg)
{
    auto trashed = reader.resolveTrash(arg);
    if (!trashed || trashed->isEmpty())
        return { QStringLiteral("%1: no image with this id or name").arg(arg) };
    QStringList lines;
    for (qsizetype i = 0; i < std::min<qsizetype>(trashed->size(), kAmbiguousShown); ++i) {
        const ImageRecord &image = trashed->at(i).image;
        lines.append(
            QStringLiteral("%1: in the trash: %2  %3 (`trove trash restore %4` puts it back)")
                .arg(arg, image.id, image.name, shortId(image.id)));
    }
    if (trashed->size() > kAmbiguousShown)
        lines.append(QStringLiteral("%1: and %2 more in the trash")
                         .arg(arg)
                         .arg(trashed->size() - kAmbiguousShown));
    return lines;
}

// The one image @p arg names; prints why not (none, or several) otherwise.
Result<ImageRecord> resolveOne(CommandContext &ctx, CatalogReader &reader, const QString &arg)
{
    auto found = reader.resolve(arg);
    QString problem;
    if (!found)
        problem = found.error();
    else if (found->isEmpty()) {
        const QStringList lines = notInLibrary(reader, arg);
        for (const QString &line : lines)
            ctx.output.error(line);
        return fail(lines.join(QLatin1Char('\n')));
    } else if (found->size() > 1) {
        QStringList candidates;
        for (const ImageRecord &r : std::as_const(*found))
            candidates.append(r.id + QStringLiteral("  ") + r.name);
        problem = ambiguous(arg, candidates, QStringLiteral("images"));
    }
    if (!problem.isEmpty()) {
        ctx.output.error(problem);
        return fail(problem);
    }
    return found->first();
}

} // namespace

int sayAbsent(CommandContext &ctx, const Resolved &targets, const Absent &absent)
{
    if (absent.isEmpty())
        return targets.status;
    for (const ImageRecord &r : targets.records) {
        if (absent.trashed.contains(r.key))
            ctx.output.error(QStringLiteral("%1  %2: moved to the trash meanwhile, left as it is")
                                 .arg(r.id, r.name));
        else if (absent.gone.contains(r.key))
            ctx.output.error(
                QStringLiteral("%1  %2: deleted meanwhile, left as it is").arg(r.id, r.name));
    }
    return 1;
}

QList<qint64> Resolved::keys() const
{
    QList<qint64> out;
    out.reserve(records.size());
    for (const ImageRecord &r : records)
        out.append(r.key);
    return out;
}

Resolved resolveArguments(CommandContext &ctx, CatalogReader &reader, const QStringList &args)
{
    Resolved out;
    if (!openReader(ctx, reader)) {
        out.status = 1;
        return out;
    }
    // An image named twice (by id and by name, or twice alike) is one
    // target: acted on and reported once.
    QSet<qint64> seen;
    for (const QString &arg : args) {
        if (auto record = resolveOne(ctx, reader, arg)) {
            if (!seen.contains(record->key)) {
                seen.insert(record->key);
                out.records.append(*record);
            }
        } else {
            out.status = 1;
        }
    }
    return out;
}

} // namespace trove::cli

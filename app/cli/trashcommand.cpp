// SPDX-License-Identifier: MIT
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "commandhelpers.h"
#include "jsonstream.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cstdio>
#include <optional>

// `trove trash list|restore|empty`: the images `trove remove` (and the
// window's Delete) moved aside, restorable until the trash is emptied.

namespace trove::cli {

void trashOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("older-than"),
        QStringLiteral("empty: only images in the trash for more than DAYS days."),
        QStringLiteral("DAYS") });
    p.addOption({ QStringLiteral("search"),
        QStringLiteral("list: only images whose name or tags contain every word of TEXT."),
        QStringLiteral("TEXT") });
}

namespace {

int listTrash(CommandContext &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return usageError(ctx, QStringLiteral("trash list takes no arguments"));
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;
    QTextStream &s = ctx.output.out();
    // Streamed in blocks: a million trashed images (Select All, Delete)
    // never sit in memory as one JSON document.
    std::optional<json::IndentedArray> array;
    if (ctx.json)
        array.emplace([&ctx](const QByteArray &bytes) { ctx.output.write(bytes); }, "[", 1);
    qint64 n = 0;
    const QString search = ctx.parser.value(QStringLiteral("search"));
    auto walk = reader.forEachTrashed(
        [&](const TrashRecord &t) {
            if (array)
                array->append(t.toJson());
            else
                s << shortId(t.image.id) << "  " << t.image.name << "  trashed "
                  << isoUtc(t.trashedAt) << '\n';
            ++n;
            return true;
        },
        search);
    if (!walk)
        return failWith(ctx, walk.error());
    if (array) {
        array->finish();
    } else if (n == 0 && !search.trimmed().isEmpty()) {
        s << "no image in the trash has \"" << search.simplified() << "\" in its name or tags\n";
    } else if (n == 0) {
        s << "the trash is empty\n";
    }
    s.flush();
    std::fflush(stdout);
    return 0;
}

int restoreTrash(CommandContext &ctx, const QStringList &args)
{
    if (args.isEmpty())
        return usageError(ctx, QStringLiteral("trash restore takes one or more ID|NAME"));
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;
    int status = 0;
    QList<TrashRecord> targets;
    for (const QString &arg : args) {
        auto found = reader.resolveTrash(arg);
        QString problem;
        if (!found)
            problem = found.error();
        else if (found->isEmpty())
            problem = QStringLiteral("%1: no image in the trash with this id or name").arg(arg);
        else if (found->size() > 1) {
            QStringList candidates;
            for (const TrashRecord &t : std::as_const(*found))
                candidates.append(t.image.id + QStringLiteral("  ") + t.image.name);
            problem = ambiguous(arg, candidates, QStringLiteral("images in the trash"));
        }
        if (!problem.isEmpty()) {
            ctx.output.error(problem);
            status = 1;
            continue;
        }
        targets.append(found->first());
    }
    if (targets.isEmpty())
        return status;
    QList<qint64> keys;
    for (const TrashRecord &t : std::as_const(targets))
        keys.append(t.image.key);
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto restored = waitFor(writer.restoreFromTrashRecorded(keys));
    if (!restored)
        return failWith(ctx, restored.error());
    // Each says what became of it: back under its id, or merged into the
    // image that holds the same bytes by now (its id is gone), or nothing
    // (restored or emptied by another process meanwhile).
    const QSet<qint64> back(restored->restored.cbegin(), restored->restored.cend());
    QHash<qint64, const RestoreMerge *> merges;
    for (const RestoreMerge &m : std::as_const(restored->merged))
        merges.insert(m.key, &m);
    QJsonArray restoredIds;
    QJsonArray merged;
    for (const TrashRecord &t : std::as_const(targets)) {
        if (const RestoreMerge *m = merges.value(t.image.key)) {
            if (ctx.json)
                merged.append(QJsonObject { { QStringLiteral("id"), m->id },
                    { QStringLiteral("name"), m->name }, { QStringLiteral("into"), m->intoId },
                    { QStringLiteral("into_name"), m->intoName } });
            else
                ctx.output.out() << "merged " << shortId(m->id) << "  " << m->name << " into "
                                 << shortId(m->intoId) << " (the same image was added again)\n";
        } else if (back.contains(t.image.key)) {
            if (ctx.json)
                restoredIds.append(t.image.id);
            else
                ctx.output.out() << "restored " << shortId(t.image.id) << "  " << t.image.name
                                 << '\n';
        } else {
            ctx.output.error(QStringLiteral("%1: no longer in the trash").arg(t.image.id));
            status = 1;
        }
    }
    if (ctx.json)
        ctx.output.json(QJsonDocument(QJsonObject {
            { QStringLiteral("restored"), restoredIds }, { QStringLiteral("merged"), merged } }));
    ctx.output.out().flush();
    return status;
}

int emptyTrash(CommandContext &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return usageError(ctx, QStringLiteral("trash empty takes no arguments"));
    TrashFilter filter = TrashFilter::all();
    if (ctx.parser.isSet(QStringLiteral("older-than"))) {
        bool ok = false;
        const int days = ctx.parser.value(QStringLiteral("older-than")).toInt(&ok);
        if (!ok || days < 0)
            return usageError(
                ctx, QStringLiteral("--older-than takes a number of days (0 or more)"));
        filter = TrashFilter::trashedBefore(QDateTime::currentDateTimeUtc().addDays(-days));
    }
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto emptied = waitFor(writer.emptyTrash(filter));
    if (!emptied)
        return failWith(ctx, emptied.error());
    if (ctx.json)
        ctx.output.json(QJsonDocument(QJsonObject { { QStringLiteral("emptied"), *emptied } }));
    else
        ctx.output.out() << "emptied " << *emptied << " image(s) from the trash" << Qt::endl;
    return 0;
}

} // namespace

int runTrash(CommandContext &ctx)
{
    QStringList args = ctx.parser.positionalArguments();
    const QString action = args.isEmpty() ? QString() : args.takeFirst();
    if (action != QLatin1String("empty") && ctx.parser.isSet(QStringLiteral("older-than")))
        return usageError(ctx, QStringLiteral("--older-than goes with trash empty"));
    if (action != QLatin1String("list") && ctx.parser.isSet(QStringLiteral("search")))
        return usageError(ctx, QStringLiteral("--search goes with trash list"));
    if (action == QLatin1String("list"))
        return listTrash(ctx, args);
    if (action == QLatin1String("restore"))
        return restoreTrash(ctx, args);
    if (action == QLatin1String("empty"))
        return emptyTrash(ctx, args);
    return usageError(ctx, QStringLiteral("trash takes list, restore ID|NAME... or empty"));
}

} // namespace trove::cli

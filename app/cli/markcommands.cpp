// SPDX-License-Identifier: MIT
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "commandhelpers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

// `trove rate ID|NAME... N` and `trove fav ID|NAME... [--off]`: the rating
// (0 to 5 stars) and the favourite flag the window sets with 0 to 5 and F.

namespace trove::cli {

void favOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("off"), QStringLiteral("Take the favourite mark off.") });
}

namespace {

/// Prints the images as they are now: their id, rating, mark and name.
int report(CommandContext &ctx, CatalogReader &reader, const Resolved &targets, int changed)
{
    auto records = reader.byKeys(targets.keys());
    if (!records)
        return failWith(ctx, records.error());
    if (ctx.json) {
        QJsonArray array;
        for (const ImageRecord &r : *records)
            array.append(r.toJson());
        ctx.output.json(QJsonDocument(array));
        return targets.status;
    }
    QTextStream &s = ctx.output.out();
    for (const ImageRecord &r : *records)
        s << shortId(r.id) << "  " << QString(r.rating, QLatin1Char('*')).leftJustified(5, '.')
          << (r.favourite ? "  fav  " : "       ") << r.name << '\n';
    s << "changed " << changed << " image(s)" << Qt::endl;
    return targets.status;
}

} // namespace

int runRate(CommandContext &ctx)
{
    QStringList args = ctx.parser.positionalArguments();
    bool ok = false;
    const int stars = args.isEmpty() ? -1 : args.last().toInt(&ok);
    if (args.size() < 2 || !ok || stars < 0 || stars > 5)
        return usageError(
            ctx, QStringLiteral("rate takes ID|NAME... and a rating from 0 (none) to 5"));
    args.removeLast();
    CatalogReader reader;
    const Resolved targets = resolveArguments(ctx, reader, args);
    if (targets.records.isEmpty())
        return targets.status;
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto changed = waitFor(writer.setRating(targets.keys(), stars));
    if (!changed)
        return failWith(ctx, changed.error());
    const int status = sayAbsent(ctx, targets, changed->absent);
    return std::max(status, report(ctx, reader, targets, int(changed->before.size())));
}

int runFav(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.isEmpty())
        return usageError(ctx, QStringLiteral("fav takes one or more ID|NAME (and --off)"));
    CatalogReader reader;
    const Resolved targets = resolveArguments(ctx, reader, args);
    if (targets.records.isEmpty())
        return targets.status;
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    const bool on = !ctx.parser.isSet(QStringLiteral("off"));
    auto changed = waitFor(writer.setFavourite(targets.keys(), on));
    if (!changed)
        return failWith(ctx, changed.error());
    const int status = sayAbsent(ctx, targets, changed->absent);
    return std::max(status, report(ctx, reader, targets, int(changed->before.size())));
}

} // namespace trove::cli

// SPDX-License-Identifier: MIT
// trove tags and trove tag-rename: the library's tags with counts, and a
// tag renamed (or merged into another) over every image at once.
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "commandhelpers.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace trove::cli {

void tagsOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("search"),
        QStringLiteral("Only the tags of the images the search QUERY finds."),
        QStringLiteral("QUERY") });
    p.addOption({ QStringLiteral("limit"), QStringLiteral("At most N tags, most used first."),
        QStringLiteral("N") });
}

int runTags(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("tags takes no arguments (--search QUERY)"));
    int limit = -1;
    if (ctx.parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = ctx.parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 0)
            return usageError(ctx, QStringLiteral("--limit takes a number, 0 or more"));
    }
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;
    ImageQuery query;
    query.search = ctx.parser.value(QStringLiteral("search")).trimmed();
    // The CLI may take its time: every match is counted.
    auto report = reader.tagCounts(query, limit);
    if (!report)
        return failRead(ctx, report.failure());
    if (ctx.json) {
        QJsonArray array;
        for (const TagCount &t : std::as_const(report->tags))
            array.append(QJsonObject {
                { QStringLiteral("tag"), t.tag }, { QStringLiteral("count"), t.count } });
        ctx.output.json(QJsonDocument(array));
        return 0;
    }
    for (const TagCount &t : std::as_const(report->tags))
        ctx.output.out() << QStringLiteral("%1  %2\n").arg(t.count, 8).arg(t.tag);
    return 0;
}

int runTagRename(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.size() != 2 || args.at(0).trimmed().isEmpty() || args.at(1).trimmed().isEmpty())
        return usageError(ctx, QStringLiteral("tag-rename takes OLD and NEW, both non-empty"));
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto renamed = waitFor(writer.renameTag(args.at(0), args.at(1)));
    if (!renamed)
        return failWith(ctx, renamed.error());
    if (renamed->isEmpty()) {
        // Nothing was tagged so: say so, as `tag` does for a name that
        // matches nothing.
        ctx.output.err() << "trove: " << args.at(0) << ": no image has this tag\n";
        return 1;
    }
    if (ctx.json) {
        ctx.output.json(QJsonDocument(QJsonObject {
            { QStringLiteral("from"), renamed->from },
            { QStringLiteral("to"), renamed->to },
            { QStringLiteral("images"), qint64(renamed->keys.size()) },
            { QStringLiteral("gained"), qint64(renamed->gained.size()) },
            { QStringLiteral("trashed"), qint64(renamed->trashed.size()) },
        }));
    } else {
        ctx.output.out() << renamed->from << " -> " << renamed->to << ": " << renamed->keys.size()
                         << " images";
        if (!renamed->trashed.isEmpty())
            ctx.output.out() << ", " << renamed->trashed.size() << " in the trash";
        ctx.output.out() << "\n";
    }
    return 0;
}

} // namespace trove::cli

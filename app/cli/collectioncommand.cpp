// SPDX-License-Identifier: MIT
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/collections.h"
#include "catalog/searchlanguage.h"
#include "commandhelpers.h"
#include "jsonstream.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cstdio>
#include <optional>

// `trove collection create|add|remove|list|show|rename|delete`: named sets of
// images, in an order of their own, and smart collections (saved searches).

namespace trove::cli {

void collectionOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("query"),
        QStringLiteral("create: a smart collection, the images this search finds."),
        QStringLiteral("SEARCH") });
}

namespace {

QJsonObject collectionJson(const CollectionInfo &c)
{
    QJsonObject o { { QStringLiteral("name"), c.name }, { QStringLiteral("smart"), c.isSmart() },
        { QStringLiteral("created_at"), c.createdAt.toString(Qt::ISODateWithMs) } };
    if (c.isSmart())
        o.insert(QStringLiteral("query"), c.query);
    else
        o.insert(QStringLiteral("count"), c.count);
    return o;
}

int createCollection(CommandContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return usageError(ctx, QStringLiteral("collection create takes one NAME (quote it)"));
    // A name that cannot be one is bad usage, like a bad --query.
    if (auto name = Collections::cleanName(args.first()); !name)
        return usageError(ctx, name.error());
    QString query;
    if (ctx.parser.isSet(QStringLiteral("query"))) {
        query = ctx.parser.value(QStringLiteral("query"));
        if (const auto error = search::SearchLanguage::parse(query).error)
            return usageError(ctx,
                QStringLiteral("search: %1 (at character %2)")
                    .arg(error->message)
                    .arg(error->position + 1));
        if (query.isNull())
            query = QStringLiteral("");
    }
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto made = waitFor(writer.createCollection(args.first(), query));
    if (!made)
        return failWith(ctx, made.error());
    const QString name = Collections::cleanName(args.first()).value();
    if (ctx.json)
        ctx.output.json(QJsonDocument(QJsonObject {
            { QStringLiteral("created"), name }, { QStringLiteral("smart"), !query.isNull() } }));
    else
        ctx.output.out() << "created " << (query.isNull() ? "collection " : "smart collection ")
                         << name << Qt::endl;
    return 0;
}

int changeMembers(CommandContext &ctx, const QStringList &args, bool add)
{
    const char *word = add ? "add" : "remove";
    if (args.size() < 2)
        return usageError(
            ctx, QStringLiteral("collection %1 takes NAME and one or more ID|NAME").arg(word));
    CatalogReader reader;
    const Resolved resolved = resolveArguments(ctx, reader, args.mid(1));
    if (resolved.records.isEmpty())
        return 1;
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto done = waitFor(add ? writer.addToCollection(args.first(), resolved.keys())
                            : writer.removeFromCollection(args.first(), resolved.keys()));
    if (!done)
        return failWith(ctx, done.error());
    if (ctx.json)
        ctx.output.json(QJsonDocument(
            QJsonObject { { add ? QStringLiteral("added") : QStringLiteral("removed"), *done } }));
    else
        ctx.output.out() << (add ? "added " : "removed ") << *done << " image(s) "
                         << (add ? "to " : "from ") << args.first().simplified() << Qt::endl;
    return resolved.status;
}

int listCollections(CommandContext &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return usageError(ctx, QStringLiteral("collection list takes no arguments"));
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;
    auto all = Collections::list(reader.catalog());
    if (!all)
        return failWith(ctx, all.error());
    if (ctx.json) {
        QJsonArray array;
        for (const CollectionInfo &c : std::as_const(*all))
            array.append(collectionJson(c));
        ctx.output.json(QJsonDocument(array));
        return 0;
    }
    QTextStream &s = ctx.output.out();
    for (const CollectionInfo &c : std::as_const(*all)) {
        if (c.isSmart())
            s << c.name << "  (smart: " << c.query << ")\n";
        else
            s << c.name << "  " << c.count << " image(s)\n";
    }
    if (all->isEmpty())
        s << "no collections yet; `trove collection create NAME` makes one\n";
    s.flush();
    return 0;
}

int showCollection(CommandContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return usageError(ctx, QStringLiteral("collection show takes one NAME"));
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;
    auto found = Collections::find(reader.catalog(), args.first());
    if (!found)
        return failWith(ctx, found.error());
    if (!*found)
        return failWith(ctx, Collections::unknown(args.first()));
    const CollectionInfo &c = **found;
    ImageQuery query;
    if (c.isSmart()) {
        query.search = c.query;
    } else {
        query.order = ImageQuery::Order::CollectionOrder;
        query.collectionId = c.id;
    }
    // Streamed, like `trash list`: a smart collection of "everything" at a
    // million images never sits in memory (its JSON took 1.0 GB and 6.5 s
    // at 100,000 as one document). The count comes first in the output, so
    // count and walk share one read transaction: they see the same catalog
    // whatever another process commits meanwhile.
    if (auto r = reader.catalog().exec(QStringLiteral("BEGIN")); !r)
        return failWith(ctx, r.error());
    const auto done = [&](int code) {
        (void)reader.catalog().exec(QStringLiteral("COMMIT"));
        return code;
    };
    const auto count = reader.count(query);
    if (!count)
        return done(failWith(ctx, count.error()));
    QTextStream &s = ctx.output.out();
    std::optional<json::IndentedArray> images;
    QByteArray tail;
    if (ctx.json) {
        // The object as QJsonDocument writes it (keys in order), cut where
        // the images go.
        QJsonObject o = collectionJson(c);
        o.insert(QStringLiteral("count"), *count);
        const QString mark = QStringLiteral("\u0001images\u0001");
        o.insert(QStringLiteral("images"), mark);
        const QByteArray whole = QJsonDocument(o).toJson(QJsonDocument::Indented);
        const QByteArray quoted = QJsonDocument(QJsonArray { mark }).toJson(QJsonDocument::Compact);
        const QByteArray markText = quoted.mid(1, quoted.size() - 2);
        const qsizetype at = whole.indexOf(markText);
        images.emplace(
            [&ctx](const QByteArray &bytes) { ctx.output.write(bytes); }, whole.left(at) + '[', 2);
        tail = whole.mid(at + markText.size());
    } else {
        s << c.name;
        if (c.isSmart())
            s << "  (smart: " << c.query << ')';
        s << "  " << *count << " image(s)\n";
    }
    auto walk = reader.forEach(query, [&](const ImageRecord &r) {
        if (images)
            images->append(r.toJson());
        else
            s << shortId(r.id) << "  " << r.name << '\n';
        return true;
    });
    if (!walk)
        return done(failWith(ctx, walk.error()));
    if (images)
        images->finish(tail);
    s.flush();
    std::fflush(stdout);
    return done(0);
}

int deleteCollection(CommandContext &ctx, const QStringList &args)
{
    if (args.size() != 1)
        return usageError(ctx, QStringLiteral("collection delete takes one NAME"));
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto done = waitFor(writer.deleteCollection(args.first()));
    if (!done)
        return failWith(ctx, done.error());
    if (ctx.json)
        ctx.output.json(QJsonDocument(
            QJsonObject { { QStringLiteral("deleted"), args.first().simplified() } }));
    else
        ctx.output.out() << "deleted collection " << args.first().simplified()
                         << " (its images stay in the library)" << Qt::endl;
    return 0;
}

int renameCollection(CommandContext &ctx, const QStringList &args)
{
    if (args.size() != 2)
        return usageError(ctx, QStringLiteral("collection rename takes OLD and NEW (quote each)"));
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto done = waitFor(writer.renameCollection(args.at(0), args.at(1)));
    if (!done)
        return failWith(ctx, done.error());
    if (ctx.json)
        ctx.output.json(
            QJsonDocument(QJsonObject { { QStringLiteral("renamed"), args.at(0).simplified() },
                { QStringLiteral("name"), *done } }));
    else
        ctx.output.out() << "renamed collection " << args.at(0).simplified() << " to " << *done
                         << Qt::endl;
    return 0;
}

} // namespace

int runCollection(CommandContext &ctx)
{
    QStringList args = ctx.parser.positionalArguments();
    const QString action = args.isEmpty() ? QString() : args.takeFirst();
    if (action != QLatin1String("create") && ctx.parser.isSet(QStringLiteral("query")))
        return usageError(ctx, QStringLiteral("--query goes with collection create"));
    if (action == QLatin1String("create"))
        return createCollection(ctx, args);
    if (action == QLatin1String("add"))
        return changeMembers(ctx, args, true);
    if (action == QLatin1String("remove"))
        return changeMembers(ctx, args, false);
    if (action == QLatin1String("list"))
        return listCollections(ctx, args);
    if (action == QLatin1String("show"))
        return showCollection(ctx, args);
    if (action == QLatin1String("delete"))
        return deleteCollection(ctx, args);
    if (action == QLatin1String("rename"))
        return renameCollection(ctx, args);
    return usageError(ctx,
        QStringLiteral("collection takes create NAME [--query SEARCH], add NAME ID..., remove "
                       "NAME ID..., list, show NAME, rename OLD NEW or delete NAME"));
}

} // namespace trove::cli

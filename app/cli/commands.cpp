// SPDX-License-Identifier: MIT
#include "commands.h"

#include "base/filenames.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/imagerow.h"
#include "catalog/searchlanguage.h"
#include "commandhelpers.h"
#include "ingest/ingesttypes.h"
#include "rowprinter.h"
#include "storage/blobstore.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace trove::cli {

int runAdd(CommandContext &ctx); // addcommand.cpp
int runResume(CommandContext &ctx); // addcommand.cpp
int runVerify(CommandContext &ctx); // verifycommand.cpp
int runBackup(CommandContext &ctx); // backupcommand.cpp
int runTrash(CommandContext &ctx); // trashcommand.cpp
int runRate(CommandContext &ctx); // markcommands.cpp
int runFav(CommandContext &ctx); // markcommands.cpp
void favOptions(QCommandLineParser &p); // markcommands.cpp
int runCollection(CommandContext &ctx); // collectioncommand.cpp
void collectionOptions(QCommandLineParser &p); // collectioncommand.cpp
int runServe(CommandContext &ctx); // servecommand.cpp
int runApiKey(CommandContext &ctx); // servecommand.cpp
void serveOptions(QCommandLineParser &p); // servecommand.cpp
void apiKeyOptions(QCommandLineParser &p); // servecommand.cpp
int runSimilar(CommandContext &ctx); // similarcommands.cpp
int runDuplicates(CommandContext &ctx); // similarcommands.cpp
int runMerge(CommandContext &ctx); // similarcommands.cpp
int runTags(CommandContext &ctx); // tagcommands.cpp
int runTagRename(CommandContext &ctx); // tagcommands.cpp
void tagsOptions(QCommandLineParser &p); // tagcommands.cpp
int runNotDuplicates(CommandContext &ctx); // similarcommands.cpp
int runRehash(CommandContext &ctx); // similarcommands.cpp
void similarOptions(QCommandLineParser &p); // similarcommands.cpp

namespace {

void noOptions(QCommandLineParser &) { }

void printRecord(QTextStream &s, const ImageRecord &r)
{
    s << "id:             " << r.id << '\n'
      << "name:           " << r.name << '\n'
      << "tags:           " << r.tags.join(QStringLiteral(", ")) << '\n';
    for (const QString &source : r.sources)
        s << "source:         " << source << '\n';
    if (!r.foundOn.isEmpty())
        s << "found on:       " << r.foundOn << '\n';
    s << "format:         " << r.format << '\n'
      << "dimensions:     " << r.width << 'x' << r.height << '\n'
      << "original bytes: " << r.originalBytes << " (" << humanBytes(r.originalBytes) << ")\n"
      << "stored bytes:   " << r.storedBytes << " (" << humanBytes(r.storedBytes) << ")\n"
      << "sha256:         " << r.sha256 << '\n'
      << "added:          " << isoUtc(r.addedAt) << '\n'
      << "rating:         " << r.rating << (r.rating == 1 ? " star" : " stars") << '\n'
      << "favourite:      " << (r.favourite ? "yes" : "no") << '\n';
    if (!r.annotation.isEmpty())
        s << "annotation:     "
          << QString(r.annotation).replace(QLatin1Char('\n'), QStringLiteral("\n                "))
          << '\n';
}

// --- list -----------------------------------------------------------------

void listOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("tag"), QStringLiteral("Only images with this tag."),
        QStringLiteral("TAG") });
    p.addOption({ QStringLiteral("search"),
        QStringLiteral("Only images the search QUERY finds: words (in the name, a tag or a "
                       "source host), tag:x, -tag:x, a OR b, site:, format:, width:>N, "
                       "height:, pixels:, size:>1MB, added:2026-11, rating:>=4, fav, untagged."),
        QStringLiteral("QUERY") });
    p.addOption({ QStringLiteral("sort"),
        QStringLiteral("newest (default), oldest, name, name-desc (names in natural order: "
                       "img9 before img10), size (largest first), size-asc, pixels (most "
                       "first), pixels-asc, rating (highest first, ties newest first), "
                       "rating-asc, random (the window's random order) or collection (with "
                       "--search 'in:\"NAME\"' alone: a hand-made collection's own order; "
                       "otherwise newest)."),
        QStringLiteral("ORDER") });
}

int runList(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("list takes no arguments"));
    ImageQuery query;
    query.tag = ctx.parser.value(QStringLiteral("tag"));
    query.search = ctx.parser.value(QStringLiteral("search"));
    // A search that cannot be read is a usage error, told before the
    // library is opened: never an empty list that looks like no match.
    if (const auto error = search::SearchLanguage::parse(query.search).error)
        return usageError(ctx,
            QStringLiteral("search: %1 (at character %2)")
                .arg(error->message)
                .arg(error->position + 1));
    static const QList<QPair<QLatin1String, ImageQuery::Order>> orders {
        { QLatin1String("newest"), ImageQuery::Order::NewestFirst },
        { QLatin1String("oldest"), ImageQuery::Order::OldestFirst },
        { QLatin1String("name"), ImageQuery::Order::NameAscending },
        { QLatin1String("name-desc"), ImageQuery::Order::NameDescending },
        { QLatin1String("size"), ImageQuery::Order::LargestFirst },
        { QLatin1String("size-asc"), ImageQuery::Order::SmallestFirst },
        { QLatin1String("pixels"), ImageQuery::Order::MostPixelsFirst },
        { QLatin1String("pixels-asc"), ImageQuery::Order::FewestPixelsFirst },
        { QLatin1String("rating"), ImageQuery::Order::RatingDescending },
        { QLatin1String("rating-asc"), ImageQuery::Order::RatingAscending },
        { QLatin1String("random"), ImageQuery::Order::Shuffled },
        { QLatin1String("collection"), ImageQuery::Order::CollectionOrder },
    };
    const QString sort = ctx.parser.value(QStringLiteral("sort"));
    if (!sort.isEmpty()) {
        const auto it = std::find_if(orders.cbegin(), orders.cend(),
            [&sort](const auto &entry) { return entry.first == sort; });
        if (it == orders.cend())
            return usageError(ctx,
                QStringLiteral("--sort takes newest, oldest, name, name-desc, size, size-asc, "
                               "pixels, pixels-asc, rating, rating-asc, random or collection"));
        query.order = it->second;
    }
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;

    // Row by row, as the catalog hands them out: a million images never sit
    // in memory (the whole list took ~1 GB as one JSON array at 1M). Each
    // row goes from SQLite's UTF-8 straight into the output's bytes
    // (rowprinter.h): through records, the million took 12 CPU-s.
    ctx.output.out().flush();
    QByteArray buffer;
    constexpr qsizetype kFlushAt = 1 << 16;
    buffer.reserve(kFlushAt + 4096);
    bool written = true;
    const auto flush = [&] {
        written = written
            && std::fwrite(buffer.constData(), 1, size_t(buffer.size()), stdout)
                == size_t(buffer.size());
        buffer.resize(0); // keeps the block (clear() would free it)
        return written;
    };
    bool first = true;
    auto walk = reader.forEachRow(
        query,
        [&](const ImageRow &row) {
            const bool firstRow = std::exchange(first, false);
            if (ctx.json) {
                // The same text QJsonDocument gives for the whole array.
                buffer.append(firstRow ? "[\n" : ",\n");
                rowprinter::appendJsonElement(buffer, row);
            } else {
                rowprinter::appendLine(buffer, row);
            }
            // The first row at once, then in blocks: a search's first
            // match shows as soon as it is found.
            return firstRow || buffer.size() >= kFlushAt ? flush() : true;
        },
        ctx.json ? CatalogReader::Detail::Full : CatalogReader::Detail::WithoutSources);
    // A search that fails (a collection it names is not there) prints no
    // array at all: an empty one reads as "no images" to a script. One cut
    // short by a read error stays unclosed, so that no parser takes it whole.
    if (ctx.json && walk)
        buffer.append(first ? "[\n]\n" : "\n]\n");
    flush();
    std::fflush(stdout);
    if (!walk)
        return failRead(ctx, walk.failure());
    return written ? 0 : failWith(ctx, QStringLiteral("cannot write the list"));
}

// --- show -----------------------------------------------------------------

int runShow(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.size() != 1)
        return usageError(ctx, QStringLiteral("show takes one ID or NAME"));
    CatalogReader reader;
    const Resolved target = resolveArguments(ctx, reader, args);
    if (target.records.isEmpty())
        return target.status;
    const ImageRecord &record = target.records.first();
    if (ctx.json)
        ctx.output.json(QJsonDocument(record.toJson()));
    else
        printRecord(ctx.output.out(), record);
    return 0;
}

// --- export ---------------------------------------------------------------

void exportOptions(QCommandLineParser &p)
{
    p.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Where to write the original bytes (a file, a folder, or - for "
                       "standard output)."),
        QStringLiteral("PATH") });
}

int runExport(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.size() != 1 || !ctx.parser.isSet(QStringLiteral("output")))
        return usageError(ctx, QStringLiteral("export takes one ID or NAME and -o PATH"));
    CatalogReader reader;
    const Resolved source = resolveArguments(ctx, reader, args);
    if (source.records.isEmpty())
        return source.status;
    const ImageRecord &record = source.records.first();
    QString target = ctx.parser.value(QStringLiteral("output"));
    if (target == QLatin1String("-"))
        target = QStringLiteral("/dev/stdout");
    if (QFileInfo(target).isDir())
        target
            = unusedFilePath(target, safeFileName(record.name, record.format, shortId(record.id)));
    // Into a pipe or a device (standard output, most likely) the bytes are
    // the whole output: no path line after them.
    const bool stream = QFileInfo::exists(target) && !QFileInfo(target).isFile();
    if (auto r = BlobStore(ctx.paths).exportTo(record.sha256, target); !r)
        return failWith(ctx, QStringLiteral("%1: %2").arg(args.first(), r.error()));
    if (stream)
        return 0;
    if (ctx.json)
        ctx.output.json(QJsonDocument(QJsonObject { { QStringLiteral("id"), record.id },
            { QStringLiteral("path"), QFileInfo(target).absoluteFilePath() },
            { QStringLiteral("bytes"), record.originalBytes } }));
    else
        ctx.output.out() << QFileInfo(target).absoluteFilePath() << Qt::endl;
    return 0;
}

// --- tag ------------------------------------------------------------------

void tagOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("add"), QStringLiteral("Add this tag (repeatable)."),
        QStringLiteral("TAG") });
    p.addOption({ QStringLiteral("remove"), QStringLiteral("Remove this tag (repeatable)."),
        QStringLiteral("TAG") });
}

int runTag(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    const QStringList add = ctx.parser.values(QStringLiteral("add"));
    const QStringList remove = ctx.parser.values(QStringLiteral("remove"));
    if (args.isEmpty() || (add.isEmpty() && remove.isEmpty()))
        return usageError(
            ctx, QStringLiteral("tag takes ID|NAME... and --add TAG or --remove TAG"));
    // The bounds the local API keeps: an image never carries a tag that
    // another face of Trove would refuse.
    if (const QString tooMany = TagLimits::check(add + remove); !tooMany.isEmpty())
        return usageError(ctx, QStringLiteral("tag: %1").arg(tooMany));
    CatalogReader reader;
    const Resolved targets = resolveArguments(ctx, reader, args);
    if (targets.records.isEmpty())
        return targets.status;
    const QList<qint64> keys = targets.keys();
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto changed = waitFor(writer.editTagsRecorded(keys, add, remove));
    if (!changed)
        return failWith(ctx, changed.error());
    const int status = sayAbsent(ctx, targets, changed->absent);
    auto records = reader.byKeys(keys);
    if (records && ctx.json) {
        QJsonArray array;
        for (const ImageRecord &r : *records)
            array.append(r.toJson());
        ctx.output.json(QJsonDocument(array));
    } else if (records) {
        for (const ImageRecord &r : *records)
            ctx.output.out() << shortId(r.id) << "  " << r.name << "  ["
                             << r.tags.join(QStringLiteral(", ")) << "]\n";
    }
    return status;
}

// --- rename ---------------------------------------------------------------

int runRename(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    // The name as it is stored (control characters as spaces, composed),
    // and so as it is printed: an escape sequence in it never reaches the
    // terminal.
    const QString name = args.size() == 2 ? normalizeName(args.at(1)) : QString();
    if (name.isEmpty())
        return usageError(ctx, QStringLiteral("rename takes ID|NAME and a new, non-empty name"));
    CatalogReader reader;
    const Resolved targets = resolveArguments(ctx, reader, args.mid(0, 1));
    if (targets.records.isEmpty())
        return targets.status;
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto renamed = waitFor(writer.rename(targets.keys(), name));
    if (!renamed)
        return failWith(ctx, renamed.error());
    if (!renamed->absent.isEmpty())
        return sayAbsent(ctx, targets, renamed->absent);
    const ImageRecord &r = targets.records.first();
    if (ctx.json)
        ctx.output.json(QJsonDocument(QJsonObject { { QStringLiteral("id"), r.id },
            { QStringLiteral("old_name"), r.name }, { QStringLiteral("name"), name } }));
    else
        ctx.output.out() << "renamed " << shortId(r.id) << "  " << r.name << " -> " << name
                         << Qt::endl;
    return 0;
}

// --- remove ---------------------------------------------------------------

int runRemove(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.isEmpty())
        return usageError(ctx, QStringLiteral("remove takes one or more ID|NAME"));
    CatalogReader reader;
    const Resolved targets = resolveArguments(ctx, reader, args);
    if (targets.records.isEmpty())
        return targets.status;
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto removed = waitFor(writer.remove(targets.keys()));
    if (!removed)
        return failWith(ctx, removed.error());
    QJsonArray array;
    for (const ImageRecord &r : targets.records) {
        if (ctx.json)
            array.append(r.id);
        else
            ctx.output.out() << "removed " << shortId(r.id) << "  " << r.name << '\n';
    }
    if (ctx.json)
        ctx.output.json(QJsonDocument(QJsonObject {
            { QStringLiteral("removed"), array }, { QStringLiteral("to_trash"), true } }));
    else
        ctx.output.out() << "moved " << *removed
                         << " image(s) to the trash; `trove trash restore ID` puts one back"
                         << Qt::endl;
    return targets.status;
}

// --- stats ----------------------------------------------------------------

int runStats(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("stats takes no arguments"));
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;
    auto stats = reader.stats();
    if (!stats)
        return failWith(ctx, stats.error());
    if (ctx.json) {
        QJsonObject o = stats->toJson();
        QJsonObject formats;
        if (auto f = reader.formatCounts())
            for (const auto &[name, n] : *f)
                formats.insert(name, n);
        o.insert(QStringLiteral("formats"), formats);
        ctx.output.json(QJsonDocument(o));
        return 0;
    }
    const LibraryStats &s = *stats;
    QTextStream &out = ctx.output.out();
    out << "library:        " << ctx.paths.root() << '\n'
        << "images:         " << s.images << '\n'
        << "last added:     "
        << (s.lastAdded.isValid() ? isoUtc(s.lastAdded) : QStringLiteral("never")) << '\n'
        << "original bytes: " << s.originalBytes << " (" << humanBytes(s.originalBytes) << ")\n"
        << "stored bytes:   " << s.storedBytes << " (" << humanBytes(s.storedBytes) << ")\n";
    if (s.originalBytes > 0)
        out << "saved:          " << humanBytes(s.originalBytes - s.storedBytes) << " ("
            << QString::number(
                   100.0 * double(s.originalBytes - s.storedBytes) / double(s.originalBytes), 'f',
                   1)
            << " %)\n";
    out.flush();
    return 0;
}

} // namespace

const QList<Command> &commands()
{
    static const QList<Command> table {
        { "add", QT_TRANSLATE_NOOP("trove::cli", "Download or import images into the library."),
            "URL|FILE... [--name NAME] [--tag TAG]... [--force] [--per-host N] [--referer URL]",
            addOptions, runAdd },
        { "resume",
            QT_TRANSLATE_NOOP(
                "trove::cli", "Finish adding what an interrupted run left unfinished."),
            "", noOptions, runResume },
        { "list", QT_TRANSLATE_NOOP("trove::cli", "List the images of the library."),
            "[--tag TAG] [--search TEXT] [--sort newest|oldest|name|rating]", listOptions,
            runList },
        { "show", QT_TRANSLATE_NOOP("trove::cli", "Show everything known about one image."),
            "ID|NAME", noOptions, runShow },
        { "export", QT_TRANSLATE_NOOP("trove::cli", "Write an image's original bytes to a file."),
            "ID|NAME -o PATH", exportOptions, runExport },
        { "tag", QT_TRANSLATE_NOOP("trove::cli", "Add or remove tags."),
            "ID|NAME... --add TAG --remove TAG", tagOptions, runTag },
        { "rate", QT_TRANSLATE_NOOP("trove::cli", "Rate images from 0 (no rating) to 5 stars."),
            "ID|NAME... N", noOptions, runRate },
        { "fav", QT_TRANSLATE_NOOP("trove::cli", "Mark images as favourites (--off: unmark)."),
            "ID|NAME... [--off]", favOptions, runFav },
        { "tags",
            QT_TRANSLATE_NOOP(
                "trove::cli", "List the tags with how many images carry each, most first."),
            "[--search QUERY] [--limit N]", tagsOptions, runTags },
        { "tag-rename",
            QT_TRANSLATE_NOOP(
                "trove::cli", "Rename a tag on every image; to a tag that exists, merge the two."),
            "OLD NEW", noOptions, runTagRename },
        { "rename", QT_TRANSLATE_NOOP("trove::cli", "Give an image a new name."),
            "ID|NAME NEW-NAME", noOptions, runRename },
        { "remove", QT_TRANSLATE_NOOP("trove::cli", "Move images to the library's trash."),
            "ID|NAME...", noOptions, runRemove },
        { "trash",
            QT_TRANSLATE_NOOP(
                "trove::cli", "List the trash, restore images from it, or empty it for good."),
            "list [--search TEXT] | restore ID|NAME... | empty [--older-than DAYS]", trashOptions,
            runTrash },
        { "collection",
            QT_TRANSLATE_NOOP("trove::cli",
                "Named collections of images, and smart collections (saved searches)."),
            "create NAME [--query SEARCH] | add NAME ID|NAME... | remove NAME ID|NAME... | list | "
            "show NAME | rename OLD NEW | delete NAME",
            collectionOptions, runCollection },
        { "similar",
            QT_TRANSLATE_NOOP("trove::cli",
                "Images that look like this one (re-encoded, resized, lightly edited), nearest "
                "first, with the bits their perceptual hashes differ in."),
            "ID|NAME [--distance N]", similarOptions, runSimilar },
        { "duplicates",
            QT_TRANSLATE_NOOP("trove::cli",
                "Groups of near-duplicates in the whole library, the one to keep first."),
            "[--distance N]", similarOptions, runDuplicates },
        { "merge",
            QT_TRANSLATE_NOOP("trove::cli",
                "Keep one image, give it the others' tags and sources, move the others to the "
                "trash."),
            "KEEP_ID OTHER_ID...", noOptions, runMerge },
        { "not-duplicates",
            QT_TRANSLATE_NOOP(
                "trove::cli", "Remember that these images are not duplicates of each other."),
            "ID|NAME ID|NAME...", noOptions, runNotDuplicates },
        { "rehash",
            QT_TRANSLATE_NOOP("trove::cli",
                "Compute the perceptual hash of images that have none yet (resumable)."),
            "", noOptions, runRehash },
        { "stats", QT_TRANSLATE_NOOP("trove::cli", "Count images and bytes."), "", noOptions,
            runStats },
        { "verify",
            QT_TRANSLATE_NOOP(
                "trove::cli", "Check every blob (present, CRC, SHA-256, size) and the catalog."),
            "[--repair]", verifyOptions, runVerify },
        { "backup",
            QT_TRANSLATE_NOOP("trove::cli",
                "Copy the library, while it is in use, into a folder that is a library of its "
                "own (again: only what is new)."),
            "DEST [--verify]", backupOptions, runBackup },
        { "serve", QT_TRANSLATE_NOOP("trove::cli", "Serve the local API (loopback, access key)."),
            "[--port N] [--listen ADDR] [--allow-origin ORIGIN]... [--rate-limit N]", serveOptions,
            runServe },
        { "api-key",
            QT_TRANSLATE_NOOP(
                "trove::cli", "Print the local API's access key (--new replaces it)."),
            "[--new]", apiKeyOptions, runApiKey },
    };
    return table;
}

} // namespace trove::cli

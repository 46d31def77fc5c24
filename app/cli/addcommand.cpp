// SPDX-License-Identifier: MIT
#include "catalog/catalogwriter.h"
#include "commandhelpers.h"
#include "ingest/folderimport.h"
#include "ingest/ingestpipeline.h"
#include "progressline.h"
#include "queuestop.h"

#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace trove::cli {

void addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("name"),
        QStringLiteral("Name for the added images (default: the file name)."),
        QStringLiteral("NAME") });
    p.addOption({ QStringLiteral("tag"), QStringLiteral("Tag the added images (repeatable)."),
        QStringLiteral("TAG") });
    p.addOption({ QStringLiteral("force"),
        QStringLiteral("Add even images removed and emptied from the trash before.") });
    p.addOption({ QStringLiteral("per-host"),
        QStringLiteral("Download at most N images at once from one host (default 4)."),
        QStringLiteral("N") });
    p.addOption({ QStringLiteral("referer"),
        QStringLiteral("The page the links were found on: sent as their Referer and kept as "
                       "the images' \"found on\" page."),
        QStringLiteral("URL") });
    p.addOption({ { QStringLiteral("q"), QStringLiteral("quiet") },
        QStringLiteral("Print only failures: no line per added image, no progress.") });
    p.setApplicationDescription(p.applicationDescription()
        + QStringLiteral("\n\nFolders are searched for images by content. Exit status: 0 when "
                         "every item was added or already present; 1 when an item failed, a "
                         "folder held no image, or anything in a folder could not be read (the "
                         "rest is added all the same); 2 on bad usage."));
}

int ingest(CommandContext &ctx, const QStringList &sources);

namespace {

QString statusWord(IngestState s)
{
    switch (s) {
    case IngestState::Done:
        return QStringLiteral("added");
    case IngestState::Duplicate:
        return QStringLiteral("present");
    case IngestState::Cancelled:
        return QStringLiteral("cancelled");
    default:
        return QStringLiteral("failed");
    }
}

} // namespace

// Adds every source concurrently through the same pipeline the window uses,
// printing one line per item as it finishes. Folders are walked for images
// (by content) as the window walks a dropped one. Unfinished items of a
// process that died on this library are resumed first.
int runAdd(CommandContext &ctx)
{
    const QStringList sources = ctx.parser.positionalArguments();
    if (sources.isEmpty())
        return usageError(ctx, QStringLiteral("add takes one or more URLs, files or folders"));
    if (ctx.parser.isSet(QStringLiteral("per-host"))) {
        bool ok = false;
        const int n = ctx.parser.value(QStringLiteral("per-host")).toInt(&ok);
        if (!ok || n < 1 || n > 64)
            return usageError(ctx, QStringLiteral("--per-host takes a number from 1 to 64"));
    }
    if (ctx.parser.isSet(QStringLiteral("referer"))) {
        const QUrl page(ctx.parser.value(QStringLiteral("referer")), QUrl::StrictMode);
        if (!page.isValid()
            || (page.scheme() != QLatin1String("http") && page.scheme() != QLatin1String("https")))
            return usageError(ctx, QStringLiteral("--referer takes an http or https URL"));
    }
    if (const QString tooMany = TagLimits::check(ctx.parser.values(QStringLiteral("tag")));
        !tooMany.isEmpty())
        return usageError(ctx, QStringLiteral("--tag: %1").arg(tooMany));
    return ingest(ctx, sources);
}

// Finishes what an interrupted add (killed, crashed, power cut) left queued.
int runResume(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("resume takes no arguments"));
    // An add killed before it made the library left nothing to finish.
    if (!QFileInfo::exists(ctx.paths.catalogFile())) {
        if (!ctx.json)
            ctx.output.out() << "nothing to resume" << Qt::endl;
        else
            ctx.output.json(QJsonDocument(QJsonArray()));
        return 0;
    }
    return ingest(ctx, {});
}

int ingest(CommandContext &ctx, const QStringList &sources)
{
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;

    PipelineOptions options = PipelineOptions::fromEnvironment();
    // resume has no options of its own (asking for an undefined one would
    // warn): TROVE_PER_HOST applies there.
    if (ctx.parser.optionNames().contains(QStringLiteral("per-host")))
        options.perHost = ctx.parser.value(QStringLiteral("per-host")).toInt();
    IngestPipeline pipeline(ctx.paths, &writer, options);
    // Checks the sources and walks folders off this thread, feeding the
    // pipeline as it goes.
    FolderImport sourcesImport(&pipeline);
    QEventLoop loop;
    // A future that is already finished runs its .then() continuation at
    // once, so "done" may come before loop.exec(): remember it.
    bool done = false;
    auto finish = [&] {
        done = true;
        loop.quit();
    };
    QJsonArray results;
    int failed = 0;
    // resume has no options of its own: it is never quiet.
    const bool quiet = ctx.parser.optionNames().contains(QStringLiteral("quiet"))
        || ctx.parser.optionNames().contains(QStringLiteral("q"));
    ProgressLine progress(ctx.output.err(), ProgressLine::wanted(ctx.json, quiet));
    qint64 total = 0;
    qint64 finishedCount = 0;
    QObject::connect(
        &pipeline, &IngestPipeline::itemsAdded, &loop, [&](quint64 first, quint64 last) {
            total += qint64(last - first + 1);
            progress.setCounts(total, finishedCount, failed);
        });

    // A folder walked again after an interruption finds again what the
    // interrupted run added: counted into one line, not one per image.
    QSet<quint64> requeued;
    qint64 foundAgain = 0;
    QObject::connect(&sourcesImport, &FolderImport::requeued, &loop,
        [&](const QList<quint64> &ids) { requeued.unite(QSet<quint64>(ids.begin(), ids.end())); });
    QObject::connect(&pipeline, &IngestPipeline::itemFinished, &loop, [&](quint64 id) {
        const IngestItem *item = pipeline.item(id);
        const QString status = statusWord(item->state);
        progress.clear();
        ++finishedCount;
        const bool again = requeued.remove(id) && item->state == IngestState::Duplicate;
        foundAgain += again;
        if (item->state == IngestState::Done || item->state == IngestState::Duplicate) {
            if (!ctx.json && !quiet && !again)
                ctx.output.out() << qSetFieldWidth(8) << Qt::left << status << qSetFieldWidth(0)
                                 << shortId(item->imageId) << "  " << printable(item->imageName)
                                 << "  " << printable(item->request.source) << Qt::endl;
        } else {
            ++failed;
            ctx.output.err() << "failed  " << printable(item->request.source) << ": "
                             << printable(item->error)
                             << (item->removedBefore ? "; add again with --force" : "") << Qt::endl;
        }
        QJsonObject o { { QStringLiteral("source"), item->request.source },
            { QStringLiteral("status"), status } };
        if (!item->imageId.isEmpty()) {
            o.insert(QStringLiteral("id"), item->imageId);
            o.insert(QStringLiteral("name"), item->imageName);
        }
        if (!item->error.isEmpty())
            o.insert(QStringLiteral("error"), item->error);
        if (item->removedBefore)
            o.insert(QStringLiteral("removed_before"), true);
        results.append(o);
        progress.setCounts(total, finishedCount, failed);
    });
    // Done when the pipeline has nothing in flight and nothing more is coming.
    QObject::connect(&pipeline, &IngestPipeline::idle, &loop, [&] {
        if (!sourcesImport.isRunning())
            finish();
    });
    // A full disk pauses the queue: what runs settles, then this run stops
    // with the rest queued for `trove resume`. Sources still being checked
    // are queued first, unless the queue is at the import's high-water
    // mark, where the import would wait for ever: then the rest of a
    // folder is left to `trove resume`, which walks it again.
    QObject::connect(&pipeline, &IngestPipeline::halted, &loop, [&] {
        if (sourcesImport.isRunning() && pipeline.pendingCount() < FolderImport::kHighWater)
            return; // FolderImport::finished follows
        // The rest of each folder is walked by `trove resume`.
        sourcesImport.interrupt();
        finish();
    });
    // What a walk could not look at is reported, not fatal: the rest of the
    // folder is added. Anything that could not be read, and a folder with no
    // image at all, make the exit status 1 (a link loop or a dangling link
    // leaves nothing out).
    int incomplete = 0;
    QObject::connect(&sourcesImport, &FolderImport::problem, &loop, [&](const WalkProblem &p) {
        progress.clear();
        if (p.kind != WalkProblem::Kind::Note)
            ++incomplete;
        ctx.output.err() << walkProblemText(p) << Qt::endl;
        results.append(QJsonObject { { QStringLiteral("source"), p.path },
            { QStringLiteral("status"), QStringLiteral("skipped") },
            { QStringLiteral("error"), p.reason } });
    });
    QObject::connect(
        &sourcesImport, &FolderImport::finished, &loop, [&](const FolderImport::Totals &totals) {
            progress.clear();
            if (totals.skipped > 0)
                ctx.output.err() << "skipped " << totals.skipped
                                 << (totals.skipped == 1 ? " file that is not an image"
                                                         : " files that are not images")
                                 << Qt::endl;
            if (pipeline.pendingCount() == 0 || pipeline.isHalted())
                finish();
        });
    // Then sourcesImport carries on the folder walks of earlier runs
    // (walksResumed()); meanwhile it counts as running.
    int resumedItems = 0;
    QObject::connect(&pipeline, &IngestPipeline::resumed, &loop, [&](int resumedCount) {
        resumedItems = resumedCount;
        if (resumedCount > 0 && !ctx.json && !quiet)
            ctx.output.out() << "resuming " << resumedCount
                             << " unfinished item(s) of an earlier run" << Qt::endl;
        if (!sources.isEmpty())
            sourcesImport.start(sources,
                { {}, ctx.parser.value(QStringLiteral("name")),
                    ctx.parser.values(QStringLiteral("tag")),
                    ctx.parser.isSet(QStringLiteral("force")),
                    FetchHeaders { ctx.parser.value(QStringLiteral("referer")) } });
    });
    QObject::connect(
        &sourcesImport, &FolderImport::walksResumed, &loop, [&](const QStringList &folders) {
            if (!ctx.json && !quiet)
                for (const QString &folder : folders)
                    ctx.output.out()
                        << "carrying on the import of " << printable(folder) << Qt::endl;
            if (sources.isEmpty() && resumedItems == 0 && folders.isEmpty() && !ctx.json)
                ctx.output.out() << "nothing to resume" << Qt::endl;
            // Else FolderImport::finished follows.
            if (!sourcesImport.isRunning() && pipeline.pendingCount() == 0)
                finish();
        });
    // Ctrl+Z pauses the queue, then stops the process (QueueStop).
    QueueStop queueStop(&pipeline, &writer, ctx.output.err());
    queueStop.setTalkative(!ctx.json && !quiet);
    queueStop.setAround(
        [&] { progress.clear(); }, [&] { progress.setCounts(total, finishedCount, failed); });

    pipeline.resumeOrphans();
    if (!done)
        loop.exec();
    progress.clear();

    if (foundAgain > 0 && !ctx.json && !quiet)
        ctx.output.out() << foundAgain << " image(s) found again were already in the library"
                         << Qt::endl;
    // The outcome is printed; the queue rows have done their job.
    pipeline.clearFinished();
    const QString paused = pipeline.pauseReason();
    if (!paused.isEmpty()) {
        // Left for `trove resume`, by any process, at once: not owned by
        // this one's id, which the system may give another process later.
        const QList<qint64> left = pipeline.unfinishedQueueIds();
        (void)writer.releaseQueueItems(left);
        int notQueued = 0;
        for (quint64 id : pipeline.itemIds()) {
            const IngestItem *item = pipeline.item(id);
            if (!item || isFinished(item->state))
                continue;
            if (item->queueId <= 0)
                ++notQueued;
            QJsonObject o { { QStringLiteral("source"), item->request.source },
                { QStringLiteral("status"),
                    item->queueId > 0 ? QStringLiteral("queued") : QStringLiteral("failed") },
                { QStringLiteral("error"), paused } };
            results.append(o);
        }
        // The folders not walked to their end are carried on there too.
        QStringList unwalked = sourcesImport.unfinishedWalks().values();
        unwalked.sort();
        (void)writer.releaseFolderWalks(sourcesImport.unfinishedWalks().keys());
        // One line, whatever the number of items: the cause, then what to do.
        ctx.output.err() << "trove: " << paused << "; paused with " << left.size()
                         << " item(s) left queued";
        for (const QString &folder : std::as_const(unwalked))
            ctx.output.err() << " and the rest of " << printable(folder);
        ctx.output.err() << ": free some space, then run `trove resume`";
        if (notQueued > 0)
            ctx.output.err() << " (" << notQueued << " more could not be queued: add them again)";
        ctx.output.err() << Qt::endl;
    }
    writer.flush(); // answered while the pipeline, their context, exists
    if (ctx.json)
        ctx.output.json(QJsonDocument(results));
    return failed > 0 || incomplete > 0 || !paused.isEmpty() ? 1 : 0;
}

} // namespace trove::cli

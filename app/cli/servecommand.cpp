// SPDX-License-Identifier: MIT
// `trove serve` and `trove api-key`: the local API without a window.
#include "api/apikey.h"
#include "api/apiserver.h"
#include "base/platform.h"
#include "catalog/catalogwriter.h"
#include "commandhelpers.h"
#include "ingest/folderimport.h"
#include "ingest/ingestpipeline.h"
#include "output.h"
#include "queuestop.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>

namespace trove::cli {

namespace {

/// @p text as one word for a POSIX shell, so a command shown can be pasted.
QString shellQuoted(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./,:+@%=-]+$"));
    if (plain.match(text).hasMatch())
        return text;
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("'\\''"))
        + QLatin1Char('\'');
}

} // namespace

void serveOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("port"),
        QStringLiteral("Port to listen on (default %1; 0: any free port).")
            .arg(api::ApiConfig::kDefaultPort),
        QStringLiteral("N") });
    p.addOption({ QStringLiteral("listen"),
        QStringLiteral("Address to listen on (default 127.0.0.1). Anything else exposes the "
                       "library to the network: it needs an existing key (`trove api-key`)."),
        QStringLiteral("ADDR") });
    p.addOption({ QStringLiteral("allow-origin"),
        QStringLiteral("Let pages of this origin call the API from a browser (CORS), e.g. "
                       "http://localhost:8080 or chrome-extension://ID (repeatable; also "
                       "LocalApi/allowedOrigins in the settings)."),
        QStringLiteral("ORIGIN") });
    p.addOption({ QStringLiteral("rate-limit"),
        QStringLiteral("Requests per second each client may make (default 50; 0: no limit)."),
        QStringLiteral("N") });
}

void apiKeyOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("new"), QStringLiteral("Replace the key with a new one.") });
}

int runApiKey(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("api-key takes no arguments"));
    // A key made here is made on purpose: it may open --listen.
    auto key = ctx.parser.isSet(QStringLiteral("new"))
        ? api::ApiKey::renew(ctx.paths)
        : api::ApiKey::load(ctx.paths, api::ApiKey::Made::OnPurpose);
    if (!key)
        return failWith(ctx, key.error());
    if (ctx.json)
        ctx.output.json(
            QJsonDocument(QJsonObject { { QStringLiteral("key"), QString::fromLatin1(*key) },
                { QStringLiteral("file"), api::ApiKey::filePath(ctx.paths) } }));
    else
        ctx.output.out() << *key << Qt::endl;
    return 0;
}

int runServe(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("serve takes no arguments"));
    api::ApiConfig config;
    if (ctx.parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const uint port = ctx.parser.value(QStringLiteral("port")).toUInt(&ok);
        if (!ok || port > 65535)
            return usageError(ctx, QStringLiteral("--port takes a number from 0 to 65535"));
        config.port = quint16(port);
    }
    if (ctx.parser.isSet(QStringLiteral("rate-limit"))) {
        bool ok = false;
        const double rate = ctx.parser.value(QStringLiteral("rate-limit")).toDouble(&ok);
        if (!ok || rate < 0)
            return usageError(ctx, QStringLiteral("--rate-limit takes a number from 0"));
        config.ratePerSecond = rate;
        config.rateBurst = qMax(1, int(rate * 4));
    }
    // The window's settings file (base/platform.h userSettings()): its "Local API"
    // setting lists the same origins.
    // An origin that can never match a browser's Origin header (a path,
    // no scheme, "*") would leave the page it was meant for refused, with
    // nothing said: it is refused here instead, naming what is wrong.
    for (const QString &origin : ctx.parser.values(QStringLiteral("allow-origin"))) {
        if (const QString problem = api::ApiConfig::originProblem(origin); !problem.isEmpty())
            return usageError(ctx, QStringLiteral("--allow-origin: %1").arg(problem));
    }
    // The window's list was typed elsewhere, perhaps long ago: such an
    // entry is named and left out rather than stopping the server.
    const auto settings = userSettings();
    for (const QString &origin :
        settings->value(QStringLiteral("LocalApi/allowedOrigins")).toStringList()) {
        if (const QString problem = api::ApiConfig::originProblem(origin); !problem.isEmpty())
            ctx.output.err() << "warning: LocalApi/allowedOrigins in " << settings->fileName()
                             << ": " << problem << "; left out" << Qt::endl;
        else
            config.allowedOrigins.append(origin);
    }
    config.allowedOrigins += ctx.parser.values(QStringLiteral("allow-origin"));

    if (ctx.parser.isSet(QStringLiteral("listen"))) {
        const QString text = ctx.parser.value(QStringLiteral("listen"));
        if (!config.listen.setAddress(text))
            return usageError(
                ctx, QStringLiteral("--listen takes an IP address, not %1").arg(text));
        if (!config.listen.isLoopback()) {
            // Beyond loopback only with a key the person made on purpose:
            // not one a plain `trove serve` (or the window) made for itself,
            // which they may never have seen.
            if (!api::ApiKey::madeOnPurpose(ctx.paths)) {
                const bool exists = QFileInfo::exists(api::ApiKey::filePath(ctx.paths));
                const QString run = QStringLiteral("trove api-key %1--library %2")
                                        .arg(exists ? QStringLiteral("--new ") : QString(),
                                            shellQuoted(ctx.paths.root()));
                return failWith(ctx,
                    exists ? QStringLiteral(
                        "--listen %1 would expose the library beyond this machine, and "
                        "its API key was made by a server, not on purpose; make one with "
                        "`%2` (clients of the old key need the new one), then start "
                        "again")
                                 .arg(text, run)
                           : QStringLiteral("--listen %1 would expose the library beyond this "
                                            "machine; make its API key first with `%2`")
                                 .arg(text, run));
            }
            ctx.output.err() << "warning: listening on " << text
                             << ": anyone who can reach it and has the key can read and add "
                                "images"
                             << Qt::endl;
        }
    }
    auto key = api::ApiKey::load(ctx.paths);
    if (!key)
        return failWith(ctx, key.error());

    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    IngestPipeline pipeline(ctx.paths, &writer, PipelineOptions::fromEnvironment());
    int status = 0;
    {
        api::ApiServer server(ctx.paths, &writer, &pipeline, config, *key);
        if (auto started = server.start(); !started)
            return failWith(ctx, started.error());
        // Folder imports cut off in an earlier process (the window closed, a
        // crash) are walked on here, as `trove resume` and the window do:
        // the walks are taken over once the pipeline has resumed its queue.
        FolderImport walks(&pipeline);
        QObject::connect(
            &walks, &FolderImport::walksResumed, &walks, [&ctx](const QStringList &folders) {
                for (const QString &folder : folders)
                    ctx.output.out()
                        << "carrying on the import of " << printable(folder) << Qt::endl;
            });
        QObject::connect(&walks, &FolderImport::problem, &walks, [&ctx](const WalkProblem &p) {
            ctx.output.err() << "trove: " << walkProblemText(p) << Qt::endl;
        });
        // Unfinished adds of a process that died on this library go on here.
        pipeline.resumeOrphans();
        // A full disk pauses the queue; nobody is there to press Resume, so
        // it is tried again every half minute (it pauses again if the space
        // is still not there) and said once per pause.
        QObject::connect(
            &pipeline, &IngestPipeline::diskFull, &pipeline, [&ctx](const QString &reason) {
                ctx.output.err() << "trove: " << reason
                                 << "; adding paused, trying again every 30 s" << Qt::endl;
            });
        QTimer retrySpace;
        retrySpace.setInterval(30'000);
        QObject::connect(&retrySpace, &QTimer::timeout, &pipeline, [&pipeline] {
            if (pipeline.isHalted())
                pipeline.setPaused(false);
        });
        retrySpace.start();
        // A server runs for weeks: finished items leave memory once a
        // minute (their rows stay; /status reads them from the catalog).
        QTimer forget;
        forget.setInterval(60'000);
        QObject::connect(
            &forget, &QTimer::timeout, &pipeline, [&pipeline] { pipeline.forgetFinished(); });
        forget.start();
        const QString host = config.listen.protocol() == QAbstractSocket::IPv6Protocol
            ? QLatin1Char('[') + config.listen.toString() + QLatin1Char(']')
            : config.listen.toString();
        ctx.output.out() << "serving " << ctx.paths.root() << " on http://" << host << ':'
                         << server.port() << "/" << Qt::endl;
        quitOnTerminateSignals();
        // Ctrl+Z: the queue pauses and the process stops; the server
        // answers again once it is continued.
        QueueStop queueStop(&pipeline, &writer, ctx.output.err());
        status = QCoreApplication::exec();
    }
    // Unfinished items stay queued for the next process, as after a crash.
    pipeline.stop();
    writer.flush();
    return status;
}

} // namespace trove::cli

// SPDX-License-Identifier: MIT
#include "catalog/librarybackup.h"
#include "commandhelpers.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace trove::cli {

int runVerify(CommandContext &ctx); // verifycommand.cpp

void backupOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("verify"),
        QStringLiteral("Check an existing backup in DEST instead of writing one: complete, every "
                       "blob intact (as `trove verify` does).") });
}

namespace {

// A backup is checked as the library it is: `trove verify --library DEST`,
// after making sure it was not left half-written.
int verifyBackup(CommandContext &ctx, const QString &dest)
{
    if (auto complete = LibraryBackup::checkComplete(dest); !complete)
        return failWith(ctx, complete.error());
    QCommandLineParser verifyParser;
    verifyOptions(verifyParser);
    verifyParser.parse({ QStringLiteral("trove verify") });
    CommandContext backup { verifyParser, ctx.output, LibraryPaths(dest), ctx.json };
    return runVerify(backup);
}

} // namespace

// Copies the library, live, into DEST: restoring is opening DEST (`trove
// --library DEST`, or File > Open Library).
int runBackup(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.size() != 1)
        return usageError(ctx, QStringLiteral("backup takes one destination folder"));
    const QString dest = args.first();
    if (ctx.parser.isSet(QStringLiteral("verify")))
        return verifyBackup(ctx, dest);

    QElapsedTimer sinceReport;
    sinceReport.start();
    auto report = LibraryBackup::run(ctx.paths, dest, [&](qint64 done, qint64 total) {
        // A line now and then on a terminal; nothing in JSON mode.
        if (!ctx.json && sinceReport.elapsed() >= 2000) {
            sinceReport.restart();
            ctx.output.err() << "copied " << done << " of " << total << " blob(s)" << Qt::endl;
        }
    });
    if (!report)
        return failWith(ctx, report.error());
    const BackupReport &r = *report;
    if (ctx.json) {
        ctx.output.json(QJsonDocument(QJsonObject {
            { QStringLiteral("destination"), LibraryPaths(dest).root() },
            { QStringLiteral("images"), r.images },
            { QStringLiteral("trashed"), r.trashed },
            { QStringLiteral("blobs_copied"), r.blobsCopied },
            { QStringLiteral("blobs_skipped"), r.blobsSkipped },
            { QStringLiteral("blobs_removed"), r.blobsRemoved },
            { QStringLiteral("bytes_copied"), r.bytesCopied },
        }));
    } else {
        ctx.output.out() << "backed up " << r.images << " image(s)";
        if (r.trashed > 0)
            ctx.output.out() << " and " << r.trashed << " in the trash";
        ctx.output.out() << " to " << LibraryPaths(dest).root() << ": " << r.blobsCopied
                         << " blob(s) copied, " << r.blobsSkipped << " already there";
        if (r.blobsRemoved > 0)
            ctx.output.out() << ", " << r.blobsRemoved << " no longer needed removed";
        ctx.output.out() << Qt::endl;
    }
    return 0;
}

} // namespace trove::cli

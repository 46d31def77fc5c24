#include "catalogreader.h"
#include "commandhelpers.h"
#include "gzipcodec.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace trove::cli {

void verifyOptions(QCommandLineParser &) { }

namespace {

// Why a blob does not hold what its row says, or an empty string.
QString checkBlob(const LibraryPaths &paths, const ImageRecord &r)
{
    const QString path = paths.blobFile(r.sha256);
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("blob missing (%1)").arg(path);
    if (info.size() != r.storedBytes)
        return QStringLiteral("blob is %1 bytes, the catalog says %2").arg(info.size()).arg(r.storedBytes);
    auto check = GzipCodec::inflateFile(path);
    if (!check)
        return check.error();
    if (check->sha256 != r.sha256)
        return QStringLiteral("SHA-256 mismatch: content hashes to %1").arg(check->sha256);
    if (check->originalBytes != r.originalBytes)
        return QStringLiteral("size mismatch: %1 bytes, the catalog says %2").arg(check->originalBytes).arg(r.originalBytes);
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

    QJsonArray problems;
    auto report = [&](const QString &what, const QString &why) {
        ctx.output.err() << "bad  " << what << ": " << why << Qt::endl;
        problems.append(QJsonObject { { QStringLiteral("item"), what }, { QStringLiteral("problem"), why } });
    };

    auto integrity = reader.integrityProblems();
    if (!integrity)
        report(QStringLiteral("catalog"), integrity.error());
    else
        for (const QString &line : *integrity)
            report(QStringLiteral("catalog"), line);

    qint64 checked = 0;
    QSet<QString> known;
    auto walk = reader.forEach([&](const ImageRecord &r) {
        ++checked;
        known.insert(r.sha256);
        if (const QString why = checkBlob(ctx.paths, r); !why.isEmpty())
            report(QStringLiteral("%1 %2").arg(r.id, r.name), why);
        return true;
    });
    if (!walk)
        report(QStringLiteral("catalog"), walk.error());

    QDirIterator blobs(ctx.paths.blobsDir(), { QStringLiteral("*.gz") }, QDir::Files, QDirIterator::Subdirectories);
    while (blobs.hasNext()) {
        const QFileInfo fi(blobs.next());
        if (!known.contains(fi.completeBaseName()))
            report(fi.absoluteFilePath(), QStringLiteral("orphan blob: no catalog row names it"));
    }

    if (ctx.json) {
        ctx.output.json(QJsonDocument(QJsonObject { { QStringLiteral("images"), checked },
                                                    { QStringLiteral("problems"), problems },
                                                    { QStringLiteral("ok"), problems.isEmpty() } }));
    } else {
        ctx.output.out() << "verified " << checked << " image(s): "
                         << (problems.isEmpty() ? QStringLiteral("all intact")
                                                : QStringLiteral("%1 problem(s)").arg(problems.size()))
                         << Qt::endl;
    }
    return problems.isEmpty() ? 0 : 1;
}

} // namespace trove::cli

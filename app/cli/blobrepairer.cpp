// SPDX-License-Identifier: MIT
#include "blobrepairer.h"

#include "catalog/catalogwriter.h"
#include "commandhelpers.h"
#include "ingest/fetcher.h"
#include "ingest/ingestpipeline.h"
#include "ingest/ingestsource.h"
#include "storage/gzipcodec.h"

#include <QEventLoop>
#include <QFile>

namespace trove::cli {

BlobRepairer::BlobRepairer(const LibraryPaths &paths, CatalogWriter &writer)
    : m_paths(paths)
    , m_writer(writer)
{
}

// The source's bytes in a file: a local file in place, a download in tmp/.
Result<QString> BlobRepairer::fetch(const QString &sourceText)
{
    auto source = IngestSource::parse(sourceText);
    if (!source)
        return Error { source.error() };
    if (source->isLocal())
        return source->localPath;
    Fetcher fetcher(m_paths, PipelineOptions::fromEnvironment().fetch);
    QEventLoop loop;
    FetchResult result;
    QObject::connect(&fetcher, &Fetcher::finished, &loop, [&](quint64, const FetchResult &r) {
        result = r;
        loop.quit();
    });
    fetcher.fetch(1, source->url);
    loop.exec();
    if (!result.ok())
        return Error { result.error };
    return result.path;
}

Result<QString> BlobRepairer::repair(const ImageRecord &record)
{
    QStringList reasons;
    for (const QString &source : record.sources) {
        auto data = fetch(source);
        if (!data) {
            reasons << QStringLiteral("%1: %2").arg(source, data.error());
            continue;
        }
        const bool downloaded = data->startsWith(m_paths.tmpDir());
        const QString tempBlob = m_paths.newTempFile(QStringLiteral(".gz"));
        auto blob
            = GzipCodec::compressFile(*data, tempBlob, IngestSource::parse(source)->fileName());
        if (downloaded)
            QFile::remove(*data);
        if (!blob) {
            QFile::remove(tempBlob);
            reasons << QStringLiteral("%1: %2").arg(source, blob.error());
            continue;
        }
        if (blob->sha256 != record.sha256) {
            QFile::remove(tempBlob);
            reasons << tr("%1: now serves different bytes").arg(source);
            continue;
        }
        auto restored = waitFor(m_writer.restoreBlob(record.key, *blob, tempBlob));
        if (!restored) {
            QFile::remove(tempBlob);
            reasons << QStringLiteral("%1: %2").arg(source, restored.error());
            continue;
        }
        return source;
    }
    if (reasons.isEmpty())
        return Error { tr("no source to fetch it from") };
    return Error { reasons.join(QStringLiteral("; ")) };
}

} // namespace trove::cli

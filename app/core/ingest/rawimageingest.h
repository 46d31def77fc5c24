// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "ingest/ingestpipeline.h"
#include "ingest/ingesttypes.h"
#include "storage/librarypaths.h"

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QImage>
#include <QObject>

namespace trove {

/// Ingests images that arrive as bytes instead of as a link or a file: a
/// screenshot pasted from the clipboard, a picture dragged out of a browser
/// that offers only its pixels. Writes them to a temp file in the library's
/// tmp/ off the calling thread, queues that file like any local file, and
/// removes it once its item is done or dropped from the queue (a failed or
/// cancelled item keeps it for a retry, unless the bytes came from someone
/// who cannot retry: KeepFile::UntilFinished). The image records no
/// source: the temp file is no place anyone can go back to. Lives on the
/// pipeline's thread (the GUI thread); encoding and writing run on the
/// global thread pool.
class RawImageIngest final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RawImageIngest)

public:
    /// How long an item's temp file stays.
    enum class KeepFile {
        ForRetry, ///< until the item is done or leaves the queue (the window)
        UntilFinished, ///< until it is done, failed or cancelled (the local API)
    };

    RawImageIngest(const LibraryPaths &paths, IngestPipeline *pipeline, QObject *parent = nullptr);
    ~RawImageIngest() override;

    /// Encoded bytes as they came (PNG, JPEG, ...), kept byte for byte.
    /// @p suffix names the format for the file (".png"). @p request carries
    /// the name and tags; its source is ignored. Answers the queue item's id,
    /// or why nothing was queued (the temp file could not be written).
    QFuture<Result<quint64>> ingestBytes(const QByteArray &bytes, const QString &suffix,
        const IngestRequest &request, KeepFile keep = KeepFile::ForRetry);
    /// Decoded pixels only (application/x-qt-image): stored as PNG, which
    /// keeps them losslessly.
    QFuture<Result<quint64>> ingestImage(const QImage &image, const IngestRequest &request);

    /// Whether @p source is one of the temp files this class made, in any
    /// library (what the catalog records as the source of pasted images).
    static bool isRawImageSource(const QString &source);

private:
    QFuture<Result<quint64>> enqueueWhenWritten(
        QFuture<Result<QString>> written, const IngestRequest &request, KeepFile keep);
    Result<quint64> enqueueWritten(
        const Result<QString> &path, const IngestRequest &request, KeepFile keep);
    void onItemFinished(quint64 id);
    void onItemsRemoved(const QList<quint64> &ids);
    static void removeLater(const QString &path);

    LibraryPaths m_paths;
    IngestPipeline *m_pipeline;
    struct TempFile {
        QString path;
        KeepFile keep = KeepFile::ForRetry;
    };
    QHash<quint64, TempFile> m_files; ///< queue item -> its temp file
};

} // namespace trove

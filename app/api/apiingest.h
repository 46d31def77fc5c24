// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "ingest/ingestpipeline.h"
#include "ingest/rawimageingest.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <functional>

namespace trove::api {

/// The API's way into the normal ingest pipeline. An add is answered once
/// its queue row is persisted (so a crash after the answer still finishes
/// it), never after the download. Lives on the pipeline's thread.
class ApiIngest final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiIngest)

public:
    ApiIngest(const LibraryPaths &paths, IngestPipeline *pipeline, QObject *parent = nullptr);

    /// The queue row id once persisted, or why the request was refused
    /// (bad source, the catalog could not record it). @p finished, if
    /// given, runs when the item is done, failed or a duplicate.
    void submit(const IngestRequest &request, std::function<void(Result<qint64>)> accepted,
        std::function<void(const IngestItem &)> finished = {});

    /// The same for bytes that came in the request (Hydrus add_file): kept
    /// byte for byte in a temp file off this thread, then queued like a
    /// pasted image (RawImageIngest).
    void submitBytes(const QByteArray &bytes, const QString &suffix, const IngestRequest &request,
        std::function<void(Result<qint64>)> accepted,
        std::function<void(const IngestItem &)> finished = {});

    /// The live item behind a queue row this process added, or null.
    const IngestItem *item(qint64 queueId) const;

    /// A body's `url`: a string, of an http, https or data URL only (the
    /// API never reads local files on a link's behalf).
    static Result<QString> checkUrl(const QJsonValue &url);
    /// A body's `path`: a string, an absolute path to an existing regular
    /// file (addFromPath, add_file).
    static Result<QString> checkPath(const QJsonValue &path);

private:
    /// Answers @p accepted once item @p id's queue row is persisted.
    void track(quint64 id, std::function<void(Result<qint64>)> accepted,
        std::function<void(const IngestItem &)> finished);
    /// Answers the waiting adds among @p ids, whose rows were written.
    void answerAccepted(const QList<quint64> &ids);
    void onFinished(quint64 id);

    IngestPipeline *m_pipeline;
    RawImageIngest m_raw;
    QHash<qint64, quint64> m_byQueueId;
    QHash<quint64, std::function<void(Result<qint64>)>> m_accepting;
    QHash<quint64, std::function<void(const IngestItem &)>> m_waiting;
};

/// Lower-case words for IngestState: queued, downloading, processing, done,
/// duplicate, failed, cancelled.
QString stateWord(IngestState state);

} // namespace trove::api

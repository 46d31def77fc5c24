// SPDX-License-Identifier: MIT
#include "api/apiingest.h"

#include "api/apiresponses.h"
#include "base/futurewatch.h"
#include "ingest/ingestsource.h"

#include <QFileInfo>

namespace trove::api {

QString stateWord(IngestState state)
{
    switch (state) {
    case IngestState::Queued:
        return QStringLiteral("queued");
    case IngestState::Downloading:
        return QStringLiteral("downloading");
    case IngestState::Processing:
        return QStringLiteral("processing");
    case IngestState::Done:
        return QStringLiteral("done");
    case IngestState::Duplicate:
        return QStringLiteral("duplicate");
    case IngestState::Failed:
        return QStringLiteral("failed");
    case IngestState::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

ApiIngest::ApiIngest(const LibraryPaths &paths, IngestPipeline *pipeline, QObject *parent)
    : QObject(parent)
    , m_pipeline(pipeline)
    , m_raw(paths, pipeline)
{
    connect(m_pipeline, &IngestPipeline::itemFinished, this, &ApiIngest::onFinished);
    connect(m_pipeline, &IngestPipeline::itemsPersisted, this, &ApiIngest::answerAccepted);
}

Result<QString> ApiIngest::checkUrl(const QJsonValue &url)
{
    const auto given = textField(url, QStringLiteral("url"));
    if (!given)
        return given.failure();
    const QString text = given->trimmed();
    if (text.isEmpty())
        return fail(tr("no url given"));
    const QUrl parsed(text, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")
            && scheme != QLatin1String("data")))
        return fail(tr("not an http, https or data URL: %1").arg(text.left(200)));
    auto source = IngestSource::parse(text);
    if (!source)
        return fail(source.error());
    return text;
}

Result<QString> ApiIngest::checkPath(const QJsonValue &value)
{
    const auto given = textField(value, QStringLiteral("path"));
    if (!given)
        return given.failure();
    const QString &path = *given;
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isAbsolute())
        return fail(tr("not an absolute path: %1").arg(path.left(200)));
    if (!info.isFile())
        return fail(tr("no such file: %1").arg(path.left(200)));
    return info.absoluteFilePath();
}

void ApiIngest::submit(const IngestRequest &request, std::function<void(Result<qint64>)> accepted,
    std::function<void(const IngestItem &)> finished)
{
    track(m_pipeline->enqueue({ request }).value(0), std::move(accepted), std::move(finished));
}

void ApiIngest::submitBytes(const QByteArray &bytes, const QString &suffix,
    const IngestRequest &request, std::function<void(Result<qint64>)> accepted,
    std::function<void(const IngestItem &)> finished)
{
    // Nobody can retry an API upload: its file goes once the item finishes,
    // failed or not.
    whenFinished(m_raw.ingestBytes(bytes, suffix, request, RawImageIngest::KeepFile::UntilFinished),
        this,
        [this, accepted = std::move(accepted), finished = std::move(finished)](
            const Result<quint64> &id) mutable {
            if (!id)
                accepted(fail(id.error()));
            else
                track(*id, std::move(accepted), std::move(finished));
        });
}

void ApiIngest::track(quint64 id, std::function<void(Result<qint64>)> accepted,
    std::function<void(const IngestItem &)> finished)
{
    if (finished)
        m_waiting.insert(id, std::move(finished));
    // The pipeline persists the queue row through the writer before any
    // work and says so (itemsPersisted()). A source it refused, or a row
    // written before this call (bytes kept off the thread first), is
    // answered in the next turn, never from inside submit().
    m_accepting.insert(id, std::move(accepted));
    if (!m_pipeline->isPersisting(id))
        QMetaObject::invokeMethod(
            this, [this, id] { answerAccepted({ id }); }, Qt::QueuedConnection);
}

void ApiIngest::answerAccepted(const QList<quint64> &ids)
{
    for (quint64 id : ids) {
        auto accepted = m_accepting.take(id);
        if (!accepted)
            continue;
        const IngestItem *item = m_pipeline->item(id);
        if (!item) {
            m_waiting.remove(id);
            accepted(fail(tr("the item left the queue")));
            continue;
        }
        if (item->queueId <= 0) {
            m_waiting.remove(id);
            accepted(fail(item->error.isEmpty() ? tr("the catalog could not record the request")
                                                : item->error));
            continue;
        }
        m_byQueueId.insert(item->queueId, id);
        accepted(item->queueId);
    }
}

const IngestItem *ApiIngest::item(qint64 queueId) const
{
    const auto it = m_byQueueId.constFind(queueId);
    return it == m_byQueueId.cend() ? nullptr : m_pipeline->item(*it);
}

void ApiIngest::onFinished(quint64 id)
{
    auto waiter = m_waiting.take(id);
    if (!waiter)
        return;
    if (const IngestItem *item = m_pipeline->item(id))
        waiter(*item);
}

} // namespace trove::api

// SPDX-License-Identifier: MIT
#include "ingest/rawimageingest.h"

#include "base/futurewatch.h"
#include "base/platform.h"

#include <QFile>
#include <QImageWriter>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

namespace trove {

namespace {

// Marks the temp files of raw images, so that their recorded source can be
// told apart from a file a person chose.
const QString kMarker = QStringLiteral(".pasted");

Result<QString> writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(RawImageIngest::tr("cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        return fail(RawImageIngest::tr("cannot write %1: %2").arg(path, file.errorString()));
    // In the library's tmp/: private like the rest of it.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

} // namespace

RawImageIngest::RawImageIngest(const LibraryPaths &paths, IngestPipeline *pipeline, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_pipeline(pipeline)
{
    connect(pipeline, &IngestPipeline::itemFinished, this, &RawImageIngest::onItemFinished);
    connect(pipeline, &IngestPipeline::itemsRemoved, this, &RawImageIngest::onItemsRemoved);
}

RawImageIngest::~RawImageIngest()
{
    // Items still queued lose their file; the next start would sweep it anyway.
    for (const TempFile &file : std::as_const(m_files))
        removeLater(file.path);
}

QFuture<Result<quint64>> RawImageIngest::ingestBytes(
    const QByteArray &bytes, const QString &suffix, const IngestRequest &request, KeepFile keep)
{
    const QString path = m_paths.newTempFile(
        kMarker + (suffix.startsWith(QLatin1Char('.')) ? suffix : QLatin1Char('.') + suffix));
    if (bytes.isEmpty())
        return QtFuture::makeReadyFuture(Result<quint64>(fail(tr("the image data is empty"))));
    auto written
        = QtConcurrent::run(backgroundPool(), [path, bytes]() { return writeBytes(path, bytes); });
    return enqueueWhenWritten(written, request, keep);
}

QFuture<Result<quint64>> RawImageIngest::ingestImage(
    const QImage &image, const IngestRequest &request)
{
    if (image.isNull())
        return QtFuture::makeReadyFuture(Result<quint64>(fail(tr("the image data is empty"))));
    const QString path = m_paths.newTempFile(kMarker + QStringLiteral(".png"));
    auto written = QtConcurrent::run(backgroundPool(), [path, image]() -> Result<QString> {
        QImageWriter writer(path, "png");
        if (!writer.write(image)) {
            QFile::remove(path);
            return fail(tr("cannot write %1: %2").arg(path, writer.errorString()));
        }
        return path;
    });
    return enqueueWhenWritten(written, request, KeepFile::ForRetry);
}

QFuture<Result<quint64>> RawImageIngest::enqueueWhenWritten(
    QFuture<Result<QString>> written, const IngestRequest &request, KeepFile keep)
{
    // A promise answered by a watcher this object owns: if it goes first,
    // the future is cancelled instead of calling into a destroyed object.
    auto promise = std::make_shared<QPromise<Result<quint64>>>();
    promise->start();
    QFuture<Result<quint64>> answer = promise->future();
    whenFinished(written, this, [this, request, keep, promise](const Result<QString> &path) {
        promise->addResult(enqueueWritten(path, request, keep));
        promise->finish();
    });
    return answer;
}

Result<quint64> RawImageIngest::enqueueWritten(
    const Result<QString> &path, const IngestRequest &request, KeepFile keep)
{
    if (!path)
        return Error { path.error() };
    IngestRequest r = request;
    r.source = *path;
    if (r.name.trimmed().isEmpty())
        r.name = tr("image");
    const QList<quint64> ids = m_pipeline->enqueue({ r });
    if (ids.isEmpty()) {
        removeLater(*path);
        return fail(tr("the image could not be queued"));
    }
    const IngestItem *item = m_pipeline->item(ids.first());
    if (item && isFinished(item->state))
        removeLater(*path); // refused at once; nothing will read it
    else
        m_files.insert(ids.first(), { *path, keep });
    return ids.first();
}

bool RawImageIngest::isRawImageSource(const QString &source)
{
    static const QRegularExpression re(
        QStringLiteral("/tmp/[0-9]+-[0-9a-f]{32}\\.pasted\\.[A-Za-z0-9]+$"));
    return re.match(source).hasMatch();
}

void RawImageIngest::onItemFinished(quint64 id)
{
    const IngestItem *item = m_pipeline->item(id);
    const auto it = m_files.constFind(id);
    if (it == m_files.cend())
        return;
    // A cancelled or failed item may be retried: its file (the only copy of
    // pasted pixels) stays until the item leaves the queue. Bytes that came
    // through the API have nobody to retry them, and their files would pile
    // up in tmp/ (anyone with the key could fill the disk with failures).
    if (it->keep == KeepFile::ForRetry && item
        && (item->state == IngestState::Cancelled || item->state == IngestState::Failed))
        return;
    removeLater(m_files.take(id).path);
}

void RawImageIngest::onItemsRemoved(const QList<quint64> &ids)
{
    for (quint64 id : ids) {
        const QString path = m_files.take(id).path;
        if (!path.isEmpty())
            removeLater(path);
    }
}

void RawImageIngest::removeLater(const QString &path)
{
    removeFileLater(path);
}

} // namespace trove

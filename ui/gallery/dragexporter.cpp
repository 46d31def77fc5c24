// SPDX-License-Identifier: MIT
#include "gallery/dragexporter.h"

#include "base/filenames.h"
#include "base/futurewatch.h"
#include "base/platform.h"
#include "statusmessagetimes.h"
#include "storage/blobstore.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace trove::ui {

DragExporter::DragExporter(QObject *parent)
    : QObject(parent)
{
}

DragExporter::~DragExporter() = default;

void DragExporter::setLibrary(const LibraryPaths &paths)
{
    m_paths = paths;
    ++m_generation;
    m_ready.clear();
    m_running.clear();
}

QString DragExporter::fileNameFor(const ImageRecord &record)
{
    return safeFileName(record.name, record.format, record.id.left(8));
}

bool DragExporter::ensureDir()
{
    if (m_dir && m_dir->isValid())
        return true;
    m_dir = std::make_unique<QTemporaryDir>(
        QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
            .filePath(QStringLiteral("trove-drag-XXXXXX")));
    if (!m_dir->isValid() && !m_dirReported) {
        m_dirReported = true; // once: every selection would say it again
        Q_EMIT message(tr("Cannot prepare images for dragging out: %1").arg(m_dir->errorString()),
            kStatusErrorMs);
    }
    return m_dir->isValid();
}

QString DragExporter::targetFor(const ImageRecord &record)
{
    // One folder per image: two images called "cat" stay two files.
    return m_dir->filePath(record.sha256.left(16) + QLatin1Char('/') + fileNameFor(record));
}

void DragExporter::prepare(const QList<ImageRecord> &records)
{
    if (records.size() > kMaxPrepared)
        return;
    startExports(records);
}

void DragExporter::startExports(const QList<ImageRecord> &records)
{
    if (m_paths.root().isEmpty() || !ensureDir())
        return;
    for (const ImageRecord &record : records) {
        if (record.sha256.isEmpty() || m_ready.contains(record.sha256)
            || m_running.contains(record.sha256))
            continue;
        m_running.insert(record.sha256);
        const QString target = targetFor(record);
        const QString sha = record.sha256;
        const LibraryPaths paths = m_paths;
        const quint64 generation = m_generation;
        auto exported = QtConcurrent::run(backgroundPool(), [paths, sha, target]() -> Result<void> {
            QDir().mkpath(QFileInfo(target).absolutePath());
            return BlobStore(paths).exportTo(sha, target);
        });
        whenFinished(exported, this,
            [this, sha, target, generation, name = record.name](const Result<void> &r) {
                if (generation != m_generation)
                    return;
                m_running.remove(sha);
                if (r)
                    m_ready.insert(sha, target);
                else
                    Q_EMIT message(
                        tr("Cannot prepare “%1” for dragging out: %2").arg(name, r.error()),
                        kStatusErrorMs);
            });
    }
}

QMimeData *DragExporter::mimeData(const QList<ImageRecord> &records, int *pending)
{
    int notReady = 0;
    QList<QUrl> urls;
    QList<ImageRecord> toExport;
    if (!m_paths.root().isEmpty() && ensureDir()) {
        for (const ImageRecord &record : records) {
            if (record.sha256.isEmpty())
                continue;
            auto ready = m_ready.constFind(record.sha256);
            if (ready != m_ready.cend()) {
                urls.append(QUrl::fromLocalFile(*ready));
                continue;
            }
            // Not decompressed here: the path is handed over now and the
            // file written in the background, whole or not at all
            // (QSaveFile), before a drop a moment later reads it.
            urls.append(QUrl::fromLocalFile(targetFor(record)));
            if (!m_running.contains(record.sha256))
                toExport.append(record);
            ++notReady;
        }
    }
    startExports(toExport);
    if (pending)
        *pending = notReady;
    if (urls.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

} // namespace trove::ui

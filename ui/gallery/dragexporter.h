// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"
#include "storage/librarypaths.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <memory>

class QMimeData;
class QTemporaryDir;

namespace trove::ui {

/// Originals as files, for dragging images out of the gallery into other
/// programs (which want a file: text/uri-list). Exporting means reading and
/// decompressing a blob, so it starts in the background as soon as images
/// are selected; when a drag begins, files already written are used and
/// the rest are named at once and written in the background (the GUI
/// thread never decompresses). Files live in a temp folder removed with
/// this object. GUI thread; the exports run on the global pool.
class DragExporter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DragExporter)

public:
    /// Selections bigger than this are not exported ahead (Ctrl+A on a huge library).
    static constexpr int kMaxPrepared = 64;

    explicit DragExporter(QObject *parent = nullptr);
    ~DragExporter() override;

    void setLibrary(const LibraryPaths &paths);

    /// Starts exporting these images in the background.
    void prepare(const QList<ImageRecord> &records);
    /// MIME data with a file URL for every image; @p pending counts those
    /// whose file is still being written (it appears whole, by rename).
    QMimeData *mimeData(const QList<ImageRecord> &records, int *pending);

    /// A file name for an exported image: safeFileName() of its name, or of
    /// its short id when nothing of the name is left.
    static QString fileNameFor(const ImageRecord &record);

Q_SIGNALS:
    /// An original could not be written for dragging out, or the temp
    /// folder could not be made: the reason, for the status bar (a drop
    /// elsewhere would otherwise just find no file).
    void message(const QString &text, int timeoutMs);

private:
    QString targetFor(const ImageRecord &record);
    void startExports(const QList<ImageRecord> &records);
    bool ensureDir();

    LibraryPaths m_paths;
    std::unique_ptr<QTemporaryDir> m_dir;
    QHash<QString, QString> m_ready; ///< sha256 -> exported file
    QSet<QString> m_running;
    quint64 m_generation = 0;
    bool m_dirReported = false; ///< the temp folder's failure was said once
};

} // namespace trove::ui

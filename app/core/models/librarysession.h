// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogwriter.h"
#include "catalog/libraryreader.h"
#include "ingest/ingestpipeline.h"
#include "models/gallerymodel.h"
#include "models/ingestqueuemodel.h"
#include "models/similarityservice.h"
#include "models/tagservice.h"
#include "storage/libraryaccess.h"
#include "storage/librarypaths.h"

#include <QObject>
#include <memory>

namespace trove {

/// Everything one open library needs, wired together: the writer (its
/// thread), the reader (its thread), the ingest pipeline and the two models.
/// The window holds one session and replaces it to open another library.
/// Created and used on the GUI thread; opening happens off it.
class LibrarySession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibrarySession)

public:
    explicit LibrarySession(const LibraryPaths &paths,
        const PipelineOptions &options = PipelineOptions::fromEnvironment(),
        QObject *parent = nullptr);
    ~LibrarySession() override;

    const LibraryPaths &paths() const { return m_paths; }
    CatalogWriter *writer() { return &m_writer; }
    LibraryReader *reader() { return &m_reader; }
    IngestPipeline *pipeline() { return &m_pipeline; }
    GalleryModel *gallery() { return &m_gallery; }
    IngestQueueModel *queue() { return &m_queue; }
    /// Find Similar, Duplicates and the hash backfill, which starts once
    /// the library is open for writing (unless TROVE_HASH_BACKFILL=0).
    SimilarityService *similarity() { return &m_similarity; }
    /// The library's tags with counts: completion and the Tags sidebar.
    TagService *tags() { return &m_tags; }

    /// Whether open() succeeded (false until it answers).
    bool isOpen() const { return m_open; }
    /// The library opened for reading only: it cannot be written (read-only
    /// media, no permission). Known once opened() was emitted.
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    /// Why it cannot be written: "library … is read-only: …".
    QString readOnlyReason() const { return m_readOnlyReason; }
    /// Where the library lives (network drive or not); known at opened().
    const LibraryAccess &access() const { return m_access; }

    /// Lets a session go without waiting for it, for the GUI thread that
    /// opens another library: its signals go quiet, its pipeline stops
    /// (see IngestPipeline::stop()), and it is deleted once no processing
    /// job runs and every write it asked for is done, when destroying it
    /// only joins idle threads. At the application's quit at the latest.
    static void retire(std::unique_ptr<LibrarySession> session);

Q_SIGNALS:
    /// The library is open and unfinished items of dead processes resumed.
    void opened();
    /// The library could not be opened: the reason, for a dialog.
    void openFailed(const QString &reason);
    /// The library's catalog is damaged (instead of openFailed): what
    /// SQLite said. CatalogSalvage can rebuild it.
    void damaged(const QString &reason);

private:
    LibraryPaths m_paths;
    CatalogWriter m_writer;
    LibraryReader m_reader;
    IngestPipeline m_pipeline;
    GalleryModel m_gallery;
    IngestQueueModel m_queue;
    TagService m_tags;
    /// After the writer: stopped (its batch finished) before the writer goes.
    SimilarityService m_similarity;
    LibraryAccess m_access;
    QString m_readOnlyReason;
    bool m_open = false;
};

} // namespace trove

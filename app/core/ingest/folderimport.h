// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/folderwalker.h"
#include "ingest/ingestpipeline.h"
#include "ingest/ingesttypes.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <memory>
#include <vector>

namespace trove {

/// Adds what a person points at when it may be on the disk: files, folders
/// (walked by FolderWalker for images by content) and links, mixed. Every
/// source is checked and every folder walked on a thread of its own; what
/// is found reaches the pipeline in batches, and the walk waits while the
/// pipeline has plenty to do, so that a folder of 100,000 files never
/// becomes 100,000 items at once. Shared by `trove add` and the window.
///
/// Each folder is remembered in the catalog (CatalogWriter::beginFolderWalk)
/// before the first batch of its files is queued, and forgotten in the
/// transaction that queues its last: a process killed mid-walk leaves the
/// folder there. When the pipeline has resumed the items of dead processes
/// (IngestPipeline::resumed), such folders are walked again from the start
/// with their add's name and tags, leaving out the files still queued;
/// those already in the library come back as duplicates.
///
/// Lives on the pipeline's thread (the GUI thread, or the CLI's main thread)
/// and only touches the pipeline there; that thread never stats, lists or
/// reads a file for it.
class FolderImport final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderImport)

public:
    /// So far, over the imports running together (reset when a new one
    /// starts after all ended).
    struct Totals {
        qint64 found = 0; ///< images found, plus files and links passed on
        qint64 queued = 0; ///< of those, handed to the pipeline
        qint64 skipped = 0; ///< files that are not images
        qint64 problems = 0; ///< entries that could not be looked at (not empty folders)
        bool cancelled = false;
    };

    /// Pipeline items handed on per batch, and items the pipeline may have
    /// unfinished before the walk waits.
    static constexpr int kBatchSize = 200;
    static constexpr int kHighWater = 1000;

    explicit FolderImport(IngestPipeline *pipeline, QObject *parent = nullptr);
    /// Cancels and waits for the walk to notice (one file-system call).
    ~FolderImport() override;

    /// Checks and walks @p sources in order, off this thread. Every item
    /// found is queued with @p options' name, tags and force flag.
    void start(const QStringList &sources, const IngestRequest &options);
    /// Stops every walk, as a person asked: nothing more is queued, and the
    /// folders are forgotten (not walked again by a resume). Items already
    /// queued stay.
    void cancel();
    /// Stops every walk without giving them up (a full disk, the window
    /// closing): what is left of each folder waits for `trove resume` or
    /// the next window (unfinishedWalks()).
    void interrupt();
    /// Walking, or asking the catalog for walks to carry on.
    bool isRunning() const { return m_running > 0 || m_claiming; }
    /// Folders remembered in the catalog whose walk has not ended: their
    /// catalog ids and paths.
    const QHash<qint64, QString> &unfinishedWalks() const { return m_walks; }
    const Totals &totals() const { return m_totals; }

Q_SIGNALS:
    /// Items were queued (their pipeline ids).
    void queued(const QList<quint64> &ids);
    /// Of queued(), items found by a walk carried on from an earlier
    /// process: those already in the library were expected to be.
    void requeued(const QList<quint64> &ids);
    /// The folder walks of processes that ended before finishing them are
    /// being carried on (@p folders, possibly none: then finished() does
    /// not follow); after IngestPipeline::resumed().
    void walksResumed(const QStringList &folders);
    void progress(const trove::FolderImport::Totals &totals);
    /// What a walk could not look at, and each folder given that held no
    /// image (WalkProblem::Kind::NoImages, its path as given).
    void problem(const trove::WalkProblem &problem);
    /// Every import started has ended (or was cancelled).
    void finished(const trove::FolderImport::Totals &totals);

private:
    struct Run;
    /// One source of a run, with the options it is added with.
    struct Source {
        QString path;
        IngestRequest options;
        qint64 walkId = 0; ///< a remembered walk carried on; 0: a new one
        QSet<QString> queued; ///< files of it queued already
    };
    struct Batch {
        std::vector<CheckedRequest> requests;
        qint64 found = 0;
        qint64 skipped = 0;
        QList<WalkProblem> problems;
        /// Folder walks to remember (the folder as the source), before
        /// any request of this batch is queued.
        QList<QPair<qint64, IngestRequest>> walksBegun;
        /// Folder walks whose last files are in this batch.
        QList<qint64> walksEnded;
        bool last = false;
    };

    void startRun(std::vector<Source> sources, bool resumed);
    void resumeWalks();
    void stopRuns(bool forget);
    static void walk(const std::shared_ptr<Run> &run, QObject *owner, std::vector<Source> sources);
    void take(const std::shared_ptr<Run> &run, Batch batch);
    void settle();

    IngestPipeline *m_pipeline;
    QThreadPool m_pool; ///< one thread: imports run one after another
    std::vector<std::shared_ptr<Run>> m_runs; ///< started, not ended
    std::vector<std::shared_ptr<Run>> m_owed; ///< batches taken, credit not given back
    Totals m_totals;
    int m_running = 0;
    bool m_claiming = false; ///< resumeWalks() waits for the catalog
    QHash<qint64, QString> m_walks; ///< remembered in the catalog, not ended
};

} // namespace trove

Q_DECLARE_METATYPE(trove::WalkProblem)

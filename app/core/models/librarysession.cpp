// SPDX-License-Identifier: MIT
#include "models/librarysession.h"

#include "base/futurewatch.h"
#include "base/platform.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace trove {

LibrarySession::LibrarySession(
    const LibraryPaths &paths, const PipelineOptions &options, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_writer(paths)
    , m_reader(paths, &m_writer)
    , m_pipeline(paths, &m_writer, options)
    , m_gallery(&m_reader)
    , m_queue(&m_pipeline)
    , m_tags(paths, &m_reader)
    , m_similarity(paths, &m_writer)
{
    // Where the library lives is looked at off the GUI thread (statfs on a
    // stalled network mount blocks), then the writer opens it; a library
    // that cannot be written opens for reading only.
    const QString root = paths.root();
    whenFinished(QtConcurrent::run(backgroundPool(), [root] { return LibraryAccess::probe(root); }),
        this, [this](const LibraryAccess &access) {
            m_access = access;
            whenFinished(m_writer.open(), this, [this](const Result<bool> &r) {
                if (!r && r.errorKind() == Error::Kind::ReadOnly) {
                    m_readOnlyReason = r.error();
                } else if (!r) {
                    if (r.errorKind() == Error::Kind::Damaged)
                        Q_EMIT damaged(r.error());
                    else
                        Q_EMIT openFailed(r.error());
                    return;
                }
                m_open = true;
                m_reader.watchChanges();
                m_tags.start();
                if (!isReadOnly()) {
                    m_pipeline.restoreHistory();
                    m_pipeline.resumeOrphans();
                    if (qEnvironmentVariable("TROVE_HASH_BACKFILL") != QLatin1String("0"))
                        m_similarity.startBackfill();
                }
                Q_EMIT opened();
            });
        });
}

void LibrarySession::retire(std::unique_ptr<LibrarySession> session)
{
    if (!session)
        return;
    LibrarySession *s = session.release();
    // Nothing outside hears from it any more (views, status, dialogs).
    for (QObject *part : std::initializer_list<QObject *> { s, &s->m_reader, &s->m_writer,
             &s->m_gallery, &s->m_queue, &s->m_similarity, &s->m_tags })
        part->blockSignals(true);
    if (QCoreApplication *app = QCoreApplication::instance()) {
        s->setParent(app);
        connect(app, &QCoreApplication::aboutToQuit, s, [s] { delete s; });
    }
    const auto whenQuiet = [s] {
        // After every commit of work that did finish: what is left over is
        // for whoever opens this library next (this window included).
        s->m_writer.releaseQueueItems(s->m_pipeline.unfinishedQueueIds());
        whenFinished(s->m_writer.whenWritten(), s, [s] { s->deleteLater(); });
    };
    s->m_similarity.stopBackfill();
    connect(&s->m_pipeline, &IngestPipeline::quiet, s, whenQuiet, Qt::SingleShotConnection);
    s->m_pipeline.stop();
}

LibrarySession::~LibrarySession()
{
    // Answer every pending write while the pipeline, gallery and this session
    // (the contexts of their continuations) still exist; members are then
    // destroyed in reverse order, the writer last.
    m_writer.flush();
}

} // namespace trove

#include "librarysession.h"

#include "futurewatch.h"

namespace trove {

LibrarySession::LibrarySession(const LibraryPaths &paths, const PipelineOptions &options, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_writer(paths)
    , m_reader(paths, &m_writer)
    , m_pipeline(paths, &m_writer, options)
    , m_gallery(&m_reader, &m_writer)
    , m_queue(&m_pipeline)
{
    whenFinished(m_writer.open(), this, [this](const Result<bool> &r) {
        if (!r) {
            Q_EMIT openFailed(r.error());
            return;
        }
        m_open = true;
        m_pipeline.resumeOrphans();
        Q_EMIT opened();
    });
}

LibrarySession::~LibrarySession()
{
    // Answer every pending write while the pipeline, gallery and this session
    // (the contexts of their continuations) still exist; members are then
    // destroyed in reverse order, the writer last.
    m_writer.flush();
}

} // namespace trove

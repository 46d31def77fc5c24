#include "librarysession.h"

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
    m_writer.open().then(this, [this](const Result<bool> &r) {
        if (!r) {
            Q_EMIT openFailed(r.error());
            return;
        }
        m_open = true;
        m_pipeline.resumeOrphans();
        Q_EMIT opened();
    });
}

LibrarySession::~LibrarySession() = default;

} // namespace trove

// SPDX-License-Identifier: MIT
#include "ingest/foundagain.h"

#include "ingest/folderimport.h"
#include "ingest/ingestpipeline.h"

#include <algorithm>

namespace trove::ui {

namespace {

constexpr qsizetype kMinBatch = 500;

} // namespace

FoundAgain::FoundAgain(FolderImport *walks, IngestPipeline *pipeline, QObject *parent)
    : QObject(parent)
    , m_walks(walks)
    , m_pipeline(pipeline)
{
    m_flush.setObjectName(QStringLiteral("foundAgainFlush"));
    m_flush.setSingleShot(true);
    m_flush.setInterval(500);
    connect(&m_flush, &QTimer::timeout, this, &FoundAgain::flush);
    connect(walks, &FolderImport::requeued, this, [this](const QList<quint64> &ids) {
        m_watched.unite(QSet<quint64>(ids.begin(), ids.end()));
    });
    connect(pipeline, &IngestPipeline::itemFinished, this, &FoundAgain::onFinished);
    // A walk may end after its last file did: what is left goes then.
    connect(walks, &FolderImport::finished, this, [this] {
        if (m_count > 0 && !m_flush.isActive())
            m_flush.start();
    });
}

FoundAgain::~FoundAgain() = default;

void FoundAgain::onFinished(quint64 id)
{
    if (!m_watched.remove(id))
        return;
    const IngestItem *item = m_pipeline->item(id);
    if (item && item->state == IngestState::Duplicate) {
        m_toClear.insert(id);
        ++m_count;
    }
    // Each clear is a pass over the whole queue: taken once a sixteenth of
    // it has gathered (a few passes for any size of queue, where one every
    // half second was a pass over 1,000,000 items every half second), and
    // once the carried-on walks' last files are in.
    const qsizetype batch = std::max<qsizetype>(kMinBatch, m_pipeline->itemCount() / 16);
    const bool last = m_watched.isEmpty() && !m_walks->isRunning() && m_count > 0;
    if ((m_toClear.size() >= batch || last) && !m_flush.isActive())
        m_flush.start();
}

void FoundAgain::flush()
{
    m_pipeline->clearFinished(std::exchange(m_toClear, {}));
    if (m_count > 0 && m_watched.isEmpty() && !m_walks->isRunning())
        Q_EMIT found(std::exchange(m_count, 0));
}

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "queuestop.h"

#include "catalog/catalogwriter.h"
#include "ingest/ingestpipeline.h"

#include <QTextStream>

namespace trove::cli {

QueueStop::QueueStop(
    IngestPipeline *pipeline, CatalogWriter *writer, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_pipeline(pipeline)
    , m_writer(writer)
    , m_err(err)
{
    m_settling.setInterval(20);
    connect(&m_signal, &TerminalStop::requested, this, &QueueStop::onRequested);
    // The fetcher aborts the downloads on its own thread; their connections
    // are closed once it has answered for each.
    connect(&m_settling, &QTimer::timeout, this, [this] {
        if (m_pipeline->downloadsRunning() == 0 || m_settlingFor.hasExpired(2000))
            stopNow();
    });
}

QueueStop::~QueueStop() = default;

void QueueStop::setAround(std::function<void()> beforeStop, std::function<void()> afterContinue)
{
    m_beforeStop = std::move(beforeStop);
    m_afterContinue = std::move(afterContinue);
}

void QueueStop::onRequested()
{
    if (m_stopping) {
        stopNow();
        return;
    }
    m_stopping = true;
    m_pausedHere = !m_pipeline->isPaused();
    m_pipeline->setPaused(true);
    m_pipeline->putBackDownloads();
    m_settlingFor.start();
    m_settling.start();
}

void QueueStop::stopNow()
{
    m_settling.stop();
    // An aborted download's socket is closed by the network thread in its
    // own time; under load it was still open when the process stopped.
    m_pipeline->closeConnections();
    m_writer->flush(); // no transaction of ours for another process to wait on
    if (m_beforeStop)
        m_beforeStop();
    m_err << "trove: stopped with " << m_pipeline->pendingCount()
          << " item(s) to go; `fg` continues" << Qt::endl;
    m_signal.stopNow();
    m_stopping = false;
    if (m_talkative)
        m_err << "trove: continuing" << Qt::endl;
    if (m_pausedHere)
        m_pipeline->setPaused(false);
    if (m_afterContinue)
        m_afterContinue();
}

} // namespace trove::cli

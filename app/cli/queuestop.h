// SPDX-License-Identifier: MIT
#pragma once

#include "terminalstop.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

class QTextStream;

namespace trove {
class CatalogWriter;
class IngestPipeline;
} // namespace trove

namespace trove::cli {

/// Ctrl+Z for a command that runs the ingest queue (`add`, `resume`,
/// `serve`): the queue pauses, its running downloads go back to it (their
/// connections close, no attempt is spent), the writer finishes what it was
/// given, and then the process stops, holding no connection and no lock on
/// the library. Continued (`fg`, `bg`), the queue goes on. A second Ctrl+Z
/// while the downloads are being put back stops it at once; a fetcher that
/// has not let go of them in 2 s is not waited for. Main thread only.
class QueueStop final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueStop)

public:
    QueueStop(IngestPipeline *pipeline, CatalogWriter *writer, QTextStream &err,
        QObject *parent = nullptr);
    ~QueueStop() override;

    /// Runs @p beforeStop before the "stopped" line is printed (wipe a
    /// progress line there) and @p afterContinue once the process goes on.
    void setAround(std::function<void()> beforeStop, std::function<void()> afterContinue);
    /// Whether "trove: continuing" is printed (not with --json or --quiet).
    void setTalkative(bool talkative) { m_talkative = talkative; }

private:
    void onRequested();
    void stopNow();

    IngestPipeline *m_pipeline;
    CatalogWriter *m_writer;
    QTextStream &m_err;
    TerminalStop m_signal;
    QTimer m_settling;
    QElapsedTimer m_settlingFor;
    std::function<void()> m_beforeStop;
    std::function<void()> m_afterContinue;
    bool m_stopping = false;
    bool m_pausedHere = false; ///< not a full disk's pause, which stays
    bool m_talkative = true;
};

} // namespace trove::cli

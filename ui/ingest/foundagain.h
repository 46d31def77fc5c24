// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QSet>
#include <QTimer>

namespace trove {
class FolderImport;
class IngestPipeline;
} // namespace trove

namespace trove::ui {

/// A folder import carried on after an interruption walks the folder again
/// and finds again what the interrupted run added: each of those ends as
/// "already in the library". The queue would fill with them (90,000 rows
/// for a folder of 100,000 cut off near its end), so, as `trove resume`
/// counts them into one line, they leave the queue in batches and are said
/// once, with how many, when the carried-on walks are done. New images and
/// failures of the same walk stay in the queue. GUI thread.
class FoundAgain final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FoundAgain)

public:
    FoundAgain(FolderImport *walks, IngestPipeline *pipeline, QObject *parent = nullptr);
    ~FoundAgain() override;

Q_SIGNALS:
    /// @p count images found again were already in the library.
    void found(qint64 count);

private:
    void onFinished(quint64 id);
    void flush();

    FolderImport *m_walks;
    IngestPipeline *m_pipeline;
    QSet<quint64> m_watched; ///< queued by a carried-on walk, not finished yet
    QSet<quint64> m_toClear; ///< found again, still in the queue
    qint64 m_count = 0; ///< found again since last said
    QTimer m_flush;
};

} // namespace trove::ui

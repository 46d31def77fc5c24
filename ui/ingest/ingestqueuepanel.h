// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QListView;
class QProgressBar;

namespace trove {
class IngestPipeline;
class IngestQueueModel;
class LibrarySession;
} // namespace trove

namespace trove::ui {

class IngestQueueDelegate;

/// The live ingest queue: one row per item with its state, progress and
/// reason, cancel and retry per item (row buttons, context menu, toolbar),
/// clear finished, and a total progress bar. Only reads the queue model and
/// sends requests to the pipeline; never waits. GUI thread.
class IngestQueuePanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestQueuePanel)

public:
    explicit IngestQueuePanel(QWidget *parent = nullptr);
    ~IngestQueuePanel() override;

    void setSession(LibrarySession *session);
    QListView *view() const { return m_view; }
    QAction *clearFinishedAction() const { return m_clear; }
    /// Checkable: Pause Downloads / Resume Downloads (IngestPipeline::setPaused).
    QAction *pauseAction() const { return m_pause; }

Q_SIGNALS:
    /// A finished row was activated: show that image.
    void showImageRequested(qint64 key);

private:
    void updateTotals();
    void updateActions();
    void showPaused(bool paused);
    void cancelSelected();
    void retrySelected();
    void addAnywaySelected();
    void cancelAll();
    void copySources();
    void showContextMenu(const QPoint &pos);
    QList<quint64> selectedIds() const;

    QPointer<LibrarySession> m_session;
    QListView *m_view;
    IngestQueueDelegate *m_delegate;
    QProgressBar *m_total;
    /// Totals change with every finished item; QProgressBar::setValue()
    /// repaints at once (and with it every region waiting to be painted),
    /// so the bar and summary follow at most ten times a second.
    QTimer m_totalsTimer;
    QLabel *m_summary;
    QAction *m_cancel;
    QAction *m_retry;
    QAction *m_cancelAll;
    QAction *m_clear;
    QAction *m_copy;
    QAction *m_addAnyway;
    QAction *m_pause;
};

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QActionGroup;
class QLabel;
class QProgressBar;
class QToolButton;

namespace trove {
class IngestPipeline;
class IngestQueueModel;
class LibrarySession;
} // namespace trove

namespace trove::ui {

class IngestQueueDelegate;
class QueueFilter;
class QueueFollow;
class QueueListView;

/// The live ingest queue: one row per item with its state, progress and
/// reason, cancel and retry per item (row buttons, context menu, toolbar),
/// clear finished, and a total progress bar. Collapses to its one-line
/// summary while idle with no failures and shows its list while work runs,
/// unless the person chose otherwise with the arrow button (remembered in
/// QSettings "queue/pinned"). New and failed rows are scrolled into view
/// (QueueFollow). Only reads the queue model and sends requests to the
/// pipeline; never waits. GUI thread.
class IngestQueuePanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestQueuePanel)

public:
    explicit IngestQueuePanel(QWidget *parent = nullptr);
    ~IngestQueuePanel() override;

    void setSession(LibrarySession *session);
    QueueListView *view() const { return m_view; }
    /// Which rows the list shows. Showing all, the view shows the queue
    /// model itself; otherwise a filter over it.
    enum class Filter { All, Active, Failed };
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    /// Selects and scrolls to the next failed row after the current one
    /// (wrapping); false when none failed.
    bool showNextFailure();
    /// Selects and scrolls to the first failed row (the "N failed" link),
    /// showing the list if collapsed; false when none failed.
    bool showFirstFailure();
    /// Whether the list shows (else only the summary line).
    bool isExpanded() const { return m_expanded; }
    /// The arrow button: shows or hides the list and remembers a choice
    /// that differs from what the panel would do by itself.
    void setExpandedByUser(bool expanded);
    QAction *nextFailureAction() const { return m_nextFailure; }
    QAction *clearFinishedAction() const { return m_clear; }
    /// Checkable: Pause Downloads / Resume Downloads (IngestPipeline::setPaused).
    QAction *pauseAction() const { return m_pause; }

Q_SIGNALS:
    /// A finished row was activated: show that image.
    void showImageRequested(qint64 key);
    /// The list was shown or hidden (QueueDockFit sizes the dock).
    void expandedChanged(bool expanded);

protected:
    /// The summary's resize: the idle sentence is elided to its width.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateTotals();
    /// The idle sentence, cut with "…" where the summary's width ends.
    void showIdleText();
    bool showFailure(int from);
    bool wantsExpanded() const;
    void showExpanded(bool expanded);
    void updateActions();
    void showPaused(bool paused);
    void cancelSelected();
    void retrySelected();
    void addAnywaySelected();
    void cancelAll();
    void copySources();
    void showContextMenu(const QPoint &pos);
    QList<quint64> selectedIds() const;
    void attachModel(QAbstractItemModel *model);

    QPointer<LibrarySession> m_session;
    QueueListView *m_view;
    IngestQueueDelegate *m_delegate;
    QProgressBar *m_total;
    /// Totals change with every finished item; QProgressBar::setValue()
    /// repaints at once (and with it every region waiting to be painted),
    /// so the bar and summary follow at most ten times a second.
    QTimer m_totalsTimer;
    QLabel *m_summary;
    QString m_idleText; ///< what the summary says with nothing queued
    QAction *m_cancel;
    QAction *m_retry;
    QAction *m_cancelAll;
    QAction *m_clear;
    QAction *m_copy;
    QAction *m_addAnyway;
    QAction *m_pause;
    QAction *m_nextFailure;
    QActionGroup *m_filters;
    QueueFilter *m_proxy;
    QToolButton *m_filterButton;
    QToolButton *m_expandButton;
    QueueFollow *m_follow;
    QWidget *m_listTools = nullptr; ///< Cancel, Retry and the filter: hidden with the list
    enum class Pin { None, Expanded, Collapsed };
    Pin m_pin = Pin::None;
    bool m_expanded = true;
    bool m_busy = false;
    Filter m_filter = Filter::All;
    /// Coalesces updateActions() after progress ticks of selected rows.
    QTimer m_actionsTimer;
};

} // namespace trove::ui

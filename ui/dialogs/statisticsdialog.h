// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/libraryreader.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QFormLayout;
class QLabel;
class QTreeWidget;

namespace trove {
class LibrarySession;
}

namespace trove::ui {

/// Library statistics in full: totals (images, last added, original and
/// stored bytes, what compression saved) and counts per format and per
/// source domain. Asks the reader when shown and, while shown, again after
/// the change feed says images changed (throttled): the breakdown is read
/// on the reader's thread, never here. Modeless. GUI thread.
class StatisticsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatisticsDialog)

public:
    explicit StatisticsDialog(QWidget *parent = nullptr);
    ~StatisticsDialog() override;

    void setSession(LibrarySession *session);
    void showReport(const StatsReport &report);

protected:
    void showEvent(QShowEvent *event) override;

private:
    /// Trails the feed the way the status bar does: a long ingest still
    /// moves the tables, at most every LibraryStatusLabel::kThrottleMs.
    static constexpr int kThrottleMs = 500;

    QPointer<LibrarySession> m_session;
    QTimer m_refresh;
    QLabel *m_images;
    QLabel *m_lastAdded;
    QLabel *m_original;
    QLabel *m_stored;
    QLabel *m_saved;
    QTreeWidget *m_formats;
    QTreeWidget *m_hosts;
};

} // namespace trove::ui

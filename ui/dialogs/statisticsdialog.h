// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/libraryreader.h"

#include <QDialog>
#include <QPointer>

class QFormLayout;
class QLabel;
class QTreeWidget;

namespace trove {
class LibrarySession;
}

namespace trove::ui {

/// Library statistics in full: totals (images, last added, original and
/// stored bytes, what compression saved) and counts per format and per
/// source domain. Asks the reader when shown and follows later reports;
/// never waits. Modeless. GUI thread.
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
    QPointer<LibrarySession> m_session;
    QLabel *m_images;
    QLabel *m_lastAdded;
    QLabel *m_original;
    QLabel *m_stored;
    QLabel *m_saved;
    QTreeWidget *m_formats;
    QTreeWidget *m_hosts;
};

} // namespace trove::ui

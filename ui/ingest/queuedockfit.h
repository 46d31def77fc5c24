// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace trove::ui {

class IngestQueuePanel;

/// Sizes the queue's dock to what the panel shows: collapsed, a slim bar
/// one line high without the dock's title (the dock keeps it in the View
/// menu); expanded, the height the person last gave it (kept in QSettings
/// under "queue/height"), 190 px at first. Only a dock at the top or
/// bottom of the window is made slim; one at a side or floating keeps its
/// size and the panel hides its list only. GUI thread.
class QueueDockFit final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueDockFit)

public:
    QueueDockFit(QMainWindow *window, QDockWidget *dock, IngestQueuePanel *panel);

    /// The height the dock gets when the list is shown.
    int expandedHeight() const { return m_expandedHeight; }

private:
    void apply(bool expanded);
    bool isHorizontal() const;

    QMainWindow *m_window;
    QDockWidget *m_dock;
    IngestQueuePanel *m_panel;
    QWidget *m_noTitle = nullptr;
    int m_expandedHeight;
    bool m_applied = false;
    bool m_expanded = true;
};

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace trove::ui {

/// While the viewer is full screen only the picture shows: the window's
/// chrome (menus, tool bars, docks, status bar) hides, and what was shown
/// before comes back as it was. GUI thread.
class FullScreenChrome final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FullScreenChrome)

public:
    /// @p chrome: the widgets to hide; they must be children of @p parent's
    /// window or outlive this object.
    FullScreenChrome(const QList<QWidget *> &chrome, QObject *parent);

    void setFullScreen(bool fullScreen);

private:
    QList<QPointer<QWidget>> m_chrome;
    QList<QPointer<QWidget>> m_hidden; ///< shown before, to show again
    bool m_active = false;
};

} // namespace trove::ui

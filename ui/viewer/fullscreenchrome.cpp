// SPDX-License-Identifier: MIT
#include "fullscreenchrome.h"

#include <QWidget>

namespace trove::ui {

FullScreenChrome::FullScreenChrome(const QList<QWidget *> &chrome, QObject *parent)
    : QObject(parent)
{
    for (QWidget *w : chrome)
        m_chrome.append(w);
}

void FullScreenChrome::setFullScreen(bool fullScreen)
{
    // Twice in a row would take the hidden chrome for chrome never shown.
    if (fullScreen == m_active)
        return;
    m_active = fullScreen;
    if (fullScreen) {
        m_hidden.clear();
        for (const QPointer<QWidget> &w : std::as_const(m_chrome)) {
            if (w && w->isVisible()) {
                m_hidden.append(w);
                w->hide();
            }
        }
        return;
    }
    for (const QPointer<QWidget> &w : std::as_const(m_hidden)) {
        if (w)
            w->show();
    }
    m_hidden.clear();
}

} // namespace trove::ui

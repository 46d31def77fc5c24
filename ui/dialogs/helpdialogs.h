// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

class QWidget;

namespace trove::ui {

/// The About box and the keyboard shortcut overview. Stateless; GUI thread.
class HelpDialogs final {
    Q_DECLARE_TR_FUNCTIONS(HelpDialogs)
    Q_DISABLE_COPY_MOVE(HelpDialogs)

public:
    HelpDialogs() = delete;

    static void showAbout(QWidget *parent);
    static void showShortcuts(QWidget *parent);
};

} // namespace trove::ui

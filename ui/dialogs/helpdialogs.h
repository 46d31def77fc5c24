// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>

class QWidget;

namespace trove::ui {

/// The About box, the keyboard shortcut overview and the search syntax.
/// Stateless; GUI thread.
class HelpDialogs final {
    Q_DECLARE_TR_FUNCTIONS(HelpDialogs)
    Q_DISABLE_COPY_MOVE(HelpDialogs)

public:
    HelpDialogs() = delete;

    static void showAbout(QWidget *parent);
    static void showShortcuts(QWidget *parent);
    /// The search language, term by term with examples (README.md's
    /// "Searching" says the same).
    static void showSearchSyntax(QWidget *parent);
};

} // namespace trove::ui

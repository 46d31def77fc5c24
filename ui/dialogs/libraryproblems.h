// SPDX-License-Identifier: MIT
#pragma once

#include "storage/librarypaths.h"

#include <QObject>
#include <functional>

class QWidget;

namespace trove {
class LibrarySession;
}

namespace trove::ui {

class LibraryRepair;

/// What the window does when a library it opens cannot be opened or read:
/// tries a busy one again, says plainly why another cannot be opened,
/// offers to repair a damaged catalog and, once the person accepts, lets
/// go of the library, runs the repair and opens the result. GUI thread.
class LibraryProblems final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryProblems)

public:
    /// What the window lends: its library and the ways to change it.
    struct Window {
        QWidget *widget = nullptr; ///< parent of the dialogs
        std::function<LibrarySession *()> session; ///< the library shown now
        /// Opens @p paths again: the @p attempt'th try.
        std::function<void(const LibraryPaths &paths, int attempt)> openAttempt;
        std::function<void()> detach; ///< lets go of the library shown
        std::function<void(const QString &text, int timeoutMs)> message;
    };

    explicit LibraryProblems(Window window, QObject *parent = nullptr);

    /// Watches @p session, just made for @p paths on its @p attempt'th
    /// try: its damage, its reader's failures, its failure to open.
    void watch(LibrarySession *session, const LibraryPaths &paths, int attempt);

    LibraryRepair *repair() const { return m_repair; }

private:
    void offerRepair(LibrarySession *session, const LibraryPaths &paths, const QString &reason);
    void openFailed(
        LibrarySession *session, const LibraryPaths &paths, int attempt, const QString &reason);
    void startRepair(const LibraryPaths &paths);
    void showFailure(const QString &title, const QString &text, const QString &reason);

    Window m_window;
    LibraryRepair *m_repair;
};

} // namespace trove::ui

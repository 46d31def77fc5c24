// SPDX-License-Identifier: MIT
#pragma once

#include "storage/librarypaths.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace trove {
class LibrarySession;
}

namespace trove::ui {

class IngestController;
class LibraryMoveProgress;

/// Preferences ▸ Library ▸ Move Library…, around the copy
/// (LibraryMoveProgress): refuses while the library cannot move (read-only,
/// images being added, folders being walked), pauses the queue while it
/// copies, and once the window has switched to the copy and the old
/// session's threads are gone, deletes the old library's own files on a
/// pool thread and says what was left. Its dialogs are the window's
/// children. GUI thread.
class LibraryMover final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryMover)

public:
    LibraryMover(IngestController *controller, QWidget *window);

    /// The session whose library a move takes; nullptr while none is open.
    void setSession(LibrarySession *session);

    /// Starts moving the library into the empty folder @p dest; nullptr,
    /// after a box saying why, if it cannot move now.
    LibraryMoveProgress *move(const QString &dest);

Q_SIGNALS:
    /// The copy in @p moved is checked: the window opens it (now and at
    /// start), which retires the session that had the old one.
    void copied(const trove::LibraryPaths &moved);
    void message(const QString &text, int timeoutMs);

private:
    void removeOldOnceClosed(LibrarySession *session, const LibraryPaths &moved);
    void warn(const QString &text, const QString &reason);

    IngestController *m_controller;
    QWidget *m_window;
    QPointer<LibrarySession> m_session;
};

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogwriter.h"

#include <QPointer>
#include <QUndoCommand>

namespace trove {
class LibrarySession;
}

namespace trove::ui {

/// Undo for what the window changes in the library. Each command was
/// already carried out when it is pushed (its first redo() does nothing);
/// undo and redo send requests to the writer and never wait for them. A
/// command whose library is closed does nothing. GUI thread.

/// Tags added and removed on any number of images, exactly as they changed.
class TagEditCommand final : public QUndoCommand {
public:
    TagEditCommand(LibrarySession *session, const TagDelta &delta, const QString &text);
    void undo() override;
    void redo() override;

private:
    QPointer<LibrarySession> m_session;
    TagDelta m_delta;
    bool m_done = true;
};

class RenameCommand final : public QUndoCommand {
public:
    RenameCommand(LibrarySession *session, const QList<QPair<qint64, QString>> &oldNames,
        const QString &newName);
    void undo() override;
    void redo() override;

private:
    QPointer<LibrarySession> m_session;
    QList<QPair<qint64, QString>> m_oldNames;
    QString m_newName;
    bool m_done = true;
};

/// Images moved to the trash; undo restores them (with their names, tags
/// and sources) in batches.
class RemoveCommand final : public QUndoCommand {
public:
    RemoveCommand(LibrarySession *session, const QList<qint64> &keys);
    void undo() override;
    void redo() override;

private:
    QPointer<LibrarySession> m_session;
    QList<qint64> m_keys;
    bool m_done = true;
};

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "gallery/undocommands.h"

#include "models/bulkaction.h"
#include "models/librarysession.h"

#include <QCoreApplication>
#include <QLocale>

namespace trove::ui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("trove::ui::UndoCommands", text);
}

TagDelta inverse(const TagDelta &delta)
{
    return { delta.removed, delta.added };
}

} // namespace

TagEditCommand::TagEditCommand(LibrarySession *session, const TagDelta &delta, const QString &text)
    : m_session(session)
    , m_delta(delta)
{
    setText(text);
}

void TagEditCommand::undo()
{
    m_done = false;
    if (m_session)
        (void)m_session->writer()->revertTags(m_delta);
}

void TagEditCommand::redo()
{
    if (m_done)
        return; // pushed after it was done
    m_done = true;
    if (m_session)
        (void)m_session->writer()->revertTags(inverse(m_delta));
}

RenameCommand::RenameCommand(
    LibrarySession *session, const QList<QPair<qint64, QString>> &oldNames, const QString &newName)
    : m_session(session)
    , m_oldNames(oldNames)
    , m_newName(newName)
{
    setText(tr("Rename to “%1”").arg(newName));
}

void RenameCommand::undo()
{
    m_done = false;
    if (!m_session)
        return;
    for (const auto &[key, name] : std::as_const(m_oldNames))
        (void)m_session->writer()->rename({ key }, name);
}

void RenameCommand::redo()
{
    if (m_done)
        return;
    m_done = true;
    if (!m_session)
        return;
    QList<qint64> keys;
    for (const auto &[key, name] : std::as_const(m_oldNames))
        keys.append(key);
    (void)m_session->writer()->rename(keys, m_newName);
}

RemoveCommand::RemoveCommand(LibrarySession *session, const QList<qint64> &keys)
    : m_session(session)
    , m_keys(keys)
{
    setText(keys.size() == 1
            ? tr("Move 1 image to the trash")
            : tr("Move %1 images to the trash").arg(QLocale().toString(keys.size())));
}

void RemoveCommand::undo()
{
    m_done = false;
    if (!m_session)
        return;
    auto *restore
        = new BulkAction(m_session->writer(), BulkAction::Kind::Restore, m_keys, m_session);
    restore->start();
}

void RemoveCommand::redo()
{
    if (m_done)
        return;
    m_done = true;
    if (!m_session)
        return;
    auto *again = new BulkAction(m_session->writer(), BulkAction::Kind::Remove, m_keys, m_session);
    again->start();
}

} // namespace trove::ui

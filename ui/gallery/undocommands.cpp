// SPDX-License-Identifier: MIT
#include "gallery/undocommands.h"

#include "base/futurewatch.h"
#include "models/bulkaction.h"
#include "models/librarysession.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace trove::ui {

namespace {

// The commands are no QObjects: their strings share this context.
struct UndoCommands {
    Q_DECLARE_TR_FUNCTIONS(trove::ui::UndoCommands)
};

TagDelta inverse(const TagDelta &delta)
{
    return { delta.removed, delta.added };
}

} // namespace

QString withAbsent(const QString &said, const Absent &absent, qint64 asked)
{
    if (absent.isEmpty())
        return said;
    if (asked == 1 && absent.size() == 1)
        return absent.trashed.isEmpty()
            ? UndoCommands::tr("This image was deleted elsewhere.")
            : UndoCommands::tr("This image was moved to the trash elsewhere.");
    return UndoCommands::tr("%1; %Ln image(s) moved to the trash or deleted elsewhere left alone",
        nullptr, int(absent.size()))
        .arg(said);
}

LibraryCommand::LibraryCommand(LibrarySession *session, Reporter report)
    : m_session(session)
    , m_report(std::move(report))
{
}

void LibraryCommand::undo()
{
    m_done = false;
    if (m_session)
        apply(false);
}

void LibraryCommand::redo()
{
    if (m_done)
        return; // pushed after it was done
    m_done = true;
    if (m_session)
        apply(true);
}

template<typename T> void LibraryCommand::watch(const QFuture<Result<T>> &what)
{
    // The reporter outlives the session's requests only while the session
    // lives; a closed library drops the answer.
    whenFinished(what, m_session.data(), [report = m_report, text = text()](const Result<T> &r) {
        if (!r && report)
            report(UndoCommands::tr("Cannot undo or redo “%1”: %2").arg(text, r.error()));
    });
}

void LibraryCommand::watchSwap(const QFuture<Result<Reverted>> &what, bool forward)
{
    whenFinished(what, m_session.data(),
        [report = m_report, text = text(), forward](const Result<Reverted> &r) {
            if (!report)
                return;
            if (!r) {
                report(UndoCommands::tr("Cannot undo or redo “%1”: %2").arg(text, r.error()));
                return;
            }
            QStringList said;
            if (!r->conflicts.isEmpty())
                said.append(forward
                        ? UndoCommands::tr("Cannot redo “%1” on %Ln image(s): changed elsewhere "
                                           "meanwhile, left as it is now",
                            nullptr, int(r->conflicts.size()))
                              .arg(text)
                        : UndoCommands::tr("Cannot undo “%1” on %Ln image(s): changed elsewhere "
                                           "meanwhile, left as it is now",
                            nullptr, int(r->conflicts.size()))
                              .arg(text));
            if (!r->absent.isEmpty())
                said.append(forward
                        ? UndoCommands::tr("Cannot redo “%1” on %Ln image(s): moved to the "
                                           "trash or deleted elsewhere",
                            nullptr, int(r->absent.size()))
                              .arg(text)
                        : UndoCommands::tr("Cannot undo “%1” on %Ln image(s): moved to the "
                                           "trash or deleted elsewhere",
                            nullptr, int(r->absent.size()))
                              .arg(text));
            if (!said.isEmpty())
                report(said.join(QStringLiteral("; ")));
        });
}

TagEditCommand::TagEditCommand(
    LibrarySession *session, const TagDelta &delta, const QString &text, Reporter report)
    : LibraryCommand(session, std::move(report))
    , m_delta(delta)
{
    setText(text);
}

void TagEditCommand::apply(bool forward)
{
    watchSwap(m_session->writer()->revertTags(forward ? inverse(m_delta) : m_delta), forward);
}

MarkCommand::MarkCommand(LibrarySession *session, const MarkDelta &delta, int value,
    const QString &text, Reporter report)
    : LibraryCommand(session, std::move(report))
    , m_delta(delta)
    , m_value(value)
{
    setText(text);
}

void MarkCommand::apply(bool forward)
{
    CatalogWriter *writer = m_session->writer();
    watchSwap(
        forward ? writer->reapplyMarks(m_delta, m_value) : writer->revertMarks(m_delta), forward);
}

RenameCommand::RenameCommand(LibrarySession *session, const Renamed &renamed, Reporter report)
    : LibraryCommand(session, std::move(report))
    , m_renamed(renamed)
{
    setText(UndoCommands::tr("Rename to “%1”").arg(renamed.name));
}

void RenameCommand::apply(bool forward)
{
    CatalogWriter *writer = m_session->writer();
    watchSwap(
        forward ? writer->reapplyRename(m_renamed) : writer->revertRename(m_renamed), forward);
}

RemoveCommand::RemoveCommand(LibrarySession *session, const QList<qint64> &keys, Reporter report,
    Way way, const QList<RestoreMerge> &merged)
    : LibraryCommand(session, std::move(report))
    , m_keys(keys)
    , m_way(way)
    , m_merged(std::make_shared<QList<RestoreMerge>>(merged))
{
    setText(way == Way::ToTrash
            ? UndoCommands::tr("Move %Ln image(s) to the trash", nullptr, int(keys.size()))
            : UndoCommands::tr("Restore %Ln image(s) from the trash", nullptr, int(keys.size())));
}

void RemoveCommand::apply(bool forward)
{
    // Restoring: the same, backwards.
    const bool restore = forward == (m_way == Way::FromTrash);
    if (!restore && !m_merged->isEmpty()) {
        // Images the restore merged into the same bytes added again go
        // back to the trash as they were; the images they went into give
        // back what they gained. (Their keys are in no image now: the
        // removal below passes them over.)
        const QList<RestoreMerge> merges = std::exchange(*m_merged, {});
        whenFinished(m_session->writer()->unmergeRestored(merges), m_session.data(),
            [report = reporter(), text = text(), total = merges.size()](const Result<int> &r) {
                if (!report)
                    return;
                if (!r)
                    report(UndoCommands::tr("Cannot undo or redo “%1”: %2").arg(text, r.error()));
                else if (*r < total)
                    report(UndoCommands::tr("Cannot send %Ln merged image(s) back to the trash: "
                                            "the image they were merged into has left the "
                                            "library, or they were restored again, meanwhile",
                        nullptr, int(total - *r)));
            });
    }
    auto *action = new BulkAction(m_session->writer(),
        restore ? BulkAction::Kind::Restore : BulkAction::Kind::Remove, m_keys, m_session);
    QObject::connect(action, &BulkAction::finished, m_session,
        [action, forward, restore, merged = m_merged, report = reporter(), total = m_keys.size(),
            text = text()](qint64 done, const QString &error) {
            if (restore)
                *merged = action->restoreMerges();
            if (!report)
                return;
            const QString count = QLocale().toString(done);
            if (!error.isEmpty()) {
                report(UndoCommands::tr("Cannot undo or redo “%1”: %2 (%3 done)")
                           .arg(text, error, count));
                return;
            }
            if (!restore)
                return;
            // Only the writer knows how many trash rows were still there to
            // restore: `trove trash empty` may have deleted some for good.
            const qint64 restored = action->changedCount();
            const qint64 gone = std::max<qint64>(total - restored, 0);
            QString said;
            if (restored == 0 && gone > 0 && forward)
                said = UndoCommands::tr("Cannot redo: %Ln image(s) left the trash meanwhile "
                                        "(deleted for good or restored elsewhere)",
                    nullptr, int(gone));
            else if (restored == 0 && gone > 0)
                said = UndoCommands::tr("Cannot undo: %Ln image(s) left the trash meanwhile "
                                        "(deleted for good or restored elsewhere)",
                    nullptr, int(gone));
            else if (gone > 0)
                said = UndoCommands::tr("Restored %1 of %2 images from the trash; %Ln left the "
                                        "trash meanwhile (deleted for good or restored elsewhere)",
                    nullptr, int(gone))
                           .arg(QLocale().toString(restored), QLocale().toString(total));
            else
                said = UndoCommands::tr(
                    "Restored %1 of %Ln image(s) from the trash", nullptr, int(total))
                           .arg(QLocale().toString(restored));
            if (!merged->isEmpty())
                said = UndoCommands::tr(
                    "%1; %Ln of them merged into the same image, added again meanwhile", nullptr,
                    int(merged->size()))
                           .arg(said);
            report(said);
        });
    action->start();
}

MergeCommand::MergeCommand(LibrarySession *session, const MergeOutcome &merged, Reporter report)
    : LibraryCommand(session, std::move(report))
    , m_merged(std::make_shared<MergeOutcome>(merged))
{
    setText(UndoCommands::tr(
        "Keep the best of %Ln duplicate(s)", nullptr, int(merged.trashed.size() + 1)));
}

void MergeCommand::apply(bool forward)
{
    if (!forward) {
        watch(m_session->writer()->unmerge(*m_merged));
        return;
    }
    // A merge again gives what it gained this time, for the next undo.
    auto again = m_session->writer()->merge(m_merged->keep, m_merged->trashed);
    watch(again);
    whenFinished(again, m_session.data(), [merged = m_merged](const Result<MergeOutcome> &r) {
        if (r)
            *merged = *r;
    });
}

TagRenameCommand::TagRenameCommand(
    LibrarySession *session, const TagRename &renamed, bool merge, Reporter report)
    : LibraryCommand(session, std::move(report))
    , m_renamed(std::make_shared<TagRename>(renamed))
{
    setText(merge ? UndoCommands::tr("Merge Tag “%1” Into “%2”").arg(renamed.from, renamed.to)
                  : UndoCommands::tr("Rename Tag “%1” to “%2”").arg(renamed.from, renamed.to));
}

void TagRenameCommand::apply(bool forward)
{
    if (!forward) {
        watch(m_session->writer()->revertTagRename(*m_renamed));
        return;
    }
    auto again = m_session->writer()->renameTag(m_renamed->from, m_renamed->to);
    watch(again);
    whenFinished(again, m_session.data(), [renamed = m_renamed](const Result<TagRename> &r) {
        if (r)
            *renamed = *r;
    });
}

CollectionMoveCommand::CollectionMoveCommand(LibrarySession *session, const QString &collection,
    const QList<qint64> &keys, qint64 beforeKey, const CollectionMove &move, Reporter report)
    : LibraryCommand(session, std::move(report))
    , m_collection(collection)
    , m_keys(keys)
    , m_beforeKey(beforeKey)
    , m_move(std::make_shared<CollectionMove>(move))
{
    setText(
        UndoCommands::tr("Reorder %n image(s) in “%1”", nullptr, int(keys.size())).arg(collection));
}

void CollectionMoveCommand::apply(bool forward)
{
    if (!forward) {
        watch(m_session->writer()->restoreCollectionOrder(m_collection, m_move->undo));
        return;
    }
    // The order may have changed meanwhile: the followers are read again.
    whenFinished(m_session->writer()->reorderInCollection(m_collection, m_keys, m_beforeKey),
        m_session.data(),
        [move = m_move, report = reporter(), text = text()](const Result<CollectionMove> &r) {
            if (r)
                *move = *r;
            else if (report)
                report(UndoCommands::tr("Cannot undo or redo “%1”: %2").arg(text, r.error()));
        });
}

CollectionRenameCommand::CollectionRenameCommand(LibrarySession *session, const QString &from,
    const QString &to, Follow followed, Reporter report)
    : LibraryCommand(session, std::move(report))
    , m_from(from)
    , m_to(to)
    , m_followed(std::move(followed))
{
    setText(UndoCommands::tr("Rename collection “%1” to “%2”").arg(from, to));
}

void CollectionRenameCommand::apply(bool forward)
{
    const QString from = forward ? m_from : m_to;
    const QString to = forward ? m_to : m_from;
    whenFinished(m_session->writer()->renameCollection(from, to), m_session.data(),
        [followed = m_followed, report = reporter(), text = text(), from](
            const Result<QString> &r) {
            if (r && followed)
                followed(from, *r);
            else if (!r && report)
                report(UndoCommands::tr("Cannot undo or redo “%1”: %2").arg(text, r.error()));
        });
}

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogwriter.h"

#include <QPointer>
#include <QUndoCommand>
#include <functional>
#include <memory>

namespace trove {
class LibrarySession;
}

namespace trove::ui {

/// @p said (what an edit did), with the images it left alone because they
/// were no longer in the library (moved to the trash elsewhere, before
/// the window caught up). An edit of @p asked == 1 image that found it
/// gone says only that.
QString withAbsent(const QString &said, const Absent &absent, qint64 asked);

/// Undo for what the window changes in the library. Each command was
/// already carried out when it is pushed (its first redo() does nothing);
/// undo and redo send requests to the writer and never wait for them; what
/// they did, or why they could not, goes to the command's reporter (the
/// status bar). A command whose library is closed does nothing. GUI thread.
class LibraryCommand : public QUndoCommand {
public:
    using Reporter = std::function<void(const QString &message)>;

    void undo() final;
    void redo() final;

protected:
    LibraryCommand(LibrarySession *session, Reporter report);
    /// Sends the change (forward) or its inverse (!forward) to the writer.
    virtual void apply(bool forward) = 0;
    /// Reports an error of @p what (a request made by apply()).
    template<typename T> void watch(const QFuture<Result<T>> &what);
    /// Reports an error of @p what, and the images a compare-and-set undo
    /// (!@p forward) or redo left alone: changed elsewhere meanwhile, or
    /// no longer in the library.
    void watchSwap(const QFuture<Result<Reverted>> &what, bool forward);
    Reporter reporter() const { return m_report; }

    QPointer<LibrarySession> m_session;

private:
    Reporter m_report;
    bool m_done = true;
};

/// Tags added and removed on any number of images, exactly as they changed.
/// Undo and redo leave images no longer in the library alone, and say so.
class TagEditCommand final : public LibraryCommand {
public:
    TagEditCommand(
        LibrarySession *session, const TagDelta &delta, const QString &text, Reporter report);

private:
    void apply(bool forward) override;
    TagDelta m_delta;
};

/// A rating or the favourite flag set on any number of images; undo gives
/// each image the value it had, redo the value again, each only where the
/// image still has what the step before left (compare-and-set): a value
/// set elsewhere meanwhile (the CLI, another window) stands, and the
/// reporter says so.
class MarkCommand final : public LibraryCommand {
public:
    MarkCommand(LibrarySession *session, const MarkDelta &delta, int value, const QString &text,
        Reporter report);

private:
    void apply(bool forward) override;
    MarkDelta m_delta;
    int m_value;
};

/// Images renamed; undo and redo are compare-and-set as MarkCommand's.
class RenameCommand final : public LibraryCommand {
public:
    RenameCommand(LibrarySession *session, const Renamed &renamed, Reporter report);

private:
    void apply(bool forward) override;
    Renamed m_renamed;
};

/// Images moved to the trash; undo restores them (with their names, tags
/// and sources) in batches. Or, from the Trash window, the other way round.
/// An image whose bytes were added again while it was in the trash is
/// merged into that image when restored (RestoreMerge); sending it back to
/// the trash takes the merge back (CatalogWriter::unmergeRestored()).
class RemoveCommand final : public LibraryCommand {
public:
    /// Which way the command went: into the trash (Delete), or out of it
    /// (the Trash window's Restore; undo puts them back in the trash).
    enum class Way { ToTrash, FromTrash };
    /// @p merged: for Way::FromTrash, the merges the restore made.
    RemoveCommand(LibrarySession *session, const QList<qint64> &keys, Reporter report,
        Way way = Way::ToTrash, const QList<RestoreMerge> &merged = {});

private:
    void apply(bool forward) override;
    QList<qint64> m_keys;
    Way m_way;
    /// The last restore's merges; shared with its answer, which may come
    /// after the command went.
    std::shared_ptr<QList<RestoreMerge>> m_merged;
};

/// Duplicates merged into one image (Duplicates ▸ Keep Best): undo brings
/// the others back from the trash and takes from the kept image what it
/// gained; redo merges again.
class MergeCommand final : public LibraryCommand {
public:
    MergeCommand(LibrarySession *session, const MergeOutcome &merged, Reporter report);

private:
    void apply(bool forward) override;
    /// Shared with a redo's answer, which may come after the command went.
    std::shared_ptr<MergeOutcome> m_merged;
};

/// A tag renamed (or merged into another) over the whole library: undo
/// gives the images their old tag back and takes the new one from those
/// that gained it; redo renames again.
class TagRenameCommand final : public LibraryCommand {
public:
    TagRenameCommand(
        LibrarySession *session, const TagRename &renamed, bool merge, Reporter report);

private:
    void apply(bool forward) override;
    /// Shared with a redo's answer, which may come after the command went.
    std::shared_ptr<TagRename> m_renamed;
};

/// Images moved in a collection's hand order (a drag in the gallery):
/// undo moves each back before the image that followed it; redo moves
/// them again.
class CollectionMoveCommand final : public LibraryCommand {
public:
    CollectionMoveCommand(LibrarySession *session, const QString &collection,
        const QList<qint64> &keys, qint64 beforeKey, const CollectionMove &move, Reporter report);

private:
    void apply(bool forward) override;
    QString m_collection;
    QList<qint64> m_keys;
    qint64 m_beforeKey;
    /// Shared with a redo's answer, which may come after the command went.
    std::shared_ptr<CollectionMove> m_move;
};

/// A collection renamed: undo gives it its old name back. @p followed
/// hears of each rename done (from, to), so that a gallery showing the
/// collection follows its name.
class CollectionRenameCommand final : public LibraryCommand {
public:
    using Follow = std::function<void(const QString &from, const QString &to)>;
    CollectionRenameCommand(LibrarySession *session, const QString &from, const QString &to,
        Follow followed, Reporter report);

private:
    void apply(bool forward) override;
    QString m_from;
    QString m_to;
    Follow m_followed;
};

} // namespace trove::ui

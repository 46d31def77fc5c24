// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "ingest/imageprocessor.h"
#include "ingest/ingesttypes.h"
#include "storage/librarypaths.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QThread>
#include <QVariantMap>
#include <atomic>
#include <functional>

namespace trove {

class CatalogWriterWorker;
struct WriterContext;

/// An image ready to commit: processed bytes plus what the person asked for.
struct NewImage {
    QString name;
    QStringList tags;
    QString sourceUrl;
    ProcessedImage processed;
    qint64 queueId = 0; ///< the queue row this completes, 0 for none
    /// Commit even bytes remembered as removed (removed_hashes), and forget
    /// that they were.
    bool force = false;
    QString annotation; ///< empty: none (a duplicate keeps the one it has)
    /// The page it was found on; empty: unknown (a duplicate keeps the one
    /// it has).
    QString foundOn;
};

/// Which trash rows emptyTrash() deletes for good.
struct TrashFilter {
    enum class Kind { All, Keys, TrashedBefore };
    Kind kind = Kind::All;
    QList<qint64> keys; ///< Kind::Keys
    QDateTime before; ///< Kind::TrashedBefore: trashed strictly before this

    static TrashFilter all() { return {}; }
    static TrashFilter ofKeys(const QList<qint64> &keys) { return { Kind::Keys, keys, {} }; }
    static TrashFilter trashedBefore(const QDateTime &when)
    {
        return { Kind::TrashedBefore, {}, when };
    }
};

/// Images an edit named that were no longer in the library when the
/// writer came to them: another process (the CLI, the API, another window)
/// moved them to the trash, or deleted them for good, before this one's
/// view caught up. The edit leaves them alone and says so.
struct Absent {
    QList<qint64> trashed; ///< in the trash
    QList<qint64> gone; ///< in neither the library nor the trash
    bool isEmpty() const { return trashed.isEmpty() && gone.isEmpty(); }
    qsizetype size() const { return trashed.size() + gone.size(); }
    void append(const Absent &other)
    {
        trashed += other.trashed;
        gone += other.gone;
    }
};

/// The tags an edit really added and removed, per image: what undoing it
/// must take back and give back (an image that had the tag already is left
/// alone both ways).
struct TagDelta {
    QList<QPair<qint64, QString>> added;
    QList<QPair<qint64, QString>> removed;
    Absent absent; ///< images the edit left alone: not in the library
    bool isEmpty() const { return added.isEmpty() && removed.isEmpty(); }
};

/// What setting a rating or the favourite flag on many images really
/// changed: each image whose value changed, with the value it had, so that
/// undoing it gives back exactly that (revertMarks()).
struct MarkDelta {
    enum class Mark { Rating, Favourite };
    Mark mark = Mark::Rating;
    QList<QPair<qint64, int>> before; ///< (key, value before); favourite: 0 or 1
    int value = 0; ///< the value the edit set
    Absent absent; ///< images the edit left alone: not in the library
    bool isEmpty() const { return before.isEmpty(); }
};

/// What renaming images really changed: each image whose name changed,
/// with the name it had (revertRename(), reapplyRename()).
struct Renamed {
    QList<QPair<qint64, QString>> before; ///< (key, name before)
    QString name; ///< the name the images got, as stored
    Absent absent; ///< images the rename left alone: not in the library
    bool isEmpty() const { return before.isEmpty(); }
};

/// What an undo or a redo of a rename, a rating or the favourite flag did.
/// Each is compare-and-set: an image gets its value back only while it
/// still has the one the edit (or the undo) left, so a change made
/// elsewhere meanwhile (the CLI, the API, another window) stands.
struct Reverted {
    int changed = 0; ///< images that got the value
    /// Images whose value was changed elsewhere meanwhile: left as they are.
    QList<qint64> conflicts;
    Absent absent; ///< images no longer in the library: left alone
};

/// What renaming a tag did (a merge when some images had the new one
/// already): enough to take it back (revertTagRename()). Trashed images
/// are renamed too, so that restoring one does not bring the old tag back.
struct TagRename {
    QString from;
    QString to;
    QList<qint64> keys; ///< every image in the library that was tagged `from`
    QList<qint64> gained; ///< those of them that were not tagged `to` before
    QList<qint64> trashed; ///< every trashed image that was tagged `from`
    QList<qint64> trashedGained; ///< those of them that were not tagged `to` before
    bool isEmpty() const { return keys.isEmpty() && trashed.isEmpty(); }
};

/// What committing an image did.
struct CommitOutcome {
    qint64 key = 0;
    QString id;
    QString name;
    bool duplicate = false; ///< the bytes were already there: a source was added
};

/// What merging duplicates did: enough to take it back (unmerge()).
struct MergeOutcome {
    qint64 keep = 0; ///< the image kept
    QList<qint64> trashed; ///< the others, now in the trash
    QStringList tagsAdded; ///< tags the kept image did not have before
    QStringList sourcesAdded; ///< source URLs it did not have before
    QList<qint64> collectionsJoined; ///< hand-made collections it joined
    bool annotationTaken = false; ///< it had no note and took another's
    bool foundOnTaken = false; ///< it had no "found on" page and took another's
};

/// A trashed image whose bytes were in the library again when it was
/// restored (added again while it was in the trash): one blob is one image,
/// so it was merged into that image rather than put back beside it. The
/// image gained its tags, sources and collections (in its place in each,
/// never twice), the higher rating, the favourite flag, a note and a page
/// if it had none, and its name if it had only the default one from its
/// file or link. Enough to say so and to take it back (unmergeRestored()).
struct RestoreMerge {
    qint64 key = 0; ///< the trashed image's key: its trash row is gone
    QString id; ///< its id, which no image has now
    QString name; ///< its name
    qint64 into = 0; ///< the image it was merged into
    QString intoId; ///< that image's id
    QString intoName; ///< that image's name after the merge
    bool nameTaken = false; ///< it took `name`…
    QString nameBefore; ///< …over this one
    QStringList tagsAdded; ///< tags it did not have before
    QStringList sourcesAdded; ///< source URLs it did not have before
    QList<qint64> collectionsJoined; ///< collections it was not in before
    /// The trashed image's places in collections: (collection, position).
    QList<QPair<qint64, double>> memberships;
    int ratingBefore = 0;
    int rating = 0; ///< after the merge
    bool favouriteBefore = false;
    bool favourite = false; ///< after the merge
    bool annotationTaken = false; ///< it had no note and took the trashed one's
    bool foundOnTaken = false; ///< it had no page and took the trashed one's
    QVariantMap trashRow; ///< the trash row as it was, column by column
};

/// What restoring from the trash did (restoreFromTrashRecorded()).
struct TrashRestore {
    /// Keys of the trash rows put back as they were (under their own id).
    QList<qint64> restored;
    /// Those merged into an image that holds the same bytes by now.
    QList<RestoreMerge> merged;
    int count() const { return int(restored.size() + merged.size()); }
};

/// What a move in a collection's hand order did: enough to take it back
/// (restoreCollectionOrder()). A value.
struct CollectionMove {
    int moved = 0;
    /// Each moved image and the one that followed it before the move (0:
    /// none), from the last in the old order to the first: moving each
    /// back before its old follower, in this order, restores the order.
    QList<QPair<qint64, qint64>> undo;
};

/// The single writer of a library. One thread, one write connection to
/// catalog.sqlite and one to thumbs.sqlite; every change to a library made by
/// this process goes through here. Requests are queued from any thread and
/// answered with futures; requests that arrive together share a transaction.
///
/// Blob files are renamed into place before the transaction that records
/// them commits and unlinked after the one that forgets them; a small journal
/// in the catalog lets the next start finish or undo either after a crash.
class CatalogWriter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogWriter)

public:
    explicit CatalogWriter(const LibraryPaths &paths, QObject *parent = nullptr);
    ~CatalogWriter() override;

    /// Opens (creating or migrating) the library and recovers what a crashed
    /// process left behind. Every other request waits for this.
    QFuture<Result<bool>> open();
    /// The change feed's last sequence as open() finished, -1 before (or
    /// if it could not be read). A reader that starts from here misses no
    /// change written after the library opened, however late it starts.
    qint64 feedHeadAtOpen() const { return m_feedHeadAtOpen.load(); }

    QFuture<Result<CommitOutcome>> commitImage(const NewImage &image);

    /// Persists new queue items; answers their row ids, in order. The folder
    /// walks @p walksEnded (whose last files these are) are forgotten in
    /// the same transaction.
    QFuture<Result<QList<qint64>>> enqueue(
        const QList<IngestRequest> &requests, const QList<qint64> &walksEnded = {});
    /// Remembers a folder import whose walk starts (FolderImport): written
    /// with, or before, the first queue rows enqueued after it.
    QFuture<Result<bool>> beginFolderWalk(qint64 walkId, const IngestRequest &folder);
    /// Forgets folder walks; after every enqueue() asked before.
    QFuture<Result<bool>> endFolderWalks(const QList<qint64> &walkIds);
    /// Takes over folder walks whose process is gone (or let go of them),
    /// with the files of each that unfinished queue rows hold. Ask after
    /// claimOrphanedQueueItems().
    QFuture<Result<QList<FolderWalkRow>>> claimOrphanedFolderWalks();
    /// Gives up these folder walks of this process (owner 0), for the next
    /// claimOrphanedFolderWalks() anywhere.
    QFuture<Result<bool>> releaseFolderWalks(const QList<qint64> &walkIds);
    /// Records a queue item's final state (failed, cancelled) or a retry.
    QFuture<Result<bool>> setQueueState(
        qint64 queueId, IngestState state, const QString &error = {});
    /// The same for many rows, in one transaction.
    QFuture<Result<bool>> setQueueStates(
        const QList<qint64> &queueIds, IngestState state, const QString &error = {});
    QFuture<Result<bool>> deleteQueueItems(const QList<qint64> &queueIds);
    /// Takes over unfinished items whose owner process is gone.
    QFuture<Result<QList<QueueRow>>> claimOrphanedQueueItems();
    /// Takes over failed and cancelled rows of processes that are gone
    /// (the newest @p limit), so a restarted window shows them again.
    QFuture<Result<QList<QueueRow>>> claimQueueHistory(int limit = 10000);
    /// Gives up these unfinished queue items of this process (owner 0,
    /// which no process is), so that the next claimOrphanedQueueItems()
    /// anywhere, this process included, takes them over.
    QFuture<Result<int>> releaseQueueItems(const QList<qint64> &queueIds);

    /// Adds and removes tags on many images; answers how many images changed.
    QFuture<Result<int>> editTags(
        const QList<qint64> &keys, const QStringList &add, const QStringList &remove);
    /// editTags() that answers exactly what changed, for undo. Keys no
    /// longer in the library (trashed or deleted elsewhere) are left alone
    /// and answered in TagDelta::absent.
    QFuture<Result<TagDelta>> editTagsRecorded(
        const QList<qint64> &keys, const QStringList &add, const QStringList &remove);
    /// Takes back what an edit did: removes what it added, adds what it
    /// removed; images no longer in the library are left alone. Answers
    /// how many tags changed (Reverted::changed) and the images left alone.
    QFuture<Result<Reverted>> revertTags(const TagDelta &delta);
    /// Names images @p name; answers the names they had. Keys no longer in
    /// the library are left alone (Renamed::absent).
    QFuture<Result<Renamed>> rename(const QList<qint64> &keys, const QString &name);
    /// Undoes a rename: each image gets its name back if it is still
    /// named what the rename named it.
    QFuture<Result<Reverted>> revertRename(const Renamed &renamed);
    /// Redoes a rename: each image is named again if it still has the name
    /// it had before.
    QFuture<Result<Reverted>> reapplyRename(const Renamed &renamed);
    /// Rates images 0 (none) to 5 stars (clamped); answers what changed.
    /// Keys no longer in the library are left alone (MarkDelta::absent).
    QFuture<Result<MarkDelta>> setRating(const QList<qint64> &keys, int rating);
    /// Marks images as favourites, or not; answers what changed, as
    /// setRating().
    QFuture<Result<MarkDelta>> setFavourite(const QList<qint64> &keys, bool favourite);
    /// Takes back a setRating() or setFavourite(): each image gets its
    /// value back if it still has the one the edit set (MarkDelta::value).
    QFuture<Result<Reverted>> revertMarks(const MarkDelta &delta);
    /// Sets @p value again on the images of @p delta (a redo), on each only
    /// if it still has the value it had before the edit.
    QFuture<Result<Reverted>> reapplyMarks(const MarkDelta &delta, int value);
    /// Shuffle Again: every image gets a new place in the Shuffled order,
    /// which stays until the next shuffle (whichever process asks). Readers
    /// learn of it through the change feed (ChangeKind::Reordered). Holds
    /// the writer for a few seconds at a million images.
    QFuture<Result<bool>> shuffle();
    /// Tags every image tagged @p from with @p to instead, in one
    /// transaction over the whole library; a tag that exists already makes
    /// it a merge. Only the letters' case differs: the tag is respelled.
    /// The tags kept with trashed images change in the same transaction.
    QFuture<Result<TagRename>> renameTag(const QString &from, const QString &to);
    /// Takes a rename back: the images get `from` again, and lose `to`
    /// where the rename gave it to them, in the library or in the trash,
    /// wherever each is by now.
    QFuture<Result<int>> revertTagRename(const TagRename &renamed);
    /// Moves images to the trash (the same as moveToTrash()): the window's
    /// Delete and `trove remove` both mean "to the trash".
    QFuture<Result<int>> remove(const QList<qint64> &keys);
    /// Copies each image, with its tags and sources, into the trash and
    /// deletes its row (stats, the search index and the change feed follow
    /// through the catalog's triggers). Blob and thumbnail stay. Answers how
    /// many moved; keys not in the library are skipped. Meant for batches of
    /// up to ~10,000 keys.
    QFuture<Result<int>> moveToTrash(const QList<qint64> &keys);
    /// Puts trashed images back under their old key, name, tags, sources and
    /// added_at. Bytes added again meanwhile: the trashed image is merged
    /// into that image (RestoreMerge) and its trash row goes. Answers how
    /// many came back, merged ones included; keys not in the trash are
    /// skipped.
    QFuture<Result<int>> restoreFromTrash(const QList<qint64> &keys);
    /// restoreFromTrash(), answering which came back as they were and which
    /// were merged, into what (what the command line and the window say,
    /// and what an undo needs).
    QFuture<Result<TrashRestore>> restoreFromTrashRecorded(const QList<qint64> &keys);
    /// Takes merges of restoreFromTrashRecorded() back: each trashed image
    /// goes back to the trash as it was (with its collections), and the
    /// image it was merged into loses what it gained. A merge is skipped
    /// when that image has left the library meanwhile, or the trashed
    /// image's key is in use again. Answers how many were taken back.
    QFuture<Result<int>> unmergeRestored(const QList<RestoreMerge> &merges);
    /// Deletes trash rows for good and remembers their bytes (removed_hashes),
    /// so adding them again needs force. A blob and thumbnail go (through the
    /// blob journal, after the commit) only when no image or trash row still
    /// names them. Answers how many rows went.
    QFuture<Result<int>> emptyTrash(const TrashFilter &filter);
    /// Marks images whose blob is damaged or missing (verify --repair) and
    /// moves what is left of each blob aside, into <library>/damaged/, so
    /// nothing is lost and a good copy can take its place.
    QFuture<Result<bool>> quarantine(const QList<QPair<qint64, QString>> &keysAndShas);
    /// Puts a blob back for an image (re-fetched bytes whose SHA-256 matched)
    /// and clears its damaged mark.
    QFuture<Result<bool>> restoreBlob(
        qint64 key, const CompressedBlob &blob, const QString &tempBlob);
    /// Stores perceptual hashes (the backfill), replacing any; an invalid
    /// hash marks an image that cannot be hashed. Keys no longer in the
    /// library are skipped. Answers how many were stored.
    QFuture<Result<int>> putHashes(const QList<QPair<qint64, ImageHash>> &hashes);
    /// Keeps @p keep and moves @p others to the trash, after giving @p keep
    /// every tag and source they had, their places in hand-made collections
    /// (and a note if it had none). Fails
    /// whole, changing nothing, if any key is not in the library.
    QFuture<Result<MergeOutcome>> merge(qint64 keep, const QList<qint64> &others);
    /// Takes a merge back: the others come out of the trash, the kept image
    /// loses what it gained. Answers how many images came back.
    QFuture<Result<int>> unmerge(const MergeOutcome &merged);
    /// Remembers that each pair is not a duplicate (duplicates() leaves the
    /// link out). Answers how many pairs were new.
    QFuture<Result<int>> markNotDuplicates(const QList<QPair<qint64, qint64>> &pairs);
    /// A new collection named @p name; @p query (a saved search) makes it
    /// smart, null hand-made. Answers its id. Names are unique whatever
    /// their case.
    QFuture<Result<qint64>> createCollection(const QString &name, const QString &query = {});
    /// Deletes a collection; its images stay in the library.
    QFuture<Result<bool>> deleteCollection(const QString &name);
    /// Appends images to a hand-made collection, in the order given;
    /// answers how many were not in it yet.
    QFuture<Result<int>> addToCollection(const QString &name, const QList<qint64> &keys);
    /// Takes images out of a collection; answers how many were in it.
    QFuture<Result<int>> removeFromCollection(const QString &name, const QList<qint64> &keys);
    /// Moves images of a hand-made collection before @p beforeKey (0: to
    /// the end), keeping their order.
    QFuture<Result<int>> moveInCollection(
        const QString &name, const QList<qint64> &keys, qint64 beforeKey);
    /// moveInCollection(), answering how to take it back (drag to reorder,
    /// undoable).
    QFuture<Result<CollectionMove>> reorderInCollection(
        const QString &name, const QList<qint64> &keys, qint64 beforeKey);
    /// Takes a reorderInCollection() back; answers how many moved.
    QFuture<Result<int>> restoreCollectionOrder(
        const QString &name, const QList<QPair<qint64, qint64>> &undo);
    /// Renames a collection (hand-made or smart; its images and order stay;
    /// smart collections whose search names it by `in:` name it anew).
    /// Fails, changing nothing, for an empty or unusable name, a name
    /// another collection has, or no collection @p from. Answers the new
    /// name as stored (trimmed, spaces simplified).
    QFuture<Result<QString>> renameCollection(const QString &from, const QString &to);
    /// Stores a (re)built thumbnail.
    QFuture<Result<bool>> putThumbnail(qint64 key, const QByteArray &data, QSize size);

    /// Blocks until every request posted so far is written and answered.
    /// Owners call it before destroying the objects that wait on those
    /// answers (QFuture::then with a context asserts that it still exists).
    void flush();
    /// The same without waiting: finishes once every request posted before
    /// it is written and answered.
    QFuture<void> whenWritten();

Q_SIGNALS:
    /// A batch of requests was written; the change feed has its rows.
    void committed();
    /// Emitted after the commit, so readers already see the rows.
    void imagesAdded(const QList<qint64> &keys);
    void imagesChanged(const QList<qint64> &keys);
    void imagesRemoved(const QList<qint64> &keys);

private:
    template<typename T>
    QFuture<Result<T>> submit(std::function<Result<T>(WriterContext &)> apply,
        std::function<Result<void>(WriterContext &)> before = {}, QStringList intents = {},
        bool early = false, QStringList unsynced = {});

    QString m_root; ///< the library's folder, for the words of a full disk
    QThread m_thread;
    CatalogWriterWorker *m_worker = nullptr;
    std::atomic<qint64> m_feedHeadAtOpen { -1 };
};

} // namespace trove

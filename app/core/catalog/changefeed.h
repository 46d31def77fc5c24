// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QList>
#include <QMetaType>

namespace trove {

class Connection;

/// What a committed change did. Stored as these numbers in the catalog's
/// `changes` table (schema 5): never renumber.
enum class ChangeKind : int {
    ImageAdded = 1, ///< a new image row (or one restored from the trash)
    ImageRemoved = 2, ///< the row left the gallery (trash or delete)
    ImageChanged = 3, ///< name, tags, sources or flags changed
    ThumbnailReady = 4, ///< its thumbnail was (re)written
    QueueChanged = 5, ///< a queue row was added, changed state or went away
    /// Every image moved in an order (Shuffle Again): a reader re-reads
    /// what it shows, as after a bulk change. image_id is 0.
    Reordered = 6,
    CollectionsChanged = 7, ///< a collection or its members or order changed
    /// Trash rows went or came without an image leaving or joining the
    /// gallery: deleted for good (emptied), merged on restore into bytes
    /// added again meanwhile, or put back by undoing such a merge. Moves in
    /// and out of the trash are ImageRemoved and ImageAdded. image_id is 0.
    TrashEmptied = 8,
};

/// The changes committed since a reader last looked, folded per image: an
/// image added and removed in the same span is only removed, an image added
/// and changed is only added. A value; crosses threads by signal.
struct ChangeBatch {
    qint64 fromSeq = 0; ///< exclusive
    qint64 toSeq = 0; ///< inclusive: the next read starts after it
    QList<qint64> added;
    QList<qint64> removed;
    /// Also holds an image added and then changed within the batch (it is
    /// in added too): a reader may hold it as read between the two commits.
    QList<qint64> changed;
    QList<qint64> thumbnails;
    bool queueChanged = false;
    bool collectionsChanged = false;
    bool trashEmptied = false;
    /// More happened than a reader should apply key by key (a bulk retag,
    /// a million removals, or a reader that fell behind the feed's
    /// retention): recount and reload what is visible instead.
    bool bulk = false;

    bool isEmpty() const
    {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && thumbnails.isEmpty()
            && !queueChanged && !collectionsChanged && !trashEmptied && !bulk;
    }
    bool touchesImages() const
    {
        return !added.isEmpty() || !removed.isEmpty() || !changed.isEmpty() || bulk;
    }
};

/// The read side of the catalog's change feed. Every committed change to
/// images, tags, sources, thumbnails and the queue gets a row in `changes`
/// with a rising sequence number, written by triggers in the transaction
/// that made the change — whichever process made it. A reader asks
/// moved() (PRAGMA data_version: O(1), whatever the library's size) and
/// reads what follows the last sequence it applied.
///
/// A PostgreSQL catalog would write the same table and NOTIFY a channel
/// with the new sequence from the same trigger; a reader would LISTEN
/// instead of asking moved(), and read the rows the same way.
///
/// Lives on, and uses the connection of, one thread.
class ChangeFeed final {
    Q_DISABLE_COPY_MOVE(ChangeFeed)

public:
    /// Changes applied one by one per read at most; past this a batch is bulk.
    static constexpr int kMaxBatch = 5000;

    explicit ChangeFeed(Connection &catalog);

    /// The last sequence written so far (0 for none).
    Result<qint64> head();
    /// Whether any connection but this one committed since the last call.
    /// The first call answers true.
    Result<bool> moved();
    /// Changes after @p seq, folded. At most kMaxBatch rows are looked at;
    /// a reader that is further behind gets a bulk batch that jumps to the
    /// head, as does one whose @p seq is older than what the feed keeps.
    Result<ChangeBatch> readAfter(qint64 seq);

private:
    Connection &m_catalog;
    qint64 m_dataVersion = -1;
};

/// Writer side: drops feed rows every reader has had time to see. Keeps the
/// newest @p keep rows; a reader further behind reads a bulk batch.
Result<void> pruneChangeFeed(Connection &catalog, qint64 keep = 200000);

} // namespace trove

Q_DECLARE_METATYPE(trove::ChangeBatch)

// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/changefeed.h"
#include "models/similarityservice.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>

namespace trove {

class LibraryReader;

/// The groups of near-duplicates of a library, for the duplicates view:
/// one row per group, largest first. The search and each group's records
/// and thumbnails are read by the SimilarityService off the GUI thread; a
/// group's details are asked for when a view first wants them, a page of
/// groups at a time, and only the kMaxLoaded most recently used groups
/// keep theirs, so the 49,000 groups of a million-image library cost the
/// GUI thread what a hundred do. Follows the library through the change
/// feed: an image removed anywhere leaves its group (a group left with one
/// image leaves the list) and comes back when it is restored (Undo of Keep
/// Best). GUI thread.
class DuplicatesModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesModel)

public:
    enum Role {
        /// int: images in the group.
        CountRole = Qt::UserRole + 1,
        /// QList<qint64>: the group's images, best first once loaded (the
        /// first is the one Keep Best keeps), else in key order.
        KeysRole,
        /// bool: the details (order, records, thumbnails) are here.
        LoadedRole,
        /// QList<SimilarItem>: the first kShownPerGroup images, best first,
        /// each with its distance from the first; empty until loaded.
        ItemsRole,
    };
    static constexpr int kPageSize = 20;
    static constexpr int kShownPerGroup = 8;
    static constexpr int kThumbnailSide = 128;
    static constexpr int kMaxLoaded = 80;

    /// @p changes: the session's reader, whose change feed the model follows.
    DuplicatesModel(SimilarityService *service, LibraryReader *changes, QObject *parent = nullptr);
    ~DuplicatesModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Device pixels per pixel of the screen the groups are shown on:
    /// thumbnails are read at kThumbnailSide times that (for groups read
    /// from now on), so that a 2x screen shows them sharp.
    void setThumbnailScale(qreal scale) { m_thumbnailScale = scale; }

    /// Searches the whole library (again): a model reset when it answers
    /// (searched()); until then the old groups stay.
    void search(const SimilarityRule &rule = {});
    bool isSearching() const { return m_searching; }
    const SimilarityRule &rule() const { return m_rule; }
    /// What the last search found (0 before it answered).
    qsizetype groupsFound() const { return m_members.size(); }
    /// Hashing as far as it had come at the last search.
    const HashProgress &progress() const { return m_progress; }

    /// Takes @p keys out of their groups (they left the library, e.g. a
    /// merge trashed them); the change feed does this for every removal.
    void removeImages(const QList<qint64> &keys);
    /// Puts @p keys back into the groups they were in (restored from the
    /// trash); the change feed does this for every addition.
    void restoreImages(const QList<qint64> &keys);
    /// Drops the group at @p row for good (its images are not duplicates).
    void dismissGroup(int row);

Q_SIGNALS:
    /// A search answered: @p error is empty, or says why it failed.
    void searched(const QString &error);
    /// The details of some rows arrived (for tests and the status line).
    void detailsLoaded();
    /// Reading some groups' details failed: why.
    void detailsFailed(const QString &error);

private:
    /// A group whose details are here.
    struct Loaded {
        DuplicateGroupDetails details;
        /// When a view last asked for it (m_useClock): the least recently
        /// used lose their details first.
        mutable quint64 lastUse = 0;
    };

    void applyChanges(const ChangeBatch &batch);
    /// Asks for the details of the page of rows around @p row.
    void requestPage(int row) const;
    void detailsArrived(const QList<int> &ids, const QList<quint32> &versions,
        const QList<DuplicateGroupDetails> &details);
    /// The row of group @p id, or -1.
    int rowOf(int id) const;
    /// @p keys by the group that holds (or held) them, in key order;
    /// others left out.
    QList<QPair<int, QList<qint64>>> byGroup(const QList<qint64> &keys) const;
    /// Forgets @p id's details (they changed); a view asks again.
    void invalidate(int id);
    /// Group @p id changed size: its row goes, comes or changes.
    void settle(int id);

    QPointer<SimilarityService> m_service;
    SimilarityRule m_rule;
    quint64 m_generation = 0;
    qreal m_thumbnailScale = 1.0;
    bool m_searching = false;
    HashProgress m_progress;
    // Per group (an id: its place in the search's order). Taken over from
    // the search as they are (implicitly shared, so a reset costs nothing
    // per group) and changed only for the few groups that change: at a
    // million a struct per group took the GUI thread 27 ms to build.
    QList<QList<HashEntry>> m_members; ///< still in the library, key order
    QHash<qint64, int> m_groupOfKey; ///< every image a group held -> its id
    QHash<int, QList<HashEntry>> m_departed; ///< removed since; back if restored
    /// Rises with every change of a group's members: details read for an
    /// older version are dropped. Absent: 0.
    QHash<int, quint32> m_versions;
    QSet<int> m_dismissed; ///< "not duplicates": never come back
    QHash<int, Loaded> m_loaded; ///< at most kMaxLoaded
    mutable QSet<int> m_pending; ///< ids whose details were asked for
    mutable quint64 m_useClock = 0;
    QList<int> m_rows; ///< row -> id, rising
};

} // namespace trove

// SPDX-License-Identifier: MIT
#include "models/duplicatesmodel.h"

#include "base/futurewatch.h"
#include "catalog/libraryreader.h"

#include <algorithm>
#include <numeric>

namespace trove {

DuplicatesModel::DuplicatesModel(
    SimilarityService *service, LibraryReader *changes, QObject *parent)
    : QAbstractListModel(parent)
    , m_service(service)
{
    if (changes)
        connect(changes, &LibraryReader::changesReady, this, &DuplicatesModel::applyChanges);
}

DuplicatesModel::~DuplicatesModel() = default;

int DuplicatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> DuplicatesModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({ { CountRole, "count" }, { KeysRole, "keys" }, { LoadedRole, "loaded" },
        { ItemsRole, "items" } });
    return names;
}

QVariant DuplicatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int id = m_rows.at(index.row());
    const QList<HashEntry> &members = m_members.at(id);
    const auto loaded = m_loaded.constFind(id);
    const DuplicateGroupDetails *details = nullptr;
    if (loaded != m_loaded.cend()) {
        loaded->lastUse = ++m_useClock;
        details = &loaded->details;
    } else {
        requestPage(index.row());
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole: {
        QString text = tr("%Ln image(s)", nullptr, int(members.size()));
        if (details) {
            QStringList names;
            for (const SimilarItem &item : details->shown)
                names.append(item.record.name);
            text += QStringLiteral(": ") + names.join(QStringLiteral(", "));
        }
        return text;
    }
    case CountRole:
        return int(members.size());
    case KeysRole: {
        if (details)
            return QVariant::fromValue(details->keys);
        QList<qint64> keys;
        for (const HashEntry &e : members)
            keys.append(e.key);
        return QVariant::fromValue(keys);
    }
    case LoadedRole:
        return details != nullptr;
    case ItemsRole:
        return QVariant::fromValue(details ? details->shown : QList<SimilarItem>());
    default:
        return {};
    }
}

void DuplicatesModel::search(const SimilarityRule &rule)
{
    if (!m_service)
        return;
    m_rule = rule;
    m_searching = true;
    const quint64 generation = ++m_generation; // answers about the old groups go unheard
    whenFinished(m_service->findDuplicates(rule), this,
        [this, generation](const Result<DuplicateSearch> &found) {
            if (generation != m_generation)
                return;
            m_searching = false;
            if (!found) {
                Q_EMIT searched(found.error());
                return;
            }
            // A reset, once per search, that copies nothing per group.
            beginResetModel();
            m_members = found->groups;
            m_groupOfKey = found->groupOfKey;
            m_departed.clear();
            m_versions.clear();
            m_dismissed.clear();
            m_loaded.clear();
            m_pending.clear();
            m_rows.resize(m_members.size());
            std::iota(m_rows.begin(), m_rows.end(), 0);
            m_progress = found->progress;
            endResetModel();
            Q_EMIT searched(QString());
        });
}

void DuplicatesModel::requestPage(int row) const
{
    if (!m_service)
        return;
    const int first = row - row % kPageSize;
    const int last = std::min(int(m_rows.size()), first + kPageSize);
    QList<int> ids;
    QList<quint32> versions;
    QList<QList<HashEntry>> groups;
    for (int r = first; r < last; ++r) {
        const int id = m_rows.at(r);
        if (m_loaded.contains(id) || m_pending.contains(id))
            continue;
        m_pending.insert(id);
        ids.append(id);
        versions.append(m_versions.value(id));
        groups.append(m_members.at(id));
    }
    if (ids.isEmpty())
        return;
    auto *self = const_cast<DuplicatesModel *>(this);
    const quint64 generation = m_generation;
    whenFinished(
        m_service->groupDetails(groups, kShownPerGroup, qRound(kThumbnailSide * m_thumbnailScale)),
        self,
        [self, generation, ids, versions](const Result<QList<DuplicateGroupDetails>> &details) {
            if (generation != self->m_generation)
                return;
            if (!details) {
                // Left pending: asked again at the next search, not in a loop.
                Q_EMIT self->detailsFailed(details.error());
                return;
            }
            self->detailsArrived(ids, versions, *details);
        });
}

void DuplicatesModel::detailsArrived(const QList<int> &ids, const QList<quint32> &versions,
    const QList<DuplicateGroupDetails> &details)
{
    for (qsizetype i = 0; i < ids.size() && i < details.size(); ++i) {
        const int id = ids[i];
        m_pending.remove(id);
        if (m_versions.value(id) != versions[i]) {
            // Its images changed while they were read: read them again
            // when a view next asks.
            if (const int row = rowOf(id); row >= 0)
                Q_EMIT dataChanged(index(row), index(row));
            continue;
        }
        m_loaded.insert(id, { details[i], ++m_useClock });
        // What the read did not find has left the library (before this
        // model heard of it, e.g. during the search).
        if (!details[i].missing.isEmpty())
            removeImages(details[i].missing);
        else
            settle(id);
    }
    // Only the most recently used keep their records and thumbnails; the
    // current group and those on screen are used at every repaint.
    while (m_loaded.size() > kMaxLoaded) {
        auto oldest = m_loaded.begin();
        for (auto it = m_loaded.begin(); it != m_loaded.end(); ++it)
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        const int id = oldest.key();
        m_loaded.erase(oldest);
        if (const int row = rowOf(id); row >= 0)
            Q_EMIT dataChanged(index(row), index(row));
    }
    Q_EMIT detailsLoaded();
}

int DuplicatesModel::rowOf(int id) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), id);
    return it != m_rows.cend() && *it == id ? int(it - m_rows.cbegin()) : -1;
}

void DuplicatesModel::invalidate(int id)
{
    ++m_versions[id];
    m_loaded.remove(id);
    m_pending.remove(id);
}

void DuplicatesModel::settle(int id)
{
    const qsizetype size = m_members.at(id).size();
    const int row = rowOf(id);
    if (size >= 2 && row < 0) {
        const int at = int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), id) - m_rows.cbegin());
        beginInsertRows({}, at, at);
        m_rows.insert(at, id);
        endInsertRows();
    } else if (size < 2 && row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    } else if (row >= 0) {
        Q_EMIT dataChanged(index(row), index(row));
    }
}

QList<QPair<int, QList<qint64>>> DuplicatesModel::byGroup(const QList<qint64> &keys) const
{
    // Sorted pairs rather than sets: a merge of a group of 46,000 brings
    // 46,000 keys, and hashing them into sets took the GUI thread longer
    // than everything else here together.
    std::vector<std::pair<int, qint64>> pairs;
    pairs.reserve(size_t(keys.size()));
    for (qint64 key : keys)
        if (const auto it = m_groupOfKey.constFind(key); it != m_groupOfKey.cend())
            pairs.emplace_back(*it, key);
    std::sort(pairs.begin(), pairs.end());
    QList<QPair<int, QList<qint64>>> out;
    for (const auto &[id, key] : pairs) {
        if (out.isEmpty() || out.last().first != id)
            out.append(qMakePair(id, QList<qint64>()));
        if (out.last().second.isEmpty() || out.last().second.last() != key)
            out.last().second.append(key);
    }
    return out;
}

namespace {

// Moves the entries of @p from whose keys are in @p keys (sorted) to the
// end of @p from, keeping the order of both parts; answers where they
// start. A list in key order (a group's members) takes one merge pass.
QList<HashEntry>::iterator partitionByKeys(QList<HashEntry> &from, const QList<qint64> &keys)
{
    const bool sorted = std::is_sorted(from.cbegin(), from.cend(),
        [](const HashEntry &a, const HashEntry &b) { return a.key < b.key; });
    auto next = keys.cbegin();
    return std::stable_partition(from.begin(), from.end(), [&](const HashEntry &e) {
        if (!sorted)
            return !std::binary_search(keys.cbegin(), keys.cend(), e.key);
        while (next != keys.cend() && *next < e.key)
            ++next;
        return next == keys.cend() || *next != e.key;
    });
}

} // namespace

void DuplicatesModel::removeImages(const QList<qint64> &keys)
{
    for (const auto &[id, leaving] : byGroup(keys)) {
        const auto isLeaving = [&leaving](qint64 key) {
            return std::binary_search(leaving.cbegin(), leaving.cend(), key);
        };
        QList<HashEntry> &members = m_members[id];
        const auto stays = partitionByKeys(members, leaving);
        if (stays == members.end())
            continue; // gone already (the feed tells of what a merge here did)
        m_departed[id].append(QList<HashEntry>(stays, members.end()));
        members.erase(stays, members.end());
        ++m_versions[id];
        if (auto loaded = m_loaded.find(id); loaded != m_loaded.end()) {
            QList<qint64> &ordered = loaded->details.keys;
            if (ordered.isEmpty() || isLeaving(ordered.first())) {
                // The kept image went: the order and distances start over.
                invalidate(id);
            } else {
                ordered.removeIf(isLeaving);
                loaded->details.shown.removeIf(
                    [&](const SimilarItem &item) { return isLeaving(item.record.key); });
            }
        }
        settle(id);
    }
}

void DuplicatesModel::restoreImages(const QList<qint64> &keys)
{
    for (const auto &[id, back] : byGroup(keys)) {
        const auto departed = m_departed.find(id);
        if (departed == m_departed.end() || m_dismissed.contains(id))
            continue; // not one of those that left (e.g. new images)
        const auto gone = partitionByKeys(*departed, back);
        if (gone == departed->end())
            continue;
        QList<HashEntry> &members = m_members[id];
        const qsizetype stayed = members.size();
        members.append(QList<HashEntry>(gone, departed->end()));
        departed->erase(gone, departed->end());
        const auto byKey = [](const HashEntry &a, const HashEntry &b) { return a.key < b.key; };
        std::sort(members.begin() + stayed, members.end(), byKey);
        std::inplace_merge(members.begin(), members.begin() + stayed, members.end(), byKey);
        invalidate(id); // one of them may be the best again
        settle(id);
    }
}

void DuplicatesModel::dismissGroup(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    const int id = m_rows.at(row);
    m_dismissed.insert(id);
    m_members[id].clear();
    m_departed.remove(id);
    invalidate(id);
    settle(id);
}

void DuplicatesModel::applyChanges(const ChangeBatch &batch)
{
    if (m_members.isEmpty() && !m_searching)
        return;
    if (batch.bulk) {
        // Too much happened to follow key by key: search again.
        search(m_rule);
        return;
    }
    if (!batch.removed.isEmpty())
        removeImages(batch.removed);
    if (!batch.added.isEmpty())
        restoreImages(batch.added);
    // A shown image renamed, retagged, given a source or a new thumbnail.
    QSet<int> stale;
    for (const QList<qint64> *keys : { &batch.changed, &batch.thumbnails })
        for (qint64 key : *keys) {
            const auto loaded = m_loaded.constFind(m_groupOfKey.value(key, -1));
            if (loaded == m_loaded.cend())
                continue;
            const auto &shown = loaded->details.shown;
            if (std::any_of(shown.cbegin(), shown.cend(),
                    [key](const SimilarItem &item) { return item.record.key == key; }))
                stale.insert(loaded.key());
        }
    for (int id : std::as_const(stale)) {
        invalidate(id);
        settle(id);
    }
}

} // namespace trove

// SPDX-License-Identifier: MIT
#include "catalog/changefeed.h"

#include "storage/database.h"

#include <QSet>

namespace trove {

ChangeFeed::ChangeFeed(Connection &catalog)
    : m_catalog(catalog)
{
}

Result<qint64> ChangeFeed::head()
{
    QSqlQuery q
        = m_catalog.query(QStringLiteral("SELECT coalesce(max(seq), 0) AS head FROM changes"));
    if (auto r = execQuery(q); !r)
        return Error { r.error() };
    return q.next() ? q.value(QStringLiteral("head")).toLongLong() : 0;
}

Result<bool> ChangeFeed::moved()
{
    QSqlQuery q = m_catalog.query(QStringLiteral("PRAGMA data_version"));
    if (auto r = execQuery(q); !r)
        return Error { r.error() };
    const qint64 version = q.next() ? q.value(0).toLongLong() : 0;
    const bool changed = version != m_dataVersion;
    m_dataVersion = version;
    return changed;
}

Result<ChangeBatch> ChangeFeed::readAfter(qint64 seq)
{
    ChangeBatch batch;
    batch.fromSeq = seq;
    batch.toSeq = seq;

    // Rows older than the oldest kept one were pruned: this reader missed
    // changes it can no longer name. (Two subqueries: min() and max() in
    // one SELECT scan the whole feed, ~0.3 s at 4M rows.)
    QSqlQuery oldest = m_catalog.query(QStringLiteral(
        "SELECT (SELECT min(seq) FROM changes) AS first, (SELECT max(seq) FROM changes) AS last"));
    if (auto r = execQuery(oldest); !r)
        return Error { r.error() };
    if (!oldest.next() || oldest.value(QStringLiteral("last")).isNull())
        return batch;
    const qint64 first = oldest.value(QStringLiteral("first")).toLongLong();
    const qint64 last = oldest.value(QStringLiteral("last")).toLongLong();
    oldest.finish();
    if (last <= seq)
        return batch;
    if (seq > 0 && first > seq + 1) {
        batch.bulk = true;
        batch.toSeq = last;
        return batch;
    }

    QSqlQuery q = m_catalog.query(QStringLiteral(
        "SELECT seq, kind, image_id FROM changes WHERE seq > ? ORDER BY seq LIMIT ?"));
    q.bindValue(0, seq);
    q.bindValue(1, kMaxBatch + 1);
    if (auto r = execQuery(q); !r)
        return Error { r.error() };
    QList<qint64> order; // first appearance, to keep the batch in commit order
    QHash<qint64, ChangeKind> state; // the image's net change in this span
    QSet<qint64> thumbs;
    QSet<qint64> changedAfterAdd;
    int rows = 0;
    while (q.next()) {
        if (++rows > kMaxBatch) {
            batch.bulk = true;
            break;
        }
        batch.toSeq = q.value(QStringLiteral("seq")).toLongLong();
        const auto kind = ChangeKind(q.value(QStringLiteral("kind")).toInt());
        const qint64 image = q.value(QStringLiteral("image_id")).toLongLong();
        switch (kind) {
        case ChangeKind::QueueChanged:
            batch.queueChanged = true;
            continue;
        case ChangeKind::Reordered:
            batch.bulk = true;
            continue;
        case ChangeKind::CollectionsChanged:
            batch.collectionsChanged = true;
            continue;
        case ChangeKind::TrashEmptied:
            batch.trashEmptied = true;
            continue;
        case ChangeKind::ThumbnailReady:
            thumbs.insert(image);
            continue;
        case ChangeKind::ImageAdded:
        case ChangeKind::ImageRemoved:
        case ChangeKind::ImageChanged:
            break;
        }
        auto it = state.find(image);
        if (it == state.end()) {
            order.append(image);
            state.insert(image, kind);
            continue;
        }
        // Fold: added+removed = removed (the reader may have seen the add
        // already); removed+added = added (restored). Added+changed is both:
        // a reader that read the new row between the two commits (a page
        // read after the add) holds it as it was before the change.
        if (kind == ChangeKind::ImageChanged && *it != ChangeKind::ImageChanged) {
            if (*it == ChangeKind::ImageAdded)
                changedAfterAdd.insert(image);
            continue;
        }
        *it = kind;
    }
    if (batch.bulk) {
        // Jump to the head: whatever a bulk batch stands for is re-read whole.
        batch.toSeq = last;
        return batch;
    }
    for (qint64 image : std::as_const(order)) {
        switch (state.value(image)) {
        case ChangeKind::ImageAdded:
            batch.added.append(image);
            if (changedAfterAdd.contains(image))
                batch.changed.append(image);
            break;
        case ChangeKind::ImageRemoved:
            batch.removed.append(image);
            thumbs.remove(image);
            break;
        default:
            batch.changed.append(image);
            break;
        }
    }
    batch.thumbnails = QList<qint64>(thumbs.cbegin(), thumbs.cend());
    return batch;
}

Result<void> pruneChangeFeed(Connection &catalog, qint64 keep)
{
    QSqlQuery q = catalog.query(
        QStringLiteral("DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - ?"));
    q.bindValue(0, keep);
    return execQuery(q);
}

} // namespace trove

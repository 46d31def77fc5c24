// SPDX-License-Identifier: MIT
#include "models/bulkaction.h"

#include "base/futurewatch.h"
#include "catalog/catalogwriter.h"
#include "catalog/libraryreader.h"

#include <QElapsedTimer>
#include <QTimer>
#include <algorithm>

namespace trove {

namespace {

quint64 nextTicket()
{
    static quint64 ticket = 0; // GUI thread only
    return ++ticket;
}

} // namespace

BulkAction::BulkAction(LibraryReader *reader, CatalogWriter *writer, Kind kind,
    const ImageQuery &query, const QList<QPair<qint64, qint64>> &rows, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_writer(writer)
    , m_kind(kind)
    , m_query(query)
    , m_rows(rows)
{
}

BulkAction::BulkAction(CatalogWriter *writer, Kind kind, const QList<qint64> &keys, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_kind(kind)
    , m_keys(keys)
{
}

BulkAction::~BulkAction() = default;

int BulkAction::nextBatchSize(int size, qint64 elapsedMs)
{
    // Batches get cheaper per key as they grow (more of the rows a batch
    // touches share a page), so scaling by time never overshoots by much;
    // doubling at most keeps a fast first batch, still cold, from
    // jumping straight to the largest.
    const qint64 scaled = qint64(size) * kBatchTargetMs / std::max<qint64>(elapsedMs, 1);
    return int(
        std::clamp<qint64>(std::min<qint64>(scaled, 2 * qint64(size)), kMinBatch, kMaxBatch));
}

void BulkAction::setTags(const QStringList &add, const QStringList &remove)
{
    m_add = add;
    m_remove = remove;
}

QList<qint64> BulkAction::doneKeys() const
{
    return m_done == m_keys.size() ? m_keys : m_keys.first(m_done);
}

void BulkAction::start()
{
    if (!m_reader) {
        // Keys given: nothing to resolve.
        QTimer::singleShot(0, this, [this] {
            Q_EMIT progress(0, m_keys.size());
            next();
        });
        return;
    }
    m_ticket = nextTicket();
    connect(m_reader, &LibraryReader::keysReady, this, &BulkAction::onKeys);
    Q_EMIT progress(0, -1);
    m_reader->requestKeys(m_ticket, m_query, m_rows);
}

void BulkAction::cancel()
{
    m_cancelled = true;
}

void BulkAction::onKeys(quint64 ticket, const QList<qint64> &keys, const QString &error)
{
    if (ticket != m_ticket)
        return;
    disconnect(m_reader, &LibraryReader::keysReady, this, &BulkAction::onKeys);
    if (!error.isEmpty()) {
        finish(error);
        return;
    }
    m_keys = keys;
    Q_EMIT progress(0, m_keys.size());
    next();
}

void BulkAction::next()
{
    if (m_cancelled || m_next >= m_keys.size() || !m_writer) {
        finish({});
        return;
    }
    const QList<qint64> batch = m_keys.mid(m_next, m_batch);
    m_next += batch.size();
    QElapsedTimer timer;
    timer.start();
    auto written = [this, size = batch.size(), timer](qint64 changed, const QString &error) {
        if (!error.isEmpty()) {
            finish(error);
            return;
        }
        m_changed += changed;
        // Only a full batch says how long one of its size takes.
        if (size == m_batch)
            m_batch = nextBatchSize(int(size), timer.elapsed());
        m_done += size;
        Q_EMIT progress(m_done, m_keys.size());
        next();
    };
    switch (m_kind) {
    case Kind::Remove:
        whenFinished(m_writer->remove(batch), this,
            [written](const Result<int> &r) { written(r ? *r : 0, r ? QString() : r.error()); });
        break;
    case Kind::Restore:
        whenFinished(m_writer->restoreFromTrashRecorded(batch), this,
            [this, written](const Result<TrashRestore> &r) {
                if (r)
                    m_merges += r->merged;
                written(r ? r->count() : 0, r ? QString() : r.error());
            });
        break;
    case Kind::DeleteForGood:
        whenFinished(m_writer->emptyTrash(TrashFilter::ofKeys(batch)), this,
            [written](const Result<int> &r) { written(r ? *r : 0, r ? QString() : r.error()); });
        break;
    case Kind::SetRating:
    case Kind::SetFavourite: {
        const bool rating = m_kind == Kind::SetRating;
        m_marks.mark = rating ? MarkDelta::Mark::Rating : MarkDelta::Mark::Favourite;
        auto marked = [this, written](const Result<MarkDelta> &r) {
            if (r) {
                m_marks.before += r->before;
                m_marks.value = r->value;
                m_marks.absent.append(r->absent);
            }
            written(r ? 1 : 0, r ? QString() : r.error());
        };
        whenFinished(rating ? m_writer->setRating(batch, m_value)
                            : m_writer->setFavourite(batch, m_value != 0),
            this, marked);
        break;
    }
    case Kind::AddToCollection:
        whenFinished(m_writer->addToCollection(m_collection, batch), this,
            [written](const Result<int> &r) { written(r ? *r : 0, r ? QString() : r.error()); });
        break;
    case Kind::RemoveFromCollection:
        whenFinished(m_writer->removeFromCollection(m_collection, batch), this,
            [written](const Result<int> &r) { written(r ? *r : 0, r ? QString() : r.error()); });
        break;
    case Kind::EditTags:
        whenFinished(m_writer->editTagsRecorded(batch, m_add, m_remove), this,
            [this, written](const Result<TagDelta> &r) {
                if (r) {
                    m_delta.added += r->added;
                    m_delta.removed += r->removed;
                    m_delta.absent.append(r->absent);
                }
                written(r ? 1 : 0, r ? QString() : r.error());
            });
        break;
    }
}

void BulkAction::finish(const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(m_done, error);
    deleteLater();
}

} // namespace trove

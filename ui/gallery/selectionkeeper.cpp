// SPDX-License-Identifier: MIT
#include "gallery/selectionkeeper.h"

#include "catalog/libraryreader.h"
#include "gallery/galleryview.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"

#include <QItemSelectionModel>
#include <algorithm>

namespace trove::ui {

namespace {

// Tickets and generations shared with the other users of the reader's
// signals (the model's generations, BulkAction's tickets count up from 1):
// the top bit keeps this class's apart.
constexpr quint64 kOwnBit = quint64(1) << 63;

quint64 nextTicket()
{
    static quint64 ticket = 0; // GUI thread only
    return kOwnBit | ++ticket;
}

bool sameFilter(const ImageQuery &a, const ImageQuery &b)
{
    return a.search == b.search && a.tag == b.tag;
}

} // namespace

SelectionKeeper::SelectionKeeper(GalleryView *view)
    : QObject(view)
    , m_view(view)
{
}

SelectionKeeper::~SelectionKeeper() = default;

void SelectionKeeper::setSession(LibrarySession *session)
{
    if (m_session)
        m_session->reader()->disconnect(this);
    if (m_session)
        m_session->gallery()->disconnect(this);
    abandon();
    m_session = session;
    if (!session)
        return;
    connect(session->reader(), &LibraryReader::keysReady, this, &SelectionKeeper::onKeys);
    connect(session->reader(), &LibraryReader::rowsReady, this, &SelectionKeeper::onRows);
    connect(session->gallery(), &GalleryModel::countChanged, this, &SelectionKeeper::tryApply);
}

void SelectionKeeper::abandon()
{
    m_ticket = 0;
    m_haveRows = false;
    m_rows.clear();
    m_currentRow = -1;
    m_currentKey = 0;
    m_selectAll = false;
}

void SelectionKeeper::queryChanging(const ImageQuery &next)
{
    abandon();
    GalleryModel *model = m_session ? m_session->gallery() : nullptr;
    if (!model || !m_view->selectionModel())
        return;
    const QList<QPair<qint64, qint64>> ranges = m_view->selectedRanges();
    qint64 count = 0;
    for (const auto &[first, last] : ranges)
        count += last - first + 1;
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        if (const auto record = model->recordAt(current.row()))
            m_currentKey = record->key;
    }
    if (count == 0 && m_currentKey == 0)
        return;
    m_ticket = nextTicket();
    m_next = next;
    // Every row of the same filter is every row of the new order.
    m_selectAll = count > 0 && count == model->rowCount() && sameFilter(model->query(), next);
    if (m_selectAll || count == 0 || count > kMaxKept) {
        lookUp({});
        return;
    }
    const QList<ImageRecord> loaded = model->loadedRecordsIn(ranges, int(count));
    if (loaded.size() == count) {
        QList<qint64> keys;
        keys.reserve(loaded.size());
        for (const ImageRecord &r : loaded)
            keys.append(r.key);
        lookUp(keys);
        return;
    }
    // Some selected rows are not loaded: their keys come from the reader,
    // read in the old query's order before it goes.
    m_session->reader()->requestKeys(m_ticket, model->query(), ranges);
}

void SelectionKeeper::onKeys(quint64 ticket, const QList<qint64> &keys, const QString &error)
{
    if (ticket != m_ticket || m_ticket == 0)
        return;
    lookUp(error.isEmpty() ? keys : QList<qint64> {});
}

void SelectionKeeper::lookUp(const QList<qint64> &keys)
{
    QList<qint64> wanted = keys;
    if (m_currentKey != 0 && !wanted.contains(m_currentKey))
        wanted.append(m_currentKey);
    if (wanted.isEmpty()) {
        m_haveRows = true;
        tryApply();
        return;
    }
    m_session->reader()->requestRows(m_ticket, m_next, wanted);
}

void SelectionKeeper::onRows(quint64 generation, const QList<QPair<qint64, qint64>> &rows)
{
    if (generation != m_ticket || m_ticket == 0)
        return;
    m_rows.clear();
    for (const auto &[key, row] : rows) {
        if (row < 0)
            continue; // no longer matches
        if (key == m_currentKey)
            m_currentRow = row;
        if (key != m_currentKey || !m_selectAll)
            m_rows.append(row);
    }
    m_haveRows = true;
    tryApply();
}

void SelectionKeeper::tryApply()
{
    GalleryModel *model = m_session ? m_session->gallery() : nullptr;
    if (m_ticket == 0 || !m_haveRows || !model || !model->isReady()
        || !sameFilter(model->query(), m_next) || model->query().order != m_next.order)
        return;
    QItemSelectionModel *selection = m_view->selectionModel();
    // A person who selected meanwhile knows better.
    if (!selection || selection->hasSelection()) {
        abandon();
        Q_EMIT restored();
        return;
    }
    const qint64 rowCount = model->rowCount();
    QItemSelection kept;
    if (m_selectAll && rowCount > 0) {
        kept.select(model->index(0), model->index(int(rowCount - 1)));
    } else {
        // At most kMaxKept rows, sorted into ranges.
        std::sort(m_rows.begin(), m_rows.end());
        qint64 first = -1;
        qint64 last = -2;
        auto flush = [&] {
            if (first >= 0)
                kept.select(model->index(int(first)), model->index(int(last)));
        };
        for (qint64 row : std::as_const(m_rows)) {
            if (row >= rowCount)
                continue; // the count has not caught up with a new image
            if (row == last + 1) {
                last = row;
                continue;
            }
            if (row == last)
                continue;
            flush();
            first = last = row;
        }
        flush();
    }
    const qint64 currentRow = m_currentRow;
    abandon();
    if (!kept.isEmpty())
        selection->select(kept, QItemSelectionModel::ClearAndSelect);
    if (currentRow >= 0 && currentRow < rowCount) {
        const QModelIndex current = model->index(int(currentRow));
        selection->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(current);
    }
    Q_EMIT restored();
}

} // namespace trove::ui

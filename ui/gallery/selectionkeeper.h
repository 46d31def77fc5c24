// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogreader.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace trove {
class LibrarySession;
}

namespace trove::ui {

class GalleryView;

/// Keeps the current image and the selection when the gallery's query
/// changes (a new order, a search typed or cleared), which resets the
/// model. Before the change it notes the keys of the current and the
/// selected rows: from the loaded records, or for rows not loaded from the
/// reader thread (LibraryReader::requestKeys); after the reset it asks the
/// reader where those keys stand in the new query (requestRows) and selects
/// them again as ranges. Nothing walks the rows on the GUI thread: a
/// selection of every row of an unchanged filter is kept as one range, a
/// selection of more than kMaxKept other images is not kept. Abandons the
/// work when another query comes or the person selects meanwhile. GUI
/// thread.
class SelectionKeeper final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionKeeper)

public:
    /// The most images kept one by one: each costs a row lookup on the
    /// reader thread (an index count), so this bounds the work.
    static constexpr qint64 kMaxKept = 2000;

    explicit SelectionKeeper(GalleryView *view);
    ~SelectionKeeper() override;

    void setSession(LibrarySession *session);

    /// Call just before the gallery model gets @p next as its query.
    void queryChanging(const ImageQuery &next);

Q_SIGNALS:
    /// The selection and current image are back (or could not be kept).
    void restored();

private:
    void onKeys(quint64 ticket, const QList<qint64> &keys, const QString &error);
    void onRows(quint64 generation, const QList<QPair<qint64, qint64>> &rows);
    void lookUp(const QList<qint64> &keys);
    void tryApply();
    void abandon();

    GalleryView *m_view;
    QPointer<LibrarySession> m_session;
    quint64 m_ticket = 0; ///< the work in flight; 0 when none
    ImageQuery m_next;
    qint64 m_currentKey = 0;
    bool m_selectAll = false;
    bool m_haveRows = false;
    QList<qint64> m_rows; ///< rows in the new query, once known
    qint64 m_currentRow = -1;
};

} // namespace trove::ui

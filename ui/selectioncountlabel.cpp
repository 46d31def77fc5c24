// SPDX-License-Identifier: MIT
#include "selectioncountlabel.h"

#include "gallery/galleryview.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"

#include <QLocale>
#include <algorithm>
#include <climits>

namespace trove::ui {

SelectionCountLabel::SelectionCountLabel(GalleryView *gallery, QWidget *parent)
    : QLabel(parent)
    , m_gallery(gallery)
{
    setObjectName(QStringLiteral("selectionCount"));
    setVisible(false);
    connect(gallery, &GalleryView::selectedRecordsChanged, this, &SelectionCountLabel::refresh);
}

SelectionCountLabel::~SelectionCountLabel() = default;

void SelectionCountLabel::setSession(LibrarySession *session)
{
    if (m_session)
        m_session->gallery()->disconnect(this);
    m_session = session;
    if (session)
        connect(
            session->gallery(), &GalleryModel::countChanged, this, &SelectionCountLabel::refresh);
    refresh();
}

void SelectionCountLabel::refresh()
{
    const qint64 selected = m_gallery->selectedCount();
    const qint64 shown = m_session ? m_session->gallery()->rowCount() : 0;
    // A search or a tag shows part of the library: how much, beside the
    // library's count ("2 shown · 44 images"), selection or not.
    const ImageQuery *query = m_session ? &m_session->gallery()->query() : nullptr;
    const bool filtered = query && (!query->search.isEmpty() || !query->tag.isEmpty());
    // Ends with the separator the library status beside it uses, which
    // otherwise reads as "2 selected of 34 shown 36 images".
    // Each number agrees with its own words ("1 sélectionnée sur 16
    // affichées"): one message has one plural, so the two are apart.
    const int selectedN = int(std::min<qint64>(selected, INT_MAX));
    const int shownN = int(std::min<qint64>(shown, INT_MAX));
    if (selected > 0)
        //: %1 is "N selected", %2 is "M shown"; the dot parts it from the library's count
        setText(tr("%1 of %2  ·")
                    .arg(tr("%Ln selected", nullptr, selectedN), tr("%Ln shown", nullptr, shownN)));
    else if (filtered)
        setText(tr("%Ln shown  ·", nullptr, shownN));
    setVisible(selected > 0 || filtered);
}

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "selectioncountlabel.h"

#include "gallery/galleryview.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"

#include <QLocale>

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
    const QLocale locale;
    // A search or a tag shows part of the library: how much, beside the
    // library's count ("2 shown · 44 images"), selection or not.
    const ImageQuery *query = m_session ? &m_session->gallery()->query() : nullptr;
    const bool filtered = query && (!query->search.isEmpty() || !query->tag.isEmpty());
    // Ends with the separator the library status beside it uses, which
    // otherwise reads as "2 selected of 34 shown 36 images".
    if (selected > 0)
        setText(tr("%1 selected of %2 shown  ·")
                    .arg(locale.toString(selected), locale.toString(shown)));
    else if (filtered)
        setText(tr("%1 shown  ·").arg(locale.toString(shown)));
    setVisible(selected > 0 || filtered);
}

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "gallery/galleryescape.h"

#include "gallery/browsebar.h"
#include "gallery/galleryview.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QShortcut>

namespace trove::ui {

GalleryEscape::GalleryEscape(QWidget *page, BrowseBar *browse, GalleryView *gallery)
    : QObject(page)
    , m_browse(browse)
    , m_gallery(gallery)
    , m_shortcut(new QShortcut(QKeySequence(Qt::Key_Escape), page))
{
    m_shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_shortcut, &QShortcut::activated, this, &GalleryEscape::escape);
}

GalleryEscape::~GalleryEscape() = default;

void GalleryEscape::escape()
{
    // Suggestions open under the search field go first, as a popup's
    // Escape does everywhere; the text stays.
    if (QWidget *popup = QApplication::activePopupWidget()) {
        popup->hide();
        return;
    }
    QLineEdit *search = m_browse->searchField();
    if (!search->text().isEmpty()) {
        search->clear();
        return;
    }
    // Ranges, not rows: clearing Select All of a million rows is one call.
    if (QItemSelectionModel *selection = m_gallery->selectionModel())
        selection->clearSelection();
}

} // namespace trove::ui

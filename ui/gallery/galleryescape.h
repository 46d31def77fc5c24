// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QShortcut;
class QWidget;

namespace trove::ui {

class BrowseBar;
class GalleryView;

/// Esc over the gallery page (the grid, the search field, the bars above
/// them) takes back one thing at a time, the most recent kind first: a
/// search is cleared, then the selection. GUI thread.
class GalleryEscape final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryEscape)

public:
    /// Esc works while @p page or one of its children has the focus.
    GalleryEscape(QWidget *page, BrowseBar *browse, GalleryView *gallery);
    ~GalleryEscape() override;

    QShortcut *shortcut() const { return m_shortcut; }

private:
    void escape();

    BrowseBar *m_browse;
    GalleryView *m_gallery;
    QShortcut *m_shortcut;
};

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>
#include <QPointer>

namespace trove {
class LibrarySession;
}

namespace trove::ui {

class GalleryView;

/// The status bar's "N selected of M shown": the gallery's selection (a
/// sum over its ranges, the same cost for one image or a million) against
/// the rows of the query shown, as they are counted. Hidden with nothing
/// selected. GUI thread.
class SelectionCountLabel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SelectionCountLabel)

public:
    explicit SelectionCountLabel(GalleryView *gallery, QWidget *parent = nullptr);
    ~SelectionCountLabel() override;

    /// M follows @p session's gallery model (nullptr: none, M is 0).
    void setSession(LibrarySession *session);
    void refresh();

private:
    GalleryView *m_gallery;
    QPointer<LibrarySession> m_session;
};

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QWidget>

class QToolButton;

namespace trove::ui {

/// The viewer's header row. Its buttons with words ("Gallery", "Fit",
/// "100 %", "Slideshow") show only their icons when the row is narrower
/// than it needs for the words, and its minimum width is that of the
/// icons alone: in German or French, with an animation's controls, the
/// words made the window wider than 800 pixels, and kept it so back in
/// the gallery (a stacked page's minimum is the window's). GUI thread.
class ViewerHeader final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewerHeader)

public:
    using QWidget::QWidget;

    /// The buttons whose words go when the row is narrow.
    void setTextButtons(const QList<QToolButton *> &buttons) { m_buttons = buttons; }

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// What the words take beside the icons (and the gap between them).
    int wordsWidth() const;

    QList<QToolButton *> m_buttons;
    bool m_compact = false;
};

} // namespace trove::ui

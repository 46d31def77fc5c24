// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QHBoxLayout;

namespace trove::ui {

/// The status bar's permanent widgets (counts, progress, the thumbnail
/// size) in one box whose size is fixed, and set again only when what it
/// holds needs another, or the status bar's width changes. Without it
/// every new text of a label relaid out the whole main window:
/// QLayout::activate() ends in updateGeometry(), which climbs to the
/// QMainWindow's layout (and its dock animations): 600 times in a
/// million-image remove and undo, each making QWidgetAnimator start and
/// delete three animations. Inside a box of fixed size the climb stops at
/// the box. In a narrow window the box takes the room there is (down to
/// its contents' minimum), so the labels that can give way still do. It
/// grows at once and shrinks only by more than a few characters.
/// GUI thread.
class StatusTray final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusTray)

public:
    explicit StatusTray(QWidget *parent = nullptr);
    ~StatusTray() override;

    /// Adds @p widget at the right end, at its size hint.
    void addWidget(QWidget *widget);
    /// Contents this many average characters narrower leave the box as
    /// wide as it is.
    static constexpr int kShrinkSlackChars = 6;

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Takes the size the box's contents ask for, when that changed.
    void fit();

    QHBoxLayout *m_layout;
};

} // namespace trove::ui

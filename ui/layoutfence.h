// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

namespace trove::ui {

/// Holds one widget, which fills it, and keeps that widget's size-hint
/// changes to itself. A child's new hint (a label's new text) invalidates
/// its parent's layout, and QLayout::activate() ends in updateGeometry(),
/// which climbs to the window: the ingest queue's summary ("4,211 to go"),
/// set ten times a second in a dock, relaid out the whole main window at
/// each (QMainWindowLayout, and its QWidgetAnimator starting and deleting
/// three animations). A widget without a layout ignores the request, so
/// the climb stops here. The fence's own hints are its child's as they were
/// when it was made, or when the font, style or language changed since;
/// fit for a child whose height does not change with its content (a label
/// on one line) and whose width the layout around gives anyway. GUI thread.
class LayoutFence final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayoutFence)

public:
    /// Takes @p child as its own (reparented).
    explicit LayoutFence(QWidget *child, QWidget *parent = nullptr);
    ~LayoutFence() override;

    QWidget *child() const { return m_child; }
    QSize sizeHint() const override { return m_hint; }
    QSize minimumSizeHint() const override { return m_minimumHint; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /// Takes the child's hints now, and tells the layout around if they moved.
    void takeHints();

    QWidget *m_child;
    QSize m_hint;
    QSize m_minimumHint;
};

} // namespace trove::ui

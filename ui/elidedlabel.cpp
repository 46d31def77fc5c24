// SPDX-License-Identifier: MIT
#include "elidedlabel.h"

#include <QEvent>
#include <algorithm>

namespace trove::ui {

namespace {

/// Room for a few letters and the "…": enough to tell that text is there.
constexpr int kMinimumChars = 8;

} // namespace

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
}

ElidedLabel::~ElidedLabel() = default;

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    elide();
    updateGeometry();
}

void ElidedLabel::setWidestText(const QString &text)
{
    m_widestText = text;
    updateGeometry();
}

QSize ElidedLabel::sizeHint() const
{
    // The whole text, not the cut one shown: a window made wider again
    // shows all of it.
    const QMargins margins = contentsMargins();
    const int text = std::max(
        fontMetrics().horizontalAdvance(m_fullText), fontMetrics().horizontalAdvance(m_widestText));
    return { text + margins.left() + margins.right() + 2 * margin(), QLabel::sizeHint().height() };
}

QSize ElidedLabel::minimumSizeHint() const
{
    // QLabel's own minimum is its whole text: a 300-character name made
    // the window wider than the screen and kept it so.
    const QSize hint = QLabel::minimumSizeHint();
    return { fontMetrics().averageCharWidth() * kMinimumChars, hint.height() };
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        elide();
}

void ElidedLabel::elide()
{
    const QString shown
        = fontMetrics().elidedText(m_fullText, Qt::ElideRight, contentsRect().width());
    // setText() with the same text would still lay out again.
    if (shown != text())
        setText(shown);
    // Only when something was cut: a tooltip repeating the label is noise.
    setToolTip(shown == m_fullText ? QString() : m_fullText);
}

} // namespace trove::ui

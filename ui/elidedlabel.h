// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace trove::ui {

/// A one-line plain-text label that shows as much of its text as its width
/// allows, ending on "…", with the whole text in its tooltip. Its minimum
/// width is small whatever the text, so a long text (an image's name) never
/// sets the minimum width of the window around it. GUI thread.
class ElidedLabel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    /// The whole text; what is shown is elided to the label's width.
    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    /// Asks room for @p text whatever is shown (e.g. the longest zoom
    /// level): the label keeps its width while its text changes, and
    /// still gives way in a narrow window.
    void setWidestText(const QString &text);

    /// Room for the whole text; it gives way down to a few letters.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_fullText;
    QString m_widestText;
};

} // namespace trove::ui

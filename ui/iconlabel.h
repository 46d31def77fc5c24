// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QWidget>

namespace trove::ui {

/// An icon shown as a picture beside text (message bars, the thumbnail
/// size slider). Unlike a QLabel's pixmap it is painted from the icon on
/// every repaint, so a palette switch recolours it. GUI thread.
class IconLabel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IconLabel)

public:
    IconLabel(const QIcon &icon, int side, QWidget *parent = nullptr);
    ~IconLabel() override;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QIcon m_icon;
    int m_side;
};

} // namespace trove::ui

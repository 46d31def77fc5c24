// SPDX-License-Identifier: MIT
#include "gallery/emptystate.h"

#include "icons.h"

#include <QFile>
#include <QFontMetrics>
#include <QPainter>
#include <QSvgRenderer>
#include <algorithm>

namespace trove::ui {

QString EmptyStateLook::key() const
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
        .arg(width)
        .arg(iconSize)
        .arg(int(appIcon))
        .arg(ink.rgba())
        .arg(font.key())
        .arg(dpr)
        .arg(int(rightToLeft))
        .arg(title, hint);
}

QImage renderEmptyState(const EmptyStateLook &look)
{
    QFont titleFont = look.font;
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics hintMetrics(look.font);
    const QRect hintBox
        = hintMetrics.boundingRect(QRect(0, 0, std::min(560, look.width - 40), 1000),
            Qt::AlignHCenter | Qt::TextWordWrap, look.hint);
    const int total = look.iconSize + 16 + titleMetrics.height() + 8 + hintBox.height();

    QImage image(QSize(look.width, total) * look.dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(look.dpr);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHints(
        QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    p.setLayoutDirection(look.rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    const int centre = look.width / 2;
    const QRect iconRect(centre - look.iconSize / 2, 0, look.iconSize, look.iconSize);
    QColor faint = look.ink;
    faint.setAlphaF(0.35f);
    // The window icon's artwork, as the app's resources hold it (the icon
    // theme's copy is the same file); a binary without it draws the glyph.
    const QString iconFile = QStringLiteral(":/icons/io.github.trove.Trove.svg");
    bool drawn = false;
    if (look.appIcon && QFile::exists(iconFile)) {
        QSvgRenderer icon(iconFile);
        if (icon.isValid()) {
            icon.render(&p, iconRect);
            drawn = true;
        }
    }
    if (!drawn)
        paintPictureGlyph(&p, iconRect, faint);
    int y = look.iconSize + 16;
    QColor text = look.ink;
    p.setPen(text);
    p.setFont(titleFont);
    p.drawText(QRect(0, y, look.width, titleMetrics.height()), Qt::AlignHCenter, look.title);
    y += titleMetrics.height() + 8;
    text.setAlphaF(0.7f);
    p.setPen(text);
    p.setFont(look.font);
    p.drawText(QRect(centre - hintBox.width() / 2, y, hintBox.width(), hintBox.height()),
        Qt::AlignHCenter | Qt::TextWordWrap, look.hint);
    p.end();
    return image;
}

} // namespace trove::ui

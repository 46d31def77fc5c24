// SPDX-License-Identifier: MIT
#include "icons.h"

#include <QApplication>
#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QWidget>
#include <algorithm>
#include <tuple>

namespace trove::ui {

QIcon themedIcon(const QString &name, QStyle::StandardPixmap fallback, const QWidget *widget)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    const QStyle *style = widget ? widget->style() : QApplication::style();
    return style->standardIcon(fallback, nullptr, widget);
}

namespace {

// Draws a viewer glyph when it is painted, in the application palette's
// text colour of that moment: a theme switched while the window is open
// repaints the buttons in the new colours (a pixmap drawn once would keep
// the old ones, black on a dark palette).
class GlyphEngine final : public QIconEngine {
public:
    explicit GlyphEngine(ViewerGlyph glyph)
        : m_glyph(glyph)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal side = std::min(rect.width(), rect.height());
        painter->save();
        painter->translate(
            rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
        draw(*painter, side, mode);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        paint(&p, QRect(QPoint(), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new GlyphEngine(m_glyph); }
    bool isNull() override { return false; }

private:
    void draw(QPainter &p, qreal side, QIcon::Mode mode) const
    {
        const ViewerGlyph glyph = m_glyph;
        p.setRenderHint(QPainter::Antialiasing);
        const QColor ink = QApplication::palette().color(
            mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active, QPalette::WindowText);
        const qreal s = side;
        QPen pen(ink, std::max(1.5, s / 12), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        if (glyph == ViewerGlyph::ZoomIn || glyph == ViewerGlyph::ZoomOut) {
            const QRectF lens(s * 0.12, s * 0.12, s * 0.56, s * 0.56);
            p.drawEllipse(lens);
            p.drawLine(QPointF(s * 0.62, s * 0.62), QPointF(s * 0.88, s * 0.88));
            const QPointF c = lens.center();
            p.drawLine(QPointF(c.x() - s * 0.14, c.y()), QPointF(c.x() + s * 0.14, c.y()));
            if (glyph == ViewerGlyph::ZoomIn)
                p.drawLine(QPointF(c.x(), c.y() - s * 0.14), QPointF(c.x(), c.y() + s * 0.14));
        } else if (glyph == ViewerGlyph::Fit) {
            // Four corners pointing out: the image fills the frame.
            const qreal a = s * 0.15, b = s * 0.85, l = s * 0.22;
            for (const auto &[x, y, dx, dy] :
                { std::tuple { a, a, 1, 1 }, { b, a, -1, 1 }, { a, b, 1, -1 }, { b, b, -1, -1 } }) {
                p.drawLine(QPointF(x, y), QPointF(x + dx * l, y));
                p.drawLine(QPointF(x, y), QPointF(x, y + dy * l));
            }
        } else if (glyph == ViewerGlyph::FitWidth) {
            const qreal y = s / 2;
            p.drawLine(QPointF(s * 0.12, s * 0.2), QPointF(s * 0.12, s * 0.8));
            p.drawLine(QPointF(s * 0.88, s * 0.2), QPointF(s * 0.88, s * 0.8));
            p.drawLine(QPointF(s * 0.25, y), QPointF(s * 0.75, y));
            p.drawLine(QPointF(s * 0.25, y), QPointF(s * 0.37, y - s * 0.12));
            p.drawLine(QPointF(s * 0.25, y), QPointF(s * 0.37, y + s * 0.12));
            p.drawLine(QPointF(s * 0.75, y), QPointF(s * 0.63, y - s * 0.12));
            p.drawLine(QPointF(s * 0.75, y), QPointF(s * 0.63, y + s * 0.12));
        } else if (glyph == ViewerGlyph::Previous || glyph == ViewerGlyph::Next) {
            const qreal dir = glyph == ViewerGlyph::Next ? 1 : -1;
            const QPointF tip(s / 2 + dir * s * 0.15, s / 2);
            p.drawLine(QPointF(s / 2 - dir * s * 0.15, s * 0.22), tip);
            p.drawLine(QPointF(s / 2 - dir * s * 0.15, s * 0.78), tip);
        } else if (glyph == ViewerGlyph::Play) {
            p.setBrush(ink);
            const QPointF tri[] { { s * 0.3, s * 0.2 }, { s * 0.3, s * 0.8 },
                { s * 0.8, s * 0.5 } };
            p.drawPolygon(tri, 3);
        } else if (glyph == ViewerGlyph::Pause) {
            p.setBrush(ink);
            p.setPen(Qt::NoPen);
            p.drawRect(QRectF(s * 0.25, s * 0.2, s * 0.17, s * 0.6));
            p.drawRect(QRectF(s * 0.58, s * 0.2, s * 0.17, s * 0.6));
        } else if (glyph == ViewerGlyph::FullScreen) {
            // Four corners pointing outwards from the middle.
            const qreal a = s * 0.12, b = s * 0.88, l = s * 0.25;
            for (const auto &[x, y, dx, dy] :
                { std::tuple { a, a, 1, 1 }, { b, a, -1, 1 }, { a, b, 1, -1 }, { b, b, -1, -1 } }) {
                p.drawLine(QPointF(x, y), QPointF(x + dx * l, y + dy * l));
                p.drawLine(QPointF(x, y), QPointF(x + dx * l * 0.6, y));
                p.drawLine(QPointF(x, y), QPointF(x, y + dy * l * 0.6));
            }
        } else {
            QFont font = QApplication::font();
            font.setPixelSize(std::max(7, int(s * 0.42)));
            font.setBold(true);
            p.setFont(font);
            p.drawRoundedRect(QRectF(s * 0.08, s * 0.2, s * 0.84, s * 0.6), s * 0.08, s * 0.08);
            p.drawText(QRectF(0, 0, s, s), Qt::AlignCenter, QStringLiteral("1:1"));
        }
    }

    ViewerGlyph m_glyph;
};

} // namespace

QIcon viewerIcon(const QString &name, ViewerGlyph glyph)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QIcon(new GlyphEngine(glyph));
}

bool hasAppIcon()
{
    return QIcon::hasThemeIcon(QStringLiteral("io.github.trove.Trove"))
        || QFile::exists(QStringLiteral(":/icons/io.github.trove.Trove.svg"));
}

void paintPictureGlyph(QPainter *painter, const QRectF &rect, const QColor &color)
{
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF frame(
        rect.center().x() - side / 2, rect.center().y() - side * 0.4, side, side * 0.8);
    const qreal pen = std::max(1.5, side / 24);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    const QRectF inner = frame.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2);
    painter->drawRoundedRect(inner, side / 12, side / 12);
    painter->setBrush(color);
    painter->setPen(Qt::NoPen);
    painter->drawEllipse(
        QPointF(inner.left() + inner.width() * 0.7, inner.top() + inner.height() * 0.32), side / 11,
        side / 11);
    QPainterPath hills;
    hills.moveTo(inner.left() + pen, inner.bottom() - pen);
    hills.lineTo(inner.left() + inner.width() * 0.35, inner.top() + inner.height() * 0.45);
    hills.lineTo(inner.left() + inner.width() * 0.55, inner.top() + inner.height() * 0.68);
    hills.lineTo(inner.left() + inner.width() * 0.7, inner.top() + inner.height() * 0.55);
    hills.lineTo(inner.right() - pen, inner.bottom() - pen);
    hills.closeSubpath();
    painter->drawPath(hills);
    painter->restore();
}

QIcon appIcon()
{
    static const QString resource = QStringLiteral(":/icons/io.github.trove.Trove.svg");
    if (QIcon::hasThemeIcon(QStringLiteral("io.github.trove.Trove")))
        return QIcon::fromTheme(QStringLiteral("io.github.trove.Trove"));
    if (QFile::exists(resource))
        return QIcon(resource);
    return themedIcon(QStringLiteral("image-x-generic"), QStyle::SP_FileIcon);
}

} // namespace trove::ui

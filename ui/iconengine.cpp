// SPDX-License-Identifier: MIT
#include "iconengine.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace trove::ui {

PaletteIconEngine::PaletteIconEngine(const QString &resource, const QString &name)
    : m_resource(resource)
    , m_name(name)
{
}

PaletteIconEngine::~PaletteIconEngine() = default;

QColor PaletteIconEngine::ink(const QPalette &palette, QIcon::Mode mode)
{
    switch (mode) {
    case QIcon::Disabled: {
        QColor c = palette.color(QPalette::Disabled, QPalette::WindowText);
        // A palette built with setColor(role, colour) has no disabled
        // shade of its own: fade the ink, or disabled reads as enabled.
        if (c == palette.color(QPalette::Active, QPalette::WindowText))
            c.setAlphaF(0.4f);
        return c;
    }
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

void PaletteIconEngine::paint(
    QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state)
{
    const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
}

QPixmap PaletteIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state)
{
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap PaletteIconEngine::scaledPixmap(
    const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale)
{
    const QSize pixels = size * scale;
    if (pixels.isEmpty())
        return {};
    // The palette is read here, at paint time, never cached in the icon:
    // that is what makes a live theme switch recolour everything.
    const QColor color = ink(QGuiApplication::palette(), mode);
    const QString cacheKey = QStringLiteral("trove-icon:%1:%2x%3:%4")
                                 .arg(m_name)
                                 .arg(pixels.width())
                                 .arg(pixels.height())
                                 .arg(color.rgba(), 8, 16);
    QPixmap out;
    if (QPixmapCache::find(cacheKey, &out)) {
        out.setDevicePixelRatio(scale);
        return out;
    }
    if (m_svg.isEmpty()) {
        QFile file(m_resource);
        if (file.open(QIODevice::ReadOnly))
            m_svg = file.readAll();
    }
    QByteArray inked = m_svg;
    inked.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
    QSvgRenderer renderer(inked);
    out = QPixmap(pixels);
    out.fill(Qt::transparent);
    {
        QPainter p(&out);
        p.setRenderHint(QPainter::Antialiasing);
        renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(pixels)));
        if (color.alpha() < 255) {
            p.setCompositionMode(QPainter::CompositionMode_DestinationIn);
            p.fillRect(out.rect(), QColor(0, 0, 0, color.alpha()));
        }
    }
    QPixmapCache::insert(cacheKey, out);
    out.setDevicePixelRatio(scale);
    return out;
}

QSize PaletteIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State)
{
    // Square, like the 24×24 grid it is drawn on.
    const int side = std::min(size.width(), size.height());
    return { side, side };
}

QList<QSize> PaletteIconEngine::availableSizes(QIcon::Mode, QIcon::State)
{
    return { { 16, 16 }, { 22, 22 }, { 24, 24 }, { 32, 32 }, { 48, 48 } };
}

QString PaletteIconEngine::key() const
{
    return QStringLiteral("trove-palette");
}

QIconEngine *PaletteIconEngine::clone() const
{
    return new PaletteIconEngine(*this);
}

QString PaletteIconEngine::iconName()
{
    return m_name;
}

bool PaletteIconEngine::isNull()
{
    return !QFile::exists(m_resource);
}

} // namespace trove::ui

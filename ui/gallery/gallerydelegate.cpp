// SPDX-License-Identifier: MIT
#include "gallery/gallerydelegate.h"

#include "icons.h"
#include "models/gallerymodel.h"
#include "models/gallerythumbnails.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace trove::ui {

namespace {

constexpr int kPadding = 6;
constexpr int kTextGap = 4;
constexpr int kRadius = 4;
/// Below this thumbnail size a rating shows as one star and its number.
constexpr int kCompactRatingBelow = 128;

/// A five-pointed star in @p box.
QPolygonF starIn(const QRectF &box)
{
    QPolygonF star;
    const QPointF c = box.center();
    const qreal outer = box.width() / 2.0;
    const qreal inner = outer * 0.45;
    for (int i = 0; i < 10; ++i) {
        const qreal angle = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
        const qreal r = i % 2 == 0 ? outer : inner;
        star << QPointF(c.x() + r * std::cos(angle), c.y() + r * std::sin(angle) + outer * 0.08);
    }
    return star;
}

QPainterPath heartIn(const QRectF &box)
{
    const qreal w = box.width();
    const qreal h = box.height();
    const qreal x = box.left();
    const qreal y = box.top();
    QPainterPath heart;
    heart.moveTo(x + w / 2, y + h * 0.95);
    heart.cubicTo(x - w * 0.05, y + h * 0.55, x + w * 0.05, y + h * 0.02, x + w / 2, y + h * 0.28);
    heart.cubicTo(x + w * 0.95, y + h * 0.02, x + w * 1.05, y + h * 0.55, x + w / 2, y + h * 0.95);
    return heart;
}

} // namespace

GalleryDelegate::GalleryDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    // A few screens of large thumbnails.
    m_pixmaps.setMaxCost(64 * 1024);
    m_damagedIcon = icon(Icon::Warning);
}

GalleryDelegate::~GalleryDelegate() = default;

void GalleryDelegate::setThumbnailSize(int size)
{
    m_size = std::clamp(size, kMinThumbnail, kMaxThumbnail);
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int text = option.fontMetrics.height();
    return { m_size + 2 * kPadding, m_size + 2 * kPadding + kTextGap + text };
}

void GalleryDelegate::beginFrame()
{
    m_frameClock.start();
    m_preparedThisFrame = 0;
    m_leftForNextFrame = false;
}

bool GalleryDelegate::endFrame()
{
    m_frameClock.invalidate();
    return std::exchange(m_leftForNextFrame, false);
}

bool GalleryDelegate::mayPrepare() const
{
    // Outside a frame (a drag's picture, a test's paint): everything.
    if (m_frameClock.isValid() && m_preparedThisFrame >= kFirstPerFrame
        && m_frameClock.elapsed() >= kFrameBudgetMs) {
        m_leftForNextFrame = true;
        return false;
    }
    ++m_preparedThisFrame;
    return true;
}

QPixmap GalleryDelegate::thumbnailPixmap(const QImage &image, qint64 key, qreal dpr) const
{
    // The image's cacheKey changes when a thumbnail is rebuilt, so a stale
    // pixmap is never found.
    const QString cacheKey = QStringLiteral("trove-thumb-%1-%2-%3-%4")
                                 .arg(key)
                                 .arg(image.cacheKey())
                                 .arg(m_size)
                                 .arg(dpr);
    if (const QPixmap *cached = m_pixmaps.object(cacheKey))
        return *cached;
    if (!mayPrepare())
        return {};
    const int device = qRound(m_size * dpr);
    QImage scaled = image;
    if (image.width() > device || image.height() > device)
        scaled = image.scaled(device, device, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPixmap pixmap = QPixmap::fromImage(scaled);
    pixmap.setDevicePixelRatio(dpr);
    const qsizetype bytes = qsizetype(pixmap.width()) * pixmap.height() * pixmap.depth() / 8;
    m_pixmaps.insert(cacheKey, new QPixmap(pixmap), GalleryThumbnails::thumbnailCost(bytes));
    return pixmap;
}

const QStaticText *GalleryDelegate::label(
    const QString &name, int width, const QFont &font, const QFontMetrics &metrics) const
{
    if (font != m_labelFont) {
        m_labels.clear();
        m_labelFont = font;
    }
    const QString key = QString::number(width) + QLatin1Char('/') + name;
    if (const QStaticText *cached = m_labels.object(key))
        return cached;
    if (!mayPrepare())
        return nullptr;
    auto *text = new QStaticText(metrics.elidedText(name, Qt::ElideMiddle, width));
    text->setTextFormat(Qt::PlainText);
    text->setPerformanceHint(QStaticText::AggressiveCaching);
    text->prepare(QTransform(), font);
    m_labels.insert(key, text);
    return m_labels.object(key);
}

const QPixmap &GalleryDelegate::lookFor(Look &look, const QString &key, QSize size, qreal dpr,
    const std::function<void(QPainter &)> &draw) const
{
    if (look.key != key) {
        look.pixmap = QPixmap((QSizeF(size) * dpr).toSize());
        look.pixmap.setDevicePixelRatio(dpr);
        look.pixmap.fill(Qt::transparent);
        QPainter p(&look.pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        draw(p);
        look.key = key;
    }
    return look.pixmap;
}

void GalleryDelegate::paintPlaceholder(
    QPainter *painter, const QRect &square, const QStyleOptionViewItem &option, bool loaded) const
{
    QColor fill = option.palette.color(QPalette::Mid);
    fill.setAlpha(50);
    QColor ink = option.palette.color(QPalette::Text);
    ink.setAlphaF(0.22f);
    const qreal dpr = painter->device()->devicePixelRatioF();
    const QString key = QStringLiteral("%1 %2 %3 %4")
                            .arg(square.width())
                            .arg(dpr)
                            .arg(fill.rgba())
                            .arg(ink.rgba());
    const QPixmap &cached
        = lookFor(m_placeholders[loaded ? 1 : 0], key, square.size(), dpr, [&](QPainter &p) {
              p.setPen(Qt::NoPen);
              p.setBrush(fill);
              const QRect local(QPoint(0, 0), square.size());
              const int inset = m_size / 10;
              p.drawRoundedRect(local.adjusted(inset, inset, -inset, -inset), kRadius, kRadius);
              if (loaded) {
                  // A faint picture says "an image is coming" rather than "empty".
                  const int glyph = std::max(16, m_size / 3);
                  paintPictureGlyph(&p,
                      QRectF(
                          local.center() - QPointF(glyph / 2.0, glyph / 2.0), QSizeF(glyph, glyph)),
                      ink);
              }
          });
    painter->drawPixmap(square.topLeft(), cached);
}

void GalleryDelegate::paintCellTint(
    QPainter *painter, const QRect &cell, const QColor &fill, const QColor &border, int which) const
{
    const qreal dpr = painter->device()->devicePixelRatioF();
    const QString key = QStringLiteral("%1 %2 %3 %4 %5")
                            .arg(cell.width())
                            .arg(cell.height())
                            .arg(dpr)
                            .arg(fill.rgba())
                            .arg(border.isValid() ? border.rgba() : 0);
    const QPixmap &cached = lookFor(m_tints[which], key, cell.size(), dpr, [&](QPainter &p) {
        p.setPen(border.isValid() ? QPen(border, 2) : QPen(Qt::NoPen));
        p.setBrush(fill);
        p.drawRoundedRect(QRectF(QPointF(0, 0), QSizeF(cell.size())).adjusted(1.5, 1.5, -1.5, -1.5),
            kRadius + 2, kRadius + 2);
    });
    painter->drawPixmap(cell.topLeft(), cached);
}

void GalleryDelegate::paintAnimationBadge(QPainter *painter, const QRectF &picture) const
{
    // A play triangle on a dark disc at the picture's bottom left, readable
    // on any picture; on a picture too small to hold it, over its middle,
    // so that it still marks that picture and not the empty cell beside it.
    const qreal d = std::max(14, m_size / 7);
    const qreal left = picture.width() >= d + 8 ? picture.left() + 4 : picture.center().x() - d / 2;
    // Pictures sit on the name: a short one's badge stays above it.
    const qreal top = picture.height() >= d + 8
        ? picture.bottom() - 4 - d
        : std::min(picture.center().y() - d / 2, picture.bottom() - d);
    const QRectF disc(left, top, d, d);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 150));
    painter->drawEllipse(disc);
    const QPointF c = disc.center();
    const qreal r = d * 0.26;
    const QPointF triangle[] { { c.x() - r * 0.7, c.y() - r }, { c.x() - r * 0.7, c.y() + r },
        { c.x() + r, c.y() } };
    painter->setBrush(Qt::white);
    painter->drawPolygon(triangle, 3);
}

void GalleryDelegate::paintMarks(
    QPainter *painter, const QRect &square, int rating, bool favourite) const
{
    // White and warm colours on a dark plate, like the animation badge:
    // readable on any picture, in a light theme as in a dark one.
    const qreal d = std::max(14, m_size / 7);
    const QColor plate(0, 0, 0, 150);
    const QColor gold(255, 200, 40);
    qreal right = square.right() - 3;
    const qreal top = square.bottom() - 3 - d;
    painter->setPen(Qt::NoPen);
    if (favourite) {
        const QRectF disc(right - d, top, d, d);
        painter->setBrush(plate);
        painter->drawEllipse(disc);
        painter->setBrush(QColor(255, 70, 100));
        const qreal inset = d * 0.22;
        painter->drawPath(heartIn(disc.adjusted(inset, inset * 1.1, -inset, -inset * 0.9)));
        right -= d + 3;
    }
    if (rating <= 0)
        return;
    const qreal star = d * 0.72;
    const qreal gap = d * 0.08;
    const bool compact = m_size < kCompactRatingBelow;
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(std::max(9, qRound(d * 0.62)));
    const QString number = QString::number(rating);
    const qreal numberWidth = compact ? QFontMetricsF(font).horizontalAdvance(number) + gap : 0;
    const int shown = compact ? 1 : rating;
    const qreal width = d * 0.3 + shown * star + (shown - 1) * gap + numberWidth;
    const QRectF pill(right - width, top, width, d);
    painter->setBrush(plate);
    painter->drawRoundedRect(pill, d / 2, d / 2);
    painter->setBrush(gold);
    qreal x = pill.left() + d * 0.15;
    for (int i = 0; i < shown; ++i) {
        painter->drawPolygon(starIn(QRectF(x, top + (d - star) / 2, star, star)));
        x += star + gap;
    }
    if (compact) {
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(QRectF(x, top, numberWidth, d), Qt::AlignLeft | Qt::AlignVCenter, number);
    }
}

void GalleryDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index) const
{
    // The view's option as it is: initStyleOption() would ask the model
    // for a dozen roles per cell that this painting never uses.
    const QStyleOptionViewItem &option = opt;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette::ColorGroup group = (option.state & QStyle::State_Enabled)
        ? ((option.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive)
        : QPalette::Disabled;
    const bool selected = option.state & QStyle::State_Selected;
    // The whole cell carries the selection (the style would only mark the
    // text), tinted so that the thumbnail stays readable.
    if (selected) {
        QColor fill = option.palette.color(group, QPalette::Highlight);
        fill.setAlphaF(0.28f);
        paintCellTint(painter, opt.rect, fill, option.palette.color(group, QPalette::Highlight), 0);
    } else if (option.state & QStyle::State_MouseOver) {
        QColor fill = option.palette.color(group, QPalette::Highlight);
        fill.setAlphaF(0.10f);
        paintCellTint(painter, opt.rect, fill, QColor(), 1);
    }

    const QRect cell = opt.rect;
    const QRect square(
        cell.left() + (cell.width() - m_size) / 2, cell.top() + kPadding, m_size, m_size);
    const bool loaded = index.data(GalleryModel::LoadedRole).toBool();
    const QImage image
        = loaded ? index.data(GalleryModel::ThumbnailRole).value<QImage>() : QImage();

    const QPixmap pixmap = image.isNull()
        ? QPixmap()
        : thumbnailPixmap(image, index.data(GalleryModel::KeyRole).toLongLong(),
            painter->device()->devicePixelRatioF());
    QRectF picture;
    if (pixmap.isNull()) {
        paintPlaceholder(painter, square, option, loaded); // or in the next frame
    } else {
        const QSizeF logical = pixmap.deviceIndependentSize();
        QSizeF shown = logical;
        if (shown.width() > m_size || shown.height() > m_size)
            shown.scale(m_size, m_size, Qt::KeepAspectRatio);
        // Sitting on the name, like prints on a shelf, whatever their shape.
        const QRectF target(square.left() + (m_size - shown.width()) / 2.0,
            square.bottom() + 1 - shown.height(), shown.width(), shown.height());
        picture = target;
        if (shown == logical) {
            // At its own size: a blit at a whole pixel. At a fractional
            // place the raster engine samples it (bilinear, span by span).
            painter->drawPixmap(target.topLeft().toPoint(), pixmap);
        } else {
            painter->setRenderHint(QPainter::SmoothPixmapTransform);
            painter->drawPixmap(target, pixmap, QRectF(QPointF(0, 0), pixmap.size()));
        }
    }

    if (!picture.isNull() && index.data(GalleryModel::AnimatedRole).toBool())
        paintAnimationBadge(painter, picture);

    if (loaded) {
        const int rating = index.data(GalleryModel::RatingRole).toInt();
        const bool favourite = index.data(GalleryModel::FavouriteRole).toBool();
        if (rating > 0 || favourite)
            paintMarks(painter, square, rating, favourite);
    }

    if (index.data(GalleryModel::DamagedRole).toBool()) {
        const int s = std::max(16, m_size / 6);
        m_damagedIcon.paint(painter, QRect(square.right() - s, square.top(), s, s));
    }

    const QRect textRect(cell.left() + kPadding, square.bottom() + 1 + kTextGap,
        cell.width() - 2 * kPadding, option.fontMetrics.height());
    const QString name = index.data(Qt::DisplayRole).toString();
    if (!name.isEmpty()) {
        if (const QStaticText *text
            = label(name, textRect.width(), option.font, option.fontMetrics)) {
            const QSizeF size = text->size();
            painter->setPen(option.palette.color(group, QPalette::Text));
            painter->setFont(option.font);
            painter->drawStaticText(
                QPointF(textRect.left() + (textRect.width() - size.width()) / 2.0,
                    textRect.top() + (textRect.height() - size.height()) / 2.0),
                *text);
        }
    }

    if ((option.state & QStyle::State_HasFocus) && !selected) {
        // The keyboard's place, when it is not already marked by the selection.
        QPen pen(option.palette.color(group, QPalette::Highlight), 1, Qt::DashLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(
            QRectF(opt.rect).adjusted(1.5, 1.5, -1.5, -1.5), kRadius + 2, kRadius + 2);
    }
    painter->restore();
}

} // namespace trove::ui

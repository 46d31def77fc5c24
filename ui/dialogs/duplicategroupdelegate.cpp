// SPDX-License-Identifier: MIT
#include "dialogs/duplicategroupdelegate.h"

#include "models/duplicatesmodel.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>
#include <QUrl>

namespace trove::ui {

namespace {

constexpr int kMargin = 8;
constexpr int kSpacing = 10;
constexpr int kThumb = DuplicatesModel::kThumbnailSide;
constexpr int kTileWidth = kThumb + 40;
constexpr int kLines = 5; ///< name; dimensions, format; size, date; sources; keep or distance

int lineHeight(const QFontMetrics &fm)
{
    return fm.height() + 1;
}

int headerHeight(const QFontMetrics &fm)
{
    return fm.height() + 8;
}

int tileHeight(const QFontMetrics &fm)
{
    return kThumb + 6 + kLines * lineHeight(fm);
}

// Where an image came from, briefly: the hosts of its links (or "file").
QString sourcesText(const ImageRecord &r)
{
    QStringList hosts;
    for (const QString &source : r.sources) {
        const QUrl url(source);
        const QString host = url.isLocalFile() || url.scheme().isEmpty()
            ? DuplicateGroupDelegate::tr("file")
            : url.host();
        if (!host.isEmpty() && !hosts.contains(host))
            hosts.append(host);
    }
    return hosts.isEmpty() ? DuplicateGroupDelegate::tr("no source")
                           : hosts.join(QStringLiteral(", "));
}

QStringList tileLines(const SimilarItem &item, bool keep)
{
    const ImageRecord &r = item.record;
    const QLocale locale;
    return {
        r.name,
        QStringLiteral("%1 × %2 · %3").arg(r.width).arg(r.height).arg(r.format.toUpper()),
        QStringLiteral("%1 · %2").arg(locale.formattedDataSize(r.originalBytes),
            locale.toString(r.addedAt.toLocalTime().date(), QLocale::ShortFormat)),
        sourcesText(r),
        keep ? DuplicateGroupDelegate::tr("Keep")
             : DuplicateGroupDelegate::tr("distance %1").arg(item.distance),
    };
}

} // namespace

QSize DuplicateGroupDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics &fm = option.fontMetrics;
    return { 2 * kMargin + kTileWidth, kMargin + headerHeight(fm) + tileHeight(fm) + kMargin };
}

QList<QRect> DuplicateGroupDelegate::tiles(const QStyleOptionViewItem &option) const
{
    const QFontMetrics &fm = option.fontMetrics;
    const int top = option.rect.top() + kMargin + headerHeight(fm);
    const int fit
        = std::max(1, (option.rect.width() - 2 * kMargin + kSpacing) / (kTileWidth + kSpacing));
    QList<QRect> out;
    for (int i = 0; i < fit; ++i)
        out.append(QRect(option.rect.left() + kMargin + i * (kTileWidth + kSpacing), top,
            kTileWidth, tileHeight(fm)));
    return out;
}

void DuplicateGroupDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    painter->save();
    const QPalette::ColorGroup group
        = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    // A row is full of text and pictures: selection tints it and draws a
    // frame rather than filling it with the highlight, so the text keeps
    // its contrast in light and dark palettes alike.
    if (opt.features & QStyleOptionViewItem::Alternate)
        painter->fillRect(opt.rect, opt.palette.color(group, QPalette::AlternateBase));
    const QColor accent = opt.palette.color(group, QPalette::Highlight);
    if (opt.state & QStyle::State_Selected) {
        QColor tint = accent;
        tint.setAlphaF(0.16f);
        painter->fillRect(opt.rect, tint);
        painter->setPen(QPen(accent, 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(QRectF(opt.rect).adjusted(1, 1, -1, -1));
    }
    const QColor text = opt.palette.color(group, QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.7f);
    const QFontMetrics &fm = opt.fontMetrics;
    QFont bold = opt.font;
    bold.setBold(true);

    const int count = index.data(DuplicatesModel::CountRole).toInt();
    const bool loaded = index.data(DuplicatesModel::LoadedRole).toBool();
    const auto items = index.data(DuplicatesModel::ItemsRole).value<QList<SimilarItem>>();
    painter->setFont(bold);
    painter->setPen(text);
    const QRect header(opt.rect.left() + kMargin, opt.rect.top() + kMargin,
        opt.rect.width() - 2 * kMargin, fm.height());
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
        tr("Group %1 · %Ln image(s)", nullptr, count).arg(QLocale().toString(index.row() + 1)));

    const QList<QRect> places = tiles(opt);
    qsizetype shown = std::min<qsizetype>(loaded ? items.size() : count, places.size());
    if (count > shown && shown == places.size())
        --shown; // the last slot says how many more
    for (qsizetype i = 0; i < shown; ++i) {
        const QRect tile = places[i];
        const QRect box(tile.left() + (kTileWidth - kThumb) / 2, tile.top(), kThumb, kThumb);
        const bool keep = i == 0;
        if (!loaded || items[i].thumbnail.isNull()) {
            QColor blank = dim;
            blank.setAlphaF(0.12f);
            painter->fillRect(box, blank);
        }
        if (!loaded)
            continue;
        const SimilarItem &item = items[i];
        QRect target = box;
        if (!item.thumbnail.isNull()) {
            target = QRect(QPoint(), item.thumbnail.size().scaled(box.size(), Qt::KeepAspectRatio));
            target.moveCenter(box.center());
            painter->drawImage(target, item.thumbnail);
        }
        if (keep) {
            painter->setPen(QPen(accent, 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(QRectF(target).adjusted(-2, -2, 2, 2));
        }
        const QStringList lines = tileLines(item, keep);
        int y = box.bottom() + 6;
        for (qsizetype l = 0; l < lines.size(); ++l) {
            const bool strong = l == 0 || (keep && l == lines.size() - 1);
            painter->setFont(strong ? bold : opt.font);
            painter->setPen(keep && l == lines.size() - 1 ? accent : l == 0 ? text : dim);
            const QFontMetrics metrics(painter->font());
            painter->drawText(QRect(tile.left(), y, kTileWidth, lineHeight(fm)),
                Qt::AlignHCenter | Qt::AlignTop,
                metrics.elidedText(
                    lines[l], l == 0 ? Qt::ElideMiddle : Qt::ElideRight, kTileWidth));
            y += lineHeight(fm);
        }
    }
    if (count > shown && shown < places.size()) {
        const QRect tile = places[shown];
        const QRect box(tile.left() + (kTileWidth - kThumb) / 2, tile.top(), kThumb, kThumb);
        painter->setFont(bold);
        painter->setPen(dim);
        painter->drawText(box, Qt::AlignCenter | Qt::TextWordWrap,
            tr("+%1 more").arg(QLocale().toString(count - shown)));
    }
    painter->restore();
}

bool DuplicateGroupDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const auto items = index.data(DuplicatesModel::ItemsRole).value<QList<SimilarItem>>();
    const QList<QRect> places = tiles(option);
    for (qsizetype i = 0; i < places.size() && i < items.size(); ++i) {
        if (!places[i].contains(event->pos()))
            continue;
        const ImageRecord &r = items[i].record;
        const QLocale locale;
        QStringList lines { r.name,
            tr("%1 × %2 pixels, %3").arg(r.width).arg(r.height).arg(r.format.toUpper()),
            tr("%1 (%2 bytes)")
                .arg(locale.formattedDataSize(r.originalBytes), locale.toString(r.originalBytes)),
            tr("Added %1").arg(locale.toString(r.addedAt.toLocalTime(), QLocale::LongFormat)) };
        lines += r.sources;
        lines.append(i == 0 ? tr("Keep Best keeps this one")
                            : tr("%1 of 64 bits from the first").arg(items[i].distance));
        QToolTip::showText(event->globalPos(), lines.join(QLatin1Char('\n')), view);
        return true;
    }
    QToolTip::hideText();
    return true;
}

} // namespace trove::ui

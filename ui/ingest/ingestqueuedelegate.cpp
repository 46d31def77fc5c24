// SPDX-License-Identifier: MIT
#include "ingest/ingestqueuedelegate.h"

#include "icons.h"
#include "models/ingestqueuemodel.h"

#include <QApplication>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOption>

namespace trove::ui {

namespace {

constexpr int kPad = 6;
constexpr int kIcon = 16;
constexpr int kButton = 24;
constexpr int kBarWidth = 160;

QColor failureColor(const QPalette &palette)
{
    // Readable red on light and on dark backgrounds.
    return palette.color(QPalette::Base).lightness() > 128 ? QColor(0xb0, 0x1e, 0x1e)
                                                           : QColor(0xff, 0x7b, 0x72);
}

} // namespace

IngestQueueDelegate::IngestQueueDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
    // Indexed by IngestState.
    m_stateIcons = {
        icon(Icon::Waiting),
        icon(Icon::Download),
        icon(Icon::Processing),
        icon(Icon::Done),
        icon(Icon::Info),
        icon(Icon::Error),
        icon(Icon::Stop),
    };
    m_cancelIcon = icon(Icon::Cancel);
    m_retryIcon = icon(Icon::Retry);
}

IngestQueueDelegate::~IngestQueueDelegate() = default;

QSize IngestQueueDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return { 320, 2 * option.fontMetrics.height() + 3 * kPad };
}

IngestQueueDelegate::Button IngestQueueDelegate::buttonFor(const QModelIndex &index)
{
    const auto state = IngestState(index.data(IngestQueueModel::StateRole).toInt());
    if (!isFinished(state))
        return Button::Cancel;
    if (index.data(IngestQueueModel::RemovedBeforeRole).toBool())
        return Button::AddAnyway;
    if (state == IngestState::Failed || state == IngestState::Cancelled)
        return Button::Retry;
    return Button::None;
}

QString IngestQueueDelegate::addAnywayText()
{
    return tr("Add Anyway");
}

QRect IngestQueueDelegate::buttonRect(
    const QRect &row, const QModelIndex &index, const QFontMetrics &font)
{
    const int width = buttonFor(index) == Button::AddAnyway
        ? font.horizontalAdvance(addAnywayText()) + 4 * kPad
        : kButton;
    return { row.right() - kPad - width, row.center().y() - kButton / 2, width, kButton };
}

QIcon IngestQueueDelegate::stateIcon(int state) const
{
    return m_stateIcons.value(state);
}

QString IngestQueueDelegate::detailText(const QModelIndex &index) const
{
    const auto state = IngestState(index.data(IngestQueueModel::StateRole).toInt());
    const QLocale locale;
    switch (state) {
    case IngestState::Downloading: {
        const qint64 received = index.data(IngestQueueModel::ReceivedRole).toLongLong();
        const qint64 total = index.data(IngestQueueModel::TotalRole).toLongLong();
        if (total > 0)
            return tr("%1 of %2")
                .arg(locale.formattedDataSize(received, 1), locale.formattedDataSize(total, 1));
        return tr("%1 received").arg(locale.formattedDataSize(received, 1));
    }
    case IngestState::Processing:
        return tr("Checking, compressing and storing…");
    case IngestState::Done:
    case IngestState::Duplicate:
        return tr("as “%1”").arg(index.data(IngestQueueModel::ImageNameRole).toString());
    case IngestState::Failed:
        return index.data(IngestQueueModel::ErrorRole).toString();
    case IngestState::Queued:
        return index.data(IngestQueueModel::NoteRole).toString();
    default:
        return {};
    }
}

void IngestQueueDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &opt, const QModelIndex &index) const
{
    QStyleOptionViewItem option = opt;
    initStyleOption(&option, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    option.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &option, painter, widget);

    painter->save();
    const QRect row = opt.rect;
    const int line = option.fontMetrics.height();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = (option.state & QStyle::State_Active) ? QPalette::Active : QPalette::Inactive;
    const QColor textColor
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const int stateValue = index.data(IngestQueueModel::StateRole).toInt();
    const auto state = IngestState(stateValue);

    const QRect iconRect(row.left() + kPad, row.top() + kPad + (line - kIcon) / 2, kIcon, kIcon);
    const QIcon::Mode iconMode = selected ? QIcon::Selected : QIcon::Normal;
    if (state == IngestState::Failed && !selected && !usesThemeIcons()) {
        // Trove's own icons are one colour: a failure takes the failure
        // text's red so it is found by eye in a long queue.
        QPixmap pixmap
            = stateIcon(stateValue).pixmap(iconRect.size(), painter->device()->devicePixelRatioF());
        QPainter tint(&pixmap);
        tint.setCompositionMode(QPainter::CompositionMode_SourceIn);
        tint.fillRect(pixmap.rect(), failureColor(option.palette));
        tint.end();
        painter->drawPixmap(iconRect, pixmap);
    } else {
        stateIcon(stateValue).paint(painter, iconRect, Qt::AlignCenter, iconMode);
    }

    const Button button = buttonFor(index);
    const QRect buttonArea = buttonRect(row, index, option.fontMetrics);
    const int right = row.right() - kPad - (button == Button::None ? 0 : buttonArea.width() + kPad);
    const int left = row.left() + kPad + kIcon + kPad;
    const QRect first(left, row.top() + kPad, right - left, line);
    const QRect second(left, first.bottom() + 1 + kPad, right - left, line);

    painter->setPen(textColor);
    const QString source = index.data(Qt::DisplayRole).toString(); // never a temp path
    painter->drawText(first, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(source, Qt::ElideMiddle, first.width()));

    QRect detailRect = second;
    QFont bold = option.font;
    bold.setBold(true);
    const QString stateText = IngestQueueModel::stateText(state);
    const int stateWidth = QFontMetrics(bold).horizontalAdvance(stateText) + kPad;
    painter->setFont(bold);
    if (state == IngestState::Failed && !selected)
        painter->setPen(failureColor(option.palette));
    painter->drawText(QRect(detailRect.left(), detailRect.top(), stateWidth, line),
        Qt::AlignLeft | Qt::AlignVCenter, stateText);
    painter->setFont(option.font);
    detailRect.setLeft(detailRect.left() + stateWidth + kPad);

    const int progress = index.data(IngestQueueModel::ProgressRole).toInt();
    if (state == IngestState::Downloading && detailRect.width() > kBarWidth + 40) {
        QStyleOptionProgressBar bar;
        bar.rect = QRect(detailRect.left(), detailRect.top() + 1, kBarWidth, line - 2);
        bar.minimum = 0;
        bar.maximum = progress < 0 ? 0 : 100;
        bar.progress = std::max(0, progress);
        bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
        bar.palette = option.palette;
        bar.textVisible = false;
        style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
        detailRect.setLeft(bar.rect.right() + kPad + 2);
    }
    if (state != IngestState::Failed || selected)
        painter->setPen(textColor);
    const QString detail = detailText(index);
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(detail, Qt::ElideRight, detailRect.width()));

    if (button == Button::AddAnyway) {
        QStyleOptionButton push;
        push.rect = buttonArea;
        push.text = addAnywayText();
        push.state = QStyle::State_Enabled | QStyle::State_Raised;
        push.palette = option.palette;
        push.fontMetrics = option.fontMetrics;
        style->drawControl(QStyle::CE_PushButton, &push, painter, widget);
    } else if (button != Button::None) {
        const QIcon &icon = button == Button::Cancel ? m_cancelIcon : m_retryIcon;
        icon.paint(painter, buttonArea.adjusted(4, 4, -4, -4), Qt::AlignCenter, iconMode);
    }
    painter->restore();
}

bool IngestQueueDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease || event->type() == QEvent::MouseButtonPress
        || event->type() == QEvent::MouseButtonDblClick) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const Button button = buttonFor(index);
        if (button != Button::None && mouse->button() == Qt::LeftButton
            && buttonRect(option.rect, index, option.fontMetrics)
                   .contains(mouse->position().toPoint())) {
            if (event->type() == QEvent::MouseButtonRelease)
                Q_EMIT buttonClicked(index, button);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace trove::ui

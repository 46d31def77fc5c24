// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace trove::ui {

/// Paints one ingest queue row (state icon, source, state text, a progress
/// bar with bytes while downloading, the reason when it failed) with a
/// cancel or retry button at its right end, or "Add Anyway" for bytes that
/// were removed from the library before. GUI thread.
class IngestQueueDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestQueueDelegate)

public:
    enum class Button { None, Cancel, Retry, AddAnyway };

    explicit IngestQueueDelegate(QObject *parent = nullptr);
    ~IngestQueueDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The button a row shows, given its state.
    static Button buttonFor(const QModelIndex &index);
    /// Where @p index's button is, in a row at @p row.
    static QRect buttonRect(const QRect &row, const QModelIndex &index, const QFontMetrics &font);
    static QString addAnywayText();

Q_SIGNALS:
    void buttonClicked(const QModelIndex &index, trove::ui::IngestQueueDelegate::Button button);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    QIcon stateIcon(int state) const;
    QString detailText(const QModelIndex &index) const;

    QList<QIcon> m_stateIcons;
    QIcon m_cancelIcon;
    QIcon m_retryIcon;
};

} // namespace trove::ui

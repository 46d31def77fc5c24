// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QWidget;

namespace trove::ui {

class GalleryView;

/// Drag to reorder: while the gallery shows a hand-made collection in its
/// hand order, the gallery's own drag dropped between thumbnails asks for
/// the selected images to move there (moveRequested), with a bar drawn
/// where they would land. In any other order (or with no collection) it
/// stays out of the way and a drag goes out as an export, as before.
/// Only the selection's loaded rows and the rows at the drop are looked
/// at, never the whole collection. GUI thread.
class CollectionReorder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionReorder)

public:
    /// At most this many selected images move in one drop.
    static constexpr int kMaxMoved = 10000;

    explicit CollectionReorder(GalleryView *view, QObject *parent = nullptr);
    ~CollectionReorder() override;

    /// The collection the gallery shows in its hand order; empty: none.
    void setCollection(const QString &name);
    QString collection() const { return m_collection; }

    /// The row before which a drop at @p pos (viewport coordinates) puts
    /// the images: the cell's left half is before it, the right half after
    /// it; below the last row, the end (the row count).
    int dropRow(const QPoint &pos) const;
    /// Drops the selected images before row @p row: emits moveRequested
    /// unless that changes nothing. Answers whether it did.
    bool dropAt(int row);
    /// The bar that shows where a drop lands (hidden when no drag is over).
    QWidget *indicator() const { return m_indicator; }
    /// Shows the bar where a drop at @p pos would land: at the left edge of
    /// the cell the images go before, or right of the last one.
    void showDropAt(const QPoint &pos);

Q_SIGNALS:
    /// Move @p keys (in gallery order) before @p beforeKey (0: to the end).
    void moveRequested(const QString &collection, const QList<qint64> &keys, qint64 beforeKey);
    void message(const QString &text, int timeoutMs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showIndicator(int row);

    GalleryView *m_view;
    QWidget *m_indicator;
    QString m_collection;
};

} // namespace trove::ui

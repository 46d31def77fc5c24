// SPDX-License-Identifier: MIT
#pragma once

#include <QCache>
#include <QElapsedTimer>
#include <QFont>
#include <QIcon>
#include <QStaticText>
#include <QStyledItemDelegate>
#include <functional>

namespace trove::ui {

/// Paints one gallery cell: the thumbnail (scaled once per size and kept in
/// QPixmapCache) centred in a square, or a placeholder until it arrives,
/// and the name, elided, below. Every cell has the same size, so the view
/// can lay out a million of them without asking each. GUI thread.
class GalleryDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryDelegate)

public:
    static constexpr int kMinThumbnail = 64;
    static constexpr int kMaxThumbnail = 256;
    static constexpr int kDefaultThumbnail = 160;

    explicit GalleryDelegate(QObject *parent = nullptr);
    ~GalleryDelegate() override;

    void setThumbnailSize(int size);
    int thumbnailSize() const { return m_size; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// A frame's work on what is not cached yet (scaling a thumbnail,
    /// laying out a name) stops after kFrameBudgetMs: the rest of the cells
    /// show their placeholder, and endFrame() says another frame is due.
    /// A batch removed from a million images put a screen of new images
    /// under the grid every few seconds: 10-17 ms of scaling and shaping
    /// in one paint. At least kFirstPerFrame new cells go in each frame.
    /// 3 ms and 2 cells were tried (2026-12-04): twice the frames per new
    /// screen, each with the cost of the rest of the cells and a flush to
    /// the X server, and bench/select-all at 1M had more gaps over 16 ms in
    /// paints (19 against 9), not fewer.
    void beginFrame();
    /// Whether cells were left for the next frame.
    bool endFrame();
    static constexpr int kFrameBudgetMs = 6;
    static constexpr int kFirstPerFrame = 4;

private:
    /// Whether this frame may still scale or lay out something new.
    bool mayPrepare() const;
    QPixmap thumbnailPixmap(const QImage &image, qint64 key, qreal dpr) const;
    void paintAnimationBadge(QPainter *painter, const QRectF &picture) const;
    /// Stars and a heart, bottom right, only for what is set.
    void paintMarks(QPainter *painter, const QRect &square, int rating, bool favourite) const;
    void paintPlaceholder(QPainter *painter, const QRect &square,
        const QStyleOptionViewItem &option, bool loaded) const;

    /// The name's label, elided to @p width and laid out once: shaping
    /// text was a third of the time of painting the grid. Null when this
    /// frame's budget is spent.
    const QStaticText *label(
        const QString &name, int width, const QFont &font, const QFontMetrics &metrics) const;

    int m_size = kDefaultThumbnail;
    QIcon m_damagedIcon;
    mutable QCache<QString, QStaticText> m_labels { 4000 };
    /// Thumbnails as scaled for the screen, by key, size and ratio; in
    /// KiB, with a floor per pixmap (GalleryThumbnails::thumbnailCost), so
    /// that tiny thumbnails are bounded by count too. Not QPixmapCache:
    /// its cost is only the pixels, and raised to fit a few screens of
    /// large thumbnails it kept 40,000 tiny ones (and their decoded
    /// images, which a pixmap shares) while a big paste streamed by.
    mutable QCache<QString, QPixmap> m_pixmaps;
    /// A picture drawn once per look (its key) and then blitted.
    struct Look {
        QPixmap pixmap;
        QString key;
    };
    /// @p look's pixmap of @p size, drawn anew by @p draw (antialiased,
    /// on transparent) when @p key differs from the one it was drawn for.
    const QPixmap &lookFor(Look &look, const QString &key, QSize size, qreal dpr,
        const std::function<void(QPainter &)> &draw) const;
    /// The placeholder, drawn once per size, colours and state and then
    /// blitted: a gallery filling with new images repaints whole screens
    /// of placeholders, and an antialiased rounded rectangle and glyph
    /// per cell kept the raster engine's fill threads waking.
    mutable Look m_placeholders[2];
    /// A selected and a hovered cell's tinted rounded box, likewise: after
    /// Select All every cell on screen rasterised its antialiased path in
    /// every paint. (The blit still hands its segments to Qt's pool, as
    /// gdb showed; what it saves is the rasterising.)
    void paintCellTint(QPainter *painter, const QRect &cell, const QColor &fill,
        const QColor &border, int which) const;
    mutable Look m_tints[2];
    mutable QFont m_labelFont;
    QElapsedTimer m_frameClock; ///< valid between beginFrame() and endFrame()
    mutable int m_preparedThisFrame = 0;
    mutable bool m_leftForNextFrame = false;
};

} // namespace trove::ui

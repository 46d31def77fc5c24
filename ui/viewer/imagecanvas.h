// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractScrollArea>
#include <QImage>
#include <QTimer>

namespace trove::ui {

/// Shows one image at a zoom: fit to the window (never enlarged) or a free
/// scale, zoomed with the wheel around the pointer, panned by dragging or
/// with the scroll bars. Zooms count the screen's own pixels: 100 % is one
/// image pixel on one device pixel, on a 2x screen too, as in Gwenview. Strongly reduced views are
/// painted from a smooth copy scaled on a pool thread; until it is there, from a fast bilinear
/// scale of the visible part only. Shows a message instead ("Loading…",
/// an error) when there is no image. GUI thread.
class ImageCanvas final : public QAbstractScrollArea {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageCanvas)

public:
    explicit ImageCanvas(QWidget *parent = nullptr);
    ~ImageCanvas() override;

    void setImage(const QImage &image);
    /// The next frame of an animation: same size, so the zoom and the
    /// scroll position stay.
    void setFrame(const QImage &frame);
    /// No image; @p text instead, with @p error styling.
    void setMessage(const QString &text, bool error = false);
    const QImage &image() const { return m_image; }

    bool isFit() const { return m_fit; }
    /// Full screen: a near-black surround, as photo viewers have.
    void setDarkSurround(bool dark);
    /// The zoom in use: 1.0 is 100 %, one image pixel per device pixel.
    qreal scale() const;

public Q_SLOTS:
    void zoomToFit();
    /// 100 %, showing the top of a tall image (where reading starts).
    void zoomToActual();
    /// The image's width fills the view (never enlarged), from the top.
    void zoomToWidth();
    void zoomIn();
    void zoomOut();

Q_SIGNALS:
    void zoomChanged(qreal scale, bool fit);
    /// A double-click: the viewer toggles full screen.
    void toggleFullScreenRequested();
    /// The person clicked or scrolled (a slideshow pauses).
    void interacted();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    /// A new theme: the surround is derived from the window colour.
    void changeEvent(QEvent *event) override;

private:
    bool m_darkSurround = false;
    qreal fitScale() const;
    /// Device pixels per logical pixel of the view (2 on a 2x screen).
    qreal ratio() const;
    /// Logical pixels per image pixel: what geometry is drawn with.
    qreal shownScale() const;
    void setScale(qreal scale, const QPointF &anchor);
    void updateScrollBars();
    QPointF imageOrigin() const;
    void requestSmooth();
    void paintMessage(QPainter &painter);

    QImage m_image;
    QString m_message;
    bool m_error = false;
    bool m_fit = true;
    qreal m_scale = 1.0;
    QPoint m_dragFrom;
    bool m_dragging = false;

    QImage m_smooth; ///< m_image scaled to m_smoothScale (device pixels), made off-thread
    qreal m_smoothScale = 0;
    quint64 m_smoothGeneration = 0;
    QTimer m_smoothTimer;
};

} // namespace trove::ui

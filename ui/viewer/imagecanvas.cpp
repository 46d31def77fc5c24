// SPDX-License-Identifier: MIT
#include "viewer/imagecanvas.h"

#include "base/futurewatch.h"
#include "base/platform.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

namespace trove::ui {

namespace {

constexpr qreal kMinScale = 0.01;
constexpr qreal kMaxScale = 32.0;
constexpr qreal kStep = 1.25;
constexpr int kSmoothDelayMs = 60;

} // namespace

ImageCanvas::ImageCanvas(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Image"));
    viewport()->setCursor(Qt::OpenHandCursor);
    setDarkSurround(false);
    viewport()->setBackgroundRole(QPalette::Window);
    viewport()->setAutoFillBackground(true);
    m_smoothTimer.setObjectName(QStringLiteral("viewerSmooth"));
    m_smoothTimer.setSingleShot(true);
    m_smoothTimer.setInterval(kSmoothDelayMs);
    connect(&m_smoothTimer, &QTimer::timeout, this, &ImageCanvas::requestSmooth);
}

ImageCanvas::~ImageCanvas() = default;

void ImageCanvas::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        setDarkSurround(m_darkSurround);
}

void ImageCanvas::setDarkSurround(bool dark)
{
    m_darkSurround = dark;
    QPalette p = viewport()->palette();
    p.setColor(QPalette::Window,
        dark ? QColor(0x10, 0x10, 0x10) : palette().color(QPalette::Window).darker(115));
    // Messages ("Loading…") stay readable on either.
    p.setColor(QPalette::WindowText,
        dark ? QColor(0xdd, 0xdd, 0xdd) : palette().color(QPalette::WindowText));
    viewport()->setPalette(p);
}

void ImageCanvas::setImage(const QImage &image)
{
    m_image = image;
    m_message.clear();
    m_error = false;
    m_smooth = QImage();
    m_smoothScale = 0;
    ++m_smoothGeneration;
    m_fit = true;
    updateScrollBars();
    m_smoothTimer.start();
    viewport()->update();
    Q_EMIT zoomChanged(scale(), m_fit);
}

void ImageCanvas::setFrame(const QImage &frame)
{
    if (frame.size() != m_image.size()) {
        setImage(frame);
        return;
    }
    m_image = frame;
    // Frames change faster than a smooth copy is made: paint directly.
    m_smooth = QImage();
    m_smoothScale = 0;
    ++m_smoothGeneration;
    viewport()->update();
}

void ImageCanvas::setMessage(const QString &text, bool error)
{
    m_image = QImage();
    m_smooth = QImage();
    ++m_smoothGeneration;
    m_message = text;
    m_error = error;
    updateScrollBars();
    viewport()->update();
}

qreal ImageCanvas::fitScale() const
{
    if (m_image.isNull())
        return 1.0;
    const QSizeF area = QSizeF(viewport()->size()) * ratio();
    const qreal s = std::min(area.width() / m_image.width(), area.height() / m_image.height());
    return std::clamp(s, kMinScale, 1.0);
}

qreal ImageCanvas::scale() const
{
    return m_fit ? fitScale() : m_scale;
}

qreal ImageCanvas::ratio() const
{
    return viewport()->devicePixelRatioF();
}

qreal ImageCanvas::shownScale() const
{
    return scale() / ratio();
}

void ImageCanvas::zoomToFit()
{
    m_fit = true;
    updateScrollBars();
    m_smoothTimer.start();
    viewport()->update();
    Q_EMIT zoomChanged(scale(), true);
}

void ImageCanvas::zoomToActual()
{
    setScale(1.0, QRectF(viewport()->rect()).center());
    verticalScrollBar()->setValue(0);
}

void ImageCanvas::zoomToWidth()
{
    if (m_image.isNull())
        return;
    const int width = viewport()->width();
    setScale(std::min(1.0, width * ratio() / m_image.width()), QRectF(viewport()->rect()).center());
    // A scroll bar may have appeared and taken some of the width.
    if (viewport()->width() != width)
        setScale(std::min(1.0, viewport()->width() * ratio() / m_image.width()),
            QRectF(viewport()->rect()).center());
    verticalScrollBar()->setValue(0);
}
void ImageCanvas::zoomIn()
{
    setScale(scale() * kStep, QRectF(viewport()->rect()).center());
}
void ImageCanvas::zoomOut()
{
    setScale(scale() / kStep, QRectF(viewport()->rect()).center());
}

QPointF ImageCanvas::imageOrigin() const
{
    const qreal s = shownScale();
    const QSizeF shown = QSizeF(m_image.size()) * s;
    const QSize area = viewport()->size();
    const qreal x = shown.width() < area.width() ? (area.width() - shown.width()) / 2.0
                                                 : -horizontalScrollBar()->value();
    const qreal y = shown.height() < area.height() ? (area.height() - shown.height()) / 2.0
                                                   : -verticalScrollBar()->value();
    return { x, y };
}

void ImageCanvas::setScale(qreal newScale, const QPointF &anchor)
{
    if (m_image.isNull())
        return;
    newScale = std::clamp(newScale, kMinScale, kMaxScale);
    // Keep the image point under the anchor where it is.
    const QPointF imagePoint = (anchor - imageOrigin()) / shownScale();
    m_fit = false;
    m_scale = newScale;
    updateScrollBars();
    const QPointF shownPoint = imagePoint * shownScale();
    horizontalScrollBar()->setValue(qRound(shownPoint.x() - anchor.x()));
    verticalScrollBar()->setValue(qRound(shownPoint.y() - anchor.y()));
    m_smoothTimer.start();
    viewport()->update();
    Q_EMIT zoomChanged(newScale, false);
}

void ImageCanvas::updateScrollBars()
{
    const QSize area = viewport()->size();
    const QSize shown
        = m_image.isNull() ? QSize() : (QSizeF(m_image.size()) * shownScale()).toSize();
    horizontalScrollBar()->setPageStep(area.width());
    verticalScrollBar()->setPageStep(area.height());
    horizontalScrollBar()->setRange(0, std::max(0, shown.width() - area.width()));
    verticalScrollBar()->setRange(0, std::max(0, shown.height() - area.height()));
}

void ImageCanvas::requestSmooth()
{
    const qreal s = scale();
    const qreal r = ratio();
    // Only strong reductions profit; near 1:1 the direct paint is exact.
    if (m_image.isNull() || s >= 0.75
        || (qFuzzyCompare(s, m_smoothScale) && qFuzzyCompare(r, m_smooth.devicePixelRatio())))
        return;
    // In device pixels: on a 2x screen a copy the size of the view in
    // logical pixels would be stretched to twice its size, blurred.
    const QSize target = (QSizeF(m_image.size()) * s).toSize();
    if (target.isEmpty())
        return;
    const quint64 generation = ++m_smoothGeneration;
    const QImage source = m_image;
    auto scaling = QtConcurrent::run(backgroundPool(), [source, target, r] {
        QImage scaled = source.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        scaled.setDevicePixelRatio(r);
        return scaled;
    });
    whenFinished(scaling, this, [this, generation, s](const QImage &scaled) {
        if (generation != m_smoothGeneration)
            return;
        m_smooth = scaled;
        m_smoothScale = s;
        viewport()->update();
    });
}

void ImageCanvas::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
    if (m_fit) {
        m_smoothTimer.start();
        Q_EMIT zoomChanged(scale(), true);
    }
}

void ImageCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    if (m_image.isNull()) {
        paintMessage(painter);
        return;
    }
    const qreal s = shownScale();
    const QPointF origin = imageOrigin();
    const QRectF shown(origin, QSizeF(m_image.size()) * s);
    const QRectF visible = shown.intersected(QRectF(viewport()->rect()));
    if (visible.isEmpty())
        return;
    const qreal r = m_smooth.devicePixelRatio();
    if (!m_smooth.isNull() && qFuzzyCompare(scale(), m_smoothScale) && qFuzzyCompare(r, ratio())) {
        // Its pixels are the screen's: the part in view, at 1:1.
        const QPointF at = visible.topLeft() - origin;
        painter.drawImage(visible.topLeft(), m_smooth, QRectF(at * r, visible.size() * r));
        return;
    }
    // Only the visible part is scaled, so a huge image costs what the
    // window's pixels cost.
    const QRectF source((visible.topLeft() - origin) / s, visible.size() / s);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale() < 1.0);
    painter.drawImage(visible, m_image, source);
}

void ImageCanvas::paintMessage(QPainter &painter)
{
    if (m_message.isEmpty())
        return;
    QFont font = this->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    painter.setFont(font);
    QColor color = viewport()->palette().color(QPalette::WindowText);
    if (!m_error)
        color.setAlphaF(0.7f);
    painter.setPen(color);
    painter.drawText(viewport()->rect().adjusted(20, 20, -20, -20),
        Qt::AlignCenter | Qt::TextWordWrap, m_message);
}

void ImageCanvas::wheelEvent(QWheelEvent *event)
{
    if (m_image.isNull())
        return;
    const qreal notches = event->angleDelta().y() / 120.0;
    if (qFuzzyIsNull(notches))
        return;
    setScale(scale() * std::pow(kStep, notches), event->position());
    event->accept();
    Q_EMIT interacted();
}

void ImageCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragFrom = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    Q_EMIT interacted();
    QAbstractScrollArea::mousePressEvent(event);
}

void ImageCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        const QPoint now = event->position().toPoint();
        const QPoint delta = now - m_dragFrom;
        m_dragFrom = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void ImageCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragging = false;
    viewport()->setCursor(Qt::OpenHandCursor);
    QAbstractScrollArea::mouseReleaseEvent(event);
}

void ImageCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    // As in photo viewers: a double-click is full screen (1 and 0 zoom).
    event->accept();
    Q_EMIT toggleFullScreenRequested();
}

void ImageCanvas::keyPressEvent(QKeyEvent *event)
{
    // Arrows and page keys page through images (the viewer's shortcuts),
    // not the scroll bars.
    event->ignore();
}

} // namespace trove::ui

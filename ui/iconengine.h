// SPDX-License-Identifier: MIT
#pragma once

#include <QIconEngine>

class QPalette;

namespace trove::ui {

/// One of Trove's own line icons: an SVG drawn in "currentColor", inked at
/// paint time in the application palette's text colour, so a palette switch
/// (light to dark) recolours every icon on the next repaint. GUI thread.
class PaletteIconEngine final : public QIconEngine {
public:
    /// @p resource is the SVG's path (":/icons/actions/zoom-in.svg"),
    /// @p name what QIcon::name() reports ("zoom-in").
    PaletteIconEngine(const QString &resource, const QString &name);
    ~PaletteIconEngine() override;

    /// The colour an icon in @p mode takes from @p palette: the window text,
    /// its disabled shade, or the highlighted text on a selection.
    static QColor ink(const QPalette &palette, QIcon::Mode mode);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(
        const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QList<QSize> availableSizes(QIcon::Mode mode, QIcon::State state) override;
    QString key() const override;
    QIconEngine *clone() const override;
    QString iconName() override;
    bool isNull() override;

private:
    PaletteIconEngine(const PaletteIconEngine &other) = default;
    PaletteIconEngine &operator=(const PaletteIconEngine &) = delete;

    QString m_resource;
    QString m_name;
    QByteArray m_svg; // "currentColor" marks the ink; read on first paint
};

} // namespace trove::ui

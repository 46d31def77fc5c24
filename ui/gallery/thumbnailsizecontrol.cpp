// SPDX-License-Identifier: MIT
#include "gallery/thumbnailsizecontrol.h"

#include "gallery/gallerydelegate.h"
#include "iconlabel.h"
#include "icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

namespace trove::ui {

ThumbnailSizeControl::ThumbnailSizeControl(QWidget *parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
{
    auto *glyph = new IconLabel(icon(Icon::ViewIcons), 16, this);
    m_slider->setRange(GalleryDelegate::kMinThumbnail, GalleryDelegate::kMaxThumbnail);
    m_slider->setSingleStep(8);
    m_slider->setPageStep(kStep);
    m_slider->setFixedWidth(140);
    m_slider->setValue(GalleryDelegate::kDefaultThumbnail);
    m_slider->setToolTip(tr("Thumbnail size"));
    m_slider->setAccessibleName(tr("Thumbnail size"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(glyph);
    layout->addWidget(m_slider);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Preferred);
    connect(m_slider, &QSlider::valueChanged, this, &ThumbnailSizeControl::sizeChanged);
}

ThumbnailSizeControl::~ThumbnailSizeControl() = default;

int ThumbnailSizeControl::size() const
{
    return m_slider->value();
}

void ThumbnailSizeControl::setSize(int size)
{
    const QSignalBlocker block(m_slider);
    m_slider->setValue(size);
}

} // namespace trove::ui

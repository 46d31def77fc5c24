// SPDX-License-Identifier: MIT
#include "bufferedhandler.h"

#include <QIODevice>
#include <QImage>

namespace trove {

bool BufferedHandler::load()
{
    if (m_loaded)
        return !m_loadFailed;
    m_loaded = true;
    QIODevice *dev = device();
    if (!dev || (!dev->isSequential() && dev->size() - dev->pos() > kMaxEncodedBytes)) {
        m_loadFailed = true;
        return false;
    }
    m_data = dev->read(kMaxEncodedBytes + 1);
    m_loadFailed = m_data.isEmpty() || m_data.size() > kMaxEncodedBytes;
    if (m_loadFailed)
        m_data.clear();
    return !m_loadFailed;
}

QImage BufferedHandler::allocate(QSize size, QImage::Format format)
{
    QImage image;
    if (!QImageIOHandler::allocateImage(size, format, &image))
        return {};
    return image;
}

} // namespace trove

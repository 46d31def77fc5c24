// SPDX-License-Identifier: MIT
#include "bufferedhandler.h"

#include <QIODevice>
#include <QImage>

namespace trove {

bool BufferedHandler::parsed() const
{
    if (m_state == State::Unread) {
        // Reading and parsing happen once, on the first question, which
        // QImageHandler asks through const members too.
        auto *self = const_cast<BufferedHandler *>(this);
        m_state = self->load() && self->parseHeader() ? State::Parsed : State::Failed;
    }
    return m_state == State::Parsed;
}

bool BufferedHandler::load()
{
    QIODevice *dev = device();
    if (!dev || (!dev->isSequential() && dev->size() - dev->pos() > kMaxEncodedBytes))
        return false;
    m_data = dev->read(kMaxEncodedBytes + 1);
    if (m_data.isEmpty() || m_data.size() > kMaxEncodedBytes) {
        m_data.clear();
        return false;
    }
    return true;
}

QImage BufferedHandler::allocate(QSize size, QImage::Format format)
{
    QImage image;
    if (!QImageIOHandler::allocateImage(size, format, &image))
        return {};
    return image;
}

} // namespace trove

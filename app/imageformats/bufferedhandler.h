// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImageIOHandler>
#include <QSize>

namespace trove {

/// A handler for a codec library that decodes from memory: the encoded
/// bytes are read from the device once, at the first question, and kept.
/// A file over kMaxEncodedBytes is refused before it is read.
class BufferedHandler : public QImageIOHandler {
public:
    static constexpr qint64 kMaxEncodedBytes = 512LL * 1024 * 1024;

protected:
    /// The device's bytes from where it stood; false when unreadable.
    bool load();
    const QByteArray &data() const { return m_data; }

    /// An image of @p size and @p format within Qt's allocation limit
    /// (QImageReader::setAllocationLimit); null when over it.
    static QImage allocate(QSize size, QImage::Format format);

private:
    QByteArray m_data;
    bool m_loaded = false;
    bool m_loadFailed = false;
};

} // namespace trove

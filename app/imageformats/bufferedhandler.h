// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImageIOHandler>
#include <QSize>

namespace trove {

/// A handler for a codec library that decodes from memory: the encoded
/// bytes are read from the device once, at the first question, and kept,
/// and the subclass's parseHeader() runs once on them. A file over
/// kMaxEncodedBytes is refused before it is read.
class BufferedHandler : public QImageIOHandler {
public:
    static constexpr qint64 kMaxEncodedBytes = 512LL * 1024 * 1024;

protected:
    /// Whether the bytes were read and their header parsed: the first call
    /// reads the device from where it stood and runs parseHeader(); later
    /// calls answer what it said.
    bool parsed() const;
    /// Whether parsed() has run and succeeded, without running it.
    bool parsedOk() const { return m_state == State::Parsed; }
    /// Reads the header of data() (size, frames); false when it is none.
    virtual bool parseHeader() = 0;
    const QByteArray &data() const { return m_data; }

    /// An image of @p size and @p format within Qt's allocation limit
    /// (QImageReader::setAllocationLimit); null when over it.
    static QImage allocate(QSize size, QImage::Format format);

private:
    bool load();

    enum class State { Unread, Parsed, Failed };
    mutable State m_state = State::Unread;
    QByteArray m_data;
};

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace trove {

/// Codec chatter: libpng's "known incorrect sRGB profile", libtiff's unknown
/// tags, OpenJPEG's notes. Off by default;
/// `QT_LOGGING_RULES="trove.codec.debug=true"` turns it on.
Q_DECLARE_LOGGING_CATEGORY(lcCodec)

/// Marks the current thread as decoding an image while it lives. Messages
/// Qt's own image handlers send with qWarning() meanwhile (they have no
/// category of their own) go to lcCodec once installCodecMessageFilter()
/// has run. Nests; any thread.
class CodecScope final {
public:
    CodecScope();
    ~CodecScope();
    CodecScope(const CodecScope &) = delete;
    CodecScope &operator=(const CodecScope &) = delete;

    static bool active();
};

/// Installs a message handler, in front of the one in place, that turns
/// warnings sent inside a CodecScope into lcCodec debug messages. Call once
/// at start-up, before any thread decodes.
void installCodecMessageFilter();

} // namespace trove

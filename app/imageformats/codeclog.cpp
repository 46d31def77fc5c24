// SPDX-License-Identifier: MIT
#include "codeclog.h"

#include <cstdarg>
#include <cstdio>
#include <tiffio.h>

namespace trove {

Q_LOGGING_CATEGORY(lcCodec, "trove.codec", QtInfoMsg)

namespace {

thread_local int t_depth = 0;
QtMessageHandler s_previous = nullptr;

void filterCodecMessages(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    const bool chatter
        = (type == QtWarningMsg || type == QtInfoMsg || type == QtDebugMsg) && CodecScope::active();
    if (!chatter) {
        s_previous(type, context, text);
        return;
    }
    if (!lcCodec().isDebugEnabled())
        return;
    QMessageLogContext codec(
        context.file, context.line, context.function, lcCodec().categoryName());
    s_previous(QtDebugMsg, codec, text);
}

// libtiff prints to stderr itself unless told otherwise, process-wide;
// Qt's TIFF plugin shares the library with us.
void tiffMessage(const char *module, const char *format, va_list args)
{
    if (!lcCodec().isDebugEnabled())
        return;
    char text[1024];
    std::vsnprintf(text, sizeof text, format, args);
    qCDebug(lcCodec, "libtiff %s: %s", module ? module : "", text);
}

} // namespace

CodecScope::CodecScope()
{
    ++t_depth;
}

CodecScope::~CodecScope()
{
    --t_depth;
}

bool CodecScope::active()
{
    return t_depth > 0;
}

void installCodecMessageFilter()
{
    if (s_previous)
        return;
    // Qt hands back its default handler when none was installed.
    s_previous = qInstallMessageHandler(filterCodecMessages);
    TIFFSetWarningHandler(tiffMessage);
    TIFFSetErrorHandler(tiffMessage);
}

} // namespace trove

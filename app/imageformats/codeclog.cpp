// SPDX-License-Identifier: MIT
#include "codeclog.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <tiffio.h>
#if defined(__GLIBC__)
#include <unistd.h>
#endif

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

// Qt's PNG reader gives libpng no error function, so libpng's default one
// prints "libpng error: IDAT: CRC error" (and a newline, in a second call)
// to stderr itself before Qt reports the failure; libjxl prints its own
// failures there too. stderr becomes an
// unbuffered stream that passes everything through to file descriptor 2
// except those lines, which go to trove.codec. Unbuffered, so each fprintf
// arrives whole; the newline that follows a libpng line is recognised per
// thread, so another thread's output is never taken for it.
#if defined(__GLIBC__) // fopencookie
thread_local bool t_swallowNewline = false;

void writeFd2(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(STDERR_FILENO, data, size);
        if (n <= 0)
            return;
        data += n;
        size -= size_t(n);
    }
}

ssize_t filterStderr(void *, const char *data, size_t size)
{
    const bool newlineOnly = size == 1 && data[0] == '\n';
    if (t_swallowNewline && newlineOnly) {
        t_swallowNewline = false;
        return ssize_t(size);
    }
    t_swallowNewline = false;
    // libjxl (as Debian builds it) prints its failures as
    // "./lib/jxl/decode.cc:2143: missing input".
    const auto startsWith = [&](const char *prefix) {
        const size_t n = std::strlen(prefix);
        return size >= n && std::memcmp(data, prefix, n) == 0;
    };
    if (startsWith("libpng ") || startsWith("./lib/jxl/")) {
        const bool whole = data[size - 1] == '\n';
        t_swallowNewline = !whole;
        if (lcCodec().isDebugEnabled()) {
            constexpr char category[] = "trove.codec: ";
            writeFd2(category, sizeof category - 1);
            writeFd2(data, whole ? size - 1 : size);
            writeFd2("\n", 1);
        }
        return ssize_t(size);
    }
    writeFd2(data, size);
    return ssize_t(size);
}

void filterLibpngOnStderr()
{
    cookie_io_functions_t io {};
    io.write = filterStderr;
    FILE *filtered = fopencookie(nullptr, "w", io);
    if (!filtered)
        return;
    std::setvbuf(filtered, nullptr, _IONBF, 0);
    std::fflush(stderr);
    stderr = filtered;
}
#else
void filterLibpngOnStderr() { }
#endif

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
    filterLibpngOnStderr();
}

} // namespace trove

// SPDX-License-Identifier: MIT
#include "formatsplugin.h"

#include "apnghandler.h"
#include "avifhandler.h"
#include "heifhandler.h"
#include "helperhandler.h"
#include "jp2handler.h"
#include "jxlhandler.h"

#include <QIODevice>

namespace trove {

QByteArray TroveImageFormatsPlugin::formatOf(const QByteArray &head)
{
    if (AvifHandler::canRead(head))
        return QByteArrayLiteral("avif");
    if (HeifHandler::canRead(head))
        return QByteArrayLiteral("heic");
    if (JxlHandler::canRead(head))
        return QByteArrayLiteral("jxl");
    if (Jp2Handler::canRead(head))
        return head.startsWith("\xff\x4f") ? QByteArrayLiteral("j2k") : QByteArrayLiteral("jp2");
    // Decoded in the trove-decode helper process.
    return HelperHandler::signatureFormat(head);
}

QImageIOPlugin::Capabilities TroveImageFormatsPlugin::capabilities(
    QIODevice *device, const QByteArray &format) const
{
    // Read only, and only what the content says: a file named .avif that
    // holds a PNG goes to the PNG reader.
    if (!device) {
        static const QByteArrayList keys { "avif", "heic", "heif", "jxl", "jp2", "j2k", "psd",
            "dds", "sgi", "pcx" };
        return keys.contains(format) ? Capabilities(CanRead) : Capabilities();
    }
    if (!device->isReadable())
        return {};
    if (!formatOf(device->peek(128)).isEmpty() || ApngHandler::canRead(device))
        return CanRead;
    return {};
}

QImageIOHandler *TroveImageFormatsPlugin::create(QIODevice *device, const QByteArray &format) const
{
    QByteArray key = device ? formatOf(device->peek(128)) : QByteArray();
    // Only an animated PNG: Qt's own reader takes any other.
    if (key.isEmpty() && ApngHandler::canRead(device))
        key = QByteArrayLiteral("png");
    if (key.isEmpty())
        key = format == "heif" ? QByteArrayLiteral("heic") : format;
    QImageIOHandler *handler = nullptr;
    if (key == "png")
        handler = new ApngHandler;
    else if (key == "avif")
        handler = new AvifHandler;
    else if (key == "heic")
        handler = new HeifHandler;
    else if (key == "jxl")
        handler = new JxlHandler;
    else if (key == "jp2" || key == "j2k")
        handler = new Jp2Handler;
    else if (key == "psd" || key == "dds" || key == "sgi" || key == "pcx")
        handler = new HelperHandler(key);
    else
        return nullptr;
    handler->setDevice(device);
    handler->setFormat(key);
    return handler;
}

} // namespace trove

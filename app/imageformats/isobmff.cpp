// SPDX-License-Identifier: MIT
#include "isobmff.h"

#include <QIODevice>
#include <QtEndian>

namespace trove::isobmff {

QByteArray formatFromBrands(const QByteArray &head)
{
    if (head.size() < 16 || head.mid(4, 4) != "ftyp")
        return {};
    const quint32 boxSize = qFromBigEndian<quint32>(head.constData());
    const qsizetype end = qMin<qsizetype>(head.size(), boxSize < 16 ? 16 : qsizetype(boxSize));
    bool avif = false;
    bool heic = false;
    auto look = [&](QByteArrayView brand) {
        avif = avif || brand == "avif" || brand == "avis";
        heic = heic || brand == "heic" || brand == "heix" || brand == "heim" || brand == "heis"
            || brand == "hevc" || brand == "hevx";
    };
    look(QByteArrayView(head).sliced(8, 4));
    for (qsizetype at = 16; at + 4 <= end; at += 4)
        look(QByteArrayView(head).sliced(at, 4));
    if (avif)
        return QByteArrayLiteral("avif");
    if (heic)
        return QByteArrayLiteral("heic");
    return {};
}

bool boxesComplete(QIODevice &device)
{
    const qint64 total = device.size();
    qint64 at = 0;
    while (at < total) {
        if (!device.seek(at))
            return false;
        const QByteArray header = device.read(16);
        if (header.size() < 8)
            return false;
        quint64 size = qFromBigEndian<quint32>(header.constData());
        if (size == 0) // the last box runs to the end of the file
            return true;
        if (size == 1) {
            if (header.size() < 16)
                return false;
            size = qFromBigEndian<quint64>(header.constData() + 8);
            if (size < 16)
                return false;
        } else if (size < 8) {
            return false;
        }
        if (size > quint64(total - at))
            return false;
        at += qint64(size);
    }
    return true;
}

} // namespace trove::isobmff

// SPDX-License-Identifier: MIT
#include "encodedfiles.h"

#include "imagefactory.h"
#include "testfiles.h"

#include <QCryptographicHash>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>

namespace trove::test {

namespace {

void putBe32(QByteArray &bytes, qsizetype at, quint32 value)
{
    qToBigEndian<quint32>(value, bytes.data() + at);
}

/// Where the payload of the first box of @p type starts (after its size,
/// type and, for full boxes, @p fullBox's version and flags); -1 if none.
qsizetype boxPayload(const QByteArray &file, const char *type, bool fullBox)
{
    const qsizetype at = file.indexOf(type);
    if (at < 4)
        return -1;
    return at + 4 + (fullBox ? 4 : 0);
}

} // namespace

QByteArray EncodedFiles::encode(const QString &tool, const QStringList &args, const Inputs &inputs,
    const QString &outName, QString *why)
{
    static QHash<QByteArray, QPair<QByteArray, QString>> cache;
    QCryptographicHash key(QCryptographicHash::Sha256);
    key.addData(
        (tool + QLatin1Char('\n') + args.join(QLatin1Char('\n')) + QLatin1Char('\n') + outName)
            .toUtf8());
    for (const auto &[name, bytes] : inputs) {
        key.addData(name.toUtf8());
        key.addData(bytes);
    }
    const QByteArray k = key.result();
    if (const auto hit = cache.constFind(k); hit != cache.cend()) {
        *why = hit->second;
        return hit->first;
    }

    QByteArray bytes;
    QString reason;
    QTemporaryDir dir;
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        reason = QStringLiteral("%1 is not installed").arg(tool);
    } else {
        QStringList resolved;
        for (QString a : args) {
            for (int i = 0; i < inputs.size(); ++i)
                a.replace(QStringLiteral("%in%1").arg(i), dir.filePath(inputs[i].first));
            a.replace(QStringLiteral("%out"), dir.filePath(outName));
            resolved << a;
        }
        for (const auto &[name, input] : inputs)
            writeFile(dir.filePath(name), input);
        QProcess p;
        p.start(program, resolved);
        if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit
            || p.exitCode() != 0)
            reason = QStringLiteral("%1 failed: %2")
                         .arg(tool, QString::fromLocal8Bit(p.readAllStandardError()));
        else
            bytes = readFile(dir.filePath(outName));
    }
    cache.insert(k, { bytes, reason });
    *why = reason;
    return bytes;
}

QByteArray EncodedFiles::flat(const QByteArray &format, int width, int height, QString *why)
{
    const QByteArray png
        = ImageFactory::encode(ImageFactory::solid(width, height, QColor(220, 30, 30)), "png");
    const Inputs in { { QStringLiteral("flat.png"), png } };
    const QString in0 = QStringLiteral("%in0");
    const QString out = QStringLiteral("%out");
    if (format == "avif")
        return encode(QStringLiteral("avifenc"),
            { QStringLiteral("-s"), QStringLiteral("10"), in0, out }, in,
            QStringLiteral("flat.avif"), why);
    if (format == "heic")
        return encode(QStringLiteral("heif-enc"),
            { QStringLiteral("-q"), QStringLiteral("10"), QStringLiteral("-p"),
                QStringLiteral("preset=ultrafast"), in0, QStringLiteral("-o"), out },
            in, QStringLiteral("flat.heic"), why);
    if (format == "jxl")
        return encode(QStringLiteral("cjxl"),
            { in0, out, QStringLiteral("-e"), QStringLiteral("1"), QStringLiteral("-d"),
                QStringLiteral("1") },
            in, QStringLiteral("flat.jxl"), why);
    if (format == "jp2" || format == "j2k")
        return encode(QStringLiteral("opj_compress"),
            { QStringLiteral("-i"), in0, QStringLiteral("-o"), out }, in,
            QStringLiteral("flat.") + QString::fromLatin1(format), why);
    *why = QStringLiteral("no encoder for %1").arg(QString::fromLatin1(format));
    return {};
}

QByteArray EncodedFiles::isobmffDeclaring(QByteArray file, quint32 width, quint32 height)
{
    // ispe: version and flags, then width and height. heif-enc writes one
    // for the coded image and one for what its crop shows: all must lie.
    bool found = false;
    for (qsizetype at = file.indexOf("ispe"); at >= 4 && at + 16 <= file.size();
         at = file.indexOf("ispe", at + 4)) {
        putBe32(file, at + 8, width);
        putBe32(file, at + 12, height);
        found = true;
    }
    return found ? file : QByteArray();
}

QByteArray EncodedFiles::jpeg2000Declaring(QByteArray file, quint32 width, quint32 height)
{
    // ihdr (JP2 only): height, then width.
    if (const qsizetype ihdr = boxPayload(file, "ihdr", false);
        ihdr >= 0 && ihdr + 8 <= file.size()) {
        putBe32(file, ihdr, height);
        putBe32(file, ihdr + 4, width);
    }
    // SIZ: FF51, Lsiz, Rsiz, Xsiz, Ysiz, XOsiz, YOsiz, XTsiz, YTsiz.
    const qsizetype siz = file.indexOf(QByteArray::fromHex("ff51"));
    if (siz < 0 || siz + 30 > file.size())
        return {};
    putBe32(file, siz + 6, width);
    putBe32(file, siz + 10, height);
    putBe32(file, siz + 22, width);
    putBe32(file, siz + 26, height);
    return file;
}

QByteArray EncodedFiles::jxlDeclaring(quint32 width, quint32 height)
{
    // ISO/IEC 18181-1 SizeHeader, bits least significant first: div8 = 0,
    // then each side minus one as U32 with selector 2 (18 bits); ratio 0
    // (the width is given); ImageMetadata all_default = 1.
    QList<int> bits;
    auto put = [&bits](quint32 value, int count) {
        for (int i = 0; i < count; ++i)
            bits << int((value >> i) & 1);
    };
    put(0, 1);
    put(2, 2);
    put(height - 1, 18);
    put(0, 3);
    put(2, 2);
    put(width - 1, 18);
    put(1, 1);
    QByteArray out = QByteArray::fromHex("ff0a");
    for (qsizetype i = 0; i < bits.size(); i += 8) {
        int byte = 0;
        for (int k = 0; k < 8 && i + k < bits.size(); ++k)
            byte |= bits[i + k] << k;
        out.append(char(byte));
    }
    return out + QByteArray(64, '\0');
}

QByteArray EncodedFiles::avifSequenceClaiming(QByteArray sequence, quint32 frames)
{
    // stsz: sample size (now fixed: the first sample's), sample count;
    // stts: one entry, its sample count; stsc: one entry, samples per chunk.
    const qsizetype stsz = boxPayload(sequence, "stsz", true);
    const qsizetype stts = boxPayload(sequence, "stts", true);
    const qsizetype stsc = boxPayload(sequence, "stsc", true);
    if (stsz < 0 || stts < 0 || stsc < 0 || stsz + 12 > sequence.size())
        return {};
    const quint32 firstSize = qFromBigEndian<quint32>(sequence.constData() + stsz + 8);
    putBe32(sequence, stsz, firstSize);
    putBe32(sequence, stsz + 4, frames);
    putBe32(sequence, stts + 4, frames);
    putBe32(sequence, stsc + 8, frames);
    return sequence;
}

} // namespace trove::test

// SPDX-License-Identifier: MIT
#include "helperhandler.h"

#include "codeclog.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QVariant>
#include <QtEndian>
#include <csignal>
#include <cstring>

namespace trove {

namespace {

constexpr int kDefaultTimeoutMs = 30'000;
constexpr int kHelperMaxSide = 65'535;

quint16 be16(const QByteArray &d, qsizetype at)
{
    return qFromBigEndian<quint16>(d.constData() + at);
}
quint32 be32(const QByteArray &d, qsizetype at)
{
    return qFromBigEndian<quint32>(d.constData() + at);
}
quint16 le16(const QByteArray &d, qsizetype at)
{
    return qFromLittleEndian<quint16>(d.constData() + at);
}
quint32 le32(const QByteArray &d, qsizetype at)
{
    return qFromLittleEndian<quint32>(d.constData() + at);
}

bool isPcx(const QByteArray &h)
{
    // ZSoft: manufacturer 10, version 0-5, RLE or none, 1-8 bits a plane,
    // a window whose end is not before its start, reserved byte 0.
    if (h.size() < 128 || quint8(h[0]) != 0x0A || quint8(h[1]) > 5 || quint8(h[2]) > 1
        || h[64] != 0)
        return false;
    const int bits = quint8(h[3]);
    return (bits == 1 || bits == 2 || bits == 4 || bits == 8) && le16(h, 8) >= le16(h, 4)
        && le16(h, 10) >= le16(h, 6);
}

bool isTga(const QByteArray &h)
{
    if (h.size() < 18)
        return false;
    const int mapType = quint8(h[1]);
    const int type = quint8(h[2]);
    const int mapEntry = quint8(h[7]);
    const int depth = quint8(h[16]);
    const int descriptor = quint8(h[17]);
    const bool mapped = type == 1 || type == 9;
    const bool typeOk = mapped || type == 2 || type == 3 || type == 10 || type == 11;
    if (!typeOk || mapType > 1 || (mapped && mapType != 1) || le16(h, 12) == 0 || le16(h, 14) == 0
        || (descriptor & 0xC0) != 0)
        return false;
    if (mapType == 1 && mapEntry != 15 && mapEntry != 16 && mapEntry != 24 && mapEntry != 32)
        return false;
    if (mapType == 0 && (le16(h, 5) != 0 || mapEntry != 0))
        return false;
    if (mapped || type == 3 || type == 11)
        return depth == 8 || (!mapped && depth == 16);
    return depth == 15 || depth == 16 || depth == 24 || depth == 32;
}

QString upper(const QByteArray &format)
{
    return QString::fromLatin1(format).toUpper();
}

} // namespace

HelperHandler::HelperHandler(const QByteArray &format)
    : m_format(format)
{
}

QByteArray HelperHandler::signatureFormat(const QByteArray &head)
{
    if (head.startsWith("8BPS") && head.size() >= 6 && be16(head, 4) == 1)
        return QByteArrayLiteral("psd");
    if (head.startsWith("DDS ") && head.size() >= 8 && le32(head, 4) == 124)
        return QByteArrayLiteral("dds");
    // SGI: magic 474, RLE or verbatim, 1 or 2 bytes a sample.
    if (head.size() >= 12 && be16(head, 0) == 474 && quint8(head[2]) <= 1
        && (head[3] == 1 || head[3] == 2))
        return QByteArrayLiteral("sgi");
    if (isPcx(head))
        return QByteArrayLiteral("pcx");
    return {};
}

QByteArray HelperHandler::fallbackFormat(const QByteArray &head)
{
    if (QByteArray f = signatureFormat(head); !f.isEmpty())
        return f;
    if (head.startsWith(QByteArray("II*\0", 4)) || head.startsWith(QByteArray("MM\0*", 4)))
        return QByteArrayLiteral("tiff");
    if (isTga(head))
        return QByteArrayLiteral("tga");
    return {};
}

QString HelperHandler::helperPath()
{
    if (const QString env = qEnvironmentVariable("TROVE_DECODE_HELPER"); !env.isEmpty())
        return env;
    const QString dir = QCoreApplication::applicationDirPath();
    for (const QString &candidate : { dir + QStringLiteral("/trove-decode"),
             dir + QStringLiteral("/../libexec/trove/trove-decode") }) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return {};
}

int HelperHandler::timeoutMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("TROVE_DECODE_TIMEOUT_MS", &ok);
    return ok && ms > 0 ? ms : kDefaultTimeoutMs;
}

bool HelperHandler::canRead() const
{
    if (m_read)
        return false;
    if (!device())
        return false;
    if (m_format == "tiff" || m_format == "tga")
        return true; // asked for by name, as a fallback
    return signatureFormat(device()->peek(128)) == m_format;
}

bool HelperHandler::parseHeader()
{
    const QByteArray &d = data();
    QSize size;
    if (m_format == "psd" && d.size() >= 26) {
        size = QSize(int(be32(d, 18)), int(be32(d, 14)));
    } else if (m_format == "dds" && d.size() >= 20) {
        size = QSize(int(le32(d, 16)), int(le32(d, 12)));
    } else if (m_format == "sgi" && d.size() >= 12) {
        size = QSize(be16(d, 6), be16(d, 8));
    } else if (m_format == "pcx" && d.size() >= 128) {
        size = QSize(le16(d, 8) - le16(d, 4) + 1, le16(d, 10) - le16(d, 6) + 1);
    } else if (m_format == "tga" && d.size() >= 18) {
        size = QSize(le16(d, 12), le16(d, 14));
    } else if (m_format == "tiff") {
        // libtiff reads the first directory; Qt's TIFF plugin asks it.
        QBuffer buffer;
        buffer.setData(d);
        buffer.open(QIODevice::ReadOnly);
        size = QImageReader(&buffer, "tiff").size();
    }
    if (size.width() <= 0 || size.height() <= 0) {
        m_error = QStringLiteral("unsupported or corrupt image (%1): no valid header")
                      .arg(QString::fromLatin1(m_format));
        return false;
    }
    m_size = size;
    return true;
}

bool HelperHandler::read(QImage *image)
{
    if (m_read || !parsed())
        return false;
    m_read = true;
    return runHelper(image);
}

bool HelperHandler::runHelper(QImage *image)
{
    const QString program = helperPath();
    const QString name = upper(m_format);
    if (program.isEmpty()) {
        m_error = QStringLiteral("the %1 decoder (trove-decode) is not installed").arg(name);
        return false;
    }
    // A private, empty working folder: the helper can write nothing, and
    // whatever it leaves behind goes with the folder.
    QTemporaryDir work(QDir::tempPath() + QStringLiteral("/trove-decode-XXXXXX"));
    if (!work.isValid()) {
        m_error = QStringLiteral("cannot create a folder for the %1 decoder").arg(name);
        return false;
    }
    const qint64 allocationMiB = QImageReader::allocationLimit();
    const qint64 maxPixels = allocationMiB > 0 ? allocationMiB * 1024 * 1024 / 4 : 100'000'000;
    const int box = m_scaledSize.isValid() ? qMax(m_scaledSize.width(), m_scaledSize.height()) : 0;

    QProcess helper;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    env.insert(QStringLiteral("MAGICK_THREAD_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("MAGICK_TMPDIR"), work.path());
    env.insert(QStringLiteral("TMPDIR"), work.path());
    helper.setProcessEnvironment(env);
    helper.setWorkingDirectory(work.path());
    helper.start(program,
        { QString::fromLatin1(m_format), QString::number(maxPixels),
            QString::number(kHelperMaxSide), QString::number(box) });
    if (!helper.waitForStarted(timeoutMs())) {
        m_error = QStringLiteral("the %1 decoder could not be started: %2")
                      .arg(name, helper.errorString());
        return false;
    }
    helper.write(data());
    helper.closeWriteChannel();
    if (!helper.waitForFinished(timeoutMs())) {
        helper.kill();
        helper.waitForFinished(5'000);
        m_error = QStringLiteral("the %1 decoder took longer than %2 s")
                      .arg(name)
                      .arg(timeoutMs() / 1000.0, 0, 'g', 3);
        return false;
    }
    const QByteArray err = helper.readAllStandardError();
    if (helper.exitStatus() == QProcess::CrashExit) {
        const int signal = helper.exitCode();
        if (signal == SIGXCPU)
            m_error = QStringLiteral("the %1 decoder used more than its CPU time").arg(name);
        else if (signal == SIGKILL)
            m_error = QStringLiteral("the %1 decoder was killed (out of time or memory)").arg(name);
        else
            m_error = QStringLiteral("the %1 decoder crashed (signal %2)").arg(name).arg(signal);
        qCDebug(lcCodec) << "trove-decode:" << err;
        return false;
    }
    if (helper.exitCode() != 0) {
        const QString line = QString::fromUtf8(err).section(QLatin1Char('\n'), 0, 0).trimmed();
        if (line == QLatin1String("truncated image"))
            m_error = QStringLiteral("truncated image (%1)").arg(QString::fromLatin1(m_format));
        else if (line.startsWith(QLatin1String("image too large")))
            m_error = line;
        else
            m_error = QStringLiteral("unsupported or corrupt image (%1): %2")
                          .arg(QString::fromLatin1(m_format),
                              line.isEmpty() ? QStringLiteral("the decoder failed") : line);
        return false;
    }

    const QByteArray out = helper.readAllStandardOutput();
    quint32 header[6] = {};
    if (out.size() < qsizetype(sizeof header) || !out.startsWith("TRV1")) {
        m_error = QStringLiteral("the %1 decoder gave no image").arg(name);
        return false;
    }
    std::memcpy(header, out.constData(), sizeof header);
    const QSize size { int(header[1]), int(header[2]) };
    const bool wide = header[5] & 1;
    const bool alpha = header[5] & 2;
    const qsizetype rowBytes = qsizetype(size.width()) * (wide ? 8 : 4);
    if (size.isEmpty() || size.width() > kHelperMaxSide || size.height() > kHelperMaxSide
        || out.size() != qsizetype(sizeof header) + rowBytes * size.height()) {
        m_error = QStringLiteral("the %1 decoder gave a malformed image").arg(name);
        return false;
    }
    QImage result = allocate(size,
        wide ? (alpha ? QImage::Format_RGBA64 : QImage::Format_RGBX64)
             : (alpha ? QImage::Format_RGBA8888 : QImage::Format_RGBX8888));
    if (result.isNull()) {
        m_error = QStringLiteral("image too large: %1x%2").arg(size.width()).arg(size.height());
        return false;
    }
    const char *pixels = out.constData() + sizeof header;
    for (int y = 0; y < size.height(); ++y)
        std::memcpy(result.scanLine(y), pixels + rowBytes * y, size_t(rowBytes));
    if (m_scaledSize.isValid() && result.size() != m_scaledSize)
        result = result.scaled(m_scaledSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    *image = std::move(result);
    return true;
}

QVariant HelperHandler::option(ImageOption option) const
{
    if (option == Size && parsed())
        return m_size;
    if (option == ScaledSize)
        return m_scaledSize;
    return {};
}

void HelperHandler::setOption(ImageOption option, const QVariant &value)
{
    if (option == ScaledSize)
        m_scaledSize = value.toSize();
}

bool HelperHandler::supportsOption(ImageOption option) const
{
    return option == Size || option == ScaledSize;
}

} // namespace trove

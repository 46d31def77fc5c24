// SPDX-License-Identifier: MIT
#include "jp2handler.h"

#include "codeclog.h"

#include <QColorSpace>
#include <QIODevice>
#include <QImage>
#include <QVariant>
#include <algorithm>
#include <cstring>
#include <openjpeg.h>

namespace trove {

namespace {

const QByteArray kJp2Signature("\x00\x00\x00\x0c\x6a\x50\x20\x20\x0d\x0a\x87\x0a", 12);
const QByteArray kJ2kSignature("\xff\x4f\xff\x51", 4);

// OpenJPEG reads from a stream of callbacks; this one walks a byte array.
struct MemoryStream {
    const QByteArray *bytes = nullptr;
    qint64 at = 0;
};

OPJ_SIZE_T readBytes(void *buffer, OPJ_SIZE_T count, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    const qint64 left = s->bytes->size() - s->at;
    if (left <= 0)
        return OPJ_SIZE_T(-1);
    const qint64 n = std::min<qint64>(left, qint64(count));
    std::memcpy(buffer, s->bytes->constData() + s->at, size_t(n));
    s->at += n;
    return OPJ_SIZE_T(n);
}

OPJ_OFF_T skipBytes(OPJ_OFF_T count, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    const qint64 to = std::clamp<qint64>(s->at + count, 0, s->bytes->size());
    const OPJ_OFF_T moved = to - s->at;
    s->at = to;
    return moved;
}

OPJ_BOOL seekTo(OPJ_OFF_T offset, void *user)
{
    auto *s = static_cast<MemoryStream *>(user);
    if (offset < 0 || offset > s->bytes->size())
        return OPJ_FALSE;
    s->at = offset;
    return OPJ_TRUE;
}

void toCodecLog(const char *message, void *)
{
    qCDebug(lcCodec) << "openjpeg:" << QByteArray(message).trimmed();
}

// A component sample as 0-255.
inline int to8Bit(OPJ_INT32 v, const opj_image_comp_t &c)
{
    if (c.sgnd)
        v += OPJ_INT32(1) << (c.prec - 1);
    if (c.prec > 8)
        v >>= (c.prec - 8);
    else if (c.prec < 8)
        v = v * 255 / ((1 << c.prec) - 1);
    return std::clamp(int(v), 0, 255);
}

} // namespace

struct Jp2Handler::Decoder {
    MemoryStream memory;
    opj_stream_t *stream = nullptr;
    opj_codec_t *codec = nullptr;
    opj_image_t *image = nullptr;
    int resolutions = 1;

    ~Decoder()
    {
        if (image)
            opj_image_destroy(image);
        if (codec)
            opj_destroy_codec(codec);
        if (stream)
            opj_stream_destroy(stream);
    }
};

Jp2Handler::Jp2Handler() = default;
Jp2Handler::~Jp2Handler() = default;

bool Jp2Handler::canRead(const QByteArray &head)
{
    return head.startsWith(kJp2Signature) || head.startsWith(kJ2kSignature);
}

bool Jp2Handler::canRead() const
{
    if (m_read)
        return false;
    if (!device())
        return false;
    const QByteArray head = device()->peek(12);
    if (!canRead(head))
        return false;
    setFormat(head.startsWith(kJp2Signature) ? "jp2" : "j2k");
    return true;
}

bool Jp2Handler::parseHeader()
{
    m_decoder = std::make_unique<Decoder>();
    Decoder &d = *m_decoder;
    d.memory.bytes = &data();
    d.stream = opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE);
    if (!d.stream)
        return false;
    opj_stream_set_user_data(d.stream, &d.memory, nullptr);
    opj_stream_set_user_data_length(d.stream, OPJ_UINT64(data().size()));
    opj_stream_set_read_function(d.stream, readBytes);
    opj_stream_set_skip_function(d.stream, skipBytes);
    opj_stream_set_seek_function(d.stream, seekTo);

    d.codec
        = opj_create_decompress(data().startsWith(kJp2Signature) ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K);
    if (!d.codec)
        return false;
    opj_set_info_handler(d.codec, toCodecLog, nullptr);
    opj_set_warning_handler(d.codec, toCodecLog, nullptr);
    opj_set_error_handler(d.codec, toCodecLog, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(d.codec, &parameters) || !opj_codec_set_threads(d.codec, 1)
        || !opj_read_header(d.stream, d.codec, &d.image) || !d.image || d.image->numcomps == 0)
        return false;
    if (opj_codestream_info_v2_t *info = opj_get_cstr_info(d.codec)) {
        if (info->m_default_tile_info.tccp_info)
            d.resolutions = int(
                std::max<OPJ_UINT32>(1, info->m_default_tile_info.tccp_info[0].numresolutions));
        opj_destroy_cstr_info(&info);
    }
    const opj_image_t &img = *d.image;
    if (img.x1 <= img.x0 || img.y1 <= img.y0 || img.x1 - img.x0 > 1u << 30
        || img.y1 - img.y0 > 1u << 30)
        return false;
    for (OPJ_UINT32 c = 0; c < img.numcomps; ++c) {
        const opj_image_comp_t &comp = img.comps[c];
        if (comp.prec < 1 || comp.prec > 31 || comp.dx == 0 || comp.dy == 0)
            return false;
    }
    m_size = QSize(int(img.x1 - img.x0), int(img.y1 - img.y0));
    return true;
}

bool Jp2Handler::read(QImage *out)
{
    if (m_read || !parsed())
        return false;
    m_read = true;
    Decoder &d = *m_decoder;

    // The lowest resolution that still covers the requested size.
    int reduce = 0;
    if (m_scaledSize.isValid() && !m_scaledSize.isEmpty()) {
        while (reduce + 1 < d.resolutions
            && (m_size.width() >> (reduce + 1)) >= m_scaledSize.width()
            && (m_size.height() >> (reduce + 1)) >= m_scaledSize.height())
            ++reduce;
    }
    if (reduce > 0 && !opj_set_decoded_resolution_factor(d.codec, OPJ_UINT32(reduce)))
        return false;
    if (!opj_decode(d.codec, d.stream, d.image) || !opj_end_decompress(d.codec, d.stream))
        return false;

    const opj_image_t &img = *d.image;
    const opj_image_comp_t &first = img.comps[0];
    const int width = int(first.w);
    const int height = int(first.h);
    if (width <= 0 || height <= 0)
        return false;
    for (OPJ_UINT32 c = 0; c < img.numcomps; ++c)
        if (!img.comps[c].data || img.comps[c].w == 0 || img.comps[c].h == 0)
            return false;

    const int n = int(img.numcomps);
    const bool cmyk = img.color_space == OPJ_CLRSPC_CMYK && n >= 4;
    const bool sycc = img.color_space == OPJ_CLRSPC_SYCC && n >= 3;
    const bool grey = n <= 2;
    const bool alpha = (grey && n == 2) || (!grey && !cmyk && n >= 4) || (cmyk && n >= 5);
    QImage image
        = allocate(QSize(width, height), alpha ? QImage::Format_RGBA8888 : QImage::Format_RGBX8888);
    if (image.isNull())
        return false;

    // Each component may be subsampled: sample it where the pixel falls.
    auto sample = [&](int c, int x, int y) {
        const opj_image_comp_t &comp = img.comps[c];
        const qint64 cx = qint64(x) * comp.w / width;
        const qint64 cy = qint64(y) * comp.h / height;
        return to8Bit(comp.data[cy * comp.w + cx], comp);
    };
    for (int y = 0; y < height; ++y) {
        uchar *row = image.scanLine(y);
        for (int x = 0; x < width; ++x) {
            int r, g, b, a = 255;
            if (grey) {
                r = g = b = sample(0, x, y);
                if (n == 2)
                    a = sample(1, x, y);
            } else if (cmyk) {
                const int k = 255 - sample(3, x, y);
                r = (255 - sample(0, x, y)) * k / 255;
                g = (255 - sample(1, x, y)) * k / 255;
                b = (255 - sample(2, x, y)) * k / 255;
                if (n >= 5)
                    a = sample(4, x, y);
            } else {
                r = sample(0, x, y);
                g = sample(1, x, y);
                b = sample(2, x, y);
                if (sycc) {
                    const double cb = g - 128.0, cr = b - 128.0, luma = r;
                    r = std::clamp(int(luma + 1.402 * cr + 0.5), 0, 255);
                    g = std::clamp(int(luma - 0.344136 * cb - 0.714136 * cr + 0.5), 0, 255);
                    b = std::clamp(int(luma + 1.772 * cb + 0.5), 0, 255);
                }
                if (n >= 4)
                    a = sample(3, x, y);
            }
            row[4 * x] = uchar(r);
            row[4 * x + 1] = uchar(g);
            row[4 * x + 2] = uchar(b);
            row[4 * x + 3] = uchar(a);
        }
    }
    if (img.icc_profile_buf && img.icc_profile_len > 0 && !cmyk)
        image.setColorSpace(QColorSpace::fromIccProfile(QByteArray(
            reinterpret_cast<const char *>(img.icc_profile_buf), qsizetype(img.icc_profile_len))));
    if (m_scaledSize.isValid() && !m_scaledSize.isEmpty() && image.size() != m_scaledSize)
        image = image.scaled(m_scaledSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    *out = std::move(image);
    return true;
}

QVariant Jp2Handler::option(ImageOption option) const
{
    if (option == Size && parsed())
        return m_size;
    if (option == ScaledSize)
        return m_scaledSize;
    return {};
}

void Jp2Handler::setOption(ImageOption option, const QVariant &value)
{
    if (option == ScaledSize)
        m_scaledSize = value.toSize();
}

bool Jp2Handler::supportsOption(ImageOption option) const
{
    return option == Size || option == ScaledSize;
}

} // namespace trove

// SPDX-License-Identifier: MIT
#include "magickdecoder.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <magick/MagickCore.h>

namespace trove::decodehelper {

namespace {

struct Coder {
    const char *format;
    const char *magick;
};
constexpr Coder kCoders[] = { { "psd", "PSD" }, { "dds", "DDS" }, { "sgi", "SGI" },
    { "pcx", "PCX" }, { "tga", "TGA" }, { "tiff", "TIFF" } };

// Only these coders may run, and nothing may be delegated to another
// program or read through a path indirection ("@file"). The explicit
// format already keeps ImageMagick from guessing; this is the second lock.
constexpr const char *kPolicy = R"(<policymap>
  <policy domain="delegate" rights="none" pattern="*"/>
  <policy domain="path" rights="none" pattern="@*"/>
  <policy domain="coder" rights="none" pattern="*"/>
  <policy domain="coder" rights="read" pattern="{PSD,DDS,SGI,PCX,TGA,TIFF}"/>
</policymap>)";

std::string oneLine(std::string text)
{
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    return text;
}

std::string describe(const ExceptionInfo *e)
{
    // ImageMagick appends the file and its own source line to a message
    // ("`TGA:-' @ error/tga.c/ReadTGAImage/504"): nothing for a person.
    std::string text = e->reason ? e->reason : "unknown error";
    if (const auto at = text.find(" `"); at != std::string::npos)
        text.resize(at);
    if (e->description && *e->description && *e->description != '`')
        text += std::string(" (") + e->description + ")";
    return oneLine(text);
}

bool endOfFile(const ExceptionInfo *e)
{
    std::string text = e->reason ? e->reason : "";
    std::transform(text.begin(), text.end(), text.begin(),
        [](unsigned char c) { return char(std::tolower(c)); });
    return text.find("end-of-file") != std::string::npos
        || text.find("endoffile") != std::string::npos
        || text.find("insufficient image data") != std::string::npos;
}

} // namespace

bool isHelperFormat(const std::string &format)
{
    return std::any_of(
        std::begin(kCoders), std::end(kCoders), [&](const Coder &c) { return format == c.format; });
}

MagickDecoder::MagickDecoder(const DecodeRequest &request)
    : m_request(request)
{
    for (const Coder &c : kCoders)
        if (request.format == c.format)
            m_magick = c.magick;
    if (m_magick.empty()) {
        m_error = "no decoder for " + request.format;
        return;
    }
    MagickCoreGenesis("trove-decode", MagickFalse);
    ExceptionInfo *e = AcquireExceptionInfo();
    SetMagickSecurityPolicy(kPolicy, e);
    // Its own limits say "too large" in words before the sandbox's
    // address-space limit kills it; no pixel cache on disk.
    SetMagickResourceLimit(AreaResource, request.maxPixels);
    SetMagickResourceLimit(WidthResource, request.maxSide);
    SetMagickResourceLimit(HeightResource, request.maxSide);
    SetMagickResourceLimit(MemoryResource, request.maxPixels * 16 + (64u << 20));
    SetMagickResourceLimit(MapResource, request.maxPixels * 16 + (64u << 20));
    SetMagickResourceLimit(DiskResource, 0);
    SetMagickResourceLimit(ThreadResource, 1);
    SetMagickResourceLimit(TimeResource, 30);
    SetMagickResourceLimit(ListLengthResource, 64);
    // Loads the coder module now: inside the sandbox nothing new is opened
    // that need not be.
    if (!GetMagickInfo(m_magick.c_str(), e))
        m_error = "ImageMagick has no " + m_magick + " decoder";
    DestroyExceptionInfo(e);
}

MagickDecoder::~MagickDecoder()
{
    MagickCoreTerminus();
}

bool MagickDecoder::decode(
    const std::vector<unsigned char> &bytes, DecodedImage *out, std::string *error)
{
    ImageInfo *info = AcquireImageInfo();
    ExceptionInfo *e = AcquireExceptionInfo();
    std::strncpy(info->magick, m_magick.c_str(), MaxTextExtent - 1);
    std::snprintf(info->filename, MaxTextExtent, "%s:-", m_magick.c_str());
    // The first image only: a PSD's flattened composite, a TIFF's first page.
    info->scene = 0;
    info->number_scenes = 1;
    Image *image = BlobToImage(info, bytes.data(), bytes.size(), e);
    const auto finish = [&](bool result) {
        if (image)
            DestroyImageList(image);
        DestroyExceptionInfo(e);
        DestroyImageInfo(info);
        return result;
    };
    if (!image || e->severity >= ErrorException || endOfFile(e)) {
        *error = endOfFile(e) ? std::string("truncated image") : describe(e);
        return finish(false);
    }
    const std::uint64_t w = image->columns;
    const std::uint64_t h = image->rows;
    if (w == 0 || h == 0 || w > m_request.maxSide || h > m_request.maxSide
        || w * h > m_request.maxPixels) {
        *error = "image too large: " + std::to_string(w) + "x" + std::to_string(h);
        return finish(false);
    }
    if (image->colorspace != sRGBColorspace && image->colorspace != RGBColorspace
        && image->colorspace != GRAYColorspace)
        TransformImageColorspace(image, sRGBColorspace);

    out->fullWidth = std::uint32_t(w);
    out->fullHeight = std::uint32_t(h);
    if (m_request.box > 0 && (w > m_request.box || h > m_request.box)) {
        const double scale = double(m_request.box) / double(std::max(w, h));
        const size_t sw = std::max<size_t>(1, size_t(double(w) * scale + 0.5));
        const size_t sh = std::max<size_t>(1, size_t(double(h) * scale + 0.5));
        Image *scaled = ResizeImage(image, sw, sh, TriangleFilter, 1.0, e);
        if (!scaled) {
            *error = describe(e);
            return finish(false);
        }
        DestroyImageList(image);
        image = scaled;
    }
    out->width = std::uint32_t(image->columns);
    out->height = std::uint32_t(image->rows);
    out->sixteenBit = image->depth > 8;
    out->alpha = image->matte != MagickFalse;
    const size_t channelBytes = out->sixteenBit ? 2 : 1;
    out->pixels.resize(size_t(out->width) * out->height * 4 * channelBytes);
    const bool ok = ExportImagePixels(image, 0, 0, out->width, out->height, "RGBA",
                        out->sixteenBit ? ShortPixel : CharPixel, out->pixels.data(), e)
        != MagickFalse;
    if (!ok)
        *error = describe(e);
    return finish(ok);
}

} // namespace trove::decodehelper

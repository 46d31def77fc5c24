// SPDX-License-Identifier: MIT
// trove-decode FORMAT MAX_PIXELS MAX_SIDE BOX
//
// Reads one encoded image on stdin, decodes it with ImageMagick inside a
// sandbox (sandbox.h) and writes it to stdout as a 24-byte header — "TRV1",
// then width, height, full width, full height and flags (bit 0: 16 bits
// per channel, bit 1: alpha), each a native-endian uint32 — and the RGBA
// rows. On failure: exit status 1 and one line on stderr saying why.
// BOX > 0 scales the image to fit a BOX x BOX square (thumbnails). stdout
// and stderr must be pipes: RLIMIT_FSIZE 0 kills a write to a regular file
// (SIGXFSZ). Only the first line on stderr is the reason; ImageMagick may
// print warnings before it. Run by
// app/imageformats/helperhandler.cpp, which adds a wall-clock timeout and
// maps a crash or a kill to a refusal.

#include "magickdecoder.h"
#include "sandbox.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

using namespace trove::decodehelper;

namespace {

constexpr std::size_t kMaxInputBytes = std::size_t(512) * 1024 * 1024;

int refuse(const std::string &why)
{
    std::fprintf(stderr, "%s\n", why.c_str());
    return 1;
}

bool readAll(int fd, std::vector<unsigned char> *out)
{
    unsigned char chunk[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n == 0)
            return true;
        if (n < 0)
            return false;
        if (out->size() + std::size_t(n) > kMaxInputBytes)
            return false;
        out->insert(out->end(), chunk, chunk + n);
    }
}

bool writeAll(int fd, const void *data, std::size_t size)
{
    const auto *p = static_cast<const unsigned char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n <= 0)
            return false;
        p += n;
        size -= std::size_t(n);
    }
    return true;
}

bool parse(const char *text, std::uint64_t max, std::uint64_t *out)
{
    char *end = nullptr;
    const unsigned long long v = std::strtoull(text, &end, 10);
    if (!end || *end != '\0' || end == text || v > max)
        return false;
    *out = v;
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    DecodeRequest request;
    std::uint64_t maxPixels = 0, maxSide = 0, box = 0;
    if (argc != 5 || !isHelperFormat(argv[1]) || !parse(argv[2], 1ull << 40, &maxPixels)
        || !parse(argv[3], 1u << 30, &maxSide) || !parse(argv[4], 1u << 16, &box))
        return refuse("usage: trove-decode psd|dds|sgi|pcx|tga|tiff MAX_PIXELS MAX_SIDE BOX");
    request.format = argv[1];
    request.maxPixels = maxPixels;
    request.maxSide = std::uint32_t(maxSide);
    request.box = std::uint32_t(box);

    std::vector<unsigned char> bytes;
    if (!readAll(STDIN_FILENO, &bytes))
        return refuse("cannot read the image from stdin");

    MagickDecoder decoder(request);
    if (!decoder.setupError().empty())
        return refuse(decoder.setupError());

    SandboxLimits limits;
#if !defined(__SANITIZE_ADDRESS__)
    // The pixel cache (16-bit RGBA: 8 bytes a pixel), a scaled copy, the
    // input and the library: a file that needs more is no picture.
    limits.addressSpaceBytes = bytes.size() + request.maxPixels * 12 + (std::uint64_t(512) << 20);
#endif
    if (const std::string error = enterSandbox(limits); !error.empty())
        return refuse("sandbox: " + error);

    DecodedImage image;
    std::string error;
    if (!decoder.decode(bytes, &image, &error))
        return refuse(error);
    const std::uint32_t header[6] = { 0, image.width, image.height, image.fullWidth,
        image.fullHeight, (image.sixteenBit ? 1u : 0u) | (image.alpha ? 2u : 0u) };
    char magic[24];
    std::memcpy(magic, header, sizeof header);
    std::memcpy(magic, "TRV1", 4);
    if (!writeAll(STDOUT_FILENO, magic, sizeof magic)
        || !writeAll(STDOUT_FILENO, image.pixels.data(), image.pixels.size()))
        return refuse("cannot write the pixels to stdout");
    return 0;
}

// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace trove::decodehelper {

/// What a decode asks for.
struct DecodeRequest {
    std::string format; ///< psd, dds, sgi, pcx, tga, tiff: the only coders used
    std::uint64_t maxPixels = 100'000'000;
    std::uint32_t maxSide = 30'000;
    std::uint32_t box = 0; ///< > 0: scale to fit a box of this side
};

/// Pixels as they go to the parent.
struct DecodedImage {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::uint32_t fullWidth = 0; ///< before scaling to the box
    std::uint32_t fullHeight = 0;
    bool sixteenBit = false; ///< RGBA 16 bits per channel, else 8
    bool alpha = false;
    std::vector<unsigned char> pixels; ///< rows top down, RGBA, native byte order
};

/// ImageMagick's MagickCore, held to the formats Trove hands it. The
/// constructor sets it up (configuration, resource limits, a security
/// policy, the one coder module loaded) before the sandbox closes; decode()
/// runs inside it.
class MagickDecoder final {
public:
    explicit MagickDecoder(const DecodeRequest &request);
    ~MagickDecoder();
    MagickDecoder(const MagickDecoder &) = delete;
    MagickDecoder &operator=(const MagickDecoder &) = delete;

    /// Empty when set up; else why not.
    const std::string &setupError() const { return m_error; }
    /// Decodes the first image (PSD: the flattened composite) of @p bytes.
    /// On failure returns false with one line in @p error.
    bool decode(const std::vector<unsigned char> &bytes, DecodedImage *out, std::string *error);

private:
    DecodeRequest m_request;
    std::string m_magick; ///< ImageMagick's name of the format
    std::string m_error;
};

/// The coders Trove runs in the helper, by Trove's format name.
bool isHelperFormat(const std::string &format);

} // namespace trove::decodehelper

// SPDX-License-Identifier: MIT
#include "similar/perceptualhash.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace trove {

namespace {

constexpr int kDctSize = 32;
constexpr int kLow = 8; // the 8x8 lowest frequencies, after the DC term

// Luma of @p image scaled to @p size, transparent parts over white. Qt's
// smooth scaling averages the area each target pixel covers, so the
// result does not depend on the size the image came in (a 50 % copy and
// its original reduce to nearly the same grid).
std::vector<double> greyGrid(const QImage &image, int width, int height)
{
    const QImage small
        = image.scaled(width, height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
              .convertToFormat(QImage::Format_ARGB32_Premultiplied);
    std::vector<double> out(size_t(width) * size_t(height));
    for (int y = 0; y < height; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(small.constScanLine(y));
        for (int x = 0; x < width; ++x) {
            const QRgb p = line[x];
            // Premultiplied over white: c + (255 - alpha).
            const int cover = 255 - qAlpha(p);
            const double r = qRed(p) + cover;
            const double g = qGreen(p) + cover;
            const double b = qBlue(p) + cover;
            out[size_t(y) * size_t(width) + size_t(x)] = 0.299 * r + 0.587 * g + 0.114 * b;
        }
    }
    return out;
}

// cos((2x + 1) u pi / 64) for the frequencies the hash keeps.
const std::array<std::array<double, kDctSize>, kLow + 1> &cosines()
{
    static const auto table = [] {
        std::array<std::array<double, kDctSize>, kLow + 1> t {};
        for (int u = 0; u <= kLow; ++u)
            for (int x = 0; x < kDctSize; ++x)
                t[size_t(u)][size_t(x)]
                    = std::cos((2.0 * x + 1.0) * u * std::numbers::pi / (2.0 * kDctSize));
        return t;
    }();
    return table;
}

quint64 dctHash(const QImage &image)
{
    const std::vector<double> grey = greyGrid(image, kDctSize, kDctSize);
    const auto &cos = cosines();
    // Separable DCT-II, only the rows and columns 1..8 that are kept.
    std::array<std::array<double, kDctSize>, kLow> rows {}; // [u][y]
    for (int u = 1; u <= kLow; ++u)
        for (int y = 0; y < kDctSize; ++y) {
            double sum = 0;
            for (int x = 0; x < kDctSize; ++x)
                sum += grey[size_t(y) * kDctSize + size_t(x)] * cos[size_t(u)][size_t(x)];
            rows[size_t(u - 1)][size_t(y)] = sum;
        }
    std::array<double, kLow * kLow> coeff {};
    for (int v = 1; v <= kLow; ++v)
        for (int u = 1; u <= kLow; ++u) {
            double sum = 0;
            for (int y = 0; y < kDctSize; ++y)
                sum += rows[size_t(u - 1)][size_t(y)] * cos[size_t(v)][size_t(y)];
            coeff[size_t(v - 1) * kLow + size_t(u - 1)] = sum;
        }
    std::array<double, kLow *kLow> sorted = coeff;
    std::nth_element(sorted.begin(), sorted.begin() + 32, sorted.end());
    const double upper = sorted[32];
    const double lower = *std::max_element(sorted.begin(), sorted.begin() + 32);
    const double median = (lower + upper) / 2;
    quint64 bits = 0;
    for (size_t i = 0; i < coeff.size(); ++i)
        if (coeff[i] > median)
            bits |= quint64(1) << i;
    return bits;
}

quint64 differenceHash(const QImage &image)
{
    const std::vector<double> grey = greyGrid(image, 9, 8);
    quint64 bits = 0;
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)
            if (grey[size_t(y) * 9 + size_t(x)] < grey[size_t(y) * 9 + size_t(x) + 1])
                bits |= quint64(1) << (y * 8 + x);
    return bits;
}

} // namespace

ImageHash PerceptualHash::compute(const QImage &image)
{
    if (image.isNull())
        return {};
    // Both grids come from one premultiplied copy, whatever the decoder
    // gave (RGB32, ARGB32, indexed, 16-bit): Qt scales each format with
    // its own rounding, and the same pixels must give the same bits.
    const QImage source = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    return { dctHash(source), differenceHash(source), true };
}

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>

namespace trove {

/// What a camera wrote about a photo (EXIF), as a person reads it.
struct ExifSummary {
    QString camera; ///< "Canon EOS 5D Mark IV"
    QString taken; ///< "2024:06:01 14:03:22", as the camera wrote it
    QString exposure; ///< "1/250 sec., f/5.6, ISO 200, 35.0 mm"

    bool isEmpty() const { return camera.isEmpty() && taken.isEmpty() && exposure.isEmpty(); }
    bool operator==(const ExifSummary &) const = default;
};

/// A decoded original for the viewer: every frame of an animation (one for
/// a still) in sRGB, with their delays, and the EXIF summary.
struct Picture {
    QList<QImage> frames;
    QList<int> delaysMs; ///< one per frame
    int loopCount = 0; ///< -1: for ever; 0: once
    bool framesCut = false; ///< more frames than kMaxAnimationBytes holds
    ExifSummary exif;

    bool isAnimated() const { return frames.size() > 1; }
};

/// Decodes an original's bytes for showing: a pure function, any thread
/// (LibraryReader::loadPicture runs it on the pool).
class PictureDecoder final {
    Q_DECLARE_TR_FUNCTIONS(PictureDecoder)

public:
    /// Decoded frames kept for one animation; a longer one plays what fits.
    static constexpr qint64 kMaxAnimationBytes = 384LL * 1024 * 1024;

    static Result<Picture> decode(const QByteArray &bytes);

    /// The EXIF block of a JPEG, TIFF, HEIC, AVIF, WebP or PNG file, summed
    /// up; empty when there is none.
    static ExifSummary exifSummary(const QByteArray &bytes);
};

} // namespace trove

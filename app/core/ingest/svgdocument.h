// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

class QIODevice;

namespace trove {

/// SVG as Trove hands it to QtSvg: plain text ("svg") or gzip-wrapped text
/// ("svgz", as Inkscape and older tools save it), inflated within
/// kMaxBytes, checked to really be SVG, and with every external reference
/// cut, since QtSvg reads each referenced file while it parses, even for a
/// size (a FIFO such as /dev/stdin blocks the decoder for ever; a private
/// picture would end up in the thumbnail of a file from the web). Every
/// path that decodes an original (ingest, the viewer, thumbnails and
/// hashes rebuilt from a blob, salvage) goes through it, so none of them
/// lets Qt's own svgz reader inflate without a bound. Pure functions; any
/// thread.
class SvgDocument final {
public:
    SvgDocument() = delete;

    /// SVG is text decoded in memory; larger files, inflated or not, are
    /// not pictures.
    static constexpr qint64 kMaxBytes = 32 * 1024 * 1024;

    /// Whether @p format (Qt's name, the catalog's format column) is SVG
    /// text, plain ("svg") or compressed ("svgz").
    static bool isSvg(QByteArrayView format);
    static bool isSvg(QStringView format);

    /// "svg" when @p device holds text that sniffs as image/svg+xml from
    /// its position, "svgz" when it holds a gzip member whose first 4 KiB
    /// inflated do, else empty (a .tar.gz, an XHTML page). Reads a few KiB
    /// at most and leaves the device where it was.
    static QByteArray sniff(QIODevice *device);

    /// The text QtSvg may draw of @p device (read from its start) in
    /// @p format ("svg" or "svgz"). Fails with the reason a person reads:
    /// "SVG too large: ...", "truncated image (svgz)", "not an image
    /// (application/gzip)", "unsupported or corrupt image (svgz): ...".
    static Result<QByteArray> drawable(QIODevice *device, QByteArrayView format);

    /// The SVG text of @p device as the file holds it, inflated when
    /// @p format is "svgz", within the same bound and with the same
    /// failures as drawable(), references untouched: what a client that
    /// cannot take gzip is sent, never what QtSvg reads.
    static Result<QByteArray> text(QIODevice *device, QByteArrayView format);

    /// @p original as a QImageReader may be given it: the same bytes, or
    /// for SVG and svgz their drawable() text, with @p isSvg set; read that
    /// with the format "svg" (an inflated svgz need not start the way Qt's
    /// sniffing expects). Any other gzip file fails as "not an image
    /// (application/gzip)" rather than reach Qt's svgz reader.
    static Result<QByteArray> readable(const QByteArray &original, bool *isSvg = nullptr);

    /// @p svg with every <image> reference that is not inline data or a
    /// fragment cut to "#".
    static QByteArray withoutExternalReferences(const QByteArray &svg);
};

} // namespace trove

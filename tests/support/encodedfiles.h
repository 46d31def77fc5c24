// SPDX-License-Identifier: MIT
#pragma once

// Files in the modern formats as Debian's own encoders make them (avifenc,
// heif-enc, cjxl, opj_compress; scripts/install-deps.sh installs them), and
// the hostile variants of such files that the suites feed to Trove: headers
// that lie about the size, sequences that claim endless frames. Qt only, no
// Trove code.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace trove::test {

/// Runs Debian's encoders and crafts hostile variants of what they make.
class EncodedFiles final {
public:
    /// Input files by name (the tools go by the suffix) and bytes.
    using Inputs = QList<QPair<QString, QByteArray>>;

    /// What `tool args...` writes, where "%in0", "%in1", ... and "%out" in
    /// @p args stand for the input files and for @p outName. Made once per
    /// process for the same tool, arguments and inputs. Empty, with the
    /// reason in @p why, when the tool is missing or fails.
    static QByteArray encode(const QString &tool, const QStringList &args, const Inputs &inputs,
        const QString &outName, QString *why);

    /// A flat-coloured picture of @p width x @p height in @p format ("avif",
    /// "heic", "jxl", "jp2", "j2k"), encoded with the encoder's fastest
    /// settings: a few hundred bytes that decode to width x height pixels.
    static QByteArray flat(const QByteArray &format, int width, int height, QString *why);

    /// @p file (AVIF or HEIC) with every `ispe` box claiming @p width x
    /// @p height; empty when it has none.
    static QByteArray isobmffDeclaring(QByteArray file, quint32 width, quint32 height);
    /// @p file (JP2 or a J2K codestream) with the SIZ marker (and a JP2's
    /// ihdr box) claiming an image and one tile of @p width x @p height.
    static QByteArray jpeg2000Declaring(QByteArray file, quint32 width, quint32 height);
    /// A bare JPEG XL codestream whose size header claims @p width x
    /// @p height (default metadata), followed by zeros.
    static QByteArray jxlDeclaring(quint32 width, quint32 height);
    /// An AVIF image sequence (`avis`) whose sample tables claim @p frames
    /// frames of the first sample's size; empty when @p sequence has no
    /// such tables.
    static QByteArray avifSequenceClaiming(QByteArray sequence, quint32 frames);
};

} // namespace trove::test

// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <functional>

namespace trove {

/// Something a walk came across but could not look at.
struct WalkProblem {
    enum class Kind {
        /// Something there could not be read (permissions, a name that is
        /// not valid UTF-8, an I/O error): the import is incomplete.
        Unread,
        /// A link loop or a dangling link: nothing that exists was left out.
        Note,
        /// A folder given held no image at all (FolderImport says so).
        NoImages,
    };
    QString path; ///< bytes of a name that is not valid UTF-8 shown as \xff
    QString reason; ///< "symbolic link loop back to /a/b", "cannot read: permission denied"
    Kind kind = Kind::Unread;
};

/// Finds the images in a folder tree by their content, never by their name.
/// A pure function of the file system: no QObject, no threads of its own,
/// safe on any thread that may block (never the GUI thread). It streams:
/// each file is handed on as it is found, only the folders being walked and
/// the folders already walked are kept, and of a file only what
/// ImageProcessor::sniffImageFormat() probes is read (a header, a footer).
///
/// Symbolic links are followed; a link back into a folder being walked is a
/// loop, reported once and not entered; a folder reached again through
/// another link is walked only once. Hidden entries (names starting with a
/// dot) are left out. FIFOs, sockets and devices are skipped unopened.
/// A name that is not valid UTF-8 (which QString cannot carry, so no part
/// of Trove could open it) is a problem naming its bytes, never dropped.
class FolderWalker final {
    Q_DECLARE_TR_FUNCTIONS(FolderWalker)

public:
    struct Visitor {
        /// A readable regular file whose first bytes are an image: its
        /// absolute path and size.
        std::function<void(const QString &path, qint64 size)> image;
        /// A file that is not an image (or not a regular file).
        std::function<void(const QString &path)> skipped;
        /// What could not be looked at; the walk goes on.
        std::function<void(const WalkProblem &problem)> problem;
        /// Called between entries; answering false stops the walk.
        std::function<bool()> proceed;
    };

    struct Counts {
        qint64 images = 0;
        qint64 skipped = 0;
        qint64 problems = 0;
        qint64 folders = 0;
        bool stopped = false; ///< proceed() answered false
    };

    /// Walks @p root (a folder, or a link to one). A root that is no
    /// readable folder is one problem.
    static Counts walk(const QString &root, const Visitor &visitor);

    /// Whether the file at @p path is an image, read from its first bytes.
    /// On failure, why it could not be read.
    struct Sniffed {
        bool image = false;
        QString error; ///< set when it could not be read
    };
    static Sniffed sniff(const QString &path);

    /// What errno @p error means, as a person reads it: "permission denied".
    static QString errorText(int error);
    /// @p name with every byte that is not part of valid UTF-8 as "\xff".
    static QString escapeInvalidUtf8(const QByteArray &name);
};

} // namespace trove

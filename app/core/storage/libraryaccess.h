// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace trove {

/// What kind of file system a library lives on, as far as SQLite cares.
struct FileSystemInfo {
    QString type; ///< "ext4", "nfs", "cifs", "fuse.sshfs"; empty if unknown
    /// A network file system: SQLite's WAL needs shared memory that such a
    /// file system does not share between machines, and its locks may lie.
    bool network = false;
};

/// Whether and how a library may be opened: writable or not (and why), and
/// the file system under it. A value, computed by probe() on a thread that
/// may touch the disk (a stalled network mount can block statfs).
class LibraryAccess {
    Q_DECLARE_TR_FUNCTIONS(LibraryAccess)

public:
    bool writable = true;
    QString readOnlyReason; ///< "the file system is mounted read-only"
    FileSystemInfo fileSystem;

    /// Looks at @p root (or its nearest existing parent, for a library not
    /// created yet). TROVE_TEST_FSTYPE=<type> stands in for the file
    /// system's type, so that tests can play a network drive.
    static LibraryAccess probe(const QString &root);

    /// Classifies a file system from statfs's f_type (@p magic) and, where
    /// the magic says little (FUSE), the mount's type name from
    /// /proc/self/mountinfo (@p mountType, e.g. "fuse.sshfs"). Either may
    /// be unknown (0, empty).
    static FileSystemInfo classify(quint64 magic, const QString &mountType);

    /// The one line a person reads when a library is on a network drive.
    QString networkWarning(const QString &root) const;
};

} // namespace trove

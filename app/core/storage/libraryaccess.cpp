// SPDX-License-Identifier: MIT
#include "storage/libraryaccess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace trove {

namespace {

struct KnownMagic {
    quint64 magic;
    const char *name;
    bool network;
};

// statfs f_type values (linux/magic.h and the file systems' own headers).
constexpr KnownMagic kMagics[] = {
    { 0x6969, "nfs", true },
    { 0x517B, "smb", true },
    { 0xFF534D42, "cifs", true },
    { 0xFE534D42, "smb2", true },
    { 0x564C, "ncp", true },
    { 0x73757245, "coda", true },
    { 0x5346414F, "afs", true },
    { 0x6B414653, "kafs", true },
    { 0x00C36400, "ceph", true },
    { 0x01021997, "9p", true },
    { 0x0BD00BD0, "lustre", true },
    { 0x47504653, "gpfs", true },
    { 0x01161970, "gfs2", true },
    { 0x7461636F, "ocfs2", true },
    { 0x65735546, "fuse", false }, // the mount type says which FUSE file system
    { 0xEF53, "ext4", false },
    { 0x58465342, "xfs", false },
    { 0x9123683E, "btrfs", false },
    { 0x01021994, "tmpfs", false },
    { 0x794C7630, "overlay", false },
    { 0x2FC12FC1, "zfs", false },
    { 0x4D44, "vfat", false },
    { 0x2011BAB0, "exfat", false },
    { 0x5346544E, "ntfs", false },
    { 0x9660, "iso9660", false },
    { 0x15013346, "udf", false },
    { 0xF2F52010, "f2fs", false },
};

// Mount type names of network file systems; FUSE ones as "fuse.<name>".
bool isNetworkType(const QString &type)
{
    static const QStringList kernel { QStringLiteral("nfs"), QStringLiteral("nfs4"),
        QStringLiteral("cifs"), QStringLiteral("smb3"), QStringLiteral("smbfs"),
        QStringLiteral("smb"), QStringLiteral("smb2"), QStringLiteral("ncpfs"),
        QStringLiteral("ncp"), QStringLiteral("coda"), QStringLiteral("afs"),
        QStringLiteral("ceph"), QStringLiteral("9p"), QStringLiteral("lustre"),
        QStringLiteral("gpfs"), QStringLiteral("gfs2"), QStringLiteral("ocfs2"),
        QStringLiteral("glusterfs"), QStringLiteral("davfs"), QStringLiteral("webdav") };
    static const QStringList fuse { QStringLiteral("sshfs"), QStringLiteral("rclone"),
        QStringLiteral("s3fs"), QStringLiteral("gcsfuse"), QStringLiteral("glusterfs"),
        QStringLiteral("ceph-fuse"), QStringLiteral("smbnetfs"), QStringLiteral("curlftpfs"),
        QStringLiteral("davfs"), QStringLiteral("goofys"), QStringLiteral("juicefs"),
        QStringLiteral("gvfsd-fuse"), QStringLiteral("kio-fuse"), QStringLiteral("nfs") };
    const QString t = type.toLower();
    if (kernel.contains(t))
        return true;
    for (const QString &prefix : { QStringLiteral("fuse."), QStringLiteral("fuseblk.") }) {
        if (t.startsWith(prefix))
            return fuse.contains(t.mid(prefix.size()));
    }
    return false;
}

#ifdef Q_OS_LINUX
// The type of the mount that holds @p path, from /proc/self/mountinfo: the
// longest mount point that is a prefix of the path.
QString mountTypeOf(const QString &path)
{
    QFile info(QStringLiteral("/proc/self/mountinfo"));
    if (!info.open(QIODevice::ReadOnly))
        return {};
    const QString canonical = QFileInfo(path).canonicalFilePath();
    QString best;
    qsizetype bestLength = -1;
    const auto lines = info.readAll().split('\n');
    for (const QByteArray &line : lines) {
        // id parent major:minor root mountpoint options... - fstype source superoptions
        const auto fields = line.split(' ');
        const qsizetype dash = fields.indexOf("-");
        if (fields.size() < 5 || dash < 0 || dash + 1 >= fields.size())
            continue;
        // Octal escapes (\040 for a space) in mount points.
        QString point = QString::fromUtf8(fields[4]);
        point.replace(QLatin1String("\\040"), QLatin1String(" "));
        const bool holds = point == QLatin1String("/") || canonical == point
            || canonical.startsWith(point + QLatin1Char('/'));
        if (holds && point.size() > bestLength) {
            bestLength = point.size();
            best = QString::fromUtf8(fields[dash + 1]);
        }
    }
    return best;
}
#endif

} // namespace

FileSystemInfo LibraryAccess::classify(quint64 magic, const QString &mountType)
{
    FileSystemInfo info;
    info.type = mountType;
    for (const KnownMagic &known : kMagics) {
        if (known.magic == magic) {
            if (info.type.isEmpty())
                info.type = QString::fromLatin1(known.name);
            info.network = known.network;
            break;
        }
    }
    if (!mountType.isEmpty() && isNetworkType(mountType))
        info.network = true;
    return info;
}

LibraryAccess LibraryAccess::probe(const QString &root)
{
    LibraryAccess access;
    // A library not created yet is judged by the folder it will be made in.
    QString existing = root;
    while (!existing.isEmpty() && !QFileInfo::exists(existing)) {
        const QString parent = QFileInfo(existing).absolutePath();
        if (parent == existing)
            break;
        existing = parent;
    }
    const QString testType = qEnvironmentVariable("TROVE_TEST_FSTYPE");
#ifdef Q_OS_LINUX
    const QByteArray native = QFile::encodeName(existing);
    struct statfs fs { };
    quint64 magic = 0;
    if (::statfs(native.constData(), &fs) == 0)
        magic = quint64(fs.f_type);
    if (testType.isEmpty()) {
        access.fileSystem = classify(
            magic, magic == 0x65735546 || magic == 0 ? mountTypeOf(existing) : QString());
    } else {
        access.fileSystem = classify(0, testType);
    }
    struct statvfs vfs { };
    if (::statvfs(native.constData(), &vfs) == 0 && (vfs.f_flag & ST_RDONLY)) {
        access.writable = false;
        access.readOnlyReason = tr("the file system is mounted read-only");
        return access;
    }
    // Root passes access() whatever the permission bits say, and may indeed
    // write: only a read-only mount stops it.
    if (existing == root) {
        for (const QString &path : { root, root + QStringLiteral("/catalog.sqlite") }) {
            const QByteArray p = QFile::encodeName(path);
            if (::access(p.constData(), F_OK) == 0 && ::access(p.constData(), W_OK) != 0) {
                access.writable = false;
                access.readOnlyReason = tr("no permission to write %1 (%2)")
                                            .arg(QDir::toNativeSeparators(path),
                                                QString::fromLocal8Bit(strerror(errno)));
                return access;
            }
        }
    }
#else
    if (!testType.isEmpty())
        access.fileSystem = classify(0, testType);
    const QFileInfo info(root);
    if (info.exists() && !info.isWritable()) {
        access.writable = false;
        access.readOnlyReason = tr("no permission to write %1").arg(QDir::toNativeSeparators(root));
    }
#endif
    return access;
}

QString LibraryAccess::networkWarning(const QString &root) const
{
    return tr("library %1 is on a network drive (%2): Trove keeps a rollback journal there "
              "instead of WAL; do not open it from two computers at once")
        .arg(QDir::toNativeSeparators(root), fileSystem.type);
}

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

// Read-only libraries for suites that run as root, where chmod changes
// nothing (root ignores permission bits): the suite enters a private mount
// namespace first thing in main() (while it is still one thread), and then
// bind-mounts a library read-only onto itself, as read-only media would
// be. Children (the real trove) inherit the namespace and see the same
// read-only mount; nothing outside the suite does. As a user (no mount
// namespace), suites use chmod instead. Qt only, header-only.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sched.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace trove::test {

inline bool &privateMountsReady()
{
    static bool ready = false;
    return ready;
}

/// Enters a mount namespace of this process's own. Call before any thread
/// starts. Answers whether mountReadOnly() can work: as root (or with
/// CAP_SYS_ADMIN). A user gets no mounts, and chmod works for them.
inline bool enterPrivateMountNamespace()
{
#ifdef Q_OS_LINUX
    // No user namespace for a user: mapped to root in it, they would pass
    // every permission check on their own files, and chmod would test
    // nothing either.
    if (::unshare(CLONE_NEWNS) != 0)
        return false;
    // Mounts made here stay here.
    if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return false;
    privateMountsReady() = true;
    return true;
#else
    return false;
#endif
}

/// Bind-mounts @p dir read-only onto itself; empty, or why not.
inline QString mountReadOnly(const QString &dir)
{
#ifdef Q_OS_LINUX
    if (!privateMountsReady())
        return QStringLiteral("no private mount namespace");
    const QByteArray path = QFile::encodeName(dir);
    if (::mount(path.constData(), path.constData(), nullptr, MS_BIND, nullptr) != 0)
        return QStringLiteral("bind mount: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    // A remount keeps the flags a user namespace may not drop.
    unsigned long flags = MS_REMOUNT | MS_BIND | MS_RDONLY;
    struct statvfs vfs { };
    if (::statvfs(path.constData(), &vfs) == 0) {
        if (vfs.f_flag & ST_NOSUID)
            flags |= MS_NOSUID;
        if (vfs.f_flag & ST_NODEV)
            flags |= MS_NODEV;
        if (vfs.f_flag & ST_NOEXEC)
            flags |= MS_NOEXEC;
    }
    if (::mount(nullptr, path.constData(), nullptr, flags, nullptr) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        ::umount2(path.constData(), MNT_DETACH);
        return QStringLiteral("read-only remount: %1").arg(why);
    }
    return {};
#else
    Q_UNUSED(dir)
    return QStringLiteral("not on this system");
#endif
}

/// Undoes mountReadOnly().
inline void unmount(const QString &dir)
{
#ifdef Q_OS_LINUX
    ::umount2(QFile::encodeName(dir).constData(), MNT_DETACH);
#else
    Q_UNUSED(dir)
#endif
}

} // namespace trove::test

/// QTEST_MAIN for a suite that needs mountReadOnly(): the namespace is
/// entered before the application object (and any thread) exists.
#define TROVE_TEST_MAIN_WITH_MOUNTS(TestObject, AppClass)                                          \
    int main(int argc, char *argv[])                                                               \
    {                                                                                              \
        trove::test::enterPrivateMountNamespace();                                                 \
        AppClass app(argc, argv);                                                                  \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

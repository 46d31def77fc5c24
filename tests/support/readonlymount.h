// SPDX-License-Identifier: MIT
#pragma once

// Read-only libraries for suites that run as root, where chmod changes
// nothing (root ignores permission bits): the suite enters a private mount
// namespace first thing in main() (while it is still one thread), and then
// bind-mounts a library read-only onto itself, as read-only media would
// be. Children (the real trove) inherit the namespace and see the same
// read-only mount; nothing outside the suite does. Where namespaces are not
// allowed, suites fall back to chmod (as a user) or skip. Qt only,
// header-only.

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

/// Enters a mount namespace of this process's own (and, for a user who is
/// not root, a user namespace that maps them to root in it). Call before
/// any thread starts. Answers whether mountReadOnly() can work.
inline bool enterPrivateMountNamespace()
{
#ifdef Q_OS_LINUX
    if (::unshare(CLONE_NEWNS) != 0) {
        const uid_t uid = ::getuid();
        const gid_t gid = ::getgid();
        if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return false;
        auto put = [](const char *file, const QByteArray &text) {
            QFile f(QString::fromLatin1(file));
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        put("/proc/self/setgroups", "deny");
        if (!put("/proc/self/uid_map", "0 " + QByteArray::number(uid) + " 1")
            || !put("/proc/self/gid_map", "0 " + QByteArray::number(gid) + " 1"))
            return false;
    }
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

// SPDX-License-Identifier: MIT
#pragma once

// Unreadable files for suites that run as root, where chmod denies nothing:
// root passes permission bits through two capabilities, CAP_DAC_OVERRIDE
// and CAP_DAC_READ_SEARCH. ObeyPermissions drops them from this thread's
// effective set while it lives (what the thread opens then meets the bits
// as a user would; the permitted set keeps them, so they come back);
// obeyPermissionsInChild() drops them from a child's bounding set before
// it runs, so that a trove started by root obeys them too. As a user both
// change nothing: the bits apply already. Qt only, header-only, Linux.

#include <QProcess>

#ifdef Q_OS_LINUX
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace trove::test {

class ObeyPermissions final {
    Q_DISABLE_COPY_MOVE(ObeyPermissions)

public:
    ObeyPermissions()
    {
#ifdef Q_OS_LINUX
        if (::geteuid() != 0) {
            m_obeyed = true;
            return;
        }
        __user_cap_header_struct header { _LINUX_CAPABILITY_VERSION_3, 0 };
        if (::syscall(SYS_capget, &header, m_saved) != 0)
            return;
        __user_cap_data_struct lowered[2] = { m_saved[0], m_saved[1] };
        lowered[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
        if (::syscall(SYS_capset, &header, lowered) != 0)
            return;
        m_dropped = true;
        m_obeyed = true;
#endif
    }
    ~ObeyPermissions()
    {
#ifdef Q_OS_LINUX
        if (!m_dropped)
            return;
        __user_cap_header_struct header { _LINUX_CAPABILITY_VERSION_3, 0 };
        (void)::syscall(SYS_capset, &header, m_saved);
#endif
    }

    /// Whether permission bits now deny this thread what they say.
    bool obeyed() const
    {
        return m_obeyed;
    }

private:
    bool m_obeyed = false;
    bool m_dropped = false;
#ifdef Q_OS_LINUX
    __user_cap_data_struct m_saved[2] {};
#endif
};

/// Makes @p process, once started, obey permission bits even as root.
/// Answers whether it will (as a user: always).
inline bool obeyPermissionsInChild(QProcess &process)
{
#ifdef Q_OS_LINUX
    if (::geteuid() != 0)
        return true;
    // Only a process with CAP_SETPCAP may lower a bounding set.
    if (::prctl(PR_CAPBSET_READ, CAP_SETPCAP, 0, 0, 0) != 1)
        return false;
    process.setChildProcessModifier([] {
        ::prctl(PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, 0, 0, 0);
        ::prctl(PR_CAPBSET_DROP, CAP_DAC_READ_SEARCH, 0, 0, 0);
    });
    return true;
#else
    Q_UNUSED(process);
    return false;
#endif
}

} // namespace trove::test

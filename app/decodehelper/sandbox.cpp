// SPDX-License-Identifier: MIT
#include "sandbox.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <seccomp.h>
#include <sys/resource.h>

namespace trove::decodehelper {

namespace {

bool limit(int resource, rlim_t value)
{
    const rlimit r { value, value };
    return setrlimit(resource, &r) == 0;
}

} // namespace

std::string enterSandbox(const SandboxLimits &limits)
{
    // A CPU hog gets SIGXCPU at the soft limit and SIGKILL at the hard one.
    const rlimit cpu { limits.cpuSeconds, limits.cpuSeconds + 1 };
    if (setrlimit(RLIMIT_CPU, &cpu) != 0 || !limit(RLIMIT_FSIZE, 0) || !limit(RLIMIT_CORE, 0)
        || !limit(RLIMIT_NOFILE, limits.openFiles)
        || (limits.addressSpaceBytes > 0 && !limit(RLIMIT_AS, limits.addressSpaceBytes)))
        return std::string("setrlimit: ") + std::strerror(errno);

    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
    if (!ctx)
        return "seccomp_init failed";
    int rc = 0;
    auto deny = [&](int syscall) {
        if (rc == 0)
            rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), syscall, 0);
    };
    // No network, no other programs, no children.
    for (int s : { SCMP_SYS(socket), SCMP_SYS(socketpair), SCMP_SYS(connect), SCMP_SYS(bind),
             SCMP_SYS(listen), SCMP_SYS(accept), SCMP_SYS(accept4), SCMP_SYS(execve),
             SCMP_SYS(execveat), SCMP_SYS(fork), SCMP_SYS(vfork), SCMP_SYS(ptrace),
             SCMP_SYS(process_vm_writev), SCMP_SYS(kill), SCMP_SYS(tkill) })
        deny(s);
    // Nothing on disk changes.
    for (int s : { SCMP_SYS(creat), SCMP_SYS(mkdir), SCMP_SYS(mkdirat), SCMP_SYS(rmdir),
             SCMP_SYS(unlink), SCMP_SYS(unlinkat), SCMP_SYS(rename), SCMP_SYS(renameat),
             SCMP_SYS(renameat2), SCMP_SYS(link), SCMP_SYS(linkat), SCMP_SYS(symlink),
             SCMP_SYS(symlinkat), SCMP_SYS(chmod), SCMP_SYS(fchmodat), SCMP_SYS(chown),
             SCMP_SYS(lchown), SCMP_SYS(fchownat), SCMP_SYS(truncate), SCMP_SYS(mknod),
             SCMP_SYS(mknodat), SCMP_SYS(utimensat), SCMP_SYS(mount), SCMP_SYS(umount2) })
        deny(s);
    // openat2 takes its flags in a struct a filter cannot look into.
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(openat2), 0);
    // Files open for reading only.
    for (int flag : { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND }) {
        const auto f = scmp_datum_t(flag);
        if (rc == 0)
            rc = seccomp_rule_add(
                ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(open), 1, SCMP_A1(SCMP_CMP_MASKED_EQ, f, f));
        if (rc == 0)
            rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EACCES), SCMP_SYS(openat), 1,
                SCMP_A2(SCMP_CMP_MASKED_EQ, f, f));
    }
    if (rc == 0)
        rc = seccomp_load(ctx);
    seccomp_release(ctx);
    if (rc != 0)
        return std::string("seccomp: ") + std::strerror(-rc);
    return {};
}

} // namespace trove::decodehelper

#include "platform.h"

#include <QFile>
#include <QString>

#include <cerrno>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace trove {

qint64 currentPid() { return static_cast<qint64>(::getpid()); }

bool isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == currentPid())
        return true;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

static bool syncPath(const QString &path, int flags)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool syncFile(const QString &path) { return syncPath(path, O_RDONLY); }

bool syncDirectory(const QString &path) { return syncPath(path, O_RDONLY | O_DIRECTORY); }

} // namespace trove

// SPDX-License-Identifier: MIT
#include "base/platform.h"

#include <QCoreApplication>
#include <QFile>
#include <QSettings>
#include <QSocketNotifier>
#include <QString>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <cerrno>
#include <fcntl.h>
#include <latch>
#include <memory>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

namespace trove {

void usePlainEventLoops()
{
    if (!qEnvironmentVariableIsSet("TROVE_GLIB") && !qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

qint64 currentPid()
{
    // getpid() is a system call (glibc stopped caching it in 2.25), 8-15 µs
    // on a paravirtual VM, and every image asks once on the GUI thread
    // (LibraryPaths::newTempFile(), ~1,300 calls/s importing a folder).
    // Trove never forks without an exec right after.
    static const qint64 pid = static_cast<qint64>(::getpid());
    return pid;
}

bool isProcessAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == currentPid())
        return true;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

// Opens @p path with @p flags and runs @p sync on it (fsync, syncfs).
static bool syncPath(const QString &path, int flags, int (*sync)(int) = ::fsync)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = sync(fd) == 0;
    ::close(fd);
    return ok;
}

bool syncFile(const QString &path)
{
    return syncPath(path, O_RDONLY);
}

bool syncDirectory(const QString &path)
{
    return syncPath(path, O_RDONLY | O_DIRECTORY);
}

bool syncFileSystemOf(const QString &path)
{
#ifdef Q_OS_LINUX
    // Since Linux 5.8 syncfs() also fails when any file of the file system
    // failed to be written back since the last syncfs(): a blob whose pages
    // were lost is not taken for written.
    return syncPath(path, O_RDONLY, ::syncfs);
#else
    Q_UNUSED(path)
    return false;
#endif
}

void startWriteback(int fd)
{
#ifdef Q_OS_LINUX
    if (fd >= 0)
        ::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    Q_UNUSED(fd)
#endif
}

namespace {
std::atomic_bool s_idleForBackgroundWork = false;
} // namespace

QThreadPool *backgroundPool()
{
    // As many threads as the global pool, and like it waited for while
    // the application object is still there (its destructor runs the post
    // routines): a task may use fonts, image plugins or the resources.
    static QThreadPool pool;
    static const bool waited = [] {
        qAddPostRoutine([] { pool.waitForDone(); });
        return true;
    }();
    Q_UNUSED(waited)
    return &pool;
}

void setIdleSchedulingForBackgroundWork(bool on)
{
    s_idleForBackgroundWork = on;
}

void keepPoolThreadsAtCallersPriority(QThreadPool *pool)
{
    pool->setExpiryTimeout(-1);
    const int threads = pool->maxThreadCount();
    if (threads <= 0)
        return;
    // Each task waits for all the others, so that each runs on a thread of
    // its own: the pool starts every one of them here, on this thread.
    auto started = std::make_shared<std::latch>(threads);
    for (int i = 0; i < threads; ++i)
        pool->start([started] { started->arrive_and_wait(); });
}

void adoptWindowThreadPolicy()
{
    setIdleSchedulingForBackgroundWork(true);
    keepPoolThreadsAtCallersPriority(QThreadPool::globalInstance());
    keepPoolThreadsAtCallersPriority(backgroundPool());
}

void lowerCurrentThreadPriority(ThreadWork work)
{
    const bool idle = s_idleForBackgroundWork;
    // The window: only heavy work below the GUI thread. The command line:
    // all but the writer and reader, at nice +10.
    if (idle ? work != ThreadWork::Heavy : work == ThreadWork::Catalog)
        return;
    thread_local bool lowered = false;
    if (lowered)
        return;
    lowered = true;
#ifdef Q_OS_LINUX
    // Both are the thread's own, and inherited by the threads it starts
    // (QNetworkAccessManager's). A nice value is set with PRIO_PROCESS
    // and a tid.
    if (idle) {
        sched_param param {};
        ::pthread_setschedparam(::pthread_self(), SCHED_IDLE, &param);
    } else {
        ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 10);
    }
#else
    Q_UNUSED(work)
#endif
}

namespace {
int s_quitPipe[2] = { -1, -1 };
bool s_terminationRequested = false;

void onTerminate(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(s_quitPipe[1], &byte, 1);
}
} // namespace

std::unique_ptr<QSettings> userSettings()
{
    const QString org = QCoreApplication::organizationName().isEmpty()
        ? QCoreApplication::applicationName()
        : QCoreApplication::organizationName();
    return std::make_unique<QSettings>(
        QSettings::defaultFormat(), QSettings::UserScope, org, QCoreApplication::applicationName());
}

void quitOnTerminateSignals()
{
    if (s_quitPipe[0] >= 0 || ::pipe2(s_quitPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto *notifier
        = new QSocketNotifier(s_quitPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [] {
        char byte;
        while (::read(s_quitPipe[0], &byte, 1) > 0) { }
        s_terminationRequested = true;
        // quit() closes the windows (they save their state) but gives up
        // when one refuses; a terminate signal has nobody to ask, so the
        // loop is left either way.
        QCoreApplication::quit();
        QCoreApplication::exit(0);
    });
    struct sigaction action { };
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGHUP, &action, nullptr);
}

bool terminationRequested()
{
    return s_terminationRequested;
}

void removeFileLater(const QString &path)
{
    if (!path.isEmpty())
        (void)QtConcurrent::run(backgroundPool(), [path] { QFile::remove(path); });
}

} // namespace trove

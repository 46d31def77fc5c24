// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>
#include <memory>

class QSettings;
class QString;

class QThreadPool;

namespace trove {

/// This process's id.
qint64 currentPid();

/// Whether a process with this id exists (another Trove window or CLI that
/// may own temp files, queue items or journal rows in the same library).
bool isProcessAlive(qint64 pid);

/// Flushes a file's data to stable storage. Blobs are synced before they are
/// renamed into place, so a power cut never leaves a named but empty blob.
bool syncFile(const QString &path);

/// Flushes a directory entry (after a rename into it).
bool syncDirectory(const QString &path);

/// Flushes everything written to the file system that holds @p path, data
/// and directory entries (Linux's syncfs()): one flush for a batch of many
/// blobs, where a sync per file was a device flush per file. False where
/// it failed or is not available; the caller then syncs file by file.
bool syncFileSystemOf(const QString &path);

/// Starts writing @p fd's dirty pages to the disk without waiting for them
/// (Linux's sync_file_range), so that a later sync of many files finds
/// little left to write. Does nothing elsewhere.
void startWriteback(int fd);

/// Unlinks @p path on a pool thread: unlinking is disk work, never the
/// caller's (GUI) thread's. A failure is not reported (temp files only;
/// the next start sweeps what is left).
void removeFileLater(const QString &path);

/// The pool for Trove's own background tasks (QtConcurrent::run(backgroundPool(),
/// ...)), never Qt's global one. Qt 6.4's raster engine hands the spans of
/// a large fill on the GUI thread to QThreadPool::globalInstance() and
/// waits for them (QT_THREAD_PARALLEL_FILLS: every selected cell's rounded
/// highlight in the gallery): with an export, a decode or a backup
/// holding the global pool's threads, a paint waited for them to finish.
QThreadPool *backgroundPool();

/// What a background thread does, for lowerCurrentThreadPriority().
enum class ThreadWork {
    Light, ///< mostly waits (network, disk): the fetcher, a folder walk
    Heavy, ///< keeps a core busy (decode, hash, compress)
    /// A library's writer or reader thread: in the command line it is the
    /// work itself and keeps its priority.
    Catalog,
};

/// Makes the calling thread yield to normal threads, once per thread.
///
/// In a process that opted in with setIdleSchedulingForBackgroundWork()
/// (the window), every background thread (the fetcher and the network
/// thread it starts, processing, the library's writer and reader, folder
/// walks) runs at Linux's SCHED_IDLE, which any normal thread preempts on
/// wake-up: the GUI thread gets a core the moment it wakes. Among
/// themselves they share the spare CPU evenly, as the command line's
/// threads do. With the fetcher, writer and reader at nice +10 above
/// SCHED_IDLE processing (until 2026-12-05), every wake-up of theirs
/// preempted the processing: a 10,000-link paste took the window
/// 1.08-1.53x as long as `trove add`, with up to 43 % more CPU; with all
/// of them at SCHED_IDLE 0.96-1.10x as long, with 0-13 % more CPU
/// (docs/performance.md).
///
/// Elsewhere (the command line) light and heavy work run at nice +10 and the
/// writer and reader keep their priority: on a machine busy with other work,
/// `trove add` would get almost no CPU at SCHED_IDLE.
void lowerCurrentThreadPriority(ThreadWork work = ThreadWork::Light);

/// The window opts in (see lowerCurrentThreadPriority()).
void setIdleSchedulingForBackgroundWork(bool on);

/// The user's settings file, shared by the window, its local API and
/// `trove serve`. Without an organization name QSettings would write under
/// "Unknown Organization"; setting one application-wide would move the
/// default library (AppDataLocation) as well, so the application name
/// stands in for it.
std::unique_ptr<QSettings> userSettings();

/// SIGTERM and SIGHUP (logout, `kill`) quit the event loop cleanly, so
/// pending writes are flushed and settings saved, instead of dying mid-way.
/// Call once, after the application object exists.
void quitOnTerminateSignals();

/// True once SIGTERM or SIGHUP arrived. A window that would ask before
/// closing (work in flight) closes without asking: a logout or `kill` has
/// nobody to answer, and the work resumes at the next start anyway.
bool terminationRequested();

} // namespace trove

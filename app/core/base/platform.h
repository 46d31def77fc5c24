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
    Light, ///< mostly waits (network, disk): the fetcher
    Heavy, ///< keeps a core busy (decode, hash, compress, a folder walk's sniffing)
    /// A library's writer or reader thread: in the command line it is the
    /// work itself and keeps its priority.
    Catalog,
};

/// Makes the calling thread yield to normal threads, once per thread.
///
/// In a process that opted in with setIdleSchedulingForBackgroundWork() (the
/// window), heavy work (processing, the perceptual-hash backfill, tag
/// counting, folder walks) runs at Linux's SCHED_IDLE, which any normal
/// thread preempts on wake-up: the GUI thread gets a core the moment it
/// wakes. Light work (the fetcher) and the library's writer and reader keep
/// the GUI thread's priority. They answer the window (pages, thumbnails,
/// changes made elsewhere, the person's own edits), and the GUI thread
/// shares locks with them (each thread's queue of posted events, a
/// future's). Qt's mutexes have no priority inheritance: with two busy
/// programs on the machine, a SCHED_IDLE writer or reader preempted while
/// holding one ran again only seconds later, and the window showed a change
/// made by `trove add` 2.8-4.3 s late and once stopped for 752 ms; at the
/// GUI thread's priority, 0.14 s and no stall (docs/performance.md, "A busy
/// machine"). SCHED_IDLE threads talk to the rest only through a relay of
/// normal priority (ProcessingPool) or the writer, and the window allocates
/// with mimalloc (trove_allocator in CMakeLists.txt): glibc's free() takes
/// the lock of the arena the memory came from, which such a thread may hold.
///
/// Elsewhere (the command line) light and heavy work run at nice +10 and the
/// writer and reader keep their priority: on a machine busy with other work,
/// `trove add` would get almost no CPU at SCHED_IDLE.
void lowerCurrentThreadPriority(ThreadWork work = ThreadWork::Light);

/// The window opts in (see lowerCurrentThreadPriority()).
void setIdleSchedulingForBackgroundWork(bool on);

/// Starts all of @p pool's threads now, from the calling thread, and keeps
/// them: a thread inherits its scheduling from the thread that starts it,
/// and a pool starts one when a task comes and none is free. Without this, a
/// SCHED_IDLE processing thread whose image conversion Qt splits over the
/// global pool could start that pool's threads at SCHED_IDLE, and the GUI
/// thread, whose large fills Qt splits over the same pool and waits for,
/// would wait for threads that run only when the machine has nothing else to
/// do. Call it on the GUI thread before any background work starts.
void keepPoolThreadsAtCallersPriority(QThreadPool *pool);

/// Every thread's event loop on Qt's own dispatcher rather than GLib's
/// (QT_NO_GLIB). Each event Trove's threads post to one another (an image
/// to process, a commit, a page read) wakes the receiving thread; through
/// GLib that is an eventfd write per event and a GLib main-context
/// iteration per wake-up, through Qt's dispatcher one write per batch.
/// Importing a 10,000-file folder, the command line took 10.5-12.8 CPU-s
/// instead of 12.8-14.2 and the window 12.3-13.8 instead of 16.5-19.7; at
/// 100,000 files both a sixth less (docs/performance.md). Nothing in
/// Trove needs GLib's loop: its file dialogs are Qt's own. TROVE_GLIB=1
/// keeps GLib's, and a QT_NO_GLIB set by the person is left alone. Call
/// first in main(), before the application object and any thread exist.
void usePlainEventLoops();

/// The window's thread policy, in one place for main() and the probes that
/// stand in for the window: heavy work at SCHED_IDLE
/// (setIdleSchedulingForBackgroundWork()) and the global pool's and
/// backgroundPool()'s threads started here and kept
/// (keepPoolThreadsAtCallersPriority()). Call it on the GUI thread, right
/// after the application object exists.
void adoptWindowThreadPolicy();

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

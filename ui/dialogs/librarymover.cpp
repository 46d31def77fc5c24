// SPDX-License-Identifier: MIT
#include "dialogs/librarymover.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "catalog/librarymove.h"
#include "dialogs/librarymoveprogress.h"
#include "ingest/ingestcontroller.h"
#include "models/librarysession.h"

#include <QDir>
#include <QMessageBox>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace trove::ui {

LibraryMover::LibraryMover(IngestController *controller, QWidget *window)
    : QObject(window)
    , m_controller(controller)
    , m_window(window)
{
}

void LibraryMover::setSession(LibrarySession *session)
{
    m_session = session;
}

LibraryMoveProgress *LibraryMover::move(const QString &dest)
{
    if (!m_session)
        return nullptr;
    const QString text
        = tr("The library cannot be moved to %1.").arg(QDir::toNativeSeparators(dest));
    if (m_session->isReadOnly()) {
        warn(text,
            tr("This library is read-only, so it could not be deleted here after the copy. "
               "Copy it with File ▸ Back Up Library… instead."));
        return nullptr;
    }
    // What is being added would land in the old library after the copy.
    const int pending = m_session->pipeline()->pendingCount();
    if (pending > 0 || m_controller->isWalking()) {
        warn(text,
            pending > 0 ? tr("%n image(s) are still being added. Wait until the queue is done "
                             "(or cancel what is left), then move the library.",
                nullptr, pending)
                        : tr("Folders are still being searched for images. Wait until that is "
                             "done (or cancel it), then move the library."));
        return nullptr;
    }
    // Nothing new starts while it copies (the local API may add); the
    // check after the copy catches anything else that writes meanwhile.
    LibrarySession *moving = m_session.data();
    const bool wasPaused = moving->pipeline()->isPaused();
    moving->pipeline()->setPaused(true);
    auto *progress = new LibraryMoveProgress(moving->paths(), dest, m_window);
    connect(progress, &LibraryMoveProgress::finishedWith, this,
        [this, moving, wasPaused, text, dest](const Result<MoveReport> &copied) {
            if (m_session.data() != moving)
                return; // another library was opened meanwhile
            if (copied) {
                removeOldOnceClosed(moving, LibraryPaths(dest));
                Q_EMIT this->copied(LibraryPaths(dest));
                return;
            }
            moving->pipeline()->setPaused(wasPaused);
            if (copied.error() == LibraryMove::tr("cancelled"))
                Q_EMIT message(tr("Move cancelled: the library stays in %1")
                                   .arg(QDir::toNativeSeparators(moving->paths().root())),
                    8000);
            else
                warn(text,
                    tr("%1. Nothing was changed: the library stays where it is.")
                        .arg(copied.error()));
        });
    progress->open();
    return progress;
}

// The old files go once no thread of the old session has them open.
void LibraryMover::removeOldOnceClosed(LibrarySession *session, const LibraryPaths &moved)
{
    connect(session, &QObject::destroyed, this, [this, old = session->paths(), moved] {
        whenFinished(
            QtConcurrent::run(backgroundPool(), [old] { return LibraryMove::removeOld(old); }),
            this, [this, old, moved](const Result<QStringList> &left) {
                const QString from = QDir::toNativeSeparators(old.root());
                if (left && left->isEmpty()) {
                    Q_EMIT message(tr("The library was moved to %1")
                                       .arg(QDir::toNativeSeparators(moved.root())),
                        8000);
                    return;
                }
                QStringList names;
                for (const QString &path : left ? *left : QStringList())
                    names << QDir::toNativeSeparators(path);
                auto *box = new QMessageBox(QMessageBox::Information, tr("Library Moved"),
                    tr("The library is now in %1. The old folder %2 was left in place: it holds "
                       "files Trove did not make there (or could not delete).")
                        .arg(QDir::toNativeSeparators(moved.root()), from),
                    QMessageBox::Ok, m_window);
                box->setObjectName(QStringLiteral("libraryMovedLeftovers"));
                box->setDetailedText(left ? names.join(QLatin1Char('\n')) : left.error());
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    });
}

void LibraryMover::warn(const QString &text, const QString &reason)
{
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Cannot Move Library"), text, QMessageBox::Close, m_window);
    box->setInformativeText(reason);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace trove::ui

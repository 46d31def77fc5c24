// SPDX-License-Identifier: MIT
#include "libraryproblems.h"

#include "catalog/libraryreader.h"
#include "dialogs/libraryrepair.h"
#include "models/librarysession.h"

#include <QDir>
#include <QMessageBox>
#include <QTimer>

namespace trove::ui {

LibraryProblems::LibraryProblems(Window window, QObject *parent)
    : QObject(parent)
    , m_window(std::move(window))
    , m_repair(new LibraryRepair(m_window.widget))
{
    connect(m_repair, &LibraryRepair::accepted, this, &LibraryProblems::startRepair);
    connect(m_repair, &LibraryRepair::repaired, this,
        [this](const LibraryPaths &paths, const QString &summary) {
            m_window.openAttempt(paths, 1);
            m_window.message(summary, 0);
        });
    connect(m_repair, &LibraryRepair::failed, this,
        [this](const LibraryPaths &paths, const QString &reason) {
            showFailure(tr("Cannot Repair Library"),
                tr("The library in %1 could not be repaired.")
                    .arg(QDir::toNativeSeparators(paths.root())),
                reason);
        });
}

void LibraryProblems::watch(LibrarySession *session, const LibraryPaths &paths, int attempt)
{
    auto offer
        = [this, session, paths](const QString &reason) { offerRepair(session, paths, reason); };
    connect(session, &LibrarySession::damaged, this, offer);
    // Damage deeper in the file shows only when a read reaches it.
    connect(session->reader(), &LibraryReader::damaged, this, offer);
    connect(
        session->reader(), &LibraryReader::failed, this, [this, session](const QString &reason) {
            // Before the library is open, why it cannot be is the writer's to
            // say (a dialog, or the offer to repair it), in plainer words.
            if (session->isOpen())
                m_window.message(tr("Cannot read the library: %1").arg(reason), 8000);
        });
    connect(session, &LibrarySession::openFailed, this,
        [this, session, paths, attempt](
            const QString &reason) { openFailed(session, paths, attempt, reason); });
}

void LibraryProblems::offerRepair(
    LibrarySession *session, const LibraryPaths &paths, const QString &reason)
{
    if (m_window.session() == session && !m_repair->offerBox() && !m_repair->isRunning()
        && !session->isReadOnly())
        m_repair->offer(paths, reason);
}

void LibraryProblems::openFailed(
    LibrarySession *session, const LibraryPaths &paths, int attempt, const QString &reason)
{
    if (m_window.session() != session)
        return; // another library was chosen meanwhile
    // A library being created by this window's writer and reader at once,
    // or by another process, can be busy for a moment.
    if (reason.contains(QLatin1String("locked")) && attempt < 4) {
        QTimer::singleShot(100 * attempt, this,
            [this, paths, attempt] { m_window.openAttempt(paths, attempt + 1); });
        return;
    }
    showFailure(tr("Cannot Open Library"),
        tr("The library in %1 cannot be opened.").arg(QDir::toNativeSeparators(paths.root())),
        reason);
}

void LibraryProblems::startRepair(const LibraryPaths &paths)
{
    // The repair moves the catalog: it starts once the old session's
    // threads have closed their connections to it (a session that opened,
    // with its damage deeper in the file, has some). Retiring blocks a
    // session's signals, but not destroyed().
    LibrarySession *session = m_window.session();
    if (!session) {
        m_repair->run(paths);
        return;
    }
    connect(
        session, &QObject::destroyed, m_repair, [repair = m_repair, paths] { repair->run(paths); });
    m_window.detach();
}

void LibraryProblems::showFailure(const QString &title, const QString &text, const QString &reason)
{
    auto *box
        = new QMessageBox(QMessageBox::Critical, title, text, QMessageBox::Close, m_window.widget);
    box->setInformativeText(reason);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace trove::ui

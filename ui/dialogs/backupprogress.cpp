// SPDX-License-Identifier: MIT
#include "dialogs/backupprogress.h"

#include "dialogs/jobprogress.h"

#include <QDir>
#include <QLocale>
#include <QMessageBox>

namespace trove::ui {

BackupProgress::BackupProgress(const LibraryPaths &source, const QString &dest, QWidget *parent)
    : QProgressDialog(parent)
    , m_dest(dest)
{
    setWindowTitle(tr("Back Up Library"));
    setLabelText(tr("Copying the library to %1…").arg(QDir::toNativeSeparators(dest)));
    followJob(*this, m_watcher);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &BackupProgress::onFinished);
    m_watcher.setFuture(LibraryBackup::start(source, dest));
}

BackupProgress::~BackupProgress()
{
    // The job holds no pointer to this dialog; it stops at the next blob.
    m_watcher.cancel();
}

void BackupProgress::onFinished()
{
    const QFuture<Result<BackupReport>> future = m_watcher.future();
    const Result<BackupReport> outcome = future.isCanceled() || future.resultCount() == 0
        ? Result<BackupReport>(Error { tr("cancelled") })
        : future.result();
    Q_EMIT finishedWith(outcome);
    QWidget *owner = parentWidget();
    const QString where = QDir::toNativeSeparators(m_dest);
    if (outcome) {
        const QLocale locale;
        auto *box = new QMessageBox(QMessageBox::Information, tr("Backup Done"),
            tr("The library was copied to %1.").arg(where), QMessageBox::Ok, owner);
        const QString copied = locale.toString(outcome->blobsCopied);
        const QString there = locale.toString(outcome->blobsSkipped);
        // The trash goes with the copy; said apart, so that the count is
        // the one the window's status bar shows.
        box->setInformativeText(outcome->trashed > 0
                ? tr("%Ln image(s), and %1 in the trash; %2 new files copied, %3 already there. "
                     "To restore, open that folder with File ▸ Open Library…",
                    nullptr, int(outcome->images))
                      .arg(locale.toString(outcome->trashed), copied, there)
                : tr("%Ln image(s); %1 new files copied, %2 already there. To restore, open that "
                     "folder with File ▸ Open Library…",
                    nullptr, int(outcome->images))
                      .arg(copied, there));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    } else if (outcome.error() != tr("cancelled")) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Backup Failed"),
            tr("The library could not be copied to %1.").arg(where), QMessageBox::Close, owner);
        box->setInformativeText(outcome.error());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    close();
}

} // namespace trove::ui

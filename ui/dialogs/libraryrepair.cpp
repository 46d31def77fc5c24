// SPDX-License-Identifier: MIT
#include "dialogs/libraryrepair.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "catalog/catalogsalvage.h"
#include "dialogs/jobprogress.h"

#include <QDir>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace trove::ui {

LibraryRepair::LibraryRepair(QWidget *window)
    : QObject(window)
    , m_window(window)
{
}

LibraryRepair::~LibraryRepair() = default;

QMessageBox *LibraryRepair::offerBox() const
{
    return m_box.data();
}

void LibraryRepair::offer(const LibraryPaths &paths, const QString &reason)
{
    if (m_box)
        m_box->close();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Damaged Library"),
        tr("The library in %1 is damaged: its catalog, where names and tags are kept, can no "
           "longer be read as it is.")
            .arg(QDir::toNativeSeparators(paths.root())),
        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("damagedLibraryBox"));
    box->setInformativeText(
        tr("Trove can repair it. It keeps the damaged catalog beside the library, reads back "
           "whatever it still can, and rebuilds every image from the stored files. Names and "
           "tags that cannot be read are lost; the images are not."));
    box->setDetailedText(reason);
    QPushButton *repair = box->addButton(tr("Repair Library"), QMessageBox::AcceptRole);
    repair->setObjectName(QStringLiteral("repairButton"));
    box->addButton(QMessageBox::Close);
    box->setDefaultButton(repair);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(repair, &QPushButton::clicked, this, [this, paths] { Q_EMIT accepted(paths); });
    m_box = box;
    box->open();
}

void LibraryRepair::run(const LibraryPaths &paths)
{
    if (m_running)
        return;
    m_running = true;
    auto *progress = new QProgressDialog(
        tr("Reading what the damaged catalog still holds…"), QString(), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("repairProgress"));
    progress->setWindowTitle(tr("Repairing Library"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    QProgressBar *bar = quietBar(*progress);
    progress->show();
    m_progress = progress;

    // Progress crosses to the GUI thread queued, on a guard that goes with
    // the dialog (and with its bar, a child of it).
    QPointer<QProgressDialog> guard = progress;
    auto report = [guard, bar](qint64 done, qint64 total, const QString &what) {
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, bar, done, total, what] {
                if (!guard)
                    return;
                guard->setLabelText(what);
                bar->setMaximum(int(std::min<qint64>(total, INT_MAX)));
                bar->setValue(int(std::min<qint64>(done, INT_MAX)));
            },
            Qt::QueuedConnection);
    };
    whenFinished(QtConcurrent::run(backgroundPool(),
                     [paths, report] { return CatalogSalvage::run(paths, report); }),
        this, [this, paths](const Result<SalvageReport> &r) {
            m_running = false;
            if (m_progress)
                m_progress->close();
            if (!r) {
                Q_EMIT failed(paths, r.error());
                return;
            }
            QString summary
                = tr("Library repaired: %Ln image(s) read back", nullptr, int(r->imagesRead));
            summary += tr(", %n rebuilt from stored files", nullptr, int(r->rebuiltFromBlobs));
            if (!r->damagedFile.isEmpty())
                summary += tr("; the damaged catalog is kept as %1")
                               .arg(QDir::toNativeSeparators(r->damagedFile));
            Q_EMIT repaired(paths, summary);
        });
}

} // namespace trove::ui

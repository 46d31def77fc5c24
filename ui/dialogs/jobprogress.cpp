// SPDX-License-Identifier: MIT
#include "dialogs/jobprogress.h"

#include "models/bulkaction.h"

#include <QCoreApplication>
#include <QFutureWatcherBase>
#include <QProgressBar>
#include <QProgressDialog>

namespace trove::ui {

QProgressBar *quietBar(QProgressDialog &dialog)
{
    auto *bar = new QProgressBar(&dialog);
    bar->setRange(dialog.minimum(), dialog.maximum());
    dialog.setBar(bar);
    dialog.setValue(dialog.minimum());
    return bar;
}

void followJob(QProgressDialog &dialog, QFutureWatcherBase &watcher)
{
    dialog.setAttribute(Qt::WA_DeleteOnClose);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumDuration(0);
    dialog.setRange(0, 0);
    QProgressBar *bar = quietBar(dialog);
    QObject::connect(
        &watcher, &QFutureWatcherBase::progressRangeChanged, bar, &QProgressBar::setRange);
    QObject::connect(
        &watcher, &QFutureWatcherBase::progressValueChanged, bar, &QProgressBar::setValue);
    QObject::connect(&dialog, &QProgressDialog::canceled, &watcher, &QFutureWatcherBase::cancel);
}

void runBulkAction(BulkAction *action, const QString &label, QWidget *window,
    std::function<void(BulkAction *, const QString &error)> done)
{
    // The window stays live meanwhile: the work is on the reader and
    // writer threads.
    auto *dialog = new QProgressDialog(
        label, QCoreApplication::translate("trove::ui::ImageActions", "Stop"), 0, 0, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setMinimumDuration(500);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    QObject::connect(dialog, &QProgressDialog::canceled, action, &BulkAction::cancel);
    QProgressBar *bar = quietBar(*dialog);
    QObject::connect(action, &BulkAction::progress, bar, [bar](qint64 n, qint64 total) {
        if (total < 0)
            return; // still resolving the selection: a busy bar
        // QProgressBar takes ints; a million fits.
        bar->setMaximum(int(std::max<qint64>(total, 1)));
        bar->setValue(int(n));
    });
    QObject::connect(action, &BulkAction::finished, dialog,
        [action, dialog, done = std::move(done)](qint64, const QString &error) {
            done(action, error);
            dialog->close();
        });
    action->start();
}

} // namespace trove::ui

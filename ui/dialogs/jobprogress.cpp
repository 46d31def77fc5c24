// SPDX-License-Identifier: MIT
#include "dialogs/jobprogress.h"

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

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "ingest/walkprogress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace trove::ui {

WalkProgress::WalkProgress(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_cancel(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_cancel);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop looking for images; what is queued stays queued"));
    m_cancel->setAutoRaise(true);
    connect(m_cancel, &QToolButton::clicked, this, &WalkProgress::cancelRequested);
    setVisible(false);
}

WalkProgress::~WalkProgress() = default;

void WalkProgress::showTotals(const FolderImport::Totals &totals)
{
    const QLocale locale;
    m_label->setText(tr("Looking for images: %1 found, %2 queued")
                         .arg(locale.toString(totals.found), locale.toString(totals.queued)));
    setVisible(true);
}

void WalkProgress::finish()
{
    setVisible(false);
    m_label->clear();
}

} // namespace trove::ui

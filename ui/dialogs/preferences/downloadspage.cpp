// SPDX-License-Identifier: MIT
#include "dialogs/preferences/downloadspage.h"

#include "preferences.h"

#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace trove::ui {

namespace {

QSpinBox *spinBox(QWidget *parent, const char *name, int low, int high, const QString &suffix)
{
    auto *box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(low, high);
    box->setSuffix(suffix);
    // Applied when typing ends, not for every digit.
    box->setKeyboardTracking(false);
    return box;
}

} // namespace

DownloadsPage::DownloadsPage(QWidget *parent)
    : QWidget(parent)
    , m_maxSize(spinBox(this, "maxDownloadBox", 1, 64 * 1024, tr(" MiB")))
    , m_perHost(spinBox(this, "perHostBox", 1, Preferences::kMaxPerHost, QString()))
    , m_stall(spinBox(this, "stallTimeoutBox", 5, 3600, tr(" s")))
    , m_total(spinBox(this, "totalTimeoutBox", 1, 24 * 60, tr(" min")))
{
    m_perHost->setToolTip(tr("Downloads from one site at the same time; the rest of its links "
                             "wait while other sites go on. Some sites refuse more than a few."));
    m_stall->setToolTip(tr("A download that receives nothing for this long is tried again "
                           "later (three tries in all)."));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Largest download:"), m_maxSize);
    form->addRow(tr("Downloads at once &per site:"), m_perHost);
    form->addRow(tr("Give up when &stalled for:"), m_stall);
    form->addRow(tr("Give up on &any download after:"), m_total);
    auto *note = new QLabel(tr("Changes apply to downloads that start from now on."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(note);

    for (QSpinBox *box : { m_maxSize, m_perHost, m_stall, m_total })
        connect(box, &QSpinBox::valueChanged, this, &DownloadsPage::edited);
}

DownloadsPage::~DownloadsPage() = default;

void DownloadsPage::load(const Preferences &prefs)
{
    const QSignalBlocker a(m_maxSize);
    const QSignalBlocker b(m_perHost);
    const QSignalBlocker c(m_stall);
    const QSignalBlocker d(m_total);
    m_maxSize->setValue(prefs.maxDownloadMiB);
    m_perHost->setValue(prefs.perHost);
    m_stall->setValue(prefs.stallTimeoutSeconds);
    m_total->setValue(prefs.totalTimeoutMinutes);
}

void DownloadsPage::store(Preferences &prefs) const
{
    prefs.maxDownloadMiB = m_maxSize->value();
    prefs.perHost = m_perHost->value();
    prefs.stallTimeoutSeconds = m_stall->value();
    prefs.totalTimeoutMinutes = m_total->value();
}

} // namespace trove::ui

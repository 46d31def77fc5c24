// SPDX-License-Identifier: MIT
#include "dialogs/statisticsdialog.h"

#include "models/librarysession.h"
#include "screenfit.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trove::ui {

namespace {

QTreeWidget *countTable(const QString &what, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setColumnCount(2);
    tree->setHeaderLabels({ what, StatisticsDialog::tr("Images") });
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    return tree;
}

void fill(QTreeWidget *tree, const QList<QPair<QString, qint64>> &rows, bool upper)
{
    const QLocale locale;
    tree->clear();
    for (const auto &[name, count] : rows) {
        auto *item = new QTreeWidgetItem(tree);
        item->setText(
            0, name.isEmpty() ? StatisticsDialog::tr("(none)") : (upper ? name.toUpper() : name));
        item->setText(1, locale.toString(count));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    }
}

/// The "Saved:" row's value: the status bar's "compression saved …" would
/// repeat the label's word.
QString savedByCompression(const LibraryStats &stats)
{
    const QLocale locale;
    const qint64 saved = stats.originalBytes - stats.storedBytes;
    if (stats.images == 0 || stats.originalBytes <= 0)
        return StatisticsDialog::tr("nothing stored yet");
    if (saved <= 0)
        return StatisticsDialog::tr("nothing (already compressed formats)");
    const double percent = 100.0 * double(saved) / double(stats.originalBytes);
    return StatisticsDialog::tr("%1 by compression (%2 %)")
        .arg(locale.formattedDataSize(saved, 1), locale.toString(percent, 'f', 1));
}

} // namespace

StatisticsDialog::StatisticsDialog(QWidget *parent)
    : QDialog(parent)
    , m_images(new QLabel(this))
    , m_lastAdded(new QLabel(this))
    , m_original(new QLabel(this))
    , m_stored(new QLabel(this))
    , m_saved(new QLabel(this))
    , m_formats(countTable(tr("Format"), this))
    , m_hosts(countTable(tr("Source domain"), this))
{
    setWindowTitle(tr("Library Statistics"));
    auto *totals = new QGroupBox(tr("Totals"), this);
    auto *form = new QFormLayout(totals);
    form->addRow(tr("Images:"), m_images);
    form->addRow(tr("Last added:"), m_lastAdded);
    form->addRow(tr("Original size:"), m_original);
    form->addRow(tr("Stored size:"), m_stored);
    form->addRow(tr("Saved:"), m_saved);
    for (QLabel *label : { m_images, m_lastAdded, m_original, m_stored, m_saved })
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *tables = new QHBoxLayout;
    tables->addWidget(m_formats);
    tables->addWidget(m_hosts, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(totals);
    layout->addLayout(tables, 1);
    layout->addWidget(buttons);
    resize(withinScreen(QSize(620, 480), this));
    m_images->setText(tr("Loading…"));

    m_refresh.setObjectName(QStringLiteral("statisticsRefresh"));
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kThrottleMs);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        if (m_session && isVisible())
            m_session->reader()->requestStats(true);
    });
}

StatisticsDialog::~StatisticsDialog() = default;

void StatisticsDialog::setSession(LibrarySession *session)
{
    m_session = session;
    if (!session)
        return;
    connect(session->reader(), &LibraryReader::statsReady, this, &StatisticsDialog::showReport);
    // The status bar's own requests bring totals only; the tables need a
    // request of their own when any process changes the library. Formats
    // come from the trigger-kept format_counts; the domains' GROUP BY runs
    // on the reader's thread, so neither costs the GUI thread a row loop.
    connect(
        session->reader(), &LibraryReader::changesReady, this, [this](const ChangeBatch &batch) {
            if (batch.touchesImages() && isVisible() && !m_refresh.isActive())
                m_refresh.start();
        });
    if (isVisible())
        session->reader()->requestStats(true);
}

void StatisticsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_session)
        m_session->reader()->requestStats(true);
}

void StatisticsDialog::showReport(const StatsReport &report)
{
    const QLocale locale;
    const LibraryStats &t = report.totals;
    m_images->setText(locale.toString(t.images));
    m_lastAdded->setText(t.lastAdded.isValid()
            ? locale.toString(t.lastAdded.toLocalTime(), QLocale::LongFormat)
            : tr("never"));
    m_original->setText(locale.formattedDataSize(t.originalBytes, 1));
    m_stored->setText(locale.formattedDataSize(t.storedBytes, 1));
    m_saved->setText(savedByCompression(t));
    if (!report.hasBreakdown)
        return; // the status bar's totals-only answer
    fill(m_formats, report.formats, true);
    fill(m_hosts, report.hosts, false);
}

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "ingest/ingestqueuepanel.h"

#include "icons.h"
#include "ingest/ingestqueuedelegate.h"
#include "models/librarysession.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace trove::ui {

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent, bool withText = true)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(withText ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly);
    button->setAutoRaise(true);
    return button;
}

} // namespace

IngestQueuePanel::IngestQueuePanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QListView(this))
    , m_delegate(new IngestQueueDelegate(this))
    , m_total(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_cancel(
          new QAction(themedIcon(QStringLiteral("dialog-cancel"), QStyle::SP_DialogCancelButton),
              tr("Cancel"), this))
    , m_retry(new QAction(
          themedIcon(QStringLiteral("view-refresh"), QStyle::SP_BrowserReload), tr("Retry"), this))
    , m_cancelAll(new QAction(themedIcon(QStringLiteral("process-stop"), QStyle::SP_BrowserStop),
          tr("Cancel All"), this))
    , m_clear(new QAction(
          themedIcon(QStringLiteral("edit-clear-history"), QStyle::SP_DialogResetButton),
          tr("Clear Finished"), this))
    , m_copy(new QAction(
          themedIcon(QStringLiteral("edit-copy"), QStyle::SP_FileIcon), tr("Copy Link"), this))
    , m_addAnyway(new QAction(IngestQueueDelegate::addAnywayText(), this))
    , m_pause(new QAction(this))
{
    m_addAnyway->setToolTip(
        tr("Add the selected images although their bytes were removed from the library before"));
    m_pause->setCheckable(true);
    showPaused(false);
    m_cancel->setToolTip(tr("Cancel the selected items"));
    m_retry->setToolTip(tr("Retry the selected failed or cancelled items"));
    m_cancelAll->setToolTip(tr("Cancel everything not finished yet"));
    m_clear->setToolTip(tr("Remove finished items from the queue"));
    m_cancel->setShortcut(QKeySequence::Delete);
    m_cancel->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_cancel);

    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setMouseTracking(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Ingest queue"));
    m_total->setTextVisible(true);
    m_total->setFormat(tr("%v of %m"));
    m_total->setMaximumHeight(m_summary->sizeHint().height() + 6);
    m_total->setRange(0, 1);
    m_total->setValue(0);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_total, 1);
    header->addWidget(m_summary);
    header->addSpacing(8);
    // Cancel and Retry act on the selection and sit on every row too: icons
    // here (with tooltips), so the panel fits a window 900 px wide.
    header->addWidget(toolButton(m_cancel, this, false));
    header->addWidget(toolButton(m_retry, this, false));
    header->addWidget(toolButton(m_pause, this));
    header->addWidget(toolButton(m_cancelAll, this));
    header->addWidget(toolButton(m_clear, this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    connect(m_cancel, &QAction::triggered, this, &IngestQueuePanel::cancelSelected);
    connect(m_retry, &QAction::triggered, this, &IngestQueuePanel::retrySelected);
    connect(m_cancelAll, &QAction::triggered, this, &IngestQueuePanel::cancelAll);
    connect(m_copy, &QAction::triggered, this, &IngestQueuePanel::copySources);
    connect(m_addAnyway, &QAction::triggered, this, &IngestQueuePanel::addAnywaySelected);
    connect(m_pause, &QAction::triggered, this, [this](bool paused) {
        if (m_session)
            m_session->pipeline()->setPaused(paused);
        else
            showPaused(false);
    });
    connect(m_clear, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->pipeline()->clearFinished();
    });
    connect(
        m_view, &QListView::customContextMenuRequested, this, &IngestQueuePanel::showContextMenu);
    connect(m_delegate, &IngestQueueDelegate::buttonClicked, this,
        [this](const QModelIndex &index, IngestQueueDelegate::Button button) {
            if (!m_session)
                return;
            const quint64 id = index.data(IngestQueueModel::ItemIdRole).toULongLong();
            if (button == IngestQueueDelegate::Button::Cancel)
                m_session->pipeline()->cancel(id);
            else if (button == IngestQueueDelegate::Button::AddAnyway)
                m_session->pipeline()->addAnyway(id);
            else
                m_session->pipeline()->retry(id);
        });
    connect(m_view, &QListView::activated, this, [this](const QModelIndex &index) {
        const qint64 key = index.data(IngestQueueModel::ImageKeyRole).toLongLong();
        if (key > 0)
            Q_EMIT showImageRequested(key);
    });
    m_totalsTimer.setSingleShot(true);
    m_totalsTimer.setInterval(100);
    connect(&m_totalsTimer, &QTimer::timeout, this, &IngestQueuePanel::updateTotals);
    updateTotals();
}

IngestQueuePanel::~IngestQueuePanel() = default;

void IngestQueuePanel::setSession(LibrarySession *session)
{
    m_session = session;
    showPaused(session && session->pipeline()->isPaused());
    if (!session) {
        m_view->setModel(nullptr);
        return;
    }
    connect(
        session->pipeline(), &IngestPipeline::pausedChanged, this, &IngestQueuePanel::showPaused);
    IngestQueueModel *model = session->queue();
    m_view->setModel(model);
    connect(model, &IngestQueueModel::totalsChanged, this, [this] {
        updateActions(); // cheap, and what the buttons offer must be current
        if (!m_totalsTimer.isActive())
            m_totalsTimer.start();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, &IngestQueuePanel::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &IngestQueuePanel::updateActions);
    updateTotals();
}

QList<quint64> IngestQueuePanel::selectedIds() const
{
    QList<quint64> ids;
    if (!m_view->selectionModel())
        return ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : rows)
        ids.append(index.data(IngestQueueModel::ItemIdRole).toULongLong());
    return ids;
}

void IngestQueuePanel::updateTotals()
{
    const IngestQueueModel *model = m_session ? m_session->queue() : nullptr;
    const int total = model ? model->rowCount() : 0;
    const int finished = model ? model->finishedCount() : 0;
    const int failed = model ? model->failedCount() : 0;
    m_total->setRange(0, std::max(1, total));
    m_total->setValue(finished);
    m_total->setVisible(total > 0);
    const QLocale locale;
    if (total == 0)
        m_summary->setText(tr("Nothing queued. Paste links (Ctrl+V) or drop images to add them."));
    else if (finished == total)
        m_summary->setText(
            failed > 0 ? tr("All done, %1 failed").arg(locale.toString(failed)) : tr("All done"));
    else
        m_summary->setText(failed > 0
                ? tr("%1 to go, %2 failed")
                      .arg(locale.toString(total - finished), locale.toString(failed))
                : tr("%1 to go").arg(locale.toString(total - finished)));
    updateActions();
}

void IngestQueuePanel::updateActions()
{
    bool canCancel = false;
    bool canRetry = false;
    bool canAddAnyway = false;
    if (m_view->selectionModel()) {
        const QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
        for (const QModelIndex &index : rows) {
            const auto button = IngestQueueDelegate::buttonFor(index);
            canCancel |= button == IngestQueueDelegate::Button::Cancel;
            canRetry |= button == IngestQueueDelegate::Button::Retry;
            canAddAnyway |= button == IngestQueueDelegate::Button::AddAnyway;
        }
    }
    const IngestQueueModel *model = m_session ? m_session->queue() : nullptr;
    const int total = model ? model->rowCount() : 0;
    const int finished = model ? model->finishedCount() : 0;
    m_cancel->setEnabled(canCancel);
    m_retry->setEnabled(canRetry);
    m_addAnyway->setEnabled(canAddAnyway);
    m_addAnyway->setVisible(canAddAnyway);
    m_cancelAll->setEnabled(finished < total);
    m_clear->setEnabled(finished > 0);
    m_copy->setEnabled(m_view->selectionModel() && m_view->selectionModel()->hasSelection());
}

// Running downloads finish while paused; the label says what a click does.
void IngestQueuePanel::showPaused(bool paused)
{
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume Downloads") : tr("Pause Downloads"));
    m_pause->setIcon(paused
            ? themedIcon(QStringLiteral("media-playback-start"), QStyle::SP_MediaPlay)
            : themedIcon(QStringLiteral("media-playback-pause"), QStyle::SP_MediaPause));
    m_pause->setToolTip(paused ? tr("Start downloading the waiting items again")
                               : tr("Start no new downloads; running ones finish"));
}

void IngestQueuePanel::cancelSelected()
{
    if (!m_session)
        return;
    for (quint64 id : selectedIds())
        m_session->pipeline()->cancel(id);
}

void IngestQueuePanel::retrySelected()
{
    if (!m_session)
        return;
    for (quint64 id : selectedIds())
        m_session->pipeline()->retry(id);
}

void IngestQueuePanel::addAnywaySelected()
{
    if (!m_session)
        return;
    for (quint64 id : selectedIds())
        m_session->pipeline()->addAnyway(id);
}

void IngestQueuePanel::cancelAll()
{
    if (!m_session)
        return;
    for (quint64 id : m_session->pipeline()->itemIds())
        m_session->pipeline()->cancel(id);
}

void IngestQueuePanel::copySources()
{
    QStringList sources;
    const QModelIndexList rows = m_view->selectionModel()
        ? m_view->selectionModel()->selectedIndexes()
        : QModelIndexList();
    for (const QModelIndex &index : rows)
        sources.append(index.data(IngestQueueModel::SourceRole).toString());
    if (!sources.isEmpty())
        QApplication::clipboard()->setText(sources.join(QLatin1Char('\n')));
}

void IngestQueuePanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid() && !m_view->selectionModel()->isSelected(index))
        m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    updateActions();
    QMenu menu(this);
    menu.addAction(m_cancel);
    menu.addAction(m_retry);
    menu.addAction(m_addAnyway);
    menu.addAction(m_copy);
    const qint64 key
        = index.isValid() ? index.data(IngestQueueModel::ImageKeyRole).toLongLong() : 0;
    if (key > 0) {
        menu.addAction(
            tr("Show in Gallery"), this, [this, key] { Q_EMIT showImageRequested(key); });
    }
    menu.addSeparator();
    menu.addAction(m_pause);
    menu.addAction(m_cancelAll);
    menu.addAction(m_clear);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace trove::ui

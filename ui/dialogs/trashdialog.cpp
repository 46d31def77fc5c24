// SPDX-License-Identifier: MIT
#include "dialogs/trashdialog.h"

#include "base/platform.h"
#include "dialogs/jobprogress.h"
#include "gallery/undocommands.h"
#include "icons.h"
#include "models/bulkaction.h"
#include "models/librarysession.h"
#include "models/rowranges.h"
#include "models/trashmodel.h"
#include "screenfit.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

namespace trove::ui {

namespace {

// Up to this many selected rows, all read, travel as keys at once; more
// (Select All of a big trash) are resolved on the reader thread.
constexpr qint64 kResolveHere = 2000;
constexpr int kRowHeight = 54; // a 48 px thumbnail and its margins
// Typing pauses this long before the list is read again.
constexpr int kFilterDelayMs = 250;
// The order and the size the window had when it was last closed.
constexpr auto kOrderKey = "trash/order";
constexpr auto kGeometryKey = "trash/geometry";

} // namespace

TrashDialog::TrashDialog(QUndoStack *undo, QWidget *parent)
    : QDialog(parent)
    , m_undo(undo)
    , m_model(new TrashModel(this))
    , m_view(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_note(new QLabel(this))
    , m_restore(new QPushButton(icon(Icon::Undo), tr("&Restore"), this))
    , m_delete(new QPushButton(icon(Icon::Delete), tr("&Delete for Good…"), this))
    , m_empty(new QPushButton(tr("&Empty Trash…"), this))
{
    setWindowTitle(tr("Trash"));
    setObjectName(QStringLiteral("trashDialog"));
    resize(withinScreen(QSize(760, 520), this));

    // A table, not a tree: QTreeView lays out an item per row, a million
    // after Select All and Delete; a table's rows are one fixed height.
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setIconSize(QSize(48, 48));
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(kRowHeight);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(TrashModel::NameColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = fontMetrics();
    m_view->setColumnWidth(TrashModel::RemovedColumn,
        metrics.horizontalAdvance(
            QLocale().toString(QDateTime(QDate(2026, 12, 31), QTime(23, 59)), QLocale::ShortFormat))
            + 24);
    m_view->setColumnWidth(
        TrashModel::FormatColumn, metrics.horizontalAdvance(QStringLiteral("WEBP")) + 28);
    m_view->setColumnWidth(
        TrashModel::SizeColumn, metrics.horizontalAdvance(QStringLiteral("999.9 MB")) + 28);
    // A click on a column's header sorts by it, on the reader thread; the
    // order chosen last time, at first the trash's own (most recently
    // removed first).
    {
        const auto settings = userSettings();
        const int stored = settings->value(QLatin1String(kOrderKey), -1).toInt();
        if (stored >= int(TrashOrder::NewestFirst) && stored <= int(TrashOrder::FormatDescending))
            m_model->setOrder(TrashOrder(stored));
        restoreGeometry(settings->value(QLatin1String(kGeometryKey)).toByteArray());
    }
    const auto [sortColumn, sortDirection] = TrashModel::sortIndicator(m_model->order());
    header->setSortIndicator(sortColumn, sortDirection);
    header->setSortIndicatorShown(true);
    m_view->setSortingEnabled(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] {
        // A selection made in the old order names other rows in the new.
        m_view->clearSelection();
        updateState();
        userSettings()->setValue(QLatin1String(kOrderKey), int(m_model->order()));
    });

    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("trashSummary"));
    m_filter->setObjectName(QStringLiteral("trashFilter"));
    m_filter->setPlaceholderText(tr("Filter by name or tag"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Show only the images whose name or tags contain every word typed "
                            "here (Ctrl+F)"));
    m_filter->setMinimumWidth(metrics.horizontalAdvance(m_filter->placeholderText()) + 48);
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("trashNote"));
    m_note->hide(); // until an action has something to say
    m_restore->setObjectName(QStringLiteral("trashRestore"));
    m_delete->setObjectName(QStringLiteral("trashDelete"));
    m_empty->setObjectName(QStringLiteral("trashEmpty"));
    m_restore->setToolTip(tr("Put the selected images back in the library, with their names, "
                             "tags and sources (Ctrl+Z in the window takes it back)"));
    m_delete->setToolTip(
        tr("Delete the selected images and their originals; this cannot be undone"));
    m_empty->setToolTip(
        tr("Delete every image in the trash and its original; this cannot be undone"));

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_restore);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    actions->addWidget(m_empty);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_filter, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(actions);
    layout->addWidget(m_note);
    layout->addWidget(close);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *filterDelay = new QTimer(this);
    filterDelay->setObjectName(QStringLiteral("trashFilterDelay"));
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(kFilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] {
        // A selection made in the old list names other rows in the new.
        m_view->clearSelection();
        m_model->setFilter(m_filter->text());
        updateState();
    });
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    addAction(find);
    connect(find, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    connect(m_restore, &QPushButton::clicked, this, &TrashDialog::restoreSelected);
    connect(m_delete, &QPushButton::clicked, this, &TrashDialog::deleteSelected);
    connect(m_empty, &QPushButton::clicked, this, &TrashDialog::emptyTrash);
    // A right-click on a row selects it (the view does) and offers what
    // the buttons do; the Delete key deletes for good (it asks first).
    m_restoreAction = new QAction(icon(Icon::Undo), tr("&Restore"), m_view);
    m_restoreAction->setObjectName(QStringLiteral("trashRestoreAction"));
    m_deleteAction = new QAction(icon(Icon::Delete), tr("&Delete for Good…"), m_view);
    m_deleteAction->setObjectName(QStringLiteral("trashDeleteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_restoreAction);
    m_view->addAction(m_deleteAction);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Enabled as the buttons are (updateState()).
    connect(m_restoreAction, &QAction::triggered, this, &TrashDialog::restoreSelected);
    connect(m_deleteAction, &QAction::triggered, this, &TrashDialog::deleteSelected);
    connect(m_model, &TrashModel::counted, this, &TrashDialog::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TrashDialog::updateState);
    // A large trash reaches the view in steps (TrashModel::kRowsPerTurn):
    // Select All made before the last step still means every row.
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) {
            const QItemSelection selected = m_view->selectionModel()->selection();
            if (first == 0 || selected.size() != 1 || selected.first().top() != 0
                || selected.first().bottom() != first - 1)
                return;
            // As one range, as Select All makes it, for the next step.
            m_view->selectionModel()->select(QItemSelection(m_model->index(0, 0),
                                                 m_model->index(last, TrashModel::ColumnCount - 1)),
                QItemSelectionModel::ClearAndSelect);
        });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &TrashDialog::updateState);
    connect(m_model, &TrashModel::keysResolved, this,
        [this](quint64 ticket, const QList<qint64> &keys, const QString &error) {
            if (ticket != m_pendingTicket)
                return;
            m_pendingTicket = 0;
            m_busy = false;
            if (!error.isEmpty()) {
                say(tr("Nothing was changed: %1").arg(error));
                updateState();
                return;
            }
            run(m_pendingAct, keys);
        });
    updateState();
}

TrashDialog::~TrashDialog() = default;

void TrashDialog::setSession(LibrarySession *session)
{
    m_session = session;
    m_model->setReader(session && isVisible() ? session->reader() : nullptr);
    m_pendingTicket = 0;
    m_busy = false;
    updateState();
}

QString TrashDialog::note() const
{
    return m_note->text();
}

void TrashDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_model->setIconScale(devicePixelRatioF());
    // Read while shown only: closed, it costs the reader nothing.
    if (m_session)
        m_model->setReader(m_session->reader());
}

void TrashDialog::hideEvent(QHideEvent *event)
{
    QDialog::hideEvent(event);
    userSettings()->setValue(QLatin1String(kGeometryKey), saveGeometry());
    m_model->setReader(nullptr);
    // Closed while the rows were being resolved: that answer no longer
    // comes, and nothing was changed.
    if (m_pendingTicket != 0) {
        m_pendingTicket = 0;
        m_busy = false;
        say({});
        updateState();
    }
}

QList<QPair<qint64, qint64>> TrashDialog::selectedRanges() const
{
    return rowRanges(m_view->selectionModel()->selection());
}

void TrashDialog::restoreSelected()
{
    act(Act::Restore, selectedRanges());
}

void TrashDialog::deleteSelected()
{
    const auto ranges = selectedRanges();
    const qint64 count = rowsIn(ranges);
    if (count > 0 && confirmDelete(count, false))
        act(Act::Delete, ranges);
}

void TrashDialog::emptyTrash()
{
    // The whole trash, whatever the filter shows.
    const qint64 all = m_model->all();
    if (all > 0 && confirmDelete(all, true))
        act(Act::Delete, { { 0, all - 1 } }, TrashModel::Scope::Whole);
}

bool TrashDialog::confirmDelete(qint64 count, bool all)
{
    const QString question = all
        ? tr("Delete all %Ln image(s) in the trash for good?", nullptr, int(count))
        : tr("Delete %Ln image(s) for good?", nullptr, int(count));
    QMessageBox box(QMessageBox::Warning, all ? tr("Empty Trash") : tr("Delete for Good"), question,
        QMessageBox::Cancel, this);
    // With the count, so that one image reads "Its original is deleted too".
    box.setInformativeText(tr("Their originals are deleted too. This cannot be undone.", nullptr,
        int(std::min<qint64>(count, std::numeric_limits<int>::max()))));
    QPushButton *yes
        = box.addButton(all ? tr("Empty Trash") : tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void TrashDialog::act(Act what, const QList<QPair<qint64, qint64>> &ranges, TrashModel::Scope scope)
{
    const qint64 count = rowsIn(ranges);
    if (count == 0 || !m_session || m_busy || m_session->isReadOnly())
        return;
    // The rows read are the filter's: the whole trash of a filtered list is
    // resolved on the reader thread.
    if (count <= kResolveHere
        && (scope == TrashModel::Scope::Shown || m_model->filter().isEmpty())) {
        QList<qint64> keys;
        keys.reserve(count);
        for (const auto &[first, last] : ranges) {
            for (qint64 row = first; row <= last; ++row) {
                const TrashRecord *record = m_model->recordAt(int(row));
                if (!record)
                    break;
                keys.append(record->image.key);
            }
        }
        if (keys.size() == count) {
            run(what, keys);
            return;
        }
    }
    m_busy = true;
    m_pendingAct = what;
    m_pendingTicket = m_model->resolveKeys(ranges, scope);
    say(tr("Reading the trash…"));
    updateState();
}

void TrashDialog::run(Act what, const QList<qint64> &keys)
{
    if (!m_session || keys.isEmpty())
        return;
    LibrarySession *session = m_session;
    m_busy = true;
    updateState();
    const bool restore = what == Act::Restore;
    auto *action = new BulkAction(session->writer(),
        restore ? BulkAction::Kind::Restore : BulkAction::Kind::DeleteForGood, keys, this);
    QPointer<QUndoStack> undo = m_undo;
    QPointer<TrashDialog> self = this;
    runBulkAction(action,
        restore ? tr("Restoring images from the trash…") : tr("Deleting images for good…"), this,
        [self, undo, restore, session = QPointer<LibrarySession>(session)](
            BulkAction *a, const QString &error) {
            const qint64 done = a->doneCount();
            // Undone in the window (Ctrl+Z) like a Delete, whose inverse it is.
            if (restore && done > 0 && undo && session)
                undo->push(new RemoveCommand(
                    session, a->doneKeys(),
                    [self](const QString &text) {
                        if (self)
                            Q_EMIT self->message(text);
                    },
                    RemoveCommand::Way::FromTrash, a->restoreMerges()));
            if (!self)
                return;
            self->m_busy = false;
            const QString count = QLocale().toString(done);
            if (!error.isEmpty())
                self->say(restore ? tr("Cannot restore: %1 (%2 restored)").arg(error, count)
                                  : tr("Cannot delete: %1 (%2 deleted)").arg(error, count));
            else if (a->isCancelled())
                self->say(restore ? tr("Stopped: %1 restored").arg(count)
                                  : tr("Stopped: %1 deleted for good").arg(count));
            else if (!restore)
                self->say(tr("Deleted %Ln image(s) for good", nullptr, int(done)));
            else
                self->say(restoredText(done, a->restoreMerges()));
            self->updateState();
        });
}

QString TrashDialog::restoredText(qint64 done, const QList<RestoreMerge> &merged)
{
    const QString restored = tr("Restored %Ln image(s) to the library", nullptr, int(done));
    if (merged.isEmpty())
        return restored;
    // Its bytes were added again while it was in the trash: one image now,
    // under the other's id (and maybe its name).
    if (done == 1 && merged.size() == 1) {
        const RestoreMerge &m = merged.first();
        if (m.intoName == m.name)
            return tr("“%1” was merged into the same image, added to the library again meanwhile")
                .arg(m.name);
        return tr("“%1” was merged into “%2”, the same image added to the library again meanwhile")
            .arg(m.name, m.intoName);
    }
    return tr("%1; %Ln of them merged into the same image, added again meanwhile", nullptr,
        int(merged.size()))
        .arg(restored);
}

void TrashDialog::updateState()
{
    const bool writable = m_session && !m_session->isReadOnly() && !m_busy;
    const qint64 total = m_model->total();
    const qint64 all = m_model->all();
    const qint64 selected = rowsIn(selectedRanges());
    const QString filter = m_model->filter();
    if (!m_model->isCounted())
        m_summary->setText(tr("Reading the trash…"));
    else if (all == 0)
        m_summary->setText(tr("The trash is empty. Images you remove from the library wait here "
                              "until you delete them for good."));
    else if (!filter.isEmpty() && total == 0)
        m_summary->setText(
            tr("No image of the %Ln in the trash has “%1” in its name or tags.", nullptr, int(all))
                .arg(filter));
    else if (!filter.isEmpty() && selected > 0)
        m_summary->setText(tr("%1 selected of %Ln matching image(s)", nullptr, int(total))
                               .arg(QLocale().toString(selected)));
    else if (!filter.isEmpty())
        m_summary->setText(tr("%Ln image(s) of %1 in the trash match “%2”.", nullptr, int(total))
                               .arg(QLocale().toString(all), filter));
    else if (selected > 0)
        m_summary->setText(tr("%1 selected of %Ln image(s) in the trash", nullptr, int(total))
                               .arg(QLocale().toString(selected)));
    else
        m_summary->setText(tr("%Ln image(s) in the trash. Select some to restore them or to "
                              "delete them for good (a click on a column's header sorts).",
            nullptr, int(total)));
    m_restore->setEnabled(writable && selected > 0);
    m_delete->setEnabled(writable && selected > 0);
    m_restoreAction->setEnabled(m_restore->isEnabled());
    m_deleteAction->setEnabled(m_delete->isEnabled());
    m_empty->setEnabled(writable && all > 0);
}

void TrashDialog::say(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
}

} // namespace trove::ui

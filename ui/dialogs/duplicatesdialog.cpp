// SPDX-License-Identifier: MIT
#include "dialogs/duplicatesdialog.h"

#include "base/futurewatch.h"
#include "dialogs/duplicategroupdelegate.h"
#include "gallery/undocommands.h"
#include "models/duplicatesmodel.h"
#include "models/librarysession.h"
#include "screenfit.h"
#include "similar/keepbest.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace trove::ui {

DuplicatesDialog::DuplicatesDialog(
    LibrarySession *session, QUndoStack *undo, Reporter report, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_undo(undo)
    , m_report(std::move(report))
    , m_model(new DuplicatesModel(
          session ? session->similarity() : nullptr, session ? session->reader() : nullptr, this))
    , m_status(new QLabel(this))
    , m_groups(new QListView(this))
    , m_keep(new QPushButton(tr("&Keep Best"), this))
    , m_apart(new QPushButton(tr("&Not Duplicates"), this))
    , m_refresh(new QPushButton(tr("&Search Again"), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Duplicates"));
    resize(withinScreen(QSize(1060, 700), this));
    m_model->setThumbnailScale(devicePixelRatioF());
    m_groups->setModel(m_model);
    m_groups->setItemDelegate(new DuplicateGroupDelegate(m_groups));
    // Every row the same height: the view never asks 49,000 rows for
    // theirs; and it lays them out a batch at a time between events.
    m_groups->setUniformItemSizes(true);
    m_groups->setLayoutMode(QListView::Batched);
    m_groups->setBatchSize(5000);
    m_groups->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_groups->setSelectionMode(QAbstractItemView::SingleSelection);
    m_groups->setAlternatingRowColors(true);
    m_status->setWordWrap(true);
    auto *rule = new QLabel(tr("Keep Best: %1").arg(KeepBest::ruleText()), this);
    rule->setWordWrap(true);
    m_keep->setToolTip(
        tr("Keep the first image of the group, give it the others' tags and sources, and move "
           "the others to the trash. Collections are not merged: Trove has none yet."));
    m_apart->setToolTip(tr("Remember that these images are not duplicates."));
    m_refresh->setToolTip(tr("Look for duplicates again, with images added since."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_keep, QDialogButtonBox::ActionRole);
    buttons->addButton(m_apart, QDialogButtonBox::ActionRole);
    buttons->addButton(m_refresh, QDialogButtonBox::ResetRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keep, &QPushButton::clicked, this, &DuplicatesDialog::keepBest);
    connect(m_apart, &QPushButton::clicked, this, &DuplicatesDialog::notDuplicates);
    connect(m_refresh, &QPushButton::clicked, this, &DuplicatesDialog::refresh);
    connect(m_model, &DuplicatesModel::searched, this, &DuplicatesDialog::searched);
    connect(m_model, &DuplicatesModel::detailsFailed, this, [this](const QString &error) {
        m_note = tr("Cannot read some groups: %1").arg(error);
        m_noteUndoIndex = -1;
        showSummary();
    });
    // Groups leave (a merge here or a removal anywhere) and come back (Undo).
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_model, signal, this, [this] {
            // Keep a group at hand for the buttons (the current one may
            // just have gone).
            if (!m_groups->currentIndex().isValid() && m_model->rowCount() > 0)
                m_groups->setCurrentIndex(m_model->index(0));
            showSummary();
            updateButtons();
        });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DuplicatesDialog::updateButtons);
    connect(m_groups->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &DuplicatesDialog::updateButtons);
    if (m_undo) {
        // "Kept one image; 1 moved to the trash" stayed after Edit ▸ Undo
        // (here or in the main window) had put the group back.
        connect(m_undo, &QUndoStack::indexChanged, this, [this](int index) {
            if (m_noteUndoIndex < 0 || index >= m_noteUndoIndex)
                return;
            m_note.clear();
            m_noteUndoIndex = -1;
            showSummary();
        });
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(rule);
    layout->addWidget(m_groups, 1);
    layout->addWidget(buttons);
    refresh();
}

DuplicatesDialog::~DuplicatesDialog() = default;

void DuplicatesDialog::refresh()
{
    if (!m_session)
        return;
    m_note.clear();
    m_noteUndoIndex = -1;
    m_status->setText(tr("Looking for duplicates…"));
    m_model->search();
    updateButtons();
}

void DuplicatesDialog::searched(const QString &error)
{
    if (!error.isEmpty())
        m_status->setText(tr("Cannot look for duplicates: %1").arg(error));
    else
        showSummary();
    if (m_model->rowCount() > 0)
        m_groups->setCurrentIndex(m_model->index(0));
    updateButtons();
    Q_EMIT finished();
}

void DuplicatesDialog::showSummary()
{
    if (m_model->isSearching())
        return;
    const int groups = m_model->rowCount();
    QString text = groups == 0
        ? tr("No near-duplicates (distance up to %1 of 64 bits).").arg(m_model->rule().distance)
        : tr("%Ln group(s) of near-duplicates (distance up to %1 of 64 bits), largest first.",
            nullptr, groups)
              .arg(m_model->rule().distance);
    if (m_model->progress().remaining() > 0)
        text += QLatin1Char(' ')
            + tr("%Ln image(s) not hashed yet and left out.", nullptr,
                int(m_model->progress().remaining()));
    if (!m_note.isEmpty())
        text += QLatin1Char('\n') + m_note;
    m_status->setText(text);
}

void DuplicatesDialog::updateButtons()
{
    const QModelIndex current = m_groups->currentIndex();
    const bool writable = m_session && !m_session->isReadOnly();
    const bool ready = writable && !m_busy && current.isValid();
    m_keep->setEnabled(ready && current.data(DuplicatesModel::LoadedRole).toBool());
    const bool small = current.data(DuplicatesModel::CountRole).toInt() <= kMaxApart;
    m_apart->setEnabled(ready && small);
    m_apart->setToolTip(small ? tr("Remember that these images are not duplicates.")
                              : tr("Not Duplicates takes groups of up to %1 images; search "
                                   "with a smaller distance to split this one.")
                                    .arg(kMaxApart));
    m_refresh->setEnabled(m_session && !m_model->isSearching());
}

void DuplicatesDialog::keepBest()
{
    const QModelIndex current = m_groups->currentIndex();
    if (!current.isValid() || !m_session || m_busy
        || !current.data(DuplicatesModel::LoadedRole).toBool())
        return;
    // Best first: the model's order is KeepBest's.
    const auto keys = current.data(DuplicatesModel::KeysRole).value<QList<qint64>>();
    if (keys.size() < 2)
        return;
    m_busy = true;
    updateButtons();
    LibrarySession *session = m_session;
    whenFinished(session->writer()->merge(keys.first(), keys.mid(1)), this,
        [this, session](const Result<MergeOutcome> &merged) {
            m_busy = false;
            m_noteUndoIndex = -1;
            if (!merged) {
                m_note = tr("Cannot keep the best image: %1").arg(merged.error());
            } else {
                if (m_undo) {
                    m_undo->push(new MergeCommand(session, *merged, m_report));
                    m_noteUndoIndex = m_undo->index();
                }
                // At once, not when the change feed tells: the group goes.
                m_model->removeImages(merged->trashed);
                m_note = tr("Kept one image; %n moved to the trash (Edit ▸ Undo puts them back).",
                    nullptr, int(merged->trashed.size()));
            }
            showSummary();
            updateButtons();
            Q_EMIT finished();
        });
}

void DuplicatesDialog::notDuplicates()
{
    const QModelIndex current = m_groups->currentIndex();
    if (!current.isValid() || !m_session || m_busy
        || current.data(DuplicatesModel::CountRole).toInt() > kMaxApart)
        return;
    const auto keys = current.data(DuplicatesModel::KeysRole).value<QList<qint64>>();
    QList<QPair<qint64, qint64>> pairs;
    for (qsizetype i = 0; i < keys.size(); ++i)
        for (qsizetype j = i + 1; j < keys.size(); ++j)
            pairs.append({ std::min(keys[i], keys[j]), std::max(keys[i], keys[j]) });
    m_busy = true;
    updateButtons();
    // Rows may come and go while the pairs are written.
    const QPersistentModelIndex group(current);
    whenFinished(m_session->writer()->markNotDuplicates(pairs), this,
        [this, group](const Result<int> &marked) {
            m_busy = false;
            m_noteUndoIndex = -1;
            if (!marked) {
                m_note = tr("Cannot remember these images: %1").arg(marked.error());
            } else {
                if (group.isValid())
                    m_model->dismissGroup(group.row());
                m_note = tr("These images will not be shown as duplicates again.");
            }
            showSummary();
            updateButtons();
            Q_EMIT finished();
        });
}

} // namespace trove::ui

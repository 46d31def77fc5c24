// SPDX-License-Identifier: MIT
#include "dialogs/duplicatesdialog.h"

#include "base/futurewatch.h"
#include "dialogs/similardialog.h"
#include "gallery/undocommands.h"
#include "models/librarysession.h"
#include "models/similarityservice.h"
#include "similar/keepbest.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace trove::ui {

namespace {

constexpr int kIconSize = 96;

// The group row whose first image is @p key (rows may have changed while
// a write was on its way).
QTreeWidgetItem *groupStartingWith(QTreeWidget *tree, qint64 key)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *group = tree->topLevelItem(i);
        if (group->childCount() > 0 && group->child(0)->data(0, Qt::UserRole).toLongLong() == key)
            return group;
    }
    return nullptr;
}

QList<qint64> keysOf(const QTreeWidgetItem *group)
{
    QList<qint64> keys;
    for (int i = 0; i < group->childCount(); ++i)
        keys.append(group->child(i)->data(0, Qt::UserRole).toLongLong());
    return keys;
}

} // namespace

DuplicatesDialog::DuplicatesDialog(
    LibrarySession *session, QUndoStack *undo, Reporter report, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_undo(undo)
    , m_report(std::move(report))
    , m_status(new QLabel(this))
    , m_groups(new QTreeWidget(this))
    , m_keep(new QPushButton(tr("&Keep Best"), this))
    , m_apart(new QPushButton(tr("&Not Duplicates"), this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Duplicates"));
    resize(1000, 640);
    m_groups->setHeaderLabels(SimilarDialog::columns());
    m_groups->setIconSize(QSize(kIconSize, kIconSize));
    m_groups->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_groups->header()->setStretchLastSection(false);
    m_status->setWordWrap(true);
    auto *rule = new QLabel(KeepBest::ruleText(), this);
    rule->setWordWrap(true);
    m_keep->setToolTip(
        tr("Keep the first image of the group, give it the others' tags and sources, and move "
           "the others to the trash. Collections are not merged: Trove has none yet."));
    m_apart->setToolTip(tr("Remember that these images are not duplicates."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_keep, QDialogButtonBox::ActionRole);
    buttons->addButton(m_apart, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keep, &QPushButton::clicked, this, &DuplicatesDialog::keepBest);
    connect(m_apart, &QPushButton::clicked, this, &DuplicatesDialog::notDuplicates);
    connect(m_groups, &QTreeWidget::currentItemChanged, this, &DuplicatesDialog::updateButtons);
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
    m_busy = true;
    updateButtons();
    m_status->setText(tr("Looking for duplicates…"));
    whenFinished(m_session->similarity()->findDuplicates(), this,
        [this](const Result<DuplicateGroups> &found) {
            m_busy = false;
            if (!found)
                m_status->setText(tr("Cannot look for duplicates: %1").arg(found.error()));
            else
                showGroups(*found);
            updateButtons();
            Q_EMIT finished();
        });
}

void DuplicatesDialog::showGroups(const DuplicateGroups &found)
{
    m_groups->clear();
    const QLocale locale;
    int number = 0;
    for (const auto &group : found.groups) {
        auto *top = new QTreeWidgetItem(m_groups);
        top->setText(0, tr("Group %1: %n image(s)", nullptr, int(group.size())).arg(++number));
        top->setFirstColumnSpanned(true);
        for (const SimilarItem &item : group)
            SimilarDialog::fillRow(new QTreeWidgetItem(top), item);
        top->child(0)->setText(0, tr("%1 (keep)").arg(top->child(0)->text(0)));
        top->setExpanded(true);
    }
    QString text = found.total == 0
        ? tr("No near-duplicates (distance up to %1 of 64 bits).")
              .arg(SimilarityRule::kDefaultDistance)
        : tr("%1 group(s) of near-duplicates.").arg(locale.toString(found.total));
    if (found.total > found.groups.size())
        text += QLatin1Char(' ')
            + tr("Showing the %1 largest.").arg(locale.toString(found.groups.size()));
    if (found.progress.remaining() > 0)
        text += QLatin1Char(' ')
            + tr("%1 image(s) are not hashed yet and are left out.")
                  .arg(locale.toString(found.progress.remaining()));
    m_status->setText(text);
    if (m_groups->topLevelItemCount() > 0)
        m_groups->setCurrentItem(m_groups->topLevelItem(0));
}

QTreeWidgetItem *DuplicatesDialog::currentGroup() const
{
    QTreeWidgetItem *item = m_groups->currentItem();
    while (item && item->parent())
        item = item->parent();
    return item;
}

void DuplicatesDialog::updateButtons()
{
    const bool writable = m_session && !m_session->isReadOnly();
    const bool group = currentGroup() != nullptr && !m_busy;
    m_keep->setEnabled(group && writable);
    m_apart->setEnabled(group && writable);
}

void DuplicatesDialog::keepBest()
{
    QTreeWidgetItem *group = currentGroup();
    if (!group || !m_session || m_busy)
        return;
    const QList<qint64> keys = keysOf(group);
    if (keys.size() < 2)
        return;
    m_busy = true;
    updateButtons();
    LibrarySession *session = m_session;
    whenFinished(session->writer()->merge(keys.first(), keys.mid(1)), this,
        [this, session, first = keys.first()](const Result<MergeOutcome> &merged) {
            m_busy = false;
            if (!merged) {
                m_status->setText(tr("Cannot keep the best image: %1").arg(merged.error()));
            } else {
                if (m_undo)
                    m_undo->push(new MergeCommand(session, *merged, m_report));
                delete groupStartingWith(m_groups, first);
                m_status->setText(tr("Kept one image; %n moved to the trash (Edit ▸ Undo puts "
                                     "them back).",
                    nullptr, int(merged->trashed.size())));
            }
            updateButtons();
            Q_EMIT finished();
        });
}

void DuplicatesDialog::notDuplicates()
{
    QTreeWidgetItem *group = currentGroup();
    if (!group || !m_session || m_busy)
        return;
    const QList<qint64> keys = keysOf(group);
    QList<QPair<qint64, qint64>> pairs;
    for (qsizetype i = 0; i < keys.size(); ++i)
        for (qsizetype j = i + 1; j < keys.size(); ++j)
            pairs.append({ keys[i], keys[j] });
    m_busy = true;
    updateButtons();
    whenFinished(m_session->writer()->markNotDuplicates(pairs), this,
        [this, first = keys.first()](const Result<int> &marked) {
            m_busy = false;
            if (!marked) {
                m_status->setText(tr("Cannot remember these images: %1").arg(marked.error()));
            } else {
                delete groupStartingWith(m_groups, first);
                m_status->setText(tr("These images will not be shown as duplicates again."));
            }
            updateButtons();
            Q_EMIT finished();
        });
}

} // namespace trove::ui

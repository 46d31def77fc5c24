// SPDX-License-Identifier: MIT
#include "gallery/markactions.h"

#include "gallery/imageactions.h"
#include "gallery/undocommands.h"
#include "models/bulkaction.h"
#include "models/librarysession.h"
#include "statusmessagetimes.h"

#include <QAction>
#include <QActionGroup>
#include <QLocale>
#include <QMenu>
#include <QUndoStack>

namespace trove::ui {

MarkActions::MarkActions(ImageActions *owner)
    : QObject(owner)
    , m_owner(owner)
    , m_ratingGroup(new QActionGroup(this))
    , m_favourite(new QAction(tr("&Favourite"), this))
{
    // Checked shows the rating the loaded targets share; none when they differ.
    m_ratingGroup->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (int stars = 0; stars <= 5; ++stars) {
        auto *action = new QAction(stars == 0
                ? tr("&No Rating")
                : QStringLiteral("&%1  %2").arg(stars).arg(
                    QString(stars, QChar(0x2605)) + QString(5 - stars, QChar(0x2606))),
            m_ratingGroup);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::Key_0 + stars));
        action->setToolTip(
            stars == 0 ? tr("Clear the rating") : tr("Rate %n star(s)", nullptr, stars));
        connect(action, &QAction::triggered, this, [this, stars] { rate(stars); });
        m_rating.append(action);
    }
    m_favourite->setCheckable(true);
    m_favourite->setShortcut(QKeySequence(Qt::Key_F));
    // Toggling: when every loaded target is a favourite already, F takes
    // the mark off all of them; otherwise it puts it on all. Decided from
    // the records as they are now, not from the check mark: another
    // process (the CLI, the API) may have changed them since it was set.
    connect(m_favourite, &QAction::triggered, this,
        [this] { setFavourite(!allFavourite(m_owner->targets())); });
}

bool MarkActions::allFavourite(const ActionTargets &targets)
{
    // Loaded records only: a screenful at most, never the selection's size.
    bool all = !targets.loaded.isEmpty();
    for (const ImageRecord &r : targets.loaded)
        all &= r.favourite;
    return all;
}

MarkActions::~MarkActions() = default;

void MarkActions::updateEnabled(const ActionTargets &targets, bool writable)
{
    // Loaded records only: a screenful at most, never the selection's size.
    int shared = -1;
    for (const ImageRecord &r : targets.loaded)
        shared = shared == -1 || shared == r.rating ? r.rating : -2;
    for (int stars = 0; stars <= 5; ++stars) {
        m_rating[stars]->setEnabled(writable);
        m_rating[stars]->setChecked(stars == shared);
    }
    m_favourite->setEnabled(writable);
    m_favourite->setChecked(allFavourite(targets));
}

void MarkActions::fillMenu(QMenu *menu) const
{
    QMenu *rating = menu->addMenu(tr("R&ating"));
    rating->setObjectName(QStringLiteral("ratingSubmenu"));
    // A submenu whose every item is disabled is itself disabled: it opens
    // on nothing.
    QAction *submenu = rating->menuAction();
    submenu->setEnabled(m_rating.first()->isEnabled());
    connect(m_rating.first(), &QAction::enabledChanged, submenu, &QAction::setEnabled);
    rating->addActions(m_rating.mid(1));
    rating->addSeparator();
    rating->addAction(m_rating.first());
    menu->addAction(m_favourite);
}

void MarkActions::attachTo(QWidget *widget)
{
    for (QAction *action : m_rating + QList<QAction *> { m_favourite }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        widget->addAction(action);
    }
}

void MarkActions::rate(int stars)
{
    mark(int(BulkAction::Kind::SetRating), stars,
        stars == 0 ? tr("Clear Rating") : tr("Rate %n Star(s)", nullptr, stars));
}

void MarkActions::setFavourite(bool favourite)
{
    mark(int(BulkAction::Kind::SetFavourite), favourite ? 1 : 0,
        favourite ? tr("Mark as Favourite") : tr("Unmark Favourite"));
}

void MarkActions::mark(int kind, int value, const QString &undoText)
{
    const ActionTargets all = m_owner->targets();
    LibrarySession *session = m_owner->session();
    if (all.count == 0 || !session || session->isReadOnly())
        return;
    const auto bulkKind = BulkAction::Kind(kind);
    BulkAction *action = nullptr;
    if (all.complete()) {
        QList<qint64> keys;
        keys.reserve(all.loaded.size());
        for (const ImageRecord &r : all.loaded)
            keys.append(r.key);
        action = new BulkAction(session->writer(), bulkKind, keys, this);
    } else {
        action = new BulkAction(
            session->reader(), session->writer(), bulkKind, all.query, all.rows, this);
    }
    action->setValue(value);
    const bool rating = bulkKind == BulkAction::Kind::SetRating;
    QPointer<LibrarySession> guard = session;
    m_owner->runBulk(action, rating ? tr("Rating images…") : tr("Marking favourites…"),
        [this, guard, value, undoText, rating](BulkAction *a, const QString &error) {
            // Images moved to the trash elsewhere were left alone.
            const Absent &absent = a->markDelta().absent;
            const qint64 done = a->doneCount() - absent.size();
            QUndoStack *undo = m_owner->undoStack();
            if (!a->markDelta().isEmpty() && undo && guard)
                undo->push(new MarkCommand(
                    guard, a->markDelta(), value, undoText, m_owner->undoReporter()));
            if (!error.isEmpty())
                Q_EMIT m_owner->message(tr("Cannot change %1: %2 (%3 changed)")
                                            .arg(rating ? tr("the rating") : tr("favourites"),
                                                error, QLocale().toString(done)),
                    kStatusMessageMs);
            else if (rating)
                Q_EMIT m_owner->message(
                    withAbsent(value == 0 ? tr("Rating cleared on %Ln image(s)", nullptr, int(done))
                                          : tr("Rated %Ln image(s) %1", nullptr, int(done))
                                                .arg(QString(value, QChar(0x2605))),
                        absent, a->doneCount()),
                    kStatusMessageMs);
            else
                Q_EMIT m_owner->message(
                    withAbsent(value != 0
                            ? tr("Marked %Ln image(s) as favourite", nullptr, int(done))
                            : tr("Unmarked %Ln favourite(s)", nullptr, int(done)),
                        absent, a->doneCount()),
                    kStatusMessageMs);
        });
}

} // namespace trove::ui

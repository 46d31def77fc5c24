// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QActionGroup;
class QMenu;
class QWidget;

namespace trove::ui {

class ImageActions;
struct ActionTargets;

/// The rating (0 to 5 stars) and the favourite flag of the images a person
/// has chosen: Image ▸ Rating and Image ▸ Favourite, and the keys 0 to 5
/// and F in the gallery and the viewer. A selection of any size is
/// resolved on the reader thread and written in batches (BulkAction); each
/// change is one undo step. A part of ImageActions, which gives it its
/// targets, session and undo stack. GUI thread.
class MarkActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkActions)

public:
    explicit MarkActions(ImageActions *owner);
    ~MarkActions() override;

    /// Enables (and checks, by the loaded targets) what applies.
    void updateEnabled(const ActionTargets &targets, bool writable);
    void fillMenu(QMenu *menu) const;
    void attachTo(QWidget *widget);

    /// 0 clears the rating; 1 to 5 stars.
    QAction *ratingAction(int stars) const { return m_rating.value(stars); }
    QAction *favouriteAction() const { return m_favourite; }

private:
    /// Whether every loaded target is a favourite (none loaded: no).
    static bool allFavourite(const ActionTargets &targets);
    void rate(int stars);
    void setFavourite(bool favourite);
    /// Sets the mark of @p kind (BulkAction::Kind) to @p value on the targets.
    void mark(int kind, int value, const QString &undoText);

    ImageActions *m_owner;
    QActionGroup *m_ratingGroup;
    QList<QAction *> m_rating; ///< by stars, 0 to 5
    QAction *m_favourite;
};

} // namespace trove::ui

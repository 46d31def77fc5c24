// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogquery.h"
#include "catalog/imagerecord.h"
#include "gallery/undocommands.h"

#include <QObject>
#include <QPointer>
#include <functional>

class QAction;
class QTimer;
class QMenu;
class QProgressDialog;
class QUndoStack;
class QWidget;

namespace trove {
class BulkAction;
class LibrarySession;
} // namespace trove

namespace trove::ui {

class MarkActions;

/// What the actions act on: the viewer's image, or the gallery's selection
/// as row ranges of its query (Select All of a million rows is one range).
/// Only loaded records travel with it, at most a screenful or so.
struct ActionTargets {
    QList<ImageRecord> loaded; ///< in row order; all of them when complete()
    qint64 count = 0; ///< images targeted in all
    ImageQuery query;
    QList<QPair<qint64, qint64>> rows; ///< (first, last) of query; empty from the viewer
    bool complete() const { return loaded.size() == count; }
};

/// What can be done to the images a person has chosen (the gallery's
/// selection, or the image in the viewer): open, copy the image, copy or
/// open its source, export the original, edit name and tags, remove. Slow
/// parts (decoding, exporting) run on the pool; writes go to the catalog
/// writer; results come back as status messages. GUI thread.
class ImageActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageActions)

public:
    explicit ImageActions(QWidget *window);
    ~ImageActions() override;

    void setSession(LibrarySession *session);
    /// Where the images acted on come from.
    void setTargets(std::function<ActionTargets()> targets);
    /// Where removals and edits leave their undo.
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }
    /// Where Export Original… starts (Preferences); empty: Pictures.
    void setExportFolder(const QString &folder) { m_exportFolder = folder; }
    /// The folder the export dialogs open in: the chosen export folder, or
    /// Pictures, or home, whichever exists first.
    QString exportStartFolder() const;
    /// Enables what applies to the current targets.
    void updateEnabled();
    void fillMenu(QMenu *menu) const;
    /// Makes the shortcuts work while @p widget (or a child) has the focus,
    /// and only then: Delete in the queue panel means something else.
    void attachTo(QWidget *widget);

    QAction *openAction() const { return m_open; }
    QAction *copyImageAction() const { return m_copyImage; }
    QAction *copySourceAction() const { return m_copySource; }
    QAction *openSourceAction() const { return m_openSource; }
    QAction *exportAction() const { return m_export; }
    QAction *editAction() const { return m_edit; }
    QAction *removeAction() const { return m_remove; }
    QAction *findSimilarAction() const { return m_findSimilar; }
    QAction *findDuplicatesAction() const { return m_findDuplicates; }
    /// Rating and favourite (keys 0 to 5 and F).
    MarkActions *markActions() const { return m_marks; }

    LibrarySession *session() const;
    QUndoStack *undoStack() const { return m_undo; }
    ActionTargets targets() const;
    /// Runs a BulkAction over the targets with a progress dialog for long
    /// ones; @p done gets the action before it goes.
    void runBulk(BulkAction *action, const QString &label,
        std::function<void(BulkAction *, const QString &error)> done);
    /// Where an undo step's failure is told (the status bar).
    LibraryCommand::Reporter undoReporter();

    /// Adds the targets to the collection @p name (appended in row
    /// order), or takes them out of it: resolved and written off the GUI
    /// thread, a million as well as one.
    void addToCollection(const QString &name);
    void removeFromCollection(const QString &name);

    /// The web links among an image's sources.
    static QStringList webSources(const ImageRecord &record);

Q_SIGNALS:
    void openRequested();
    void message(const QString &text, int timeoutMs);

private:
    void copyImage();
    void copySource();
    void openSource();
    void exportOriginals();
    void editTags();
    void removeImages();
    void findSimilar();
    void findDuplicates();

    QWidget *m_window;
    QPointer<LibrarySession> m_session;
    /// Coalesces the gallery's changes into one updateEnabled() per turn
    /// of the event loop.
    QTimer *m_refresh;

    std::function<ActionTargets()> m_targets;
    QUndoStack *m_undo = nullptr;
    quint64 m_copyGeneration = 0;
    QAction *m_open;
    QAction *m_copyImage;
    QAction *m_copySource;
    QAction *m_openSource;
    QAction *m_export;
    QString m_exportFolder;
    QAction *m_edit;
    QAction *m_remove;
    QAction *m_findSimilar;
    QAction *m_findDuplicates;
    MarkActions *m_marks;
};

} // namespace trove::ui

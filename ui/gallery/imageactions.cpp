// SPDX-License-Identifier: MIT
#include "gallery/imageactions.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "dialogs/duplicatesdialog.h"
#include "dialogs/jobprogress.h"
#include "dialogs/similardialog.h"
#include "dialogs/tageditdialog.h"
#include "filedialogs.h"
#include "gallery/dragexporter.h"
#include "gallery/markactions.h"
#include "gallery/tagcompleter.h"
#include "gallery/undocommands.h"
#include "icons.h"
#include "models/bulkaction.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"
#include "statusmessagetimes.h"
#include "storage/blobstore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace trove::ui {

namespace {

constexpr int kMaxOpenedSources = 10;

QAction *makeAction(QObject *parent, Icon id, const QString &text, const QKeySequence &key = {})
{
    auto *action = new QAction(icon(id), text, parent);
    if (!key.isEmpty())
        action->setShortcut(key);
    return action;
}

// "cat.png", then "cat (2).png": a folder export never overwrites.
QString freeName(const QDir &dir, const QString &fileName)
{
    QString candidate = dir.filePath(fileName);
    const QFileInfo info(fileName);
    for (int n = 2; QFileInfo::exists(candidate); ++n) {
        const QString suffix
            = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
        candidate = dir.filePath(
            QStringLiteral("%1 (%2)%3").arg(info.completeBaseName()).arg(n).arg(suffix));
    }
    return candidate;
}

} // namespace

ImageActions::ImageActions(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_refresh(new QTimer(this))
    , m_open(makeAction(this, Icon::View, tr("&Open")))
    , m_copyImage(makeAction(this, Icon::Copy, tr("&Copy Image"), QKeySequence::Copy))
    , m_copySource(makeAction(this, Icon::CopyLink, tr("Copy &Source Link"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)))
    , m_openSource(makeAction(this, Icon::OpenInBrowser, tr("Open Source in &Browser")))
    , m_export(makeAction(
          this, Icon::Export, tr("&Export Original…"), QKeySequence(Qt::CTRL | Qt::Key_E)))
    , m_edit(makeAction(this, Icon::Tags, tr("Edit &Name and Tags…"), QKeySequence(Qt::Key_F2)))
    , m_remove(makeAction(this, Icon::Delete, tr("&Remove…"), QKeySequence::Delete))
    , m_findSimilar(makeAction(this, Icon::FindSimilar, tr("Find &Similar"),
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)))
    , m_findDuplicates(makeAction(this, Icon::FindDuplicates, tr("Find &Duplicates…")))
    , m_marks(new MarkActions(this))
{
    connect(m_open, &QAction::triggered, this, &ImageActions::openRequested);
    connect(m_copyImage, &QAction::triggered, this, &ImageActions::copyImage);
    connect(m_copySource, &QAction::triggered, this, &ImageActions::copySource);
    connect(m_openSource, &QAction::triggered, this, &ImageActions::openSource);
    connect(m_export, &QAction::triggered, this, &ImageActions::exportOriginals);
    connect(m_edit, &QAction::triggered, this, &ImageActions::editTags);
    connect(m_remove, &QAction::triggered, this, &ImageActions::removeImages);
    connect(m_findSimilar, &QAction::triggered, this, &ImageActions::findSimilar);
    connect(m_findDuplicates, &QAction::triggered, this, &ImageActions::findDuplicates);
    m_refresh->setObjectName(QStringLiteral("imageActionsRefresh"));
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(0);
    connect(m_refresh, &QTimer::timeout, this, &ImageActions::updateEnabled);
    updateEnabled();
}

ImageActions::~ImageActions() = default;

void ImageActions::setSession(LibrarySession *session)
{
    if (session != m_session && m_window) {
        // Find Similar and Duplicates act on the library they were opened
        // on: Keep Best there must not write to a library no longer shown.
        for (auto *dialog : m_window->findChildren<SimilarDialog *>())
            dialog->close();
        for (auto *dialog : m_window->findChildren<DuplicatesDialog *>())
            dialog->close();
    }
    if (m_session)
        disconnect(m_session->gallery(), nullptr, this, nullptr);
    m_session = session;
    if (session) {
        // A rating or favourite changed elsewhere (the CLI, the API, an
        // undo) must show in the menu's check marks; thumbnails change none.
        connect(session->gallery(), &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                const auto thumbnailOnly = [](int role) {
                    return role == GalleryModel::ThumbnailRole || role == Qt::DecorationRole;
                };
                if (roles.isEmpty() || !std::all_of(roles.cbegin(), roles.cend(), thumbnailOnly))
                    m_refresh->start();
            });
    }
    updateEnabled();
}

void ImageActions::setTargets(std::function<ActionTargets()> targets)
{
    m_targets = std::move(targets);
    updateEnabled();
}

QStringList ImageActions::webSources(const ImageRecord &record)
{
    QStringList out;
    for (const QString &source : record.sources) {
        if (source.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
            || source.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
            out.append(source);
    }
    return out;
}

void ImageActions::updateEnabled()
{
    // Called on every selection change: costs the loaded records of the
    // selection at most, never its size.
    const ActionTargets all = targets();
    const QList<ImageRecord> &loaded = all.loaded;
    const bool any = all.count > 0 && m_session;
    bool web = false;
    for (const ImageRecord &r : loaded)
        web |= !webSources(r).isEmpty();
    m_open->setEnabled(all.count == 1);
    m_copyImage->setEnabled(any && all.count == 1);
    m_copySource->setEnabled(web);
    m_openSource->setEnabled(web);
    m_export->setEnabled(any);
    // A read-only library shows, exports and copies, and changes nothing.
    const bool writable = any && !m_session->isReadOnly();
    m_edit->setEnabled(writable);
    m_remove->setEnabled(writable);
    m_findSimilar->setEnabled(any && all.count == 1 && !loaded.isEmpty());
    m_findDuplicates->setEnabled(m_session != nullptr);
    m_marks->updateEnabled(all, writable);
}

LibrarySession *ImageActions::session() const
{
    return m_session.data();
}

ActionTargets ImageActions::targets() const
{
    return m_targets ? m_targets() : ActionTargets();
}

void ImageActions::fillMenu(QMenu *menu) const
{
    menu->addAction(m_open);
    menu->addSeparator();
    menu->addAction(m_copyImage);
    menu->addAction(m_copySource);
    menu->addAction(m_openSource);
    menu->addSeparator();
    menu->addAction(m_export);
    menu->addAction(m_edit);
    m_marks->fillMenu(menu);
    menu->addSeparator();
    menu->addAction(m_findSimilar);
    menu->addAction(m_findDuplicates);
    menu->addSeparator();
    menu->addAction(m_remove);
}

void ImageActions::attachTo(QWidget *widget)
{
    for (QAction *action : { m_open, m_copyImage, m_copySource, m_openSource, m_export, m_edit,
             m_remove, m_findSimilar }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        widget->addAction(action);
    }
    m_marks->attachTo(widget);
}

void ImageActions::copyImage()
{
    const QList<ImageRecord> targets = this->targets().loaded;
    if (targets.size() != 1 || !m_session)
        return;
    const quint64 generation = ++m_copyGeneration;
    Q_EMIT message(tr("Copying “%1”…").arg(targets.first().name), kStatusMessageMs);
    whenFinished(LibraryReader::loadImage(m_session->paths(), targets.first().sha256), this,
        [this, generation, name = targets.first().name](const Result<QImage> &r) {
            if (generation != m_copyGeneration)
                return;
            if (!r) {
                Q_EMIT message(tr("Cannot copy “%1”: %2").arg(name, r.error()), kStatusMessageMs);
                return;
            }
            QApplication::clipboard()->setImage(*r);
            Q_EMIT message(tr("Copied “%1” to the clipboard").arg(name), kStatusMessageMs);
        });
}

void ImageActions::copySource()
{
    QStringList links;
    for (const ImageRecord &r : targets().loaded)
        links.append(webSources(r));
    links.removeDuplicates();
    if (links.isEmpty())
        return;
    QApplication::clipboard()->setText(links.join(QLatin1Char('\n')));
    Q_EMIT message(tr("Copied %Ln source link(s)", nullptr, int(links.size())), kStatusMessageMs);
}

void ImageActions::openSource()
{
    int opened = 0;
    QStringList failed;
    for (const ImageRecord &r : targets().loaded) {
        const QStringList links = webSources(r);
        if (links.isEmpty() || opened >= kMaxOpenedSources)
            continue;
        ++opened;
        // Qt gives no reason beyond a warning on stderr, which nobody at
        // the window reads: say what could not be opened and what to check.
        if (!QDesktopServices::openUrl(QUrl(links.first())))
            failed.append(links.first());
    }
    if (opened == 0) {
        Q_EMIT message(
            tr("No web source to open: these images were added from files"), kStatusMessageMs);
        return;
    }
    if (failed.isEmpty())
        return;
    const QString reason = tr("no web browser could be started (is xdg-open installed and a "
                              "default browser set?)");
    Q_EMIT message(failed.size() == 1
            ? tr("Cannot open %1: %2").arg(failed.first(), reason)
            : tr("Cannot open %1 source links: %2").arg(failed.size()).arg(reason),
        kStatusErrorMs);
}

QString ImageActions::exportStartFolder() const
{
    // A folder that does not exist (yet, or any more: an unplugged drive)
    // is no place to start.
    for (const QString &folder :
        { m_exportFolder, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) }) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

void ImageActions::exportOriginals()
{
    const ActionTargets all = this->targets();
    const QList<ImageRecord> &targets = all.loaded;
    if (targets.isEmpty() || !m_session)
        return;
    if (!all.complete()) {
        Q_EMIT message(tr("Export works on up to %Ln image(s) at a time; %1 are selected.", nullptr,
                           int(targets.size()))
                           .arg(QLocale().toString(all.count)),
            kStatusMessageMs);
        return;
    }
    const QString pictures = exportStartFolder();
    QList<QPair<QString, QString>> jobs; // sha256, target
    QString folder;
    if (targets.size() == 1) {
        const QString path = FileDialogs::saveFile(m_window, tr("Export Original"),
            QDir(pictures).filePath(DragExporter::fileNameFor(targets.first())));
        if (path.isEmpty())
            return;
        jobs.append({ targets.first().sha256, path });
    } else {
        folder = FileDialogs::existingDirectory(
            m_window, tr("Export %1 Originals To").arg(targets.size()), pictures);
        if (folder.isEmpty())
            return;
        for (const ImageRecord &r : targets)
            jobs.append({ r.sha256, DragExporter::fileNameFor(r) });
    }
    Q_EMIT message(tr("Exporting…"), 0);
    const LibraryPaths paths = m_session->paths();
    auto exported = QtConcurrent::run(backgroundPool(), [paths, jobs, folder]() -> QStringList {
        QStringList errors;
        const BlobStore store(paths);
        for (const auto &[sha, name] : jobs) {
            const QString target = folder.isEmpty() ? name : freeName(QDir(folder), name);
            if (auto r = store.exportTo(sha, target); !r)
                errors.append(
                    QStringLiteral("%1: %2").arg(QFileInfo(target).fileName(), r.error()));
        }
        return errors;
    });
    whenFinished(exported, this, [this, count = jobs.size()](const QStringList &errors) {
        if (errors.isEmpty())
            Q_EMIT message(tr("Exported %Ln original(s)", nullptr, int(count)), kStatusMessageMs);
        else
            QMessageBox::warning(m_window, tr("Export"),
                tr("Some originals could not be exported:\n%1")
                    .arg(errors.mid(0, 10).join(QLatin1Char('\n'))));
    });
}

void ImageActions::editTags()
{
    const ActionTargets all = targets();
    if (all.loaded.isEmpty() || !m_session)
        return;
    // The dialog shows the loaded images' tags; the edit reaches every
    // selected image, resolved on the reader thread when not all are loaded.
    auto *dialog = new TagEditDialog(all.loaded, m_window);
    if (m_session) {
        for (QLineEdit *field : { dialog->tagsField(), dialog->removeField() })
            (new TagCompleter(field, TagCompleter::Mode::TagList, dialog))
                ->setService(m_session->tags());
    }
    if (!all.complete())
        dialog->setWindowTitle(tr("Edit Tags of %1 Images").arg(QLocale().toString(all.count)));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<LibrarySession> session = m_session;
    connect(dialog, &QDialog::accepted, this, [this, dialog, session, all] {
        if (!session)
            return;
        const QList<qint64> keys = dialog->keys();
        const QString name = dialog->newName();
        const QStringList add = dialog->tagsToAdd();
        const QStringList remove = dialog->tagsToRemove();
        if (!name.isEmpty()) {
            whenFinished(session->writer()->rename(keys, name), this,
                [this, session, asked = keys.size()](const Result<Renamed> &r) {
                    if (!r) {
                        Q_EMIT message(tr("Cannot rename: %1").arg(r.error()), kStatusMessageMs);
                        return;
                    }
                    // Only what changed is undone: not an image moved to
                    // the trash elsewhere before the window caught up.
                    if (!r->isEmpty() && m_undo && session)
                        m_undo->push(new RenameCommand(session, *r, undoReporter()));
                    if (!r->absent.isEmpty())
                        Q_EMIT message(
                            withAbsent(tr("Renamed %Ln image(s)", nullptr, int(r->before.size())),
                                r->absent, asked),
                            kStatusMessageMs);
                });
        }
        if (add.isEmpty() && remove.isEmpty())
            return;
        BulkAction *action = all.complete()
            ? new BulkAction(session->writer(), BulkAction::Kind::EditTags, keys, this)
            : new BulkAction(session->reader(), session->writer(), BulkAction::Kind::EditTags,
                all.query, all.rows, this);
        action->setTags(add, remove);
        runBulk(action, tr("Changing tags…"), [this, session](BulkAction *a, const QString &error) {
            // Images moved to the trash elsewhere were left alone.
            const Absent &absent = a->tagDelta().absent;
            const qint64 done = a->doneCount() - absent.size();
            if (!a->tagDelta().isEmpty() && m_undo && session)
                m_undo->push(
                    new TagEditCommand(session, a->tagDelta(), tr("Edit Tags"), undoReporter()));
            const QString count = QLocale().toString(done);
            if (!error.isEmpty())
                Q_EMIT message(
                    tr("Cannot change tags: %1 (%2 changed)").arg(error, count), kStatusMessageMs);
            else
                Q_EMIT message(withAbsent(tr("Tags changed on %Ln image(s)", nullptr, int(done)),
                                   absent, a->doneCount()),
                    kStatusMessageMs);
        });
    });
    dialog->open();
}

void ImageActions::removeImages()
{
    const ActionTargets all = targets();
    if (all.count == 0 || !m_session)
        return;
    const QString question = all.count == 1 && !all.loaded.isEmpty()
        ? tr("Move “%1” to the trash?").arg(all.loaded.first().name)
        : tr("Move %Ln image(s) to the trash?", nullptr, int(all.count));
    if (QMessageBox::question(m_window, tr("Remove Images"),
            question + QLatin1Char('\n') + tr("You can undo this with Ctrl+Z."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    BulkAction *action = nullptr;
    if (all.complete()) {
        QList<qint64> keys;
        keys.reserve(all.loaded.size());
        for (const ImageRecord &r : all.loaded)
            keys.append(r.key);
        action = new BulkAction(m_session->writer(), BulkAction::Kind::Remove, keys, this);
    } else {
        action = new BulkAction(m_session->reader(), m_session->writer(), BulkAction::Kind::Remove,
            all.query, all.rows, this);
    }
    runBulk(action, tr("Moving images to the trash…"), [this](BulkAction *a, const QString &error) {
        const qint64 done = a->doneCount();
        if (done > 0 && m_undo && m_session)
            m_undo->push(new RemoveCommand(m_session, a->doneKeys(), undoReporter()));
        const QString count = QLocale().toString(done);
        if (!error.isEmpty())
            Q_EMIT message(
                tr("Cannot move to the trash: %1 (%2 moved)").arg(error, count), kStatusMessageMs);
        else if (a->isCancelled())
            Q_EMIT message(tr("Stopped: %1 moved to the trash").arg(count), kStatusMessageMs);
        else
            Q_EMIT message(
                tr("Moved %Ln image(s) to the trash", nullptr, int(done)), kStatusMessageMs);
    });
}

void ImageActions::addToCollection(const QString &name)
{
    const ActionTargets all = targets();
    if (all.count == 0 || !m_session || name.isEmpty())
        return;
    BulkAction *action = nullptr;
    if (all.complete()) {
        QList<qint64> keys;
        keys.reserve(all.loaded.size());
        for (const ImageRecord &r : all.loaded)
            keys.append(r.key);
        action = new BulkAction(m_session->writer(), BulkAction::Kind::AddToCollection, keys, this);
    } else {
        action = new BulkAction(m_session->reader(), m_session->writer(),
            BulkAction::Kind::AddToCollection, all.query, all.rows, this);
    }
    action->setCollection(name);
    runBulk(
        action, tr("Adding to “%1”…").arg(name), [this, name](BulkAction *a, const QString &error) {
            const qint64 done = a->doneCount();
            if (!error.isEmpty())
                Q_EMIT message(tr("Cannot add to “%1”: %2").arg(name, error), kStatusMessageMs);
            else
                Q_EMIT message(tr("Added %Ln image(s) to “%1”", nullptr, int(done)).arg(name),
                    kStatusMessageMs);
        });
}

void ImageActions::removeFromCollection(const QString &name)
{
    const ActionTargets all = targets();
    if (all.count == 0 || !m_session || name.isEmpty())
        return;
    BulkAction *action = nullptr;
    if (all.complete()) {
        QList<qint64> keys;
        keys.reserve(all.loaded.size());
        for (const ImageRecord &r : all.loaded)
            keys.append(r.key);
        action = new BulkAction(
            m_session->writer(), BulkAction::Kind::RemoveFromCollection, keys, this);
    } else {
        action = new BulkAction(m_session->reader(), m_session->writer(),
            BulkAction::Kind::RemoveFromCollection, all.query, all.rows, this);
    }
    action->setCollection(name);
    runBulk(action, tr("Taking images out of “%1”…").arg(name),
        [this, name](BulkAction *a, const QString &error) {
            const qint64 done = a->doneCount();
            if (!error.isEmpty())
                Q_EMIT message(
                    tr("Cannot take images out of “%1”: %2").arg(name, error), kStatusMessageMs);
            else
                Q_EMIT message(tr("Took %Ln image(s) out of “%1”", nullptr, int(done)).arg(name),
                    kStatusMessageMs);
        });
}

LibraryCommand::Reporter ImageActions::undoReporter()
{
    return [self = QPointer<ImageActions>(this)](const QString &text) {
        if (self)
            Q_EMIT self->message(text, kStatusMessageMs);
    };
}

void ImageActions::runBulk(BulkAction *action, const QString &label,
    std::function<void(BulkAction *, const QString &error)> done)
{
    runBulkAction(action, label, m_window, std::move(done));
}

void ImageActions::findSimilar()
{
    const ActionTargets all = targets();
    if (!m_session || all.count != 1 || all.loaded.isEmpty())
        return;
    auto *dialog = new SimilarDialog(m_session, all.loaded.first(), m_window);
    dialog->show();
}

void ImageActions::findDuplicates()
{
    if (!m_session)
        return;
    auto *dialog = new DuplicatesDialog(m_session, m_undo, undoReporter(), m_window);
    dialog->show();
}

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "gallery/imageactions.h"

#include "base/futurewatch.h"
#include "dialogs/tageditdialog.h"
#include "gallery/dragexporter.h"
#include "icons.h"
#include "models/librarysession.h"
#include "storage/blobstore.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace trove::ui {

namespace {

constexpr int kMessageMs = 5000;
constexpr int kMaxOpenedSources = 10;

QAction *makeAction(QObject *parent, const QString &icon, QStyle::StandardPixmap fallback,
    const QString &text, const QKeySequence &key = {})
{
    auto *action = new QAction(themedIcon(icon, fallback), text, parent);
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
    , m_open(makeAction(
          this, QStringLiteral("document-open"), QStyle::SP_DialogOpenButton, tr("&Open")))
    , m_copyImage(makeAction(this, QStringLiteral("edit-copy"), QStyle::SP_FileIcon,
          tr("&Copy Image"), QKeySequence::Copy))
    , m_copySource(makeAction(this, QStringLiteral("edit-copy"), QStyle::SP_FileLinkIcon,
          tr("Copy &Source Link"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)))
    , m_openSource(makeAction(this, QStringLiteral("internet-web-browser"), QStyle::SP_DriveNetIcon,
          tr("Open Source in &Browser")))
    , m_export(makeAction(this, QStringLiteral("document-save-as"), QStyle::SP_DialogSaveButton,
          tr("&Export Original…"), QKeySequence(Qt::CTRL | Qt::Key_E)))
    , m_edit(makeAction(this, QStringLiteral("tag"), QStyle::SP_FileDialogDetailedView,
          tr("Edit &Name and Tags…"), QKeySequence(Qt::Key_F2)))
    , m_remove(makeAction(this, QStringLiteral("edit-delete"), QStyle::SP_TrashIcon, tr("&Remove…"),
          QKeySequence::Delete))
{
    connect(m_open, &QAction::triggered, this, &ImageActions::openRequested);
    connect(m_copyImage, &QAction::triggered, this, &ImageActions::copyImage);
    connect(m_copySource, &QAction::triggered, this, &ImageActions::copySource);
    connect(m_openSource, &QAction::triggered, this, &ImageActions::openSource);
    connect(m_export, &QAction::triggered, this, &ImageActions::exportOriginals);
    connect(m_edit, &QAction::triggered, this, &ImageActions::editTags);
    connect(m_remove, &QAction::triggered, this, &ImageActions::removeImages);
    updateEnabled();
}

ImageActions::~ImageActions() = default;

void ImageActions::setSession(LibrarySession *session)
{
    m_session = session;
    updateEnabled();
}

void ImageActions::setTargets(std::function<QList<ImageRecord>()> targets)
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
    const QList<ImageRecord> targets = m_targets ? m_targets() : QList<ImageRecord>();
    const bool any = !targets.isEmpty() && m_session;
    bool web = false;
    for (const ImageRecord &r : targets)
        web |= !webSources(r).isEmpty();
    m_open->setEnabled(targets.size() == 1);
    m_copyImage->setEnabled(any && targets.size() == 1);
    m_copySource->setEnabled(web);
    m_openSource->setEnabled(web);
    m_export->setEnabled(any);
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
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
    menu->addSeparator();
    menu->addAction(m_remove);
}

void ImageActions::attachTo(QWidget *widget)
{
    for (QAction *action :
        { m_open, m_copyImage, m_copySource, m_openSource, m_export, m_edit, m_remove }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        widget->addAction(action);
    }
}

void ImageActions::copyImage()
{
    const QList<ImageRecord> targets = m_targets ? m_targets() : QList<ImageRecord>();
    if (targets.size() != 1 || !m_session)
        return;
    const quint64 generation = ++m_copyGeneration;
    Q_EMIT message(tr("Copying “%1”…").arg(targets.first().name), kMessageMs);
    whenFinished(LibraryReader::loadImage(m_session->paths(), targets.first().sha256), this,
        [this, generation, name = targets.first().name](const Result<QImage> &r) {
            if (generation != m_copyGeneration)
                return;
            if (!r) {
                Q_EMIT message(tr("Cannot copy “%1”: %2").arg(name, r.error()), kMessageMs);
                return;
            }
            QApplication::clipboard()->setImage(*r);
            Q_EMIT message(tr("Copied “%1” to the clipboard").arg(name), kMessageMs);
        });
}

void ImageActions::copySource()
{
    QStringList links;
    for (const ImageRecord &r : m_targets ? m_targets() : QList<ImageRecord>())
        links.append(webSources(r));
    links.removeDuplicates();
    if (links.isEmpty())
        return;
    QApplication::clipboard()->setText(links.join(QLatin1Char('\n')));
    Q_EMIT message(links.size() == 1 ? tr("Copied the source link")
                                     : tr("Copied %1 source links").arg(links.size()),
        kMessageMs);
}

void ImageActions::openSource()
{
    int opened = 0;
    for (const ImageRecord &r : m_targets ? m_targets() : QList<ImageRecord>()) {
        const QStringList links = webSources(r);
        if (!links.isEmpty() && opened++ < kMaxOpenedSources)
            QDesktopServices::openUrl(QUrl(links.first()));
    }
}

void ImageActions::exportOriginals()
{
    const QList<ImageRecord> targets = m_targets ? m_targets() : QList<ImageRecord>();
    if (targets.isEmpty() || !m_session)
        return;
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QList<QPair<QString, QString>> jobs; // sha256, target
    QString folder;
    if (targets.size() == 1) {
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Original"),
            QDir(pictures).filePath(DragExporter::fileNameFor(targets.first())));
        if (path.isEmpty())
            return;
        jobs.append({ targets.first().sha256, path });
    } else {
        folder = QFileDialog::getExistingDirectory(
            m_window, tr("Export %1 Originals To").arg(targets.size()), pictures);
        if (folder.isEmpty())
            return;
        for (const ImageRecord &r : targets)
            jobs.append({ r.sha256, DragExporter::fileNameFor(r) });
    }
    Q_EMIT message(tr("Exporting…"), 0);
    const LibraryPaths paths = m_session->paths();
    auto exported = QtConcurrent::run([paths, jobs, folder]() -> QStringList {
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
            Q_EMIT message(
                count == 1 ? tr("Exported the original") : tr("Exported %1 originals").arg(count),
                kMessageMs);
        else
            QMessageBox::warning(m_window, tr("Export"),
                tr("Some originals could not be exported:\n%1")
                    .arg(errors.mid(0, 10).join(QLatin1Char('\n'))));
    });
}

void ImageActions::editTags()
{
    const QList<ImageRecord> targets = m_targets ? m_targets() : QList<ImageRecord>();
    if (targets.isEmpty() || !m_session)
        return;
    auto *dialog = new TagEditDialog(targets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<LibrarySession> session = m_session;
    connect(dialog, &QDialog::accepted, this, [this, dialog, session] {
        if (!session)
            return;
        const QList<qint64> keys = dialog->keys();
        const QString name = dialog->newName();
        const QStringList add = dialog->tagsToAdd();
        const QStringList remove = dialog->tagsToRemove();
        if (!name.isEmpty()) {
            whenFinished(
                session->writer()->rename(keys, name), this, [this](const Result<bool> &r) {
                    if (!r)
                        Q_EMIT message(tr("Cannot rename: %1").arg(r.error()), kMessageMs);
                });
        }
        if (!add.isEmpty() || !remove.isEmpty()) {
            whenFinished(
                session->writer()->editTags(keys, add, remove), this, [this](const Result<int> &r) {
                    Q_EMIT message(r ? (*r == 1 ? tr("Tags changed on 1 image")
                                                : tr("Tags changed on %1 images").arg(*r))
                                     : tr("Cannot change tags: %1").arg(r.error()),
                        kMessageMs);
                });
        }
    });
    dialog->open();
}

void ImageActions::removeImages()
{
    const QList<ImageRecord> targets = m_targets ? m_targets() : QList<ImageRecord>();
    if (targets.isEmpty() || !m_session)
        return;
    const QString question = targets.size() == 1
        ? tr("Remove “%1” from the library? Its original is deleted too.").arg(targets.first().name)
        : tr("Remove %1 images from the library? Their originals are deleted too.")
              .arg(QLocale().toString(targets.size()));
    if (QMessageBox::question(m_window, tr("Remove Images"), question,
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    QList<qint64> keys;
    for (const ImageRecord &r : targets)
        keys.append(r.key);
    whenFinished(m_session->writer()->remove(keys), this, [this](const Result<int> &r) {
        Q_EMIT message(r ? (*r == 1 ? tr("Removed 1 image") : tr("Removed %1 images").arg(*r))
                         : tr("Cannot remove: %1").arg(r.error()),
            kMessageMs);
    });
}

} // namespace trove::ui

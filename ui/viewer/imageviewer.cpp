// SPDX-License-Identifier: MIT
#include "viewer/imageviewer.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "catalog/libraryreader.h"
#include "elidedlabel.h"
#include "icons.h"
#include "models/gallerymodel.h"
#include "viewer/frameplayer.h"
#include "viewer/imagecanvas.h"
#include "viewer/imageinfopanel.h"
#include "viewer/viewerheader.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace trove::ui {

namespace {

QToolButton *headerButton(QWidget *parent, const QIcon &icon, const QString &tip)
{
    auto *button = new QToolButton(parent);
    button->setIcon(icon);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

constexpr int kDefaultSlideshowSeconds = 4;

} // namespace

ImageViewer::ImageViewer(QWidget *parent)
    : QWidget(parent)
    , m_canvas(new ImageCanvas(this))
    , m_info(new ImageInfoPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_title(new ElidedLabel(this))
    , m_zoom(new ElidedLabel(this))
    , m_back(headerButton(this, icon(Icon::Back), tr("Back to the gallery (Esc)")))
    , m_prev(headerButton(this, icon(Icon::Previous), tr("Previous image (Left, Page Up)")))
    , m_next(headerButton(this, icon(Icon::Next), tr("Next image (Right, Page Down)")))
{
    m_back->setText(tr("Gallery"));
    m_back->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *zoomOut = headerButton(this, icon(Icon::ZoomOut), tr("Zoom out (-)"));
    auto *zoomIn = headerButton(this, icon(Icon::ZoomIn), tr("Zoom in (+)"));
    auto *fit = headerButton(this, icon(Icon::ZoomFit), tr("Fit to window (Ctrl+0)"));
    auto *fitWidth = headerButton(this, icon(Icon::ZoomFitWidth), tr("Fit width (W)"));
    auto *actual = headerButton(this, icon(Icon::ZoomActual), tr("Actual size, 100 % (Ctrl+1)"));
    fit->setText(tr("Fit"));
    actual->setText(tr("100 %"));
    fit->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    actual->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_play
        = headerButton(this, icon(Icon::Pause), tr("Pause the animation (P); step with , and ."));
    m_play->setObjectName(QStringLiteral("playButton"));
    m_frameInfo = new ElidedLabel(this);
    m_slideshowButton
        = headerButton(this, icon(Icon::Play), tr("Slideshow (S); any key or click stops it"));
    m_slideshowButton->setText(tr("Slideshow"));
    m_slideshowButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_slideshowButton->setCheckable(true);
    auto *fullScreen
        = headerButton(this, icon(Icon::FullScreen), tr("Full screen (F11, double-click)"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("viewerTitle"));
    // The percentage always fits; "Fit (…)" in a long language gives way
    // in a narrow window, and keeps its width as the zoom changes.
    m_zoom->setMinimumWidth(m_zoom->fontMetrics().horizontalAdvance(QStringLiteral("0000 %")));
    m_zoom->setWidestText(
        tr("Fit (%1)").arg(tr("%1 %", "zoom percentage").arg(QLocale().toString(1000))));
    m_zoom->setAlignment(Qt::AlignCenter);
    m_zoom->setFullText(QStringLiteral("—"));

    auto *viewerHeader = new ViewerHeader(this);
    viewerHeader->setTextButtons({ m_back, fit, actual, m_slideshowButton });
    m_header = viewerHeader;
    auto *header = new QHBoxLayout(m_header);
    header->setContentsMargins(4, 2, 4, 2);
    header->addWidget(m_back);
    header->addSpacing(8);
    header->addWidget(m_prev);
    header->addWidget(m_next);
    header->addSpacing(8);
    header->addWidget(m_title, 1);
    header->addWidget(m_play);
    header->addWidget(m_frameInfo);
    header->addSpacing(8);
    header->addWidget(zoomOut);
    header->addWidget(m_zoom);
    header->addWidget(zoomIn);
    header->addWidget(fit);
    header->addWidget(fitWidth);
    header->addWidget(actual);
    header->addSpacing(8);
    header->addWidget(m_slideshowButton);
    header->addWidget(fullScreen);

    auto *infoScroll = new QScrollArea(this);
    infoScroll->setWidget(m_info);
    infoScroll->setWidgetResizable(true);
    infoScroll->setFrameShape(QFrame::NoFrame);
    infoScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_infoArea = infoScroll;
    m_splitter->addWidget(m_canvas);
    m_splitter->addWidget(infoScroll);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setSizes({ 800, 300 });
    m_splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_splitter, 1);

    m_player = new FramePlayer(this);
    connect(m_player, &FramePlayer::frameShown, m_canvas, &ImageCanvas::setFrame);
    connect(m_player, &FramePlayer::stateChanged, this, &ImageViewer::updateFrameInfo);
    m_slideshow = new QTimer(this);
    m_slideshow->setObjectName(QStringLiteral("slideshow"));
    connect(m_slideshow, &QTimer::timeout, this, [this] {
        if (!m_model || m_row + 1 >= m_model->rowCount()) {
            setSlideshowRunning(false);
            Q_EMIT message(tr("Slideshow ended: that was the last image"), 4000);
            return;
        }
        showRow(m_row + 1);
    });
    m_play->hide();
    m_frameInfo->hide();

    connect(m_back, &QToolButton::clicked, this, &ImageViewer::closeRequested);
    connect(m_prev, &QToolButton::clicked, this, &ImageViewer::previous);
    connect(m_next, &QToolButton::clicked, this, &ImageViewer::next);
    connect(zoomIn, &QToolButton::clicked, m_canvas, &ImageCanvas::zoomIn);
    connect(zoomOut, &QToolButton::clicked, m_canvas, &ImageCanvas::zoomOut);
    connect(fit, &QToolButton::clicked, m_canvas, &ImageCanvas::zoomToFit);
    connect(actual, &QToolButton::clicked, m_canvas, &ImageCanvas::zoomToActual);
    connect(fitWidth, &QToolButton::clicked, m_canvas, &ImageCanvas::zoomToWidth);
    connect(m_play, &QToolButton::clicked, this, [this] { setPlaying(!isPlaying()); });
    connect(m_slideshowButton, &QToolButton::clicked, this, &ImageViewer::setSlideshowRunning);
    connect(fullScreen, &QToolButton::clicked, this, [this] { setFullScreen(!m_fullScreen); });
    connect(m_canvas, &ImageCanvas::toggleFullScreenRequested, this,
        [this] { setFullScreen(!m_fullScreen); });
    connect(m_canvas, &ImageCanvas::interacted, this, [this] { setSlideshowRunning(false); });
    connect(m_canvas, &ImageCanvas::zoomChanged, this, [this](qreal scale, bool isFit) {
        const QString percent
            = tr("%1 %", "zoom percentage").arg(QLocale().toString(qRound(scale * 100)));
        m_zoom->setFullText(isFit ? tr("Fit (%1)").arg(percent) : percent);
    });
    connect(m_info, &ImageInfoPanel::editRequested, this, &ImageViewer::editRequested);
    connect(m_info, &ImageInfoPanel::exportRequested, this, &ImageViewer::exportRequested);

    addShortcut({ Qt::Key_Escape, Qt::Key_Backspace }, [this] {
        // Out of full screen first, then back to the gallery.
        if (m_fullScreen)
            setFullScreen(false);
        else
            Q_EMIT closeRequested();
    });
    // F, 0 and 1 to 5 rate and mark favourites (ImageActions), in the
    // viewer as in the gallery: full screen keeps F11, the zooms take Ctrl.
    addShortcut(
        { Qt::Key_F11 }, [this] { setFullScreen(!m_fullScreen); }, true);
    addShortcut(
        { Qt::Key_S }, [this] { setSlideshowRunning(!isSlideshowRunning()); }, true);
    addShortcut({ Qt::Key_P, Qt::Key_K }, [this] { setPlaying(!isPlaying()); });
    addShortcut({ Qt::Key_Period }, [this] { stepFrame(1); });
    addShortcut({ Qt::Key_Comma }, [this] { stepFrame(-1); });
    addShortcut({ Qt::Key_W }, [this] { m_canvas->zoomToWidth(); });
    addShortcut({ Qt::Key_R }, [this] { rotate(1); });
    addShortcut({ QKeyCombination(Qt::SHIFT, Qt::Key_R) }, [this] { rotate(-1); });
    addShortcut({ Qt::Key_Right, Qt::Key_PageDown, Qt::Key_Space }, [this] { next(); });
    addShortcut({ Qt::Key_Left, Qt::Key_PageUp }, [this] { previous(); });
    addShortcut({ Qt::Key_Home }, [this] { showRow(0); });
    addShortcut({ Qt::Key_End }, [this] {
        if (m_model && m_model->rowCount() > 0)
            showRow(m_model->rowCount() - 1);
    });
    addShortcut(
        { Qt::Key_Plus, Qt::Key_Equal, QKeySequence::ZoomIn }, [this] { m_canvas->zoomIn(); });
    addShortcut({ Qt::Key_Minus, QKeySequence::ZoomOut }, [this] { m_canvas->zoomOut(); });
    addShortcut({ QKeyCombination(Qt::CTRL, Qt::Key_0) }, [this] { m_canvas->zoomToFit(); });
    addShortcut({ QKeyCombination(Qt::CTRL, Qt::Key_1) }, [this] { m_canvas->zoomToActual(); });
    setFocusProxy(m_canvas);
}

ImageViewer::~ImageViewer() = default;

QAction *ImageViewer::addShortcut(
    const QList<QKeySequence> &keys, const std::function<void()> &slot, bool keepsSlideshow)
{
    auto *action = new QAction(this);
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // Any key a person presses during a slideshow takes over from it.
    connect(action, &QAction::triggered, this, [this, slot, keepsSlideshow] {
        if (!keepsSlideshow)
            setSlideshowRunning(false);
        slot();
    });
    addAction(action);
    return action;
}

void ImageViewer::setLibrary(GalleryModel *model, const LibraryPaths &paths)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_paths = paths;
    m_row = -1;
    m_key = 0;
    m_displacedKey = 0;
    m_saidGone = 0;
    m_loadedSha.clear();
    ++m_generation;
    m_canvas->setMessage({});
    m_info->clear();
    if (!model)
        return;
    connect(model, &QAbstractItemModel::dataChanged, this, &ImageViewer::onDataChanged);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ImageViewer::onRowsRemoved);
    connect(model, &GalleryModel::imagesRemoved, this, &ImageViewer::onImagesRemoved);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ImageViewer::onRowsInserted);
    connect(model, &QAbstractItemModel::rowsMoved, this, &ImageViewer::onRowsMoved);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_row = -1;
        if (isVisible())
            Q_EMIT closeRequested();
    });
}

std::optional<ImageRecord> ImageViewer::currentRecord() const
{
    if (!m_model || m_row < 0)
        return std::nullopt;
    return m_model->recordAt(m_row);
}

bool ImageViewer::isShowingImage() const
{
    return !m_canvas->image().isNull();
}

void ImageViewer::showRow(int row)
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return;
    m_row = row;
    // Asking for the row makes the model fetch its page if it is not here.
    (void)m_model->data(m_model->index(row), GalleryModel::LoadedRole);
    m_model->setVisibleRange(std::max(0, row - 1), std::min(m_model->rowCount() - 1, row + 1));
    load();
    updateHeader();
    Q_EMIT currentRowChanged(row);
}

void ImageViewer::next()
{
    if (m_model && m_row + 1 < m_model->rowCount())
        showRow(m_row + 1);
}

void ImageViewer::previous()
{
    if (m_row > 0)
        showRow(m_row - 1);
}

void ImageViewer::load()
{
    const auto record = currentRecord();
    if (!record) {
        ++m_generation;
        m_key = 0;
        m_loadedSha.clear();
        m_player->clear();
        m_info->clear();
        m_canvas->setMessage(tr("Loading…"));
        return;
    }
    m_key = record->key;
    m_info->setRecord(*record);
    if (record->sha256 == m_loadedSha)
        return;
    m_loadedSha = record->sha256;
    const quint64 generation = ++m_generation;
    m_player->clear();
    m_quarterTurns = 0;
    m_info->setExif({});
    m_canvas->setMessage(tr("Loading…"));
    m_zoom->setFullText(QStringLiteral("—"));
    if (record->damaged) {
        m_canvas->setMessage(
            tr("The original of this image is damaged or missing.\nRun “trove verify --repair”."),
            true);
        return;
    }
    whenFinished(LibraryReader::loadPicture(m_paths, record->sha256), this,
        [this, generation](const Result<Picture> &r) {
            if (generation != m_generation)
                return; // the person has moved on
            if (!r) {
                m_canvas->setMessage(tr("Cannot show this image: %1").arg(r.error()), true);
                return;
            }
            m_info->setExif(r->exif);
            m_canvas->setImage(r->frames.first());
            m_player->setFrames(r->frames, r->delaysMs);
            if (r->framesCut)
                Q_EMIT message(tr("This animation is too long to keep in memory; "
                                  "only its first %n frames play",
                                   nullptr, int(r->frames.size())),
                    6000);
        });
}

bool ImageViewer::isPlaying() const
{
    return m_player->isPlaying();
}

int ImageViewer::currentFrame() const
{
    return m_player->currentFrame();
}

int ImageViewer::frameCount() const
{
    return m_player->frameCount();
}

void ImageViewer::setPlaying(bool playing)
{
    m_player->setPlaying(playing);
}

void ImageViewer::stepFrame(int delta)
{
    m_player->step(delta);
}

bool ImageViewer::isSlideshowRunning() const
{
    return m_slideshow->isActive();
}

void ImageViewer::updateFrameInfo()
{
    const bool animated = m_player->isAnimation();
    m_play->setVisible(animated);
    m_frameInfo->setVisible(animated);
    if (!animated)
        return;
    const QLocale locale;
    m_frameInfo->setFullText(tr("Frame %1 of %2")
                                 .arg(locale.toString(m_player->currentFrame() + 1),
                                     locale.toString(m_player->frameCount())));
    const bool playing = m_player->isPlaying();
    m_play->setIcon(playing ? icon(Icon::Pause) : icon(Icon::Play));
    m_play->setToolTip(
        playing ? tr("Pause the animation (P); step with , and .") : tr("Play the animation (P)"));
}

void ImageViewer::setSlideshowRunning(bool running)
{
    if (running == isSlideshowRunning()) {
        m_slideshowButton->setChecked(running);
        return;
    }
    m_slideshowButton->setChecked(running);
    if (!running) {
        m_slideshow->stop();
        Q_EMIT message(tr("Slideshow stopped"), 2000);
        return;
    }
    const int seconds
        = std::clamp(QSettings()
                         .value(QStringLiteral("Viewer/slideshowSeconds"), kDefaultSlideshowSeconds)
                         .toInt(),
            1, 3600);
    m_slideshow->start(seconds * 1000);
    Q_EMIT message(
        tr("Slideshow: a new image every %n s; any key or click stops it", nullptr, seconds), 4000);
}

void ImageViewer::setFullScreen(bool fullScreen)
{
    if (fullScreen == m_fullScreen)
        return;
    m_fullScreen = fullScreen;
    QWidget *top = window();
    m_header->setVisible(!fullScreen);
    m_infoArea->setVisible(!fullScreen);
    m_canvas->setDarkSurround(fullScreen);
    Q_EMIT fullScreenChanged(fullScreen);
    if (fullScreen) {
        m_wasMaximized = top->isMaximized();
        top->showFullScreen();
    } else if (m_wasMaximized) {
        top->showMaximized();
    } else {
        top->showNormal();
    }
    m_canvas->setFocus();
}

void ImageViewer::rotate(int quarterTurns)
{
    const QImage shown = m_canvas->image();
    if (shown.isNull())
        return;
    if (m_player->isAnimation()) {
        Q_EMIT message(tr("Animations are shown as they are, not rotated"), 4000);
        return;
    }
    m_quarterTurns = ((m_quarterTurns + quarterTurns) % 4 + 4) % 4;
    const quint64 generation = m_generation;
    // A 12-megapixel turn takes tens of milliseconds: not on this thread.
    auto turned = QtConcurrent::run(backgroundPool(), [shown, quarterTurns] {
        return shown.transformed(QTransform().rotate(90.0 * quarterTurns));
    });
    whenFinished(turned, this, [this, generation](const QImage &image) {
        if (generation == m_generation)
            m_canvas->setImage(image);
    });
}

void ImageViewer::updateHeader()
{
    const auto record = currentRecord();
    const int count = m_model ? m_model->rowCount() : 0;
    const QLocale locale;
    const QString position = tr("%1 of %2").arg(locale.toString(m_row + 1), locale.toString(count));
    m_title->setFullText(record ? QStringLiteral("%1 — %2").arg(record->name, position) : position);
    m_prev->setEnabled(m_row > 0);
    m_next->setEnabled(m_row + 1 < count);
}

void ImageViewer::onDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (m_row < topLeft.row() || m_row > bottomRight.row())
        return;
    // Thumbnails arriving for the rows around (a batch spans them) change
    // nothing the viewer shows.
    const auto thumbnailOnly = [](int role) {
        return role == GalleryModel::ThumbnailRole || role == Qt::DecorationRole;
    };
    if (!roles.isEmpty() && std::all_of(roles.cbegin(), roles.cend(), thumbnailOnly))
        return;
    const auto record = currentRecord();
    if (!record)
        return;
    // First arrival of the record, or an edit (name, tags) to it; or a
    // page read after a removal elsewhere put the next image on this row.
    if (record->key != m_key && m_key != 0) {
        m_displacedKey = m_key;
        m_displacedName = m_info->shownName();
    }
    if (record->key != m_key || record->sha256 != m_loadedSha)
        load();
    else
        m_info->setRecord(*record);
    updateHeader();
}

void ImageViewer::onRowsInserted(const QModelIndex &, int first, int last)
{
    if (m_row >= 0 && first <= m_row)
        m_row += last - first + 1;
    updateHeader();
}

void ImageViewer::onRowsMoved(
    const QModelIndex &, int first, int last, const QModelIndex &, int destinationRow)
{
    if (m_row < 0)
        return;
    const int count = last - first + 1;
    if (m_row >= first && m_row <= last)
        m_row = (destinationRow > last ? destinationRow - count : destinationRow) + m_row - first;
    else if (destinationRow > last && m_row > last && m_row < destinationRow)
        m_row -= count;
    else if (destinationRow < first && m_row >= destinationRow && m_row < first)
        m_row += count;
    updateHeader();
}

void ImageViewer::onRowsRemoved(const QModelIndex &, int first, int last)
{
    if (m_row < 0)
        return;
    if (m_row > last) {
        m_row -= last - first + 1;
    } else if (m_row >= first) {
        // The image shown was removed (here, or by another window, the
        // command line or the API): say so, show its successor, or go back.
        sayGone(m_key, m_info->shownName());
        const int count = m_model ? m_model->rowCount() : 0;
        if (count == 0) {
            m_row = -1;
            Q_EMIT closeRequested();
            return;
        }
        m_loadedSha.clear();
        showRow(std::min(first, count - 1));
        return;
    }
    updateHeader();
}

void ImageViewer::onImagesRemoved(const QList<qint64> &keys)
{
    if (m_row < 0)
        return;
    if (m_key != 0 && keys.contains(m_key))
        sayGone(m_key, m_info->shownName()); // its row goes next
    else if (m_displacedKey != 0 && keys.contains(m_displacedKey))
        sayGone(m_displacedKey, m_displacedName); // its row went already
}

void ImageViewer::sayGone(qint64 key, const QString &name)
{
    if (key == 0 || key == m_saidGone || name.isEmpty())
        return;
    m_saidGone = key;
    m_displacedKey = 0;
    Q_EMIT message(tr("“%1” is no longer in the library").arg(name), 6000);
}

} // namespace trove::ui

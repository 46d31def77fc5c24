// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"
#include "storage/librarypaths.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QToolButton;

namespace trove {
class GalleryModel;
}

namespace trove::ui {

class ElidedLabel;
class FramePlayer;
class ImageCanvas;
class ImageInfoPanel;

/// The full-size view of one gallery row, a page of the window's stack: the
/// image (decoded on a pool thread through LibraryReader::loadPicture, with
/// a "Loading…" state; results for an image the person already left are
/// dropped), zoom (fit, fit width, 100 %, free), animations played (pause,
/// frame step), full screen, a slideshow, rotation for display,
/// previous/next over the gallery's rows, and the facts panel. GUI thread.
class ImageViewer final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageViewer)

public:
    explicit ImageViewer(QWidget *parent = nullptr);
    ~ImageViewer() override;

    void setLibrary(GalleryModel *model, const LibraryPaths &paths);
    /// Shows the image of @p row (loading it if need be).
    void showRow(int row);
    int currentRow() const { return m_row; }
    /// The record shown, if its row is loaded.
    std::optional<ImageRecord> currentRecord() const;

    ImageCanvas *canvas() const { return m_canvas; }
    ImageInfoPanel *infoPanel() const { return m_info; }
    /// Whether the image of the current row is on screen (not loading).
    bool isShowingImage() const;
    /// The frame of an animation on screen (0 for a still) and how many.
    int currentFrame() const;
    int frameCount() const;
    bool isPlaying() const;
    bool isSlideshowRunning() const;
    bool isFullScreen() const { return m_fullScreen; }

public Q_SLOTS:
    void next();
    void previous();
    void setPlaying(bool playing);
    /// One frame on (or back), pausing the animation.
    void stepFrame(int delta);
    void setSlideshowRunning(bool running);
    void setFullScreen(bool fullScreen);
    /// Turns the image shown by quarter turns, clockwise; not stored.
    void rotate(int quarterTurns);

Q_SIGNALS:
    void closeRequested();
    void currentRowChanged(int row);
    void editRequested();
    void exportRequested();
    /// Full screen began or ended: the window hides or shows its bars.
    void fullScreenChanged(bool fullScreen);
    /// Something a person should read in the status bar.
    void message(const QString &text, int timeoutMs);

private:
    void load();
    void onDataChanged(
        const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onImagesRemoved(const QList<qint64> &keys);
    /// "“name” is no longer in the library", once per image.
    void sayGone(qint64 key, const QString &name);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    /// A rename (re-rating) elsewhere moved a row in a name (rating) order:
    /// the viewer keeps showing the same image at its new row.
    void onRowsMoved(const QModelIndex &parent, int first, int last, const QModelIndex &destination,
        int destinationRow);
    void updateHeader();
    void updateFrameInfo();
    QAction *addShortcut(const QList<QKeySequence> &keys, const std::function<void()> &slot,
        bool keepsSlideshow = false);

    QPointer<GalleryModel> m_model;
    LibraryPaths m_paths;
    int m_row = -1;
    qint64 m_key = 0; ///< the image shown or loading, to follow it when rows move
    /// The image this row showed before a page read put another there: a
    /// removal elsewhere may reach the rows before the change feed names it.
    qint64 m_displacedKey = 0;
    QString m_displacedName;
    qint64 m_saidGone = 0; ///< the last image whose removal was said
    quint64 m_generation = 0;
    QString m_loadedSha;

    ImageCanvas *m_canvas;
    ImageInfoPanel *m_info;
    QSplitter *m_splitter;
    ElidedLabel *m_title;
    ElidedLabel *m_zoom;
    QToolButton *m_back;
    QToolButton *m_prev;
    QToolButton *m_next;
    QWidget *m_header;
    QWidget *m_infoArea;
    ElidedLabel *m_frameInfo;
    QToolButton *m_play;
    QToolButton *m_slideshowButton;

    FramePlayer *m_player;
    int m_quarterTurns = 0;
    QTimer *m_slideshow;
    bool m_fullScreen = false;
    bool m_wasMaximized = false;
};

} // namespace trove::ui

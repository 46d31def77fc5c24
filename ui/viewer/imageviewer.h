// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"
#include "storage/librarypaths.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QSplitter;
class QToolButton;

namespace trove {
class GalleryModel;
}

namespace trove::ui {

class ImageCanvas;
class ImageInfoPanel;

/// The full-size view of one gallery row, a page of the window's stack: the
/// image (decoded on a pool thread through LibraryReader::loadImage, with a
/// "Loading…" state; results for an image the person already left are
/// dropped), zoom, previous/next over the gallery's rows, and the facts
/// panel. GUI thread.
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

public Q_SLOTS:
    void next();
    void previous();

Q_SIGNALS:
    void closeRequested();
    void currentRowChanged(int row);
    void editRequested();
    void exportRequested();
    /// Something a person should read in the status bar.
    void message(const QString &text, int timeoutMs);

private:
    void load();
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void updateHeader();
    QAction *addShortcut(const QList<QKeySequence> &keys, const std::function<void()> &slot);

    QPointer<GalleryModel> m_model;
    LibraryPaths m_paths;
    int m_row = -1;
    qint64 m_key = 0; ///< the image shown or loading, to follow it when rows move
    quint64 m_generation = 0;
    QString m_loadedSha;

    ImageCanvas *m_canvas;
    ImageInfoPanel *m_info;
    QSplitter *m_splitter;
    QLabel *m_title;
    QLabel *m_zoom;
    QToolButton *m_back;
    QToolButton *m_prev;
    QToolButton *m_next;
};

} // namespace trove::ui

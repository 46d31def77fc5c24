// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"
#include "ingest/picturedecoder.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;

namespace trove::ui {

/// The facts about one image beside the viewer: name, tags, source links
/// and the page it was found on (opened in the browser), its note
/// (annotation) if it has one, format, dimensions, original and stored size, SHA-256, when it was
/// added, in local time, and the camera, date taken and exposure when the file has EXIF. GUI
/// thread.
class ImageInfoPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageInfoPanel)

public:
    explicit ImageInfoPanel(QWidget *parent = nullptr);
    ~ImageInfoPanel() override;

    void setRecord(const ImageRecord &record);
    /// "★★★☆☆, favourite", "not rated": the Rating row's text.
    static QString ratingText(int rating, bool favourite);
    /// The camera's facts (EXIF) of the image shown; rows without a value
    /// are hidden.
    void setExif(const ExifSummary &exif);
    /// What the camera row says, empty when hidden.
    QString cameraText() const;
    void clear();
    /// The name of the image shown, empty when none.
    QString shownName() const;
    QString sourcesHtml() const;

Q_SIGNALS:
    void editRequested();
    void exportRequested();

private:
    QLabel *addRow(QFormLayout *form, const QString &label);
    /// A row whose value shows links (rich text) that open in the browser.
    QLabel *addLinkRow(QFormLayout *form, const QString &label);

    QFormLayout *m_form;
    QLabel *m_name;
    QLabel *m_tags;
    QLabel *m_rating;
    QLabel *m_sources;
    QLabel *m_foundOn; ///< the page it was found on; hidden when unknown
    QLabel *m_annotation;
    QLabel *m_format;
    QLabel *m_dimensions;
    QLabel *m_original;
    QLabel *m_stored;
    QLabel *m_sha;
    QLabel *m_added;
    QLabel *m_camera;
    QLabel *m_taken;
    QLabel *m_exposure;
    QPushButton *m_edit;
    QPushButton *m_export;
};

} // namespace trove::ui

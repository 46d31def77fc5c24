// SPDX-License-Identifier: MIT
#include "viewer/imageinfopanel.h"

#include "icons.h"
#include "ingest/rawimageingest.h"

#include <QDesktopServices>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace trove::ui {

namespace {

/// A place to break after every so many letters of a long run without
/// spaces (a URL, a name made of underscores): a word-wrapped label is at
/// least as wide as its longest word.
QString breakable(const QString &text)
{
    constexpr int kRun = 24;
    QString out;
    out.reserve(text.size() + text.size() / kRun);
    int run = 0;
    for (const QChar c : text) {
        out.append(c);
        run = c.isSpace() ? 0 : run + 1;
        if (run == kRun) {
            out.append(QChar(0x200B)); // zero-width space
            run = 0;
        }
    }
    return out;
}

QString sourceLink(const QString &source)
{
    if (RawImageIngest::isRawImageSource(source))
        return ImageInfoPanel::tr("pasted or dropped image");
    const QUrl url(source);
    QString shown = source;
    if (url.isLocalFile())
        shown = url.toLocalFile();
    else if (url.scheme() == QLatin1String("data"))
        return ImageInfoPanel::tr("embedded data URL");
    if (shown.size() > 120)
        shown = shown.left(80) + QStringLiteral("…") + shown.right(30);
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(source.toHtmlEscaped(), breakable(shown).toHtmlEscaped());
}

} // namespace

ImageInfoPanel::ImageInfoPanel(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPushButton(icon(Icon::Tags), tr("Edit Name and Tags…"), this))
    , m_export(new QPushButton(icon(Icon::Export), tr("Export Original…"), this))
{
    auto *form = m_form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    m_name = addRow(form, tr("Name"));
    QFont bold = m_name->font();
    bold.setBold(true);
    m_name->setFont(bold);
    m_tags = addRow(form, tr("Tags"));
    m_rating = addRow(form, tr("Rating"));
    m_sources = addLinkRow(form, tr("Source"));
    m_foundOn = addLinkRow(form, tr("Found on"));
    m_annotation = addRow(form, tr("Note"));
    m_format = addRow(form, tr("Format"));
    m_dimensions = addRow(form, tr("Dimensions"));
    m_original = addRow(form, tr("Original size"));
    m_stored = addRow(form, tr("Stored size"));
    m_added = addRow(form, tr("Added"));
    m_sha = addRow(form, tr("SHA-256"));
    m_camera = addRow(form, tr("Camera"));
    m_taken = addRow(form, tr("Taken"));
    m_exposure = addRow(form, tr("Exposure"));
    m_sha->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(m_edit);
    layout->addWidget(m_export);
    layout->addStretch(1);
    connect(m_edit, &QPushButton::clicked, this, &ImageInfoPanel::editRequested);
    connect(m_export, &QPushButton::clicked, this, &ImageInfoPanel::exportRequested);
    setMinimumWidth(240);
    clear();
}

ImageInfoPanel::~ImageInfoPanel() = default;

QLabel *ImageInfoPanel::addRow(QFormLayout *form, const QString &label)
{
    auto *value = new QLabel(this);
    value->setWordWrap(true);
    // The panel's width is the person's (the splitter's), never the longest
    // word's: a long name or link wraps or is cut, with the tooltip whole.
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setTextFormat(Qt::PlainText);
    auto *caption = new QLabel(label, this);
    // Dimmer than the values, in any theme (a colour set here would stay
    // when the theme changes).
    caption->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(caption, value);
    return value;
}

QLabel *ImageInfoPanel::addLinkRow(QFormLayout *form, const QString &label)
{
    QLabel *value = addRow(form, label);
    value->setTextFormat(Qt::RichText);
    value->setTextInteractionFlags(Qt::TextBrowserInteraction);
    value->setOpenExternalLinks(false);
    connect(value, &QLabel::linkActivated, this,
        [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    return value;
}

QString ImageInfoPanel::ratingText(int rating, bool favourite)
{
    const QString stars = rating > 0
        ? QString(rating, QChar(0x2605)) + QString(5 - rating, QChar(0x2606))
        : tr("not rated");
    return favourite ? tr("%1, favourite").arg(stars) : stars;
}

void ImageInfoPanel::clear()
{
    for (QLabel *label : { m_name, m_tags, m_rating, m_sources, m_foundOn, m_annotation, m_format,
             m_dimensions, m_original, m_stored, m_sha, m_added })
        label->clear();
    m_form->setRowVisible(m_foundOn, false);
    m_form->setRowVisible(m_annotation, false);
    setExif({});
    m_edit->setEnabled(false);
    m_export->setEnabled(false);
}

QString ImageInfoPanel::shownName() const
{
    return m_name->text();
}

void ImageInfoPanel::setRecord(const ImageRecord &record)
{
    const QLocale locale;
    m_name->setText(record.name);
    m_name->setToolTip(record.name);
    m_tags->setText(record.tags.isEmpty() ? tr("none") : record.tags.join(QStringLiteral(", ")));
    m_rating->setText(ratingText(record.rating, record.favourite));
    QStringList links;
    for (const QString &source : record.sources)
        links.append(sourceLink(source));
    // Bytes that came as bytes (a paste, a drop out of a browser, an API
    // upload) have no link to keep.
    m_sources->setText(links.isEmpty() ? tr("pasted, dropped or uploaded image")
                                       : links.join(QStringLiteral("<br>")));
    // Only an http or https page is ever kept (FetchHeaders::page()).
    m_foundOn->setText(record.foundOn.isEmpty() ? QString() : sourceLink(record.foundOn));
    m_form->setRowVisible(m_foundOn, !record.foundOn.isEmpty());
    m_annotation->setText(record.annotation);
    m_form->setRowVisible(m_annotation, !record.annotation.isEmpty());
    m_format->setText(record.format.toUpper());
    m_dimensions->setText(
        tr("%1 × %2 pixels").arg(locale.toString(record.width), locale.toString(record.height)));
    m_original->setText(locale.formattedDataSize(record.originalBytes, 1));
    const double ratio = record.originalBytes > 0
        ? 100.0 * double(record.storedBytes) / double(record.originalBytes)
        : 0.0;
    m_stored->setText(
        tr("%1 (%2 % of the original)")
            .arg(locale.formattedDataSize(record.storedBytes, 1), locale.toString(ratio, 'f', 1)));
    // Four groups of 16 that wrap as the panel's width allows: two halves of
    // 32 were cut at the panel's usual width (about 28 characters).
    QStringList groups;
    for (qsizetype i = 0; i < record.sha256.size(); i += 16)
        groups.append(record.sha256.mid(i, 16));
    m_sha->setText(groups.join(QLatin1Char(' ')));
    m_sha->setToolTip(record.sha256);
    m_added->setText(locale.toString(record.addedAt.toLocalTime(), QLocale::LongFormat));
    m_edit->setEnabled(true);
    m_export->setEnabled(!record.damaged);
    if (record.damaged)
        m_name->setText(tr("%1 (damaged: its original is missing or corrupt)").arg(record.name));
}

void ImageInfoPanel::setExif(const ExifSummary &exif)
{
    const std::pair<QLabel *, QString> rows[] { { m_camera, exif.camera }, { m_taken, exif.taken },
        { m_exposure, exif.exposure } };
    for (const auto &[label, text] : rows) {
        label->setText(text);
        m_form->setRowVisible(label, !text.isEmpty());
    }
}

QString ImageInfoPanel::cameraText() const
{
    return m_camera->text();
}

QString ImageInfoPanel::sourcesHtml() const
{
    return m_sources->text();
}

} // namespace trove::ui

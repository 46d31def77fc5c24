// SPDX-License-Identifier: MIT
#include "dialogs/similardialog.h"

#include "base/futurewatch.h"
#include "models/librarysession.h"
#include "models/similarityservice.h"
#include "screenfit.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace trove::ui {

namespace {

constexpr int kIconSize = 96;

} // namespace

QStringList SimilarDialog::columns()
{
    return { tr("Image"), tr("Distance"), tr("Dimensions"), tr("Format"), tr("Size"), tr("Added"),
        tr("Sources") };
}

void SimilarDialog::fillRow(QTreeWidgetItem *row, const SimilarItem &item)
{
    const ImageRecord &r = item.record;
    const QLocale locale;
    row->setText(0, r.name);
    row->setData(0, Qt::UserRole, r.key);
    if (!item.thumbnail.isNull()) {
        // In the screen's own pixels: a 2x screen draws 192 for 96.
        const qreal dpr = row->treeWidget() ? row->treeWidget()->devicePixelRatioF() : 1.0;
        const int side = qRound(kIconSize * dpr);
        QPixmap icon = QPixmap::fromImage(
            item.thumbnail.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        icon.setDevicePixelRatio(dpr);
        row->setIcon(0, icon);
    }
    row->setText(1, QString::number(item.distance));
    row->setData(1, Qt::UserRole, item.distance);
    row->setText(2, QStringLiteral("%1 × %2").arg(r.width).arg(r.height));
    row->setText(3, r.format.toUpper());
    row->setText(4, locale.formattedDataSize(r.originalBytes));
    row->setText(5, locale.toString(r.addedAt.toLocalTime(), QLocale::ShortFormat));
    row->setText(6, r.sources.join(QStringLiteral(", ")));
    row->setToolTip(6, r.sources.join(QLatin1Char('\n')));
}

SimilarDialog::SimilarDialog(LibrarySession *session, const ImageRecord &image, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_status(new QLabel(tr("Looking for images similar to “%1”…").arg(image.name), this))
    , m_results(new QTreeWidget(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Similar to “%1”").arg(image.name));
    resize(withinScreen(QSize(900, 560), this));
    m_results->setHeaderLabels(columns());
    m_results->setRootIsDecorated(false);
    m_results->setIconSize(QSize(kIconSize, kIconSize));
    // The figures as wide as they need, the sources whatever is left.
    m_results->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_results->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_results->header()->resizeSection(0, 280);
    m_results->header()->setStretchLastSection(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);
    layout->addWidget(buttons);
    if (!session)
        return;
    whenFinished(session->similarity()->findSimilar(image.key), this,
        [this, name = image.name](const Result<QList<SimilarItem>> &found) {
            if (!found) {
                m_status->setText(tr("Cannot look for similar images: %1").arg(found.error()));
            } else {
                // Nearest first, as the service answers.
                for (const SimilarItem &item : *found)
                    fillRow(new QTreeWidgetItem(m_results), item);
                m_status->setText(found->isEmpty()
                        ? tr("No similar images (distance up to %1 of 64 bits).")
                              .arg(SimilarityRule::kDefaultDistance)
                        : tr("%Ln image(s) similar to “%1”, nearest first; the distance is how "
                             "many of 64 bits of their perceptual hashes differ.",
                            nullptr, int(found->size()))
                              .arg(name));
            }
            Q_EMIT finished();
        });
}

SimilarDialog::~SimilarDialog() = default;

} // namespace trove::ui

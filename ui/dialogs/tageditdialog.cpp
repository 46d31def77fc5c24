// SPDX-License-Identifier: MIT
#include "dialogs/tageditdialog.h"

#include "base/tagkey.h"
#include "ingest/ingesttypes.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace trove::ui {

namespace {

bool containsTag(const QStringList &tags, const QString &tag)
{
    return std::any_of(
        tags.cbegin(), tags.cend(), [&tag](const QString &t) { return sameTag(t, tag); });
}

} // namespace

TagEditDialog::TagEditDialog(const QList<ImageRecord> &records, QWidget *parent)
    : QDialog(parent)
    , m_records(records)
    , m_name(new QLineEdit(this))
    , m_tags(new QLineEdit(this))
    , m_remove(new QLineEdit(this))
{
    const bool single = records.size() == 1;
    setWindowTitle(
        single ? tr("Edit Name and Tags") : tr("Edit Tags of %1 Images").arg(records.size()));
    auto *form = new QFormLayout;
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);

    // Tags on all of the images, and on some of them.
    QMap<QString, int> counts;
    QMap<QString, QString> spelling;
    for (const ImageRecord &r : records) {
        for (const QString &tag : r.tags) {
            counts[tagKey(tag)] += 1;
            spelling.insert(tagKey(tag), tag);
        }
    }
    QStringList some;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() == records.size())
            m_common.append(spelling.value(it.key()));
        else
            some.append(spelling.value(it.key()));
    }

    if (single) {
        const ImageRecord &r = records.first();
        intro->setText(tr("Tags are separated by commas."));
        m_name->setText(r.name);
        m_tags->setText(r.tags.join(QStringLiteral(", ")));
        form->addRow(tr("&Name:"), m_name);
        form->addRow(tr("&Tags:"), m_tags);
        m_remove->hide();
    } else {
        intro->setText(
            tr("Tags typed under “Add” are added to all %Ln image(s); tags under “Remove” are "
               "removed from all of them. Separate tags with commas.",
                nullptr, int(records.size())));
        m_name->setEnabled(false);
        m_name->setPlaceholderText(
            tr("%Ln image(s): names stay as they are", nullptr, int(records.size())));
        form->addRow(tr("Name:"), m_name);
        form->addRow(tr("&Add tags:"), m_tags);
        form->addRow(tr("&Remove tags:"), m_remove);
        if (!m_common.isEmpty())
            form->addRow(tr("On all:"), new QLabel(m_common.join(QStringLiteral(", ")), this));
        if (!some.isEmpty())
            form->addRow(tr("On some:"), new QLabel(some.join(QStringLiteral(", ")), this));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (single) {
        // A blank name would be dropped silently and the old one kept.
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        connect(m_name, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(460, sizeHint().height());
}

TagEditDialog::~TagEditDialog() = default;

QStringList TagEditDialog::splitTags(const QString &text)
{
    return normalizeTags(text.split(QLatin1Char(','), Qt::SkipEmptyParts));
}

QString TagEditDialog::newName() const
{
    if (m_records.size() != 1)
        return {};
    const QString name = normalizeName(m_name->text());
    return name.isEmpty() || name == m_records.first().name ? QString() : name;
}

QStringList TagEditDialog::tagsToAdd() const
{
    const QStringList typed = splitTags(m_tags->text());
    if (m_records.size() != 1)
        return typed;
    QStringList add;
    for (const QString &tag : typed) {
        if (!containsTag(m_records.first().tags, tag))
            add.append(tag);
    }
    return add;
}

QStringList TagEditDialog::tagsToRemove() const
{
    if (m_records.size() != 1)
        return splitTags(m_remove->text());
    const QStringList typed = splitTags(m_tags->text());
    QStringList remove;
    for (const QString &tag : m_records.first().tags) {
        if (!containsTag(typed, tag))
            remove.append(tag);
    }
    return remove;
}

QList<qint64> TagEditDialog::keys() const
{
    QList<qint64> keys;
    for (const ImageRecord &r : m_records)
        keys.append(r.key);
    return keys;
}

} // namespace trove::ui

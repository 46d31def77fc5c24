// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace trove::ui {

/// Edits the name and tags of one image, or the tags of many: for one, the
/// name and the full tag list; for many, the name is disabled and tags are
/// added or removed on all of them. Answers what to change; the caller asks
/// the writer. GUI thread.
class TagEditDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagEditDialog)

public:
    explicit TagEditDialog(const QList<ImageRecord> &records, QWidget *parent = nullptr);
    ~TagEditDialog() override;

    /// The new name, or empty when it did not change (or many images).
    QString newName() const;
    QStringList tagsToAdd() const;
    QStringList tagsToRemove() const;
    QList<qint64> keys() const;

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *tagsField() const { return m_tags; }
    QLineEdit *removeField() const { return m_remove; }

    static QStringList splitTags(const QString &text);

private:
    QList<ImageRecord> m_records;
    QLineEdit *m_name;
    QLineEdit *m_tags;
    QLineEdit *m_remove;
    QStringList m_common; ///< tags every selected image has
};

} // namespace trove::ui

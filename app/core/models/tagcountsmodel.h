// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/tagvocabulary.h"

#include <QAbstractListModel>

namespace trove {

/// A short list of tags with counts, as a model: the Tags sidebar (the
/// tags of the current query, at most TagService::kSidebarLimit) and the
/// completion popups (a dozen). Replaced whole when a new list arrives;
/// rows that stay the same tag keep their place and only signal a change.
/// GUI thread.
class TagCountsModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagCountsModel)

public:
    enum Role {
        TagRole = Qt::UserRole + 1, ///< the tag itself (QString)
        CountRole, ///< images carrying it (qint64)
    };

    explicit TagCountsModel(QObject *parent = nullptr);

    void setTags(const TagCounts &tags);
    const TagCounts &tags() const { return m_tags; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    TagCounts m_tags;
};

} // namespace trove

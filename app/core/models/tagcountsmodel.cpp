// SPDX-License-Identifier: MIT
#include "models/tagcountsmodel.h"

#include <QLocale>

namespace trove {

TagCountsModel::TagCountsModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void TagCountsModel::setTags(const TagCounts &tags)
{
    // The common case while a library fills: the same tags, other counts
    // (or order). Same length: change in place, so views keep their
    // selection and scroll position; otherwise rows go or come at the end.
    const qsizetype shared = std::min(m_tags.size(), tags.size());
    if (tags.size() < m_tags.size()) {
        beginRemoveRows({}, int(tags.size()), int(m_tags.size() - 1));
        m_tags.resize(tags.size());
        endRemoveRows();
    }
    qsizetype firstChanged = -1;
    qsizetype lastChanged = -1;
    for (qsizetype i = 0; i < shared; ++i) {
        if (m_tags[i] == tags[i])
            continue;
        m_tags[i] = tags[i];
        if (firstChanged < 0)
            firstChanged = i;
        lastChanged = i;
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(int(firstChanged)), index(int(lastChanged)));
    if (tags.size() > m_tags.size()) {
        beginInsertRows({}, int(m_tags.size()), int(tags.size() - 1));
        for (qsizetype i = m_tags.size(); i < tags.size(); ++i)
            m_tags.append(tags[i]);
        endInsertRows();
    }
}

int TagCountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tags.size());
}

QVariant TagCountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TagCount &t = m_tags[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case TagRole:
        return t.tag;
    case CountRole:
        return t.count;
    case Qt::ToolTipRole:
        return tr("%1: %n image(s)", nullptr, int(std::min<qint64>(t.count, INT_MAX))).arg(t.tag);
    default:
        return {};
    }
}

QHash<int, QByteArray> TagCountsModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(TagRole, "tag");
    names.insert(CountRole, "count");
    return names;
}

} // namespace trove

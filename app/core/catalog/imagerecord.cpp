// SPDX-License-Identifier: MIT
#include "catalog/imagerecord.h"

#include <QJsonArray>

namespace trove {

QString isoUtc(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    return when.toUTC().toString(Qt::ISODate);
}

QJsonObject ImageRecord::toJson() const
{
    return QJsonObject {
        { QStringLiteral("id"), id },
        { QStringLiteral("name"), name },
        { QStringLiteral("tags"), QJsonArray::fromStringList(tags) },
        { QStringLiteral("source_url"), sources.value(0) },
        { QStringLiteral("sources"), QJsonArray::fromStringList(sources) },
        { QStringLiteral("sha256"), sha256 },
        { QStringLiteral("format"), format },
        { QStringLiteral("width"), width },
        { QStringLiteral("height"), height },
        { QStringLiteral("original_bytes"), originalBytes },
        { QStringLiteral("stored_bytes"), storedBytes },
        { QStringLiteral("added_at"), isoUtc(addedAt) },
        { QStringLiteral("damaged"), damaged },
        { QStringLiteral("annotation"),
            annotation.isEmpty() ? QJsonValue() : QJsonValue(annotation) },
        { QStringLiteral("found_on"), foundOn.isEmpty() ? QJsonValue() : QJsonValue(foundOn) },
        { QStringLiteral("animated"), animated },
        { QStringLiteral("rating"), rating },
        { QStringLiteral("favourite"), favourite },
    };
}

QJsonObject TrashRecord::toJson() const
{
    QJsonObject o = image.toJson();
    o.insert(QStringLiteral("trashed_at"), isoUtc(trashedAt));
    return o;
}

QJsonObject LibraryStats::toJson() const
{
    return QJsonObject {
        { QStringLiteral("images"), images },
        { QStringLiteral("last_added"),
            lastAdded.isValid() ? QJsonValue(isoUtc(lastAdded)) : QJsonValue() },
        { QStringLiteral("original_bytes"), originalBytes },
        { QStringLiteral("stored_bytes"), storedBytes },
    };
}

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

namespace trove {

/// Where an image comes from, checked before anything touches the network or
/// the disk. Only http, https and data URLs and existing local files pass;
/// javascript:, ftp: and plain words are refused here.
struct IngestSource {
    Q_DECLARE_TR_FUNCTIONS(IngestSource)

public:
    QUrl url; ///< http, https or data; empty for a local file
    QString localPath; ///< absolute; empty for a URL

    bool isLocal() const { return !localPath.isEmpty(); }
    /// What goes in the catalog's source column.
    QString sourceString() const;
    /// The file name part of the source ("cat.jpg"), or empty.
    QString fileName() const;
    /// The default image name: the file name without its extension, else the
    /// host, else "image".
    QString defaultName() const;

    static Result<IngestSource> parse(const QString &input);

    /// The http(s) links in free text (a paste): one per line or mixed
    /// into prose, in order, without duplicates.
    static QStringList extractUrls(const QString &text);
};

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingesttypes.h"

#include <QCoreApplication>
#include <QString>

namespace trove {

/// How a person reads where a queue item comes from: "Pasted image",
/// "Dropped from example.org", a file's name, a link without its scheme
/// and with a long path shortened ("example.org/…/cat.jpg?…"). Never
/// the temp file that pasted pixels are written to. A pure function of the
/// request, cheap enough for every painted row (a 5 MB data: link is not
/// parsed). Any thread.
class SourceLabel final {
    Q_DECLARE_TR_FUNCTIONS(trove::SourceLabel)

public:
    /// The short text for a queue row.
    static QString display(const IngestRequest &request);
    /// The full text for a tooltip: the link or path as given, except for
    /// Trove's own temp files, which are display().
    static QString full(const IngestRequest &request);
    /// "Dropped from %1" for an image a browser gave as pixels only.
    static QString droppedFrom(const QString &host);
    static QString pastedImage();
    static QString droppedImage();
};

} // namespace trove

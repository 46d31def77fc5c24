// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"

#include <QCoreApplication>
#include <QList>

namespace trove {

/// Which copy of a picture to keep: the most pixels, then the better
/// format (lossless before lossy, newer codecs before older ones), then the
/// oldest, then the lowest key. A pure function of records; any thread.
class KeepBest final {
    Q_DECLARE_TR_FUNCTIONS(KeepBest)

public:
    /// Lower is better; unknown formats come last.
    static int formatRank(const QString &format);
    /// Whether @p a is to be kept over @p b.
    static bool better(const ImageRecord &a, const ImageRecord &b);
    /// @p group best first.
    static QList<ImageRecord> ordered(QList<ImageRecord> group);
    /// The rule in words, for the window and the help.
    static QString ruleText();
};

} // namespace trove

// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMetaType>
#include <QSet>
#include <QString>
#include <QStringList>

namespace trove {

/// Request headers for one item's download, as the page the link came from
/// would send them (a drop's page, the API's `website`, Eagle's `headers`).
/// The queue row keeps the Referer (an item resumed after a restart sends
/// it again); the user agent and the cookie are held in memory only.
struct FetchHeaders {
    /// The page the link was found on, sent as the Referer (across
    /// redirects, never from https to plain http) and kept as the image's
    /// "found on" page; empty if unknown.
    QString referer;
    /// Sent instead of Trove's own User-Agent when not empty.
    QByteArray userAgent;
    /// Sent as Cookie to the URL's own host and port only: dropped for the
    /// rest of the download once a redirect leaves them or goes from https
    /// to plain http.
    QByteArray cookie;

    /// The Referer as it is sent and kept: an http or https URL without
    /// user name, password or fragment; empty for anything else.
    QString page() const;
};

/// What a person asked to add: a URL or a local file, with an optional name
/// and tags.
struct IngestRequest {
    QString source;
    QString name; ///< empty: the URL's file name without extension
    QStringList tags;
    /// Add even bytes that were removed and emptied from the trash before.
    bool force = false;
    FetchHeaders headers;
    /// A note kept with the image (Eagle's `annotation`); empty: none.
    QString annotation;
    /// What the queue shows as the source when it is no link or file a
    /// person gave ("Pasted image", "Dropped from example.org"): pasted
    /// pixels' source is a temp file. Held in memory only, like headers.
    QString label;
};

/// The life of one queue item. Stored as integers in the catalog's queue
/// table: never renumber.
enum class IngestState : int {
    Queued = 0,
    Downloading = 1,
    Processing = 2,
    Done = 3,
    Duplicate = 4, ///< the same bytes were already in the library
    Failed = 5,
    Cancelled = 6,
};

inline bool isFinished(IngestState s)
{
    return s >= IngestState::Done;
}

/// A queue row as stored, for resuming after a restart.
struct QueueRow {
    qint64 id = 0;
    IngestRequest request;
    IngestState state = IngestState::Queued;
    QString error; ///< why a failed row failed
};

/// A folder import that had not finished walking when its process ended
/// (table `folder_walks`), for walking again: its folder as
/// IngestRequest::source, with the name, tags and flags of the add.
struct FolderWalkRow {
    qint64 id = 0;
    IngestRequest request;
    /// Files under the folder that unfinished queue rows name already:
    /// walking again must not queue them a second time.
    QSet<QString> queued;
};

/// Tags as typed by people: trimmed, no control characters, composed
/// (NFC), no duplicates (the same tagKey(): the first spelling wins), empty
/// ones dropped. Order kept.
QStringList normalizeTags(const QStringList &tags);

/// Bounds on the tags one request may give (an add, a tag edit), for
/// every face that takes tags from outside (the local API, the CLI): the
/// catalog's cost grows faster than the number of an image's tags, and
/// 90,000 tags in one 888 KB API request kept its writer busy for half an
/// hour. A pure function; any thread.
class TagLimits final {
    Q_DECLARE_TR_FUNCTIONS(trove::TagLimits)

public:
    static constexpr qsizetype kMaxTags = 1000; ///< per request, as given
    static constexpr qsizetype kMaxLength = 500; ///< characters in one tag, trimmed

    /// Empty when @p tags keep within the bounds, else why they do not.
    static QString check(const QStringList &tags);
};

/// Longest name kept: an export's file name is the name, and most file
/// systems take 255 bytes; a 100,000-character name was accepted before.
constexpr qsizetype kMaxImageNameLength = 200;

/// A name as typed or taken from a file or link: control characters (NUL,
/// newlines, tabs) become spaces, runs of spaces one, then trimmed and cut
/// to kMaxImageNameLength. Everything else, quotes and `%` and `../` included, is
/// kept literally: names are data, never paths.
QString normalizeName(const QString &name);

} // namespace trove

Q_DECLARE_METATYPE(trove::IngestState)

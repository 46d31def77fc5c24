// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/dropcontent.h"
#include "ingest/folderimport.h"
#include "ingest/ingestpipeline.h"
#include "ingest/ingesttypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>

class QMimeData;

namespace trove {
class LibrarySession;
class RawImageIngest;
} // namespace trove

namespace trove::ui {

/// Turns what a person pastes, drops or types into queue items: links go
/// straight to the pipeline; files and folders through FolderImport, which
/// checks them and walks folders for images off the GUI thread; image bytes
/// through RawImageIngest (written off the GUI thread). Says what happened,
/// and what could not be added and why, as a status message; refused links
/// and what a walk could not read also fail visibly in the queue. GUI
/// thread.
class IngestController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestController)

public:
    enum class Origin { Pasted, Dropped, Typed, Opened };

    explicit IngestController(QObject *parent = nullptr);
    ~IngestController() override;

    void setSession(LibrarySession *session);

    /// Where the name and tags for the next add come from (the ingest bar);
    /// called once per add of the given number of sources, which may
    /// consume them. A name is used for a single source only: several
    /// images never share one typed name.
    void setOptionsProvider(std::function<IngestRequest(int sources)> provider);

    void ingest(const DropContent &content, Origin origin);
    /// What a paste or a drop holds: copied here, made sense of off the GUI
    /// thread when it is big (a link dump), then ingested in order.
    void ingest(const DropContent::Snapshot &snapshot, Origin origin);
    void ingest(const QMimeData *mime, Origin origin);
    /// Edit > Paste: on X11 the clipboard's text is read on a connection of
    /// its own, off the GUI thread (a 10,000-link paste held the window for
    /// 35-65 ms in Qt's synchronous read); images, file lists and the rest,
    /// and every other platform, go through QClipboard.
    void pasteClipboard();
    void ingestSources(const QStringList &sources, Origin origin);

    /// Whether files or folders are being checked or walked.
    bool isWalking() const;
    /// Stops every walk; what was queued stays queued.
    void cancelWalks();

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);
    /// Something was queued: the queue panel may want to show itself.
    void queued(int count);
    /// Queue items @p ids were added with a typed @p name or @p tags (links
    /// added at once and images pasted as bytes; not folder walks), for
    /// whoever offers them again when the bytes turn out to be known.
    void queuedWithOptions(const QList<quint64> &ids, const QString &name, const QStringList &tags);
    /// How far the walks got, while they run.
    void walkProgress(const trove::FolderImport::Totals &totals);
    /// Every walk ended.
    void walkFinished(const trove::FolderImport::Totals &totals);

public:
    /// Sources split by kind and links checked: pure, any thread.
    struct Sorted {
        std::vector<CheckedRequest> links;
        QStringList local;
        int refused = 0; ///< links whose check failed
    };
    static Sorted sort(const QStringList &sources);

private:
    struct Parsed {
        DropContent content;
        Sorted sorted;
    };
    void ingestParsed(std::shared_ptr<Parsed> parsed, Origin origin);
    /// Says why a read-only library takes nothing; true if it is one.
    bool refuseReadOnly();
    void enqueueLinks(std::shared_ptr<Parsed> parsed, const IngestRequest &options);
    /// Drops @p parsed on the parse pool: 100,000 links are 100,000 strings
    /// to free (12 ms on the GUI thread).
    void release(std::shared_ptr<Parsed> parsed);
    void feed();
    void onWalkProblem(const WalkProblem &problem);
    void onWalkFinished(const FolderImport::Totals &totals);
    void ingestImageData(const DropContent &content, const IngestRequest &options, Origin origin);
    void reportNothing(const DropContent &content, Origin origin);

    QPointer<LibrarySession> m_session;
    QPointer<RawImageIngest> m_raw; ///< child of the session, dies with it
    QPointer<FolderImport> m_folders; ///< child of the session, dies with it
    int m_problemItems = 0; ///< walk problems shown in the queue so far
    QStringList m_emptyFolders; ///< folders given that held no image, this walk
    /// One thread, so that pastes reach the queue in the order they came.
    QThreadPool m_parsePool;
    QThreadPool m_clipboardPool; ///< one X11 clipboard read at a time
    int m_parsing = 0; ///< snapshots being parsed
    /// Checked links on their way to the queue, a time-boxed slice per
    /// event-loop turn: 100,000 links never hold the GUI thread at once.
    /// Each paste's links stay where the parse put them and are taken a
    /// slice at a time (moving 100,000 into one queue took 78 ms).
    struct FeedBatch {
        std::shared_ptr<Parsed> parsed;
        std::size_t next = 0; ///< the first of parsed->sorted.links not fed
        QString name;
        QStringList tags;
    };
    std::deque<FeedBatch> m_feed;
    QTimer m_feedTimer;
    std::function<IngestRequest(int sources)> m_options;
};

} // namespace trove::ui

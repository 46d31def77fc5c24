// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/dropcontent.h"
#include "ingest/folderimport.h"
#include "ingest/ingesttypes.h"

#include <QObject>
#include <QPointer>
#include <functional>

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
    /// called once per add, which may consume them.
    void setOptionsProvider(std::function<IngestRequest()> provider);

    void ingest(const DropContent &content, Origin origin);
    void ingestSources(const QStringList &sources, Origin origin);

    /// Whether files or folders are being checked or walked.
    bool isWalking() const;
    /// Stops every walk; what was queued stays queued.
    void cancelWalks();

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);
    /// Something was queued: the queue panel may want to show itself.
    void queued(int count);
    /// How far the walks got, while they run.
    void walkProgress(const trove::FolderImport::Totals &totals);
    /// Every walk ended.
    void walkFinished(const trove::FolderImport::Totals &totals);

private:
    void enqueueLinks(const QStringList &links, const IngestRequest &options);
    void onWalkProblem(const WalkProblem &problem);
    void onWalkFinished(const FolderImport::Totals &totals);
    void ingestImageData(const DropContent &content, const IngestRequest &options, Origin origin);
    void reportNothing(const DropContent &content, Origin origin);

    QPointer<LibrarySession> m_session;
    QPointer<RawImageIngest> m_raw; ///< child of the session, dies with it
    QPointer<FolderImport> m_folders; ///< child of the session, dies with it
    int m_problemItems = 0; ///< walk problems shown in the queue so far
    std::function<IngestRequest()> m_options;
};

} // namespace trove::ui

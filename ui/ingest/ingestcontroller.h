// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/dropcontent.h"
#include "ingest/ingesttypes.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace trove {
class LibrarySession;
class RawImageIngest;
} // namespace trove

namespace trove::ui {

/// Turns what a person pastes, drops or types into queue items: links and
/// files go straight to the pipeline, image bytes through RawImageIngest
/// (written off the GUI thread). Says what happened, and what could not be
/// added and why, as a status message; refused links also fail visibly in
/// the queue. GUI thread.
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

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);
    /// Something was queued: the queue panel may want to show itself.
    void queued(int count);

private:
    void ingestImageData(const DropContent &content, const IngestRequest &options, Origin origin);
    void reportNothing(const DropContent &content, Origin origin);

    QPointer<LibrarySession> m_session;
    QPointer<RawImageIngest> m_raw; ///< child of the session, dies with it
    std::function<IngestRequest()> m_options;
};

} // namespace trove::ui

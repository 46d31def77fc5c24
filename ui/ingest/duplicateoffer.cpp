// SPDX-License-Identifier: MIT
#include "ingest/duplicateoffer.h"

#include "base/futurewatch.h"
#include "gallery/undocommands.h"
#include "ingest/messagebar.h"
#include "models/librarysession.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QUndoStack>

namespace trove::ui {

namespace {
constexpr int kOfferMessageMs = 8000;
}

DuplicateOffer::DuplicateOffer(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_rename(new QPushButton(tr("Rename"), this))
    , m_dismiss(new QPushButton(tr("Keep Name"), this))
{
    setObjectName(QStringLiteral("duplicateOffer"));
    m_label->setTextFormat(Qt::PlainText); // names are data
    m_dismiss->setToolTip(tr("Leave the image as it is"));
    layOutMessageBar(this, Icon::Info, m_label, { m_rename, m_dismiss });
    connect(m_rename, &QPushButton::clicked, this, &DuplicateOffer::rename);
    connect(m_dismiss, &QPushButton::clicked, this, [this] { setVisible(false); });
    setVisible(false);
}

DuplicateOffer::~DuplicateOffer() = default;

void DuplicateOffer::setSession(LibrarySession *session)
{
    if (m_session)
        m_session->pipeline()->disconnect(this);
    m_session = session;
    m_watched.clear();
    setVisible(false);
    if (!session)
        return;
    IngestPipeline *pipeline = session->pipeline();
    connect(pipeline, &IngestPipeline::itemFinished, this, &DuplicateOffer::onFinished);
    connect(pipeline, &IngestPipeline::itemsRemoved, this, [this](const QList<quint64> &ids) {
        for (quint64 id : ids)
            m_watched.remove(id);
    });
}

void DuplicateOffer::watch(const QList<quint64> &ids, const QString &name, const QStringList &tags)
{
    if (name.isEmpty() && tags.isEmpty())
        return;
    for (quint64 id : ids)
        m_watched.insert(id, Wanted { name, tags });
}

void DuplicateOffer::onFinished(quint64 id)
{
    const auto it = m_watched.constFind(id);
    if (it == m_watched.cend() || !m_session)
        return;
    const Wanted wanted = *it;
    m_watched.erase(it);
    const IngestItem *item = m_session->pipeline()->item(id);
    if (!item || item->state != IngestState::Duplicate)
        return;
    // The writer adds the tags of a duplicate to the image it already has.
    const QString tagNote = wanted.tags.isEmpty()
        ? QString()
        : tr(" (tags added: %1)").arg(QLocale().createSeparatedList(wanted.tags));
    if (wanted.name.isEmpty() || wanted.name == item->imageName) {
        Q_EMIT message(
            tr("Already in library as “%1”%2").arg(item->imageName, tagNote), kOfferMessageMs);
        return;
    }
    m_key = item->imageKey;
    m_oldName = item->imageName;
    m_newName = wanted.name;
    m_label->setText(
        tr("Already in library as “%1”%2. Rename it to “%3”?").arg(m_oldName, tagNote, m_newName));
    m_rename->setText(tr("Rename to “%1”").arg(m_newName));
    setVisible(true);
}

void DuplicateOffer::rename()
{
    setVisible(false);
    if (!m_session || m_key == 0)
        return;
    QPointer<LibrarySession> session = m_session;
    const QString oldName = m_oldName;
    const QString name = m_newName;
    auto report = [self = QPointer<DuplicateOffer>(this)](const QString &text) {
        if (self)
            Q_EMIT self->message(text, kOfferMessageMs);
    };
    whenFinished(session->writer()->rename({ m_key }, name), this,
        [this, session, oldName, name, report](const Result<Renamed> &r) {
            if (!r) {
                Q_EMIT message(tr("Cannot rename: %1").arg(r.error()), kOfferMessageMs);
                return;
            }
            if (!r->absent.isEmpty()) {
                Q_EMIT message(withAbsent({}, r->absent, 1), kOfferMessageMs);
                return;
            }
            if (!r->isEmpty() && m_undo && session)
                m_undo->push(new RenameCommand(session, *r, report));
            Q_EMIT message(tr("Renamed “%1” to “%2”").arg(oldName, name), kOfferMessageMs);
        });
}

} // namespace trove::ui

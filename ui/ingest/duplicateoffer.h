// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>
#include <QHash>
#include <QPointer>
#include <QStringList>

class QLabel;
class QPushButton;
class QUndoStack;

namespace trove {
class LibrarySession;
}

namespace trove::ui {

/// The bar over the gallery that turns a duplicate add into a question
/// instead of a silent drop: when bytes added with a typed name turn out to
/// be in the library already, it says under which name ("Already in library
/// as photo_1") and offers the typed name as a rename, done through the
/// writer and undoable like every other rename. Tags typed with it were
/// added to the existing image by the writer already; the bar says so.
/// Watches only the items it is told about. GUI thread.
class DuplicateOffer final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicateOffer)

public:
    explicit DuplicateOffer(QWidget *parent = nullptr);
    ~DuplicateOffer() override;

    void setSession(LibrarySession *session);
    /// Where the rename leaves its undo.
    void setUndoStack(QUndoStack *stack) { m_undo = stack; }

    /// Queue items @p ids were added with @p name (may be empty) and
    /// @p tags: if one ends as a duplicate, offer them.
    void watch(const QList<quint64> &ids, const QString &name, const QStringList &tags);

    QLabel *label() const { return m_label; }
    QPushButton *renameButton() const { return m_rename; }
    QPushButton *dismissButton() const { return m_dismiss; }

Q_SIGNALS:
    void message(const QString &text, int timeoutMs);

private:
    struct Wanted {
        QString name;
        QStringList tags;
    };
    void onFinished(quint64 id);
    void rename();

    QPointer<LibrarySession> m_session;
    QUndoStack *m_undo = nullptr;
    QHash<quint64, Wanted> m_watched;
    qint64 m_key = 0; ///< the image the shown offer is about
    QString m_oldName;
    QString m_newName;
    QLabel *m_label;
    QPushButton *m_rename;
    QPushButton *m_dismiss;
};

} // namespace trove::ui

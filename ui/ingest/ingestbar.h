// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingesttypes.h"

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace trove::ui {

/// The strip for adding by hand: a link field with an Add button, plus a
/// name and tags that apply to the next add (then clear, so they are not
/// stamped on everything that follows). Enter in any field adds. The name
/// is for one image only: with several links each takes its name from its
/// link, and the name field says so. GUI thread.
class IngestBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestBar)

public:
    explicit IngestBar(QWidget *parent = nullptr);
    ~IngestBar() override;

    /// The name and tags typed for an add of @p sources items; clears what
    /// it uses. Tags apply to every item; the name only to a single one, and
    /// is kept for a later add otherwise.
    IngestRequest takeOptions(int sources);
    QLineEdit *urlField() const { return m_url; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *tagsField() const { return m_tags; }

    /// Whether @p text holds more than one link or path (one a line or
    /// separated by white space), as the name field judges it.
    static bool holdsSeveral(const QString &text);

Q_SIGNALS:
    /// The text of the link field, when Add was pressed.
    void addRequested(const QString &text);

private:
    void submit();
    void updateNameHint();

    QLineEdit *m_url;
    QLineEdit *m_name;
    QLineEdit *m_tags;
    QPushButton *m_add;
};

} // namespace trove::ui

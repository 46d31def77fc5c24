// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingesttypes.h"

#include <QWidget>

class QLineEdit;
class QPushButton;

namespace trove::ui {

/// The strip for adding by hand: a link field with an Add button, plus a
/// name and tags that apply to the next add (then clear, so they are not
/// stamped on everything that follows). GUI thread.
class IngestBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestBar)

public:
    explicit IngestBar(QWidget *parent = nullptr);
    ~IngestBar() override;

    /// The name and tags typed for the next add; clears them.
    IngestRequest takeOptions();
    QLineEdit *urlField() const { return m_url; }

Q_SIGNALS:
    /// The text of the link field, when Add was pressed.
    void addRequested(const QString &text);

private:
    void submit();

    QLineEdit *m_url;
    QLineEdit *m_name;
    QLineEdit *m_tags;
    QPushButton *m_add;
};

} // namespace trove::ui

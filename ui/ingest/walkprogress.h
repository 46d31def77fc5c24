// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/folderimport.h"

#include <QWidget>

class QLabel;
class QToolButton;

namespace trove::ui {

/// The status bar's word on files and folders being looked through:
/// "Looking for images: 1,204 found, 1,000 queued" and a Cancel button.
/// Hidden when no walk runs. GUI thread.
class WalkProgress final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WalkProgress)

public:
    explicit WalkProgress(QWidget *parent = nullptr);
    ~WalkProgress() override;

    void showTotals(const FolderImport::Totals &totals);
    void finish();
    QToolButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label;
    QToolButton *m_cancel;
};

} // namespace trove::ui

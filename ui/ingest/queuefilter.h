// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>

namespace trove::ui {

/// The queue panel's "Not Finished" and "Failed" views over the queue
/// model. Rows change state one at a time (dataChanged), which the proxy
/// re-checks row by row; the panel sets no source while showing all rows,
/// so 100,000 rows are not mapped for nothing. GUI thread.
class QueueFilter final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueFilter)

public:
    enum class Mode { All, Active, Failed };

    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    Mode m_mode = Mode::All;
};

} // namespace trove::ui

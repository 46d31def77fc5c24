// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QSpinBox;

namespace trove::ui {

struct Preferences;

/// Preferences ▸ Downloads: the largest download, downloads at once per
/// host, the stall and total timeouts. GUI thread.
class DownloadsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadsPage)

public:
    explicit DownloadsPage(QWidget *parent = nullptr);
    ~DownloadsPage() override;

    /// Shows @p prefs without emitting edited().
    void load(const Preferences &prefs);
    void store(Preferences &prefs) const;

    QSpinBox *maxSizeBox() const { return m_maxSize; }
    QSpinBox *perHostBox() const { return m_perHost; }
    QSpinBox *stallBox() const { return m_stall; }
    QSpinBox *totalBox() const { return m_total; }

Q_SIGNALS:
    void edited();

private:
    QSpinBox *m_maxSize;
    QSpinBox *m_perHost;
    QSpinBox *m_stall;
    QSpinBox *m_total;
};

} // namespace trove::ui

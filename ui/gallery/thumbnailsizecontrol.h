// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QSlider;

namespace trove::ui {

/// The status bar's thumbnail size slider (64–256 px) with its small icon.
/// GUI thread.
class ThumbnailSizeControl final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailSizeControl)

public:
    static constexpr int kStep = 32;

    explicit ThumbnailSizeControl(QWidget *parent = nullptr);
    ~ThumbnailSizeControl() override;

    int size() const;
    /// Moves the slider without emitting sizeChanged.
    void setSize(int size);
    QSlider *slider() const { return m_slider; }

Q_SIGNALS:
    void sizeChanged(int size);

private:
    QSlider *m_slider;
};

} // namespace trove::ui

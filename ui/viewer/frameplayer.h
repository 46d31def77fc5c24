// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QList>
#include <QObject>
#include <QTimer>

namespace trove::ui {

/// Plays the frames of an animation at their delays, for ever, with pause
/// and frame steps; the viewer shows what it emits. Holds no frames for a
/// still. GUI thread.
class FramePlayer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FramePlayer)

public:
    explicit FramePlayer(QObject *parent = nullptr);

    /// Starts playing @p frames (two or more) from the first; fewer clear.
    void setFrames(const QList<QImage> &frames, const QList<int> &delaysMs);
    void clear();

    int frameCount() const { return int(m_frames.size()); }
    int currentFrame() const { return m_frame; }
    bool isAnimation() const { return m_frames.size() > 1; }
    /// Not the timer's state: between a frame's timeout and the next
    /// frame's start the timer is idle, and the controls read "paused".
    bool isPlaying() const { return m_playing; }

    void setPlaying(bool playing);
    /// One frame on (or back, with a negative @p delta), pausing.
    void step(int delta);

Q_SIGNALS:
    void frameShown(const QImage &frame, int index);
    /// Frames, position or playing changed: the controls follow.
    void stateChanged();

private:
    void show(int index);
    void scheduleNext();

    QList<QImage> m_frames;
    QList<int> m_delays;
    int m_frame = 0;
    bool m_playing = false;
    QTimer m_timer;
};

} // namespace trove::ui

// SPDX-License-Identifier: MIT
#include "viewer/frameplayer.h"

namespace trove::ui {

namespace {

// Browsers play frames that ask for 10 ms or less at 100 ms; so do we.
int playableDelay(int ms)
{
    return ms <= 10 ? 100 : ms;
}

} // namespace

FramePlayer::FramePlayer(QObject *parent)
    : QObject(parent)
{
    m_timer.setObjectName(QStringLiteral("framePlayer"));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        show((m_frame + 1) % frameCount());
        scheduleNext();
    });
}

void FramePlayer::setFrames(const QList<QImage> &frames, const QList<int> &delaysMs)
{
    m_timer.stop();
    m_frames = frames.size() > 1 ? frames : QList<QImage>();
    m_delays = delaysMs;
    m_frame = 0;
    m_playing = isAnimation();
    scheduleNext();
    Q_EMIT stateChanged();
}

void FramePlayer::clear()
{
    setFrames({}, {});
}

void FramePlayer::setPlaying(bool playing)
{
    if (!isAnimation() || playing == isPlaying())
        return;
    m_playing = playing;
    if (playing)
        scheduleNext();
    else
        m_timer.stop();
    Q_EMIT stateChanged();
}

void FramePlayer::step(int delta)
{
    if (!isAnimation())
        return;
    m_timer.stop();
    m_playing = false;
    const int n = frameCount();
    show(((m_frame + delta) % n + n) % n);
}

void FramePlayer::show(int index)
{
    m_frame = index;
    Q_EMIT frameShown(m_frames.at(index), index);
    Q_EMIT stateChanged();
}

void FramePlayer::scheduleNext()
{
    if (isAnimation())
        m_timer.start(playableDelay(m_delays.value(m_frame)));
}

} // namespace trove::ui

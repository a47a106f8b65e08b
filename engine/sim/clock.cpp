// SPDX-License-Identifier: MIT
#include "sim/clock.h"

#include <algorithm>
#include <cmath>

namespace shardscope::sim {

using std::chrono::steady_clock;

Clock::Clock(Mode mode, Millis start)
    : m_mode(mode), m_base(start), m_anchor(steady_clock::now()) {}

Millis Clock::virtualNowLocked() const {
    if (m_paused) return m_base;
    const double elapsedMs =
        std::chrono::duration<double, std::milli>(steady_clock::now() - m_anchor).count();
    return m_base + Millis(std::floor(elapsedMs * m_speed));
}

Millis Clock::now() const {
    if (m_mode == Mode::Real) {
        using namespace std::chrono;
        // The one place in the engine that reads the system clock.
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
    std::lock_guard lock(m_mutex);
    return virtualNowLocked();
}

bool Clock::paused() const {
    if (m_mode == Mode::Real) return false;
    std::lock_guard lock(m_mutex);
    return m_paused;
}

double Clock::speed() const {
    if (m_mode == Mode::Real) return 1.0;
    std::lock_guard lock(m_mutex);
    return m_speed;
}

void Clock::play() {
    if (m_mode == Mode::Real) return;
    {
        std::lock_guard lock(m_mutex);
        if (!m_paused) return;
        m_anchor = steady_clock::now();
        m_paused = false;
    }
    changed();
}

void Clock::pause() {
    if (m_mode == Mode::Real) return;
    {
        std::lock_guard lock(m_mutex);
        if (m_paused) return;
        m_base = virtualNowLocked();
        m_paused = true;
    }
    changed();
}

void Clock::setSpeed(double speed) {
    if (m_mode == Mode::Real) return;
    {
        std::lock_guard lock(m_mutex);
        // Re-anchor so the change applies from now on and time does not jump.
        m_base = virtualNowLocked();
        m_anchor = steady_clock::now();
        m_speed = std::clamp(std::isnan(speed) ? 1.0 : speed, 1.0, kMaxSpeed);
    }
    changed();
}

bool Clock::jumpTo(Millis moment) {
    if (m_mode == Mode::Real) return false;
    {
        std::lock_guard lock(m_mutex);
        if (moment < virtualNowLocked()) return false;
        m_base = moment;
        m_anchor = steady_clock::now();
    }
    changed();
    return true;
}

std::optional<std::chrono::nanoseconds> Clock::realDelayUntil(Millis moment) const {
    using namespace std::chrono;
    if (m_mode == Mode::Real) {
        const Millis ahead = moment - now();
        return ahead <= 0 ? nanoseconds(0) : nanoseconds(milliseconds(ahead));
    }
    std::lock_guard lock(m_mutex);
    const Millis ahead = moment - virtualNowLocked();
    if (ahead <= 0) return nanoseconds(0);
    if (m_paused) return std::nullopt;
    return nanoseconds(int64_t(std::ceil(double(ahead) * 1e6 / m_speed)));
}

void Clock::setOnChange(std::function<void()> callback) {
    std::lock_guard lock(m_mutex);
    m_onChange = std::move(callback);
}

void Clock::changed() {
    std::function<void()> callback;
    {
        std::lock_guard lock(m_mutex);
        callback = m_onChange;
    }
    if (callback) callback();
}

}  // namespace shardscope::sim

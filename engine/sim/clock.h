// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>

// The world's one source of time. Everything in the engine that needs "now" (timestamps, TTL,
// stream retention, shard rollover, iterator expiry) asks a Clock; nothing reads the system clock
// directly, so a virtual clock makes every run of a scenario repeatable.
namespace shardscope::sim {

using Millis = int64_t;  // milliseconds since the Unix epoch

class Clock {
public:
    enum class Mode { Real, Virtual };
    static constexpr double kMaxSpeed = 100000.0;

    // Real time (system clock), or virtual time starting paused at `start`.
    explicit Clock(Mode mode, Millis start = 0);

    Clock(const Clock&) = delete;
    Clock& operator=(const Clock&) = delete;
    Clock(Clock&&) = delete;

    Mode mode() const { return m_mode; }
    Millis now() const;
    double nowSeconds() const { return double(now()) / 1000.0; }

    // Virtual clock controls; each is a no-op on a real clock. Time never runs backwards:
    // jumpTo a moment in the past is refused (returns false).
    bool paused() const;
    double speed() const;
    void play();
    void pause();
    void setSpeed(double speed);  // clamped to 1 … kMaxSpeed
    bool jumpTo(Millis moment);
    void advanceBy(Millis duration) { jumpTo(now() + duration); }

    // How long, in real time, until the clock reads `moment`: zero when already there, nullopt
    // while a virtual clock is paused (it will not get there by waiting).
    std::optional<std::chrono::nanoseconds> realDelayUntil(Millis moment) const;

    // Called (outside the clock's lock) after any control changes the course of time, so a
    // thread sleeping until a virtual moment can recompute its wait.
    void setOnChange(std::function<void()> callback);

private:
    Millis virtualNowLocked() const;
    void changed();

    const Mode m_mode;
    mutable std::mutex m_mutex;
    // Virtual time = m_base + (steady now - m_anchor) * m_speed while playing, m_base when paused.
    Millis m_base = 0;
    std::chrono::steady_clock::time_point m_anchor;
    double m_speed = 1.0;
    bool m_paused = true;
    std::function<void()> m_onChange;
};

}  // namespace shardscope::sim

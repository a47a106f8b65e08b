// SPDX-License-Identifier: MIT
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "sim/clock.h"

namespace shardscope::sim {

// Runs work at moments of a Clock's time: one-shot events, and sources (the engine's shard
// rollover, retention trimming, TTL sweeps) that are asked for their next due moment on every
// pass. Events due at the same moment run in the order they were scheduled, so a seeded run
// replays the same way.
//
// Driven either by hand (runDue, stepToNext: tests and the "step" button) or by its own thread
// (start): the thread sleeps until the next due moment in real time, recomputing the wait when
// the clock is paused, sped up or jumped, or when wake() says a source has something sooner.
class Scheduler {
public:
    using Task = std::function<void(Millis now)>;
    using NextDue = std::function<std::optional<Millis>()>;

    // Takes the clock's change callback (one scheduler per clock).
    explicit Scheduler(Clock& clock);
    ~Scheduler();
    Scheduler(const Scheduler&) = delete;
    Scheduler& operator=(const Scheduler&) = delete;

    Clock& clock() { return m_clock; }

    // A one-shot event; returns its id.
    uint64_t at(Millis moment, Task task);
    bool cancel(uint64_t id);
    // A source that is asked for its next due moment each pass and run when that moment comes.
    void addSource(NextDue nextDue, Task run);

    // The earliest due moment of any event or source.
    std::optional<Millis> nextDue() const;
    // Runs whatever is due at the clock's current time; returns how many tasks ran.
    int runDue();
    // Virtual clock: jumps to the next due moment and runs what is due there. False when nothing
    // is scheduled (or on a real clock, which cannot jump).
    bool stepToNext();

    void start();
    void stop();
    // Wakes the thread so it asks the sources again (after a write that may be due sooner).
    void wake();

private:
    struct Source {
        NextDue nextDue;
        Task run;
    };
    void loop();

    Clock& m_clock;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::map<std::pair<Millis, uint64_t>, Task> m_events;
    std::vector<Source> m_sources;
    uint64_t m_nextId = 1;
    uint64_t m_wakeups = 0;
    bool m_stopping = false;
    std::thread m_thread;
    std::mutex m_runMutex;  // one pass of due work at a time (thread and hand-driven)
};

}  // namespace shardscope::sim

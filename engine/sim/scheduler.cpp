// SPDX-License-Identifier: MIT
#include "sim/scheduler.h"

#include <algorithm>

namespace shardscope::sim {

Scheduler::Scheduler(Clock& clock) : m_clock(clock) {
    // A pause, a speed change or a jump changes when the next moment comes in real time.
    m_clock.setOnChange([this] { wake(); });
}

Scheduler::~Scheduler() {
    m_clock.setOnChange(nullptr);
    stop();
}

uint64_t Scheduler::at(Millis moment, Task task) {
    uint64_t id = 0;
    {
        std::lock_guard lock(m_mutex);
        id = m_nextId++;
        m_events.emplace(std::pair(moment, id), std::move(task));
    }
    wake();
    return id;
}

bool Scheduler::cancel(uint64_t id) {
    std::lock_guard lock(m_mutex);
    for (auto it = m_events.begin(); it != m_events.end(); ++it) {
        if (it->first.second == id) {
            m_events.erase(it);
            return true;
        }
    }
    return false;
}

void Scheduler::addSource(NextDue nextDue, Task run) {
    {
        std::lock_guard lock(m_mutex);
        m_sources.push_back(Source{std::move(nextDue), std::move(run)});
    }
    wake();
}

std::optional<Millis> Scheduler::nextDue() const {
    std::vector<NextDue> sources;
    std::optional<Millis> earliest;
    {
        std::lock_guard lock(m_mutex);
        if (!m_events.empty()) earliest = m_events.begin()->first.first;
        for (const auto& s : m_sources) sources.push_back(s.nextDue);
    }
    // Sources are asked outside our lock: they take their own (the engine's).
    for (const auto& due : sources) {
        const auto moment = due();
        if (moment && (!earliest || *moment < *earliest)) earliest = moment;
    }
    return earliest;
}

int Scheduler::runDue() {
    std::lock_guard run(m_runMutex);
    int ran = 0;
    const Millis now = m_clock.now();
    // Events first, in (moment, id) order; a task may schedule more, which this loop also runs
    // when they are already due.
    for (;;) {
        Task task;
        {
            std::lock_guard lock(m_mutex);
            if (m_events.empty() || m_events.begin()->first.first > now) break;
            task = std::move(m_events.begin()->second);
            m_events.erase(m_events.begin());
        }
        task(now);
        ++ran;
    }
    std::vector<Source> sources;
    {
        std::lock_guard lock(m_mutex);
        sources = m_sources;
    }
    for (const auto& s : sources) {
        const auto due = s.nextDue();
        if (due && *due <= now) {
            s.run(now);
            ++ran;
        }
    }
    return ran;
}

bool Scheduler::stepToNext() {
    if (m_clock.mode() != Clock::Mode::Virtual) return false;
    const auto due = nextDue();
    if (!due) return false;
    if (*due > m_clock.now()) m_clock.jumpTo(*due);
    runDue();
    return true;
}

void Scheduler::start() {
    std::lock_guard lock(m_mutex);
    if (m_thread.joinable()) return;
    m_stopping = false;
    m_thread = std::thread([this] { loop(); });
}

void Scheduler::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void Scheduler::wake() {
    {
        std::lock_guard lock(m_mutex);
        ++m_wakeups;
    }
    m_wake.notify_all();
}

void Scheduler::loop() {
    using namespace std::chrono;
    // Sources cannot announce everything (a write makes a TTL deletion due later), so the thread
    // also looks again at least this often in real time.
    constexpr auto kLongestSleep = milliseconds(250);
    for (;;) {
        uint64_t seen = 0;
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) return;
            seen = m_wakeups;
        }
        runDue();
        const auto due = nextDue();
        nanoseconds wait = kLongestSleep;
        if (due) {
            if (const auto delay = m_clock.realDelayUntil(*due))
                wait = std::min<nanoseconds>(*delay, wait);
        }
        std::unique_lock lock(m_mutex);
        if (wait > nanoseconds(0))
            m_wake.wait_for(lock, wait, [&] { return m_stopping || m_wakeups != seen; });
        if (m_stopping) return;
    }
}

}  // namespace shardscope::sim

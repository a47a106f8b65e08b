// SPDX-License-Identifier: MIT
#include "stream/events.h"

#include <algorithm>

namespace shardscope::stream {

size_t Subscription::drain(std::vector<Event>& out, size_t max) {
    std::lock_guard lock(m_mutex);
    const size_t count = std::min(max, m_queue.size() - m_head);
    for (size_t i = 0; i < count; ++i) out.push_back(std::move(m_queue[m_head + i]));
    m_head += count;
    if (m_head == m_queue.size()) {
        m_queue.clear();
        m_head = 0;
    }
    return count;
}

uint64_t Subscription::takeDropped() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_dropped, 0);
}

void Subscription::push(const std::vector<Event>& events) {
    std::lock_guard lock(m_mutex);
    m_queue.insert(m_queue.end(), events.begin(), events.end());
    const size_t queued = m_queue.size() - m_head;
    if (queued > m_capacity) {
        const size_t excess = queued - m_capacity;
        m_head += excess;
        m_dropped += excess;
    }
    // Compact now and then so a slow reader does not keep the drained prefix alive.
    if (m_head > m_capacity) {
        m_queue.erase(m_queue.begin(), m_queue.begin() + std::ptrdiff_t(m_head));
        m_head = 0;
    }
}

std::shared_ptr<Subscription> EventBus::subscribe(size_t capacity) {
    auto subscription = std::make_shared<Subscription>(capacity);
    std::lock_guard lock(m_mutex);
    m_subscribers.push_back(subscription);
    m_count = m_subscribers.size();
    return subscription;
}

void EventBus::publish(const std::vector<Event>& events) {
    if (events.empty()) return;
    std::vector<std::shared_ptr<Subscription>> live;
    {
        std::lock_guard lock(m_mutex);
        std::erase_if(m_subscribers, [](const auto& weak) { return weak.expired(); });
        m_count = m_subscribers.size();
        for (const auto& weak : m_subscribers)
            if (auto s = weak.lock()) live.push_back(std::move(s));
    }
    for (const auto& s : live) s->push(events);
}

}  // namespace shardscope::stream

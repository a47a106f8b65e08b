// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "model/value.h"
#include "sim/clock.h"
#include "stream/api.h"

// What happened in the world, published to subscribers (the window draws from these) after the
// change that caused it is committed.
namespace shardscope::stream {

struct ItemWritten {
    std::string tableName;
    model::Item keys;
    EventName change = EventName::Insert;
    bool byTimeToLive = false;
    sim::Millis at = 0;
};

struct RecordAppended {
    std::string streamArn;
    std::string shardId;
    std::string sequenceNumber;
    EventName eventName = EventName::Insert;
    model::Item keys;
    int64_t sizeBytes = 0;
    bool byTimeToLive = false;
    sim::Millis at = 0;
};

struct ShardOpened {
    std::string streamArn;
    std::string shardId;
    std::string parentShardId;  // empty for a stream's first shards
    std::string startingSequenceNumber;
    sim::Millis at = 0;
};

struct ShardClosed {
    std::string streamArn;
    std::string shardId;
    std::string endingSequenceNumber;
    bool split = false;  // closed because it split in two (else: rollover or disable)
    sim::Millis at = 0;
};

struct RecordsTrimmed {
    std::string streamArn;
    std::string shardId;
    int64_t count = 0;
    sim::Millis at = 0;
};

struct TtlDeletion {
    std::string tableName;
    model::Item keys;
    sim::Millis expiredAt = 0;
    sim::Millis at = 0;
};

struct ClockTick {
    sim::Millis at = 0;
};

using Event = std::variant<ItemWritten, RecordAppended, ShardOpened, ShardClosed, RecordsTrimmed,
                           TtlDeletion, ClockTick>;

// One subscriber's queue. Publishing only appends under a short lock and never waits for the
// subscriber; a subscriber that falls more than `capacity` events behind loses the oldest and
// is told how many.
class Subscription {
public:
    explicit Subscription(size_t capacity) : m_capacity(capacity) {}

    // Moves up to `max` queued events into `out`; returns how many.
    size_t drain(std::vector<Event>& out, size_t max = SIZE_MAX);
    // Events lost to overflow since the last call.
    uint64_t takeDropped();

    void push(const std::vector<Event>& events);

private:
    std::mutex m_mutex;
    const size_t m_capacity;
    std::vector<Event> m_queue;
    size_t m_head = 0;
    uint64_t m_dropped = 0;
};

class EventBus {
public:
    std::shared_ptr<Subscription> subscribe(size_t capacity = 1 << 20);
    void publish(const std::vector<Event>& events);
    // Cheap enough to ask on every write; a dropped subscription counts until the next publish
    // notices it.
    bool hasSubscribers() const { return m_count.load(std::memory_order_relaxed) > 0; }

private:
    std::mutex m_mutex;
    std::vector<std::weak_ptr<Subscription>> m_subscribers;
    std::atomic<size_t> m_count{0};
};

}  // namespace shardscope::stream

// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "stream/events.h"

namespace shardscope::ui {

// The stream records the inspector lists, kept compact: a million records cost well under
// 200 bytes each. Fixed-size rows live in a deque (no reallocation spikes while growing); key
// text lives in append-only chunks; table ARNs and shard ids are interned once.
class RecordStore {
public:
    struct Row {
        int64_t atMs = 0;
        uint64_t sequence = 0;  // the digits after the leading "1" of the sequence number
        uint32_t keysChunk = 0;
        uint32_t keysOffset = 0;
        uint32_t sizeBytes = 0;
        uint32_t shard = 0;  // index into shardIds()
        uint16_t keysLength = 0;
        uint16_t stream = 0;  // index into streams()
        uint8_t event = 0;    // stream::EventName
        bool byTimeToLive = false;
    };
    struct StreamName {
        std::string arn;
        std::string tableName;
        uint64_t newestSequence = 0;  // of the rows appended so far
    };

    void append(const stream::RecordAppended& record);
    // Forgets the oldest `count` rows (the cap on what the window retains).
    void dropOldest(size_t count);
    void clear();

    size_t size() const { return m_rows.size(); }
    const Row& row(size_t index) const { return m_rows[index]; }
    std::string_view keys(const Row& row) const;
    const std::string& shardId(const Row& row) const { return m_shardIds[row.shard]; }
    const StreamName& stream(const Row& row) const { return m_streams[row.stream]; }
    const std::vector<StreamName>& streams() const { return m_streams; }
    // The row with this stream's sequence number, or npos.
    size_t find(uint16_t stream, uint64_t sequence) const;

    static std::string sequenceText(uint64_t sequence);
    // Parses "1" + 20 digits (or a plain decimal); false when it is not one.
    static bool parseSequence(std::string_view text, uint64_t& sequence);
    // "ListId=work, TaskId=task-5", in attribute-name order.
    static std::string keysText(const model::Item& keys);
    // Bytes held, for the memory benchmark.
    size_t bytesUsed() const;

    static constexpr size_t npos = SIZE_MAX;

private:
    uint16_t internStream(const std::string& arn);
    uint32_t internShard(const std::string& shardId);

    std::deque<Row> m_rows;
    std::deque<std::string> m_keyChunks;
    uint32_t m_firstChunk = 0;  // the index of m_keyChunks.front()
    std::vector<StreamName> m_streams;
    std::vector<std::string> m_shardIds;
};

}  // namespace shardscope::ui

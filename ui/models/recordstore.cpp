// SPDX-License-Identifier: MIT
#include "models/recordstore.h"

#include <algorithm>
#include <charconv>

namespace shardscope::ui {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

std::string tableFromArn(const std::string& arn) {
    // arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>
    const size_t table = arn.find(":table/");
    if (table == std::string::npos) return arn;
    const size_t start = table + 7;
    const size_t end = arn.find('/', start);
    return arn.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

void appendValue(std::string& out, const model::AttributeValue& value) {
    switch (value.type()) {
        case model::Type::S:
            out += value.asString();
            break;
        case model::Type::N:
            out += value.asNumber().toString();
            break;
        default:
            out += "<binary>";
            break;
    }
}

}  // namespace

std::string RecordStore::keysText(const model::Item& keys) {
    std::string text;
    for (const auto& [name, value] : keys) {
        if (!text.empty()) text += ", ";
        text += name;
        text += '=';
        appendValue(text, value);
    }
    return text;
}

void RecordStore::append(const stream::RecordAppended& record) {
    Row row;
    row.atMs = record.at;
    parseSequence(record.sequenceNumber, row.sequence);
    row.sizeBytes = static_cast<uint32_t>(std::clamp<int64_t>(record.sizeBytes, 0, UINT32_MAX));
    row.shard = internShard(record.shardId);
    row.stream = internStream(record.streamArn);
    auto& newest = m_streams[row.stream].newestSequence;
    newest = std::max(newest, row.sequence);
    row.event = static_cast<uint8_t>(record.eventName);
    row.byTimeToLive = record.byTimeToLive;

    std::string keys = keysText(record.keys);
    if (keys.size() > UINT16_MAX) keys.resize(UINT16_MAX);
    if (m_keyChunks.empty() || m_keyChunks.back().size() + keys.size() > kChunkBytes) {
        m_keyChunks.emplace_back().reserve(kChunkBytes);
    }
    std::string& chunk = m_keyChunks.back();
    row.keysChunk = m_firstChunk + static_cast<uint32_t>(m_keyChunks.size() - 1);
    row.keysOffset = static_cast<uint32_t>(chunk.size());
    row.keysLength = static_cast<uint16_t>(keys.size());
    chunk += keys;
    m_rows.push_back(row);
}

void RecordStore::dropOldest(size_t count) {
    count = std::min(count, m_rows.size());
    m_rows.erase(m_rows.begin(), m_rows.begin() + static_cast<std::ptrdiff_t>(count));
    // Chunks hold rows in order, so every chunk before the first remaining row's is unused.
    const uint32_t keep =
        m_rows.empty() ? m_firstChunk + uint32_t(m_keyChunks.size()) - 1 : m_rows.front().keysChunk;
    while (m_firstChunk < keep && !m_keyChunks.empty()) {
        m_keyChunks.pop_front();
        ++m_firstChunk;
    }
}

void RecordStore::clear() {
    m_rows.clear();
    m_keyChunks.clear();
    m_firstChunk = 0;
}

std::string_view RecordStore::keys(const Row& row) const {
    const std::string& chunk = m_keyChunks[row.keysChunk - m_firstChunk];
    return std::string_view(chunk).substr(row.keysOffset, row.keysLength);
}

size_t RecordStore::find(uint16_t stream, uint64_t sequence) const {
    // Rows of one stream arrive in sequence order; a binary search over all rows would mix
    // streams, so search by sequence among this stream's rows from the end backwards in blocks.
    for (size_t i = m_rows.size(); i-- > 0;) {
        const Row& row = m_rows[i];
        if (row.stream == stream && row.sequence == sequence) return i;
        if (row.stream == stream && row.sequence < sequence) break;
    }
    return npos;
}

std::string RecordStore::sequenceText(uint64_t sequence) {
    std::string digits = std::to_string(sequence);
    std::string text = "1";
    if (digits.size() < 20) text.append(20 - digits.size(), '0');
    text += digits;
    return text;
}

bool RecordStore::parseSequence(std::string_view text, uint64_t& sequence) {
    if (text.size() == 21 && text.front() == '1') text.remove_prefix(1);
    if (text.empty()) return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), sequence);
    return ec == std::errc{} && end == text.data() + text.size();
}

size_t RecordStore::bytesUsed() const {
    size_t bytes = m_rows.size() * sizeof(Row);
    for (const auto& chunk : m_keyChunks) bytes += chunk.capacity();
    return bytes;
}

uint16_t RecordStore::internStream(const std::string& arn) {
    for (size_t i = 0; i < m_streams.size(); ++i)
        if (m_streams[i].arn == arn) return static_cast<uint16_t>(i);
    m_streams.push_back({arn, tableFromArn(arn)});
    return static_cast<uint16_t>(m_streams.size() - 1);
}

uint32_t RecordStore::internShard(const std::string& shardId) {
    // Recent shards are the likely ones: search from the back.
    for (size_t i = m_shardIds.size(); i-- > 0;)
        if (m_shardIds[i] == shardId) return static_cast<uint32_t>(i);
    m_shardIds.push_back(shardId);
    return static_cast<uint32_t>(m_shardIds.size() - 1);
}

}  // namespace shardscope::ui

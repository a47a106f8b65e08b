// SPDX-License-Identifier: MIT
// Streams, shards, records and iterators (reference §5) kept in the workspace.
#include "stream/log.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <random>

#include "model/codec.h"
#include "model/json.h"
#include "store/workspace.h"
#include "stream/siphash.h"

namespace shardscope::stream {
namespace {

constexpr int64_t kMaxRecordsBytes = 1024 * 1024;
constexpr Millis kPurgeGrainMs = 60 * 1000;

Error storeFailure(const store::Statement& stmt) {
    return Error{ErrorCode::InternalServerError, "workspace write failed: " + stmt.lastError(),
                 nullptr};
}

Error notFound(std::string what) {
    return Error{ErrorCode::ResourceNotFound, "Requested resource not found: " + std::move(what),
                 nullptr};
}

Error trimmed(std::string message) {
    return Error{ErrorCode::TrimmedDataAccess, std::move(message), nullptr};
}

// The stream label: the creation time as ISO 8601 UTC with milliseconds and no zone (§2.1).
std::string labelFor(Millis ms) {
    const std::time_t seconds = std::time_t(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[96];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03d", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(ms % 1000));
    return text;
}

std::string keySchemaText(const model::KeySchema& schema) {
    auto typeName = [](model::KeyType t) {
        return t == model::KeyType::S ? "S" : t == model::KeyType::N ? "N" : "B";
    };
    nlohmann::json out =
        nlohmann::json::array({schema.partition.name, typeName(schema.partition.type)});
    if (schema.sort) {
        out.push_back(schema.sort->name);
        out.push_back(typeName(schema.sort->type));
    }
    return out.dump();
}

std::optional<model::KeySchema> parseKeySchema(std::string_view text) {
    const auto in = nlohmann::json::parse(text, nullptr, false);
    if (!in.is_array() || (in.size() != 2 && in.size() != 4)) return std::nullopt;
    auto typeOf = [](const std::string& t) {
        return t == "S" ? model::KeyType::S : t == "N" ? model::KeyType::N : model::KeyType::B;
    };
    model::KeySchema schema;
    schema.partition = {in[0].get<std::string>(), typeOf(in[1].get<std::string>())};
    if (in.size() == 4)
        schema.sort =
            model::KeyAttribute{in[2].get<std::string>(), typeOf(in[3].get<std::string>())};
    return schema;
}

bool hasNew(ViewType t) {
    return t == ViewType::NewImage || t == ViewType::NewAndOldImages;
}
bool hasOld(ViewType t) {
    return t == ViewType::OldImage || t == ViewType::NewAndOldImages;
}

// `arn:aws:dynamodb:<region>:<12 digits>:table/<name>/stream/<label>` (§2.1).
bool wellFormedStreamArn(std::string_view arn) {
    constexpr std::string_view prefix = "arn:aws:dynamodb:";
    if (arn.size() < 37 || arn.size() > 1024 || arn.substr(0, prefix.size()) != prefix)
        return false;
    std::string_view rest = arn.substr(prefix.size());
    const size_t regionEnd = rest.find(':');
    if (regionEnd == 0 || regionEnd == std::string_view::npos) return false;
    rest.remove_prefix(regionEnd + 1);
    if (rest.size() < 13 || rest[12] != ':' ||
        !std::all_of(rest.begin(), rest.begin() + 12, [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    rest.remove_prefix(13);
    if (rest.substr(0, 6) != "table/") return false;
    const size_t streamAt = rest.rfind("/stream/");
    if (streamAt == std::string_view::npos || streamAt <= 6) return false;
    const std::string_view label = rest.substr(streamAt + 8);
    return label.size() == 23 && label[4] == '-' && label[10] == 'T' && label[19] == '.';
}

Error invalidIterator() {
    return validationError("Invalid ShardIterator");
}

void putU64(std::string& out, uint64_t v) {
    for (int i = 0; i < 8; ++i) out.push_back(char((v >> (8 * i)) & 0xFF));
}

uint64_t getU64(std::string_view in, size_t at) {
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v |= uint64_t(static_cast<unsigned char>(in[at + size_t(i)])) << (8 * i);
    return v;
}

// 16 lowercase hex digits of v, most significant first, from `at` on.
void writeHex16(uint64_t v, char* at) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i, v >>= 4) at[i] = kHex[v & 0xF];
}

std::string hex16(uint64_t v) {
    std::string text(16, '0');
    writeHex16(v, text.data());
    return text;
}

bool decodeRecordImages(Record& r, bool hasNewImage, bool hasOldImage) {
    if (!model::decodeItem(r.encodedKeys, r.keys)) return false;
    if (hasNewImage && !model::decodeItem(r.encodedNewImage, r.newImage.emplace())) return false;
    if (hasOldImage && !model::decodeItem(r.encodedOldImage, r.oldImage.emplace())) return false;
    return true;
}

// A record the index names that could not be read: its row is gone, its images do not decode,
// or the workspace failed.
Error rowFailure(RecordRows::Step step) {
    return Error{
        ErrorCode::InternalServerError,
        step == RecordRows::Step::Failed ? "workspace read failed" : "damaged stream record",
        nullptr};
}

}  // namespace

std::string formatSequenceNumber(int64_t seq) {
    if (seq < 0) {  // never stored; spelt as printf would, for completeness
        char text[32];
        std::snprintf(text, sizeof text, "1%020lld", static_cast<long long>(seq));
        return text;
    }
    // Written by hand: every record read formats one, and snprintf showed in profiles.
    std::string text(21, '0');
    text[0] = '1';
    for (size_t i = 20; seq != 0; --i, seq /= 10) text[i] = char('0' + seq % 10);
    return text;
}

std::optional<int64_t> parseSequenceNumber(std::string_view text) {
    if (text.size() < 21 || text.size() > 40 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    if (text.size() != 21 || text[0] != '1') return int64_t(0);
    int64_t value = 0;
    for (const char c : text.substr(1)) {
        const int digit = c - '0';
        // Past int64: no sequence number of ours (and no signed overflow on hostile input).
        if (value > (INT64_MAX - digit) / 10) return int64_t(0);
        value = value * 10 + digit;
    }
    return value;
}

const RecordRef* RecordIndex::after(int64_t seq) const {
    return std::upper_bound(begin(), end(), seq,
                            [](int64_t s, const RecordRef& ref) { return s < ref.seq; });
}

std::vector<RecordRef> RecordIndex::takeFront(size_t count) {
    count = std::min(count, size());
    std::vector<RecordRef> taken(begin(), begin() + count);
    m_head += count;
    if (m_head == m_refs.size()) {
        m_refs.clear();
        m_head = 0;
    } else if (m_head > 1024 && m_head * 2 > m_refs.size()) {
        m_refs.erase(m_refs.begin(), m_refs.begin() + std::ptrdiff_t(m_head));
        m_head = 0;
    }
    return taken;
}

void RecordIndex::restoreFront(std::vector<RecordRef> refs) {
    if (refs.size() <= m_head) {
        m_head -= refs.size();
        std::copy(refs.begin(), refs.end(), m_refs.begin() + std::ptrdiff_t(m_head));
        return;
    }
    m_refs.erase(m_refs.begin(), m_refs.begin() + std::ptrdiff_t(m_head));
    m_refs.insert(m_refs.begin(), refs.begin(), refs.end());
    m_head = 0;
}

void RecordIndex::sortBySequence() {
    const auto bySeq = [](const RecordRef& a, const RecordRef& b) { return a.seq < b.seq; };
    if (!std::is_sorted(m_refs.begin(), m_refs.end(), bySeq))
        std::sort(m_refs.begin(), m_refs.end(), bySeq);
}

const Shard* Stream::findShard(std::string_view shardId) const {
    for (const auto& s : shards)
        if (s.shardId == shardId) return &s;
    return nullptr;
}

const Shard* Stream::findShard(int64_t row) const {
    for (const auto& s : shards)
        if (s.row == row) return &s;
    return nullptr;
}

StreamLog::StreamLog(store::Workspace& workspace, sim::Clock& clock, sim::Random& random,
                     StreamSettings settings, std::string region, uint64_t seed)
    : m_ws(workspace),
      m_clock(clock),
      m_random(random),
      m_settings(settings),
      m_region(std::move(region)),
      m_seed(seed) {
    m_settings.maxOpenShards = std::max(1, m_settings.maxOpenShards);
    m_settings.initialShards = std::clamp(m_settings.initialShards, 1, m_settings.maxOpenShards);
    m_settings.rolloverPeriodMs = std::max<int64_t>(1000, m_settings.rolloverPeriodMs);
}

// ---- Loading ---------------------------------------------------------------------------------

Result<void> StreamLog::loadIteratorKey() {
    auto stored = m_ws.meta("iterator_key");
    if (!stored || stored->size() != 32) {
        std::random_device device;
        const uint64_t a = (uint64_t(device()) << 32) | device();
        const uint64_t b = (uint64_t(device()) << 32) | device();
        stored = hex16(a) + hex16(b);
        if (auto r = m_ws.setMeta("iterator_key", *stored); !r) return r;
    }
    m_iteratorKey[0] = std::stoull(stored->substr(0, 16), nullptr, 16);
    m_iteratorKey[1] = std::stoull(stored->substr(16, 16), nullptr, 16);
    return {};
}

Result<void> StreamLog::load() {
    m_undo.clear();
    if (auto r = loadRecordIndex(); !r) return r;
    return loadStreams();
}

// One pass over the records table, in storage order; only the leading columns are read.
Result<void> StreamLog::loadRecordIndex() {
    m_records.clear();
    auto& rows = m_ws.statement("SELECT id, shard, seq, created_ms FROM records");
    while (rows.step())
        m_records[rows.columnInt(1)].push(
            {rows.columnInt(2), rows.columnInt(0), rows.columnInt(3)});
    const bool failed = rows.failed();
    rows.reset();
    if (failed) return Error{ErrorCode::InternalServerError, "workspace read failed", nullptr};
    for (auto& [shard, refs] : m_records) refs.sortBySequence();
    return {};
}

Result<void> StreamLog::rollBack(size_t undoMark) {
    while (m_undo.size() > undoMark) {
        IndexChange& change = m_undo.back();
        RecordIndex& refs = m_records[change.shardRow];
        if (change.trimmed.empty())
            refs.popBack();
        else
            refs.restoreFront(std::move(change.trimmed));
        m_undo.pop_back();
    }
    return loadStreams();
}

const RecordIndex& StreamLog::recordsOf(const Shard& shard) const {
    static const RecordIndex kNone;
    auto it = m_records.find(shard.row);
    return it == m_records.end() ? kNone : it->second;
}

std::optional<Millis> StreamLog::oldestRecord(const Shard& shard) const {
    const RecordIndex& refs = recordsOf(shard);
    if (refs.empty()) return std::nullopt;
    return refs.front().createdMs;
}

Result<void> StreamLog::loadStreams() {
    m_streams.clear();
    auto& streams = m_ws.statement(
        "SELECT id, table_id, table_name, arn, label, view_type, key_schema, created_ms, "
        "disabled_ms, last_seq FROM streams ORDER BY id");
    while (streams.step()) {
        Stream s;
        s.id = streams.columnInt(0);
        s.tableId = streams.columnInt(1);
        s.tableName = std::string(streams.columnText(2));
        s.arn = std::string(streams.columnText(3));
        s.label = std::string(streams.columnText(4));
        s.viewType = parseViewType(streams.columnText(5)).value_or(ViewType::KeysOnly);
        auto schema = parseKeySchema(streams.columnText(6));
        if (!schema) {
            streams.reset();
            return Error{ErrorCode::InternalServerError, "damaged stream definition", nullptr};
        }
        s.keySchema = *schema;
        s.createdMs = streams.columnInt(7);
        if (!streams.columnIsNull(8)) s.disabledMs = streams.columnInt(8);
        s.lastSeq = streams.columnInt(9);
        m_streams.emplace(s.id, std::move(s));
    }
    streams.reset();

    auto& shards = m_ws.statement(
        "SELECT id, stream_id, shard_id, parent, lo, hi, created_ms, start_seq, end_seq, "
        "closed_ms, trimmed_seq, parent_shard_id FROM shards ORDER BY id");
    while (shards.step()) {
        auto it = m_streams.find(shards.columnInt(1));
        if (it == m_streams.end()) continue;
        Shard s;
        s.row = shards.columnInt(0);
        s.shardId = std::string(shards.columnText(2));
        s.parentRow = shards.columnIsNull(3) ? 0 : shards.columnInt(3);
        s.lo = uint32_t(shards.columnInt(4));
        s.hi = uint32_t(shards.columnInt(5));
        s.createdMs = shards.columnInt(6);
        s.startSeq = shards.columnInt(7);
        if (!shards.columnIsNull(8)) s.endSeq = shards.columnInt(8);
        if (!shards.columnIsNull(9)) s.closedMs = shards.columnInt(9);
        s.trimmedSeq = shards.columnInt(10);
        if (!shards.columnIsNull(11)) s.parentShardId = std::string(shards.columnText(11));
        it->second.lastSeq = std::max({it->second.lastSeq, s.startSeq, s.endSeq.value_or(0)});
        it->second.shards.push_back(std::move(s));
    }
    shards.reset();

    for (auto& [id, stream] : m_streams) {
        for (auto& shard : stream.shards) {
            const RecordIndex& refs = recordsOf(shard);
            if (!refs.empty()) stream.lastSeq = std::max(stream.lastSeq, refs.back().seq);
        }
    }
    return {};
}

// ---- Control ---------------------------------------------------------------------------------

const Stream* StreamLog::find(int64_t streamId) const {
    auto it = m_streams.find(streamId);
    return it == m_streams.end() ? nullptr : &it->second;
}

Stream* StreamLog::findMutable(int64_t streamId) {
    auto it = m_streams.find(streamId);
    return it == m_streams.end() ? nullptr : &it->second;
}

const Stream* StreamLog::latestOfTable(int64_t tableId) const {
    const Stream* latest = nullptr;
    for (const auto& [id, s] : m_streams)
        if (s.tableId == tableId) latest = &s;
    return latest;
}

Result<StreamLog::Enabled> StreamLog::enable(int64_t tableId, const std::string& tableName,
                                             const std::string& tableArn,
                                             const model::KeySchema& keySchema, ViewType viewType) {
    const Millis now = m_clock.now();
    // (account, table, label) must be unique: a second enable within the same millisecond
    // takes the next one.
    Millis labelMs = now;
    for (const auto& [id, s] : m_streams)
        if (s.tableName == tableName && s.createdMs >= labelMs) labelMs = s.createdMs + 1;
    Stream stream;
    stream.tableId = tableId;
    stream.tableName = tableName;
    stream.label = labelFor(labelMs);
    stream.arn = tableArn + "/stream/" + stream.label;
    stream.viewType = viewType;
    stream.keySchema = keySchema;
    stream.createdMs = labelMs;

    auto& insert = m_ws.statement(
        "INSERT INTO streams(table_id, table_name, arn, label, view_type, key_schema, created_ms, "
        "last_seq) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)");
    insert.bind(1, tableId)
        .bindText(2, tableName)
        .bindText(3, stream.arn)
        .bindText(4, stream.label);
    insert.bindText(5, viewTypeName(viewType))
        .bindText(6, keySchemaText(keySchema))
        .bind(7, labelMs);
    if (!insert.run()) return storeFailure(insert);
    stream.id = m_ws.lastInsertRowId();
    auto& stored = m_streams.emplace(stream.id, std::move(stream)).first->second;

    // The first shards split the partition-key hash range evenly.
    const int count = m_settings.initialShards;
    const uint64_t span = (uint64_t(1) << 32) / uint64_t(count);
    for (int i = 0; i < count; ++i) {
        const uint32_t lo = uint32_t(span * uint64_t(i));
        const uint32_t hi = i + 1 == count ? UINT32_MAX : uint32_t(span * uint64_t(i + 1) - 1);
        auto shard = openShard(stored, 0, lo, hi, now);
        if (!shard) return shard.takeError();
    }
    return Enabled{stored.id, stored.arn, stored.label};
}

Result<Shard*> StreamLog::openShard(Stream& stream, int64_t parentRow, uint32_t lo, uint32_t hi,
                                    Millis at) {
    Shard shard;
    // ShardId order must put a parent before its children (§5.4), so a child born in its
    // parent's millisecond (a split under a paused clock) is stamped one millisecond later.
    const Shard* parentShard = parentRow ? stream.findShard(parentRow) : nullptr;
    if (parentShard) at = std::max(at, parentShard->createdMs + 1);
    char id[64];
    std::snprintf(id, sizeof id, "shardId-%020lld-%s", static_cast<long long>(at),
                  m_random.hex(8).c_str());
    shard.shardId = id;
    shard.parentRow = parentRow;
    if (const Shard* parent = parentRow ? stream.findShard(parentRow) : nullptr)
        shard.parentShardId = parent->shardId;
    shard.lo = lo;
    shard.hi = hi;
    shard.createdMs = at;
    shard.startSeq = ++stream.lastSeq;
    ++m_changes;
    auto& insert = m_ws.statement(
        "INSERT INTO shards(stream_id, shard_id, parent, lo, hi, created_ms, start_seq, "
        "parent_shard_id) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, stream.id).bindText(2, shard.shardId);
    if (parentRow)
        insert.bind(3, parentRow).bindText(8, shard.parentShardId);
    else
        insert.bindNull(3).bindNull(8);
    insert.bind(4, int64_t(lo)).bind(5, int64_t(hi)).bind(6, at).bind(7, shard.startSeq);
    if (!insert.run()) return storeFailure(insert);
    shard.row = m_ws.lastInsertRowId();
    note(ShardOpened{stream.arn, shard.shardId, shard.parentShardId,
                     formatSequenceNumber(shard.startSeq), at});
    stream.shards.push_back(std::move(shard));
    return &stream.shards.back();
}

Result<void> StreamLog::closeShard(Stream& stream, Shard& shard, Millis at, bool split) {
    shard.endSeq = stream.lastSeq;
    shard.closedMs = at;
    ++m_changes;
    auto& update = m_ws.statement("UPDATE shards SET end_seq=?1, closed_ms=?2 WHERE id=?3");
    if (!update.bind(1, *shard.endSeq).bind(2, at).bind(3, shard.row).run())
        return storeFailure(update);
    note(ShardClosed{stream.arn, shard.shardId, formatSequenceNumber(*shard.endSeq), split, at});
    return saveLastSeq(stream);
}

Result<void> StreamLog::saveLastSeq(const Stream& stream) {
    auto& update = m_ws.statement("UPDATE streams SET last_seq=?1 WHERE id=?2");
    if (!update.bind(1, stream.lastSeq).bind(2, stream.id).run()) return storeFailure(update);
    return {};
}

Result<void> StreamLog::disable(int64_t streamId) {
    Stream* stream = findMutable(streamId);
    if (!stream || stream->disabledMs) return {};
    const Millis now = m_clock.now();
    if (auto r = rollOver(*stream, now); !r) return r;
    for (auto& shard : stream->shards)
        if (shard.open())
            if (auto r = closeShard(*stream, shard, now, false); !r) return r;
    stream->disabledMs = now;
    ++m_changes;
    auto& update = m_ws.statement("UPDATE streams SET disabled_ms=?1 WHERE id=?2");
    if (!update.bind(1, now).bind(2, streamId).run()) return storeFailure(update);
    return {};
}

// ---- Appending -------------------------------------------------------------------------------

Result<void> StreamLog::append(int64_t streamId, const Change& change) {
    Stream* stream = findMutable(streamId);
    if (!stream || stream->disabledMs) return {};
    const Millis now = m_clock.now();
    if (auto r = rollOver(*stream, now); !r) return r;

    size_t index = stream->shards.size();
    for (size_t i = 0; i < stream->shards.size(); ++i) {
        const Shard& s = stream->shards[i];
        if (s.open() && s.lo <= change.partitionHash && change.partitionHash <= s.hi) {
            index = i;
            break;
        }
    }
    if (index == stream->shards.size())
        return Error{ErrorCode::InternalServerError, "no open shard takes this key", nullptr};

    const EventName name = !change.oldItem   ? EventName::Insert
                           : !change.newItem ? EventName::Remove
                                             : EventName::Modify;
    const int kind = name == EventName::Insert   ? 1
                     : name == EventName::Modify ? 2
                     : change.byTimeToLive       ? 4
                                                 : 3;
    const model::Item* newImage = hasNew(stream->viewType) ? change.newItem : nullptr;
    const model::Item* oldImage = hasOld(stream->viewType) ? change.oldItem : nullptr;
    auto sizeOf = [](const model::Item* item, int64_t known) {
        return !item ? 0 : known >= 0 ? known : int64_t(model::itemSize(*item));
    };
    const int64_t size = int64_t(model::itemSize(change.keys)) + sizeOf(newImage, change.newSize) +
                         sizeOf(oldImage, change.oldSize);
    const int64_t seq = ++stream->lastSeq;
    ++m_changes;
    Shard& shard = stream->shards[index];

    auto& insert = m_ws.statement(
        "INSERT INTO records(shard, seq, created_ms, event, size, keys, new_image, old_image) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, shard.row).bind(2, seq).bind(3, now).bind(4, int64_t(kind)).bind(5, size);
    insert.bind(6, model::encodeItem(change.keys));
    std::string encoded;  // an image the caller did not encode
    auto bindImage = [&](int column, const model::Item* image, std::string_view known) {
        if (!image) {
            insert.bindNull(column);
            return;
        }
        if (known.empty()) known = encoded = model::encodeItem(*image);
        insert.bind(column, known);
    };
    bindImage(7, newImage, change.encodedNew);
    bindImage(8, oldImage, change.encodedOld);
    if (!insert.run()) return storeFailure(insert);
    m_records[shard.row].push({seq, m_ws.lastInsertRowId(), now});
    m_undo.push_back({shard.row, {}});
    if (observed())
        note(RecordAppended{stream->arn, shard.shardId, formatSequenceNumber(seq), name,
                            change.keys, size, change.byTimeToLive, now});

    // The split model: a shard taking more than splitRecordsPerSecond records within one
    // second of clock time closes and hands its key range, halved, to two children.
    const Millis second = now / 1000;
    if (shard.second != second) {
        shard.second = second;
        shard.recordsThisSecond = 0;
    }
    if (++shard.recordsThisSecond > m_settings.splitRecordsPerSecond)
        return split(*stream, index, now);
    return {};
}

Result<void> StreamLog::split(Stream& stream, size_t shardIndex, Millis now) {
    const int open = int(std::count_if(stream.shards.begin(), stream.shards.end(),
                                       [](const Shard& s) { return s.open(); }));
    const Shard parent = stream.shards[shardIndex];
    if (open >= m_settings.maxOpenShards || parent.hi == parent.lo) return {};
    if (auto r = closeShard(stream, stream.shards[shardIndex], now, true); !r) return r;
    const uint32_t mid = parent.lo + (parent.hi - parent.lo) / 2;
    if (auto r = openShard(stream, parent.row, parent.lo, mid, now); !r) return r.takeError();
    if (auto r = openShard(stream, parent.row, mid + 1, parent.hi, now); !r) return r.takeError();
    return {};
}

// Closes every open shard whose period is over and opens its child, at the exact moment the
// period ended, however late this runs. A clock that jumped days ahead does not leave a trail of
// empty shards older than the retention window: those are skipped.
Result<void> StreamLog::rollOver(Stream& stream, Millis now) {
    if (stream.disabledMs || !m_catchUpAllowed) return {};
    const Millis period = m_settings.rolloverPeriodMs;
    for (size_t i = 0; i < stream.shards.size(); ++i) {
        if (!stream.shards[i].open() || stream.shards[i].createdMs + period > now) continue;
        const Millis closeAt = stream.shards[i].createdMs + period;
        if (auto r = closeShard(stream, stream.shards[i], closeAt, false); !r) return r;
        Millis childAt = closeAt;
        const Millis horizon = now - kRetentionMs;
        if (childAt + period <= horizon) childAt += (horizon - childAt) / period * period;
        const Shard parent = stream.shards[i];
        auto child = openShard(stream, parent.row, parent.lo, parent.hi, childAt);
        if (!child) return child.takeError();
        // The child is appended at the end, so this loop reaches it and rolls it over too
        // when its own period is already over.
    }
    return {};
}

// ---- Time-driven work ------------------------------------------------------------------------

bool StreamLog::retained(const Stream& stream, Millis now) const {
    return !stream.disabledMs || *stream.disabledMs + kRetentionMs >= now;
}

bool StreamLog::retained(const Shard& shard, Millis now) const {
    return !shard.closedMs || *shard.closedMs + kRetentionMs >= now;
}

std::optional<Millis> StreamLog::nextDue() const {
    std::optional<Millis> due;
    auto consider = [&](Millis moment) {
        if (!due || moment < *due) due = moment;
    };
    auto purgeAt = [](Millis edge) {
        return (edge + kPurgeGrainMs - 1) / kPurgeGrainMs * kPurgeGrainMs;
    };
    for (const auto& [id, stream] : m_streams) {
        if (stream.disabledMs) consider(purgeAt(*stream.disabledMs + kRetentionMs + 1));
        for (const auto& shard : stream.shards) {
            if (shard.open() && !stream.disabledMs)
                consider(shard.createdMs + m_settings.rolloverPeriodMs);
            if (const auto oldest = oldestRecord(shard))
                consider(purgeAt(*oldest + kRetentionMs + 1));
            if (shard.closedMs) consider(purgeAt(*shard.closedMs + kRetentionMs + 1));
        }
    }
    return due;
}

std::optional<Millis> StreamLog::nextRollover() const {
    std::optional<Millis> due;
    for (const auto& [id, stream] : m_streams) {
        if (stream.disabledMs) continue;
        for (const auto& shard : stream.shards) {
            const Millis end = shard.createdMs + m_settings.rolloverPeriodMs;
            if (shard.open() && (!due || end < *due)) due = end;
        }
    }
    return due;
}

Result<void> StreamLog::runDue() {
    const Millis now = m_clock.now();
    for (auto& [id, stream] : m_streams)
        if (auto r = rollOver(stream, now); !r) return r;
    return purge(now);
}

int64_t StreamLog::trimmedThrough(const Shard& shard, Millis now) const {
    const Millis edge = now - kRetentionMs - 1;  // older than 24 hours: now - t > 24 h
    int64_t through = shard.trimmedSeq;
    const auto oldest = oldestRecord(shard);
    if (!oldest || *oldest > edge) return through;
    for (const RecordRef& ref : recordsOf(shard)) {
        if (ref.createdMs > edge) break;
        through = ref.seq;
    }
    return through;
}

Result<void> StreamLog::trimRecords(int64_t shardRow, size_t count) {
    RecordIndex& refs = m_records[shardRow];
    count = std::min(count, refs.size());
    if (count == 0) return {};
    auto& del = m_ws.statement("DELETE FROM records WHERE id=?1");
    for (const RecordRef* ref = refs.begin(); ref != refs.begin() + count; ++ref)
        if (!del.bind(1, ref->row).run()) return storeFailure(del);
    m_undo.push_back({shardRow, refs.takeFront(count)});
    ++m_changes;
    return {};
}

// Deletes what left the 24-hour window: records, closed shards, disabled streams.
Result<void> StreamLog::purge(Millis now) {
    const Millis edge = now - kRetentionMs - 1;  // older than 24 hours: now - t > 24 h
    for (auto it = m_streams.begin(); it != m_streams.end();) {
        Stream& stream = it->second;
        if (!retained(stream, now)) {
            for (const auto& shard : stream.shards) {
                if (auto r = trimRecords(shard.row, recordsOf(shard).size()); !r) return r;
                m_records.erase(shard.row);
            }
            for (const char* sql :
                 {"DELETE FROM shards WHERE stream_id=?1", "DELETE FROM streams WHERE id=?1"}) {
                auto& stmt = m_ws.statement(sql);
                if (!stmt.bind(1, stream.id).run()) return storeFailure(stmt);
            }
            it = m_streams.erase(it);
            continue;
        }
        for (auto& shard : stream.shards) {
            const auto oldest = oldestRecord(shard);
            if (!oldest || *oldest > edge) continue;
            const int64_t through = trimmedThrough(shard, now);
            if (auto r = saveLastSeq(stream); !r) return r;
            const RecordIndex& refs = recordsOf(shard);
            const auto removed = int64_t(refs.after(through) - refs.begin());
            if (auto r = trimRecords(shard.row, size_t(removed)); !r) return r;
            auto& mark = m_ws.statement("UPDATE shards SET trimmed_seq=?1 WHERE id=?2");
            if (!mark.bind(1, through).bind(2, shard.row).run()) return storeFailure(mark);
            shard.trimmedSeq = through;
            if (removed > 0) note(RecordsTrimmed{stream.arn, shard.shardId, removed, now});
        }
        std::vector<int64_t> gone;
        for (const auto& shard : stream.shards)
            if (!retained(shard, now) && !oldestRecord(shard)) gone.push_back(shard.row);
        for (const int64_t row : gone) {
            auto& del = m_ws.statement("DELETE FROM shards WHERE id=?1");
            if (!del.bind(1, row).run()) return storeFailure(del);
            m_records.erase(row);
        }
        std::erase_if(stream.shards, [&](const Shard& s) {
            return std::find(gone.begin(), gone.end(), s.row) != gone.end();
        });
        ++it;
    }
    return {};
}

Result<void> StreamLog::detachTable(int64_t tableId) {
    auto& update = m_ws.statement("UPDATE streams SET table_id=0 WHERE table_id=?1");
    if (!update.bind(1, tableId).run()) return storeFailure(update);
    for (auto& [id, s] : m_streams)
        if (s.tableId == tableId) s.tableId = 0;
    ++m_changes;
    return {};
}

std::vector<Event> StreamLog::takeEvents() {
    return std::exchange(m_events, {});
}

// ---- The Streams API -------------------------------------------------------------------------

namespace {

Result<int64_t> checkLimit(const std::optional<int64_t>& limit, int64_t max) {
    if (!limit) return max;
    if (*limit < 1)
        return validationError("1 validation error detected: Value '" + std::to_string(*limit) +
                               "' at 'limit' failed to satisfy constraint: Member must have value "
                               "greater than or equal to 1");
    if (*limit > max)
        return validationError("1 validation error detected: Value '" + std::to_string(*limit) +
                               "' at 'limit' failed to satisfy constraint: Member must have value "
                               "less than or equal to " +
                               std::to_string(max));
    return *limit;
}

Error invalidArn(const std::string& arn) {
    return validationError("Invalid StreamArn: " + arn);
}

}  // namespace

Result<Stream*> StreamLog::streamByArn(const std::string& arn) {
    if (!wellFormedStreamArn(arn)) return invalidArn(arn);
    const Millis now = m_clock.now();
    for (auto& [id, s] : m_streams)
        if (s.arn == arn && retained(s, now)) return &s;
    return notFound("Stream: " + arn + " not found");
}

Result<ListStreamsResult> StreamLog::list(const ListStreamsRequest& request) {
    auto limit = checkLimit(request.limit, 100);
    if (!limit) return limit.takeError();
    if (request.exclusiveStartStreamArn && !wellFormedStreamArn(*request.exclusiveStartStreamArn))
        return invalidArn(*request.exclusiveStartStreamArn);
    const Millis now = m_clock.now();
    // Ordered by ARN, so a cursor keeps its place even when its stream has gone meanwhile.
    std::vector<const Stream*> listed;
    for (const auto& [id, s] : m_streams) {
        if (!retained(s, now)) continue;
        if (request.tableName && s.tableName != *request.tableName) continue;
        if (request.exclusiveStartStreamArn && s.arn <= *request.exclusiveStartStreamArn) continue;
        listed.push_back(&s);
    }
    std::sort(listed.begin(), listed.end(),
              [](const Stream* a, const Stream* b) { return a->arn < b->arn; });
    ListStreamsResult result;
    for (const Stream* s : listed) {
        if (int64_t(result.streams.size()) == *limit) {
            result.lastEvaluatedStreamArn = result.streams.back().streamArn;
            break;
        }
        result.streams.push_back({s->arn, s->tableName, s->label});
    }
    return result;
}

Result<StreamDescription> StreamLog::describe(const DescribeStreamRequest& request) {
    auto limit = checkLimit(request.limit, 100);
    if (!limit) return limit.takeError();
    if (request.shardFilter) {
        if (request.shardFilter->type != "CHILD_SHARDS")
            return validationError("1 validation error detected: Value '" +
                                   request.shardFilter->type +
                                   "' at 'shardFilter.type' failed to satisfy constraint: Member "
                                   "must satisfy enum value set: [CHILD_SHARDS]");
        if (request.shardFilter->shardId.size() < 28 || request.shardFilter->shardId.size() > 65)
            return validationError("1 validation error detected: Value '" +
                                   request.shardFilter->shardId +
                                   "' at 'shardFilter.shardId' failed to satisfy constraint: "
                                   "Member must have length between 28 and 65");
    }
    auto found = streamByArn(request.streamArn);
    if (!found) return found.takeError();
    Stream& stream = **found;
    const Millis now = m_clock.now();
    if (auto r = rollOver(stream, now); !r) return r.takeError();

    StreamDescription d;
    d.streamArn = stream.arn;
    d.streamLabel = stream.label;
    d.streamStatus = stream.disabledMs ? "DISABLED" : "ENABLED";
    d.streamViewType = stream.viewType;
    d.creationRequestDateTime = double(stream.createdMs) / 1000.0;
    d.tableName = stream.tableName;
    d.keySchema = stream.keySchema;

    int64_t filterParent = -1;
    if (request.shardFilter) {
        const Shard* parent = stream.findShard(request.shardFilter->shardId);
        filterParent = parent ? parent->row : -2;  // an unknown parent has no children
    }
    // Listed in ShardId order, which puts parents before children (§5.4).
    std::vector<const Shard*> shards;
    for (const auto& s : stream.shards) {
        if (!retained(s, now)) continue;
        if (filterParent != -1 && s.parentRow != filterParent) continue;
        shards.push_back(&s);
    }
    std::sort(shards.begin(), shards.end(),
              [](const Shard* a, const Shard* b) { return a->shardId < b->shardId; });
    size_t begin = 0;
    if (request.exclusiveStartShardId) {
        // Exclusive; an unknown start shard lists nothing, as on AWS.
        begin = shards.size();
        for (size_t i = 0; i < shards.size(); ++i)
            if (shards[i]->shardId == *request.exclusiveStartShardId) begin = i + 1;
    }
    for (size_t i = begin; i < shards.size(); ++i) {
        if (int64_t(d.shards.size()) == *limit) {
            d.lastEvaluatedShardId = d.shards.back().shardId;
            break;
        }
        const Shard& s = *shards[i];
        ShardDescription out;
        out.shardId = s.shardId;
        if (!s.parentShardId.empty()) out.parentShardId = s.parentShardId;
        out.startingSequenceNumber = formatSequenceNumber(s.startSeq);
        if (s.endSeq) out.endingSequenceNumber = formatSequenceNumber(*s.endSeq);
        d.shards.push_back(std::move(out));
    }
    return d;
}

std::string StreamLog::signIterator(const Stream& stream, const Shard& shard, int64_t after,
                                    Millis issued) const {
    std::string payload;
    putU64(payload, uint64_t(stream.id));
    putU64(payload, uint64_t(shard.row));
    putU64(payload, uint64_t(after));
    putU64(payload, uint64_t(issued));
    const uint64_t mac = sipHash24(m_iteratorKey, stream.arn + "|" + payload);
    putU64(payload, mac);
    return stream.arn + "|1|" + model::base64Encode(payload);
}

void StreamLog::writeEventId(const Stream& stream, int64_t seq, std::string& out) const {
    const uint64_t a =
        sim::Random::mix(m_seed ^ sim::Random::mix(uint64_t(stream.id)) ^ uint64_t(seq));
    const uint64_t b = sim::Random::mix(a ^ ~m_seed ^ (uint64_t(seq) << 17));
    out.resize(32);
    writeHex16(a, out.data());
    writeHex16(b, out.data() + 16);
}

Result<std::string> StreamLog::shardIterator(const GetShardIteratorRequest& request) {
    enum class Type { TrimHorizon, Latest, At, After };
    Type type;
    if (request.shardIteratorType == "TRIM_HORIZON")
        type = Type::TrimHorizon;
    else if (request.shardIteratorType == "LATEST")
        type = Type::Latest;
    else if (request.shardIteratorType == "AT_SEQUENCE_NUMBER")
        type = Type::At;
    else if (request.shardIteratorType == "AFTER_SEQUENCE_NUMBER")
        type = Type::After;
    else
        return validationError(
            "1 validation error detected: Value '" + request.shardIteratorType +
            "' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value "
            "set: [AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]");
    const bool bySequence = type == Type::At || type == Type::After;
    if (bySequence && !request.sequenceNumber)
        return validationError("Must specify a sequence number for iterator type " +
                               request.shardIteratorType);
    if (!bySequence && request.sequenceNumber)
        return validationError("Cannot specify a sequence number for iterator type " +
                               request.shardIteratorType);
    std::optional<int64_t> sequence;
    if (bySequence) {
        sequence = parseSequenceNumber(*request.sequenceNumber);
        if (!sequence)
            return validationError("1 validation error detected: Value '" +
                                   *request.sequenceNumber +
                                   "' at 'sequenceNumber' failed to satisfy constraint: Member "
                                   "must have length between 21 and 40 and contain only digits");
    }
    if (request.shardId.size() < 28 || request.shardId.size() > 65)
        return validationError("1 validation error detected: Value '" + request.shardId +
                               "' at 'shardId' failed to satisfy constraint: Member must have "
                               "length between 28 and 65");

    auto found = streamByArn(request.streamArn);
    if (!found) return found.takeError();
    Stream& stream = **found;
    const Millis now = m_clock.now();
    if (auto r = rollOver(stream, now); !r) return r.takeError();
    const Shard* shard = stream.findShard(request.shardId);
    if (!shard || !retained(*shard, now))
        return notFound("Shard: " + request.shardId + " in Stream: " + stream.arn + " not found");

    const int64_t through = trimmedThrough(*shard, now);
    const int64_t horizon = std::max(shard->startSeq, through);
    const int64_t newest = shard->endSeq.value_or(stream.lastSeq);
    int64_t after = 0;
    switch (type) {
        case Type::TrimHorizon:
            after = horizon;
            break;
        case Type::Latest:
            after = newest;
            break;
        case Type::At:
        case Type::After: {
            const int64_t n = *sequence;
            // The shard's own StartingSequenceNumber reads like TRIM_HORIZON.
            if (type == Type::At && n == shard->startSeq) {
                after = horizon;
                break;
            }
            if (n < shard->startSeq || n > newest)
                return validationError("Invalid SequenceNumber: " + *request.sequenceNumber +
                                       " is not in the range of shard " + shard->shardId);
            after = type == Type::At ? n - 1 : n;
            if (after < through)
                return trimmed("Sequence number " + *request.sequenceNumber +
                               " is older than the trim horizon of shard " + shard->shardId +
                               ": records older than 24 hours have been trimmed");
            break;
        }
    }
    return signIterator(stream, *shard, after, now);
}

Result<GetRecordsResult> StreamLog::records(const GetRecordsRequest& request) {
    GetRecordsResult result;
    auto read = visitRecords(request, [&](const Record& visited) {
        Record& r = result.records.emplace_back(visited);
        return !request.decodeImages ||
               decodeRecordImages(r, !r.encodedNewImage.empty(), !r.encodedOldImage.empty());
    });
    if (!read) return read.takeError();
    result.nextShardIterator = std::move(read->nextShardIterator);
    return result;
}

Result<VisitedRecords> StreamLog::visitRecords(const GetRecordsRequest& request,
                                               const RecordVisitor& visit) {
    auto limit = checkLimit(request.limit, 1000);
    if (!limit) return limit.takeError();
    // <StreamArn>|1|<base64 of stream, shard, position, issue time and their MAC>
    const std::string& text = request.shardIterator;
    if (text.empty() || text.size() > 2048) return invalidIterator();
    const size_t bar = text.rfind("|1|");
    if (bar == std::string::npos) return invalidIterator();
    const std::string arn = text.substr(0, bar);
    std::string payload;
    if (!model::base64Decode(std::string_view(text).substr(bar + 3), payload) ||
        payload.size() != 40)
        return invalidIterator();
    if (sipHash24(m_iteratorKey, arn + "|" + payload.substr(0, 32)) != getU64(payload, 32))
        return invalidIterator();
    const int64_t streamId = int64_t(getU64(payload, 0));
    const int64_t shardRow = int64_t(getU64(payload, 8));
    const int64_t after = int64_t(getU64(payload, 16));
    const Millis issued = Millis(getU64(payload, 24));

    const Millis now = m_clock.now();
    if (now - issued > kIteratorLifetimeMs)
        return Error{ErrorCode::ExpiredIterator,
                     "Iterator expired. The iterator was created at time " + labelFor(issued) +
                         " while right now it is " + labelFor(now) +
                         ". The iterator is valid for 15 minutes.",
                     nullptr};
    Stream* stream = findMutable(streamId);
    if (!stream || stream->arn != arn || !retained(*stream, now))
        return notFound("Stream: " + arn + " not found");
    if (auto r = rollOver(*stream, now); !r) return r.takeError();
    const Shard* shard = stream->findShard(shardRow);
    if (!shard || !retained(*shard, now))
        return trimmed("The shard of this iterator is older than the 24-hour retention window");
    if (after < trimmedThrough(*shard, now))
        return trimmed("The iterator points to records older than the trim horizon of shard " +
                       shard->shardId + ": records older than 24 hours have been trimmed");
    return readShard(*stream, *shard, after, *limit, now, visit);
}

Result<VisitedRecords> StreamLog::readShard(const Stream& stream, const Shard& shard, int64_t after,
                                            int64_t limit, Millis now, const RecordVisitor& visit) {
    VisitedRecords result;
    const RecordIndex& refs = recordsOf(shard);
    const RecordRef* first = refs.after(after);
    const RecordRef* last = first + std::min<int64_t>(limit, refs.end() - first);
    // Resets its statement however the loop ends, a throwing visitor included: a statement left
    // stepping would hold its read transaction open.
    RecordRows rows(m_ws, shard.row, first, last);
    int64_t position = after;
    int64_t bytes = 0;
    bool cut = false;
    Record r;  // reused: its strings keep their capacity from row to row
    for (RecordRows::Step step; (step = rows.next()) != RecordRows::Step::End;) {
        if (step != RecordRows::Step::Row) return rowFailure(step);
        const store::Statement& stmt = rows.row();
        const int64_t size = stmt.columnInt(3);
        if (result.count != 0 && bytes + size > kMaxRecordsBytes) {
            cut = true;
            break;
        }
        if (!recordFromRow(stmt, stream, shard, false, r) || !visit(r))
            return Error{ErrorCode::InternalServerError, "damaged stream record", nullptr};
        ++result.count;
        position = stmt.columnInt(0);
        bytes += size;
    }
    // A closed shard read to its end gets no next iterator: the consumer moves on to its children.
    const bool exhausted = !cut && last - first < limit;
    if (shard.open() || !exhausted)
        result.nextShardIterator = signIterator(stream, shard, position, now);
    return result;
}

RecordRows::RecordRows(store::Workspace& ws, int64_t shardRow, const RecordRef* begin,
                       const RecordRef* end)
    : m_next(begin),
      m_end(end),
      // A shard alone in its stretch of the table (the only shard, or nearly) is read by one
      // range scan that passes over other shards' rows; one among many, by a lookup per record.
      m_scan(begin != end && (end - 1)->row - begin->row < 4 * (end - begin)),
      m_stmt(m_scan ? ws.statement("SELECT seq, created_ms, event, size, keys, new_image, "
                                   "old_image, id FROM records WHERE id>=?1 AND id<=?2 AND "
                                   "shard=?3 ORDER BY id")
                    : ws.statement("SELECT seq, created_ms, event, size, keys, new_image, "
                                   "old_image, id FROM records WHERE id=?1")) {
    m_stmt.reset();
    if (m_scan)
        m_stmt.bind(1, begin->row).bind(2, (end - 1)->row).bind(3, shardRow);
    else if (begin != end)
        m_readScope.emplace(ws);
}

RecordRows::~RecordRows() {
    m_stmt.reset();
}

RecordRows::Step RecordRows::next() {
    if (m_next == m_end) return Step::End;
    if (!m_scan) {
        m_stmt.reset();
        m_stmt.bind(1, m_next->row);
    }
    if (!m_stmt.step()) return m_stmt.failed() ? Step::Failed : Step::Missing;
    // Rows and refs both run in id order: any other row of the shard is one the index lost.
    if (m_stmt.columnInt(7) != m_next->row) return Step::Missing;
    ++m_next;
    return Step::Row;
}

bool StreamLog::recordFromRow(const store::Statement& row, const Stream& stream, const Shard& shard,
                              bool decodeImages, Record& out) const {
    const int64_t seq = row.columnInt(0);
    const int kind = int(row.columnInt(2));
    writeEventId(stream, seq, out.eventId);
    out.eventName = kind == 1   ? EventName::Insert
                    : kind == 2 ? EventName::Modify
                                : EventName::Remove;
    out.byTimeToLive = kind == 4;
    out.awsRegion.assign(m_region);
    out.approximateCreationDateTime = row.columnInt(1) / 1000;
    const bool hasNewImage = !row.columnIsNull(5);
    const bool hasOldImage = !row.columnIsNull(6);
    out.encodedKeys.assign(row.columnBlob(4));
    out.encodedNewImage.assign(hasNewImage ? row.columnBlob(5) : std::string_view());
    out.encodedOldImage.assign(hasOldImage ? row.columnBlob(6) : std::string_view());
    out.keys.clear();
    out.newImage.reset();
    out.oldImage.reset();
    if (decodeImages && !decodeRecordImages(out, hasNewImage, hasOldImage)) return false;
    out.sequenceNumber = formatSequenceNumber(seq);
    out.sizeBytes = row.columnInt(3);
    out.streamViewType = stream.viewType;
    out.shardId.assign(shard.shardId);
    return true;
}

// ---- Inspection ------------------------------------------------------------------------------

namespace {

constexpr int64_t kMaxInspectedRecords = 10000;
constexpr int64_t kBeyondEverySequence = INT64_MAX;

// Where an exclusive start puts a read. A well-formed number that is not one of ours lies before
// all of ours (0) or after all of them, compared as the big integers they are (§5.4).
int64_t positionAfter(std::string_view text, int64_t parsed) {
    if (parsed != 0) return parsed;
    const size_t first = text.find_first_not_of('0');
    if (first == std::string_view::npos) return 0;
    const std::string_view digits = text.substr(first);
    constexpr std::string_view ourFirst = "100000000000000000000";  // sequence 0
    if (digits.size() != ourFirst.size())
        return digits.size() < ourFirst.size() ? 0 : kBeyondEverySequence;
    return digits <= ourFirst ? 0 : kBeyondEverySequence;
}

Result<int64_t> checkInspectLimit(size_t limit) {
    if (limit >= 1 && limit <= size_t(kMaxInspectedRecords)) return int64_t(limit);
    return validationError(
        "1 validation error detected: Value '" + std::to_string(limit) +
        "' at 'limit' failed to satisfy constraint: Member must have value " +
        (limit < 1 ? "greater than or equal to 1" : "less than or equal to 10000"));
}

Result<int64_t> checkAfterSequenceNumber(const std::optional<std::string>& text) {
    if (!text) return int64_t(0);
    const auto parsed = parseSequenceNumber(*text);
    if (!parsed)
        return validationError("1 validation error detected: Value '" + *text +
                               "' at 'afterSequenceNumber' failed to satisfy constraint: Member "
                               "must have length between 21 and 40 and contain only digits");
    return positionAfter(*text, *parsed);
}

}  // namespace

// Unlike the Streams API, a malformed ARN is simply not found: the inspector names streams it
// was given, and has no message to show for a shape rule.
Result<Stream*> StreamLog::inspectedStream(const std::string& arn) {
    const Millis now = m_clock.now();
    for (auto& [id, s] : m_streams)
        if (s.arn == arn && retained(s, now)) return &s;
    return notFound("Stream: " + arn + " not found");
}

Result<StreamLineage> StreamLog::lineage(const std::string& arn) {
    auto found = inspectedStream(arn);
    if (!found) return found.takeError();
    Stream& stream = **found;
    const Millis now = m_clock.now();
    if (auto r = rollOver(stream, now); !r) return r.takeError();

    StreamLineage out;
    out.streamArn = stream.arn;
    out.tableName = stream.tableName;
    out.streamLabel = stream.label;
    out.streamStatus = stream.disabledMs ? "DISABLED" : "ENABLED";
    out.viewType = stream.viewType;
    out.keySchema = stream.keySchema;
    out.createdMs = stream.createdMs;
    out.disabledMs = stream.disabledMs;
    for (const auto& shard : stream.shards) {
        if (!retained(shard, now)) continue;
        const int64_t through = trimmedThrough(shard, now);
        ShardInfo info;
        info.shardId = shard.shardId;
        info.parentShardId = shard.parentShardId;
        info.hashLo = shard.lo;
        info.hashHi = shard.hi;
        info.createdMs = shard.createdMs;
        info.closedMs = shard.closedMs;
        info.startingSequenceNumber = formatSequenceNumber(shard.startSeq);
        if (shard.endSeq) info.endingSequenceNumber = formatSequenceNumber(*shard.endSeq);
        if (through > 0) info.trimmedThroughSequenceNumber = formatSequenceNumber(through);
        out.shards.push_back(std::move(info));
    }
    return out;
}

Result<std::vector<StreamLog::ShardCursor>> StreamLog::cursorsFor(const Stream& stream,
                                                                  const ReadRecordsRequest& request,
                                                                  int64_t after, Millis now) {
    std::vector<ShardCursor> cursors;
    bool shardFound = false;
    for (const auto& shard : stream.shards) {
        if (!retained(shard, now)) continue;
        if (request.shardId && shard.shardId != *request.shardId) continue;
        shardFound = true;
        const ShardCursor cursor{&shard, std::max(after, trimmedThrough(shard, now)),
                                 shard.endSeq.value_or(kBeyondEverySequence)};
        if (cursor.from < cursor.last) cursors.push_back(cursor);
    }
    if (request.shardId && !shardFound)
        return notFound("Shard: " + *request.shardId + " in Stream: " + stream.arn + " not found");
    return cursors;
}

int64_t StreamLog::nextSequence(const std::vector<ShardCursor>& cursors, int64_t position) const {
    int64_t next = 0;
    for (const ShardCursor& cursor : cursors) {
        // Cursors follow creation order, so later shards' records all come after this one.
        if (next != 0 && cursor.shard->startSeq >= next) break;
        const int64_t from = std::max(position, cursor.from);
        if (from >= cursor.last) continue;
        const RecordIndex& refs = recordsOf(*cursor.shard);
        const RecordRef* ref = refs.after(from);
        if (ref != refs.end() && (next == 0 || ref->seq < next)) next = ref->seq;
    }
    return next;
}

Result<void> StreamLog::readRange(const Stream& stream, const ShardCursor& cursor, int64_t after,
                                  int64_t through, int64_t limit, bool decodeImages,
                                  std::vector<Record>& out) {
    const RecordIndex& refs = recordsOf(*cursor.shard);
    const RecordRef* first = refs.after(after);
    const RecordRef* last = first + std::clamp<int64_t>(refs.after(through) - first, 0, limit);
    RecordRows rows(m_ws, cursor.shard->row, first, last);
    for (RecordRows::Step step; (step = rows.next()) != RecordRows::Step::End;) {
        Record r;
        if (step != RecordRows::Step::Row ||
            !recordFromRow(rows.row(), stream, *cursor.shard, decodeImages, r))
            return rowFailure(step);
        out.push_back(std::move(r));
    }
    return {};
}

// Each shard's records are indexed by sequence number, and a stream's sequence numbers are one
// counter, nearly without gaps (only a shard's opening takes one). So the next `room` records
// across shards lie within `room` numbers of the first one: each pass seeks that first one in
// every shard, then reads that window from each — bounded by the page, never a scan of the stream.
Result<ReadRecordsResult> StreamLog::readRecords(const ReadRecordsRequest& request) {
    auto limit = checkInspectLimit(request.limit);
    if (!limit) return limit.takeError();
    auto after = checkAfterSequenceNumber(request.afterSequenceNumber);
    if (!after) return after.takeError();
    auto found = inspectedStream(request.streamArn);
    if (!found) return found.takeError();
    Stream& stream = **found;
    const Millis now = m_clock.now();
    if (auto r = rollOver(stream, now); !r) return r.takeError();
    auto cursors = cursorsFor(stream, request, *after, now);
    if (!cursors) return cursors.takeError();

    ReadRecordsResult result;
    int64_t position = *after;
    while (int64_t(result.records.size()) < *limit) {
        const int64_t next = nextSequence(*cursors, position);
        if (next == 0) return result;
        const int64_t room = *limit - int64_t(result.records.size());
        // One shard needs no window: its own order is the order.
        const int64_t windowEnd = cursors->size() == 1 || next > kBeyondEverySequence - room
                                      ? kBeyondEverySequence
                                      : next + room - 1;
        const size_t before = result.records.size();
        for (const ShardCursor& cursor : *cursors) {
            if (cursor.shard->startSeq >= windowEnd) break;  // shards opened after the window
            const int64_t from = std::max(position, cursor.from);
            if (from >= cursor.last) continue;
            if (auto r = readRange(stream, cursor, from, windowEnd, room, request.decodeImages,
                                   result.records);
                !r)
                return r.takeError();
        }
        // Sequence numbers have one width, so their text sorts as their value.
        std::sort(
            result.records.begin() + std::ptrdiff_t(before), result.records.end(),
            [](const Record& a, const Record& b) { return a.sequenceNumber < b.sequenceNumber; });
        position = int64_t(result.records.size()) == *limit
                       ? parseSequenceNumber(result.records.back().sequenceNumber).value_or(0)
                       : windowEnd;
    }
    result.more = nextSequence(*cursors, position) != 0;
    return result;
}

}  // namespace shardscope::stream

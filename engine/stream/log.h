// SPDX-License-Identifier: MIT
#pragma once

// Private to the engine: the streams of every table, their shards and records, in the workspace.
// table::Database owns one StreamLog and calls it under its own lock, inside its write
// transactions, so a record commits together with the item change it describes.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/error.h"
#include "sim/clock.h"
#include "sim/random.h"
#include "store/workspace.h"
#include "stream/api.h"
#include "stream/events.h"

namespace shardscope::stream {

using sim::Millis;

constexpr Millis kRetentionMs = 24 * 3600 * 1000;
constexpr Millis kIteratorLifetimeMs = 15 * 60 * 1000;

// Where one record of a shard is stored. The records table keeps rows in the order they were
// appended, whatever their shard; each shard finds its own through a RecordIndex.
struct RecordRef {
    int64_t seq = 0;
    int64_t row = 0;
    Millis createdMs = 0;
};

// A shard's records in sequence order: appended at the back, trimmed from the front.
class RecordIndex {
public:
    bool empty() const { return m_head == m_refs.size(); }
    size_t size() const { return m_refs.size() - m_head; }
    const RecordRef* begin() const { return m_refs.data() + m_head; }
    const RecordRef* end() const { return m_refs.data() + m_refs.size(); }
    const RecordRef& front() const { return m_refs[m_head]; }
    const RecordRef& back() const { return m_refs.back(); }
    // The first record with a sequence number above `seq`.
    const RecordRef* after(int64_t seq) const;

    void push(const RecordRef& ref) { m_refs.push_back(ref); }
    void popBack() { m_refs.pop_back(); }
    std::vector<RecordRef> takeFront(size_t count);
    void restoreFront(std::vector<RecordRef> refs);
    // After loading rows in storage order, which a migrated workspace need not keep per shard.
    void sortBySequence();

private:
    std::vector<RecordRef> m_refs;
    size_t m_head = 0;  // the refs before it are trimmed; reclaimed once they are half
};

// Reads the stored rows of a run of one shard's records, in sequence order, each row as
// (seq, created_ms, event, size, keys, new_image, old_image, id).
class RecordRows {
public:
    enum class Step { Row, End, Missing, Failed };
    RecordRows(store::Workspace& ws, int64_t shardRow, const RecordRef* begin,
               const RecordRef* end);
    ~RecordRows();
    RecordRows(const RecordRows&) = delete;
    RecordRows& operator=(const RecordRows&) = delete;

    Step next();
    const store::Statement& row() const { return m_stmt; }

private:
    const RecordRef* m_next;
    const RecordRef* m_end;
    bool m_scan;
    std::optional<store::Workspace::ReadScope> m_readScope;  // lookups: one for the whole run
    store::Statement& m_stmt;
};

// A shard as kept in memory. Closed shards stay until they leave the retention window.
struct Shard {
    int64_t row = 0;
    std::string shardId;
    int64_t parentRow = 0;
    std::string parentShardId;  // kept after the parent itself leaves the window
    uint32_t lo = 0, hi = 0;    // the partition-key hashes it takes, inclusive
    Millis createdMs = 0;
    int64_t startSeq = 0;
    std::optional<int64_t> endSeq;
    std::optional<Millis> closedMs;
    int64_t trimmedSeq = 0;  // records up to here were purged
    // Split accounting: records taken in the current second of clock time.
    Millis second = -1;
    int recordsThisSecond = 0;

    bool open() const { return !endSeq.has_value(); }
};

struct Stream {
    int64_t id = 0;
    int64_t tableId = 0;
    std::string tableName;
    std::string arn;
    std::string label;
    ViewType viewType = ViewType::KeysOnly;
    model::KeySchema keySchema;
    Millis createdMs = 0;
    std::optional<Millis> disabledMs;
    int64_t lastSeq = 0;
    std::vector<Shard> shards;  // in creation order

    const Shard* findShard(std::string_view shardId) const;
    const Shard* findShard(int64_t row) const;
};

// One change to append: the item before and after (either may be absent, not both).
struct Change {
    const model::Item* oldItem = nullptr;
    const model::Item* newItem = nullptr;
    model::Item keys;
    uint32_t partitionHash = 0;
    bool byTimeToLive = false;
    // The items' stored encodings and sizes when the caller has them (else computed here).
    std::string_view encodedOld, encodedNew;
    int64_t oldSize = -1, newSize = -1;
};

class StreamLog {
public:
    StreamLog(store::Workspace& workspace, sim::Clock& clock, sim::Random& random,
              StreamSettings settings, std::string region, uint64_t seed);

    // Loads every retained stream and indexes its records, when the workspace opens.
    Result<void> load();
    // After a rollback to the moment undoMark() was taken (0: the transaction's start): undoes
    // the record index's changes since then and reloads streams and shards as stored.
    Result<void> rollBack(size_t undoMark);
    size_t undoMark() const { return m_undo.size(); }
    // The transaction committed: nothing of it will be undone.
    void committed() { m_undo.clear(); }
    // The key that signs shard iterators; created on first use and kept in the workspace.
    Result<void> loadIteratorKey();

    struct Enabled {
        int64_t id = 0;
        std::string arn;
        std::string label;
    };
    Result<Enabled> enable(int64_t tableId, const std::string& tableName,
                           const std::string& tableArn, const model::KeySchema& keySchema,
                           ViewType viewType);
    // Closes the stream's open shards; it stays readable for 24 hours.
    Result<void> disable(int64_t streamId);
    const Stream* find(int64_t streamId) const;
    // The newest stream of a table (enabled or retained), for LatestStreamArn.
    const Stream* latestOfTable(int64_t tableId) const;

    Result<void> append(int64_t streamId, const Change& change);

    std::optional<Millis> nextDue() const;
    // The earliest moment an open shard's period ends (the only catch-up a read may need).
    std::optional<Millis> nextRollover() const;
    // While false, reads answer from the state as it is and never roll shards over (they run
    // outside a transaction, having found nothing due a moment before).
    void allowCatchUp(bool allowed) { m_catchUpAllowed = allowed; }
    Result<void> runDue();

    Result<ListStreamsResult> list(const ListStreamsRequest& request);
    Result<StreamDescription> describe(const DescribeStreamRequest& request);
    Result<std::string> shardIterator(const GetShardIteratorRequest& request);
    Result<GetRecordsResult> records(const GetRecordsRequest& request);
    // The same read handing each record to `visit` (api.h); request.decodeImages is ignored.
    Result<VisitedRecords> visitRecords(const GetRecordsRequest& request,
                                        const RecordVisitor& visit);

    // The inspector's reads (api.h): a stream's retained shards, and its records across shards in
    // sequence-number order. An ARN or shard that is unknown (or malformed) is ResourceNotFound.
    Result<StreamLineage> lineage(const std::string& arn);
    Result<ReadRecordsResult> readRecords(const ReadRecordsRequest& request);

    // A stream outlives its table; this unlinks the table's streams from its id (ids are reused).
    Result<void> detachTable(int64_t tableId);

    // Events produced since the last take (the database publishes them after its commit).
    void note(Event event) {
        if (observed()) m_events.push_back(std::move(event));
    }
    // Whether anyone listens: events are not even built for nobody.
    bool observed() const { return m_bus && m_bus->hasSubscribers(); }
    void setBus(EventBus* bus) { m_bus = bus; }
    std::vector<Event> takeEvents();
    // Counts changes to the in-memory state, so a rolled-back write reloads only when needed.
    uint64_t changeMark() const { return m_changes; }
    size_t eventMark() const { return m_events.size(); }
    void dropEventsAfter(size_t mark) { m_events.resize(std::min(mark, m_events.size())); }

private:
    Stream* findMutable(int64_t streamId);
    Result<Stream*> streamByArn(const std::string& arn);
    Result<Shard*> openShard(Stream& stream, int64_t parentRow, uint32_t lo, uint32_t hi,
                             Millis at);
    Result<void> closeShard(Stream& stream, Shard& shard, Millis at, bool split);
    Result<void> rollOver(Stream& stream, Millis now);
    Result<void> split(Stream& stream, size_t shardIndex, Millis now);
    Result<void> purge(Millis now);
    Result<void> saveLastSeq(const Stream& stream);
    Result<void> loadRecordIndex();
    Result<void> loadStreams();
    const RecordIndex& recordsOf(const Shard& shard) const;
    // When the oldest record still stored in a shard was written; nullopt when it has none.
    std::optional<Millis> oldestRecord(const Shard& shard) const;
    // Deletes a shard's first `count` records, remembering them until the transaction ends.
    Result<void> trimRecords(int64_t shardRow, size_t count);
    // The last sequence number at or before the retention edge in a shard (0 when none).
    int64_t trimmedThrough(const Shard& shard, Millis now) const;
    bool retained(const Stream& stream, Millis now) const;
    bool retained(const Shard& shard, Millis now) const;

    std::string signIterator(const Stream& stream, const Shard& shard, int64_t after,
                             Millis issued) const;
    // Writes the record's eventID (32 hex digits) over `out`, reusing its capacity.
    void writeEventId(const Stream& stream, int64_t seq, std::string& out) const;
    Result<VisitedRecords> readShard(const Stream& stream, const Shard& shard, int64_t after,
                                     int64_t limit, Millis now, const RecordVisitor& visit);
    // A record from a row of (seq, created_ms, event, size, keys, new_image, old_image), written
    // over `out` (whose strings keep their capacity); false when its stored images do not decode.
    bool recordFromRow(const store::Statement& row, const Stream& stream, const Shard& shard,
                       bool decodeImages, Record& out) const;
    Result<Stream*> inspectedStream(const std::string& arn);

    // One shard's part in a read across shards: its records after `from` (exclusive), which
    // also skips what is trimmed, and none after `last`.
    struct ShardCursor {
        const Shard* shard = nullptr;
        int64_t from = 0;
        int64_t last = 0;
    };
    Result<std::vector<ShardCursor>> cursorsFor(const Stream& stream,
                                                const ReadRecordsRequest& request, int64_t after,
                                                Millis now);
    // The smallest sequence number of a record after `position` in any cursor; 0 when none.
    int64_t nextSequence(const std::vector<ShardCursor>& cursors, int64_t position) const;
    // Appends a cursor's records in (after, through], at most `limit` of them.
    Result<void> readRange(const Stream& stream, const ShardCursor& cursor, int64_t after,
                           int64_t through, int64_t limit, bool decodeImages,
                           std::vector<Record>& out);

    store::Workspace& m_ws;
    sim::Clock& m_clock;
    sim::Random& m_random;
    StreamSettings m_settings;
    std::string m_region;
    uint64_t m_seed = 0;
    uint64_t m_iteratorKey[2] = {0, 0};
    std::map<int64_t, Stream> m_streams;
    std::unordered_map<int64_t, RecordIndex> m_records;  // by shard row
    // What the open transaction did to m_records, so a rollback can take it back.
    struct IndexChange {
        int64_t shardRow = 0;
        std::vector<RecordRef> trimmed;  // empty: one record was appended
    };
    std::vector<IndexChange> m_undo;
    std::vector<Event> m_events;
    EventBus* m_bus = nullptr;
    bool m_catchUpAllowed = true;
    uint64_t m_changes = 0;
};

// Sequence numbers on the wire: "1" and 20 digits, so they have DynamoDB's ≥ 21 digits, compare
// as numbers and as strings alike, and grow along a lineage.
std::string formatSequenceNumber(int64_t seq);
// nullopt when not 21-40 digits; 0 when well formed but not one of ours (no shard has it).
std::optional<int64_t> parseSequenceNumber(std::string_view text);

}  // namespace shardscope::stream

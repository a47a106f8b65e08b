// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/keys.h"
#include "model/value.h"
#include "sim/clock.h"

// The DynamoDB Streams API shapes (reference §5), as the engine answers them. The wire layer only
// translates JSON; every check (ARNs, iterators, sequence numbers, limits) happens in the engine
// with DynamoDB's error types and messages.
namespace shardscope::stream {

enum class ViewType { KeysOnly, NewImage, OldImage, NewAndOldImages };
std::optional<ViewType> parseViewType(std::string_view name);
std::string_view viewTypeName(ViewType type);

enum class EventName { Insert, Modify, Remove };
std::string_view eventNameText(EventName name);

// How streams behave over time. The defaults are DynamoDB's; a lesson may shorten the rollover
// period so a class sees shards close and hand over within minutes.
struct StreamSettings {
    int64_t rolloverPeriodMs = 4 * 3600 * 1000;  // an open shard closes and gets a child after this
    // A shard that takes more than this many records within one second of clock time splits in
    // two (DynamoDB partitions split above ~1,000 writes per second).
    int splitRecordsPerSecond = 1000;
    int maxOpenShards = 64;  // per stream; no split beyond it
    int initialShards = 1;   // open shards of a new stream (1, 2, 4, … up to maxOpenShards)
};

struct StreamSummary {
    std::string streamArn;
    std::string tableName;
    std::string streamLabel;
};

struct ListStreamsRequest {
    std::optional<std::string> tableName;
    std::optional<int64_t> limit;  // 1-100, default 100
    std::optional<std::string> exclusiveStartStreamArn;
};

struct ListStreamsResult {
    std::vector<StreamSummary> streams;
    std::optional<std::string> lastEvaluatedStreamArn;
};

struct ShardFilter {
    std::string type;  // only "CHILD_SHARDS"
    std::string shardId;
};

struct DescribeStreamRequest {
    std::string streamArn;
    std::optional<int64_t> limit;  // 1-100, default 100
    std::optional<std::string> exclusiveStartShardId;
    std::optional<ShardFilter> shardFilter;
};

struct ShardDescription {
    std::string shardId;
    std::optional<std::string> parentShardId;
    std::string startingSequenceNumber;
    std::optional<std::string> endingSequenceNumber;  // absent while the shard is open
};

struct StreamDescription {
    std::string streamArn;
    std::string streamLabel;
    std::string streamStatus;  // ENABLING, ENABLED, DISABLING, DISABLED
    ViewType streamViewType = ViewType::KeysOnly;
    double creationRequestDateTime = 0;  // epoch seconds
    std::string tableName;
    model::KeySchema keySchema;
    std::vector<ShardDescription> shards;
    std::optional<std::string> lastEvaluatedShardId;
};

struct GetShardIteratorRequest {
    std::string streamArn;
    std::string shardId;
    std::string
        shardIteratorType;  // TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER
    std::optional<std::string> sequenceNumber;
};

struct GetRecordsRequest {
    std::string shardIterator;
    std::optional<int64_t> limit;  // 1-1000, default 1000
    // false: leave Record::keys/newImage/oldImage empty and give only their stored encodings,
    // for a caller that renders JSON straight from those (the wire layer).
    bool decodeImages = true;
};

struct Record {
    std::string eventId;  // 32 lowercase hex digits
    EventName eventName = EventName::Insert;
    std::string awsRegion;
    int64_t approximateCreationDateTime = 0;  // epoch seconds, rounded down
    model::Item keys;
    std::optional<model::Item> newImage;
    std::optional<model::Item> oldImage;
    std::string sequenceNumber;
    int64_t sizeBytes = 0;
    ViewType streamViewType = ViewType::KeysOnly;
    bool byTimeToLive = false;  // userIdentity {Type: Service, PrincipalId: dynamodb.amazonaws.com}
    std::string shardId;        // where it was read from (not on the wire; for the inspector)
    // The same keys and images in their stored encoding (model/codec.h); an empty string is an
    // absent image.
    std::string encodedKeys;
    std::string encodedNewImage;
    std::string encodedOldImage;
};

struct GetRecordsResult {
    std::vector<Record> records;                   // always present on the wire, [] when empty
    std::optional<std::string> nextShardIterator;  // omitted once a closed shard is read to its end
};

// GetRecords for a caller that takes each record as it is read (the wire layer writes it out as
// JSON) instead of collecting them. The visitor is handed one Record reused from row to row, its
// strings keeping their capacity, so a page costs no allocation per record; it carries the
// stored encodings only (keys/newImage/oldImage stay empty) and is valid during the call alone.
// It returns false for a record whose stored images do not decode: the read stops there and
// fails with InternalServerError "damaged stream record", as the collecting read does.
using RecordVisitor = std::function<bool(const Record&)>;

// What such a read returns besides the records it handed over.
struct VisitedRecords {
    size_t count = 0;
    std::optional<std::string> nextShardIterator;  // as GetRecordsResult::nextShardIterator
};

// ---- Inspection ------------------------------------------------------------------------------
// What the window's stream inspector and shard lanes read. Not part of the DynamoDB Streams API:
// no iterators (they expire after 15 minutes of clock time, which a fast virtual clock passes in
// milliseconds) and no 1 MB page cap.

struct ShardInfo {
    std::string shardId;
    std::string parentShardId;        // empty when none
    uint32_t hashLo = 0, hashHi = 0;  // partition-key hashes it takes, inclusive
    sim::Millis createdMs = 0;
    std::optional<sim::Millis> closedMs;
    std::string startingSequenceNumber;
    std::optional<std::string> endingSequenceNumber;  // absent while the shard is open
    // Records up to and including this one are gone: purged, or past the 24-hour edge by the
    // millisecond rule GetRecords applies. Empty when none.
    std::string trimmedThroughSequenceNumber;
};

struct StreamLineage {
    std::string streamArn, tableName, streamLabel, streamStatus;
    ViewType viewType = ViewType::KeysOnly;
    model::KeySchema keySchema;
    sim::Millis createdMs = 0;
    std::optional<sim::Millis> disabledMs;
    // In creation order, so parents come before children; only shards still within retention.
    std::vector<ShardInfo> shards;
};

struct ReadRecordsRequest {
    std::string streamArn;
    // Exclusive; absent: from the oldest record not trimmed.
    std::optional<std::string> afterSequenceNumber;
    std::optional<std::string> shardId;  // only this shard; absent: every shard of the stream
    size_t limit = 1000;                 // 1 … 10000
    bool decodeImages = true;            // as GetRecordsRequest::decodeImages
};

struct ReadRecordsResult {
    std::vector<Record> records;  // in sequence-number order, each with its shardId
    bool more = false;            // records after the last one returned exist
};

}  // namespace shardscope::stream

// SPDX-License-Identifier: MIT
// Stream inspection without iterators (stream/api.h): a stream's lineage after rollover and
// split, its records across shards in sequence-number order, paging, the shard filter, the
// 24-hour trim, errors, and the partition hash that routes a key to its shard.
#include <algorithm>
#include <cstdio>
#include <set>

#include "model/json.h"
#include "sim/random.h"
#include "stream/log.h"
#include "streamfixture.h"

namespace shardscope::testing {
namespace {

constexpr sim::Millis kHour = 3600 * 1000;

json forumItem(const std::string& pk, const std::string& sk) {
    return {{"pk", S(pk)}, {"sk", S(sk)}};
}

// Partition keys spread over the whole hash range (short keys that differ in a digit or two
// mostly share the top bits of the hash, so they would all land in one child of a split).
std::string spreadKey(int i) {
    char text[24];
    std::snprintf(text, sizeof text, "%016llx",
                  static_cast<unsigned long long>(sim::Random::mix(uint64_t(i))));
    return text;
}

model::Item forumKey(const std::string& pk, const std::string& sk) {
    return {{"pk", model::AttributeValue::string(pk)}, {"sk", model::AttributeValue::string(sk)}};
}

class StreamInspect : public WireStreams {
protected:
    stream::StreamLineage lineage() {
        auto result = m_db->streamLineage(kForumStreamArn);
        EXPECT_TRUE(result.ok()) << result.error().message;
        return result.ok() ? *result : stream::StreamLineage{};
    }

    stream::ReadRecordsResult read(stream::ReadRecordsRequest request) {
        request.streamArn = kForumStreamArn;
        auto result = m_db->readRecords(request);
        EXPECT_TRUE(result.ok()) << result.error().message;
        return result.ok() ? *result : stream::ReadRecordsResult{};
    }

    std::vector<stream::Record> readAll(size_t limit = 10000) {
        stream::ReadRecordsRequest request;
        request.limit = limit;
        return read(request).records;
    }

    ErrorCode readError(const stream::ReadRecordsRequest& request) {
        auto result = m_db->readRecords(request);
        EXPECT_FALSE(result.ok());
        return result.ok() ? ErrorCode::InternalServerError : result.error().code;
    }

    // Enough writes within one second of clock time to split the first shard (1,000 per second).
    void splitFirstShard() {
        for (int i = 0; i < 1001; ++i) putItem(forumItem("k" + std::to_string(i), "s"));
    }

    void advance(sim::Millis ms) {
        ASSERT_TRUE(m_clock.jumpTo(m_clock.now() + ms));
        ASSERT_TRUE(m_db->runDue().ok());
    }
};

void expectStrictlyIncreasing(const std::vector<stream::Record>& records) {
    for (size_t i = 1; i < records.size(); ++i)
        ASSERT_TRUE(sequenceLess(records[i - 1].sequenceNumber, records[i].sequenceNumber))
            << i << ": " << records[i - 1].sequenceNumber << " !< " << records[i].sequenceNumber;
}

TEST_F(StreamInspect, LineageDescribesTheStream) {
    createForum("NEW_IMAGE");
    const stream::StreamLineage l = lineage();
    EXPECT_EQ(l.streamArn, kForumStreamArn);
    EXPECT_EQ(l.tableName, "Forum");
    EXPECT_EQ(l.streamLabel, kLabel);
    EXPECT_EQ(l.streamStatus, "ENABLED");
    EXPECT_EQ(l.viewType, stream::ViewType::NewImage);
    EXPECT_EQ(l.keySchema.partition.name, "pk");
    ASSERT_TRUE(l.keySchema.sort.has_value());
    EXPECT_EQ(l.keySchema.sort->name, "sk");
    EXPECT_EQ(l.createdMs, kStart);
    EXPECT_FALSE(l.disabledMs.has_value());
    ASSERT_EQ(l.shards.size(), 1u);
    const stream::ShardInfo& shard = l.shards[0];
    EXPECT_EQ(shard.parentShardId, "");
    EXPECT_EQ(shard.hashLo, 0u);
    EXPECT_EQ(shard.hashHi, UINT32_MAX);
    EXPECT_EQ(shard.createdMs, kStart);
    EXPECT_FALSE(shard.closedMs.has_value());
    EXPECT_FALSE(shard.endingSequenceNumber.has_value());
    EXPECT_TRUE(isSequenceNumber(shard.startingSequenceNumber));
    EXPECT_EQ(shard.trimmedThroughSequenceNumber, "");
}

// The lineage catches up with time itself: no runDue between the jump and the call.
TEST_F(StreamInspect, LineageAfterRollover) {
    createForum();
    putItem(forumItem("a", "1"));
    ASSERT_TRUE(m_clock.jumpTo(kStart + 4 * kHour));
    const stream::StreamLineage l = lineage();
    ASSERT_EQ(l.shards.size(), 2u);
    const stream::ShardInfo& parent = l.shards[0];
    const stream::ShardInfo& child = l.shards[1];
    EXPECT_EQ(parent.closedMs, kStart + 4 * kHour);
    ASSERT_TRUE(parent.endingSequenceNumber.has_value());
    EXPECT_EQ(child.parentShardId, parent.shardId);
    EXPECT_EQ(child.createdMs, kStart + 4 * kHour);
    EXPECT_FALSE(child.closedMs.has_value());
    EXPECT_EQ(child.hashLo, parent.hashLo);
    EXPECT_EQ(child.hashHi, parent.hashHi);
    EXPECT_TRUE(sequenceLess(*parent.endingSequenceNumber, child.startingSequenceNumber));
    // The same view the Streams API gives.
    const json described = streamsOk("DescribeStream", {{"StreamArn", kForumStreamArn}});
    const json& shards = described["StreamDescription"]["Shards"];
    ASSERT_EQ(shards.size(), 2u);
    EXPECT_EQ(shards[0]["ShardId"], parent.shardId);
    EXPECT_EQ(shards[1]["ShardId"], child.shardId);
}

TEST_F(StreamInspect, LineageAfterSplit) {
    createForum("KEYS_ONLY");
    splitFirstShard();
    const stream::StreamLineage l = lineage();
    ASSERT_EQ(l.shards.size(), 3u);
    const stream::ShardInfo& parent = l.shards[0];
    ASSERT_TRUE(parent.closedMs.has_value());
    ASSERT_TRUE(parent.endingSequenceNumber.has_value());
    for (size_t i = 1; i < 3; ++i) {
        EXPECT_EQ(l.shards[i].parentShardId, parent.shardId);
        EXPECT_FALSE(l.shards[i].closedMs.has_value());
        EXPECT_TRUE(sequenceLess(*parent.endingSequenceNumber, l.shards[i].startingSequenceNumber));
    }
    // The children halve the parent's hash range between them.
    EXPECT_EQ(l.shards[1].hashLo, parent.hashLo);
    EXPECT_EQ(l.shards[2].hashHi, parent.hashHi);
    EXPECT_EQ(uint64_t(l.shards[1].hashHi) + 1, uint64_t(l.shards[2].hashLo));
}

TEST_F(StreamInspect, RecordsOfEveryShardInSequenceOrderAfterASplit) {
    createForum();
    splitFirstShard();
    for (int i = 0; i < 300; ++i) putItem(forumItem(spreadKey(i), "s"));
    const std::vector<stream::Record> records = readAll();
    ASSERT_EQ(records.size(), 1301u);
    expectStrictlyIncreasing(records);
    const stream::StreamLineage l = lineage();
    ASSERT_EQ(l.shards.size(), 3u);
    std::map<std::string, size_t> perShard;
    for (const auto& r : records) {
        ++perShard[r.shardId];
        EXPECT_EQ(r.eventName, stream::EventName::Insert);
        EXPECT_EQ(r.streamViewType, stream::ViewType::NewAndOldImages);
        ASSERT_TRUE(r.newImage.has_value());
        EXPECT_EQ(r.keys.at("pk"), r.newImage->at("pk"));
    }
    EXPECT_EQ(perShard[l.shards[0].shardId], 1001u);
    EXPECT_GT(perShard[l.shards[1].shardId], 0u);
    EXPECT_GT(perShard[l.shards[2].shardId], 0u);
    EXPECT_EQ(perShard[l.shards[1].shardId] + perShard[l.shards[2].shardId], 300u);
    // The records after the split interleave the two children.
    std::set<std::string> lastShards;
    for (size_t i = 1001; i < 1011; ++i) lastShards.insert(records[i].shardId);
    EXPECT_EQ(lastShards.size(), 2u);
}

TEST_F(StreamInspect, PagesWithAfterSequenceNumber) {
    createForum();
    splitFirstShard();
    for (int i = 0; i < 250; ++i) putItem(forumItem(spreadKey(i), "s"));
    const std::vector<stream::Record> all = readAll();
    ASSERT_EQ(all.size(), 1251u);

    std::vector<stream::Record> paged;
    stream::ReadRecordsRequest request;
    request.limit = 100;
    for (int page = 0; page < 20; ++page) {
        const stream::ReadRecordsResult result = read(request);
        paged.insert(paged.end(), result.records.begin(), result.records.end());
        if (!result.more) break;
        ASSERT_EQ(result.records.size(), 100u);
        request.afterSequenceNumber = result.records.back().sequenceNumber;
    }
    ASSERT_EQ(paged.size(), all.size());
    for (size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(paged[i].sequenceNumber, all[i].sequenceNumber);
        EXPECT_EQ(paged[i].shardId, all[i].shardId);
        EXPECT_EQ(paged[i].eventId, all[i].eventId);
    }
    // A page that ends exactly at the last record says there is no more.
    request.afterSequenceNumber = all[all.size() - 3].sequenceNumber;
    request.limit = 2;
    const stream::ReadRecordsResult last = read(request);
    ASSERT_EQ(last.records.size(), 2u);
    EXPECT_FALSE(last.more);
    request.afterSequenceNumber = all.back().sequenceNumber;
    EXPECT_TRUE(read(request).records.empty());
}

TEST_F(StreamInspect, NumbersOutsideOursReadFromTheStartOrNothing) {
    createForum();
    putItem(forumItem("a", "1"));
    putItem(forumItem("a", "2"));
    stream::ReadRecordsRequest request;
    request.afterSequenceNumber = "000000000000000000000";
    EXPECT_EQ(read(request).records.size(), 2u);
    request.afterSequenceNumber = "999999999999999999999";
    const stream::ReadRecordsResult beyond = read(request);
    EXPECT_TRUE(beyond.records.empty());
    EXPECT_FALSE(beyond.more);
    request.afterSequenceNumber = "1000000000000000000000000";  // 25 digits: after all of ours
    EXPECT_TRUE(read(request).records.empty());
}

TEST_F(StreamInspect, ShardFilterReadsOneShard) {
    createForum();
    splitFirstShard();
    for (int i = 0; i < 200; ++i) putItem(forumItem(spreadKey(i), "s"));
    const stream::StreamLineage l = lineage();
    ASSERT_EQ(l.shards.size(), 3u);
    size_t total = 0;
    for (const auto& shard : l.shards) {
        stream::ReadRecordsRequest request;
        request.shardId = shard.shardId;
        request.limit = 10000;
        const stream::ReadRecordsResult result = read(request);
        EXPECT_FALSE(result.more);
        expectStrictlyIncreasing(result.records);
        for (const auto& r : result.records) EXPECT_EQ(r.shardId, shard.shardId);
        total += result.records.size();
        // Paging within the shard.
        request.limit = 7;
        const stream::ReadRecordsResult first = read(request);
        ASSERT_EQ(first.records.size(), 7u);
        EXPECT_TRUE(first.more);
        request.afterSequenceNumber = first.records.back().sequenceNumber;
        const stream::ReadRecordsResult second = read(request);
        ASSERT_FALSE(second.records.empty());
        EXPECT_EQ(second.records[0].sequenceNumber, result.records[7].sequenceNumber);
    }
    EXPECT_EQ(total, 1201u);
}

// §5.6: the same millisecond edge as GetRecords, before and after the purge has run.
TEST_F(StreamInspect, TrimmedRecordsAreExcluded) {
    createForum();
    putItem(forumItem("a", "1"));
    advance(kHour);
    putItem(forumItem("a", "2"));
    advance(23 * kHour);  // the first record is exactly 24 h old: still readable
    std::vector<stream::Record> records = readAll();
    ASSERT_EQ(records.size(), 2u);
    const std::string firstSequence = records[0].sequenceNumber;
    EXPECT_EQ(lineage().shards[0].trimmedThroughSequenceNumber, "");

    ASSERT_TRUE(m_clock.jumpTo(m_clock.now() + 1));  // past the edge, before any purge
    records = readAll();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].keys.at("sk").asString(), "2");
    EXPECT_EQ(lineage().shards[0].trimmedThroughSequenceNumber, firstSequence);
    stream::ReadRecordsRequest fromTrimmed;
    fromTrimmed.afterSequenceNumber = "000000000000000000000";
    EXPECT_EQ(read(fromTrimmed).records.size(), 1u);

    advance(2 * 60 * 1000);  // the purge deletes it for good
    records = readAll();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(lineage().shards[0].trimmedThroughSequenceNumber, firstSequence);
}

TEST_F(StreamInspect, UnknownStreamOrShardIsNotFound) {
    createForum();
    putItem(forumItem("a", "1"));
    for (const std::string& arn :
         {kForumArn + "/stream/2000-01-01T00:00:00.000", std::string("garbage"), std::string()}) {
        auto l = m_db->streamLineage(arn);
        ASSERT_FALSE(l.ok()) << arn;
        EXPECT_EQ(l.error().code, ErrorCode::ResourceNotFound) << arn;
        stream::ReadRecordsRequest request;
        request.streamArn = arn;
        EXPECT_EQ(readError(request), ErrorCode::ResourceNotFound) << arn;
    }
    stream::ReadRecordsRequest request;
    request.streamArn = kForumStreamArn;
    request.shardId = "shardId-00000000000000000000-deadbeef";
    EXPECT_EQ(readError(request), ErrorCode::ResourceNotFound);
}

TEST_F(StreamInspect, MalformedSequenceNumberOrLimitIsInvalid) {
    createForum();
    stream::ReadRecordsRequest request;
    request.streamArn = kForumStreamArn;
    for (const char* bad : {"", "12", "1000000000000000000000000000000000000000000",
                            "10000000000000000000a", "-10000000000000000000"}) {
        request.afterSequenceNumber = bad;
        EXPECT_EQ(readError(request), ErrorCode::Validation) << bad;
    }
    request.afterSequenceNumber.reset();
    for (const size_t bad : {size_t(0), size_t(10001), SIZE_MAX}) {
        request.limit = bad;
        EXPECT_EQ(readError(request), ErrorCode::Validation) << bad;
    }
    request.limit = 10000;
    EXPECT_TRUE(m_db->readRecords(request).ok());
}

TEST_F(StreamInspect, StoredEncodingsOnlyWhenImagesAreNotDecoded) {
    createForum();
    putItem(forumItem("a", "1"));
    stream::ReadRecordsRequest request;
    request.decodeImages = false;
    const stream::ReadRecordsResult result = read(request);
    ASSERT_EQ(result.records.size(), 1u);
    EXPECT_TRUE(result.records[0].keys.empty());
    EXPECT_FALSE(result.records[0].newImage.has_value());
    EXPECT_FALSE(result.records[0].encodedKeys.empty());
    EXPECT_FALSE(result.records[0].encodedNewImage.empty());
}

// A key's records all land in the one open shard whose hash range holds its partition hash.
TEST_F(StreamInspect, PartitionHashLiesInTheShardARecordLandedIn) {
    createForum();
    splitFirstShard();
    for (int i = 0; i < 100; ++i) putItem(forumItem(spreadKey(i), "x"));
    const stream::StreamLineage l = lineage();
    std::map<std::string, stream::ShardInfo> shards;
    for (const auto& s : l.shards) shards[s.shardId] = s;
    const std::vector<stream::Record> records = readAll();
    ASSERT_EQ(records.size(), 1101u);
    for (const auto& r : records) {
        auto hash = m_db->partitionHash("Forum", r.keys);
        ASSERT_TRUE(hash.ok()) << hash.error().message;
        const stream::ShardInfo& shard = shards.at(r.shardId);
        EXPECT_GE(*hash, shard.hashLo) << model::toJson(r.keys).dump();
        EXPECT_LE(*hash, shard.hashHi) << model::toJson(r.keys).dump();
    }
    // Only the partition key counts.
    EXPECT_EQ(*m_db->partitionHash("Forum", forumKey("a", "1")),
              *m_db->partitionHash("Forum", forumKey("a", "2")));
}

TEST_F(StreamInspect, PartitionHashChecksKeysAsGetItemDoes) {
    createForum();
    auto missingTable = m_db->partitionHash("Nope", forumKey("a", "1"));
    ASSERT_FALSE(missingTable.ok());
    EXPECT_EQ(missingTable.error().code, ErrorCode::ResourceNotFound);
    auto partOfKey = m_db->partitionHash("Forum", {{"pk", model::AttributeValue::string("a")}});
    ASSERT_FALSE(partOfKey.ok());
    EXPECT_EQ(partOfKey.error().code, ErrorCode::Validation);
    EXPECT_EQ(partOfKey.error().message, "The provided key element does not match the schema");
    auto wrongType = m_db->partitionHash(
        "Forum", {{"pk", model::AttributeValue::number(model::Number::fromInt(1))},
                  {"sk", model::AttributeValue::string("a")}});
    ASSERT_FALSE(wrongType.ok());
    EXPECT_EQ(wrongType.error().code, ErrorCode::Validation);
}

// Short periods and two parallel lineages: dozens of shards, open ones side by side, closed ones
// behind. Paging across them gives every record once, in order, as reading each shard does.
TEST(StreamInspectManyShards, PagesAcrossRolloversInOrder) {
    sim::Clock clock(sim::Clock::Mode::Virtual, kStart);
    table::DatabaseOptions options(":memory:");
    options.clock = &clock;
    options.streams.rolloverPeriodMs = 1000;
    options.streams.initialShards = 2;
    auto opened = table::Database::open(options);
    ASSERT_TRUE(opened.ok());
    table::Database& db = **opened;
    table::CreateTableRequest create;
    create.tableName = "Tasks";
    create.keySchema = {{"pk", "HASH"}};
    create.attributeDefinitions = {{"pk", "S"}};
    create.billingMode = "PAY_PER_REQUEST";
    create.streamSpecification = table::StreamSpecification{true, "KEYS_ONLY"};
    auto table = db.createTable(create);
    ASSERT_TRUE(table.ok());
    const std::string arn = *table->latestStreamArn;
    for (int i = 0; i < 600; ++i) {
        table::PutItemRequest put;
        put.tableName = "Tasks";
        put.item = {{"pk", model::AttributeValue::string(spreadKey(i % 97))},
                    {"n", model::AttributeValue::number(model::Number::fromInt(i))}};
        ASSERT_TRUE(db.putItem(put).ok());
        if (i % 7 == 0) {
            clock.advanceBy(300);
            ASSERT_TRUE(db.runDue().ok());
        }
    }
    auto l = db.streamLineage(arn);
    ASSERT_TRUE(l.ok());
    ASSERT_GT(l->shards.size(), 40u);

    std::vector<std::string> byShard;
    for (const auto& shard : l->shards) {
        stream::ReadRecordsRequest request;
        request.streamArn = arn;
        request.shardId = shard.shardId;
        auto read = db.readRecords(request);
        ASSERT_TRUE(read.ok());
        for (const auto& r : read->records) byShard.push_back(r.sequenceNumber);
    }
    std::sort(byShard.begin(), byShard.end());
    ASSERT_EQ(byShard.size(), 600u);

    std::vector<std::string> paged;
    stream::ReadRecordsRequest request;
    request.streamArn = arn;
    request.limit = 13;
    for (int page = 0; page < 100; ++page) {
        auto read = db.readRecords(request);
        ASSERT_TRUE(read.ok());
        for (const auto& r : read->records) paged.push_back(r.sequenceNumber);
        if (!read->more) break;
        request.afterSequenceNumber = read->records.back().sequenceNumber;
    }
    EXPECT_EQ(paged, byShard);
}

// Sequence numbers past int64 are not ours (and parsing them must not overflow).
TEST(StreamSequenceNumbers, ParseRefusesValuesPastInt64) {
    EXPECT_EQ(stream::parseSequenceNumber("109223372036854775807"), INT64_MAX);
    EXPECT_EQ(stream::parseSequenceNumber("109223372036854775808"), 0);
    EXPECT_EQ(stream::parseSequenceNumber("180000000000000000000"), 0);
    EXPECT_EQ(stream::parseSequenceNumber("199999999999999999999"), 0);
    EXPECT_EQ(stream::parseSequenceNumber("100000000000000000042"), 42);
    EXPECT_EQ(stream::parseSequenceNumber("42"), std::nullopt);
}

}  // namespace
}  // namespace shardscope::testing

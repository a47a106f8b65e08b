// SPDX-License-Identifier: MIT
// DynamoDB Streams rules on the virtual clock, to the millisecond (reference §5): which writes make
// a record, the images of each view type, shard rollover and lineage, splits, the 24-hour trim
// edge, iterator expiry, disable and re-enable, and a seeded run replaying byte for byte.
#include <cstdio>
#include <set>

#include "streamfixture.h"

namespace shardscope::testing {
namespace {

constexpr sim::Millis kHour = 3600 * 1000;

class StreamRules : public WireStreams {
protected:
    std::string streamArn() {
        return ok("DescribeTable", {{"TableName", "Forum"}})["Table"]["LatestStreamArn"];
    }

    json shards(const std::string& arn) {
        return streamsOk("DescribeStream", {{"StreamArn", arn}})["StreamDescription"]["Shards"];
    }

    // Every record of the stream: each shard from TRIM_HORIZON, parents first (ShardId order).
    json allRecords(const std::string& arn) {
        json records = json::array();
        for (const auto& shard : shards(arn)) {
            std::string it = streamsOk("GetShardIterator", {{"StreamArn", arn},
                                                            {"ShardId", shard["ShardId"]},
                                                            {"ShardIteratorType", "TRIM_HORIZON"}})
                                 .value("ShardIterator", "");
            for (int call = 0; call < 100 && !it.empty(); ++call) {
                const json page = streamsOk("GetRecords", {{"ShardIterator", it}});
                for (const auto& r : page["Records"]) records.push_back(r);
                if (page["Records"].empty()) break;
                it = page.value("NextShardIterator", "");
            }
        }
        return records;
    }

    std::vector<std::string> eventNames(const std::string& arn) {
        std::vector<std::string> names;
        for (const auto& r : allRecords(arn)) names.push_back(r["eventName"]);
        return names;
    }

    json item(const std::string& pk, const std::string& sk, const std::string& data = "") {
        json i = {{"pk", {{"S", pk}}}, {"sk", {{"S", sk}}}};
        if (!data.empty()) i["data"] = {{"S", data}};
        return i;
    }

    json key(const std::string& pk, const std::string& sk) { return item(pk, sk); }

    void advance(sim::Millis ms) {
        ASSERT_TRUE(m_clock.jumpTo(m_clock.now() + ms));
        ASSERT_TRUE(m_db->runDue().ok());
    }
};

using Names = std::vector<std::string>;

// §5.2: exactly one record per item that really changed, none otherwise.
TEST_F(StreamRules, OnlyRealChangesMakeRecords) {
    createForum();
    const std::string arn = streamArn();
    putItem(item("a", "1", "x"));  // INSERT
    putItem(item("a", "1", "x"));  // identical: none
    putItem(item("a", "1", "y"));  // MODIFY
    ok("UpdateItem", {{"TableName", "Forum"},
                      {"Key", key("a", "1")},  // same value: none
                      {"UpdateExpression", "SET #d = :v"},
                      {"ExpressionAttributeNames", {{"#d", "data"}}},
                      {"ExpressionAttributeValues", {{":v", {{"S", "y"}}}}}});
    ok("UpdateItem", {{"TableName", "Forum"},
                      {"Key", key("a", "1")},  // missing attr: none
                      {"UpdateExpression", "REMOVE nothere"}});
    ok("UpdateItem", {{"TableName", "Forum"},
                      {"Key", key("b", "1")},  // REMOVE-only, no item
                      {"UpdateExpression", "REMOVE nothere"}});
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", key("zz", "1")}});  // missing: none
    fails("PutItem",
          {{"TableName", "Forum"},
           {"Item", item("a", "1", "z")},  // condition fails
           {"ConditionExpression", "attribute_not_exists(pk)"}},
          "ConditionalCheckFailedException");
    const json cancelled =
        json::array({{{"Put", {{"TableName", "Forum"}, {"Item", item("c", "1")}}}},
                     {{"ConditionCheck",
                       {{"TableName", "Forum"},
                        {"Key", key("a", "1")},
                        {"ConditionExpression", "attribute_not_exists(pk)"}}}}});
    fails("TransactWriteItems", {{"TransactItems", cancelled}},  // cancelled: none
          "TransactionCanceledException");
    ok("UpdateItem", {{"TableName", "Forum"},
                      {"Key", key("d", "1")},  // creates: INSERT
                      {"UpdateExpression", "SET n = :n"},
                      {"ExpressionAttributeValues", {{":n", {{"N", "1"}}}}}});
    const json batch = json::array({{{"PutRequest", {{"Item", item("e", "1")}}}},
                                    {{"DeleteRequest", {{"Key", key("d", "1")}}}}});
    ok("BatchWriteItem", {{"RequestItems", {{"Forum", batch}}}});
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", key("a", "1")}});  // REMOVE
    const Names names = eventNames(arn);
    EXPECT_EQ(names, (Names{"INSERT", "MODIFY", "INSERT", "INSERT", "REMOVE", "REMOVE"}));
}

// §5.1: images are whole items, per view type.
struct ViewCase {
    const char* viewType;
    bool newImage;
    bool oldImage;
};

class StreamViewTypes : public StreamRules, public ::testing::WithParamInterface<ViewCase> {};

TEST_P(StreamViewTypes, RecordCarriesTheImagesOfItsViewType) {
    const ViewCase& c = GetParam();
    createForum(c.viewType);
    const std::string arn = streamArn();
    putItem(item("a", "b", "test"));
    putItem(item("a", "b", "hello"));
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", key("a", "b")}});
    const json records = allRecords(arn);
    ASSERT_EQ(records.size(), 3u);
    for (const auto& r : records) {
        const json& d = r["dynamodb"];
        EXPECT_EQ(d["Keys"], key("a", "b"));
        EXPECT_EQ(d["StreamViewType"], c.viewType);
        const std::string name = r["eventName"];
        EXPECT_EQ(d.contains("NewImage"), c.newImage && name != "REMOVE") << name;
        EXPECT_EQ(d.contains("OldImage"), c.oldImage && name != "INSERT") << name;
    }
    // §5.1 worked sizes: keys {pk:"a",sk:"b"} = 6; the MODIFY with both images = 6 + 15 + 14.
    int64_t expectedModify = 6 + (c.newImage ? 15 : 0) + (c.oldImage ? 14 : 0);
    EXPECT_EQ(records[1]["dynamodb"]["SizeBytes"], expectedModify);
    if (c.newImage) {
        EXPECT_EQ(records[1]["dynamodb"]["NewImage"], item("a", "b", "hello"));
    }
    if (c.oldImage) {
        EXPECT_EQ(records[1]["dynamodb"]["OldImage"], item("a", "b", "test"));
    }
}

INSTANTIATE_TEST_SUITE_P(StreamRules, StreamViewTypes,
                         ::testing::Values(ViewCase{"KEYS_ONLY", false, false},
                                           ViewCase{"NEW_IMAGE", true, false},
                                           ViewCase{"OLD_IMAGE", false, true},
                                           ViewCase{"NEW_AND_OLD_IMAGES", true, true}),
                         [](const auto& info) { return std::string(info.param.viewType); });

// §5.1, §5.4: record fields and growing sequence numbers of 21+ digits.
TEST_F(StreamRules, RecordFieldsAndSequenceNumbers) {
    createForum();
    const std::string arn = streamArn();
    for (int i = 0; i < 5; ++i) {
        putItem(item("k", std::to_string(i)));
        advance(1500);
    }
    const json records = allRecords(arn);
    ASSERT_EQ(records.size(), 5u);
    std::set<std::string> ids;
    for (size_t i = 0; i < records.size(); ++i) {
        const json& r = records[i];
        EXPECT_EQ(r["eventVersion"], "1.1");
        EXPECT_EQ(r["eventSource"], "aws:dynamodb");
        EXPECT_EQ(r["awsRegion"], "us-east-1");
        const std::string id = r["eventID"];
        EXPECT_EQ(id.size(), 32u);
        EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
        ids.insert(id);
        // Epoch seconds, rounded down: written at kStart + 1.5 s * i.
        EXPECT_EQ(r["dynamodb"]["ApproximateCreationDateTime"],
                  (kStart + 1500 * sim::Millis(i)) / 1000);
        EXPECT_TRUE(isSequenceNumber(r["dynamodb"]["SequenceNumber"]));
        if (i > 0) {
            EXPECT_TRUE(sequenceLess(records[i - 1]["dynamodb"]["SequenceNumber"],
                                     r["dynamodb"]["SequenceNumber"]));
        }
        EXPECT_FALSE(r.contains("userIdentity"));
    }
    EXPECT_EQ(ids.size(), 5u);
}

// §5.4: a shard closes when its period ends (4 h by default) and hands over to a child.
TEST_F(StreamRules, ShardRollsOverAtTheEndOfItsPeriod) {
    createForum();
    const std::string arn = streamArn();
    putItem(item("a", "1"));
    advance(4 * kHour - 1);
    ASSERT_EQ(shards(arn).size(), 1u) << "one millisecond before the period ends";
    advance(1);
    const json after = shards(arn);
    ASSERT_EQ(after.size(), 2u);
    const json& parent = after[0];
    const json& child = after[1];
    EXPECT_TRUE(parent["SequenceNumberRange"].contains("EndingSequenceNumber"));
    EXPECT_FALSE(child["SequenceNumberRange"].contains("EndingSequenceNumber"));
    EXPECT_EQ(child["ParentShardId"], parent["ShardId"]);
    EXPECT_TRUE(sequenceLess(parent["SequenceNumberRange"]["EndingSequenceNumber"],
                             child["SequenceNumberRange"]["StartingSequenceNumber"]));
    // ShardId: shardId-<20-digit creation ms>-<8 hex>; the child was born exactly 4 h later.
    const std::string childId = child["ShardId"];
    EXPECT_EQ(childId.substr(0, 29),
              "shardId-" + std::string(20 - 13, '0') + std::to_string(kStart + 4 * kHour) + "-");
    // A reader of the closed parent gets its record, then no NextShardIterator (§5.6).
    const std::string it = streamsOk("GetShardIterator", {{"StreamArn", arn},
                                                          {"ShardId", parent["ShardId"]},
                                                          {"ShardIteratorType", "TRIM_HORIZON"}})
                               .value("ShardIterator", "");
    const json page = streamsOk("GetRecords", {{"ShardIterator", it}});
    EXPECT_EQ(page["Records"].size(), 1u);
    EXPECT_FALSE(page.contains("NextShardIterator"));
    // The same key now lands in the child.
    putItem(item("a", "2"));
    const json records = allRecords(arn);
    ASSERT_EQ(records.size(), 2u);
}

// A clock that jumps days ahead does not leave a trail of empty shards nobody can read.
TEST_F(StreamRules, LongJumpKeepsOnlyTheShardsInsideTheWindow) {
    createForum();
    const std::string arn = streamArn();
    advance(10 * 24 * kHour);
    const json list = shards(arn);
    EXPECT_LE(list.size(), 8u) << brief(list);
    EXPECT_FALSE(list.back()["SequenceNumberRange"].contains("EndingSequenceNumber"));
}

// §5.4 split model: more than splitRecordsPerSecond (1,000) records in one second of clock time.
TEST_F(StreamRules, BusyShardSplitsIntoTwoChildren) {
    createForum("KEYS_ONLY");
    const std::string arn = streamArn();
    for (int i = 0; i < 1001; ++i) putItem(item("k" + std::to_string(i), "s"));
    const json list = shards(arn);
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[1]["ParentShardId"], list[0]["ShardId"]);
    EXPECT_EQ(list[2]["ParentShardId"], list[0]["ShardId"]);
    // Every key keeps its order: all its records in one lineage, parents before children.
    for (int i = 0; i < 50; ++i) putItem(item("k" + std::to_string(i), "s"));  // no-op re-puts
    EXPECT_EQ(allRecords(arn).size(), 1001u);
}

// §5.6 / §0: records older than 24 hours are trimmed; TRIM_HORIZON moves with the edge.
TEST_F(StreamRules, TrimEdgeToTheMillisecond) {
    createForum();
    const std::string arn = streamArn();
    putItem(item("a", "1"));
    advance(kHour);
    putItem(item("a", "2"));
    advance(23 * kHour);  // the first record is exactly 24 h old
    const std::string shard = shards(arn)[0]["ShardId"];
    auto trimHorizon = [&] {
        const std::string it =
            streamsOk(
                "GetShardIterator",
                {{"StreamArn", arn}, {"ShardId", shard}, {"ShardIteratorType", "TRIM_HORIZON"}})
                .value("ShardIterator", "");
        return streamsOk("GetRecords", {{"ShardIterator", it}})["Records"];
    };
    const std::string held =
        streamsOk("GetShardIterator",
                  {{"StreamArn", arn}, {"ShardId", shard}, {"ShardIteratorType", "TRIM_HORIZON"}})
            .value("ShardIterator", "");
    ASSERT_EQ(trimHorizon().size(), 2u);
    advance(1);
    const json left = trimHorizon();
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0]["dynamodb"]["Keys"]["sk"]["S"], "2");
    // An iterator taken before the edge passed now points into trimmed data.
    streamsFails("GetRecords", {{"ShardIterator", held}}, "TrimmedDataAccessException");
}

// §5.6: an iterator is valid for 15 minutes from issue, then ExpiredIteratorException.
TEST_F(StreamRules, IteratorsExpireAfterFifteenMinutes) {
    createForum();
    const std::string arn = streamArn();
    putItem(item("a", "1"));
    const std::string it = iterator(arn, "TRIM_HORIZON");
    advance(15 * 60 * 1000);
    const json page = streamsOk("GetRecords", {{"ShardIterator", it}});  // still valid, reusable
    EXPECT_EQ(page["Records"].size(), 1u);
    advance(1);
    streamsFails("GetRecords", {{"ShardIterator", it}}, "ExpiredIteratorException");
    // The NextShardIterator from the last good call is fresh.
    EXPECT_EQ(
        streamsOk("GetRecords", {{"ShardIterator", page["NextShardIterator"]}})["Records"].size(),
        0u);
}

// Iterators are signed: a changed byte or a made-up one is refused.
TEST_F(StreamRules, ForgedIteratorsAreRejected) {
    createForum();
    const std::string arn = streamArn();
    std::string it = iterator(arn, "TRIM_HORIZON");
    std::string forged = it;
    forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
    streamsFails("GetRecords", {{"ShardIterator", forged}}, "ValidationException");
    streamsFails("GetRecords", {{"ShardIterator", arn + "|1|AAAA"}}, "ValidationException");
    streamsFails("GetRecords", {{"ShardIterator", "garbage"}}, "ValidationException");
}

// §5.6: AT/AFTER_SEQUENCE_NUMBER position; LATEST sees only what comes after it.
TEST_F(StreamRules, IteratorPositions) {
    createForum();
    const std::string arn = streamArn();
    putItem(item("a", "1"));
    putItem(item("a", "2"));
    const json records = allRecords(arn);
    const std::string first = records[0]["dynamodb"]["SequenceNumber"];
    const std::string latest = iterator(arn, "LATEST");
    EXPECT_EQ(readOpenShard(iterator(arn, "AT_SEQUENCE_NUMBER", first)).size(), 2u);
    EXPECT_EQ(readOpenShard(iterator(arn, "AFTER_SEQUENCE_NUMBER", first)).size(), 1u);
    EXPECT_EQ(readOpenShard(latest).size(), 0u);
    putItem(item("a", "3"));
    EXPECT_EQ(readOpenShard(latest).size(), 1u);
    // A sequence number of the right shape that is not in the shard.
    const std::string shard = onlyShard(arn);
    streamsFails("GetShardIterator",
                 {{"StreamArn", arn},
                  {"ShardId", shard},
                  {"ShardIteratorType", "AT_SEQUENCE_NUMBER"},
                  {"SequenceNumber", "999999999999999999999"}},
                 "ValidationException");
}

// §2.4, §5.7: disable closes the shards; the old stream stays readable 24 h; re-enable is new.
TEST_F(StreamRules, DisableAndReEnable) {
    createForum();
    const std::string oldArn = streamArn();
    putItem(item("a", "1"));
    ok("UpdateTable",
       {{"TableName", "Forum"}, {"StreamSpecification", {{"StreamEnabled", false}}}});
    putItem(item("a", "2"));  // no stream: no record
    const json d = streamsOk("DescribeStream", {{"StreamArn", oldArn}})["StreamDescription"];
    EXPECT_EQ(d["StreamStatus"], "DISABLED");
    EXPECT_TRUE(d["Shards"][0]["SequenceNumberRange"].contains("EndingSequenceNumber"));
    advance(1000);
    ok("UpdateTable",
       {{"TableName", "Forum"},
        {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}});
    const std::string newArn = streamArn();
    EXPECT_NE(newArn, oldArn);
    putItem(item("a", "3"));
    EXPECT_EQ(allRecords(oldArn).size(), 1u);
    EXPECT_EQ(allRecords(newArn).size(), 1u);
    EXPECT_EQ(streamsOk("ListStreams", {{"TableName", "Forum"}})["Streams"].size(), 2u);
    advance(24 * kHour);
    streamsFails("DescribeStream", {{"StreamArn", oldArn}}, "ResourceNotFoundException");
    EXPECT_EQ(streamsOk("ListStreams", {{"TableName", "Forum"}})["Streams"].size(), 1u);
}

// §2.5: deleting the table leaves its stream DISABLED and readable.
TEST_F(StreamRules, DeletedTableLeavesItsStreamReadable) {
    createForum();
    const std::string arn = streamArn();
    putItem(item("a", "1"));
    ok("DeleteTable", {{"TableName", "Forum"}});
    EXPECT_EQ(
        streamsOk("DescribeStream", {{"StreamArn", arn}})["StreamDescription"]["StreamStatus"],
        "DISABLED");
    EXPECT_EQ(allRecords(arn).size(), 1u);
    createForum();  // same name, same table id reused: a new stream, not the old one
    EXPECT_NE(streamArn(), arn);
}

// A database on its own clock, driven through the wire layer with both targets.
struct World {
    explicit World(const table::DatabaseOptions& options) {
        auto opened = table::Database::open(options);
        EXPECT_TRUE(opened.ok()) << opened.error().message;
        db = std::move(*opened);
        dispatcher = std::make_unique<wire::Dispatcher>(*db);
    }
    json call(std::string_view target, const json& body) {
        return json::parse(dispatcher->handle(std::string(target), body.dump(), "us-east-1").body);
    }
    // Tasks (pk S) with a stream of `viewType`.
    json createTasks(const std::string& viewType) {
        return call(
            "DynamoDB_20120810.CreateTable",
            {{"TableName", "Tasks"},
             {"KeySchema", json::array({{{"AttributeName", "pk"}, {"KeyType", "HASH"}}})},
             {"AttributeDefinitions",
              json::array({{{"AttributeName", "pk"}, {"AttributeType", "S"}}})},
             {"BillingMode", "PAY_PER_REQUEST"},
             {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", viewType}}}});
    }
    std::unique_ptr<table::Database> db;
    std::unique_ptr<wire::Dispatcher> dispatcher;
};

// A stream's records survive closing and reopening the workspace file.
TEST(StreamDurability, RecordsAndShardsSurviveReopening) {
    const std::string path = ::testing::TempDir() + "/stream-reopen.db";
    std::remove(path.c_str());
    sim::Clock clock(sim::Clock::Mode::Virtual, kStart);
    std::string arn, firstSeq;
    for (int round = 0; round < 2; ++round) {
        table::DatabaseOptions options(path);
        options.clock = &clock;
        World world(options);
        auto call = [&](std::string_view target, const json& body) {
            return world.call(target, body);
        };
        if (round == 0) {
            const json created = world.createTasks("NEW_IMAGE");
            ASSERT_TRUE(created.contains("TableDescription")) << created.dump();
        }
        call("DynamoDB_20120810.PutItem",
             {{"TableName", "Tasks"}, {"Item", {{"pk", {{"S", "r" + std::to_string(round)}}}}}});
        arn = call("DynamoDB_20120810.DescribeTable",
                   {{"TableName", "Tasks"}})["Table"]["LatestStreamArn"];
        const json shards = call("DynamoDBStreams_20120810.DescribeStream",
                                 {{"StreamArn", arn}})["StreamDescription"]["Shards"];
        ASSERT_EQ(shards.size(), 1u);
        const json it = call("DynamoDBStreams_20120810.GetShardIterator",
                             {{"StreamArn", arn},
                              {"ShardId", shards[0]["ShardId"]},
                              {"ShardIteratorType", "TRIM_HORIZON"}});
        const json page =
            call("DynamoDBStreams_20120810.GetRecords", {{"ShardIterator", it["ShardIterator"]}});
        ASSERT_EQ(page["Records"].size(), size_t(round + 1)) << page.dump();
        if (round == 0)
            firstSeq = page["Records"][0]["dynamodb"]["SequenceNumber"];
        else {
            EXPECT_EQ(page["Records"][0]["dynamodb"]["SequenceNumber"], firstSeq);
            EXPECT_TRUE(sequenceLess(firstSeq, page["Records"][1]["dynamodb"]["SequenceNumber"]));
        }
        clock.advanceBy(1000);
    }
    std::remove(path.c_str());
}

// §design "Deterministic simulations": the same seed and scenario give the same stream, byte for
// byte — event ids, sequence numbers, shard ids, timestamps.
TEST(StreamDeterminism, SameSeedSameStream) {
    auto run = [](uint64_t seed) {
        sim::Clock clock(sim::Clock::Mode::Virtual, kStart);
        table::DatabaseOptions options(":memory:");
        options.clock = &clock;
        options.seed = seed;
        options.streams.rolloverPeriodMs = 10 * 60 * 1000;
        World world(options);
        auto call = [&](std::string_view target, const json& body) {
            return world.call(target, body);
        };
        world.createTasks("NEW_AND_OLD_IMAGES");
        for (int i = 0; i < 200; ++i) {
            call("DynamoDB_20120810.PutItem", {{"TableName", "Tasks"},
                                               {"Item",
                                                {{"pk", {{"S", "k" + std::to_string(i % 17)}}},
                                                 {"n", {{"N", std::to_string(i)}}}}}});
            clock.advanceBy(7000);
            (void)world.db->runDue();
        }
        const std::string arn = call("DynamoDB_20120810.DescribeTable",
                                     {{"TableName", "Tasks"}})["Table"]["LatestStreamArn"];
        std::string all;
        const json described =
            call("DynamoDBStreams_20120810.DescribeStream", {{"StreamArn", arn}});
        EXPECT_TRUE(described.contains("StreamDescription")) << described.dump();
        for (const auto& shard : described["StreamDescription"]["Shards"]) {
            all += shard.dump();
            json it = call("DynamoDBStreams_20120810.GetShardIterator",
                           {{"StreamArn", arn},
                            {"ShardId", shard["ShardId"]},
                            {"ShardIteratorType", "TRIM_HORIZON"}});
            all += call("DynamoDBStreams_20120810.GetRecords",
                        {{"ShardIterator", it["ShardIterator"]}})["Records"]
                       .dump();
        }
        return all;
    };
    const std::string first = run(42);
    EXPECT_GT(first.size(), 10000u);
    EXPECT_EQ(first, run(42));
    EXPECT_NE(first, run(43));
}

}  // namespace
}  // namespace shardscope::testing

namespace shardscope::testing {
namespace {

// design.md "The workspace file": the workspace remembers its clock, and a virtual one resumes
// where it stood.
TEST(WorkspaceClock, VirtualClockResumesWhereItStood) {
    const std::string path = ::testing::TempDir() + "/clock-reopen.db";
    std::remove(path.c_str());
    sim::Millis stood = 0;
    {
        table::DatabaseOptions options(path);
        options.clockMode = sim::Clock::Mode::Virtual;
        auto db = table::Database::open(options);
        ASSERT_TRUE(db.ok()) << db.error().message;
        stood = (*db)->clock().now() + 86400000;  // a new virtual clock starts at the real now
        ASSERT_TRUE((*db)->clock().jumpTo(stood));
    }
    {
        auto db = table::Database::open(table::DatabaseOptions(path));  // no mode given
        ASSERT_TRUE(db.ok()) << db.error().message;
        EXPECT_EQ((*db)->clock().mode(), sim::Clock::Mode::Virtual);
        EXPECT_EQ((*db)->clock().now(), stood);
        EXPECT_TRUE((*db)->clock().paused());
    }
    {
        table::DatabaseOptions options(path);
        options.clockMode = sim::Clock::Mode::Real;
        auto db = table::Database::open(options);
        ASSERT_TRUE(db.ok()) << db.error().message;
        EXPECT_EQ((*db)->clock().mode(), sim::Clock::Mode::Real);
    }
    std::remove(path.c_str());
}

}  // namespace
}  // namespace shardscope::testing

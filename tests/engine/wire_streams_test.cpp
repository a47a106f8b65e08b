// SPDX-License-Identifier: MIT
// DynamoDB Streams over the wire (reference §2.4, §4, §5): the DynamoDBStreams_20120810 target,
// request decoding with DynamoDB's error types, and the JSON shapes of stream records and stream
// descriptions. The database runs on a paused virtual clock, so timestamps, labels and sequence
// numbers are pinned to the digit. Time to Live is in wire_ttl_test.cpp.
#include <set>

#include "streamfixture.h"

namespace shardscope::testing {
namespace {

bool isLowerHex(std::string_view text) {
    return !text.empty() && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// ---- Routing and error namespaces (§4.1, §4.3) ---------------------------------------------

struct Routing {
    const char* rule;
    std::string_view prefix;
    const char* operation;
};

class WireStreamsRouting : public WireStreams, public ::testing::WithParamInterface<Routing> {};

TEST_P(WireStreamsRouting, UnknownTargetIsUnknownOperation) {
    SCOPED_TRACE(GetParam().rule);
    const Answer a = send(GetParam().prefix, GetParam().operation, "{}");
    EXPECT_EQ(a.status, 400);
    EXPECT_EQ(a.body.value("__type", ""), "com.amazon.coral.service#UnknownOperationException");
}

INSTANTIATE_TEST_SUITE_P(
    WireStreams, WireStreamsRouting,
    ::testing::Values(
        Routing{"a DynamoDB operation is not a Streams operation", kStreamsTarget, "PutItem"},
        Routing{"nor is DescribeTable", kStreamsTarget, "DescribeTable"},
        Routing{"no such Streams operation", kStreamsTarget, "DeleteStream"},
        Routing{"operation names are case-sensitive", kStreamsTarget, "getRecords"},
        Routing{"an empty operation", kStreamsTarget, ""},
        Routing{"Streams operations need the Streams prefix", kDynamoTarget, "GetRecords"},
        Routing{"ListStreams under the DynamoDB prefix", kDynamoTarget, "ListStreams"},
        Routing{"TTL operations need the DynamoDB prefix", kStreamsTarget, "UpdateTimeToLive"},
        Routing{"a prefix without its dot", "DynamoDBStreams_20120810", "ListStreams"},
        Routing{"another API version", "DynamoDBStreams_20111205.", "ListStreams"}),
    [](const auto& info) { return "Case" + std::to_string(info.index); });

TEST_F(WireStreams, StreamsErrorsUseTheDynamoDbNamespace) {  // §4.3
    for (ErrorCode code : {ErrorCode::ResourceNotFound, ErrorCode::ExpiredIterator,
                           ErrorCode::TrimmedDataAccess, ErrorCode::LimitExceeded}) {
        const std::string type = wire::errorType(code);
        EXPECT_EQ(type.substr(0, type.find('#') + 1), "com.amazonaws.dynamodb.v20120810#") << type;
        EXPECT_EQ(wire::httpStatus(code), 400);
    }
    EXPECT_EQ(wire::errorType(ErrorCode::ExpiredIterator),
              "com.amazonaws.dynamodb.v20120810#ExpiredIteratorException");
    EXPECT_EQ(wire::errorType(ErrorCode::TrimmedDataAccess),
              "com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException");
}

// ---- Decoding: the wire layer's own errors (§4.1, §4.3) ------------------------------------

class WireStreamsDecode : public WireStreams, public ::testing::WithParamInterface<BadRequest> {};

TEST_P(WireStreamsDecode, IsRejected) {
    expectRejected(GetParam());
}

std::string missing(const std::string& field) {
    return "1 validation error detected: Value null at '" + field +
           "' failed to satisfy constraint: Member must not be null";
}

const std::string kArn = "\"StreamArn\":\"" + kForumStreamArn + "\"";
const std::string kShard = "\"ShardId\":\"shardId-00000001594936816952-0a1b2c3d\"";

const BadRequest kBadRequests[] = {
    // Bodies that are not a JSON object.
    {"invalid JSON", kStreamsTarget, "ListStreams", "{", "SerializationException"},
    {"a JSON array is not a request", kStreamsTarget, "GetRecords", "[]", "SerializationException"},
    {"a JSON string is not a request", kStreamsTarget, "DescribeStream", "\"x\"",
     "SerializationException"},
    // ListStreams: every member optional, each typed.
    {"ListStreams Limit must be an integer, not a string", kStreamsTarget, "ListStreams",
     R"({"Limit":"5"})", "SerializationException"},
    {"ListStreams Limit must be an integer, not a fraction", kStreamsTarget, "ListStreams",
     R"({"Limit":1.5})", "SerializationException"},
    {"ListStreams TableName must be a string", kStreamsTarget, "ListStreams", R"({"TableName":7})",
     "SerializationException"},
    {"ListStreams ExclusiveStartStreamArn must be a string", kStreamsTarget, "ListStreams",
     R"({"ExclusiveStartStreamArn":true})", "SerializationException"},
    // DescribeStream: StreamArn required.
    {"DescribeStream needs StreamArn", kStreamsTarget, "DescribeStream", "{}",
     "ValidationException", ""},
    {"DescribeStream StreamArn null is missing", kStreamsTarget, "DescribeStream",
     R"({"StreamArn":null})", "ValidationException"},
    {"DescribeStream StreamArn must be a string", kStreamsTarget, "DescribeStream",
     R"({"StreamArn":5})", "SerializationException"},
    {"DescribeStream Limit must be an integer", kStreamsTarget, "DescribeStream",
     "{" + kArn + R"(,"Limit":"10"})", "SerializationException"},
    {"DescribeStream ExclusiveStartShardId must be a string", kStreamsTarget, "DescribeStream",
     "{" + kArn + R"(,"ExclusiveStartShardId":1})", "SerializationException"},
    {"DescribeStream ShardFilter must be an object", kStreamsTarget, "DescribeStream",
     "{" + kArn + R"(,"ShardFilter":"CHILD_SHARDS"})", "SerializationException"},
    {"DescribeStream ShardFilter needs Type", kStreamsTarget, "DescribeStream",
     "{" + kArn + R"(,"ShardFilter":{"ShardId":"shardId-00000001594936816952-0a1b2c3d"}})",
     "ValidationException"},
    {"DescribeStream ShardFilter needs ShardId", kStreamsTarget, "DescribeStream",
     "{" + kArn + R"(,"ShardFilter":{"Type":"CHILD_SHARDS"}})", "ValidationException"},
    {"DescribeStream ShardFilter Type must be a string", kStreamsTarget, "DescribeStream",
     "{" + kArn + R"(,"ShardFilter":{"Type":1,"ShardId":"x"}})", "SerializationException"},
    // GetShardIterator: StreamArn, ShardId and ShardIteratorType required.
    {"GetShardIterator needs StreamArn", kStreamsTarget, "GetShardIterator",
     "{" + kShard + R"(,"ShardIteratorType":"TRIM_HORIZON"})", "ValidationException"},
    {"GetShardIterator needs ShardId", kStreamsTarget, "GetShardIterator",
     "{" + kArn + R"(,"ShardIteratorType":"TRIM_HORIZON"})", "ValidationException"},
    {"GetShardIterator needs ShardIteratorType", kStreamsTarget, "GetShardIterator",
     "{" + kArn + "," + kShard + "}", "ValidationException"},
    {"GetShardIterator ShardIteratorType must be a string", kStreamsTarget, "GetShardIterator",
     "{" + kArn + "," + kShard + R"(,"ShardIteratorType":0})", "SerializationException"},
    {"GetShardIterator SequenceNumber is a string, not a number", kStreamsTarget,
     "GetShardIterator",
     "{" + kArn + "," + kShard +
         R"(,"ShardIteratorType":"AT_SEQUENCE_NUMBER","SequenceNumber":100000000000000000001})",
     "SerializationException"},
    // GetRecords: ShardIterator required.
    {"GetRecords needs ShardIterator", kStreamsTarget, "GetRecords", "{}", "ValidationException"},
    {"GetRecords ShardIterator must be a string", kStreamsTarget, "GetRecords",
     R"({"ShardIterator":42})", "SerializationException"},
    {"GetRecords Limit must be an integer", kStreamsTarget, "GetRecords",
     R"({"ShardIterator":"x","Limit":"100"})", "SerializationException"},
    {"GetRecords Limit must not be a boolean", kStreamsTarget, "GetRecords",
     R"({"ShardIterator":"x","Limit":true})", "SerializationException"},
};

INSTANTIATE_TEST_SUITE_P(WireStreams, WireStreamsDecode, ::testing::ValuesIn(kBadRequests),
                         [](const auto& info) { return "Case" + std::to_string(info.index); });

// A missing required member is named in lowerCamelCase, nested members by their path.
TEST_F(WireStreams, MissingMembersAreNamedLikeDynamoDb) {
    struct Case {
        std::string_view prefix;
        const char* operation;
        json body;
        std::string field;
    };
    const Case cases[] = {
        {kStreamsTarget, "DescribeStream", json::object(), "streamArn"},
        {kStreamsTarget,
         "GetShardIterator",
         {{"StreamArn", kForumStreamArn}, {"ShardIteratorType", "LATEST"}},
         "shardId"},
        {kStreamsTarget,
         "GetShardIterator",
         {{"StreamArn", kForumStreamArn}, {"ShardId", "shardId-00000001594936816952-0a1b2c3d"}},
         "shardIteratorType"},
        {kStreamsTarget, "GetRecords", {{"Limit", 10}}, "shardIterator"},
        {kStreamsTarget,
         "DescribeStream",
         {{"StreamArn", kForumStreamArn}, {"ShardFilter", {{"ShardId", "x"}}}},
         "shardFilter.type"},
        {kDynamoTarget, "UpdateTimeToLive", {{"TableName", "Forum"}}, "timeToLiveSpecification"},
        {kDynamoTarget,
         "UpdateTimeToLive",
         {{"TableName", "Forum"}, {"TimeToLiveSpecification", {{"Enabled", false}}}},
         "timeToLiveSpecification.attributeName"},
        {kDynamoTarget,
         "UpdateTimeToLive",
         {{"TableName", "Forum"}, {"TimeToLiveSpecification", {{"AttributeName", "exp"}}}},
         "timeToLiveSpecification.enabled"},
        {kDynamoTarget, "DescribeTimeToLive", json::object(), "tableName"},
    };
    for (const auto& c : cases) {
        const Answer a = send(c.prefix, c.operation, c.body.dump());
        EXPECT_EQ(a.errorCode(), "ValidationException") << c.operation << " " << c.body.dump();
        EXPECT_EQ(a.message(), missing(c.field)) << c.operation << " " << c.body.dump();
    }
}

// The Streams API has no ReturnConsumedCapacity: the member is not read, so not rejected.
TEST_F(WireStreams, StreamsRequestsDoNotReadReturnConsumedCapacity) {
    const Answer a = streams("ListStreams", {{"ReturnConsumedCapacity", "EVERYTHING"}});
    EXPECT_EQ(a.message().find("returnConsumedCapacity"), std::string::npos) << brief(a.body);
}

// ---- Below: the engine's behaviour as the wire shows it (reference §2.4-§2.6, §5, §6) --------

TEST_F(WireStreams, CreateTableWithStreamReportsLatestStream) {  // §2.1, §2.2, §2.3
    const json created =
        ok("CreateTable", {{"TableName", "Forum"},
                           {"KeySchema", kKeySchema},
                           {"AttributeDefinitions", kKeyDefs},
                           {"BillingMode", "PAY_PER_REQUEST"},
                           {"StreamSpecification",
                            {{"StreamEnabled", true}, {"StreamViewType", "NEW_AND_OLD_IMAGES"}}}});
    const json& c = created["TableDescription"];
    EXPECT_EQ(c.value("LatestStreamArn", ""), kForumStreamArn);  // already in CreateTable [OBS]
    EXPECT_EQ(c.value("LatestStreamLabel", ""), kLabel);
    const json t = ok("DescribeTable", {{"TableName", "Forum"}})["Table"];
    EXPECT_EQ(t["StreamSpecification"],
              json({{"StreamEnabled", true}, {"StreamViewType", "NEW_AND_OLD_IMAGES"}}));
    EXPECT_EQ(t.value("LatestStreamArn", ""), kForumStreamArn);
    EXPECT_EQ(t.value("LatestStreamLabel", ""), kLabel);
}

TEST_F(WireStreams, TableWithoutStreamHasNoLatestStream) {  // §2.3: absent fields are omitted
    createTable("Plain", kKeySchema, kKeyDefs);
    const json t = ok("DescribeTable", {{"TableName", "Plain"}})["Table"];
    EXPECT_FALSE(t.contains("LatestStreamArn"));
    EXPECT_FALSE(t.contains("LatestStreamLabel"));
    EXPECT_EQ(streamsOk("ListStreams", json::object()), json({{"Streams", json::array()}}));
}

TEST_F(WireStreams, ListStreamsListsStreamsAndFiltersByTable) {  // §5.5
    createForum();
    createTable("Plain", kKeySchema, kKeyDefs);
    const json forum = {
        {"StreamArn", kForumStreamArn}, {"TableName", "Forum"}, {"StreamLabel", kLabel}};
    EXPECT_EQ(streamsOk("ListStreams", json::object()),
              json({{"Streams", json::array({forum})}}));  // last page: no cursor
    EXPECT_EQ(streamsOk("ListStreams", {{"TableName", "Forum"}}),
              json({{"Streams", json::array({forum})}}));
    EXPECT_EQ(streamsOk("ListStreams", {{"TableName", "Plain"}})["Streams"], json::array());
}

TEST_F(WireStreams, ListStreamsPagesWithLimit) {  // §5.5
    createForum();
    createTable(
        "Thread", kKeySchema, kKeyDefs,
        {{"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}});
    const json first = streamsOk("ListStreams", {{"Limit", 1}});
    ASSERT_EQ(first["Streams"].size(), 1u) << brief(first);
    ASSERT_TRUE(first.contains("LastEvaluatedStreamArn")) << brief(first);
    const json second =
        streamsOk("ListStreams",
                  {{"Limit", 1}, {"ExclusiveStartStreamArn", first["LastEvaluatedStreamArn"]}});
    ASSERT_EQ(second["Streams"].size(), 1u) << brief(second);
    std::set<std::string> tables = {first["Streams"][0]["TableName"],
                                    second["Streams"][0]["TableName"]};
    EXPECT_EQ(tables, (std::set<std::string>{"Forum", "Thread"}));
    if (second.contains("LastEvaluatedStreamArn")) {  // may point at the last one; then empty
        const json third = streamsOk(
            "ListStreams",
            {{"Limit", 1}, {"ExclusiveStartStreamArn", second["LastEvaluatedStreamArn"]}});
        EXPECT_EQ(third["Streams"], json::array());
        EXPECT_FALSE(third.contains("LastEvaluatedStreamArn"));
    }
}

TEST_F(WireStreams, DescribeStreamShowsOneOpenShard) {  // §5.4, §5.5
    createForum();
    const json body = streamsOk("DescribeStream", {{"StreamArn", kForumStreamArn}});
    const json& d = body["StreamDescription"];
    EXPECT_EQ(d["StreamArn"], kForumStreamArn);
    EXPECT_EQ(d["StreamLabel"], kLabel);
    EXPECT_EQ(d["StreamStatus"], "ENABLED");  // the emulator's table is ACTIVE at once, so is this
    EXPECT_EQ(d["StreamViewType"], "NEW_AND_OLD_IMAGES");
    EXPECT_EQ(d["TableName"], "Forum");
    EXPECT_TRUE(d["CreationRequestDateTime"].is_number());  // §2.1: epoch seconds, a number
    EXPECT_NEAR(d["CreationRequestDateTime"].get<double>(), kStart / 1000.0, 0.001);
    EXPECT_EQ(d["KeySchema"], ok("DescribeTable", {{"TableName", "Forum"}})["Table"]["KeySchema"]);
    EXPECT_EQ(d["KeySchema"], kKeySchema);
    EXPECT_FALSE(d.contains("LastEvaluatedShardId"));
    ASSERT_EQ(d["Shards"].size(), 1u) << brief(body);
    const json& shard = d["Shards"][0];
    // shardId-<20-digit epoch ms of creation>-<8 hex>
    const std::string shardId = shard.value("ShardId", "");
    EXPECT_EQ(shardId.substr(0, 29), "shardId-00000001594936816952-") << shardId;
    EXPECT_TRUE(shardId.size() == 37 && isLowerHex(shardId.substr(29))) << shardId;
    EXPECT_FALSE(shard.contains("ParentShardId"));
    EXPECT_TRUE(isSequenceNumber(shard["SequenceNumberRange"]["StartingSequenceNumber"]))
        << shard.dump();
    EXPECT_FALSE(shard["SequenceNumberRange"].contains("EndingSequenceNumber"));  // open
}

TEST_F(WireStreams, WritesBecomeInsertModifyRemoveRecords) {  // §5.1, §5.2, §5.4
    createForum();
    const std::string start = iterator(kForumStreamArn, "TRIM_HORIZON");
    EXPECT_EQ(start.rfind(kForumStreamArn + "|", 0), 0u) << start;  // §5.6: <arn>|<n>|<opaque>
    EXPECT_LE(start.size(), 2048u);

    putItem({{"pk", S("a")}, {"sk", S("b")}, {"data", S("test")}});
    ok("UpdateItem", {{"TableName", "Forum"},
                      {"Key", {{"pk", S("a")}, {"sk", S("b")}}},
                      {"UpdateExpression", "SET #d = :v"},
                      {"ExpressionAttributeNames", {{"#d", "data"}}},
                      {"ExpressionAttributeValues", {{":v", S("hello")}}}});
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("a")}, {"sk", S("b")}}}});

    const json page = streamsOk("GetRecords", {{"ShardIterator", start}});
    ASSERT_TRUE(page.contains("Records")) << brief(page);
    EXPECT_TRUE(page.contains("NextShardIterator"));  // the shard is open
    const json& records = page["Records"];
    ASSERT_EQ(records.size(), 3u) << brief(page);

    const json keys = {{"pk", S("a")}, {"sk", S("b")}};
    const json before = {{"pk", S("a")}, {"sk", S("b")}, {"data", S("test")}};
    const json after = {{"pk", S("a")}, {"sk", S("b")}, {"data", S("hello")}};
    const char* names[] = {"INSERT", "MODIFY", "REMOVE"};
    const int sizes[] = {6 + 14, 6 + 15 + 14, 6 + 15};  // §5.1 worked examples (REMOVE: keys+old)
    std::set<std::string> eventIds;
    std::string previous;
    for (size_t i = 0; i < records.size(); ++i) {
        const json& r = records[i];
        SCOPED_TRACE(r.dump());
        EXPECT_EQ(r["eventName"], names[i]);
        EXPECT_EQ(r["eventVersion"], "1.1");
        EXPECT_EQ(r["eventSource"], "aws:dynamodb");
        EXPECT_EQ(r["awsRegion"], "us-east-1");
        const std::string eventId = r.value("eventID", "");
        EXPECT_TRUE(eventId.size() == 32 && isLowerHex(eventId)) << eventId;
        eventIds.insert(r.value("eventID", ""));
        EXPECT_FALSE(r.contains("userIdentity"));    // only on TTL deletions
        EXPECT_FALSE(r.contains("eventSourceARN"));  // Lambda events only
        const json& d = r["dynamodb"];
        EXPECT_TRUE(d["ApproximateCreationDateTime"].is_number_integer());  // seconds, no fraction
        EXPECT_EQ(d["ApproximateCreationDateTime"], kStartSeconds);
        EXPECT_EQ(d["Keys"], keys);
        EXPECT_EQ(d["StreamViewType"], "NEW_AND_OLD_IMAGES");
        EXPECT_EQ(d["SizeBytes"], sizes[i]);
        ASSERT_TRUE(isSequenceNumber(d["SequenceNumber"]));
        const std::string sequence = d["SequenceNumber"];
        if (!previous.empty()) {
            EXPECT_TRUE(sequenceLess(previous, sequence)) << previous;  // strictly increasing
        }
        previous = sequence;
    }
    EXPECT_EQ(eventIds.size(), 3u);  // unique per record
    EXPECT_EQ(records[0]["dynamodb"]["NewImage"], before);
    EXPECT_FALSE(records[0]["dynamodb"].contains("OldImage"));
    EXPECT_EQ(records[1]["dynamodb"]["NewImage"], after);  // whole items, not diffs
    EXPECT_EQ(records[1]["dynamodb"]["OldImage"], before);
    EXPECT_FALSE(records[2]["dynamodb"].contains("NewImage"));
    EXPECT_EQ(records[2]["dynamodb"]["OldImage"], after);

    // An empty poll of an open shard: Records [] and a NextShardIterator (§5.6, §8.5).
    const json empty = streamsOk("GetRecords", {{"ShardIterator", page["NextShardIterator"]}});
    EXPECT_EQ(empty["Records"], json::array());
    EXPECT_TRUE(empty.contains("NextShardIterator"));

    // Sequence numbers fall inside the shard's range.
    const json shard = streamsOk(
        "DescribeStream", {{"StreamArn", kForumStreamArn}})["StreamDescription"]["Shards"][0];
    const std::string first = shard["SequenceNumberRange"]["StartingSequenceNumber"];
    const std::string firstRecord = records[0]["dynamodb"]["SequenceNumber"];
    EXPECT_FALSE(sequenceLess(firstRecord, first));
}

// §5.1: which images each view type carries, and SizeBytes = Keys + the images present.
struct ViewCase {
    const char* viewType;
    bool insertNew, modifyNew, modifyOld, removeOld;
    int insertSize, modifySize, removeSize;
};

class WireStreamsViews : public WireStreams, public ::testing::WithParamInterface<ViewCase> {};

TEST_P(WireStreamsViews, RecordsCarryTheImagesOfTheViewType) {
    const ViewCase& v = GetParam();
    SCOPED_TRACE(v.viewType);
    createForum(v.viewType);
    const std::string start = iterator(kForumStreamArn, "TRIM_HORIZON");
    putItem({{"pk", S("a")}, {"sk", S("b")}, {"data", S("test")}});
    putItem({{"pk", S("a")}, {"sk", S("b")}, {"data", S("hello")}});  // a replacing put: MODIFY
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("a")}, {"sk", S("b")}}}});
    const json records = readOpenShard(start);
    ASSERT_EQ(records.size(), 3u) << brief(records);
    const json& insert = records[0]["dynamodb"];
    const json& modify = records[1]["dynamodb"];
    const json& remove = records[2]["dynamodb"];
    EXPECT_EQ(records[0]["eventName"], "INSERT");
    EXPECT_EQ(records[1]["eventName"], "MODIFY");
    EXPECT_EQ(records[2]["eventName"], "REMOVE");
    for (const json* d : {&insert, &modify, &remove}) {
        EXPECT_EQ((*d)["StreamViewType"], v.viewType);
        EXPECT_EQ((*d)["Keys"], json({{"pk", S("a")}, {"sk", S("b")}}));  // always
    }
    EXPECT_EQ(insert.contains("NewImage"), v.insertNew);
    EXPECT_FALSE(insert.contains("OldImage"));
    EXPECT_EQ(modify.contains("NewImage"), v.modifyNew);
    EXPECT_EQ(modify.contains("OldImage"), v.modifyOld);
    EXPECT_FALSE(remove.contains("NewImage"));
    EXPECT_EQ(remove.contains("OldImage"), v.removeOld);
    EXPECT_EQ(insert["SizeBytes"], v.insertSize);
    EXPECT_EQ(modify["SizeBytes"], v.modifySize);
    EXPECT_EQ(remove["SizeBytes"], v.removeSize);
}

INSTANTIATE_TEST_SUITE_P(
    WireStreams, WireStreamsViews,
    ::testing::Values(ViewCase{"KEYS_ONLY", false, false, false, false, 6, 6, 6},
                      ViewCase{"NEW_IMAGE", true, true, false, false, 20, 21, 6},
                      ViewCase{"OLD_IMAGE", false, false, true, true, 6, 20, 21},
                      ViewCase{"NEW_AND_OLD_IMAGES", true, true, true, true, 20, 35, 21}),
    [](const auto& info) {
        std::string name = info.param.viewType;
        name.erase(std::remove(name.begin(), name.end(), '_'), name.end());
        return name;
    });

TEST_F(WireStreams, KeyOnlyItemHasAnImageOfItsKeys) {  // §5.1: not an absent image
    createForum();
    const std::string start = iterator(kForumStreamArn, "TRIM_HORIZON");
    putItem({{"pk", S("a")}, {"sk", S("b")}});
    const json records = readOpenShard(start);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0]["dynamodb"]["NewImage"], json({{"pk", S("a")}, {"sk", S("b")}}));
    EXPECT_EQ(records[0]["dynamodb"]["SizeBytes"], 12);
}

TEST_F(WireStreams, NoOpWritesProduceNoRecords) {  // §5.2
    createForum();
    const std::string start = iterator(kForumStreamArn, "TRIM_HORIZON");
    const json item = {{"pk", S("a")}, {"sk", S("b")}, {"n", N("1")}};
    putItem(item);
    putItem({{"sk", S("b")}, {"n", N("1.0")}, {"pk", S("a")}});  // equal by value
    ok("UpdateItem", {{"TableName", "Forum"},
                      {"Key", {{"pk", S("a")}, {"sk", S("b")}}},
                      {"UpdateExpression", "SET n = :one REMOVE #gone"},
                      {"ExpressionAttributeNames", {{"#gone", "missing"}}},
                      {"ExpressionAttributeValues", {{":one", N("1")}}}});
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("a")}, {"sk", S("zz")}}}});
    fails("PutItem",
          {{"TableName", "Forum"},
           {"Item", {{"pk", S("a")}, {"sk", S("b")}, {"n", N("2")}}},
           {"ConditionExpression", "attribute_not_exists(pk)"}},
          "ConditionalCheckFailedException");
    ok("GetItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("a")}, {"sk", S("b")}}}});
    const json records = readOpenShard(start);
    ASSERT_EQ(records.size(), 1u) << brief(records);
    EXPECT_EQ(records[0]["eventName"], "INSERT");
}

TEST_F(WireStreams, LimitPagesThroughRecords) {  // §5.6
    createForum();
    std::string it = iterator(kForumStreamArn, "TRIM_HORIZON");
    for (const char* sk : {"1", "2", "3"}) putItem({{"pk", S("a")}, {"sk", S(sk)}});
    for (const char* sk : {"1", "2", "3"}) {
        const json page = streamsOk("GetRecords", {{"ShardIterator", it}, {"Limit", 1}});
        ASSERT_EQ(page["Records"].size(), 1u) << brief(page);
        EXPECT_EQ(page["Records"][0]["dynamodb"]["Keys"]["sk"], S(sk));
        ASSERT_TRUE(page.contains("NextShardIterator"));
        it = page["NextShardIterator"];
    }
    EXPECT_EQ(streamsOk("GetRecords", {{"ShardIterator", it}})["Records"], json::array());
}

TEST_F(WireStreams, IteratorTypesStartWhereTheySay) {  // §5.6
    createForum();
    for (const char* sk : {"1", "2", "3"}) putItem({{"pk", S("a")}, {"sk", S(sk)}});
    const json all = readOpenShard(iterator(kForumStreamArn, "TRIM_HORIZON"));
    ASSERT_EQ(all.size(), 3u);
    const std::string second = all[1]["dynamodb"]["SequenceNumber"];

    const json at = readOpenShard(iterator(kForumStreamArn, "AT_SEQUENCE_NUMBER", second));
    ASSERT_EQ(at.size(), 2u);
    EXPECT_EQ(at[0]["dynamodb"]["SequenceNumber"], second);
    const json afterSecond =
        readOpenShard(iterator(kForumStreamArn, "AFTER_SEQUENCE_NUMBER", second));
    ASSERT_EQ(afterSecond.size(), 1u);
    EXPECT_EQ(afterSecond[0]["dynamodb"]["Keys"]["sk"], S("3"));

    const std::string latest = iterator(kForumStreamArn, "LATEST");
    const json none = streamsOk("GetRecords", {{"ShardIterator", latest}});
    EXPECT_EQ(none["Records"], json::array());
    ASSERT_TRUE(none.contains("NextShardIterator"));
    putItem({{"pk", S("a")}, {"sk", S("4")}});
    const json fresh = streamsOk("GetRecords", {{"ShardIterator", none["NextShardIterator"]}});
    ASSERT_EQ(fresh["Records"].size(), 1u) << brief(fresh);
    EXPECT_EQ(fresh["Records"][0]["dynamodb"]["Keys"]["sk"], S("4"));
}

TEST_F(WireStreams, IteratorsLastFifteenMinutes) {  // §5.6
    createForum();
    putItem({{"pk", S("a")}, {"sk", S("1")}});
    const std::string it = iterator(kForumStreamArn, "TRIM_HORIZON");
    m_clock.advanceBy(14 * 60 * 1000);
    // Reusable while valid: the same iterator reads the same record twice.
    EXPECT_EQ(streamsOk("GetRecords", {{"ShardIterator", it}})["Records"].size(), 1u);
    EXPECT_EQ(streamsOk("GetRecords", {{"ShardIterator", it}})["Records"].size(), 1u);
    m_clock.advanceBy(60 * 1000 + 1);
    const Answer expired = streams("GetRecords", {{"ShardIterator", it}});
    EXPECT_EQ(expired.status, 400);
    EXPECT_EQ(expired.body.value("__type", ""),
              "com.amazonaws.dynamodb.v20120810#ExpiredIteratorException");
}

TEST_F(WireStreams, UpdateTableEnablesAndDisablesAStream) {  // §2.3, §2.4, §5.7
    createTable("Forum", kKeySchema, kKeyDefs);
    const json enabled =
        ok("UpdateTable",
           {{"TableName", "Forum"},
            {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}});
    const json& e = enabled["TableDescription"];
    EXPECT_EQ(e["StreamSpecification"],
              json({{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}));
    EXPECT_EQ(e.value("LatestStreamArn", ""), kForumStreamArn);
    EXPECT_EQ(e.value("LatestStreamLabel", ""), kLabel);
    EXPECT_EQ(streamsOk("ListStreams", json::object())["Streams"].size(), 1u);

    // Enabling an enabled stream, or changing its view type: ValidationException [OBS].
    fails("UpdateTable",
          {{"TableName", "Forum"},
           {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "KEYS_ONLY"}}}},
          "ValidationException");
    fails("UpdateTable",
          {{"TableName", "Forum"},
           {"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", "NEW_IMAGE"}}}},
          "ValidationException");

    putItem({{"pk", S("a")}, {"sk", S("1")}});
    const std::string it = iterator(kForumStreamArn, "TRIM_HORIZON");
    ok("UpdateTable",
       {{"TableName", "Forum"}, {"StreamSpecification", {{"StreamEnabled", false}}}});
    // The old stream stays listed and readable; its shards are closed.
    const json d =
        streamsOk("DescribeStream", {{"StreamArn", kForumStreamArn}})["StreamDescription"];
    const std::string status = d.value("StreamStatus", "");
    EXPECT_TRUE(status == "DISABLING" || status == "DISABLED") << status;
    for (const auto& shard : d["Shards"])
        EXPECT_TRUE(isSequenceNumber(shard["SequenceNumberRange"]["EndingSequenceNumber"]))
            << shard.dump();
    EXPECT_EQ(ok("DescribeTable", {{"TableName", "Forum"}})["Table"].value("LatestStreamArn", ""),
              kForumStreamArn);

    // A closed shard read to its end: NextShardIterator omitted, with the last records or on one
    // extra empty call (§5.6) - never null or "".
    std::string next = it;
    size_t read = 0;
    bool ended = false;
    for (int call = 0; call < 5 && !ended; ++call) {
        const json page = streamsOk("GetRecords", {{"ShardIterator", next}});
        read += page["Records"].size();
        ended = !page.contains("NextShardIterator");
        if (!ended) {
            ASSERT_TRUE(page["NextShardIterator"].is_string());
            next = page["NextShardIterator"];
            ASSERT_FALSE(next.empty());
        }
    }
    EXPECT_TRUE(ended);
    EXPECT_EQ(read, 1u);

    // Disabling when no stream is enabled: ValidationException [OBS].
    fails("UpdateTable",
          {{"TableName", "Forum"}, {"StreamSpecification", {{"StreamEnabled", false}}}},
          "ValidationException");
}

TEST_F(WireStreams, StreamRequestsAreValidatedByTheEngine) {  // §5.5, §5.6
    createForum();
    const std::string shard = onlyShard(kForumStreamArn);
    const std::string missingTableArn =
        "arn:aws:dynamodb:us-east-1:000000000000:table/Nope/stream/" + kLabel;
    struct Case {
        const char* rule;
        const char* operation;
        json request;
        const char* code;
    };
    const Case cases[] = {
        {"ListStreams Limit 0", "ListStreams", {{"Limit", 0}}, "ValidationException"},
        {"ListStreams Limit 101", "ListStreams", {{"Limit", 101}}, "ValidationException"},
        {"DescribeStream malformed ARN",
         "DescribeStream",
         {{"StreamArn", "nope"}},
         "ValidationException"},
        {"DescribeStream well-formed ARN of a missing table",
         "DescribeStream",
         {{"StreamArn", missingTableArn}},
         "ResourceNotFoundException"},
        {"DescribeStream Limit 0",
         "DescribeStream",
         {{"StreamArn", kForumStreamArn}, {"Limit", 0}},
         "ValidationException"},
        {"DescribeStream Limit 101",
         "DescribeStream",
         {{"StreamArn", kForumStreamArn}, {"Limit", 101}},
         "ValidationException"},
        {"DescribeStream ShardFilter type other than CHILD_SHARDS",
         "DescribeStream",
         {{"StreamArn", kForumStreamArn},
          {"ShardFilter", {{"Type", "PARENT"}, {"ShardId", shard}}}},
         "ValidationException"},
        {"GetShardIterator bad iterator type",
         "GetShardIterator",
         {{"StreamArn", kForumStreamArn}, {"ShardId", shard}, {"ShardIteratorType", "SIDEWAYS"}},
         "ValidationException"},
        {"GetShardIterator TRIM_HORIZON with a SequenceNumber",
         "GetShardIterator",
         {{"StreamArn", kForumStreamArn},
          {"ShardId", shard},
          {"ShardIteratorType", "TRIM_HORIZON"},
          {"SequenceNumber", "100000000000000000001"}},
         "ValidationException"},
        {"GetShardIterator AT_SEQUENCE_NUMBER without one",
         "GetShardIterator",
         {{"StreamArn", kForumStreamArn},
          {"ShardId", shard},
          {"ShardIteratorType", "AT_SEQUENCE_NUMBER"}},
         "ValidationException"},
        {"GetShardIterator garbage sequence number",
         "GetShardIterator",
         {{"StreamArn", kForumStreamArn},
          {"ShardId", shard},
          {"ShardIteratorType", "AFTER_SEQUENCE_NUMBER"},
          {"SequenceNumber", "not-a-number"}},
         "ValidationException"},
        {"GetShardIterator unknown shard",
         "GetShardIterator",
         {{"StreamArn", kForumStreamArn},
          {"ShardId", "shardId-00000001594936816952-00000000"},
          {"ShardIteratorType", "TRIM_HORIZON"}},
         "ResourceNotFoundException"},
        {"GetShardIterator missing table",
         "GetShardIterator",
         {{"StreamArn", missingTableArn}, {"ShardId", shard}, {"ShardIteratorType", "LATEST"}},
         "ResourceNotFoundException"},
        {"GetRecords malformed iterator",
         "GetRecords",
         {{"ShardIterator", "garbage"}},
         "ValidationException"},
        {"GetRecords Limit 0",
         "GetRecords",
         {{"ShardIterator", iterator(kForumStreamArn, "LATEST")}, {"Limit", 0}},
         "ValidationException"},
        {"GetRecords Limit 1001",
         "GetRecords",
         {{"ShardIterator", iterator(kForumStreamArn, "LATEST")}, {"Limit", 1001}},
         "ValidationException"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.rule);
        streamsFails(c.operation, c.request, c.code);
    }
}

}  // namespace
}  // namespace shardscope::testing

// SPDX-License-Identifier: MIT
// Time to Live over the wire (reference §2.6, §6): UpdateTimeToLive / DescribeTimeToLive decoding
// and answers, the one-change window, and TTL deletions as stream records.
#include "streamfixture.h"

namespace shardscope::testing {
namespace {

using WireTimeToLive = WireStreams;

class WireTimeToLiveDecode : public WireStreams,
                             public ::testing::WithParamInterface<BadRequest> {};

TEST_P(WireTimeToLiveDecode, IsRejected) {
    expectRejected(GetParam());
}

const BadRequest kBadRequests[] = {
    // UpdateTimeToLive (§2.6): TableName and TimeToLiveSpecification{AttributeName, Enabled}.
    {"UpdateTimeToLive needs TableName", kDynamoTarget, "UpdateTimeToLive",
     R"({"TimeToLiveSpecification":{"AttributeName":"exp","Enabled":true}})",
     "ValidationException"},
    {"UpdateTimeToLive needs TimeToLiveSpecification", kDynamoTarget, "UpdateTimeToLive",
     R"({"TableName":"Forum"})", "ValidationException"},
    {"UpdateTimeToLive needs AttributeName", kDynamoTarget, "UpdateTimeToLive",
     R"({"TableName":"Forum","TimeToLiveSpecification":{"Enabled":true}})", "ValidationException"},
    {"UpdateTimeToLive needs Enabled", kDynamoTarget, "UpdateTimeToLive",
     R"({"TableName":"Forum","TimeToLiveSpecification":{"AttributeName":"exp"}})",
     "ValidationException"},
    {"UpdateTimeToLive Enabled must be a boolean, not a string", kDynamoTarget, "UpdateTimeToLive",
     R"({"TableName":"Forum","TimeToLiveSpecification":{"AttributeName":"exp","Enabled":"true"}})",
     "SerializationException"},
    {"UpdateTimeToLive AttributeName must be a string", kDynamoTarget, "UpdateTimeToLive",
     R"({"TableName":"Forum","TimeToLiveSpecification":{"AttributeName":5,"Enabled":true}})",
     "SerializationException"},
    {"UpdateTimeToLive TimeToLiveSpecification must be an object", kDynamoTarget,
     "UpdateTimeToLive", R"({"TableName":"Forum","TimeToLiveSpecification":"exp"})",
     "SerializationException"},
    {"UpdateTimeToLive TableName must be a string", kDynamoTarget, "UpdateTimeToLive",
     R"({"TableName":["Forum"],"TimeToLiveSpecification":{"AttributeName":"exp","Enabled":true}})",
     "SerializationException"},
    // DescribeTimeToLive: TableName.
    {"DescribeTimeToLive needs TableName", kDynamoTarget, "DescribeTimeToLive", "{}",
     "ValidationException"},
    {"DescribeTimeToLive TableName must be a string", kDynamoTarget, "DescribeTimeToLive",
     R"({"TableName":5})", "SerializationException"},
};

INSTANTIATE_TEST_SUITE_P(WireTimeToLive, WireTimeToLiveDecode, ::testing::ValuesIn(kBadRequests),
                         [](const auto& info) { return "Case" + std::to_string(info.index); });

json ttlSpec(const std::string& table, const std::string& attribute, bool enabled) {
    return {{"TableName", table},
            {"TimeToLiveSpecification", {{"AttributeName", attribute}, {"Enabled", enabled}}}};
}

TEST_F(WireTimeToLive, TimeToLiveEnableDescribeAndTheChangeWindow) {  // §2.6
    createTable("Forum", kKeySchema, kKeyDefs);
    EXPECT_EQ(ok("DescribeTimeToLive", {{"TableName", "Forum"}}),
              json({{"TimeToLiveDescription", {{"TimeToLiveStatus", "DISABLED"}}}}));
    EXPECT_EQ(ok("UpdateTimeToLive", ttlSpec("Forum", "exp", true)),
              json({{"TimeToLiveSpecification", {{"AttributeName", "exp"}, {"Enabled", true}}}}));
    EXPECT_EQ(ok("DescribeTimeToLive", {{"TableName", "Forum"}}),
              json({{"TimeToLiveDescription",
                     {{"TimeToLiveStatus", "ENABLED"}, {"AttributeName", "exp"}}}}));
    // A second change inside the window.
    EXPECT_EQ(fails("UpdateTimeToLive", ttlSpec("Forum", "exp", false), "ValidationException"),
              "Time to live has been modified multiple times within a fixed interval");
    m_clock.advanceBy(3600 * 1000 + 1000);
    EXPECT_EQ(ok("UpdateTimeToLive", ttlSpec("Forum", "exp", false)),
              json({{"TimeToLiveSpecification", {{"AttributeName", "exp"}, {"Enabled", false}}}}));
    EXPECT_EQ(ok("DescribeTimeToLive", {{"TableName", "Forum"}}),
              json({{"TimeToLiveDescription", {{"TimeToLiveStatus", "DISABLED"}}}}));
}

TEST_F(WireTimeToLive, TimeToLiveErrors) {  // §2.6 [OBS]
    createTable("Fresh", kKeySchema, kKeyDefs);
    createTable("Ttl", kKeySchema, kKeyDefs);
    ok("UpdateTimeToLive", ttlSpec("Ttl", "exp", true));
    m_clock.advanceBy(2 * 3600 * 1000);  // past the window: the other rules decide
    struct Case {
        const char* rule;
        const char* operation;
        json request;
        const char* code;
    };
    const Case cases[] = {
        {"disable when not enabled", "UpdateTimeToLive", ttlSpec("Fresh", "exp", false),
         "ValidationException"},
        {"enable when already enabled, same attribute", "UpdateTimeToLive",
         ttlSpec("Ttl", "exp", true), "ValidationException"},
        {"enable when already enabled, another attribute", "UpdateTimeToLive",
         ttlSpec("Ttl", "other", true), "ValidationException"},
        {"disable naming a different attribute", "UpdateTimeToLive", ttlSpec("Ttl", "other", false),
         "ValidationException"},
        {"AttributeName empty", "UpdateTimeToLive", ttlSpec("Fresh", "", true),
         "ValidationException"},
        {"AttributeName over 255", "UpdateTimeToLive",
         ttlSpec("Fresh", std::string(256, 'a'), true), "ValidationException"},
        {"UpdateTimeToLive on a missing table", "UpdateTimeToLive", ttlSpec("Nope", "exp", true),
         "ResourceNotFoundException"},
        {"DescribeTimeToLive on a missing table",
         "DescribeTimeToLive",
         {{"TableName", "Nope"}},
         "ResourceNotFoundException"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.rule);
        fails(c.operation, c.request, c.code);
    }
    // None of them changed anything.
    EXPECT_EQ(ok("DescribeTimeToLive", {{"TableName", "Ttl"}})["TimeToLiveDescription"],
              json({{"TimeToLiveStatus", "ENABLED"}, {"AttributeName", "exp"}}));
    EXPECT_EQ(ok("DescribeTimeToLive", {{"TableName", "Fresh"}})["TimeToLiveDescription"],
              json({{"TimeToLiveStatus", "DISABLED"}}));
    // 255 bytes is allowed.
    ok("UpdateTimeToLive", ttlSpec("Fresh", std::string(255, 'a'), true));
}

TEST_F(WireTimeToLive, TtlDeletionIsARemoveRecordByTheService) {  // §5.1, §6
    createForum();
    ok("UpdateTimeToLive", ttlSpec("Forum", "exp", true));
    const std::string start = iterator(kForumStreamArn, "TRIM_HORIZON");
    const json expired = {
        {"pk", S("a")}, {"sk", S("b")}, {"exp", N(std::to_string(kStartSeconds - 10))}};
    putItem(expired);
    putItem({{"pk", S("a")}, {"sk", S("c")}, {"exp", N(std::to_string(kStartSeconds + 3600))}});
    putItem({{"pk", S("a")}, {"sk", S("d")}, {"exp", S(std::to_string(kStartSeconds - 10))}});
    m_clock.advanceBy(2000);
    ASSERT_TRUE(m_db->runDue().ok());

    EXPECT_FALSE(ok("GetItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("a")}, {"sk", S("b")}}}})
                     .contains("Item"));
    const json records = readOpenShard(start);
    ASSERT_EQ(records.size(), 4u) << brief(records);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(records[i]["eventName"], "INSERT");
        EXPECT_FALSE(records[i].contains("userIdentity"));
    }
    const json& removal = records[3];
    EXPECT_EQ(removal["eventName"], "REMOVE");
    EXPECT_EQ(removal["userIdentity"],
              json({{"Type", "Service"}, {"PrincipalId", "dynamodb.amazonaws.com"}}));
    EXPECT_EQ(removal["dynamodb"]["Keys"], json({{"pk", S("a")}, {"sk", S("b")}}));
    EXPECT_EQ(removal["dynamodb"]["OldImage"], expired);

    // A user's DeleteItem is a REMOVE without userIdentity.
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("a")}, {"sk", S("c")}}}});
    const json all = readOpenShard(iterator(kForumStreamArn, "TRIM_HORIZON"));
    ASSERT_EQ(all.size(), 5u);
    EXPECT_EQ(all[4]["eventName"], "REMOVE");
    EXPECT_FALSE(all[4].contains("userIdentity"));
}

}  // namespace
}  // namespace shardscope::testing

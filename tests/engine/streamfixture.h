// SPDX-License-Identifier: MIT
#pragma once

// A WireTest whose database runs on a paused virtual clock, so timestamps, stream labels and
// expiries are pinned to the digit, and which speaks both targets, DynamoDB_20120810 and
// DynamoDBStreams_20120810 (reference §4.1). For the Streams and TTL wire tests.

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "sim/clock.h"
#include "wirefixture.h"

namespace shardscope::testing {

// A request with a decoding error, and what DynamoDB answers.
struct BadRequest {
    const char* rule;
    std::string_view prefix;
    const char* operation;
    std::string body;
    const char* code;
    const char* message = "";  // exact, when given
};

inline std::string missing(const std::string& field) {
    return "1 validation error detected: Value null at '" + field +
           "' failed to satisfy constraint: Member must not be null";
}

inline constexpr sim::Millis kStart = 1594936816952;  // 2020-07-16T22:00:16.952Z
inline constexpr int64_t kStartSeconds = 1594936816;
inline const std::string kLabel = "2020-07-16T22:00:16.952";  // §2.1: ms, no zone suffix
inline const std::string kForumArn = "arn:aws:dynamodb:us-east-1:000000000000:table/Forum";
inline const std::string kForumStreamArn = kForumArn + "/stream/" + kLabel;

inline constexpr std::string_view kStreamsTarget = "DynamoDBStreams_20120810.";
inline constexpr std::string_view kDynamoTarget = "DynamoDB_20120810.";

inline const json kKeySchema = json::array({{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                                            {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}});
inline const json kKeyDefs = json::array({{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                                          {{"AttributeName", "sk"}, {"AttributeType", "S"}}});

// §5.4: digits only, 21-40 of them.
inline bool isSequenceNumber(const json& value) {
    if (!value.is_string()) return false;
    const std::string s = value;
    return s.size() >= 21 && s.size() <= 40 &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Sequence numbers compare as big integers (§5.4): a longer one is larger.
inline bool sequenceLess(const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
}

class WireStreams : public WireTest {
protected:
    void SetUp() override {
        table::DatabaseOptions options(":memory:");
        options.clock = &m_clock;
        options.ttl.lag = ttl::DeletionLag::Immediate;
        auto db = table::Database::open(options);
        ASSERT_TRUE(db.ok()) << db.error().message;
        m_db = std::move(*db);
        m_dispatcher = std::make_unique<wire::Dispatcher>(*m_db);
    }
    // The database holds a pointer to m_clock, which goes before the base class's members.
    void TearDown() override {
        m_dispatcher.reset();
        m_db.reset();
    }

    Answer send(std::string_view prefix, const std::string& operation, const std::string& body) {
        const auto reply = m_dispatcher->handle(std::string(prefix) + operation, body, "us-east-1");
        Answer answer;
        answer.status = reply.status;
        answer.body = json::parse(reply.body, nullptr, false);
        return answer;
    }

    Answer streams(const std::string& operation, const json& request) {
        return send(kStreamsTarget, operation, request.dump());
    }

    json streamsOk(const std::string& operation, const json& request) {
        const Answer a = streams(operation, request);
        EXPECT_EQ(a.status, 200) << operation << " " << brief(request) << " -> " << brief(a.body);
        return a.body;
    }

    std::string streamsFails(const std::string& operation, const json& request,
                             const std::string& code) {
        const Answer a = streams(operation, request);
        EXPECT_EQ(a.errorCode(), code)
            << operation << " " << brief(request) << " -> " << brief(a.body);
        EXPECT_EQ(a.status, 400);
        return a.message();
    }

    // Forum (pk S, sk S) with a stream of `viewType`, created at kStart.
    void createForum(const std::string& viewType = "NEW_AND_OLD_IMAGES") {
        createTable(
            "Forum", kKeySchema, kKeyDefs,
            {{"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", viewType}}}});
    }

    std::string onlyShard(const std::string& streamArn) {
        const json d = streamsOk("DescribeStream", {{"StreamArn", streamArn}});
        const json& shards = d["StreamDescription"]["Shards"];
        EXPECT_EQ(shards.size(), 1u) << brief(d);
        return shards.empty() ? "" : shards[0]["ShardId"].get<std::string>();
    }

    std::string iterator(const std::string& streamArn, const std::string& type,
                         const std::optional<std::string>& sequenceNumber = std::nullopt) {
        json request = {{"StreamArn", streamArn},
                        {"ShardId", onlyShard(streamArn)},
                        {"ShardIteratorType", type}};
        if (sequenceNumber) request["SequenceNumber"] = *sequenceNumber;
        const json body = streamsOk("GetShardIterator", request);
        return body.value("ShardIterator", "");
    }

    // Reads an open shard until a page comes back empty; returns every record read.
    json readOpenShard(std::string shardIterator) {
        json records = json::array();
        for (int call = 0; call < 20; ++call) {
            const json page = streamsOk("GetRecords", {{"ShardIterator", shardIterator}});
            EXPECT_TRUE(page.contains("NextShardIterator")) << "open shard: " << brief(page);
            if (!page.contains("Records") || page["Records"].empty()) break;
            for (const auto& r : page["Records"]) records.push_back(r);
            shardIterator = page.value("NextShardIterator", "");
        }
        return records;
    }

    void putItem(const json& item) { ok("PutItem", {{"TableName", "Forum"}, {"Item", item}}); }

    // A request the wire layer itself rejects (§4.3): the code, its namespace, the message.
    void expectRejected(const BadRequest& c) {
        SCOPED_TRACE(c.rule);
        const Answer a = send(c.prefix, c.operation, c.body);
        EXPECT_EQ(a.status, 400) << c.body << " -> " << brief(a.body);
        EXPECT_EQ(a.errorCode(), c.code) << c.body << " -> " << brief(a.body);
        const std::string ns = std::string(c.code) == "ValidationException"
                                   ? "com.amazon.coral.validate#"
                                   : "com.amazon.coral.service#";
        EXPECT_EQ(a.body.value("__type", ""), ns + c.code);
        if (*c.message) {
            EXPECT_EQ(a.message(), c.message);
        }
    }

    sim::Clock m_clock{sim::Clock::Mode::Virtual, kStart};
};

}  // namespace shardscope::testing

// SPDX-License-Identifier: MIT
#pragma once

// Drives a Database through the wire Dispatcher with DynamoDB JSON, the way a client does, so a
// test reads like the request and answer it pins.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "table/database.h"
#include "wire/dispatcher.h"

namespace shardscope::testing {

using nlohmann::json;

// Request and answer bodies in failure messages, cut short so a 400 KB item stays readable.
inline std::string brief(const json& j) {
    std::string text = j.dump();
    if (text.size() > 300) {
        text.resize(300);
        text += "…";
    }
    return text;
}

struct Answer {
    int status = 0;
    json body;

    bool ok() const { return status == 200; }
    // "ValidationException" etc.: the part of __type after '#'.
    std::string errorCode() const {
        if (!body.contains("__type")) return "";
        const std::string type = body["__type"];
        return type.substr(type.find('#') + 1);
    }
    std::string message() const {
        if (body.contains("message")) return body["message"];
        if (body.contains("Message")) return body["Message"];
        return "";
    }
};

class WireTest : public ::testing::Test {
protected:
    void SetUp() override { openDatabase(":memory:"); }

    void openDatabase(const std::string& path) {
        m_dispatcher.reset();
        m_db.reset();
        auto db = table::Database::open({path});
        ASSERT_TRUE(db.ok()) << db.error().message;
        m_db = std::move(*db);
        m_dispatcher = std::make_unique<wire::Dispatcher>(*m_db);
    }

    Answer call(const std::string& operation, const json& request) {
        return callRaw(operation, request.dump());
    }

    Answer callRaw(const std::string& operation, const std::string& body) {
        const auto reply =
            m_dispatcher->handle("DynamoDB_20120810." + operation, body, "us-east-1");
        Answer answer;
        answer.status = reply.status;
        answer.body = json::parse(reply.body, nullptr, false);
        return answer;
    }

    // Calls and expects success; returns the body.
    json ok(const std::string& operation, const json& request) {
        const Answer a = call(operation, request);
        EXPECT_EQ(a.status, 200) << operation << " " << brief(request) << " -> " << brief(a.body);
        return a.body;
    }

    // Calls and expects the given error code; returns the message.
    std::string fails(const std::string& operation, const json& request, const std::string& code) {
        const Answer a = call(operation, request);
        EXPECT_EQ(a.errorCode(), code)
            << operation << " " << brief(request) << " -> " << brief(a.body);
        EXPECT_EQ(a.status, code == "InternalServerError" ? 500 : 400);
        return a.message();
    }

    void createTable(const std::string& name, const json& keySchema, const json& definitions,
                     const json& extra = json::object()) {
        json request = {{"TableName", name},
                        {"KeySchema", keySchema},
                        {"AttributeDefinitions", definitions},
                        {"BillingMode", "PAY_PER_REQUEST"}};
        request.update(extra);
        ok("CreateTable", request);
    }

    // A DynamoDB Streams API call on the same dispatcher.
    Answer streamsCall(const std::string& operation, const json& request) {
        const auto reply = m_dispatcher->handle("DynamoDBStreams_20120810." + operation,
                                                request.dump(), "us-east-1");
        return Answer{reply.status, json::parse(reply.body, nullptr, false)};
    }

    // pk (S, HASH), with a stream of `viewType`.
    void createStreamed(const std::string& name, const std::string& viewType) {
        createTable(
            name, {{{"AttributeName", "pk"}, {"KeyType", "HASH"}}},
            {{{"AttributeName", "pk"}, {"AttributeType", "S"}}},
            {{"StreamSpecification", {{"StreamEnabled", true}, {"StreamViewType", viewType}}}});
    }

    // The records of a table's latest stream: one GetRecords page from each shard's trim
    // horizon, shard after shard.
    json latestStreamRecords(const std::string& table) {
        const std::string arn =
            ok("DescribeTable", {{"TableName", table}})["Table"]["LatestStreamArn"];
        const Answer described = streamsCall("DescribeStream", {{"StreamArn", arn}});
        EXPECT_EQ(described.status, 200) << brief(described.body);
        json records = json::array();
        for (const json& shard : described.body["StreamDescription"]["Shards"]) {
            const Answer it =
                streamsCall("GetShardIterator", {{"StreamArn", arn},
                                                 {"ShardId", shard["ShardId"]},
                                                 {"ShardIteratorType", "TRIM_HORIZON"}});
            const Answer page =
                streamsCall("GetRecords", {{"ShardIterator", it.body["ShardIterator"]}});
            EXPECT_EQ(page.status, 200) << brief(page.body);
            for (const json& r : page.body["Records"]) records.push_back(r);
        }
        return records;
    }

    // pk (S, HASH) + sk (S or N, RANGE).
    void createKeyed(const std::string& name, const std::string& sortType = "S") {
        createTable(name,
                    json::array({{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                                 {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}),
                    json::array({{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                                 {{"AttributeName", "sk"}, {"AttributeType", sortType}}}));
    }

    std::unique_ptr<table::Database> m_db;
    std::unique_ptr<wire::Dispatcher> m_dispatcher;
};

inline json S(const std::string& s) {
    return {{"S", s}};
}
inline json N(const std::string& n) {
    return {{"N", n}};
}

}  // namespace shardscope::testing

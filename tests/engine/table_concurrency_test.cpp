// SPDX-License-Identifier: MIT
// Many threads at once: group commit keeps every acknowledged write, and reads stay consistent.
#include <atomic>
#include <filesystem>
#include <thread>

#include "table/database.h"
#include "wirefixture.h"

namespace shardscope::testing {
namespace {

using model::AttributeValue;

table::PutItemRequest putRequest(int thread, int i) {
    table::PutItemRequest r;
    r.tableName = "C1x";
    r.item = {{"pk", AttributeValue::string("t" + std::to_string(thread))},
              {"sk", AttributeValue::number(model::Number::fromInt(i))},
              {"v", AttributeValue::string(std::string(50, char('a' + i % 26)))}};
    return r;
}

class Concurrency : public WireTest {};

TEST_F(Concurrency, ConcurrentWritersAreAllCommittedAndDurable) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("shardscope-conc-" + std::to_string(::getpid()) + ".db"))
                                 .string();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    openDatabase(path);
    createKeyed("C1x", "N");
    constexpr int kThreads = 8, kPerThread = 300;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kPerThread; ++i) {
                if (!m_db->putItem(putRequest(t, i))) ++failures;
                if (i % 3 == 0) {  // conditional updates from many threads at once
                    table::UpdateItemRequest u;
                    u.tableName = "C1x";
                    u.key = {{"pk", AttributeValue::string("shared")},
                             {"sk", AttributeValue::number(model::Number::fromInt(0))}};
                    u.updateExpression = "ADD n :one";
                    u.expressionAttributes.values = std::map<std::string, AttributeValue>{
                        {":one", AttributeValue::number(model::Number::fromInt(1))}};
                    if (!m_db->updateItem(u)) ++failures;
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures.load(), 0);
    const int updates = kThreads * ((kPerThread + 2) / 3);
    openDatabase(path);  // everything acknowledged is in the file
    EXPECT_EQ(ok("DescribeTable", {{"TableName", "C1x"}})["Table"]["ItemCount"],
              kThreads * kPerThread + 1);
    const json shared =
        ok("GetItem", {{"TableName", "C1x"}, {"Key", {{"pk", S("shared")}, {"sk", N("0")}}}});
    EXPECT_EQ(shared["Item"]["n"], N(std::to_string(updates)));  // no lost update
    m_dispatcher.reset();
    m_db.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

TEST_F(Concurrency, FailedWritesDoNotDisturbTheirBatch) {
    createKeyed("C1x", "N");
    std::vector<std::thread> threads;
    std::atomic<int> conditionFailures{0};
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                auto r = putRequest(t % 2, i);  // pairs of threads race for the same keys
                r.conditionExpression = "attribute_not_exists(pk)";
                auto result = m_db->putItem(r);
                if (!result && result.error().code == ErrorCode::ConditionalCheckFailed)
                    ++conditionFailures;
                else
                    ASSERT_TRUE(result.ok()) << result.error().message;
            }
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(conditionFailures.load(), 8 * 200 - 2 * 200);  // exactly one winner per key
    EXPECT_EQ(ok("Scan", {{"TableName", "C1x"}, {"Select", "COUNT"}})["Count"], 400);
}

}  // namespace
}  // namespace shardscope::testing

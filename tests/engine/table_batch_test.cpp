// SPDX-License-Identifier: MIT
// BatchGetItem, BatchWriteItem and transactions (reference §3.6, §3.7).
#include "wirefixture.h"

namespace shardscope::testing {
namespace {

class Batches : public WireTest {
protected:
    void SetUp() override {
        WireTest::SetUp();
        createKeyed("B1x");
    }
    static json key(int i) { return {{"pk", S("p")}, {"sk", S(std::to_string(i))}}; }
    static json putReq(int i) { return {{"PutRequest", {{"Item", key(i)}}}}; }
    int count() { return ok("Scan", {{"TableName", "B1x"}})["Count"]; }
};

TEST_F(Batches, BatchWriteAndGet) {
    json writes = json::array();
    for (int i = 0; i < 25; ++i) writes.push_back(putReq(i));
    EXPECT_EQ(ok("BatchWriteItem", {{"RequestItems", {{"B1x", writes}}}}),
              json({{"UnprocessedItems", json::object()}}));  // always present, empty
    EXPECT_EQ(count(), 25);
    const json got =
        ok("BatchGetItem",
           {{"RequestItems", {{"B1x", {{"Keys", json::array({key(1), key(2), key(99)})}}}}}});
    EXPECT_EQ(got["Responses"]["B1x"].size(), 2u);  // missing items silently omitted
    EXPECT_EQ(got["UnprocessedKeys"], json::object());
}

TEST_F(Batches, BatchWriteLimitsAndDuplicates) {  // §3.6
    json writes = json::array();
    for (int i = 0; i < 26; ++i) writes.push_back(putReq(i));
    fails("BatchWriteItem", {{"RequestItems", {{"B1x", writes}}}}, "ValidationException");
    EXPECT_EQ(
        fails("BatchWriteItem", {{"RequestItems", {{"B1x", json::array({putReq(1), putReq(1)})}}}},
              "ValidationException"),
        "Provided list of item keys contains duplicates");
    // One bad request rejects the whole batch before anything is written.
    fails("BatchWriteItem",
          {{"RequestItems",
            {{"B1x", json::array({putReq(1), {{"PutRequest", {{"Item", {{"pk", S("p")}}}}}}})}}}},
          "ValidationException");
    EXPECT_EQ(count(), 0);
    fails("BatchWriteItem", {{"RequestItems", {{"Nope", json::array({putReq(1)})}}}},
          "ResourceNotFoundException");
}

TEST_F(Batches, BatchGetReturnsOneItemForSpellingsOfOneNumber) {  // §1.2 [OBS]
    createTable("Nums", json::array({{{"AttributeName", "n"}, {"KeyType", "HASH"}}}),
                json::array({{{"AttributeName", "n"}, {"AttributeType", "N"}}}));
    ok("PutItem", {{"TableName", "Nums"}, {"Item", {{"n", N("1e3")}}}});
    const json got =
        ok("BatchGetItem",
           {{"RequestItems",
             {{"Nums", {{"Keys", json::array({{{"n", N("1000")}}, {{"n", N("1e3")}}})}}}}}});
    ASSERT_EQ(got["Responses"]["Nums"].size(), 1u);
    EXPECT_EQ(got["Responses"]["Nums"][0]["n"], N("1000"));
}

TEST_F(Batches, BatchGetLimits) {  // §3.6
    json keys = json::array();
    for (int i = 0; i < 101; ++i) keys.push_back(key(i));
    fails("BatchGetItem", {{"RequestItems", {{"B1x", {{"Keys", keys}}}}}}, "ValidationException");
    fails("BatchGetItem", {{"RequestItems", {{"B1x", {{"Keys", json::array({key(1), key(1)})}}}}}},
          "ValidationException");
    fails("BatchGetItem", {{"RequestItems", json::object()}}, "ValidationException");
}

TEST_F(Batches, TransactionAppliesAllOrNothing) {  // §3.7
    ok("PutItem", {{"TableName", "B1x"}, {"Item", key(1)}});
    const json request = {
        {"TransactItems", json::array({{{"Put", {{"TableName", "B1x"}, {"Item", key(2)}}}},
                                       {{"ConditionCheck",
                                         {{"TableName", "B1x"},
                                          {"Key", key(1)},
                                          {"ConditionExpression", "attribute_not_exists(pk)"}}}},
                                       {{"Delete",
                                         {{"TableName", "B1x"},
                                          {"Key", key(3)},
                                          {"ConditionExpression", "attribute_exists(pk)"}}}}})}};
    const Answer a = call("TransactWriteItems", request);
    ASSERT_EQ(a.errorCode(), "TransactionCanceledException");
    EXPECT_EQ(a.message(),
              "Transaction cancelled, please refer cancellation reasons for specific reasons "
              "[None, ConditionalCheckFailed, ConditionalCheckFailed]");  // all failures reported
    ASSERT_EQ(a.body["CancellationReasons"].size(), 3u);
    EXPECT_EQ(a.body["CancellationReasons"][0], json({{"Code", "None"}}));
    EXPECT_EQ(count(), 1);  // nothing written

    ok("TransactWriteItems",
       {{"TransactItems", json::array({{{"Put", {{"TableName", "B1x"}, {"Item", key(2)}}}},
                                       {{"Update",
                                         {{"TableName", "B1x"},
                                          {"Key", key(1)},
                                          {"UpdateExpression", "SET v = :v"},
                                          {"ExpressionAttributeValues", {{":v", N("7")}}}}}}})}});
    EXPECT_EQ(count(), 2);
    const json got =
        ok("TransactGetItems",
           {{"TransactItems", json::array({{{"Get", {{"TableName", "B1x"}, {"Key", key(1)}}}},
                                           {{"Get", {{"TableName", "B1x"}, {"Key", key(9)}}}}})}});
    EXPECT_EQ(got["Responses"][0]["Item"]["v"], N("7"));
    EXPECT_EQ(got["Responses"][1], json::object());  // missing item: {}
}

TEST_F(Batches, TransactionRulesAreChecked) {  // §3.7
    fails("TransactWriteItems",
          {{"TransactItems", json::array({{{"Put", {{"TableName", "B1x"}, {"Item", key(1)}}}},
                                          {{"Delete", {{"TableName", "B1x"}, {"Key", key(1)}}}}})}},
          "ValidationException");  // two actions on one item
    json many = json::array();
    for (int i = 0; i < 101; ++i)
        many.push_back({{"Put", {{"TableName", "B1x"}, {"Item", key(i)}}}});
    fails("TransactWriteItems", {{"TransactItems", many}}, "ValidationException");
    json hundred = json::array();
    for (int i = 0; i < 100; ++i)
        hundred.push_back({{"Put", {{"TableName", "B1x"}, {"Item", key(i)}}}});
    ok("TransactWriteItems", {{"TransactItems", hundred}});  // 100 actions since Sept 2022
    EXPECT_EQ(count(), 100);
}

TEST_F(Batches, ClientRequestTokenMakesTransactionsIdempotent) {  // §3.7
    const json first = {
        {"ClientRequestToken", "tok-1"},
        {"TransactItems", json::array({{{"Update",
                                         {{"TableName", "B1x"},
                                          {"Key", key(1)},
                                          {"UpdateExpression", "ADD n :one"},
                                          {"ExpressionAttributeValues", {{":one", N("1")}}}}}}})}};
    ok("TransactWriteItems", first);
    ok("TransactWriteItems", first);  // same token, same request: no second effect
    const json item = ok("GetItem", {{"TableName", "B1x"}, {"Key", key(1)}});
    EXPECT_EQ(item["Item"]["n"], N("1"));
    json different = first;
    different["TransactItems"][0]["Update"]["ExpressionAttributeValues"][":one"] = N("2");
    fails("TransactWriteItems", different, "IdempotentParameterMismatchException");
}

}  // namespace
}  // namespace shardscope::testing

// SPDX-License-Identifier: MIT
// Single-item operations, conditions and ReturnValues (reference §3.1–§3.3).
#include "wirefixture.h"

namespace shardscope::testing {
namespace {

class Items : public WireTest {
protected:
    void SetUp() override {
        WireTest::SetUp();
        createKeyed("T1x");
    }
    json key(const std::string& pk, const std::string& sk) {
        return {{"pk", S(pk)}, {"sk", S(sk)}};
    }
    json get(const std::string& pk, const std::string& sk) {
        return ok("GetItem",
                  {{"TableName", "T1x"}, {"Key", key(pk, sk)}, {"ConsistentRead", true}});
    }
    void put(json item) { ok("PutItem", {{"TableName", "T1x"}, {"Item", item}}); }
};

TEST_F(Items, PutThenGetReturnsTheItem) {
    put({{"pk", S("a")}, {"sk", S("1")}, {"n", N("1.50")}, {"tags", {{"SS", {"y", "x"}}}}});
    const json item = get("a", "1")["Item"];
    EXPECT_EQ(item["n"], N("1.5"));  // §1.2: numbers come back normalised
    EXPECT_EQ(item["pk"], S("a"));
}

TEST_F(Items, GetOfMissingItemHasNoItemMember) {  // §3.1
    EXPECT_EQ(get("nope", "1"), json::object());
}

TEST_F(Items, KeyMustMatchSchema) {  // §1.3
    EXPECT_EQ(
        fails("GetItem", {{"TableName", "T1x"}, {"Key", {{"pk", S("a")}}}}, "ValidationException"),
        "The provided key element does not match the schema");
    fails("GetItem", {{"TableName", "T1x"}, {"Key", {{"pk", S("a")}, {"sk", N("1")}}}},
          "ValidationException");
    fails("GetItem",
          {{"TableName", "T1x"}, {"Key", {{"pk", S("a")}, {"sk", S("1")}, {"x", S("extra")}}}},
          "ValidationException");
    EXPECT_EQ(
        fails("PutItem", {{"TableName", "T1x"}, {"Item", {{"pk", S("a")}}}}, "ValidationException"),
        "One or more parameter values were invalid: Missing the key sk in the item");
    fails("PutItem", {{"TableName", "T1x"}, {"Item", {{"pk", S("")}, {"sk", S("1")}}}},
          "ValidationException");  // §1.1: empty string key
    fails("PutItem",
          {{"TableName", "T1x"}, {"Item", {{"pk", S(std::string(2049, 'k'))}, {"sk", S("1")}}}},
          "ValidationException");  // §1.3: partition key over 2048 bytes
    fails("PutItem",
          {{"TableName", "T1x"}, {"Item", {{"pk", S("a")}, {"sk", S(std::string(1025, 'k'))}}}},
          "ValidationException");  // §1.3: sort key over 1024 bytes
}

TEST_F(Items, UnknownTableIsResourceNotFound) {
    fails("GetItem", {{"TableName", "Nope"}, {"Key", key("a", "1")}}, "ResourceNotFoundException");
    fails("PutItem", {{"TableName", "Nope"}, {"Item", key("a", "1")}}, "ResourceNotFoundException");
}

TEST_F(Items, WrongJsonTypesAreSerializationErrors) {  // §1.1, §4.1
    fails("PutItem",
          {{"TableName", "T1x"}, {"Item", {{"pk", S("a")}, {"sk", S("1")}, {"n", {{"N", 12}}}}}},
          "SerializationException");
    fails("PutItem",
          {{"TableName", "T1x"}, {"Item", {{"pk", S("a")}, {"sk", S("1")}, {"b", {{"B", "AAE"}}}}}},
          "SerializationException");  // base64 without padding
    fails("PutItem", {{"TableName", 5}, {"Item", key("a", "1")}}, "SerializationException");
}

TEST_F(Items, OversizeItemIsRejected) {  // §1.4: 400 KB
    put({{"pk", S("a")}, {"sk", S("1")}, {"big", S(std::string(409600 - 16, 'x'))}});
    EXPECT_EQ(
        fails("PutItem",
              {{"TableName", "T1x"},
               {"Item", {{"pk", S("a")}, {"sk", S("2")}, {"big", S(std::string(409600, 'x'))}}}},
              "ValidationException"),
        "Item size has exceeded the maximum allowed size");
}

TEST_F(Items, ConditionalPutCreateIfAbsent) {  // §3.3: attribute_not_exists idiom
    const json request = {{"TableName", "T1x"},
                          {"Item", {{"pk", S("a")}, {"sk", S("1")}, {"v", N("1")}}},
                          {"ConditionExpression", "attribute_not_exists(pk)"}};
    ok("PutItem", request);
    EXPECT_EQ(fails("PutItem", request, "ConditionalCheckFailedException"),
              "The conditional request failed");
}

TEST_F(Items, FailedConditionCanReturnTheOldItem) {  // §3.1 ReturnValuesOnConditionCheckFailure
    put({{"pk", S("a")}, {"sk", S("1")}, {"v", N("1")}});
    const Answer a = call("DeleteItem", {{"TableName", "T1x"},
                                         {"Key", key("a", "1")},
                                         {"ConditionExpression", "v = :two"},
                                         {"ExpressionAttributeValues", {{":two", N("2")}}},
                                         {"ReturnValuesOnConditionCheckFailure", "ALL_OLD"}});
    EXPECT_EQ(a.errorCode(), "ConditionalCheckFailedException");
    EXPECT_EQ(a.body["Item"]["v"], N("1"));
    EXPECT_EQ(get("a", "1")["Item"]["v"], N("1"));  // nothing written
}

TEST_F(Items, PutReturnValues) {  // §3.1
    put({{"pk", S("a")}, {"sk", S("1")}, {"v", N("1")}});
    const json body = ok("PutItem", {{"TableName", "T1x"},
                                     {"Item", {{"pk", S("a")}, {"sk", S("1")}, {"v", N("2")}}},
                                     {"ReturnValues", "ALL_OLD"}});
    EXPECT_EQ(body["Attributes"]["v"], N("1"));
    const json fresh =
        ok("PutItem", {{"TableName", "T1x"}, {"Item", key("b", "1")}, {"ReturnValues", "ALL_OLD"}});
    EXPECT_FALSE(fresh.contains("Attributes"));  // ALL_OLD with no previous item
    fails("PutItem", {{"TableName", "T1x"}, {"Item", key("a", "1")}, {"ReturnValues", "ALL_NEW"}},
          "ValidationException");
    fails("PutItem", {{"TableName", "T1x"}, {"Item", key("a", "1")}, {"ReturnValues", "all_old"}},
          "ValidationException");  // values are case-sensitive
}

TEST_F(Items, UpdateCreatesWithSetAndReturnsUpdatedNew) {  // §3.1, §3.2
    const json body =
        ok("UpdateItem", {{"TableName", "T1x"},
                          {"Key", key("a", "1")},
                          {"UpdateExpression", "SET #c = :one, s = :s"},
                          {"ExpressionAttributeNames", {{"#c", "counter"}}},
                          {"ExpressionAttributeValues", {{":one", N("1")}, {":s", S("new")}}},
                          {"ReturnValues", "UPDATED_NEW"}});
    EXPECT_EQ(body["Attributes"], json({{"counter", N("1")}, {"s", S("new")}}));
    const json again = ok("UpdateItem", {{"TableName", "T1x"},
                                         {"Key", key("a", "1")},
                                         {"UpdateExpression", "SET #c = #c + :one"},
                                         {"ExpressionAttributeNames", {{"#c", "counter"}}},
                                         {"ExpressionAttributeValues", {{":one", N("1")}}},
                                         {"ReturnValues", "ALL_NEW"}});
    EXPECT_EQ(again["Attributes"]["counter"], N("2"));
    EXPECT_EQ(again["Attributes"]["s"], S("new"));
}

TEST_F(Items, RemoveOnlyUpdateOfMissingItemCreatesNothing) {  // §3.1 [OBS]
    ok("UpdateItem",
       {{"TableName", "T1x"}, {"Key", key("a", "1")}, {"UpdateExpression", "REMOVE x"}});
    EXPECT_EQ(get("a", "1"), json::object());
}

TEST_F(Items, UpdateCannotChangeKeyAttributes) {  // §1.3
    fails("UpdateItem",
          {{"TableName", "T1x"},
           {"Key", key("a", "1")},
           {"UpdateExpression", "SET sk = :v"},
           {"ExpressionAttributeValues", {{":v", S("2")}}}},
          "ValidationException");
}

TEST_F(Items, UnusedPlaceholdersAreRejected) {  // §3.1
    const std::string message =
        fails("UpdateItem",
              {{"TableName", "T1x"},
               {"Key", key("a", "1")},
               {"UpdateExpression", "SET v = :a"},
               {"ExpressionAttributeValues", {{":a", N("1")}, {":b", N("2")}}}},
              "ValidationException");
    EXPECT_NE(message.find(":b"), std::string::npos) << message;
    fails(
        "GetItem",
        {{"TableName", "T1x"}, {"Key", key("a", "1")}, {"ExpressionAttributeNames", {{"#a", "x"}}}},
        "ValidationException");  // names without any expression
}

TEST_F(Items, PlaceholderMapsAreChecked) {  // found by fuzzing: an empty name made an attribute ""
    EXPECT_EQ(fails("UpdateItem",
                    {{"TableName", "T1x"},
                     {"Key", key("a", "1")},
                     {"UpdateExpression", "SET #a = :v"},
                     {"ExpressionAttributeNames", {{"#a", ""}}},
                     {"ExpressionAttributeValues", {{":v", S("x")}}}},
                    "ValidationException"),
              "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a");
    fails("UpdateItem",
          {{"TableName", "T1x"},
           {"Key", key("a", "1")},
           {"UpdateExpression", "SET #a = :v"},
           {"ExpressionAttributeNames", {{"#a", "x"}, {"b", "y"}}},
           {"ExpressionAttributeValues", {{":v", S("x")}}}},
          "ValidationException");
    fails("UpdateItem",
          {{"TableName", "T1x"},
           {"Key", key("a", "1")},
           {"UpdateExpression", "SET x = :v"},
           {"ExpressionAttributeValues", {{":v", S("x")}, {"v", S("y")}}}},
          "ValidationException");
    fails("UpdateItem",
          {{"TableName", "T1x"},
           {"Key", key("a", "1")},
           {"AttributeUpdates", {{"", {{"Action", "PUT"}, {"Value", S("x")}}}}}},
          "ValidationException");
    EXPECT_EQ(get("a", "1"), json::object());
}

TEST_F(Items, ExpressionsAndLegacyParametersCannotMix) {  // §3.1
    fails("PutItem",
          {{"TableName", "T1x"},
           {"Item", key("a", "1")},
           {"ConditionExpression", "attribute_not_exists(pk)"},
           {"Expected", {{"pk", {{"Exists", false}}}}}},
          "ValidationException");
}

TEST_F(Items, LegacyExpectedAndAttributeUpdatesWork) {  // older SDKs still send these
    ok("PutItem", {{"TableName", "T1x"},
                   {"Item", {{"pk", S("a")}, {"sk", S("1")}, {"v", N("1")}}},
                   {"Expected", {{"pk", {{"Exists", false}}}}}});
    fails("PutItem",
          {{"TableName", "T1x"},
           {"Item", {{"pk", S("a")}, {"sk", S("1")}}},
           {"Expected", {{"pk", {{"Exists", false}}}}}},
          "ConditionalCheckFailedException");
    ok("UpdateItem", {{"TableName", "T1x"},
                      {"Key", key("a", "1")},
                      {"AttributeUpdates", {{"v", {{"Action", "ADD"}, {"Value", N("5")}}}}},
                      {"Expected", {{"v", {{"Value", N("1")}}}}}});
    EXPECT_EQ(get("a", "1")["Item"]["v"], N("6"));
}

TEST_F(Items, DeleteReturnsOldAndMissingDeleteIsQuiet) {  // §3.1, §5.2
    put({{"pk", S("a")}, {"sk", S("1")}, {"v", N("1")}});
    const json body = ok(
        "DeleteItem", {{"TableName", "T1x"}, {"Key", key("a", "1")}, {"ReturnValues", "ALL_OLD"}});
    EXPECT_EQ(body["Attributes"]["v"], N("1"));
    EXPECT_EQ(ok("DeleteItem",
                 {{"TableName", "T1x"}, {"Key", key("a", "1")}, {"ReturnValues", "ALL_OLD"}}),
              json::object());
}

TEST_F(Items, NumberKeysAreTheSameItemWhateverTheirSpelling) {  // §1.2
    WireTest::createKeyed("Nums", "N");
    for (const char* spelling : {"1000", "1e3", "1000.0", "001000", "+1000"})
        ok("PutItem", {{"TableName", "Nums"},
                       {"Item", {{"pk", S("p")}, {"sk", N(spelling)}, {"s", S(spelling)}}}});
    const json scan = ok("Scan", {{"TableName", "Nums"}});
    ASSERT_EQ(scan["Count"], 1);
    EXPECT_EQ(scan["Items"][0]["sk"], N("1000"));
    EXPECT_EQ(scan["Items"][0]["s"], S("+1000"));
}

TEST_F(Items, ConsumedCapacityWhenAsked) {
    const json body =
        ok("PutItem",
           {{"TableName", "T1x"}, {"Item", key("a", "1")}, {"ReturnConsumedCapacity", "TOTAL"}});
    EXPECT_EQ(body["ConsumedCapacity"]["TableName"], "T1x");
    EXPECT_EQ(body["ConsumedCapacity"]["CapacityUnits"], 1.0);
    fails("PutItem",
          {{"TableName", "T1x"}, {"Item", key("a", "1")}, {"ReturnConsumedCapacity", "ALL"}},
          "ValidationException");
}

// §2.2: reads are charged per 4 KB read, half for an eventually consistent one; the answers that
// carry whole items (written from the stored bytes) report it like every other, only when asked.
TEST_F(Items, ReadsReportConsumedCapacityWhenAsked) {
    json big = key("a", "1");
    big["text"] = S(std::string(5000, 'x'));  // over 4 KB: two read units
    put(big);
    put(key("a", "2"));
    const json got = ok("GetItem", {{"TableName", "T1x"},
                                    {"Key", key("a", "1")},
                                    {"ConsistentRead", true},
                                    {"ReturnConsumedCapacity", "TOTAL"}});
    EXPECT_EQ(got["Item"], big);
    EXPECT_EQ(got["ConsumedCapacity"], json({{"TableName", "T1x"}, {"CapacityUnits", 2.0}}));
    EXPECT_FALSE(get("a", "1").contains("ConsumedCapacity"));

    json query = {{"TableName", "T1x"},
                  {"KeyConditionExpression", "pk = :p"},
                  {"ExpressionAttributeValues", {{":p", S("a")}}},
                  {"ReturnConsumedCapacity", "TOTAL"}};
    const json page = ok("Query", query);
    EXPECT_EQ(page["Items"], json::array({big, key("a", "2")}));
    EXPECT_EQ(page["Count"], 2);
    EXPECT_EQ(page["ScannedCount"], 2);
    EXPECT_EQ(page["ConsumedCapacity"]["CapacityUnits"], 1.0);  // 5 KB eventually consistent
    query["Select"] = "COUNT";
    const json counted = ok("Query", query);
    EXPECT_FALSE(counted.contains("Items"));
    EXPECT_EQ(counted["Count"], 2);
    EXPECT_EQ(counted["ConsumedCapacity"]["CapacityUnits"], 1.0);
    const json scanned = ok("Scan", {{"TableName", "T1x"}});
    EXPECT_EQ(scanned["Count"], 2);
    EXPECT_FALSE(scanned.contains("ConsumedCapacity"));
}

// §3.1, §1.4: a put with no condition inserts a new key without reading it first; a put over an
// existing item still replaces it whole, moves its index entry, and is charged for the larger of
// the old and new item; the table's counters follow both.
TEST_F(Items, PutOfNewAndExistingKeysKeepsIndexesCountersAndCapacity) {
    createTable("G1x",
                json::array({{{"AttributeName", "pk"}, {"KeyType", "HASH"}},
                             {{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}),
                json::array({{{"AttributeName", "pk"}, {"AttributeType", "S"}},
                             {{"AttributeName", "sk"}, {"AttributeType", "S"}},
                             {{"AttributeName", "colour"}, {"AttributeType", "S"}}}),
                {{"GlobalSecondaryIndexes",
                  json::array({{{"IndexName", "byColour"},
                                {"KeySchema",
                                 json::array({{{"AttributeName", "colour"}, {"KeyType", "HASH"}}})},
                                {"Projection", {{"ProjectionType", "ALL"}}}}})}});
    auto putCapacity = [&](const json& item) {
        return ok("PutItem",
                  {{"TableName", "G1x"},
                   {"Item", item},
                   {"ReturnConsumedCapacity", "TOTAL"}})["ConsumedCapacity"]["CapacityUnits"]
            .get<double>();
    };
    auto countColour = [&](const std::string& colour) {
        return ok("Query", {{"TableName", "G1x"},
                            {"IndexName", "byColour"},
                            {"KeyConditionExpression", "colour = :c"},
                            {"ExpressionAttributeValues", {{":c", S(colour)}}}})["Count"]
            .get<int>();
    };
    json big = key("a", "1");
    big["colour"] = S("red");
    big["text"] = S(std::string(1500, 'x'));  // 1.5 KB: two write units
    EXPECT_EQ(putCapacity(big), 2.0);
    EXPECT_EQ(countColour("red"), 1);

    json small = key("a", "1");
    small["colour"] = S("blue");
    EXPECT_EQ(putCapacity(small), 2.0);  // the old item's size counts
    EXPECT_EQ(countColour("red"), 0);
    EXPECT_EQ(countColour("blue"), 1);
    EXPECT_EQ(ok("GetItem", {{"TableName", "G1x"}, {"Key", key("a", "1")}})["Item"], small);

    const json table = ok("DescribeTable", {{"TableName", "G1x"}})["Table"];
    EXPECT_EQ(table["ItemCount"], 1);
    // Names and values: "pk" "a" 3, "sk" "1" 3, "colour" "blue" 10.
    EXPECT_EQ(table["TableSizeBytes"], 16);
}

}  // namespace
}  // namespace shardscope::testing

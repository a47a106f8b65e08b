// SPDX-License-Identifier: MIT
// BatchWriteItem read straight from the request text (wire/directread.h): it must read every
// request of the usual shape exactly as the tree decoder does, and decline everything the tree
// decoder has to judge, so that every error still comes from one place (reference §1.1, §4.3).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../fuzz/fuzzharness.h"
#include "wire/directread.h"
#include "wirefixture.h"

namespace shardscope {
namespace {

using testing::Answer;
using testing::json;

std::string batchOf(const std::string& item) {
    return R"({"RequestItems":{"Tab":[{"PutRequest":{"Item":)" + item + "}}]}}";
}

// An M value nested `levels` deep inside the attribute "a" (itself at nesting level 2).
std::string nestedMaps(int levels) {
    std::string value = R"({"S":"leaf"})";
    for (int i = 0; i < levels; ++i) value = R"({"M":{"m":)" + value + "}}";
    return R"({"pk":{"S":"k"},"a":)" + value + "}";
}

TEST(DirectBatchWrite, ReadsEveryAcceptedShapeAsTheTreeDecoderDoes) {
    const std::vector<std::string> bodies = {
        batchOf(R"({"pk":{"S":"a"}})"),
        batchOf(R"({"pk":{"S":""},"n":{"N":"-0.0150E+3"},"b":{"B":"AAEC/w=="},)"
                R"("t":{"BOOL":true},"f":{"BOOL":false},"z":{"NULL":true}})"),
        batchOf(R"({"ss":{"SS":["b","a","\u00e9"]},"ns":{"NS":["10","9.5","-1"]},)"
                R"("bs":{"BS":["Ag==","AQ=="]}})"),
        batchOf(R"({"m":{"M":{"x":{"L":[{"S":"1"},{"N":"2"},{"M":{}},{"L":[]}]},"":{"S":"e"}}}})"),
        batchOf(R"({"\u0070k":{"S":"\ud83d\ude00 \" \\ \n"}})"),
        batchOf("{}"),
        batchOf(nestedMaps(31)),
        // Several tables, puts and deletes mixed, an empty list, whitespace, capacity asked for.
        " {\n \"RequestItems\" : {\"B\":[{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"1\"}}}},"
        "{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"2\"}}}}], \"A\":[], "
        "\"C\":[{\"DeleteRequest\":{\"Key\":{}}}]},\"ReturnConsumedCapacity\":\"TOTAL\"}\t",
        R"({"ReturnConsumedCapacity":"NONE","RequestItems":{}})",
        R"({"RequestItems":{"T":[]},"ReturnConsumedCapacity":"INDEXES"})",
    };
    for (const auto& body : bodies) {
        SCOPED_TRACE(body);
        EXPECT_TRUE(wire::readBatchWriteDirect(body).has_value()) << "declined";
        EXPECT_EQ(fuzz::checkDirectWrite("BatchWriteItem", body), "");
    }
}

TEST(DirectBatchWrite, DeclinesWhatOnlyTheTreeDecoderCanJudge) {
    const std::vector<std::string> bodies = {
        // Refused by DynamoDB: the tree decoder has the messages (§1.1).
        batchOf(R"({"n":{"N":12}})"),
        batchOf(R"({"n":{"N":"1x"}})"),
        batchOf(R"({"b":{"B":"AQ"}})"),
        batchOf(R"({"v":{}})"),
        batchOf(R"({"v":{"S":"a","N":"1"}})"),
        batchOf(R"({"v":{"Q":"a"}})"),
        batchOf(R"({"v":{"NULL":false}})"),
        batchOf(R"({"v":{"BOOL":"true"}})"),
        batchOf(R"({"v":{"SS":[]}})"),
        batchOf(R"({"v":{"SS":["a","a"]}})"),
        batchOf(R"({"v":{"NS":["1","1.0"]}})"),
        batchOf(R"({"v":{"BS":["AQ==","AQ=="]}})"),
        batchOf(R"({"v":{"SS":[1]}})"),
        batchOf(R"({"v":{"L":["a"]}})"),
        batchOf(R"({"v":{"M":[]}})"),
        batchOf(R"({"":{"S":"a"}})"),
        batchOf(nestedMaps(32)),
        batchOf(R"("item")"),
        R"({"RequestItems":{"T":[{}]}})",
        R"({"RequestItems":{"T":[{"PutRequest":{}}]}})",
        R"({"RequestItems":{"T":[{"PutRequest":{"Key":{}}}]}})",
        R"({"RequestItems":{"T":[{"PutRequest":{"Item":{}},"DeleteRequest":{"Key":{}}}]}})",
        R"({"RequestItems":{"T":{}}})",
        R"({"RequestItems":[]})",
        R"({"ReturnConsumedCapacity":"SOME","RequestItems":{}})",
        R"({})",
        R"([])",
        R"({"RequestItems":{}} x)",
        R"({"RequestItems":{)",
        // Read differently by a JSON tree: a null member counts as absent, a repeated name keeps
        // its last value, an unknown member is skipped.
        batchOf(R"({"v":{"S":null,"N":"1"}})"),
        batchOf(R"({"v":{"S":"a"},"v":{"S":"b"}})"),
        batchOf(R"({"v":{"S":"a","S":"b"}})"),
        R"({"RequestItems":{"T":[],"T":[]}})",
        R"({"RequestItems":{},"RequestItems":{}})",
        R"({"RequestItems":{"T":[{"PutRequest":{"Item":{},"Other":1}}]}})",
        R"({"RequestItems":{"T":[{"PutRequest":{"Item":{}},"DeleteRequest":null}]}})",
        R"({"RequestItems":{},"ReturnItemCollectionMetrics":"SIZE"})",
        R"({"RequestItems":{},"ReturnConsumedCapacity":null})",
    };
    for (const auto& body : bodies) {
        SCOPED_TRACE(body);
        EXPECT_FALSE(wire::readBatchWriteDirect(body).has_value()) << "read";
    }
}

TEST(DirectSingleWrite, ReadsTheUsualShapesAsTheTreeDecoderDoes) {
    const std::vector<std::pair<std::string, std::string>> requests = {
        {"PutItem", R"({"TableName":"Tab","Item":{"pk":{"S":"a"},"m":{"M":{"l":{"L":[]}}}}})"},
        {"PutItem", R"({"Item":{"pk":{"S":"a"}},"TableName":"Tab","ReturnConsumedCapacity":)"
                    R"j("TOTAL","ConditionExpression":"attribute_not_exists(#p)",)j"
                    R"("ExpressionAttributeNames":{"#p":"pk","#q":""},)"
                    R"("ExpressionAttributeValues":{":v":{"NS":["2","1"]},"":{"S":"e"}}})"},
        {"DeleteItem", R"({"TableName":"Tab","Key":{"pk":{"S":"a"}}})"},
        {"DeleteItem", R"({"TableName":"","Key":{},"ConditionExpression":"",)"
                       R"("ExpressionAttributeNames":{},"ExpressionAttributeValues":{}})"},
        {"UpdateItem", R"({"TableName":"Tab","Key":{"pk":{"S":"a"}},)"
                       R"("UpdateExpression":"SET #c = #c + :one, #s = :s",)"
                       R"("ExpressionAttributeNames":{"#c":"counter","#s":"status"},)"
                       R"("ExpressionAttributeValues":{":one":{"N":"1"},":s":{"S":"upd"}}})"},
    };
    for (const auto& [operation, body] : requests) {
        SCOPED_TRACE(operation + " " + body);
        const bool read = operation == "PutItem" ? wire::readPutItemDirect(body).has_value()
                          : operation == "DeleteItem"
                              ? wire::readDeleteItemDirect(body).has_value()
                              : wire::readUpdateItemDirect(body).has_value();
        EXPECT_TRUE(read) << "declined";
        EXPECT_EQ(fuzz::checkDirectWrite(operation, body), "");
    }
}

TEST(DirectSingleWrite, DeclinesWhatOnlyTheTreeDecoderCanJudge) {
    const std::vector<std::string> puts = {
        R"({"Item":{"pk":{"S":"a"}}})",
        R"({"TableName":"Tab"})",
        R"({"TableName":"Tab","Key":{"pk":{"S":"a"}}})",
        R"({"TableName":"Tab","Item":{"":{"S":"a"}}})",
        R"({"TableName":7,"Item":{}})",
        R"({"TableName":"Tab","Item":{},"ReturnValues":"ALL_OLD"})",
        R"({"TableName":"Tab","Item":{},"Expected":{}})",
        R"({"TableName":"Tab","Item":{},"UpdateExpression":"SET a = :a"})",
        R"({"TableName":"Tab","Item":{},"ExpressionAttributeNames":{"#a":"x","#a":"y"}})",
        R"({"TableName":"Tab","Item":{},"ExpressionAttributeNames":{"#a":1}})",
        R"({"TableName":"Tab","Item":{},"ExpressionAttributeValues":{":a":{"N":"x"}}})",
        R"({"TableName":"Tab","Item":{},"ExpressionAttributeValues":{":a":{"S":"x"},":a":{}}})",
        R"({"TableName":"Tab","Item":{},"ConditionExpression":null})",
        R"({"TableName":"Tab","TableName":"Other","Item":{}})",
        R"({"TableName":"Tab","Item":{},"ReturnConsumedCapacity":"ALL"})",
    };
    for (const auto& body : puts) {
        SCOPED_TRACE(body);
        EXPECT_FALSE(wire::readPutItemDirect(body).has_value()) << "read";
    }
    EXPECT_FALSE(wire::readDeleteItemDirect(R"({"TableName":"Tab","Item":{}})").has_value());
    EXPECT_FALSE(wire::readUpdateItemDirect(R"({"TableName":"Tab","Key":{},"AttributeUpdates":{}})")
                     .has_value());
}

// The same batch answers alike whichever decoder reads it: the direct one for the usual shape,
// the tree for the same request with a member only the tree reads (a null, which counts as
// absent).
class DirectBatchWriteWire : public testing::WireTest {};

TEST_F(DirectBatchWriteWire, BothDecodersStoreTheSameItems) {
    createStreamed("Tab", "NEW_IMAGE");
    const std::string item =
        R"({"pk":{"S":"a"},"n":{"N":"1.50"},"m":{"M":{"l":{"L":[{"B":"AQ=="}]}}}})";
    const std::string direct = batchOf(item);
    const std::string viaTree = R"({"ReturnItemCollectionMetrics":null,)" + direct.substr(1);
    ASSERT_TRUE(wire::readBatchWriteDirect(direct).has_value());
    ASSERT_FALSE(wire::readBatchWriteDirect(viaTree).has_value());

    ASSERT_EQ(callRaw("BatchWriteItem", direct).status, 200);
    const json first = ok("GetItem", {{"TableName", "Tab"}, {"Key", {{"pk", {{"S", "a"}}}}}});
    ok("DeleteItem", {{"TableName", "Tab"}, {"Key", {{"pk", {{"S", "a"}}}}}});
    ASSERT_EQ(callRaw("BatchWriteItem", viaTree).status, 200);
    const json second = ok("GetItem", {{"TableName", "Tab"}, {"Key", {{"pk", {{"S", "a"}}}}}});
    EXPECT_EQ(first, second);
    EXPECT_EQ(first["Item"]["n"], json({{"N", "1.5"}}));
}

// A declined request still gets DynamoDB's error, from the tree decoder.
TEST_F(DirectBatchWriteWire, DeclinedRequestsGetDynamoDbsErrors) {
    createStreamed("Tab", "NEW_IMAGE");
    const Answer nullFalse =
        callRaw("BatchWriteItem", batchOf(R"({"pk":{"S":"a"},"v":{"NULL":false}})"));
    EXPECT_EQ(nullFalse.errorCode(), "ValidationException");
    EXPECT_EQ(nullFalse.message(),
              "One or more parameter values were invalid: Null attribute value types must have "
              "the value of true");
    const Answer number = callRaw("BatchWriteItem", batchOf(R"({"pk":{"S":"a"},"v":{"N":1}})"));
    EXPECT_EQ(number.errorCode(), "SerializationException");
    EXPECT_EQ(number.message(), "NUMBER_VALUE can not be converted to a String");
}

}  // namespace
}  // namespace shardscope

// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/json.h"

using namespace shardscope::model;
using nlohmann::json;
using shardscope::ErrorCode;

namespace {

const std::string kInvalid = "One or more parameter values were invalid: ";
const std::string kEmpty =
    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
const std::string kSeveral =
    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
    "supported datatypes";
const std::string kNesting =
    "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
    "beyond supported limit";

struct RoundTrip {
    std::string input;
    std::string canonical;
};

// §1.1 wire forms decode, and encode back in canonical form (§1.2 normalised N, sorted sets).
class JsonRoundTripTest : public testing::TestWithParam<RoundTrip> {};

TEST_P(JsonRoundTripTest, DecodesAndEncodesCanonically) {
    auto value = valueFromJson(json::parse(GetParam().input));
    ASSERT_TRUE(value.ok()) << GetParam().input << ": " << value.error().message;
    EXPECT_EQ(toJson(*value).dump(), GetParam().canonical);
    auto again = valueFromJson(toJson(*value));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *value);
}

INSTANTIATE_TEST_SUITE_P(
    WireForms, JsonRoundTripTest,
    testing::Values(
        RoundTrip{R"({"S":"hello"})", R"({"S":"hello"})"}, RoundTrip{R"({"S":""})", R"({"S":""})"},
        RoundTrip{R"({"S":"a\u0000b"})", R"({"S":"a\u0000b"})"},
        RoundTrip{R"({"N":"-12.50"})", R"({"N":"-12.5"})"},
        RoundTrip{R"({"N":"1e3"})", R"({"N":"1000"})"},
        RoundTrip{R"({"B":"AAEC/w=="})", R"({"B":"AAEC/w=="})"},
        RoundTrip{R"({"B":""})", R"({"B":""})"}, RoundTrip{R"({"BOOL":true})", R"({"BOOL":true})"},
        RoundTrip{R"({"BOOL":false})", R"({"BOOL":false})"},
        RoundTrip{R"({"NULL":true})", R"({"NULL":true})"}, RoundTrip{R"({"M":{}})", R"({"M":{}})"},
        RoundTrip{R"({"M":{"k":{"S":"v"},"a":{"N":"01"}}})",
                  R"({"M":{"a":{"N":"1"},"k":{"S":"v"}}})"},
        RoundTrip{R"({"L":[]})", R"({"L":[]})"},
        RoundTrip{R"({"L":[{"N":"1"},{"S":"x"},{"L":[{"NULL":true}]}]})",
                  R"({"L":[{"N":"1"},{"S":"x"},{"L":[{"NULL":true}]}]})"},
        RoundTrip{R"({"SS":["b","a",""]})", R"({"SS":["","a","b"]})"},
        RoundTrip{R"({"NS":["10","9","-1.50"]})", R"({"NS":["-1.5","9","10"]})"},
        RoundTrip{R"({"BS":["gA==","fw=="]})", R"({"BS":["fw==","gA=="]})"},
        // A null member counts as absent, as in DynamoDB's deserializer.
        RoundTrip{R"({"S":"x","N":null})", R"({"S":"x"})"}));

struct Rejection {
    std::string input;
    ErrorCode code;
    std::string message;  // empty: only the code is pinned
};

class JsonRejectionTest : public testing::TestWithParam<Rejection> {};

TEST_P(JsonRejectionTest, RejectsWithDynamoDbErrorType) {
    auto value = valueFromJson(json::parse(GetParam().input));
    ASSERT_FALSE(value.ok()) << GetParam().input;
    EXPECT_EQ(value.error().code, GetParam().code) << GetParam().input;
    if (!GetParam().message.empty()) {
        EXPECT_EQ(value.error().message, GetParam().message);
    }
}

// §1.1: exactly one type key, else ValidationException.
INSTANTIATE_TEST_SUITE_P(
    TypeKeys, JsonRejectionTest,
    testing::Values(Rejection{R"({})", ErrorCode::Validation, kEmpty},
                    Rejection{R"({"S":null})", ErrorCode::Validation, kEmpty},
                    Rejection{R"({"S":"a","N":"1"})", ErrorCode::Validation, kSeveral},
                    Rejection{R"({"NULL":true,"BOOL":true})", ErrorCode::Validation, kSeveral},
                    Rejection{R"({"X":"a"})", ErrorCode::Serialization, ""},
                    Rejection{R"({"s":"a"})", ErrorCode::Serialization, ""},
                    Rejection{R"("a")", ErrorCode::Serialization, ""},
                    Rejection{R"([{"S":"a"}])", ErrorCode::Serialization, ""}));

// §1.1 / §4.1: JSON type mismatches and bad base64 are SerializationExceptions.
INSTANTIATE_TEST_SUITE_P(
    JsonTypes, JsonRejectionTest,
    testing::Values(Rejection{R"({"N":12})", ErrorCode::Serialization,
                              "NUMBER_VALUE can not be converted to a String"},
                    Rejection{R"({"S":1})", ErrorCode::Serialization, ""},
                    Rejection{R"({"S":true})", ErrorCode::Serialization, ""},
                    Rejection{R"({"BOOL":"true"})", ErrorCode::Serialization,
                              "STRING_VALUE can not be converted to a Boolean"},
                    Rejection{R"({"NULL":"true"})", ErrorCode::Serialization, ""},
                    Rejection{R"({"L":{}})", ErrorCode::Serialization,
                              "Start of structure or map found where not expected."},
                    Rejection{R"({"M":[]})", ErrorCode::Serialization,
                              "Start of list found where not expected."},
                    Rejection{R"({"M":"x"})", ErrorCode::Serialization, ""},
                    Rejection{R"({"L":[1]})", ErrorCode::Serialization, ""},
                    Rejection{R"({"SS":"a"})", ErrorCode::Serialization, ""},
                    Rejection{R"({"SS":[1]})", ErrorCode::Serialization, ""},
                    Rejection{R"({"NS":[1]})", ErrorCode::Serialization, ""},
                    Rejection{R"({"BS":[true]})", ErrorCode::Serialization, ""},
                    Rejection{R"({"B":"AAE"})", ErrorCode::Serialization, ""},
                    Rejection{R"({"B":"A*=="})", ErrorCode::Serialization, ""},
                    Rejection{R"({"BS":["AAE="," AAE="]})", ErrorCode::Serialization, ""},
                    // A mismatch wins over the multi-type check: deserialization comes first.
                    Rejection{R"({"S":"a","N":1})", ErrorCode::Serialization, ""}));

// §1.1 / §1.2: validity rules with DynamoDB's messages (texts as captured by dynalite's tests).
INSTANTIATE_TEST_SUITE_P(
    Validity, JsonRejectionTest,
    testing::Values(
        Rejection{R"({"NULL":false})", ErrorCode::Validation,
                  kInvalid + "Null attribute value types must have the value of true"},
        Rejection{R"({"SS":[]})", ErrorCode::Validation,
                  kInvalid + "An string set  may not be empty"},
        Rejection{R"({"NS":[]})", ErrorCode::Validation,
                  kInvalid + "An number set  may not be empty"},
        Rejection{R"({"BS":[]})", ErrorCode::Validation,
                  kInvalid + "Binary sets should not be empty"},
        Rejection{R"({"SS":["a","a"]})", ErrorCode::Validation,
                  kInvalid + "Input collection [a, a] contains duplicates."},
        Rejection{R"({"NS":["1","1.0"]})", ErrorCode::Validation,
                  kInvalid + "Input collection [1, 1.0] contains duplicates."},
        Rejection{R"({"BS":["Yg==","Yg=="]})", ErrorCode::Validation,
                  kInvalid + "Input collection [Yg==, Yg==]of type BS contains duplicates."},
        Rejection{R"({"N":"abc"})", ErrorCode::Validation,
                  "The parameter cannot be converted to a numeric value"},
        Rejection{R"({"N":""})", ErrorCode::Validation,
                  "The parameter cannot be converted to a numeric value"},
        Rejection{R"({"NS":["1","x"]})", ErrorCode::Validation,
                  "The parameter cannot be converted to a numeric value"},
        Rejection{R"({"N":"1e126"})", ErrorCode::Validation,
                  "Number overflow. Attempting to store a number with magnitude larger than "
                  "supported range"},
        Rejection{R"({"M":{"a":{}}})", ErrorCode::Validation, kEmpty},
        Rejection{R"({"L":[{"S":"a","S2":"b"}]})", ErrorCode::Serialization, ""}));

json deepMap(int wraps) {
    json value = {{"S", "leaf"}};
    for (int i = 0; i < wraps; ++i) value = {{"M", {{"n", value}}}};
    return value;
}

json deepList(int wraps) {
    json value = {{"N", "1"}};
    for (int i = 0; i < wraps; ++i) value = {{"L", json::array({value})}};
    return value;
}

// §1.5 / §0: 32 levels counting the item: an attribute wrapped in 31 maps (leaf at level 33
// inside a level-32 map) is accepted, 32 wraps are rejected (observed on AWS).
TEST(JsonTest, NestingLimitIs32LevelsCountingTheItem) {
    EXPECT_TRUE(itemFromJson({{"pk", {{"S", "a"}}}, {"data", deepMap(31)}}).ok());
    EXPECT_TRUE(itemFromJson({{"data", deepList(31)}}).ok());
    for (const json& deep : {deepMap(32), deepList(32), deepMap(50)}) {
        auto item = itemFromJson({{"data", deep}});
        ASSERT_FALSE(item.ok());
        EXPECT_EQ(item.error().code, ErrorCode::Validation);
        EXPECT_EQ(item.error().message, kNesting);
    }
    // A value decoded on its own starts at the attribute level unless told otherwise.
    EXPECT_TRUE(valueFromJson(deepMap(31)).ok());
    EXPECT_FALSE(valueFromJson(deepMap(31), 3).ok());
}

TEST(JsonTest, ItemDecoding) {
    auto item = itemFromJson(json::parse(R"({"pk":{"S":"a"},"n":{"N":"1.0"},"":{"S":"x"}})"));
    ASSERT_FALSE(item.ok());
    EXPECT_EQ(item.error().code, ErrorCode::Validation);  // §1.5: empty attribute name
    EXPECT_EQ(item.error().message, kInvalid + "An attribute name cannot be empty");

    item = itemFromJson(json::parse(R"({"pk":{"S":"a"},"n":{"N":"1.0"}})"));
    ASSERT_TRUE(item.ok());
    EXPECT_EQ(item->size(), 2u);
    EXPECT_EQ(toJson(*item).dump(), R"({"n":{"N":"1"},"pk":{"S":"a"}})");
    EXPECT_TRUE(itemFromJson(json::object()).ok());

    EXPECT_EQ(itemFromJson(json::array()).error().code, ErrorCode::Serialization);
    EXPECT_EQ(itemFromJson(json::parse(R"({"a":"x"})")).error().code, ErrorCode::Serialization);
    EXPECT_EQ(itemFromJson(json::parse(R"({"a":{"N":"x"}})")).error().code, ErrorCode::Validation);
}

// §1.1: standard base64 with padding (RFC 4648 test vectors).
TEST(JsonTest, Base64Vectors) {
    const std::pair<std::string, std::string> vectors[] = {
        {"", ""},
        {"f", "Zg=="},
        {"fo", "Zm8="},
        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="},
        {"fooba", "Zm9vYmE="},
        {"foobar", "Zm9vYmFy"},
        {std::string("\0\1\2\xff", 4), "AAEC/w=="},
        {"\xfb\xff", "+/8="}};
    for (const auto& [bytes, text] : vectors) {
        EXPECT_EQ(base64Encode(bytes), text);
        std::string decoded = "garbage";
        ASSERT_TRUE(base64Decode(text, decoded)) << text;
        EXPECT_EQ(decoded, bytes);
    }
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(char(i));
    for (size_t len = 0; len <= all.size(); len += 37) {
        std::string decoded;
        ASSERT_TRUE(base64Decode(base64Encode(all.substr(0, len)), decoded));
        EXPECT_EQ(decoded, all.substr(0, len));
    }
}

// §1.1: missing padding, stray or URL-safe characters, padding in the middle are rejected.
TEST(JsonTest, Base64RejectsMalformedText) {
    const char* bad[] = {"Zg",   "Zg=",    "Zm9",   "Zm8==",    "Zg==Zg==",        "Z===",
                         "====", "Zm9v\n", "Zm 9v", "Zm9v-_==", "Zm9v_w==",        "=Zm9",
                         "Zh==", "Zm9=",   "Zm=v",  "Zm9vYg=",  "\xff\xff\xff\xff"};
    for (const char* text : bad) {
        std::string decoded;
        EXPECT_FALSE(base64Decode(text, decoded)) << text;
    }
}

}  // namespace

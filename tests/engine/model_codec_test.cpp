// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <random>

#include <nlohmann/json.hpp>
#include "model/codec.h"

#include "model/json.h"

using namespace shardscope::model;

namespace {

Number num(std::string_view text) {
    return Number::parse(text).value();
}

Item sampleItem() {
    AttributeValue::Map inner{{"deep", AttributeValue::list({AttributeValue::null()})},
                              {"", AttributeValue::string("empty name inside a map")}};
    return Item{
        {"pk", AttributeValue::string("user#1")},
        {"sk", AttributeValue::number(num("-12.5e-3"))},
        {"bin", AttributeValue::binary(std::string("\0\x80\xff", 3))},
        {"flag", AttributeValue::boolean(true)},
        {"off", AttributeValue::boolean(false)},
        {"nothing", AttributeValue::null()},
        {"zero", AttributeValue::number(Number())},
        {"big", AttributeValue::number(num("9.9999999999999999999999999999999999999E+125"))},
        {"tiny", AttributeValue::number(num("-1e-130"))},
        {"map", AttributeValue::map(inner)},
        {"emptyMap", AttributeValue::map({})},
        {"list",
         AttributeValue::list({AttributeValue::string(""), AttributeValue::number(num("7"))})},
        {"ss", AttributeValue::stringSet({"b", "a", ""})},
        {"ns", AttributeValue::numberSet({num("3"), num("-1"), num("0.5")})},
        {"bs", AttributeValue::binarySet({"\x80", "\x01"})},
        {std::string("nul\0name", 8), AttributeValue::string(std::string("a\0b", 3))},
    };
}

// The workspace file stores items in this form: every type survives the round trip.
TEST(CodecTest, RoundTripsEveryType) {
    const Item item = sampleItem();
    Item decoded{{"stale", AttributeValue::null()}};
    ASSERT_TRUE(decodeItem(encodeItem(item), decoded));
    EXPECT_EQ(decoded, item);
    ASSERT_TRUE(decodeItem(encodeItem({}), decoded));
    EXPECT_TRUE(decoded.empty());
}

// §1.5: the deepest item DynamoDB accepts (32 levels) must store and load.
// GetRecords renders images straight from their stored bytes: the text must be exactly the
// DynamoDB JSON the tree writer gives (§1.1 wire forms: N as a string, B as base64, NULL true).
TEST(CodecTest, DirectJsonEqualsTreeJson) {
    const Item item = sampleItem();
    std::string text;
    ASSERT_TRUE(appendItemJson(encodeItem(item), text));
    EXPECT_EQ(text, toJson(item).dump());
    std::string empty;
    ASSERT_TRUE(appendItemJson(encodeItem(Item{}), empty));
    EXPECT_EQ(empty, "{}");
    std::string bad;
    EXPECT_FALSE(appendItemJson("\x01\x05", bad));
    Item quoted{{"a\"b\\c\n", AttributeValue::string("x\ty\"\x01")}};
    std::string escaped;
    ASSERT_TRUE(appendItemJson(encodeItem(quoted), escaped));
    EXPECT_EQ(escaped, toJson(quoted).dump());
}

// The direct writer copies unescaped runs whole: escapes at either end of a string, next to one
// another, every ASCII character and multibyte UTF-8 must still come out as the tree writer's.
TEST(CodecTest, DirectJsonEscapesLikeTreeJson) {
    std::string everyAscii;
    for (int c = 0; c < 0x80; ++c) everyAscii.push_back(char(c));
    const std::vector<std::string> texts = {"",
                                            "\"",
                                            "\\",
                                            "\n\"",
                                            "\x1f\x01",
                                            "plain",
                                            "\"quoted\"",
                                            "a\\b",
                                            "end\n",
                                            "\tstart",
                                            "\x7f del",
                                            "caf\xc3\xa9",
                                            "\xe2\x82\xac\"\xf0\x9f\x98\x80",
                                            "0123456789abcdef\"0123456789\\0123\x1f",
                                            "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\"",
                                            everyAscii};
    for (const std::string& text : texts) {
        const Item item{{text, AttributeValue::string(text)},
                        {"set", AttributeValue::stringSet({text + "x", "y" + text})}};
        std::string direct;
        ASSERT_TRUE(appendItemJson(encodeItem(item), direct));
        EXPECT_EQ(direct, toJson(item).dump()) << "for " << nlohmann::json(text).dump();
    }
}

TEST(CodecTest, RoundTripsMaximumNesting) {
    AttributeValue value = AttributeValue::string("leaf");
    for (int i = 0; i < 31; ++i) value = AttributeValue::map({{"n", value}});
    const Item item{{"data", value}};
    Item decoded;
    ASSERT_TRUE(decodeItem(encodeItem(item), decoded));
    EXPECT_EQ(decoded, item);
}

// A damaged file is reported, never trusted: every truncation of a valid encoding fails.
TEST(CodecTest, RejectsEveryTruncation) {
    const std::string bytes = encodeItem(sampleItem());
    for (size_t len = 0; len < bytes.size(); ++len) {
        Item decoded;
        EXPECT_FALSE(decodeItem(std::string_view(bytes).substr(0, len), decoded)) << len;
    }
    Item decoded;
    EXPECT_FALSE(decodeItem(bytes + '\0', decoded));  // trailing garbage
}

TEST(CodecTest, RejectsHandMadeGarbage) {
    const std::string cases[] = {
        "",
        std::string("\x02\x00", 2),                                       // unknown format version
        std::string("\x01\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11),  // huge count
        std::string("\x01\x01\x01"
                    "a"
                    "\x0b",
                    5),  // unknown type tag
        std::string("\x01\x01\x01"
                    "a"
                    "\x03\x02",
                    6),  // BOOL that is neither 0 nor 1
        std::string("\x01\x01\x01"
                    "a"
                    "\x01\x03"
                    "abc",
                    8),  // N that is not a number
        std::string("\x01\x01\x01"
                    "a"
                    "\x07\x00",
                    6),  // empty SS
        std::string("\x01\x01\x01"
                    "a"
                    "\x07\x02\x01"
                    "b\x01"
                    "a",
                    10),  // unsorted SS
        std::string("\x01\x01\x01"
                    "a"
                    "\x07\x02\x01"
                    "a\x01"
                    "a",
                    10),  // duplicate SS
        std::string("\x01\x02\x01"
                    "b\x04\x01"
                    "a\x04",
                    8),  // names out of order
        std::string("\x01\x01\x01"
                    "a"
                    "\x00\xff\xff\xff\xff\x0f",
                    10),  // length past the end
    };
    for (const auto& bytes : cases) {
        Item decoded;
        EXPECT_FALSE(decodeItem(bytes, decoded)) << testing::PrintToString(bytes);
    }
}

// Cheap in-test fuzzing: random mutations of a valid encoding must never crash or hang, and
// anything accepted must re-encode to itself (decodeItem only accepts encodeItem's output).
TEST(CodecTest, SurvivesRandomMutations) {
    const std::string original = encodeItem(sampleItem());
    std::mt19937 rng(3);
    for (int round = 0; round < 20000; ++round) {
        std::string bytes = original;
        const int edits = 1 + int(rng() % 4);
        for (int e = 0; e < edits; ++e) {
            const size_t at = rng() % bytes.size();
            switch (rng() % 3) {
                case 0:
                    bytes[at] = char(rng());
                    break;
                case 1:
                    bytes.erase(at, 1 + rng() % 3);
                    break;
                default:
                    bytes.insert(at, 1, char(rng()));
                    break;
            }
            if (bytes.empty()) bytes.push_back('\x01');
        }
        Item decoded;
        if (decodeItem(bytes, decoded)) {
            EXPECT_EQ(encodeItem(decoded), bytes);
        }
    }
    // Deep nesting in garbage must not exhaust the stack.
    std::string deep =
        "\x01\x01\x01"
        "a";
    for (int i = 0; i < 100000; ++i) deep += std::string("\x06\x01", 2);
    Item decoded;
    EXPECT_FALSE(decodeItem(deep, decoded));
}

}  // namespace

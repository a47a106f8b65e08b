// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>

#include "model/keys.h"

using namespace shardscope::model;

namespace {

AttributeValue n(std::string_view text) {
    return AttributeValue::number(Number::parse(text).value());
}

int sign(int v) {
    return v < 0 ? -1 : (v > 0 ? 1 : 0);
}

int memcmpOrder(const std::string& a, const std::string& b) {
    const int c = std::memcmp(a.data(), b.data(), std::min(a.size(), b.size()));
    if (c != 0) return sign(c);
    return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

void expectEncodingPreservesOrder(const std::vector<AttributeValue>& values) {
    std::vector<std::string> encoded;
    for (const auto& v : values) encoded.push_back(encodeKeyValue(v));
    for (size_t i = 0; i < values.size(); ++i) {
        for (size_t j = 0; j < values.size(); ++j) {
            ASSERT_EQ(memcmpOrder(encoded[i], encoded[j]), compareKeyValues(values[i], values[j]))
                << i << " vs " << j;
        }
    }
}

// §1.3: key attributes are S, N or B and must match the declared type.
TEST(KeysTest, TypeMatching) {
    EXPECT_EQ(toType(KeyType::S), Type::S);
    EXPECT_EQ(toType(KeyType::N), Type::N);
    EXPECT_EQ(toType(KeyType::B), Type::B);
    EXPECT_TRUE(keyTypeMatches(KeyType::S, AttributeValue::string("a")));
    EXPECT_FALSE(keyTypeMatches(KeyType::S, AttributeValue::binary("a")));
    EXPECT_TRUE(keyTypeMatches(KeyType::N, n("1")));
    EXPECT_FALSE(keyTypeMatches(KeyType::N, AttributeValue::string("1")));
    EXPECT_TRUE(keyTypeMatches(KeyType::B, AttributeValue::binary("")));
    EXPECT_FALSE(keyTypeMatches(KeyType::B, AttributeValue::stringSet({"a"})));
}

// §1.5: N numerically; S by UTF-8 bytes; B by unsigned bytes (0x80 after 0x7F).
TEST(KeysTest, CompareKeyValues) {
    EXPECT_LT(compareKeyValues(n("9"), n("10")), 0);
    EXPECT_EQ(compareKeyValues(n("1e3"), n("1000.0")), 0);
    EXPECT_GT(compareKeyValues(n("-1"), n("-2")), 0);
    EXPECT_LT(compareKeyValues(AttributeValue::string("Z"), AttributeValue::string("a")), 0);
    EXPECT_LT(compareKeyValues(AttributeValue::string("z"), AttributeValue::string("\xc3\xa9")), 0);
    EXPECT_LT(compareKeyValues(AttributeValue::string("a"), AttributeValue::string("ab")), 0);
    EXPECT_LT(compareKeyValues(AttributeValue::binary("\x7f"), AttributeValue::binary("\x80")), 0);
    EXPECT_LT(compareKeyValues(AttributeValue::binary(std::string(1, '\0')),
                               AttributeValue::binary("\x01")),
              0);
    EXPECT_EQ(compareKeyValues(AttributeValue::binary("ab"), AttributeValue::binary("ab")), 0);
}

// §1.2: spellings of one number encode to the same key bytes.
TEST(KeysTest, EqualNumbersEncodeIdentically) {
    EXPECT_EQ(encodeKeyValue(n("1000")), encodeKeyValue(n("1e3")));
    EXPECT_EQ(encodeKeyValue(n("+001000.000")), encodeKeyValue(n("1000")));
    EXPECT_EQ(encodeKeyValue(n("-0")), encodeKeyValue(n("0")));
    EXPECT_NE(encodeKeyValue(n("1")), encodeKeyValue(n("10")));
}

TEST(KeysTest, NumberEncodingOrderOnEdgeCases) {
    std::vector<AttributeValue> values;
    for (const char* text : {"-9.9999999999999999999999999999999999999E+125",
                             "-1e125",
                             "-100",
                             "-10.5",
                             "-10",
                             "-9",
                             "-1.01",
                             "-1.001",
                             "-1",
                             "-0.99",
                             "-0.1",
                             "-0.12",
                             "-0.123",
                             "-1e-130",
                             "0",
                             "1e-130",
                             "0.1",
                             "0.12",
                             "0.123",
                             "0.99",
                             "1",
                             "1.001",
                             "1.01",
                             "9",
                             "10",
                             "10.5",
                             "100",
                             "101",
                             "1e125",
                             "9.9999999999999999999999999999999999999E+125"})
        values.push_back(n(text));
    expectEncodingPreservesOrder(values);
}

// The order property on many random numbers: negatives, tiny and huge magnitudes, and values
// that share digit prefixes (the case where a terminator matters).
TEST(KeysTest, NumberEncodingPreservesOrderRandomly) {
    std::mt19937 rng(7);
    std::vector<AttributeValue> values;
    for (int i = 0; i < 400; ++i) {
        std::string text = rng() % 2 ? "-" : "";
        const int digits = 1 + int(rng() % 38);
        const char pool[] = "0123456789";
        for (int d = 0; d < digits; ++d) text.push_back(pool[rng() % (i % 3 == 0 ? 2 : 10)]);
        const int maxExp = 125 - digits + 1;
        const int exponent = int(rng() % (maxExp + 130)) - 130 + 1;
        text += "e" + std::to_string(std::max(exponent, -130));
        auto parsed = Number::parse(text);
        if (!parsed) continue;  // rare underflow of a leading-zero mantissa
        values.push_back(AttributeValue::number(*parsed));
        // A neighbour with one more trailing digit shares the whole digit prefix.
        if (parsed->significantDigits() < Number::kMaxDigits) {
            const std::string longer = std::string(parsed->isNegative() ? "-." : ".") +
                                       parsed->digits() + std::to_string(1 + rng() % 9) + "e" +
                                       std::to_string(parsed->exponent());
            values.push_back(n(longer));
        }
    }
    expectEncodingPreservesOrder(values);
}

// S and B keys encode as their raw bytes, so memcmp order equals unsigned byte order.
TEST(KeysTest, StringAndBinaryEncodingPreservesOrder) {
    std::mt19937 rng(11);
    for (Type type : {Type::S, Type::B}) {
        std::vector<AttributeValue> values;
        for (int i = 0; i < 200; ++i) {
            std::string bytes;
            const int len = int(rng() % 5);
            for (int b = 0; b < len; ++b)
                bytes.push_back(char(rng() % 4 == 0 ? 0x80 : rng() % 256));
            values.push_back(type == Type::S ? AttributeValue::string(bytes)
                                             : AttributeValue::binary(bytes));
        }
        expectEncodingPreservesOrder(values);
    }
}

}  // namespace

// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "model/value.h"

using namespace shardscope::model;

namespace {

Number num(std::string_view text) {
    return Number::parse(text).value();
}
AttributeValue n(std::string_view text) {
    return AttributeValue::number(num(text));
}
AttributeValue s(std::string text) {
    return AttributeValue::string(std::move(text));
}

// §1.1: the ten wire spellings, both directions.
TEST(ValueTest, TypeNamesRoundTrip) {
    const std::pair<Type, const char*> names[] = {
        {Type::S, "S"},        {Type::N, "N"},  {Type::B, "B"}, {Type::BOOL, "BOOL"},
        {Type::NULL_, "NULL"}, {Type::M, "M"},  {Type::L, "L"}, {Type::SS, "SS"},
        {Type::NS, "NS"},      {Type::BS, "BS"}};
    for (const auto& [type, name] : names) {
        EXPECT_EQ(typeName(type), name);
        Type parsed = Type::S;
        ASSERT_TRUE(typeFromName(name, parsed)) << name;
        EXPECT_EQ(parsed, type);
    }
    Type t = Type::S;
    EXPECT_FALSE(typeFromName("s", t));
    EXPECT_FALSE(typeFromName("", t));
    EXPECT_FALSE(typeFromName("STRING", t));
}

TEST(ValueTest, ConstructorsAndAccessors) {
    EXPECT_EQ(s("x").asString(), "x");
    EXPECT_TRUE(s("x").is(Type::S));
    EXPECT_EQ(AttributeValue::binary(std::string("\0\xff", 2)).asString().size(), 2u);
    EXPECT_EQ(n("1.50").asNumber().toString(), "1.5");
    EXPECT_TRUE(AttributeValue::boolean(true).asBool());
    EXPECT_TRUE(AttributeValue::null().is(Type::NULL_));
    EXPECT_TRUE(AttributeValue().is(Type::NULL_));
    auto m = AttributeValue::map({{"a", s("x")}});
    m.asMap()["b"] = n("2");
    EXPECT_EQ(m.memberCount(), 2u);
    auto l = AttributeValue::list({s("x"), n("1")});
    l.asList().push_back(AttributeValue::null());
    EXPECT_EQ(l.memberCount(), 3u);
    EXPECT_EQ(s("abc").memberCount(), 0u);
    EXPECT_FALSE(l.isSet());
}

// §1.1: sets are unordered and duplicate-free; stored canonically (SS/BS bytewise unsigned, NS
// numerically).
TEST(ValueTest, SetsAreCanonical) {
    auto ss = AttributeValue::stringSet({"b", "a", "\xc3\xa9", "b", "Z"});
    EXPECT_EQ(ss.asStringSet(), (std::vector<std::string>{"Z", "a", "b", "\xc3\xa9"}));
    EXPECT_EQ(ss.memberCount(), 4u);
    EXPECT_TRUE(ss.isSet());

    auto bs = AttributeValue::binarySet({"\x80", "\x7f", "\x01", "\x7f"});
    EXPECT_EQ(bs.asStringSet(), (std::vector<std::string>{"\x01", "\x7f", "\x80"}));

    auto ns = AttributeValue::numberSet({num("10"), num("9"), num("-1"), num("1e1"), num("0.5")});
    ASSERT_EQ(ns.memberCount(), 4u);
    EXPECT_EQ(ns.asNumberSet()[0].toString(), "-1");
    EXPECT_EQ(ns.asNumberSet()[1].toString(), "0.5");
    EXPECT_EQ(ns.asNumberSet()[2].toString(), "9");
    EXPECT_EQ(ns.asNumberSet()[3].toString(), "10");
}

// §1.1: deep equality; maps by key, sets as sets, numbers by value, S and B never equal.
TEST(ValueTest, DeepEquality) {
    EXPECT_EQ(n("1e3"), n("1000"));
    EXPECT_NE(n("1"), s("1"));
    EXPECT_NE(s("a"), AttributeValue::binary("a"));
    EXPECT_NE(AttributeValue::stringSet({"a"}), AttributeValue::binarySet({"a"}));
    EXPECT_EQ(AttributeValue::stringSet({"a", "b"}), AttributeValue::stringSet({"b", "a", "a"}));
    EXPECT_EQ(AttributeValue::numberSet({num("1"), num("2")}),
              AttributeValue::numberSet({num("2.0"), num("1")}));
    EXPECT_EQ(AttributeValue::map({{"a", n("1")}, {"b", s("x")}}),
              AttributeValue::map({{"b", s("x")}, {"a", n("1.0")}}));
    EXPECT_NE(AttributeValue::map({{"a", n("1")}}), AttributeValue::map({{"a", n("2")}}));
    EXPECT_NE(AttributeValue::list({n("1"), n("2")}), AttributeValue::list({n("2"), n("1")}));
    EXPECT_EQ(AttributeValue::list({AttributeValue::map({{"x", AttributeValue::null()}})}),
              AttributeValue::list({AttributeValue::map({{"x", AttributeValue::null()}})}));
    EXPECT_NE(AttributeValue::boolean(true), AttributeValue::boolean(false));
    EXPECT_EQ(AttributeValue::null(), AttributeValue());
}

struct SizeCase {
    const char* number;
    size_t size;
};

// §1.4 N size, dynalite's rule: zero -> 1; else 1 + ceil(d/2) + (d even and scientific exponent
// even ? 1 : 0) + (negative ? 1 : 0).
class NumberSizeTest : public testing::TestWithParam<SizeCase> {};

TEST_P(NumberSizeTest, FollowsDynaliteRule) {
    EXPECT_EQ(attributeValueSize(n(GetParam().number)), GetParam().size) << GetParam().number;
}

INSTANTIATE_TEST_SUITE_P(
    Dynalite, NumberSizeTest,
    testing::Values(SizeCase{"0", 1}, SizeCase{"-0", 1}, SizeCase{"1", 2}, SizeCase{"-1", 3},
                    SizeCase{"9", 2}, SizeCase{"10", 2}, SizeCase{"1000", 2},
                    SizeCase{"12", 2},     // d=2, 1.2e1: odd exponent
                    SizeCase{"1.2", 3},    // d=2, 1.2e0: even exponent -> +1
                    SizeCase{"-1.2", 4},   // ... and negative -> +1
                    SizeCase{"0.12", 2},   // 1.2e-1
                    SizeCase{"0.012", 3},  // 1.2e-2
                    SizeCase{"123", 3}, SizeCase{"12345", 4}, SizeCase{"1234", 3},
                    SizeCase{"123.4", 4},                                    // d=4, 1.234e2 -> +1
                    SizeCase{"12345678901234567890123456789012345678", 20},  // d=38, e=37
                    SizeCase{"1.2345678901234567890123456789012345678", 21}));

// §1.4: S = UTF-8 bytes, B = raw bytes, BOOL/NULL = 1, L/M = 3 + 1 per element + elements (and
// names for M), sets = sum of members.
TEST(ValueTest, AttributeValueSizes) {
    EXPECT_EQ(attributeValueSize(s("")), 0u);
    EXPECT_EQ(attributeValueSize(s("h\xc3\xa9llo")), 6u);
    EXPECT_EQ(attributeValueSize(AttributeValue::binary(std::string("\0\1", 2))), 2u);
    EXPECT_EQ(attributeValueSize(AttributeValue::boolean(false)), 1u);
    EXPECT_EQ(attributeValueSize(AttributeValue::null()), 1u);
    EXPECT_EQ(attributeValueSize(AttributeValue::list({})), 3u);
    EXPECT_EQ(attributeValueSize(AttributeValue::map({})), 3u);
    EXPECT_EQ(attributeValueSize(AttributeValue::list({n("1"), s("ab")})), 3u + 3u + 3u);
    EXPECT_EQ(attributeValueSize(AttributeValue::map({{"a", s("x")}, {"bc", n("12")}})),
              3u + (1u + 1u + 1u) + (1u + 2u + 2u));
    EXPECT_EQ(attributeValueSize(AttributeValue::map({{"m", AttributeValue::map({})}})),
              3u + 1u + 1u + 3u);
    EXPECT_EQ(attributeValueSize(AttributeValue::stringSet({"a", "bc"})), 3u);
    EXPECT_EQ(attributeValueSize(AttributeValue::binarySet({"abc"})), 3u);
    EXPECT_EQ(attributeValueSize(AttributeValue::numberSet({num("1"), num("-1")})), 5u);
}

// §1.4 worked examples: the doc's shirt item and a stream record's keys.
TEST(ValueTest, ItemSizeWorkedExamples) {
    EXPECT_EQ(itemSize({{"shirt-color", s("R")}, {"shirt-size", s("M")}}), 23u);
    EXPECT_EQ(itemSize({{"pk", s("a")}, {"sk", s("b")}}), 6u);
    EXPECT_EQ(itemSize({}), 0u);
    EXPECT_EQ(
        itemSize({{"n", n("12345")}, {"id", s("abc")}, {"flag", AttributeValue::boolean(true)}}),
        5u + 5u + 5u);
}

TEST(ValueTest, CopiesAreDeep) {
    auto original = AttributeValue::map({{"l", AttributeValue::list({n("1")})}});
    auto copy = original;
    copy.asMap()["l"].asList().push_back(n("2"));
    EXPECT_EQ(original.asMap().at("l").memberCount(), 1u);
    EXPECT_NE(original, copy);
}

}  // namespace

// SPDX-License-Identifier: MIT
// Evaluation of condition / filter expressions against items (reference §3.3).
#include <gtest/gtest.h>

#include "expr_testutil.h"

namespace shardscope::expr {
namespace {

using namespace testing;

struct EvalCase {
    const char* rule;
    std::string expression;
    bool expected;
};

void PrintTo(const EvalCase& c, std::ostream* os) {
    *os << c.rule << ": " << c.expression;
}

Item sampleItem() {
    return Item{
        {"n", N("5")},
        {"s", S("hello")},
        {"u", S("\xc3\xa9t\xc3\xa9")},  // "été": 3 characters, 5 UTF-8 bytes
        {"b", B(std::string("\x01\xff", 2))},
        {"hi", B("\x80")},
        {"lo", B("\x7f")},
        {"l", L({N("1"), S("x")})},
        {"m", M({{"x", N("1")}, {"y", M({{"z", S("deep")}})}})},
        {"ss", SS({"a", "b"})},
        {"ns", NS({"1", "2"})},
        {"bs", BS({"\x01"})},
        {"t", BOOL(true)},
        {"z", NUL()},
        {"dnum", N("1.50")},
    };
}

Values sampleValues() {
    return Values{{":zero", N("0")},
                  {":one", N("1")},
                  {":onePointFive", N("1.5e0")},
                  {":two", N("2")},
                  {":three", N("3")},
                  {":five", N("5")},
                  {":ten", N("10")},
                  {":hel", S("hel")},
                  {":ell", S("ell")},
                  {":hello", S("hello")},
                  {":x", S("x")},
                  {":a", S("a")},
                  {":b01", B("\x01")},
                  {":true", BOOL(true)},
                  {":null", NUL()},
                  {":typeS", S("S")},
                  {":typeN", S("N")},
                  {":typeNULL", S("NULL")},
                  {":typeM", S("M")},
                  {":mapXY", M({{"y", M({{"z", S("deep")}})}, {"x", N("1.0")}})},
                  {":list", L({N("1"), S("x")})},
                  {":setBA", SS({"b", "a"})}};
}

bool evaluate(const std::string& expression, const Item* item) {
    Placeholders p(Names{{"#s", "status"}}, sampleValues());
    auto condition = parseCondition(expression, p);
    EXPECT_TRUE(condition.ok()) << expression << ": " << messageOf(condition);
    if (!condition.ok()) return false;
    auto result = condition->evaluate(item);
    EXPECT_TRUE(result.ok()) << expression;
    return result.ok() && result.value();
}

class ConditionEval : public ::testing::TestWithParam<EvalCase> {};

TEST_P(ConditionEval, MatchesDynamoDB) {
    const EvalCase& c = GetParam();
    const Item item = sampleItem();
    EXPECT_EQ(evaluate(c.expression, &item), c.expected) << c.rule << ": " << c.expression;
}

INSTANTIATE_TEST_SUITE_P(
    Comparisons, ConditionEval,
    ::testing::Values(EvalCase{"= on numbers", "n = :five", true},
                      EvalCase{"numbers compare by value", "dnum = :onePointFive", true},
                      EvalCase{"<> on equal values", "n <> :five", false},
                      EvalCase{"missing attribute: = is false", "absent = :five", false},
                      EvalCase{"missing attribute: <> is true", "absent <> :five", true},
                      EvalCase{"missing attribute: < is false", "absent < :five", false},
                      EvalCase{"missing attribute: >= is false", "absent >= :five", false},
                      EvalCase{"numeric order",
                               "n < :ten AND n > :two AND n <= :five AND n >= :five", true},
                      EvalCase{"numeric, not lexicographic", "n < :ten", true},
                      EvalCase{"different types: = is false", "n = :hello", false},
                      EvalCase{"different types: <> is true", "n <> :hello", true},
                      EvalCase{"different types: < is false", "s < :ten", false},
                      EvalCase{"different types: > is false", "s > :ten", false},
                      EvalCase{"string order is bytewise", "s > :hel AND s < :x", true},
                      EvalCase{"binary order is unsigned", "hi > lo", true},
                      EvalCase{"ordering is only for S, N, B", "t > :one", false},
                      EvalCase{"= compares maps deeply, any key order", "m = :mapXY", true},
                      EvalCase{"= compares lists", "l = :list", true},
                      EvalCase{"= compares sets as sets", "ss = :setBA", true},
                      EvalCase{"= on NULL", "z = :null", true},
                      EvalCase{"= on BOOL", "t = :true", true},
                      EvalCase{"nested map path", "m.y.z = :hel OR m.x = :one", true},
                      EvalCase{"list index path", "l[1] = :x", true},
                      EvalCase{"list index out of range is missing", "l[5] <> :x", true},
                      EvalCase{"index into a map is missing", "m[0] = :one", false},
                      EvalCase{"two item paths", "n > l[0]", true},
                      EvalCase{"placeholder for a reserved word", "#s <> :one", true}));

INSTANTIATE_TEST_SUITE_P(
    BetweenAndIn, ConditionEval,
    ::testing::Values(EvalCase{"BETWEEN is inclusive", "n BETWEEN :five AND :ten", true},
                      EvalCase{"BETWEEN outside", "n BETWEEN :one AND :three", false},
                      EvalCase{"BETWEEN on strings", "s BETWEEN :hel AND :x", true},
                      EvalCase{"BETWEEN with a missing attribute", "absent BETWEEN :one AND :ten",
                               false},
                      EvalCase{"BETWEEN with a type mismatch", "s BETWEEN :one AND :ten", false},
                      EvalCase{"IN finds a member", "n IN (:one, :five)", true},
                      EvalCase{"IN misses", "n IN (:one, :two)", false},
                      EvalCase{"IN with a missing attribute", "absent IN (:one)", false},
                      EvalCase{"IN compares any type", "l IN (:one, :list)", true}));

INSTANTIATE_TEST_SUITE_P(
    Functions, ConditionEval,
    ::testing::Values(
        EvalCase{"attribute_exists", "attribute_exists(n) AND attribute_exists(m.y.z)", true},
        EvalCase{"attribute_exists on a missing path", "attribute_exists(m.q)", false},
        EvalCase{"attribute_exists on a list index", "attribute_exists(l[1])", true},
        EvalCase{"attribute_exists past the list end", "attribute_exists(l[2])", false},
        EvalCase{"attribute_not_exists", "attribute_not_exists(absent)", true},
        EvalCase{"attribute_exists on NULL", "attribute_exists(z)", true},
        EvalCase{"attribute_type S", "attribute_type(s, :typeS)", true},
        EvalCase{"attribute_type mismatch", "attribute_type(s, :typeN)", false},
        EvalCase{"attribute_type NULL", "attribute_type(z, :typeNULL)", true},
        EvalCase{"attribute_type of a missing attribute", "attribute_type(absent, :typeM)", false},
        EvalCase{"begins_with on S", "begins_with(s, :hel)", true},
        EvalCase{"begins_with on B", "begins_with(b, :b01)", true},
        EvalCase{"begins_with, item attribute of another type", "begins_with(n, :hel)", false},
        EvalCase{"begins_with, S against B", "begins_with(s, :b01)", false},
        EvalCase{"contains substring", "contains(s, :ell)", true},
        EvalCase{"contains binary substring", "contains(b, :b01)", true},
        EvalCase{"contains set member", "contains(ss, :a)", true},
        EvalCase{"contains number set member", "contains(ns, :two)", true},
        EvalCase{"contains list element", "contains(l, :x)", true},
        EvalCase{"contains on a number is false", "contains(n, :five)", false},
        EvalCase{"contains: wrong member type", "contains(ss, :one)", false},
        EvalCase{"contains with a missing attribute", "contains(absent, :a)", false},
        EvalCase{"size of S counts UTF-8 bytes", "size(u) = :five", true},
        EvalCase{"size of S", "size(s) = :five", true},
        EvalCase{"size of B", "size(b) = :two", true},
        EvalCase{"size of L", "size(l) = :two", true},
        EvalCase{"size of M", "size(m) = :two", true},
        EvalCase{"size of a set", "size(ns) = :two", true},
        EvalCase{"size of N makes the condition false", "size(n) = :one", false},
        EvalCase{"size of N has no value, like a missing attribute", "size(n) <> :one", true},
        EvalCase{"size of BOOL", "size(t) > :zero", false},
        EvalCase{"size of a missing attribute", "size(absent) >= :zero", false},
        EvalCase{"size of a literal string", "size(:hello) = :five", true},
        EvalCase{"size() on both sides", "size(s) > size(l)", true}));

INSTANTIATE_TEST_SUITE_P(
    Logic, ConditionEval,
    ::testing::Values(EvalCase{"AND binds tighter than OR", "n = :one OR n = :five AND s = :x",
                               false},
                      EvalCase{"parentheses", "(n = :one OR n = :five) AND s = :hello", true},
                      EvalCase{"NOT", "NOT n = :one", true},
                      EvalCase{"NOT binds tighter than AND", "NOT n = :one AND n = :one", false},
                      EvalCase{"double NOT", "NOT NOT n = :five", true},
                      EvalCase{"OR chain", "n = :one OR n = :two OR n = :five", true},
                      EvalCase{"AND chain", "n = :five AND s = :hello AND t = :true", true},
                      EvalCase{"literal comparison", ":one < :two", true}));

TEST(ConditionEval, MissingItemBehavesLikeAllAttributesMissing) {
    // §3.3: `item` is nullptr when the item does not exist; attribute_not_exists(pk) is the
    // create-if-absent idiom.
    EXPECT_TRUE(evaluate("attribute_not_exists(pk)", nullptr));
    EXPECT_FALSE(evaluate("attribute_exists(pk)", nullptr));
    EXPECT_TRUE(evaluate("n <> :one", nullptr));
    EXPECT_FALSE(evaluate("n = :one", nullptr));
}

TEST(ConditionEval, ConditionIsSharedAndImmutable) {
    // One parsed condition is evaluated against many items (Scan filters).
    Placeholders p(Names{}, Values{{":v", N("1")}});
    auto condition = parseCondition("a = :v", p);
    ASSERT_TRUE(condition.ok());
    const Condition copy = condition.value();
    const Item yes{{"a", N("1")}};
    const Item no{{"a", N("2")}};
    EXPECT_TRUE(copy.evaluate(&yes).value());
    EXPECT_FALSE(copy.evaluate(&no).value());
    EXPECT_TRUE(Condition().evaluate(&no).value());
}

}  // namespace
}  // namespace shardscope::expr

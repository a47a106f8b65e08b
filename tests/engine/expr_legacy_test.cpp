// SPDX-License-Identifier: MIT
// The legacy parameters: Expected / QueryFilter / ScanFilter and AttributeUpdates (reference
// §3.1; DynamoDB's pre-expression API).
#include <gtest/gtest.h>

#include "expr_testutil.h"

namespace shardscope::expr {
namespace {

using namespace testing;

Item sampleItem() {
    return Item{{"n", N("5")}, {"s", S("hello")}, {"ss", SS({"a", "b"})}, {"l", L({S("x")})}};
}

LegacyCondition cmp(std::string attribute, std::string op, std::vector<AttributeValue> values) {
    return LegacyCondition{std::move(attribute), std::move(op), std::move(values), {}, {}};
}

struct EvalCase {
    const char* rule;
    LegacyCondition condition;
    bool expected;
};

void PrintTo(const EvalCase& c, std::ostream* os) {
    *os << c.rule;
}

class LegacyConditionEval : public ::testing::TestWithParam<EvalCase> {};

TEST_P(LegacyConditionEval, MatchesDynamoDB) {
    const EvalCase& c = GetParam();
    auto condition = conditionFromLegacy({c.condition}, false);
    ASSERT_TRUE(condition.ok()) << c.rule << ": " << messageOf(condition);
    const Item item = sampleItem();
    EXPECT_EQ(condition->evaluate(&item).value(), c.expected) << c.rule;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LegacyConditionEval,
    ::testing::Values(
        EvalCase{"Value shorthand means EQ", LegacyCondition{"n", {}, {}, N("5"), {}}, true},
        EvalCase{"Value with Exists true", LegacyCondition{"n", {}, {}, N("4"), true}, false},
        EvalCase{"Exists false", LegacyCondition{"missing", {}, {}, {}, false}, true},
        EvalCase{"Exists false on a present attribute", LegacyCondition{"n", {}, {}, {}, false},
                 false},
        EvalCase{"EQ", cmp("s", "EQ", {S("hello")}), true},
        EvalCase{"EQ on sets", cmp("ss", "EQ", {SS({"b", "a"})}), true},
        EvalCase{"EQ on lists", cmp("l", "EQ", {L({S("x")})}), true},
        EvalCase{"NE on a missing attribute", cmp("missing", "NE", {N("1")}), true},
        EvalCase{"LT", cmp("n", "LT", {N("10")}), true},
        EvalCase{"GE", cmp("n", "GE", {N("5")}), true},
        EvalCase{"GT with another type", cmp("s", "GT", {N("1")}), false},
        EvalCase{"NULL means absent", cmp("missing", "NULL", {}), true},
        EvalCase{"NOT_NULL means present", cmp("n", "NOT_NULL", {}), true},
        EvalCase{"CONTAINS substring", cmp("s", "CONTAINS", {S("ell")}), true},
        EvalCase{"CONTAINS member", cmp("ss", "CONTAINS", {S("a")}), true},
        EvalCase{"NOT_CONTAINS", cmp("ss", "NOT_CONTAINS", {S("z")}), true},
        EvalCase{"NOT_CONTAINS on a missing attribute is false",
                 cmp("missing", "NOT_CONTAINS", {S("z")}), false},
        EvalCase{"BEGINS_WITH", cmp("s", "BEGINS_WITH", {S("he")}), true},
        EvalCase{"IN", cmp("n", "IN", {N("1"), N("5")}), true},
        EvalCase{"BETWEEN", cmp("n", "BETWEEN", {N("1"), N("5")}), true}));

struct ErrorCase {
    const char* rule;
    LegacyCondition condition;
    std::string message;
};

void PrintTo(const ErrorCase& c, std::ostream* os) {
    *os << c.rule;
}

class LegacyConditionError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(LegacyConditionError, AnswersLikeDynamoDB) {
    const ErrorCase& c = GetParam();
    EXPECT_EQ(messageOf(conditionFromLegacy({c.condition}, false)), c.message) << c.rule;
}

const std::string kInvalid = "One or more parameter values were invalid: ";

INSTANTIATE_TEST_SUITE_P(
    Cases, LegacyConditionError,
    ::testing::Values(
        ErrorCase{"EQ needs one value", cmp("n", "EQ", {}),
                  kInvalid + "Invalid number of argument(s) for the EQ ComparisonOperator"},
        ErrorCase{"NULL takes none", cmp("n", "NULL", {N("1")}),
                  kInvalid + "Invalid number of argument(s) for the NULL ComparisonOperator"},
        ErrorCase{"BETWEEN takes two", cmp("n", "BETWEEN", {N("1")}),
                  kInvalid + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"},
        ErrorCase{"IN needs at least one", cmp("n", "IN", {}),
                  kInvalid + "Invalid number of argument(s) for the IN ComparisonOperator"},
        ErrorCase{"mixed types", cmp("n", "IN", {N("1"), S("a")}),
                  kInvalid + "AttributeValues inside AttributeValueList must be of same type"},
        ErrorCase{"LT on a list", cmp("n", "LT", {L({})}),
                  kInvalid + "ComparisonOperator LT is not valid for L AttributeValue type"},
        ErrorCase{
            "BEGINS_WITH on a number", cmp("n", "BEGINS_WITH", {N("1")}),
            kInvalid + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"},
        ErrorCase{"BETWEEN reversed", cmp("n", "BETWEEN", {N("5"), N("1")}),
                  "The BETWEEN condition was provided a range where the lower bound is greater "
                  "than the upper bound"},
        ErrorCase{"Exists with ComparisonOperator", LegacyCondition{"n", "EQ", {N("1")}, {}, true},
                  kInvalid + "Exists and ComparisonOperator cannot be used together for "
                             "Attribute: n"},
        ErrorCase{"Value with AttributeValueList", LegacyCondition{"n", "EQ", {N("1")}, N("1"), {}},
                  kInvalid + "Value and AttributeValueList cannot be used together for "
                             "Attribute: n"},
        ErrorCase{"AttributeValueList without operator", LegacyCondition{"n", {}, {N("1")}, {}, {}},
                  kInvalid + "AttributeValueList can only be used with a ComparisonOperator for "
                             "Attribute: n"},
        ErrorCase{"nothing at all", LegacyCondition{"n", {}, {}, {}, {}},
                  kInvalid + "Value must be provided when Exists is null for Attribute: n"},
        ErrorCase{"Exists true without Value", LegacyCondition{"n", {}, {}, {}, true},
                  kInvalid + "Value must be provided when Exists is true for Attribute: n"},
        ErrorCase{"Exists false with Value", LegacyCondition{"n", {}, {}, N("1"), false},
                  kInvalid + "Value cannot be used when Exists is false for Attribute: n"}));

TEST(LegacyCondition, ConditionalOperator) {
    const Item item = sampleItem();
    const std::vector<LegacyCondition> conditions = {cmp("n", "EQ", {N("5")}),
                                                     cmp("s", "EQ", {S("nope")})};
    EXPECT_FALSE(conditionFromLegacy(conditions, false)->evaluate(&item).value());
    EXPECT_TRUE(conditionFromLegacy(conditions, true)->evaluate(&item).value());
    EXPECT_TRUE(conditionFromLegacy({}, false)->evaluate(&item).value());
}

TEST(LegacyUpdate, AppliesPutAddDelete) {
    auto update = updateFromLegacy(
        {LegacyUpdate{"a", "PUT", S("x")}, LegacyUpdate{"n", "ADD", N("2")},
         LegacyUpdate{"l", "ADD", L({S("y")})}, LegacyUpdate{"fresh", "ADD", L({S("z")})},
         LegacyUpdate{"ss", "DELETE", SS({"a"})}, LegacyUpdate{"s", "DELETE", {}}});
    ASSERT_TRUE(update.ok()) << messageOf(update);
    auto outcome = update->apply(sampleItem());
    ASSERT_TRUE(outcome.ok()) << messageOf(outcome);
    EXPECT_TRUE(outcome->item == (Item{{"a", S("x")},
                                       {"n", N("7")},
                                       {"l", L({S("x"), S("y")})},
                                       {"fresh", L({S("z")})},
                                       {"ss", SS({"b"})}}));
    EXPECT_EQ(update->topLevelNames().size(), 6u);
}

TEST(LegacyUpdate, EmptyUpdateStillCreatesTheItem) {
    // §3.1: AttributeUpdates with no actions creates a key-only item.
    auto update = updateFromLegacy({});
    ASSERT_TRUE(update.ok());
    EXPECT_TRUE(update->legacy);
    EXPECT_FALSE(update->onlyRemovesOrDeletes());
    EXPECT_TRUE(updateFromLegacy({LegacyUpdate{"s", "DELETE", {}}})->onlyRemovesOrDeletes());
}

TEST(LegacyUpdate, Errors) {
    EXPECT_EQ(messageOf(updateFromLegacy({LegacyUpdate{"a", "PUT", {}}})),
              "One or more parameter values were invalid: Only DELETE action is allowed when no "
              "attribute value is specified");
    EXPECT_EQ(messageOf(updateFromLegacy({LegacyUpdate{"a", "DELETE", S("x")}})),
              "One or more parameter values were invalid: DELETE action with value is not "
              "supported for the type S");
    EXPECT_EQ(messageOf(updateFromLegacy({LegacyUpdate{"a", "ADD", S("x")}})),
              "One or more parameter values were invalid: ADD action is not supported for the "
              "type S");
    auto mismatch = updateFromLegacy({LegacyUpdate{"s", "ADD", N("1")}});
    ASSERT_TRUE(mismatch.ok());
    EXPECT_EQ(messageOf(mismatch->apply(sampleItem())), "Type mismatch for attribute to update");
}

}  // namespace
}  // namespace shardscope::expr

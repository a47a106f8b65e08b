// SPDX-License-Identifier: MIT
// KeyConditionExpression and the legacy KeyConditions (reference §3.4).
#include <gtest/gtest.h>

#include "expr_testutil.h"

namespace shardscope::expr {
namespace {

using namespace testing;
using SortOp = KeyCondition::SortOp;

model::KeySchema compositeSchema() {
    return model::KeySchema{{"pk", model::KeyType::S},
                            model::KeyAttribute{"sk", model::KeyType::N}};
}
model::KeySchema stringSortSchema() {
    return model::KeySchema{{"pk", model::KeyType::S},
                            model::KeyAttribute{"sk", model::KeyType::S}};
}
model::KeySchema hashOnlySchema() {
    return model::KeySchema{{"pk", model::KeyType::S}, {}};
}

Result<KeyCondition> parse(const std::string& expression,
                           const model::KeySchema& schema = compositeSchema()) {
    Placeholders p(
        Names{{"#p", "pk"}, {"#k", "sk"}},
        Values{{":p", S("p")}, {":n1", N("1")}, {":n2", N("2")}, {":s", S("pre")}, {":l", L({})}});
    return parseKeyCondition(expression, p, schema);
}

struct OkCase {
    const char* rule;
    std::string expression;
    SortOp op;
    AttributeValue sortValue;
    AttributeValue upper;
};

void PrintTo(const OkCase& c, std::ostream* os) {
    *os << c.rule << ": " << c.expression;
}

class KeyConditionOk : public ::testing::TestWithParam<OkCase> {};

TEST_P(KeyConditionOk, Resolves) {
    const OkCase& c = GetParam();
    const bool stringSort = c.op == SortOp::BeginsWith;
    auto condition = parse(c.expression, stringSort ? stringSortSchema() : compositeSchema());
    ASSERT_TRUE(condition.ok()) << c.rule << ": " << messageOf(condition);
    EXPECT_TRUE(condition->partitionValue == S("p"));
    EXPECT_EQ(condition->sortOp, c.op) << c.rule;
    if (c.op != SortOp::None) {
        EXPECT_TRUE(condition->sortValue == c.sortValue) << c.rule;
    }
    if (c.op == SortOp::Between) {
        EXPECT_TRUE(condition->sortUpperBound == c.upper) << c.rule;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, KeyConditionOk,
    ::testing::Values(
        OkCase{"partition only", "pk = :p", SortOp::None, {}, {}},
        OkCase{"value on the left", ":p = pk", SortOp::None, {}, {}},
        OkCase{"placeholders", "#p = :p AND #k = :n1", SortOp::Equal, N("1"), {}},
        OkCase{"sort key first", "sk < :n1 AND pk = :p", SortOp::Less, N("1"), {}},
        OkCase{"<=", "pk = :p AND sk <= :n1", SortOp::LessOrEqual, N("1"), {}},
        OkCase{">", "pk = :p AND sk > :n1", SortOp::Greater, N("1"), {}},
        OkCase{">=", "pk = :p AND sk >= :n1", SortOp::GreaterOrEqual, N("1"), {}},
        OkCase{"operands swapped flip the operator",
               "pk = :p AND :n1 < sk",
               SortOp::Greater,
               N("1"),
               {}},
        OkCase{"swapped >=", "pk = :p AND :n1 >= sk", SortOp::LessOrEqual, N("1"), {}},
        OkCase{"BETWEEN", "pk = :p AND sk BETWEEN :n1 AND :n2", SortOp::Between, N("1"), N("2")},
        OkCase{"begins_with", "pk = :p AND begins_with(sk, :s)", SortOp::BeginsWith, S("pre"), {}},
        OkCase{"one pair of parentheses", "(pk = :p AND sk = :n1)", SortOp::Equal, N("1"), {}},
        OkCase{"parenthesised parts", "(pk = :p) AND (sk = :n1)", SortOp::Equal, N("1"), {}}));

struct ErrorCase {
    const char* rule;
    std::string expression;
    std::string message;
};

void PrintTo(const ErrorCase& c, std::ostream* os) {
    *os << c.rule << ": " << c.expression;
}

class KeyConditionError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(KeyConditionError, AnswersLikeDynamoDB) {
    const ErrorCase& c = GetParam();
    EXPECT_EQ(messageOf(parse(c.expression)), c.message) << c.rule;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, KeyConditionError,
    ::testing::Values(
        ErrorCase{"empty", "", "Invalid KeyConditionExpression: The expression can not be empty;"},
        ErrorCase{"syntax", "pk =",
                  "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\""},
        ErrorCase{"partition key missing", "sk = :n1",
                  "Query condition missed key schema element: pk"},
        ErrorCase{"non-key attribute", "pk = :p AND extra = :n1",
                  "Query condition missed key schema element: sk"},
        ErrorCase{"range on the partition key", "pk > :p", "Query key condition not supported"},
        ErrorCase{"partition value of the wrong type", "pk = :n1",
                  "One or more parameter values were invalid: Condition parameter type does not "
                  "match schema type"},
        ErrorCase{"sort value of the wrong type", "pk = :p AND sk = :s",
                  "One or more parameter values were invalid: Condition parameter type does not "
                  "match schema type"},
        ErrorCase{"begins_with on a number key", "pk = :p AND begins_with(sk, :s)",
                  "One or more parameter values were invalid: Condition parameter type does not "
                  "match schema type"},
        ErrorCase{"OR", "pk = :p OR sk = :n1",
                  "Invalid operator used in KeyConditionExpression: OR"},
        ErrorCase{"NOT", "NOT pk = :p", "Invalid operator used in KeyConditionExpression: NOT"},
        ErrorCase{"<>", "pk = :p AND sk <> :n1",
                  "Invalid operator used in KeyConditionExpression: <>"},
        ErrorCase{"IN", "pk IN (:p)", "Invalid operator used in KeyConditionExpression: IN"},
        ErrorCase{"attribute_exists", "pk = :p AND attribute_exists(sk)",
                  "Invalid operator used in KeyConditionExpression: attribute_exists"},
        ErrorCase{"two conditions on one key", "pk = :p AND pk = :p",
                  "KeyConditionExpressions must only contain one condition per key"},
        ErrorCase{"nested attribute", "pk.x = :p",
                  "KeyConditionExpressions cannot have conditions on nested attributes"},
        ErrorCase{"size()", "pk = :p AND size(sk) > :n1",
                  "KeyConditionExpressions cannot contain nested operations"},
        ErrorCase{"two key attributes", "pk = sk",
                  "Invalid condition in KeyConditionExpression: Multiple attribute names used in "
                  "one condition"},
        ErrorCase{"no key attribute", "pk = :p AND :n1 = :n1",
                  "Invalid condition in KeyConditionExpression: No key attribute specified"},
        ErrorCase{"BETWEEN with the key second", "pk = :p AND :n1 BETWEEN sk AND :n2",
                  "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key "
                  "attribute as its first operand"},
        ErrorCase{"list literal", "pk = :l",
                  "One or more parameter values were invalid: ComparisonOperator EQ is not valid "
                  "for L AttributeValue type"},
        ErrorCase{"three conditions", "pk = :p AND sk = :n1 AND extra = :n2",
                  "Conditions can be of length 1 or 2 only"}));

TEST(KeyCondition, HashOnlyTableTakesOneCondition) {
    EXPECT_EQ(messageOf(parse("pk = :p AND sk = :n1", hashOnlySchema())),
              "Query key condition not supported");
    EXPECT_TRUE(parse("pk = :p", hashOnlySchema()).ok());
}

TEST(KeyCondition, FromLegacyKeyConditions) {
    auto condition =
        keyConditionFromLegacy({LegacyCondition{"pk", "EQ", {S("p")}, {}, {}},
                                LegacyCondition{"sk", "BETWEEN", {N("1"), N("2")}, {}, {}}},
                               compositeSchema());
    ASSERT_TRUE(condition.ok()) << messageOf(condition);
    EXPECT_EQ(condition->sortOp, SortOp::Between);
    EXPECT_TRUE(condition->sortUpperBound == N("2"));

    EXPECT_EQ(messageOf(keyConditionFromLegacy({LegacyCondition{"pk", "NE", {S("p")}, {}, {}}},
                                               compositeSchema())),
              "Attempted conditional constraint is not an indexable operation");
    EXPECT_EQ(messageOf(keyConditionFromLegacy({LegacyCondition{"pk", "EQ", {}, {}, {}}},
                                               compositeSchema())),
              "One or more parameter values were invalid: Invalid number of argument(s) for the "
              "EQ ComparisonOperator");
    EXPECT_EQ(messageOf(keyConditionFromLegacy(
                  {LegacyCondition{"pk", "EQ", {S("p")}, {}, {}},
                   LegacyCondition{"sk", "BETWEEN", {N("2"), N("1")}, {}, {}}},
                  compositeSchema())),
              "The BETWEEN condition was provided a range where the lower bound is greater than "
              "the upper bound");
}

}  // namespace
}  // namespace shardscope::expr

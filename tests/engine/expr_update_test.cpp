// SPDX-License-Identifier: MIT
// UpdateExpression parsing and application (reference §3.2, §3.1).
#include <gtest/gtest.h>

#include "expr_testutil.h"

namespace shardscope::expr {
namespace {

using namespace testing;

Values updateValues() {
    return Values{{":one", N("1")},
                  {":five", N("5")},
                  {":big", N("9.9999999999999999999999999999999999999E+125")},
                  {":s", S("text")},
                  {":x", S("x")},
                  {":y", S("y")},
                  {":z", S("z")},
                  {":l", L({S("new")})},
                  {":empty", L({})},
                  {":ssAC", SS({"a", "c"})},
                  {":ssA", SS({"a"})},
                  {":ssAB", SS({"a", "b"})},
                  {":ns", NS({"2", "3"})},
                  {":m", M({{"k", S("v")}})},
                  {":null", NUL()}};
}

Names updateNames() {
    return Names{{"#s", "status"}, {"#dot", "a.b"}};
}

Result<Update> parse(const std::string& expression) {
    Placeholders p(updateNames(), updateValues());
    return parseUpdate(expression, p);
}

Item baseItem() {
    return Item{{"pk", S("k")},
                {"n", N("5")},
                {"s", S("hello")},
                {"l", L({S("a"), S("b"), S("c")})},
                {"m", M({{"x", N("1")}, {"child", M({})}})},
                {"ss", SS({"a", "b"})},
                {"ns", NS({"1"})}};
}

struct ApplyCase {
    const char* rule;
    std::string expression;
    Item expected;      // the whole item after the update (ignored when error is set)
    std::string error;  // expected ValidationException message
};

void PrintTo(const ApplyCase& c, std::ostream* os) {
    *os << c.rule << ": " << c.expression;
}

Item with(std::initializer_list<std::pair<const std::string, AttributeValue>> changes,
          std::initializer_list<std::string> removed = {}) {
    Item item = baseItem();
    for (const auto& [k, v] : changes) item.insert_or_assign(k, v);
    for (const auto& k : removed) item.erase(k);
    return item;
}

class UpdateApply : public ::testing::TestWithParam<ApplyCase> {};

TEST_P(UpdateApply, MatchesDynamoDB) {
    const ApplyCase& c = GetParam();
    auto update = parse(c.expression);
    ASSERT_TRUE(update.ok()) << c.expression << ": " << messageOf(update);
    auto outcome = update->apply(baseItem());
    if (!c.error.empty()) {
        ASSERT_FALSE(outcome.ok()) << c.rule;
        EXPECT_EQ(outcome.error().code, ErrorCode::Validation);
        EXPECT_EQ(outcome.error().message, c.error) << c.rule;
        return;
    }
    ASSERT_TRUE(outcome.ok()) << c.rule << ": " << messageOf(outcome);
    EXPECT_TRUE(outcome->item == c.expected) << c.rule << ": " << c.expression;
}

const std::string kMissing =
    "The provided expression refers to an attribute that does not exist in the item";
const std::string kWrongType = "An operand in the update expression has an incorrect data type";
const std::string kBadPath =
    "The document path provided in the update expression is invalid for update";

INSTANTIATE_TEST_SUITE_P(
    Set, UpdateApply,
    ::testing::Values(
        ApplyCase{"SET a literal", "SET a = :s", with({{"a", S("text")}}), ""},
        ApplyCase{"SET replaces", "SET n = :s", with({{"n", S("text")}}), ""},
        ApplyCase{"keywords are case-insensitive", "set a = :s", with({{"a", S("text")}}), ""},
        ApplyCase{"SET copies a path", "SET a = s", with({{"a", S("hello")}}), ""},
        ApplyCase{"SET a + literal", "SET n = n + :one", with({{"n", N("6")}}), ""},
        ApplyCase{"SET literal - path", "SET n = :one - n", with({{"n", N("-4")}}), ""},
        ApplyCase{"SET inside parentheses", "SET n = (n + :one)", with({{"n", N("6")}}), ""},
        ApplyCase{"several actions", "SET a = :x, b = :y", with({{"a", S("x")}, {"b", S("y")}}),
                  ""},
        ApplyCase{"reading a missing attribute", "SET a = absent", {}, kMissing},
        ApplyCase{"adding to a missing attribute", "SET n = absent + :one", {}, kMissing},
        ApplyCase{"+ on a string attribute", "SET s = s + :one", {}, kWrongType},
        ApplyCase{"number overflow passes through",
                  "SET n = :big + :big",
                  {},
                  "Number overflow. Attempting to store a number with magnitude larger than "
                  "supported range"},
        ApplyCase{"if_not_exists keeps the existing value", "SET n = if_not_exists(n, :one)",
                  with({}), ""},
        ApplyCase{"if_not_exists supplies a default", "SET c = if_not_exists(c, :one) + :one",
                  with({{"c", N("2")}}), ""},
        ApplyCase{"list_append", "SET l = list_append(l, :l)",
                  with({{"l", L({S("a"), S("b"), S("c"), S("new")})}}), ""},
        ApplyCase{"list_append in front", "SET l = list_append(:l, l)",
                  with({{"l", L({S("new"), S("a"), S("b"), S("c")})}}), ""},
        ApplyCase{"list_append over if_not_exists",
                  "SET q = list_append(if_not_exists(q, :empty), :l)", with({{"q", L({S("new")})}}),
                  ""},
        ApplyCase{"list_append of a missing list", "SET q = list_append(q, :l)", {}, kMissing},
        ApplyCase{"list_append of a non-list", "SET s = list_append(s, :l)", {}, kWrongType},
        ApplyCase{"SET a nested map member", "SET m.y = :s",
                  with({{"m", M({{"x", N("1")}, {"y", S("text")}, {"child", M({})}})}}), ""},
        ApplyCase{"SET deeper", "SET m.child.k = :s",
                  with({{"m", M({{"x", N("1")}, {"child", M({{"k", S("text")}})}})}}), ""},
        ApplyCase{"SET with a missing parent", "SET nothere.y = :s", {}, kBadPath},
        ApplyCase{"SET inside a string", "SET s.y = :s", {}, kBadPath},
        ApplyCase{"SET a list element", "SET l[1] = :x", with({{"l", L({S("a"), S("x"), S("c")})}}),
                  ""},
        ApplyCase{"SET past the end appends", "SET l[10] = :x",
                  with({{"l", L({S("a"), S("b"), S("c"), S("x")})}}), ""},
        ApplyCase{"appends go in index order", "SET l[20] = :y, l[10] = :x",
                  with({{"l", L({S("a"), S("b"), S("c"), S("x"), S("y")})}}), ""},
        ApplyCase{"index into a map", "SET m[0] = :x", {}, kBadPath},
        ApplyCase{"placeholder name with a dot is literal", "SET #dot = :x",
                  with({{"a.b", S("x")}}), ""},
        ApplyCase{"right-hand sides see the old item", "REMOVE n SET a = n",
                  with({{"a", N("5")}}, {"n"}), ""},
        ApplyCase{"right-hand sides never see new values", "SET x = :x, y = x", {}, kMissing}));

INSTANTIATE_TEST_SUITE_P(
    RemoveAddDelete, UpdateApply,
    ::testing::Values(
        ApplyCase{"REMOVE", "REMOVE s, n", with({}, {"s", "n"}), ""},
        ApplyCase{"REMOVE a missing attribute", "REMOVE absent", with({}), ""},
        ApplyCase{"REMOVE a nested member", "REMOVE m.x", with({{"m", M({{"child", M({})}})}}), ""},
        ApplyCase{"REMOVE the last map member leaves an empty map", "REMOVE m.x, m.child",
                  with({{"m", M({})}}), ""},
        ApplyCase{"REMOVE uses pre-removal indexes", "REMOVE l[0], l[2]",
                  with({{"l", L({S("b")})}}), ""},
        ApplyCase{"REMOVE out of range is ignored", "REMOVE l[7]", with({}), ""},
        ApplyCase{"REMOVE below a missing parent is ignored", "REMOVE nothere.x", with({}), ""},
        ApplyCase{"ADD to a number", "ADD n :one", with({{"n", N("6")}}), ""},
        ApplyCase{"ADD to a missing number starts at 0", "ADD c :five", with({{"c", N("5")}}), ""},
        ApplyCase{"ADD to a set", "ADD ss :ssAC", with({{"ss", SS({"a", "b", "c"})}}), ""},
        ApplyCase{"ADD creates a set", "ADD t :ns", with({{"t", NS({"2", "3"})}}), ""},
        ApplyCase{"ADD a number set", "ADD ns :ns", with({{"ns", NS({"1", "2", "3"})}}), ""},
        ApplyCase{"ADD a number to a string", "ADD s :one", {}, kWrongType},
        ApplyCase{"ADD a set of another type", "ADD ss :ns", {}, kWrongType},
        ApplyCase{"ADD nested", "ADD m.x :one", with({{"m", M({{"x", N("2")}, {"child", M({})}})}}),
                  ""},
        ApplyCase{"ADD below a missing parent", "ADD nothere.x :one", {}, kBadPath},
        ApplyCase{"DELETE set members", "DELETE ss :ssA", with({{"ss", SS({"b"})}}), ""},
        ApplyCase{"DELETE absent members is fine", "DELETE ss :ssAC", with({{"ss", SS({"b"})}}),
                  ""},
        ApplyCase{"DELETE of every member removes the attribute", "DELETE ss :ssAB",
                  with({}, {"ss"}), ""},
        ApplyCase{"DELETE from a missing attribute", "DELETE absent :ssA", with({}), ""},
        ApplyCase{"DELETE with another set type", "DELETE ns :ssA", {}, kWrongType},
        ApplyCase{"all four clauses", "SET a = :x REMOVE s ADD n :one DELETE ss :ssA",
                  with({{"a", S("x")}, {"n", N("6")}, {"ss", SS({"b"})}}, {"s"}), ""}));

struct ParseErrorCase {
    const char* rule;
    std::string expression;
    std::string message;
};

void PrintTo(const ParseErrorCase& c, std::ostream* os) {
    *os << c.rule << ": " << c.expression;
}

class UpdateParse : public ::testing::TestWithParam<ParseErrorCase> {};

TEST_P(UpdateParse, AnswersLikeDynamoDB) {
    const ParseErrorCase& c = GetParam();
    EXPECT_EQ(messageOf(parse(c.expression)), c.message) << c.rule << ": " << c.expression;
}

const std::string kPrefix = "Invalid UpdateExpression: ";

INSTANTIATE_TEST_SUITE_P(
    Errors, UpdateParse,
    ::testing::Values(
        ParseErrorCase{"empty", "", kPrefix + "The expression can not be empty;"},
        ParseErrorCase{"clause without actions", "SET",
                       kPrefix + "Syntax error; token: \"<EOF>\", near: \"SET\""},
        ParseErrorCase{"trailing comma", "SET a = :x,",
                       kPrefix + "Syntax error; token: \"<EOF>\", near: \",\""},
        ParseErrorCase{"clauses are not comma-separated", "SET a = :x, REMOVE b",
                       kPrefix + "Syntax error; token: \"REMOVE\", near: \", REMOVE b\""},
        ParseErrorCase{"no nested arithmetic", "SET a = n + :one + :one",
                       kPrefix + "Syntax error; token: \"+\", near: \":one + :one\""},
        ParseErrorCase{"unknown clause", "PUT a = :x",
                       kPrefix + "Syntax error; token: \"PUT\", near: \"PUT a\""},
        ParseErrorCase{"ADD takes a value placeholder", "ADD a b",
                       kPrefix + "Syntax error; token: \"b\", near: \"a b\""},
        ParseErrorCase{"dash in a bare name", "SET book-price = :one",
                       kPrefix + "Syntax error; token: \"-\", near: \"book-price\""},
        ParseErrorCase{"reserved word", "SET status = :x",
                       kPrefix + "Attribute name is a reserved keyword; reserved keyword: status"},
        ParseErrorCase{"clause used twice", "SET a = :x SET b = :y",
                       kPrefix + "The \"SET\" section can only be used once in an update "
                                 "expression;"},
        ParseErrorCase{"undefined name", "SET #nope = :x",
                       kPrefix + "An expression attribute name used in the document path is not "
                                 "defined; attribute name: #nope"},
        ParseErrorCase{"undefined value", "SET a = :nope",
                       kPrefix + "An expression attribute value used in expression is not "
                                 "defined; attribute value: :nope"},
        ParseErrorCase{"same path twice", "SET a = :x, a = :y",
                       kPrefix + "Two document paths overlap with each other; must remove or "
                                 "rewrite one of these paths; path one: [a], path two: [a]"},
        ParseErrorCase{"parent and child", "SET a = :x REMOVE a.b",
                       kPrefix + "Two document paths overlap with each other; must remove or "
                                 "rewrite one of these paths; path one: [a], path two: [a, b]"},
        ParseErrorCase{"parent and list element", "REMOVE a[1] SET a = :x",
                       kPrefix + "Two document paths overlap with each other; must remove or "
                                 "rewrite one of these paths; path one: [a, [1]], path two: [a]"},
        ParseErrorCase{"map member against list element", "SET a.b = :x REMOVE a[1]",
                       kPrefix + "Two document paths conflict with each other; must remove or "
                                 "rewrite one of these paths; path one: [a, b], path two: [a, "
                                 "[1]]"},
        ParseErrorCase{"+ with a string literal", "SET a = :s + :one",
                       kPrefix + "Incorrect operand type for operator or function; operator or "
                                 "function: +, operand type: S"},
        ParseErrorCase{"- with a list from list_append", "SET a = list_append(l, :l) - :one",
                       kPrefix + "Incorrect operand type for operator or function; operator or "
                                 "function: -, operand type: L"},
        ParseErrorCase{"list_append of a literal string", "SET a = list_append(:s, l)",
                       kPrefix + "Incorrect operand type for operator or function; operator or "
                                 "function: list_append, operand type: S"},
        ParseErrorCase{"if_not_exists needs a path", "SET a = if_not_exists(:x, :y)",
                       kPrefix + "Operator or function requires a document path; operator or "
                                 "function: if_not_exists"},
        ParseErrorCase{"operand count", "SET a = if_not_exists(a)",
                       kPrefix + "Incorrect number of operands for operator or function; operator "
                                 "or function: if_not_exists, number of operands: 1"},
        ParseErrorCase{"condition functions are not update functions", "SET a = size(b)",
                       kPrefix + "The function is not allowed in an update expression; function: "
                                 "size"},
        ParseErrorCase{"unknown function", "SET a = foo(b)",
                       kPrefix + "Invalid function name; function: foo"},
        ParseErrorCase{"ADD a string", "ADD a :s",
                       kPrefix + "Incorrect operand type for operator or function; operator: ADD, "
                                 "operand type: STRING, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        ParseErrorCase{"ADD a list", "ADD a :l",
                       kPrefix + "Incorrect operand type for operator or function; operator: ADD, "
                                 "operand type: LIST, typeSet: ALLOWED_FOR_ADD_OPERAND"},
        ParseErrorCase{"DELETE a number", "DELETE a :one",
                       kPrefix +
                           "Incorrect operand type for operator or function; operator: "
                           "DELETE, operand type: NUMBER, typeSet: ALLOWED_FOR_DELETE_OPERAND"},
        ParseErrorCase{"reserved word is reported before overlap", "SET status = :x, status = :y",
                       kPrefix + "Attribute name is a reserved keyword; reserved keyword: status"},
        ParseErrorCase{"placeholders for reserved words", "SET #s = :x", ""}));

TEST(Update, UpdatedPathsListEveryAction) {
    // §3.1: UPDATED_OLD / UPDATED_NEW report the touched paths, nested ones inside their parents.
    auto update = parse("SET m.x = :one, l[10] = :x REMOVE s ADD n :one");
    ASSERT_TRUE(update.ok());
    auto outcome = update->apply(baseItem());
    ASSERT_TRUE(outcome.ok());
    const std::vector<Path> expected = {path({name("m"), name("x")}), path({name("l"), index(10)}),
                                        path({name("s")}), path({name("n")})};
    EXPECT_EQ(outcome->updatedPaths, expected);
    // The appended element is not at index 10, so UPDATED_NEW leaves it out (an AWS quirk).
    const Item updatedNew = projectPaths(outcome->item, outcome->updatedPaths);
    EXPECT_TRUE(updatedNew == (Item{{"m", M({{"x", N("1")}})}, {"n", N("6")}}));
}

TEST(Update, OnlyRemovesOrDeletes) {
    // §3.1: an update that only removes does not create a missing item.
    EXPECT_TRUE(parse("REMOVE a, b.c DELETE ss :ssA")->onlyRemovesOrDeletes());
    EXPECT_FALSE(parse("REMOVE a SET b = :x")->onlyRemovesOrDeletes());
    EXPECT_FALSE(parse("ADD n :one")->onlyRemovesOrDeletes());
}

TEST(Update, TopLevelNames) {
    // Used to refuse updates of key attributes (§1.3).
    EXPECT_EQ(parse("SET m.x = :one, pk = :x REMOVE m.child, #s")->topLevelNames(),
              (std::vector<std::string>{"m", "pk", "status"}));
}

TEST(Update, ApplyToMissingItem) {
    // An empty `old` stands for a missing item: SET and ADD create attributes.
    auto update = parse("SET a = :x ADD n :five");
    ASSERT_TRUE(update.ok());
    auto outcome = update->apply(Item{});
    ASSERT_TRUE(outcome.ok());
    EXPECT_TRUE(outcome->item == (Item{{"a", S("x")}, {"n", N("5")}}));
}

TEST(Update, OverlapIsCheckedBeforeTheItem) {
    // §3.2: overlapping paths fail at parse time, whatever the item holds.
    EXPECT_FALSE(parse("SET a = :x REMOVE a").ok());
}

}  // namespace
}  // namespace shardscope::expr

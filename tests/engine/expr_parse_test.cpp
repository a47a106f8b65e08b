// SPDX-License-Identifier: MIT
// Parsing and static checks of condition expressions: DynamoDB's ValidationException messages
// for syntax errors, reserved words, placeholders, function misuse and limits (reference §3.1,
// §3.3, §0).
#include <gtest/gtest.h>

#include <random>

#include "expr_testutil.h"

namespace shardscope::expr {
namespace {

using namespace testing;

struct ParseCase {
    const char* rule;
    std::string expression;
    std::string message;  // "" when the expression must parse
};

Placeholders placeholders() {
    return Placeholders(Names{{"#n", "name"}, {"#s", "status"}, {"#dot", "a.b"}},
                        Values{{":v", N("1")},
                               {":two", N("2")},
                               {":s", S("x")},
                               {":l", L({N("1")})},
                               {":t", S("N")},
                               {":bad", S("XX")},
                               {":b", BOOL(true)}});
}

std::string parseMessage(const std::string& expression,
                         std::string_view kind = "ConditionExpression") {
    Placeholders p = placeholders();
    return messageOf(parseCondition(expression, p, kind));
}

void PrintTo(const ParseCase& c, std::ostream* os) {
    *os << c.rule << ": " << c.expression;
}

class ConditionParse : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ConditionParse, AnswersLikeDynamoDB) {
    const ParseCase& c = GetParam();
    EXPECT_EQ(parseMessage(c.expression), c.message) << c.rule << ": " << c.expression;
}

const std::string kPrefix = "Invalid ConditionExpression: ";

INSTANTIATE_TEST_SUITE_P(
    Valid, ConditionParse,
    ::testing::Values(
        ParseCase{"comparators", "a = :v AND a <> :v AND a < :v AND a <= :v AND a > :v AND a >= :v",
                  ""},
        ParseCase{"document paths", "a.b[1].#n[0] = :v", ""},
        ParseCase{"keywords are case-insensitive", "a between :v and :two or not a in (:v)", ""},
        ParseCase{"parentheses around a condition", "(a = :v)", ""},
        ParseCase{"parentheses around an operand", "(a) = :v", ""},
        ParseCase{"NOT binds looser than comparators", "NOT a = :v", ""},
        ParseCase{"IN list", "a IN (:v, :two, :s)", ""},
        ParseCase{"functions",
                  "attribute_exists(a) AND attribute_not_exists(#n) AND "
                  "attribute_type(a, :t) AND begins_with(a, :s) AND contains(a, :v)",
                  ""},
        ParseCase{"size() as an operand", "size(a) > :v AND :v < size(b.c)", ""},
        ParseCase{"placeholder value with a dot is one name", "#dot = :v", ""},
        ParseCase{"no spaces needed", "a=:v AND(b<>:v)", ""},
        ParseCase{"two literals may be compared", ":v = :two", ""},
        ParseCase{"whitespace of all kinds", "\ta\n=\r:v ", ""}));

INSTANTIATE_TEST_SUITE_P(
    SyntaxErrors, ConditionParse,
    ::testing::Values(ParseCase{"unexpected token names its neighbours", "a x",
                                kPrefix + "Syntax error; token: \"x\", near: \"a x\""},
                      ParseCase{"a bare path is not a condition", "foo",
                                kPrefix + "Syntax error; token: \"<EOF>\", near: \"foo\""},
                      ParseCase{"unfinished function", "attribute_not_exists(",
                                kPrefix + "Syntax error; token: \"<EOF>\", near: \"(\""},
                      ParseCase{"near spans previous and next token", "a = = :v",
                                kPrefix + "Syntax error; token: \"=\", near: \"= = :v\""},
                      ParseCase{"names cannot start with an underscore", "_hidden = :v",
                                kPrefix + "Syntax error; token: \"_\", near: \"_hidden\""},
                      ParseCase{"unbalanced parenthesis", "a = :v )",
                                kPrefix + "Syntax error; token: \")\", near: \":v )\""},
                      ParseCase{"list indexes are literal", "a[:v] = :v",
                                kPrefix + "Syntax error; token: \":v\", near: \"[:v]\""},
                      ParseCase{"negative index", "a[-1] = :v",
                                kPrefix + "Syntax error; token: \"-\", near: \"[-1\""},
                      ParseCase{"unknown character", "a = :v @",
                                kPrefix + "Syntax error; token: \"@\", near: \":v @\""},
                      ParseCase{"keyword is not a name", "and = :v",
                                kPrefix + "Syntax error; token: \"and\", near: \"and =\""},
                      ParseCase{"NOT needs a condition", "NOT a",
                                kPrefix + "Syntax error; token: \"<EOF>\", near: \"a\""},
                      ParseCase{"a parenthesised operand alone", "(a)",
                                kPrefix + "Syntax error; token: \"<EOF>\", near: \")\""},
                      ParseCase{"OR after an operand", "a OR b = :v",
                                kPrefix + "Syntax error; token: \"OR\", near: \"a OR b\""},
                      ParseCase{"BETWEEN needs AND", "a BETWEEN :v OR :two",
                                kPrefix + "Syntax error; token: \"OR\", near: \":v OR :two\""},
                      ParseCase{"empty IN list", "a IN ()",
                                kPrefix + "Syntax error; token: \")\", near: \"()\""},
                      ParseCase{"empty function call", "size() = :v",
                                kPrefix + "Syntax error; token: \")\", near: \"() =\""},
                      ParseCase{"whitespace only", "   ",
                                kPrefix + "Syntax error; token: \"<EOF>\", near: \"\""}));

INSTANTIATE_TEST_SUITE_P(
    SemanticErrors, ConditionParse,
    ::testing::Values(
        ParseCase{"empty expression", "", kPrefix + "The expression can not be empty;"},
        ParseCase{"reserved word as a bare name", "status = :v",
                  kPrefix + "Attribute name is a reserved keyword; reserved keyword: status"},
        ParseCase{"reserved words are case-insensitive", "a.Data = :v",
                  kPrefix + "Attribute name is a reserved keyword; reserved keyword: Data"},
        ParseCase{"placeholders avoid reserved words", "#s = :v", ""},
        ParseCase{"undefined value", "a = :nope",
                  kPrefix + "An expression attribute value used in expression is not defined; "
                            "attribute value: :nope"},
        ParseCase{"undefined name", "#nope = :v",
                  kPrefix + "An expression attribute name used in the document path is not "
                            "defined; attribute name: #nope"},
        ParseCase{"size() alone is not a condition", "size(a)",
                  kPrefix + "The function is not allowed to be used this way in an expression; "
                            "function: size"},
        ParseCase{"boolean function as an operand", "attribute_exists(a) < :v",
                  kPrefix + "The function is not allowed to be used this way in an expression; "
                            "function: attribute_exists"},
        ParseCase{"doubled parentheses", "((a < :v))",
                  kPrefix + "The expression has redundant parentheses;"},
        ParseCase{"doubled parentheses around an operand", "((a)) < :v",
                  kPrefix + "The expression has redundant parentheses;"},
        ParseCase{"unknown function", "foo(a)", kPrefix + "Invalid function name; function: foo"},
        ParseCase{"function names are case-sensitive", "Size(a) = :v",
                  kPrefix + "Invalid function name; function: Size"},
        ParseCase{"update functions are not conditions", "if_not_exists(a, :v) = :v",
                  kPrefix + "The function is not allowed in a condition expression; function: "
                            "if_not_exists"},
        ParseCase{"operand count", "size(a, b) = :v",
                  kPrefix + "Incorrect number of operands for operator or function; operator or "
                            "function: size, number of operands: 2"},
        ParseCase{"attribute_exists needs a path", "attribute_exists(:v)",
                  kPrefix + "Operator or function requires a document path; operator or "
                            "function: attribute_exists"},
        ParseCase{"same path on both sides", "a.b = a.b",
                  kPrefix + "The first operand must be distinct from the remaining operands for "
                            "this operator or function; operator: =, first operand: [a, b]"},
        ParseCase{"contains(a, a)", "contains(a, a)",
                  kPrefix + "The first operand must be distinct from the remaining operands for "
                            "this operator or function; operator: contains, first operand: [a]"},
        ParseCase{"begins_with literal must be S or B", "begins_with(a, :v)",
                  kPrefix + "Incorrect operand type for operator or function; operator or "
                            "function: begins_with, operand type: N"},
        ParseCase{"size() of a literal number", "size(:v) = :v",
                  kPrefix + "Incorrect operand type for operator or function; operator or "
                            "function: size, operand type: N"},
        ParseCase{"attribute_type needs a known type", "attribute_type(a, :bad)",
                  kPrefix + "Invalid attribute type name found; type: XX, valid types: "
                            "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}"},
        ParseCase{"attribute_type needs a string", "attribute_type(a, :v)",
                  kPrefix + "Incorrect operand type for operator or function; operator or "
                            "function: attribute_type, operand type: N"},
        ParseCase{"ordering a list literal", "a < :l",
                  kPrefix + "Incorrect operand type for operator or function; operator: <, "
                            "operand type: L"},
        ParseCase{"BETWEEN with a boolean literal", "a BETWEEN :b AND :v",
                  kPrefix + "Incorrect operand type for operator or function; operator: "
                            "BETWEEN, operand type: BOOL"},
        ParseCase{"BETWEEN bounds of different types", "a BETWEEN :v AND :s",
                  kPrefix + "The BETWEEN operator requires same data type for lower and upper "
                            "bounds; lower bound operand: AttributeValue: {N:1}, upper bound "
                            "operand: AttributeValue: {S:x}"},
        ParseCase{"BETWEEN bounds reversed", "a BETWEEN :two AND :v",
                  kPrefix + "The BETWEEN operator requires upper bound to be greater than or "
                            "equal to lower bound; lower bound operand: AttributeValue: {N:2}, "
                            "upper bound operand: AttributeValue: {N:1}"},
        ParseCase{"redundant parentheses come first", "((status = :nope))",
                  kPrefix + "The expression has redundant parentheses;"},
        ParseCase{"reserved word before undefined value", "status = :nope",
                  kPrefix + "Attribute name is a reserved keyword; reserved keyword: status"}));

TEST(ConditionParse, PrefixNamesTheParameter) {
    // parseCondition serves ConditionExpression and FilterExpression alike.
    EXPECT_EQ(parseMessage("", "FilterExpression"),
              "Invalid FilterExpression: The expression can not be empty;");
}

TEST(ConditionParse, ExpressionSizeLimitIs4096Bytes) {
    // §0: expression strings up to 4 096 bytes.
    std::string ok = "a = :v";
    ok += std::string(4096 - ok.size(), ' ');
    EXPECT_EQ(parseMessage(ok), "");
    EXPECT_EQ(parseMessage(ok + " "),
              kPrefix +
                  "Expression size has exceeded the maximum allowed size; expression size: "
                  "4097");
}

TEST(ConditionParse, AtMost300Operators) {
    // §0: at most 300 operators (comparators, AND/OR/NOT, functions) per expression.
    std::string expression = "a = :v";
    for (int i = 1; i < 150; ++i) expression += " AND a = :v";  // 299 operators
    EXPECT_EQ(parseMessage(expression), "");
    EXPECT_EQ(parseMessage(expression + " OR NOT attribute_exists(a)"),
              kPrefix + "The expression contains too many operators; operator count: 301");
}

TEST(ConditionParse, InTakesUpTo100Operands) {
    // §0: 99 right-hand values plus the left operand work.
    std::string expression = "a IN (:v";
    for (int i = 1; i < 99; ++i) expression += ", :v";
    EXPECT_EQ(parseMessage(expression + ")"), "");
    EXPECT_NE(parseMessage(expression + ", :v, :v)"), "");
}

TEST(ConditionParse, SurvivesHostileInput) {
    // The parser is fuzzed: deep nesting and random token soup must end in an error, not a crash.
    EXPECT_NE(parseMessage(std::string(4000, '(') + "a"), "");
    EXPECT_NE(parseMessage(std::string(2000, '(') + "a = :v" + std::string(2000, ')')), "");
    std::string nots;
    for (int i = 0; i < 800; ++i) nots += "NOT ";
    EXPECT_NE(parseMessage(nots + "a = :v"), "");
    const std::vector<std::string> pieces = {
        "a", "#n",  ":v", "(",   ")",  "[",       "]",    "1",        ",", ".", "=", "<>",
        "<", "AND", "OR", "NOT", "IN", "BETWEEN", "size", "contains", "@", "+", "é"};
    std::mt19937 random(42);
    for (int round = 0; round < 3000; ++round) {
        std::string expression;
        const int length = int(random() % 20);
        for (int i = 0; i < length; ++i) expression += pieces[random() % pieces.size()] + " ";
        Placeholders p = placeholders();
        auto parsed = parseCondition(expression, p);
        if (parsed.ok()) {
            EXPECT_TRUE(parsed->evaluate(nullptr).ok()) << expression;
        }
    }
}

TEST(Placeholders, ReportsUnusedNamesThenValues) {
    // §3.1: every supplied placeholder must be used by some expression of the request.
    Placeholders p(Names{{"#a", "a"}, {"#b", "b"}, {"#used", "u"}},
                   Values{{":v", N("1")}, {":w", N("2")}});
    ASSERT_TRUE(parseCondition("#used = :v", p).ok());
    EXPECT_EQ(messageOf(p.checkAllUsed()),
              "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}");
    ASSERT_TRUE(parseCondition("#a = :w AND #b = :w", p).ok());
    EXPECT_EQ(messageOf(p.checkAllUsed()), "");

    Placeholders values(Names{}, Values{{":v", N("1")}});
    EXPECT_EQ(messageOf(values.checkAllUsed()),
              "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}");
}

}  // namespace
}  // namespace shardscope::expr

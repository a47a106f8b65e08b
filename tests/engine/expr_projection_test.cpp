// SPDX-License-Identifier: MIT
// ProjectionExpression / AttributesToGet and projectPaths (reference §3.1).
#include <gtest/gtest.h>

#include "expr_testutil.h"

namespace shardscope::expr {
namespace {

using namespace testing;

Result<Projection> parse(const std::string& expression) {
    Placeholders p(Names{{"#n", "name"}, {"#dot", "a.b"}}, Values{});
    return parseProjection(expression, p);
}

Item sampleItem() {
    return Item{{"a", N("1")},
                {"a.b", S("dotted")},
                {"name", S("n")},
                {"m", M({{"x", N("1")}, {"y", M({{"z", S("deep")}, {"w", S("other")}})}})},
                {"l", L({S("l0"), M({{"k", S("v")}, {"j", S("u")}}), S("l2"), S("l3")})}};
}

struct ProjectCase {
    const char* rule;
    std::string expression;
    Item expected;
};

void PrintTo(const ProjectCase& c, std::ostream* os) {
    *os << c.rule << ": " << c.expression;
}

class ProjectionApply : public ::testing::TestWithParam<ProjectCase> {};

TEST_P(ProjectionApply, KeepsTheNamedParts) {
    const ProjectCase& c = GetParam();
    auto projection = parse(c.expression);
    ASSERT_TRUE(projection.ok()) << messageOf(projection);
    EXPECT_TRUE(projection->apply(sampleItem()) == c.expected) << c.rule;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ProjectionApply,
    ::testing::Values(
        ProjectCase{"top-level names", "a, #n", Item{{"a", N("1")}, {"name", S("n")}}},
        ProjectCase{"a dot inside a placeholder name is literal", "#dot",
                    Item{{"a.b", S("dotted")}}},
        ProjectCase{"missing attributes are left out", "a, absent", Item{{"a", N("1")}}},
        ProjectCase{"nested members stay inside their parents", "m.y.z, m.x",
                    Item{{"m", M({{"x", N("1")}, {"y", M({{"z", S("deep")}})}})}}},
        ProjectCase{"list elements collapse into a list in index order", "l[3], l[0]",
                    Item{{"l", L({S("l0"), S("l3")})}}},
        ProjectCase{"members of list elements", "l[1].k", Item{{"l", L({M({{"k", S("v")}})})}}},
        ProjectCase{"out-of-range index is left out", "l[9], a", Item{{"a", N("1")}}},
        ProjectCase{"a missing member leaves out its parent", "m.q", Item{}},
        ProjectCase{"path through a scalar is missing", "a.b", Item{}},
        ProjectCase{"whole nested map", "m.y",
                    Item{{"m", M({{"y", M({{"z", S("deep")}, {"w", S("other")}})}})}}}));

struct ErrorCase {
    const char* rule;
    std::string expression;
    std::string message;
};

void PrintTo(const ErrorCase& c, std::ostream* os) {
    *os << c.rule << ": " << c.expression;
}

class ProjectionParse : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ProjectionParse, AnswersLikeDynamoDB) {
    const ErrorCase& c = GetParam();
    EXPECT_EQ(messageOf(parse(c.expression)), c.message) << c.rule;
}

const std::string kPrefix = "Invalid ProjectionExpression: ";

INSTANTIATE_TEST_SUITE_P(
    Errors, ProjectionParse,
    ::testing::Values(
        ErrorCase{"empty", "", kPrefix + "The expression can not be empty;"},
        ErrorCase{"same path twice", "a, a",
                  kPrefix + "Two document paths overlap with each other; must remove or rewrite "
                            "one of these paths; path one: [a], path two: [a]"},
        ErrorCase{"parent and child", "m, m.x",
                  kPrefix + "Two document paths overlap with each other; must remove or rewrite "
                            "one of these paths; path one: [m], path two: [m, x]"},
        ErrorCase{"child and list element", "l[0], l.x",
                  kPrefix + "Two document paths conflict with each other; must remove or rewrite "
                            "one of these paths; path one: [l, [0]], path two: [l, x]"},
        ErrorCase{"reserved word", "a, name",
                  kPrefix + "Attribute name is a reserved keyword; reserved keyword: name"},
        ErrorCase{"undefined name", "#nope",
                  kPrefix + "An expression attribute name used in the document path is not "
                            "defined; attribute name: #nope"},
        ErrorCase{"values are not paths", ":v",
                  kPrefix + "Syntax error; token: \":v\", near: \":v\""},
        ErrorCase{"trailing comma", "a,", kPrefix + "Syntax error; token: \"<EOF>\", near: \",\""},
        ErrorCase{"functions are not paths", "size(a)",
                  kPrefix + "Syntax error; token: \"(\", near: \"size(a\""},
        ErrorCase{"siblings are fine", "m.x, m.y, l[0], l[1]", ""}));

TEST(Projection, FromAttributeNamesTakesNamesLiterally) {
    // AttributesToGet names are top-level names, dots and reserved words included.
    const Projection projection = projectionFromAttributeNames({"a.b", "name", "missing"});
    EXPECT_EQ(projection.paths().size(), 3u);
    EXPECT_TRUE(projection.apply(sampleItem()) == (Item{{"a.b", S("dotted")}, {"name", S("n")}}));
}

TEST(Projection, ProjectPathsMergesSiblings) {
    const Item projected = projectPaths(
        sampleItem(), {path({name("m"), name("y"), name("w")}), path({name("m"), name("x")}),
                       path({name("l"), index(1), name("j")}), path({name("l"), index(2)})});
    EXPECT_TRUE(projected == (Item{{"m", M({{"x", N("1")}, {"y", M({{"w", S("other")}})}})},
                                   {"l", L({M({{"j", S("u")}}), S("l2")})}}));
    EXPECT_TRUE(Projection().apply(sampleItem()).empty());
}

}  // namespace
}  // namespace shardscope::expr

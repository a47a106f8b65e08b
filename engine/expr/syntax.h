// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"
#include "expr/lexer.h"

// The syntax layer: turns tokens into raw trees that still carry placeholders and bare names.
// Semantic checks (reserved words, placeholders, function misuse, operand types) run afterwards
// in the builders, because DynamoDB reports any syntax error before any of those.
namespace shardscope::expr::detail {

enum class Grammar : unsigned char { Condition, Update, Projection };

struct RawStep {
    TokenKind kind = TokenKind::Name;  // Name, NameRef or Integer
    std::string_view text;
    int index = -1;
};

enum class RawKind : unsigned char {
    Path,
    Value,
    Call,
    Compare,
    Between,
    In,
    And,
    Or,
    Not,
    Plus,
    Minus
};

struct RawNode {
    RawNode() = default;
    explicit RawNode(RawKind k) : kind(k) {}

    RawKind kind = RawKind::Path;
    CompareOp op = CompareOp::Equal;
    std::string_view text;  // function name or value placeholder
    std::vector<RawStep> path;
    std::vector<RawNode> children;
    bool parenthesized = false;

    bool isCondition() const;  // a boolean (Call counts: decided later)
};

struct RawUpdateItem {
    RawNode path;
    RawNode value;  // SET right-hand side, or the ADD/DELETE value; unused for REMOVE
};

struct RawClause {
    UpdateKind kind = UpdateKind::Set;
    std::string_view keyword;  // as written
    std::vector<RawUpdateItem> items;
};

// Recursive descent over the tokens with an explicit depth limit (the parser is fuzzed), counting
// operators as it goes so a hostile expression stops early.
class SyntaxParser {
public:
    static constexpr int kMaxOperators = 300;

    SyntaxParser(std::string_view text, Grammar grammar);

    bool parseCondition(RawNode& out);
    bool parseUpdate(std::vector<RawClause>& out);
    bool parseProjection(std::vector<RawNode>& out);

    // After a failed parse: the message without the "Invalid XExpression: " prefix.
    const std::string& error() const { return m_error; }
    // "((x))" seen: reported only when the expression is otherwise syntactically valid.
    bool sawRedundantParentheses() const { return m_redundantParens; }

private:
    bool parseOr(RawNode& out, bool allowOperand);
    bool parseAnd(RawNode& out, bool allowOperand);
    bool parseNot(RawNode& out, bool allowOperand);
    bool parseComparison(RawNode& out, bool allowOperand);
    bool parseComparisonTail(RawNode& lhs, RawNode& out);
    bool parseOperand(RawNode& out);
    bool parseParenthesized(RawNode& out);
    bool parseCall(RawNode& out);
    bool parsePath(RawNode& out);
    bool parsePathStep(RawNode& out);
    bool parseSetValue(RawNode& out);
    bool parseSetSum(RawNode& out);
    bool parseClause(RawClause& clause);

    const Token& peek() const { return m_tokens[m_pos]; }
    const Token& peekAt(size_t ahead) const;
    bool accept(std::string_view punct);
    bool expect(std::string_view punct);
    bool isGrammarKeyword(const Token& token) const;
    bool isClauseKeyword(const Token& token) const;
    bool countOperator();
    bool enter();
    void leave() { --m_depth; }
    bool syntaxError();

    std::string_view m_text;
    Grammar m_grammar;
    std::vector<Token> m_tokens;
    size_t m_pos = 0;
    int m_depth = 0;
    int m_operators = 0;
    bool m_redundantParens = false;
    std::string m_error;
};

}  // namespace shardscope::expr::detail

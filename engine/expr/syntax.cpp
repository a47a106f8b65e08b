// SPDX-License-Identifier: MIT
#include "expr/syntax.h"

#include <array>
#include <charconv>

namespace shardscope::expr::detail {

namespace {

// Deeper nesting than this cannot be a valid expression within 300 operators without doubled
// parentheses, so it is reported as such instead of growing the stack.
constexpr int kMaxDepth = 512;

struct ComparatorSpelling {
    std::string_view text;
    CompareOp op;
};
constexpr std::array<ComparatorSpelling, 6> kComparators = {{
    {"=", CompareOp::Equal},
    {"<>", CompareOp::NotEqual},
    {"<", CompareOp::Less},
    {"<=", CompareOp::LessOrEqual},
    {">", CompareOp::Greater},
    {">=", CompareOp::GreaterOrEqual},
}};

const ComparatorSpelling* comparatorOf(const Token& token) {
    if (token.kind != TokenKind::Punct) return nullptr;
    for (const auto& c : kComparators) {
        if (c.text == token.text) return &c;
    }
    return nullptr;
}

bool isOperandNode(const RawNode& node) {
    return !node.isCondition() || node.kind == RawKind::Call;
}

}  // namespace

bool RawNode::isCondition() const {
    switch (kind) {
        case RawKind::Path:
        case RawKind::Value:
        case RawKind::Plus:
        case RawKind::Minus:
            return false;
        default:
            return true;
    }
}

SyntaxParser::SyntaxParser(std::string_view text, Grammar grammar)
    : m_text(text), m_grammar(grammar), m_tokens(tokenize(text)) {}

const Token& SyntaxParser::peekAt(size_t ahead) const {
    const size_t at = m_pos + ahead;
    return at < m_tokens.size() ? m_tokens[at] : m_tokens.back();
}

bool SyntaxParser::accept(std::string_view punct) {
    if (!peek().is(punct)) return false;
    ++m_pos;
    return true;
}

bool SyntaxParser::expect(std::string_view punct) {
    return accept(punct) || syntaxError();
}

bool SyntaxParser::syntaxError() {
    if (m_error.empty()) m_error = syntaxErrorMessage(m_text, m_tokens, m_pos);
    return false;
}

bool SyntaxParser::isGrammarKeyword(const Token& token) const {
    if (token.kind != TokenKind::Name) return false;
    if (m_grammar == Grammar::Condition) {
        return token.isKeyword("AND") || token.isKeyword("OR") || token.isKeyword("NOT") ||
               token.isKeyword("BETWEEN") || token.isKeyword("IN");
    }
    return m_grammar == Grammar::Update && isClauseKeyword(token);
}

bool SyntaxParser::isClauseKeyword(const Token& token) const {
    return token.isKeyword("SET") || token.isKeyword("REMOVE") || token.isKeyword("ADD") ||
           token.isKeyword("DELETE");
}

bool SyntaxParser::countOperator() {
    if (++m_operators <= kMaxOperators) return true;
    m_error = "The expression contains too many operators; operator count: " +
              std::to_string(m_operators);
    return false;
}

bool SyntaxParser::enter() {
    if (++m_depth <= kMaxDepth) return true;
    m_error = "The expression has redundant parentheses;";
    return false;
}

// ---- conditions -------------------------------------------------------------------------------

bool SyntaxParser::parseCondition(RawNode& out) {
    if (!parseOr(out, false)) return false;
    return peek().kind == TokenKind::End || syntaxError();
}

bool SyntaxParser::parseOr(RawNode& out, bool allowOperand) {
    RawNode first;
    if (!parseAnd(first, allowOperand)) return false;
    if (!peek().isKeyword("OR")) {
        out = std::move(first);
        return true;
    }
    out = RawNode{RawKind::Or};
    out.children.push_back(std::move(first));
    while (peek().isKeyword("OR")) {
        if (!countOperator()) return false;
        ++m_pos;
        RawNode next;
        if (!parseAnd(next, false)) return false;
        out.children.push_back(std::move(next));
    }
    return true;
}

bool SyntaxParser::parseAnd(RawNode& out, bool allowOperand) {
    RawNode first;
    if (!parseNot(first, allowOperand)) return false;
    if (!peek().isKeyword("AND")) {
        out = std::move(first);
        return true;
    }
    out = RawNode{RawKind::And};
    out.children.push_back(std::move(first));
    while (peek().isKeyword("AND")) {
        if (!countOperator()) return false;
        ++m_pos;
        RawNode next;
        if (!parseNot(next, false)) return false;
        out.children.push_back(std::move(next));
    }
    return true;
}

bool SyntaxParser::parseNot(RawNode& out, bool allowOperand) {
    if (!peek().isKeyword("NOT")) return parseComparison(out, allowOperand);
    if (!countOperator() || !enter()) return false;
    ++m_pos;
    RawNode inner;
    if (!parseNot(inner, false)) return false;
    leave();
    out = RawNode{RawKind::Not};
    out.children.push_back(std::move(inner));
    return true;
}

bool SyntaxParser::parseComparison(RawNode& out, bool allowOperand) {
    RawNode lhs;
    if (!parseOperand(lhs)) return false;
    const Token& next = peek();
    if (comparatorOf(next) || next.isKeyword("BETWEEN") || next.isKeyword("IN")) {
        if (!isOperandNode(lhs)) return syntaxError();
        return parseComparisonTail(lhs, out);
    }
    // A bare operand is a condition only as a function call; inside parentheses it may still be
    // the left side of a comparison that follows the closing parenthesis.
    if (lhs.isCondition() || (allowOperand && next.is(")"))) {
        out = std::move(lhs);
        return true;
    }
    return syntaxError();
}

bool SyntaxParser::parseComparisonTail(RawNode& lhs, RawNode& out) {
    const Token& token = peek();
    if (!countOperator()) return false;
    ++m_pos;
    out = RawNode{};
    out.children.push_back(std::move(lhs));
    size_t wanted = 2;
    if (const auto* comparator = comparatorOf(token)) {
        out.kind = RawKind::Compare;
        out.op = comparator->op;
    } else if (token.isKeyword("BETWEEN")) {
        out.kind = RawKind::Between;
        wanted = 3;
    } else {
        out.kind = RawKind::In;
        if (!expect("(")) return false;
        wanted = 0;
    }
    while (true) {
        RawNode operand;
        if (!parseOperand(operand)) return false;
        if (!isOperandNode(operand)) return syntaxError();
        out.children.push_back(std::move(operand));
        if (out.children.size() == wanted) return true;
        if (out.kind == RawKind::Between) {
            if (!peek().isKeyword("AND")) return syntaxError();
            ++m_pos;
        } else if (!accept(",")) {
            return expect(")");
        }
    }
}

// ---- operands ---------------------------------------------------------------------------------

bool SyntaxParser::parseOperand(RawNode& out) {
    const Token& token = peek();
    if (token.is("(")) return parseParenthesized(out);
    if (token.kind == TokenKind::ValueRef) {
        out = RawNode{RawKind::Value};
        out.text = token.text;
        ++m_pos;
        return true;
    }
    if (token.kind == TokenKind::Name && !isGrammarKeyword(token) && peekAt(1).is("(")) {
        return parseCall(out);
    }
    return parsePath(out);
}

bool SyntaxParser::parseParenthesized(RawNode& out) {
    if (!enter()) return false;
    ++m_pos;
    RawNode inner;
    const bool ok = m_grammar == Grammar::Condition ? parseOr(inner, true) : parseOperand(inner);
    if (!ok || !expect(")")) return false;
    leave();
    if (inner.parenthesized) m_redundantParens = true;
    out = std::move(inner);
    out.parenthesized = true;
    return true;
}

bool SyntaxParser::parseCall(RawNode& out) {
    if (!countOperator() || !enter()) return false;
    out = RawNode{RawKind::Call};
    out.text = peek().text;
    m_pos += 2;
    do {
        RawNode arg;
        if (!parseOperand(arg)) return false;
        if (!isOperandNode(arg)) return syntaxError();
        out.children.push_back(std::move(arg));
    } while (accept(","));
    if (!expect(")")) return false;
    leave();
    return true;
}

bool SyntaxParser::parsePath(RawNode& out) {
    out = RawNode{RawKind::Path};
    if (!parsePathStep(out)) return false;
    while (true) {
        if (accept(".")) {
            if (!parsePathStep(out)) return false;
        } else if (accept("[")) {
            const Token& token = peek();
            int index = 0;
            const char* end = token.text.data() + token.text.size();
            if (token.kind != TokenKind::Integer ||
                std::from_chars(token.text.data(), end, index).ptr != end) {
                return syntaxError();
            }
            out.path.push_back(RawStep{TokenKind::Integer, token.text, index});
            ++m_pos;
            if (!expect("]")) return false;
        } else {
            return true;
        }
    }
}

bool SyntaxParser::parsePathStep(RawNode& out) {
    const Token& token = peek();
    const bool name = token.kind == TokenKind::Name && !isGrammarKeyword(token);
    if (!name && token.kind != TokenKind::NameRef) return syntaxError();
    out.path.push_back(RawStep{token.kind, token.text, -1});
    ++m_pos;
    return true;
}

// ---- updates ----------------------------------------------------------------------------------

bool SyntaxParser::parseUpdate(std::vector<RawClause>& out) {
    do {
        if (!isClauseKeyword(peek())) return syntaxError();
        RawClause clause;
        if (!parseClause(clause)) return false;
        out.push_back(std::move(clause));
    } while (peek().kind != TokenKind::End);
    return true;
}

bool SyntaxParser::parseClause(RawClause& clause) {
    const Token& keyword = peek();
    clause.keyword = keyword.text;
    if (keyword.isKeyword("SET")) {
        clause.kind = UpdateKind::Set;
    } else if (keyword.isKeyword("REMOVE")) {
        clause.kind = UpdateKind::Remove;
    } else if (keyword.isKeyword("ADD")) {
        clause.kind = UpdateKind::Add;
    } else {
        clause.kind = UpdateKind::Delete;
    }
    ++m_pos;
    do {
        RawUpdateItem item;
        if (!parsePath(item.path)) return false;
        if (clause.kind == UpdateKind::Set) {
            if (!expect("=") || !parseSetValue(item.value)) return false;
        } else if (clause.kind != UpdateKind::Remove) {
            if (peek().kind != TokenKind::ValueRef) return syntaxError();
            item.value = RawNode{RawKind::Value};
            item.value.text = peek().text;
            ++m_pos;
        }
        clause.items.push_back(std::move(item));
    } while (accept(","));
    return true;
}

// SET's right-hand side: one operand, or two joined by + or -, optionally inside one pair of
// parentheses. Sums do not nest (§3.2).
bool SyntaxParser::parseSetValue(RawNode& out) {
    if (!peek().is("(")) return parseSetSum(out);
    if (!enter()) return false;
    ++m_pos;
    RawNode inner;
    if (!parseSetSum(inner) || !expect(")")) return false;
    leave();
    inner.parenthesized = true;
    if (!peek().is("+") && !peek().is("-")) {
        out = std::move(inner);
        return true;
    }
    if (inner.kind == RawKind::Plus || inner.kind == RawKind::Minus) return syntaxError();
    out = RawNode{peek().is("+") ? RawKind::Plus : RawKind::Minus};
    if (!countOperator()) return false;
    ++m_pos;
    out.children.push_back(std::move(inner));
    RawNode rhs;
    if (!parseOperand(rhs)) return false;
    out.children.push_back(std::move(rhs));
    return true;
}

bool SyntaxParser::parseSetSum(RawNode& out) {
    RawNode lhs;
    if (!parseOperand(lhs)) return false;
    if (!peek().is("+") && !peek().is("-")) {
        out = std::move(lhs);
        return true;
    }
    out = RawNode{peek().is("+") ? RawKind::Plus : RawKind::Minus};
    if (!countOperator()) return false;
    ++m_pos;
    out.children.push_back(std::move(lhs));
    RawNode rhs;
    if (!parseOperand(rhs)) return false;
    out.children.push_back(std::move(rhs));
    return true;
}

// ---- projections ------------------------------------------------------------------------------

bool SyntaxParser::parseProjection(std::vector<RawNode>& out) {
    do {
        RawNode path;
        if (!parsePath(path)) return false;
        out.push_back(std::move(path));
    } while (accept(","));
    return peek().kind == TokenKind::End || syntaxError();
}

}  // namespace shardscope::expr::detail

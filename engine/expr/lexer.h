// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// The tokens of every expression language (conditions, updates, projections, key conditions):
// one lexer, so that "token"/"near" in syntax errors read the same whichever expression failed.
namespace shardscope::expr::detail {

enum class TokenKind : unsigned char {
    Name,      // [A-Za-z][A-Za-z0-9_]*: attribute name, keyword or function name
    NameRef,   // #[A-Za-z0-9_]+
    ValueRef,  // :[A-Za-z0-9_]+
    Integer,   // [0-9]+ (list indexes)
    Punct,     // = <> < <= > >= ( ) [ ] , . + -
    Invalid,   // any other character (one UTF-8 sequence)
    End,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string_view text;
    size_t pos = 0;  // byte offset in the expression

    size_t end() const { return pos + text.size(); }
    bool is(std::string_view punct) const { return kind == TokenKind::Punct && text == punct; }
    // Case-insensitive keyword match (keywords are case-insensitive, §3.1).
    bool isKeyword(std::string_view keyword) const;
};

// Always ends with one End token placed right after the last real token.
std::vector<Token> tokenize(std::string_view text);

// DynamoDB's syntax error text for the token at `index`: `Syntax error; token: "x", near: "a x b"`,
// where "near" spans the neighbouring tokens as written in the expression.
std::string syntaxErrorMessage(std::string_view text, const std::vector<Token>& tokens,
                               size_t index);

bool equalsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace shardscope::expr::detail

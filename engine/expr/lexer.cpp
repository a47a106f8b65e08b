// SPDX-License-Identifier: MIT
#include "expr/lexer.h"

namespace shardscope::expr::detail {

namespace {

bool isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool isDigit(char c) {
    return c >= '0' && c <= '9';
}
bool isWordChar(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
}
bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t scanWord(std::string_view text, size_t from) {
    while (from < text.size() && isWordChar(text[from])) ++from;
    return from;
}

// Length of the UTF-8 sequence starting at `pos`, so an invalid multi-byte character is reported
// whole rather than as a broken byte.
size_t utf8Length(std::string_view text, size_t pos) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    size_t length = 1;
    if (lead >= 0xF0) {
        length = 4;
    } else if (lead >= 0xE0) {
        length = 3;
    } else if (lead >= 0xC0) {
        length = 2;
    }
    size_t n = 1;
    while (n < length && pos + n < text.size() &&
           (static_cast<unsigned char>(text[pos + n]) & 0xC0) == 0x80) {
        ++n;
    }
    return n;
}

size_t punctLength(std::string_view text, size_t pos) {
    const char c = text[pos];
    const char next = pos + 1 < text.size() ? text[pos + 1] : '\0';
    if (c == '<' && (next == '>' || next == '=')) return 2;
    if (c == '>' && next == '=') return 2;
    static constexpr std::string_view kSingles = "=<>()[],.+-";
    return kSingles.find(c) != std::string_view::npos ? 1 : 0;
}

}  // namespace

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i];
        char y = b[i];
        if (x >= 'a' && x <= 'z') x = char(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z') y = char(y - 'a' + 'A');
        if (x != y) return false;
    }
    return true;
}

bool Token::isKeyword(std::string_view keyword) const {
    return kind == TokenKind::Name && equalsIgnoreCase(text, keyword);
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (isSpace(c)) {
            ++pos;
            continue;
        }
        TokenKind kind = TokenKind::Invalid;
        size_t end = pos + 1;
        if (isLetter(c)) {
            kind = TokenKind::Name;
            end = scanWord(text, pos);
        } else if (isDigit(c)) {
            kind = TokenKind::Integer;
            while (end < text.size() && isDigit(text[end])) ++end;
        } else if ((c == '#' || c == ':') && pos + 1 < text.size() && isWordChar(text[pos + 1])) {
            kind = c == '#' ? TokenKind::NameRef : TokenKind::ValueRef;
            end = scanWord(text, pos + 1);
        } else if (const size_t n = punctLength(text, pos); n > 0) {
            kind = TokenKind::Punct;
            end = pos + n;
        } else {
            end = pos + utf8Length(text, pos);
        }
        tokens.push_back(Token{kind, text.substr(pos, end - pos), pos});
        pos = end;
    }
    const size_t endPos = tokens.empty() ? 0 : tokens.back().end();
    tokens.push_back(Token{TokenKind::End, std::string_view(), endPos});
    return tokens;
}

std::string syntaxErrorMessage(std::string_view text, const std::vector<Token>& tokens,
                               size_t index) {
    const Token& token = tokens[index];
    const bool atEnd = token.kind == TokenKind::End;
    const size_t first = index > 0 ? tokens[index - 1].pos : token.pos;
    size_t last = token.end();
    if (!atEnd && index + 1 < tokens.size() && tokens[index + 1].kind != TokenKind::End) {
        last = tokens[index + 1].end();
    }
    std::string message = "Syntax error; token: \"";
    message += atEnd ? std::string_view("<EOF>") : token.text;
    message += "\", near: \"";
    message += text.substr(first, last - first);
    message += '"';
    return message;
}

}  // namespace shardscope::expr::detail

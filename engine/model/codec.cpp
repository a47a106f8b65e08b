// SPDX-License-Identifier: MIT
#include "model/codec.h"

#include <cstdint>
#include <cstring>

#include "model/json.h"

namespace shardscope::model {

namespace {

// Bumped when the layout changes, so an old workspace file is refused rather than misread.
constexpr char kFormatVersion = 0x01;
// Deeper than any valid item (kMaxNestingDepth) yet small enough to keep recursion safe on
// hostile input.
constexpr int kMaxDecodeDepth = kMaxNestingDepth + 8;

void putVarint(std::string& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void putBytes(std::string& out, std::string_view bytes) {
    putVarint(out, bytes.size());
    out.append(bytes);
}

// Numbers as 0.digits × 10^exponent text (".123e5"), which Number::parse reads back exactly.
void putNumber(std::string& out, const Number& n) {
    std::string text;
    if (!n.isZero()) {
        text.reserve(n.digits().size() + 8);
        if (n.isNegative()) text.push_back('-');
        text.push_back('.');
        text.append(n.digits());
        text.push_back('e');
        text.append(std::to_string(n.exponent()));
    } else {
        text = "0";
    }
    putBytes(out, text);
}

void putValue(std::string& out, const AttributeValue& value);

void putMap(std::string& out, const AttributeValue::Map& map) {
    putVarint(out, map.size());
    for (const auto& [name, member] : map) {
        putBytes(out, name);
        putValue(out, member);
    }
}

void putValue(std::string& out, const AttributeValue& value) {
    out.push_back(static_cast<char>(value.type()));
    switch (value.type()) {
        case Type::S:
        case Type::B:
            putBytes(out, value.asString());
            break;
        case Type::N:
            putNumber(out, value.asNumber());
            break;
        case Type::BOOL:
            out.push_back(value.asBool() ? 1 : 0);
            break;
        case Type::NULL_:
            break;
        case Type::M:
            putMap(out, value.asMap());
            break;
        case Type::L:
            putVarint(out, value.asList().size());
            for (const auto& member : value.asList()) putValue(out, member);
            break;
        case Type::SS:
        case Type::BS:
            putVarint(out, value.asStringSet().size());
            for (const auto& member : value.asStringSet()) putBytes(out, member);
            break;
        case Type::NS:
            putVarint(out, value.asNumberSet().size());
            for (const auto& member : value.asNumberSet()) putNumber(out, member);
            break;
    }
}

// Reads untrusted bytes: every length is checked against what is left before it is used.
class Reader {
public:
    explicit Reader(std::string_view bytes) : m_bytes(bytes) {}

    bool atEnd() const { return m_pos == m_bytes.size(); }
    size_t remaining() const { return m_bytes.size() - m_pos; }

    bool byte(uint8_t& b) {
        if (atEnd()) return false;
        b = static_cast<uint8_t>(m_bytes[m_pos++]);
        return true;
    }

    // Only the shortest form putVarint writes: a trailing zero group or bits beyond 64 would let
    // other bytes decode to the same value (found by fuzz_item_codec).
    bool varint(uint64_t& v) {
        v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            uint8_t b = 0;
            if (!byte(b)) return false;
            if (shift == 63 && (b & 0x7E) != 0) return false;
            v |= uint64_t(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return b != 0 || shift == 0;
        }
        return false;
    }

    // A count of elements that each take at least one byte cannot exceed what is left; checking
    // that first keeps garbage from triggering a huge reserve().
    bool count(uint64_t& n) { return varint(n) && n <= remaining(); }

    bool bytes(std::string_view& out) {
        uint64_t n = 0;
        if (!varint(n) || n > remaining()) return false;
        out = m_bytes.substr(m_pos, size_t(n));
        m_pos += size_t(n);
        return true;
    }

private:
    std::string_view m_bytes;
    size_t m_pos = 0;
};

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Exactly the spelling putNumber writes, so that a number has one encoding only.
bool isCanonicalNumberText(std::string_view text) {
    if (text == "0") return true;
    size_t i = 0;
    if (i < text.size() && text[i] == '-') ++i;
    if (i == text.size() || text[i++] != '.') return false;
    const size_t first = i;
    while (i < text.size() && isDigit(text[i])) ++i;
    if (i == first || text[first] == '0' || text[i - 1] == '0') return false;
    if (i == text.size() || text[i++] != 'e') return false;
    const bool negativeExponent = i < text.size() && text[i] == '-';
    if (negativeExponent) ++i;
    const size_t expFirst = i;
    while (i < text.size() && isDigit(text[i])) ++i;
    if (i == expFirst || i != text.size()) return false;
    // No leading zeros, and zero is written "0", never "-0".
    return text[expFirst] != '0' || (i == expFirst + 1 && !negativeExponent);
}

bool getNumber(Reader& in, Number& n) {
    std::string_view text;
    if (!in.bytes(text) || !isCanonicalNumberText(text)) return false;
    auto parsed = Number::parse(text);
    if (!parsed) return false;
    n = std::move(parsed).value();
    return true;
}

bool getValue(Reader& in, AttributeValue& value, int depth);

bool getMap(Reader& in, AttributeValue::Map& map, int depth) {
    uint64_t n = 0;
    if (!in.count(n)) return false;
    for (uint64_t i = 0; i < n; ++i) {
        std::string_view name;
        AttributeValue member;
        if (!in.bytes(name) || !getValue(in, member, depth + 1)) return false;
        // encodeItem writes names in strictly increasing order; anything else is not ours.
        if (!map.empty() && std::string_view(map.rbegin()->first) >= name) return false;
        map.emplace_hint(map.end(), name, std::move(member));
    }
    return true;
}

bool getList(Reader& in, AttributeValue::List& list, int depth) {
    uint64_t n = 0;
    if (!in.count(n)) return false;
    list.reserve(size_t(n));
    for (uint64_t i = 0; i < n; ++i) {
        AttributeValue member;
        if (!getValue(in, member, depth + 1)) return false;
        list.push_back(std::move(member));
    }
    return true;
}

bool getStringSet(Reader& in, std::vector<std::string>& members) {
    uint64_t n = 0;
    if (!in.count(n) || n == 0) return false;
    members.reserve(size_t(n));
    for (uint64_t i = 0; i < n; ++i) {
        std::string_view member;
        if (!in.bytes(member)) return false;
        if (!members.empty() && std::string_view(members.back()) >= member) return false;
        members.emplace_back(member);
    }
    return true;
}

bool getNumberSet(Reader& in, std::vector<Number>& members) {
    uint64_t n = 0;
    if (!in.count(n) || n == 0) return false;
    members.reserve(size_t(n));
    for (uint64_t i = 0; i < n; ++i) {
        Number member;
        if (!getNumber(in, member)) return false;
        if (!members.empty() && members.back().compare(member) >= 0) return false;
        members.push_back(std::move(member));
    }
    return true;
}

bool getValue(Reader& in, AttributeValue& value, int depth) {
    uint8_t tag = 0;
    if (depth > kMaxDecodeDepth || !in.byte(tag) || tag > uint8_t(Type::BS)) return false;
    std::string_view bytes;
    switch (Type(tag)) {
        case Type::S:
        case Type::B:
            if (!in.bytes(bytes)) return false;
            value = Type(tag) == Type::S ? AttributeValue::string(std::string(bytes))
                                         : AttributeValue::binary(std::string(bytes));
            return true;
        case Type::N: {
            Number n;
            if (!getNumber(in, n)) return false;
            value = AttributeValue::number(std::move(n));
            return true;
        }
        case Type::BOOL: {
            uint8_t b = 0;
            if (!in.byte(b) || b > 1) return false;
            value = AttributeValue::boolean(b == 1);
            return true;
        }
        case Type::NULL_:
            value = AttributeValue::null();
            return true;
        case Type::M: {
            AttributeValue::Map map;
            if (!getMap(in, map, depth)) return false;
            value = AttributeValue::map(std::move(map));
            return true;
        }
        case Type::L: {
            AttributeValue::List list;
            if (!getList(in, list, depth)) return false;
            value = AttributeValue::list(std::move(list));
            return true;
        }
        case Type::SS:
        case Type::BS: {
            std::vector<std::string> members;
            if (!getStringSet(in, members)) return false;
            value = Type(tag) == Type::SS ? AttributeValue::stringSet(std::move(members))
                                          : AttributeValue::binarySet(std::move(members));
            return true;
        }
        case Type::NS: {
            std::vector<Number> members;
            if (!getNumberSet(in, members)) return false;
            value = AttributeValue::numberSet(std::move(members));
            return true;
        }
    }
    return false;
}

// ---- Stored bytes straight to DynamoDB JSON text ----------------------------------------------

// Whether any of the 8 bytes in `word` needs an escape in JSON: a control character (below
// 0x20), '"' or '\\'. Exact for the word as a whole (the classic has-zero-byte and
// has-byte-less-than tests), not for telling which byte it is.
bool anyNeedsEscape(uint64_t word) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHighBits = 0x8080808080808080ULL;
    const uint64_t quote = word ^ (kOnes * '"');
    const uint64_t backslash = word ^ (kOnes * '\\');
    const uint64_t found = ((word - kOnes * 0x20) & ~word) | ((quote - kOnes) & ~quote) |
                           ((backslash - kOnes) & ~backslash);
    return (found & kHighBits) != 0;
}

void appendQuoted(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out.push_back('"');
    // Nearly every character is copied as it is: such runs are appended whole, not one by one,
    // and found eight bytes at a time.
    size_t run = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        uint64_t word;
        if (i + sizeof word <= text.size()) {
            std::memcpy(&word, text.data() + i, sizeof word);
            if (!anyNeedsEscape(word)) {
                i += sizeof word - 1;
                continue;
            }
        }
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        if (u >= 0x20) {
            out.push_back('\\');
            out.push_back(c);
            continue;
        }
        // The short escapes where JSON has them, as nlohmann's writer does.
        const char* shortForm = c == '\b'   ? "\\b"
                                : c == '\f' ? "\\f"
                                : c == '\n' ? "\\n"
                                : c == '\r' ? "\\r"
                                : c == '\t' ? "\\t"
                                            : nullptr;
        if (shortForm) {
            out.append(shortForm);
            continue;
        }
        out.append("\\u00");
        out.push_back(kHex[u >> 4]);
        out.push_back(kHex[u & 0xF]);
    }
    out.append(text.data() + run, text.size() - run);
    out.push_back('"');
}

// The stored ".<digits>e<exponent>" (0.digits × 10^exponent) in Number::toString's plain decimal
// spelling, without building a Number.
bool appendNumberText(Reader& in, std::string& out) {
    std::string_view text;
    if (!in.bytes(text) || !isCanonicalNumberText(text)) return false;
    out.push_back('"');
    if (text == "0") {
        out.append("0\"");
        return true;
    }
    if (text.front() == '-') {
        out.push_back('-');
        text.remove_prefix(1);
    }
    const size_t e = text.find('e');
    const std::string_view digits = text.substr(1, e - 1);
    int exponent = 0;
    const std::string_view expText = text.substr(e + 1);
    const bool negative = expText.front() == '-';
    for (const char c : expText.substr(negative ? 1 : 0)) {
        exponent = exponent * 10 + (c - '0');
        if (exponent > 1000) return false;  // far outside DynamoDB's range: not ours
    }
    if (negative) exponent = -exponent;
    const int n = int(digits.size());
    if (exponent <= 0) {
        out.append("0.");
        out.append(size_t(-exponent), '0');
        out.append(digits);
    } else if (exponent < n) {
        out.append(digits.substr(0, size_t(exponent)));
        out.push_back('.');
        out.append(digits.substr(size_t(exponent)));
    } else {
        out.append(digits);
        out.append(size_t(exponent - n), '0');
    }
    out.push_back('"');
    return true;
}

bool appendValueJson(Reader& in, std::string& out, int depth);

bool appendMapJson(Reader& in, std::string& out, int depth) {
    uint64_t n = 0;
    if (!in.count(n)) return false;
    out.push_back('{');
    for (uint64_t i = 0; i < n; ++i) {
        std::string_view name;
        if (!in.bytes(name)) return false;
        if (i) out.push_back(',');
        appendQuoted(out, name);
        out.push_back(':');
        if (!appendValueJson(in, out, depth + 1)) return false;
    }
    out.push_back('}');
    return true;
}

bool appendValueJson(Reader& in, std::string& out, int depth) {
    uint8_t tag = 0;
    if (depth > kMaxDecodeDepth || !in.byte(tag) || tag > uint8_t(Type::BS)) return false;
    const Type type = Type(tag);
    out.append("{\"");
    out.append(typeName(type));
    out.append("\":");
    std::string_view bytes;
    uint64_t n = 0;
    switch (type) {
        case Type::S:
            if (!in.bytes(bytes)) return false;
            appendQuoted(out, bytes);
            break;
        case Type::B:
            if (!in.bytes(bytes)) return false;
            appendQuoted(out, base64Encode(bytes));
            break;
        case Type::N:
            if (!appendNumberText(in, out)) return false;
            break;
        case Type::BOOL: {
            uint8_t b = 0;
            if (!in.byte(b) || b > 1) return false;
            out.append(b ? "true" : "false");
            break;
        }
        case Type::NULL_:
            out.append("true");
            break;
        case Type::M:
            if (!appendMapJson(in, out, depth)) return false;
            break;
        case Type::L:
        case Type::SS:
        case Type::BS:
        case Type::NS:
            if (!in.count(n)) return false;
            out.push_back('[');
            for (uint64_t i = 0; i < n; ++i) {
                if (i) out.push_back(',');
                if (type == Type::L) {
                    if (!appendValueJson(in, out, depth + 1)) return false;
                } else if (type == Type::NS) {
                    if (!appendNumberText(in, out)) return false;
                } else {
                    if (!in.bytes(bytes)) return false;
                    if (type == Type::SS)
                        appendQuoted(out, bytes);
                    else
                        appendQuoted(out, base64Encode(bytes));
                }
            }
            out.push_back(']');
            break;
    }
    out.push_back('}');
    return true;
}

}  // namespace

bool appendItemJson(std::string_view bytes, std::string& out) {
    Reader in(bytes);
    uint8_t version = 0;
    if (!in.byte(version) || version != uint8_t(kFormatVersion)) return false;
    return appendMapJson(in, out, 1) && in.atEnd();
}

std::string encodeItem(const Item& item) {
    std::string out;
    out.push_back(kFormatVersion);
    putMap(out, item);
    return out;
}

bool decodeItem(std::string_view bytes, Item& item) {
    item.clear();
    Reader in(bytes);
    uint8_t version = 0;
    if (!in.byte(version) || version != uint8_t(kFormatVersion)) return false;
    Item decoded;
    if (!getMap(in, decoded, 1) || !in.atEnd()) return false;
    item = std::move(decoded);
    return true;
}

}  // namespace shardscope::model

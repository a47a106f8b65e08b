// SPDX-License-Identifier: MIT
#include "model/keys.h"

#include <cassert>

namespace shardscope::model {

namespace {

// Sign classes of the number encoding; zero sits between the two signs.
constexpr char kNegative = 0x01;
constexpr char kZero = 0x02;
constexpr char kPositive = 0x03;
// exponent() lies in [-129, 126], so exponent + 129 fits one unsigned byte.
constexpr int kExponentBias = 129;
// Ends a negative number's inverted digits: it sorts above every inverted digit, so a longer
// magnitude (a smaller number) sorts first when one digit string is a prefix of the other.
constexpr unsigned char kNegativeEnd = 0xFF;

void encodeNumber(const Number& n, std::string& out) {
    if (n.isZero()) {
        out.push_back(kZero);
        return;
    }
    const auto biased = static_cast<unsigned char>(n.exponent() + kExponentBias);
    out.reserve(n.digits().size() + 3);
    if (!n.isNegative()) {
        out.push_back(kPositive);
        out.push_back(static_cast<char>(biased));
        out.append(n.digits());
        return;
    }
    // Negative: a larger magnitude must sort first, so exponent and digits are inverted.
    out.push_back(kNegative);
    out.push_back(static_cast<char>(0xFF - biased));
    for (char digit : n.digits()) out.push_back(static_cast<char>(0xFE - (digit - '0')));
    out.push_back(static_cast<char>(kNegativeEnd));
}

}  // namespace

bool keyTypeMatches(KeyType keyType, const AttributeValue& value) {
    return value.type() == toType(keyType);
}

Type toType(KeyType keyType) {
    switch (keyType) {
        case KeyType::S:
            return Type::S;
        case KeyType::N:
            return Type::N;
        case KeyType::B:
            return Type::B;
    }
    return Type::S;
}

int compareKeyValues(const AttributeValue& a, const AttributeValue& b) {
    assert(a.type() == b.type());
    if (a.is(Type::N)) return a.asNumber().compare(b.asNumber());
    // std::string compares through char_traits<char>, which orders bytes as unsigned char.
    const int c = a.asString().compare(b.asString());
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

std::string encodeKeyValue(const AttributeValue& value) {
    if (value.is(Type::N)) {
        std::string out;
        encodeNumber(value.asNumber(), out);
        return out;
    }
    // S and B: the raw bytes already sort by memcmp, as long as the key sits alone in its column.
    return value.asString();
}

}  // namespace shardscope::model

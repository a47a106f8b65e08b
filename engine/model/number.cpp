// SPDX-License-Identifier: MIT
#include "model/number.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <limits>

namespace shardscope::model {

namespace {

// Bounds on the exponent of 0.d1…dn × 10^exponent: 1E-130 is 0.1E-129, 9.99…9E+125 is 0.99…9E+126.
constexpr int kMinExponent = -129;
constexpr int kMaxExponent = 126;
// Caps exponent accumulation while parsing; far beyond any valid value, far below int64 overflow.
constexpr int64_t kExponentCap = int64_t(1) << 40;

Error notANumber() {
    return validationError("The parameter cannot be converted to a numeric value");
}
Error overflowError() {
    return validationError(
        "Number overflow. Attempting to store a number with magnitude larger than supported range");
}
Error underflowError() {
    return validationError(
        "Number underflow. Attempting to store a number with magnitude smaller than supported "
        "range");
}
Error tooManyDigitsError() {
    return validationError("Attempting to store more than 38 significant digits in a Number");
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// Compares magnitudes of two canonical non-zero digit strings with their exponents.
int compareMagnitude(const std::string& ad, int ae, const std::string& bd, int be) {
    if (ae != be) return ae < be ? -1 : 1;
    int c = ad.compare(bd);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// Writes |n| as big-endian digits into `out`, aligned so out[0] has weight 10^(top-1).
void placeDigits(const Number& n, int top, std::string& out) {
    const size_t offset = size_t(top - n.exponent());
    for (size_t i = 0; i < n.digits().size(); ++i) out[offset + i] = n.digits()[i];
}

}  // namespace

Result<Number> Number::parse(std::string_view text) {
    size_t i = 0;
    const size_t n = text.size();
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

    Number result;
    result.m_digits.reserve(std::min<size_t>(n, kMaxDigits + 1));
    int64_t intDigits = 0;     // mantissa digits before the point, leading zeros included
    int64_t leadingZeros = 0;  // zeros before the first non-zero digit, across the point
    int64_t pendingZeros = 0;  // zeros after the last non-zero digit, not yet appended
    int64_t significant = 0;   // digits from the first to the last non-zero one
    bool sawDigit = false;
    bool sawPoint = false;
    for (; i < n; ++i) {
        const char c = text[i];
        if (c == '.') {
            if (sawPoint) return notANumber();
            sawPoint = true;
            continue;
        }
        if (!isDigit(c)) break;
        sawDigit = true;
        if (!sawPoint) ++intDigits;
        if (c == '0') {
            if (significant == 0)
                ++leadingZeros;
            else
                ++pendingZeros;
            continue;
        }
        // Past 38 digits only the count matters: the value is rejected anyway.
        significant += pendingZeros + 1;
        if (significant <= kMaxDigits) {
            result.m_digits.append(size_t(pendingZeros), '0');
            result.m_digits.push_back(c);
        }
        pendingZeros = 0;
    }
    if (!sawDigit) return notANumber();

    int64_t exponent = 0;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool expNegative = false;
        if (i < n && (text[i] == '+' || text[i] == '-')) expNegative = text[i++] == '-';
        if (i == n) return notANumber();
        for (; i < n && isDigit(text[i]); ++i)
            exponent = std::min(exponent * 10 + (text[i] - '0'), kExponentCap);
        if (expNegative) exponent = -exponent;
    }
    if (i != n) return notANumber();
    if (significant == 0) return Number();

    const int64_t e = intDigits - leadingZeros + exponent;
    if (e > kMaxExponent) return overflowError();
    if (e < kMinExponent) return underflowError();
    if (significant > kMaxDigits) return tooManyDigitsError();
    result.m_negative = negative;
    result.m_exponent = int32_t(e);
    return result;
}

Result<Number> Number::fromParts(bool negative, std::string digits, int64_t exponent) {
    size_t first = 0;
    while (first < digits.size() && digits[first] == '0') ++first;
    if (first == digits.size()) return Number();
    size_t last = digits.size();
    while (digits[last - 1] == '0') --last;
    exponent -= int64_t(first);
    // DynamoDB reports a computed result with too many digits as an overflow (reference §1.2).
    if (exponent > kMaxExponent || last - first > size_t(kMaxDigits)) return overflowError();
    if (exponent < kMinExponent) return underflowError();
    digits.erase(last);
    digits.erase(0, first);
    Number result;
    result.m_digits = std::move(digits);
    result.m_exponent = int32_t(exponent);
    result.m_negative = negative;
    return result;
}

Number Number::fromInt(int64_t value) {
    Number result;
    if (value == 0) return result;
    result.m_negative = value < 0;
    // Unsigned negation keeps INT64_MIN exact.
    uint64_t magnitude = result.m_negative ? uint64_t(0) - uint64_t(value) : uint64_t(value);
    char buffer[24];
    int len = 0;
    while (magnitude != 0) {
        buffer[len++] = char('0' + magnitude % 10);
        magnitude /= 10;
    }
    result.m_exponent = len;
    int low = 0;
    while (buffer[low] == '0') ++low;
    result.m_digits.assign(std::make_reverse_iterator(buffer + len),
                           std::make_reverse_iterator(buffer + low));
    return result;
}

std::string Number::toString() const {
    if (isZero()) return "0";
    const int n = int(m_digits.size());
    std::string out;
    out.reserve(size_t(std::max(n, std::abs(m_exponent)) + 3));
    if (m_negative) out.push_back('-');
    if (m_exponent <= 0) {
        out.append("0.");
        out.append(size_t(-m_exponent), '0');
        out.append(m_digits);
    } else if (m_exponent < n) {
        out.append(m_digits, 0, size_t(m_exponent));
        out.push_back('.');
        out.append(m_digits, size_t(m_exponent));
    } else {
        out.append(m_digits);
        out.append(size_t(m_exponent - n), '0');
    }
    return out;
}

Result<Number> Number::add(const Number& other) const {
    if (other.isZero()) return *this;
    if (isZero()) return other;
    const int top = std::max(m_exponent, other.m_exponent);
    const int low =
        std::min(m_exponent - significantDigits(), other.m_exponent - other.significantDigits());
    // One spare leading position for a carry; both operands are in range, so this is bounded.
    std::string a(size_t(top - low + 1), '0');
    std::string b(a.size(), '0');
    placeDigits(*this, top + 1, a);
    placeDigits(other, top + 1, b);

    bool negative = m_negative;
    if (m_negative == other.m_negative) {
        int carry = 0;
        for (size_t i = a.size(); i-- > 0;) {
            const int sum = (a[i] - '0') + (b[i] - '0') + carry;
            a[i] = char('0' + sum % 10);
            carry = sum / 10;
        }
    } else {
        const int cmp = compareMagnitude(m_digits, m_exponent, other.m_digits, other.m_exponent);
        if (cmp == 0) return Number();
        if (cmp < 0) {
            a.swap(b);
            negative = other.m_negative;
        }
        int borrow = 0;
        for (size_t i = a.size(); i-- > 0;) {
            int diff = (a[i] - '0') - (b[i] - '0') - borrow;
            borrow = diff < 0 ? 1 : 0;
            a[i] = char('0' + diff + borrow * 10);
        }
    }
    return fromParts(negative, std::move(a), int64_t(top) + 1);
}

Result<Number> Number::subtract(const Number& other) const {
    return add(other.negated());
}

Number Number::negated() const {
    Number result = *this;
    if (!isZero()) result.m_negative = !m_negative;
    return result;
}

int64_t Number::toInt64Clamped() const {
    constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
    constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
    if (isZero() || m_exponent <= 0) return 0;
    if (m_exponent > 19) return m_negative ? kMin : kMax;
    // 19 decimal digits always fit in uint64.
    uint64_t magnitude = 0;
    for (int i = 0; i < m_exponent; ++i) {
        const int digit = i < significantDigits() ? m_digits[size_t(i)] - '0' : 0;
        magnitude = magnitude * 10 + uint64_t(digit);
    }
    if (m_negative) {
        return magnitude >= uint64_t(kMax) + 1 ? kMin : -int64_t(magnitude);
    }
    return magnitude > uint64_t(kMax) ? kMax : int64_t(magnitude);
}

int Number::compare(const Number& other) const {
    const int signA = isZero() ? 0 : (m_negative ? -1 : 1);
    const int signB = other.isZero() ? 0 : (other.m_negative ? -1 : 1);
    if (signA != signB) return signA < signB ? -1 : 1;
    if (signA == 0) return 0;
    const int cmp = compareMagnitude(m_digits, m_exponent, other.m_digits, other.m_exponent);
    return signA > 0 ? cmp : -cmp;
}

}  // namespace shardscope::model

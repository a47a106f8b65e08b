// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/error.h"

namespace shardscope::model {

// An exact decimal as DynamoDB stores it: at most 38 significant digits, magnitude between 1E-130
// and 9.99…9E+125 (reference §1.2). Never a double anywhere on this path.
//
// Representation: value = (negative ? -1 : 1) × 0.d1d2…dn × 10^exponent, with d1 != 0 and dn != 0
// (no leading or trailing zeros in `digits`). Zero has empty digits, exponent 0, negative false.
// That canonical form makes equal values compare equal member by member, so `1e3`, `1000`,
// `1000.0` and `+001000` are one key.
class Number {
public:
    static constexpr int kMaxDigits = 38;

    Number() = default;  // zero

    // Parses DynamoDB's input syntax: optional sign, digits with optional '.', optional exponent.
    // Errors (ValidationException): not a number, overflow, underflow, more than 38 digits — with
    // DynamoDB's own messages.
    static Result<Number> parse(std::string_view text);
    static Number fromInt(int64_t value);

    // Normalised plain decimal, never scientific (`1e3` -> "1000", `.5` -> "0.5", `-0` -> "0").
    std::string toString() const;

    bool isZero() const { return m_digits.empty(); }
    bool isNegative() const { return m_negative; }
    bool isInteger() const { return isZero() || m_exponent >= int(m_digits.size()); }
    int significantDigits() const { return int(m_digits.size()); }
    // Position of the decimal point relative to the digits (see the class comment).
    int exponent() const { return m_exponent; }
    const std::string& digits() const { return m_digits; }

    // Exact arithmetic. A result outside the range or needing more than 38 digits is an error with
    // DynamoDB's message (which says "overflow" even for too many digits, §1.2).
    Result<Number> add(const Number& other) const;
    Result<Number> subtract(const Number& other) const;
    Number negated() const;

    // Whole seconds, truncated toward zero, clamped to int64; for TTL comparisons.
    int64_t toInt64Clamped() const;

    int compare(const Number& other) const;
    bool operator==(const Number& other) const = default;
    bool operator<(const Number& other) const { return compare(other) < 0; }

private:
    static Result<Number> fromParts(bool negative, std::string digits, int64_t exponent);

    std::string m_digits;
    int32_t m_exponent = 0;
    bool m_negative = false;
};

}  // namespace shardscope::model

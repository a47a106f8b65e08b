// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <string>

#include "model/number.h"

using shardscope::ErrorCode;
using shardscope::model::Number;

namespace {

const std::string kNotANumber = "The parameter cannot be converted to a numeric value";
const std::string kOverflow =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
const std::string kUnderflow =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";
const std::string kTooManyDigits =
    "Attempting to store more than 38 significant digits in a Number";

Number num(std::string_view text) {
    auto n = Number::parse(text);
    EXPECT_TRUE(n.ok()) << text;
    return n.ok() ? n.value() : Number();
}

struct Normalisation {
    std::string input;
    std::string expected;
};

// §1.2 Normalisation: stored/returned form is plain decimal without +, leading or trailing zeros.
class NumberNormalisationTest : public testing::TestWithParam<Normalisation> {};

TEST_P(NumberNormalisationTest, ParsesAndPrintsNormalisedPlainDecimal) {
    EXPECT_EQ(num(GetParam().input).toString(), GetParam().expected) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    DynamoDbExamples, NumberNormalisationTest,
    testing::Values(Normalisation{"007", "7"}, Normalisation{"1.10", "1.1"},
                    Normalisation{"1.0e3", "1000"}, Normalisation{"1e-3", "0.001"},
                    Normalisation{".5", "0.5"}, Normalisation{"-.5", "-0.5"},
                    Normalisation{"0e5", "0"}, Normalisation{"+1.5", "1.5"},
                    Normalisation{"-0", "0"}, Normalisation{"0", "0"}, Normalisation{"-0.000", "0"},
                    Normalisation{"0001.23", "1.23"}, Normalisation{"5.", "5"},
                    Normalisation{"1E3", "1000"}, Normalisation{"1e+3", "1000"},
                    Normalisation{"12.5e-1", "1.25"}, Normalisation{"-12.5E1", "-125"},
                    Normalisation{"100", "100"}, Normalisation{"0.0100", "0.01"},
                    Normalisation{"123.456", "123.456"}, Normalisation{"1000.0", "1000"},
                    Normalisation{"+001000", "1000"},
                    Normalisation{"1e-130", "0." + std::string(129, '0') + "1"}));

// §1.2: 1e125 expands to 1 followed by 125 zeros; output is never scientific.
TEST(NumberTest, LargestExponentPrintsPlain) {
    EXPECT_EQ(num("1e125").toString(), "1" + std::string(125, '0'));
    EXPECT_EQ(num("-9.9999999999999999999999999999999999999E+125").toString(),
              "-" + std::string(38, '9') + std::string(88, '0'));
}

struct ParseError {
    const char* input;
    std::string message;
};

// §1.2 Input syntax and range: each rejection is a ValidationException with DynamoDB's text.
class NumberParseErrorTest : public testing::TestWithParam<ParseError> {};

TEST_P(NumberParseErrorTest, RejectsWithDynamoDbMessage) {
    auto n = Number::parse(GetParam().input);
    ASSERT_FALSE(n.ok()) << GetParam().input;
    EXPECT_EQ(n.error().code, ErrorCode::Validation);
    EXPECT_EQ(n.error().message, GetParam().message) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Syntax, NumberParseErrorTest,
    testing::Values(ParseError{"", kNotANumber}, ParseError{"NaN", kNotANumber},
                    ParseError{"Infinity", kNotANumber}, ParseError{"-Infinity", kNotANumber},
                    ParseError{" 1", kNotANumber}, ParseError{"1 ", kNotANumber},
                    ParseError{"dog", kNotANumber}, ParseError{".", kNotANumber},
                    ParseError{"+", kNotANumber}, ParseError{"-", kNotANumber},
                    ParseError{"1e", kNotANumber}, ParseError{"1e+", kNotANumber},
                    ParseError{"e5", kNotANumber}, ParseError{"1.2.3", kNotANumber},
                    ParseError{"1e5.0", kNotANumber}, ParseError{"0x10", kNotANumber},
                    ParseError{"--1", kNotANumber}, ParseError{"1,5", kNotANumber},
                    ParseError{"1e1e1", kNotANumber}, ParseError{"1d", kNotANumber}));

INSTANTIATE_TEST_SUITE_P(
    Range, NumberParseErrorTest,
    testing::Values(ParseError{"1e126", kOverflow}, ParseError{"-1e126", kOverflow},
                    ParseError{"10e125", kOverflow}, ParseError{"1e999999999999999999", kOverflow},
                    ParseError{"1e-131", kUnderflow}, ParseError{"-1e-131", kUnderflow},
                    ParseError{"0.1e-130", kUnderflow},
                    ParseError{"1e-999999999999999999", kUnderflow},
                    ParseError{"1234567890123456789012345678901234567891", kTooManyDigits},
                    ParseError{"1.000000000000000000000000000000000000001", kTooManyDigits}));

// §1.2: leading and trailing zeros are not significant; any zero is valid.
TEST(NumberTest, ZerosDoNotCountAsSignificantDigits) {
    EXPECT_EQ(num("1000000000000000000000000000000000000000000").significantDigits(), 1);
    EXPECT_EQ(num("0.00000000000000000000000000000000000000000001").significantDigits(), 1);
    EXPECT_EQ(num("12345678901234567890123456789012345678").significantDigits(), 38);
    EXPECT_EQ(num("123456789012345678901234567890123456780000").significantDigits(), 38);
    EXPECT_TRUE(num("0e126").isZero());
    EXPECT_TRUE(num("0.0e126").isZero());
    EXPECT_TRUE(num("0e-999").isZero());
    EXPECT_TRUE(num(std::string(1000, '0')).isZero());
}

// §1.2 Range boundaries are inclusive.
TEST(NumberTest, RangeBoundariesAreAccepted) {
    EXPECT_TRUE(Number::parse("1e-130").ok());
    EXPECT_TRUE(Number::parse("-1E-130").ok());
    EXPECT_TRUE(Number::parse("9.9999999999999999999999999999999999999E+125").ok());
    EXPECT_TRUE(Number::parse("0.99999999999999999999999999999999999999E+126").ok());
}

// Canonical representation (header comment): 0.d1…dn × 10^exponent.
TEST(NumberTest, CanonicalRepresentation) {
    const Number n = num("-123.4500");
    EXPECT_EQ(n.digits(), "12345");
    EXPECT_EQ(n.exponent(), 3);
    EXPECT_TRUE(n.isNegative());
    EXPECT_FALSE(n.isInteger());
    EXPECT_EQ(num("0.001").exponent(), -2);
    EXPECT_EQ(num("1000").digits(), "1");
    EXPECT_TRUE(num("1000").isInteger());
    EXPECT_EQ(num("-0"), Number());
}

// §1.2 Keys compare by value: all spellings of one value are equal.
TEST(NumberTest, EqualValuesAreEqualWhateverTheSpelling) {
    const char* spellings[] = {"1000", "1e3", "1000.0", "001000", "+1000", "1.000E+3", "10000e-1"};
    for (const char* s : spellings) {
        EXPECT_EQ(num(s), num("1000")) << s;
        EXPECT_EQ(num(s).compare(num("1000")), 0) << s;
    }
}

TEST(NumberTest, CompareIsNumeric) {
    const char* ascending[] = {"-1e125", "-100",  "-99.5", "-1",  "-0.5", "-1e-130", "0",
                               "1e-130", "0.001", "0.01",  "0.1", "0.12", "0.123",   "1",
                               "9",      "10",    "10.5",  "11",  "1e125"};
    const size_t n = std::size(ascending);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < n; ++j) {
            const int expected = i < j ? -1 : (i > j ? 1 : 0);
            EXPECT_EQ(num(ascending[i]).compare(num(ascending[j])), expected)
                << ascending[i] << " vs " << ascending[j];
        }
    }
}

struct Arithmetic {
    std::string a;
    std::string b;
    std::string sum;
    std::string difference;
};

// §1.2 Arithmetic is exact decimal.
class NumberArithmeticTest : public testing::TestWithParam<Arithmetic> {};

TEST_P(NumberArithmeticTest, AddAndSubtractAreExact) {
    const auto& p = GetParam();
    auto sum = num(p.a).add(num(p.b));
    ASSERT_TRUE(sum.ok()) << sum.error().message;
    EXPECT_EQ(sum->toString(), p.sum) << p.a << " + " << p.b;
    auto difference = num(p.a).subtract(num(p.b));
    ASSERT_TRUE(difference.ok()) << difference.error().message;
    EXPECT_EQ(difference->toString(), p.difference) << p.a << " - " << p.b;
}

INSTANTIATE_TEST_SUITE_P(
    Exact, NumberArithmeticTest,
    testing::Values(
        Arithmetic{"1", "2", "3", "-1"}, Arithmetic{"0.1", "0.2", "0.3", "-0.1"},
        Arithmetic{"999", "1", "1000", "998"}, Arithmetic{"-5", "5", "0", "-10"},
        Arithmetic{"0", "-7.25", "-7.25", "7.25"}, Arithmetic{"-7.25", "0", "-7.25", "-7.25"},
        Arithmetic{"1e20", "1e-10", "100000000000000000000.0000000001",
                   "99999999999999999999.9999999999"},
        Arithmetic{"-1.5", "-2.5", "-4", "1"}, Arithmetic{"10", "0.01", "10.01", "9.99"},
        Arithmetic{"1", "0.999", "1.999", "0.001"},
        Arithmetic{"99999999999999999999999999999999999999", "-1",
                   "99999999999999999999999999999999999998", "1" + std::string(38, '0')},
        Arithmetic{"1e-130", "1e-130", "0." + std::string(129, '0') + "2", "0"}));

// §1.2: a result needing more than 38 digits is rejected with the *overflow* message.
TEST(NumberTest, ArithmeticOverflowAndUnderflow) {
    auto tooManyDigits = num("1e50").add(num("1"));
    ASSERT_FALSE(tooManyDigits.ok());
    EXPECT_EQ(tooManyDigits.error().message, kOverflow);
    auto tooBig = num("9.9999999999999999999999999999999999999E+125").add(num("1e88"));
    ASSERT_FALSE(tooBig.ok());
    EXPECT_EQ(tooBig.error().message, kOverflow);
    auto tooSmall = num("2e-130").subtract(num("1.5e-130"));
    ASSERT_FALSE(tooSmall.ok());
    EXPECT_EQ(tooSmall.error().message, kUnderflow);
}

TEST(NumberTest, NegatedFlipsSignButNotZero) {
    EXPECT_EQ(num("1.5").negated().toString(), "-1.5");
    EXPECT_EQ(num("-1.5").negated().toString(), "1.5");
    EXPECT_EQ(Number().negated(), Number());
}

TEST(NumberTest, FromIntCoversTheWholeRange) {
    const int64_t values[] = {0,
                              1,
                              -1,
                              10,
                              100,
                              -120,
                              1234567890,
                              std::numeric_limits<int64_t>::max(),
                              std::numeric_limits<int64_t>::min()};
    for (int64_t v : values) {
        EXPECT_EQ(Number::fromInt(v).toString(), std::to_string(v));
        EXPECT_EQ(Number::fromInt(v), num(std::to_string(v)));
        EXPECT_EQ(Number::fromInt(v).toInt64Clamped(), v);
    }
}

// TTL (§6) compares whole seconds: truncate toward zero, clamp to int64.
TEST(NumberTest, ToInt64ClampedTruncatesAndClamps) {
    EXPECT_EQ(num("1.9").toInt64Clamped(), 1);
    EXPECT_EQ(num("-1.9").toInt64Clamped(), -1);
    EXPECT_EQ(num("0.5").toInt64Clamped(), 0);
    EXPECT_EQ(num("1700000000.123").toInt64Clamped(), 1700000000);
    EXPECT_EQ(num("1e19").toInt64Clamped(), std::numeric_limits<int64_t>::max());
    EXPECT_EQ(num("9223372036854775808").toInt64Clamped(), std::numeric_limits<int64_t>::max());
    EXPECT_EQ(num("-9223372036854775809").toInt64Clamped(), std::numeric_limits<int64_t>::min());
    EXPECT_EQ(num("-1e100").toInt64Clamped(), std::numeric_limits<int64_t>::min());
    EXPECT_EQ(num("1e-100").toInt64Clamped(), 0);
}

// Random round trip: toString output parses back to the same value, and arithmetic agrees with
// int64 arithmetic where both apply.
TEST(NumberTest, RandomIntegerArithmeticMatchesInt64) {
    std::mt19937_64 rng(42);
    std::uniform_int_distribution<int64_t> dist(-(int64_t(1) << 60), int64_t(1) << 60);
    for (int i = 0; i < 2000; ++i) {
        const int64_t a = dist(rng) >> (rng() % 60);
        const int64_t b = dist(rng) >> (rng() % 60);
        auto sum = Number::fromInt(a).add(Number::fromInt(b));
        ASSERT_TRUE(sum.ok());
        EXPECT_EQ(sum->toString(), std::to_string(a + b));
        auto difference = Number::fromInt(a).subtract(Number::fromInt(b));
        ASSERT_TRUE(difference.ok());
        EXPECT_EQ(difference->toString(), std::to_string(a - b));
        EXPECT_EQ(Number::fromInt(a).compare(Number::fromInt(b)), a < b ? -1 : (a > b ? 1 : 0));
        EXPECT_EQ(num(sum->toString()), *sum);
    }
}

// Formats value × 10^-scale as DynamoDB would print it (reference for the differential test).
std::string scaledToString(int64_t value, int scale) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    if (digits.size() <= size_t(scale)) digits.insert(0, size_t(scale) + 1 - digits.size(), '0');
    std::string text = digits.substr(0, digits.size() - size_t(scale));
    std::string fraction = digits.substr(digits.size() - size_t(scale));
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (!fraction.empty()) text += "." + fraction;
    if (value < 0) text.insert(0, "-");
    return text;
}

// §1.2 exact decimal arithmetic, differentially against scaled int64 arithmetic, with operands
// spelled in varied ways (exponents, leading zeros, trailing zeros).
TEST(NumberTest, RandomDecimalArithmeticMatchesScaledIntegers) {
    constexpr int kScale = 8;
    std::mt19937_64 rng(1234);
    auto spell = [&](int64_t value) {
        // value × 10^-kScale, written as mantissa × 10^-k with k chosen at random.
        const int k = int(rng() % 12);
        int64_t mantissa = value;
        std::string exponent = std::to_string(-kScale);
        std::string text = std::to_string(mantissa < 0 ? -mantissa : mantissa);
        if (rng() % 2) text.insert(0, "00");
        if (k > 0 && rng() % 2) {
            // Move the decimal point k places and make up for it in the exponent.
            if (text.size() <= size_t(k)) text.insert(0, size_t(k) + 1 - text.size(), '0');
            text.insert(text.size() - size_t(k), ".");
            exponent = std::to_string(k - kScale);
        }
        return (mantissa < 0 ? "-" : (rng() % 2 ? "+" : "")) + text + "e" + exponent;
    };
    for (int i = 0; i < 3000; ++i) {
        const int64_t a = int64_t(rng() % 2000000000000) - 1000000000000;
        const int64_t b = int64_t(rng() % 2000000000000 >> (rng() % 40)) - 500000000000;
        const Number na = num(spell(a));
        const Number nb = num(spell(b));
        ASSERT_EQ(na.toString(), scaledToString(a, kScale));
        ASSERT_EQ(nb.toString(), scaledToString(b, kScale));
        EXPECT_EQ(na.add(nb)->toString(), scaledToString(a + b, kScale));
        EXPECT_EQ(na.subtract(nb)->toString(), scaledToString(a - b, kScale));
        EXPECT_EQ(na.compare(nb), a < b ? -1 : (a > b ? 1 : 0));
        EXPECT_EQ(na == nb, a == b);
    }
}

// toString never loses information: it parses back to the same canonical value, across the
// whole exponent range.
TEST(NumberTest, ToStringRoundTripsAcrossTheRange) {
    std::mt19937 rng(99);
    for (int i = 0; i < 3000; ++i) {
        std::string text = rng() % 2 ? "-." : ".";
        const int digits = 1 + int(rng() % 38);
        text.push_back(char('1' + rng() % 9));
        for (int d = 1; d < digits; ++d) text.push_back(char('0' + rng() % 10));
        text += "e" + std::to_string(int(rng() % 256) - 129);
        const Number n = num(text);
        const Number again = num(n.toString());
        EXPECT_EQ(again, n) << text;
        EXPECT_EQ(again.toString(), n.toString());
    }
}

}  // namespace

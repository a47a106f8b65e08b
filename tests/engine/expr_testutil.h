// SPDX-License-Identifier: MIT
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/number.h"
#include "model/value.h"

// Small builders for the expression tests: values, items and placeholders in one line each.
namespace shardscope::expr::testing {

using model::AttributeValue;
using model::Item;

inline model::Number num(const std::string& text) {
    auto n = model::Number::parse(text);
    EXPECT_TRUE(n.ok()) << text;
    return n.ok() ? n.value() : model::Number();
}

inline AttributeValue S(std::string s) {
    return AttributeValue::string(std::move(s));
}
inline AttributeValue N(const std::string& text) {
    return AttributeValue::number(num(text));
}
inline AttributeValue B(std::string bytes) {
    return AttributeValue::binary(std::move(bytes));
}
inline AttributeValue BOOL(bool b) {
    return AttributeValue::boolean(b);
}
inline AttributeValue NUL() {
    return AttributeValue::null();
}
inline AttributeValue L(AttributeValue::List list) {
    return AttributeValue::list(std::move(list));
}
inline AttributeValue M(AttributeValue::Map map) {
    return AttributeValue::map(std::move(map));
}
inline AttributeValue SS(std::vector<std::string> m) {
    return AttributeValue::stringSet(std::move(m));
}
inline AttributeValue BS(std::vector<std::string> m) {
    return AttributeValue::binarySet(std::move(m));
}
inline AttributeValue NS(const std::vector<std::string>& texts) {
    std::vector<model::Number> members;
    for (const auto& t : texts) members.push_back(num(t));
    return AttributeValue::numberSet(std::move(members));
}

inline Path path(std::initializer_list<PathElement> elements) {
    return Path(elements);
}
inline PathElement name(std::string n) {
    return PathElement{std::move(n), -1};
}
inline PathElement index(int i) {
    return PathElement{{}, i};
}

using Names = std::map<std::string, std::string>;
using Values = std::map<std::string, AttributeValue>;

// The message of a failed Result, or "" when it succeeded (so tables can expect "" for success).
template <class T>
std::string messageOf(const Result<T>& result) {
    return result.ok() ? std::string() : result.error().message;
}

}  // namespace shardscope::expr::testing

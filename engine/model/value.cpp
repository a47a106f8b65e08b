// SPDX-License-Identifier: MIT
#include "model/value.h"

#include <algorithm>
#include <array>
#include <cassert>

namespace shardscope::model {

namespace {

constexpr std::array<std::string_view, 10> kTypeNames = {"S", "N", "B",  "BOOL", "NULL",
                                                         "M", "L", "SS", "NS",   "BS"};

template <class T, class Less>
void canonicalise(std::vector<T>& members, Less less) {
    std::sort(members.begin(), members.end(), less);
    // Sorted, so equal members are adjacent; for NS "equal" means numerically equal.
    auto same = [&](const T& a, const T& b) { return !less(a, b) && !less(b, a); };
    members.erase(std::unique(members.begin(), members.end(), same), members.end());
}

// DynamoDB's size of a number (reference §1.4, dynalite's rule): the digits are stored in base
// 100 aligned on the exponent, so an even digit count straddling a pair boundary costs one more.
size_t numberSize(const Number& n) {
    if (n.isZero()) return 1;
    const int d = n.significantDigits();
    // The rule is stated for the scientific exponent (1.d × 10^s), which is exponent() - 1.
    const int scientific = n.exponent() - 1;
    size_t size = 1 + size_t((d + 1) / 2);
    if (d % 2 == 0 && scientific % 2 == 0) ++size;
    if (n.isNegative()) ++size;
    return size;
}

}  // namespace

std::string_view typeName(Type type) {
    return kTypeNames[size_t(type)];
}

bool typeFromName(std::string_view name, Type& type) {
    for (size_t i = 0; i < kTypeNames.size(); ++i) {
        if (kTypeNames[i] == name) {
            type = Type(i);
            return true;
        }
    }
    return false;
}

AttributeValue AttributeValue::stringSet(std::vector<std::string> members) {
    canonicalise(members, std::less<std::string>());
    return {Type::SS, std::move(members)};
}

AttributeValue AttributeValue::binarySet(std::vector<std::string> members) {
    canonicalise(members, std::less<std::string>());
    return {Type::BS, std::move(members)};
}

AttributeValue AttributeValue::numberSet(std::vector<Number> members) {
    canonicalise(members, [](const Number& a, const Number& b) { return a.compare(b) < 0; });
    return {Type::NS, std::move(members)};
}

// std::get on a mismatched accessor asserts in debug builds and throws in release ones; either
// way the programming error surfaces instead of reading the wrong alternative.
const std::string& AttributeValue::asString() const {
    assert(m_type == Type::S || m_type == Type::B);
    return std::get<std::string>(m_storage);
}
const Number& AttributeValue::asNumber() const {
    assert(m_type == Type::N);
    return std::get<Number>(m_storage);
}
bool AttributeValue::asBool() const {
    assert(m_type == Type::BOOL);
    return std::get<bool>(m_storage);
}
const AttributeValue::Map& AttributeValue::asMap() const {
    assert(m_type == Type::M);
    return std::get<Map>(m_storage);
}
AttributeValue::Map& AttributeValue::asMap() {
    assert(m_type == Type::M);
    return std::get<Map>(m_storage);
}
const AttributeValue::List& AttributeValue::asList() const {
    assert(m_type == Type::L);
    return std::get<List>(m_storage);
}
AttributeValue::List& AttributeValue::asList() {
    assert(m_type == Type::L);
    return std::get<List>(m_storage);
}
const std::vector<std::string>& AttributeValue::asStringSet() const {
    assert(m_type == Type::SS || m_type == Type::BS);
    return std::get<std::vector<std::string>>(m_storage);
}
const std::vector<Number>& AttributeValue::asNumberSet() const {
    assert(m_type == Type::NS);
    return std::get<std::vector<Number>>(m_storage);
}

size_t AttributeValue::memberCount() const {
    switch (m_type) {
        case Type::M:
            return asMap().size();
        case Type::L:
            return asList().size();
        case Type::SS:
        case Type::BS:
            return asStringSet().size();
        case Type::NS:
            return asNumberSet().size();
        default:
            return 0;
    }
}

bool AttributeValue::operator==(const AttributeValue& other) const {
    return m_type == other.m_type && m_storage == other.m_storage;
}

size_t attributeValueSize(const AttributeValue& value) {
    switch (value.type()) {
        case Type::S:
        case Type::B:
            return value.asString().size();
        case Type::N:
            return numberSize(value.asNumber());
        case Type::BOOL:
        case Type::NULL_:
            return 1;
        case Type::M: {
            size_t size = 3;
            for (const auto& [name, member] : value.asMap())
                size += 1 + name.size() + attributeValueSize(member);
            return size;
        }
        case Type::L: {
            size_t size = 3;
            for (const auto& member : value.asList()) size += 1 + attributeValueSize(member);
            return size;
        }
        case Type::SS:
        case Type::BS: {
            size_t size = 0;
            for (const auto& member : value.asStringSet()) size += member.size();
            return size;
        }
        case Type::NS: {
            size_t size = 0;
            for (const auto& member : value.asNumberSet()) size += numberSize(member);
            return size;
        }
    }
    return 0;
}

size_t itemSize(const Item& item) {
    size_t size = 0;
    for (const auto& [name, value] : item) size += name.size() + attributeValueSize(value);
    return size;
}

}  // namespace shardscope::model

// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/number.h"

namespace shardscope::model {

// The ten DynamoDB attribute types (reference §1.1).
enum class Type : uint8_t { S, N, B, BOOL, NULL_, M, L, SS, NS, BS };

// "S", "N", …, "NULL", "SS": the wire spelling.
std::string_view typeName(Type type);
// The reverse; false when `name` is not one of the ten.
bool typeFromName(std::string_view name, Type& type);

// One attribute value. A plain value type: copies are deep, equality is DynamoDB's deep equality
// (maps by key, sets as sets, numbers by value).
//
// Sets are kept canonical: sorted (SS/BS bytewise, NS numerically) and without duplicates, so set
// equality is plain vector equality. The constructors for sets do not check for emptiness or
// duplicates; decoding (model/json.h) does that on input.
class AttributeValue {
public:
    using Map = std::map<std::string, AttributeValue, std::less<>>;
    using List = std::vector<AttributeValue>;

    AttributeValue() : AttributeValue(Type::NULL_, std::monostate{}) {}

    static AttributeValue string(std::string s) { return {Type::S, std::move(s)}; }
    static AttributeValue binary(std::string bytes) { return {Type::B, std::move(bytes)}; }
    static AttributeValue number(Number n) { return {Type::N, std::move(n)}; }
    static AttributeValue boolean(bool b) { return {Type::BOOL, b}; }
    static AttributeValue null() { return {}; }
    static AttributeValue map(Map m) { return {Type::M, std::move(m)}; }
    static AttributeValue list(List l) { return {Type::L, std::move(l)}; }
    // Sorts and removes duplicates.
    static AttributeValue stringSet(std::vector<std::string> members);
    static AttributeValue binarySet(std::vector<std::string> members);
    static AttributeValue numberSet(std::vector<Number> members);

    Type type() const { return m_type; }
    bool isSet() const { return m_type == Type::SS || m_type == Type::NS || m_type == Type::BS; }
    bool is(Type t) const { return m_type == t; }

    // Accessors; calling one that does not fit the type is a programming error (asserts).
    const std::string& asString() const;  // S and B (raw bytes for B)
    const Number& asNumber() const;
    bool asBool() const;
    const Map& asMap() const;
    Map& asMap();
    const List& asList() const;
    List& asList();
    const std::vector<std::string>& asStringSet() const;  // SS and BS
    const std::vector<Number>& asNumberSet() const;

    // Number of members for sets, L and M; 0 otherwise.
    size_t memberCount() const;

    bool operator==(const AttributeValue& other) const;
    bool operator!=(const AttributeValue& other) const { return !(*this == other); }

private:
    using Storage = std::variant<std::monostate, bool, std::string, Number, Map, List,
                                 std::vector<std::string>, std::vector<Number>>;
    AttributeValue(Type type, Storage storage) : m_type(type), m_storage(std::move(storage)) {}
    template <class T>
    AttributeValue(Type type, T&& v) : m_type(type), m_storage(std::forward<T>(v)) {}

    Type m_type;
    Storage m_storage;
};

using Item = AttributeValue::Map;

// Item size in bytes as DynamoDB counts it for the 400 KB limit and stream SizeBytes (§1.4).
size_t attributeValueSize(const AttributeValue& value);
size_t itemSize(const Item& item);

constexpr size_t kMaxItemSize = 409600;
constexpr int kMaxNestingDepth = 32;

}  // namespace shardscope::model

// SPDX-License-Identifier: MIT
#include "expr/expression.h"

namespace shardscope::expr {

namespace {

template <class Map>
std::string unusedKeys(const Map& supplied, const std::set<std::string, std::less<>>& used) {
    std::string keys;
    for (const auto& [key, value] : supplied) {
        if (used.count(key)) continue;
        if (!keys.empty()) keys += ", ";
        keys += key;
    }
    return keys;
}

}  // namespace

Placeholders::Placeholders(std::map<std::string, std::string> names,
                           std::map<std::string, AttributeValue> values)
    : m_names(names.begin(), names.end()), m_values(values.begin(), values.end()) {}

const std::string* Placeholders::name(std::string_view ref) {
    const auto it = m_names.find(ref);
    if (it == m_names.end()) return nullptr;
    m_usedNames.insert(it->first);
    return &it->second;
}

const AttributeValue* Placeholders::value(std::string_view ref) {
    const auto it = m_values.find(ref);
    if (it == m_values.end()) return nullptr;
    m_usedValues.insert(it->first);
    return &it->second;
}

Result<void> Placeholders::checkAllUsed() const {
    if (const std::string keys = unusedKeys(m_names, m_usedNames); !keys.empty()) {
        return validationError(
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {" + keys +
            "}");
    }
    if (const std::string keys = unusedKeys(m_values, m_usedValues); !keys.empty()) {
        return validationError(
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {" + keys +
            "}");
    }
    return {};
}

}  // namespace shardscope::expr

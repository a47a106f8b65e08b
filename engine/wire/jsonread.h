// SPDX-License-Identifier: MIT
#pragma once

// Private to the wire module: typed access to request members, with DynamoDB's errors — a member
// of the wrong JSON type is a SerializationException, a missing required one a
// ValidationException naming it in lowerCamelCase.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/value.h"

namespace shardscope::wire {

using nlohmann::json;

// Collects the first error met while reading a request, so decoders read straight through and
// check once at the end.
class JsonReader {
public:
    explicit JsonReader(const json& object, std::string path = "")
        : m_object(object), m_path(path) {}

    bool failed() const { return m_error.has_value(); }
    Error takeError() { return std::move(*m_error); }
    void fail(Error error) {
        if (!m_error) m_error = std::move(error);
    }

    bool has(const char* name) const { return m_object.is_object() && m_object.contains(name); }
    const json* member(const char* name) const;

    std::optional<std::string> string(const char* name);
    std::string requiredString(const char* name);
    std::optional<bool> boolean(const char* name);
    std::optional<int64_t> integer(const char* name);
    std::optional<std::vector<std::string>> stringList(const char* name);
    std::optional<std::map<std::string, std::string>> stringMap(const char* name);
    std::optional<model::Item> item(const char* name);
    model::Item requiredItem(const char* name);
    std::optional<std::map<std::string, model::AttributeValue>> valueMap(const char* name);
    // An object member (nullptr when absent; an error when not an object).
    const json* object(const char* name);
    const json* array(const char* name);

    // The member name as DynamoDB spells it in validation messages ("TableName" -> "tableName").
    std::string fieldPath(const char* name) const;

private:
    void typeError(const char* name, const char* expected);

    const json& m_object;
    std::string m_path;
    std::optional<Error> m_error;
};

Error missingMember(const std::string& field);

}  // namespace shardscope::wire

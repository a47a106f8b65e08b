// SPDX-License-Identifier: MIT
#include "wire/jsonread.h"

#include "model/json.h"

namespace shardscope::wire {

Error missingMember(const std::string& field) {
    return validationError("1 validation error detected: Value null at '" + field +
                           "' failed to satisfy constraint: Member must not be null");
}

std::string JsonReader::fieldPath(const char* name) const {
    std::string field(name);
    if (!field.empty()) field[0] = char(std::tolower(static_cast<unsigned char>(field[0])));
    return m_path.empty() ? field : m_path + "." + field;
}

void JsonReader::typeError(const char* name, const char* expected) {
    fail(serializationError("Unexpected value type for '" + fieldPath(name) + "': expected " +
                            expected));
}

const json* JsonReader::member(const char* name) const {
    if (!m_object.is_object()) return nullptr;
    const auto it = m_object.find(name);
    if (it == m_object.end() || it->is_null()) return nullptr;
    return &*it;
}

std::optional<std::string> JsonReader::string(const char* name) {
    const json* v = member(name);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        typeError(name, "a string");
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::string JsonReader::requiredString(const char* name) {
    auto value = string(name);
    if (!value && !failed()) fail(missingMember(fieldPath(name)));
    return value.value_or("");
}

std::optional<bool> JsonReader::boolean(const char* name) {
    const json* v = member(name);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        typeError(name, "a boolean");
        return std::nullopt;
    }
    return v->get<bool>();
}

std::optional<int64_t> JsonReader::integer(const char* name) {
    const json* v = member(name);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
        typeError(name, "an integer");
        return std::nullopt;
    }
    return v->get<int64_t>();
}

std::optional<std::vector<std::string>> JsonReader::stringList(const char* name) {
    const json* v = array(name);
    if (!v) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& e : *v) {
        if (!e.is_string()) {
            typeError(name, "a list of strings");
            return std::nullopt;
        }
        out.push_back(e.get<std::string>());
    }
    return out;
}

std::optional<std::map<std::string, std::string>> JsonReader::stringMap(const char* name) {
    const json* v = object(name);
    if (!v) return std::nullopt;
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : v->items()) {
        if (!value.is_string()) {
            typeError(name, "a map of strings");
            return std::nullopt;
        }
        out.emplace(key, value.get<std::string>());
    }
    return out;
}

std::optional<model::Item> JsonReader::item(const char* name) {
    const json* v = object(name);
    if (!v) return std::nullopt;
    auto decoded = model::itemFromJson(*v);
    if (!decoded) {
        fail(decoded.takeError());
        return std::nullopt;
    }
    return std::move(*decoded);
}

model::Item JsonReader::requiredItem(const char* name) {
    auto value = item(name);
    if (!value && !failed()) fail(missingMember(fieldPath(name)));
    return value.value_or(model::Item{});
}

std::optional<std::map<std::string, model::AttributeValue>> JsonReader::valueMap(const char* name) {
    const json* v = object(name);
    if (!v) return std::nullopt;
    std::map<std::string, model::AttributeValue> out;
    for (const auto& [key, value] : v->items()) {
        auto decoded = model::valueFromJson(value);
        if (!decoded) {
            fail(decoded.takeError());
            return std::nullopt;
        }
        out.emplace(key, std::move(*decoded));
    }
    return out;
}

const json* JsonReader::object(const char* name) {
    const json* v = member(name);
    if (v && !v->is_object()) {
        typeError(name, "an object");
        return nullptr;
    }
    return v;
}

const json* JsonReader::array(const char* name) {
    const json* v = member(name);
    if (v && !v->is_array()) {
        typeError(name, "a list");
        return nullptr;
    }
    return v;
}

}  // namespace shardscope::wire

// SPDX-License-Identifier: MIT
#include "model/json.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

namespace shardscope::model {

namespace {

using nlohmann::json;

constexpr std::string_view kInvalid = "One or more parameter values were invalid: ";

Error invalid(std::string_view what) {
    std::string message(kInvalid);
    message.append(what);
    return validationError(std::move(message));
}

// DynamoDB's front end is a Jackson-based deserializer; its messages name the JSON token it met.
std::string tokenName(const json& value) {
    switch (value.type()) {
        case json::value_t::string:
            return "STRING_VALUE";
        case json::value_t::boolean:
            return value.get<bool>() ? "TRUE_VALUE" : "FALSE_VALUE";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
            return "NUMBER_VALUE";
        case json::value_t::number_float:
            return "FLOAT_VALUE";
        default:
            return "VALUE";
    }
}

Error mismatch(const json& value, std::string_view expected) {
    if (value.is_object())
        return serializationError("Start of structure or map found where not expected.");
    if (value.is_array()) return serializationError("Start of list found where not expected.");
    return serializationError(tokenName(value) + " can not be converted to " +
                              std::string(expected));
}

// Checks the JSON shape one level deep, before any validation: a request that does not
// deserialize is a SerializationException whatever else is wrong with it.
Result<void> checkShape(Type type, const json& value) {
    auto each = [&](auto check, std::string_view expected) -> Result<void> {
        if (!value.is_array()) return mismatch(value, "a List");
        for (const auto& member : value)
            if (!(member.*check)()) return mismatch(member, expected);
        return {};
    };
    switch (type) {
        case Type::S:
        case Type::N:
            return value.is_string() ? Result<void>() : mismatch(value, "a String");
        case Type::B:
            return value.is_string() ? Result<void>() : mismatch(value, "a Blob");
        case Type::BOOL:
        case Type::NULL_:
            return value.is_boolean() ? Result<void>() : mismatch(value, "a Boolean");
        case Type::M:
            return value.is_object() ? Result<void>() : mismatch(value, "a Map");
        case Type::L:
            return each(&json::is_object, "an AttributeValue");
        case Type::SS:
        case Type::NS:
            return each(&json::is_string, "a String");
        case Type::BS:
            return each(&json::is_string, "a Blob");
    }
    return {};
}

Error nestingError() {
    return validationError(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
        "beyond supported limit");
}

Error duplicatesError(const json& members, std::string_view suffix) {
    std::string text = "Input collection [";
    bool first = true;
    for (const auto& member : members) {
        if (!first) text.append(", ");
        first = false;
        text.append(member.get_ref<const std::string&>());
    }
    text.append("]");
    text.append(suffix);
    text.append(" contains duplicates.");
    return invalid(text);
}

template <class T, class Less>
bool hasDuplicates(std::vector<T>& sorted, Less less) {
    std::sort(sorted.begin(), sorted.end(), less);
    return std::adjacent_find(sorted.begin(), sorted.end(),
                              [&](const T& a, const T& b) { return !less(a, b); }) != sorted.end();
}

Result<AttributeValue> decodeStringSet(const json& value, Type type) {
    const bool binary = type == Type::BS;
    if (value.empty())
        return invalid(binary ? "Binary sets should not be empty"
                              : "An string set  may not be empty");
    std::vector<std::string> members;
    members.reserve(value.size());
    for (const auto& member : value) {
        const auto& text = member.get_ref<const std::string&>();
        if (!binary) {
            members.push_back(text);
            continue;
        }
        std::string bytes;
        if (!base64Decode(text, bytes))
            return serializationError("Base64 encoded binary value is not valid");
        members.push_back(std::move(bytes));
    }
    if (hasDuplicates(members, std::less<std::string>()))
        return duplicatesError(value, binary ? "of type BS" : "");
    return binary ? AttributeValue::binarySet(std::move(members))
                  : AttributeValue::stringSet(std::move(members));
}

Result<AttributeValue> decodeNumberSet(const json& value) {
    if (value.empty()) return invalid("An number set  may not be empty");
    std::vector<Number> members;
    members.reserve(value.size());
    for (const auto& member : value) {
        auto number = Number::parse(member.get_ref<const std::string&>());
        if (!number) return number.takeError();
        members.push_back(std::move(number).value());
    }
    auto less = [](const Number& a, const Number& b) { return a.compare(b) < 0; };
    if (hasDuplicates(members, less)) return duplicatesError(value, "");
    return AttributeValue::numberSet(std::move(members));
}

Result<AttributeValue> decodeMap(const json& value, int depth) {
    if (depth > kMaxNestingDepth) return nestingError();
    AttributeValue::Map map;
    for (const auto& [name, member] : value.items()) {
        auto decoded = valueFromJson(member, depth + 1);
        if (!decoded) return decoded.takeError();
        map.emplace_hint(map.end(), name, std::move(decoded).value());
    }
    return AttributeValue::map(std::move(map));
}

Result<AttributeValue> decodeList(const json& value, int depth) {
    if (depth > kMaxNestingDepth) return nestingError();
    AttributeValue::List list;
    list.reserve(value.size());
    for (const auto& member : value) {
        auto decoded = valueFromJson(member, depth + 1);
        if (!decoded) return decoded.takeError();
        list.push_back(std::move(decoded).value());
    }
    return AttributeValue::list(std::move(list));
}

Result<AttributeValue> decode(Type type, const json& value, int depth) {
    switch (type) {
        case Type::S:
            return AttributeValue::string(value.get<std::string>());
        case Type::N: {
            auto number = Number::parse(value.get_ref<const std::string&>());
            if (!number) return number.takeError();
            return AttributeValue::number(std::move(number).value());
        }
        case Type::B: {
            std::string bytes;
            if (!base64Decode(value.get_ref<const std::string&>(), bytes))
                return serializationError("Base64 encoded binary value is not valid");
            return AttributeValue::binary(std::move(bytes));
        }
        case Type::BOOL:
            return AttributeValue::boolean(value.get<bool>());
        case Type::NULL_:
            if (!value.get<bool>())
                return invalid("Null attribute value types must have the value of true");
            return AttributeValue::null();
        case Type::M:
            return decodeMap(value, depth);
        case Type::L:
            return decodeList(value, depth);
        case Type::SS:
        case Type::BS:
            return decodeStringSet(value, type);
        case Type::NS:
            return decodeNumberSet(value);
    }
    return AttributeValue::null();
}

}  // namespace

Result<AttributeValue> valueFromJson(const json& value, int depth) {
    if (!value.is_object()) return mismatch(value, "an AttributeValue");
    const json* chosen = nullptr;
    Type chosenType = Type::NULL_;
    int count = 0;
    for (auto it = value.begin(); it != value.end(); ++it) {
        Type type = Type::NULL_;
        if (!typeFromName(it.key(), type))
            return serializationError("Unexpected field type: " + it.key());
        // The deserializer treats an explicit null member as absent.
        if (it->is_null()) continue;
        if (auto shape = checkShape(type, *it); !shape) return shape.takeError();
        chosen = &*it;
        chosenType = type;
        ++count;
    }
    if (count == 0)
        return validationError(
            "Supplied AttributeValue is empty, must contain exactly one of the supported "
            "datatypes");
    if (count > 1)
        return validationError(
            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of "
            "the supported datatypes");
    return decode(chosenType, *chosen, depth);
}

Result<Item> itemFromJson(const json& value) {
    if (!value.is_object()) return mismatch(value, "a Map");
    Item item;
    for (const auto& [name, member] : value.items()) {
        if (name.empty()) return invalid("An attribute name cannot be empty");
        auto decoded = valueFromJson(member, 2);
        if (!decoded) return decoded.takeError();
        item.emplace_hint(item.end(), name, std::move(decoded).value());
    }
    return item;
}

json toJson(const AttributeValue& value) {
    const char* key = typeName(value.type()).data();
    switch (value.type()) {
        case Type::S:
            return json::object({{key, value.asString()}});
        case Type::N:
            return json::object({{key, value.asNumber().toString()}});
        case Type::B:
            return json::object({{key, base64Encode(value.asString())}});
        case Type::BOOL:
            return json::object({{key, value.asBool()}});
        case Type::NULL_:
            return json::object({{key, true}});
        case Type::M:
            return json::object({{key, toJson(value.asMap())}});
        case Type::L: {
            json list = json::array();
            for (const auto& member : value.asList()) list.push_back(toJson(member));
            return json::object({{key, std::move(list)}});
        }
        case Type::SS:
        case Type::BS: {
            const bool binary = value.is(Type::BS);
            json set = json::array();
            for (const auto& member : value.asStringSet())
                set.push_back(binary ? base64Encode(member) : member);
            return json::object({{key, std::move(set)}});
        }
        case Type::NS: {
            json set = json::array();
            for (const auto& member : value.asNumberSet()) set.push_back(member.toString());
            return json::object({{key, std::move(set)}});
        }
    }
    return json::object();
}

json toJson(const Item& item) {
    json object = json::object();
    for (const auto& [name, value] : item) object.emplace(name, toJson(value));
    return object;
}

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int8_t, 256> makeDecodeTable() {
    std::array<int8_t, 256> table{};
    for (auto& entry : table) entry = -1;
    for (int i = 0; i < 64; ++i) table[uint8_t(kAlphabet[i])] = int8_t(i);
    return table;
}
constexpr auto kDecodeTable = makeDecodeTable();

}  // namespace

std::string base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t triple = uint32_t(uint8_t(bytes[i])) << 16 |
                                uint32_t(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
        out.push_back(kAlphabet[triple >> 18]);
        out.push_back(kAlphabet[(triple >> 12) & 63]);
        out.push_back(kAlphabet[(triple >> 6) & 63]);
        out.push_back(kAlphabet[triple & 63]);
    }
    const size_t rest = bytes.size() - i;
    if (rest == 0) return out;
    uint32_t triple = uint32_t(uint8_t(bytes[i])) << 16;
    if (rest == 2) triple |= uint32_t(uint8_t(bytes[i + 1])) << 8;
    out.push_back(kAlphabet[triple >> 18]);
    out.push_back(kAlphabet[(triple >> 12) & 63]);
    out.push_back(rest == 2 ? kAlphabet[(triple >> 6) & 63] : '=');
    out.push_back('=');
    return out;
}

bool base64Decode(std::string_view text, std::string& bytes) {
    bytes.clear();
    if (text.size() % 4 != 0) return false;
    bytes.reserve(text.size() / 4 * 3);
    for (size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        int padding = 0;
        if (last && text[i + 3] == '=') padding = text[i + 2] == '=' ? 2 : 1;
        uint32_t quad = 0;
        for (size_t j = 0; j < 4 - size_t(padding); ++j) {
            const int8_t sextet = kDecodeTable[uint8_t(text[i + j])];
            if (sextet < 0) return false;
            quad = quad << 6 | uint32_t(sextet);
        }
        quad <<= 6 * padding;
        // Bits below the last full byte must be zero, or two texts would decode to one value.
        if ((padding == 1 && (quad & 0xFF) != 0) || (padding == 2 && (quad & 0xFFFF) != 0))
            return false;
        bytes.push_back(char(quad >> 16));
        if (padding < 2) bytes.push_back(char((quad >> 8) & 0xFF));
        if (padding < 1) bytes.push_back(char(quad & 0xFF));
    }
    return true;
}

}  // namespace shardscope::model

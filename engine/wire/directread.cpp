// SPDX-License-Identifier: MIT
#include "wire/directread.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>
#include <variant>
#include <vector>

#include "model/json.h"

namespace shardscope::wire {
namespace {

using model::AttributeValue;
using model::Item;
using model::Number;
using model::Type;

// Nesting levels as model::valueFromJson counts them: an item's attributes are at level 2, and a
// map or list deeper than kMaxNestingDepth is refused.
constexpr int kAttributeLevel = 2;

template <class T, class Less>
bool sortedWithoutDuplicates(std::vector<T>& members, Less less) {
    std::sort(members.begin(), members.end(), less);
    return std::adjacent_find(members.begin(), members.end(),
                              [&](const T& a, const T& b) { return !less(a, b); }) == members.end();
}

// Builds one item from the parser's events between its braces. Every event returns false to
// decline: for anything model::itemFromJson would refuse, and for JSON it reads differently (a
// null member counts as absent there, a repeated name keeps its last value).
class ItemReader {
public:
    void begin() {
        m_nodes.clear();
        m_nodes.emplace_back(MapNode{{}, {}, false, kAttributeLevel, true});
        m_done = false;
    }
    bool done() const { return m_done; }
    Item take() { return std::move(m_item); }

    bool startObject() {
        auto& top = m_nodes.back();
        if (auto* map = std::get_if<MapNode>(&top)) {
            if (!map->hasName) return false;
            m_nodes.emplace_back(ValueNode(map->memberLevel));
            return true;
        }
        if (auto* list = std::get_if<ListNode>(&top)) {
            m_nodes.emplace_back(ValueNode(list->memberLevel));
            return true;
        }
        auto* value = expecting(Type::M);
        if (!value || value->level > model::kMaxNestingDepth) return false;
        m_nodes.emplace_back(MapNode{{}, {}, false, value->level + 1, false});
        return true;
    }

    bool key(std::string& name) {
        auto& top = m_nodes.back();
        if (auto* map = std::get_if<MapNode>(&top)) {
            if (map->hasName || (map->isItem && name.empty())) return false;
            map->name = std::move(name);
            map->hasName = true;
            return true;
        }
        auto* value = std::get_if<ValueNode>(&top);
        if (!value || value->typed || !model::typeFromName(name, value->type)) return false;
        value->typed = true;
        return true;
    }

    bool string(std::string& text) {
        if (auto* set = std::get_if<SetNode>(&m_nodes.back())) return set->add(text);
        auto* value = std::get_if<ValueNode>(&m_nodes.back());
        if (!value || !value->typed || value->value) return false;
        switch (value->type) {
            case Type::S:
                value->value = AttributeValue::string(std::move(text));
                return true;
            case Type::N: {
                auto number = Number::parse(text);
                if (!number) return false;
                value->value = AttributeValue::number(std::move(number).value());
                return true;
            }
            case Type::B: {
                std::string bytes;
                if (!model::base64Decode(text, bytes)) return false;
                value->value = AttributeValue::binary(std::move(bytes));
                return true;
            }
            default:
                return false;
        }
    }

    bool boolean(bool flag) {
        if (auto* value = expecting(Type::BOOL)) {
            value->value = AttributeValue::boolean(flag);
            return true;
        }
        auto* value = expecting(Type::NULL_);
        if (!value || !flag) return false;
        value->value = AttributeValue::null();
        return true;
    }

    bool startArray() {
        auto* value = std::get_if<ValueNode>(&m_nodes.back());
        if (!value || !value->typed || value->value) return false;
        if (value->type == Type::L) {
            if (value->level > model::kMaxNestingDepth) return false;
            m_nodes.emplace_back(ListNode{{}, value->level + 1});
            return true;
        }
        if (value->type != Type::SS && value->type != Type::NS && value->type != Type::BS)
            return false;
        m_nodes.emplace_back(SetNode{value->type, {}, {}});
        return true;
    }

    bool endArray() {
        auto& top = m_nodes.back();
        if (auto* list = std::get_if<ListNode>(&top)) {
            auto done = AttributeValue::list(std::move(list->values));
            m_nodes.pop_back();
            return fill(std::move(done));
        }
        auto* set = std::get_if<SetNode>(&top);
        if (!set) return false;
        auto done = set->finish();
        m_nodes.pop_back();
        return done && fill(std::move(*done));
    }

    bool endObject() {
        auto& top = m_nodes.back();
        if (auto* value = std::get_if<ValueNode>(&top)) {
            if (!value->value) return false;
            auto done = std::move(*value->value);
            m_nodes.pop_back();
            return place(std::move(done));
        }
        auto* map = std::get_if<MapNode>(&top);
        if (!map || map->hasName) return false;
        if (map->isItem) {
            m_item = std::move(map->members);
            m_nodes.clear();
            m_done = true;
            return true;
        }
        auto done = AttributeValue::map(std::move(map->members));
        m_nodes.pop_back();
        return fill(std::move(done));
    }

private:
    // `{"S": "x"}`: one attribute value, at nesting `level`.
    struct ValueNode {
        explicit ValueNode(int at) : level(at) {}
        int level;
        bool typed = false;
        Type type = Type::NULL_;
        std::optional<AttributeValue> value;
    };
    // An item, or the body of an M value.
    struct MapNode {
        AttributeValue::Map members;
        std::string name;  // of the member being read
        bool hasName = false;
        int memberLevel = kAttributeLevel;
        bool isItem = false;
    };
    struct ListNode {
        AttributeValue::List values;
        int memberLevel = kAttributeLevel;
    };
    struct SetNode {
        Type type;
        std::vector<std::string> strings;  // SS, and BS decoded
        std::vector<Number> numbers;       // NS

        bool add(std::string& text) {
            if (type == Type::SS) {
                strings.push_back(std::move(text));
            } else if (type == Type::BS) {
                std::string bytes;
                if (!model::base64Decode(text, bytes)) return false;
                strings.push_back(std::move(bytes));
            } else {
                auto number = Number::parse(text);
                if (!number) return false;
                numbers.push_back(std::move(number).value());
            }
            return true;
        }
        // Empty sets and duplicate members are refused (reference §1.1).
        std::optional<AttributeValue> finish() {
            if (type == Type::NS) {
                auto less = [](const Number& a, const Number& b) { return a.compare(b) < 0; };
                if (numbers.empty() || !sortedWithoutDuplicates(numbers, less)) return {};
                return AttributeValue::numberSet(std::move(numbers));
            }
            if (strings.empty() || !sortedWithoutDuplicates(strings, std::less<std::string>()))
                return {};
            return type == Type::SS ? AttributeValue::stringSet(std::move(strings))
                                    : AttributeValue::binarySet(std::move(strings));
        }
    };
    using Node = std::variant<ValueNode, MapNode, ListNode, SetNode>;

    // The value node on top, when it is of `type` and still waits for its value.
    ValueNode* expecting(Type type) {
        auto* value = std::get_if<ValueNode>(&m_nodes.back());
        return value && value->typed && !value->value && value->type == type ? value : nullptr;
    }

    // A finished M, L or set: the value of the node below it.
    bool fill(AttributeValue done) {
        auto* value = std::get_if<ValueNode>(&m_nodes.back());
        if (!value || value->value) return false;
        value->value = std::move(done);
        return true;
    }

    // A finished attribute value: a member of the map or list below it.
    bool place(AttributeValue done) {
        auto& top = m_nodes.back();
        if (auto* list = std::get_if<ListNode>(&top)) {
            list->values.push_back(std::move(done));
            return true;
        }
        auto* map = std::get_if<MapNode>(&top);
        if (!map || !map->hasName) return false;
        map->hasName = false;
        return map->members.try_emplace(std::move(map->name), std::move(done)).second;
    }

    std::vector<Node> m_nodes;
    Item m_item;
    bool m_done = false;
};

// The request's envelope around the items, as nlohmann::json's SAX interface sees it.
class BatchWriteReader {
public:
    using json = nlohmann::json;

    std::optional<DirectBatchWrite> take() {
        if (m_at != At::Done || !m_sawRequestItems) return std::nullopt;
        return std::move(m_out);
    }

    bool null() { return false; }
    bool number_integer(json::number_integer_t) { return false; }
    bool number_unsigned(json::number_unsigned_t) { return false; }
    bool number_float(json::number_float_t, const std::string&) { return false; }
    bool binary(json::binary_t&) { return false; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

    bool boolean(bool flag) { return m_at == At::InItem && m_item.boolean(flag); }

    bool string(std::string& text) {
        if (m_at == At::InItem) return m_item.string(text);
        if (m_at != At::CapacityValue) return false;
        m_at = At::Root;
        if (text == "NONE") return true;
        m_out.wantCapacity = text == "TOTAL" || text == "INDEXES";
        return m_out.wantCapacity;
    }

    bool start_object(std::size_t) {
        switch (m_at) {
            case At::Start:
                return to(At::Root);
            case At::TablesValue:
                return to(At::Tables);
            case At::Writes:
                m_hasKind = false;
                return to(At::Write);
            case At::BodyValue:
                m_hasItem = false;
                return to(At::Body);
            case At::ItemValue:
                m_item.begin();
                return to(At::InItem);
            case At::InItem:
                return m_item.startObject();
            default:
                return false;
        }
    }

    bool key(std::string& name) {
        switch (m_at) {
            case At::Root:
                return rootMember(name);
            case At::Tables: {
                // A table named twice declines: the tree decoder keeps only the last list.
                auto [entry, isNew] = m_out.request.requestItems.try_emplace(std::move(name));
                m_writes = &entry->second;
                return isNew && to(At::WritesValue);
            }
            case At::Write:
                if (std::exchange(m_hasKind, true)) return false;
                if (name != "PutRequest" && name != "DeleteRequest") return false;
                m_isPut = name == "PutRequest";
                return to(At::BodyValue);
            case At::Body:
                if (std::exchange(m_hasItem, true)) return false;
                return name == (m_isPut ? "Item" : "Key") && to(At::ItemValue);
            case At::InItem:
                return m_item.key(name);
            default:
                return false;
        }
    }

    bool end_object() {
        switch (m_at) {
            case At::InItem:
                if (!m_item.endObject()) return false;
                if (m_item.done()) m_at = At::Body;
                return true;
            case At::Body:
                return m_hasItem && to(At::Write);
            case At::Write:
                if (!m_hasKind) return false;
                m_writes->push_back(table::WriteRequest{m_isPut, m_item.take()});
                return to(At::Writes);
            case At::Tables:
                return to(At::Root);
            case At::Root:
                return to(At::Done);
            default:
                return false;
        }
    }

    bool start_array(std::size_t) {
        if (m_at == At::InItem) return m_item.startArray();
        return m_at == At::WritesValue && to(At::Writes);
    }

    bool end_array() {
        if (m_at == At::InItem) return m_item.endArray();
        return m_at == At::Writes && to(At::Tables);
    }

private:
    // Where the next event lands. `…Value`: the member's name has been read, its value is next.
    enum class At {
        Start,
        Root,
        TablesValue,
        CapacityValue,
        Tables,
        WritesValue,
        Writes,
        Write,
        BodyValue,
        Body,
        ItemValue,
        InItem,
        Done
    };

    bool to(At at) {
        m_at = at;
        return true;
    }

    bool rootMember(const std::string& name) {
        if (name == "RequestItems" && !std::exchange(m_sawRequestItems, true))
            return to(At::TablesValue);
        if (name == "ReturnConsumedCapacity" && !std::exchange(m_sawCapacity, true))
            return to(At::CapacityValue);
        return false;
    }

    At m_at = At::Start;
    DirectBatchWrite m_out;
    std::vector<table::WriteRequest>* m_writes = nullptr;
    ItemReader m_item;
    bool m_sawRequestItems = false;
    bool m_sawCapacity = false;
    bool m_hasKind = false;
    bool m_isPut = true;
    bool m_hasItem = false;
};

}  // namespace

std::optional<DirectBatchWrite> readBatchWriteDirect(std::string_view body) {
    BatchWriteReader reader;
    if (!nlohmann::json::sax_parse(body.begin(), body.end(), &reader)) return std::nullopt;
    return reader.take();
}

}  // namespace shardscope::wire

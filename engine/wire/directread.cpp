// SPDX-License-Identifier: MIT
#include "wire/directread.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <type_traits>
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
    // `names`: an item's attribute names cannot be empty; ExpressionAttributeValues' can.
    enum class Names { Item, Placeholders };
    void begin(Names names = Names::Item) {
        m_nodes.clear();
        m_nodes.emplace_back(MapNode{{}, {}, false, kAttributeLevel, true});
        m_emptyNameAllowed = names == Names::Placeholders;
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
            if (map->hasName || (map->isItem && name.empty() && !m_emptyNameAllowed)) return false;
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
    bool m_emptyNameAllowed = false;
    bool m_done = false;
};

// What every reader declines outright, as nlohmann::json's SAX interface delivers it, and the
// ReturnConsumedCapacity member they all share.
class EnvelopeReader {
public:
    using json = nlohmann::json;

    bool null() { return false; }
    bool number_integer(json::number_integer_t) { return false; }
    bool number_unsigned(json::number_unsigned_t) { return false; }
    bool number_float(json::number_float_t, const std::string&) { return false; }
    bool binary(json::binary_t&) { return false; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

protected:
    // NONE, TOTAL or INDEXES; anything else is the tree decoder's to refuse.
    static bool readCapacity(const std::string& text, bool& wantCapacity) {
        wantCapacity = text == "TOTAL" || text == "INDEXES";
        return wantCapacity || text == "NONE";
    }

    ItemReader m_item;
};

// The request's envelope around the items, as nlohmann::json's SAX interface sees it.
class BatchWriteReader : public EnvelopeReader {
public:
    std::optional<Direct<table::BatchWriteRequest>> take() {
        if (m_at != At::Done || !m_sawRequestItems) return std::nullopt;
        return std::move(m_out);
    }

    bool boolean(bool flag) { return m_at == At::InItem && m_item.boolean(flag); }

    bool string(std::string& text) {
        if (m_at == At::InItem) return m_item.string(text);
        return m_at == At::CapacityValue && readCapacity(text, m_out.wantCapacity) && to(At::Root);
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
    Direct<table::BatchWriteRequest> m_out;
    std::vector<table::WriteRequest>* m_writes = nullptr;
    bool m_sawRequestItems = false;
    bool m_sawCapacity = false;
    bool m_hasKind = false;
    bool m_isPut = true;
    bool m_hasItem = false;
};

// PutItem, DeleteItem and UpdateItem of the usual shape: TableName, the item or key, and
// optionally ConditionExpression, UpdateExpression (update), ExpressionAttributeNames,
// ExpressionAttributeValues and ReturnConsumedCapacity. ReturnValues, the legacy parameters and
// anything else go to the tree decoder.
class SingleWriteReader : public EnvelopeReader {
public:
    enum class Kind { Put, Delete, Update };
    struct Read {
        std::string tableName;
        Item item;  // the item of a put, the key otherwise
        std::optional<std::string> conditionExpression;
        std::optional<std::string> updateExpression;
        table::ExpressionAttributes expressionAttributes;
        bool wantCapacity = false;
    };

    explicit SingleWriteReader(Kind kind) : m_kind(kind) {}

    std::optional<Read> take() {
        if (m_at != At::Done || !m_sawTable || !m_sawItem) return std::nullopt;
        return std::move(m_out);
    }

    bool boolean(bool flag) { return m_at == At::InItem && m_item.boolean(flag); }

    bool string(std::string& text) {
        switch (m_at) {
            case At::InItem:
                return m_item.string(text);
            case At::TextValue:
                *m_text = std::move(text);
                return to(At::Root);
            case At::CapacityValue:
                return readCapacity(text, m_out.wantCapacity) && to(At::Root);
            case At::NameValue: {
                auto& names = *m_out.expressionAttributes.names;
                return names.try_emplace(std::move(m_placeholder), std::move(text)).second &&
                       to(At::Names);
            }
            default:
                return false;
        }
    }

    bool start_object(std::size_t) {
        switch (m_at) {
            case At::Start:
                return to(At::Root);
            case At::NamesValue:
                m_out.expressionAttributes.names.emplace();
                return to(At::Names);
            case At::ItemValue:
                m_item.begin(m_readingValues ? ItemReader::Names::Placeholders
                                             : ItemReader::Names::Item);
                return to(At::InItem);
            case At::InItem:
                return m_item.startObject();
            default:
                return false;
        }
    }

    bool key(std::string& name) {
        if (m_at == At::InItem) return m_item.key(name);
        if (m_at == At::Names) {
            m_placeholder = std::move(name);
            return to(At::NameValue);
        }
        return m_at == At::Root && rootMember(name);
    }

    bool end_object() {
        switch (m_at) {
            case At::InItem:
                if (!m_item.endObject()) return false;
                if (m_item.done()) finishItem();
                return true;
            case At::Names:
                return to(At::Root);
            case At::Root:
                return to(At::Done);
            default:
                return false;
        }
    }

    bool start_array(std::size_t) { return m_at == At::InItem && m_item.startArray(); }
    bool end_array() { return m_at == At::InItem && m_item.endArray(); }

private:
    enum class At {
        Start,
        Root,
        TextValue,
        CapacityValue,
        NamesValue,
        Names,
        NameValue,
        ItemValue,
        InItem,
        Done
    };

    bool to(At at) {
        m_at = at;
        return true;
    }

    // Each member once: a repeated one keeps its last value in a JSON tree.
    bool rootMember(const std::string& name) {
        const auto once = [](bool& seen) { return !std::exchange(seen, true); };
        if (name == "TableName" && once(m_sawTable)) return text(m_out.tableName);
        if (name == itemMember() && once(m_sawItem)) return item(false);
        if (name == "ConditionExpression" && once(m_sawCondition))
            return text(m_out.conditionExpression.emplace());
        if (name == "UpdateExpression" && m_kind == Kind::Update && once(m_sawUpdate))
            return text(m_out.updateExpression.emplace());
        if (name == "ExpressionAttributeNames" && once(m_sawNames)) return to(At::NamesValue);
        if (name == "ExpressionAttributeValues" && once(m_sawValues)) return item(true);
        if (name == "ReturnConsumedCapacity" && once(m_sawCapacity)) return to(At::CapacityValue);
        return false;
    }

    const char* itemMember() const { return m_kind == Kind::Put ? "Item" : "Key"; }

    bool text(std::string& target) {
        m_text = &target;
        return to(At::TextValue);
    }

    bool item(bool values) {
        m_readingValues = values;
        return to(At::ItemValue);
    }

    void finishItem() {
        if (m_readingValues) {
            Item values = m_item.take();
            auto& out = m_out.expressionAttributes.values.emplace();
            for (auto& [name, value] : values) out.emplace_hint(out.end(), name, std::move(value));
        } else {
            m_out.item = m_item.take();
        }
        m_at = At::Root;
    }

    Kind m_kind;
    At m_at = At::Start;
    Read m_out;
    std::string* m_text = nullptr;
    std::string m_placeholder;
    bool m_readingValues = false;
    bool m_sawTable = false, m_sawItem = false, m_sawCondition = false, m_sawUpdate = false;
    bool m_sawNames = false, m_sawValues = false, m_sawCapacity = false;
};

// One of the single writes, its item or key into `target`: the members all three share.
template <class Request>
std::optional<Direct<Request>> readSingleWrite(std::string_view body, SingleWriteReader::Kind kind,
                                               Item Request::*target) {
    SingleWriteReader reader(kind);
    if (!nlohmann::json::sax_parse(body.begin(), body.end(), &reader)) return std::nullopt;
    auto read = reader.take();
    if (!read) return std::nullopt;
    Direct<Request> out;
    out.request.tableName = std::move(read->tableName);
    out.request.*target = std::move(read->item);
    out.request.conditionExpression = std::move(read->conditionExpression);
    out.request.expressionAttributes = std::move(read->expressionAttributes);
    if constexpr (std::is_same_v<Request, table::UpdateItemRequest>)
        out.request.updateExpression = std::move(read->updateExpression);
    out.wantCapacity = read->wantCapacity;
    return out;
}

}  // namespace

std::optional<Direct<table::BatchWriteRequest>> readBatchWriteDirect(std::string_view body) {
    BatchWriteReader reader;
    if (!nlohmann::json::sax_parse(body.begin(), body.end(), &reader)) return std::nullopt;
    return reader.take();
}

std::optional<Direct<table::PutItemRequest>> readPutItemDirect(std::string_view body) {
    return readSingleWrite(body, SingleWriteReader::Kind::Put, &table::PutItemRequest::item);
}

std::optional<Direct<table::DeleteItemRequest>> readDeleteItemDirect(std::string_view body) {
    return readSingleWrite(body, SingleWriteReader::Kind::Delete, &table::DeleteItemRequest::key);
}

std::optional<Direct<table::UpdateItemRequest>> readUpdateItemDirect(std::string_view body) {
    return readSingleWrite(body, SingleWriteReader::Kind::Update, &table::UpdateItemRequest::key);
}

}  // namespace shardscope::wire

// SPDX-License-Identifier: MIT
#pragma once

// The bodies of the libFuzzer targets. They live in a header so that
// tests/engine/fuzz_regressions_test.cpp replays saved inputs through exactly the code the fuzzers
// ran, in the ordinary (gcc, no libFuzzer) test build.
//
// Each run*() takes one input and returns "" when the engine handled it correctly, or a short
// description of the broken invariant. Crashes, sanitizer reports, leaks and escaping exceptions
// are found by the caller's runtime; the returned text covers what only the harness can see.

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/expression.h"
#include "model/codec.h"
#include "model/json.h"
#include "model/number.h"
#include "model/value.h"
#include "table/database.h"
#include "wire/decode.h"
#include "wire/directread.h"
#include "wire/dispatcher.h"

namespace shardscope::fuzz {

using model::AttributeValue;
using model::Item;

// ---- Shared checks -------------------------------------------------------------------------

inline model::Number fuzzNumber(std::string_view text) {
    auto n = model::Number::parse(text);
    return n.ok() ? n.value() : model::Number();
}

// Invariants every value the engine produces must keep: sets are never empty (§1.1), and the
// workspace codec reads back exactly what it wrote.
inline bool hasEmptySet(const AttributeValue& value) {
    if (value.isSet()) return value.memberCount() == 0;
    if (value.is(model::Type::M)) {
        for (const auto& [name, member] : value.asMap())
            if (hasEmptySet(member)) return true;
    }
    if (value.is(model::Type::L)) {
        for (const auto& member : value.asList())
            if (hasEmptySet(member)) return true;
    }
    return false;
}

inline std::string checkItem(const Item& item, std::string_view what) {
    for (const auto& [name, value] : item) {
        if (name.empty()) return std::string(what) + ": empty attribute name";
        if (hasEmptySet(value)) return std::string(what) + ": empty set in attribute " + name;
    }
    Item back;
    if (!model::decodeItem(model::encodeItem(item), back))
        return std::string(what) + ": codec cannot read back an encoded item";
    if (back != item) return std::string(what) + ": codec round trip changed the item";
    return "";
}

// ---- Fixed placeholders and items for the expression targets ---------------------------------

// The values `:a` and `:b` can take (chosen by the input's selector byte), covering every type and
// the edge values the rules single out: empty string, extreme numbers, type names for
// attribute_type.
inline const std::array<AttributeValue, 16>& candidateValues() {
    static const std::array<AttributeValue, 16> values = [] {
        using V = AttributeValue;
        return std::array<V, 16>{
            V::string("abc"),
            V::number(fuzzNumber("5")),
            V::number(fuzzNumber("-1.5")),
            V::number(fuzzNumber("9.9999999999999999999999999999999999999E+125")),
            V::string(""),
            V::binary(std::string("\x00\xff\x80", 3)),
            V::boolean(true),
            V::null(),
            V::list({V::string("x"), V::number(fuzzNumber("1"))}),
            V::map({{"k", V::string("v")}, {"n", V::number(fuzzNumber("2"))}}),
            V::stringSet({"a", "b", "\xc3\xa9"}),
            V::numberSet({fuzzNumber("1"), fuzzNumber("2.5")}),
            V::binarySet({std::string("\x01", 1), std::string("\xfe", 1)}),
            V::string("N"),
            V::string("SS"),
            V::list({}),
        };
    }();
    return values;
}

// The names `#a` and `#b` can stand for: plain, dotted (a literal `.` in one name, §3.1), key,
// reserved word, nested-looking, non-ASCII, with a space. Not the empty name: requests with one are
// refused before any expression is parsed, which fuzz_wire checks.
inline const std::array<std::string, 16>& candidateNames() {
    static const std::array<std::string, 16> names = {
        "a",  "b",  "b.c", "pk", "status",   "m",   "l",      "ss",
        "ns", "bs", "s",   "n",  "\xc3\xa9", "x y", "nested", "missing"};
    return names;
}

// Input layout of the expression targets: byte 0 picks `:a` (low nibble) and `:b` (high nibble),
// byte 1 picks `#a` and `#b` the same way, the rest is the expression. Always supplied besides:
// `:s :n :l :m :ss :ns :t` and `#p`, so most texts parse and reach evaluation.
struct ExpressionInput {
    std::string_view text;
    std::map<std::string, std::string> names;
    std::map<std::string, AttributeValue> values;
};

inline ExpressionInput splitExpressionInput(std::string_view input) {
    ExpressionInput out;
    const auto byteAt = [&](size_t i) {
        return i < input.size() ? static_cast<unsigned char>(input[i]) : 0;
    };
    const auto& values = candidateValues();
    const auto& names = candidateNames();
    out.values = {{":a", values[byteAt(0) & 0x0F]},
                  {":b", values[byteAt(0) >> 4]},
                  {":s", AttributeValue::string("ab")},
                  {":n", AttributeValue::number(fuzzNumber("1"))},
                  {":l", AttributeValue::list({AttributeValue::string("z")})},
                  {":m", AttributeValue::map({{"x", AttributeValue::boolean(false)}})},
                  {":ss", AttributeValue::stringSet({"a"})},
                  {":ns", AttributeValue::numberSet({fuzzNumber("2")})},
                  {":t", AttributeValue::string("M")}};
    out.names = {{"#a", names[byteAt(1) & 0x0F]}, {"#b", names[byteAt(1) >> 4]}, {"#p", "pk"}};
    out.text = input.size() > 2 ? input.substr(2) : std::string_view();
    return out;
}

// Items the parsed expressions run against: the rich one has every type, nested documents, a
// dotted name and a reserved word; the deep one sits at the nesting limit.
inline const std::vector<Item>& fixedItems() {
    static const std::vector<Item> items = [] {
        using V = AttributeValue;
        Item rich = {
            {"pk", V::string("k")},
            {"sk", V::number(fuzzNumber("1"))},
            {"a", V::number(fuzzNumber("5"))},
            {"b", V::string("abc")},
            {"b.c", V::string("dotted")},
            {"status", V::string("open")},
            {"s", V::string("ab\xc3\xa9")},
            {"n", V::number(fuzzNumber("-0.25"))},
            {"bin", V::binary(std::string("\x00\x80", 2))},
            {"t", V::boolean(true)},
            {"z", V::null()},
            {"l", V::list({V::string("x"), V::list({V::number(fuzzNumber("1"))}),
                           V::map({{"q", V::string("r")}})})},
            {"m", V::map({{"x", V::number(fuzzNumber("1"))},
                          {"child", V::map({{"y", V::list({V::boolean(false)})}})},
                          {"empty", V::map({})}})},
            {"ss", V::stringSet({"a", "b"})},
            {"ns", V::numberSet({fuzzNumber("1"), fuzzNumber("3")})},
            {"bs", V::binarySet({std::string("\x01", 1)})},
        };
        // An attribute 30 maps deep: close to the 32-level nesting limit (§1.5), where recursive
        // code runs deepest.
        V deep = V::map({{"leaf", V::string("bottom")}});
        for (int i = 0; i < 29; ++i) deep = V::map({{"nested", deep}});
        Item deepItem = {{"pk", V::string("d")}, {"nested", deep}};
        return std::vector<Item>{Item{}, Item{{"pk", V::string("k")}}, rich, deepItem};
    }();
    return items;
}

inline std::string errorCodeProblem(const Error& error, std::string_view what) {
    if (error.code == ErrorCode::Validation) return "";
    return std::string(what) + " failed with a non-validation error: " + error.message;
}

// ---- fuzz_condition ------------------------------------------------------------------------

inline std::string runCondition(std::string_view input) {
    ExpressionInput in = splitExpressionInput(input);
    expr::Placeholders placeholders(in.names, in.values);
    auto condition = expr::parseCondition(in.text, placeholders);
    if (!condition) return errorCodeProblem(condition.error(), "parseCondition");
    (void)placeholders.checkAllUsed();
    for (const Item& item : fixedItems()) {
        for (const Item* subject : {static_cast<const Item*>(nullptr), &item}) {
            auto result = condition->evaluate(subject);
            if (!result) {
                if (auto p = errorCodeProblem(result.error(), "evaluate"); !p.empty()) return p;
            }
        }
    }
    return "";
}

// ---- fuzz_update ---------------------------------------------------------------------------

inline std::string runUpdate(std::string_view input) {
    ExpressionInput in = splitExpressionInput(input);
    expr::Placeholders placeholders(in.names, in.values);
    auto update = expr::parseUpdate(in.text, placeholders);
    if (!update) return errorCodeProblem(update.error(), "parseUpdate");
    (void)placeholders.checkAllUsed();
    (void)update->onlyRemovesOrDeletes();
    const std::vector<std::string> written = update->topLevelNames();
    for (const Item& item : fixedItems()) {
        auto outcome = update->apply(item);
        if (!outcome) {
            if (auto p = errorCodeProblem(outcome.error(), "apply"); !p.empty()) return p;
            continue;
        }
        if (auto p = checkItem(outcome->item, "updated item"); !p.empty()) return p;
        // The table refuses updates of key attributes by looking at topLevelNames(), so every
        // attribute the update changed must be listed there.
        const auto listed = [&](const std::string& name) {
            return std::find(written.begin(), written.end(), name) != written.end();
        };
        for (const Item* side : {&item, static_cast<const Item*>(&outcome->item)}) {
            for (const auto& [name, value] : *side) {
                const auto before = item.find(name);
                const auto after = outcome->item.find(name);
                const bool same = before != item.end() && after != outcome->item.end() &&
                                  before->second == after->second;
                if (!same && !listed(name))
                    return "topLevelNames() misses the changed attribute '" + name + "'";
            }
        }
        (void)model::itemSize(outcome->item);
        // What UPDATED_OLD / UPDATED_NEW would return.
        if (auto p = checkItem(expr::projectPaths(item, outcome->updatedPaths), "UPDATED_OLD");
            !p.empty())
            return p;
        if (auto p =
                checkItem(expr::projectPaths(outcome->item, outcome->updatedPaths), "UPDATED_NEW");
            !p.empty())
            return p;
        // Applying again to the result must work as well as on any stored item.
        auto again = update->apply(outcome->item);
        if (again) {
            if (auto p = checkItem(again->item, "twice-updated item"); !p.empty()) return p;
        } else if (auto p = errorCodeProblem(again.error(), "second apply"); !p.empty()) {
            return p;
        }
    }
    return "";
}

// ---- fuzz_projection -----------------------------------------------------------------------

inline std::string runProjection(std::string_view input) {
    ExpressionInput in = splitExpressionInput(input);
    expr::Placeholders placeholders(in.names, in.values);
    auto projection = expr::parseProjection(in.text, placeholders);
    if (!projection) return errorCodeProblem(projection.error(), "parseProjection");
    (void)placeholders.checkAllUsed();
    if (projection->paths().empty()) return "a projection that parsed has no paths";
    for (const Item& item : fixedItems()) {
        const Item projected = projection->apply(item);
        if (auto p = checkItem(projected, "projected item"); !p.empty()) return p;
        // A projection only picks parts of the item; it never makes attributes up.
        for (const auto& [name, value] : projected) {
            if (item.find(name) == item.end())
                return "projection invented the attribute '" + name + "'";
        }
    }
    return "";
}

// ---- fuzz_keycondition ---------------------------------------------------------------------

inline const std::vector<model::KeySchema>& keySchemas() {
    using model::KeyAttribute;
    using model::KeyType;
    static const std::vector<model::KeySchema> schemas = {
        {KeyAttribute{"pk", KeyType::S}, KeyAttribute{"sk", KeyType::N}},
        {KeyAttribute{"pk", KeyType::S}, KeyAttribute{"b", KeyType::S}},
        {KeyAttribute{"a", KeyType::N}, KeyAttribute{"bin", KeyType::B}},
        {KeyAttribute{"pk", KeyType::S}, std::nullopt},
    };
    return schemas;
}

inline std::string runKeyCondition(std::string_view input) {
    ExpressionInput in = splitExpressionInput(input);
    for (const auto& schema : keySchemas()) {
        expr::Placeholders placeholders(in.names, in.values);
        auto key = expr::parseKeyCondition(in.text, placeholders, schema);
        if (!key) {
            if (auto p = errorCodeProblem(key.error(), "parseKeyCondition"); !p.empty()) return p;
            continue;
        }
        (void)placeholders.checkAllUsed();
        // What Query relies on: the values fit the schema's types.
        if (!model::keyTypeMatches(schema.partition.type, key->partitionValue))
            return "key condition accepted a partition value of the wrong type";
        using Op = expr::KeyCondition::SortOp;
        if (key->sortOp == Op::None) continue;
        if (!schema.sort) return "key condition on a table without a sort key";
        if (!model::keyTypeMatches(schema.sort->type, key->sortValue))
            return "key condition accepted a sort value of the wrong type";
        if (key->sortOp == Op::Between) {
            if (!model::keyTypeMatches(schema.sort->type, key->sortUpperBound))
                return "BETWEEN accepted an upper bound of the wrong type";
            if (model::compareKeyValues(key->sortValue, key->sortUpperBound) > 0)
                return "BETWEEN accepted a lower bound above the upper bound";
        }
        if (key->sortOp == Op::BeginsWith && schema.sort->type == model::KeyType::N)
            return "begins_with accepted on a number sort key";
    }
    return "";
}

// ---- fuzz_item_codec -----------------------------------------------------------------------

inline std::string runItemCodec(std::string_view input) {
    Item item;
    if (!model::decodeItem(input, item)) return "";
    // One encoding per item: whatever decodes must be exactly what encodeItem writes.
    const std::string encoded = model::encodeItem(item);
    if (encoded != input) return "decodeItem accepted a non-canonical encoding";
    Item back;
    if (!model::decodeItem(encoded, back) || back != item) return "codec round trip failed";
    (void)model::itemSize(item);
    // The stream's direct renderer must write exactly the JSON the tree writer writes.
    std::string text;
    if (!model::appendItemJson(encoded, text)) return "appendItemJson refused a valid encoding";
    // Compared only for valid UTF-8: the endpoint refuses anything else before it is stored.
    std::string tree;
    try {
        tree = model::toJson(item).dump();
    } catch (const nlohmann::json::exception&) {
        return "";
    }
    if (text != tree) return "appendItemJson differs from toJson: " + text;
    return "";
}

// ---- Write requests read directly from their text --------------------------------------------

namespace detail {

inline bool sameValues(const std::optional<std::map<std::string, AttributeValue>>& a,
                       const std::optional<std::map<std::string, AttributeValue>>& b) {
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    const auto encoded = [](const std::map<std::string, AttributeValue>& values) {
        return model::encodeItem(Item(values.begin(), values.end()));
    };
    return encoded(*a) == encoded(*b);
}

// The members a direct single write can carry, and the defaults of the rest.
template <class Request>
bool sameWrite(const Request& a, const Request& b) {
    return a.tableName == b.tableName && a.conditionExpression == b.conditionExpression &&
           a.expressionAttributes.names == b.expressionAttributes.names &&
           sameValues(a.expressionAttributes.values, b.expressionAttributes.values) &&
           a.expected.has_value() == b.expected.has_value() && a.returnValues == b.returnValues &&
           a.returnOldItemOnConditionFailure == b.returnOldItemOnConditionFailure;
}

inline bool sameRequest(const table::PutItemRequest& a, const table::PutItemRequest& b) {
    return sameWrite(a, b) && model::encodeItem(a.item) == model::encodeItem(b.item);
}
inline bool sameRequest(const table::DeleteItemRequest& a, const table::DeleteItemRequest& b) {
    return sameWrite(a, b) && model::encodeItem(a.key) == model::encodeItem(b.key);
}
inline bool sameRequest(const table::UpdateItemRequest& a, const table::UpdateItemRequest& b) {
    return sameWrite(a, b) && model::encodeItem(a.key) == model::encodeItem(b.key) &&
           a.updateExpression == b.updateExpression &&
           a.attributeUpdates.has_value() == b.attributeUpdates.has_value();
}

inline bool sameRequest(const table::BatchWriteRequest& a, const table::BatchWriteRequest& b) {
    if (a.requestItems.size() != b.requestItems.size()) return false;
    for (auto x = a.requestItems.begin(), y = b.requestItems.begin(); x != a.requestItems.end();
         ++x, ++y) {
        if (x->first != y->first || x->second.size() != y->second.size()) return false;
        for (size_t i = 0; i < x->second.size(); ++i) {
            if (x->second[i].isPut != y->second[i].isPut ||
                model::encodeItem(x->second[i].item) != model::encodeItem(y->second[i].item))
                return false;
        }
    }
    return true;
}

// The direct reader may decline anything, but what it reads it must read exactly as the tree
// decoder does: every member, items byte for byte, and ReturnConsumedCapacity.
template <class Request>
std::string checkDirectWrite(std::string_view body,
                             std::optional<wire::Direct<Request>> (*read)(std::string_view),
                             Result<Request> (*decode)(const nlohmann::json&)) {
    const auto direct = read(body);
    if (!direct) return "";
    const auto tree = nlohmann::json::parse(body, nullptr, false);
    if (tree.is_discarded() || !tree.is_object())
        return "the direct reader accepted a body that is not a JSON object";
    const auto decoded = decode(tree);
    if (!decoded)
        return "the direct reader accepted a request the tree decoder refuses: " +
               decoded.error().message;
    const auto capacity = wire::decodeReturnConsumedCapacity(tree);
    if (!capacity || *capacity != direct->wantCapacity)
        return "the direct reader read ReturnConsumedCapacity differently";
    if (!sameRequest(*decoded, direct->request))
        return "the direct reader read the request differently";
    return "";
}

}  // namespace detail

// That check for the four write operations, by the wire operation's name; "" for the others.
inline std::string checkDirectWrite(std::string_view operation, std::string_view body) {
    if (operation == "PutItem")
        return detail::checkDirectWrite(body, wire::readPutItemDirect, wire::decodePutItem);
    if (operation == "DeleteItem")
        return detail::checkDirectWrite(body, wire::readDeleteItemDirect, wire::decodeDeleteItem);
    if (operation == "UpdateItem")
        return detail::checkDirectWrite(body, wire::readUpdateItemDirect, wire::decodeUpdateItem);
    if (operation == "BatchWriteItem")
        return detail::checkDirectWrite(body, wire::readBatchWriteDirect, wire::decodeBatchWrite);
    return "";
}

// ---- fuzz_wire -----------------------------------------------------------------------------

// Byte 0 of a wire input picks the operation (low 4 bits, so the seeds can use the letters
// '@'..'O'); the rest is the JSON body. 'O' runs a short script instead: up to 8 lines, each
// "<letter><body>", so sequences (write, then query) are explored too.
inline constexpr std::array<std::string_view, 15> kWireOperations = {
    "PutItem",     "GetItem",        "UpdateItem",   "DeleteItem",         "Query",
    "Scan",        "BatchWriteItem", "BatchGetItem", "TransactWriteItems", "TransactGetItems",
    "CreateTable", "UpdateTable",    "DeleteTable",  "DescribeTable",      "ListTables"};

inline std::string_view operationName(char op) {
    const size_t index = static_cast<unsigned char>(op) & 0x0F;
    return index < kWireOperations.size() ? kWireOperations[index] : "Bogus";
}

// An in-memory database with the fixed tables and a few items. It is built once and shared by the
// inputs that leave it as it was; after an input whose write succeeded it is built anew, so every
// input starts from the same state and replays on its own (a crash that needed a thousand earlier
// writes could not be reproduced from one saved input). Mostly the fuzzer sends requests that fail
// validation, so rebuilding stays rare and the target stays fast.
class WireWorld {
public:
    WireWorld() {
        auto db = table::Database::open({":memory:"});
        if (!db) return;
        m_db = std::move(*db);
        m_dispatcher = std::make_unique<wire::Dispatcher>(*m_db);
        for (const char* body : setupRequests()) {
            const auto reply = call(body[0], body + 1);
            if (reply.status != 200) {
                m_setupError = std::string(body) + " -> " + reply.body;
                return;
            }
        }
    }

    bool ready() const { return m_dispatcher && m_setupError.empty(); }
    const std::string& setupError() const { return m_setupError; }

    wire::Reply call(char op, std::string_view body) const {
        const std::string target = "DynamoDB_20120810." + std::string(operationName(op));
        return m_dispatcher->handle(target, body, "us-east-1");
    }

private:
    static std::vector<const char*> setupRequests() {
        return {
            // Tab: S partition + N sort key, with a GSI and an LSI.
            R"(J{"TableName":"Tab","BillingMode":"PAY_PER_REQUEST",)"
            R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},)"
            R"({"AttributeName":"sk","KeyType":"RANGE"}],)"
            R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},)"
            R"({"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"g","AttributeType":"S"},)"
            R"({"AttributeName":"l","AttributeType":"B"}],)"
            R"("GlobalSecondaryIndexes":[{"IndexName":"Gsi","KeySchema":[)"
            R"({"AttributeName":"g","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],)"
            R"("Projection":{"ProjectionType":"KEYS_ONLY"}}],)"
            R"("LocalSecondaryIndexes":[{"IndexName":"Lsi","KeySchema":[)"
            R"({"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}],)"
            R"("Projection":{"ProjectionType":"ALL"}}]})",
            // Bin: B partition key only.
            R"(J{"TableName":"Bin","BillingMode":"PAY_PER_REQUEST",)"
            R"("KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],)"
            R"("AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"B"}]})",
            R"(@{"TableName":"Tab","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"},)"
            R"("l":{"B":"AQ=="},"n":{"N":"5"},"s":{"SS":["p","q"]},"m":{"M":{"k":{"L":[]}}}}})",
            R"(@{"TableName":"Tab","Item":{"pk":{"S":"a"},"sk":{"N":"-2.5"},"g":{"S":"x"}}})",
            R"(@{"TableName":"Tab","Item":{"pk":{"S":"\u00e9"},"sk":{"N":"1e10"}}})",
            R"(@{"TableName":"Bin","Item":{"pk":{"B":"gA=="},"v":{"NULL":true}}})",
        };
    }

    std::unique_ptr<table::Database> m_db;
    std::unique_ptr<wire::Dispatcher> m_dispatcher;
    std::string m_setupError;
};

// What every reply must look like, whatever the request: 200 or 400 with a JSON object body, an
// error naming its type. A 500 means an exception or a storage failure escaped an operation.
inline std::string checkReply(const wire::Reply& reply, std::string_view body) {
    const auto shown = [&] {
        std::string text(body.substr(0, 200));
        return " (request " + text + ")";
    };
    if (reply.status != 200 && reply.status != 400)
        return "status " + std::to_string(reply.status) + ": " + reply.body + shown();
    const auto parsed = nlohmann::json::parse(reply.body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object())
        return "reply body is not a JSON object: " + reply.body.substr(0, 200) + shown();
    if (reply.status == 400 && !parsed.contains("__type"))
        return "error reply without __type: " + reply.body.substr(0, 200) + shown();
    // No stored item has an empty attribute name (§1.5), however the request spelled it.
    const auto emptyName = [](const nlohmann::json& item) {
        return item.is_object() && item.contains("");
    };
    bool empty = emptyName(parsed.value("Item", nlohmann::json())) ||
                 emptyName(parsed.value("Attributes", nlohmann::json()));
    for (const auto& item : parsed.value("Items", nlohmann::json::array()))
        empty = empty || emptyName(item);
    if (empty)
        return "an item with an empty attribute name: " + reply.body.substr(0, 200) + shown();
    return "";
}

// Operations that change nothing when they succeed.
inline bool isRead(char op) {
    switch (static_cast<unsigned char>(op) & 0x0F) {
        case 1:   // GetItem
        case 4:   // Query
        case 5:   // Scan
        case 7:   // BatchGetItem
        case 9:   // TransactGetItems
        case 13:  // DescribeTable
        case 14:  // ListTables
            return true;
        default:
            return false;
    }
}

inline std::string runWire(std::string_view input) {
    static std::unique_ptr<WireWorld> world;
    static bool changed = true;
    if (input.empty()) return "";
    if (changed || !world) {
        world = std::make_unique<WireWorld>();
        if (!world->ready()) return "setup failed: " + world->setupError();
        changed = false;
    }
    const auto send = [&](char op, std::string_view body) {
        if (auto p = checkDirectWrite(operationName(op), body); !p.empty()) return p;
        const wire::Reply reply = world->call(op, body);
        // A failed request must not change anything; trusting that keeps the world shared.
        if (reply.status == 200 && !isRead(op)) changed = true;
        return checkReply(reply, body);
    };

    const char op = input[0];
    if ((static_cast<unsigned char>(op) & 0x0F) != 0x0F) return send(op, input.substr(1));
    std::string_view script = input.substr(1);
    for (int line = 0; line < 8 && !script.empty(); ++line) {
        const size_t end = script.find('\n');
        const std::string_view request = script.substr(0, end);
        script = end == std::string_view::npos ? std::string_view() : script.substr(end + 1);
        if (request.empty()) continue;
        // A script line cannot start another script.
        const char lineOp =
            (static_cast<unsigned char>(request[0]) & 0x0F) == 0x0F ? '@' : request[0];
        if (auto p = send(lineOp, request.substr(1)); !p.empty()) return p;
    }
    return "";
}

}  // namespace shardscope::fuzz

// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/error.h"
#include "model/keys.h"
#include "model/value.h"

// DynamoDB's expression languages (reference §3.1–§3.4): condition, filter, update, projection and
// key-condition expressions, plus the legacy parameters older programs still send. Parsing checks
// syntax, limits and placeholders and answers with DynamoDB's ValidationException messages;
// evaluation never touches storage. All types are immutable after parsing and safe to share
// between threads.
namespace shardscope::expr {

using model::AttributeValue;
using model::Item;

// One step of a document path: a (top-level or nested) attribute name, or a list index.
struct PathElement {
    std::string name;  // empty for an index step
    int index = -1;    // >= 0 for an index step
    bool isIndex() const { return index >= 0; }
    bool operator==(const PathElement&) const = default;
};
using Path = std::vector<PathElement>;

// The ExpressionAttributeNames / ExpressionAttributeValues of one request, and which of them the
// request's expressions used. Parse every expression of a request with the same Placeholders,
// then call checkAllUsed(): DynamoDB rejects supplied placeholders that no expression uses.
class Placeholders {
public:
    Placeholders() = default;
    Placeholders(std::map<std::string, std::string> names,
                 std::map<std::string, AttributeValue> values);

    bool hasNames() const { return !m_names.empty(); }
    bool hasValues() const { return !m_values.empty(); }

    // For the parsers: resolve "#n" / ":v", recording the use. nullptr when undefined.
    const std::string* name(std::string_view ref);
    const AttributeValue* value(std::string_view ref);

    // ValidationException "Value provided in ExpressionAttributeNames unused in expressions:
    // keys: {#a}" (and the same for values) when something supplied was never used.
    Result<void> checkAllUsed() const;

private:
    std::map<std::string, std::string, std::less<>> m_names;
    std::map<std::string, AttributeValue, std::less<>> m_values;
    std::set<std::string, std::less<>> m_usedNames;
    std::set<std::string, std::less<>> m_usedValues;
};

struct ConditionNode;
struct UpdateAction;
struct ProjectionData;

// ConditionExpression and FilterExpression.
class Condition {
public:
    // `item` is nullptr when the item does not exist. Errors are ValidationExceptions that only
    // show at evaluation (e.g. comparing two literals of different types is caught at parse time,
    // but some misuse depends on the item).
    Result<bool> evaluate(const Item* item) const;

    std::shared_ptr<const ConditionNode> root;
};

// UpdateExpression (SET/REMOVE/ADD/DELETE) or the legacy AttributeUpdates.
class Update {
public:
    struct Outcome {
        Item item;                       // the item after the update
        std::vector<Path> updatedPaths;  // what the actions touched, for UPDATED_OLD/UPDATED_NEW
    };

    // Applies every action to `old` (empty when the item does not exist), evaluating all
    // right-hand sides against `old` first (§3.2). Errors: ValidationException with DynamoDB's
    // message (missing attribute read in SET, wrong operand types, invalid document path, …).
    Result<Outcome> apply(const Item& old) const;

    // True when every action is REMOVE or DELETE: such an update of a missing item is a no-op and
    // does not create it (§3.1).
    bool onlyRemovesOrDeletes() const;
    // Top-level attribute names the update writes or removes (to refuse changes to key attributes).
    std::vector<std::string> topLevelNames() const;

    std::vector<std::shared_ptr<const UpdateAction>> actions;
    bool legacy = false;  // built from AttributeUpdates (ADD accepts lists; no actions creates)
};

// ProjectionExpression or the legacy AttributesToGet.
class Projection {
public:
    // The parts of `item` the projection names; missing paths are left out.
    Item apply(const Item& item) const;
    const std::vector<Path>& paths() const;

    std::shared_ptr<const ProjectionData> data;
};

// A Query's KeyConditionExpression, checked against the key schema being queried.
struct KeyCondition {
    enum class SortOp {
        None,
        Equal,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
        Between,
        BeginsWith
    };
    AttributeValue partitionValue;
    SortOp sortOp = SortOp::None;
    AttributeValue sortValue;       // the operand; the lower bound for Between
    AttributeValue sortUpperBound;  // Between only
};

// `expressionName` names the parameter in error messages ("Invalid FilterExpression: …"); the
// grammar is the same for ConditionExpression and FilterExpression.
Result<Condition> parseCondition(std::string_view text, Placeholders& placeholders,
                                 std::string_view expressionName = "ConditionExpression");
Result<Update> parseUpdate(std::string_view text, Placeholders& placeholders);
Result<Projection> parseProjection(std::string_view text, Placeholders& placeholders);
Result<KeyCondition> parseKeyCondition(std::string_view text, Placeholders& placeholders,
                                       const model::KeySchema& schema);

// Copies the given paths of `item` into a new item, nested paths inside their parents (used for
// UPDATED_OLD / UPDATED_NEW and projections).
Item projectPaths(const Item& item, const std::vector<Path>& paths);

// ---- Legacy parameters (Expected, QueryFilter, ScanFilter, KeyConditions, AttributeUpdates,
// AttributesToGet). They cannot be mixed with expressions; the caller checks that.

struct LegacyCondition {
    std::string attributeName;
    std::optional<std::string> comparisonOperator;  // EQ, NE, LE, LT, GE, GT, NOT_NULL, NULL,
                                                    // CONTAINS, NOT_CONTAINS, BEGINS_WITH, IN,
                                                    // BETWEEN
    std::vector<AttributeValue> attributeValueList;
    std::optional<AttributeValue> value;  // Expected's shorthand `Value`
    std::optional<bool> exists;           // Expected's `Exists`
};

struct LegacyUpdate {
    std::string attributeName;
    std::string action = "PUT";  // PUT, ADD, DELETE
    std::optional<AttributeValue> value;
};

// Expected / QueryFilter / ScanFilter; `useOr` is ConditionalOperator == OR.
Result<Condition> conditionFromLegacy(const std::vector<LegacyCondition>& conditions, bool useOr);
Result<Update> updateFromLegacy(const std::vector<LegacyUpdate>& updates);
Result<KeyCondition> keyConditionFromLegacy(const std::vector<LegacyCondition>& conditions,
                                            const model::KeySchema& schema);
Projection projectionFromAttributeNames(const std::vector<std::string>& names);

}  // namespace shardscope::expr

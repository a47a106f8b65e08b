// SPDX-License-Identifier: MIT
#include "expr/keycondition.h"

#include <algorithm>

#include "expr/conditionbuilder.h"
#include "expr/evaluator.h"

// Query key conditions (§3.4).
namespace shardscope::expr {

namespace detail {
namespace {

using model::Type;

Error invalidParameter(const std::string& message) {
    return validationError("One or more parameter values were invalid: " + message);
}

std::string_view legacyOpFor(CompareOp op, bool flipped) {
    switch (op) {
        case CompareOp::Equal:
            return "EQ";
        case CompareOp::NotEqual:
            return "NE";
        case CompareOp::Less:
            return flipped ? "GT" : "LT";
        case CompareOp::LessOrEqual:
            return flipped ? "GE" : "LE";
        case CompareOp::Greater:
            return flipped ? "LT" : "GT";
        case CompareOp::GreaterOrEqual:
            return flipped ? "LE" : "GE";
    }
    return "";
}

std::string_view disallowedOperator(const ConditionNode& node) {
    switch (node.kind) {
        case ConditionKind::Or:
            return "OR";
        case ConditionKind::Not:
            return "NOT";
        case ConditionKind::In:
            return "IN";
        case ConditionKind::Exists:
            return "attribute_exists";
        case ConditionKind::NotExists:
            return "attribute_not_exists";
        case ConditionKind::HasType:
            return "attribute_type";
        case ConditionKind::Contains:
        case ConditionKind::NotContains:
            return "contains";
        case ConditionKind::Compare:
            return node.op == CompareOp::NotEqual ? "<>" : "";
        default:
            return "";
    }
}

Result<KeyConditionEntry> entryFor(const ConditionNode& node) {
    if (const auto op = disallowedOperator(node); !op.empty()) {
        return validationError("Invalid operator used in KeyConditionExpression: " +
                               std::string(op));
    }
    int keyAt = -1;
    for (size_t i = 0; i < node.operands.size(); ++i) {
        const Operand& operand = node.operands[i];
        if (operand.kind == OperandKind::Size) {
            return validationError("KeyConditionExpressions cannot contain nested operations");
        }
        if (operand.kind != OperandKind::Path) continue;
        if (keyAt >= 0) {
            return validationError(
                "Invalid condition in KeyConditionExpression: Multiple attribute names used in "
                "one condition");
        }
        if (operand.path.size() > 1) {
            return validationError(
                "KeyConditionExpressions cannot have conditions on nested attributes");
        }
        keyAt = int(i);
    }
    if (keyAt < 0) {
        return validationError(
            "Invalid condition in KeyConditionExpression: No key attribute specified");
    }
    const bool ordered =
        node.kind == ConditionKind::Between || node.kind == ConditionKind::BeginsWith;
    if (ordered && keyAt != 0) {
        const std::string_view name =
            node.kind == ConditionKind::Between ? "BETWEEN" : "begins_with";
        return validationError("Invalid condition in KeyConditionExpression: " + std::string(name) +
                               " operator must have the key attribute as its first operand");
    }
    KeyConditionEntry entry;
    entry.attribute = node.operands[size_t(keyAt)].path.front().name;
    entry.op = node.kind == ConditionKind::Between ? "BETWEEN"
               : node.kind == ConditionKind::BeginsWith
                   ? "BEGINS_WITH"
                   : std::string(legacyOpFor(node.op, keyAt != 0));
    for (size_t i = 0; i < node.operands.size(); ++i) {
        if (int(i) != keyAt) entry.values.push_back(node.operands[i].value);
    }
    return entry;
}

void flatten(const ConditionNode& node, std::vector<const ConditionNode*>& out) {
    if (node.kind != ConditionKind::And) {
        out.push_back(&node);
        return;
    }
    for (const ConditionNode& child : node.children) flatten(child, out);
}

bool isIndexable(const std::string& op) {
    static const std::vector<std::string> kOps = {"EQ", "LT",      "LE",         "GT",
                                                  "GE", "BETWEEN", "BEGINS_WITH"};
    return std::find(kOps.begin(), kOps.end(), op) != kOps.end();
}

KeyCondition::SortOp sortOpFor(const std::string& op) {
    if (op == "EQ") return KeyCondition::SortOp::Equal;
    if (op == "LT") return KeyCondition::SortOp::Less;
    if (op == "LE") return KeyCondition::SortOp::LessOrEqual;
    if (op == "GT") return KeyCondition::SortOp::Greater;
    if (op == "GE") return KeyCondition::SortOp::GreaterOrEqual;
    if (op == "BETWEEN") return KeyCondition::SortOp::Between;
    return KeyCondition::SortOp::BeginsWith;
}

// dynalite's order of checks for each key attribute, partition key first.
Result<void> checkKeyAttribute(const KeyConditionEntry* entry, const model::KeyAttribute& key,
                               bool isPartition, size_t count) {
    if (!entry) {
        if (isPartition || count > 1) {
            return validationError("Query condition missed key schema element: " + key.name);
        }
        return {};
    }
    if (!isIndexable(entry->op)) {
        return validationError("Attempted conditional constraint is not an indexable operation");
    }
    for (const AttributeValue& value : entry->values) {
        if (!model::keyTypeMatches(key.type, value)) {
            return invalidParameter("Condition parameter type does not match schema type");
        }
    }
    if (isPartition && entry->op != "EQ")
        return validationError("Query key condition not supported");
    return {};
}

}  // namespace

Result<void> checkLegacyOperands(const std::string& op, const std::vector<AttributeValue>& values,
                                 bool checkTypes) {
    size_t minimum = 1;
    size_t maximum = 1;
    std::vector<Type> allowed = {Type::S, Type::N, Type::B};
    if (op == "NULL" || op == "NOT_NULL") {
        minimum = maximum = 0;
    } else if (op == "IN") {
        maximum = SIZE_MAX;
    } else if (op == "BETWEEN") {
        minimum = maximum = 2;
    } else if (op == "EQ" || op == "NE") {
        allowed = {Type::S, Type::N, Type::B, Type::SS, Type::NS, Type::BS};
    } else if (op == "BEGINS_WITH") {
        allowed = {Type::S, Type::B};
    } else if (op != "LE" && op != "LT" && op != "GE" && op != "GT" && op != "CONTAINS" &&
               op != "NOT_CONTAINS") {
        return validationError("1 validation error detected: Value '" + op +
                               "' at 'comparisonOperator' failed to satisfy constraint: Member "
                               "must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, "
                               "EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
    }
    if (values.size() < minimum || values.size() > maximum) {
        return invalidParameter("Invalid number of argument(s) for the " + op +
                                " ComparisonOperator");
    }
    for (const AttributeValue& value : values) {
        if (value.type() != values.front().type()) {
            return invalidParameter(
                "AttributeValues inside AttributeValueList must be of same type");
        }
    }
    for (const AttributeValue& value : values) {
        if (checkTypes &&
            std::find(allowed.begin(), allowed.end(), value.type()) == allowed.end()) {
            return invalidParameter("ComparisonOperator " + op + " is not valid for " +
                                    std::string(model::typeName(value.type())) +
                                    " AttributeValue type");
        }
    }
    if (op == "BETWEEN" && values[0].type() == values[1].type() &&
        (values[0].is(Type::S) || values[0].is(Type::N) || values[0].is(Type::B)) &&
        compareScalars(values[0], values[1]) > 0) {
        return validationError(
            "The BETWEEN condition was provided a range where the lower bound is greater than the "
            "upper bound");
    }
    return {};
}

Result<KeyCondition> resolveKeyConditions(const std::vector<KeyConditionEntry>& entries,
                                          const model::KeySchema& schema) {
    for (const auto& entry : entries) {
        if (auto ok = checkLegacyOperands(entry.op, entry.values, true); !ok) return ok.takeError();
    }
    if (entries.size() != 1 && entries.size() != 2) {
        return validationError("Conditions can be of length 1 or 2 only");
    }
    auto find = [&](const std::string& name) -> const KeyConditionEntry* {
        for (const auto& entry : entries) {
            if (entry.attribute == name) return &entry;
        }
        return nullptr;
    };
    if (!schema.sort && entries.size() > 1) {
        return validationError("Query key condition not supported");
    }
    const KeyConditionEntry* partition = find(schema.partition.name);
    if (auto ok = checkKeyAttribute(partition, schema.partition, true, entries.size()); !ok) {
        return ok.takeError();
    }
    const KeyConditionEntry* sort = schema.sort ? find(schema.sort->name) : nullptr;
    if (schema.sort) {
        if (auto ok = checkKeyAttribute(sort, *schema.sort, false, entries.size()); !ok) {
            return ok.takeError();
        }
    }
    KeyCondition condition;
    condition.partitionValue = partition->values.front();
    if (sort) {
        condition.sortOp = sortOpFor(sort->op);
        condition.sortValue = sort->values.front();
        if (sort->values.size() > 1) condition.sortUpperBound = sort->values[1];
    }
    return condition;
}

}  // namespace detail

Result<KeyCondition> parseKeyCondition(std::string_view text, Placeholders& placeholders,
                                       const model::KeySchema& schema) {
    using namespace detail;
    auto root = buildCondition(text, placeholders, "KeyConditionExpression");
    if (!root) return root.takeError();
    std::vector<const ConditionNode*> leaves;
    flatten(*root.value(), leaves);
    std::vector<KeyConditionEntry> entries;
    for (const ConditionNode* leaf : leaves) {
        auto entry = entryFor(*leaf);
        if (!entry) return entry.takeError();
        for (const auto& earlier : entries) {
            if (earlier.attribute == entry->attribute) {
                return validationError(
                    "KeyConditionExpressions must only contain one condition per key");
            }
        }
        entries.push_back(std::move(entry.value()));
    }
    return resolveKeyConditions(entries, schema);
}

Result<KeyCondition> keyConditionFromLegacy(const std::vector<LegacyCondition>& conditions,
                                            const model::KeySchema& schema) {
    std::vector<detail::KeyConditionEntry> entries;
    for (const LegacyCondition& c : conditions) {
        entries.push_back(
            {c.attributeName, c.comparisonOperator.value_or(""), c.attributeValueList});
    }
    return detail::resolveKeyConditions(entries, schema);
}

}  // namespace shardscope::expr

// SPDX-License-Identifier: MIT
#include "expr/ast.h"
#include "expr/keycondition.h"

// The pre-expression parameters: Expected, QueryFilter / ScanFilter (conditions) and
// AttributeUpdates (updates). Key conditions live in keycondition.cpp.
namespace shardscope::expr {

namespace {

using model::Type;

Error invalidParameter(const std::string& message) {
    return validationError("One or more parameter values were invalid: " + message);
}

Operand pathOperand(const std::string& name) {
    Operand operand;
    operand.kind = OperandKind::Path;
    operand.path = Path{PathElement{name, -1}};
    return operand;
}

Operand valueOperand(const AttributeValue& value) {
    Operand operand;
    operand.kind = OperandKind::Value;
    operand.value = value;
    return operand;
}

void setKindFor(const std::string& op, ConditionNode& node) {
    static const std::map<std::string, std::pair<ConditionKind, CompareOp>, std::less<>> kKinds = {
        {"EQ", {ConditionKind::Compare, CompareOp::Equal}},
        {"NE", {ConditionKind::Compare, CompareOp::NotEqual}},
        {"LT", {ConditionKind::Compare, CompareOp::Less}},
        {"LE", {ConditionKind::Compare, CompareOp::LessOrEqual}},
        {"GT", {ConditionKind::Compare, CompareOp::Greater}},
        {"GE", {ConditionKind::Compare, CompareOp::GreaterOrEqual}},
        {"NULL", {ConditionKind::NotExists, CompareOp::Equal}},
        {"NOT_NULL", {ConditionKind::Exists, CompareOp::Equal}},
        {"CONTAINS", {ConditionKind::Contains, CompareOp::Equal}},
        {"NOT_CONTAINS", {ConditionKind::NotContains, CompareOp::Equal}},
        {"BEGINS_WITH", {ConditionKind::BeginsWith, CompareOp::Equal}},
        {"IN", {ConditionKind::In, CompareOp::Equal}},
        {"BETWEEN", {ConditionKind::Between, CompareOp::Equal}},
    };
    const auto& [kind, compare] = kKinds.at(op);
    node.kind = kind;
    node.op = compare;
}

// Expected's shorthand: {Value} means "equals", {Exists:false} means "is absent".
Result<ConditionNode> shorthandNode(const LegacyCondition& c) {
    const std::string& name = c.attributeName;
    if (!c.attributeValueList.empty()) {
        return invalidParameter(
            "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
    }
    const bool exists = c.exists.value_or(true);
    if (exists && !c.value) {
        return invalidParameter("Value must be provided when Exists is " +
                                std::string(c.exists ? "true" : "null") +
                                " for Attribute: " + name);
    }
    if (!exists && c.value) {
        return invalidParameter("Value cannot be used when Exists is false for Attribute: " + name);
    }
    ConditionNode node;
    node.operands.push_back(pathOperand(name));
    if (exists) {
        node.kind = ConditionKind::Compare;
        node.op = CompareOp::Equal;
        node.operands.push_back(valueOperand(*c.value));
    } else {
        node.kind = ConditionKind::NotExists;
    }
    return node;
}

Result<ConditionNode> legacyNode(const LegacyCondition& c) {
    if (!c.comparisonOperator) return shorthandNode(c);
    const std::string& name = c.attributeName;
    const std::string& op = *c.comparisonOperator;
    if (c.exists) {
        return invalidParameter(
            "Exists and ComparisonOperator cannot be used together for Attribute: " + name);
    }
    if (c.value && !c.attributeValueList.empty()) {
        return invalidParameter(
            "Value and AttributeValueList cannot be used together for Attribute: " + name);
    }
    std::vector<AttributeValue> values = c.attributeValueList;
    if (c.value) values.push_back(*c.value);
    // EQ and NE compare any type (lists and maps included); the others are checked by type.
    const bool checkTypes = op != "EQ" && op != "NE";
    if (auto ok = detail::checkLegacyOperands(op, values, checkTypes); !ok) return ok.takeError();
    ConditionNode node;
    setKindFor(op, node);
    node.operands.push_back(pathOperand(name));
    for (const AttributeValue& value : values) node.operands.push_back(valueOperand(value));
    return node;
}

Result<std::shared_ptr<UpdateAction>> legacyAction(const LegacyUpdate& u) {
    auto action = std::make_shared<UpdateAction>();
    action->legacy = true;
    action->path = Path{PathElement{u.attributeName, -1}};
    if (u.action != "PUT" && u.action != "ADD" && u.action != "DELETE") {
        return validationError("1 validation error detected: Value '" + u.action +
                               "' at 'attributeUpdates." + u.attributeName +
                               ".member.action' failed to satisfy constraint: Member must "
                               "satisfy enum value set: [ADD, PUT, DELETE]");
    }
    if (!u.value) {
        if (u.action != "DELETE") {
            return invalidParameter(
                "Only DELETE action is allowed when no attribute value is specified");
        }
        action->kind = UpdateKind::Remove;
        return action;
    }
    const Type type = u.value->type();
    if (u.action == "DELETE" && !u.value->isSet()) {
        return invalidParameter("DELETE action with value is not supported for the type " +
                                std::string(model::typeName(type)));
    }
    if (u.action == "ADD" && !u.value->isSet() && type != Type::N && type != Type::L) {
        return invalidParameter("ADD action is not supported for the type " +
                                std::string(model::typeName(type)));
    }
    action->kind = u.action == "PUT"   ? UpdateKind::Set
                   : u.action == "ADD" ? UpdateKind::Add
                                       : UpdateKind::Delete;
    action->value = valueOperand(*u.value);
    return action;
}

}  // namespace

Result<Condition> conditionFromLegacy(const std::vector<LegacyCondition>& conditions, bool useOr) {
    Condition condition;
    if (conditions.empty()) return condition;
    auto root = std::make_shared<ConditionNode>();
    root->kind = useOr ? ConditionKind::Or : ConditionKind::And;
    for (const LegacyCondition& c : conditions) {
        auto node = legacyNode(c);
        if (!node) return node.takeError();
        root->children.push_back(std::move(node.value()));
    }
    condition.root = std::move(root);
    return condition;
}

Result<Update> updateFromLegacy(const std::vector<LegacyUpdate>& updates) {
    Update update;
    update.legacy = true;
    for (const LegacyUpdate& u : updates) {
        auto action = legacyAction(u);
        if (!action) return action.takeError();
        update.actions.push_back(std::move(action.value()));
    }
    return update;
}

}  // namespace shardscope::expr

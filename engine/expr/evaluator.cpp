// SPDX-License-Identifier: MIT
#include "expr/evaluator.h"

#include <algorithm>

#include "expr/document.h"

namespace shardscope::expr::detail {

namespace {

using model::Type;

bool isScalar(Type type) {
    return type == Type::S || type == Type::N || type == Type::B;
}

int compareBytes(std::string_view a, std::string_view b) {
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        const auto x = static_cast<unsigned char>(a[i]);
        const auto y = static_cast<unsigned char>(b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

bool orderedTogether(const AttributeValue* a, const AttributeValue* b) {
    return a && b && a->type() == b->type() && isScalar(a->type());
}

bool compare(const ConditionNode& node, const Item* item) {
    AttributeValue s0;
    AttributeValue s1;
    const AttributeValue* a = resolveOperand(node.operands[0], item, s0);
    const AttributeValue* b = resolveOperand(node.operands[1], item, s1);
    if (node.op == CompareOp::NotEqual) return !a || !b || *a != *b;
    if (!a || !b) return false;
    if (node.op == CompareOp::Equal) return *a == *b;
    if (!orderedTogether(a, b)) return false;
    const int c = compareScalars(*a, *b);
    switch (node.op) {
        case CompareOp::Less:
            return c < 0;
        case CompareOp::LessOrEqual:
            return c <= 0;
        case CompareOp::Greater:
            return c > 0;
        default:
            return c >= 0;
    }
}

bool between(const ConditionNode& node, const Item* item) {
    AttributeValue s0;
    AttributeValue s1;
    AttributeValue s2;
    const AttributeValue* v = resolveOperand(node.operands[0], item, s0);
    const AttributeValue* lo = resolveOperand(node.operands[1], item, s1);
    const AttributeValue* hi = resolveOperand(node.operands[2], item, s2);
    if (!orderedTogether(v, lo) || !orderedTogether(v, hi)) return false;
    return compareScalars(*lo, *v) <= 0 && compareScalars(*v, *hi) <= 0;
}

bool in(const ConditionNode& node, const Item* item) {
    AttributeValue scratch;
    const AttributeValue* v = resolveOperand(node.operands[0], item, scratch);
    if (!v) return false;
    for (size_t i = 1; i < node.operands.size(); ++i) {
        AttributeValue s;
        const AttributeValue* candidate = resolveOperand(node.operands[i], item, s);
        if (candidate && *candidate == *v) return true;
    }
    return false;
}

bool function(const ConditionNode& node, const Item* item) {
    AttributeValue s0;
    AttributeValue s1;
    const AttributeValue* a = resolveOperand(node.operands[0], item, s0);
    switch (node.kind) {
        case ConditionKind::Exists:
            return a != nullptr;
        case ConditionKind::NotExists:
            return a == nullptr;
        case ConditionKind::HasType:
            return a && a->type() == node.type;
        default:
            break;
    }
    const AttributeValue* b = resolveOperand(node.operands[1], item, s1);
    if (!a || !b) return false;
    if (node.kind == ConditionKind::NotContains) return !containsValue(*a, *b);
    return node.kind == ConditionKind::BeginsWith ? beginsWith(*a, *b) : containsValue(*a, *b);
}

}  // namespace

int compareScalars(const AttributeValue& a, const AttributeValue& b) {
    if (a.is(Type::N)) return a.asNumber().compare(b.asNumber());
    return compareBytes(a.asString(), b.asString());
}

const AttributeValue* resolveOperand(const Operand& operand, const Item* item,
                                     AttributeValue& scratch) {
    switch (operand.kind) {
        case OperandKind::Value:
            return &operand.value;
        case OperandKind::Path:
            return item ? findPath(*item, operand.path) : nullptr;
        case OperandKind::Size: {
            AttributeValue inner;
            const AttributeValue* v = resolveOperand(operand.args[0], item, inner);
            if (!v) return nullptr;
            int64_t size = 0;
            if (v->is(Type::S) || v->is(Type::B)) {
                size = int64_t(v->asString().size());
            } else if (v->isSet() || v->is(Type::L) || v->is(Type::M)) {
                size = int64_t(v->memberCount());
            } else {
                return nullptr;
            }
            scratch = AttributeValue::number(model::Number::fromInt(size));
            return &scratch;
        }
        default:
            return nullptr;
    }
}

bool beginsWith(const AttributeValue& value, const AttributeValue& prefix) {
    if (value.type() != prefix.type() || (!value.is(Type::S) && !value.is(Type::B))) return false;
    const std::string& v = value.asString();
    const std::string& p = prefix.asString();
    return v.size() >= p.size() && v.compare(0, p.size(), p) == 0;
}

bool containsValue(const AttributeValue& haystack, const AttributeValue& needle) {
    switch (haystack.type()) {
        case Type::S:
        case Type::B:
            return needle.type() == haystack.type() &&
                   haystack.asString().find(needle.asString()) != std::string::npos;
        case Type::SS:
        case Type::BS: {
            if (needle.type() != (haystack.is(Type::SS) ? Type::S : Type::B)) return false;
            const auto& members = haystack.asStringSet();
            return std::find(members.begin(), members.end(), needle.asString()) != members.end();
        }
        case Type::NS: {
            if (!needle.is(Type::N)) return false;
            const auto& members = haystack.asNumberSet();
            return std::any_of(members.begin(), members.end(), [&](const model::Number& n) {
                return n.compare(needle.asNumber()) == 0;
            });
        }
        case Type::L: {
            const auto& list = haystack.asList();
            return std::find(list.begin(), list.end(), needle) != list.end();
        }
        default:
            return false;
    }
}

bool evaluateNode(const ConditionNode& node, const Item* item) {
    switch (node.kind) {
        case ConditionKind::And:
            return std::all_of(node.children.begin(), node.children.end(),
                               [&](const ConditionNode& c) { return evaluateNode(c, item); });
        case ConditionKind::Or:
            return std::any_of(node.children.begin(), node.children.end(),
                               [&](const ConditionNode& c) { return evaluateNode(c, item); });
        case ConditionKind::Not:
            return !evaluateNode(node.children[0], item);
        case ConditionKind::Compare:
            return compare(node, item);
        case ConditionKind::Between:
            return between(node, item);
        case ConditionKind::In:
            return in(node, item);
        default:
            return function(node, item);
    }
}

}  // namespace shardscope::expr::detail

namespace shardscope::expr {

Result<bool> Condition::evaluate(const Item* item) const {
    if (!root) return true;
    return detail::evaluateNode(*root, item);
}

}  // namespace shardscope::expr

// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

#include "expr/expression.h"

// The checked, placeholder-free trees the parsers build and the evaluators walk. Private to the
// module; expression.h only forward-declares them.
namespace shardscope::expr {

enum class OperandKind : uint8_t { Path, Value, Size, IfNotExists, ListAppend, Plus, Minus };

// A value-producing term: a document path, a literal (placeholders already substituted), or a
// function of other operands.
struct Operand {
    OperandKind kind = OperandKind::Value;
    Path path;             // Path
    AttributeValue value;  // Value
    std::vector<Operand> args;
};

enum class CompareOp : uint8_t { Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual };

enum class ConditionKind : uint8_t {
    Compare,    // operands[0] op operands[1]
    Between,    // operands[0] BETWEEN operands[1] AND operands[2]
    In,         // operands[0] IN (operands[1..])
    Exists,     // attribute_exists(operands[0])
    NotExists,  // attribute_not_exists(operands[0])
    HasType,    // attribute_type(operands[0], type)
    BeginsWith,
    Contains,
    NotContains,  // legacy NOT_CONTAINS: false when the attribute is missing
    And,          // children, left to right, short-circuit
    Or,
    Not,  // children[0]
};

struct ConditionNode {
    ConditionKind kind = ConditionKind::And;
    CompareOp op = CompareOp::Equal;
    model::Type type = model::Type::S;  // HasType
    std::vector<Operand> operands;
    std::vector<ConditionNode> children;
};

enum class UpdateKind : uint8_t { Set, Remove, Add, Delete };

struct UpdateAction {
    UpdateKind kind = UpdateKind::Set;
    Path path;
    Operand value;  // Set: the right-hand side; Add/Delete: a Value operand; Remove: unused
    // Legacy AttributeUpdates ADD also accepts lists (appended); DELETE with no value removes.
    bool legacy = false;
};

struct ProjectionData {
    std::vector<Path> paths;
};

}  // namespace shardscope::expr

// SPDX-License-Identifier: MIT
#pragma once

#include "expr/ast.h"

// Condition evaluation (§3.3), shared by ConditionExpression, FilterExpression and the legacy
// Expected / QueryFilter / ScanFilter forms.
namespace shardscope::expr::detail {

// Orders two values of the same scalar type (S, N or B): numbers by value, strings and binaries
// by unsigned bytes (§1.5). <0, 0, >0.
int compareScalars(const AttributeValue& a, const AttributeValue& b);

// The value of a condition operand, or nullptr when it has none (a missing path, or size() of a
// type without a size). `scratch` holds computed values.
const AttributeValue* resolveOperand(const Operand& operand, const Item* item,
                                     AttributeValue& scratch);

bool evaluateNode(const ConditionNode& node, const Item* item);

bool containsValue(const AttributeValue& haystack, const AttributeValue& needle);
bool beginsWith(const AttributeValue& value, const AttributeValue& prefix);

}  // namespace shardscope::expr::detail

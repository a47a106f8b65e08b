// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "expr/expression.h"

namespace shardscope::expr::detail {

// One key condition in the legacy KeyConditions shape, which KeyConditionExpression is first
// converted to, so both forms share the schema checks and their messages.
struct KeyConditionEntry {
    std::string attribute;
    std::string op;  // EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH, or anything else (rejected)
    std::vector<AttributeValue> values;
};

// Arity and value-type checks of legacy ComparisonOperator conditions (shared with
// QueryFilter/ScanFilter/Expected).
Result<void> checkLegacyOperands(const std::string& op, const std::vector<AttributeValue>& values,
                                 bool checkTypes);

Result<KeyCondition> resolveKeyConditions(const std::vector<KeyConditionEntry>& entries,
                                          const model::KeySchema& schema);

}  // namespace shardscope::expr::detail

// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string_view>

#include "expr/semantic.h"

namespace shardscope::expr::detail {

// Turns a raw condition tree into a checked ConditionNode, noting DynamoDB's semantic errors
// (function misuse, operand counts, literal operand types) in the resolver's diagnostics.
class ConditionBuilder {
public:
    explicit ConditionBuilder(Resolver& resolver) : m_resolver(resolver) {}

    void condition(const RawNode& raw, ConditionNode& out);
    void operand(const RawNode& raw, Operand& out);

private:
    void call(const RawNode& raw, ConditionNode& out);
    void comparison(const RawNode& raw, ConditionNode& out);
    void checkCompare(const ConditionNode& node);
    void checkBetween(const ConditionNode& node);
    void checkFunction(std::string_view name, ConditionNode& node);
    void checkDistinct(std::string_view op, const std::vector<Operand>& operands);
    void checkOrderable(std::string_view what, const Operand& operand);
    bool knownFunction(const RawNode& raw, FunctionRole expected);
    void report(Check check, std::string message);

    Resolver& m_resolver;
};

// Parses and checks a condition-grammar expression (conditions, filters, key conditions).
Result<std::shared_ptr<const ConditionNode>> buildCondition(std::string_view text,
                                                            Placeholders& placeholders,
                                                            std::string_view expressionName);

}  // namespace shardscope::expr::detail

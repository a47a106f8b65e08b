// SPDX-License-Identifier: MIT
#include "expr/conditionbuilder.h"

#include "expr/evaluator.h"

namespace shardscope::expr::detail {

namespace {

constexpr size_t kMaxInOperands = 100;

std::string_view comparatorText(CompareOp op) {
    switch (op) {
        case CompareOp::Equal:
            return "=";
        case CompareOp::NotEqual:
            return "<>";
        case CompareOp::Less:
            return "<";
        case CompareOp::LessOrEqual:
            return "<=";
        case CompareOp::Greater:
            return ">";
        case CompareOp::GreaterOrEqual:
            return ">=";
    }
    return "";
}

bool isOrderableType(model::Type type) {
    return type == model::Type::S || type == model::Type::N || type == model::Type::B;
}

std::string operandTypeMessage(std::string_view prefix, std::string_view what,
                               std::string_view type) {
    std::string message = "Incorrect operand type for operator or function; ";
    message += prefix;
    message += what;
    message += ", operand type: ";
    message += type;
    return message;
}

ConditionKind functionKind(std::string_view name) {
    if (name == "attribute_exists") return ConditionKind::Exists;
    if (name == "attribute_not_exists") return ConditionKind::NotExists;
    if (name == "attribute_type") return ConditionKind::HasType;
    if (name == "begins_with") return ConditionKind::BeginsWith;
    return ConditionKind::Contains;
}

}  // namespace

void ConditionBuilder::report(Check check, std::string message) {
    m_resolver.diagnostics().report(check, std::move(message));
}

void ConditionBuilder::condition(const RawNode& raw, ConditionNode& out) {
    switch (raw.kind) {
        case RawKind::And:
        case RawKind::Or:
        case RawKind::Not:
            out.kind = raw.kind == RawKind::And  ? ConditionKind::And
                       : raw.kind == RawKind::Or ? ConditionKind::Or
                                                 : ConditionKind::Not;
            out.children.resize(raw.children.size());
            for (size_t i = 0; i < raw.children.size(); ++i) {
                condition(raw.children[i], out.children[i]);
            }
            return;
        case RawKind::Call:
            call(raw, out);
            return;
        default:
            comparison(raw, out);
    }
}

bool ConditionBuilder::knownFunction(const RawNode& raw, FunctionRole expected) {
    const FunctionInfo* info = findFunction(raw.text);
    const std::string name(raw.text);
    if (!info) {
        report(Check::FunctionName, "Invalid function name; function: " + name);
        return false;
    }
    if (info->role == FunctionRole::Update) {
        report(Check::FunctionPlace,
               "The function is not allowed in a condition expression; function: " + name);
        return false;
    }
    if (info->role != expected) {
        report(
            Check::Misuse,
            "The function is not allowed to be used this way in an expression; function: " + name);
        return false;
    }
    if (raw.children.size() != info->arity) {
        report(Check::Operands,
               "Incorrect number of operands for operator or function; operator or function: " +
                   name + ", number of operands: " + std::to_string(raw.children.size()));
        return false;
    }
    return true;
}

void ConditionBuilder::call(const RawNode& raw, ConditionNode& out) {
    if (!knownFunction(raw, FunctionRole::Condition)) return;
    out.kind = functionKind(raw.text);
    out.operands.resize(raw.children.size());
    for (size_t i = 0; i < raw.children.size(); ++i) operand(raw.children[i], out.operands[i]);
    checkFunction(raw.text, out);
}

void ConditionBuilder::checkFunction(std::string_view name, ConditionNode& node) {
    const std::string fn(name);
    if (node.kind != ConditionKind::BeginsWith && node.kind != ConditionKind::Contains &&
        node.operands[0].kind != OperandKind::Path) {
        report(Check::Operands,
               "Operator or function requires a document path; operator or function: " + fn);
    }
    if (node.operands.size() == 2) checkDistinct(fn, node.operands);
    if (node.kind == ConditionKind::BeginsWith) {
        for (const Operand& op : node.operands) {
            const auto type = staticType(op);
            if (type && *type != model::Type::S && *type != model::Type::B) {
                report(Check::Types,
                       operandTypeMessage("operator or function: ", fn, model::typeName(*type)));
            }
        }
    }
    if (node.kind == ConditionKind::HasType) {
        const auto type = staticType(node.operands[1]);
        if (!type || *type != model::Type::S) {
            report(Check::Types,
                   operandTypeMessage("operator or function: ", fn,
                                      type ? model::typeName(*type)
                                           : std::string_view("{NS,SS,L,BS,N,M,B,BOOL,NULL,S}")));
            return;
        }
        model::Type parsed;
        if (!model::typeFromName(node.operands[1].value.asString(), parsed)) {
            report(Check::Types,
                   "Invalid attribute type name found; type: " + node.operands[1].value.asString() +
                       ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            return;
        }
        node.type = parsed;
    }
}

void ConditionBuilder::operand(const RawNode& raw, Operand& out) {
    if (raw.kind == RawKind::Path) {
        out.kind = OperandKind::Path;
        out.path = m_resolver.path(raw);
        return;
    }
    if (raw.kind == RawKind::Value) {
        out.kind = OperandKind::Value;
        out.value = m_resolver.value(raw.text);
        return;
    }
    // The syntax layer lets only calls reach here besides paths and values.
    if (!knownFunction(raw, FunctionRole::Value)) return;
    out.kind = OperandKind::Size;
    out.args.resize(1);
    operand(raw.children[0], out.args[0]);
    const auto type = staticType(out.args[0]);
    if (type &&
        (*type == model::Type::N || *type == model::Type::BOOL || *type == model::Type::NULL_)) {
        report(Check::Types,
               operandTypeMessage("operator or function: ", "size", model::typeName(*type)));
    }
}

void ConditionBuilder::comparison(const RawNode& raw, ConditionNode& out) {
    out.kind = raw.kind == RawKind::Compare   ? ConditionKind::Compare
               : raw.kind == RawKind::Between ? ConditionKind::Between
                                              : ConditionKind::In;
    out.op = raw.op;
    out.operands.resize(raw.children.size());
    for (size_t i = 0; i < raw.children.size(); ++i) operand(raw.children[i], out.operands[i]);
    if (out.kind == ConditionKind::Compare) {
        checkCompare(out);
    } else if (out.kind == ConditionKind::Between) {
        checkBetween(out);
    } else if (out.operands.size() > kMaxInOperands) {
        // [?] wording unverified; the limit itself is documented (§0).
        report(Check::Operands,
               "The IN operator is provided with too many operands; number of operands: " +
                   std::to_string(out.operands.size()));
    }
}

void ConditionBuilder::checkDistinct(std::string_view op, const std::vector<Operand>& operands) {
    if (operands[0].kind != OperandKind::Path || operands[1].kind != OperandKind::Path ||
        operands[0].path != operands[1].path) {
        return;
    }
    report(Check::Operands,
           "The first operand must be distinct from the remaining operands for this operator or "
           "function; operator: " +
               std::string(op) + ", first operand: " + pathToString(operands[0].path));
}

void ConditionBuilder::checkOrderable(std::string_view what, const Operand& operand) {
    const auto type = staticType(operand);
    if (type && !isOrderableType(*type)) {
        report(Check::Types, operandTypeMessage("operator: ", what, model::typeName(*type)));
    }
}

void ConditionBuilder::checkCompare(const ConditionNode& node) {
    const std::string_view op = comparatorText(node.op);
    checkDistinct(op, node.operands);
    if (node.op == CompareOp::Equal || node.op == CompareOp::NotEqual) return;
    for (const Operand& operand : node.operands) checkOrderable(op, operand);
}

void ConditionBuilder::checkBetween(const ConditionNode& node) {
    for (const Operand& operand : node.operands) checkOrderable("BETWEEN", operand);
    const Operand& lower = node.operands[1];
    const Operand& upper = node.operands[2];
    if (lower.kind != OperandKind::Value || upper.kind != OperandKind::Value) return;
    if (!isOrderableType(lower.value.type()) || !isOrderableType(upper.value.type())) return;
    const std::string bounds = "lower bound operand: " + describeLiteral(lower.value) +
                               ", upper bound operand: " + describeLiteral(upper.value);
    if (lower.value.type() != upper.value.type()) {
        report(
            Check::Types,
            "The BETWEEN operator requires same data type for lower and upper bounds; " + bounds);
    } else if (compareScalars(lower.value, upper.value) > 0) {
        report(Check::Types,
               "The BETWEEN operator requires upper bound to be greater than or equal to lower "
               "bound; " +
                   bounds);
    }
}

Result<std::shared_ptr<const ConditionNode>> buildCondition(std::string_view text,
                                                            Placeholders& placeholders,
                                                            std::string_view expressionName) {
    if (auto checked = checkExpressionText(text, expressionName); !checked) {
        return checked.takeError();
    }
    SyntaxParser parser(text, Grammar::Condition);
    RawNode raw;
    if (!parser.parseCondition(raw)) return invalidExpression(expressionName, parser.error());
    Diagnostics diagnostics;
    if (parser.sawRedundantParentheses()) {
        diagnostics.report(Check::Parentheses, "The expression has redundant parentheses;");
    }
    Resolver resolver(placeholders, diagnostics, true);
    auto node = std::make_shared<ConditionNode>();
    ConditionBuilder(resolver).condition(raw, *node);
    if (diagnostics.any()) {
        return invalidExpression(
            expressionName,
            diagnostics.pick({Check::Parentheses, Check::FunctionName, Check::FunctionPlace,
                              Check::Misuse, Check::Reserved, Check::UndefinedValue,
                              Check::Operands, Check::Types}));
    }
    return std::shared_ptr<const ConditionNode>(std::move(node));
}

}  // namespace shardscope::expr::detail

namespace shardscope::expr {

Result<Condition> parseCondition(std::string_view text, Placeholders& placeholders,
                                 std::string_view expressionName) {
    auto root = detail::buildCondition(text, placeholders, expressionName);
    if (!root) return root.takeError();
    Condition condition;
    condition.root = std::move(root.value());
    return condition;
}

}  // namespace shardscope::expr

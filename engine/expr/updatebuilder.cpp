// SPDX-License-Identifier: MIT
#include "expr/semantic.h"

// UpdateExpression parsing and its static checks (§3.2).
namespace shardscope::expr {

namespace detail {
namespace {

std::string_view clauseName(UpdateKind kind) {
    switch (kind) {
        case UpdateKind::Set:
            return "SET";
        case UpdateKind::Remove:
            return "REMOVE";
        case UpdateKind::Add:
            return "ADD";
        case UpdateKind::Delete:
            return "DELETE";
    }
    return "";
}

// What a right-hand side is known to produce before reading the item (dynalite calls this the
// operand's attrType): literals, the results of +, - and list_append, and if_not_exists' default.
std::optional<model::Type> producedType(const Operand& operand) {
    switch (operand.kind) {
        case OperandKind::Value:
            return operand.value.type();
        case OperandKind::Plus:
        case OperandKind::Minus:
            return model::Type::N;
        case OperandKind::ListAppend:
            return model::Type::L;
        case OperandKind::IfNotExists:
            return producedType(operand.args[1]);
        default:
            return std::nullopt;
    }
}

class UpdateBuilder {
public:
    explicit UpdateBuilder(Resolver& resolver) : m_resolver(resolver) {}

    void operand(const RawNode& raw, Operand& out);
    void checkAddDelete(UpdateKind kind, const AttributeValue& value);

private:
    void call(const RawNode& raw, Operand& out);
    void arithmetic(const RawNode& raw, Operand& out);
    void report(Check check, std::string message) {
        m_resolver.diagnostics().report(check, std::move(message));
    }
    void wrongType(std::string_view function, model::Type type) {
        report(Check::Types,
               "Incorrect operand type for operator or function; operator or function: " +
                   std::string(function) + ", operand type: " + std::string(model::typeName(type)));
    }

    Resolver& m_resolver;
};

void UpdateBuilder::operand(const RawNode& raw, Operand& out) {
    switch (raw.kind) {
        case RawKind::Path:
            out.kind = OperandKind::Path;
            out.path = m_resolver.path(raw);
            return;
        case RawKind::Value:
            out.kind = OperandKind::Value;
            out.value = m_resolver.value(raw.text);
            return;
        case RawKind::Plus:
        case RawKind::Minus:
            arithmetic(raw, out);
            return;
        default:
            call(raw, out);
    }
}

void UpdateBuilder::arithmetic(const RawNode& raw, Operand& out) {
    out.kind = raw.kind == RawKind::Plus ? OperandKind::Plus : OperandKind::Minus;
    out.args.resize(2);
    for (size_t i = 0; i < 2; ++i) operand(raw.children[i], out.args[i]);
    for (const Operand& arg : out.args) {
        const auto type = producedType(arg);
        if (type && *type != model::Type::N) {
            wrongType(raw.kind == RawKind::Plus ? "+" : "-", *type);
        }
    }
}

void UpdateBuilder::call(const RawNode& raw, Operand& out) {
    const std::string name(raw.text);
    const FunctionInfo* info = findFunction(raw.text);
    if (!info) {
        report(Check::FunctionName, "Invalid function name; function: " + name);
        return;
    }
    if (info->role != FunctionRole::Update) {
        report(Check::FunctionPlace,
               "The function is not allowed in an update expression; function: " + name);
        return;
    }
    if (raw.children.size() != info->arity) {
        report(Check::Operands,
               "Incorrect number of operands for operator or function; operator or function: " +
                   name + ", number of operands: " + std::to_string(raw.children.size()));
        return;
    }
    out.kind = name == "if_not_exists" ? OperandKind::IfNotExists : OperandKind::ListAppend;
    out.args.resize(2);
    for (size_t i = 0; i < 2; ++i) operand(raw.children[i], out.args[i]);
    if (out.kind == OperandKind::IfNotExists) {
        if (out.args[0].kind != OperandKind::Path) {
            report(Check::Operands,
                   "Operator or function requires a document path; operator or function: " + name);
        }
        return;
    }
    for (const Operand& arg : out.args) {
        if (arg.kind == OperandKind::Value && !arg.value.is(model::Type::L)) {
            wrongType(name, arg.value.type());
        }
    }
}

void UpdateBuilder::checkAddDelete(UpdateKind kind, const AttributeValue& value) {
    const bool ok = value.isSet() || (kind == UpdateKind::Add && value.is(model::Type::N));
    if (ok) return;
    const std::string_view op = clauseName(kind);
    report(Check::Operands,
           "Incorrect operand type for operator or function; operator: " + std::string(op) +
               ", operand type: " + std::string(longTypeName(value.type())) +
               ", typeSet: ALLOWED_FOR_" + std::string(op) + "_OPERAND");
}

void buildActions(const std::vector<RawClause>& clauses, Resolver& resolver, Update& update) {
    UpdateBuilder builder(resolver);
    Diagnostics& diagnostics = resolver.diagnostics();
    bool seen[4] = {false, false, false, false};
    std::vector<Path> paths;
    for (const RawClause& clause : clauses) {
        if (seen[size_t(clause.kind)]) {
            diagnostics.report(Check::Section, "The \"" + std::string(clauseName(clause.kind)) +
                                                   "\" section can only be used once in an update "
                                                   "expression;");
        }
        seen[size_t(clause.kind)] = true;
        for (const RawUpdateItem& item : clause.items) {
            auto action = std::make_shared<UpdateAction>();
            action->kind = clause.kind;
            action->path = resolver.path(item.path);
            if (clause.kind == UpdateKind::Set) {
                builder.operand(item.value, action->value);
            } else if (clause.kind != UpdateKind::Remove) {
                action->value.kind = OperandKind::Value;
                action->value.value = resolver.value(item.value.text);
                builder.checkAddDelete(clause.kind, action->value.value);
            }
            paths.push_back(action->path);
            update.actions.push_back(std::move(action));
        }
    }
    checkOverlaps(paths, diagnostics);
}

}  // namespace
}  // namespace detail

Result<Update> parseUpdate(std::string_view text, Placeholders& placeholders) {
    using namespace detail;
    constexpr std::string_view kName = "UpdateExpression";
    if (auto checked = checkExpressionText(text, kName); !checked) return checked.takeError();
    SyntaxParser parser(text, Grammar::Update);
    std::vector<RawClause> clauses;
    if (!parser.parseUpdate(clauses)) return invalidExpression(kName, parser.error());
    Diagnostics diagnostics;
    Resolver resolver(placeholders, diagnostics, false);
    Update update;
    buildActions(clauses, resolver, update);
    if (diagnostics.any()) {
        return invalidExpression(
            kName,
            diagnostics.pick({Check::Reserved, Check::FunctionName, Check::FunctionPlace,
                              Check::Section, Check::UndefinedName, Check::UndefinedValue,
                              Check::Overlap, Check::Conflict, Check::Operands, Check::Types}));
    }
    return update;
}

}  // namespace shardscope::expr

// SPDX-License-Identifier: MIT
#include "expr/semantic.h"

#include "expr/reservedwords.h"
#include "model/json.h"

namespace shardscope::expr::detail {

namespace {

constexpr size_t kMaxExpressionBytes = 4096;
constexpr size_t kMaxPlaceholderBytes = 255;

bool samePrefixKinds(const Path& a, const Path& b, size_t& diverge) {
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        if (a[i].isIndex() != b[i].isIndex()) {
            diverge = i;
            return false;
        }
        if (a[i] != b[i]) {
            diverge = i;
            return true;
        }
    }
    diverge = n;
    return true;
}

constexpr std::array<FunctionInfo, 8> kFunctions = {{
    {"attribute_exists", 1, FunctionRole::Condition},
    {"attribute_not_exists", 1, FunctionRole::Condition},
    {"attribute_type", 2, FunctionRole::Condition},
    {"begins_with", 2, FunctionRole::Condition},
    {"contains", 2, FunctionRole::Condition},
    {"size", 1, FunctionRole::Value},
    {"if_not_exists", 2, FunctionRole::Update},
    {"list_append", 2, FunctionRole::Update},
}};

}  // namespace

const FunctionInfo* findFunction(std::string_view name) {
    for (const auto& f : kFunctions) {
        if (f.name == name) return &f;
    }
    return nullptr;
}

void Diagnostics::report(Check check, std::string message) {
    auto& slot = m_messages[size_t(check)];
    if (!slot) slot = std::move(message);
}

bool Diagnostics::any() const {
    for (const auto& m : m_messages) {
        if (m) return true;
    }
    return false;
}

std::string Diagnostics::pick(std::initializer_list<Check> order) const {
    for (Check check : order) {
        if (const auto& m = m_messages[size_t(check)]) return *m;
    }
    for (const auto& m : m_messages) {
        if (m) return *m;
    }
    return {};
}

Path Resolver::path(const RawNode& node) {
    Path path;
    path.reserve(node.path.size());
    for (const RawStep& step : node.path) {
        if (step.kind == TokenKind::Integer) {
            path.push_back(PathElement{{}, step.index});
            continue;
        }
        if (step.kind == TokenKind::Name) {
            if (isReservedWord(step.text)) {
                m_diagnostics.report(Check::Reserved,
                                     "Attribute name is a reserved keyword; reserved keyword: " +
                                         std::string(step.text));
            }
            path.push_back(PathElement{std::string(step.text), -1});
            continue;
        }
        const std::string* name = m_placeholders.name(step.text);
        if (!name) {
            m_diagnostics.report(
                m_merge ? Check::UndefinedValue : Check::UndefinedName,
                "An expression attribute name used in the document path is not defined; "
                "attribute name: " +
                    std::string(step.text));
            path.push_back(PathElement{std::string(step.text), -1});
            continue;
        }
        // [?] DynamoDB's wording for over-long placeholders is not documented.
        if (step.text.size() > kMaxPlaceholderBytes) {
            m_diagnostics.report(Check::Operands,
                                 "ExpressionAttributeNames contains invalid key: The key is too "
                                 "long; key: " +
                                     std::string(step.text));
        }
        path.push_back(PathElement{*name, -1});
    }
    return path;
}

AttributeValue Resolver::value(std::string_view ref) {
    const AttributeValue* value = m_placeholders.value(ref);
    if (!value) {
        m_diagnostics.report(
            Check::UndefinedValue,
            "An expression attribute value used in expression is not defined; attribute value: " +
                std::string(ref));
        return AttributeValue::null();
    }
    if (ref.size() > kMaxPlaceholderBytes) {
        m_diagnostics.report(Check::Operands,
                             "ExpressionAttributeValues contains invalid key: The key is too "
                             "long; key: " +
                                 std::string(ref));
    }
    return *value;
}

std::string pathToString(const Path& path) {
    std::string out = "[";
    for (size_t i = 0; i < path.size(); ++i) {
        if (i > 0) out += ", ";
        if (path[i].isIndex()) {
            out += '[' + std::to_string(path[i].index) + ']';
        } else {
            out += path[i].name;
        }
    }
    out += ']';
    return out;
}

void checkOverlaps(const std::vector<Path>& paths, Diagnostics& diagnostics) {
    for (size_t j = 1; j < paths.size(); ++j) {
        for (size_t i = 0; i < j; ++i) {
            size_t diverge = 0;
            const bool compatible = samePrefixKinds(paths[i], paths[j], diverge);
            const std::string which =
                "path one: " + pathToString(paths[i]) + ", path two: " + pathToString(paths[j]);
            if (!compatible) {
                diagnostics.report(Check::Conflict,
                                   "Two document paths conflict with each other; must remove or "
                                   "rewrite one of these paths; " +
                                       which);
            } else if (diverge == std::min(paths[i].size(), paths[j].size())) {
                diagnostics.report(Check::Overlap,
                                   "Two document paths overlap with each other; must remove or "
                                   "rewrite one of these paths; " +
                                       which);
            }
        }
    }
}

std::optional<model::Type> staticType(const Operand& operand) {
    switch (operand.kind) {
        case OperandKind::Value:
            return operand.value.type();
        case OperandKind::Size:
            return model::Type::N;
        default:
            return std::nullopt;
    }
}

std::string describeLiteral(const AttributeValue& value) {
    std::string out = "AttributeValue: {";
    out += model::typeName(value.type());
    out += ':';
    switch (value.type()) {
        case model::Type::S:
            out += value.asString();
            break;
        case model::Type::N:
            out += value.asNumber().toString();
            break;
        case model::Type::B:
            out += model::base64Encode(value.asString());
            break;
        default:
            break;
    }
    out += '}';
    return out;
}

std::string_view longTypeName(model::Type type) {
    switch (type) {
        case model::Type::S:
            return "STRING";
        case model::Type::N:
            return "NUMBER";
        case model::Type::B:
            return "BINARY";
        case model::Type::BOOL:
            return "BOOLEAN";
        case model::Type::NULL_:
            return "NULL";
        case model::Type::M:
            return "MAP";
        case model::Type::L:
            return "LIST";
        case model::Type::SS:
            return "STRING SET";
        case model::Type::NS:
            return "NUMBER SET";
        case model::Type::BS:
            return "BINARY SET";
    }
    return "";
}

Error invalidExpression(std::string_view expressionName, std::string_view message) {
    std::string text = "Invalid ";
    text += expressionName;
    text += ": ";
    text += message;
    return validationError(std::move(text));
}

Result<void> checkExpressionText(std::string_view text, std::string_view expressionName) {
    if (text.empty()) return invalidExpression(expressionName, "The expression can not be empty;");
    if (text.size() > kMaxExpressionBytes) {
        return invalidExpression(
            expressionName,
            "Expression size has exceeded the maximum allowed size; expression size: " +
                std::to_string(text.size()));
    }
    return {};
}

}  // namespace shardscope::expr::detail

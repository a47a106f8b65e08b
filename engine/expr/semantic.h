// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "expr/ast.h"
#include "expr/syntax.h"

// Shared by the builders that turn raw trees into checked ones: DynamoDB reports at most one
// problem per expression, chosen by a fixed order of kinds (a reserved word before an undefined
// placeholder, and so on), so the builders note the first problem of each kind and pick at the end.
namespace shardscope::expr::detail {

enum class Check : uint8_t {
    Parentheses,
    FunctionName,   // unknown function
    FunctionPlace,  // update function in a condition, condition function in an update
    Misuse,         // size() as a condition, attribute_exists() as an operand
    Reserved,
    Section,  // a clause used twice
    UndefinedName,
    UndefinedValue,
    Overlap,
    Conflict,
    Operands,   // operand count, document path required, distinct operands
    Types,      // literal operand types
    KeySchema,  // key condition against the schema
    Count_,
};

class Diagnostics {
public:
    void report(Check check, std::string message);
    bool any() const;
    // The first message in `order`; any category missing from `order` comes after it.
    std::string pick(std::initializer_list<Check> order) const;

private:
    std::array<std::optional<std::string>, size_t(Check::Count_)> m_messages;
};

// Resolves a raw tree's names and values through the request's placeholders.
class Resolver {
public:
    // `mergeUndefined`: conditions report undefined names and values as one kind (first wins).
    Resolver(Placeholders& placeholders, Diagnostics& diagnostics, bool mergeUndefined)
        : m_placeholders(placeholders), m_diagnostics(diagnostics), m_merge(mergeUndefined) {}

    Path path(const RawNode& node);
    AttributeValue value(std::string_view ref);

    Diagnostics& diagnostics() { return m_diagnostics; }

private:
    Placeholders& m_placeholders;
    Diagnostics& m_diagnostics;
    bool m_merge;
};

enum class FunctionRole : uint8_t { Condition, Value, Update };

struct FunctionInfo {
    std::string_view name;
    size_t arity;
    FunctionRole role;
};

// Function names are case-sensitive (§3.1); nullptr for an unknown name.
const FunctionInfo* findFunction(std::string_view name);

// "[a, b, [2]]" as DynamoDB prints paths in messages.
std::string pathToString(const Path& path);

// The Overlap / Conflict checks of update and projection paths, in the order given.
void checkOverlaps(const std::vector<Path>& paths, Diagnostics& diagnostics);

// The type of an operand known before evaluation (a literal, or size()'s number).
std::optional<model::Type> staticType(const Operand& operand);

// "AttributeValue: {N:10}" as used in BETWEEN's messages.
std::string describeLiteral(const AttributeValue& value);

// Upper-case words used by ADD/DELETE messages ("STRING", "NUMBER SET", …).
std::string_view longTypeName(model::Type type);

Error invalidExpression(std::string_view expressionName, std::string_view message);

// Empty text and the 4 KB size limit (§0), checked before any parsing.
Result<void> checkExpressionText(std::string_view text, std::string_view expressionName);

}  // namespace shardscope::expr::detail

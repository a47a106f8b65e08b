// SPDX-License-Identifier: MIT
#include <map>

#include "expr/semantic.h"

// ProjectionExpression / AttributesToGet, and copying parts of items (also used for
// UPDATED_OLD / UPDATED_NEW).
namespace shardscope::expr {

namespace {

// The requested parts of a document as a tree: a node either takes its whole value or picks
// members by name (maps) or index (lists).
struct Selection {
    bool whole = false;
    std::map<std::string, Selection, std::less<>> fields;
    std::map<int, Selection> elements;
};

void addPath(Selection& root, const Path& path) {
    Selection* node = &root;
    for (const PathElement& step : path) {
        if (node->whole) return;
        node = step.isIndex() ? &node->elements[step.index] : &node->fields[step.name];
    }
    node->whole = true;
    node->fields.clear();
    node->elements.clear();
}

// nullopt when nothing selected exists in `value`.
std::optional<AttributeValue> pick(const AttributeValue& value, const Selection& selection) {
    if (selection.whole) return value;
    if (!selection.fields.empty() && value.is(model::Type::M)) {
        AttributeValue::Map out;
        for (const auto& [name, sub] : selection.fields) {
            const auto it = value.asMap().find(name);
            if (it == value.asMap().end()) continue;
            if (auto picked = pick(it->second, sub)) out.emplace(name, std::move(*picked));
        }
        if (!out.empty()) return AttributeValue::map(std::move(out));
    }
    if (!selection.elements.empty() && value.is(model::Type::L)) {
        // Selected elements collapse into a shorter list, in index order, as DynamoDB returns them.
        AttributeValue::List out;
        for (const auto& [index, sub] : selection.elements) {
            if (size_t(index) >= value.asList().size()) continue;
            if (auto picked = pick(value.asList()[size_t(index)], sub)) {
                out.push_back(std::move(*picked));
            }
        }
        if (!out.empty()) return AttributeValue::list(std::move(out));
    }
    return std::nullopt;
}

const std::vector<Path>& noPaths() {
    static const std::vector<Path> empty;
    return empty;
}

}  // namespace

Item projectPaths(const Item& item, const std::vector<Path>& paths) {
    Selection root;
    for (const Path& path : paths) {
        if (!path.empty() && !path.front().isIndex()) addPath(root, path);
    }
    Item out;
    for (const auto& [name, sub] : root.fields) {
        const auto it = item.find(name);
        if (it == item.end()) continue;
        if (auto picked = pick(it->second, sub)) out.emplace(name, std::move(*picked));
    }
    return out;
}

Item Projection::apply(const Item& item) const {
    return projectPaths(item, paths());
}

const std::vector<Path>& Projection::paths() const {
    return data ? data->paths : noPaths();
}

Result<Projection> parseProjection(std::string_view text, Placeholders& placeholders) {
    using namespace detail;
    constexpr std::string_view kName = "ProjectionExpression";
    if (auto checked = checkExpressionText(text, kName); !checked) return checked.takeError();
    SyntaxParser parser(text, Grammar::Projection);
    std::vector<RawNode> raw;
    if (!parser.parseProjection(raw)) return invalidExpression(kName, parser.error());
    Diagnostics diagnostics;
    Resolver resolver(placeholders, diagnostics, false);
    auto data = std::make_shared<ProjectionData>();
    for (const RawNode& node : raw) data->paths.push_back(resolver.path(node));
    checkOverlaps(data->paths, diagnostics);
    if (diagnostics.any()) {
        return invalidExpression(kName, diagnostics.pick({Check::Reserved, Check::UndefinedName,
                                                          Check::Overlap, Check::Conflict}));
    }
    Projection projection;
    projection.data = std::move(data);
    return projection;
}

Projection projectionFromAttributeNames(const std::vector<std::string>& names) {
    auto data = std::make_shared<ProjectionData>();
    for (const std::string& name : names) data->paths.push_back(Path{PathElement{name, -1}});
    Projection projection;
    projection.data = std::move(data);
    return projection;
}

}  // namespace shardscope::expr

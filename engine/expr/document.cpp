// SPDX-License-Identifier: MIT
#include "expr/document.h"

namespace shardscope::expr::detail {

const AttributeValue* findPath(const Item& item, const Path& path) {
    if (path.empty() || path.front().isIndex()) return nullptr;
    const auto top = item.find(path.front().name);
    if (top == item.end()) return nullptr;
    const AttributeValue* current = &top->second;
    for (size_t i = 1; i < path.size(); ++i) {
        const PathElement& step = path[i];
        if (step.isIndex()) {
            if (!current->is(model::Type::L)) return nullptr;
            const auto& list = current->asList();
            if (size_t(step.index) >= list.size()) return nullptr;
            current = &list[size_t(step.index)];
        } else {
            if (!current->is(model::Type::M)) return nullptr;
            const auto& map = current->asMap();
            const auto it = map.find(step.name);
            if (it == map.end()) return nullptr;
            current = &it->second;
        }
    }
    return current;
}

}  // namespace shardscope::expr::detail

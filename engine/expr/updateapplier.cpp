// SPDX-License-Identifier: MIT
#include <algorithm>

#include "expr/ast.h"
#include "expr/document.h"

// Applying an update to an item (§3.2): every right-hand side is computed from the old item
// first, then the actions are applied; list appends go in index order and list removals use the
// indexes of the list before any removal.
namespace shardscope::expr {

namespace detail {
namespace {

using model::Type;

Error missingAttribute() {
    return validationError(
        "The provided expression refers to an attribute that does not exist in the item");
}
Error wrongDataType(bool legacy = false) {
    if (legacy) return validationError("Type mismatch for attribute to update");
    return validationError("An operand in the update expression has an incorrect data type");
}
Error invalidPath() {
    return validationError(
        "The document path provided in the update expression is invalid for update");
}

enum class Walk { Found, Missing, WrongType };

// The value at the first `steps` elements of `path`.
Walk walk(Item& item, const Path& path, size_t steps, AttributeValue*& out) {
    const auto top = item.find(path.front().name);
    if (top == item.end()) return Walk::Missing;
    AttributeValue* current = &top->second;
    for (size_t i = 1; i < steps; ++i) {
        const PathElement& step = path[i];
        if (step.isIndex()) {
            if (!current->is(Type::L)) return Walk::WrongType;
            auto& list = current->asList();
            if (size_t(step.index) >= list.size()) return Walk::Missing;
            current = &list[size_t(step.index)];
        } else {
            if (!current->is(Type::M)) return Walk::WrongType;
            auto& map = current->asMap();
            const auto it = map.find(step.name);
            if (it == map.end()) return Walk::Missing;
            current = &it->second;
        }
    }
    out = current;
    return Walk::Found;
}

Result<void> setPath(Item& item, const Path& path, AttributeValue value) {
    if (path.size() == 1) {
        item.insert_or_assign(path.front().name, std::move(value));
        return {};
    }
    AttributeValue* parent = nullptr;
    if (walk(item, path, path.size() - 1, parent) != Walk::Found) return invalidPath();
    const PathElement& last = path.back();
    if (last.isIndex()) {
        if (!parent->is(Type::L)) return invalidPath();
        auto& list = parent->asList();
        if (size_t(last.index) < list.size()) {
            list[size_t(last.index)] = std::move(value);
        } else {
            list.push_back(std::move(value));
        }
        return {};
    }
    if (!parent->is(Type::M)) return invalidPath();
    parent->asMap().insert_or_assign(last.name, std::move(value));
    return {};
}

Result<void> removePath(Item& item, const Path& path) {
    if (path.size() == 1) {
        item.erase(path.front().name);
        return {};
    }
    AttributeValue* parent = nullptr;
    const Walk found = walk(item, path, path.size() - 1, parent);
    if (found == Walk::Missing) return {};
    const PathElement& last = path.back();
    if (found == Walk::WrongType || parent->is(Type::L) != last.isIndex() ||
        (!parent->is(Type::L) && !parent->is(Type::M))) {
        return invalidPath();
    }
    if (last.isIndex()) {
        auto& list = parent->asList();
        if (size_t(last.index) < list.size()) list.erase(list.begin() + last.index);
    } else {
        parent->asMap().erase(last.name);
    }
    return {};
}

Result<AttributeValue> evaluate(const Operand& operand, const Item& item) {
    switch (operand.kind) {
        case OperandKind::Value:
            return operand.value;
        case OperandKind::Path: {
            const AttributeValue* found = findPath(item, operand.path);
            if (!found) return missingAttribute();
            return *found;
        }
        case OperandKind::IfNotExists: {
            if (const AttributeValue* found = findPath(item, operand.args[0].path)) return *found;
            return evaluate(operand.args[1], item);
        }
        default:
            break;
    }
    auto a = evaluate(operand.args[0], item);
    if (!a) return a.takeError();
    auto b = evaluate(operand.args[1], item);
    if (!b) return b.takeError();
    if (operand.kind == OperandKind::ListAppend) {
        if (!a->is(Type::L) || !b->is(Type::L)) return wrongDataType();
        auto list = std::move(a->asList());
        for (auto& v : b->asList()) list.push_back(std::move(v));
        return AttributeValue::list(std::move(list));
    }
    if (!a->is(Type::N) || !b->is(Type::N)) return wrongDataType();
    auto result = operand.kind == OperandKind::Plus ? a->asNumber().add(b->asNumber())
                                                    : a->asNumber().subtract(b->asNumber());
    if (!result) return result.takeError();
    return AttributeValue::number(std::move(result.value()));
}

AttributeValue setUnion(const AttributeValue& a, const AttributeValue& b) {
    if (a.is(Type::NS)) {
        auto members = a.asNumberSet();
        members.insert(members.end(), b.asNumberSet().begin(), b.asNumberSet().end());
        return AttributeValue::numberSet(std::move(members));
    }
    auto members = a.asStringSet();
    members.insert(members.end(), b.asStringSet().begin(), b.asStringSet().end());
    return a.is(Type::SS) ? AttributeValue::stringSet(std::move(members))
                          : AttributeValue::binarySet(std::move(members));
}

// Members of `a` not in `b`; nullopt when nothing is left (the attribute then goes away).
std::optional<AttributeValue> setDifference(const AttributeValue& a, const AttributeValue& b) {
    if (a.is(Type::NS)) {
        std::vector<model::Number> kept;
        for (const auto& n : a.asNumberSet()) {
            const auto& drop = b.asNumberSet();
            if (std::none_of(drop.begin(), drop.end(),
                             [&](const model::Number& d) { return d.compare(n) == 0; })) {
                kept.push_back(n);
            }
        }
        if (kept.empty()) return std::nullopt;
        return AttributeValue::numberSet(std::move(kept));
    }
    std::vector<std::string> kept;
    const auto& drop = b.asStringSet();
    for (const auto& s : a.asStringSet()) {
        if (std::find(drop.begin(), drop.end(), s) == drop.end()) kept.push_back(s);
    }
    if (kept.empty()) return std::nullopt;
    return a.is(Type::SS) ? AttributeValue::stringSet(std::move(kept))
                          : AttributeValue::binarySet(std::move(kept));
}

Result<void> add(Item& item, const UpdateAction& action) {
    const AttributeValue& value = action.value.value;
    const AttributeValue* existing = findPath(item, action.path);
    if (!existing) return setPath(item, action.path, value);
    if (existing->is(Type::N) && value.is(Type::N)) {
        auto sum = existing->asNumber().add(value.asNumber());
        if (!sum) return sum.takeError();
        return setPath(item, action.path, AttributeValue::number(std::move(sum.value())));
    }
    if (existing->isSet() && existing->type() == value.type()) {
        return setPath(item, action.path, setUnion(*existing, value));
    }
    if (action.legacy && existing->is(Type::L) && value.is(Type::L)) {
        auto list = existing->asList();
        list.insert(list.end(), value.asList().begin(), value.asList().end());
        return setPath(item, action.path, AttributeValue::list(std::move(list)));
    }
    return wrongDataType(action.legacy);
}

Result<void> remove(Item& item, const UpdateAction& action) {
    const AttributeValue& value = action.value.value;
    const AttributeValue* existing = findPath(item, action.path);
    if (!existing) return {};
    if (existing->type() != value.type()) return wrongDataType(action.legacy);
    auto rest = setDifference(*existing, value);
    if (!rest) return removePath(item, action.path);
    return setPath(item, action.path, std::move(*rest));
}

// Removal order: within one list, higher indexes first, so earlier indexes stay valid.
bool removeLater(const Path& a, const Path& b) {
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        if (a[i].isIndex() != b[i].isIndex()) return a[i].isIndex();
        if (a[i].isIndex() && a[i].index != b[i].index) return a[i].index > b[i].index;
        if (!a[i].isIndex() && a[i].name != b[i].name) return a[i].name > b[i].name;
    }
    return a.size() > b.size();
}

// Appends beyond a list's end land in index order: actions ending in an index run after the
// others, sorted by their parent and index.
std::vector<size_t> applicationOrder(const std::vector<std::shared_ptr<const UpdateAction>>& all) {
    std::vector<size_t> order;
    std::vector<size_t> indexed;
    std::vector<size_t> removals;
    for (size_t i = 0; i < all.size(); ++i) {
        if (all[i]->kind == UpdateKind::Remove) {
            removals.push_back(i);
        } else if (all[i]->path.back().isIndex()) {
            indexed.push_back(i);
        } else {
            order.push_back(i);
        }
    }
    std::stable_sort(indexed.begin(), indexed.end(),
                     [&](size_t x, size_t y) { return removeLater(all[y]->path, all[x]->path); });
    std::stable_sort(removals.begin(), removals.end(),
                     [&](size_t x, size_t y) { return removeLater(all[x]->path, all[y]->path); });
    order.insert(order.end(), indexed.begin(), indexed.end());
    order.insert(order.end(), removals.begin(), removals.end());
    return order;
}

}  // namespace
}  // namespace detail

Result<Update::Outcome> Update::apply(const Item& old) const {
    using namespace detail;
    std::vector<AttributeValue> values(actions.size());
    for (size_t i = 0; i < actions.size(); ++i) {
        if (actions[i]->kind != UpdateKind::Set) continue;
        auto value = evaluate(actions[i]->value, old);
        if (!value) return value.takeError();
        values[i] = std::move(value.value());
    }
    Outcome outcome{old, {}};
    for (const size_t i : applicationOrder(actions)) {
        const UpdateAction& action = *actions[i];
        Result<void> done;
        switch (action.kind) {
            case UpdateKind::Set:
                done = setPath(outcome.item, action.path, std::move(values[i]));
                break;
            case UpdateKind::Remove:
                done = removePath(outcome.item, action.path);
                break;
            case UpdateKind::Add:
                done = add(outcome.item, action);
                break;
            case UpdateKind::Delete:
                done = remove(outcome.item, action);
                break;
        }
        if (!done) return done.takeError();
    }
    for (const auto& action : actions) outcome.updatedPaths.push_back(action->path);
    return outcome;
}

bool Update::onlyRemovesOrDeletes() const {
    if (legacy && actions.empty()) return false;
    return std::all_of(actions.begin(), actions.end(), [](const auto& action) {
        return action->kind == UpdateKind::Remove || action->kind == UpdateKind::Delete;
    });
}

std::vector<std::string> Update::topLevelNames() const {
    std::vector<std::string> names;
    for (const auto& action : actions) {
        const std::string& name = action->path.front().name;
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names;
}

}  // namespace shardscope::expr

// SPDX-License-Identifier: MIT
// PutItem, UpdateItem, DeleteItem and BatchWriteItem (reference §3.1, §3.2, §3.6).
#include <set>

#include "model/errordetail.h"
#include "table/impl.h"

namespace shardscope::table {
namespace {

const Item* itemOrNull(const std::optional<StoredItem>& stored) {
    return stored ? &stored->item : nullptr;
}

std::optional<Item> nonEmpty(Item item) {
    if (item.empty()) return std::nullopt;
    return item;
}

Result<void> checkConditionHolds(const std::optional<expr::Condition>& condition,
                                 const std::optional<StoredItem>& old, bool returnOld) {
    if (!condition) return {};
    auto holds = condition->evaluate(itemOrNull(old));
    if (!holds) return holds.takeError();
    if (!*holds) return conditionFailed(old, returnOld);
    return {};
}

// Parses a write's expressions and checks that every placeholder is used.
Result<PreparedWrite> prepareWrite(
    const std::optional<std::string>& conditionExpression,
    const std::optional<LegacyConditions>& expected,
    const std::optional<std::string>& updateExpression,
    const std::optional<std::vector<expr::LegacyUpdate>>& legacyUpdate,
    const ExpressionAttributes& attributes) {
    if (updateExpression && legacyUpdate)
        return validationError(
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {AttributeUpdates} Expression parameters: "
            "{UpdateExpression}");
    if ((updateExpression && expected) || (legacyUpdate && conditionExpression))
        return validationError(
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {" +
            std::string(expected ? "Expected" : "AttributeUpdates") + "} Expression parameters: {" +
            std::string(updateExpression ? "UpdateExpression" : "ConditionExpression") + "}");
    auto placeholders = makePlaceholders(
        attributes, conditionExpression.has_value() || updateExpression.has_value());
    if (!placeholders) return placeholders.takeError();
    PreparedWrite prepared;
    if (updateExpression) {
        auto update = expr::parseUpdate(*updateExpression, *placeholders);
        if (!update) return update.takeError();
        prepared.update = std::move(*update);
    } else if (legacyUpdate) {
        auto update = expr::updateFromLegacy(*legacyUpdate);
        if (!update) return update.takeError();
        prepared.update = std::move(*update);
    }
    auto condition = prepareCondition(conditionExpression, expected, *placeholders);
    if (!condition) return condition.takeError();
    prepared.condition = std::move(*condition);
    if (auto r = placeholders->checkAllUsed(); !r) return r.takeError();
    return prepared;
}

Result<void> checkKeyNotUpdated(const TableInfo& table, const expr::Update& update) {
    const auto& schema = table.keySchema();
    for (const auto& name : update.topLevelNames()) {
        if (name == schema.partition.name || (schema.sort && name == schema.sort->name))
            return validationError(
                "One or more parameter values were invalid: Cannot update "
                "attribute " +
                name + ". This attribute is part of the key");
    }
    return {};
}

}  // namespace

Result<WriteResult> Database::putItem(const PutItemRequest& request) {
    if (request.returnValues != ReturnValues::None && request.returnValues != ReturnValues::AllOld)
        return validationError("ReturnValues can only be ALL_OLD or NONE");
    auto prepared = prepareWrite(request.conditionExpression, request.expected, std::nullopt,
                                 std::nullopt, request.expressionAttributes);
    if (!prepared) return prepared.takeError();

    WriteResult result;
    auto done = m_impl->write([&]() -> Result<void> {
        auto table = m_impl->findTable(request.tableName, true);
        if (!table) return table.takeError();
        auto key = keyFromItem((*table)->keySchema(), request.item);
        if (!key) return key.takeError();
        if (auto r = checkStorable(**table, request.item, false); !r) return r.takeError();

        const int64_t newSize = int64_t(model::itemSize(request.item));
        return m_impl->inSavepoint([&]() -> Result<void> {
            // With no condition to check against an old item, a new key needs no read first.
            if (!prepared->condition) {
                auto inserted = m_impl->insertIfAbsent(**table, *key, request.item, newSize);
                if (!inserted) return inserted.takeError();
                if (*inserted) {
                    result.consumed.capacityUnits = writeUnits(0, newSize);
                    return {};
                }
            }
            auto old = m_impl->loadItem(**table, *key);
            if (!old) return old.takeError();
            if (auto r = checkConditionHolds(prepared->condition, *old,
                                             request.returnOldItemOnConditionFailure);
                !r)
                return r;
            const int64_t oldSize = *old ? (*old)->size : 0;
            result.consumed.capacityUnits = writeUnits(oldSize, newSize);
            if (request.returnValues == ReturnValues::AllOld && *old)
                result.attributes = (*old)->item;
            if (*old && (*old)->item == request.item) return {};  // unchanged: nothing to write
            return m_impl->writeItem(**table, *key, *old, &request.item);
        });
    });
    if (!done) return done.takeError();
    result.consumed.tableName = request.tableName;
    return result;
}

Result<WriteResult> Database::deleteItem(const DeleteItemRequest& request) {
    if (request.returnValues != ReturnValues::None && request.returnValues != ReturnValues::AllOld)
        return validationError("ReturnValues can only be ALL_OLD or NONE");
    auto prepared = prepareWrite(request.conditionExpression, request.expected, std::nullopt,
                                 std::nullopt, request.expressionAttributes);
    if (!prepared) return prepared.takeError();

    WriteResult result;
    auto done = m_impl->write([&]() -> Result<void> {
        auto table = m_impl->findTable(request.tableName, true);
        if (!table) return table.takeError();
        auto key = keyFromKeyParameter((*table)->keySchema(), request.key);
        if (!key) return key.takeError();

        return m_impl->inSavepoint([&]() -> Result<void> {
            auto old = m_impl->loadItem(**table, *key);
            if (!old) return old.takeError();
            if (auto r = checkConditionHolds(prepared->condition, *old,
                                             request.returnOldItemOnConditionFailure);
                !r)
                return r;
            result.consumed.capacityUnits = writeUnits(*old ? (*old)->size : 0, 0);
            if (!*old) return {};  // deleting a missing item changes nothing
            if (request.returnValues == ReturnValues::AllOld) result.attributes = (*old)->item;
            return m_impl->writeItem(**table, *key, *old, nullptr);
        });
    });
    if (!done) return done.takeError();
    result.consumed.tableName = request.tableName;
    return result;
}

namespace {

std::optional<Item> updateReturnValues(ReturnValues mode, const std::optional<StoredItem>& old,
                                       const expr::Update::Outcome& outcome) {
    switch (mode) {
        case ReturnValues::None:
            return std::nullopt;
        case ReturnValues::AllOld:
            return old ? std::optional(old->item) : std::nullopt;
        case ReturnValues::AllNew:
            return outcome.item;
        case ReturnValues::UpdatedOld:
            return old ? nonEmpty(expr::projectPaths(old->item, outcome.updatedPaths))
                       : std::nullopt;
        case ReturnValues::UpdatedNew:
            return nonEmpty(expr::projectPaths(outcome.item, outcome.updatedPaths));
    }
    return std::nullopt;
}

}  // namespace

Result<WriteResult> Database::updateItem(const UpdateItemRequest& request) {
    auto prepared =
        prepareWrite(request.conditionExpression, request.expected, request.updateExpression,
                     request.attributeUpdates, request.expressionAttributes);
    if (!prepared) return prepared.takeError();

    WriteResult result;
    auto done = m_impl->write([&]() -> Result<void> {
        auto table = m_impl->findTable(request.tableName, true);
        if (!table) return table.takeError();
        const auto& schema = (*table)->keySchema();
        auto key = keyFromKeyParameter(schema, request.key);
        if (!key) return key.takeError();
        if (prepared->update)
            if (auto r = checkKeyNotUpdated(**table, *prepared->update); !r) return r.takeError();

        return m_impl->inSavepoint([&]() -> Result<void> {
            auto old = m_impl->loadItem(**table, *key);
            if (!old) return old.takeError();
            if (auto r = checkConditionHolds(prepared->condition, *old,
                                             request.returnOldItemOnConditionFailure);
                !r)
                return r;
            // Without an update (only a condition) UpdateItem still creates a key-only item.
            const bool createsNothing =
                prepared->update && prepared->update->onlyRemovesOrDeletes();
            if (!*old && createsNothing) return {};
            expr::Update::Outcome outcome;
            const Item base = *old ? (*old)->item : request.key;
            if (prepared->update) {
                auto applied = prepared->update->apply(base);
                if (!applied) return applied.takeError();
                outcome = std::move(*applied);
            } else {
                outcome.item = base;
            }
            if (auto r = checkStorable(**table, outcome.item, true); !r) return r;
            result.attributes = updateReturnValues(request.returnValues, *old, outcome);
            result.consumed.capacityUnits =
                writeUnits(*old ? (*old)->size : 0, int64_t(model::itemSize(outcome.item)));
            if (*old && (*old)->item == outcome.item) return {};
            return m_impl->writeItem(**table, *key, *old, &outcome.item);
        });
    });
    if (!done) return done.takeError();
    result.consumed.tableName = request.tableName;
    return result;
}

Result<BatchWriteResult> Database::batchWriteItem(const BatchWriteRequest& request) {
    size_t total = 0;
    for (const auto& [name, writes] : request.requestItems) total += writes.size();
    if (request.requestItems.empty() || total == 0)
        return validationError(
            "1 validation error detected: Value null at 'requestItems' failed to satisfy "
            "constraint: Member must have length greater than or equal to 1");
    if (total > 25)
        return validationError(
            "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: "
            "Map value must satisfy constraint: [Member must have length less than or equal to "
            "25, Member must have length greater than or equal to 1]");

    auto done = m_impl->write([&]() -> Result<void> {
        struct Planned {
            TableInfo* table;
            StoredKey key;
            const WriteRequest* write;
        };
        std::vector<Planned> plan;
        for (const auto& [name, writes] : request.requestItems) {
            auto table = m_impl->findTable(name, true);
            if (!table) return table.takeError();
            std::set<std::pair<std::string, std::string>> seen;
            for (const auto& write : writes) {
                auto key = write.isPut ? keyFromItem((*table)->keySchema(), write.item)
                                       : keyFromKeyParameter((*table)->keySchema(), write.item);
                if (!key) return key.takeError();
                if (write.isPut)
                    if (auto r = checkStorable(**table, write.item, false); !r)
                        return r.takeError();
                if (!seen.emplace(key->partition, key->sort).second)
                    return validationError("Provided list of item keys contains duplicates");
                plan.push_back({*table, std::move(*key), &write});
            }
        }

        return m_impl->inSavepoint([&]() -> Result<void> {
            for (const auto& p : plan) {
                // BatchWriteItem has no conditions: a put of a new key needs no read first.
                if (p.write->isPut) {
                    auto inserted = m_impl->insertIfAbsent(*p.table, p.key, p.write->item,
                                                           int64_t(model::itemSize(p.write->item)));
                    if (!inserted) return inserted.takeError();
                    if (*inserted) continue;
                }
                auto old = m_impl->loadItem(*p.table, p.key);
                if (!old) return old.takeError();
                if (p.write->isPut) {
                    if (*old && (*old)->item == p.write->item) continue;
                    if (auto r = m_impl->writeItem(*p.table, p.key, *old, &p.write->item); !r)
                        return r;
                } else if (*old) {
                    if (auto r = m_impl->writeItem(*p.table, p.key, *old, nullptr); !r) return r;
                }
            }
            return {};
        });
    });
    if (!done) return done.takeError();
    BatchWriteResult result;
    for (const auto& [name, writes] : request.requestItems) {
        ConsumedCapacity c;
        c.tableName = name;
        c.capacityUnits = double(writes.size());
        result.consumed.push_back(c);
    }
    return result;
}

}  // namespace shardscope::table

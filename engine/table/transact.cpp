// SPDX-License-Identifier: MIT
// TransactWriteItems (reference §3.7): all actions or none, every failed condition reported.
#include <set>

#include "model/errordetail.h"
#include "table/impl.h"

namespace shardscope::table {
namespace {

using Action = TransactWriteRequest::Action;
using Kind = Action::Kind;

struct PlannedAction {
    const Action* action = nullptr;
    TableInfo* table = nullptr;
    StoredKey key;
    std::optional<expr::Condition> condition;
    std::optional<expr::Update> update;
    std::optional<StoredItem> old;
    std::optional<Item> next;  // the item after the action; nullopt deletes
    bool writes = false;
};

// Parses one action's expressions. Expression problems fail the whole request with a plain
// ValidationException, as DynamoDB does.
Result<void> parseAction(const Action& action, PlannedAction& planned) {
    if (action.kind == Kind::ConditionCheck && !action.conditionExpression)
        return validationError(
            "1 validation error detected: Value null at "
            "'transactItems.1.member.conditionCheck.conditionExpression' "
            "failed to satisfy constraint: Member must not be null");
    if (action.kind == Kind::Update && !action.updateExpression)
        return validationError(
            "1 validation error detected: Value null at "
            "'transactItems.1.member.update.updateExpression' failed to "
            "satisfy constraint: Member must not be null");
    auto placeholders =
        makePlaceholders(action.expressionAttributes, action.conditionExpression.has_value() ||
                                                          action.updateExpression.has_value());
    if (!placeholders) return placeholders.takeError();
    if (action.updateExpression) {
        auto update = expr::parseUpdate(*action.updateExpression, *placeholders);
        if (!update) return update.takeError();
        planned.update = std::move(*update);
    }
    auto condition = prepareCondition(action.conditionExpression, std::nullopt, *placeholders);
    if (!condition) return condition.takeError();
    planned.condition = std::move(*condition);
    return placeholders->checkAllUsed();
}

std::string reasonList(const std::vector<CancellationReason>& reasons) {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : ", ") + r.code;
    return "[" + out + "]";
}

Error canceled(std::vector<CancellationReason> reasons) {
    Error e{ErrorCode::TransactionCanceled,
            "Transaction cancelled, please refer cancellation reasons for specific reasons " +
                reasonList(reasons),
            nullptr};
    auto detail = std::make_shared<ErrorDetail>();
    detail->cancellationReasons = std::move(reasons);
    e.detail = std::move(detail);
    return e;
}

// Computes the item an action leaves behind; a validation problem becomes its reason.
Result<void> computeNext(PlannedAction& p, CancellationReason& reason) {
    const Action& action = *p.action;
    const auto fail = [&](const Error& e) {
        reason = {"ValidationError", e.message, std::nullopt};
        return Result<void>();
    };
    switch (action.kind) {
        case Kind::ConditionCheck:
            return {};
        case Kind::Delete:
            p.writes = p.old.has_value();
            return {};
        case Kind::Put:
            p.next = action.itemOrKey;
            p.writes = !p.old || p.old->item != *p.next;
            return {};
        case Kind::Update: {
            if (!p.old && p.update->onlyRemovesOrDeletes()) return {};
            auto applied = p.update->apply(p.old ? p.old->item : action.itemOrKey);
            if (!applied) return fail(applied.error());
            if (auto r = checkStorable(*p.table, applied->item, true); !r) return fail(r.error());
            p.next = std::move(applied->item);
            p.writes = !p.old || p.old->item != *p.next;
            return {};
        }
    }
    return {};
}

}  // namespace

Result<void> Database::transactWriteItems(const TransactWriteRequest& request) {
    if (request.actions.empty() || request.actions.size() > 100)
        return validationError(
            "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: "
            "Member must have length " +
            std::string(request.actions.empty() ? "greater than or equal to 1"
                                                : "less than or equal to 100"));
    if (request.clientRequestToken &&
        (request.clientRequestToken->empty() || request.clientRequestToken->size() > 36))
        return validationError("1 validation error detected: Value '" +
                               *request.clientRequestToken +
                               "' at 'clientRequestToken' failed to satisfy constraint: Member "
                               "must have length less than or equal to 36");
    std::vector<PlannedAction> plan(request.actions.size());
    for (size_t i = 0; i < plan.size(); ++i) {
        plan[i].action = &request.actions[i];
        if (auto r = parseAction(request.actions[i], plan[i]); !r) return r.takeError();
    }

    const auto now = std::chrono::steady_clock::now();
    auto done = m_impl->write([&]() -> Result<void> {
        auto& tokens = m_impl->m_tokens;
        std::erase_if(tokens,
                      [&](const auto& t) { return now - t.second.at > std::chrono::minutes(10); });
        if (request.clientRequestToken) {
            if (auto it = tokens.find(*request.clientRequestToken); it != tokens.end()) {
                if (it->second.fingerprint == request.fingerprint) return {};
                return Error{ErrorCode::IdempotentParameterMismatch,
                             "Request with the same client request token and different parameters "
                             "was already submitted",
                             nullptr};
            }
        }

        // Per-action validation stops at the first failing action; the others report None.
        std::vector<CancellationReason> reasons(plan.size());
        std::set<std::tuple<int64_t, std::string, std::string>> touched;
        for (size_t i = 0; i < plan.size(); ++i) {
            auto table = m_impl->findTable(request.actions[i].tableName, true);
            if (!table) return table.takeError();
            plan[i].table = *table;
            const auto& schema = (*table)->keySchema();
            const Item& subject = request.actions[i].itemOrKey;
            auto key = request.actions[i].kind == Kind::Put ? keyFromItem(schema, subject)
                                                            : keyFromKeyParameter(schema, subject);
            Result<void> valid = key ? Result<void>() : Result<void>(key.error());
            if (valid && request.actions[i].kind == Kind::Put)
                valid = checkStorable(**table, subject, false);
            if (!valid) {
                reasons[i] = {"ValidationError", valid.error().message, std::nullopt};
                return canceled(std::move(reasons));
            }
            if (!touched.emplace((*table)->id, key->partition, key->sort).second)
                return validationError(
                    "Transaction request cannot include multiple operations on one item");
            plan[i].key = std::move(*key);
        }

        auto applied = m_impl->inSavepoint([&]() -> Result<void> {
            bool failed = false;
            for (size_t i = 0; i < plan.size(); ++i) {
                auto& p = plan[i];
                auto old = m_impl->loadItem(*p.table, p.key);
                if (!old) return old.takeError();
                p.old = std::move(*old);
                if (p.condition) {
                    auto holds = p.condition->evaluate(p.old ? &p.old->item : nullptr);
                    if (!holds) return holds.takeError();
                    if (!*holds) {
                        std::optional<Item> item;
                        if (p.action->returnOldItemOnConditionFailure && p.old) item = p.old->item;
                        reasons[i] = {"ConditionalCheckFailed", "The conditional request failed",
                                      item};
                        failed = true;
                        continue;
                    }
                }
                if (auto r = computeNext(p, reasons[i]); !r) return r;
                failed = failed || reasons[i].code != "None";
            }
            if (failed) return canceled(reasons);
            for (auto& p : plan) {
                if (!p.writes) continue;
                if (auto r = m_impl->writeItem(*p.table, p.key, p.old, p.next ? &*p.next : nullptr);
                    !r)
                    return r;
            }
            return {};
        });
        if (!applied) return applied;
        // Taken here, so a retry in the same group of writes is answered as a replay; the
        // batch forgets it again if its commit fails.
        if (request.clientRequestToken) {
            m_impl->m_batchTokens.push_back(*request.clientRequestToken);
            tokens[*request.clientRequestToken] = {request.fingerprint, now};
        }
        return {};
    });
    return done;
}

}  // namespace shardscope::table

// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/error.h"
#include "model/value.h"

namespace shardscope {

// One entry of a TransactionCanceledException's CancellationReasons (reference §3.7).
struct CancellationReason {
    std::string code = "None";  // "None", "ConditionalCheckFailed", "ValidationError", …
    std::string message;        // empty for "None"
    std::optional<model::Item> item;
};

struct ErrorDetail {
    // ConditionalCheckFailedException with ReturnValuesOnConditionCheckFailure=ALL_OLD.
    std::optional<model::Item> item;
    std::vector<CancellationReason> cancellationReasons;
};

inline Error errorWithItem(ErrorCode code, std::string message, std::optional<model::Item> item) {
    Error e{code, std::move(message), nullptr};
    if (item) e.detail = std::make_shared<ErrorDetail>(ErrorDetail{std::move(item), {}});
    return e;
}

}  // namespace shardscope

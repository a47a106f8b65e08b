// SPDX-License-Identifier: MIT
#pragma once

// Private to the wire module: a BatchWriteItem request read straight from its JSON text into the
// engine's request, with no JSON tree in between. Building and freeing that tree was about a fifth
// of the server's work on a batch of 25 items.
//
// It reads only well-formed requests of the usual shape: RequestItems, optionally
// ReturnConsumedCapacity, and put and delete requests whose items DynamoDB would accept. For
// anything else (another member, a null, a JSON number, a name given twice, any value DynamoDB
// refuses) it declines, and the request goes to the tree decoder, which reports the error. So
// whatever it reads, the tree decoder reads the same way, and every error comes from one place.

#include <optional>
#include <string_view>

#include "table/requests.h"

namespace shardscope::wire {

struct DirectBatchWrite {
    table::BatchWriteRequest request;
    bool wantCapacity = false;  // ReturnConsumedCapacity TOTAL or INDEXES
};

// The request, or nullopt to leave it to the tree decoder.
std::optional<DirectBatchWrite> readBatchWriteDirect(std::string_view body);

}  // namespace shardscope::wire

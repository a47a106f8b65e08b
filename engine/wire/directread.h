// SPDX-License-Identifier: MIT
#pragma once

// Private to the wire module: the write requests read straight from their JSON text into the
// engine's requests, with no JSON tree in between. Building and freeing that tree was about a
// fifth of the server's work on a batch of 25 items.
//
// They read only well-formed requests of the usual shape: for BatchWriteItem, RequestItems with
// put and delete requests; for PutItem, DeleteItem and UpdateItem, the table, the item or key,
// the condition and update expressions and their placeholders; for all, ReturnConsumedCapacity.
// For anything else (another member, a null, a JSON number, a name given twice, any value DynamoDB
// refuses) they decline, and the request goes to the tree decoder, which reports the error. So
// whatever they read, the tree decoder reads the same way, and every error comes from one place.

#include <optional>
#include <string_view>

#include "table/requests.h"

namespace shardscope::wire {

template <class Request>
struct Direct {
    Request request;
    bool wantCapacity = false;  // ReturnConsumedCapacity TOTAL or INDEXES
};

// The request, or nullopt to leave it to the tree decoder.
std::optional<Direct<table::BatchWriteRequest>> readBatchWriteDirect(std::string_view body);
std::optional<Direct<table::PutItemRequest>> readPutItemDirect(std::string_view body);
std::optional<Direct<table::DeleteItemRequest>> readDeleteItemDirect(std::string_view body);
std::optional<Direct<table::UpdateItemRequest>> readUpdateItemDirect(std::string_view body);

}  // namespace shardscope::wire

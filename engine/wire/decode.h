// SPDX-License-Identifier: MIT
#pragma once

// Private to the wire module: request JSON -> table requests.

#include <nlohmann/json.hpp>

#include "stream/api.h"
#include "table/requests.h"
#include "ttl/api.h"

namespace shardscope::wire {

using nlohmann::json;

Result<table::CreateTableRequest> decodeCreateTable(const json& body);
Result<table::UpdateTableRequest> decodeUpdateTable(const json& body);
Result<table::ListTablesRequest> decodeListTables(const json& body);
Result<table::PutItemRequest> decodePutItem(const json& body);
Result<table::GetItemRequest> decodeGetItem(const json& body);
Result<table::UpdateItemRequest> decodeUpdateItem(const json& body);
Result<table::DeleteItemRequest> decodeDeleteItem(const json& body);
Result<table::QueryRequest> decodeQuery(const json& body, bool isScan);
Result<table::BatchGetRequest> decodeBatchGet(const json& body);
Result<table::BatchWriteRequest> decodeBatchWrite(const json& body);
Result<table::TransactGetRequest> decodeTransactGet(const json& body);
Result<table::TransactWriteRequest> decodeTransactWrite(const json& body);

Result<ttl::UpdateTimeToLiveRequest> decodeUpdateTimeToLive(const json& body);
// DescribeTimeToLive: the TableName.
Result<std::string> decodeDescribeTimeToLive(const json& body);

// DynamoDB Streams (reference §5.5, §5.6): members and their JSON types only; the engine checks
// ARNs, shard ids, iterator types, sequence numbers and limits.
Result<stream::ListStreamsRequest> decodeListStreams(const json& body);
Result<stream::DescribeStreamRequest> decodeDescribeStream(const json& body);
Result<stream::GetShardIteratorRequest> decodeGetShardIterator(const json& body);
Result<stream::GetRecordsRequest> decodeGetRecords(const json& body);

// ReturnConsumedCapacity: true when the caller asked for TOTAL or INDEXES.
Result<bool> decodeReturnConsumedCapacity(const json& body);

}  // namespace shardscope::wire

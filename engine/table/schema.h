// SPDX-License-Identifier: MIT
#pragma once

// Private to the table module: table definitions, their validation, and key extraction.

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "table/requests.h"

namespace shardscope::table {

// An index as the store knows it: its description plus the id its entries are stored under.
struct IndexInfo {
    IndexDescription description;
    int64_t storageId = 0;
};

struct TableInfo {
    int64_t id = 0;
    int64_t activeStreamId = 0;  // 0: no enabled stream
    // Time to Live: the attribute, whether it is on, and when it last changed (epoch ms).
    std::string ttlAttribute;
    bool ttlEnabled = false;
    std::optional<int64_t> ttlChangedMs;
    TableDescription description;    // itemCount/tableSizeBytes are kept up to date in memory
    std::vector<IndexInfo> indexes;  // LSIs then GSIs; mirrored into description on describe

    const model::KeySchema& keySchema() const { return description.keySchema; }
    const IndexInfo* findIndex(std::string_view name) const;
    TableDescription describe() const;
};

// The table name rule (reference §0): 3-255 chars of [a-zA-Z0-9_.-]. `field` names the request
// member in the message ("tableName").
Result<void> validateTableName(const std::string& name, std::string_view field = "tableName");

// Validates a CreateTable request and builds the table (ids and ARN filled by the caller).
Result<TableInfo> buildTable(const CreateTableRequest& request);
// Validates a new GSI against the table (UpdateTable Create).
Result<IndexInfo> buildGlobalIndex(const TableInfo& table, const IndexSpec& spec,
                                   const std::vector<AttributeDefinition>& definitions);

// BillingMode and ProvisionedThroughput together; sets `provisioned`.
Result<void> checkBilling(const std::optional<std::string>& mode,
                          const std::optional<Throughput>& throughput, bool& provisioned);

// The stored form of a table definition: DynamoDB's TableDescription JSON plus storage ids.
std::string serializeTable(const TableInfo& table);
Result<TableInfo> deserializeTable(std::string_view text);

// DynamoDB's TableDescription JSON (reference §2.3), for DescribeTable and friends.
nlohmann::json describeJson(const TableDescription& description);
// A KeySchema as DynamoDB writes it: HASH first, then RANGE (also DescribeStream's KeySchema).
nlohmann::json keySchemaJson(const model::KeySchema& schema);

// A primary key (or index key) in stored form: the partition key's hash (0 … 2^32-1, the scan
// order), and the order-preserving encodings of the partition and sort values.
struct StoredKey {
    int64_t hash = 0;
    std::string partition;
    std::string sort;  // empty for a hash-only key
};

int64_t partitionHash(std::string_view encodedPartition);

// A `Key` parameter: exactly the key attributes with the right types, else DynamoDB's
// "The provided key element does not match the schema".
Result<StoredKey> keyFromKeyParameter(const model::KeySchema& schema, const Item& key);
// The key of an item being written (PutItem): missing or mistyped key attributes, empty strings
// and oversize keys are ValidationExceptions with DynamoDB's messages.
Result<StoredKey> keyFromItem(const model::KeySchema& schema, const Item& item);
// An index's key for an item: nullopt when the item lacks an index key attribute (a sparse
// index); an error when the attribute has the wrong type or is empty.
Result<std::optional<StoredKey>> indexKeyFromItem(const IndexInfo& index, const Item& item);
// The key attributes of `item` under `schema`, as an Item (for LastEvaluatedKey, stream Keys).
Item keyAttributes(const model::KeySchema& schema, const Item& item);

// What a read answers when an item stored in `tableName` no longer decodes.
Error damagedItem(const std::string& tableName);

}  // namespace shardscope::table

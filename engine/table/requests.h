// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "model/keys.h"
#include "model/value.h"

// The requests and results of the table operations. They mirror DynamoDB's API shapes closely so
// the wire layer only translates JSON; every semantic check (schemas, limits, expressions) happens
// in the table module, with DynamoDB's messages.
namespace shardscope::table {

using model::AttributeValue;
using model::Item;

// ---- Control plane -------------------------------------------------------------------------

struct KeySchemaElement {
    std::string attributeName;
    std::string keyType;  // "HASH" or "RANGE"
};

struct AttributeDefinition {
    std::string attributeName;
    std::string attributeType;  // "S", "N" or "B"
};

struct Throughput {
    int64_t readCapacityUnits = 0;
    int64_t writeCapacityUnits = 0;
};

struct IndexProjection {
    std::string projectionType = "ALL";  // ALL, KEYS_ONLY, INCLUDE
    std::vector<std::string> nonKeyAttributes;
};

struct IndexSpec {
    std::string indexName;
    std::vector<KeySchemaElement> keySchema;
    IndexProjection projection;
    std::optional<Throughput> provisionedThroughput;
};

struct StreamSpecification {
    bool streamEnabled = false;
    std::string streamViewType;  // KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES
};

struct CreateTableRequest {
    std::string tableName;
    std::vector<KeySchemaElement> keySchema;
    std::vector<AttributeDefinition> attributeDefinitions;
    std::optional<std::string> billingMode;  // PROVISIONED (default) or PAY_PER_REQUEST
    std::optional<Throughput> provisionedThroughput;
    std::vector<IndexSpec> localSecondaryIndexes;
    std::vector<IndexSpec> globalSecondaryIndexes;
    std::optional<StreamSpecification> streamSpecification;
    std::optional<std::string> tableClass;
    bool deletionProtectionEnabled = false;
};

struct GsiUpdate {
    enum class Kind { Create, Update, Delete } kind = Kind::Create;
    IndexSpec index;  // Delete and Update use only indexName (and throughput)
};

struct UpdateTableRequest {
    std::string tableName;
    std::vector<AttributeDefinition> attributeDefinitions;
    std::optional<std::string> billingMode;
    std::optional<Throughput> provisionedThroughput;
    std::vector<GsiUpdate> globalSecondaryIndexUpdates;
    std::optional<StreamSpecification> streamSpecification;
    std::optional<std::string> tableClass;
    std::optional<bool> deletionProtectionEnabled;
};

struct ListTablesRequest {
    std::optional<std::string> exclusiveStartTableName;
    std::optional<int64_t> limit;
};

struct ListTablesResult {
    std::vector<std::string> tableNames;
    std::optional<std::string> lastEvaluatedTableName;
};

// A secondary index as it exists on a table.
struct IndexDescription {
    std::string indexName;
    model::KeySchema keySchema;
    IndexProjection projection;
    bool global = false;
    std::optional<Throughput> provisionedThroughput;  // GSIs of provisioned tables
    std::string indexStatus = "ACTIVE";
    int64_t itemCount = 0;
    int64_t sizeBytes = 0;
};

// What DescribeTable answers (reference §2.3).
struct TableDescription {
    std::string tableName;
    std::string tableArn;
    std::string tableId;
    std::string tableStatus = "ACTIVE";
    double creationDateTime = 0;  // epoch seconds
    model::KeySchema keySchema;
    std::vector<AttributeDefinition> attributeDefinitions;
    std::string billingMode = "PROVISIONED";
    Throughput provisionedThroughput;
    std::vector<IndexDescription> localSecondaryIndexes;
    std::vector<IndexDescription> globalSecondaryIndexes;
    std::optional<StreamSpecification> streamSpecification;
    std::optional<std::string> latestStreamArn, latestStreamLabel;
    std::string tableClass = "STANDARD";
    bool deletionProtectionEnabled = false;
    int64_t itemCount = 0;
    int64_t tableSizeBytes = 0;
};

// ---- Data plane ----------------------------------------------------------------------------

enum class ReturnValues { None, AllOld, UpdatedOld, AllNew, UpdatedNew };

// ExpressionAttributeNames / ExpressionAttributeValues as sent; `std::nullopt` when absent (an
// empty map that was sent is an error DynamoDB reports, so the difference matters).
struct ExpressionAttributes {
    std::optional<std::map<std::string, std::string>> names;
    std::optional<std::map<std::string, AttributeValue>> values;
};

// The legacy condition parameters (`Expected` with `ConditionalOperator`).
struct LegacyConditions {
    std::vector<expr::LegacyCondition> conditions;
    std::optional<std::string> conditionalOperator;  // AND (default) or OR
};

struct PutItemRequest {
    std::string tableName;
    Item item;
    std::optional<std::string> conditionExpression;
    ExpressionAttributes expressionAttributes;
    std::optional<LegacyConditions> expected;
    ReturnValues returnValues = ReturnValues::None;
    bool returnOldItemOnConditionFailure = false;  // ReturnValuesOnConditionCheckFailure=ALL_OLD
};

struct UpdateItemRequest {
    std::string tableName;
    Item key;
    std::optional<std::string> updateExpression;
    std::optional<std::string> conditionExpression;
    ExpressionAttributes expressionAttributes;
    std::optional<std::vector<expr::LegacyUpdate>> attributeUpdates;
    std::optional<LegacyConditions> expected;
    ReturnValues returnValues = ReturnValues::None;
    bool returnOldItemOnConditionFailure = false;
};

struct DeleteItemRequest {
    std::string tableName;
    Item key;
    std::optional<std::string> conditionExpression;
    ExpressionAttributes expressionAttributes;
    std::optional<LegacyConditions> expected;
    ReturnValues returnValues = ReturnValues::None;
    bool returnOldItemOnConditionFailure = false;
};

// Capacity DynamoDB would have charged, for ReturnConsumedCapacity.
struct ConsumedCapacity {
    std::string tableName;
    double capacityUnits = 0;
    double readCapacityUnits = 0;
    double writeCapacityUnits = 0;
};

struct WriteResult {
    std::optional<Item> attributes;  // per ReturnValues
    ConsumedCapacity consumed;
};

struct GetItemRequest {
    std::string tableName;
    Item key;
    bool consistentRead = false;
    std::optional<std::string> projectionExpression;
    std::optional<std::map<std::string, std::string>> expressionAttributeNames;
    std::optional<std::vector<std::string>> attributesToGet;
    // For a caller that writes the item out itself (model::appendItemJson): a whole item comes
    // as stored, in GetItemResult::storedItem, without being decoded. A projected one comes as
    // `item` all the same.
    bool wholeItemsAsStored = false;
};

struct GetItemResult {
    std::optional<Item> item;
    std::optional<std::string> storedItem;  // see GetItemRequest::wholeItemsAsStored
    ConsumedCapacity consumed;
};

struct QueryRequest {
    std::string tableName;
    std::optional<std::string> indexName;
    std::optional<std::string> keyConditionExpression;
    std::optional<std::string> filterExpression;
    std::optional<std::string> projectionExpression;
    ExpressionAttributes expressionAttributes;
    std::optional<std::vector<expr::LegacyCondition>> keyConditions;
    std::optional<LegacyConditions> queryFilter;  // QueryFilter / ScanFilter
    std::optional<std::vector<std::string>> attributesToGet;
    std::optional<std::string> select;
    std::optional<int64_t> limit;
    std::optional<Item> exclusiveStartKey;
    bool scanIndexForward = true;
    bool consistentRead = false;
    // Scan only.
    std::optional<int64_t> segment;
    std::optional<int64_t> totalSegments;
    // As in GetItemRequest: whole items (no projection, not an index that projects fewer
    // attributes) come as stored, in QueryResult::storedItems, and are decoded only to test a
    // filter or to make LastEvaluatedKey.
    bool wholeItemsAsStored = false;
};
using ScanRequest = QueryRequest;

struct QueryResult {
    std::vector<Item> items;
    std::vector<std::string> storedItems;  // see QueryRequest::wholeItemsAsStored
    bool countOnly = false;                // Select=COUNT: no Items in the answer
    int64_t count = 0;
    int64_t scannedCount = 0;
    std::optional<Item> lastEvaluatedKey;
    ConsumedCapacity consumed;
};

struct KeysAndAttributes {
    std::vector<Item> keys;
    bool consistentRead = false;
    std::optional<std::string> projectionExpression;
    std::optional<std::map<std::string, std::string>> expressionAttributeNames;
    std::optional<std::vector<std::string>> attributesToGet;
};

struct BatchGetRequest {
    std::map<std::string, KeysAndAttributes> requestItems;
};

struct BatchGetResult {
    std::map<std::string, std::vector<Item>> responses;
    std::map<std::string, KeysAndAttributes> unprocessedKeys;
    std::vector<ConsumedCapacity> consumed;
};

struct WriteRequest {
    bool isPut = true;
    Item item;  // the item for a put, the key for a delete
};

struct BatchWriteRequest {
    std::map<std::string, std::vector<WriteRequest>> requestItems;
};

struct BatchWriteResult {
    std::map<std::string, std::vector<WriteRequest>> unprocessedItems;
    std::vector<ConsumedCapacity> consumed;
};

struct TransactGetRequest {
    struct Get {
        std::string tableName;
        Item key;
        std::optional<std::string> projectionExpression;
        std::optional<std::map<std::string, std::string>> expressionAttributeNames;
    };
    std::vector<Get> items;
};

struct TransactGetResult {
    std::vector<std::optional<Item>> responses;
    std::vector<ConsumedCapacity> consumed;
};

struct TransactWriteRequest {
    struct Action {
        enum class Kind { ConditionCheck, Put, Delete, Update } kind = Kind::Put;
        std::string tableName;
        Item itemOrKey;  // Item for Put, Key otherwise
        std::optional<std::string> conditionExpression;
        std::optional<std::string> updateExpression;
        ExpressionAttributes expressionAttributes;
        bool returnOldItemOnConditionFailure = false;
    };
    std::vector<Action> actions;
    std::optional<std::string> clientRequestToken;
    // A canonical rendering of the whole request, for ClientRequestToken idempotency checks.
    std::string fingerprint;
};

}  // namespace shardscope::table

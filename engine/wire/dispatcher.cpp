// SPDX-License-Identifier: MIT
#include "wire/dispatcher.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "model/codec.h"
#include "model/errordetail.h"
#include "model/json.h"
#include "table/database.h"
#include "table/schema.h"
#include "wire/decode.h"
#include "wire/directread.h"
#include "wire/jsonread.h"

namespace shardscope::wire {
namespace {

using nlohmann::json;
using table::Database;

constexpr std::string_view kDynamoPrefix = "DynamoDB_20120810.";
constexpr std::string_view kStreamsPrefix = "DynamoDBStreams_20120810.";

const char* codeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::Validation:
            return "ValidationException";
        case ErrorCode::Serialization:
            return "SerializationException";
        case ErrorCode::UnknownOperation:
            return "UnknownOperationException";
        case ErrorCode::ResourceNotFound:
            return "ResourceNotFoundException";
        case ErrorCode::ResourceInUse:
            return "ResourceInUseException";
        case ErrorCode::ConditionalCheckFailed:
            return "ConditionalCheckFailedException";
        case ErrorCode::TransactionCanceled:
            return "TransactionCanceledException";
        case ErrorCode::TransactionConflict:
            return "TransactionConflictException";
        case ErrorCode::TransactionInProgress:
            return "TransactionInProgressException";
        case ErrorCode::IdempotentParameterMismatch:
            return "IdempotentParameterMismatchException";
        case ErrorCode::ItemCollectionSizeLimitExceeded:
            return "ItemCollectionSizeLimitExceededException";
        case ErrorCode::LimitExceeded:
            return "LimitExceededException";
        case ErrorCode::TrimmedDataAccess:
            return "TrimmedDataAccessException";
        case ErrorCode::ExpiredIterator:
            return "ExpiredIteratorException";
        case ErrorCode::InternalServerError:
            return "InternalServerError";
    }
    return "InternalServerError";
}

// Replaces, never throws on, invalid UTF-8 (an error text quoting raw input, say).
std::string jsonText(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json capacityJson(const table::ConsumedCapacity& c) {
    return {{"TableName", c.tableName}, {"CapacityUnits", c.capacityUnits}};
}

json itemsJson(const std::vector<model::Item>& items) {
    json out = json::array();
    for (const auto& item : items) out.push_back(model::toJson(item));
    return out;
}

json errorJson(const Error& error) {
    json body = {{"__type", errorType(error.code)}};
    // TransactionCanceledException spells its text "Message", as DynamoDB does.
    body[error.code == ErrorCode::TransactionCanceled ? "Message" : "message"] = error.message;
    if (!error.detail) return body;
    if (error.detail->item) body["Item"] = model::toJson(*error.detail->item);
    if (!error.detail->cancellationReasons.empty()) {
        json reasons = json::array();
        for (const auto& r : error.detail->cancellationReasons) {
            json reason = {{"Code", r.code}};
            if (!r.message.empty()) reason["Message"] = r.message;
            if (r.item) reason["Item"] = model::toJson(*r.item);
            reasons.push_back(std::move(reason));
        }
        body["CancellationReasons"] = std::move(reasons);
    }
    return body;
}

// Every operation: decode, call, encode. Returns the response body or the error: as a JSON tree,
// or, for the answers that carry whole items or stream records, as JSON text written directly.
using TreeOperation = Result<json> (*)(Database&, const json&, bool wantCapacity);
using TextOperation = Result<std::string> (*)(Database&, const json&, bool wantCapacity);
// Reads the request text itself, or declines (nullopt) and leaves it to `tree`: see directread.h.
using DirectOperation = std::optional<Result<json>> (*)(Database&, std::string_view body);
struct Operation {
    TreeOperation tree = nullptr;
    TextOperation text = nullptr;
    DirectOperation direct = nullptr;
    // Implicit, so the tables below list both kinds alike.
    Operation(TreeOperation t, DirectOperation d = nullptr) : tree(t), direct(d) {}
    Operation(TextOperation t) : text(t) {}
};

Result<json> createTable(Database& db, const json& body, bool) {
    auto req = decodeCreateTable(body);
    if (!req) return req.takeError();
    auto d = db.createTable(*req);
    if (!d) return d.takeError();
    return json{{"TableDescription", table::describeJson(*d)}};
}

Result<json> describeTable(Database& db, const json& body, bool) {
    if (!body.contains("TableName")) return missingMember("tableName");
    if (!body["TableName"].is_string())
        return serializationError("Unexpected value type for 'tableName': expected a string");
    auto d = db.describeTable(body["TableName"].get<std::string>());
    if (!d) return d.takeError();
    return json{{"Table", table::describeJson(*d)}};
}

Result<json> deleteTable(Database& db, const json& body, bool) {
    if (!body.contains("TableName")) return missingMember("tableName");
    if (!body["TableName"].is_string())
        return serializationError("Unexpected value type for 'tableName': expected a string");
    auto d = db.deleteTable(body["TableName"].get<std::string>());
    if (!d) return d.takeError();
    return json{{"TableDescription", table::describeJson(*d)}};
}

Result<json> updateTable(Database& db, const json& body, bool) {
    auto req = decodeUpdateTable(body);
    if (!req) return req.takeError();
    auto d = db.updateTable(*req);
    if (!d) return d.takeError();
    return json{{"TableDescription", table::describeJson(*d)}};
}

Result<json> listTables(Database& db, const json& body, bool) {
    auto req = decodeListTables(body);
    if (!req) return req.takeError();
    auto r = db.listTables(*req);
    if (!r) return r.takeError();
    json out = {{"TableNames", r->tableNames}};
    if (r->lastEvaluatedTableName) out["LastEvaluatedTableName"] = *r->lastEvaluatedTableName;
    return out;
}

json writeJson(const table::WriteResult& r, bool wantCapacity) {
    json out = json::object();
    if (r.attributes) out["Attributes"] = model::toJson(*r.attributes);
    if (wantCapacity) out["ConsumedCapacity"] = capacityJson(r.consumed);
    return out;
}

// A single-item write, read by either decoder.
template <auto Run, class Request>
Result<json> runWrite(Database& db, const Request& req, bool cap) {
    auto r = (db.*Run)(req);
    if (!r) return r.takeError();
    return writeJson(*r, cap);
}

template <auto Run, auto Decode>
Result<json> treeWrite(Database& db, const json& body, bool cap) {
    auto req = Decode(body);
    if (!req) return req.takeError();
    return runWrite<Run>(db, *req, cap);
}

template <auto Run, auto Read>
std::optional<Result<json>> directWrite(Database& db, std::string_view body) {
    auto read = Read(body);
    if (!read) return std::nullopt;
    return runWrite<Run>(db, read->request, read->wantCapacity);
}

// Answers that carry whole items, written as text: each stored item straight from its bytes
// (model::appendItemJson), with no JSON tree in between; the other members go through the tree.

// Opens the next member of the object being written: a comma after the first, then its name.
void member(std::string& out, std::string_view name) {
    if (out.back() != '{') out.push_back(',');
    out.push_back('"');
    out.append(name);
    out.append("\":");
}

// The answer's last member when the caller asked for ReturnConsumedCapacity, and its end.
std::string closeAnswer(std::string out, bool wantCapacity, const table::ConsumedCapacity& c) {
    if (wantCapacity) {
        member(out, "ConsumedCapacity");
        out.append(jsonText(capacityJson(c)));
    }
    out.push_back('}');
    return out;
}

Result<std::string> getItemText(Database& db, const json& body, bool cap) {
    auto req = decodeGetItem(body);
    if (!req) return req.takeError();
    req->wholeItemsAsStored = true;
    auto r = db.getItem(*req);
    if (!r) return r.takeError();
    std::string out = "{";
    if (r->storedItem) {
        member(out, "Item");
        if (!model::appendItemJson(*r->storedItem, out)) return table::damagedItem(req->tableName);
    } else if (r->item) {
        member(out, "Item");
        out.append(jsonText(model::toJson(*r->item)));
    }
    return closeAnswer(std::move(out), cap, r->consumed);
}

Result<std::string> queryOrScanText(Database& db, const json& body, bool cap, bool isScan) {
    auto req = decodeQuery(body, isScan);
    if (!req) return req.takeError();
    req->wholeItemsAsStored = true;
    auto r = isScan ? db.scan(*req) : db.query(*req);
    if (!r) return r.takeError();
    std::string out = "{";
    if (!r->countOnly) {
        member(out, "Items");
        out.push_back('[');
        // One of the two holds the page: stored items, or items projected in the engine.
        for (const auto& stored : r->storedItems) {
            if (out.back() != '[') out.push_back(',');
            if (!model::appendItemJson(stored, out)) return table::damagedItem(req->tableName);
        }
        for (const auto& item : r->items) {
            if (out.back() != '[') out.push_back(',');
            out.append(jsonText(model::toJson(item)));
        }
        out.push_back(']');
    }
    member(out, "Count");
    out.append(std::to_string(r->count));
    member(out, "ScannedCount");
    out.append(std::to_string(r->scannedCount));
    if (r->lastEvaluatedKey) {
        member(out, "LastEvaluatedKey");
        out.append(jsonText(model::toJson(*r->lastEvaluatedKey)));
    }
    return closeAnswer(std::move(out), cap, r->consumed);
}

Result<std::string> queryText(Database& db, const json& body, bool cap) {
    return queryOrScanText(db, body, cap, false);
}
Result<std::string> scanText(Database& db, const json& body, bool cap) {
    return queryOrScanText(db, body, cap, true);
}

Result<json> batchGetItem(Database& db, const json& body, bool cap) {
    auto req = decodeBatchGet(body);
    if (!req) return req.takeError();
    auto r = db.batchGetItem(*req);
    if (!r) return r.takeError();
    json responses = json::object();
    for (const auto& [name, items] : r->responses) responses[name] = itemsJson(items);
    json unprocessed = json::object();
    for (const auto& [name, keys] : r->unprocessedKeys) {
        json entry = {{"Keys", itemsJson(keys.keys)}, {"ConsistentRead", keys.consistentRead}};
        if (keys.projectionExpression) entry["ProjectionExpression"] = *keys.projectionExpression;
        if (keys.expressionAttributeNames)
            entry["ExpressionAttributeNames"] = *keys.expressionAttributeNames;
        if (keys.attributesToGet) entry["AttributesToGet"] = *keys.attributesToGet;
        unprocessed[name] = std::move(entry);
    }
    json out = {{"Responses", responses}, {"UnprocessedKeys", unprocessed}};
    if (cap) {
        out["ConsumedCapacity"] = json::array();
        for (const auto& c : r->consumed) out["ConsumedCapacity"].push_back(capacityJson(c));
    }
    return out;
}

Result<json> runBatchWrite(Database& db, const table::BatchWriteRequest& req, bool cap) {
    auto r = db.batchWriteItem(req);
    if (!r) return r.takeError();
    json out = {{"UnprocessedItems", json::object()}};
    if (cap) {
        out["ConsumedCapacity"] = json::array();
        for (const auto& c : r->consumed) out["ConsumedCapacity"].push_back(capacityJson(c));
    }
    return out;
}

Result<json> batchWriteItem(Database& db, const json& body, bool cap) {
    auto req = decodeBatchWrite(body);
    if (!req) return req.takeError();
    return runBatchWrite(db, *req, cap);
}

std::optional<Result<json>> batchWriteItemDirect(Database& db, std::string_view body) {
    auto read = readBatchWriteDirect(body);
    if (!read) return std::nullopt;
    return runBatchWrite(db, read->request, read->wantCapacity);
}

// The single-item writes, each by the direct reader first.
const Operation kPutItem{treeWrite<&Database::putItem, decodePutItem>,
                         directWrite<&Database::putItem, readPutItemDirect>};
const Operation kUpdateItem{treeWrite<&Database::updateItem, decodeUpdateItem>,
                            directWrite<&Database::updateItem, readUpdateItemDirect>};
const Operation kDeleteItem{treeWrite<&Database::deleteItem, decodeDeleteItem>,
                            directWrite<&Database::deleteItem, readDeleteItemDirect>};

Result<json> transactGetItems(Database& db, const json& body, bool cap) {
    auto req = decodeTransactGet(body);
    if (!req) return req.takeError();
    auto r = db.transactGetItems(*req);
    if (!r) return r.takeError();
    json responses = json::array();
    for (const auto& item : r->responses) {
        json entry = json::object();
        if (item) entry["Item"] = model::toJson(*item);
        responses.push_back(std::move(entry));
    }
    json out = {{"Responses", responses}};
    if (cap) {
        out["ConsumedCapacity"] = json::array();
        for (const auto& c : r->consumed) out["ConsumedCapacity"].push_back(capacityJson(c));
    }
    return out;
}

Result<json> transactWriteItems(Database& db, const json& body, bool) {
    auto req = decodeTransactWrite(body);
    if (!req) return req.takeError();
    auto r = db.transactWriteItems(*req);
    if (!r) return r.takeError();
    return json::object();
}

// ---- Time to live (reference §2.6) ------------------------------------------------------------

Result<json> updateTimeToLive(Database& db, const json& body, bool) {
    auto req = decodeUpdateTimeToLive(body);
    if (!req) return req.takeError();
    auto spec = db.updateTimeToLive(*req);
    if (!spec) return spec.takeError();
    return json{{"TimeToLiveSpecification",
                 {{"AttributeName", spec->attributeName}, {"Enabled", spec->enabled}}}};
}

Result<json> describeTimeToLive(Database& db, const json& body, bool) {
    auto tableName = decodeDescribeTimeToLive(body);
    if (!tableName) return tableName.takeError();
    auto d = db.describeTimeToLive(*tableName);
    if (!d) return d.takeError();
    json description = {{"TimeToLiveStatus", d->status}};
    if (d->attributeName) description["AttributeName"] = *d->attributeName;
    return json{{"TimeToLiveDescription", std::move(description)}};
}

// ---- DynamoDB Streams (reference §5) ---------------------------------------------------------

Result<json> listStreams(Database& db, const json& body, bool) {
    auto req = decodeListStreams(body);
    if (!req) return req.takeError();
    auto r = db.listStreams(*req);
    if (!r) return r.takeError();
    json streams = json::array();
    for (const auto& s : r->streams)
        streams.push_back({{"StreamArn", s.streamArn},
                           {"TableName", s.tableName},
                           {"StreamLabel", s.streamLabel}});
    json out = {{"Streams", std::move(streams)}};
    if (r->lastEvaluatedStreamArn) out["LastEvaluatedStreamArn"] = *r->lastEvaluatedStreamArn;
    return out;
}

Result<json> describeStream(Database& db, const json& body, bool) {
    auto req = decodeDescribeStream(body);
    if (!req) return req.takeError();
    auto d = db.describeStream(*req);
    if (!d) return d.takeError();
    json shards = json::array();
    for (const auto& shard : d->shards) {
        json range = {{"StartingSequenceNumber", shard.startingSequenceNumber}};
        if (shard.endingSequenceNumber) range["EndingSequenceNumber"] = *shard.endingSequenceNumber;
        json entry = {{"ShardId", shard.shardId}};
        if (shard.parentShardId) entry["ParentShardId"] = *shard.parentShardId;
        entry["SequenceNumberRange"] = std::move(range);
        shards.push_back(std::move(entry));
    }
    json description = {{"StreamArn", d->streamArn},
                        {"StreamLabel", d->streamLabel},
                        {"StreamStatus", d->streamStatus},
                        {"StreamViewType", stream::viewTypeName(d->streamViewType)},
                        {"CreationRequestDateTime", d->creationRequestDateTime},
                        {"TableName", d->tableName},
                        {"KeySchema", table::keySchemaJson(d->keySchema)},
                        {"Shards", std::move(shards)}};
    if (d->lastEvaluatedShardId) description["LastEvaluatedShardId"] = *d->lastEvaluatedShardId;
    return json{{"StreamDescription", std::move(description)}};
}

Result<json> getShardIterator(Database& db, const json& body, bool) {
    auto req = decodeGetShardIterator(body);
    if (!req) return req.takeError();
    auto iterator = db.getShardIterator(*req);
    if (!iterator) return iterator.takeError();
    return json{{"ShardIterator", *iterator}};
}

// GetRecords (reference §5.1, §5.6). Its answers are the bulk of stream traffic: each record is
// written as JSON text straight from its stored bytes while the page is read, with no JSON tree
// and no collected page in between (the same text, several times faster). False when the
// record's stored images do not decode.
bool appendRecordText(std::string& out, const stream::Record& r) {
    out.append("{\"eventID\":\"").append(r.eventId);
    out.append("\",\"eventName\":\"").append(stream::eventNameText(r.eventName));
    out.append("\",\"eventVersion\":\"1.1\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":");
    out.push_back('"');
    out.append(r.awsRegion);  // a region name: letters, digits and dashes
    out.push_back('"');
    out.append(",\"dynamodb\":{\"ApproximateCreationDateTime\":");
    out.append(std::to_string(r.approximateCreationDateTime));
    out.append(",\"Keys\":");
    if (!model::appendItemJson(r.encodedKeys, out)) return false;
    if (!r.encodedNewImage.empty()) {
        out.append(",\"NewImage\":");
        if (!model::appendItemJson(r.encodedNewImage, out)) return false;
    }
    if (!r.encodedOldImage.empty()) {
        out.append(",\"OldImage\":");
        if (!model::appendItemJson(r.encodedOldImage, out)) return false;
    }
    out.append(",\"SequenceNumber\":\"").append(r.sequenceNumber);
    out.append("\",\"SizeBytes\":").append(std::to_string(r.sizeBytes));
    out.append(",\"StreamViewType\":\"").append(stream::viewTypeName(r.streamViewType));
    out.append("\"}");
    // The API spells these capitalised; Lambda events use type/principalId (§5.1, §8.16).
    if (r.byTimeToLive)
        out.append(
            ",\"userIdentity\":{\"Type\":\"Service\",\"PrincipalId\":\"dynamodb.amazonaws.com\"}");
    out.push_back('}');
    return true;
}

Result<std::string> getRecordsText(Database& db, const json& body, bool) {
    auto req = decodeGetRecords(body);
    if (!req) return req.takeError();
    // A page holds up to 1 MB of stored records: up to about 1 MB of text in the usual case
    // (200-byte items), more only for pages of large records. Reserved up front, so a page seldom
    // has to grow (and be copied) on the way; the pages it does not touch cost nothing.
    constexpr size_t kUsualPageText = 1024 * 1024;
    std::string out;
    out.reserve(kUsualPageText);
    out.append("{\"Records\":[");  // always present, [] when empty
    bool first = true;
    auto r = db.getRecords(*req, [&](const stream::Record& record) {
        if (!first) out.push_back(',');
        first = false;
        return appendRecordText(out, record);
    });
    if (!r) return r.takeError();
    out.push_back(']');
    // Omitted (not null or "") once a closed shard has been read to its end.
    if (r->nextShardIterator)
        out.append(",\"NextShardIterator\":").append(json(*r->nextShardIterator).dump());
    out.push_back('}');
    return out;
}

const std::unordered_map<std::string_view, Operation>& streamOperations() {
    static const std::unordered_map<std::string_view, Operation> table = {
        {"ListStreams", listStreams},
        {"DescribeStream", describeStream},
        {"GetShardIterator", getShardIterator},
        {"GetRecords", getRecordsText},
    };
    return table;
}

const std::unordered_map<std::string_view, Operation>& operations() {
    static const std::unordered_map<std::string_view, Operation> table = {
        {"CreateTable", createTable},
        {"DescribeTable", describeTable},
        {"UpdateTable", updateTable},
        {"DeleteTable", deleteTable},
        {"ListTables", listTables},
        {"PutItem", kPutItem},
        {"GetItem", getItemText},
        {"UpdateItem", kUpdateItem},
        {"DeleteItem", kDeleteItem},
        {"Query", queryText},
        {"Scan", scanText},
        {"BatchGetItem", batchGetItem},
        {"BatchWriteItem", {batchWriteItem, batchWriteItemDirect}},
        {"TransactGetItems", transactGetItems},
        {"TransactWriteItems", transactWriteItems},
        {"UpdateTimeToLive", updateTimeToLive},
        {"DescribeTimeToLive", describeTimeToLive},
    };
    return table;
}

Reply replyFor(const Error& error) {
    return {httpStatus(error.code), errorJson(error).dump()};
}

Reply treeReply(const Result<json>& result) {
    if (!result) return replyFor(result.error());
    return {200, jsonText(*result)};
}

}  // namespace

std::string errorType(ErrorCode code) {
    const char* name = codeName(code);
    switch (code) {
        case ErrorCode::Validation:
            return std::string("com.amazon.coral.validate#") + name;
        case ErrorCode::Serialization:
        case ErrorCode::UnknownOperation:
            return std::string("com.amazon.coral.service#") + name;
        default:
            return std::string("com.amazonaws.dynamodb.v20120810#") + name;
    }
}

int httpStatus(ErrorCode code) {
    return code == ErrorCode::InternalServerError ? 500 : 400;
}

Reply errorReply(ErrorCode code, std::string_view message) {
    return replyFor(Error{code, std::string(message), nullptr});
}

Dispatcher::Dispatcher(table::Database& db) : m_db(db) {}

Reply Dispatcher::handle(std::string_view target, std::string_view body,
                         std::string_view /*region*/) const {
    // Both APIs on one endpoint, told apart by the target's prefix (reference §4.1).
    std::string_view operation;
    const bool isStreams = target.substr(0, kStreamsPrefix.size()) == kStreamsPrefix;
    if (isStreams)
        operation = target.substr(kStreamsPrefix.size());
    else if (target.substr(0, kDynamoPrefix.size()) == kDynamoPrefix)
        operation = target.substr(kDynamoPrefix.size());
    const auto& ops = isStreams ? streamOperations() : operations();
    const auto it = ops.find(operation);
    if (operation.empty() || it == ops.end()) return errorReply(ErrorCode::UnknownOperation, "");

    const Operation& op = it->second;
    try {
        if (op.direct) {
            if (auto result = op.direct(m_db, body)) return treeReply(*result);
        }
        const json request = json::parse(body, nullptr, false);
        if (request.is_discarded() || !request.is_object())
            return errorReply(ErrorCode::Serialization,
                              "Start of structure or map found where not "
                              "expected, or the body is not valid JSON");
        // The Streams API has no ReturnConsumedCapacity member.
        auto wantCapacity = isStreams ? Result<bool>(false) : decodeReturnConsumedCapacity(request);
        if (!wantCapacity) return replyFor(wantCapacity.error());
        if (op.text) {
            auto text = op.text(m_db, request, *wantCapacity);
            if (!text) return replyFor(text.error());
            return {200, std::move(*text)};
        }
        return treeReply(op.tree(m_db, request, *wantCapacity));
    } catch (const std::exception& e) {
        return errorReply(ErrorCode::InternalServerError, e.what());
    }
}

}  // namespace shardscope::wire

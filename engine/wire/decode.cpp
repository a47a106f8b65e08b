// SPDX-License-Identifier: MIT
#include "wire/decode.h"

#include <set>

#include "model/json.h"
#include "wire/jsonread.h"

namespace shardscope::wire {
namespace {

using namespace table;

template <class T>
Result<T> finish(JsonReader& reader, T value) {
    if (reader.failed()) return reader.takeError();
    return value;
}

Error enumError(const std::string& value, const std::string& field, const char* allowed) {
    return validationError(
        "1 validation error detected: Value '" + value + "' at '" + field +
        "' failed to satisfy constraint: Member must satisfy enum value set: " + allowed);
}

std::vector<KeySchemaElement> keySchema(JsonReader& reader, const char* name) {
    std::vector<KeySchemaElement> out;
    const json* arr = reader.array(name);
    if (!arr) return out;
    for (const auto& e : *arr) {
        JsonReader r(e, reader.fieldPath(name) + ".member");
        out.push_back({r.requiredString("AttributeName"), r.requiredString("KeyType")});
        if (r.failed()) reader.fail(r.takeError());
    }
    return out;
}

std::vector<AttributeDefinition> attributeDefinitions(JsonReader& reader) {
    std::vector<AttributeDefinition> out;
    const json* arr = reader.array("AttributeDefinitions");
    if (!arr) return out;
    for (const auto& e : *arr) {
        JsonReader r(e, "attributeDefinitions.member");
        out.push_back({r.requiredString("AttributeName"), r.requiredString("AttributeType")});
        if (r.failed()) reader.fail(r.takeError());
    }
    return out;
}

std::optional<Throughput> throughput(JsonReader& reader) {
    const json* obj = reader.object("ProvisionedThroughput");
    if (!obj) return std::nullopt;
    JsonReader r(*obj, "provisionedThroughput");
    Throughput t;
    const auto read = r.integer("ReadCapacityUnits");
    const auto write = r.integer("WriteCapacityUnits");
    if (!r.failed() && !read) r.fail(missingMember("provisionedThroughput.readCapacityUnits"));
    if (!r.failed() && !write) r.fail(missingMember("provisionedThroughput.writeCapacityUnits"));
    if (r.failed()) {
        reader.fail(r.takeError());
        return std::nullopt;
    }
    t.readCapacityUnits = *read;
    t.writeCapacityUnits = *write;
    return t;
}

IndexSpec indexSpec(const json& e, JsonReader& outer, const std::string& path) {
    JsonReader r(e, path);
    IndexSpec spec;
    spec.indexName = r.requiredString("IndexName");
    spec.keySchema = keySchema(r, "KeySchema");
    if (!r.failed() && !r.has("KeySchema")) r.fail(missingMember(path + ".keySchema"));
    if (const json* p = r.object("Projection")) {
        JsonReader pr(*p, path + ".projection");
        spec.projection.projectionType = pr.string("ProjectionType").value_or("");
        spec.projection.nonKeyAttributes =
            pr.stringList("NonKeyAttributes").value_or(std::vector<std::string>{});
        if (pr.failed()) r.fail(pr.takeError());
    } else if (!r.failed()) {
        r.fail(missingMember(path + ".projection"));
    }
    spec.provisionedThroughput = throughput(r);
    if (r.failed()) outer.fail(r.takeError());
    return spec;
}

std::vector<IndexSpec> indexes(JsonReader& reader, const char* name) {
    std::vector<IndexSpec> out;
    const json* arr = reader.array(name);
    if (!arr) return out;
    for (const auto& e : *arr)
        out.push_back(indexSpec(e, reader, reader.fieldPath(name) + ".member"));
    return out;
}

std::optional<StreamSpecification> streamSpecification(JsonReader& reader) {
    const json* obj = reader.object("StreamSpecification");
    if (!obj) return std::nullopt;
    JsonReader r(*obj, "streamSpecification");
    StreamSpecification spec;
    const auto enabled = r.boolean("StreamEnabled");
    spec.streamViewType = r.string("StreamViewType").value_or("");
    if (!r.failed() && !enabled) r.fail(missingMember("streamSpecification.streamEnabled"));
    if (!r.failed() && !spec.streamViewType.empty() && spec.streamViewType != "KEYS_ONLY" &&
        spec.streamViewType != "NEW_IMAGE" && spec.streamViewType != "OLD_IMAGE" &&
        spec.streamViewType != "NEW_AND_OLD_IMAGES")
        r.fail(enumError(spec.streamViewType, "streamSpecification.streamViewType",
                         "[NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]"));
    if (!r.failed() && *enabled && spec.streamViewType.empty())
        r.fail(
            validationError("One or more parameter values were invalid: You must specify a "
                            "StreamViewType when enabling a stream"));
    if (r.failed()) {
        reader.fail(r.takeError());
        return std::nullopt;
    }
    spec.streamEnabled = *enabled;
    return spec;
}

ExpressionAttributes expressionAttributes(JsonReader& reader) {
    return {reader.stringMap("ExpressionAttributeNames"),
            reader.valueMap("ExpressionAttributeValues")};
}

ReturnValues returnValues(JsonReader& reader) {
    const auto text = reader.string("ReturnValues");
    if (!text || *text == "NONE") return ReturnValues::None;
    if (*text == "ALL_OLD") return ReturnValues::AllOld;
    if (*text == "UPDATED_OLD") return ReturnValues::UpdatedOld;
    if (*text == "ALL_NEW") return ReturnValues::AllNew;
    if (*text == "UPDATED_NEW") return ReturnValues::UpdatedNew;
    reader.fail(
        enumError(*text, "returnValues", "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"));
    return ReturnValues::None;
}

bool returnOldOnFailure(JsonReader& reader) {
    const auto text = reader.string("ReturnValuesOnConditionCheckFailure");
    if (!text || *text == "NONE") return false;
    if (*text == "ALL_OLD") return true;
    reader.fail(enumError(*text, "returnValuesOnConditionCheckFailure", "[ALL_OLD, NONE]"));
    return false;
}

std::optional<std::vector<expr::LegacyCondition>> legacyConditions(JsonReader& reader,
                                                                   const char* name) {
    const json* obj = reader.object(name);
    if (!obj) return std::nullopt;
    std::vector<expr::LegacyCondition> out;
    for (const auto& [attribute, spec] : obj->items()) {
        JsonReader r(spec, reader.fieldPath(name));
        if (attribute.empty()) {
            reader.fail(validationError(
                "One or more parameter values were invalid: An attribute name cannot be empty"));
            return std::nullopt;
        }
        expr::LegacyCondition c;
        c.attributeName = attribute;
        c.comparisonOperator = r.string("ComparisonOperator");
        c.exists = r.boolean("Exists");
        if (const json* v = r.object("Value")) {
            auto decoded = model::valueFromJson(*v);
            if (decoded)
                c.value = std::move(*decoded);
            else
                r.fail(decoded.takeError());
        }
        if (const json* list = r.array("AttributeValueList")) {
            for (const auto& v : *list) {
                auto decoded = model::valueFromJson(v);
                if (!decoded) {
                    r.fail(decoded.takeError());
                    break;
                }
                c.attributeValueList.push_back(std::move(*decoded));
            }
        }
        if (r.failed()) {
            reader.fail(r.takeError());
            return std::nullopt;
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<LegacyConditions> expected(JsonReader& reader, const char* name) {
    auto conditions = legacyConditions(reader, name);
    auto op = reader.string("ConditionalOperator");
    if (!conditions) return std::nullopt;
    return LegacyConditions{std::move(*conditions), std::move(op)};
}

std::optional<std::vector<expr::LegacyUpdate>> attributeUpdates(JsonReader& reader) {
    const json* obj = reader.object("AttributeUpdates");
    if (!obj) return std::nullopt;
    std::vector<expr::LegacyUpdate> out;
    for (const auto& [attribute, spec] : obj->items()) {
        JsonReader r(spec, "attributeUpdates");
        if (attribute.empty()) {
            reader.fail(validationError(
                "One or more parameter values were invalid: An attribute name cannot be empty"));
            return std::nullopt;
        }
        expr::LegacyUpdate u;
        u.attributeName = attribute;
        u.action = r.string("Action").value_or("PUT");
        if (const json* v = r.object("Value")) {
            auto decoded = model::valueFromJson(*v);
            if (decoded)
                u.value = std::move(*decoded);
            else
                r.fail(decoded.takeError());
        }
        if (!r.failed() && u.action != "PUT" && u.action != "ADD" && u.action != "DELETE")
            r.fail(enumError(u.action, "attributeUpdates.action", "[ADD, PUT, DELETE]"));
        if (r.failed()) {
            reader.fail(r.takeError());
            return std::nullopt;
        }
        out.push_back(std::move(u));
    }
    return out;
}

// The members PutItem, UpdateItem and DeleteItem share.
template <class Request>
void readConditionalWrite(JsonReader& r, Request& req) {
    req.tableName = r.requiredString("TableName");
    req.conditionExpression = r.string("ConditionExpression");
    req.expressionAttributes = expressionAttributes(r);
    req.expected = expected(r, "Expected");
    req.returnValues = returnValues(r);
    req.returnOldItemOnConditionFailure = returnOldOnFailure(r);
}

}  // namespace

Result<bool> decodeReturnConsumedCapacity(const json& body) {
    JsonReader r(body);
    const auto text = r.string("ReturnConsumedCapacity");
    if (r.failed()) return r.takeError();
    if (!text || *text == "NONE") return false;
    if (*text == "TOTAL" || *text == "INDEXES") return true;
    return enumError(*text, "returnConsumedCapacity", "[INDEXES, TOTAL, NONE]");
}

Result<CreateTableRequest> decodeCreateTable(const json& body) {
    JsonReader r(body);
    CreateTableRequest req;
    req.tableName = r.requiredString("TableName");
    if (!r.failed() && !r.has("KeySchema")) r.fail(missingMember("keySchema"));
    req.keySchema = keySchema(r, "KeySchema");
    if (!r.failed() && !r.has("AttributeDefinitions"))
        r.fail(missingMember("attributeDefinitions"));
    req.attributeDefinitions = attributeDefinitions(r);
    req.billingMode = r.string("BillingMode");
    req.provisionedThroughput = throughput(r);
    req.localSecondaryIndexes = indexes(r, "LocalSecondaryIndexes");
    req.globalSecondaryIndexes = indexes(r, "GlobalSecondaryIndexes");
    req.streamSpecification = streamSpecification(r);
    req.tableClass = r.string("TableClass");
    req.deletionProtectionEnabled = r.boolean("DeletionProtectionEnabled").value_or(false);
    return finish(r, std::move(req));
}

Result<UpdateTableRequest> decodeUpdateTable(const json& body) {
    JsonReader r(body);
    UpdateTableRequest req;
    req.tableName = r.requiredString("TableName");
    req.attributeDefinitions = attributeDefinitions(r);
    req.billingMode = r.string("BillingMode");
    req.provisionedThroughput = throughput(r);
    req.streamSpecification = streamSpecification(r);
    req.tableClass = r.string("TableClass");
    req.deletionProtectionEnabled = r.boolean("DeletionProtectionEnabled");
    if (const json* updates = r.array("GlobalSecondaryIndexUpdates")) {
        for (const auto& u : *updates) {
            JsonReader ur(u, "globalSecondaryIndexUpdates.member");
            GsiUpdate update;
            if (const json* c = ur.object("Create")) {
                update.kind = GsiUpdate::Kind::Create;
                update.index = indexSpec(*c, ur, "globalSecondaryIndexUpdates.member.create");
            } else if (const json* d = ur.object("Delete")) {
                update.kind = GsiUpdate::Kind::Delete;
                JsonReader dr(*d, "globalSecondaryIndexUpdates.member.delete");
                update.index.indexName = dr.requiredString("IndexName");
                if (dr.failed()) ur.fail(dr.takeError());
            } else if (const json* p = ur.object("Update")) {
                update.kind = GsiUpdate::Kind::Update;
                JsonReader pr(*p, "globalSecondaryIndexUpdates.member.update");
                update.index.indexName = pr.requiredString("IndexName");
                update.index.provisionedThroughput = throughput(pr);
                if (pr.failed()) ur.fail(pr.takeError());
            } else if (!ur.failed()) {
                ur.fail(
                    validationError("One or more parameter values were invalid: One of "
                                    "GlobalSecondaryIndexUpdate.Create, Update or Delete "
                                    "must be specified"));
            }
            if (ur.failed()) r.fail(ur.takeError());
            req.globalSecondaryIndexUpdates.push_back(std::move(update));
        }
    }
    return finish(r, std::move(req));
}

Result<ListTablesRequest> decodeListTables(const json& body) {
    JsonReader r(body);
    ListTablesRequest req;
    req.exclusiveStartTableName = r.string("ExclusiveStartTableName");
    req.limit = r.integer("Limit");
    return finish(r, std::move(req));
}

Result<PutItemRequest> decodePutItem(const json& body) {
    JsonReader r(body);
    PutItemRequest req;
    readConditionalWrite(r, req);
    req.item = r.requiredItem("Item");
    return finish(r, std::move(req));
}

Result<GetItemRequest> decodeGetItem(const json& body) {
    JsonReader r(body);
    GetItemRequest req;
    req.tableName = r.requiredString("TableName");
    req.key = r.requiredItem("Key");
    req.consistentRead = r.boolean("ConsistentRead").value_or(false);
    req.projectionExpression = r.string("ProjectionExpression");
    req.expressionAttributeNames = r.stringMap("ExpressionAttributeNames");
    req.attributesToGet = r.stringList("AttributesToGet");
    return finish(r, std::move(req));
}

Result<UpdateItemRequest> decodeUpdateItem(const json& body) {
    JsonReader r(body);
    UpdateItemRequest req;
    readConditionalWrite(r, req);
    req.key = r.requiredItem("Key");
    req.updateExpression = r.string("UpdateExpression");
    req.attributeUpdates = attributeUpdates(r);
    return finish(r, std::move(req));
}

Result<DeleteItemRequest> decodeDeleteItem(const json& body) {
    JsonReader r(body);
    DeleteItemRequest req;
    readConditionalWrite(r, req);
    req.key = r.requiredItem("Key");
    return finish(r, std::move(req));
}

Result<QueryRequest> decodeQuery(const json& body, bool isScan) {
    JsonReader r(body);
    QueryRequest req;
    req.tableName = r.requiredString("TableName");
    req.indexName = r.string("IndexName");
    req.keyConditionExpression = r.string("KeyConditionExpression");
    req.filterExpression = r.string("FilterExpression");
    req.projectionExpression = r.string("ProjectionExpression");
    req.expressionAttributes = expressionAttributes(r);
    req.keyConditions = legacyConditions(r, "KeyConditions");
    req.queryFilter = expected(r, isScan ? "ScanFilter" : "QueryFilter");
    req.attributesToGet = r.stringList("AttributesToGet");
    req.select = r.string("Select");
    req.limit = r.integer("Limit");
    req.exclusiveStartKey = r.item("ExclusiveStartKey");
    req.scanIndexForward = r.boolean("ScanIndexForward").value_or(true);
    req.consistentRead = r.boolean("ConsistentRead").value_or(false);
    if (isScan) {
        req.segment = r.integer("Segment");
        req.totalSegments = r.integer("TotalSegments");
    }
    return finish(r, std::move(req));
}

Result<BatchGetRequest> decodeBatchGet(const json& body) {
    JsonReader r(body);
    BatchGetRequest req;
    const json* items = r.object("RequestItems");
    if (!r.failed() && !items) r.fail(missingMember("requestItems"));
    if (items) {
        for (const auto& [table, spec] : items->items()) {
            JsonReader tr(spec, "requestItems." + table);
            KeysAndAttributes entry;
            if (const json* keys = tr.array("Keys")) {
                std::set<std::string> spelled;
                for (const auto& k : *keys) {
                    if (!spelled.insert(k.dump()).second) {
                        tr.fail(validationError("Provided list of item keys contains duplicates"));
                        break;
                    }
                    auto key = model::itemFromJson(k);
                    if (!key) {
                        tr.fail(key.takeError());
                        break;
                    }
                    entry.keys.push_back(std::move(*key));
                }
            } else if (!tr.failed()) {
                tr.fail(missingMember("requestItems." + table + ".member.keys"));
            }
            entry.consistentRead = tr.boolean("ConsistentRead").value_or(false);
            entry.projectionExpression = tr.string("ProjectionExpression");
            entry.expressionAttributeNames = tr.stringMap("ExpressionAttributeNames");
            entry.attributesToGet = tr.stringList("AttributesToGet");
            if (tr.failed()) r.fail(tr.takeError());
            req.requestItems.emplace(table, std::move(entry));
        }
    }
    return finish(r, std::move(req));
}

Result<BatchWriteRequest> decodeBatchWrite(const json& body) {
    JsonReader r(body);
    BatchWriteRequest req;
    const json* items = r.object("RequestItems");
    if (!r.failed() && !items) r.fail(missingMember("requestItems"));
    if (items) {
        for (const auto& [table, writes] : items->items()) {
            if (!writes.is_array()) {
                r.fail(serializationError("Unexpected value type for 'requestItems." + table +
                                          "': expected a list"));
                break;
            }
            auto& list = req.requestItems[table];
            for (const auto& w : writes) {
                JsonReader wr(w, "requestItems." + table + ".member");
                const json* put = wr.object("PutRequest");
                const json* del = wr.object("DeleteRequest");
                if (!wr.failed() && (put != nullptr) == (del != nullptr))
                    wr.fail(
                        validationError("Supplied AttributeValue has more than one "
                                        "datatypes set, must contain exactly one of the "
                                        "supported datatypes"));
                if (!wr.failed()) {
                    JsonReader inner(put ? *put : *del,
                                     wr.fieldPath(put ? "PutRequest" : "DeleteRequest"));
                    WriteRequest request;
                    request.isPut = put != nullptr;
                    request.item = inner.requiredItem(put ? "Item" : "Key");
                    if (inner.failed()) wr.fail(inner.takeError());
                    list.push_back(std::move(request));
                }
                if (wr.failed()) {
                    r.fail(wr.takeError());
                    break;
                }
            }
        }
    }
    return finish(r, std::move(req));
}

Result<TransactGetRequest> decodeTransactGet(const json& body) {
    JsonReader r(body);
    TransactGetRequest req;
    const json* items = r.array("TransactItems");
    if (!r.failed() && !items) r.fail(missingMember("transactItems"));
    if (items) {
        for (const auto& entry : *items) {
            JsonReader er(entry, "transactItems.member");
            const json* get = er.object("Get");
            if (!er.failed() && !get) er.fail(missingMember("transactItems.member.get"));
            if (get) {
                JsonReader gr(*get, "transactItems.member.get");
                TransactGetRequest::Get g;
                g.tableName = gr.requiredString("TableName");
                g.key = gr.requiredItem("Key");
                g.projectionExpression = gr.string("ProjectionExpression");
                g.expressionAttributeNames = gr.stringMap("ExpressionAttributeNames");
                if (gr.failed()) er.fail(gr.takeError());
                req.items.push_back(std::move(g));
            }
            if (er.failed()) {
                r.fail(er.takeError());
                break;
            }
        }
    }
    return finish(r, std::move(req));
}

Result<TransactWriteRequest> decodeTransactWrite(const json& body) {
    JsonReader r(body);
    TransactWriteRequest req;
    req.clientRequestToken = r.string("ClientRequestToken");
    const json* items = r.array("TransactItems");
    if (!r.failed() && !items) r.fail(missingMember("transactItems"));
    using Kind = TransactWriteRequest::Action::Kind;
    static const std::pair<const char*, Kind> kinds[] = {{"ConditionCheck", Kind::ConditionCheck},
                                                         {"Put", Kind::Put},
                                                         {"Delete", Kind::Delete},
                                                         {"Update", Kind::Update}};
    if (items) {
        for (const auto& entry : *items) {
            JsonReader er(entry, "transactItems.member");
            int found = 0;
            TransactWriteRequest::Action action;
            for (const auto& [name, kind] : kinds) {
                const json* spec = er.object(name);
                if (!spec) continue;
                ++found;
                JsonReader ar(*spec, er.fieldPath(name));
                action.kind = kind;
                action.tableName = ar.requiredString("TableName");
                action.itemOrKey = ar.requiredItem(kind == Kind::Put ? "Item" : "Key");
                action.conditionExpression = ar.string("ConditionExpression");
                action.updateExpression = ar.string("UpdateExpression");
                action.expressionAttributes = expressionAttributes(ar);
                action.returnOldItemOnConditionFailure = returnOldOnFailure(ar);
                if (ar.failed()) er.fail(ar.takeError());
            }
            if (!er.failed() && found != 1)
                er.fail(
                    validationError("TransactItems can only contain one of Check, Put, "
                                    "Update or Delete"));
            if (er.failed()) {
                r.fail(er.takeError());
                break;
            }
            req.actions.push_back(std::move(action));
        }
    }
    if (items) req.fingerprint = items->dump();
    return finish(r, std::move(req));
}

// ---- Time to live (reference §2.6) ------------------------------------------------------------

Result<ttl::UpdateTimeToLiveRequest> decodeUpdateTimeToLive(const json& body) {
    JsonReader r(body);
    ttl::UpdateTimeToLiveRequest req;
    req.tableName = r.requiredString("TableName");
    const json* spec = r.object("TimeToLiveSpecification");
    if (!r.failed() && !spec) r.fail(missingMember("timeToLiveSpecification"));
    if (spec) {
        JsonReader sr(*spec, "timeToLiveSpecification");
        req.specification.attributeName = sr.requiredString("AttributeName");
        const auto enabled = sr.boolean("Enabled");
        if (!sr.failed() && !enabled) sr.fail(missingMember("timeToLiveSpecification.enabled"));
        req.specification.enabled = enabled.value_or(false);
        if (sr.failed()) r.fail(sr.takeError());
    }
    return finish(r, std::move(req));
}

Result<std::string> decodeDescribeTimeToLive(const json& body) {
    JsonReader r(body);
    std::string tableName = r.requiredString("TableName");
    return finish(r, std::move(tableName));
}

// ---- DynamoDB Streams (reference §5.5, §5.6) -------------------------------------------------

Result<stream::ListStreamsRequest> decodeListStreams(const json& body) {
    JsonReader r(body);
    stream::ListStreamsRequest req;
    req.tableName = r.string("TableName");
    req.limit = r.integer("Limit");
    req.exclusiveStartStreamArn = r.string("ExclusiveStartStreamArn");
    return finish(r, std::move(req));
}

Result<stream::DescribeStreamRequest> decodeDescribeStream(const json& body) {
    JsonReader r(body);
    stream::DescribeStreamRequest req;
    req.streamArn = r.requiredString("StreamArn");
    req.limit = r.integer("Limit");
    req.exclusiveStartShardId = r.string("ExclusiveStartShardId");
    if (const json* filter = r.object("ShardFilter")) {
        JsonReader fr(*filter, "shardFilter");
        stream::ShardFilter f;
        f.type = fr.requiredString("Type");
        f.shardId = fr.requiredString("ShardId");
        if (fr.failed()) r.fail(fr.takeError());
        req.shardFilter = std::move(f);
    }
    return finish(r, std::move(req));
}

Result<stream::GetShardIteratorRequest> decodeGetShardIterator(const json& body) {
    JsonReader r(body);
    stream::GetShardIteratorRequest req;
    req.streamArn = r.requiredString("StreamArn");
    req.shardId = r.requiredString("ShardId");
    req.shardIteratorType = r.requiredString("ShardIteratorType");
    req.sequenceNumber = r.string("SequenceNumber");
    return finish(r, std::move(req));
}

Result<stream::GetRecordsRequest> decodeGetRecords(const json& body) {
    JsonReader r(body);
    stream::GetRecordsRequest req;
    req.shardIterator = r.requiredString("ShardIterator");
    req.limit = r.integer("Limit");
    return finish(r, std::move(req));
}

}  // namespace shardscope::wire

// SPDX-License-Identifier: MIT
#include "table/schema.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "model/json.h"

namespace shardscope::table {
namespace {

using nlohmann::json;

Error invalid(const std::string& what) {
    return validationError("One or more parameter values were invalid: " + what);
}

Error constraint(const std::string& value, std::string_view field, std::string_view rule) {
    return validationError("1 validation error detected: Value '" + value + "' at '" +
                           std::string(field) + "' failed to satisfy constraint: Member must " +
                           std::string(rule));
}

bool keyTypeFromName(std::string_view name, model::KeyType& type) {
    if (name == "S")
        type = model::KeyType::S;
    else if (name == "N")
        type = model::KeyType::N;
    else if (name == "B")
        type = model::KeyType::B;
    else
        return false;
    return true;
}

std::string keyTypeName(model::KeyType type) {
    return std::string(model::typeName(model::toType(type)));
}

using Definitions = std::map<std::string, model::KeyType>;

Result<Definitions> checkDefinitions(const std::vector<AttributeDefinition>& definitions) {
    Definitions defs;
    for (size_t i = 0; i < definitions.size(); ++i) {
        const auto& d = definitions[i];
        model::KeyType type;
        if (!keyTypeFromName(d.attributeType, type))
            return constraint(
                d.attributeType,
                "attributeDefinitions." + std::to_string(i + 1) + ".member.attributeType",
                "satisfy enum value set: [B, N, S]");
        if (d.attributeName.empty() || d.attributeName.size() > 255)
            return invalid("AttributeName in AttributeDefinitions must be 1 to 255 bytes long");
        if (!defs.emplace(d.attributeName, type).second)
            return invalid("Duplicate AttributeName " + d.attributeName +
                           " in AttributeDefinitions");
    }
    return defs;
}

// Resolves a KeySchema (HASH then optional RANGE) against the attribute definitions, recording
// which definitions were used.
Result<model::KeySchema> resolveKeySchema(const std::vector<KeySchemaElement>& elements,
                                          const Definitions& defs, std::set<std::string>& used,
                                          std::string_view indexName) {
    if (elements.empty())
        return validationError(
            "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: "
            "Member must have length greater than or equal to 1");
    if (elements.size() > 2)
        return validationError(
            "1 validation error detected: Value at 'keySchema' failed to satisfy constraint: "
            "Member must have length less than or equal to 2");
    for (const auto& e : elements) {
        if (e.keyType != "HASH" && e.keyType != "RANGE")
            return constraint(e.keyType, "keySchema.member.keyType",
                              "satisfy enum value set: [HASH, RANGE]");
        if (e.attributeName.empty() || e.attributeName.size() > 255)
            return invalid("KeySchema AttributeName must be 1 to 255 bytes long");
    }
    const std::string where = indexName.empty() ? "KeySchema" : "Index KeySchema";
    if (elements[0].keyType != "HASH")
        return validationError("Invalid " + where +
                               ": The first KeySchemaElement is not a HASH key type");
    if (elements.size() == 2 && elements[1].keyType != "RANGE")
        return validationError("Invalid " + where +
                               ": The second KeySchemaElement is not a RANGE key type");
    if (elements.size() == 2 && elements[0].attributeName == elements[1].attributeName)
        return validationError(
            "Both the Hash Key and the Range Key element in the KeySchema have the same name");

    model::KeySchema schema;
    for (size_t i = 0; i < elements.size(); ++i) {
        const auto it = defs.find(elements[i].attributeName);
        if (it == defs.end()) {
            std::string all;
            for (const auto& [name, type] : defs) all += (all.empty() ? "" : ", ") + name;
            return invalid(
                "Some index key attributes are not defined in AttributeDefinitions. "
                "Keys: [" +
                elements[i].attributeName + "], AttributeDefinitions: [" + all + "]");
        }
        used.insert(it->first);
        const model::KeyAttribute attr{it->first, it->second};
        if (i == 0)
            schema.partition = attr;
        else
            schema.sort = attr;
    }
    return schema;
}

Result<void> checkThroughput(const std::optional<Throughput>& t) {
    if (!t) return {};
    if (t->readCapacityUnits < 1 || t->writeCapacityUnits < 1)
        return invalid(
            "Provisioned throughput for the table must be at least 1 for both "
            "ReadCapacityUnits and WriteCapacityUnits");
    return {};
}

Result<void> checkProjection(const IndexProjection& p, std::string_view indexName) {
    if (p.projectionType != "ALL" && p.projectionType != "KEYS_ONLY" &&
        p.projectionType != "INCLUDE")
        return constraint(p.projectionType, "projection.projectionType",
                          "satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
    if (p.projectionType == "INCLUDE" && p.nonKeyAttributes.empty())
        return invalid("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    if (p.projectionType != "INCLUDE" && !p.nonKeyAttributes.empty())
        return invalid("ProjectionType is " + p.projectionType +
                       ", but NonKeyAttributes is specified");
    if (p.nonKeyAttributes.size() > 100)
        return invalid("The number of NonKeyAttributes for index " + std::string(indexName) +
                       " exceeds the limit of 100");
    return {};
}

// NonKeyAttributes summed over a table's indexes: an attribute projected into two indexes
// counts twice.
Result<void> checkProjectedTotal(const std::vector<IndexInfo>& indexes) {
    size_t projected = 0;
    for (const auto& index : indexes)
        projected += index.description.projection.nonKeyAttributes.size();
    if (projected > 100)
        return invalid("Number of projected attributes in all indexes exceeds limit of 100");
    return {};
}

Result<IndexInfo> buildIndex(const IndexSpec& spec, bool global, const TableInfo& table,
                             const Definitions& defs, std::set<std::string>& used,
                             bool provisioned) {
    if (spec.indexName.size() < 3 || spec.indexName.size() > 255)
        return constraint(spec.indexName, "indexName", "have length between 3 and 255");
    if (auto r = validateTableName(spec.indexName, "indexName"); !r) return r.takeError();
    auto schema = resolveKeySchema(spec.keySchema, defs, used, spec.indexName);
    if (!schema) return schema.takeError();
    if (auto r = checkProjection(spec.projection, spec.indexName); !r) return r.takeError();
    const auto& tableKey = table.keySchema();
    if (!global) {
        if (!tableKey.sort)
            return invalid(
                "Table KeySchema does not have a range key, which is required when "
                "specifying a LocalSecondaryIndex");
        if (schema->partition.name != tableKey.partition.name)
            return invalid(
                "Index KeySchema does not have the same leading hash key as table "
                "KeySchema for index: " +
                spec.indexName + ". index hash key: " + schema->partition.name +
                ", table hash key: " + tableKey.partition.name);
        if (!schema->sort)
            return invalid("Index KeySchema must have a range key for Local Secondary Index: " +
                           spec.indexName);
        if (spec.provisionedThroughput)
            return invalid("ProvisionedThroughput should not be specified for index: " +
                           spec.indexName + " when BillingMode is PAY_PER_REQUEST");
    } else if (provisioned && !spec.provisionedThroughput) {
        return invalid("ProvisionedThroughput must be specified for index: " + spec.indexName);
    } else if (!provisioned && spec.provisionedThroughput) {
        return invalid("ProvisionedThroughput should not be specified for index: " +
                       spec.indexName + " when BillingMode is PAY_PER_REQUEST");
    }
    if (auto r = checkThroughput(spec.provisionedThroughput); !r) return r.takeError();
    IndexInfo info;
    info.description.indexName = spec.indexName;
    info.description.keySchema = *schema;
    info.description.projection = spec.projection;
    info.description.global = global;
    info.description.provisionedThroughput = spec.provisionedThroughput;
    return info;
}

}  // namespace

Result<void> checkBilling(const std::optional<std::string>& mode,
                          const std::optional<Throughput>& throughput, bool& provisioned) {
    provisioned = !mode || *mode == "PROVISIONED";
    if (mode && *mode != "PROVISIONED" && *mode != "PAY_PER_REQUEST")
        return constraint(*mode, "billingMode",
                          "satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
    if (provisioned && !throughput)
        return invalid(
            "ReadCapacityUnits and WriteCapacityUnits must both be specified when "
            "BillingMode is PROVISIONED");
    if (!provisioned && throughput)
        return invalid(
            "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when "
            "BillingMode is PAY_PER_REQUEST");
    return checkThroughput(throughput);
}

const IndexInfo* TableInfo::findIndex(std::string_view name) const {
    for (const auto& index : indexes)
        if (index.description.indexName == name) return &index;
    return nullptr;
}

TableDescription TableInfo::describe() const {
    TableDescription d = description;
    d.localSecondaryIndexes.clear();
    d.globalSecondaryIndexes.clear();
    for (const auto& index : indexes) {
        IndexDescription i = index.description;
        i.itemCount = d.itemCount;
        i.sizeBytes = d.tableSizeBytes;
        (i.global ? d.globalSecondaryIndexes : d.localSecondaryIndexes).push_back(std::move(i));
    }
    return d;
}

Result<void> validateTableName(const std::string& name, std::string_view field) {
    if (name.size() < 3) return constraint(name, field, "have length greater than or equal to 3");
    if (name.size() > 255) return constraint(name, field, "have length less than or equal to 255");
    for (unsigned char c : name) {
        if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-'))
            return constraint(name, field, "satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
    }
    return {};
}

Result<TableInfo> buildTable(const CreateTableRequest& request) {
    if (auto r = validateTableName(request.tableName); !r) return r.takeError();
    auto defs = checkDefinitions(request.attributeDefinitions);
    if (!defs) return defs.takeError();
    std::set<std::string> used;
    auto schema = resolveKeySchema(request.keySchema, *defs, used, "");
    if (!schema) return schema.takeError();
    bool provisioned = true;
    if (auto r = checkBilling(request.billingMode, request.provisionedThroughput, provisioned); !r)
        return r.takeError();

    TableInfo table;
    auto& d = table.description;
    d.tableName = request.tableName;
    d.keySchema = *schema;
    d.attributeDefinitions = request.attributeDefinitions;
    d.billingMode = provisioned ? "PROVISIONED" : "PAY_PER_REQUEST";
    if (request.provisionedThroughput) d.provisionedThroughput = *request.provisionedThroughput;
    d.tableClass = request.tableClass.value_or("STANDARD");
    d.deletionProtectionEnabled = request.deletionProtectionEnabled;
    if (request.streamSpecification && request.streamSpecification->streamEnabled)
        d.streamSpecification = request.streamSpecification;

    if (request.localSecondaryIndexes.size() > 5)
        return invalid("Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    if (request.globalSecondaryIndexes.size() > 20)
        return invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20");
    std::set<std::string> names;
    for (int global = 0; global < 2; ++global) {
        const auto& specs = global ? request.globalSecondaryIndexes : request.localSecondaryIndexes;
        for (const auto& spec : specs) {
            auto index = buildIndex(spec, global, table, *defs, used, provisioned);
            if (!index) return index.takeError();
            if (!names.insert(spec.indexName).second)
                return invalid("Duplicate index name: " + spec.indexName);
            table.indexes.push_back(std::move(*index));
        }
    }
    if (used.size() != defs->size())
        return invalid(
            "Number of attributes in KeySchema does not exactly match number of "
            "attributes defined in AttributeDefinitions");
    if (auto r = checkProjectedTotal(table.indexes); !r) return r.takeError();
    return table;
}

Result<IndexInfo> buildGlobalIndex(const TableInfo& table, const IndexSpec& spec,
                                   const std::vector<AttributeDefinition>& definitions) {
    auto defs = checkDefinitions(definitions);
    if (!defs) return defs.takeError();
    if (table.findIndex(spec.indexName))
        return invalid("Attempting to create an index which already exists");
    const auto globals = std::count_if(table.indexes.begin(), table.indexes.end(),
                                       [](const IndexInfo& i) { return i.description.global; });
    if (globals >= 20)
        return invalid("GlobalSecondaryIndex count exceeds the per-table limit of 20");
    std::set<std::string> used;
    auto index =
        buildIndex(spec, true, table, *defs, used, table.description.billingMode == "PROVISIONED");
    if (!index) return index.takeError();
    // A redefinition of an attribute the table already declares must agree with it.
    for (const auto& d : definitions) {
        for (const auto& existing : table.description.attributeDefinitions)
            if (existing.attributeName == d.attributeName &&
                existing.attributeType != d.attributeType)
                return invalid("Cannot change the type of existing attribute " + d.attributeName);
    }
    std::vector<IndexInfo> all = table.indexes;
    all.push_back(*index);
    if (auto r = checkProjectedTotal(all); !r) return r.takeError();
    return index;
}

// ---- Description JSON ----------------------------------------------------------------------

json keySchemaJson(const model::KeySchema& schema) {
    json out = json::array();
    out.push_back({{"AttributeName", schema.partition.name}, {"KeyType", "HASH"}});
    if (schema.sort) out.push_back({{"AttributeName", schema.sort->name}, {"KeyType", "RANGE"}});
    return out;
}

namespace {

json throughputJson(const Throughput& t) {
    return {{"ReadCapacityUnits", t.readCapacityUnits},
            {"WriteCapacityUnits", t.writeCapacityUnits},
            {"NumberOfDecreasesToday", 0}};
}

json projectionJson(const IndexProjection& p) {
    json out = {{"ProjectionType", p.projectionType}};
    if (!p.nonKeyAttributes.empty()) out["NonKeyAttributes"] = p.nonKeyAttributes;
    return out;
}

json indexJson(const IndexDescription& i, const std::string& tableArn) {
    json out = {{"IndexName", i.indexName},
                {"KeySchema", keySchemaJson(i.keySchema)},
                {"Projection", projectionJson(i.projection)},
                {"IndexSizeBytes", i.sizeBytes},
                {"ItemCount", i.itemCount},
                {"IndexArn", tableArn + "/index/" + i.indexName}};
    if (i.global) {
        out["IndexStatus"] = i.indexStatus;
        out["ProvisionedThroughput"] =
            throughputJson(i.provisionedThroughput.value_or(Throughput{}));
    }
    return out;
}

}  // namespace

json describeJson(const TableDescription& d) {
    json defs = json::array();
    for (const auto& a : d.attributeDefinitions)
        defs.push_back({{"AttributeName", a.attributeName}, {"AttributeType", a.attributeType}});
    json out = {{"TableName", d.tableName},
                {"TableArn", d.tableArn},
                {"TableId", d.tableId},
                {"TableStatus", d.tableStatus},
                {"CreationDateTime", d.creationDateTime},
                {"KeySchema", keySchemaJson(d.keySchema)},
                {"AttributeDefinitions", defs},
                {"ProvisionedThroughput", throughputJson(d.provisionedThroughput)},
                {"TableSizeBytes", d.tableSizeBytes},
                {"ItemCount", d.itemCount},
                {"DeletionProtectionEnabled", d.deletionProtectionEnabled},
                {"TableClassSummary", {{"TableClass", d.tableClass}}}};
    if (d.billingMode == "PAY_PER_REQUEST")
        out["BillingModeSummary"] = {{"BillingMode", d.billingMode},
                                     {"LastUpdateToPayPerRequestDateTime", d.creationDateTime}};
    for (int global = 0; global < 2; ++global) {
        const auto& list = global ? d.globalSecondaryIndexes : d.localSecondaryIndexes;
        if (list.empty()) continue;
        json arr = json::array();
        for (const auto& i : list) arr.push_back(indexJson(i, d.tableArn));
        out[global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes"] = std::move(arr);
    }
    if (d.streamSpecification)
        out["StreamSpecification"] = {{"StreamEnabled", d.streamSpecification->streamEnabled},
                                      {"StreamViewType", d.streamSpecification->streamViewType}};
    if (d.latestStreamArn) out["LatestStreamArn"] = *d.latestStreamArn;
    if (d.latestStreamLabel) out["LatestStreamLabel"] = *d.latestStreamLabel;
    return out;
}

// ---- Storage form --------------------------------------------------------------------------

std::string serializeTable(const TableInfo& table) {
    json out = describeJson(table.describe());
    out["BillingMode"] = table.description.billingMode;
    json ids = json::object();
    for (const auto& index : table.indexes) ids[index.description.indexName] = index.storageId;
    out["ShardScopeIndexIds"] = ids;
    return out.dump();
}

namespace {

Result<model::KeySchema> keySchemaFromJson(const json& arr, const json& defs) {
    model::KeySchema schema;
    for (const auto& e : arr) {
        const std::string name = e.at("AttributeName").get<std::string>();
        model::KeyType type = model::KeyType::S;
        for (const auto& d : defs)
            if (d.at("AttributeName") == name)
                keyTypeFromName(d.at("AttributeType").get<std::string>(), type);
        if (e.at("KeyType") == "HASH")
            schema.partition = {name, type};
        else
            schema.sort = model::KeyAttribute{name, type};
    }
    return schema;
}

IndexProjection projectionFromJson(const json& p) {
    IndexProjection out;
    out.projectionType = p.at("ProjectionType").get<std::string>();
    if (p.contains("NonKeyAttributes"))
        out.nonKeyAttributes = p.at("NonKeyAttributes").get<std::vector<std::string>>();
    return out;
}

Throughput throughputFromJson(const json& t) {
    return {t.value("ReadCapacityUnits", int64_t(0)), t.value("WriteCapacityUnits", int64_t(0))};
}

}  // namespace

Result<TableInfo> deserializeTable(std::string_view text) {
    const json in = json::parse(text, nullptr, false);
    if (in.is_discarded() || !in.is_object())
        return Error{ErrorCode::InternalServerError, "damaged table definition", nullptr};
    try {
        TableInfo table;
        auto& d = table.description;
        d.tableName = in.at("TableName").get<std::string>();
        d.tableArn = in.at("TableArn").get<std::string>();
        d.tableId = in.at("TableId").get<std::string>();
        d.creationDateTime = in.at("CreationDateTime").get<double>();
        const json& defs = in.at("AttributeDefinitions");
        for (const auto& a : defs)
            d.attributeDefinitions.push_back({a.at("AttributeName").get<std::string>(),
                                              a.at("AttributeType").get<std::string>()});
        d.keySchema = *keySchemaFromJson(in.at("KeySchema"), defs);
        d.billingMode = in.value("BillingMode", std::string("PROVISIONED"));
        d.provisionedThroughput = throughputFromJson(in.at("ProvisionedThroughput"));
        d.deletionProtectionEnabled = in.value("DeletionProtectionEnabled", false);
        d.tableClass = in.at("TableClassSummary").value("TableClass", std::string("STANDARD"));
        if (in.contains("StreamSpecification"))
            d.streamSpecification =
                StreamSpecification{in["StreamSpecification"].at("StreamEnabled").get<bool>(),
                                    in["StreamSpecification"].value("StreamViewType", "")};
        const json& ids = in.at("ShardScopeIndexIds");
        for (const char* key : {"LocalSecondaryIndexes", "GlobalSecondaryIndexes"}) {
            if (!in.contains(key)) continue;
            for (const auto& i : in[key]) {
                IndexInfo index;
                auto& id = index.description;
                id.indexName = i.at("IndexName").get<std::string>();
                id.keySchema = *keySchemaFromJson(i.at("KeySchema"), defs);
                id.projection = projectionFromJson(i.at("Projection"));
                id.global = std::string_view(key) == "GlobalSecondaryIndexes";
                if (id.global && d.billingMode == "PROVISIONED")
                    id.provisionedThroughput = throughputFromJson(i.at("ProvisionedThroughput"));
                index.storageId = ids.at(id.indexName).get<int64_t>();
                table.indexes.push_back(std::move(index));
            }
        }
        return table;
    } catch (const json::exception& e) {
        return Error{ErrorCode::InternalServerError,
                     std::string("damaged table definition: ") + e.what(), nullptr};
    }
}

// ---- Keys ----------------------------------------------------------------------------------

int64_t partitionHash(std::string_view encoded) {
    // FNV-1a, folded to 32 bits: stable across builds, so scan order never changes under a user.
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : encoded) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return int64_t((h >> 32) ^ (h & 0xffffffffULL));
}

namespace {

constexpr size_t kMaxPartitionKeyBytes = 2048;
constexpr size_t kMaxSortKeyBytes = 1024;

Result<void> checkKeyValue(const AttributeValue& v, const model::KeyAttribute& attr, bool isSort) {
    if ((v.is(model::Type::S) || v.is(model::Type::B)) && v.asString().empty())
        return invalid("The AttributeValue for a key attribute cannot contain an empty " +
                       std::string(v.is(model::Type::S) ? "string" : "binary") +
                       " value. Key: " + attr.name);
    const size_t size = model::attributeValueSize(v);
    if (!isSort && size > kMaxPartitionKeyBytes)
        return invalid("Size of hashkey has exceeded the maximum size limit of2048 bytes");
    if (isSort && size > kMaxSortKeyBytes)
        return invalid(
            "Aggregated size of all range keys has exceeded the size limit of 1024 "
            "bytes");
    return {};
}

StoredKey storedKey(const model::KeySchema& schema, const Item& item) {
    StoredKey key;
    key.partition = model::encodeKeyValue(item.find(schema.partition.name)->second);
    key.hash = partitionHash(key.partition);
    if (schema.sort) key.sort = model::encodeKeyValue(item.find(schema.sort->name)->second);
    return key;
}

}  // namespace

Result<StoredKey> keyFromKeyParameter(const model::KeySchema& schema, const Item& key) {
    const size_t expected = schema.sort ? 2 : 1;
    const auto mismatch = [] {
        return validationError("The provided key element does not match the schema");
    };
    if (key.size() != expected) return mismatch();
    const auto p = key.find(schema.partition.name);
    if (p == key.end() || !model::keyTypeMatches(schema.partition.type, p->second))
        return mismatch();
    if (auto r = checkKeyValue(p->second, schema.partition, false); !r) return r.takeError();
    if (schema.sort) {
        const auto s = key.find(schema.sort->name);
        if (s == key.end() || !model::keyTypeMatches(schema.sort->type, s->second))
            return mismatch();
        if (auto r = checkKeyValue(s->second, *schema.sort, true); !r) return r.takeError();
    }
    return storedKey(schema, key);
}

Result<StoredKey> keyFromItem(const model::KeySchema& schema, const Item& item) {
    for (int i = 0; i < (schema.sort ? 2 : 1); ++i) {
        const auto& attr = i == 0 ? schema.partition : *schema.sort;
        const auto it = item.find(attr.name);
        if (it == item.end()) return invalid("Missing the key " + attr.name + " in the item");
        if (!model::keyTypeMatches(attr.type, it->second))
            return invalid("Type mismatch for key " + attr.name +
                           " expected: " + keyTypeName(attr.type) +
                           " actual: " + std::string(model::typeName(it->second.type())));
        if (auto r = checkKeyValue(it->second, attr, i == 1); !r) return r.takeError();
    }
    return storedKey(schema, item);
}

Result<std::optional<StoredKey>> indexKeyFromItem(const IndexInfo& index, const Item& item) {
    const auto& schema = index.description.keySchema;
    bool complete = true;  // every present key attribute is checked, even in a sparse index
    for (int i = 0; i < (schema.sort ? 2 : 1); ++i) {
        const auto& attr = i == 0 ? schema.partition : *schema.sort;
        const auto it = item.find(attr.name);
        if (it == item.end()) {
            complete = false;
            continue;
        }
        if (!model::keyTypeMatches(attr.type, it->second))
            return invalid("Type mismatch for Index Key " + attr.name +
                           " Expected: " + keyTypeName(attr.type) +
                           " Actual: " + std::string(model::typeName(it->second.type())) +
                           " IndexName: " + index.description.indexName);
        if ((it->second.is(model::Type::S) || it->second.is(model::Type::B)) &&
            it->second.asString().empty())
            return validationError(
                "One or more parameter values are not valid. The AttributeValue for a key "
                "attribute cannot contain an empty string value. IndexName: " +
                index.description.indexName + ", IndexKey: " + attr.name);
    }
    if (!complete) return std::optional<StoredKey>();
    return std::optional<StoredKey>(storedKey(schema, item));
}

Error damagedItem(const std::string& tableName) {
    return Error{ErrorCode::InternalServerError,
                 "the workspace holds a damaged item in table " + tableName, nullptr};
}

Item keyAttributes(const model::KeySchema& schema, const Item& item) {
    Item out;
    if (auto it = item.find(schema.partition.name); it != item.end()) out.insert(*it);
    if (schema.sort)
        if (auto it = item.find(schema.sort->name); it != item.end()) out.insert(*it);
    return out;
}

}  // namespace shardscope::table

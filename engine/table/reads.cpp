// SPDX-License-Identifier: MIT
// GetItem, Query, Scan, BatchGetItem and TransactGetItems (reference §3.1, §3.4–§3.7).
#include <set>

#include "model/codec.h"
#include "table/impl.h"

namespace shardscope::table {
namespace {

constexpr int64_t kPageBytes = 1024 * 1024;
constexpr int64_t kBatchGetResponseBytes = 16 * 1024 * 1024;

Error limitError(std::string_view field, int64_t value, std::string_view rule) {
    return validationError("1 validation error detected: Value '" + std::to_string(value) +
                           "' at '" + std::string(field) +
                           "' failed to satisfy constraint: Member must have value " +
                           std::string(rule));
}

// A ProjectionExpression or AttributesToGet (never both), parsed with the request's names.
Result<std::optional<expr::Projection>> prepareProjection(
    const std::optional<std::string>& expression,
    const std::optional<std::vector<std::string>>& attributesToGet,
    expr::Placeholders& placeholders) {
    if (expression && attributesToGet)
        return validationError(
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {AttributesToGet} Expression parameters: "
            "{ProjectionExpression}");
    if (expression) {
        auto parsed = expr::parseProjection(*expression, placeholders);
        if (!parsed) return parsed.takeError();
        return std::optional(std::move(*parsed));
    }
    if (attributesToGet) {
        if (attributesToGet->empty())
            return validationError(
                "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy "
                "constraint: Member must have length greater than or equal to 1");
        std::set<std::string> unique(attributesToGet->begin(), attributesToGet->end());
        if (unique.size() != attributesToGet->size())
            return validationError(
                "One or more parameter values were invalid: Duplicate value in "
                "attribute name: " +
                *attributesToGet->begin());
        return std::optional(expr::projectionFromAttributeNames(*attributesToGet));
    }
    return std::optional<expr::Projection>();
}

Result<std::optional<expr::Projection>> projectionForKeyRead(
    const std::optional<std::string>& expression,
    const std::optional<std::map<std::string, std::string>>& names,
    const std::optional<std::vector<std::string>>& attributesToGet) {
    auto placeholders = makePlaceholders({names, std::nullopt}, expression.has_value());
    if (!placeholders) return placeholders.takeError();
    auto projection = prepareProjection(expression, attributesToGet, *placeholders);
    if (!projection) return projection.takeError();
    if (auto r = placeholders->checkAllUsed(); !r) return r.takeError();
    return projection;
}

// Everything a Query or Scan needs once its parameters are checked.
struct ReadPlan {
    TableInfo* table = nullptr;
    const IndexInfo* index = nullptr;
    std::optional<expr::KeyCondition> keyCondition;
    std::optional<expr::Condition> filter;
    std::optional<expr::Projection> projection;
    bool countOnly = false;
    bool projectToIndex = false;  // ALL_PROJECTED_ATTRIBUTES
    bool wholeItemsAsStored = false;
    int64_t limit = 0;  // 0: none
    std::optional<Item> exclusiveStartKey;
};

const model::KeySchema& readSchema(const ReadPlan& plan) {
    return plan.index ? plan.index->description.keySchema : plan.table->keySchema();
}

Result<void> resolveSelect(const QueryRequest& request, ReadPlan& plan) {
    const bool projected = request.projectionExpression || request.attributesToGet;
    const std::string select = request.select.value_or(
        projected ? "SPECIFIC_ATTRIBUTES"
                  : (plan.index ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES"));
    if (select != "ALL_ATTRIBUTES" && select != "ALL_PROJECTED_ATTRIBUTES" &&
        select != "SPECIFIC_ATTRIBUTES" && select != "COUNT")
        return validationError(
            "1 validation error detected: Value '" + select +
            "' at 'select' failed to satisfy constraint: Member must satisfy enum value set: "
            "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
    if (projected && select != "SPECIFIC_ATTRIBUTES")
        return validationError("Cannot specify the ProjectionExpression when choosing to get " +
                               select);
    if (!projected && select == "SPECIFIC_ATTRIBUTES")
        return validationError(
            "Must specify the AttributesToGet or ProjectionExpression when "
            "choosing to get SPECIFIC_ATTRIBUTES");
    if (select == "ALL_PROJECTED_ATTRIBUTES" && !plan.index)
        return validationError(
            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    if (select == "ALL_ATTRIBUTES" && plan.index && plan.index->description.global &&
        plan.index->description.projection.projectionType != "ALL")
        return validationError(
            "One or more parameter values were invalid: Select type "
            "ALL_ATTRIBUTES is not supported for global secondary index " +
            plan.index->description.indexName + " because its projection type is not ALL");
    plan.countOnly = select == "COUNT";
    plan.projectToIndex = select == "ALL_PROJECTED_ATTRIBUTES";
    return {};
}

Result<void> checkStartKey(const ReadPlan& plan, const Item& start) {
    const auto invalidKey = [] {
        return validationError(
            "The provided starting key is invalid: The provided key element does not match the "
            "schema");
    };
    const model::KeySchema& tableKey = plan.table->keySchema();
    std::set<std::string> expected{tableKey.partition.name};
    if (tableKey.sort) expected.insert(tableKey.sort->name);
    if (plan.index) {
        const auto& k = plan.index->description.keySchema;
        expected.insert(k.partition.name);
        if (k.sort) expected.insert(k.sort->name);
    }
    if (start.size() != expected.size()) return invalidKey();
    for (const auto& name : expected)
        if (!start.count(name)) return invalidKey();
    if (auto k = keyFromKeyParameter(tableKey, keyAttributes(tableKey, start)); !k)
        return invalidKey();
    if (plan.keyCondition) {
        const auto& p = start.find(readSchema(plan).partition.name)->second;
        if (p != plan.keyCondition->partitionValue)
            return validationError(
                "The provided starting key is outside query boundaries based "
                "on provided conditions");
    }
    return {};
}

Result<ReadPlan> planRead(Database::Impl& impl, const QueryRequest& request, bool isScan) {
    ReadPlan plan;
    if (request.limit && *request.limit < 1)
        return limitError("limit", *request.limit, "greater than or equal to 1");
    plan.limit = request.limit.value_or(0);
    auto table = impl.findTable(request.tableName, true);
    if (!table) return table.takeError();
    plan.table = *table;
    if (request.indexName) {
        plan.index = plan.table->findIndex(*request.indexName);
        if (!plan.index)
            return validationError("The table does not have the specified index: " +
                                   *request.indexName);
        if (plan.index->description.global && request.consistentRead)
            return validationError(
                "Consistent reads are not supported on global secondary "
                "indexes");
    }
    if (auto r = resolveSelect(request, plan); !r) return r.takeError();

    const bool anyExpression =
        request.keyConditionExpression || request.filterExpression || request.projectionExpression;
    auto placeholders = makePlaceholders(request.expressionAttributes, anyExpression);
    if (!placeholders) return placeholders.takeError();
    if (!isScan) {
        if (request.keyConditionExpression && request.keyConditions)
            return validationError(
                "Can not use both expression and non-expression parameters in the same request: "
                "Non-expression parameters: {KeyConditions} Expression parameters: "
                "{KeyConditionExpression}");
        Result<expr::KeyCondition> key =
            request.keyConditionExpression
                ? expr::parseKeyCondition(*request.keyConditionExpression, *placeholders,
                                          readSchema(plan))
            : request.keyConditions
                ? expr::keyConditionFromLegacy(*request.keyConditions, readSchema(plan))
                : Result<expr::KeyCondition>(validationError(
                      "Either the KeyConditions or KeyConditionExpression parameter must be "
                      "specified in the request."));
        if (!key) return key.takeError();
        plan.keyCondition = std::move(*key);
    }
    if (request.filterExpression && request.queryFilter)
        return validationError(
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {" +
            std::string(isScan ? "ScanFilter" : "QueryFilter") +
            "} Expression parameters: {FilterExpression}");
    auto filter = prepareCondition(request.filterExpression, request.queryFilter, *placeholders);
    if (!filter) return filter.takeError();
    plan.filter = std::move(*filter);
    auto projection =
        prepareProjection(request.projectionExpression, request.attributesToGet, *placeholders);
    if (!projection) return projection.takeError();
    plan.projection = std::move(*projection);
    if (auto r = placeholders->checkAllUsed(); !r) return r.takeError();

    if (request.exclusiveStartKey) {
        if (auto r = checkStartKey(plan, *request.exclusiveStartKey); !r) return r.takeError();
        plan.exclusiveStartKey = request.exclusiveStartKey;
    }
    // Whole items leave as they are stored: nothing projected away, nothing counted only.
    const bool indexKeepsAll =
        !plan.index || plan.index->description.projection.projectionType == "ALL";
    plan.wholeItemsAsStored = request.wholeItemsAsStored && !plan.countOnly && !plan.projection &&
                              (!plan.projectToIndex || indexKeepsAll);
    return plan;
}

// The smallest byte string greater than every string starting with `prefix` (nullopt if none).
std::optional<std::string> prefixEnd(std::string prefix) {
    while (!prefix.empty() && static_cast<unsigned char>(prefix.back()) == 0xff) prefix.pop_back();
    if (prefix.empty()) return std::nullopt;
    prefix.back() = char(static_cast<unsigned char>(prefix.back()) + 1);
    return prefix;
}

// The sort-key range of a key condition as [lower, upper): both in encoded form.
struct SortRange {
    std::optional<std::string> lower;  // inclusive
    std::optional<std::string> upper;  // exclusive
};

SortRange sortRange(const expr::KeyCondition& condition) {
    using Op = expr::KeyCondition::SortOp;
    SortRange range;
    if (condition.sortOp == Op::None) return range;
    const std::string v = model::encodeKeyValue(condition.sortValue);
    const std::string after = v + '\0';  // the successor of v in byte order
    switch (condition.sortOp) {
        case Op::Equal:
            range = {v, after};
            break;
        case Op::Less:
            range.upper = v;
            break;
        case Op::LessOrEqual:
            range.upper = after;
            break;
        case Op::Greater:
            range.lower = after;
            break;
        case Op::GreaterOrEqual:
            range.lower = v;
            break;
        case Op::Between:
            range = {v, model::encodeKeyValue(condition.sortUpperBound) + '\0'};
            break;
        case Op::BeginsWith:
            // S and B encode as their raw bytes, so a byte prefix is a key prefix.
            range = {v, prefixEnd(v)};
            break;
        case Op::None:
            break;
    }
    return range;
}

Item projectToIndex(const TableInfo& table, const IndexInfo& index, const Item& item) {
    const auto& projection = index.description.projection;
    if (projection.projectionType == "ALL") return item;
    Item out = keyAttributes(table.keySchema(), item);
    for (const auto& [name, value] : keyAttributes(index.description.keySchema, item))
        out.emplace(name, value);
    for (const auto& name : projection.nonKeyAttributes)
        if (auto it = item.find(name); it != item.end()) out.emplace(name, it->second);
    return out;
}

Item lastKeyOf(const ReadPlan& plan, const Item& item) {
    Item key = keyAttributes(plan.table->keySchema(), item);
    if (plan.index)
        for (const auto& [name, value] : keyAttributes(plan.index->description.keySchema, item))
            key.emplace(name, value);
    return key;
}

// Builds the SQL of a page and binds it. Table rows are ordered by (h, pk, sk); index rows by
// (h, ipk, isk, tpk, tsk). A Query fixes h and the partition, a Scan walks a hash segment.
class PageQuery {
public:
    PageQuery(const ReadPlan& plan, bool forward) : m_plan(plan), m_forward(forward) {}

    void forQuery() {
        const auto encoded = model::encodeKeyValue(m_plan.keyCondition->partitionValue);
        where(col("h") + "=?", partitionHash(encoded));
        where(col(m_plan.index ? "ipk" : "pk") + "=?", encoded);
        const SortRange range = sortRange(*m_plan.keyCondition);
        const std::string sortCol = col(m_plan.index ? "isk" : "sk");
        if (range.lower) where(sortCol + ">=?", *range.lower);
        if (range.upper) where(sortCol + "<?", *range.upper);
        m_order = m_plan.index ? std::vector<std::string>{"isk", "tpk", "tsk"}
                               : std::vector<std::string>{"sk"};
    }

    void forScan(int64_t segment, int64_t totalSegments) {
        const int64_t span = (int64_t(1) << 32);
        where(col("h") + ">=?", segment * span / totalSegments);
        where(col("h") + "<?", (segment + 1) * span / totalSegments);
        m_order = m_plan.index ? std::vector<std::string>{"h", "ipk", "isk", "tpk", "tsk"}
                               : std::vector<std::string>{"h", "pk", "sk"};
    }

    void startAfter(const Item& start) {
        const auto& tableKey = m_plan.table->keySchema();
        const auto tk = keyFromKeyParameter(tableKey, keyAttributes(tableKey, start)).value();
        std::string partition = tk.partition;
        std::vector<Bind> values;
        if (m_plan.index) {
            const auto& ik = m_plan.index->description.keySchema;
            partition = model::encodeKeyValue(start.find(ik.partition.name)->second);
            const std::string isk =
                ik.sort ? model::encodeKeyValue(start.find(ik.sort->name)->second) : "";
            values = {blob(partition), blob(isk), blob(tk.partition), blob(tk.sort)};
        } else {
            values = {blob(tk.partition), blob(tk.sort)};
        }
        const bool scanning = m_order.front() == "h";
        if (scanning)
            values.insert(values.begin(), Bind{true, partitionHash(partition), {}});
        else
            values.erase(values.begin());  // a Query fixes the partition already
        std::string lhs, rhs;
        for (size_t i = 0; i < m_order.size(); ++i) {
            lhs += (i ? "," : "") + col(m_order[i]);
            rhs += i ? ",?" : "?";
        }
        m_where += " AND (" + lhs + ")" + (m_forward ? ">" : "<") + "(" + rhs + ")";
        for (auto& v : values) m_binds.push_back(std::move(v));
    }

    store::Statement& prepare(store::Workspace& ws) {
        std::string sql = m_plan.index
                              ? "SELECT i.item, i.size FROM index_entries e JOIN items i ON "
                                "i.id=e.item_id WHERE e.index_id=?"
                              : "SELECT item, size FROM items WHERE table_id=?";
        sql += m_where + " ORDER BY ";
        for (size_t i = 0; i < m_order.size(); ++i)
            sql += (i ? "," : "") + col(m_order[i]) + (m_forward ? " ASC" : " DESC");
        auto& stmt = ws.statement(sql);
        stmt.bind(1, m_plan.index ? m_plan.index->storageId : m_plan.table->id);
        for (size_t i = 0; i < m_binds.size(); ++i) {
            if (m_binds[i].isInt)
                stmt.bind(int(i + 2), m_binds[i].integer);
            else
                stmt.bind(int(i + 2), std::string_view(m_binds[i].bytes));
        }
        return stmt;
    }

private:
    struct Bind {
        bool isInt;
        int64_t integer;
        std::string bytes;
    };
    static Bind blob(std::string bytes) { return Bind{false, 0, std::move(bytes)}; }
    std::string col(const std::string& name) const { return m_plan.index ? "e." + name : name; }
    void where(const std::string& clause, int64_t value) {
        m_where += " AND " + clause;
        m_binds.push_back({true, value, {}});
    }
    void where(const std::string& clause, std::string value) {
        m_where += " AND " + clause;
        m_binds.push_back({false, 0, std::move(value)});
    }

    const ReadPlan& m_plan;
    bool m_forward;
    std::string m_where;
    std::vector<Bind> m_binds;
    std::vector<std::string> m_order;
};

Result<QueryResult> runPage(store::Workspace& ws, const ReadPlan& plan, PageQuery& page,
                            bool consistent) {
    QueryResult result;
    result.countOnly = plan.countOnly;
    auto& stmt = page.prepare(ws);
    int64_t bytesRead = 0;
    std::optional<Item> last;
    bool more = false;
    while (stmt.step()) {
        const std::string_view stored = stmt.columnBlob(0);
        bytesRead += stmt.columnInt(1);  // the item's size, as written
        ++result.scannedCount;
        const bool pageEnds =
            (plan.limit && result.scannedCount >= plan.limit) || bytesRead >= kPageBytes;
        // An item sent as stored is decoded only for a filter or the page's last key.
        const bool decode = !plan.wholeItemsAsStored || plan.filter || pageEnds;
        Item item;
        if (decode && !model::decodeItem(stored, item)) {
            stmt.reset();
            return damagedItem(plan.table->description.tableName);
        }
        bool keep = true;
        if (plan.filter) {
            auto holds = plan.filter->evaluate(&item);
            if (!holds) {
                stmt.reset();
                return holds.takeError();
            }
            keep = *holds;
        }
        if (keep) {
            ++result.count;
            if (plan.wholeItemsAsStored)
                result.storedItems.emplace_back(stored);
            else if (!plan.countOnly)
                result.items.push_back(plan.projection ? plan.projection->apply(item)
                                       : plan.projectToIndex
                                           ? projectToIndex(*plan.table, *plan.index, item)
                                           : item);
        }
        if (pageEnds) {
            last = lastKeyOf(plan, item);
            more = true;
            break;
        }
    }
    const bool failed = stmt.failed();
    const std::string message = stmt.errorMessage();
    stmt.reset();
    if (failed) return Error{ErrorCode::InternalServerError, message, nullptr};
    if (more) result.lastEvaluatedKey = std::move(last);
    result.consumed.tableName = plan.table->description.tableName;
    result.consumed.capacityUnits = readUnits(bytesRead, consistent);
    return result;
}

}  // namespace

Result<GetItemResult> Database::getItem(const GetItemRequest& request) {
    auto projection = projectionForKeyRead(
        request.projectionExpression, request.expressionAttributeNames, request.attributesToGet);
    if (!projection) return projection.takeError();
    std::lock_guard lock(m_impl->m_mutex);
    auto table = m_impl->findTable(request.tableName, true);
    if (!table) return table.takeError();
    auto key = keyFromKeyParameter((*table)->keySchema(), request.key);
    if (!key) return key.takeError();
    const bool asStored = request.wholeItemsAsStored && !*projection;
    auto stored = m_impl->loadItem(**table, *key, !asStored);
    if (!stored) return stored.takeError();
    GetItemResult result;
    result.consumed.tableName = request.tableName;
    result.consumed.capacityUnits =
        readUnits(*stored ? (*stored)->size : 0, request.consistentRead);
    if (!*stored) return result;
    if (*projection)
        result.item = (*projection)->apply((*stored)->item);
    else if (asStored)
        result.storedItem = std::move((*stored)->encoded);
    else
        result.item = std::move((*stored)->item);
    return result;
}

Result<QueryResult> Database::query(const QueryRequest& request) {
    std::lock_guard lock(m_impl->m_mutex);
    auto plan = planRead(*m_impl, request, false);
    if (!plan) return plan.takeError();
    PageQuery page(*plan, request.scanIndexForward);
    page.forQuery();
    if (plan->exclusiveStartKey) page.startAfter(*plan->exclusiveStartKey);
    return runPage(*m_impl->m_workspace, *plan, page, request.consistentRead);
}

Result<QueryResult> Database::scan(const ScanRequest& request) {
    if (request.segment && !request.totalSegments)
        return validationError(
            "The TotalSegments parameter is required but was not present in "
            "the request when Segment parameter is present");
    if (request.totalSegments && !request.segment)
        return validationError(
            "The Segment parameter is required but was not present in the "
            "request when parameter TotalSegments is present");
    const int64_t total = request.totalSegments.value_or(1);
    const int64_t segment = request.segment.value_or(0);
    if (total < 1) return limitError("totalSegments", total, "greater than or equal to 1");
    if (total > 1000000) return limitError("totalSegments", total, "less than or equal to 1000000");
    if (segment < 0) return limitError("segment", segment, "greater than or equal to 0");
    if (segment >= total)
        return validationError(
            "The Segment parameter is zero-based and must be less than "
            "parameter TotalSegments: Segment: " +
            std::to_string(segment) + " is not less than TotalSegments: " + std::to_string(total));
    std::lock_guard lock(m_impl->m_mutex);
    auto plan = planRead(*m_impl, request, true);
    if (!plan) return plan.takeError();
    PageQuery page(*plan, true);
    page.forScan(segment, total);
    if (plan->exclusiveStartKey) {
        const auto& schema = readSchema(*plan);
        const auto p = model::encodeKeyValue(plan->exclusiveStartKey->at(schema.partition.name));
        const int64_t h = table::partitionHash(p);
        const int64_t span = int64_t(1) << 32;
        if (h < segment * span / total || h >= (segment + 1) * span / total)
            return validationError(
                "The provided Exclusive start key does not map to the provided "
                "segment");
        page.startAfter(*plan->exclusiveStartKey);
    }
    return runPage(*m_impl->m_workspace, *plan, page, request.consistentRead);
}

Result<BatchGetResult> Database::batchGetItem(const BatchGetRequest& request) {
    size_t total = 0;
    for (const auto& [name, entry] : request.requestItems) total += entry.keys.size();
    if (request.requestItems.empty())
        return validationError(
            "1 validation error detected: Value null at 'requestItems' failed to satisfy "
            "constraint: Member must have length greater than or equal to 1");
    if (total > 100) return validationError("Too many items requested for the BatchGetItem call");

    struct Planned {
        std::string table;
        std::optional<expr::Projection> projection;
        std::vector<StoredKey> keys;
        std::vector<const Item*> requestKeys;  // as sent, for UnprocessedKeys
    };
    std::vector<Planned> plans;
    for (const auto& [name, entry] : request.requestItems) {
        if (entry.keys.empty())
            return validationError(
                "1 validation error detected: Value '[]' at 'requestItems." + name +
                ".member.keys' failed to satisfy constraint: Member must have length greater "
                "than or equal to 1");
        auto projection = projectionForKeyRead(
            entry.projectionExpression, entry.expressionAttributeNames, entry.attributesToGet);
        if (!projection) return projection.takeError();
        plans.push_back({name, std::move(*projection), {}, {}});
    }

    std::lock_guard lock(m_impl->m_mutex);
    BatchGetResult result;
    for (auto& plan : plans) {
        auto table = m_impl->findTable(plan.table, true);
        if (!table) return table.takeError();
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& key : request.requestItems.at(plan.table).keys) {
            auto stored = keyFromKeyParameter((*table)->keySchema(), key);
            if (!stored) return stored.takeError();
            // Spellings of one number (1e3, 1000) name one item, which is returned once; exact
            // duplicates were refused by the wire layer (§1.2).
            if (!seen.emplace(stored->partition, stored->sort).second) continue;
            plan.keys.push_back(std::move(*stored));
            plan.requestKeys.push_back(&key);
        }
    }
    int64_t responseBytes = 0;
    for (const auto& plan : plans) {
        auto& table = *m_impl->m_tables.at(plan.table);
        auto& items = result.responses[plan.table];
        const auto& entry = request.requestItems.at(plan.table);
        double units = 0;
        for (size_t i = 0; i < plan.keys.size(); ++i) {
            if (responseBytes >= kBatchGetResponseBytes) {
                auto& unprocessed = result.unprocessedKeys[plan.table];
                unprocessed.consistentRead = entry.consistentRead;
                unprocessed.projectionExpression = entry.projectionExpression;
                unprocessed.expressionAttributeNames = entry.expressionAttributeNames;
                unprocessed.attributesToGet = entry.attributesToGet;
                unprocessed.keys.push_back(*plan.requestKeys[i]);
                continue;
            }
            auto stored = m_impl->loadItem(table, plan.keys[i]);
            if (!stored) return stored.takeError();
            units += readUnits(*stored ? (*stored)->size : 0, entry.consistentRead);
            if (!*stored) continue;
            responseBytes += (*stored)->size;
            items.push_back(plan.projection ? plan.projection->apply((*stored)->item)
                                            : (*stored)->item);
        }
        result.consumed.push_back({plan.table, units, 0, 0});
    }
    return result;
}

Result<TransactGetResult> Database::transactGetItems(const TransactGetRequest& request) {
    if (request.items.empty() || request.items.size() > 100)
        return validationError(
            "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: "
            "Member must have length " +
            std::string(request.items.empty() ? "greater than or equal to 1"
                                              : "less than or equal to 100"));
    std::vector<std::optional<expr::Projection>> projections;
    for (const auto& get : request.items) {
        auto projection = projectionForKeyRead(get.projectionExpression,
                                               get.expressionAttributeNames, std::nullopt);
        if (!projection) return projection.takeError();
        projections.push_back(std::move(*projection));
    }
    std::lock_guard lock(m_impl->m_mutex);
    TransactGetResult result;
    std::vector<std::pair<TableInfo*, StoredKey>> keys;
    for (const auto& get : request.items) {
        auto table = m_impl->findTable(get.tableName, true);
        if (!table) return table.takeError();
        auto key = keyFromKeyParameter((*table)->keySchema(), get.key);
        if (!key) return key.takeError();
        keys.emplace_back(*table, std::move(*key));
    }
    for (size_t i = 0; i < keys.size(); ++i) {
        auto stored = m_impl->loadItem(*keys[i].first, keys[i].second);
        if (!stored) return stored.takeError();
        std::optional<Item> item;
        if (*stored)
            item = projections[i] ? projections[i]->apply((*stored)->item) : (*stored)->item;
        result.responses.push_back(std::move(item));
        result.consumed.push_back(
            {request.items[i].tableName, 2 * readUnits(*stored ? (*stored)->size : 0, true), 0, 0});
    }
    return result;
}

}  // namespace shardscope::table

// SPDX-License-Identifier: MIT
#include "demo/tasklist.h"

#include <array>
#include <cstdio>

#include "table/database.h"

namespace shardscope::demo {
namespace {

using model::AttributeValue;

table::CreateTableRequest taskTable(const char* name) {
    table::CreateTableRequest request;
    request.tableName = name;
    request.keySchema = {{"ListId", "HASH"}, {"TaskId", "RANGE"}};
    request.attributeDefinitions = {{"ListId", "S"}, {"TaskId", "S"}};
    request.billingMode = "PAY_PER_REQUEST";
    request.streamSpecification = table::StreamSpecification{true, "NEW_AND_OLD_IMAGES"};
    return request;
}

table::CreateTableRequest countTable() {
    table::CreateTableRequest request;
    request.tableName = kCountTable;
    request.keySchema = {{"ListId", "HASH"}};
    request.attributeDefinitions = {{"ListId", "S"}};
    request.billingMode = "PAY_PER_REQUEST";
    return request;
}

AttributeValue number(int64_t n) {
    return AttributeValue::number(model::Number::fromInt(n));
}

struct SeedList {
    const char* id;
    std::array<const char*, 4> tasks;
};

constexpr std::array<SeedList, 3> kSeedLists{{
    {"groceries", {"buy milk", "buy bread", "pick up eggs", "get coffee beans"}},
    {"chores", {"water the plants", "take out recycling", "fix the shelf", "vacuum"}},
    {"work", {"review the stream design", "answer email", "plan the demo", "book a room"}},
}};

Result<void> seedList(table::Database& db, const SeedList& list, int64_t createdSeconds) {
    int64_t count = 0;
    for (const char* title : list.tasks) {
        ++count;
        table::PutItemRequest put;
        put.tableName = kTaskTable;
        put.item = {{"ListId", AttributeValue::string(list.id)},
                    {"TaskId", AttributeValue::string(taskId(count))},
                    {"Title", AttributeValue::string(title)},
                    {"Done", AttributeValue::boolean(count == 1)},
                    {"Priority", number(count % 3 + 1)},
                    {"Created", number(createdSeconds)}};
        if (auto r = db.putItem(put); !r) return r.takeError();
    }
    table::PutItemRequest total;
    total.tableName = kCountTable;
    total.item = {{"ListId", AttributeValue::string(list.id)}, {"TaskCount", number(count)}};
    if (auto r = db.putItem(total); !r) return r.takeError();
    return {};
}

}  // namespace

std::string taskId(int64_t number) {
    char text[32];
    std::snprintf(text, sizeof text, "task-%06lld", static_cast<long long>(number));
    return text;
}

int64_t taskNumber(const std::string& taskId) {
    constexpr std::string_view prefix = "task-";
    if (taskId.size() <= prefix.size() || taskId.size() > prefix.size() + 15 ||
        taskId.compare(0, prefix.size(), prefix) != 0)
        return 0;
    int64_t number = 0;
    for (size_t i = prefix.size(); i < taskId.size(); ++i) {
        if (taskId[i] < '0' || taskId[i] > '9') return 0;
        number = number * 10 + (taskId[i] - '0');
    }
    return number;
}

Result<void> seedTaskList(table::Database& db) {
    auto existing = db.listTables({});
    if (!existing) return existing.takeError();
    if (!existing->tableNames.empty()) return {};
    for (const auto& request : {taskTable(kTaskTable), countTable(), taskTable(kArchiveTable)})
        if (auto created = db.createTable(request); !created) return created.takeError();
    ttl::UpdateTimeToLiveRequest ttl;
    ttl.tableName = kArchiveTable;
    ttl.specification = {kExpiresAttribute, true};
    if (auto r = db.updateTimeToLive(ttl); !r) return r.takeError();
    const int64_t nowSeconds = db.clock().now() / 1000;
    for (const auto& list : kSeedLists)
        if (auto r = seedList(db, list, nowSeconds); !r) return r;
    return db.flush();
}

}  // namespace shardscope::demo

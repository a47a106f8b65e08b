// SPDX-License-Identifier: MIT
#include "demo.h"

#include <array>
#include <string>

#include "table/database.h"

namespace shardscope::app {
namespace {

using model::AttributeValue;

table::CreateTableRequest taskTable(std::string name) {
    table::CreateTableRequest request;
    request.tableName = std::move(name);
    request.keySchema = {{"ListId", "HASH"}, {"TaskId", "RANGE"}};
    request.attributeDefinitions = {{"ListId", "S"}, {"TaskId", "S"}};
    request.billingMode = "PAY_PER_REQUEST";
    request.streamSpecification = table::StreamSpecification{true, "NEW_AND_OLD_IMAGES"};
    return request;
}

table::CreateTableRequest countTable() {
    table::CreateTableRequest request;
    request.tableName = "todoTaskCount";
    request.keySchema = {{"ListId", "HASH"}};
    request.attributeDefinitions = {{"ListId", "S"}};
    request.billingMode = "PAY_PER_REQUEST";
    return request;
}

AttributeValue text(std::string s) {
    return AttributeValue::string(std::move(s));
}
AttributeValue number(int64_t n) {
    return AttributeValue::number(model::Number::fromInt(n));
}

}  // namespace

Result<void> seedDemoWorkspace(table::Database& db) {
    auto existing = db.listTables({});
    if (!existing) return existing.takeError();
    if (!existing->tableNames.empty()) return {};
    for (const auto& request :
         {taskTable("todoListTask"), countTable(), taskTable("todoListTaskArchived")}) {
        if (auto created = db.createTable(request); !created) return created.takeError();
    }
    struct List {
        const char* id;
        std::array<const char*, 4> tasks;
    };
    const std::array<List, 3> lists{{
        {"groceries", {"buy milk", "buy bread", "pick up eggs", "get coffee beans"}},
        {"chores", {"water the plants", "take out recycling", "fix the shelf", "vacuum"}},
        {"work", {"review the stream design", "answer email", "plan the demo", "book a room"}},
    }};
    for (const auto& list : lists) {
        int64_t count = 0;
        for (const char* title : list.tasks) {
            table::PutItemRequest put;
            put.tableName = "todoListTask";
            put.item = {{"ListId", text(list.id)},
                        {"TaskId", text("task-" + std::to_string(++count))},
                        {"Title", text(title)},
                        {"Done", AttributeValue::boolean(count == 1)},
                        {"Priority", number(count % 3 + 1)}};
            if (auto r = db.putItem(put); !r) return r.takeError();
        }
        table::PutItemRequest total;
        total.tableName = "todoTaskCount";
        total.item = {{"ListId", text(list.id)}, {"TaskCount", number(count)}};
        if (auto r = db.putItem(total); !r) return r.takeError();
    }
    return db.flush();
}

}  // namespace shardscope::app

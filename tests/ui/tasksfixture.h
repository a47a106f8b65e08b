// SPDX-License-Identifier: MIT
#pragma once

// The "tasks" table the item tests share (ListId S, TaskId N; even and odd lists), what they
// write to it, and an item browser on it.
#include <QAbstractItemModel>
#include <QStringList>
#include <QUndoStack>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/json.h"
#include "models/itemtablemodel.h"
#include "session/async.h"
#include "table/database.h"
#include "widgets/itembrowser.h"

namespace shardscope::ui::test {

inline model::KeySchema taskKeys() {
    model::KeySchema keys;
    keys.partition = {"ListId", model::KeyType::S};
    keys.sort = model::KeyAttribute{"TaskId", model::KeyType::N};
    return keys;
}

// The models under test read pages and changed rows on the window's work pool with a plain
// pointer to the database, as they do in the window (where the session waits for the pool before
// it closes). A test's database outlives those reads the same way: it waits for the pool first.
struct ClosedAfterPendingReads {
    void operator()(table::Database* database) const {
        workPool().waitForDone();
        delete database;
    }
};
using TasksDatabase = std::unique_ptr<table::Database, ClosedAfterPendingReads>;

inline TasksDatabase openTasks(int items) {
    auto db = table::Database::open(table::DatabaseOptions(":memory:"));
    if (!db) qFatal("open: %s", db.error().message.c_str());
    table::CreateTableRequest create;
    create.tableName = "tasks";
    create.keySchema = {{"ListId", "HASH"}, {"TaskId", "RANGE"}};
    create.attributeDefinitions = {{"ListId", "S"}, {"TaskId", "N"}};
    create.billingMode = "PAY_PER_REQUEST";
    if (!(*db)->createTable(create)) qFatal("createTable");
    for (int i = 0; i < items; ++i) {
        table::PutItemRequest put;
        put.tableName = "tasks";
        put.item = {{"ListId", model::AttributeValue::string(i % 2 ? "odd" : "even")},
                    {"TaskId", model::AttributeValue::number(model::Number::fromInt(i))}};
        if (i % 100 == 7) put.item["Note"] = model::AttributeValue::string("n" + std::to_string(i));
        if (!(*db)->putItem(put)) qFatal("putItem");
    }
    return TasksDatabase(std::move(db).value().release());
}

inline model::Item parsedItem(const QString& text) {
    auto item = model::itemFromJson(nlohmann::json::parse(text.toStdString()));
    if (!item) qFatal("itemFromJson: %s", item.error().message.c_str());
    return std::move(item).value();
}

inline model::Item taskKey(const std::string& list, int task) {
    return {{"ListId", model::AttributeValue::string(list)},
            {"TaskId", model::AttributeValue::number(model::Number::fromInt(task))}};
}

inline void putTask(table::Database& db, const std::string& list, int task,
                    const std::string& title) {
    table::PutItemRequest put;
    put.tableName = "tasks";
    put.item = taskKey(list, task);
    put.item["Title"] = model::AttributeValue::string(title);
    if (!db.putItem(put)) qFatal("putItem");
}

inline void deleteTask(table::Database& db, const std::string& list, int task) {
    table::DeleteItemRequest remove;
    remove.tableName = "tasks";
    remove.key = taskKey(list, task);
    if (!db.deleteItem(remove)) qFatal("deleteItem");
}

inline QString itemLine(const model::Item& item) {
    return QString::fromStdString(model::toJson(item).dump());
}

// The model's rows, one item a line.
inline QString rowsDump(const ItemTableModel& model) {
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) lines << itemLine(model.item(row));
    return lines.join(QLatin1Char('\n'));
}

inline int columnNamed(const QAbstractItemModel& model, const QString& name) {
    for (int column = 0; column < model.columnCount(); ++column)
        if (model.headerData(column, Qt::Horizontal).toString() == name) return column;
    return -1;
}

// The first `count` items of a fresh Scan, as rowsDump writes them.
inline QString scanDump(table::Database& db, const std::string& table, int count) {
    QStringList lines;
    std::optional<model::Item> start;
    do {
        table::ScanRequest scan;
        scan.tableName = table;
        scan.exclusiveStartKey = start;
        auto page = db.scan(scan);
        if (!page) qFatal("scan: %s", page.error().message.c_str());
        for (const auto& item : page->items)
            if (lines.size() < count) lines << itemLine(item);
        start = page->lastEvaluatedKey;
    } while (start && lines.size() < count);
    return lines.join(QLatin1Char('\n'));
}

inline std::optional<model::Item> getTask(table::Database& db, const std::string& list, int task) {
    table::GetItemRequest get;
    get.tableName = "tasks";
    get.key = {{"ListId", model::AttributeValue::string(list)},
               {"TaskId", model::AttributeValue::number(model::Number::fromInt(task))}};
    auto result = db.getItem(get);
    if (!result) return std::nullopt;
    return result->item;
}

// An item browser on a fresh "tasks" table of `items` items, with its own undo stack.
struct TasksInBrowser {
    TasksDatabase db;
    QUndoStack stack;
    ItemBrowser browser{&stack};

    explicit TasksInBrowser(int items) : db(openTasks(items)) {
        browser.setDatabase(db.get());
        browser.setTable(QStringLiteral("tasks"), taskKeys());
    }
};

}  // namespace shardscope::ui::test

// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <nlohmann/json.hpp>

#include "model/json.h"
#include "models/itemtablemodel.h"
#include "models/itemtreemodel.h"
#include "models/tablelistmodel.h"
#include "session/editcommands.h"
#include "table/database.h"
#include "tasksfixture.h"
#include "uitest.h"
#include "widgets/attributetypedelegate.h"
#include "widgets/itembrowser.h"

namespace shardscope::ui::test {
namespace {

// An item with every kind of nesting the tree shows: a map holding a list, both kinds of set,
// the scalars, and the table's two key attributes.
model::Item nestedTask() {
    using model::AttributeValue;
    using model::Number;
    AttributeValue::Map details{
        {"Owner", AttributeValue::string("ana")},
        {"Estimate", AttributeValue::number(Number::fromInt(3))},
        {"Steps", AttributeValue::list({AttributeValue::string("plan"),
                                        AttributeValue::number(Number::fromInt(2))})}};
    return {{"ListId", AttributeValue::string("work")},
            {"TaskId", AttributeValue::number(Number::fromInt(7))},
            {"Details", AttributeValue::map(std::move(details))},
            {"Tags", AttributeValue::stringSet({"b", "a"})},
            {"Scores", AttributeValue::numberSet({Number::fromInt(2), Number::fromInt(1)})},
            {"Done", AttributeValue::boolean(false)},
            {"Gone", AttributeValue::null()}};
}

// The tree as indented lines, "name type value" ("-" for a set member's missing name), so a
// failing comparison reads like a diff.
QString treeDump(const QAbstractItemModel& model, const QModelIndex& parent = {}, int depth = 0) {
    QString text;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex name = model.index(row, ItemTreeModel::NameColumn, parent);
        const QString shown = name.data().toString();
        text +=
            QString(depth * 2, QLatin1Char(' ')) + (shown.isEmpty() ? QStringLiteral("-") : shown) +
            QLatin1Char(' ') + name.siblingAtColumn(ItemTreeModel::TypeColumn).data().toString() +
            QLatin1Char(' ') + name.siblingAtColumn(ItemTreeModel::ValueColumn).data().toString() +
            QLatin1Char('\n');
        text += treeDump(model, name, depth + 1);
    }
    return text;
}

QModelIndex rowNamed(const QAbstractItemModel& model, const QString& name,
                     const QModelIndex& parent = {}) {
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, ItemTreeModel::NameColumn, parent);
        if (index.data().toString() == name) return index;
    }
    return {};
}

}  // namespace

class ItemModelsTest : public QObject {
    Q_OBJECT
private slots:
    void pagesThroughAScanOffTheUiThread() {
        auto db = openTasks(1200);
        ItemTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(db.get());
        model.setPageSize(500);
        QSignalSpy pages(&model, &ItemTableModel::pageLoaded);
        model.setSource({QStringLiteral("tasks"), taskKeys(), std::nullopt});
        QVERIFY(model.loading());
        QVERIFY(waitFor([&] { return !model.loading(); }));
        // The first page is one page (the tester may already have asked for the next).
        QCOMPARE(pages.front().front().toInt(), 500);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(),
                 QStringLiteral("ListId (partition key)"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(),
                 QStringLiteral("TaskId (sort key)"));
        // Columns come from the data: Note appears once a page holds an item with it.
        QCOMPARE(model.columnCount(), 3);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(waitFor([&] { return !model.loading(); }));
        }
        QCOMPARE(model.rowCount(), 1200);
        QVERIFY(model.complete());
        QCOMPARE(pages.count(), 3);
    }

    void queriesOnePartition() {
        auto db = openTasks(50);
        ItemTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDatabase(db.get());
        model.setSource(
            {QStringLiteral("tasks"), taskKeys(), model::AttributeValue::string("odd")});
        QVERIFY(waitFor([&] { return model.complete(); }));
        QCOMPARE(model.rowCount(), 25);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row, 0).data().toString(), QStringLiteral("odd"));
        // In sort-key order, numerically.
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("1"));
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("3"));
    }

    void aMissingTableIsReported() {
        auto db = openTasks(0);
        ItemTableModel model;
        model.setDatabase(db.get());
        QSignalSpy failed(&model, &ItemTableModel::loadFailed);
        model.setSource({QStringLiteral("nope"), taskKeys(), std::nullopt});
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.front().front().toString().contains(QStringLiteral("not found")));
        QCOMPARE(model.rowCount(), 0);
    }

    void aNewerSourceDropsTheOlderPage() {
        auto db = openTasks(300);
        ItemTableModel model;
        model.setDatabase(db.get());
        model.setSource({QStringLiteral("tasks"), taskKeys(), std::nullopt});
        model.setSource(
            {QStringLiteral("tasks"), taskKeys(), model::AttributeValue::string("even")});
        QVERIFY(waitFor([&] { return model.complete(); }));
        QTest::qWait(50);
        QCOMPARE(model.rowCount(), 150);
    }

    void tableListKeepsRowsInPlace() {
        TableListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTables({{QStringLiteral("a"), 1, {}, {}, {}, {}, {}},
                         {QStringLiteral("b"), 2, {}, {}, {}, {}, {}}});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setTables({{QStringLiteral("a"), 1, {}, {}, {}, {}, {}},
                         {QStringLiteral("b"), 5, {}, {}, {}, {}, {}}});
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, TableListModel::Items).data().toString(), QStringLiteral("5"));
        model.setTables({{QStringLiteral("c"), 0, {}, {}, {}, {}, {}}});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("c")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
    }
};

class ItemEditingTest : public QObject {
    Q_OBJECT
private slots:
    void checksItemsAsPutItemWould_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QStringLiteral("{\"ListId\": ")
                                  << QStringLiteral("Not valid JSON");
        QTest::newRow("not an object") << QStringLiteral("[1]") << QStringLiteral("JSON object");
        QTest::newRow("number as JSON number")
            << QStringLiteral(R"({"ListId":{"S":"a"},"TaskId":{"N":1}})")
            << QStringLiteral("NUMBER_VALUE can not be converted to a String");
        QTest::newRow("empty set")
            << QStringLiteral(R"({"ListId":{"S":"a"},"TaskId":{"N":"1"},"Tags":{"SS":[]}})")
            << QStringLiteral("An string set  may not be empty");
        QTest::newRow("missing sort key") << QStringLiteral(R"({"ListId":{"S":"a"}})")
                                          << QStringLiteral("Missing the key TaskId in the item");
        QTest::newRow("wrong key type")
            << QStringLiteral(R"({"ListId":{"N":"1"},"TaskId":{"N":"1"}})")
            << QStringLiteral("Type mismatch for key ListId expected: S actual: N");
        QTest::newRow("oversize")
            << QStringLiteral(R"({"ListId":{"S":"a"},"TaskId":{"N":"1"},"Blob":{"S":"%1"}})")
                   .arg(QString(410 * 1024, QLatin1Char('x')))
            << QStringLiteral("Item size has exceeded the maximum allowed size");
        QTest::newRow("valid") << QStringLiteral(R"({"ListId":{"S":"a"},"TaskId":{"N":"1"}})")
                               << QString();
    }
    void checksItemsAsPutItemWould() {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const ItemCheck check = checkItemText(text, taskKeys(), std::nullopt);
        if (error.isEmpty()) {
            QVERIFY2(check.item.has_value(), qPrintable(check.error));
        } else {
            QVERIFY(!check.item);
            QVERIFY2(check.error.contains(error), qPrintable(check.error));
        }
    }

    void refusesAKeyChangeWhenEditing() {
        const model::Item original{
            {"ListId", model::AttributeValue::string("a")},
            {"TaskId", model::AttributeValue::number(model::Number::fromInt(1))}};
        const ItemCheck check = checkItemText(
            QStringLiteral(R"({"ListId":{"S":"b"},"TaskId":{"N":"1"}})"), taskKeys(), original);
        QVERIFY(!check.item);
        QVERIFY(check.error.contains(QStringLiteral("ListId is part of the key")));
        // 1 and 1.0 are the same number, so the same key.
        QVERIFY(checkItemText(QStringLiteral(R"({"ListId":{"S":"a"},"TaskId":{"N":"1.0"}})"),
                              taskKeys(), original)
                    .item);
    }

    void editsAreUndoable() {
        auto db = openTasks(2);
        QUndoStack stack;
        const model::Item key{{"ListId", model::AttributeValue::string("even")},
                              {"TaskId", model::AttributeValue::number(model::Number::fromInt(0))}};
        const auto before = getTask(*db, "even", 0);
        QVERIFY(before);
        model::Item after = *before;
        after["Title"] = model::AttributeValue::string("edited");
        QString reported;
        auto sink = [&](const QString& text) { reported = text; };
        QCOMPARE(pushItemEdit(stack, *db, QStringLiteral("tasks"), key, before, after, sink),
                 std::nullopt);
        QCOMPARE(stack.count(), 1);
        QVERIFY(getTask(*db, "even", 0)->count("Title"));
        stack.undo();
        QVERIFY(!getTask(*db, "even", 0)->count("Title"));
        stack.redo();
        QVERIFY(getTask(*db, "even", 0)->count("Title"));

        // A delete, undone, brings the item back as it was.
        QCOMPARE(pushItemEdit(stack, *db, QStringLiteral("tasks"), key, getTask(*db, "even", 0),
                              std::nullopt, sink),
                 std::nullopt);
        QVERIFY(!getTask(*db, "even", 0));
        stack.undo();
        QCOMPARE(getTask(*db, "even", 0)->at("Title").asString(), std::string("edited"));
        QVERIFY(reported.isEmpty());
    }

    void aRefusedWriteLeavesNoUndoEntry() {
        auto db = openTasks(0);
        QUndoStack stack;
        const model::Item item{
            {"ListId", model::AttributeValue::string("x")},
            {"TaskId", model::AttributeValue::number(model::Number::fromInt(1))}};
        const auto error =
            pushItemEdit(stack, *db, QStringLiteral("missing"), item, std::nullopt, item, {});
        QVERIFY(error.has_value());
        QVERIFY2(error->contains(QStringLiteral("not found")), qPrintable(*error));
        QCOMPARE(stack.count(), 0);
    }

    void browserSavesThroughTheUndoStack() {
        TasksInBrowser fixture(3);
        auto& db = fixture.db;
        auto& stack = fixture.stack;
        auto& browser = fixture.browser;
        QVERIFY(waitFor([&] { return browser.model()->complete(); }));
        browser.newItem();
        browser.editor()->setPlainText(
            QStringLiteral(R"({"ListId":{"S":"new"},"TaskId":{"N":"x"}})"));
        QVERIFY(!browser.saveButton()->isEnabled());
        QVERIFY(!browser.editorMessage()->text().isEmpty());
        browser.editor()->setPlainText(
            QStringLiteral(R"({"ListId":{"S":"new"},"TaskId":{"N":"9"}})"));
        QVERIFY(browser.saveButton()->isEnabled());
        QVERIFY(browser.save());
        QCOMPARE(stack.count(), 1);
        QVERIFY(getTask(*db, "new", 9));
        QVERIFY(waitFor(
            [&] { return browser.model()->complete() && browser.model()->rowCount() == 4; }));
    }
};

// A browser on a table holding nestedTask(), with that item selected in its editor.
struct NestedTaskInBrowser : TasksInBrowser {
    NestedTaskInBrowser() : TasksInBrowser(0) {}

    bool ready() {
        table::PutItemRequest put;
        put.tableName = "tasks";
        put.item = nestedTask();
        if (!db->putItem(put)) return false;
        browser.refresh();
        if (!waitFor(
                [&] { return browser.model()->complete() && browser.model()->rowCount() == 1; }))
            return false;
        browser.view()->setCurrentIndex(browser.model()->index(0, 0));
        return true;
    }
};

class ItemTreeTest : public QObject {
    Q_OBJECT
private slots:
    void showsNestedMapsListsAndSets() {
        ItemTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeySchema(taskKeys(), false);
        model.setItem(nestedTask());
        QCOMPARE(treeDump(model), QStringLiteral("Details M 3 attributes\n"
                                                 "  Estimate N 3\n"
                                                 "  Owner S ana\n"
                                                 "  Steps L 2 elements\n"
                                                 "    [0] S plan\n"
                                                 "    [1] N 2\n"
                                                 "Done BOOL false\n"
                                                 "Gone NULL null\n"
                                                 "ListId S work\n"
                                                 "Scores NS 2 members\n"
                                                 "  - N 1\n"
                                                 "  - N 2\n"
                                                 "Tags SS 2 members\n"
                                                 "  - S a\n"
                                                 "  - S b\n"
                                                 "TaskId N 7\n"));
        // Key attributes are bold; others are not.
        QVERIFY(rowNamed(model, QStringLiteral("ListId")).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(rowNamed(model, QStringLiteral("TaskId"))
                    .siblingAtColumn(ItemTreeModel::ValueColumn)
                    .data(Qt::FontRole)
                    .value<QFont>()
                    .bold());
        QVERIFY(!rowNamed(model, QStringLiteral("Done")).data(Qt::FontRole).isValid());
        // Unchanged, the tree writes the engine's JSON for the item.
        QCOMPARE(model.toJson().dump(), model::toJson(nestedTask()).dump());
    }

    void editsUnderTheModelTester() {
        ItemTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeySchema(taskKeys(), false);
        model.setItem(nestedTask());
        QSignalSpy edited(&model, &ItemTreeModel::edited);
        const QModelIndex details = rowNamed(model, QStringLiteral("Details"));
        const QModelIndex steps = rowNamed(model, QStringLiteral("Steps"), details);

        // Rename, at the top level and inside a map.
        QVERIFY(model.setData(rowNamed(model, QStringLiteral("Done")), QStringLiteral("Finished")));
        QVERIFY(model.setData(rowNamed(model, QStringLiteral("Owner"), details),
                              QStringLiteral("Assignee")));
        // Scalars, each in its own way: a bool from the check box's bool, a number as text.
        QVERIFY(model.setData(
            rowNamed(model, QStringLiteral("Finished")).siblingAtColumn(ItemTreeModel::ValueColumn),
            true));
        QVERIFY(model.setData(rowNamed(model, QStringLiteral("Estimate"), details)
                                  .siblingAtColumn(ItemTreeModel::ValueColumn),
                              QStringLiteral("2.50")));

        // Add at the top level, into a map, a list and a set.
        const QModelIndex top = model.addChild({});
        QCOMPARE(top.data().toString(), QStringLiteral("NewAttribute"));
        QCOMPARE(model.addChild(details).data().toString(), QStringLiteral("NewAttribute"));
        QCOMPARE(model.addChild(steps).data().toString(), QStringLiteral("[2]"));
        const QModelIndex tags = rowNamed(model, QStringLiteral("Tags"));
        const QModelIndex member = model.addChild(tags);
        QCOMPARE(member.siblingAtColumn(ItemTreeModel::ValueColumn).data().toString(),
                 QStringLiteral("value1"));
        // Next to a scalar means next to it, in its container.
        QCOMPARE(model.addChild(rowNamed(model, QStringLiteral("Finished"))).data().toString(),
                 QStringLiteral("NewAttribute2"));

        // Remove the first list element: the others are numbered again.
        QVERIFY(model.removeRow(0, steps));
        QCOMPARE(model.index(0, ItemTreeModel::NameColumn, steps).data().toString(),
                 QStringLiteral("[0]"));
        QCOMPARE(model.index(1, ItemTreeModel::NameColumn, steps).data().toString(),
                 QStringLiteral("[1]"));

        // Retype: converted where the value means something in the new type, else reset.
        const auto retype = [&](const QModelIndex& index, const char* type) {
            return model.setData(index.siblingAtColumn(ItemTreeModel::TypeColumn),
                                 QString::fromLatin1(type));
        };
        QVERIFY(retype(rowNamed(model, QStringLiteral("Estimate"), details), "S"));
        QVERIFY(retype(steps, "SS"));  // [2, ""] → {"", "2"}
        QVERIFY(retype(tags, "NS"));   // "a" is no number: an empty number set
        QVERIFY(retype(rowNamed(model, QStringLiteral("Gone")), "M"));
        QVERIFY(model.addChild(rowNamed(model, QStringLiteral("Gone"))).isValid());
        QVERIFY(retype(rowNamed(model, QStringLiteral("Scores")), "L"));

        QCOMPARE(treeDump(model), QStringLiteral("Details M 4 attributes\n"
                                                 "  Estimate S 2.5\n"
                                                 "  Assignee S ana\n"
                                                 "  Steps SS 2 members\n"
                                                 "    - S \n"
                                                 "    - S 2\n"
                                                 "  NewAttribute S \n"
                                                 "Finished BOOL true\n"
                                                 "Gone M 1 attribute\n"
                                                 "  NewAttribute S \n"
                                                 "ListId S work\n"
                                                 "Scores L 2 elements\n"
                                                 "  [0] N 1\n"
                                                 "  [1] N 2\n"
                                                 "Tags NS 0 members\n"
                                                 "TaskId N 7\n"
                                                 "NewAttribute S \n"
                                                 "NewAttribute2 S \n"));
        QCOMPARE(edited.count(), 16);
        // What the JSON check will read: the empty set as it stands.
        QCOMPARE(model.toJson()["Tags"].dump(), std::string(R"({"NS":[]})"));
        QCOMPARE(model.toJson()["Details"]["M"]["Steps"].dump(), std::string(R"({"SS":["","2"]})"));
    }

    void refusesWhatDynamoDbWouldRefuse() {
        ItemTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeySchema(taskKeys(), false);
        model.setItem(nestedTask());
        QSignalSpy refused(&model, &ItemTreeModel::editRefused);
        QSignalSpy edited(&model, &ItemTreeModel::edited);
        const QString before = treeDump(model);
        const auto lastRefusal = [&] { return refused.back().front().toString(); };

        const QModelIndex taskValue =
            rowNamed(model, QStringLiteral("TaskId")).siblingAtColumn(ItemTreeModel::ValueColumn);
        QVERIFY(!model.setData(taskValue, QStringLiteral("7 days")));
        QCOMPARE(lastRefusal(),
                 QStringLiteral("The parameter cannot be converted to a numeric value"));
        QVERIFY(!model.setData(taskValue, QStringLiteral("1e200")));
        QVERIFY2(lastRefusal().startsWith(QStringLiteral("Number overflow")),
                 qPrintable(lastRefusal()));
        QVERIFY(!model.setData(rowNamed(model, QStringLiteral("Done")), QStringLiteral("Tags")));
        QCOMPARE(lastRefusal(), QStringLiteral("The item already has an attribute named Tags"));
        QVERIFY(!model.setData(rowNamed(model, QStringLiteral("Done")), QString()));
        QVERIFY2(lastRefusal().contains(QStringLiteral("An attribute name cannot be empty")),
                 qPrintable(lastRefusal()));
        QVERIFY(!model.setData(
            rowNamed(model, QStringLiteral("Done")).siblingAtColumn(ItemTreeModel::ValueColumn),
            QStringLiteral("maybe")));
        QVERIFY(!model.setData(
            rowNamed(model, QStringLiteral("Done")).siblingAtColumn(ItemTreeModel::TypeColumn),
            QStringLiteral("STRING")));
        QCOMPARE(refused.count(), 6);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(treeDump(model), before);

        // A stored item's key keeps its name and type and stays.
        model.setKeySchema(taskKeys(), true);
        const QModelIndex listId = rowNamed(model, QStringLiteral("ListId"));
        QVERIFY(!(model.flags(listId) & Qt::ItemIsEditable));
        QVERIFY(
            !(model.flags(listId.siblingAtColumn(ItemTreeModel::TypeColumn)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(listId.siblingAtColumn(ItemTreeModel::ValueColumn)) &
                Qt::ItemIsEditable);
        QVERIFY(
            !model.setData(listId.siblingAtColumn(ItemTreeModel::TypeColumn), QStringLiteral("N")));
        QVERIFY(lastRefusal().contains(QStringLiteral("ListId is part of the key")));
        QVERIFY(!model.canRemove(listId));
        QVERIFY(!model.removeRow(listId.row()));
        QCOMPARE(treeDump(model), before);

        // Read-only: nothing is editable or added.
        model.setReadOnly(true);
        QVERIFY(!(model.flags(taskValue) & Qt::ItemIsEditable));
        QVERIFY(!model.addChild({}).isValid());
        QCOMPARE(edited.count(), 0);
    }

    void treeEditsAreSavedThroughTheJsonText() {
        TasksInBrowser fixture(3);
        auto& db = fixture.db;
        auto& stack = fixture.stack;
        auto& browser = fixture.browser;
        QVERIFY(waitFor([&] { return browser.model()->complete(); }));
        QVERIFY(!browser.treeView()->isEnabled());
        browser.newItem();
        // The skeleton's JSON seeded the tree.
        QVERIFY(browser.treeView()->isEnabled());
        ItemTreeModel& tree = *browser.treeModel();
        QCOMPARE(treeDump(tree), QStringLiteral("ListId S \nTaskId N 0\n"));

        QVERIFY(tree.setData(
            rowNamed(tree, QStringLiteral("ListId")).siblingAtColumn(ItemTreeModel::ValueColumn),
            QStringLiteral("tree")));
        QVERIFY(tree.setData(
            rowNamed(tree, QStringLiteral("TaskId")).siblingAtColumn(ItemTreeModel::ValueColumn),
            QStringLiteral("42")));
        const QModelIndex added = tree.addChild({});
        QVERIFY(tree.setData(added, QStringLiteral("Title")));
        QVERIFY(tree.setData(added.siblingAtColumn(ItemTreeModel::ValueColumn),
                             QStringLiteral("from the tree")));
        QVERIFY(
            tree.setData(added.siblingAtColumn(ItemTreeModel::TypeColumn), QStringLiteral("SS")));

        const model::Item expected{
            {"ListId", model::AttributeValue::string("tree")},
            {"TaskId", model::AttributeValue::number(model::Number::fromInt(42))},
            {"Title", model::AttributeValue::stringSet({"from the tree"})}};
        QCOMPARE(browser.editor()->toPlainText(),
                 QString::fromStdString(model::toJson(expected).dump(2)));
        QVERIFY2(browser.saveButton()->isEnabled(), qPrintable(browser.editorMessage()->text()));
        QVERIFY(browser.save());
        QCOMPARE(stack.count(), 1);
        QVERIFY(getTask(*db, "tree", 42) == expected);
        // Saved, the item is a stored one: its key is now locked in the tree.
        QVERIFY(rowNamed(tree, QStringLiteral("ListId")).isValid());
        QVERIFY(!(tree.flags(rowNamed(tree, QStringLiteral("ListId"))) & Qt::ItemIsEditable));
        // The list reads the saved row again; let it finish before the item goes.
        QVERIFY(waitFor([&] { return browser.model()->settled(); }));
        stack.undo();
        QVERIFY(!getTask(*db, "tree", 42));
    }

    void typedJsonReseedsTheTreeOrDisablesIt() {
        TasksInBrowser fixture(0);
        auto& browser = fixture.browser;
        QCOMPARE(browser.editorTabs()->tabText(0), QStringLiteral("Tree"));
        QCOMPARE(browser.editorTabs()->tabText(1), QStringLiteral("JSON"));
        browser.newItem();
        browser.editor()->setPlainText(QString::fromStdString(model::toJson(nestedTask()).dump()));
        QVERIFY(browser.treeView()->isEnabled());
        QCOMPARE(browser.treeModel()->rowCount(), 7);

        browser.editor()->setPlainText(QStringLiteral(R"({"ListId": {"S": "work"},)"));
        QVERIFY(!browser.treeView()->isEnabled());
        QVERIFY(browser.editorMessage()->text().startsWith(QStringLiteral("Not valid JSON")));
        // DynamoDB's value errors also leave no tree to show.
        browser.editor()->setPlainText(
            QStringLiteral(R"({"ListId":{"S":"a"},"TaskId":{"N":"x"}})"));
        QVERIFY(!browser.treeView()->isEnabled());
        QCOMPARE(browser.editorMessage()->text(),
                 QStringLiteral("The parameter cannot be converted to a numeric value"));
        QVERIFY(!browser.findChild<QPushButton*>(QStringLiteral("addAttribute"))->isEnabled());

        // An item that decodes but is not yet right (no sort key) is shown, with the message.
        browser.editor()->setPlainText(QStringLiteral(R"({"ListId":{"S":"a"}})"));
        QVERIFY(browser.treeView()->isEnabled());
        QCOMPARE(treeDump(*browser.treeModel()), QStringLiteral("ListId S a\n"));
        QVERIFY(browser.editorMessage()->text().contains(QStringLiteral("Missing the key TaskId")));
    }

    void badTreeInputsShowDynamoDbsMessage() {
        NestedTaskInBrowser fixture;
        QVERIFY(fixture.ready());
        ItemBrowser& browser = fixture.browser;
        ItemTreeModel& tree = *browser.treeModel();
        QVERIFY(waitFor([&] { return tree.rowCount() == 7; }));
        const QString savedText = browser.editor()->toPlainText();
        QVERIFY(parsedItem(savedText) == nestedTask());

        // An invalid number: refused in the cell, said under it, the text untouched.
        const QModelIndex estimate =
            rowNamed(tree, QStringLiteral("Estimate"), rowNamed(tree, QStringLiteral("Details")))
                .siblingAtColumn(ItemTreeModel::ValueColumn);
        QVERIFY(!tree.setData(estimate, QStringLiteral("three")));
        QCOMPARE(browser.editorMessage()->text(),
                 QStringLiteral("The parameter cannot be converted to a numeric value"));
        QCOMPARE(estimate.data().toString(), QStringLiteral("3"));
        QCOMPARE(browser.editor()->toPlainText(), savedText);

        // A name the item already has.
        QVERIFY(!tree.setData(rowNamed(tree, QStringLiteral("Done")), QStringLiteral("Gone")));
        QCOMPARE(browser.editorMessage()->text(),
                 QStringLiteral("The item already has an attribute named Gone"));
        QCOMPARE(browser.editor()->toPlainText(), savedText);

        // The key of a stored item keeps its type.
        const QModelIndex taskType =
            rowNamed(tree, QStringLiteral("TaskId")).siblingAtColumn(ItemTreeModel::TypeColumn);
        QVERIFY(!(tree.flags(taskType) & Qt::ItemIsEditable));
        QVERIFY(!tree.setData(taskType, QStringLiteral("S")));
        QVERIFY(
            browser.editorMessage()->text().contains(QStringLiteral("TaskId is part of the key")));
        QCOMPARE(browser.editor()->toPlainText(), savedText);
        // Its value may be typed, and the item check says why it cannot be saved.
        QVERIFY(tree.setData(taskType.siblingAtColumn(ItemTreeModel::ValueColumn),
                             QStringLiteral("8")));
        QVERIFY(
            browser.editorMessage()->text().contains(QStringLiteral("TaskId is part of the key")));
        QVERIFY(!browser.saveButton()->isEnabled());
        QVERIFY(tree.setData(taskType.siblingAtColumn(ItemTreeModel::ValueColumn),
                             QStringLiteral("7")));
        QVERIFY(browser.saveButton()->isEnabled());

        // A set whose last member goes: DynamoDB refuses empty sets, and so does Save.
        const QModelIndex tags = rowNamed(tree, QStringLiteral("Tags"));
        QVERIFY(tree.removeRow(0, tags));
        QVERIFY(browser.saveButton()->isEnabled());
        QVERIFY(tree.removeRow(0, tags));
        QCOMPARE(browser.editorMessage()->text(),
                 QStringLiteral("One or more parameter values were invalid: An string set  may not "
                                "be empty"));
        QVERIFY(!browser.saveButton()->isEnabled());
        // The tree stays as edited (not re-seeded from text it wrote), so a member can be added.
        QVERIFY(browser.treeView()->isEnabled());
        QVERIFY(tree.addChild(tags).isValid());
        QVERIFY(browser.saveButton()->isEnabled());
        QVERIFY(browser.save());
        QVERIFY(getTask(*fixture.db, "work", 7)->at("Tags") ==
                model::AttributeValue::stringSet({"value1"}));
        QVERIFY(waitFor([&] { return !browser.model()->loading(); }));
    }

    // Typing in the JSON re-seeds the tree; what the user collapsed stays collapsed, found by
    // its path, and the current row stays current. What the text adds comes expanded.
    void typedJsonKeepsTheTreesExpansion() {
        NestedTaskInBrowser fixture;
        QVERIFY(fixture.ready());
        ItemBrowser& browser = fixture.browser;
        ItemTreeModel& tree = *browser.treeModel();
        QTreeView& view = *browser.treeView();
        QVERIFY(waitFor([&] { return tree.rowCount() == 7; }));
        const auto at = [&](std::initializer_list<const char*> path) {
            QModelIndex index;
            for (const char* name : path) index = rowNamed(tree, QString::fromLatin1(name), index);
            return index;
        };
        QVERIFY(view.isExpanded(at({"Details"})));
        QVERIFY(view.isExpanded(at({"Details", "Steps"})));
        QVERIFY(view.isExpanded(at({"Tags"})));
        view.collapse(at({"Tags"}));
        view.collapse(at({"Details", "Steps"}));
        view.setCurrentIndex(at({"Details", "Owner"}).siblingAtColumn(ItemTreeModel::ValueColumn));

        model::Item edited = nestedTask();
        edited["Done"] = model::AttributeValue::boolean(true);
        edited["Extra"] = model::AttributeValue::map({{"Inner", model::AttributeValue::null()}});
        browser.editor()->setPlainText(QString::fromStdString(model::toJson(edited).dump(2)));
        QCOMPARE(rowNamed(tree, QStringLiteral("Done"))
                     .siblingAtColumn(ItemTreeModel::ValueColumn)
                     .data()
                     .toString(),
                 QStringLiteral("true"));
        QVERIFY(!view.isExpanded(at({"Tags"})));
        QVERIFY(!view.isExpanded(at({"Details", "Steps"})));
        QVERIFY(view.isExpanded(at({"Details"})));
        QVERIFY(view.isExpanded(at({"Scores"})));
        QVERIFY(view.isExpanded(at({"Extra"})));
        QCOMPARE(view.currentIndex(),
                 at({"Details", "Owner"}).siblingAtColumn(ItemTreeModel::ValueColumn));

        // Another item opens fully expanded.
        table::PutItemRequest put;
        put.tableName = "tasks";
        put.item = nestedTask();
        put.item["TaskId"] = model::AttributeValue::number(model::Number::fromInt(8));
        QVERIFY(fixture.db->putItem(put));
        browser.refresh();
        QVERIFY(waitFor(
            [&] { return browser.model()->complete() && browser.model()->rowCount() == 2; }));
        browser.view()->setCurrentIndex(browser.model()->index(1, 0));
        QVERIFY(waitFor([&] { return rowNamed(tree, QStringLiteral("Tags")).isValid(); }));
        QVERIFY(view.isExpanded(at({"Tags"})));
        QVERIFY(view.isExpanded(at({"Details", "Steps"})));
    }

    void typeDelegateOffersTheTenTypes() {
        ItemTreeModel model;
        model.setItem(nestedTask());
        AttributeTypeDelegate delegate;
        QWidget parent;
        const QModelIndex type =
            rowNamed(model, QStringLiteral("Done")).siblingAtColumn(ItemTreeModel::TypeColumn);
        std::unique_ptr<QWidget> editor(delegate.createEditor(&parent, {}, type));
        auto* types = qobject_cast<QComboBox*>(editor.get());
        QVERIFY(types);
        QStringList names;
        for (int i = 0; i < types->count(); ++i) names << types->itemText(i);
        QCOMPARE(names.join(QLatin1Char(' ')), QStringLiteral("S N B BOOL NULL M L SS NS BS"));
        delegate.setEditorData(types, type);
        QCOMPARE(types->currentText(), QStringLiteral("BOOL"));
        types->setCurrentText(QStringLiteral("S"));
        delegate.setModelData(types, &model, type);
        QCOMPARE(type.data().toString(), QStringLiteral("S"));
        QCOMPARE(type.siblingAtColumn(ItemTreeModel::ValueColumn).data().toString(),
                 QStringLiteral("false"));
        // Other columns keep the default editors.
        const QModelIndex value = type.siblingAtColumn(ItemTreeModel::ValueColumn);
        std::unique_ptr<QWidget> line(delegate.createEditor(&parent, {}, value));
        QVERIFY(qobject_cast<QLineEdit*>(line.get()));
    }

    void addAndRemoveFollowTheSelection() {
        NestedTaskInBrowser fixture;
        QVERIFY(fixture.ready());
        ItemBrowser& browser = fixture.browser;
        ItemTreeModel& tree = *browser.treeModel();
        QTreeView& view = *browser.treeView();
        auto* add = browser.findChild<QPushButton*>(QStringLiteral("addAttribute"));
        auto* remove = browser.findChild<QPushButton*>(QStringLiteral("removeAttribute"));
        QVERIFY(add->isEnabled());
        QVERIFY(!remove->isEnabled());  // nothing selected

        view.setCurrentIndex(rowNamed(tree, QStringLiteral("Tags")));
        add->click();
        QVERIFY(parsedItem(browser.editor()->toPlainText()).at("Tags") ==
                model::AttributeValue::stringSet({"a", "b", "value1"}));
        // The new member is current, its value open for typing.
        QCOMPARE(view.currentIndex().column(), int(ItemTreeModel::ValueColumn));
        QCOMPARE(view.currentIndex().data().toString(), QStringLiteral("value1"));
        QVERIFY(remove->isEnabled());

        view.setCurrentIndex(rowNamed(tree, QStringLiteral("ListId")));
        QVERIFY(!remove->isEnabled());  // a stored item's key stays
        view.setCurrentIndex(rowNamed(tree, QStringLiteral("Done")));
        QVERIFY(remove->isEnabled());
        remove->click();
        QVERIFY(!parsedItem(browser.editor()->toPlainText()).count("Done"));
        QVERIFY(!rowNamed(tree, QStringLiteral("Done")).isValid());
        QVERIFY(browser.saveButton()->isEnabled());
    }

    void plainJsonViewLeavesTheTreeReadOnly() {
        TasksInBrowser fixture(1);
        auto& browser = fixture.browser;
        QVERIFY(waitFor(
            [&] { return browser.model()->complete() && browser.model()->rowCount() == 1; }));
        browser.view()->setCurrentIndex(browser.model()->index(0, 0));
        QVERIFY(waitFor([&] { return browser.treeModel()->rowCount() == 2; }));
        auto* format = browser.findChild<QComboBox*>(QStringLiteral("itemFormat"));
        QVERIFY(format);
        format->setCurrentIndex(1);
        QVERIFY(browser.treeModel()->isReadOnly());
        QVERIFY(!browser.findChild<QPushButton*>(QStringLiteral("addAttribute"))->isEnabled());
        format->setCurrentIndex(0);
        QVERIFY(!browser.treeModel()->isReadOnly());
        QVERIFY(browser.findChild<QPushButton*>(QStringLiteral("addAttribute"))->isEnabled());
    }
};

SHARDSCOPE_UI_TEST(ItemModelsTest)
SHARDSCOPE_UI_TEST(ItemEditingTest)
SHARDSCOPE_UI_TEST(ItemTreeTest)

}  // namespace shardscope::ui::test

#include "items_test.moc"

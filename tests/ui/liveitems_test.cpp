// SPDX-License-Identifier: MIT
// The item browser following writes: its model's rows, its view, and the item in its editor.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>

#include "session/eventbridge.h"
#include "tasksfixture.h"
#include "uitest.h"

namespace shardscope::ui::test {

class ItemLiveRowsTest : public QObject {
    Q_OBJECT
private slots:
    // Writes to the shown table reach the rows that are loaded, each in place: no reset, the
    // selection stays on its item. A new key inside the loaded range is inserted where Scan
    // returns it; keys past it are left to the pages still to read.
    //
    // No model tester here: it asks for more rows on every signal, so it reads the whole table.
    // completeTableFollowsWritesUnderTheTester has one.
    void loadedRowsFollowWritesInPlace() {
        auto db = openTasks(4000);
        ItemTableModel model;
        // Pumped by hand, so each batch of events is delivered when the test says.
        EventBridge bridge(db->subscribe(), 3'600'000);
        connect(&bridge, &EventBridge::itemsWritten, &model, &ItemTableModel::noteWrites);
        model.setChangeCueMs(3'600'000);
        model.setDatabase(db.get());
        model.setSource({QStringLiteral("tasks"), taskKeys(), std::nullopt});
        QVERIFY(waitFor([&] { return !model.loading() && model.rowCount() > 0; }));
        // Part of the first partition in Scan order is read (2,000 items, pages of 500).
        QVERIFY(!model.complete());
        QVERIFY(model.rowCount() < 2000);
        const std::string first = model.item(0).at("ListId").asString();
        const std::string second = first == "odd" ? "even" : "odd";
        const auto taskAt = [&](int row) {
            return std::stoi(model.item(row).at("TaskId").asNumber().toString());
        };
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const QPersistentModelIndex selected = model.index(10, 0);
        const int selectedTask = taskAt(10);
        const int loaded = model.rowCount();

        const int changed = taskAt(3), removed = taskAt(5), added = taskAt(1) + 1;
        putTask(*db, first, changed, "changed");
        deleteTask(*db, first, removed);
        putTask(*db, first, added, "added");
        putTask(*db, first, 1'000'001, "past the rows read");
        putTask(*db, second, 100'003, "another partition, past the rows read");
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));

        QCOMPARE(model.rowCount(), loaded);  // one added, one removed
        QCOMPARE(rowsDump(model), scanDump(*db, "tasks", model.rowCount()));
        QCOMPARE(resets.count(), 0);
        QVERIFY(selected.isValid());
        QCOMPARE(selected.row(), 10);  // one row went before it, one came
        QCOMPARE(taskAt(selected.row()), selectedTask);
        const int changedRow = model.rowOf(taskKey(first, changed));
        QVERIFY(changedRow >= 0);
        QCOMPARE(
            model.index(changedRow, columnNamed(model, QStringLiteral("Title"))).data().toString(),
            QStringLiteral("changed"));
        QVERIFY(model.index(changedRow, 0).data(ItemTableModel::RecentlyChangedRole).toBool());
        QVERIFY(!model.index(0, 0).data(ItemTableModel::RecentlyChangedRole).toBool());
        QCOMPARE(model.rowOf(taskKey(first, removed)), -1);
        QCOMPARE(model.rowOf(taskKey(first, 1'000'001)), -1);
        QCOMPARE(model.rowOf(taskKey(second, 100'003)), -1);

        // A write just past the rows read, while the next page is on its way, is not lost,
        // whichever lands first.
        const int next = taskAt(model.rowCount() - 1) + 1;
        model.fetchMore({});
        QVERIFY(model.loading());
        putTask(*db, first, next, "written while a page was read");
        bridge.pump();
        while (model.canFetchMore({}) || model.loading() || !model.settled()) {
            if (model.canFetchMore({})) model.fetchMore({});
            QVERIFY(waitFor([&] { return !model.loading() && model.settled(); }));
            bridge.pump();
        }
        QCOMPARE(rowsDump(model), scanDump(*db, "tasks", 100'000));
        QCOMPARE(model.rowCount(), 4003);
        QCOMPARE(resets.count(), 0);

        // Read to the end, every write shows.
        deleteTask(*db, second, 100'003);
        putTask(*db, second, 100'000, "last");
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));
        QCOMPARE(rowsDump(model), scanDump(*db, "tasks", 100'000));
    }

    // Many changes read at once go in as one layout change rather than row by row: the rows end
    // up as a Scan returns them, persistent indexes follow their items, and a row a persistent
    // index points at is updated or removed with its own signals (views move the current row off
    // a row that goes; the browser's editor shows its item anew).
    void manyChangesAtOnceComeAsOneLayoutChange() {
        auto db = openTasks(4000);
        ItemTableModel model;
        EventBridge bridge(db->subscribe(), 3'600'000);
        connect(&bridge, &EventBridge::itemsWritten, &model, &ItemTableModel::noteWrites);
        model.setDatabase(db.get());
        model.setSource({QStringLiteral("tasks"), taskKeys(), std::nullopt});
        QVERIFY(waitFor([&] { return !model.loading() && model.rowCount() >= 400; }));
        const std::string list = model.item(0).at("ListId").asString();
        const auto taskAt = [&](int row) {
            return std::stoi(model.item(row).at("TaskId").asNumber().toString());
        };
        const QPersistentModelIndex kept = model.index(201, 1);
        const int keptTask = taskAt(201);
        const QPersistentModelIndex going = model.index(30, 0);
        const int goingTask = taskAt(30);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        const QPersistentModelIndex updated = model.index(5, 0);  // among the updates below
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // 20 updates, 20 new items and 20 deletions (one of them the row `going` points at)
        // among the rows read, above and below `kept`; one key written, then deleted.
        std::vector<int> tasks;
        for (int row = 0; row < 400; row += 5) tasks.push_back(taskAt(row));
        for (int i = 0; i < 20; ++i) putTask(*db, list, tasks[size_t(i)], "updated");
        for (int i = 20; i < 40; ++i) putTask(*db, list, tasks[size_t(i)] + 1, "new");
        for (int i = 40; i < 60; ++i) deleteTask(*db, list, tasks[size_t(i)]);
        deleteTask(*db, list, goingTask);
        putTask(*db, list, tasks[0] + 1, "brief");
        deleteTask(*db, list, tasks[0] + 1);
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));

        QCOMPARE(rowsDump(model), scanDump(*db, "tasks", model.rowCount()));
        QCOMPARE(resets.count(), 0);
        QVERIFY(layouts.count() >= 1);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 1);  // the row `going` pointed at
        // The row `updated` points at was updated with its own signal (the editor listens).
        QVERIFY(std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant>& signal) {
            return signal.at(0).toModelIndex().row() <= updated.row() &&
                   signal.at(1).toModelIndex().row() >= updated.row() &&
                   signal.at(2).value<QList<int>>().isEmpty();
        }));
        QVERIFY(!going.isValid());
        QVERIFY(kept.isValid());
        QCOMPARE(kept.column(), 1);
        QCOMPARE(taskAt(kept.row()), keptTask);
        QVERIFY(kept.row() != 201);  // rows came and went before it
        const int updatedRow = model.rowOf(taskKey(list, tasks[3]));
        QCOMPARE(
            model.index(updatedRow, columnNamed(model, QStringLiteral("Title"))).data().toString(),
            QStringLiteral("updated"));
        QVERIFY(model.index(updatedRow, 0).data(ItemTableModel::RecentlyChangedRole).toBool());
    }

    // The same under the model tester, which checks every layout change.
    void aLayoutChangeSatisfiesTheTester() {
        auto db = openTasks(300);
        ItemTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        EventBridge bridge(db->subscribe(), 3'600'000);
        connect(&bridge, &EventBridge::itemsWritten, &model, &ItemTableModel::noteWrites);
        model.setDatabase(db.get());
        model.setSource({QStringLiteral("tasks"), taskKeys(), std::nullopt});
        QVERIFY(waitFor([&] { return model.complete(); }));
        QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
        for (int task = 0; task < 60; task += 3) putTask(*db, "even", task, "updated");
        for (int task = 1; task < 60; task += 4) putTask(*db, "even", task, "new");
        for (int task = 1; task < 60; task += 6) deleteTask(*db, "odd", task);
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));
        QVERIFY(layouts.count() >= 1);
        QCOMPARE(rowsDump(model), scanDump(*db, "tasks", 100'000));
    }

    // Every row read: a write anywhere in the table reaches the rows, under the model tester.
    void completeTableFollowsWritesUnderTheTester() {
        auto db = openTasks(300);
        ItemTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        EventBridge bridge(db->subscribe(), 3'600'000);
        connect(&bridge, &EventBridge::itemsWritten, &model, &ItemTableModel::noteWrites);
        model.setPageSize(100);
        model.setDatabase(db.get());
        model.setSource({QStringLiteral("tasks"), taskKeys(), std::nullopt});
        QVERIFY(waitFor([&] { return model.complete(); }));
        QCOMPARE(model.rowCount(), 300);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        putTask(*db, "odd", 1, "changed");
        putTask(*db, "even", 1, "added");
        putTask(*db, "even", -5, "added first in its partition");
        deleteTask(*db, "odd", 299);
        deleteTask(*db, "even", 0);
        putTask(*db, "third", 1, "a partition of its own");
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));
        QCOMPARE(rowsDump(model), scanDump(*db, "tasks", 100'000));
        QCOMPARE(model.rowCount(), 301);
        QCOMPARE(resets.count(), 0);
        // An item written and deleted between two ticks comes and goes: nothing to show.
        putTask(*db, "odd", 1001, "brief");
        deleteTask(*db, "odd", 1001);
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));
        QCOMPARE(rowsDump(model), scanDump(*db, "tasks", 100'000));
    }

    // A Query shows one partition: writes to others are not read at all.
    void aQueryFollowsItsPartitionOnly() {
        auto db = openTasks(40);
        ItemTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        EventBridge bridge(db->subscribe(), 3'600'000);
        connect(&bridge, &EventBridge::itemsWritten, &model, &ItemTableModel::noteWrites);
        model.setDatabase(db.get());
        model.setSource(
            {QStringLiteral("tasks"), taskKeys(), model::AttributeValue::string("odd")});
        QVERIFY(waitFor([&] { return model.complete(); }));
        QSignalSpy refreshed(&model, &ItemTableModel::rowsRefreshed);
        putTask(*db, "even", 3, "not shown");
        bridge.pump();
        QVERIFY(model.settled());  // nothing to read
        putTask(*db, "odd", 4, "between 3 and 5");
        deleteTask(*db, "odd", 1);
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("3"));
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("4"));
        QCOMPARE(model.index(1, columnNamed(model, QStringLiteral("Title"))).data().toString(),
                 QStringLiteral("between 3 and 5"));
    }

    // In the browser: rows that come and go above the first row in view leave the view where it
    // was, and the selected item stays selected.
    void liveRowsLeaveTheViewInPlace() {
        TasksInBrowser fixture(1200);
        auto& db = fixture.db;
        auto& browser = fixture.browser;
        EventBridge bridge(db->subscribe(), 3'600'000);
        connect(&bridge, &EventBridge::itemsWritten, browser.model(), &ItemTableModel::noteWrites);
        browser.resize(1000, 600);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        ItemTableModel& model = *browser.model();
        QVERIFY(waitFor([&] { return !model.loading() && model.rowCount() >= 500; }));
        QTableView& view = *browser.view();
        view.scrollTo(model.index(200, 0), QAbstractItemView::PositionAtTop);
        QVERIFY(waitFor([&] { return view.rowAt(0) > 100; }));
        const int top = view.rowAt(0);
        const model::Item topItem = model.item(top);
        view.setCurrentIndex(model.index(top + 3, 0));
        const model::Item current = model.item(top + 3);
        const std::string list = topItem.at("ListId").asString();
        const auto taskAt = [&](int row) {
            return std::stoi(model.item(row).at("TaskId").asNumber().toString());
        };

        // Three new items above the top, one removed above it.
        putTask(*db, list, taskAt(0) + 1, "new");
        putTask(*db, list, taskAt(1) + 1, "new");
        putTask(*db, list, taskAt(2) + 1, "new");
        deleteTask(*db, list, taskAt(50));
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));
        QVERIFY(waitFor([&] { return view.rowAt(0) == top + 2; }));
        QVERIFY(model.item(view.rowAt(0)) == topItem);
        QVERIFY(model.item(view.currentIndex().row()) == current);
        QVERIFY(view.selectionModel()->isRowSelected(view.currentIndex().row(), {}));

        // Many at once (one layout change): 30 new rows above the top and 5 gone above it, the
        // current row deleted among them.
        const model::Item topNow = model.item(view.rowAt(0));
        const int currentRow = view.currentIndex().row();
        for (int row = 0; row < 30; ++row) putTask(*db, list, taskAt(row) + 1, "new");
        for (int row = 60; row < 65; ++row) deleteTask(*db, list, taskAt(row));
        deleteTask(*db, list, taskAt(currentRow));
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));
        QCOMPARE(rowsDump(model), scanDump(*db, "tasks", model.rowCount()));
        QVERIFY(waitFor([&] { return model.item(view.rowAt(0)) == topNow; }));
        QVERIFY(view.currentIndex().isValid());

        // At the very top, new rows show.
        view.scrollToTop();
        putTask(*db, list, -1, "first");
        bridge.pump();
        QVERIFY(waitFor([&] { return model.settled(); }));
        QCOMPARE(view.verticalScrollBar()->value(), 0);
        QCOMPARE(view.rowAt(0), 0);
    }
};

// The item in the editor follows live writes while it is not being edited; edits in progress
// stay when it changes or goes, and say so.
class ItemLiveEditingTest : public QObject {
    Q_OBJECT
private slots:
    void liveWritesSpareUnsavedEdits() {
        TasksInBrowser fixture(10);
        auto& db = fixture.db;
        auto& browser = fixture.browser;
        EventBridge bridge(db->subscribe(), 3'600'000);
        connect(&bridge, &EventBridge::itemsWritten, browser.model(), &ItemTableModel::noteWrites);
        QVERIFY(waitFor([&] { return browser.model()->complete(); }));
        const int row = browser.model()->rowOf(taskKey("even", 4));
        QVERIFY(row >= 0);
        browser.view()->setCurrentIndex(browser.model()->index(row, 0));
        QVERIFY(parsedItem(browser.editor()->toPlainText()) == taskKey("even", 4));

        // Not edited: the editor shows the item as it now is.
        putTask(*db, "even", 4, "live");
        bridge.pump();
        QVERIFY(waitFor([&] { return browser.model()->settled(); }));
        QCOMPARE(parsedItem(browser.editor()->toPlainText()).at("Title").asString(),
                 std::string("live"));
        QVERIFY(!browser.saveButton()->isEnabled());
        // Nor is the item shown as plain JSON, which cannot be edited.
        auto* format = browser.findChild<QComboBox*>(QStringLiteral("itemFormat"));
        format->setCurrentIndex(1);
        putTask(*db, "even", 4, "plain");
        bridge.pump();
        QVERIFY(waitFor([&] { return browser.model()->settled(); }));
        QVERIFY(browser.editor()->toPlainText().contains(QStringLiteral("\"Title\": \"plain\"")));
        format->setCurrentIndex(0);

        // Edited: the edits stay and the message says what happened.
        model::Item mine = taskKey("even", 4);
        mine["Title"] = model::AttributeValue::string("mine");
        const QString edited = QString::fromStdString(model::toJson(mine).dump(2));
        browser.editor()->setPlainText(edited);
        putTask(*db, "even", 4, "theirs");
        bridge.pump();
        QVERIFY(waitFor([&] { return browser.model()->settled(); }));
        QCOMPARE(browser.editor()->toPlainText(), edited);
        QVERIFY2(browser.editorMessage()->text().contains(QStringLiteral("changed meanwhile")),
                 qPrintable(browser.editorMessage()->text()));

        deleteTask(*db, "even", 4);
        bridge.pump();
        QVERIFY(waitFor([&] { return browser.model()->settled(); }));
        QCOMPARE(browser.model()->rowOf(taskKey("even", 4)), -1);
        QCOMPARE(browser.editor()->toPlainText(), edited);
        QVERIFY2(browser.editorMessage()->text().contains(QStringLiteral("deleted meanwhile")),
                 qPrintable(browser.editorMessage()->text()));
        QVERIFY(browser.save());
        QCOMPARE(getTask(*db, "even", 4)->at("Title").asString(), std::string("mine"));
        QVERIFY(waitFor([&] { return browser.model()->settled(); }));
    }
};

SHARDSCOPE_UI_TEST(ItemLiveRowsTest)
SHARDSCOPE_UI_TEST(ItemLiveEditingTest)

}  // namespace shardscope::ui::test

#include "liveitems_test.moc"

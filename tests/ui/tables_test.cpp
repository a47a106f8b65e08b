// SPDX-License-Identifier: MIT
#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

#include "mainwindow.h"
#include "models/indexlistmodel.h"
#include "models/tablelistmodel.h"
#include "models/tablespec.h"
#include "session/workspacesession.h"
#include "table/database.h"
#include "uitest.h"
#include "widgets/indexdialog.h"
#include "widgets/tabledialog.h"

Q_DECLARE_METATYPE(shardscope::ui::TableSpec)

namespace shardscope::ui::test {
namespace {

// tasks: ListId (S), TaskId (S), no stream; the table most index rules are tried on.
TableSpec tasks() {
    TableSpec spec;
    spec.name = QStringLiteral("tasks");
    spec.partitionName = QStringLiteral("ListId");
    spec.sortName = QStringLiteral("TaskId");
    return spec;
}

SecondaryIndex global(const QString& name, const QString& partition, const QString& sort = {},
                      const QString& sortType = QStringLiteral("S")) {
    SecondaryIndex index;
    index.name = name;
    index.partitionName = partition;
    index.sortName = sort;
    index.sortType = sortType;
    return index;
}

// A local index of tasks().
SecondaryIndex local(const QString& name, const QString& sort,
                     const QString& sortType = QStringLiteral("S")) {
    SecondaryIndex index = global(name, QStringLiteral("ListId"), sort, sortType);
    index.global = false;
    return index;
}

SecondaryIndex projecting(SecondaryIndex index, const QString& projection,
                          const QStringList& attributes = {}) {
    index.projection = projection;
    index.nonKeyAttributes = attributes;
    return index;
}

TableSpec with(TableSpec spec, std::initializer_list<SecondaryIndex> indexes) {
    spec.indexes.insert(spec.indexes.end(), indexes.begin(), indexes.end());
    return spec;
}

QStringList attributeNames(const QString& prefix, int count) {
    QStringList names;
    for (int i = 0; i < count; ++i) names << prefix + QString::number(i);
    return names;
}

std::unique_ptr<table::Database> memoryDatabase() {
    auto opened = table::Database::open(table::DatabaseOptions());
    if (!opened) qFatal("in-memory database: %s", opened.error().message.c_str());
    return std::move(opened).value();
}

// A window on an empty in-memory workspace.
struct TableWindow {
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat};
    MainWindow window{&settings};

    TableWindow() {
        WorkspaceSession::Options options;
        options.path = QStringLiteral(":memory:");
        window.adoptSession(std::move(WorkspaceSession::open(options)).value());
    }
    table::Database& database() { return window.session()->database(); }
    // Creates the table behind the window's back and waits until the tables pane lists it.
    bool create(const TableSpec& spec) {
        if (!database().createTable(createRequest(spec))) return false;
        window.refreshNow();
        return waitFor([&] { return window.tables()->rowOf(spec.name) >= 0; });
    }
};

// The visible dialog of this type among `parent`'s children, once one is open.
template <typename Dialog>
Dialog* openedDialog(QObject* parent) {
    Dialog* found = nullptr;
    waitFor(
        [&] {
            for (Dialog* dialog : parent->findChildren<Dialog*>())
                if (dialog->isVisible()) found = dialog;
            return found != nullptr;
        },
        5000);
    return found;
}

void choose(QComboBox* box, const QVariant& data) {
    const int at = box->findData(data);
    QVERIFY2(at >= 0, qPrintable(data.toString()));
    box->setCurrentIndex(at);
}

QStringList names(const std::vector<table::IndexDescription>& indexes) {
    QStringList list;
    for (const auto& index : indexes) list << QString::fromStdString(index.indexName);
    return list;
}

QString dump(const IndexListModel& model) {
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells << model.index(row, column).data().toString();
        rows << cells.join(QStringLiteral(" | "));
    }
    return rows.join(QLatin1Char('\n'));
}

}  // namespace

class TableDialogTest : public QObject {
    Q_OBJECT
private slots:
    void checksWhatDynamoDbWouldRefuse_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("partition");
        QTest::addColumn<QString>("sort");
        QTest::addColumn<QString>("error");
        QTest::newRow("short name") << "ab"
                                    << "Id"
                                    << ""
                                    << "3 to 255 characters";
        QTest::newRow("bad character") << "my table"
                                       << "Id"
                                       << ""
                                       << "only letters, digits";
        QTest::newRow("no partition key") << "tasks"
                                          << ""
                                          << ""
                                          << "partition key needs a name";
        QTest::newRow("same key twice") << "tasks"
                                        << "Id"
                                        << "Id"
                                        << "different attribute";
        QTest::newRow("long key name") << "tasks" << QString(256, QLatin1Char('k')) << ""
                                       << "at most 255 bytes";
        QTest::newRow("fine") << "todo.List-2"
                              << "ListId"
                              << "TaskId"
                              << "";
    }
    void checksWhatDynamoDbWouldRefuse() {
        QFETCH(QString, name);
        QFETCH(QString, partition);
        QFETCH(QString, sort);
        QFETCH(QString, error);
        TableSpec spec;
        spec.name = name;
        spec.partitionName = partition;
        spec.sortName = sort;
        const QString found = checkTableSpec(spec);
        if (error.isEmpty())
            QVERIFY2(found.isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(error), qPrintable(found));
    }

    void okStaysDisabledWhileTheFormIsWrong() {
        TableDialog dialog;
        QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        QVERIFY(!dialog.message()->text().isEmpty());
        dialog.nameEdit()->setText(QStringLiteral("orders"));
        dialog.partitionEdit()->setText(QStringLiteral("OrderId"));
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.message()->text().isEmpty());
        dialog.sortEdit()->setText(QStringLiteral("OrderId"));
        QVERIFY(!ok->isEnabled());
    }

    void editingKeepsNameAndKeys() {
        TableSpec existing;
        existing.name = QStringLiteral("orders");
        existing.partitionName = QStringLiteral("OrderId");
        existing.partitionType = QStringLiteral("N");
        TableDialog dialog(nullptr, existing);
        QVERIFY(!dialog.nameEdit()->isEnabled());
        QVERIFY(!dialog.partitionEdit()->isEnabled());
        QCOMPARE(dialog.spec().partitionType, QStringLiteral("N"));
        QCOMPARE(dialog.streamChoice()->currentData().toString(), QString());
    }

    // CreateTable went through and the TTL call after it was refused: the table exists now, so
    // the dialog turns into the one that edits it, and OK sends only what failed.
    void aRefusalAfterCreateTableLeavesTheDialogEditingTheTable() {
        TableWindow w;
        w.window.action(QStringLiteral("table.new"))->trigger();
        auto* dialog = openedDialog<TableDialog>(&w.window);
        QVERIFY(dialog);
        QPointer<TableDialog> guard(dialog);
        dialog->nameEdit()->setText(QStringLiteral("orders"));
        dialog->partitionEdit()->setText(QStringLiteral("OrderId"));
        dialog->sortEdit()->setText(QStringLiteral("Line"));
        dialog->ttlEdit()->setText(QStringLiteral("expires"));
        dialog->indexModel()->append(global(QStringLiteral("byStatus"), QStringLiteral("Status")));
        QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!dialog->editing());

        // What the window hands back when the TTL step is refused (DynamoDB refuses it while a
        // new table is CREATING; here another client got there first): the error and the table
        // as it now is, made but without TTL.
        TableSpec made = dialog->spec();
        made.ttlAttribute.clear();
        QVERIFY(w.database().createTable(createRequest(made)).ok());
        auto current = MainWindow::readTableSpec(w.database(), "orders");
        QVERIFY(current.ok());
        const QString refusal = QStringLiteral("TimeToLive is already enabled");
        dialog->finishApply(refusal, *current);

        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->editing());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Table orders"));
        QCOMPARE(dialog->message()->text(), refusal);
        QCOMPARE(dialog->buttons()->button(QDialogButtonBox::Ok)->text(), QStringLiteral("Apply"));
        QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        for (QWidget* fixed : std::initializer_list<QWidget*>{
                 dialog->nameEdit(), dialog->partitionEdit(), dialog->sortEdit()})
            QVERIFY(!fixed->isEnabled());
        QVERIFY(dialog->ttlEdit()->isEnabled());
        QCOMPARE(dialog->ttlEdit()->text(), QStringLiteral("expires"));
        QVERIFY(dialog->isExistingIndex(0));

        // OK again: only UpdateTimeToLive is sent, and it succeeds.
        QSignalSpy done(&w.window, &MainWindow::tableChanged);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        QVERIFY(waitFor([&] { return !guard || !guard->isVisible(); }));
        auto ttl = w.database().describeTimeToLive("orders");
        QVERIFY(ttl.ok());
        QCOMPARE(ttl->status, std::string("ENABLED"));
        QCOMPARE(names(w.database().describeTable("orders")->globalSecondaryIndexes),
                 QStringList({QStringLiteral("byStatus")}));
    }

    void theWindowCreatesChangesAndDeletesTables() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        WorkspaceSession::Options options;
        options.path = QStringLiteral(":memory:");
        window.adoptSession(std::move(WorkspaceSession::open(options)).value());

        TableSpec spec;
        spec.name = QStringLiteral("orders");
        spec.partitionName = QStringLiteral("OrderId");
        spec.streamView = QStringLiteral("NEW_IMAGE");
        spec.ttlAttribute = QStringLiteral("expires");
        QSignalSpy done(&window, &MainWindow::tableChanged);
        window.applyTable(spec, std::nullopt);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());  // no error
        // The window's once-a-second refresh may list the table between its creation and its
        // TTL step: wait for the list to show the finished table.
        QVERIFY(waitFor([&] {
            return window.tables()->rowOf(QStringLiteral("orders")) == 0 &&
                   !window.tables()->tables().front().ttlAttribute.isEmpty();
        }));
        const TableSummary& created = window.tables()->tables().front();
        QCOMPARE(created.streamView, QStringLiteral("NEW_IMAGE"));
        QCOMPARE(created.ttlAttribute, QStringLiteral("expires"));

        // A second table of the same name: DynamoDB's own answer, shown, nothing changed.
        done.clear();
        window.applyTable(spec, std::nullopt);
        QVERIFY(done.wait(5000));
        QVERIFY(done.front().at(1).toString().contains(QStringLiteral("Table already exists")));

        // Stream off: UpdateTable.
        done.clear();
        TableSpec changed = spec;
        changed.streamView.clear();
        window.applyTable(changed, spec);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        QVERIFY(waitFor([&] {
            return !window.tables()->tables().empty() &&
                   window.tables()->tables().front().streamView.isEmpty();
        }));

        done.clear();
        window.deleteTable(QStringLiteral("orders"));
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        QVERIFY(waitFor([&] { return window.tables()->rowCount() == 0; }));
    }
};

// Secondary indexes in the table dialog: the rules, the requests, and the dialog against a real
// in-memory engine.
class TableIndexesTest : public QObject {
    Q_OBJECT
private slots:
    // Each rule, good and bad; the engine must agree with the dialog on every row, so the
    // dialog neither refuses what DynamoDB takes nor lets through what it refuses.
    void indexRulesAgreeWithTheEngine_data() {
        QTest::addColumn<TableSpec>("spec");
        QTest::addColumn<QString>("error");
        const TableSpec base = tasks();
        TableSpec noSort = base;
        noSort.sortName.clear();
        const SecondaryIndex byStatus =
            global(QStringLiteral("byStatus"), QStringLiteral("Status"));
        const SecondaryIndex byDue =
            local(QStringLiteral("byDue"), QStringLiteral("DueDate"), QStringLiteral("N"));

        QTest::newRow("a global and a local index")
            << with(base, {global(QStringLiteral("byStatus"), QStringLiteral("Status"),
                                  QStringLiteral("DueDate"), QStringLiteral("N")),
                           byDue})
            << "";
        QTest::newRow("global index on the table's keys swapped")
            << with(base, {global(QStringLiteral("byTask"), QStringLiteral("TaskId"),
                                  QStringLiteral("ListId"))})
            << "";
        QTest::newRow("name of 3 with dots and dashes")
            << with(base, {global(QStringLiteral("a.-"), QStringLiteral("Status"))}) << "";
        QTest::newRow("name of 255")
            << with(base, {global(QString(255, QLatin1Char('i')), QStringLiteral("Status"))}) << "";
        QTest::newRow("name of 2")
            << with(base, {global(QStringLiteral("ab"), QStringLiteral("S"))})
            << "3 to 255 characters";
        QTest::newRow("name of 256")
            << with(base, {global(QString(256, QLatin1Char('i')), QStringLiteral("Status"))})
            << "3 to 255 characters";
        QTest::newRow("space in name")
            << with(base, {global(QStringLiteral("by status"), QStringLiteral("Status"))})
            << "only letters, digits";
        QTest::newRow("no name") << with(base, {global(QString(), QStringLiteral("Status"))})
                                 << "An index needs a name";
        QTest::newRow("same name global and local")
            << with(base, {byDue, global(QStringLiteral("byDue"), QStringLiteral("Status"))})
            << "Duplicate index name: byDue";

        TableSpec five = base, six = base;
        for (int i = 0; i < 6; ++i) {
            const SecondaryIndex index =
                local(QStringLiteral("local%1").arg(i), QStringLiteral("Sort%1").arg(i));
            if (i < 5) five.indexes.push_back(index);
            six.indexes.push_back(index);
        }
        QTest::newRow("5 local indexes") << five << "";
        QTest::newRow("6 local indexes") << six << "exceeds per-table limit of 5";
        TableSpec twenty = five, twentyOne = five;
        for (int i = 0; i < 21; ++i) {
            const SecondaryIndex index =
                global(QStringLiteral("global%1").arg(i), QStringLiteral("Status"));
            if (i < 20) twenty.indexes.push_back(index);
            twentyOne.indexes.push_back(index);
        }
        QTest::newRow("20 global and 5 local indexes") << twenty << "";
        QTest::newRow("21 global indexes") << twentyOne << "exceeds the per-table limit of 20";

        QTest::newRow("local index without a table sort key")
            << with(noSort, {byDue}) << "Table KeySchema does not have a range key";
        SecondaryIndex otherPartition = byDue;
        otherPartition.partitionName = QStringLiteral("Owner");
        QTest::newRow("local index on another partition key")
            << with(base, {otherPartition})
            << "does not have the same leading hash key as table KeySchema for index: byDue";
        QTest::newRow("local index without a sort key")
            << with(base, {local(QStringLiteral("byDue"), QString())})
            << "must have a range key for Local Secondary Index: byDue";
        QTest::newRow("global index without a partition key")
            << with(base, {global(QStringLiteral("byStatus"), QString())})
            << "The partition key of index byStatus needs a name";
        QTest::newRow("global index keyed twice on one attribute")
            << with(base, {global(QStringLiteral("byStatus"), QStringLiteral("Status"),
                                  QStringLiteral("Status"))})
            << "have the same name";
        QTest::newRow("global index sort key of 256 bytes")
            << with(base, {global(QStringLiteral("byStatus"), QStringLiteral("Status"),
                                  QString(256, QLatin1Char('s')))})
            << "at most 255 bytes";

        SecondaryIndex taskAsNumber = global(QStringLiteral("byTask"), QStringLiteral("TaskId"));
        taskAsNumber.partitionType = QStringLiteral("N");
        QTest::newRow("index key typed unlike the table's")
            << with(base, {taskAsNumber})
            << "TaskId has type S in the table and type N in index byTask";
        QTest::newRow("two indexes typing one attribute differently")
            << with(base, {global(QStringLiteral("byDue"), QStringLiteral("Status"),
                                  QStringLiteral("DueDate"), QStringLiteral("N")),
                           global(QStringLiteral("byDueText"), QStringLiteral("Owner"),
                                  QStringLiteral("DueDate"), QStringLiteral("S"))})
            << "DueDate has type N in index byDue and type S in index byDueText";
        QTest::newRow("two indexes typing one attribute alike")
            << with(base, {global(QStringLiteral("byDue"), QStringLiteral("Status"),
                                  QStringLiteral("DueDate"), QStringLiteral("N")),
                           local(QStringLiteral("byDueLocal"), QStringLiteral("DueDate"),
                                 QStringLiteral("N"))})
            << "";

        QTest::newRow("INCLUDE with attributes")
            << with(base,
                    {projecting(byStatus, QStringLiteral("INCLUDE"), {QStringLiteral("Title")})})
            << "";
        QTest::newRow("INCLUDE without attributes")
            << with(base, {projecting(byStatus, QStringLiteral("INCLUDE"))})
            << "Index byStatus: ProjectionType is INCLUDE, but NonKeyAttributes is not specified";
        QTest::newRow("KEYS_ONLY with attributes")
            << with(base,
                    {projecting(byStatus, QStringLiteral("KEYS_ONLY"), {QStringLiteral("Title")})})
            << "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified";
        QTest::newRow("ALL with attributes")
            << with(base, {projecting(byStatus, QStringLiteral("ALL"), {QStringLiteral("Title")})})
            << "ProjectionType is ALL, but NonKeyAttributes is specified";
        QTest::newRow("100 projected attributes across indexes")
            << with(base, {projecting(byStatus, QStringLiteral("INCLUDE"),
                                      attributeNames(QStringLiteral("a"), 50)),
                           projecting(byDue, QStringLiteral("INCLUDE"),
                                      attributeNames(QStringLiteral("a"), 50))})
            << "";
        QTest::newRow("101 projected attributes across indexes")
            << with(base, {projecting(byStatus, QStringLiteral("INCLUDE"),
                                      attributeNames(QStringLiteral("a"), 50)),
                           projecting(byDue, QStringLiteral("INCLUDE"),
                                      attributeNames(QStringLiteral("a"), 51))})
            << "Number of projected attributes in all indexes exceeds limit of 100";
    }
    void indexRulesAgreeWithTheEngine() {
        QFETCH(TableSpec, spec);
        QFETCH(QString, error);
        const QString found = checkTableSpec(spec);
        if (error.isEmpty())
            QVERIFY2(found.isEmpty(), qPrintable(found));
        else
            QVERIFY2(found.contains(error), qPrintable(found));

        auto database = memoryDatabase();
        auto created = database->createTable(createRequest(spec));
        if (error.isEmpty())
            QVERIFY2(created.ok(), created.ok() ? "" : created.error().message.c_str());
        else
            QVERIFY2(!created.ok(), "the engine took what the dialog refuses");
    }

    void createRequestCarriesIndexesAndDefinitions() {
        const TableSpec spec =
            with(tasks(), {projecting(global(QStringLiteral("byStatus"), QStringLiteral("Status"),
                                             QStringLiteral("DueDate"), QStringLiteral("N")),
                                      QStringLiteral("INCLUDE"),
                                      {QStringLiteral("Title"), QStringLiteral("Owner")}),
                           projecting(local(QStringLiteral("byDue"), QStringLiteral("DueDate"),
                                            QStringLiteral("N")),
                                      QStringLiteral("KEYS_ONLY"))});
        const table::CreateTableRequest request = createRequest(spec);
        // Each key attribute once, the table's first.
        QStringList definitions;
        for (const auto& d : request.attributeDefinitions)
            definitions << QString::fromStdString(d.attributeName + ":" + d.attributeType);
        QCOMPARE(definitions,
                 QStringList({QStringLiteral("ListId:S"), QStringLiteral("TaskId:S"),
                              QStringLiteral("Status:S"), QStringLiteral("DueDate:N")}));
        QCOMPARE(request.globalSecondaryIndexes.size(), size_t(1));
        const table::IndexSpec& byStatus = request.globalSecondaryIndexes.front();
        QCOMPARE(byStatus.indexName, std::string("byStatus"));
        QCOMPARE(byStatus.keySchema.size(), size_t(2));
        QCOMPARE(byStatus.keySchema[0].attributeName, std::string("Status"));
        QCOMPARE(byStatus.keySchema[0].keyType, std::string("HASH"));
        QCOMPARE(byStatus.keySchema[1].attributeName, std::string("DueDate"));
        QCOMPARE(byStatus.keySchema[1].keyType, std::string("RANGE"));
        QCOMPARE(byStatus.projection.projectionType, std::string("INCLUDE"));
        QCOMPARE(byStatus.projection.nonKeyAttributes,
                 std::vector<std::string>({"Title", "Owner"}));
        QVERIFY(!byStatus.provisionedThroughput);  // on-demand: no index capacity
        QCOMPARE(request.localSecondaryIndexes.size(), size_t(1));
        const table::IndexSpec& byDue = request.localSecondaryIndexes.front();
        QCOMPARE(byDue.keySchema[0].attributeName, std::string("ListId"));
        QCOMPARE(byDue.keySchema[1].attributeName, std::string("DueDate"));
        QCOMPARE(byDue.projection.projectionType, std::string("KEYS_ONLY"));
        QVERIFY(byDue.projection.nonKeyAttributes.empty());
    }

    void updateRequestsChangeOneIndexPerCall() {
        TableSpec before = with(tasks(), {local(QStringLiteral("byDue"), QStringLiteral("Due")),
                                          global(QStringLiteral("gone"), QStringLiteral("A")),
                                          global(QStringLiteral("kept"), QStringLiteral("B"))});
        before.streamView = QStringLiteral("KEYS_ONLY");
        QVERIFY(updateRequests(before, before).empty());

        TableSpec after = before;
        after.streamView = QStringLiteral("NEW_IMAGE");
        after.indexes.erase(after.indexes.begin() + 1);  // gone
        SecondaryIndex numbered = global(QStringLiteral("numbered"), QStringLiteral("C"),
                                         QStringLiteral("D"), QStringLiteral("N"));
        after.indexes.push_back(numbered);
        after.indexes.push_back(global(QStringLiteral("fresh"), QStringLiteral("E")));
        const auto requests = updateRequests(before, after);
        QCOMPARE(requests.size(), size_t(5));
        for (const auto& request : requests) QCOMPARE(request.tableName, std::string("tasks"));
        // The stream off, then on with the new view type.
        QVERIFY(requests[0].streamSpecification && !requests[0].streamSpecification->streamEnabled);
        QVERIFY(requests[1].streamSpecification && requests[1].streamSpecification->streamEnabled);
        QCOMPARE(requests[1].streamSpecification->streamViewType, std::string("NEW_IMAGE"));
        // Then one index per call: deletions before creations.
        const std::pair<table::GsiUpdate::Kind, std::string> expected[] = {
            {table::GsiUpdate::Kind::Delete, "gone"},
            {table::GsiUpdate::Kind::Create, "numbered"},
            {table::GsiUpdate::Kind::Create, "fresh"}};
        for (size_t i = 0; i < 3; ++i) {
            const auto& request = requests[2 + i];
            QVERIFY(!request.streamSpecification);
            QCOMPARE(request.globalSecondaryIndexUpdates.size(), size_t(1));
            QCOMPARE(request.globalSecondaryIndexUpdates[0].kind, expected[i].first);
            QCOMPARE(request.globalSecondaryIndexUpdates[0].index.indexName, expected[i].second);
        }
        QVERIFY(requests[2].attributeDefinitions.empty());
        // A created index brings the definitions of its own keys.
        const auto& definitions = requests[3].attributeDefinitions;
        QCOMPARE(definitions.size(), size_t(2));
        QCOMPARE(definitions[0].attributeName, std::string("C"));
        QCOMPARE(definitions[1].attributeName, std::string("D"));
        QCOMPARE(definitions[1].attributeType, std::string("N"));
    }

    void existingSpecsComeFromDescribeTable() {
        TableSpec spec =
            with(tasks(),
                 {local(QStringLiteral("byDue"), QStringLiteral("DueDate"), QStringLiteral("N")),
                  projecting(global(QStringLiteral("byStatus"), QStringLiteral("Status")),
                             QStringLiteral("INCLUDE"), {QStringLiteral("Title")})});
        spec.streamView = QStringLiteral("NEW_AND_OLD_IMAGES");
        spec.ttlAttribute = QStringLiteral("expires");
        auto database = memoryDatabase();
        QVERIFY(database->createTable(createRequest(spec)).ok());
        ttl::UpdateTimeToLiveRequest ttl;
        ttl.tableName = "tasks";
        ttl.specification.enabled = true;
        ttl.specification.attributeName = "expires";
        QVERIFY(database->updateTimeToLive(ttl).ok());
        auto read = MainWindow::readTableSpec(*database, "tasks");
        QVERIFY(read.ok());
        QCOMPARE(*read, spec);
    }

    void indexListModelIsAWellBehavedModel() {
        IndexListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(
            local(QStringLiteral("byDue"), QStringLiteral("DueDate"), QStringLiteral("N")));
        model.append(projecting(global(QStringLiteral("byStatus"), QStringLiteral("Status")),
                                QStringLiteral("INCLUDE"),
                                {QStringLiteral("Title"), QStringLiteral("Owner")}));
        QCOMPARE(dump(model), QStringLiteral("byDue | local | ListId (S) | DueDate (N) | ALL\n"
                                             "byStatus | global | Status (S) |  | INCLUDE Title, "
                                             "Owner"));
        // Local indexes follow the table's partition key; global ones keep theirs.
        model.setTablePartitionKey(QStringLiteral("Board"), QStringLiteral("N"));
        QCOMPARE(model.index(0, IndexListModel::PartitionKey).data().toString(),
                 QStringLiteral("Board (N)"));
        QCOMPARE(model.index(1, IndexListModel::PartitionKey).data().toString(),
                 QStringLiteral("Status (S)"));
        model.replace(1, global(QStringLiteral("byOwner"), QStringLiteral("Owner")));
        model.remove(0);
        QCOMPARE(dump(model), QStringLiteral("byOwner | global | Owner (S) |  | ALL"));
        // A table that exists: what it lacks yet shows as new.
        model.setExisting(model.indexes());
        model.append(global(QStringLiteral("byTitle"), QStringLiteral("Title")));
        QCOMPARE(dump(model), QStringLiteral("byOwner | global | Owner (S) |  | ALL\n"
                                             "byTitle | global, new | Title (S) |  | ALL"));
        QVERIFY(model.isExisting(0));
        QVERIFY(!model.isExisting(1));
    }

    // Through the window, as a user would: the dialog, its index editor, Create, and the
    // engine's DescribeTable.
    void theDialogCreatesATableWithAGlobalAndALocalIndex() {
        TableWindow w;
        w.window.action(QStringLiteral("table.new"))->trigger();
        auto* dialog = openedDialog<TableDialog>(&w.window);
        QVERIFY(dialog);
        QPointer<TableDialog> guard(dialog);
        dialog->nameEdit()->setText(QStringLiteral("tasks"));
        dialog->partitionEdit()->setText(QStringLiteral("ListId"));
        dialog->sortEdit()->setText(QStringLiteral("TaskId"));

        dialog->addIndexButton()->click();
        auto* editor = openedDialog<IndexDialog>(dialog);
        QVERIFY(editor);
        QCOMPARE(editor->kindChoice()->count(), 2);
        editor->nameEdit()->setText(QStringLiteral("byStatus"));
        editor->partitionEdit()->setText(QStringLiteral("Status"));
        editor->sortEdit()->setText(QStringLiteral("DueDate"));
        choose(editor->sortTypeChoice(), QStringLiteral("N"));
        choose(editor->projectionChoice(), QStringLiteral("INCLUDE"));
        QVERIFY(!editor->buttons()->button(QDialogButtonBox::Ok)->isEnabled());  // no attributes
        editor->attributesEdit()->setText(QStringLiteral("Title, Owner"));
        QVERIFY2(editor->buttons()->button(QDialogButtonBox::Ok)->isEnabled(),
                 qPrintable(editor->message()->text()));
        editor->buttons()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog->indexModel()->rowCount(), 1);

        dialog->addIndexButton()->click();
        editor = openedDialog<IndexDialog>(dialog);
        QVERIFY(editor);
        choose(editor->kindChoice(), false);
        // A local index is partitioned like the table, and the dialog shows it so.
        QCOMPARE(editor->partitionEdit()->text(), QStringLiteral("ListId"));
        QVERIFY(!editor->partitionEdit()->isEnabled());
        editor->nameEdit()->setText(QStringLiteral("byDue"));
        QVERIFY(editor->message()->text().contains(QStringLiteral("must have a range key")));
        editor->sortEdit()->setText(QStringLiteral("DueDate"));
        choose(editor->sortTypeChoice(), QStringLiteral("N"));
        choose(editor->projectionChoice(), QStringLiteral("KEYS_ONLY"));
        QVERIFY2(editor->buttons()->button(QDialogButtonBox::Ok)->isEnabled(),
                 qPrintable(editor->message()->text()));
        editor->buttons()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(dialog->indexModel()->rowCount(), 2);

        QSignalSpy done(&w.window, &MainWindow::tableChanged);
        QPushButton* create = dialog->buttons()->button(QDialogButtonBox::Ok);
        QVERIFY2(create->isEnabled(), qPrintable(dialog->message()->text()));
        create->click();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        QVERIFY(waitFor([&] { return !guard || !guard->isVisible(); }));

        auto described = w.database().describeTable("tasks");
        QVERIFY(described.ok());
        QCOMPARE(names(described->globalSecondaryIndexes), QStringList{QStringLiteral("byStatus")});
        QCOMPARE(names(described->localSecondaryIndexes), QStringList{QStringLiteral("byDue")});
        const auto& byStatus = described->globalSecondaryIndexes.front();
        QCOMPARE(byStatus.keySchema.partition.name, std::string("Status"));
        QVERIFY(byStatus.keySchema.sort);
        QCOMPARE(byStatus.keySchema.sort->type, model::KeyType::N);
        QCOMPARE(byStatus.projection.projectionType, std::string("INCLUDE"));
        QCOMPARE(byStatus.projection.nonKeyAttributes,
                 std::vector<std::string>({"Title", "Owner"}));
        const auto& byDue = described->localSecondaryIndexes.front();
        QCOMPARE(byDue.keySchema.partition.name, std::string("ListId"));
        QCOMPARE(byDue.keySchema.sort->name, std::string("DueDate"));
        QCOMPARE(byDue.projection.projectionType, std::string("KEYS_ONLY"));
        QCOMPARE(described->attributeDefinitions.size(), size_t(4));
    }

    void editingAddsAGlobalIndexThenDeletesIt() {
        TableWindow w;
        QVERIFY(w.create(with(tasks(), {local(QStringLiteral("byDue"), QStringLiteral("Due"))})));
        w.window.selectTable(QStringLiteral("tasks"));

        w.window.action(QStringLiteral("table.edit"))->trigger();
        auto* dialog = openedDialog<TableDialog>(&w.window);
        QVERIFY(dialog);
        QPointer<TableDialog> guard(dialog);
        // The dialog starts from DescribeTable: the local index is there, and fixed.
        QCOMPARE(dialog->indexModel()->rowCount(), 1);
        dialog->indexView()->setCurrentIndex(dialog->indexModel()->index(0, 0));
        QVERIFY(!dialog->editIndexButton()->isEnabled());
        QVERIFY(!dialog->removeIndexButton()->isEnabled());

        dialog->addIndexButton()->click();
        auto* editor = openedDialog<IndexDialog>(dialog);
        QVERIFY(editor);
        QCOMPARE(editor->kindChoice()->count(), 1);  // no local indexes after creation
        editor->nameEdit()->setText(QStringLiteral("byOwner"));
        editor->partitionEdit()->setText(QStringLiteral("Owner"));
        editor->buttons()->button(QDialogButtonBox::Ok)->click();
        // The new index can still change before it is applied.
        QVERIFY(dialog->editIndexButton()->isEnabled());

        QSignalSpy done(&w.window, &MainWindow::tableChanged);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        auto described = w.database().describeTable("tasks");
        QCOMPARE(names(described->globalSecondaryIndexes), QStringList{QStringLiteral("byOwner")});
        QCOMPARE(names(described->localSecondaryIndexes), QStringList{QStringLiteral("byDue")});

        QVERIFY(waitFor([&] { return !guard || !guard->isVisible(); }));
        w.window.action(QStringLiteral("table.edit"))->trigger();
        dialog = openedDialog<TableDialog>(&w.window);
        QVERIFY(dialog);
        QCOMPARE(dialog->indexModel()->rowCount(), 2);
        dialog->indexView()->setCurrentIndex(dialog->indexModel()->index(1, 0));
        QVERIFY(!dialog->editIndexButton()->isEnabled());  // existing: remove, never change
        QVERIFY(dialog->removeIndexButton()->isEnabled());
        dialog->removeIndexButton()->click();
        QCOMPARE(dialog->indexModel()->rowCount(), 1);
        done.clear();
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        described = w.database().describeTable("tasks");
        QVERIFY(described->globalSecondaryIndexes.empty());
        QCOMPARE(names(described->localSecondaryIndexes), QStringList{QStringLiteral("byDue")});
    }

    // An index removed takes the attribute definitions of its keys with it when no key of the
    // table or of another index uses them, as in DynamoDB, whose CreateTable refuses unused
    // ones. So another index may key on the same name with another type, in the same Apply or
    // a later one, and the engine agrees with the dialog.
    void aRemovedIndexLeavesNoAttributeDefinitionBehind() {
        const auto definitions = [](const std::vector<table::AttributeDefinition>& list) {
            QStringList out;
            for (const auto& d : list)
                out << QString::fromStdString(d.attributeName + ":" + d.attributeType);
            return out;
        };
        // Created with an index added and removed again: only the keys in use are declared.
        TableDialog dialog;
        dialog.nameEdit()->setText(QStringLiteral("tasks"));
        dialog.partitionEdit()->setText(QStringLiteral("ListId"));
        dialog.sortEdit()->setText(QStringLiteral("TaskId"));
        dialog.indexModel()->append(global(QStringLiteral("byStatus"), QStringLiteral("Status"),
                                           QStringLiteral("DueDate"), QStringLiteral("N")));
        dialog.indexModel()->remove(0);
        const table::CreateTableRequest request = createRequest(dialog.spec());
        QCOMPARE(definitions(request.attributeDefinitions),
                 QStringList({QStringLiteral("ListId:S"), QStringLiteral("TaskId:S")}));
        // What the engine says of a definition no key uses, which the dialog never sends.
        table::CreateTableRequest unused = request;
        unused.attributeDefinitions.push_back({"Status", "S"});
        auto refused = memoryDatabase()->createTable(unused);
        QVERIFY(!refused.ok());
        QCOMPARE(QString::fromStdString(refused.error().message),
                 QStringLiteral("One or more parameter values were invalid: Number of attributes "
                                "in KeySchema does not exactly match number of attributes defined "
                                "in AttributeDefinitions"));

        // An existing table: byStatus (Status S) goes and byStatusNumber (Status N) comes.
        TableWindow w;
        const TableSpec before =
            with(tasks(), {global(QStringLiteral("byStatus"), QStringLiteral("Status"))});
        QVERIFY(w.create(before));
        SecondaryIndex numbered =
            global(QStringLiteral("byStatusNumber"), QStringLiteral("Status"));
        numbered.partitionType = QStringLiteral("N");
        const TableSpec after = with(tasks(), {numbered});
        QCOMPARE(checkTableSpec(after), QString());
        QSignalSpy done(&w.window, &MainWindow::tableChanged);
        w.window.applyTable(after, before);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        auto described = w.database().describeTable("tasks");
        QVERIFY(described.ok());
        QCOMPARE(definitions(described->attributeDefinitions),
                 QStringList({QStringLiteral("ListId:S"), QStringLiteral("TaskId:S"),
                              QStringLiteral("Status:N")}));

        // Removed alone, the index leaves the table's own keys declared.
        done.clear();
        w.window.applyTable(tasks(), after);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        described = w.database().describeTable("tasks");
        QCOMPARE(definitions(described->attributeDefinitions),
                 QStringList({QStringLiteral("ListId:S"), QStringLiteral("TaskId:S")}));
        auto read = MainWindow::readTableSpec(w.database(), "tasks");
        QVERIFY(read.ok());
        QCOMPARE(*read, tasks());
    }

    // The engine takes one index change per UpdateTable, like DynamoDB: the window sends them
    // one by one.
    void severalIndexChangesAreAppliedInOneGo() {
        TableWindow w;
        const TableSpec before =
            with(tasks(), {global(QStringLiteral("gone"), QStringLiteral("A"))});
        QVERIFY(w.create(before));
        const TableSpec after =
            with(tasks(), {global(QStringLiteral("second"), QStringLiteral("B")),
                           global(QStringLiteral("third"), QStringLiteral("C"), QStringLiteral("D"),
                                  QStringLiteral("N"))});
        QSignalSpy done(&w.window, &MainWindow::tableChanged);
        w.window.applyTable(after, before);
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        QCOMPARE(names(w.database().describeTable("tasks")->globalSecondaryIndexes),
                 QStringList({QStringLiteral("second"), QStringLiteral("third")}));
        auto read = MainWindow::readTableSpec(w.database(), "tasks");
        QVERIFY(read.ok());
        QCOMPARE(read->indexes, after.indexes);
    }

    void aBadIndexKeepsOkDisabledWithTheReason() {
        TableDialog dialog;
        dialog.nameEdit()->setText(QStringLiteral("tasks"));
        dialog.partitionEdit()->setText(QStringLiteral("ListId"));
        QPushButton* ok = dialog.buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());

        // The index editor refuses a local index on a table without a sort key...
        {
            IndexDialog editor(dialog.spec(), -1, false);
            choose(editor.kindChoice(), false);
            editor.nameEdit()->setText(QStringLiteral("byDue"));
            editor.sortEdit()->setText(QStringLiteral("DueDate"));
            QVERIFY(!editor.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
            QVERIFY2(editor.message()->text().contains(
                         QStringLiteral("Table KeySchema does not have a range key")),
                     qPrintable(editor.message()->text()));
        }
        // ...and the table dialog one whose table lost its sort key afterwards.
        dialog.sortEdit()->setText(QStringLiteral("TaskId"));
        dialog.indexModel()->append(local(QStringLiteral("byDue"), QStringLiteral("DueDate")));
        QVERIFY2(ok->isEnabled(), qPrintable(dialog.message()->text()));
        dialog.sortEdit()->clear();
        QVERIFY(!ok->isEnabled());
        QVERIFY2(dialog.message()->text().contains(
                     QStringLiteral("Table KeySchema does not have a range key")),
                 qPrintable(dialog.message()->text()));
        dialog.sortEdit()->setText(QStringLiteral("TaskId"));
        QVERIFY(ok->isEnabled());

        // A second index of the same name, in the editor and in the table.
        {
            IndexDialog editor(dialog.spec(), -1, false);
            editor.nameEdit()->setText(QStringLiteral("byDue"));
            editor.partitionEdit()->setText(QStringLiteral("Owner"));
            QVERIFY(!editor.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
            QVERIFY(editor.message()->text().contains(QStringLiteral("Duplicate index name")));
        }
        dialog.indexModel()->append(global(QStringLiteral("byDue"), QStringLiteral("Owner")));
        QVERIFY(!ok->isEnabled());
        QCOMPARE(dialog.message()->text(), QStringLiteral("Duplicate index name: byDue"));
        dialog.indexView()->setCurrentIndex(dialog.indexModel()->index(1, 0));
        dialog.removeIndexButton()->click();
        QVERIFY(ok->isEnabled());
        QVERIFY(dialog.message()->text().isEmpty());
    }

    void localIndexesFollowTheTablePartitionKey() {
        TableDialog dialog;
        dialog.nameEdit()->setText(QStringLiteral("tasks"));
        dialog.partitionEdit()->setText(QStringLiteral("ListId"));
        dialog.sortEdit()->setText(QStringLiteral("TaskId"));
        dialog.indexModel()->append(local(QStringLiteral("byDue"), QStringLiteral("DueDate")));
        dialog.partitionEdit()->setText(QStringLiteral("BoardId"));
        QCOMPARE(dialog.spec().indexes.front().partitionName, QStringLiteral("BoardId"));
        QVERIFY(dialog.buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    }

    // DynamoDB refused the request: the dialog says why and keeps what the user typed.
    void anEngineRefusalStaysInTheDialog() {
        TableWindow w;
        QVERIFY(w.create(tasks()));
        w.window.action(QStringLiteral("table.new"))->trigger();
        auto* dialog = openedDialog<TableDialog>(&w.window);
        QVERIFY(dialog);
        dialog->nameEdit()->setText(QStringLiteral("tasks"));
        dialog->partitionEdit()->setText(QStringLiteral("Id"));
        dialog->indexModel()->append(global(QStringLiteral("byStatus"), QStringLiteral("Status")));
        QSignalSpy done(&w.window, &MainWindow::tableChanged);
        QPushButton* create = dialog->buttons()->button(QDialogButtonBox::Ok);
        create->click();
        QVERIFY(!create->isEnabled());  // no second request while the first is out
        // Nor an edit or a dismissal: what the request was made from stays as it was sent.
        QVERIFY(!dialog->nameEdit()->isEnabled());
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Cancel)->isEnabled());
        dialog->reject();
        QVERIFY(dialog->isVisible());
        QVERIFY(done.wait(5000));
        QVERIFY(done.front().at(1).toString().contains(QStringLiteral("Table already exists")));
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->nameEdit()->isEnabled());
        QVERIFY(dialog->buttons()->button(QDialogButtonBox::Cancel)->isEnabled());
        QCOMPARE(create->text(), QStringLiteral("Create"));
        QVERIFY(dialog->message()->text().contains(QStringLiteral("Table already exists")));
        QCOMPARE(dialog->indexModel()->rowCount(), 1);
        QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(!w.window.findChild<QMessageBox*>(QStringLiteral("errorBox")));
        dialog->reject();
    }

    // Two indexes added; the engine refuses the second (someone made it meanwhile). The first
    // stays made, the dialog says which call failed and starts the next try from the table as
    // it now is.
    void aRefusedIndexCallStopsTheRestAndSaysWhich() {
        TableWindow w;
        QVERIFY(w.create(tasks()));
        w.window.selectTable(QStringLiteral("tasks"));
        w.window.action(QStringLiteral("table.edit"))->trigger();
        auto* dialog = openedDialog<TableDialog>(&w.window);
        QVERIFY(dialog);
        QPointer<TableDialog> guard(dialog);
        const SecondaryIndex first = global(QStringLiteral("first"), QStringLiteral("A"));
        const SecondaryIndex second = global(QStringLiteral("second"), QStringLiteral("B"));
        dialog->indexModel()->append(first);
        dialog->indexModel()->append(second);
        QVERIFY(w.database().updateTable(updateRequests(tasks(), with(tasks(), {second}))[0]).ok());

        QSignalSpy done(&w.window, &MainWindow::tableChanged);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(done.wait(5000));
        const QString error = done.front().at(1).toString();
        QVERIFY2(error.startsWith(QStringLiteral("Creating index second: ")), qPrintable(error));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->message()->text(), error);
        QCOMPARE(names(w.database().describeTable("tasks")->globalSecondaryIndexes),
                 QStringList({QStringLiteral("second"), QStringLiteral("first")}));
        QVERIFY(dialog->isExistingIndex(0));
        QVERIFY(dialog->isExistingIndex(1));

        // Nothing is left to send: Apply now succeeds and closes.
        done.clear();
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(done.wait(5000));
        QCOMPARE(done.front().at(1).toString(), QString());
        QVERIFY(waitFor([&] { return !guard || !guard->isVisible(); }));
    }

    // Renders the dialogs for a look at alignment and truncation (and for the docs).
    void screenshots() {
        TableSpec existing =
            with(tasks(),
                 {local(QStringLiteral("byDue"), QStringLiteral("DueDate"), QStringLiteral("N")),
                  projecting(global(QStringLiteral("byStatus"), QStringLiteral("Status"),
                                    QStringLiteral("DueDate"), QStringLiteral("N")),
                             QStringLiteral("INCLUDE"),
                             {QStringLiteral("Title"), QStringLiteral("Owner")})});
        existing.streamView = QStringLiteral("NEW_AND_OLD_IMAGES");
        existing.ttlAttribute = QStringLiteral("expires");
        TableDialog edit(nullptr, existing);
        edit.indexModel()->append(
            projecting(global(QStringLiteral("byOwner"), QStringLiteral("Owner")),
                       QStringLiteral("KEYS_ONLY")));
        TableDialog create;
        create.nameEdit()->setText(QStringLiteral("tasks"));
        create.partitionEdit()->setText(QStringLiteral("ListId"));
        create.indexModel()->append(local(QStringLiteral("byDue"), QStringLiteral("DueDate")));
        IndexDialog index(existing, 1, false);
        const QString directory = QStringLiteral(SHARDSCOPE_SCREENSHOT_DIR);
        QDir().mkpath(directory);
        const std::pair<QWidget*, const char*> shots[] = {{&edit, "table-dialog-edit.png"},
                                                          {&create, "table-dialog-new.png"},
                                                          {&index, "index-dialog.png"}};
        for (const auto& [widget, name] : shots) {
            widget->show();
            QVERIFY(QTest::qWaitForWindowExposed(widget));
            const QImage image = widget->grab().toImage();
            QVERIFY(!image.isNull());
            QVERIFY(image.save(directory + QLatin1Char('/') + QString::fromLatin1(name)));
        }
    }
};

SHARDSCOPE_UI_TEST(TableDialogTest)
SHARDSCOPE_UI_TEST(TableIndexesTest)

}  // namespace shardscope::ui::test

#include "tables_test.moc"

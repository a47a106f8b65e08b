// SPDX-License-Identifier: MIT
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>

#include "mainwindow.h"
#include "models/tablelistmodel.h"
#include "session/workspacesession.h"
#include "table/database.h"
#include "uitest.h"
#include "widgets/tabledialog.h"

namespace shardscope::ui::test {

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
        QVERIFY(waitFor([&] { return window.tables()->rowOf(QStringLiteral("orders")) == 0; }));
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

SHARDSCOPE_UI_TEST(TableDialogTest)

}  // namespace shardscope::ui::test

#include "tables_test.moc"

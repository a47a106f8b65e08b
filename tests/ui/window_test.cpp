// SPDX-License-Identifier: MIT
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <limits>
#include <nlohmann/json.hpp>

#include "demo/workload.h"
#include "mainwindow.h"
#include "model/json.h"
#include "models/imagesearch.h"
#include "models/itemtablemodel.h"
#include "models/recordfiltermodel.h"
#include "models/streamrecordmodel.h"
#include "models/tablelistmodel.h"
#include "session/workspacesession.h"
#include "sim/clock.h"
#include "table/database.h"
#include "tasksfixture.h"
#include "uitest.h"
#include "widgets/itembrowser.h"
#include "widgets/paintthrottle.h"
#include "widgets/recorddetails.h"
#include "widgets/shardlanesview.h"
#include "widgets/streaminspector.h"
#include "widgets/ttltimelineview.h"

namespace shardscope::ui::test {
namespace {

std::unique_ptr<WorkspaceSession> demoSession(int64_t rolloverPeriodMs = 4 * 3600 * 1000) {
    WorkspaceSession::Options options;
    options.path = QStringLiteral(":memory:");
    options.rolloverPeriodMs = rolloverPeriodMs;
    options.demo = true;
    options.clockMode = sim::Clock::Mode::Virtual;
    auto session = WorkspaceSession::open(options);
    if (!session) qFatal("demo session: %s", session.error().message.c_str());
    return std::move(session).value();
}

int findRecord(const StreamRecordModel& records, const QString& keysText, int event) {
    for (int row = records.rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = records.index(row, 0);
        if (index.data(StreamRecordModel::KeysRole).toString() == keysText &&
            index.data(StreamRecordModel::EventRole).toInt() == event)
            return row;
    }
    return -1;
}

// A table's items as the item browser should show them once it has read them all.
QString allScanned(table::Database& db, const std::string& table) {
    return scanDump(db, table, std::numeric_limits<int>::max());
}

// A window on the in-memory demo, its history listed and its tables read.
struct DemoWindow {
    QTemporaryDir dir;
    QSettings settings{dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    MainWindow window{&settings};

    explicit DemoWindow(int64_t rolloverPeriodMs = 4 * 3600 * 1000) {
        window.resize(1600, 1000);
        window.adoptSession(demoSession(rolloverPeriodMs));
    }
    bool ready() {
        return waitFor([&] {
            return window.historyLoaded() && window.tables()->rowCount() == 3 &&
                   window.shardLanes()->lineage().has_value();
        });
    }
    void write(int actions) {
        for (int i = 0; i < actions; ++i) QVERIFY(window.session()->workload()->step());
    }
};

}  // namespace

// Counts its paints, to see how often a throttled widget really repaints.
class PaintCounter final : public QWidget {
public:
    int paints = 0;

protected:
    void paintEvent(QPaintEvent*) override { ++paints; }
};

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void imageTextFindsRecordsByTheirImagesAndKeepsUpLive() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        StreamInspector* inspector = demo.window.inspector();
        const int all = inspector->filterModel()->rowCount();
        // "milk" is in one seeded task's Title, never in a key: the key filter cannot find it.
        inspector->imageTextEdit()->setText(QStringLiteral("MILK"));
        QVERIFY(waitFor([&] {
            return inspector->imageSearch()->complete() && inspector->filterModel()->rowCount() > 0;
        }));
        const int found = inspector->filterModel()->rowCount();
        QVERIFY(found < all);
        for (int row = 0; row < found; ++row)
            QCOMPARE(inspector->filterModel()->index(row, 0).data(StreamRecordModel::KeysRole),
                     QVariant(QStringLiteral("ListId=groceries, TaskId=task-000001")));
        QVERIFY(inspector->searchStatus()->text().contains(QStringLiteral("milk"),
                                                           Qt::CaseInsensitive));

        // A record written after the search is searched as it arrives.
        table::PutItemRequest put;
        put.tableName = "todoListTask";
        put.item = {{"ListId", model::AttributeValue::string("errands")},
                    {"TaskId", model::AttributeValue::string("task-900001")},
                    {"Title", model::AttributeValue::string("buy oat milk")}};
        QVERIFY(demo.window.session()->database().putItem(put).ok());
        QVERIFY(waitFor([&] { return inspector->filterModel()->rowCount() == found + 1; }));
        // A write without the text stays out.
        put.item["Title"] = model::AttributeValue::string("post a letter");
        put.item["TaskId"] = model::AttributeValue::string("task-900002");
        QVERIFY(demo.window.session()->database().putItem(put).ok());
        QTest::qWait(800);
        QCOMPARE(inspector->filterModel()->rowCount(), found + 1);

        // Text found nowhere: an empty list that says so, not an error.
        inspector->imageTextEdit()->setText(QStringLiteral("no such words"));
        QVERIFY(waitFor([&] {
            return inspector->imageSearch()->complete() &&
                   inspector->imageSearch()->text() == QStringLiteral("no such words");
        }));
        QCOMPARE(inspector->filterModel()->rowCount(), 0);
        inspector->imageTextEdit()->clear();
        QVERIFY(waitFor([&] { return inspector->filterModel()->rowCount() == all + 2; }));
    }

    void imageSearchCancelsAndRestarts() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        ImageSearch* search = demo.window.inspector()->imageSearch();
        QSignalSpy finished(search, &ImageSearch::finished);
        search->setText(QStringLiteral("milk"));
        QVERIFY(search->searching());
        search->cancel();
        // The pass stops and reports what it found (all of it, if it had finished already).
        QVERIFY(waitFor([&] { return finished.count() == 1; }));
        QVERIFY(!search->searching());
        QCOMPARE(search->complete(), !finished.at(0).at(0).toBool());
        search->setText(QStringLiteral("milk"));
        QVERIFY(waitFor([&] { return search->complete(); }));
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.at(1).at(0).toBool(), false);
    }

    void imageSearchEndsWhileTheStreamKeepsGrowing() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        demo.window.session()->workload()->setRate(3000);
        demo.window.session()->workload()->start();
        StreamInspector* inspector = demo.window.inspector();
        inspector->imageTextEdit()->setText(QStringLiteral("coffee"));
        // Each pass stops at the newest record listed when it began; later ones follow on.
        QVERIFY(waitFor([&] { return inspector->imageSearch()->complete(); }, 20000));
        QVERIFY(waitFor(
            [&] { return inspector->searchStatus()->text().contains(QStringLiteral("coffee")); }));
        demo.window.session()->workload()->pause();
    }

    void saveAsContinuesInTheCopyAsItWas() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        demo.write(3);
        QVERIFY(waitFor([&] { return demo.window.records()->rowCount() >= 15; }));
        demo.window.session()->clock().setSpeed(10);
        demo.window.session()->clock().play();
        demo.window.session()->workload()->setRate(50);
        demo.window.session()->workload()->start();
        const auto port = demo.window.session()->startEndpoint(0);
        QVERIFY(port.ok());
        const int recordsBefore = demo.window.records()->rowCount();
        const QString copy = demo.dir.filePath(QStringLiteral("saved.db"));
        QSignalSpy saved(&demo.window, &MainWindow::saved);
        demo.window.saveWorkspaceTo(copy);
        QVERIFY(waitFor([&] { return saved.count() == 1; }));
        QCOMPARE(saved.at(0).at(1).toString(), QString());
        QCOMPARE(demo.window.session()->path(), copy);
        QVERIFY(demo.window.windowTitle().contains(QStringLiteral("saved.db")));
        // The copy's history is the workspace's history; the clock plays on at its speed.
        QVERIFY(waitFor([&] {
            return demo.window.historyLoaded() &&
                   demo.window.records()->rowCount() >= recordsBefore;
        }));
        QVERIFY(!demo.window.session()->clock().paused());
        QCOMPARE(demo.window.session()->clock().speed(), 10.0);
        // The workload writes on and the endpoint serves on the same port, now into the copy.
        QVERIFY(demo.window.session()->workload()->running());
        QCOMPARE(demo.window.session()->endpointPort(), std::optional<uint16_t>(*port));
        demo.window.session()->workload()->pause();
        QVERIFY(demo.window.session()->workload()->step());

        // Saving onto itself, or where nothing can be written: a dialog, and work goes on.
        QSignalSpy errors(&demo.window, &MainWindow::errorShown);
        demo.window.saveWorkspaceTo(copy);
        QVERIFY(waitFor([&] { return saved.count() == 2; }));
        QVERIFY(saved.at(1).at(1).toString().contains(QStringLiteral("already saved")));
        demo.window.saveWorkspaceTo(demo.dir.filePath(QStringLiteral("missing/dir/x.db")));
        QVERIFY(waitFor([&] { return saved.count() == 3; }));
        QVERIFY(saved.at(2).at(1).toString().contains(QStringLiteral("Could not save a copy")));
        QCOMPARE(errors.count(), 2);
        QCOMPARE(demo.window.session()->path(), copy);
    }

    void theWindowHasTheApplicationIconAtEverySize() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        const QIcon icon = window.windowIcon();
        QVERIFY(!icon.isNull());
        for (int size : {16, 32, 256}) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.size(), QSize(size, size));
            // Drawn, not blank: the corner is transparent, the middle is the icon's dark face.
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
            QVERIFY(qAlpha(image.pixel(size / 2, size / 2)) > 200);
        }
        QDir().mkpath(QStringLiteral(SHARDSCOPE_SCREENSHOT_DIR));
        QVERIFY(icon.pixmap(128, 128).save(QStringLiteral(SHARDSCOPE_SCREENSHOT_DIR "/icon.png")));
    }

    void liveChartsRepaintAtMostOncePerInterval() {
        PaintCounter widget;
        widget.resize(100, 50);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QTest::qWait(50);
        const int before = widget.paints;
        // A long interval, so a busy machine cannot stretch the burst below past its end.
        PaintThrottle throttle(&widget, 1000);
        throttle.request();  // the first change is drawn at once
        QVERIFY(waitFor([&] { return widget.paints == before + 1; }, 500));
        // A burst of changes inside the interval: one more paint, when it ends, not one each.
        for (int i = 0; i < 50; ++i) {
            throttle.request();
            QCoreApplication::processEvents();
        }
        QCOMPARE(widget.paints, before + 1);
        QVERIFY(waitFor([&] { return widget.paints == before + 2; }, 3000));
        QTest::qWait(200);
        QCOMPARE(widget.paints, before + 2);
    }

    void opensOnTheDemoWithItsHistory() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        // The seed's twelve tasks were written before the window subscribed: read back from
        // the stream, in order.
        QVERIFY(demo.window.records()->rowCount() >= 12);
        QCOMPARE(demo.window.records()->index(0, StreamRecordModel::Event).data().toString(),
                 QStringLiteral("INSERT"));
        QCOMPARE(demo.window.tables()->index(0, TableListModel::Name).data().toString(),
                 QStringLiteral("todoListTask"));
        QCOMPARE(demo.window.itemBrowser()->tableName(), QStringLiteral("todoListTask"));
    }

    void liveWritesBecomeRecordsAndLanes() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        const int before = demo.window.records()->rowCount();
        demo.write(30);
        QVERIFY(waitFor([&] { return demo.window.records()->rowCount() > before + 20; }));
        // Every record's shard is a lane of its stream.
        const auto& lineage = demo.window.shardLanes()->lineage();
        QVERIFY(lineage);
        const QModelIndex last =
            demo.window.records()->index(demo.window.records()->rowCount() - 1, 0);
        if (last.data(StreamRecordModel::StreamArnRole).toString().toStdString() ==
            lineage->streamArn) {
            const std::string shard =
                last.data(StreamRecordModel::ShardIdRole).toString().toStdString();
            QVERIFY(std::any_of(lineage->shards.begin(), lineage->shards.end(),
                                [&](const auto& s) { return s.shardId == shard; }));
        }
        QVERIFY(demo.window.inspector()->following());
    }

    // The item browser shows what the workload writes and what TTL deletes as it happens,
    // without reading the table again from the start.
    void theItemBrowserFollowsWritesAndTtlDeletions() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        table::Database& db = demo.window.session()->database();
        ItemTableModel& items = *demo.window.itemBrowser()->model();
        QVERIFY(waitFor([&] { return items.complete(); }));
        QSignalSpy resets(&items, &QAbstractItemModel::modelReset);
        const QString before = rowsDump(items);
        demo.write(30);
        QVERIFY(allScanned(db, "todoListTask") != before);
        QVERIFY2(waitFor([&] { return rowsDump(items) == allScanned(db, "todoListTask"); }),
                 qPrintable(rowsDump(items) + QStringLiteral("\n---\n") +
                            allScanned(db, "todoListTask")));
        QCOMPARE(resets.count(), 0);

        demo.window.selectTable(QStringLiteral("todoListTaskArchived"));
        QVERIFY(waitFor([&] {
            return demo.window.itemBrowser()->tableName() ==
                       QStringLiteral("todoListTaskArchived") &&
                   items.complete() && items.rowCount() > 0;
        }));
        const int archived = items.rowCount();
        resets.clear();
        // Past every archived task's expiry: the sweep deletes them (immediate lag).
        demo.window.session()->clock().advanceBy(10 * 60'000);
        QVERIFY(waitFor([&] { return items.rowCount() < archived; }, 15000));
        QVERIFY(waitFor([&] { return rowsDump(items) == allScanned(db, "todoListTaskArchived"); }));
        QCOMPARE(resets.count(), 0);
    }

    void selectingARecordShowsItsImagesAndDiff() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        demo.write(40);
        QVERIFY(waitFor([&] { return demo.window.records()->rowCount() > 40; }));
        StreamInspector* inspector = demo.window.inspector();
        RecordFilter modifies;
        modifies.insert = modifies.remove = false;
        inspector->filterModel()->setFilter(modifies);
        QVERIFY(inspector->filterModel()->rowCount() > 0);
        QSignalSpy loaded(inspector->details(), &RecordDetails::loaded);
        inspector->view()->setCurrentIndex(inspector->filterModel()->index(0, 0));
        QVERIFY(loaded.count() > 0 || loaded.wait(5000));
        const auto& record = inspector->details()->record();
        QVERIFY(record);
        QCOMPARE(record->eventName, stream::EventName::Modify);
        QVERIFY(record->oldImage && record->newImage);
        const auto changes = diffImages(record->oldImage, record->newImage);
        QVERIFY(std::any_of(changes.begin(), changes.end(), [](const AttributeChange& c) {
            return c.kind == AttributeChange::Kind::Changed;
        }));
        QVERIFY(!inspector->following());
    }

    void ttlDeletionsReachTheTimelineAndTheRecords() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        demo.write(60);
        demo.window.selectTable(QStringLiteral("todoListTaskArchived"));
        QVERIFY(waitFor([&] { return !demo.window.ttlTimeline()->rows().empty(); }));
        // Past every archived task's expiry: the sweep deletes them (immediate lag).
        demo.window.session()->clock().advanceBy(10 * 60'000);
        QVERIFY(waitFor([&] { return demo.window.ttlTimeline()->deletedCount() > 0; }, 15000));
        RecordFilter ttlOnly;
        ttlOnly.ttlOnly = true;
        demo.window.inspector()->filterModel()->setFilter(ttlOnly);
        QVERIFY(waitFor([&] { return demo.window.inspector()->filterModel()->rowCount() > 0; }));
        const QModelIndex first = demo.window.inspector()->filterModel()->index(0, 0);
        QCOMPARE(first.data(StreamRecordModel::EventRole).toInt(), int(stream::EventName::Remove));
        QCOMPARE(first.data(StreamRecordModel::TableRole).toString(),
                 QStringLiteral("todoListTaskArchived"));
    }

    void theDeletionLagCanChangeWhileOpen() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        auto* choice = demo.window.findChild<QComboBox*>(QStringLiteral("ttlLagChoice"));
        QVERIFY(choice);
        QCOMPARE(ttl::DeletionLag(choice->currentData().toInt()), ttl::DeletionLag::Immediate);
        choice->setCurrentIndex(choice->findData(int(ttl::DeletionLag::Realistic)));
        emit choice->activated(choice->currentIndex());
        QVERIFY(waitFor([&] {
            return demo.window.session()->database().ttlDeletionLag() ==
                   ttl::DeletionLag::Realistic;
        }));
        // Archived tasks now wait minutes after expiry: still there a minute past it.
        demo.write(60);
        demo.window.selectTable(QStringLiteral("todoListTaskArchived"));
        QVERIFY(waitFor([&] { return !demo.window.ttlTimeline()->rows().empty(); }));
        demo.window.session()->clock().advanceBy(150'000);
        QTest::qWait(300);
        demo.window.refreshNow();
        QVERIFY(waitFor([&] { return demo.window.ttlTimeline()->expiredPending() > 0; }));
        QCOMPARE(demo.window.ttlTimeline()->deletedCount(), 0);
    }

    void shardLanesKeepOnlyShardsInTheirSpan() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        ShardLanesView* lanes = demo.window.shardLanes();
        QCOMPARE(lanes->laneOrder().size(), size_t(1));
        // Past the first rollover (4 hours by default): the child opens, the parent closes.
        demo.window.session()->clock().advanceBy(4 * 3600 * 1000 + 1000);
        demo.write(3);
        demo.window.refreshNow();
        QVERIFY(waitFor([&] { return lanes->lineage() && lanes->lineage()->shards.size() == 2; }));
        lanes->setSpan(6 * 3600 * 1000);
        QCOMPARE(lanes->laneOrder().size(), size_t(2));
        QCOMPARE(lanes->lineage()->shards[lanes->laneOrder()[1]].parentShardId,
                 lanes->lineage()->shards[lanes->laneOrder()[0]].shardId);
        // Two minutes on, a one-minute span no longer reaches back to the parent's close.
        demo.window.session()->clock().advanceBy(120'000);
        lanes->setSpan(60'000);
        QVERIFY(waitFor([&] { return lanes->laneOrder().size() == 1; }));
    }

    void theClockBarDrivesAVirtualClock() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        auto& clock = demo.window.session()->clock();
        clock.pause();
        const qint64 before = clock.now();
        demo.window.action(QStringLiteral("clock.play"))->trigger();
        QVERIFY(!clock.paused());
        demo.window.action(QStringLiteral("clock.play"))->trigger();
        QVERIFY(clock.paused());
        // Step: jumps to the next due moment (the stream's first rollover, at the latest).
        demo.window.action(QStringLiteral("clock.step"))->trigger();
        QVERIFY(waitFor([&] { return clock.now() > before; }));
        QVERIFY(clock.now() <= before + 4 * 3600 * 1000 + 1000);
    }

    void aBadWorkspaceIsRefusedAndLeftAlone() {
        DemoWindow demo;
        QVERIFY(demo.ready());
        const QString path = demo.dir.filePath(QStringLiteral("notes.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray garbage("this is a shopping list, not a workspace\n");
        file.write(garbage);
        file.close();
        QSignalSpy failed(&demo.window, &MainWindow::openFailed);
        demo.window.openWorkspace(path);
        QVERIFY(failed.wait(5000));
        QVERIFY(!failed.front().front().toString().isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
        // The demo is still the open workspace.
        QVERIFY(demo.window.session()->inMemory());
    }

    void layoutAndRecentWorkspacesComeBack() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        const QString path = dir.filePath(QStringLiteral("lab.db"));
        {
            MainWindow window(&settings);
            window.show();
            QSignalSpy opened(&window, &MainWindow::opened);
            window.openWorkspace(path);
            QVERIFY(opened.wait(5000));
            window.findChild<QDockWidget*>(QStringLiteral("ttlDock"))->hide();
            window.close();
        }
        QCOMPARE(settings.value(QStringLiteral("workspaces/recent")).toStringList().value(0),
                 QFileInfo(path).absoluteFilePath());
        MainWindow again(&settings);
        again.show();
        QVERIFY(!again.findChild<QDockWidget*>(QStringLiteral("ttlDock"))->isVisible());
        QVERIFY(again.findChild<QDockWidget*>(QStringLiteral("inspectorDock"))->isVisible());
    }

    void everyActionHasAMenuEntryAndShortcutsShowInTooltips() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        for (const char* id : {"file.open", "clock.play", "clock.step", "endpoint.toggle",
                               "demo.run", "help.shortcuts", "item.new"}) {
            QAction* action = window.action(QString::fromLatin1(id));
            QVERIFY2(action, id);
            QVERIFY2(!action->shortcut().isEmpty(), id);
            QVERIFY2(
                action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                id);
        }
    }
};

// The window with its endpoint on, written to by the real AWS CLI: the write shows up as a
// record in the list and a tick on its shard's lane.
class WindowEndToEndTest : public QObject {
    Q_OBJECT
private slots:
    void awsCliWritesAppearLive() {
        const QString aws = QStandardPaths::findExecutable(QStringLiteral("aws"));
        if (aws.isEmpty())
            QFAIL("the AWS CLI (Debian package awscli) is needed: scripts/setup installs it");
        DemoWindow demo;
        QVERIFY(demo.ready());
        demo.settings.setValue(QStringLiteral("endpoint/port"), 0);
        demo.window.action(QStringLiteral("endpoint.toggle"))->trigger();
        const auto port = demo.window.session()->endpointPort();
        QVERIFY(port);
        QVERIFY(demo.window.findChild<QLabel*>(QStringLiteral("endpointStatus"))
                    ->text()
                    .contains(QString::number(*port)));

        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("shardscope"));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("shardscope"));
        env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
        env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
        env.insert(QStringLiteral("HOME"), demo.dir.path());
        cli.setProcessEnvironment(env);
        cli.start(
            aws,
            {QStringLiteral("dynamodb"), QStringLiteral("put-item"),
             QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:%1").arg(*port),
             QStringLiteral("--table-name"), QStringLiteral("todoListTask"),
             QStringLiteral("--item"),
             QStringLiteral(
                 R"({"ListId":{"S":"cli"},"TaskId":{"S":"from-the-cli"},"Title":{"S":"hello"}})")});
        QVERIFY(cli.waitForFinished(60000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        const QString keys = QStringLiteral("ListId=cli, TaskId=from-the-cli");
        int row = -1;
        QVERIFY(waitFor([&] {
            row = findRecord(*demo.window.records(), keys, int(stream::EventName::Insert));
            return row >= 0;
        }));
        const std::string shard = demo.window.records()
                                      ->index(row, 0)
                                      .data(StreamRecordModel::ShardIdRole)
                                      .toString()
                                      .toStdString();
        demo.window.refreshNow();
        QVERIFY(waitFor([&] {
            const auto& lineage = demo.window.shardLanes()->lineage();
            return lineage && std::any_of(lineage->shards.begin(), lineage->shards.end(),
                                          [&](const auto& s) { return s.shardId == shard; });
        }));
        demo.window.action(QStringLiteral("endpoint.toggle"))->trigger();
        QVERIFY(!demo.window.session()->endpointPort());
    }
};

// Renders the main window, the stream inspector and the TTL timeline to PNG files for the
// README (and for a person to look at), after a minute of the demo.
class ScreenshotTest : public QObject {
    Q_OBJECT
private slots:
    void rendersTheMainPanes() {
        DemoWindow demo(60'000);  // the window's demo rolls shards over quickly too
        demo.window.show();
        QVERIFY(demo.ready());
        auto& clock = demo.window.session()->clock();
        clock.pause();
        for (int second = 0; second < 90; ++second) {
            demo.write(2);
            clock.advanceBy(1000);
        }
        demo.window.selectTable(QStringLiteral("todoListTaskArchived"));
        QVERIFY(waitFor([&] { return !demo.window.ttlTimeline()->rows().empty(); }));
        // Past the expiry of the tasks archived first: some deleted, some still waiting.
        clock.advanceBy(40'000);
        QVERIFY(waitFor([&] { return demo.window.ttlTimeline()->deletedCount() > 0; }, 15000));
        demo.window.selectTable(QStringLiteral("todoListTask"));
        QVERIFY(waitFor([&] {
            return demo.window.itemBrowser()->tableName() == QStringLiteral("todoListTask");
        }));
        demo.window.refreshNow();
        demo.window.shardLanes()->setSpan(3 * 60'000);
        QTest::qWait(300);
        StreamInspector* inspector = demo.window.inspector();
        int modify = -1;
        for (int row = demo.window.records()->rowCount() - 1; row >= 0 && modify < 0; --row) {
            if (demo.window.records()->index(row, 0).data(StreamRecordModel::EventRole).toInt() ==
                int(stream::EventName::Modify))
                modify = row;
        }
        if (modify >= 0) {
            QSignalSpy loaded(inspector->details(), &RecordDetails::loaded);
            inspector->view()->setCurrentIndex(
                inspector->filterModel()->mapFromSource(demo.window.records()->index(modify, 0)));
            loaded.wait(3000);
        }
        QTest::qWait(200);
        const QString directory = QStringLiteral(SHARDSCOPE_SCREENSHOT_DIR);
        QDir().mkpath(directory);
        const std::pair<QWidget*, const char*> shots[] = {
            {&demo.window, "main-window.png"},
            {inspector, "stream-inspector.png"},
            {demo.window.ttlTimeline()->parentWidget(), "ttl-timeline.png"},
            {demo.window.shardLanes(), "shard-lanes.png"}};
        for (const auto& [widget, name] : shots) {
            const QImage image = widget->grab().toImage();
            QVERIFY(!image.isNull());
            // Not blank: a rendered pane has many colours.
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 8, name);
            QVERIFY(image.save(directory + QLatin1Char('/') + QString::fromLatin1(name)));
        }
    }
};

SHARDSCOPE_UI_TEST(MainWindowTest)
SHARDSCOPE_UI_TEST(WindowEndToEndTest)
SHARDSCOPE_UI_TEST(ScreenshotTest)

}  // namespace shardscope::ui::test

#include "window_test.moc"

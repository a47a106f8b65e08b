// SPDX-License-Identifier: MIT
// The window's budgets: memory of the record list per record at a million records, and the
// longest UI-thread stall while records stream in at 10,000 per second. Runs on the offscreen
// platform; figures are counters in Google Benchmark's output.
#include <benchmark/benchmark.h>

#include <time.h>
#include <unistd.h>
#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "demo/workload.h"
#include "mainwindow.h"
#include "models/itemtablemodel.h"
#include "models/recordfiltermodel.h"
#include "models/streamrecordmodel.h"
#include "session/eventbridge.h"
#include "session/workspacesession.h"
#include "table/database.h"

namespace {

using namespace shardscope;

// CPU time of the calling thread: with other work on the machine, wall time would blame
// whichever paint was running when the scheduler preempted the UI thread.
qint64 threadCpuNs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

// Times (in CPU time) every top-level event dispatch on the UI thread, so a stall can be named: the
// slowest dispatches (receiver class, object name, event type) are printed after the stall
// benchmark.
class TimingApplication final : public QApplication {
public:
    using QApplication::QApplication;

    struct Dispatch {
        qint64 ns = 0;
        QString what;
    };
    std::vector<Dispatch> slowest;  // the 8 slowest, slowest first
    bool timing = false;

    // The slowest single paint of each widget class, since a window repaint (UpdateRequest)
    // is one dispatch that paints every dirty widget.
    std::map<QString, qint64> slowestPaint;

    bool notify(QObject* receiver, QEvent* event) override {
        if (timing && event->type() == QEvent::Paint) {
            const QString className = QString::fromLatin1(receiver->metaObject()->className());
            const qint64 started = threadCpuNs();
            const bool result = QApplication::notify(receiver, event);
            auto& slowestOfClass = slowestPaint[className];
            slowestOfClass = std::max(slowestOfClass, threadCpuNs() - started);
            return result;
        }
        if (!timing || m_depth > 0) return QApplication::notify(receiver, event);
        ++m_depth;
        const qint64 started = threadCpuNs();
        // The receiver may delete itself (DeferredDelete): read its names first.
        const int type = int(event->type());
        const char* className = receiver->metaObject()->className();
        const QString objectName = receiver->objectName();
        const bool result = QApplication::notify(receiver, event);
        const qint64 ns = threadCpuNs() - started;
        --m_depth;
        if (slowest.size() < 8 || ns > slowest.back().ns) {
            Dispatch dispatch{ns, QStringLiteral("%1 '%2' event %3")
                                      .arg(QString::fromLatin1(className), objectName)
                                      .arg(type)};
            slowest.insert(
                std::upper_bound(slowest.begin(), slowest.end(), dispatch,
                                 [](const Dispatch& a, const Dispatch& b) { return a.ns > b.ns; }),
                std::move(dispatch));
            if (slowest.size() > 8) slowest.pop_back();
        }
        return result;
    }

private:
    int m_depth = 0;
};

// Resident memory of this process, from /proc.
double residentBytes() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return double(resident) * double(sysconf(_SC_PAGESIZE));
}

stream::RecordAppended sampleRecord(uint64_t sequence) {
    static const std::string lists[] = {"groceries", "chores", "work"};
    stream::RecordAppended r;
    r.streamArn =
        "arn:aws:dynamodb:us-east-1:000000000000:table/todoListTask/stream/2026-11-25T09:00:00.000";
    r.shardId = "shardId-00000001795600000000-" + std::to_string(10000000 + sequence / 250000);
    r.sequenceNumber = ui::RecordStore::sequenceText(sequence);
    r.eventName = stream::EventName(sequence % 3);
    r.keys = {{"ListId", model::AttributeValue::string(lists[sequence % 3])},
              {"TaskId", model::AttributeValue::string(
                             "task-" + std::to_string(100000 + sequence % 900000))}};
    r.sizeBytes = 120;
    r.at = 1'795'600'000'000 + int64_t(sequence);
    return r;
}

// A million records into the list the window shows (model, filter proxy and a table view),
// in batches the size of one tick at 10,000 records/s.
void BM_RecordListMemoryPerRecord(benchmark::State& state) {
    const size_t records = size_t(state.range(0));
    for (auto _ : state) {
        ui::StreamRecordModel model;
        ui::RecordFilterModel filter;
        filter.setRecords(&model);
        QTableView view;
        view.setModel(&filter);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.resize(1000, 600);
        view.show();
        QCoreApplication::processEvents();
        const double before = residentBytes();
        std::vector<stream::RecordAppended> batch;
        for (uint64_t sequence = 1; sequence <= records; ++sequence) {
            batch.push_back(sampleRecord(sequence));
            if (batch.size() == 400) {
                model.append(batch);
                batch.clear();
                view.scrollToBottom();
                QCoreApplication::processEvents();
            }
        }
        model.append(batch);
        QCoreApplication::processEvents();
        const double after = residentBytes();
        state.counters["bytes_per_record"] = (after - before) / double(records);
        state.counters["store_bytes_per_record"] =
            double(model.store().bytesUsed()) / double(records);
    }
}
BENCHMARK(BM_RecordListMemoryPerRecord)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// The demo window on an in-memory workspace with the workload at 10,000 records/s for
// SHARDSCOPE_STALL_SECONDS (default 30). A 2 ms timer on the UI thread measures how late it
// fires: the worst lateness is the longest stall a user could feel.
void BM_LiveIngestLongestStall(benchmark::State& state) {
    const int seconds = qEnvironmentVariableIntValue("SHARDSCOPE_STALL_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("SHARDSCOPE_STALL_SECONDS")
                            : 30;
    for (auto _ : state) {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        ui::MainWindow window(&settings);
        window.resize(1600, 1000);
        window.show();
        ui::WorkspaceSession::Options options;
        options.path = QStringLiteral(":memory:");
        options.demo = true;
        options.clockMode = sim::Clock::Mode::Virtual;
        auto session = ui::WorkspaceSession::open(options);
        if (!session) {
            state.SkipWithError(session.error().message.c_str());
            return;
        }
        window.adoptSession(std::move(session).value());
        while (!window.historyLoaded()) QCoreApplication::processEvents();
        window.session()->clock().play();
        auto* workload = window.session()->workload();
        // About two in three of the workload's writes go to tables with a stream (the counter
        // table has none): 15,000 writes/s give the 10,000 records/s the budget is set for.
        workload->setRate(15'000);
        workload->start();

        QElapsedTimer since;
        since.start();
        qint64 last = 0, worst = 0, worstAt = 0;
        std::vector<qint64> gaps;
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(2);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = since.nsecsElapsed();
            if (last) {
                if (now - last > worst) worstAt = now;
                worst = std::max(worst, now - last);
                gaps.push_back(now - last);
            }
            last = now;
        });
        probe.start();
        auto* app = static_cast<TimingApplication*>(qApp);
        app->slowest.clear();
        app->timing = true;
        const int rowsBefore = window.records()->rowCount();
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        workload->pause();
        app->timing = false;
        for (const auto& [className, ns] : app->slowestPaint)
            if (ns > 5'000'000)
                std::fprintf(stderr, "slowest paint %7.1f ms  %s\n", double(ns) / 1e6,
                             qPrintable(className));
        for (const auto& dispatch : app->slowest)
            std::fprintf(stderr, "slow dispatch %7.1f ms  %s\n", double(dispatch.ns) / 1e6,
                         qPrintable(dispatch.what));
        std::sort(gaps.begin(), gaps.end());
        state.counters["longest_stall_ms"] = double(worst) / 1e6;
        state.counters["longest_stall_at_s"] = double(worstAt) / 1e9;
        state.counters["gaps_over_50ms"] = double(
            std::count_if(gaps.begin(), gaps.end(), [](qint64 gap) { return gap > 50'000'000; }));
        state.counters["p99_gap_ms"] =
            gaps.empty() ? 0 : double(gaps[gaps.size() * 99 / 100]) / 1e6;
        state.counters["records_per_s"] =
            double(window.records()->rowCount() - rowsBefore) / double(seconds);
        state.counters["writes_per_s"] = double(workload->writes()) / double(seconds);
    }
}
BENCHMARK(BM_LiveIngestLongestStall)->Iterations(1)->Unit(benchmark::kMillisecond);

// The item browser's model and view on a table of ITEMS items (in memory, a few attributes
// each, like the demo's tasks): time to the first page, then a user dragging the scroll bar to
// the end again and again, each time making the view fetch the next page off the UI thread.
// Counters: the first page, pages per second, the slowest UI-thread dispatch while paging (CPU
// time, from TimingApplication), and resident memory per row loaded.
// One task of the item benchmarks' table: 1,000 lists, a few attributes like the demo's.
table::PutItemRequest taskPut(int i, const std::string& title) {
    table::PutItemRequest put;
    put.tableName = "tasks";
    put.item = {
        {"ListId", model::AttributeValue::string("list-" + std::to_string(i % 1000))},
        {"TaskId", model::AttributeValue::string("task-" + std::to_string(i))},
        {"Title", model::AttributeValue::string(title)},
        {"Done", model::AttributeValue::boolean(i % 3 == 0)},
        {"Priority", model::AttributeValue::number(*model::Number::parse(std::to_string(i % 5)))}};
    return put;
}

// An in-memory database (commits deferred: the writer flushes) with `items` tasks.
std::unique_ptr<table::Database> taskTable(benchmark::State& state, int items) {
    table::DatabaseOptions options(":memory:");
    options.deferCommits = true;
    auto database = table::Database::open(options);
    if (!database) {
        state.SkipWithError(database.error().message.c_str());
        return nullptr;
    }
    table::CreateTableRequest create;
    create.tableName = "tasks";
    create.keySchema = {{"ListId", "HASH"}, {"TaskId", "RANGE"}};
    create.attributeDefinitions = {{"ListId", "S"}, {"TaskId", "S"}};
    create.billingMode = "PAY_PER_REQUEST";
    if (!(*database)->createTable(create)) {
        state.SkipWithError("createTable failed");
        return nullptr;
    }
    for (int i = 0; i < items; ++i) {
        if (!(*database)->putItem(taskPut(i, "write the report, part " + std::to_string(i)))) {
            state.SkipWithError("putItem failed");
            return nullptr;
        }
        if (i % 5000 == 4999) (void)(*database)->flush();
    }
    (void)(*database)->flush();
    return std::move(database).value();
}

// Scrolls `view` to the end until the model holds `rows` rows (or all).
void loadRows(ui::ItemTableModel& model, QTableView& view, int rows, int* pages = nullptr) {
    while (model.rowCount() < rows && !model.complete()) {
        const int before = model.rowCount();
        view.scrollToBottom();  // the view asks for more (fetchMore) as the end comes into view
        while (model.rowCount() == before && !model.complete())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (pages) ++*pages;
    }
}

void BM_ItemBrowserPagesThroughMillionItems(benchmark::State& state) {
    const int items = int(state.range(0));
    const int rowsToLoad = int(state.range(1));
    auto database = taskTable(state, items);
    if (!database) return;

    for (auto _ : state) {
        ui::ItemTableModel model;
        model.setDatabase(database.get());
        QTableView view;
        view.setModel(&model);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.resize(1000, 600);
        view.show();
        QCoreApplication::processEvents();
        const double before = residentBytes();
        QElapsedTimer clock;
        clock.start();
        model.setSource({QStringLiteral("tasks"),
                         {{"ListId", model::KeyType::S}, {{"TaskId", model::KeyType::S}}},
                         std::nullopt});
        while (model.rowCount() == 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        state.counters["first_page_ms"] = double(clock.nsecsElapsed()) / 1e6;

        auto* app = static_cast<TimingApplication*>(qApp);
        app->slowest.clear();
        app->timing = true;
        clock.restart();
        int pages = 0;
        loadRows(model, view, rowsToLoad, &pages);
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        app->timing = false;
        state.counters["rows_loaded"] = model.rowCount();
        state.counters["pages_per_s"] = double(pages) / seconds;
        state.counters["slowest_dispatch_ms"] =
            app->slowest.empty() ? 0 : double(app->slowest.front().ns) / 1e6;
        state.counters["bytes_per_row"] = (residentBytes() - before) / double(model.rowCount());
        for (const auto& dispatch : app->slowest)
            std::fprintf(stderr, "slow dispatch %7.1f ms  %s\n", double(dispatch.ns) / 1e6,
                         qPrintable(dispatch.what));
    }
}
BENCHMARK(BM_ItemBrowserPagesThroughMillionItems)
    ->Args({1'000'000, 200'000})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

// The item browser's model and view, ROWS rows of a table of ITEMS items read, following a
// writer that makes WRITES writes a second for SHARDSCOPE_ITEM_WRITE_SECONDS (default 10): half
// updates of existing items, a quarter new items, a quarter deletions, spread over the whole
// table, so about ROWS/ITEMS of them touch the rows read. The events come through the event
// bridge as in the window. Counters: the slowest UI-thread dispatch (CPU time), the writes made,
// the rows updated, inserted or removed, and how long after the writer stopped the rows caught up.
void BM_ItemBrowserFollowsWritesOnMillionItems(benchmark::State& state) {
    const int items = int(state.range(0));
    const int rowsToLoad = int(state.range(1));
    const int rate = int(state.range(2));
    const int seconds = qEnvironmentVariableIntValue("SHARDSCOPE_ITEM_WRITE_SECONDS") > 0
                            ? qEnvironmentVariableIntValue("SHARDSCOPE_ITEM_WRITE_SECONDS")
                            : 10;
    auto database = taskTable(state, items);
    if (!database) return;
    for (auto _ : state) {
        ui::ItemTableModel model;
        model.setDatabase(database.get());
        ui::EventBridge bridge(database->subscribe());
        QObject::connect(&bridge, &ui::EventBridge::itemsWritten, &model,
                         &ui::ItemTableModel::noteWrites);
        QTableView view;
        view.setModel(&model);
        view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
        view.resize(1000, 600);
        view.show();
        model.setSource({QStringLiteral("tasks"),
                         {{"ListId", model::KeyType::S}, {{"TaskId", model::KeyType::S}}},
                         std::nullopt});
        loadRows(model, view, rowsToLoad);
        // In the middle of what is read: rows come and go above and below the view.
        view.scrollTo(model.index(model.rowCount() / 2, 0), QAbstractItemView::PositionAtTop);

        std::atomic<bool> stop{false};
        std::atomic<int64_t> writes{0};
        std::thread writer([&] {
            std::mt19937 random(7);
            int next = items;
            QElapsedTimer clock;
            clock.start();
            while (!stop) {
                // Paced per millisecond; commits every 100 writes, as a busy endpoint would.
                const int64_t due = clock.elapsed() * rate / 1000;
                if (writes >= due) {
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                    continue;
                }
                const int kind = int(random() % 4);
                const int i = int(random() % unsigned(items));
                if (kind == 0) {
                    table::DeleteItemRequest remove;
                    remove.tableName = "tasks";
                    remove.key = {
                        {"ListId",
                         model::AttributeValue::string("list-" + std::to_string(i % 1000))},
                        {"TaskId", model::AttributeValue::string("task-" + std::to_string(i))}};
                    (void)database->deleteItem(remove);
                } else {
                    (void)database->putItem(
                        taskPut(kind == 1 ? next++ : i, "changed at " + std::to_string(writes)));
                }
                if (++writes % 100 == 0) (void)database->flush();
            }
            (void)database->flush();
        });

        int touched = 0;
        QObject::connect(&model, &ui::ItemTableModel::rowsRefreshed,
                         [&touched](int rows) { touched += rows; });
        auto* app = static_cast<TimingApplication*>(qApp);
        app->slowest.clear();
        app->timing = true;
        QEventLoop loop;
        QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
        loop.exec();
        stop = true;
        writer.join();
        QElapsedTimer catchUp;
        catchUp.start();
        bridge.pump();
        while (!model.settled()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        app->timing = false;
        state.counters["rows_loaded"] = model.rowCount();
        state.counters["writes_per_s"] = double(writes) / double(seconds);
        state.counters["rows_changed"] = touched;
        state.counters["catch_up_ms"] = double(catchUp.nsecsElapsed()) / 1e6;
        state.counters["slowest_dispatch_ms"] =
            app->slowest.empty() ? 0 : double(app->slowest.front().ns) / 1e6;
        for (const auto& dispatch : app->slowest)
            std::fprintf(stderr, "slow dispatch %7.1f ms  %s\n", double(dispatch.ns) / 1e6,
                         qPrintable(dispatch.what));
    }
}
BENCHMARK(BM_ItemBrowserFollowsWritesOnMillionItems)
    ->Args({1'000'000, 2'000, 10'000})
    ->Args({1'000'000, 200'000, 10'000})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    TimingApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

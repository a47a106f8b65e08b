// SPDX-License-Identifier: MIT
// The built-in task-list demo (engine/demo): the seed, and the workload that keeps writing it —
// the kinds of records it makes, its replay from a seed, and its thread's start, pause and stop.
#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "demo/tasklist.h"
#include "demo/workload.h"
#include "model/json.h"
#include "table/database.h"

namespace shardscope::testing {
namespace {

using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

constexpr sim::Millis kStart = 1594936816952;  // 2020-07-16T22:00:16.952Z

class DemoWorkload : public ::testing::Test {
protected:
    void SetUp() override { open(sim::Clock::Mode::Virtual); }

    void open(sim::Clock::Mode mode) {
        m_db.reset();
        m_clock = std::make_unique<sim::Clock>(mode, kStart);
        table::DatabaseOptions options(":memory:");
        options.clock = m_clock.get();
        options.ttl.lag = ttl::DeletionLag::Immediate;
        auto db = table::Database::open(options);
        ASSERT_TRUE(db.ok()) << db.error().message;
        m_db = std::move(*db);
        auto seeded = demo::seedTaskList(*m_db);
        ASSERT_TRUE(seeded.ok()) << seeded.error().message;
    }

    std::vector<model::Item> scanAll(const std::string& table) {
        std::vector<model::Item> items;
        table::ScanRequest scan;
        scan.tableName = table;
        do {
            auto page = m_db->scan(scan);
            EXPECT_TRUE(page.ok()) << page.error().message;
            if (!page.ok()) break;
            items.insert(items.end(), page->items.begin(), page->items.end());
            scan.exclusiveStartKey = page->lastEvaluatedKey;
        } while (scan.exclusiveStartKey);
        return items;
    }

    std::string streamOf(const std::string& table) {
        auto d = m_db->describeTable(table);
        EXPECT_TRUE(d.ok());
        return d.ok() ? d->latestStreamArn.value_or("") : "";
    }

    std::vector<stream::Record> records(const std::string& table) {
        stream::ReadRecordsRequest request;
        request.streamArn = streamOf(table);
        request.limit = 10000;
        auto read = m_db->readRecords(request);
        EXPECT_TRUE(read.ok()) << read.error().message;
        return read.ok() ? read->records : std::vector<stream::Record>{};
    }

    // What the task stream says happened, in order: the event, the keys and the new image.
    std::string dumpTaskStream() {
        std::string dump;
        for (const auto& r : records(demo::kTaskTable)) {
            dump += std::string(stream::eventNameText(r.eventName)) + " " +
                    model::toJson(r.keys).dump();
            if (r.newImage) dump += " " + model::toJson(*r.newImage).dump();
            dump += "\n";
        }
        return dump;
    }

    void runSteps(demo::Workload& workload, int steps) {
        for (int i = 0; i < steps; ++i) {
            auto step = workload.step();
            ASSERT_TRUE(step.ok()) << "step " << i << ": " << step.error().message;
        }
    }

    std::unique_ptr<sim::Clock> m_clock;
    std::unique_ptr<table::Database> m_db;
};

TEST_F(DemoWorkload, SeedMakesTheThreeTablesWithStreamsAndTtl) {
    auto tables = m_db->listTables({});
    ASSERT_TRUE(tables.ok());
    EXPECT_EQ(tables->tableNames,
              (std::vector<std::string>{"todoListTask", "todoListTaskArchived", "todoTaskCount"}));
    for (const char* name : {demo::kTaskTable, demo::kArchiveTable}) {
        auto d = m_db->describeTable(name);
        ASSERT_TRUE(d.ok());
        ASSERT_TRUE(d->streamSpecification.has_value()) << name;
        EXPECT_TRUE(d->streamSpecification->streamEnabled) << name;
        EXPECT_EQ(d->streamSpecification->streamViewType, "NEW_AND_OLD_IMAGES") << name;
        EXPECT_TRUE(d->latestStreamArn.has_value()) << name;
    }
    auto counts = m_db->describeTable(demo::kCountTable);
    ASSERT_TRUE(counts.ok());
    EXPECT_FALSE(counts->streamSpecification && counts->streamSpecification->streamEnabled);
    auto ttl = m_db->describeTimeToLive(demo::kArchiveTable);
    ASSERT_TRUE(ttl.ok());
    EXPECT_EQ(ttl->status, "ENABLED");
    EXPECT_EQ(ttl->attributeName, "expires");

    EXPECT_EQ(scanAll(demo::kTaskTable).size(), 12u);
    for (const auto& count : scanAll(demo::kCountTable))
        EXPECT_EQ(count.at("TaskCount").asNumber().toInt64Clamped(), 4);
    EXPECT_EQ(records(demo::kTaskTable).size(), 12u);
}

TEST_F(DemoWorkload, SeedingTwiceChangesNothing) {
    ASSERT_TRUE(demo::seedTaskList(*m_db).ok());
    EXPECT_EQ(scanAll(demo::kTaskTable).size(), 12u);
    EXPECT_EQ(scanAll(demo::kCountTable).size(), 3u);
    EXPECT_EQ(records(demo::kTaskTable).size(), 12u);
}

TEST_F(DemoWorkload, TaskIdsSortInTheOrderTheyWereMade) {
    EXPECT_EQ(demo::taskId(7), "task-000007");
    EXPECT_LT(demo::taskId(9), demo::taskId(10));
    EXPECT_EQ(demo::taskNumber("task-000123"), 123);
    EXPECT_EQ(demo::taskNumber("task-12"), 12);
    EXPECT_EQ(demo::taskNumber("task-"), 0);
    EXPECT_EQ(demo::taskNumber("task-1x"), 0);
    EXPECT_EQ(demo::taskNumber("other"), 0);
}

TEST_F(DemoWorkload, StepsMakeInsertModifyAndRemoveRecordsAndArchive) {
    demo::Workload workload(*m_db, {.writesPerSecond = 4, .archiveLifetimeMs = 90'000, .seed = 7});
    runSteps(workload, 200);
    EXPECT_EQ(workload.lastError(), "");
    EXPECT_NE(workload.lastAction(), "");

    std::map<stream::EventName, int> kinds;
    for (const auto& r : records(demo::kTaskTable)) ++kinds[r.eventName];
    EXPECT_GT(kinds[stream::EventName::Insert], 12);
    EXPECT_GT(kinds[stream::EventName::Modify], 0);
    EXPECT_GT(kinds[stream::EventName::Remove], 0);
    const uint64_t expectedWrites = uint64_t(kinds[stream::EventName::Insert] - 12) * 2 +
                                    uint64_t(kinds[stream::EventName::Modify]) +
                                    uint64_t(kinds[stream::EventName::Remove]) * 3;
    EXPECT_EQ(workload.writes(), expectedWrites);

    const std::vector<model::Item> archived = scanAll(demo::kArchiveTable);
    EXPECT_EQ(archived.size(), size_t(kinds[stream::EventName::Remove]));
    const int64_t expires = kStart / 1000 + 90;  // the clock is paused
    for (const auto& item : archived) {
        ASSERT_TRUE(item.count("expires"));
        EXPECT_EQ(item.at("expires").asNumber().toInt64Clamped(), expires);
        EXPECT_TRUE(item.count("Title"));
    }
    EXPECT_EQ(records(demo::kArchiveTable).size(), archived.size());

    // Counts follow the tasks; lists stay about 3 to 12 long.
    std::map<std::string, int64_t> tasksPerList;
    for (const auto& task : scanAll(demo::kTaskTable)) ++tasksPerList[task.at("ListId").asString()];
    for (const auto& count : scanAll(demo::kCountTable)) {
        const std::string list = count.at("ListId").asString();
        EXPECT_EQ(count.at("TaskCount").asNumber().toInt64Clamped(), tasksPerList[list]) << list;
        EXPECT_GE(tasksPerList[list], 2) << list;
        EXPECT_LE(tasksPerList[list], 12) << list;
    }
}

TEST_F(DemoWorkload, ArchivedTasksExpireByTtl) {
    demo::Workload workload(*m_db, {.writesPerSecond = 4, .archiveLifetimeMs = 60'000, .seed = 3});
    runSteps(workload, 60);
    const size_t archived = scanAll(demo::kArchiveTable).size();
    ASSERT_GT(archived, 0u);
    ASSERT_TRUE(m_clock->jumpTo(kStart + 62'000));
    ASSERT_TRUE(m_db->runDue().ok());
    EXPECT_TRUE(scanAll(demo::kArchiveTable).empty());
    size_t byTtl = 0;
    for (const auto& r : records(demo::kArchiveTable)) byTtl += r.byTimeToLive ? 1 : 0;
    EXPECT_EQ(byTtl, archived);
}

TEST_F(DemoWorkload, SameSeedSameActions) {
    auto run = [this](uint64_t seed) {
        open(sim::Clock::Mode::Virtual);
        demo::Workload workload(*m_db, {.seed = seed});
        runSteps(workload, 80);
        return dumpTaskStream();
    };
    const std::string first = run(11);
    const std::string again = run(11);
    const std::string other = run(12);
    EXPECT_FALSE(first.empty());
    EXPECT_EQ(first, again);
    EXPECT_NE(first, other);
}

// A second workload on the same workspace learns the tasks and numbers the first one left.
TEST_F(DemoWorkload, LearnsTasksLeftByAnEarlierWorkload) {
    {
        demo::Workload first(*m_db, {.seed = 5});
        runSteps(first, 100);
    }
    demo::Workload second(*m_db, {.seed = 6});
    runSteps(second, 100);
    EXPECT_EQ(second.lastError(), "");
    std::set<std::string> archivedIds;
    for (const auto& item : scanAll(demo::kArchiveTable))
        archivedIds.insert(item.at("ListId").asString() + "/" + item.at("TaskId").asString());
    // Archived tasks are never overwritten by a reused id: every archive record is an INSERT.
    for (const auto& r : records(demo::kArchiveTable))
        EXPECT_EQ(r.eventName, stream::EventName::Insert) << model::toJson(r.keys).dump();
}

TEST_F(DemoWorkload, StartPauseAndDestroyDoNotHang) {
    const auto began = SteadyClock::now();
    { demo::Workload never(*m_db); }  // never started
    {
        demo::Workload workload(*m_db, {.writesPerSecond = 50});
        EXPECT_FALSE(workload.running());
        workload.start();
        EXPECT_TRUE(workload.running());
        for (int i = 0; i < 150 && workload.writes() == 0; ++i) std::this_thread::sleep_for(10ms);
        workload.pause();
        EXPECT_FALSE(workload.running());
        const uint64_t paused = workload.writes();
        EXPECT_GT(paused, 0u);
        std::this_thread::sleep_for(100ms);
        EXPECT_EQ(workload.writes(), paused);
        workload.setRate(0.1);  // the next token is ten seconds away: the destructor must not wait
        EXPECT_EQ(workload.rate(), 0.1);
        workload.start();
        workload.start();  // twice is once
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_LT(SteadyClock::now() - began, 2s);
}

TEST_F(DemoWorkload, RateIsClamped) {
    demo::Workload workload(*m_db, {.writesPerSecond = 0});
    EXPECT_EQ(workload.rate(), demo::Workload::kMinRate);
    workload.setRate(1e9);
    EXPECT_EQ(workload.rate(), demo::Workload::kMaxRate);
}

// On a real clock, as the window runs it. Not a benchmark: it prints the rate it reached.
TEST_F(DemoWorkload, HighRateWritesAndStopsPromptly) {
    open(sim::Clock::Mode::Real);
    demo::Workload workload(*m_db, {.writesPerSecond = demo::Workload::kMaxRate});
    const auto began = SteadyClock::now();
    workload.start();
    // step() takes turns with the running thread.
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(workload.step().ok());
    // Throughput depends on the machine (and the sanitizers): the test waits for a count, with a
    // generous deadline, and only prints the rate. The writer runs at a lower priority (nice).
    const auto deadline = began + 30s;
    while (workload.writes() < 800 && SteadyClock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    const auto pausing = SteadyClock::now();
    workload.pause();
    const uint64_t written = workload.writes();
    const double seconds = std::chrono::duration<double>(pausing - began).count();
    std::cout << "[ workload ] " << written << " writes in " << seconds
              << " s = " << double(written) / seconds << " writes/s\n";
    EXPECT_GE(written, 800u);
    std::this_thread::sleep_for(100ms);  // the action under way when pause() came has ended
    const uint64_t settled = workload.writes();
    EXPECT_LE(settled - written, 3u);
    std::this_thread::sleep_for(100ms);
    EXPECT_EQ(workload.writes(), settled);
    EXPECT_EQ(workload.lastError(), "");
    // Two in three writes go to the task table (the counter table has no stream).
    EXPECT_GT(records(demo::kTaskTable).size(), 400u);
}

// A failing write is reported and the workload goes on with what still works.
TEST_F(DemoWorkload, ErrorsAreReportedAndTheWorkloadKeepsGoing) {
    demo::Workload workload(*m_db, {.writesPerSecond = 2000, .seed = 9});
    runSteps(workload, 5);
    ASSERT_TRUE(m_db->deleteTable(demo::kCountTable).ok());
    workload.start();
    const auto deadline = SteadyClock::now() + 5s;
    while (workload.lastError().empty() && SteadyClock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    EXPECT_NE(workload.lastError(), "");
    const uint64_t before = workload.writes();
    const auto later = SteadyClock::now() + 5s;
    while (workload.writes() == before && SteadyClock::now() < later)
        std::this_thread::sleep_for(10ms);
    EXPECT_GT(workload.writes(), before);  // changes still succeed
    EXPECT_TRUE(workload.running());
}

}  // namespace
}  // namespace shardscope::testing

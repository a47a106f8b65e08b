// SPDX-License-Identifier: MIT
// Changing the TTL deletion lag while a workspace is open (Database::setTtlDeletionLag), on the
// virtual clock: pending deletions are re-timed to their expiry plus the new lag, exactly as a
// write under that lag would have scheduled them, and the setting lives only in the session.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include "sim/scheduler.h"
#include "streamfixture.h"

namespace shardscope::testing {
namespace {

namespace fs = std::filesystem;

constexpr sim::Millis kMinute = 60 * 1000;

class TtlLag : public WireStreams {
protected:
    void TearDown() override {
        // The scheduler's thread calls into the database: stop it before the database goes.
        if (m_scheduler) m_scheduler->stop();
        WireStreams::TearDown();
        m_scheduler.reset();  // after the database, which it must outlive
    }

    // Replaces the fixture's database (Immediate) with one on `clock` (the fixture's by default).
    void open(ttl::DeletionLag lag, uint64_t seed = 0, sim::Clock* clock = nullptr) {
        m_dispatcher.reset();
        m_db.reset();
        table::DatabaseOptions options(":memory:");
        options.clock = clock ? clock : &m_clock;
        options.seed = seed;
        options.ttl.lag = lag;
        auto db = table::Database::open(options);
        ASSERT_TRUE(db.ok()) << db.error().message;
        m_db = std::move(*db);
        m_dispatcher = std::make_unique<wire::Dispatcher>(*m_db);
    }

    json key(const std::string& sk) { return {{"pk", S("p")}, {"sk", S(sk)}}; }
    bool exists(const std::string& sk) {
        return ok("GetItem", {{"TableName", "Forum"}, {"Key", key(sk)}}).contains("Item");
    }
    json putWithExpiry(const std::string& sk, int64_t expiresSeconds) {
        json item = key(sk);
        item["exp"] = N(std::to_string(expiresSeconds));
        putItem(item);
        return item;
    }
    void enableTtl() {
        ok("UpdateTimeToLive",
           {{"TableName", "Forum"},
            {"TimeToLiveSpecification", {{"AttributeName", "exp"}, {"Enabled", true}}}});
    }
    void at(sim::Millis moment) {
        ASSERT_TRUE(m_db->clock().jumpTo(moment));
        ASSERT_TRUE(m_db->runDue().ok());
    }

    std::unique_ptr<sim::Scheduler> m_scheduler;
    // Clocks of further worlds; declared here so they outlive the database (TearDown resets it).
    std::vector<std::unique_ptr<sim::Clock>> m_worldClocks;
};

// Realistic -> Immediate: an item already expired and waiting for its lag is deleted at the very
// next sweep, without the clock moving, as a TTL deletion (REMOVE by the service, §5.1, §6).
TEST_F(TtlLag, SwitchingToImmediateDeletesTheAlreadyExpiredAtTheNextSweep) {
    open(ttl::DeletionLag::Realistic);
    createForum();
    enableTtl();
    const json expired = putWithExpiry("a", kStartSeconds + 1);
    at(kStart + 2000);
    ASSERT_TRUE(exists("a")) << "waiting for its realistic lag (at least five minutes)";
    ASSERT_TRUE(m_db->nextDue().has_value());
    EXPECT_GE(*m_db->nextDue(), (kStartSeconds + 1) * 1000 + 1 + 5 * kMinute);

    ASSERT_TRUE(m_db->setTtlDeletionLag(ttl::DeletionLag::Immediate).ok());
    EXPECT_EQ(m_db->nextDue(), (kStartSeconds + 1) * 1000 + 1) << "re-timed to expiry + 0";
    EXPECT_TRUE(exists("a")) << "the change itself deletes nothing; the sweep does";
    ASSERT_TRUE(m_db->runDue().ok());
    EXPECT_FALSE(exists("a"));

    const json records = readOpenShard(iterator(kForumStreamArn, "TRIM_HORIZON"));
    ASSERT_EQ(records.size(), 2u) << brief(records);
    EXPECT_EQ(records[0]["eventName"], "INSERT");
    const json& removal = records[1];
    EXPECT_EQ(removal["eventName"], "REMOVE");
    EXPECT_EQ(removal["userIdentity"],
              json({{"Type", "Service"}, {"PrincipalId", "dynamodb.amazonaws.com"}}));
    EXPECT_EQ(removal["dynamodb"]["OldImage"], expired);
}

// The window's path: a running scheduler thread (paused virtual clock, so nothing comes due by
// waiting) deletes the waiting item once the lag is switched, with no write in between.
TEST_F(TtlLag, SwitchingToImmediateReachesARunningScheduler) {
    open(ttl::DeletionLag::Realistic);
    m_scheduler = std::make_unique<sim::Scheduler>(m_clock);
    m_db->attachTo(*m_scheduler);
    createForum();
    enableTtl();
    putWithExpiry("a", kStartSeconds + 1);
    ASSERT_TRUE(m_clock.jumpTo(kStart + 2000));
    m_scheduler->start();
    ASSERT_TRUE(exists("a"));
    ASSERT_TRUE(m_db->setTtlDeletionLag(ttl::DeletionLag::Immediate).ok());
    bool gone = false;
    for (int i = 0; i < 500 && !gone; ++i) {
        gone = !exists("a");
        if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(gone);
    EXPECT_EQ(m_clock.now(), kStart + 2000);
}

// Immediate -> Realistic: a pending deletion is postponed by exactly the seeded per-item lag — the
// same deletion moments as a workspace that used Realistic from the start with the same seed.
// And back again (Realistic -> Immediate -> Realistic) lands on the same moments too.
TEST_F(TtlLag, SwitchingToRealisticPostponesByTheSeededLag) {
    constexpr int kItems = 12;
    const int64_t expires = kStartSeconds + 60;
    auto deletionMoments = [&](ttl::DeletionLag openWith, std::vector<ttl::DeletionLag> switches) {
        // Each world starts at kStart on its own clock.
        m_worldClocks.push_back(std::make_unique<sim::Clock>(sim::Clock::Mode::Virtual, kStart));
        sim::Clock& clock = *m_worldClocks.back();
        open(openWith, 7, &clock);
        // No stream: nextDue() is then the TTL schedule alone.
        createTable("Forum", kKeySchema, kKeyDefs);
        enableTtl();
        for (int i = 0; i < kItems; ++i) putWithExpiry(std::to_string(i), expires);
        for (const auto lag : switches) EXPECT_TRUE(m_db->setTtlDeletionLag(lag).ok());
        std::vector<sim::Millis> moments(kItems, -1);
        for (int step = 0; step < 1000; ++step) {
            const auto due = m_db->nextDue();
            if (!due) break;
            at(std::max(*due, clock.now()));
            for (int i = 0; i < kItems; ++i)
                if (moments[size_t(i)] < 0 && !exists(std::to_string(i)))
                    moments[size_t(i)] = clock.now();
        }
        return moments;
    };
    const auto fromTheStart = deletionMoments(ttl::DeletionLag::Realistic, {});
    const auto switched =
        deletionMoments(ttl::DeletionLag::Immediate, {ttl::DeletionLag::Realistic});
    const auto roundTrip = deletionMoments(
        ttl::DeletionLag::Realistic, {ttl::DeletionLag::Immediate, ttl::DeletionLag::Realistic});
    const auto immediate = deletionMoments(ttl::DeletionLag::Immediate, {});
    EXPECT_EQ(switched, fromTheStart);
    EXPECT_EQ(roundTrip, fromTheStart);
    for (int i = 0; i < kItems; ++i) {
        EXPECT_EQ(immediate[size_t(i)], expires * 1000 + 1);
        EXPECT_GE(switched[size_t(i)], expires * 1000 + 1 + 5 * kMinute);
    }
}

// Immediate deletes only what has expired: an item whose value is still ahead is untouched by the
// switch and by the sweep, and goes the millisecond after its value as under Immediate from the
// start.
TEST_F(TtlLag, ImmediateLeavesItemsNotYetExpired) {
    open(ttl::DeletionLag::Realistic);
    createForum();
    enableTtl();
    putWithExpiry("expired", kStartSeconds + 1);
    putWithExpiry("future", kStartSeconds + 3600);
    at(kStart + 2000);
    ASSERT_TRUE(m_db->setTtlDeletionLag(ttl::DeletionLag::Immediate).ok());
    ASSERT_TRUE(m_db->runDue().ok());
    EXPECT_FALSE(exists("expired"));
    EXPECT_TRUE(exists("future"));
    EXPECT_EQ(m_db->nextDue(), (kStartSeconds + 3600) * 1000 + 1);
    at((kStartSeconds + 3600) * 1000);
    EXPECT_TRUE(exists("future")) << "at its value it has not expired yet";
    at((kStartSeconds + 3600) * 1000 + 1);
    EXPECT_FALSE(exists("future"));
}

// A write after the switch is scheduled under the new lag.
TEST_F(TtlLag, WritesAfterTheSwitchUseTheNewLag) {
    open(ttl::DeletionLag::Realistic);
    createForum();
    enableTtl();
    ASSERT_TRUE(m_db->setTtlDeletionLag(ttl::DeletionLag::Immediate).ok());
    putWithExpiry("a", kStartSeconds + 1);
    EXPECT_EQ(m_db->nextDue(), (kStartSeconds + 1) * 1000 + 1);
    at((kStartSeconds + 1) * 1000 + 1);
    EXPECT_FALSE(exists("a"));
}

// ttlDeletionLag() reports the setting: the options' at open, then each change, also with nothing
// pending. It is a session setting: reopening the workspace starts from the options again.
TEST_F(TtlLag, ReportsTheSettingWhichIsNotStoredInTheWorkspace) {
    EXPECT_EQ(m_db->ttlDeletionLag(), ttl::DeletionLag::Immediate) << "the fixture's options";
    open(ttl::DeletionLag::Realistic);
    EXPECT_EQ(m_db->ttlDeletionLag(), ttl::DeletionLag::Realistic);
    ASSERT_TRUE(m_db->setTtlDeletionLag(ttl::DeletionLag::Immediate).ok());
    EXPECT_EQ(m_db->ttlDeletionLag(), ttl::DeletionLag::Immediate);
    ASSERT_TRUE(m_db->setTtlDeletionLag(ttl::DeletionLag::Immediate).ok()) << "no change is fine";
    EXPECT_EQ(m_db->ttlDeletionLag(), ttl::DeletionLag::Immediate);
    ASSERT_TRUE(m_db->setTtlDeletionLag(ttl::DeletionLag::Realistic).ok());
    EXPECT_EQ(m_db->ttlDeletionLag(), ttl::DeletionLag::Realistic);

    const fs::path dir =
        fs::temp_directory_path() / ("shardscope-ttl-lag-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "work.db").string();
    auto reopen = [&](ttl::DeletionLag lag) {
        m_dispatcher.reset();
        m_db.reset();
        table::DatabaseOptions options(path);
        options.clock = &m_clock;
        options.ttl.lag = lag;
        auto db = table::Database::open(options);
        EXPECT_TRUE(db.ok()) << db.error().message;
        if (db.ok()) m_db = std::move(*db);
    };
    reopen(ttl::DeletionLag::Realistic);
    ASSERT_TRUE(m_db);
    ASSERT_TRUE(m_db->setTtlDeletionLag(ttl::DeletionLag::Immediate).ok());
    reopen(ttl::DeletionLag::Realistic);
    ASSERT_TRUE(m_db);
    EXPECT_EQ(m_db->ttlDeletionLag(), ttl::DeletionLag::Realistic);
    m_db.reset();
    fs::remove_all(dir);
}

}  // namespace
}  // namespace shardscope::testing

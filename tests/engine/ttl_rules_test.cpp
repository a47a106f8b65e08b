// SPDX-License-Identifier: MIT
// Time to Live on the virtual clock, to the millisecond (reference §6): when an item counts as
// expired, which values never expire, items written before TTL was enabled, the deletion lag
// models, and that an expired item stays readable and writable until it is swept.
#include <set>

#include "streamfixture.h"

namespace shardscope::testing {
namespace {

constexpr sim::Millis kMinute = 60 * 1000;

class TtlRules : public WireStreams {
protected:
    json S(const std::string& s) { return {{"S", s}}; }
    json N(const std::string& n) { return {{"N", n}}; }
    json key(const std::string& sk) { return {{"pk", S("p")}, {"sk", S(sk)}}; }

    bool exists(const std::string& sk) {
        return ok("GetItem", {{"TableName", "Forum"}, {"Key", key(sk)}}).contains("Item");
    }
    void putWithExpiry(const std::string& sk, const json& expires) {
        json item = key(sk);
        item["exp"] = expires;
        putItem(item);
    }
    void enableTtl() {
        ok("UpdateTimeToLive",
           {{"TableName", "Forum"},
            {"TimeToLiveSpecification", {{"AttributeName", "exp"}, {"Enabled", true}}}});
    }
    void at(sim::Millis moment) {
        ASSERT_TRUE(m_clock.jumpTo(moment));
        ASSERT_TRUE(m_db->runDue().ok());
    }
};

// §6: an item expires when now > its TTL value in epoch seconds — not at the value itself.
TEST_F(TtlRules, ExpiresTheMillisecondAfterItsValue) {
    createForum();
    enableTtl();
    const int64_t expiresAt = kStartSeconds + 60;
    putWithExpiry("a", N(std::to_string(expiresAt)));
    at(expiresAt * 1000);
    EXPECT_TRUE(exists("a")) << "at the value itself it has not expired yet";
    at(expiresAt * 1000 + 1);
    EXPECT_FALSE(exists("a"));
}

// §6: decimals and exponent forms are epoch seconds too.
TEST_F(TtlRules, DecimalAndExponentValues) {
    createForum();
    enableTtl();
    putWithExpiry("decimal", N(std::to_string(kStartSeconds + 10) + ".5"));
    putWithExpiry("exponent", N("1594936830e0"));  // kStartSeconds + 14
    at((kStartSeconds + 10) * 1000 + 500);
    EXPECT_TRUE(exists("decimal"));
    at((kStartSeconds + 10) * 1000 + 501);
    EXPECT_FALSE(exists("decimal"));
    EXPECT_TRUE(exists("exponent"));
    at((kStartSeconds + 14) * 1000 + 1);
    EXPECT_FALSE(exists("exponent"));
}

// §6: strings, missing attributes, nested values and values more than 5 years old never expire.
TEST_F(TtlRules, WhatNeverExpires) {
    createForum();
    enableTtl();
    putWithExpiry("string", S(std::to_string(kStartSeconds - 10)));
    putItem(key("missing"));
    json nested = key("nested");
    nested["meta"] = {{"M", {{"exp", N(std::to_string(kStartSeconds - 10))}}}};
    putItem(nested);
    const int64_t sixYearsAgo = kStartSeconds - int64_t(6) * 365 * 24 * 3600;
    putWithExpiry("ancient", N(std::to_string(sixYearsAgo)));
    putWithExpiry("milliseconds", N(std::to_string(kStart + 1000)));  // far in the future
    putWithExpiry("recent", N(std::to_string(kStartSeconds - 10)));
    at(kStart + kMinute);
    for (const char* sk : {"string", "missing", "nested", "ancient", "milliseconds"})
        EXPECT_TRUE(exists(sk)) << sk;
    EXPECT_FALSE(exists("recent"));
}

// §6: items written before TTL was enabled are swept too; disabling stops the deletions.
TEST_F(TtlRules, EnableSweepsOldItemsAndDisableStops) {
    createForum();
    putWithExpiry("before", N(std::to_string(kStartSeconds + 5)));
    putWithExpiry("later", N(std::to_string(kStartSeconds + 2 * 3600 + 60)));
    at(kStart + 10 * 1000);
    EXPECT_TRUE(exists("before")) << "TTL is not on yet";
    enableTtl();
    at(kStart + 11 * 1000);
    EXPECT_FALSE(exists("before"));
    at(kStart + 2 * 3600 * 1000);  // past the one-hour change window
    ok("UpdateTimeToLive",
       {{"TableName", "Forum"},
        {"TimeToLiveSpecification", {{"AttributeName", "exp"}, {"Enabled", false}}}});
    at(kStart + 3 * 3600 * 1000);
    EXPECT_TRUE(exists("later")) << "TTL was disabled before it expired";
}

// §6: until it is swept an expired item is read and can be updated; extending its TTL saves it.
TEST_F(TtlRules, ExtendingTheValueBeforeTheSweepSavesTheItem) {
    table::DatabaseOptions options(":memory:");
    options.clock = &m_clock;
    options.ttl.lag = ttl::DeletionLag::Realistic;  // at least five minutes after expiry
    auto db = table::Database::open(options);
    ASSERT_TRUE(db.ok());
    m_dispatcher = std::make_unique<wire::Dispatcher>(**db);
    m_db = std::move(*db);
    createForum();
    enableTtl();
    putWithExpiry("a", N(std::to_string(kStartSeconds + 1)));
    at(kStart + 2 * 1000);
    EXPECT_TRUE(exists("a")) << "expired but not yet swept: still readable";
    putWithExpiry("a", N(std::to_string(kStartSeconds + 24 * 3600)));
    at(kStart + 3 * 3600 * 1000);
    EXPECT_TRUE(exists("a"));
}

// The realistic lag: at least five minutes, at most two days, seeded per item so a scenario
// replays exactly, and different from item to item.
TEST_F(TtlRules, RealisticLagIsBoundedSeededAndVaried) {
    auto deletionMoments = [&](uint64_t seed) {
        sim::Clock clock(sim::Clock::Mode::Virtual, kStart);
        table::DatabaseOptions options(":memory:");
        options.clock = &clock;
        options.seed = seed;
        auto db = table::Database::open(options);
        wire::Dispatcher dispatcher(**db);
        auto call = [&](const std::string& op, const json& body) {
            return json::parse(dispatcher.handle("DynamoDB_20120810." + op, body.dump(), "").body);
        };
        call("CreateTable", {{"TableName", "Forum"},
                             {"KeySchema", kKeySchema},
                             {"AttributeDefinitions", kKeyDefs},
                             {"BillingMode", "PAY_PER_REQUEST"}});
        call("UpdateTimeToLive",
             {{"TableName", "Forum"},
              {"TimeToLiveSpecification", {{"AttributeName", "exp"}, {"Enabled", true}}}});
        for (int i = 0; i < 20; ++i)
            call("PutItem", {{"TableName", "Forum"},
                             {"Item",
                              {{"pk", {{"S", "p"}}},
                               {"sk", {{"S", std::to_string(i)}}},
                               {"exp", {{"N", std::to_string(kStartSeconds)}}}}}});
        std::vector<sim::Millis> moments(20, -1);
        for (int step = 0; step < 10000; ++step) {
            const auto due = (*db)->nextDue();
            if (!due) break;
            clock.jumpTo(std::max(*due, clock.now()));
            EXPECT_TRUE((*db)->runDue().ok());
            for (int i = 0; i < 20; ++i) {
                if (moments[size_t(i)] >= 0) continue;
                const json got =
                    call("GetItem",
                         {{"TableName", "Forum"},
                          {"Key", {{"pk", {{"S", "p"}}}, {"sk", {{"S", std::to_string(i)}}}}}});
                if (!got.contains("Item")) moments[size_t(i)] = clock.now();
            }
        }
        return moments;
    };
    const auto first = deletionMoments(7);
    EXPECT_EQ(first, deletionMoments(7));
    EXPECT_NE(first, deletionMoments(8));
    std::set<sim::Millis> distinct(first.begin(), first.end());
    EXPECT_GT(distinct.size(), 15u);
    for (const sim::Millis m : first) {
        EXPECT_GE(m, kStartSeconds * 1000 + 5 * kMinute);
        EXPECT_LE(m, kStartSeconds * 1000 + 48 * 60 * kMinute + 5 * kMinute + 1);
    }
}

}  // namespace
}  // namespace shardscope::testing

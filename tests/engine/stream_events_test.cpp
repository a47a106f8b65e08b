// SPDX-License-Identifier: MIT
// What table::Database::subscribe() publishes (engine/stream/events.h) on a virtual clock: one
// ItemWritten and one RecordAppended per write that really changed an item and nothing for one
// that did not, shard rollover as ShardClosed + ShardOpened, trims, TTL deletions, events only
// after their commit, and a subscriber that never drains losing the oldest events without ever
// holding a write back. Each test names the rule it checks.
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "streamfixture.h"

namespace shardscope::testing {
namespace {

constexpr sim::Millis kHour = 3600 * 1000;

using model::AttributeValue;
using stream::Event;

std::vector<Event> drainAll(stream::Subscription& subscription) {
    std::vector<Event> events;
    subscription.drain(events);
    return events;
}

std::string text(stream::EventName name) {
    return std::string(stream::eventNameText(name));
}

// One line per event, so a failing comparison reads like a diff.
struct Describe {
    std::string operator()(const stream::ItemWritten& e) const {
        return "ItemWritten " + e.tableName + " " + text(e.change) + (e.byTimeToLive ? " ttl" : "");
    }
    std::string operator()(const stream::RecordAppended& e) const {
        return "RecordAppended " + text(e.eventName) + (e.byTimeToLive ? " ttl" : "");
    }
    std::string operator()(const stream::ShardOpened& e) const {
        return std::string("ShardOpened") + (e.parentShardId.empty() ? "" : " child");
    }
    std::string operator()(const stream::ShardClosed& e) const {
        return std::string("ShardClosed") + (e.split ? " split" : "");
    }
    std::string operator()(const stream::RecordsTrimmed& e) const {
        return "RecordsTrimmed " + std::to_string(e.count);
    }
    std::string operator()(const stream::TtlDeletion& e) const {
        return "TtlDeletion " + e.tableName;
    }
    std::string operator()(const stream::ClockTick&) const { return "ClockTick"; }
};

std::vector<std::string> describe(const std::vector<Event>& events) {
    std::vector<std::string> lines;
    for (const auto& e : events) lines.push_back(std::visit(Describe{}, e));
    return lines;
}

template <class T>
std::vector<T> only(const std::vector<Event>& events) {
    std::vector<T> out;
    for (const auto& e : events)
        if (const T* t = std::get_if<T>(&e)) out.push_back(*t);
    return out;
}

model::Item keys(const std::string& pk, const std::string& sk) {
    return {{"pk", AttributeValue::string(pk)}, {"sk", AttributeValue::string(sk)}};
}

using Lines = std::vector<std::string>;

class StreamEvents : public WireStreams {
protected:
    // Replaces the fixture's database with one opened with `options` (on the same clock).
    void reopen(table::DatabaseOptions options) {
        m_dispatcher.reset();
        m_db.reset();
        options.clock = &m_clock;
        auto db = table::Database::open(options);
        ASSERT_TRUE(db.ok()) << db.error().message;
        m_db = std::move(*db);
        m_dispatcher = std::make_unique<wire::Dispatcher>(*m_db);
    }

    std::string streamArn() {
        return ok("DescribeTable", {{"TableName", "Forum"}})["Table"]["LatestStreamArn"];
    }

    json item(const std::string& pk, const std::string& sk, const std::string& data) {
        return {{"pk", S(pk)}, {"sk", S(sk)}, {"data", S(data)}};
    }

    void advance(sim::Millis ms) {
        ASSERT_TRUE(m_clock.jumpTo(m_clock.now() + ms));
        ASSERT_TRUE(m_db->runDue().ok());
    }
};

// A write that changes an item publishes ItemWritten, then RecordAppended, after it commits; a
// write that changes nothing (an identical put, a same-value update, deleting a missing item) or
// fails (a condition that does not hold) publishes nothing.
TEST_F(StreamEvents, OneItemWrittenAndOneRecordAppendedPerRealWrite) {
    createForum();
    const std::string arn = streamArn();
    auto events = m_db->subscribe();
    ASSERT_EQ(drainAll(*events).size(), 0u) << "a new subscriber sees nothing from before";

    putItem(item("a", "1", "x"));  // INSERT
    const std::vector<Event> insert = drainAll(*events);
    ASSERT_EQ(describe(insert), (Lines{"ItemWritten Forum INSERT", "RecordAppended INSERT"}));
    const auto written = std::get<stream::ItemWritten>(insert[0]);
    EXPECT_EQ(written.keys, keys("a", "1")) << "only the key attributes";
    EXPECT_EQ(written.at, kStart);
    const auto appended = std::get<stream::RecordAppended>(insert[1]);
    EXPECT_EQ(appended.streamArn, arn);
    EXPECT_EQ(appended.keys, keys("a", "1"));
    EXPECT_EQ(appended.at, kStart);
    EXPECT_GT(appended.sizeBytes, 0);
    EXPECT_TRUE(isSequenceNumber(appended.sequenceNumber)) << appended.sequenceNumber;

    putItem(item("a", "1", "x"));  // identical: no change
    ok("UpdateItem", {{"TableName", "Forum"},
                      {"Key", {{"pk", S("a")}, {"sk", S("1")}}},
                      {"UpdateExpression", "SET #d = :v"},
                      {"ExpressionAttributeNames", {{"#d", "data"}}},
                      {"ExpressionAttributeValues", {{":v", S("x")}}}});  // same value
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("nobody")}, {"sk", S("1")}}}});
    fails("PutItem",
          {{"TableName", "Forum"},
           {"Item", item("a", "1", "changed")},
           {"ConditionExpression", "attribute_not_exists(pk)"}},
          "ConditionalCheckFailedException");
    fails("UpdateItem",
          {{"TableName", "Forum"},
           {"Key", {{"pk", S("a")}, {"sk", S("1")}}},
           {"UpdateExpression", "SET #d = :v"},
           {"ConditionExpression", "#d = :old"},
           {"ExpressionAttributeNames", {{"#d", "data"}}},
           {"ExpressionAttributeValues", {{":v", S("y")}, {":old", S("not x")}}}},
          "ConditionalCheckFailedException");
    fails("TransactWriteItems",
          {{"TransactItems",
            json::array({{{"Put", {{"TableName", "Forum"}, {"Item", item("t", "1", "new")}}}},
                         {{"ConditionCheck",
                           {{"TableName", "Forum"},
                            {"Key", {{"pk", S("a")}, {"sk", S("1")}}},
                            {"ConditionExpression", "attribute_not_exists(pk)"}}}}})}},
          "TransactionCanceledException");
    EXPECT_EQ(describe(drainAll(*events)), Lines{}) << "no-op and failed writes publish nothing";

    putItem(item("a", "1", "y"));  // MODIFY
    ok("DeleteItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("a")}, {"sk", S("1")}}}});
    ok("BatchWriteItem",
       {{"RequestItems",
         {{"Forum", json::array({{{"PutRequest", {{"Item", item("b", "1", "x")}}}},
                                 {{"PutRequest", {{"Item", item("b", "2", "x")}}}}})}}}});
    const std::vector<Event> more = drainAll(*events);
    EXPECT_EQ(describe(more), (Lines{"ItemWritten Forum MODIFY", "RecordAppended MODIFY",
                                     "ItemWritten Forum REMOVE", "RecordAppended REMOVE",
                                     "ItemWritten Forum INSERT", "RecordAppended INSERT",
                                     "ItemWritten Forum INSERT", "RecordAppended INSERT"}));

    // RecordAppended names the very records a reader gets, in order.
    std::vector<stream::RecordAppended> records = {appended};
    for (const auto& r : only<stream::RecordAppended>(more)) records.push_back(r);
    const json read = readOpenShard(iterator(arn, "TRIM_HORIZON"));
    ASSERT_EQ(read.size(), records.size()) << brief(read);
    const std::string shard = onlyShard(arn);
    for (size_t i = 0; i < records.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_EQ(records[i].sequenceNumber, read[i]["dynamodb"]["SequenceNumber"]);
        EXPECT_EQ(text(records[i].eventName), read[i]["eventName"]);
        EXPECT_EQ(records[i].shardId, shard);
        EXPECT_EQ(records[i].sizeBytes, read[i]["dynamodb"]["SizeBytes"]);
        if (i > 0) {
            EXPECT_TRUE(sequenceLess(records[i - 1].sequenceNumber, records[i].sequenceNumber));
        }
    }
}

// A table without a stream still publishes ItemWritten (the window draws the table), but no
// RecordAppended.
TEST_F(StreamEvents, TableWithoutAStreamPublishesOnlyItemWritten) {
    createTable("Plain", kKeySchema, kKeyDefs);
    auto events = m_db->subscribe();
    ok("PutItem", {{"TableName", "Plain"}, {"Item", item("a", "1", "x")}});
    ok("PutItem", {{"TableName", "Plain"}, {"Item", item("a", "1", "x")}});
    ok("DeleteItem", {{"TableName", "Plain"}, {"Key", {{"pk", S("a")}, {"sk", S("1")}}}});
    EXPECT_EQ(describe(drainAll(*events)),
              (Lines{"ItemWritten Plain INSERT", "ItemWritten Plain REMOVE"}));
}

// Enabling a stream opens its first shard (no parent), published after the commit.
TEST_F(StreamEvents, NewStreamPublishesShardOpened) {
    auto events = m_db->subscribe();
    createForum();
    const std::string arn = streamArn();
    const std::vector<Event> got = drainAll(*events);
    ASSERT_EQ(describe(got), Lines{"ShardOpened"});
    const auto opened = std::get<stream::ShardOpened>(got[0]);
    EXPECT_EQ(opened.streamArn, arn);
    EXPECT_EQ(opened.shardId, onlyShard(arn));
    EXPECT_TRUE(isSequenceNumber(opened.startingSequenceNumber));
    EXPECT_EQ(opened.at, kStart);
}

// §5.4: when a shard's 4-hour period ends, runDue closes it (ShardClosed, not a split) and opens
// its child (ShardOpened with the parent's id), both at the moment of the rollover.
TEST_F(StreamEvents, RolloverPublishesShardClosedThenShardOpened) {
    createForum();
    const std::string arn = streamArn();
    const std::string first = onlyShard(arn);
    putItem(item("a", "1", "x"));
    auto events = m_db->subscribe();
    advance(4 * kHour - 1);
    EXPECT_EQ(describe(drainAll(*events)), Lines{}) << "one millisecond before the period ends";
    advance(1);
    const std::vector<Event> got = drainAll(*events);
    ASSERT_EQ(describe(got), (Lines{"ShardClosed", "ShardOpened child"}));
    const auto closed = std::get<stream::ShardClosed>(got[0]);
    const auto opened = std::get<stream::ShardOpened>(got[1]);
    EXPECT_EQ(closed.streamArn, arn);
    EXPECT_EQ(closed.shardId, first);
    EXPECT_FALSE(closed.split);
    EXPECT_EQ(closed.at, kStart + 4 * kHour);
    EXPECT_EQ(opened.streamArn, arn);
    EXPECT_EQ(opened.parentShardId, first);
    EXPECT_NE(opened.shardId, first);
    EXPECT_EQ(opened.at, kStart + 4 * kHour);
    EXPECT_TRUE(sequenceLess(closed.endingSequenceNumber, opened.startingSequenceNumber));

    // They agree with DescribeStream.
    const json shards =
        streamsOk("DescribeStream", {{"StreamArn", arn}})["StreamDescription"]["Shards"];
    ASSERT_EQ(shards.size(), 2u);
    EXPECT_EQ(shards[0]["SequenceNumberRange"]["EndingSequenceNumber"],
              closed.endingSequenceNumber);
    EXPECT_EQ(shards[1]["ShardId"], opened.shardId);
    EXPECT_EQ(shards[1]["SequenceNumberRange"]["StartingSequenceNumber"],
              opened.startingSequenceNumber);

    // The next write's record lands in the child.
    putItem(item("a", "2", "x"));
    const auto records = only<stream::RecordAppended>(drainAll(*events));
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].shardId, opened.shardId);
}

// §5.6: records older than 24 hours are trimmed, and the trim is published with its count.
TEST_F(StreamEvents, TrimPublishesRecordsTrimmedWithTheCount) {
    createForum();
    const std::string arn = streamArn();
    const std::string first = onlyShard(arn);
    putItem(item("a", "1", "x"));
    putItem(item("a", "2", "x"));
    auto events = m_db->subscribe();
    for (int i = 0; i < 6; ++i) advance(4 * kHour);  // 24 h: six rollovers, nothing trimmed yet
    EXPECT_EQ(only<stream::RecordsTrimmed>(drainAll(*events)).size(), 0u);
    advance(1);
    const auto trimmed = only<stream::RecordsTrimmed>(drainAll(*events));
    ASSERT_EQ(trimmed.size(), 1u);
    EXPECT_EQ(trimmed[0].streamArn, arn);
    EXPECT_EQ(trimmed[0].shardId, first);
    EXPECT_EQ(trimmed[0].count, 2);
    EXPECT_EQ(trimmed[0].at, kStart + 24 * kHour + 1);
}

// §6: with TTL on and deletion lag Immediate, an expired item is deleted by runDue once its moment
// has come: ItemWritten and RecordAppended REMOVE marked as by TTL, then TtlDeletion with the
// expiry moment.
TEST_F(StreamEvents, ExpiryPublishesTtlDeletion) {
    createForum();
    ok("UpdateTimeToLive",
       {{"TableName", "Forum"},
        {"TimeToLiveSpecification", {{"AttributeName", "exp"}, {"Enabled", true}}}});
    auto events = m_db->subscribe();
    putItem({{"pk", S("a")}, {"sk", S("old")}, {"exp", N(std::to_string(kStartSeconds - 10))}});
    putItem({{"pk", S("a")}, {"sk", S("new")}, {"exp", N(std::to_string(kStartSeconds + 60))}});
    EXPECT_EQ(describe(drainAll(*events)),
              (Lines{"ItemWritten Forum INSERT", "RecordAppended INSERT",
                     "ItemWritten Forum INSERT", "RecordAppended INSERT"}));

    advance(2000);
    std::vector<Event> got = drainAll(*events);
    ASSERT_EQ(describe(got), (Lines{"ItemWritten Forum REMOVE ttl", "RecordAppended REMOVE ttl",
                                    "TtlDeletion Forum"}));
    const auto deletion = std::get<stream::TtlDeletion>(got[2]);
    EXPECT_EQ(deletion.keys, keys("a", "old"));
    EXPECT_EQ(deletion.expiredAt, (kStartSeconds - 10) * 1000);
    EXPECT_EQ(deletion.at, kStart + 2000);
    EXPECT_EQ(std::get<stream::ItemWritten>(got[0]).keys, keys("a", "old"));
    EXPECT_FALSE(
        ok("GetItem", {{"TableName", "Forum"}, {"Key", {{"pk", S("a")}, {"sk", S("old")}}}})
            .contains("Item"));

    // The other item goes when its own moment comes, not before.
    advance(30 * 1000);
    EXPECT_EQ(describe(drainAll(*events)), Lines{});
    advance(60 * 1000);
    got = drainAll(*events);
    ASSERT_EQ(only<stream::TtlDeletion>(got).size(), 1u) << ::testing::PrintToString(describe(got));
    EXPECT_EQ(only<stream::TtlDeletion>(got)[0].keys, keys("a", "new"));
    EXPECT_EQ(only<stream::TtlDeletion>(got)[0].expiredAt, (kStartSeconds + 60) * 1000);
}

// Events are published after the commit: with deferred commits a write's events wait for
// flush(), and a write that fails in the same batch takes only its own events with it.
TEST_F(StreamEvents, EventsArePublishedOnlyAfterTheCommit) {
    table::DatabaseOptions options(":memory:");
    options.deferCommits = true;
    reopen(options);
    createForum();
    auto events = m_db->subscribe();
    putItem(item("a", "1", "x"));
    fails("PutItem",
          {{"TableName", "Forum"},
           {"Item", item("a", "1", "y")},
           {"ConditionExpression", "attribute_not_exists(pk)"}},
          "ConditionalCheckFailedException");
    putItem(item("a", "2", "x"));
    EXPECT_EQ(describe(drainAll(*events)), Lines{}) << "applied but not committed yet";
    ASSERT_TRUE(m_db->flush().ok());
    EXPECT_EQ(describe(drainAll(*events)),
              (Lines{"ItemWritten Forum INSERT", "RecordAppended INSERT",
                     "ItemWritten Forum INSERT", "RecordAppended INSERT"}));
    ASSERT_TRUE(m_db->flush().ok());
    EXPECT_EQ(describe(drainAll(*events)), Lines{}) << "a second flush publishes nothing again";
}

// Publishing never waits for a subscriber: one of capacity 10 that never drains does not hold
// writes back; it keeps the newest 10 events, reports the rest through takeDropped() (once), and
// other subscribers get everything.
TEST_F(StreamEvents, AStalledSubscriberDropsTheOldestAndNeverBlocksWrites) {
    createForum();
    auto stalled = m_db->subscribe(10);
    auto complete = m_db->subscribe();
    constexpr int kWrites = 200;
    for (int i = 0; i < kWrites; ++i) {
        const Answer a = call(
            "PutItem", {{"TableName", "Forum"}, {"Item", item("k" + std::to_string(i), "s", "x")}});
        ASSERT_EQ(a.status, 200) << "write " << i << ": " << brief(a.body);
    }
    EXPECT_EQ(drainAll(*complete).size(), size_t(2 * kWrites));
    EXPECT_EQ(complete->takeDropped(), 0u);

    EXPECT_EQ(stalled->takeDropped(), uint64_t(2 * kWrites - 10));
    EXPECT_EQ(stalled->takeDropped(), 0u) << "the count is taken once";
    std::vector<Event> kept;
    EXPECT_EQ(stalled->drain(kept, 4), 4u) << "drain honours max";
    EXPECT_EQ(stalled->drain(kept), 6u);
    ASSERT_EQ(kept.size(), 10u);
    const auto written = only<stream::ItemWritten>(kept);
    ASSERT_EQ(written.size(), 5u);
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(written[size_t(i)].keys, keys("k" + std::to_string(kWrites - 5 + i), "s"))
            << "the newest events are the ones kept";
    EXPECT_EQ(stalled->drain(kept), 0u);

    // A subscriber that goes away is forgotten; the others carry on.
    stalled.reset();
    putItem(item("after", "s", "x"));
    EXPECT_EQ(drainAll(*complete).size(), 2u);
}

}  // namespace
}  // namespace shardscope::testing

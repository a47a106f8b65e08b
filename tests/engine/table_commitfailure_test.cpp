// SPDX-License-Identifier: MIT
// Writes whose transaction does not commit: what a failed COMMIT, or SQLite rolling back the
// whole transaction under one write, leaves acknowledged (design: "Group commit").
#include <sqlite3.h>

#include <atomic>
#include <string_view>

#include "sim/clock.h"
#include "wirefixture.h"

namespace shardscope::testing {
namespace {

// The workspace's connection, caught as SQLite opens it, so a test can make its commits or
// statements fail the way a full disk or an I/O error would.
std::atomic<bool> g_catching{false};
sqlite3* g_caught = nullptr;
std::atomic<bool> g_failCommits{false};
std::atomic<bool> g_interruptNextWrite{false};
const char* g_interruptedSql = "";  // only a statement beginning so is interrupted

int catchConnection(sqlite3* db, const char**, const struct sqlite3_api_routines*) {
    if (g_catching.exchange(false)) g_caught = db;
    return SQLITE_OK;
}

int failCommit(void*) {
    return g_failCommits ? 1 : 0;
}

// Interrupts the first statement that changes the database once armed: SQLite then rolls back
// the whole open transaction, not just that statement.
int interruptWrite(void*) {
    if (!g_interruptNextWrite) return 0;
    for (sqlite3_stmt* s = sqlite3_next_stmt(g_caught, nullptr); s;
         s = sqlite3_next_stmt(g_caught, s)) {
        if (sqlite3_stmt_busy(s) && !sqlite3_stmt_readonly(s) &&
            std::string_view(sqlite3_sql(s)).starts_with(g_interruptedSql)) {
            g_interruptNextWrite = false;
            return 1;
        }
    }
    return 0;
}

class CommitFailures : public WireTest {
protected:
    void SetUp() override {
        sqlite3_auto_extension(reinterpret_cast<void (*)()>(catchConnection));
        g_caught = nullptr;
        g_catching = true;
        table::DatabaseOptions options(":memory:");
        options.deferCommits = true;  // the endpoint's mode: writes, then one flush
        options.clock = &m_clock;
        auto db = table::Database::open(options);
        sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(catchConnection));
        ASSERT_TRUE(db.ok()) << db.error().message;
        ASSERT_NE(g_caught, nullptr);
        m_db = std::move(*db);
        m_dispatcher = std::make_unique<wire::Dispatcher>(*m_db);
        sqlite3_commit_hook(g_caught, failCommit, nullptr);
        sqlite3_progress_handler(g_caught, 1, interruptWrite, nullptr);
        createKeyed("Tasks");
        ASSERT_TRUE(m_db->flush().ok());
    }
    void TearDown() override {
        g_failCommits = false;
        g_interruptNextWrite = false;
        g_interruptedSql = "";
        m_dispatcher.reset();
        m_db.reset();
    }
    static json key(const std::string& pk) { return {{"pk", S(pk)}, {"sk", S("1")}}; }
    int64_t storedRecords() {
        sqlite3_stmt* count = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(g_caught, "SELECT count(*) FROM records", -1, &count, nullptr),
                  SQLITE_OK);
        EXPECT_EQ(sqlite3_step(count), SQLITE_ROW);
        const int64_t n = sqlite3_column_int64(count, 0);
        sqlite3_finalize(count);
        return n;
    }
    int putInFeed(const char* pk) {
        return call("PutItem", {{"TableName", "Feed"}, {"Item", {{"pk", S(pk)}}}}).status;
    }

    static constexpr sim::Millis kHour = 3600 * 1000;
    sim::Clock m_clock{sim::Clock::Mode::Virtual, 1594936816952};
    bool stored(const std::string& pk) {
        return ok("GetItem", {{"TableName", "Tasks"}, {"Key", key(pk)}}).contains("Item");
    }
};

// Rule: a ClientRequestToken is taken only by a transaction that commits; a retry after a
// failed commit is written, not answered as a replay of a write that never happened.
TEST_F(CommitFailures, RetryAfterAFailedCommitWritesTheTransaction) {
    const json request = {
        {"ClientRequestToken", "retry-1"},
        {"TransactItems", json::array({{{"Put", {{"TableName", "Tasks"}, {"Item", key("a")}}}}})}};
    ok("TransactWriteItems", request);
    g_failCommits = true;
    EXPECT_FALSE(m_db->flush().ok());
    g_failCommits = false;
    EXPECT_FALSE(stored("a"));

    ok("TransactWriteItems", request);
    ASSERT_TRUE(m_db->flush().ok());
    EXPECT_TRUE(stored("a"));
}

// Rule: when SQLite rolls back the whole transaction under one write, no later write of the
// batch commits on its own while the batch is reported failed: a failed flush means none of
// its writes is in the workspace.
TEST_F(CommitFailures, AWholeTransactionRollbackFailsTheBatchAndCommitsNothingOfIt) {
    ok("PutItem", {{"TableName", "Tasks"}, {"Item", key("before")}});
    g_interruptNextWrite = true;
    call("PutItem", {{"TableName", "Tasks"}, {"Item", key("interrupted")}});
    EXPECT_FALSE(g_interruptNextWrite);  // the interruption happened
    call("PutItem", {{"TableName", "Tasks"}, {"Item", key("after")}});
    EXPECT_FALSE(m_db->flush().ok());
    EXPECT_FALSE(stored("before"));
    EXPECT_FALSE(stored("interrupted"));
    EXPECT_FALSE(stored("after"));

    // The workspace then takes writes as before.
    ok("PutItem", {{"TableName", "Tasks"}, {"Item", key("later")}});
    ASSERT_TRUE(m_db->flush().ok());
    EXPECT_TRUE(stored("later"));
    const json count = ok("DescribeTable", {{"TableName", "Tasks"}});
    EXPECT_EQ(count["Table"]["ItemCount"], 1);
}

// Rule (§5.2): a stream holds a record for each change that committed, and none for a change
// that did not. Records are found through an index kept in memory beside the table; a batch lost
// after some of its records were indexed must leave no trace there either, or the next records
// (which take the lost rows' places) would be read twice or under another key.
TEST_F(CommitFailures, AStreamKeepsNoRecordOfAWriteThatDidNotCommit) {
    createStreamed("Feed", "NEW_IMAGE");
    ASSERT_EQ(putInFeed("kept"), 200);
    ASSERT_TRUE(m_db->flush().ok());

    ASSERT_EQ(putInFeed("lost-1"), 200);  // its record is indexed, then the batch is lost
    g_interruptedSql = "INSERT INTO records";
    g_interruptNextWrite = true;
    EXPECT_NE(putInFeed("lost-2"), 200);
    EXPECT_FALSE(g_interruptNextWrite);
    EXPECT_FALSE(m_db->flush().ok());
    ASSERT_EQ(putInFeed("later"), 200);
    ASSERT_TRUE(m_db->flush().ok());

    ASSERT_EQ(putInFeed("lost-3"), 200);
    g_failCommits = true;
    EXPECT_FALSE(m_db->flush().ok());
    g_failCommits = false;
    ASSERT_EQ(putInFeed("last"), 200);
    ASSERT_TRUE(m_db->flush().ok());

    const json records = latestStreamRecords("Feed");
    std::vector<std::string> keys;
    for (const json& r : records) keys.push_back(r["dynamodb"]["Keys"]["pk"]["S"]);
    EXPECT_EQ(keys, (std::vector<std::string>{"kept", "later", "last"}));
    ASSERT_EQ(records.size(), 3u);
    EXPECT_LT(records[0]["dynamodb"]["SequenceNumber"].get<std::string>(),
              records[1]["dynamodb"]["SequenceNumber"].get<std::string>());
    EXPECT_LT(records[1]["dynamodb"]["SequenceNumber"].get<std::string>(),
              records[2]["dynamodb"]["SequenceNumber"].get<std::string>());
    EXPECT_EQ(records[2]["dynamodb"]["NewImage"]["pk"], S("last"));
    EXPECT_EQ(storedRecords(), 3);
}

// Rule (§5.7): records older than 24 hours are trimmed. A trim whose transaction is lost leaves
// the records it took in the index, so the next trim deletes them instead of leaving their rows
// in the workspace for good.
TEST_F(CommitFailures, ATrimThatDidNotCommitIsDoneByTheNext) {
    createStreamed("Feed", "NEW_IMAGE");
    ASSERT_EQ(putInFeed("old"), 200);
    ASSERT_TRUE(m_db->flush().ok());
    ASSERT_TRUE(m_clock.jumpTo(m_clock.now() + kHour));
    ASSERT_EQ(putInFeed("new"), 200);
    ASSERT_TRUE(m_db->flush().ok());
    ASSERT_EQ(storedRecords(), 2);

    ASSERT_TRUE(m_clock.jumpTo(m_clock.now() + 23 * kHour + kHour / 2));  // "old" is 24.5 h old
    g_interruptedSql = "UPDATE shards SET trimmed_seq";  // after the records were deleted
    g_interruptNextWrite = true;
    EXPECT_FALSE(m_db->runDue().ok());
    EXPECT_FALSE(g_interruptNextWrite);
    EXPECT_EQ(storedRecords(), 2);
    EXPECT_FALSE(m_db->flush().ok());  // the lost transaction is reported once, as for writes

    ASSERT_TRUE(m_db->runDue().ok());
    EXPECT_EQ(storedRecords(), 1);
    const json records = latestStreamRecords("Feed");
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0]["dynamodb"]["Keys"]["pk"], S("new"));
}

}  // namespace
}  // namespace shardscope::testing

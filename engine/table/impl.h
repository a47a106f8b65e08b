// SPDX-License-Identifier: MIT
#pragma once

// Private to the table module: the state behind table::Database and the helpers its operations
// share.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "sim/random.h"
#include "store/workspace.h"
#include "stream/events.h"
#include "stream/log.h"
#include "table/database.h"
#include "table/schema.h"

namespace shardscope::table {

// An item as loaded from the workspace.
struct StoredItem {
    int64_t rowId = 0;
    Item item;
    int64_t size = 0;
    std::string encoded;  // as stored (model/codec.h): a stream record reuses it as its OldImage
};

// The row a write just stored: its id, and the new item's encoding and size (empty and 0 for a
// deletion), handed on so the record and the counters need no second encoding.
struct StoredRow {
    int64_t id = 0;
    std::string bytes;
    int64_t size = 0;
};

// The parsed expressions of one write: its condition and, for UpdateItem, its update.
struct PreparedWrite {
    std::optional<expr::Condition> condition;
    std::optional<expr::Update> update;
};

class WriteLock;

class Database::Impl {
public:
    Impl(std::unique_ptr<store::Workspace> workspace, const DatabaseOptions& options);
    ~Impl();

    Result<void> loadTables();
    Result<void> loadCounts();
    Result<void> loadTimeToLive();

    // Group commit (leader/follower). `op` is a whole write: what it reads and checks, and its
    // change through inSavepoint(). Writers queue their op; the first becomes the leader, takes
    // every op queued (up to kMaxBatchWrites), applies each under m_mutex in its own savepoint
    // (so a failed condition undoes only its own change), commits once, and wakes their
    // writers, who return the op's result only now that the commit holding the change is done.
    // Writers that queue while a group is being applied or committed form the next group, led
    // by the first of them. A lone writer commits at once, so nothing waits for company; but a
    // leader first lets the writers it just woke run, so that they can join.
    // In deferred-commit mode the op runs at once and the caller commits (Database::flush).
    // The caller must not hold m_mutex. Exceptions from `op` become InternalServerError.
    Result<void> write(const std::function<Result<void>()>& op);
    // Runs `work` in a savepoint of the open transaction (beginning it when none is open).
    // Callers hold m_mutex.
    Result<void> inSavepoint(const std::function<Result<void>()>& work);
    // A write by the caller, who holds m_mutex through `lock` (scheduled work, a stream catching
    // up): in its own savepoint, committed before it returns unless commits are deferred.
    Result<void> writeTransaction(WriteLock& lock, const std::function<Result<void>()>& work);
    // Commits the open batch, if any (control-plane calls do this before their own transaction).
    Result<void> commitBatch();

    // Callers hold m_mutex for everything below.
    Result<TableInfo*> findTable(const std::string& name, bool forDataPlane);
    // With `decode` false the StoredItem's `item` stays empty: for a caller that needs only the
    // stored bytes and size.
    Result<std::optional<StoredItem>> loadItem(const TableInfo& table, const StoredKey& key,
                                               bool decode = true);
    // Replaces (or inserts, or with `next` == nullptr deletes) the item at `key`, keeping its
    // index entries and the table's counters in step. Index keys of `next` were validated before.
    // With a stream on the table, appends the change's record in the same transaction; keeps
    // the table's TTL schedule in step.
    Result<void> writeItem(TableInfo& table, const StoredKey& key,
                           const std::optional<StoredItem>& previous, const Item* next,
                           bool byTimeToLive = false);
    // writeItem for a key that may be new, without reading first: inserts `item` and does the
    // rest of writeItem when no item is stored at `key` (true); changes nothing when one is
    // (false), and the caller goes the usual way.
    // `size` is model::itemSize(item), which the caller has at hand.
    Result<bool> insertIfAbsent(TableInfo& table, const StoredKey& key, const Item& item,
                                int64_t size);
    // What follows a row's change: index entries, the table's counters, the TTL schedule, the
    // event and the stream record.
    Result<void> afterRowWritten(TableInfo& table, const StoredKey& key,
                                 const std::optional<StoredItem>& previous, const Item* next,
                                 const StoredRow& row, bool byTimeToLive);

    // A table description with what lives outside the table row (the latest stream).
    TableDescription describe(const TableInfo& table) const;
    // After a transaction outside the write batch: publish its events, or on failure forget
    // them and reload the stream state it may have changed in memory.
    void finishTransaction(bool committed);

    // TTL (engine/ttl rules, reference §6).
    Result<void> scheduleExpiry(const TableInfo& table, int64_t rowId, const Item* item);
    // How long after expiry the item's deletion waits under `lag`: a pure function of the seed,
    // table, row and expiry, so re-timing a pending deletion gives what a write would have.
    sim::Millis deletionLag(ttl::DeletionLag lag, int64_t tableId, int64_t rowId,
                            sim::Millis expires) const;
    // Re-times every pending deletion to its expiry plus `lag` (inside the caller's transaction).
    Result<void> retimeExpiries(ttl::DeletionLag lag);
    Result<void> backfillExpiry(const TableInfo& table);
    Result<std::optional<sim::Millis>> nextExpiry();
    Result<void> sweepExpired();

    double now() const;
    std::string newId();
    // A virtual clock's moment, kept in the workspace so it resumes where it stood.
    void saveClock();

    std::mutex m_mutex;
    // Declared before the members built from them.
    std::string m_region = "us-east-1";
    std::string m_account = "000000000000";
    std::unique_ptr<store::Workspace> m_workspace;
    const bool m_deferCommits;
    std::unique_ptr<sim::Clock> m_ownClock;  // when the caller gave none
    sim::Clock* m_clock;
    const uint64_t m_seed;
    sim::Random m_random;
    // The lag follows setTtlDeletionLag (a session setting, not stored in the workspace).
    ttl::TtlSettings m_ttlSettings;
    stream::StreamLog m_streams;
    stream::EventBus m_bus;
    std::function<void()> m_wakeScheduler;
    bool m_expiryScheduled = false;  // a write added a TTL deletion: the scheduler may need to look

    struct QueuedWrite;

    // Group commit state. A transaction is open between a group's first write and its commit
    // (or, with deferred commits, until the caller flushes); guarded by m_mutex.
    static constexpr int kMaxBatchWrites = 64;
    // With deferred commits the caller's flush() ends a transaction; this only bounds one that
    // a caller keeps open for long. As many writes as SQLite's grouped-insert ceiling puts in a
    // transaction: fewer per commit means more WAL pages per write (a 64-write cap cost a
    // thousand puts in a row about a third of their speed).
    static constexpr int kMaxDeferredWrites = 1000;
    bool m_batchOpen = false;
    int m_batchWrites = 0;
    // Set when SQLite rolled back the whole open transaction under a write (SQLITE_FULL, IOERR,
    // NOMEM, CORRUPT, INTERRUPT): every write applied in it before is lost. A leader hands it to
    // those writers and starts afresh; with deferred commits it fails every write until the
    // caller's flush() returns it, since that caller answers the whole batch by one result.
    std::optional<Error> m_batchLost;
    // ClientRequestTokens taken by the open transaction: forgotten again, under m_mutex, if it
    // does not commit, so a retry never finds the token of a transaction that was not written.
    std::vector<std::string> m_batchTokens;
    // Applies a group of queued writes and commits them, under m_mutex; never throws.
    void applyGroup(std::span<QueuedWrite*> group);
    // Rolls back what is left of the open transaction and forgets what it changed in memory.
    void abandonBatch() noexcept;
    // Writers waiting for a leader to apply and commit their op; guarded by m_queueMutex, which
    // is never taken while waiting for m_mutex, so queueing never waits on a commit.
    std::mutex m_queueMutex;
    std::deque<QueuedWrite*> m_queue;
    bool m_leading = false;               // a leader is applying or committing a group
    std::atomic<int> m_writersInside{0};  // between queueing and returning, done or not

    std::map<std::string, std::unique_ptr<TableInfo>, std::less<>> m_tables;
    int64_t m_nextIndexId = 1;
    uint64_t m_idCounter = 0;

    // ClientRequestToken -> (request fingerprint, when) for TransactWriteItems idempotency.
    struct TokenUse {
        std::string fingerprint;
        std::chrono::steady_clock::time_point at;
    };
    std::map<std::string, TokenUse> m_tokens;
};

// Holds m_mutex for a write made by the caller's own thread (see writeTransaction).
class WriteLock {
public:
    explicit WriteLock(Database::Impl& impl) : m_lock(impl.m_mutex) {}
    std::unique_lock<std::mutex>& lock() { return m_lock; }

private:
    std::unique_lock<std::mutex> m_lock;
};

// ---- Helpers shared by the operations --------------------------------------------------------

Error resourceNotFound(std::string message = "Requested resource not found");
Error tableNotFound(const std::string& name);

// Checks ExpressionAttributeNames/Values against whether any expression was given.
Result<expr::Placeholders> makePlaceholders(const ExpressionAttributes& attributes,
                                            bool anyExpression);
// Parses a ConditionExpression or the legacy Expected (they cannot be mixed).
Result<std::optional<expr::Condition>> prepareCondition(
    const std::optional<std::string>& expression, const std::optional<LegacyConditions>& expected,
    expr::Placeholders& placeholders);

// Checks the item size, nesting and index keys of an item about to be stored.
Result<void> checkStorable(const TableInfo& table, const Item& item, bool isUpdate);

// ConditionalCheckFailedException, with the old item when the caller asked for it.
Error conditionFailed(const std::optional<StoredItem>& old, bool returnOld);

double writeUnits(int64_t oldSize, int64_t newSize);
double readUnits(int64_t size, bool consistent);

}  // namespace shardscope::table

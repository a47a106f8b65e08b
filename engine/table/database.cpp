// SPDX-License-Identifier: MIT
#include "table/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <span>
#include <thread>

#ifdef __linux__
#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "model/codec.h"
#include "model/errordetail.h"
#include "table/impl.h"

namespace shardscope::table {

// ---- Shared helpers ------------------------------------------------------------------------

Error resourceNotFound(std::string message) {
    return Error{ErrorCode::ResourceNotFound, std::move(message), nullptr};
}

Error tableNotFound(const std::string& name) {
    return resourceNotFound("Requested resource not found: Table: " + name + " not found");
}

Result<expr::Placeholders> makePlaceholders(const ExpressionAttributes& attributes,
                                            bool anyExpression) {
    if (attributes.names && !anyExpression)
        return validationError(
            "ExpressionAttributeNames can only be specified when using expressions");
    if (attributes.values && !anyExpression)
        return validationError(
            "ExpressionAttributeValues can only be specified when using expressions");
    if (attributes.names && attributes.names->empty())
        return validationError("ExpressionAttributeNames must not be empty");
    if (attributes.values && attributes.values->empty())
        return validationError("ExpressionAttributeValues must not be empty");
    for (const auto& [key, name] :
         attributes.names.value_or(std::map<std::string, std::string>{})) {
        if (key.size() < 2 || key[0] != '#')
            return validationError(
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key +
                "\"");
        if (name.empty())
            return validationError(
                "ExpressionAttributeNames contains invalid value: Empty attribute name for key " +
                key);
    }
    if (attributes.values) {
        for (const auto& [key, value] : *attributes.values)
            if (key.size() < 2 || key[0] != ':')
                return validationError(
                    "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key +
                    "\"");
    }
    return expr::Placeholders(attributes.names.value_or(std::map<std::string, std::string>{}),
                              attributes.values.value_or(std::map<std::string, AttributeValue>{}));
}

Result<std::optional<expr::Condition>> prepareCondition(
    const std::optional<std::string>& expression, const std::optional<LegacyConditions>& expected,
    expr::Placeholders& placeholders) {
    if (expression && expected)
        return validationError(
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
    if (expression) {
        auto parsed = expr::parseCondition(*expression, placeholders);
        if (!parsed) return parsed.takeError();
        return std::optional<expr::Condition>(std::move(*parsed));
    }
    if (expected && !expected->conditions.empty()) {
        const std::string op = expected->conditionalOperator.value_or("AND");
        if (op != "AND" && op != "OR")
            return validationError(
                "1 validation error detected: Value '" + op +
                "' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy "
                "enum value set: [AND, OR]");
        auto parsed = expr::conditionFromLegacy(expected->conditions, op == "OR");
        if (!parsed) return parsed.takeError();
        return std::optional<expr::Condition>(std::move(*parsed));
    }
    return std::optional<expr::Condition>();
}

Result<void> checkStorable(const TableInfo& table, const Item& item, bool isUpdate) {
    if (model::itemSize(item) > model::kMaxItemSize)
        return validationError(isUpdate
                                   ? "Item size to update has exceeded the maximum allowed size"
                                   : "Item size has exceeded the maximum allowed size");
    for (const auto& index : table.indexes) {
        auto key = indexKeyFromItem(index, item);
        if (!key) return key.takeError();
    }
    return {};
}

Error conditionFailed(const std::optional<StoredItem>& old, bool returnOld) {
    std::optional<Item> item;
    if (returnOld && old) item = old->item;
    return errorWithItem(ErrorCode::ConditionalCheckFailed, "The conditional request failed",
                         std::move(item));
}

double writeUnits(int64_t oldSize, int64_t newSize) {
    const int64_t size = std::max(oldSize, newSize);
    return double(std::max<int64_t>(1, (size + 1023) / 1024));
}

double readUnits(int64_t size, bool consistent) {
    const double units = double(std::max<int64_t>(1, (size + 4095) / 4096));
    return consistent ? units : units / 2;
}

// ---- Impl ----------------------------------------------------------------------------------

Database::Impl::Impl(std::unique_ptr<store::Workspace> workspace, const DatabaseOptions& options)
    : m_workspace(std::move(workspace)),
      m_deferCommits(options.deferCommits),
      m_clock(options.clock),
      m_seed(options.seed),
      m_random(options.seed),
      m_ttlSettings(options.ttl),
      m_streams(*m_workspace, *m_clock, m_random, options.streams, m_region, options.seed) {
    m_streams.setBus(&m_bus);
}

Database::Impl::~Impl() {
    std::lock_guard lock(m_mutex);
    (void)commitBatch();
    saveClock();
}

void Database::Impl::saveClock() {
    if (m_clock->mode() != sim::Clock::Mode::Virtual) return;
    (void)m_workspace->setMeta("virtual_now_ms", std::to_string(m_clock->now()));
}

struct Database::Impl::QueuedWrite {
    enum : int { Waiting, Done, Lead };
    static_assert(sizeof(std::atomic<int>) == sizeof(int));
    const std::function<Result<void>()>* op;
    Result<void> result;
    // Written by the leader, waited on by the writer without any lock: a woken writer then
    // runs at once instead of queueing behind the leader for a mutex. A wake-up that reaches
    // the address after the writer returned is harmless (every wait here loops on its value).
    std::atomic<int> state{Waiting};

    int await() {
        int seen;
        while ((seen = state.load(std::memory_order_acquire)) == Waiting) waitFor(Waiting);
        settled();
        return seen;
    }
    void signal(int to) {
        std::unique_lock lock = wakeLock();
        state.store(to, std::memory_order_release);
        wake();
    }

private:
#ifdef __linux__
    // The futex itself: std::atomic::wait first spins and calls sched_yield a few times, which
    // on two busy cores costs more than the sleep it tries to avoid.
    void waitFor(int value) {
        syscall(SYS_futex, reinterpret_cast<int*>(&state), FUTEX_WAIT_PRIVATE, value, nullptr,
                nullptr, 0);
    }
    void wake() {
        syscall(SYS_futex, reinterpret_cast<int*>(&state), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr,
                0);
    }
    // A futex wake on an address whose writer has returned only touches mapped stack memory.
    static std::unique_lock<std::mutex> wakeLock() {
        return {};
    }
    static void settled() {}
#else
    void waitFor(int value) {
        state.wait(value, std::memory_order_acquire);
    }
    void wake() {
        state.notify_one();
    }
    // notify_one on an atomic whose writer has returned would touch a destroyed object: the
    // signaller stores and notifies under this lock, and a woken writer takes it once before
    // returning, so the notification is over by then.
    static std::mutex& wakeMutex() {
        static std::mutex mutex;
        return mutex;
    }
    static std::unique_lock<std::mutex> wakeLock() {
        return std::unique_lock(wakeMutex());
    }
    static void settled() {
        std::lock_guard lock(wakeMutex());
    }
#endif
};

namespace {

Result<void> runGuarded(const std::function<Result<void>()>& op) {
    try {
        return op();
    } catch (const std::exception& e) {
        return Error{ErrorCode::InternalServerError, e.what(), nullptr};
    } catch (...) {
        // A leader runs other writers' operations: nothing may leave it half way.
        return Error{ErrorCode::InternalServerError, "unexpected exception", nullptr};
    }
}

}  // namespace

Result<void> Database::Impl::write(const std::function<Result<void>()>& op) {
    if (m_deferCommits) {
        std::lock_guard lock(m_mutex);
        Result<void> result = runGuarded(op);
        if (m_batchOpen && m_batchWrites >= kMaxDeferredWrites)
            if (auto committed = commitBatch(); !committed && result) result = committed;
        return result;
    }
    QueuedWrite me;
    me.op = &op;
    std::unique_lock queue(m_queueMutex);
    m_queue.push_back(&me);
    ++m_writersInside;
    if (m_leading) {
        queue.unlock();
        if (me.await() == QueuedWrite::Done) {
            --m_writersInside;
            return std::move(me.result);
        }
        queue.lock();  // handed the lead
    }
    m_leading = true;
    // Fixed storage: nothing between taking the lead and handing it on may throw, or every
    // queued writer would wait for a leader that is gone.
    std::array<QueuedWrite*, kMaxBatchWrites> group;
    int groupSize = 0;
    while (me.state.load(std::memory_order_relaxed) != QueuedWrite::Done) {
        // Writers of the last group that were woken but have not run yet would otherwise find
        // no leader, and each commit alone: on a busy core a woken thread waits for the
        // running one to block, and a leader never blocks. Letting them run first, bounded,
        // puts their next writes in this group.
        for (int i = 0; i < kMaxBatchWrites && m_writersInside > int(m_queue.size()); ++i) {
            queue.unlock();
            std::this_thread::yield();
            queue.lock();
        }
        groupSize = 0;
        while (!m_queue.empty() && groupSize < kMaxBatchWrites) {
            group[size_t(groupSize++)] = m_queue.front();
            m_queue.pop_front();
        }
        queue.unlock();
        const std::span<QueuedWrite*> members(group.data(), size_t(groupSize));
        {
            std::lock_guard lock(m_mutex);
            applyGroup(members);
        }
        for (QueuedWrite* w : members) {
            if (w == &me)
                me.state.store(QueuedWrite::Done, std::memory_order_relaxed);
            else
                w->signal(QueuedWrite::Done);
        }
        queue.lock();
    }
    // The writers who queued meanwhile are the next group; the first of them leads it.
    QueuedWrite* next = m_queue.empty() ? nullptr : m_queue.front();
    if (!next) m_leading = false;
    queue.unlock();
    if (next) next->signal(QueuedWrite::Lead);
    --m_writersInside;
    return std::move(me.result);
}

void Database::Impl::applyGroup(std::span<QueuedWrite*> group) {
    try {
        for (size_t i = 0; i < group.size(); ++i) {
            group[i]->result = runGuarded(*group[i]->op);
            if (!m_batchLost) continue;
            // The writes before this one went with the transaction; the rest begin a new one.
            for (size_t j = 0; j < i; ++j)
                if (group[j]->result) group[j]->result = *m_batchLost;
            m_batchLost.reset();
        }
        if (auto committed = commitBatch(); !committed)
            for (QueuedWrite* w : group)
                if (w->result) w->result = committed;
    } catch (...) {
        // Outside the ops (committing, publishing, reloading counts): nothing of the group is
        // known to be written, and its writers must still be answered and the lead handed on.
        abandonBatch();
        m_batchLost.reset();
        for (QueuedWrite* w : group) {
            try {
                w->result = Error{ErrorCode::InternalServerError, "the write failed", nullptr};
            } catch (...) {
                w->result = Result<void>();  // cannot be reached without memory; never hang
            }
        }
    }
}

void Database::Impl::abandonBatch() noexcept {
    try {
        if (!sqlite3_get_autocommit(m_workspace->handle())) (void)m_workspace->exec("ROLLBACK");
        m_batchOpen = false;
        m_batchWrites = 0;
        for (const auto& token : m_batchTokens) m_tokens.erase(token);
        m_batchTokens.clear();
        (void)loadCounts();  // the in-memory counters included the lost writes
        finishTransaction(false);
    } catch (...) {
        m_batchOpen = false;
        m_batchTokens.clear();
    }
}

Result<void> Database::Impl::inSavepoint(const std::function<Result<void>()>& work) {
    auto& ws = *m_workspace;
    if (!m_batchOpen) {
        if (m_batchLost) return *m_batchLost;
        if (auto r = ws.execCached("BEGIN IMMEDIATE"); !r) return r;
        m_batchOpen = true;
        m_batchWrites = 0;
    }
    if (auto r = ws.execCached("SAVEPOINT write"); !r) return r;
    const size_t eventMark = m_streams.eventMark();
    const uint64_t changeMark = m_streams.changeMark();
    const size_t undoMark = m_streams.undoMark();
    Result<void> result = runGuarded(work);
    if (result) {
        if (auto released = ws.execCached("RELEASE write"); !released) result = released;
    }
    if (!result) {
        // SQLite may have rolled back the whole transaction under a failed statement; then the
        // savepoint is gone, ROLLBACK TO fails, and a SAVEPOINT would begin (and RELEASE commit)
        // a transaction of its own.
        if (auto undone = ws.execCached("ROLLBACK TO write"); undone)
            (void)ws.execCached("RELEASE write");
        else if (!sqlite3_get_autocommit(ws.handle()))
            (void)ws.exec("ROLLBACK");  // what this write changed cannot be undone alone
    }
    if (!result && sqlite3_get_autocommit(ws.handle())) {
        abandonBatch();
        m_batchLost = result.error();
        return result;
    }
    if (!result) {
        // The stream state in memory may hold shards or sequence numbers the rollback undid.
        m_streams.dropEventsAfter(eventMark);
        if (m_streams.changeMark() != changeMark) (void)m_streams.rollBack(undoMark);
        return result;
    }
    ++m_batchWrites;
    return {};
}

Result<void> Database::Impl::writeTransaction(WriteLock& lock,
                                              const std::function<Result<void>()>& work) {
    (void)lock;  // proof that the caller holds m_mutex
    Result<void> result = inSavepoint(work);
    if (m_deferCommits && m_batchWrites < kMaxDeferredWrites) return result;
    if (auto committed = commitBatch(); !committed && result) return committed;
    return result;
}

Result<void> Database::Impl::commitBatch() {
    if (m_batchLost) {
        Error lost = std::move(*m_batchLost);
        m_batchLost.reset();
        if (m_batchOpen) abandonBatch();
        return lost;
    }
    if (!m_batchOpen) return {};
    saveClock();
    Result<void> committed = m_workspace->execCached("COMMIT");
    if (!committed) {
        abandonBatch();
        return committed;
    }
    m_batchTokens.clear();
    m_batchOpen = false;
    finishTransaction(true);
    return committed;
}

double Database::Impl::now() const {
    return m_clock->nowSeconds();
}

void Database::Impl::finishTransaction(bool committed) {
    auto events = m_streams.takeEvents();
    if (committed) {
        m_streams.committed();
        m_bus.publish(events);
    } else {
        (void)m_streams.rollBack(0);
    }
    if (committed && m_expiryScheduled && m_wakeScheduler) m_wakeScheduler();
    m_expiryScheduled = false;
}

TableDescription Database::Impl::describe(const TableInfo& table) const {
    TableDescription d = table.describe();
    if (const auto* latest = m_streams.latestOfTable(table.id)) {
        d.latestStreamArn = latest->arn;
        d.latestStreamLabel = latest->label;
    }
    return d;
}

std::string Database::Impl::newId() {
    // A UUID-shaped id from the world's seeded randomness; unique within the workspace.
    const uint64_t a = m_random.next(), b = m_random.next() ^ ++m_idCounter;
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-a%03x-%012llx", unsigned(a >> 32),
                  unsigned(a >> 16) & 0xffff, unsigned(a) & 0xfff, unsigned(b >> 52) & 0xfff,
                  static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return text;
}

Result<void> Database::Impl::loadTables() {
    auto& stmt = m_workspace->statement("SELECT id, definition FROM tables");
    while (stmt.step()) {
        auto table = deserializeTable(stmt.columnText(1));
        if (!table) {
            stmt.reset();
            return table.takeError();
        }
        table->id = stmt.columnInt(0);
        for (const auto& index : table->indexes)
            m_nextIndexId = std::max(m_nextIndexId, index.storageId + 1);
        auto name = table->description.tableName;
        m_tables.emplace(std::move(name), std::make_unique<TableInfo>(std::move(*table)));
    }
    const bool failed = stmt.failed();
    const std::string message = stmt.errorMessage();
    stmt.reset();
    if (failed) return Error{ErrorCode::InternalServerError, message, nullptr};

    if (auto r = m_streams.loadIteratorKey(); !r) return r;
    if (auto r = m_streams.load(); !r) return r;
    for (auto& [name, table] : m_tables) {
        const auto* latest = m_streams.latestOfTable(table->id);
        if (latest && !latest->disabledMs) table->activeStreamId = latest->id;
    }
    if (auto r = loadTimeToLive(); !r) return r;
    return loadCounts();
}

Result<void> Database::Impl::loadCounts() {
    for (auto& [name, table] : m_tables) {
        table->description.itemCount = 0;
        table->description.tableSizeBytes = 0;
    }
    auto& counts = m_workspace->statement(
        "SELECT table_id, count(*), coalesce(sum(size), 0) FROM items GROUP BY table_id");
    while (counts.step()) {
        for (auto& [name, table] : m_tables) {
            if (table->id != counts.columnInt(0)) continue;
            table->description.itemCount = counts.columnInt(1);
            table->description.tableSizeBytes = counts.columnInt(2);
        }
    }
    counts.reset();
    return {};
}

Result<TableInfo*> Database::Impl::findTable(const std::string& name, bool forDataPlane) {
    if (auto r = validateTableName(name); !r) return r.takeError();
    const auto it = m_tables.find(name);
    if (it == m_tables.end()) return forDataPlane ? resourceNotFound() : tableNotFound(name);
    return it->second.get();
}

Result<std::optional<StoredItem>> Database::Impl::loadItem(const TableInfo& table,
                                                           const StoredKey& key, bool decode) {
    auto& stmt = m_workspace->statement(
        "SELECT id, item, size FROM items WHERE table_id=?1 AND h=?2 AND pk=?3 AND sk=?4");
    stmt.bind(1, table.id).bind(2, key.hash).bind(3, key.partition).bind(4, key.sort);
    std::optional<StoredItem> found;
    if (stmt.step()) {
        StoredItem item;
        item.rowId = stmt.columnInt(0);
        item.size = stmt.columnInt(2);
        item.encoded = std::string(stmt.columnBlob(1));
        if (decode && !model::decodeItem(item.encoded, item.item)) {
            stmt.reset();
            return damagedItem(table.description.tableName);
        }
        found = std::move(item);
    }
    const bool failed = stmt.failed();
    const std::string message = stmt.errorMessage();
    stmt.reset();
    if (failed) return Error{ErrorCode::InternalServerError, message, nullptr};
    return found;
}

namespace {

Error storeFailure(const store::Statement& stmt) {
    return Error{ErrorCode::InternalServerError, "workspace write failed: " + stmt.lastError(),
                 nullptr};
}

}  // namespace

Result<void> Database::Impl::writeItem(TableInfo& table, const StoredKey& key,
                                       const std::optional<StoredItem>& previous, const Item* next,
                                       bool byTimeToLive) {
    StoredRow row;
    row.id = previous ? previous->rowId : 0;
    if (next) {
        row.size = int64_t(model::itemSize(*next));
        row.bytes = model::encodeItem(*next);
        if (previous) {
            auto& stmt = m_workspace->statement("UPDATE items SET item=?1, size=?2 WHERE id=?3");
            if (!stmt.bind(1, row.bytes).bind(2, row.size).bind(3, row.id).run())
                return storeFailure(stmt);
        } else {
            auto& stmt = m_workspace->statement(
                "INSERT INTO items(table_id, h, pk, sk, size, item) VALUES(?1, ?2, ?3, ?4, ?5, "
                "?6)");
            stmt.bind(1, table.id).bind(2, key.hash).bind(3, key.partition).bind(4, key.sort);
            if (!stmt.bind(5, row.size).bind(6, row.bytes).run()) return storeFailure(stmt);
            row.id = m_workspace->lastInsertRowId();
        }
    } else if (previous) {
        auto& stmt = m_workspace->statement("DELETE FROM items WHERE id=?1");
        if (!stmt.bind(1, row.id).run()) return storeFailure(stmt);
    }
    return afterRowWritten(table, key, previous, next, row, byTimeToLive);
}

Result<bool> Database::Impl::insertIfAbsent(TableInfo& table, const StoredKey& key,
                                            const Item& item, int64_t size) {
    StoredRow row;
    row.size = size;
    row.bytes = model::encodeItem(item);
    // The unique key index decides: one probe instead of a read followed by an insert.
    auto& stmt = m_workspace->statement(
        "INSERT INTO items(table_id, h, pk, sk, size, item) VALUES(?1, ?2, ?3, ?4, ?5, ?6) "
        "ON CONFLICT DO NOTHING");
    stmt.bind(1, table.id).bind(2, key.hash).bind(3, key.partition).bind(4, key.sort);
    if (!stmt.bind(5, row.size).bind(6, row.bytes).run()) return storeFailure(stmt);
    if (m_workspace->changes() == 0) return false;
    row.id = m_workspace->lastInsertRowId();
    if (auto r = afterRowWritten(table, key, std::nullopt, &item, row, false); !r)
        return r.takeError();
    return true;
}

Result<void> Database::Impl::afterRowWritten(TableInfo& table, const StoredKey& key,
                                             const std::optional<StoredItem>& previous,
                                             const Item* next, const StoredRow& row,
                                             bool byTimeToLive) {
    const int64_t rowId = row.id;
    const int64_t newSize = row.size;
    const std::string& bytes = row.bytes;
    for (const auto& index : table.indexes) {
        std::optional<StoredKey> before, after;
        if (previous) before = indexKeyFromItem(index, previous->item).value();
        if (next) after = indexKeyFromItem(index, *next).value();
        const bool same =
            before && after && before->partition == after->partition && before->sort == after->sort;
        if (same) continue;
        if (before) {
            auto& del = m_workspace->statement(
                "DELETE FROM index_entries WHERE index_id=?1 AND h=?2 AND ipk=?3 AND isk=?4 AND "
                "tpk=?5 AND tsk=?6");
            del.bind(1, index.storageId).bind(2, before->hash).bind(3, before->partition);
            if (!del.bind(4, before->sort).bind(5, key.partition).bind(6, key.sort).run())
                return storeFailure(del);
        }
        if (after) {
            auto& ins = m_workspace->statement(
                "INSERT INTO index_entries(index_id, h, ipk, isk, tpk, tsk, item_id) "
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            ins.bind(1, index.storageId).bind(2, after->hash).bind(3, after->partition);
            ins.bind(4, after->sort).bind(5, key.partition).bind(6, key.sort).bind(7, rowId);
            if (!ins.run()) return storeFailure(ins);
        }
    }

    table.description.itemCount += (next ? 1 : 0) - (previous ? 1 : 0);
    table.description.tableSizeBytes += newSize - (previous ? previous->size : 0);

    if (table.ttlEnabled)
        if (auto r = scheduleExpiry(table, rowId, next); !r) return r;
    if (!table.activeStreamId && !m_streams.observed()) return {};
    Item keys = keyAttributes(table.keySchema(), next ? *next : previous->item);
    const auto change = !previous ? stream::EventName::Insert
                        : !next   ? stream::EventName::Remove
                                  : stream::EventName::Modify;
    if (m_streams.observed())
        m_streams.note(stream::ItemWritten{table.description.tableName, keys, change, byTimeToLive,
                                           m_clock->now()});
    if (!table.activeStreamId) return {};
    stream::Change record;
    record.oldItem = previous ? &previous->item : nullptr;
    record.newItem = next;
    // The encodings and sizes already at hand, so the record costs no second encoding.
    if (previous) {
        record.encodedOld = previous->encoded;
        record.oldSize = previous->size;
    }
    record.encodedNew = bytes;
    record.newSize = newSize;
    record.keys = std::move(keys);
    record.partitionHash = uint32_t(key.hash);
    record.byTimeToLive = byTimeToLive;
    return m_streams.append(table.activeStreamId, record);
}

// ---- Database: lifecycle and control plane ---------------------------------------------------

Database::Database(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const DatabaseOptions& options) {
    auto workspace = store::Workspace::open(options.path);
    if (!workspace) return workspace.takeError();
    // The workspace remembers its clock: the mode, and where a virtual one stood.
    DatabaseOptions resolved = options;
    std::unique_ptr<sim::Clock> ownClock;
    if (!options.clock) {
        const auto remembered = (*workspace)->meta("clock");
        const auto mode = options.clockMode.value_or(
            remembered == "virtual" ? sim::Clock::Mode::Virtual : sim::Clock::Mode::Real);
        sim::Millis start = sim::Clock(sim::Clock::Mode::Real).now();
        if (const auto saved = (*workspace)->meta("virtual_now_ms");
            saved && mode == sim::Clock::Mode::Virtual)
            start = std::max<sim::Millis>(std::atoll(saved->c_str()), 0);
        ownClock = std::make_unique<sim::Clock>(mode, start);
        resolved.clock = ownClock.get();
        if (auto r = (*workspace)
                         ->setMeta("clock", mode == sim::Clock::Mode::Virtual ? "virtual" : "real");
            !r)
            return r.takeError();
    }
    auto impl = std::make_unique<Impl>(std::move(*workspace), resolved);
    impl->m_ownClock = std::move(ownClock);
    if (auto r = impl->loadTables(); !r) return r.takeError();
    return std::unique_ptr<Database>(new Database(std::move(impl)));
}

Result<void> Database::flush() {
    std::lock_guard lock(m_impl->m_mutex);
    return m_impl->commitBatch();
}

Result<void> Database::saveCopy(const std::string& path) {
    std::lock_guard lock(m_impl->m_mutex);
    if (auto committed = m_impl->commitBatch(); !committed) return committed;
    m_impl->saveClock();
    return m_impl->m_workspace->copyTo(path);
}

Result<TableDescription> Database::createTable(const CreateTableRequest& request) {
    auto built = buildTable(request);
    if (!built) return built.takeError();
    if (const auto& spec = built->description.streamSpecification;
        spec && spec->streamEnabled && !stream::parseViewType(spec->streamViewType))
        return validationError(
            "One or more parameter values were invalid: StreamViewType must be "
            "one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES");
    WriteLock lock(*m_impl);
    if (auto r = m_impl->commitBatch(); !r) return r.takeError();
    if (m_impl->m_tables.count(request.tableName))
        return Error{ErrorCode::ResourceInUse, "Table already exists: " + request.tableName,
                     nullptr};
    TableInfo table = std::move(*built);
    auto& d = table.description;
    d.tableArn =
        "arn:aws:dynamodb:" + m_impl->m_region + ":" + m_impl->m_account + ":table/" + d.tableName;
    d.tableId = m_impl->newId();
    d.creationDateTime = m_impl->now();
    for (auto& index : table.indexes) index.storageId = m_impl->m_nextIndexId++;

    auto& ws = *m_impl->m_workspace;
    auto stored = ws.transaction([&]() -> Result<void> {
        auto& stmt = ws.statement("INSERT INTO tables(name, definition) VALUES(?1, ?2)");
        if (!stmt.bindText(1, d.tableName).bindText(2, serializeTable(table)).run())
            return storeFailure(stmt);
        table.id = ws.lastInsertRowId();
        if (!d.streamSpecification || !d.streamSpecification->streamEnabled) return {};
        auto enabled =
            m_impl->m_streams.enable(table.id, d.tableName, d.tableArn, d.keySchema,
                                     *stream::parseViewType(d.streamSpecification->streamViewType));
        if (!enabled) return enabled.takeError();
        table.activeStreamId = enabled->id;
        return {};
    });
    m_impl->finishTransaction(stored.ok());
    if (!stored) return stored.takeError();
    TableDescription out = m_impl->describe(table);
    std::string name = d.tableName;  // `table` is moved from below
    m_impl->m_tables.emplace(std::move(name), std::make_unique<TableInfo>(std::move(table)));
    out.tableStatus = "ACTIVE";
    return out;
}

Result<TableDescription> Database::describeTable(const std::string& tableName) {
    std::lock_guard lock(m_impl->m_mutex);
    auto table = m_impl->findTable(tableName, false);
    if (!table) return table.takeError();
    return m_impl->describe(**table);
}

namespace {

Result<void> applyStreamChange(TableInfo& table, const StreamSpecification& spec) {
    auto& current = table.description.streamSpecification;
    const bool enabled = current && current->streamEnabled;
    if (spec.streamEnabled && !stream::parseViewType(spec.streamViewType))
        return validationError(
            "One or more parameter values were invalid: StreamViewType must be "
            "one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES");
    if (spec.streamEnabled && enabled)
        return validationError("Table already has an enabled stream: TableName: " +
                               table.description.tableName);
    if (!spec.streamEnabled && !enabled)
        return validationError("Table " + table.description.tableName +
                               " has no enabled stream to disable");
    if (spec.streamEnabled)
        current = spec;
    else
        current.reset();
    return {};
}

}  // namespace

// Fills a new GSI from the items already in the table, as DynamoDB's backfill does; items whose
// index attributes have the wrong type are left out of the index.
static Result<void> backfillIndex(store::Workspace& ws, const TableInfo& table,
                                  const IndexInfo& index) {
    auto& scan = ws.statement("SELECT id, pk, sk, item FROM items WHERE table_id=?1");
    scan.bind(1, table.id);
    struct Entry {
        StoredKey key;
        std::string tpk, tsk;
        int64_t rowId;
    };
    std::vector<Entry> entries;
    while (scan.step()) {
        Item item;
        if (!model::decodeItem(scan.columnBlob(3), item)) continue;
        auto key = indexKeyFromItem(index, item);
        if (!key || !*key) continue;
        entries.push_back({**key, std::string(scan.columnBlob(1)), std::string(scan.columnBlob(2)),
                           scan.columnInt(0)});
    }
    scan.reset();
    for (const auto& e : entries) {
        auto& ins = ws.statement(
            "INSERT INTO index_entries(index_id, h, ipk, isk, tpk, tsk, item_id) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        ins.bind(1, index.storageId).bind(2, e.key.hash).bind(3, e.key.partition);
        ins.bind(4, e.key.sort).bind(5, e.tpk).bind(6, e.tsk).bind(7, e.rowId);
        if (!ins.run()) return storeFailure(ins);
    }
    return {};
}

Result<TableDescription> Database::updateTable(const UpdateTableRequest& request) {
    if (!request.billingMode && !request.provisionedThroughput &&
        request.globalSecondaryIndexUpdates.empty() && !request.streamSpecification &&
        !request.tableClass && !request.deletionProtectionEnabled)
        return validationError(
            "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
            "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    WriteLock lock(*m_impl);
    if (auto r = m_impl->commitBatch(); !r) return r.takeError();
    auto found = m_impl->findTable(request.tableName, false);
    if (!found) return found.takeError();
    TableInfo table = **found;  // edit a copy; adopt it only once stored
    auto& d = table.description;
    // DynamoDB builds or drops one index of a table at a time; clients send one per call.
    const auto online = std::count_if(
        request.globalSecondaryIndexUpdates.begin(), request.globalSecondaryIndexUpdates.end(),
        [](const GsiUpdate& change) { return change.kind != GsiUpdate::Kind::Update; });
    if (online > 1)
        return Error{ErrorCode::LimitExceeded,
                     "Subscriber limit exceeded: Only 1 online index can be created or deleted "
                     "simultaneously per table",
                     nullptr};

    if (request.billingMode || request.provisionedThroughput) {
        bool provisioned = true;
        const auto mode = request.billingMode ? request.billingMode : std::optional(d.billingMode);
        auto throughput = request.provisionedThroughput;
        if (!throughput && *mode == "PROVISIONED" && d.billingMode == "PROVISIONED")
            throughput = d.provisionedThroughput;
        if (auto r = checkBilling(mode, throughput, provisioned); !r) return r.takeError();
        d.billingMode = provisioned ? "PROVISIONED" : "PAY_PER_REQUEST";
        d.provisionedThroughput = throughput.value_or(Throughput{});
    }
    if (request.tableClass) d.tableClass = *request.tableClass;
    if (request.deletionProtectionEnabled)
        d.deletionProtectionEnabled = *request.deletionProtectionEnabled;
    if (request.streamSpecification) {
        if (auto r = applyStreamChange(table, *request.streamSpecification); !r)
            return r.takeError();
    }

    std::vector<std::string> created;
    for (const auto& change : request.globalSecondaryIndexUpdates) {
        const auto& name = change.index.indexName;
        if (change.kind == GsiUpdate::Kind::Create) {
            auto index = buildGlobalIndex(table, change.index, request.attributeDefinitions);
            if (!index) return index.takeError();
            index->storageId = m_impl->m_nextIndexId++;
            for (const auto& def : request.attributeDefinitions) {
                const bool known = std::any_of(
                    d.attributeDefinitions.begin(), d.attributeDefinitions.end(),
                    [&](const auto& a) { return a.attributeName == def.attributeName; });
                if (!known) d.attributeDefinitions.push_back(def);
            }
            table.indexes.push_back(std::move(*index));
            created.push_back(name);
            continue;
        }
        const auto it = std::find_if(table.indexes.begin(), table.indexes.end(), [&](auto& i) {
            return i.description.global && i.description.indexName == name;
        });
        if (it == table.indexes.end())
            return resourceNotFound("Requested resource not found: Index: " + name +
                                    " not found for table: " + d.tableName);
        if (change.kind == GsiUpdate::Kind::Update) {
            it->description.provisionedThroughput = change.index.provisionedThroughput;
            continue;
        }
        table.indexes.erase(it);
        // DynamoDB declares only attributes that some key uses: the deleted index's own go with
        // it, so a later index may key on the same name with another type.
        std::set<std::string> used{d.keySchema.partition.name};
        if (d.keySchema.sort) used.insert(d.keySchema.sort->name);
        for (const auto& index : table.indexes) {
            used.insert(index.description.keySchema.partition.name);
            if (index.description.keySchema.sort)
                used.insert(index.description.keySchema.sort->name);
        }
        std::erase_if(d.attributeDefinitions,
                      [&](const AttributeDefinition& a) { return !used.count(a.attributeName); });
    }

    auto& ws = *m_impl->m_workspace;
    const TableInfo& before = **found;
    auto stored = ws.transaction([&]() -> Result<void> {
        if (request.streamSpecification && request.streamSpecification->streamEnabled) {
            auto enabled = m_impl->m_streams.enable(
                table.id, d.tableName, d.tableArn, d.keySchema,
                *stream::parseViewType(request.streamSpecification->streamViewType));
            if (!enabled) return enabled.takeError();
            table.activeStreamId = enabled->id;
        } else if (request.streamSpecification) {
            if (auto r = m_impl->m_streams.disable(table.activeStreamId); !r) return r;
            table.activeStreamId = 0;
        }
        for (const auto& index : before.indexes) {
            if (table.findIndex(index.description.indexName)) continue;
            auto& del = ws.statement("DELETE FROM index_entries WHERE index_id=?1");
            if (!del.bind(1, index.storageId).run()) return storeFailure(del);
        }
        for (const auto& name : created)
            if (auto r = backfillIndex(ws, table, *table.findIndex(name)); !r) return r;
        auto& row = ws.statement("UPDATE tables SET definition=?1 WHERE id=?2");
        if (!row.bindText(1, serializeTable(table)).bind(2, table.id).run())
            return storeFailure(row);
        return {};
    });
    m_impl->finishTransaction(stored.ok());
    if (!stored) return stored.takeError();
    **found = table;
    return m_impl->describe(table);
}

Result<TableDescription> Database::deleteTable(const std::string& tableName) {
    WriteLock lock(*m_impl);
    if (auto r = m_impl->commitBatch(); !r) return r.takeError();
    auto found = m_impl->findTable(tableName, false);
    if (!found) return found.takeError();
    TableInfo& table = **found;
    if (table.description.deletionProtectionEnabled)
        return validationError(
            "Resource cannot be deleted as it is currently protected against "
            "deletion. Disable deletion protection first.");
    auto& ws = *m_impl->m_workspace;
    auto removed = ws.transaction([&]() -> Result<void> {
        for (const auto& index : table.indexes) {
            auto& stmt = ws.statement("DELETE FROM index_entries WHERE index_id=?1");
            if (!stmt.bind(1, index.storageId).run()) return storeFailure(stmt);
        }
        auto& items = ws.statement("DELETE FROM items WHERE table_id=?1");
        if (!items.bind(1, table.id).run()) return storeFailure(items);
        auto& row = ws.statement("DELETE FROM tables WHERE id=?1");
        if (!row.bind(1, table.id).run()) return storeFailure(row);
        for (const char* sql : {"DELETE FROM ttl_due WHERE table_id=?1",
                                "DELETE FROM ttl_settings WHERE table_id=?1"}) {
            auto& ttlRows = ws.statement(sql);
            if (!ttlRows.bind(1, table.id).run()) return storeFailure(ttlRows);
        }
        // The stream outlives its table by 24 hours, DISABLED (§5.7); it no longer belongs to
        // the table id, which a new table may reuse.
        if (auto r = m_impl->m_streams.disable(table.activeStreamId); !r) return r;
        return m_impl->m_streams.detachTable(table.id);
    });
    m_impl->finishTransaction(removed.ok());
    if (!removed) return removed.takeError();
    TableDescription out = m_impl->describe(table);
    out.tableStatus = "DELETING";
    m_impl->m_tables.erase(tableName);
    return out;
}

Result<ListTablesResult> Database::listTables(const ListTablesRequest& request) {
    const int64_t limit = request.limit.value_or(100);
    if (limit < 1 || limit > 100)
        return validationError(
            "1 validation error detected: Value '" + std::to_string(limit) +
            "' at 'limit' failed to satisfy constraint: Member must have "
            "value " +
            (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
    if (request.exclusiveStartTableName) {
        if (auto r = validateTableName(*request.exclusiveStartTableName, "exclusiveStartTableName");
            !r)
            return r.takeError();
    }
    std::lock_guard lock(m_impl->m_mutex);
    ListTablesResult result;
    auto it = request.exclusiveStartTableName
                  ? m_impl->m_tables.upper_bound(*request.exclusiveStartTableName)
                  : m_impl->m_tables.begin();
    for (; it != m_impl->m_tables.end() && int64_t(result.tableNames.size()) < limit; ++it)
        result.tableNames.push_back(it->first);
    if (it != m_impl->m_tables.end()) result.lastEvaluatedTableName = result.tableNames.back();
    return result;
}

}  // namespace shardscope::table

// SPDX-License-Identifier: MIT
// The DynamoDB Streams API, Time to Live (reference §2.6, §5, §6) and the time-driven work of a
// Database: shard rollover, retention, and TTL deletions.
#include <cmath>

#include "model/codec.h"
#include "sim/scheduler.h"
#include "table/impl.h"

namespace shardscope::table {
namespace {

constexpr sim::Millis kFiveYearsMs = int64_t(5) * 365 * 24 * 3600 * 1000;
constexpr int kSweepBatch = 1000;

Error storeFailure(const store::Statement& stmt) {
    return Error{ErrorCode::InternalServerError, "workspace write failed: " + stmt.lastError(),
                 nullptr};
}

// When an item expires, in epoch ms: its TTL attribute must be a top-level N holding epoch
// seconds (fractions and exponents allowed). Anything else never expires.
std::optional<sim::Millis> expiryOf(const Item& item, const std::string& attribute) {
    const auto it = item.find(attribute);
    if (it == item.end() || it->second.type() != model::Type::N) return std::nullopt;
    const long double seconds = std::strtold(it->second.asNumber().toString().c_str(), nullptr);
    // Past the year 292 million, or before 1970 by as much: never, or long ago (ignored below).
    if (!std::isfinite(seconds) || std::fabs(seconds) > 9.0e12L) return std::nullopt;
    return sim::Millis(std::floor(seconds * 1000.0L));
}

}  // namespace

// ---- TTL -------------------------------------------------------------------------------------

Result<void> Database::Impl::loadTimeToLive() {
    auto& stmt =
        m_workspace->statement("SELECT table_id, attribute, enabled, changed_ms FROM ttl_settings");
    while (stmt.step()) {
        for (auto& [name, table] : m_tables) {
            if (table->id != stmt.columnInt(0)) continue;
            table->ttlAttribute = std::string(stmt.columnText(1));
            table->ttlEnabled = stmt.columnInt(2) != 0;
            table->ttlChangedMs = stmt.columnInt(3);
        }
    }
    stmt.reset();
    return {};
}

sim::Millis Database::Impl::deletionLag(ttl::DeletionLag lag, int64_t tableId, int64_t rowId,
                                        sim::Millis expires) const {
    if (lag == ttl::DeletionLag::Immediate) return 0;
    // Seeded per item, so a scenario replays exactly: five minutes plus an exponential tail with
    // a mean of 25 minutes, at most two days (observed: ~10-30 minutes, §6).
    const uint64_t draw = sim::Random::mix(m_seed ^ sim::Random::mix(uint64_t(tableId)) ^
                                           sim::Random::mix(uint64_t(rowId)) ^ uint64_t(expires));
    const double u = double(draw >> 11) * (1.0 / 9007199254740992.0);
    const double tail = -std::log1p(-u) * 25.0 * 60.0 * 1000.0;
    return 5 * 60 * 1000 + std::min<sim::Millis>(sim::Millis(tail), 48 * 3600 * 1000);
}

// Keeps the item's pending TTL deletion in step with its TTL attribute: the deletion moment is
// just after expiry (DynamoDB deletes when now > value) plus the deletion lag.
Result<void> Database::Impl::scheduleExpiry(const TableInfo& table, int64_t rowId,
                                            const Item* item) {
    auto& clear = m_workspace->statement("DELETE FROM ttl_due WHERE item_id=?1");
    if (!clear.bind(1, rowId).run()) return storeFailure(clear);
    if (!item) return {};
    const auto expires = expiryOf(*item, table.ttlAttribute);
    if (!expires || m_clock->now() - *expires > kFiveYearsMs) return {};
    const sim::Millis lag = deletionLag(m_ttlSettings.lag, table.id, rowId, *expires);
    auto& insert = m_workspace->statement(
        "INSERT INTO ttl_due(item_id, table_id, due_ms, expires_ms) VALUES(?1, ?2, ?3, ?4)");
    if (!insert.bind(1, rowId)
             .bind(2, table.id)
             .bind(3, *expires + 1 + lag)
             .bind(4, *expires)
             .run())
        return storeFailure(insert);
    m_expiryScheduled = true;
    return {};
}

Result<void> Database::Impl::retimeExpiries(ttl::DeletionLag lag) {
    struct Pending {
        int64_t rowId, tableId;
        sim::Millis expires;
    };
    // Read first, then update: due_ms is indexed, and updating rows under a live cursor over the
    // same table is best avoided.
    std::vector<Pending> pending;
    auto& select = m_workspace->statement("SELECT item_id, table_id, expires_ms FROM ttl_due");
    while (select.step())
        pending.push_back({select.columnInt(0), select.columnInt(1), select.columnInt(2)});
    const bool failed = select.failed();
    const std::string message = select.errorMessage();
    select.reset();
    if (failed) return Error{ErrorCode::InternalServerError, message, nullptr};

    auto& update = m_workspace->statement("UPDATE ttl_due SET due_ms=?1 WHERE item_id=?2");
    for (const Pending& p : pending) {
        const sim::Millis due = p.expires + 1 + deletionLag(lag, p.tableId, p.rowId, p.expires);
        if (!update.bind(1, due).bind(2, p.rowId).run()) return storeFailure(update);
    }
    // Deletions may now be due sooner: finishTransaction wakes the scheduler as after a write.
    if (!pending.empty()) m_expiryScheduled = true;
    return {};
}

// Items written before TTL was enabled expire too (§6).
Result<void> Database::Impl::backfillExpiry(const TableInfo& table) {
    auto& scan = m_workspace->statement("SELECT id, item FROM items WHERE table_id=?1");
    scan.bind(1, table.id);
    std::vector<std::pair<int64_t, Item>> items;
    while (scan.step()) {
        Item item;
        if (model::decodeItem(scan.columnBlob(1), item))
            items.emplace_back(scan.columnInt(0), std::move(item));
    }
    scan.reset();
    for (const auto& [rowId, item] : items)
        if (auto r = scheduleExpiry(table, rowId, &item); !r) return r;
    return {};
}

Result<std::optional<sim::Millis>> Database::Impl::nextExpiry() {
    auto& stmt = m_workspace->statement("SELECT min(due_ms) FROM ttl_due");
    std::optional<sim::Millis> due;
    if (stmt.step() && !stmt.columnIsNull(0)) due = stmt.columnInt(0);
    stmt.reset();
    return due;
}

// Deletes the items whose deletion moment has come, each with a REMOVE record whose
// userIdentity names the TTL service.
Result<void> Database::Impl::sweepExpired() {
    const sim::Millis now = m_clock->now();
    struct Due {
        int64_t rowId, tableId;
        sim::Millis expires;
    };
    std::vector<Due> due;
    auto& select = m_workspace->statement(
        "SELECT item_id, table_id, expires_ms FROM ttl_due WHERE due_ms<=?1 ORDER BY due_ms, "
        "item_id LIMIT ?2");
    select.bind(1, now).bind(2, kSweepBatch);
    while (select.step())
        due.push_back({select.columnInt(0), select.columnInt(1), select.columnInt(2)});
    select.reset();

    auto& load = m_workspace->statement("SELECT h, pk, sk, item, size FROM items WHERE id=?1");
    auto& forget = m_workspace->statement("DELETE FROM ttl_due WHERE item_id=?1");
    for (const Due& d : due) {
        TableInfo* table = nullptr;
        for (auto& [name, t] : m_tables)
            if (t->id == d.tableId) table = t.get();
        StoredItem old;
        StoredKey key;
        bool found = false;
        load.bind(1, d.rowId);
        if (load.step()) {
            key.hash = load.columnInt(0);
            key.partition = std::string(load.columnBlob(1));
            key.sort = std::string(load.columnBlob(2));
            old.rowId = d.rowId;
            old.size = load.columnInt(4);
            found = model::decodeItem(load.columnBlob(3), old.item);
        }
        load.reset();
        // Values more than five years old are ignored (a guard against ms timestamps, §6).
        if (!table || !table->ttlEnabled || !found || now - d.expires > kFiveYearsMs) {
            if (!forget.bind(1, d.rowId).run()) return storeFailure(forget);
            continue;
        }
        if (auto r = writeItem(*table, key, old, nullptr, true); !r) return r;
        m_streams.note(stream::TtlDeletion{table->description.tableName,
                                           keyAttributes(table->keySchema(), old.item), d.expires,
                                           now});
    }
    return {};
}

Result<ttl::TimeToLiveSpecification> Database::updateTimeToLive(
    const ttl::UpdateTimeToLiveRequest& request) {
    const auto& spec = request.specification;
    if (spec.attributeName.empty() || spec.attributeName.size() > 255)
        return validationError(
            "1 validation error detected: Value '" + spec.attributeName +
            "' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member "
            "must have length " +
            (spec.attributeName.empty() ? "greater than or equal to 1"
                                        : "less than or equal to 255"));
    WriteLock lock(*m_impl);
    if (auto r = m_impl->commitBatch(); !r) return r.takeError();
    auto found = m_impl->findTable(request.tableName, false);
    if (!found) return found.takeError();
    TableInfo& table = **found;
    if (spec.enabled && table.ttlEnabled) return validationError("TimeToLive is already enabled");
    if (!spec.enabled && !table.ttlEnabled)
        return validationError("TimeToLive is already disabled");
    if (!spec.enabled && spec.attributeName != table.ttlAttribute)
        return validationError(
            "TimeToLive is active on a different AttributeName: current "
            "AttributeName is " +
            table.ttlAttribute);
    const sim::Millis now = m_impl->m_clock->now();
    if (table.ttlChangedMs && now - *table.ttlChangedMs < m_impl->m_ttlSettings.changeWindowMs)
        return validationError(
            "Time to live has been modified multiple times within a fixed interval");

    TableInfo changed = table;
    changed.ttlAttribute = spec.attributeName;
    changed.ttlEnabled = spec.enabled;
    changed.ttlChangedMs = now;
    auto& ws = *m_impl->m_workspace;
    auto stored = ws.transaction([&]() -> Result<void> {
        auto& row = ws.statement(
            "INSERT OR REPLACE INTO ttl_settings(table_id, attribute, enabled, changed_ms) "
            "VALUES(?1, ?2, ?3, ?4)");
        row.bind(1, changed.id).bindText(2, changed.ttlAttribute);
        if (!row.bind(3, int64_t(changed.ttlEnabled)).bind(4, now).run()) return storeFailure(row);
        if (changed.ttlEnabled) return m_impl->backfillExpiry(changed);
        auto& clear = ws.statement("DELETE FROM ttl_due WHERE table_id=?1");
        if (!clear.bind(1, changed.id).run()) return storeFailure(clear);
        return {};
    });
    m_impl->finishTransaction(stored.ok());
    if (!stored) return stored.takeError();
    table.ttlAttribute = changed.ttlAttribute;
    table.ttlEnabled = changed.ttlEnabled;
    table.ttlChangedMs = changed.ttlChangedMs;
    return spec;
}

Result<void> Database::setTtlDeletionLag(ttl::DeletionLag lag) {
    WriteLock lock(*m_impl);
    // Like a control-plane call: its own transaction, committed before this returns, so the
    // window never has to flush.
    if (auto r = m_impl->commitBatch(); !r) return r;
    auto& ws = *m_impl->m_workspace;
    auto retimed = ws.transaction([&] { return m_impl->retimeExpiries(lag); });
    m_impl->finishTransaction(retimed.ok());
    if (!retimed) return retimed;
    // Adopted only once the schedule matches it, so writes never mix two lags on failure.
    m_impl->m_ttlSettings.lag = lag;
    return {};
}

ttl::DeletionLag Database::ttlDeletionLag() const {
    std::lock_guard lock(m_impl->m_mutex);
    return m_impl->m_ttlSettings.lag;
}

Result<ttl::TimeToLiveDescription> Database::describeTimeToLive(const std::string& tableName) {
    std::lock_guard lock(m_impl->m_mutex);
    auto found = m_impl->findTable(tableName, false);
    if (!found) return found.takeError();
    const TableInfo& table = **found;
    // AWS reports ENABLED (or DISABLED) right after a successful change (§2.6).
    ttl::TimeToLiveDescription d;
    d.status = table.ttlEnabled ? "ENABLED" : "DISABLED";
    if (table.ttlEnabled) d.attributeName = table.ttlAttribute;
    return d;
}

// ---- Streams API -----------------------------------------------------------------------------
// Reading a stream may first have to catch up with time (a shard whose period ended is closed and
// its child opened), which writes to the workspace: so these take the write lock.

Result<stream::ListStreamsResult> Database::listStreams(const stream::ListStreamsRequest& request) {
    std::lock_guard lock(m_impl->m_mutex);
    return m_impl->m_streams.list(request);
}

namespace {

// Runs one Streams API call. When a shard's period has ended the call first catches the stream up
// with time, which writes: then it runs inside a write transaction. Otherwise (nearly always) it
// only reads, and a transaction would cost a commit for nothing.
template <class T, class Call>
Result<T> catchingUp(Database::Impl& impl, const Call& call) {
    WriteLock lock(impl);
    const auto due = impl.m_streams.nextRollover();
    if (!due || *due > impl.m_clock->now()) {
        struct ReadOnly {
            stream::StreamLog& log;
            explicit ReadOnly(stream::StreamLog& l) : log(l) { log.allowCatchUp(false); }
            ~ReadOnly() { log.allowCatchUp(true); }
        } readOnly(impl.m_streams);
        return call();
    }
    Result<T> out = Error{};
    auto done = impl.writeTransaction(lock, [&]() -> Result<void> {
        out = call();
        return {};
    });
    if (!done) return done.takeError();
    return out;
}

}  // namespace

Result<stream::StreamDescription> Database::describeStream(
    const stream::DescribeStreamRequest& request) {
    return catchingUp<stream::StreamDescription>(
        *m_impl, [&] { return m_impl->m_streams.describe(request); });
}

Result<std::string> Database::getShardIterator(const stream::GetShardIteratorRequest& request) {
    return catchingUp<std::string>(*m_impl,
                                   [&] { return m_impl->m_streams.shardIterator(request); });
}

Result<stream::GetRecordsResult> Database::getRecords(const stream::GetRecordsRequest& request) {
    return catchingUp<stream::GetRecordsResult>(*m_impl,
                                                [&] { return m_impl->m_streams.records(request); });
}

Result<stream::VisitedRecords> Database::getRecords(const stream::GetRecordsRequest& request,
                                                    const stream::RecordVisitor& visit) {
    return catchingUp<stream::VisitedRecords>(
        *m_impl, [&] { return m_impl->m_streams.visitRecords(request, visit); });
}

Result<stream::StreamLineage> Database::streamLineage(const std::string& streamArn) {
    return catchingUp<stream::StreamLineage>(*m_impl,
                                             [&] { return m_impl->m_streams.lineage(streamArn); });
}

Result<stream::ReadRecordsResult> Database::readRecords(const stream::ReadRecordsRequest& request) {
    return catchingUp<stream::ReadRecordsResult>(
        *m_impl, [&] { return m_impl->m_streams.readRecords(request); });
}

Result<uint32_t> Database::partitionHash(const std::string& tableName, const model::Item& keys) {
    std::lock_guard lock(m_impl->m_mutex);
    auto table = m_impl->findTable(tableName, true);
    if (!table) return table.takeError();
    auto key = keyFromKeyParameter((*table)->keySchema(), keys);
    if (!key) return key.takeError();
    // The same 32 bits writeItem hands the stream (StoredKey::hash is 0 … 2^32-1).
    return uint32_t(key->hash);
}

// ---- Time ------------------------------------------------------------------------------------

std::optional<sim::Millis> Database::nextDue() {
    std::lock_guard lock(m_impl->m_mutex);
    auto due = m_impl->m_streams.nextDue();
    auto expiry = m_impl->nextExpiry();
    if (expiry && *expiry && (!due || **expiry < *due)) due = *expiry;
    return due;
}

Result<void> Database::runDue() {
    WriteLock lock(*m_impl);
    // A sweep deletes at most kSweepBatch items per transaction; loop until nothing is due.
    for (;;) {
        auto done = m_impl->writeTransaction(lock, [&]() -> Result<void> {
            if (auto r = m_impl->m_streams.runDue(); !r) return r;
            return m_impl->sweepExpired();
        });
        if (!done) return done;
        if (m_impl->m_deferCommits)
            if (auto r = m_impl->commitBatch(); !r) return r;
        auto next = m_impl->nextExpiry();
        if (!next || !*next || **next > m_impl->m_clock->now()) return {};
    }
}

void Database::attachTo(sim::Scheduler& scheduler) {
    {
        std::lock_guard lock(m_impl->m_mutex);
        m_impl->m_wakeScheduler = [&scheduler] { scheduler.wake(); };
    }
    scheduler.addSource([this] { return nextDue(); }, [this](sim::Millis) { (void)runDue(); });
}

std::shared_ptr<stream::Subscription> Database::subscribe(size_t capacity) {
    return m_impl->m_bus.subscribe(capacity);
}

sim::Clock& Database::clock() {
    return *m_impl->m_clock;
}

const std::string& Database::region() const {
    return m_impl->m_region;
}

}  // namespace shardscope::table

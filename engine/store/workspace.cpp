// SPDX-License-Identifier: MIT
#include "store/workspace.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstring>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "store/walvfs.h"

namespace shardscope::store {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tables(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL);
CREATE TABLE items(
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL,
    h INTEGER NOT NULL,
    pk BLOB NOT NULL,
    sk BLOB NOT NULL,
    size INTEGER NOT NULL,
    item BLOB NOT NULL);
CREATE UNIQUE INDEX items_by_key ON items(table_id, h, pk, sk);
CREATE TABLE index_entries(
    id INTEGER PRIMARY KEY,
    index_id INTEGER NOT NULL,
    h INTEGER NOT NULL,
    ipk BLOB NOT NULL,
    isk BLOB NOT NULL,
    tpk BLOB NOT NULL,
    tsk BLOB NOT NULL,
    item_id INTEGER NOT NULL);
CREATE UNIQUE INDEX index_entries_by_key ON index_entries(index_id, h, ipk, isk, tpk, tsk);
)sql";

// Version 2: streams, their shards and records, and TTL (settings and the due deletions).
// `records.event`: 1 INSERT, 2 MODIFY, 3 REMOVE, 4 REMOVE by TTL.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE streams(
    id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL,
    table_name TEXT NOT NULL,
    arn TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    view_type TEXT NOT NULL,
    key_schema TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    disabled_ms INTEGER,
    last_seq INTEGER NOT NULL);
CREATE TABLE shards(
    id INTEGER PRIMARY KEY,
    stream_id INTEGER NOT NULL,
    shard_id TEXT NOT NULL,
    parent INTEGER,
    parent_shard_id TEXT,
    lo INTEGER NOT NULL,
    hi INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    start_seq INTEGER NOT NULL,
    end_seq INTEGER,
    closed_ms INTEGER,
    trimmed_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE records(
    shard INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    event INTEGER NOT NULL,
    size INTEGER NOT NULL,
    keys BLOB NOT NULL,
    new_image BLOB,
    old_image BLOB,
    PRIMARY KEY(shard, seq)) WITHOUT ROWID;
CREATE TABLE ttl_settings(
    table_id INTEGER PRIMARY KEY,
    attribute TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    changed_ms INTEGER NOT NULL);
CREATE TABLE ttl_due(
    item_id INTEGER PRIMARY KEY,
    table_id INTEGER NOT NULL,
    due_ms INTEGER NOT NULL,
    expires_ms INTEGER NOT NULL);
CREATE INDEX ttl_due_by_time ON ttl_due(due_ms);
)sql";

// Version 3: records in a rowid table, appended in commit order, with no index of their own;
// each shard finds its records through an index the stream log keeps in memory. Keyed by
// (shard, seq), a commit touching many shards wrote as many pages of whole records, and a
// WITHOUT ROWID table moves whole rows as its B-tree grows; now a commit's records fill the
// last page or two of one table.
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE records_v3(
    id INTEGER PRIMARY KEY,
    shard INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    event INTEGER NOT NULL,
    size INTEGER NOT NULL,
    keys BLOB NOT NULL,
    new_image BLOB,
    old_image BLOB);
INSERT INTO records_v3(shard, seq, created_ms, event, size, keys, new_image, old_image)
    SELECT shard, seq, created_ms, event, size, keys, new_image, old_image FROM records
    ORDER BY shard, seq;
DROP TABLE records;
ALTER TABLE records_v3 RENAME TO records;
)sql";

// Each entry takes a workspace from the version before it to its own number (index + 1).
constexpr const char* kMigrations[] = {kSchema, kSchemaV2, kSchemaV3};
static_assert(std::size(kMigrations) == kSchemaVersion);

Error storeError(std::string message) {
    return Error{ErrorCode::InternalServerError, std::move(message), nullptr};
}

std::string sqliteMessage(sqlite3* db) {
    return db ? sqlite3_errmsg(db) : "out of memory";
}

// The first 16 bytes of every SQLite database file.
bool looksLikeSqlite(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0;
}

int64_t pragmaInt(sqlite3* db, const char* sql, bool& ok) {
    sqlite3_stmt* stmt = nullptr;
    int64_t value = 0;
    ok = sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK &&
         sqlite3_step(stmt) == SQLITE_ROW;
    if (ok) value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

// Checks an existing file through a read-only connection, so a file we refuse is never written.
Result<bool> inspectExisting(const std::string& path) {
    if (!looksLikeSqlite(path))
        return storeError("'" + path + "' is not a ShardScope workspace (not an SQLite database)");
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string msg = sqliteMessage(db);
        sqlite3_close(db);
        return storeError("cannot open '" + path + "': " + msg);
    }
    bool ok = false;
    const int64_t appId = pragmaInt(db, "PRAGMA application_id", ok);
    const int64_t version = ok ? pragmaInt(db, "PRAGMA user_version", ok) : 0;
    const int64_t objects = ok ? pragmaInt(db, "SELECT count(*) FROM sqlite_master", ok) : 0;
    std::string integrity;
    if (ok && appId == kApplicationId) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA quick_check(1)", -1, &stmt, nullptr) == SQLITE_OK &&
            sqlite3_step(stmt) == SQLITE_ROW)
            integrity = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);

    if (!ok) return storeError("'" + path + "' is damaged and cannot be read as a workspace");
    if (appId == 0 && objects == 0) return true;  // an empty database: initialise it
    if (appId != kApplicationId)
        return storeError("'" + path + "' is an SQLite database but not a ShardScope workspace");
    if (version > kSchemaVersion)
        return storeError("'" + path + "' was written by a newer ShardScope (workspace version " +
                          std::to_string(version) + ", this build reads up to " +
                          std::to_string(kSchemaVersion) + ")");
    if (integrity != "ok")
        return storeError("'" + path + "' is damaged: " +
                          (integrity.empty() ? std::string("integrity check failed") : integrity));
    return false;
}

}  // namespace

// ---- Statement ---------------------------------------------------------------------------------

Statement::Statement(sqlite3* db, std::string_view sql) {
    if (sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt,
                           nullptr) != SQLITE_OK) {
        m_failed = true;
        m_error = sqliteMessage(db);
    }
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view blob) {
    // An empty blob must still be a BLOB, not NULL: pass a non-null pointer.
    sqlite3_bind_blob(m_stmt, index, blob.empty() ? "" : blob.data(), int(blob.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindText(int index, std::string_view text) {
    sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step() {
    if (!m_stmt) {
        m_failed = true;
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) {
        m_failed = true;
        m_error = sqlite3_errmsg(sqlite3_db_handle(m_stmt));
    }
    return false;
}

bool Statement::run() {
    while (step()) {
    }
    const bool ok = !m_failed;
    if (!ok) m_lastError = m_error;
    reset();
    return ok;
}

void Statement::reset() {
    if (!m_stmt) return;  // a statement that failed to prepare stays failed
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_failed = false;
    m_error.clear();
}

int64_t Statement::columnInt(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::string_view Statement::columnBlob(int column) const {
    const void* data = sqlite3_column_blob(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string_view(static_cast<const char*>(data), size_t(size))
                : std::string_view();
}

std::string_view Statement::columnText(int column) const {
    const unsigned char* data = sqlite3_column_text(m_stmt, column);
    const int size = sqlite3_column_bytes(m_stmt, column);
    return data ? std::string_view(reinterpret_cast<const char*>(data), size_t(size))
                : std::string_view();
}

bool Statement::columnIsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// ---- Workspace ---------------------------------------------------------------------------------

Workspace::Workspace(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

Workspace::~Workspace() {
    if (m_checkpointer.joinable()) {
        {
            std::lock_guard lock(m_checkpointMutex);
            m_stopping = true;
        }
        m_checkpointWake.notify_all();
        m_checkpointer.join();
    }
    m_statements.clear();
    sqlite3_close(m_db);
}

void Workspace::startCheckpointer() {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(m_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                        frameWritingVfs()) != SQLITE_OK) {
        sqlite3_close(db);
        (void)exec("PRAGMA wal_autocheckpoint=1000");  // fall back to checkpoints on commit
        return;
    }
    sqlite3_busy_timeout(db, 100);
    m_checkpointer = std::thread([this, db] { checkpointLoop(db); });
}

void Workspace::checkpointLoop(sqlite3* db) {
    // A connection joins the WAL only when it first reads; until then a checkpoint through it
    // returns OK having copied nothing.
    sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    // Past this many frames (64 MiB of 4 KiB pages), once everything is copied, the WAL is
    // restarted: the writer then reuses the file from its start instead of growing it forever
    // (a writer that never pauses never meets a fully copied WAL by chance).
    constexpr int kRestartFrames = 16384;
    std::unique_lock lock(m_checkpointMutex);
    while (!m_stopping) {
        m_checkpointWake.wait_for(lock, std::chrono::milliseconds(250));
        if (m_stopping) break;
        lock.unlock();
        // PASSIVE never blocks the writer; frames it cannot copy yet wait for the next round.
        int logFrames = 0, copied = 0;
        const int rc =
            sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied);
        // RESTART holds off the writer only while it finishes the few frames written since
        // (its busy timeout bounds the wait; on timeout the next round tries again).
        if (rc == SQLITE_OK && logFrames > kRestartFrames)
            sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
        lock.lock();
    }
    sqlite3_close(db);
}

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& path) {
    const bool inMemory = path == ":memory:";
    bool fresh = true;
    std::error_code ec;
    if (!inMemory && std::filesystem::exists(path, ec) &&
        std::filesystem::file_size(path, ec) > 0) {
        auto inspected = inspectExisting(path);
        if (!inspected) return inspected.takeError();
        fresh = *inspected;
    }

    sqlite3* db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db, flags, frameWritingVfs()) != SQLITE_OK) {
        std::string msg = sqliteMessage(db);
        sqlite3_close(db);
        return storeError("cannot open '" + path + "': " + msg);
    }
    std::unique_ptr<Workspace> ws(new Workspace(db, path));
    sqlite3_busy_timeout(db, 5000);
    // WAL with synchronous=NORMAL: a commit is in the OS before the call returns, so it survives
    // the process being killed (kill -9); only a power loss can take the last commits.
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=OFF",
          "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY",
          // After a restart the WAL file is cut back to this size rather than kept at its peak.
          "PRAGMA journal_size_limit=67108864"}) {
        if (auto r = ws->exec(pragma); !r) return r.takeError();
    }
    bool ok = true;
    const int64_t version = fresh ? 0 : pragmaInt(db, "PRAGMA user_version", ok);
    if (auto r = ws->migrate(version); !r) return r.takeError();
    if (!inMemory) {
        if (auto r = ws->exec("PRAGMA wal_autocheckpoint=0"); !r) return r.takeError();
        ws->startCheckpointer();
    }
    return ws;
}

Result<void> Workspace::migrate(int64_t fromVersion) {
    if (fromVersion >= kSchemaVersion) return {};
    return transaction([&]() -> Result<void> {
        for (int64_t v = fromVersion; v < kSchemaVersion; ++v)
            if (auto r = exec(kMigrations[v]); !r) return r;
        if (auto r = exec("PRAGMA application_id=" + std::to_string(kApplicationId)); !r) return r;
        return exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
    });
}

std::optional<std::string> Workspace::meta(std::string_view key) {
    auto& stmt = statement("SELECT value FROM meta WHERE key=?1");
    stmt.bindText(1, key);
    std::optional<std::string> value;
    if (stmt.step()) value = std::string(stmt.columnText(0));
    stmt.reset();
    return value;
}

Result<void> Workspace::setMeta(std::string_view key, std::string_view value) {
    auto& stmt = statement("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
    if (!stmt.bindText(1, key).bindText(2, value).run())
        return storeError("workspace error: " + stmt.lastError());
    return {};
}

Result<void> Workspace::exec(std::string_view sql) {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqliteMessage(m_db);
        sqlite3_free(err);
        return storeError("workspace error: " + msg);
    }
    return {};
}

Result<void> Workspace::execCached(std::string_view sql) {
    auto& stmt = statement(sql);
    if (!stmt.run()) return storeError("workspace error: " + stmt.lastError());
    return {};
}

namespace {

bool syncFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

}  // namespace

Result<void> Workspace::copyTo(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path target = fs::absolute(path, ec);
    if (m_path != ":memory:" && fs::equivalent(target, fs::absolute(m_path, ec), ec))
        return validationError("The workspace is already saved to " + path +
                               ": every change is written as it happens.");
    const std::string temporary = target.string() + ".saving";
    fs::remove(temporary, ec);
    {
        Statement vacuum(m_db, "VACUUM INTO ?1");
        vacuum.bindText(1, temporary);
        if (!vacuum.run()) {
            fs::remove(temporary, ec);
            return storeError("Could not save a copy to " + path + ": " + vacuum.lastError());
        }
    }
    if (!syncFile(temporary)) {
        fs::remove(temporary, ec);
        return storeError("Could not save a copy to " + path + ": the file could not be synced");
    }
    // A journal left by an earlier workspace of that name would be replayed onto the copy: it
    // is moved aside first, and back if the copy cannot take the name after all.
    std::vector<std::pair<std::string, std::string>> aside;
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
        const std::string journal = target.string() + suffix;
        if (!fs::exists(journal, ec)) continue;
        const std::string moved = temporary + suffix + "-old";
        fs::rename(journal, moved, ec);
        if (!ec) aside.emplace_back(journal, moved);
    }
    fs::rename(temporary, target, ec);
    if (ec) {
        const std::string reason = ec.message();
        for (const auto& [journal, moved] : aside) fs::rename(moved, journal, ec);
        fs::remove(temporary, ec);
        return storeError("Could not save a copy to " + path + ": " + reason);
    }
    for (const auto& [journal, moved] : aside) fs::remove(moved, ec);
    syncFile(target.parent_path().string());  // the rename itself
    return {};
}

Result<void> Workspace::transaction(const std::function<Result<void>()>& work) {
    if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    Result<void> result = work();
    if (!result) {
        (void)exec("ROLLBACK");
        return result;
    }
    if (auto r = exec("COMMIT"); !r) {
        (void)exec("ROLLBACK");
        return r;
    }
    return {};
}

Workspace::ReadScope::ReadScope(Workspace& ws) : m_ws(ws) {
    m_began = sqlite3_get_autocommit(ws.m_db) && ws.execCached("BEGIN");
}

Workspace::ReadScope::~ReadScope() {
    if (m_began && !m_ws.execCached("COMMIT")) (void)m_ws.execCached("ROLLBACK");
}

int64_t Workspace::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int64_t Workspace::changes() const {
    return sqlite3_changes64(m_db);
}

Statement& Workspace::statement(std::string_view sql) {
    // One that failed to prepare (out of memory, a busy schema) is prepared again: cached as it
    // was, BEGIN or COMMIT would fail for the rest of the session.
    if (auto it = m_statements.find(sql); it != m_statements.end() && it->second->prepared())
        return *it->second;
    auto& stmt = m_statements[std::string(sql)];
    stmt = std::make_unique<Statement>(m_db, sql);
    return *stmt;
}

}  // namespace shardscope::store

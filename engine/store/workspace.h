// SPDX-License-Identifier: MIT
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "model/error.h"

struct sqlite3;
struct sqlite3_stmt;

// The workspace file: one SQLite database (WAL) holding every table, item and index entry.
//
// Threading: a Workspace is not thread-safe; its owner (table::Database) serialises access.
namespace shardscope::store {

// The schema version this build writes. Files with a higher version are refused unchanged.
constexpr int kSchemaVersion = 3;
// PRAGMA application_id of a workspace ("SSCP"), so a foreign SQLite file is recognised.
constexpr int32_t kApplicationId = 0x53534350;

// A prepared statement bound to one connection; resets itself after each use.
class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, int64_t value);
    Statement& bind(int index, std::string_view blob);  // bound as a BLOB
    Statement& bindText(int index, std::string_view text);
    Statement& bindNull(int index);

    // Steps once: true while a row is available. SQLite errors are recorded and end the loop.
    bool step();
    // Runs to completion and resets; returns false on error (see lastError()).
    bool run();
    void reset();

    int64_t columnInt(int column) const;
    std::string_view columnBlob(int column) const;
    std::string_view columnText(int column) const;
    bool columnIsNull(int column) const;

    bool failed() const { return m_failed; }
    bool prepared() const { return m_stmt != nullptr; }
    const std::string& errorMessage() const { return m_error; }
    const std::string& lastError() const { return m_lastError; }

private:
    sqlite3_stmt* m_stmt = nullptr;
    bool m_failed = false;
    std::string m_error;
    std::string m_lastError;
};

class Workspace {
public:
    // Opens (creating when missing or empty) a workspace file, or ":memory:". Refuses, without
    // writing anything, a file that is not SQLite, not a ShardScope workspace, damaged, or from a
    // newer schema version.
    static Result<std::unique_ptr<Workspace>> open(const std::string& path);
    ~Workspace();

    sqlite3* handle() const { return m_db; }
    const std::string& path() const { return m_path; }

    // Runs SQL without results (DDL, BEGIN/COMMIT).
    Result<void> exec(std::string_view sql);
    // The same for one statement run again and again (BEGIN, SAVEPOINT, COMMIT on the write
    // path): prepared once and cached, where exec() parses the text on every call.
    Result<void> execCached(std::string_view sql);
    // BEGIN IMMEDIATE … COMMIT around `work`; rolls back when work returns an error.
    Result<void> transaction(const std::function<Result<void>()>& work);

    // Holds one read transaction over a run of reads when no transaction is open: a statement
    // run outside one takes and drops the WAL's read lock (system calls) on its own, every time.
    class ReadScope {
    public:
        explicit ReadScope(Workspace& ws);
        ~ReadScope();
        ReadScope(const ReadScope&) = delete;
        ReadScope& operator=(const ReadScope&) = delete;

    private:
        Workspace& m_ws;
        bool m_began = false;
    };

    int64_t lastInsertRowId() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    int64_t changes() const;

    // A statement cached by its SQL text; valid for the workspace's lifetime.
    Statement& statement(std::string_view sql);

    // Writes a consistent copy of the whole workspace to `path` (VACUUM INTO a temporary file
    // beside it, synced, then renamed over `path`), so a crash never leaves half a file there.
    // Must not run inside a transaction. Errors: the path is this workspace, or cannot be
    // written (the message names it).
    Result<void> copyTo(const std::string& path);

    // The workspace's own settings (the clock, the seed, the iterator key), as text.
    std::optional<std::string> meta(std::string_view key);
    Result<void> setMeta(std::string_view key, std::string_view value);

private:
    Workspace(sqlite3* db, std::string path);
    // Creates (from version 0) or upgrades the schema to kSchemaVersion in one transaction.
    Result<void> migrate(int64_t fromVersion);
    void startCheckpointer();
    void checkpointLoop(sqlite3* db);

    sqlite3* m_db = nullptr;
    std::string m_path;

    // Checkpoints run on their own connection and thread, so the fsyncs they need never stall a
    // commit; the write path only appends to the WAL.
    std::thread m_checkpointer;
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWake;
    bool m_stopping = false;
    // Looked up on every call: a map keyed by the SQL text, not a list to walk.
    std::map<std::string, std::unique_ptr<Statement>, std::less<>> m_statements;
};

}  // namespace shardscope::store

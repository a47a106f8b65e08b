// SPDX-License-Identifier: MIT
// The workspace file: persistence, and refusing files that are not ours (design: "The workspace").
#include <sqlite3.h>
#include <filesystem>
#include <fstream>

#include "store/walvfs.h"
#include "store/workspace.h"
#include "wirefixture.h"

namespace shardscope::testing {
namespace {

namespace fs = std::filesystem;

class WorkspaceFile : public WireTest {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("shardscope-ws-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
        m_path = (m_dir / "work.db").string();
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_db.reset();
        fs::remove_all(m_dir);
    }
    std::string bytesOf(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
    // Opening must fail with a message mentioning `words`, and leave the file as it was.
    void expectRefused(const std::string& words) {
        const std::string before = bytesOf(m_path);
        auto db = table::Database::open({m_path});
        ASSERT_FALSE(db.ok());
        EXPECT_NE(db.error().message.find(words), std::string::npos) << db.error().message;
        EXPECT_EQ(bytesOf(m_path), before);
        EXPECT_FALSE(fs::exists(m_path + "-wal"));
    }

    fs::path m_dir;
    std::string m_path;
};

TEST_F(WorkspaceFile, TablesAndItemsSurviveReopening) {
    openDatabase(m_path);
    createKeyed("Tasks");
    ok("PutItem",
       {{"TableName", "Tasks"}, {"Item", {{"pk", S("a")}, {"sk", S("1")}, {"v", N("3")}}}});
    openDatabase(m_path);
    const json got =
        ok("GetItem", {{"TableName", "Tasks"}, {"Key", {{"pk", S("a")}, {"sk", S("1")}}}});
    EXPECT_EQ(got["Item"]["v"], N("3"));
    EXPECT_EQ(ok("DescribeTable", {{"TableName", "Tasks"}})["Table"]["ItemCount"], 1);
}

// GetRecords writes each record out as it reads it: a record whose stored image no longer decodes
// fails the whole call with InternalServerError (no half page), and the read leaves the
// workspace as usable as before, for the records before it and for writes.
TEST_F(WorkspaceFile, GetRecordsReportsADamagedStreamRecord) {
    openDatabase(m_path);
    createStreamed("Tasks", "NEW_AND_OLD_IMAGES");
    for (const char* pk : {"a", "b", "c"})
        ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S(pk)}}}});
    m_dispatcher.reset();
    m_db.reset();
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(m_path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw,
                           "UPDATE records SET new_image = x'0105' WHERE seq = "
                           "(SELECT seq FROM records ORDER BY seq LIMIT 1 OFFSET 1)",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    EXPECT_EQ(sqlite3_changes(raw), 1);
    sqlite3_close(raw);
    openDatabase(m_path);

    const std::string arn =
        ok("DescribeTable", {{"TableName", "Tasks"}})["Table"]["LatestStreamArn"];
    const json shards =
        streamsCall("DescribeStream", {{"StreamArn", arn}}).body["StreamDescription"]["Shards"];
    ASSERT_EQ(shards.size(), 1u);
    const std::string it = streamsCall("GetShardIterator", {{"StreamArn", arn},
                                                            {"ShardId", shards[0]["ShardId"]},
                                                            {"ShardIteratorType", "TRIM_HORIZON"}})
                               .body["ShardIterator"];

    const Answer damaged = streamsCall("GetRecords", {{"ShardIterator", it}});
    EXPECT_EQ(damaged.status, 500);
    EXPECT_EQ(damaged.body.value("__type", ""),
              "com.amazonaws.dynamodb.v20120810#InternalServerError");
    EXPECT_EQ(damaged.body.value("message", ""), "damaged stream record");
    EXPECT_FALSE(damaged.body.contains("Records"));
    stream::GetRecordsRequest request;
    request.shardIterator = it;
    auto collected = m_db->getRecords(request);
    ASSERT_FALSE(collected.ok());
    EXPECT_EQ(collected.error().message, "damaged stream record");

    const Answer first = streamsCall("GetRecords", {{"ShardIterator", it}, {"Limit", 1}});
    ASSERT_EQ(first.status, 200) << first.body.dump();
    ASSERT_EQ(first.body["Records"].size(), 1u);
    EXPECT_EQ(first.body["Records"][0]["dynamodb"]["Keys"]["pk"], S("a"));
    ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S("d")}}}});
    openDatabase(m_path);
    EXPECT_EQ(ok("Scan", {{"TableName", "Tasks"}, {"Select", "COUNT"}})["Count"], 4);
}

// A workspace written before version 3 kept stream records in a WITHOUT ROWID table keyed by
// (shard, seq). Opening it moves them into the append-ordered table: every record reads back as
// it was, in order, and the next change continues the sequence.
TEST_F(WorkspaceFile, AVersion2WorkspaceKeepsItsStreamRecords) {
    openDatabase(m_path);
    createStreamed("Tasks", "NEW_AND_OLD_IMAGES");
    for (const char* pk : {"a", "b", "c"})
        ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S(pk)}, {"n", N("1")}}}});
    ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S("a")}, {"n", N("2")}}}});
    ok("DeleteItem", {{"TableName", "Tasks"}, {"Key", {{"pk", S("b")}}}});
    const json before = latestStreamRecords("Tasks");
    ASSERT_EQ(before.size(), 5u);
    m_dispatcher.reset();
    m_db.reset();

    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(m_path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, R"sql(
        CREATE TABLE records_v2(
            shard INTEGER NOT NULL, seq INTEGER NOT NULL, created_ms INTEGER NOT NULL,
            event INTEGER NOT NULL, size INTEGER NOT NULL, keys BLOB NOT NULL,
            new_image BLOB, old_image BLOB, PRIMARY KEY(shard, seq)) WITHOUT ROWID;
        INSERT INTO records_v2 SELECT shard, seq, created_ms, event, size, keys, new_image,
            old_image FROM records ORDER BY seq DESC;
        DROP TABLE records;
        ALTER TABLE records_v2 RENAME TO records;
        PRAGMA user_version=2;)sql",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(raw);
    sqlite3_close(raw);

    openDatabase(m_path);
    EXPECT_EQ(latestStreamRecords("Tasks"), before);
    ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S("d")}}}});
    const json after = latestStreamRecords("Tasks");
    ASSERT_EQ(after.size(), 6u);
    EXPECT_EQ(after[5]["dynamodb"]["Keys"]["pk"], S("d"));
    EXPECT_GT(after[5]["dynamodb"]["SequenceNumber"].get<std::string>(),
              before[4]["dynamodb"]["SequenceNumber"].get<std::string>());
    m_dispatcher.reset();
    m_db.reset();

    ASSERT_EQ(sqlite3_open(m_path.c_str(), &raw), SQLITE_OK);
    sqlite3_stmt* version = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &version, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(version), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(version, 0), store::kSchemaVersion);
    sqlite3_finalize(version);
    sqlite3_close(raw);
}

// GetItem, Query and Scan write whole items out straight from their stored bytes: an item that no
// longer decodes fails the call with InternalServerError (no half answer), whichever way it is
// read, and the items beside it stay readable.
TEST_F(WorkspaceFile, ReadsReportADamagedItem) {
    openDatabase(m_path);
    createKeyed("Tasks");
    for (const char* sk : {"a", "b", "c"})
        ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S("list")}, {"sk", S(sk)}}}});
    m_dispatcher.reset();
    m_db.reset();
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(m_path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(raw, "UPDATE items SET item = x'0105' WHERE sk = x'62'", nullptr,
                           nullptr, nullptr),
              SQLITE_OK);  // sk "b": string keys are stored as their bytes
    EXPECT_EQ(sqlite3_changes(raw), 1);
    sqlite3_close(raw);
    openDatabase(m_path);

    const auto expectDamaged = [&](const std::string& operation, const json& request) {
        const Answer a = call(operation, request);
        EXPECT_EQ(a.status, 500) << operation << " " << a.body.dump();
        EXPECT_EQ(a.errorCode(), "InternalServerError") << operation;
        EXPECT_EQ(a.message(), "the workspace holds a damaged item in table Tasks") << operation;
        EXPECT_FALSE(a.body.contains("Item") || a.body.contains("Items")) << operation;
    };
    const json damagedKey = {{"pk", S("list")}, {"sk", S("b")}};
    expectDamaged("GetItem", {{"TableName", "Tasks"}, {"Key", damagedKey}});
    expectDamaged("GetItem",
                  {{"TableName", "Tasks"}, {"Key", damagedKey}, {"ProjectionExpression", "sk"}});
    const json byList = {{"TableName", "Tasks"},
                         {"KeyConditionExpression", "pk = :p"},
                         {"ExpressionAttributeValues", {{":p", S("list")}}}};
    expectDamaged("Query", byList);
    json filtered = byList;
    filtered["FilterExpression"] = "attribute_exists(sk)";
    expectDamaged("Query", filtered);
    expectDamaged("Scan", {{"TableName", "Tasks"}});

    EXPECT_EQ(ok("GetItem", {{"TableName", "Tasks"},
                             {"Key", {{"pk", S("list")}, {"sk", S("c")}}}})["Item"]["sk"],
              S("c"));
    json first = byList;
    first["Limit"] = 1;
    const json page = ok("Query", first);
    ASSERT_EQ(page["Items"].size(), 1u);
    EXPECT_EQ(page["Items"][0]["sk"], S("a"));
    EXPECT_EQ(page["LastEvaluatedKey"], json({{"pk", S("list")}, {"sk", S("a")}}));
}

// What kill -9 leaves behind is the files as the OS has them: every acknowledged write must be
// there, none held back in the process (the WAL frames are written whole, header and page in
// one write, before the commit returns).
TEST_F(WorkspaceFile, FilesHoldEveryAcknowledgedWriteWhileTheWorkspaceIsOpen) {
    openDatabase(m_path);
    createKeyed("Tasks");
    for (int i = 0; i < 300; ++i)
        ok("PutItem", {{"TableName", "Tasks"},
                       {"Item",
                        {{"pk", S("p" + std::to_string(i % 7))},
                         {"sk", S(std::to_string(i))},
                         {"v", N(std::to_string(i))}}}});
    const fs::path crashed = m_dir / "crashed";
    fs::create_directories(crashed);
    for (const char* suffix : {"", "-wal"})
        fs::copy_file(m_path + suffix, (crashed / "work.db").string() + suffix);
    openDatabase((crashed / "work.db").string());
    const json count = ok("Scan", {{"TableName", "Tasks"}, {"Select", "COUNT"}});
    EXPECT_EQ(count["Count"], 300);
    const json got =
        ok("GetItem", {{"TableName", "Tasks"}, {"Key", {{"pk", S("p5")}, {"sk", S("299")}}}});
    EXPECT_EQ(got["Item"]["v"], N("299"));
}

// A transaction larger than the page cache spills pages to the WAL before its commit and then
// rewrites some of them in place; SQLite then rewrites the checksums of every frame from the
// first rewritten one up to the commit frame as 24-byte writes over existing headers. Those are
// not frame appends: held back, the commit frame's header would stay in the process (no sync
// follows under synchronous=NORMAL) and recovery after kill -9 would drop the acknowledged
// transaction.
TEST_F(WorkspaceFile, FilesHoldATransactionThatRewroteSpilledPagesWhileTheWorkspaceIsOpen) {
    const char* vfs = store::frameWritingVfs();
    ASSERT_NE(vfs, nullptr);
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(m_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs),
              SQLITE_OK);
    const auto exec = [](sqlite3* on, const std::string& sql) {
        char* message = nullptr;
        const int rc = sqlite3_exec(on, sql.c_str(), nullptr, nullptr, &message);
        const std::string text = message ? message : "";
        sqlite3_free(message);
        return rc == SQLITE_OK ? std::string() : sql + ": " + text;
    };
    for (const char* sql :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA wal_autocheckpoint=0",
          "PRAGMA cache_size=10", "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)"})
        ASSERT_EQ(exec(db, sql), "");
    ASSERT_EQ(exec(db, "BEGIN IMMEDIATE"), "");
    for (int i = 0; i < 400; ++i)
        ASSERT_EQ(exec(db, "INSERT INTO t VALUES(" + std::to_string(i) + ", randomblob(900))"), "");
    // Pages written out by the spill above are changed again in the same transaction.
    ASSERT_EQ(exec(db, "UPDATE t SET v=zeroblob(900) WHERE id % 3 = 0"), "");
    ASSERT_EQ(exec(db, "COMMIT"), "");

    const fs::path crashed = m_dir / "crashed";
    fs::create_directories(crashed);
    for (const char* suffix : {"", "-wal"})
        fs::copy_file(m_path + suffix, (crashed / "work.db").string() + suffix);
    sqlite3* copy = nullptr;
    ASSERT_EQ(sqlite3_open_v2((crashed / "work.db").string().c_str(), &copy, SQLITE_OPEN_READWRITE,
                              nullptr),
              SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(copy, "SELECT count(*), sum(v = zeroblob(900)) FROM t", -1, &stmt,
                                 nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(stmt, 0), 400);
    EXPECT_EQ(sqlite3_column_int(stmt, 1), 134);
    sqlite3_finalize(stmt);
    sqlite3_close(copy);
    sqlite3_close(db);
}

// Save As: a copy holds every committed write; the original stays open and writable.
TEST_F(WorkspaceFile, SaveCopyWritesAWorkspaceThatOpensWithEverything) {
    openDatabase(m_path);
    createKeyed("Tasks");
    ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S("a")}, {"sk", S("1")}}}});
    const std::string copy = (m_dir / "copy.db").string();
    auto saved = m_db->saveCopy(copy);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_FALSE(fs::exists(copy + ".saving"));
    ok("PutItem", {{"TableName", "Tasks"}, {"Item", {{"pk", S("b")}, {"sk", S("1")}}}});

    openDatabase(copy);
    EXPECT_EQ(ok("Scan", {{"TableName", "Tasks"}})["Count"], 1);  // the copy's moment
    openDatabase(m_path);
    EXPECT_EQ(ok("Scan", {{"TableName", "Tasks"}})["Count"], 2);
}

TEST_F(WorkspaceFile, SaveCopyOfAnInMemoryWorkspaceKeepsItsVirtualMoment) {
    table::DatabaseOptions options(":memory:");
    options.clockMode = sim::Clock::Mode::Virtual;
    auto memory = table::Database::open(options);
    ASSERT_TRUE(memory.ok());
    (*memory)->clock().advanceBy(3'600'000);
    const int64_t moment = (*memory)->clock().now();
    const std::string copy = (m_dir / "kept.db").string();
    ASSERT_TRUE((*memory)->saveCopy(copy).ok());
    auto reopened = table::Database::open({copy});
    ASSERT_TRUE(reopened.ok()) << reopened.error().message;
    EXPECT_EQ((*reopened)->clock().mode(), sim::Clock::Mode::Virtual);
    EXPECT_EQ((*reopened)->clock().now(), moment);
}

TEST_F(WorkspaceFile, SaveCopyReplacesAFileAndIgnoresItsOldJournal) {
    openDatabase(m_path);
    createKeyed("Tasks");
    const std::string copy = (m_dir / "old.db").string();
    {
        std::ofstream(copy) << "an older file";
        std::ofstream(copy + "-wal") << "a journal that is not the copy's";
    }
    ASSERT_TRUE(m_db->saveCopy(copy).ok());
    EXPECT_FALSE(fs::exists(copy + "-wal"));
    openDatabase(copy);
    EXPECT_EQ(ok("ListTables", json::object())["TableNames"], json::array({"Tasks"}));
}

TEST_F(WorkspaceFile, SaveCopyRefusesItsOwnFileAndAnUnwritablePlace) {
    openDatabase(m_path);
    auto own = m_db->saveCopy(m_path);
    ASSERT_FALSE(own.ok());
    EXPECT_NE(own.error().message.find("already saved"), std::string::npos);
    auto nowhere = m_db->saveCopy((m_dir / "no-such-dir" / "x.db").string());
    ASSERT_FALSE(nowhere.ok());
    EXPECT_NE(nowhere.error().message.find("Could not save a copy to"), std::string::npos)
        << nowhere.error().message;
    createKeyed("StillWritable");
}

TEST_F(WorkspaceFile, RefusesAFileThatIsNotSqlite) {
    std::ofstream(m_path) << "hello, this is a text file and not a workspace\n";
    expectRefused("not a ShardScope workspace");
}

TEST_F(WorkspaceFile, RefusesAForeignSqliteDatabase) {
    sqlite3* db = nullptr;
    sqlite3_open(m_path.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE people(name TEXT)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    expectRefused("not a ShardScope workspace");
}

TEST_F(WorkspaceFile, RefusesANewerVersion) {
    openDatabase(m_path);
    m_dispatcher.reset();
    m_db.reset();
    sqlite3* db = nullptr;
    sqlite3_open(m_path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=DELETE; PRAGMA user_version=99", nullptr, nullptr,
                 nullptr);
    sqlite3_close(db);
    expectRefused("newer");
}

TEST_F(WorkspaceFile, RefusesADamagedFile) {
    openDatabase(m_path);
    createKeyed("Tasks");
    for (int i = 0; i < 200; ++i)
        ok("PutItem", {{"TableName", "Tasks"},
                       {"Item",
                        {{"pk", S("p" + std::to_string(i))},
                         {"sk", S("1")},
                         {"pad", S(std::string(500, 'x'))}}}});
    m_dispatcher.reset();
    m_db.reset();
    {  // checkpoint into the main file, then scribble over a page in the middle
        sqlite3* db = nullptr;
        sqlite3_open(m_path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE", nullptr,
                     nullptr, nullptr);
        sqlite3_close(db);
    }
    std::string bytes = bytesOf(m_path);
    ASSERT_GT(bytes.size(), 8u * 4096);
    for (size_t i = 4 * 4096; i < 6 * 4096; ++i) bytes[i] = char(0x5a);
    std::ofstream(m_path, std::ios::binary | std::ios::trunc) << bytes;
    expectRefused("damaged");
}

TEST_F(WorkspaceFile, AnEmptyFileBecomesAWorkspace) {
    std::ofstream(m_path).close();
    openDatabase(m_path);
    createKeyed("Tasks");
}

}  // namespace
}  // namespace shardscope::testing

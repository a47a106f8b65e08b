// SPDX-License-Identifier: MIT
// In-process figures for the engine: single-item operations and a Query page, on ":memory:" and
// on a durable workspace file, next to the SQLite grouped-insert ceiling measured in the same run
// (the reference point ../shared/bench/RESULTS-peers.md uses, 1,000 rows per commit) and regrouped
// into smaller commits.
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <time.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <thread>

#include "model/json.h"
#include "table/database.h"
#include "wire/decode.h"
#include "wire/directread.h"
#include "wire/dispatcher.h"

namespace {

using namespace shardscope;
using model::AttributeValue;
using model::Item;

std::string tempPath(const char* name) {
    return (std::filesystem::temp_directory_path() /
            (std::string("shardscope-bench-") + std::to_string(::getpid()) + "-" + name))
        .string();
}

// CPU time of the whole process, the checkpointer thread included: a durable write's cost
// includes copying its pages into the database file later, and the ceiling pays for that too.
double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

// Sets `per_process_cpu_s`: items per second of the process's CPU time since `cpuStart`.
void setProcessCpuRate(benchmark::State& state, double cpuStart, int64_t items) {
    const double cpu = processCpuSeconds() - cpuStart;
    state.counters["per_process_cpu_s"] = cpu > 0 ? double(items) / cpu : 0;
}

void removeDatabase(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// Pseudo-random bytes made once, so a benchmark's loop times the storage work and not a random
// generator: payloads are slices of it (the ceiling's rows too, so both pay the same).
std::string_view randomPool() {
    static const std::string pool = [] {
        static const char alphabet[] =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        std::mt19937 random(3);
        std::string bytes(1 << 16, ' ');
        for (char& c : bytes) c = alphabet[random() % 62];
        return bytes;
    }();
    return pool;
}

std::string_view payloadAt(int64_t i, size_t size) {
    const std::string_view pool = randomPool();
    return pool.substr(size_t(i * 131) % (pool.size() - size), size);
}

// A ~200-byte item shaped like ddb-bench's: keys, a counter, a status, a price, a flag, a map
// and a pseudo-random payload.
Item benchItem(int i, std::mt19937& random) {
    const std::string payload(payloadAt(int64_t(random() % 65536), 96));
    char pk[16], sk[16];
    std::snprintf(pk, sizeof pk, "p%04d", i % 100);
    std::snprintf(sk, sizeof sk, "a%09d", i);
    AttributeValue::Map meta{{"k", AttributeValue::string("v")},
                             {"n", AttributeValue::number(model::Number::fromInt(i))}};
    return Item{{"pk", AttributeValue::string(pk)},
                {"sk", AttributeValue::string(sk)},
                {"counter", AttributeValue::number(model::Number::fromInt(0))},
                {"status", AttributeValue::string("new")},
                {"price", AttributeValue::number(*model::Number::parse("12.34"))},
                {"active", AttributeValue::boolean(true)},
                {"meta", AttributeValue::map(meta)},
                {"payload", AttributeValue::string(payload)}};
}

// shards: 0 keeps the stream's default shape (one shard, split under load); N opens N shards
// that never split, as a stream read shard by shard while their records interleave.
std::unique_ptr<table::Database> openWithTable(const std::string& path, bool stream = false,
                                               bool deferCommits = false, int shards = 0) {
    table::DatabaseOptions options;
    options.path = path;
    options.deferCommits = deferCommits;
    if (shards > 0) {
        options.streams.initialShards = shards;
        options.streams.maxOpenShards = shards;
    }
    auto db = table::Database::open(options);
    if (!db) {
        std::fprintf(stderr, "open failed: %s\n", db.error().message.c_str());
        std::abort();
    }
    table::CreateTableRequest create;
    create.tableName = "bench";
    create.keySchema = {{"pk", "HASH"}, {"sk", "RANGE"}};
    create.attributeDefinitions = {{"pk", "S"}, {"sk", "S"}};
    create.billingMode = "PAY_PER_REQUEST";
    if (stream) create.streamSpecification = table::StreamSpecification{true, "NEW_AND_OLD_IMAGES"};
    if (!(*db)->createTable(create)) std::abort();
    return std::move(*db);
}

// Fixture state per benchmark run: a database (in memory or on disk) preloaded with `preload`
// items, so reads and updates hit real rows.
struct Bench {
    explicit Bench(bool durable, int preload = 0, bool stream = false, bool deferCommits = false,
                   int shards = 0)
        : path(durable ? tempPath("db") : ":memory:") {
        if (durable) removeDatabase(path);
        db = openWithTable(path, stream, deferCommits, shards);
        std::mt19937 random(42);
        for (int i = 0; i < preload; ++i) put(i, random);
    }
    ~Bench() {
        db.reset();
        if (path != ":memory:") removeDatabase(path);
    }
    void put(int i, std::mt19937& random) {
        table::PutItemRequest request;
        request.tableName = "bench";
        request.item = benchItem(i, random);
        if (!db->putItem(request)) std::abort();
    }
    static Item key(int i) {
        char pk[16], sk[16];
        std::snprintf(pk, sizeof pk, "p%04d", i % 100);
        std::snprintf(sk, sizeof sk, "a%09d", i);
        return Item{{"pk", AttributeValue::string(pk)}, {"sk", AttributeValue::string(sk)}};
    }

    std::string path;
    std::unique_ptr<table::Database> db;
};

void BM_PutItem(benchmark::State& state) {
    Bench bench(state.range(0) != 0, 0, state.range(1) != 0);
    std::mt19937 random(7);
    int i = 0;
    const double cpuStart = processCpuSeconds();
    for (auto _ : state) bench.put(i++, random);
    setProcessCpuRate(state, cpuStart, state.iterations());
    state.SetItemsProcessed(state.iterations());
}

// Durable puts the way `shardscope serve` makes them: each put is applied, and every
// `puts_per_commit` puts one flush() commits them all before their answers would go out (the
// endpoint flushes once for all the requests it read together; 16 clients give at most 16).
void BM_PutItemDeferredCommit(benchmark::State& state) {
    Bench bench(true, 0, false, true);
    const int64_t putsPerCommit = state.range(0);
    std::mt19937 random(7);
    int i = 0;
    const double cpuStart = processCpuSeconds();
    for (auto _ : state) {
        bench.put(i++, random);
        if (i % putsPerCommit == 0 && !bench.db->flush()) std::abort();
    }
    if (!bench.db->flush()) std::abort();
    setProcessCpuRate(state, cpuStart, state.iterations());
    state.SetItemsProcessed(state.iterations());
}

// Durable puts from N threads at once into one workspace file, each put returning only once the
// commit holding it is done (as N clients of the endpoint would see). items_per_second is puts
// per second of real time, all threads together; per_process_cpu_s is puts per second of the
// process's CPU time (every thread, the checkpointer included), so 2 cores cannot flatter it.
void BM_PutItemConcurrent(benchmark::State& state) {
    static std::unique_ptr<Bench> shared;
    static std::atomic<int64_t> puts;
    static double cpuStart = 0;
    // The other threads wait at the loop's start until thread 0 is there too (the library's
    // barrier), and thread 0 leaves the loop only when all have finished.
    if (state.thread_index() == 0) {
        shared = std::make_unique<Bench>(true);
        puts = 0;
        cpuStart = processCpuSeconds();
    }
    std::mt19937 random(unsigned(state.thread_index()));
    int i = state.thread_index() * 100000000;
    for (auto _ : state) {
        shared->put(i++, random);
        puts.fetch_add(1, std::memory_order_relaxed);
    }
    state.SetItemsProcessed(state.iterations());
    if (state.thread_index() == 0) {
        setProcessCpuRate(state, cpuStart, puts.load());
        shared.reset();
    }
}

void BM_GetItem(benchmark::State& state) {
    constexpr int kItems = 20000;
    Bench bench(state.range(0) != 0, kItems);
    std::mt19937 random(9);
    for (auto _ : state) {
        table::GetItemRequest request;
        request.tableName = "bench";
        request.key = Bench::key(int(random() % kItems));
        request.consistentRead = true;
        auto result = bench.db->getItem(request);
        if (!result || !result->item) std::abort();
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_UpdateItem(benchmark::State& state) {
    constexpr int kItems = 20000;
    Bench bench(state.range(0) != 0, kItems, state.range(1) != 0);
    std::mt19937 random(11);
    for (auto _ : state) {
        table::UpdateItemRequest request;
        request.tableName = "bench";
        request.key = Bench::key(int(random() % kItems));
        request.updateExpression = "SET #c = #c + :one, #s = :s";
        request.expressionAttributes.names =
            std::map<std::string, std::string>{{"#c", "counter"}, {"#s", "status"}};
        request.expressionAttributes.values = std::map<std::string, AttributeValue>{
            {":one", AttributeValue::number(model::Number::fromInt(1))},
            {":s", AttributeValue::string("upd")}};
        if (!bench.db->updateItem(request)) std::abort();
    }
    state.SetItemsProcessed(state.iterations());
}

// One Query page of 50 items from a partition of 200, like ddb-bench's query phase.
void BM_QueryPage(benchmark::State& state) {
    constexpr int kItems = 20000;
    Bench bench(state.range(0) != 0, kItems);
    std::mt19937 random(13);
    for (auto _ : state) {
        table::QueryRequest request;
        request.tableName = "bench";
        request.keyConditionExpression = "pk = :p";
        char pk[16];
        std::snprintf(pk, sizeof pk, "p%04d", int(random() % 100));
        request.expressionAttributes.values =
            std::map<std::string, AttributeValue>{{":p", AttributeValue::string(pk)}};
        request.limit = 50;
        auto result = bench.db->query(request);
        if (!result || result->items.size() != 50) std::abort();
    }
    state.SetItemsProcessed(state.iterations() * 50);
}

// Reading a NEW_AND_OLD_IMAGES stream through the wire layer, as GetRecords answers a client:
// JSON request in, JSON records out, 1,000 records a call. Per record. With `shards` open shards
// each shard's records lie among the others' in the workspace.
void BM_StreamGetRecords(benchmark::State& state) {
    constexpr int kItems = 20000;
    Bench bench(state.range(0) != 0, kItems, true, false, int(state.range(1)));
    wire::Dispatcher dispatcher(*bench.db);
    auto call = [&](const char* operation, const nlohmann::json& body) {
        auto reply = dispatcher.handle(std::string("DynamoDBStreams_20120810.") + operation,
                                       body.dump(), "us-east-1");
        if (reply.status != 200) std::abort();
        return nlohmann::json::parse(reply.body);
    };
    const std::string arn = *bench.db->describeTable("bench")->latestStreamArn;
    const auto shards = call("DescribeStream", {{"StreamArn", arn}})["StreamDescription"]["Shards"];
    int64_t records = 0;
    for (auto _ : state) {
        for (const auto& shard : shards) {
            std::string it =
                call("GetShardIterator", {{"StreamArn", arn},
                                          {"ShardId", shard["ShardId"]},
                                          {"ShardIteratorType", "TRIM_HORIZON"}})["ShardIterator"];
            for (;;) {
                auto reply = dispatcher.handle("DynamoDBStreams_20120810.GetRecords",
                                               nlohmann::json{{"ShardIterator", it}}.dump(), "");
                // Count and find the next iterator without parsing the answer: the client's
                // work is not ours to time.
                const std::string& body = reply.body;
                size_t n = 0;
                for (size_t at = body.find("\"eventID\""); at != std::string::npos;
                     at = body.find("\"eventID\"", at + 1))
                    ++n;
                records += int64_t(n);
                const std::string marker = "\"NextShardIterator\":\"";
                const size_t next = body.find(marker);
                if (n == 0 || next == std::string::npos) break;
                const size_t begin = next + marker.size();
                it = body.substr(begin, body.find('"', begin) - begin);
            }
        }
    }
    state.SetItemsProcessed(records);
}

// BatchWriteItem of 25 new ~200-byte items through the wire layer, as `shardscope serve` runs it:
// the JSON request decoded, the puts applied, one commit, the JSON answer; everything but HTTP.
// Per item, per second of the process's CPU.
void BM_WireBatchWrite(benchmark::State& state) {
    Bench bench(true, 0, state.range(0) != 0, true);
    wire::Dispatcher dispatcher(*bench.db);
    std::mt19937 random(17);
    int64_t i = 0;
    auto batchBody = [&] {
        nlohmann::json puts = nlohmann::json::array();
        for (int n = 0; n < 25; ++n, ++i) {
            const Item item = benchItem(int(i), random);
            puts.push_back({{"PutRequest", {{"Item", model::toJson(item)}}}});
        }
        return nlohmann::json{{"RequestItems", {{"bench", puts}}}}.dump();
    };
    const double cpuStart = processCpuSeconds();
    double bodyCpu = 0;
    for (auto _ : state) {
        const double made = processCpuSeconds();
        const std::string body = batchBody();  // the client's work, not counted below
        bodyCpu += processCpuSeconds() - made;
        const auto reply = dispatcher.handle("DynamoDB_20120810.BatchWriteItem", body, "");
        if (reply.status != 200 || !bench.db->flush()) std::abort();
    }
    const double cpu = processCpuSeconds() - cpuStart - bodyCpu;
    state.counters["per_process_cpu_s"] = cpu > 0 ? double(state.iterations() * 25) / cpu : 0;
    state.SetItemsProcessed(state.iterations() * 25);
}

// Reading one BatchWriteItem request of 25 ~200-byte items into the engine's request, nothing
// else: `direct` 0 parses a JSON tree and decodes it, as every request was read before; 1 reads the
// text straight into the request (wire/directread.h). Per item.
void BM_ReadBatchWrite(benchmark::State& state) {
    const bool direct = state.range(0) != 0;
    std::mt19937 random(17);
    nlohmann::json puts = nlohmann::json::array();
    for (int n = 0; n < 25; ++n)
        puts.push_back({{"PutRequest", {{"Item", model::toJson(benchItem(n, random))}}}});
    const std::string body = nlohmann::json{{"RequestItems", {{"bench", puts}}}}.dump();
    for (auto _ : state) {
        if (direct) {
            auto read = wire::readBatchWriteDirect(body);
            if (!read) std::abort();
            benchmark::DoNotOptimize(read);
        } else {
            auto read = wire::decodeBatchWrite(nlohmann::json::parse(body));
            if (!read) std::abort();
            benchmark::DoNotOptimize(read);
        }
    }
    state.SetItemsProcessed(state.iterations() * 25);
}

// The ceiling: one connection, INSERT of 200-byte rows (16-byte TEXT key + 184-byte blob) over 100
// key prefixes, `rows_per_commit` rows per transaction (1,000 is the ceiling the targets quote),
// WAL + synchronous=NORMAL on a file or in memory. Fewer rows per commit show what the same loop
// reaches when every row's writer waits for its commit, as concurrent clients do: each commit
// writes every page it touched to the WAL, so small groups pay a page per row. `fresh_values`: each
// row's 184 bytes are drawn from the random generator inside the loop, which reproduces the
// reference figure of ../shared/bench/RESULTS-peers.md on this machine (about 236k rows/s); without
// it they are slices of a pool made beforehand, as the item benchmarks' payloads are, so the loop
// times SQLite alone (a higher ceiling).
void BM_SqliteGroupedInsertCeiling(benchmark::State& state) {
    const bool durable = state.range(0) != 0;
    const int64_t rowsPerCommit = state.range(1);
    const std::string path = durable ? tempPath("ceiling") : ":memory:";
    if (durable) removeDatabase(path);
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                 "CREATE TABLE kv(key TEXT PRIMARY KEY, value BLOB)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO kv(key, value) VALUES(?1, ?2)", -1, &insert, nullptr);
    const bool freshValues = state.range(2) != 0;
    std::mt19937 random(5);
    std::string fresh(184, ' ');
    int64_t i = 0;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    const double cpuStart = processCpuSeconds();
    for (auto _ : state) {
        char key[40];
        std::snprintf(key, sizeof key, "p%04d#a%09lld", int(i % 100), static_cast<long long>(i));
        std::string_view value = fresh;
        if (freshValues)
            for (char& c : fresh) c = char(random());
        else
            value = payloadAt(i, 184);
        sqlite3_bind_text(insert, 1, key, -1, SQLITE_TRANSIENT);
        sqlite3_bind_blob(insert, 2, value.data(), int(value.size()), SQLITE_TRANSIENT);
        sqlite3_step(insert);
        sqlite3_reset(insert);
        if (++i % rowsPerCommit == 0) {
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
            sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
        }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    setProcessCpuRate(state, cpuStart, state.iterations());
    sqlite3_finalize(insert);
    sqlite3_close(db);
    if (durable) removeDatabase(path);
    state.SetItemsProcessed(state.iterations());
}

// Arg 0: ":memory:", arg 1: a durable workspace file.
BENCHMARK(BM_SqliteGroupedInsertCeiling)
    ->ArgNames({"durable", "rows_per_commit", "fresh_values"})
    ->Args({0, 1000, 1})
    ->Args({1, 1000, 1})
    ->Args({1, 1000, 0})
    ->Args({1, 64, 0})
    ->Args({1, 16, 0})
    ->Args({1, 1, 0})
    ->Iterations(200000);
BENCHMARK(BM_PutItem)
    ->ArgNames({"durable", "stream"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({0, 1})
    ->Args({1, 1});
BENCHMARK(BM_PutItemDeferredCommit)->ArgName("puts_per_commit")->Arg(1)->Arg(16)->Arg(1000);
BENCHMARK(BM_PutItemConcurrent)->Threads(1)->Threads(4)->Threads(16)->UseRealTime();
BENCHMARK(BM_GetItem)->ArgName("durable")->Arg(0)->Arg(1);
BENCHMARK(BM_UpdateItem)
    ->ArgNames({"durable", "stream"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({0, 1})
    ->Args({1, 1});
BENCHMARK(BM_StreamGetRecords)
    ->ArgNames({"durable", "shards"})
    ->Args({0, 0})
    ->Args({1, 0})
    ->Args({1, 32});
BENCHMARK(BM_WireBatchWrite)->ArgName("stream")->Arg(0)->Arg(1);
BENCHMARK(BM_ReadBatchWrite)->ArgName("direct")->Arg(0)->Arg(1);
BENCHMARK(BM_QueryPage)->ArgName("durable")->Arg(0)->Arg(1);

}  // namespace

BENCHMARK_MAIN();

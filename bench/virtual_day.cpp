// SPDX-License-Identifier: MIT
// A virtual day, in process: 1,000,000 writes over 10,000 keys into one table with a stream
// (NEW_AND_OLD_IMAGES) and TTL on, simulated on the virtual clock so shards roll over, TTL
// sweeps delete expired items and the 24-hour retention trims records, each at its moment.
// Reports wall time and peak memory (the target: under 60 s and under 1 GiB), then reads the
// whole stream back.
//
//   virtual_day [--writes N] [--keys N] [--seed S] [--ttl-lag immediate|realistic]
//               [--rollover-minutes M] [--flush-every N] [--write-hours H] [--total-hours H]
//               [--workspace PATH] [--keep]
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "sim/clock.h"
#include "sim/random.h"
#include "sim/scheduler.h"
#include "table/database.h"

namespace {

using namespace shardscope;
using model::AttributeValue;
using model::Item;
using Seconds = std::chrono::duration<double>;

constexpr sim::Millis kHourMs = 3600 * 1000;
constexpr sim::Millis kStartMs = 1735689600000;  // 2025-01-01T00:00:00Z
constexpr const char* kTable = "day";

struct Options {
    int64_t writes = 1000000;
    int64_t keys = 10000;
    uint64_t seed = 1;
    ttl::DeletionLag lag = ttl::DeletionLag::Realistic;
    int64_t rolloverMinutes = 4 * 60;  // DynamoDB's
    int64_t flushEvery = 256;
    double writeHours = 24;  // the writes are spread evenly over this much virtual time …
    double totalHours = 25;  // … and the clock runs on to here, past the 24-hour trim edge
    std::string workspace;
    bool keep = false;
};

[[noreturn]] void usage(const char* message) {
    std::fprintf(stderr,
                 "virtual_day: %s\nusage: virtual_day [--writes N] [--keys N] [--seed S] "
                 "[--ttl-lag immediate|realistic] [--rollover-minutes M] [--flush-every N] "
                 "[--write-hours H] [--total-hours H] [--workspace PATH] [--keep]\n",
                 message);
    std::exit(2);
}

Options parseOptions(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(("missing value after " + arg).c_str());
            return argv[++i];
        };
        auto positive = [&](int64_t& out) {
            out = std::atoll(value().c_str());
            if (out <= 0) usage((arg + " needs a positive number").c_str());
        };
        if (arg == "--writes") {
            positive(o.writes);
        } else if (arg == "--keys") {
            positive(o.keys);
        } else if (arg == "--seed") {
            o.seed = std::strtoull(value().c_str(), nullptr, 10);
        } else if (arg == "--ttl-lag") {
            const std::string lag = value();
            if (lag == "immediate") {
                o.lag = ttl::DeletionLag::Immediate;
            } else if (lag == "realistic") {
                o.lag = ttl::DeletionLag::Realistic;
            } else {
                usage("--ttl-lag is immediate or realistic");
            }
        } else if (arg == "--rollover-minutes") {
            positive(o.rolloverMinutes);
        } else if (arg == "--flush-every") {
            positive(o.flushEvery);
        } else if (arg == "--write-hours") {
            o.writeHours = std::atof(value().c_str());
        } else if (arg == "--total-hours") {
            o.totalHours = std::atof(value().c_str());
        } else if (arg == "--workspace") {
            o.workspace = value();
        } else if (arg == "--keep") {
            o.keep = true;
        } else {
            usage(("unknown option " + arg).c_str());
        }
    }
    if (o.writeHours <= 0 || o.totalHours < o.writeHours)
        usage("need 0 < --write-hours <= --total-hours");
    if (o.workspace.empty())
        o.workspace = (std::filesystem::temp_directory_path() /
                       ("shardscope-virtual-day-" + std::to_string(::getpid()) + ".sqlite"))
                          .string();
    return o;
}

void removeWorkspace(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

[[noreturn]] void fail(const char* what, const Error& error) {
    std::fprintf(stderr, "virtual_day: %s failed: %s\n", what, error.message.c_str());
    std::exit(1);
}

template <class T>
T check(Result<T> result, const char* what) {
    if (!result) fail(what, result.error());
    return std::move(result).value();
}

void check(Result<void> result, const char* what) {
    if (!result) fail(what, result.error());
}

AttributeValue text(std::string s) {
    return AttributeValue::string(std::move(s));
}
AttributeValue number(int64_t n) {
    return AttributeValue::number(model::Number::fromInt(n));
}

// 100 partitions of keys/100 sort keys each.
Item keyOf(int64_t key) {
    return Item{{"pk", text("p" + std::to_string(key % 100))},
                {"sk", text("k" + std::to_string(key))}};
}

// What the engine told its subscribers, counted as it goes (drained after every flush).
struct EventCounts {
    int64_t recordsAppended = 0;
    int64_t recordsTrimmed = 0;
    int64_t shardsOpened = 0;
    int64_t shardsClosed = 0;
    int64_t ttlDeletions = 0;
    uint64_t dropped = 0;
    std::vector<stream::Event> events;  // reused between drains

    void drain(stream::Subscription& subscription) {
        events.clear();
        subscription.drain(events);
        for (const auto& event : events) {
            if (std::holds_alternative<stream::RecordAppended>(event)) {
                ++recordsAppended;
            } else if (const auto* t = std::get_if<stream::RecordsTrimmed>(&event)) {
                recordsTrimmed += t->count;
            } else if (std::holds_alternative<stream::ShardOpened>(event)) {
                ++shardsOpened;
            } else if (std::holds_alternative<stream::ShardClosed>(event)) {
                ++shardsClosed;
            } else if (std::holds_alternative<stream::TtlDeletion>(event)) {
                ++ttlDeletions;
            }
        }
        dropped += subscription.takeDropped();
    }
};

// Runs what falls due up to `target`, each at its own moment, then leaves the clock at `target`.
// Returns how many times something stayed due after it ran (an engine bug if ever non-zero).
int64_t advanceTo(sim::Clock& clock, sim::Scheduler& scheduler, sim::Millis target) {
    int64_t stalls = 0;
    for (auto due = scheduler.nextDue(); due && *due <= target;) {
        if (*due > clock.now()) clock.jumpTo(*due);
        scheduler.runDue();
        const auto next = scheduler.nextDue();
        if (next && *next <= clock.now()) {
            ++stalls;  // still due right after running: do not spin, go on with time
            break;
        }
        due = next;
    }
    if (target > clock.now()) clock.jumpTo(target);
    return stalls;
}

struct StreamTally {
    int64_t shards = 0;
    int64_t openShards = 0;
    int64_t records = 0;
    int64_t inserts = 0, modifies = 0, removes = 0, ttlRemoves = 0;
    int64_t pages = 0;
    int64_t outOfOrder = 0;
};

// Reads every shard of the stream from TRIM_HORIZON to its end, as a consumer would.
StreamTally readWholeStream(table::Database& db, const std::string& arn) {
    StreamTally tally;
    std::vector<stream::ShardDescription> shards;
    stream::DescribeStreamRequest describe;
    describe.streamArn = arn;
    for (;;) {
        auto page = check(db.describeStream(describe), "DescribeStream");
        shards.insert(shards.end(), page.shards.begin(), page.shards.end());
        if (!page.lastEvaluatedShardId) break;
        describe.exclusiveStartShardId = page.lastEvaluatedShardId;
    }
    tally.shards = int64_t(shards.size());
    for (const auto& shard : shards) {
        const bool open = !shard.endingSequenceNumber;
        tally.openShards += open;
        stream::GetShardIteratorRequest at;
        at.streamArn = arn;
        at.shardId = shard.shardId;
        at.shardIteratorType = "TRIM_HORIZON";
        std::optional<std::string> iterator = check(db.getShardIterator(at), "GetShardIterator");
        std::string last;
        while (iterator) {
            stream::GetRecordsRequest get;
            get.shardIterator = *iterator;
            auto page = check(db.getRecords(get), "GetRecords");
            ++tally.pages;
            for (const auto& record : page.records) {
                ++tally.records;
                // Sequence numbers are fixed-width decimal strings within a shard.
                if (record.sequenceNumber.size() == last.size() && record.sequenceNumber <= last)
                    ++tally.outOfOrder;
                last = record.sequenceNumber;
                switch (record.eventName) {
                    case stream::EventName::Insert:
                        ++tally.inserts;
                        break;
                    case stream::EventName::Modify:
                        ++tally.modifies;
                        break;
                    case stream::EventName::Remove:
                        ++tally.removes;
                        tally.ttlRemoves += record.byTimeToLive;
                        break;
                }
            }
            // An open shard has no end: an empty page means it has been read up to now.
            if (open && page.records.empty()) break;
            iterator = page.nextShardIterator;
        }
    }
    return tally;
}

int64_t fileSize(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    return ec ? 0 : int64_t(size);
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parseOptions(argc, argv);
    removeWorkspace(o.workspace);
    const auto wallStart = std::chrono::steady_clock::now();

    sim::Clock clock(sim::Clock::Mode::Virtual, kStartMs);
    sim::Scheduler scheduler(clock);  // driven by hand below; its thread is never started
    table::DatabaseOptions options(o.workspace);
    options.clock = &clock;
    options.seed = o.seed;
    // Writes return applied but uncommitted; we commit with flush() every --flush-every writes,
    // the way the endpoint commits a whole batch of requests before it answers them.
    options.deferCommits = true;
    options.ttl.lag = o.lag;
    options.streams.rolloverPeriodMs = o.rolloverMinutes * 60 * 1000;
    auto db = check(table::Database::open(options), "open");
    db->attachTo(scheduler);
    auto subscription = db->subscribe(size_t(1) << 20);
    EventCounts events;

    table::CreateTableRequest create;
    create.tableName = kTable;
    create.keySchema = {{"pk", "HASH"}, {"sk", "RANGE"}};
    create.attributeDefinitions = {{"pk", "S"}, {"sk", "S"}};
    create.billingMode = "PAY_PER_REQUEST";
    create.streamSpecification = table::StreamSpecification{true, "NEW_AND_OLD_IMAGES"};
    const auto created = check(db->createTable(create), "CreateTable");
    if (!created.latestStreamArn) {
        std::fprintf(stderr, "virtual_day: the table has no stream\n");
        return 1;
    }
    const std::string streamArn = *created.latestStreamArn;
    ttl::UpdateTimeToLiveRequest ttlRequest;
    ttlRequest.tableName = kTable;
    ttlRequest.specification = ttl::TimeToLiveSpecification{"expires", true};
    (void)check(db->updateTimeToLive(ttlRequest), "UpdateTimeToLive");

    // The same requests' fixed parts, reused.
    table::UpdateItemRequest update;
    update.tableName = kTable;
    update.updateExpression = "SET #c = if_not_exists(#c, :zero) + :one, #at = :now";
    update.expressionAttributes.names =
        std::map<std::string, std::string>{{"#c", "counter"}, {"#at", "touched"}};
    table::PutItemRequest put;
    put.tableName = kTable;
    table::DeleteItemRequest remove;
    remove.tableName = kTable;

    sim::Random random(o.seed);
    const sim::Millis writeSpanMs = sim::Millis(o.writeHours * double(kHourMs));
    const sim::Millis endMs = kStartMs + sim::Millis(o.totalHours * double(kHourMs));
    int64_t puts = 0, expiringPuts = 0, updates = 0, deletes = 0, stalls = 0;
    std::string payload(64, ' ');

    for (int64_t i = 0; i < o.writes; ++i) {
        // Write i happens at its moment of the spread; what falls due before it runs first.
        stalls += advanceTo(clock, scheduler, kStartMs + i * writeSpanMs / o.writes);
        const int64_t nowSeconds = clock.now() / 1000;
        const int64_t key = int64_t(random.below(uint64_t(o.keys)));
        const uint64_t kind = random.below(100);
        if (kind < 60) {
            // PutItem: a new item or a whole replacement, a third of them with an expiry from
            // two minutes to three hours ahead.
            for (char& c : payload) c = char('a' + random.below(26));
            put.item = keyOf(key);
            put.item.emplace("payload", text(payload));
            put.item.emplace("status", text(random.below(2) ? "active" : "idle"));
            put.item.emplace("written", number(nowSeconds));
            if (random.below(3) == 0) {
                put.item.emplace("expires",
                                 number(nowSeconds + 120 + int64_t(random.below(3 * 3600 - 120))));
                ++expiringPuts;
            }
            (void)check(db->putItem(put), "PutItem");
            ++puts;
        } else if (kind < 90) {
            update.key = keyOf(key);
            update.expressionAttributes.values = std::map<std::string, AttributeValue>{
                {":zero", number(0)}, {":one", number(1)}, {":now", number(nowSeconds)}};
            (void)check(db->updateItem(update), "UpdateItem");
            ++updates;
        } else {
            remove.key = keyOf(key);
            (void)check(db->deleteItem(remove), "DeleteItem");
            ++deletes;
        }
        if ((i + 1) % o.flushEvery == 0) {
            check(db->flush(), "flush");
            events.drain(*subscription);
        }
    }
    check(db->flush(), "flush");
    const auto writesDone = std::chrono::steady_clock::now();

    // The rest of the day: no writes, only what time brings (TTL sweeps, rollovers, trims).
    stalls += advanceTo(clock, scheduler, endMs);
    check(db->flush(), "flush");
    events.drain(*subscription);
    const auto simulated = std::chrono::steady_clock::now();

    const StreamTally tally = readWholeStream(*db, streamArn);
    const auto readDone = std::chrono::steady_clock::now();
    const auto description = check(db->describeTable(kTable), "DescribeTable");
    events.drain(*subscription);

    struct rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const int64_t peakRssKiB = usage.ru_maxrss;  // KiB on Linux
    const int64_t workspaceBytes = fileSize(o.workspace) + fileSize(o.workspace + "-wal");

    subscription.reset();
    db.reset();
    if (!o.keep) removeWorkspace(o.workspace);
    const auto wallEnd = std::chrono::steady_clock::now();

    const double writeSeconds = Seconds(writesDone - wallStart).count();
    const double tailSeconds = Seconds(simulated - writesDone).count();
    const double readSeconds = Seconds(readDone - simulated).count();
    const double wallSeconds = Seconds(wallEnd - wallStart).count();
    const char* lagName = o.lag == ttl::DeletionLag::Realistic ? "realistic" : "immediate";
    // Every record appended is either still in the stream or was trimmed; a TTL deletion's
    // REMOVE record may be among the trimmed ones.
    const bool consistent = events.dropped == 0 && tally.outOfOrder == 0 && stalls == 0 &&
                            events.recordsAppended == tally.records + events.recordsTrimmed &&
                            tally.ttlRemoves <= events.ttlDeletions;

    std::printf(
        "virtual day: %lld writes over %lld keys, %.0f h of writes, %.0f h simulated, "
        "seed %llu, TTL lag %s, rollover %lld min\n",
        static_cast<long long>(o.writes), static_cast<long long>(o.keys), o.writeHours,
        o.totalHours, static_cast<unsigned long long>(o.seed), lagName,
        static_cast<long long>(o.rolloverMinutes));
    std::printf("  %-34s %12.2f s\n", "wall time (total)", wallSeconds);
    std::printf("  %-34s %12.2f s\n", "  writes + scheduler", writeSeconds);
    std::printf("  %-34s %12.2f s\n", "  rest of the day (no writes)", tailSeconds);
    std::printf("  %-34s %12.2f s\n", "  reading the whole stream", readSeconds);
    std::printf("  %-34s %12.1f MiB\n", "peak RSS", double(peakRssKiB) / 1024.0);
    std::printf("  %-34s %12.1f MiB\n", "workspace file + WAL at end",
                double(workspaceBytes) / (1024.0 * 1024.0));
    std::printf("  %-34s %12lld  (put %lld, %lld with expiry; update %lld; delete %lld)\n",
                "writes", static_cast<long long>(o.writes), static_cast<long long>(puts),
                static_cast<long long>(expiringPuts), static_cast<long long>(updates),
                static_cast<long long>(deletes));
    std::printf("  %-34s %12lld\n", "items at end", static_cast<long long>(description.itemCount));
    std::printf("  %-34s %12lld\n", "stream records appended",
                static_cast<long long>(events.recordsAppended));
    std::printf("  %-34s %12lld  (INSERT %lld, MODIFY %lld, REMOVE %lld) in %lld pages\n",
                "stream records read back (retained)", static_cast<long long>(tally.records),
                static_cast<long long>(tally.inserts), static_cast<long long>(tally.modifies),
                static_cast<long long>(tally.removes), static_cast<long long>(tally.pages));
    std::printf("  %-34s %12lld\n", "records trimmed",
                static_cast<long long>(events.recordsTrimmed));
    std::printf("  %-34s %12lld  (%lld open; %lld opened, %lld closed by events)\n",
                "shards in DescribeStream", static_cast<long long>(tally.shards),
                static_cast<long long>(tally.openShards),
                static_cast<long long>(events.shardsOpened),
                static_cast<long long>(events.shardsClosed));
    std::printf("  %-34s %12lld  (%lld REMOVE records by TTL still retained)\n", "TTL deletions",
                static_cast<long long>(events.ttlDeletions),
                static_cast<long long>(tally.ttlRemoves));
    std::printf("  %-34s %12s  (appended = read + trimmed; no drops, stalls or disorder)\n",
                "consistency", consistent ? "ok" : "FAILED");
    if (!consistent)
        std::printf("  dropped events %llu, stalls %lld, out of order %lld\n",
                    static_cast<unsigned long long>(events.dropped), static_cast<long long>(stalls),
                    static_cast<long long>(tally.outOfOrder));

    std::printf(
        "{\"bench\":\"virtual_day\",\"writes\":%lld,\"keys\":%lld,\"seed\":%llu,"
        "\"ttl_lag\":\"%s\",\"rollover_minutes\":%lld,\"write_hours\":%g,\"total_hours\":%g,"
        "\"wall_s\":%.3f,\"write_s\":%.3f,\"tail_s\":%.3f,\"read_s\":%.3f,"
        "\"peak_rss_kib\":%lld,\"workspace_bytes\":%lld,\"items\":%lld,"
        "\"records_appended\":%lld,\"records_read\":%lld,\"records_trimmed\":%lld,"
        "\"shards\":%lld,\"shards_opened\":%lld,\"ttl_deletions\":%lld,\"consistent\":%s}\n",
        static_cast<long long>(o.writes), static_cast<long long>(o.keys),
        static_cast<unsigned long long>(o.seed), lagName, static_cast<long long>(o.rolloverMinutes),
        o.writeHours, o.totalHours, wallSeconds, writeSeconds, tailSeconds, readSeconds,
        static_cast<long long>(peakRssKiB), static_cast<long long>(workspaceBytes),
        static_cast<long long>(description.itemCount),
        static_cast<long long>(events.recordsAppended), static_cast<long long>(tally.records),
        static_cast<long long>(events.recordsTrimmed), static_cast<long long>(tally.shards),
        static_cast<long long>(events.shardsOpened), static_cast<long long>(events.ttlDeletions),
        consistent ? "true" : "false");
    return consistent ? 0 : 1;
}

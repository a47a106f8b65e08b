// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/error.h"
#include "sim/clock.h"
#include "stream/api.h"
#include "stream/events.h"
#include "table/requests.h"
#include "ttl/api.h"

namespace shardscope::store {
class Workspace;
}
namespace shardscope::sim {
class Scheduler;
}

namespace shardscope::table {

struct DatabaseOptions {
    DatabaseOptions(std::string workspacePath = ":memory:") : path(std::move(workspacePath)) {}

    // A workspace file, or ":memory:" for tests. The file is created when missing.
    std::string path;
    // When true, a write returns once it is applied but before it is committed: the caller must
    // call flush() before it acknowledges anything (the endpoint answers a whole batch of
    // requests after one commit). When false, every write returns committed.
    bool deferCommits = false;
    // The world's clock; must outlive the database. nullptr: the database keeps its own, of
    // `clockMode` or else the mode the workspace last used (real for a new workspace); a
    // virtual one resumes at the moment it was last saved.
    sim::Clock* clock = nullptr;
    std::optional<sim::Clock::Mode> clockMode;
    // Seeds the world's randomness (shard ids, event ids, table ids, TTL lags): the same
    // scenario with the same seed and a virtual clock gives the same world, byte for byte.
    uint64_t seed = 0;
    stream::StreamSettings streams;
    // ttl.lag is the session's starting lag; setTtlDeletionLag changes it while open.
    ttl::TtlSettings ttl;
};

// The tables of one region and their items, persisted in a workspace file.
//
// Thread-safety: every method may be called from any thread at once; writes are serialised, and a
// write returns only once it is committed to the workspace file (it survives kill -9).
class Database {
public:
    // Errors: a file that is not a workspace, is damaged or from a newer version is refused with a
    // clear message and left untouched.
    static Result<std::unique_ptr<Database>> open(const DatabaseOptions& options);
    ~Database();

    Result<TableDescription> createTable(const CreateTableRequest& request);
    Result<TableDescription> describeTable(const std::string& tableName);
    Result<TableDescription> updateTable(const UpdateTableRequest& request);
    Result<TableDescription> deleteTable(const std::string& tableName);
    Result<ListTablesResult> listTables(const ListTablesRequest& request);

    Result<WriteResult> putItem(const PutItemRequest& request);
    Result<GetItemResult> getItem(const GetItemRequest& request);
    Result<WriteResult> updateItem(const UpdateItemRequest& request);
    Result<WriteResult> deleteItem(const DeleteItemRequest& request);
    Result<QueryResult> query(const QueryRequest& request);
    Result<QueryResult> scan(const ScanRequest& request);
    Result<BatchGetResult> batchGetItem(const BatchGetRequest& request);
    Result<BatchWriteResult> batchWriteItem(const BatchWriteRequest& request);
    Result<TransactGetResult> transactGetItems(const TransactGetRequest& request);
    Result<void> transactWriteItems(const TransactWriteRequest& request);

    Result<ttl::TimeToLiveSpecification> updateTimeToLive(
        const ttl::UpdateTimeToLiveRequest& request);
    Result<ttl::TimeToLiveDescription> describeTimeToLive(const std::string& tableName);

    // The TTL deletion lag from now on, for items already waiting too: each pending deletion is
    // re-timed to its expiry plus the new lag (the same seeded per-item lag a write would get), so
    // switching to Immediate deletes everything already expired at the next sweep. Wakes the
    // scheduler. A lab setting of the session: it starts as DatabaseOptions::ttl.lag and is not
    // stored in the workspace (reopening starts from the options again). Committed when it
    // returns, also in deferCommits mode. Any thread. Errors: a storage failure (the lag and
    // schedule stay as they were).
    Result<void> setTtlDeletionLag(ttl::DeletionLag lag);
    ttl::DeletionLag ttlDeletionLag() const;

    // The DynamoDB Streams API (reference §5).
    Result<stream::ListStreamsResult> listStreams(const stream::ListStreamsRequest& request);
    Result<stream::StreamDescription> describeStream(const stream::DescribeStreamRequest& request);
    Result<std::string> getShardIterator(const stream::GetShardIteratorRequest& request);
    Result<stream::GetRecordsResult> getRecords(const stream::GetRecordsRequest& request);
    // The same read, each record handed to `visit` as it is read (stream/api.h): for the wire
    // layer, which renders the answer without collecting the page first. request.decodeImages is
    // ignored (the images are given encoded). Nothing is visited when the call fails before
    // reading; a failure while reading returns the error after some records were visited.
    Result<stream::VisitedRecords> getRecords(const stream::GetRecordsRequest& request,
                                              const stream::RecordVisitor& visit);

    // Stream inspection for the window (stream/api.h): no iterators, so nothing expires however
    // fast a virtual clock runs. Like the Streams API calls, each first catches the stream up
    // with time (a shard whose period ended is closed and its child opened). Any thread.
    //
    // The stream and its shards still within retention, parents before children.
    // Errors: ResourceNotFound for an ARN that names no retained stream (malformed ones too).
    Result<stream::StreamLineage> streamLineage(const std::string& streamArn);
    // Records of every shard (or of one) in sequence-number order, without those trimmed by the
    // millisecond rule GetRecords applies. Errors: ResourceNotFound for an unknown stream or
    // shard; Validation for a malformed afterSequenceNumber or a limit outside 1 … 10000.
    Result<stream::ReadRecordsResult> readRecords(const stream::ReadRecordsRequest& request);
    // The partition-key hash the table's stream routes these keys by: a record of the item lands
    // in the open shard whose [hashLo, hashHi] holds it. `keys` are exactly the key attributes.
    // Errors: as GetItem's key checks (ResourceNotFound, Validation). Any thread.
    Result<uint32_t> partitionHash(const std::string& tableName, const model::Item& keys);

    // Time-driven work: shard rollover, retention trimming, expired streams, TTL deletions.
    // nextDue() is the earliest moment something is due; runDue() does what is due now. A
    // sim::Scheduler calls both (see attachTo); tests may call them by hand.
    std::optional<sim::Millis> nextDue();
    Result<void> runDue();
    // Registers this database as a source of the scheduler, and wakes it when a write makes
    // something due sooner. The scheduler must use this database's clock and outlive it.
    void attachTo(sim::Scheduler& scheduler);

    // Everything that happens (writes, records, shards, trims, TTL deletions), published after
    // it is committed. Publishing never waits for a subscriber.
    std::shared_ptr<stream::Subscription> subscribe(size_t capacity = size_t(1) << 20);

    sim::Clock& clock();
    const std::string& region() const;

    // Commits the writes applied since the last commit (deferCommits mode). Answers of those
    // writes, and of reads that may have seen them, may be sent once this returns. An error
    // means they were rolled back. Cheap when nothing is pending.
    Result<void> flush();
    // Saves a copy of the workspace, every committed write and the virtual clock's moment
    // included, to `path` (replacing a file there). Writes wait while it runs. Errors: the path
    // is this workspace's own, or cannot be written.
    Result<void> saveCopy(const std::string& path);

    class Impl;  // opaque; defined privately in the table module

private:
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace shardscope::table

// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <string>

#include "model/error.h"
#include "table/requests.h"

namespace shardscope::store {
class Workspace;
}

namespace shardscope::table {

struct DatabaseOptions {
    // A workspace file, or ":memory:" for tests. The file is created when missing.
    std::string path = ":memory:";
    // When true, a write returns once it is applied but before it is committed: the caller must
    // call flush() before it acknowledges anything (the endpoint answers a whole batch of
    // requests after one commit). When false, every write returns committed.
    bool deferCommits = false;
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

    // Commits the writes applied since the last commit (deferCommits mode). Answers of those
    // writes, and of reads that may have seen them, may be sent once this returns. An error
    // means they were rolled back. Cheap when nothing is pending.
    Result<void> flush();

    class Impl;  // opaque; defined privately in the table module

private:
    explicit Database(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace shardscope::table

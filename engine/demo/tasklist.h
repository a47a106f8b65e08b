// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

#include "model/error.h"

namespace shardscope::table {
class Database;
}

// The task-list example (design.md): a table of tasks per list, a count of tasks per list, and
// an archive that TTL empties. The window opens on it; the workload (demo/workload.h) keeps it
// moving.
namespace shardscope::demo {

inline constexpr char kTaskTable[] = "todoListTask";             // ListId (S), TaskId (S)
inline constexpr char kCountTable[] = "todoTaskCount";           // ListId (S); TaskCount (N)
inline constexpr char kArchiveTable[] = "todoListTaskArchived";  // ListId (S), TaskId (S)
inline constexpr char kExpiresAttribute[] = "expires";           // the archive's TTL attribute

// A TaskId the demo writes: "task-" and six digits, so ids sort in the order they were made.
std::string taskId(int64_t number);
// The number of a TaskId written by taskId(); 0 for any other string.
int64_t taskNumber(const std::string& taskId);

// Fills an empty workspace with the example: the three tables, streams (NEW_AND_OLD_IMAGES) on
// the task table and the archive, TTL on the archive's `expires`, and three lists of four tasks
// with their counts. A workspace that already holds any table is left as it is, so seeding twice
// changes nothing. Errors: those of the Database calls it makes. Any thread.
Result<void> seedTaskList(table::Database& db);

}  // namespace shardscope::demo

// SPDX-License-Identifier: MIT
#pragma once

#include "model/error.h"

namespace shardscope::table {
class Database;
}

namespace shardscope::app {

// Fills an empty workspace with the task-list example: `todoListTask` (ListId, TaskId) with a
// few lists of tasks, `todoTaskCount` (tasks per list) and `todoListTaskArchived` (the archive of
// removed tasks). A workspace that already has tables is left alone.
Result<void> seedDemoWorkspace(table::Database& db);

}  // namespace shardscope::app

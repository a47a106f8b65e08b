// SPDX-License-Identifier: MIT
#pragma once

#include "cli.h"

namespace shardscope::app {

// Opens the workspace, serves the DynamoDB API until SIGINT or SIGTERM, then stops cleanly.
// Returns the process exit status: 0 after a clean stop, 1 when the workspace cannot be opened or
// the port cannot be bound, 2 for an unusable bind address.
int runServe(const ServeOptions& options);

}  // namespace shardscope::app

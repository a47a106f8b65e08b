// SPDX-License-Identifier: MIT
#pragma once

#include "cli.h"

namespace shardscope::app {

// Opens the window on the workspace the options name (the demo by default) and runs until it is
// closed. Returns the process exit status.
int runWindow(const ServeOptions& options, int argc, char** argv);

}  // namespace shardscope::app

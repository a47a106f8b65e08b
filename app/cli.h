// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "model/error.h"

// The `shardscope` command line, parsed without touching the engine, so it is testable alone.
namespace shardscope::app {

struct ServeOptions {
    // The built-in demo workspace, used unless --workspace or --memory says otherwise; it is
    // filled with the task-list example the first time.
    std::string workspace = "shardscope-demo.db";
    bool demo = true;
    bool inMemory = false;
    std::string bindAddress = "127.0.0.1";
    uint16_t port = 8000;
    // Unset: the clock the workspace last ran on (real for a new one).
    std::optional<bool> virtualClock;
    double speed = 1.0;         // a virtual clock runs this many times faster than real time
    bool immediateTtl = false;  // TTL deletes within the second an item expires
    // The window only: serve the endpoint on `port` from the start (--port given).
    bool startEndpoint = false;
};

// Window (no command, or only options): the Qt window on the workspace; Serve: the endpoint alone.
enum class Command { Help, Version, Serve, Window };

struct CommandLine {
    Command command = Command::Help;
    ServeOptions serve;
};

// `arguments` excludes the program name; none at all opens the window on the demo workspace. Errors
// (Validation) carry a one-line message meant for the user; the caller prints it with usage() and
// exits with status 2.
Result<CommandLine> parseCommandLine(std::span<const std::string_view> arguments);

std::string usage();

}  // namespace shardscope::app

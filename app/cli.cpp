// SPDX-License-Identifier: MIT
#include "cli.h"

#include <cstdlib>

#include <charconv>
#include <optional>

namespace shardscope::app {

namespace {

Error usageError(std::string message) {
    Error error;
    error.code = ErrorCode::Validation;
    error.message = std::move(message);
    return error;
}

std::optional<uint16_t> parsePort(std::string_view text) {
    unsigned value = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || stop != end || value > 65535) return std::nullopt;
    return static_cast<uint16_t>(value);
}

// Walks `--name value` and `--name=value` forms.
class Arguments {
public:
    explicit Arguments(std::span<const std::string_view> arguments) : m_arguments(arguments) {}

    bool next() {
        if (m_index >= m_arguments.size()) return false;
        const auto argument = m_arguments[m_index++];
        const auto equals =
            argument.starts_with("--") ? argument.find('=') : std::string_view::npos;
        m_name = argument.substr(0, equals);
        m_inlineValue.reset();
        if (equals != std::string_view::npos) m_inlineValue = argument.substr(equals + 1);
        return true;
    }
    std::string_view name() const { return m_name; }
    bool hasInlineValue() const { return m_inlineValue.has_value(); }

    std::optional<std::string_view> value() {
        if (m_inlineValue) return m_inlineValue;
        // `--workspace --memory` is a forgotten value, not a file named "--memory".
        if (m_index >= m_arguments.size() || m_arguments[m_index].starts_with("--")) {
            return std::nullopt;
        }
        return m_arguments[m_index++];
    }

private:
    std::span<const std::string_view> m_arguments;
    size_t m_index = 0;
    std::string_view m_name;
    std::optional<std::string_view> m_inlineValue;
};

Result<CommandLine> parseOptions(Arguments& arguments, Command command) {
    CommandLine line;
    line.command = command;
    auto& serve = line.serve;
    const bool window = command == Command::Window;
    // A lab deletes expired items within the second; serve models DynamoDB's lag by default.
    serve.immediateTtl = window;
    bool workspaceGiven = false;
    while (arguments.next()) {
        const auto name = arguments.name();
        if (name == "--help" || name == "-h") return CommandLine{Command::Help, {}};
        if (name == "--memory") {
            if (arguments.hasInlineValue()) return usageError("--memory takes no value");
            serve.inMemory = true;
            serve.demo = false;
            continue;
        }
        if (name != "--workspace" && name != "--port" && name != "--clock" && name != "--ttl-lag" &&
            name != "--speed" && (window || name != "--bind")) {
            if (window) return usageError("unknown option '" + std::string(name) + "'");
            return usageError("unknown option '" + std::string(name) + "' for 'serve'");
        }
        const auto value = arguments.value();
        if (!value || value->empty()) return usageError(std::string(name) + " needs a value");
        if (name == "--workspace") {
            serve.workspace = std::string(*value);
            serve.demo = false;
            workspaceGiven = true;
        } else if (name == "--bind") {
            serve.bindAddress = std::string(*value);
        } else if (name == "--clock") {
            if (*value != "real" && *value != "virtual")
                return usageError("--clock is real or virtual, not '" + std::string(*value) + "'");
            serve.virtualClock = *value == "virtual";
        } else if (name == "--ttl-lag") {
            if (*value != "immediate" && *value != "realistic")
                return usageError("--ttl-lag is immediate or realistic, not '" +
                                  std::string(*value) + "'");
            serve.immediateTtl = *value == "immediate";
        } else if (name == "--speed") {
            const std::string text(*value);
            char* end = nullptr;
            const double speed = std::strtod(text.c_str(), &end);
            if (end != text.c_str() + text.size() || !(speed >= 1 && speed <= 100000))
                return usageError("--speed needs a number from 1 to 100000, not '" + text + "'");
            serve.speed = speed;
        } else if (auto port = parsePort(*value)) {
            serve.port = *port;
            serve.startEndpoint = window;
        } else {
            return usageError("--port needs a number from 0 to 65535, not '" + std::string(*value) +
                              "'");
        }
    }
    if (workspaceGiven && serve.inMemory) {
        return usageError("--workspace and --memory exclude each other");
    }
    return line;
}

}  // namespace

Result<CommandLine> parseCommandLine(std::span<const std::string_view> arguments) {
    Arguments walker(arguments);
    if (!walker.next()) {
        Arguments none(arguments);
        return parseOptions(none, Command::Window);
    }
    const auto command = walker.name();
    if (command == "--help" || command == "-h" || command == "help") return CommandLine{};
    if (command == "--version") return CommandLine{Command::Version, {}};
    if (command == "serve") return parseOptions(walker, Command::Serve);
    if (command.starts_with("--")) {
        Arguments options(arguments);
        return parseOptions(options, Command::Window);
    }
    return usageError("unknown command '" + std::string(command) + "'");
}

std::string usage() {
    return "Usage: shardscope [--workspace FILE | --memory] [--port N] [--clock real|virtual]\n"
           "                  [--speed N] [--ttl-lag immediate|realistic]\n"
           "       shardscope serve [--workspace FILE | --memory] [--port N] [--bind ADDR]\n"
           "                       [--clock real|virtual] [--speed N] [--ttl-lag "
           "immediate|realistic]\n"
           "       shardscope --help | --version\n"
           "\n"
           "(no command) Open the window: tables, items, stream records, shard lanes and\n"
           "          the TTL timeline, live. Without --workspace, the demo workspace with\n"
           "          its workload running on a virtual clock. --port N also serves the\n"
           "          DynamoDB API on 127.0.0.1:N from the start; TTL deletes within the\n"
           "          second unless --ttl-lag realistic.\n"
           "\n"
           "serve     Answer the DynamoDB API over HTTP, for the AWS CLI and\n"
           "          SDKs (with an endpoint override). Stop it with Ctrl-C.\n"
           "  --workspace FILE  the workspace file (created when missing). Without it,\n"
           "                    the demo workspace shardscope-demo.db in the current\n"
           "                    directory, filled with the task-list example\n"
           "  --memory          keep everything in memory; nothing is saved\n"
           "  --port N          TCP port (default 8000; 0 picks a free one)\n"
           "  --bind ADDR       address to listen on (default 127.0.0.1). Any credentials are\n"
           "                    accepted, so think twice before binding beyond loopback.\n"
           "  --clock MODE      real time, or a virtual clock (default: what the workspace\n"
           "                    last used; real for a new one). The workspace remembers it.\n"
           "  --speed N         a virtual clock runs N times faster than real time (1-100000)\n"
           "  --ttl-lag MODE    when expired items are deleted: realistic (minutes to hours\n"
           "                    after expiry, like DynamoDB; the default) or immediate\n";
}

}  // namespace shardscope::app

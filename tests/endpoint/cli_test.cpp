// SPDX-License-Identifier: MIT
#include "cli.h"

#include <gtest/gtest.h>

#include <vector>

namespace shardscope::app {
namespace {

Result<CommandLine> parse(std::vector<std::string_view> arguments) {
    return parseCommandLine(arguments);
}

TEST(CommandLine, ServeDefaultsToTheDemoWorkspaceOnLoopback8000) {
    auto line = parse({"serve"});
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_EQ(line->command, Command::Serve);
    EXPECT_EQ(line->serve.workspace, "shardscope-demo.db");
    EXPECT_TRUE(line->serve.demo);  // only the demo workspace is filled with the example
    EXPECT_FALSE(line->serve.inMemory);
    EXPECT_EQ(line->serve.bindAddress, "127.0.0.1");
    EXPECT_EQ(line->serve.port, 8000);
}

TEST(CommandLine, ReadsEveryServeOptionInBothSpellings) {
    auto line = parse({"serve", "--workspace", "lab.db", "--port=9001", "--bind", "0.0.0.0"});
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_EQ(line->serve.workspace, "lab.db");
    EXPECT_FALSE(line->serve.demo);  // a workspace of the user's own stays as they made it
    EXPECT_EQ(line->serve.port, 9001);
    EXPECT_EQ(line->serve.bindAddress, "0.0.0.0");

    line = parse({"serve", "--memory", "--port", "0"});
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_TRUE(line->serve.inMemory);
    EXPECT_EQ(line->serve.port, 0);
    EXPECT_FALSE(line->serve.virtualClock.has_value());  // the workspace's own clock
    EXPECT_FALSE(line->serve.immediateTtl);              // DynamoDB-like lag by default

    line = parse({"serve", "--clock=virtual", "--speed", "600", "--ttl-lag", "immediate"});
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_EQ(line->serve.virtualClock, true);
    EXPECT_EQ(line->serve.speed, 600);
    EXPECT_TRUE(line->serve.immediateTtl);
    line = parse({"serve", "--clock", "real", "--ttl-lag=realistic"});
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_EQ(line->serve.virtualClock, false);
    EXPECT_FALSE(line->serve.immediateTtl);
}

TEST(CommandLine, NoCommandOpensTheWindowOnTheDemo) {
    auto line = parse({});
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_EQ(line->command, Command::Window);
    EXPECT_TRUE(line->serve.demo);
    EXPECT_FALSE(line->serve.startEndpoint);
    EXPECT_TRUE(line->serve.immediateTtl);  // the demo's archive empties within the second

    line = parse({"--workspace", "lab.db", "--port", "0", "--ttl-lag=realistic"});
    ASSERT_TRUE(line) << line.error().message;
    EXPECT_EQ(line->command, Command::Window);
    EXPECT_EQ(line->serve.workspace, "lab.db");
    EXPECT_FALSE(line->serve.demo);
    EXPECT_TRUE(line->serve.startEndpoint);  // --port asks for the endpoint from the start
    EXPECT_EQ(line->serve.port, 0);
    EXPECT_FALSE(line->serve.immediateTtl);

    // The window deletes expired items within the second unless told otherwise; serve does not.
    EXPECT_TRUE(parse({"--memory"})->serve.immediateTtl);
    EXPECT_FALSE(parse({"serve"})->serve.immediateTtl);
    EXPECT_EQ(parse({"--memory", "--help"})->command, Command::Help);
}

TEST(CommandLine, HelpAndVersion) {
    EXPECT_EQ(parse({"--help"})->command, Command::Help);
    EXPECT_EQ(parse({"-h"})->command, Command::Help);
    EXPECT_EQ(parse({"serve", "--help"})->command, Command::Help);
    EXPECT_EQ(parse({"--version"})->command, Command::Version);
}

TEST(CommandLine, RefusesBadArgumentsWithAMessage) {
    const std::vector<std::vector<std::string_view>> bad = {
        {"frobnicate"},
        {"--bind", "0.0.0.0"},  // the window serves on loopback only
        {"--port", "x"},
        {"--workspace"},
        {"serve", "--port"},
        {"serve", "--port", "70000"},
        {"serve", "--port", "80x"},
        {"serve", "--port", "-1"},
        {"serve", "--workspace"},
        {"serve", "--workspace", "--memory"},
        {"serve", "--workspace", "a.db", "--memory"},
        {"serve", "--memory=yes"},
        {"serve", "--verbose"},
        {"serve", "extra"},
        {"serve", "--clock", "fast"},
        {"serve", "--clock"},
        {"serve", "--ttl-lag", "never"},
        {"serve", "--speed", "0"},
        {"serve", "--speed", "100001"},
        {"serve", "--speed", "2x"},
    };
    for (const auto& arguments : bad) {
        auto line = parse(arguments);
        ASSERT_FALSE(line) << ::testing::PrintToString(arguments);
        EXPECT_EQ(line.error().code, ErrorCode::Validation);
        EXPECT_FALSE(line.error().message.empty());
    }
}

}  // namespace
}  // namespace shardscope::app

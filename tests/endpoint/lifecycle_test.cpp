// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "testclient.h"

namespace shardscope::endpoint::test {
namespace {

using Clock = std::chrono::steady_clock;

TEST(Lifecycle, StopClosesIdleKeepAliveConnectionsPromptly) {
    auto server = startServer();
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 16; ++i) {
        clients.push_back(std::make_unique<Client>(server->port()));
        const auto response =
            clients.back()->call(dynamoRequest("DynamoDB_20120810.ListTables", "{}"));
        ASSERT_EQ(response.status, 200);
    }
    // And a few that connected but never sent anything.
    for (int i = 0; i < 4; ++i) clients.push_back(std::make_unique<Client>(server->port()));

    const auto start = Clock::now();
    server->stop();
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(1000));
    for (auto& client : clients) EXPECT_TRUE(client->closedByPeer());
}

TEST(Lifecycle, StopLetsInFlightRequestsAnswer) {
    auto server = startServer();
    Client client(server->port());
    client.write(dynamoRequest("Test_1.Slow", "{}"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the handler is now running

    auto stopped = std::async(std::launch::async, [&] { server->stop(); });
    const auto response = client.read();
    EXPECT_EQ(response.status, 200);
    EXPECT_FALSE(response.keepAlive);
    stopped.get();
    EXPECT_TRUE(client.closedByPeer());
}

TEST(Lifecycle, StopIsIdempotentAndRefusesNewConnections) {
    // On a loopback address of its own: once the port is released, a server of another test
    // running alongside may be given the same port number on 127.0.0.1.
    ServerOptions options;
    options.bindAddress = "127.0.0.42";
    auto server = startServer(options);
    const uint16_t port = server->port();
    server->stop();
    server->stop();
    EXPECT_THROW((Client{port, "127.0.0.42"}), std::system_error);
}

TEST(Lifecycle, ReportsAPortInUse) {
    auto first = startServer();
    ServerOptions options;
    options.port = first->port();
    auto second = Server::start(options, fakeHandler);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::InternalServerError);
    EXPECT_NE(second.error().message.find("already in use"), std::string::npos)
        << second.error().message;
}

TEST(Lifecycle, RejectsOptionsThatCannotWork) {
    ServerOptions options;
    options.port = 0;
    options.bindAddress = "not an address";
    auto bad = Server::start(options, fakeHandler);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::Validation);

    options.bindAddress = "127.0.0.1";
    options.threads = 0;
    EXPECT_FALSE(Server::start(options, fakeHandler));
    options.threads = 1;
    EXPECT_FALSE(Server::start(options, Handler{}));
}

// A long handler call occupies a handler thread, not the I/O: health checks still answer.
TEST(Lifecycle, SlowHandlerDoesNotStallIo) {
    ServerOptions options;
    options.threads = 1;
    options.handlerThreads = 1;
    auto server = startServer(options);
    Client slow(server->port());
    slow.write(dynamoRequest("Test_1.Slow", "{}"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50));

    Client health(server->port());
    HttpRequest get{.method = "GET"};
    get.set("Host", "127.0.0.1");
    const auto start = Clock::now();
    EXPECT_EQ(health.call(get).status, 200);
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(300));
    EXPECT_EQ(slow.read().status, 200);
}

}  // namespace
}  // namespace shardscope::endpoint::test

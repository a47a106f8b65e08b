// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>
#include <vector>

#include "testclient.h"

namespace shardscope::endpoint::test {
namespace {

constexpr size_t k16MiB = 16 * 1024 * 1024;
// A std::string, not a literal: GCC 12 at -O2 misreports std::string(literal) + literal as an
// out-of-bounds memcpy (-Warray-bounds).
const std::string kCallHeader =
    "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.PutItem\r\n"
    "Content-Type: application/x-amz-json-1.0\r\n";

void expectTooLarge(const HttpResponse& response) {
    EXPECT_EQ(response.status, 413);
    EXPECT_FALSE(response.keepAlive);
    const auto error = parseJson(response.body);
    EXPECT_NE(error["__type"].get<std::string>().find('#'), std::string::npos);
    EXPECT_TRUE(error.contains("message"));
}

TEST(BodyLimit, RefusesADeclaredOversizedBodyBeforeReadingIt) {
    auto server = startServer();
    Client client(server->port());
    client.send(kCallHeader + "Content-Length: " + std::to_string(k16MiB + 1) + "\r\n\r\n");
    expectTooLarge(client.read());
    EXPECT_TRUE(client.closedByPeer());
}

// The client sends the whole 17 MB anyway; it must still read the 413, not a reset.
TEST(BodyLimit, AnswersAClientThatSendsTheOversizedBodyAnyway) {
    auto server = startServer();
    Client client(server->port());
    const size_t size = k16MiB + 1024 * 1024;
    client.send(kCallHeader + "Content-Length: " + std::to_string(size) + "\r\n\r\n");
    const std::string chunk(64 * 1024, 'x');
    std::error_code error;
    for (size_t sent = 0; sent < size && !error; sent += chunk.size()) {
        error = client.trySend(chunk);
    }
    EXPECT_FALSE(error) << error.message();
    expectTooLarge(client.read());
}

TEST(BodyLimit, RefusesAChunkedBodyThatGrowsTooLarge) {
    ServerOptions options;
    options.maxBodyBytes = 1000;
    auto server = startServer(options);
    Client client(server->port());
    client.send(kCallHeader + "Transfer-Encoding: chunked\r\n\r\n");
    const std::string chunk = "200\r\n" + std::string(0x200, 'x') + "\r\n";
    client.send(chunk + chunk);
    expectTooLarge(client.read());
}

TEST(BodyLimit, AcceptsABodyOfExactlyTheLimit) {
    ServerOptions options;
    options.maxBodyBytes = 1000;
    auto server = startServer(options);
    Client client(server->port());
    const auto response =
        client.call(dynamoRequest("DynamoDB_20120810.PutItem", std::string(1000, 'x')));
    EXPECT_EQ(response.status, 200);
}

TEST(MalformedHttp, GetsA400OrAClosedConnectionAndTheServerLivesOn) {
    auto server = startServer();
    const std::vector<std::string> garbage = {
        "GARBAGE\r\n\r\n",
        "POST / HTTP/9.9\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        std::string("\0\1\2\3\r\n\r\n", 8),
    };
    for (const auto& bytes : garbage) {
        Client client(server->port());
        client.send(bytes);
        const auto answer = client.tryRead();
        if (!answer.error) {
            EXPECT_EQ(answer.response.status, 400) << bytes;
            EXPECT_FALSE(answer.response.keepAlive);
        }
    }
    Client client(server->port());
    EXPECT_EQ(client.call(dynamoRequest("DynamoDB_20120810.ListTables", "{}")).status, 200);
}

TEST(HeaderLimit, RefusesAHeaderBlockOver16KiB) {
    auto server = startServer();
    Client client(server->port());
    client.send(kCallHeader + "X-Padding: " + std::string(17 * 1024, 'p') +
                "\r\nContent-Length: 2\r\n\r\n{}");
    const auto answer = client.tryRead();
    if (!answer.error) {
        EXPECT_EQ(answer.response.status, 431);
    }

    Client fits(server->port());
    auto request = dynamoRequest("DynamoDB_20120810.ListTables", "{}");
    request.set("X-Padding", std::string(15 * 1024, 'p'));
    EXPECT_EQ(fits.call(request).status, 200);
}

// One I/O thread, and a client that stalls halfway through its header: others are still served.
TEST(SlowClients, DoNotBlockOthers) {
    ServerOptions options;
    options.threads = 1;
    auto server = startServer(options);
    std::vector<std::unique_ptr<Client>> stalled;
    for (int i = 0; i < 8; ++i) {
        stalled.push_back(std::make_unique<Client>(server->port()));
        stalled.back()->send("POST / HTTP/1.1\r\nHost: x\r\nContent-Len");
    }
    Client client(server->port());
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(client.call(dynamoRequest("DynamoDB_20120810.ListTables", "{}")).status, 200);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(SlowClients, AreCutAfterTheIdleTimeout) {
    ServerOptions options;
    options.idleTimeout = std::chrono::milliseconds(200);
    auto server = startServer(options);
    Client client(server->port());
    client.send("POST / HTTP/1.1\r\nHost: x\r\n");
    EXPECT_TRUE(client.closedByPeer());
}

}  // namespace
}  // namespace shardscope::endpoint::test

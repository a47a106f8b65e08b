// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>
#include <zlib.h>

#include <cctype>
#include <future>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "testclient.h"

namespace shardscope::endpoint::test {
namespace {

constexpr const char* kEuWest1Auth =
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, "
    "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0123abcd";

uint32_t zlibCrc(const std::string& bytes) {
    return static_cast<uint32_t>(
        ::crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

class ServerTest : public ::testing::Test {
protected:
    std::unique_ptr<Server> m_server = startServer();
};

TEST_F(ServerTest, AnswersWithAwsHeaders) {
    Client client(m_server->port());
    const auto response = client.call(dynamoRequest("DynamoDB_20120810.ListTables", "{}"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response["Content-Type"], "application/x-amz-json-1.0");
    EXPECT_EQ(response["Content-Length"], std::to_string(response.body.size()));
    EXPECT_EQ(response["x-amz-crc32"], std::to_string(zlibCrc(response.body)));
    const std::string requestId(response["x-amzn-RequestId"]);
    ASSERT_EQ(requestId.size(), 52u);
    for (char c : requestId) EXPECT_TRUE(std::isupper(c) || std::isdigit(c)) << requestId;

    const auto echo = parseJson(response.body);
    EXPECT_EQ(echo["target"], "DynamoDB_20120810.ListTables");
    EXPECT_EQ(echo["body"], "{}");
    EXPECT_EQ(echo["requestId"], requestId);
}

TEST_F(ServerTest, KeepsTheConnectionAliveAcrossRequests) {
    Client client(m_server->port());
    std::set<std::string> ids;
    for (int i = 0; i < 10; ++i) {
        const auto body = R"({"n":)" + std::to_string(i) + "}";
        const auto response = client.call(dynamoRequest("DynamoDB_20120810.GetItem", body));
        ASSERT_EQ(response.status, 200);
        EXPECT_TRUE(response.keepAlive);
        EXPECT_EQ(parseJson(response.body)["body"], body);
        ids.insert(std::string(response["x-amzn-RequestId"]));
    }
    EXPECT_EQ(ids.size(), 10u);
}

TEST_F(ServerTest, ServesManyConcurrentConnections) {
    constexpr int kClients = 64;
    const uint16_t port = m_server->port();
    std::vector<std::future<int>> clients;
    for (int c = 0; c < kClients; ++c) {
        clients.push_back(std::async(std::launch::async, [port, c] {
            Client client(port);
            int ok = 0;
            for (int i = 0; i < 5; ++i) {
                const auto body = std::to_string(c) + "/" + std::to_string(i);
                const auto response = client.call(dynamoRequest("DynamoDB_20120810.PutItem", body));
                const bool match = parseJson(response.body)["body"] == body;
                if (response.status == 200 && match) ++ok;
            }
            return ok;
        }));
    }
    for (auto& client : clients) EXPECT_EQ(client.get(), 5);
}

TEST_F(ServerTest, PassesTheRegionOfTheCredentialScope) {
    Client client(m_server->port());
    auto response = client.call(dynamoRequest("DynamoDB_20120810.ListTables", "{}", kEuWest1Auth));
    EXPECT_EQ(parseJson(response.body)["region"], "eu-west-1");
    response = client.call(dynamoRequest("DynamoDB_20120810.ListTables", "{}"));
    EXPECT_EQ(parseJson(response.body)["region"], "us-east-1");
    response = client.call(dynamoRequest("DynamoDB_20120810.ListTables", "{}", "AWS4 garbage"));
    EXPECT_EQ(parseJson(response.body)["region"], "us-east-1");
}

TEST_F(ServerTest, LeavesMissingAndUnknownTargetsToTheHandler) {
    Client client(m_server->port());
    auto response = client.call(dynamoRequest("", "{}"));
    EXPECT_EQ(response.status, 400);
    EXPECT_NE(response.body.find("UnknownOperationException"), std::string::npos);
    EXPECT_EQ(response["x-amz-crc32"], std::to_string(zlibCrc(response.body)));
    response = client.call(dynamoRequest("DynamoDB_20120810.NoSuchThing", "{}"));
    EXPECT_EQ(parseJson(response.body)["target"], "DynamoDB_20120810.NoSuchThing");
}

TEST_F(ServerTest, AnswersHealthChecksLikeAws) {
    Client client(m_server->port());
    HttpRequest get{.method = "GET"};
    get.set("Host", "127.0.0.1");
    auto response = client.call(get);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "healthy: dynamodb.us-east-1.amazonaws.com ");
    EXPECT_EQ(response["x-amz-crc32"], std::to_string(zlibCrc(response.body)));
    get.set("Authorization", kEuWest1Auth);
    response = client.call(get);
    EXPECT_EQ(response.body, "healthy: dynamodb.eu-west-1.amazonaws.com ");
}

TEST_F(ServerTest, AnswersNonJsonCallsWithUnknownOperation404) {
    Client client(m_server->port());
    std::vector<HttpRequest> requests;
    requests.push_back({.method = "GET", .target = "/shell"});
    requests.push_back({.method = "PUT"});
    requests.push_back({.method = "DELETE"});
    requests.push_back(dynamoRequest("DynamoDB_20120810.ListTables", "{}"));
    requests.back().target = "/other";
    requests.push_back(dynamoRequest("DynamoDB_20120810.ListTables", "{}"));
    requests.back().set("Content-Type", "text/plain");
    for (auto& request : requests) {
        request.set("Host", "127.0.0.1");
        request.preparePayload();
        const auto response = client.call(request);
        EXPECT_EQ(response.status, 404) << request;
        EXPECT_EQ(response.body, "<UnknownOperationException/>\n");
    }
    // application/json is accepted, as dynalite does.
    auto json = dynamoRequest("DynamoDB_20120810.ListTables", "{}");
    json.set("Content-Type", "application/json");
    EXPECT_EQ(client.call(json).status, 200);
}

TEST_F(ServerTest, TurnsHandlerExceptionsInto500AndKeepsServing) {
    Client client(m_server->port());
    auto response = client.call(dynamoRequest("Test_1.Throw", "{}"));
    EXPECT_EQ(response.status, 500);
    const auto error = parseJson(response.body);
    EXPECT_EQ(error["__type"], "com.amazonaws.dynamodb.v20120810#InternalServerError");
    EXPECT_NE(error["message"].get<std::string>().find("boom"), std::string::npos);
    EXPECT_EQ(response["x-amz-crc32"], std::to_string(zlibCrc(response.body)));
    response = client.call(dynamoRequest("Test_1.ThrowInt", "{}"));
    EXPECT_EQ(response.status, 500);
    response = client.call(dynamoRequest("DynamoDB_20120810.ListTables", "{}"));
    EXPECT_EQ(response.status, 200);
}

TEST_F(ServerTest, HonoursExpectContinue) {
    Client client(m_server->port());
    client.send(
        "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n"
        "Content-Type: application/x-amz-json-1.0\r\nExpect: 100-continue\r\n"
        "Content-Length: 2\r\n\r\n");
    EXPECT_EQ(client.read().status, 100);
    client.send("{}");
    const auto response = client.read();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(parseJson(response.body)["body"], "{}");
}

TEST_F(ServerTest, ClosesHttp10ConnectionsAfterTheResponse) {
    Client client(m_server->port());
    auto request = dynamoRequest("DynamoDB_20120810.ListTables", "{}");
    request.version = 10;
    const auto response = client.call(request);
    EXPECT_EQ(response.status, 200);
    EXPECT_TRUE(client.closedByPeer());
}

}  // namespace
}  // namespace shardscope::endpoint::test

// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "endpoint/server.h"

// A blocking HTTP/1.1 client the endpoint tests drive the server with. Boost.Beast stays inside
// testclient.cpp: instantiated in every test file, its templates made most of their compile time.
namespace shardscope::endpoint::test {

using HttpFields = std::vector<std::pair<std::string, std::string>>;

// Every member has an initializer, so `HttpRequest{.method = "GET"}` can name only what differs
// without tripping -Wmissing-field-initializers.
struct HttpRequest {
    std::string method = "POST";
    std::string target = "/";
    int version = 11;      // 10 for HTTP/1.0
    HttpFields headers{};  // sent in this order, names spelled as given
    std::string body{};

    // Removes every field of that name (compared case-insensitively) and appends the new one,
    // as Beast's fields::set does.
    void set(std::string name, std::string value);
    // Beast's prepare_payload: a Content-Length whenever the body is not empty or the method is
    // one that carries a body (POST, PUT, OPTIONS).
    void preparePayload();
};

// The request as it goes on the wire, for failure messages.
std::ostream& operator<<(std::ostream& out, const HttpRequest& request);

struct HttpResponse {
    int status = 0;
    // Whether the connection may carry another request, by the version and Connection header.
    bool keepAlive = false;
    HttpFields headers;
    std::string body;

    // The first field of that name (compared case-insensitively); empty when there is none.
    std::string operator[](std::string_view name) const;
};

// A read that may fail without that being a test failure: servers refuse or close on purpose.
struct ReadResult {
    std::error_code error;
    HttpResponse response;  // only meaningful without an error
};

// Echoes what the transport handed over, so tests see target, region, body and request id.
// A few magic targets misbehave on purpose.
Reply fakeHandler(const Request& request);

// A server with fakeHandler on a free port; throws when it cannot start.
std::unique_ptr<Server> startServer(ServerOptions options = {});

// nlohmann::json::parse, compiled once here: instantiated in a test file, the parser alone costs
// it seconds of compile time.
nlohmann::json parseJson(const std::string& text);

// A `POST /` as the AWS SDKs send it, with Content-Length set.
HttpRequest dynamoRequest(const std::string& target, const std::string& body,
                          const std::string& authorization = {});

// One connection on its own io_context, requests one after another. Failures throw
// std::system_error, except in the try* calls.
class Client {
public:
    explicit Client(uint16_t port, const char* address = "127.0.0.1");
    ~Client();
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    HttpResponse call(const HttpRequest& request);
    // Sends a request without waiting for the answer, e.g. to act while the handler runs.
    void write(const HttpRequest& request);
    HttpResponse read();
    ReadResult tryRead();
    void send(std::string_view bytes);
    std::error_code trySend(std::string_view bytes);

    // True once the server has closed its side (after any response bytes were consumed).
    bool closedByPeer();

private:
    struct Connection;
    std::unique_ptr<Connection> m_connection;
};

}  // namespace shardscope::endpoint::test

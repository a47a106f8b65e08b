// SPDX-License-Identifier: MIT
#pragma once

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>

#include "endpoint/server.h"

namespace shardscope::endpoint::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using HttpResponse = http::response<http::string_body>;
using HttpRequest = http::request<http::string_body>;

// Echoes what the transport handed over, so tests see target, region, body and request id.
// A few magic targets misbehave on purpose.
inline Reply fakeHandler(const Request& request) {
    if (request.target == "Test_1.Throw") throw std::runtime_error("boom \"quoted\"");
    if (request.target == "Test_1.ThrowInt") throw 42;
    if (request.target == "Test_1.Slow")
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
    if (request.target.empty()) {
        return {400, R"({"__type":"com.amazon.coral.service#UnknownOperationException"})"};
    }
    nlohmann::json echo{{"target", request.target},
                        {"region", request.region},
                        {"body", request.body},
                        {"requestId", request.requestId}};
    return {200, echo.dump()};
}

inline std::unique_ptr<Server> startServer(ServerOptions options = {}) {
    options.port = 0;
    auto started = Server::start(options, fakeHandler);
    if (!started) throw std::runtime_error(started.error().message);
    return std::move(started).value();
}

inline HttpRequest dynamoRequest(const std::string& target, const std::string& body,
                                 const std::string& authorization = {}) {
    HttpRequest request{http::verb::post, "/", 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::content_type, "application/x-amz-json-1.0");
    if (!target.empty()) request.set("X-Amz-Target", target);
    if (!authorization.empty()) request.set(http::field::authorization, authorization);
    request.body() = body;
    request.prepare_payload();
    return request;
}

// A blocking client on its own io_context: one connection, requests one after another.
class Client {
public:
    explicit Client(uint16_t port, const char* address = "127.0.0.1") {
        m_socket.connect(tcp::endpoint(asio::ip::make_address(address), port));
    }

    HttpResponse call(const HttpRequest& request) {
        http::write(m_socket, request);
        return read();
    }

    HttpResponse read() {
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        http::read(m_socket, m_buffer, parser);
        return parser.release();
    }

    void send(std::string_view bytes) { asio::write(m_socket, asio::buffer(bytes)); }

    // True once the server has closed its side (after any response bytes were consumed).
    bool closedByPeer() {
        if (m_buffer.size() > 0) return false;
        char byte;
        beast::error_code ec;
        m_socket.read_some(asio::buffer(&byte, 1), ec);
        return ec == asio::error::eof || ec == asio::error::connection_reset;
    }

    tcp::socket& socket() { return m_socket; }

private:
    asio::io_context m_io;
    tcp::socket m_socket{m_io};
    beast::flat_buffer m_buffer;
};

}  // namespace shardscope::endpoint::test

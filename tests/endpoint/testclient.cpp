// SPDX-License-Identifier: MIT
#include "testclient.h"

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <thread>

namespace shardscope::endpoint::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using BeastRequest = http::request<http::string_body>;
using BeastResponse = http::response<http::string_body>;

// Beast refuses response bodies over 8 MB by default; only the server should limit what tests see.
constexpr uint64_t kResponseBodyLimit = 64 * 1024 * 1024;

// Field names are case-insensitive (RFC 9110), and ASCII.
bool sameFieldName(std::string_view left, std::string_view right) {
    return std::ranges::equal(left, right, [](unsigned char a, unsigned char b) {
        return std::tolower(a) == std::tolower(b);
    });
}

BeastRequest toBeast(const HttpRequest& request) {
    BeastRequest message;
    message.method_string(request.method);
    message.target(request.target);
    message.version(static_cast<unsigned>(request.version));
    for (const auto& [name, value] : request.headers) message.insert(name, value);
    message.body() = request.body;
    return message;
}

HttpResponse fromBeast(BeastResponse&& message) {
    HttpResponse response;
    response.status = static_cast<int>(message.result_int());
    response.keepAlive = message.keep_alive();
    for (const auto& field : message) {
        response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = std::move(message.body());
    return response;
}

void throwOnError(std::error_code error, const char* whatFailed) {
    if (error) throw std::system_error(error, whatFailed);
}

}  // namespace

void HttpRequest::set(std::string name, std::string value) {
    std::erase_if(headers, [&](const auto& field) { return sameFieldName(field.first, name); });
    headers.emplace_back(std::move(name), std::move(value));
}

void HttpRequest::preparePayload() {
    // Beast's own rules, so the bytes sent are those the tests were written against.
    BeastRequest message = toBeast(*this);
    message.prepare_payload();
    headers.clear();
    for (const auto& field : message) {
        headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
}

std::ostream& operator<<(std::ostream& out, const HttpRequest& request) {
    return out << toBeast(request);
}

std::string HttpResponse::operator[](std::string_view name) const {
    for (const auto& [fieldName, value] : headers) {
        if (sameFieldName(fieldName, name)) return value;
    }
    return {};
}

Reply fakeHandler(const Request& request) {
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

std::unique_ptr<Server> startServer(ServerOptions options) {
    options.port = 0;
    auto started = Server::start(options, fakeHandler);
    if (!started) throw std::runtime_error(started.error().message);
    return std::move(started).value();
}

nlohmann::json parseJson(const std::string& text) {
    return nlohmann::json::parse(text);
}

HttpRequest dynamoRequest(const std::string& target, const std::string& body,
                          const std::string& authorization) {
    HttpRequest request;
    request.set("Host", "127.0.0.1");
    request.set("Content-Type", "application/x-amz-json-1.0");
    if (!target.empty()) request.set("X-Amz-Target", target);
    if (!authorization.empty()) request.set("Authorization", authorization);
    request.body = body;
    request.preparePayload();
    return request;
}

struct Client::Connection {
    asio::io_context io;
    tcp::socket socket{io};
    // Bytes the server sent past the response being parsed, kept for the next read.
    beast::flat_buffer buffer;
};

Client::Client(uint16_t port, const char* address) : m_connection(std::make_unique<Connection>()) {
    beast::error_code error;
    const auto ip = asio::ip::make_address(address, error);
    throwOnError(error, "parsing the server address");
    m_connection->socket.connect(tcp::endpoint(ip, port), error);
    throwOnError(error, "connecting to the server");
}

Client::~Client() = default;

HttpResponse Client::call(const HttpRequest& request) {
    write(request);
    return read();
}

void Client::write(const HttpRequest& request) {
    beast::error_code error;
    http::write(m_connection->socket, toBeast(request), error);
    throwOnError(error, "writing a request");
}

HttpResponse Client::read() {
    auto result = tryRead();
    throwOnError(result.error, "reading a response");
    return std::move(result.response);
}

ReadResult Client::tryRead() {
    http::response_parser<http::string_body> parser;
    parser.body_limit(kResponseBodyLimit);
    beast::error_code error;
    http::read(m_connection->socket, m_connection->buffer, parser, error);
    if (error) return {std::error_code(error), {}};
    return {{}, fromBeast(parser.release())};
}

void Client::send(std::string_view bytes) {
    throwOnError(trySend(bytes), "sending bytes");
}

std::error_code Client::trySend(std::string_view bytes) {
    beast::error_code error;
    asio::write(m_connection->socket, asio::buffer(bytes), error);
    return error;
}

bool Client::closedByPeer() {
    if (m_connection->buffer.size() > 0) return false;
    char byte;
    beast::error_code error;
    m_connection->socket.read_some(asio::buffer(&byte, 1), error);
    return error == asio::error::eof || error == asio::error::connection_reset;
}

}  // namespace shardscope::endpoint::test

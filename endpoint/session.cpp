// SPDX-License-Identifier: MIT
#include "session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <utility>

#include "core.h"
#include "protocol.h"

namespace shardscope::endpoint::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr std::string_view kJsonType = "application/x-amz-json-1.0";
// [?] AWS's front end answers oversized requests before DynamoDB sees them; SDKs only need a
// `__type` whose text after '#' names the problem.
constexpr std::string_view kTooLargeType = "com.amazon.coral.service#RequestEntityTooLarge";
constexpr std::string_view kSerializationType = "com.amazon.coral.service#SerializationException";
// How long a connection we are giving up on may keep sending before it is cut.
constexpr auto kDrainTime = std::chrono::seconds(5);

// Beast 1.74 speaks boost::string_view.
std::string_view view(beast::string_view text) {
    return {text.data(), text.size()};
}

std::string_view pathOf(std::string_view target) {
    return target.substr(0, target.find('?'));
}

// Errors after which there is nobody to answer, or nothing worth answering: the peer left, went
// quiet, or the server is stopping. Only HTTP parse errors get a response.
bool isBenignReadError(beast::error_code ec) {
    const bool parseError =
        &ec.category() == &http::make_error_code(http::error::bad_method).category();
    return !parseError || ec == http::error::end_of_stream || ec == http::error::partial_message;
}

}  // namespace

Session::Session(asio::ip::tcp::socket socket, Core& core)
    : m_core(core), m_stream(std::move(socket)) {}

Session::~Session() {
    m_core.detach(this);
}

void Session::start() {
    asio::post(m_stream.get_executor(), [self = shared_from_this()] { self->readRequest(); });
}

void Session::shutdown() {
    asio::post(m_stream.get_executor(), [self = shared_from_this()] {
        const bool idle = self->m_waitingForRequest && self->m_buffer.size() == 0 &&
                          self->m_parser && !self->m_parser->got_some();
        if (idle) self->m_stream.cancel();
    });
}

void Session::readRequest() {
    if (m_core.stopping()) return close();
    const auto& options = m_core.options();
    m_parser.emplace();
    m_parser->header_limit(options.maxHeaderBytes);
    m_parser->body_limit(options.maxBodyBytes);
    m_waitingForRequest = true;
    m_stream.expires_after(options.idleTimeout);
    http::async_read_header(
        m_stream, m_buffer, *m_parser,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->onHeader(ec); });
}

void Session::onHeader(beast::error_code ec) {
    m_waitingForRequest = false;
    if (ec) return onReadError(ec);
    const auto& header = m_parser->get();
    if (beast::iequals(header[http::field::expect], "100-continue")) return sendContinue();
    readBody();
}

// Clients that ask first (Expect: 100-continue) get the go-ahead only once the header passed the
// limits, so an oversized body is refused before it is sent.
void Session::sendContinue() {
    m_continue = {http::status::continue_, m_parser->get().version()};
    http::async_write(m_stream, m_continue,
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                          if (ec) return self->close();
                          self->readBody();
                      });
}

void Session::readBody() {
    m_stream.expires_after(m_core.options().idleTimeout);
    http::async_read(
        m_stream, m_buffer, *m_parser,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->onBody(ec); });
}

void Session::onBody(beast::error_code ec) {
    if (ec) return onReadError(ec);
    serve(m_parser->release());
}

void Session::onReadError(beast::error_code ec) {
    if (isBenignReadError(ec)) return close();
    m_requestId = newRequestId();
    m_keepAlive = false;
    m_drainAfterWrite = true;
    if (ec == http::error::body_limit) {
        const auto limit = std::to_string(m_core.options().maxBodyBytes);
        return respond(413, jsonError(kTooLargeType, "Request must be at most " + limit + " bytes"),
                       kJsonType);
    }
    if (ec == http::error::header_limit) {
        return respond(431, jsonError(kSerializationType, "Request header block is too large"),
                       kJsonType);
    }
    respond(400, jsonError(kSerializationType, "Malformed HTTP request: " + ec.message()),
            kJsonType);
}

void Session::serve(HttpRequest request) {
    m_requestId = newRequestId();
    m_version = request.version();
    m_keepAlive = request.keep_alive();
    const auto& options = m_core.options();
    std::string region =
        regionFromAuthorization(view(request[http::field::authorization]), options.defaultRegion);
    const bool atRoot = pathOf(view(request.target())) == "/";
    if (request.method() == http::verb::get && atRoot) {
        // What AWS answers, so health checks written against it work here too.
        return respond(200, "healthy: dynamodb." + region + ".amazonaws.com ", "text/plain");
    }
    const auto contentType = view(request[http::field::content_type]);
    const bool jsonOrNone = contentType.empty() || isJsonContentType(contentType);
    if (request.method() != http::verb::post || !atRoot || !jsonOrNone) {
        // dynalite's answer for anything that is not a JSON call (reference §4.1).
        return respond(404, "<UnknownOperationException/>\n", "application/xml");
    }
    callHandler(Request{std::string(request["X-Amz-Target"]), std::move(request.body()),
                        std::move(region), m_requestId});
}

void Session::callHandler(Request call) {
    if (m_core.inlineHandler()) {
        m_core.queueReply(shared_from_this(), m_core.callHandler(call));
        return;
    }
    asio::post(m_core.handlerPool(), [self = shared_from_this(), call = std::move(call)]() {
        self->m_core.queueReply(self, self->m_core.callHandler(call));
    });
}

void Session::deliver(Reply reply) {
    asio::dispatch(m_stream.get_executor(),
                   [self = shared_from_this(), reply = std::move(reply)]() mutable {
                       self->respond(reply.status, std::move(reply.body), kJsonType);
                   });
}

void Session::respond(int status, std::string body, std::string_view contentType) {
    if (status < 100 || status > 599) status = 500;
    m_response = {};
    m_response.version(m_version);
    m_response.result(static_cast<unsigned>(status));
    m_response.set(http::field::content_type,
                   beast::string_view(contentType.data(), contentType.size()));
    m_response.set("x-amzn-RequestId", m_requestId);
    m_response.set("x-amz-crc32", std::to_string(crc32Of(body)));
    m_response.body() = std::move(body);
    m_response.keep_alive(m_keepAlive && !m_core.stopping());
    m_response.prepare_payload();
    m_stream.expires_after(m_core.options().idleTimeout);
    http::async_write(
        m_stream, m_response,
        [self = shared_from_this()](beast::error_code ec, size_t) { self->onWrite(ec); });
}

void Session::onWrite(beast::error_code ec) {
    if (ec) return close();
    if (m_drainAfterWrite) return drainThenClose();
    if (!m_response.keep_alive()) return close();
    readRequest();
}

void Session::drainThenClose() {
    beast::error_code ignored;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
    if (m_drainBuffer.empty()) {
        m_drainBuffer.resize(16 * 1024);
        m_stream.expires_after(kDrainTime);
    }
    m_stream.async_read_some(asio::buffer(m_drainBuffer),
                             [self = shared_from_this()](beast::error_code readError, size_t) {
                                 if (readError) return self->close();
                                 self->drainThenClose();
                             });
}

void Session::close() {
    beast::error_code ignored;
    m_stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    m_stream.close();
}

}  // namespace shardscope::endpoint::detail

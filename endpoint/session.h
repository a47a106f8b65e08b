// SPDX-License-Identifier: MIT
#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server.h"

namespace shardscope::endpoint::detail {

class Core;

// One client connection: reads requests one after another (keep-alive), hands DynamoDB calls to
// the handler pool and writes the replies. Everything runs on the connection's strand, so no
// member needs a lock; the handler pool posts back onto that strand.
class Session : public std::enable_shared_from_this<Session> {
public:
    Session(boost::asio::ip::tcp::socket socket, Core& core);
    ~Session();

    void start();
    // From any thread: close now if waiting for a request, otherwise after the current response.
    void shutdown();
    // Writes a computed answer, from any thread (it moves onto the session's strand).
    void deliver(Reply reply);

private:
    using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

    void readRequest();
    void onHeader(boost::beast::error_code ec);
    void sendContinue();
    void readBody();
    void onBody(boost::beast::error_code ec);
    void onReadError(boost::beast::error_code ec);
    void serve(HttpRequest request);
    void callHandler(Request call);
    void respond(int status, std::string body, std::string_view contentType);
    void onWrite(boost::beast::error_code ec);
    void drainThenClose();
    void close();

    Core& m_core;
    boost::beast::tcp_stream m_stream;
    boost::beast::flat_buffer m_buffer;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> m_parser;
    boost::beast::http::response<boost::beast::http::empty_body> m_continue;
    boost::beast::http::response<boost::beast::http::string_body> m_response;
    std::string m_requestId;
    unsigned m_version = 11;
    bool m_keepAlive = true;
    bool m_waitingForRequest = false;
    // After an error that leaves unread request bytes (body too large, malformed), the response is
    // followed by a half-close and discarding input, so the client reads it instead of a reset.
    bool m_drainAfterWrite = false;
    std::vector<char> m_drainBuffer;
};

}  // namespace shardscope::endpoint::detail

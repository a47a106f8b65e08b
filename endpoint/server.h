// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "model/error.h"

// An HTTP/1.1 transport for the DynamoDB JSON protocol. It knows headers, keep-alive, CRC32 and
// request ids, but nothing of operations: every `POST /` goes to the handler with its X-Amz-Target,
// body and the region of its SigV4 credential scope.
namespace shardscope::endpoint {

namespace detail {
class Core;
}

struct ServerOptions {
    // Loopback by default: the endpoint accepts any credentials, so exposing it is a user's choice.
    std::string bindAddress = "127.0.0.1";
    // 0 picks a free port (tests); Server::port() tells which.
    uint16_t port = 8000;
    // Threads doing socket I/O. Connections are served asynchronously, so a handful suffices for
    // any number of keep-alive clients.
    int threads = 2;
    // Threads running the handler, so a long Scan never stalls reading or writing other sockets.
    // 0 runs the handler on the I/O thread that read the request: no thread hand-offs, the
    // fewest system calls per request.
    int handlerThreads = 4;
    // Called on an I/O thread before the answers computed since its last call are written, so
    // the application can make all of them durable with one commit. Returning false replaces
    // those answers with 500 InternalServerError. Unset: answers go out at once.
    std::function<bool()> beforeReplies;
    size_t maxBodyBytes = 16 * 1024 * 1024;
    // Request line plus all header fields (reference §0).
    uint32_t maxHeaderBytes = 16 * 1024;
    // A connection that sends nothing for this long, or is too slow to take a response, is closed.
    std::chrono::milliseconds idleTimeout{60'000};
    // stop() waits at most this long for in-flight requests before cutting connections.
    std::chrono::milliseconds stopGrace{5'000};
    // Used when a request carries no (or a malformed) SigV4 Authorization header.
    std::string defaultRegion = "us-east-1";
};

struct Request {
    std::string target;  // X-Amz-Target, verbatim; empty when the header is missing
    std::string body;
    std::string region;     // from the credential scope, else ServerOptions::defaultRegion
    std::string requestId;  // the x-amzn-RequestId the response will carry
};

struct Reply {
    int status = 200;
    std::string body;
};

// Called concurrently from the handler threads. It decides everything about the operation,
// including the answer to a missing or unknown target. An exception it throws becomes a 500
// InternalServerError; the connection survives.
using Handler = std::function<Reply(const Request&)>;

class Server {
public:
    // Binds and starts serving before returning. Errors: Validation for options that cannot work
    // (bad address, no threads); InternalServerError when the socket cannot be bound (the message
    // says why, e.g. the port is in use).
    static Result<std::unique_ptr<Server>> start(const ServerOptions& options, Handler handler);

    // Stops too.
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    // The bound port (the real one when options.port was 0).
    uint16_t port() const;

    // Stops accepting, closes idle connections, lets requests already being read or handled
    // finish and answer (with `Connection: close`), then joins all threads. Waits at most
    // stopGrace for them, plus any handler call still running. Idempotent. Call it from any
    // thread except the server's own (never from inside the handler).
    void stop();

private:
    explicit Server(std::unique_ptr<detail::Core> core);
    std::unique_ptr<detail::Core> m_core;
};

}  // namespace shardscope::endpoint

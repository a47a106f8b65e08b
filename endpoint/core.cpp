// SPDX-License-Identifier: MIT
#include "core.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <exception>
#include <utility>

#include "protocol.h"
#include "session.h"

namespace shardscope::endpoint::detail {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

constexpr std::string_view kInternalError = "com.amazonaws.dynamodb.v20120810#InternalServerError";

std::string endpointText(const std::string& address, uint16_t port) {
    return address + ":" + std::to_string(port);
}

}  // namespace

Core::Core(ServerOptions options, Handler handler)
    : m_options(std::move(options)),
      m_handler(std::move(handler)),
      m_acceptor(asio::make_strand(m_io)),
      m_acceptRetry(m_acceptor.get_executor()) {
    if (m_options.handlerThreads > 0)
        m_handlerPool.emplace(static_cast<size_t>(m_options.handlerThreads));
}

Core::~Core() {
    stop();
}

Result<void> Core::listen() {
    boost::system::error_code ec;
    const std::string& host = m_options.bindAddress;
    const auto address = asio::ip::make_address(host == "localhost" ? "127.0.0.1" : host, ec);
    if (ec)
        return failure(ErrorCode::Validation, "'" + host + "' is not an IP address to listen on");
    const tcp::endpoint endpoint{address, m_options.port};
    const std::string where = endpointText(host, m_options.port);

    m_acceptor.open(endpoint.protocol(), ec);
    // Lets a restarted server rebind while old connections sit in TIME_WAIT; on Linux it does not
    // let two servers share a port.
    if (!ec) m_acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) m_acceptor.bind(endpoint, ec);
    if (ec == asio::error::address_in_use) {
        return failure(ErrorCode::InternalServerError,
                       "cannot listen on " + where + ": the port is already in use");
    }
    if (!ec) m_acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return failure(ErrorCode::InternalServerError,
                       "cannot listen on " + where + ": " + ec.message());
    m_port = m_acceptor.local_endpoint(ec).port();
    return {};
}

void Core::run() {
    m_work.emplace(m_io.get_executor());
    accept();
    for (int i = 0; i < m_options.threads; ++i) {
        m_ioThreads.emplace_back([this] {
            // A throwing completion handler must not take the process down; keep serving.
            for (;;) {
                try {
                    m_io.run();
                    return;
                } catch (...) {
                }
            }
        });
    }
}

void Core::accept() {
    m_acceptor.async_accept(asio::make_strand(m_io),
                            [this](boost::system::error_code ec, tcp::socket socket) {
                                onAccept(ec, std::move(socket));
                            });
}

void Core::onAccept(boost::system::error_code ec, tcp::socket socket) {
    if (stopping() || ec == asio::error::operation_aborted) return;
    if (ec) {
        // Out of file descriptors and the like: back off instead of spinning on the error.
        m_acceptRetry.expires_after(std::chrono::milliseconds(100));
        m_acceptRetry.async_wait([this](boost::system::error_code waitError) {
            if (!waitError && !stopping()) accept();
        });
        return;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto session = std::make_shared<Session>(std::move(socket), *this);
    attach(session);
    session->start();
    accept();
}

Reply Core::callHandler(const Request& request) const noexcept {
    try {
        return m_handler(request);
    } catch (const std::exception& e) {
        return Reply{500,
                     jsonError(kInternalError, std::string("Internal server error: ") + e.what())};
    } catch (...) {
        return Reply{500, jsonError(kInternalError, "Internal server error")};
    }
}

void Core::queueReply(std::shared_ptr<Session> session, Reply reply) {
    std::lock_guard lock(m_mutex);
    m_pendingReplies.emplace_back(std::move(session), std::move(reply));
    if (m_flushPosted) return;
    m_flushPosted = true;
    // Posted behind the reads already completed, so requests that arrived together are answered
    // after one flush.
    asio::post(m_io, [this] { flushReplies(); });
}

void Core::flushReplies() {
    std::vector<std::pair<std::shared_ptr<Session>, Reply>> replies;
    {
        std::lock_guard lock(m_mutex);
        replies.swap(m_pendingReplies);
        m_flushPosted = false;
    }
    bool durable = true;
    if (m_options.beforeReplies) {
        try {
            durable = m_options.beforeReplies();
        } catch (...) {
            durable = false;
        }
    }
    for (auto& [session, reply] : replies) {
        if (!durable)
            reply = Reply{500, jsonError(kInternalError,
                                         "The change could not be made durable; it may or may "
                                         "not have happened")};
        session->deliver(std::move(reply));
    }
}

void Core::attach(const std::shared_ptr<Session>& session) {
    std::lock_guard lock(m_mutex);
    m_sessions.emplace(session.get(), session);
}

void Core::detach(Session* session) {
    std::lock_guard lock(m_mutex);
    m_sessions.erase(session);
    if (m_sessions.empty()) m_sessionsGone.notify_all();
}

void Core::closeSessions() {
    std::vector<std::shared_ptr<Session>> live;
    {
        std::lock_guard lock(m_mutex);
        for (auto& [raw, weak] : m_sessions) {
            if (auto session = weak.lock()) live.push_back(std::move(session));
        }
    }
    for (auto& session : live) session->shutdown();
}

void Core::stop() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped) return;
        m_stopped = true;
    }
    // Set before the session snapshot: a session accepted after it sees the flag before it
    // waits for a request, and closes.
    m_stopping.store(true, std::memory_order_release);
    asio::post(m_acceptor.get_executor(), [this] {
        boost::system::error_code ignored;
        m_acceptor.close(ignored);
        m_acceptRetry.cancel();
    });
    closeSessions();
    {
        std::unique_lock lock(m_mutex);
        m_sessionsGone.wait_for(lock, m_options.stopGrace, [this] { return m_sessions.empty(); });
    }
    // Handlers already running finish and post their replies; then whatever is left is cut.
    if (m_handlerPool) m_handlerPool->join();
    m_work.reset();
    m_io.stop();
    for (auto& thread : m_ioThreads) thread.join();
    m_ioThreads.clear();
    // The close posted above may not have run before the loop stopped, which would leave the
    // socket listening (and connections landing in its backlog): no thread runs now, so close it.
    boost::system::error_code ignored;
    m_acceptor.close(ignored);
}

}  // namespace shardscope::endpoint::detail

// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server.h"

namespace shardscope::endpoint::detail {

class Session;

inline Error failure(ErrorCode code, std::string message) {
    Error error;
    error.code = code;
    error.message = std::move(message);
    return error;
}

// What the server and its sessions share: the options, the handler, the threads, and the set of
// live sessions that stop() has to wind down.
class Core {
public:
    Core(ServerOptions options, Handler handler);
    ~Core();

    Result<void> listen();
    void run();
    void stop();
    uint16_t port() const { return m_port; }

    // For sessions, from any thread.
    const ServerOptions& options() const { return m_options; }
    bool stopping() const { return m_stopping.load(std::memory_order_acquire); }
    boost::asio::thread_pool& handlerPool() { return *m_handlerPool; }
    Reply callHandler(const Request& request) const noexcept;
    bool inlineHandler() const { return m_options.handlerThreads == 0; }
    // Queues an answer; one posted flush runs beforeReplies once for everything queued, then
    // hands each answer to its session.
    void queueReply(std::shared_ptr<Session> session, Reply reply);
    void attach(const std::shared_ptr<Session>& session);
    void detach(Session* session);

private:
    void accept();
    void onAccept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);
    void closeSessions();
    void flushReplies();

    ServerOptions m_options;
    Handler m_handler;

    // Declared before the I/O objects: sessions detach while those are being destroyed.
    std::mutex m_mutex;
    std::condition_variable m_sessionsGone;
    std::unordered_map<Session*, std::weak_ptr<Session>> m_sessions;
    bool m_stopped = false;
    std::atomic<bool> m_stopping{false};
    std::vector<std::pair<std::shared_ptr<Session>, Reply>> m_pendingReplies;
    bool m_flushPosted = false;

    boost::asio::io_context m_io;
    // Keeps the I/O threads up while a session has no pending socket operation because its
    // request is with the handler pool (and, during stop(), once the acceptor is closed).
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> m_work;
    std::optional<boost::asio::thread_pool> m_handlerPool;
    boost::asio::ip::tcp::acceptor m_acceptor;
    boost::asio::steady_timer m_acceptRetry;
    std::vector<std::thread> m_ioThreads;
    uint16_t m_port = 0;
};

}  // namespace shardscope::endpoint::detail

// SPDX-License-Identifier: MIT
#include "server.h"

#include <utility>

#include "core.h"

namespace shardscope::endpoint {

Result<std::unique_ptr<Server>> Server::start(const ServerOptions& options, Handler handler) {
    if (options.threads < 1 || options.handlerThreads < 0) {
        return detail::failure(
            ErrorCode::Validation,
            "the server needs at least one I/O thread and no negative handler threads");
    }
    if (!handler) return detail::failure(ErrorCode::Validation, "the server needs a handler");
    auto core = std::make_unique<detail::Core>(options, std::move(handler));
    if (auto listening = core->listen(); !listening) return listening.takeError();
    core->run();
    return std::unique_ptr<Server>(new Server(std::move(core)));
}

Server::Server(std::unique_ptr<detail::Core> core) : m_core(std::move(core)) {}

Server::~Server() {
    stop();
}

uint16_t Server::port() const {
    return m_core->port();
}

void Server::stop() {
    m_core->stop();
}

}  // namespace shardscope::endpoint

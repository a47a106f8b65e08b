// SPDX-License-Identifier: MIT
#include "session/workspacesession.h"

#include <QThreadPool>

#include "session/async.h"

#include "demo/tasklist.h"
#include "demo/workload.h"
#include "endpoint/server.h"
#include "sim/scheduler.h"
#include "table/database.h"
#include "wire/dispatcher.h"

namespace shardscope::ui {

Result<std::unique_ptr<WorkspaceSession>> WorkspaceSession::open(const Options& options) {
    table::DatabaseOptions databaseOptions(options.path.toStdString());
    databaseOptions.clockMode = options.clockMode;
    databaseOptions.streams.rolloverPeriodMs = options.rolloverPeriodMs;
    databaseOptions.ttl.lag =
        options.immediateTtl ? ttl::DeletionLag::Immediate : ttl::DeletionLag::Realistic;
    auto database = table::Database::open(databaseOptions);
    if (!database) return database.takeError();

    std::unique_ptr<WorkspaceSession> session(new WorkspaceSession);
    session->m_path = options.path;
    session->m_options = options;
    session->m_rolloverPeriodMs = options.rolloverPeriodMs;
    session->m_database = std::move(database).value();
    if (options.demo) {
        if (auto seeded = demo::seedTaskList(*session->m_database); !seeded)
            return seeded.takeError();
        session->m_workload = std::make_unique<demo::Workload>(*session->m_database);
    }
    session->m_scheduler = std::make_unique<sim::Scheduler>(session->clock());
    session->m_database->attachTo(*session->m_scheduler);
    session->m_scheduler->start();
    return session;
}

QThreadPool& workPool() {
    static QThreadPool pool;
    return pool;
}

WorkspaceSession::~WorkspaceSession() {
    // Reads and writes the window started on the thread pool hold plain pointers into this
    // session; they finish before anything they point at goes away.
    workPool().waitForDone();
    // Outside writers first, then our own, then time: nothing may write once the scheduler stops.
    stopEndpoint();
    m_workload.reset();
    if (m_scheduler) m_scheduler->stop();
}

sim::Clock& WorkspaceSession::clock() {
    return m_database->clock();
}

Result<uint16_t> WorkspaceSession::startEndpoint(uint16_t port) {
    if (m_server) return m_server->port();
    if (!m_dispatcher) m_dispatcher = std::make_unique<wire::Dispatcher>(*m_database);
    endpoint::ServerOptions serverOptions;
    serverOptions.port = port;
    serverOptions.threads = 1;
    serverOptions.handlerThreads = 1;
    auto server = endpoint::Server::start(
        serverOptions, [dispatcher = m_dispatcher.get()](const endpoint::Request& call) {
            auto reply = dispatcher->handle(call.target, call.body, call.region);
            return endpoint::Reply{reply.status, std::move(reply.body)};
        });
    if (!server) return server.takeError();
    m_server = std::move(server).value();
    emit endpointChanged();
    return m_server->port();
}

void WorkspaceSession::stopEndpoint() {
    if (!m_server) return;
    m_server->stop();
    m_server.reset();
    emit endpointChanged();
}

std::optional<uint16_t> WorkspaceSession::endpointPort() const {
    if (!m_server) return std::nullopt;
    return m_server->port();
}

}  // namespace shardscope::ui

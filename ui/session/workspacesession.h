// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

#include "model/error.h"
#include "sim/clock.h"

namespace shardscope::table {
class Database;
}
namespace shardscope::sim {
class Scheduler;
}
namespace shardscope::demo {
class Workload;
}
namespace shardscope::endpoint {
class Server;
}
namespace shardscope::wire {
class Dispatcher;
}

namespace shardscope::ui {

// One open workspace and what runs around it: the database, the scheduler thread that drives
// its time-based work, the demo workload and the embedded endpoint. The window holds exactly
// one; opening another workspace builds a new session (off the UI thread) and swaps.
class WorkspaceSession final : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString path;  // a workspace file, or ":memory:"
        // Fill the task-list example into an empty workspace and attach the workload to it.
        bool demo = false;
        std::optional<sim::Clock::Mode> clockMode;  // unset: what the workspace last used
        bool immediateTtl = true;                   // a lab deletes expired items within the second
        // How often an open shard rolls over. DynamoDB's is about four hours; a class wants to
        // see lineage grow within minutes (a visible lab setting, shown by the shard lanes).
        int64_t rolloverPeriodMs = 4 * 3600 * 1000;
    };

    // Opens the file and starts the scheduler. Touches the disk: call it off the UI thread
    // (or before the window exists). Errors: the workspace's own (not a workspace, damaged,
    // newer), with a message meant for the user.
    static Result<std::unique_ptr<WorkspaceSession>> open(const Options& options);
    ~WorkspaceSession() override;

    table::Database& database() { return *m_database; }
    sim::Clock& clock();
    sim::Scheduler& scheduler() { return *m_scheduler; }
    // Present for demo sessions only.
    demo::Workload* workload() { return m_workload.get(); }
    const QString& path() const { return m_path; }
    // What it was opened with (Save As reopens the copy the same way).
    const Options& options() const { return m_options; }
    int64_t rolloverPeriodMs() const { return m_rolloverPeriodMs; }
    bool inMemory() const { return m_path == QStringLiteral(":memory:"); }

    // Serves the DynamoDB API on 127.0.0.1. Errors: the port is taken (the message says so).
    Result<uint16_t> startEndpoint(uint16_t port);
    void stopEndpoint();
    std::optional<uint16_t> endpointPort() const;

signals:
    void endpointChanged();

private:
    WorkspaceSession() = default;

    QString m_path;
    Options m_options;
    int64_t m_rolloverPeriodMs = 0;
    std::unique_ptr<table::Database> m_database;
    std::unique_ptr<sim::Scheduler> m_scheduler;
    std::unique_ptr<demo::Workload> m_workload;
    std::unique_ptr<wire::Dispatcher> m_dispatcher;
    std::unique_ptr<endpoint::Server> m_server;
};

}  // namespace shardscope::ui

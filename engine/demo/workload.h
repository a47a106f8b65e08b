// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model/error.h"
#include "model/value.h"
#include "sim/clock.h"
#include "sim/random.h"

namespace shardscope::table {
class Database;
}

namespace shardscope::demo {

struct WorkloadOptions {
    double writesPerSecond = 4;              // clamped to Workload::kMinRate … kMaxRate
    sim::Millis archiveLifetimeMs = 90'000;  // an archived task's `expires`: clock now + this
    uint64_t seed = 1;  // the same seed on the same workspace: the same actions
};

// Writes the task-list story (demo/tasklist.h) so that stream records flow from the first second:
// tasks added to a list (PutItem, and ADD 1 to the list's count: INSERT records), changed
// (UpdateItem of Done, Priority or Title: MODIFY) and completed (DeleteItem: REMOVE; the task goes
// to the archive with `expires` set, and ADD -1 to the count). Lists stay between about 3 and 12
// tasks so all three kinds keep happening.
//
// It runs on its own thread, paced in real (wall) time by a token bucket, whatever the world's
// clock does: at high rates it writes back to back and sleeps only when ahead. Actions are drawn
// from a sim::Random of the seed, in order, on whichever thread acts, so a seed replays exactly.
// It learns the lists and their tasks from the workspace on its first action; a task someone
// else deleted or changed meanwhile makes that action fail (reported) and is then forgotten.
//
// Thread-safety: every method may be called from any thread.
class Workload {
public:
    static constexpr double kMinRate = 0.1;
    static constexpr double kMaxRate = 20000;

    // `db` must outlive the workload. Does no I/O: starts nothing until start() or step().
    Workload(table::Database& db, WorkloadOptions options = {});
    // Stops the thread and waits for its current action to end.
    ~Workload();
    Workload(const Workload&) = delete;
    Workload& operator=(const Workload&) = delete;

    // Starts (or resumes) writing at rate() on the workload's thread; clears lastError(). Pause
    // returns once the action under way, if any, is done: nothing is written after it.
    void start();
    void pause();
    bool running() const;

    void setRate(double writesPerSecond);
    double rate() const;

    // Successful writes so far (an action makes one to three), by the thread and by step().
    uint64_t writes() const;
    // The most recent failure, "" if none since start(). A failure never stops the workload: it
    // is reported here and the next action goes on (after a short pause, so a lasting fault,
    // such as a deleted table, does not spin).
    std::string lastError() const;
    // What the most recent successful action did, for a status line (`added task-000012 "buy
    // milk" to groceries`). "" before the first.
    std::string lastAction() const;

    // One action now, on the calling thread (a "step" button, tests), committed before it
    // returns. Takes turns with the running thread. Errors: those of the writes it made (then
    // lastError() says the same).
    Result<void> step();

private:
    struct Task {
        std::string id;
        bool done = false;
        int64_t priority = 1;
        std::string title;
    };
    struct TaskList {
        std::string id;
        std::vector<Task> tasks;
        int64_t nextNumber = 1;
    };

    void run();
    // The writes one action made; an error when one of them failed.
    Result<int> act();
    Result<void> learnTasks();
    Result<int64_t> highestArchivedNumber(const std::string& listId);
    Result<int> addTask(TaskList& list);
    Result<int> changeTask(TaskList& list);
    Result<int> archiveTask(TaskList& list);
    Result<void> adjustCount(const std::string& listId, int64_t delta);
    void wroteOne() { m_writes.fetch_add(1, std::memory_order_relaxed); }
    void noteAction(std::string action);
    void noteError(const Error& error);
    // Sleeps until `deadline` or until pause/stop/rate changes; false when stopping.
    bool sleepUntil(std::chrono::steady_clock::time_point deadline);

    table::Database& m_db;
    const sim::Millis m_archiveLifetimeMs;

    // The story's state: touched only by the thread that holds m_actionMutex.
    std::mutex m_actionMutex;
    sim::Random m_random;
    bool m_learned = false;
    std::vector<TaskList> m_lists;

    // Control, guarded by m_mutex; m_wake tells the thread something changed.
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_running = false;
    bool m_stopping = false;
    double m_rate;
    std::string m_lastError;
    std::string m_lastAction;
    std::thread m_thread;

    std::atomic<uint64_t> m_writes{0};
};

}  // namespace shardscope::demo

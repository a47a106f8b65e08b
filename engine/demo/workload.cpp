// SPDX-License-Identifier: MIT
#include "demo/workload.h"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>
#endif

#include "demo/tasklist.h"
#include "table/database.h"

namespace shardscope::demo {
namespace {

using model::AttributeValue;
using model::Item;
using SteadyClock = std::chrono::steady_clock;

// Lists stay within these sizes, so adds, changes and completions all keep happening.
constexpr size_t kFewestTasks = 3;
constexpr size_t kMostTasks = 12;
// The bucket holds this much of a second's writes, so a thread that lost the CPU for a moment
// (two busy cores) catches up instead of falling short of the rate.
constexpr double kBurstSeconds = 0.25;
// A burst ends after this long even with tokens left: a deferred-commit database gets its flush,
// and pause() is never far off.
constexpr auto kLongestBurst = std::chrono::milliseconds(50);
// After a failed action, so a lasting fault (a deleted table) is reported, not spun on.
constexpr auto kPauseAfterError = std::chrono::milliseconds(100);
// The workload stands in for a user's own program, which would run in a process of its own. On a
// machine with two cores its 10,000 writes a second must not take the CPU from the window that
// draws them: the thread yields to the others (nice 10; Linux gives each thread its own).
void yieldCpuToOtherThreads() {
#if defined(__linux__)
    setpriority(PRIO_PROCESS, id_t(gettid()), 10);
#endif
}

constexpr std::array<std::string_view, 3> kDefaultLists = {"groceries", "chores", "work"};
constexpr std::array<std::string_view, 16> kTitles = {
    "buy milk",          "call the plumber",  "renew the passport", "water the plants",
    "answer email",      "book a room",       "plan the demo",      "fix the shelf",
    "pick up eggs",      "review the design", "pay the rent",       "walk the dog",
    "update the slides", "order printer ink", "back up the laptop", "clean the fridge"};

AttributeValue number(int64_t n) {
    return AttributeValue::number(model::Number::fromInt(n));
}

AttributeValue text(std::string_view s) {
    return AttributeValue::string(std::string(s));
}

Item taskKey(const std::string& listId, const std::string& taskId) {
    return {{"ListId", text(listId)}, {"TaskId", text(taskId)}};
}

std::string stringOf(const Item& item, const char* name) {
    const auto it = item.find(name);
    return it != item.end() && it->second.is(model::Type::S) ? it->second.asString() : "";
}

Error taskGone(const std::string& listId, const std::string& taskId) {
    return Error{ErrorCode::ConditionalCheckFailed,
                 "task " + taskId + " of list " + listId +
                     " was changed or deleted outside the demo; the demo forgets it",
                 nullptr};
}

}  // namespace

Workload::Workload(table::Database& db, WorkloadOptions options)
    : m_db(db),
      m_archiveLifetimeMs(options.archiveLifetimeMs),
      m_random(options.seed),
      m_rate(std::clamp(options.writesPerSecond, kMinRate, kMaxRate)) {}

Workload::~Workload() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

// ---- Control ---------------------------------------------------------------------------------

void Workload::start() {
    {
        std::lock_guard lock(m_mutex);
        m_running = true;
        m_lastError.clear();
        if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_all();
}

void Workload::pause() {
    {
        std::lock_guard lock(m_mutex);
        m_running = false;
    }
    m_wake.notify_all();
    // An action under way (one to three writes) finishes before pause returns: nothing is
    // written after a pause, which a paused demo and a Save As copy both rely on.
    std::lock_guard settled(m_actionMutex);
}

bool Workload::running() const {
    std::lock_guard lock(m_mutex);
    return m_running;
}

void Workload::setRate(double writesPerSecond) {
    {
        std::lock_guard lock(m_mutex);
        m_rate = std::clamp(writesPerSecond, kMinRate, kMaxRate);
    }
    m_wake.notify_all();
}

double Workload::rate() const {
    std::lock_guard lock(m_mutex);
    return m_rate;
}

uint64_t Workload::writes() const {
    return m_writes.load(std::memory_order_relaxed);
}

std::string Workload::lastError() const {
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

std::string Workload::lastAction() const {
    std::lock_guard lock(m_mutex);
    return m_lastAction;
}

void Workload::noteAction(std::string action) {
    std::lock_guard lock(m_mutex);
    m_lastAction = std::move(action);
}

void Workload::noteError(const Error& error) {
    std::lock_guard lock(m_mutex);
    m_lastError = error.message;
}

Result<void> Workload::step() {
    Result<int> acted = Error{};
    {
        std::lock_guard lock(m_actionMutex);
        acted = act();
    }
    // Committed before the caller sees it, also on a database that defers commits.
    auto flushed = m_db.flush();
    if (!acted) {
        noteError(acted.error());
        return acted.takeError();
    }
    if (!flushed) noteError(flushed.error());
    return flushed;
}

// ---- The thread ------------------------------------------------------------------------------

bool Workload::sleepUntil(SteadyClock::time_point deadline) {
    std::unique_lock lock(m_mutex);
    const double rateBefore = m_rate;
    m_wake.wait_until(lock, deadline,
                      [&] { return m_stopping || !m_running || m_rate != rateBefore; });
    return !m_stopping;
}

// A token bucket in wall time: a token per write, refilled at rate(). Actions run back to back
// while tokens last (an action costs the writes it made), then one flush commits the burst.
void Workload::run() {
    yieldCpuToOtherThreads();
    double tokens = 1;  // the first action goes at once
    auto refilled = SteadyClock::now();
    for (;;) {
        double rate = 0;
        {
            std::unique_lock lock(m_mutex);
            if (!m_running && !m_stopping) {
                m_wake.wait(lock, [&] { return m_running || m_stopping; });
                tokens = 1;
                refilled = SteadyClock::now();
            }
            if (m_stopping) return;
            rate = m_rate;
        }
        const auto now = SteadyClock::now();
        const double elapsed = std::chrono::duration<double>(now - refilled).count();
        tokens = std::min(tokens + elapsed * rate, std::max(1.0, rate * kBurstSeconds));
        refilled = now;
        if (tokens < 1) {
            const auto wait = std::chrono::duration<double>((1 - tokens) / rate);
            if (!sleepUntil(now + std::chrono::duration_cast<SteadyClock::duration>(wait))) return;
            continue;
        }
        bool failed = false;
        while (tokens >= 1 && SteadyClock::now() - now < kLongestBurst) {
            Result<int> acted = Error{};
            {
                // Checked with the action lock held, so a pause that took it is never followed
                // by one more action.
                std::lock_guard action(m_actionMutex);
                {
                    std::lock_guard lock(m_mutex);
                    if (!m_running || m_stopping) break;
                }
                acted = act();
            }
            if (!acted) {
                noteError(acted.error());
                tokens -= 1;
                failed = true;
                break;
            }
            tokens -= std::max(1, *acted);
        }
        if (auto flushed = m_db.flush(); !flushed) noteError(flushed.error());
        if (failed && !sleepUntil(SteadyClock::now() + kPauseAfterError)) return;
    }
}

// ---- The story -------------------------------------------------------------------------------

Result<int> Workload::act() {
    if (!m_learned) {
        if (auto learned = learnTasks(); !learned) return learned.takeError();
        m_learned = true;
    }
    TaskList& list = m_lists[m_random.below(m_lists.size())];
    const size_t count = list.tasks.size();
    if (count < kFewestTasks) return addTask(list);
    if (count >= kMostTasks) return archiveTask(list);
    const uint64_t roll = m_random.below(100);
    if (roll < 35) return addTask(list);
    if (roll < 75) return changeTask(list);
    return archiveTask(list);
}

// The lists and their tasks as the workspace has them (in key order, so a seed replays), and
// for each list the next TaskId number not used by a task or an archived one.
Result<void> Workload::learnTasks() {
    std::map<std::string, TaskList> lists;
    table::ScanRequest scan;
    scan.tableName = kTaskTable;
    do {
        auto page = m_db.scan(scan);
        if (!page) return page.takeError();
        for (const Item& item : page->items) {
            Task task;
            task.id = stringOf(item, "TaskId");
            task.title = stringOf(item, "Title");
            if (auto done = item.find("Done");
                done != item.end() && done->second.is(model::Type::BOOL))
                task.done = done->second.asBool();
            if (auto p = item.find("Priority"); p != item.end() && p->second.is(model::Type::N))
                task.priority = std::clamp<int64_t>(p->second.asNumber().toInt64Clamped(), 1, 3);
            TaskList& list = lists[stringOf(item, "ListId")];
            list.nextNumber = std::max(list.nextNumber, taskNumber(task.id) + 1);
            list.tasks.push_back(std::move(task));
        }
        scan.exclusiveStartKey = page->lastEvaluatedKey;
    } while (scan.exclusiveStartKey);
    if (lists.empty())
        for (const std::string_view id : kDefaultLists) lists[std::string(id)];
    m_lists.clear();
    for (auto& [id, list] : lists) {
        list.id = id;
        auto archived = highestArchivedNumber(id);
        if (!archived) return archived.takeError();
        list.nextNumber = std::max(list.nextNumber, *archived + 1);
        m_lists.push_back(std::move(list));
    }
    return {};
}

// The newest well-formed TaskId of the list in the archive (ids of one width sort by number).
Result<int64_t> Workload::highestArchivedNumber(const std::string& listId) {
    table::QueryRequest query;
    query.tableName = kArchiveTable;
    query.keyConditionExpression = "ListId = :l";
    query.expressionAttributes.values = std::map<std::string, AttributeValue>{{":l", text(listId)}};
    query.scanIndexForward = false;
    query.limit = 25;
    for (int page = 0; page < 4; ++page) {
        auto found = m_db.query(query);
        if (!found) {
            // No archive (someone deleted it): archiving will say so; numbering need not.
            if (found.error().code == ErrorCode::ResourceNotFound) return int64_t(0);
            return found.takeError();
        }
        for (const Item& item : found->items) {
            const std::string id = stringOf(item, "TaskId");
            if (const int64_t n = taskNumber(id); n > 0 && taskId(n) == id) return n;
        }
        if (!found->lastEvaluatedKey) break;
        query.exclusiveStartKey = found->lastEvaluatedKey;
    }
    return int64_t(0);
}

Result<int> Workload::addTask(TaskList& list) {
    Task task;
    task.id = taskId(list.nextNumber++);
    task.priority = int64_t(1 + m_random.below(3));
    task.title = std::string(kTitles[m_random.below(kTitles.size())]);
    table::PutItemRequest put;
    put.tableName = kTaskTable;
    put.item = taskKey(list.id, task.id);
    put.item["Title"] = text(task.title);
    put.item["Done"] = AttributeValue::boolean(false);
    put.item["Priority"] = number(task.priority);
    put.item["Created"] = number(m_db.clock().now() / 1000);
    put.conditionExpression = "attribute_not_exists(TaskId)";
    if (auto r = m_db.putItem(put); !r) return r.takeError();
    wroteOne();
    list.tasks.push_back(task);
    if (auto r = adjustCount(list.id, 1); !r) return r.takeError();
    noteAction("added " + task.id + " \"" + task.title + "\" to " + list.id);
    return 2;
}

Result<int> Workload::changeTask(TaskList& list) {
    const size_t index = m_random.below(list.tasks.size());
    Task changed = list.tasks[index];
    const uint64_t what = m_random.below(4);
    std::string attribute;
    AttributeValue value;
    if (what < 2) {
        changed.done = !changed.done;
        attribute = "Done";
        value = AttributeValue::boolean(changed.done);
    } else if (what == 2) {
        changed.priority = changed.priority % 3 + 1;
        attribute = "Priority";
        value = number(changed.priority);
    } else {
        const size_t pick = m_random.below(kTitles.size());
        const bool same = kTitles[pick] == changed.title;
        changed.title = std::string(kTitles[same ? (pick + 1) % kTitles.size() : pick]);
        attribute = "Title";
        value = text(changed.title);
    }
    table::UpdateItemRequest update;
    update.tableName = kTaskTable;
    update.key = taskKey(list.id, changed.id);
    update.updateExpression = "SET #a = :v";
    update.conditionExpression = "attribute_exists(TaskId)";
    update.expressionAttributes.names = std::map<std::string, std::string>{{"#a", attribute}};
    update.expressionAttributes.values = std::map<std::string, AttributeValue>{{":v", value}};
    if (auto r = m_db.updateItem(update); !r) {
        if (r.error().code != ErrorCode::ConditionalCheckFailed) return r.takeError();
        list.tasks.erase(list.tasks.begin() + std::ptrdiff_t(index));
        return taskGone(list.id, changed.id);
    }
    wroteOne();
    list.tasks[index] = changed;
    noteAction("changed " + attribute + " of " + changed.id + " in " + list.id);
    return 1;
}

Result<int> Workload::archiveTask(TaskList& list) {
    const size_t index = m_random.below(list.tasks.size());
    const std::string id = list.tasks[index].id;
    // Forgotten whatever happens next: a task that cannot be deleted is not the demo's any more.
    list.tasks.erase(list.tasks.begin() + std::ptrdiff_t(index));
    table::DeleteItemRequest remove;
    remove.tableName = kTaskTable;
    remove.key = taskKey(list.id, id);
    remove.returnValues = table::ReturnValues::AllOld;
    auto removed = m_db.deleteItem(remove);
    if (!removed) return removed.takeError();
    if (!removed->attributes) return taskGone(list.id, id);
    wroteOne();
    table::PutItemRequest archive;
    archive.tableName = kArchiveTable;
    archive.item = std::move(*removed->attributes);
    const sim::Millis now = m_db.clock().now();
    archive.item[kExpiresAttribute] = number(now / 1000 + m_archiveLifetimeMs / 1000);
    if (auto r = m_db.putItem(archive); !r) return r.takeError();
    wroteOne();
    if (auto r = adjustCount(list.id, -1); !r) return r.takeError();
    noteAction("completed " + id + " in " + list.id + " and archived it");
    return 3;
}

Result<void> Workload::adjustCount(const std::string& listId, int64_t delta) {
    table::UpdateItemRequest update;
    update.tableName = kCountTable;
    update.key = {{"ListId", text(listId)}};
    update.updateExpression = "ADD TaskCount :d";
    update.expressionAttributes.values =
        std::map<std::string, AttributeValue>{{":d", number(delta)}};
    if (auto r = m_db.updateItem(update); !r) return r.takeError();
    wroteOne();
    return {};
}

}  // namespace shardscope::demo

// SPDX-License-Identifier: MIT
#include "session/eventbridge.h"

namespace shardscope::ui {

EventBridge::EventBridge(std::shared_ptr<stream::Subscription> subscription, int intervalMs,
                         QObject* parent)
    : QObject(parent), m_subscription(std::move(subscription)) {
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventBridge::pump);
    m_timer.start();
}

void EventBridge::pump() {
    m_buffer.clear();
    m_subscription->drain(m_buffer, m_maxPerTick);
    if (const uint64_t dropped = m_subscription->takeDropped()) emit eventsDropped(dropped);

    std::vector<stream::RecordAppended> records;
    std::vector<stream::ItemWritten> writes;
    std::vector<stream::TtlDeletion> deletions;
    bool lineageChanged = false;
    for (auto& event : m_buffer) {
        if (auto* record = std::get_if<stream::RecordAppended>(&event)) {
            records.push_back(std::move(*record));
        } else if (auto* write = std::get_if<stream::ItemWritten>(&event)) {
            writes.push_back(std::move(*write));
        } else if (auto* deletion = std::get_if<stream::TtlDeletion>(&event)) {
            deletions.push_back(std::move(*deletion));
        } else if (!std::holds_alternative<stream::ClockTick>(event)) {
            lineageChanged = true;
        }
    }
    m_buffer.clear();
    if (!writes.empty()) emit itemsWritten(writes);
    if (!records.empty()) emit recordsAppended(records);
    if (!deletions.empty()) emit ttlDeletions(deletions);
    if (lineageChanged) emit shardsChanged();
    emit ticked();
}

}  // namespace shardscope::ui

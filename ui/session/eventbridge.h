// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>
#include <memory>
#include <vector>

#include "stream/events.h"

namespace shardscope::ui {

// The one place where the engine's typed events become Qt signals. The engine publishes from
// whatever thread made the change; this drains that queue on the UI thread once per tick and
// emits each kind as one batch, so a view does one insert per tick however fast records arrive.
class EventBridge final : public QObject {
    Q_OBJECT
public:
    // `subscription` comes from table::Database::subscribe(). Ticks every `interval` ms.
    explicit EventBridge(std::shared_ptr<stream::Subscription> subscription, int intervalMs = 40,
                         QObject* parent = nullptr);

    // Drains and emits now (tests; also what each tick does).
    void pump();
    void setMaxEventsPerTick(size_t max) { m_maxPerTick = max; }

signals:
    void recordsAppended(const std::vector<shardscope::stream::RecordAppended>& records);
    void itemsWritten(const std::vector<shardscope::stream::ItemWritten>& writes);
    // Shards opened or closed, or records trimmed: the lineage changed.
    void shardsChanged();
    void ttlDeletions(const std::vector<shardscope::stream::TtlDeletion>& deletions);
    // The subscriber fell behind and the oldest events were lost.
    void eventsDropped(quint64 count);
    // After every pump, whether or not anything happened (the clock moves anyway).
    void ticked();

private:
    std::shared_ptr<stream::Subscription> m_subscription;
    QTimer m_timer;
    std::vector<stream::Event> m_buffer;
    size_t m_maxPerTick = 200'000;
};

}  // namespace shardscope::ui

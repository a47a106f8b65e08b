// SPDX-License-Identifier: MIT
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <utility>

namespace shardscope::ui {

// The window's own background threads. Not QThreadPool::globalInstance(): Qt's raster engine
// splits large fills across the global pool and the UI thread waits for those pieces, so a
// table scan queued there would stall painting for as long as the scan runs.
QThreadPool& workPool();

// Runs `work` on workPool() and hands its result to `adopt` on `context`'s thread, unless
// `context` is gone by then. Engine calls that touch the disk go through here, never through
// the UI thread. Work may hold plain pointers into the open WorkspaceSession: the session waits
// for the pool before it closes.
template <typename Work, typename Adopt>
void runAsync(QObject* context, Work work, Adopt adopt) {
    using Value = decltype(work());
    auto* watcher = new QFutureWatcher<Value>(context);
    QObject::connect(watcher, &QFutureWatcher<Value>::finished, context,
                     [watcher, adopt = std::move(adopt)]() mutable {
                         adopt(watcher->future().takeResult());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(&workPool(), std::move(work)));
}

// Drops results of requests that a newer request has superseded: take a ticket when asking,
// and check it is still current when the answer comes.
class Generation {
public:
    quint64 next() { return ++m_current; }
    bool current(quint64 ticket) const { return ticket == m_current; }

private:
    quint64 m_current = 0;
};

}  // namespace shardscope::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>
#include <map>
#include <optional>
#include <vector>

#include "widgets/paintthrottle.h"

namespace shardscope::ui {

// One item with a TTL attribute, as the timeline knows it.
struct TtlEntry {
    QString keys;                     // "ListId=work, TaskId=task-5"
    std::optional<qint64> writtenMs;  // seen written while the window was open
    std::optional<qint64> expiresMs;  // the TTL attribute, in ms
    std::optional<qint64> deletedMs;  // deleted by TTL (a REMOVE record with the TTL mark)
    bool present = true;              // still in the table at the last look
};

// Items with a TTL attribute on a time axis around now: when each was written, when it
// expires, the stretch where it has expired but is not yet deleted (DynamoDB's deletion lag),
// and its deletion by TTL. Rows are items, nearest expiry first; a click follows the item's
// records in the stream inspector.
class TtlTimelineView final : public QWidget {
    Q_OBJECT
public:
    explicit TtlTimelineView(QWidget* parent = nullptr);

    // The items a scan found now (keys and expiry); items no longer there keep their history.
    void setScan(const QString& table, const std::vector<std::pair<QString, qint64>>& items);
    void noteWritten(const QString& keys, qint64 atMs);
    void noteDeletedByTtl(const QString& keys, qint64 expiredAtMs, qint64 atMs);
    void setNow(qint64 nowMs);
    // How far either side of now the axis reaches.
    void setWindow(qint64 halfWidthMs);
    qint64 window() const { return m_halfWidth; }
    const QString& table() const { return m_table; }
    void clear();

    // Items in drawing order (for tests): expired-not-deleted first, then by expiry.
    std::vector<const TtlEntry*> rows() const;
    int expiredPending() const;
    int deletedCount() const;

    QSize sizeHint() const override { return {640, 240}; }

signals:
    void itemClicked(const QString& table, const QString& keys);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF plotArea() const;
    double xOf(qint64 ms, const QRectF& area) const;
    int rowAt(const QPoint& position) const;
    QString tooltipFor(const TtlEntry& entry) const;
    void paintRow(QPainter& painter, const TtlEntry& entry, const QRectF& row, const QRectF& area);

    QString m_table;
    std::map<QString, TtlEntry> m_entries;
    qint64 m_now = 0;
    qint64 m_halfWidth = 3 * 60'000;
    PaintThrottle m_liveRepaint{this, 200};  // clock ticks, writes and deletions
};

}  // namespace shardscope::ui

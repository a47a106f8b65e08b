// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>
#include <optional>
#include <vector>

#include "stream/api.h"
#include "widgets/paintthrottle.h"

namespace shardscope::ui {

class RecordStore;

// Each shard of one stream as a horizontal lane over clock time: its sequence-number range,
// a tick per record (coloured by event), open or closed, parent → child forks, and the 24-hour
// trim edge moving across. Hover tells about a shard; a click picks it (the inspector then
// lists its records). A selected key's lineage — the shards its partition hash routes to —
// is outlined.
class ShardLanesView final : public QWidget {
    Q_OBJECT
public:
    explicit ShardLanesView(QWidget* parent = nullptr);

    void setLineage(const stream::StreamLineage& lineage);
    void clearLineage();
    // The records to draw ticks for (rows of other streams are skipped).
    void setRecords(const RecordStore* records) { m_records = records; }
    void setNow(qint64 nowMs);
    void setHighlightHash(std::optional<uint32_t> hash);
    void setSelectedShard(const QString& shardId);
    // How much clock time the lanes cover, ending now (the mouse wheel zooms).
    void setSpan(qint64 ms);
    qint64 span() const { return m_spanMs; }

    const std::optional<stream::StreamLineage>& lineage() const { return m_lineage; }
    // Lane order: parents before children, each child right under its parent's other children;
    // only shards alive somewhere in the visible span.
    const std::vector<size_t>& laneOrder() const { return m_order; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void shardClicked(const QString& shardId);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool event(QEvent* event) override;

private:
    struct Span {
        qint64 from = 0, to = 1;
    };
    Span timeSpan() const;
    QRectF plotArea() const;
    // The label column: wide enough for "<shard> open|closed" in bold in the window's language.
    int labelWidth() const;
    double xOf(qint64 ms, const QRectF& area, const Span& span) const;
    QRectF laneRect(size_t lane, const QRectF& area) const;
    int laneAt(const QPoint& position) const;
    void computeOrder();
    QString shardTooltip(const stream::ShardInfo& shard) const;
    void paintAxis(QPainter& painter, const QRectF& area, const Span& span);
    void paintLane(QPainter& painter, size_t lane, const QRectF& area, const Span& span);
    void paintTicks(QPainter& painter, const QRectF& area, const Span& span);
    void paintForks(QPainter& painter, const QRectF& area, const Span& span);

    std::optional<stream::StreamLineage> m_lineage;
    std::vector<size_t> m_order;  // lane -> index into m_lineage->shards, visible ones only
    qint64 m_spanMs = 10 * 60'000;
    const RecordStore* m_records = nullptr;
    qint64 m_now = 0;
    std::optional<uint32_t> m_highlightHash;
    QString m_selectedShard;
    int m_hoverLane = -1;
    PaintThrottle m_liveRepaint{this, 100};  // clock ticks and new records
};

}  // namespace shardscope::ui

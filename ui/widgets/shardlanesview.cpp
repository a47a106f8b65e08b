// SPDX-License-Identifier: MIT
#include "widgets/shardlanesview.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <map>

#include "models/recordstore.h"
#include "models/streamrecordmodel.h"
#include "widgets/palette.h"

namespace shardscope::ui {
namespace {

constexpr int kLaneHeight = 30;
constexpr int kLaneGap = 6;
constexpr int kAxisHeight = 24;
constexpr int kMargin = 8;
constexpr qint64 kRetentionMs = 24LL * 3600 * 1000;

QString shortShard(const std::string& id) {
    return QString::fromStdString(id.size() > 8 ? id.substr(id.size() - 8) : id);
}

QString shortSequence(const std::string& sequence) {
    // Sequence numbers are "1" + 20 digits; the leading zeros say nothing on a lane.
    uint64_t value = 0;
    if (!RecordStore::parseSequence(sequence, value)) return QString::fromStdString(sequence);
    return QStringLiteral("#%L1").arg(value);
}

}  // namespace

ShardLanesView::ShardLanesView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("shardLanes"));
    setMouseTracking(true);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
}

QSize ShardLanesView::sizeHint() const {
    const int lanes = m_lineage ? int(m_lineage->shards.size()) : 1;
    return {640, kAxisHeight + 2 * kMargin + std::max(lanes, 3) * (kLaneHeight + kLaneGap)};
}

QSize ShardLanesView::minimumSizeHint() const {
    return {320, kAxisHeight + 2 * kMargin + kLaneHeight + kLaneGap};
}

void ShardLanesView::setLineage(const stream::StreamLineage& lineage) {
    m_lineage = lineage;
    computeOrder();
    updateGeometry();
    update();
}

void ShardLanesView::clearLineage() {
    m_lineage.reset();
    m_order.clear();
    update();
}

void ShardLanesView::setNow(qint64 nowMs) {
    const size_t lanes = m_order.size();
    m_now = nowMs;
    computeOrder();  // shards scroll out of the span as time passes
    if (m_order.size() != lanes) updateGeometry();
    m_liveRepaint.request();
}

void ShardLanesView::setSpan(qint64 ms) {
    m_spanMs = std::clamp<qint64>(ms, 20'000, kRetentionMs + kRetentionMs / 12);
    computeOrder();
    updateGeometry();
    update();
}

void ShardLanesView::wheelEvent(QWheelEvent* event) {
    setSpan(qint64(double(m_spanMs) * (event->angleDelta().y() > 0 ? 0.8 : 1.25)));
    event->accept();
}

void ShardLanesView::setHighlightHash(std::optional<uint32_t> hash) {
    m_highlightHash = hash;
    update();
}

void ShardLanesView::setSelectedShard(const QString& shardId) {
    m_selectedShard = shardId;
    update();
}

void ShardLanesView::computeOrder() {
    m_order.clear();
    if (!m_lineage) return;
    const auto& shards = m_lineage->shards;
    const Span span = timeSpan();
    std::multimap<std::string, size_t> children;
    std::vector<size_t> roots;
    auto visible = [&](const stream::ShardInfo& shard) {
        return !shard.closedMs || *shard.closedMs >= span.from;
    };
    for (size_t i = 0; i < shards.size(); ++i) {
        if (!visible(shards[i])) continue;
        const auto& parent = shards[i].parentShardId;
        const bool parentShown =
            !parent.empty() && std::any_of(shards.begin(), shards.end(), [&](const auto& s) {
                return s.shardId == parent && visible(s);
            });
        if (parentShown)
            children.emplace(parent, i);
        else
            roots.push_back(i);
    }
    // Depth-first, so a split's two children sit right under their parent.
    std::vector<size_t> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const size_t shard = stack.back();
        stack.pop_back();
        m_order.push_back(shard);
        auto [first, last] = children.equal_range(shards[shard].shardId);
        std::vector<size_t> kids;
        for (auto it = first; it != last; ++it) kids.push_back(it->second);
        stack.insert(stack.end(), kids.rbegin(), kids.rend());
    }
}

ShardLanesView::Span ShardLanesView::timeSpan() const {
    Span span;
    span.to = std::max<qint64>(m_now, 1);
    span.from = span.to - m_spanMs;
    span.to += std::max<qint64>(m_spanMs / 40, 1);  // room for the "now" marker
    return span;
}

QRectF ShardLanesView::plotArea() const {
    const int labels = labelWidth();
    return QRectF(kMargin + labels, kMargin + kAxisHeight, width() - 2 * kMargin - labels,
                  height() - 2 * kMargin - kAxisHeight);
}

int ShardLanesView::labelWidth() const {
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const QString id = QStringLiteral("00000000 ");
    const int widest = std::max(metrics.horizontalAdvance(id + tr("open")),
                                metrics.horizontalAdvance(id + tr("closed")));
    return std::max(150, widest + 8);
}

double ShardLanesView::xOf(qint64 ms, const QRectF& area, const Span& span) const {
    const double t = double(ms - span.from) / double(std::max<qint64>(span.to - span.from, 1));
    return area.left() + std::clamp(t, 0.0, 1.0) * area.width();
}

QRectF ShardLanesView::laneRect(size_t lane, const QRectF& area) const {
    return QRectF(area.left(), area.top() + double(lane) * (kLaneHeight + kLaneGap), area.width(),
                  kLaneHeight);
}

int ShardLanesView::laneAt(const QPoint& position) const {
    const QRectF area = plotArea();
    for (size_t lane = 0; lane < m_order.size(); ++lane) {
        QRectF row = laneRect(lane, area);
        row.setLeft(kMargin);
        if (row.contains(position)) return int(lane);
    }
    return -1;
}

void ShardLanesView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (!m_lineage) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter,
                         tr("Select a table with a stream to see its shards."));
        return;
    }
    const QRectF area = plotArea();
    const Span span = timeSpan();
    paintAxis(painter, area, span);
    for (size_t lane = 0; lane < m_order.size(); ++lane) paintLane(painter, lane, area, span);
    paintForks(painter, area, span);
    paintTicks(painter, area, span);

    // The trim edge: records left of it are older than 24 hours and gone.
    const qint64 trimEdge = m_now - kRetentionMs;
    if (trimEdge > span.from) {
        const double x = xOf(trimEdge, area, span);
        painter.setPen(QPen(eventColor(int(stream::EventName::Remove)), 1.5, Qt::DashLine));
        painter.drawLine(QPointF(x, area.top() - 4), QPointF(x, area.bottom()));
        painter.drawText(QPointF(x + 4, area.top() - 6), tr("24 h trim edge"));
    }
    const double nowX = xOf(m_now, area, span);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    painter.drawLine(QPointF(nowX, area.top() - 4), QPointF(nowX, area.bottom()));
}

void ShardLanesView::paintAxis(QPainter& painter, const QRectF& area, const Span& span) {
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const qint64 width = span.to - span.from;
    // A tick step that gives 4-10 labels.
    const qint64 steps[] = {1'000,   5'000,     15'000,        60'000,        300'000,
                            900'000, 3'600'000, 4 * 3'600'000, 12 * 3'600'000};
    qint64 step = steps[std::size(steps) - 1];
    for (qint64 candidate : steps) {
        if (width / candidate <= 8) {
            step = candidate;
            break;
        }
    }
    const QString format = step < 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm");
    for (qint64 t = (span.from / step + 1) * step; t < span.to; t += step) {
        const double x = xOf(t, area, span);
        painter.drawLine(QPointF(x, area.top() - 6), QPointF(x, area.top() - 2));
        const QString label = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(format);
        painter.drawText(QRectF(x - 40, kMargin, 80, kAxisHeight - 8), Qt::AlignCenter, label);
    }
    painter.drawText(QRectF(kMargin, kMargin, labelWidth(), kAxisHeight - 8),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QString::fromStdString(m_lineage->tableName) + QStringLiteral(" \u00b7 ") +
                         tr("%Ln shard(s)", nullptr, int(m_order.size())));
}

void ShardLanesView::paintLane(QPainter& painter, size_t lane, const QRectF& area,
                               const Span& span) {
    const auto& shard = m_lineage->shards[m_order[lane]];
    const QRectF row = laneRect(lane, area);
    const bool open = !shard.endingSequenceNumber.has_value();
    const double x0 = xOf(shard.createdMs, area, span);
    const double x1 = xOf(shard.closedMs.value_or(m_now), area, span);
    const QRectF bar(x0, row.top(), std::max(x1 - x0, 2.0), row.height());

    const bool onPath =
        m_highlightHash && *m_highlightHash >= shard.hashLo && *m_highlightHash <= shard.hashHi;
    const bool selected = QString::fromStdString(shard.shardId) == m_selectedShard;
    QColor fill = palette().color(open ? QPalette::AlternateBase : QPalette::Window);
    if (open) fill = fill.lightness() < 128 ? fill.lighter(140) : fill.darker(104);
    painter.setPen(QPen(
        onPath || selected ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid),
        onPath || selected ? 2.5 : 1.0, open ? Qt::SolidLine : Qt::DotLine));
    painter.setBrush(fill);
    painter.drawRoundedRect(bar, 4, 4);

    // The label column: shard id tail, state and sequence range.
    const QRectF label(kMargin, row.top(), labelWidth() - 4, row.height());
    painter.setPen(palette().color(QPalette::Text));
    QFont bold = font();
    bold.setBold(int(lane) == m_hoverLane || selected);
    painter.setFont(bold);
    painter.drawText(
        label.adjusted(0, 1, 0, -row.height() / 2), Qt::AlignLeft | Qt::AlignVCenter,
        QStringLiteral("%1 %2").arg(shortShard(shard.shardId), open ? tr("open") : tr("closed")));
    painter.setFont(font());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QString range =
        shortSequence(shard.startingSequenceNumber) + QStringLiteral(" \u2192 ") +
        (shard.endingSequenceNumber ? shortSequence(*shard.endingSequenceNumber) : tr("\u2026"));
    painter.drawText(label.adjusted(0, row.height() / 2, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     range);
}

void ShardLanesView::paintForks(QPainter& painter, const QRectF& area, const Span& span) {
    const auto& shards = m_lineage->shards;
    std::map<std::string, size_t> laneOf;
    for (size_t lane = 0; lane < m_order.size(); ++lane)
        laneOf[shards[m_order[lane]].shardId] = lane;
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(palette().color(QPalette::PlaceholderText), 1.2));
    for (size_t lane = 0; lane < m_order.size(); ++lane) {
        const auto& child = shards[m_order[lane]];
        auto parent = laneOf.find(child.parentShardId);
        if (parent == laneOf.end()) continue;
        const auto& parentShard = shards[m_order[parent->second]];
        const QRectF from = laneRect(parent->second, area);
        const QRectF to = laneRect(lane, area);
        const double x = xOf(parentShard.closedMs.value_or(child.createdMs), area, span);
        const double childX = xOf(child.createdMs, area, span);
        QPainterPath path(QPointF(x, from.center().y()));
        path.cubicTo(QPointF(x + 10, from.center().y()), QPointF(childX - 10, to.center().y()),
                     QPointF(childX + 1, to.center().y()));
        painter.drawPath(path);
    }
}

void ShardLanesView::paintTicks(QPainter& painter, const QRectF& area, const Span& span) {
    if (!m_records || m_records->size() == 0) return;
    std::map<std::string, size_t> laneOf;
    for (size_t lane = 0; lane < m_order.size(); ++lane)
        laneOf[m_lineage->shards[m_order[lane]].shardId] = lane;
    // Only this stream's records inside the visible span; the store is in time order.
    size_t lo = 0, hi = m_records->size();
    while (lo < hi) {
        const size_t mid = (lo + hi) / 2;
        if (m_records->row(mid).atMs < span.from)
            lo = mid + 1;
        else
            hi = mid;
    }
    // One tick per pixel column and lane, coloured by the last event there: a million records
    // draw as fast as a hundred.
    const int columns = std::max(1, int(area.width()));
    std::vector<std::vector<int8_t>> cells(m_order.size(), std::vector<int8_t>(columns, -1));
    // The stream's index in the store: comparing it is cheaper than comparing ARNs per row.
    const auto& streams = m_records->streams();
    const auto found = std::find_if(streams.begin(), streams.end(), [&](const auto& stream) {
        return stream.arn == m_lineage->streamArn;
    });
    if (found == streams.end()) return;
    const auto streamIndex = uint16_t(found - streams.begin());
    int cachedShard = -1;
    size_t cachedLane = SIZE_MAX;
    for (size_t i = lo; i < m_records->size(); ++i) {
        const auto& row = m_records->row(i);
        if (row.stream != streamIndex) continue;
        if (int(row.shard) != cachedShard) {
            cachedShard = int(row.shard);
            auto it = laneOf.find(m_records->shardId(row));
            cachedLane = it == laneOf.end() ? SIZE_MAX : it->second;
        }
        if (cachedLane == SIZE_MAX) continue;
        const int column = std::clamp(int(xOf(row.atMs, area, span) - area.left()), 0, columns - 1);
        cells[cachedLane][size_t(column)] = int8_t(row.event);
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (size_t lane = 0; lane < cells.size(); ++lane) {
        const QRectF row = laneRect(lane, area);
        for (int column = 0; column < columns; ++column) {
            const int8_t event = cells[lane][size_t(column)];
            if (event < 0) continue;
            painter.setPen(eventColor(event));
            const double x = area.left() + column + 0.5;
            painter.drawLine(QPointF(x, row.top() + 6), QPointF(x, row.bottom() - 6));
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
}

QString ShardLanesView::shardTooltip(const stream::ShardInfo& shard) const {
    auto time = [](qint64 ms) { return StreamRecordModel::timeText(ms); };
    QString text = tr("<b>%1</b><br>").arg(QString::fromStdString(shard.shardId));
    if (!shard.parentShardId.empty())
        text += tr("Parent: %1<br>").arg(QString::fromStdString(shard.parentShardId));
    text += tr("Created: %1<br>").arg(time(shard.createdMs));
    text += shard.closedMs ? tr("Closed: %1<br>").arg(time(*shard.closedMs)) : tr("Open<br>");
    text +=
        tr("Sequence numbers: %1 \u2192 %2<br>")
            .arg(QString::fromStdString(shard.startingSequenceNumber),
                 shard.endingSequenceNumber ? QString::fromStdString(*shard.endingSequenceNumber)
                                            : tr("(open)"));
    text += tr("Partition-key hashes: %1 \u2013 %2<br>").arg(shard.hashLo).arg(shard.hashHi);
    text += tr("Click to list its records.");
    return text;
}

bool ShardLanesView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip && m_lineage) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int lane = laneAt(help->pos());
        if (lane >= 0) {
            QToolTip::showText(help->globalPos(),
                               shardTooltip(m_lineage->shards[m_order[size_t(lane)]]), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(event);
}

void ShardLanesView::mouseMoveEvent(QMouseEvent* event) {
    const int lane = laneAt(event->pos());
    if (lane != m_hoverLane) {
        m_hoverLane = lane;
        setCursor(lane >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void ShardLanesView::mousePressEvent(QMouseEvent* event) {
    const int lane = laneAt(event->pos());
    if (lane < 0 || !m_lineage) return;
    const QString id = QString::fromStdString(m_lineage->shards[m_order[size_t(lane)]].shardId);
    m_selectedShard = m_selectedShard == id ? QString() : id;
    update();
    emit shardClicked(m_selectedShard);
}

}  // namespace shardscope::ui

// SPDX-License-Identifier: MIT
#include "widgets/ttltimelineview.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTimeZone>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>

#include "models/streamrecordmodel.h"
#include "stream/api.h"
#include "widgets/palette.h"

namespace shardscope::ui {
namespace {

constexpr int kRowHeight = 18;
constexpr int kAxisHeight = 44;
constexpr int kLabelWidth = 210;
constexpr int kMargin = 8;
constexpr size_t kMaxEntries = 2000;

}  // namespace

TtlTimelineView::TtlTimelineView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("ttlTimeline"));
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMouseTracking(true);
}

void TtlTimelineView::clear() {
    m_entries.clear();
    m_table.clear();
    update();
}

void TtlTimelineView::setScan(const QString& table,
                              const std::vector<std::pair<QString, qint64>>& items) {
    if (table != m_table) {
        m_entries.clear();
        m_table = table;
    }
    for (auto& [keys, entry] : m_entries) entry.present = false;
    for (const auto& [keys, expiresMs] : items) {
        if (m_entries.size() >= kMaxEntries && !m_entries.count(keys)) break;
        TtlEntry& entry = m_entries[keys];
        entry.keys = keys;
        entry.expiresMs = expiresMs;
        entry.present = true;
        entry.deletedMs.reset();
    }
    update();
}

void TtlTimelineView::noteWritten(const QString& keys, qint64 atMs) {
    // At thousands of writes a second the timeline keeps a bounded sample; the view shows a
    // screenful of rows anyway.
    if (m_entries.size() >= kMaxEntries && !m_entries.count(keys)) return;
    TtlEntry& entry = m_entries[keys];
    entry.keys = keys;
    entry.writtenMs = atMs;
    entry.deletedMs.reset();
    m_liveRepaint.request();
}

void TtlTimelineView::noteDeletedByTtl(const QString& keys, qint64 expiredAtMs, qint64 atMs) {
    if (m_entries.size() >= kMaxEntries && !m_entries.count(keys)) return;
    TtlEntry& entry = m_entries[keys];
    entry.keys = keys;
    entry.expiresMs = expiredAtMs;
    entry.deletedMs = atMs;
    entry.present = false;
    m_liveRepaint.request();
}

void TtlTimelineView::setNow(qint64 nowMs) {
    m_now = nowMs;
    // History older than the window's left edge several times over is not drawn again.
    const qint64 forget = m_now - 20 * m_halfWidth;
    std::erase_if(m_entries, [forget](const auto& pair) {
        const TtlEntry& e = pair.second;
        return !e.present && e.deletedMs.value_or(e.expiresMs.value_or(0)) < forget;
    });
    m_liveRepaint.request();
}

void TtlTimelineView::setWindow(qint64 halfWidthMs) {
    m_halfWidth = std::clamp<qint64>(halfWidthMs, 10'000, 7 * 86'400'000LL);
    update();
}

std::vector<const TtlEntry*> TtlTimelineView::rows() const {
    std::vector<const TtlEntry*> rows;
    for (const auto& [keys, entry] : m_entries)
        if (entry.expiresMs || entry.deletedMs) rows.push_back(&entry);
    auto rank = [this](const TtlEntry* e) {
        const bool pending = e->present && e->expiresMs && *e->expiresMs <= m_now;
        return std::pair(pending ? 0 : 1, e->expiresMs.value_or(0));
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const TtlEntry* a, const TtlEntry* b) { return rank(a) < rank(b); });
    return rows;
}

int TtlTimelineView::expiredPending() const {
    return int(std::count_if(m_entries.begin(), m_entries.end(), [this](const auto& pair) {
        return pair.second.present && pair.second.expiresMs && *pair.second.expiresMs <= m_now;
    }));
}

int TtlTimelineView::deletedCount() const {
    return int(std::count_if(m_entries.begin(), m_entries.end(),
                             [](const auto& pair) { return pair.second.deletedMs.has_value(); }));
}

QRectF TtlTimelineView::plotArea() const {
    return QRectF(kMargin + kLabelWidth, kMargin + kAxisHeight, width() - 2 * kMargin - kLabelWidth,
                  height() - 2 * kMargin - kAxisHeight);
}

double TtlTimelineView::xOf(qint64 ms, const QRectF& area) const {
    const double t = double(ms - (m_now - m_halfWidth)) / double(2 * m_halfWidth);
    return area.left() + std::clamp(t, -0.02, 1.02) * area.width();
}

int TtlTimelineView::rowAt(const QPoint& position) const {
    const QRectF area = plotArea();
    if (position.y() < area.top()) return -1;
    const int row = int((position.y() - area.top()) / kRowHeight);
    return row < int(rows().size()) ? row : -1;
}

void TtlTimelineView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = plotArea();
    const QColor muted = palette().color(QPalette::PlaceholderText);

    // Legend and axis.
    painter.setPen(palette().color(QPalette::Text));
    const QString summary =
        m_table.isEmpty()
            ? tr("No table with TTL selected")
            : tr("%1 \u00b7 %n expired, not yet deleted", nullptr, expiredPending()).arg(m_table) +
                  tr(" \u00b7 %n deleted by TTL", nullptr, deletedCount());
    painter.drawText(QRectF(kMargin, kMargin - 4, width() - 2 * kMargin, 16),
                     Qt::AlignLeft | Qt::AlignVCenter, summary);
    const qint64 step = std::max<qint64>(m_halfWidth / 3, 1000);
    painter.setPen(muted);
    for (qint64 t = ((m_now - m_halfWidth) / step + 1) * step; t < m_now + m_halfWidth; t += step) {
        const double x = xOf(t, area);
        painter.drawLine(QPointF(x, area.top() - 5), QPointF(x, area.bottom()));
        painter.drawText(
            QRectF(x - 40, area.top() - 20, 80, 14), Qt::AlignCenter,
            QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("HH:mm:ss")));
    }
    const auto ordered = rows();
    if (ordered.empty() && !m_table.isEmpty()) {
        painter.drawText(area, Qt::AlignCenter,
                         tr("No item in %1 has its TTL attribute yet.").arg(m_table));
    }
    const int visible = std::min<int>(int(ordered.size()), int(area.height() / kRowHeight));
    for (int i = 0; i < visible; ++i) {
        const QRectF row(kMargin, area.top() + i * kRowHeight, width() - 2 * kMargin, kRowHeight);
        paintRow(painter, *ordered[size_t(i)], row, area);
    }
    if (int(ordered.size()) > visible) {
        painter.setPen(muted);
        painter.drawText(QRectF(kMargin, height() - kMargin - 14, kLabelWidth, 14), Qt::AlignLeft,
                         tr("+ %L1 more").arg(int(ordered.size()) - visible));
    }
    // Now.
    const double nowX = xOf(m_now, area);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawLine(QPointF(nowX, area.top() - 8), QPointF(nowX, area.bottom()));
    painter.drawText(QRectF(nowX - 30, area.top() - 32, 60, 14), Qt::AlignCenter, tr("now"));
}

void TtlTimelineView::paintRow(QPainter& painter, const TtlEntry& entry, const QRectF& row,
                               const QRectF& area) {
    const QColor muted = palette().color(QPalette::PlaceholderText);
    const double y = row.center().y();
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(
        QRectF(row.left(), row.top(), kLabelWidth - 6, row.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        painter.fontMetrics().elidedText(entry.keys, Qt::ElideMiddle, kLabelWidth - 6));
    // Alive: a thin line from written (or the left edge) to expiry.
    const double start = entry.writtenMs ? xOf(*entry.writtenMs, area) : area.left();
    if (entry.expiresMs) {
        const double expiry = xOf(*entry.expiresMs, area);
        painter.setPen(QPen(muted, 2));
        painter.drawLine(QPointF(start, y), QPointF(expiry, y));
        // Expired but still there: the deletion lag, as a thick amber bar up to now or deletion.
        const qint64 lagEnd = entry.deletedMs.value_or(entry.present ? m_now : *entry.expiresMs);
        if (lagEnd > *entry.expiresMs) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(ttlColor());
            painter.drawRoundedRect(
                QRectF(QPointF(expiry, y - 4), QPointF(xOf(lagEnd, area), y + 4)), 3, 3);
        }
        painter.setPen(QPen(palette().color(QPalette::Text), 1.5));
        painter.drawLine(QPointF(expiry, y - 6), QPointF(expiry, y + 6));
    }
    if (entry.writtenMs) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(eventColor(int(stream::EventName::Insert)));
        painter.drawEllipse(QPointF(start, y), 4, 4);
    }
    if (entry.deletedMs) {
        const double x = xOf(*entry.deletedMs, area);
        painter.setPen(QPen(eventColor(int(stream::EventName::Remove)), 2.2));
        painter.drawLine(QPointF(x - 4, y - 4), QPointF(x + 4, y + 4));
        painter.drawLine(QPointF(x - 4, y + 4), QPointF(x + 4, y - 4));
    }
}

QString TtlTimelineView::tooltipFor(const TtlEntry& entry) const {
    auto time = [](qint64 ms) { return StreamRecordModel::timeText(ms); };
    QString text = QStringLiteral("<b>%1</b><br>").arg(entry.keys.toHtmlEscaped());
    if (entry.writtenMs) text += tr("Written: %1<br>").arg(time(*entry.writtenMs));
    if (entry.expiresMs) text += tr("Expires: %1<br>").arg(time(*entry.expiresMs));
    if (entry.deletedMs) {
        text +=
            tr("Deleted by TTL: %1 (%2 s after expiry)<br>")
                .arg(time(*entry.deletedMs))
                .arg(double(*entry.deletedMs - entry.expiresMs.value_or(*entry.deletedMs)) / 1000.0,
                     0, 'f', 1);
    } else if (entry.present && entry.expiresMs && *entry.expiresMs <= m_now) {
        text += tr("Expired %1 s ago, not yet deleted: reads still return it<br>")
                    .arg(double(m_now - *entry.expiresMs) / 1000.0, 0, 'f', 1);
    }
    text += tr("Click to follow its stream records.");
    return text;
}

bool TtlTimelineView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int row = rowAt(help->pos());
        if (row >= 0)
            QToolTip::showText(help->globalPos(), tooltipFor(*rows()[size_t(row)]), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void TtlTimelineView::wheelEvent(QWheelEvent* event) {
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    setWindow(qint64(double(m_halfWidth) * factor));
    event->accept();
}

void TtlTimelineView::mousePressEvent(QMouseEvent* event) {
    const int row = rowAt(event->pos());
    if (row >= 0) emit itemClicked(m_table, rows()[size_t(row)]->keys);
}

}  // namespace shardscope::ui

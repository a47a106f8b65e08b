// SPDX-License-Identifier: MIT
#include "widgets/paintthrottle.h"

#include <QWidget>

namespace shardscope::ui {

PaintThrottle::PaintThrottle(QWidget* widget, int intervalMs)
    : m_widget(widget), m_intervalMs(intervalMs) {
    m_pending.setSingleShot(true);
    QObject::connect(&m_pending, &QTimer::timeout, widget, [this] { repaint(); });
}

void PaintThrottle::request() {
    if (m_pending.isActive()) return;
    const qint64 since = m_lastRepaint.isValid() ? m_lastRepaint.elapsed() : m_intervalMs;
    if (since >= m_intervalMs)
        repaint();
    else
        m_pending.start(int(m_intervalMs - since));
}

void PaintThrottle::repaint() {
    m_lastRepaint.start();
    m_widget->update();
}

}  // namespace shardscope::ui

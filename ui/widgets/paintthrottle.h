// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QTimer>

class QWidget;

namespace shardscope::ui {

// Repaints a widget at most once per interval however often its data changes: at 10,000
// records a second a chart that moves a pixel every few hundred milliseconds gains nothing from
// 25 repaints a second, and the UI thread needs the time. A request inside the interval is kept
// and honoured when it ends, so the last change is always drawn.
class PaintThrottle final {
public:
    PaintThrottle(QWidget* widget, int intervalMs);

    void request();

private:
    void repaint();

    QWidget* m_widget;
    int m_intervalMs;
    QElapsedTimer m_lastRepaint;
    QTimer m_pending;
};

}  // namespace shardscope::ui

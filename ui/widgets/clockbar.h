// SPDX-License-Identifier: MIT
#pragma once

#include <QToolBar>

class QAction;
class QComboBox;
class QLabel;

namespace shardscope::ui {

class WorkspaceSession;

// The world's clock, always in view: its date and time large enough to read on a projector,
// and, for a virtual clock, play / pause / step to the next event / speed / jump.
class ClockBar final : public QToolBar {
    Q_OBJECT
public:
    explicit ClockBar(QWidget* parent = nullptr);

    void setSession(WorkspaceSession* session);
    // Re-reads the clock (the bridge calls this every tick).
    void refresh();

    QAction* playPauseAction() const { return m_playPause; }
    QAction* stepAction() const { return m_step; }
    QAction* fasterAction() const { return m_faster; }
    QAction* slowerAction() const { return m_slower; }
    QAction* jumpAction() const { return m_jump; }

    // The speeds offered, from real pace to a day in under a second.
    static const QList<double>& speeds();

signals:
    void stepped(bool somethingRan);
    void message(const QString& text);

private:
    void togglePlay();
    void stepToNext();
    void changeSpeed(int delta);
    void jumpBy(qint64 ms);
    void jumpDialog();
    void updateControls();

    WorkspaceSession* m_session = nullptr;
    QLabel* m_mode = nullptr;
    QLabel* m_time = nullptr;
    QComboBox* m_speed = nullptr;
    QAction* m_playPause = nullptr;
    QAction* m_step = nullptr;
    QAction* m_faster = nullptr;
    QAction* m_slower = nullptr;
    QAction* m_jump = nullptr;
    bool m_stepping = false;
};

}  // namespace shardscope::ui

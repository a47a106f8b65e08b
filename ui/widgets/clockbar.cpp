// SPDX-License-Identifier: MIT
#include "widgets/clockbar.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include "session/async.h"
#include "session/workspacesession.h"
#include "sim/scheduler.h"
#include "widgets/palette.h"

namespace shardscope::ui {

const QList<double>& ClockBar::speeds() {
    static const QList<double> values{1, 10, 60, 600, 3600, 86400, 100000};
    return values;
}

ClockBar::ClockBar(QWidget* parent) : QToolBar(tr("Clock"), parent) {
    setObjectName(QStringLiteral("clockBar"));
    setMovable(false);
    setFloatable(false);
    // The clock must stay in view: no "hide" entry in the toolbar's context menu.
    toggleViewAction()->setEnabled(false);
    setIconSize(QSize(22, 22));

    m_mode = new QLabel(this);
    m_mode->setObjectName(QStringLiteral("clockMode"));
    m_mode->setContentsMargins(8, 0, 8, 0);
    addWidget(m_mode);

    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("clockTime"));
    QFont big = m_time->font();
    big.setPointSizeF(big.pointSizeF() * 1.9);
    big.setBold(true);
    big.setStyleHint(QFont::Monospace);
    big.setFamily(QStringLiteral("DejaVu Sans Mono"));
    m_time->setFont(big);
    m_time->setContentsMargins(4, 0, 16, 0);
    addWidget(m_time);

    m_playPause = addAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Play"));
    m_playPause->setShortcut(QKeySequence(Qt::Key_Space));
    connect(m_playPause, &QAction::triggered, this, &ClockBar::togglePlay);

    m_step =
        addAction(style()->standardIcon(QStyle::SP_MediaSeekForward), tr("Step to next event"));
    m_step->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    connect(m_step, &QAction::triggered, this, &ClockBar::stepToNext);

    m_slower = new QAction(tr("Slower"), this);
    m_slower->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(m_slower, &QAction::triggered, this, [this] { changeSpeed(-1); });
    m_faster = new QAction(tr("Faster"), this);
    m_faster->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    connect(m_faster, &QAction::triggered, this, [this] { changeSpeed(+1); });

    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("clockSpeed"));
    for (double speed : speeds())
        m_speed->addItem(QStringLiteral("\u00d7%1").arg(QLocale().toString(speed, 'f', 0)), speed);
    m_speed->setToolTip(tr("How many times faster than real time the virtual clock runs (%1 / %2)")
                            .arg(m_slower->shortcut().toString(QKeySequence::NativeText),
                                 m_faster->shortcut().toString(QKeySequence::NativeText)));
    connect(m_speed, &QComboBox::activated, this, [this](int index) {
        if (!m_session) return;
        m_session->clock().setSpeed(m_speed->itemData(index).toDouble());
        updateControls();
    });
    addWidget(m_speed);

    m_jump = new QAction(style()->standardIcon(QStyle::SP_ArrowRight), tr("Jump ahead"), this);
    m_jump->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    auto* jumpMenu = new QMenu(this);
    const std::pair<QString, qint64> jumps[] = {{tr("+1 minute"), 60'000},
                                                {tr("+15 minutes"), 15 * 60'000},
                                                {tr("+1 hour"), 3'600'000},
                                                {tr("+4 hours (a shard rollover)"), 4 * 3'600'000},
                                                {tr("+1 day (past retention)"), 86'400'000}};
    for (const auto& [label, ms] : jumps)
        jumpMenu->addAction(label, this, [this, ms = ms] { jumpBy(ms); });
    jumpMenu->addSeparator();
    jumpMenu->addAction(tr("To a date and time\u2026"), this, &ClockBar::jumpDialog);
    m_jump->setMenu(jumpMenu);
    connect(m_jump, &QAction::triggered, this, &ClockBar::jumpDialog);
    addAction(m_jump);
    if (auto* button = qobject_cast<QToolButton*>(widgetForAction(m_jump)))
        button->setPopupMode(QToolButton::MenuButtonPopup);

    for (QAction* action : {m_playPause, m_step, m_slower, m_faster, m_jump}) {
        if (!action->shortcut().isEmpty())
            action->setToolTip(QStringLiteral("%1 (%2)").arg(
                action->text(), action->shortcut().toString(QKeySequence::NativeText)));
    }
    updateControls();
}

void ClockBar::setSession(WorkspaceSession* session) {
    m_session = session;
    updateControls();
    refresh();
}

void ClockBar::refresh() {
    if (!m_session) {
        m_time->setText(QStringLiteral("\u2014"));
        return;
    }
    const qint64 now = m_session->clock().now();
    m_time->setText(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC)
                        .toString(QStringLiteral("yyyy-MM-dd  HH:mm:ss")) +
                    QStringLiteral(" UTC"));
    const bool paused = m_session->clock().paused();
    if (m_session->clock().mode() == sim::Clock::Mode::Virtual &&
        (m_playPause->text() == tr("Pause")) == paused)
        updateControls();
}

void ClockBar::updateControls() {
    const bool virtualClock = m_session && m_session->clock().mode() == sim::Clock::Mode::Virtual;
    for (QAction* action : {m_playPause, m_step, m_slower, m_faster, m_jump})
        action->setEnabled(virtualClock && !m_stepping);
    m_speed->setEnabled(virtualClock);
    if (!m_session) {
        m_mode->setText(QString());
        return;
    }
    if (!virtualClock) {
        m_mode->setText(tr("Real time"));
        m_mode->setToolTip(
            tr("This workspace runs on the system clock. A virtual clock can be "
               "paused, stepped and sped up (File \u2192 New with a virtual clock)."));
        return;
    }
    const bool paused = m_session->clock().paused();
    m_mode->setText(paused ? tr("Virtual \u2016 paused") : tr("Virtual \u25b6"));
    m_mode->setToolTip(tr("A virtual clock: time moves only as fast as you let it."));
    m_playPause->setText(paused ? tr("Play") : tr("Pause"));
    m_playPause->setIcon(
        style()->standardIcon(paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_playPause->setToolTip(QStringLiteral("%1 (%2)").arg(
        m_playPause->text(), m_playPause->shortcut().toString(QKeySequence::NativeText)));
    const double speed = m_session->clock().speed();
    int best = 0;
    for (int i = 0; i < m_speed->count(); ++i)
        if (m_speed->itemData(i).toDouble() <= speed) best = i;
    m_speed->setCurrentIndex(best);
}

void ClockBar::togglePlay() {
    if (!m_session) return;
    auto& clock = m_session->clock();
    clock.paused() ? clock.play() : clock.pause();
    updateControls();
    refresh();
}

void ClockBar::stepToNext() {
    if (!m_session || m_stepping) return;
    // Stepping runs the due work (a TTL sweep, a trim): engine work, so off the UI thread.
    m_stepping = true;
    updateControls();
    runAsync(
        this, [scheduler = &m_session->scheduler()] { return scheduler->stepToNext(); },
        [this](bool ran) {
            m_stepping = false;
            updateControls();
            refresh();
            if (!ran)
                emit message(
                    tr("Nothing is scheduled: no rollover, trim or TTL deletion "
                       "is waiting."));
            emit stepped(ran);
        });
}

void ClockBar::changeSpeed(int delta) {
    if (!m_session) return;
    const int index = std::clamp(m_speed->currentIndex() + delta, 0, m_speed->count() - 1);
    m_session->clock().setSpeed(m_speed->itemData(index).toDouble());
    updateControls();
}

void ClockBar::jumpBy(qint64 ms) {
    if (!m_session) return;
    m_session->clock().advanceBy(ms);
    refresh();
}

void ClockBar::jumpDialog() {
    if (!m_session) return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Jump to"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* hint = new QLabel(tr("Time only moves forward. Everything due on the way (rollovers, "
                               "the 24-hour trim, TTL deletions) happens as the clock passes it."),
                            &dialog);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_session->clock().now(), Qt::UTC);
    auto* edit = new QDateTimeEdit(now.addSecs(3600), &dialog);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    edit->setMinimumDateTime(now);
    layout->addWidget(edit);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted) return;
    if (!m_session->clock().jumpTo(edit->dateTime().toMSecsSinceEpoch()))
        emit message(tr("Time cannot run backwards."));
    refresh();
}

}  // namespace shardscope::ui

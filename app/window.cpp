// SPDX-License-Identifier: MIT
#include "window.h"

#include <QApplication>
#include <QSettings>
#include <QTimer>
#include <iostream>

#include "demo/workload.h"
#include "mainwindow.h"
#include "session/workspacesession.h"
#include "translations.h"
#include "widgets/palette.h"

namespace shardscope::app {

namespace {

ui::WorkspaceSession::Options sessionOptions(const ServeOptions& options) {
    ui::WorkspaceSession::Options session;
    session.path = QString::fromStdString(options.inMemory ? ":memory:" : options.workspace);
    session.demo = options.demo;
    session.immediateTtl = options.immediateTtl;
    if (options.virtualClock) {
        session.clockMode =
            *options.virtualClock ? sim::Clock::Mode::Virtual : sim::Clock::Mode::Real;
    } else if (options.demo) {
        // The demo is for pausing and stepping: a virtual clock unless asked otherwise.
        session.clockMode = sim::Clock::Mode::Virtual;
    }
    // A class should see shards roll over and their lineage grow within minutes.
    if (options.demo) session.rolloverPeriodMs = 2 * 60'000;
    return session;
}

}  // namespace

int runWindow(const ServeOptions& options, int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ShardScope"));
    QApplication::setOrganizationName(QStringLiteral("ShardScope"));
    QApplication::setApplicationVersion(QStringLiteral(SHARDSCOPE_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.shardscope.ShardScope"));
    // The system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English when none is shipped.
    ui::installTranslations(app);

    QSettings settings;
    ui::applyTheme(app, ui::themeFromName(settings.value(QStringLiteral("ui/theme")).toString()));
    ui::MainWindow window(&settings);
    window.resize(1600, 1000);
    window.show();

    // The window paints first; the workspace opens on the thread pool and is adopted when ready.
    const auto session = sessionOptions(options);
    window.openWorkspace(session, [options](ui::WorkspaceSession& opened) {
        auto& clock = opened.clock();
        clock.setSpeed(options.speed);
        clock.play();
        if (opened.workload()) opened.workload()->start();
        if (options.startEndpoint) {
            auto port = opened.startEndpoint(options.port);
            if (!port) {
                std::cerr << "shardscope: endpoint not started: " << port.error().message << "\n";
            } else {
                std::cout << "ShardScope is serving the DynamoDB API on http://127.0.0.1:" << *port
                          << std::endl;
            }
        }
    });
    return QApplication::exec();
}

}  // namespace shardscope::app

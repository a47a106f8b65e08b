// SPDX-License-Identifier: MIT
#include <QApplication>
#include <QDeadlineTimer>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "translations.h"
#include "uitest.h"
#include "widgets/palette.h"

namespace shardscope::ui::test {

namespace {
std::map<std::string, std::function<QObject*()>>& registry() {
    static std::map<std::string, std::function<QObject*()>> tests;
    return tests;
}
}  // namespace

bool registerTest(const char* name, std::function<QObject*()> make) {
    registry()[name] = std::move(make);
    return true;
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired()) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qSleep(5);
    }
    return true;
}

}  // namespace shardscope::ui::test

int main(int argc, char** argv) {
    // Headless and at a fixed DPI unless the caller says otherwise, so layouts and screenshots
    // are the same on every machine.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_FONT_DPI", "96");
    qputenv("QT_SCALE_FACTOR", "1");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("ShardScope tests"));
    shardscope::ui::applyTheme(app, shardscope::ui::Theme::Light);
    // English whatever the machine's language, with its plural forms ("1 record", "2 records");
    // SHARDSCOPE_TEST_LANGUAGE=de renders ScreenshotTest's pictures in German for a look (the
    // other tests expect English).
    shardscope::ui::installTranslations(
        app, QLocale(qEnvironmentVariable("SHARDSCOPE_TEST_LANGUAGE", QStringLiteral("en"))));

    auto& tests = shardscope::ui::test::registry();
    std::vector<char*> rest{argv[0]};
    std::vector<std::string> chosen;
    for (int i = 1; i < argc; ++i) {
        if (tests.count(argv[i]))
            chosen.emplace_back(argv[i]);
        else
            rest.push_back(argv[i]);
    }
    if (chosen.empty())
        for (const auto& [name, make] : tests) chosen.push_back(name);
    int failures = 0;
    for (const auto& name : chosen) {
        std::unique_ptr<QObject> test(tests[name]());
        failures += QTest::qExec(test.get(), int(rest.size()), rest.data());
    }
    return failures == 0 ? 0 : 1;
}

// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QtTest>
#include <functional>

// One program runs every Qt test class (they share one build of the ui library); each class
// registers itself here and CTest runs them one by one: `ui_tests ClassName [QTest options]`.
namespace shardscope::ui::test {

bool registerTest(const char* name, std::function<QObject*()> make);

// Polls the event loop until `condition` holds or `timeoutMs` passes.
bool waitFor(const std::function<bool()>& condition, int timeoutMs = 10000);

}  // namespace shardscope::ui::test

#define SHARDSCOPE_UI_TEST(Class)                          \
    [[maybe_unused]] static const bool registered##Class = \
        ::shardscope::ui::test::registerTest(#Class, [] { return new Class; });

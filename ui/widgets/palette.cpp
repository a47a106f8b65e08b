// SPDX-License-Identifier: MIT
#include "widgets/palette.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>

#include "stream/api.h"

namespace shardscope::ui {
namespace {

QPalette darkColors() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xa8, 0xf7));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x93));
    p.setColor(QPalette::Mid, QColor(0x44, 0x47, 0x4d));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7d, 0x83));
    return p;
}

bool systemPrefersDark(const QPalette& system) {
    return system.color(QPalette::Window).lightness() < 128;
}

}  // namespace

void applyTheme(QApplication& app, Theme theme) {
    static const QPalette systemPalette = app.palette();
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const bool dark =
        theme == Theme::Dark || (theme == Theme::System && systemPrefersDark(systemPalette));
    if (dark) {
        app.setPalette(darkColors());
    } else {
        app.setPalette(app.style()->standardPalette());
    }
}

Theme themeFromName(const QString& name) {
    if (name == QStringLiteral("light")) return Theme::Light;
    if (name == QStringLiteral("dark")) return Theme::Dark;
    return Theme::System;
}

QString themeName(Theme theme) {
    switch (theme) {
        case Theme::Light:
            return QStringLiteral("light");
        case Theme::Dark:
            return QStringLiteral("dark");
        case Theme::System:
            break;
    }
    return QStringLiteral("system");
}

bool darkPalette() {
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor eventColor(int eventName) {
    const bool dark = darkPalette();
    switch (static_cast<stream::EventName>(eventName)) {
        case stream::EventName::Insert:
            return dark ? QColor(0x5c, 0xc9, 0x7b) : QColor(0x1f, 0x8a, 0x3f);
        case stream::EventName::Modify:
            return dark ? QColor(0x6a, 0xa8, 0xf7) : QColor(0x1f, 0x6f, 0xc4);
        case stream::EventName::Remove:
            return dark ? QColor(0xf0, 0x7a, 0x6e) : QColor(0xc2, 0x3b, 0x30);
    }
    return {};
}

QColor ttlColor() {
    return darkPalette() ? QColor(0xe8, 0xb3, 0x4b) : QColor(0xb0, 0x72, 0x00);
}

}  // namespace shardscope::ui

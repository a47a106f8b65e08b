// SPDX-License-Identifier: MIT
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace shardscope::ui {

namespace {
const auto kDirectory = QStringLiteral(":/i18n");
const auto kName = QStringLiteral("shardscope");
const auto kSeparator = QStringLiteral("_");
}  // namespace

bool loadCatalogue(QTranslator& translator, const QLocale& locale) {
    if (translator.load(locale, kName, kSeparator, kDirectory)) return true;
    return translator.load(QLocale(QLocale::English), kName, kSeparator, kDirectory);
}

QString installTranslations(QCoreApplication& app, const QLocale& locale) {
    auto* own = new QTranslator(&app);
    if (!loadCatalogue(*own, locale)) {
        delete own;
        return {};
    }
    QCoreApplication::installTranslator(own);
    // Qt's dialogs and standard buttons in the language the window speaks, when installed.
    const QLocale language(own->language());
    if (language.language() != QLocale::English) {
        auto* qt = new QTranslator(&app);
        if (qt->load(language, QStringLiteral("qtbase"), kSeparator,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            QCoreApplication::installTranslator(qt);
        } else {
            delete qt;
        }
    }
    return QLocale(own->language()).name().section(QLatin1Char('_'), 0, 0);
}

}  // namespace shardscope::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;
class QTranslator;

namespace shardscope::ui {

// The window's catalogues are compiled from translations/*.ts and embedded under ":/i18n"
// (shardscope_de.qm, and shardscope_en.qm, which holds only the English plural forms).

// Loads ShardScope's catalogue for the first of `locale`'s UI languages that has one, or the
// English one when none has (so "%n record(s)" still reads "1 record" / "2 records"). Returns
// false only if not even the English catalogue is embedded. UI thread or before the application
// runs.
bool loadCatalogue(QTranslator& translator, const QLocale& locale);

// Installs on `app` ShardScope's catalogue for `locale` (QLocale() follows LANGUAGE, LC_ALL,
// LC_MESSAGES and LANG) and Qt's own catalogue in the same language from
// QLibraryInfo::TranslationsPath when the system has it (Debian: qt6-translations-l10n); without
// it Qt's standard buttons stay English and nothing fails. The translators are children of `app`.
// Returns the language of the installed ShardScope catalogue ("de", "en"), empty if none was.
QString installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

}  // namespace shardscope::ui

// SPDX-License-Identifier: MIT
#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>

#include "mainwindow.h"
#include "translations.h"
#include "uitest.h"
#include "widgets/indexdialog.h"
#include "widgets/tabledialog.h"

namespace shardscope::ui::test {
namespace {

const char* const kFix =
    "run `cmake --build <build dir> --target update_translations`, then translate the entry in "
    "translations/*.ts (Qt Linguist or an editor) and commit the .ts files";

// The mnemonic letter of a menu text ("&File" → 'f'), or 0 without one ("&&" is a literal &).
QChar mnemonic(const QString& text) {
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

int mnemonicCount(const QString& text) {
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] == QLatin1Char('&'))
            ++i;
        else
            ++count;
    }
    return count;
}

// Every menu's entries (and the menu bar's titles) have distinct mnemonics; returns what clashes.
QStringList mnemonicClashes(const QWidget& menuOrBar, const QString& where) {
    QStringList clashes;
    QMap<QChar, QString> used;
    for (QAction* action : menuOrBar.actions()) {
        if (action->isSeparator() || !action->isVisible()) continue;
        const QChar key = mnemonic(action->text());
        if (!key.isNull()) {
            if (used.contains(key))
                clashes << QStringLiteral("%1: \"%2\" and \"%3\"")
                               .arg(where, used[key], action->text());
            used[key] = action->text();
        }
        if (QMenu* sub = action->menu()) clashes += mnemonicClashes(*sub, action->text());
    }
    return clashes;
}

// %1…%99 in a text, sorted and without repeats.
QStringList placeholders(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("%L?([0-9]{1,2})"));
    QStringList found;
    for (const auto& match : pattern.globalMatch(text)) found << match.captured(1);
    found.sort();
    found.removeDuplicates();
    return found;
}

// Buttons, check boxes, combo boxes and one-line labels laid out narrower than their text needs.
QStringList cutTexts(const QWidget& top) {
    QStringList cut;
    const auto note = [&](const QWidget* widget, const QString& text, int needed) {
        if (widget->isVisible() && widget->width() < needed)
            cut << QStringLiteral("\"%1\" (%2 of %3 px)")
                       .arg(text)
                       .arg(widget->width())
                       .arg(needed);
    };
    for (const auto* button : top.findChildren<QAbstractButton*>())
        if (!button->text().isEmpty())
            note(button, button->text(), button->minimumSizeHint().width());
    for (const auto* combo : top.findChildren<QComboBox*>())
        note(combo, combo->currentText(), combo->minimumSizeHint().width());
    for (const auto* label : top.findChildren<QLabel*>())
        if (!label->wordWrap() && !label->text().isEmpty() && label->textFormat() != Qt::RichText)
            note(label, label->text(), label->minimumSizeHint().width());
    return cut;
}

// One <message> of a .ts file.
struct Message {
    QString context, source, translationType;
    bool numerus = false;
    QStringList translations;  // one, or one per plural form
};

std::vector<Message> readCatalogue(const QString& path, QString* language, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    std::vector<Message> messages;
    QXmlStreamReader xml(&file);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("TS")) {
        *error = QStringLiteral("%1: not a Qt Linguist file").arg(path);
        return {};
    }
    *language = xml.attributes().value(QLatin1String("language")).toString();
    while (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("context")) {
            xml.skipCurrentElement();
            continue;
        }
        QString context;
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
                continue;
            }
            if (xml.name() != QLatin1String("message")) {
                xml.skipCurrentElement();
                continue;
            }
            Message message;
            message.context = context;
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    message.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    message.translationType =
                        xml.attributes().value(QLatin1String("type")).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement())
                            message.translations << xml.readElementText();
                    } else {
                        message.translations << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.push_back(std::move(message));
        }
    }
    if (xml.hasError()) *error = QStringLiteral("%1: %2").arg(path, xml.errorString());
    return messages;
}

// Installs a catalogue for the lifetime of a test and takes it away again, so the other test
// classes in this program keep the English one main() installed.
struct InstalledCatalogue {
    QTranslator translator;
    bool loaded;
    explicit InstalledCatalogue(const QLocale& locale) : loaded(loadCatalogue(translator, locale)) {
        if (loaded) QCoreApplication::installTranslator(&translator);
    }
    ~InstalledCatalogue() { QCoreApplication::removeTranslator(&translator); }
};

}  // namespace

// The catalogues compiled into the ui library.
class TranslationTest : public QObject {
    Q_OBJECT
private slots:
    void theGermanCatalogueIsEmbedded() {
        QTranslator translator;
        QVERIFY(loadCatalogue(translator, QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(translator.language(), QStringLiteral("de"));
        QVERIFY(translator.filePath().startsWith(QStringLiteral(":/i18n/")));
        QCOMPARE(translator.translate("shardscope::ui::MainWindow", "&File"),
                 QStringLiteral("&Datei"));
        // Austrian and Swiss German read the same catalogue.
        QTranslator swiss;
        QVERIFY(loadCatalogue(swiss, QLocale(QLocale::German, QLocale::Switzerland)));
        QCOMPARE(swiss.language(), QStringLiteral("de"));
    }

    void aLanguageWithoutCatalogueGetsEnglishPlurals() {
        InstalledCatalogue french(QLocale(QLocale::French, QLocale::France));
        QVERIFY(french.loaded);
        QCOMPARE(french.translator.language(), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("shardscope::ui::StreamInspector", "%Ln record(s)",
                                             nullptr, 1),
                 QStringLiteral("1 record"));
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString many = QCoreApplication::translate("shardscope::ui::StreamInspector",
                                                         "%Ln record(s)", nullptr, 1200);
        QLocale::setDefault(before);
        QCOMPARE(many, QStringLiteral("1,200 records"));
    }

    // What the application installs at start: ours, and Qt's own German when the system has it
    // (Debian: qt6-translations-l10n); without it, ours alone.
    void qtsOwnCatalogueJoinsWhenInstalled() {
        const auto before = qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly);
        const QString language =
            installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany));
        auto installed = qApp->findChildren<QTranslator*>(Qt::FindDirectChildrenOnly);
        for (auto* old : before) installed.removeAll(old);
        const QString cancel = QCoreApplication::translate("QPlatformTheme", "Cancel");
        qDeleteAll(installed);  // back to the English main() installed
        QCOMPARE(language, QStringLiteral("de"));
        const QDir qtCatalogues(QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        if (!qtCatalogues.exists(QStringLiteral("qtbase_de.qm"))) {
            QCOMPARE(installed.size(), 1);
            QSKIP("Qt's German catalogue is not installed (qt6-translations-l10n)");
        }
        QCOMPARE(installed.size(), 2);
        QCOMPARE(cancel, QStringLiteral("Abbrechen"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }

    void theWindowSpeaksGerman() {
        InstalledCatalogue german(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(german.loaded);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        QStringList titles;
        for (QAction* menu : window.menuBar()->actions()) titles << menu->text();
        QCOMPARE(titles.first(), QStringLiteral("&Datei"));
        QVERIFY2(titles.contains(QStringLiteral("&Bearbeiten")), qPrintable(titles.join(u' ')));
        const auto* endpoint = window.findChild<QLabel*>(QStringLiteral("endpointStatus"));
        QVERIFY(endpoint);
        QVERIFY2(endpoint->text().startsWith(QStringLiteral("Endpunkt aus")),
                 qPrintable(endpoint->text()));
        // Plural forms, with German digit grouping.
        QCOMPARE(QCoreApplication::translate("shardscope::ui::StreamInspector", "%Ln record(s)",
                                             nullptr, 1),
                 QStringLiteral("1 Datensatz"));
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString many = QCoreApplication::translate("shardscope::ui::StreamInspector",
                                                         "%Ln record(s)", nullptr, 1200);
        QLocale::setDefault(before);
        QCOMPARE(many, QStringLiteral("1.200 Datens\u00e4tze"));
    }

    // German words are long: the dialogs grow to hold them, nothing is cut off. The pictures go
    // next to the other screenshots (de-*.png) for a look.
    void germanDialogsHoldTheirTexts() {
        InstalledCatalogue german(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(german.loaded);
        TableSpec spec;
        spec.name = QStringLiteral("todoListTask");
        spec.partitionName = QStringLiteral("ListId");
        spec.sortName = QStringLiteral("TaskId");
        spec.streamView = QStringLiteral("NEW_AND_OLD_IMAGES");
        spec.ttlAttribute = QStringLiteral("expires");
        SecondaryIndex index;
        index.name = QStringLiteral("byStatus");
        index.partitionName = QStringLiteral("Status");
        index.projection = QStringLiteral("INCLUDE");
        index.nonKeyAttributes = {QStringLiteral("Title")};
        spec.indexes.push_back(index);
        TableDialog newTable;
        TableDialog change(nullptr, spec);
        IndexDialog indexDialog(spec, 0, false);
        const QString directory = QStringLiteral(SHARDSCOPE_SCREENSHOT_DIR);
        QDir().mkpath(directory);
        const std::pair<QDialog*, const char*> dialogs[] = {{&newTable, "de-new-table.png"},
                                                            {&change, "de-change-table.png"},
                                                            {&indexDialog, "de-index.png"}};
        for (const auto& [dialog, name] : dialogs) {
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            const QStringList cut = cutTexts(*dialog);
            QVERIFY2(cut.isEmpty(), qPrintable(QString::fromLatin1(name) + QStringLiteral(": ") +
                                               cut.join(QStringLiteral(", "))));
            QVERIFY(dialog->grab().save(directory + QLatin1Char('/') + QString::fromLatin1(name)));
        }
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList cut = cutTexts(window);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(", "))));
        for (QAction* entry : window.menuBar()->actions()) {
            QMenu* menu = entry->menu();
            menu->adjustSize();
            QVERIFY(menu->grab().save(
                directory +
                QStringLiteral("/de-menu-%1.png").arg(window.menuBar()->actions().indexOf(entry))));
        }
    }

    void menuMnemonicsAreUniqueInEveryLanguage_data() {
        QTest::addColumn<QLocale>("locale");
        QTest::newRow("English") << QLocale(QLocale::English);
        QTest::newRow("German") << QLocale(QLocale::German, QLocale::Germany);
    }
    void menuMnemonicsAreUniqueInEveryLanguage() {
        QFETCH(QLocale, locale);
        InstalledCatalogue catalogue(locale);
        QVERIFY(catalogue.loaded);
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        MainWindow window(&settings);
        const QStringList clashes = mnemonicClashes(*window.menuBar(), QStringLiteral("menu bar"));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
    }
};

// The .ts files as committed (or, for TranslationsUpToDate, as lupdate just refreshed them from
// the sources in a scratch copy: SHARDSCOPE_TS_DIR): every message translated, its placeholders
// and mnemonic kept, every plural form filled.
class TranslationFilesTest : public QObject {
    Q_OBJECT
private slots:
    void everyMessageIsTranslated_data() {
        QTest::addColumn<QString>("path");
        const QString directory = qEnvironmentVariableIsSet("SHARDSCOPE_TS_DIR")
                                      ? qEnvironmentVariable("SHARDSCOPE_TS_DIR")
                                      : QStringLiteral(SHARDSCOPE_TS_DIR);
        const auto files =
            QDir(directory).entryInfoList({QStringLiteral("shardscope_*.ts")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(directory));
        for (const auto& file : files)
            QTest::newRow(qPrintable(file.fileName())) << file.absoluteFilePath();
    }
    void everyMessageIsTranslated() {
        QFETCH(QString, path);
        QString language, error;
        const auto messages = readCatalogue(path, &language, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(!messages.empty(), qPrintable(path));
        const QString file = QFileInfo(path).fileName();
        const bool pluralsOnly = language == QLatin1String("en");
        QStringList problems;
        for (const auto& message : messages) {
            const QString what =
                QStringLiteral("%1: \"%2\" (%3)").arg(file, message.source, message.context);
            if (pluralsOnly && !message.numerus) {
                problems << what + QStringLiteral(
                                       " is not a plural; the English catalogue "
                                       "holds plural forms only (lupdate -pluralonly)");
                continue;
            }
            if (message.translationType == QLatin1String("unfinished")) {
                problems << what + QStringLiteral(" is not translated yet");
                continue;
            }
            if (!message.translationType.isEmpty()) {
                problems << what + QStringLiteral(" is %1: it is no longer in the sources")
                                       .arg(message.translationType);
                continue;
            }
            // German and English both have a singular and a plural.
            if (message.numerus && message.translations.size() != 2) {
                problems << what + QStringLiteral(" needs 2 plural forms, has %1")
                                       .arg(message.translations.size());
                continue;
            }
            const bool hasCount = message.source.contains(QLatin1String("%n")) ||
                                  message.source.contains(QLatin1String("%Ln"));
            for (qsizetype form = 0; form < message.translations.size(); ++form) {
                const QString& translation = message.translations[form];
                if (translation.trimmed().isEmpty()) {
                    problems << what + QStringLiteral(" has an empty translation");
                    continue;
                }
                if (placeholders(translation) != placeholders(message.source)) {
                    QStringList wanted = placeholders(message.source);
                    for (auto& number : wanted) number.prepend(QLatin1Char('%'));
                    problems << what + QStringLiteral(": \"%1\" must keep the placeholders (%2)")
                                           .arg(translation, wanted.join(QStringLiteral(", ")));
                }
                if (mnemonicCount(translation) != mnemonicCount(message.source))
                    problems << what + QStringLiteral(": \"%1\" must have %2 mnemonic (&)")
                                           .arg(translation)
                                           .arg(mnemonicCount(message.source));
                // A singular may spell its number out ("jede Minute"); the plural shows it.
                const bool last = form == message.translations.size() - 1;
                if (hasCount && last && !translation.contains(QLatin1String("%n")) &&
                    !translation.contains(QLatin1String("%Ln")))
                    problems << what +
                                    QStringLiteral(": \"%1\" lost its count %n").arg(translation);
            }
        }
        if (!problems.isEmpty())
            QFAIL(qPrintable(problems.join(QLatin1Char('\n')) + QStringLiteral("\nTo fix: ") +
                             QLatin1String(kFix)));
    }
};

SHARDSCOPE_UI_TEST(TranslationTest)
SHARDSCOPE_UI_TEST(TranslationFilesTest)

}  // namespace shardscope::ui::test

#include "translations_test.moc"

#include "languageswitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace xueshi {

LanguageSwitcher::LanguageSwitcher(QObject *parent)
    : QObject(parent)
{ }

LanguageSwitcher::~LanguageSwitcher()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
}

bool LanguageSwitcher::setLanguage(Language language)
{
    auto translator = std::make_unique<QTranslator>();
    const bool loaded = loadTranslator(translator.get(), language);
    auto qtTranslator = std::make_unique<QTranslator>();
    const bool qtLoaded = qtTranslator->load(QStringLiteral("qtbase_") + languageCode(language),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath));

    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_translator = std::move(translator);
    m_qtTranslator = std::move(qtTranslator);
    if (qtLoaded)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    if (loaded)
        QCoreApplication::installTranslator(m_translator.get());

    QLocale::setDefault(QLocale(language == Language::English ? QLocale::English : QLocale::Chinese,
        language == Language::English ? QLocale::UnitedStates : QLocale::China));
    const bool changed = !m_installed || language != m_language;
    m_language = language;
    m_installed = true;
    if (changed)
        emit languageChanged(language);
    return loaded;
}

} // namespace xueshi

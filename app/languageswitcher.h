#pragma once

#include "translations.h"

#include <QObject>

#include <memory>

class QTranslator;

namespace xueshi {

// Installs the translators of the UI language on the application: Xueshi's own catalogue and
// Qt's (standard dialogs, context menus). Switching replaces them, which sends every widget a
// LanguageChange event, so windows retranslate live.
class LanguageSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageSwitcher)

public:
    explicit LanguageSwitcher(QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    Language language() const { return m_language; }
    // Returns false when Xueshi's catalogue for the language could not be loaded.
    bool setLanguage(Language language);

signals:
    void languageChanged(xueshi::Language language);

private:
    Language m_language = Language::Chinese;
    std::unique_ptr<QTranslator> m_translator;
    std::unique_ptr<QTranslator> m_qtTranslator;
    bool m_installed = false;
};

} // namespace xueshi

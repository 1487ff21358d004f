#pragma once

#include <QString>

class QTranslator;

namespace xueshi {

// The languages of the UI and of server messages. Chinese is the default.
enum class Language { Chinese, English };

QString languageCode(Language language); // "zh_CN" / "en"
// The language named by an Accept-Language header or a locale name: English when English is
// preferred over Chinese, Chinese otherwise.
Language languageFromAcceptLanguage(const QByteArray &header);

// Loads the embedded catalogue for a language into `translator` (":/i18n/xueshi_<code>.qm").
bool loadTranslator(QTranslator *translator, Language language);

} // namespace xueshi

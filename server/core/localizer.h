#pragma once

#include "translations.h"

#include <QJsonObject>
#include <QString>
#include <QTranslator>

namespace xueshi::server {

class ApiError;

// Translates server messages per request. QCoreApplication::translate() uses the process-wide
// translators, but each request has its own language, so the server keeps one translator per
// language and asks the right one. English is the source language.
class Localizer final
{
    Q_DISABLE_COPY_MOVE(Localizer)

public:
    Localizer();
    QString text(Language language, const char *context, const char *source,
        const QStringList &args = {}) const;
    // The "error" object of an answer: code, message in `language`, field, detail and extras.
    QJsonObject errorObject(const ApiError &error, Language language) const;

private:
    QTranslator m_chinese;
};

} // namespace xueshi::server

#pragma once

#include "translations.h"

#include <QString>
#include <QTranslator>

namespace xueshi::server {

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

private:
    QTranslator m_chinese;
};

} // namespace xueshi::server

#include "localizer.h"

namespace xueshi::server {

Localizer::Localizer()
{
    loadTranslator(&m_chinese, Language::Chinese);
}

QString Localizer::text(
    Language language, const char *context, const char *source, const QStringList &args) const
{
    QString result;
    if (language == Language::Chinese)
        result = m_chinese.translate(context, source);
    if (result.isEmpty())
        result = QString::fromUtf8(source);
    for (const QString &a : args)
        result = result.arg(a);
    return result;
}

} // namespace xueshi::server

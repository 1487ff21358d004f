#include "localizer.h"

#include "apierror.h"

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

QJsonObject Localizer::errorObject(const ApiError &e, Language language) const
{
    QJsonObject error { { QStringLiteral("code"), e.code() },
        { QStringLiteral("message"), text(language, e.context(), e.sourceMessage(), e.args()) } };
    if (!e.fieldName().isEmpty())
        error.insert(QStringLiteral("field"), e.fieldName());
    if (!e.detailCode().isEmpty())
        error.insert(QStringLiteral("detail"), e.detailCode());
    const QJsonObject extra = e.extraFields();
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        error.insert(it.key(), it.value());
    return error;
}

} // namespace xueshi::server

#include "jsonbody.h"

#include "apierror.h"
#include "errorcodes.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>

namespace xueshi::server {

namespace ec = xueshi::errorcode;

JsonBody::JsonBody(const QByteArray &body, const QSet<QString> &allowed)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        throw ApiError(400, ec::InvalidJson, "Server",
            QT_TRANSLATE_NOOP("Server", "The request body is not a valid JSON object."));
    }
    m_object = doc.object();
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
        if (!it.value().isString())
            continue;
        const QString value = it.value().toString();
        const qsizetype limit = maxLength(it.key());
        if (value.size() > limit) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" may have at most %2 characters."))
                .field(it.key())
                .detail(QStringLiteral("too_long"))
                .arg(it.key())
                .arg(QString::number(limit))
                .extra(QStringLiteral("maxLength"), double(limit));
        }
        if (value.contains(QChar(0))) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" contains a NUL character."))
                .field(it.key())
                .detail(QStringLiteral("nul_character"))
                .arg(it.key());
        }
    }
}

qsizetype JsonBody::maxLength(const QString &field)
{
    static const QHash<QString, qsizetype> limits {
        { QStringLiteral("username"), 64 },
        { QStringLiteral("password"), 256 },
        { QStringLiteral("currentPassword"), 256 },
        { QStringLiteral("newPassword"), 256 },
        { QStringLiteral("realName"), 100 },
        { QStringLiteral("residentId"), 32 },
        { QStringLiteral("mobile"), 32 },
        { QStringLiteral("phone"), 32 },
        { QStringLiteral("email"), 254 },
        { QStringLiteral("name"), 200 },
        { QStringLiteral("creditCode"), 32 },
        { QStringLiteral("regionCode"), 16 },
        { QStringLiteral("contactPerson"), 100 },
        { QStringLiteral("role"), 32 },
        { QStringLiteral("channel"), 16 },
        { QStringLiteral("requestId"), 64 },
        { QStringLiteral("code"), 16 },
    };
    return limits.value(field, DefaultMaxLength);
}

bool JsonBody::has(const QString &field) const
{
    const QJsonValue v = m_object.value(field);
    return !v.isUndefined() && !v.isNull();
}

QString JsonBody::stringValue(const QString &field, bool trim) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString()) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" must be a string."))
            .field(field)
            .detail(QStringLiteral("type"))
            .arg(field);
    }
    return trim ? v.toString().trimmed() : v.toString();
}

QString JsonBody::requiredString(const QString &field) const
{
    const QString s = stringValue(field, true);
    if (s.isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
            .field(field)
            .arg(field);
    }
    return s;
}

QString JsonBody::requiredSecret(const QString &field) const
{
    const QString s = stringValue(field, false);
    if (s.isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
            .field(field)
            .arg(field);
    }
    return s;
}

std::optional<QString> JsonBody::optionalString(const QString &field) const
{
    const QString s = stringValue(field, true);
    if (s.isEmpty())
        return std::nullopt;
    return s;
}

} // namespace xueshi::server

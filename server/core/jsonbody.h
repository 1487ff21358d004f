#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

namespace xueshi::server {

// A request body checked against the fields a route accepts: not a JSON object -> invalid_json,
// a field the route does not know -> unknown_field, a missing required field -> missing_field,
// a wrong type, a string longer than its field allows or holding a NUL -> invalid_field. Every
// refusal names the field. Lengths are checked when the body is read, before a service stores or
// hashes anything.
class JsonBody final
{
public:
    // For fields without a length of their own in maxLength().
    static constexpr qsizetype DefaultMaxLength = 1000;

    // Throws ApiError; `allowed` lists every field the route accepts.
    JsonBody(const QByteArray &body, const QSet<QString> &allowed);

    // The most UTF-16 code units a string field may have, before trimming: generous next to the
    // validators (a username has at most 32 characters, a password 128), so that a value they
    // would refuse still gets their message, but never more than storage should hold.
    static qsizetype maxLength(const QString &field);

    // Trimmed; throws missing_field when absent, null or empty after trimming.
    QString requiredString(const QString &field) const;
    // Not trimmed (passwords); throws when absent or empty.
    QString requiredSecret(const QString &field) const;
    // Trimmed; nullopt when absent, null or empty.
    std::optional<QString> optionalString(const QString &field) const;
    bool has(const QString &field) const;
    // The field as sent (undefined when absent), for values that are not strings.
    QJsonValue value(const QString &field) const { return m_object.value(field); }

private:
    QString stringValue(const QString &field, bool trim) const;

    QJsonObject m_object;
};

} // namespace xueshi::server

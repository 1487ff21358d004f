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
// a wrong type -> invalid_field. Every refusal names the field.
class JsonBody final
{
public:
    // Throws ApiError; `allowed` lists every field the route accepts.
    JsonBody(const QByteArray &body, const QSet<QString> &allowed);

    // Trimmed; throws missing_field when absent, null or empty after trimming.
    QString requiredString(const QString &field) const;
    // Not trimmed (passwords); throws when absent or empty.
    QString requiredSecret(const QString &field) const;
    // Trimmed; nullopt when absent, null or empty.
    std::optional<QString> optionalString(const QString &field) const;
    bool has(const QString &field) const;

private:
    QString stringValue(const QString &field, bool trim) const;

    QJsonObject m_object;
};

} // namespace xueshi::server

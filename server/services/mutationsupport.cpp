#include "mutationsupport.h"

#include <QDateTime>
#include <QUuid>

#include <cmath>

namespace xueshi::server {

QJsonObject applied(const QString &mutationId, qint64 version)
{
    return { { QStringLiteral("id"), mutationId },
        { QStringLiteral("status"), QStringLiteral("applied") },
        { QStringLiteral("version"), double(version) } };
}

bool isUuid(const QString &text)
{
    const QUuid uuid(text);
    return text.size() == 36 && !uuid.isNull() && uuid.toString(QUuid::WithoutBraces) == text;
}

bool isWholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::abs(d) < 9e15 && d == std::trunc(d);
}

QJsonValue isoUtc(const std::optional<qint64> &msecs)
{
    if (!msecs)
        return QJsonValue();
    return QDateTime::fromMSecsSinceEpoch(*msecs, Qt::UTC).toString(Qt::ISODate);
}

QJsonValue jsonTextOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace xueshi::server

#include "policy.h"

#include <cmath>

namespace xueshi {

namespace {

int wholeNumber(const QJsonObject &json, const char *key, int min, int max, int fallback)
{
    const QJsonValue v = json.value(QLatin1String(key));
    if (!v.isDouble())
        return fallback;
    // The range first: a double outside int cast to it is undefined behaviour.
    const double d = v.toDouble();
    if (d < min || d > max || d != std::trunc(d))
        return fallback;
    return int(d);
}

} // namespace

YearPolicy YearPolicy::defaults(int year)
{
    YearPolicy p;
    p.year = year;
    p.entryDeadline = QDate(year + 1, 3, 31);
    return p;
}

QJsonObject YearPolicy::toJson() const
{
    return { { QStringLiteral("year"), year }, { QStringLiteral("totalTenths"), totalTenths },
        { QStringLiteral("publicTenths"), publicTenths },
        { QStringLiteral("professionalTenths"), professionalTenths },
        { QStringLiteral("electiveTenths"), electiveTenths },
        { QStringLiteral("hoursPerDayTenths"), hoursPerDayTenths },
        { QStringLiteral("entryDeadline"), entryDeadline.toString(Qt::ISODate) } };
}

YearPolicy YearPolicy::fromJson(const QJsonObject &json)
{
    const int year = wholeNumber(json, "year", 2000, 2100, 0);
    YearPolicy p = defaults(year);
    if (year == 0)
        p.entryDeadline = QDate();
    constexpr int MaxTenths = 10000;
    p.totalTenths = wholeNumber(json, "totalTenths", 0, MaxTenths, p.totalTenths);
    p.publicTenths = wholeNumber(json, "publicTenths", 0, MaxTenths, p.publicTenths);
    p.professionalTenths
        = wholeNumber(json, "professionalTenths", 0, MaxTenths, p.professionalTenths);
    p.electiveTenths = wholeNumber(json, "electiveTenths", 0, MaxTenths, p.electiveTenths);
    p.hoursPerDayTenths = wholeNumber(json, "hoursPerDayTenths", 1, 240, p.hoursPerDayTenths);
    const QString deadline = json.value(QStringLiteral("entryDeadline")).toString();
    const QDate date = QDate::fromString(deadline, Qt::ISODate);
    if (deadline.size() == 10 && date.isValid())
        p.entryDeadline = date;
    return p;
}

} // namespace xueshi

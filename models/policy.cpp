#include "policy.h"

#include <algorithm>
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

QDate dateOf(const QJsonObject &json, const char *key, const QDate &fallback)
{
    const QString text = json.value(QLatin1String(key)).toString();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return text.size() == 10 && date.isValid() ? date : fallback;
}

bool isRegionCode(const QString &code)
{
    return code.size() == 6 && std::all_of(code.begin(), code.end(), [](QChar c) {
        return c >= QLatin1Char('0') && c <= QLatin1Char('9');
    });
}

} // namespace

YearPolicy YearPolicy::defaults(int year)
{
    YearPolicy p;
    p.year = year;
    p.declarableFrom = QDate(year, 1, 1);
    p.entryDeadline = QDate(year + 1, 3, 31);
    return p;
}

QString YearPolicy::entityId() const
{
    return entityId(year, regionCode);
}

QString YearPolicy::entityId(int year, const QString &regionCode)
{
    return regionCode.isEmpty() ? QString::number(year)
                                : QString::number(year) + QLatin1Char('-') + regionCode;
}

QJsonObject YearPolicy::toJson() const
{
    return { { QStringLiteral("year"), year }, { QStringLiteral("regionCode"), regionCode },
        { QStringLiteral("totalTenths"), totalTenths },
        { QStringLiteral("publicTenths"), publicTenths },
        { QStringLiteral("professionalTenths"), professionalTenths },
        { QStringLiteral("electiveTenths"), electiveTenths },
        { QStringLiteral("substitution"), substitution },
        { QStringLiteral("hoursPerDayTenths"), hoursPerDayTenths },
        { QStringLiteral("declarableFrom"), declarableFrom.toString(Qt::ISODate) },
        { QStringLiteral("entryDeadline"), entryDeadline.toString(Qt::ISODate) } };
}

YearPolicy YearPolicy::fromJson(const QJsonObject &json)
{
    const int year = wholeNumber(json, "year", 2000, 2100, 0);
    YearPolicy p = defaults(year);
    if (year == 0) {
        p.declarableFrom = QDate();
        p.entryDeadline = QDate();
    }
    const QString region = json.value(QStringLiteral("regionCode")).toString();
    if (isRegionCode(region))
        p.regionCode = region;
    constexpr int MaxTenths = 10000;
    p.totalTenths = wholeNumber(json, "totalTenths", 0, MaxTenths, p.totalTenths);
    p.publicTenths = wholeNumber(json, "publicTenths", 0, MaxTenths, p.publicTenths);
    p.professionalTenths
        = wholeNumber(json, "professionalTenths", 0, MaxTenths, p.professionalTenths);
    p.electiveTenths = wholeNumber(json, "electiveTenths", 0, MaxTenths, p.electiveTenths);
    const QJsonValue substitution = json.value(QStringLiteral("substitution"));
    if (substitution.isBool())
        p.substitution = substitution.toBool();
    p.hoursPerDayTenths = wholeNumber(json, "hoursPerDayTenths", 1, 240, p.hoursPerDayTenths);
    p.declarableFrom = dateOf(json, "declarableFrom", p.declarableFrom);
    p.entryDeadline = dateOf(json, "entryDeadline", p.entryDeadline);
    return p;
}

bool YearPolicy::isOpenOn(const QDate &day) const
{
    return day.isValid() && declarableFrom.isValid() && entryDeadline.isValid()
        && declarableFrom <= day && day <= entryDeadline;
}

YearPolicy policyFor(int year, const QString &regionCode, const QList<YearPolicy> &known)
{
    QStringList candidates;
    if (isRegionCode(regionCode)) {
        candidates << regionCode << regionCode.left(4) + QStringLiteral("00")
                   << regionCode.left(2) + QStringLiteral("0000");
    }
    candidates << QString();
    for (const QString &region : std::as_const(candidates)) {
        for (const YearPolicy &p : known) {
            if (p.year == year && p.regionCode == region)
                return p;
        }
    }
    return YearPolicy::defaults(year);
}

} // namespace xueshi

#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace xueshi {

// The hours policy of one year (学时政策), as the server publishes it (entity "policy"): the hours
// a learner needs in total and per subject type, whether surplus hours of one type may make up
// another type's shortfall, the cap of hours per training day of a self-declaration, and the
// dates between which hours of the year may be entered (a public course counts toward the year
// from `declarableFrom` to `entryDeadline`). Hours in tenths. A policy is national (empty
// regionCode) or a region's override (a GB/T 2260 code: a province "440000", a city "440100" or
// a county); policyFor() picks the most specific. A year the server has no row for uses
// defaults(year) on both sides.
struct YearPolicy
{
    int year = 0;
    QString regionCode; // empty: national
    int totalTenths = 900;
    int publicTenths = 300;
    int professionalTenths = 420;
    int electiveTenths = 180;
    // Whether hours above one type's minimum make up another type's shortfall.
    bool substitution = false;
    int hoursPerDayTenths = 60;
    QDate declarableFrom; // the first day hours of the year may be entered (January 1)
    QDate entryDeadline; // the last day to enter the year's hours (March 31 of the next year)

    // The national defaults: 90 hours (30 public, 42 professional, 18 elective), no
    // substitution, 6 hours a training day, entered from January 1 to March 31 of the next year.
    static YearPolicy defaults(int year);

    // The feed's entity id: "2026" for a national policy, "2026-440000" for a region's.
    QString entityId() const;
    static QString entityId(int year, const QString &regionCode);

    // {"year","regionCode","totalTenths","publicTenths","professionalTenths","electiveTenths",
    //  "substitution","hoursPerDayTenths","declarableFrom","entryDeadline"} (dates YYYY-MM-DD,
    //  regionCode "" for national).
    QJsonObject toJson() const;
    // Reads what toJson() writes. A field that is missing or out of range (hours 0 to 10,000
    // tenths, the daily cap 1 to 240 tenths, a valid date, a region of 6 digits) takes the value
    // of defaults(year); an object without a year from 2000 to 2100 gives year 0.
    static YearPolicy fromJson(const QJsonObject &json);

    // Whether hours of this year may be entered on `day` (declarableFrom <= day <= entryDeadline).
    bool isOpenOn(const QDate &day) const;

    friend bool operator==(const YearPolicy &, const YearPolicy &) = default;
};

// The policy that applies to a learner of `regionCode` (the region of the employer that
// confirmed them; empty when none) in `year`: of `known`, the one of that year whose region is
// the most specific match (the county itself, then its city "xxxx00", then its province
// "xx0000", then national), or defaults(year) when none matches.
YearPolicy policyFor(int year, const QString &regionCode, const QList<YearPolicy> &known);

} // namespace xueshi

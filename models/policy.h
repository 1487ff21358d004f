#pragma once

#include <QDate>
#include <QJsonObject>

namespace xueshi {

// The hours policy of one year (学时政策), as the server publishes it (entity "policy", id = the
// year): the hours a learner needs in total and per subject type, the cap of hours per training
// day of a self-declaration, and the date by which the year's hours must be entered. Hours in
// tenths. A year the server has no row for uses defaults(year) on both sides.
struct YearPolicy
{
    int year = 0;
    int totalTenths = 900;
    int publicTenths = 300;
    int professionalTenths = 420;
    int electiveTenths = 180;
    int hoursPerDayTenths = 60;
    QDate entryDeadline; // the last day to enter the year's hours

    // The national defaults: 90 hours (30 public, 42 professional, 18 elective), 6 hours a
    // training day, entered by March 31 of the next year.
    static YearPolicy defaults(int year);

    // {"year","totalTenths","publicTenths","professionalTenths","electiveTenths",
    //  "hoursPerDayTenths","entryDeadline"} (the deadline as YYYY-MM-DD).
    QJsonObject toJson() const;
    // Reads what toJson() writes. A field that is missing or out of range (hours 0 to 10,000
    // tenths, the daily cap 1 to 240 tenths, a valid date) takes the value of defaults(year);
    // an object without a year from 2000 to 2100 gives year 0.
    static YearPolicy fromJson(const QJsonObject &json);

    friend bool operator==(const YearPolicy &, const YearPolicy &) = default;
};

} // namespace xueshi

#pragma once

#include "declarationrules.h" // formatTenths()
#include "policy.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace xueshi {

// Hours of one year by subject type, in tenths.
struct HoursByType
{
    int publicTenths = 0;
    int professionalTenths = 0;
    int electiveTenths = 0;

    int totalTenths() const { return publicTenths + professionalTenths + electiveTenths; }
    // Adds `tenths` to the type named `subjectType` (public | professional | elective); false,
    // and nothing added, for any other name.
    bool add(const QString &subjectType, int tenths);
    friend bool operator==(const HoursByType &, const HoursByType &) = default;
};

// An hour record as the rule sees it: the feed's hourRecord fields that matter.
struct CountedRecord
{
    int year = 0;
    QString subjectType; // public | professional | elective
    int hoursTenths = 0;
    QString status; // pending | confirmed | rejected
};

// The annual certification of a year (年度认证情况): the year's confirmed hours by type against
// the policy, and what is missing. Pending hours are counted apart and never toward the result;
// rejected ones not at all.
struct YearJudgement
{
    YearPolicy policy;
    HoursByType confirmed;
    HoursByType pending;
    int confirmedRecords = 0;
    int pendingRecords = 0;
    // What is missing, in tenths, after the policy's substitution rule (0 when met). `totalShort`
    // is what the total lacks beyond the types' own shortfalls.
    int publicShortTenths = 0;
    int professionalShortTenths = 0;
    int electiveShortTenths = 0;
    int totalShortTenths = 0;
    bool passed = false;

    int year() const { return policy.year; }
    // All the hours still needed: the sum of the shortfalls.
    int missingTenths() const;
    // What is missing in words, one line per shortfall, in the current language:
    // "专业科目还差 4.5 学时" / "Professional subjects: 4.5 hours short". Empty when passed.
    QStringList missingInWords() const;
};

// Judges `year` under `policy` from `records` (records of other years are ignored).
// Without substitution a type passes on its own hours only, and the total must also reach the
// policy's total (a total above the sum of the types' minimums needs hours of any type). With
// substitution, surplus hours of any type make up the others' shortfalls, so only the total and
// the sum of the types' minimums count.
YearJudgement judgeYear(const YearPolicy &policy, const QList<CountedRecord> &records);

} // namespace xueshi

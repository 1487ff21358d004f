#pragma once

#include "policy.h"

#include <QDate>
#include <QList>

namespace xueshi {

// Which declaration years a public course may count toward (docs/sync.md "Public courses"): the
// years the course is offered that are the current year, or the previous year while the entry
// deadline for that year's hours (March 31) has not passed. Sorted newest first; the first is the
// default the client proposes. The client lists these in 修改申报年度 and the server checks them.
//
// The window of a year is policy data: the national policy of the year (of `policies`, else
// YearPolicy::defaults) says from when to when its hours may be entered (YearPolicy::isOpenOn).
// With the defaults this is the current year, and the previous one until March 31.
QList<int> declarableYears(const QList<int> &offeredYears, const QDate &todayInChina,
    const QList<YearPolicy> &policies = {});
bool isDeclarableYear(int year, const QList<int> &offeredYears, const QDate &todayInChina,
    const QList<YearPolicy> &policies = {});

} // namespace xueshi

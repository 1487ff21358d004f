#include "coursepolicy.h"

#include <algorithm>

namespace xueshi {

QList<int> declarableYears(
    const QList<int> &offeredYears, const QDate &todayInChina, const QList<YearPolicy> &policies)
{
    if (!todayInChina.isValid())
        return {};
    QList<int> years;
    for (const int year : offeredYears) {
        if (years.contains(year))
            continue;
        if (policyFor(year, QString(), policies).isOpenOn(todayInChina))
            years.append(year);
    }
    std::sort(years.begin(), years.end(), std::greater<int>());
    return years;
}

bool isDeclarableYear(int year, const QList<int> &offeredYears, const QDate &todayInChina,
    const QList<YearPolicy> &policies)
{
    return declarableYears(offeredYears, todayInChina, policies).contains(year);
}

} // namespace xueshi

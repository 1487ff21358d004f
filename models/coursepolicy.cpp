#include "coursepolicy.h"

#include <algorithm>

namespace xueshi {

QList<int> declarableYears(const QList<int> &offeredYears, const QDate &todayInChina)
{
    if (!todayInChina.isValid())
        return {};
    const int current = todayInChina.year();
    // Hours of a year may still be entered until the end of March of the next year.
    const bool previousStillOpen = todayInChina <= QDate(current, 3, 31);
    QList<int> years;
    for (const int year : offeredYears) {
        if ((year == current || (previousStillOpen && year == current - 1))
            && !years.contains(year))
            years.append(year);
    }
    std::sort(years.begin(), years.end(), std::greater<int>());
    return years;
}

bool isDeclarableYear(int year, const QList<int> &offeredYears, const QDate &todayInChina)
{
    return declarableYears(offeredYears, todayInChina).contains(year);
}

} // namespace xueshi

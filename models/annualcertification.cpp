#include "annualcertification.h"

#include <QCoreApplication>

#include <algorithm>

namespace xueshi {

bool HoursByType::add(const QString &subjectType, int tenths)
{
    if (subjectType == QLatin1String("public"))
        publicTenths += tenths;
    else if (subjectType == QLatin1String("professional"))
        professionalTenths += tenths;
    else if (subjectType == QLatin1String("elective"))
        electiveTenths += tenths;
    else
        return false;
    return true;
}

int YearJudgement::missingTenths() const
{
    return publicShortTenths + professionalShortTenths + electiveShortTenths + totalShortTenths;
}

QStringList YearJudgement::missingInWords() const
{
    QStringList lines;
    const auto line = [&lines](int tenths, const char *text) {
        if (tenths > 0)
            lines << QCoreApplication::translate("AnnualCertification", text)
                         .arg(formatTenths(tenths));
    };
    line(publicShortTenths,
        QT_TRANSLATE_NOOP("AnnualCertification", "Public subjects: %1 hours short"));
    line(professionalShortTenths,
        QT_TRANSLATE_NOOP("AnnualCertification", "Professional subjects: %1 hours short"));
    line(electiveShortTenths,
        QT_TRANSLATE_NOOP("AnnualCertification", "Elective subjects: %1 hours short"));
    line(totalShortTenths,
        QT_TRANSLATE_NOOP("AnnualCertification", "In total: %1 more hours of any type"));
    return lines;
}

YearJudgement judgeYear(const YearPolicy &policy, const QList<CountedRecord> &records)
{
    YearJudgement j;
    j.policy = policy;
    for (const CountedRecord &r : records) {
        if (r.year != policy.year || r.hoursTenths <= 0)
            continue;
        if (r.status == QLatin1String("confirmed")) {
            if (j.confirmed.add(r.subjectType, r.hoursTenths))
                ++j.confirmedRecords;
        } else if (r.status == QLatin1String("pending")) {
            if (j.pending.add(r.subjectType, r.hoursTenths))
                ++j.pendingRecords;
        }
    }
    const HoursByType &c = j.confirmed;
    int publicShort = std::max(0, policy.publicTenths - c.publicTenths);
    int professionalShort = std::max(0, policy.professionalTenths - c.professionalTenths);
    int electiveShort = std::max(0, policy.electiveTenths - c.electiveTenths);
    if (policy.substitution) {
        // Surplus of any type goes to the others' shortfalls, public first, then professional,
        // then elective (the order only decides which shortfall is named).
        int surplus = std::max(0, c.publicTenths - policy.publicTenths)
            + std::max(0, c.professionalTenths - policy.professionalTenths)
            + std::max(0, c.electiveTenths - policy.electiveTenths);
        for (int *shortfall : { &publicShort, &professionalShort, &electiveShort }) {
            const int used = std::min(surplus, *shortfall);
            *shortfall -= used;
            surplus -= used;
        }
    }
    j.publicShortTenths = publicShort;
    j.professionalShortTenths = professionalShort;
    j.electiveShortTenths = electiveShort;
    // The total's own shortfall: what the total lacks once the types' shortfalls are made up.
    const int typesShort = publicShort + professionalShort + electiveShort;
    j.totalShortTenths = std::max(0, policy.totalTenths - c.totalTenths() - typesShort);
    j.passed = j.missingTenths() == 0;
    return j;
}

} // namespace xueshi

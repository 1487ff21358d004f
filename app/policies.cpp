#include "policies.h"

#include "localstore.h"

namespace xueshi {

QList<YearPolicy> cachedPolicies(const LocalStore *store)
{
    QList<YearPolicy> policies;
    if (!store)
        return policies;
    for (const CachedEntity &e : store->entities(QStringLiteral("policy"))) {
        const YearPolicy p = YearPolicy::fromJson(e.data);
        if (p.year != 0)
            policies << p;
    }
    return policies;
}

QString cachedLearnerRegion(const LocalStore *store, const QString &learnerId)
{
    if (!store)
        return {};
    for (const CachedEntity &e : store->entities(QStringLiteral("binding"))) {
        if (e.data.value(QLatin1String("learnerId")).toString() == learnerId
            && e.data.value(QLatin1String("status")).toString() == QLatin1String("confirmed"))
            return e.data.value(QLatin1String("employerRegionCode")).toString();
    }
    return {};
}

YearPolicy cachedLearnerPolicy(const LocalStore *store, const QString &learnerId, int year)
{
    return policyFor(year, cachedLearnerRegion(store, learnerId), cachedPolicies(store));
}

} // namespace xueshi

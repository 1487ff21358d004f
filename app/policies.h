#pragma once

#include "policy.h"

#include <QList>
#include <QString>

namespace xueshi {

class LocalStore;

// The hours policies the last sync brought (entity "policy", national and regional).
QList<YearPolicy> cachedPolicies(const LocalStore *store);
// The region whose policy applies to a learner: that of the employer of their confirmed
// binding, from the cached bindings; empty when not bound.
QString cachedLearnerRegion(const LocalStore *store, const QString &learnerId);
// The policy of `year` for the learner, as the server chooses it (policyFor).
YearPolicy cachedLearnerPolicy(const LocalStore *store, const QString &learnerId, int year);

} // namespace xueshi

#pragma once

#include "policy.h"
#include "servicecontext.h"

#include <QList>
#include <QString>

namespace xueshi::server {

class BindingService;

// The hours policies (学时政策, docs/sync.md entity "policy"): per year a national row and the
// overrides of regions, as data the administrator edits (`xueshi-server admin policy`). Every
// change is published to everyone in the transaction that makes it, so clients judge a year with
// the same numbers as the server. The one place that reads the `policies` table.
class PolicyService final
{
public:
    PolicyService(ServiceContext &context, BindingService &bindings);

    // At start: publishes the rows whose version is not in the feed yet (the seeded years, the
    // rows a migration changed).
    void initialise();

    // The policy for a learner of `regionCode` (their confirmed employer's region, empty when
    // none) in `year`: the most specific row (models' policyFor), else YearPolicy::defaults(year).
    YearPolicy policyFor(int year, const QString &regionCode);
    // The policy for a learner in `year`, with the region of the employer that confirmed them.
    YearPolicy policyForLearner(int year, const QString &learnerId);
    // The region of the employer that confirmed the learner, empty when they are not bound.
    QString learnerRegion(const QString &learnerId);
    // Every row, national and regional, by year then region ("" first).
    QList<YearPolicy> all();
    // The national rows only: what decides the years a public course may count toward.
    QList<YearPolicy> national();

    // Creates or replaces the row of (year, regionCode): checks it (a year from 2000 to 2100;
    // hours 0 to 10,000 tenths with a total of at least 1; 1 to 240 tenths a training day; valid
    // dates with declarableFrom <= entryDeadline; the region empty or a 6-digit code of the region
    // table), then bumps its version and publishes it, in one transaction. Throws ApiError
    // (400 invalid_field naming the field).
    void set(const YearPolicy &policy);
    // Removes a region's override (a national row stays: a year always has one to fall back
    // on, and removing it would only bring back the defaults) and publishes the delete. Throws
    // ApiError (400 invalid_field for an empty region, 404 not_found when there is none).
    void remove(int year, const QString &regionCode);

    static constexpr int MaxTenths = 10000;
    static constexpr int MaxHoursPerDayTenths = 240;
    static constexpr int MinYear = 2000;
    static constexpr int MaxYear = 2100;

private:
    QList<YearPolicy> rows(const QString &where, const QVariantList &values);

    ServiceContext &m_context;
    BindingService &m_bindings;
};

} // namespace xueshi::server

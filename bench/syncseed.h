#pragma once

#include <QString>

namespace xueshi::server {
struct ServerOptions;
}

namespace xueshi::bench {

// What `xueshi-bench-sync seed` writes into a server's change log (after `admin load-demo`):
// the HR office of demo_employer and the noise around it, published through ChangeLog the way
// the services publish (bindings requested then confirmed, hour records, some of them pending
// before they were confirmed), in transactions of a few thousand entries.
struct SeedSize
{
    int staff = 10000; // demo_employer's confirmed bindings
    int records = 100000; // their hour records
    // Other employers' staff and records, public employers, courses and classes with their
    // enrolment history, scaled with `staff`.
    bool noise = true;
    // Hour records of people nobody in the benchmark logs in as (the learner case: 1,000,000).
    int otherChanges = 0;
};

// Deterministic ids, so a later run can publish new versions of the same entities.
QString staffLearnerId(int i);
QString staffBindingId(int i);
QString staffRecordId(int i);

// The JSON of one hour record as the server publishes it.
QString hourRecordJson(const QString &id, const QString &learnerId, int i, int version);

// Seeds; returns an empty string or the reason it failed.
QString seed(const server::ServerOptions &options, const SeedSize &size);

// Publishes `count` new versions of demo_employer's staff hour records (from `first`), or of the
// demo learner's own records (`learner`), in one transaction: the new changes of an incremental
// sync.
QString publishChanges(
    const server::ServerOptions &options, int count, int first, bool learner, int version);

} // namespace xueshi::bench

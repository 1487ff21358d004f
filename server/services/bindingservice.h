#pragma once

#include "servicecontext.h"

#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>

namespace xueshi::server {

class AccountService;

// Employer bindings (R4): a learner asks an employer to confirm who they are; the employer
// confirms or rejects with a reason; a confirmed binding fixes the learner's real name, resident
// id and employer, and unlocks studying. Changing employer is a new request; the history stays.
// States: pending -> confirmed | rejected | withdrawn; confirmed -> ended (when another
// employer confirms a later request). All changes run inside the caller's transaction (they are
// sync mutations) and publish the binding to the learner and to the employer's HR office.
class BindingService final
{
public:
    BindingService(ServiceContext &context, AccountService &accounts);

    // Mutation effects: return the sync result object ("applied" or "conflict") or throw ApiError.
    QJsonObject request(const AuthenticatedUser &caller, const QString &mutationId,
        const QString &bindingId, const QJsonObject &payload);
    QJsonObject withdraw(const AuthenticatedUser &caller, const QString &mutationId,
        const QString &bindingId, qint64 baseVersion);
    QJsonObject decide(const AuthenticatedUser &caller, const QString &mutationId,
        const QString &bindingId, qint64 baseVersion, bool confirm, const QJsonObject &payload);

    enum class Lock { None, Shared };
    // The lock order (docs/sync.md, "Locks"): the learner's users row first, then the rows of
    // what is written (the bindings before the rest), the change counter last. Whoever changes a
    // learner's bindings holds the learner's row for a non-key update (Lock::Exclusive); whoever
    // decides from them who may see a record holds it shared (Lock::Shared), so the audience is
    // read after any binding change in flight has committed. Both only on PostgreSQL (SQLite's
    // BEGIN IMMEDIATE serialises writers), and neither waits for an insert that merely references
    // the user (FOR NO KEY UPDATE and FOR SHARE leave foreign keys' KEY SHARE alone).
    enum class LearnerLock { Shared, Exclusive };
    void lockLearners(QStringList learnerIds, LearnerLock lock);
    // The employer a learner is confirmed with, if any. Publishers of the learner's records read
    // it with Lock::Shared.
    std::optional<QString> confirmedEmployer(const QString &learnerId, Lock lock = Lock::None);
    // Throws 403 study_locked until the learner's binding is confirmed: public courses, training
    // classes and self-declarations call this.
    void requireStudyAllowed(const AuthenticatedUser &caller);

    // Called (inside the transaction) when an employer confirms a learner: what the new HR office
    // may now see (the learner's hour records) is published to it.
    void setConfirmedHandler(std::function<void(const QString &learnerId)> handler)
    {
        m_onConfirmed = std::move(handler);
    }

    // Called (inside the transaction) when a binding ends because another employer confirmed
    // the learner: the former employer's HR office loses the learner's records.
    void setEndedHandler(
        std::function<void(const QString &learnerId, const QString &formerEmployerId)> handler)
    {
        m_onEnded = std::move(handler);
    }

    QJsonObject bindingJson(const QString &bindingId);
    // The learner's details as a binding shows them to the HR office.
    QJsonObject learnerDetails(const QString &learnerId);
    // Appends the binding's current state to the change log: in full to the learner, and to the
    // employer in full while the binding is open (pending or confirmed), else its name only
    // (employerView), withdrawing the earlier versions from the employer's feed.
    void publish(const QString &bindingId);
    // Republishes the learner's open and confirmed bindings, so the HR office sees the learner's
    // current details.
    void publishForLearner(const QString &learnerId);
    // After the learner changed details the HR office sees: the open bindings get a new version
    // (a decision on the old details becomes a conflict) and are republished.
    void learnerDetailsChanged(const QString &learnerId);

    static bool isOpen(const QString &status);
    static QJsonObject employerView(const QJsonObject &binding);

private:
    QJsonObject conflict(const QString &mutationId, const QString &bindingId);
    void setStatus(const QString &bindingId, const QString &status, const QVariant &reason);

    ServiceContext &m_context;
    AccountService &m_accounts;
    std::function<void(const QString &)> m_onConfirmed;
    std::function<void(const QString &, const QString &)> m_onEnded;
};

} // namespace xueshi::server

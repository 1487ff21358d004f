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

    // The employer a learner is confirmed with, if any.
    std::optional<QString> confirmedEmployer(const QString &learnerId);
    // Throws 403 study_locked until the learner's binding is confirmed: public courses, training
    // classes and self-declarations call this.
    void requireStudyAllowed(const AuthenticatedUser &caller);

    // Called (inside the transaction) when an employer confirms a learner: what the new HR office
    // may now see (the learner's hour records) is published to it.
    void setConfirmedHandler(std::function<void(const QString &learnerId)> handler)
    {
        m_onConfirmed = std::move(handler);
    }

    QJsonObject bindingJson(const QString &bindingId);
    // Appends the binding's current state to the change log (learner and employer audiences).
    void publish(const QString &bindingId);
    // Republishes the learner's open and confirmed bindings, after a profile change, so the HR
    // office sees the learner's current details.
    void publishForLearner(const QString &learnerId);

private:
    QJsonObject conflict(const QString &mutationId, const QString &bindingId);
    void setStatus(const QString &bindingId, const QString &status, const QVariant &reason);

    ServiceContext &m_context;
    AccountService &m_accounts;
    std::function<void(const QString &)> m_onConfirmed;
};

} // namespace xueshi::server

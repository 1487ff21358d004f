#pragma once

#include "servicecontext.h"

#include <QJsonObject>

namespace xueshi::server {

class AccountService;
class SyncService;

// The administrator's review of organisations (R1): employers and institutions register
// awaiting approval; an administrator approves them, or rejects them with a reason, from the
// administrator window (the organisation.approve / organisation.reject mutations, docs/sync.md)
// or the command line. A decision applies only to the version of the organisation the
// administrator saw.
class OrganisationService final
{
public:
    static constexpr int MaxReasonLength = 200;

    OrganisationService(ServiceContext &context, AccountService &accounts);
    void registerMutations(SyncService &sync);

private:
    QJsonObject decide(const AuthenticatedUser &caller, const QString &mutationId,
        const QString &target, qint64 baseVersion, bool approve, const QJsonObject &payload);
    QJsonObject conflict(const QString &mutationId, const QString &userId);

    ServiceContext &m_context;
    AccountService &m_accounts;
};

} // namespace xueshi::server

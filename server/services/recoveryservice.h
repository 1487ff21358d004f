#pragma once

#include "servicecontext.h"
#include "translations.h"

#include <QDateTime>
#include <QString>

namespace xueshi::server {

class AccountService;

// Account and password recovery (R2) with 6-digit verification codes: sent through the
// Notifier to the registered mobile or e-mail, valid 10 minutes, single use, 5 tries, at most one
// sent per account and purpose per minute. Codes are stored hashed.
class RecoveryService final
{
public:
    static constexpr qint64 CodeLifetimeSeconds = 10 * 60;
    static constexpr qint64 ResendIntervalSeconds = 60;
    static constexpr int MaxTries = 5;

    enum class Purpose { Username, Password };

    struct Started
    {
        QString requestId;
        QString channel;
        QString maskedDestination;
        QDateTime expiresAt;
    };

    RecoveryService(ServiceContext &context, AccountService &accounts);

    // The user is found by resident id (learners) or by credit code and role (organisations).
    Started startUsernameRecovery(const std::optional<QString> &residentId,
        const std::optional<QString> &creditCode, const std::optional<QString> &role,
        const std::optional<QString> &channel, Language language);
    QString finishUsernameRecovery(const QString &requestId, const QString &code);

    Started startPasswordRecovery(
        const QString &username, const std::optional<QString> &channel, Language language);
    void finishPasswordRecovery(
        const QString &requestId, const QString &code, const QString &newPassword);

private:
    Started issue(const QString &userId, Purpose purpose, const std::optional<QString> &channel,
        Language language);
    // Checks the code inside the caller's transaction; returns the user id. A wrong code counts a
    // try and is committed even though the call then throws.
    QString consume(const QString &requestId, const QString &code, Purpose purpose);

    ServiceContext &m_context;
    AccountService &m_accounts;
};

} // namespace xueshi::server

#pragma once

#include "servicecontext.h"
#include "translations.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QMutex>
#include <QString>

#include <optional>

namespace xueshi::server {

class AccountService;

// Account and password recovery (R2) with 6-digit verification codes: sent through the
// Notifier to the registered mobile or e-mail, valid 10 minutes, single use, 5 tries per code.
// The answer never says whether an account matched: a code is issued (and counted) for any
// well-formed identifier, and is sent only when an account with that address exists. Codes are
// stored hashed. Guessing is bounded per subject (purpose + identifier, that is per account and
// purpose) and per client address, over 24 hours (docs/api.md "Recovery").
class RecoveryService final
{
public:
    static constexpr qint64 CodeLifetimeSeconds = 10 * 60;
    static constexpr qint64 ResendIntervalSeconds = 60;
    static constexpr int MaxTries = 5;
    static constexpr qint64 CapWindowSeconds = 24 * 3600;
    static constexpr int MaxCodesPerSubject = 5; // per CapWindowSeconds
    static constexpr int MaxWrongCodesPerSubject = 10;
    static constexpr int MaxCodesPerAddress = 20;
    static constexpr int MaxWrongCodesPerAddress = 30;

    enum class Purpose { Username, Password };

    struct Started
    {
        QString requestId;
        QString channel; // as asked for; empty when the caller left the choice to the server
        QDateTime expiresAt;
    };

    RecoveryService(ServiceContext &context, AccountService &accounts);

    // The user is found by resident id (learners) or by credit code and role (organisations).
    Started startUsernameRecovery(const std::optional<QString> &residentId,
        const std::optional<QString> &creditCode, const std::optional<QString> &role,
        const std::optional<QString> &channel, Language language, const QHostAddress &peer);
    QString finishUsernameRecovery(
        const QString &requestId, const QString &code, const QHostAddress &peer);

    Started startPasswordRecovery(const QString &username, const std::optional<QString> &channel,
        Language language, const QHostAddress &peer);
    void finishPasswordRecovery(const QString &requestId, const QString &code,
        const QString &newPassword, const QHostAddress &peer);

private:
    Started issue(const QString &subject, const QString &userId, Purpose purpose,
        const std::optional<QString> &channel, Language language, const QString &client);
    struct Checked
    {
        QString userId; // empty: a wrong code, whose try the caller commits before refusing
        int triesLeft = 0;
    };
    // Checks the code inside the caller's transaction: spends one of its tries atomically (a
    // conditional UPDATE, so concurrent guesses can never spend more than MaxTries), refuses a
    // subject over its daily cap, and marks a right code used.
    Checked consume(
        const QString &requestId, const QString &code, Purpose purpose, const QString &client);
    // Inside the caller's transaction: waits for any other request from the same address or for
    // the same subject to finish, so the caps count exactly even across server processes.
    void serialise(const QString &client, const QString &subject);
    // Deletes what is older than every window, and has the notifier drop expired content.
    void purge(qint64 now);
    // A keyed digest of the purpose and identifier, so probed resident ids are not kept in a
    // form anyone could reverse.
    QString subjectKey(Purpose purpose, const QString &identifier);

    ServiceContext &m_context;
    AccountService &m_accounts;
    QMutex m_secretMutex;
    QByteArray m_secret;
};

} // namespace xueshi::server

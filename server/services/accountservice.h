#pragma once

#include "servicecontext.h"
#include "translations.h"
#include "validators.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>

namespace xueshi::server {

class JsonBody;

// Accounts (R1), sessions (R3) and password changes: registration with the shared validators,
// Argon2id passwords, opaque bearer tokens stored hashed, and the guards against password
// guessing (docs/api.md "POST /session"). A wrong password at login or at /me/password is a
// failure counted for the username, for the (username, address) pair and for the address:
// - five failures for a username within 15 minutes lock it for 15 minutes, and every new failure
//   while it is locked extends the lock;
// - while a username is locked, an address that failed against it within 15 minutes is refused;
//   an address that did not may try once it has waited one minute (its first attempt only starts
//   the wait), so attackers elsewhere cannot keep the owner out;
// - an address with 20 failures within 15 minutes (any usernames) may not try at all until the
//   oldest of them is 15 minutes old.
// Failures older than 15 minutes are deleted whenever a failure is recorded. Every write is one
// transaction.
class AccountService final
{
public:
    static constexpr int MaxFailedLogins = 5;
    static constexpr qint64 FailureWindowSeconds = 15 * 60;
    static constexpr qint64 LockSeconds = 15 * 60;
    static constexpr int MaxFailuresPerAddress = 20;
    static constexpr qint64 NewAddressDelaySeconds = 60;

    explicit AccountService(ServiceContext &context);

    QJsonObject registerLearner(const JsonBody &body);
    QJsonObject registerOrganisation(Role role, const JsonBody &body);

    struct LoginResult
    {
        QString token;
        QDateTime expiresAt;
        QJsonObject user;
    };
    // `peer` is the client's address (per-address limits).
    LoginResult login(const QString &username, const QString &password, const QHostAddress &peer);
    void logout(const AuthenticatedUser &user);
    // Throws 401 unauthorized / token_expired.
    AuthenticatedUser authenticate(const QByteArray &authorizationHeader);
    // A wrong current password counts as a failed login of the user's username from `peer`.
    void changePassword(const AuthenticatedUser &user, const QString &currentPassword,
        const QString &newPassword, const QHostAddress &peer);

    // The account as its owner sees it; throws 404 for an unknown id.
    QJsonObject userJson(const QString &userId);
    QJsonObject userForCaller(const AuthenticatedUser &caller, const QString &userId);

    // Administrator decisions on an organisation (R1). The command line approves by username;
    // the administrator window decides through the organisation.* mutations.
    bool approveOrganisation(const QString &username, Role role, QString *error);
    bool approveInstitution(const QString &username, QString *error)
    {
        return approveOrganisation(username, Role::Institution, error);
    }
    // Inside the caller's transaction: approves or rejects (with `reason`) an organisation still
    // awaiting approval, and publishes it. False with *error when it was decided before (approving
    // an approved one again is true: nothing changes).
    bool decideOrganisation(
        const QString &userId, bool approve, const QString &reason, QString *error);
    bool rejectOrganisation(const QString &username, const QString &reason, QString *error);
    QList<QJsonObject> listPendingOrganisations();
    // An administrator account (administrators do not register themselves).
    bool createAdministrator(const QString &username, const QString &password, QString *error,
        const QString &displayName = {});
    QList<QJsonObject> listUsers(const QString &roleFilter);

    // Shared by recovery, inside its transaction: a new password hash for a user, revoking every
    // token and clearing the lockout.
    void resetPassword(const QString &userId, const QByteArray &newPasswordHash);
    static QString usernameKey(const QString &username) { return username.trimmed().toLower(); }
    // Inside the caller's transaction: appends the account's current state to the change log
    // (its own profile; for an employer also its public directory entry).
    void publishAccount(const QString &userId);
    // Throws 409 resident_id_taken when another learner (not `exceptUserId`) has this id.
    void requireResidentIdFree(const QString &residentId, const QString &exceptUserId = {});

private:
    QString createUser(const QString &username, const QByteArray &passwordHash, Role role,
        const QString &status, const QString &displayName);
    // Throws 429 when the address may not try any password now, and 423 when it may not try
    // this username (locked, or a new address still waiting); a new address's first attempt
    // starts its wait.
    void requireMayTryPassword(const QString &key, const QString &client);
    // Counts a wrong password; true when the username is now locked for this address.
    bool recordFailure(const QString &key, const QString &client, qint64 now);
    void forgetFailures(const QString &key, const QString &client);

    ServiceContext &m_context;
};

// The key an address is counted under: IPv4 (also IPv4-mapped IPv6) as is, IPv6 by its /64
// prefix, since one subscriber commonly holds a whole /64.
QString clientKey(const QHostAddress &address);

// Random opaque tokens and their stored form.
namespace tokens {
QString generate(); // "xs_" + 43 characters of base64url (256 bits)
QByteArray hash(const QString &token); // hex SHA-256
} // namespace tokens

// Throws the ApiError for a failed validator, naming the field.
void requireValid(const ValidationResult &result, const QString &field);

} // namespace xueshi::server

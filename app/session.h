#pragma once

#include "apiclient.h"
#include "user.h"

#include <QDateTime>
#include <QObject>

namespace xueshi {

// What a learner enters to register (POST /accounts/learners).
struct LearnerRegistration
{
    QString username;
    QString password;
    QString realName;
    QString residentId;
    QString mobile;
    QString email; // optional

    QJsonObject toJson() const;
};

// What an employer or institution enters to register (POST /accounts/employers|institutions).
struct OrganisationRegistration
{
    Role role = Role::Employer;
    QString username;
    QString password;
    QString name;
    QString creditCode;
    QString regionCode;
    QString contactPerson;
    QString phone;
    QString email; // optional

    QJsonObject toJson() const;
};

// Where a verification code went (the answer to a recovery request).
struct RecoveryTicket
{
    QString requestId;
    QString channel; // "mobile" or "email"
    QString destination; // masked: "138****5678"
    QDateTime expiresAt;

    static RecoveryTicket fromJson(const QJsonObject &object);
};

// The user's session with the server: logging in and out, the current user, and the account calls
// that need no session (registration, recovery). The token lives in memory only.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    using Callback = ApiClient::Callback;

    explicit Session(ApiClient *api, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }
    bool isLoggedIn() const { return !m_token.isEmpty(); }
    const User &user() const { return m_user; }
    QDateTime expiresAt() const { return m_expiresAt; }

    // POST /session; on success the session holds the token and user and emits loggedIn()
    // before the callback runs.
    void login(const QString &username, const QString &password, const QObject *context,
        Callback callback);
    // Revokes the token on the server (best effort) and forgets it at once; emits loggedOut().
    void logout();
    // GET /me: refreshes user() and emits userChanged().
    void refreshUser(const QObject *context, Callback callback);
    void changePassword(const QString &currentPassword, const QString &newPassword,
        const QObject *context, Callback callback);

    void registerLearner(
        const LearnerRegistration &registration, const QObject *context, Callback callback);
    void registerOrganisation(
        const OrganisationRegistration &registration, const QObject *context, Callback callback);

    // Recovery (R2). `channel` is "mobile", "email" or empty (the server picks).
    void requestUsernameByResidentId(const QString &residentId, const QString &channel,
        const QObject *context, Callback callback);
    void requestUsernameByCreditCode(const QString &creditCode, Role role, const QString &channel,
        const QObject *context, Callback callback);
    void verifyUsernameRecovery(
        const QString &requestId, const QString &code, const QObject *context, Callback callback);
    void requestPasswordReset(
        const QString &username, const QString &channel, const QObject *context, Callback callback);
    void resetPassword(const QString &requestId, const QString &code, const QString &newPassword,
        const QObject *context, Callback callback);

signals:
    void loggedIn(const xueshi::User &user);
    void loggedOut();
    // The server no longer accepts the token (expired or revoked); the session is closed.
    void sessionExpired(const QString &message);
    void userChanged(const xueshi::User &user);

private:
    void clear();

    ApiClient *m_api;
    QString m_token;
    QDateTime m_expiresAt;
    User m_user;
};

} // namespace xueshi

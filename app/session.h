#pragma once

#include "apiclient.h"
#include "user.h"

#include <QDateTime>
#include <QObject>

namespace xueshi {

class OfflineCredentials;
class TokenStore;

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
// that need no session (registration, recovery). With OfflineCredentials, a login that fails for
// want of a network opens an offline session when the password matches this computer's verifier
// of the last online login (R9); with a TokenStore, the token is kept (keychain or private file)
// and deleted at logout. Without them the session is online only and the token lives in memory.
class Session final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Session)

public:
    using Callback = ApiClient::Callback;

    explicit Session(ApiClient *api, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }
    // Both optional (null: not used) and must outlive the session.
    void setOfflineCredentials(OfflineCredentials *credentials);
    OfflineCredentials *offlineCredentials() const { return m_offlineCredentials; }
    void setTokenStore(TokenStore *tokens);
    TokenStore *tokenStore() const { return m_tokenStore; }

    bool isLoggedIn() const { return !m_token.isEmpty() || m_offline; }
    // Logged in offline: user() is the snapshot of the last online login on this computer, at
    // lastOnlineLogin(); the token, if one was kept, is used when the network returns. The UI
    // shows "离线模式". A successful refreshUser() ends offline mode.
    bool isOffline() const { return m_offline; }
    QDateTime lastOnlineLogin() const { return m_lastOnlineLogin; }
    // "host:port" of the server of the current session.
    QString serverKey() const { return m_server; }
    const User &user() const { return m_user; }
    QDateTime expiresAt() const { return m_expiresAt; }

    // POST /session; on success the session holds the token and user and emits loggedIn()
    // before the callback runs, keeps the token and renews the offline verifier. When the server
    // cannot be reached and this user logged in online here before, the password is checked
    // offline: a match opens an offline session (offlineModeChanged(true), loggedIn(), then the
    // callback with a result whose body has "offline": true); a wrong password answers
    // invalid_credentials, too many account_locked (retryAfterSeconds), as the server would.
    void login(const QString &username, const QString &password, const QObject *context,
        Callback callback);
    // Revokes the token on the server (best effort), forgets it at once and deletes the kept
    // token; emits loggedOut(). The offline verifier stays, so the user can log in offline again.
    void logout();
    // Removes what this computer keeps for `username` on this server (the current user when
    // empty): the offline login verifier and the kept token.
    void forgetThisComputer(const QString &username = {});
    // GET /me: refreshes user() and emits userChanged().
    void refreshUser(const QObject *context, Callback callback);
    // The account as the sync feed last delivered it (its own "profile" entity): an approval, a
    // rejection or an edit made elsewhere reaches the open window without logging in again.
    void adoptSyncedUser(const QJsonObject &userJson);
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
    void offlineModeChanged(bool offline);

private:
    void clear();
    void forgetAccount(const QString &server, const QString &username);
    void loginOffline(const QString &server, const QString &username, const QString &password,
        const ApiResult &networkFailure, Callback callback);

    ApiClient *m_api;
    OfflineCredentials *m_offlineCredentials = nullptr;
    TokenStore *m_tokenStore = nullptr;
    QString m_server; // serverKey() at login
    QString m_token;
    QDateTime m_expiresAt;
    User m_user;
    QJsonObject m_userJson; // the API's User object, kept for the offline snapshot
    bool m_offline = false;
    QDateTime m_lastOnlineLogin;
    quint64 m_attempt = 0; // bumped by clear(): late offline answers of an old login are dropped
    QString m_resetServer; // the account of the pending password reset
    QString m_resetUsername;
};

} // namespace xueshi

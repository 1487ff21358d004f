#include "session.h"

#include "offlinecredentials.h"
#include "tokenstore.h"

#include <QPointer>

namespace xueshi {

namespace {

void insertOptional(QJsonObject &object, const QString &key, const QString &value)
{
    if (!value.trimmed().isEmpty())
        object.insert(key, value.trimmed());
}

// The session must see every answer that changes its state, even when the caller's context is
// gone; the caller's callback runs only while its context lives.
ApiClient::Callback guarded(const QObject *context, ApiClient::Callback callback)
{
    return [guard = QPointer<const QObject>(context), hasContext = context != nullptr,
               callback = std::move(callback)](const ApiResult &result) {
        if (callback && (!hasContext || guard))
            callback(result);
    };
}

} // namespace

QJsonObject LearnerRegistration::toJson() const
{
    QJsonObject object {
        { QStringLiteral("username"), username.trimmed() },
        { QStringLiteral("password"), password },
        { QStringLiteral("realName"), realName.trimmed() },
        { QStringLiteral("residentId"), residentId.trimmed() },
        { QStringLiteral("mobile"), mobile.trimmed() },
    };
    insertOptional(object, QStringLiteral("email"), email);
    return object;
}

QJsonObject OrganisationRegistration::toJson() const
{
    QJsonObject object {
        { QStringLiteral("username"), username.trimmed() },
        { QStringLiteral("password"), password },
        { QStringLiteral("name"), name.trimmed() },
        { QStringLiteral("creditCode"), creditCode.trimmed() },
        { QStringLiteral("regionCode"), regionCode },
        { QStringLiteral("contactPerson"), contactPerson.trimmed() },
        { QStringLiteral("phone"), phone.trimmed() },
    };
    insertOptional(object, QStringLiteral("email"), email);
    return object;
}

RecoveryTicket RecoveryTicket::fromJson(const QJsonObject &object)
{
    return RecoveryTicket {
        object.value(QLatin1String("requestId")).toString(),
        object.value(QLatin1String("channel")).toString(),
        object.value(QLatin1String("destination")).toString(),
        QDateTime::fromString(
            object.value(QLatin1String("expiresAt")).toString(), Qt::ISODateWithMs),
    };
}

Session::Session(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    connect(m_api, &ApiClient::unauthorized, this, [this](const ApiError &error) {
        if (!isLoggedIn())
            return;
        if (m_tokenStore && !m_user.username.isEmpty())
            m_tokenStore->remove(m_server, m_user.username); // the server no longer takes it
        clear();
        emit sessionExpired(error.message);
    });
}

void Session::setOfflineCredentials(OfflineCredentials *credentials)
{
    m_offlineCredentials = credentials;
}

void Session::setTokenStore(TokenStore *tokens)
{
    m_tokenStore = tokens;
}

void Session::login(
    const QString &username, const QString &password, const QObject *context, Callback callback)
{
    clear();
    const QString server = m_api->serverKey();
    const QJsonObject body { { QStringLiteral("username"), username.trimmed() },
        { QStringLiteral("password"), password } };
    m_api->post(QStringLiteral("/session"), body, this,
        [this, server, username = username.trimmed(), password,
            callback = guarded(context, std::move(callback))](const ApiResult &answer) {
            ApiResult result = answer;
            if (!result.ok() && result.error.kind == ApiError::Kind::Network && m_offlineCredentials
                && m_offlineCredentials->contains(server, username)) {
                loginOffline(server, username, password, result, callback);
                return;
            }
            if (result.ok()) {
                const QString token = result.body.value(QLatin1String("token")).toString();
                const QJsonObject userJson = result.body.value(QLatin1String("user")).toObject();
                const User user = User::fromJson(userJson);
                if (token.isEmpty() || !user.isValid()) {
                    result.error.kind = ApiError::Kind::Protocol;
                    result.error.code = QStringLiteral("invalid_response");
                    result.error.message = tr("The server's answer to the login is incomplete.");
                } else {
                    m_token = token;
                    m_expiresAt = QDateTime::fromString(
                        result.body.value(QLatin1String("expiresAt")).toString(),
                        Qt::ISODateWithMs);
                    m_user = user;
                    m_userJson = userJson;
                    m_server = server;
                    m_lastOnlineLogin = QDateTime::currentDateTimeUtc();
                    m_api->setBearerToken(token);
                    if (m_tokenStore)
                        m_tokenStore->store(server, user.username, token);
                    if (m_offlineCredentials)
                        m_offlineCredentials->remember(server, user.username, password, userJson);
                    emit loggedIn(m_user);
                }
            }
            if (callback)
                callback(result);
        });
}

void Session::loginOffline(const QString &server, const QString &username, const QString &password,
    const ApiResult &networkFailure, Callback callback)
{
    const quint64 attempt = m_attempt;
    m_offlineCredentials->verify(server, username, password, this,
        [this, attempt, server, networkFailure, callback](const OfflineVerdict &verdict) {
            if (attempt != m_attempt)
                return; // logged out, or another login started meanwhile
            if (verdict.result == OfflineVerdict::Result::WrongPassword
                || verdict.result == OfflineVerdict::Result::LockedOut) {
                // Answered like the server would, so the login window needs no offline case.
                const bool locked = verdict.result == OfflineVerdict::Result::LockedOut;
                QJsonObject object {
                    { QStringLiteral("code"),
                        locked ? QStringLiteral("account_locked")
                               : QStringLiteral("invalid_credentials") },
                    { QStringLiteral("message"), verdict.message },
                    { QStringLiteral("offline"), true },
                };
                if (locked)
                    object.insert(QStringLiteral("retryAfterSeconds"), verdict.retryAfterSeconds);
                else
                    object.insert(QStringLiteral("triesLeft"), verdict.triesLeft);
                ApiResult result;
                result.error = ApiError::fromJson(0, object);
                if (callback)
                    callback(result);
                return;
            }
            const User user = User::fromJson(verdict.account.user);
            if (!verdict.accepted() || !user.isValid()) {
                if (callback)
                    callback(networkFailure);
                return;
            }
            const auto open = [this, attempt, server, user, account = verdict.account, callback](
                                  const QString &token) {
                if (attempt != m_attempt)
                    return;
                m_server = server;
                m_user = user;
                m_userJson = account.user;
                m_lastOnlineLogin = account.lastOnlineLogin;
                m_offline = true;
                m_token = token;
                m_api->setBearerToken(token);
                emit offlineModeChanged(true);
                emit loggedIn(m_user);
                ApiResult result;
                result.body = QJsonObject {
                    { QStringLiteral("user"), account.user },
                    { QStringLiteral("offline"), true },
                    { QStringLiteral("lastOnlineLogin"),
                        account.lastOnlineLogin.toString(Qt::ISODateWithMs) },
                };
                if (callback)
                    callback(result);
            };
            // The kept token, if any, lets the sync work as soon as the network returns.
            if (m_tokenStore)
                m_tokenStore->load(server, user.username, this, open);
            else
                open({});
        });
}

void Session::logout()
{
    if (!isLoggedIn())
        return;
    // The request carries the token; the session forgets it at once, whatever the answer.
    if (!m_token.isEmpty())
        m_api->deleteResource(QStringLiteral("/session"), nullptr, {});
    if (m_tokenStore)
        m_tokenStore->remove(m_server, m_user.username);
    clear();
    emit loggedOut();
}

void Session::forgetThisComputer(const QString &username)
{
    const QString name = username.isEmpty() ? m_user.username : username;
    forgetAccount(isLoggedIn() ? m_server : m_api->serverKey(), name);
}

void Session::forgetAccount(const QString &server, const QString &username)
{
    if (username.isEmpty())
        return;
    if (m_offlineCredentials)
        m_offlineCredentials->forget(server, username);
    if (m_tokenStore)
        m_tokenStore->remove(server, username);
}

void Session::refreshUser(const QObject *context, Callback callback)
{
    m_api->get(QStringLiteral("/me"), this,
        [this, callback = guarded(context, std::move(callback))](const ApiResult &result) {
            if (result.ok()) {
                const User user
                    = User::fromJson(result.body.value(QLatin1String("user")).toObject());
                if (user.isValid() && isLoggedIn()) {
                    m_user = user;
                    m_userJson = result.body.value(QLatin1String("user")).toObject();
                    if (m_offlineCredentials)
                        m_offlineCredentials->updateUser(m_server, m_user.username, m_userJson);
                    if (m_offline) {
                        // The kept token works: the server is back.
                        m_offline = false;
                        emit offlineModeChanged(false);
                    }
                    emit userChanged(m_user);
                }
            }
            if (callback)
                callback(result);
        });
}

void Session::adoptSyncedUser(const QJsonObject &userJson)
{
    const User user = User::fromJson(userJson);
    if (!user.isValid() || !isLoggedIn() || user.id != m_user.id || userJson == m_userJson)
        return;
    m_user = user;
    m_userJson = userJson;
    if (m_offlineCredentials)
        m_offlineCredentials->updateUser(m_server, m_user.username, m_userJson);
    emit userChanged(m_user);
}

void Session::changePassword(const QString &currentPassword, const QString &newPassword,
    const QObject *context, Callback callback)
{
    const QJsonObject body { { QStringLiteral("currentPassword"), currentPassword },
        { QStringLiteral("newPassword"), newPassword } };
    m_api->post(QStringLiteral("/me/password"), body, this,
        [this, newPassword, callback = guarded(context, std::move(callback))](
            const ApiResult &result) {
            // The old password must no longer open the offline session.
            if (result.ok() && isLoggedIn() && m_offlineCredentials)
                m_offlineCredentials->remember(m_server, m_user.username, newPassword, m_userJson);
            if (callback)
                callback(result);
        });
}

void Session::registerLearner(
    const LearnerRegistration &registration, const QObject *context, Callback callback)
{
    m_api->post(
        QStringLiteral("/accounts/learners"), registration.toJson(), context, std::move(callback));
}

void Session::registerOrganisation(
    const OrganisationRegistration &registration, const QObject *context, Callback callback)
{
    const QString path = registration.role == Role::Institution
        ? QStringLiteral("/accounts/institutions")
        : QStringLiteral("/accounts/employers");
    m_api->post(path, registration.toJson(), context, std::move(callback));
}

void Session::requestUsernameByResidentId(
    const QString &residentId, const QString &channel, const QObject *context, Callback callback)
{
    QJsonObject body { { QStringLiteral("residentId"), residentId.trimmed() } };
    insertOptional(body, QStringLiteral("channel"), channel);
    m_api->post(QStringLiteral("/recovery/username"), body, context, std::move(callback));
}

void Session::requestUsernameByCreditCode(const QString &creditCode, Role role,
    const QString &channel, const QObject *context, Callback callback)
{
    QJsonObject body { { QStringLiteral("creditCode"), creditCode.trimmed() },
        { QStringLiteral("role"), roleToString(role) } };
    insertOptional(body, QStringLiteral("channel"), channel);
    m_api->post(QStringLiteral("/recovery/username"), body, context, std::move(callback));
}

void Session::verifyUsernameRecovery(
    const QString &requestId, const QString &code, const QObject *context, Callback callback)
{
    const QJsonObject body { { QStringLiteral("requestId"), requestId },
        { QStringLiteral("code"), code.trimmed() } };
    m_api->post(QStringLiteral("/recovery/username/verify"), body, context, std::move(callback));
}

void Session::requestPasswordReset(
    const QString &username, const QString &channel, const QObject *context, Callback callback)
{
    QJsonObject body { { QStringLiteral("username"), username.trimmed() } };
    insertOptional(body, QStringLiteral("channel"), channel);
    m_resetServer = m_api->serverKey();
    m_resetUsername = username.trimmed();
    m_api->post(QStringLiteral("/recovery/password"), body, context, std::move(callback));
}

void Session::resetPassword(const QString &requestId, const QString &code,
    const QString &newPassword, const QObject *context, Callback callback)
{
    const QJsonObject body { { QStringLiteral("requestId"), requestId },
        { QStringLiteral("code"), code.trimmed() },
        { QStringLiteral("newPassword"), newPassword } };
    m_api->post(QStringLiteral("/recovery/password/reset"), body, this,
        [this, callback = guarded(context, std::move(callback))](const ApiResult &result) {
            // The server revoked every token and the old password is void: this computer keeps
            // neither until the next online login.
            if (result.ok())
                forgetAccount(m_resetServer, m_resetUsername);
            if (callback)
                callback(result);
        });
}

void Session::clear()
{
    ++m_attempt;
    const bool wasOffline = m_offline;
    m_token.clear();
    m_expiresAt = {};
    m_user = {};
    m_userJson = {};
    m_offline = false;
    m_lastOnlineLogin = {};
    m_api->setBearerToken({});
    if (wasOffline)
        emit offlineModeChanged(false);
}

} // namespace xueshi

#include "session.h"

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
        clear();
        emit sessionExpired(error.message);
    });
}

void Session::login(
    const QString &username, const QString &password, const QObject *context, Callback callback)
{
    clear();
    const QJsonObject body { { QStringLiteral("username"), username.trimmed() },
        { QStringLiteral("password"), password } };
    m_api->post(QStringLiteral("/session"), body, this,
        [this, callback = guarded(context, std::move(callback))](const ApiResult &answer) {
            ApiResult result = answer;
            if (result.ok()) {
                const QString token = result.body.value(QLatin1String("token")).toString();
                const User user
                    = User::fromJson(result.body.value(QLatin1String("user")).toObject());
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
                    m_api->setBearerToken(token);
                    emit loggedIn(m_user);
                }
            }
            if (callback)
                callback(result);
        });
}

void Session::logout()
{
    if (!isLoggedIn())
        return;
    // The request carries the token; the session forgets it at once, whatever the answer.
    m_api->deleteResource(QStringLiteral("/session"), nullptr, {});
    clear();
    emit loggedOut();
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
                    emit userChanged(m_user);
                }
            }
            if (callback)
                callback(result);
        });
}

void Session::changePassword(const QString &currentPassword, const QString &newPassword,
    const QObject *context, Callback callback)
{
    const QJsonObject body { { QStringLiteral("currentPassword"), currentPassword },
        { QStringLiteral("newPassword"), newPassword } };
    m_api->post(QStringLiteral("/me/password"), body, context, std::move(callback));
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
    m_api->post(QStringLiteral("/recovery/password"), body, context, std::move(callback));
}

void Session::resetPassword(const QString &requestId, const QString &code,
    const QString &newPassword, const QObject *context, Callback callback)
{
    const QJsonObject body { { QStringLiteral("requestId"), requestId },
        { QStringLiteral("code"), code.trimmed() },
        { QStringLiteral("newPassword"), newPassword } };
    m_api->post(QStringLiteral("/recovery/password/reset"), body, context, std::move(callback));
}

void Session::clear()
{
    m_token.clear();
    m_expiresAt = {};
    m_user = {};
    m_api->setBearerToken({});
}

} // namespace xueshi

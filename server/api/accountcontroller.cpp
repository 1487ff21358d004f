#include "controllers.h"
#include "core/apierror.h"
#include "core/jsonbody.h"
#include "errorcodes.h"
#include "router.h"
#include "services/accountservice.h"
#include "storage/database.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHealth, "xueshi.server.health", QtWarningMsg)

namespace xueshi::server {

namespace {

namespace ec = xueshi::errorcode;

using Access = Router::Access;
using Lane = Router::Lane;

QJsonObject userEnvelope(const QJsonObject &user)
{
    return QJsonObject { { QStringLiteral("user"), user } };
}

} // namespace

QHostAddress clientAddress(const HttpRequest &request)
{
    if (!request.peer.isLoopback())
        return request.peer;
    const QByteArray forwarded = request.header("x-forwarded-for");
    if (forwarded.isEmpty())
        return request.peer;
    const QHostAddress last(QString::fromLatin1(forwarded.split(',').last().trimmed()));
    return last.isNull() ? request.peer : last;
}

void addHealthRoutes(Router &router, Database &database)
{
    router.add("GET", QStringLiteral("/api/v1/health"), Access::Public, Lane::Normal,
        [&database](Router::Context &) {
            // A process that cannot reach the database is of no use to a client: 503, so a load
            // balancer (nginx's proxy_next_upstream http_503) or a monitor moves on.
            try {
                database.ping();
            } catch (const DatabaseError &e) {
                qCWarning(lcHealth, "health check: the database does not answer: %s", e.what());
                throw ApiError(503, ec::DatabaseUnavailable, "Server",
                    QT_TRANSLATE_NOOP(
                        "Server", "The server cannot reach its database. Please try again later."));
            }
            return HttpResponse::json(200,
                QJsonObject { { QStringLiteral("status"), QStringLiteral("ok") },
                    { QStringLiteral("version"), QStringLiteral(XUESHI_VERSION) },
                    { QStringLiteral("time"),
                        QDateTime::currentDateTimeUtc().toString(Qt::ISODate) } });
        });
}

void addAccountRoutes(Router &router, AccountService &accounts)
{
    const auto learnerFields = QSet<QString> { QStringLiteral("username"),
        QStringLiteral("password"), QStringLiteral("realName"), QStringLiteral("residentId"),
        QStringLiteral("mobile"), QStringLiteral("email") };
    router.add("POST", QStringLiteral("/api/v1/accounts/learners"), Access::Public, Lane::Password,
        [&accounts, learnerFields](Router::Context &c) {
            const JsonBody body(c.request.body, learnerFields);
            return HttpResponse::json(201, userEnvelope(accounts.registerLearner(body)));
        });

    const auto organisationFields
        = QSet<QString> { QStringLiteral("username"), QStringLiteral("password"),
              QStringLiteral("name"), QStringLiteral("creditCode"), QStringLiteral("regionCode"),
              QStringLiteral("contactPerson"), QStringLiteral("phone"), QStringLiteral("email") };
    for (const Role role : { Role::Employer, Role::Institution }) {
        const QString path = role == Role::Employer
            ? QStringLiteral("/api/v1/accounts/employers")
            : QStringLiteral("/api/v1/accounts/institutions");
        router.add("POST", path, Access::Public, Lane::Password,
            [&accounts, organisationFields, role](Router::Context &c) {
                const JsonBody body(c.request.body, organisationFields);
                return HttpResponse::json(
                    201, userEnvelope(accounts.registerOrganisation(role, body)));
            });
    }

    router.add("POST", QStringLiteral("/api/v1/session"), Access::Public, Lane::Password,
        [&accounts](Router::Context &c) {
            const JsonBody body(
                c.request.body, { QStringLiteral("username"), QStringLiteral("password") });
            const AccountService::LoginResult r
                = accounts.login(body.requiredString(QStringLiteral("username")),
                    body.requiredSecret(QStringLiteral("password")), clientAddress(c.request));
            HttpResponse response = HttpResponse::json(200,
                QJsonObject { { QStringLiteral("token"), r.token },
                    { QStringLiteral("expiresAt"), r.expiresAt.toString(Qt::ISODate) },
                    { QStringLiteral("user"), r.user } });
            response.carriesSecret = true; // never compressed (docs/security.md)
            return response;
        });

    router.add("DELETE", QStringLiteral("/api/v1/session"), Access::User, Lane::Normal,
        [&accounts](Router::Context &c) {
            accounts.logout(c.caller());
            return Router::noContent();
        });

    router.add("GET", QStringLiteral("/api/v1/me"), Access::User, Lane::Normal,
        [&accounts](Router::Context &c) {
            return HttpResponse::json(200, userEnvelope(accounts.userJson(c.caller().id)));
        });

    router.add("GET", QStringLiteral("/api/v1/users/{id}"), Access::User, Lane::Normal,
        [&accounts](Router::Context &c) {
            return HttpResponse::json(200,
                userEnvelope(accounts.userForCaller(c.caller(), c.param(QStringLiteral("id")))));
        });

    router.add("POST", QStringLiteral("/api/v1/me/password"), Access::User, Lane::Password,
        [&accounts](Router::Context &c) {
            const JsonBody body(c.request.body,
                { QStringLiteral("currentPassword"), QStringLiteral("newPassword") });
            accounts.changePassword(c.caller(),
                body.requiredSecret(QStringLiteral("currentPassword")),
                body.requiredSecret(QStringLiteral("newPassword")), clientAddress(c.request));
            return Router::noContent();
        });
}

} // namespace xueshi::server

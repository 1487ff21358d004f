#include "controllers.h"
#include "core/jsonbody.h"
#include "router.h"
#include "services/recoveryservice.h"

namespace xueshi::server {

namespace {

using Access = Router::Access;
using Lane = Router::Lane;

// The same whether or not an account matched: no destination, not even masked.
HttpResponse startedResponse(const RecoveryService::Started &s)
{
    return HttpResponse::json(202,
        QJsonObject { { QStringLiteral("requestId"), s.requestId },
            { QStringLiteral("channel"),
                s.channel.isEmpty() ? QJsonValue() : QJsonValue(s.channel) },
            { QStringLiteral("expiresAt"), s.expiresAt.toString(Qt::ISODate) } });
}

} // namespace

void addRecoveryRoutes(Router &router, RecoveryService &recovery)
{
    router.add("POST", QStringLiteral("/api/v1/recovery/username"), Access::Public, Lane::Normal,
        [&recovery](Router::Context &c) {
            const JsonBody body(c.request.body,
                { QStringLiteral("residentId"), QStringLiteral("creditCode"),
                    QStringLiteral("role"), QStringLiteral("channel") });
            return startedResponse(
                recovery.startUsernameRecovery(body.optionalString(QStringLiteral("residentId")),
                    body.optionalString(QStringLiteral("creditCode")),
                    body.optionalString(QStringLiteral("role")),
                    body.optionalString(QStringLiteral("channel")), c.language,
                    clientAddress(c.request)));
        });

    router.add("POST", QStringLiteral("/api/v1/recovery/username/verify"), Access::Public,
        Lane::Normal, [&recovery](Router::Context &c) {
            const JsonBody body(
                c.request.body, { QStringLiteral("requestId"), QStringLiteral("code") });
            const QString username
                = recovery.finishUsernameRecovery(body.requiredString(QStringLiteral("requestId")),
                    body.requiredString(QStringLiteral("code")), clientAddress(c.request));
            return HttpResponse::json(
                200, QJsonObject { { QStringLiteral("username"), username } });
        });

    router.add("POST", QStringLiteral("/api/v1/recovery/password"), Access::Public, Lane::Normal,
        [&recovery](Router::Context &c) {
            const JsonBody body(
                c.request.body, { QStringLiteral("username"), QStringLiteral("channel") });
            return startedResponse(
                recovery.startPasswordRecovery(body.requiredString(QStringLiteral("username")),
                    body.optionalString(QStringLiteral("channel")), c.language,
                    clientAddress(c.request)));
        });

    router.add("POST", QStringLiteral("/api/v1/recovery/password/reset"), Access::Public,
        Lane::Password, [&recovery](Router::Context &c) {
            const JsonBody body(c.request.body,
                { QStringLiteral("requestId"), QStringLiteral("code"),
                    QStringLiteral("newPassword") });
            recovery.finishPasswordRecovery(body.requiredString(QStringLiteral("requestId")),
                body.requiredString(QStringLiteral("code")),
                body.requiredSecret(QStringLiteral("newPassword")), clientAddress(c.request));
            return Router::noContent();
        });
}

} // namespace xueshi::server

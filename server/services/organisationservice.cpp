#include "organisationservice.h"

#include "accountservice.h"
#include "core/apierror.h"
#include "errorcodes.h"
#include "storage/database.h"
#include "sync/syncservice.h"

namespace xueshi::server {

namespace ec = xueshi::errorcode;

OrganisationService::OrganisationService(ServiceContext &context, AccountService &accounts)
    : m_context(context)
    , m_accounts(accounts)
{ }

void OrganisationService::registerMutations(SyncService &sync)
{
    for (const bool approve : { true, false }) {
        sync.registerHandler(approve ? QStringLiteral("organisation.approve")
                                     : QStringLiteral("organisation.reject"),
            [this, approve](const AuthenticatedUser &caller, const SyncService::Mutation &m) {
                return decide(caller, m.id, m.target, m.baseVersion, approve, m.payload);
            });
    }
}

QJsonObject OrganisationService::conflict(const QString &mutationId, const QString &userId)
{
    QJsonObject current = m_accounts.userJson(userId);
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { userId });
    const qint64 version = q.next() ? q.value(0).toLongLong() : 0;
    return { { QStringLiteral("id"), mutationId },
        { QStringLiteral("status"), QStringLiteral("conflict") },
        { QStringLiteral("current"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("organisation") },
                { QStringLiteral("id"), userId }, { QStringLiteral("version"), double(version) },
                { QStringLiteral("data"), current } } } };
}

QJsonObject OrganisationService::decide(const AuthenticatedUser &caller, const QString &mutationId,
    const QString &target, qint64 baseVersion, bool approve, const QJsonObject &payload)
{
    if (caller.role != Role::Administrator) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "Only an administrator approves organisations."));
    }
    for (auto it = payload.constBegin(); it != payload.constEnd(); ++it) {
        if (it.key() != QLatin1String("reason")) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
    }
    const QJsonValue reasonValue = payload.value(QStringLiteral("reason"));
    if (!reasonValue.isUndefined() && !reasonValue.isNull() && !reasonValue.isString()) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The reason must be text."))
            .field(QStringLiteral("reason"));
    }
    const QString reason = reasonValue.toString().trimmed();
    if (!approve && reason.isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "Give the reason for rejecting the organisation."))
            .field(QStringLiteral("reason"));
    }
    if (reason.size() > MaxReasonLength) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The reason may have at most %1 characters."))
            .field(QStringLiteral("reason"))
            .arg(QString::number(MaxReasonLength));
    }
    Database &db = m_context.database;
    QSqlQuery q = db.exec(QStringLiteral("SELECT u.version, o.approved_at, o.rejected_at"
                                         " FROM users u JOIN organisations o ON o.user_id = u.id"
                                         " WHERE u.id = ?")
            + db.forUpdate(),
        { target });
    if (!q.next()) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This organisation was not found."))
            .field(QStringLiteral("target"));
    }
    const qint64 version = q.value(0).toLongLong();
    const bool decided = !q.value(1).isNull() || !q.value(2).isNull();
    q.finish();
    // Decided on what the administrator saw: details changed since, or another administrator's
    // decision, come back as a conflict showing the organisation as it is now.
    if (version != baseVersion || decided)
        return conflict(mutationId, target);
    QString error;
    if (!m_accounts.decideOrganisation(target, approve, reason, &error))
        return conflict(mutationId, target);
    return { { QStringLiteral("id"), mutationId },
        { QStringLiteral("status"), QStringLiteral("applied") },
        { QStringLiteral("version"), double(version + 1) } };
}

} // namespace xueshi::server

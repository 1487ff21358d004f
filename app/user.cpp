#include "user.h"

namespace xueshi {

bool User::isAwaitingApproval() const
{
    return status == QLatin1String("awaiting_approval");
}

bool User::isRejected() const
{
    return status == QLatin1String("rejected");
}

User User::fromJson(const QJsonObject &object)
{
    User user;
    const std::optional<Role> role = roleFromString(object.value(QLatin1String("role")).toString());
    if (!role)
        return {};
    user.id = object.value(QLatin1String("id")).toString();
    user.username = object.value(QLatin1String("username")).toString();
    user.role = *role;
    user.status = object.value(QLatin1String("status")).toString();
    user.displayName = object.value(QLatin1String("displayName")).toString();
    user.createdAt = QDateTime::fromString(
        object.value(QLatin1String("createdAt")).toString(), Qt::ISODateWithMs);
    const QJsonValue learner = object.value(QLatin1String("learner"));
    if (learner.isObject()) {
        const QJsonObject l = learner.toObject();
        user.learner = LearnerInfo {
            l.value(QLatin1String("realName")).toString(),
            l.value(QLatin1String("residentId")).toString(),
            l.value(QLatin1String("mobile")).toString(),
            l.value(QLatin1String("email")).toString(),
        };
    }
    const QJsonValue organisation = object.value(QLatin1String("organisation"));
    if (organisation.isObject()) {
        const QJsonObject o = organisation.toObject();
        user.organisation = OrganisationInfo {
            o.value(QLatin1String("name")).toString(),
            o.value(QLatin1String("creditCode")).toString(),
            o.value(QLatin1String("regionCode")).toString(),
            o.value(QLatin1String("regionName")).toString(),
            o.value(QLatin1String("contactPerson")).toString(),
            o.value(QLatin1String("phone")).toString(),
            o.value(QLatin1String("email")).toString(),
            o.value(QLatin1String("approved")).toBool(),
            o.value(QLatin1String("rejected")).toBool(),
            o.value(QLatin1String("rejectionReason")).toString(),
        };
    }
    if (!user.isValid())
        return {};
    return user;
}

} // namespace xueshi

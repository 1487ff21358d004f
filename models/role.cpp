#include "role.h"

namespace xueshi {

QString roleToString(Role role)
{
    switch (role) {
    case Role::Learner:
        return QStringLiteral("learner");
    case Role::Employer:
        return QStringLiteral("employer");
    case Role::Institution:
        return QStringLiteral("institution");
    case Role::Administrator:
        return QStringLiteral("administrator");
    }
    return {};
}

std::optional<Role> roleFromString(const QString &text)
{
    for (Role role : { Role::Learner, Role::Employer, Role::Institution, Role::Administrator }) {
        if (roleToString(role) == text)
            return role;
    }
    return std::nullopt;
}

} // namespace xueshi

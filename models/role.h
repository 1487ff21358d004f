#pragma once

#include <QString>

#include <optional>

namespace xueshi {

// Who a user account acts as. The wire names are the glossary's English identifiers.
enum class Role {
    Learner,
    Employer,
    Institution,
    Administrator,
};

QString roleToString(Role role);
std::optional<Role> roleFromString(const QString &text);

// Whether an organisation account (employer or institution) carries organisation details.
inline bool isOrganisationRole(Role role)
{
    return role == Role::Employer || role == Role::Institution;
}

} // namespace xueshi

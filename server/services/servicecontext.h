#pragma once

#include "role.h"

#include <QByteArray>
#include <QString>

namespace xueshi {
class Clock;
}

namespace xueshi::server {

class Database;
class PasswordHasher;
class Notifier;
class Localizer;
class ChangeLog;

// What every service shares: storage, time, hashing, delivery, and the policy numbers.
struct ServiceContext
{
    Database &database;
    const Clock &clock;
    const PasswordHasher &hasher;
    Notifier &notifier;
    const Localizer &localizer;
    ChangeLog &changes;
    qint64 tokenLifetimeSeconds = 7 * 24 * 3600;
};

// The user a request's bearer token belongs to.
struct AuthenticatedUser
{
    QString id;
    QString username;
    Role role = Role::Learner;
    QString status;
    QByteArray tokenHash;
};

} // namespace xueshi::server

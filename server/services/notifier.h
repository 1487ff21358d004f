#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace xueshi::server {

class Database;

// One message for a person: a verification code by SMS or e-mail, for now.
struct Notification
{
    QString channel; // "mobile" or "email"
    QString destination; // the full number or address
    QString subject;
    QString body;
    QDateTime createdAt;
};

// Delivers notifications. A production deployment plugs in an SMS gateway or SMTP; the
// development notifier below keeps them for the administrator to read.
class Notifier
{
public:
    virtual ~Notifier() = default;
    // Called inside the transaction that created the message; a failure throws and rolls the
    // transaction back, so no code exists that was never sent.
    virtual void send(const Notification &notification) = 0;
};

// Records each message in the server's database (table notifier_outbox), where
// `xueshi-server admin outbox` shows it. Writes on the calling thread's connection, so the
// message commits or rolls back with the code it carries.
class DevelopmentNotifier final : public Notifier
{
public:
    explicit DevelopmentNotifier(Database &database);
    void send(const Notification &notification) override;
    // The newest first.
    QList<Notification> recent(int limit);

private:
    Database &m_database;
};

} // namespace xueshi::server

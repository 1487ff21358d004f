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
    QDateTime expiresAt; // when what it carries is of no more use (a code's expiry)
    QDateTime sentAt; // set by a notifier that records what it sent
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
    // Drops whatever the notifier still holds of messages past their expiresAt (called inside a
    // transaction, as part of normal operation). A notifier that keeps nothing has nothing to do.
    virtual void expire(const QDateTime &now) { Q_UNUSED(now) }
};

// Records each message in the server's database (table notifier_outbox), where
// `xueshi-server admin outbox` shows it. Writes on the calling thread's connection, so the
// message commits or rolls back with the code it carries.
//
// For this notifier, "sent" means read by the administrator, who stands in for the SMS gateway
// or mail server: a message is pending until it is read once (recent() or deliverPending()),
// and is then kept without its destination and body. A message never read loses them when it
// expires (expire(), called by the recovery service). So a verification code stays in clear text
// only until it is delivered or of no more use; what is left is deleted after 7 days.
class DevelopmentNotifier final : public Notifier
{
public:
    static constexpr qint64 KeepSeconds = 7 * 24 * 3600;

    explicit DevelopmentNotifier(Database &database);
    void send(const Notification &notification) override;
    void expire(const QDateTime &now) override;
    // The newest first, at most `limit`: pending messages in full (and from then on delivered),
    // the others with a note in place of what was cleared.
    QList<Notification> recent(int limit);
    // Every pending message, the oldest first, in full; each is delivered (cleared) by this.
    QList<Notification> deliverPending();

private:
    // Reads the rows of `sql` (id, channel, destination, subject, body, created_at, expires_at,
    // sent_at) and clears those that were pending, in one transaction.
    QList<Notification> readAndDeliver(const QString &sql, const QVariantList &values);

    Database &m_database;
};

} // namespace xueshi::server

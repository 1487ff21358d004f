#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

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
    QDateTime sentAt; // set once delivered
    // Kept by the outbox: the row, the transport it goes through ("development", "smtp",
    // "webhook"), the delivery attempts made, the last error, and when it was given up.
    qint64 id = 0;
    QString transport;
    int attempts = 0;
    QString lastError;
    QDateTime failedAt;
};

// Delivers notifications.
class Notifier
{
public:
    virtual ~Notifier() = default;
    // Called inside the transaction that created the message; a failure throws and rolls the
    // transaction back, so no code exists that was never queued for delivery.
    virtual void send(const Notification &notification) = 0;
    // Drops whatever the notifier still holds of messages past their expiresAt (called inside a
    // transaction, as part of normal operation). A notifier that keeps nothing has nothing to do.
    virtual void expire(const QDateTime &now) { Q_UNUSED(now) }
};

// Queues each message in the server's database (table notifier_outbox) on the calling thread's
// connection, so the message commits or rolls back with the code it carries. Each row names the
// transport its channel is routed to ([notifier] email= and mobile= of the configuration):
//
// - "smtp" and "webhook": an OutboxSender (server/notify/) claims the row, delivers it, and
//   clears its destination and body once sent or given up.
// - "development" (the default): nothing is sent; `xueshi-server admin outbox` shows the
//   message. For this transport "sent" means read by the administrator, who stands in for the
//   SMS gateway or mail server: a message is pending until it is read once (recent() or
//   deliverPending()), and is then kept without its destination and body.
//
// A message never delivered loses its destination and body when it expires (expire(), called by
// the recovery service). So a verification code stays in clear text only until it is delivered
// or of no more use; what is left of a message is deleted after 7 days.
class OutboxNotifier final : public Notifier
{
public:
    static constexpr qint64 KeepSeconds = 7 * 24 * 3600;
    static inline const QString Development = QStringLiteral("development");

    explicit OutboxNotifier(Database &database);
    // The transport each channel's messages go through; a channel not named goes to
    // "development".
    void setRoute(const QString &channel, const QString &transport);
    QString route(const QString &channel) const;
    // Called after each message is queued (inside its transaction), on the caller's thread.
    void setQueuedHandler(std::function<void()> handler) { m_queued = std::move(handler); }

    void send(const Notification &notification) override;
    void expire(const QDateTime &now) override;
    // The newest first, at most `limit`: development messages still pending in full (and from
    // then on delivered); the others with a note in place of what they hold or was cleared
    // (never the text of a message another transport still has to deliver).
    QList<Notification> recent(int limit);
    // Every pending development message, the oldest first, in full; each is delivered (cleared)
    // by this.
    QList<Notification> deliverPending();

    struct Summary
    {
        int pending = 0;
        int sent = 0;
        int failed = 0;
        int expired = 0;
    };
    // The messages kept (the last 7 days) by state.
    Summary summary();

private:
    // Reads the rows of `sql` (the columns of Columns) and clears the development ones that were
    // pending, in one transaction.
    QList<Notification> readAndDeliver(const QString &sql, const QVariantList &values);

    Database &m_database;
    QHash<QString, QString> m_routes;
    std::function<void()> m_queued;
};

} // namespace xueshi::server

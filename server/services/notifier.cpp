#include "notifier.h"

#include "storage/database.h"

namespace xueshi::server {

DevelopmentNotifier::DevelopmentNotifier(Database &database)
    : m_database(database)
{ }

void DevelopmentNotifier::send(const Notification &n)
{
    m_database.exec(
        QStringLiteral(
            "INSERT INTO notifier_outbox (channel, destination, subject, body, created_at)"
            " VALUES (?, ?, ?, ?, ?)"),
        { n.channel, n.destination, n.subject, n.body, n.createdAt.toMSecsSinceEpoch() });
}

QList<Notification> DevelopmentNotifier::recent(int limit)
{
    QList<Notification> out;
    QSqlQuery q = m_database.exec(
        QStringLiteral("SELECT channel, destination, subject, body, created_at FROM notifier_outbox"
                       " ORDER BY id DESC LIMIT ?"),
        { limit });
    while (q.next()) {
        out.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(),
            QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC) });
    }
    return out;
}

} // namespace xueshi::server

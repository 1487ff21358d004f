#include "notifier.h"

#include "storage/database.h"

namespace xueshi::server {

namespace {

QVariant msecsOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

QDateTime utcOrInvalid(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const QString Columns = QStringLiteral(
    "SELECT id, channel, destination, subject, body, created_at, expires_at, sent_at"
    " FROM notifier_outbox");

} // namespace

DevelopmentNotifier::DevelopmentNotifier(Database &database)
    : m_database(database)
{ }

void DevelopmentNotifier::send(const Notification &n)
{
    m_database.exec(QStringLiteral("INSERT INTO notifier_outbox (channel, destination, subject,"
                                   " body, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"),
        { n.channel, n.destination, n.subject, n.body, n.createdAt.toMSecsSinceEpoch(),
            msecsOrNull(n.expiresAt) });
}

void DevelopmentNotifier::expire(const QDateTime &now)
{
    const qint64 t = now.toMSecsSinceEpoch();
    m_database.exec(QStringLiteral("UPDATE notifier_outbox SET destination = '', body = ''"
                                   " WHERE sent_at IS NULL AND expires_at <= ? AND body <> ''"),
        { t });
    m_database.exec(QStringLiteral("DELETE FROM notifier_outbox WHERE created_at <= ?"),
        { t - KeepSeconds * 1000 });
}

QList<Notification> DevelopmentNotifier::readAndDeliver(
    const QString &sql, const QVariantList &values)
{
    QList<Notification> out;
    QVariantList pending;
    Transaction tx(m_database);
    QSqlQuery q = m_database.exec(sql, values);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    while (q.next()) {
        Notification n { q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), utcOrInvalid(q.value(5)), utcOrInvalid(q.value(6)),
            utcOrInvalid(q.value(7)) };
        if (!n.sentAt.isValid() && !n.body.isEmpty()) {
            pending.append(q.value(0));
            n.sentAt = now;
        } else if (n.sentAt.isValid()) {
            n.destination = QStringLiteral("-");
            n.body = QStringLiteral("(delivered %1; destination and text cleared)")
                         .arg(n.sentAt.toString(Qt::ISODate));
        } else {
            n.destination = QStringLiteral("-");
            n.body = QStringLiteral("(expired before it was read; destination and text cleared)");
        }
        out.append(n);
    }
    q.finish();
    for (const QVariant &id : std::as_const(pending)) {
        m_database.exec(QStringLiteral("UPDATE notifier_outbox SET destination = '', body = '',"
                                       " sent_at = ? WHERE id = ?"),
            { now.toMSecsSinceEpoch(), id });
    }
    tx.commit();
    return out;
}

QList<Notification> DevelopmentNotifier::recent(int limit)
{
    return readAndDeliver(Columns + QStringLiteral(" ORDER BY id DESC LIMIT ?"), { limit });
}

QList<Notification> DevelopmentNotifier::deliverPending()
{
    return readAndDeliver(
        Columns + QStringLiteral(" WHERE sent_at IS NULL AND body <> '' ORDER BY id"), {});
}

} // namespace xueshi::server

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
    "SELECT id, channel, destination, subject, body, created_at, expires_at, sent_at, transport,"
    " attempts, last_error, failed_at FROM notifier_outbox");

} // namespace

OutboxNotifier::OutboxNotifier(Database &database)
    : m_database(database)
{ }

void OutboxNotifier::setRoute(const QString &channel, const QString &transport)
{
    m_routes.insert(channel, transport);
}

QString OutboxNotifier::route(const QString &channel) const
{
    return m_routes.value(channel, Development);
}

void OutboxNotifier::send(const Notification &n)
{
    // Due at once: next_attempt_at is the creation time.
    m_database.exec(QStringLiteral("INSERT INTO notifier_outbox (channel, destination, subject,"
                                   " body, created_at, expires_at, transport, next_attempt_at)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        { n.channel, n.destination, n.subject, n.body, n.createdAt.toMSecsSinceEpoch(),
            msecsOrNull(n.expiresAt), route(n.channel), n.createdAt.toMSecsSinceEpoch() });
    if (m_queued && route(n.channel) != Development)
        m_queued();
}

void OutboxNotifier::expire(const QDateTime &now)
{
    const qint64 t = now.toMSecsSinceEpoch();
    m_database.exec(QStringLiteral("UPDATE notifier_outbox SET destination = '', body = ''"
                                   " WHERE transport = ? AND sent_at IS NULL AND expires_at <= ?"
                                   " AND body <> ''"),
        { Development, t });
    // A message a transport did not deliver in time is a failure (the sender usually gives up
    // first, and logs it; this covers a server that sends nothing).
    m_database.exec(
        QStringLiteral("UPDATE notifier_outbox SET destination = '', body = '', failed_at = ?,"
                       " last_error = COALESCE(last_error, 'not sent before it expired')"
                       " WHERE transport <> ? AND sent_at IS NULL AND failed_at IS NULL"
                       " AND expires_at <= ? AND body <> ''"),
        { t, Development, t });
    m_database.exec(QStringLiteral("DELETE FROM notifier_outbox WHERE created_at <= ?"),
        { t - KeepSeconds * 1000 });
}

QList<Notification> OutboxNotifier::readAndDeliver(const QString &sql, const QVariantList &values)
{
    QList<Notification> out;
    QVariantList pending;
    Transaction tx(m_database);
    QSqlQuery q = m_database.exec(sql, values);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    while (q.next()) {
        Notification n;
        n.id = q.value(0).toLongLong();
        n.channel = q.value(1).toString();
        n.destination = q.value(2).toString();
        n.subject = q.value(3).toString();
        n.body = q.value(4).toString();
        n.createdAt = utcOrInvalid(q.value(5));
        n.expiresAt = utcOrInvalid(q.value(6));
        n.sentAt = utcOrInvalid(q.value(7));
        n.transport = q.value(8).toString();
        n.attempts = q.value(9).toInt();
        n.lastError = q.value(10).toString();
        n.failedAt = utcOrInvalid(q.value(11));
        const bool development = n.transport == Development;
        if (n.sentAt.isValid()) {
            n.destination = QStringLiteral("-");
            n.body = QStringLiteral("(delivered %1%2; destination and text cleared)")
                         .arg(n.sentAt.toString(Qt::ISODate),
                             development ? QString() : QStringLiteral(" by ") + n.transport);
        } else if (n.failedAt.isValid()) {
            n.destination = QStringLiteral("-");
            n.body = QStringLiteral("(FAILED %1 by %2 after %3 attempt(s): %4; destination and "
                                    "text cleared)")
                         .arg(n.failedAt.toString(Qt::ISODate), n.transport)
                         .arg(n.attempts)
                         .arg(n.lastError);
        } else if (n.body.isEmpty()) {
            n.destination = QStringLiteral("-");
            n.body = QStringLiteral("(expired before it was read; destination and text cleared)");
        } else if (development) {
            pending.append(q.value(0));
            n.sentAt = now;
        } else {
            // Another transport's message: its text is for the person, not the administrator.
            n.destination = QStringLiteral("-");
            n.body = n.attempts == 0
                ? QStringLiteral("(queued for %1)").arg(n.transport)
                : QStringLiteral("(queued for %1, %2 attempt(s) failed, last: %3)")
                      .arg(n.transport)
                      .arg(n.attempts)
                      .arg(n.lastError);
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

QList<Notification> OutboxNotifier::recent(int limit)
{
    return readAndDeliver(Columns + QStringLiteral(" ORDER BY id DESC LIMIT ?"), { limit });
}

QList<Notification> OutboxNotifier::deliverPending()
{
    return readAndDeliver(Columns
            + QStringLiteral(" WHERE transport = ? AND sent_at IS NULL AND body <> '' ORDER BY id"),
        { Development });
}

OutboxNotifier::Summary OutboxNotifier::summary()
{
    Summary s;
    QSqlQuery q = m_database.exec(QStringLiteral(
        "SELECT CASE WHEN sent_at IS NOT NULL THEN 's' WHEN failed_at IS NOT NULL THEN 'f'"
        " WHEN body = '' THEN 'e' ELSE 'p' END AS state, COUNT(*) FROM notifier_outbox"
        " GROUP BY state"));
    while (q.next()) {
        const QString state = q.value(0).toString();
        const int n = q.value(1).toInt();
        if (state == QLatin1String("s"))
            s.sent = n;
        else if (state == QLatin1String("f"))
            s.failed = n;
        else if (state == QLatin1String("e"))
            s.expired = n;
        else
            s.pending = n;
    }
    return s;
}

} // namespace xueshi::server

#include "outboxsender.h"

#include "clock.h"
#include "storage/database.h"

#include <QLoggingCategory>
#include <QSysInfo>
#include <QUuid>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcNotify, "xueshi.notify", QtInfoMsg)

namespace xueshi::server {

namespace {

// After a wake, the outbox is looked at these times later: the message's transaction commits
// meanwhile, usually within milliseconds, but a busy database may take longer (the regular poll
// is the last resort).
constexpr std::chrono::milliseconds WakeDelays[] = { std::chrono::milliseconds(250),
    std::chrono::milliseconds(1000), std::chrono::milliseconds(3000) };

QDateTime utcOrInvalid(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

const char *const Due = " sent_at IS NULL AND failed_at IS NULL AND body <> ''"
                        " AND next_attempt_at <= ? AND (expires_at IS NULL OR expires_at > ?)"
                        " AND (claimed_until IS NULL OR claimed_until <= ?)";

} // namespace

QString describeForLog(const Notification &message)
{
    QString text = QStringLiteral("message %1 (%2").arg(message.id).arg(message.channel);
    const qsizetype at = message.destination.lastIndexOf(QLatin1Char('@'));
    if (message.channel == QLatin1String("email") && at >= 0)
        text += QStringLiteral(" to *@") + message.destination.mid(at + 1);
    return text + QLatin1Char(')');
}

OutboxSender::OutboxSender(Database &database, const Clock &clock,
    QHash<QString, std::shared_ptr<Transport>> transports, Settings settings)
    : m_database(database)
    , m_clock(clock)
    , m_transports(std::move(transports))
    , m_settings(settings)
    , m_owner(QStringLiteral("%1:%2:%3")
                  .arg(QSysInfo::machineHostName())
                  .arg(::getpid())
                  .arg(QUuid::createUuid().toString(QUuid::Id128).left(8)))
{ }

OutboxSender::~OutboxSender()
{
    stop();
}

void OutboxSender::start()
{
    if (m_thread.joinable())
        return;
    m_stopping = false;
    {
        std::lock_guard lock(m_mutex);
        m_wakeTimes.insert(std::chrono::steady_clock::now());
    }
    m_thread = std::thread([this] { loop(); });
}

void OutboxSender::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_condition.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void OutboxSender::wake()
{
    {
        std::lock_guard lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        for (const auto delay : WakeDelays)
            m_wakeTimes.insert(now + delay);
    }
    m_condition.notify_all();
}

OutboxSender::Counters OutboxSender::counters() const
{
    return { m_sent.load(), m_retried.load(), m_failed.load() };
}

qint64 OutboxSender::retryDelaySeconds(int attempts)
{
    qint64 delay = FirstRetrySeconds;
    for (int i = 1; i < attempts && delay < MaxRetrySeconds; ++i)
        delay *= 2;
    return std::min(delay, MaxRetrySeconds);
}

void OutboxSender::loop()
{
    using clock = std::chrono::steady_clock;
    auto nextPoll = clock::now();
    while (true) {
        {
            std::unique_lock lock(m_mutex);
            while (!m_stopping) {
                const auto due
                    = m_wakeTimes.empty() ? nextPoll : std::min(nextPoll, *m_wakeTimes.begin());
                if (clock::now() >= due)
                    break;
                m_condition.wait_until(lock, due);
            }
            if (m_stopping)
                break;
            m_wakeTimes.erase(m_wakeTimes.begin(), m_wakeTimes.upper_bound(clock::now()));
        }
        try {
            runOnce();
        } catch (const DatabaseError &e) {
            qCWarning(
                lcNotify, "cannot read the outbox, trying again at the next poll: %s", e.what());
        }
        nextPoll = clock::now() + std::chrono::seconds(m_settings.pollSeconds);
    }
}

QString OutboxSender::transportList() const
{
    QStringList marks;
    for (qsizetype i = 0; i < m_transports.size(); ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

QVariantList OutboxSender::transportNames() const
{
    QVariantList names;
    for (auto it = m_transports.cbegin(); it != m_transports.cend(); ++it)
        names.append(it.key());
    return names;
}

int OutboxSender::runOnce()
{
    if (m_transports.isEmpty())
        return 0;
    giveUpExpired(m_clock.nowUtc().toMSecsSinceEpoch());
    int attempts = 0;
    while (!m_stopping) {
        const std::optional<Claim> claimed = claim(m_clock.nowUtc().toMSecsSinceEpoch());
        if (!claimed)
            break;
        const std::shared_ptr<Transport> transport = m_transports.value(claimed->message.transport);
        const DeliveryResult result = transport->deliver(claimed->message, m_stopping);
        ++attempts;
        record(*claimed, result);
    }
    return attempts;
}

std::optional<OutboxSender::Claim> OutboxSender::claim(qint64 now)
{
    const QString token = m_owner + QLatin1Char('/') + QString::number(++m_claims);
    qint64 lease = 0;
    for (const std::shared_ptr<Transport> &t : std::as_const(m_transports))
        lease = std::max<qint64>(lease, t->timeoutSeconds());
    const qint64 until = now + (lease + LeaseMarginSeconds) * 1000;
    const QString where = QStringLiteral(" WHERE transport IN (") + transportList()
        + QStringLiteral(") AND") + QLatin1String(Due);
    QVariantList values = transportNames();
    values << now << now << now;

    Transaction tx(m_database);
    if (m_database.isPostgres()) {
        // Rows another sender is claiming are skipped, not waited for.
        QSqlQuery q = m_database.exec(QStringLiteral("SELECT id FROM notifier_outbox") + where
                + QStringLiteral(" ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED"),
            values);
        if (!q.next())
            return std::nullopt;
        const QVariant id = q.value(0);
        q.finish();
        m_database.exec(QStringLiteral("UPDATE notifier_outbox SET claimed_by = ?,"
                                       " claimed_until = ?, attempts = attempts + 1 WHERE id = ?"),
            { token, until, id });
    } else {
        // One statement under SQLite's single writer: the row is due when it is claimed.
        QVariantList claimValues { token, until };
        claimValues += values;
        QSqlQuery q = m_database.exec(
            QStringLiteral("UPDATE notifier_outbox SET claimed_by = ?, claimed_until = ?,"
                           " attempts = attempts + 1 WHERE id = (SELECT id FROM notifier_outbox")
                + where + QStringLiteral(" ORDER BY next_attempt_at, id LIMIT 1)"),
            claimValues);
        if (q.numRowsAffected() != 1)
            return std::nullopt;
    }
    QSqlQuery row = m_database.exec(
        QStringLiteral("SELECT id, channel, destination, subject, body, created_at, expires_at,"
                       " transport, attempts FROM notifier_outbox WHERE claimed_by = ?"),
        { token });
    if (!row.next())
        return std::nullopt;
    Claim c;
    c.token = token;
    c.message.id = row.value(0).toLongLong();
    c.message.channel = row.value(1).toString();
    c.message.destination = row.value(2).toString();
    c.message.subject = row.value(3).toString();
    c.message.body = row.value(4).toString();
    c.message.createdAt = utcOrInvalid(row.value(5));
    c.message.expiresAt = utcOrInvalid(row.value(6));
    c.message.transport = row.value(7).toString();
    c.message.attempts = row.value(8).toInt();
    row.finish();
    tx.commit();
    return c;
}

void OutboxSender::record(const Claim &claim, const DeliveryResult &result)
{
    const Notification &m = claim.message;
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    if (result.outcome == DeliveryResult::Outcome::Sent) {
        QSqlQuery q = m_database.exec(
            QStringLiteral("UPDATE notifier_outbox SET sent_at = ?, failed_at = NULL,"
                           " destination = '', body = '', claimed_by = NULL,"
                           " claimed_until = NULL WHERE id = ? AND claimed_by = ?"),
            { now, m.id, claim.token });
        ++m_sent;
        if (q.numRowsAffected() == 1) {
            qCInfo(lcNotify, "%s sent by %s (attempt %d)", qPrintable(describeForLog(m)),
                qPrintable(m.transport), m.attempts);
        } else {
            qCWarning(lcNotify,
                "%s sent by %s after its claim had lapsed: another sender may have sent it too",
                qPrintable(describeForLog(m)), qPrintable(m.transport));
        }
        return;
    }
    if (m_stopping) {
        // Cut short by a shutdown: due again at once, for whichever sender runs next.
        m_database.exec(QStringLiteral("UPDATE notifier_outbox SET claimed_by = NULL,"
                                       " claimed_until = NULL, next_attempt_at = ?"
                                       " WHERE id = ? AND claimed_by = ?"),
            { now, m.id, claim.token });
        return;
    }
    const qint64 delay = retryDelaySeconds(m.attempts);
    const qint64 next = now + delay * 1000;
    const bool expiresFirst = m.expiresAt.isValid() && next >= m.expiresAt.toMSecsSinceEpoch();
    if (result.outcome == DeliveryResult::Outcome::Retry && m.attempts < m_settings.maxAttempts
        && !expiresFirst) {
        m_database.exec(QStringLiteral("UPDATE notifier_outbox SET claimed_by = NULL,"
                                       " claimed_until = NULL, next_attempt_at = ?,"
                                       " last_error = ? WHERE id = ? AND claimed_by = ?"),
            { next, result.error, m.id, claim.token });
        ++m_retried;
        qCWarning(lcNotify, "%s: attempt %d by %s failed: %s; next attempt in %lld s",
            qPrintable(describeForLog(m)), m.attempts, qPrintable(m.transport),
            qPrintable(result.error), delay);
        return;
    }
    m_database.exec(QStringLiteral("UPDATE notifier_outbox SET claimed_by = NULL,"
                                   " claimed_until = NULL, failed_at = ?, last_error = ?,"
                                   " destination = '', body = '' WHERE id = ? AND claimed_by = ?"),
        { now, result.error, m.id, claim.token });
    ++m_failed;
    const char *why = result.outcome == DeliveryResult::Outcome::Permanent
        ? "the failure is permanent"
        : (expiresFirst ? "it expires before the next attempt" : "no attempts left");
    qCWarning(lcNotify, "%s FAILED: attempt %d by %s failed: %s; given up (%s)",
        qPrintable(describeForLog(m)), m.attempts, qPrintable(m.transport),
        qPrintable(result.error), why);
}

void OutboxSender::giveUpExpired(qint64 now)
{
    QVariantList values = transportNames();
    values << now << now;
    QSqlQuery q = m_database.exec(
        QStringLiteral("SELECT id, channel, destination, attempts, transport FROM notifier_outbox"
                       " WHERE transport IN (")
            + transportList()
            + QStringLiteral(
                ") AND sent_at IS NULL AND failed_at IS NULL AND body <> ''"
                " AND expires_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)"),
        values);
    QList<Notification> expired;
    while (q.next()) {
        Notification n;
        n.id = q.value(0).toLongLong();
        n.channel = q.value(1).toString();
        n.destination = q.value(2).toString();
        n.attempts = q.value(3).toInt();
        n.transport = q.value(4).toString();
        expired.append(n);
    }
    q.finish();
    for (const Notification &n : std::as_const(expired)) {
        QSqlQuery u = m_database.exec(
            QStringLiteral("UPDATE notifier_outbox SET failed_at = ?, destination = '', body = '',"
                           " last_error = COALESCE(last_error, 'not sent before it expired')"
                           " WHERE id = ? AND sent_at IS NULL AND failed_at IS NULL"),
            { now, n.id });
        if (u.numRowsAffected() != 1)
            continue;
        ++m_failed;
        qCWarning(lcNotify, "%s FAILED: expired after %d attempt(s) by %s; given up",
            qPrintable(describeForLog(n)), n.attempts, qPrintable(n.transport));
    }
}

} // namespace xueshi::server

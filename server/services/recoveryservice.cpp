#include "recoveryservice.h"

#include "accountservice.h"
#include "clock.h"
#include "core/apierror.h"
#include "core/localizer.h"
#include "errorcodes.h"
#include "notifier.h"
#include "passwordhasher.h"
#include "regions.h"
#include "storage/database.h"
#include "validators.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QUuid>

#include <sodium.h>

namespace xueshi::server {

namespace ec = xueshi::errorcode;

namespace {

QString purposeName(RecoveryService::Purpose purpose)
{
    return purpose == RecoveryService::Purpose::Username ? QStringLiteral("username")
                                                         : QStringLiteral("password");
}

QByteArray codeHash(const QString &requestId, const QString &code)
{
    return QCryptographicHash::hash(
        (requestId + QLatin1Char(':') + code).toUtf8(), QCryptographicHash::Sha256)
        .toHex();
}

QString randomCode()
{
    return QStringLiteral("%1").arg(randombytes_uniform(1000000), 6, 10, QLatin1Char('0'));
}

ApiError tooMany(const char *message, qint64 remainingMs)
{
    const qint64 seconds = std::max<qint64>(1, (remainingMs + 999) / 1000);
    const qint64 hours = (seconds + 3599) / 3600;
    return ApiError(429, ec::TooManyRequests, "Server", message)
        .arg(QString::number(hours))
        .extra(QStringLiteral("retryAfterSeconds"), double(seconds))
        .header("retry-after", QByteArray::number(seconds));
}

// When the cap of `max` rows within the window since `windowStart` is reached: the time the
// oldest of the newest `max` rows leaves the window (0 when under the cap).
qint64 capReachedUntil(Database &db, const QString &sql, const QString &key, qint64 windowStart,
    int max, qint64 windowMs)
{
    QSqlQuery q = db.exec(sql, { key, windowStart, max - 1 });
    return q.next() ? q.value(0).toLongLong() + windowMs : 0;
}

} // namespace

RecoveryService::RecoveryService(ServiceContext &context, AccountService &accounts)
    : m_context(context)
    , m_accounts(accounts)
{ }

QString RecoveryService::subjectKey(Purpose purpose, const QString &identifier)
{
    QByteArray secret;
    {
        QMutexLocker locker(&m_secretMutex);
        if (m_secret.isEmpty()) {
            // Made once per database; several server processes may race to make it, and the
            // first one written wins.
            unsigned char bytes[32];
            randombytes_buf(bytes, sizeof bytes);
            const QByteArray fresh
                = QByteArray(reinterpret_cast<const char *>(bytes), sizeof bytes).toHex();
            Database &db = m_context.database;
            db.exec(QStringLiteral("INSERT INTO server_meta (key, value) VALUES (?, ?)"
                                   " ON CONFLICT (key) DO NOTHING"),
                { QStringLiteral("recovery_subject_key"), QString::fromLatin1(fresh) });
            QSqlQuery q = db.exec(QStringLiteral("SELECT value FROM server_meta WHERE key = ?"),
                { QStringLiteral("recovery_subject_key") });
            q.next();
            m_secret = QByteArray::fromHex(q.value(0).toString().toLatin1());
        }
        secret = m_secret;
    }
    return QString::fromLatin1(QMessageAuthenticationCode::hash(
        (purposeName(purpose) + QLatin1Char('\n') + identifier).toUtf8(), secret,
        QCryptographicHash::Sha256)
                                   .toHex());
}

void RecoveryService::serialise(const QString &client, const QString &subject)
{
    // SQLite's BEGIN IMMEDIATE already serialises every writer. On PostgreSQL, transaction-level
    // advisory locks, always the address's before the subject's and both before any row, so two
    // requests never wait for each other in opposite orders.
    Database &db = m_context.database;
    if (!db.isPostgres())
        return;
    const QString sql = QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
    db.exec(sql, { QStringLiteral("recovery address ") + client });
    if (!subject.isEmpty())
        db.exec(sql, { QStringLiteral("recovery subject ") + subject });
}

void RecoveryService::purge(qint64 now)
{
    Database &db = m_context.database;
    const qint64 windowStart = now - CapWindowSeconds * 1000;
    db.exec(QStringLiteral("DELETE FROM recovery_codes WHERE created_at <= ?"), { windowStart });
    db.exec(QStringLiteral("DELETE FROM recovery_failures WHERE failed_at <= ?"), { windowStart });
    m_context.notifier.expire(QDateTime::fromMSecsSinceEpoch(now, Qt::UTC));
}

RecoveryService::Started RecoveryService::startUsernameRecovery(
    const std::optional<QString> &residentId, const std::optional<QString> &creditCode,
    const std::optional<QString> &role, const std::optional<QString> &channel, Language language,
    const QHostAddress &peer)
{
    Database &db = m_context.database;
    QString subject;
    QString userId;
    if (residentId && !creditCode) {
        requireValid(validateResidentId(
                         *residentId, m_context.clock.todayInChina(), RegionTable::instance()),
            QStringLiteral("residentId"));
        subject
            = subjectKey(Purpose::Username, QStringLiteral("resident:") + residentId->toUpper());
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT user_id FROM learners WHERE resident_id = ?"), { *residentId });
        if (q.next())
            userId = q.value(0).toString();
    } else if (creditCode && !residentId) {
        requireValid(validateCreditCode(*creditCode), QStringLiteral("creditCode"));
        if (!role
            || (*role != QLatin1String("employer") && *role != QLatin1String("institution"))) {
            throw ApiError(400, role ? ec::InvalidField : ec::MissingField, "Server",
                QT_TRANSLATE_NOOP(
                    "Server", "Say whether the organisation is an employer or an institution."))
                .field(QStringLiteral("role"));
        }
        subject = subjectKey(Purpose::Username,
            QStringLiteral("organisation:") + *role + QLatin1Char(':') + creditCode->toUpper());
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT user_id FROM organisations WHERE kind = ? AND credit_code = ?"),
            { *role, *creditCode });
        if (q.next())
            userId = q.value(0).toString();
    } else {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "Enter either a resident ID number or a unified social credit code."))
            .field(QStringLiteral("residentId"));
    }
    return issue(subject, userId, Purpose::Username, channel, language, clientKey(peer));
}

RecoveryService::Started RecoveryService::startPasswordRecovery(const QString &username,
    const std::optional<QString> &channel, Language language, const QHostAddress &peer)
{
    const QString key = AccountService::usernameKey(username);
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT id FROM users WHERE username_key = ?"), { key });
    const QString userId = q.next() ? q.value(0).toString() : QString();
    q.finish();
    return issue(subjectKey(Purpose::Password, key), userId, Purpose::Password, channel, language,
        clientKey(peer));
}

RecoveryService::Started RecoveryService::issue(const QString &subject, const QString &userId,
    Purpose purpose, const std::optional<QString> &channel, Language language,
    const QString &client)
{
    if (channel && *channel != QLatin1String("mobile") && *channel != QLatin1String("email")) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The channel must be \"mobile\" or \"email\"."))
            .field(QStringLiteral("channel"));
    }
    Database &db = m_context.database;
    // The addresses on file: a learner's mobile, an organisation's phone when it is a mobile.
    QString mobile;
    QString email;
    if (!userId.isEmpty()) {
        QSqlQuery l = db.exec(
            QStringLiteral("SELECT mobile, email FROM learners WHERE user_id = ?"), { userId });
        if (l.next()) {
            mobile = l.value(0).toString();
            email = l.value(1).toString();
        }
        l.finish();
        QSqlQuery o = db.exec(
            QStringLiteral("SELECT phone, email FROM organisations WHERE user_id = ?"), { userId });
        if (o.next()) {
            if (validateMobile(o.value(0).toString()).ok())
                mobile = o.value(0).toString();
            email = o.value(1).toString();
        }
    }
    // Without an address for the channel asked for, nothing is sent, and the answer does not
    // say so: it would tell which accounts exist.
    const QString useChannel
        = channel.value_or(mobile.isEmpty() ? QStringLiteral("email") : QStringLiteral("mobile"));
    const QString destination = useChannel == QLatin1String("mobile") ? mobile : email;

    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    const qint64 windowMs = CapWindowSeconds * 1000;
    const qint64 windowStart = now - windowMs;
    Transaction tx(db);
    serialise(client, subject);
    purge(now);
    if (const qint64 until = capReachedUntil(db,
            QStringLiteral("SELECT created_at FROM recovery_codes WHERE client_key = ? AND"
                           " created_at > ? ORDER BY created_at DESC LIMIT 1 OFFSET ?"),
            client, windowStart, MaxCodesPerAddress, windowMs)) {
        throw tooMany(QT_TRANSLATE_NOOP("Server",
                          "Too many verification codes were requested from your network address "
                          "today. Please try again in %1 hour(s)."),
            until - now);
    }
    QSqlQuery last = db.exec(
        QStringLiteral("SELECT MAX(created_at) FROM recovery_codes WHERE subject_key = ?"),
        { subject });
    if (last.next() && !last.value(0).isNull()) {
        const qint64 wait = last.value(0).toLongLong() + ResendIntervalSeconds * 1000 - now;
        if (wait > 0) {
            const qint64 seconds = (wait + 999) / 1000;
            throw ApiError(429, ec::TooManyRequests, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "A code was sent less than a minute ago. Please wait %1 seconds before asking "
                    "for another."))
                .arg(QString::number(seconds))
                .extra(QStringLiteral("retryAfterSeconds"), double(seconds))
                .header("retry-after", QByteArray::number(seconds));
        }
    }
    last.finish();
    if (const qint64 until = capReachedUntil(db,
            QStringLiteral("SELECT created_at FROM recovery_codes WHERE subject_key = ? AND"
                           " created_at > ? ORDER BY created_at DESC LIMIT 1 OFFSET ?"),
            subject, windowStart, MaxCodesPerSubject, windowMs)) {
        throw tooMany(QT_TRANSLATE_NOOP("Server",
                          "Too many verification codes were requested for this account today. "
                          "Please try again in %1 hour(s)."),
            until - now);
    }
    if (const qint64 until = capReachedUntil(db,
            QStringLiteral("SELECT failed_at FROM recovery_failures WHERE subject_key = ? AND"
                           " failed_at > ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?"),
            subject, windowStart, MaxWrongCodesPerSubject, windowMs)) {
        throw tooMany(QT_TRANSLATE_NOOP("Server",
                          "Too many wrong verification codes were entered for this account today. "
                          "Please try again in %1 hour(s)."),
            until - now);
    }
    // Only the newest code of a subject is valid.
    db.exec(QStringLiteral("UPDATE recovery_codes SET used_at = ? WHERE subject_key = ? AND"
                           " used_at IS NULL"),
        { now, subject });

    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString code = randomCode();
    const qint64 expires = now + CodeLifetimeSeconds * 1000;
    const bool sent = !userId.isEmpty() && !destination.isEmpty();
    db.exec(QStringLiteral(
                "INSERT INTO recovery_codes (id, subject_key, user_id, purpose, code_hash,"
                " client_key, created_at, expires_at, tries) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"),
        { requestId, subject,
            userId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(userId),
            purposeName(purpose), QString::fromLatin1(codeHash(requestId, code)), client, now,
            expires });

    if (sent) {
        Notification n;
        n.channel = useChannel;
        n.destination = destination;
        n.createdAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
        n.expiresAt = QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
        const Localizer &loc = m_context.localizer;
        n.subject
            = loc.text(language, "Server", QT_TRANSLATE_NOOP("Server", "Xueshi verification code"));
        n.body = purpose == Purpose::Username
            ? loc.text(language, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "[Xueshi] Your verification code for recovering your username is %1. It is "
                    "valid for 10 minutes. If you did not ask for it, ignore this message."),
                { code })
            : loc.text(language, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "[Xueshi] Your verification code for resetting your password is %1. It is "
                    "valid for 10 minutes. If you did not ask for it, ignore this message."),
                { code });
        m_context.notifier.send(n);
    }
    tx.commit();

    Started s;
    s.requestId = requestId;
    s.channel = channel.value_or(QString());
    s.expiresAt = QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
    return s;
}

RecoveryService::Checked RecoveryService::consume(
    const QString &requestId, const QString &code, Purpose purpose, const QString &client)
{
    Database &db = m_context.database;
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    const qint64 windowMs = CapWindowSeconds * 1000;
    {
        QSqlQuery subjectOf = db.exec(
            QStringLiteral("SELECT subject_key FROM recovery_codes WHERE id = ?"), { requestId });
        serialise(client, subjectOf.next() ? subjectOf.value(0).toString() : QString());
    }
    purge(now);
    if (const qint64 until = capReachedUntil(db,
            QStringLiteral("SELECT failed_at FROM recovery_failures WHERE client_key = ? AND"
                           " failed_at > ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?"),
            client, now - windowMs, MaxWrongCodesPerAddress, windowMs)) {
        throw tooMany(QT_TRANSLATE_NOOP("Server",
                          "Too many wrong verification codes were entered from your network "
                          "address today. Please try again in %1 hour(s)."),
            until - now);
    }
    // The try is spent before the code is compared, by one conditional UPDATE: it holds the
    // row's lock until the transaction ends (PostgreSQL re-checks the condition after waiting
    // for it; SQLite's writers are serialised), so concurrent guesses never spend more than
    // MaxTries.
    QSqlQuery spend = db.exec(
        QStringLiteral("UPDATE recovery_codes SET tries = tries + 1 WHERE id = ? AND purpose = ?"
                       " AND used_at IS NULL AND tries < ? AND expires_at > ?"),
        { requestId, purposeName(purpose), MaxTries, now });
    if (spend.numRowsAffected() != 1) {
        spend.finish();
        QSqlQuery q = db.exec(QStringLiteral("SELECT tries, used_at FROM recovery_codes"
                                             " WHERE id = ? AND purpose = ?"),
            { requestId, purposeName(purpose) });
        if (!q.next()) {
            throw ApiError(404, ec::NotFound, "Server",
                QT_TRANSLATE_NOOP(
                    "Server", "This verification request is unknown. Please ask for a new code."))
                .field(QStringLiteral("requestId"));
        }
        if (!q.value(1).isNull()) {
            throw ApiError(400, ec::CodeUsed, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "This verification code has already been used or replaced by a newer one. "
                    "Please ask for a new code."))
                .field(QStringLiteral("code"));
        }
        if (q.value(0).toInt() >= MaxTries) {
            throw ApiError(400, ec::CodeTriesExhausted, "Server",
                QT_TRANSLATE_NOOP(
                    "Server", "Too many wrong codes were entered. Please ask for a new code."))
                .field(QStringLiteral("code"));
        }
        throw ApiError(400, ec::CodeExpired, "Server",
            QT_TRANSLATE_NOOP("Server",
                "The verification code has expired (codes are valid for 10 minutes). Please ask "
                "for a new code."))
            .field(QStringLiteral("code"));
    }
    spend.finish();
    QSqlQuery q = db.exec(QStringLiteral("SELECT subject_key, user_id, code_hash, tries FROM"
                                         " recovery_codes WHERE id = ?"),
        { requestId });
    q.next();
    const QString subject = q.value(0).toString();
    const QString userId = q.value(1).isNull() ? QString() : q.value(1).toString();
    const QByteArray stored = q.value(2).toString().toLatin1();
    const int tries = q.value(3).toInt();
    q.finish();
    // Guesses at one subject, over all its codes: with the row lock held, exact per subject.
    if (const qint64 until = capReachedUntil(db,
            QStringLiteral("SELECT failed_at FROM recovery_failures WHERE subject_key = ? AND"
                           " failed_at > ? ORDER BY failed_at DESC LIMIT 1 OFFSET ?"),
            subject, now - windowMs, MaxWrongCodesPerSubject, windowMs)) {
        throw tooMany(QT_TRANSLATE_NOOP("Server",
                          "Too many wrong verification codes were entered for this account today. "
                          "Please try again in %1 hour(s)."),
            until - now);
    }
    const QByteArray given = codeHash(requestId, code);
    // A code issued for an identifier that matched no account has no user: never right.
    const bool match = !userId.isEmpty() && given.size() == stored.size()
        && sodium_memcmp(given.constData(), stored.constData(), size_t(given.size())) == 0;
    if (!match) {
        db.exec(QStringLiteral("INSERT INTO recovery_failures (subject_key, client_key,"
                               " failed_at) VALUES (?, ?, ?)"),
            { subject, client, now });
        return { QString(), std::max(0, MaxTries - tries) };
    }
    db.exec(
        QStringLiteral("UPDATE recovery_codes SET used_at = ? WHERE id = ?"), { now, requestId });
    return { userId, std::max(0, MaxTries - tries) };
}

namespace {

[[noreturn]] void throwWrongCode(int triesLeft)
{
    throw ApiError(400, ec::CodeInvalid, "Server",
        QT_TRANSLATE_NOOP("Server", "The verification code is wrong. %1 tries left."))
        .field(QStringLiteral("code"))
        .arg(QString::number(triesLeft))
        .extra(QStringLiteral("triesLeft"), triesLeft);
}

} // namespace

QString RecoveryService::finishUsernameRecovery(
    const QString &requestId, const QString &code, const QHostAddress &peer)
{
    Database &db = m_context.database;
    Transaction tx(db);
    const Checked checked = consume(requestId, code, Purpose::Username, clientKey(peer));
    tx.commit();
    if (checked.userId.isEmpty())
        throwWrongCode(checked.triesLeft);
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT username FROM users WHERE id = ?"), { checked.userId });
    q.next();
    return q.value(0).toString();
}

void RecoveryService::finishPasswordRecovery(const QString &requestId, const QString &code,
    const QString &newPassword, const QHostAddress &peer)
{
    // The policy is checked first so a weak password does not spend the code.
    requireValid(validatePassword(newPassword), QStringLiteral("newPassword"));
    // Hashed before the transaction: Argon2id is slow and must not hold the write lock.
    const QByteArray newHash = m_context.hasher.hash(newPassword);
    Database &db = m_context.database;
    Transaction tx(db);
    const Checked checked = consume(requestId, code, Purpose::Password, clientKey(peer));
    if (!checked.userId.isEmpty())
        m_accounts.resetPassword(checked.userId, newHash);
    tx.commit();
    if (checked.userId.isEmpty())
        throwWrongCode(checked.triesLeft);
}

} // namespace xueshi::server

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

[[noreturn]] void throwNotFound()
{
    throw ApiError(404, ec::NotFound, "Server",
        QT_TRANSLATE_NOOP("Server", "No account matches what you entered."));
}

} // namespace

RecoveryService::RecoveryService(ServiceContext &context, AccountService &accounts)
    : m_context(context)
    , m_accounts(accounts)
{ }

RecoveryService::Started RecoveryService::startUsernameRecovery(
    const std::optional<QString> &residentId, const std::optional<QString> &creditCode,
    const std::optional<QString> &role, const std::optional<QString> &channel, Language language)
{
    Database &db = m_context.database;
    QString userId;
    if (residentId && !creditCode) {
        requireValid(validateResidentId(
                         *residentId, m_context.clock.todayInChina(), RegionTable::instance()),
            QStringLiteral("residentId"));
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT user_id FROM learners WHERE resident_id = ?"), { *residentId });
        if (!q.next())
            throwNotFound();
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
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT user_id FROM organisations WHERE kind = ? AND credit_code = ?"),
            { *role, *creditCode });
        if (!q.next())
            throwNotFound();
        userId = q.value(0).toString();
    } else {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "Enter either a resident ID number or a unified social credit code."))
            .field(QStringLiteral("residentId"));
    }
    return issue(userId, Purpose::Username, channel, language);
}

RecoveryService::Started RecoveryService::startPasswordRecovery(
    const QString &username, const std::optional<QString> &channel, Language language)
{
    QSqlQuery q
        = m_context.database.exec(QStringLiteral("SELECT id FROM users WHERE username_key = ?"),
            { AccountService::usernameKey(username) });
    if (!q.next())
        throwNotFound();
    return issue(q.value(0).toString(), Purpose::Password, channel, language);
}

RecoveryService::Started RecoveryService::issue(const QString &userId, Purpose purpose,
    const std::optional<QString> &channel, Language language)
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
    o.finish();

    QString useChannel
        = channel.value_or(mobile.isEmpty() ? QStringLiteral("email") : QStringLiteral("mobile"));
    const QString destination = useChannel == QLatin1String("mobile") ? mobile : email;
    if (destination.isEmpty()) {
        throw ApiError(400, ec::NoContactChannel, "Server",
            useChannel == QLatin1String("mobile")
                ? QT_TRANSLATE_NOOP(
                    "Server", "No mobile number is registered for this account; choose e-mail.")
                : QT_TRANSLATE_NOOP("Server",
                    "No e-mail address is registered for this account; choose the mobile number."))
            .field(QStringLiteral("channel"));
    }

    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    Transaction tx(db);
    QSqlQuery last = db.exec(
        QStringLiteral(
            "SELECT MAX(created_at) FROM verification_codes WHERE user_id = ? AND purpose = ?"),
        { userId, purposeName(purpose) });
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
    // Only the newest code of a purpose is valid.
    db.exec(QStringLiteral("UPDATE verification_codes SET used_at = ? WHERE user_id = ? AND "
                           "purpose = ? AND used_at IS NULL"),
        { now, userId, purposeName(purpose) });

    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString code
        = QStringLiteral("%1").arg(randombytes_uniform(1000000), 6, 10, QLatin1Char('0'));
    const qint64 expires = now + CodeLifetimeSeconds * 1000;
    db.exec(
        QStringLiteral(
            "INSERT INTO verification_codes (id, user_id, purpose, code_hash, channel, created_at,"
            " expires_at, tries) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"),
        { requestId, userId, purposeName(purpose), QString::fromLatin1(codeHash(requestId, code)),
            useChannel, now, expires });

    Notification n;
    n.channel = useChannel;
    n.destination = destination;
    n.createdAt = m_context.clock.nowUtc();
    const Localizer &loc = m_context.localizer;
    n.subject
        = loc.text(language, "Server", QT_TRANSLATE_NOOP("Server", "Xueshi verification code"));
    n.body = purpose == Purpose::Username
        ? loc.text(language, "Server",
            QT_TRANSLATE_NOOP("Server",
                "[Xueshi] Your verification code for recovering your username is %1. It is valid "
                "for 10 minutes. If you did not ask for it, ignore this message."),
            { code })
        : loc.text(language, "Server",
            QT_TRANSLATE_NOOP("Server",
                "[Xueshi] Your verification code for resetting your password is %1. It is valid "
                "for 10 minutes. If you did not ask for it, ignore this message."),
            { code });
    m_context.notifier.send(n);
    tx.commit();

    Started s;
    s.requestId = requestId;
    s.channel = useChannel;
    s.maskedDestination
        = useChannel == QLatin1String("mobile") ? maskMobile(destination) : maskEmail(destination);
    s.expiresAt = QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
    return s;
}

QString RecoveryService::consume(const QString &requestId, const QString &code, Purpose purpose)
{
    Database &db = m_context.database;
    QSqlQuery q = db.exec(
        QStringLiteral(
            "SELECT user_id, code_hash, expires_at, tries, used_at FROM verification_codes"
            " WHERE id = ? AND purpose = ?"),
        { requestId, purposeName(purpose) });
    if (!q.next()) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "This verification request is unknown. Please ask for a new code."))
            .field(QStringLiteral("requestId"));
    }
    const QString userId = q.value(0).toString();
    const QByteArray stored = q.value(1).toString().toLatin1();
    const qint64 expires = q.value(2).toLongLong();
    const int tries = q.value(3).toInt();
    const bool used = !q.value(4).isNull();
    q.finish();
    if (used) {
        throw ApiError(400, ec::CodeUsed, "Server",
            QT_TRANSLATE_NOOP("Server",
                "This verification code has already been used or replaced by a newer one. Please "
                "ask for a new code."))
            .field(QStringLiteral("code"));
    }
    if (tries >= MaxTries) {
        throw ApiError(400, ec::CodeTriesExhausted, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "Too many wrong codes were entered. Please ask for a new code."))
            .field(QStringLiteral("code"));
    }
    if (expires <= m_context.clock.nowUtc().toMSecsSinceEpoch()) {
        throw ApiError(400, ec::CodeExpired, "Server",
            QT_TRANSLATE_NOOP("Server",
                "The verification code has expired (codes are valid for 10 minutes). Please ask "
                "for a new code."))
            .field(QStringLiteral("code"));
    }
    const QByteArray given = codeHash(requestId, code);
    const bool match = given.size() == stored.size()
        && sodium_memcmp(given.constData(), stored.constData(), size_t(given.size())) == 0;
    if (!match) {
        db.exec(QStringLiteral("UPDATE verification_codes SET tries = tries + 1 WHERE id = ?"),
            { requestId });
        return QString();
    }
    db.exec(QStringLiteral("UPDATE verification_codes SET used_at = ? WHERE id = ?"),
        { m_context.clock.nowUtc().toMSecsSinceEpoch(), requestId });
    return userId;
}

namespace {

[[noreturn]] void throwWrongCode(Database &db, const QString &requestId)
{
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT tries FROM verification_codes WHERE id = ?"), { requestId });
    const int left = q.next() ? std::max(0, RecoveryService::MaxTries - q.value(0).toInt()) : 0;
    throw ApiError(400, ec::CodeInvalid, "Server",
        QT_TRANSLATE_NOOP("Server", "The verification code is wrong. %1 tries left."))
        .field(QStringLiteral("code"))
        .arg(QString::number(left))
        .extra(QStringLiteral("triesLeft"), left);
}

} // namespace

QString RecoveryService::finishUsernameRecovery(const QString &requestId, const QString &code)
{
    Database &db = m_context.database;
    Transaction tx(db);
    const QString userId = consume(requestId, code, Purpose::Username);
    tx.commit();
    if (userId.isEmpty())
        throwWrongCode(db, requestId);
    QSqlQuery q = db.exec(QStringLiteral("SELECT username FROM users WHERE id = ?"), { userId });
    q.next();
    return q.value(0).toString();
}

void RecoveryService::finishPasswordRecovery(
    const QString &requestId, const QString &code, const QString &newPassword)
{
    // The policy is checked first so a weak password does not spend the code.
    requireValid(validatePassword(newPassword), QStringLiteral("newPassword"));
    // Hashed before the transaction: Argon2id is slow and must not hold the write lock.
    const QByteArray newHash = m_context.hasher.hash(newPassword);
    Database &db = m_context.database;
    Transaction tx(db);
    const QString userId = consume(requestId, code, Purpose::Password);
    if (!userId.isEmpty())
        m_accounts.resetPassword(userId, newHash);
    tx.commit();
    if (userId.isEmpty())
        throwWrongCode(db, requestId);
}

} // namespace xueshi::server

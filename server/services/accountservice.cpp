#include "accountservice.h"

#include "clock.h"
#include "core/apierror.h"
#include "core/jsonbody.h"
#include "errorcodes.h"
#include "passwordhasher.h"
#include "regions.h"
#include "storage/database.h"
#include "sync/changelog.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QUuid>

#include <sodium.h>

namespace xueshi::server {

namespace ec = xueshi::errorcode;

namespace tokens {

QString generate()
{
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    const QByteArray raw(reinterpret_cast<const char *>(bytes), sizeof bytes);
    return QStringLiteral("xs_")
        + QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray hash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace tokens

QString clientKey(const QHostAddress &address)
{
    if (address.isNull())
        return QStringLiteral("unknown");
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    Q_IPV6ADDR v6 = address.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        v6[i] = 0;
    return QHostAddress(v6).toString() + QStringLiteral("/64");
}

void requireValid(const ValidationResult &result, const QString &field)
{
    if (result.ok())
        return;
    const bool missing = result.code == QLatin1String("required");
    throw ApiError(400, missing ? ec::MissingField : ec::InvalidField, "Validation", result.message)
        .field(field)
        .detail(result.code);
}

namespace {

QString isoUtc(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODate);
}

QVariant nullableString(const std::optional<QString> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::QString));
}

[[noreturn]] void throwUnauthorized()
{
    throw ApiError(
        401, ec::Unauthorized, "Server", QT_TRANSLATE_NOOP("Server", "Please log in first."));
}

} // namespace

AccountService::AccountService(ServiceContext &context)
    : m_context(context)
{ }

QString AccountService::createUser(const QString &username, const QByteArray &passwordHash,
    Role role, const QString &status, const QString &displayName)
{
    Database &db = m_context.database;
    const QString key = usernameKey(username);
    if (db.exec(QStringLiteral("SELECT 1 FROM users WHERE username_key = ?"), { key }).next()) {
        throw ApiError(409, ec::UsernameTaken, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "The username \"%1\" is already taken. Please choose another one."))
            .field(QStringLiteral("username"))
            .arg(username);
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    db.exec(
        QStringLiteral("INSERT INTO users (id, username, username_key, role, status, password_hash,"
                       " display_name, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, 1)"),
        { id, username, key, roleToString(role), status, QString::fromLatin1(passwordHash),
            displayName, now, now });
    return id;
}

QJsonObject AccountService::registerLearner(const JsonBody &body)
{
    const QString username = body.requiredString(QStringLiteral("username"));
    const QString password = body.requiredSecret(QStringLiteral("password"));
    const QString realName = body.requiredString(QStringLiteral("realName"));
    const QString residentId = body.requiredString(QStringLiteral("residentId"));
    const QString mobile = body.requiredString(QStringLiteral("mobile"));
    const std::optional<QString> email = body.optionalString(QStringLiteral("email"));

    requireValid(validateUsername(username), QStringLiteral("username"));
    requireValid(validatePassword(password), QStringLiteral("password"));
    requireValid(validateRealName(realName), QStringLiteral("realName"));
    requireValid(
        validateResidentId(residentId, m_context.clock.todayInChina(), RegionTable::instance()),
        QStringLiteral("residentId"));
    requireValid(validateMobile(mobile), QStringLiteral("mobile"));
    if (email)
        requireValid(validateEmail(*email), QStringLiteral("email"));

    // Hashed before the transaction: Argon2id is slow and must not hold the write lock.
    const QByteArray passwordHash = m_context.hasher.hash(password);
    Database &db = m_context.database;
    QString id;
    try {
        Transaction tx(db);
        requireResidentIdFree(residentId);
        id = createUser(username, passwordHash, Role::Learner, QStringLiteral("active"), realName);
        db.exec(
            QStringLiteral("INSERT INTO learners (user_id, real_name, resident_id, mobile, email)"
                           " VALUES (?, ?, ?, ?, ?)"),
            { id, realName, residentId, mobile, nullableString(email) });
        publishAccount(id);
        tx.commit();
    } catch (const DatabaseError &e) {
        // Two registrations raced past the checks above; the constraint decided.
        if (e.isUniqueViolation()) {
            throw ApiError(409, ec::Conflict, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "This username or resident ID number was registered a moment ago. Please check "
                    "and try again."));
        }
        throw;
    }
    return userJson(id);
}

QJsonObject AccountService::registerOrganisation(Role role, const JsonBody &body)
{
    const QString username = body.requiredString(QStringLiteral("username"));
    const QString password = body.requiredSecret(QStringLiteral("password"));
    const QString name = body.requiredString(QStringLiteral("name"));
    const QString creditCode = body.requiredString(QStringLiteral("creditCode"));
    const QString regionCode = body.requiredString(QStringLiteral("regionCode"));
    const QString contactPerson = body.requiredString(QStringLiteral("contactPerson"));
    const QString phone = body.requiredString(QStringLiteral("phone"));
    const std::optional<QString> email = body.optionalString(QStringLiteral("email"));

    requireValid(validateUsername(username), QStringLiteral("username"));
    requireValid(validatePassword(password), QStringLiteral("password"));
    requireValid(validateOrganisationName(name), QStringLiteral("name"));
    requireValid(validateCreditCode(creditCode), QStringLiteral("creditCode"));
    const RegionTable &regions = RegionTable::instance();
    if (!regions.contains(regionCode)) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The administrative region code is unknown."))
            .field(QStringLiteral("regionCode"))
            .detail(QStringLiteral("region_unknown"));
    }
    requireValid(validateRealName(contactPerson), QStringLiteral("contactPerson"));
    requireValid(validatePhone(phone), QStringLiteral("phone"));
    if (email)
        requireValid(validateEmail(*email), QStringLiteral("email"));

    const QString kind = roleToString(role);
    // Employers and institutions alike wait for the administrator (SPEC R1): until then an
    // employer is not in the directory and confirms nobody, an institution publishes no class.
    const QString status = QStringLiteral("awaiting_approval");
    const QByteArray passwordHash = m_context.hasher.hash(password);
    Database &db = m_context.database;
    QString id;
    try {
        Transaction tx(db);
        if (db.exec(
                  QStringLiteral("SELECT 1 FROM organisations WHERE kind = ? AND credit_code = ?"),
                  { kind, creditCode })
                .next()) {
            throw ApiError(409, ec::CreditCodeTaken, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "An organisation with this unified social credit code is already registered. "
                    "Use 'Recover username' if you forgot its account."))
                .field(QStringLiteral("creditCode"));
        }
        id = createUser(username, passwordHash, role, status, name);
        db.exec(QStringLiteral(
                    "INSERT INTO organisations (user_id, kind, name, credit_code, region_code,"
                    " contact_person, phone, email, approved_at, submitted_credit_code)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            { id, kind, name, creditCode, regions.normalized6(regionCode), contactPerson, phone,
                nullableString(email), QVariant(QMetaType(QMetaType::LongLong)), creditCode });
        publishAccount(id);
        tx.commit();
    } catch (const DatabaseError &e) {
        if (e.isUniqueViolation()) {
            throw ApiError(409, ec::Conflict, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "This username or credit code was registered a moment ago. Please check and "
                    "try again."));
        }
        throw;
    }
    return userJson(id);
}

namespace {

ApiError lockedError(qint64 remainingMs)
{
    const qint64 seconds = std::max<qint64>(1, (remainingMs + 999) / 1000);
    const qint64 minutes = (seconds + 59) / 60;
    return ApiError(423, ec::AccountLocked, "Server",
        QT_TRANSLATE_NOOP("Server",
            "Too many failed logins: this account is locked for 15 minutes. Try again in %1 "
            "minute(s), or reset the password with 'Recover password'."))
        .arg(QString::number(minutes))
        .extra(QStringLiteral("retryAfterSeconds"), double(seconds))
        .header("retry-after", QByteArray::number(seconds));
}

ApiError newAddressWaitError(qint64 remainingMs)
{
    const qint64 seconds = std::max<qint64>(1, (remainingMs + 999) / 1000);
    return ApiError(423, ec::AccountLocked, "Server",
        QT_TRANSLATE_NOOP("Server",
            "This account is locked after failed logins from elsewhere. For your safety, log in "
            "again from this computer in %1 seconds."))
        .arg(QString::number(seconds))
        .extra(QStringLiteral("retryAfterSeconds"), double(seconds))
        .header("retry-after", QByteArray::number(seconds));
}

} // namespace

void AccountService::requireMayTryPassword(const QString &key, const QString &client)
{
    Database &db = m_context.database;
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    const qint64 windowStart = now - FailureWindowSeconds * 1000;

    // The address: the 20th newest failure within the window decides until when it waits.
    QSqlQuery address = db.exec(
        QStringLiteral("SELECT failed_at FROM login_failures WHERE client_key = ? AND failed_at > ?"
                       " ORDER BY failed_at DESC LIMIT 1 OFFSET ?"),
        { client, windowStart, MaxFailuresPerAddress - 1 });
    if (address.next()) {
        const qint64 until = address.value(0).toLongLong() + FailureWindowSeconds * 1000;
        const qint64 seconds = std::max<qint64>(1, (until - now + 999) / 1000);
        throw ApiError(429, ec::TooManyRequests, "Server",
            QT_TRANSLATE_NOOP("Server",
                "Too many failed logins from your network address. Please try again in %1 "
                "minute(s)."))
            .arg(QString::number((seconds + 59) / 60))
            .extra(QStringLiteral("retryAfterSeconds"), double(seconds))
            .header("retry-after", QByteArray::number(seconds));
    }
    address.finish();

    QSqlQuery lock = db.exec(
        QStringLiteral("SELECT locked_until FROM login_locks WHERE username_key = ?"), { key });
    if (!lock.next() || lock.value(0).toLongLong() <= now)
        return;
    const qint64 lockedUntil = lock.value(0).toLongLong();
    lock.finish();
    QSqlQuery failedHere
        = db.exec(QStringLiteral("SELECT 1 FROM login_failures WHERE username_key = ? AND"
                                 " client_key = ? AND failed_at > ?"),
            { key, client, windowStart });
    if (failedHere.next())
        throw lockedError(lockedUntil - now);
    failedHere.finish();

    // An address that has not failed against this username: it may try once it has waited.
    QSqlQuery delay = db.exec(QStringLiteral("SELECT not_before FROM login_delays WHERE"
                                             " username_key = ? AND client_key = ?"),
        { key, client });
    const bool waiting = delay.next();
    const qint64 notBefore = waiting ? delay.value(0).toLongLong() : 0;
    delay.finish();
    if (waiting && notBefore > now)
        throw newAddressWaitError(notBefore - now);
    if (waiting && notBefore + FailureWindowSeconds * 1000 > now)
        return; // waited, and not so long ago that the wait should start again
    db.exec(QStringLiteral("INSERT INTO login_delays (username_key, client_key, not_before)"
                           " VALUES (?, ?, ?) ON CONFLICT (username_key, client_key)"
                           " DO UPDATE SET not_before = excluded.not_before"),
        { key, client, now + NewAddressDelaySeconds * 1000 });
    throw newAddressWaitError(NewAddressDelaySeconds * 1000);
}

bool AccountService::recordFailure(const QString &key, const QString &client, qint64 now)
{
    // Runs inside the caller's transaction.
    Database &db = m_context.database;
    const qint64 windowStart = now - FailureWindowSeconds * 1000;
    // Old rows go as part of normal operation: nothing older than the window counts.
    db.exec(QStringLiteral("DELETE FROM login_failures WHERE failed_at <= ?"), { windowStart });
    db.exec(QStringLiteral("DELETE FROM login_locks WHERE locked_until <= ?"), { now });
    db.exec(QStringLiteral("DELETE FROM login_delays WHERE not_before <= ?"), { windowStart });

    db.exec(QStringLiteral("INSERT INTO login_failures (username_key, client_key, failed_at)"
                           " VALUES (?, ?, ?)"),
        { key, client, now });
    QSqlQuery count = db.exec(
        QStringLiteral(
            "SELECT COUNT(*) FROM login_failures WHERE username_key = ? AND failed_at > ?"),
        { key, windowStart });
    count.next();
    if (count.value(0).toInt() < MaxFailedLogins)
        return false;
    count.finish();
    // An upsert: concurrent failures for one username must not collide on its row.
    db.exec(QStringLiteral("INSERT INTO login_locks (username_key, locked_until) VALUES (?, ?)"
                           " ON CONFLICT (username_key) DO UPDATE SET"
                           " locked_until = excluded.locked_until"),
        { key, now + LockSeconds * 1000 });
    // This address failed, so its wait (if it had one) is over.
    db.exec(QStringLiteral("DELETE FROM login_delays WHERE username_key = ? AND client_key = ?"),
        { key, client });
    return true;
}

void AccountService::forgetFailures(const QString &key, const QString &client)
{
    // Runs inside the caller's transaction. Only this address's failures: a correct password
    // here says nothing about the attempts made elsewhere, whose lock stays.
    Database &db = m_context.database;
    // A wait already served stays valid (for its window), so the owner is not made to wait
    // again at the next login while the lock lasts.
    db.exec(QStringLiteral("DELETE FROM login_failures WHERE username_key = ? AND client_key = ?"),
        { key, client });
}

AccountService::LoginResult AccountService::login(
    const QString &username, const QString &password, const QHostAddress &peer)
{
    Database &db = m_context.database;
    const QString key = usernameKey(username);
    const QString client = clientKey(peer);
    requireMayTryPassword(key, client);

    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id, password_hash FROM users WHERE username_key = ?"), { key });
    const bool known = q.next();
    const QString id = known ? q.value(0).toString() : QString();
    const QByteArray storedHash
        = known ? q.value(1).toString().toLatin1() : m_context.hasher.dummyHash();
    q.finish();
    // Verified for unknown usernames too, so the answer takes as long either way.
    const bool passwordOk = m_context.hasher.verify(storedHash, password) && known;

    Transaction tx(db);
    const qint64 after = m_context.clock.nowUtc().toMSecsSinceEpoch();
    if (!passwordOk) {
        const bool locked = recordFailure(key, client, after);
        tx.commit();
        if (locked)
            throw lockedError(LockSeconds * 1000);
        throw ApiError(401, ec::InvalidCredentials, "Server",
            QT_TRANSLATE_NOOP("Server", "The username or password is wrong."));
    }
    forgetFailures(key, client);
    if (m_context.hasher.needsRehash(storedHash)) {
        db.exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"),
            { QString::fromLatin1(m_context.hasher.hash(password)), id });
    }
    // Expired sessions of this user are swept here rather than by a timer.
    db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND expires_at <= ?"),
        { id, after });
    LoginResult result;
    result.token = tokens::generate();
    const qint64 expires = after + m_context.tokenLifetimeSeconds * 1000;
    db.exec(QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) "
                           "VALUES (?, ?, ?, ?)"),
        { QString::fromLatin1(tokens::hash(result.token)), id, after, expires });
    tx.commit();
    result.expiresAt = QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC);
    result.user = userJson(id);
    return result;
}

void AccountService::logout(const AuthenticatedUser &user)
{
    m_context.database.exec(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"),
        { QString::fromLatin1(user.tokenHash) });
}

AuthenticatedUser AccountService::authenticate(const QByteArray &authorizationHeader)
{
    const QByteArray prefix = "Bearer ";
    if (!authorizationHeader.startsWith(prefix))
        throwUnauthorized();
    const QString token = QString::fromLatin1(authorizationHeader.mid(prefix.size()).trimmed());
    if (token.isEmpty() || token.size() > 200)
        throwUnauthorized();
    const QByteArray hash = tokens::hash(token);
    // Every authenticated request runs this: through a statement kept prepared.
    std::optional<AuthenticatedUser> found;
    qint64 expiresAt = 0;
    m_context.database.selectEach(
        QStringLiteral("SELECT s.expires_at, u.id, u.username, u.role, u.status FROM sessions s"
                       " JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?"),
        { QString::fromLatin1(hash) }, [&](const QSqlQuery &q) {
            expiresAt = q.value(0).toLongLong();
            AuthenticatedUser user;
            user.id = q.value(1).toString();
            user.username = q.value(2).toString();
            user.role = roleFromString(q.value(3).toString()).value_or(Role::Learner);
            user.status = q.value(4).toString();
            found = std::move(user);
        });
    if (!found)
        throwUnauthorized();
    if (expiresAt <= m_context.clock.nowUtc().toMSecsSinceEpoch()) {
        m_context.database.exec(QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"),
            { QString::fromLatin1(hash) });
        throw ApiError(401, ec::TokenExpired, "Server",
            QT_TRANSLATE_NOOP("Server", "Your session has expired. Please log in again."));
    }
    found->tokenHash = hash;
    return *found;
}

void AccountService::changePassword(const AuthenticatedUser &user, const QString &currentPassword,
    const QString &newPassword, const QHostAddress &peer)
{
    requireValid(validatePassword(newPassword), QStringLiteral("newPassword"));
    Database &db = m_context.database;
    const QString key = usernameKey(user.username);
    const QString client = clientKey(peer);
    // A stolen token must not become a way round the login guards.
    requireMayTryPassword(key, client);
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), { user.id });
    if (!q.next())
        throwUnauthorized();
    const QByteArray stored = q.value(0).toString().toLatin1();
    q.finish();
    if (!m_context.hasher.verify(stored, currentPassword)) {
        Transaction tx(db);
        const bool locked
            = recordFailure(key, client, m_context.clock.nowUtc().toMSecsSinceEpoch());
        tx.commit();
        if (locked)
            throw lockedError(LockSeconds * 1000);
        throw ApiError(403, ec::InvalidCredentials, "Server",
            QT_TRANSLATE_NOOP("Server", "The current password is wrong."))
            .field(QStringLiteral("currentPassword"));
    }
    const QByteArray newHash = m_context.hasher.hash(newPassword);
    Transaction tx(db);
    db.exec(QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ?, version = version "
                           "+ 1 WHERE id = ?"),
        { QString::fromLatin1(newHash), m_context.clock.nowUtc().toMSecsSinceEpoch(), user.id });
    forgetFailures(key, client);
    db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"),
        { user.id, QString::fromLatin1(user.tokenHash) });
    publishAccount(user.id);
    tx.commit();
}

void AccountService::resetPassword(const QString &userId, const QByteArray &newPasswordHash)
{
    // Runs inside the caller's transaction.
    Database &db = m_context.database;
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT username_key FROM users WHERE id = ?"), { userId });
    if (!q.next())
        return;
    const QString key = q.value(0).toString();
    q.finish();
    db.exec(QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ?, version = version "
                           "+ 1 WHERE id = ?"),
        { QString::fromLatin1(newPasswordHash), m_context.clock.nowUtc().toMSecsSinceEpoch(),
            userId });
    db.exec(QStringLiteral("DELETE FROM sessions WHERE user_id = ?"), { userId });
    db.exec(QStringLiteral("DELETE FROM login_failures WHERE username_key = ?"), { key });
    db.exec(QStringLiteral("DELETE FROM login_locks WHERE username_key = ?"), { key });
    publishAccount(userId);
}

QJsonObject AccountService::userJson(const QString &userId)
{
    // GET /me and every account publication read these: statements kept prepared (selectEach).
    Database &db = m_context.database;
    QJsonObject user;
    db.selectEach(QStringLiteral("SELECT id, username, role, status, display_name, created_at"
                                 " FROM users WHERE id = ?"),
        { userId }, [&user](const QSqlQuery &q) {
            user = QJsonObject {
                { QStringLiteral("id"), q.value(0).toString() },
                { QStringLiteral("username"), q.value(1).toString() },
                { QStringLiteral("role"), q.value(2).toString() },
                { QStringLiteral("status"), q.value(3).toString() },
                { QStringLiteral("displayName"), q.value(4).toString() },
                { QStringLiteral("createdAt"), isoUtc(q.value(5).toLongLong()) },
                { QStringLiteral("learner"), QJsonValue::Null },
                { QStringLiteral("organisation"), QJsonValue::Null },
            };
        });
    if (user.isEmpty()) {
        throw ApiError(
            404, ec::NotFound, "Server", QT_TRANSLATE_NOOP("Server", "The account was not found."));
    }
    db.selectEach(QStringLiteral("SELECT real_name, resident_id, mobile, email, gender, education,"
                                 " professional_title, professional_series, position"
                                 " FROM learners WHERE user_id = ?"),
        { userId }, [&user](const QSqlQuery &l) {
            const auto optional = [&l](int column) {
                return l.value(column).isNull() || l.value(column).toString().isEmpty()
                    ? QJsonValue()
                    : QJsonValue(l.value(column).toString());
            };
            user.insert(QStringLiteral("learner"),
                QJsonObject { { QStringLiteral("realName"), l.value(0).toString() },
                    { QStringLiteral("residentId"), l.value(1).toString() },
                    { QStringLiteral("mobile"), l.value(2).toString() },
                    { QStringLiteral("email"), optional(3) },
                    { QStringLiteral("gender"), optional(4) },
                    { QStringLiteral("education"), optional(5) },
                    { QStringLiteral("professionalTitle"), optional(6) },
                    { QStringLiteral("professionalSeries"), optional(7) },
                    { QStringLiteral("position"), optional(8) } });
        });
    db.selectEach(
        QStringLiteral("SELECT name, COALESCE(submitted_credit_code, credit_code), region_code,"
                       " contact_person, phone, email, approved_at, kind, rejected_at,"
                       " rejection_reason FROM organisations WHERE user_id = ?"),
        { userId }, [&user](const QSqlQuery &o) {
            const QString region = o.value(2).toString();
            user.insert(QStringLiteral("organisation"),
                QJsonObject { { QStringLiteral("name"), o.value(0).toString() },
                    { QStringLiteral("creditCode"), o.value(1).toString() },
                    { QStringLiteral("regionCode"), region },
                    { QStringLiteral("regionName"), RegionTable::instance().fullName(region) },
                    { QStringLiteral("contactPerson"), o.value(3).toString() },
                    { QStringLiteral("phone"), o.value(4).toString() },
                    { QStringLiteral("email"),
                        o.value(5).isNull() ? QJsonValue() : QJsonValue(o.value(5).toString()) },
                    { QStringLiteral("approved"), !o.value(6).isNull() },
                    { QStringLiteral("rejected"), !o.value(8).isNull() },
                    { QStringLiteral("rejectionReason"),
                        o.value(9).isNull() ? QJsonValue() : QJsonValue(o.value(9).toString()) } });
        });
    return user;
}

QJsonObject AccountService::userForCaller(const AuthenticatedUser &caller, const QString &userId)
{
    // An administrator reviews organisations and may read their accounts, never a learner's
    // (personal data goes to the learner and the HR office confirming them only, DESIGN.md).
    if (caller.role == Role::Administrator && caller.id != userId) {
        const QJsonObject user = userJson(userId);
        if (user.value(QStringLiteral("role")).toString() != QLatin1String("learner"))
            return user;
    }
    if (caller.id != userId) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "You may not see this account."));
    }
    return userJson(userId);
}

bool AccountService::approveOrganisation(const QString &username, Role role, QString *error)
{
    Database &db = m_context.database;
    Transaction tx(db);
    QSqlQuery q = db.exec(QStringLiteral("SELECT id, role FROM users WHERE username_key = ?"),
        { usernameKey(username) });
    if (!q.next()) {
        *error = QStringLiteral("no user named %1").arg(username);
        return false;
    }
    const QString id = q.value(0).toString();
    if (q.value(1).toString() != roleToString(role)) {
        *error = QStringLiteral("%1 is not an %2").arg(username, roleToString(role));
        return false;
    }
    q.finish();
    if (!decideOrganisation(id, true, QString(), error))
        return false;
    tx.commit();
    return true;
}

bool AccountService::rejectOrganisation(
    const QString &username, const QString &reason, QString *error)
{
    if (reason.trimmed().isEmpty() || reason.trimmed().size() > 200) {
        *error = QStringLiteral("give a reason of 1 to 200 characters");
        return false;
    }
    Database &db = m_context.database;
    Transaction tx(db);
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id FROM users WHERE username_key = ? AND role IN ('employer',"
                       " 'institution')"),
        { usernameKey(username) });
    if (!q.next()) {
        *error = QStringLiteral("no organisation named %1").arg(username);
        return false;
    }
    const QString id = q.value(0).toString();
    q.finish();
    if (!decideOrganisation(id, false, reason.trimmed(), error))
        return false;
    tx.commit();
    return true;
}

bool AccountService::createAdministrator(
    const QString &username, const QString &password, QString *error, const QString &displayName)
{
    for (const auto &[result, field] : { std::pair { validateUsername(username), "username" },
             std::pair { validatePassword(password), "password" } }) {
        if (!result.ok()) {
            *error
                = QStringLiteral("%1: %2").arg(QLatin1String(field), QLatin1String(result.message));
            return false;
        }
    }
    const QByteArray hash = m_context.hasher.hash(password);
    try {
        Transaction tx(m_context.database);
        const QString id = createUser(username, hash, Role::Administrator, QStringLiteral("active"),
            displayName.isEmpty() ? username : displayName);
        publishAccount(id);
        tx.commit();
    } catch (const ApiError &) {
        *error = QStringLiteral("the username %1 is taken").arg(username);
        return false;
    }
    return true;
}

bool AccountService::decideOrganisation(
    const QString &userId, bool approve, const QString &reason, QString *error)
{
    Database &db = m_context.database;
    QSqlQuery q = db.exec(QStringLiteral("SELECT o.approved_at, o.rejected_at FROM organisations o"
                                         " WHERE o.user_id = ?")
            + db.forUpdate(),
        { userId });
    if (!q.next()) {
        *error = QStringLiteral("not an organisation");
        return false;
    }
    const bool approved = !q.value(0).isNull();
    const bool rejected = !q.value(1).isNull();
    q.finish();
    if (approved || rejected) {
        *error = approved ? QStringLiteral("already approved") : QStringLiteral("already rejected");
        // Approving twice is harmless (the command line may be run again); anything else is a
        // decision already taken.
        return approve && approved;
    }
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    if (approve) {
        db.exec(QStringLiteral("UPDATE organisations SET approved_at = ? WHERE user_id = ?"),
            { now, userId });
    } else {
        // The credit code is freed (unique per kind), so the real organisation can register after
        // a squatter was refused; the code as submitted stays for the record.
        db.exec(QStringLiteral("UPDATE organisations SET rejected_at = ?, rejection_reason = ?,"
                               " credit_code = ? WHERE user_id = ?"),
            { now, reason, QStringLiteral("rejected:") + userId, userId });
    }
    db.exec(QStringLiteral("UPDATE users SET status = ?, updated_at = ?, version = version + 1"
                           " WHERE id = ?"),
        { approve ? QStringLiteral("active") : QStringLiteral("rejected"), now, userId });
    publishAccount(userId);
    return true;
}

QList<QJsonObject> AccountService::listPendingOrganisations()
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT o.user_id FROM organisations o JOIN users u ON u.id = o.user_id"
                       " WHERE o.approved_at IS NULL AND o.rejected_at IS NULL"
                       " ORDER BY u.created_at, u.username"));
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    QList<QJsonObject> out;
    for (const QString &id : std::as_const(ids))
        out.append(userJson(id));
    return out;
}

QList<QJsonObject> AccountService::listUsers(const QString &roleFilter)
{
    QList<QJsonObject> out;
    QSqlQuery q = roleFilter.isEmpty()
        ? m_context.database.exec(
            QStringLiteral("SELECT id FROM users ORDER BY created_at, username"))
        : m_context.database.exec(
            QStringLiteral("SELECT id FROM users WHERE role = ? ORDER BY created_at, username"),
            { roleFilter });
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    for (const QString &id : std::as_const(ids))
        out.append(userJson(id));
    return out;
}

void AccountService::publishAccount(const QString &userId)
{
    const QJsonObject user = userJson(userId);
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { userId });
    if (!q.next())
        return;
    const qint64 version = q.value(0).toLongLong();
    q.finish();
    ChangeLog &log = m_context.changes;
    log.append(QStringLiteral("profile"), userId, version, ChangeLog::Op::Upsert, user,
        { ChangeLog::userAudience(userId) });
    const QJsonObject org = user.value(QStringLiteral("organisation")).toObject();
    if (!org.isEmpty()) {
        // What the administrator reviews: the organisation with its contact and its state.
        QJsonObject review = org;
        review.insert(QStringLiteral("id"), userId);
        review.insert(QStringLiteral("kind"), user.value(QStringLiteral("role")));
        review.insert(QStringLiteral("username"), user.value(QStringLiteral("username")));
        review.insert(QStringLiteral("status"), user.value(QStringLiteral("status")));
        review.insert(QStringLiteral("registeredAt"), user.value(QStringLiteral("createdAt")));
        review.insert(QStringLiteral("version"), double(version));
        log.append(QStringLiteral("organisation"), userId, version, ChangeLog::Op::Upsert, review,
            { ChangeLog::administratorAudience() });
    }
    // The directory entry learners search for their employer, once approved (R1): no contact
    // details.
    if (user.value(QStringLiteral("role")).toString() == QLatin1String("employer")
        && org.value(QStringLiteral("approved")).toBool()) {
        log.append(QStringLiteral("employer"), userId, version, ChangeLog::Op::Upsert,
            QJsonObject { { QStringLiteral("id"), userId },
                { QStringLiteral("name"), org.value(QStringLiteral("name")) },
                { QStringLiteral("creditCode"), org.value(QStringLiteral("creditCode")) },
                { QStringLiteral("regionCode"), org.value(QStringLiteral("regionCode")) },
                { QStringLiteral("regionName"), org.value(QStringLiteral("regionName")) } },
            { ChangeLog::publicAudience() });
    }
}

void AccountService::requireResidentIdFree(const QString &residentId, const QString &exceptUserId)
{
    // Compared with a NULL, "user_id <> ?" would match nothing: no exception, no condition.
    QSqlQuery taken = exceptUserId.isEmpty()
        ? m_context.database.exec(
            QStringLiteral("SELECT 1 FROM learners WHERE resident_id = ?"), { residentId })
        : m_context.database.exec(
            QStringLiteral("SELECT 1 FROM learners WHERE resident_id = ? AND user_id <> ?"),
            { residentId, exceptUserId });
    if (taken.next()) {
        throw ApiError(409, ec::ResidentIdTaken, "Server",
            QT_TRANSLATE_NOOP("Server",
                "An account with this resident ID number already exists. Use 'Recover "
                "username' if you forgot it."))
            .field(QStringLiteral("residentId"));
    }
}

} // namespace xueshi::server

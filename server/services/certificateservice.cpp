#include "certificateservice.h"

#include "annualcertification.h"
#include "bindingservice.h"
#include "certificates/signingkeys.h"
#include "clock.h"
#include "core/apierror.h"
#include "core/localizer.h"
#include "errorcodes.h"
#include "mutationsupport.h"
#include "policyservice.h"
#include "storage/database.h"
#include "sync/changelog.h"
#include "validators.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <sodium.h>

Q_LOGGING_CATEGORY(lcCertificates, "xueshi.server.certificates", QtInfoMsg)

namespace xueshi::server {

namespace ec = xueshi::errorcode;
using Mutation = SyncService::Mutation;

namespace {

const QString Columns = QStringLiteral(
    "serial, version, learner_id, year, status, fields, payload, key_id, issued_at,"
    " superseded_at, revoked_at, revoked_reason, feed_version");

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

QString entityId(const QString &serial, int version)
{
    return serial + QLatin1Char('-') + QString::number(version);
}

[[noreturn]] void throwNotFound()
{
    throw ApiError(404, ec::NotFound, "Server",
        QT_TRANSLATE_NOOP("Server", "This certificate was not found."));
}

void checkSerial(const QString &serial)
{
    if (!isCertificateSerial(serial)) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server",
                "A certificate number is XS, the year and ten letters or digits, like "
                "XS2026K7M3Q9X2PA."))
            .field(QStringLiteral("serial"));
    }
}

// A reason as people write one: trimmed, 1 to 200 characters, no control characters.
QString checkedReason(const QString &raw)
{
    const QString reason = raw.trimmed();
    if (reason.isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "Give the reason for revoking the certificate."))
            .field(QStringLiteral("reason"));
    }
    if (reason.size() > CertificateService::MaxReasonLength) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The reason may have at most %1 characters."))
            .field(QStringLiteral("reason"))
            .arg(QString::number(CertificateService::MaxReasonLength));
    }
    for (const QChar c : reason) {
        if (c.category() == QChar::Other_Control) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The reason must not contain control characters."))
                .field(QStringLiteral("reason"));
        }
    }
    return reason;
}

// The fields that decide whether a certificate says something new: all but the version and
// the day it was issued.
CertificateFields comparable(CertificateFields f)
{
    f.version = 0;
    f.issuedOn = QDate();
    return f;
}

} // namespace

CertificateService::CertificateService(ServiceContext &context, BindingService &bindings,
    PolicyService &policies, SigningKeys &keys, SyncService &sync)
    : m_context(context)
    , m_bindings(bindings)
    , m_policies(policies)
    , m_keys(keys)
{
    sync.registerHandler(QStringLiteral("certificate.request"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return request(caller, m); });
}

// --- signing keys -----------------------------------------------------------------------------

void CertificateService::initialise()
{
    publishKeys();
}

void CertificateService::publishKeys()
{
    Database &db = m_context.database;
    const QList<SigningKeys::Key> keys = m_keys.keys();
    Transaction tx(db);
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    QString currentId;
    for (const SigningKeys::Key &k : keys) {
        if (k.current)
            currentId = k.keyIdHex();
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT is_current FROM signing_keys WHERE key_id = ?") + db.forUpdate(),
            { k.keyIdHex() });
        if (!q.next()) {
            q.finish();
            db.exec(QStringLiteral(
                        "INSERT INTO signing_keys (key_id, public_key, created_at, is_current,"
                        " version, published_version) VALUES (?, ?, ?, ?, 1, 0)"),
                { k.keyIdHex(), QString::fromLatin1(k.publicKey.toBase64()),
                    k.createdAt.isValid() ? k.createdAt.toMSecsSinceEpoch() : now,
                    k.current ? 1 : 0 });
        } else if ((q.value(0).toInt() != 0) != k.current) {
            q.finish();
            db.exec(QStringLiteral("UPDATE signing_keys SET is_current = ?, version = version + 1"
                                   " WHERE key_id = ?"),
                { k.current ? 1 : 0, k.keyIdHex() });
        }
    }
    // A key the table says is current but the directory does not (its file was replaced).
    db.exec(QStringLiteral("UPDATE signing_keys SET is_current = 0, version = version + 1"
                           " WHERE is_current = 1 AND key_id <> ?"),
        { currentId });

    QSqlQuery q = db.exec(
        QStringLiteral("SELECT key_id, public_key, created_at, is_current, version"
                       " FROM signing_keys WHERE published_version < version ORDER BY created_at")
        + db.forUpdate());
    QList<ChangeLog::Entry> entries;
    while (q.next()) {
        const QString id = q.value(0).toString();
        entries.append(
            { QStringLiteral("signingKey"), id, q.value(4).toLongLong(), ChangeLog::Op::Upsert,
                QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("keyId"), id },
                    { QStringLiteral("publicKey"), q.value(1).toString() },
                    { QStringLiteral("createdAt"), isoUtc(q.value(2).toLongLong()) },
                    { QStringLiteral("current"), q.value(3).toInt() != 0 } },
                { ChangeLog::publicAudience() } });
    }
    q.finish();
    m_context.changes.appendMany(entries);
    db.exec(QStringLiteral(
        "UPDATE signing_keys SET published_version = version WHERE published_version < version"));
    tx.commit();
}

std::optional<QString> CertificateService::rotateKey(QString *error)
{
    const std::optional<SigningKeys::Key> made = m_keys.rotate(m_context.clock.nowUtc(), error);
    if (!made)
        return std::nullopt;
    publishKeys();
    return made->keyIdHex();
}

QJsonObject CertificateService::publicKeys()
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT key_id, public_key, is_current, created_at FROM signing_keys"
                       " ORDER BY is_current DESC, created_at DESC, key_id"));
    QJsonArray keys;
    while (q.next()) {
        keys.append(QJsonObject { { QStringLiteral("keyId"), q.value(0).toString() },
            { QStringLiteral("publicKey"), q.value(1).toString() },
            { QStringLiteral("current"), q.value(2).toInt() != 0 },
            { QStringLiteral("createdAt"), isoUtc(q.value(3).toLongLong()) } });
    }
    return { { QStringLiteral("keys"), keys } };
}

// --- rows and publishing ----------------------------------------------------------------------

QList<CertificateService::Row> CertificateService::rows(const QString &serial, bool lock)
{
    Database &db = m_context.database;
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT %1 FROM certificates WHERE serial = ? ORDER BY version").arg(Columns)
            + (lock ? db.forUpdate() : QString()),
        { serial });
    const auto optionalLong = [&q](int column) {
        return q.value(column).isNull() ? std::nullopt
                                        : std::optional<qint64>(q.value(column).toLongLong());
    };
    QList<Row> out;
    while (q.next()) {
        Row r;
        r.serial = q.value(0).toString();
        r.version = q.value(1).toInt();
        r.learnerId = q.value(2).toString();
        r.year = q.value(3).toInt();
        r.status = q.value(4).toString();
        r.fieldsJson = q.value(5).toString();
        r.payload = q.value(6).toString();
        r.keyId = q.value(7).toString();
        r.issuedAt = q.value(8).toLongLong();
        r.supersededAt = optionalLong(9);
        r.revokedAt = optionalLong(10);
        r.revokedReason = q.value(11).toString();
        r.feedVersion = q.value(12).toLongLong();
        out.append(r);
    }
    return out;
}

QJsonObject CertificateService::toJson(const Row &r) const
{
    return { { QStringLiteral("id"), entityId(r.serial, r.version) },
        { QStringLiteral("serial"), r.serial }, { QStringLiteral("certificateVersion"), r.version },
        { QStringLiteral("learnerId"), r.learnerId }, { QStringLiteral("year"), r.year },
        { QStringLiteral("status"), r.status },
        { QStringLiteral("fields"), QJsonDocument::fromJson(r.fieldsJson.toUtf8()).object() },
        { QStringLiteral("payload"), r.payload }, { QStringLiteral("keyId"), r.keyId },
        { QStringLiteral("issuedAt"), isoUtc(r.issuedAt) },
        { QStringLiteral("supersededAt"), isoUtc(r.supersededAt) },
        { QStringLiteral("revokedAt"), isoUtc(r.revokedAt) },
        { QStringLiteral("revokedReason"), jsonTextOrNull(r.revokedReason) } };
}

void CertificateService::publish(const Row &r)
{
    m_context.changes.append(QStringLiteral("certificate"), entityId(r.serial, r.version),
        r.feedVersion, ChangeLog::Op::Upsert, toJson(r), { ChangeLog::userAudience(r.learnerId) });
}

QJsonObject CertificateService::certificateJson(const QString &serial, int certificateVersion)
{
    for (const Row &r : rows(serial, false)) {
        if (r.version == certificateVersion)
            return toJson(r);
    }
    return {};
}

QString CertificateService::newSerial(int year)
{
    // Crockford's base32: no I, L, O or U, so a serial read aloud or typed is not mistaken.
    static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (;;) {
        QString serial = QStringLiteral("XS") + QString::number(year);
        for (int i = 0; i < 10; ++i)
            serial.append(QLatin1Char(alphabet[randombytes_uniform(32)]));
        QSqlQuery q = m_context.database.exec(
            QStringLiteral("SELECT 1 FROM certificate_serials WHERE serial = ?"), { serial });
        if (!q.next())
            return serial;
    }
}

QString CertificateService::lockSerial(const QString &learnerId, int year)
{
    Database &db = m_context.database;
    const QString select
        = QStringLiteral("SELECT serial FROM certificate_serials WHERE learner_id = ? AND year = ?")
        + db.forUpdate();
    QSqlQuery q = db.exec(select, { learnerId, year });
    if (q.next())
        return q.value(0).toString();
    q.finish();
    // Two first requests at once (PostgreSQL): the second waits for the first's row, inserts
    // nothing and then locks that row.
    db.exec(QStringLiteral("INSERT INTO certificate_serials (serial, learner_id, year, created_at)"
                           " VALUES (?, ?, ?, ?) ON CONFLICT (learner_id, year) DO NOTHING"),
        { newSerial(year), learnerId, year, m_context.clock.nowUtc().toMSecsSinceEpoch() });
    QSqlQuery again = db.exec(select, { learnerId, year });
    if (!again.next())
        throw DatabaseError(QStringLiteral("no certificate serial after inserting one"), QString());
    return again.value(0).toString();
}

// --- the learner's request --------------------------------------------------------------------

QJsonObject CertificateService::request(const AuthenticatedUser &caller, const Mutation &m)
{
    if (caller.role != Role::Learner) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "Only learners ask for their own certificates."));
    }
    for (auto it = m.payload.constBegin(); it != m.payload.constEnd(); ++it) {
        if (it.key() != QLatin1String("year")) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
    }
    const QJsonValue yearValue = m.payload.value(QStringLiteral("year"));
    if (yearValue.isUndefined() || yearValue.isNull()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
            .field(QStringLiteral("year"))
            .arg(QStringLiteral("year"));
    }
    if (!isWholeNumber(yearValue) || yearValue.toDouble() < MinYear
        || yearValue.toDouble() > MaxYear) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The year must be a whole number from %1 to %2."))
            .field(QStringLiteral("year"))
            .arg(QString::number(MinYear))
            .arg(QString::number(MaxYear));
    }
    const int year = int(yearValue.toDouble());

    Database &db = m_context.database;
    // The lock order: the binding (shared), then the serial of the year, then its rows.
    const std::optional<QString> employer
        = m_bindings.confirmedEmployer(caller.id, BindingService::Lock::Shared);
    QString employerName;
    QString region;
    if (employer) {
        QSqlQuery o = db.exec(
            QStringLiteral("SELECT name, region_code FROM organisations WHERE user_id = ?"),
            { *employer });
        if (o.next()) {
            employerName = o.value(0).toString();
            region = o.value(1).toString();
        }
    }

    QList<CountedRecord> records;
    QSqlQuery h
        = db.exec(QStringLiteral("SELECT subject_type, hours_tenths, status FROM hour_records"
                                 " WHERE learner_id = ? AND year = ?"
                                 " AND status IN ('confirmed', 'pending')"),
            { caller.id, year });
    while (h.next())
        records.append({ year, h.value(0).toString(), h.value(1).toInt(), h.value(2).toString() });
    h.finish();
    const YearJudgement judgement = judgeYear(m_policies.policyFor(year, region), records);
    if (!judgement.passed) {
        // What is missing in the request's language, as the client's page says it.
        const auto line = [&](int tenths, const char *source) {
            return m_context.localizer.text(
                m.language, "AnnualCertification", source, { formatTenths(tenths) });
        };
        QStringList lines;
        if (judgement.publicShortTenths > 0)
            lines << line(judgement.publicShortTenths,
                QT_TRANSLATE_NOOP("AnnualCertification", "Public subjects: %1 hours short"));
        if (judgement.professionalShortTenths > 0)
            lines << line(judgement.professionalShortTenths,
                QT_TRANSLATE_NOOP("AnnualCertification", "Professional subjects: %1 hours short"));
        if (judgement.electiveShortTenths > 0)
            lines << line(judgement.electiveShortTenths,
                QT_TRANSLATE_NOOP("AnnualCertification", "Elective subjects: %1 hours short"));
        if (judgement.totalShortTenths > 0)
            lines << line(judgement.totalShortTenths,
                QT_TRANSLATE_NOOP("AnnualCertification", "In total: %1 more hours of any type"));
        throw ApiError(422, ec::CertificateYearNotPassed, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "The confirmed hours of %1 do not meet the year's requirement yet: %2"))
            .field(QStringLiteral("year"))
            .arg(QString::number(year))
            .arg(lines.join(QStringLiteral("; ")))
            .extra(QStringLiteral("missing"), QJsonArray::fromStringList(lines))
            .extra(QStringLiteral("missingTenths"),
                QJsonObject { { QStringLiteral("public"), judgement.publicShortTenths },
                    { QStringLiteral("professional"), judgement.professionalShortTenths },
                    { QStringLiteral("elective"), judgement.electiveShortTenths },
                    { QStringLiteral("total"), judgement.totalShortTenths } });
    }

    QSqlQuery l
        = db.exec(QStringLiteral("SELECT real_name, resident_id FROM learners WHERE user_id = ?"),
            { caller.id });
    if (!l.next())
        throwNotFound();
    CertificateFields now;
    now.year = year;
    now.name = l.value(0).toString();
    now.residentIdMasked = maskResidentId(l.value(1).toString());
    l.finish();
    now.employer = employerName;
    now.publicTenths = judgement.confirmed.publicTenths;
    now.professionalTenths = judgement.confirmed.professionalTenths;
    now.electiveTenths = judgement.confirmed.electiveTenths;
    now.totalTenths = judgement.confirmed.totalTenths();
    now.requiredTenths = judgement.policy.totalTenths;
    now.result = QStringLiteral("passed");
    now.issuedOn = m_context.clock.todayInChina();

    now.serial = lockSerial(caller.id, year);
    const QList<Row> existing = rows(now.serial, true);
    const auto result = [&](int version) {
        return QJsonObject { { QStringLiteral("id"), m.id },
            { QStringLiteral("status"), QStringLiteral("applied") },
            { QStringLiteral("serial"), now.serial }, { QStringLiteral("version"), version },
            { QStringLiteral("certificateVersion"), version } };
    };
    // The latest version that still stands for the year: the current one, or a revoked one
    // (revoking does not bring back the version it superseded).
    const Row *latest = existing.isEmpty() ? nullptr : &existing.last();
    if (latest) {
        const std::optional<CertificateFields> stored = CertificateFields::fromJson(
            QJsonDocument::fromJson(latest->fieldsJson.toUtf8()).object());
        if (stored && comparable(*stored) == comparable(now))
            return result(latest->version);
    }

    const std::optional<SigningKeys::Key> key = m_keys.current();
    if (!key)
        throw DatabaseError(QStringLiteral("no certificate signing key"), QString());
    now.version = latest ? latest->version + 1 : 1;
    const QString payload = signCertificate(now, key->secretKey);
    if (payload.isEmpty()) {
        // A value beyond what the payload carries: the real name is validated far below that.
        throw DatabaseError(
            QStringLiteral("a certificate's fields do not fit its payload"), QString());
    }
    const qint64 at = m_context.clock.nowUtc().toMSecsSinceEpoch();
    if (latest && latest->status == QLatin1String("current")) {
        Row former = *latest;
        former.status = QStringLiteral("superseded");
        former.supersededAt = at;
        ++former.feedVersion;
        db.exec(QStringLiteral("UPDATE certificates SET status = 'superseded', superseded_at = ?,"
                               " feed_version = ? WHERE serial = ? AND version = ?"),
            { at, former.feedVersion, former.serial, former.version });
        publish(former);
    }
    Row r;
    r.serial = now.serial;
    r.version = now.version;
    r.learnerId = caller.id;
    r.year = year;
    r.status = QStringLiteral("current");
    r.fieldsJson = QString::fromUtf8(QJsonDocument(now.toJson()).toJson(QJsonDocument::Compact));
    r.payload = payload;
    r.keyId = key->keyIdHex();
    r.issuedAt = at;
    r.feedVersion = 1;
    db.exec(QStringLiteral("INSERT INTO certificates (serial, version, learner_id, year, status,"
                           " fields, payload, key_id, issued_at, feed_version)"
                           " VALUES (?, ?, ?, ?, 'current', ?, ?, ?, ?, 1)"),
        { r.serial, r.version, r.learnerId, r.year, r.fieldsJson, r.payload, r.keyId, r.issuedAt });
    publish(r);
    qCInfo(lcCertificates, "issued certificate %s version %d", qPrintable(r.serial), r.version);
    return result(r.version);
}

// --- public lookups and revocation ------------------------------------------------------------

QJsonObject CertificateService::publicStatus(const QString &serial)
{
    checkSerial(serial);
    const QList<Row> all = rows(serial, false);
    if (all.isEmpty())
        throwNotFound();
    // Nothing that names or identifies the learner: the status of each version and its day.
    QJsonArray versions;
    for (const Row &r : all) {
        const std::optional<CertificateFields> f
            = CertificateFields::fromJson(QJsonDocument::fromJson(r.fieldsJson.toUtf8()).object());
        versions.append(QJsonObject { { QStringLiteral("certificateVersion"), r.version },
            { QStringLiteral("status"), r.status },
            { QStringLiteral("issuedOn"),
                f ? QJsonValue(f->issuedOn.toString(Qt::ISODate)) : QJsonValue() },
            { QStringLiteral("revokedReason"), jsonTextOrNull(r.revokedReason) } });
    }
    return { { QStringLiteral("serial"), serial }, { QStringLiteral("versions"), versions } };
}

QJsonObject CertificateService::revoke(
    const AuthenticatedUser &caller, const QString &serial, const QString &reason)
{
    if (caller.role != Role::Administrator) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "Only the administrator revokes certificates."));
    }
    checkSerial(serial);
    const QString checked = checkedReason(reason);
    Transaction tx(m_context.database);
    const QJsonObject out = revokeLocked(serial, checked, caller.id);
    tx.commit();
    return out;
}

bool CertificateService::revokeFromCommandLine(
    const QString &serial, const QString &reason, QString *error)
{
    try {
        checkSerial(serial);
        const QString checked = checkedReason(reason);
        Transaction tx(m_context.database);
        revokeLocked(serial, checked, QString());
        tx.commit();
        return true;
    } catch (const ApiError &e) {
        *error
            = m_context.localizer.text(Language::English, e.context(), e.sourceMessage(), e.args());
        return false;
    }
}

QJsonObject CertificateService::revokeLocked(
    const QString &serial, const QString &reason, const QString &by)
{
    Database &db = m_context.database;
    // The serial's row first, as a request takes it.
    QSqlQuery s = db.exec(
        QStringLiteral("SELECT 1 FROM certificate_serials WHERE serial = ?") + db.forUpdate(),
        { serial });
    if (!s.next())
        throwNotFound();
    s.finish();
    QList<Row> all = rows(serial, true);
    Row *current = nullptr;
    for (Row &r : all) {
        if (r.status == QLatin1String("current"))
            current = &r;
    }
    if (!current) {
        throw ApiError(409, ec::CertificateNotCurrent, "Server",
            QT_TRANSLATE_NOOP("Server",
                "This certificate has no current version to revoke: it was revoked already."));
    }
    const qint64 at = m_context.clock.nowUtc().toMSecsSinceEpoch();
    current->status = QStringLiteral("revoked");
    current->revokedAt = at;
    current->revokedReason = reason;
    ++current->feedVersion;
    db.exec(QStringLiteral("UPDATE certificates SET status = 'revoked', revoked_at = ?,"
                           " revoked_reason = ?, revoked_by = ?, feed_version = ?"
                           " WHERE serial = ? AND version = ?"),
        { at, reason, by.isEmpty() ? nullText() : QVariant(by), current->feedVersion, serial,
            current->version });
    publish(*current);
    qCInfo(
        lcCertificates, "revoked certificate %s version %d", qPrintable(serial), current->version);
    return { { QStringLiteral("serial"), serial },
        { QStringLiteral("certificateVersion"), current->version },
        { QStringLiteral("status"), current->status } };
}

} // namespace xueshi::server

#include "declarationservice.h"

#include "attachmentkind.h"
#include "bindingservice.h"
#include "clock.h"
#include "core/apierror.h"
#include "core/jsonbody.h"
#include "core/privatedirectory.h"
#include "declarationrules.h"
#include "entityids.h"
#include "errorcodes.h"
#include "hourrecordservice.h"
#include "mutationsupport.h"
#include "policyservice.h"
#include "storage/database.h"
#include "sync/changelog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QUuid>

#include <cmath>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcDeclarations, "xueshi.server.declarations", QtInfoMsg)

namespace xueshi::server {

namespace ec = xueshi::errorcode;
using Mutation = SyncService::Mutation;

namespace {

const QString Columns = QStringLiteral(
    "id, learner_id, employer_id, employer_name, year, title, organiser, start_date, end_date,"
    " training_days, hours_tenths, subject_type, professional_series, status, reason,"
    " submitted_at, decided_at, hour_record_id, version");
const QString AttachmentColumns
    = QStringLiteral("id, declaration_id, learner_id, name, size, sha256, received, kind");

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? nullText() : QVariant(text);
}

bool isSha256(const QString &text)
{
    if (text.size() != 64)
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
}

[[noreturn]] void throwNotFound()
{
    throw ApiError(
        404, ec::NotFound, "Server", QT_TRANSLATE_NOOP("Server", "This declaration was not found."))
        .field(QStringLiteral("target"));
}

[[noreturn]] void throwAttachmentNotFound()
{
    throw ApiError(
        404, ec::NotFound, "Server", QT_TRANSLATE_NOOP("Server", "This attachment was not found."));
}

[[noreturn]] void throwDecided()
{
    throw ApiError(409, ec::DeclarationDecided, "Server",
        QT_TRANSLATE_NOOP("Server",
            "Your employer has confirmed this declaration; it can no longer be changed."));
}

void requireEmptyPayload(const QJsonObject &payload)
{
    if (payload.isEmpty())
        return;
    const QString key = payload.constBegin().key();
    throw ApiError(400, ec::UnknownField, "Server",
        QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
        .field(key)
        .arg(key);
}

void requireLearner(const AuthenticatedUser &caller)
{
    if (caller.role != Role::Learner) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "Only learners declare their own training hours."));
    }
}

// A complete file is on the disk before its transaction commits. Pieces before it are only
// written (not synced): the SQLite write lock is held while a piece is written, and a piece lost
// to a crash shows as a part file shorter than counted, which the next piece or announcement
// resumes from (and the whole file's SHA-256 is checked at the end anyway).
bool syncFile(QFile &file)
{
    return file.flush() && ::fsync(file.handle()) == 0;
}

} // namespace

DeclarationService::DeclarationService(ServiceContext &context, BindingService &bindings,
    HourRecordService &hourRecords, PolicyService &policies, SyncService &sync,
    const QString &attachmentsDirectory)
    : m_context(context)
    , m_bindings(bindings)
    , m_hourRecords(hourRecords)
    , m_policies(policies)
    , m_directory(attachmentsDirectory)
{
    // Proof of attendance holds personal data: the owner's only.
    makePrivateDirectory(m_directory);
    sync.registerHandler(QStringLiteral("declaration.save"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return save(caller, m); });
    sync.registerHandler(QStringLiteral("declaration.submit"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return submit(caller, m); });
    sync.registerHandler(QStringLiteral("declaration.withdraw"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return withdraw(caller, m); });
    sync.registerHandler(QStringLiteral("declaration.delete"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return remove(caller, m); });
    sync.registerHandler(QStringLiteral("declaration.confirm"),
        [this](const AuthenticatedUser &caller, const Mutation &m) {
            return decide(caller, m, true);
        });
    sync.registerHandler(QStringLiteral("declaration.reject"),
        [this](const AuthenticatedUser &caller, const Mutation &m) {
            return decide(caller, m, false);
        });
}

// --- start-up ------------------------------------------------------------------------------

void DeclarationService::initialise()
{
    Database &db = m_context.database;
    // Files no row names: a crash between writing a file and committing its row, or a row
    // removed whose file could not be. Part files of uploads in progress have rows.
    QSet<QString> known;
    QSqlQuery rows = db.exec(QStringLiteral("SELECT id, kind FROM attachments"));
    while (rows.next()) {
        known.insert(rows.value(0).toString()
            + (rows.value(1).isNull() ? QStringLiteral(".part") : QString()));
    }
    rows.finish();
    // Only files older than an hour: with several server processes on one data directory, a
    // younger one may belong to an upload whose transaction is still open in another process.
    const QDateTime settled = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QDir dir(m_directory);
    for (const QFileInfo &file : dir.entryInfoList(QDir::Files | QDir::Hidden)) {
        const QString name = file.fileName();
        if (!known.contains(name) && file.lastModified().toUTC() < settled) {
            qCInfo(lcDeclarations, "removing the attachment file %s that no upload names",
                qPrintable(name));
            QFile::remove(dir.filePath(name));
        }
    }
}

// --- reading and publishing -----------------------------------------------------------------

std::optional<DeclarationService::Row> DeclarationService::load(const QString &id, bool lock)
{
    Database &db = m_context.database;
    QSqlQuery q = db.exec(QStringLiteral("SELECT %1 FROM declarations WHERE id = ?").arg(Columns)
            + (lock ? db.forUpdate() : QString()),
        { id });
    if (!q.next())
        return std::nullopt;
    const auto optionalLong = [&q](int column) {
        return q.value(column).isNull() ? std::nullopt
                                        : std::optional<qint64>(q.value(column).toLongLong());
    };
    Row r;
    r.id = q.value(0).toString();
    r.learnerId = q.value(1).toString();
    r.employerId = q.value(2).toString();
    r.employerName = q.value(3).toString();
    r.year = q.value(4).toInt();
    r.title = q.value(5).toString();
    r.organiser = q.value(6).toString();
    r.startDate = QDate::fromString(q.value(7).toString(), Qt::ISODate);
    r.endDate = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    r.trainingDays = q.value(9).toInt();
    r.hoursTenths = q.value(10).toInt();
    r.subjectType = q.value(11).toString();
    r.professionalSeries = q.value(12).toString();
    r.status = q.value(13).toString();
    r.reason = q.value(14).toString();
    r.submittedAt = optionalLong(15);
    r.decidedAt = optionalLong(16);
    r.hourRecordId = q.value(17).toString();
    r.version = q.value(18).toLongLong();
    return r;
}

std::optional<DeclarationService::AttachmentRow> DeclarationService::loadAttachment(
    const QString &id, bool lock)
{
    Database &db = m_context.database;
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT %1 FROM attachments WHERE id = ?").arg(AttachmentColumns)
                + (lock ? db.forUpdate() : QString()),
            { id });
    if (!q.next())
        return std::nullopt;
    AttachmentRow a;
    a.id = q.value(0).toString();
    a.declarationId = q.value(1).toString();
    a.learnerId = q.value(2).toString();
    a.name = q.value(3).toString();
    a.size = q.value(4).toLongLong();
    a.sha256 = q.value(5).toString();
    a.received = q.value(6).toLongLong();
    a.kind = q.value(7).toString();
    return a;
}

QJsonObject DeclarationService::toJson(const Row &r)
{
    Database &db = m_context.database;
    QSqlQuery name = db.exec(
        QStringLiteral("SELECT real_name FROM learners WHERE user_id = ?"), { r.learnerId });
    const QString learnerName = name.next() ? name.value(0).toString() : QString();
    name.finish();
    QJsonArray attachments;
    QSqlQuery q = db.exec(QStringLiteral("SELECT id, name, kind, size, sha256 FROM attachments"
                                         " WHERE declaration_id = ? AND kind IS NOT NULL"
                                         " ORDER BY created_at, id"),
        { r.id });
    while (q.next()) {
        attachments.append(QJsonObject { { QStringLiteral("id"), q.value(0).toString() },
            { QStringLiteral("name"), q.value(1).toString() },
            { QStringLiteral("kind"), q.value(2).toString() },
            { QStringLiteral("size"), double(q.value(3).toLongLong()) },
            { QStringLiteral("sha256"), q.value(4).toString() } });
    }
    return { { QStringLiteral("id"), r.id }, { QStringLiteral("learnerId"), r.learnerId },
        { QStringLiteral("learnerName"), learnerName },
        { QStringLiteral("employerId"), jsonTextOrNull(r.employerId) },
        { QStringLiteral("employerName"), jsonTextOrNull(r.employerName) },
        { QStringLiteral("year"), r.year }, { QStringLiteral("title"), r.title },
        { QStringLiteral("organiser"), r.organiser },
        { QStringLiteral("startDate"), r.startDate.toString(Qt::ISODate) },
        { QStringLiteral("endDate"), r.endDate.toString(Qt::ISODate) },
        { QStringLiteral("trainingDays"), r.trainingDays },
        { QStringLiteral("hoursTenths"), r.hoursTenths },
        { QStringLiteral("subjectType"), r.subjectType },
        { QStringLiteral("professionalSeries"), jsonTextOrNull(r.professionalSeries) },
        { QStringLiteral("status"), r.status },
        { QStringLiteral("reason"), jsonTextOrNull(r.reason) },
        { QStringLiteral("attachments"), attachments },
        { QStringLiteral("submittedAt"), isoUtc(r.submittedAt) },
        { QStringLiteral("decidedAt"), isoUtc(r.decidedAt) },
        { QStringLiteral("hourRecordId"), jsonTextOrNull(r.hourRecordId) },
        { QStringLiteral("version"), double(r.version) } };
}

QJsonObject DeclarationService::declarationJson(const QString &id)
{
    const std::optional<Row> row = load(id, false);
    return row ? toJson(*row) : QJsonObject();
}

QStringList DeclarationService::audiences(const Row &r)
{
    QStringList out { ChangeLog::userAudience(r.learnerId) };
    // The HR office it was submitted to keeps seeing it (a withdrawn one as a draft) while the
    // learner's binding to it lasts. Read under the binding's shared lock (PostgreSQL), as for
    // hour records: never published to an office whose access ends in a concurrent transaction.
    if (!r.employerId.isEmpty()) {
        const std::optional<QString> employer
            = m_bindings.confirmedEmployer(r.learnerId, BindingService::Lock::Shared);
        if (employer && *employer == r.employerId)
            out.append(ChangeLog::employerStaffAudience(r.employerId));
    }
    return out;
}

void DeclarationService::publish(const Row &r)
{
    m_context.changes.append(QStringLiteral("declaration"), r.id, r.version, ChangeLog::Op::Upsert,
        toJson(r), audiences(r));
}

void DeclarationService::touch(Row *r)
{
    ++r->version;
    m_context.database.exec(
        QStringLiteral("UPDATE declarations SET version = ?, updated_at = ? WHERE id = ?"),
        { r->version, m_context.clock.nowUtc().toMSecsSinceEpoch(), r->id });
    publish(*r);
}

QJsonObject DeclarationService::conflict(const QString &mutationId, const Row &r)
{
    return { { QStringLiteral("id"), mutationId },
        { QStringLiteral("status"), QStringLiteral("conflict") },
        { QStringLiteral("current"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("declaration") },
                { QStringLiteral("id"), r.id }, { QStringLiteral("version"), double(r.version) },
                { QStringLiteral("data"), toJson(r) } } } };
}

int DeclarationService::completeAttachments(const QString &declarationId)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral(
            "SELECT COUNT(*) FROM attachments WHERE declaration_id = ? AND kind IS NOT NULL"),
        { declarationId });
    return q.next() ? q.value(0).toInt() : 0;
}

DeclarationService::Row DeclarationService::lockOwn(
    const AuthenticatedUser &caller, const QString &id)
{
    requireLearner(caller);
    // The binding first, then the declaration: the order a binding's end takes.
    m_bindings.confirmedEmployer(caller.id, BindingService::Lock::Shared);
    const std::optional<Row> row = load(id, true);
    if (!row || row->learnerId != caller.id)
        throwNotFound();
    if (row->status == QLatin1String("confirmed"))
        throwDecided();
    return *row;
}

void DeclarationService::checkRules(const Row &r)
{
    DeclarationInput in;
    in.title = r.title;
    in.organiser = r.organiser;
    in.startDate = r.startDate;
    in.endDate = r.endDate;
    in.trainingDays = r.trainingDays;
    in.hoursTenths = r.hoursTenths;
    in.subjectType = r.subjectType;
    in.professionalSeries = r.professionalSeries;
    // The cap of the year of the training, in the region of the learner's employer.
    const int perDay
        = m_policies
              .policyForLearner(r.startDate.isValid() ? r.startDate.year()
                                                      : m_context.clock.todayInChina().year(),
                  r.learnerId)
              .hoursPerDayTenths;
    const QList<DeclarationProblem> problems
        = checkDeclaration(in, m_context.clock.todayInChina(), perDay);
    if (problems.isEmpty())
        return;
    const DeclarationProblem &first = problems.first();
    ApiError error(400, ec::InvalidField, "DeclarationRules", first.source);
    error.field(first.field).detail(first.code);
    for (const QString &a : first.args)
        error.arg(a);
    throw error;
}

// --- the learner's mutations ----------------------------------------------------------------

QJsonObject DeclarationService::save(const AuthenticatedUser &caller, const Mutation &m)
{
    requireLearner(caller);
    // Declaring needs a confirmed employer to declare to (R4).
    m_bindings.requireStudyAllowed(caller);
    if (!isUuid(m.target)) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "A declaration needs a UUID as its id."))
            .field(QStringLiteral("target"));
    }
    const QStringList keys { QStringLiteral("title"), QStringLiteral("organiser"),
        QStringLiteral("startDate"), QStringLiteral("endDate"), QStringLiteral("trainingDays"),
        QStringLiteral("hoursTenths"), QStringLiteral("subjectType"),
        QStringLiteral("professionalSeries") };
    const QJsonObject &p = m.payload;
    for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
        if (!keys.contains(it.key())) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
    }
    for (const QString &key : keys) {
        if (!p.contains(key) && key != QLatin1String("professionalSeries")) {
            throw ApiError(400, ec::MissingField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
                .field(key)
                .arg(key);
        }
    }
    const auto text = [&](const char *key) {
        const QJsonValue v = p.value(QLatin1String(key));
        const bool optional = qstrcmp(key, "professionalSeries") == 0;
        if (!v.isString() && !(optional && (v.isNull() || v.isUndefined()))) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" must be a string."))
                .field(QLatin1String(key))
                .arg(QLatin1String(key));
        }
        return v.toString();
    };
    const auto number = [&](const char *key) {
        const QJsonValue v = p.value(QLatin1String(key));
        // Far beyond any rule, so the rules give the message; never an int overflow.
        if (!isWholeNumber(v) || v.toDouble() < -1e6 || v.toDouble() > 1e6) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" must be a whole number."))
                .field(QLatin1String(key))
                .arg(QLatin1String(key));
        }
        return int(v.toDouble());
    };
    const auto date = [&](const char *key) {
        const QString t = text(key);
        // Strictly YYYY-MM-DD; anything else is an invalid date for the rules to name.
        return t.size() == 10 ? QDate::fromString(t, Qt::ISODate) : QDate();
    };

    Row r;
    r.id = m.target;
    r.learnerId = caller.id;
    r.title = text("title").trimmed();
    r.organiser = text("organiser").trimmed();
    r.startDate = date("startDate");
    r.endDate = date("endDate");
    r.trainingDays = number("trainingDays");
    r.hoursTenths = number("hoursTenths");
    r.subjectType = text("subjectType");
    r.professionalSeries = text("professionalSeries").trimmed();
    checkRules(r);
    r.year = r.startDate.year();

    Database &db = m_context.database;
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    m_bindings.confirmedEmployer(caller.id, BindingService::Lock::Shared);
    const std::optional<Row> existing = load(m.target, true);
    if (!existing) {
        // A declaration deleted meanwhile (on another computer) is not made again by an edit.
        if (m.baseVersion != 0)
            throwNotFound();
        r.status = QStringLiteral("draft");
        r.version = 1;
        db.exec(QStringLiteral(
                    "INSERT INTO declarations (id, learner_id, year, title, organiser, start_date,"
                    " end_date, training_days, hours_tenths, subject_type, professional_series,"
                    " status, version, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?)"),
            { r.id, r.learnerId, r.year, r.title, r.organiser, r.startDate.toString(Qt::ISODate),
                r.endDate.toString(Qt::ISODate), r.trainingDays, r.hoursTenths, r.subjectType,
                textOrNull(r.professionalSeries), now, now });
        publish(r);
        return applied(m.id, r.version);
    }
    if (existing->learnerId != caller.id)
        throwNotFound();
    if (existing->status == QLatin1String("confirmed"))
        throwDecided();
    // The learner is the only one who edits: the edit applies to the current version (an upload
    // completing raises it between a save and the next). A pending one stays pending as a new
    // version, which the HR office must see before deciding; a rejected one becomes a draft
    // that keeps the reason until it is submitted again.
    r.employerId = existing->employerId;
    r.employerName = existing->employerName;
    r.status
        = existing->status == QLatin1String("pending") ? existing->status : QStringLiteral("draft");
    r.reason = existing->reason;
    r.submittedAt = existing->submittedAt;
    r.decidedAt = existing->decidedAt;
    r.version = existing->version + 1;
    db.exec(QStringLiteral("UPDATE declarations SET year = ?, title = ?, organiser = ?,"
                           " start_date = ?, end_date = ?, training_days = ?, hours_tenths = ?,"
                           " subject_type = ?, professional_series = ?, status = ?, version = ?,"
                           " updated_at = ? WHERE id = ?"),
        { r.year, r.title, r.organiser, r.startDate.toString(Qt::ISODate),
            r.endDate.toString(Qt::ISODate), r.trainingDays, r.hoursTenths, r.subjectType,
            textOrNull(r.professionalSeries), r.status, r.version, now, r.id });
    publish(r);
    return applied(m.id, r.version);
}

QJsonObject DeclarationService::submit(const AuthenticatedUser &caller, const Mutation &m)
{
    requireLearner(caller);
    requireEmptyPayload(m.payload);
    m_bindings.requireStudyAllowed(caller);
    Row r = lockOwn(caller, m.target);
    // Sent twice (from two computers, say): it is already with the HR office.
    if (r.status == QLatin1String("pending"))
        return applied(m.id, r.version);
    if (completeAttachments(r.id) < 1) {
        throw ApiError(400, ec::AttachmentRequired, "Server",
            QT_TRANSLATE_NOOP("Server",
                "Attach proof of the training (a PDF, JPEG or PNG file) before submitting."))
            .field(QStringLiteral("attachments"));
    }
    // Today's rules with the year's policy: a draft saved long ago is checked again.
    checkRules(r);
    const std::optional<QString> employer
        = m_bindings.confirmedEmployer(caller.id, BindingService::Lock::Shared);
    if (!employer) {
        m_bindings.requireStudyAllowed(caller); // throws study_locked
        throwNotFound();
    }
    Database &db = m_context.database;
    QSqlQuery name = db.exec(
        QStringLiteral("SELECT name FROM organisations WHERE user_id = ?"), { *employer });
    r.employerName = name.next() ? name.value(0).toString() : QString();
    name.finish();
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    r.employerId = *employer;
    r.status = QStringLiteral("pending");
    r.reason.clear();
    r.submittedAt = now;
    r.decidedAt.reset();
    r.version += 1;
    db.exec(QStringLiteral("UPDATE declarations SET employer_id = ?, employer_name = ?,"
                           " status = 'pending', reason = NULL, submitted_at = ?,"
                           " decided_at = NULL, version = ?, updated_at = ? WHERE id = ?"),
        { r.employerId, r.employerName, now, r.version, now, r.id });
    publish(r);
    return applied(m.id, r.version);
}

QJsonObject DeclarationService::withdraw(const AuthenticatedUser &caller, const Mutation &m)
{
    requireEmptyPayload(m.payload);
    Row r = lockOwn(caller, m.target);
    if (r.status == QLatin1String("draft"))
        return applied(m.id, r.version); // withdrawn already
    if (r.status != QLatin1String("pending"))
        return conflict(m.id, r); // the HR office rejected it meanwhile
    r.status = QStringLiteral("draft");
    m_context.database.exec(
        QStringLiteral("UPDATE declarations SET status = 'draft' WHERE id = ?"), { r.id });
    touch(&r);
    return applied(m.id, r.version);
}

QJsonObject DeclarationService::remove(const AuthenticatedUser &caller, const Mutation &m)
{
    requireEmptyPayload(m.payload);
    const Row r = lockOwn(caller, m.target);
    // Only a draft: one waiting for the HR office is withdrawn first, a rejected one corrected.
    if (r.status != QLatin1String("draft"))
        return conflict(m.id, r);
    Database &db = m_context.database;
    QStringList files;
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT id FROM attachments WHERE declaration_id = ?"), { r.id });
    while (q.next())
        files.append(q.value(0).toString());
    q.finish();
    const QStringList audienceList = audiences(r);
    // What it ever said leaves every feed; the clients that cached it delete it.
    db.exec(QStringLiteral("DELETE FROM change_audience WHERE seq IN (SELECT seq FROM change_log"
                           " WHERE entity_type = 'declaration' AND entity_id = ?)"),
        { r.id });
    db.exec(QStringLiteral("DELETE FROM attachments WHERE declaration_id = ?"), { r.id });
    db.exec(QStringLiteral("DELETE FROM declarations WHERE id = ?"), { r.id });
    m_context.changes.append(QStringLiteral("declaration"), r.id, r.version + 1,
        ChangeLog::Op::Delete, {}, audienceList);
    for (const QString &id : std::as_const(files))
        removeFiles(id);
    return applied(m.id, r.version + 1);
}

// --- the HR office's decisions --------------------------------------------------------------

QJsonObject DeclarationService::decide(
    const AuthenticatedUser &caller, const Mutation &m, bool confirm)
{
    if (caller.role != Role::Employer) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server",
                "Only the HR office of the employer a declaration was submitted to decides it."));
    }
    Database &db = m_context.database;
    if (!db.exec(QStringLiteral("SELECT 1 FROM organisations WHERE user_id = ?"
                                " AND approved_at IS NOT NULL"),
               { caller.id })
             .next()) {
        throw ApiError(403, ec::AwaitingApproval, "Server",
            QT_TRANSLATE_NOOP("Server",
                "The administrator has not approved your organisation yet; you can review "
                "declarations once it is approved."));
    }
    for (auto it = m.payload.constBegin(); it != m.payload.constEnd(); ++it) {
        if (confirm || it.key() != QLatin1String("reason")) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(it.key())
                .arg(it.key());
        }
    }
    QString reason;
    if (!confirm) {
        const QJsonValue v = m.payload.value(QStringLiteral("reason"));
        if (!v.isString() && !v.isUndefined() && !v.isNull()) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" must be a string."))
                .field(QStringLiteral("reason"))
                .arg(QStringLiteral("reason"));
        }
        reason = v.toString().trimmed();
        if (reason.isEmpty()) {
            throw ApiError(400, ec::MissingField, "Server",
                QT_TRANSLATE_NOOP("Server", "Give the reason for returning the declaration."))
                .field(QStringLiteral("reason"));
        }
        if (reason.size() > MaxReasonLength) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The reason may have at most 200 characters."))
                .field(QStringLiteral("reason"));
        }
    }
    // Whose it is, unlocked; then the binding (shared) and the row, in the lock order.
    const std::optional<Row> peek = load(m.target, false);
    if (!peek || peek->employerId != caller.id)
        throwNotFound();
    // Only while the learner is bound to this employer: a former employer decides nothing.
    const std::optional<QString> employer
        = m_bindings.confirmedEmployer(peek->learnerId, BindingService::Lock::Shared);
    if (!employer || *employer != caller.id)
        throwNotFound();
    std::optional<Row> locked = load(m.target, true);
    if (!locked || locked->employerId != caller.id)
        throwNotFound();
    Row r = *locked;
    // Decided on exactly the version the officer saw: a declaration the learner edited,
    // withdrew or gave another attachment since comes back as a conflict, never decided blindly.
    if (r.version != m.baseVersion || r.status != QLatin1String("pending"))
        return conflict(m.id, r);

    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    r.decidedAt = now;
    r.version += 1;
    if (confirm) {
        HourRecordService::Record record;
        record.id = derivedId(QStringLiteral("selfDeclarationHours"), { r.id });
        record.learnerId = r.learnerId;
        record.year = r.year;
        record.source = QStringLiteral("selfDeclaration");
        record.subjectType = r.subjectType;
        record.hoursTenths = r.hoursTenths;
        record.status = QStringLiteral("confirmed");
        record.title = r.title;
        record.startDate = r.startDate;
        record.endDate = r.endDate;
        m_hourRecords.save(record);
        r.status = QStringLiteral("confirmed");
        r.hourRecordId = record.id;
        db.exec(QStringLiteral("UPDATE declarations SET status = 'confirmed', decided_at = ?,"
                               " hour_record_id = ?, version = ?, updated_at = ? WHERE id = ?"),
            { now, r.hourRecordId, r.version, now, r.id });
    } else {
        r.status = QStringLiteral("rejected");
        r.reason = reason;
        db.exec(QStringLiteral("UPDATE declarations SET status = 'rejected', reason = ?,"
                               " decided_at = ?, version = ?, updated_at = ? WHERE id = ?"),
            { reason, now, r.version, now, r.id });
    }
    publish(r);
    QJsonObject result = applied(m.id, r.version);
    if (confirm)
        result.insert(QStringLiteral("hourRecordId"), r.hourRecordId);
    return result;
}

// --- bindings -------------------------------------------------------------------------------

void DeclarationService::employerConfirmed(const QString &learnerId)
{
    const std::optional<QString> employer = m_bindings.confirmedEmployer(learnerId);
    if (!employer)
        return;
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT id FROM declarations WHERE learner_id = ? AND employer_id = ?"),
        { learnerId, *employer });
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    for (const QString &id : std::as_const(ids)) {
        if (const std::optional<Row> row = load(id, false))
            publish(*row);
    }
}

void DeclarationService::withdrawFrom(const QString &learnerId, const QString &formerEmployerId)
{
    Database &db = m_context.database;
    // Those still waiting for the former office return to the learner as drafts.
    QSqlQuery waiting = db.exec(QStringLiteral("SELECT id FROM declarations WHERE learner_id = ?"
                                               " AND employer_id = ? AND status = 'pending'")
            + db.forUpdate(),
        { learnerId, formerEmployerId });
    QStringList returned;
    while (waiting.next())
        returned.append(waiting.value(0).toString());
    waiting.finish();
    for (const QString &id : std::as_const(returned)) {
        db.exec(QStringLiteral("UPDATE declarations SET status = 'draft' WHERE id = ?"), { id });
        if (std::optional<Row> row = load(id, true))
            touch(&*row); // published to the learner only: the binding has ended
    }
    const QString audience = ChangeLog::employerStaffAudience(formerEmployerId);
    db.exec(
        QStringLiteral("DELETE FROM change_audience WHERE audience = ? AND seq IN ("
                       "SELECT c.seq FROM change_log c JOIN declarations d ON d.id = c.entity_id"
                       " WHERE c.entity_type = 'declaration' AND d.learner_id = ?)"),
        { audience, learnerId });
    QSqlQuery q = db.exec(QStringLiteral("SELECT id, version FROM declarations WHERE learner_id = ?"
                                         " AND employer_id = ?"),
        { learnerId, formerEmployerId });
    QList<ChangeLog::Entry> deletes;
    while (q.next()) {
        deletes.append({ QStringLiteral("declaration"), q.value(0).toString(),
            q.value(1).toLongLong(), ChangeLog::Op::Delete, {}, { audience } });
    }
    q.finish();
    m_context.changes.appendMany(deletes);
}

// --- attachments ----------------------------------------------------------------------------

QString DeclarationService::filePath(const QString &attachmentId, bool part) const
{
    // The name is the server's UUID, never anything the client chose.
    return QDir(m_directory).filePath(attachmentId + (part ? QStringLiteral(".part") : QString()));
}

void DeclarationService::removeFiles(const QString &attachmentId) const
{
    QFile::remove(filePath(attachmentId, true));
    QFile::remove(filePath(attachmentId, false));
}

std::pair<int, QJsonObject> DeclarationService::startUpload(
    const AuthenticatedUser &caller, const QString &declarationId, const JsonBody &body)
{
    requireLearner(caller);
    if (!isUuid(declarationId))
        throwNotFound();
    const QString id = body.requiredString(QStringLiteral("id"));
    if (!isUuid(id)) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "An attachment needs a new UUID (lower case) as its id."))
            .field(QStringLiteral("id"));
    }
    const QString name = safeAttachmentName(body.requiredString(QStringLiteral("name")));
    if (name.isEmpty()) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The file name has no usable characters."))
            .field(QStringLiteral("name"));
    }
    const QJsonValue sizeValue = body.value(QStringLiteral("size"));
    if (sizeValue.isUndefined() || sizeValue.isNull()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
            .field(QStringLiteral("size"))
            .arg(QStringLiteral("size"));
    }
    if (!isWholeNumber(sizeValue) || sizeValue.toDouble() < 1) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The size must be a whole number of bytes, at least 1."))
            .field(QStringLiteral("size"));
    }
    if (sizeValue.toDouble() > double(kMaxAttachmentBytes)) {
        throw ApiError(422, ec::AttachmentTooLarge, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "An attachment may have at most %1 MB; this file has %2 MB."))
            .field(QStringLiteral("size"))
            .arg(QString::number(kMaxAttachmentBytes / (1024 * 1024)))
            .arg(QString::number(sizeValue.toDouble() / (1024 * 1024), 'f', 1))
            .extra(QStringLiteral("maxBytes"), double(kMaxAttachmentBytes));
    }
    const qint64 size = qint64(sizeValue.toDouble());
    const QString sha256 = body.requiredString(QStringLiteral("sha256")).toLower();
    if (!isSha256(sha256)) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The checksum must be a SHA-256 in 64 hexadecimal digits."))
            .field(QStringLiteral("sha256"));
    }

    Database &db = m_context.database;
    Transaction tx(db);
    const Row declaration = lockOwn(caller, declarationId);
    const auto state = [](const AttachmentRow &a) {
        return QJsonObject { { QStringLiteral("id"), a.id },
            { QStringLiteral("received"), double(a.received) },
            { QStringLiteral("size"), double(a.size) },
            { QStringLiteral("complete"), !a.kind.isEmpty() } };
    };
    if (const std::optional<AttachmentRow> existing = loadAttachment(id, true)) {
        // Announced before (a resume): the same file of the same declaration only.
        if (existing->learnerId != caller.id || existing->declarationId != declaration.id
            || existing->size != size || existing->sha256 != sha256) {
            throw ApiError(409, ec::Conflict, "Server",
                QT_TRANSLATE_NOOP("Server", "This attachment id is already used for another file."))
                .field(QStringLiteral("id"));
        }
        AttachmentRow a = *existing;
        // A part file shorter than counted (lost with the disk) is resumed from what it holds.
        if (a.kind.isEmpty()) {
            const qint64 onDisk = QFileInfo(filePath(a.id, true)).size();
            if (onDisk < a.received) {
                a.received = onDisk;
                db.exec(QStringLiteral("UPDATE attachments SET received = ? WHERE id = ?"),
                    { a.received, a.id });
            }
        }
        tx.commit();
        return { 200, state(a) };
    }
    QSqlQuery counts = db.exec(
        QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN declaration_id = ? THEN 1 ELSE 0 END)"
                       " FROM attachments WHERE learner_id = ?"),
        { declaration.id, caller.id });
    counts.next();
    const int ofLearner = counts.value(0).toInt();
    const int ofDeclaration = counts.value(1).toInt();
    counts.finish();
    if (ofDeclaration >= kMaxAttachmentsPerDeclaration) {
        throw ApiError(422, ec::TooManyAttachments, "Server",
            QT_TRANSLATE_NOOP("Server",
                "A declaration may have at most %1 attachments. Remove one before adding another."))
            .arg(QString::number(kMaxAttachmentsPerDeclaration))
            .extra(QStringLiteral("maxAttachments"), kMaxAttachmentsPerDeclaration);
    }
    if (ofLearner >= MaxAttachmentsPerLearner) {
        throw ApiError(422, ec::TooManyAttachments, "Server",
            QT_TRANSLATE_NOOP("Server",
                "You have stored %1 attachments, the most the server keeps for one person."))
            .detail(QStringLiteral("learner_quota"))
            .arg(QString::number(MaxAttachmentsPerLearner))
            .extra(QStringLiteral("maxAttachments"), MaxAttachmentsPerLearner);
    }
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    db.exec(QStringLiteral("INSERT INTO attachments (id, declaration_id, learner_id, name, size,"
                           " sha256, received, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"),
        { id, declaration.id, caller.id, name, size, sha256, now });
    // The part file starts empty (a left-over one of a failed attempt is replaced).
    QFile part(filePath(id, true));
    if (!part.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || !part.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        throw DatabaseError(QStringLiteral("cannot create an attachment part file"), QString());
    }
    part.close();
    tx.commit();
    AttachmentRow a;
    a.id = id;
    a.size = size;
    return { 201, state(a) };
}

QJsonObject DeclarationService::receivePiece(const AuthenticatedUser &caller,
    const QString &attachmentId, qint64 offset, const QByteArray &bytes)
{
    if (!isUuid(attachmentId))
        throwAttachmentNotFound();
    if (bytes.size() > kAttachmentPieceBytes) {
        throw ApiError(413, ec::PayloadTooLarge, "Server",
            QT_TRANSLATE_NOOP("Server", "Send an attachment in pieces of at most %1 KiB."))
            .arg(QString::number(kAttachmentPieceBytes / 1024))
            .extra(QStringLiteral("maxBytes"), double(kAttachmentPieceBytes));
    }
    if (bytes.isEmpty()) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The piece of the file is empty."))
            .field(QStringLiteral("body"));
    }
    Database &db = m_context.database;
    std::optional<Transaction> tx(std::in_place, db);
    // Whose it is, unlocked; then the binding, the declaration and the attachment, in order.
    const std::optional<AttachmentRow> peek = loadAttachment(attachmentId, false);
    if (caller.role != Role::Learner || !peek || peek->learnerId != caller.id)
        throwAttachmentNotFound();
    Row declaration = lockOwn(caller, peek->declarationId);
    std::optional<AttachmentRow> locked = loadAttachment(attachmentId, true);
    if (!locked)
        throwAttachmentNotFound();
    AttachmentRow a = *locked;
    const auto mismatch = [&a] {
        return ApiError(409, ec::OffsetMismatch, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "The server has %1 bytes of this file; send the rest from there."))
            .field(QStringLiteral("offset"))
            .arg(QString::number(a.received))
            .extra(QStringLiteral("received"), double(a.received))
            .extra(QStringLiteral("size"), double(a.size))
            .extra(QStringLiteral("complete"), !a.kind.isEmpty());
    };
    if (!a.kind.isEmpty() || offset != a.received)
        throw mismatch();
    if (offset + bytes.size() > a.size) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The piece goes past the %1 bytes announced for the file."))
            .field(QStringLiteral("body"))
            .arg(QString::number(a.size));
    }

    QFile part(filePath(a.id, true));
    if (!part.open(QIODevice::ReadWrite)) {
        throw DatabaseError(QStringLiteral("cannot open an attachment part file"), QString());
    }
    part.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (part.size() < a.received) {
        // The disk lost what was counted: resume from what it holds.
        a.received = part.size();
        db.exec(QStringLiteral("UPDATE attachments SET received = ? WHERE id = ?"),
            { a.received, a.id });
        tx->commit();
        throw mismatch();
    }
    // Bytes past the count were written by a piece whose transaction did not commit.
    if (!part.resize(a.received) || !part.seek(a.received) || part.write(bytes) != bytes.size()
        || !part.flush()) {
        throw DatabaseError(QStringLiteral("cannot write an attachment part file"), QString());
    }
    a.received += bytes.size();
    if (a.received < a.size) {
        part.close();
        db.exec(QStringLiteral("UPDATE attachments SET received = ? WHERE id = ?"),
            { a.received, a.id });
        tx->commit();
        return { { QStringLiteral("id"), a.id }, { QStringLiteral("received"), double(a.received) },
            { QStringLiteral("size"), double(a.size) }, { QStringLiteral("complete"), false } };
    }

    // The last piece: the whole file is checked before anyone can see it.
    if (!syncFile(part))
        throw DatabaseError(QStringLiteral("cannot write an attachment part file"), QString());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    part.seek(0);
    const QByteArray head = part.peek(kAttachmentSniffBytes);
    if (!hash.addData(&part)) {
        throw DatabaseError(QStringLiteral("cannot read an attachment part file"), QString());
    }
    part.close();
    const QString actual = QString::fromLatin1(hash.result().toHex());
    const AttachmentKind kind = sniffAttachment(head);
    if (actual != a.sha256 || kind == AttachmentKind::Unknown) {
        // Nothing of it stays: the row goes (freeing its place among the five) with the file.
        db.exec(QStringLiteral("DELETE FROM attachments WHERE id = ?"), { a.id });
        tx->commit();
        tx.reset();
        removeFiles(a.id);
        if (actual != a.sha256) {
            throw ApiError(422, ec::AttachmentChecksum, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "The file arrived changed (its SHA-256 checksum differs) and was discarded. "
                    "Upload it again."))
                .field(QStringLiteral("sha256"));
        }
        throw ApiError(422, ec::AttachmentType, "Server",
            QT_TRANSLATE_NOOP("Server",
                "This file is not a PDF, JPEG or PNG file (whatever its name says) and was "
                "discarded. Attach the proof as a PDF, JPEG or PNG file."));
    }
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    db.exec(QStringLiteral("UPDATE attachments SET received = ?, kind = ?, completed_at = ?"
                           " WHERE id = ?"),
        { a.received, attachmentKindName(kind), now, a.id });
    // The declaration lists it in a new version: a decision on the version before is a conflict.
    touch(&declaration);
    const QString partPath = filePath(a.id, true);
    const QString finalPath = filePath(a.id, false);
    QFile::remove(finalPath);
    if (!QFile::rename(partPath, finalPath))
        throw DatabaseError(QStringLiteral("cannot keep a complete attachment"), QString());
    try {
        tx->commit();
    } catch (...) {
        QFile::rename(finalPath, partPath);
        throw;
    }
    return { { QStringLiteral("id"), a.id }, { QStringLiteral("received"), double(a.received) },
        { QStringLiteral("size"), double(a.size) }, { QStringLiteral("complete"), true },
        { QStringLiteral("declaration"), toJson(declaration) } };
}

DeclarationService::Download DeclarationService::download(
    const AuthenticatedUser &caller, const QString &attachmentId)
{
    if (!isUuid(attachmentId))
        throwAttachmentNotFound();
    const std::optional<AttachmentRow> a = loadAttachment(attachmentId, false);
    if (!a || a->kind.isEmpty())
        throwAttachmentNotFound();
    bool allowed = caller.role == Role::Learner && a->learnerId == caller.id;
    if (!allowed && caller.role == Role::Employer) {
        // The HR office it was submitted to, approved, while the learner is bound to it.
        const std::optional<Row> d = load(a->declarationId, false);
        const std::optional<QString> employer = m_bindings.confirmedEmployer(a->learnerId);
        allowed = d && !d->employerId.isEmpty() && d->employerId == caller.id && employer
            && *employer == caller.id
            && m_context.database
                   .exec(QStringLiteral("SELECT 1 FROM organisations WHERE user_id = ?"
                                        " AND approved_at IS NOT NULL"),
                       { caller.id })
                   .next();
    }
    // Anyone else learns nothing, not even that it exists.
    if (!allowed)
        throwAttachmentNotFound();
    Download d;
    d.path = filePath(a->id, false);
    d.size = QFileInfo(d.path).size();
    if (d.size != a->size)
        throwAttachmentNotFound();
    d.mimeType = mimeTypeOf(attachmentKindFromName(a->kind));
    d.name = a->name;
    d.sha256 = a->sha256;
    return d;
}

QJsonObject DeclarationService::removeAttachment(
    const AuthenticatedUser &caller, const QString &attachmentId)
{
    if (!isUuid(attachmentId))
        throwAttachmentNotFound();
    Database &db = m_context.database;
    Transaction tx(db);
    const std::optional<AttachmentRow> peek = loadAttachment(attachmentId, false);
    if (caller.role != Role::Learner || !peek || peek->learnerId != caller.id)
        throwAttachmentNotFound();
    Row declaration = lockOwn(caller, peek->declarationId);
    const std::optional<AttachmentRow> a = loadAttachment(attachmentId, true);
    if (!a)
        throwAttachmentNotFound();
    const bool complete = !a->kind.isEmpty();
    if (complete && declaration.status == QLatin1String("pending")
        && completeAttachments(declaration.id) <= 1) {
        throw ApiError(409, ec::AttachmentRequired, "Server",
            QT_TRANSLATE_NOOP("Server",
                "A submitted declaration keeps at least one attachment. Add another first, or "
                "withdraw the declaration."));
    }
    db.exec(QStringLiteral("DELETE FROM attachments WHERE id = ?"), { a->id });
    if (complete)
        touch(&declaration);
    tx.commit();
    removeFiles(a->id);
    return { { QStringLiteral("id"), a->id },
        { QStringLiteral("declaration"), toJson(declaration) } };
}

} // namespace xueshi::server

#include "classservice.h"

#include "accountservice.h"
#include "attendance.h"
#include "bindingservice.h"
#include "clock.h"
#include "core/apierror.h"
#include "core/localizer.h"
#include "entityids.h"
#include "errorcodes.h"
#include "hourrecordservice.h"
#include "mutationsupport.h"
#include "professionalseries.h"
#include "regions.h"
#include "storage/database.h"
#include "sync/changelog.h"
#include "validators.h"

#include <QJsonArray>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

namespace xueshi::server {

namespace ec = xueshi::errorcode;
using Mutation = SyncService::Mutation;

namespace {

const QString EnrolmentColumns = QStringLiteral(
    "id, class_id, learner_id, learner_name, resident_id_masked,"
    " employer_name, status, reason, hours_tenths, hour_record_id, created_at, decided_at,"
    " credited_at, version");

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

[[noreturn]] void throwInvalid(const char *message, const QString &field)
{
    throw ApiError(400, ec::InvalidField, "Server", message).field(field);
}

void requireKnownFields(
    const QJsonObject &object, const QSet<QString> &allowed, const QString &prefix = QString())
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            throw ApiError(400, ec::UnknownField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is not accepted here."))
                .field(prefix + it.key())
                .arg(it.key());
        }
    }
}

void requireInstitution(const AuthenticatedUser &caller)
{
    if (caller.role != Role::Institution) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "Only training institutions manage training classes."));
    }
}

QString placeholders(qsizetype n, const QString &mark)
{
    QStringList list;
    list.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        list.append(mark);
    return list.join(QStringLiteral(", "));
}

} // namespace

ClassService::ClassService(ServiceContext &context, AccountService &accounts,
    BindingService &bindings, HourRecordService &hourRecords, SyncService &sync)
    : m_context(context)
    , m_accounts(accounts)
    , m_bindings(bindings)
    , m_hourRecords(hourRecords)
{
    sync.registerHandler(QStringLiteral("class.save"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return save(caller, m); });
    sync.registerHandler(
        QStringLiteral("class.open"), [this](const AuthenticatedUser &caller, const Mutation &m) {
            return setOpen(caller, m, true);
        });
    sync.registerHandler(
        QStringLiteral("class.close"), [this](const AuthenticatedUser &caller, const Mutation &m) {
            return setOpen(caller, m, false);
        });
    sync.registerHandler(QStringLiteral("class.confirmHours"),
        [this](const AuthenticatedUser &caller, const Mutation &m) {
            return confirmHours(caller, m);
        });
    sync.registerHandler(QStringLiteral("enrolment.request"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return request(caller, m); });
    sync.registerHandler(QStringLiteral("enrolment.cancel"),
        [this](const AuthenticatedUser &caller, const Mutation &m) { return cancel(caller, m); });
    sync.registerHandler(QStringLiteral("enrolment.confirm"),
        [this](const AuthenticatedUser &caller, const Mutation &m) {
            return decide(caller, m, true);
        });
    sync.registerHandler(QStringLiteral("enrolment.reject"),
        [this](const AuthenticatedUser &caller, const Mutation &m) {
            return decide(caller, m, false);
        });
}

// --- reading --------------------------------------------------------------------------------

std::optional<ClassService::ClassRow> ClassService::lockClass(const QString &classId)
{
    Database &db = m_context.database;
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id, institution_id, name, subject_type, professional_series, mode,"
                       " region_code, venue, start_date, end_date, hours_tenths, capacity,"
                       " enrolment_deadline, description, status, version"
                       " FROM training_classes WHERE id = ?")
            + db.forUpdate(),
        { classId });
    if (!q.next())
        return std::nullopt;
    ClassRow c;
    c.id = q.value(0).toString();
    c.institutionId = q.value(1).toString();
    c.name = q.value(2).toString();
    c.subjectType = q.value(3).toString();
    c.professionalSeries = q.value(4).toString();
    c.mode = q.value(5).toString();
    c.regionCode = q.value(6).toString();
    c.venue = q.value(7).toString();
    c.startDate = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    c.endDate = QDate::fromString(q.value(9).toString(), Qt::ISODate);
    c.hoursTenths = q.value(10).toInt();
    c.capacity = q.value(11).toInt();
    c.enrolmentDeadline = QDate::fromString(q.value(12).toString(), Qt::ISODate);
    c.description = q.value(13).toString();
    c.status = q.value(14).toString();
    c.version = q.value(15).toLongLong();
    q.finish();
    QSqlQuery o = db.exec(
        QStringLiteral("SELECT name FROM organisations WHERE user_id = ?"), { c.institutionId });
    if (o.next())
        c.institutionName = o.value(0).toString();
    return c;
}

ClassService::ClassRow ClassService::ownedClass(
    const AuthenticatedUser &caller, const QString &classId)
{
    requireInstitution(caller);
    const std::optional<ClassRow> c = lockClass(classId);
    if (!c) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This training class was not found."))
            .field(QStringLiteral("target"));
    }
    if (c->institutionId != caller.id) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "This training class belongs to another institution."))
            .field(QStringLiteral("target"));
    }
    return *c;
}

namespace {

template<typename Row> void readEnrolment(const QSqlQuery &q, Row *e)
{
    const auto optionalLong = [&q](int column) {
        return q.value(column).isNull() ? std::nullopt
                                        : std::optional<qint64>(q.value(column).toLongLong());
    };
    e->id = q.value(0).toString();
    e->classId = q.value(1).toString();
    e->learnerId = q.value(2).toString();
    e->learnerName = q.value(3).toString();
    e->residentIdMasked = q.value(4).toString();
    e->employerName = q.value(5).toString();
    e->status = q.value(6).toString();
    e->reason = q.value(7).toString();
    e->hoursTenths = q.value(8).isNull() ? std::nullopt : std::optional<int>(q.value(8).toInt());
    e->hourRecordId = q.value(9).toString();
    e->createdAt = q.value(10).toLongLong();
    e->decidedAt = optionalLong(11);
    e->creditedAt = optionalLong(12);
    e->version = q.value(13).toLongLong();
}

} // namespace

std::optional<ClassService::EnrolmentRow> ClassService::loadEnrolment(const QString &enrolmentId)
{
    Database &db = m_context.database;
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT %1 FROM enrolments WHERE id = ?").arg(EnrolmentColumns)
                + db.forUpdate(),
            { enrolmentId });
    if (!q.next())
        return std::nullopt;
    EnrolmentRow e;
    readEnrolment(q, &e);
    return e;
}

std::pair<ClassService::EnrolmentRow, ClassService::ClassRow> ClassService::lockEnrolment(
    const QString &enrolmentId)
{
    const auto notFound = [] {
        return ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This enrolment was not found."))
            .field(QStringLiteral("target"));
    };
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT class_id FROM enrolments WHERE id = ?"), { enrolmentId });
    if (!q.next())
        throw notFound();
    const QString classId = q.value(0).toString();
    q.finish();
    // The class first, as every enrolment change does: the same lock order everywhere.
    const std::optional<ClassRow> c = lockClass(classId);
    const std::optional<EnrolmentRow> e = loadEnrolment(enrolmentId);
    if (!c || !e)
        throw notFound();
    return { *e, *c };
}

ClassService::Counts ClassService::counts(const QString &classId)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral(
            "SELECT status, COUNT(*) FROM enrolments WHERE class_id = ? GROUP BY status"),
        { classId });
    Counts n;
    while (q.next()) {
        const QString status = q.value(0).toString();
        const int count = q.value(1).toInt();
        if (status == QLatin1String("pending") || status == QLatin1String("confirmed")
            || status == QLatin1String("credited"))
            n.enrolled += count;
        if (status == QLatin1String("confirmed") || status == QLatin1String("credited"))
            n.confirmed += count;
    }
    return n;
}

QJsonObject ClassService::toJson(const ClassRow &c, const Counts &n) const
{
    return { { QStringLiteral("id"), c.id }, { QStringLiteral("institutionId"), c.institutionId },
        { QStringLiteral("institutionName"), c.institutionName },
        { QStringLiteral("name"), c.name }, { QStringLiteral("subjectType"), c.subjectType },
        { QStringLiteral("professionalSeries"), jsonTextOrNull(c.professionalSeries) },
        { QStringLiteral("mode"), c.mode }, { QStringLiteral("regionCode"), c.regionCode },
        { QStringLiteral("regionName"), RegionTable::instance().fullName(c.regionCode) },
        { QStringLiteral("venue"), c.venue },
        { QStringLiteral("startDate"), c.startDate.toString(Qt::ISODate) },
        { QStringLiteral("endDate"), c.endDate.toString(Qt::ISODate) },
        { QStringLiteral("hoursTenths"), c.hoursTenths },
        { QStringLiteral("capacity"), c.capacity },
        { QStringLiteral("enrolmentDeadline"), c.enrolmentDeadline.toString(Qt::ISODate) },
        { QStringLiteral("description"), c.description }, { QStringLiteral("status"), c.status },
        { QStringLiteral("enrolledCount"), n.enrolled },
        { QStringLiteral("confirmedCount"), n.confirmed },
        { QStringLiteral("version"), double(c.version) } };
}

QJsonObject ClassService::toJson(const EnrolmentRow &e, const ClassRow &c) const
{
    return { { QStringLiteral("id"), e.id }, { QStringLiteral("classId"), e.classId },
        { QStringLiteral("className"), c.name },
        { QStringLiteral("institutionId"), c.institutionId },
        { QStringLiteral("institutionName"), c.institutionName },
        { QStringLiteral("learnerId"), e.learnerId },
        { QStringLiteral("learnerName"), e.learnerName },
        { QStringLiteral("residentIdMasked"), e.residentIdMasked },
        { QStringLiteral("employerName"), e.employerName }, { QStringLiteral("status"), e.status },
        { QStringLiteral("reason"), jsonTextOrNull(e.reason) },
        { QStringLiteral("hoursTenths"),
            e.hoursTenths ? QJsonValue(*e.hoursTenths) : QJsonValue() },
        { QStringLiteral("hourRecordId"), jsonTextOrNull(e.hourRecordId) },
        { QStringLiteral("createdAt"), isoUtc(e.createdAt) },
        { QStringLiteral("decidedAt"), isoUtc(e.decidedAt) },
        { QStringLiteral("creditedAt"), isoUtc(e.creditedAt) },
        { QStringLiteral("version"), double(e.version) } };
}

QStringList ClassService::classAudiences(const ClassRow &c) const
{
    QStringList audiences { ChangeLog::institutionAudience(c.institutionId) };
    if (c.status != QLatin1String("draft"))
        audiences.append(ChangeLog::publicAudience());
    return audiences;
}

void ClassService::publishClass(const ClassRow &c)
{
    // The counts change without a new version: the institution's edits are checked against the
    // version, and an enrolment must not turn them into conflicts. Clients take an equal version.
    m_context.changes.append(QStringLiteral("trainingClass"), c.id, c.version,
        ChangeLog::Op::Upsert, toJson(c, counts(c.id)), classAudiences(c));
}

void ClassService::publishEnrolment(const EnrolmentRow &e, const ClassRow &c)
{
    m_context.changes.append(QStringLiteral("enrolment"), e.id, e.version, ChangeLog::Op::Upsert,
        toJson(e, c),
        { ChangeLog::userAudience(e.learnerId), ChangeLog::institutionAudience(c.institutionId) });
}

QJsonObject ClassService::enrolmentConflict(
    const QString &mutationId, const EnrolmentRow &e, const ClassRow &c)
{
    return { { QStringLiteral("id"), mutationId },
        { QStringLiteral("status"), QStringLiteral("conflict") },
        { QStringLiteral("current"),
            QJsonObject { { QStringLiteral("type"), QStringLiteral("enrolment") },
                { QStringLiteral("id"), e.id }, { QStringLiteral("version"), double(e.version) },
                { QStringLiteral("data"), toJson(e, c) } } } };
}

// --- classes --------------------------------------------------------------------------------

QJsonObject ClassService::save(const AuthenticatedUser &caller, const Mutation &m)
{
    requireInstitution(caller);
    if (!isUuid(m.target))
        throwInvalid(QT_TRANSLATE_NOOP("Server", "A training class needs a UUID as its id."),
            QStringLiteral("target"));
    const QStringList keys { QStringLiteral("name"), QStringLiteral("subjectType"),
        QStringLiteral("professionalSeries"), QStringLiteral("mode"), QStringLiteral("regionCode"),
        QStringLiteral("venue"), QStringLiteral("startDate"), QStringLiteral("endDate"),
        QStringLiteral("hoursTenths"), QStringLiteral("capacity"),
        QStringLiteral("enrolmentDeadline"), QStringLiteral("description") };
    const QJsonObject &p = m.payload;
    requireKnownFields(p, QSet<QString>(keys.cbegin(), keys.cend()));
    for (const QString &key : keys) {
        if (!p.contains(key)) {
            throw ApiError(400, ec::MissingField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" is required."))
                .field(key)
                .arg(key);
        }
    }
    const auto text = [&](const char *key) {
        const QJsonValue v = p.value(QLatin1String(key));
        if (!v.isString() && !(v.isNull() && qstrcmp(key, "professionalSeries") == 0)) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "The field \"%1\" must be a string."))
                .field(QLatin1String(key))
                .arg(QLatin1String(key));
        }
        return v.toString().trimmed();
    };
    const auto number = [&](const char *key, int min, int max, const char *message) {
        const QJsonValue v = p.value(QLatin1String(key));
        if (!isWholeNumber(v) || v.toDouble() < min || v.toDouble() > max)
            throw ApiError(400, ec::InvalidField, "Server", message)
                .field(QLatin1String(key))
                .arg(QString::number(min))
                .arg(QString::number(max));
        return int(v.toDouble());
    };
    const auto date = [&](const char *key) {
        const QString t = text(key);
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (t.size() != 10 || !d.isValid())
            throwInvalid(
                QT_TRANSLATE_NOOP("Server", "Give the date as YYYY-MM-DD."), QLatin1String(key));
        // The hours count toward the year the class ends, and hour records take the years 2000
        // to 2100: a class outside them could never have its hours confirmed.
        if (d.year() < 2000 || d.year() > 2100)
            throwInvalid(QT_TRANSLATE_NOOP("Server", "Give a date in the years 2000 to 2100."),
                QLatin1String(key));
        return d;
    };

    ClassRow c;
    c.id = m.target;
    c.institutionId = caller.id;
    c.name = text("name");
    if (c.name.size() < 2 || c.name.size() > 100)
        throwInvalid(QT_TRANSLATE_NOOP("Server", "The class name must have 2 to 100 characters."),
            QStringLiteral("name"));
    c.subjectType = text("subjectType");
    if (c.subjectType != QLatin1String("elective")
        && c.subjectType != QLatin1String("professional"))
        throwInvalid(
            QT_TRANSLATE_NOOP("Server", "Choose elective or professional as the subject type."),
            QStringLiteral("subjectType"));
    const QString series = text("professionalSeries");
    if (c.subjectType == QLatin1String("professional")) {
        if (!isKnownProfessionalSeries(series))
            throwInvalid(QT_TRANSLATE_NOOP(
                             "Server", "Choose the professional series of a professional class."),
                QStringLiteral("professionalSeries"));
        c.professionalSeries = series;
    }
    c.mode = text("mode");
    if (c.mode != QLatin1String("online") && c.mode != QLatin1String("offline"))
        throwInvalid(QT_TRANSLATE_NOOP("Server", "Choose online or offline as the mode."),
            QStringLiteral("mode"));
    const QString region = text("regionCode");
    if (!RegionTable::instance().contains(region))
        throwInvalid(QT_TRANSLATE_NOOP("Server", "The administrative region code is unknown."),
            QStringLiteral("regionCode"));
    c.regionCode = RegionTable::instance().normalized6(region);
    // An institution runs classes only within its own administrative region (the manual: learners
    // enrol "只能报名单位行政区划内的施教机构的培训班").
    {
        QSqlQuery own = m_context.database.exec(
            QStringLiteral("SELECT region_code FROM organisations WHERE user_id = ?"),
            { caller.id });
        const QString ownRegion = own.next() ? own.value(0).toString() : QString();
        own.finish();
        if (!RegionTable::instance().covers(ownRegion, c.regionCode)) {
            throw ApiError(400, ec::RegionOutsideInstitution, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "A class can be held only within the institution's own administrative "
                    "region (%1)."))
                .field(QStringLiteral("regionCode"))
                .arg(RegionTable::instance().fullName(ownRegion));
        }
    }
    c.venue = text("venue");
    if (c.mode == QLatin1String("offline") && c.venue.isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "Give the venue of an offline class."))
            .field(QStringLiteral("venue"));
    }
    if (c.venue.size() > 200)
        throwInvalid(QT_TRANSLATE_NOOP("Server", "The venue may have at most 200 characters."),
            QStringLiteral("venue"));
    c.startDate = date("startDate");
    c.endDate = date("endDate");
    if (c.startDate > c.endDate)
        throwInvalid(QT_TRANSLATE_NOOP("Server", "The class cannot end before it starts."),
            QStringLiteral("endDate"));
    c.enrolmentDeadline = date("enrolmentDeadline");
    if (c.enrolmentDeadline > c.endDate)
        throwInvalid(
            QT_TRANSLATE_NOOP("Server", "The enrolment deadline cannot be after the class ends."),
            QStringLiteral("enrolmentDeadline"));
    c.hoursTenths = number("hoursTenths", 1, 2000,
        QT_TRANSLATE_NOOP("Server", "The hours must be a whole number of tenths from %1 to %2."));
    c.capacity = number("capacity", 1, 100000,
        QT_TRANSLATE_NOOP("Server", "The capacity must be a whole number from %1 to %2."));
    c.description = text("description");
    if (c.description.size() > 2000)
        throwInvalid(
            QT_TRANSLATE_NOOP("Server", "The description may have at most 2000 characters."),
            QStringLiteral("description"));

    Database &db = m_context.database;
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    const std::optional<ClassRow> existing = lockClass(m.target);
    if (!existing) {
        if (m.baseVersion != 0) {
            throw ApiError(404, ec::NotFound, "Server",
                QT_TRANSLATE_NOOP("Server", "This training class was not found."))
                .field(QStringLiteral("target"));
        }
        c.status = QStringLiteral("draft");
        c.version = 1;
        db.exec(QStringLiteral(
                    "INSERT INTO training_classes (id, institution_id, name, subject_type,"
                    " professional_series, mode, region_code, venue, start_date, end_date,"
                    " hours_tenths, capacity, enrolment_deadline, description, status, version,"
                    " created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?)"),
            { c.id, c.institutionId, c.name, c.subjectType,
                c.professionalSeries.isEmpty() ? nullText() : QVariant(c.professionalSeries),
                c.mode, c.regionCode, c.venue, c.startDate.toString(Qt::ISODate),
                c.endDate.toString(Qt::ISODate), c.hoursTenths, c.capacity,
                c.enrolmentDeadline.toString(Qt::ISODate), c.description, now, now });
    } else {
        if (existing->institutionId != caller.id) {
            throw ApiError(403, ec::Forbidden, "Server",
                QT_TRANSLATE_NOOP("Server", "This training class belongs to another institution."))
                .field(QStringLiteral("target"));
        }
        if (existing->version != m.baseVersion) {
            return { { QStringLiteral("id"), m.id },
                { QStringLiteral("status"), QStringLiteral("conflict") },
                { QStringLiteral("current"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("trainingClass") },
                        { QStringLiteral("id"), existing->id },
                        { QStringLiteral("version"), double(existing->version) },
                        { QStringLiteral("data"), toJson(*existing, counts(existing->id)) } } } };
        }
        const Counts n = counts(c.id);
        if (c.capacity < n.enrolled) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP(
                    "Server", "The capacity cannot be less than the %1 people already enrolled."))
                .field(QStringLiteral("capacity"))
                .arg(QString::number(n.enrolled));
        }
        c.status = existing->status;
        c.version = existing->version + 1;
        db.exec(QStringLiteral("UPDATE training_classes SET name = ?, subject_type = ?,"
                               " professional_series = ?, mode = ?, region_code = ?, venue = ?,"
                               " start_date = ?, end_date = ?, hours_tenths = ?, capacity = ?,"
                               " enrolment_deadline = ?, description = ?, version = ?,"
                               " updated_at = ? WHERE id = ?"),
            { c.name, c.subjectType,
                c.professionalSeries.isEmpty() ? nullText() : QVariant(c.professionalSeries),
                c.mode, c.regionCode, c.venue, c.startDate.toString(Qt::ISODate),
                c.endDate.toString(Qt::ISODate), c.hoursTenths, c.capacity,
                c.enrolmentDeadline.toString(Qt::ISODate), c.description, c.version, now, c.id });
    }
    c.institutionName = m_accounts.userJson(caller.id)
                            .value(QStringLiteral("organisation"))
                            .toObject()
                            .value(QStringLiteral("name"))
                            .toString();
    publishClass(c);
    return applied(m.id, c.version);
}

QJsonObject ClassService::setOpen(const AuthenticatedUser &caller, const Mutation &m, bool open)
{
    requireKnownFields(m.payload, {});
    ClassRow c = ownedClass(caller, m.target);
    if (open) {
        const bool approved = m_accounts.userJson(caller.id)
                                  .value(QStringLiteral("organisation"))
                                  .toObject()
                                  .value(QStringLiteral("approved"))
                                  .toBool();
        if (!approved) {
            throw ApiError(403, ec::InstitutionNotApproved, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "The administrator has not approved your institution yet; classes can be "
                    "published once it is approved."));
        }
    }
    const QString status = open ? QStringLiteral("accepting") : QStringLiteral("closed");
    if (c.status == status)
        return applied(m.id, c.version);
    c.status = status;
    c.version += 1;
    m_context.database.exec(
        QStringLiteral(
            "UPDATE training_classes SET status = ?, version = ?, updated_at = ? WHERE id = ?"),
        { c.status, c.version, m_context.clock.nowUtc().toMSecsSinceEpoch(), c.id });
    publishClass(c);
    return applied(m.id, c.version);
}

// --- enrolments -----------------------------------------------------------------------------

QJsonObject ClassService::request(const AuthenticatedUser &caller, const Mutation &m)
{
    m_bindings.requireStudyAllowed(caller);
    if (!isUuid(m.target))
        throwInvalid(QT_TRANSLATE_NOOP("Server", "An enrolment needs a new UUID as its target."),
            QStringLiteral("target"));
    requireKnownFields(m.payload, { QStringLiteral("classId") });
    const QString classId = m.payload.value(QStringLiteral("classId")).toString();
    if (classId.isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "Choose the class to enrol in."))
            .field(QStringLiteral("classId"));
    }
    Database &db = m_context.database;
    if (db.exec(QStringLiteral("SELECT 1 FROM enrolments WHERE id = ?"), { m.target }).next()) {
        throw ApiError(409, ec::Conflict, "Server",
            QT_TRANSLATE_NOOP("Server", "This enrolment already exists."))
            .field(QStringLiteral("target"));
    }
    // Everything below is decided under the class row's lock: two learners racing for the last
    // seat are served one after the other, and the second sees the first one's seat taken.
    const std::optional<ClassRow> c = lockClass(classId);
    if (!c || c->status == QLatin1String("draft")) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This training class was not found."))
            .field(QStringLiteral("classId"));
    }
    if (c->status != QLatin1String("accepting")) {
        throw ApiError(409, ec::EnrolmentClosed, "Server",
            QT_TRANSLATE_NOOP("Server", "This class no longer accepts enrolments."))
            .field(QStringLiteral("classId"));
    }
    if (m_context.clock.todayInChina() > c->enrolmentDeadline) {
        throw ApiError(409, ec::EnrolmentDeadlinePassed, "Server",
            QT_TRANSLATE_NOOP("Server", "The enrolment deadline of this class (%1) has passed."))
            .field(QStringLiteral("classId"))
            .arg(c->enrolmentDeadline.toString(Qt::ISODate));
    }
    const QString employerId = m_bindings.confirmedEmployer(caller.id).value_or(QString());
    QSqlQuery employer
        = db.exec(QStringLiteral("SELECT name, region_code FROM organisations WHERE user_id = ?"),
            { employerId });
    const QString employerName = employer.next() ? employer.value(0).toString() : QString();
    const QString employerRegion = employer.value(1).toString();
    employer.finish();
    if (!RegionTable::instance().covers(c->regionCode, employerRegion)) {
        throw ApiError(403, ec::RegionNotCovered, "Server",
            QT_TRANSLATE_NOOP("Server",
                "This class is for learners whose employer is in %1; your employer is in %2."))
            .field(QStringLiteral("classId"))
            .arg(RegionTable::instance().fullName(c->regionCode))
            .arg(RegionTable::instance().fullName(employerRegion));
    }
    if (db.exec(QStringLiteral("SELECT 1 FROM enrolments WHERE class_id = ? AND learner_id = ?"
                               " AND status IN ('pending', 'confirmed', 'credited')"),
              { c->id, caller.id })
            .next()) {
        throw ApiError(409, ec::AlreadyEnrolled, "Server",
            QT_TRANSLATE_NOOP("Server", "You have already enrolled in this class."))
            .field(QStringLiteral("classId"));
    }
    if (counts(c->id).enrolled >= c->capacity) {
        throw ApiError(
            409, ec::ClassFull, "Server", QT_TRANSLATE_NOOP("Server", "This class is full."))
            .field(QStringLiteral("classId"));
    }

    QSqlQuery learner
        = db.exec(QStringLiteral("SELECT real_name, resident_id FROM learners WHERE user_id = ?"),
            { caller.id });
    learner.next();
    EnrolmentRow e;
    e.id = m.target;
    e.classId = c->id;
    e.learnerId = caller.id;
    e.learnerName = learner.value(0).toString();
    e.residentIdMasked = maskResidentId(learner.value(1).toString());
    learner.finish();
    e.employerName = employerName;
    e.status = QStringLiteral("pending");
    e.createdAt = m_context.clock.nowUtc().toMSecsSinceEpoch();
    e.version = 1;
    db.exec(QStringLiteral("INSERT INTO enrolments (id, class_id, learner_id, learner_name,"
                           " resident_id_masked, employer_name, status, created_at, version)"
                           " VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, 1)"),
        { e.id, e.classId, e.learnerId, e.learnerName, e.residentIdMasked, e.employerName,
            e.createdAt });
    publishEnrolment(e, *c);
    publishClass(*c);
    return applied(m.id, e.version);
}

QJsonObject ClassService::cancel(const AuthenticatedUser &caller, const Mutation &m)
{
    requireKnownFields(m.payload, {});
    auto [e, c] = lockEnrolment(m.target);
    if (e.learnerId != caller.id) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "This enrolment was not found."))
            .field(QStringLiteral("target"));
    }
    if (e.status != QLatin1String("pending")) {
        throw ApiError(409, ec::Conflict, "Server",
            QT_TRANSLATE_NOOP("Server",
                "Only an enrolment waiting for the institution's confirmation can be cancelled."))
            .field(QStringLiteral("target"));
    }
    e.status = QStringLiteral("cancelled");
    e.decidedAt = m_context.clock.nowUtc().toMSecsSinceEpoch();
    e.version += 1;
    m_context.database.exec(QStringLiteral("UPDATE enrolments SET status = 'cancelled',"
                                           " decided_at = ?, version = ? WHERE id = ?"),
        { *e.decidedAt, e.version, e.id });
    publishEnrolment(e, c);
    publishClass(c);
    return applied(m.id, e.version);
}

QJsonObject ClassService::decide(const AuthenticatedUser &caller, const Mutation &m, bool confirm)
{
    requireInstitution(caller);
    auto [e, c] = lockEnrolment(m.target);
    if (c.institutionId != caller.id) {
        throw ApiError(403, ec::Forbidden, "Server",
            QT_TRANSLATE_NOOP("Server", "This enrolment is for another institution's class."))
            .field(QStringLiteral("target"));
    }
    requireKnownFields(m.payload, { QStringLiteral("reason") });
    const QString reason = m.payload.value(QStringLiteral("reason")).toString().trimmed();
    if (!confirm && reason.isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "Give the reason for rejecting the enrolment."))
            .field(QStringLiteral("reason"));
    }
    if (reason.size() > 200)
        throwInvalid(QT_TRANSLATE_NOOP("Server", "The reason may have at most 200 characters."),
            QStringLiteral("reason"));
    // Decided on what the institution saw: an enrolment the learner cancelled since, or that was
    // decided on another computer, comes back as a conflict.
    if (e.version != m.baseVersion || e.status != QLatin1String("pending"))
        return enrolmentConflict(m.id, e, c);
    e.status = confirm ? QStringLiteral("confirmed") : QStringLiteral("rejected");
    e.reason = confirm ? QString() : reason;
    e.decidedAt = m_context.clock.nowUtc().toMSecsSinceEpoch();
    e.version += 1;
    m_context.database.exec(QStringLiteral("UPDATE enrolments SET status = ?, reason = ?,"
                                           " decided_at = ?, version = ? WHERE id = ?"),
        { e.status, e.reason.isEmpty() ? nullText() : QVariant(e.reason), *e.decidedAt, e.version,
            e.id });
    publishEnrolment(e, c);
    publishClass(c);
    return applied(m.id, e.version);
}

// --- attendance matching --------------------------------------------------------------------

QJsonObject ClassService::matchAttendance(
    const AuthenticatedUser &caller, const QString &classId, const QJsonObject &body)
{
    requireInstitution(caller);
    requireKnownFields(body, { QStringLiteral("residentIds") });
    const QJsonValue idsValue = body.value(QStringLiteral("residentIds"));
    if (!idsValue.isArray() || idsValue.toArray().isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "List the resident ID numbers to match."))
            .field(QStringLiteral("residentIds"));
    }
    const QJsonArray idsArray = idsValue.toArray();
    if (idsArray.size() > MaxMatchIds) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "Match at most %1 resident ID numbers at a time."))
            .field(QStringLiteral("residentIds"))
            .arg(QString::number(MaxMatchIds));
    }
    QStringList ids;
    ids.reserve(idsArray.size());
    for (qsizetype i = 0; i < idsArray.size(); ++i) {
        const QJsonValue v = idsArray.at(i);
        if (!v.isString() || v.toString().size() > MaxMatchIdLength) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server",
                    "Each resident ID number must be text of at most %1 "
                    "characters."))
                .field(QStringLiteral("residentIds[%1]").arg(i))
                .arg(QString::number(MaxMatchIdLength));
        }
        ids.append(v.toString().trimmed().toUpper());
    }

    Database &db = m_context.database;
    Transaction tx(db);
    const ClassRow c = ownedClass(caller, classId);
    // Who is enrolled (any state: the sheet's problems are told per person), by full id; and the
    // masks the institution has seen, which are all an id can be measured against for free.
    QHash<QString, QString> enrolmentOf;
    QSet<QString> masks;
    {
        QSqlQuery q = db.exec(QStringLiteral("SELECT e.id, e.resident_id_masked, l.resident_id"
                                             " FROM enrolments e JOIN learners l"
                                             " ON l.user_id = e.learner_id WHERE e.class_id = ?"
                                             " ORDER BY e.created_at"),
            { c.id });
        while (q.next()) {
            const QString full = q.value(2).toString().toUpper();
            // A learner enrolled twice (cancelled, then again) is matched to the latest.
            enrolmentOf.insert(full, q.value(0).toString());
            masks.insert(q.value(1).toString());
            masks.insert(maskResidentId(full));
        }
    }

    // The day's allowance, under the usage row's lock so two requests at once cannot both spend
    // its last check (PostgreSQL; SQLite serialises writers anyway).
    const QDate today = m_context.clock.todayInChina();
    const QString day = today.toString(Qt::ISODate);
    db.exec(QStringLiteral("DELETE FROM attendance_match_usage WHERE day < ?"),
        { today.addDays(-7).toString(Qt::ISODate) });
    db.exec(QStringLiteral("INSERT INTO attendance_match_usage (institution_id, day, near_misses)"
                           " VALUES (?, ?, 0) ON CONFLICT (institution_id, day) DO NOTHING"),
        { caller.id, day });
    QSqlQuery usage = db.exec(QStringLiteral("SELECT near_misses FROM attendance_match_usage"
                                             " WHERE institution_id = ? AND day = ?")
            + db.forUpdate(),
        { caller.id, day });
    int used = usage.next() ? usage.value(0).toInt() : 0;
    usage.finish();
    if (used >= MaxNearMissesPerDay) {
        const QDateTime midnight(today.addDays(1), QTime(0, 0), QTimeZone("Asia/Shanghai"));
        const qint64 seconds = std::max<qint64>(1,
            (midnight.toMSecsSinceEpoch() - m_context.clock.nowUtc().toMSecsSinceEpoch() + 999)
                / 1000);
        throw ApiError(429, ec::TooManyRequests, "Server",
            QT_TRANSLATE_NOOP("Server",
                "Your institution has used today's %1 checks of resident ID numbers that do not "
                "belong to the enrolled person they resemble. Matching resumes tomorrow (China "
                "time); until then confirm people in the table or by name."))
            .arg(QString::number(MaxNearMissesPerDay))
            .extra(QStringLiteral("retryAfterSeconds"), double(seconds))
            .header("retry-after", QByteArray::number(seconds));
    }

    // Answered in order. Whether a row is limited depends only on the rows before it, whose
    // answers the caller has anyway, so being limited says nothing about the row itself.
    QJsonArray results;
    QSet<QString> counted;
    for (const QString &id : std::as_const(ids)) {
        QJsonObject result;
        if (!isWellFormedResidentId(id)) {
            result.insert(QStringLiteral("outcome"), QStringLiteral("invalid"));
        } else if (!masks.contains(maskResidentId(id))) {
            // The caller can tell this from the masks alone: it costs nothing.
            result.insert(QStringLiteral("outcome"), QStringLiteral("notFound"));
        } else if (used >= MaxNearMissesPerDay) {
            result.insert(QStringLiteral("outcome"), QStringLiteral("limited"));
        } else if (const auto found = enrolmentOf.constFind(id); found != enrolmentOf.constEnd()) {
            result.insert(QStringLiteral("outcome"), QStringLiteral("matched"));
            result.insert(QStringLiteral("enrolmentId"), *found);
        } else {
            if (!counted.contains(id)) {
                counted.insert(id);
                ++used;
            }
            result.insert(QStringLiteral("outcome"), QStringLiteral("notFound"));
        }
        results.append(result);
    }
    if (!counted.isEmpty()) {
        db.exec(QStringLiteral("UPDATE attendance_match_usage SET near_misses = ?"
                               " WHERE institution_id = ? AND day = ?"),
            { used, caller.id, day });
    }
    tx.commit();
    return { { QStringLiteral("classId"), c.id }, { QStringLiteral("results"), results },
        { QStringLiteral("checksLeftToday"), std::max(0, MaxNearMissesPerDay - used) } };
}

// --- hours ----------------------------------------------------------------------------------

QJsonObject ClassService::confirmHours(const AuthenticatedUser &caller, const Mutation &m)
{
    ClassRow c = ownedClass(caller, m.target);
    // The institution confirms the hours once the learning is over (学习完毕后): from the class's
    // last day on.
    if (m_context.clock.todayInChina() < c.endDate) {
        throw ApiError(400, ec::ClassNotFinished, "Server",
            QT_TRANSLATE_NOOP(
                "Server", "Hours can be confirmed once the class has ended (its last day is %1)."))
            .arg(c.endDate.toString(Qt::ISODate));
    }
    requireKnownFields(m.payload, { QStringLiteral("entries") });
    const QJsonValue entriesValue = m.payload.value(QStringLiteral("entries"));
    if (!entriesValue.isArray() || entriesValue.toArray().isEmpty()) {
        throw ApiError(400, ec::MissingField, "Server",
            QT_TRANSLATE_NOOP("Server", "List the enrolments whose hours are confirmed."))
            .field(QStringLiteral("entries"));
    }
    const QJsonArray entries = entriesValue.toArray();
    if (entries.size() > MaxBatchEntries) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "Confirm at most %1 people at a time."))
            .field(QStringLiteral("entries"))
            .arg(QString::number(MaxBatchEntries));
    }

    struct Entry
    {
        QString enrolmentId;
        int hoursTenths = 0;
        bool absent = false;
        QString reason;
    };
    QList<Entry> list;
    list.reserve(entries.size());
    QHash<QString, qsizetype> seen;
    seen.reserve(entries.size());
    const QSet<QString> entryKeys { QStringLiteral("enrolmentId"), QStringLiteral("hoursTenths"),
        QStringLiteral("absent"), QStringLiteral("reason") };
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString at = QStringLiteral("entries[%1]").arg(i);
        if (!entries.at(i).isObject())
            throwInvalid(QT_TRANSLATE_NOOP("Server", "Each entry must be an object."), at);
        const QJsonObject o = entries.at(i).toObject();
        requireKnownFields(o, entryKeys, at + QLatin1Char('.'));
        Entry entry;
        entry.enrolmentId = o.value(QStringLiteral("enrolmentId")).toString().toLower();
        if (entry.enrolmentId.isEmpty()) {
            throw ApiError(400, ec::MissingField, "Server",
                QT_TRANSLATE_NOOP("Server", "Each entry needs the enrolment's id."))
                .field(at + QStringLiteral(".enrolmentId"));
        }
        const QJsonValue absent = o.value(QStringLiteral("absent"));
        if (!absent.isUndefined() && !absent.isNull() && !absent.isBool())
            throwInvalid(QT_TRANSLATE_NOOP("Server", "\"absent\" must be true or false."),
                at + QStringLiteral(".absent"));
        entry.absent = absent.toBool();
        const QJsonValue hours = o.value(QStringLiteral("hoursTenths"));
        if (!entry.absent && !isWholeNumber(hours))
            throwInvalid(QT_TRANSLATE_NOOP("Server", "The hours must be a whole number of tenths."),
                at + QStringLiteral(".hoursTenths"));
        entry.hoursTenths = entry.absent ? 0 : int(std::clamp(hours.toDouble(), -1.0, 1e6));
        const QJsonValue reason = o.value(QStringLiteral("reason"));
        if (!reason.isUndefined() && !reason.isNull() && !reason.isString())
            throwInvalid(QT_TRANSLATE_NOOP("Server", "The reason must be text."),
                at + QStringLiteral(".reason"));
        entry.reason = reason.toString().trimmed();
        if (const auto first = seen.constFind(entry.enrolmentId); first != seen.constEnd()) {
            throw ApiError(400, ec::InvalidField, "Server",
                QT_TRANSLATE_NOOP("Server", "Entry %1 names the same enrolment as entry %2."))
                .field(at + QStringLiteral(".enrolmentId"))
                .arg(QString::number(i))
                .arg(QString::number(*first));
        }
        seen.insert(entry.enrolmentId, i);
        list.append(entry);
    }

    // The class's enrolments in one query: the batch is decided in memory, then written with a
    // few multi-row statements (docs/performance.md, batch-confirm).
    Database &db = m_context.database;
    QHash<QString, EnrolmentRow> enrolments;
    {
        QSqlQuery q = db.exec(
            QStringLiteral("SELECT %1 FROM enrolments WHERE class_id = ?").arg(EnrolmentColumns),
            { c.id });
        while (q.next()) {
            EnrolmentRow e;
            readEnrolment(q, &e);
            enrolments.insert(e.id, e);
        }
    }

    const Localizer &localizer = m_context.localizer;
    const auto say = [&](const char *source, const QStringList &args = {}) {
        return localizer.text(m.language, "Server", source, args);
    };
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    QJsonArray outcomes;
    QList<EnrolmentRow *> changed;
    changed.reserve(list.size());
    QList<HourRecordService::Record> records;
    records.reserve(list.size());
    int appliedCount = 0;
    int skippedCount = 0;
    int refusedCount = 0;
    const auto refuse = [&](const Entry &entry, const char *code, const QString &message) {
        ++refusedCount;
        outcomes.append(QJsonObject { { QStringLiteral("enrolmentId"), entry.enrolmentId },
            { QStringLiteral("outcome"), QStringLiteral("refused") },
            { QStringLiteral("code"), QLatin1String(code) },
            { QStringLiteral("message"), message } });
    };
    const QString classHours
        = QStringLiteral("%1.%2").arg(c.hoursTenths / 10).arg(c.hoursTenths % 10);
    for (const Entry &entry : std::as_const(list)) {
        const auto found = enrolments.find(entry.enrolmentId);
        if (found == enrolments.end()) {
            refuse(entry, ec::NotFound,
                say(QT_TRANSLATE_NOOP("Server", "Not enrolled in this class.")));
            continue;
        }
        EnrolmentRow &e = *found;
        if (e.status == QLatin1String("credited") || e.status == QLatin1String("absent")) {
            ++skippedCount;
            outcomes.append(QJsonObject { { QStringLiteral("enrolmentId"), entry.enrolmentId },
                { QStringLiteral("outcome"), QStringLiteral("skipped") },
                { QStringLiteral("code"), QLatin1String(ec::AlreadyDecided) },
                { QStringLiteral("message"),
                    e.status == QLatin1String("credited")
                        ? say(QT_TRANSLATE_NOOP("Server", "The hours were already confirmed."))
                        : say(QT_TRANSLATE_NOOP("Server", "Already recorded as absent.")) } });
            continue;
        }
        if (e.status != QLatin1String("confirmed")) {
            refuse(entry, ec::Conflict,
                e.status == QLatin1String("pending")
                    ? say(QT_TRANSLATE_NOOP("Server", "The enrolment has not been confirmed yet."))
                    : say(QT_TRANSLATE_NOOP("Server", "The enrolment was rejected or cancelled.")));
            continue;
        }
        const bool absent = entry.absent || entry.hoursTenths == 0;
        if (!absent && (entry.hoursTenths < 0 || entry.hoursTenths > c.hoursTenths)) {
            refuse(entry, ec::InvalidField,
                say(QT_TRANSLATE_NOOP("Server", "The hours must be from 0 to the class's %1."),
                    { classHours }));
            continue;
        }
        if ((absent || entry.hoursTenths < c.hoursTenths) && entry.reason.isEmpty()) {
            refuse(entry, ec::MissingField,
                absent ? say(QT_TRANSLATE_NOOP("Server", "Give the reason for the absence."))
                       : say(QT_TRANSLATE_NOOP(
                                 "Server", "Give the reason for fewer hours than the class's %1."),
                           { classHours }));
            continue;
        }
        if (entry.reason.size() > 200) {
            refuse(entry, ec::InvalidField,
                say(QT_TRANSLATE_NOOP("Server", "The reason may have at most 200 characters.")));
            continue;
        }
        e.version += 1;
        e.creditedAt = now;
        e.reason = entry.reason;
        if (absent) {
            e.status = QStringLiteral("absent");
            e.hoursTenths.reset();
        } else {
            e.status = QStringLiteral("credited");
            e.hoursTenths = entry.hoursTenths;
            e.hourRecordId = derivedId(QStringLiteral("classHours"), { e.id });
            HourRecordService::Record r;
            r.id = e.hourRecordId;
            r.learnerId = e.learnerId;
            r.year = c.endDate.year();
            r.source = QStringLiteral("trainingClass");
            r.subjectType = c.subjectType;
            r.hoursTenths = entry.hoursTenths;
            r.status = QStringLiteral("confirmed");
            r.title = c.name;
            r.startDate = c.startDate;
            r.endDate = c.endDate;
            records.append(r);
        }
        changed.append(&e);
        ++appliedCount;
        // No code or message: the answer of a 5,000-entry batch stays small.
        outcomes.append(QJsonObject { { QStringLiteral("enrolmentId"), entry.enrolmentId },
            { QStringLiteral("outcome"), QStringLiteral("applied") } });
    }

    if (db.isPostgres()) {
        // A few hundred rows a statement, since PostgreSQL pays a round trip for each.
        constexpr qsizetype Chunk = 500;
        for (qsizetype start = 0; start < changed.size(); start += Chunk) {
            const qsizetype end = std::min(changed.size(), start + Chunk);
            QVariantList values;
            values.reserve((end - start) * 5 + 1);
            for (qsizetype i = start; i < end; ++i) {
                const EnrolmentRow &e = *changed.at(i);
                values << e.id << e.status << (e.reason.isEmpty() ? nullText() : QVariant(e.reason))
                       << (e.hoursTenths ? QVariant(*e.hoursTenths)
                                         : QVariant(QMetaType(QMetaType::Int)))
                       << (e.hourRecordId.isEmpty() ? nullText() : QVariant(e.hourRecordId));
            }
            values << now;
            db.exec(db.inlined(
                QStringLiteral("WITH v (id, status, reason, hours, record) AS (VALUES %1)"
                               " UPDATE enrolments SET status = v.status, reason = v.reason,"
                               " hours_tenths = v.hours, hour_record_id = v.record,"
                               " credited_at = ?, version = version + 1"
                               " FROM v WHERE enrolments.id = v.id")
                    .arg(placeholders(
                        end - start, QStringLiteral("(?, ?, ?, CAST(? AS INTEGER), ?)"))),
                values));
        }
    } else {
        // One prepared statement run per row is what SQLite does fastest.
        QList<QVariantList> rows;
        rows.reserve(changed.size());
        for (const EnrolmentRow *e : std::as_const(changed)) {
            rows.append({ e->status, e->reason.isEmpty() ? nullText() : QVariant(e->reason),
                e->hoursTenths ? QVariant(*e->hoursTenths) : QVariant(QMetaType(QMetaType::Int)),
                e->hourRecordId.isEmpty() ? nullText() : QVariant(e->hourRecordId), now, e->id });
        }
        db.execEach(QStringLiteral("UPDATE enrolments SET status = ?, reason = ?, hours_tenths = ?,"
                                   " hour_record_id = ?, credited_at = ?, version = version + 1"
                                   " WHERE id = ?"),
            rows);
    }
    m_hourRecords.saveMany(records);
    QList<ChangeLog::Entry> published;
    published.reserve(changed.size() + 1);
    for (const EnrolmentRow *e : std::as_const(changed)) {
        published.append(
            { QStringLiteral("enrolment"), e->id, e->version, ChangeLog::Op::Upsert, toJson(*e, c),
                { ChangeLog::userAudience(e->learnerId),
                    ChangeLog::institutionAudience(c.institutionId) } });
    }
    if (!changed.isEmpty())
        published.append({ QStringLiteral("trainingClass"), c.id, c.version, ChangeLog::Op::Upsert,
            toJson(c, counts(c.id)), classAudiences(c) });
    m_context.changes.appendMany(published);

    QJsonObject result = applied(m.id, c.version);
    result.insert(QStringLiteral("outcomes"), outcomes);
    result.insert(QStringLiteral("applied"), appliedCount);
    result.insert(QStringLiteral("skipped"), skippedCount);
    result.insert(QStringLiteral("refused"), refusedCount);
    return result;
}

} // namespace xueshi::server

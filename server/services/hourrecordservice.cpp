#include "hourrecordservice.h"

#include "bindingservice.h"
#include "clock.h"
#include "core/apierror.h"
#include "errorcodes.h"
#include "storage/database.h"
#include "sync/changelog.h"

namespace xueshi::server {

namespace ec = xueshi::errorcode;

namespace {

QVariant dateOrNull(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate))
                          : QVariant(QMetaType(QMetaType::QString));
}

} // namespace

HourRecordService::HourRecordService(ServiceContext &context, BindingService &bindings)
    : m_context(context)
    , m_bindings(bindings)
{ }

qint64 HourRecordService::save(const Record &r)
{
    static const QStringList sources = { QStringLiteral("publicCourse"),
        QStringLiteral("trainingClass"), QStringLiteral("selfDeclaration") };
    static const QStringList subjects
        = { QStringLiteral("public"), QStringLiteral("professional"), QStringLiteral("elective") };
    static const QStringList statuses
        = { QStringLiteral("pending"), QStringLiteral("confirmed"), QStringLiteral("rejected") };
    if (!sources.contains(r.source) || !subjects.contains(r.subjectType)
        || !statuses.contains(r.status) || r.hoursTenths < 0 || r.year < 2000 || r.year > 2100
        || r.title.trimmed().isEmpty()) {
        throw ApiError(400, ec::InvalidField, "Server",
            QT_TRANSLATE_NOOP("Server", "The hour record is not valid."));
    }
    Database &db = m_context.database;
    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    QSqlQuery existing = db.exec(
        QStringLiteral("SELECT version FROM hour_records WHERE id = ?") + db.forUpdate(), { r.id });
    qint64 version = 1;
    if (existing.next()) {
        version = existing.value(0).toLongLong() + 1;
        existing.finish();
        db.exec(
            QStringLiteral(
                "UPDATE hour_records SET year = ?, source = ?, subject_type = ?, hours_tenths = ?,"
                " status = ?, title = ?, start_date = ?, end_date = ?, version = ?, updated_at = ?"
                " WHERE id = ?"),
            { r.year, r.source, r.subjectType, r.hoursTenths, r.status, r.title,
                dateOrNull(r.startDate), dateOrNull(r.endDate), version, now, r.id });
    } else {
        existing.finish();
        db.exec(
            QStringLiteral("INSERT INTO hour_records (id, learner_id, year, source, subject_type, "
                           "hours_tenths,"
                           " status, title, start_date, end_date, version, created_at, updated_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"),
            { r.id, r.learnerId, r.year, r.source, r.subjectType, r.hoursTenths, r.status, r.title,
                dateOrNull(r.startDate), dateOrNull(r.endDate), now, now });
    }
    publish(r.id);
    return version;
}

QJsonObject HourRecordService::recordJson(const QString &id)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral(
            "SELECT id, learner_id, year, source, subject_type, hours_tenths, status, title,"
            " start_date, end_date, version FROM hour_records WHERE id = ?"),
        { id });
    if (!q.next())
        return {};
    const auto text = [&q](int column) {
        return q.value(column).isNull() ? QJsonValue() : QJsonValue(q.value(column).toString());
    };
    return { { QStringLiteral("id"), q.value(0).toString() },
        { QStringLiteral("learnerId"), q.value(1).toString() },
        { QStringLiteral("year"), q.value(2).toInt() },
        { QStringLiteral("source"), q.value(3).toString() },
        { QStringLiteral("subjectType"), q.value(4).toString() },
        { QStringLiteral("hoursTenths"), q.value(5).toInt() },
        { QStringLiteral("status"), q.value(6).toString() },
        { QStringLiteral("title"), q.value(7).toString() },
        { QStringLiteral("startDate"), text(8) }, { QStringLiteral("endDate"), text(9) },
        { QStringLiteral("version"), double(q.value(10).toLongLong()) } };
}

void HourRecordService::publish(const QString &id)
{
    const QJsonObject record = recordJson(id);
    const QString learnerId = record.value(QStringLiteral("learnerId")).toString();
    QStringList audiences { ChangeLog::userAudience(learnerId) };
    if (const auto employer = m_bindings.confirmedEmployer(learnerId))
        audiences.append(ChangeLog::employerStaffAudience(*employer));
    m_context.changes.append(QStringLiteral("hourRecord"), id,
        qint64(record.value(QStringLiteral("version")).toDouble()), ChangeLog::Op::Upsert, record,
        audiences);
}

void HourRecordService::publishAllOf(const QString &learnerId)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT id FROM hour_records WHERE learner_id = ?"), { learnerId });
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    for (const QString &id : std::as_const(ids))
        publish(id);
}

} // namespace xueshi::server

#include "hourrecordservice.h"

#include "bindingservice.h"
#include "clock.h"
#include "core/apierror.h"
#include "errorcodes.h"
#include "storage/database.h"
#include "sync/changelog.h"

#include <QSet>

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

void HourRecordService::validate(const Record &r)
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
}

qint64 HourRecordService::save(const Record &r)
{
    validate(r);
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

void HourRecordService::saveMany(const QList<Record> &records)
{
    QStringList learnerIds;
    learnerIds.reserve(records.size());
    for (const Record &r : records) {
        validate(r);
        learnerIds.append(r.learnerId);
    }
    // The learners' rows first (the lock order, docs/sync.md "Locks"): a binding confirmed while
    // the batch runs either commits before the audiences below are read, or waits for this
    // transaction and then publishes the new records to its HR office itself.
    m_bindings.lockLearners(learnerIds, BindingService::LearnerLock::Shared);
    Database &db = m_context.database;
    // Ids per IN list. PostgreSQL gets them as literals (one round trip a query instead of
    // three); SQLite binds them by name, at a cost growing with the square of their number.
    const qsizetype Chunk = db.isPostgres() ? 500 : 100;
    const auto select = [&db](const QString &sql, const QVariantList &ids) {
        return db.isPostgres() ? db.exec(db.inlined(sql, ids)) : db.exec(sql, ids);
    };
    const auto marks = [](qsizetype n, const QString &mark) {
        QStringList list;
        list.reserve(n);
        for (qsizetype i = 0; i < n; ++i)
            list.append(mark);
        return list.join(QStringLiteral(", "));
    };

    // Which exist already (rare: a record made earlier under the same derived id).
    QSet<QString> existing;
    for (qsizetype start = 0; start < records.size(); start += Chunk) {
        const qsizetype end = std::min(records.size(), start + Chunk);
        QVariantList ids;
        for (qsizetype i = start; i < end; ++i)
            ids.append(records.at(i).id);
        QSqlQuery q = select(QStringLiteral("SELECT id FROM hour_records WHERE id IN (%1)")
                                 .arg(marks(ids.size(), QStringLiteral("?"))),
            ids);
        while (q.next())
            existing.insert(q.value(0).toString());
    }
    QList<Record> fresh;
    fresh.reserve(records.size());
    for (const Record &r : records) {
        if (existing.contains(r.id))
            save(r);
        else
            fresh.append(r);
    }
    if (fresh.isEmpty())
        return;

    const qint64 now = m_context.clock.nowUtc().toMSecsSinceEpoch();
    QHash<QString, QString> employers; // learner -> confirmed employer
    QSet<QString> learners;
    QList<QVariantList> rows;
    rows.reserve(fresh.size());
    for (const Record &r : std::as_const(fresh)) {
        rows.append({ r.id, r.learnerId, r.year, r.source, r.subjectType, r.hoursTenths, r.status,
            r.title, dateOrNull(r.startDate), dateOrNull(r.endDate), now, now });
        learners.insert(r.learnerId);
    }
    db.insertMany(QStringLiteral("INSERT INTO hour_records (id, learner_id, year, source,"
                                 " subject_type, hours_tenths, status, title, start_date, end_date,"
                                 " version, created_at, updated_at)"),
        QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"), rows);
    const QStringList learnerList(learners.cbegin(), learners.cend());
    for (qsizetype start = 0; start < learnerList.size(); start += Chunk) {
        const qsizetype end = std::min(learnerList.size(), start + Chunk);
        QVariantList ids;
        for (qsizetype i = start; i < end; ++i)
            ids.append(learnerList.at(i));
        // Held shared on PostgreSQL, like BindingService::confirmedEmployer(Lock::Shared); read
        // once the learners' rows are held.
        QSqlQuery q = select(
            QStringLiteral("SELECT learner_id, employer_id FROM bindings"
                           " WHERE status = 'confirmed' AND learner_id IN (%1)%2")
                .arg(marks(ids.size(), QStringLiteral("?")),
                    m_context.database.isPostgres() ? QStringLiteral(" FOR SHARE") : QString()),
            ids);
        while (q.next())
            employers.insert(q.value(0).toString(), q.value(1).toString());
    }
    QList<ChangeLog::Entry> entries;
    entries.reserve(fresh.size());
    for (const Record &r : std::as_const(fresh)) {
        const auto employer = employers.constFind(r.learnerId);
        entries.append({ QStringLiteral("hourRecord"), r.id, 1, ChangeLog::Op::Upsert, toJson(r, 1),
            audiencesOf(r.learnerId,
                employer == employers.constEnd() ? std::nullopt
                                                 : std::optional<QString>(*employer)) });
    }
    m_context.changes.appendMany(entries);
}

QJsonObject HourRecordService::toJson(const Record &r, qint64 version)
{
    const auto date = [](const QDate &d) {
        return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
    };
    return { { QStringLiteral("id"), r.id }, { QStringLiteral("learnerId"), r.learnerId },
        { QStringLiteral("year"), r.year }, { QStringLiteral("source"), r.source },
        { QStringLiteral("subjectType"), r.subjectType },
        { QStringLiteral("hoursTenths"), r.hoursTenths }, { QStringLiteral("status"), r.status },
        { QStringLiteral("title"), r.title }, { QStringLiteral("startDate"), date(r.startDate) },
        { QStringLiteral("endDate"), date(r.endDate) },
        { QStringLiteral("version"), double(version) } };
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
    Record r;
    r.id = q.value(0).toString();
    r.learnerId = q.value(1).toString();
    r.year = q.value(2).toInt();
    r.source = q.value(3).toString();
    r.subjectType = q.value(4).toString();
    r.hoursTenths = q.value(5).toInt();
    r.status = q.value(6).toString();
    r.title = q.value(7).toString();
    r.startDate = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    r.endDate = QDate::fromString(q.value(9).toString(), Qt::ISODate);
    return toJson(r, q.value(10).toLongLong());
}

QStringList HourRecordService::audiencesOf(
    const QString &learnerId, const std::optional<QString> &employerId)
{
    QStringList audiences { ChangeLog::userAudience(learnerId) };
    if (employerId)
        audiences.append(ChangeLog::employerStaffAudience(*employerId));
    return audiences;
}

void HourRecordService::publish(const QString &id)
{
    const QJsonObject record = recordJson(id);
    const QString learnerId = record.value(QStringLiteral("learnerId")).toString();
    m_context.changes.append(QStringLiteral("hourRecord"), id,
        qint64(record.value(QStringLiteral("version")).toDouble()), ChangeLog::Op::Upsert, record,
        audiencesOf(
            learnerId, m_bindings.confirmedEmployer(learnerId, BindingService::Lock::Shared)));
}

void HourRecordService::withdrawFrom(const QString &learnerId, const QString &employerId)
{
    Database &db = m_context.database;
    const QString audience = ChangeLog::employerStaffAudience(employerId);
    db.exec(
        QStringLiteral("DELETE FROM change_audience WHERE audience = ? AND seq IN ("
                       "SELECT c.seq FROM change_log c JOIN hour_records h ON h.id = c.entity_id"
                       " WHERE c.entity_type = 'hourRecord' AND h.learner_id = ?)"),
        { audience, learnerId });
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id, version FROM hour_records WHERE learner_id = ?"), { learnerId });
    QList<ChangeLog::Entry> deletes;
    while (q.next()) {
        deletes.append({ QStringLiteral("hourRecord"), q.value(0).toString(),
            q.value(1).toLongLong(), ChangeLog::Op::Delete, {}, { audience } });
    }
    q.finish();
    m_context.changes.appendMany(deletes);
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

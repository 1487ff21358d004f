#include "policyservice.h"

#include "bindingservice.h"
#include "core/apierror.h"
#include "errorcodes.h"
#include "regions.h"
#include "storage/database.h"
#include "sync/changelog.h"

#include <algorithm>

namespace xueshi::server {

namespace ec = xueshi::errorcode;

namespace {

const QString Columns = QStringLiteral(
    "year, region_code, total_tenths, public_tenths, professional_tenths, elective_tenths,"
    " substitution, hours_per_day_tenths, declarable_from, entry_deadline");

YearPolicy fromRow(const QSqlQuery &q)
{
    YearPolicy p;
    p.year = q.value(0).toInt();
    p.regionCode = q.value(1).toString();
    p.totalTenths = q.value(2).toInt();
    p.publicTenths = q.value(3).toInt();
    p.professionalTenths = q.value(4).toInt();
    p.electiveTenths = q.value(5).toInt();
    p.substitution = q.value(6).toInt() != 0;
    p.hoursPerDayTenths = q.value(7).toInt();
    p.declarableFrom = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    p.entryDeadline = QDate::fromString(q.value(9).toString(), Qt::ISODate);
    return p;
}

// The national row's region: '' in the table, never NULL (an empty QString may be a null one).
QString regionKey(const QString &regionCode)
{
    return regionCode.isEmpty() ? QStringLiteral("") : regionCode;
}

ApiError invalid(const char *field, const char *message)
{
    ApiError error(400, ec::InvalidField, "Server", message);
    error.field(QString::fromLatin1(field));
    return error;
}

void checkTenths(const char *field, int tenths)
{
    if (tenths < 0 || tenths > PolicyService::MaxTenths) {
        throw invalid(
            field, QT_TRANSLATE_NOOP("Server", "Hours of a policy are between 0 and 1,000."));
    }
}

void checkRegion(const QString &regionCode)
{
    if (regionCode.isEmpty())
        return;
    const bool digits = regionCode.size() == 6
        && std::all_of(regionCode.begin(), regionCode.end(),
            [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    if (!digits || !RegionTable::instance().contains(regionCode)) {
        throw invalid("regionCode",
            QT_TRANSLATE_NOOP("Server",
                "The region of a policy is a 6-digit administrative region code of the region "
                "table, or none for the national policy."));
    }
}

void checkPolicy(const YearPolicy &p)
{
    if (p.year < PolicyService::MinYear || p.year > PolicyService::MaxYear)
        throw invalid("year", QT_TRANSLATE_NOOP("Server", "The year is between 2000 and 2100."));
    checkRegion(p.regionCode);
    checkTenths("totalTenths", p.totalTenths);
    checkTenths("publicTenths", p.publicTenths);
    checkTenths("professionalTenths", p.professionalTenths);
    checkTenths("electiveTenths", p.electiveTenths);
    if (p.totalTenths < 1) {
        throw invalid("totalTenths",
            QT_TRANSLATE_NOOP("Server", "A year requires at least 0.1 hours in total."));
    }
    if (p.hoursPerDayTenths < 1 || p.hoursPerDayTenths > PolicyService::MaxHoursPerDayTenths) {
        throw invalid("hoursPerDayTenths",
            QT_TRANSLATE_NOOP("Server", "The hours of a training day are between 0.1 and 24."));
    }
    if (!p.declarableFrom.isValid()) {
        throw invalid(
            "declarableFrom", QT_TRANSLATE_NOOP("Server", "The first day is not a valid date."));
    }
    if (!p.entryDeadline.isValid()) {
        throw invalid(
            "entryDeadline", QT_TRANSLATE_NOOP("Server", "The deadline is not a valid date."));
    }
    if (p.declarableFrom > p.entryDeadline) {
        throw invalid("declarableFrom",
            QT_TRANSLATE_NOOP("Server", "The first day to enter hours comes after the deadline."));
    }
}

} // namespace

PolicyService::PolicyService(ServiceContext &context, BindingService &bindings)
    : m_context(context)
    , m_bindings(bindings)
{ }

void PolicyService::initialise()
{
    Database &db = m_context.database;
    Transaction tx(db);
    QSqlQuery q = db.exec(QStringLiteral("SELECT %1, removed, version FROM policies"
                                         " WHERE published_version < version"
                                         " ORDER BY year, region_code")
                              .arg(Columns)
        + db.forUpdate());
    QList<ChangeLog::Entry> entries;
    while (q.next()) {
        const YearPolicy p = fromRow(q);
        const bool removed = q.value(10).toInt() != 0;
        entries.append({ QStringLiteral("policy"), p.entityId(), q.value(11).toLongLong(),
            removed ? ChangeLog::Op::Delete : ChangeLog::Op::Upsert,
            removed ? QJsonObject() : p.toJson(), { ChangeLog::publicAudience() } });
    }
    q.finish();
    m_context.changes.appendMany(entries);
    db.exec(QStringLiteral(
        "UPDATE policies SET published_version = version WHERE published_version < version"));
    tx.commit();
}

QList<YearPolicy> PolicyService::rows(const QString &where, const QVariantList &values)
{
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT %1 FROM policies WHERE removed = 0%2 ORDER BY year, region_code")
            .arg(Columns, where),
        values);
    QList<YearPolicy> result;
    while (q.next())
        result.append(fromRow(q));
    return result;
}

YearPolicy PolicyService::policyFor(int year, const QString &regionCode)
{
    return xueshi::policyFor(year, regionCode, rows(QStringLiteral(" AND year = ?"), { year }));
}

QString PolicyService::learnerRegion(const QString &learnerId)
{
    const std::optional<QString> employer = m_bindings.confirmedEmployer(learnerId);
    if (!employer)
        return {};
    QSqlQuery q = m_context.database.exec(
        QStringLiteral("SELECT region_code FROM organisations WHERE user_id = ?"), { *employer });
    return q.next() ? q.value(0).toString() : QString();
}

YearPolicy PolicyService::policyForLearner(int year, const QString &learnerId)
{
    return policyFor(year, learnerRegion(learnerId));
}

QList<YearPolicy> PolicyService::all()
{
    return rows({}, {});
}

QList<YearPolicy> PolicyService::national()
{
    return rows(QStringLiteral(" AND region_code = ''"), {});
}

void PolicyService::set(const YearPolicy &policy)
{
    checkPolicy(policy);
    Database &db = m_context.database;
    Transaction tx(db);
    // A new row starts as a removed one of version 0, so a new and an existing row take the same
    // path: the row is locked, then its version bumped (two administrators setting the same year
    // at once: the second waits, then writes the next version).
    db.exec(QStringLiteral("INSERT INTO policies (year, region_code, total_tenths, public_tenths,"
                           " professional_tenths, elective_tenths, substitution,"
                           " hours_per_day_tenths, declarable_from, entry_deadline, removed,"
                           " version, published_version)"
                           " VALUES (?, ?, 0, 0, 0, 0, 0, 1, '', '', 1, 0, 0)"
                           " ON CONFLICT (year, region_code) DO NOTHING"),
        { policy.year, regionKey(policy.regionCode) });
    QSqlQuery q
        = db.exec(QStringLiteral("SELECT version FROM policies WHERE year = ? AND region_code = ?")
                + db.forUpdate(),
            { policy.year, regionKey(policy.regionCode) });
    if (!q.next())
        throw DatabaseError(QStringLiteral("the policy row vanished"), QString());
    const qint64 version = q.value(0).toLongLong() + 1;
    q.finish();
    db.exec(QStringLiteral("UPDATE policies SET total_tenths = ?, public_tenths = ?,"
                           " professional_tenths = ?, elective_tenths = ?, substitution = ?,"
                           " hours_per_day_tenths = ?, declarable_from = ?, entry_deadline = ?,"
                           " removed = 0, version = ?, published_version = ?"
                           " WHERE year = ? AND region_code = ?"),
        { policy.totalTenths, policy.publicTenths, policy.professionalTenths, policy.electiveTenths,
            policy.substitution ? 1 : 0, policy.hoursPerDayTenths,
            policy.declarableFrom.toString(Qt::ISODate), policy.entryDeadline.toString(Qt::ISODate),
            version, version, policy.year, regionKey(policy.regionCode) });
    m_context.changes.append(QStringLiteral("policy"), policy.entityId(), version,
        ChangeLog::Op::Upsert, policy.toJson(), { ChangeLog::publicAudience() });
    tx.commit();
}

void PolicyService::remove(int year, const QString &regionCode)
{
    if (regionCode.isEmpty()) {
        throw invalid("regionCode",
            QT_TRANSLATE_NOOP("Server",
                "Only a region's policy can be removed; change the national one instead."));
    }
    Database &db = m_context.database;
    Transaction tx(db);
    QSqlQuery q = db.exec(QStringLiteral("SELECT version FROM policies"
                                         " WHERE year = ? AND region_code = ? AND removed = 0")
            + db.forUpdate(),
        { year, regionCode });
    if (!q.next()) {
        throw ApiError(404, ec::NotFound, "Server",
            QT_TRANSLATE_NOOP("Server", "There is no policy of %1 for the region %2."))
            .field(QStringLiteral("regionCode"))
            .arg(QString::number(year))
            .arg(regionCode);
    }
    const qint64 version = q.value(0).toLongLong() + 1;
    q.finish();
    db.exec(QStringLiteral("UPDATE policies SET removed = 1, version = ?, published_version = ?"
                           " WHERE year = ? AND region_code = ?"),
        { version, version, year, regionCode });
    m_context.changes.append(QStringLiteral("policy"), YearPolicy::entityId(year, regionCode),
        version, ChangeLog::Op::Delete, {}, { ChangeLog::publicAudience() });
    tx.commit();
}

} // namespace xueshi::server

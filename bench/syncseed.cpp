#include "syncseed.h"

#include "server.h"
#include "storage/database.h"
#include "sync/changelog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace xueshi::bench {

using server::ChangeLog;
using server::Database;
using server::Server;
using server::ServerOptions;
using server::Transaction;

namespace {

const QUuid Namespace = QUuid::fromString(QStringLiteral("{6f1d3c52-5a4e-4c1b-9a3e-7d2b8e0f4c11}"));

QString derived(const char *kind, int i)
{
    return QUuid::createUuidV5(Namespace, QStringLiteral("%1-%2").arg(QLatin1String(kind)).arg(i))
        .toString(QUuid::WithoutBraces);
}

const QStringList Surnames { QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"),
    QStringLiteral("刘"), QStringLiteral("陈"), QStringLiteral("杨"), QStringLiteral("黄"),
    QStringLiteral("赵"), QStringLiteral("吴"), QStringLiteral("周"), QStringLiteral("徐") };
const QStringList Given { QStringLiteral("伟"), QStringLiteral("芳"), QStringLiteral("娜"),
    QStringLiteral("敏"), QStringLiteral("静"), QStringLiteral("丽"), QStringLiteral("强"),
    QStringLiteral("磊"), QStringLiteral("军"), QStringLiteral("洋"), QStringLiteral("勇"),
    QStringLiteral("艳"), QStringLiteral("杰"), QStringLiteral("娟"), QStringLiteral("涛") };

QString nameOf(int i)
{
    return Surnames.at(i % Surnames.size()) + Given.at((i / 11) % Given.size())
        + Given.at((i / 165) % Given.size());
}

QString userIdOf(Database &db, const char *username)
{
    QSqlQuery q = db.exec(
        QStringLiteral("SELECT id FROM users WHERE username = ?"), { QLatin1String(username) });
    return q.next() ? q.value(0).toString() : QString();
}

QJsonObject bindingData(const QString &id, const QString &learnerId, const QString &employerId,
    const QString &employerName, int i, bool confirmed)
{
    return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("learnerId"), learnerId },
        { QStringLiteral("employerId"), employerId },
        { QStringLiteral("employerName"), employerName },
        { QStringLiteral("employerRegionCode"), QStringLiteral("440106") },
        { QStringLiteral("status"),
            confirmed ? QStringLiteral("confirmed") : QStringLiteral("pending") },
        { QStringLiteral("reason"), QJsonValue() },
        { QStringLiteral("requestedAt"),
            QDateTime(QDate(2025, 1, 6).addDays(i % 300), QTime(1, 0), Qt::UTC)
                .addSecs(i)
                .toString(Qt::ISODate) },
        { QStringLiteral("decidedAt"),
            confirmed
                ? QJsonValue(QDateTime(QDate(2025, 1, 8).addDays(i % 300), QTime(2, 0), Qt::UTC)
                                 .toString(Qt::ISODate))
                : QJsonValue() },
        { QStringLiteral("version"), confirmed ? 2 : 1 },
        { QStringLiteral("learner"),
            QJsonObject { { QStringLiteral("realName"), nameOf(i) },
                { QStringLiteral("residentId"),
                    QStringLiteral("4401061985%1").arg(i % 100000000, 8, 10, QLatin1Char('0')) },
                { QStringLiteral("gender"),
                    i % 2 ? QStringLiteral("male") : QStringLiteral("female") },
                { QStringLiteral("education"), QStringLiteral("bachelor") },
                { QStringLiteral("professionalTitle"), QStringLiteral("工程师") },
                { QStringLiteral("professionalSeries"),
                    QStringLiteral("engineering-environmental") },
                { QStringLiteral("position"), QStringLiteral("环境监测") },
                { QStringLiteral("mobile"),
                    QStringLiteral("138%1").arg(i % 100000000, 8, 10, QLatin1Char('0')) },
                { QStringLiteral("email"), QJsonValue() },
                { QStringLiteral("username"), QStringLiteral("staff%1").arg(i) } } } };
}

QJsonObject recordData(const QString &id, const QString &learnerId, int i, int version)
{
    static const char *const types[] = { "public", "professional", "elective" };
    const int year = 2024 + i % 3;
    const QDate start = QDate(year, 3, 1).addDays(i % 250);
    return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("learnerId"), learnerId },
        { QStringLiteral("year"), year },
        { QStringLiteral("source"),
            i % 4 == 0 ? QStringLiteral("selfDeclaration") : QStringLiteral("trainingClass") },
        { QStringLiteral("subjectType"), QLatin1String(types[i % 3]) },
        { QStringLiteral("hoursTenths"), 40 + (i % 9) * 10 },
        { QStringLiteral("status"),
            version > 1 || i % 10 != 0 ? QStringLiteral("confirmed") : QStringLiteral("pending") },
        { QStringLiteral("title"),
            QStringLiteral("环境监测新技术专题培训（第%1期）").arg(i % 500) },
        { QStringLiteral("startDate"), start.toString(Qt::ISODate) },
        { QStringLiteral("endDate"), start.addDays(1).toString(Qt::ISODate) } };
}

// Appends in transactions of a few thousand entries, the way a busy server would have.
class Writer
{
public:
    explicit Writer(Server &server)
        : m_server(server)
    { }
    ~Writer() { flush(); }
    void add(const QString &type, const QString &id, qint64 version, const QJsonObject &data,
        const QStringList &audiences)
    {
        m_entries.append({ type, id, version, ChangeLog::Op::Upsert, data, audiences });
        if (m_entries.size() >= 5000)
            flush();
    }
    void flush()
    {
        if (m_entries.isEmpty())
            return;
        Transaction tx(m_server.database());
        m_server.changeLog().appendMany(m_entries);
        tx.commit();
        m_entries.clear();
    }

private:
    Server &m_server;
    QList<ChangeLog::Entry> m_entries;
};

} // namespace

QString staffLearnerId(int i)
{
    return derived("learner", i);
}

QString staffBindingId(int i)
{
    return derived("binding", i);
}

QString staffRecordId(int i)
{
    return derived("record", i);
}

QString hourRecordJson(const QString &id, const QString &learnerId, int i, int version)
{
    return QString::fromUtf8(
        QJsonDocument(recordData(id, learnerId, i, version)).toJson(QJsonDocument::Compact));
}

QString seed(const ServerOptions &options, const SeedSize &size)
{
    Server server(options);
    QString error;
    if (!server.openStorage(&error))
        return error;
    try {
        Database &db = server.database();
        const QString employerId = userIdOf(db, "demo_employer");
        if (employerId.isEmpty())
            return QStringLiteral("no demo_employer: run `admin load-demo` first");
        const QString employerName = QStringLiteral("广州天河环保工程有限公司");
        const QString staffAudience = ChangeLog::employerStaffAudience(employerId);
        Writer writer(server);
        // The HR office: each binding requested, then confirmed (two entries, as the service
        // publishes them); each person's records after it.
        for (int i = 0; i < size.staff; ++i) {
            const QString learner = staffLearnerId(i);
            const QStringList audiences { ChangeLog::userAudience(learner), staffAudience };
            writer.add(QStringLiteral("binding"), staffBindingId(i), 1,
                bindingData(staffBindingId(i), learner, employerId, employerName, i, false),
                audiences);
            writer.add(QStringLiteral("binding"), staffBindingId(i), 2,
                bindingData(staffBindingId(i), learner, employerId, employerName, i, true),
                audiences);
        }
        for (int r = 0; r < size.records; ++r) {
            const int person = size.staff > 0 ? r % size.staff : 0;
            const QString learner = staffLearnerId(person);
            const QStringList audiences { ChangeLog::userAudience(learner), staffAudience };
            const QString id = staffRecordId(r);
            // One in ten was declared (pending) before it was confirmed.
            if (r % 10 == 0)
                writer.add(
                    QStringLiteral("hourRecord"), id, 1, recordData(id, learner, r, 1), audiences);
            writer.add(QStringLiteral("hourRecord"), id, r % 10 == 0 ? 2 : 1,
                recordData(id, learner, r, 2), audiences);
        }
        if (size.noise) {
            // Ten other employers, as many staff and half as many records in all.
            const int scale = std::max(1, size.staff / 10);
            for (int e = 0; e < 10; ++e) {
                const QString other = derived("employer", e);
                writer.add(QStringLiteral("employer"), other, 1,
                    QJsonObject { { QStringLiteral("id"), other },
                        { QStringLiteral("name"), QStringLiteral("广州市第%1建筑设计院").arg(e) },
                        { QStringLiteral("creditCode"),
                            QStringLiteral("91440101MA5C%1").arg(e, 6, 10, QLatin1Char('0')) },
                        { QStringLiteral("regionCode"), QStringLiteral("440103") },
                        { QStringLiteral("regionName"), QStringLiteral("广东省广州市荔湾区") } },
                    { ChangeLog::publicAudience() });
                for (int i = 0; i < scale; ++i) {
                    const int n = 1000000 + e * scale + i;
                    const QString learner = derived("learner", n);
                    const QStringList audiences { ChangeLog::userAudience(learner),
                        ChangeLog::employerStaffAudience(other) };
                    writer.add(QStringLiteral("binding"), derived("binding", n), 2,
                        bindingData(derived("binding", n), learner, other,
                            QStringLiteral("广州市第%1建筑设计院").arg(e), n, true),
                        audiences);
                    for (int k = 0; k < size.records / size.staff / 2 + 1; ++k) {
                        const int m = n * 8 + k;
                        writer.add(QStringLiteral("hourRecord"), derived("record", m), 1,
                            recordData(derived("record", m), learner, m, 1), audiences);
                    }
                }
            }
            // Courses and classes: public, with their history (a class's counts change with
            // each enrolment; every version is an entry).
            const QString institution = derived("institution", 0);
            for (int c = 0; c < 30; ++c) {
                for (int v = 1; v <= 3; ++v) {
                    writer.add(QStringLiteral("course"), QStringLiteral("bench-course-%1").arg(c),
                        v,
                        QJsonObject {
                            { QStringLiteral("id"), QStringLiteral("bench-course-%1").arg(c) },
                            { QStringLiteral("packageVersion"), v },
                            { QStringLiteral("title"), QStringLiteral("公需科目第%1讲").arg(c) },
                            { QStringLiteral("introduction"),
                                QStringLiteral("专业技术人员公需科目课程，包括职业道德、法律法规"
                                               "与信息安全等内容。")
                                    .repeated(4) },
                            { QStringLiteral("hoursTenths"), 60 },
                            { QStringLiteral("subjectType"), QStringLiteral("public") } },
                        { ChangeLog::publicAudience() });
                }
            }
            const int classes = std::max(2, size.staff / 50);
            for (int c = 0; c < classes; ++c) {
                const QString classId = derived("class", c);
                for (int v = 1; v <= 50; ++v) {
                    const QString learner = derived("learner", 2000000 + c * 50 + v);
                    writer.add(QStringLiteral("trainingClass"), classId, v,
                        QJsonObject { { QStringLiteral("id"), classId },
                            { QStringLiteral("institutionId"), institution },
                            { QStringLiteral("institutionName"),
                                QStringLiteral("广州市专业技术人员继续教育培训中心") },
                            { QStringLiteral("name"),
                                QStringLiteral("环境影响评价实务培训班（第%1期）").arg(c) },
                            { QStringLiteral("subjectType"), QStringLiteral("professional") },
                            { QStringLiteral("mode"), QStringLiteral("offline") },
                            { QStringLiteral("regionCode"), QStringLiteral("440106") },
                            { QStringLiteral("venue"), QStringLiteral("广州市天河区体育西路") },
                            { QStringLiteral("startDate"), QStringLiteral("2026-04-01") },
                            { QStringLiteral("endDate"), QStringLiteral("2026-04-03") },
                            { QStringLiteral("hoursTenths"), 240 },
                            { QStringLiteral("capacity"), 100 },
                            { QStringLiteral("status"), QStringLiteral("accepting") },
                            { QStringLiteral("enrolledCount"), v },
                            { QStringLiteral("confirmedCount"), v / 2 },
                            { QStringLiteral("version"), v } },
                        { ChangeLog::publicAudience(),
                            ChangeLog::institutionAudience(institution) });
                    writer.add(QStringLiteral("enrolment"), derived("enrolment", c * 50 + v), 1,
                        QJsonObject { { QStringLiteral("id"), derived("enrolment", c * 50 + v) },
                            { QStringLiteral("classId"), classId },
                            { QStringLiteral("learnerId"), learner },
                            { QStringLiteral("status"), QStringLiteral("pending") } },
                        { ChangeLog::userAudience(learner),
                            ChangeLog::institutionAudience(institution) });
                }
            }
        }
        for (int i = 0; i < size.otherChanges; ++i) {
            const QString learner = derived("stranger", i / 20);
            writer.add(QStringLiteral("hourRecord"), derived("strangerRecord", i), 1,
                recordData(derived("strangerRecord", i), learner, i, 1),
                { ChangeLog::userAudience(learner) });
        }
        writer.flush();
        // As autovacuum would after a bulk load, before the server plans its first pull.
        if (db.isPostgres())
            db.exec(QStringLiteral("ANALYZE"));
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QString publishChanges(
    const ServerOptions &options, int count, int first, bool learner, int version)
{
    Server server(options);
    QString error;
    if (!server.openStorage(&error))
        return error;
    try {
        Database &db = server.database();
        const QString employerId = userIdOf(db, "demo_employer");
        const QString learnerId = userIdOf(db, "demo_learner");
        QList<ChangeLog::Entry> entries;
        for (int n = first; n < first + count; ++n) {
            if (learner) {
                const QString id = derived("learnerRecord", n);
                entries.append({ QStringLiteral("hourRecord"), id, version, ChangeLog::Op::Upsert,
                    recordData(id, learnerId, n, version),
                    { ChangeLog::userAudience(learnerId) } });
            } else {
                const QString person = staffLearnerId(n);
                const QString id = staffRecordId(n);
                entries.append({ QStringLiteral("hourRecord"), id, version, ChangeLog::Op::Upsert,
                    recordData(id, person, n, version),
                    { ChangeLog::userAudience(person),
                        ChangeLog::employerStaffAudience(employerId) } });
            }
        }
        Transaction tx(db);
        server.changeLog().appendMany(entries);
        tx.commit();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace xueshi::bench

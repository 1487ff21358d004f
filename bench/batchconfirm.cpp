// Benchmark: one class.confirmHours mutation crediting the hours of 5,000 confirmed enrolments,
// timed server side (SyncService::applyMutations in this process, the way the sync route calls
// it), on SQLite and, when given a cluster, on PostgreSQL. A 500-entry batch timed in the same
// run on the same database is the baseline: the per-entry ratio shows whether the batch scales
// linearly. The people, bindings, class and enrolments are seeded with multi-row INSERTs, not
// through the service one by one. Prints one JSON object.
#include "clock.h"
#include "server.h"
#include "storage/database.h"
#include "sync/syncservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>

#include <optional>
#include <time.h>
#include <unistd.h>

using namespace xueshi;
using namespace xueshi::server;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Makes the seeded names unique per run, so a database used before does not refuse them.
QString runTag()
{
    static const QString tag = newId().left(8);
    return tag;
}

void insertRows(
    Database &db, const QString &table, const QStringList &columns, const QList<QVariantList> &rows)
{
    QStringList marks;
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks.append(QStringLiteral("?"));
    db.insertMany(
        QStringLiteral("INSERT INTO %1 (%2)").arg(table, columns.join(QStringLiteral(", "))),
        QLatin1Char('(') + marks.join(QStringLiteral(", ")) + QLatin1Char(')'), rows);
}

struct Seeded
{
    QString classId;
    QStringList enrolmentIds;
};

// One class of `count` confirmed enrolments of learners confirmed by one employer in 天河区.
Seeded seedClass(Server &server, const QString &institutionId, const QString &employerId, int count,
    int serialBase)
{
    Database &db = server.database();
    const qint64 now = server.clock().nowUtc().toMSecsSinceEpoch();
    Seeded seeded;
    seeded.classId = newId();
    Transaction tx(db);
    db.exec(QStringLiteral(
                "INSERT INTO training_classes (id, institution_id, name, subject_type,"
                " professional_series, mode, region_code, venue, start_date, end_date,"
                " hours_tenths, capacity, enrolment_deadline, description, status, version,"
                " created_at, updated_at) VALUES (?, ?, ?, 'elective', NULL, 'offline', '440100',"
                " '广州市天河区', '2026-03-02', '2026-03-04', 240, 100000, '2026-03-01', '',"
                " 'accepting', 2, ?, ?)"),
        { seeded.classId, institutionId, QStringLiteral("批量学时确认基准培训班"), now, now });
    QList<QVariantList> users;
    QList<QVariantList> learners;
    QList<QVariantList> bindings;
    QList<QVariantList> enrolments;
    for (int i = 0; i < count; ++i) {
        const QString learnerId = newId();
        const QString username = QStringLiteral("bench_%1_%2").arg(runTag()).arg(serialBase + i);
        const QString residentId
            = QStringLiteral("%1%2").arg(runTag()).arg(serialBase + i, 10, 10, QLatin1Char('0'));
        const QString name = QStringLiteral("学员%1").arg(serialBase + i);
        users.append({ learnerId, username, username, QStringLiteral("learner"),
            QStringLiteral("active"), QStringLiteral("-"), name, now, now });
        learners.append({ learnerId, name, residentId, QStringLiteral("13800138000") });
        bindings.append(
            { newId(), learnerId, employerId, QStringLiteral("confirmed"), now, now, 2 });
        const QString enrolmentId = newId();
        seeded.enrolmentIds.append(enrolmentId);
        enrolments.append({ enrolmentId, seeded.classId, learnerId, name,
            QStringLiteral("440106********%1").arg(i % 10000, 4, 10, QLatin1Char('0')),
            QStringLiteral("广州天河环保工程有限公司"), QStringLiteral("confirmed"), now, now, 2 });
    }
    insertRows(db, QStringLiteral("users"),
        { QStringLiteral("id"), QStringLiteral("username"), QStringLiteral("username_key"),
            QStringLiteral("role"), QStringLiteral("status"), QStringLiteral("password_hash"),
            QStringLiteral("display_name"), QStringLiteral("created_at"),
            QStringLiteral("updated_at") },
        users);
    insertRows(db, QStringLiteral("learners"),
        { QStringLiteral("user_id"), QStringLiteral("real_name"), QStringLiteral("resident_id"),
            QStringLiteral("mobile") },
        learners);
    insertRows(db, QStringLiteral("bindings"),
        { QStringLiteral("id"), QStringLiteral("learner_id"), QStringLiteral("employer_id"),
            QStringLiteral("status"), QStringLiteral("requested_at"), QStringLiteral("decided_at"),
            QStringLiteral("version") },
        bindings);
    insertRows(db, QStringLiteral("enrolments"),
        { QStringLiteral("id"), QStringLiteral("class_id"), QStringLiteral("learner_id"),
            QStringLiteral("learner_name"), QStringLiteral("resident_id_masked"),
            QStringLiteral("employer_name"), QStringLiteral("status"), QStringLiteral("created_at"),
            QStringLiteral("decided_at"), QStringLiteral("version") },
        enrolments);
    tx.commit();
    return seeded;
}

QString addOrganisation(Server &server, const QString &kind, const QString &name)
{
    Database &db = server.database();
    const qint64 now = server.clock().nowUtc().toMSecsSinceEpoch();
    const QString id = newId();
    Transaction tx(db);
    db.exec(QStringLiteral("INSERT INTO users (id, username, username_key, role, status,"
                           " password_hash, display_name, created_at, updated_at)"
                           " VALUES (?, ?, ?, ?, 'active', '-', ?, ?, ?)"),
        { id, kind + QStringLiteral("_bench_") + runTag(),
            kind + QStringLiteral("_bench_") + runTag(), kind, name, now, now });
    db.exec(QStringLiteral("INSERT INTO organisations (user_id, kind, name, credit_code,"
                           " region_code, contact_person, phone, approved_at)"
                           " VALUES (?, ?, ?, ?, '440106', '王芳', '020-38886666', ?)"),
        { id, kind, name, id.left(18).toUpper(), now });
    tx.commit();
    return id;
}

struct Timing
{
    double seconds = 0;
    double cpuSeconds = 0; // this thread, plus the PostgreSQL backend's when there is one
    int applied = 0;
};

double threadCpuSeconds()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

// CPU time of a local process from /proc (the PostgreSQL backend serving this connection), so
// the result can be read apart from the load other processes put on the machine; 0 elsewhere.
double processCpuSeconds(qint64 pid)
{
    if (pid <= 0)
        return 0;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong())
        / double(sysconf(_SC_CLK_TCK));
}

// Times one confirmHours mutation of every enrolment of the class.
Timing confirmAll(Server &server, const AuthenticatedUser &institution, const Seeded &seeded)
{
    QJsonArray entries;
    for (const QString &id : seeded.enrolmentIds)
        entries.append(QJsonObject {
            { QStringLiteral("enrolmentId"), id }, { QStringLiteral("hoursTenths"), 240 } });
    const QJsonArray mutations { QJsonObject { { QStringLiteral("id"), newId() },
        { QStringLiteral("type"), QStringLiteral("class.confirmHours") },
        { QStringLiteral("target"), seeded.classId }, { QStringLiteral("baseVersion"), 2 },
        { QStringLiteral("payload"), QJsonObject { { QStringLiteral("entries"), entries } } } } };
    qint64 backend = 0;
    if (server.database().isPostgres()) {
        QSqlQuery pid = server.database().exec(QStringLiteral("SELECT pg_backend_pid()"));
        backend = pid.next() ? pid.value(0).toLongLong() : 0;
    }
    const double cpuBefore = threadCpuSeconds() + processCpuSeconds(backend);
    QElapsedTimer timer;
    timer.start();
    const QJsonObject answer
        = server.sync().applyMutations(institution, mutations, Language::Chinese);
    Timing t;
    t.seconds = double(timer.nsecsElapsed()) / 1e9;
    t.cpuSeconds = threadCpuSeconds() + processCpuSeconds(backend) - cpuBefore;
    t.applied = answer.value(QStringLiteral("results"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("applied"))
                    .toInt();
    return t;
}

// Runs the baseline and the full batch on one database; nullopt with *error when it cannot.
std::optional<QJsonObject> run(
    const ServerOptions &options, int entries, int baseline, const QString &prefix, QString *error)
{
    Server server(options);
    if (!server.openStorage(error))
        return std::nullopt;
    try {
        const QString institutionId = addOrganisation(server, QStringLiteral("institution"),
            QStringLiteral("广州市专业技术人员继续教育培训中心"));
        const QString employerId = addOrganisation(
            server, QStringLiteral("employer"), QStringLiteral("广州天河环保工程有限公司"));
        AuthenticatedUser institution;
        institution.id = institutionId;
        institution.role = Role::Institution;
        institution.status = QStringLiteral("active");
        const Seeded small = seedClass(server, institutionId, employerId, baseline, 0);
        const Seeded large = seedClass(server, institutionId, employerId, entries, baseline);
        const Timing base = confirmAll(server, institution, small);
        const Timing full = confirmAll(server, institution, large);
        if (base.applied != baseline || full.applied != entries) {
            *error = QStringLiteral("the batch applied %1 of %2 and %3 of %4 entries")
                         .arg(base.applied)
                         .arg(baseline)
                         .arg(full.applied)
                         .arg(entries);
            return std::nullopt;
        }
        return QJsonObject { { prefix + QStringLiteral("_seconds"), full.seconds },
            { prefix + QStringLiteral("_cpu_seconds"), full.cpuSeconds },
            { prefix + QStringLiteral("_baseline_seconds"), base.seconds },
            { prefix + QStringLiteral("_per_entry_ratio"),
                (full.seconds / entries) / (base.seconds / baseline) } };
    } catch (const std::exception &e) {
        *error = QString::fromUtf8(e.what());
        return std::nullopt;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("postgres"),
        QStringLiteral("postgres://user@host:port/db of a throwaway database"),
        QStringLiteral("url") });
    parser.addOption({ QStringLiteral("postgres-unavailable"),
        QStringLiteral("Why PostgreSQL is not measured (reported as the reason)"),
        QStringLiteral("reason") });
    parser.addOption({ QStringLiteral("entries"), QStringLiteral("Entries of the batch"),
        QStringLiteral("n"), QStringLiteral("5000") });
    parser.addOption({ QStringLiteral("baseline"), QStringLiteral("Entries of the baseline batch"),
        QStringLiteral("n"), QStringLiteral("500") });
    parser.process(app);
    const int entries = parser.value(QStringLiteral("entries")).toInt();
    const int baseline = parser.value(QStringLiteral("baseline")).toInt();

    // The class started yesterday (China time), so its hours can be confirmed.
    TestClock clock(QDateTime(QDate(2026, 3, 4), QTime(2, 0), Qt::UTC));
    QTemporaryDir dir;
    ServerOptions options;
    options.dataDir = dir.path();
    options.clock = &clock;
    options.passwordCost = PasswordHasher::Cost::Minimal;

    QJsonObject result { { QStringLiteral("bench"), QStringLiteral("batch-confirm") },
        { QStringLiteral("entries"), entries }, { QStringLiteral("baseline_entries"), baseline },
        { QStringLiteral("postgres_seconds"), QJsonValue() } };
    int exitCode = 0;
    QString error;
    if (const auto sqlite = run(options, entries, baseline, QStringLiteral("sqlite"), &error)) {
        for (auto it = sqlite->constBegin(); it != sqlite->constEnd(); ++it)
            result.insert(it.key(), it.value());
    } else {
        result.insert(QStringLiteral("sqlite_seconds"), QJsonValue());
        result.insert(QStringLiteral("sqlite_error"), error);
        exitCode = 1;
    }
    if (parser.isSet(QStringLiteral("postgres"))) {
        QString urlError;
        const auto config
            = DatabaseConfig::fromUrl(parser.value(QStringLiteral("postgres")), &urlError);
        if (!config) {
            result.insert(QStringLiteral("postgres_reason"), urlError);
        } else {
            options.database = *config;
            if (const auto pg
                = run(options, entries, baseline, QStringLiteral("postgres"), &error)) {
                for (auto it = pg->constBegin(); it != pg->constEnd(); ++it)
                    result.insert(it.key(), it.value());
            } else {
                result.insert(QStringLiteral("postgres_reason"), error);
                exitCode = 1;
            }
        }
    } else {
        result.insert(QStringLiteral("postgres_reason"),
            parser.value(QStringLiteral("postgres-unavailable")).isEmpty()
                ? QStringLiteral("no PostgreSQL cluster given (--postgres)")
                : parser.value(QStringLiteral("postgres-unavailable")));
    }
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return exitCode;
}

// The hours policies per year and region (issue 12) on the server: migration 11 keeps the rows of
// before, a change is published to everyone (set, remove, set again), refused ones leave nothing
// behind, `xueshi-server admin policy` run as its own process changes what a running server's
// clients pull, and a region's override decides a learner's cap of hours a training day when
// their employer lies in that region. Runs on SQLite and PostgreSQL.
#include "core/apierror.h"
#include "policy.h"
#include "services/accountservice.h"
#include "services/policyservice.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "sync/changelog.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>
#include <QUrl>
#include <QUuid>

using namespace xueshi;
using namespace xueshi::test;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString status(const QJsonObject &result)
{
    return result.value(QStringLiteral("status")).toString();
}

QString errorField(const QJsonObject &result)
{
    return result.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("field"))
        .toString();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestPolicies : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void migration_keepsTheRowsOfBefore_publishedAgainWithTheNewFields();
    void set_publishedToEveryone_thenRemovedAndSetAgain();
    void set_refusals_nameTheField_nothingWritten();
    void remove_nationalOrUnknown_refused();
    void policyFor_mostSpecificRegion();
    void cli_showSetRemove_reachARunningServersClients();
    void cli_badInput_nonZeroExit_nothingChanged();
    void declaration_capFromTheRegionOfTheLearnersEmployer();

private:
    TestAccount registerLearner(const QString &username, const QString &first17);
    TestAccount registerEmployer(
        const QString &username, const QString &creditFirst17, const QString &region);
    void bind(const TestAccount &learner, const TestAccount &employer);
    QJsonObject mutate(const TestAccount &who, const QString &type, const QString &target,
        qint64 base, const QJsonObject &payload = {});
    // The latest state of each policy in the user's feed (deleted ones absent).
    QHash<QString, QJsonObject> policies(const TestAccount &who);
    Run admin(const QStringList &args);
    int policyRowCount();
    qint64 changeCount();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
    TestAccount m_learner;
};

void TestPolicies::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
    m_learner
        = registerLearner(QStringLiteral("policyreader"), QStringLiteral("44010619900101123"));
}

void TestPolicies::cleanup()
{
    m_client.reset();
    m_server.reset();
}

TestAccount TestPolicies::registerLearner(const QString &username, const QString &first17)
{
    return registerBindableLearner(*m_server, *m_client, username, first17);
}

TestAccount TestPolicies::registerEmployer(
    const QString &username, const QString &creditFirst17, const QString &region)
{
    return registerApprovedEmployer(*m_server, *m_client, username, creditFirst17, region);
}

void TestPolicies::bind(const TestAccount &learner, const TestAccount &employer)
{
    QVERIFY(bindLearner(*m_client, learner, employer));
}

QJsonObject TestPolicies::mutate(const TestAccount &who, const QString &type, const QString &target,
    qint64 base, const QJsonObject &payload)
{
    return applyMutation(*m_client, who, type, target, base, payload);
}

QHash<QString, QJsonObject> TestPolicies::policies(const TestAccount &who)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonObject &c : pullAllChanges(*m_client, who.token)) {
        if (c.value(QStringLiteral("type")).toString() != QLatin1String("policy"))
            continue;
        const QString id = c.value(QStringLiteral("id")).toString();
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
            out.remove(id);
        else
            out.insert(id, c.value(QStringLiteral("data")).toObject());
    }
    return out;
}

Run TestPolicies::admin(const QStringList &args)
{
    // The real executable, on the test server's database, as an administrator would run it
    // next to a running server.
    const server::ServerOptions &options = m_server->server().options();
    QStringList all { QStringLiteral("--data-dir"), options.dataDir };
    if (options.database && options.database->kind == server::DatabaseConfig::Kind::Postgres) {
        const server::DatabaseConfig &db = *options.database;
        QUrl url;
        url.setScheme(QStringLiteral("postgres"));
        url.setUserName(db.user);
        url.setPassword(db.password);
        url.setHost(db.host);
        url.setPort(db.port);
        url.setPath(QLatin1Char('/') + db.name);
        all << QStringLiteral("--database") << url.toString();
    }
    all << QStringLiteral("admin") << QStringLiteral("policy") << args;
    QProcess process;
    process.start(QStringLiteral(XUESHI_SERVER_EXECUTABLE), all);
    Run run;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

int TestPolicies::policyRowCount()
{
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT COUNT(*) FROM policies WHERE removed = 0"));
    return q.next() ? q.value(0).toInt() : -1;
}

qint64 TestPolicies::changeCount()
{
    QSqlQuery q
        = m_server->server().database().exec(QStringLiteral("SELECT COUNT(*) FROM change_log"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

// --- migration ------------------------------------------------------------------------------

void TestPolicies::migration_keepsTheRowsOfBefore_publishedAgainWithTheNewFields()
{
    server::Database &db = m_server->server().database();
    // The table as migration 10 made it, with a year changed and published since.
    db.exec(QStringLiteral("DROP TABLE policies"));
    const auto ten = std::find_if(server::migrations().begin(), server::migrations().end(),
        [](const server::Migration &m) { return m.version == 10; });
    QVERIFY(ten != server::migrations().end());
    for (const QString &statement : ten->statements) {
        if (statement.contains(QLatin1String("INTO policies"))
            || statement.contains(QLatin1String("TABLE policies")))
            db.exec(statement);
    }
    db.exec(QStringLiteral("UPDATE policies SET hours_per_day_tenths = 80, total_tenths = 720,"
                           " entry_deadline = '2026-06-30', version = 3, published_version = 3"
                           " WHERE year = 2025"));
    db.exec(QStringLiteral("UPDATE policies SET published_version = version WHERE year <> 2025"));
    db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 11"));

    QString error;
    QVERIFY2(db.migrate(&error), qPrintable(error));
    QSqlQuery q = db.exec(QStringLiteral(
        "SELECT year, region_code, total_tenths, public_tenths, professional_tenths,"
        " elective_tenths, substitution, hours_per_day_tenths, declarable_from, entry_deadline,"
        " removed, version, published_version FROM policies ORDER BY year"));
    int rows = 0;
    while (q.next()) {
        ++rows;
        const int year = q.value(0).toInt();
        QCOMPARE(q.value(1).toString(), QString());
        QCOMPARE(q.value(2).toInt(), year == 2025 ? 720 : 900);
        QCOMPARE(q.value(3).toInt(), 300);
        QCOMPARE(q.value(4).toInt(), 420);
        QCOMPARE(q.value(5).toInt(), 180);
        QCOMPARE(q.value(6).toInt(), 0);
        QCOMPARE(q.value(7).toInt(), year == 2025 ? 80 : 60);
        QCOMPARE(q.value(8).toString(), QStringLiteral("%1-01-01").arg(year));
        QCOMPARE(q.value(9).toString(),
            year == 2025 ? QStringLiteral("2026-06-30") : QStringLiteral("%1-03-31").arg(year + 1));
        QCOMPARE(q.value(10).toInt(), 0);
        // A new version, above the one published: the start publishes the new fields.
        QCOMPARE(q.value(11).toLongLong(), year == 2025 ? 4 : 2);
        QCOMPARE(q.value(12).toLongLong(), year == 2025 ? 3 : 1);
    }
    QCOMPARE(rows, 4);

    m_server->server().policies().initialise();
    const QHash<QString, QJsonObject> seen = policies(m_learner);
    QCOMPARE(seen.size(), 4);
    const YearPolicy p = YearPolicy::fromJson(seen.value(QStringLiteral("2025")));
    QCOMPARE(p.totalTenths, 720);
    QCOMPARE(p.hoursPerDayTenths, 80);
    QCOMPARE(p.declarableFrom, QDate(2025, 1, 1));
    QCOMPARE(p.entryDeadline, QDate(2026, 6, 30));
    QCOMPARE(seen.value(QStringLiteral("2025")).value(QStringLiteral("declarableFrom")).toString(),
        QStringLiteral("2025-01-01"));
    QCOMPARE(seen.value(QStringLiteral("2025")).value(QStringLiteral("regionCode")).toString(),
        QString());
    QVERIFY(seen.value(QStringLiteral("2025")).contains(QStringLiteral("substitution")));
}

// --- set and remove -------------------------------------------------------------------------

void TestPolicies::set_publishedToEveryone_thenRemovedAndSetAgain()
{
    server::PolicyService &service = m_server->server().policies();
    YearPolicy p = YearPolicy::defaults(2026);
    p.regionCode = QStringLiteral("440100");
    p.totalTenths = 720;
    p.professionalTenths = 455;
    p.substitution = true;
    p.hoursPerDayTenths = 80;
    p.declarableFrom = QDate(2025, 12, 1);
    p.entryDeadline = QDate(2027, 6, 30);
    // A client that follows the feed from before the change (a pull from the start sees only
    // the latest entry of each policy, and no deletes: docs/sync.md "Compaction").
    QString cursor;
    pullAllChanges(*m_client, m_learner.token, 1000, &cursor);
    const auto followed = [&](QStringList *ops) {
        QList<qint64> versions;
        for (const QJsonObject &c :
            pullAllChanges(*m_client, m_learner.token, 1000, &cursor, cursor)) {
            if (c.value(QStringLiteral("id")).toString() == QLatin1String("2026-440100")) {
                versions.append(qint64(c.value(QStringLiteral("version")).toDouble()));
                ops->append(c.value(QStringLiteral("op")).toString());
            }
        }
        return versions;
    };
    service.set(p);
    QStringList ops;
    QCOMPARE(followed(&ops), QList<qint64> { 1 });

    QHash<QString, QJsonObject> seen = policies(m_learner);
    QCOMPARE(seen.size(), 5);
    const QJsonObject data = seen.value(QStringLiteral("2026-440100"));
    QCOMPARE(data.value(QStringLiteral("regionCode")).toString(), QStringLiteral("440100"));
    QCOMPARE(data.value(QStringLiteral("substitution")).toBool(), true);
    QCOMPARE(data.value(QStringLiteral("declarableFrom")).toString(), QStringLiteral("2025-12-01"));
    QCOMPARE(YearPolicy::fromJson(data), p);
    // The national one is untouched; an employer and an anonymous catalogue see the same.
    QCOMPARE(YearPolicy::fromJson(seen.value(QStringLiteral("2026"))), YearPolicy::defaults(2026));
    QCOMPARE(service.all().size(), 5);
    QCOMPARE(service.national().size(), 4);

    // Changed again: a new version.
    p.hoursPerDayTenths = 70;
    service.set(p);
    QCOMPARE(followed(&ops), QList<qint64> { 2 });

    service.remove(2026, QStringLiteral("440100"));
    ops.clear();
    QCOMPARE(followed(&ops), QList<qint64> { 3 });
    QCOMPARE(ops, QStringList { QStringLiteral("delete") });
    seen = policies(m_learner);
    QVERIFY(!seen.contains(QStringLiteral("2026-440100")));
    QCOMPARE(seen.size(), 4);
    QCOMPARE(service.policyFor(2026, QStringLiteral("440106")), YearPolicy::defaults(2026));

    // Back again: its versions keep growing past the delete, so no client keeps the delete.
    service.set(p);
    ops.clear();
    QCOMPARE(followed(&ops), QList<qint64> { 4 });
    QCOMPARE(ops, QStringList { QStringLiteral("upsert") });
    QCOMPARE(policies(m_learner)
                 .value(QStringLiteral("2026-440100"))
                 .value(QStringLiteral("hoursPerDayTenths")),
        QJsonValue(70));
    QCOMPARE(service.policyFor(2026, QStringLiteral("440106")).hoursPerDayTenths, 70);
}

void TestPolicies::set_refusals_nameTheField_nothingWritten()
{
    server::PolicyService &service = m_server->server().policies();
    const qint64 changes = changeCount();
    const auto refusedField = [&](const YearPolicy &p) {
        try {
            service.set(p);
        } catch (const server::ApiError &e) {
            return e.status() == 400 && e.code() == QLatin1String("invalid_field")
                ? e.fieldName()
                : QStringLiteral("status %1 %2").arg(e.status()).arg(e.code());
        }
        return QString();
    };
    const YearPolicy base = YearPolicy::defaults(2026);
    YearPolicy p = base;
    p.year = 1999;
    p.declarableFrom = QDate(1999, 1, 1);
    p.entryDeadline = QDate(2000, 3, 31);
    QCOMPARE(refusedField(p), QStringLiteral("year"));
    p = base;
    p.year = 2101;
    QCOMPARE(refusedField(p), QStringLiteral("year"));
    p = base;
    p.totalTenths = 0;
    QCOMPARE(refusedField(p), QStringLiteral("totalTenths"));
    p.totalTenths = 10001;
    QCOMPARE(refusedField(p), QStringLiteral("totalTenths"));
    p = base;
    p.publicTenths = -1;
    QCOMPARE(refusedField(p), QStringLiteral("publicTenths"));
    p = base;
    p.professionalTenths = 10001;
    QCOMPARE(refusedField(p), QStringLiteral("professionalTenths"));
    p = base;
    p.electiveTenths = -5;
    QCOMPARE(refusedField(p), QStringLiteral("electiveTenths"));
    p = base;
    p.hoursPerDayTenths = 0;
    QCOMPARE(refusedField(p), QStringLiteral("hoursPerDayTenths"));
    p.hoursPerDayTenths = 241;
    QCOMPARE(refusedField(p), QStringLiteral("hoursPerDayTenths"));
    p = base;
    p.declarableFrom = QDate(2027, 4, 1);
    QCOMPARE(refusedField(p), QStringLiteral("declarableFrom"));
    p = base;
    p.entryDeadline = QDate();
    QCOMPARE(refusedField(p), QStringLiteral("entryDeadline"));
    p = base;
    p.declarableFrom = QDate();
    QCOMPARE(refusedField(p), QStringLiteral("declarableFrom"));
    for (const QString &region : { QStringLiteral("44"), QStringLiteral("4401"),
             QStringLiteral("999999"), QStringLiteral("44010x"), QStringLiteral("4401060") }) {
        p = base;
        p.regionCode = region;
        QCOMPARE(refusedField(p), QStringLiteral("regionCode"));
    }
    // Nothing was written or published.
    QCOMPARE(changeCount(), changes);
    QCOMPARE(policyRowCount(), 4);
    for (const YearPolicy &stored : service.all())
        QCOMPARE(stored, YearPolicy::defaults(stored.year));

    // The edges themselves are accepted: no minimum per type, 24 hours a day, a one-day window,
    // the per-type minimums above the total (not required to add up).
    p = base;
    p.totalTenths = 1;
    p.publicTenths = 0;
    p.professionalTenths = 10000;
    p.electiveTenths = 0;
    p.hoursPerDayTenths = 240;
    p.declarableFrom = QDate(2026, 5, 1);
    p.entryDeadline = QDate(2026, 5, 1);
    QCOMPARE(refusedField(p), QString());
    p.hoursPerDayTenths = 1;
    QCOMPARE(refusedField(p), QString());
    QCOMPARE(service.policyFor(2026, QString()), p);
}

void TestPolicies::remove_nationalOrUnknown_refused()
{
    server::PolicyService &service = m_server->server().policies();
    const qint64 changes = changeCount();
    try {
        service.remove(2026, QString());
        QFAIL("removed the national policy");
    } catch (const server::ApiError &e) {
        QCOMPARE(e.status(), 400);
        QCOMPARE(e.fieldName(), QStringLiteral("regionCode"));
    }
    try {
        service.remove(2026, QStringLiteral("440100"));
        QFAIL("removed a policy that does not exist");
    } catch (const server::ApiError &e) {
        QCOMPARE(e.status(), 404);
    }
    QCOMPARE(changeCount(), changes);
    QCOMPARE(policyRowCount(), 4);
}

void TestPolicies::policyFor_mostSpecificRegion()
{
    server::PolicyService &service = m_server->server().policies();
    YearPolicy province = YearPolicy::defaults(2026);
    province.regionCode = QStringLiteral("440000");
    province.hoursPerDayTenths = 80;
    service.set(province);
    YearPolicy county = province;
    county.regionCode = QStringLiteral("440106");
    county.hoursPerDayTenths = 50;
    service.set(county);
    QCOMPARE(service.policyFor(2026, QStringLiteral("440106")), county);
    QCOMPARE(service.policyFor(2026, QStringLiteral("440104")), province);
    QCOMPARE(service.policyFor(2026, QStringLiteral("110101")).regionCode, QString());
    QCOMPARE(service.policyFor(2026, QString()).hoursPerDayTenths, 60);
    // Another year has no override; a year without a row has the defaults.
    QCOMPARE(service.policyFor(2025, QStringLiteral("440106")).regionCode, QString());
    QCOMPARE(service.policyFor(2040, QStringLiteral("440106")), YearPolicy::defaults(2040));
}

// --- the administrator's command ------------------------------------------------------------

void TestPolicies::cli_showSetRemove_reachARunningServersClients()
{
    Run run = admin({});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("2026  national  90/30/42/18")), qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("2027-03-31")));

    run = admin({ QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--region"),
        QStringLiteral("440100"), QStringLiteral("--professional"), QStringLiteral("45.5"),
        QStringLiteral("--hours-per-day"), QStringLiteral("8"), QStringLiteral("--substitution"),
        QStringLiteral("yes"), QStringLiteral("--deadline"), QStringLiteral("2027-06-30") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // The running server's clients get it at their next pull.
    const QJsonObject data = policies(m_learner).value(QStringLiteral("2026-440100"));
    QCOMPARE(data.value(QStringLiteral("regionCode")).toString(), QStringLiteral("440100"));
    QCOMPARE(data.value(QStringLiteral("professionalTenths")).toInt(), 455);
    QCOMPARE(data.value(QStringLiteral("hoursPerDayTenths")).toInt(), 80);
    QCOMPARE(data.value(QStringLiteral("substitution")).toBool(), true);
    QCOMPARE(data.value(QStringLiteral("entryDeadline")).toString(), QStringLiteral("2027-06-30"));
    // A new override starts as what applied there: the rest is the national policy's.
    QCOMPARE(data.value(QStringLiteral("totalTenths")).toInt(), 900);
    QCOMPARE(data.value(QStringLiteral("declarableFrom")).toString(), QStringLiteral("2026-01-01"));

    run = admin({ QStringLiteral("2026") });
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QLatin1String("90/30/45.5/18")), qPrintable(run.out));
    QVERIFY(run.out.contains(QLatin1String("440100")));
    QVERIFY(!run.out.contains(QLatin1String("2025")));

    // The national one, in decimal hours.
    run = admin({ QStringLiteral("set"), QStringLiteral("2027"), QStringLiteral("--total"),
        QStringLiteral("72"), QStringLiteral("--elective"), QStringLiteral("12.5"),
        QStringLiteral("--from"), QStringLiteral("2026-12-01") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const YearPolicy national
        = YearPolicy::fromJson(policies(m_learner).value(QStringLiteral("2027")));
    QCOMPARE(national.totalTenths, 720);
    QCOMPARE(national.electiveTenths, 125);
    QCOMPARE(national.declarableFrom, QDate(2026, 12, 1));
    QCOMPARE(national.entryDeadline, QDate(2028, 3, 31));

    run = admin({ QStringLiteral("remove"), QStringLiteral("2026"), QStringLiteral("--region"),
        QStringLiteral("440100") });
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(!policies(m_learner).contains(QStringLiteral("2026-440100")));
    // Twice: there is none any more.
    run = admin({ QStringLiteral("remove"), QStringLiteral("2026"), QStringLiteral("--region"),
        QStringLiteral("440100") });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("no policy of 2026")), qPrintable(run.err));
}

void TestPolicies::cli_badInput_nonZeroExit_nothingChanged()
{
    const qint64 changes = changeCount();
    const QList<QPair<QStringList, int>> cases = {
        // More than one decimal, a sign, an exponent, a comma, no digits.
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--total"),
              QStringLiteral("4.55") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--public"),
              QStringLiteral("-1") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--public"),
              QStringLiteral("1e2") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--elective"),
              QStringLiteral("4,5") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--elective"),
              QStringLiteral(".") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--hours-per-day"),
              QStringLiteral("6.") },
            2 },
        // An unknown option, one given twice, one without its value, nothing to change.
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--bogus"),
              QStringLiteral("1") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--total"),
              QStringLiteral("90"), QStringLiteral("--total"), QStringLiteral("80") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--total") }, 2 },
        { { QStringLiteral("set"), QStringLiteral("2026") }, 2 },
        { { QStringLiteral("set"), QStringLiteral("20x6"), QStringLiteral("--total"),
              QStringLiteral("90") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--substitution"),
              QStringLiteral("maybe") },
            2 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--deadline"),
              QStringLiteral("2027-2-1") },
            2 },
        { { QStringLiteral("nonsense") }, 2 },
        { { QStringLiteral("remove"), QStringLiteral("2026") }, 2 },
        // Refused by the service: 24.1 hours a day, 0 hours in total, a window the wrong way
        // round, a region that does not exist, the national policy removed.
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--hours-per-day"),
              QStringLiteral("24.1") },
            1 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--total"),
              QStringLiteral("0") },
            1 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--from"),
              QStringLiteral("2027-04-01") },
            1 },
        { { QStringLiteral("set"), QStringLiteral("2026"), QStringLiteral("--region"),
              QStringLiteral("999999"), QStringLiteral("--total"), QStringLiteral("80") },
            1 },
        { { QStringLiteral("remove"), QStringLiteral("2026"), QStringLiteral("--region"),
              QString() },
            1 },
    };
    for (const auto &[args, expected] : cases) {
        const Run run = admin(args);
        QVERIFY2(run.exitCode == expected,
            qPrintable(args.join(QLatin1Char(' '))
                + QStringLiteral(": exit %1, %2").arg(run.exitCode).arg(run.err)));
        // (PostgreSQL's notices may come first.)
        const QStringList lines = run.err.split(QLatin1Char('\n'));
        QVERIFY2(std::any_of(lines.begin(), lines.end(),
                     [](const QString &l) { return l.startsWith(QLatin1String("error: ")); }),
            qPrintable(run.err));
    }
    QCOMPARE(changeCount(), changes);
    QCOMPARE(policyRowCount(), 4);
    for (const YearPolicy &p : m_server->server().policies().all())
        QCOMPARE(p, YearPolicy::defaults(p.year));
}

// --- a region's override for a learner ------------------------------------------------------

void TestPolicies::declaration_capFromTheRegionOfTheLearnersEmployer()
{
    // The learner works in 广州市天河区 (440106); another in 北京市东城区 (110101).
    const TestAccount tianhe = registerEmployer(
        QStringLiteral("tianhe_hr"), QStringLiteral("91440106MA59XK3T1"), QStringLiteral("440106"));
    bind(m_learner, tianhe);
    const TestAccount other
        = registerLearner(QStringLiteral("beijinger"), QStringLiteral("11010119900101234"));
    const TestAccount dongcheng = registerEmployer(QStringLiteral("dongcheng_hr"),
        QStringLiteral("91110101MA01ABCD1"), QStringLiteral("110101"));
    bind(other, dongcheng);
    QCOMPARE(m_server->server().policies().learnerRegion(m_learner.id), QStringLiteral("440106"));
    QCOMPARE(m_server->server().policies().learnerRegion(other.id), QStringLiteral("110101"));

    // The test clock's today is 2026-03-01: a two-day training of February.
    const auto declare = [&](const TestAccount &who, int hoursTenths) {
        const QJsonObject r = mutate(who, QStringLiteral("declaration.save"), newId(), 0,
            { { QStringLiteral("title"), QStringLiteral("环境影响评价技术培训") },
                { QStringLiteral("organiser"), QStringLiteral("广东省环境科学学会") },
                { QStringLiteral("startDate"), QStringLiteral("2026-02-10") },
                { QStringLiteral("endDate"), QStringLiteral("2026-02-11") },
                { QStringLiteral("trainingDays"), 2 },
                { QStringLiteral("hoursTenths"), hoursTenths },
                { QStringLiteral("subjectType"), QStringLiteral("elective") },
                { QStringLiteral("professionalSeries"), QString() } });
        return status(r) == QLatin1String("applied") ? QString() : errorField(r);
    };
    // Before: 6 hours a day for both.
    QCOMPARE(declare(m_learner, 130), QStringLiteral("hoursTenths"));

    // Guangzhou (the city 440100) counts a training day as 8 hours in 2026.
    YearPolicy guangzhou = YearPolicy::defaults(2026);
    guangzhou.regionCode = QStringLiteral("440100");
    guangzhou.hoursPerDayTenths = 80;
    m_server->server().policies().set(guangzhou);
    QCOMPARE(declare(m_learner, 160), QString());
    QCOMPARE(declare(m_learner, 161), QStringLiteral("hoursTenths"));
    QCOMPARE(declare(other, 121), QStringLiteral("hoursTenths"));
    QCOMPARE(declare(other, 120), QString());

    // Removed: the national cap again.
    m_server->server().policies().remove(2026, QStringLiteral("440100"));
    QCOMPARE(declare(m_learner, 130), QStringLiteral("hoursTenths"));
}

QTEST_GUILESS_MAIN(TestPolicies)
#include "tst_policies.moc"

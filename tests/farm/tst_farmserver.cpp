// Several server processes on one database (issue 14, "Several servers"), on SQLite and on
// PostgreSQL: migrations started together apply each step once; a schema a newer server changed
// is refused (in-process and by the xueshi-server binary's exit status); /health answers 503 when
// the database is gone; the upstream mode listens on loopback only and counts login failures for
// the address nginx forwards.
#include "clock.h"
#include "server.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "sync/changelog.h"
#include "testserver.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <thread>

using namespace xueshi;
using namespace xueshi::test;

namespace {

// An admin statement on the test cluster (XUESHI_TEST_POSTGRES_URL): CREATE/DROP DATABASE.
bool adminExec(const QString &sql, QString *error)
{
    return xueshi::test::postgresAdminExec(
        qEnvironmentVariable("XUESHI_TEST_POSTGRES_URL"), sql, error);
}

QString postgresUrl(const server::DatabaseConfig &c)
{
    return QStringLiteral("postgres://%1@%2:%3/%4").arg(c.user, c.host).arg(c.port).arg(c.name);
}

// One raw HTTP/1.1 request to a plain-HTTP server of this process on loopback (the event loop
// runs while waiting); the status, or 0.
int rawStatus(quint16 port, const QByteArray &request, QByteArray *body = nullptr)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(request);
    const QByteArray answer = readHttpAnswer(socket, 20000);
    const qsizetype length = httpAnswerLength(answer);
    if (length < 0 || !answer.startsWith("HTTP/1.1 "))
        return 0;
    if (body) {
        const qsizetype start = answer.indexOf("\r\n\r\n") + 4;
        *body = answer.mid(start, length - start);
    }
    return answer.mid(9, 3).toInt();
}

QByteArray loginRequest(const QString &username, const QByteArray &extraHeaders)
{
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("username"), username },
                            { QStringLiteral("password"), QStringLiteral("WrongPassword1") } })
              .toJson(QJsonDocument::Compact);
    return "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestFarmServer final : public QObject
{
    Q_OBJECT

private slots:
    void migrations_startedTogether_eachStepAppliedOnce();
    void schemaNewerThanServer_refused();
    void health_databaseGone_503();
    void highWaterMark_sharedDataDirectory_noFalseRestore();
    void upstream_nonLoopbackAddress_refused();
    void upstream_loginFailures_countedForForwardedAddress();
};

void TestFarmServer::migrations_startedTogether_eachStepAppliedOnce()
{
    // An empty database, as on the first start of a farm.
    QTemporaryDir dir;
    server::DatabaseConfig config
        = server::DatabaseConfig::sqlite(dir.filePath(QStringLiteral("x.sqlite")));
    QString name;
    const bool postgres = qEnvironmentVariableIsSet("XUESHI_TEST_POSTGRES_URL");
    if (postgres) {
        QString error;
        name = QStringLiteral("xueshi_farm_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
        QVERIFY2(
            adminExec(QStringLiteral("CREATE DATABASE %1").arg(name), &error), qPrintable(error));
        config = *server::DatabaseConfig::fromUrl(
            qEnvironmentVariable("XUESHI_TEST_POSTGRES_URL"), &error);
        config.name = name;
    }
    const auto drop = qScopeGuard([&name] {
        QString error;
        if (!name.isEmpty())
            adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name), &error);
    });

    constexpr int Processes = 6;
    std::atomic<int> ready { 0 };
    std::atomic<int> succeeded { 0 };
    QStringList errors(Processes);
    std::vector<std::thread> threads;
    for (int i = 0; i < Processes; ++i) {
        threads.emplace_back([&, i] {
            server::Database database(config);
            try {
                database.connection();
            } catch (const server::DatabaseError &e) {
                errors[i] = QString::fromStdString(e.what());
                return;
            }
            // All connected before any starts: they really run together.
            ++ready;
            while (ready.load() < Processes)
                std::this_thread::yield();
            QString error;
            if (database.migrate(&error))
                ++succeeded;
            else
                errors[i] = error;
        });
    }
    for (std::thread &t : threads)
        t.join();
    QVERIFY2(succeeded.load() == Processes, qPrintable(errors.join(QStringLiteral(" | "))));

    server::Database check(config);
    QSqlQuery q = check.exec(QStringLiteral(
        "SELECT COUNT(*), COUNT(DISTINCT version), MAX(version) FROM schema_migrations"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), int(server::migrations().size()));
    QCOMPARE(q.value(1).toInt(), int(server::migrations().size()));
    QCOMPARE(check.schemaVersion(), server::migrations().constLast().version);
}

void TestFarmServer::schemaNewerThanServer_refused()
{
    TestServer test;
    QVERIFY2(test.isRunning(), qPrintable(test.errorString()));
    const server::ServerOptions options = test.server().options();
    const server::DatabaseConfig config = test.server().database().config();
    test.server().database().exec(
        QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at)"
                       " VALUES (9999, 'from a newer server', 0)"));

    // In-process: openStorage refuses, says why, and changes nothing.
    QVERIFY(!test.restart());
    QVERIFY(test.errorString().contains(QStringLiteral("newer than this server")));
    QVERIFY(test.errorString().contains(QStringLiteral("9999")));
    QVERIFY(test.server().schemaTooNew());

    // The binary: exit status 3 (systemd's RestartPreventExitStatus=3), the reason on stderr.
    QStringList args { QStringLiteral("--data-dir"), options.dataDir };
    if (config.kind == server::DatabaseConfig::Kind::Postgres)
        args << QStringLiteral("--database") << postgresUrl(config);
    args << QStringLiteral("admin") << QStringLiteral("list-users");
    QProcess process;
    process.start(QStringLiteral(XUESHI_SERVER_BINARY), args);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    const QByteArray stderrText = process.readAllStandardError();
    QVERIFY2(stderrText.contains("newer than this server"), stderrText.constData());
    QCOMPARE(process.exitCode(), 3);

    // Without the unknown step, the same database starts again.
    server::Database database(config);
    database.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 9999"));
    QVERIFY2(test.restart(), qPrintable(test.errorString()));
}

void TestFarmServer::health_databaseGone_503()
{
    TestServer test;
    QVERIFY2(test.isRunning(), qPrintable(test.errorString()));
    TestClient client(test);
    TestReply ok = client.get(QStringLiteral("/health"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    if (!test.isPostgres())
        return; // an SQLite file does not go away under an open connection
    // The database disappears under the running server (as when PostgreSQL stops): every
    // connection is cut and a new one is refused.
    QString error;
    QVERIFY2(adminExec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)")
                           .arg(test.server().database().config().name),
                 &error),
        qPrintable(error));
    const TestReply gone = client.get(QStringLiteral("/health"));
    QCOMPARE(gone.status, 503);
    QCOMPARE(gone.errorCode(), QStringLiteral("database_unavailable"));
    // Back (an empty database of that name): the workers reconnect by themselves.
    QVERIFY2(
        adminExec(QStringLiteral("CREATE DATABASE %1").arg(test.server().database().config().name),
            &error),
        qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/health")).status, 200, 10000);
}

void TestFarmServer::highWaterMark_sharedDataDirectory_noFalseRestore()
{
    // Two processes on one database and one data directory check the sync high-water mark at
    // their own pace (at start, every 10 s, at a clean stop) while changes are made: neither may
    // ever take the other's fresh token for a restored database (that would make a new epoch,
    // and every client would download everything again). Threads with a ChangeLog and a
    // connection each stand in for the processes.
    TestServer test;
    QVERIFY2(test.isRunning(), qPrintable(test.errorString()));
    const server::DatabaseConfig config = test.server().database().config();
    const QString file = test.server().options().dataDir + QStringLiteral("/sync-high-water.json");
    QVERIFY(QFile::exists(file));
    QString epoch;
    {
        QSqlQuery q = test.server().database().exec(
            QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
        QVERIFY(q.next());
        epoch = q.value(0).toString();
    }
    std::atomic<int> restores { 0 };
    std::atomic<int> failures { 0 };
    std::vector<std::thread> processes;
    for (int p = 0; p < 2; ++p) {
        processes.emplace_back([&] {
            server::Database database(config);
            server::ChangeLog log(database, *SystemClock::instance());
            log.setHighWaterFile(file);
            try {
                for (int i = 0; i < 60; ++i) {
                    database.exec(
                        QStringLiteral("UPDATE change_counter SET n = n + 1 WHERE id = 1"));
                    if (!log.checkHighWater().isEmpty())
                        ++restores;
                }
            } catch (const server::DatabaseError &e) {
                qWarning("%s", e.what());
                ++failures;
            }
        });
    }
    for (std::thread &t : processes)
        t.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(restores.load(), 0);
    QSqlQuery q = test.server().database().exec(
        QStringLiteral("SELECT value FROM server_meta WHERE key = 'epoch'"));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), epoch);
}

void TestFarmServer::upstream_nonLoopbackAddress_refused()
{
    QTemporaryDir dir;
    server::ServerOptions options;
    options.dataDir = dir.path();
    options.upstream = true;
    options.port = 0;
    options.address = QHostAddress(QStringLiteral("0.0.0.0"));
    server::Server server(options);
    QString error;
    QVERIFY2(server.openStorage(&error), qPrintable(error));
    QVERIFY(!server.listen(&error));
    QVERIFY2(error.contains(QStringLiteral("loopback")), qPrintable(error));

    // The binary refuses it before opening anything: exit status 2.
    QProcess process;
    process.start(QStringLiteral(XUESHI_SERVER_BINARY),
        { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--upstream"),
            QStringLiteral("--listen"), QStringLiteral("192.0.2.1") });
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("loopback"));

    // The same from the --config file's [server] group.
    QFile ini(dir.filePath(QStringLiteral("server.ini")));
    QVERIFY(ini.open(QIODevice::WriteOnly));
    ini.write("[server]\nupstream = true\nlisten = 192.0.2.1\ndrain-seconds = 5\n");
    ini.close();
    QProcess configured;
    configured.start(QStringLiteral(XUESHI_SERVER_BINARY),
        { QStringLiteral("--data-dir"), dir.path(), QStringLiteral("--config"), ini.fileName() });
    QVERIFY(configured.waitForFinished(30000));
    QCOMPARE(configured.exitCode(), 2);
    QVERIFY(configured.readAllStandardError().contains("loopback"));
}

void TestFarmServer::upstream_loginFailures_countedForForwardedAddress()
{
    // A second process in upstream mode beside the test server, on its database and data
    // directory, as behind nginx.
    TestServer test;
    QVERIFY2(test.isRunning(), qPrintable(test.errorString()));
    server::ServerOptions options = test.server().options();
    options.upstream = true;
    options.port = 0;
    options.address = QHostAddress::LocalHost;
    options.database = test.server().database().config();
    server::Server upstream(options);
    QString error;
    QVERIFY2(upstream.openStorage(&error) && upstream.listen(&error), qPrintable(error));
    const quint16 port = upstream.port();
    QVERIFY(port != 0);

    // Plain HTTP works, and /health answers.
    QByteArray body;
    QCOMPARE(rawStatus(port, "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", &body), 200);
    QVERIFY(body.contains("\"ok\""));

    // 20 failures (AccountService's limit per address) from the address nginx forwards...
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(rawStatus(port,
                     loginRequest(QStringLiteral("guess%1").arg(i),
                         "X-Real-IP: 203.0.113.5\r\nX-Forwarded-For: 10.9.9.9, 203.0.113.5\r\n")),
            401);
    }
    // ... stop that address, whatever it claims in front ...
    QCOMPARE(
        rawStatus(port, loginRequest(QStringLiteral("other"), "X-Real-IP: 203.0.113.5\r\n")), 429);
    QCOMPARE(
        rawStatus(port,
            loginRequest(QStringLiteral("other"), "X-Forwarded-For: 1.2.3.4, 203.0.113.5\r\n")),
        429);
    // ... and no other client behind the same proxy, nor the proxy itself.
    QCOMPARE(
        rawStatus(port, loginRequest(QStringLiteral("other"), "X-Real-IP: 203.0.113.6\r\n")), 401);
    QCOMPARE(rawStatus(port, loginRequest(QStringLiteral("other"), QByteArray())), 401);
}

QTEST_MAIN(TestFarmServer)
#include "tst_farmserver.moc"

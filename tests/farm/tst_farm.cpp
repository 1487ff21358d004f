// The farm of issue 14, started for real on loopback: PostgreSQL (the CTest fixture's cluster, a
// fresh database), two xueshi-server processes in upstream mode on that database and one data
// directory, and Debian's nginx with installer/nginx/xueshi.conf (ports, certificate and log path
// substituted) in a prefix of its own under a temporary directory, as root or not. The real
// client (ApiClient, LocalStore, SyncEngine, trusting nginx's certificate) registers, logs in,
// syncs and sends profile changes while nginx alternates between the processes (its access log
// names the process of each request); one process is stopped with SIGTERM in the middle of a
// sync, started again, and then the other is killed outright in the middle of one. Every change
// reaches the server exactly once, and the client carries on.
#include "apiclient.h"
#include "clock.h"
#include "localstore.h"
#include "servertrust.h"
#include "sinkprocess.h"
#include "storage/database.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tls/tlsmaterial.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <memory>
#include <unistd.h>

using namespace xueshi;
using namespace xueshi::test;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// An admin statement on the test cluster (XUESHI_TEST_POSTGRES_URL): CREATE/DROP DATABASE.
bool adminExec(const QString &sql, QString *error)
{
    return xueshi::test::postgresAdminExec(
        qEnvironmentVariable("XUESHI_TEST_POSTGRES_URL"), sql, error);
}

bool portOpen(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
}

// How many of nginx's access-log lines name the process on `port` as their upstream.
qsizetype servedBy(const QStringList &lines, quint16 port)
{
    const QString upstream = QStringLiteral("upstream=127.0.0.1:%1 ").arg(port);
    return std::count_if(lines.cbegin(), lines.cend(),
        [&upstream](const QString &line) { return line.contains(upstream); });
}

// The processes' delivery of codes: the [notifier] group (a file), and the SMTP password's file.
struct NotifierFiles
{
    QString group;
    QString smtpPassword;
};

// One xueshi-server process of the farm.
struct ServerProcess
{
    quint16 port = 0;
    std::unique_ptr<QProcess> process;

    // Its output goes to `logDirectory`/server-PORT.log.
    bool start(const QString &databaseUrl, const QString &dataDir, const QString &logDirectory,
        const NotifierFiles &notifier)
    {
        const QString logPath = logDirectory + QStringLiteral("/server-%1.log").arg(port);
        process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->setStandardOutputFile(logPath, QIODevice::Append);
        // Against the installed package (tests/packaging/test-packages.sh): a wrapper starts
        // xueshi-server@PORT as its unit runs it, on this database and data directory, with
        // this [notifier] group in /etc/xueshi/server.conf and the password in the file its
        // LoadCredential= names.
        const QString wrapper = qEnvironmentVariable("XUESHI_FARM_SERVER_WRAPPER");
        if (!wrapper.isEmpty()) {
            process->start(wrapper,
                { QString::number(port), databaseUrl, dataDir, notifier.group,
                    notifier.smtpPassword });
        } else {
            // The build's server: the same group in a --config file, the password's file named
            // in [secrets].
            const QString config = logPath + QStringLiteral(".%1.conf").arg(port);
            QFile file(config);
            QFile group(notifier.group);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || !group.open(QIODevice::ReadOnly))
                return false;
            file.write(group.readAll()
                + "\n[secrets]\nsmtp-password-file=" + notifier.smtpPassword.toUtf8() + '\n');
            file.close();
            process->start(QStringLiteral(XUESHI_SERVER_BINARY),
                { QStringLiteral("--config"), config, QStringLiteral("--upstream"),
                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1"),
                    QStringLiteral("--port"), QString::number(port), QStringLiteral("--database"),
                    databaseUrl, QStringLiteral("--data-dir"), dataDir, QStringLiteral("--workers"),
                    QStringLiteral("2") });
        }
        if (!process->waitForStarted(10000))
            return false;
        return QTest::qWaitFor(
            [this] { return process->state() == QProcess::Running && portOpen(port); }, 60000);
    }
    qint64 pid() const { return process ? process->processId() : 0; }
};

} // namespace

class TestFarm final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { m_failed = m_failed || QTest::currentTestFailed(); }
    void cleanupTestCase();
    void farm_processesStoppedMidSync_nothingLostNothingDoubled();
    // The functions below go on with the farm and the learner the first one left.
    void desktopClient_logsInThroughNginx_syncsFromBothProcesses();
    void recoveryCode_arrivesByEmail_resetsThePassword();
    void twoProcessesSending_eachMessageOnce();
    void backupRestored_everyClientBackConsistent();

private:
    bool startNginx();
    bool startSmtp();
    // Starts the processes that are not running (on the farm's database and data directory).
    bool startServers();
    bool stopServers();
    // `admin ARGS` on the farm's database and data directory: through
    // XUESHI_FARM_ADMIN_WRAPPER (xueshi-server-admin from the packages) or the build's server.
    bool admin(const QStringList &args);
    struct ClientRun
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // `xueshi --sync` through nginx, as `username` with `password` on its standard input, on
    // the computer whose home is `home`: the installed program (XUESHI_FARM_CLIENT) or the
    // build's.
    ClientRun desktopSync(const QString &home, const QString &username, const QString &password);
    // The local store `xueshi` keeps under `home`, or empty.
    static QString storeUnder(const QString &home);
    // A fresh session of the library client for `username`.
    bool logInApi(const QString &username, const QString &password);
    // Where the servers' data directories go: the test's own directory, or under the installed
    // server's /var/lib/xueshi when the farm runs from the packages.
    QString dataRoot() const { return qEnvironmentVariable("XUESHI_FARM_DATA_ROOT", m_dir.path()); }
    QStringList accessLog() const;
    // What the process on `port` wrote, and what every process wrote.
    QByteArray serverLog(quint16 port) const;
    QList<QByteArray> serverLogs() const;
    bool call(const QString &method, const QString &path, const QJsonObject &body, ApiResult *out);
    bool sync(int timeoutMs = 60000);

    QTemporaryDir m_dir;
    bool m_failed = false;
    QString m_databaseName;
    QString m_databaseUrl;
    QString m_dataDir;
    ServerProcess m_servers[2];
    QProcess m_nginx;
    quint16 m_nginxPort = 0;
    QSslCertificate m_certificate;

    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ServerTrust> m_trust;
    QNetworkAccessManager m_network;
    std::unique_ptr<ApiClient> m_api;
    LocalStore m_store;
    std::unique_ptr<SyncEngine> m_engine;

    // Left by the first function for the others.
    QString m_userId;
    QString m_password = QStringLiteral("Secret123");
    QString m_lastMobile;

    NotifierFiles m_notifier;
    quint16 m_smtpPort = 0;
    std::unique_ptr<SinkProcess> m_smtp;
};

void TestFarm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const QString adminUrl = qEnvironmentVariable("XUESHI_TEST_POSTGRES_URL");
    QVERIFY2(
        !adminUrl.isEmpty(), "needs the CTest fixture's PostgreSQL (XUESHI_TEST_POSTGRES_URL)");
    QVERIFY2(QFile::exists(QStringLiteral(XUESHI_NGINX)), "nginx is not installed");

    QString error;
    m_databaseName
        = QStringLiteral("xueshi_farm_") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    QVERIFY2(adminExec(QStringLiteral("CREATE DATABASE %1").arg(m_databaseName), &error),
        qPrintable(error));
    m_databaseUrl = adminUrl.left(adminUrl.lastIndexOf(QLatin1Char('/')) + 1) + m_databaseName;

    // One data directory for both processes: the content (lessons), attachments and signing keys
    // are shared, as the documentation prescribes.
    m_dataDir = dataRoot() + QStringLiteral("/data");
    // Started together: the advisory lock makes them take turns on the empty database.
    m_servers[0].port = freePort();
    m_servers[1].port = freePort();
    QVERIFY(m_servers[0].port != m_servers[1].port);
    const QString log = m_dir.path();
    QVERIFY(startSmtp());
    QVERIFY(m_servers[0].start(m_databaseUrl, m_dataDir, log, m_notifier));
    QVERIFY2(m_servers[1].start(m_databaseUrl, m_dataDir, log, m_notifier), qPrintable(log));

    QVERIFY(startNginx());

    m_settings = std::make_unique<QSettings>(
        m_dir.filePath(QStringLiteral("client.ini")), QSettings::IniFormat);
    m_trust = std::make_unique<ServerTrust>(m_settings.get());
    const QUrl url(QStringLiteral("https://127.0.0.1:%1").arg(m_nginxPort));
    m_trust->pin(ServerTrust::serverKey(url), m_certificate);
    m_api = std::make_unique<ApiClient>(&m_network, m_trust.get());
    m_api->setServerUrl(url);
}

void TestFarm::cleanupTestCase()
{
    m_engine.reset();
    if (m_nginx.state() != QProcess::NotRunning) {
        ::kill(pid_t(m_nginx.processId()), SIGQUIT);
        if (!m_nginx.waitForFinished(10000))
            m_nginx.kill();
    }
    for (ServerProcess &s : m_servers) {
        if (s.process && s.process->state() != QProcess::NotRunning) {
            s.process->terminate();
            if (!s.process->waitForFinished(15000))
                s.process->kill();
        }
    }
    QString error;
    if (!m_databaseName.isEmpty())
        adminExec(
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName), &error);
    if (m_failed || qEnvironmentVariableIsSet("XUESHI_FARM_SHOW_LOGS")) {
        for (const ServerProcess &s : m_servers)
            qWarning("--- server %d ---\n%s", s.port, serverLog(s.port).right(6000).constData());
        for (const char *name : { "nginx/error.log", "nginx/access.log" }) {
            QFile f(m_dir.filePath(QString::fromLatin1(name)));
            if (f.open(QIODevice::ReadOnly))
                qWarning("--- %s ---\n%s", name, f.readAll().right(6000).constData());
        }
    }
}

bool TestFarm::startNginx()
{
    // nginx's own certificate for 127.0.0.1 (the server's generator makes one for loopback).
    const QString prefix = m_dir.filePath(QStringLiteral("nginx"));
    QSslConfiguration tls;
    bool generated = false;
    QString error;
    if (!server::tls::loadOrCreate(prefix, QString(), QString(), &tls, &generated, &error)) {
        qWarning("certificate: %s", qPrintable(error));
        return false;
    }
    m_certificate = tls.localCertificate();
    for (const char *dir : { "logs", "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        QDir(prefix).mkpath(QString::fromLatin1(dir));

    // The shipped configuration, with this test's ports and paths put in.
    // (The installed example when the farm runs from the packages.)
    QFile shipped(qEnvironmentVariable("XUESHI_FARM_NGINX_CONF",
        QStringLiteral(XUESHI_SOURCE_DIR "/installer/nginx/xueshi.conf")));
    if (!shipped.open(QIODevice::ReadOnly))
        return false;
    QString conf = QString::fromUtf8(shipped.readAll());
    m_nginxPort = freePort();
    const QList<std::pair<QString, QString>> replacements {
        { QStringLiteral("listen 443 ssl http2;"),
            QStringLiteral("listen 127.0.0.1:%1 ssl http2;").arg(m_nginxPort) },
        { QStringLiteral("listen [::]:443 ssl http2;"), QString() },
        { QStringLiteral("/etc/ssl/xueshi/fullchain.pem"),
            prefix + QStringLiteral("/tls/server.crt") },
        { QStringLiteral("/etc/ssl/xueshi/privkey.pem"),
            prefix + QStringLiteral("/tls/server.key") },
        { QStringLiteral("/var/log/nginx/xueshi-access.log"),
            prefix + QStringLiteral("/access.log") },
        { QStringLiteral("server 127.0.0.1:8081 "),
            QStringLiteral("server 127.0.0.1:%1 ").arg(m_servers[0].port) },
        { QStringLiteral("server 127.0.0.1:8082 "),
            QStringLiteral("server 127.0.0.1:%1 ").arg(m_servers[1].port) },
    };
    for (const auto &[from, to] : replacements) {
        if (!conf.contains(from)) {
            qWarning("installer/nginx/xueshi.conf no longer contains \"%s\"", qPrintable(from));
            return false;
        }
        conf.replace(from, to);
    }
    QFile site(prefix + QStringLiteral("/xueshi.conf"));
    if (!site.open(QIODevice::WriteOnly) || site.write(conf.toUtf8()) < 0)
        return false;
    site.close();

    // The main file: everything nginx writes stays in the prefix. As root the workers run as
    // root too: they must write the temporary files in this private directory.
    QString main;
    if (::geteuid() == 0)
        main += QStringLiteral("user root;\n");
    main += QStringLiteral("daemon off;\nworker_processes 1;\npid %1/nginx.pid;\n"
                           "error_log %1/error.log info;\n"
                           "events { worker_connections 512; }\n"
                           "http {\n"
                           "  access_log %1/logs/access.log;\n"
                           "  client_body_temp_path %1/body;\n  proxy_temp_path %1/proxy;\n"
                           "  fastcgi_temp_path %1/fastcgi;\n  uwsgi_temp_path %1/uwsgi;\n"
                           "  scgi_temp_path %1/scgi;\n"
                           "  include %1/xueshi.conf;\n}\n")
                .arg(prefix);
    QFile mainFile(prefix + QStringLiteral("/nginx.conf"));
    if (!mainFile.open(QIODevice::WriteOnly) || mainFile.write(main.toUtf8()) < 0)
        return false;
    mainFile.close();

    const QStringList args { QStringLiteral("-p"), prefix + QLatin1Char('/'), QStringLiteral("-e"),
        prefix + QStringLiteral("/error.log"), QStringLiteral("-c"),
        prefix + QStringLiteral("/nginx.conf") };
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(QStringLiteral(XUESHI_NGINX), QStringList(args) << QStringLiteral("-t"));
    if (!check.waitForFinished(30000) || check.exitCode() != 0) {
        qWarning("nginx -t: %s", check.readAll().constData());
        return false;
    }
    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    m_nginx.setStandardOutputFile(prefix + QStringLiteral("/stdout.log"));
    m_nginx.start(QStringLiteral(XUESHI_NGINX), args);
    return m_nginx.waitForStarted(10000)
        && QTest::qWaitFor([this] { return portOpen(m_nginxPort); }, 20000);
}

QStringList TestFarm::accessLog() const
{
    QFile f(m_dir.filePath(QStringLiteral("nginx/access.log")));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QByteArray TestFarm::serverLog(quint16 port) const
{
    QFile f(m_dir.filePath(QStringLiteral("server-%1.log").arg(port)));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QByteArray> TestFarm::serverLogs() const
{
    return { serverLog(m_servers[0].port), serverLog(m_servers[1].port) };
}

bool TestFarm::call(
    const QString &method, const QString &path, const QJsonObject &body, ApiResult *out)
{
    bool done = false;
    const auto callback = [&](const ApiResult &result) {
        *out = result;
        done = true;
    };
    if (method == QLatin1String("GET"))
        m_api->get(path, this, callback);
    else
        m_api->post(path, body, this, callback);
    return QTest::qWaitFor([&done] { return done; }, 30000);
}

bool TestFarm::sync(int timeoutMs)
{
    QSignalSpy finished(m_engine.get(), &SyncEngine::syncFinished);
    m_engine->syncNow();
    if (!finished.wait(timeoutMs))
        return false;
    if (!finished.last().at(0).toBool())
        qWarning("sync failed: %s", qPrintable(finished.last().at(1).toString()));
    return finished.last().at(0).toBool();
}

void TestFarm::farm_processesStoppedMidSync_nothingLostNothingDoubled()
{
    // Through nginx: /health, registration, login.
    ApiResult result;
    QVERIFY(call(QStringLiteral("GET"), QStringLiteral("/health"), {}, &result));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QVERIFY(call(QStringLiteral("POST"), QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("farmlearner"), QStringLiteral("44010619900101123")),
        &result));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    const QString userId = result.body.value(QStringLiteral("user"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
    QVERIFY(!userId.isEmpty());
    m_userId = userId;
    QVERIFY(call(QStringLiteral("POST"), QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("farmlearner") },
            { QStringLiteral("password"), QStringLiteral("Secret123") } },
        &result));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    const QString token = result.body.value(QStringLiteral("token")).toString();
    QVERIFY(!token.isEmpty());
    m_api->setBearerToken(token);

    m_store.open(LocalStore::defaultPath(m_api->serverKey(), userId));
    QVERIFY(m_store.isOpen());
    m_engine = std::make_unique<SyncEngine>(m_api.get(), &m_store, SystemClock::instance());
    m_engine->setUserId(userId);
    m_engine->setWatchNetwork(false);
    m_engine->setPeriodicInterval(0);
    m_engine->setBackoff(10, 100, [] { return 0.5; });
    QVERIFY(sync());
    QCOMPARE(m_store.entityCount(QStringLiteral("profile")), 1);

    QStringList mutationIds;
    QString lastMobile;
    const auto queueChange = [&](int round) {
        lastMobile = QStringLiteral("139%1").arg(10000000 + round, 8, 10, QLatin1Char('0'));
        const QString id
            = m_engine->queueProfileUpdate({ { QStringLiteral("mobile"), lastMobile } });
        QVERIFY(!id.isEmpty());
        mutationIds.append(id);
    };

    // Phase 1: both processes serve; nginx alternates between them.
    const qsizetype logBefore = accessLog().size();
    for (int round = 0; round < 8; ++round) {
        queueChange(round);
        QVERIFY(sync());
    }
    QCOMPARE(m_engine->pendingCount(), 0);
    {
        const QStringList lines = accessLog().mid(logBefore);
        QVERIFY2(servedBy(lines, m_servers[0].port) >= 4 && servedBy(lines, m_servers[1].port) >= 4,
            qPrintable(lines.join(u'\n')));
    }

    // Phase 2: SIGTERM to the first process while a sync (push and pull) is on its way.
    queueChange(100);
    {
        QSignalSpy finished(m_engine.get(), &SyncEngine::syncFinished);
        m_engine->syncNow();
        QTest::qWait(5);
        ::kill(pid_t(m_servers[0].pid()), SIGTERM);
        QVERIFY(finished.wait(60000));
    }
    // It finished what it had and exited cleanly, within its drain time.
    QTRY_COMPARE_WITH_TIMEOUT(m_servers[0].process->state(), QProcess::NotRunning, 15000);
    QCOMPARE(m_servers[0].process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_servers[0].process->exitCode(), 0);
    // The client carries on through the other process.
    for (int round = 101; round < 105; ++round) {
        queueChange(round);
        QVERIFY(sync());
    }
    QCOMPARE(m_engine->pendingCount(), 0);

    // Phase 3: the first process back; then the second is killed outright during syncs (no
    // drain: requests cut in the middle, nginx retries them on the first).
    QVERIFY(m_servers[0].start(m_databaseUrl, m_dataDir, m_dir.path(), m_notifier));
    // nginx left the stopped process alone for fail_timeout (10 s): wait until it serves again.
    QTest::qWait(11000);
    for (int round = 200; round < 206; ++round) {
        queueChange(round);
        QSignalSpy finished(m_engine.get(), &SyncEngine::syncFinished);
        m_engine->syncNow();
        if (round == 203) {
            QTest::qWait(3);
            m_servers[1].process->kill();
        }
        QVERIFY(finished.wait(60000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_servers[1].process->state(), QProcess::NotRunning, 10000);
    QCOMPARE(m_servers[1].process->exitStatus(), QProcess::CrashExit);
    // Whatever a cut request left pending goes with the next sync.
    QVERIFY(sync());
    QCOMPARE(m_engine->pendingCount(), 0);

    // Nothing lost, nothing doubled: each mutation applied once, the profile at version 1 + the
    // number of changes, with the last one's value, on the server and in the client's cache.
    server::Database database(*server::DatabaseConfig::fromUrl(m_databaseUrl, nullptr));
    QSqlQuery applied = database.exec(
        QStringLiteral("SELECT mutation_id FROM applied_mutations WHERE user_id = ?"), { userId });
    QStringList appliedIds;
    while (applied.next())
        appliedIds.append(applied.value(0).toString());
    applied.finish();
    QStringList expected = mutationIds;
    expected.sort();
    appliedIds.sort();
    QCOMPARE(appliedIds, expected);
    QVERIFY(call(QStringLiteral("GET"), QStringLiteral("/me"), {}, &result));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(learnerMobile(result.body.value(QStringLiteral("user")).toObject()), lastMobile);
    m_lastMobile = lastMobile;
    const std::optional<CachedEntity> profile = m_store.entity(QStringLiteral("profile"), userId);
    QVERIFY(profile);
    QCOMPARE(profile->version, 1 + int(mutationIds.size()));
    QCOMPARE(learnerMobile(profile->data), lastMobile);
    // After the kill every request went to the first process.
    const QStringList tail = accessLog().mid(accessLog().size() - 3);
    for (const QString &line : tail)
        QVERIFY2(line.contains(QStringLiteral("upstream=127.0.0.1:%1").arg(m_servers[0].port)),
            qPrintable(line));

    // Phase 4: a process that cannot reach its database answers /health with 503, and nginx
    // takes the next process for it. (The second process comes back on a database of its own,
    // with a data directory of its own, and that database then disappears.)
    const QString goneName
        = QStringLiteral("xueshi_farm_gone_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    QString error;
    QVERIFY2(
        adminExec(QStringLiteral("CREATE DATABASE %1").arg(goneName), &error), qPrintable(error));
    const QString goneUrl
        = m_databaseUrl.left(m_databaseUrl.lastIndexOf(QLatin1Char('/')) + 1) + goneName;
    QVERIFY(m_servers[1].start(
        goneUrl, dataRoot() + QStringLiteral("/data-gone"), m_dir.path(), m_notifier));
    QVERIFY2(adminExec(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(goneName), &error),
        qPrintable(error));
    QTest::qWait(11000); // nginx's fail_timeout for the killed process
    const qsizetype beforeHealth = accessLog().size();
    for (int i = 0; i < 6; ++i) {
        QVERIFY(call(QStringLiteral("GET"), QStringLiteral("/health"), {}, &result));
        QVERIFY2(result.ok(), qPrintable(result.error.message));
    }
    {
        const QStringList lines = accessLog().mid(beforeHealth);
        const QString failover
            = QStringLiteral("upstream=127.0.0.1:%1, 127.0.0.1:%2 upstream_status=503, 200")
                  .arg(m_servers[1].port)
                  .arg(m_servers[0].port);
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                     [&failover](const QString &line) { return line.contains(failover); }),
            qPrintable(lines.join(u'\n')));
    }
    m_servers[1].process->kill();
    QTRY_COMPARE_WITH_TIMEOUT(m_servers[1].process->state(), QProcess::NotRunning, 10000);

    // The last process stops cleanly too, after all this traffic (every worker held a
    // connection to PostgreSQL).
    ::kill(pid_t(m_servers[0].pid()), SIGTERM);
    QTRY_COMPARE_WITH_TIMEOUT(m_servers[0].process->state(), QProcess::NotRunning, 15000);
    QCOMPARE(m_servers[0].process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_servers[0].process->exitCode(), 0);
}

bool TestFarm::startSmtp()
{
    // The sink's certificate where the servers' user can read it (dataRoot() is the service's
    // own under the packages), its key and the password in the test's private directory.
    const QString key = m_dir.filePath(QStringLiteral("smtp-sink.key"));
    const QString certificate = dataRoot() + QStringLiteral("/smtp-sink.crt");
    if (!QDir().mkpath(dataRoot()) || !makeLoopbackCertificate(certificate, key))
        return false;
    QFile::setPermissions(certificate,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther);
    m_notifier.smtpPassword = m_dir.filePath(QStringLiteral("smtp-password"));
    QFile password(m_notifier.smtpPassword);
    if (!password.open(QIODevice::WriteOnly))
        return false;
    password.write("farm-mail-secret-4Rk\n");
    password.close();
    password.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    m_smtpPort = freePort();
    m_notifier.group = m_dir.filePath(QStringLiteral("notifier.conf"));
    QFile group(m_notifier.group);
    if (!group.open(QIODevice::WriteOnly))
        return false;
    group.write(QStringLiteral("[notifier]\nemail=smtp\nsmtp-url=smtp://127.0.0.1:%1\n"
                               "smtp-from=noreply@xueshi.example.cn\nsmtp-username=farm-mailer\n"
                               "smtp-ca-file=%2\nsmtp-timeout=10\npoll-interval=2\n")
                    .arg(m_smtpPort)
                    .arg(certificate)
                    .toUtf8());
    group.close();

    if (!haveAiosmtpd()) {
        qWarning("python3-aiosmtpd is missing (scripts/install-deps.sh)");
        return false;
    }
    m_smtp = std::make_unique<SinkProcess>(
        QStringLiteral(XUESHI_SMTP_SINK), m_dir.filePath(QStringLiteral("smtp")));
    // A slow mail server (100 ms a message), so the two processes' senders overlap.
    return m_smtp->start(
        { QStringLiteral("--delay-ms"), QStringLiteral("100"), QStringLiteral("--port"),
            QString::number(m_smtpPort), QStringLiteral("--cert"), certificate,
            QStringLiteral("--key"), key, QStringLiteral("--user"), QStringLiteral("farm-mailer"),
            QStringLiteral("--password-file"), m_notifier.smtpPassword });
}

bool TestFarm::startServers()
{
    const QString log = m_dir.path();
    bool started = false;
    for (ServerProcess &server : m_servers) {
        if (server.process && server.process->state() != QProcess::NotRunning)
            continue;
        if (!server.start(m_databaseUrl, m_dataDir, log, m_notifier))
            return false;
        started = true;
    }
    if (!started)
        return true;
    // nginx takes a process it saw fail back after fail_timeout (10 s): ask /health until both
    // have answered through it.
    const qsizetype before = accessLog().size();
    for (int i = 0; i < 60; ++i) {
        ApiResult result;
        if (!call(QStringLiteral("GET"), QStringLiteral("/health"), {}, &result))
            return false;
        const QStringList lines = accessLog().mid(before);
        if (servedBy(lines, m_servers[0].port) > 0 && servedBy(lines, m_servers[1].port) > 0)
            return true;
        QTest::qWait(500);
    }
    qWarning("nginx did not come back to both processes");
    return false;
}

bool TestFarm::stopServers()
{
    for (ServerProcess &server : m_servers) {
        if (!server.process || server.process->state() == QProcess::NotRunning)
            continue;
        ::kill(pid_t(server.pid()), SIGTERM);
        if (!server.process->waitForFinished(30000))
            return false;
    }
    return true;
}

bool TestFarm::admin(const QStringList &args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString wrapper = qEnvironmentVariable("XUESHI_FARM_ADMIN_WRAPPER");
    if (!wrapper.isEmpty()) {
        process.start(wrapper, args);
    } else {
        process.start(QStringLiteral(XUESHI_SERVER_BINARY),
            QStringList { QStringLiteral("--database"), m_databaseUrl, QStringLiteral("--data-dir"),
                m_dataDir, QStringLiteral("admin") }
                + args);
    }
    const bool finished = process.waitForFinished(180000);
    const QByteArray output = process.readAll();
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("admin %s: %s", qPrintable(args.join(u' ')), output.constData());
        return false;
    }
    return true;
}

TestFarm::ClientRun TestFarm::desktopSync(
    const QString &home, const QString &username, const QString &password)
{
    QDir().mkpath(home + QStringLiteral("/runtime"));
    QFile::setPermissions(home + QStringLiteral("/runtime"),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("XUESHI_FARM_CLIENT", QStringLiteral(XUESHI_CLIENT_BINARY)),
        { QStringLiteral("--sync"), QStringLiteral("--server"),
            QStringLiteral("https://127.0.0.1:%1").arg(m_nginxPort), QStringLiteral("--user"),
            username, QStringLiteral("--trust-certificate"),
            ServerTrust::fingerprint(m_certificate) });
    ClientRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.write(password.toUtf8() + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished(5000);
    } else {
        run.exitCode = process.exitCode();
    }
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    if (run.exitCode != 0)
        qWarning(
            "xueshi --sync (%d):\n%s%s", run.exitCode, qPrintable(run.out), qPrintable(run.err));
    return run;
}

QString TestFarm::storeUnder(const QString &home)
{
    QDirIterator it(home, { QStringLiteral("*.sqlite") }, QDir::Files | QDir::Hidden,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(QLatin1String("/cache/")))
            return path;
    }
    return {};
}

bool TestFarm::logInApi(const QString &username, const QString &password)
{
    ApiResult result;
    if (!call(QStringLiteral("POST"), QStringLiteral("/session"),
            { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } },
            &result)
        || !result.ok())
        return false;
    m_api->setBearerToken(result.body.value(QStringLiteral("token")).toString());
    return true;
}

void TestFarm::desktopClient_logsInThroughNginx_syncsFromBothProcesses()
{
    QVERIFY2(
        !m_userId.isEmpty(), "runs after farm_processesStoppedMidSync_nothingLostNothingDoubled");
    QVERIFY(startServers());
    const qsizetype logBefore = accessLog().size();

    // The program as users run it (the installed one from the packages), without a window:
    // it trusts nginx's certificate by the fingerprint, logs in, syncs and logs out.
    const ClientRun run = desktopSync(
        m_dir.filePath(QStringLiteral("computer-a")), QStringLiteral("farmlearner"), m_password);
    QCOMPARE(run.exitCode, 0);
    const QString store = storeUnder(m_dir.filePath(QStringLiteral("computer-a")));
    QVERIFY2(!store.isEmpty(), qPrintable(run.out));
    QVERIFY2(run.out.contains(store), qPrintable(run.out));

    // Its cache holds the profile as the server has it: the first function's last change.
    const QStringList cached = cachedEntities(store);
    const QString profilePrefix = QStringLiteral("profile %1 ").arg(m_userId);
    const auto profile = std::find_if(cached.cbegin(), cached.cend(),
        [&](const QString &row) { return row.startsWith(profilePrefix); });
    QVERIFY2(profile != cached.cend(), qPrintable(cached.join(u'\n')));
    QVERIFY2(profile->contains(QStringLiteral("\"mobile\":\"%1\"").arg(m_lastMobile)),
        qPrintable(*profile));

    // nginx gave its requests to both processes, the login and the logout among them.
    const QStringList lines = accessLog().mid(logBefore);
    QVERIFY2(servedBy(lines, m_servers[0].port) >= 1 && servedBy(lines, m_servers[1].port) >= 1,
        qPrintable(lines.join(u'\n')));
    for (const char *request : { "\"POST /api/v1/session\"", "\"DELETE /api/v1/session\"",
             "\"GET /api/v1/sync/changes" }) {
        QVERIFY2(
            std::any_of(lines.cbegin(), lines.cend(),
                [request](const QString &line) { return line.contains(QLatin1String(request)); }),
            request);
    }
}

void TestFarm::recoveryCode_arrivesByEmail_resetsThePassword()
{
    QVERIFY2(
        !m_userId.isEmpty(), "runs after farm_processesStoppedMidSync_nothingLostNothingDoubled");
    QVERIFY(startServers());
    const qsizetype before = m_smtp->messages().size();

    // Through nginx: the learner forgot the password and asks for a code by e-mail.
    ApiResult result;
    QVERIFY(call(QStringLiteral("POST"), QStringLiteral("/recovery/password"),
        { { QStringLiteral("username"), QStringLiteral("farmlearner") },
            { QStringLiteral("channel"), QStringLiteral("email") } },
        &result));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.httpStatus, 202);
    const QString requestId = result.body.value(QStringLiteral("requestId")).toString();
    QVERIFY(!requestId.isEmpty());

    // It arrives at the loopback SMTP server over STARTTLS, from the logged-in sender.
    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages().size(), before + 1, 30000);
    const QJsonObject mail = m_smtp->messages().last();
    QCOMPARE(mail.value(QStringLiteral("tls")).toBool(), true);
    QCOMPARE(mail.value(QStringLiteral("user")).toString(), QStringLiteral("farm-mailer"));
    QCOMPARE(mail.value(QStringLiteral("rcptTos")).toArray(),
        QJsonArray { QStringLiteral("zhangsan@example.cn") });
    const QString code = sixDigits(mail.value(QStringLiteral("text")).toString());
    QCOMPARE(code.size(), 6);

    // The code resets the password, through whichever process nginx picks.
    const QString newPassword = QStringLiteral("Recovered2026");
    QVERIFY(call(QStringLiteral("POST"), QStringLiteral("/recovery/password/reset"),
        { { QStringLiteral("requestId"), requestId }, { QStringLiteral("code"), code },
            { QStringLiteral("newPassword"), newPassword } },
        &result));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    m_password = newPassword;

    // The desktop client logs in with the new password, and no longer with the old one.
    const QString home = m_dir.filePath(QStringLiteral("computer-a"));
    QCOMPARE(
        desktopSync(home, QStringLiteral("farmlearner"), QStringLiteral("Secret123")).exitCode, 2);
    QCOMPARE(desktopSync(home, QStringLiteral("farmlearner"), newPassword).exitCode, 0);

    // Neither process wrote the code to its log.
    const QByteArray logged = serverLogs().join('\n');
    QVERIFY(logged.contains("sent by smtp"));
    QVERIFY(!logged.contains(code.toLatin1()));
}

void TestFarm::twoProcessesSending_eachMessageOnce()
{
    QVERIFY(startServers());
    const qsizetype before = m_smtp->messages().size();
    QList<int> sentBefore;
    for (const QByteArray &log : serverLogs())
        sentBefore.append(int(log.count("sent by smtp")));

    // Sixty messages queued at once in the shared database, as codes are, for both processes'
    // senders (each polls every 2 s and claims one due message at a time with a lease).
    constexpr int Messages = 60;
    {
        server::Database database(*server::DatabaseConfig::fromUrl(m_databaseUrl, nullptr));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < Messages; ++i) {
            database.exec(QStringLiteral("INSERT INTO notifier_outbox (channel, destination,"
                                         " subject, body, created_at, expires_at, transport,"
                                         " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                { QStringLiteral("email"), QStringLiteral("farm-%1@example.cn").arg(i),
                    QStringLiteral("farm senders"), QStringLiteral("message %1").arg(i), now,
                    now + 10 * 60 * 1000, QStringLiteral("smtp"), now });
        }
    }

    QTRY_COMPARE_WITH_TIMEOUT(m_smtp->messages().size(), before + Messages, 60000);
    QTest::qWait(5000); // two more polls of each sender: nothing more arrives
    const QList<QJsonObject> messages = m_smtp->messages().mid(before);
    QCOMPARE(messages.size(), Messages);
    QSet<QString> recipients;
    for (const QJsonObject &m : messages)
        recipients.insert(m.value(QStringLiteral("rcptTos")).toArray().first().toString());
    QCOMPARE(recipients.size(), Messages);

    // Each process sent some of them; each message took one attempt.
    const QList<QByteArray> logs = serverLogs();
    for (int i = 0; i < 2; ++i) {
        const int sent = int(logs.at(i).count("sent by smtp")) - sentBefore.at(i);
        QVERIFY2(sent >= 1 && sent < Messages,
            qPrintable(QStringLiteral("process %1 sent %2").arg(i).arg(sent)));
    }
    server::Database database(*server::DatabaseConfig::fromUrl(m_databaseUrl, nullptr));
    QSqlQuery q = database.exec(QStringLiteral("SELECT COUNT(*), SUM(attempts) FROM notifier_outbox"
                                               " WHERE subject = ? AND sent_at IS NOT NULL"),
        { QStringLiteral("farm senders") });
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), Messages);
    QCOMPARE(q.value(1).toInt(), Messages);
}

void TestFarm::backupRestored_everyClientBackConsistent()
{
    QVERIFY2(
        !m_userId.isEmpty(), "runs after farm_processesStoppedMidSync_nothingLostNothingDoubled");
    QVERIFY(startServers());
    const QString homeA = m_dir.filePath(QStringLiteral("computer-a"));
    QCOMPARE(desktopSync(homeA, QStringLiteral("farmlearner"), m_password).exitCode, 0);
    const QString storeA = storeUnder(homeA);
    QVERIFY(!storeA.isEmpty());

    // The backup, beside the running processes.
    const QString backup = dataRoot() + QStringLiteral("/backups/before-the-change");
    QVERIFY(admin({ QStringLiteral("backup"), backup }));

    // After it: computer A changes the mobile number in its window while offline (its outbox)
    // and sends it with the next sync; another learner registers.
    const QString changedMobile = QStringLiteral("13700001111");
    {
        LocalStore store;
        QVERIFY(store.open(storeA));
        SyncEngine engine(m_api.get(), &store);
        engine.setUserId(m_userId);
        QVERIFY(
            !engine.queueProfileUpdate({ { QStringLiteral("mobile"), changedMobile } }).isEmpty());
    }
    QCOMPARE(desktopSync(homeA, QStringLiteral("farmlearner"), m_password).exitCode, 0);
    ApiResult result;
    QVERIFY(call(QStringLiteral("POST"), QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("farmlate"), QStringLiteral("11010519491231002"),
            QStringLiteral("13600136000")),
        &result));
    QVERIFY2(result.ok(), qPrintable(result.error.message));

    // The restore: every process stopped (restore refuses otherwise), then started again.
    QVERIFY(stopServers());
    QVERIFY(admin({ QStringLiteral("restore"), backup }));
    QVERIFY(startServers());

    // What came after the backup is gone from the server...
    QVERIFY(call(QStringLiteral("POST"), QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("farmlate") },
            { QStringLiteral("password"), QStringLiteral("Secret123") } },
        &result));
    QCOMPARE(result.httpStatus, 401);
    // ...until computer A syncs: it learns of the restore (a new epoch), rebuilds its cache and
    // sends its change again.
    QCOMPARE(desktopSync(homeA, QStringLiteral("farmlearner"), m_password).exitCode, 0);
    // A computer that never synced downloads the same.
    const QString homeB = m_dir.filePath(QStringLiteral("computer-b"));
    QCOMPARE(desktopSync(homeB, QStringLiteral("farmlearner"), m_password).exitCode, 0);
    const QStringList cachedA = cachedEntities(storeA);
    QVERIFY(!cachedA.isEmpty());
    QCOMPARE(cachedA, cachedEntities(storeUnder(homeB)));
    QVERIFY(logInApi(QStringLiteral("farmlearner"), m_password));
    QVERIFY(call(QStringLiteral("GET"), QStringLiteral("/me"), {}, &result));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(learnerMobile(result.body.value(QStringLiteral("user")).toObject()), changedMobile);
    QVERIFY(stopServers());
}

QTEST_MAIN(TestFarm)
#include "tst_farm.moc"

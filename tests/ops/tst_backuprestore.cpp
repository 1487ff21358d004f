// `xueshi-server admin backup` and `admin restore`, run as the administrator runs them (the real
// executable) beside the real server, on SQLite and on PostgreSQL: a backup taken while the
// server serves, changes after it (a client's, acknowledged; the demo course with its lesson
// files), the restore refused while the server runs and done once it is stopped; then a real
// client that synced after the backup gets 410, rebuilds its cache to exactly the restored
// state and sends its acknowledged and its unsent changes again. Also: the manifest and the
// files' modes, damaged and incomplete backups refused, and the PostgreSQL password kept off
// the command line.
#include "admin/backup.h"
#include "admin/demodata.h"
#include "admin/servinglock.h"
#include "apiclient.h"
#include "localstore.h"
#include "servertrust.h"
#include "storage/database.h"
#include "sync/changelog.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <sys/stat.h>

using namespace xueshi;
using namespace xueshi::test;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The real executable on the test server's data directory and database.
Run admin(const server::ServerOptions &options, const QStringList &args)
{
    QStringList all { QStringLiteral("--data-dir"), options.dataDir };
    if (options.database) {
        const server::DatabaseConfig &db = *options.database;
        QUrl url;
        url.setScheme(QStringLiteral("postgres"));
        url.setUserName(db.user);
        url.setHost(db.host);
        url.setPort(db.port);
        url.setPath(QLatin1Char('/') + db.name);
        all << QStringLiteral("--database") << url.toString();
    }
    all << QStringLiteral("admin") << args;
    QProcess process;
    process.start(QStringLiteral(XUESHI_SERVER_EXECUTABLE), all);
    Run run;
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QStringList filesUnder(const QString &directory)
{
    QStringList files;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(directory).relativeFilePath(it.next()));
    files.sort();
    return files;
}

// One client of the real server: pinned trust, the store and the engine, for a user.
struct Client
{
    Client(
        TestServer &server, const QString &userId, const QString &token, const QString &storePath)
        : settings(
            temporaryDirectory() + QStringLiteral("/client-") + userId + QStringLiteral(".ini"),
            QSettings::IniFormat)
        , trust(&settings)
        , api(&network, &trust)
    {
        reconnect(server);
        api.setBearerToken(token);
        store.open(storePath);
        engine = std::make_unique<SyncEngine>(&api, &store, &server.clock());
        engine->setUserId(userId);
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
        engine->setBackoff(10, 100, [] { return 0.5; });
    }

    void reconnect(TestServer &server)
    {
        trust.pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
        api.setServerUrl(server.baseUrl());
    }

    bool sync()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::syncFinished);
        engine->syncNow();
        if (!finished.wait(60000))
            return false;
        if (!finished.last().at(0).toBool())
            qWarning("sync failed: %s", qPrintable(finished.last().at(1).toString()));
        return finished.last().at(0).toBool();
    }

    QSettings settings;
    ServerTrust trust;
    QNetworkAccessManager network;
    ApiClient api;
    LocalStore store;
    std::unique_ptr<SyncEngine> engine;
};

} // namespace

class TestBackupRestore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void restore_clientRebuildsToRestoredState_changesSentAgain();
    void backup_ownerOnlyWithManifest();
    void restore_damagedOrIncompleteBackup_refused();
    void backup_insideDataDirectory_refused();
    void postgresCommand_passwordOnlyInPassfile();
    void servingLock_manyServersOneRestore();
};

void TestBackupRestore::restore_clientRebuildsToRestoredState_changesSentAgain()
{
    TestServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    TestClient http(server);
    const TestAccount learner = registerAndLogin(http, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("backuplearner"), QStringLiteral("44010619900101123")));
    QVERIFY(!learner.token.isEmpty());
    const QString storePath = LocalStore::defaultPath(QStringLiteral("backup"), learner.id);
    Client client(server, learner.id, learner.token, storePath);
    QVERIFY(client.store.isOpen());
    QVERIFY(client.sync());
    const server::ServerOptions options = server.server().options();
    const QString dataDir = options.dataDir;
    const QString contentDir = QDir(dataDir).filePath(QStringLiteral("content"));
    const QStringList contentAtBackup = filesUnder(contentDir);
    const qint64 coursesAtBackup = client.store.entityCount(QStringLiteral("course"));

    // The backup, while the server serves.
    QTemporaryDir backups;
    const QString backup = backups.filePath(QStringLiteral("b1"));
    const Run backedUp = admin(options, { QStringLiteral("backup"), backup });
    QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.err));
    const QString epochAtBackup = server.server().changeLog().epoch();

    // After it: the learner's change, sent and acknowledged; the demo data with its course and
    // lesson files, which reach the learner's cache.
    const QString sent = client.engine->queueProfileUpdate(
        { { QStringLiteral("mobile"), QStringLiteral("13600000041") } });
    QVERIFY(!sent.isEmpty());
    QString error;
    QVERIFY2(server::loadDemoData(server.server(), &error, { false }), qPrintable(error));
    QVERIFY(client.sync());
    QCOMPARE(client.store.acknowledgedMutations().size(), 1);
    QVERIFY(client.store.entityCount(QStringLiteral("course")) > coursesAtBackup);
    QVERIFY(filesUnder(contentDir).size() > contentAtBackup.size());
    // And one made offline, not sent yet.
    const QString unsent = client.engine->queueProfileUpdate(
        { { QStringLiteral("email"), QStringLiteral("after.restore@example.cn") } });
    QVERIFY(!unsent.isEmpty());

    // Refused while the server runs on the data.
    const Run refused = admin(options, { QStringLiteral("restore"), backup });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("server is running")), qPrintable(refused.err));
    QCOMPARE(filesUnder(contentDir).size() > contentAtBackup.size(), true);

    // Stopped, restored, started.
    Run restored;
    QVERIFY2(server.restart([&] {
        restored = admin(options, { QStringLiteral("restore"), backup });
    }),
        qPrintable(server.errorString()));
    QVERIFY2(restored.exitCode == 0, qPrintable(restored.err + restored.out));
    QVERIFY(restored.out.contains(QLatin1String("New sync epoch")));
    QVERIFY(server.server().changeLog().epoch() != epochAtBackup);
    // The lesson files are the backup's again; those added after it were set aside.
    QCOMPARE(filesUnder(contentDir), contentAtBackup);
    client.reconnect(server);
    QCOMPARE(learnerMobile(http.get(QStringLiteral("/me"), learner.token)
                               .json.value(QStringLiteral("user"))
                               .toObject()),
        QStringLiteral("13800138000"));

    // The client: 410 "restored", a rebuilt cache, its changes sent again and applied.
    QList<QJsonObject> results;
    QObject::connect(client.engine.get(), &SyncEngine::mutationApplied,
        [&results](const OutboxMutation &, const QJsonObject &result) { results.append(result); });
    QSignalSpy reset(client.engine.get(), &SyncEngine::cacheReset);
    QVERIFY(client.sync());
    QCOMPARE(reset.size(), 1);
    // The acknowledged change is sent again with its id and applied again.
    QVERIFY(!results.isEmpty());
    QCOMPARE(results.first().value(QStringLiteral("id")).toString(), sent);
    QCOMPARE(results.first().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    // The unsent one went out before the client learned of the restore (a push precedes the
    // pull) and met the restored row. Learning of the restore, the client sends it again after
    // the acknowledged one, on its own base version, which that one brought back: applied too.
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QVERIFY(client.engine->problems().isEmpty());
    QCOMPARE(client.engine->pendingCount(), 0);
    const QJsonObject me = http.get(QStringLiteral("/me"), learner.token)
                               .json.value(QStringLiteral("user"))
                               .toObject();
    QCOMPARE(learnerMobile(me), QStringLiteral("13600000041"));
    QCOMPARE(
        me.value(QStringLiteral("learner")).toObject().value(QStringLiteral("email")).toString(),
        QStringLiteral("after.restore@example.cn"));
    // The demo course is gone from the cache with the history that was lost.
    QCOMPARE(client.store.entityCount(QStringLiteral("course")), coursesAtBackup);

    // Exactly what a client starting from nothing downloads now.
    QVERIFY(client.sync());
    Client fresh(server, learner.id, learner.token,
        QDir(temporaryDirectory()).filePath(QStringLiteral("fresh.sqlite")));
    QVERIFY(fresh.sync());
    const QStringList rebuilt = cachedEntities(client.store.path());
    QVERIFY(rebuilt.size() > 3000); // the region table at least
    QCOMPARE(rebuilt, cachedEntities(fresh.store.path()));
}

void TestBackupRestore::backup_ownerOnlyWithManifest()
{
    TestServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    QString error;
    QVERIFY2(server::loadDemoData(server.server(), &error, { false }), qPrintable(error));
    QTemporaryDir backups;
    const QString backup = backups.filePath(QStringLiteral("nested/b2"));
    server::BackupSummary summary;
    QVERIFY2(server::createBackup(server.server().options(), backup, &summary, &error),
        qPrintable(error));
    QCOMPARE(summary.engine,
        server.isPostgres() ? QStringLiteral("postgres") : QStringLiteral("sqlite"));
    QVERIFY(summary.schemaVersion >= 13);
    QVERIFY(summary.files > 0);

    QJsonObject manifest;
    QVERIFY2(server::verifyBackup(backup, &manifest, &error), qPrintable(error));
    QCOMPARE(
        manifest.value(QStringLiteral("epoch")).toString(), server.server().changeLog().epoch());
    QStringList listed;
    for (const QJsonValue &v : manifest.value(QStringLiteral("files")).toArray())
        listed.append(v.toObject().value(QStringLiteral("path")).toString());
    // The signing keys and the lesson files are in it; the server's own state is not.
    QVERIFY(std::any_of(listed.cbegin(), listed.cend(),
        [](const QString &p) { return p.startsWith(QLatin1String("data/signing/")); }));
    QVERIFY(std::any_of(listed.cbegin(), listed.cend(),
        [](const QString &p) { return p.startsWith(QLatin1String("data/content/")); }));
    for (const QString &p : std::as_const(listed)) {
        QVERIFY2(!p.contains(QLatin1String("sync-high-water"))
                && !p.contains(QLatin1String("server.lock"))
                && !p.startsWith(QLatin1String("data/xueshi.sqlite")),
            qPrintable(p));
    }
    // Everything is the owner's only.
    QDirIterator it(backup, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
        QDirIterator::Subdirectories);
    QStringList all { backup };
    while (it.hasNext())
        all.append(it.next());
    for (const QString &path : std::as_const(all)) {
        struct stat st
        {
        };
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QVERIFY2((st.st_mode & 077) == 0, qPrintable(path));
    }
    // A second backup into the same (now full) directory is refused.
    QVERIFY(!server::createBackup(server.server().options(), backup, &summary, &error));
    QVERIFY(error.contains(QLatin1String("not an empty directory")));
}

void TestBackupRestore::restore_damagedOrIncompleteBackup_refused()
{
    TestServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    QString error;
    QVERIFY2(server::loadDemoData(server.server(), &error, { false }), qPrintable(error));
    const server::ServerOptions options = server.server().options();
    QTemporaryDir backups;
    const QString backup = backups.filePath(QStringLiteral("b3"));
    QVERIFY2(server::createBackup(options, backup, nullptr, &error), qPrintable(error));
    const QString epoch = server.server().changeLog().epoch();
    const QString content = QDir(backup).filePath(QStringLiteral("data/content"));
    const QString lesson = QDir(content).filePath(filesUnder(content).first());

    const auto refusedWith = [&](const QString &expected) {
        Run run;
        const bool restarted = server.restart([&] {
            run = admin(options, { QStringLiteral("restore"), backup });
        });
        if (!restarted || run.exitCode != 1 || !run.err.contains(expected)) {
            qWarning("restart %d, exit %d: %s", restarted, run.exitCode, qPrintable(run.err));
            return false;
        }
        // Nothing was touched: the same epoch, no file set aside.
        return server.server().changeLog().epoch() == epoch
            && QDir(options.dataDir)
                   .entryList({ QStringLiteral("restore-previous-*") }, QDir::Dirs)
                   .isEmpty();
    };
    // A lesson file changed by one byte.
    QFile file(lesson);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const QByteArray original = file.readAll();
    QByteArray changed = original;
    changed[0] = char(changed[0] ^ 1);
    file.seek(0);
    file.write(changed);
    file.close();
    QVERIFY(refusedWith(QStringLiteral("differs from the manifest")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(original);
    file.close();
    // A file the manifest does not list.
    QFile extra(QDir(content).filePath(QStringLiteral("planted")));
    QVERIFY(extra.open(QIODevice::WriteOnly));
    extra.write("x");
    extra.close();
    QVERIFY(refusedWith(QStringLiteral("not in its manifest")));
    QVERIFY(extra.remove());
    // A backup that never finished (no manifest).
    const QString manifest = QDir(backup).filePath(QStringLiteral("manifest.json"));
    QVERIFY(QFile::rename(manifest, manifest + QStringLiteral(".moved")));
    QVERIFY(refusedWith(QStringLiteral("no manifest.json")));
    QVERIFY(QFile::rename(manifest + QStringLiteral(".moved"), manifest));
    // Intact again: restored.
    Run run;
    QVERIFY(server.restart([&] { run = admin(options, { QStringLiteral("restore"), backup }); }));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(server.server().changeLog().epoch() != epoch);
}

void TestBackupRestore::backup_insideDataDirectory_refused()
{
    TestServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    const server::ServerOptions options = server.server().options();
    const Run run = admin(options,
        { QStringLiteral("backup"), QDir(options.dataDir).filePath(QStringLiteral("backups/b")) });
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("outside the data directory")), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(QDir(options.dataDir).filePath(QStringLiteral("backups"))));
}

void TestBackupRestore::postgresCommand_passwordOnlyInPassfile()
{
    server::DatabaseConfig config;
    config.kind = server::DatabaseConfig::Kind::Postgres;
    config.host = QStringLiteral("db.example.cn");
    config.port = 5433;
    config.user = QStringLiteral("xueshi");
    config.name = QStringLiteral("xueshi");
    config.password = QStringLiteral("s3cret:with\\colon");
    qputenv("PGPASSWORD", "inherited");
    QString error;
    const server::PostgresCommand command
        = server::postgresCommand(config, QStringLiteral("/usr/lib/postgresql/15/bin"),
            QStringLiteral("pg_dump"), { QStringLiteral("--format=custom") }, &error);
    qunsetenv("PGPASSWORD");
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(command.program, QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump"));
    for (const QString &argument : command.arguments)
        QVERIFY2(!argument.contains(QLatin1String("s3cret")), qPrintable(argument));
    QVERIFY(command.arguments.contains(QStringLiteral("--host=db.example.cn")));
    QVERIFY(command.arguments.contains(QStringLiteral("--no-password")));
    QVERIFY(!command.environment.contains(QStringLiteral("PGPASSWORD")));
    const QString passfile = command.environment.value(QStringLiteral("PGPASSFILE"));
    QFile file(passfile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("*:*:*:*:s3cret\\:with\\\\colon\n"));
    struct stat st
    {
    };
    QCOMPARE(::stat(QFile::encodeName(passfile).constData(), &st), 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
}

void TestBackupRestore::servingLock_manyServersOneRestore()
{
    // Several processes may serve one data directory (behind nginx); a restore excludes them all.
    QTemporaryDir data;
    QString error;
    server::ServingLock first;
    server::ServingLock second;
    QVERIFY2(
        first.acquire(data.path(), server::ServingLock::Mode::Shared, &error), qPrintable(error));
    QVERIFY2(
        second.acquire(data.path(), server::ServingLock::Mode::Shared, &error), qPrintable(error));
    server::ServingLock restore;
    QVERIFY(!restore.acquire(data.path(), server::ServingLock::Mode::Exclusive, &error));
    QVERIFY(error.contains(QLatin1String("server is running")));
    first.release();
    QVERIFY(!restore.acquire(data.path(), server::ServingLock::Mode::Exclusive, &error));
    second.release();
    QVERIFY2(restore.acquire(data.path(), server::ServingLock::Mode::Exclusive, &error),
        qPrintable(error));
    // No server starts while a restore runs.
    QVERIFY(!first.acquire(data.path(), server::ServingLock::Mode::Shared, &error));
    QVERIFY(error.contains(QLatin1String("restore")));
    server::ServerOptions options;
    options.dataDir = data.path();
    options.address = QHostAddress::LocalHost;
    options.port = 0;
    options.passwordCost = server::PasswordHasher::Cost::Minimal;
    server::Server blocked(options);
    QVERIFY2(blocked.openStorage(&error), qPrintable(error));
    QVERIFY(!blocked.listen(&error));
    QVERIFY2(error.contains(QLatin1String("restore")), qPrintable(error));
    restore.release();
    QVERIFY2(blocked.listen(&error), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestBackupRestore)
#include "tst_backuprestore.moc"

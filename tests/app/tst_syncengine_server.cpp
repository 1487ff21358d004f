// The sync engine against the real server over HTTPS on loopback (pinned certificate): the
// initial pull of the public catalogue and the own profile, an offline profile change reaching
// the server, a conflict with a change made elsewhere, a refusal, a cursor invalidated by a new
// epoch, an untrusted certificate and a refused token.
#include "apiclient.h"
#include "localstore.h"
#include "servertrust.h"
#include "services/accountservice.h"
#include "storage/database.h"
#include "sync/changelog.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

QString learnerMobile(const QJsonObject &user)
{
    return user.value(QStringLiteral("learner"))
        .toObject()
        .value(QStringLiteral("mobile"))
        .toString();
}

// The real server, one registered learner (and one employer for the directory), and the client
// side: pinned trust, a real QNetworkAccessManager, the store and the engine.
struct Fixture
{
    Fixture()
        : client(server)
        , settings(temporaryDirectory() + QStringLiteral("/client.ini"), QSettings::IniFormat)
        , trust(&settings)
        , api(&network, &trust)
    {
        const TestReply reg = client.post(QStringLiteral("/accounts/learners"),
            learnerRegistration(
                QStringLiteral("synclearner"), QStringLiteral("44010619900101123")));
        userId = reg.json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString();
        client.post(QStringLiteral("/accounts/employers"),
            organisationRegistration(
                QStringLiteral("syncemployer"), QStringLiteral("91440106MA59XK3T1")));
        // In the employer directory once the administrator approved it.
        QString error;
        if (!server.server().accounts().approveOrganisation(
                QStringLiteral("syncemployer"), Role::Employer, &error))
            qWarning("approve: %s", qPrintable(error));
        token = client
                    .post(QStringLiteral("/session"),
                        { { QStringLiteral("username"), QStringLiteral("synclearner") },
                            { QStringLiteral("password"), QStringLiteral("Secret123") } })
                    .json.value(QStringLiteral("token"))
                    .toString();

        trust.pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
        api.setServerUrl(server.baseUrl());
        api.setBearerToken(token);
        store.open(LocalStore::defaultPath(api.serverKey(), userId));
        engine = std::make_unique<SyncEngine>(&api, &store, &server.clock());
        engine->setUserId(userId);
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
        engine->setBackoff(10, 100, [] { return 0.5; });
    }

    bool sync()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::syncFinished);
        engine->syncNow();
        if (!finished.wait(30000))
            return false;
        if (!finished.last().at(0).toBool())
            qWarning("sync failed: %s", qPrintable(finished.last().at(1).toString()));
        return finished.last().at(0).toBool();
    }

    QJsonObject me()
    {
        return client.get(QStringLiteral("/me"), token)
            .json.value(QStringLiteral("user"))
            .toObject();
    }

    TestServer server;
    TestClient client;
    QString userId;
    QString token;
    QSettings settings;
    ServerTrust trust;
    QNetworkAccessManager network;
    ApiClient api;
    LocalStore store;
    std::unique_ptr<SyncEngine> engine;
};

} // namespace

class TestSyncEngineServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fullPull_catalogueAndOwnProfile()
    {
        Fixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        QVERIFY(f.store.isOpen());
        QVERIFY(!f.token.isEmpty());
        QSignalSpy progress(f.engine.get(), &SyncEngine::progress);
        QVERIFY(f.sync());
        QVERIFY2(f.store.entityCount(QStringLiteral("region")) > 3000,
            qPrintable(QString::number(f.store.entityCount(QStringLiteral("region")))));
        QCOMPARE(f.store.entityCount(QStringLiteral("profile")), 1);
        const std::optional<CachedEntity> profile
            = f.store.entity(QStringLiteral("profile"), f.userId);
        QVERIFY(profile);
        QCOMPARE(profile->version, 1);
        QCOMPARE(profile->data.value(QStringLiteral("username")).toString(),
            QStringLiteral("synclearner"));
        QCOMPARE(f.store.entityCount(QStringLiteral("employer")), 1);
        const QJsonObject employer = f.store.entities(QStringLiteral("employer")).first().data;
        QVERIFY(!employer.value(QStringLiteral("name")).toString().isEmpty());
        QVERIFY(!employer.contains(QStringLiteral("phone")));
        // Pages of 500 with a progress bar that ends full.
        QVERIFY(progress.size() >= 7);
        QCOMPARE(progress.last().at(0).toInt(), progress.last().at(1).toInt());
        // Every change counted (some entities changed more than once).
        QVERIFY(qint64(progress.last().at(0).toInt()) >= f.store.entityCount());
        QVERIFY(f.store.cursor().startsWith(QStringLiteral("v1.")));
        QCOMPARE(f.engine->lastSync(), f.server.clock().nowUtc());

        // Nothing new: the next sync changes nothing.
        const QString cursor = f.store.cursor();
        QVERIFY(f.sync());
        QCOMPARE(f.store.cursor(), cursor);
    }

    void offlineProfileUpdate_reachesServer()
    {
        Fixture f;
        QVERIFY(f.sync());
        // Offline: the server cannot be reached; the change is kept and shown locally.
        f.api.setServerUrl(QUrl(QStringLiteral("https://127.0.0.1:1")));
        const QString id = f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13911112222") } });
        QVERIFY(!id.isEmpty());
        QCOMPARE(learnerMobile(f.store.entity(QStringLiteral("profile"), f.userId)->data),
            QStringLiteral("13911112222"));
        QVERIFY(!f.sync());
        QCOMPARE(f.engine->state(), SyncEngine::State::Offline);
        QCOMPARE(f.engine->pendingCount(), 1);
        f.engine->stop();

        // Back online.
        f.api.setServerUrl(f.server.baseUrl());
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(learnerMobile(f.me()), QStringLiteral("13911112222"));
        const std::optional<CachedEntity> profile
            = f.store.entity(QStringLiteral("profile"), f.userId);
        QCOMPARE(profile->version, 2);
        QCOMPARE(learnerMobile(profile->data), QStringLiteral("13911112222"));
        QSqlQuery q = f.server.server().database().exec(
            QStringLiteral("SELECT COUNT(*) FROM applied_mutations WHERE mutation_id = ?"), { id });
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void changedElsewhere_conflictInProblems_thenRetryWins()
    {
        Fixture f;
        QVERIFY(f.sync());
        // Another device changes the profile first.
        const TestReply other = f.client.post(QStringLiteral("/sync/mutations"),
            { { QStringLiteral("mutations"),
                QJsonArray { QJsonObject {
                    { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                    { QStringLiteral("type"), QStringLiteral("profile.update") },
                    { QStringLiteral("target"), f.userId }, { QStringLiteral("baseVersion"), 1 },
                    { QStringLiteral("payload"),
                        QJsonObject {
                            { QStringLiteral("mobile"), QStringLiteral("13600000001") } } } } } } },
            f.token);
        QCOMPARE(other.json.value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));

        const QString mine = f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13600000002") } });
        QSignalSpy problems(f.engine.get(), &SyncEngine::problemsChanged);
        QVERIFY(f.sync());
        QVERIFY(problems.size() >= 1);
        const QList<OutboxMutation> list = f.engine->problems();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().id, mine);
        QCOMPARE(list.first().state, OutboxMutation::State::Conflict);
        QCOMPARE(list.first().result.value(QStringLiteral("version")).toInt(), 2);
        // The cache shows the server's row, not the lost local edit.
        QCOMPARE(learnerMobile(f.store.entity(QStringLiteral("profile"), f.userId)->data),
            QStringLiteral("13600000001"));
        QCOMPARE(learnerMobile(f.me()), QStringLiteral("13600000001"));

        // The user keeps their change.
        const QString again = f.engine->retryMutation(mine);
        QVERIFY(!again.isEmpty());
        QVERIFY(f.sync());
        QCOMPARE(f.engine->problems().size(), 0);
        QCOMPARE(learnerMobile(f.me()), QStringLiteral("13600000002"));
        QCOMPARE(f.store.entity(QStringLiteral("profile"), f.userId)->version, 3);
    }

    void invalidValue_rejectedWithField_laterOnesApplied()
    {
        Fixture f;
        QVERIFY(f.sync());
        const QString bad
            = f.engine->queueProfileUpdate({ { QStringLiteral("mobile"), QStringLiteral("123") } });
        const QString good = f.engine->queueProfileUpdate(
            { { QStringLiteral("email"), QStringLiteral("new@example.cn") } });
        QVERIFY(f.sync());
        // The later change of the same profile waits with the refused one (issue 13).
        const QList<OutboxMutation> list = f.engine->problems();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(1).id, good);
        QCOMPARE(list.at(1).heldBy, bad);
        QCOMPARE(list.first().id, bad);
        QCOMPARE(list.first().state, OutboxMutation::State::Rejected);
        QCOMPARE(list.first().lastError.value(QStringLiteral("field")).toString(),
            QStringLiteral("mobile"));
        QVERIFY(!list.first().lastError.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(f.engine->pendingCount(), 0);

        // Edited into a valid number, it goes through.
        QVERIFY(!f.engine
                     ->editMutation(
                         bad, { { QStringLiteral("mobile"), QStringLiteral("13712345678") } })
                     .isEmpty());
        QVERIFY(f.sync());
        QCOMPARE(f.engine->problems().size(), 0);
        QCOMPARE(learnerMobile(f.me()), QStringLiteral("13712345678"));
        QCOMPARE(f.me()
                     .value(QStringLiteral("learner"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
            QStringLiteral("new@example.cn"));
    }

    void newEpoch_cacheRebuilt_outboxKept()
    {
        Fixture f;
        QVERIFY(f.sync());
        const qint64 regions = f.store.entityCount(QStringLiteral("region"));
        const QString bad
            = f.engine->queueProfileUpdate({ { QStringLiteral("mobile"), QStringLiteral("123") } });
        QVERIFY(f.sync());
        QCOMPARE(f.engine->problems().size(), 1);
        const QString oldCursor = f.store.cursor();

        f.server.server().changeLog().newEpoch();
        QSignalSpy reset(f.engine.get(), &SyncEngine::cacheReset);
        QVERIFY(f.sync());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(f.store.entityCount(QStringLiteral("region")), regions);
        QCOMPARE(f.store.entityCount(QStringLiteral("profile")), 1);
        QVERIFY(f.store.cursor() != oldCursor);
        QCOMPARE(f.engine->problems().size(), 1);
        QCOMPARE(f.engine->problems().first().id, bad);
    }

    void silentServer_timeout_offlineAndRetried()
    {
        Fixture f;
        // Before the first sync there is no profile to change.
        QVERIFY(f.engine->queueProfileUpdate({ { QStringLiteral("email"), QString() } }).isEmpty());
        QVERIFY(!f.engine->lastMessage().isEmpty());
        QCOMPARE(f.engine->pendingCount(), 0);
        QVERIFY(f.sync());
        // Accepts connections and never says a word.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> sockets;
        connect(&silent, &QTcpServer::newConnection, &silent, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                sockets.append(socket);
        });
        QUrl url = f.server.baseUrl();
        url.setPort(silent.serverPort());
        f.api.setServerUrl(url);
        f.api.setTimeout(300);
        const QString id = f.engine->queueProfileUpdate(
            { { QStringLiteral("email"), QStringLiteral("late@example.cn") } });
        QSignalSpy retries(f.engine.get(), &SyncEngine::retryScheduled);
        f.engine->setBackoff(60'000, 300'000, [] { return 0.0; });
        QVERIFY(!f.sync());
        QCOMPARE(f.engine->state(), SyncEngine::State::Offline);
        QVERIFY(!f.engine->lastMessage().isEmpty());
        QCOMPARE(retries.size(), 1);
        QCOMPARE(f.engine->pendingCount(), 1);
        QVERIFY(!sockets.isEmpty());

        // Once the server answers again, the change is delivered.
        f.api.setServerUrl(f.server.baseUrl());
        f.api.setTimeout(30'000);
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.me()
                     .value(QStringLiteral("learner"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
            QStringLiteral("late@example.cn"));
        Q_UNUSED(id);
    }

    void untrustedCertificate_clearError_notRetried()
    {
        Fixture f;
        f.trust.forget(ServerTrust::serverKey(f.server.baseUrl()));
        QSignalSpy retries(f.engine.get(), &SyncEngine::retryScheduled);
        QVERIFY(!f.sync());
        QCOMPARE(f.engine->state(), SyncEngine::State::Error);
        QVERIFY(f.engine->lastMessage().contains(QStringLiteral("certificate")));
        QCOMPARE(retries.size(), 0);
        QCOMPARE(f.engine->retryDelay(), -1);
        QCOMPARE(f.store.entityCount(), 0);
    }

    void refusedToken_authenticationRequired()
    {
        Fixture f;
        f.api.setBearerToken(QStringLiteral("not-a-token"));
        QSignalSpy auth(f.engine.get(), &SyncEngine::authenticationRequired);
        QVERIFY(!f.sync());
        QCOMPARE(auth.size(), 1);
        QCOMPARE(f.engine->retryDelay(), -1);
        f.api.setBearerToken(f.token);
        QVERIFY(f.sync());
    }
};

QTEST_GUILESS_MAIN(TestSyncEngineServer)
#include "tst_syncengine_server.moc"

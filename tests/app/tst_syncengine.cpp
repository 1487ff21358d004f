// The sync engine against an in-memory fake server behind the fake network: initial and
// incremental pulls with progress, a cursor invalidated by the server, the outbox pushed in order
// and in batches, problems set aside without blocking the rest, retries with backoff after
// network errors, 5xx and unreadable answers, exactly-once delivery when the connection drops
// after the server committed, one sync at a time, periodic and network-return syncs.
#include "apiclient.h"
#include "clientfakes.h"
#include "clock.h"
#include "fakesyncserver.h"
#include "localstore.h"
#include "servertrust.h"
#include "syncengine.h"
#include "testsupport.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString UserId = QStringLiteral("6f1c0000-0000-4000-8000-000000000001");

QJsonObject note(const QString &text)
{
    return { { QStringLiteral("text"), text } };
}

// The engine wired to the fake server, with everything fast: 5-40 ms backoff with a fixed
// random draw, no periodic sync and no network watching unless a test asks for them.
struct Fixture
{
    Fixture()
        : server(UserId)
        , settings(temporaryDirectory() + QStringLiteral("/client.ini"), QSettings::IniFormat)
        , trust(&settings)
        , api(&network, &trust)
    {
        server.install(network);
        api.setServerUrl(QUrl(QStringLiteral("https://xueshi.test:8443")));
        api.setBearerToken(QStringLiteral("token-123"));
        path = temporaryDirectory() + QStringLiteral("/cache.sqlite");
        if (!store.open(path))
            qFatal("cannot open the store: %s", qPrintable(store.lastError()));
        engine = std::make_unique<SyncEngine>(&api, &store, &clock);
        engine->setUserId(UserId);
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
        engine->setBackoff(5, 40, [] { return 0.5; });
        server.upsert(QStringLiteral("profile"), UserId, learnerUserJson());
    }

    void seedRegions(int count)
    {
        for (int i = 0; i < count; ++i) {
            const QString code = QStringLiteral("%1").arg(110000 + i);
            server.upsert(QStringLiteral("region"), code,
                { { QStringLiteral("code"), code },
                    { QStringLiteral("name"), QStringLiteral("R%1").arg(i) } });
        }
    }

    // Starts a sync and waits for its end; returns whether it succeeded.
    bool sync()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::syncFinished);
        engine->syncNow();
        if (!finished.wait(10000))
            return false;
        return finished.last().at(0).toBool();
    }

    FakeSyncServer server;
    FakeNetworkAccessManager network;
    QSettings settings;
    ServerTrust trust;
    ApiClient api;
    TestClock clock;
    QString path;
    LocalStore store;
    std::unique_ptr<SyncEngine> engine;
};

} // namespace

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void initialSync_inPages_withProgress()
    {
        Fixture f;
        f.seedRegions(1234);
        f.engine->setPageSize(100);
        QSignalSpy progress(f.engine.get(), &SyncEngine::progress);
        QSignalSpy states(f.engine.get(), &SyncEngine::stateChanged);
        QSignalSpy lastSync(f.engine.get(), &SyncEngine::lastSyncChanged);
        QVERIFY(f.sync());

        QCOMPARE(f.store.entityCount(QStringLiteral("region")), 1234);
        QCOMPARE(f.store.entityCount(QStringLiteral("profile")), 1);
        QCOMPARE(f.store.cursor(), f.server.cursorAt(1235));
        QCOMPARE(progress.size(), 13);
        QCOMPARE(progress.first().at(0).toInt(), 100);
        QCOMPARE(progress.first().at(1).toInt(), 1235);
        QCOMPARE(progress.last().at(0).toInt(), 1235);
        QCOMPARE(progress.last().at(1).toInt(), 1235);
        QCOMPARE(f.network.requestCount(QStringLiteral("/sync/changes")), 13);
        QCOMPARE(f.server.sinceParameters().first(), QString());
        QCOMPARE(f.server.sinceParameters().at(1), f.server.cursorAt(100));
        QCOMPARE(states.first().at(0).value<SyncEngine::State>(), SyncEngine::State::Syncing);
        QCOMPARE(f.engine->state(), SyncEngine::State::Idle);
        QCOMPARE(lastSync.size(), 1);
        QCOMPARE(f.engine->lastSync(), f.clock.nowUtc());
        QCOMPARE(f.store.lastSyncAt(), f.clock.nowUtc());
    }

    void incrementalSync_onlyNewChanges()
    {
        Fixture f;
        f.seedRegions(50);
        QVERIFY(f.sync());
        const QString cursor = f.store.cursor();
        f.server.upsert(QStringLiteral("region"), QStringLiteral("110001"),
            { { QStringLiteral("name"), QStringLiteral("renamed") } });
        f.server.remove(QStringLiteral("region"), QStringLiteral("110002"));
        f.server.upsert(QStringLiteral("employer"), QStringLiteral("e1"),
            { { QStringLiteral("name"), QStringLiteral("Employer") } });
        f.network.clearRequests();
        QSignalSpy progress(f.engine.get(), &SyncEngine::progress);
        QSignalSpy types(f.engine.get(), &SyncEngine::entitiesChanged);
        f.clock.advance(60);
        QVERIFY(f.sync());
        QCOMPARE(f.network.requestCount(QStringLiteral("/sync/changes")), 1);
        QCOMPARE(f.server.sinceParameters().last(), cursor);
        QCOMPARE(progress.size(), 1);
        QCOMPARE(progress.first().at(0).toInt(), 3);
        QCOMPARE(f.store.entity(QStringLiteral("region"), QStringLiteral("110001"))
                     ->data.value(QStringLiteral("name"))
                     .toString(),
            QStringLiteral("renamed"));
        QCOMPARE(f.store.entity(QStringLiteral("region"), QStringLiteral("110001"))->version, 2);
        QVERIFY(!f.store.entity(QStringLiteral("region"), QStringLiteral("110002")));
        QVERIFY(f.store.entity(QStringLiteral("employer"), QStringLiteral("e1")));
        QCOMPARE(f.store.entityCount(QStringLiteral("region")), 49);
        QCOMPARE(types.size(), 1);
        QStringList touched = types.first().at(0).toStringList();
        touched.sort();
        QCOMPARE(touched, QStringList({ QStringLiteral("employer"), QStringLiteral("region") }));
        QCOMPARE(f.engine->lastSync(), f.clock.nowUtc());

        // Nothing new: one request, nothing changes.
        QVERIFY(f.sync());
        QCOMPARE(f.network.requestCount(QStringLiteral("/sync/changes")), 2);
        QCOMPARE(f.store.entityCount(QStringLiteral("region")), 49);
    }

    void cursorInvalid_cacheRebuilt_outboxKept()
    {
        Fixture f;
        f.seedRegions(20);
        QVERIFY(f.sync());
        // A problem from earlier stays in the outbox across the rebuild.
        OutboxMutation m;
        m.type = QStringLiteral("note.put");
        m.entityType = QStringLiteral("note");
        m.target = QStringLiteral("n1");
        m.payload = note(QStringLiteral("reject"));
        const QString refused = f.store.enqueue(m);
        QVERIFY(f.sync());
        QCOMPARE(f.store.problemCount(), 1);
        QVERIFY(f.store.entity(QStringLiteral("region"), QStringLiteral("110005")));
        // The server is restored from a backup that never had region 110005.
        f.server.forget(QStringLiteral("region"), QStringLiteral("110005"));
        f.server.restoreFromBackup();
        QSignalSpy reset(f.engine.get(), &SyncEngine::cacheReset);
        QVERIFY(f.sync());
        QCOMPARE(reset.size(), 1);
        QVERIFY(!f.store.entity(QStringLiteral("region"), QStringLiteral("110005")));
        QCOMPARE(f.store.entityCount(QStringLiteral("region")), 19);
        QCOMPARE(f.store.problemCount(), 1);
        QCOMPARE(f.store.problems().first().id, refused);
        QCOMPARE(f.store.cursor(), f.server.cursorAt(f.server.lastSeq()));
        QVERIFY(f.store.cursor().startsWith(QStringLiteral("fake.e2.")));
    }

    void push_inOrder_inBatchesOf100()
    {
        Fixture f;
        QVERIFY(f.sync());
        QStringList ids;
        QSignalSpy pending(f.engine.get(), &SyncEngine::pendingCountChanged);
        for (int i = 0; i < 250; ++i) {
            f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
                [](const QJsonObject &, const QJsonObject &payload) { return payload; });
            ids.append(f.engine->queueMutation(QStringLiteral("note.put"),
                QStringLiteral("n%1").arg(i), note(QString::number(i))));
        }
        QCOMPARE(f.engine->pendingCount(), 250);
        QCOMPARE(pending.last().at(0).toInt(), 250);
        // The local effect shows before anything is sent.
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("n7"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("7"));
        QVERIFY(f.sync());
        const QList<QStringList> batches = f.server.batches();
        QCOMPARE(batches.size(), 3);
        QCOMPARE(batches.at(0).size(), 100);
        QCOMPARE(batches.at(1).size(), 100);
        QCOMPARE(batches.at(2).size(), 50);
        QCOMPARE(batches.at(0) + batches.at(1) + batches.at(2), ids);
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(pending.last().at(0).toInt(), 0);
        // The pull that followed brought the server's rows.
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("n7"))->version, 1);
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("n7"))
                     ->data.value(QStringLiteral("id"))
                     .toString(),
            QStringLiteral("n7"));
    }

    void queueMutations_oneAction_oneRefresh_allOrNothing()
    {
        Fixture f;
        QVERIFY(f.sync());
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        f.engine->registerMutationType(
            QStringLiteral("note.touch"), QStringLiteral("note"),
            [](const QJsonObject &data, const QJsonObject &) { return data; }, true);
        QSignalSpy entities(f.engine.get(), &SyncEngine::entitiesChanged);
        QSignalSpy pending(f.engine.get(), &SyncEngine::pendingCountChanged);
        QList<SyncEngine::MutationRequest> requests;
        for (int i = 0; i < 300; ++i)
            requests.append({ QStringLiteral("note.put"), QStringLiteral("b%1").arg(i),
                note(QString::number(i)) });
        const QStringList ids = f.engine->queueMutations(requests);
        QCOMPARE(ids.size(), 300);
        // One action: one refresh and one count, not 300.
        QCOMPARE(entities.size(), 1);
        QCOMPARE(entities.first().at(0).toStringList(), QStringList { QStringLiteral("note") });
        QCOMPARE(pending.size(), 1);
        QCOMPARE(f.engine->pendingCount(), 300);
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("b299"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("299"));

        // One that cannot be queued (its entity is not cached) gives the whole action up.
        entities.clear();
        const QStringList refused = f.engine->queueMutations(
            { { QStringLiteral("note.put"), QStringLiteral("c1"), note(QStringLiteral("c1")) },
                { QStringLiteral("note.touch"), QStringLiteral("missing"), {} } });
        QVERIFY(refused.isEmpty());
        QVERIFY(!f.engine->lastMessage().isEmpty());
        QVERIFY(entities.isEmpty());
        QCOMPARE(f.engine->pendingCount(), 300);
        QVERIFY(!f.store.entity(QStringLiteral("note"), QStringLiteral("c1")));

        QVERIFY(f.sync());
        QCOMPARE(f.server.batches().size(), 3); // the outbox still sends 100 a batch
        QCOMPARE(f.engine->pendingCount(), 0);
    }

    void queueProfileUpdate_localAtOnce_chainAppliedInOrder()
    {
        Fixture f;
        QVERIFY(f.sync());
        QCOMPARE(f.store.entity(QStringLiteral("profile"), UserId)->version, 1);
        QSignalSpy entities(f.engine.get(), &SyncEngine::entitiesChanged);
        const QString first = f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13900000001") } });
        f.engine->queueProfileUpdate({ { QStringLiteral("email"), QString() } });
        f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13900000003") } });
        QVERIFY(!first.isEmpty());
        QCOMPARE(entities.size(), 3);
        const QJsonObject local = f.store.entity(QStringLiteral("profile"), UserId)
                                      ->data.value(QStringLiteral("learner"))
                                      .toObject();
        QCOMPARE(local.value(QStringLiteral("mobile")).toString(), QStringLiteral("13900000003"));
        QVERIFY(local.value(QStringLiteral("email")).isNull());
        QCOMPARE(f.store.pendingMutations().first().baseVersion, 1);

        QVERIFY(f.sync());
        // Each was made on top of the one before: sent one per batch, each rebased.
        QCOMPARE(f.server.batches().size(), 3);
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.engine->problems().size(), 0);
        QCOMPARE(f.server.entity(QStringLiteral("profile"), UserId)->version, 4);
        QCOMPARE(f.server.entity(QStringLiteral("profile"), UserId)
                     ->data.value(QStringLiteral("learner"))
                     .toObject()
                     .value(QStringLiteral("mobile"))
                     .toString(),
            QStringLiteral("13900000003"));
        QCOMPARE(f.store.entity(QStringLiteral("profile"), UserId)->version, 4);
    }

    void writeDuringPull_stillShownOverServerRow()
    {
        Fixture f;
        QVERIFY(f.sync());
        // The server's profile changes (email), and the pull that brings it is under way...
        QJsonObject changed = learnerUserJson();
        QJsonObject learner = changed.value(QStringLiteral("learner")).toObject();
        learner.insert(QStringLiteral("email"), QStringLiteral("server@example.cn"));
        changed.insert(QStringLiteral("learner"), learner);
        f.server.upsert(QStringLiteral("profile"), UserId, changed);
        f.network.hold();
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        f.engine->syncNow();
        // ...when the user changes the mobile number.
        QVERIFY(!f.engine
                     ->queueProfileUpdate(
                         { { QStringLiteral("mobile"), QStringLiteral("13900009999") } })
                     .isEmpty());
        f.network.release();
        QTRY_COMPARE(finished.size(), 1);
        const std::optional<CachedEntity> profile
            = f.store.entity(QStringLiteral("profile"), UserId);
        QCOMPARE(profile->version, 2);
        const QJsonObject shown = profile->data.value(QStringLiteral("learner")).toObject();
        QCOMPARE(
            shown.value(QStringLiteral("email")).toString(), QStringLiteral("server@example.cn"));
        QCOMPARE(shown.value(QStringLiteral("mobile")).toString(), QStringLiteral("13900009999"));
        QCOMPARE(f.engine->pendingCount(), 1);
    }

    void rejectedAndConflict_setAside_laterOnesApplied()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        f.server.upsert(QStringLiteral("note"), QStringLiteral("c"), note(QStringLiteral("v1")));
        QVERIFY(f.sync());
        // Someone else changes note c on the server after this client saw version 1.
        f.server.upsert(
            QStringLiteral("note"), QStringLiteral("c"), note(QStringLiteral("theirs")));

        const QString a = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("a"), note(QStringLiteral("fine")));
        const QString b = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("b"), note(QStringLiteral("reject")));
        const QString c = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("c"), note(QStringLiteral("mine")));
        const QString d = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("d"), note(QStringLiteral("also fine")));
        QSignalSpy problemsChanged(f.engine.get(), &SyncEngine::problemsChanged);
        QVERIFY(f.sync());
        QVERIFY(problemsChanged.size() >= 1);
        QCOMPARE(f.server.timesApplied(a), 1);
        QCOMPARE(f.server.timesApplied(b), 0);
        QCOMPARE(f.server.timesApplied(c), 0);
        QCOMPARE(f.server.timesApplied(d), 1);
        QCOMPARE(f.engine->pendingCount(), 0);
        const QList<OutboxMutation> problems = f.engine->problems();
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).id, b);
        QCOMPARE(problems.at(0).state, OutboxMutation::State::Rejected);
        QCOMPARE(problems.at(0).lastError.value(QStringLiteral("code")).toString(),
            QStringLiteral("invalid_field"));
        QCOMPARE(problems.at(0).lastError.value(QStringLiteral("field")).toString(),
            QStringLiteral("text"));
        QVERIFY(!problems.at(0).lastError.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(problems.at(1).id, c);
        QCOMPARE(problems.at(1).state, OutboxMutation::State::Conflict);
        QCOMPARE(problems.at(1).result.value(QStringLiteral("version")).toInt(), 2);
        // The cache shows the server's current row.
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("c"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("theirs"));

        // The user keeps their version of c, and edits b.
        const QString c2 = f.engine->retryMutation(c);
        const QString b2 = f.engine->editMutation(b, note(QStringLiteral("better")));
        QVERIFY(!c2.isEmpty());
        QVERIFY(!b2.isEmpty());
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("b"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("better"));
        QCOMPARE(f.engine->pendingCount(), 2);
        QVERIFY(f.sync());
        QCOMPARE(f.engine->problems().size(), 0);
        QCOMPARE(f.server.entity(QStringLiteral("note"), QStringLiteral("c"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("mine"));
        QCOMPARE(f.server.entity(QStringLiteral("note"), QStringLiteral("b"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("better"));
        QCOMPARE(f.server.timesApplied(c2), 1);
        QCOMPARE(f.server.timesApplied(b2), 1);

        // A refused one: its local effect goes at the refusal (issue 13); the user gives up on
        // it, and it is gone.
        const QString e = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("e"), note(QStringLiteral("reject")));
        QVERIFY(f.store.entity(QStringLiteral("note"), QStringLiteral("e")));
        QVERIFY(f.sync());
        QCOMPARE(f.engine->problems().size(), 1);
        QVERIFY(!f.store.entity(QStringLiteral("note"), QStringLiteral("e")));
        QVERIFY(f.engine->discardMutation(e));
        QCOMPARE(f.engine->problems().size(), 0);
        QVERIFY(!f.store.entity(QStringLiteral("note"), QStringLiteral("e")));
    }

    void malformedMutation_batchRefused_thatOneSetAside()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        QVERIFY(f.sync());
        const QString before = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("a"), note(QStringLiteral("1")));
        const QString bad = f.engine->queueMutation(
            QStringLiteral("note.put"), QString(65, QLatin1Char('x')), note(QStringLiteral("2")));
        const QString after = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("b"), note(QStringLiteral("3")));
        QVERIFY(f.sync());
        QCOMPARE(f.server.timesApplied(before), 1);
        QCOMPARE(f.server.timesApplied(after), 1);
        QCOMPARE(f.server.timesApplied(bad), 0);
        const QList<OutboxMutation> problems = f.engine->problems();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().id, bad);
        QCOMPARE(problems.first().lastError.value(QStringLiteral("field")).toString(),
            QStringLiteral("mutations[1].target"));
        QCOMPARE(f.engine->pendingCount(), 0);
    }

    void networkErrors_retriedWithBackoff()
    {
        Fixture f;
        f.server.failNext(QStringLiteral("/sync/changes"), FakeSyncServer::Fault::NetworkError, 3);
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        QSignalSpy retries(f.engine.get(), &SyncEngine::retryScheduled);
        QSignalSpy states(f.engine.get(), &SyncEngine::stateChanged);
        f.engine->syncNow();
        QTRY_COMPARE(finished.size(), 4);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!finished.at(0).at(1).toString().isEmpty());
        QCOMPARE(finished.at(3).at(0).toBool(), true);
        // Doubling from 5 ms, each the upper half of its range at the draw 0.5: 3.75, 7.5, 15.
        QCOMPARE(retries.size(), 3);
        QCOMPARE(retries.at(0).at(0).toInt(), 3);
        QCOMPARE(retries.at(1).at(0).toInt(), 7);
        QCOMPARE(retries.at(2).at(0).toInt(), 15);
        QVERIFY(states.contains({ QVariant::fromValue(SyncEngine::State::Offline) }));
        QCOMPARE(f.engine->state(), SyncEngine::State::Idle);
        QCOMPARE(f.engine->retryDelay(), -1);
        QCOMPARE(f.store.entityCount(QStringLiteral("profile")), 1);
    }

    void backoff_cappedAndJittered()
    {
        double draw = 0.0;
        Backoff backoff(1000, 300'000, [&draw] { return draw; });
        QList<int> delays;
        for (int i = 0; i < 12; ++i)
            delays.append(backoff.next());
        QCOMPARE(delays.first(), 500);
        QCOMPARE(delays.at(1), 1000);
        QCOMPARE(delays.last(), 150'000);
        draw = 0.999;
        QVERIFY(backoff.next() <= 300'000);
        QVERIFY(backoff.next() > 299'000);
        backoff.reset();
        QCOMPARE(backoff.failures(), 0);
        QVERIFY(backoff.next() < 1000);
    }

    void serverErrors_retried_nothingLost()
    {
        Fixture f;
        QVERIFY(f.sync());
        const QString id = f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13911112222") } });
        f.server.failNext(QStringLiteral("/sync/mutations"), FakeSyncServer::Fault::ServerError, 2);
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        f.engine->syncNow();
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.server.timesApplied(id), 1);
        QCOMPARE(f.store.entity(QStringLiteral("profile"), UserId)->version, 2);
    }

    void malformedJson_clearStatus_retried()
    {
        Fixture f;
        QVERIFY(f.sync());
        f.server.failNext(QStringLiteral("/sync/changes"), FakeSyncServer::Fault::MalformedJson);
        const QString id = f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13911113333") } });
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        QSignalSpy states(f.engine.get(), &SyncEngine::stateChanged);
        f.engine->syncNow();
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(!finished.first().at(1).toString().isEmpty());
        QVERIFY(states.contains({ QVariant::fromValue(SyncEngine::State::Error) }));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(f.server.timesApplied(id), 1);
    }

    void connectionDropsAfterCommit_retrySameIds_appliedOnce()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        QVERIFY(f.sync());
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids.append(f.engine->queueMutation(QStringLiteral("note.put"),
                QStringLiteral("n%1").arg(i), note(QStringLiteral("x"))));
        f.server.failNext(
            QStringLiteral("/sync/mutations"), FakeSyncServer::Fault::DropAfterCommit);
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        f.engine->syncNow();
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.last().at(0).toBool(), true);
        // Sent twice with the same ids...
        QCOMPARE(f.server.batches().size(), 2);
        QCOMPARE(f.server.batches().at(0), ids);
        QCOMPARE(f.server.batches().at(1), ids);
        // ...applied once each, and the client took the recorded answers.
        for (const QString &id : std::as_const(ids))
            QCOMPARE(f.server.timesApplied(id), 1);
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.engine->problems().size(), 0);
        QCOMPARE(f.server.entity(QStringLiteral("note"), QStringLiteral("n0"))->version, 1);
    }

    void unauthorized_signalled_notRetried()
    {
        Fixture f;
        f.server.failNext(QStringLiteral("/sync/changes"), FakeSyncServer::Fault::Unauthorized);
        QSignalSpy auth(f.engine.get(), &SyncEngine::authenticationRequired);
        QSignalSpy retries(f.engine.get(), &SyncEngine::retryScheduled);
        QVERIFY(!f.sync());
        QCOMPARE(auth.size(), 1);
        QCOMPARE(retries.size(), 0);
        QCOMPARE(f.engine->retryDelay(), -1);
        QCOMPARE(f.engine->state(), SyncEngine::State::Error);
        // After a new login the user (or the UI) syncs again.
        QVERIFY(f.sync());
    }

    void rateLimited_waitsRetryAfter_otherRefusalsNotRetried()
    {
        Fixture f;
        f.server.failNext(QStringLiteral("/sync/changes"), FakeSyncServer::Fault::RateLimited);
        QSignalSpy retries(f.engine.get(), &SyncEngine::retryScheduled);
        QVERIFY(!f.sync());
        QCOMPARE(retries.size(), 1);
        QCOMPARE(retries.first().at(0).toInt(), 2000);
        QCOMPARE(f.engine->retryDelay(), 2000);
        // stop() cancels the retry.
        f.engine->stop();
        QCOMPARE(f.engine->retryDelay(), -1);

        // A refusal that will not change by itself is not retried blindly.
        f.server.failNext(QStringLiteral("/sync/changes"), FakeSyncServer::Fault::Forbidden);
        QVERIFY(!f.sync());
        QCOMPARE(retries.size(), 1);
        QCOMPARE(f.engine->state(), SyncEngine::State::Error);
        QVERIFY(!f.engine->lastMessage().isEmpty());
        QVERIFY(f.sync());
        QCOMPARE(f.engine->state(), SyncEngine::State::Idle);
    }

    void start_withNetworkWatch_worksWithOrWithoutBackend()
    {
        Fixture f;
        f.engine->setWatchNetwork(true);
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        f.engine->start();
        QTRY_COMPARE(finished.size(), 1);
        QVERIFY(finished.first().at(0).toBool());
        QVERIFY(f.engine->isStarted());
        f.engine->stop();
        QVERIFY(!f.engine->isStarted());
    }

    void untrustedCertificate_clearError_notRetried()
    {
        Fixture f;
        f.network.setHandler([](const FakeRequest &) {
            FakeResponse response = FakeResponse::json(200, {});
            response.sslErrors = { QSslError(QSslError::SelfSignedCertificate) };
            return response;
        });
        QSignalSpy retries(f.engine.get(), &SyncEngine::retryScheduled);
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        f.engine->syncNow();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("certificate")));
        QCOMPARE(f.engine->state(), SyncEngine::State::Error);
        QCOMPARE(retries.size(), 0);
        QCOMPARE(f.network.requestCount(QStringLiteral("/sync/changes")), 1);
    }

    void oneSyncAtATime_requestsCoalesced()
    {
        Fixture f;
        f.network.hold();
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        f.engine->syncNow();
        f.engine->syncNow();
        f.engine->syncNow();
        QVERIFY(f.engine->isSyncing());
        QCOMPARE(f.network.requestCount(QStringLiteral("/sync/changes")), 1);
        f.network.release();
        // The requests made during the sync become one more sync after it.
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(f.network.requestCount(QStringLiteral("/sync/changes")), 2);
        QVERIFY(!f.engine->isSyncing());
    }

    void periodicSync_andOnNetworkReturn()
    {
        Fixture f;
        f.engine->setPeriodicInterval(20);
        f.engine->start();
        QTRY_VERIFY(f.network.requestCount(QStringLiteral("/sync/changes")) >= 3);
        f.engine->stop();

        // Offline with a long backoff: the network's return syncs at once.
        Fixture g;
        g.engine->setBackoff(60'000, 300'000, [] { return 0.0; });
        g.server.failNext(QStringLiteral("/sync/changes"), FakeSyncServer::Fault::NetworkError);
        QSignalSpy finished(g.engine.get(), &SyncEngine::syncFinished);
        g.engine->start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(g.engine->state(), SyncEngine::State::Offline);
        QCOMPARE(g.engine->retryDelay(), 30'000);
        g.engine->setNetworkReachable(true);
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(g.engine->retryDelay(), -1);
    }

    void offlineWrite_pushedSoonWhenStarted()
    {
        Fixture f;
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        f.engine->start();
        QTRY_COMPARE(finished.size(), 1);
        const QString id = f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13955556666") } });
        QTRY_COMPARE(f.server.timesApplied(id), 1);
        QTRY_COMPARE(f.engine->pendingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"

// The sync engine against an in-memory fake server behind the fake network: initial and
// incremental pulls with progress, a cursor invalidated by the server, the outbox pushed in order
// and in batches, problems set aside without blocking the rest, retries with backoff after
// network errors, 5xx and unreadable answers, exactly-once delivery when the connection drops
// after the server committed, one sync at a time, periodic and network-return syncs; batches
// capped in bytes and halved on 413, the pull after a failed push, version-free chains in one
// batch, the count asked once, a rebuild beside the cache across a cut and a restart, and the
// acknowledged mutations sent again after a restore.
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

    void largeBatches_cappedInBytes()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        QVERIFY(f.sync());
        // Ten changes of 60 KiB: four fit in 256 KiB.
        QStringList ids;
        for (int i = 0; i < 10; ++i)
            ids.append(f.engine->queueMutation(QStringLiteral("note.put"),
                QStringLiteral("big%1").arg(i), note(QString(60 * 1024, QLatin1Char('a' + i)))));
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.server.batches().size(), 3);
        QStringList sent;
        for (const QStringList &batch : f.server.batches())
            sent += batch;
        QCOMPARE(sent, ids);
        for (const qsizetype bytes : f.server.batchBytes())
            QVERIFY2(bytes <= SyncEngine::MaxBatchBytes, qPrintable(QString::number(bytes)));
        // One larger than the cap goes alone (and the server takes it).
        const QString huge = f.engine->queueMutation(QStringLiteral("note.put"),
            QStringLiteral("huge"), note(QString(300 * 1024, QLatin1Char('h'))));
        const QString small = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("small"), note(QStringLiteral("s")));
        QVERIFY(f.sync());
        QCOMPARE(f.server.batches().at(3), QStringList { huge });
        QCOMPARE(f.server.batches().at(4), QStringList { small });
    }

    void tooLarge_splitInHalves_aloneSetAside_pullStillRuns()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        QVERIFY(f.sync());
        // A server whose limit is lower than the client's cap.
        f.server.setMaxRequestBytes(100 * 1024);
        QStringList ids;
        for (int i = 0; i < 4; ++i)
            ids.append(f.engine->queueMutation(QStringLiteral("note.put"),
                QStringLiteral("n%1").arg(i), note(QString(40 * 1024, QLatin1Char('x')))));
        const QString tooLarge = f.engine->queueMutation(QStringLiteral("note.put"),
            QStringLiteral("large"), note(QString(150 * 1024, QLatin1Char('y'))));
        const QString after = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("after"), note(QStringLiteral("after")));
        f.server.upsert(QStringLiteral("region"), QStringLiteral("110000"),
            { { QStringLiteral("name"), QStringLiteral("new") } });
        QSignalSpy problems(f.engine.get(), &SyncEngine::problemsChanged);
        QVERIFY(f.sync());
        // 4 x 40 KiB (the 150 KiB one would pass the cap): refused; two by two: taken; the large
        // one with the next: refused; the large one alone: refused, set aside; the next one goes.
        const QList<QStringList> batches = f.server.batches();
        QCOMPARE(batches.size(), 6);
        QCOMPARE(batches.at(0), ids);
        QCOMPARE(batches.at(1), ids.mid(0, 2));
        QCOMPARE(batches.at(2), ids.mid(2, 2));
        QCOMPARE(batches.at(3), (QStringList { tooLarge, after }));
        QCOMPARE(batches.at(4), QStringList { tooLarge });
        QCOMPARE(batches.at(5), QStringList { after });
        for (const QString &id : ids)
            QCOMPARE(f.server.timesApplied(id), 1);
        QCOMPARE(f.server.timesApplied(after), 1);
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.engine->problems().size(), 1);
        const OutboxMutation set = f.engine->problems().first();
        QCOMPARE(set.id, tooLarge);
        QCOMPARE(set.state, OutboxMutation::State::Rejected);
        QCOMPARE(set.lastError.value(QStringLiteral("code")).toString(),
            QStringLiteral("payload_too_large"));
        QCOMPARE(set.lastError.value(QStringLiteral("message")).toString(),
            QStringLiteral("This change is too large for the server to accept."));
        QVERIFY(!problems.isEmpty());
        // The pull ran.
        QVERIFY(f.store.entity(QStringLiteral("region"), QStringLiteral("110000")));
        // Nothing left to retry for ever: the next sync sends nothing.
        QVERIFY(f.sync());
        QCOMPARE(f.server.batches().size(), 6);
    }

    void pushFails_pullStillRuns_failureReported()
    {
        Fixture f;
        QVERIFY(f.sync());
        const QString id = f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13900000007") } });
        f.server.upsert(QStringLiteral("region"), QStringLiteral("110000"),
            { { QStringLiteral("name"), QStringLiteral("new") } });
        f.server.failNext(QStringLiteral("/sync/mutations"), FakeSyncServer::Fault::ServerError);
        QSignalSpy retries(f.engine.get(), &SyncEngine::retryScheduled);
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        QSignalSpy lastSync(f.engine.get(), &SyncEngine::lastSyncChanged);
        f.engine->syncNow();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("Oops."));
        QCOMPARE(f.engine->state(), SyncEngine::State::Error);
        QCOMPARE(f.engine->lastMessage(), QStringLiteral("Oops."));
        // The pull ran all the same.
        QVERIFY(f.store.entity(QStringLiteral("region"), QStringLiteral("110000")));
        QCOMPARE(lastSync.size(), 1);
        QCOMPARE(f.engine->pendingCount(), 1);
        // ...and the push is retried as before.
        QCOMPARE(retries.size(), 1);
        QTRY_COMPARE(finished.size(), 2);
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(f.server.timesApplied(id), 1);

        // Without a network the pull is not tried: it would fail the same way.
        f.engine->queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13900000008") } });
        f.server.failNext(QStringLiteral("/sync/mutations"), FakeSyncServer::Fault::NetworkError);
        f.network.clearRequests();
        f.engine->syncNow();
        QTRY_COMPARE(finished.size(), 3);
        QCOMPARE(finished.last().at(0).toBool(), false);
        QCOMPARE(f.engine->state(), SyncEngine::State::Offline);
        QCOMPARE(f.network.requestCount(QStringLiteral("/sync/changes")), 0);
        QTRY_COMPARE(f.engine->pendingCount(), 0);
    }

    void versionFree_severalOfOneEntity_oneBatch_inOrder()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        f.engine->registerMutationType(QStringLiteral("note.add"), QStringLiteral("note"),
            [](const QJsonObject &data, const QJsonObject &payload) {
                QJsonObject out = data;
                QJsonArray texts = out.value(QStringLiteral("texts")).toArray();
                texts.append(payload.value(QStringLiteral("text")));
                out.insert(QStringLiteral("texts"), texts);
                return out;
            });
        f.engine->setVersionFree(QStringLiteral("note.add"));
        f.server.upsert(QStringLiteral("note"), QStringLiteral("n"), {});
        QVERIFY(f.sync());
        QStringList ids;
        for (const QString &text :
            { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") })
            ids.append(f.engine->queueMutation(QStringLiteral("note.add"), QStringLiteral("n"),
                { { QStringLiteral("text"), text } }));
        ids.append(f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("m"), note(QStringLiteral("m"))));
        QVERIFY(f.sync());
        QCOMPARE(f.server.batches(), QList<QStringList> { ids });
        const QJsonArray expected { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") };
        QCOMPARE(f.server.entity(QStringLiteral("note"), QStringLiteral("n"))
                     ->data.value(QStringLiteral("texts"))
                     .toArray(),
            expected);
        QCOMPARE(f.server.entity(QStringLiteral("note"), QStringLiteral("n"))->version, 4);
        const std::optional<CachedEntity> local
            = f.store.entity(QStringLiteral("note"), QStringLiteral("n"));
        QCOMPARE(local->version, 4);
        QCOMPARE(local->data.value(QStringLiteral("texts")).toArray(), expected);
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.engine->problems().size(), 0);

        // A type checked against its base version still goes one per batch after the first of
        // its entity (see queueProfileUpdate_localAtOnce_chainAppliedInOrder).
        f.engine->queueMutation(QStringLiteral("note.add"), QStringLiteral("m"),
            { { QStringLiteral("text"), QStringLiteral("x") } });
        f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("m"), note(QStringLiteral("m2")));
        QVERIFY(f.sync());
        QCOMPARE(f.server.batches().size(), 3);
        QCOMPARE(f.engine->problems().size(), 0);
    }

    void progress_countOnFirstPageOnly_seqOptional()
    {
        Fixture f;
        f.seedRegions(29);
        f.server.setOmitSeq(true);
        f.engine->setPageSize(10);
        QSignalSpy progress(f.engine.get(), &SyncEngine::progress);
        QVERIFY(f.sync());
        QCOMPARE(f.server.countParameters(), (QList<bool> { true, false, false }));
        QCOMPARE(progress.size(), 3);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(progress.at(i).at(0).toInt(), std::min(30, 10 * (i + 1)));
            QCOMPARE(progress.at(i).at(1).toInt(), 30);
        }
        QCOMPARE(f.store.entityCount(QStringLiteral("region")), 29);
        QCOMPARE(f.store.cursor(), f.server.cursorAt(30));
        // The next run asks again.
        QVERIFY(f.sync());
        QCOMPARE(f.server.countParameters().last(), true);
    }

    void cursorInvalid_rebuiltBeside_cutMidway_oldCacheKept_resumedAfterRestart()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        f.seedRegions(20);
        QVERIFY(f.sync());
        const QString oldCursor = f.store.cursor();
        // Offline work that has not gone out (held back by the gate): a new note.
        bool gateOpen = false;
        f.engine->setPushGate([&gateOpen](const OutboxMutation &) { return gateOpen; });
        const QString offline = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("offline"), note(QStringLiteral("mine")));
        // What the user may see changed: the cursor is invalid; the feed now has 31 rows.
        f.server.newEpoch(QStringLiteral("scope"));
        for (int i = 20; i < 30; ++i)
            f.server.upsert(QStringLiteral("region"), QStringLiteral("%1").arg(110000 + i),
                { { QStringLiteral("name"), QStringLiteral("R%1").arg(i) } });
        f.engine->setPageSize(5);
        // The 410, three pages, then the connection is cut.
        f.server.cutAfter(QStringLiteral("/sync/changes"), 4);
        QSignalSpy reset(f.engine.get(), &SyncEngine::cacheReset);
        QVERIFY(!f.sync());
        QCOMPARE(f.engine->state(), SyncEngine::State::Offline);
        QCOMPARE(reset.size(), 0);
        // The old cache is still there, whole, with the offline work over it.
        QCOMPARE(f.store.entityCount(QStringLiteral("region")), 20);
        QVERIFY(f.store.entity(QStringLiteral("region"), QStringLiteral("110019")));
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("offline"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("mine"));
        QCOMPARE(f.engine->pendingCount(), 1);
        QCOMPARE(f.store.cursor(), oldCursor);
        QVERIFY(f.store.isRebuilding());
        QCOMPARE(f.store.rebuildEntityCount(), 15);
        QCOMPARE(f.store.rebuildCursor(), f.server.cursorAt(15));

        // The program is closed and started again; the network is back.
        f.engine.reset();
        f.store.close();
        QVERIFY(f.store.open(f.path));
        QVERIFY(f.store.isRebuilding());
        QCOMPARE(f.store.entityCount(QStringLiteral("region")), 20);
        f.engine = std::make_unique<SyncEngine>(&f.api, &f.store, &f.clock);
        f.engine->setUserId(UserId);
        f.engine->setWatchNetwork(false);
        f.engine->setPeriodicInterval(0);
        f.engine->setPageSize(5);
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        f.engine->setPushGate([&gateOpen](const OutboxMutation &) { return gateOpen; });
        f.server.reconnect();
        const qsizetype pulls = f.server.sinceParameters().size();
        QSignalSpy reset2(f.engine.get(), &SyncEngine::cacheReset);
        QVERIFY(f.sync());
        // Resumed from its own cursor, not from the start.
        QCOMPARE(f.server.sinceParameters().at(pulls), f.server.cursorAt(15));
        QCOMPARE(reset2.size(), 1);
        QVERIFY(!f.store.isRebuilding());
        QCOMPARE(f.store.rebuildEntityCount(), 0);
        QCOMPARE(f.store.entityCount(QStringLiteral("region")), 30);
        QCOMPARE(f.store.cursor(), f.server.cursorAt(f.server.lastSeq()));
        // The offline note is still shown over the new rows, and goes out once allowed.
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("offline"))
                     ->data.value(QStringLiteral("text"))
                     .toString(),
            QStringLiteral("mine"));
        QCOMPARE(f.engine->pendingCount(), 1);
        gateOpen = true;
        QVERIFY(f.sync());
        QCOMPARE(f.server.timesApplied(offline), 1);
    }

    void restored_acknowledgedSentAgain_sameIds_inOrder()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        QVERIFY(f.sync());
        const FakeSyncServer::Backup backup = f.server.backup();
        const QString a = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("a"), note(QStringLiteral("a")));
        const QString b = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("b"), note(QStringLiteral("b")));
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.engine->problems().size(), 0);
        // Kept, neither pending nor a problem.
        const QList<OutboxMutation> acknowledged = f.store.acknowledgedMutations();
        QCOMPARE(acknowledged.size(), 2);
        QCOMPARE(acknowledged.at(0).id, a);
        QCOMPARE(acknowledged.at(1).id, b);
        QCOMPARE(acknowledged.at(0).state, OutboxMutation::State::Acknowledged);
        QCOMPARE(acknowledged.at(1).payload, note(QStringLiteral("b")));
        // A newer change, not sent yet (the gate holds it and what comes after it).
        bool gateOpen = false;
        f.engine->setPushGate(
            [&gateOpen](const OutboxMutation &m) { return gateOpen || m.target != u"c"; });
        const QString c = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("c"), note(QStringLiteral("c")));
        QVERIFY(f.sync());
        // The server goes back to the backup made before a and b.
        f.server.restore(backup);
        QVERIFY(!f.server.entity(QStringLiteral("note"), QStringLiteral("a")));
        const qsizetype before = f.server.batches().size();
        QVERIFY(f.sync());
        // Sent again with their own ids, in their order, before c (which the gate still holds:
        // they come before it in the outbox).
        QCOMPARE(f.server.batches().mid(before), (QList<QStringList> { { a, b } }));
        QCOMPARE(f.engine->pendingCount(), 1);
        gateOpen = true;
        QVERIFY(f.sync());
        QCOMPARE(f.server.batches().mid(before), (QList<QStringList> { { a, b }, { c } }));
        QCOMPARE(f.server.timesApplied(a), 2); // the server had lost it
        QVERIFY(f.server.entity(QStringLiteral("note"), QStringLiteral("a")));
        QVERIFY(f.server.entity(QStringLiteral("note"), QStringLiteral("b")));
        QVERIFY(f.server.entity(QStringLiteral("note"), QStringLiteral("c")));
        QCOMPARE(f.engine->pendingCount(), 0);
        QCOMPARE(f.engine->problems().size(), 0);
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("a"))->version, 1);
        QCOMPARE(f.store.acknowledgedMutations().size(), 3);

        // A 410 for another reason does not send them again.
        f.server.newEpoch(QStringLiteral("scope"));
        const qsizetype later = f.server.batches().size();
        QVERIFY(f.sync());
        QCOMPARE(f.server.batches().size(), later);
        QCOMPARE(f.store.acknowledgedMutations().size(), 3);
    }

    void acknowledged_prunedAfter30Days()
    {
        Fixture f;
        f.engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        QVERIFY(f.sync());
        const QString old = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("old"), note(QStringLiteral("old")));
        QVERIFY(f.sync());
        f.clock.advance(10 * 24 * 3600);
        const QString recent = f.engine->queueMutation(
            QStringLiteral("note.put"), QStringLiteral("recent"), note(QStringLiteral("new")));
        QVERIFY(f.sync());
        QCOMPARE(f.store.acknowledgedMutations().size(), 2);
        // 30 days after the first was acknowledged, and one second.
        f.clock.advance(20 * 24 * 3600 + 1);
        QVERIFY(f.sync());
        const QList<OutboxMutation> kept = f.store.acknowledgedMutations();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().id, recent);
        QVERIFY(old != recent);
        // Gone ones are not sent again after a restore.
        f.server.restoreFromBackup();
        const qsizetype before = f.server.batches().size();
        QVERIFY(f.sync());
        QCOMPARE(f.server.batches().mid(before), QList<QStringList> { { recent } });
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

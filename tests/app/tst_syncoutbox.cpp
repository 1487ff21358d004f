// The outbox at the scale of a day offline (issue 13): contiguous lesson.study claims of a lesson
// merge while unsent (never into one sent once, never past the server's limit per claim), and a
// refused mutation holds the ones that build on it, its local effect undone from the server's row,
// the chain retried or discarded in one step.
#include "apiclient.h"
#include "clientfakes.h"
#include "clock.h"
#include "fakesyncserver.h"
#include "localstore.h"
#include "publiccourses.h"
#include "servertrust.h"
#include "studysession.h"
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
const QString CourseId = QStringLiteral("c0ffee00-0000-4000-8000-000000000001");

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
        if (!store.open(temporaryDirectory() + QStringLiteral("/cache.sqlite")))
            qFatal("cannot open the store: %s", qPrintable(store.lastError()));
        engine = std::make_unique<SyncEngine>(&api, &store, &clock);
        engine->setUserId(UserId);
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
        engine->setBackoff(5, 40, [] { return 0.5; });
        engine->registerMutationType(QStringLiteral("note.put"), QStringLiteral("note"),
            [](const QJsonObject &, const QJsonObject &payload) { return payload; });
        registerCourseMutations(engine.get(), &store);
    }

    bool sync()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::syncFinished);
        engine->syncNow();
        if (!finished.wait(10000))
            return false;
        return finished.last().at(0).toBool();
    }

    // A claim of `seconds` starting `offset` seconds after a fixed instant.
    QString study(const QString &lessonId, int offset, int seconds)
    {
        const QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        return engine->queueMutation(QStringLiteral("lesson.study"),
            lessonProgressId(UserId, CourseId, lessonId),
            { { QStringLiteral("courseId"), CourseId }, { QStringLiteral("lessonId"), lessonId },
                { QStringLiteral("seconds"), seconds },
                { QStringLiteral("startedAt"), start.addSecs(offset).toString(Qt::ISODateWithMs) },
                { QStringLiteral("endedAt"),
                    start.addSecs(offset + seconds).toString(Qt::ISODateWithMs) } });
    }

    QList<OutboxMutation> claims() const
    {
        QList<OutboxMutation> list;
        for (const OutboxMutation &m : store.allMutations()) {
            if (m.type == QLatin1String("lesson.study"))
                list.append(m);
        }
        return list;
    }

    FakeSyncServer server;
    FakeNetworkAccessManager network;
    QSettings settings;
    ServerTrust trust;
    ApiClient api;
    TestClock clock;
    LocalStore store;
    std::unique_ptr<SyncEngine> engine;
};

} // namespace

class TestSyncOutbox final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void study_sixtyFlushesOffline_oneRowWithTheSum()
    {
        Fixture f;
        QString first;
        for (int i = 0; i < 60; ++i) {
            const QString id = f.study(QStringLiteral("l1"), i * 60, 60);
            QVERIFY(!id.isEmpty());
            if (i == 0)
                first = id;
            QCOMPARE(id, first); // merged into the waiting row, which keeps its id
        }
        const QList<OutboxMutation> claims = f.claims();
        QCOMPARE(claims.size(), 1);
        QCOMPARE(claims.first().payload.value(QStringLiteral("seconds")).toInt(), 3600);
        QCOMPARE(claims.first().payload.value(QStringLiteral("startedAt")).toString(),
            QStringLiteral("2026-03-02T09:00:00.000Z"));
        QCOMPARE(claims.first().payload.value(QStringLiteral("endedAt")).toString(),
            QStringLiteral("2026-03-02T10:00:00.000Z"));
        // The local effect counted every flush once.
        QCOMPARE(
            PublicCourses(&f.store, UserId).studiedSeconds(CourseId, QStringLiteral("l1")), 3600);
        // Another lesson, and a sitting that does not continue the claim, stay apart.
        QVERIFY(!f.study(QStringLiteral("l2"), 3600, 60).isEmpty());
        QVERIFY(!f.study(QStringLiteral("l1"), 7200, 60).isEmpty());
        QCOMPARE(f.claims().size(), 3);
    }

    void study_attemptedRow_notMergedInto()
    {
        Fixture f;
        const QString sent = f.study(QStringLiteral("l1"), 0, 60);
        QVERIFY(f.store.noteAttempt({ sent })); // in flight, or sent with the answer lost
        const QString next = f.study(QStringLiteral("l1"), 60, 60);
        QVERIFY(!next.isEmpty());
        QVERIFY(next != sent);
        const QList<OutboxMutation> claims = f.claims();
        QCOMPARE(claims.size(), 2);
        QCOMPARE(claims.at(0).payload.value(QStringLiteral("seconds")).toInt(), 60);
        QCOMPARE(claims.at(1).payload.value(QStringLiteral("seconds")).toInt(), 60);
        // The next flush merges into the new, unsent row.
        QCOMPARE(f.study(QStringLiteral("l1"), 120, 60), next);
    }

    void study_serverLimitPerClaim_startsANewRow()
    {
        Fixture f;
        QCOMPARE(StudySession::MaxMutationSeconds, 14400);
        const QString a = f.study(QStringLiteral("l1"), 0, 7200);
        QCOMPARE(f.study(QStringLiteral("l1"), 7200, 7200), a); // exactly the limit
        const QString b = f.study(QStringLiteral("l1"), 14400, 1);
        QVERIFY(b != a);
        const QList<OutboxMutation> claims = f.claims();
        QCOMPARE(claims.size(), 2);
        QCOMPARE(claims.at(0).payload.value(QStringLiteral("seconds")).toInt(), 14400);
        QCOMPARE(claims.at(1).payload.value(QStringLiteral("seconds")).toInt(), 1);
    }

    void refused_sameEntityHeld_effectUndone_otherEntitiesSent()
    {
        Fixture f;
        f.server.upsert(QStringLiteral("note"), QStringLiteral("n1"),
            { { QStringLiteral("id"), QStringLiteral("n1") },
                { QStringLiteral("text"), QStringLiteral("server") } });
        QVERIFY(f.sync());
        const QString cause = f.engine->queueMutation(QStringLiteral("note.put"),
            QStringLiteral("n1"), { { QStringLiteral("text"), QStringLiteral("reject") } });
        const QString later = f.engine->queueMutation(QStringLiteral("note.put"),
            QStringLiteral("n1"), { { QStringLiteral("text"), QStringLiteral("later") } });
        QVERIFY(!f.engine
                     ->queueMutation(QStringLiteral("note.put"), QStringLiteral("n2"),
                         { { QStringLiteral("text"), QStringLiteral("fine") } })
                     .isEmpty());
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("n1"))
                     ->data.value(QStringLiteral("text")),
            QStringLiteral("later"));
        QSignalSpy changed(f.engine.get(), &SyncEngine::entitiesChanged);
        QVERIFY(f.sync());
        // One refusal; the later change waits with it, never sent.
        QCOMPARE(f.server.timesApplied(later), 0);
        QCOMPARE(f.server.entity(QStringLiteral("note"), QStringLiteral("n2"))
                     ->data.value(QStringLiteral("text")),
            QStringLiteral("fine"));
        const QList<OutboxMutation> held = f.engine->heldBy(cause);
        QCOMPARE(held.size(), 1);
        QCOMPARE(held.first().id, later);
        QVERIFY(held.first().lastError.isEmpty());
        QCOMPARE(f.engine->pendingCount(), 0);
        // Both effects gone: the server's row is shown.
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("n1"))
                     ->data.value(QStringLiteral("text")),
            QStringLiteral("server"));
        bool toldNotes = false;
        for (const QList<QVariant> &args : std::as_const(changed))
            toldNotes = toldNotes || args.at(0).toStringList().contains(QStringLiteral("note"));
        QVERIFY(toldNotes);

        // Retried together: the refused one with a new id, the held one with its own; both shown.
        const QStringList ids = f.engine->retryChain(cause);
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.at(0) != cause);
        QCOMPARE(ids.at(1), later);
        QCOMPARE(f.engine->pendingCount(), 2);
        QCOMPARE(f.store.entity(QStringLiteral("note"), QStringLiteral("n1"))
                     ->data.value(QStringLiteral("text")),
            QStringLiteral("later"));
    }

    void refusedSelection_holdsItsStudy_discardedInOneStep()
    {
        Fixture f;
        const QString selectionId = courseSelectionId(UserId, CourseId);
        const QString select = f.engine->queueMutation(QStringLiteral("course.select"), selectionId,
            { { QStringLiteral("courseId"), CourseId },
                { QStringLiteral("declarationYear"), 2026 } });
        QVERIFY(!select.isEmpty());
        // Five sittings of different lessons (none merges), and a note that does not depend.
        for (int i = 0; i < 5; ++i)
            QVERIFY(!f.study(QStringLiteral("l%1").arg(i), i * 1000, 60).isEmpty());
        QVERIFY(!f.engine
                     ->queueMutation(QStringLiteral("note.put"), QStringLiteral("n9"),
                         { { QStringLiteral("text"), QStringLiteral("x") } })
                     .isEmpty());
        QVERIFY(PublicCourses(&f.store, UserId).selection(CourseId).has_value());
        QCOMPARE(
            PublicCourses(&f.store, UserId).studiedSeconds(CourseId, QStringLiteral("l3")), 60);

        // The engine marks it refused as the server's answer says.
        QVERIFY(f.store.markRejected(select,
            { { QStringLiteral("code"), QStringLiteral("not_found") },
                { QStringLiteral("message"), QStringLiteral("No such course.") } }));
        QCOMPARE(f.store.heldBy(select).size(), 5);
        QCOMPARE(f.store.pendingCount(), 1); // the note only
        QCOMPARE(f.store.problemCount(), 6);
        QVERIFY(!PublicCourses(&f.store, UserId).selection(CourseId).has_value());
        QCOMPARE(PublicCourses(&f.store, UserId).studiedSeconds(CourseId, QStringLiteral("l3")), 0);

        QVERIFY(f.engine->discardChain(select));
        QCOMPARE(f.store.problemCount(), 0);
        QCOMPARE(f.store.pendingCount(), 1);
        QVERIFY(!PublicCourses(&f.store, UserId).selection(CourseId).has_value());
        QVERIFY(!f.store.entity(QStringLiteral("lessonProgress"),
            lessonProgressId(UserId, CourseId, QStringLiteral("l0"))));
    }

    void cacheFiles_ownerOnly_existingOnesTightened()
    {
        const QString base = temporaryDirectory();
        const QString dir = base + QStringLiteral("/cache/0123abcd");
        const QString path = dir + QStringLiteral("/user.sqlite");
        const auto ownerDir
            = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
        const auto ownerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        // Qt reports the user's bits twice (ReadUser = ReadOwner for the file's owner).
        const auto mask = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        {
            LocalStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.setMeta(QStringLiteral("k"), QStringLiteral("v")));
            QCOMPARE(QFile::permissions(dir) & mask, ownerDir);
            QCOMPARE(QFile::permissions(base + QStringLiteral("/cache")) & mask, ownerDir);
            QCOMPARE(QFile::permissions(path) & mask, ownerFile);
            QVERIFY(QFile::exists(path + QStringLiteral("-wal")));
            QCOMPARE(QFile::permissions(path + QStringLiteral("-wal")) & mask, ownerFile);
            QCOMPARE(QFile::permissions(path + QStringLiteral("-shm")) & mask, ownerFile);
        }
        // An install of before: readable by everyone. Opening tightens it.
        const auto readable = ownerFile | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        QVERIFY(QFile::setPermissions(path, readable));
        QVERIFY(
            QFile::setPermissions(dir, ownerDir | QFileDevice::ReadOther | QFileDevice::ExeOther));
        {
            QFile journal(path + QStringLiteral("-journal"));
            QVERIFY(journal.open(QIODevice::WriteOnly, readable));
        }
        QCOMPARE(QFile::permissions(path) & mask, readable);
        LocalStore store;
        QVERIFY(store.open(path));
        QCOMPARE(store.meta(QStringLiteral("k")), QStringLiteral("v"));
        QCOMPARE(QFile::permissions(path) & mask, ownerFile);
        QCOMPARE(QFile::permissions(dir) & mask, ownerDir);
    }
};

QTEST_GUILESS_MAIN(TestSyncOutbox)
#include "tst_syncoutbox.moc"

// Crash safety of the local store: a child process applying a large pull, or writing to the
// outbox, is killed with SIGKILL at random moments, again and again. Each time the cache must
// pass integrity_check, hold exactly the changes up to its cursor (no more, no fewer), and have
// an outbox without a half-written row whose local effects all landed. At the end the surviving
// outbox is pushed to the real server twice (the second time from a copy taken before the first
// push, as after a crash that lost the answers): the server holds each mutation exactly once.
#include "apiclient.h"
#include "localstore.h"
#include "servertrust.h"
#include "storage/database.h"
#include "synccrashpages.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>
#include <sys/types.h>

using namespace xueshi;
using namespace xueshi::test;

namespace {

constexpr int Runs = 56; // at least 50 of them must end in SIGKILL

// A plain connection to the file, so that nothing (like LocalStore's rebuild) hides damage.
class RawDb final
{
public:
    explicit RawDb(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawDb()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool hasTable(const QString &table) const
    {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
        q.addBindValue(table);
        return q.exec() && q.next();
    }
    QString integrity() const
    {
        QSqlQuery q(db());
        if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
            return q.lastError().text();
        QStringList lines;
        while (q.next())
            lines.append(q.value(0).toString());
        return lines.join(QLatin1String("; "));
    }
    QString meta(const QString &key) const
    {
        if (!hasTable(QStringLiteral("meta")))
            return {};
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
        q.addBindValue(key);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

private:
    static inline int s_count = 0;
    QString m_name;
    bool m_open = false;
};

} // namespace

class TestSyncCrash final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(QFile::exists(QStringLiteral(XUESHI_CRASH_CHILD)), XUESHI_CRASH_CHILD);
        m_seed = qEnvironmentVariableIsSet("XUESHI_CRASH_SEED")
            ? quint32(qEnvironmentVariableIntValue("XUESHI_CRASH_SEED"))
            : QRandomGenerator::system()->generate();
        qInfo("random seed %u (set XUESHI_CRASH_SEED to repeat)", m_seed);
    }

    void sigkillAtRandom_cacheConsistent_outboxAppliedExactlyOnce()
    {
        QRandomGenerator random(m_seed);
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        TestClient client(server);
        const TestReply reg = client.post(QStringLiteral("/accounts/learners"),
            learnerRegistration(
                QStringLiteral("crashlearner"), QStringLiteral("44010619900101123")));
        const QJsonObject user = reg.json.value(QStringLiteral("user")).toObject();
        const QString userId = user.value(QStringLiteral("id")).toString();
        QVERIFY(!userId.isEmpty());

        const QString dir = temporaryDirectory();
        const QString pullPath = dir + QStringLiteral("/pull.sqlite");
        const QString outboxPath = dir + QStringLiteral("/outbox.sqlite");
        {
            // The cached profile the offline edits start from, as a first sync left it.
            LocalStore store;
            QVERIFY(store.open(outboxPath));
            QVERIFY(store.putEntity({ QStringLiteral("profile"), userId, 1, user }));
        }

        QElapsedTimer clock;
        clock.start();
        int kills = 0;
        qint64 lastCursor = 0;
        int lastOutbox = 0;
        for (int run = 0; run < Runs; ++run) {
            const bool pull = run % 2 == 0;
            // Now and then the kill comes while the child is still opening the file.
            const bool early = run % 7 == 3;
            QProcess child;
            child.setProgram(QStringLiteral(XUESHI_CRASH_CHILD));
            child.setArguments(pull ? QStringList { QStringLiteral("pull"), pullPath }
                                    : QStringList { QStringLiteral("outbox"), outboxPath, userId });
            QSignalSpy finished(&child, &QProcess::finished);
            child.start();
            QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
            if (!early)
                QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || finished.size() > 0, 10000);
            QVERIFY2(finished.isEmpty(), child.readAllStandardError().constData());
            const int delay = int(random.bounded(early ? 15 : (pull ? 250 : 40)));
            const qint64 pid = child.processId();
            QTimer::singleShot(delay, &child, [pid] { ::kill(pid_t(pid), SIGKILL); });
            QVERIFY(finished.wait(10000));
            if (child.exitStatus() == QProcess::CrashExit)
                ++kills;
            else
                QFAIL(qPrintable(QStringLiteral("the child stopped by itself: %1")
                                     .arg(QString::fromUtf8(child.readAllStandardError()))));

            if (pull) {
                const qint64 cursor = checkPulled(pullPath);
                QVERIFY2(cursor >= lastCursor, qPrintable(QStringLiteral("run %1").arg(run)));
                lastCursor = cursor;
            } else {
                const int rows = checkOutbox(outboxPath, userId);
                QVERIFY2(rows >= lastOutbox, qPrintable(QStringLiteral("run %1").arg(run)));
                lastOutbox = rows;
            }
            if (QTest::currentTestFailed()) {
                qWarning(
                    "failed after run %d (delay %d ms, %s)", run, delay, pull ? "pull" : "outbox");
                return;
            }
        }
        QVERIFY(kills >= 50);
        QVERIFY2(lastCursor > 10 * crash::PageSize, qPrintable(QString::number(lastCursor)));
        QVERIFY2(lastOutbox > 10, qPrintable(QString::number(lastOutbox)));
        qInfo("%d kills in %lld ms; the pulled cache reached change %lld, the outbox %d mutations",
            kills, clock.elapsed(), lastCursor, lastOutbox);
        clock.restart();

        // Restart: the surviving outbox goes to the server, twice.
        const QString replayPath = dir + QStringLiteral("/replay.sqlite");
        {
            LocalStore opened; // recovers the WAL into the file, so a plain copy is complete
            QVERIFY(opened.open(outboxPath));
        }
        QVERIFY(QFile::copy(outboxPath, replayPath));
        const QString token
            = client
                  .post(QStringLiteral("/session"),
                      { { QStringLiteral("username"), QStringLiteral("crashlearner") },
                          { QStringLiteral("password"), QStringLiteral("Secret123") } })
                  .json.value(QStringLiteral("token"))
                  .toString();
        QStringList ids;
        for (const QString &path : { outboxPath, replayPath }) {
            QSettings settings(dir + QStringLiteral("/client.ini"), QSettings::IniFormat);
            ServerTrust trust(&settings);
            trust.pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
            QNetworkAccessManager network;
            ApiClient api(&network, &trust);
            api.setServerUrl(server.baseUrl());
            api.setBearerToken(token);
            LocalStore store;
            QVERIFY(store.open(path));
            QCOMPARE(store.pendingCount(), lastOutbox);
            if (ids.isEmpty()) {
                for (const OutboxMutation &m : store.pendingMutations())
                    ids.append(m.id);
            }
            SyncEngine engine(&api, &store, &server.clock());
            engine.setUserId(userId);
            engine.setWatchNetwork(false);
            engine.setPeriodicInterval(0);
            QSignalSpy done(&engine, &SyncEngine::syncFinished);
            engine.syncNow();
            QVERIFY(done.wait(60000));
            QVERIFY2(done.last().at(0).toBool(), qPrintable(done.last().at(1).toString()));
            QCOMPARE(store.pendingCount(), 0);
            QCOMPARE(store.problemCount(), 0);
            qInfo("pushed %s in %lld ms", qPrintable(QFileInfo(path).fileName()), clock.restart());
        }

        server::Database &db = server.server().database();
        QSqlQuery count = db.exec(
            QStringLiteral("SELECT COUNT(*) FROM applied_mutations WHERE user_id = ?"), { userId });
        QVERIFY(count.next());
        QCOMPARE(count.value(0).toInt(), lastOutbox);
        count.finish();
        for (const QString &id : std::as_const(ids)) {
            QSqlQuery one = db.exec(
                QStringLiteral(
                    "SELECT result FROM applied_mutations WHERE user_id = ? AND mutation_id = ?"),
                { userId, id });
            QVERIFY2(one.next(), qPrintable(id));
            QCOMPARE(QJsonDocument::fromJson(one.value(0).toString().toUtf8())
                         .object()
                         .value(QStringLiteral("status"))
                         .toString(),
                QStringLiteral("applied"));
        }
        // Each applied once: one version step per mutation, and the last one's value.
        QSqlQuery version
            = db.exec(QStringLiteral("SELECT version FROM users WHERE id = ?"), { userId });
        QVERIFY(version.next());
        QCOMPARE(version.value(0).toInt(), 1 + lastOutbox);
        version.finish();
        QCOMPARE(client.get(QStringLiteral("/me"), token)
                     .json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("learner"))
                     .toObject()
                     .value(QStringLiteral("mobile"))
                     .toString(),
            crash::mobile(lastOutbox));
    }

    // A rebuild killed at random: the cache is always the old one or the whole new one, never a
    // mix; the shadow holds exactly the changes up to the rebuild's cursor; a restart goes on.
    void sigkillDuringRebuild_oldCacheOrNewOne_resumed()
    {
        QRandomGenerator random(m_seed + 1);
        const QString path = temporaryDirectory() + QStringLiteral("/rebuild.sqlite");
        {
            LocalStore store;
            QVERIFY(store.open(path));
            for (qint64 from = 0; from < crash::OldCursor; from += crash::PageSize)
                QVERIFY(
                    store.applyPage(crash::page(from), crash::cursorFor(from + crash::PageSize)));
        }
        int kills = 0;
        int midRebuild = 0;
        int switched = 0;
        for (int run = 0; run < 24; ++run) {
            QProcess child;
            child.setProgram(QStringLiteral(XUESHI_CRASH_CHILD));
            child.setArguments({ QStringLiteral("rebuild"), path });
            QSignalSpy finished(&child, &QProcess::finished);
            child.start();
            QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
            QTRY_VERIFY_WITH_TIMEOUT(child.canReadLine() || finished.size() > 0, 10000);
            QVERIFY2(finished.isEmpty(), child.readAllStandardError().constData());
            const int delay = int(random.bounded(200));
            const qint64 pid = child.processId();
            QTimer::singleShot(delay, &child, [pid] { ::kill(pid_t(pid), SIGKILL); });
            QVERIFY(finished.wait(10000));
            if (child.exitStatus() != QProcess::CrashExit)
                QFAIL(qPrintable(QStringLiteral("the child stopped by itself: %1")
                                     .arg(QString::fromUtf8(child.readAllStandardError()))));
            ++kills;

            RawDb raw(path);
            QCOMPARE(raw.integrity(), QStringLiteral("ok"));
            const qint64 cursor = crash::cursorSeq(raw.meta(QStringLiteral("cursor")));
            QVERIFY2(cursor == crash::OldCursor || cursor == crash::RebuildCursor,
                qPrintable(QString::number(cursor)));
            if (cursor == crash::RebuildCursor)
                ++switched;
            QVERIFY2(holdsFeedUpTo(raw, QStringLiteral("entities"), cursor),
                qPrintable(QStringLiteral("run %1: the cache is not whole").arg(run)));
            const bool rebuilding = raw.meta(QStringLiteral("rebuilding")) == QLatin1String("1");
            const qint64 shadow
                = rebuilding ? crash::cursorSeq(raw.meta(QStringLiteral("rebuildCursor"))) : 0;
            QVERIFY(shadow >= 0 && shadow < crash::RebuildCursor);
            if (shadow > 0)
                ++midRebuild;
            QVERIFY2(holdsFeedUpTo(raw, QStringLiteral("rebuild_entities"), shadow),
                qPrintable(QStringLiteral("run %1: the shadow is not whole").arg(run)));
        }
        QCOMPARE(kills, 24);
        // Both were seen: killed mid-rebuild, and after a switch.
        QVERIFY2(midRebuild > 0 && switched > 0,
            qPrintable(
                QStringLiteral("%1 mid-rebuild, %2 switched").arg(midRebuild).arg(switched)));
        qInfo("%d kills: %d mid-rebuild, %d after a switch", kills, midRebuild, switched);
    }

private:
    // Whether `table` holds exactly what the generated feed up to `cursor` leaves.
    static bool holdsFeedUpTo(const RawDb &raw, const QString &table, qint64 cursor)
    {
        QHash<QString, qint64> actual;
        QSqlQuery q(raw.db());
        if (!q.exec(
                QStringLiteral("SELECT id, version, json_extract(data, '$.seq') FROM ") + table))
            return false;
        while (q.next()) {
            if (q.value(1).toLongLong() != q.value(2).toLongLong())
                return false;
            actual.insert(q.value(0).toString(), q.value(1).toLongLong());
        }
        QHash<QString, qint64> expected;
        for (int k = 0; k < crash::Ids && cursor > 0; ++k) {
            const qint64 last = cursor - ((cursor - k) % crash::Ids + crash::Ids) % crash::Ids;
            if (last >= 1 && !crash::isDelete(last))
                expected.insert(crash::idOf(last), last);
        }
        return actual == expected;
    }

    // Checks the pulled cache against the generated feed; returns its cursor's seq.
    qint64 checkPulled(const QString &path)
    {
        RawDb raw(path);
        if (!raw.isOpen()) {
            qWarning("cannot open %s", qPrintable(path));
            QTest::qFail("cannot open the pulled cache", __FILE__, __LINE__);
            return -1;
        }
        const QString integrity = raw.integrity();
        if (integrity != QLatin1String("ok")) {
            QTest::qFail(
                qPrintable(QStringLiteral("integrity_check: ") + integrity), __FILE__, __LINE__);
            return -1;
        }
        if (!raw.hasTable(QStringLiteral("entities")))
            return 0; // killed before the first migration committed: an empty file
        const qint64 cursor = crash::cursorSeq(raw.meta(QStringLiteral("cursor")));
        if (cursor < 0 || cursor % crash::PageSize != 0) {
            QTest::qFail("the cursor is not one the pages carry", __FILE__, __LINE__);
            return -1;
        }
        QHash<QString, qint64> actual;
        QSqlQuery q(raw.db());
        if (!q.exec(QStringLiteral("SELECT id, version, json_extract(data, '$.seq'), type"
                                   " FROM entities"))) {
            QTest::qFail(qPrintable(q.lastError().text()), __FILE__, __LINE__);
            return -1;
        }
        while (q.next()) {
            if (q.value(3).toString() != QLatin1String("item")
                || q.value(1).toLongLong() != q.value(2).toLongLong()) {
                QTest::qFail("an entity does not match its change", __FILE__, __LINE__);
                return -1;
            }
            actual.insert(q.value(0).toString(), q.value(1).toLongLong());
        }
        // What the feed up to the cursor leaves: each id's last change, unless a delete.
        QHash<QString, qint64> expected;
        for (int k = 0; k < crash::Ids && cursor > 0; ++k) {
            const qint64 last = cursor - ((cursor - k) % crash::Ids + crash::Ids) % crash::Ids;
            if (last >= 1 && !crash::isDelete(last))
                expected.insert(crash::idOf(last), last);
        }
        if (actual != expected) {
            qWarning("cursor %lld: %lld entities, %lld expected", cursor, qint64(actual.size()),
                qint64(expected.size()));
            QTest::qFail(
                "the cache does not hold exactly the changes up to its cursor", __FILE__, __LINE__);
            return -1;
        }
        return cursor;
    }

    // Checks the outbox and its local effects; returns the number of mutations.
    int checkOutbox(const QString &path, const QString &userId)
    {
        RawDb raw(path);
        const QString integrity = raw.integrity();
        if (integrity != QLatin1String("ok")) {
            QTest::qFail(
                qPrintable(QStringLiteral("integrity_check: ") + integrity), __FILE__, __LINE__);
            return -1;
        }
        QSqlQuery q(raw.db());
        if (!q.exec(QStringLiteral("SELECT id, type, entity_type, target, base_version, payload,"
                                   " state FROM outbox ORDER BY seq"))) {
            QTest::qFail(qPrintable(q.lastError().text()), __FILE__, __LINE__);
            return -1;
        }
        int rows = 0;
        while (q.next()) {
            ++rows;
            const QJsonObject payload
                = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
            if (q.value(0).toString().size() != 36
                || q.value(1).toString() != QLatin1String("profile.update")
                || q.value(2).toString() != QLatin1String("profile")
                || q.value(3).toString() != userId || q.value(4).toInt() != 1
                || q.value(6).toString() != QLatin1String("pending")
                || payload.value(QStringLiteral("mobile")).toString() != crash::mobile(rows)) {
                QTest::qFail(qPrintable(QStringLiteral("outbox row %1 is not whole").arg(rows)),
                    __FILE__, __LINE__);
                return -1;
            }
        }
        q.finish();
        // Every row's local effect landed with it, and no effect without its row.
        if (!q.exec(QStringLiteral("SELECT json_extract(data, '$.counter'),"
                                   " json_extract(data, '$.learner.mobile') FROM entities"
                                   " WHERE type = 'profile'"))
            || !q.next()) {
            QTest::qFail("the cached profile is gone", __FILE__, __LINE__);
            return -1;
        }
        if (q.value(0).toInt() != rows
            || (rows > 0 && q.value(1).toString() != crash::mobile(rows))) {
            QTest::qFail(qPrintable(QStringLiteral("local effect %1 with %2 outbox rows")
                                        .arg(q.value(0).toInt())
                                        .arg(rows)),
                __FILE__, __LINE__);
            return -1;
        }
        return rows;
    }

    quint32 m_seed = 0;
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_synccrash.moc"

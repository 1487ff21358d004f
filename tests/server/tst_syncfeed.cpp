// The change feed at scale (issue 13): pages merged from each audience's own index range, the
// count asked once, compaction (one entry per entity and audience, no deletes in a pull from the
// start), and restore detection (cursor past the counter, the high-water mark outside the
// database, the reasons of a 410).
#include "core/apierror.h"
#include "storage/database.h"
#include "sync/changelog.h"
#include "sync/syncservice.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace xueshi;
using namespace xueshi::test;
using server::ChangeLog;

namespace {

server::AuthenticatedUser userOf(const QString &id, Role role)
{
    server::AuthenticatedUser user;
    user.id = id;
    user.role = role;
    return user;
}

QString keyOf(const QJsonObject &change)
{
    return change.value(QStringLiteral("type")).toString() + QLatin1Char('/')
        + change.value(QStringLiteral("id")).toString();
}

// What a client holds after applying `changes` to `cache`: key -> version.
void fold(QMap<QString, qint64> *cache, const QList<QJsonObject> &changes)
{
    for (const QJsonObject &c : changes) {
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
            cache->remove(keyOf(c));
        else
            cache->insert(keyOf(c), qint64(c.value(QStringLiteral("version")).toDouble()));
    }
}

} // namespace

class TestSyncFeed : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void pages_interleavedAudiences_mergedInOrderAtEveryLimit();
    void pages_countOnlyWhenAsked();
    void pages_costFollowsThePageNotTheFeed();
    void freshPull_pageDeepInTheFeedCostsAsTheFirst();
    void entries_carryNoSeqAndDeletesNoData();
    void compaction_entityChangedFiftyTimesIsOneEntry();
    void compaction_newInstallGetsLatestVersionOfEachEntity();
    void compaction_deletesReachCursorsThatSawTheEntityOnly();
    void compaction_deleteDuringPullFromStartIsSent();
    void compaction_perAudienceSurvivors();
    void compaction_bindingCutForEmployerFullForLearner();
    void restore_cursorPastCounter_410Restored();
    void restore_scopeChanged_410Scope();
    void restore_counterBelowHighWater_newEpoch();
    void restore_backupPutBack_newEpochAtStart();
    void restore_cleanRestart_keepsEpoch();
    void restore_twoDataDirectoriesOneDatabase_noFalseAlarm();

private:
    server::Server &srv() { return m_server->server(); }
    void append(const QString &id, qint64 version, const QStringList &audiences,
        ChangeLog::Op op = ChangeLog::Op::Upsert, const QString &type = QStringLiteral("probe"));
    QJsonObject page(
        const server::AuthenticatedUser &user, const QString &since, int limit, bool count = false);
    // Every page from `since` to the end, checking each page's shape; the cursor at the end.
    QList<QJsonObject> pull(const server::AuthenticatedUser &user, const QString &since, int limit,
        QString *cursor = nullptr);
    QString cursorAtEnd(const server::AuthenticatedUser &user);
    // Appends `rows` in one transaction; on PostgreSQL then refreshes the statistics, as
    // autovacuum would after a bulk load like this one, only not within the test (without them
    // the planner guesses a handful of rows and sorts the audience's whole range).
    void appendBulk(const QList<ChangeLog::Entry> &rows);
    // The fastest of 15 reads of the page of 20 after `since`, in ns; -1 when a read brought
    // fewer than `minChanges` entries.
    qint64 bestPageTime(
        const server::AuthenticatedUser &user, const QString &since, int minChanges);
    // The error a pull from `since` throws (none: a default ApiError-less status 0).
    std::pair<int, QString> refusal(const server::AuthenticatedUser &user, const QString &since);
    qint64 logRows(const QString &type, const QString &id);
    QString metaValue(const QString &key);
    // What putting back a backup does to the feed: the history after `counter` is gone and the
    // mark's token is the backup's.
    void restoreTo(qint64 counter, const QString &token);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestSyncFeed::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
}

void TestSyncFeed::cleanup()
{
    m_client.reset();
    m_server.reset();
}

void TestSyncFeed::append(const QString &id, qint64 version, const QStringList &audiences,
    ChangeLog::Op op, const QString &type)
{
    server::Transaction tx(srv().database());
    srv().changeLog().append(type, id, version, op,
        op == ChangeLog::Op::Upsert ? QJsonObject { { QStringLiteral("v"), version } }
                                    : QJsonObject {},
        audiences);
    tx.commit();
}

QJsonObject TestSyncFeed::page(
    const server::AuthenticatedUser &user, const QString &since, int limit, bool count)
{
    return srv().sync().changes(user, since, limit, count);
}

QList<QJsonObject> TestSyncFeed::pull(
    const server::AuthenticatedUser &user, const QString &since, int limit, QString *cursorOut)
{
    QList<QJsonObject> all;
    QString cursor = since;
    for (int i = 0; i < 100000; ++i) {
        const QJsonObject p = page(user, cursor, limit);
        const QJsonArray list = p.value(QStringLiteral("changes")).toArray();
        const bool more = p.value(QStringLiteral("more")).toBool();
        if (list.size() > limit || (more && list.isEmpty())) {
            qWarning("bad page: %lld entries for limit %d, more %d", qint64(list.size()), limit,
                int(more));
            return {};
        }
        for (const QJsonValue &v : list)
            all.append(v.toObject());
        cursor = p.value(QStringLiteral("cursor")).toString();
        if (!more)
            break;
    }
    if (cursorOut)
        *cursorOut = cursor;
    return all;
}

void TestSyncFeed::appendBulk(const QList<ChangeLog::Entry> &rows)
{
    {
        server::Transaction tx(srv().database());
        srv().changeLog().appendMany(rows);
        tx.commit();
    }
    if (m_server->isPostgres()) {
        srv().database().exec(QStringLiteral("ANALYZE change_audience"));
        srv().database().exec(QStringLiteral("ANALYZE change_log"));
    }
}

qint64 TestSyncFeed::bestPageTime(
    const server::AuthenticatedUser &user, const QString &since, int minChanges)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int run = 0; run < 15; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QJsonObject p = page(user, since, 20);
        best = std::min(best, timer.nsecsElapsed());
        if (p.value(QStringLiteral("changes")).toArray().size() < minChanges)
            return -1;
    }
    return best;
}

QString TestSyncFeed::cursorAtEnd(const server::AuthenticatedUser &user)
{
    QString cursor;
    pull(user, {}, 1000, &cursor);
    return cursor;
}

std::pair<int, QString> TestSyncFeed::refusal(
    const server::AuthenticatedUser &user, const QString &since)
{
    try {
        page(user, since, 10);
    } catch (const server::ApiError &e) {
        return { e.status(), e.detailCode() };
    }
    return { 200, QString() };
}

qint64 TestSyncFeed::logRows(const QString &type, const QString &id)
{
    QSqlQuery q = srv().database().exec(
        QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity_type = ? AND entity_id = ?"),
        { type, id });
    return q.next() ? q.value(0).toLongLong() : -1;
}

QString TestSyncFeed::metaValue(const QString &key)
{
    QSqlQuery q = srv().database().exec(
        QStringLiteral("SELECT value FROM server_meta WHERE key LIKE ?"), { key });
    return q.next() ? q.value(0).toString() : QString();
}

void TestSyncFeed::restoreTo(qint64 counter, const QString &token)
{
    server::Database &db = srv().database();
    db.exec(QStringLiteral("DELETE FROM change_log WHERE seq > ?"), { counter });
    db.exec(QStringLiteral("UPDATE change_counter SET n = ? WHERE id = 1"), { counter });
    db.exec(QStringLiteral("UPDATE server_meta SET value = ? WHERE key LIKE 'high_water:%'"),
        { token });
}

void TestSyncFeed::pages_interleavedAudiences_mergedInOrderAtEveryLimit()
{
    // An HR office reads public, user:<id> and employerStaff:<id>; entries of the three are
    // interleaved, some reach two of them (one entry, sent once), others go to audiences it does
    // not read.
    const server::AuthenticatedUser hr = userOf(QStringLiteral("hr-1"), Role::Employer);
    const QString pub = ChangeLog::publicAudience();
    const QString own = ChangeLog::userAudience(hr.id);
    const QString staff = ChangeLog::employerStaffAudience(hr.id);
    const QString other = ChangeLog::userAudience(QStringLiteral("someone-else"));
    const QString otherStaff = ChangeLog::employerStaffAudience(QStringLiteral("hr-2"));
    const QString start = cursorAtEnd(hr);
    QStringList expected;
    const QList<QStringList> pattern { { staff }, { pub }, { staff, own }, { other }, { own },
        { staff }, { staff }, { pub, staff, own }, { otherStaff }, { pub }, { pub },
        { other, staff }, { own }, { other, otherStaff } };
    for (int round = 0; round < 5; ++round) {
        for (qsizetype i = 0; i < pattern.size(); ++i) {
            const QString id = QStringLiteral("p%1-%2").arg(round).arg(i);
            append(id, 1, pattern.at(i));
            const QStringList &to = pattern.at(i);
            if (to.contains(pub) || to.contains(own) || to.contains(staff))
                expected.append(QStringLiteral("probe/") + id);
        }
    }
    QCOMPARE(expected.size(), 55);
    for (const int limit : { 1, 2, 3, 4, 7, 10, 54, 55, 56, 1000 }) {
        QString end;
        const QList<QJsonObject> got = pull(hr, start, limit, &end);
        QStringList ids;
        for (const QJsonObject &c : got)
            ids.append(keyOf(c));
        QCOMPARE(ids, expected);
        // The end's cursor is where a later pull starts: nothing more, nothing missed.
        const QJsonObject after = page(hr, end, limit);
        QCOMPARE(after.value(QStringLiteral("changes")).toArray().size(), 0);
        QCOMPARE(after.value(QStringLiteral("more")).toBool(), false);
        QCOMPARE(after.value(QStringLiteral("cursor")).toString(), end);
    }
    // A page ending exactly at the last entry says there is no more.
    const QJsonObject exact = page(hr, start, 55);
    QCOMPARE(exact.value(QStringLiteral("changes")).toArray().size(), 55);
    QCOMPARE(exact.value(QStringLiteral("more")).toBool(), false);
    const QJsonObject short1 = page(hr, start, 54);
    QCOMPARE(short1.value(QStringLiteral("more")).toBool(), true);
    // The learner next door sees none of the HR office's entries.
    const server::AuthenticatedUser learner = userOf(QStringLiteral("someone-else"), Role::Learner);
    QStringList theirs;
    for (const QJsonObject &c : pull(learner, start, 5))
        theirs.append(c.value(QStringLiteral("id")).toString());
    for (const QString &id : std::as_const(theirs)) {
        const int i = id.section(QLatin1Char('-'), 1).toInt();
        QVERIFY2(pattern.at(i).contains(pub) || pattern.at(i).contains(other), qPrintable(id));
    }
}

void TestSyncFeed::pages_countOnlyWhenAsked()
{
    const server::AuthenticatedUser user = userOf(QStringLiteral("counter"), Role::Learner);
    const QString start = cursorAtEnd(user);
    for (int i = 0; i < 30; ++i)
        append(QStringLiteral("c%1").arg(i), 1,
            { i % 2 ? ChangeLog::publicAudience() : ChangeLog::userAudience(user.id) });
    const QJsonObject counted = page(user, start, 10, true);
    QCOMPARE(counted.value(QStringLiteral("remaining")).toDouble(), 20.0);
    const QJsonObject plain = page(user, start, 10);
    QVERIFY(!plain.contains(QStringLiteral("remaining")));
    QCOMPARE(plain.value(QStringLiteral("more")).toBool(), true);
    // Over HTTP: count=1 adds it, anything but 0 or 1 is refused.
    const TestAccount learner = registerAndLogin(*m_client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("countme"), QStringLiteral("44010619900101123")));
    const QList<QJsonObject> whole = pullAllChanges(*m_client, learner.token, 1000);
    TestReply r = m_client->get(QStringLiteral("/sync/changes?limit=10&count=1"), learner.token);
    QCOMPARE(r.status, 200);
    QCOMPARE(
        qint64(r.json.value(QStringLiteral("remaining")).toDouble()), qint64(whole.size() - 10));
    r = m_client->get(QStringLiteral("/sync/changes?limit=10&count=0"), learner.token);
    QCOMPARE(r.status, 200);
    QVERIFY(!r.json.contains(QStringLiteral("remaining")));
    for (const char *bad : { "x", "2", "", "true", "-1" }) {
        r = m_client->get(
            QStringLiteral("/sync/changes?count=") + QLatin1String(bad), learner.token);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("count"));
    }
}

void TestSyncFeed::pages_costFollowsThePageNotTheFeed()
{
    // The first page of a feed of 4N entries costs about what the first page of N costs: each
    // audience's range is read from the cursor on, no further than the page. (The former query
    // counted and sorted every remaining entry on every page.) Coarse on purpose: the best of
    // several runs, and a factor of 2.5 where the former cost grew 4-fold.
    constexpr int N = 4000;
    const auto firstPage = [this](const server::AuthenticatedUser &user, qint64 entries) {
        const QString start = cursorAtEnd(user);
        QList<ChangeLog::Entry> rows;
        for (qint64 i = 0; i < entries; ++i) {
            rows.append({ QStringLiteral("probe"), QStringLiteral("%1-%2").arg(user.id).arg(i), 1,
                ChangeLog::Op::Upsert, QJsonObject { { QStringLiteral("i"), double(i) } },
                { i % 3 ? ChangeLog::userAudience(user.id) : ChangeLog::publicAudience() } });
        }
        appendBulk(rows);
        const qint64 best = bestPageTime(user, start, 20);
        qDebug("first page of %lld entries: %lld µs", entries, best / 1000);
        return best;
    };
    const qint64 small = firstPage(userOf(QStringLiteral("small"), Role::Learner), N);
    // The public entries of the first user are still in the second one's feed: its feed is
    // larger still than 4N.
    const qint64 large = firstPage(userOf(QStringLiteral("large"), Role::Learner), 4 * N);
    QVERIFY(small > 0 && large > 0);
    QVERIFY2(double(large) < 2.5 * double(small),
        qPrintable(QStringLiteral("first page: %1 µs for N, %2 µs for 4N")
                       .arg(small / 1000)
                       .arg(large / 1000)));
}

void TestSyncFeed::freshPull_pageDeepInTheFeedCostsAsTheFirst()
{
    // A pull from the start leaves old deletes out. A page near the end of such a pull costs
    // about what its first page costs: on PostgreSQL the former join with the change log for
    // the op walked the log from its start up to the page (a merge join), and each equality on
    // the audience beside the row comparison started the range scan at the audience's first
    // entry: every page cost what came before it.
    constexpr int N = 12000;
    const server::AuthenticatedUser user = userOf(QStringLiteral("deep"), Role::Learner);
    QList<ChangeLog::Entry> rows;
    for (int i = 0; i < N; ++i) {
        const bool gone = i % 50 == 49;
        rows.append({ QStringLiteral("probe"), QStringLiteral("deep-%1").arg(i), 1,
            gone ? ChangeLog::Op::Delete : ChangeLog::Op::Upsert,
            gone ? QJsonObject() : QJsonObject { { QStringLiteral("i"), i } },
            { ChangeLog::userAudience(user.id) } });
    }
    appendBulk(rows);
    // The cursor of the fresh pull a few pages before its end.
    QString deep;
    int upserts = 0;
    int deletes = 0;
    QString at;
    for (;;) {
        const QJsonObject p = page(user, at, 1000);
        for (const QJsonValue &c : p.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject o = c.toObject();
            if (o.value(QStringLiteral("type")).toString() != QLatin1String("probe"))
                continue;
            if (o.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
                ++deletes;
            else
                ++upserts;
        }
        if (!p.value(QStringLiteral("more")).toBool())
            break;
        at = p.value(QStringLiteral("cursor")).toString();
        if (upserts + deletes < N - 2000)
            deep = at;
    }
    QCOMPARE(upserts, N - N / 50);
    QCOMPARE(deletes, 0); // deletes before the pull began are left out
    QVERIFY(!deep.isEmpty());
    const qint64 first = bestPageTime(user, QString(), 1);
    const qint64 late = bestPageTime(user, deep, 1);
    QVERIFY(first > 0 && late > 0);
    QVERIFY2(double(late) < 2.5 * double(first),
        qPrintable(QStringLiteral("fresh pull: %1 µs for the first page, %2 µs near the end")
                       .arg(first / 1000)
                       .arg(late / 1000)));
}

void TestSyncFeed::entries_carryNoSeqAndDeletesNoData()
{
    const server::AuthenticatedUser user = userOf(QStringLiteral("bytes"), Role::Learner);
    const QString start = cursorAtEnd(user);
    append(QStringLiteral("b1"), 1, { ChangeLog::userAudience(user.id) });
    append(QStringLiteral("b1"), 2, { ChangeLog::userAudience(user.id) }, ChangeLog::Op::Delete);
    const QList<QJsonObject> got = pull(user, start, 10);
    QCOMPARE(got.size(), 1);
    const QJsonObject change = got.first();
    QStringList keys = change.keys();
    keys.sort();
    QCOMPARE(keys,
        (QStringList { QStringLiteral("id"), QStringLiteral("op"), QStringLiteral("type"),
            QStringLiteral("version") }));
    QCOMPARE(change.value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
}

void TestSyncFeed::compaction_entityChangedFiftyTimesIsOneEntry()
{
    const server::AuthenticatedUser user = userOf(QStringLiteral("fifty"), Role::Learner);
    const QString start = cursorAtEnd(user);
    for (int v = 1; v <= 50; ++v)
        append(QStringLiteral("often"), v, { ChangeLog::userAudience(user.id) });
    QCOMPARE(logRows(QStringLiteral("probe"), QStringLiteral("often")), 1);
    const QList<QJsonObject> since = pull(user, start, 10);
    QCOMPARE(since.size(), 1);
    QCOMPARE(since.first().value(QStringLiteral("version")).toDouble(), 50.0);
    int fresh = 0;
    for (const QJsonObject &c : pull(user, {}, 1000))
        fresh += c.value(QStringLiteral("id")).toString() == QLatin1String("often");
    QCOMPARE(fresh, 1);
    // So do many versions appended at once.
    QList<ChangeLog::Entry> batch;
    for (int v = 51; v <= 80; ++v) {
        batch.append({ QStringLiteral("probe"), QStringLiteral("often"), v, ChangeLog::Op::Upsert,
            QJsonObject { { QStringLiteral("v"), v } }, { ChangeLog::userAudience(user.id) } });
    }
    server::Transaction tx(srv().database());
    srv().changeLog().appendMany(batch);
    tx.commit();
    QCOMPARE(logRows(QStringLiteral("probe"), QStringLiteral("often")), 1);
    const QList<QJsonObject> after = pull(user, start, 10);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().value(QStringLiteral("version")).toDouble(), 80.0);
}

void TestSyncFeed::compaction_newInstallGetsLatestVersionOfEachEntity()
{
    // Real changes through the routes: the learner edits their profile again and again.
    const TestAccount learner = registerAndLogin(*m_client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("editor"), QStringLiteral("44010619900101123")));
    for (int i = 0; i < 6; ++i) {
        const QList<QJsonObject> mine = pullAllChanges(*m_client, learner.token, 1000);
        qint64 version = 0;
        for (const QJsonObject &c : mine) {
            if (c.value(QStringLiteral("type")).toString() == QLatin1String("profile"))
                version = qint64(c.value(QStringLiteral("version")).toDouble());
        }
        const QJsonObject result
            = applyMutation(*m_client, learner, QStringLiteral("profile.update"), learner.id,
                version, { { QStringLiteral("mobile"), QStringLiteral("1391111000%1").arg(i) } });
        QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    }
    const QList<QJsonObject> fresh = pullAllChanges(*m_client, learner.token, 1000);
    QHash<QString, int> seen;
    for (const QJsonObject &c : fresh) {
        QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        ++seen[keyOf(c)];
    }
    for (auto it = seen.constBegin(); it != seen.constEnd(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    const QString profile = QStringLiteral("profile/") + learner.id;
    QVERIFY(seen.contains(profile));
    for (const QJsonObject &c : fresh) {
        if (keyOf(c) == profile) {
            QCOMPARE(c.value(QStringLiteral("data"))
                         .toObject()
                         .value(QStringLiteral("learner"))
                         .toObject()
                         .value(QStringLiteral("mobile"))
                         .toString(),
                QStringLiteral("13911110005"));
        }
    }
}

void TestSyncFeed::compaction_deletesReachCursorsThatSawTheEntityOnly()
{
    const server::AuthenticatedUser user = userOf(QStringLiteral("deleter"), Role::Learner);
    const QString own = ChangeLog::userAudience(user.id);
    append(QStringLiteral("gone"), 1, { own });
    append(QStringLiteral("stays"), 1, { own });
    QString sawIt;
    QMap<QString, qint64> cache;
    fold(&cache, pull(user, {}, 1000, &sawIt));
    QVERIFY(cache.contains(QStringLiteral("probe/gone")));
    append(QStringLiteral("gone"), 2, { own }, ChangeLog::Op::Delete);
    append(QStringLiteral("stays"), 2, { own });
    // The client that had it is told to delete it.
    const QList<QJsonObject> next = pull(user, sawIt, 1);
    QCOMPARE(next.size(), 2);
    QCOMPARE(next.at(0).value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
    fold(&cache, next);
    // A pull from the start carries no delete at all, in one page or in many, and ends with
    // what the first client has.
    for (const int limit : { 1000, 7, 1 }) {
        const QList<QJsonObject> fresh = pull(user, {}, limit);
        QMap<QString, qint64> rebuilt;
        for (const QJsonObject &c : fresh)
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("upsert"));
        fold(&rebuilt, fresh);
        QCOMPARE(rebuilt, cache);
    }
}

void TestSyncFeed::compaction_deleteDuringPullFromStartIsSent()
{
    // A pull from the start that already received an entity must get its delete, when the
    // delete comes while the pull is under way.
    const server::AuthenticatedUser user = userOf(QStringLiteral("midway"), Role::Learner);
    append(QStringLiteral("early"), 1, { ChangeLog::userAudience(user.id) });
    for (int i = 0; i < 20; ++i)
        append(QStringLiteral("filler%1").arg(i), 1, { ChangeLog::userAudience(user.id) });
    QMap<QString, qint64> cache;
    QString cursor;
    bool deleted = false;
    for (int i = 0; i < 100000; ++i) {
        const QJsonObject p = page(user, cursor, 200);
        QList<QJsonObject> list;
        for (const QJsonValue &v : p.value(QStringLiteral("changes")).toArray())
            list.append(v.toObject());
        fold(&cache, list);
        cursor = p.value(QStringLiteral("cursor")).toString();
        if (!deleted && cache.contains(QStringLiteral("probe/early"))) {
            append(QStringLiteral("early"), 2, { ChangeLog::userAudience(user.id) },
                ChangeLog::Op::Delete);
            deleted = true;
        }
        if (!p.value(QStringLiteral("more")).toBool())
            break;
    }
    QVERIFY(deleted);
    QVERIFY(!cache.contains(QStringLiteral("probe/early")));
    QVERIFY(cache.contains(QStringLiteral("probe/filler19")));
}

void TestSyncFeed::compaction_perAudienceSurvivors()
{
    const server::AuthenticatedUser a = userOf(QStringLiteral("aud-a"), Role::Learner);
    const server::AuthenticatedUser b = userOf(QStringLiteral("aud-b"), Role::Learner);
    const QString ta = ChangeLog::userAudience(a.id);
    const QString tb = ChangeLog::userAudience(b.id);
    append(QStringLiteral("shared"), 1, { ta, tb });
    append(QStringLiteral("shared"), 2, { ta });
    append(QStringLiteral("shared"), 3, { tb });
    append(QStringLiteral("shared"), 4, { ta });
    // Each audience keeps its own latest: version 4 for a, 3 for b; nothing else.
    QCOMPARE(logRows(QStringLiteral("probe"), QStringLiteral("shared")), 2);
    const auto versionFor = [this](const server::AuthenticatedUser &u) {
        QList<double> versions;
        for (const QJsonObject &c : pull(u, {}, 1000)) {
            if (c.value(QStringLiteral("id")).toString() == QLatin1String("shared"))
                versions.append(c.value(QStringLiteral("version")).toDouble());
        }
        return versions;
    };
    QCOMPARE(versionFor(a), QList<double> { 4 });
    QCOMPARE(versionFor(b), QList<double> { 3 });
}

void TestSyncFeed::compaction_bindingCutForEmployerFullForLearner()
{
    // A binding request rejected: the learner keeps it in full, the HR office a copy whose
    // `learner` holds the name only; each is its audience's latest and both survive.
    const TestAccount employer = registerApprovedEmployer(
        *m_server, *m_client, QStringLiteral("hr_office"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount learner = registerBindableLearner(
        *m_server, *m_client, QStringLiteral("bound"), QStringLiteral("44010619900101123"));
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QCOMPARE(applyMutation(*m_client, learner, QStringLiteral("binding.request"), id, 0,
                 { { QStringLiteral("employerId"), employer.id } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(applyMutation(*m_client, employer, QStringLiteral("binding.reject"), id, 1,
                 { { QStringLiteral("reason"), QStringLiteral("不是本单位职工") } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(logRows(QStringLiteral("binding"), id), 2);
    const auto bindingOf = [this, &id](const TestAccount &who) {
        QList<QJsonObject> found;
        for (const QJsonObject &c : pullAllChanges(*m_client, who.token, 1000)) {
            if (keyOf(c) == QStringLiteral("binding/") + id)
                found.append(c.value(QStringLiteral("data")).toObject());
        }
        return found;
    };
    const QList<QJsonObject> mine = bindingOf(learner);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QVERIFY(mine.first()
                .value(QStringLiteral("learner"))
                .toObject()
                .contains(QStringLiteral("residentId")));
    const QList<QJsonObject> theirs = bindingOf(employer);
    QCOMPARE(theirs.size(), 1);
    QCOMPARE(theirs.first().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(theirs.first().value(QStringLiteral("learner")).toObject().keys(),
        QStringList { QStringLiteral("realName") });
}

void TestSyncFeed::restore_cursorPastCounter_410Restored()
{
    const TestAccount learner = registerAndLogin(*m_client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("past"), QStringLiteral("44010619900101123")));
    QString mine;
    pullAllChanges(*m_client, learner.token, 1000, &mine);
    const server::AuthenticatedUser user = userOf(QStringLiteral("ahead"), Role::Learner);
    append(QStringLiteral("x"), 1, { ChangeLog::userAudience(user.id) });
    const QString cursor = cursorAtEnd(user);
    QCOMPARE(refusal(user, cursor).first, 200);
    // A cursor naming a change the server never made (the database went back in time), over
    // HTTP: the error object carries the detail.
    QStringList parts = mine.split(QLatin1Char('.'));
    parts[3] = QString::number(srv().changeLog().counter() + 5);
    const TestReply r = m_client->get(QStringLiteral("/sync/changes?since=")
            + QString::fromLatin1(QUrl::toPercentEncoding(parts.mid(0, 4).join(QLatin1Char('.')))),
        learner.token);
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), QStringLiteral("cursor_invalid"));
    QCOMPARE(
        r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toString(),
        QStringLiteral("restored"));
    // The same when the counter itself went back (a restored dump) below a cursor.
    restoreTo(srv().changeLog().counter() - 1, metaValue(QStringLiteral("high_water:%")));
    QCOMPARE(refusal(user, cursor), std::make_pair(410, QStringLiteral("restored")));
}

void TestSyncFeed::restore_scopeChanged_410Scope()
{
    const TestAccount learner = registerAndLogin(*m_client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("scoped"), QStringLiteral("44010619900101123")));
    QString cursor;
    pullAllChanges(*m_client, learner.token, 1000, &cursor);
    srv().database().exec(
        QStringLiteral("UPDATE users SET scope_version = scope_version + 1 WHERE id = ?"),
        { learner.id });
    const TestReply r = m_client->get(QStringLiteral("/sync/changes?since=")
            + QString::fromLatin1(QUrl::toPercentEncoding(cursor)),
        learner.token);
    QCOMPARE(r.status, 410);
    QCOMPARE(
        r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toString(),
        QStringLiteral("scope"));
    // A cursor of another epoch says "restored".
    srv().changeLog().newEpoch();
    const server::AuthenticatedUser user = userOf(learner.id, Role::Learner);
    QCOMPARE(refusal(user, cursor).second, QStringLiteral("restored"));
}

void TestSyncFeed::restore_counterBelowHighWater_newEpoch()
{
    // The rule while the server runs (so on PostgreSQL as on SQLite): the mark follows the
    // counter; a database found behind it, or carrying an older mark's token, gets a new epoch.
    const server::AuthenticatedUser user = userOf(QStringLiteral("water"), Role::Learner);
    append(QStringLiteral("w"), 1, { ChangeLog::userAudience(user.id) });
    srv().recordHighWater();
    const QString epoch = srv().changeLog().epoch();
    // The backup: the counter and the mark's token as they are now.
    const qint64 backupCounter = srv().changeLog().counter();
    const QString backupToken = metaValue(QStringLiteral("high_water:%"));
    QVERIFY(!backupToken.isEmpty());
    append(QStringLiteral("w"), 2, { ChangeLog::userAudience(user.id) });
    append(QStringLiteral("v"), 1, { ChangeLog::userAudience(user.id) });
    const QString cursor = cursorAtEnd(user);
    srv().recordHighWater();
    QCOMPARE(srv().changeLog().epoch(), epoch); // the counter only grew
    QVERIFY(metaValue(QStringLiteral("high_water:%")) != backupToken);

    // Restored: the database carries the backup's token, not the mark's.
    restoreTo(backupCounter, backupToken);
    srv().recordHighWater();
    const QString second = srv().changeLog().epoch();
    QVERIFY(second != epoch);
    QCOMPARE(refusal(user, cursor), std::make_pair(410, QStringLiteral("restored")));
    // The mark now follows the new epoch: no further epoch at the next check.
    srv().recordHighWater();
    QCOMPARE(srv().changeLog().epoch(), second);

    // Restored again, and new changes take the counter back past the mark before the next
    // check: the token still tells.
    const qint64 again = srv().changeLog().counter();
    const QString againToken = metaValue(QStringLiteral("high_water:%"));
    for (int i = 0; i < 3; ++i)
        append(QStringLiteral("u%1").arg(i), 1, { ChangeLog::userAudience(user.id) });
    const QString later = cursorAtEnd(user);
    srv().recordHighWater();
    restoreTo(again, againToken);
    for (int i = 0; i < 5; ++i)
        append(QStringLiteral("z%1").arg(i), 1, { ChangeLog::userAudience(user.id) });
    srv().recordHighWater();
    QVERIFY(srv().changeLog().epoch() != second);
    QCOMPARE(refusal(user, later), std::make_pair(410, QStringLiteral("restored")));
}

void TestSyncFeed::restore_backupPutBack_newEpochAtStart()
{
    // The administrator stops the server, puts an older backup back and starts it.
    const server::AuthenticatedUser user = userOf(QStringLiteral("restored"), Role::Learner);
    append(QStringLiteral("r"), 1, { ChangeLog::userAudience(user.id) });
    const QString dataDir = srv().options().dataDir;
    const QString file = QDir(dataDir).filePath(QStringLiteral("xueshi.sqlite"));
    const QString backup = QDir(dataDir).filePath(QStringLiteral("backup.sqlite"));
    const bool postgres = m_server->isPostgres();
    qint64 backupCounter = 0;
    const auto copyDatabase = [](const QString &from, const QString &to) {
        for (const QString &side : { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") }) {
            QFile::remove(to + side);
            if (QFile::exists(from + side) && !QFile::copy(from + side, to + side))
                return false;
        }
        return true;
    };
    QVERIFY(m_server->restart([&] {
        if (!postgres)
            QVERIFY(copyDatabase(file, backup));
    }));
    backupCounter = srv().changeLog().counter();
    const QString backupToken = metaValue(QStringLiteral("high_water:%"));
    const QString before = srv().changeLog().epoch();
    for (int v = 2; v <= 5; ++v)
        append(QStringLiteral("r"), v, { ChangeLog::userAudience(user.id) });
    append(QStringLiteral("s"), 1, { ChangeLog::userAudience(user.id) });
    const QString cursor = cursorAtEnd(user);
    const qint64 reached = srv().changeLog().counter();
    QVERIFY(reached > backupCounter);
    const server::DatabaseConfig config = srv().database().config();
    QVERIFY(m_server->restart([&] {
        if (postgres) {
            // No dump tool here: the history after the backup is cut off instead.
            server::Database db(config);
            db.exec(QStringLiteral("DELETE FROM change_log WHERE seq > ?"), { backupCounter });
            db.exec(
                QStringLiteral("UPDATE change_counter SET n = ? WHERE id = 1"), { backupCounter });
            db.exec(
                QStringLiteral("UPDATE server_meta SET value = ? WHERE key LIKE 'high_water:%'"),
                { backupToken });
        } else {
            QVERIFY(copyDatabase(backup, file));
        }
    }));
    QCOMPARE(srv().changeLog().counter(), backupCounter);
    QVERIFY(srv().changeLog().epoch() != before);
    QCOMPARE(refusal(user, cursor), std::make_pair(410, QStringLiteral("restored")));
    // Writes after the restore take the counter past the old cursor: it stays refused.
    for (int i = 0; i < int(reached - backupCounter) + 3; ++i)
        append(QStringLiteral("t%1").arg(i), 1, { ChangeLog::userAudience(user.id) });
    QCOMPARE(refusal(user, cursor), std::make_pair(410, QStringLiteral("restored")));
    // Starting over works, and the data is the backup's plus what came after (the history
    // cut off on PostgreSQL does not bring back what compaction removed, a real dump would).
    QMap<QString, qint64> cache;
    fold(&cache, pull(user, {}, 1000));
    if (!postgres)
        QCOMPARE(cache.value(QStringLiteral("probe/r")), 1);
    QVERIFY(!cache.contains(QStringLiteral("probe/s")));
    QVERIFY(cache.contains(QStringLiteral("probe/t0")));
}

void TestSyncFeed::restore_cleanRestart_keepsEpoch()
{
    const server::AuthenticatedUser user = userOf(QStringLiteral("steady"), Role::Learner);
    append(QStringLiteral("k"), 1, { ChangeLog::userAudience(user.id) });
    const QString cursor = cursorAtEnd(user);
    const QString epoch = srv().changeLog().epoch();
    QVERIFY(m_server->restart());
    QCOMPARE(srv().changeLog().epoch(), epoch);
    QCOMPARE(refusal(user, cursor).first, 200);
    // After `admin new-epoch` (run while the server is stopped) the start keeps that epoch.
    QString chosen;
    const server::ServerOptions options = srv().options();
    QVERIFY(m_server->restart([&] {
        server::Server admin(options);
        QString error;
        QVERIFY2(admin.openStorage(&error), qPrintable(error));
        chosen = admin.changeLog().newEpoch();
    }));
    QCOMPARE(srv().changeLog().epoch(), chosen);
}

void TestSyncFeed::restore_twoDataDirectoriesOneDatabase_noFalseAlarm()
{
    // Two servers on one PostgreSQL database, each with its own data directory: each keeps its
    // own token, so neither takes the other's marks for a restore.
    QTemporaryDir otherDir;
    QVERIFY(otherDir.isValid());
    server::ChangeLog other(srv().database(), srv().clock());
    other.setHighWaterFile(otherDir.filePath(QStringLiteral("sync-high-water.json")));
    const QString epoch = srv().changeLog().epoch();
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(other.checkHighWater(), QString());
        append(QStringLiteral("both%1").arg(i), 1, { ChangeLog::publicAudience() });
        srv().recordHighWater();
        append(QStringLiteral("again%1").arg(i), 1, { ChangeLog::publicAudience() });
    }
    QCOMPARE(other.checkHighWater(), QString());
    srv().recordHighWater();
    QCOMPARE(srv().changeLog().epoch(), epoch);
}

QTEST_GUILESS_MAIN(TestSyncFeed)
#include "tst_syncfeed.moc"

// The server's sync routes over real HTTPS: the change feed and its scopes, paging and cursors,
// mutations applied exactly once, conflicts and refusals, content with ranges, and (on
// PostgreSQL) a reader that never misses a change while writers commit concurrently.
#include "content/contentstore.h"
#include "services/accountservice.h"
#include "storage/database.h"
#include "sync/changelog.h"
#include "sync/syncservice.h"
#include "testserver.h"

#include <QJsonArray>
#include <QSet>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <random>
#include <thread>

using namespace xueshi;
using namespace xueshi::test;

namespace {

using Account = TestAccount;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void feed_learner_seesOwnAndPublicOnly();
    void feed_pages_inOrderWithoutGaps();
    void feed_cursorFromOtherEpoch_410();
    void feed_malformedCursorOrLimit_400();
    void feed_noToken_401();
    void mutation_profileUpdate_appliedAndInFeed();
    void mutation_replayedBatch_sameAnswersNothingChanged();
    void mutation_staleBaseVersion_conflictWithCurrent();
    void mutation_invalidValue_rejectedOthersApplied();
    void mutation_othersProfile_rejected();
    void mutation_malformedBatch_400NothingApplied();
    void mutation_connectionDropsAfterCommit_retryAppliesOnce();
    void content_rangeRequests_resume();
    void changeLog_concurrentWriters_readerMissesNothing();

private:
    Account registerAndLogin(const QString &username, const QString &first17);
    QList<QJsonObject> pullAll(const QString &token, int limit = 500, QString *cursor = nullptr);
    TestReply push(const QString &token, const QJsonArray &mutations);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestSync::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
}

void TestSync::cleanup()
{
    m_client.reset();
    m_server.reset();
}

Account TestSync::registerAndLogin(const QString &username, const QString &first17)
{
    return xueshi::test::registerAndLogin(
        *m_client, QStringLiteral("/accounts/learners"), learnerRegistration(username, first17));
}

QList<QJsonObject> TestSync::pullAll(const QString &token, int limit, QString *cursorOut)
{
    return pullAllChanges(*m_client, token, limit, cursorOut);
}

TestReply TestSync::push(const QString &token, const QJsonArray &mutations)
{
    return m_client->post(
        QStringLiteral("/sync/mutations"), { { QStringLiteral("mutations"), mutations } }, token);
}

void TestSync::feed_learner_seesOwnAndPublicOnly()
{
    const Account a
        = registerAndLogin(QStringLiteral("learner_a"), QStringLiteral("44010619900101123"));
    const Account b
        = registerAndLogin(QStringLiteral("learner_b"), QStringLiteral("44010619900101124"));
    QCOMPARE(m_client
                 ->post(QStringLiteral("/accounts/employers"),
                     organisationRegistration(
                         QStringLiteral("employer_e"), QStringLiteral("91440106MA59XK3T1")))
                 .status,
        201);
    // Listed in the directory once approved.
    QString error;
    QVERIFY2(m_server->server().accounts().approveOrganisation(
                 QStringLiteral("employer_e"), Role::Employer, &error),
        qPrintable(error));

    const QList<QJsonObject> changes = pullAll(a.token);
    QHash<QString, int> byType;
    QSet<QString> profiles;
    for (const QJsonObject &c : changes) {
        byType[c.value(QStringLiteral("type")).toString()]++;
        if (c.value(QStringLiteral("type")).toString() == QLatin1String("profile"))
            profiles.insert(c.value(QStringLiteral("id")).toString());
    }
    QVERIFY2(byType.value(QStringLiteral("region")) > 3000,
        qPrintable(QString::number(byType.value(QStringLiteral("region")))));
    QCOMPARE(byType.value(QStringLiteral("employer")), 1);
    QCOMPARE(profiles, QSet<QString> { a.id });
    // The directory entry carries no contact details.
    for (const QJsonObject &c : changes) {
        if (c.value(QStringLiteral("type")).toString() == QLatin1String("employer")) {
            const QJsonObject data = c.value(QStringLiteral("data")).toObject();
            QCOMPARE(data.value(QStringLiteral("regionName")).toString(),
                QStringLiteral("广东省 广州市 天河区"));
            QVERIFY(!data.contains(QStringLiteral("phone")));
            QVERIFY(!data.contains(QStringLiteral("email")));
        }
    }
    Q_UNUSED(b);
}

void TestSync::feed_pages_inOrderWithoutGaps()
{
    const Account a
        = registerAndLogin(QStringLiteral("pager"), QStringLiteral("44010619900101123"));
    const QList<QJsonObject> whole = pullAll(a.token, 1000);
    const QList<QJsonObject> paged = pullAll(a.token, 97);
    QVERIFY(whole.size() > 3000);
    QCOMPARE(paged.size(), whole.size());
    // The same entries in the same order, each once.
    QSet<QString> seen;
    for (qsizetype i = 0; i < paged.size(); ++i) {
        const QString key = paged.at(i).value(QStringLiteral("type")).toString() + QLatin1Char('/')
            + paged.at(i).value(QStringLiteral("id")).toString();
        QCOMPARE(key,
            whole.at(i).value(QStringLiteral("type")).toString() + QLatin1Char('/')
                + whole.at(i).value(QStringLiteral("id")).toString());
        QVERIFY2(!seen.contains(key), qPrintable(key));
        seen.insert(key);
    }
    // `remaining`, asked for with count=1, counts what follows the page; `more` ends it.
    const TestReply first
        = m_client->get(QStringLiteral("/sync/changes?limit=10&count=1"), a.token);
    QCOMPARE(qint64(first.json.value(QStringLiteral("remaining")).toDouble()),
        qint64(whole.size() - 10));
    QString cursor;
    pullAll(a.token, 1000, &cursor);
    const TestReply end = m_client->get(QStringLiteral("/sync/changes?since=") + cursor, a.token);
    QCOMPARE(end.status, 200);
    QCOMPARE(end.json.value(QStringLiteral("changes")).toArray().size(), 0);
    QCOMPARE(end.json.value(QStringLiteral("more")).toBool(), false);
    QCOMPARE(end.json.value(QStringLiteral("cursor")).toString(), cursor);
}

void TestSync::feed_cursorFromOtherEpoch_410()
{
    const Account a
        = registerAndLogin(QStringLiteral("epoch"), QStringLiteral("44010619900101123"));
    QString cursor;
    pullAll(a.token, 1000, &cursor);
    QCOMPARE(m_client->get(QStringLiteral("/sync/changes?since=") + cursor, a.token).status, 200);
    m_server->server().changeLog().newEpoch();
    const TestReply r = m_client->get(QStringLiteral("/sync/changes?since=") + cursor, a.token);
    QCOMPARE(r.status, 410);
    QCOMPARE(r.errorCode(), QStringLiteral("cursor_invalid"));
    // Starting over works.
    QVERIFY(pullAll(a.token, 1000).size() > 3000);
}

void TestSync::feed_malformedCursorOrLimit_400()
{
    const Account a
        = registerAndLogin(QStringLiteral("malformed"), QStringLiteral("44010619900101123"));
    for (const QString &bad :
        { QStringLiteral("garbage"), QStringLiteral("v1.x.1"), QStringLiteral("v1.e.1.-5") }) {
        const TestReply r = m_client->get(QStringLiteral("/sync/changes?since=") + bad, a.token);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("since"));
    }
    for (const QString &bad :
        { QStringLiteral("0"), QStringLiteral("1001"), QStringLiteral("ten") }) {
        const TestReply r = m_client->get(QStringLiteral("/sync/changes?limit=") + bad, a.token);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("limit"));
    }
}

void TestSync::feed_noToken_401()
{
    QCOMPARE(m_client->get(QStringLiteral("/sync/changes")).status, 401);
    QCOMPARE(push(QString(), {}).status, 401);
}

void TestSync::mutation_profileUpdate_appliedAndInFeed()
{
    const Account a
        = registerAndLogin(QStringLiteral("updater"), QStringLiteral("44010619900101123"));
    QString cursor;
    pullAll(a.token, 1000, &cursor);
    const QString id = newId();
    const TestReply r = push(a.token,
        { QJsonObject { { QStringLiteral("id"), id },
            { QStringLiteral("type"), QStringLiteral("profile.update") },
            { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 1 },
            { QStringLiteral("payload"),
                QJsonObject { { QStringLiteral("mobile"), QStringLiteral("13911112222") } } } } });
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    QCOMPARE(result.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(result.value(QStringLiteral("version")).toInt(), 2);

    const TestReply next = m_client->get(QStringLiteral("/sync/changes?since=") + cursor, a.token);
    const QJsonArray changes = next.json.value(QStringLiteral("changes")).toArray();
    QCOMPARE(changes.size(), 1);
    const QJsonObject change = changes.at(0).toObject();
    QCOMPARE(change.value(QStringLiteral("type")).toString(), QStringLiteral("profile"));
    QCOMPARE(change.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(change.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("mobile"))
                 .toString(),
        QStringLiteral("13911112222"));
}

void TestSync::mutation_replayedBatch_sameAnswersNothingChanged()
{
    const Account a
        = registerAndLogin(QStringLiteral("replayer"), QStringLiteral("44010619900101123"));
    const QJsonArray batch {
        QJsonObject { { QStringLiteral("id"), newId() },
            { QStringLiteral("type"), QStringLiteral("profile.update") },
            { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 1 },
            { QStringLiteral("payload"),
                QJsonObject { { QStringLiteral("email"), QStringLiteral("new@example.cn") } } } },
        QJsonObject { { QStringLiteral("id"), newId() },
            { QStringLiteral("type"), QStringLiteral("profile.update") },
            { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 2 },
            { QStringLiteral("payload"),
                QJsonObject { { QStringLiteral("mobile"), QStringLiteral("bad") } } } },
        QJsonObject { { QStringLiteral("id"), newId() },
            { QStringLiteral("type"), QStringLiteral("profile.update") },
            { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 2 },
            { QStringLiteral("payload"),
                QJsonObject { { QStringLiteral("mobile"), QStringLiteral("13700001111") } } } },
    };
    const TestReply first = push(a.token, batch);
    QCOMPARE(first.status, 200);
    const QJsonArray results = first.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("applied"));
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("rejected"));
    QCOMPARE(results.at(2).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("applied"));
    const qint64 logBefore = m_server->server()
                                 .database()
                                 .exec(QStringLiteral("SELECT COUNT(*) FROM change_log"))
                                 .next()
        ? 0
        : 0;
    Q_UNUSED(logBefore);
    QSqlQuery count
        = m_server->server().database().exec(QStringLiteral("SELECT COUNT(*) FROM change_log"));
    QVERIFY(count.next());
    const qint64 entries = count.value(0).toLongLong();
    count.finish();

    const TestReply second = push(a.token, batch);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json, first.json);
    QSqlQuery after
        = m_server->server().database().exec(QStringLiteral("SELECT COUNT(*) FROM change_log"));
    QVERIFY(after.next());
    QCOMPARE(after.value(0).toLongLong(), entries);
    after.finish();
    const TestReply me = m_client->get(QStringLiteral("/me"), a.token);
    QCOMPARE(me.json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("mobile"))
                 .toString(),
        QStringLiteral("13700001111"));
}

void TestSync::mutation_staleBaseVersion_conflictWithCurrent()
{
    const Account a
        = registerAndLogin(QStringLiteral("conflicted"), QStringLiteral("44010619900101123"));
    const auto update = [&](int base, const QString &mobile) {
        return push(a.token,
            { QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("type"), QStringLiteral("profile.update") },
                { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), base },
                { QStringLiteral("payload"),
                    QJsonObject { { QStringLiteral("mobile"), mobile } } } } })
            .json.value(QStringLiteral("results"))
            .toArray()
            .at(0)
            .toObject();
    };
    QCOMPARE(update(1, QStringLiteral("13600000001")).value(QStringLiteral("status")).toString(),
        QStringLiteral("applied"));
    // Made offline against version 1, sent after the change above.
    const QJsonObject conflict = update(1, QStringLiteral("13600000002"));
    QCOMPARE(conflict.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    const QJsonObject current = conflict.value(QStringLiteral("current")).toObject();
    QCOMPARE(current.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(current.value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("mobile"))
                 .toString(),
        QStringLiteral("13600000001"));
}

void TestSync::mutation_invalidValue_rejectedOthersApplied()
{
    const Account a
        = registerAndLogin(QStringLiteral("rejected"), QStringLiteral("44010619900101123"));
    const TestReply r = push(a.token,
        { QJsonObject { { QStringLiteral("id"), newId() },
              { QStringLiteral("type"), QStringLiteral("profile.update") },
              { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 1 },
              { QStringLiteral("payload"),
                  QJsonObject { { QStringLiteral("email"), QStringLiteral("not-an-email") } } } },
            QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("type"), QStringLiteral("no.such.type") },
                { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 1 } },
            QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("type"), QStringLiteral("profile.update") },
                { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 1 },
                { QStringLiteral("payload"),
                    QJsonObject {
                        { QStringLiteral("email"), QStringLiteral("ok@example.cn") } } } } });
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json.value(QStringLiteral("results")).toArray();
    const QJsonObject first = results.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(
        first.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("email"));
    QVERIFY(!first.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .isEmpty());
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("rejected"));
    QCOMPARE(results.at(2).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("applied"));
}

void TestSync::mutation_othersProfile_rejected()
{
    const Account a
        = registerAndLogin(QStringLiteral("intruder"), QStringLiteral("44010619900101123"));
    const Account b
        = registerAndLogin(QStringLiteral("victim"), QStringLiteral("44010619900101124"));
    const TestReply r = push(a.token,
        { QJsonObject { { QStringLiteral("id"), newId() },
            { QStringLiteral("type"), QStringLiteral("profile.update") },
            { QStringLiteral("target"), b.id }, { QStringLiteral("baseVersion"), 1 },
            { QStringLiteral("payload"),
                QJsonObject { { QStringLiteral("mobile"), QStringLiteral("13500000000") } } } } });
    const QJsonObject result = r.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(
        result.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("forbidden"));
    const TestReply me = m_client->get(QStringLiteral("/me"), b.token);
    QCOMPARE(me.json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("mobile"))
                 .toString(),
        QStringLiteral("13800138000"));
}

void TestSync::mutation_malformedBatch_400NothingApplied()
{
    const Account a
        = registerAndLogin(QStringLiteral("malformedbatch"), QStringLiteral("44010619900101123"));
    const QJsonObject good { { QStringLiteral("id"), newId() },
        { QStringLiteral("type"), QStringLiteral("profile.update") },
        { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 1 },
        { QStringLiteral("payload"),
            QJsonObject { { QStringLiteral("mobile"), QStringLiteral("13500000000") } } } };
    const TestReply badId = push(a.token,
        { good,
            QJsonObject { { QStringLiteral("id"), QStringLiteral("nope") },
                { QStringLiteral("type"), QStringLiteral("profile.update") } } });
    QCOMPARE(badId.status, 400);
    QCOMPARE(badId.errorField(), QStringLiteral("mutations[1].id"));
    QCOMPARE(m_client
                 ->post(QStringLiteral("/sync/mutations"),
                     { { QStringLiteral("mutations"), QStringLiteral("x") } }, a.token)
                 .status,
        400);
    QCOMPARE(
        m_client
            ->post(QStringLiteral("/sync/mutations"), { { QStringLiteral("other"), 1 } }, a.token)
            .errorCode(),
        QStringLiteral("unknown_field"));
    QJsonArray tooMany;
    for (int i = 0; i < 101; ++i)
        tooMany.append(good);
    QCOMPARE(push(a.token, tooMany).status, 413);
    const TestReply me = m_client->get(QStringLiteral("/me"), a.token);
    QCOMPARE(me.json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("mobile"))
                 .toString(),
        QStringLiteral("13800138000"));
}

void TestSync::mutation_connectionDropsAfterCommit_retryAppliesOnce()
{
    const Account a
        = registerAndLogin(QStringLiteral("dropped"), QStringLiteral("44010619900101123"));
    const QJsonObject mutation { { QStringLiteral("id"), newId() },
        { QStringLiteral("type"), QStringLiteral("profile.update") },
        { QStringLiteral("target"), a.id }, { QStringLiteral("baseVersion"), 1 },
        { QStringLiteral("payload"),
            QJsonObject { { QStringLiteral("mobile"), QStringLiteral("13300000000") } } } };
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("mutations"), QJsonArray { mutation } } })
              .toJson(QJsonDocument::Compact);

    // Send the request; once the server has committed it, hang up without reading the answer.
    // (Hanging up earlier may drop the request unrun, by design: a queued request whose client
    // left is never run. The retry below covers both.)
    {
        QSslSocket socket;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({ m_server->certificate() });
        socket.setSslConfiguration(tls);
        QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->port());
        QVERIFY(encrypted.wait(10000));
        socket.write("POST /api/v1/sync/mutations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                     "application/json\r\n"
                     "Authorization: Bearer "
            + a.token.toUtf8() + "\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n\r\n" + body);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_server->server()
                .database()
                .exec(QStringLiteral("SELECT 1 FROM applied_mutations WHERE mutation_id = ?"),
                    { mutation.value(QStringLiteral("id")).toString() })
                .next(),
            10000);
        socket.abort();
    }

    // The client never saw the answer and retries: the same outcome, applied once.
    const TestReply retry = push(a.token, { mutation });
    const QJsonObject result
        = retry.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    QCOMPARE(result.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(result.value(QStringLiteral("version")).toInt(), 2);
    QSqlQuery v = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { a.id });
    QVERIFY(v.next());
    QCOMPARE(v.value(0).toInt(), 2);
}

void TestSync::content_rangeRequests_resume()
{
    const Account a
        = registerAndLogin(QStringLiteral("reader"), QStringLiteral("44010619900101123"));
    QByteArray bytes;
    for (int i = 0; i < 100000; ++i)
        bytes.append(char('a' + i % 26));
    const QString hash = m_server->server().content().put(bytes);
    QCOMPARE(hash.size(), 64);

    const TestReply whole = m_client->get(QStringLiteral("/content/") + hash, a.token);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.body, bytes);
    QCOMPARE(whole.header("accept-ranges"), QByteArrayLiteral("bytes"));

    QNetworkRequest request(m_server->url(QStringLiteral("/content/") + hash));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ m_server->certificate() });
    request.setSslConfiguration(tls);
    request.setRawHeader("Authorization", "Bearer " + a.token.toUtf8());
    request.setRawHeader("Range", "bytes=40000-");
    QNetworkReply *reply = m_client->network().get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 206);
    QCOMPARE(reply->rawHeader("Content-Range"), QByteArrayLiteral("bytes 40000-99999/100000"));
    QCOMPARE(reply->readAll(), bytes.mid(40000));
    reply->deleteLater();

    QCOMPARE(
        m_client->get(QStringLiteral("/content/") + QString(64, QLatin1Char('0')), a.token).status,
        404);
    QCOMPARE(m_client->get(QStringLiteral("/content/..%2Fxueshi.sqlite"), a.token).status, 404);
    QCOMPARE(m_client->get(QStringLiteral("/content/") + hash).status, 401);
}

void TestSync::changeLog_concurrentWriters_readerMissesNothing()
{
    // Writers commit changes in overlapping transactions while a reader follows the feed with
    // its cursor; at the end the reader must have seen every change exactly once.
    server::Server &srv = m_server->server();
    const Account reader
        = registerAndLogin(QStringLiteral("follower"), QStringLiteral("44010619900101123"));
    QString cursor;
    pullAll(reader.token, 1000, &cursor);
    server::AuthenticatedUser user;
    user.id = reader.id;
    user.role = Role::Learner;

    constexpr int Writers = 4;
    constexpr int PerWriter = 60;
    std::atomic<int> writersDone { 0 };
    std::atomic<bool> failed { false };
    std::vector<std::thread> writers;
    for (int w = 0; w < Writers; ++w) {
        writers.emplace_back([&, w] {
            std::mt19937 random(unsigned(w) * 7919u);
            try {
                for (int i = 0; i < PerWriter; ++i) {
                    server::Transaction tx(srv.database());
                    srv.changeLog().append(QStringLiteral("probe"),
                        QStringLiteral("w%1-%2").arg(w).arg(i), 1, server::ChangeLog::Op::Upsert,
                        QJsonObject { { QStringLiteral("w"), w } },
                        { server::ChangeLog::publicAudience() });
                    // Hold the transaction open a little so others overlap it.
                    std::this_thread::sleep_for(std::chrono::microseconds(random() % 2000));
                    tx.commit();
                }
            } catch (const std::exception &e) {
                qWarning("writer failed: %s", e.what());
                failed = true;
            }
            ++writersDone;
        });
    }
    QSet<QString> seen;
    QList<QString> order;
    std::thread follower([&] {
        try {
            QString at = cursor;
            bool finalPass = false;
            while (true) {
                const bool allDone = writersDone.load() == Writers;
                const QJsonObject page = srv.sync().changes(user, at, 50);
                for (const QJsonValue &v : page.value(QStringLiteral("changes")).toArray()) {
                    const QJsonObject c = v.toObject();
                    order.append(c.value(QStringLiteral("id")).toString());
                    seen.insert(c.value(QStringLiteral("id")).toString());
                }
                at = page.value(QStringLiteral("cursor")).toString();
                if (finalPass && !page.value(QStringLiteral("more")).toBool())
                    break;
                if (allDone)
                    finalPass = true;
            }
        } catch (const std::exception &e) {
            qWarning("reader failed: %s", e.what());
            failed = true;
        }
    });
    for (std::thread &t : writers)
        t.join();
    follower.join();
    QVERIFY(!failed);
    QCOMPARE(seen.size(), Writers * PerWriter);
    QCOMPARE(order.size(), qsizetype(Writers * PerWriter));
    // Each writer committed its changes one after the other: the reader got them in that order.
    QList<int> next(Writers, 0);
    for (const QString &id : std::as_const(order)) {
        const int w = id.mid(1, id.indexOf(QLatin1Char('-')) - 1).toInt();
        QCOMPARE(id, QStringLiteral("w%1-%2").arg(w).arg(next[w]));
        ++next[w];
    }
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"

// The feed gzip-encoded end to end (issue 13, contract point 5): the server compresses the answer
// of GET /sync/changes when asked, and the desktop client's ApiClient, through Qt's
// QNetworkAccessManager, asks for it and reads the decoded JSON. Runs on SQLite and PostgreSQL.
#include "apiclient.h"
#include "servertrust.h"
#include "testserver.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QSettings>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

using namespace xueshi;
using namespace xueshi::test;

class TestSyncGzip final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void apiClient_readsCompressedFeed();
    void rawRequest_sameFeedCompressedOrNot();
};

void TestSyncGzip::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSyncGzip::apiClient_readsCompressedFeed()
{
    TestServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    TestClient client(server);
    const TestAccount learner = registerAndLogin(client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("gzip_reader"), QStringLiteral("44010619900101123")));
    QVERIFY(!learner.token.isEmpty());

    QSettings settings(temporaryDirectory() + QStringLiteral("/trust.ini"), QSettings::IniFormat);
    ServerTrust trust(&settings);
    trust.pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
    QNetworkAccessManager network;
    ApiClient api(&network, &trust);
    api.setServerUrl(server.baseUrl());
    api.setBearerToken(learner.token);

    ApiResult result;
    bool done = false;
    QByteArray encoding;
    QNetworkReply *reply
        = api.get(QStringLiteral("/sync/changes?limit=1000"), nullptr, [&](const ApiResult &r) {
              result = r;
              done = true;
          });
    QVERIFY(reply);
    connect(reply, &QNetworkReply::metaDataChanged, this,
        [&] { encoding = reply->rawHeader("content-encoding"); });
    QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    // Compressed on the wire (the first page holds the public regions: far above 1 KiB) ...
    QCOMPARE(encoding, QByteArray("gzip"));
    // ... and read as the same feed as a client that does not ask for gzip gets.
    const QJsonArray changes = result.body.value(QStringLiteral("changes")).toArray();
    QVERIFY(changes.size() > 100);
    const QList<QJsonObject> plain = pullAllChanges(client, learner.token, 1000);
    QVERIFY(plain.size() >= changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i)
        QCOMPARE(changes.at(i).toObject(), plain.at(i));
}

void TestSyncGzip::rawRequest_sameFeedCompressedOrNot()
{
    // Byte for byte: the same page asked for with and without gzip, on one TLS connection.
    TestServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
    TestClient client(server);
    const TestAccount learner = registerAndLogin(client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("gzip_raw"), QStringLiteral("44010619900101123")));
    QSslSocket socket;
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.addCaCertificate(server.certificate());
    socket.setSslConfiguration(configuration);
    socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
    socket.ignoreSslErrors();
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QVERIFY(QTest::qWaitFor([&] { return socket.isEncrypted(); }, 10000));

    QByteArray received;
    connect(&socket, &QIODevice::readyRead, this, [&] { received += socket.readAll(); });
    const auto fetch = [&](const QByteArray &acceptEncoding) {
        received.clear();
        socket.write("GET /api/v1/sync/changes?limit=300 HTTP/1.1\r\nhost: 127.0.0.1\r\n"
                     "authorization: Bearer "
            + learner.token.toLatin1() + "\r\naccept-encoding: " + acceptEncoding + "\r\n\r\n");
        QPair<QByteArray, QByteArray> response; // head, body
        (void)QTest::qWaitFor(
            [&] {
                const qsizetype end = received.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                const QByteArray head = received.left(end).toLower();
                const qsizetype at = head.indexOf("content-length: ");
                const qsizetype eol = head.indexOf("\r\n", at);
                const qsizetype length = head.mid(at + 16, eol - at - 16).toLongLong();
                if (received.size() < end + 4 + length)
                    return false;
                response = { head, received.mid(end + 4, length) };
                return true;
            },
            20000);
        return response;
    };
    const auto compressed = fetch("gzip");
    const auto plain = fetch("identity");
    QVERIFY(compressed.first.contains("\r\ncontent-encoding: gzip"));
    QVERIFY(compressed.first.contains("\r\nvary: accept-encoding"));
    QVERIFY(!plain.first.contains("content-encoding"));
    QVERIFY(plain.first.contains("\r\nvary: accept-encoding"));
    QVERIFY(plain.second.size() > 4 * compressed.second.size());
    QCOMPARE(gunzip(compressed.second), plain.second);
}

QTEST_GUILESS_MAIN(TestSyncGzip)
#include "tst_syncgzip.moc"

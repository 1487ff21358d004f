// Request ids, the access log and the metrics, against the real server on SQLite and on
// PostgreSQL: an id on every answer (success, refusal, the transport's own protocol errors) and in
// every error body, unique, never taken from a client; one access line per answer without
// queries or tokens; the metrics listener's exposition format, its counters moving, and refusals
// of anything but a local, unproxied GET /metrics.
#include "api/router.h"
#include "core/serverconfig.h"
#include "http/httpconnection.h"
#include "metrics/metrics.h"
#include "notify/outboxsender.h"
#include "testserver.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace xueshi;
using namespace xueshi::test;

namespace {

// One request on a fresh connection that the server closes after the answer; the raw answer.
QByteArray exchange(quint16 port, const QByteArray &request, const QSslCertificate *trusted)
{
    std::unique_ptr<QTcpSocket> socket;
    if (trusted) {
        auto ssl = std::make_unique<QSslSocket>();
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.addCaCertificate(*trusted);
        ssl->setSslConfiguration(configuration);
        ssl->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        if (!QTest::qWaitFor([&ssl] { return ssl->isEncrypted(); }, 5000))
            return {};
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, port);
        if (!socket->waitForConnected(5000))
            return {};
    }
    socket->write(request);
    QByteArray answer;
    [[maybe_unused]] const bool closed = QTest::qWaitFor(
        [&] {
            answer += socket->readAll();
            return socket->state() == QAbstractSocket::UnconnectedState;
        },
        10000);
    answer += socket->readAll();
    return answer;
}

int statusOf(const QByteArray &answer)
{
    return answer.mid(9, 3).toInt();
}

QByteArray headerOf(const QByteArray &answer, const QByteArray &name)
{
    const QByteArray head = answer.left(answer.indexOf("\r\n\r\n"));
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray bodyOf(const QByteArray &answer)
{
    return answer.mid(answer.indexOf("\r\n\r\n") + 4);
}

QString bodyRequestId(const QByteArray &body)
{
    return QJsonDocument::fromJson(body)
        .object()
        .value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("requestId"))
        .toString();
}

const QRegularExpression kGeneratedId(QStringLiteral("^[0-9a-f]{32}$"));

// The access lines logged meanwhile.
QMutex g_linesMutex;
QStringList g_accessLines;
QtMessageHandler g_previousHandler = nullptr;

void captureAccessLines(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && qstrcmp(context.category, "xueshi.server.access") == 0) {
        QMutexLocker lock(&g_linesMutex);
        g_accessLines.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// The value of one sample in an exposition, or -1 when it is not there.
double sample(const QByteArray &exposition, const QByteArray &series)
{
    for (const QByteArray &line : exposition.split('\n')) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return -1;
}

} // namespace

class TestObservability final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { g_previousHandler = qInstallMessageHandler(captureAccessLines); }
    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void requestId_onEveryAnswerAndInErrorBodies()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        TestClient client(server);
        // A success.
        const TestReply health = client.get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QVERIFY2(kGeneratedId.match(QString::fromLatin1(health.header("x-request-id"))).hasMatch(),
            health.header("x-request-id").constData());
        // The router's refusals: no route, wrong method, no token, a service's refusal.
        for (const TestReply &reply : { client.get(QStringLiteral("/nothing/here")),
                 client.del(QStringLiteral("/health")), client.get(QStringLiteral("/me")),
                 client.post(QStringLiteral("/session"),
                     { { QStringLiteral("username"), QStringLiteral("nobody") },
                         { QStringLiteral("password"), QStringLiteral("Wrong1234") } }) }) {
            QVERIFY2(reply.status >= 400, qPrintable(QString::number(reply.status)));
            const QByteArray id = reply.header("x-request-id");
            QVERIFY2(
                kGeneratedId.match(QString::fromLatin1(id)).hasMatch(), reply.body.constData());
            QCOMPARE(bodyRequestId(reply.body), QString::fromLatin1(id));
        }
        // An error body a controller wrote itself (the content route's 416) gets it too, once.
        server::HttpResponse own = server::HttpResponse::json(416,
            QJsonObject { { QStringLiteral("error"),
                QJsonObject {
                    { QStringLiteral("code"), QStringLiteral("range_not_satisfiable") } } } });
        server::Router::stampRequestId(own, "00ff");
        QCOMPARE(bodyRequestId(own.body), QStringLiteral("00ff"));
        server::Router::stampRequestId(own, "11ee");
        QCOMPARE(bodyRequestId(own.body), QStringLiteral("00ff"));
        server::HttpResponse fine
            = server::HttpResponse::json(200, { { QStringLiteral("ok"), true } });
        server::Router::stampRequestId(fine, "00ff");
        QVERIFY(!fine.body.contains("requestId"));
        // The transport's own: a body declared too large, refused before it is read.
        const QSslCertificate certificate = server.certificate();
        const QByteArray tooLarge = exchange(server.port(),
            "POST /api/v1/session HTTP/1.1\r\nhost: localhost\r\ncontent-length: 99999999\r\n\r\n",
            &certificate);
        QCOMPARE(statusOf(tooLarge), 413);
        const QByteArray id = headerOf(tooLarge, "x-request-id");
        QVERIFY2(kGeneratedId.match(QString::fromLatin1(id)).hasMatch(), tooLarge.constData());
        QCOMPARE(bodyRequestId(bodyOf(tooLarge)), QString::fromLatin1(id));
        // A malformed head too.
        const QByteArray malformed = exchange(
            server.port(), "GET /a%zz HTTP/1.1\r\nhost: localhost\r\n\r\n", &certificate);
        QCOMPARE(statusOf(malformed), 400);
        QCOMPARE(bodyRequestId(bodyOf(malformed)),
            QString::fromLatin1(headerOf(malformed, "x-request-id")));
        QVERIFY(!headerOf(malformed, "x-request-id").isEmpty());
    }

    void requestId_unique_andNeverTheClientsOwn()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        TestClient client(server);
        QSet<QByteArray> ids;
        for (int i = 0; i < 200; ++i)
            ids.insert(client.get(QStringLiteral("/health")).header("x-request-id"));
        QCOMPARE(ids.size(), 200);
        // A client's X-Request-Id is not believed: it could forge the ids of the log.
        const QSslCertificate certificate = server.certificate();
        const QByteArray answer = exchange(server.port(),
            "GET /api/v1/health HTTP/1.1\r\nhost: localhost\r\nx-request-id: forged-id\r\n"
            "connection: close\r\n\r\n",
            &certificate);
        QCOMPARE(statusOf(answer), 200);
        QVERIFY(headerOf(answer, "x-request-id") != "forged-id");
        QVERIFY(
            kGeneratedId.match(QString::fromLatin1(headerOf(answer, "x-request-id"))).hasMatch());
        // Behind a trusted proxy (HttpLimits::trustRequestIdHeader) a well-formed one is kept,
        // anything else replaced.
        server::HttpRequest request;
        request.headers.append({ QByteArrayLiteral("x-request-id"),
            QByteArrayLiteral("0123456789abcdef0123456789abcdef") });
        QCOMPARE(
            server::requestIdFor(request, true), QByteArray("0123456789abcdef0123456789abcdef"));
        QVERIFY(server::requestIdFor(request, false) != "0123456789abcdef0123456789abcdef");
        for (const QByteArray &bad : { QByteArray("has space"), QByteArray("semi;colon"),
                 QByteArray(65, 'a'), QByteArray("quote\"") }) {
            request.headers = { { QByteArrayLiteral("x-request-id"), bad } };
            QVERIFY(kGeneratedId.match(QString::fromLatin1(server::requestIdFor(request, true)))
                        .hasMatch());
        }
    }

    void accessLog_oneLinePerAnswer_noQueryNoToken()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        TestClient client(server);
        const TestAccount learner = registerAndLogin(client, QStringLiteral("/accounts/learners"),
            learnerRegistration(QStringLiteral("loglearner"), QStringLiteral("44010619900101123")));
        QVERIFY(!learner.token.isEmpty());
        {
            QMutexLocker lock(&g_linesMutex);
            g_accessLines.clear();
        }
        const TestReply me = client.get(QStringLiteral("/me"), learner.token);
        QCOMPARE(me.status, 200);
        const TestReply changes
            = client.get(QStringLiteral("/sync/changes?limit=5&since=secretcursor"), learner.token);
        QCOMPARE(changes.status, 400);
        QStringList lines;
        QTRY_VERIFY(([&] {
            QMutexLocker lock(&g_linesMutex);
            lines = g_accessLines;
            return lines.size() >= 2;
        }()));
        QCOMPARE(lines.size(), 2);
        const QRegularExpression line(
            QStringLiteral("^(GET|POST) (\\S+) (\\d{3}) (\\d+)ms (\\d+)B id=([0-9a-f]{32})$"));
        const QRegularExpressionMatch first = line.match(lines.at(0));
        QVERIFY2(first.hasMatch(), qPrintable(lines.at(0)));
        QCOMPARE(first.captured(2), QStringLiteral("/api/v1/me"));
        QCOMPARE(first.captured(3), QStringLiteral("200"));
        QCOMPARE(first.captured(5).toLongLong(), qint64(me.body.size()));
        QCOMPARE(first.captured(6), QString::fromLatin1(me.header("x-request-id")));
        const QRegularExpressionMatch second = line.match(lines.at(1));
        QVERIFY2(second.hasMatch(), qPrintable(lines.at(1)));
        QCOMPARE(second.captured(2), QStringLiteral("/api/v1/sync/changes"));
        QCOMPARE(second.captured(3), QStringLiteral("400"));
        // What the client put in a path (a resident id, a phone number) stays out: the route
        // template is logged, or "-" when none matched.
        {
            QMutexLocker lock(&g_linesMutex);
            g_accessLines.clear();
        }
        QCOMPARE(
            client.get(QStringLiteral("/users/440106199001011234"), learner.token).status, 403);
        QCOMPARE(client.get(QStringLiteral("/13800138000")).status, 404);
        QTRY_VERIFY(([&] {
            QMutexLocker lock(&g_linesMutex);
            lines.append(g_accessLines);
            g_accessLines.clear();
            return lines.size() >= 4;
        }()));
        QVERIFY2(lines.at(2).startsWith(QLatin1String("GET /api/v1/users/{id} 403 ")),
            qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).startsWith(QLatin1String("GET - 404 ")), qPrintable(lines.at(3)));
        for (const QString &l : std::as_const(lines)) {
            QVERIFY2(
                !l.contains(QLatin1String("440106")) && !l.contains(QLatin1String("13800138000")),
                qPrintable(l));
            QVERIFY2(!l.contains(learner.token) && !l.contains(QLatin1String("secretcursor"))
                    && !l.contains(QLatin1String("limit=")),
                qPrintable(l));
        }
    }

    void metrics_exposition_countersMove()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        QString error;
        QVERIFY2(server.server().listenMetrics(0, &error), qPrintable(error));
        const quint16 port = server.server().metricsPort();
        QVERIFY(port > 0);
        const auto scrape = [port] {
            const QByteArray answer = exchange(port,
                "GET /metrics HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n", nullptr);
            if (statusOf(answer) != 200
                || !headerOf(answer, "content-type").startsWith("text/plain; version=0.0.4"))
                return QByteArray();
            return bodyOf(answer);
        };
        TestClient client(server);
        const TestAccount learner = registerAndLogin(client, QStringLiteral("/accounts/learners"),
            learnerRegistration(
                QStringLiteral("metriclearner"), QStringLiteral("44010619900101123")));
        const QByteArray before = scrape();
        QVERIFY(!before.isEmpty());
        // Every line is a comment (# HELP / # TYPE) or a sample: name, optional labels, value.
        const QRegularExpression sampleLine(QStringLiteral(
            "^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\.)*\""
            "(,[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\.)*\")*\\})? "
            "(-?[0-9.]+(e[-+]?[0-9]+)?|\\+Inf|-Inf|NaN)$"));
        const QRegularExpression comment(
            QStringLiteral("^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .+|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* "
                           "(counter|gauge|histogram))$"));
        QVERIFY(before.endsWith('\n'));
        for (const QByteArray &l : before.trimmed().split('\n')) {
            const QString text = QString::fromUtf8(l);
            QVERIFY2(
                sampleLine.match(text).hasMatch() || comment.match(text).hasMatch(), l.constData());
        }
        const QByteArray health
            = "xueshi_http_requests_total{method=\"GET\",route=\"/api/v1/health\",status=\"2xx\"}";
        const double healthBefore = qMax(0.0, sample(before, health));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client.get(QStringLiteral("/health")).status, 200);
        client.get(QStringLiteral("/users/no-such-user"), learner.token);
        QVERIFY(pullAllChanges(client, learner.token, 500).size() > 0);
        const QByteArray after = scrape();
        QCOMPARE(sample(after, health), healthBefore + 5);
        QVERIFY(sample(after, "xueshi_sync_pages_total") >= 2);
        QCOMPARE(
            sample(after, "xueshi_sync_pages_total") - sample(before, "xueshi_sync_pages_total"),
            sample(after,
                "xueshi_http_requests_total{method=\"GET\",route=\"/api/v1/sync/changes\",status="
                "\"2xx\"}")
                - qMax(0.0,
                    sample(before,
                        "xueshi_http_requests_total{method=\"GET\",route=\"/api/v1/sync/"
                        "changes\",status=\"2xx\"}")));
        // The histogram: buckets never fall, +Inf is the count.
        const QByteArray l = "method=\"GET\",route=\"/api/v1/health\"";
        double previous = 0;
        for (const double bound : server::Metrics::kBuckets) {
            const double n = sample(after,
                "xueshi_http_request_duration_seconds_bucket{" + l + ",le=\""
                    + QByteArray::number(bound, 'g', 12) + "\"}");
            QVERIFY(n >= previous);
            previous = n;
        }
        QCOMPARE(
            sample(after, "xueshi_http_request_duration_seconds_bucket{" + l + ",le=\"+Inf\"}"),
            sample(after, "xueshi_http_request_duration_seconds_count{" + l + "}"));
        QVERIFY(sample(after, "xueshi_http_request_duration_seconds_count{" + l + "}") >= 5);
        QCOMPARE(sample(after, "xueshi_worker_queue_depth{lane=\"normal\"}"), 0.0);
        // Labels come from the route table: the path's id is not one.
        QVERIFY(!after.contains("no-such-user"));
    }

    void metrics_notifierOutbox_backlogAndDeliveries()
    {
        // A sender for e-mail whose SMTP server is down: its attempts fail and are retried.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 deadPort = closed.serverPort();
        closed.close();
        const QString path = temporaryDirectory() + QStringLiteral("/server.conf");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("[notifier]\nemail=smtp\nsmtp-url=smtp://127.0.0.1:%1\n"
                                  "smtp-from=noreply@xueshi.example.cn\nsmtp-timeout=5\n")
                       .arg(deadPort)
                       .toUtf8());
        file.close();
        QString error;
        const auto config = server::ServerConfig::open(path, {}, &error);
        QVERIFY2(config, qPrintable(error));
        TestServer server(config);
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        QVERIFY2(server.server().listenMetrics(0, &error), qPrintable(error));
        const quint16 port = server.server().metricsPort();
        const auto scrape = [port] {
            return bodyOf(exchange(port,
                "GET /metrics HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n", nullptr));
        };
        const QByteArray idle = scrape();
        QCOMPARE(sample(idle, "xueshi_notifier_outbox_waiting"), 0.0);
        QCOMPARE(sample(idle, "xueshi_notifier_outbox_oldest_waiting_seconds"), 0.0);
        QCOMPARE(sample(idle, "xueshi_notifier_deliveries_total{outcome=\"retry\"}"), 0.0);

        // A code queued 90 s ago (by the test clock); the development notifier's messages
        // (mobile codes here) are no backlog.
        const qint64 queued = server.clock().nowUtc().toMSecsSinceEpoch() - 90 * 1000;
        for (const char *transport : { "smtp", "development" }) {
            server.server().database().exec(
                QStringLiteral("INSERT INTO notifier_outbox (channel, destination, subject, body,"
                               " created_at, expires_at, transport, next_attempt_at)"
                               " VALUES ('email', 'a@example.cn', 's', 'b', ?, ?, ?, ?)"),
                { queued, queued + 3600 * 1000, QString::fromLatin1(transport), queued });
        }
        server.server().sender()->wake();
        QTRY_VERIFY_WITH_TIMEOUT(
            sample(scrape(), "xueshi_notifier_deliveries_total{outcome=\"retry\"}") >= 1, 20000);
        const QByteArray after = scrape();
        QCOMPARE(sample(after, "xueshi_notifier_outbox_waiting"), 1.0);
        QCOMPARE(sample(after, "xueshi_notifier_outbox_oldest_waiting_seconds"), 90.0);
        QCOMPARE(sample(after, "xueshi_notifier_deliveries_total{outcome=\"sent\"}"), 0.0);
        QCOMPARE(sample(after, "xueshi_notifier_deliveries_total{outcome=\"given_up\"}"), 0.0);
    }

    void metrics_onlyLocalUnproxiedGet()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        QString error;
        QVERIFY2(server.server().listenMetrics(0, &error), qPrintable(error));
        const quint16 port = server.server().metricsPort();
        for (const QByteArray &proxied : { QByteArray("x-forwarded-for: 203.0.113.9\r\n"),
                 QByteArray("x-real-ip: 203.0.113.9\r\n"),
                 QByteArray("forwarded: for=203.0.113.9\r\n") }) {
            const QByteArray answer = exchange(port,
                "GET /metrics HTTP/1.1\r\nhost: localhost\r\n" + proxied
                    + "connection: close\r\n\r\n",
                nullptr);
            QCOMPARE(statusOf(answer), 403);
            QVERIFY(!bodyOf(answer).contains("xueshi_"));
        }
        QCOMPARE(statusOf(exchange(port,
                     "GET /api/v1/health HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n",
                     nullptr)),
            404);
        QCOMPARE(statusOf(exchange(port,
                     "POST /metrics HTTP/1.1\r\nhost: localhost\r\ncontent-length: 0\r\n"
                     "connection: close\r\n\r\n",
                     nullptr)),
            405);
        // Not on the API's listener (what nginx forwards), under any path.
        TestClient client(server);
        QCOMPARE(client.get(QStringLiteral("/metrics")).status, 404);
        const QSslCertificate certificate = server.certificate();
        QCOMPARE(statusOf(exchange(server.port(),
                     "GET /metrics HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n",
                     &certificate)),
            404);
        // A peer from elsewhere (the listener is bound to 127.0.0.1; should it be reached
        // anyway): refused.
        server::HttpRequest remote;
        remote.method = "GET";
        remote.path = QStringLiteral("/metrics");
        remote.peer = QHostAddress(QStringLiteral("192.0.2.10"));
        int rendered = 0;
        const auto render = [&rendered] {
            ++rendered;
            return QByteArray("xueshi_x 1\n");
        };
        QCOMPARE(server::answerMetricsRequest(remote, render).status, 403);
        remote.peer = QHostAddress::LocalHost;
        QCOMPARE(server::answerMetricsRequest(remote, render).status, 200);
        QCOMPARE(rendered, 1);
    }
};

QTEST_GUILESS_MAIN(TestObservability)
#include "tst_observability.moc"

// The transport's graceful stop (SIGTERM, issue 14 "systemd"): a slow request in flight still
// gets its whole answer, an idle keep-alive connection is closed at once, new connections are
// refused, and drained() comes once nothing is left, or at the drain time with the rest cut.
#include "http/httpserver.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace xueshi::server;
using namespace xueshi::test;

namespace {

// Answers /slow after `slowMs` with a body of 200 KiB, anything else at once.
void serveSlowly(HttpServer &http, int slowMs)
{
    http.setHandler([slowMs](HttpRequest request, HttpServer::Responder respond) {
        HttpResponse response;
        response.contentType = "text/plain";
        if (request.path == QLatin1String("/slow")) {
            response.body = QByteArray(200 * 1024, 'x');
            QTimer::singleShot(slowMs, [respond, response] { respond(response); });
            return;
        }
        response.body = "fast";
        respond(response);
    });
}

} // namespace

class TestDrain final : public QObject
{
    Q_OBJECT

private slots:
    void drain_slowRequestInFlight_answeredWholeNewConnectionsRefused()
    {
        HttpServer http;
        serveSlowly(http, 1500);
        QVERIFY(http.listen(QHostAddress::LocalHost, 0));
        const quint16 port = http.serverPort();

        // An idle keep-alive connection that has had its answer.
        QTcpSocket idle;
        idle.connectToHost(QHostAddress::LocalHost, port);
        idle.write("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(readHttpAnswer(idle, 5000).endsWith("fast"));
        // A slow request whose answer is still being worked on.
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, port);
        slow.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(http.connectionCount(), 2);
        QTest::qWait(200); // the request is with the handler

        QSignalSpy drained(&http, &HttpServer::drained);
        QElapsedTimer clock;
        clock.start();
        http.drain(10000);
        QVERIFY(http.isDraining());
        // The idle connection goes at once.
        QTRY_COMPARE_WITH_TIMEOUT(idle.state(), QAbstractSocket::UnconnectedState, 1000);
        // A new connection is refused: nobody listens any more.
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, port);
        QTRY_COMPARE_WITH_TIMEOUT(late.state(), QAbstractSocket::UnconnectedState, 3000);
        QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
        QVERIFY(drained.isEmpty());

        // The slow answer arrives whole, telling the client the connection ends with it.
        const QByteArray answer = readHttpAnswer(slow, 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(200).constData());
        QVERIFY(answer.toLower().contains("connection: close"));
        QVERIFY(answer.endsWith(QByteArray(200 * 1024, 'x')));
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 3000);
        QVERIFY(clock.elapsed() >= 1000);
        QVERIFY(clock.elapsed() < 5000);
        QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 3000);
    }

    void drain_answerLaterThanDrainTime_cutAtTheDeadline()
    {
        HttpServer http;
        serveSlowly(http, 60000);
        QVERIFY(http.listen(QHostAddress::LocalHost, 0));
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, http.serverPort());
        slow.write("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE(http.connectionCount(), 1);
        QSignalSpy drained(&http, &HttpServer::drained);
        QElapsedTimer clock;
        clock.start();
        http.drain(500);
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 3000);
        QVERIFY(clock.elapsed() >= 450);
        QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 3000);
        QCOMPARE(http.connectionCount(), 0);
    }
};

QTEST_MAIN(TestDrain)
#include "tst_drain.moc"
